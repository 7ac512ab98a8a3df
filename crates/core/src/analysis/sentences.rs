//! Sentences: split a block's tokens at `.`, `!`, `?` (with any closing quotes
//! or brackets after them) when the next word starts a new sentence.
//! Abbreviations and initials keep their period in the token (see `tokens`), so
//! `U.S.`, `Mr.`, `Dec.`, `Sen.` and `W.` do not split; a line break inside a
//! block always ends a sentence.

use std::ops::Range;

use super::tokens::{Token, TokenKind, is_abbreviation};
use crate::lists::builtin;
use crate::span::Span;

/// A sentence: its span and its tokens (indices into the token list).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    pub tokens: Range<usize>,
}

fn is_terminal(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| matches!(c, '.' | '!' | '?' | '\u{2026}'))
}

fn is_closing(s: &str) -> bool {
    matches!(
        s,
        "\"" | "'" | "\u{201d}" | "\u{2019}" | ")" | "]" | "\u{00bb}"
    )
}

/// Whether token `k` closes: a closing mark, or a straight quote glued to the
/// token before it (`step."` closes, `agreed. "Yes` opens).
fn closes(text: &str, tokens: &[Token], k: usize) -> bool {
    let w = tokens[k].text(text);
    if matches!(w, "\"" | "'") {
        return k > 0 && tokens[k - 1].span().end == tokens[k].span().start;
    }
    is_closing(w)
}

fn is_opening(s: &str) -> bool {
    matches!(
        s,
        "\"" | "'" | "\u{201c}" | "\u{2018}" | "(" | "[" | "\u{00ab}" | "\u{2014}" | "-"
    )
}

/// Titles and initials: an abbreviation that never ends a sentence
/// (`binding_abbreviations`: `Dr.`, `No.`; or a single capital).
fn binds_forward(word: &str) -> bool {
    let stem = word.trim_end_matches('.');
    let single_initial = stem.chars().count() == 1 && stem.chars().all(char::is_uppercase);
    single_initial || builtin().binding_abbreviations.contains(stem)
}

/// Split the tokens of each block into sentences. `blocks` are the block spans
/// in order; `tokens` are all tokens of the text in order.
pub fn split(text: &str, tokens: &[Token], blocks: &[Span]) -> Vec<Sentence> {
    split_blocks(text, tokens, &block_ranges(tokens, blocks))
}

/// The tokens of each block (`blocks` in order, not overlapping): from the
/// first that starts in it, those that end in it.
pub fn block_ranges(tokens: &[Token], blocks: &[Span]) -> Vec<Range<usize>> {
    let mut t = 0;
    blocks
        .iter()
        .map(|block| {
            while t < tokens.len() && tokens[t].span().start < block.start {
                t += 1;
            }
            let first = t;
            while t < tokens.len() && tokens[t].span().end <= block.end {
                t += 1;
            }
            first..t
        })
        .collect()
}

/// [`split`] with the blocks' tokens known ([`block_ranges`], as the
/// tokenizer gives them block by block), so that they are not looked for
/// again.
pub fn split_blocks(text: &str, tokens: &[Token], blocks: &[Range<usize>]) -> Vec<Sentence> {
    let mut out = Vec::new();
    for range in blocks {
        split_block(text, tokens, range.clone(), &mut out);
    }
    out
}

fn split_block(text: &str, tokens: &[Token], range: Range<usize>, out: &mut Vec<Sentence>) {
    let bytes = text.as_bytes();
    let mut start = range.start;
    let mut i = range.start;
    while i < range.end {
        let span = tokens[i].span();
        let (mut end_here, last) = if may_end(&bytes[span.start..span.end]) {
            ends_sentence(text, tokens, i, range.end)
        } else {
            (false, i)
        };
        // a line break inside a block ends the sentence
        if !end_here
            && last + 1 < range.end
            && has_line_break(&bytes[tokens[last].span().end..tokens[last + 1].span().start])
        {
            end_here = true;
        }
        if end_here || last + 1 == range.end {
            out.push(Sentence {
                span: Span::new(tokens[start].span().start, tokens[last].span().end),
                tokens: start..last + 1,
            });
            start = last + 1;
        }
        i = last + 1;
    }
}

/// Whether the gap between two tokens holds a line break. Gaps are mostly a
/// byte or none: a plain loop costs less than `contains`, whose memchr is
/// made for long slices (`split` on 1 MB: 12.3M instructions against 12.8M,
/// and 19.6M with the memchr crate).
#[allow(clippy::manual_contains)]
fn has_line_break(gap: &[u8]) -> bool {
    gap.iter().any(|&b| b == b'\n')
}

/// Whether a token may end a sentence (but at a line break): only one that
/// ends in `.`, `!`, `?` or `…` (whose last byte is 0xA6) can, as
/// [`ends_sentence`] asks of it; most tokens are ruled out by their last byte.
fn may_end(word: &[u8]) -> bool {
    matches!(word.last(), Some(b'.' | b'!' | b'?' | 0xA6))
}

/// Whether the sentence ends with token `i` (a terminal mark, or a word with
/// a period), and its last token: `i` or a closing mark after it.
fn ends_sentence(text: &str, tokens: &[Token], i: usize, end: usize) -> (bool, usize) {
    let tok = tokens[i];
    let word = tok.text(text);
    let mut last = i;
    if is_terminal(word) {
        // absorb closing quotes and brackets
        while last + 1 < end && closes(text, tokens, last + 1) {
            last += 1;
        }
        return (starts_sentence(text, tokens, last + 1, end), last);
    }
    if tok.kind == TokenKind::Word && word.ends_with('.') && word.len() > 1 && !binds_forward(word)
    {
        // `U.S.` or `Inc.` at the end of a sentence: only when a typical
        // sentence opener follows, or the block ends.
        let next = tokens.get(last + 1).filter(|_| last + 1 < end);
        let end_here = match next {
            None => true,
            Some(n) => {
                let nw = n.text(text);
                // after `U.S.`, a word that starts sentences (`The`, `However`)
                builtin().sentence_starters.contains(nw)
                    || (is_opening(nw) && !is_abbreviation(word.trim_end_matches('.')))
            }
        };
        return (end_here, last);
    }
    (false, last)
}

/// Whether the token at `i` can start a sentence: a capital, a digit, an
/// opening quote or bracket — or the block ends.
fn starts_sentence(text: &str, tokens: &[Token], i: usize, end: usize) -> bool {
    if i >= end {
        return true;
    }
    let w = tokens[i].text(text);
    let c = w.chars().next().unwrap_or(' ');
    if c.is_uppercase() || c.is_numeric() {
        return true;
    }
    if is_opening(w) {
        return true;
    }
    // scripts without case (CJK, Arabic, Hebrew): any letter starts a sentence
    c.is_alphabetic() && !c.is_lowercase() && !c.is_uppercase()
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    proptest::proptest! {
        /// The tokens the tokenizer gives block by block are the blocks'
        /// tokens as `block_ranges` finds them, whatever the blocks (in
        /// order, not overlapping, with gaps between or none), so `Doc` may
        /// hand them to `split_blocks`.
        #[test]
        fn the_tokenizers_blocks_are_the_blocks_ranges(
            text in "([a-zA-Z.!?\"'” \n\u{e9}\u{2019}\u{2026}-]{0,12}){0,12}",
            cuts in proptest::collection::vec(0usize..200, 0..10),
        ) {
            let mut cuts: Vec<usize> = cuts
                .into_iter()
                .map(|c| c.min(text.len()))
                .filter(|&c| text.is_char_boundary(c))
                .collect();
            cuts.push(0);
            cuts.push(text.len());
            cuts.sort_unstable();
            cuts.dedup();
            // every other piece between cuts is a block
            let blocks: Vec<Span> = cuts
                .windows(2)
                .step_by(2)
                .map(|w| Span::new(w[0], w[1]))
                .collect();
            let mut tokens = Vec::new();
            let mut tokenizer = super::super::tokens::Tokenizer::default();
            let mut ranges = Vec::new();
            for block in &blocks {
                let start = tokens.len();
                tokenizer.push_tokens(&text, *block, &mut tokens);
                ranges.push(start..tokens.len());
            }
            proptest::prop_assert_eq!(&ranges, &block_ranges(&tokens, &blocks));
            proptest::prop_assert_eq!(
                split_blocks(&text, &tokens, &ranges),
                split(&text, &tokens, &blocks)
            );
        }
    }

    fn sentences(text: &str) -> Vec<&str> {
        let tokens = tokenize(text, Span::new(0, text.len()));
        split(text, &tokens, &[Span::new(0, text.len())])
            .iter()
            .map(|s| s.span.slice(text))
            .collect()
    }

    #[test]
    fn abbreviations_and_initials_do_not_split() {
        assert_eq!(
            sentences("Mr. Pompeo met Sen. Chang W. Lee on Dec. 3 in the U.S. capital. He left."),
            [
                "Mr. Pompeo met Sen. Chang W. Lee on Dec. 3 in the U.S. capital.",
                "He left."
            ]
        );
    }

    #[test]
    fn abbreviation_at_the_end_of_a_sentence_splits_before_an_opener() {
        assert_eq!(
            sentences("He moved to the U.S. The rest followed."),
            ["He moved to the U.S.", "The rest followed."]
        );
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        assert_eq!(
            sentences("\u{201c}It was a step.\u{201d} She agreed. \"Yes!\" he said."),
            [
                "\u{201c}It was a step.\u{201d}",
                "She agreed.",
                "\"Yes!\" he said."
            ]
        );
    }

    #[test]
    fn a_lowercase_continuation_does_not_split() {
        assert_eq!(
            sentences("the spokeswoman said. of the state department Nauert in a statement."),
            ["the spokeswoman said. of the state department Nauert in a statement."]
        );
    }

    #[test]
    fn line_breaks_end_sentences() {
        assert_eq!(
            sentences("First line\nSecond line"),
            ["First line", "Second line"]
        );
    }

    proptest::proptest! {
        #[test]
        fn a_token_ruled_out_by_its_last_byte_ends_no_sentence(
            text in "[a-zA-Z0-9 \n.!?\u{2026}\u{201d}\")'\u{2019}\u{4e2d}\u{a6}]{0,40}"
        ) {
            let tokens = tokenize(&text, Span::new(0, text.len()));
            for i in 0..tokens.len() {
                if !may_end(tokens[i].text(&text).as_bytes()) {
                    let asked = ends_sentence(&text, &tokens, i, tokens.len());
                    proptest::prop_assert_eq!(asked, (false, i));
                }
            }
        }
    }

    #[test]
    fn text_without_case_splits_on_punctuation() {
        assert_eq!(sentences("他来了. 我们走了."), ["他来了.", "我们走了."]);
    }
}
