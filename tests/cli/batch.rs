//! `gloss annotate` over many inputs: JSON Lines in input order, an error
//! line for an input that fails, the same annotation as one input gives.

use std::process::Output;

use serde_json::Value;

use crate::sandbox::{Sandbox, ok, one_line_error, stderr, stdout};
use crate::web_support::{Reply, Server, refused_port};

const GUM: &str = include_str!("../../benches/fixtures/gum-cc-by.txt");
const GUM_DOCS: &str = include_str!("../../benches/fixtures/gum-cc-by-docs.tsv");

/// The GUM fixture's documents (real articles of 1-30 KB), in fixture order.
fn gum_documents() -> Vec<&'static str> {
    GUM_DOCS
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|line| {
            let cols: Vec<usize> = line
                .split('\t')
                .skip(1)
                .map(|c| c.parse().expect("offset"))
                .collect();
            &GUM[cols[0]..cols[0] + cols[1]]
        })
        .collect()
}

/// stdout as JSON Lines: every line one JSON object whose first member is
/// "id".
fn json_lines(out: &Output) -> Vec<Value> {
    let text = stdout(out);
    assert!(text.ends_with('\n'), "ends with a newline");
    text.lines()
        .map(|line| {
            assert!(line.starts_with(r#"{"id":"#), "id first: {line:.80}");
            serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line:.80}"))
        })
        .collect()
}

fn ids(lines: &[Value]) -> Vec<&str> {
    lines
        .iter()
        .map(|l| l["id"].as_str().expect("a string id"))
        .collect()
}

/// A line without its "id": what `gloss annotate` prints for that input alone.
fn without_id(line: &Value) -> Value {
    let mut line = line.clone();
    line.as_object_mut().expect("object").remove("id");
    line
}

/// Write the GUM documents into `work/`, named `docNN.txt`; their names.
fn write_documents(sb: &Sandbox, count: usize) -> Vec<String> {
    gum_documents()
        .iter()
        .cycle()
        .take(count)
        .enumerate()
        .map(|(i, text)| {
            let name = format!("doc{i:02}.txt");
            sb.write(&format!("work/{name}"), text.as_bytes());
            name
        })
        .collect()
}

#[test]
fn many_inputs_come_out_in_input_order_whatever_the_threads() {
    let sb = Sandbox::new();
    let mut names = write_documents(&sb, 40);
    // not in name order: the arguments' order is kept
    names.reverse();
    names.swap(3, 17);
    let mut args = vec!["annotate", "-j", "1"];
    args.extend(names.iter().map(String::as_str));
    let one = sb.run(&args);
    ok(&one);
    args[2] = "4";
    let four = sb.run(&args);
    ok(&four);
    assert_eq!(
        stdout(&one),
        stdout(&four),
        "-j 1 and -j 4 give the same bytes"
    );
    let lines = json_lines(&four);
    assert_eq!(ids(&lines), names);
    assert!(lines.iter().all(|l| l.get("error").is_none()));
}

#[test]
fn each_line_is_what_the_input_alone_gives() {
    let sb = Sandbox::new();
    let names = write_documents(&sb, 5);
    let mut args = vec!["annotate"];
    args.extend(names.iter().map(String::as_str));
    let batch = sb.run(&args);
    ok(&batch);
    for (line, name) in json_lines(&batch).iter().zip(&names) {
        let alone = sb.run(&["annotate", name]);
        ok(&alone);
        let text = stdout(&alone);
        assert!(
            text.starts_with("{\n  \"title\""),
            "one pretty object, no id"
        );
        let alone: Value = serde_json::from_str(&text).expect("JSON");
        assert_eq!(without_id(line), alone, "{name}");
    }
}

#[test]
fn a_missing_file_in_the_middle_is_an_error_line_and_the_rest_come() {
    let sb = Sandbox::new();
    let names = write_documents(&sb, 4);
    let out = sb.run(&[
        "annotate",
        &names[0],
        &names[1],
        "missing.txt",
        &names[2],
        &names[3],
    ]);
    let err = one_line_error(&out);
    assert_eq!(
        err,
        "gloss: 1 of 5 inputs failed (their lines have an \"error\" member)"
    );
    let lines = json_lines(&out);
    assert_eq!(
        ids(&lines),
        [&names[0], &names[1], "missing.txt", &names[2], &names[3]]
    );
    assert_eq!(
        lines[2],
        serde_json::json!({"id": "missing.txt", "error": "missing.txt: no such file"})
    );
    for i in [0, 1, 3, 4] {
        assert!(lines[i]["text"].is_string(), "line {i} annotated");
    }
}

#[test]
fn a_folder_gives_its_files_in_name_order_skipping_hidden_ones() {
    let sb = Sandbox::new();
    let docs = gum_documents();
    for (i, rel) in [
        "news/b.txt",
        "news/a.txt",
        "news/sub/c.html",
        "news/.draft.txt",
    ]
    .iter()
    .enumerate()
    {
        sb.write(&format!("work/{rel}"), docs[i].as_bytes());
    }
    sb.write("work/news/.cache/d.txt", docs[4].as_bytes());
    sb.write("work/news/empty.txt", b"");
    sb.write(
        "work/news/photo.jpg",
        b"\xFF\xD8\xFF\xE0\x00\x10JFIF\x00\x01",
    );
    let out = sb.run(&["annotate", "news"]);
    assert_eq!(out.status.code(), Some(1), "the image failed");
    let lines = json_lines(&out);
    assert_eq!(
        ids(&lines),
        [
            "news/a.txt",
            "news/b.txt",
            "news/empty.txt",
            "news/photo.jpg",
            "news/sub/c.html"
        ]
    );
    // an empty file is an empty article; an image is an error line
    assert_eq!(lines[2]["text"], "");
    assert_eq!(lines[2]["entities"], Value::Array(vec![]));
    assert_eq!(
        lines[3]["error"],
        "news/photo.jpg: binary data, not text (a JPEG image)"
    );
    let alone = sb.run(&["annotate", "news/a.txt"]);
    let alone: Value = serde_json::from_slice(&alone.stdout).expect("JSON");
    assert_eq!(without_id(&lines[0]), alone);
    // a folder alone is JSON Lines too; its path as given is joined to the names
    let out = sb.run(&["annotate", "news/sub/"]);
    ok(&out);
    assert_eq!(ids(&json_lines(&out)), ["news/sub/c.html"]);
}

#[test]
fn jsonl_lines_give_text_and_html_and_a_bad_line_is_an_error_line() {
    let sb = Sandbox::new();
    let docs = gum_documents();
    let refused = format!("http://127.0.0.1:{}/article", refused_port());
    let html = format!(
        "<html><body><h1>Title</h1><p>{}</p></body></html>",
        docs[0].replace('\n', " ")
    );
    let lines = [
        serde_json::json!({"id": "plain", "text": docs[1]}).to_string(),
        serde_json::json!({"id": 2, "html": html, "url": "https://example.org/news/2"}).to_string(),
        "{\"id\": \"cut\", \"text\": \"unfinished".to_string(),
        serde_json::json!({"id": "both", "text": "a", "html": "<p>b</p>"}).to_string(),
        // fetched, from a port nobody listens on, so it fails
        serde_json::json!({"id": "fetched", "url": refused}).to_string(),
        serde_json::json!({"id": "last", "text": docs[2], "url": "https://example.org/3"})
            .to_string(),
    ];
    sb.write("work/in.jsonl", lines.join("\n").as_bytes());
    let out = sb.run(&["annotate", "--jsonl", "in.jsonl"]);
    let err = one_line_error(&out);
    assert!(err.contains("3 of 6 inputs failed"), "{err}");
    let got: Vec<Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON"))
        .collect();
    let got_ids: Vec<&Value> = got.iter().map(|l| &l["id"]).collect();
    assert_eq!(
        got_ids,
        [
            &Value::from("plain"),
            &Value::from(2),
            &Value::Null,
            &Value::from("both"),
            &Value::from("fetched"),
            &Value::from("last")
        ]
    );
    assert!(got[1]["entities"].is_array(), "the HTML was annotated");
    assert_eq!(got[1]["meta"]["url"], "https://example.org/news/2");
    let error = got[2]["error"].as_str().expect("an error");
    assert!(error.starts_with("in.jsonl line 3: not JSON: "), "{error}");
    assert_eq!(
        got[3]["error"],
        "in.jsonl line 4: both \"text\" and \"html\"; give one"
    );
    let error = got[4]["error"].as_str().expect("an error");
    assert!(error.starts_with(&refused), "{error}");
    assert_eq!(got[5]["meta"]["url"], "https://example.org/3");
    // the text line's annotation is the file's
    sb.write("work/plain.txt", docs[1].as_bytes());
    let alone = sb.run(&["annotate", "plain.txt"]);
    let alone: Value = serde_json::from_slice(&alone.stdout).expect("JSON");
    let mut plain = without_id(&got[0]);
    plain["meta"]["url"] = Value::Null;
    assert_eq!(plain, alone);
}

#[test]
fn jsonl_from_standard_input_after_the_arguments() {
    let sb = Sandbox::new();
    let names = write_documents(&sb, 1);
    let input = serde_json::json!({"id": "in", "text": gum_documents()[3]}).to_string();
    let out = sb.run_with_stdin(&["annotate", &names[0], "--jsonl", "-"], input.as_bytes());
    ok(&out);
    assert_eq!(ids(&json_lines(&out)), [names[0].as_str(), "in"]);
}

#[test]
fn standard_input_among_files_is_one_input() {
    let sb = Sandbox::new();
    let names = write_documents(&sb, 1);
    let out = sb.run_with_stdin(&["annotate", "-", &names[0]], gum_documents()[5].as_bytes());
    ok(&out);
    let lines = json_lines(&out);
    assert_eq!(ids(&lines), ["-", names[0].as_str()]);
    let err = one_line_error(&sb.run(&["annotate", "-", "--jsonl", "-"]));
    assert_eq!(err, "gloss: standard input (-) can be read only once");
}

#[test]
fn explain_and_names_work_on_every_line() {
    let sb = Sandbox::new();
    let names = write_documents(&sb, 3);
    let mut args = vec!["annotate", "--explain", "--names", "rules", "-j", "2"];
    args.extend(names.iter().map(String::as_str));
    let out = sb.run(&args);
    ok(&out);
    let lines = json_lines(&out);
    for (line, name) in lines.iter().zip(&names) {
        assert!(line["explain"]["names"].is_array(), "{name}");
        let alone = sb.run(&["annotate", "--explain", "--names", "rules", name]);
        let alone: Value = serde_json::from_slice(&alone.stdout).expect("JSON");
        assert_eq!(without_id(line), alone, "{name}");
    }
}

#[test]
fn jobs_must_be_at_least_one() {
    let sb = Sandbox::new();
    let out = sb.run(&["annotate", "-j", "0", "a.txt", "b.txt"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
}

#[test]
fn the_help_says_what_the_exit_status_is() {
    let sb = Sandbox::new();
    let help = stdout(&sb.run(&["annotate", "--help"]));
    let help = help.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(help.contains("-j, --jobs <N>"), "{help}");
    assert!(
        help.contains(
            "the exit status is 0 when every input succeeded, else 1 once all are written"
        ),
        "{help}"
    );
}

#[test]
fn web_pages_are_fetched_among_files_and_from_jsonl_lines() {
    let docs = gum_documents();
    let (first, second) = (docs[6].to_string(), docs[7].to_string());
    let server = Server::start(move |path| match path {
        "/first" => Reply::ok("text/plain; charset=utf-8", first.clone()),
        "/second" => Reply::ok("text/plain; charset=utf-8", second.clone()),
        _ => Reply::status(404),
    });
    let sb = Sandbox::new();
    let names = write_documents(&sb, 1);
    let (first, second, missing) = (
        server.url("/first"),
        server.url("/second"),
        server.url("/missing"),
    );
    sb.write(
        "work/urls.jsonl",
        serde_json::json!({"id": "by line", "url": second})
            .to_string()
            .as_bytes(),
    );
    let out = sb.run(&[
        "annotate",
        &first,
        &names[0],
        &missing,
        "--jsonl",
        "urls.jsonl",
    ]);
    let err = one_line_error(&out);
    assert!(err.contains("1 of 4 inputs failed"), "{err}");
    let lines = json_lines(&out);
    assert_eq!(
        ids(&lines),
        [
            first.as_str(),
            names[0].as_str(),
            missing.as_str(),
            "by line"
        ]
    );
    assert_eq!(lines[0]["meta"]["url"], first.as_str());
    assert_eq!(lines[3]["meta"]["url"], second.as_str());
    assert_eq!(
        lines[2]["error"],
        format!("{missing}: HTTP 404 Not Found").as_str()
    );
    // a page's annotation is its text's, but for its address
    sb.write("work/second.txt", docs[7].as_bytes());
    let alone = sb.run(&["annotate", "second.txt"]);
    let alone: Value = serde_json::from_slice(&alone.stdout).expect("JSON");
    let mut fetched = without_id(&lines[3]);
    fetched["meta"]["url"] = Value::Null;
    assert_eq!(fetched, alone);
}
