//! gloss-core: the analysis behind gloss, a terminal news reader.
//!
//! Data flows one way: raw text → [`article`] (clean text + blocks) →
//! [`analysis`] (entities, mentions, quotes as byte [`span`]s) → the caller
//! (the reader, notes, or [`annotate`]'s JSON). Nothing here does I/O or
//! touches a terminal: the lexicon and the tagger's model are compiled in.

pub mod analysis;
pub mod annotate;
pub mod article;
mod ascii;
pub mod corrections;
pub mod lists;
pub mod span;

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
