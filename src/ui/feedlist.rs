//! The feeds in the reader ([`super::layer::Layer::Feeds`]): the feeds
//! subscribed to (`feeds.json`), each with its unread count and, when its
//! last refresh failed, the error beside its name; `Enter` on a feed lists
//! its items (title, source, date, read/unread/starred), `Enter` on an item
//! opens it (the event loop fetches the linked page when the feed carried a
//! summary only), `Esc`/`Backspace` goes back. `r` refreshes every feed on
//! a thread of its own while the frame keeps drawing; the status line then
//! says what came in and what failed. From the reading, a key opens the
//! next unread item, and `T` adds or takes off a tag of the open article
//! (typed in a prompt, [`super::layer::Layer::ArticleTag`]).
//!
//! The pane's state is carried from one reading to the next
//! ([`FeedsUi`], moved by `super::run_in`), so that going back to the
//! feeds after reading an item finds the same list, the item now read.

use std::path::PathBuf;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::action::{Action, Effect};
use super::app::{App, ListCursor};
use super::sanitize::sanitize;
use super::shelf::{plural, title_bar};
use super::text_layout::{display_width, truncate};
use crate::feeds::{FeedSettings, Subscriptions};
use crate::library::{Entry, Flag, Keeper};

/// What the feeds' keys do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FeedAction {
    /// From the reading or the library: the feed list (as it was left).
    Open,
    /// Open the feed under the cursor, or the item.
    Enter,
    /// From the items to the feeds; from the feeds back to the article.
    Back,
    /// Refresh every feed in the background.
    Refresh,
    /// Mark the item read or unread.
    ToggleRead,
    /// Mark every item of the feed read.
    ReadAll,
    Star,
    /// From the reading: the next unread item (of this article's feed first).
    NextUnread,
    /// From the reading: add a tag to the article, or take it off (a prompt).
    Tag,
    TagType(char),
    TagBackspace,
    TagConfirm,
    TagCancel,
}

/// A feed as the list shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FeedRow {
    pub url: String,
    pub label: String,
    pub items: usize,
    pub unread: usize,
    /// Why its last refresh failed.
    pub error: Option<String>,
    /// A saved search, not a feed: its query (`Enter` lists what it picks
    /// in the library's list; `items` and `unread` are its counts).
    pub search: Option<String>,
}

/// One feed's items, newest first.
#[derive(Clone, Debug, PartialEq)]
pub struct ItemList {
    pub url: String,
    pub label: String,
    pub entries: Vec<Entry>,
    pub cursor: ListCursor,
}

/// The feed list's state.
#[derive(Clone, Debug, PartialEq)]
pub struct FeedPane {
    pub feeds: Vec<FeedRow>,
    pub cursor: ListCursor,
    /// The items of the feed opened, when one is.
    pub items: Option<ItemList>,
    /// A line for the status bar.
    pub message: Option<String>,
}

impl FeedPane {
    fn len(&self) -> usize {
        match &self.items {
            Some(items) => items.entries.len(),
            None => self.feeds.len(),
        }
    }

    fn cursor_mut(&mut self) -> &mut ListCursor {
        match &mut self.items {
            Some(items) => &mut items.cursor,
            None => &mut self.cursor,
        }
    }

    fn cursor(&self) -> ListCursor {
        match &self.items {
            Some(items) => items.cursor,
            None => self.cursor,
        }
    }

    fn selected_entry(&self) -> Option<&Entry> {
        let items = self.items.as_ref()?;
        items.entries.get(items.cursor.selected)
    }
}

/// What a refresh in the background brought.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    pub feeds: usize,
    pub new: usize,
    /// Each failed feed's name and error.
    pub errors: Vec<(String, String)>,
}

impl Report {
    /// One line for the status bar.
    pub fn line(&self) -> String {
        if self.feeds == 0 {
            return "No feeds yet (gloss feeds add URL subscribes to one)".to_string();
        }
        let mut line = format!(
            "Refreshed {}: {}",
            plural(self.feeds, "feed"),
            plural(self.new, "new item")
        );
        if let Some((name, error)) = self.errors.first() {
            line.push_str(&format!(
                " · {} failed ({name}: {error}{})",
                self.errors.len(),
                if self.errors.len() > 1 { "; …" } else { "" }
            ));
        }
        line
    }
}

/// A refresh running on its own thread.
#[derive(Debug)]
struct Job {
    rx: mpsc::Receiver<Result<Report, String>>,
    started: Instant,
}

/// The feeds' part of the reader, carried from one reading to the next.
#[derive(Debug)]
pub struct FeedsUi {
    /// The feed list, when open.
    pub pane: Option<FeedPane>,
    /// The list as it was when an item was opened from it.
    pub kept: Option<FeedPane>,
    /// The tag being typed for the open article (`T`).
    pub tag: Option<String>,
    /// The open article's tags as the prompt opened (it shows them).
    pub tags: Vec<String>,
    /// `feeds.json` (`None`: the one in the config directory).
    pub subscriptions: Option<PathBuf>,
    /// The folder `gloss DIR` lists and its articles: the library key lists
    /// it rather than the library, from one reading to the next.
    pub folder: Option<(PathBuf, Vec<crate::library::folder::FolderFile>)>,
    /// The largest article a file of the folder may be (`[limits] article-mb`).
    pub max_bytes: u64,
    job: Option<Job>,
    /// When the next automatic refresh is due (`[feeds] refresh-minutes`).
    next_refresh: Option<Instant>,
    settings: FeedSettings,
    clean: crate::article::CleanOptions,
}

impl Default for FeedsUi {
    fn default() -> Self {
        FeedsUi::new(
            &FeedSettings::default(),
            &crate::article::CleanOptions::default(),
        )
    }
}

/// How often the event loop looks in on a refresh running.
pub const POLL: Duration = Duration::from_millis(100);

impl FeedsUi {
    /// With `[feeds] refresh-minutes` set, a refresh is due at once.
    pub fn new(settings: &FeedSettings, clean: &crate::article::CleanOptions) -> FeedsUi {
        FeedsUi {
            pane: None,
            kept: None,
            tag: None,
            tags: Vec::new(),
            subscriptions: None,
            folder: None,
            max_bytes: u64::MAX,
            job: None,
            next_refresh: (settings.refresh_minutes > 0).then(Instant::now),
            settings: settings.clone(),
            clean: clean.clone(),
        }
    }

    /// Whether a refresh is running.
    pub fn refreshing(&self) -> bool {
        self.job.is_some()
    }

    /// How long the event loop may wait for a key before it must look in
    /// here again (a refresh running, one due); `None`: as long as it likes.
    pub fn wake_in(&self) -> Option<Duration> {
        if self.job.is_some() {
            return Some(POLL);
        }
        self.next_refresh
            .map(|at| at.saturating_duration_since(Instant::now()))
    }

    fn path(&self) -> Result<PathBuf, String> {
        self.subscriptions
            .clone()
            .or_else(Subscriptions::default_path)
            .ok_or_else(|| "no config directory is known for feeds.json".to_string())
    }
}

/// Between events: take in a refresh that ended, start one that is due.
/// Whether anything changed (the frame is drawn again).
pub fn tick(app: &mut App) -> bool {
    if let Some(job) = &app.feeds.job {
        let result = match job.rx.try_recv() {
            Ok(result) => result,
            Err(mpsc::TryRecvError::Empty) => return true, // the seconds waited
            Err(mpsc::TryRecvError::Disconnected) => {
                Err("the refresh stopped before it ended".to_string())
            }
        };
        app.feeds.job = None;
        if app.feeds.settings.refresh_minutes > 0 {
            app.feeds.next_refresh =
                Some(Instant::now() + Duration::from_secs(app.feeds.settings.refresh_minutes * 60));
        }
        if app.feeds.pane.is_some() {
            reload(app);
        }
        match result {
            Ok(report) => tell(app, report.line()),
            Err(e) => tell(app, format!("The refresh failed: {e}")),
        }
        return true;
    }
    if app
        .feeds
        .next_refresh
        .is_some_and(|at| at <= Instant::now())
    {
        app.feeds.next_refresh = None;
        start_refresh(app, false);
        return true;
    }
    false
}

/// A line in whatever status bar is on screen.
fn tell(app: &mut App, line: String) {
    if let Some(pane) = &mut app.feeds.pane {
        pane.message = Some(line);
    } else if let Some(shelf) = &mut app.shelf {
        shelf.message = Some(line);
    } else {
        app.set_message(line);
    }
}

/// Start a refresh of every feed on a thread of its own (nothing when one
/// runs already).
fn start_refresh(app: &mut App, asked: bool) {
    if app.feeds.job.is_some() {
        if asked {
            tell(app, "A refresh is running already".to_string());
        }
        return;
    }
    let Some(keeper) = app.keeper.clone() else {
        if asked {
            tell(
                app,
                "The library is off ([library] keep in config.toml): nowhere to keep the items"
                    .to_string(),
            );
        }
        return;
    };
    let path = match app.feeds.path() {
        Ok(p) => p,
        Err(e) => return tell(app, e),
    };
    let settings = app.feeds.settings.clone();
    let clean = app.feeds.clean.clone();
    // under the panic hook: a panic there is a failed refresh in the
    // status line, the terminal left to the reader
    let spawned = super::background::spawn_caught(super::background::REFRESH_THREAD, move || {
        refresh_all(&path, &keeper, &settings, &clean)
    });
    match spawned {
        Ok(rx) => {
            app.feeds.job = Some(Job {
                rx,
                started: Instant::now(),
            });
            if asked {
                tell(app, "Refreshing the feeds…".to_string());
            }
        }
        Err(e) => tell(app, format!("The refresh could not start: {e}")),
    }
}

/// Refresh every feed of `path` into the library, hold the library to its
/// size cap, and write back what was learnt of each feed (over the file as
/// it is now: feeds added meanwhile stay).
pub fn refresh_all(
    path: &std::path::Path,
    keeper: &Keeper,
    settings: &FeedSettings,
    clean: &crate::article::CleanOptions,
) -> Result<Report, String> {
    let mut subs = Subscriptions::load(path).map_err(|e| e.to_string())?;
    if subs.feeds.is_empty() {
        return Ok(Report::default());
    }
    let mut lib = keeper.open().map_err(|e| e.to_string())?;
    let outcomes = crate::feeds::refresh::refresh(&mut subs.feeds, &mut lib, settings, clean);
    keeper.hold_to_cap(&mut lib).map_err(|e| e.to_string())?;
    let mut now = Subscriptions::load(path).map_err(|e| e.to_string())?;
    for feed in &mut now.feeds {
        if let Some(done) = subs.feeds.iter().find(|f| f.url == feed.url) {
            feed.title.clone_from(&done.title);
            feed.site.clone_from(&done.site);
            feed.etag.clone_from(&done.etag);
            feed.last_modified.clone_from(&done.last_modified);
            feed.error.clone_from(&done.error);
        }
    }
    now.save(path).map_err(|e| e.to_string())?;
    Ok(Report {
        feeds: outcomes.len(),
        new: outcomes.iter().map(|o| o.new).sum(),
        errors: outcomes
            .iter()
            .zip(&subs.feeds)
            .filter_map(|(o, f)| o.error.clone().map(|e| (f.label().to_string(), e)))
            .collect(),
    })
}

/// The feed list from `feeds.json` and the library.
pub fn load(feeds: &FeedsUi, keeper: &Keeper) -> Result<FeedPane, String> {
    let subs = Subscriptions::load(&feeds.path()?).map_err(|e| e.to_string())?;
    let counts = keeper
        .open()
        .and_then(|lib| lib.feed_counts())
        .map_err(|e| e.to_string())?;
    let rows = subs
        .feeds
        .iter()
        .map(|f| {
            let (items, unread) = counts.get(&f.url).copied().unwrap_or((0, 0));
            FeedRow {
                url: f.url.clone(),
                label: f.label().to_string(),
                items,
                unread,
                error: f.error.clone(),
                search: None,
            }
        })
        .collect::<Vec<_>>();
    // the saved searches, after the feeds, as newsboat lists its query feeds
    let searches = keeper
        .open()
        .and_then(|lib| lib.searches())
        .map_err(|e| e.to_string())?;
    let mut rows = rows;
    rows.extend(searches.into_iter().map(|s| FeedRow {
        url: format!("search:{}", s.name),
        label: s.name,
        items: s.count,
        unread: s.unread,
        error: None,
        search: Some(s.query),
    }));
    Ok(FeedPane {
        feeds: rows,
        cursor: ListCursor::default(),
        items: None,
        message: None,
    })
}

/// Read the list again (after a refresh, after reading an item), the
/// cursors and the feed opened kept.
fn reload(app: &mut App) {
    let Some(keeper) = app.keeper.clone() else {
        return;
    };
    let Some(old) = app.feeds.pane.take() else {
        return;
    };
    let mut fresh = match load(&app.feeds, &keeper) {
        Ok(p) => p,
        Err(e) => {
            app.feeds.pane = Some(FeedPane {
                message: Some(e),
                ..old
            });
            return;
        }
    };
    fresh.cursor = clamp(old.cursor, fresh.feeds.len());
    fresh.message = old.message;
    if let Some(items) = old.items {
        match keeper.open().and_then(|lib| lib.feed_entries(&items.url)) {
            Ok(entries) => {
                let cursor = clamp(items.cursor, entries.len());
                fresh.items = Some(ItemList {
                    entries,
                    cursor,
                    ..items
                });
            }
            Err(e) => fresh.message = Some(e.to_string()),
        }
    }
    app.feeds.pane = Some(fresh);
}

fn clamp(mut c: ListCursor, len: usize) -> ListCursor {
    c.selected = c.selected.min(len.saturating_sub(1));
    c.offset = c.offset.min(c.selected);
    c
}

/// Apply an action while the feed list or the tag prompt is open; `None`
/// for what the reader does as usual (quit, help, resize).
pub fn update(app: &mut App, action: Action) -> Option<Effect> {
    if app.feeds.tag.is_some() {
        return match action {
            Action::Feeds(a) => Some(act(app, a)),
            _ => None,
        };
    }
    let rows = list_rows(app);
    let pane = app.feeds.pane.as_mut()?;
    if !matches!(action, Action::Resize { .. }) {
        pane.message = None;
    }
    let len = pane.len();
    if let Some(delta) = ListCursor::delta(&action, rows) {
        pane.cursor_mut().step(delta, len, rows);
        return Some(Effect::None);
    }
    match action {
        Action::Click { row, .. } => {
            // rows start below the title line
            if row >= 1 && usize::from(row) - 1 < rows {
                let i = pane.cursor().offset + usize::from(row) - 1;
                if i < len {
                    if i == pane.cursor().selected {
                        return Some(enter(app));
                    }
                    pane.cursor_mut().selected = i;
                }
            }
        }
        Action::Feeds(a) => return Some(act(app, a)),
        Action::Cancel => return Some(back(app)),
        _ => return None,
    }
    Some(Effect::None)
}

/// A feeds action, from the list, the reading or the library.
pub fn act(app: &mut App, action: FeedAction) -> Effect {
    match action {
        FeedAction::Open => open(app),
        FeedAction::Enter => return enter(app),
        FeedAction::Back => return back(app),
        FeedAction::Refresh => start_refresh(app, true),
        FeedAction::ToggleRead | FeedAction::Star => flag(app, action),
        FeedAction::ReadAll => read_all(app),
        FeedAction::NextUnread => return next_unread(app),
        FeedAction::Tag => {
            if app.article_key.is_none() || app.keeper.is_none() {
                app.set_message("Open an article of the library to tag it");
            } else {
                app.feeds.tags = match (&app.keeper, &app.article_key) {
                    (Some(keeper), Some(key)) => keeper
                        .open()
                        .and_then(|lib| lib.tags(key))
                        .unwrap_or_default(),
                    _ => Vec::new(),
                };
                app.feeds.tag = Some(String::new());
            }
        }
        FeedAction::TagType(c) => {
            if let Some(t) = &mut app.feeds.tag {
                t.push(c);
            }
        }
        FeedAction::TagBackspace => {
            if let Some(t) = &mut app.feeds.tag {
                t.pop();
            }
        }
        FeedAction::TagCancel => app.feeds.tag = None,
        FeedAction::TagConfirm => tag(app),
    }
    Effect::None
}

/// The feed list: as it was left (read again), else anew.
fn open(app: &mut App) {
    let Some(keeper) = app.keeper.clone() else {
        app.set_error("The library is off ([library] keep in config.toml): feeds need it");
        return;
    };
    if let Some(kept) = app.feeds.kept.take() {
        app.feeds.pane = Some(kept);
        reload(app);
    } else {
        match load(&app.feeds, &keeper) {
            Ok(pane) => app.feeds.pane = Some(pane),
            Err(e) => {
                let line = format!("The feeds cannot be read: {e}");
                if let Some(shelf) = &mut app.shelf {
                    shelf.message = Some(line);
                } else {
                    app.set_error(line);
                }
                return;
            }
        }
    }
    app.shelf = None;
    if app.feeds.refreshing()
        && let Some(pane) = &mut app.feeds.pane
    {
        pane.message = Some("Refreshing the feeds…".to_string());
    }
}

/// Open the feed, or the item, under the cursor.
fn enter(app: &mut App) -> Effect {
    let keeper = app.keeper.clone();
    let Some(pane) = app.feeds.pane.as_mut() else {
        return Effect::None;
    };
    if let Some(items) = &pane.items {
        let Some(entry) = items.entries.get(items.cursor.selected) else {
            return Effect::None;
        };
        let key = entry.key.clone();
        // back here after reading it (`Open` again)
        app.feeds.kept = app.feeds.pane.take();
        return Effect::OpenArticle { key, at: None };
    }
    let Some(feed) = pane.feeds.get(pane.cursor.selected) else {
        return Effect::None;
    };
    let Some(keeper) = keeper else {
        return Effect::None;
    };
    if let Some(query) = feed.search.clone() {
        // a saved search: what it picks, in the library's list (the feed
        // list is found as it was left)
        match super::shelf::library(&keeper, &query) {
            Ok(shelf) => {
                app.feeds.kept = app.feeds.pane.take();
                app.shelf = Some(shelf);
            }
            Err(e) => pane.message = Some(e),
        }
        return Effect::None;
    }
    match keeper.open().and_then(|lib| lib.feed_entries(&feed.url)) {
        Ok(entries) => {
            if entries.is_empty() {
                pane.message = Some(match &feed.error {
                    Some(e) => format!("No items: {e}"),
                    None => "No items yet: r refreshes the feeds".to_string(),
                });
            }
            pane.items = Some(ItemList {
                url: feed.url.clone(),
                label: feed.label.clone(),
                entries,
                cursor: ListCursor::default(),
            });
        }
        Err(e) => pane.message = Some(e.to_string()),
    }
    Effect::None
}

/// From the items to the feeds; from the feeds to the article (or, with
/// none behind, the library).
fn back(app: &mut App) -> Effect {
    let Some(pane) = app.feeds.pane.as_mut() else {
        return Effect::None;
    };
    if pane.items.take().is_some() {
        // the counts changed with what was read
        reload(app);
        return Effect::None;
    }
    app.feeds.pane = None;
    if app.article_key.is_none() {
        return super::shelf::open(app);
    }
    Effect::None
}

/// Mark the item under the cursor read or unread, or star it.
fn flag(app: &mut App, action: FeedAction) {
    let keeper = app.keeper.clone();
    let Some(pane) = app.feeds.pane.as_mut() else {
        return;
    };
    let Some(entry) = pane.selected_entry().cloned() else {
        pane.message = Some("Open a feed first (Enter), then choose an item".to_string());
        return;
    };
    let (flag, on) = if action == FeedAction::Star {
        (Flag::Starred, !entry.starred)
    } else {
        (Flag::Unread, !entry.unread)
    };
    let done = keeper
        .ok_or_else(|| "the library is off".to_string())
        .and_then(|k| k.open().map_err(|e| e.to_string()))
        .and_then(|lib| {
            lib.set_flag(&entry.key, flag, on)
                .map_err(|e| e.to_string())
        });
    match done {
        Ok(_) => {
            if let Some(items) = &mut pane.items {
                for e in items.entries.iter_mut().filter(|e| e.key == entry.key) {
                    match flag {
                        Flag::Starred => e.starred = on,
                        _ => e.unread = on,
                    }
                }
            }
            if flag == Flag::Unread {
                let url = pane.items.as_ref().map(|i| i.url.clone());
                if let Some(row) = pane.feeds.iter_mut().find(|r| Some(&r.url) == url.as_ref()) {
                    row.unread = if on {
                        row.unread + 1
                    } else {
                        row.unread.saturating_sub(1)
                    };
                }
            }
        }
        Err(e) => pane.message = Some(e),
    }
}

/// Mark every item of the feed under the cursor (or open) read.
fn read_all(app: &mut App) {
    let keeper = app.keeper.clone();
    let Some(pane) = app.feeds.pane.as_mut() else {
        return;
    };
    let url = match &pane.items {
        Some(items) => items.url.clone(),
        None => match pane.feeds.get(pane.cursor.selected) {
            Some(f) if f.search.is_some() => {
                pane.message = Some("A saved search, not a feed: Enter lists it".to_string());
                return;
            }
            Some(f) => f.url.clone(),
            None => return,
        },
    };
    let done = keeper
        .ok_or_else(|| "the library is off".to_string())
        .and_then(|k| k.open().map_err(|e| e.to_string()))
        .and_then(|lib| lib.mark_feed_read(&url).map_err(|e| e.to_string()));
    match done {
        Ok(n) => {
            if let Some(items) = &mut pane.items {
                for e in &mut items.entries {
                    e.unread = false;
                }
            }
            if let Some(row) = pane.feeds.iter_mut().find(|r| r.url == url) {
                row.unread = 0;
            }
            pane.message = Some(format!("{} marked read", plural(n, "item")));
        }
        Err(e) => pane.message = Some(e),
    }
}

/// The next unread item: of the open article's feed first, else any feed's.
fn next_unread(app: &mut App) -> Effect {
    let Some(keeper) = app.keeper.clone() else {
        app.set_error("The library is off ([library] keep in config.toml)");
        return Effect::None;
    };
    let here = app.article_key.clone();
    let found = keeper.open().and_then(|lib| {
        let feed = match &here {
            Some(k) => lib.feed_of(k)?,
            None => None,
        };
        lib.next_unread(feed.as_deref(), here.as_deref())
    });
    match found {
        Ok(Some(key)) => {
            app.feeds.pane = None;
            Effect::OpenArticle { key, at: None }
        }
        Ok(None) => {
            tell(app, "No unread item in the feeds".to_string());
            Effect::None
        }
        Err(e) => {
            tell(app, e.to_string());
            Effect::None
        }
    }
}

/// Add the typed tag to the open article, or take it off if it has it.
fn tag(app: &mut App) {
    let typed = app.feeds.tag.take().unwrap_or_default();
    let tag = typed.trim().trim_start_matches('#').to_lowercase();
    if tag.is_empty() {
        return;
    }
    let (Some(keeper), Some(key)) = (app.keeper.clone(), app.article_key.clone()) else {
        return;
    };
    // kept first: an article is in the library from the moment it is open
    let done = keeper
        .open()
        .and_then(|lib| lib.toggle_tag(&key, &tag))
        .map_err(|e| e.to_string());
    match done {
        Ok(true) => app.set_message(format!("Tagged #{tag} (tag:{tag} finds it in the library)")),
        Ok(false) => app.set_message(format!("Tag #{tag} taken off")),
        Err(e) => app.set_error(format!("Could not tag the article: {e}")),
    }
}

/// Rows of the list on screen: all but the title and the status lines.
fn list_rows(app: &App) -> usize {
    usize::from(app.height.saturating_sub(2)).max(1)
}

/// The tag prompt, over the reader's status bar.
pub fn draw_prompt(app: &App, frame: &mut Frame, area: Rect) {
    let Some(typed) = &app.feeds.tag else {
        return;
    };
    let confirm = app.key(Action::Feeds(FeedAction::TagConfirm));
    let cancel = app.key(Action::Feeds(FeedAction::TagCancel));
    let now = if app.feeds.tags.is_empty() {
        "no tags yet".to_string()
    } else {
        let tags: Vec<String> = app
            .feeds
            .tags
            .iter()
            .map(|t| format!("#{}", sanitize(t)))
            .collect();
        format!("tagged {}", tags.join(" "))
    };
    let line = format!(
        " Tag the article ({now}; a tag it has comes off): #{}▏  {confirm} keeps · {cancel} drops",
        sanitize(typed)
    );
    frame.render_widget(
        Paragraph::new(Span::styled(
            truncate(&line, usize::from(area.width)),
            app.theme.text,
        )),
        area,
    );
}

/// The feed list, or a feed's items, over the whole screen.
pub fn draw(app: &App, pane: &FeedPane, frame: &mut Frame) {
    let screen = frame.area();
    if screen.height < 3 || screen.width < 10 {
        return;
    }
    let theme = &app.theme;
    let width = usize::from(screen.width);
    let title = match &pane.items {
        Some(items) => {
            let unread = items.entries.iter().filter(|e| e.unread).count();
            format!(
                " Feeds › {} · {} · {unread} unread",
                items.label,
                plural(items.entries.len(), "item")
            )
        }
        None => {
            let feeds = pane.feeds.iter().filter(|f| f.search.is_none());
            let (n, unread) = feeds.fold((0, 0), |(n, u), f| (n + 1, u + f.unread));
            let searches = pane.feeds.len() - n;
            let mut title = format!(" Feeds · {} · {unread} unread", plural(n, "feed"));
            if searches > 0 {
                title.push_str(&format!(
                    " · {searches} saved search{}",
                    if searches == 1 { "" } else { "es" }
                ));
            }
            title
        }
    };
    title_bar(frame, screen, &title, theme.title);
    let rows = list_rows(app);
    let cursor = pane.cursor();
    let mut lines = Vec::with_capacity(rows);
    let end = (cursor.offset + rows).min(pane.len());
    for i in cursor.offset..end {
        let (text, unread, error) = match &pane.items {
            Some(items) => {
                let e = &items.entries[i];
                let mut text = format!(
                    " {}{} {}  {}",
                    if e.unread { '•' } else { ' ' },
                    if e.starred { '★' } else { ' ' },
                    crate::library::day(e.date),
                    sanitize(&e.title)
                );
                if let Some(site) = &e.site {
                    text.push_str(&format!("  · {}", sanitize(site)));
                }
                (text, e.unread, None)
            }
            None => {
                let f = &pane.feeds[i];
                let unread = if f.unread > 0 {
                    f.unread.to_string()
                } else {
                    String::new()
                };
                let text = match &f.search {
                    Some(query) => format!(
                        " {unread:>5}  {}  (search: {} · {})",
                        sanitize(&f.label),
                        sanitize(query),
                        plural(f.items, "article")
                    ),
                    None => format!(
                        " {unread:>5}  {}  ({})",
                        sanitize(&f.label),
                        plural(f.items, "item")
                    ),
                };
                (text, f.unread > 0, f.error.as_deref())
            }
        };
        let selected = i == cursor.selected;
        let style = if selected {
            theme.cursor
        } else if unread {
            theme.text.add_modifier(Modifier::BOLD)
        } else {
            theme.text
        };
        let mut spans = vec![Span::styled(text.clone(), style)];
        let mut used = display_width(&text);
        if let Some(error) = error {
            let e = format!("  ⚠ {}", sanitize(error));
            used += display_width(&e);
            spans.push(Span::styled(
                e,
                if selected { theme.cursor } else { theme.error },
            ));
        }
        let line = if used > width {
            Line::from(Span::styled(
                truncate(
                    &spans.iter().map(|s| s.content.as_ref()).collect::<String>(),
                    width,
                ),
                style,
            ))
        } else {
            spans.push(Span::styled(" ".repeat(width - used), style));
            Line::from(spans)
        };
        lines.push(line);
    }
    if pane.len() == 0 {
        let empty = if pane.items.is_some() {
            "  No items yet: r refreshes the feeds"
        } else {
            "  No feeds yet: gloss feeds add URL subscribes to one"
        };
        lines.push(Line::from(Span::styled(empty, theme.dim)));
    }
    frame.render_widget(
        Paragraph::new(lines),
        Rect {
            y: screen.y + 1,
            height: rows as u16,
            ..screen
        },
    );
    let status = if let Some(job) = &app.feeds.job {
        (
            format!(
                " Refreshing the feeds… {} s",
                job.started.elapsed().as_secs()
            ),
            theme.dim,
        )
    } else if let Some(m) = &pane.message {
        (format!(" {m}"), theme.dim)
    } else {
        let key = |a: FeedAction| app.key(Action::Feeds(a));
        let common = format!(
            "{} all read · {} refresh · {} help",
            key(FeedAction::ReadAll),
            key(FeedAction::Refresh),
            app.key(Action::ToggleHelp),
        );
        let line = if pane.items.is_some() {
            format!(
                " {} open · {} back · {} read · {} star · {common}",
                key(FeedAction::Enter),
                key(FeedAction::Back),
                key(FeedAction::ToggleRead),
                key(FeedAction::Star),
            )
        } else {
            format!(
                " {} items · {} back · {common}",
                key(FeedAction::Enter),
                key(FeedAction::Back),
            )
        };
        (line, theme.dim)
    };
    frame.render_widget(
        Paragraph::new(Span::styled(truncate(&status.0, width), status.1)),
        Rect {
            y: screen.y + screen.height - 1,
            height: 1,
            ..screen
        },
    );
}
