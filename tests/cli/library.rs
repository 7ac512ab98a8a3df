//! `gloss library` and `gloss who` on a small library built in the test.

use crate::sandbox::Sandbox;

const ONE: &str = "Harbour towns agree on one ferry\n\nMayor Elena Alvarez of Port Wren said on Tuesday that the three harbour towns had agreed to run one ferry service. \"We will sail as one fleet from the spring,\" Alvarez told reporters.";
const TWO: &str = "Bridge repairs delayed again\n\nEngineers said on Friday that the bridge at Dunmore would stay closed. \"Nobody wants another winter of detours,\" said Elena Alvarez, who chairs the transport board.";
const THREE: &str =
    "Rain closes the fair\n\nHeavy rain closed the county fair on Saturday, organisers said.";

fn stdout(out: &std::process::Output) -> String {
    assert!(
        out.status.success(),
        "gloss failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn library() -> Sandbox {
    let sb = Sandbox::new();
    sb.write("articles/one.txt", ONE.as_bytes());
    sb.write("articles/two.txt", TWO.as_bytes());
    sb.write("articles/three.txt", THREE.as_bytes());
    let out = sb.run(&[
        "library",
        "import",
        sb.path("articles").to_str().expect("utf-8"),
    ]);
    stdout(&out);
    assert!(String::from_utf8_lossy(&out.stderr).contains("3 article(s) kept"));
    sb
}

#[test]
fn import_list_search_and_forget() {
    let sb = library();
    let list = stdout(&sb.run(&["library", "--json"]));
    assert_eq!(list.lines().count(), 3, "{list}");
    for line in list.lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("JSON");
        assert!(v["title"].is_string() && v["key"].is_string(), "{line}");
    }
    let found = stdout(&sb.run(&["library", "search", "ferry"]));
    assert!(
        found.contains("Harbour towns agree on one ferry"),
        "{found}"
    );
    assert_eq!(found.lines().count(), 1, "{found}");
    let found = stdout(&sb.run(&["library", "search", "person:\"Elena Alvarez\""]));
    assert_eq!(found.lines().count(), 2, "{found}");
    let bad = sb.run(&["library", "search", "is:blue"]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&bad.stderr).starts_with("gloss: unknown filter"));
    let three = sb.path("articles/three.txt");
    stdout(&sb.run(&["library", "forget", three.to_str().expect("utf-8")]));
    assert_eq!(stdout(&sb.run(&["library"])).lines().count(), 2);
    stdout(&sb.run(&["library", "forget", "--all"]));
    assert_eq!(stdout(&sb.run(&["library"])).lines().count(), 0);
}

#[test]
fn who_lists_the_articles_that_mention_someone_with_their_quotes() {
    let sb = library();
    let out = stdout(&sb.run(&["who", "Alvarez", "--json"]));
    let hits: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON"))
        .collect();
    assert_eq!(hits.len(), 2, "{out}");
    let quotes: Vec<String> = hits
        .iter()
        .flat_map(|h| h["quotes"].as_array().cloned().unwrap_or_default())
        .filter_map(|q| q.as_str().map(str::to_string))
        .collect();
    assert!(
        quotes
            .iter()
            .any(|q| q.contains("We will sail as one fleet")),
        "{out}"
    );
    assert!(
        quotes
            .iter()
            .any(|q| q.contains("Nobody wants another winter")),
        "{out}"
    );
    let text = stdout(&sb.run(&["who", "Elena", "Alvarez"]));
    assert!(text.contains("Bridge repairs delayed again"), "{text}");
    let none = sb.run(&["who", "Nobody Known"]);
    assert_eq!(none.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&none.stderr).starts_with("gloss: no article"));
}

#[test]
fn a_library_from_a_newer_gloss_is_refused_in_one_line() {
    let sb = library();
    let db = sb.path("data/gloss/library/library.sqlite");
    let conn = rusqlite::Connection::open(&db).expect("opens");
    conn.pragma_update(None, "user_version", 42).expect("sets");
    drop(conn);
    let out = sb.run(&["library"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("newer gloss") && err.lines().count() == 1,
        "{err}"
    );
}

#[test]
fn an_import_past_the_limits_is_refused_whole_with_one_line() {
    let sb = Sandbox::new();
    sb.write("articles/one.txt", ONE.as_bytes());
    sb.write("articles/two.txt", TWO.as_bytes());
    sb.write("articles/three.txt", THREE.as_bytes());
    let dir = sb.path("articles");
    let dir = dir.to_str().expect("utf-8");
    sb.write(
        "config/gloss/config.toml",
        b"[limits]\nimport-articles = 2\n",
    );
    let out = sb.run(&["library", "import", dir]);
    let line = crate::sandbox::one_line_error(&out);
    assert!(
        line.contains("3 files, more than [limits] import-articles = 2"),
        "{line}"
    );
    assert_eq!(
        stdout(&sb.run(&["library"])).lines().count(),
        0,
        "nothing kept"
    );
    // a JSON Lines file larger than import-mb is refused before it is read
    let big = "{\"text\": \"Rain fell.\"}\n".repeat(60_000);
    sb.write("big.jsonl", big.as_bytes());
    sb.write("config/gloss/config.toml", b"[limits]\nimport-mb = 1\n");
    let out = sb.run(&[
        "library",
        "import",
        sb.path("big.jsonl").to_str().expect("utf-8"),
    ]);
    let line = crate::sandbox::one_line_error(&out);
    assert!(
        line.contains("1.3 MB to import, more than [limits] import-mb = 1"),
        "{line}"
    );
    // within the limits, the same folder goes in
    sb.write(
        "config/gloss/config.toml",
        b"[limits]\nimport-articles = 3\n",
    );
    stdout(&sb.run(&["library", "import", dir]));
    assert_eq!(stdout(&sb.run(&["library"])).lines().count(), 3);
}

#[test]
fn people_lists_who_is_mentioned_and_quoted_most_this_week() {
    let sb = library();
    let out = stdout(&sb.run(&["library", "people", "--json"]));
    let v: serde_json::Value = serde_json::from_str(out.trim()).expect("one JSON object");
    let first = &v["mentioned"][0];
    assert_eq!(first["name"], "Elena Alvarez", "{out}");
    assert_eq!(first["articles"], 2, "{out}");
    assert_eq!(v["quoted"][0]["name"], "Elena Alvarez", "{out}");
    assert_eq!(v["quoted"][0]["quotes"], 2, "{out}");
    let text = stdout(&sb.run(&["library", "people", "--limit", "1"]));
    assert!(text.starts_with("Most mentioned since "), "{text}");
    assert!(text.contains("Most quoted since "), "{text}");
    assert!(text.contains("Elena Alvarez"), "{text}");
    // none of them is dated after this
    let later = stdout(&sb.run(&["library", "people", "--since", "2999-01-01", "--json"]));
    let v: serde_json::Value = serde_json::from_str(later.trim()).expect("JSON");
    assert_eq!(v["mentioned"], serde_json::json!([]));
    let bad = sb.run(&["library", "people", "--since", "last week"]);
    let line = crate::sandbox::one_line_error(&bad);
    assert!(line.contains("not a date"), "{line}");
}

#[test]
fn a_search_saved_lists_with_its_counts_runs_by_name_and_is_forgotten() {
    let sb = library();
    let out = sb.run(&["library", "search", "--save", "Alvarez", "person:alvarez"]);
    assert_eq!(stdout(&out).lines().count(), 2);
    assert!(crate::sandbox::stderr(&out).contains("saved as \"Alvarez\""));
    let list = stdout(&sb.run(&["library", "saved", "--json"]));
    let v: serde_json::Value = serde_json::from_str(list.trim()).expect("JSON");
    assert_eq!(v["name"], "Alvarez");
    assert_eq!(v["count"], 2);
    assert_eq!(
        stdout(&sb.run(&["library", "saved", "Alvarez"]))
            .lines()
            .count(),
        2
    );
    let bad = sb.run(&["library", "search", "--save", "X", "is:blue"]);
    crate::sandbox::one_line_error(&bad);
    stdout(&sb.run(&["library", "saved", "--remove", "Alvarez"]));
    assert_eq!(stdout(&sb.run(&["library", "saved"])).trim(), "");
    let gone = sb.run(&["library", "saved", "Alvarez"]);
    let line = crate::sandbox::one_line_error(&gone);
    assert!(line.contains("no saved search is named"), "{line}");
}

#[test]
fn gloss_dir_on_a_pipe_lists_the_folders_articles_and_keeps_none() {
    let sb = Sandbox::new();
    sb.write("articles/one.txt", ONE.as_bytes());
    sb.write(
        "articles/three.html",
        b"<html><body><h1>Rain closes the fair</h1><p>Heavy rain.</p></body></html>",
    );
    sb.write("articles/blob.bin", &[0, 0, 1, 2, 0, 255]);
    let dir = sb.path("articles");
    let out = stdout(&sb.run(&[dir.to_str().expect("utf-8")]));
    let mut lines: Vec<&str> = out.lines().collect();
    lines.sort_unstable();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(
        lines[0].ends_with("one.txt\tHarbour towns agree on one ferry"),
        "{out}"
    );
    assert!(
        lines[1].ends_with("three.html\tRain closes the fair"),
        "{out}"
    );
    assert_eq!(
        stdout(&sb.run(&["library"])).lines().count(),
        0,
        "none kept"
    );
}
