//! Roads named by their number: a kind of road and its number (`Route 66`,
//! `Interstate 35`, `State Route 9`), and a number shaped like a road's
//! (`M62`, `A303`, `I-44`, `US-75`) where a road's words stand near it
//! (`the M1 northbound`, `along the A303`). The bare shape alone is as
//! often a model, a grade, a page or a summit (`A1 sauce`, `a B2 grade`,
//! `F-16`, `G7`), so it needs that context.

use super::Occurrence;
use crate::analysis::doc::Doc;
use crate::analysis::lexicon::Lexicon;
use crate::analysis::names::rules::{self, Ballot};
use crate::analysis::names::segment::NameSpan;
use crate::analysis::tokens::TokenKind;

/// How many words either side of a road-shaped number are looked at for a
/// road's word.
const WINDOW: usize = 4;

/// Cast the votes of a road's name or number.
pub fn votes(doc: &Doc, lex: &Lexicon, o: &Occurrence, b: &mut Ballot) {
    if kind_and_number(lex, o.words) {
        b.cast(&rules::ROAD_NAME);
    } else if numbered_place(lex, o.words) {
        b.cast(&rules::NUMBERED_PLACE);
    } else if number_in_road_context(doc, lex, o.span) {
        b.cast(&rules::ROAD_NUMBER);
    }
}

/// `Route 66`, `State Route 9`: a kind of road and then its number.
fn kind_and_number(lex: &Lexicon, words: &[&str]) -> bool {
    let n = words.len();
    n >= 2 && is_number(words[n - 1]) && lex.lists.road_kinds.contains(words[n - 2])
}

/// `Terminal 2`, `Building 31`: a part of a facility and then its number.
fn numbered_place(lex: &Lexicon, words: &[&str]) -> bool {
    let n = words.len();
    n >= 2 && is_number(words[n - 1]) && lex.lists.numbered_places.contains(words[n - 2])
}

/// One to four digits, the first not zero.
fn is_number(w: &str) -> bool {
    (1..=4).contains(&w.len()) && w.bytes().all(|c| c.is_ascii_digit()) && !w.starts_with('0')
}

/// Whether a name is shaped like a road's number: a road letter and digits
/// (`M62`, `A303`, `B1234`, `N7`, `E40`), or a road system's letters, a
/// hyphen and digits (`I-44`, `US-75`, `SR-9`).
fn road_shaped(full: &str) -> bool {
    if let Some((letters, digits)) = full.split_once('-') {
        return matches!(letters, "I" | "US" | "SR" | "SH") && is_number(digits);
    }
    let mut chars = full.chars();
    matches!(chars.next(), Some('A' | 'B' | 'M' | 'N' | 'E')) && is_number(chars.as_str())
}

/// A road-shaped number with a road's word at most [`WINDOW`] words before
/// or after it, in its sentence (`the M1 northbound to junction 32`).
pub fn number_in_road_context(doc: &Doc, lex: &Lexicon, s: &NameSpan) -> bool {
    if !road_shaped(doc.slice(&s.tokens)) {
        return false;
    }
    let sentence = doc.sentence_of[s.tokens.start];
    let before = s.tokens.start.saturating_sub(WINDOW)..s.tokens.start;
    let after = s.tokens.end..(s.tokens.end + WINDOW).min(doc.tokens.len());
    before.chain(after).any(|k| {
        doc.sentence_of[k] == sentence
            && doc.tokens[k].kind == TokenKind::Word
            && lex.lists.road_words.contains(doc.word(k))
    })
}

/// A road-shaped number after `the` (`the A59`), as roads are named in
/// running text: a text that names a road elsewhere names this one too.
pub fn road_number_after_the(doc: &Doc, s: &NameSpan) -> bool {
    let start = s.tokens.start;
    start > 0
        && doc.sentence_of[start - 1] == doc.sentence_of[start]
        && doc.word(start - 1).eq_ignore_ascii_case("the")
        && road_shaped(doc.slice(&s.tokens))
}

#[cfg(test)]
mod tests {
    use super::road_shaped;

    #[test]
    fn road_numbers_have_their_shapes() {
        for w in ["M62", "A303", "A1", "B1234", "I-44", "US-75", "SR-9"] {
            assert!(road_shaped(w), "{w}");
        }
        for w in [
            "F-16", "B-52", "G7", "COVID-19", "A01", "M", "A12345", "X5", "Ab1",
        ] {
            assert!(!road_shaped(w), "{w}");
        }
    }
}
