//! The key map: which key does which action, built from `[keys]`, and the
//! layered routing of a key press (overlays and modes first).

use std::collections::HashMap;

use crossterm::event::KeyEvent;

use super::action::{Action, COMMANDS, Command};
use super::app::{App, Mode};
use super::keys::{Code, KeyChord};
use super::settings::{CommandName, KeysSection};

/// Why a key map could not be built.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("[keys]: `{key}` is bound to both `{first}` and `{second}`; give one of them another key")]
pub struct KeyConflict {
    pub key: String,
    pub first: &'static str,
    pub second: &'static str,
}

/// Keys to actions, and each command's keys for the help and the status bar.
#[derive(Clone, Debug)]
pub struct KeyMap {
    by_key: HashMap<KeyChord, &'static Command>,
    /// Every command with its keys, in [`COMMANDS`] order.
    pub commands: Vec<(&'static Command, Vec<KeyChord>)>,
}

impl KeyMap {
    /// Build the map from `[keys]`; actions the section leaves out keep their defaults.
    pub fn new(section: &KeysSection) -> Result<Self, KeyConflict> {
        let complete = COMMANDS
            .iter()
            .all(|c| section.0.contains_key(&CommandName(c.name)));
        let defaults = if complete {
            KeysSection(Default::default())
        } else {
            KeysSection::default()
        };
        let mut by_key: HashMap<KeyChord, &'static Command> = HashMap::new();
        let mut commands = Vec::with_capacity(COMMANDS.len());
        for command in COMMANDS {
            let name = CommandName(command.name);
            let keys = section
                .0
                .get(&name)
                .or_else(|| defaults.0.get(&name))
                .cloned()
                .unwrap_or_default();
            for key in &keys {
                if key == &CTRL_C {
                    continue; // always quits; binding it again changes nothing
                }
                if let Some(other) = by_key.insert(*key, command)
                    && other.name != command.name
                {
                    return Err(KeyConflict {
                        key: key.to_string(),
                        first: other.name,
                        second: command.name,
                    });
                }
            }
            commands.push((command, keys));
        }
        Ok(KeyMap { by_key, commands })
    }

    /// The action bound to a key in normal reading.
    pub fn action(&self, key: &KeyChord) -> Option<Action> {
        self.by_key.get(key).map(|c| c.action)
    }

    /// The keys of the command that does `action`.
    pub fn keys_for(&self, action: Action) -> &[KeyChord] {
        self.commands
            .iter()
            .find(|(c, _)| c.action == action)
            .map(|(_, k)| k.as_slice())
            .unwrap_or(&[])
    }

    /// The first key of the command that does `action`, as the help writes it.
    pub fn key_label(&self, action: Action) -> Option<String> {
        self.keys_for(action).first().map(ToString::to_string)
    }
}

impl Default for KeyMap {
    fn default() -> Self {
        // The shipped bindings have no conflicts: a unit test builds them.
        KeyMap::new(&KeysSection::default()).unwrap_or_else(|e| panic!("built-in [keys]: {e}"))
    }
}

const CTRL_C: KeyChord = KeyChord::ctrl('c');

/// What a key press means in the reader's current state. The topmost layer
/// decides: Ctrl-c always quits, then the help overlay, then search input,
/// then the key map.
pub fn route(app: &App, event: &KeyEvent) -> Option<Action> {
    let key = KeyChord::from_event(event)?;
    if key == CTRL_C {
        return Some(Action::Quit);
    }
    if let Some(layer) = super::notes::route(app, event, key) {
        return layer;
    }
    let bound = app.keymap.action(&key);
    match app.mode {
        Mode::Help => match bound {
            Some(a @ (Action::ToggleHelp | Action::Cancel | Action::Quit)) => {
                Some(if a == Action::Quit {
                    a
                } else {
                    Action::ToggleHelp
                })
            }
            Some(a @ (Action::Down | Action::Up | Action::PageDown | Action::PageUp)) => Some(a),
            Some(
                a @ (Action::HalfPageDown | Action::HalfPageUp | Action::Top | Action::Bottom),
            ) => Some(a),
            _ => None,
        },
        Mode::SearchInput => match key.code {
            Code::Esc => Some(Action::Cancel),
            Code::Enter => Some(Action::SearchConfirm),
            Code::Backspace => Some(Action::SearchBackspace),
            Code::Char('u') if key.ctrl => Some(Action::SearchClear),
            Code::Char(c) if !key.ctrl && !key.alt => Some(Action::SearchInput(c)),
            _ => None,
        },
        Mode::Normal => bound,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[test]
    fn the_shipped_bindings_have_no_conflicts() {
        let map = KeyMap::new(&KeysSection::default()).unwrap();
        assert_eq!(map.action(&"n".parse().unwrap()), Some(Action::NextMention));
        assert_eq!(
            map.action(&"space".parse().unwrap()),
            Some(Action::PageDown)
        );
    }

    #[test]
    fn a_rebinding_replaces_the_default_keys_of_that_action_only() {
        let mut keys = BTreeMap::new();
        keys.insert(CommandName("next-mention"), vec!["m".parse().unwrap()]);
        let map = KeyMap::new(&KeysSection(keys)).unwrap();
        assert_eq!(map.action(&"m".parse().unwrap()), Some(Action::NextMention));
        assert_eq!(map.action(&"n".parse().unwrap()), None);
        assert_eq!(map.action(&"q".parse().unwrap()), Some(Action::Quit));
    }

    #[test]
    fn two_actions_on_one_key_is_an_error_naming_both() {
        let mut keys = BTreeMap::new();
        keys.insert(CommandName("copy"), vec!["n".parse().unwrap()]);
        let err = KeyMap::new(&KeysSection(keys)).unwrap_err().to_string();
        assert!(
            err.contains("next-mention") && err.contains("copy") && err.contains("`n`"),
            "{err}"
        );
    }
}
