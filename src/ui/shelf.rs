//! The library's lists in the reader ([`super::layer::Layer::Library`]):
//! the articles kept, newest first, searched as you type (`/`, the
//! library's search language), and the other articles that mention a
//! person, organisation or place (`W`), with how often and what they said.
//! `Enter` opens the article under the cursor (at the first mention, from
//! `W`); `Esc` goes back to the article behind the list.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::action::{Action, Effect, NoteAction, Pane};
use super::app::{App, ListCursor};
use super::sanitize::sanitize;
use super::text_layout::truncate;
use crate::library::folder::FolderFile;
use crate::library::query::Query;
use crate::library::{Entry, Keeper, People, PersonCount, WhoHit, name_keys};

/// What the library's keys do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShelfAction {
    /// From the reading: the library's list (or back to it).
    Open,
    /// From the reading: the other articles that mention the selected one.
    Who,
    /// Open the article under the cursor.
    Enter,
    /// Close the list: back to the article behind it.
    Back,
    Search,
    Type(char),
    SearchBackspace,
    SearchConfirm,
    SearchCancel,
    /// Forget the article under the cursor (asks first).
    Delete,
    /// Archive it, or bring it back (asks first).
    Archive,
    Star,
    ToggleRead,
    /// The library's people: who is mentioned most this week; again, who
    /// is quoted most.
    People,
    /// Save the search under a name (typed): a list of its own, in the
    /// feed list.
    Save,
}

/// What the list shows.
#[derive(Clone, Debug, PartialEq)]
pub enum Rows {
    Library(Vec<Entry>),
    Who {
        name: String,
        hits: Vec<WhoHit>,
    },
    /// A folder's articles (`gloss DIR`), not kept until one is opened.
    Folder {
        dir: std::path::PathBuf,
        files: Vec<FolderFile>,
    },
    /// The library's people of the articles since `since`, ranked by
    /// mentions, or by quotes.
    People {
        since: i64,
        people: People,
        by_quotes: bool,
    },
}

/// How far back the people view looks: a week.
pub const PEOPLE_DAYS: i64 = 7;

/// How many people each ranking of the view lists.
pub const PEOPLE_LIMIT: usize = 100;

/// A question the list asks before it acts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Confirm {
    Delete(String),
    Archive(String),
}

/// The list's state.
#[derive(Clone, Debug, PartialEq)]
pub struct Shelf {
    pub rows: Rows,
    pub cursor: ListCursor,
    pub query: String,
    pub typing: bool,
    /// The name being typed for the search to save (`S`).
    pub naming: Option<String>,
    pub confirm: Option<Confirm>,
    /// A line for the status bar.
    pub message: Option<String>,
}

impl Shelf {
    pub fn len(&self) -> usize {
        match &self.rows {
            Rows::Library(e) => e.len(),
            Rows::Who { hits, .. } => hits.len(),
            Rows::People { .. } => self.people().len(),
            Rows::Folder { files, .. } => files.len(),
        }
    }

    /// The ranking the people view shows (none in the other lists).
    pub fn people(&self) -> &[PersonCount] {
        match &self.rows {
            Rows::People {
                people, by_quotes, ..
            } => {
                if *by_quotes {
                    &people.quoted
                } else {
                    &people.mentioned
                }
            }
            _ => &[],
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn entry(&self, i: usize) -> Option<&Entry> {
        match &self.rows {
            Rows::Library(e) => e.get(i),
            Rows::Who { hits, .. } => hits.get(i).map(|h| &h.entry),
            Rows::People { .. } | Rows::Folder { .. } => None,
        }
    }

    fn selected(&self) -> Option<&Entry> {
        self.entry(self.cursor.selected)
    }
}

/// The library's list, over `app` (an empty app for `gloss` alone).
pub fn library(keeper: &Keeper, query: &str) -> Result<Shelf, String> {
    let lib = keeper.open().map_err(|e| e.to_string())?;
    let q = Query::parse(query)?;
    let entries = lib.search(&q).map_err(|e| e.to_string())?;
    Ok(Shelf {
        rows: Rows::Library(entries),
        cursor: ListCursor::default(),
        query: query.to_string(),
        typing: false,
        naming: None,
        confirm: None,
        message: None,
    })
}

/// A folder's list (`gloss DIR`).
pub fn folder(dir: &std::path::Path, files: Vec<FolderFile>) -> Shelf {
    Shelf {
        rows: Rows::Folder {
            dir: dir.to_path_buf(),
            files,
        },
        cursor: ListCursor::default(),
        query: String::new(),
        typing: false,
        naming: None,
        confirm: None,
        message: None,
    }
}

/// Apply an action while the list is open; `None` for what the reader
/// does as usual (quit, help, resize).
pub fn update(app: &mut App, action: Action) -> Option<Effect> {
    let shelf = app.shelf.as_mut()?;
    if shelf.confirm.is_some()
        && let Action::Notes(NoteAction::Answer(yes)) = action
    {
        answer(app, yes);
        return Some(Effect::None);
    }
    let rows = list_rows(app);
    let shelf = app.shelf.as_mut()?;
    shelf.message = None;
    if let Some(delta) = ListCursor::delta(&action, rows) {
        let len = shelf.len();
        shelf.cursor.step(delta, len, rows);
        return Some(Effect::None);
    }
    match action {
        Action::Click { row, .. } => {
            // rows start below the title line
            if row >= 1 && usize::from(row) - 1 < rows {
                let i = shelf.cursor.offset + usize::from(row) - 1;
                if i < shelf.len() {
                    if i == shelf.cursor.selected {
                        return Some(enter(app));
                    }
                    shelf.cursor.selected = i;
                }
            }
        }
        Action::Shelf(a) => return Some(shelf_action(app, a)),
        Action::Cancel => app.shelf = None,
        _ => return None,
    }
    Some(Effect::None)
}

fn shelf_action(app: &mut App, action: ShelfAction) -> Effect {
    let keeper = app.keeper.clone();
    let search_key = app.key(Action::Shelf(ShelfAction::Search));
    let Some(shelf) = app.shelf.as_mut() else {
        return Effect::None;
    };
    if let Some(name) = shelf.naming.as_mut() {
        match action {
            ShelfAction::Type(c) => name.push(c),
            ShelfAction::SearchBackspace => {
                name.pop();
            }
            ShelfAction::SearchCancel => shelf.naming = None,
            ShelfAction::SearchConfirm => save(app, keeper.as_ref()),
            _ => {}
        }
        return Effect::None;
    }
    match action {
        ShelfAction::Open | ShelfAction::Who => {}
        ShelfAction::Save => {
            if !matches!(shelf.rows, Rows::Library(_)) || shelf.query.trim().is_empty() {
                shelf.message = Some(format!("Search first ({search_key}), then save the search"));
            } else {
                shelf.naming = Some(String::new());
            }
        }
        ShelfAction::Enter => return enter(app),
        ShelfAction::Back => {
            if matches!(shelf.rows, Rows::People { .. }) {
                // back to the library's list
                if let Some(keeper) = keeper.as_ref() {
                    match library(keeper, &shelf.query) {
                        Ok(list) => *shelf = list,
                        Err(e) => shelf.message = Some(e),
                    }
                }
            } else if app.article_key.is_some() {
                app.shelf = None;
            }
        }
        ShelfAction::People => people(app, keeper.as_ref()),
        ShelfAction::Search if matches!(shelf.rows, Rows::Folder { .. }) => {
            shelf.message = Some(
                "A folder is listed, not searched (gloss library import DIR keeps it for search)"
                    .to_string(),
            );
        }
        ShelfAction::Search => shelf.typing = true,
        ShelfAction::Type(c) => {
            shelf.query.push(c);
            refresh(app, keeper.as_ref());
        }
        ShelfAction::SearchBackspace => {
            shelf.query.pop();
            refresh(app, keeper.as_ref());
        }
        ShelfAction::SearchConfirm => shelf.typing = false,
        ShelfAction::SearchCancel => {
            shelf.typing = false;
            shelf.query.clear();
            refresh(app, keeper.as_ref());
        }
        ShelfAction::Delete | ShelfAction::Archive => {
            if let Some(e) = shelf.selected() {
                let key = e.key.clone();
                shelf.confirm = Some(if action == ShelfAction::Delete {
                    Confirm::Delete(key)
                } else {
                    Confirm::Archive(key)
                });
            }
        }
        ShelfAction::Star | ShelfAction::ToggleRead => {
            let Some(e) = shelf.selected().cloned() else {
                return Effect::None;
            };
            let (flag, on) = if action == ShelfAction::Star {
                (crate::library::Flag::Starred, !e.starred)
            } else {
                (crate::library::Flag::Unread, !e.unread)
            };
            let done = keeper
                .as_ref()
                .ok_or_else(|| "the library is off".to_string())
                .and_then(|k| k.open().map_err(|e| e.to_string()))
                .and_then(|lib| lib.set_flag(&e.key, flag, on).map_err(|e| e.to_string()));
            match done {
                Ok(_) => {
                    for entry in entries_mut(shelf) {
                        if entry.key == e.key {
                            match flag {
                                crate::library::Flag::Starred => entry.starred = on,
                                _ => entry.unread = on,
                            }
                        }
                    }
                }
                Err(e) => shelf.message = Some(e),
            }
        }
    }
    Effect::None
}

fn entries_mut(shelf: &mut Shelf) -> Box<dyn Iterator<Item = &mut Entry> + '_> {
    match &mut shelf.rows {
        Rows::Library(e) => Box::new(e.iter_mut()),
        Rows::Who { hits, .. } => Box::new(hits.iter_mut().map(|h| &mut h.entry)),
        Rows::People { .. } | Rows::Folder { .. } => Box::new(std::iter::empty()),
    }
}

/// Save the search under the name typed.
fn save(app: &mut App, keeper: Option<&Keeper>) {
    let Some(shelf) = app.shelf.as_mut() else {
        return;
    };
    let name = shelf.naming.take().unwrap_or_default();
    let name = name.trim();
    if name.is_empty() {
        return;
    }
    let done = keeper
        .ok_or_else(|| "the library is off".to_string())
        .and_then(|k| k.open().map_err(|e| e.to_string()))
        .and_then(|lib| {
            lib.save_search(name, &shelf.query)
                .map_err(|e| e.to_string())
        });
    shelf.message = Some(match done {
        Ok(()) => format!("Saved as “{name}”: the feed list lists it with its count"),
        Err(e) => format!("Not saved: {e}"),
    });
}

/// `P` in the library: its people, most mentioned this week first; `P`
/// again: most quoted, and back.
fn people(app: &mut App, keeper: Option<&Keeper>) {
    let Some(shelf) = app.shelf.as_mut() else {
        return;
    };
    if let Rows::People { by_quotes, .. } = &mut shelf.rows {
        *by_quotes = !*by_quotes;
        shelf.cursor = ListCursor::default();
        return;
    }
    let Some(keeper) = keeper else {
        shelf.message = Some("The library is off ([library] keep in config.toml)".to_string());
        return;
    };
    let since = crate::library::now() - PEOPLE_DAYS * 86_400;
    match keeper
        .open()
        .and_then(|lib| lib.people(since, PEOPLE_LIMIT))
    {
        Ok(people) => {
            shelf.rows = Rows::People {
                since,
                people,
                by_quotes: false,
            };
            shelf.cursor = ListCursor::default();
            shelf.typing = false;
        }
        Err(e) => shelf.message = Some(format!("The library cannot be read: {e}")),
    }
}

/// The list again for the query typed so far.
fn refresh(app: &mut App, keeper: Option<&Keeper>) {
    let Some(shelf) = app.shelf.as_mut() else {
        return;
    };
    if !matches!(shelf.rows, Rows::Library(_)) {
        return;
    }
    let Some(keeper) = keeper else { return };
    match library(keeper, &shelf.query) {
        Ok(fresh) => {
            shelf.rows = fresh.rows;
            shelf.cursor = ListCursor::default();
        }
        // a filter half typed (`is:`) keeps the list as it was
        Err(e) => shelf.message = Some(e),
    }
}

fn answer(app: &mut App, yes: bool) {
    let keeper = app.keeper.clone();
    let Some(shelf) = app.shelf.as_mut() else {
        return;
    };
    let Some(confirm) = shelf.confirm.take() else {
        return;
    };
    if !yes {
        return;
    }
    let Some(keeper) = keeper else { return };
    let done = keeper
        .open()
        .map_err(|e| e.to_string())
        .and_then(|mut lib| {
            match &confirm {
                Confirm::Delete(key) => lib.forget(std::slice::from_ref(key)).map(|_| ()),
                Confirm::Archive(key) => {
                    let archived = shelf
                        .selected()
                        .is_some_and(|e| e.key == *key && e.archived);
                    lib.set_flag(key, crate::library::Flag::Archived, !archived)
                        .map(|_| ())
                }
            }
            .map_err(|e| e.to_string())
        });
    match done {
        Ok(()) => {
            let key = match &confirm {
                Confirm::Delete(k) | Confirm::Archive(k) => k.clone(),
            };
            match &mut shelf.rows {
                Rows::Library(e) => e.retain(|e| e.key != key),
                Rows::Who { hits, .. } => hits.retain(|h| h.entry.key != key),
                Rows::People { .. } | Rows::Folder { .. } => {}
            }
            let len = shelf.len();
            shelf.cursor.selected = shelf.cursor.selected.min(len.saturating_sub(1));
            shelf.cursor.offset = shelf.cursor.offset.min(shelf.cursor.selected);
            shelf.message = Some(match confirm {
                Confirm::Delete(_) => "Forgotten".to_string(),
                Confirm::Archive(_) => "Archived (is:archived lists it)".to_string(),
            });
        }
        Err(e) => shelf.message = Some(e),
    }
}

/// Open the article under the cursor.
fn enter(app: &mut App) -> Effect {
    let Some(shelf) = app.shelf.as_ref() else {
        return Effect::None;
    };
    if let Some(person) = shelf.people().get(shelf.cursor.selected).cloned() {
        // a person of the people view: the articles that mention them
        let keys = name_keys(
            crate::analysis::EntityKind::Person,
            &person.name,
            std::iter::empty(),
        );
        let found = app
            .keeper
            .as_ref()
            .ok_or_else(|| "the library is off".to_string())
            .and_then(|k| k.open().map_err(|e| e.to_string()))
            .and_then(|lib| lib.who_keys(&keys, None).map_err(|e| e.to_string()));
        if let Some(shelf) = app.shelf.as_mut() {
            match found {
                Ok(hits) => {
                    shelf.rows = Rows::Who {
                        name: person.name,
                        hits,
                    };
                    shelf.cursor = ListCursor::default();
                }
                Err(e) => shelf.message = Some(e),
            }
        }
        return Effect::None;
    }
    let at = match &shelf.rows {
        Rows::Who { hits, .. } => hits.get(shelf.cursor.selected).map(|h| h.first),
        Rows::Library(_) | Rows::People { .. } => None,
        Rows::Folder { files, .. } => {
            return files
                .get(shelf.cursor.selected)
                .map_or(Effect::None, |f| Effect::OpenFile(f.path.clone()));
        }
    };
    match shelf.selected() {
        Some(e) => Effect::OpenArticle {
            key: e.key.clone(),
            at,
        },
        None => Effect::None,
    }
}

/// `library` from the reading: the library's list over the article.
pub fn open(app: &mut App) -> Effect {
    if let Some((dir, files)) = &app.feeds.folder {
        app.shelf = Some(folder(dir, files.clone()));
        return Effect::None;
    }
    let Some(keeper) = app.keeper.clone() else {
        app.set_error("The library is off ([library] keep in config.toml)");
        return Effect::None;
    };
    match library(&keeper, "") {
        Ok(shelf) => app.shelf = Some(shelf),
        Err(e) => app.set_error(format!("The library cannot be read: {e}")),
    }
    Effect::None
}

/// `W` from the reading: the other articles that mention the selected
/// person, organisation or place.
pub fn who(app: &mut App) -> Effect {
    let Some(keeper) = app.keeper.clone() else {
        app.set_error("The library is off ([library] keep in config.toml)");
        return Effect::None;
    };
    let pane = app.focus;
    let id = match pane {
        Pane::People | Pane::Places => app.entity_under_cursor(pane),
        _ => None,
    }
    .or(app.selected);
    let Some(entity) = id.and_then(|id| app.doc.analysis.entities.get(id.0)) else {
        app.set_message("Select a person, organisation or place first (in its pane)");
        return Effect::None;
    };
    let text = &app.doc.article.text;
    let keys = name_keys(
        entity.kind,
        &entity.name,
        entity
            .mentions
            .iter()
            .filter_map(|s| text.get(s.start..s.end)),
    );
    let name = entity.name.clone();
    let found = keeper
        .open()
        .and_then(|lib| lib.who_keys(&keys, app.article_key.as_deref()));
    match found {
        Ok(hits) if hits.is_empty() => {
            app.set_message(format!("No other article in the library mentions {name}"));
        }
        Ok(hits) => {
            app.shelf = Some(Shelf {
                rows: Rows::Who { name, hits },
                cursor: ListCursor::default(),
                query: String::new(),
                typing: false,
                naming: None,
                confirm: None,
                message: None,
            });
        }
        Err(e) => app.set_error(format!("The library cannot be read: {e}")),
    }
    Effect::None
}

/// Rows of the list on screen: all but the title and the status lines.
fn list_rows(app: &App) -> usize {
    usize::from(app.height.saturating_sub(2)).max(1)
}

/// `n word` with the word in the plural unless `n` is 1: "1 article",
/// "3 articles".
pub(super) fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// A list's title on the top line of `screen`, cut to its width.
pub(super) fn title_bar(frame: &mut Frame, screen: Rect, title: &str, style: Style) {
    frame.render_widget(
        Paragraph::new(Span::styled(
            truncate(&sanitize(title), usize::from(screen.width)),
            style,
        )),
        Rect {
            height: 1,
            ..screen
        },
    );
}

/// A row of the list, padded to the screen's width in its style.
pub(super) fn padded(text: String, width: usize, style: Style) -> Line<'static> {
    let pad = width.saturating_sub(super::text_layout::display_width(&text));
    Line::from(Span::styled(format!("{text}{}", " ".repeat(pad)), style))
}

/// The list, over the whole screen.
pub fn draw(app: &App, shelf: &Shelf, frame: &mut Frame) {
    let screen = frame.area();
    if screen.height < 3 || screen.width < 10 {
        return;
    }
    let theme = &app.theme;
    let width = usize::from(screen.width);
    let title = match &shelf.rows {
        Rows::Library(e) => format!(
            " Library · {}{}",
            plural(e.len(), "article"),
            if shelf.query.is_empty() {
                String::new()
            } else {
                format!(" · {}", shelf.query)
            }
        ),
        Rows::Who { name, hits } => {
            format!(" {} · in {}", name, plural(hits.len(), "other article"))
        }
        Rows::Folder { dir, files } => format!(
            " Folder {} · {} (not kept until opened)",
            dir.display(),
            plural(files.len(), "article")
        ),
        Rows::People {
            since, by_quotes, ..
        } => format!(
            " People since {} · {} ({} for {})",
            crate::library::day(*since),
            if *by_quotes {
                "most quoted"
            } else {
                "most mentioned"
            },
            app.key(Action::Shelf(ShelfAction::People)),
            if *by_quotes {
                "most mentioned"
            } else {
                "most quoted"
            },
        ),
    };
    title_bar(frame, screen, &title, theme.title);
    let rows = list_rows(app);
    let mut lines = Vec::with_capacity(rows);
    // a row without marks: the cursor's style where it is, else the text's
    let plain = |i: usize| {
        if i == shelf.cursor.selected {
            theme.cursor
        } else {
            theme.text
        }
    };
    for i in shelf.cursor.offset..(shelf.cursor.offset + rows).min(shelf.len()) {
        if let Some(p) = shelf.people().get(i) {
            let text = truncate(
                &format!(
                    " {:>3}. {}  · {} · {} · {}",
                    i + 1,
                    sanitize(&p.name),
                    plural(p.mentions, "mention"),
                    plural(p.articles, "article"),
                    plural(p.quotes, "quote"),
                ),
                width,
            );
            lines.push(padded(text, width, plain(i)));
            continue;
        }
        if let Rows::Folder { files, .. } = &shelf.rows
            && let Some(f) = files.get(i)
        {
            let name = f
                .path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let text = truncate(
                &format!(
                    "     {}  {}  · {}",
                    crate::library::day(f.modified),
                    sanitize(&f.title),
                    sanitize(&name)
                ),
                width,
            );
            lines.push(padded(text, width, plain(i)));
            continue;
        }
        let Some(e) = shelf.entry(i) else { break };
        let marks = format!(
            "{}{}{}",
            if e.unread { '•' } else { ' ' },
            if e.starred { '★' } else { ' ' },
            if e.has_notes { '✎' } else { ' ' }
        );
        let mut text = format!(
            " {marks} {}  {}",
            crate::library::day(e.date),
            sanitize(&e.title)
        );
        if let Some(site) = &e.site {
            text.push_str(&format!("  · {}", sanitize(site)));
        }
        if let Rows::Who { hits, .. } = &shelf.rows
            && let Some(hit) = hits.get(i)
        {
            text.push_str(&format!("  · {} ×{}", sanitize(&hit.name), hit.mentions));
            if let Some(q) = hit.quotes.first() {
                text.push_str(&format!("  “{}”", sanitize(q)));
            }
        }
        let style = if i == shelf.cursor.selected {
            theme.cursor
        } else if e.unread {
            theme.text.add_modifier(ratatui::style::Modifier::BOLD)
        } else {
            theme.text
        };
        lines.push(padded(truncate(&text, width), width, style));
    }
    if shelf.is_empty() && matches!(shelf.rows, Rows::Folder { .. }) {
        lines.push(Line::from(Span::styled(
            "  No article in this folder (text or HTML files)",
            theme.dim,
        )));
    } else if shelf.is_empty() && matches!(shelf.rows, Rows::People { .. }) {
        lines.push(Line::from(Span::styled(
            "  Nobody in the articles of this week",
            theme.dim,
        )));
    } else if shelf.is_empty() {
        lines.push(Line::from(Span::styled(
            "  Nothing here (Esc clears the search)",
            theme.dim,
        )));
    }
    frame.render_widget(
        Paragraph::new(lines),
        Rect {
            y: screen.y + 1,
            height: rows as u16,
            ..screen
        },
    );
    let key = |a: ShelfAction| app.key(Action::Shelf(a));
    let status = if let Some(confirm) = &shelf.confirm {
        let (what, key) = match confirm {
            Confirm::Delete(k) => ("Forget", k),
            Confirm::Archive(k) => ("Archive", k),
        };
        let title = shelf
            .selected()
            .filter(|e| e.key == *key)
            .map_or(key.as_str(), |e| e.title.as_str());
        (format!(" {what} “{}”? (y/n)", sanitize(title)), theme.error)
    } else if let Some(name) = &shelf.naming {
        (
            format!(
                " Save “{}” as: {}▏  {} saves · {} drops",
                sanitize(&shelf.query),
                sanitize(name),
                key(ShelfAction::SearchConfirm),
                key(ShelfAction::SearchCancel),
            ),
            theme.text,
        )
    } else if shelf.typing {
        (format!(" /{}▏", shelf.query), theme.text)
    } else if let Some(m) = &shelf.message {
        (format!(" {m}"), theme.dim)
    } else if matches!(shelf.rows, Rows::Folder { .. }) {
        (
            format!(
                " {} read it (kept in the library then) · {} back to this list from an article · {} quit",
                key(ShelfAction::Enter),
                key(ShelfAction::Open),
                app.key(Action::Quit)
            ),
            theme.dim,
        )
    } else if matches!(shelf.rows, Rows::People { .. }) {
        (
            format!(
                " {} their articles · {} most mentioned/quoted · {} back · {} quit",
                key(ShelfAction::Enter),
                key(ShelfAction::People),
                key(ShelfAction::Back),
                app.key(Action::Quit)
            ),
            theme.dim,
        )
    } else {
        (
            format!(
                " {} open · {} back · {} search · {} save it · {} feeds · {} people · {} star · {} read/unread · {} archive · {} forget · {} quit",
                key(ShelfAction::Enter),
                key(ShelfAction::Back),
                key(ShelfAction::Search),
                key(ShelfAction::Save),
                app.key(Action::Feeds(super::feedlist::FeedAction::Open)),
                key(ShelfAction::People),
                key(ShelfAction::Star),
                key(ShelfAction::ToggleRead),
                key(ShelfAction::Archive),
                key(ShelfAction::Delete),
                app.key(Action::Quit)
            ),
            theme.dim,
        )
    };
    let style: Style = status.1;
    frame.render_widget(
        Paragraph::new(Span::styled(truncate(&status.0, width), style)),
        Rect {
            y: screen.y + screen.height - 1,
            height: 1,
            ..screen
        },
    );
}
