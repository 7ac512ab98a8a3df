//! The reading position, remembered per article in
//! `$XDG_DATA_HOME/gloss/positions/<article>.json` and restored on reopening.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::article_id::ArticleId;

#[derive(Debug, Serialize, Deserialize)]
struct Saved {
    /// The article's id, so the file says what it belongs to.
    id: String,
    /// Byte offset of the first character on screen, in the clean text.
    offset: usize,
}

/// `$XDG_DATA_HOME/gloss/positions` (or the platform's equivalent).
pub fn default_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "gloss").map(|d| d.data_dir().join("positions"))
}

/// The file an article's position is kept in, under `dir`.
pub fn path(dir: &Path, id: &ArticleId) -> PathBuf {
    dir.join(format!("{}.json", id.key()))
}

/// The saved position, if there is a readable one that fits `text`.
pub fn load(file: &Path, text: &str) -> Option<usize> {
    let saved: Saved = serde_json::from_slice(&std::fs::read(file).ok()?).ok()?;
    (saved.offset <= text.len() && text.is_char_boundary(saved.offset)).then_some(saved.offset)
}

/// Save a position atomically (a temporary file renamed over the old one).
pub fn save(file: &Path, id: &ArticleId, offset: usize) -> std::io::Result<()> {
    let dir = file
        .parent()
        .ok_or_else(|| std::io::Error::other("position file has no directory"))?;
    std::fs::create_dir_all(dir)?;
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    let saved = Saved {
        id: id.uri(),
        offset,
    };
    serde_json::to_writer(&mut tmp, &saved)?;
    tmp.flush()?;
    tmp.persist(file).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_saved_position_comes_back_for_the_same_article() {
        let dir = tempfile::tempdir().unwrap();
        let key = ArticleId::for_content("text");
        let file = path(dir.path(), &key);
        save(&file, &key, 7).unwrap();
        assert_eq!(load(&file, "some long text here"), Some(7));
    }

    #[test]
    fn a_position_past_the_text_or_a_broken_file_is_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let key = ArticleId::for_content("text");
        let file = path(dir.path(), &key);
        save(&file, &key, 500).unwrap();
        assert_eq!(load(&file, "short"), None);
        std::fs::write(&file, "{not json").unwrap();
        assert_eq!(load(&file, "short"), None);
        save(&file, &key, 3).unwrap();
        assert_eq!(load(&file, "Zoë"), None, "inside a character");
    }
}
