//! The notes of one open article: add, edit, delete, undo; every change is
//! saved at once, merged with whatever another gloss process saved meanwhile.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::{DateTime, TimeDelta, Utc};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use super::NotesError;
use super::anchor::{Anchoring, Budget, reanchor_within};
use super::by_content::{self, Found};
use super::clock::Clock;
use super::model::{Attachment, Note, StoredCorrection, Target};
use super::store::{NotesFile, Read, Store, Tombstone};
use crate::article::Article;
use crate::article_id::ArticleId;
use crate::span::Span;

/// `sha256:HEX` of an article's clean text.
pub fn text_hash(text: &str) -> String {
    use std::fmt::Write as _;
    let digest = Sha256::digest(text.as_bytes());
    digest.iter().fold(String::from("sha256:"), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

/// What opening the notes of an article found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OpenReport {
    /// The text differs from the one the notes were made on.
    pub text_changed: bool,
    /// Notes found again elsewhere in the text, exactly.
    pub moved: usize,
    /// Notes found again approximately (their passage was edited).
    pub fuzzy: usize,
    /// Notes whose passage was not found: kept, marked detached.
    pub detached: usize,
    /// Of `detached`, those not looked for everywhere because a bound of
    /// `[limits]` was reached (`reanchor-work`, `reanchor-quote-chars`).
    pub limited: usize,
    /// Problems the reader should be told about (a corrupt file moved aside).
    pub warnings: Vec<String>,
    /// The article's own id had no notes; these, of the same or a close
    /// text under another id, were opened instead ([`Notebook::open_or_find`]).
    pub found_by_content: Option<Found>,
}

/// One step that [`Notebook::undo`] can take back.
#[derive(Clone, Debug)]
enum Undo {
    Added(Uuid),
    Corrected(Uuid),
    Changed(Note),
    Deleted(Note),
}

/// What an undo did, for the status line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Undone {
    /// A new note was removed again.
    Addition,
    /// A note's earlier body was restored.
    Edit,
    /// A deleted note was brought back.
    Deletion,
    /// The last correction of the analysis was taken back.
    Correction,
}

/// The notes of one article, kept in reading order and saved on every change.
pub struct Notebook {
    store: Store,
    clock: Arc<dyn Clock>,
    /// The article as opened: the text the notes point into (one copy,
    /// also the one saved beside the notes).
    article: Article,
    file: NotesFile,
    /// Whether the next save writes the article's copy beside the notes
    /// (none stored yet, or the text changed).
    snapshot_pending: bool,
    undo: Vec<Undo>,
    warnings: Vec<String>,
    /// What re-anchoring may still cost while this article is open.
    budget: Budget,
    /// Whether the notes folder was there when the notes were opened or
    /// last saved (then its absence means it was removed meanwhile).
    folder_seen: bool,
    /// A save of a [`Store::deferring`] found the lock held: why. The
    /// changes are in memory, and the next save writes them with the rest.
    unsaved: Option<NotesError>,
    /// The last save failed (a full disk, the folder gone): the changes
    /// are in memory only until a save succeeds.
    failed: bool,
}

impl Notebook {
    /// Open the notes of the article `id` whose current content is `article`,
    /// re-anchoring them if the text changed since they were made.
    pub fn open(
        store: Store,
        id: ArticleId,
        article: &Article,
        clock: Arc<dyn Clock>,
    ) -> Result<(Notebook, OpenReport), NotesError> {
        let hash = text_hash(&article.text);
        let title = article.title().map(str::to_string);
        let mut report = OpenReport::default();
        let mut file = match store.read(&id)? {
            Read::Missing => {
                report.warnings.extend(moved_aside_warning(&store, &id));
                NotesFile::new(&id, title.clone(), hash.clone())
            }
            Read::Found(file) => file,
            Read::Corrupt { reason } => {
                report.warnings.push(format!(
                    "the notes file {} could not be read ({reason}); it is left as it is \
                     (a note saved on this article moves it aside first)",
                    store.notes_path(&id).display()
                ));
                NotesFile::new(&id, title.clone(), hash.clone())
            }
        };
        report.text_changed = file.text_hash != hash;
        let mut changed = report.text_changed;
        let mut budget = store.limits().budget();
        for note in &mut file.notes {
            // a note found nowhere in this very text was looked for already
            // (when it was imported, or the text last opened): not again,
            // unless a limit stopped that search and has been raised since
            let retry = note.detached_by.is_some_and(|by| budget.raised_past(&by));
            let how = if note.detached && !report.text_changed && !retry {
                note.target.fit_to(&article.text);
                Anchoring::Detached
            } else {
                let was = (note.detached, note.detached_by);
                let how = anchor_note(note, &article.text, &mut budget);
                changed |= (note.detached, note.detached_by) != was;
                how
            };
            match how {
                Anchoring::AtPosition => {}
                Anchoring::Moved => report.moved += 1,
                Anchoring::Fuzzy => report.fuzzy += 1,
                Anchoring::Detached => report.detached += 1,
            }
        }
        report.limited = budget.limited;
        if budget.limited > 0 {
            report.warnings.push(limited_warning(budget.limited));
        }
        budget.limited = 0;
        changed |= report.moved + report.fuzzy > 0;
        if file.article.title != title {
            file.article.title = title;
            changed = true;
        }
        file.article.uri = id.uri();
        file.text_hash = hash;
        sort_reading_order(&mut file.notes);
        let has_snapshot = store.article_path(&id).exists();
        let mut notebook = Notebook {
            store,
            clock,
            article: article.clone(),
            file,
            snapshot_pending: report.text_changed || !has_snapshot,
            undo: Vec::new(),
            warnings: Vec::new(),
            budget,
            folder_seen: false,
            unsaved: None,
            failed: false,
        };
        notebook.folder_seen = notebook.store.dir().is_dir();
        if changed && !notebook.file.notes.is_empty() {
            notebook.save()?;
        }
        report.warnings.append(&mut notebook.warnings);
        Ok((notebook, report))
    }

    /// Open the notes of the article `id` as [`Notebook::open`] does; when
    /// `id` has no notes file, the notes of the same or a close text stored
    /// under another id (a copy or an earlier place of the file, the same
    /// text piped in), found by [`by_content::find`]. The notebook then
    /// works on those notes (its [`Notebook::article_id`] is theirs) and
    /// the report says where they were found.
    pub fn open_or_find(
        store: Store,
        id: ArticleId,
        article: &Article,
        clock: Arc<dyn Clock>,
    ) -> Result<(Notebook, OpenReport), NotesError> {
        if !store.notes_path(&id).exists()
            && let Some(found) = by_content::find(&store, &article.text, &id)
        {
            let (notebook, mut report) = Notebook::open(store, found.id.clone(), article, clock)?;
            report.found_by_content = Some(found);
            return Ok((notebook, report));
        }
        Notebook::open(store, id, article, clock)
    }

    /// The article the notes are stored under.
    pub fn article_id(&self) -> &ArticleId {
        &self.file.article.id
    }

    /// The notes in reading order; detached notes last.
    pub fn notes(&self) -> &[Note] {
        &self.file.notes
    }

    pub fn get(&self, id: Uuid) -> Option<&Note> {
        self.file.notes.iter().find(|n| n.id == id)
    }

    /// Every tag with the number of notes that carry it, most used first.
    pub fn tags(&self) -> Vec<(String, usize)> {
        let mut counts: HashMap<String, (String, usize)> = HashMap::new();
        for tag in self.file.notes.iter().flat_map(Note::tags) {
            counts.entry(tag.to_lowercase()).or_insert((tag, 0)).1 += 1;
        }
        let mut tags: Vec<(String, usize)> = counts.into_values().collect();
        tags.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        tags
    }

    /// Problems met while saving (a corrupt file moved aside), for the reader.
    pub fn take_warnings(&mut self) -> Vec<String> {
        std::mem::take(&mut self.warnings)
    }

    /// The corrections of the analysis, in the order they were made.
    pub fn corrections(&self) -> &[StoredCorrection] {
        &self.file.corrections
    }

    /// Keep a correction of the analysis (saved at once; undone by
    /// [`Notebook::undo`] like a note).
    pub fn correct(
        &mut self,
        correction: crate::corrections::Correction,
    ) -> Result<Uuid, NotesError> {
        let stored = StoredCorrection {
            id: self.clock.new_id(),
            created: self.clock.now(),
            correction,
        };
        let id = stored.id;
        self.file.corrections.push(stored);
        sort_corrections(&mut self.file.corrections);
        self.undo.push(Undo::Corrected(id));
        self.save()?;
        Ok(id)
    }

    /// Remove a correction (one that is orphaned, say), leaving a tombstone
    /// so that a merge does not bring it back.
    pub fn remove_correction(&mut self, id: Uuid) -> Result<(), NotesError> {
        let before = self.file.corrections.len();
        self.file.corrections.retain(|c| c.id != id);
        if self.file.corrections.len() == before {
            return Err(NotesError::NoSuchNote(id));
        }
        let deleted = self.clock.now();
        self.file.deleted.push(Tombstone { id, deleted });
        self.save()
    }

    /// Highlight a passage. Highlighting the same passage twice keeps one.
    pub fn highlight(&mut self, span: Span) -> Result<Uuid, NotesError> {
        if let Some(existing) = self
            .file
            .notes
            .iter()
            .find(|n| !n.detached && n.span() == span)
        {
            return Ok(existing.id);
        }
        self.add(span, "", None)
    }

    /// Add a note on a passage, optionally attached to an entity or quote.
    pub fn add(
        &mut self,
        span: Span,
        body: &str,
        attachment: Option<Attachment>,
    ) -> Result<Uuid, NotesError> {
        let target = Target::of_span(&self.article.text, span).ok_or(NotesError::BadSpan)?;
        let now = self.clock.now();
        let note = Note {
            id: self.clock.new_id(),
            created: now,
            updated: now,
            target,
            body: body.to_string(),
            attachment,
            detached: false,
            detached_by: None,
        };
        let id = note.id;
        self.file.notes.push(note);
        sort_reading_order(&mut self.file.notes);
        self.undo.push(Undo::Added(id));
        self.save()?;
        Ok(id)
    }

    /// Replace a note's body.
    pub fn edit(&mut self, id: Uuid, body: &str) -> Result<(), NotesError> {
        let now = self.clock.now();
        let note = self
            .file
            .notes
            .iter_mut()
            .find(|n| n.id == id)
            .ok_or(NotesError::NoSuchNote(id))?;
        if note.body == body {
            return Ok(());
        }
        self.undo.push(Undo::Changed(note.clone()));
        note.body = body.to_string();
        note.updated = later_than(now, note.updated);
        self.save()
    }

    /// Delete a note (it can be brought back with [`Notebook::undo`]).
    pub fn delete(&mut self, id: Uuid) -> Result<(), NotesError> {
        let at = self
            .file
            .notes
            .iter()
            .position(|n| n.id == id)
            .ok_or(NotesError::NoSuchNote(id))?;
        let note = self.file.notes.remove(at);
        let deleted = later_than(self.clock.now(), note.updated);
        self.file.deleted.push(Tombstone { id, deleted });
        self.undo.push(Undo::Deleted(note));
        self.save()
    }

    /// Take back the last change made through this notebook; `None` when
    /// there is nothing to undo.
    pub fn undo(&mut self) -> Result<Option<Undone>, NotesError> {
        let Some(step) = self.undo.pop() else {
            return Ok(None);
        };
        let now = self.clock.now();
        let undone = match step {
            Undo::Corrected(id) => {
                self.file.corrections.retain(|c| c.id != id);
                self.file.deleted.push(Tombstone { id, deleted: now });
                Undone::Correction
            }
            Undo::Added(id) => {
                if let Some(at) = self.file.notes.iter().position(|n| n.id == id) {
                    let note = self.file.notes.remove(at);
                    let deleted = later_than(now, note.updated);
                    self.file.deleted.push(Tombstone { id, deleted });
                }
                Undone::Addition
            }
            Undo::Changed(mut before) => {
                if let Some(note) = self.file.notes.iter_mut().find(|n| n.id == before.id) {
                    before.updated = later_than(now, note.updated);
                    before.target = note.target.clone();
                    before.detached = note.detached;
                    before.detached_by = note.detached_by;
                    *note = before;
                }
                Undone::Edit
            }
            Undo::Deleted(mut note) => {
                let tombstone = self.file.deleted.iter().find(|t| t.id == note.id);
                let after = tombstone.map_or(note.updated, |t| t.deleted);
                note.updated = later_than(now, after);
                self.file.deleted.retain(|t| t.id != note.id);
                anchor_note(&mut note, &self.article.text, &mut self.budget);
                self.file.notes.push(note);
                sort_reading_order(&mut self.file.notes);
                Undone::Deletion
            }
        };
        self.save()?;
        Ok(Some(undone))
    }

    /// Take in what other processes saved since, without writing.
    pub fn reload(&mut self) -> Result<(), NotesError> {
        let id = self.file.article.id.clone();
        match self.store.read(&id)? {
            Read::Found(disk) => self.merge(disk),
            Read::Missing | Read::Corrupt { .. } => {}
        }
        Ok(())
    }

    /// Save: with a [`Store::deferring`], a lock held elsewhere keeps the
    /// changes for a later save ([`Notebook::unsaved`]) rather than failing.
    fn save(&mut self) -> Result<(), NotesError> {
        let saved = self.save_now();
        self.failed = saved.is_err();
        match saved {
            Err(e @ NotesError::Locked { .. }) if self.store.defers() => {
                self.unsaved = Some(e);
                Ok(())
            }
            Err(e) => Err(e),
            Ok(()) => {
                self.unsaved = None;
                Ok(())
            }
        }
    }

    /// Why the last changes are not saved yet (another process holds the
    /// lock), if they are not: they are kept in memory until a save gets it.
    pub fn unsaved(&self) -> Option<&NotesError> {
        self.unsaved.as_ref()
    }

    /// Try again to save changes a held lock kept back: `None` when there
    /// are none, else whether they are saved now (still kept back when the
    /// lock is still held: see [`Notebook::unsaved`]).
    pub fn retry_save(&mut self) -> Option<Result<(), NotesError>> {
        self.unsaved.as_ref()?;
        Some(self.save())
    }

    /// Save what is only in memory (changes a held lock kept back, or a
    /// failed save's), waiting up to `wait` for the lock (a plain store
    /// waits [`super::store::LOCK_WAIT`]): before the notes are closed. An
    /// error when the save fails again; then [`Notebook::rescue`] them.
    pub fn save_unsaved_waiting(&mut self, wait: std::time::Duration) -> Result<(), NotesError> {
        if self.unsaved.is_none() && !self.failed {
            return Ok(());
        }
        let deferring = self.store.clone();
        self.store = deferring.clone().with_lock_wait(wait).not_deferring();
        let saved = self.save();
        self.store = deferring;
        saved
    }

    /// Keep this article's notes and corrections, which could not be saved,
    /// in a file of their own that `gloss import` takes back: W3C Web
    /// Annotations in `rescued/` beside the notes files or, when that cannot
    /// be written (the disk full, the folder gone), in a new private folder
    /// `gloss-rescued-*` made in `temp`. `doc` is the article as read (its
    /// analysis with the corrections applied). Where the file was written,
    /// or why it could not be.
    pub fn rescue(
        &self,
        doc: &crate::Document,
        temp: &std::path::Path,
    ) -> Result<std::path::PathBuf, NotesError> {
        use super::atomic::{self, Existing};
        let id = &self.file.article.id;
        let exported = self.clock.now();
        let json = super::export::to_web_annotations(&super::export::ExportContext {
            doc,
            id,
            read_from: None,
            notes: &self.file.notes,
            corrections: &self.file.corrections,
            exported,
        });
        let name = format!(
            "{}.rescued-{}.json",
            id.key(),
            exported.format("%Y%m%dT%H%M%S%.3f")
        );
        let write =
            |path: &std::path::Path| atomic::write(path, json.as_bytes(), "rescue", Existing::Keep);
        let beside = self.store.dir().join("rescued");
        let path = beside.join(&name);
        let Err(first) = atomic::private_dir(&beside).and_then(|()| write(&path)) else {
            return Ok(path);
        };
        // a folder no one else can have made or entered (0700, fresh name)
        let made = tempfile::Builder::new()
            .prefix("gloss-rescued-")
            .tempdir_in(temp)
            .map(tempfile::TempDir::keep);
        let written = made.and_then(|dir| {
            let path = dir.join(&name);
            write(&path).map(|()| path)
        });
        written.map_err(|second| NotesError::Write {
            path,
            source: std::io::Error::new(
                second.kind(),
                format!("{first}; in {}: {second}", temp.display()),
            ),
        })
    }

    /// Lock the article's notes, merge in what is on disk, write the result.
    fn save_now(&mut self) -> Result<(), NotesError> {
        let id = self.file.article.id.clone();
        let folder_gone = self.folder_seen && !self.store.dir().is_dir();
        let lock = self.store.lock(&id)?;
        self.folder_seen = true;
        if folder_gone {
            // every note of this article is in memory: all of them are saved
            self.warnings.push(format!(
                "the notes folder {} was gone (removed while gloss ran?); it was made \
                 again and this article's notes saved in it",
                self.store.dir().display()
            ));
        }
        match self.store.read(&id)? {
            Read::Found(disk) => self.merge(disk),
            Read::Missing => {}
            Read::Corrupt { reason } => {
                let moved_to = self.store.move_aside(&id, &lock)?;
                let warning = corrupt_warning(&self.store, &id, &moved_to, &reason);
                self.warnings.push(warning);
            }
        }
        if self.snapshot_pending {
            self.store.write_article(&id, &self.article, &lock)?;
        }
        self.snapshot_pending = false;
        self.store.write(&self.file, &lock)
    }

    /// Merge another version of these notes into ours.
    fn merge(&mut self, other: NotesFile) {
        merge_files(
            &mut self.file,
            other,
            Some((&self.article.text, &mut self.budget)),
        );
        if self.budget.limited > 0 {
            self.warnings.push(limited_warning(self.budget.limited));
            self.budget.limited = 0;
        }
    }

    /// Merge notes from elsewhere (an import) and save.
    pub fn merge_notes(&mut self, notes: Vec<Note>) -> Result<(), NotesError> {
        let mut other = self.file.clone();
        other.notes = notes;
        other.deleted.clear();
        other.text_hash = String::new();
        self.merge(other);
        self.save()
    }

    /// Merge corrections from elsewhere (an import) and save.
    pub fn merge_corrections(
        &mut self,
        corrections: Vec<StoredCorrection>,
    ) -> Result<(), NotesError> {
        let mut other = self.file.clone();
        other.corrections = corrections;
        other.deleted.clear();
        self.merge(other);
        self.save()
    }
}

/// Merge `other` into `ours`: per note the later change wins (ours on a tie);
/// a deletion wins over changes made before it. With `text`, notes of `other`
/// made on a different text are re-anchored onto it.
pub(crate) fn merge_files(
    ours: &mut NotesFile,
    mut other: NotesFile,
    text: Option<(&str, &mut Budget)>,
) {
    if let Some((text, budget)) = text.filter(|_| other.text_hash != ours.text_hash) {
        for note in &mut other.notes {
            anchor_note(note, text, budget);
        }
    }
    let mut deleted: HashMap<Uuid, DateTime<Utc>> = HashMap::new();
    for t in ours.deleted.iter().chain(&other.deleted) {
        let at = deleted.entry(t.id).or_insert(t.deleted);
        *at = (*at).max(t.deleted);
    }
    let mut notes: HashMap<Uuid, Note> = HashMap::new();
    for note in other.notes {
        notes.insert(note.id, note);
    }
    for note in std::mem::take(&mut ours.notes) {
        match notes.get(&note.id) {
            Some(theirs) if theirs.updated > note.updated => {}
            _ => {
                notes.insert(note.id, note);
            }
        }
    }
    notes.retain(|id, note| deleted.get(id).is_none_or(|&at| note.updated > at));
    deleted.retain(|id, _| !notes.contains_key(id));
    // corrections are made and undone, never edited: every one either side
    // knows, unless either side undid it
    let mut corrections: HashMap<Uuid, StoredCorrection> = HashMap::new();
    for c in other
        .corrections
        .into_iter()
        .chain(std::mem::take(&mut ours.corrections))
    {
        if !deleted.contains_key(&c.id) {
            corrections.insert(c.id, c);
        }
    }
    ours.corrections = corrections.into_values().collect();
    sort_corrections(&mut ours.corrections);
    ours.notes = notes.into_values().collect();
    sort_reading_order(&mut ours.notes);
    let mut tombstones: Vec<Tombstone> = deleted
        .into_iter()
        .map(|(id, deleted)| Tombstone { id, deleted })
        .collect();
    tombstones.sort_by_key(|t| (t.deleted, t.id));
    ours.deleted = tombstones;
}

/// Re-anchor a note onto `text`, marking it detached if it is not found
/// (its position then made safe to slice `text` at: it came from a file).
fn anchor_note(note: &mut Note, text: &str, budget: &mut Budget) -> Anchoring {
    let limited = budget.limited;
    let (how, found) = reanchor_within(&note.target, text, budget);
    match found {
        Some(target) => {
            note.target = target;
            note.detached = false;
            note.detached_by = None;
        }
        None => {
            note.target.fit_to(text);
            note.detached = true;
            // a bound stopped the search: which limits, to retry past them
            note.detached_by = (budget.limited > limited).then(|| budget.limits());
        }
    }
    how
}

/// What the user is told when re-anchoring stopped at a bound.
fn limited_warning(limited: usize) -> String {
    format!(
        "{limited} note{} left detached (kept, listed apart): finding {} again would take more \
         than [limits] reanchor-work or reanchor-quote-chars of config.toml allow",
        if limited == 1 { "" } else { "s" },
        if limited == 1 { "it" } else { "them" },
    )
}

/// Corrections in the order they were made (ids are UUID v7: by time too).
fn sort_corrections(corrections: &mut [StoredCorrection]) {
    corrections.sort_by_key(|c| (c.created, c.id));
}

fn sort_reading_order(notes: &mut [Note]) {
    notes.sort_by(|a, b| {
        (a.detached, a.target.start, a.target.end, a.created, a.id).cmp(&(
            b.detached,
            b.target.start,
            b.target.end,
            b.created,
            b.id,
        ))
    });
}

/// `now`, or just after `t` if the clock has not moved past it.
fn later_than(now: DateTime<Utc>, t: DateTime<Utc>) -> DateTime<Utc> {
    if now > t {
        now
    } else {
        t + TimeDelta::milliseconds(1)
    }
}

fn corrupt_warning(
    store: &Store,
    id: &ArticleId,
    moved_to: &std::path::Path,
    reason: &str,
) -> String {
    format!(
        "the notes file {} could not be read ({reason}); it was moved to {} before \
         saving: {}",
        store.notes_path(id).display(),
        moved_to.display(),
        RESTORE
    )
}

/// How to get the notes of a file moved aside back.
const RESTORE: &str = "to restore its notes, repair that copy (it is JSON), close gloss \
                       and rename it back over the notes file (notes saved since are in \
                       the new file: copy them across first)";

/// When an article has no notes file but copies moved aside earlier: where
/// they are, and how to restore them.
pub(crate) fn moved_aside_warning(store: &Store, id: &ArticleId) -> Option<String> {
    let copies = store.corrupt_copies(id);
    let last = copies.last()?;
    Some(format!(
        "notes of this article that could not be read were moved to {} ({} cop{}); \
         {RESTORE}: {}",
        last.display(),
        copies.len(),
        if copies.len() == 1 { "y" } else { "ies" },
        store.notes_path(id).display()
    ))
}
