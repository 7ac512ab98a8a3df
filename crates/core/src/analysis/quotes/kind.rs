//! Full quote or partial one: a scare quote (`"gangsters"`), a quoted phrase
//! (`"as soon as possible"`) or a quoted title (`"The World of Tomorrow"`) is
//! partial, so the Quotes pane can leave it out. Whole clauses are full, even
//! short ones (`"I'm not," replied Dejesus`). A quotation right after a word
//! naming a work (`the song "It's Our Time"`, `a commentary, "Tell your
//! story,"`: `work_nouns`) is that work's title: partial.

use super::find::Found;
use crate::analysis::QuoteKind;
use crate::analysis::lexicon::lists::WordLists;
use crate::analysis::tokens::{Token, TokenKind, with_lowercase};
use crate::article::BlockKind;

/// Decide the kind of a quotation.
///
/// `tokens` are the tokens inside the quotation; `starts_clause` says whether
/// the quotation opens its sentence (or follows a colon); `block` is the kind
/// of block it is in; `lists` the word lists (`title_small_words`).
pub fn classify(
    text: &str,
    found: &Found,
    tokens: &[Token],
    starts_clause: bool,
    block: BlockKind,
    lists: &WordLists,
) -> QuoteKind {
    if matches!(block, BlockKind::Title | BlockKind::Heading) {
        return QuoteKind::Partial;
    }
    // a stage direction alone (`"(CROSSTALK.)`, `"[inaudible]"`): no one's words
    if is_bracketed(found.span.slice(text)) {
        return QuoteKind::Partial;
    }
    let words: Vec<&str> = tokens
        .iter()
        .filter(|t| t.kind != TokenKind::Punct)
        .map(|t| t.text(text))
        .collect();
    if words.is_empty() {
        return QuoteKind::Partial;
    }
    if (looks_like_title(&words, lists) && !sentences_inside(text, tokens))
        || after_a_work_noun(text, found.open, lists)
    {
        return QuoteKind::Partial;
    }
    // words as written, a contraction one word (`they'll go easier` is
    // three); a script written without spaces counts its tokens
    let inner = found.span.slice(text);
    let written = inner
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count();
    if words.len() >= 4 && (written >= 4 || !inner.contains(char::is_whitespace)) {
        return QuoteKind::Full;
    }
    let first_upper = words[0].chars().next().is_some_and(char::is_uppercase);
    let ends_clause =
        inner.ends_with(['.', '!', '?', '\u{2026}']) || text[found.span.end..].starts_with(',');
    if starts_clause && first_upper && (ends_clause || found.close.is_none()) {
        QuoteKind::Full
    } else {
        QuoteKind::Partial
    }
}

/// Whether the word before the opening mark at `open` (a comma between
/// allowed, on the same line) names a work (`work_nouns`: `song`,
/// `commentary`, `titled`): the quotation is its title.
fn after_a_work_noun(text: &str, open: usize, lists: &WordLists) -> bool {
    let before = text[..open].trim_end_matches([' ', '\u{a0}']);
    let before = before.strip_suffix(',').unwrap_or(before);
    let word_start = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic() || *c == '-')
        .last()
        .map_or(before.len(), |(i, _)| i);
    let word = &before[word_start..];
    !word.is_empty() && with_lowercase(word, |w| lists.work_nouns.contains(w))
}

/// Whether a sentence ends inside the quotation, words following it (`The
/// Donald. Big Daddy.`): two sentences are said, not a title. (An
/// abbreviation or an initial keeps its period in its token: `Mr. Smith
/// Goes to Washington` has no such stop.)
fn sentences_inside(text: &str, tokens: &[Token]) -> bool {
    tokens.windows(2).any(|w| {
        w[0].kind == TokenKind::Punct
            && matches!(w[0].text(text), "." | "!" | "?")
            && w[1].kind != TokenKind::Punct
    })
}

/// `(CROSSTALK.)`, `[inaudible]`: the whole text in one pair of brackets.
fn is_bracketed(inner: &str) -> bool {
    let inner = inner.trim_end_matches(['.', ',']);
    let pair = match inner.chars().next() {
        Some('(') => ')',
        Some('[') => ']',
        _ => return false,
    };
    inner.ends_with(pair)
        && inner[1..inner.len() - 1]
            .chars()
            .all(|c| c != pair && c != '(' && c != '[')
}

/// `The World of Tomorrow`, `Deterministic Nonperiodic Flow`: two or more
/// words, every one capitalised but the small ones (`title_small_words`),
/// no sentence punctuation.
fn looks_like_title(words: &[&str], lists: &WordLists) -> bool {
    let capitalised = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    words.len() >= 2
        && words.len() <= 10
        && words.iter().filter(|w| capitalised(w)).count() >= 2
        && words
            .iter()
            .all(|w| capitalised(w) || with_lowercase(w, |w| lists.title_small_words.contains(w)))
        && !words
            .iter()
            .any(|w| matches!(*w, "I" | "I'm" | "I\u{2019}m"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::quotes::find::find;
    use crate::analysis::tokens::tokenize;
    use crate::span::Span;

    fn kind_of(text: &str, starts_clause: bool) -> QuoteKind {
        let block = Span::new(0, text.len());
        let found = find(text, &[block]).remove(0);
        let tokens = tokenize(text, found.span);
        let lists = &crate::analysis::lexicon::get().lists;
        classify(
            text,
            &found,
            &tokens,
            starts_clause,
            BlockKind::Paragraph,
            lists,
        )
    }

    #[test]
    fn scare_quotes_are_partial() {
        assert_eq!(
            kind_of("praised her claims of \"gangsters\".", false),
            QuoteKind::Partial
        );
        assert_eq!(
            kind_of("there was a \"long way\" ahead", false),
            QuoteKind::Partial
        );
    }

    #[test]
    fn quoted_titles_are_partial() {
        assert_eq!(
            kind_of(
                "a paper titled \u{201c}Deterministic Nonperiodic Flow.\u{201d}",
                false
            ),
            QuoteKind::Partial
        );
        assert_eq!(
            kind_of("\"The World of Tomorrow\" exhibit", true),
            QuoteKind::Partial
        );
    }

    #[test]
    fn capitalised_sentences_are_no_title() {
        // two short sentences of capitalised words are said, not a title
        assert_eq!(
            kind_of(
                "She said, clapping. \u{201c}The Donald. Big Daddy.\u{201d}",
                true
            ),
            QuoteKind::Full
        );
        // an abbreviation's period ends no sentence
        assert_eq!(
            kind_of("they watched \"Mr. Smith Goes to Washington\" again", false),
            QuoteKind::Partial
        );
    }

    #[test]
    fn a_quotation_after_a_word_naming_a_work_is_its_title() {
        assert_eq!(
            kind_of("the band sang \"It's Our Time.\" Then it left.", false),
            QuoteKind::Partial
        );
        assert_eq!(
            kind_of(
                "Her commentary, \"Tell the story of your town,\" is thoughtful.",
                false
            ),
            QuoteKind::Partial
        );
        // a verb of saying is no work
        assert_eq!(
            kind_of("She said, \"It's our time to go home now.\"", false),
            QuoteKind::Full
        );
    }

    #[test]
    fn a_contraction_is_one_word() {
        // three words in a sentence: a phrase, not a clause
        assert_eq!(
            kind_of("in hopes that \"they'll go easier\" on him", false),
            QuoteKind::Partial
        );
    }

    #[test]
    fn short_whole_clauses_are_full() {
        assert_eq!(
            kind_of("\u{201c}I\u{2019}m not,\u{201d} replied Dejesus.", true),
            QuoteKind::Full
        );
        assert_eq!(
            kind_of("\"Don't get nervous,\" he said.", true),
            QuoteKind::Full
        );
    }

    #[test]
    fn a_stage_direction_alone_is_partial() {
        assert_eq!(kind_of("\"(CROSSTALK.)\"", true), QuoteKind::Partial);
        assert_eq!(kind_of("\"[inaudible]\"", true), QuoteKind::Partial);
        assert_eq!(
            kind_of("\"(Laughs.) We will see about that,\" she said.", true),
            QuoteKind::Full
        );
    }

    #[test]
    fn longer_quotes_are_full() {
        assert_eq!(
            kind_of(
                "Pompeo said the US is \"making the progress we need.\"",
                false
            ),
            QuoteKind::Full
        );
    }
}
