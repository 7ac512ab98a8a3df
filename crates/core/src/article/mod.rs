//! The article: clean text split into blocks, with what is known about its source.
//!
//! `source` hands over decoded text; [`clean`] turns text into an [`Article`],
//! [`from_html`] a web page ([`read`] tells which the input is, [`sniff`]).
//! Every later stage (analysis, reader, notes) addresses the article by byte
//! spans of [`Article::text`].

pub mod clean;
pub mod html;

use serde::{Deserialize, Serialize};

use crate::span::Span;

pub use clean::{CleanOptions, Rewrite, clean, clean_blocks};
pub use html::{Format, body_blocks, from_html, read, sniff};

/// What a block of the article is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BlockKind {
    Title,
    Heading,
    Dateline,
    Paragraph,
    Caption,
    /// A block quote (an HTML `<blockquote>`, or a paragraph of one).
    Quote,
    /// A list item; its bullet or number is drawn, not part of the text.
    Item,
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
    /// The language the page declares, ISO 639-1 lowercased (`en`).
    pub language: Option<String>,
}

/// A cleaned article: the text exactly as the reader shows it, and its blocks.
///
/// # Invariants
///
/// [`clean`] guarantees these (and [`check_invariants`] checks them):
///
/// 1. Every block span lies inside `text`, on character boundaries, and is
///    not empty; a block's text has no leading or trailing whitespace and no
///    newline.
/// 2. Blocks are listed in reading order and never overlap: each starts
///    after the one before ends.
/// 3. Between two consecutive blocks `text` holds exactly `"\n\n"`, except
///    after a [`BlockKind::Dateline`], which is followed on the same line by
///    one space and then a [`BlockKind::Paragraph`] (`(Bloomberg) – The
///    President said...`). So every character of `text` outside these
///    separators belongs to exactly one block, and `text` neither starts nor
///    ends with whitespace.
/// 4. Only the first block can be a [`BlockKind::Title`]; when the first line
///    reads like a paragraph there is no title.
/// 5. `text` holds no control character but `\n` (no tab, no escape
///    sequence), no bidi override and no zero-width space; it is in Unicode
///    normalisation form C.
///
/// An empty input (or one that is all junk) gives an empty `text` and no blocks.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    pub text: String,
    pub blocks: Vec<Block>,
    pub meta: Meta,
}

/// Check the invariants documented on [`Article`]; the first one broken, if any.
pub fn check_invariants(article: &Article) -> Result<(), String> {
    let text = article.text.as_str();
    if text.trim() != text {
        return Err("text starts or ends with whitespace".into());
    }
    if let Some(c) = text.chars().find(|&c| {
        (c.is_control() && c != '\n')
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200B}')
    }) {
        return Err(format!("text holds {c:?}"));
    }
    let mut pos = 0;
    for (i, block) in article.blocks.iter().enumerate() {
        let Block { kind, span } = *block;
        let Some(slice) = text.get(span.start..span.end) else {
            return Err(format!(
                "block {i} {span:?} is outside the text or not on char boundaries"
            ));
        };
        if slice.is_empty() || slice.trim() != slice || slice.contains('\n') {
            return Err(format!(
                "block {i} is empty, untrimmed or holds a newline: {slice:?}"
            ));
        }
        if kind == BlockKind::Title && i > 0 {
            return Err(format!("block {i} is a title but not the first"));
        }
        let gap = &text[pos..span.start];
        let after_dateline = i > 0 && article.blocks[i - 1].kind == BlockKind::Dateline;
        let expected = match (i, after_dateline) {
            (0, _) => "",
            (_, true) => " ",
            (_, false) => "\n\n",
        };
        if gap != expected {
            return Err(format!("block {i} follows {gap:?}, expected {expected:?}"));
        }
        if after_dateline && kind != BlockKind::Paragraph {
            return Err(format!(
                "block {i} after a dateline is {kind:?}, not a paragraph"
            ));
        }
        pos = span.end;
    }
    if pos != text.len() {
        return Err(format!("text after the last block: {:?}", &text[pos..]));
    }
    if article
        .blocks
        .last()
        .is_some_and(|b| b.kind == BlockKind::Dateline)
    {
        return Err("the last block is a dateline".into());
    }
    Ok(())
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
