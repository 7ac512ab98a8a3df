//! What the user means: every change to the reader's state is an [`Action`].
//! Keys map to actions through the key map; [`COMMANDS`] lists the actions a
//! key can be bound to, with their names in `config.toml`, their descriptions
//! and the layers ([`Layer`]) where their keys work.

use super::layer::Layer;

/// A pane of the reader. The side panes are stacked in this order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Pane {
    Article,
    People,
    Places,
    Quotes,
    Notes,
    /// The map of the places, over the article's area while it has the focus.
    Map,
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
            Pane::Map => "Map",
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
            Pane::Map => 5,
        }
    }

    pub fn is_list(self) -> bool {
        !matches!(self, Pane::Article | Pane::Map)
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
    /// Drop the search being typed and go back to where it began.
    SearchCancel,
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
    /// Highlight, annotate, keep and export (`super::note_taking`).
    Notes(NoteAction),
    /// The library's lists (`super::shelf`).
    Shelf(ShelfAction),
    /// Zoom, pan and choose a place on the map (`super::map`).
    Map(MapAction),
    /// Correct the analysis (`super::correcting`).
    Correct(CorrectAction),
    /// The feed list, its refresh, the next unread item, tags (`super::feedlist`).
    Feeds(FeedAction),
}

pub use super::correcting::CorrectAction;
pub use super::feedlist::FeedAction;
pub use super::map::MapAction;
pub use super::note_taking::NoteAction;
pub use super::passage::PassageAction;
pub use super::shelf::ShelfAction;

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
    /// result to [`super::note_taking::external_edit_done`].
    EditExternally(String),
    /// Open the library's article with this key (at this byte offset).
    OpenArticle {
        key: String,
        at: Option<usize>,
    },
    /// Open this file (from a folder's list, `gloss DIR`), as `gloss FILE`.
    OpenFile(std::path::PathBuf),
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
    /// Useful on the map.
    Map,
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
    Corrections,
    Map,
    General,
    SearchTyping,
    Editor,
    Prompts,
    Chooser,
    Library,
    LibrarySearch,
    Feeds,
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
            Group::Map => "On the map",
            Group::General => "General",
            Group::SearchTyping => "While typing a search",
            Group::Editor => "In the note editor",
            Group::Prompts => "In the tag prompt or a yes/no question",
            Group::Library => "In the library's lists (the library, W)",
            Group::LibrarySearch => "While typing a library search",
            Group::Feeds => "Feeds (the feed list, its items, the article's tags)",
            Group::Corrections => "Corrections of the analysis",
            Group::Chooser => "In a chooser (merge, split, kind, speaker, rename)",
        }
    }
}

/// An action a key can be bound to.
#[derive(Clone, Copy, Debug)]
pub struct KeyCommand {
    /// The name in `[keys]` of `config.toml`.
    pub name: &'static str,
    /// Where its keys work; within each of these layers, a key does one thing.
    pub layers: &'static [Layer],
    pub action: Action,
    /// What the help screen says it does.
    pub description: &'static str,
    pub group: Group,
    /// A one-word label for the status bar, where it earns a place there.
    pub hint: Option<(&'static str, Context)>,
}

const fn cmd(
    layers: &'static [Layer],
    name: &'static str,
    action: Action,
    group: Group,
    description: &'static str,
    hint: Option<(&'static str, Context)>,
) -> KeyCommand {
    KeyCommand {
        name,
        layers,
        action,
        description,
        group,
        hint,
    }
}

use Context as C;
use Group as G;

/// Keys of the reading only.
const READ: &[Layer] = &[Layer::Normal];
/// Keys that move in the reading, the help, the library's and the feeds' lists.
const MOVE: &[Layer] = &[Layer::Normal, Layer::Help, Layer::Library, Layer::Feeds];
const LIBRARY: &[Layer] = &[Layer::Library];
const LIBRARY_SEARCH: &[Layer] = &[Layer::LibrarySearch];
/// Keys of the reading that work on the map too (panes, help, quit).
const READ_MAP: &[Layer] = &[Layer::Normal, Layer::Map];
/// Keys of the reading, the help and the map (Esc).
const READ_HELP_MAP: &[Layer] = &[Layer::Normal, Layer::Help, Layer::Map];
/// Keys that work everywhere but in typing: help and quit.
const GENERAL: &[Layer] = &[
    Layer::Normal,
    Layer::Help,
    Layer::Library,
    Layer::Map,
    Layer::Feeds,
];
/// Keys of the feed list.
const FEEDS: &[Layer] = &[Layer::Feeds];
/// Keys of the reading and the library that reach the feeds.
const READ_LIBRARY: &[Layer] = &[Layer::Normal, Layer::Library];
/// Keys of the reading, the library and the feeds: the refresh.
const READ_LIBRARY_FEEDS: &[Layer] = &[Layer::Normal, Layer::Library, Layer::Feeds];
const ARTICLE_TAG: &[Layer] = &[Layer::ArticleTag];
/// Keys of the map only.
const MAP: &[Layer] = &[Layer::Map];
const SEARCH: &[Layer] = &[Layer::Search];
const EDITOR: &[Layer] = &[Layer::Editor];
const PROMPT: &[Layer] = &[Layer::Prompt];
const QUESTION: &[Layer] = &[Layer::Question];
const CHOOSER: &[Layer] = &[Layer::Chooser];

/// Every bindable action, in the order the help screen lists them.
#[rustfmt::skip]
pub const COMMANDS: &[KeyCommand] = &[
    cmd(MOVE, "down", Action::Down, G::Move, "Scroll down a line; in a list, the next row", Some(("move", C::Global))),
    cmd(MOVE, "up", Action::Up, G::Move, "Scroll up a line; in a list, the previous row", None),
    cmd(MOVE, "half-page-down", Action::HalfPageDown, G::Move, "Scroll down half a page", None),
    cmd(MOVE, "half-page-up", Action::HalfPageUp, G::Move, "Scroll up half a page", None),
    cmd(MOVE, "page-down", Action::PageDown, G::Move, "Scroll down a page", Some(("page", C::Article))),
    cmd(MOVE, "page-up", Action::PageUp, G::Move, "Scroll up a page", None),
    cmd(MOVE, "top", Action::Top, G::Move, "Go to the top (of the article or the list)", None),
    cmd(MOVE, "bottom", Action::Bottom, G::Move, "Go to the end (of the article or the list)", None),
    cmd(READ_MAP, "next-pane", Action::NextPane, G::Panes, "Focus the next pane", Some(("pane", C::Global))),
    cmd(READ_MAP, "previous-pane", Action::PreviousPane, G::Panes, "Focus the previous pane", None),
    cmd(READ_MAP, "focus-article", Action::FocusPane(Pane::Article), G::Panes, "Focus the article", None),
    cmd(READ_MAP, "focus-people", Action::FocusPane(Pane::People), G::Panes, "Focus People & organisations", None),
    cmd(READ_MAP, "focus-places", Action::FocusPane(Pane::Places), G::Panes, "Focus Places", None),
    cmd(READ_MAP, "focus-quotes", Action::FocusPane(Pane::Quotes), G::Panes, "Focus Quotes", None),
    cmd(READ_MAP, "focus-notes", Action::FocusPane(Pane::Notes), G::Panes, "Focus Notes", None),
    cmd(READ_MAP, "focus-map", Action::FocusPane(Pane::Map), G::Panes, "Show the map of the places and focus it", Some(("map", C::Entities))),
    cmd(READ, "jump", Action::Jump, G::Follow, "Go to the first mention, the quote, or the note's passage", Some(("go to", C::List))),
    cmd(READ_MAP, "next-mention", Action::NextMention, G::Follow, "Next mention of the selection (after a search: next match)", Some(("mentions", C::Entities))),
    cmd(READ_MAP, "previous-mention", Action::PreviousMention, G::Follow, "Previous mention of the selection (or previous match)", None),
    cmd(READ, "next-person", Action::NextPerson, G::Follow, "Next mention of any person after this point", Some(("person", C::Article))),
    cmd(READ, "previous-person", Action::PreviousPerson, G::Follow, "Previous mention of any person before this point", None),
    cmd(READ, "quote-filter", Action::ToggleQuoteFilter, G::Follow, "Quotes: only the selected person's, or all", Some(("filter", C::Quotes))),
    cmd(READ, "search", Action::SearchStart, G::Search, "Search the article as you type", Some(("search", C::Article))),
    cmd(READ_HELP_MAP, "cancel", Action::Cancel, G::Search, "Close help, end the search, clear the selection", None),
    cmd(READ_MAP, "full-width", Action::ToggleFullWidth, G::Reading, "Full-width reading: hide or show the side panes", Some(("wide", C::Article))),
    cmd(READ_MAP, "theme", Action::ToggleTheme, G::Reading, "Cycle the themes: dark, light, basic (16 colours)", None),
    cmd(READ, "open-url", Action::OpenUrl, G::Reading, "Open the article's URL in the browser", None),
    cmd(READ, "copy", Action::Copy, G::Reading, "Copy the quote or passage with its citation", Some(("copy", C::Quotes))),
    cmd(READ, "next-sentence", Action::Passage(PassageAction::NextSentence), G::Passage, "Reading cursor to the next sentence (in a selection: move its end)", None),
    cmd(READ, "previous-sentence", Action::Passage(PassageAction::PreviousSentence), G::Passage, "Reading cursor to the previous sentence (in a selection: move its end)", None),
    cmd(READ, "select", Action::Passage(PassageAction::Select), G::Passage, "Select a passage, starting with the current sentence; again to stop", None),
    cmd(READ, "next-word", Action::Passage(PassageAction::NextWord), G::Passage, "In a selection: move its end a word forward", Some(("word", C::Selection))),
    cmd(READ, "previous-word", Action::Passage(PassageAction::PreviousWord), G::Passage, "In a selection: move its end a word back", None),
    cmd(READ, "other-end", Action::Passage(PassageAction::OtherEnd), G::Passage, "In a selection: switch the end that moves (start or end)", Some(("other end", C::Selection))),
    cmd(READ, "highlight", Action::Notes(NoteAction::Highlight), G::Notes, "Highlight the passage (the selection or the current sentence); again to remove", Some(("highlight", C::Selection))),
    cmd(READ, "add-note", Action::Notes(NoteAction::Add), G::Notes, "Write a note on the passage, or on the selected person, place or quote", Some(("note", C::Selection))),
    cmd(READ, "edit-note", Action::Notes(NoteAction::Edit), G::Notes, "Notes: edit the selected note", Some(("edit", C::Notes))),
    cmd(READ, "delete-note", Action::Notes(NoteAction::Delete), G::Notes, "Notes: delete the selected note (asks first)", Some(("delete", C::Notes))),
    cmd(READ, "undo", Action::Notes(NoteAction::Undo), G::Notes, "Undo the last change: a note, a highlight or a correction", Some(("undo", C::Notes))),
    cmd(READ, "tag-filter", Action::Notes(NoteAction::FilterByTag), G::Notes, "Notes: show only the notes with a #tag", Some(("tag", C::Notes))),
    cmd(READ, "export", Action::Notes(NoteAction::Export), G::Notes, "Export the notes to the export folder ([export] in config.toml)", Some(("export", C::Notes))),
    cmd(READ, "rename", Action::Correct(CorrectAction::Rename), G::Corrections, "People, Places: give the entity another name", Some(("rename", C::Entities))),
    cmd(READ, "merge", Action::Correct(CorrectAction::Merge), G::Corrections, "People, Places: merge the entity into another (chosen)", Some(("merge", C::Entities))),
    cmd(READ, "split", Action::Correct(CorrectAction::Split), G::Corrections, "People, Places: split off the mention under the cursor (or all from it on)", None),
    cmd(READ, "not-a", Action::Correct(CorrectAction::NotA), G::Corrections, "People, Places: not a name; Quotes: not a quote", Some(("not a", C::Entities))),
    cmd(READ, "change-kind", Action::Correct(CorrectAction::Kind), G::Corrections, "People, Places: a person, an organisation or a place", None),
    cmd(READ, "set-speaker", Action::Correct(CorrectAction::Speaker), G::Corrections, "Quotes: who said it (chosen), or nobody named", None),
    cmd(READ, "make-entity", Action::Correct(CorrectAction::Entity), G::Corrections, "Article: the selection is a new entity, or a mention of one", Some(("entity", C::Selection))),
    cmd(READ, "promote", Action::Correct(CorrectAction::Promote), G::Corrections, "Keep the last not-a-name, kind or new name for every article (user lexicon)", None),
    cmd(MAP, "map-zoom-in", Action::Map(MapAction::ZoomIn), G::Map, "Map: zoom in", Some(("zoom", C::Map))),
    cmd(MAP, "map-zoom-out", Action::Map(MapAction::ZoomOut), G::Map, "Map: zoom out", None),
    cmd(MAP, "map-left", Action::Map(MapAction::Left), G::Map, "Map: pan west", Some(("pan", C::Map))),
    cmd(MAP, "map-right", Action::Map(MapAction::Right), G::Map, "Map: pan east", None),
    cmd(MAP, "map-up", Action::Map(MapAction::Up), G::Map, "Map: pan north", None),
    cmd(MAP, "map-down", Action::Map(MapAction::Down), G::Map, "Map: pan south", None),
    cmd(MAP, "map-next-place", Action::Map(MapAction::Next), G::Map, "Map: select the next place (in the Places pane too)", Some(("place", C::Map))),
    cmd(MAP, "map-previous-place", Action::Map(MapAction::Previous), G::Map, "Map: select the previous place", None),
    cmd(MAP, "map-fit", Action::Map(MapAction::Fit), G::Map, "Map: fit the view to the article's places again", None),
    cmd(GENERAL, "help", Action::ToggleHelp, G::General, "Show or hide this help", Some(("help", C::Global))),
    cmd(GENERAL, "quit", Action::Quit, G::General, "Quit (Ctrl-c always quits)", Some(("quit", C::Global))),
    cmd(SEARCH, "search-confirm", Action::SearchConfirm, G::SearchTyping, "Keep the matches, to step through them (next-mention)", None),
    cmd(SEARCH, "search-cancel", Action::SearchCancel, G::SearchTyping, "Drop the search and go back to where it began", None),
    cmd(SEARCH, "search-backspace", Action::SearchBackspace, G::SearchTyping, "Take back the last character of the search", None),
    cmd(SEARCH, "search-clear", Action::SearchClear, G::SearchTyping, "Clear the search (other keys are typed into it)", None),
    cmd(EDITOR, "save-note", Action::Notes(NoteAction::Save), G::Editor, "Save the note", None),
    cmd(EDITOR, "close-editor", Action::Notes(NoteAction::CloseEditor), G::Editor, "Close the editor (asks before throwing words away)", None),
    cmd(EDITOR, "external-editor", Action::Notes(NoteAction::EditExternally), G::Editor, "Continue in $VISUAL or $EDITOR (other keys are typed)", None),
    cmd(PROMPT, "tag-confirm", Action::Notes(NoteAction::TagConfirm), G::Prompts, "Tag prompt: show only the notes with this tag (empty: all)", None),
    cmd(PROMPT, "tag-cancel", Action::Notes(NoteAction::TagCancel), G::Prompts, "Tag prompt: go back to the filter before", None),
    cmd(PROMPT, "tag-backspace", Action::Notes(NoteAction::TagBackspace), G::Prompts, "Tag prompt: take back the last character", None),
    cmd(QUESTION, "answer-yes", Action::Notes(NoteAction::Answer(true)), G::Prompts, "Question: yes", None),
    cmd(QUESTION, "answer-no", Action::Notes(NoteAction::Answer(false)), G::Prompts, "Question: no", None),
    cmd(CHOOSER, "choose", Action::Correct(CorrectAction::Choose), G::Chooser, "Take the highlighted choice (rename: the typed name)", None),
    cmd(CHOOSER, "choose-next", Action::Correct(CorrectAction::ChooseNext), G::Chooser, "The next choice", None),
    cmd(CHOOSER, "choose-previous", Action::Correct(CorrectAction::ChoosePrevious), G::Chooser, "The previous choice", None),
    cmd(CHOOSER, "choose-backspace", Action::Correct(CorrectAction::Backspace), G::Chooser, "Take back a character of the filter (other keys are typed)", None),
    cmd(CHOOSER, "choose-close", Action::Correct(CorrectAction::Close), G::Chooser, "Close the chooser, changing nothing", None),
    cmd(READ, "library", Action::Shelf(ShelfAction::Open), G::Library, "The library: every article read, newest first", None),
    cmd(READ, "who", Action::Shelf(ShelfAction::Who), G::Library, "The other articles that mention the selected person, organisation or place", Some(("who", C::Entities))),
    cmd(LIBRARY, "library-open", Action::Shelf(ShelfAction::Enter), G::Library, "Open the article (from W: at the first mention)", None),
    cmd(LIBRARY, "library-back", Action::Shelf(ShelfAction::Back), G::Library, "Back to the article", None),
    cmd(LIBRARY, "library-search", Action::Shelf(ShelfAction::Search), G::Library, "Search titles and text (tag: site: is:unread is:starred has:notes person: place: after: before:)", None),
    cmd(LIBRARY, "library-star", Action::Shelf(ShelfAction::Star), G::Library, "Star the article, or take the star off", None),
    cmd(LIBRARY, "library-read", Action::Shelf(ShelfAction::ToggleRead), G::Library, "Mark the article read or unread", None),
    cmd(LIBRARY, "library-archive", Action::Shelf(ShelfAction::Archive), G::Library, "Archive the article (asks first)", None),
    cmd(LIBRARY, "library-forget", Action::Shelf(ShelfAction::Delete), G::Library, "Forget the article (asks first)", None),
    cmd(LIBRARY, "library-save", Action::Shelf(ShelfAction::Save), G::Library, "Save the search under a name: a list of its own, with its count, in the feed list", None),
    cmd(LIBRARY, "library-people", Action::Shelf(ShelfAction::People), G::Library, "The library's people: who is mentioned most this week; again: who is quoted most", None),
    cmd(LIBRARY_SEARCH, "library-search-confirm", Action::Shelf(ShelfAction::SearchConfirm), G::LibrarySearch, "Keep the search, back to the list", None),
    cmd(LIBRARY_SEARCH, "library-search-cancel", Action::Shelf(ShelfAction::SearchCancel), G::LibrarySearch, "Drop the search", None),
    cmd(LIBRARY_SEARCH, "library-search-backspace", Action::Shelf(ShelfAction::SearchBackspace), G::LibrarySearch, "Take back the last character (other keys are typed)", None),
    cmd(READ_LIBRARY, "feeds", Action::Feeds(FeedAction::Open), G::Feeds, "The feeds: each with its unread items, a broken one with its error", None),
    cmd(READ_LIBRARY_FEEDS, "feeds-refresh", Action::Feeds(FeedAction::Refresh), G::Feeds, "Refresh every feed in the background (the status line tells what came)", None),
    cmd(READ, "next-unread", Action::Feeds(FeedAction::NextUnread), G::Feeds, "Open the next unread feed item (this article's feed first)", None),
    cmd(READ, "tag", Action::Feeds(FeedAction::Tag), G::Feeds, "Add a tag to the article, or take it off (typed; tag: finds it)", None),
    cmd(FEEDS, "feeds-open", Action::Feeds(FeedAction::Enter), G::Feeds, "Feed list: the feed's items; on an item, open it (its page when the feed has a summary only)", None),
    cmd(FEEDS, "feeds-back", Action::Feeds(FeedAction::Back), G::Feeds, "Feed list: from the items to the feeds, from the feeds to the article", None),
    cmd(FEEDS, "feeds-read", Action::Feeds(FeedAction::ToggleRead), G::Feeds, "Feed list: mark the item read or unread", None),
    cmd(FEEDS, "feeds-all-read", Action::Feeds(FeedAction::ReadAll), G::Feeds, "Feed list: mark every item of the feed read", None),
    cmd(FEEDS, "feeds-star", Action::Feeds(FeedAction::Star), G::Feeds, "Feed list: star the item, or take the star off", None),
    cmd(ARTICLE_TAG, "tag-article-confirm", Action::Feeds(FeedAction::TagConfirm), G::Feeds, "Tag prompt: add the tag (or take it off if the article has it)", None),
    cmd(ARTICLE_TAG, "tag-article-cancel", Action::Feeds(FeedAction::TagCancel), G::Feeds, "Tag prompt: drop it", None),
    cmd(ARTICLE_TAG, "tag-article-backspace", Action::Feeds(FeedAction::TagBackspace), G::Feeds, "Tag prompt: take back the last character (other keys are typed)", None),
];

/// The command with this name in `[keys]`.
pub fn command_named(name: &str) -> Option<&'static KeyCommand> {
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

    #[test]
    fn each_action_has_one_command_and_each_command_a_layer() {
        // `KeyMap::keys_for(action)`, which the messages teach keys with, finds one command
        for (i, c) in COMMANDS.iter().enumerate() {
            assert!(!c.layers.is_empty(), "{} works nowhere", c.name);
            let twin = COMMANDS[i + 1..].iter().find(|d| d.action == c.action);
            assert!(
                twin.is_none(),
                "{} and {:?} do the same",
                c.name,
                twin.map(|d| d.name)
            );
        }
    }
}
