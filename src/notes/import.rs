//! `gloss import`: Web Annotations read back onto their articles, merged with
//! the notes already there by id and modification time (never duplicated).

use std::collections::BTreeMap;
use std::sync::Arc;

use super::NotesError;
use super::anchor::byte_offsets_of_code_points;
use super::clock::Clock;
use super::export::web_annotation::{ImportedNote, parse_corrections, parse_web_annotations};
use super::model::{Note, StoredCorrection};
use super::notebook::{Notebook, merge_files, moved_aside_warning};
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
    /// Annotations whose id another one of the file had too: one of each id
    /// is stored (the one changed last).
    pub duplicates: usize,
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
    let fixes = parse_corrections(json, clock.now());
    let limit = store.limits().import_annotations;
    let count = imported.len() + fixes.len() + skipped;
    if count > limit {
        return Err(NotesError::TooMany { count, limit });
    }
    let mut duplicates = 0;
    let mut by_article: BTreeMap<ArticleId, Vec<ImportedNote>> = BTreeMap::new();
    let mut seen: std::collections::HashMap<uuid::Uuid, (ArticleId, usize)> =
        std::collections::HashMap::new();
    for item in imported {
        let Some(id) = ArticleId::from_uri(&item.source) else {
            skipped += 1;
            continue;
        };
        // one note per id, the one changed last (a merge would keep one anyway)
        match seen.get(&item.note.id) {
            Some((article, at)) => {
                duplicates += 1;
                let kept = &mut by_article.get_mut(article).expect("seen")[*at];
                if item.note.updated > kept.note.updated {
                    *kept = item;
                }
            }
            None => {
                let items = by_article.entry(id.clone()).or_default();
                seen.insert(item.note.id, (id, items.len()));
                items.push(item);
            }
        }
    }
    let mut corrections: BTreeMap<ArticleId, Vec<StoredCorrection>> = BTreeMap::new();
    let mut seen_fixes = std::collections::HashSet::new();
    for (source, c) in fixes {
        match ArticleId::from_uri(&source) {
            Some(_) if !seen_fixes.insert(c.id) => duplicates += 1,
            Some(id) => {
                by_article.entry(id.clone()).or_default();
                corrections.entry(id).or_default().push(c);
            }
            None => skipped += 1,
        }
    }
    let mut report = ImportReport {
        skipped,
        duplicates,
        ..ImportReport::default()
    };
    // never a fresh file over notes that cannot be read: the user repairs
    // or moves that file first (checked for all before anything is written)
    for id in by_article.keys() {
        if let Read::Corrupt { reason } = store.read(id)? {
            return Err(corrupt_refusal(store, id, &reason));
        }
    }
    for (id, items) in by_article {
        let fixes = corrections.remove(&id).unwrap_or_default();
        report
            .articles
            .push((id.clone(), items.len() + fixes.len()));
        let article = load(&id).or_else(|| store.read_article(&id));
        match article {
            Some(article) => {
                let notes = resolve_positions(items, &article.text);
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

/// Turn code point positions into byte offsets of `text` (all of them in
/// one pass over the text). A position that does not fit is left for
/// re-anchoring by the quote.
fn resolve_positions(items: Vec<ImportedNote>, text: &str) -> Vec<Note> {
    let cps: Vec<usize> = items
        .iter()
        .flat_map(|item| [item.note.target.start, item.note.target.end])
        .collect();
    let bytes = byte_offsets_of_code_points(text, &cps);
    items
        .into_iter()
        .zip(bytes.chunks(2))
        .map(|(item, at)| {
            let mut note = item.note;
            match (item.has_position, at) {
                (true, &[Some(start), Some(end)]) => {
                    note.target.start = start;
                    note.target.end = end;
                }
                _ => {
                    note.target.start = 0;
                    note.target.end = 0;
                }
            }
            note
        })
        .collect()
}

/// The error of an import onto an article whose notes file cannot be read.
fn corrupt_refusal(store: &Store, id: &ArticleId, reason: &str) -> NotesError {
    NotesError::Refused(format!(
        "the notes file {} of {id} could not be read ({reason}); nothing imported: \
         repair it or move it away first",
        store.notes_path(id).display()
    ))
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
        Read::Missing => {
            warnings.extend(moved_aside_warning(store, id));
            NotesFile::new(id, None, String::new())
        }
        Read::Corrupt { reason } => {
            return Err(corrupt_refusal(store, id, &reason));
        }
    };
    let mut other = NotesFile::new(id, None, String::new());
    other.notes = notes;
    other.corrections = corrections;
    merge_files(&mut file, other, None);
    store.write(&file, &lock)
}
