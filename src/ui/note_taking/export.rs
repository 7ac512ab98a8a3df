//! `x`: write the article's notes into the export folder and say where.
//!
//! A file that is already there is replaced only when it is gloss's own
//! earlier export of this article, unchanged since
//! ([`crate::notes::export::receipts`]). A file the user edited (in
//! Obsidian, say) is never overwritten.

use chrono::Utc;

use crate::notes::NotesError;
use crate::notes::export::{ExportContext, Written, file_name, receipts, write_file};

use super::super::app::App;
use super::unavailable;

pub fn export(app: &mut App) {
    export_with(app, false);
}

/// Export, replacing a file the user changed when `replace` (the answer to
/// the question a refusal asks).
pub fn export_with(app: &mut App, replace: bool) {
    super::reload(app);
    let Some(nb) = &app.notes.notebook else {
        unavailable(app);
        return;
    };
    if nb.notes().is_empty() {
        app.set_message("No highlights or notes to export yet");
        return;
    }
    let Some(dir) = app.notes.export.dir() else {
        app.set_error("No export folder is known: set [export] dir in config.toml");
        return;
    };
    let format = app.notes.export.format;
    let id = nb.article_id().clone();
    // where the reader read the article, when its notes are another id's
    let read_from = app
        .notes
        .store
        .as_ref()
        .map(|(_, opened)| opened)
        .filter(|&opened| *opened != id);
    let ctx = ExportContext {
        doc: &app.doc,
        id: &id,
        read_from,
        notes: nb.notes(),
        corrections: nb.corrections(),
        exported: app.notes.clock.as_ref().map_or_else(Utc::now, |c| c.now()),
    };
    let content = ctx.render(format);
    let path = dir.join(file_name(&ctx, format));
    let store = app.notes.store.as_ref().map(|(store, _)| store.clone());
    let ours = store
        .as_ref()
        .is_some_and(|store| receipts::is_ours_unchanged(store, &id.key(), &path));
    let written = std::fs::create_dir_all(&dir)
        .map_err(|source| NotesError::Write {
            path: dir.clone(),
            source,
        })
        .and_then(|()| write_file(&path, &content, ours || replace));
    let shown = path.display();
    match written {
        Ok(written) => {
            let kept = store
                .as_ref()
                .map(|store| receipts::remember(store, &id.key(), &path));
            app.set_message(match written {
                Written::Created | Written::Streamed => format!("Exported to {shown}"),
                Written::Replaced => format!("Exported again to {shown}"),
                Written::Unchanged => format!("{shown} is up to date"),
            });
            if let Some(Err(e)) = kept {
                app.set_error(format!(
                    "Exported to {shown}, but could not note that gloss wrote it: {e}"
                ));
            }
        }
        Err(NotesError::Exists { .. }) => {
            // ask rather than send the user to the command line
            app.notes.prompt = Some(super::Prompt::Confirm(super::Question::ReplaceExport(
                path.display().to_string(),
            )));
        }
        Err(e) => app.set_error(format!("Could not export: {e}")),
    }
}
