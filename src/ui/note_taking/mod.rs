//! Notes in the reader: highlighting a passage, writing a note on it (or on a
//! person, place or quote) in a popup editor, the Notes pane, undo, the tag
//! filter and the export.
//!
//! Every change goes through the article's [`Notebook`], which saves it at
//! once (atomically, under a lock, merged with other gloss processes). The
//! note being typed is kept on disk as a draft, so that a crash or `Ctrl-c`
//! loses nothing; it is offered back when the article is opened again. A
//! failure shows in the status bar and loses nothing.

mod editor;
mod export;
pub mod external;
mod list;
mod target;

use std::sync::Arc;

use crossterm::event::KeyEvent;
use uuid::Uuid;

use crate::article_id::ArticleId;
use crate::notes::settings::ExportSettings;
use crate::notes::{Clock, Note, Notebook, Store, Undone};

use super::action::{Action, Effect};
use super::app::{App, ListCursor};

pub use editor::NoteEditor;
pub use list::{first_words, tag_matches};

/// What the notes part of the reader can do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoteAction {
    /// Highlight the passage (or take a highlight away).
    Highlight,
    /// Write a note on the passage, person, place or quote.
    Add,
    /// Edit the selected note.
    Edit,
    /// Delete the selected note, after asking.
    Delete,
    Undo,
    /// Show only the notes with a tag (opens the tag prompt).
    FilterByTag,
    /// Write the export into the export folder.
    Export,
    /// In the editor: save the note.
    Save,
    /// In the editor: continue in `$VISUAL`/`$EDITOR`.
    EditExternally,
    /// In the editor: a key typed into the text.
    Type(KeyEvent),
    /// In the editor: close it (asks first when the note would be lost).
    CloseEditor,
    /// The answer to a yes/no question.
    Answer(bool),
    /// In the tag prompt.
    TagInput(char),
    TagBackspace,
    TagConfirm,
    TagCancel,
}

/// A yes/no question in the status bar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Question {
    /// Delete this note?
    Delete(Uuid),
    /// Throw away the note being written?
    Discard,
    /// The export file (this path) was changed since gloss wrote it: replace it?
    ReplaceExport(String),
}

/// A one-line prompt that has the keyboard.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Prompt {
    Confirm(Question),
    /// Typing a tag to filter the Notes pane by; `before` is the filter to
    /// go back to on `Esc`.
    Tag {
        query: String,
        before: Option<String>,
    },
}

/// The notes state of the reader.
pub struct NotesUi {
    /// The open article's notes; `None` until opened, or when they cannot be.
    pub notebook: Option<Notebook>,
    /// Why there are no notes, when opening them failed.
    pub unavailable: Option<String>,
    pub export: ExportSettings,
    /// The Notes pane's cursor, over the notes it shows.
    pub cursor: ListCursor,
    /// Show only notes with this tag (or a tag under it, `talks` for `talks/summit`).
    pub tag: Option<String>,
    pub editor: Option<NoteEditor>,
    pub prompt: Option<Prompt>,
    /// Where drafts are kept, and for which article.
    store: Option<(Store, ArticleId)>,
    clock: Option<Arc<dyn Clock>>,
}

impl NotesUi {
    pub fn new(export: ExportSettings) -> Self {
        NotesUi {
            notebook: None,
            unavailable: None,
            export,
            cursor: ListCursor::default(),
            tag: None,
            editor: None,
            prompt: None,
            store: None,
            clock: None,
        }
    }

    /// The notes the Notes pane shows (all, or those with the tag), in reading order.
    pub fn visible(&self) -> Vec<&Note> {
        let Some(nb) = &self.notebook else {
            return Vec::new();
        };
        nb.notes()
            .iter()
            .filter(|n| self.tag.as_deref().is_none_or(|t| tag_matches(n, t)))
            .collect()
    }

    /// The note under the Notes pane's cursor.
    pub fn selected(&self) -> Option<&Note> {
        self.visible().get(self.cursor.selected).copied()
    }
}

/// Open the notes of the article `id` in the reader (or, when it has none,
/// those of the same text found by content, which the status bar names),
/// and offer back a note left unsaved last time. Problems are shown, never
/// fatal.
pub fn open(app: &mut App, store: Store, id: ArticleId, clock: Arc<dyn Clock>) {
    let opened = Notebook::open_or_find(store.clone(), id.clone(), &app.doc.article, clock.clone());
    app.notes.clock = Some(clock);
    match opened {
        Ok((notebook, report)) => {
            app.notes.notebook = Some(notebook);
            app.notes.unavailable = None;
            let found = report.found_by_content.as_ref().map(|f| {
                let line = f.describe();
                let mut chars = line.chars();
                chars
                    .next()
                    .map(|c| c.to_uppercase().chain(chars).collect::<String>())
                    .unwrap_or_default()
            });
            let mut parts = Vec::new();
            if report.text_changed && report.moved + report.fuzzy + report.detached > 0 {
                if report.moved + report.fuzzy > 0 {
                    parts.push(format!("{} found again", report.moved + report.fuzzy));
                }
                if report.detached > 0 {
                    parts.push(format!(
                        "{} detached (shown apart in Notes)",
                        report.detached
                    ));
                }
            }
            if let Some(w) = report.warnings.first() {
                app.set_error(w.clone());
            } else if let Some(found) = found {
                if parts.is_empty() {
                    app.set_message(found);
                } else {
                    app.set_message(format!("{found}; {}", parts.join(", ")));
                }
            } else if !parts.is_empty() {
                app.set_message(format!(
                    "The article changed since your notes: {}",
                    parts.join(", ")
                ));
            }
        }
        Err(e) => {
            app.notes.unavailable = Some(e.to_string());
            app.set_error(format!("Notes are unavailable: {e}"));
        }
    }
    // the corrections kept with the notes, on the analysis (if it is in)
    if app
        .notes
        .notebook
        .as_ref()
        .is_some_and(|nb| !nb.corrections().is_empty())
    {
        app.apply_corrections();
    }
    let draft = store.load_draft(&id);
    app.notes.store = Some((store, id));
    if let Some(draft) = draft {
        editor::recover(app, draft);
    }
}

/// Apply a notes action.
pub fn update(app: &mut App, action: NoteAction) -> Effect {
    let effect = act(app, action);
    tell_unsaved(app);
    effect
}

/// How often changes a held lock kept back are tried again.
pub const RETRY_SAVE: std::time::Duration = std::time::Duration::from_millis(500);

/// When the event loop should wake to save changes kept back, if any are.
pub fn retry_in(app: &App) -> Option<std::time::Duration> {
    app.notes
        .notebook
        .as_ref()
        .and_then(Notebook::unsaved)
        .map(|_| RETRY_SAVE)
}

/// Say so when the last change is kept back by a lock another process holds.
fn tell_unsaved(app: &mut App) {
    if let Some(why) = app.notes.notebook.as_ref().and_then(Notebook::unsaved) {
        let why = why.to_string();
        let why = why.split("; nothing saved").next().unwrap_or(&why);
        app.set_error(format!(
            "Not saved yet, kept and tried again every {} s: {why}",
            RETRY_SAVE.as_secs_f64()
        ));
    }
}

/// Idle work: try again to save changes a held lock kept back.
pub fn retry_save(app: &mut App) {
    let Some(nb) = app.notes.notebook.as_mut() else {
        return;
    };
    match nb.retry_save() {
        None => {}
        Some(Ok(())) if nb.unsaved().is_none() => app.set_message("Notes saved"),
        Some(Ok(())) => {}
        Some(Err(e)) => app.set_error(format!("Could not save the notes: {e}")),
    }
}

/// Before the article is left: save what is only in memory (a held lock
/// kept it back, or a save failed), waiting for the lock as long as any
/// gloss does; when that fails, keep the notes in a rescue file that
/// `gloss import` takes back. What went wrong, if anything.
pub fn close_notes(app: &mut App) -> Option<String> {
    let nb = app.notes.notebook.as_mut()?;
    let e = nb
        .save_unsaved_waiting(crate::notes::store::LOCK_WAIT)
        .err()?;
    let lost = format!("the last changes to the notes of this article were not saved: {e}");
    Some(match nb.rescue(&app.doc, &std::env::temp_dir()) {
        Ok(path) => {
            let path = path.display();
            format!(
                "{lost}; all its notes are kept in {path} (`gloss import {path}` takes them back)"
            )
        }
        Err(e) => format!("{lost}, nor kept in a rescue file: {e}"),
    })
}

fn act(app: &mut App, action: NoteAction) -> Effect {
    match action {
        NoteAction::Highlight => target::highlight(app),
        NoteAction::Add => target::add(app),
        NoteAction::Edit => list::edit(app),
        NoteAction::Delete => list::ask_delete(app),
        NoteAction::Undo => undo(app),
        NoteAction::FilterByTag => list::start_tag_prompt(app),
        NoteAction::Export => export::export(app),
        NoteAction::Save => editor::save(app),
        NoteAction::EditExternally => return editor::external(app),
        NoteAction::Type(event) => editor::type_key(app, event),
        NoteAction::CloseEditor => editor::close(app),
        NoteAction::Answer(yes) => answer(app, yes),
        NoteAction::TagInput(c) => list::tag_edit(app, |q| q.push(c)),
        NoteAction::TagBackspace => list::tag_edit(app, |q| {
            q.pop();
        }),
        NoteAction::TagConfirm => list::tag_confirm(app),
        NoteAction::TagCancel => list::tag_cancel(app),
    }
    Effect::None
}

/// The text `$EDITOR` left, or why it could not run: back into the editor.
pub fn external_edit_done(app: &mut App, result: std::io::Result<String>) {
    editor::external_done(app, result);
}

/// Take in what other gloss processes saved on this article meanwhile.
pub fn reload(app: &mut App) {
    let Some(nb) = app.notes.notebook.as_mut() else {
        return;
    };
    let result = nb.reload();
    let warnings = nb.take_warnings();
    match result {
        Err(e) => app.set_error(format!("Could not read the notes again: {e}")),
        Ok(()) => {
            if let Some(w) = warnings.into_iter().next() {
                app.set_error(w);
            }
        }
    }
    list::keep_cursor_in_range(app);
}

/// Work for when the reader is idle (no key waiting): keep the draft of the
/// note being typed on disk.
pub fn flush_draft(app: &mut App) {
    editor::flush_draft(app);
}

fn answer(app: &mut App, yes: bool) {
    let Some(Prompt::Confirm(question)) = app.notes.prompt.take() else {
        return;
    };
    match (question, yes) {
        (Question::Delete(id), true) => {
            let Some(nb) = app.notes.notebook.as_mut() else {
                return;
            };
            match nb.delete(id) {
                Ok(()) => {
                    let u = app.key(Action::Notes(NoteAction::Undo));
                    app.set_message(format!("Note deleted · {u} brings it back"));
                    list::keep_cursor_in_range(app);
                }
                Err(e) => app.set_error(format!("Could not delete the note: {e}")),
            }
        }
        (Question::Delete(_), false) => app.set_message("Kept"),
        (Question::Discard, true) => editor::discard(app),
        (Question::Discard, false) => {}
        (Question::ReplaceExport(_), true) => export::export_with(app, true),
        (Question::ReplaceExport(path), false) => {
            app.set_message(format!("Not exported: {path} is kept as it is"))
        }
    }
}

fn undo(app: &mut App) {
    let Some(nb) = app.notes.notebook.as_mut() else {
        unavailable(app);
        return;
    };
    match nb.undo() {
        Ok(Some(undone)) => {
            app.set_message(match undone {
                Undone::Addition => "Undone: the new highlight or note is gone",
                Undone::Edit => "Undone: the note has its earlier words again",
                Undone::Deletion => "Undone: the deleted note is back",
                Undone::Correction => "Undone: the last correction is taken back",
            });
            if undone == Undone::Correction {
                app.apply_corrections();
            }
            list::keep_cursor_in_range(app);
        }
        Ok(None) => app.set_message("Nothing to undo"),
        Err(e) => app.set_error(format!("Could not undo: {e}")),
    }
}

/// Say why a notes key does nothing.
fn unavailable(app: &mut App) {
    let why = app
        .notes
        .unavailable
        .clone()
        .unwrap_or_else(|| "no notes folder is known (set [notes] dir in config.toml)".into());
    app.set_error(format!("Notes are unavailable: {why}"));
}

/// The status bar's badge while a notes layer or a selection is active.
pub fn badge(app: &App) -> Option<&'static str> {
    match (&app.notes.prompt, &app.notes.editor) {
        (Some(Prompt::Confirm(_)), _) => Some(" CONFIRM "),
        (Some(Prompt::Tag { .. }), _) => Some(" TAG "),
        (None, Some(_)) => Some(" NOTE "),
        (None, None) if app.reading.selection.is_some() => Some(" SELECT "),
        (None, None) => None,
    }
}

/// Show the note under the Notes pane's cursor in the article.
pub fn show_selected(app: &mut App) {
    list::show_selected(app);
}

/// The number of rows of the Notes pane.
pub fn list_len(app: &App) -> usize {
    app.notes.visible().len()
}
