//! What the reader derives from the analysis once: the lists the side panes
//! show, and every mention and quote in reading order for drawing and jumping.
//!
//! Any analysis is accepted, an empty one included; spans that do not lie on
//! character boundaries inside the text are left out rather than trusted.

use crate::Document;
use crate::analysis::{EntityId, EntityKind, QuoteKind};
use crate::span::Span;

/// One mention of an entity, where it is in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MentionMark {
    pub span: Span,
    pub entity: EntityId,
    pub kind: EntityKind,
}

/// One quotation in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QuoteMark {
    pub span: Span,
    pub kind: QuoteKind,
    /// Index in `analysis.quotes`.
    pub quote: usize,
}

/// The analysis as the reader looks it up: the side panes' lists, and the
/// mentions and quotes in reading order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AnalysisIndex {
    /// People and organisations, most mentioned first, then by name.
    pub people: Vec<EntityId>,
    /// Places, most mentioned first, then by name.
    pub places: Vec<EntityId>,
    /// Full quotes (not scare quotes) in reading order, as indices of `analysis.quotes`.
    pub quotes: Vec<usize>,
    /// The full quotes of each speaker, by entity index.
    pub quotes_by: Vec<Vec<usize>>,
    /// Each entity's valid mentions in reading order, by entity index.
    pub mentions: Vec<Vec<Span>>,
    /// All mentions in reading order, none overlapping another.
    pub marks: Vec<MentionMark>,
    /// All quotations in reading order, none overlapping another.
    pub quote_marks: Vec<QuoteMark>,
}

fn valid(text: &str, span: Span) -> bool {
    span.start < span.end
        && span.end <= text.len()
        && text.is_char_boundary(span.start)
        && text.is_char_boundary(span.end)
}

/// Keep the first of any overlapping items (sorted by start, longest first).
fn without_overlaps<T: Copy>(mut items: Vec<T>, span: impl Fn(&T) -> Span) -> Vec<T> {
    items.sort_by_key(|t| (span(t).start, std::cmp::Reverse(span(t).end)));
    let mut kept: Vec<T> = Vec::with_capacity(items.len());
    for item in items {
        if kept.last().is_none_or(|k| span(k).end <= span(&item).start) {
            kept.push(item);
        }
    }
    kept
}

/// The country code of a place entity, if the gazetteer knows it.
pub fn country_of(analysis: &crate::analysis::Analysis, id: EntityId) -> Option<&str> {
    analysis.entities[id.0]
        .geo
        .as_ref()?
        .country_code
        .as_deref()
}

/// Places grouped by country (the countries with the most mentions first,
/// places without a country last), each group in the order given.
fn by_country(
    analysis: &crate::analysis::Analysis,
    mentions: &[Vec<Span>],
    ranked: Vec<EntityId>,
) -> Vec<EntityId> {
    let mut weight: std::collections::HashMap<Option<&str>, usize> = Default::default();
    for &id in &ranked {
        *weight.entry(country_of(analysis, id)).or_default() += mentions[id.0].len();
    }
    let mut out = ranked.clone();
    // a stable sort keeps the given order within a country
    out.sort_by(|&a, &b| {
        let (ca, cb) = (country_of(analysis, a), country_of(analysis, b));
        ca.is_none()
            .cmp(&cb.is_none())
            .then_with(|| weight[&cb].cmp(&weight[&ca]))
            .then_with(|| ca.cmp(&cb))
    });
    out
}

impl AnalysisIndex {
    pub fn new(doc: &Document) -> Self {
        let text = &doc.article.text;
        let analysis = &doc.analysis;
        let mentions: Vec<Vec<Span>> = analysis
            .entities
            .iter()
            .map(|e| {
                let mut m: Vec<Span> = e
                    .mentions
                    .iter()
                    .copied()
                    .filter(|s| valid(text, *s))
                    .collect();
                m.sort();
                m.dedup();
                m
            })
            .collect();
        let ranked = |kinds: &[EntityKind]| {
            let mut ids: Vec<EntityId> = (0..analysis.entities.len())
                .filter(|&i| kinds.contains(&analysis.entities[i].kind))
                .map(EntityId)
                .collect();
            ids.sort_by(|a, b| {
                mentions[b.0].len().cmp(&mentions[a.0].len()).then_with(|| {
                    analysis.entities[a.0]
                        .name
                        .cmp(&analysis.entities[b.0].name)
                })
            });
            ids
        };
        let people = ranked(&[EntityKind::Person, EntityKind::Organization]);
        let places = by_country(analysis, &mentions, ranked(&[EntityKind::Place]));
        let marks = without_overlaps(
            mentions
                .iter()
                .enumerate()
                .flat_map(|(i, spans)| {
                    let kind = analysis.entities[i].kind;
                    spans.iter().map(move |&span| MentionMark {
                        span,
                        entity: EntityId(i),
                        kind,
                    })
                })
                .collect(),
            |m| m.span,
        );
        let quote_marks = without_overlaps(
            analysis
                .quotes
                .iter()
                .enumerate()
                .filter(|(_, q)| valid(text, q.span))
                .map(|(i, q)| QuoteMark {
                    span: q.span,
                    kind: q.kind,
                    quote: i,
                })
                .collect(),
            |q| q.span,
        );
        let quotes: Vec<usize> = quote_marks
            .iter()
            .filter(|q| q.kind == QuoteKind::Full)
            .map(|q| q.quote)
            .collect();
        let mut quotes_by = vec![Vec::new(); analysis.entities.len()];
        for &q in &quotes {
            if let Some(list) = analysis.quotes[q]
                .speaker
                .and_then(|s| quotes_by.get_mut(s.0))
            {
                list.push(q);
            }
        }
        AnalysisIndex {
            people,
            places,
            quotes,
            quotes_by,
            mentions,
            marks,
            quote_marks,
        }
    }

    /// The mentions of people, in reading order.
    pub fn person_mentions(&self) -> impl DoubleEndedIterator<Item = &MentionMark> {
        self.marks.iter().filter(|m| m.kind == EntityKind::Person)
    }

    /// How often an entity is mentioned.
    pub fn count(&self, id: EntityId) -> usize {
        self.mentions.get(id.0).map_or(0, Vec::len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Analysis, Entity, Quote};
    use crate::article::Article;

    fn entity(kind: EntityKind, name: &str, mentions: &[(usize, usize)]) -> Entity {
        Entity {
            kind,
            name: name.into(),
            roles: vec![],
            mentions: mentions.iter().map(|&(s, e)| Span::new(s, e)).collect(),
            geo: None,
        }
    }

    fn doc(text: &str, entities: Vec<Entity>, quotes: Vec<Quote>) -> Document {
        Document {
            article: Article {
                text: text.into(),
                ..Article::default()
            },
            analysis: Analysis {
                entities,
                quotes,
                ..Analysis::default()
            },
        }
    }

    #[test]
    fn an_empty_analysis_gives_empty_lists() {
        let i = AnalysisIndex::new(&doc("Nothing here.", vec![], vec![]));
        assert!(i.people.is_empty() && i.places.is_empty() && i.quotes.is_empty());
    }

    #[test]
    fn people_and_organisations_are_listed_most_mentioned_first() {
        let text = "Ann met Bob. Bob and the Board. Bob.";
        let d = doc(
            text,
            vec![
                entity(EntityKind::Person, "Ann", &[(0, 3)]),
                entity(EntityKind::Person, "Bob", &[(8, 11), (13, 16), (32, 35)]),
                entity(EntityKind::Organization, "Board", &[(25, 30)]),
                entity(EntityKind::Place, "Nowhere", &[]),
            ],
            vec![],
        );
        let i = AnalysisIndex::new(&d);
        assert_eq!(i.people, [EntityId(1), EntityId(0), EntityId(2)]);
        assert_eq!(i.places, [EntityId(3)]);
        assert_eq!(i.person_mentions().count(), 4);
    }

    #[test]
    fn spans_outside_the_text_or_inside_a_character_are_left_out() {
        let text = "Zoë spoke.";
        let d = doc(
            text,
            vec![entity(
                EntityKind::Person,
                "Zoë",
                &[(0, 4), (0, 3), (5, 99), (6, 4)],
            )],
            vec![Quote {
                span: Span::new(2, 200),
                speaker: None,
                kind: QuoteKind::Full,
                parts: Vec::new(),
            }],
        );
        let i = AnalysisIndex::new(&d);
        assert_eq!(i.mentions[0], [Span::new(0, 4)]);
        assert!(i.quotes.is_empty());
    }

    #[test]
    fn scare_quotes_are_drawn_but_not_listed() {
        let text = "\"We won,\" she said of the \"deal\".";
        let q = |s, e, kind| Quote {
            span: Span::new(s, e),
            speaker: None,
            kind,
            parts: Vec::new(),
        };
        let d = doc(
            text,
            vec![],
            vec![q(1, 8, QuoteKind::Full), q(27, 31, QuoteKind::Partial)],
        );
        let i = AnalysisIndex::new(&d);
        assert_eq!(i.quotes, [0]);
        assert_eq!(i.quote_marks.len(), 2);
    }
}
