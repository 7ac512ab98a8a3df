//! `gloss import`: Web Annotations read back onto their articles, merged with
//! the notes already there by id and modification time (never duplicated).

use std::collections::BTreeMap;
use std::sync::Arc;

use super::NotesError;
use super::anchor::byte_offset_of_code_point;
use super::clock::Clock;
use super::export::web_annotation::{ImportedNote, parse_corrections, parse_web_annotations};
use super::model::{Note, StoredCorrection};
use super::notebook::{Notebook, merge_files};
use super::store::{NotesFile, Read, Store};
use crate::article::Article;
use crate::article_id::ArticleId;

/// What an import did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportReport {
    /// Each article and how many annotations were read for it.
    pub articles: Vec<(ArticleId, usize)>,
    /// Annotations that were not usable (no text quote, or a source that is
    /// not a web URL, a file or a gloss content name).
    pub skipped: usize,
    /// Problems to tell the user about (a corrupt notes file moved aside).
    pub warnings: Vec<String>,
    /// The articles of `articles` whose text was not found (neither their
    /// source nor a copy kept with earlier notes): their notes are stored
    /// without it, anchored when the article is opened.
    pub not_found: Vec<ArticleId>,
}

/// Import the Web Annotations in `json`. `load` gives an article's current
/// content when it can be had (a file that exists); without it the notes are
/// stored as they are and anchored when the article is next opened.
pub fn import(
    store: &Store,
    json: &str,
    load: &dyn Fn(&ArticleId) -> Option<Article>,
    clock: Arc<dyn Clock>,
) -> Result<ImportReport, NotesError> {
    let (imported, mut skipped) =
        parse_web_annotations(json, clock.now()).map_err(NotesError::Import)?;
    let mut by_article: BTreeMap<ArticleId, Vec<ImportedNote>> = BTreeMap::new();
    for item in imported {
        match ArticleId::from_uri(&item.source) {
            Some(id) => by_article.entry(id).or_default().push(item),
            None => skipped += 1,
        }
    }
    let mut corrections: BTreeMap<ArticleId, Vec<StoredCorrection>> = BTreeMap::new();
    for (source, c) in parse_corrections(json, clock.now()) {
        match ArticleId::from_uri(&source) {
            Some(id) => {
                by_article.entry(id.clone()).or_default();
                corrections.entry(id).or_default().push(c);
            }
            None => skipped += 1,
        }
    }
    let mut report = ImportReport {
        skipped,
        ..ImportReport::default()
    };
    for (id, items) in by_article {
        let fixes = corrections.remove(&id).unwrap_or_default();
        report
            .articles
            .push((id.clone(), items.len() + fixes.len()));
        let article = load(&id).or_else(|| store.read_article(&id));
        match article {
            Some(article) => {
                let notes = items
                    .into_iter()
                    .map(|item| resolve_positions(item, &article.text))
                    .collect();
                let (mut notebook, opened) =
                    Notebook::open(store.clone(), id, &article, clock.clone())?;
                report.warnings.extend(opened.warnings);
                notebook.merge_notes(notes)?;
                if !fixes.is_empty() {
                    notebook.merge_corrections(fixes)?;
                }
                report.warnings.extend(notebook.take_warnings());
            }
            None => {
                let notes = items.into_iter().map(|item| item.note).collect();
                store_unanchored(store, &id, notes, fixes, &mut report.warnings)?;
                report.not_found.push(id);
            }
        }
    }
    Ok(report)
}

/// Turn code point positions into byte offsets of `text`. A position that
/// does not fit is left for re-anchoring by the quote.
fn resolve_positions(item: ImportedNote, text: &str) -> Note {
    let mut note = item.note;
    let bytes = item.has_position.then(|| {
        (
            byte_offset_of_code_point(text, note.target.start),
            byte_offset_of_code_point(text, note.target.end),
        )
    });
    match bytes {
        Some((Some(start), Some(end))) => {
            note.target.start = start;
            note.target.end = end;
        }
        _ => {
            note.target.start = 0;
            note.target.end = 0;
        }
    }
    note
}

/// Merge notes into an article's file without its text; they are anchored
/// the next time the article is opened.
fn store_unanchored(
    store: &Store,
    id: &ArticleId,
    notes: Vec<Note>,
    corrections: Vec<StoredCorrection>,
    warnings: &mut Vec<String>,
) -> Result<(), NotesError> {
    let lock = store.lock(id)?;
    let mut file = match store.read(id)? {
        Read::Found(file) => file,
        Read::Missing => NotesFile::new(id, None, String::new()),
        Read::Corrupt { moved_to, reason } => {
            warnings.push(format!(
                "the notes file {} could not be read ({reason}); it was moved to {}",
                store.notes_path(id).display(),
                moved_to.display()
            ));
            NotesFile::new(id, None, String::new())
        }
    };
    let mut other = NotesFile::new(id, None, String::new());
    other.notes = notes;
    other.corrections = corrections;
    merge_files(&mut file, other, None);
    store.write(&file, &lock)
}
