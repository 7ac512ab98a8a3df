//! The notes of each article on disk, in the user's data directory.
//!
//! Per article (by its [`ArticleId::key`]) the directory holds
//! `KEY.notes.json` (the notes, deletions and the hash of the text they were
//! made on), `KEY.article.json` (a snapshot of that text, so that notes can
//! be exported without the source) and `KEY.lock` (taken while writing). A
//! notes file that cannot be parsed is renamed `KEY.notes.corrupt-TIME.json`
//! and reported, never overwritten.

use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::NotesError;
use super::atomic::{self, Existing};
use super::model::{Note, StoredCorrection};
use crate::article::Article;
use crate::article_id::ArticleId;

/// The `format` field of a notes file.
pub const FORMAT: &str = "gloss-notes";
/// The newest notes file version this gloss reads and the one it writes.
/// Version 2 added `corrections`; a version 1 file reads as one without any
/// (and is written back as version 2 when it changes).
pub const VERSION: u32 = 2;

/// The notes of one article as stored on disk.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NotesFile {
    pub format: String,
    pub version: u32,
    pub article: ArticleRecord,
    /// `sha256:HEX` of the clean text the notes' targets point into.
    pub text_hash: String,
    /// Notes in reading order.
    pub notes: Vec<Note>,
    /// Deleted notes (and corrections undone), so that a merge does not
    /// bring them back.
    #[serde(default)]
    pub deleted: Vec<Tombstone>,
    /// The reader's corrections of the analysis, in the order they were made.
    #[serde(default)]
    pub corrections: Vec<StoredCorrection>,
}

/// What the notes file says about its article.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleRecord {
    pub id: ArticleId,
    /// The id as a URI (`target.source` in exports).
    pub uri: String,
    #[serde(default)]
    pub title: Option<String>,
}

/// A deleted note: its id and when it was deleted. A note changed after its
/// deletion (an undo) lives again.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tombstone {
    pub id: Uuid,
    pub deleted: DateTime<Utc>,
}

impl NotesFile {
    pub fn new(id: &ArticleId, title: Option<String>, text_hash: String) -> NotesFile {
        NotesFile {
            format: FORMAT.to_string(),
            version: VERSION,
            article: ArticleRecord {
                id: id.clone(),
                uri: id.uri(),
                title,
            },
            text_hash,
            notes: Vec::new(),
            deleted: Vec::new(),
            corrections: Vec::new(),
        }
    }
}

/// What reading a notes file found.
#[derive(Debug)]
pub enum Read {
    /// No notes yet for this article.
    Missing,
    Found(NotesFile),
    /// The file could not be parsed; it was moved to `moved_to`.
    Corrupt {
        moved_to: PathBuf,
        reason: String,
    },
}

/// The directory of notes files.
#[derive(Clone, Debug)]
pub struct Store {
    dir: PathBuf,
}

/// Held while an article's notes are read, merged and written; released on drop.
pub struct WriteLock {
    _file: File,
}

impl Store {
    pub fn new(dir: impl Into<PathBuf>) -> Store {
        Store { dir: dir.into() }
    }

    /// `$XDG_DATA_HOME/gloss/notes` (or the platform's equivalent).
    pub fn default_dir() -> Option<PathBuf> {
        directories::ProjectDirs::from("", "", "gloss").map(|d| d.data_dir().join("notes"))
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn notes_path(&self, id: &ArticleId) -> PathBuf {
        self.dir.join(format!("{}.notes.json", id.key()))
    }

    pub fn article_path(&self, id: &ArticleId) -> PathBuf {
        self.dir.join(format!("{}.article.json", id.key()))
    }

    fn lock_path(&self, key: &str) -> PathBuf {
        self.dir.join(format!("{key}.lock"))
    }

    /// Create the directory (0700) if needed.
    pub fn ensure_dir(&self) -> Result<(), NotesError> {
        let mut builder = std::fs::DirBuilder::new();
        builder.recursive(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::DirBuilderExt;
            builder.mode(0o700);
        }
        builder
            .create(&self.dir)
            .map_err(|source| NotesError::Write {
                path: self.dir.clone(),
                source,
            })
    }

    /// Take the article's write lock, waiting for another process that holds it.
    pub fn lock(&self, id: &ArticleId) -> Result<WriteLock, NotesError> {
        self.lock_key(&id.key())
    }

    fn lock_key(&self, key: &str) -> Result<WriteLock, NotesError> {
        self.ensure_dir()?;
        let path = self.lock_path(key);
        let io_err = |source| NotesError::Write {
            path: path.clone(),
            source,
        };
        let file = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(io_err)?;
        file.lock().map_err(io_err)?;
        atomic::remove_stale_temp_files(&self.dir, key);
        Ok(WriteLock { _file: file })
    }

    /// Read an article's notes. A file that does not parse is moved aside;
    /// one written by a newer gloss, or one that cannot be read, is an error.
    pub fn read(&self, id: &ArticleId) -> Result<Read, NotesError> {
        let path = self.notes_path(id);
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Read::Missing),
            Err(source) => return Err(NotesError::Read { path, source }),
        };
        match parse(&bytes) {
            Ok(file) if file.version > VERSION => Err(NotesError::TooNew {
                path,
                version: file.version,
            }),
            Ok(file) => Ok(Read::Found(file)),
            Err(reason) => {
                let moved_to = self.move_aside(&path)?;
                Ok(Read::Corrupt { moved_to, reason })
            }
        }
    }

    /// Write an article's notes atomically. Call while holding its lock.
    pub fn write(&self, file: &NotesFile, _lock: &WriteLock) -> Result<(), NotesError> {
        let id = &file.article.id;
        let path = self.notes_path(id);
        let bytes = serde_json::to_vec(file).map_err(|e| NotesError::Write {
            path: path.clone(),
            source: io::Error::other(e),
        })?;
        atomic::write(&path, &bytes, &id.key(), Existing::Replace)
            .map_err(|source| NotesError::Write { path, source })
    }

    /// Keep a snapshot of the article the notes point into.
    pub fn write_article(
        &self,
        id: &ArticleId,
        article: &Article,
        _lock: &WriteLock,
    ) -> Result<(), NotesError> {
        let path = self.article_path(id);
        let bytes = serde_json::to_vec(article).map_err(|e| NotesError::Write {
            path: path.clone(),
            source: io::Error::other(e),
        })?;
        atomic::write(&path, &bytes, &id.key(), Existing::Replace)
            .map_err(|source| NotesError::Write { path, source })
    }

    /// The snapshot of an article's text, if one was kept and can be read.
    pub fn read_article(&self, id: &ArticleId) -> Option<Article> {
        let bytes = std::fs::read(self.article_path(id)).ok()?;
        serde_json::from_slice(&bytes).ok()
    }

    /// The notes file stored under `key` (an [`ArticleId::key`]), if it can
    /// be read and parsed; nothing is moved aside.
    pub fn read_key(&self, key: &str) -> Option<NotesFile> {
        let bytes = std::fs::read(self.dir.join(format!("{key}.notes.json"))).ok()?;
        parse(&bytes).ok().filter(|f| f.version <= VERSION)
    }

    /// Whether a copy of the article's text is kept with its notes.
    pub fn has_article_copy(&self, key: &str) -> bool {
        self.dir.join(format!("{key}.article.json")).is_file()
    }

    /// Delete everything kept for the article stored under `key`: its notes,
    /// the copy of its text, the record of its exports, a draft; under its
    /// lock, so that no save is half done. The paths removed.
    pub fn remove(&self, key: &str) -> Result<Vec<PathBuf>, NotesError> {
        let lock = self.lock_key(key)?;
        let mut removed = Vec::new();
        for suffix in ["notes.json", "article.json", "exports.json", "draft.json"] {
            let path = self.dir.join(format!("{key}.{suffix}"));
            match std::fs::remove_file(&path) {
                Ok(()) => removed.push(path),
                Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                Err(source) => return Err(NotesError::Write { path, source }),
            }
        }
        atomic::remove_stale_temp_files(&self.dir, &format!("{key}.draft"));
        drop(lock);
        let _ = std::fs::remove_file(self.lock_path(key));
        Ok(removed)
    }

    /// Every article that has a notes file, with its notes, in file-name order.
    /// Files that cannot be read or parsed are skipped.
    pub fn all(&self) -> Vec<NotesFile> {
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let mut paths: Vec<PathBuf> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| {
                p.file_name()
                    .is_some_and(|n| n.to_string_lossy().ends_with(".notes.json"))
            })
            .collect();
        paths.sort();
        paths
            .iter()
            .filter_map(|p| std::fs::read(p).ok())
            .filter_map(|b| parse(&b).ok())
            .filter(|f| f.version <= VERSION)
            .collect()
    }

    fn move_aside(&self, path: &Path) -> Result<PathBuf, NotesError> {
        let stamp = Utc::now().format("%Y%m%dT%H%M%S%.3f");
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let stem = name.strip_suffix(".json").unwrap_or(&name);
        let moved_to = path.with_file_name(format!("{stem}.corrupt-{stamp}.json"));
        std::fs::rename(path, &moved_to).map_err(|source| NotesError::Write {
            path: path.to_path_buf(),
            source,
        })?;
        Ok(moved_to)
    }
}

/// A notes file's bytes as read from disk: the file, or why it is not one
/// (public for the fuzz target, `fuzz/fuzz_targets/notes_store.rs`).
pub fn parse(bytes: &[u8]) -> Result<NotesFile, String> {
    let mut file: NotesFile = serde_json::from_slice(bytes).map_err(|e| e.to_string())?;
    if file.format != FORMAT {
        return Err(format!("not a gloss notes file (format {:?})", file.format));
    }
    if file.version < VERSION {
        // version 1 had no corrections: `#[serde(default)]` gave none
        file.version = VERSION;
    }
    Ok(file)
}
