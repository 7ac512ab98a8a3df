//! Corrections: what a reader fixed in an analysis, kept as data and applied
//! again to every new analysis of the article.
//!
//! A correction points into the text the way a note does, by an [`Anchor`]:
//! the words and their context, never a run-time index. An entity is named by
//! one of its mentions, a quote by its words. [`apply`] is pure: it takes an
//! [`Analysis`], the text and the corrections in the order they were made,
//! and gives the corrected analysis and the corrections that no longer find
//! their text (orphaned: the caller keeps and shows them, never drops them).

use serde::{Deserialize, Serialize};

use crate::analysis::{Analysis, Entity, EntityId, EntityKind, Quote};
use crate::span::Span;

/// How many characters of context an anchor keeps on each side (as notes do).
pub const CONTEXT_CHARS: usize = 32;

/// Where a correction or a note points: the words (`exact`) with the text
/// before and after them, and where they were (byte offsets into the clean
/// text): a W3C TextQuoteSelector with a TextPositionSelector. A note's
/// target (`notes::model::Target`) is this type.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Anchor {
    pub exact: String,
    #[serde(default)]
    pub prefix: String,
    #[serde(default)]
    pub suffix: String,
    /// Byte offset of the start of `exact` in the text.
    pub start: usize,
    /// Byte offset just past the end of `exact`.
    pub end: usize,
}

impl Anchor {
    /// The anchor of `span` in `text`; `None` when the span is empty, out of
    /// range or not on character boundaries.
    pub fn of_span(text: &str, span: Span) -> Option<Anchor> {
        if span.is_empty() || span.end > text.len() {
            return None;
        }
        let exact = text.get(span.start..span.end)?.to_string();
        let (prefix, suffix) = context(text, span);
        Some(Anchor {
            exact,
            prefix: prefix.to_string(),
            suffix: suffix.to_string(),
            start: span.start,
            end: span.end,
        })
    }

    /// Make the recorded position safe to slice `text` at (in range, on
    /// character boundaries, start before end): a stored or imported
    /// position is only a hint.
    pub fn fit_to(&mut self, text: &str) {
        let floor = |i: usize| {
            let mut i = i.min(text.len());
            while !text.is_char_boundary(i) {
                i -= 1;
            }
            i
        };
        self.end = floor(self.end);
        self.start = floor(self.start).min(self.end);
    }

    /// Whether the quote is found at its recorded position in `text`.
    pub fn matches_at_position(&self, text: &str) -> bool {
        text.get(self.start..self.end) == Some(self.exact.as_str())
    }

    /// Where the words are in `text`: at their recorded position if still
    /// there, else the occurrence whose surroundings agree most with the
    /// recorded context (ties: the nearest to the old position).
    pub fn find(&self, text: &str) -> Option<Span> {
        if self.exact.is_empty() {
            return None;
        }
        if text.get(self.start..self.end) == Some(self.exact.as_str()) {
            return Some(Span::new(self.start, self.end));
        }
        best_occurrence(text, &self.exact, &self.prefix, &self.suffix, self.start)
            .map(|start| Span::new(start, start + self.exact.len()))
    }
}

/// Up to [`CONTEXT_CHARS`] characters of `text` before `span` and after it
/// (the prefix and suffix of an anchor, or of a note's target). `span` must
/// lie on character boundaries of `text`.
pub fn context(text: &str, span: Span) -> (&str, &str) {
    let head = &text[..span.start];
    let from = head
        .char_indices()
        .rev()
        .nth(CONTEXT_CHARS - 1)
        .map_or(0, |(i, _)| i);
    let tail = &text[span.end..];
    let to = tail
        .char_indices()
        .nth(CONTEXT_CHARS)
        .map_or(tail.len(), |(i, _)| i);
    (&head[from..], &tail[..to])
}

/// The start of the occurrence of `exact` in `text` whose surroundings agree
/// most with `prefix` and `suffix` (characters in common next to it); ties go
/// to the one nearest `near`, the old position. Overlapping occurrences count.
pub fn best_occurrence(
    text: &str,
    exact: &str,
    prefix: &str,
    suffix: &str,
    near: usize,
) -> Option<usize> {
    let mut best: Option<(usize, usize, usize)> = None; // (score, distance, start)
    let mut from = 0;
    while let Some(found) = text.get(from..).and_then(|t| t.find(exact)) {
        let start = from + found;
        let end = start + exact.len();
        let score = common_suffix(&text[..start], prefix) + common_prefix(&text[end..], suffix);
        let distance = start.abs_diff(near);
        if best.is_none_or(|(s, d, _)| score > s || (score == s && distance < d)) {
            best = Some((score, distance, start));
        }
        from = start + text[start..].chars().next().map_or(1, char::len_utf8);
    }
    best.map(|(_, _, start)| start)
}

fn common_suffix(a: &str, b: &str) -> usize {
    a.chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y)
        .count()
}

fn common_prefix(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

/// One fix a reader made. An entity is pointed at by one of its mentions.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Correction {
    /// The entity is called `name`.
    Rename { entity: Anchor, name: String },
    /// The entity is the same as `into`: its mentions (and quotes) go there.
    Merge { entity: Anchor, into: Anchor },
    /// The mention is an entity of its own; with `onward`, so are all the
    /// entity's mentions from it on (and the quotes given to it after the
    /// last mention it keeps).
    Split {
        mention: Anchor,
        #[serde(default)]
        onward: bool,
    },
    /// The entity is not a name at all: it goes.
    NotAName { entity: Anchor },
    /// The entity is of another kind.
    Kind { entity: Anchor, kind: EntityKind },
    /// The words are a name nothing found: a new entity of `kind`, with
    /// their other occurrences that are nobody's mention.
    NewEntity { mention: Anchor, kind: EntityKind },
    /// The words are another mention of `entity`.
    AddMention { mention: Anchor, entity: Anchor },
    /// The quote was said by `speaker` (by one of its mentions), or by
    /// nobody the article names.
    Speaker {
        quote: Anchor,
        speaker: Option<Anchor>,
    },
    /// The quoted words are not a quote.
    NotAQuote { quote: Anchor },
}

impl Correction {
    /// What it says, for a list of corrections ("“Nokia” is an organisation").
    pub fn describe(&self) -> String {
        match self {
            Correction::Rename { entity, name } => format!("“{}” is called “{name}”", entity.exact),
            Correction::Merge { entity, into } => {
                format!("“{}” is the same as “{}”", entity.exact, into.exact)
            }
            Correction::Split { mention, onward } => format!(
                "“{}” at “…{}” is someone else{}",
                mention.exact,
                tail_chars(&mention.prefix, 12),
                if *onward { " from there on" } else { "" }
            ),
            Correction::NotAName { entity } => format!("“{}” is not a name", entity.exact),
            Correction::Kind { entity, kind } => {
                format!("“{}” is {}", entity.exact, kind_phrase(*kind))
            }
            Correction::NewEntity { mention, kind } => {
                format!("“{}” is {}", mention.exact, kind_phrase(*kind))
            }
            Correction::AddMention { mention, entity } => {
                format!("“{}” is “{}”", mention.exact, entity.exact)
            }
            Correction::Speaker {
                quote,
                speaker: Some(s),
            } => format!("“{}” was said by {}", head_chars(&quote.exact, 24), s.exact),
            Correction::Speaker {
                quote,
                speaker: None,
            } => format!("“{}” has no named speaker", head_chars(&quote.exact, 24)),
            Correction::NotAQuote { quote } => {
                format!("“{}” is not a quote", head_chars(&quote.exact, 24))
            }
        }
    }

    /// The words it is about (the entity's mention, the quote).
    pub fn anchor(&self) -> &Anchor {
        match self {
            Correction::Rename { entity, .. }
            | Correction::Merge { entity, .. }
            | Correction::NotAName { entity }
            | Correction::Kind { entity, .. } => entity,
            Correction::Split { mention, .. }
            | Correction::NewEntity { mention, .. }
            | Correction::AddMention { mention, .. } => mention,
            Correction::Speaker { quote, .. } | Correction::NotAQuote { quote } => quote,
        }
    }
}

/// "a person", "an organisation", "a place".
pub fn kind_phrase(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "a person",
        EntityKind::Organization => "an organisation",
        EntityKind::Place => "a place",
    }
}

fn head_chars(s: &str, n: usize) -> String {
    match s.char_indices().nth(n) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

fn tail_chars(s: &str, n: usize) -> &str {
    let from = s.char_indices().rev().nth(n - 1).map_or(0, |(i, _)| i);
    &s[from..]
}

/// An analysis with the corrections applied.
#[derive(Clone, Debug, PartialEq)]
pub struct Applied {
    pub analysis: Analysis,
    /// The indices (into the corrections given) of those that did not find
    /// their text or what they are about: not applied, to be kept and shown.
    pub orphaned: Vec<usize>,
}

/// Apply `corrections`, in order, to `analysis` of `text`. Pure.
pub fn apply(analysis: &Analysis, text: &str, corrections: &[Correction]) -> Applied {
    let mut work = Work {
        text,
        entities: analysis.entities.iter().cloned().map(Some).collect(),
        quotes: analysis.quotes.iter().cloned().map(Some).collect(),
    };
    let orphaned = corrections
        .iter()
        .enumerate()
        .filter(|(_, c)| work.apply(c).is_none())
        .map(|(i, _)| i)
        .collect();
    let mut new_id: Vec<Option<EntityId>> = Vec::with_capacity(work.entities.len());
    let mut entities: Vec<Entity> = Vec::new();
    for e in work.entities {
        match e {
            Some(e) if !e.mentions.is_empty() => {
                new_id.push(Some(EntityId(entities.len())));
                entities.push(e);
            }
            _ => new_id.push(None),
        }
    }
    let quotes = work
        .quotes
        .into_iter()
        .flatten()
        .map(|q| Quote {
            speaker: q.speaker.and_then(|s| new_id.get(s.0).copied().flatten()),
            ..q
        })
        .collect();
    Applied {
        analysis: Analysis {
            sentences: analysis.sentences.clone(),
            entities,
            quotes,
            language: analysis.language.clone(),
        },
        orphaned,
    }
}

/// The analysis being corrected: removed entities and quotes are `None`
/// until the end, so that the ids in between stay put.
struct Work<'t> {
    text: &'t str,
    entities: Vec<Option<Entity>>,
    quotes: Vec<Option<Quote>>,
}

impl Work<'_> {
    /// The entity one of whose mentions the anchor points at (the mention
    /// itself, else one overlapping it), and the mention's index.
    fn entity_at(&self, anchor: &Anchor) -> Option<(usize, usize)> {
        let span = anchor.find(self.text)?;
        self.mention_at(span)
    }

    fn mention_at(&self, span: Span) -> Option<(usize, usize)> {
        let live = || {
            self.entities
                .iter()
                .enumerate()
                .filter_map(|(i, e)| e.as_ref().map(|e| (i, e)))
        };
        live()
            .find_map(|(i, e)| e.mentions.iter().position(|&m| m == span).map(|m| (i, m)))
            .or_else(|| {
                live().find_map(|(i, e)| {
                    e.mentions
                        .iter()
                        .position(|m| m.overlaps(span))
                        .map(|m| (i, m))
                })
            })
    }

    fn quote_at(&self, anchor: &Anchor) -> Option<usize> {
        let span = anchor.find(self.text)?;
        let live = || {
            self.quotes
                .iter()
                .enumerate()
                .filter_map(|(i, q)| q.as_ref().map(|q| (i, q)))
        };
        live()
            .find(|(_, q)| q.span == span)
            .or_else(|| live().find(|(_, q)| q.span.overlaps(span)))
            .map(|(i, _)| i)
    }

    fn entity(&mut self, i: usize) -> &mut Entity {
        self.entities[i].as_mut().expect("a live entity")
    }

    /// Remove `span` from every entity's mentions where it overlaps one.
    fn take_overlapping(&mut self, span: Span) {
        for e in self.entities.iter_mut().flatten() {
            e.mentions.retain(|m| !m.overlaps(span));
        }
    }

    /// The speakers given to entity `from` go to `to`.
    fn move_speakers(&mut self, from: usize, to: Option<usize>, after: Option<usize>) {
        for q in self.quotes.iter_mut().flatten() {
            if q.speaker == Some(EntityId(from)) && after.is_none_or(|a| q.span.start >= a) {
                q.speaker = to.map(EntityId);
            }
        }
    }

    /// Apply one correction; `None` when it does not find what it is about.
    fn apply(&mut self, c: &Correction) -> Option<()> {
        match c {
            Correction::Rename { entity, name } => {
                let (e, _) = self.entity_at(entity)?;
                self.entity(e).name = name.clone();
            }
            Correction::Merge { entity, into } => {
                let (from, _) = self.entity_at(entity)?;
                let (to, _) = self.entity_at(into)?;
                if from != to {
                    let gone = self.entities[from].take()?;
                    let target = self.entity(to);
                    target.mentions.extend(gone.mentions);
                    target.mentions.sort();
                    target.mentions.dedup();
                    for role in gone.roles {
                        if !target.roles.contains(&role) {
                            target.roles.push(role);
                        }
                    }
                    self.move_speakers(from, Some(to), None);
                }
            }
            Correction::Split { mention, onward } => {
                let (e, m) = self.entity_at(mention)?;
                let text = self.text;
                let old = self.entity(e);
                let first = old.mentions[m];
                let moved: Vec<Span> = if *onward {
                    old.mentions.split_off(m)
                } else {
                    vec![old.mentions.remove(m)]
                };
                let split = Entity {
                    kind: old.kind,
                    name: first.slice(text).to_string(),
                    roles: Vec::new(),
                    mentions: moved,
                    geo: old.geo.clone(),
                };
                // the quotes given to it after the last mention it keeps
                // (all of them when it keeps none) go with the split
                let after = old.mentions.last().map_or(0, |m| m.end);
                self.entities.push(Some(split));
                if *onward {
                    let new = self.entities.len() - 1;
                    self.move_speakers(e, Some(new), Some(after));
                }
            }
            Correction::NotAName { entity } => {
                let (e, _) = self.entity_at(entity)?;
                self.entities[e] = None;
                self.move_speakers(e, None, None);
            }
            Correction::Kind { entity, kind } => {
                let (e, _) = self.entity_at(entity)?;
                let entity = self.entity(e);
                if entity.kind != *kind && *kind != EntityKind::Place {
                    entity.geo = None;
                }
                entity.kind = *kind;
            }
            Correction::NewEntity { mention, kind } => {
                let span = mention.find(self.text)?;
                let words = span.slice(self.text);
                self.take_overlapping(span);
                let mut mentions = vec![span];
                mentions.extend(
                    whole_word_occurrences(self.text, words)
                        .filter(|&s| s != span && self.mention_at(s).is_none()),
                );
                mentions.sort();
                self.entities.push(Some(Entity {
                    kind: *kind,
                    name: words.to_string(),
                    roles: Vec::new(),
                    mentions,
                    geo: None,
                }));
            }
            Correction::AddMention { mention, entity } => {
                let (e, _) = self.entity_at(entity)?;
                let span = mention.find(self.text)?;
                self.take_overlapping(span);
                let entity = self.entity(e);
                entity.mentions.push(span);
                entity.mentions.sort();
            }
            Correction::Speaker { quote, speaker } => {
                let q = self.quote_at(quote)?;
                let who = match speaker {
                    Some(s) => Some(EntityId(self.entity_at(s)?.0)),
                    None => None,
                };
                self.quotes[q].as_mut()?.speaker = who;
            }
            Correction::NotAQuote { quote } => {
                let q = self.quote_at(quote)?;
                self.quotes[q] = None;
            }
        }
        Some(())
    }
}

/// The occurrences of `words` in `text` with no letter or digit just before
/// or after them.
fn whole_word_occurrences<'t>(text: &'t str, words: &'t str) -> impl Iterator<Item = Span> + 't {
    let mut from = 0;
    std::iter::from_fn(move || {
        while !words.is_empty() {
            let at = from + text.get(from..)?.find(words)?;
            let end = at + words.len();
            from = end;
            let before = text[..at].chars().next_back();
            let after = text[end..].chars().next();
            if !before.is_some_and(char::is_alphanumeric)
                && !after.is_some_and(char::is_alphanumeric)
            {
                return Some(Span::new(at, end));
            }
        }
        None
    })
}

#[cfg(test)]
mod tests;
