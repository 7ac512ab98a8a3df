//! The reader: app state, `update(state, action)`, drawing, and the event loop.
//!
//! Keys and mouse events become [`Action`]s through the [`keymap`], a key
//! going to the topmost [`layer`] only (reading, search, help, note editor,
//! prompt); [`update`] applies an action to the [`App`] and returns an
//! [`Effect`] for the event loop (quit, copy, open a URL); [`draw`] renders
//! the state and changes nothing.

pub mod action;
pub mod app;
pub mod areas;
pub mod background;
pub mod correcting;
pub mod draw;
pub mod feedlist;
mod follow;
pub mod index;
pub mod keymap;
pub mod keys;
pub mod layer;
pub mod loading;
pub mod map;
pub mod note_taking;
pub mod passage;
mod position;
pub mod search;
pub mod settings;
pub mod shelf;
mod terminal;
pub mod text_layout;
pub mod theme;
mod update;

/// The one sanitiser of everything printed, shared with the command line.
use crate::sanitize;

pub use action::{Action, Effect, Pane};
pub use app::App;
pub use draw::draw;
pub use update::update;

use std::io::{IsTerminal, Write};

use crate::Document;
use crate::analysis::Analysis;
use crate::article::Article;
use crate::article_id::ArticleId;

/// Set to any value, the reader exits right after drawing its first frame
/// (for measuring start-up time).
pub const EXIT_AFTER_FIRST_FRAME: &str = "GLOSS_EXIT_AFTER_FIRST_FRAME";

/// Set to any value, the reader panics right after drawing its first frame:
/// a test hook that shows the terminal is restored after a panic.
pub const PANIC_AFTER_FIRST_FRAME: &str = "GLOSS_PANIC_AFTER_FIRST_FRAME";

/// Open the reader on `article` in the terminal until the user quits. `id`
/// files the reading position. The terminal is restored however this ends.
/// The analysis runs meanwhile on its own thread ([`background`]).
///
/// When standard output is not a terminal (`gloss FILE | less`), the clean
/// article text is printed instead, and nothing is analysed.
pub fn run(
    article: Article,
    settings: &settings::ReaderSettings,
    id: &ArticleId,
) -> anyhow::Result<()> {
    if !std::io::stdout().is_terminal() {
        return print_text(&article);
    }
    let session = terminal::Session::enter()?;
    run_in(session, article, settings, id)
}

/// Open the reader on an article still on its way: `poll` brings it (from
/// a fetch running on its own thread) or says why it could not be had, and
/// `None` meanwhile. A loading screen says "fetching…" and the interface
/// keeps answering; `Esc` cancels (`poll` is dropped, which stops the
/// fetch), which, this being the only article, quits with a one-line error;
/// a failure quits with its one-line reason. Needs a terminal on stdout.
pub fn run_loading(
    label: &str,
    mut poll: impl FnMut() -> Option<Result<Opened, String>>,
    settings: &settings::ReaderSettings,
) -> anyhow::Result<()> {
    let mut screen = loading::Loading::new(label, settings, &theme::ColorEnv::from_env())?;
    let mut session = terminal::Session::enter()?;
    let outcome = loading::wait(&mut session, &mut screen, &mut poll)?;
    drop(poll);
    match outcome {
        loading::Outcome::Loaded(loaded) => match *loaded {
            Opened::Article(article, id) => run_in(session, *article, settings, &id),
            Opened::Feed { url, note } => run_feed(session, &url, &note, settings),
            Opened::Ask {
                question,
                declined,
                then,
            } => {
                if !loading::ask(&mut session, &mut screen, &question)? {
                    drop(session);
                    crate::sanitize::eprint_line(&format!("gloss: {declined}"));
                    return Ok(());
                }
                match then() {
                    Ok(Opened::Feed { url, note }) => run_feed(session, &url, &note, settings),
                    Ok(Opened::Article(article, id)) => run_in(session, *article, settings, &id),
                    Ok(Opened::Ask { .. }) => Ok(()),
                    Err(reason) => {
                        drop(session);
                        Err(anyhow::anyhow!(reason))
                    }
                }
            }
        },
        loading::Outcome::Failed(reason) => {
            drop(session);
            Err(anyhow::anyhow!(reason))
        }
        loading::Outcome::Cancelled => {
            drop(session);
            anyhow::bail!("{label}: cancelled before it was fetched; nothing to read")
        }
    }
}

/// What an address fetched turned out to be: an article, or a feed (taken
/// in already; `note` says what was done).
pub enum Opened {
    Article(Box<Article>, ArticleId),
    Feed {
        url: String,
        note: String,
    },
    /// A yes/no question first (on the loading screen): `then` on yes;
    /// on no, gloss ends and says `declined`.
    Ask {
        question: String,
        declined: String,
        then: AskThen,
    },
}

/// What [`Opened::Ask`] does on yes.
pub type AskThen = Box<dyn FnOnce() -> Result<Opened, String>>;

/// The feed pane on the feed at `url` (over the library's list), then what
/// it opens, until the user quits.
fn run_feed(
    mut session: terminal::Session,
    url: &str,
    note: &str,
    settings: &settings::ReaderSettings,
) -> anyhow::Result<()> {
    let keeper = crate::library::Keeper::new(&settings.library, settings.notes.dir())
        .ok_or_else(|| anyhow::anyhow!("the library is off ([library] keep in config.toml)"))?;
    let shelf = shelf::library(&keeper, "").map_err(anyhow::Error::msg)?;
    let mut feeds = feedlist::FeedsUi::new(&settings.feeds, &settings.clean);
    let mut pane = feedlist::load(&feeds, &keeper).map_err(anyhow::Error::msg)?;
    if let Some(i) = pane.feeds.iter().position(|f| f.url == url) {
        pane.cursor.selected = i;
        let entries = keeper.open()?.feed_entries(url)?;
        pane.items = Some(feedlist::ItemList {
            url: url.to_string(),
            label: pane.feeds[i].label.clone(),
            entries,
            cursor: Default::default(),
        });
    }
    pane.message = Some(note.to_string());
    feeds.pane = Some(pane);
    let mut warnings = Vec::new();
    let result = library_screen(&mut session, shelf, keeper, settings, &mut feeds)
        .and_then(|exit| follow_exits(&mut session, exit, settings, &mut feeds, &mut warnings));
    drop(session);
    for w in warnings {
        eprintln!("gloss: {w}");
    }
    result
}

/// How a reading ended: quit, or open an article of the library.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Exit {
    Quit,
    Open {
        key: String,
        at: Option<usize>,
    },
    /// A file of a folder's list (`gloss DIR`).
    OpenFile(std::path::PathBuf),
}

/// The reader on `article` in a terminal session already entered; then the
/// articles opened from the library's lists, until the user quits.
fn run_in(
    mut session: terminal::Session,
    article: Article,
    settings: &settings::ReaderSettings,
    id: &ArticleId,
) -> anyhow::Result<()> {
    let mut warnings = Vec::new();
    let mut feeds = feedlist::FeedsUi::new(&settings.feeds, &settings.clean);
    let first = read(
        &mut session,
        article,
        None,
        settings,
        id,
        None,
        &mut feeds,
        &mut warnings,
    );
    let result = first
        .and_then(|exit| follow_exits(&mut session, exit, settings, &mut feeds, &mut warnings));
    // the terminal is restored before anything is printed
    drop(session);
    for w in warnings {
        crate::sanitize::eprint_line(&format!("gloss: {w}"));
    }
    result
}

/// The library's list alone (`gloss` with articles kept): what it opens,
/// until the user quits. Needs a terminal on stdout.
pub fn run_library(settings: &settings::ReaderSettings) -> anyhow::Result<()> {
    let keeper = crate::library::Keeper::new(&settings.library, settings.notes.dir())
        .ok_or_else(|| anyhow::anyhow!("the library is off ([library] keep in config.toml)"))?;
    let mut shelf = shelf::library(&keeper, "").map_err(anyhow::Error::msg)?;
    shelf.message = None;
    let feeds = feedlist::FeedsUi::new(&settings.feeds, &settings.clean);
    run_shelf(shelf, Some(keeper), settings, feeds)
}

/// A folder's articles as a list (`gloss DIR`), not kept until one is
/// opened (then as `gloss FILE`); the library key from an article lists the
/// folder again. `max_bytes`: the largest article read. Needs a terminal.
pub fn run_folder(
    dir: &std::path::Path,
    max_bytes: u64,
    settings: &settings::ReaderSettings,
) -> anyhow::Result<()> {
    let files = crate::library::folder::list(dir, max_bytes, &settings.clean)
        .map_err(|e| anyhow::anyhow!("cannot read {}: {e}", dir.display()))?;
    let keeper = crate::library::Keeper::new(&settings.library, settings.notes.dir());
    let shelf = shelf::folder(dir, files.clone());
    let mut feeds = feedlist::FeedsUi::new(&settings.feeds, &settings.clean);
    feeds.folder = Some((dir.to_path_buf(), files));
    feeds.max_bytes = max_bytes;
    run_shelf(shelf, keeper, settings, feeds)
}

/// The terminal session of a list (the library's or a folder's) and of what
/// it opens, until the user quits; the warnings printed after it.
fn run_shelf(
    shelf: shelf::Shelf,
    keeper: Option<crate::library::Keeper>,
    settings: &settings::ReaderSettings,
    mut feeds: feedlist::FeedsUi,
) -> anyhow::Result<()> {
    let mut session = terminal::Session::enter()?;
    let mut warnings = Vec::new();
    let result = library_screen(&mut session, shelf, keeper, settings, &mut feeds)
        .and_then(|exit| follow_exits(&mut session, exit, settings, &mut feeds, &mut warnings));
    drop(session);
    for w in warnings {
        crate::sanitize::eprint_line(&format!("gloss: {w}"));
    }
    result
}

/// An app with no article, the list over it.
fn library_screen(
    session: &mut terminal::Session,
    shelf: shelf::Shelf,
    keeper: impl Into<Option<crate::library::Keeper>>,
    settings: &settings::ReaderSettings,
    feeds: &mut feedlist::FeedsUi,
) -> anyhow::Result<Exit> {
    let (width, height) = crossterm::terminal::size()?;
    let empty = Document {
        article: Article::default(),
        analysis: Analysis::default(),
    };
    let mut app = App::new(empty, settings, theme::ColorEnv::from_env(), width, height)?;
    app.shelf = Some(shelf);
    app.keeper = keeper.into();
    std::mem::swap(&mut app.feeds, feeds);
    let exit_after_first_frame = std::env::var_os(EXIT_AFTER_FIRST_FRAME).is_some();
    let exit = terminal::event_loop(session, &mut app, None, exit_after_first_frame);
    std::mem::swap(&mut app.feeds, feeds);
    Ok(exit?)
}

/// Open the library's articles as the lists ask, until the user quits.
fn follow_exits(
    session: &mut terminal::Session,
    mut exit: Exit,
    settings: &settings::ReaderSettings,
    feeds: &mut feedlist::FeedsUi,
    warnings: &mut Vec<String>,
) -> anyhow::Result<()> {
    loop {
        if let Exit::OpenFile(path) = &exit {
            // as `gloss FILE`: kept in the library as it opens
            let source = crate::source::load_limited(path, feeds.max_bytes)?;
            let article = source.to_article(&settings.clean);
            exit = read(
                session,
                article,
                None,
                settings,
                &source.article_id(),
                None,
                feeds,
                warnings,
            )?;
            continue;
        }
        let Exit::Open { key, at } = exit else {
            return Ok(());
        };
        let keeper = crate::library::Keeper::new(&settings.library, settings.notes.dir())
            .ok_or_else(|| anyhow::anyhow!("the library is off"))?;
        let kept = keeper.open()?.get(&key)?;
        let Some(kept) = kept else {
            let mut shelf = shelf::library(&keeper, "").map_err(anyhow::Error::msg)?;
            shelf.message = Some(format!("{key} is no longer in the library"));
            exit = library_screen(session, shelf, keeper, settings, feeds)?;
            continue;
        };
        // a feed's summary: the linked page, fetched now (else the summary)
        let mut kept = kept;
        let mut note = None;
        if let Some(url) = summary_page(&keeper, &key, &kept) {
            match fetch_page(session, &url, settings)? {
                Ok(article) => {
                    keeper.keep(&kept.id, &article, None)?;
                    keeper.open()?.mark_full(&key)?;
                    kept.article = article;
                    kept.analysis = None;
                }
                Err(why) => note = Some(format!("The feed's summary: {why}")),
            }
        }
        exit = read(
            session,
            kept.article,
            kept.analysis,
            settings,
            &kept.id,
            at,
            feeds,
            warnings,
        )?;
        if let Some(note) = note {
            warnings.push(note);
        }
    }
}

/// The address of the page a feed's item only summarises, when the item
/// opened is one.
fn summary_page(
    keeper: &crate::library::Keeper,
    key: &str,
    kept: &crate::library::Kept,
) -> Option<String> {
    let summary = keeper.open().ok()?.is_summary(key).ok()?;
    let url = match &kept.id {
        ArticleId::Url(url) => Some(url.clone()),
        _ => kept.article.meta.url.clone(),
    };
    url.filter(|u| summary && crate::article_id::is_web_url(u))
}

/// Fetch a page on a thread of its own behind the loading screen (`Esc`
/// gives up on it): the clean article, or why it could not be had.
fn fetch_page(
    session: &mut terminal::Session,
    url: &str,
    settings: &settings::ReaderSettings,
) -> anyhow::Result<Result<Article, String>> {
    let mut screen = loading::Loading::new(url, settings, &theme::ColorEnv::from_env())?;
    let fetching = crate::source::fetch::spawn(url, &settings.fetch);
    let clean = settings.clean.clone();
    let mut poll = move || {
        fetching.try_take().map(|fetched| {
            fetched
                .map(|source| (source.to_article(&clean), source.article_id()))
                .map_err(|e| e.to_string())
        })
    };
    Ok(match loading::wait(session, &mut screen, &mut poll)? {
        loading::Outcome::Loaded(loaded) => Ok(loaded.0),
        loading::Outcome::Failed(why) => Err(why),
        loading::Outcome::Cancelled => Err(format!("{url}: cancelled before it was fetched")),
    })
}

/// Read one article: its analysis (`stored`, else made on a thread), its
/// notes, where reading stopped (or `at`); kept in the library as it opens
/// (a reader killed keeps it) and again at the end, with its analysis.
#[allow(clippy::too_many_arguments)]
fn read(
    session: &mut terminal::Session,
    article: Article,
    stored: Option<Analysis>,
    settings: &settings::ReaderSettings,
    id: &ArticleId,
    at: Option<usize>,
    feeds: &mut feedlist::FeedsUi,
    warnings: &mut Vec<String>,
) -> anyhow::Result<Exit> {
    let keeper = crate::library::Keeper::new(&settings.library, settings.notes.dir());
    let exit_after_first_frame = std::env::var_os(EXIT_AFTER_FIRST_FRAME).is_some();
    // the names the reader taught gloss, for every article
    let user_lexicon = crate::notes::lexicon::UserLexicon::load_default();
    let overlay = match &user_lexicon {
        Ok(lex) if !lex.is_empty() => Some(lex.overlay()),
        _ => None,
    };
    // kept in the library: the analysis made before, at once (one made
    // without the user lexicon, so not while a user lexicon is in use)
    let taught = overlay.is_some();
    let stored = stored.filter(|_| !taught).or_else(|| {
        keeper
            .as_ref()
            .filter(|_| !taught)
            .and_then(|k| k.stored_analysis(id, &article.text))
    });
    if let Some(k) = keeper.as_ref().filter(|_| !exit_after_first_frame) {
        // kept as it opens (read now: a feed's item, say, as the lists show
        // it), so that a reader killed keeps it; the analysis follows at the end
        if let Err(e) = k.keep(id, &article, stored.as_ref()) {
            warnings.push(format!("could not keep the article in the library: {e}"));
        }
        k.mark_read(id);
    }
    let pending = stored
        .is_none()
        .then(|| background::start_with(&article, overlay, settings.parts));
    let (width, height) = crossterm::terminal::size()?;
    let doc = Document {
        article,
        analysis: Analysis::default(),
    };
    let mut app = App::new(doc, settings, theme::ColorEnv::from_env(), width, height)?;
    app.analysing = true;
    app.address = match id {
        ArticleId::Url(url) => Some(url.clone()),
        ArticleId::Path(path) => Some(path.display().to_string()),
        ArticleId::Content(_) => None,
    };
    app.keeper = keeper.clone();
    app.article_key = Some(id.key());
    if let Err(e) = &user_lexicon {
        app.set_error(format!("The user lexicon is not used: {e}"));
    }
    let mut pending = pending;
    if let Some(analysis) = stored {
        app.set_analysis(analysis);
    }
    if let Some(outcome) = pending.as_ref().and_then(|p| p.wait(background::GRACE)) {
        analysis_done(&mut app, outcome);
        pending = None;
    }
    let position_file = position::default_dir()
        .filter(|_| settings.reader.remember_position)
        .map(|dir| position::path(&dir, id));
    if let Some(offset) = at.or_else(|| {
        position_file
            .as_deref()
            .and_then(|f| position::load(f, &app.doc.article.text))
    }) {
        app.go_to_offset(offset);
    }
    match settings.notes.dir() {
        Some(dir) => note_taking::open(
            &mut app,
            crate::notes::Store::new(dir)
                .with_limits(settings.notes_limits)
                .deferring(),
            id.clone(),
            std::sync::Arc::new(crate::notes::SystemClock),
        ),
        None => app.set_error("Notes are off: no data directory is known (set [notes] dir)"),
    }
    let panic_after_first_frame = std::env::var_os(PANIC_AFTER_FIRST_FRAME).is_some();
    std::mem::swap(&mut app.feeds, feeds);
    let result = terminal::event_loop(
        session,
        &mut app,
        pending,
        exit_after_first_frame || panic_after_first_frame,
    );
    std::mem::swap(&mut app.feeds, feeds);
    if let Some(w) = note_taking::close_notes(&mut app) {
        warnings.push(w);
    }
    if panic_after_first_frame {
        panic!("{PANIC_AFTER_FIRST_FRAME} is set");
    }
    if let Some(keeper) = keeper.filter(|_| !exit_after_first_frame) {
        // the analysis as made, before the reader's corrections (kept in the
        // notes, applied again on opening); none made with a user lexicon
        let analysis = (!app.analysing && !taught).then_some(&app.raw_analysis);
        if let Err(e) = keeper.keep(id, &app.doc.article, analysis) {
            warnings.push(format!("could not keep the article in the library: {e}"));
        }
    }
    if let Some(file) = position_file
        && !exit_after_first_frame
        && let Err(e) = position::save(&file, id, &app.doc.article.text, app.top_offset())
    {
        warnings.push(format!(
            "could not remember the reading position in {}: {e}",
            file.display()
        ));
    }
    Ok(result?)
}

/// The analysis is in (or failed: the article is still there to read).
fn analysis_done(app: &mut App, outcome: background::Outcome) {
    match outcome {
        Ok(analysis) => app.set_analysis(analysis),
        Err(e) => {
            app.analysing = false;
            app.set_error(format!(
                "The analysis failed ({e}); the text is shown without it"
            ));
        }
    }
}

/// The clean text on standard output; a closed pipe (`| head`) is not an error.
fn print_text(article: &Article) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    let written = out
        .write_all(article.text.as_bytes())
        .and_then(|()| out.write_all(b"\n"))
        .and_then(|()| out.flush());
    match written {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(()),
    }
}
