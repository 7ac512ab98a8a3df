//! Hostile input to `gloss export` and `gloss import`, the real binary:
//! escape sequences in notes and sources, paths that are not regular files,
//! symbolic links, an export gloss wrote itself.

use std::path::{Path, PathBuf};
use std::process::{Child, Output};
use std::sync::Arc;
use std::time::{Duration, Instant};

use gloss::Document;
use gloss::article_id::ArticleId;
use gloss::config::Config;
use gloss::notes::{Notebook, Store, SystemClock};
use gloss::span::Span;
use serde_json::json;

use crate::sandbox::{Sandbox, ok, stderr, stdout};

const FERRY: &str = "Harbour towns vote to share one ferry service\n\n\
    Mayor Elena Alvarez said on Tuesday that the three harbour towns had agreed to run \
    one ferry service.\n\nCouncillor Mira Okafor warned that fares could rise.\n";

/// Control characters and bidi overrides a terminal would act on.
fn hostile_chars(s: &str) -> Vec<char> {
    s.chars()
        .filter(|&c| {
            (c.is_control() && c != '\n' && c != '\t')
                || ('\u{202a}'..='\u{202e}').contains(&c)
                || ('\u{2066}'..='\u{2069}').contains(&c)
        })
        .collect()
}

fn article(sb: &Sandbox) -> PathBuf {
    let path = sb.path("work").join("ferry.txt");
    std::fs::write(&path, FERRY).unwrap();
    path
}

fn annotate(sb: &Sandbox, path: &Path, quote: &str, body: &str) {
    let doc = Document::from_text(
        &std::fs::read_to_string(path).unwrap(),
        &Config::defaults().clean,
    );
    let store = Store::new(sb.path("data").join("gloss").join("notes"));
    let (mut nb, _) = Notebook::open(
        store,
        ArticleId::for_path(path),
        &doc.article,
        Arc::new(SystemClock),
    )
    .unwrap();
    let start = doc.article.text.find(quote).unwrap();
    nb.add(Span::new(start, start + quote.len()), body, None)
        .unwrap();
}

/// Wait for `child` at most `limit`; a child still running is killed and
/// the test fails (it would have hung).
fn finish(mut child: Child, limit: Duration) -> Output {
    let started = Instant::now();
    while started.elapsed() < limit {
        if child.try_wait().unwrap().is_some() {
            return child.wait_with_output().unwrap();
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.kill().unwrap();
    let out = child.wait_with_output().unwrap();
    panic!(
        "gloss hung; stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn spawn(sb: &Sandbox, args: &[&str]) -> Child {
    sb.command(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap()
}

fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap();
    assert!(status.success());
}

#[test]
fn markdown_to_stdout_carries_no_escape_sequence_or_bidi_override() {
    let sb = Sandbox::new();
    let ferry = article(&sb);
    annotate(
        &sb,
        &ferry,
        "fares could rise",
        "copy \u{1b}]52;c;cm0gLXJmIH4=\u{7} clear \u{1b}[2J\u{1b}[3J flip \u{202e}gpj.exe \u{9b}31m",
    );
    let out = sb.run(&["export", "ferry.txt"]);
    ok(&out);
    let md = stdout(&out);
    assert!(hostile_chars(&md).is_empty(), "{:?}", hostile_chars(&md));
    assert!(md.contains("]52;c;cm0gLXJmIH4="), "shown, harmless: {md}");
    // JSON keeps the note as it is (escaped as JSON escapes)
    let out = sb.run(&["export", "ferry.txt", "--format", "json"]);
    ok(&out);
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert!(
        json[0]["body"][0]["value"]
            .as_str()
            .unwrap()
            .contains('\u{202e}')
    );
}

#[test]
fn a_source_url_with_escapes_is_shown_defused_on_stderr() {
    let sb = Sandbox::new();
    let file = json!([{
        "type": "Annotation",
        "id": "urn:uuid:0190a0a0-0000-7000-8000-000000000001",
        "target": {
            "source": "https://evil.example/\u{1b}]0;owned\u{7}\u{1b}[2J\u{202e}",
            "selector": { "type": "TextQuoteSelector", "exact": "fares" },
        },
    }]);
    sb.write("work/shared.json", file.to_string().as_bytes());
    let out = sb.run(&["import", "shared.json"]);
    ok(&out);
    let err = stderr(&out);
    assert!(err.contains("https://evil.example/"), "{err}");
    assert!(hostile_chars(&err).is_empty(), "{:?}", hostile_chars(&err));
}

#[cfg(unix)]
#[test]
fn an_import_whose_source_is_a_fifo_does_not_open_it() {
    let sb = Sandbox::new();
    let fifo = sb.path("work").join("trap");
    mkfifo(&fifo);
    let file = json!([{
        "type": "Annotation",
        "id": "urn:uuid:0190a0a0-0000-7000-8000-000000000002",
        "target": {
            "source": ArticleId::Path(fifo.clone()).uri(),
            "selector": { "type": "TextQuoteSelector", "exact": "fares" },
        },
    }]);
    sb.write("work/shared.json", file.to_string().as_bytes());
    let out = finish(
        spawn(&sb, &["import", "shared.json"]),
        Duration::from_secs(20),
    );
    ok(&out);
    assert!(stderr(&out).contains("kept apart"), "{}", stderr(&out));
    // and `export --all` does not open it either
    let out = finish(
        spawn(&sb, &["export", "--all", "-o", "out"]),
        Duration::from_secs(20),
    );
    assert!(stderr(&out).contains("not found"), "{}", stderr(&out));
}

#[cfg(unix)]
#[test]
fn export_to_a_stream_writes_once_and_never_reads_it_back() {
    let sb = Sandbox::new();
    let ferry = article(&sb);
    annotate(&sb, &ferry, "fares could rise", "Who pays?");
    // /dev/zero would read for ever
    let out = finish(
        spawn(&sb, &["export", "ferry.txt", "-o", "/dev/zero"]),
        Duration::from_secs(20),
    );
    ok(&out);
    // /dev/stdout into a pipe that closes early (`| head`)
    let out = finish(
        spawn(&sb, &["export", "ferry.txt", "-o", "/dev/stdout"]),
        Duration::from_secs(20),
    );
    ok(&out);
    assert!(stdout(&out).contains("Who pays?"), "{}", stdout(&out));
    // a FIFO with a reader at the other end
    let fifo = sb.path("work").join("pipe");
    mkfifo(&fifo);
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
    };
    let out = finish(
        spawn(&sb, &["export", "ferry.txt", "-o", "pipe"]),
        Duration::from_secs(20),
    );
    ok(&out);
    assert!(reader.join().unwrap().contains("Who pays?"));
}

#[cfg(unix)]
#[test]
fn force_over_a_symlink_writes_the_file_and_keeps_the_link() {
    let sb = Sandbox::new();
    let ferry = article(&sb);
    annotate(&sb, &ferry, "fares could rise", "Who pays?");
    let real = sb.write("vault/ferry.md", b"my own words\n");
    let link = sb.path("work").join("ferry.md");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let out = sb.run(&["export", "ferry.txt", "-o", "ferry.md"]);
    assert!(!out.status.success(), "the file holds something else");
    let out = sb.run(&["export", "ferry.txt", "-o", "ferry.md", "--force"]);
    ok(&out);
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink(),
        "the link is kept"
    );
    assert!(
        std::fs::read_to_string(&real)
            .unwrap()
            .contains("Who pays?")
    );
    // a link to nothing is refused, not followed
    let dangling = sb.path("work").join("nowhere.md");
    std::os::unix::fs::symlink(sb.path("missing/dir/x.md"), &dangling).unwrap();
    let out = sb.run(&["export", "ferry.txt", "-o", "nowhere.md", "--force"]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("symbolic link to nothing"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn the_cli_refreshes_an_export_it_wrote_that_nobody_changed() {
    let sb = Sandbox::new();
    let ferry = article(&sb);
    annotate(&sb, &ferry, "fares could rise", "Who pays?");
    ok(&sb.run(&["export", "ferry.txt", "-o", "ferry.md"]));
    annotate(&sb, &ferry, "one ferry service", "One fleet.");
    let out = sb.run(&["export", "ferry.txt", "-o", "ferry.md"]);
    ok(&out);
    assert!(stderr(&out).contains("replaced"), "{}", stderr(&out));
    let md = std::fs::read_to_string(sb.path("work/ferry.md")).unwrap();
    assert!(md.contains("One fleet."), "{md}");
    // once the user changed it, it is theirs
    std::fs::write(sb.path("work/ferry.md"), format!("{md}\nmy thoughts\n")).unwrap();
    annotate(&sb, &ferry, "Councillor Mira Okafor", "Who is she?");
    let out = sb.run(&["export", "ferry.txt", "-o", "ferry.md"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("--force"), "{}", stderr(&out));
}
