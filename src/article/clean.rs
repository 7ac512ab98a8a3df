//! Cleaning scraped text into an [`Article`]: scraper junk removed, then
//! blocks split on blank lines, the first one taken as the title.

mod patterns;

use serde::Deserialize;

use super::{Article, Block, BlockKind, Meta};
use crate::span::Span;
pub use patterns::{InlinePatterns, LinePatterns, Pattern, PrefixPatterns};

/// Options for cleaning: the `[clean]` section of the configuration.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CleanOptions {
    /// Removed wherever they occur, also glued to other text.
    pub junk_markers: InlinePatterns,
    /// A line that one of these matches entirely is removed.
    pub junk_lines: LinePatterns,
}

impl Default for CleanOptions {
    /// The defaults of `config.toml`.
    fn default() -> Self {
        crate::config::Config::defaults().clean
    }
}

/// Clean decoded text into an article.
pub fn clean(raw: &str, options: &CleanOptions) -> Article {
    let unmarked = match options.junk_markers.regex() {
        Some(re) => re.replace_all(raw, ""),
        None => raw.into(),
    };
    let kept: Vec<&str> = unmarked
        .lines()
        .filter(|l| !options.junk_lines.matches(l.trim()))
        .collect();
    let kept = kept.join("\n");
    let mut text = String::new();
    let mut blocks = Vec::new();
    for para in kept.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ad_markers_glued_to_text_and_source_link_lines_are_removed() {
        let raw = "Title\n\n[ad_1]\n\nBody text.\n\n[ad_2]Source link\n";
        let article = clean(raw, &CleanOptions::default());
        assert_eq!(article.text, "Title\n\nBody text.");
    }
}
