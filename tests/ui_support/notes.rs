//! The reader with notes: a notes folder and an export folder of its own in
//! a temporary directory, a fixed clock, the fixture article.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{DateTime, Utc};
use gloss::article_id::ArticleId;
use gloss::notes::{FixedClock, Note, Store};
use gloss::ui::App;
use gloss::ui::settings::ReaderSettings;

/// Where the fixture's notes and exports go.
pub struct Folders {
    pub root: tempfile::TempDir,
}

impl Folders {
    pub fn new() -> Self {
        Folders {
            root: tempfile::tempdir().expect("temporary directory"),
        }
    }

    pub fn notes(&self) -> PathBuf {
        self.root.path().join("notes")
    }

    pub fn exports(&self) -> PathBuf {
        self.root.path().join("exports")
    }

    pub fn store(&self) -> Store {
        Store::new(self.notes())
    }

    /// The notes on disk, as another gloss process would read them.
    pub fn saved(&self) -> Vec<Note> {
        self.store()
            .all()
            .into_iter()
            .flat_map(|f| f.notes)
            .collect()
    }

    /// The reader on the fixture article with these folders, notes opened.
    pub fn open(&self, width: u16, height: u16) -> App {
        self.open_doc(super::document(), width, height)
    }

    pub fn open_doc(&self, doc: gloss::Document, width: u16, height: u16) -> App {
        self.open_at(doc, width, height, t0())
    }

    /// Another gloss process: its clock (and so its note ids) its own.
    pub fn open_later(&self, width: u16, height: u16) -> App {
        let later = t0() + chrono::TimeDelta::hours(1);
        self.open_at(super::document(), width, height, later)
    }

    pub fn open_at(
        &self,
        doc: gloss::Document,
        width: u16,
        height: u16,
        start: DateTime<Utc>,
    ) -> App {
        let mut settings = ReaderSettings::default();
        settings.export.dir = self.exports().display().to_string();
        let mut app = App::new(doc, &settings, super::env(), width, height).expect("default keys");
        gloss::ui::note_taking::open(
            &mut app,
            self.store(),
            id(),
            Arc::new(FixedClock::new(start)),
        );
        app
    }
}

/// The fixture article's identity (its URL).
pub fn id() -> ArticleId {
    ArticleId::Url("https://example.org/ferry".to_string())
}

pub fn t0() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-03-03T09:00:00Z")
        .expect("a fixed time")
        .with_timezone(&Utc)
}

/// The text of the passage a span covers.
pub fn passage(app: &App, span: gloss::span::Span) -> &str {
    &app.doc.article.text[span.start..span.end]
}

pub fn exists(path: &Path) -> bool {
    path.exists()
}
