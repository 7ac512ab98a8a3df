//! Cleaning scraped text into an [`Article`]. (A first version: blocks split on
//! blank lines, the first one taken as the title.)

use super::{Article, Block, BlockKind, Meta};
use crate::span::Span;

/// Options for cleaning, from the `[clean]` section of the configuration.
#[derive(Clone, Debug, Default)]
pub struct CleanOptions {}

/// Clean decoded text into an article.
pub fn clean(raw: &str, _options: &CleanOptions) -> Article {
    let mut text = String::new();
    let mut blocks = Vec::new();
    for para in raw.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let start = text.len();
        text.push_str(para);
        let kind = if blocks.is_empty() {
            BlockKind::Title
        } else {
            BlockKind::Paragraph
        };
        blocks.push(Block {
            kind,
            span: Span::new(start, text.len()),
        });
    }
    Article {
        text,
        blocks,
        meta: Meta::default(),
    }
}
