//! A pronoun as the subject of a verb of saying (`she said`, `"…," he
//! added`) or as the possessor of a source (`in his introduction`): the
//! person it stands for is the last speaker, if the gender fits and no one
//! else was named since, else the last person named outside quotations whose
//! gender fits. `it` (`"…," it said`) stands for an organisation the same
//! way. `I` and `we` outside a quotation are the writer: no one.

use super::cues::quoted;
use super::index::Index;
use super::{Found, Gender, Steps};
use crate::analysis::EntityKind;
use crate::analysis::tokens::with_lowercase;

/// Pronouns that can stand for a speaker, with the gender they imply.
pub(super) fn pronoun_gender(word: &str) -> Option<Option<Gender>> {
    with_lowercase(word, |w| match w {
        "he" | "him" => Some(Some(Gender::Male)),
        "she" | "her" => Some(Some(Gender::Female)),
        "they" | "i" | "we" => Some(None),
        _ => None,
    })
}

/// `I`, `we` outside a quotation: the writer, no one the text names.
fn is_writer(ix: &Index, at: usize) -> bool {
    ix.with_lower(at, |w| matches!(w, "i" | "we"))
}

/// The pronoun at token `at` as the subject of the verb at `cue`: the
/// person it stands for ([`resolve_pronoun`]), an unnamed source where it is
/// the writer, else nothing found.
pub(super) fn pronoun_subject(
    ix: &Index,
    at: usize,
    cue: usize,
    gender: Option<Gender>,
    earlier: &[Option<usize>],
    trace: &mut Steps,
) -> Found {
    match resolve_pronoun(ix, at, cue, gender, earlier, trace) {
        Some(e) => Found::Named(e),
        None if is_writer(ix, at) => Found::Unnamed,
        None => Found::Nothing,
    }
}

/// The person the pronoun at token `at`, before or after the verb at `cue`,
/// stands for: the last speaker if the gender fits, else the last person
/// named outside quotations whose gender fits.
pub(super) fn resolve_pronoun(
    ix: &Index,
    at: usize,
    cue: usize,
    gender: Option<Gender>,
    earlier: &[Option<usize>],
    trace: &mut Steps,
) -> Option<usize> {
    let input = ix.input;
    if is_writer(ix, at) {
        trace.record(|| {
            format!(
                "pronoun {}: the writer, outside a quotation: unattributed",
                quoted(ix.word(at))
            )
        });
        return None;
    }
    // `it` stands for an organisation, the others for people
    let want = if ix.with_lower(at, |w| w == "it") {
        EntityKind::Organization
    } else {
        EntityKind::Person
    };
    let fits = |e: usize| match (gender, input.genders.get(e).copied().flatten()) {
        (Some(want), Some(have)) => want == have,
        _ => true,
    };
    let person = |e: usize| match want {
        EntityKind::Person => ix.person.get(e).copied().unwrap_or(false),
        _ => ix.org.get(e).copied().unwrap_or(false),
    };
    let sentence = ix.sentence_of(cue);
    let window_start = input.sentences[sentence.saturating_sub(4)].tokens.start;
    // the last named speaker, if recent
    let recent = |p: &usize| {
        input.quotes[*p].tokens.start < cue && input.quotes[*p].tokens.start >= window_start
    };
    let last_quote_before = if ix.quotes_in_order {
        // the last quotation that starts before the cue, if in the window
        let before = input.quotes[..earlier.len()].partition_point(|q| q.tokens.start < cue);
        before.checked_sub(1).filter(recent)
    } else {
        (0..earlier.len()).rev().find(recent)
    };
    let last_speaker = last_quote_before.and_then(|p| earlier[p]);
    // the person named outside quotations in the nearest sentence that has
    // one whose gender fits; within a sentence, the first (the subject)
    let mut last_named = None;
    for s in (sentence.saturating_sub(4)..=sentence).rev() {
        let range = input.sentences[s].tokens.clone();
        let found = ix.mentions_starting_in(range).iter().find(|m| {
            m.tokens.start < cue && m.kind == want && !ix.in_quote[m.tokens.start] && fits(m.entity)
        });
        if let Some(m) = found {
            last_named = Some((m.entity, m.tokens.start));
            break;
        }
    }
    let pronoun = || quoted(ix.word(at));
    let (who, why) = match (last_speaker, last_named) {
        (Some(s), Some((n, at))) => {
            // the speaker holds unless someone else was named after their quotation
            let quote_at = last_quote_before.map_or(0, |p| input.quotes[p].tokens.start);
            if fits(s) && person(s) && (at < quote_at || n == s) {
                (Some(s), "the last speaker, no one else named since")
            } else {
                (Some(n), "the last name that fits")
            }
        }
        (Some(s), None) if fits(s) && (want == EntityKind::Person || person(s)) => {
            (Some(s), "the last speaker")
        }
        (_, Some((n, _))) => (Some(n), "the last name that fits"),
        _ => (None, ""),
    };
    trace.record(|| match who {
        Some(e) => format!("pronoun {} \u{2192} {}, {why}", pronoun(), ix.name(e)),
        None => format!(
            "pronoun {}: no recent speaker or name before it fits",
            pronoun()
        ),
    });
    who
}
