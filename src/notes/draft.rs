//! The note being typed, kept on disk while it is written, so that a crash
//! or `Ctrl-c` loses nothing: one draft per article (`KEY.draft.json`),
//! written atomically, removed when the note is saved or discarded.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::NotesError;
use super::atomic::{self, Existing};
use super::model::{Attachment, Target};
use super::store::Store;
use crate::article_id::ArticleId;

/// An unsaved note.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoteDraft {
    /// The passage the note is on.
    pub target: Target,
    /// The note being edited, or `None` for a new note.
    #[serde(default)]
    pub editing: Option<Uuid>,
    #[serde(default)]
    pub attachment: Option<Attachment>,
    pub body: String,
    pub saved: DateTime<Utc>,
}

impl Store {
    fn draft_path(&self, id: &ArticleId) -> std::path::PathBuf {
        self.dir().join(format!("{}.draft.json", id.key()))
    }

    /// Keep the draft of a note on an article (replacing an older one).
    pub fn save_draft(&self, id: &ArticleId, draft: &NoteDraft) -> Result<(), NotesError> {
        self.ensure_dir()?;
        let path = self.draft_path(id);
        let bytes = serde_json::to_vec(draft).map_err(|e| NotesError::Write {
            path: path.clone(),
            source: std::io::Error::other(e),
        })?;
        let prefix = super::store::draft_temp_prefix(&id.key());
        atomic::write(&path, &bytes, &prefix, Existing::Replace)
            .map_err(|source| NotesError::Write { path, source })
    }

    /// The draft left on an article, if any (an unreadable one is ignored).
    pub fn load_draft(&self, id: &ArticleId) -> Option<NoteDraft> {
        let bytes = super::store::read_regular_file(&self.draft_path(id)).ok()?;
        serde_json::from_slice(&bytes).ok()
    }

    /// Forget an article's draft (the note was saved or discarded).
    pub fn clear_draft(&self, id: &ArticleId) -> Result<(), NotesError> {
        let path = self.draft_path(id);
        match std::fs::remove_file(&path) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(source) => Err(NotesError::Write { path, source }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    #[test]
    fn a_draft_is_kept_until_cleared() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        let id = ArticleId::Url("https://news.example/a".into());
        assert_eq!(store.load_draft(&id), None);
        let draft = NoteDraft {
            target: Target::of_span("Some text here.", Span::new(5, 9)).unwrap(),
            editing: None,
            attachment: None,
            body: "Half a thought".into(),
            saved: Utc::now(),
        };
        store.save_draft(&id, &draft).unwrap();
        assert_eq!(store.load_draft(&id), Some(draft.clone()));
        let longer = NoteDraft {
            body: "Half a thought, finished.".into(),
            ..draft
        };
        store.save_draft(&id, &longer).unwrap();
        assert_eq!(store.load_draft(&id), Some(longer));
        store.clear_draft(&id).unwrap();
        assert_eq!(store.load_draft(&id), None);
        store.clear_draft(&id).unwrap();
    }
}
