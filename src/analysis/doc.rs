//! The analysed document's scaffolding: tokens, sentences, blocks and
//! quotations, indexed so that every later step can ask "which sentence, which
//! block, which quotation is this token in?" in constant time.

use std::ops::Range;

use super::Parts;
use super::quotes::find::{self, Found};
use super::sentences::{self, Sentence};
use super::tagger::{self, Tag};
use super::tokens::{self, Token};
use crate::article::{Article, BlockKind};
use crate::span::Span;

pub struct Doc<'a> {
    pub text: &'a str,
    pub article: &'a Article,
    pub tokens: Vec<Token>,
    pub sentences: Vec<Sentence>,
    /// Token range of each block of the article.
    pub block_tokens: Vec<Range<usize>>,
    /// Quotations found, in reading order.
    pub quotes: Vec<Found>,
    /// Token range of each quotation, marks included.
    pub quote_tokens: Vec<Range<usize>>,
    /// The quotation each token is in (marks included), if any.
    pub in_quote: Vec<Option<usize>>,
    /// The sentence of each token.
    pub sentence_of: Vec<usize>,
    /// The block of each token.
    pub block_of: Vec<usize>,
    /// The named-entity tagger's label for each token (`O` throughout when
    /// the tagger is switched off).
    pub ner: Vec<Tag>,
    /// The parts that find names.
    pub parts: Parts,
}

impl<'a> Doc<'a> {
    pub fn new(article: &'a Article) -> Self {
        Doc::with_parts(article, Parts::default())
    }

    pub fn with_parts(article: &'a Article, parts: Parts) -> Self {
        // one of the two at least
        let parts = if parts.rules || parts.tagger {
            parts
        } else {
            Parts::default()
        };
        // a new document: the lexicon's memo starts afresh (see `lexicon::memo`)
        super::lexicon::forget_lookups();
        let text = article.text.as_str();
        let mut tokens = Vec::new();
        let mut block_tokens = Vec::with_capacity(article.blocks.len());
        for block in &article.blocks {
            let start = tokens.len();
            tokens.extend(tokens::tokenize(text, block.span));
            block_tokens.push(start..tokens.len());
        }
        let spans: Vec<Span> = article.blocks.iter().map(|b| b.span).collect();
        let sentences = sentences::split(text, &tokens, &spans);
        let quotes = find::find(text, &spans);
        let mut in_quote = vec![None; tokens.len()];
        let mut quote_tokens = Vec::with_capacity(quotes.len());
        for (q, found) in quotes.iter().enumerate() {
            let end_offset = found.close.unwrap_or(found.span.end);
            let first = tokens.partition_point(|t| t.span.start < found.open);
            let last = tokens.partition_point(|t| t.span.end <= end_offset);
            let range = first..last.max(first);
            for slot in &mut in_quote[range.clone()] {
                *slot = Some(q);
            }
            quote_tokens.push(range);
        }
        let mut sentence_of = vec![0; tokens.len()];
        for (s, sentence) in sentences.iter().enumerate() {
            for slot in &mut sentence_of[sentence.tokens.clone()] {
                *slot = s;
            }
        }
        let mut block_of = vec![0; tokens.len()];
        for (b, range) in block_tokens.iter().enumerate() {
            for slot in &mut block_of[range.clone()] {
                *slot = b;
            }
        }
        let ner = if parts.tagger {
            let words: Vec<&str> = tokens.iter().map(|t| t.text(text)).collect();
            let ranges: Vec<_> = sentences.iter().map(|s| s.tokens.clone()).collect();
            tagger::ner().tag_article(&words, &ranges)
        } else {
            vec![Tag::outside(); tokens.len()]
        };
        Doc {
            ner,
            parts,
            text,
            article,
            tokens,
            sentences,
            block_tokens,
            quotes,
            quote_tokens,
            in_quote,
            sentence_of,
            block_of,
        }
    }

    /// The text of token `i`.
    pub fn word(&self, i: usize) -> &'a str {
        self.tokens[i].text(self.text)
    }

    /// The span covering tokens `range` (non-empty).
    pub fn span(&self, range: &Range<usize>) -> Span {
        Span::new(
            self.tokens[range.start].span.start,
            self.tokens[range.end - 1].span.end,
        )
    }

    /// The text covering tokens `range` (non-empty).
    pub fn slice(&self, range: &Range<usize>) -> &'a str {
        self.span(range).slice(self.text)
    }

    /// The kind of the block token `i` is in.
    pub fn block_kind(&self, i: usize) -> BlockKind {
        self.article.blocks[self.block_of[i]].kind
    }

    /// Whether token `i` is in a title or heading block.
    pub fn in_heading(&self, i: usize) -> bool {
        matches!(self.block_kind(i), BlockKind::Title | BlockKind::Heading)
    }
}
