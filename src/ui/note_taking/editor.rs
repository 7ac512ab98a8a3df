//! The note editor: a multi-line text area in a popup. `Ctrl-s` saves, `Esc`
//! closes (asking first when words would be lost), `Ctrl-e` continues in
//! `$VISUAL`/`$EDITOR`. While it is open the text is kept on disk as a draft.

use chrono::Utc;
use crossterm::event::KeyEvent;
use ratatui::style::{Modifier, Style};
use ratatui_textarea::{CursorMove, TextArea, WrapMode};
use uuid::Uuid;

use crate::notes::anchor::reanchor;
use crate::notes::draft::NoteDraft;
use crate::notes::{Attachment, Target};
use crate::span::Span;

use super::super::action::{Action, Effect};
use super::super::app::App;
use super::super::sanitize::sanitize;
use super::{NoteAction, Prompt, Question};

/// A note being written.
pub struct NoteEditor {
    pub textarea: TextArea<'static>,
    /// The passage the note is on.
    pub target: Target,
    /// The note being edited; `None` for a new one.
    pub editing: Option<Uuid>,
    pub attachment: Option<Attachment>,
    /// The words the editor opened with: closing without changes asks nothing.
    pub original: String,
    /// The text changed since the draft was last written.
    pub dirty: bool,
}

impl NoteEditor {
    fn new(
        target: Target,
        editing: Option<Uuid>,
        attachment: Option<Attachment>,
        body: &str,
        original: String,
    ) -> Self {
        NoteEditor {
            textarea: text_area(body),
            target,
            editing,
            attachment,
            original,
            dirty: false,
        }
    }

    /// The note's words as typed.
    pub fn body(&self) -> String {
        self.textarea.lines().join("\n")
    }

    /// The passage the note is on.
    pub fn span(&self) -> Span {
        Span::new(self.target.start, self.target.end)
    }
}

/// A text area holding `text`, the cursor at its end.
fn text_area(text: &str) -> TextArea<'static> {
    // Text from a draft or another editor is shown, never sent to the terminal raw.
    let lines = text
        .split('\n')
        .map(|l| sanitize(l.trim_end_matches('\r')).into_owned());
    let mut textarea = TextArea::new(lines.collect());
    textarea.set_wrap_mode(WrapMode::WordOrGlyph);
    textarea.set_cursor_line_style(Style::new());
    textarea.set_cursor_style(Style::new().add_modifier(Modifier::REVERSED));
    textarea.set_placeholder_text("Write your note. #tags are recognised.");
    textarea.move_cursor(CursorMove::Bottom);
    textarea.move_cursor(CursorMove::End);
    textarea
}

/// Open the editor on a passage.
pub fn open(
    app: &mut App,
    target: Target,
    editing: Option<Uuid>,
    attachment: Option<Attachment>,
    body: String,
) {
    app.notes.editor = Some(NoteEditor::new(
        target,
        editing,
        attachment,
        &body,
        body.clone(),
    ));
    say_keys(app, "");
}

fn say_keys(app: &mut App, before: &str) {
    let save = app.key(Action::Notes(NoteAction::Save));
    let close = app.key(Action::Notes(NoteAction::CloseEditor));
    let ext = app.key(Action::Notes(NoteAction::EditExternally));
    app.set_message(format!(
        "{before}{save} saves · {close} closes · {ext} continues in $EDITOR · Ctrl-c quits, the note is kept"
    ));
}

/// Reopen a draft left by an earlier run (a crash, `Ctrl-c`).
pub fn recover(app: &mut App, draft: NoteDraft) {
    let text = &app.doc.article.text;
    let target = match reanchor(&draft.target, text) {
        (_, Some(target)) => target,
        (_, None) => {
            let mut target = draft.target.clone();
            target.fit_to(text);
            target
        }
    };
    let editing = draft.editing.filter(|id| {
        app.notes
            .notebook
            .as_ref()
            .is_some_and(|nb| nb.get(*id).is_some())
    });
    let original = match editing.and_then(|id| app.notes.notebook.as_ref()?.get(id)) {
        Some(note) => note.body.clone(),
        None => String::new(),
    };
    app.notes.editor = Some(NoteEditor::new(
        target,
        editing,
        draft.attachment,
        &draft.body,
        original,
    ));
    let when = draft
        .saved
        .with_timezone(&chrono::Local)
        .format("%b %-d, %H:%M");
    say_keys(app, &format!("Your unsaved note from {when} is back · "));
}

/// A key typed into the note.
pub fn type_key(app: &mut App, event: KeyEvent) {
    if let Some(editor) = app.notes.editor.as_mut()
        && editor.textarea.input(event)
    {
        editor.dirty = true;
    }
}

/// Keep the draft on disk if the text changed since it was last written.
pub fn flush_draft(app: &mut App) {
    let Some(editor) = app.notes.editor.as_mut().filter(|e| e.dirty) else {
        return;
    };
    let Some((store, id)) = &app.notes.store else {
        return;
    };
    let draft = NoteDraft {
        target: editor.target.clone(),
        editing: editor.editing,
        attachment: editor.attachment.clone(),
        body: editor.body(),
        saved: app.notes.clock.as_ref().map_or_else(Utc::now, |c| c.now()),
    };
    match store.save_draft(id, &draft) {
        Ok(()) => editor.dirty = false,
        Err(e) => app.set_error(format!("Could not keep the draft of this note: {e}")),
    }
}

fn clear_draft(app: &mut App) {
    if let Some((store, id)) = &app.notes.store
        && let Err(e) = store.clear_draft(id)
    {
        app.set_error(format!("Could not remove the note's draft: {e}"));
    }
}

/// `Ctrl-s`: save the note through the notebook; the editor closes when it
/// is saved and stays open (the draft kept) when it is not.
pub fn save(app: &mut App) {
    let Some(editor) = app.notes.editor.as_ref() else {
        return;
    };
    let body = editor.body().trim_end().to_string();
    let (span, editing, attachment) = (editor.span(), editor.editing, editor.attachment.clone());
    // A recovered draft whose passage is no longer in the text cannot be placed.
    let placed =
        app.doc.article.text.get(span.start..span.end) == Some(editor.target.exact.as_str());
    let Some(nb) = app.notes.notebook.as_mut() else {
        flush_draft(app);
        super::unavailable(app);
        return;
    };
    let result = match editing {
        Some(id) if nb.get(id).is_some() => nb.edit(id, &body).map(|()| id),
        _ if !placed => Err(crate::notes::NotesError::BadSpan),
        _ => nb.add(span, &body, attachment),
    };
    match result {
        Ok(id) => {
            app.notes.editor = None;
            clear_draft(app);
            let what = if body.is_empty() {
                "Saved as a highlight (no words)"
            } else {
                "Note saved"
            };
            app.set_message(what);
            super::list::select_note(app, id);
        }
        Err(e) => {
            flush_draft(app);
            app.set_error(format!(
                "Could not save the note (it is kept as a draft): {e}"
            ));
        }
    }
}

/// `Esc`: close; a note with new words is only thrown away after asking.
pub fn close(app: &mut App) {
    let Some(editor) = app.notes.editor.as_ref() else {
        return;
    };
    let body = editor.body();
    if body.trim().is_empty() || body == editor.original {
        discard(app);
        app.set_message("Closed; nothing was changed");
    } else {
        flush_draft(app);
        app.notes.prompt = Some(Prompt::Confirm(Question::Discard));
    }
}

/// Throw away the note being written, and its draft.
pub fn discard(app: &mut App) {
    app.notes.editor = None;
    clear_draft(app);
    app.set_message("Note discarded");
}

/// `Ctrl-e`: hand the text to the user's editor (the draft is on disk first).
pub fn external(app: &mut App) -> Effect {
    let Some(editor) = app.notes.editor.as_mut() else {
        return Effect::None;
    };
    editor.dirty = true;
    let body = editor.body();
    flush_draft(app);
    Effect::EditExternally(body)
}

/// The text came back from the external editor.
pub fn external_done(app: &mut App, result: std::io::Result<String>) {
    let Some(editor) = app.notes.editor.as_mut() else {
        return;
    };
    match result {
        Ok(text) => {
            let text = text.strip_suffix('\n').unwrap_or(&text);
            editor.textarea = text_area(text);
            editor.dirty = true;
            flush_draft(app);
            say_keys(app, "Back from your editor · ");
        }
        Err(e) => app.set_error(format!("Could not run your editor: {e}")),
    }
}
