//! The user lexicon: what the reader taught gloss about names, for every
//! article. A plain text file in the data directory
//! (`$XDG_DATA_HOME/gloss/lexicon.txt`), one name a line with its kind
//! first, which a user can edit by hand and keep in git:
//!
//! ```text
//! # comments and blank lines are kept as they are
//! organisation Likud
//! place Uluru
//! not-a-name Sunday Morning
//! ```
//!
//! The analysis never reads it: the caller loads it ([`UserLexicon::load`])
//! and hands it in as an overlay ([`UserLexicon::overlay`]).

use std::io;
use std::path::{Path, PathBuf};

use crate::analysis::EntityKind;
use crate::analysis::lexicon::{Overlay, TaughtName};

use super::atomic::{self, Existing};

/// The file's name in the data directory.
pub const FILE_NAME: &str = "lexicon.txt";

/// Set to a path, the user lexicon is read from there (`/dev/null` or an
/// empty file: none) instead of the data directory's.
pub const ENV: &str = "GLOSS_LEXICON";

/// What a line says of a name.
pub type Kind = Option<EntityKind>;

/// The user lexicon: the file's lines as they are, and the entries they hold.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UserLexicon {
    lines: Vec<String>,
}

/// What can go wrong with the user lexicon. One line each.
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    #[error("cannot read {path}: {source}")]
    Read { path: PathBuf, source: io::Error },
    #[error("cannot save {path}: {source}")]
    Write { path: PathBuf, source: io::Error },
    #[error("{path}:{line}: {reason}")]
    Line {
        path: PathBuf,
        line: usize,
        reason: String,
    },
    #[error("no data directory is known for the user lexicon (set XDG_DATA_HOME or {ENV})")]
    NoDir,
}

/// The words a kind is written with in the file (the first is written).
pub fn kind_word(kind: Kind) -> &'static str {
    match kind {
        Some(EntityKind::Person) => "person",
        Some(EntityKind::Organization) => "organisation",
        Some(EntityKind::Place) => "place",
        None => "not-a-name",
    }
}

/// A kind as written in the file or on the command line.
pub fn parse_kind(word: &str) -> Option<Kind> {
    Some(match word.to_lowercase().as_str() {
        "person" | "people" => Some(EntityKind::Person),
        "organisation" | "organization" | "org" => Some(EntityKind::Organization),
        "place" => Some(EntityKind::Place),
        "not-a-name" | "none" | "never" => None,
        _ => return None,
    })
}

const KINDS: &str = "person, organisation, place or not-a-name";

/// One line: `None` for a blank line or a comment, else the entry or why not.
fn parse_line(line: &str) -> Option<Result<(Kind, &str), String>> {
    let line = line.trim();
    if line.is_empty() || line.starts_with('#') {
        return None;
    }
    let (word, name) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
    let Some(kind) = parse_kind(word) else {
        return Some(Err(format!(
            "`{word}` is not a kind ({KINDS}, then the name)"
        )));
    };
    let name = name.trim();
    if name.is_empty() {
        return Some(Err(format!("`{word}` of what? the name follows the kind")));
    }
    Some(Ok((kind, name)))
}

impl UserLexicon {
    /// Where the user lexicon is: `$GLOSS_LEXICON`, else the data directory's.
    pub fn default_path() -> Option<PathBuf> {
        if let Some(path) = std::env::var_os(ENV).filter(|p| !p.is_empty()) {
            return Some(PathBuf::from(path));
        }
        directories::ProjectDirs::from("", "", "gloss").map(|d| d.data_dir().join(FILE_NAME))
    }

    /// Read the file at `path`; a missing file is an empty lexicon, a line
    /// that says nothing known an error naming the file and the line.
    pub fn load(path: &Path) -> Result<UserLexicon, LexiconError> {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == io::ErrorKind::NotFound => String::new(),
            Err(source) => {
                return Err(LexiconError::Read {
                    path: path.to_path_buf(),
                    source,
                });
            }
        };
        let lexicon = UserLexicon {
            lines: text.lines().map(str::to_string).collect(),
        };
        for (i, line) in lexicon.lines.iter().enumerate() {
            if let Some(Err(reason)) = parse_line(line) {
                return Err(LexiconError::Line {
                    path: path.to_path_buf(),
                    line: i + 1,
                    reason,
                });
            }
        }
        Ok(lexicon)
    }

    /// The user lexicon where [`UserLexicon::default_path`] says, or none
    /// when no place is known.
    pub fn load_default() -> Result<UserLexicon, LexiconError> {
        match Self::default_path() {
            Some(path) => Self::load(&path),
            None => Ok(UserLexicon::default()),
        }
    }

    /// The entries in file order: kind and name.
    pub fn entries(&self) -> Vec<(Kind, &str)> {
        self.lines
            .iter()
            .filter_map(|l| parse_line(l).and_then(Result::ok))
            .collect()
    }

    pub fn is_empty(&self) -> bool {
        self.entries().is_empty()
    }

    /// What the lexicon says of `name`, if anything (the last line wins).
    pub fn kind_of(&self, name: &str) -> Option<Kind> {
        self.entries()
            .into_iter()
            .rev()
            .find(|(_, n)| *n == name)
            .map(|(k, _)| k)
    }

    /// Say `name` is of `kind` (replacing what an earlier line said of it).
    /// Whether anything changed.
    pub fn add(&mut self, kind: Kind, name: &str) -> bool {
        let name = name.trim();
        if name.is_empty() || self.kind_of(name) == Some(kind) {
            return false;
        }
        self.remove(name);
        self.lines.push(format!("{} {name}", kind_word(kind)));
        true
    }

    /// Forget what the lexicon says of `name`. Whether it said anything.
    pub fn remove(&mut self, name: &str) -> bool {
        let before = self.lines.len();
        self.lines.retain(|l| match parse_line(l) {
            Some(Ok((_, n))) => n != name.trim(),
            _ => true,
        });
        self.lines.len() != before
    }

    /// Write the file at `path` atomically (its folder made if needed).
    pub fn save(&self, path: &Path) -> Result<(), LexiconError> {
        let err = |source| LexiconError::Write {
            path: path.to_path_buf(),
            source,
        };
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            // the data folder, private as every folder gloss keeps data in
            // (a `$GLOSS_LEXICON` elsewhere: its folder made if missing)
            if dir.is_dir() {
                Ok(())
            } else {
                atomic::private_dir(dir)
            }
            .map_err(err)?;
        }
        let mut text = self.lines.join("\n");
        if !text.is_empty() {
            text.push('\n');
        }
        atomic::write(path, text.as_bytes(), "lexicon", Existing::Replace).map_err(err)
    }

    /// The overlay the analysis takes.
    pub fn overlay(&self) -> Overlay {
        Overlay {
            names: self
                .entries()
                .into_iter()
                .map(|(kind, name)| TaughtName {
                    name: name.to_string(),
                    kind,
                })
                .collect(),
            ..Overlay::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_say_a_kind_then_a_name_and_comments_stay() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("lexicon.txt");
        std::fs::write(
            &path,
            "# mine\norganisation Likud\n\nnot-a-name Sunday Morning\n",
        )
        .unwrap();
        let mut lex = UserLexicon::load(&path).unwrap();
        assert_eq!(
            lex.entries(),
            vec![
                (Some(EntityKind::Organization), "Likud"),
                (None, "Sunday Morning")
            ]
        );
        assert!(lex.add(Some(EntityKind::Place), "Uluru"));
        assert!(!lex.add(Some(EntityKind::Place), "Uluru"));
        assert!(lex.add(Some(EntityKind::Person), "Likud"));
        assert!(lex.remove("Sunday Morning"));
        assert!(!lex.remove("Sunday Morning"));
        lex.save(&path).unwrap();
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "# mine\n\nplace Uluru\nperson Likud\n"
        );
        assert_eq!(lex.overlay().names.len(), 2);
    }

    #[test]
    fn a_line_of_an_unknown_kind_names_the_file_and_the_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("lexicon.txt");
        std::fs::write(&path, "place Uluru\nplanet Mars\n").unwrap();
        let err = UserLexicon::load(&path).unwrap_err().to_string();
        assert!(err.ends_with("lexicon.txt:2: `planet` is not a kind (person, organisation, place or not-a-name, then the name)"), "{err}");
    }

    #[test]
    fn a_missing_file_is_an_empty_lexicon() {
        let dir = tempfile::tempdir().unwrap();
        let lex = UserLexicon::load(&dir.path().join("none.txt")).unwrap();
        assert!(lex.is_empty());
        assert_eq!(lex.overlay(), Overlay::default());
    }
}
