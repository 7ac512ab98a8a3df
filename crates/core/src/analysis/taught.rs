//! The names a reader taught (a user lexicon, handed in as a
//! [`crate::analysis::lexicon::Overlay`]), applied to the names found: a
//! name that is never a name goes, wherever it was found; a name of a known
//! kind gets that kind, and its occurrences that nothing found become its
//! mentions. Runs before the quotes' speakers are chosen, so that they
//! follow.

use crate::analysis::EntityKind;
use crate::analysis::doc::Doc;
use crate::analysis::lexicon::TaughtName;
use crate::analysis::names::{Draft, Mention};
use crate::span::Span;

/// Apply what the reader taught to the entities as the names step built them.
pub fn apply(doc: &Doc, taught: &[TaughtName], drafts: &mut Vec<Draft>) {
    for t in taught {
        let name = t.name.as_str();
        match t.kind {
            None => {
                for d in drafts.iter_mut() {
                    d.mentions.retain(|m| m.span.slice(doc.text) != name);
                }
                drafts.retain(|d| !d.mentions.is_empty() && d.name != name);
            }
            Some(kind) => {
                for d in drafts.iter_mut().filter(|d| d.name == name) {
                    if d.kind != kind && kind != EntityKind::Place {
                        d.geo = None;
                    }
                    d.kind = kind;
                }
                let found: Vec<Mention> = occurrences(doc, name)
                    .filter(|m| {
                        !drafts
                            .iter()
                            .any(|d| d.mentions.iter().any(|o| o.span.overlaps(m.span)))
                    })
                    .collect();
                if found.is_empty() {
                    continue;
                }
                match drafts.iter_mut().find(|d| d.name == name) {
                    Some(d) => {
                        d.mentions.extend(found);
                        d.mentions.sort_by_key(|m| m.span.start);
                    }
                    None => drafts.push(Draft {
                        kind,
                        name: name.to_string(),
                        roles: Vec::new(),
                        mentions: found,
                        gender: None,
                        geo: None,
                    }),
                }
            }
        }
    }
}

/// The occurrences of `name` in the text as whole tokens (it starts where
/// a token starts and ends where one ends).
fn occurrences<'d>(doc: &'d Doc, name: &'d str) -> impl Iterator<Item = Mention> + 'd {
    let text = doc.text;
    let mut from = 0;
    std::iter::from_fn(move || {
        while !name.is_empty() {
            let at = from + text.get(from..)?.find(name)?;
            let end = at + name.len();
            from = at + text[at..].chars().next().map_or(1, char::len_utf8);
            let first = doc.tokens.partition_point(|t| t.span().start < at);
            let last = doc.tokens.partition_point(|t| t.span().end < end);
            let starts = doc.tokens.get(first).is_some_and(|t| t.span().start == at);
            let ends = doc.tokens.get(last).is_some_and(|t| t.span().end == end);
            if starts && ends && first <= last {
                return Some(Mention {
                    tokens: first..last + 1,
                    span: Span::new(at, end),
                });
            }
        }
        None
    })
}
