//! Fetching web pages from a server on 127.0.0.1 started by the tests:
//! encodings, gzip, redirects, limits, each failure's one-line message, and
//! stopping a fetch. Nothing here reaches the internet.

#[path = "../web_support/mod.rs"]
mod web_support;

use std::time::{Duration, Instant};

use gloss::article_id::ArticleId;
use gloss::source::fetch::{Client, Seconds};
use gloss::source::proxy::ProxyEnv;
use gloss::source::{FetchOptions, LoadError, SourceText};
use web_support::{Reply, Server, refused_port};

const ARTICLE: &str = "Harbour towns vote to share one ferry service\n\nThe vote was close.\n";

/// A client with the default options and no proxy, whatever the
/// environment of the test run says.
fn client() -> Client {
    client_with(|_| {})
}

fn client_with(change: impl FnOnce(&mut FetchOptions)) -> Client {
    let mut opts = FetchOptions::default();
    change(&mut opts);
    Client::new(&opts).with_proxies(ProxyEnv::none())
}

/// A server answering every path with `reply`.
fn serving(reply: Reply) -> Server {
    Server::start(move |_| reply.clone())
}

fn fetched(reply: Reply) -> SourceText {
    let server = serving(reply);
    client().fetch(&server.url("/page")).expect("fetched")
}

/// The one-line message of a failed fetch.
fn error(result: Result<SourceText, LoadError>) -> String {
    let message = result.expect_err("the fetch fails").to_string();
    assert_eq!(message.lines().count(), 1, "{message}");
    message
}

// ── Pages and their encodings ─────────────────────────────────────────────

#[test]
fn a_page_comes_with_its_url_and_media_type() {
    let server = serving(Reply::ok("text/html; charset=utf-8", "<p>Zoë’s café</p>"));
    let url = server.url("/news/story");
    let page = client().fetch(&url).expect("fetched");
    assert_eq!(page.text, "<p>Zoë’s café</p>");
    assert_eq!(page.encoding, "UTF-8");
    assert_eq!(page.url.as_deref(), Some(url.as_str()));
    assert_eq!(page.content_type.as_deref(), Some("text/html"));
    assert_eq!(page.article_id(), ArticleId::Url(url));
    let request = &server.requests()[0];
    assert_eq!(request.method, "GET");
    assert_eq!(request.target, "/news/story");
}

#[test]
fn the_user_agent_is_gloss_and_its_version_unless_configured() {
    let server = serving(Reply::ok("text/plain", ARTICLE));
    client().fetch(&server.url("/")).expect("fetched");
    let agent = server.requests()[0]
        .header("user-agent")
        .unwrap_or("")
        .to_string();
    assert!(
        agent.starts_with(&format!("gloss/{}", env!("CARGO_PKG_VERSION"))),
        "{agent}"
    );
    client_with(|o| o.user_agent = "NewsBot/2 (+https://bot.example)".into())
        .fetch(&server.url("/"))
        .expect("fetched");
    assert_eq!(
        server.requests()[1].header("user-agent"),
        Some("NewsBot/2 (+https://bot.example)")
    );
}

#[test]
fn the_charset_of_the_header_decodes_the_page() {
    // "Привет, мир" in windows-1251
    let page = fetched(Reply::ok(
        "text/plain; charset=windows-1251",
        b"\xCF\xF0\xE8\xE2\xE5\xF2, \xEC\xE8\xF0".to_vec(),
    ));
    assert_eq!(page.text, "Привет, мир");
    assert_eq!(page.encoding, "windows-1251");
}

#[test]
fn the_charset_of_a_meta_tag_decodes_a_page_whose_header_has_none() {
    let mut html = b"<html><head><meta charset=\"windows-1251\"><title>".to_vec();
    html.extend_from_slice(b"\xCD\xEE\xE2\xEE\xF1\xF2\xE8</title>");
    let page = fetched(Reply::ok("text/html", html));
    assert!(
        page.text.contains("<title>Новости</title>"),
        "{}",
        page.text
    );
    assert_eq!(page.encoding, "windows-1251");
    // the older form, in Shift_JIS: "日本語"
    let mut html =
        br#"<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS"><p>"#.to_vec();
    html.extend_from_slice(b"\x93\xfa\x96\x7b\x8c\xea</p>");
    let page = fetched(Reply::ok("text/html", html));
    assert!(page.text.ends_with("<p>日本語</p>"), "{}", page.text);
}

#[test]
fn the_header_wins_over_the_meta_tag_and_a_bom_over_both() {
    let mut html = b"<meta charset=koi8-r><p>".to_vec();
    html.extend_from_slice(b"\xCF\xF0\xE8\xE2\xE5\xF2</p>");
    let page = fetched(Reply::ok("text/html; charset=windows-1251", html));
    assert_eq!(page.text, "<meta charset=koi8-r><p>Привет</p>");
    let page = fetched(Reply::ok(
        "text/plain; charset=iso-8859-1",
        b"\xEF\xBB\xBFZo\xC3\xAB".to_vec(),
    ));
    assert_eq!((page.text.as_str(), page.encoding), ("Zoë", "UTF-8"));
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend("Zoë".encode_utf16().flat_map(u16::to_le_bytes));
    let page = fetched(Reply::ok("text/plain", utf16));
    assert_eq!((page.text.as_str(), page.encoding), ("Zoë", "UTF-16LE"));
}

#[test]
fn without_any_charset_latin1_and_utf8_are_told_apart() {
    let page = fetched(Reply::ok(
        "text/plain",
        b"Caf\xE9 in Z\xFCrich \x96 \x93yes\x94".to_vec(),
    ));
    assert_eq!(page.text, "Café in Zürich – “yes”");
    assert_eq!(page.encoding, "windows-1252");
    assert!(!page.text.contains('\u{FFFD}'));
    let page = fetched(Reply::ok(
        "text/plain",
        "Café in Zürich".as_bytes().to_vec(),
    ));
    assert_eq!(
        (page.text.as_str(), page.encoding),
        ("Café in Zürich", "UTF-8")
    );
}

#[test]
fn a_page_labelled_latin1_that_is_utf8_is_read_as_utf8() {
    let page = fetched(Reply::ok(
        "text/html; charset=ISO-8859-1",
        "<p>São Paulo</p>".as_bytes().to_vec(),
    ));
    assert_eq!(page.text, "<p>São Paulo</p>");
}

#[test]
fn a_page_declared_utf8_keeps_stray_latin1_bytes_without_replacement_characters() {
    let page = fetched(Reply::ok(
        "text/plain; charset=utf-8",
        b"S\xC3\xA3o Paulo, caf\xE9".to_vec(),
    ));
    assert_eq!(page.text, "São Paulo, café");
}

#[test]
fn a_gzipped_page_is_decompressed() {
    let server = serving(Reply::ok("text/plain; charset=utf-8", ARTICLE).gzip());
    let page = client().fetch(&server.url("/")).expect("fetched");
    assert_eq!(page.text, ARTICLE);
    let asked = server.requests()[0]
        .header("accept-encoding")
        .unwrap_or("")
        .to_string();
    assert!(asked.contains("gzip"), "{asked}");
}

#[test]
fn a_page_without_a_media_type_is_read_when_it_is_text() {
    let page = fetched(Reply::status(200).body(ARTICLE));
    assert_eq!(page.text, ARTICLE);
    assert_eq!(page.content_type, None);
}

// ── Redirects ────────────────────────────────────────────────────────────

#[test]
fn a_redirect_is_followed_and_the_final_url_kept() {
    let server = Server::start(|path| match path {
        "/short" => Reply::redirect(301, "/news/2024/story?id=7"),
        _ => Reply::ok("text/plain", ARTICLE),
    });
    let page = client().fetch(&server.url("/short")).expect("fetched");
    let final_url = server.url("/news/2024/story?id=7");
    assert_eq!(page.url.as_deref(), Some(final_url.as_str()));
    assert_eq!(page.origin.to_string(), server.url("/short"));
    assert_eq!(page.article_id(), ArticleId::Url(final_url));
    assert_eq!(server.requests().len(), 2);
}

#[test]
fn a_chain_of_redirects_longer_than_the_limit_is_an_error() {
    let server = Server::start(|path| {
        let n: u32 = path.trim_start_matches("/r").parse().unwrap_or(0);
        Reply::redirect(302, &format!("/r{}", n + 1))
    });
    let url = server.url("/r0");
    let message = error(client_with(|o| o.max_redirects = 3).fetch(&url));
    assert_eq!(
        message,
        format!("{url}: too many redirects (more than 3, [fetch] max-redirects)")
    );
    // the first request and three redirects followed
    assert_eq!(server.requests().len(), 4);
}

#[test]
fn a_redirect_loop_is_named_as_one() {
    let server = Server::start(|path| match path {
        "/a" => Reply::redirect(302, "/b"),
        _ => Reply::redirect(307, "/a"),
    });
    let url = server.url("/a");
    assert_eq!(
        error(client().fetch(&url)),
        format!("{url}: redirect loop (back to {url})")
    );
}

#[test]
fn an_error_status_after_a_redirect_names_where_it_came_from() {
    let server = Server::start(|path| match path {
        "/old" => Reply::redirect(308, "/gone"),
        _ => Reply::status(404),
    });
    let url = server.url("/old");
    assert_eq!(
        error(client().fetch(&url)),
        format!("{url}: HTTP 404 Not Found (at {})", server.url("/gone"))
    );
}

// ── Failures, one line each ──────────────────────────────────────────────

#[test]
fn http_error_statuses() {
    for (status, text) in [(404, "404 Not Found"), (500, "500 Internal Server Error")] {
        let server = serving(Reply::status(status));
        let url = server.url("/missing");
        assert_eq!(error(client().fetch(&url)), format!("{url}: HTTP {text}"));
    }
}

#[test]
fn a_host_that_does_not_resolve() {
    let client = client().with_lookup(|host, _| {
        Err(std::io::Error::other(format!(
            "failed to lookup address information: Name or service not known ({host})"
        )))
    });
    let url = "https://news.invalid/story";
    assert_eq!(
        error(client.fetch(url)),
        format!("{url}: host news.invalid not found (Name or service not known (news.invalid))")
    );
    let client = client_with(|_| {}).with_lookup(|_, _| Ok(Vec::new()));
    let message = error(client.fetch("http://empty.invalid/"));
    assert!(
        message.starts_with("http://empty.invalid/: host empty.invalid not found"),
        "{message}"
    );
}

#[test]
fn a_port_nobody_listens_on_refuses_the_connection() {
    let url = format!("http://127.0.0.1:{}/page", refused_port());
    let port = url
        .split(':')
        .nth(2)
        .and_then(|p| p.split('/').next())
        .unwrap_or("");
    assert_eq!(
        error(client().fetch(&url)),
        format!("{url}: connection refused by 127.0.0.1:{port}")
    );
}

#[test]
fn https_to_a_plain_http_server_is_a_tls_error() {
    let server = serving(Reply::ok("text/plain", ARTICLE));
    let url = format!("https://127.0.0.1:{}/page", server.port());
    let message = error(client().fetch(&url));
    assert!(
        message.starts_with(&format!("{url}: TLS error: ")),
        "{message}"
    );
}

#[test]
fn a_server_slower_than_the_timeout() {
    let server = serving(Reply::ok("text/plain", ARTICLE).delay(Duration::from_secs(5)));
    let url = server.url("/slow");
    let started = Instant::now();
    let result = client_with(|o| o.timeout = Seconds::new(Duration::from_millis(300))).fetch(&url);
    assert_eq!(
        error(result),
        format!("{url}: timed out after 0.3 s ([fetch] timeout)")
    );
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn a_body_larger_than_the_limit_is_refused_and_reading_stops() {
    let limited = || client_with(|o| o.max_bytes = 100_000);
    // announced by Content-Length: refused before reading
    let server = serving(Reply::ok("text/plain", vec![b'a'; 200_000]));
    let url = server.url("/big");
    assert_eq!(
        error(limited().fetch(&url)),
        format!("{url}: larger than 100000 bytes ([fetch] max-bytes); stopped reading")
    );
    // a body that never ends: reading stops at the limit
    let server = serving(Reply::ok("text/plain", "An endless page: ").endless());
    let url = server.url("/endless");
    assert_eq!(
        error(limited().fetch(&url)),
        format!("{url}: larger than 100000 bytes ([fetch] max-bytes); stopped reading")
    );
    // and a gzip bomb counts its decompressed bytes
    let server = serving(Reply::ok("text/plain", vec![b' '; 1_000_000]).gzip());
    assert!(error(limited().fetch(&server.url("/bomb"))).ends_with("stopped reading"));
}

#[test]
fn images_and_pdfs_are_not_pages() {
    for media_type in ["image/png", "application/pdf"] {
        let server = serving(Reply::ok(media_type, b"\x89PNG\r\n\x1a\n....".to_vec()));
        let url = server.url("/file");
        assert_eq!(
            error(client().fetch(&url)),
            format!("{url}: not a web page or text ({media_type})")
        );
    }
    // no media type: the bytes tell
    let server = serving(Reply::status(200).body(b"%PDF-1.7\n...".to_vec()));
    let url = server.url("/doc");
    assert_eq!(
        error(client().fetch(&url)),
        format!("{url}: binary data, not text (a PDF document)")
    );
}

#[test]
fn an_unknown_charset_on_text_that_is_not_utf8() {
    let server = serving(Reply::ok(
        "text/plain; charset=x-martian",
        b"\xCF\xF0\xE8\xE2\xE5\xF2".to_vec(),
    ));
    let url = server.url("/mars");
    assert_eq!(
        error(client().fetch(&url)),
        format!("{url}: charset \"x-martian\" is unknown, and the text is not UTF-8")
    );
    // the same label on UTF-8 text is no obstacle
    let page = fetched(Reply::ok("text/plain; charset=x-martian", "Zoë"));
    assert_eq!(page.text, "Zoë");
}

#[test]
fn urls_that_are_not_web_pages() {
    assert_eq!(
        error(client().fetch("http://")),
        "http://: not a valid URL (empty host)"
    );
    let server = serving(Reply::redirect(302, "ftp://files.example/story.txt"));
    let url = server.url("/");
    let message = error(client().fetch(&url));
    assert_eq!(
        message,
        format!(
            "{url}: not a valid URL (redirected to ftp://files.example/story.txt: ftp is not a web address)"
        )
    );
}

// ── In the background ────────────────────────────────────────────────────

#[test]
fn a_fetch_in_the_background_delivers_its_page() {
    let server = serving(Reply::ok("text/plain", ARTICLE).delay(Duration::from_millis(200)));
    let fetching = client().spawn(&server.url("/page"));
    assert!(fetching.try_take().is_none(), "not yet");
    let page = fetching
        .wait_timeout(Duration::from_secs(10))
        .expect("done")
        .expect("fetched");
    assert_eq!(page.text, ARTICLE);
}

#[test]
fn cancelling_a_fetch_closes_its_connection_at_once() {
    let server = serving(Reply::ok("text/plain", ARTICLE).delay(Duration::from_secs(20)));
    let fetching = client().spawn(&server.url("/page"));
    // the request reaches the server, which holds its answer back
    let waiting = Instant::now();
    while server.requests().is_empty() {
        assert!(waiting.elapsed() < Duration::from_secs(10), "no request");
        std::thread::sleep(Duration::from_millis(10));
    }
    assert!(fetching.try_take().is_none());
    let cancelled = Instant::now();
    fetching.cancel();
    assert!(cancelled.elapsed() < Duration::from_millis(500));
    // the server sees the client hang up long before its 20 s
    while server.hangups() == 0 {
        assert!(
            cancelled.elapsed() < Duration::from_secs(5),
            "the connection stays open"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
}
