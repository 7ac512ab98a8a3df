//! `gloss feeds` against feeds served on 127.0.0.1: subscribe, refresh
//! (validators, 304, a broken feed beside good ones), list, OPML round trip.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::sandbox::Sandbox;
use crate::web_support::{Reply, Server};

fn rss(title: &str, items: &[(&str, &str)]) -> String {
    let mut out = format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>{title}</title><link>https://coast.test/</link>"
    );
    for (guid, text) in items {
        out.push_str(&format!(
            "<item><guid>{guid}</guid><title>Story {guid}</title><link>https://coast.test/{guid}</link><description>{text}</description></item>"
        ));
    }
    out.push_str("</channel></rss>");
    out
}

fn ok(out: &std::process::Output) -> String {
    assert!(
        out.status.success(),
        "gloss failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn subscribe_refresh_politely_and_list_unread_counts() {
    let hits = Arc::new(AtomicUsize::new(0));
    let counter = hits.clone();
    let server = Server::start(move |path| match path {
        "/coast.rss" => {
            // the second request carries the validators: nothing changed
            if counter.fetch_add(1, Ordering::SeqCst) == 0 {
                Reply::ok(
                    "application/rss+xml",
                    rss(
                        "Coast Courier",
                        &[("a1", "Ferry agreed."), ("a2", "Bridge shut.")],
                    ),
                )
                .header("ETag", "\"v1\"")
                .header("Last-Modified", "Tue, 03 Mar 2026 09:00:00 GMT")
            } else {
                Reply::status(304)
            }
        }
        "/broken.rss" => Reply::ok("application/rss+xml", "<rss><channel><item>"),
        "/gone.rss" => Reply::status(404),
        _ => Reply::status(404),
    });
    let sb = Sandbox::new();
    for (path, name) in [
        ("/broken.rss", "Broken"),
        ("/coast.rss", "Coast"),
        ("/gone.rss", "Gone"),
    ] {
        ok(&sb.run(&[
            "feeds",
            "add",
            &server.url(path),
            "--name",
            name,
            "--tag",
            "news",
        ]));
    }
    let out = ok(&sb.run(&["feeds", "refresh"]));
    assert!(out.contains("Coast: 2 new"), "{out}");
    assert!(out.contains("Broken: error: not a feed"), "{out}");
    assert!(out.contains("Gone: error: HTTP 404"), "{out}");
    let list = ok(&sb.run(&["feeds"]));
    assert!(list.contains("   2 unread  Coast"), "{list}");
    assert!(
        list.contains("Gone") && list.contains("error: HTTP 404"),
        "{list}"
    );
    let out = ok(&sb.run(&["feeds", "refresh"]));
    assert!(out.contains("Coast: not modified"), "{out}");
    let second = server
        .requests()
        .into_iter()
        .filter(|r| r.target == "/coast.rss")
        .nth(1)
        .expect("asked twice");
    assert_eq!(second.header("if-none-match"), Some("\"v1\""));
    assert_eq!(
        second.header("if-modified-since"),
        Some("Tue, 03 Mar 2026 09:00:00 GMT")
    );
    // the items are in the library, unread, tagged
    let items = ok(&sb.run(&["library", "search", "tag:news", "is:unread"]));
    assert_eq!(items.lines().count(), 2, "{items}");
    ok(&sb.run(&["feeds", "remove", "Gone"]));
    assert!(!ok(&sb.run(&["feeds"])).contains("Gone"));
}

#[test]
fn opml_exported_by_another_reader_comes_back_equivalent() {
    let sb = Sandbox::new();
    let opml = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/feeds/newsboat.opml"
    );
    let err = sb.run(&["feeds", "import", opml]);
    ok(&err);
    assert!(String::from_utf8_lossy(&err.stderr).contains("4 new feed(s)"));
    let exported = ok(&sb.run(&["feeds", "export"]));
    let path = sb.write("work/again.opml", exported.as_bytes());
    // into a second sandbox: the same feeds, names and folders
    let other = Sandbox::new();
    ok(&other.run(&["feeds", "import", path.to_str().expect("utf-8")]));
    let a = ok(&sb.run(&["feeds", "--json"]));
    let b = ok(&other.run(&["feeds", "--json"]));
    assert_eq!(a, b);
    assert!(a.contains("\"tags\":[\"Local\",\"Town\"]"), "{a}");
    let bad = sb.run(&["feeds", "import", "/nonexistent.opml"]);
    assert_eq!(bad.status.code(), Some(1));
}
