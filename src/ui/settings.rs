//! The reader's sections of `config.toml`: `[reader]`, `[theme]`, `[keys]`.
//!
//! They are fields of [`crate::config::Config`], whose defaults are the
//! top-level `config.toml` itself, built into the binary, so the documented
//! defaults and the real ones never differ.

use std::collections::BTreeMap;
use std::fmt;

use ratatui::style::Color;
use serde::{Deserialize, Deserializer};

use super::action::{COMMANDS, KeyCommand, command_named};
use super::keys::KeyChord;
use crate::notes::settings::{ExportSettings, NotesSettings};

/// `[reader]`: layout and behaviour of the reader.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case", default)]
pub struct ReaderSection {
    /// Widest a line of article text gets, in terminal columns.
    pub max_line_width: u16,
    /// Width of the side panes in percent of the terminal's width.
    #[serde(deserialize_with = "percent")]
    pub side_width: u16,
    /// Lines one step of the mouse wheel scrolls.
    pub wheel_lines: u16,
    /// Remember the reading position per article and restore it.
    pub remember_position: bool,
    /// Start with the side panes hidden.
    pub full_width: bool,
    /// Whether case counts in a search.
    pub search_case: super::search::SearchCase,
    /// A search finds "Zürich" for `zurich`.
    pub search_ignore_accents: bool,
}

impl ReaderSection {
    /// How the search compares letters.
    pub fn matching(&self) -> super::search::Matching {
        super::search::Matching {
            case: self.search_case,
            ignore_accents: self.search_ignore_accents,
        }
    }
}

fn percent<'de, D: Deserializer<'de>>(d: D) -> Result<u16, D::Error> {
    let v = u16::deserialize(d)?;
    if (10..=80).contains(&v) {
        Ok(v)
    } else {
        Err(serde::de::Error::custom(format!(
            "side-width is a percentage of the terminal's width between 10 and 80, not {v}"
        )))
    }
}

/// Which palette to start with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ThemeName {
    /// Light or dark from `COLORFGBG`, 16 colours unless `COLORTERM` says truecolor.
    Auto,
    Dark,
    Light,
    /// The terminal's own 16 colours: works everywhere.
    Basic,
}

/// A colour from the configuration: a name (`red`, `light-blue`, `dark-gray`)
/// or `#rrggbb`; the empty string keeps the theme's own colour.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ColorSpec(pub Option<Color>);

impl<'de> Deserialize<'de> for ColorSpec {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        if s.trim().is_empty() {
            return Ok(ColorSpec(None));
        }
        s.parse::<Color>().map(|c| ColorSpec(Some(c))).map_err(|_| {
            serde::de::Error::custom(format!(
                "unknown colour `{s}`: write a name (black, red, green, yellow, blue, magenta, cyan, gray, dark-gray, light-red, ..., white) or #rrggbb"
            ))
        })
    }
}

/// `[theme.colors]`: single colours over the chosen palette.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case", default)]
pub struct ColorOverrides {
    pub text: ColorSpec,
    pub title: ColorSpec,
    pub heading: ColorSpec,
    pub dateline: ColorSpec,
    pub person: ColorSpec,
    pub organisation: ColorSpec,
    pub place: ColorSpec,
    pub quote: ColorSpec,
    pub selection: ColorSpec,
    pub mark: ColorSpec,
    pub search: ColorSpec,
    pub current_match: ColorSpec,
    pub border: ColorSpec,
    pub focus: ColorSpec,
    pub dim: ColorSpec,
    pub accent: ColorSpec,
    pub error: ColorSpec,
    pub reading: ColorSpec,
    pub highlight: ColorSpec,
}

/// `[theme]`.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case", default)]
pub struct ThemeSection {
    pub name: ThemeName,
    pub colors: ColorOverrides,
}

/// The name of a bindable action in `[keys]`; unknown names are errors.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct CommandName(pub &'static str);

impl CommandName {
    pub fn command(self) -> &'static KeyCommand {
        command_named(self.0).unwrap_or(&COMMANDS[0])
    }
}

impl fmt::Display for CommandName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

impl<'de> Deserialize<'de> for CommandName {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        command_named(&s)
            .map(|c| CommandName(c.name))
            .ok_or_else(|| {
                serde::de::Error::custom(format!(
                    "unknown action `{s}` in [keys]; the actions are: {}",
                    COMMANDS
                        .iter()
                        .map(|c| c.name)
                        .collect::<Vec<_>>()
                        .join(", ")
                ))
            })
    }
}

/// `[keys]`: action name → keys. Actions left out keep their default keys;
/// an empty list unbinds an action.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(transparent)]
pub struct KeysSection(pub BTreeMap<CommandName, Vec<KeyChord>>);

/// The reader's whole configuration.
#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct ReaderSettings {
    pub reader: ReaderSection,
    pub theme: ThemeSection,
    pub keys: KeysSection,
    /// `[notes]`: where notes are kept.
    #[serde(default)]
    pub notes: NotesSettings,
    /// `[export]`: where `x` writes.
    #[serde(default)]
    pub export: ExportSettings,
    /// `[library]`: whether and where the articles read are kept.
    #[serde(default)]
    pub library: crate::library::LibrarySettings,
    /// `[limits]`: the bounds on notes from outside.
    #[serde(skip)]
    pub notes_limits: crate::notes::settings::NotesLimits,
    /// `[feeds]`: the refresh's limits and interval (the feed pane's `r`).
    #[serde(default)]
    pub feeds: crate::feeds::FeedSettings,
    /// `[fetch]`: how a feed item's linked page is fetched.
    #[serde(default)]
    pub fetch: crate::source::fetch::FetchOptions,
    /// `[clean]`: how a fetched page or a feed's item is cleaned.
    #[serde(default)]
    pub clean: crate::article::CleanOptions,
    /// How the analysis runs (`[limits] line-bytes`).
    #[serde(skip)]
    pub parts: crate::analysis::Parts,
}

impl Default for ReaderSettings {
    /// The built-in defaults: each section's own (the configuration's tests
    /// check that they are those of the shipped config.toml).
    fn default() -> Self {
        ReaderSettings {
            reader: ReaderSection::default(),
            theme: ThemeSection::default(),
            keys: KeysSection::default(),
            notes: NotesSettings::default(),
            export: ExportSettings::default(),
            library: crate::library::LibrarySettings::default(),
            notes_limits: crate::notes::settings::NotesLimits::default(),
            feeds: crate::feeds::FeedSettings::default(),
            fetch: crate::source::fetch::FetchOptions::default(),
            clean: crate::article::CleanOptions::default(),
            parts: crate::analysis::Parts::default(),
        }
    }
}

// The defaults of single options, for a user's file that names only some of
// them. A test checks that they equal the shipped config.toml.
impl Default for ReaderSection {
    fn default() -> Self {
        ReaderSection {
            max_line_width: 80,
            side_width: 40,
            wheel_lines: 3,
            remember_position: true,
            full_width: false,
            search_case: super::search::SearchCase::Ignore,
            search_ignore_accents: true,
        }
    }
}

impl Default for ThemeSection {
    fn default() -> Self {
        ThemeSection {
            name: ThemeName::Auto,
            colors: ColorOverrides::default(),
        }
    }
}

impl Default for KeysSection {
    /// The built-in key bindings: `[keys]` of the built-in config.toml, read
    /// on its own (the whole configuration would compile every cleaning pattern).
    fn default() -> Self {
        let parsed = crate::article::clean::default_table("keys").try_into::<KeysSection>();
        parsed.unwrap_or_else(|e| panic!("built-in config.toml [keys]: {e}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_config_binds_every_action() {
        let keys = KeysSection::default();
        for c in COMMANDS {
            assert!(
                keys.0.contains_key(&CommandName(c.name)),
                "config.toml has no [keys] entry for `{}`",
                c.name
            );
        }
    }

    #[test]
    fn an_unknown_action_is_an_error_naming_the_line() {
        let err = toml::from_str::<ReaderSettings>(
            "[reader]\n[theme]\n[keys]\nnext-mention = [\"n\"]\njump-around = [\"x\"]\n",
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("line 5"), "{err}");
        assert!(err.contains("unknown action `jump-around`"), "{err}");
    }

    #[test]
    fn an_unknown_key_name_is_an_error_naming_the_line() {
        let err = toml::from_str::<ReaderSettings>(
            "[reader]\n[theme]\n[keys]\nquit = [\"ctrl-q\", \"escq\"]\n",
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("line 4"), "{err}");
        assert!(err.contains("unknown key `escq`"), "{err}");
    }

    #[test]
    fn colours_by_name_or_hex_and_unknown_options_rejected() {
        let t: ThemeSection = toml::from_str(
            "name = \"light\"\n[colors]\nperson = \"#ff8800\"\nplace = \"light-green\"\n",
        )
        .unwrap();
        assert_eq!(t.name, ThemeName::Light);
        assert_eq!(t.colors.person, ColorSpec(Some(Color::Rgb(0xff, 0x88, 0))));
        assert_eq!(t.colors.place, ColorSpec(Some(Color::LightGreen)));
        let err = toml::from_str::<ThemeSection>("[colors]\npersn = \"red\"\n").unwrap_err();
        assert!(err.to_string().contains("persn"), "{err}");
        let err = toml::from_str::<ThemeSection>("[colors]\nperson = \"reddish\"\n").unwrap_err();
        assert!(
            err.to_string().contains("unknown colour `reddish`"),
            "{err}"
        );
        let err = toml::from_str::<ReaderSection>("side-width = 95\n").unwrap_err();
        assert!(err.to_string().contains("between 10 and 80"), "{err}");
    }
}
