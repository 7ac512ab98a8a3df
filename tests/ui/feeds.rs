//! The feed list in the reader: feeds with unread counts and errors, a
//! feed's items, opening one and coming back to find it read, the flags, the
//! refresh in the background, the next unread item and the article's tags.
//! A library and a `feeds.json` of their own in a temporary folder.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use gloss::article::CleanOptions;
use gloss::article_id::ArticleId;
use gloss::feeds::{Feed, Subscriptions};
use gloss::library::query::Query;
use gloss::library::{FeedItem, Flag, Keeper};
use gloss::ui::{Action, App, Effect};

use crate::ui_support::{library_in, message, press, reader_on, screen, type_text};

const HARBOUR: &str = "https://news.example/harbour.xml";
const BROKEN: &str = "https://broken.example/rss";

struct Fixture {
    _dir: tempfile::TempDir,
    keeper: Keeper,
    subscriptions: PathBuf,
    folder: PathBuf,
}

fn item(n: u32, title: &str) -> FeedItem {
    let link = format!("https://news.example/{n}");
    let html = format!(
        "<h1>{title}</h1><p>The harbour council met on Monday and talked about item {n} for an hour.</p>"
    );
    let mut article = gloss::article::read(
        &html,
        Some(gloss::article::html::Format::Html),
        Some(&link),
        &CleanOptions::default(),
    );
    article.meta.published = Some(format!("2026-03-0{n}T08:00:00Z"));
    article.meta.site = Some("Harbour News".to_string());
    FeedItem {
        guid: format!("item-{n}"),
        link: Some(link.clone()),
        id: ArticleId::Url(link),
        article,
        full: true,
    }
}

/// Two feeds: one with three unread items, one whose last refresh failed.
fn fixture() -> Fixture {
    let dir = tempfile::tempdir().expect("temp dir");
    let keeper = library_in(dir.path());
    let items = [
        item(1, "Ferry timetable changes"),
        item(2, "Harbour wall repaired"),
        item(3, "Fish market reopens"),
    ];
    keeper
        .open()
        .expect("opens")
        .add_feed_items(HARBOUR, "Harbour News", &[], &items, 1)
        .expect("adds");
    let subscriptions = dir.path().join("feeds.json");
    Subscriptions {
        version: 1,
        feeds: vec![
            Feed {
                url: HARBOUR.to_string(),
                name: Some("Harbour News".to_string()),
                ..Feed::default()
            },
            Feed {
                url: BROKEN.to_string(),
                title: Some("Broken Wire".to_string()),
                error: Some("HTTP 404 Not Found".to_string()),
                ..Feed::default()
            },
        ],
    }
    .save(&subscriptions)
    .expect("saves");
    Fixture {
        folder: dir.path().to_path_buf(),
        _dir: dir,
        keeper,
        subscriptions,
    }
}

fn reader(f: &Fixture, width: u16, height: u16) -> App {
    reader_on(&f.keeper, &f.subscriptions, width, height)
}

fn key_of(n: u32) -> String {
    ArticleId::Url(format!("https://news.example/{n}")).key()
}

fn unread(f: &Fixture) -> Vec<String> {
    f.keeper
        .open()
        .expect("opens")
        .feed_entries(HARBOUR)
        .expect("lists")
        .into_iter()
        .filter(|e| e.unread)
        .map(|e| e.title)
        .collect()
}

#[test]
fn the_feed_list_shows_unread_counts_and_a_broken_feeds_error_beside_its_name() {
    let f = fixture();
    for (w, h) in [(80, 24), (160, 48)] {
        let mut app = reader(&f, w, h);
        press(&mut app, "F");
        let shown = screen(&app);
        assert!(shown.contains("Feeds · 2 feeds · 3 unread"), "{shown}");
        assert!(shown.contains("Harbour News  (3 items)"), "{shown}");
        assert!(
            shown.contains("Broken Wire  (0 items)  ⚠ HTTP 404 Not Found"),
            "{shown}"
        );
        insta::assert_snapshot!(format!("feeds_{w}x{h}"), shown);
    }
}

#[test]
fn a_feeds_items_open_and_back_finds_the_item_read() {
    let f = fixture();
    let mut app = reader(&f, 80, 24);
    press(&mut app, "F enter");
    let shown = screen(&app);
    assert!(
        shown.contains("Feeds › Harbour News · 3 items · 3 unread"),
        "{shown}"
    );
    // newest first, with the date and the source
    let fish = shown.find("Fish market reopens").expect("listed");
    let ferry = shown.find("Ferry timetable changes").expect("listed");
    assert!(fish < ferry);
    assert!(shown.contains("2026-03-03  Fish market reopens  · Harbour News"));
    insta::assert_snapshot!("feed_items_80x24", shown);
    // the second item opens; the list is put aside meanwhile
    let effect = press(&mut app, "j enter");
    assert_eq!(
        effect,
        Effect::OpenArticle {
            key: key_of(2),
            at: None
        }
    );
    assert!(app.feeds.pane.is_none());
    // the reader marks it read as it opens it (`ui::read`)
    f.keeper
        .open()
        .unwrap()
        .set_flag(&key_of(2), Flag::Unread, false)
        .unwrap();
    press(&mut app, "F");
    let shown = screen(&app);
    assert!(
        shown.contains("Feeds › Harbour News · 3 items · 2 unread"),
        "{shown}"
    );
    // Esc: the feeds, with the count read again; again: the article
    press(&mut app, "esc");
    assert!(screen(&app).contains("Feeds · 2 feeds · 2 unread"));
    press(&mut app, "backspace");
    assert!(app.feeds.pane.is_none());
}

#[test]
fn read_unread_star_and_all_read_change_the_library() {
    let f = fixture();
    let mut app = reader(&f, 80, 24);
    press(&mut app, "F enter m");
    assert_eq!(
        unread(&f),
        vec!["Harbour wall repaired", "Ferry timetable changes"]
    );
    press(&mut app, "m");
    assert_eq!(unread(&f).len(), 3);
    press(&mut app, "j s");
    let lib = f.keeper.open().unwrap();
    let starred = lib
        .search(&Query::parse("is:starred").unwrap())
        .unwrap()
        .into_iter()
        .map(|e| e.title)
        .collect::<Vec<_>>();
    assert_eq!(starred, vec!["Harbour wall repaired"]);
    assert!(screen(&app).contains("•★ 2026-03-02"));
    press(&mut app, "A");
    assert!(unread(&f).is_empty());
    assert!(screen(&app).contains("3 items marked read"));
    press(&mut app, "esc");
    assert!(screen(&app).contains("Feeds · 2 feeds · 0 unread"));
}

#[test]
fn the_mouse_selects_a_row_and_a_second_click_opens_it() {
    let f = fixture();
    let mut app = reader(&f, 80, 24);
    press(&mut app, "F");
    let click = |app: &mut App, row| gloss::ui::update(app, Action::Click { column: 5, row });
    click(&mut app, 2);
    assert_eq!(app.feeds.pane.as_ref().unwrap().cursor.selected, 1);
    click(&mut app, 1);
    click(&mut app, 1);
    assert!(app.feeds.pane.as_ref().unwrap().items.is_some());
    gloss::ui::update(
        &mut app,
        Action::Wheel {
            column: 5,
            row: 3,
            down: true,
        },
    );
    assert_eq!(
        app.feeds
            .pane
            .as_ref()
            .unwrap()
            .items
            .as_ref()
            .unwrap()
            .cursor
            .selected,
        2
    );
    assert_eq!(
        click(&mut app, 3),
        Effect::OpenArticle {
            key: key_of(1),
            at: None
        }
    );
}

#[test]
fn the_next_unread_item_opens_from_the_article_its_feed_first() {
    let f = fixture();
    let mut app = reader(&f, 80, 24);
    app.article_key = Some(key_of(3));
    f.keeper
        .open()
        .unwrap()
        .set_flag(&key_of(3), Flag::Unread, false)
        .unwrap();
    assert_eq!(
        press(&mut app, "U"),
        Effect::OpenArticle {
            key: key_of(2),
            at: None
        }
    );
    f.keeper
        .open()
        .unwrap()
        .mark_feed_read(HARBOUR)
        .expect("marks");
    assert_eq!(press(&mut app, "U"), Effect::None);
    assert_eq!(message(&app), "No unread item in the feeds");
}

#[test]
fn t_adds_a_tag_to_the_open_article_and_takes_it_off_again() {
    let f = fixture();
    let mut app = reader(&f, 80, 24);
    app.article_key = Some(key_of(1));
    press(&mut app, "T");
    assert!(screen(&app).contains("(no tags yet;"), "{}", screen(&app));
    type_text(&mut app, "#Ferries");
    assert!(screen(&app).contains("#Ferries▏"));
    press(&mut app, "backspace enter");
    assert!(
        message(&app).starts_with("Tagged #ferrie"),
        "{}",
        message(&app)
    );
    let tagged = |f: &Fixture| {
        f.keeper
            .open()
            .unwrap()
            .search(&Query::parse("tag:ferrie").unwrap())
            .unwrap()
            .len()
    };
    assert_eq!(tagged(&f), 1);
    // the prompt shows the tags the article has
    f.keeper
        .open()
        .unwrap()
        .toggle_tag(&key_of(1), "harbour")
        .expect("tags");
    press(&mut app, "T");
    assert!(
        screen(&app).contains("(tagged #ferrie #harbour;"),
        "{}",
        screen(&app)
    );
    type_text(&mut app, "ferrie");
    press(&mut app, "enter");
    assert_eq!(message(&app), "Tag #ferrie taken off");
    assert_eq!(tagged(&f), 0);
    // Esc drops what was typed; the keys are the reading's again
    press(&mut app, "T");
    type_text(&mut app, "x");
    press(&mut app, "esc");
    assert!(app.feeds.tag.is_none());
}

const RSS: &str = r#"<?xml version="1.0"?>
<rss version="2.0"><channel><title>Local Wire</title><link>https://wire.example/</link>
<item><title>Bridge opens</title><link>https://wire.example/bridge</link><guid>b1</guid>
<pubDate>Mon, 02 Mar 2026 08:00:00 GMT</pubDate><description>The new bridge opened on Monday.</description></item>
<item><title>Tram delayed</title><link>https://wire.example/tram</link><guid>t1</guid>
<pubDate>Tue, 03 Mar 2026 08:00:00 GMT</pubDate><description>The tram line opens a month late.</description></item>
</channel></rss>"#;

#[test]
fn r_refreshes_in_the_background_and_the_status_line_reports_it() {
    let f = fixture();
    let file = f.folder.join("wire.rss");
    std::fs::write(&file, RSS).unwrap();
    // local files only: nothing reaches the network
    let mut subs = Subscriptions::default();
    subs.add(&file.display().to_string(), None, vec![]);
    let gone = f.folder.join("gone.rss").display().to_string();
    subs.add(&gone, Some("Gone".to_string()), vec![]);
    subs.save(&f.subscriptions).unwrap();
    let mut app = reader(&f, 100, 24);
    press(&mut app, "F r");
    assert!(app.feeds.refreshing());
    assert!(screen(&app).contains("Refreshing the feeds…"));
    // the frame keeps drawing: the event loop looks in between events
    let deadline = Instant::now() + Duration::from_secs(30);
    while app.feeds.refreshing() {
        assert!(Instant::now() < deadline, "the refresh never ended");
        gloss::ui::feedlist::tick(&mut app);
        std::thread::yield_now();
    }
    let shown = screen(&app);
    assert!(
        shown.contains("Refreshed 2 feeds: 2 new items · 1 failed (Gone: "),
        "{shown}"
    );
    assert!(shown.contains("Local Wire  (2 items)"), "{shown}");
    assert!(shown.contains("Gone  (0 items)  ⚠"), "{shown}");
    // the feed's title and the other's error were written back
    let subs = Subscriptions::load(&f.subscriptions).unwrap();
    assert_eq!(subs.feeds[0].title.as_deref(), Some("Local Wire"));
    assert!(subs.feeds[1].error.is_some());
}

#[test]
fn refresh_minutes_refreshes_as_the_reader_starts_then_waits_that_long() {
    let f = fixture();
    let file = f.folder.join("wire.rss");
    std::fs::write(&file, RSS).unwrap();
    let mut subs = Subscriptions::default();
    subs.add(&file.display().to_string(), None, vec![]);
    subs.save(&f.subscriptions).unwrap();
    let mut settings = gloss::ui::settings::ReaderSettings::default();
    settings.feeds.refresh_minutes = 30;
    let mut app = App::new(
        crate::ui_support::document(),
        &settings,
        crate::ui_support::env(),
        80,
        24,
    )
    .unwrap();
    app.keeper = Some(f.keeper.clone());
    app.feeds.subscriptions = Some(f.subscriptions.clone());
    // due at once: the event loop wakes for it
    assert_eq!(app.feeds.wake_in(), Some(Duration::ZERO));
    assert!(gloss::ui::feedlist::tick(&mut app));
    assert!(app.feeds.refreshing());
    let deadline = Instant::now() + Duration::from_secs(30);
    while app.feeds.refreshing() {
        assert!(Instant::now() < deadline, "the refresh never ended");
        gloss::ui::feedlist::tick(&mut app);
        std::thread::yield_now();
    }
    assert_eq!(message(&app), "Refreshed 1 feed: 2 new items");
    // the next one in half an hour
    let wait = app.feeds.wake_in().expect("another is due");
    assert!(wait > Duration::from_secs(29 * 60) && wait <= Duration::from_secs(30 * 60));
    // off by default
    assert_eq!(reader(&f, 80, 24).feeds.wake_in(), None);
}
