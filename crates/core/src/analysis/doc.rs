//! The analysed document's scaffolding: tokens, sentences, blocks and
//! quotations, indexed so that every later step can ask "which sentence is
//! this token in?" in constant time, and "which block?" in logarithmic time.
//!
//! A 100 MB article has some 20 million tokens: every byte kept per token
//! costs 20 MB, so what is kept per token is kept narrow (`u32`, 8-byte tags).

use std::borrow::Cow;
use std::ops::Range;

use smallvec::SmallVec;

use super::Parts;
use super::quotes::find::{self, Found};
use super::sentences::{self, Sentence};
use super::tagger::{self, Tag};
use super::tokens::{self, Token, TokenKind};
use crate::article::{Article, Block, BlockKind};
use crate::span::Span;

/// The words of a few tokens (a name, a phrase): no allocation up to eight.
pub type Words<'a> = SmallVec<[&'a str; 8]>;

pub struct Doc<'a> {
    pub text: &'a str,
    pub article: &'a Article,
    /// The blocks the analysis reads: the article's, a block longer than
    /// [`Parts::line_bytes`] cut into pieces ([`pieces`]).
    pub blocks: Cow<'a, [Block]>,
    pub tokens: Vec<Token>,
    pub sentences: Vec<Sentence>,
    /// Token range of each block of the article.
    pub block_tokens: Vec<Range<usize>>,
    /// Quotations found, in reading order.
    pub quotes: Vec<Found>,
    /// Token range of each quotation, marks included.
    pub quote_tokens: Vec<Range<usize>>,
    /// The sentence of each token (see [`Doc::sentence_at`]).
    pub sentence_of: Vec<u32>,
    /// The named-entity tagger's label for each token (`O` throughout when
    /// the tagger is switched off).
    pub ner: Vec<NerTag>,
    /// The parts that find names.
    pub parts: Parts,
}

impl<'a> Doc<'a> {
    pub fn new(article: &'a Article) -> Self {
        Doc::with_parts(article, Parts::default())
    }

    pub fn with_parts(article: &'a Article, parts: Parts) -> Self {
        let blocks = pieces(&article.text, &article.blocks, parts.line_bytes);
        Doc::with_blocks(article, blocks, parts)
    }

    /// The document of some of `article`'s blocks (its text whole, spans
    /// into it): what the analysis reads of one chunk of a long article.
    pub fn with_blocks(article: &'a Article, blocks: Cow<'a, [Block]>, parts: Parts) -> Self {
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
        let mut tokenizer = tokens::Tokenizer::default();
        let mut block_tokens = Vec::with_capacity(blocks.len());
        for block in blocks.iter() {
            let start = tokens.len();
            tokenizer.push_tokens(text, block.span, &mut tokens);
            block_tokens.push(start..tokens.len());
        }
        let spans: Vec<Span> = blocks.iter().map(|b| b.span).collect();
        // the tokenizer's blocks of tokens are those `split` would look for
        debug_assert_eq!(block_tokens, sentences::block_ranges(&tokens, &spans));
        let sentences = sentences::split_blocks(text, &tokens, &block_tokens);
        let quotes = find::find(text, &spans);
        let quote_tokens = quotes
            .iter()
            .map(|found| {
                let end_offset = found.close.unwrap_or(found.span.end);
                let first = tokens.partition_point(|t| t.span().start < found.open);
                let last = tokens.partition_point(|t| t.span().end <= end_offset);
                first..last.max(first)
            })
            .collect();
        // fewer sentences than u32::MAX: a text of at most 4 GiB has fewer tokens
        let mut sentence_of = vec![0; tokens.len()];
        for (s, sentence) in sentences.iter().enumerate() {
            sentence_of[sentence.tokens.clone()].fill(s as u32);
        }
        let ner = if parts.tagger {
            tag_entities(text, &tokens, &sentences, RUN_TOKENS)
        } else {
            vec![NerTag::OUTSIDE; tokens.len()]
        };
        Doc {
            ner,
            parts,
            text,
            article,
            blocks,
            tokens,
            sentences,
            block_tokens,
            quotes,
            quote_tokens,
            sentence_of,
        }
    }

    /// The text of token `i`.
    pub fn word(&self, i: usize) -> &'a str {
        self.tokens[i].text(self.text)
    }

    /// The texts of tokens `range`, on the stack for a name's few words.
    pub fn words(&self, range: Range<usize>) -> Words<'a> {
        range.map(|i| self.word(i)).collect()
    }

    /// The text of token `k` if it lies in sentence `sentence` (`None` past
    /// the last token).
    pub fn word_in_sentence(&self, k: usize, sentence: u32) -> Option<&'a str> {
        (self.sentence_of.get(k) == Some(&sentence)).then(|| self.word(k))
    }

    /// Whether token `k` is a word of sentence `sentence` that starts with a
    /// capital.
    pub fn capitalised_in_sentence(&self, k: usize, sentence: u32) -> bool {
        self.word_in_sentence(k, sentence).is_some_and(|w| {
            self.tokens[k].kind == TokenKind::Word
                && w.chars().next().is_some_and(char::is_uppercase)
        })
    }

    /// Where a run of capitalised words of sentence `sentence` that begins at
    /// token `from` ends, after `max` words at most (`from` if there is none).
    pub fn capitalised_run_end(&self, from: usize, sentence: u32, max: usize) -> usize {
        (from..from + max)
            .find(|&k| !self.capitalised_in_sentence(k, sentence))
            .unwrap_or(from + max)
    }

    /// The span covering tokens `range` (non-empty).
    pub fn span(&self, range: &Range<usize>) -> Span {
        Span::new(
            self.tokens[range.start].span().start,
            self.tokens[range.end - 1].span().end,
        )
    }

    /// The text covering tokens `range` (non-empty).
    pub fn slice(&self, range: &Range<usize>) -> &'a str {
        self.span(range).slice(self.text)
    }

    /// The sentence token `i` is in.
    pub fn sentence_at(&self, i: usize) -> &Sentence {
        &self.sentences[self.sentence_of[i] as usize]
    }

    /// The kind of the block token `i` is in.
    pub fn block_kind(&self, i: usize) -> BlockKind {
        // the first block ending after `i` (blocks without tokens end before it)
        let block = self.block_tokens.partition_point(|r| r.end <= i);
        self.blocks[block].kind
    }

    /// Whether token `i` is in a title or heading block.
    pub fn in_heading(&self, i: usize) -> bool {
        matches!(self.block_kind(i), BlockKind::Title | BlockKind::Heading)
    }
}

/// The article's blocks with each longer than `line_bytes` cut into pieces of
/// at most that many bytes (of its kind): after the last sentence end (a
/// `.`, `!` or `?`, closing quotes after it, then a space) in the second
/// half of the piece, else at its last space, else at a character boundary;
/// the spaces at a cut belong to no piece. Borrowed when no block is longer.
pub fn pieces<'a>(text: &str, blocks: &'a [Block], line_bytes: usize) -> Cow<'a, [Block]> {
    let line_bytes = line_bytes.max(16);
    if blocks.iter().all(|b| b.span.len() <= line_bytes) {
        return Cow::Borrowed(blocks);
    }
    let mut out = Vec::with_capacity(blocks.len());
    for block in blocks {
        let mut start = block.span.start;
        let end = block.span.end;
        while end - start > line_bytes {
            let cut = cut_before(text, start, start + line_bytes);
            out.push(Block {
                kind: block.kind,
                span: Span::new(start, cut),
            });
            start = cut + text[cut..end].len() - text[cut..end].trim_start().len();
        }
        if start < end {
            out.push(Block {
                kind: block.kind,
                span: Span::new(start, end),
            });
        }
    }
    Cow::Owned(out)
}

/// Where to end a piece that begins at `start` and may reach `limit`
/// (exclusive; `limit` > `start` + 8): see [`pieces`]. Always after `start`.
fn cut_before(text: &str, start: usize, limit: usize) -> usize {
    let bytes = text.as_bytes();
    let half = start + (limit - start) / 2;
    let window = &bytes[half..limit];
    let mut last_space = None;
    for (i, &b) in window.iter().enumerate().rev() {
        if b != b' ' {
            continue;
        }
        let at = half + i;
        last_space.get_or_insert(at);
        let before = text[start..at].trim_end_matches(['"', '\'', '”', '’', ')']);
        if before.ends_with(['.', '!', '?']) && at > start {
            return at;
        }
    }
    match last_space {
        Some(at) if at > start => at,
        _ => {
            let mut at = limit;
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            at
        }
    }
}

/// Tokens tagged in one call: about 5 MB of text.
const RUN_TOKENS: usize = 1 << 20;

/// Tag the tokens' named entities, runs of whole sentences of about
/// `run_tokens` at a time: the tagger's words and full [`Tag`]s are then only
/// held for one run, not for the whole article. Tags are the same as in one
/// call (the tagger looks at one sentence at a time).
fn tag_entities(
    text: &str,
    tokens: &[Token],
    sentences: &[Sentence],
    run_tokens: usize,
) -> Vec<NerTag> {
    let tagger = tagger::ner();
    let mut ner = Vec::with_capacity(tokens.len());
    let mut words: Vec<&str> = Vec::new();
    let mut ranges: Vec<Range<usize>> = Vec::new();
    let mut start = 0;
    let mut rest = sentences;
    loop {
        // whole sentences, up to `run_tokens` tokens (at least one sentence);
        // the last run takes every token left
        let n = rest
            .iter()
            .position(|s| s.tokens.end.saturating_sub(start) > run_tokens)
            .unwrap_or(rest.len())
            .clamp(1.min(rest.len()), rest.len());
        let (run, after) = rest.split_at(n);
        let end = match run.last() {
            Some(last) if !after.is_empty() => last.tokens.end,
            _ => tokens.len(),
        };
        words.clear();
        words.extend(tokens[start..end].iter().map(|t| t.text(text)));
        ranges.clear();
        ranges.extend(
            run.iter()
                .map(|s| s.tokens.start - start..s.tokens.end - start),
        );
        let labels = tagger.labels();
        let tags = tagger.tag_article(&words, &ranges);
        ner.extend(tags.iter().map(|tag| NerTag::new(labels, tag)));
        if after.is_empty() {
            break;
        }
        (start, rest) = (end, after);
    }
    ner
}

/// The named-entity tagger's label for one token, with its confidence: 8
/// bytes rather than a [`Tag`]'s 24.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NerTag {
    /// The label's number among [`tagger::ner`]'s labels, or [`Self::O`].
    label: u8,
    /// Softmax probability of the label over the tagger's scores (0..1).
    pub confidence: f32,
}

impl NerTag {
    /// The label number of `O` given without the tagger.
    const O: u8 = u8::MAX;

    /// `O` with no confidence: what a switched-off tagger says.
    pub const OUTSIDE: NerTag = NerTag {
        label: Self::O,
        confidence: 0.0,
    };

    /// The tag given `labels` (the tagger's, at most 255 of them).
    fn new(labels: &[&str], tag: &Tag) -> Self {
        // the tagger's labels are the very strings of `labels`: compared as
        // pointers first, which is all it takes but for a foreign `Tag`
        let label = labels
            .iter()
            .position(|l| std::ptr::eq(*l, tag.label))
            .or_else(|| labels.iter().position(|l| *l == tag.label))
            .and_then(|i| u8::try_from(i).ok())
            .unwrap_or(Self::O);
        NerTag {
            label,
            confidence: tag.confidence,
        }
    }

    /// `B-PER`, `I-ORG`, `O`, ...
    pub fn label(&self) -> &'static str {
        match self.label {
            Self::O => "O",
            i => tagger::ner().labels()[usize::from(i)],
        }
    }

    /// The entity type of the label (`B-PER` → `PER`), `None` for `O`.
    pub fn entity_type(&self) -> Option<&'static str> {
        let label = self.label();
        label.get(2..).filter(|_| label.len() > 2)
    }

    /// Whether this token starts an entity (`B-`).
    pub fn begins(&self) -> bool {
        self.label().starts_with("B-")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{CleanOptions, clean};

    fn article() -> Article {
        let raw = "A Title\n\nShort heading\n\nPresident Donald Trump met Kim Jong Un in Hanoi. \
                   \"We had a good talk,\" Trump said.\n\n\
                   Secretary of State Mike Pompeo flew to Seoul, South Korea. The talks ended.";
        clean(raw, &CleanOptions::default())
    }

    #[test]
    fn a_long_block_is_read_in_pieces_cut_after_sentences() {
        let sentence = "Talks went on all night in the capital. ";
        let line = sentence.repeat(200);
        let article = clean(&line, &CleanOptions::default());
        assert_eq!(article.blocks.len(), 1);
        let text = article.text.as_str();
        let cut = pieces(text, &article.blocks, 1000);
        assert!(cut.len() >= 8, "{}", cut.len());
        let mut covered = String::new();
        for (i, piece) in cut.iter().enumerate() {
            assert!(
                piece.span.len() <= 1000,
                "piece {i} is {} bytes",
                piece.span.len()
            );
            let shown = piece.span.slice(text);
            assert_eq!(shown.trim(), shown, "piece {i} is trimmed");
            assert!(
                shown.ends_with('.') || i == cut.len() - 1,
                "piece {i}: {shown:?}"
            );
            covered.push_str(shown);
        }
        // every character but the spaces at the cuts is in a piece
        assert_eq!(covered.replace(' ', ""), text.replace(' ', ""));
        // short blocks are the article's own
        assert!(matches!(
            pieces(text, &article.blocks, text.len()),
            Cow::Borrowed(_)
        ));
        // a line with no space is cut at character boundaries
        let word = "ü".repeat(3000);
        let article = clean(&word, &CleanOptions::default());
        let cut = pieces(&article.text, &article.blocks, 1001);
        assert!(
            cut.iter()
                .all(|p| p.span.len() <= 1001 && article.text.is_char_boundary(p.span.end))
        );
        assert_eq!(
            cut.iter().map(|p| p.span.len()).sum::<usize>(),
            article.text.len()
        );
    }

    #[test]
    fn tags_in_short_runs_are_the_tags_of_one_call() {
        let article = article();
        let doc = Doc::new(&article);
        let words: Vec<&str> = (0..doc.tokens.len()).map(|i| doc.word(i)).collect();
        let ranges: Vec<_> = doc.sentences.iter().map(|s| s.tokens.clone()).collect();
        let labels = tagger::ner().labels();
        let one_call: Vec<NerTag> = tagger::ner()
            .tag_article(&words, &ranges)
            .iter()
            .map(|t| NerTag::new(labels, t))
            .collect();
        assert_eq!(doc.ner, one_call);
        assert!(doc.ner.iter().any(|t| t.entity_type() == Some("PER")));
        for run in [1, 5, 12, usize::MAX] {
            let tags = tag_entities(doc.text, &doc.tokens, &doc.sentences, run);
            assert_eq!(tags, one_call, "runs of {run} tokens");
        }
    }

    #[test]
    fn a_tag_keeps_its_label_and_confidence() {
        let labels = tagger::ner().labels();
        for (i, label) in labels.iter().enumerate() {
            let tag = Tag {
                label,
                confidence: i as f32 / 10.0,
                margin: 1.0,
            };
            let ner = NerTag::new(labels, &tag);
            assert_eq!(ner.label(), *label);
            assert_eq!(ner.confidence, tag.confidence);
            assert_eq!(ner.entity_type(), tag.entity_type());
            assert_eq!(ner.begins(), tag.begins());
        }
        assert_eq!(NerTag::OUTSIDE.label(), "O");
        assert_eq!(NerTag::OUTSIDE.entity_type(), None);
    }

    #[test]
    fn each_token_knows_its_sentence_and_block() {
        let article = article();
        let doc = Doc::new(&article);
        for (s, sentence) in doc.sentences.iter().enumerate() {
            for i in sentence.tokens.clone() {
                assert_eq!(doc.sentence_at(i), sentence, "token {i} in sentence {s}");
            }
        }
        for (b, range) in doc.block_tokens.iter().enumerate() {
            for i in range.clone() {
                assert_eq!(doc.block_kind(i), article.blocks[b].kind, "token {i}");
            }
        }
        assert!(doc.in_heading(0));
    }
}
