//! Votes against capitals that prove nothing: a sentence's first word,
//! ordinary words in a heading, an adjective with a capital, a headline's
//! title case.

use super::Occurrence;
use super::facts::is_common;
use crate::analysis::doc::Doc;
use crate::analysis::lexicon::{Lexicon, NameKind};
use crate::analysis::names::rules::{self, Ballot};
use crate::analysis::tokens::TokenKind;

/// `listed_place`: the name is one of a list that a plural place noun ends,
/// which proves its capital (`Barracuda and Kayangan lakes are…`).
pub fn proving_nothing(
    doc: &Doc,
    lex: &Lexicon,
    o: &Occurrence,
    listed_place: bool,
    b: &mut Ballot,
) {
    let (f, span, n) = (&o.facts, o.span, o.words.len());
    let first = o.words[0];
    // every word ordinary (see `NameFacts::only_common`)
    let only_common = f.only_common;
    if span.sentence_initial && n == 1 && !listed_place {
        b.cast(
            if f.first_common || doc.tokens[span.tokens.start].kind != TokenKind::Word {
                &rules::SENTENCE_START_COMMON
            } else {
                &rules::SENTENCE_START
            },
        );
    } else if only_common && !span.institution {
        let known_place = f.place.is_some_and(|m| m.how != NameKind::Variant);
        if o.heading || o.all_caps {
            b.cast(&rules::COMMON_WORDS_IN_CAPITALS);
        } else if !known_place {
            b.cast(&rules::COMMON_WORDS);
        }
    } else if o.heading && n == 1 {
        b.cast(&rules::HEADING_WORD);
    }
    // `major Western capitals`: an ordinary word between two lowercase words
    // of its sentence is an adjective with a capital, no name (but not after a
    // determiner: `the Crown prosecutor`, `a Senate vote`)
    let sentence = doc.sentence_of[span.tokens.start];
    let lower_word = |i: usize| {
        doc.word_in_sentence(i, sentence).is_some_and(|w| {
            doc.tokens[i].kind == TokenKind::Word && w.chars().all(char::is_lowercase)
        })
    };
    if n == 1
        && only_common
        && !span.sentence_initial
        && !f.name_like_first
        && span.tokens.start > 0
        && lower_word(span.tokens.start - 1)
        && !lex
            .lists
            .determiners
            .contains(doc.word(span.tokens.start - 1))
        && lower_word(span.tokens.end)
        && f.place.is_none()
        && f.organization.is_none()
        && !f.first_cue
    {
        b.cast(&rules::ADJECTIVE_WITH_CAPITAL);
    }
    if o.all_caps && n == 1 && first.chars().count() <= 1 {
        b.cast(&rules::LETTER_IN_CAPITALS);
    }
    // `A HIGH-powered team`: an ordinary word set in capitals (a newspaper's
    // opening words) and glued to a lowercase one is no name
    if n == 1
        && let Some((head, tail)) = first.split_once('-')
        && head.chars().count() >= 2
        && head.chars().all(char::is_uppercase)
        && tail.chars().next().is_some_and(char::is_lowercase)
        && is_common(lex, &head.to_lowercase())
    {
        b.cast(&rules::CAPITALS_GLUED_TO_LOWERCASE);
    }
    // `the Government Will Soon Spend More on Interest Than`: a run of a
    // title-case headline that ends in a function word is no name
    if n >= 2 && lex.lists.headline_function_words.contains(o.words[n - 1]) {
        b.cast(&rules::HEADLINE_ENDS_IN_FUNCTION_WORD);
    }
}
