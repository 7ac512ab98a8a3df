//! The reading cursor and the visual selection: how the reader chooses the
//! passage that `h` highlights and `a` annotates.
//!
//! The cursor is a sentence of the analysis (a block when the analysis found
//! no sentences), faintly marked; `(`/`)` move it and the view follows. It
//! stays on screen when the article scrolls, and follows jumps (a mention, a
//! quote, a search match). `v` selects the current sentence; `)`/`(` then move
//! the selection's moving end by a sentence, `w`/`b` by a word, and `O`
//! switches which end moves. Words are the analysis' tokens, with the
//! punctuation glued to them, so a selection never ends inside a word.

use crate::Document;
use crate::analysis::tokens::{TokenKind, tokenize};
use crate::span::Span;

use super::action::Action;
use super::app::App;

/// What the reading cursor and the selection can do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PassageAction {
    NextSentence,
    PreviousSentence,
    /// Start a selection at the current sentence, or end it.
    Select,
    NextWord,
    PreviousWord,
    /// Switch the end of the selection that moves.
    OtherEnd,
}

/// Which end of the selection the keys move.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum End {
    Start,
    #[default]
    End,
}

/// A chosen passage: a byte range of the text, never empty.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Selection {
    pub span: Span,
    pub moving: End,
}

/// The reading cursor and the selection.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Reading {
    /// Sentences in reading order (blocks when there are none): valid,
    /// non-empty, non-overlapping spans of the text.
    pub units: Vec<Span>,
    /// Index of the current sentence in `units`.
    pub current: usize,
    pub selection: Option<Selection>,
    /// The last jump the cursor followed (a mark or a search match).
    followed: Option<Span>,
}

fn valid(text: &str, span: Span) -> bool {
    span.start < span.end
        && span.end <= text.len()
        && text.is_char_boundary(span.start)
        && text.is_char_boundary(span.end)
}

impl Reading {
    pub fn new(doc: &Document) -> Self {
        let text = &doc.article.text;
        let mut units: Vec<Span> = doc
            .analysis
            .sentences
            .iter()
            .copied()
            .filter(|s| valid(text, *s))
            .collect();
        if units.is_empty() {
            units = doc
                .article
                .blocks
                .iter()
                .map(|b| b.span)
                .filter(|s| valid(text, *s))
                .collect();
        }
        units.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
        let mut kept: Vec<Span> = Vec::with_capacity(units.len());
        for s in units {
            if kept.last().is_none_or(|k| k.end <= s.start) {
                kept.push(s);
            }
        }
        Reading {
            units: kept,
            ..Reading::default()
        }
    }

    /// The current sentence.
    pub fn current_span(&self) -> Option<Span> {
        self.units.get(self.current).copied()
    }

    /// The passage `h` and `a` work on: the selection, else the current sentence.
    pub fn passage(&self) -> Option<Span> {
        self.selection
            .map(|s| s.span)
            .or_else(|| self.current_span())
    }

    /// The unit holding byte `offset`, else the first one after it, else the last.
    pub fn unit_at(&self, offset: usize) -> usize {
        let i = self.units.partition_point(|u| u.end <= offset);
        i.min(self.units.len().saturating_sub(1))
    }
}

/// Apply a passage action.
pub fn update(app: &mut App, action: PassageAction) {
    if app.reading.units.is_empty() {
        app.set_message("This article has no text to move through");
        return;
    }
    match (action, app.reading.selection) {
        (PassageAction::Select, None) => select(app),
        (PassageAction::Select, Some(_)) => {
            app.reading.selection = None;
            app.set_message("Selection ended");
        }
        (PassageAction::NextSentence, None) => step_sentence(app, true),
        (PassageAction::PreviousSentence, None) => step_sentence(app, false),
        (PassageAction::NextWord | PassageAction::PreviousWord | PassageAction::OtherEnd, None) => {
            let v = app.key(Action::Passage(PassageAction::Select));
            app.set_message(format!("{v} selects a passage first"));
        }
        (PassageAction::OtherEnd, Some(mut s)) => {
            s.moving = match s.moving {
                End::Start => End::End,
                End::End => End::Start,
            };
            app.reading.selection = Some(s);
            follow_offset(app, moving_offset(s));
            say_selection(app);
        }
        (action, Some(s)) => extend(app, s, action),
    }
}

fn step_sentence(app: &mut App, forward: bool) {
    let r = &mut app.reading;
    let last = r.units.len() - 1;
    let next = match forward {
        true if r.current < last => r.current + 1,
        false if r.current > 0 => r.current - 1,
        true => {
            app.set_message("This is the last sentence");
            return;
        }
        false => {
            app.set_message("This is the first sentence");
            return;
        }
    };
    r.current = next;
    let span = r.units[next];
    follow(app, span);
}

fn select(app: &mut App) {
    let Some(span) = app.reading.current_span() else {
        return;
    };
    app.reading.selection = Some(Selection {
        span,
        moving: End::End,
    });
    follow(app, span);
    say_selection(app);
}

fn moving_offset(s: Selection) -> usize {
    match s.moving {
        End::Start => s.span.start,
        End::End => s.span.end,
    }
}

/// Move the selection's moving end; it never becomes empty or turns over.
fn extend(app: &mut App, s: Selection, action: PassageAction) {
    let Span { start, end } = s.span;
    let r = &app.reading;
    let moved = match (s.moving, action) {
        (End::End, PassageAction::NextSentence) => {
            let i = r.unit_at(end.saturating_sub(1));
            if end < r.units[i].end {
                Some(r.units[i].end)
            } else {
                r.units.get(i + 1).map(|u| u.end)
            }
        }
        (End::End, PassageAction::PreviousSentence) => r
            .units
            .iter()
            .rev()
            .map(|u| u.end)
            .find(|&e| e < end && e > start),
        (End::Start, PassageAction::PreviousSentence) => {
            let i = r.unit_at(start);
            if start > r.units[i].start {
                Some(r.units[i].start)
            } else {
                i.checked_sub(1).map(|i| r.units[i].start)
            }
        }
        (End::Start, PassageAction::NextSentence) => r
            .units
            .iter()
            .map(|u| u.start)
            .find(|&b| b > start && b < end),
        (End::End, PassageAction::NextWord) => word_after(app, end, |w| w.end > end).map(|w| w.end),
        (End::End, PassageAction::PreviousWord) => {
            word_before(app, end, |w| w.end < end && w.end > start).map(|w| w.end)
        }
        (End::Start, PassageAction::PreviousWord) => {
            word_before(app, start, |w| w.start < start).map(|w| w.start)
        }
        (End::Start, PassageAction::NextWord) => {
            word_after(app, start, |w| w.start > start && w.start < end).map(|w| w.start)
        }
        _ => None,
    };
    let Some(to) = moved else {
        app.set_message(match s.moving {
            End::End
                if matches!(
                    action,
                    PassageAction::NextSentence | PassageAction::NextWord
                ) =>
            {
                "The selection reaches the end of the article"
            }
            End::Start
                if matches!(
                    action,
                    PassageAction::PreviousSentence | PassageAction::PreviousWord
                ) =>
            {
                "The selection reaches the start of the article"
            }
            _ => "The selection cannot get shorter",
        });
        return;
    };
    let span = match s.moving {
        End::Start => Span::new(to, end),
        End::End => Span::new(start, to),
    };
    let s = Selection { span, ..s };
    app.reading.selection = Some(s);
    follow_offset(app, moving_offset(s));
    say_selection(app);
}

/// The words of a unit: word and number tokens with the punctuation glued
/// to them (no space between), so `"We` and `boat,"` are one word each.
fn words(text: &str, unit: Span) -> Vec<Span> {
    let tokens = tokenize(text, unit);
    let mut out: Vec<Span> = Vec::new();
    let mut pending: Option<Span> = None; // punctuation glued to what follows
    let mut last_was_word = false;
    for t in tokens {
        let glued = out.last().is_some_and(|w| w.end == t.span().start);
        if t.kind == TokenKind::Punct {
            if glued && last_was_word {
                if let Some(w) = out.last_mut() {
                    w.end = t.span().end;
                }
                continue;
            }
            pending = match pending {
                Some(p) if p.end == t.span().start => Some(Span::new(p.start, t.span().end)),
                _ => Some(t.span()),
            };
            last_was_word = false;
            continue;
        }
        let start = pending
            .take()
            .filter(|p| p.end == t.span().start)
            .map_or(t.span().start, |p| p.start);
        if glued && last_was_word {
            if let Some(w) = out.last_mut() {
                w.end = t.span().end;
            }
        } else {
            out.push(Span::new(start, t.span().end));
        }
        last_was_word = true;
    }
    out
}

/// The first word, from the unit holding `offset` on, that `wanted` accepts.
fn word_after(app: &App, offset: usize, wanted: impl Fn(Span) -> bool) -> Option<Span> {
    let r = &app.reading;
    let text = &app.doc.article.text;
    let from = r.unit_at(offset.saturating_sub(1));
    r.units[from..]
        .iter()
        .find_map(|&u| words(text, u).into_iter().find(|&w| wanted(w)))
}

/// The last word, from the unit holding `offset` back, that `wanted` accepts.
fn word_before(app: &App, offset: usize, wanted: impl Fn(Span) -> bool) -> Option<Span> {
    let r = &app.reading;
    let text = &app.doc.article.text;
    let to = r.unit_at(offset);
    r.units[..=to]
        .iter()
        .rev()
        .find_map(|&u| words(text, u).into_iter().rev().find(|&w| wanted(w)))
}

fn say_selection(app: &mut App) {
    let Some(s) = app.reading.selection else {
        return;
    };
    let chars = app.doc.article.slice(s.span).chars().count();
    let which = match s.moving {
        End::Start => "start",
        End::End => "end",
    };
    let k = |a| app.key(Action::Passage(a));
    let h = app.key(Action::Notes(super::note_taking::NoteAction::Highlight));
    let a = app.key(Action::Notes(super::note_taking::NoteAction::Add));
    let text = format!(
        "{chars} chars · {}/{} {}/{} move the {which} · {} other end · {h} highlight · {a} note",
        k(PassageAction::NextSentence),
        k(PassageAction::PreviousSentence),
        k(PassageAction::NextWord),
        k(PassageAction::PreviousWord),
        k(PassageAction::OtherEnd),
    );
    app.set_message(text);
}

/// Scroll as little as possible so that all of `span` is on screen (its
/// start when it is taller than the screen).
pub fn follow(app: &mut App, span: Span) {
    let first = app.layout.line_of(span.start);
    let last = app
        .layout
        .line_of(span.end.saturating_sub(1).max(span.start));
    let height = app.text_height();
    if first < app.scroll {
        app.scroll = first;
    } else if last >= app.scroll + height {
        app.scroll = first.min(last + 1 - height);
    }
    app.scroll = app.scroll.min(app.max_scroll());
}

fn follow_offset(app: &mut App, offset: usize) {
    follow(app, Span::new(offset, offset + 1));
}

/// Whether any line of `span` is on screen.
fn on_screen(app: &App, span: Span) -> bool {
    let first = app.layout.line_of(span.start);
    let last = app
        .layout
        .line_of(span.end.saturating_sub(1).max(span.start));
    last >= app.scroll && first < app.scroll + app.text_height()
}

/// After every change: the cursor follows a new jump (a mention, a quote, a
/// search match) and comes back on screen when the article scrolled away.
pub fn settle(app: &mut App) {
    if app.reading.units.is_empty() {
        return;
    }
    let jump = app.mark.or_else(|| {
        app.search
            .as_ref()
            .and_then(|s| s.current.and_then(|i| s.matches.get(i).copied()))
    });
    if jump != app.reading.followed {
        app.reading.followed = jump;
        if let Some(j) = jump {
            app.reading.current = app.reading.unit_at(j.start);
        }
    }
    let Some(current) = app.reading.current_span() else {
        return;
    };
    if on_screen(app, current) {
        return;
    }
    // Off screen: reading goes on from the top of the screen, so the cursor
    // goes to the first sentence starting there (or the one running through
    // the top line when none starts on screen).
    let r = &app.reading;
    let top = app.top_offset();
    let bottom_line = (app.scroll + app.text_height()).min(app.layout.len());
    let bottom = app
        .layout
        .lines
        .get(bottom_line.saturating_sub(1))
        .map_or(top, |l| l.end);
    let i = r.units.partition_point(|u| u.start < top);
    app.reading.current = if i < r.units.len() && r.units[i].start < bottom {
        i
    } else {
        r.unit_at(top)
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_carry_their_punctuation_and_skip_lone_dashes() {
        let text = "\"We will sail,\" she said – and left.";
        let got: Vec<&str> = words(text, Span::new(0, text.len()))
            .iter()
            .map(|w| w.slice(text))
            .collect();
        assert_eq!(
            got,
            ["\"We", "will", "sail,\"", "she", "said", "and", "left."]
        );
    }
}
