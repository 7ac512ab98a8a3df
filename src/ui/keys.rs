//! Keys as the configuration writes them (`g`, `G`, `?`, `space`, `ctrl-d`,
//! `shift-tab`, `pgdn`) and as crossterm reports them.

use std::fmt;
use std::str::FromStr;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::{Deserialize, Deserializer};

/// One key with its modifiers. Letters carry their case instead of a Shift
/// modifier (`G`, not `shift-g`), as terminals report them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct KeyChord {
    pub code: Code,
    pub ctrl: bool,
    pub alt: bool,
}

/// The key itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Code {
    Char(char),
    Enter,
    Esc,
    Tab,
    BackTab,
    Backspace,
    Delete,
    Insert,
    Up,
    Down,
    Left,
    Right,
    Home,
    End,
    PageUp,
    PageDown,
    F(u8),
}

/// Why a key name was not understood.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown key `{0}` (keys are written like `g`, `G`, `?`, `space`, `enter`, `esc`, `tab`, `shift-tab`, `ctrl-d`, `alt-x`, `pgdn`, `up`, `f1`)"
)]
pub struct UnknownKey(pub String);

const NAMED: &[(&str, Code)] = &[
    ("space", Code::Char(' ')),
    ("enter", Code::Enter),
    ("return", Code::Enter),
    ("esc", Code::Esc),
    ("escape", Code::Esc),
    ("tab", Code::Tab),
    ("backtab", Code::BackTab),
    ("backspace", Code::Backspace),
    ("delete", Code::Delete),
    ("del", Code::Delete),
    ("insert", Code::Insert),
    ("up", Code::Up),
    ("down", Code::Down),
    ("left", Code::Left),
    ("right", Code::Right),
    ("home", Code::Home),
    ("end", Code::End),
    ("pgup", Code::PageUp),
    ("pageup", Code::PageUp),
    ("pgdn", Code::PageDown),
    ("pagedown", Code::PageDown),
    ("minus", Code::Char('-')),
];

impl KeyChord {
    pub const fn plain(code: Code) -> Self {
        KeyChord {
            code,
            ctrl: false,
            alt: false,
        }
    }

    pub const fn ctrl(c: char) -> Self {
        KeyChord {
            code: Code::Char(c),
            ctrl: true,
            alt: false,
        }
    }

    /// The chord a crossterm key event stands for, if it is one gloss can bind.
    pub fn from_event(event: &KeyEvent) -> Option<Self> {
        let code = match event.code {
            KeyCode::Char(c) => {
                // Ctrl+letter arrives lower-case; keep letters' case otherwise.
                let c = if event.modifiers.contains(KeyModifiers::CONTROL) {
                    c.to_ascii_lowercase()
                } else {
                    c
                };
                Code::Char(c)
            }
            KeyCode::Enter => Code::Enter,
            KeyCode::Esc => Code::Esc,
            KeyCode::Tab if event.modifiers.contains(KeyModifiers::SHIFT) => Code::BackTab,
            KeyCode::Tab => Code::Tab,
            KeyCode::BackTab => Code::BackTab,
            KeyCode::Backspace => Code::Backspace,
            KeyCode::Delete => Code::Delete,
            KeyCode::Insert => Code::Insert,
            KeyCode::Up => Code::Up,
            KeyCode::Down => Code::Down,
            KeyCode::Left => Code::Left,
            KeyCode::Right => Code::Right,
            KeyCode::Home => Code::Home,
            KeyCode::End => Code::End,
            KeyCode::PageUp => Code::PageUp,
            KeyCode::PageDown => Code::PageDown,
            KeyCode::F(n) => Code::F(n),
            _ => return None,
        };
        Some(KeyChord {
            code,
            ctrl: event.modifiers.contains(KeyModifiers::CONTROL),
            alt: event.modifiers.contains(KeyModifiers::ALT),
        })
    }
}

impl FromStr for KeyChord {
    type Err = UnknownKey;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let unknown = || UnknownKey(s.to_string());
        let mut chord = KeyChord::plain(Code::Esc);
        let mut rest = s;
        let mut shift = false;
        // A single character is always itself, even `-`.
        while rest.chars().count() > 1 {
            let lower = rest.to_ascii_lowercase();
            if let Some(r) = lower.strip_prefix("ctrl-") {
                chord.ctrl = true;
                rest = &rest[rest.len() - r.len()..];
            } else if let Some(r) = lower.strip_prefix("alt-") {
                chord.alt = true;
                rest = &rest[rest.len() - r.len()..];
            } else if let Some(r) = lower.strip_prefix("shift-") {
                shift = true;
                rest = &rest[rest.len() - r.len()..];
            } else {
                break;
            }
        }
        let mut chars = rest.chars();
        chord.code = match (chars.next(), chars.next()) {
            (Some(c), None) if !c.is_control() => {
                if chord.ctrl {
                    Code::Char(c.to_ascii_lowercase())
                } else if shift {
                    Code::Char(c.to_uppercase().next().unwrap_or(c))
                } else {
                    Code::Char(c)
                }
            }
            (Some(_), Some(_)) => {
                let lower = rest.to_ascii_lowercase();
                if let Some(n) = lower.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()) {
                    (1..=24)
                        .contains(&n)
                        .then_some(Code::F(n))
                        .ok_or_else(unknown)?
                } else {
                    NAMED
                        .iter()
                        .find(|(name, _)| *name == lower)
                        .map(|(_, code)| *code)
                        .ok_or_else(unknown)?
                }
            }
            _ => return Err(unknown()),
        };
        if shift {
            match chord.code {
                Code::Tab => chord.code = Code::BackTab,
                Code::Char(c) if c.is_alphabetic() && !chord.ctrl => {}
                _ => return Err(unknown()),
            }
        }
        Ok(chord)
    }
}

impl fmt::Display for KeyChord {
    /// The key as the help screen shows it: `g`, `G`, `Ctrl-d`, `Shift-Tab`, `PgDn`, `Space`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("Ctrl-")?;
        }
        if self.alt {
            f.write_str("Alt-")?;
        }
        match self.code {
            Code::Char(' ') => f.write_str("Space"),
            Code::Char(c) => write!(f, "{c}"),
            Code::Enter => f.write_str("Enter"),
            Code::Esc => f.write_str("Esc"),
            Code::Tab => f.write_str("Tab"),
            Code::BackTab => f.write_str("Shift-Tab"),
            Code::Backspace => f.write_str("Backspace"),
            Code::Delete => f.write_str("Del"),
            Code::Insert => f.write_str("Ins"),
            Code::Up => f.write_str("↑"),
            Code::Down => f.write_str("↓"),
            Code::Left => f.write_str("←"),
            Code::Right => f.write_str("→"),
            Code::Home => f.write_str("Home"),
            Code::End => f.write_str("End"),
            Code::PageUp => f.write_str("PgUp"),
            Code::PageDown => f.write_str("PgDn"),
            Code::F(n) => write!(f, "F{n}"),
        }
    }
}

impl<'de> Deserialize<'de> for KeyChord {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(s: &str) -> KeyChord {
        s.parse().unwrap()
    }

    #[test]
    fn names_from_the_configuration_parse() {
        assert_eq!(key("g"), KeyChord::plain(Code::Char('g')));
        assert_eq!(key("G"), KeyChord::plain(Code::Char('G')));
        assert_eq!(key("?"), KeyChord::plain(Code::Char('?')));
        assert_eq!(key("-"), KeyChord::plain(Code::Char('-')));
        assert_eq!(key("space"), KeyChord::plain(Code::Char(' ')));
        assert_eq!(key("enter"), KeyChord::plain(Code::Enter));
        assert_eq!(key("esc"), KeyChord::plain(Code::Esc));
        assert_eq!(key("tab"), KeyChord::plain(Code::Tab));
        assert_eq!(key("shift-tab"), KeyChord::plain(Code::BackTab));
        assert_eq!(key("ctrl-d"), KeyChord::ctrl('d'));
        assert_eq!(key("Ctrl-D"), KeyChord::ctrl('d'));
        assert_eq!(key("pgdn"), KeyChord::plain(Code::PageDown));
        assert_eq!(key("f5"), KeyChord::plain(Code::F(5)));
        assert_eq!(key("shift-g"), key("G"));
        assert!(key("alt-x").alt);
    }

    #[test]
    fn unknown_names_are_errors_that_say_how_keys_are_written() {
        for bad in ["", "pagdn", "ctrl-", "shift-1", "f99", "\u{1b}"] {
            let err = bad.parse::<KeyChord>().unwrap_err();
            assert!(err.to_string().contains("keys are written like"), "{bad}");
        }
    }

    #[test]
    fn terminal_events_match_the_written_names() {
        let ev = |code, modifiers| KeyChord::from_event(&KeyEvent::new(code, modifiers));
        assert_eq!(ev(KeyCode::Char('G'), KeyModifiers::SHIFT), Some(key("G")));
        assert_eq!(
            ev(KeyCode::Char('d'), KeyModifiers::CONTROL),
            Some(key("ctrl-d"))
        );
        assert_eq!(
            ev(KeyCode::BackTab, KeyModifiers::SHIFT),
            Some(key("shift-tab"))
        );
        assert_eq!(ev(KeyCode::Char('?'), KeyModifiers::SHIFT), Some(key("?")));
        assert_eq!(ev(KeyCode::PageDown, KeyModifiers::NONE), Some(key("pgdn")));
        assert_eq!(
            ev(KeyCode::Char(' '), KeyModifiers::NONE),
            Some(key("space"))
        );
    }

    #[test]
    fn keys_display_as_the_help_shows_them() {
        assert_eq!(key("ctrl-d").to_string(), "Ctrl-d");
        assert_eq!(key("shift-tab").to_string(), "Shift-Tab");
        assert_eq!(key("space").to_string(), "Space");
        assert_eq!(key("G").to_string(), "G");
    }
}
