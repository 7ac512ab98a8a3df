//! The article: clean text split into blocks, with what is known about its source.
//!
//! `source` hands over decoded text; [`clean`] turns it into an [`Article`]. Every
//! later stage (analysis, reader, notes) addresses the article by byte spans of
//! [`Article::text`].

pub mod clean;

use serde::{Deserialize, Serialize};

use crate::span::Span;

pub use clean::{CleanOptions, clean};

/// What a block of the article is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BlockKind {
    Title,
    Heading,
    Dateline,
    Paragraph,
    Caption,
}

/// A block of text (title, heading, paragraph, ...), a span of [`Article::text`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    pub kind: BlockKind,
    #[serde(flatten)]
    pub span: Span,
}

/// What is known about where the article comes from. Each field may be unknown.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    pub url: Option<String>,
    pub site: Option<String>,
    pub byline: Option<String>,
    pub published: Option<String>,
    /// The wire service or outlet named in a dateline such as `(Bloomberg) –`.
    pub source: Option<String>,
}

/// A cleaned article: the text exactly as the reader shows it, and its blocks.
///
/// Blocks are separated by a blank line (`"\n\n"`) in `text` and listed in
/// reading order; the title, when there is one, is the first block.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    pub text: String,
    pub blocks: Vec<Block>,
    pub meta: Meta,
}

impl Article {
    /// The title's text, when the first block is a title.
    pub fn title(&self) -> Option<&str> {
        self.blocks
            .first()
            .filter(|b| b.kind == BlockKind::Title)
            .map(|b| b.span.slice(&self.text))
    }

    /// The text of a span.
    pub fn slice(&self, span: Span) -> &str {
        span.slice(&self.text)
    }

    /// The block that holds the byte `offset`, if any.
    pub fn block_at(&self, offset: usize) -> Option<&Block> {
        let i = self.blocks.partition_point(|b| b.span.end <= offset);
        self.blocks.get(i).filter(|b| b.span.contains(offset))
    }
}
