//! What gloss last wrote to each export path of an article (a SHA-256 in
//! `KEY.exports.json` beside the notes), so that an export it wrote itself
//! and nobody changed since is refreshed without `--force`, by `x` in the
//! reader and by `gloss export -o` alike, while a file the user edited (in
//! Obsidian, say) is never overwritten.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::notes::atomic::{self, Existing};
use crate::notes::notebook::text_hash;
use crate::notes::store::{Store, read_regular_file};

/// Export path → the hash of what gloss wrote there.
type Receipts = BTreeMap<String, String>;

fn receipts_path(store: &Store, key: &str) -> PathBuf {
    store.dir().join(format!("{key}.exports.json"))
}

fn read_receipts(store: &Store, key: &str) -> Receipts {
    read_regular_file(&receipts_path(store, key))
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .unwrap_or_default()
}

/// Whether the regular file at `path` is what gloss last wrote there for
/// the article stored under `key`, unchanged since.
pub fn is_ours_unchanged(store: &Store, key: &str, path: &Path) -> bool {
    let receipts = read_receipts(store, key);
    let Some(hash) = receipts.get(&*path.to_string_lossy()) else {
        return false;
    };
    read_regular_file(path)
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .is_some_and(|existing| text_hash(&existing) == *hash)
}

/// Remember what is now in the regular file at `path` (this export, or the
/// same one of an earlier day) as gloss's own. A stream is not remembered.
pub fn remember(store: &Store, key: &str, path: &Path) -> std::io::Result<()> {
    let Ok(bytes) = read_regular_file(path) else {
        return Ok(());
    };
    let mut receipts = read_receipts(store, key);
    receipts.insert(
        path.to_string_lossy().into_owned(),
        text_hash(&String::from_utf8_lossy(&bytes)),
    );
    let json = serde_json::to_vec_pretty(&receipts).map_err(std::io::Error::other)?;
    store.ensure_dir().map_err(std::io::Error::other)?;
    // a prefix of its own: the cleanup under the notes' lock never takes it
    atomic::write(
        &receipts_path(store, key),
        &json,
        &format!("exports-{key}"),
        Existing::Replace,
    )
}
