//! Notes: highlights and notes anchored to an article's clean text, their
//! store, export and import.
//!
//! - [`model`]: a [`Note`] and its [`Target`] (W3C text quote + position).
//! - [`anchor`]: finding a note's passage again after the text changed.
//! - [`store`]: one notes file per article, written atomically, merged under a lock.
//! - [`by_content`]: an article's notes found by its text when its id has none
//!   (a file copied or moved, the same text on stdin).
//! - [`notebook`]: the notes of an open article: add, edit, delete, undo.
//! - [`export`]: Markdown and W3C Web Annotation JSON; [`import`] reads the latter.
//! - the reader's corrections of the analysis are kept in the same file
//!   ([`model::StoredCorrection`]), applied by [`crate::corrections::apply`];
//!   [`lexicon`]: the user lexicon, the names taught for every article.
//!
//! Notes depend on the article and its analysis, never on the reader.

pub mod anchor;
pub mod atomic;
pub mod by_content;
pub mod clock;
pub mod command;
pub mod draft;
pub mod export;
pub mod import;
pub mod lexicon;
pub mod model;
pub mod notebook;
pub mod settings;
pub mod store;

use std::path::PathBuf;

use uuid::Uuid;

pub use clock::{Clock, FixedClock, SystemClock};
pub use model::{Attachment, DetachedBy, Note, StoredCorrection, Target, parse_tags};
pub use notebook::{Notebook, OpenReport, Undone};
pub use store::Store;

/// What can go wrong with notes. Each message fits on one line.
#[derive(Debug, thiserror::Error)]
pub enum NotesError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot save {path}: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path} was written by a newer gloss (notes format {version}); left untouched")]
    TooNew { path: PathBuf, version: u32 },
    #[error("{path} exists and differs; use --force to replace it")]
    Exists { path: PathBuf },
    #[error(
        "{path} is held by {} for more than {waited} s; nothing saved (is another gloss stuck?)",
        holder.map_or("another process".to_string(), |pid| format!("process {pid}"))
    )]
    Locked {
        path: PathBuf,
        waited: f64,
        holder: Option<u32>,
    },
    #[error("no note with id {0}")]
    NoSuchNote(Uuid),
    #[error("the passage is empty or not in the text")]
    BadSpan,
    #[error("not Web Annotation JSON: {0}")]
    Import(String),
    #[error("{0}")]
    Refused(String),
    #[error(
        "{count} annotations in one file, more than [limits] import-annotations = {limit} \
         of config.toml allows; nothing imported"
    )]
    TooMany { count: usize, limit: usize },
}
