//! Who the subject of a verb of saying is: the name after it (`said
//! Pompeo`), or before it (`Pompeo said`, `Trump has said`), past an
//! appositive (`X, a fellow at Y, said`); a pronoun ([`super::pronouns`]); a
//! description with a name soon after (`the spokeswoman said … Heather
//! Nauert`) or without one (`a US official told`: unnamed); a person from a
//! place (`McConnell of Kentucky said`); the source of `according to X`.
//! Also the possessor of a source before the quotation (`In Dr. Shadlen's
//! words, "…"`).

use std::ops::Range;

use super::cues::quoted;
use super::index::Index;
use super::pronouns::{pronoun_gender, resolve_pronoun};
use super::{Found, Gender, Steps};
use crate::analysis::EntityKind;
use crate::analysis::tokens::{TokenKind, is_clitic};

/// The subject of the verb of saying at `cue`, looked for in `context`.
pub(super) fn subject_of(
    ix: &Index,
    cue: usize,
    context: Range<usize>,
    earlier: &[Option<usize>],
    trace: &mut Steps,
) -> Found {
    let input = ix.input;
    let lists = input.lists;
    let verb = || quoted(ix.word(cue));
    let named = |e: usize, trace: &mut Steps, how: &dyn Fn() -> String| {
        trace.record(|| format!("{} \u{2192} {}", how(), ix.name(e)));
        Found::Named(e)
    };
    // `according to X`
    if ix.with_lower(cue, |w| w == "according") {
        let mut i = cue + 2;
        while i < context.end && skippable_before_name(ix, i) {
            i += 1;
        }
        return match (i < context.end).then(|| ix.speaker_at(i)).flatten() {
            Some(e) => named(e, trace, &|| {
                format!("\u{201c}according to\u{201d} {}", ix.mention_text(i))
            }),
            None => {
                trace.record(|| "\u{201c}according to\u{201d} names no one".to_string());
                Found::Unnamed
            }
        };
    }
    // inverted: `said Pompeo`, `says president David Weisbrot`, `explains Dr. Shadlen`
    let mut i = cue + 1;
    if ix.with_lower(cue, |w| matches!(w, "pointed" | "points" | "point")) {
        i += 1; // `pointed out`
    }
    while i < context.end && i < cue + 8 && skippable_before_name(ix, i) {
        i += 1;
    }
    if i < context.end
        && !ix.in_quote[i]
        && !ix.with_lower(cue, |w| lists.speech_verbs_taking_object.contains(w))
    {
        if let Some(e) = ix.speaker_at(i) {
            return named(e, trace, &|| {
                format!("subject after {}: {}", verb(), ix.mention_text(i))
            });
        }
        if i == cue + 1
            && let Some(g) = pronoun_gender(ix.word(i))
        {
            return resolve_pronoun(ix, i, cue, g, earlier, trace)
                .map_or(Found::Nothing, Found::Named);
        }
    }
    // normal order: `Pompeo said`, `Trump has said`, `Kim Song Hye, who …, described`
    let mut j = cue;
    while j > context.start
        && ix.with_lower(j - 1, |w| {
            lists.between_subject_and_verb.contains(w) || lists.time_words.contains(w)
        })
    {
        j -= 1;
    }
    if j == context.start || ix.in_quote[j - 1] {
        trace.record(|| format!("{}: no subject after it or before it", verb()));
        return Found::Nothing;
    }
    let k = j - 1;
    if let Some(e) = ix.speaker_at(k) {
        return named(e, trace, &|| {
            format!("subject before {}: {}", verb(), ix.mention_text(k))
        });
    }
    if let Some(g) = pronoun_gender(ix.word(k)) {
        return resolve_pronoun(ix, k, cue, g, earlier, trace).map_or(Found::Nothing, Found::Named);
    }
    // an appositive or relative clause between subject and verb: `X, a fellow at Y, said`
    if ix.word(k) == "," {
        let mut c = k;
        while c > context.start && ix.word(c - 1) != "," && !ix.in_quote[c - 1] {
            c -= 1;
        }
        if c > context.start + 1
            && ix.word(c - 1) == ","
            && let Some(e) = ix.speaker_at(c - 2)
        {
            return named(e, trace, &|| {
                format!(
                    "subject before {}, past the clause between commas: {}",
                    verb(),
                    ix.mention_text(c - 2)
                )
            });
        }
        trace.record(|| format!("{}: no name before the clause before it", verb()));
        return Found::Nothing;
    }
    // a description as subject: `the spokeswoman said … Heather Nauert`, `a US official told`
    if input.tokens[k].kind == TokenKind::Word && ix.with_lower(k, |w| (input.is_role)(w)) {
        // a name soon after, outside quotations and not the object of a
        // preposition, gives the description a name
        for i in cue + 1..context.end.min(cue + 9) {
            if !ix.in_quote[i]
                && let Some(m) = ix.mention_at(i)
                && input.mentions[m].kind == EntityKind::Person
                && input.mentions[m].tokens.start == i
                && !ix.with_lower(i - 1, |w| lists.before_an_object.contains(w))
            {
                return named(input.mentions[m].entity, trace, &|| {
                    format!(
                        "subject of {} is the description {}, named after it: {}",
                        verb(),
                        quoted(ix.word(k)),
                        ix.mention_text(i)
                    )
                });
            }
        }
        trace.record(|| {
            format!(
                "subject of {} is the description {}, with no name after it: an unnamed source",
                verb(),
                quoted(ix.word(k))
            )
        });
        return Found::Unnamed;
    }
    // `McConnell of Kentucky called …`: a person from a place
    if let Some(m) = ix.mention_at(k) {
        let m = &input.mentions[m];
        let before = m.tokens.start;
        if m.kind == EntityKind::Place
            && before >= 2
            && ix.with_lower(before - 1, |w| matches!(w, "of" | "from"))
            && let Some(e) = ix.speaker_at(before - 2)
        {
            return named(e, trace, &|| {
                format!(
                    "subject before {}, a person from a place: {}",
                    verb(),
                    ix.mention_text(before - 2)
                )
            });
        }
    }
    trace.record(|| {
        format!(
            "{}: {} before it names no speaker",
            verb(),
            quoted(ix.word(k))
        )
    });
    Found::Nothing
}

/// `In Dr. Shadlen's words,` / `in his introduction:` before the quotation
/// at token `first`, in the same sentence: the possessor.
pub(super) fn possessive_source(
    ix: &Index,
    context: Range<usize>,
    first: usize,
    earlier: &[Option<usize>],
    trace: &mut Steps,
) -> Option<usize> {
    let lists = ix.input.lists;
    let start = context.start.max(first.saturating_sub(12));
    for i in (start..first).rev() {
        if i == 0 || ix.in_quote[i] || !ix.with_lower(i, |w| lists.source_nouns.contains(w)) {
            continue;
        }
        let p = i - 1;
        let source = || format!("source noun {}", quoted(ix.word(i)));
        let gender = ix.with_lower(p, |w| match w {
            "his" => Some(Some(Gender::Male)),
            "her" => Some(Some(Gender::Female)),
            "their" => Some(None),
            _ => None,
        });
        if let Some(g) = gender {
            trace.record(|| format!("{} before the quotation", source()));
            return resolve_pronoun(ix, p, p, g, earlier, trace);
        }
        if is_clitic(ix.word(p)) && p > 0 {
            let e = ix.speaker_at(p - 1);
            trace.record(|| match e {
                Some(e) => format!("{} before the quotation \u{2192} {}", source(), ix.name(e)),
                None => format!(
                    "{} before the quotation: its possessor is no speaker",
                    source()
                ),
            });
            return e;
        }
    }
    None
}

/// Tokens that may stand between a verb of saying and the name after it:
/// titles and roles (`Secretary of State`, `president`), determiners, `Dr.`.
fn skippable_before_name(ix: &Index, i: usize) -> bool {
    if ix.mention_at(i).is_some() || ix.in_quote[i] {
        return false;
    }
    let w = ix.word(i);
    let capital = w.chars().next().is_some_and(char::is_uppercase);
    ix.with_lower(i, |lower| {
        (ix.input.is_role)(lower) || ix.input.lists.before_a_name.contains(lower)
    }) || (w.ends_with('.') && w.len() <= 5 && capital)
}
