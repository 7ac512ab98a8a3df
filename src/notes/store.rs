//! The notes of each article on disk, in the user's data directory.
//!
//! Per article (by its [`ArticleId::key`]) the directory holds
//! `KEY.notes.json` (the notes, deletions and the hash of the text they were
//! made on), `KEY.article.json` (a snapshot of that text, so that notes can
//! be exported without the source) and `KEY.lock` (taken while writing,
//! holding the pid of the process that took it last). A notes file that
//! cannot be parsed is reported and left where it is by whatever only reads
//! it; a save over it first renames it `KEY.notes.corrupt-TIME.json` (and
//! says where, and how to restore it), never overwrites it.

use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::NotesError;
use super::atomic::{self, Existing};
use super::model::{Note, StoredCorrection};
use super::settings::NotesLimits;
use crate::article::Article;
use crate::article_id::ArticleId;

/// How long a save waits for another process to release an article's lock.
pub const LOCK_WAIT: std::time::Duration = std::time::Duration::from_secs(10);

/// How long a [`Store::deferring`] waits for a lock before it keeps the
/// change for later: short enough not to be felt between two keys.
pub const DEFER_WAIT: std::time::Duration = std::time::Duration::from_millis(150);

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
    /// The file could not be parsed; it is left where it is (a save moves
    /// it aside first: [`Store::move_aside`]).
    Corrupt {
        reason: String,
    },
}

/// The directory of notes files.
#[derive(Clone, Debug)]
pub struct Store {
    dir: PathBuf,
    limits: NotesLimits,
    lock_wait: std::time::Duration,
    /// Whether a save that finds the lock held keeps its changes in memory
    /// for a later save rather than failing ([`Store::deferring`]).
    defers: bool,
}

/// Held while an article's notes are read, merged and written; released on drop.
pub struct WriteLock {
    _file: File,
}

impl Store {
    pub fn new(dir: impl Into<PathBuf>) -> Store {
        Store {
            dir: dir.into(),
            limits: NotesLimits::default(),
            lock_wait: LOCK_WAIT,
            defers: false,
        }
    }

    /// The same store for the reader, which must not freeze while another
    /// process holds an article's lock: it waits [`DEFER_WAIT`] for it, and
    /// a save that does not get it keeps its changes in memory, to be
    /// written by the next try ([`crate::notes::Notebook::retry_save`]).
    pub fn deferring(self) -> Store {
        Store {
            lock_wait: DEFER_WAIT,
            defers: true,
            ..self
        }
    }

    /// The same store with saves that fail on a held lock.
    pub fn not_deferring(self) -> Store {
        Store {
            defers: false,
            ..self
        }
    }

    /// Whether saves wait for a held lock later rather than fail.
    pub fn defers(&self) -> bool {
        self.defers
    }

    /// The same store, waiting this long for a lock another process holds.
    pub fn with_lock_wait(self, lock_wait: std::time::Duration) -> Store {
        Store { lock_wait, ..self }
    }

    /// The same store, with these bounds on notes from outside.
    pub fn with_limits(self, limits: NotesLimits) -> Store {
        Store { limits, ..self }
    }

    pub fn limits(&self) -> NotesLimits {
        self.limits
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

    /// Create the directory (0700) if needed; tighten a looser one.
    pub fn ensure_dir(&self) -> Result<(), NotesError> {
        atomic::private_dir(&self.dir).map_err(|source| NotesError::Write {
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
        let mut options = File::options();
        options.create(true).truncate(false).read(true).write(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let mut file = options.open(&path).map_err(io_err)?;
        #[cfg(unix)]
        {
            // one made by an older gloss, or under another umask
            use std::os::unix::fs::PermissionsExt;
            let mode = file.metadata().map_err(io_err)?.permissions().mode();
            if mode & 0o077 != 0 {
                file.set_permissions(std::fs::Permissions::from_mode(0o600))
                    .map_err(io_err)?;
            }
        }
        let started = std::time::Instant::now();
        loop {
            match file.try_lock() {
                Ok(()) => break,
                Err(std::fs::TryLockError::WouldBlock) if started.elapsed() < self.lock_wait => {
                    std::thread::sleep(std::time::Duration::from_millis(20));
                }
                Err(std::fs::TryLockError::WouldBlock) => {
                    let mut holder = String::new();
                    let _ = io::Read::read_to_string(&mut file, &mut holder);
                    return Err(NotesError::Locked {
                        path,
                        waited: self.lock_wait.as_secs_f64(),
                        holder: holder.trim().parse().ok(),
                    });
                }
                Err(std::fs::TryLockError::Error(e)) => return Err(io_err(e)),
            }
        }
        // who holds it, for whoever waits on it
        let _ = file.set_len(0);
        let _ = io::Write::write_all(&mut file, format!("{}\n", std::process::id()).as_bytes());
        atomic::remove_stale_temp_files(&self.dir, key);
        Ok(WriteLock { _file: file })
    }

    /// Read an article's notes. A file that does not parse is reported as
    /// such and left alone; one written by a newer gloss, one that is not a
    /// regular file, or one that cannot be read, is an error.
    pub fn read(&self, id: &ArticleId) -> Result<Read, NotesError> {
        let path = self.notes_path(id);
        let bytes = match read_regular_file(&path) {
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
            Err(reason) => Ok(Read::Corrupt { reason }),
        }
    }

    /// The copies of an article's notes moved aside because they could not
    /// be read (`KEY.notes.corrupt-TIME.json`), oldest first.
    pub fn corrupt_copies(&self, id: &ArticleId) -> Vec<PathBuf> {
        let prefix = format!("{}.notes.corrupt-", id.key());
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let mut copies: Vec<PathBuf> = entries
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().starts_with(&prefix))
            .map(|e| e.path())
            .collect();
        copies.sort();
        copies
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
        let bytes = read_regular_file(&self.article_path(id)).ok()?;
        serde_json::from_slice(&bytes).ok()
    }

    /// The notes file stored under `key` (an [`ArticleId::key`]), if it can
    /// be read and parsed; nothing is moved aside.
    pub fn read_key(&self, key: &str) -> Option<NotesFile> {
        let bytes = read_regular_file(&self.dir.join(format!("{key}.notes.json"))).ok()?;
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
        atomic::remove_stale_temp_files(&self.dir, &draft_temp_prefix(key));
        drop(lock);
        let _ = std::fs::remove_file(self.lock_path(key));
        Ok(removed)
    }

    /// Every article that has a notes file, with its notes, in file-name order.
    /// Files that cannot be read or parsed are skipped ([`Store::all_checked`]
    /// tells which).
    pub fn all(&self) -> Vec<NotesFile> {
        self.all_checked().0
    }

    /// Every article that has a notes file, with its notes, in file-name
    /// order; and the files that could not be read, parsed or were written
    /// by a newer gloss, each with why (one line).
    pub fn all_checked(&self) -> (Vec<NotesFile>, Vec<(PathBuf, String)>) {
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return (Vec::new(), Vec::new());
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
        let (mut files, mut problems) = (Vec::new(), Vec::new());
        for path in paths {
            match read_regular_file(&path)
                .map_err(|e| e.to_string())
                .and_then(|b| parse(&b))
            {
                Ok(file) if file.version > VERSION => problems.push((
                    path,
                    format!(
                        "written by a newer gloss (notes format {}); left untouched",
                        file.version
                    ),
                )),
                Ok(file) => files.push(file),
                Err(reason) => problems.push((path, reason)),
            }
        }
        (files, problems)
    }

    /// Rename an article's notes file that cannot be read out of the way
    /// (`KEY.notes.corrupt-TIME.json`) before a save writes a new one; the
    /// copy's path. Call while holding the article's lock.
    pub fn move_aside(&self, id: &ArticleId, _lock: &WriteLock) -> Result<PathBuf, NotesError> {
        let path = self.notes_path(id);
        let stamp = Utc::now().format("%Y%m%dT%H%M%S%.3f");
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let stem = name.strip_suffix(".json").unwrap_or(&name);
        let moved_to = path.with_file_name(format!("{stem}.corrupt-{stamp}.json"));
        std::fs::rename(&path, &moved_to).map_err(|source| NotesError::Write {
            path: path.clone(),
            source,
        })?;
        Ok(moved_to)
    }
}

/// The temporary files of an article's draft: `.draft-KEY.*.tmp`, which
/// the cleanup of the notes' own (`.KEY.*.tmp`, under the lock) never
/// matches, so that an import never deletes the draft an open reader is
/// writing.
pub fn draft_temp_prefix(key: &str) -> String {
    format!("draft-{key}")
}

/// The bytes of `path` when it is a regular file: a notes folder may hold
/// anything (a FIFO would block a read for ever, a device never end).
pub(crate) fn read_regular_file(path: &Path) -> io::Result<Vec<u8>> {
    use std::io::Read as _;
    let mut options = File::options();
    options.read(true);
    #[cfg(unix)]
    {
        // opening a FIFO for reading waits for a writer: not with O_NONBLOCK
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let mut file = options.open(path)?;
    if !file.metadata()?.is_file() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "not a regular file",
        ));
    }
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes)?;
    Ok(bytes)
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
