//! The key map: which key does which action in each [`Layer`], built from
//! `[keys]`, and the routing of a key press: to the topmost layer only.

use std::collections::HashMap;

use crossterm::event::KeyEvent;

use super::action::{Action, COMMANDS, KeyCommand};
use super::app::App;
use super::keys::KeyChord;
use super::layer::{self, Layer};
use super::settings::{CommandName, KeysSection};

/// Why a key map could not be built: one key for two actions in one layer,
/// or `Ctrl-c` (which always quits) for another action than `quit`
/// (`first` is then [`CTRL_C_QUITS`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyConflict {
    pub key: String,
    pub first: &'static str,
    pub second: &'static str,
    pub layer: Layer,
}

/// The `first` of a [`KeyConflict`] over `Ctrl-c`: no action's name.
pub const CTRL_C_QUITS: &str = "(Ctrl-c always quits)";

impl std::fmt::Display for KeyConflict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.first == CTRL_C_QUITS {
            write!(
                f,
                "`Ctrl-c` always quits gloss and cannot be bound to `{}`; give it another key",
                self.second
            )
        } else {
            write!(
                f,
                "`{}` is bound to both `{}` and `{}` {}; give one of them another key",
                self.key,
                self.first,
                self.second,
                self.layer.place()
            )
        }
    }
}

impl std::error::Error for KeyConflict {}

/// Keys to actions, per layer, and each command's keys for the help and the
/// status bar.
#[derive(Clone, Debug)]
pub struct KeyMap {
    by_key: HashMap<(Layer, KeyChord), &'static KeyCommand>,
    /// Every command with its keys, in [`COMMANDS`] order.
    pub commands: Vec<(&'static KeyCommand, Vec<KeyChord>)>,
}

impl KeyMap {
    /// Build the map from `[keys]`; actions the section leaves out keep their
    /// defaults. Within a layer a key may do one thing only; the same key may
    /// do different things in different layers (`Esc`, `Enter`, `Ctrl-u`).
    pub fn new(section: &KeysSection) -> Result<Self, KeyConflict> {
        let complete = COMMANDS
            .iter()
            .all(|c| section.0.contains_key(&CommandName(c.name)));
        let defaults = if complete {
            KeysSection(Default::default())
        } else {
            KeysSection::default()
        };
        let mut by_key: HashMap<(Layer, KeyChord), &'static KeyCommand> = HashMap::new();
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
                    if command.action == Action::Quit {
                        continue; // always quits; binding it again changes nothing
                    }
                    // it would never reach the action: refused, not ignored
                    return Err(KeyConflict {
                        key: key.to_string(),
                        first: CTRL_C_QUITS,
                        second: command.name,
                        layer: command.layers.first().copied().unwrap_or(Layer::Normal),
                    });
                }
                for &layer in command.layers {
                    if let Some(other) = by_key.insert((layer, *key), command)
                        && other.name != command.name
                    {
                        return Err(KeyConflict {
                            key: key.to_string(),
                            first: other.name,
                            second: command.name,
                            layer,
                        });
                    }
                }
            }
            commands.push((command, keys));
        }
        Ok(KeyMap { by_key, commands })
    }

    /// The action bound to a key in a layer.
    pub fn action(&self, layer: Layer, key: &KeyChord) -> Option<Action> {
        self.by_key.get(&(layer, *key)).map(|c| c.action)
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

/// What a key press means in the reader's current state: Ctrl-c always
/// quits; any other key goes to the topmost layer ([`layer::topmost`]), to
/// the command bound to it there, else to what the layer does with keys no
/// command takes (a search or a note types them). Layers below never see it.
pub fn route(app: &App, event: &KeyEvent) -> Option<Action> {
    let key = KeyChord::from_event(event)?;
    if key == CTRL_C {
        return Some(Action::Quit);
    }
    let layer = layer::topmost(app);
    app.keymap
        .action(layer, &key)
        .or_else(|| layer.unbound_key(event, key))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::action::NoteAction;
    use std::collections::BTreeMap;

    fn key(s: &str) -> KeyChord {
        s.parse().unwrap()
    }

    fn rebind(pairs: &[(&'static str, &str)]) -> Result<KeyMap, KeyConflict> {
        let keys = pairs
            .iter()
            .map(|&(name, k)| (CommandName(name), vec![key(k)]))
            .collect::<BTreeMap<_, _>>();
        KeyMap::new(&KeysSection(keys))
    }

    #[test]
    fn the_shipped_bindings_have_no_conflicts() {
        let map = KeyMap::new(&KeysSection::default()).unwrap();
        assert_eq!(
            map.action(Layer::Normal, &key("n")),
            Some(Action::NextMention)
        );
        assert_eq!(
            map.action(Layer::Normal, &key("space")),
            Some(Action::PageDown)
        );
    }

    #[test]
    fn a_rebinding_replaces_the_default_keys_of_that_action_only() {
        let mut keys = BTreeMap::new();
        keys.insert(CommandName("next-mention"), vec!["i".parse().unwrap()]);
        let map = KeyMap::new(&KeysSection(keys)).unwrap();
        assert_eq!(
            map.action(Layer::Normal, &key("i")),
            Some(Action::NextMention)
        );
        assert_eq!(map.action(Layer::Normal, &key("n")), None);
        assert_eq!(map.action(Layer::Normal, &key("q")), Some(Action::Quit));
    }

    #[test]
    fn ctrl_c_for_another_action_than_quit_is_refused_with_a_message() {
        let err = rebind(&[("copy", "ctrl-c")]).unwrap_err();
        assert_eq!(
            err.to_string(),
            "`Ctrl-c` always quits gloss and cannot be bound to `copy`; give it another key"
        );
        // for quit it is what it does anyway
        let map = rebind(&[("quit", "ctrl-c")]).unwrap();
        assert_eq!(map.action(Layer::Normal, &key("q")), None);
    }

    #[test]
    fn two_actions_on_one_key_is_an_error_naming_both() {
        let err = rebind(&[("copy", "n")]).unwrap_err().to_string();
        assert!(
            err.contains("next-mention") && err.contains("copy") && err.contains("`n`"),
            "{err}"
        );
    }

    #[test]
    fn a_conflict_within_a_text_layer_is_an_error_naming_both_and_the_layer() {
        let err = rebind(&[("search-clear", "enter")]).unwrap_err();
        assert_eq!(err.layer, Layer::Search);
        assert_eq!(
            err.to_string(),
            "`Enter` is bound to both `search-confirm` and `search-clear` while \
             typing a search; give one of them another key"
        );
        let err = rebind(&[("answer-yes", "n")]).unwrap_err().to_string();
        assert!(
            err.contains("`answer-yes`") && err.contains("`answer-no`") && err.contains("yes/no"),
            "{err}"
        );
    }

    #[test]
    fn the_same_key_may_mean_different_things_in_different_layers() {
        let map = KeyMap::default();
        let esc = key("esc");
        let by_layer = |k: &KeyChord| {
            [
                Layer::Normal,
                Layer::Search,
                Layer::Editor,
                Layer::Prompt,
                Layer::Question,
            ]
            .map(|layer| map.action(layer, k))
        };
        assert_eq!(
            by_layer(&esc),
            [
                Some(Action::Cancel),
                Some(Action::SearchCancel),
                Some(Action::Notes(NoteAction::CloseEditor)),
                Some(Action::Notes(NoteAction::TagCancel)),
                Some(Action::Notes(NoteAction::Answer(false))),
            ]
        );
        assert_eq!(map.action(Layer::Help, &esc), Some(Action::Cancel));
        // half a page up while reading, clear the query while typing a search
        assert_eq!(
            map.action(Layer::Normal, &key("ctrl-u")),
            Some(Action::HalfPageUp)
        );
        assert_eq!(
            map.action(Layer::Search, &key("ctrl-u")),
            Some(Action::SearchClear)
        );
        // a key rebound into another layer's key is no conflict either
        let map = rebind(&[("save-note", "q"), ("search-confirm", "tab")]).unwrap();
        assert_eq!(map.action(Layer::Normal, &key("q")), Some(Action::Quit));
        assert_eq!(
            map.action(Layer::Editor, &key("q")),
            Some(Action::Notes(NoteAction::Save))
        );
        assert_eq!(
            map.action(Layer::Normal, &key("tab")),
            Some(Action::NextPane)
        );
        assert_eq!(
            map.action(Layer::Search, &key("tab")),
            Some(Action::SearchConfirm)
        );
    }

    #[test]
    fn the_help_shares_the_reading_keys_that_scroll_close_and_quit_only() {
        let map = KeyMap::default();
        assert_eq!(map.action(Layer::Help, &key("j")), Some(Action::Down));
        assert_eq!(map.action(Layer::Help, &key("?")), Some(Action::ToggleHelp));
        assert_eq!(map.action(Layer::Help, &key("n")), None);
        assert_eq!(
            map.action(Layer::Search, &key("j")),
            None,
            "typed, not a command"
        );
    }
}
