//! Why the analysis decided what it did: for each name, the rules that fired
//! and their weights; for each quote, how its speaker was chosen
//! (`gloss annotate --explain`).
//!
//! The explanation is recorded by the real run, never by a copy of it: the
//! rules report through a [`Trace`], which does nothing (and costs a branch)
//! unless the caller asked for an explanation ([`super::analyze_explained`]).

use serde::Serialize;

use crate::span::Span;

/// Records events when switched on; otherwise every call is a no-op.
#[derive(Debug)]
pub struct Trace<T> {
    events: Option<Vec<T>>,
}

impl<T> Trace<T> {
    /// A trace that records.
    pub fn on() -> Self {
        Trace {
            events: Some(Vec::new()),
        }
    }

    /// A trace that records nothing.
    pub fn off() -> Self {
        Trace { events: None }
    }

    /// A trace that records when `on`.
    pub fn when(on: bool) -> Self {
        if on { Trace::on() } else { Trace::off() }
    }

    /// Whether events are recorded (to skip work done only to describe them).
    pub fn is_on(&self) -> bool {
        self.events.is_some()
    }

    /// Record the event that `make` builds, if the trace is on.
    #[inline]
    pub fn record(&mut self, make: impl FnOnce() -> T) {
        if let Some(events) = &mut self.events {
            events.push(make());
        }
    }

    /// The events recorded since the last `take`, in order (none when
    /// off); the trace goes on recording.
    pub fn take(&mut self) -> Vec<T> {
        self.events.as_mut().map(std::mem::take).unwrap_or_default()
    }

    /// The events recorded, in order (none when off).
    pub fn into_events(self) -> Vec<T> {
        self.events.unwrap_or_default()
    }
}

impl<T> Default for Trace<T> {
    fn default() -> Self {
        Trace::off()
    }
}

/// The explanation of one document's analysis.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Explanation {
    /// One entry per distinct name the rules weighed, in order of first occurrence.
    pub names: Vec<NameExplanation>,
    /// One entry per quotation, in reading order.
    pub quotes: Vec<QuoteExplanation>,
}

/// How a name's kind was chosen: the rules that fired at its occurrences,
/// with their weights, and the sums.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct NameExplanation {
    /// The name as the analysis keys it (its words, as written).
    pub name: String,
    /// How many times it occurs as a candidate.
    pub occurrences: usize,
    /// Every vote cast, in the order cast.
    pub rules: Vec<Fired>,
    /// The summed votes per kind.
    pub totals: KindVotes,
    /// What the name was listed as: `person`, `organization`, `place`, or
    /// none (not a name, or too weak to list).
    pub kind: Option<String>,
}

/// Votes for each kind of name, as the explanation shows them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct KindVotes {
    pub person: f32,
    pub organization: f32,
    pub place: f32,
    pub none: f32,
}

/// One vote: a named rule that fired at one occurrence.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Fired {
    /// The rule's name, as in the rule table.
    pub rule: &'static str,
    /// The rule's one-line reason.
    pub why: &'static str,
    /// The kind it votes for: `person`, `organization`, `place` or `none`.
    pub kind: &'static str,
    pub weight: f32,
    /// The occurrence it fired at.
    pub at: Span,
}

/// How a quotation's speaker was chosen.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct QuoteExplanation {
    /// The quoted words.
    pub quote: Span,
    /// The speaker's name as listed, if one was chosen.
    pub speaker: Option<String>,
    /// The steps taken, in order: which cue was found, which candidates were
    /// weighed and which won, or why none was given.
    pub steps: Vec<String>,
}
