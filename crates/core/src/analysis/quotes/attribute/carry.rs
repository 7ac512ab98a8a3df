//! Step 3: a quotation with no verb of saying of its own gets its speaker
//! from around it: the sentence after, when it opens with the speaker and a
//! verb (`"…?" Rothman recalls thinking.`); the quotation the paragraph
//! before left open (a long quotation over paragraphs); a short line after a
//! pull quote that names the speaker; or the speaker of the sentence before,
//! looking back at most two sentences (a second sentence after `"…," said
//! Pompeo.`), until another person is named.

use std::ops::Range;

use super::cues::quoted;
use super::index::Index;
use super::subject::{opening_subject, subject_of};
use super::{Found, Steps, same_block};
use crate::analysis::EntityKind;
use crate::analysis::tokens::TokenKind;

/// `Rothman recalls thinking …` at the start of the sentence `range`: its subject.
pub(super) fn opening_attribution(
    ix: &Index,
    range: Range<usize>,
    earlier: &[Option<usize>],
    trace: &mut Steps,
) -> Option<usize> {
    let end = range.end.min(range.start + 6);
    let cue = (range.start..end).find(|&i| ix.is_cue(i))?;
    trace.record(|| {
        format!(
            "the sentence after opens with the cue {}",
            quoted(ix.word(cue))
        )
    });
    match subject_of(ix, cue, range, earlier, trace) {
        Found::Named(e) => Some(e),
        _ => None,
    }
}

/// Whether quotation `q` opens its paragraph and continues the one the
/// paragraph before left open (a long quotation over paragraphs).
pub(super) fn continues_paragraph_before(ix: &Index, q: usize) -> bool {
    let input = ix.input;
    let quote = &input.quotes[q];
    quote.tokens.start == input.blocks[quote.block].start
        && q > 0
        && input.quotes[q - 1].unclosed
        && input.quotes[q - 1].block + 1 == quote.block
}

/// A credit the quotation carries: a transcript's speaker label opening it
/// (`"PENCE: Well, look, …`) or a name after a dash right after it (`"…" ―
/// Sonya Herridge`, `"…," — Reuters.`), ending its sentence or line.
/// `Some(None)`: a label in capitals that names no one known (`"WALLACE:
/// …`), a speaker of its own, not the one before.
pub(super) fn credit(ix: &Index, q: usize, trace: &mut Steps) -> Option<Option<usize>> {
    let input = ix.input;
    let quote = &input.quotes[q];
    let (first, end) = (quote.tokens.start, quote.tokens.end);
    let starts_at = |i: usize| {
        ix.mention_at(i)
            .filter(|&m| input.mentions[m].tokens.start == i)
            .map(|m| &input.mentions[m])
    };
    // the label: a person's name and a colon, first in the quotation
    if first + 1 < end
        && let Some(m) = starts_at(first + 1).filter(|m| m.kind == EntityKind::Person)
        && m.tokens.end < end
        && ix.word(m.tokens.end) == ":"
    {
        trace.record(|| {
            format!(
                "a transcript's speaker label opens the quotation: {} \u{2192} {}",
                ix.mention_text(first + 1),
                ix.name(m.entity)
            )
        });
        return Some(Some(m.entity));
    }
    let capitals = |i: usize| {
        input.tokens[i].kind == TokenKind::Word
            && ix.word(i).chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !ix.word(i).chars().any(char::is_lowercase)
    };
    if let Some(colon) = (first + 1..end.min(first + 5)).find(|&i| !capitals(i))
        && colon > first + 1
        && ix.word(colon) == ":"
    {
        trace.record(|| {
            format!(
                "a transcript's speaker label opens the quotation: {}, no one named: unattributed",
                quoted(ix.word(first + 1))
            )
        });
        return Some(None);
    }
    // the dash: `” ― Name`
    let block = &input.blocks[quote.block];
    let mut i = end;
    while i < block.end && i < end + 2 && matches!(ix.word(i), "." | ",") {
        i += 1;
    }
    if i + 1 < block.end && matches!(ix.word(i), "\u{2015}" | "\u{2014}" | "\u{2013}") {
        let m = starts_at(i + 1)?;
        let after = m.tokens.end;
        let ends = after >= block.end
            || input.tokens[after].kind == TokenKind::Punct && ix.word(after) != "\u{2019}";
        let e = ix
            .speaker_at(i + 1)
            .filter(|_| ends && !ix.in_quote[i + 1])?;
        trace.record(|| {
            format!(
                "a credit after a dash follows the quotation: {} \u{2192} {}",
                ix.mention_text(i + 1),
                ix.name(e)
            )
        });
        return Some(Some(e));
    }
    None
}

/// A short line after a pull quote that names its speaker: `Michael Shadlen, Ph.D.`
pub(super) fn attribution_line(ix: &Index, block: usize, trace: &mut Steps) -> Option<usize> {
    if block + 1 >= ix.input.blocks.len() {
        return None;
    }
    let (first, e) = ix.line_speaker(block + 1)?;
    trace.record(|| {
        format!(
            "the short line after the paragraph names {} \u{2192} {}",
            ix.mention_text(first),
            ix.name(e)
        )
    });
    Some(e)
}

/// No verb of saying near quotation `q` (in sentence `s0`) named its
/// speaker: the speaker of the sentence before (a quotation in it, or a
/// verb of saying with a named subject), looking back at most two
/// sentences; where the quotation has no verb of saying at all (`has_cue`
/// false), the subject of the sentence before it.
pub(super) fn continued_speaker(
    ix: &Index,
    q: usize,
    s0: usize,
    has_cue: bool,
    earlier: &[Option<usize>],
    trace: &mut Steps,
) -> Option<usize> {
    let input = ix.input;
    let first = input.quotes[q].tokens.start;
    let which = |back: usize| {
        if back == 1 {
            "the sentence before"
        } else {
            "two sentences before"
        }
    };
    for back in 1..=2 {
        let Some(s) = s0.checked_sub(back) else { break };
        let range = input.sentences[s].tokens.clone();
        // (each sentence read once, however many quotations come after it)
        let told = ix.sentence(s);
        // an earlier full quotation in that sentence (a scare quote or a
        // title is no one's words to carry on)
        let last_full = if ix.quotes_in_order {
            told.last_full_quote
        } else {
            (0..q)
                .rev()
                .take_while(|&p| input.quotes[p].tokens.start >= range.start)
                .find(|&p| {
                    range.contains(&input.quotes[p].tokens.start) && !input.quotes[p].partial
                })
        };
        if let Some(pq) = last_full {
            trace.record(|| match earlier[pq] {
                Some(e) => format!(
                    "carried from the quotation in {} \u{2192} {}",
                    which(back),
                    ix.name(e)
                ),
                None => format!(
                    "carried from the quotation in {}, which has no speaker: unattributed",
                    which(back)
                ),
            });
            return earlier[pq];
        }
        // a verb of saying with a subject: `…, explains Dr. Shadlen.`
        for &i in told.cues.iter() {
            let i = i as usize;
            {
                let mut quiet = Steps::when(trace.is_on());
                if let Found::Named(e) = subject_of(ix, i, range.clone(), earlier, &mut quiet) {
                    trace.record(|| {
                        format!(
                            "carried from the cue {} in {} \u{2192} {}",
                            quoted(ix.word(i)),
                            which(back),
                            ix.name(e)
                        )
                    });
                    for step in quiet.into_events() {
                        trace.record(|| step);
                    }
                    return Some(e);
                }
            }
        }
        // `Charles Schultze, chairman of …, once summed up the danger. "…"`,
        // `On "Face the Nation," Sen. Sanders (Vt.) … identified …. "…"`: a
        // standalone quotation after a sentence about someone is theirs
        if back == 1 && !has_cue && first > 0 && ix.sentence_of(first) != ix.sentence_of(first - 1)
        {
            let opener = opening_subject(ix, range.start, range.end);
            if let Some(o) = opener
                && let Some(m) = ix.mention_at(o)
                && input.mentions[m].kind == EntityKind::Person
                && same_block(input, o, first)
            {
                let e = input.mentions[m].entity;
                trace.record(|| {
                    format!(
                        "a quotation standing alone after a sentence whose subject is {} \u{2192} {}",
                        ix.mention_text(o),
                        ix.name(e)
                    )
                });
                return Some(e);
            }
        }
        // a person named in between (the sentence is before the
        // quotation's) breaks the chain
        if told.names_speaker {
            trace.record(|| {
                format!(
                    "another name in {} ends the search for an earlier speaker",
                    which(back)
                )
            });
            break;
        }
    }
    trace.record(|| {
        "unattributed: no verb of saying with a subject, no source named around it, \
         and no speaker to carry on from the sentences before"
            .to_string()
    });
    None
}
