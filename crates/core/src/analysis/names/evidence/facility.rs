//! Facilities and landmarks: a name whose head noun is a building's or a
//! site's (`Fisht Stadium`, `Grand Mosque`, `Metro Convention Centre`,
//! `Museum of Modern Art`) names a place, where things happen, even when its
//! head is also an organisation word. The head nouns are data
//! (`assets/lexicon/lists/facility_heads.txt`).
//!
//! Not when the facility acts (`the Royal Hospital said`): then it is the
//! organisation that runs it, and the other rules decide.

use super::Occurrence;
use crate::analysis::doc::Doc;
use crate::analysis::lexicon::Lexicon;
use crate::analysis::names::rules::{self, Ballot};

/// Whether the last word, or the last two, of `words` is a facility's head
/// noun.
pub fn ends_in_facility_head(lex: &Lexicon, words: &[&str]) -> bool {
    let n = words.len();
    let heads = &lex.lists.facility_heads;
    n >= 2
        && (is_facility_head(lex, words[n - 1])
            || (n >= 3 && heads.contains(&format!("{} {}", words[n - 2], words[n - 1]))))
}

/// Whether one word is a facility's head noun, abbreviated with a full
/// stop or not (`Ave.` as `Ave`).
pub fn is_facility_head(lex: &Lexicon, word: &str) -> bool {
    let heads = &lex.lists.facility_heads;
    heads.contains(word)
        || word
            .strip_suffix('.')
            .is_some_and(|w| w.len() >= 2 && heads.contains(w))
}

/// `Fisht Stadium`, `Museum of Modern Art`: a place, unless a verb of saying
/// follows (the institution speaking), or the name is a person's: after a
/// title, a given name and a family name that is also a head noun (`Jerry
/// Hall`), a name with a particle (`Poterin du Motel`).
pub fn head_noun(doc: &Doc, lex: &Lexicon, o: &Occurrence, b: &mut Ballot) {
    let (words, n) = (o.words, o.words.len());
    // (`Mademoiselle … du Motel` is someone)
    if n < 2 || o.span.title.is_some() || acts(doc, lex, o.span.tokens.end) {
        return;
    }
    let heads = &lex.lists.facility_heads;
    if o.span.institution && heads.contains(words[0]) && words[1] == "of" {
        b.cast(&rules::FACILITY_HEAD_FIRST);
        if o.facts.first_cue_any {
            b.cast(&rules::FACILITY_OF_NOT_INSTITUTION);
        }
        return;
    }
    // (the head after the words it is named by: `Cleveland Museum of Art`;
    // the name's organisation vote was the head's)
    if o.span.institution
        && let Some(of) = words.iter().position(|w| *w == "of")
        && of >= 2
        && heads.contains(words[of - 1])
        && words[..of - 1]
            .iter()
            .all(|w| w.starts_with(char::is_uppercase))
    {
        b.cast(&rules::FACILITY_HEAD_FIRST);
        if !o.facts.division_of && !o.facts.geographic {
            b.cast(&rules::FACILITY_OF_NOT_INSTITUTION);
        }
        return;
    }
    let given_then_head = n == 2 && o.facts.given_first.is_some_and(|g| g > 0.02);
    // (`Poterin du Motel` is someone's name)
    let particle = words[..n - 1]
        .iter()
        .any(|w| lex.lists.name_particles.contains(w));
    // (`Times Square` has its place vote already)
    let place_word = lex.lists.place_last_words.contains(words[n - 1]);
    // (or the name is a head of two words alone: `City Hall`, `Opera House`;
    // not after a possessive, whose owner names it: `Platt's Music Hall`)
    let start = o.span.tokens.start;
    let two_word_head = n == 2
        && heads.contains(o.full)
        && !(start > 0 && crate::analysis::tokens::is_clitic(doc.word(start - 1)));
    if !o.span.institution
        && !given_then_head
        && !particle
        && !place_word
        && (ends_in_facility_head(lex, words) || two_word_head)
    {
        b.cast(&rules::FACILITY_HEAD);
        if o.facts.cue_end {
            b.cast(&rules::FACILITY_HEAD_NOT_ORG_CUE);
        }
    }
}

/// Whether the word at `at` (after the name) is a verb of saying: the
/// facility acting as its organisation.
fn acts(doc: &Doc, lex: &Lexicon, at: usize) -> bool {
    at < doc.tokens.len() && lex.lists.saying_verbs_after_name.contains(doc.word(at))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_head_noun_may_be_abbreviated_with_a_full_stop() {
        let lex = crate::analysis::lexicon::get();
        for w in ["Ave", "Ave.", "Blvd.", "Museum"] {
            assert!(is_facility_head(lex, w), "{w}");
        }
        for w in ["Detroit", ".", "Mr."] {
            assert!(!is_facility_head(lex, w), "{w}");
        }
        assert!(ends_in_facility_head(lex, &["S", "Detroit", "Ave."]));
    }
}
