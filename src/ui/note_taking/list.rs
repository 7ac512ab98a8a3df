//! The Notes pane: the notes in reading order, the tag filter, and what
//! `Enter`, `e` and `d` do on the selected note.

use super::super::text_layout::one_line;
use uuid::Uuid;

use crate::notes::Note;

use super::super::action::{Action, Pane};
use super::super::app::App;
use super::{NoteAction, Prompt, Question, editor, unavailable};

/// Whether a note has the tag `tag`, or a tag under it (`talks` matches
/// `talks/summit`), or, while it is typed, a tag it begins (case ignored).
pub fn tag_matches(note: &Note, tag: &str) -> bool {
    let tag = tag.to_lowercase();
    note.tags()
        .iter()
        .any(|t| t.to_lowercase().starts_with(&tag))
}

/// Put the Notes pane's cursor on a note, if it is shown.
pub fn select_note(app: &mut App, id: Uuid) {
    if let Some(row) = app.notes.visible().iter().position(|n| n.id == id) {
        app.notes.cursor.selected = row;
        keep_cursor_in_range(app);
    }
}

/// Keep the cursor on a row that exists and the row on screen.
pub fn keep_cursor_in_range(app: &mut App) {
    let len = app.notes.visible().len();
    let height = app.list_height(Pane::Notes);
    let c = &mut app.notes.cursor;
    c.selected = c.selected.min(len.saturating_sub(1));
    if c.selected < c.offset {
        c.offset = c.selected;
    } else if c.selected >= c.offset + height {
        c.offset = c.selected + 1 - height;
    }
    c.offset = c.offset.min(len.saturating_sub(height));
}

/// The selected note's passage, shown in the article (and the reading
/// cursor put on it), as selecting a quote shows the quote.
pub fn show_selected(app: &mut App) {
    let Some(note) = app.notes.selected() else {
        return;
    };
    let (span, detached) = (note.span(), note.detached);
    let words = first_words(note, 40);
    let total = app.notes.visible().len();
    let row = app.notes.cursor.selected + 1;
    if detached {
        app.set_message(format!(
            "Note {row} of {total} · detached: its passage is no longer in the text"
        ));
        return;
    }
    app.mark = Some(span);
    super::super::passage::follow(app, span);
    app.set_message(format!("Note {row} of {total} · {words}"));
}

/// The first words of a note in at most `width` cells: its body, or for a
/// highlight its passage between quotation marks.
pub fn first_words(note: &Note, width: usize) -> String {
    use super::super::text_layout::{quoted, truncate};
    if note.is_highlight() {
        quoted(&one_line(&note.target.exact), width)
    } else {
        truncate(&one_line(&note.body), width)
    }
}

/// `e`: edit the selected note (in the Notes pane), or the note on the
/// passage at the reading cursor.
pub fn edit(app: &mut App) {
    let Some(nb) = &app.notes.notebook else {
        unavailable(app);
        return;
    };
    let note = if app.focus == Pane::Notes {
        app.notes.selected().cloned()
    } else {
        let passage = app.reading.passage();
        passage.and_then(|p| {
            nb.notes()
                .iter()
                .find(|n| !n.detached && n.span().overlaps(p))
                .cloned()
        })
    };
    let Some(note) = note else {
        let a = app.key(Action::Notes(NoteAction::Add));
        app.set_message(if app.focus == Pane::Notes {
            "No note is selected".to_string()
        } else {
            format!("No note here · {a} writes one")
        });
        return;
    };
    editor::open(app, note.target, Some(note.id), note.attachment, note.body);
}

/// `d`: ask before deleting the selected note.
pub fn ask_delete(app: &mut App) {
    if app.notes.notebook.is_none() {
        unavailable(app);
        return;
    }
    if app.focus != Pane::Notes {
        let four = app.key(Action::FocusPane(Pane::Notes));
        app.set_message(format!("Notes are deleted in the Notes pane ({four})"));
        return;
    }
    let Some(id) = app.notes.selected().map(|n| n.id) else {
        app.set_message("No note is selected");
        return;
    };
    app.notes.prompt = Some(Prompt::Confirm(Question::Delete(id)));
    app.message = None;
}

/// `#`: type a tag to show only the notes that carry it.
pub fn start_tag_prompt(app: &mut App) {
    let Some(nb) = &app.notes.notebook else {
        unavailable(app);
        return;
    };
    if nb.tags().is_empty() {
        app.set_message("No #tags in your notes yet: write #word in a note to tag it");
        return;
    }
    if app.focus != Pane::Notes {
        app.focus = Pane::Notes;
        if app.full_width {
            app.full_width = false;
            app.relayout();
        }
    }
    // All notes while the tag is typed; `Esc` brings the old filter back.
    let before = app.notes.tag.take();
    app.notes.prompt = Some(Prompt::Tag {
        query: String::new(),
        before,
    });
    app.notes.cursor = Default::default();
    app.message = None;
}

/// Change the tag being typed; the pane follows as it is typed.
pub fn tag_edit(app: &mut App, edit: impl FnOnce(&mut String)) {
    let Some(Prompt::Tag { query, .. }) = app.notes.prompt.as_mut() else {
        return;
    };
    edit(query);
    let q = query.trim_start_matches('#').to_string();
    app.notes.tag = (!q.is_empty()).then_some(q);
    app.notes.cursor = Default::default();
}

/// `Enter`: keep the filter. A tag typed in part becomes the one tag it
/// begins, when there is only one.
pub fn tag_confirm(app: &mut App) {
    app.notes.prompt = None;
    let Some(query) = app.notes.tag.clone() else {
        let n = app.notes.visible().len();
        app.set_message(format!("All notes ({n})"));
        return;
    };
    let tags = app.notes.notebook.as_ref().map(|nb| nb.tags());
    let q = query.to_lowercase();
    let matching: Vec<String> = tags
        .unwrap_or_default()
        .into_iter()
        .map(|(t, _)| t)
        .filter(|t| t.to_lowercase().starts_with(&q))
        .collect();
    if let [only] = matching.as_slice() {
        app.notes.tag = Some(only.clone());
    }
    let n = app.notes.visible().len();
    let tag = app.notes.tag.clone().unwrap_or_default();
    let hash = app.key(Action::Notes(NoteAction::FilterByTag));
    let enter = app.key(Action::Notes(NoteAction::TagConfirm));
    app.set_message(match n {
        0 => format!("No note is tagged #{tag} · {hash} then {enter} shows all"),
        1 => format!("1 note tagged #{tag} · {hash} then {enter} shows all"),
        n => format!("{n} notes tagged #{tag} · {hash} then {enter} shows all"),
    });
}

/// `Esc`: back to the filter there was before.
pub fn tag_cancel(app: &mut App) {
    if let Some(Prompt::Tag { before, .. }) = app.notes.prompt.take() {
        app.notes.tag = before;
        app.notes.cursor = Default::default();
    }
}
