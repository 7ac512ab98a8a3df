//! Configuration: the built-in defaults with the user's file laid over them.
//!
//! The defaults are the top-level `config.toml`, compiled in, so the file that
//! documents every option and the defaults gloss runs with never differ. A
//! user's file (`--config PATH`, else `$XDG_CONFIG_HOME/gloss/config.toml`)
//! overrides option by option:
//!
//! - a scalar replaces the default;
//! - a list extends the default list, unless the user's table says
//!   `replace = true` (a table whose defaults say `replace = true` replaces by
//!   default); `replace` is only allowed in tables whose defaults have it;
//! - an option the defaults don't have is an error naming the file, the line
//!   and the option, as is a value of the wrong type or an invalid value.
//!
//! # Adding a section (two lines)
//!
//! 1. In `config.toml`: a table `[name]` with every option, its default and a
//!    comment saying what it does.
//! 2. Here: a field `pub name: YourSection` in [`Config`], where `YourSection`
//!    lives in your module and derives `Deserialize` with
//!    `#[serde(deny_unknown_fields)]`. Rename with serde if the TOML key is
//!    not a Rust identifier (`next-mention`).
//!
//! The merge, the unknown-option check and the error lines are generic; a
//! value that only your code can judge (a regex, a key name, a colour) is
//! checked in your type's `Deserialize` (return `serde::de::Error::custom`),
//! and the error still names the user's line.

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use serde::Deserialize;
use serde_path_to_error::Segment;
use toml::de::{DeTable, DeValue};
use toml::{Spanned, Table, Value};

use crate::article::CleanOptions;
use crate::article::clean::{Trust, with_trust};
use crate::feeds::FeedSettings;
use crate::library::LibrarySettings;
use crate::notes::settings::{ExportSettings, NotesLimits, NotesSettings};
use crate::source::FetchOptions;
use crate::ui::keymap::KeyMap;
use crate::ui::settings::{KeysSection, ReaderSection, ReaderSettings, ThemeSection};

/// The built-in defaults: the documented `config.toml` at the top of the repository.
pub const DEFAULTS: &str = crate::article::clean::DEFAULT_CONFIG;

/// The built-in defaults, parsed once.
static DEFAULTS_PARSED: LazyLock<Config> = LazyLock::new(|| {
    // config.toml is part of the program; the tests check that it parses.
    Config::from_toml("", Path::new("(built-in config.toml)"))
        .unwrap_or_else(|e| panic!("built-in config.toml is invalid: {e}"))
});

/// The key that makes a table's lists replace the defaults instead of extending them.
const REPLACE: &str = "replace";

/// All of gloss's settings. One field per section of `config.toml`.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub clean: CleanOptions,
    pub notes: NotesSettings,
    pub export: ExportSettings,
    pub fetch: FetchOptions,
    pub limits: Limits,
    pub library: LibrarySettings,
    pub feeds: FeedSettings,
    pub reader: ReaderSection,
    pub theme: ThemeSection,
    pub keys: KeysSection,
}

/// `[limits]`: how much of an input gloss takes on (each documented in
/// `config.toml`). Cleaning and the analysis get theirs through
/// [`CleanOptions`] and [`crate::analysis::Parts`], set from here.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Limits {
    // ── size: articles, titles, lines ──
    /// The largest article read, in MiB (files, stdin, `--jsonl` lines).
    #[serde(deserialize_with = "at_least_1")]
    pub article_mb: u64,
    /// A first line longer than this many characters is no title.
    #[serde(deserialize_with = "at_least_1")]
    pub title_chars: usize,
    /// A line longer than this many bytes is analysed in pieces.
    #[serde(deserialize_with = "at_least_1024")]
    pub line_bytes: usize,

    // ── notes from outside (`gloss import`, re-anchoring) ──
    /// The most annotations one import takes.
    pub import_annotations: usize,
    /// A quote longer than this many characters is re-anchored only where it is unchanged.
    pub reanchor_quote_chars: usize,
    /// The re-anchoring work allowed per article.
    pub reanchor_work: usize,

    // ── the library from outside (`gloss library import`) ──
    /// The most one import reads in all, in MiB.
    #[serde(deserialize_with = "at_least_1")]
    pub import_mb: u64,
    /// The most articles one import keeps.
    #[serde(deserialize_with = "at_least_1")]
    pub import_articles: usize,
}

impl Limits {
    /// `article-mb` in bytes.
    pub fn article_bytes(&self) -> u64 {
        self.article_mb.saturating_mul(1 << 20)
    }

    /// `import-mb` in bytes.
    pub fn import_bytes(&self) -> u64 {
        self.import_mb.saturating_mul(1 << 20)
    }

    /// The bounds the notes store works within.
    pub fn notes(&self) -> NotesLimits {
        NotesLimits {
            import_annotations: self.import_annotations,
            reanchor_quote_chars: self.reanchor_quote_chars,
            reanchor_work: self.reanchor_work,
        }
    }
}

fn at_least<'de, D, T>(d: D, least: T) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de> + PartialOrd + std::fmt::Display,
{
    let value = T::deserialize(d)?;
    if value < least {
        return Err(serde::de::Error::custom(format!(
            "{value} is too small (at least {least})"
        )));
    }
    Ok(value)
}

fn at_least_1<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de> + PartialOrd + std::fmt::Display + From<u8>,
{
    at_least(d, T::from(1))
}

fn at_least_1024<'de, D: serde::Deserializer<'de>>(d: D) -> Result<usize, D::Error> {
    at_least(d, 1024)
}

/// Why the configuration could not be loaded. Each message is one line that
/// names the file and, where there is one, the line and the option.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{}: {source}", path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}:{line}:{column}: invalid TOML: {message}", path.display())]
    Syntax {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{}:{line}: unknown option `{option}`{hint}", path.display())]
    UnknownOption {
        path: PathBuf,
        line: usize,
        option: String,
        /// `" (did you mean `x`?)"` or empty.
        hint: String,
    },
    #[error("{}{}: option `{option}`: {message}", path.display(), line.map(|l| format!(":{l}")).unwrap_or_default())]
    Invalid {
        path: PathBuf,
        line: Option<usize>,
        option: String,
        message: String,
    },
}

impl Default for Config {
    fn default() -> Self {
        Config::defaults()
    }
}

impl Config {
    /// The reader's sections.
    pub fn reader_settings(&self) -> ReaderSettings {
        ReaderSettings {
            reader: self.reader.clone(),
            theme: self.theme.clone(),
            keys: self.keys.clone(),
            notes: self.notes.clone(),
            export: self.export.clone(),
            library: self.library.clone(),
            notes_limits: self.limits.notes(),
            feeds: self.feeds.clone(),
            fetch: self.fetch.clone(),
            clean: self.clean.clone(),
            parts: crate::analysis::Parts {
                line_bytes: self.limits.line_bytes,
                ..Default::default()
            },
        }
    }

    /// The built-in defaults (parsed once; a pattern compiled when first needed).
    pub fn defaults() -> Config {
        DEFAULTS_PARSED.clone()
    }

    /// Load the configuration: `explicit` (from `--config`) must exist; else the
    /// user's file in the config directory is used when there is one; else the defaults.
    pub fn load(explicit: Option<&Path>) -> Result<Config, ConfigError> {
        let path = match explicit {
            Some(path) => path.to_path_buf(),
            None => match user_config_path() {
                Some(path) if path.is_file() => path,
                _ => return Ok(Config::defaults()),
            },
        };
        let src = std::fs::read_to_string(&path).map_err(|source| ConfigError::Read {
            path: path.clone(),
            source,
        })?;
        Config::from_toml(&src, &path)
    }

    /// The defaults with the user's TOML `src` (read from `path`, named in errors) laid over them.
    pub fn from_toml(src: &str, path: &Path) -> Result<Config, ConfigError> {
        let defaults: Table = DEFAULTS.parse().map_err(|e| syntax(DEFAULTS, path, &e))?;
        let user = DeTable::parse(src).map_err(|e| syntax(src, path, &e))?;
        let user_plain: Table = src.parse().map_err(|e| syntax(src, path, &e))?;
        let file = UserFile { src, path };
        check_known(&file, user.get_ref(), &defaults, "")?;
        // the built-in patterns are known to be valid (the tests compile
        // them all): only the user's own are checked as they are read
        let trust = if user_plain.is_empty() {
            Trust::Everything
        } else {
            let builtin = &DEFAULTS_PARSED.clean;
            Trust::Sources(builtin.pattern_sources().map(str::to_string).collect())
        };
        let mut merged = merge(defaults.clone(), user_plain);
        strip_replace(&mut merged);
        let config: Config = with_trust(trust, || {
            serde_path_to_error::deserialize(Value::Table(merged))
        })
        .map_err(|e| {
            let segments: Vec<&Segment> = e.path().iter().collect();
            let (option, line) = locate(&file, user.get_ref(), &defaults, &segments);
            ConfigError::Invalid {
                path: path.to_path_buf(),
                line,
                option,
                message: e.inner().message().trim().to_string(),
            }
        })?;
        check_key_conflicts(&file, user.get_ref(), &defaults, &config.keys)?;
        let mut config = config;
        config.clean.title_max_chars = config.limits.title_chars;
        Ok(config)
    }
}

/// Two actions of one layer on one key: only the whole key map can tell, so
/// it is built here once. The error names the user's line for either action.
fn check_key_conflicts(
    file: &UserFile,
    user: &DeTable,
    defaults: &Table,
    keys: &KeysSection,
) -> Result<(), ConfigError> {
    let Err(conflict) = KeyMap::new(keys) else {
        return Ok(());
    };
    let at = |name: &str| {
        let path = [
            Segment::Map { key: "keys".into() },
            Segment::Map { key: name.into() },
        ];
        locate(file, user, defaults, &path.iter().collect::<Vec<_>>())
    };
    let (option, line) = [conflict.second, conflict.first]
        .map(at)
        .into_iter()
        .find(|(_, line)| line.is_some())
        .unwrap_or_else(|| at(conflict.second));
    Err(ConfigError::Invalid {
        path: file.path.to_path_buf(),
        line,
        option,
        message: conflict.to_string(),
    })
}

/// `$XDG_CONFIG_HOME/gloss/config.toml`, else the platform's config directory.
pub fn user_config_path() -> Option<PathBuf> {
    let xdg = std::env::var_os("XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute());
    let dir = match xdg {
        Some(dir) => dir.join("gloss"),
        None => directories::ProjectDirs::from("", "", "gloss")?
            .config_dir()
            .to_path_buf(),
    };
    Some(dir.join("config.toml"))
}

/// The user's file, for error messages.
struct UserFile<'a> {
    src: &'a str,
    path: &'a Path,
}

impl UserFile<'_> {
    fn line(&self, offset: usize) -> usize {
        line_col(self.src, offset).0
    }
}

/// 1-based line and column of a byte offset.
fn line_col(src: &str, offset: usize) -> (usize, usize) {
    let before = &src[..offset.min(src.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

fn syntax(src: &str, path: &Path, e: &toml::de::Error) -> ConfigError {
    let (line, column) = e.span().map_or((1, 1), |s| line_col(src, s.start));
    ConfigError::Syntax {
        path: path.to_path_buf(),
        line,
        column,
        message: e.message().trim().replace('\n', " "),
    }
}

fn dotted(prefix: &str, key: &str) -> String {
    if prefix.is_empty() {
        key.to_string()
    } else {
        format!("{prefix}.{key}")
    }
}

/// Reject every user option that the defaults don't have, and every value
/// whose TOML type differs from its default's (an integer may stand for a float).
fn check_known(
    file: &UserFile,
    user: &DeTable,
    defaults: &Table,
    prefix: &str,
) -> Result<(), ConfigError> {
    for (key, value) in user {
        let name = dotted(prefix, key.get_ref());
        let Some(default) = defaults.get(key.get_ref().as_ref()) else {
            let hint = strsim_hint(key.get_ref(), defaults.keys());
            return Err(ConfigError::UnknownOption {
                path: file.path.to_path_buf(),
                line: file.line(key.span().start),
                option: name,
                hint,
            });
        };
        check_value(file, value, default, &name)?;
    }
    Ok(())
}

fn check_value(
    file: &UserFile,
    value: &Spanned<DeValue>,
    default: &Value,
    name: &str,
) -> Result<(), ConfigError> {
    match (value.get_ref(), default) {
        (DeValue::Table(t), Value::Table(d)) => check_known(file, t, d, name),
        (DeValue::Array(items), Value::Array(d)) => {
            // Elements must be like the default's; an empty default list takes anything
            // (the typed check after the merge still applies).
            if let Some(first) = d.first() {
                for (i, item) in items.iter().enumerate() {
                    check_value(file, item, first, &format!("{name}[{i}]"))?;
                }
            }
            Ok(())
        }
        (v, d) if same_type(v, d) => Ok(()),
        (v, d) => Err(ConfigError::Invalid {
            path: file.path.to_path_buf(),
            line: Some(file.line(value.span().start)),
            option: name.to_string(),
            message: format!(
                "expected {}, found {}",
                article(d.type_str()),
                article(v.type_str())
            ),
        }),
    }
}

fn same_type(v: &DeValue, d: &Value) -> bool {
    v.type_str() == d.type_str() || (v.is_integer() && d.is_float())
}

fn article(type_name: &str) -> String {
    match type_name {
        "array" => "a list".to_string(),
        "integer" => "an integer".to_string(),
        other => format!("a {other}"),
    }
}

fn strsim_hint<'k>(key: &str, known: impl Iterator<Item = &'k String>) -> String {
    known
        .filter(|k| k.as_str() != REPLACE)
        .map(|k| (strsim::jaro_winkler(key, k), k))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| format!(" (did you mean `{k}`?)"))
        .unwrap_or_default()
}

/// Whether a table's lists replace the defaults: the user's `replace`, else the default's.
fn replaces(user: &Table, defaults: &Table) -> bool {
    user.get(REPLACE)
        .or_else(|| defaults.get(REPLACE))
        .and_then(Value::as_bool)
        .unwrap_or(false)
}

/// Lay `user` over `defaults` (both already checked to agree in shape).
/// `replace` keys are consumed here: the typed sections never see them.
fn merge(mut defaults: Table, user: Table) -> Table {
    let replace = replaces(&user, &defaults);
    defaults.remove(REPLACE);
    for (key, value) in user {
        if key == REPLACE {
            continue;
        }
        let merged = match (defaults.remove(&key), value) {
            (Some(Value::Table(d)), Value::Table(u)) => Value::Table(merge(d, u)),
            (Some(Value::Array(mut d)), Value::Array(u)) if !replace => {
                d.extend(u);
                Value::Array(d)
            }
            (_, u) => u,
        };
        defaults.insert(key, merged);
    }
    defaults
}

fn strip_replace(table: &mut Table) {
    table.remove(REPLACE);
    for (_, value) in table.iter_mut() {
        if let Value::Table(t) = value {
            strip_replace(t);
        }
    }
}

/// The option at `path` of the merged tree, named as the user wrote it, and
/// its line in the user's file when the user set it. A list index past the
/// defaults maps back to the user's own items.
fn locate(
    file: &UserFile,
    user: &DeTable,
    defaults: &Table,
    path: &[&Segment],
) -> (String, Option<usize>) {
    let mut name = String::new();
    let mut user_value: Option<&Spanned<DeValue>> = None;
    let mut user_table = Some(user);
    let mut default_table = Some(defaults);
    let mut default_value: Option<&Value> = None;
    let mut replace = false;
    let mut found = true;
    for segment in path {
        match segment {
            Segment::Map { key } => {
                name = dotted(&name, key);
                default_value = default_table.and_then(|d| d.get(key));
                default_table = default_value.and_then(Value::as_table);
                user_value = user_table
                    .and_then(|t| t.iter().find(|(k, _)| k.get_ref() == key))
                    .map(|(_, v)| v);
                user_table = user_value.and_then(|v| v.get_ref().as_table());
                if let (Some(u), Some(d)) = (user_table, default_table) {
                    replace = de_replace(u).unwrap_or_else(|| {
                        d.get(REPLACE).and_then(Value::as_bool).unwrap_or(false)
                    });
                }
            }
            Segment::Seq { index } => {
                let skip = match default_value {
                    Some(Value::Array(d)) if !replace => d.len(),
                    _ => 0,
                };
                let user_index = index.checked_sub(skip);
                name = format!("{name}[{}]", user_index.unwrap_or(*index));
                found &= user_index.is_some();
                user_value = user_value
                    .and_then(|v| v.get_ref().as_array())
                    .zip(user_index)
                    .and_then(|(items, i)| items.get(i));
                user_table = user_value.and_then(|v| v.get_ref().as_table());
                default_value = None;
                default_table = None;
            }
            Segment::Enum { .. } | Segment::Unknown => {}
        }
    }
    let line = user_value
        .filter(|_| found)
        .map(|v| file.line(v.span().start));
    (name, line)
}

fn de_replace(table: &DeTable) -> Option<bool> {
    table
        .iter()
        .find(|(k, _)| k.get_ref() == REPLACE)
        .and_then(|(_, v)| v.get_ref().as_bool())
}

#[cfg(test)]
mod tests;
