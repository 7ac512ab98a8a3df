//! Step 1: the verbs of saying (`said`, `told`, `according to`, ...) in the
//! sentences of a quotation, tried nearest first; the first whose subject
//! is named or plainly unnamed decides ([`super::subject::subject_of`]).
//!
//! A word is a cue when its lowercase form is in `speech_verbs`, with three
//! conditions: `according` only before `to`, `point` before `out`, `put`
//! before `it`; and the verbs that are common nouns too
//! (`speech_verbs_also_nouns`: `the state`, `a post`) only right after a
//! name, a pronoun, a quotation or a comma.

use std::ops::Range;

use super::index::Index;
use super::pronouns::pronoun_gender;
use super::subject::subject_of;
use super::{Found, Steps};
use crate::analysis::tokens::TokenKind;

/// Whether token `i` is a verb of saying outside quotations (asked through
/// [`Index::is_cue`], which remembers the answer).
#[inline(never)]
pub(super) fn is_cue_at(ix: &Index, i: usize) -> bool {
    // (a word inside a name is none: `United States`; a name may take in
    // the verb before it: `Said Ellis:`)
    let inside_a_name = ix
        .mention_at(i)
        .is_some_and(|m| ix.input.mentions[m].tokens.start < i);
    if ix.in_quote[i] || ix.input.tokens[i].kind != TokenKind::Word || inside_a_name {
        return false;
    }
    let lists = ix.input.lists;
    ix.with_lower(i, |w| {
        if w == "according" {
            return ix.next_word_is(i, "to");
        }
        if !lists.speech_verbs.contains(w) {
            return false;
        }
        match w {
            "point" | "points" | "pointed" => ix.next_word_is(i, "out"),
            "put" | "puts" => ix.next_word_is(i, "it"),
            // common nouns too: only as verbs right after a name or a
            // pronoun, or right after a quotation or a comma
            _ if lists.speech_verbs_also_nouns.contains(w) => {
                i > 0
                    && (ix.mention_at(i - 1).is_some()
                        || pronoun_gender(ix.word(i - 1)).is_some()
                        || ix.with_lower(i - 1, |w| w == "it")
                        || ix.in_quote[i - 1]
                        || ix.word(i - 1) == ",")
            }
            _ => true,
        }
    })
}

/// Look for verbs of saying in `context` (the sentences of the quotation
/// from token `first` to `last`), nearest first.
pub(super) fn from_cues(
    ix: &Index,
    context: Range<usize>,
    first: usize,
    last: usize,
    earlier: &[Option<usize>],
    trace: &mut Steps,
) -> Found {
    let mut cues: Vec<usize> = context.clone().filter(|&i| ix.is_cue(i)).collect();
    // A verb right after the closing mark (`"…," said X`, `"…," Trump said`)
    // comes first; then the nearest verb before the quotation, whose object
    // the quotation is (`Trump said he hopes … "…" after his diplomat
    // announced …`); verbs further on come last.
    cues.sort_by_key(|&i| {
        if i > last {
            if right_after(ix, last, i) {
                i - last
            } else {
                (i - last) * 3 + 20
            }
        } else {
            (first - i) * 2 + 1
        }
    });
    trace.record(|| {
        if cues.is_empty() {
            return "no verb of saying in the quotation's sentences".to_string();
        }
        let listed: Vec<String> = cues
            .iter()
            .map(|&i| format!("{} {}", quoted(ix.word(i)), where_is(ix, i, last)))
            .collect();
        format!("cues, nearest first: {}", listed.join(", "))
    });
    for cue in cues {
        match subject_of(ix, cue, context.clone(), earlier, trace) {
            Found::Named(e) => return Found::Named(e),
            // only the nearest cue with a subject counts
            Found::Unnamed => return Found::Unnamed,
            Found::Nothing => {}
        }
    }
    Found::Nothing
}

/// Whether the verb at `cue` follows the closing mark at `last` with only
/// punctuation, a name, a pronoun or a short description between:
/// `"…," said`, `"…," Trump said`, `"…," the spokeswoman said`.
fn right_after(ix: &Index, last: usize, cue: usize) -> bool {
    let lists = ix.input.lists;
    (last + 1..cue).all(|i| {
        ix.input.tokens[i].kind == TokenKind::Punct
            || ix.mention_at(i).is_some()
            || ix.with_lower(i, |w| {
                pronoun_gender(w).is_some()
                    || lists.speaker_determiners.contains(w)
                    || (ix.input.is_role)(w)
                    || lists.between_subject_and_verb.contains(w)
            })
    })
}

/// Where the cue at `i` is, for the explanation.
fn where_is(ix: &Index, i: usize, last: usize) -> &'static str {
    if i <= last {
        "before the quotation"
    } else if right_after(ix, last, i) {
        "right after the quotation"
    } else {
        "after the quotation"
    }
}

/// A word in quotation marks, for the explanation.
pub(super) fn quoted(word: &str) -> String {
    format!("\u{201c}{word}\u{201d}")
}
