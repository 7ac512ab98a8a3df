//! The library: every article opened in the reader, kept with its clean
//! text, metadata and analysis so that it opens again offline and at once,
//! and an index of the people, organisations and places each one mentions
//! (with their quotes), so that `W` and `gloss who NAME` find the other
//! articles that mention someone.
//!
//! One SQLite database (`library.sqlite` in the library folder, 0600 in a
//! 0700 folder) in WAL mode, with an FTS5 index of titles and text. Its
//! schema has a version (`PRAGMA user_version`): an older database is
//! migrated, a newer one refused. A stored analysis carries the version of
//! the analysis that made it ([`ANALYSIS_VERSION`]: hashes of the analysis
//! code, the lexicon and the model); one made by another version is not
//! used, the article is analysed again and the index follows.

pub mod folder;
pub mod query;
pub mod settings;
mod store;

pub use settings::LibrarySettings;
pub use store::{
    Entry, FeedItem, Flag, Kept, Library, LibraryError, People, PersonCount, SavedSearch, WhoHit,
    name_keys, normalise,
};

/// The version of the analysis compiled in: `code:HASH lexicon:HASH model:HASH`.
pub const ANALYSIS_VERSION: &str = env!("GLOSS_ANALYSIS_VERSION");

/// The database's file name in the library folder.
pub const DB_FILE: &str = "library.sqlite";

/// Keeping the articles the reader opens: the settings and the notes
/// folder; each use opens the database (a few milliseconds).
#[derive(Clone, Debug)]
pub struct Keeper {
    settings: LibrarySettings,
    notes_dir: Option<std::path::PathBuf>,
}

impl Keeper {
    /// `None` when keeping is off.
    pub fn new(
        settings: &LibrarySettings,
        notes_dir: Option<std::path::PathBuf>,
    ) -> Option<Keeper> {
        (settings.keep && settings.dir().is_some()).then(|| Keeper {
            settings: settings.clone(),
            notes_dir,
        })
    }

    pub fn open(&self) -> Result<Library, LibraryError> {
        let dir = self.settings.dir().ok_or_else(|| LibraryError::Data {
            path: std::path::PathBuf::new(),
            message: "no data directory is known (set [library] dir)".to_string(),
        })?;
        Ok(Library::open(&dir)?.with_notes_dir(self.notes_dir.clone()))
    }

    /// The analysis kept of this very text by this version of the analysis.
    pub fn stored_analysis(
        &self,
        id: &crate::article_id::ArticleId,
        text: &str,
    ) -> Option<crate::analysis::Analysis> {
        self.open().ok()?.get_same(id, text).ok()??.analysis
    }

    /// Mark a kept article read (nothing when it is not kept).
    pub fn mark_read(&self, id: &crate::article_id::ArticleId) {
        if let Ok(lib) = self.open() {
            let _ = lib.set_flag(&id.key(), Flag::Unread, false);
        }
    }

    /// Keep an article the reader opened (with its analysis when it is in),
    /// then hold the library to its size cap.
    pub fn keep(
        &self,
        id: &crate::article_id::ArticleId,
        article: &crate::article::Article,
        analysis: Option<&crate::analysis::Analysis>,
    ) -> Result<(), LibraryError> {
        let mut lib = self.open()?;
        lib.keep(id, article, analysis, now())?;
        self.hold_to_cap(&mut lib)?;
        Ok(())
    }

    /// Hold the library to its size cap (`[library] max-size-mb`): how
    /// many articles went. After a keep, an import, a refresh.
    pub fn hold_to_cap(&self, lib: &mut Library) -> Result<usize, LibraryError> {
        match self.settings.max_bytes() {
            Some(max) => lib.evict(max),
            None => Ok(0),
        }
    }
}

/// A date (seconds since the epoch) as `YYYY-MM-DD`.
pub fn day(secs: i64) -> String {
    chrono::DateTime::from_timestamp(secs, 0)
        .map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

/// A day (`YYYY-MM-DD`, or a full date) as seconds since the epoch.
pub fn parse_day(s: &str) -> Option<i64> {
    store::parse_date(s)
}

/// Seconds since the Unix epoch, now.
pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

#[cfg(test)]
mod tests;
