//! What `h` and `a` work on: the selected person, place or quote in its
//! pane, else the passage (the selection, else the current sentence).

use crate::notes::{Attachment, Target};
use crate::span::Span;

use super::super::action::{Action, Pane};
use super::super::app::App;
use super::{NoteAction, editor, unavailable};

/// A passage to highlight or annotate, and what it is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Aim {
    pub span: Span,
    pub attachment: Option<Attachment>,
}

/// The aim of `h` and `a` in the reader's current state.
pub fn aim(app: &App) -> Result<Aim, String> {
    match app.focus {
        Pane::People | Pane::Places => {
            let id = app
                .entity_under_cursor(app.focus)
                .ok_or("Nothing is selected")?;
            let entity = app
                .doc
                .analysis
                .entities
                .get(id.0)
                .ok_or("Nothing is selected")?;
            let span = app
                .mention_for(id)
                .ok_or_else(|| format!("{} is not mentioned in the text", entity.name))?;
            Ok(Aim {
                span,
                attachment: Some(Attachment::Entity {
                    kind: entity.kind,
                    name: entity.name.clone(),
                }),
            })
        }
        Pane::Quotes => {
            let (_, quote) = app.selected_quote().ok_or("No quote is selected")?;
            Ok(Aim {
                span: quote.span,
                attachment: Some(Attachment::Quote {
                    text: app.doc.article.slice(quote.span).to_string(),
                }),
            })
        }
        Pane::Article | Pane::Notes | Pane::Map => {
            let span = app
                .reading
                .passage()
                .ok_or("This article has no text to highlight")?;
            Ok(Aim {
                span: trim(&app.doc.article.text, span),
                attachment: None,
            })
        }
    }
}

/// A span without the whitespace at its ends.
fn trim(text: &str, span: Span) -> Span {
    let s = span.slice(text);
    let start = span.start + (s.len() - s.trim_start().len());
    let end = span.end - (s.len() - s.trim_end().len());
    if start < end {
        Span::new(start, end)
    } else {
        span
    }
}

/// `h`: highlight the passage; on a passage that is only highlighted, take
/// the highlight away.
pub fn highlight(app: &mut App) {
    if app.notes.notebook.is_none() {
        unavailable(app);
        return;
    }
    let aim = match aim(app) {
        Ok(aim) => aim,
        Err(e) => {
            app.set_error(e);
            return;
        }
    };
    let u = app.key(Action::Notes(NoteAction::Undo));
    let a = app.key(Action::Notes(NoteAction::Add));
    let Some(nb) = app.notes.notebook.as_mut() else {
        return;
    };
    let existing = nb
        .notes()
        .iter()
        .find(|n| !n.detached && n.span() == aim.span)
        .map(|n| (n.id, n.is_highlight()));
    let result = match existing {
        Some((id, true)) => nb
            .delete(id)
            .map(|()| format!("Highlight removed · {u} undoes")),
        Some((_, false)) => Ok("This passage has a note: delete it in Notes (4)".to_string()),
        None => nb
            .add(aim.span, "", aim.attachment)
            .map(|_| format!("Highlighted · {a} adds a note to it · {u} undoes")),
    };
    match result {
        Ok(message) => {
            app.set_message(message);
            finish_with_passage(app, aim.span);
            super::list::keep_cursor_in_range(app);
        }
        Err(e) => app.set_error(format!("Could not save the highlight: {e}")),
    }
}

/// `a`: write a note on the passage, person, place or quote. A passage that
/// is already highlighted or annotated gets its note edited instead of a
/// second one.
pub fn add(app: &mut App) {
    if app.notes.notebook.is_none() {
        unavailable(app);
        return;
    }
    let aim = match aim(app) {
        Ok(aim) => aim,
        Err(e) => {
            app.set_error(e);
            return;
        }
    };
    let Some(nb) = app.notes.notebook.as_ref() else {
        return;
    };
    let existing = nb
        .notes()
        .iter()
        .find(|n| !n.detached && n.span() == aim.span && n.attachment == aim.attachment)
        .cloned();
    let Some(target) = Target::of_span(&app.doc.article.text, aim.span) else {
        app.set_error("This passage cannot be annotated");
        return;
    };
    finish_with_passage(app, aim.span);
    match existing {
        Some(note) => editor::open(app, note.target, Some(note.id), note.attachment, note.body),
        None => editor::open(app, target, None, aim.attachment, String::new()),
    }
}

/// After `h` or `a` on a passage: the selection ends, the cursor stays on it.
fn finish_with_passage(app: &mut App, span: Span) {
    if app.reading.selection.take().is_some() || app.focus == Pane::Article {
        let i = app.reading.units.partition_point(|u| u.end <= span.start);
        if i < app.reading.units.len() {
            app.reading.current = i;
        }
    }
}
