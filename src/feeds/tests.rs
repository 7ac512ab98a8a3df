use super::*;
use crate::article::CleanOptions;
use crate::library::Library;

const OPML: &str = include_str!("../../tests/fixtures/feeds/newsboat.opml");

fn rss(items: &[(&str, &str, &str)]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Coast Courier</title><link>https://coast.test/</link>",
    );
    for (guid, title, body) in items {
        out.push_str(&format!(
            "<item><guid>{guid}</guid><title>{title}</title><link>https://coast.test/{guid}</link>\
             <pubDate>Tue, 03 Mar 2026 09:00:00 GMT</pubDate><description><![CDATA[<p>{body}</p>]]></description></item>"
        ));
    }
    out.push_str("</channel></rss>");
    out
}

#[test]
fn opml_from_another_reader_is_imported_and_exported_back_equivalent() {
    let feeds = opml::import(OPML).expect("imports");
    let summary: Vec<(String, Option<String>, Vec<String>)> = feeds
        .iter()
        .map(|f| (f.url.clone(), f.name.clone(), f.tags.clone()))
        .collect();
    assert_eq!(
        summary,
        vec![
            (
                "https://example.org/world.rss".into(),
                Some("World & Politics".into()),
                vec![]
            ),
            (
                "https://space.test/feed.atom".into(),
                Some("Space news".into()),
                vec!["Science".into()]
            ),
            (
                "https://lab.test/feed.json".into(),
                Some("Lab notes".into()),
                vec!["Science".into(), "biology".into(), "climate".into()]
            ),
            (
                "http://town.test/rss?x=1&y=2".into(),
                Some("Town hall".into()),
                vec!["Local".into(), "Town".into()]
            ),
        ]
    );
    assert_eq!(feeds[1].site.as_deref(), Some("https://space.test/"));
    let exported = opml::export(&feeds);
    assert!(exported.contains("<opml version=\"2.0\">"), "{exported}");
    let again = opml::import(&exported).expect("imports its own");
    let mut a = feeds.clone();
    let mut b = again.clone();
    a.sort_by(|x, y| x.url.cmp(&y.url));
    b.sort_by(|x, y| x.url.cmp(&y.url));
    assert_eq!(a, b, "{exported}");
    assert!(opml::import("<html><body>no</body></html>").is_err());
    assert!(
        opml::import("<opml><body><outline xmlUrl=\"x\"").is_err()
            || opml::import("<opml><body><outline xmlUrl=\"x\"").is_ok()
    );
}

#[test]
fn a_refresh_keeps_new_items_once_and_a_broken_feed_does_not_stop_the_others() {
    let dir = tempfile::tempdir().expect("temp dir");
    let good = dir.path().join("good.rss");
    let long =
        "The harbour council met on Tuesday and agreed to run one ferry service. ".repeat(12);
    std::fs::write(
        &good,
        rss(&[
            ("a1", "Ferry agreed", &long),
            ("a2", "Short one", "A summary."),
        ]),
    )
    .expect("writes");
    let broken = dir.path().join("broken.rss");
    std::fs::write(&broken, "<rss><channel><item><title>unclosed").expect("writes");
    let bomb = dir.path().join("bomb.rss");
    std::fs::write(
        &bomb,
        "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]><rss version=\"2.0\"><channel><title>&c;</title><item><title>&c;</title><description>&c;</description></item></channel></rss>",
    )
    .expect("writes");
    let mut subs = Subscriptions::default();
    for (path, tag) in [(&broken, "x"), (&good, "coast"), (&bomb, "y")] {
        subs.add(&path.display().to_string(), None, vec![tag.to_string()]);
    }
    let mut lib = Library::open(&dir.path().join("lib")).expect("opens");
    let settings = FeedSettings::default();
    let outcomes = refresh::refresh(
        &mut subs.feeds,
        &mut lib,
        &settings,
        &CleanOptions::default(),
    );
    assert!(
        outcomes[0]
            .error
            .as_deref()
            .is_some_and(|e| e.contains("not a feed")),
        "{outcomes:?}"
    );
    assert_eq!(outcomes[1].new, 2, "{outcomes:?}");
    assert!(subs.feeds[0].error.is_some());
    assert_eq!(subs.feeds[1].title.as_deref(), Some("Coast Courier"));
    // again: nothing new
    let outcomes = refresh::refresh(
        &mut subs.feeds,
        &mut lib,
        &settings,
        &CleanOptions::default(),
    );
    assert_eq!(outcomes[1].new, 0);
    let entries = lib.feed_entries(&subs.feeds[1].url).expect("entries");
    assert_eq!(entries.len(), 2);
    assert!(
        entries
            .iter()
            .all(|e| e.unread && e.tags == vec!["coast".to_string()])
    );
    assert_eq!(
        lib.feed_counts().expect("counts")[&subs.feeds[1].url],
        (2, 2)
    );
    let full = ArticleKey::of("https://coast.test/a1");
    let summary = ArticleKey::of("https://coast.test/a2");
    assert!(!lib.is_summary(&full).expect("reads"));
    assert!(lib.is_summary(&summary).expect("reads"));
    // a million items are cut to the limit
    let many = dir.path().join("many.rss");
    let items: Vec<(String, String, String)> = (0..50)
        .map(|i| (format!("m{i}"), format!("Item {i}"), "Text.".to_string()))
        .collect();
    let refs: Vec<(&str, &str, &str)> = items
        .iter()
        .map(|(a, b, c)| (a.as_str(), b.as_str(), c.as_str()))
        .collect();
    std::fs::write(&many, rss(&refs)).expect("writes");
    let mut subs = Subscriptions::default();
    subs.add(&many.display().to_string(), None, vec![]);
    let limited = FeedSettings {
        max_items: 10,
        ..FeedSettings::default()
    };
    let outcomes = refresh::refresh(
        &mut subs.feeds,
        &mut lib,
        &limited,
        &CleanOptions::default(),
    );
    assert!(outcomes[0].new <= 10, "{outcomes:?}");
}

struct ArticleKey;

impl ArticleKey {
    fn of(url: &str) -> String {
        crate::article_id::ArticleId::Url(url.to_string()).key()
    }
}

#[test]
fn the_subscriptions_file_is_private_and_a_newer_one_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("gloss/feeds.json");
    let mut subs = Subscriptions::load(&path).expect("none yet");
    assert!(subs.add("https://a.test/feed", Some("A".into()), vec![]));
    assert!(!subs.add("https://a.test/feed", None, vec!["t".into()]));
    subs.save(&path).expect("saves");
    let back = Subscriptions::load(&path).expect("loads");
    assert_eq!(back.feeds[0].tags, vec!["t"]);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&path)
                .expect("exists")
                .permissions()
                .mode()
                & 0o777,
            0o600
        );
    }
    std::fs::write(&path, "{\"version\": 9, \"feeds\": []}").expect("writes");
    let err = Subscriptions::load(&path).expect_err("refused").to_string();
    assert!(err.contains("newer gloss"), "{err}");
}

#[test]
fn a_feed_is_told_from_a_page_by_its_media_type_or_its_start() {
    use super::sniff;
    let rss = "<?xml version=\"1.0\"?>\n<!-- a comment -->\n<rss version=\"2.0\"><channel></channel></rss>";
    let atom = "\u{feff}<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>";
    let rdf = "<?xml version=\"1.0\"?><rdf:RDF xmlns:rdf=\"x\"></rdf:RDF>";
    let json = "{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": []}";
    let page =
        "<!doctype html><html><head><title>rss</title></head><body><feed></feed></body></html>";
    for feed in [rss, atom, rdf, json] {
        assert!(sniff(None, feed), "{feed}");
        assert!(sniff(Some("application/xml"), feed), "{feed}");
        assert!(sniff(Some("text/xml"), feed), "{feed}");
    }
    assert!(!sniff(None, page));
    assert!(
        !sniff(Some("text/html"), rss),
        "the server's word for a page"
    );
    assert!(sniff(Some("application/rss+xml"), "not even xml"));
    assert!(!sniff(None, "{\"a\": 1}"));
    assert!(!sniff(Some("text/plain"), "Plain words about <rss> feeds."));
}
