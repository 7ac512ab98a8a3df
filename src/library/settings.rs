//! The `[library]` section of `config.toml`.

use std::path::PathBuf;

use serde::Deserialize;

/// `[library]`: whether and where the articles read are kept.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LibrarySettings {
    /// Keep every article opened in the reader.
    pub keep: bool,
    /// The library's folder; empty for `$XDG_DATA_HOME/gloss/library`.
    pub dir: String,
    /// The most the kept articles may take, in megabytes (0: no limit). The
    /// articles read longest ago go first; never one with notes or a star.
    pub max_size_mb: u64,
}

impl Default for LibrarySettings {
    fn default() -> Self {
        LibrarySettings {
            keep: true,
            dir: String::new(),
            max_size_mb: 0,
        }
    }
}

impl LibrarySettings {
    /// The library's folder, `None` when neither it nor a home directory is known.
    pub fn dir(&self) -> Option<PathBuf> {
        crate::notes::settings::configured_dir(&self.dir).or_else(|| {
            directories::ProjectDirs::from("", "", "gloss").map(|d| d.data_dir().join("library"))
        })
    }

    /// The size cap in bytes, `None` for no cap.
    pub fn max_bytes(&self) -> Option<u64> {
        (self.max_size_mb > 0).then(|| self.max_size_mb.saturating_mul(1 << 20))
    }
}
