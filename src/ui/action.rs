//! What the user means: every change to the reader's state is an [`Action`].
//! Keys map to actions through the key map; [`COMMANDS`] lists the actions a
//! key can be bound to, with their names in `config.toml` and their descriptions.

/// A pane of the reader. The side panes are stacked in this order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Pane {
    Article,
    People,
    Places,
    Quotes,
    Notes,
}

impl Pane {
    /// The panes in focus order (`Tab`).
    pub const ALL: [Pane; 5] = [
        Pane::Article,
        Pane::People,
        Pane::Places,
        Pane::Quotes,
        Pane::Notes,
    ];

    /// The side panes, top to bottom.
    pub const SIDE: [Pane; 4] = [Pane::People, Pane::Places, Pane::Quotes, Pane::Notes];

    pub fn title(self) -> &'static str {
        match self {
            Pane::Article => "Article",
            Pane::People => "People & organisations",
            Pane::Places => "Places",
            Pane::Quotes => "Quotes",
            Pane::Notes => "Notes",
        }
    }

    /// The digit that focuses this pane by default (shown in the pane's border).
    pub fn number(self) -> u8 {
        match self {
            Pane::Article => 0,
            Pane::People => 1,
            Pane::Places => 2,
            Pane::Quotes => 3,
            Pane::Notes => 4,
        }
    }

    pub fn is_list(self) -> bool {
        self != Pane::Article
    }
}

/// Everything that can change the reader's state.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Scroll the article down a line, or move down a list.
    Down,
    Up,
    HalfPageDown,
    HalfPageUp,
    PageDown,
    PageUp,
    Top,
    Bottom,
    NextPane,
    PreviousPane,
    FocusPane(Pane),
    /// In a list: go to the entity's first mention, or to the quote.
    Jump,
    /// The next mention of the selected entity, or the next search match.
    NextMention,
    PreviousMention,
    /// The next mention of any person after the reading position.
    NextPerson,
    PreviousPerson,
    ToggleQuoteFilter,
    SearchStart,
    SearchInput(char),
    SearchBackspace,
    SearchClear,
    SearchConfirm,
    /// Close the topmost overlay or mode: help, search, selection.
    Cancel,
    ToggleFullWidth,
    ToggleTheme,
    OpenUrl,
    Copy,
    ToggleHelp,
    Quit,
    /// The terminal now has this many columns and rows.
    Resize {
        width: u16,
        height: u16,
    },
    /// A mouse click at a screen cell.
    Click {
        column: u16,
        row: u16,
    },
    /// The mouse wheel turned over a screen cell (`down` away from the user).
    Wheel {
        column: u16,
        row: u16,
        down: bool,
    },
    /// Move the reading cursor, or choose a passage (`super::passage`).
    Passage(PassageAction),
    /// Highlight, annotate, keep and export (`super::notes`).
    Notes(NoteAction),
}

pub use super::notes::NoteAction;
pub use super::passage::PassageAction;

/// Something the event loop must do outside the state, after an update.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    None,
    Quit,
    /// Put this text on the clipboard (OSC 52).
    Copy(String),
    /// Open this URL in the browser.
    OpenUrl(String),
    /// Continue the note in `$VISUAL`/`$EDITOR` with this text, then hand the
    /// result to [`super::notes::external_edit_done`].
    EditExternally(String),
}

/// Where a command is offered, for the status bar's hints.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Context {
    /// Useful everywhere.
    Global,
    /// Useful when the article pane has the focus.
    Article,
    /// Useful in any list.
    List,
    /// Useful in the people and places lists.
    Entities,
    /// Useful in the quotes list.
    Quotes,
    /// Useful in the notes list.
    Notes,
    /// Useful while a passage is selected.
    Selection,
}

/// The sections of the help screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Group {
    Move,
    Panes,
    Follow,
    Search,
    Reading,
    Passage,
    Notes,
    General,
}

impl Group {
    pub fn title(self) -> &'static str {
        match self {
            Group::Move => "Move",
            Group::Panes => "Panes",
            Group::Follow => "People, places, quotes",
            Group::Search => "Search",
            Group::Reading => "Reading",
            Group::Passage => "Reading cursor and selection",
            Group::Notes => "Highlights and notes",
            Group::General => "General",
        }
    }
}

/// An action a key can be bound to.
#[derive(Clone, Copy, Debug)]
pub struct Command {
    /// The name in `[keys]` of `config.toml`.
    pub name: &'static str,
    pub action: Action,
    /// What the help screen says it does.
    pub description: &'static str,
    pub group: Group,
    /// A one-word label for the status bar, where it earns a place there.
    pub hint: Option<(&'static str, Context)>,
}

const fn cmd(
    name: &'static str,
    action: Action,
    group: Group,
    description: &'static str,
    hint: Option<(&'static str, Context)>,
) -> Command {
    Command {
        name,
        action,
        description,
        group,
        hint,
    }
}

use Context as C;
use Group as G;

/// Every bindable action, in the order the help screen lists them.
#[rustfmt::skip]
pub const COMMANDS: &[Command] = &[
    cmd("down", Action::Down, G::Move, "Scroll down a line; in a list, the next row", Some(("move", C::Global))),
    cmd("up", Action::Up, G::Move, "Scroll up a line; in a list, the previous row", None),
    cmd("half-page-down", Action::HalfPageDown, G::Move, "Scroll down half a page", None),
    cmd("half-page-up", Action::HalfPageUp, G::Move, "Scroll up half a page", None),
    cmd("page-down", Action::PageDown, G::Move, "Scroll down a page", Some(("page", C::Article))),
    cmd("page-up", Action::PageUp, G::Move, "Scroll up a page", None),
    cmd("top", Action::Top, G::Move, "Go to the top (of the article or the list)", None),
    cmd("bottom", Action::Bottom, G::Move, "Go to the end (of the article or the list)", None),
    cmd("next-pane", Action::NextPane, G::Panes, "Focus the next pane", Some(("pane", C::Global))),
    cmd("previous-pane", Action::PreviousPane, G::Panes, "Focus the previous pane", None),
    cmd("focus-article", Action::FocusPane(Pane::Article), G::Panes, "Focus the article", None),
    cmd("focus-people", Action::FocusPane(Pane::People), G::Panes, "Focus People & organisations", None),
    cmd("focus-places", Action::FocusPane(Pane::Places), G::Panes, "Focus Places", None),
    cmd("focus-quotes", Action::FocusPane(Pane::Quotes), G::Panes, "Focus Quotes", None),
    cmd("focus-notes", Action::FocusPane(Pane::Notes), G::Panes, "Focus Notes", None),
    cmd("jump", Action::Jump, G::Follow, "Go to the first mention, or to the quote", Some(("go to", C::List))),
    cmd("next-mention", Action::NextMention, G::Follow, "Next mention of the selection (after a search: next match)", Some(("mentions", C::Entities))),
    cmd("previous-mention", Action::PreviousMention, G::Follow, "Previous mention of the selection (or previous match)", None),
    cmd("next-person", Action::NextPerson, G::Follow, "Next mention of any person after this point", Some(("person", C::Article))),
    cmd("previous-person", Action::PreviousPerson, G::Follow, "Previous mention of any person before this point", None),
    cmd("quote-filter", Action::ToggleQuoteFilter, G::Follow, "Quotes: only the selected person's, or all", Some(("filter", C::Quotes))),
    cmd("search", Action::SearchStart, G::Search, "Search the article as you type", Some(("search", C::Article))),
    cmd("cancel", Action::Cancel, G::Search, "Close help, end the search, clear the selection", None),
    cmd("full-width", Action::ToggleFullWidth, G::Reading, "Full-width reading: hide or show the side panes", Some(("wide", C::Article))),
    cmd("theme", Action::ToggleTheme, G::Reading, "Cycle the themes: dark, light, basic (16 colours)", None),
    cmd("open-url", Action::OpenUrl, G::Reading, "Open the article's URL in the browser", None),
    cmd("copy", Action::Copy, G::Reading, "Copy the quote or passage with its citation", Some(("copy", C::Quotes))),
    cmd("next-sentence", Action::Passage(PassageAction::NextSentence), G::Passage, "Reading cursor to the next sentence (in a selection: move its end)", None),
    cmd("previous-sentence", Action::Passage(PassageAction::PreviousSentence), G::Passage, "Reading cursor to the previous sentence (in a selection: move its end)", None),
    cmd("select", Action::Passage(PassageAction::Select), G::Passage, "Select a passage, starting with the current sentence; again to stop", None),
    cmd("next-word", Action::Passage(PassageAction::NextWord), G::Passage, "In a selection: move its end a word forward", Some(("word", C::Selection))),
    cmd("previous-word", Action::Passage(PassageAction::PreviousWord), G::Passage, "In a selection: move its end a word back", None),
    cmd("other-end", Action::Passage(PassageAction::OtherEnd), G::Passage, "In a selection: switch the end that moves (start or end)", Some(("other end", C::Selection))),
    cmd("highlight", Action::Notes(NoteAction::Highlight), G::Notes, "Highlight the passage (the selection or the current sentence); again to remove", Some(("highlight", C::Selection))),
    cmd("add-note", Action::Notes(NoteAction::Add), G::Notes, "Write a note on the passage, or on the selected person, place or quote", Some(("note", C::Selection))),
    cmd("edit-note", Action::Notes(NoteAction::Edit), G::Notes, "Notes: edit the selected note", Some(("edit", C::Notes))),
    cmd("delete-note", Action::Notes(NoteAction::Delete), G::Notes, "Notes: delete the selected note (asks first)", Some(("delete", C::Notes))),
    cmd("undo", Action::Notes(NoteAction::Undo), G::Notes, "Undo the last change to the notes", Some(("undo", C::Notes))),
    cmd("tag-filter", Action::Notes(NoteAction::FilterByTag), G::Notes, "Notes: show only the notes with a #tag", Some(("tag", C::Notes))),
    cmd("export", Action::Notes(NoteAction::Export), G::Notes, "Export the notes to the export folder ([export] in config.toml)", Some(("export", C::Notes))),
    cmd("save-note", Action::Notes(NoteAction::Save), G::Notes, "In the note editor: save the note", None),
    cmd("external-editor", Action::Notes(NoteAction::EditExternally), G::Notes, "In the note editor: continue in $VISUAL or $EDITOR", None),
    cmd("help", Action::ToggleHelp, G::General, "Show or hide this help", Some(("help", C::Global))),
    cmd("quit", Action::Quit, G::General, "Quit (Ctrl-c always quits)", Some(("quit", C::Global))),
];

/// The command with this name in `[keys]`.
pub fn command_named(name: &str) -> Option<&'static Command> {
    COMMANDS.iter().find(|c| c.name == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn command_names_are_unique_kebab_case() {
        let mut names: Vec<_> = COMMANDS.iter().map(|c| c.name).collect();
        assert!(
            names
                .iter()
                .all(|n| n.chars().all(|c| c.is_ascii_lowercase() || c == '-'))
        );
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), COMMANDS.len());
    }
}
