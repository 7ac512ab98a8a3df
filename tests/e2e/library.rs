//! The library end to end: a web page and a file read in the reader are
//! kept; `gloss` alone then lists them, searches them and opens one with
//! the web server gone; `W` on a person lists the other article that
//! mentions her and opens it at her first mention.

use crate::ui_support::tmux::Tmux;
use crate::web_support::{Reply, Server};

const PAGE: &str = r#"<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Harbour towns agree on one ferry</title>
<meta property="og:site_name" content="The Coast Courier">
</head><body>
<article>
<h1>Harbour towns agree on one ferry</h1>
<p>Mayor Elena Alvarez of Port Wren said on Tuesday that the three harbour towns had agreed to run one ferry service between them.</p>
<p>"We will sail as one fleet from the spring," Alvarez told reporters in Port Wren. The plan still needs a vote in Kellby, where councillor Mira Okafor has doubts.</p>
</article>
</body></html>"#;

const FILE: &str = "Bridge repairs delayed again\n\n\
Engineers said on Friday that the old bridge at Dunmore would stay closed until the autumn.\n\n\
\"Nobody wants another winter of detours,\" said Elena Alvarez, who chairs the regional transport board. \
Alvarez met the engineers on Thursday.";

fn quit(t: &Tmux) {
    t.key("q");
    t.wait_for("gloss exited 0");
}

#[test]
fn read_articles_are_kept_searched_and_opened_offline_and_w_finds_the_others() {
    let dir = tempfile::tempdir().expect("temp dir");
    let server = Server::start(|path| match path {
        "/ferry" => Reply::ok("text/html; charset=utf-8", PAGE),
        _ => Reply::status(404),
    });
    // a web page, read and left
    let url = server.url("/ferry");
    let t = Tmux::start(&url, dir.path(), "");
    t.wait_until("the page and its analysis", |s| {
        s.contains(" READ ") && !s.contains("Analysing…") && s.contains("Mira Okafor")
    });
    quit(&t);
    drop(t);
    drop(server);

    // a file that mentions the same person
    let file = dir.path().join("bridge.txt");
    std::fs::write(&file, FILE).expect("writes");
    let t = Tmux::start(&format!("'{}'", file.display()), dir.path(), "");
    t.wait_until("the file and its analysis", |s| {
        s.contains(" READ ") && !s.contains("Analysing…") && s.contains("Elena Alvarez")
    });
    // W on her in People: the other article, then Enter opens it at her
    // first mention, from the library (the server is gone)
    // she is the only person there: People's first row
    t.key("1");
    t.key("W");
    let list = t.wait_for("in 1 other article");
    assert!(list.contains("Harbour towns agree on one ferry"), "{list}");
    assert!(
        list.contains("We will sail as one fleet"),
        "her quote there: {list}"
    );
    t.key("Enter");
    let opened = t.wait_until("the other article", |s| {
        s.contains(" READ ")
            && s.lines()
                .next()
                .is_some_and(|h| h.contains("Harbour towns"))
    });
    assert!(
        opened.contains("Mira Okafor"),
        "its analysis, kept: {opened}"
    );
    quit(&t);
    drop(t);

    // gloss alone: the library, newest first; search; open; offline
    let t = Tmux::start("", dir.path(), "");
    let list = t.wait_for("Library · 2 articles");
    assert!(list.contains("Bridge repairs delayed again"), "{list}");
    assert!(list.contains("Harbour towns agree on one ferry"), "{list}");
    t.key("/");
    t.text("ferry");
    t.wait_for("Library · 1 article · ferry");
    t.key("Enter");
    t.key("Enter");
    let opened = t.wait_until("the kept page", |s| {
        s.contains(" READ ")
            && s.lines()
                .next()
                .is_some_and(|h| h.contains("Harbour towns"))
    });
    assert!(opened.contains("Elena Alvarez"), "{opened}");
    // back to the list, and quit from there
    t.key("BSpace");
    t.wait_for("Library · 2 articles");
    quit(&t);
}

const FEED: &str = r#"<?xml version="1.0"?>
<rss version="2.0"><channel><title>Coast Courier</title><link>https://coast.test/</link>
<item><guid>ferry-1</guid><title>Harbour towns agree on one ferry</title><link>https://coast.test/ferry</link>
<description><![CDATA[<p>Mayor Elena Alvarez of Port Wren said on Tuesday that the three harbour towns had agreed to run one ferry service between them, from the spring, after two years of talks.</p><p>"We will sail as one fleet from the spring," Alvarez told reporters in Port Wren. The plan still needs a vote in Kellby, where councillor Mira Okafor has doubts about who pays for the fuel and who sets the timetable.</p><p>The harbour board will publish the timetable in March.</p>]]></description></item>
</channel></rss>"#;

/// `gloss ARGS` with the pane's config and data directories.
fn gloss(dir: &std::path::Path, args: &[&str]) -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_gloss"))
        .args(args)
        .env("XDG_CONFIG_HOME", dir.join("config"))
        .env("XDG_DATA_HOME", dir.join("data"))
        .env_remove("http_proxy")
        .env_remove("HTTP_PROXY")
        .env_remove("all_proxy")
        .env_remove("ALL_PROXY")
        .output()
        .expect("gloss runs");
    assert!(
        out.status.success(),
        "gloss {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn a_feed_item_opens_from_the_library_is_then_read_and_opens_again_offline() {
    let dir = tempfile::tempdir().expect("temp dir");
    for d in ["config", "data"] {
        std::fs::create_dir_all(dir.path().join(d)).expect("dir");
    }
    let server = Server::start(|path| match path {
        "/feed.rss" => Reply::ok("application/rss+xml", FEED),
        _ => Reply::status(404),
    });
    gloss(dir.path(), &["feeds", "add", &server.url("/feed.rss")]);
    let refreshed = gloss(dir.path(), &["feeds", "refresh"]);
    assert!(refreshed.contains("1 new"), "{refreshed}");
    assert!(gloss(dir.path(), &["feeds"]).contains("1 unread"));
    // the library lists it unread (•); Enter opens it, Backspace goes back
    let t = Tmux::start("", dir.path(), "");
    let list = t.wait_for("Library · 1 article");
    let row = list
        .lines()
        .find(|l| l.contains("Harbour towns agree on one ferry"))
        .unwrap_or_default();
    assert!(row.contains('•'), "unread: {list}");
    t.key("Enter");
    t.wait_until("the item", |s| {
        s.contains(" READ ") && !s.contains("Analysing…")
    });
    t.key("BSpace");
    let list = t.wait_for("Library · 1 article");
    let row = list
        .lines()
        .find(|l| l.contains("Harbour towns agree on one ferry"))
        .unwrap_or_default();
    assert!(!row.contains('•'), "read now: {list}");
    quit(&t);
    drop(t);
    assert!(gloss(dir.path(), &["feeds"]).contains("0 unread"));
    // the server gone: search, open
    drop(server);
    let t = Tmux::start("", dir.path(), "");
    t.wait_for("Library · 1 article");
    t.key("/");
    t.text("fleet");
    t.wait_for("Library · 1 article · fleet");
    t.key("Enter");
    t.key("Enter");
    let opened = t.wait_until("the item", |s| {
        s.contains(" READ ") && s.contains("Mira Okafor")
    });
    assert!(opened.contains("Elena Alvarez"), "{opened}");
    quit(&t);
}

/// One item carries a summary only (its page is on the server), the other
/// its whole text.
const TWO_ITEMS: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Coast Courier</title><link>https://coast.test/</link>
<item><guid>ferry-2</guid><title>Harbour towns agree on one ferry</title><link>LINK</link>
<pubDate>Tue, 03 Mar 2026 08:00:00 GMT</pubDate>
<description>The three harbour towns agreed on one ferry service.</description></item>
<item><guid>tides-1</guid><title>Spring tides expected</title><link>https://coast.test/tides</link>
<pubDate>Mon, 02 Mar 2026 08:00:00 GMT</pubDate>
<description><![CDATA[<p>The harbour master of Port Wren said on Monday that spring tides would reach the sea wall at least twice this month, and asked boat owners to check their moorings.</p><p>"We have seen the water over the wall before," said harbour master Jonah Reyes, who has kept the tide tables for twenty years. The board will meet on Friday.</p><p>Owners can ask the harbour office for spare ropes until the end of the month.</p>]]></description></item>
</channel></rss>"#;

#[test]
fn r_in_the_reader_refreshes_and_an_item_opens_from_the_feed_pane_then_shows_read() {
    let dir = tempfile::tempdir().expect("temp dir");
    for d in ["config", "data"] {
        std::fs::create_dir_all(dir.path().join(d)).expect("dir");
    }
    let link = std::sync::Arc::new(std::sync::OnceLock::<String>::new());
    let feed_link = link.clone();
    let server = Server::start(move |path| match path {
        "/feed.rss" => Reply::ok(
            "application/rss+xml",
            TWO_ITEMS.replace("LINK", feed_link.get().map_or("", String::as_str)),
        ),
        "/ferry" => Reply::ok("text/html; charset=utf-8", PAGE),
        _ => Reply::status(404),
    });
    link.set(server.url("/ferry")).expect("set once");
    gloss(dir.path(), &["feeds", "add", &server.url("/feed.rss")]);
    // reading a file; r refreshes in the background, the status line tells
    let file = dir.path().join("bridge.txt");
    std::fs::write(&file, FILE).expect("writes");
    let t = Tmux::start(&format!("'{}'", file.display()), dir.path(), "");
    t.wait_until("the file", |s| {
        s.contains(" READ ") && s.contains("Dunmore")
    });
    t.key("r");
    t.wait_for("Refreshed 1 feed: 2 new items");
    // F: the feeds with their unread counts; Enter: the items
    t.key("F");
    t.wait_for("Feeds · 1 feed · 2 unread");
    t.key("Enter");
    t.wait_for("Feeds › Coast Courier · 2 items · 2 unread");
    // the summary's page is fetched and opens
    t.key("Enter");
    let opened = t.wait_until("the page", |s| {
        s.contains(" READ ") && s.contains("Mira Okafor")
    });
    assert!(
        opened.contains("Harbour towns agree on one ferry"),
        "{opened}"
    );
    // back to the feed pane: the item is read now
    t.key("F");
    let items = t.wait_for("Feeds › Coast Courier · 2 items · 1 unread");
    let row = items
        .lines()
        .find(|l| l.contains("Harbour towns agree on one ferry"))
        .unwrap_or_default();
    assert!(!row.contains('•'), "read now: {items}");
    t.key("Escape");
    t.wait_for("Feeds · 1 feed · 1 unread");
    quit(&t);
    assert!(gloss(dir.path(), &["feeds"]).contains("1 unread"));
}

#[test]
fn gloss_url_of_a_feed_asks_then_subscribes_and_opens_the_feed_pane() {
    let dir = tempfile::tempdir().expect("temp dir");
    // served as XML: told a feed by its start
    let server = Server::start(|path| match path {
        "/news" => Reply::ok(
            "text/xml",
            TWO_ITEMS.replace("LINK", "https://coast.test/ferry"),
        ),
        _ => Reply::status(404),
    });
    let url = server.url("/news");
    // asked first: no says so and subscribes to nothing
    let t = Tmux::start(&url, dir.path(), "");
    t.wait_for("is a feed (RSS, Atom or JSON Feed). Subscribe to it?");
    t.key("n");
    t.wait_for("not subscribed (gloss feeds add URL subscribes to it)");
    t.wait_for("gloss exited 0");
    assert!(!gloss(dir.path(), &["feeds"]).contains("news"));
    drop(t);
    // yes subscribes
    let t = Tmux::start(&url, dir.path(), "");
    t.wait_for("Subscribe to it?");
    t.key("y");
    t.wait_for("Feeds › Coast Courier · 2 items · 2 unread");
    t.wait_for("A feed: subscribed (2 item(s)");
    // Esc: the feeds; again: the library under them
    t.key("Escape");
    t.wait_for("Feeds · 1 feed · 2 unread");
    t.key("Escape");
    t.wait_for("Library · 2 articles");
    quit(&t);
    let feeds = gloss(dir.path(), &["feeds"]);
    assert!(feeds.contains("2 unread"), "{feeds}");
}
