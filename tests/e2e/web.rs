//! The reader on a web page served by a server started in the test: it
//! shows the loading screen while the page comes, then the article and its
//! analysis; Esc cancels a slow fetch.

use std::time::Duration;

use crate::ui_support::tmux::{Tmux, status};
use crate::web_support::{Reply, Server};

const PAGE: &str = r#"<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Harbour towns agree on one ferry | The Coast Courier</title>
<meta property="og:site_name" content="The Coast Courier">
<meta property="og:title" content="Harbour towns agree on one ferry">
<meta property="article:published_time" content="2026-03-03T09:00:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Harbour towns agree on one ferry</h1>
<p>Mayor Elena Alvarez of Port Wren said on Tuesday that the three harbour towns had agreed to run one ferry service between them.</p>
<p>"We will sail as one fleet from the spring," Alvarez told reporters in Port Wren. The plan still needs a vote in Kellby, where councillor Mira Okafor has doubts.</p>
<p>"Kellby pays for the fuel and Port Wren gets the timetable," Okafor said.</p>
</article>
<footer>Share this article. Sign up for our newsletter.</footer>
</body></html>"#;

#[test]
fn a_web_page_opens_in_the_reader_with_its_title_and_analysis() {
    let server = Server::start(|path| match path {
        "/story" => Reply::ok("text/html; charset=utf-8", PAGE).delay(Duration::from_millis(300)),
        _ => Reply::status(404),
    });
    let dir = tempfile::tempdir().expect("temp dir");
    let t = Tmux::start(&server.url("/story"), dir.path(), "");
    // the loading screen first (the server waits before it answers)
    t.wait_until("the loading screen or the article", |s| {
        s.contains("fetching…") || s.contains(" READ ")
    });
    let screen = t.wait_for(" READ ");
    // the title bar: the page's title and its site, extracted from the HTML
    let header = screen.lines().next().unwrap_or("");
    assert!(
        header.contains("Harbour towns agree on one ferry"),
        "{screen}"
    );
    assert!(header.contains("The Coast Courier"), "{screen}");
    assert!(!screen.contains("Sign up for our newsletter"), "{screen}");
    // the analysis fills the panes
    t.wait_until("the people pane", |s| {
        s.contains("Elena Alvarez") && s.contains("Mira Okafor")
    });
    t.key("q");
    t.wait_for("gloss exited 0");
}

#[test]
fn esc_cancels_a_slow_fetch_and_quits_with_one_line() {
    let server = Server::start(|_| Reply::ok("text/html", PAGE).delay(Duration::from_secs(20)));
    let dir = tempfile::tempdir().expect("temp dir");
    let url = server.url("/slow");
    let t = Tmux::start(&url, dir.path(), "");
    let screen = t.wait_for("fetching…");
    assert!(screen.contains(&url), "the address is shown: {screen}");
    assert!(status(&screen).contains("Esc"), "{screen}");
    t.key("Escape");
    let after = t.wait_for("gloss exited 1");
    assert!(
        after.contains(&format!("gloss: {url}: cancelled")),
        "one line naming the page: {after}"
    );
    t.assert_terminal_restored();
}

#[test]
fn a_page_that_cannot_be_fetched_is_a_one_line_error() {
    let server = Server::start(|_| Reply::status(404));
    let dir = tempfile::tempdir().expect("temp dir");
    let url = server.url("/gone");
    let t = Tmux::start(&url, dir.path(), "");
    let after = t.wait_for("gloss exited 1");
    assert!(
        after.contains("gloss: ") && after.contains("404"),
        "{after}"
    );
    t.assert_terminal_restored();
}
