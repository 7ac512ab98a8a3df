//! `x`: write the article's notes into the export folder and say where.
//!
//! A file that is already there is replaced only when it is gloss's own
//! earlier export of this article, unchanged since: gloss remembers what it
//! last wrote to each path (a SHA-256 in `KEY.exports.json` beside the
//! notes). A file the user edited (in Obsidian, say) is never overwritten.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::Utc;

use crate::notes::NotesError;
use crate::notes::atomic::{self, Existing};
use crate::notes::export::{ExportContext, Written, file_name, write_file};
use crate::notes::notebook::text_hash;

use super::super::app::App;
use super::unavailable;

/// What gloss last wrote to each export path of an article.
type Receipts = BTreeMap<String, String>;

fn receipts_path(notes_dir: &Path, key: &str) -> PathBuf {
    notes_dir.join(format!("{key}.exports.json"))
}

fn read_receipts(path: &Path) -> Receipts {
    std::fs::read(path)
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .unwrap_or_default()
}

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
    let receipts_file = app
        .notes
        .store
        .as_ref()
        .map(|(store, _)| receipts_path(store.dir(), &id.key()));
    let mut receipts = receipts_file
        .as_deref()
        .map(read_receipts)
        .unwrap_or_default();
    let ours = match (receipts.get(&*path.to_string_lossy()), std::fs::read(&path)) {
        (Some(hash), Ok(existing)) => String::from_utf8(existing)
            .ok()
            .is_some_and(|e| text_hash(&e) == *hash),
        _ => false,
    };
    let written = std::fs::create_dir_all(&dir)
        .map_err(|source| NotesError::Write {
            path: dir.clone(),
            source,
        })
        .and_then(|()| write_file(&path, &content, ours || replace));
    let shown = path.display();
    match written {
        Ok(written) => {
            // what is on disk: this export, or the same one of an earlier day
            let on_disk = std::fs::read_to_string(&path).unwrap_or(content);
            receipts.insert(path.to_string_lossy().into_owned(), text_hash(&on_disk));
            let kept = receipts_file.as_deref().map(|file| {
                serde_json::to_vec_pretty(&receipts)
                    .map_err(std::io::Error::other)
                    .and_then(|bytes| atomic::write(file, &bytes, &id.key(), Existing::Replace))
            });
            app.set_message(match written {
                Written::Created => format!("Exported to {shown}"),
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
