//! Web pages on the command line: `gloss URL` and `gloss annotate URL`
//! against a server on 127.0.0.1, errors on one line, and the proxy the
//! environment names.

use serde_json::Value;

use crate::sandbox::{Sandbox, ok, one_line_error, stdout};
use crate::web_support::{ConnectProxy, Reply, Server};

const PAGE: &str = "Harbour towns vote to share one ferry service\n\n\
    The two councils agreed on Tuesday, said Mayor Ana Lopez.\n";

fn article_server() -> Server {
    Server::start(|path| match path {
        "/page" => Reply::ok("text/plain; charset=utf-8", PAGE),
        _ => Reply::status(404),
    })
}

#[test]
fn annotate_a_url_prints_its_json() {
    let server = article_server();
    let sb = Sandbox::new();
    let out = sb.run(&["annotate", &server.url("/page")]);
    ok(&out);
    let json: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(
        json["title"],
        "Harbour towns vote to share one ferry service"
    );
    assert!(
        json["text"]
            .as_str()
            .unwrap_or("")
            .contains("Mayor Ana Lopez"),
        "{json}"
    );
}

#[test]
fn a_url_piped_prints_the_clean_text() {
    let server = article_server();
    let out = Sandbox::new().run(&[&server.url("/page")]);
    ok(&out);
    assert_eq!(stdout(&out), PAGE);
}

#[test]
fn a_failed_fetch_is_one_line_and_exit_1() {
    let server = article_server();
    let url = server.url("/missing");
    let sb = Sandbox::new();
    let err = one_line_error(&sb.run(&["annotate", &url]));
    assert_eq!(err, format!("gloss: {url}: HTTP 404 Not Found"));
    let err = one_line_error(&sb.run(&[&url]));
    assert_eq!(err, format!("gloss: {url}: HTTP 404 Not Found"));
}

#[test]
fn a_file_named_like_a_url_is_read_as_a_path() {
    let sb = Sandbox::new();
    sb.write("work/http:/story.txt", PAGE.as_bytes());
    let out = sb.run(&["./http://story.txt"]);
    ok(&out);
    assert_eq!(stdout(&out), PAGE);
}

#[test]
fn http_proxy_carries_the_request_and_no_proxy_bypasses_it() {
    let server = article_server();
    let proxy = ConnectProxy::start();
    let sb = Sandbox::new();
    let target = format!("127.0.0.1:{}", server.port());
    let url = server.url("/page");
    let out = sb
        .command(&[&url])
        .env("HTTP_PROXY", proxy.url())
        .output()
        .expect("gloss runs");
    ok(&out);
    assert_eq!(stdout(&out), PAGE);
    assert_eq!(proxy.targets(), vec![target.clone()]);
    // no_proxy names the host: straight to the server
    for no_proxy in ["127.0.0.1", "*", "localhost,127.0.0.0/8"] {
        let out = sb
            .command(&[&url])
            .env("HTTP_PROXY", proxy.url())
            .env("NO_PROXY", no_proxy)
            .output()
            .expect("gloss runs");
        ok(&out);
        assert_eq!(proxy.targets(), vec![target.clone()], "NO_PROXY={no_proxy}");
    }
    // https_proxy is for https:// pages only
    let out = sb
        .command(&[&url])
        .env("HTTPS_PROXY", proxy.url())
        .output()
        .expect("gloss runs");
    ok(&out);
    assert_eq!(proxy.targets().len(), 1);
    assert_eq!(server.requests().len(), 5);
}
