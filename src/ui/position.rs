//! The reading position, remembered per article in
//! `$XDG_DATA_HOME/gloss/positions/<article>.json` and restored on reopening.
//!
//! It is anchored as notes are (`notes::anchor`): the words at the top of
//! the view with their context, so that it is found again after the
//! article's text changed (an edited file, a page fetched again); the byte
//! offset alone is the fallback for a file saved by an older gloss.

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
    /// The words there, with their context.
    #[serde(default)]
    anchor: Option<crate::notes::Target>,
}

/// How many bytes of the text at the position are kept to find it again.
const ANCHOR_BYTES: usize = 48;

/// `$XDG_DATA_HOME/gloss/positions` (or the platform's equivalent).
pub fn default_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "gloss").map(|d| d.data_dir().join("positions"))
}

/// The file an article's position is kept in, under `dir`.
pub fn path(dir: &Path, id: &ArticleId) -> PathBuf {
    dir.join(format!("{}.json", id.key()))
}

/// The saved position, if there is a readable one that fits `text`: where
/// its words are now, else its offset when no words were kept.
pub fn load(file: &Path, text: &str) -> Option<usize> {
    let bytes = crate::notes::store::read_regular_file(file).ok()?;
    let saved: Saved = serde_json::from_slice(&bytes).ok()?;
    match &saved.anchor {
        Some(anchor) => {
            let mut budget = crate::notes::anchor::Budget::default();
            crate::notes::anchor::reanchor_within(anchor, text, &mut budget)
                .1
                .map(|found| found.start)
        }
        None => (saved.offset <= text.len() && text.is_char_boundary(saved.offset))
            .then_some(saved.offset),
    }
}

/// The words at `offset` to find it again by: up to [`ANCHOR_BYTES`], not
/// past the end of the line.
fn anchor(text: &str, offset: usize) -> Option<crate::notes::Target> {
    let rest = text.get(offset..)?;
    let line = rest.find('\n').unwrap_or(rest.len());
    let mut end = line.min(ANCHOR_BYTES);
    while !rest.is_char_boundary(end) {
        end -= 1;
    }
    crate::notes::Target::of_span(text, crate::span::Span::new(offset, offset + end))
}

/// Save a position atomically (a temporary file renamed over the old one).
pub fn save(file: &Path, id: &ArticleId, text: &str, offset: usize) -> std::io::Result<()> {
    let dir = file
        .parent()
        .ok_or_else(|| std::io::Error::other("position file has no directory"))?;
    // what one has read is nobody else's business: 0700, the file 0600
    crate::notes::atomic::private_dir(dir)?;
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    let saved = Saved {
        id: id.uri(),
        offset,
        anchor: anchor(text, offset),
    };
    serde_json::to_writer(&mut tmp, &saved)?;
    tmp.flush()?;
    tmp.persist(file).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn the_positions_folder_is_private_and_a_looser_one_tightened() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let positions = dir.path().join("positions");
        std::fs::create_dir(&positions).unwrap();
        std::fs::set_permissions(&positions, std::fs::Permissions::from_mode(0o755)).unwrap();
        let key = ArticleId::for_content("text");
        let file = path(&positions, &key);
        save(&file, &key, "some long text here", 7).unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&positions), 0o700);
        assert_eq!(mode(&file), 0o600);
    }

    #[test]
    fn a_saved_position_comes_back_for_the_same_article() {
        let dir = tempfile::tempdir().unwrap();
        let key = ArticleId::for_content("text");
        let file = path(dir.path(), &key);
        save(&file, &key, "some long text here", 7).unwrap();
        assert_eq!(load(&file, "some long text here"), Some(7));
    }

    #[test]
    fn a_position_past_the_text_or_a_broken_file_is_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let key = ArticleId::for_content("text");
        let file = path(dir.path(), &key);
        std::fs::write(&file, r#"{"id": "x", "offset": 500}"#).unwrap();
        assert_eq!(load(&file, "short"), None);
        std::fs::write(&file, "{not json").unwrap();
        assert_eq!(load(&file, "short"), None);
        std::fs::write(&file, r#"{"id": "x", "offset": 3}"#).unwrap();
        assert_eq!(load(&file, "Zoë"), None, "inside a character");
        // an older file, an offset only, still works
        std::fs::write(&file, r#"{"id": "x", "offset": 2}"#).unwrap();
        assert_eq!(load(&file, "Zoë"), Some(2));
    }

    #[test]
    fn the_position_follows_its_words_after_the_text_changed() {
        let dir = tempfile::tempdir().unwrap();
        let key = ArticleId::for_content("text");
        let file = path(dir.path(), &key);
        let before =
            "Title\n\nFirst paragraph.\n\nThe harbour board met on Tuesday to vote.\n\nLast.";
        let at = before.find("The harbour").unwrap();
        save(&file, &key, before, at).unwrap();
        let after = "Title\n\nA new paragraph, added at the top by an editor.\n\nFirst paragraph.\n\nThe harbour board met on Tuesday to vote.\n\nLast.";
        assert_eq!(load(&file, after), after.find("The harbour"));
        // the words edited a little: still found, near enough
        let edited = after.replace("met on Tuesday", "met on Wednesday");
        assert_eq!(load(&file, &edited), edited.find("The harbour"));
        // gone altogether: not restored rather than restored somewhere wrong
        assert_eq!(
            load(&file, "Title\n\nSomething else entirely, at length."),
            None
        );
    }
}
