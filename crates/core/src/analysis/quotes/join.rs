//! One sentence split by its attribution: `"My hope," he said, "is that …"`.
//! When the part before the attribution is a fragment (fewer than four
//! words, no end of sentence) and the part after goes on in lowercase, the
//! two are one quotation: its span runs from the first part to the last and
//! `parts` holds each. A first part that reads alone (`"It's a beautiful
//! day," said Kim, "for both countries."`) stays a quotation of its own.

use super::find::Found;
use crate::analysis::{Quote, QuoteKind};
use crate::span::Span;

/// Fewer words than this, and a part is a fragment.
const FRAGMENT_WORDS: usize = 4;

/// The most words of an attribution between two parts (`, Mr. Obama said
/// in an interview, `).
const BRIDGE_WORDS: usize = 8;

/// The explanation's line for a joined quotation (the rule's name first).
pub const RULE: &str = "SPLIT_QUOTE: a fragment split from the rest of its sentence by the \
                        attribution (`\"My hope,\" he said, \"is …\"`): one quotation with the \
                        part after";

/// Whether quotation `b` continues `a`, a fragment its attribution cut off.
fn continues(text: &str, a: (&Found, &Quote), b: (&Found, &Quote)) -> bool {
    let ((fa, qa), (fb, qb)) = (a, b);
    if qa.kind != QuoteKind::Full
        || qb.kind != QuoteKind::Full
        || fa.block != fb.block
        || fa.close.is_none()
        || !qa.parts.is_empty()
    {
        return false;
    }
    let first = qa.span.slice(text);
    let words = first
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count();
    if words >= FRAGMENT_WORDS || first.ends_with(['.', '!', '?', '\u{2026}', ':', ';']) {
        return false;
    }
    let Some(bridge) = text.get(qa.span.end..fb.open) else {
        return false;
    };
    // the comma that ends the first part, before or after its closing mark
    let after_mark = bridge.trim_start_matches(['"', '\u{201d}', '\u{00bb}', '\'', '\u{2019}']);
    let before_next = bridge.trim_end();
    let comma = bridge.starts_with(',') || after_mark.starts_with(',');
    comma
        && before_next.ends_with(',')
        && !bridge.contains('\n')
        && bridge.split_whitespace().count() <= BRIDGE_WORDS + 1
        && qb
            .span
            .slice(text)
            .chars()
            .next()
            .is_some_and(char::is_lowercase)
}

/// Join each fragment to the part after it; `steps`, when given, are the
/// explanation's steps of each quotation and are joined alike.
pub fn join_split(
    text: &str,
    found: &[Found],
    quotes: Vec<Quote>,
    mut steps: Option<&mut Vec<Vec<String>>>,
) -> Vec<Quote> {
    let mut out: Vec<Quote> = Vec::with_capacity(quotes.len());
    let mut out_steps: Vec<Vec<String>> = Vec::new();
    // the index in `found` of the last part of each quotation out
    let mut last_part: Vec<usize> = Vec::with_capacity(quotes.len());
    let mut taken = steps.as_deref_mut().map(std::mem::take);
    for (q, quote) in quotes.into_iter().enumerate() {
        let own = taken.as_mut().map(|s| std::mem::take(&mut s[q]));
        if let (Some(prev), Some(&p)) = (out.last_mut(), last_part.last())
            && continues(text, (&found[p], prev), (&found[q], &quote))
        {
            prev.parts = vec![prev.span, quote.span];
            prev.span = Span::new(prev.span.start, quote.span.end);
            prev.speaker = prev.speaker.or(quote.speaker);
            if let Some(last) = out_steps.last_mut() {
                last.push(RULE.to_string());
            }
            *last_part.last_mut().expect("a quotation before") = q;
            continue;
        }
        out.push(quote);
        last_part.push(q);
        if let Some(own) = own {
            out_steps.push(own);
        }
    }
    if let Some(steps) = steps {
        *steps = out_steps;
    }
    out
}
