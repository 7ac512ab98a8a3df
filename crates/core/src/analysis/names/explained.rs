//! Each name's explanation for `gloss annotate --explain`, gathered from the
//! rules that fired while the names were weighed ([`super::rules::Ballot`]
//! with the trace on): nothing here decides anything.

use std::ops::Range;

use super::rules::Votes;
use super::segment::NameSpan;
use super::{Draft, clean_name};
use crate::analysis::EntityKind;
use crate::analysis::doc::Doc;
use crate::analysis::explain::{Fired, KindVotes, NameExplanation};
use crate::analysis::lexicon::FastMap;
use crate::span::Span;

/// The names weighed so far, by key, in order of first occurrence.
#[derive(Default)]
pub struct Explained {
    names: Vec<NameExplanation>,
    /// Each name's place in `names`, by key.
    index: FastMap<String, usize>,
    /// Each name's occurrences, as token ranges.
    occurrences: Vec<Vec<Range<usize>>>,
    /// Where each name first occurs.
    first: Vec<Span>,
}

impl Explained {
    /// An occurrence of the name `key` was weighed: these rules fired.
    pub fn occurrence(&mut self, doc: &Doc, key: &str, span: &NameSpan, fired: Vec<Fired>) {
        let at = match self.index.get(key) {
            Some(&at) => at,
            None => {
                self.index.insert(key.to_string(), self.names.len());
                self.names.push(NameExplanation {
                    name: clean_name(doc.slice(&span.tokens)),
                    ..NameExplanation::default()
                });
                self.occurrences.push(Vec::new());
                self.first.push(doc.span(&span.tokens));
                self.names.len() - 1
            }
        };
        self.names[at].occurrences += 1;
        self.names[at].rules.extend(fired);
        self.occurrences[at].push(span.tokens.clone());
    }

    /// These rules fired for the name `key` over the document.
    pub fn later(&mut self, key: &str, fired: Vec<Fired>) {
        if let Some(&at) = self.index.get(key) {
            self.names[at].rules.extend(fired);
        }
    }

    /// Where the name `key` first occurs (nowhere when not tracing).
    pub fn first_at(&self, key: &str) -> Span {
        if self.names.is_empty() {
            return Span::default();
        }
        self.index
            .get(key)
            .map_or(Span::default(), |&at| self.first[at])
    }

    /// The explanations, with each name's summed votes and the kind of the
    /// entity its first listed occurrence is a mention of.
    pub fn finish(
        mut self,
        totals: &FastMap<&str, Votes>,
        drafts: &[Draft],
    ) -> Vec<NameExplanation> {
        let listed: FastMap<(usize, usize), EntityKind> = drafts
            .iter()
            .flat_map(|d| {
                d.mentions
                    .iter()
                    .map(move |m| ((m.tokens.start, m.tokens.end), d.kind))
            })
            .collect();
        for (key, &at) in &self.index {
            let v = totals.get(key.as_str()).copied().unwrap_or_default();
            let e = &mut self.names[at];
            e.totals = KindVotes {
                person: v.person,
                organization: v.org,
                place: v.place,
                none: v.none,
            };
            e.kind = self.occurrences[at]
                .iter()
                .find_map(|r| listed.get(&(r.start, r.end)))
                .map(|k| {
                    match k {
                        EntityKind::Person => "person",
                        EntityKind::Organization => "organization",
                        EntityKind::Place => "place",
                    }
                    .to_string()
                });
        }
        self.names
    }
}
