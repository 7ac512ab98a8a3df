//! gloss: a terminal news reader that annotates as you read.
//!
//! Data flows one way:
//! `source` (bytes to text) → `article` (clean text + blocks) → `analysis`
//! (entities, mentions, quotes as byte spans) → `ui` | `notes` | `annotate` (JSON).
//!
//! The cleaning and the analysis live in the `gloss-core` crate (no terminal,
//! no I/O); they are re-exported here under their usual names.

pub use gloss_core::{
    Analysis, Article, Document, Span, analysis, analyze, annotate, article, corrections, span,
};

pub mod article_id;
pub mod cli;
pub mod config;
pub mod feeds;
pub mod library;
pub mod notes;
pub mod sanitize;
pub mod source;
pub mod ui;
