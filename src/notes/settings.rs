//! The `[notes]` and `[export]` sections of `config.toml`.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::anchor::Budget;
use super::export::Format;

/// `[notes]`: where notes are kept.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NotesSettings {
    /// The notes folder; empty for `$XDG_DATA_HOME/gloss/notes`.
    pub dir: String,
}

/// `[export]`: where and how the reader's export (`x`) is written.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExportSettings {
    /// The export folder (an Obsidian vault, say); empty for
    /// `$XDG_DATA_HOME/gloss/exports`.
    pub dir: String,
    pub format: Format,
}

/// The bounds on what notes from outside (a shared annotation file) may
/// cost: the `[limits]` keys `import-annotations`, `reanchor-quote-chars`
/// and `reanchor-work` of `config.toml` (the section itself is
/// `config::Limits`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotesLimits {
    /// The most annotations one `gloss import` reads.
    pub import_annotations: usize,
    /// The longest quote, in characters, matched approximately.
    pub reanchor_quote_chars: usize,
    /// The re-anchoring work per article opened or imported onto.
    pub reanchor_work: usize,
}

impl NotesLimits {
    pub const DEFAULT_IMPORT_ANNOTATIONS: usize = 100_000;

    /// A fresh re-anchoring budget for one article.
    pub fn budget(&self) -> Budget {
        Budget::new(self.reanchor_quote_chars, self.reanchor_work)
    }
}

impl Default for NotesLimits {
    /// The defaults of `config.toml` (a test holds them equal).
    fn default() -> NotesLimits {
        NotesLimits {
            import_annotations: NotesLimits::DEFAULT_IMPORT_ANNOTATIONS,
            reanchor_quote_chars: Budget::DEFAULT_QUOTE_CHARS,
            reanchor_work: Budget::DEFAULT_WORK,
        }
    }
}

impl NotesSettings {
    /// The notes folder, `None` when neither it nor a home directory is known.
    pub fn dir(&self) -> Option<PathBuf> {
        configured_dir(&self.dir).or_else(|| data_dir().map(|d| d.join("notes")))
    }
}

impl ExportSettings {
    pub fn dir(&self) -> Option<PathBuf> {
        configured_dir(&self.dir).or_else(|| data_dir().map(|d| d.join("exports")))
    }
}

fn data_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "gloss").map(|d| d.data_dir().to_path_buf())
}

/// A configured folder with `~/` expanded; `None` when empty.
pub(crate) fn configured_dir(dir: &str) -> Option<PathBuf> {
    let dir = dir.trim();
    if dir.is_empty() {
        return None;
    }
    match dir.strip_prefix("~/").or((dir == "~").then_some("")) {
        Some(rest) => directories::BaseDirs::new().map(|b| b.home_dir().join(rest)),
        None => Some(Path::new(dir).to_path_buf()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn configured_folders_expand_the_home_directory() {
        assert_eq!(configured_dir("  "), None);
        assert_eq!(
            configured_dir("/srv/notes"),
            Some(PathBuf::from("/srv/notes"))
        );
        if let Some(home) = directories::BaseDirs::new().map(|b| b.home_dir().to_path_buf()) {
            assert_eq!(
                configured_dir("~/Vault/News"),
                Some(home.join("Vault/News"))
            );
        }
    }
}
