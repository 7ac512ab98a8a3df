//! Who has the keyboard. The reader is a stack of layers: the reading at the
//! bottom, over it the search being typed or the help, the note editor, and
//! at the top a prompt or a question in the status bar. A key goes to the
//! topmost active layer, and only to it ([`super::keymap::route`]): each layer
//! has its own keys in [`super::action::COMMANDS`], so one key may mean
//! different things in different layers, but only one thing in each.

use crossterm::event::KeyEvent;

use super::action::{Action, NoteAction};
use super::app::{App, Mode};
use super::keys::{Code, KeyChord};
use super::note_taking::Prompt;

/// A layer that can have the keyboard. A pane that takes keys of its own (a
/// map, the library, feeds) comes in as one more layer here, with its
/// commands in the table and its place in [`topmost`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Layer {
    /// Reading: the article and the side panes.
    Normal,
    /// Typing a search query; keys no command takes are typed.
    Search,
    /// The help overlay.
    Help,
    /// The note editor; keys no command takes are typed into the note.
    Editor,
    /// A line typed in the status bar (the tag to filter the notes by); keys
    /// no command takes are typed.
    Prompt,
    /// A yes/no question in the status bar.
    Question,
    /// The library's lists (`super::shelf`): the library, `W`'s.
    Library,
    /// Typing a library search; keys no command takes are typed.
    LibrarySearch,
    /// The map has the focus: its keys zoom and pan, the panes' keys work.
    Map,
    /// A chooser of a correction in the status bar; keys no command takes
    /// are typed into its filter.
    Chooser,
    /// The feed list and a feed's items (`super::feedlist`).
    Feeds,
    /// Typing a tag for the open article; keys no command takes are typed.
    ArticleTag,
}

impl Layer {
    /// Where the layer's keys work, for error messages: "`n` is bound to
    /// both `a` and `b` {where}".
    pub fn place(self) -> &'static str {
        match self {
            Layer::Normal => "while reading",
            Layer::Search => "while typing a search",
            Layer::Help => "in the help",
            Layer::Editor => "in the note editor",
            Layer::Prompt => "in the tag prompt",
            Layer::Question => "in a yes/no question",
            Layer::Library => "in the library's lists",
            Layer::LibrarySearch => "while typing a library search",
            Layer::Map => "on the map",
            Layer::Chooser => "in a chooser",
            Layer::Feeds => "in the feed list",
            Layer::ArticleTag => "in the article's tag prompt",
        }
    }

    /// What a key that no command of this layer takes does: text layers
    /// type it, the others leave it alone.
    pub fn unbound_key(self, event: &KeyEvent, key: KeyChord) -> Option<Action> {
        let typed = match key.code {
            Code::Char(c) if !key.ctrl && !key.alt => Some(c),
            _ => None,
        };
        match self {
            Layer::Search => typed.map(Action::SearchInput),
            Layer::Prompt => typed.map(|c| Action::Notes(NoteAction::TagInput(c))),
            Layer::Editor => Some(Action::Notes(NoteAction::Type(*event))),
            Layer::LibrarySearch => {
                typed.map(|c| Action::Shelf(super::shelf::ShelfAction::Type(c)))
            }
            Layer::Chooser => typed.map(|c| Action::Correct(super::action::CorrectAction::Type(c))),
            Layer::ArticleTag => {
                typed.map(|c| Action::Feeds(super::feedlist::FeedAction::TagType(c)))
            }
            Layer::Normal
            | Layer::Help
            | Layer::Question
            | Layer::Library
            | Layer::Map
            | Layer::Feeds => None,
        }
    }

    /// Whether the layer holds back what would change the reading behind
    /// it: a click, the wheel, a move of the reading cursor.
    pub fn holds_back(self, action: &Action) -> bool {
        matches!(
            self,
            Layer::Editor | Layer::Prompt | Layer::Question | Layer::Chooser | Layer::ArticleTag
        ) && matches!(
            action,
            Action::Click { .. } | Action::Wheel { .. } | Action::Passage(_)
        )
    }
}

/// The layer that has the keyboard now: a prompt or a question over the
/// note editor, over the help or the search being typed, over the reading.
pub fn topmost(app: &App) -> Layer {
    if app.chooser.is_some() {
        return Layer::Chooser;
    }
    if app.feeds.tag.is_some() {
        return Layer::ArticleTag;
    }
    if app.feeds.pane.is_some() {
        return if app.mode == Mode::Help {
            Layer::Help
        } else {
            Layer::Feeds
        };
    }
    if let Some(shelf) = &app.shelf {
        let typing = shelf.typing || shelf.naming.is_some();
        return match (&shelf.confirm, typing, app.mode) {
            (Some(_), _, _) => Layer::Question,
            (None, true, _) => Layer::LibrarySearch,
            (None, false, Mode::Help) => Layer::Help,
            (None, false, _) => Layer::Library,
        };
    }
    match (&app.notes.prompt, &app.notes.editor, app.mode) {
        (Some(Prompt::Confirm(_)), _, _) => Layer::Question,
        (Some(Prompt::Tag { .. }), _, _) => Layer::Prompt,
        (None, Some(_), _) => Layer::Editor,
        (None, None, Mode::Help) => Layer::Help,
        (None, None, Mode::SearchInput) => Layer::Search,
        (None, None, Mode::Normal) if app.focus == super::action::Pane::Map => Layer::Map,
        (None, None, Mode::Normal) => Layer::Normal,
    }
}
