//! gloss: a terminal news reader that annotates as you read.
//!
//! Data flows one way:
//! `source` (bytes to text) → `article` (clean text + blocks) → `analysis`
//! (entities, mentions, quotes as byte spans) → `ui` | `notes` | `annotate` (JSON).

pub mod analysis;
pub mod annotate;
pub mod article;
pub mod article_id;
mod ascii;
pub mod cli;
pub mod config;
pub mod notes;
pub mod source;
pub mod span;
pub mod ui;

/// mimalloc: the analysis makes many small, short-lived allocations (words,
/// phrases, spans), which it serves faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

pub use analysis::{Analysis, analyze};
pub use article::Article;
pub use span::Span;

/// An article with its analysis: what the reader, the notes and the export work on.
#[derive(Clone, Debug)]
pub struct Document {
    pub article: Article,
    pub analysis: Analysis,
}

impl Document {
    /// Clean raw text and analyse it.
    pub fn from_text(raw: &str, options: &article::CleanOptions) -> Self {
        let article = article::clean(raw, options);
        let analysis = analyze(&article);
        Document { article, analysis }
    }
}
