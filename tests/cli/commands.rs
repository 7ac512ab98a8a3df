//! The real binary, run as a user would: every run gets its own empty config
//! and data directories.

use std::path::Path;
use std::process::Stdio;

use crate::sandbox::{Sandbox, one_line_error, stderr, stdout};

use serde_json::Value;

const SCRAPED: &str = "tests/fixtures/articles/scraped.txt";
const SCRIPTS: &str = "tests/fixtures/articles/scripts.txt";

fn repo(rel: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(rel)
        .display()
        .to_string()
}

#[test]
fn missing_file_is_a_one_line_error_naming_it() {
    let sb = Sandbox::new();
    let err = one_line_error(&sb.run(&["no-such-article.txt"]));
    assert_eq!(err, "gloss: no-such-article.txt: no such file");
    let err = one_line_error(&sb.run(&["annotate", "no-such-article.txt"]));
    assert_eq!(err, "gloss: no-such-article.txt: no such file");
}

#[test]
fn a_directory_is_listed_by_the_reader_not_refused() {
    // `gloss DIR` lists the folder's articles (tests/cli/library.rs); an
    // empty folder lists nothing. `gloss annotate .` takes a folder's files
    // (tests/cli/batch.rs)
    let sb = Sandbox::new();
    let out = sb.run(&["."]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stdout.is_empty() && out.stderr.is_empty());
}

#[test]
fn binary_and_empty_files_are_refused() {
    let sb = Sandbox::new();
    sb.write("work/photo.jpg", b"\xFF\xD8\xFF\xE0\x00\x10JFIF\x00\x01");
    sb.write("work/blob.bin", b"abc\x00\x01\x02def");
    sb.write("work/empty.txt", b"");
    let err = one_line_error(&sb.run(&["annotate", "photo.jpg"]));
    assert_eq!(
        err,
        "gloss: photo.jpg: binary data, not text (a JPEG image)"
    );
    let err = one_line_error(&sb.run(&["blob.bin"]));
    assert_eq!(
        err,
        "gloss: blob.bin: binary data, not text (it contains NUL bytes)"
    );
}

#[test]
fn an_empty_file_is_an_empty_article_in_json_with_empty_lists() {
    let sb = Sandbox::new();
    sb.write("work/empty.txt", b"");
    sb.write("work/blank.txt", b"\xEF\xBB\xBF \n\n\t\n");
    for args in [&["annotate", "empty.txt"][..], &["annotate", "blank.txt"]] {
        let out = sb.run(args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        let json: Value = serde_json::from_slice(&out.stdout).expect("JSON");
        assert_eq!(json["text"], "", "{args:?}");
        assert_eq!(json["title"], Value::Null, "{args:?}");
        for list in ["entities", "quotes", "blocks", "sentences"] {
            assert_eq!(json[list], Value::Array(vec![]), "{args:?}: {list}");
        }
    }
    let out = sb.run_with_stdin(&["annotate", "-"], b"");
    assert!(out.status.success(), "{}", stderr(&out));
    let json: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json["entities"], Value::Array(vec![]));
}

#[test]
fn latin1_file_is_decoded_as_windows_1252() {
    let sb = Sandbox::new();
    sb.write(
        "work/latin1.txt",
        b"Caf\xE9 society in Z\xFCrich\n\n\x93Quoted,\x94 she said.\n",
    );
    let out = sb.run(&["latin1.txt"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "Café society in Zürich\n\n“Quoted,” she said.\n"
    );
}

#[test]
fn stdin_as_dash() {
    let sb = Sandbox::new();
    let out = sb.run_with_stdin(&["-"], b"Title\r\n\r\nBody [ad_1]text.\r\n");
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out), "Title\n\nBody text.\n");
    let out = sb.run_with_stdin(&["annotate", "-"], b"Title\n\nBody.");
    let json: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json["title"], "Title");
    // empty stdin is an empty article: nothing printed but the newline
    let out = sb.run_with_stdin(&["-"], b"");
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn piped_text_is_read_without_a_dash() {
    let sb = Sandbox::new();
    // `echo text | gloss | cat`: the piped text, not the sample
    let out = sb.run_with_stdin(&[], b"Piped title\n\nPiped body [ad_1]text.\n");
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out), "Piped title\n\nPiped body text.\n");
    // and `echo text | gloss annotate`
    let out = sb.run_with_stdin(&["annotate"], b"Piped title\n\nPiped body.\n");
    assert!(out.status.success(), "{}", stderr(&out));
    let json: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json["title"], "Piped title");
    // nothing piped and no input: a usage error
    let out = sb.run(&["annotate"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("needs an input"), "{}", stderr(&out));
    // stdin from /dev/null is no input: the sample, as before
    let out = sb.run(&[]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).len() > 500, "the sample article");
}

#[test]
fn a_file_named_like_a_subcommand_opens_as_a_file() {
    let sb = Sandbox::new();
    sb.write(
        "work/export",
        b"Export rules change\n\nThe new rules apply from May.",
    );
    sb.write(
        "work/annotate",
        b"Annotated bibliography\n\nA list of sources.",
    );
    let out = sb.run(&["./export"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "Export rules change\n\nThe new rules apply from May.\n"
    );
    let out = sb.run(&["./annotate"]);
    assert_eq!(
        stdout(&out),
        "Annotated bibliography\n\nA list of sources.\n"
    );
}

#[test]
fn no_argument_reads_the_bundled_sample() {
    let sb = Sandbox::new();
    let out = sb.run(&[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let first = text.lines().next().expect("a title");
    assert!(!first.is_empty());
    assert!(!text.contains("[ad_"), "sample is cleaned");
}

#[test]
fn version_and_help_work_everywhere() {
    let sb = Sandbox::new();
    let version = env!("CARGO_PKG_VERSION");
    for args in [
        &["--version"][..],
        &["annotate", "--version"],
        &["man", "--version"],
    ] {
        let out = sb.run(args);
        assert!(out.status.success(), "{args:?}");
        assert!(stdout(&out).contains(version), "{args:?}: {}", stdout(&out));
    }
    for args in [
        &["--help"][..],
        &["annotate", "--help"],
        &["completions", "--help"],
    ] {
        let out = sb.run(args);
        assert!(out.status.success(), "{args:?}");
        assert!(stdout(&out).contains("Usage: gloss"), "{args:?}");
    }
}

#[test]
fn usage_errors_exit_2() {
    let sb = Sandbox::new();
    assert_eq!(sb.run(&["--no-such-flag"]).status.code(), Some(2));
    assert_eq!(sb.run(&["annotate"]).status.code(), Some(2));
    assert_eq!(
        sb.run(&["completions", "no-such-shell"]).status.code(),
        Some(2)
    );
}

#[test]
fn bad_config_names_file_line_and_option() {
    let sb = Sandbox::new();
    let config = sb.write("bad.toml", b"[clean]\n\njunk_line = ['x']\n");
    let config = config.display().to_string();
    let err = one_line_error(&sb.run(&["--config", &config, &repo(SCRAPED)]));
    assert_eq!(
        err,
        format!("gloss: {config}:3: unknown option `clean.junk_line` (did you mean `junk_lines`?)")
    );
    // the flag is global: after the subcommand too
    let err = one_line_error(&sb.run(&["annotate", &repo(SCRAPED), "--config", &config]));
    assert!(err.contains(":3: unknown option"), "{err}");
    let err = one_line_error(&sb.run(&["--config", "missing.toml"]));
    assert!(err.starts_with("gloss: missing.toml: "), "{err}");
}

#[test]
fn the_users_config_file_is_read_from_xdg_config_home() {
    let sb = Sandbox::new();
    sb.write(
        "work/a.txt",
        b"Title\n\nKeep this.\n\nDrop this promo line\n\nAnd this.",
    );
    assert!(stdout(&sb.run(&["a.txt"])).contains("Drop this promo line"));
    sb.write(
        "config/gloss/config.toml",
        b"[clean]\njunk_lines = ['Drop this promo line']\n",
    );
    assert_eq!(
        stdout(&sb.run(&["a.txt"])),
        "Title\n\nKeep this.\n\nAnd this.\n"
    );
    sb.write(
        "config/gloss/config.toml",
        b"[clean]\ntitle_max_words = 'many'\n",
    );
    let err = one_line_error(&sb.run(&["a.txt"]));
    assert!(
        err.contains("config.toml:2: option `clean.title_max_words`"),
        "{err}"
    );
}

/// Every `start`/`end` pair in the JSON lies on character boundaries of `text`.
fn assert_offsets_on_char_boundaries(json: &Value) {
    let text = json["text"].as_str().expect("text");
    let mut spans = Vec::new();
    let mut collect = |v: &Value| {
        if let (Some(s), Some(e)) = (v["start"].as_u64(), v["end"].as_u64()) {
            spans.push((s as usize, e as usize));
        }
    };
    for key in ["blocks", "sentences", "quotes"] {
        json[key]
            .as_array()
            .into_iter()
            .flatten()
            .for_each(&mut collect);
    }
    for entity in json["entities"].as_array().expect("entities") {
        entity["mentions"]
            .as_array()
            .into_iter()
            .flatten()
            .for_each(&mut collect);
    }
    for (s, e) in spans {
        assert!(s <= e && e <= text.len(), "{s}..{e} outside the text");
        assert!(
            text.is_char_boundary(s) && text.is_char_boundary(e),
            "{s}..{e} splits a character"
        );
    }
    for q in json["quotes"].as_array().expect("quotes") {
        let (s, e) = (
            q["start"].as_u64().expect("start") as usize,
            q["end"].as_u64().expect("end") as usize,
        );
        assert_eq!(
            q["text"].as_str(),
            Some(&text[s..e]),
            "quote text is text[start..end]"
        );
    }
}

#[test]
fn annotate_prints_the_json_contract() {
    let sb = Sandbox::new();
    for file in [SCRAPED, SCRIPTS] {
        let out = sb.run(&["annotate", &repo(file)]);
        assert!(out.status.success(), "{}", stderr(&out));
        let json: Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
        assert!(json["text"].is_string());
        assert!(json["entities"].is_array() && json["quotes"].is_array());
        assert!(json["blocks"].is_array() && json["meta"].is_object());
        let title = json["title"].as_str().expect("a title");
        assert!(json["text"].as_str().expect("text").starts_with(title));
        assert_offsets_on_char_boundaries(&json);
    }
}

#[test]
fn annotate_shows_the_cleaning() {
    let sb = Sandbox::new();
    let out = sb.run(&["annotate", &repo(SCRAPED)]);
    let json: Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    let text = json["text"].as_str().expect("text");
    for junk in [
        "[ad_",
        "Source link",
        "&#",
        "& #",
        "newsletter",
        "Share this",
        "\u{1b}",
        "\u{7}",
        "Image",
    ] {
        assert!(!text.contains(junk), "{junk:?} left in {text}");
    }
    assert!(text.contains("'A long winter'"));
    assert!(text.contains("HARBOURTON (Reuters) - The mayor said"));
    assert_eq!(json["meta"]["source"], "Reuters");
    assert_eq!(json["meta"]["byline"], "Tomas Lindqvist");
    assert_eq!(json["meta"]["published"], "March 3, 2024");
    let kinds: Vec<&str> = json["blocks"]
        .as_array()
        .expect("blocks")
        .iter()
        .filter_map(|b| b["kind"].as_str())
        .collect();
    assert_eq!(kinds[..2], ["title", "caption"]);
    assert!(kinds.contains(&"dateline") && kinds.contains(&"heading"));
}

#[test]
fn annotate_extracts_a_saved_web_page() {
    let sb = Sandbox::new();
    // the page is told by its content, whatever the file is called
    let page = std::fs::read(repo("tests/fixtures/pages/lemonde-1/source.html")).expect("fixture");
    let file = sb.write("work/saved-page.txt", &page);
    let out = sb.run(&["annotate", &file.display().to_string()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let json: Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    assert_offsets_on_char_boundaries(&json);
    let title = "Le projet de loi sur le renseignement massivement approuvé à l'Assemblée";
    assert_eq!(json["title"], title);
    let text = json["text"].as_str().expect("text");
    assert!(text.starts_with(title), "{text}");
    assert!(
        !text.contains('<') && !text.contains("function("),
        "markup left: {text}"
    );
    let meta = &json["meta"];
    assert_eq!(meta["language"], "fr", "the page's declared language");
    assert_eq!(meta["site"], "Le Monde.fr");
    assert!(
        meta["url"]
            .as_str()
            .is_some_and(|u| u.starts_with("http://www.lemonde.fr/"))
    );
    let kinds: Vec<&str> = json["blocks"]
        .as_array()
        .expect("blocks")
        .iter()
        .filter_map(|b| b["kind"].as_str())
        .collect();
    assert!(
        kinds.contains(&"paragraph") && kinds.contains(&"heading"),
        "{kinds:?}"
    );

    // without a terminal, `gloss PAGE` prints the article's text
    let out = sb.run(&[&file.display().to_string()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out), format!("{text}\n"));
}

#[test]
fn scripts_other_than_latin_come_through_intact() {
    let sb = Sandbox::new();
    let out = sb.run(&[&repo(SCRIPTS)]);
    assert!(out.status.success(), "{}", stderr(&out));
    let original = std::fs::read_to_string(repo(SCRIPTS)).expect("fixture");
    assert_eq!(stdout(&out), original);
}

#[test]
fn completions_and_man_page() {
    let sb = Sandbox::new();
    for shell in ["bash", "zsh", "fish"] {
        let out = sb.run(&["completions", shell]);
        assert!(out.status.success(), "{shell}");
        assert!(stdout(&out).contains("annotate"), "{shell}");
    }
    let out = sb.run(&["man"]);
    assert!(out.status.success());
    let man = stdout(&out);
    assert!(man.contains(".TH gloss 1"), "{man}");
    assert!(man.contains("annotate"));
}

#[test]
fn a_reader_that_goes_away_is_not_an_error() {
    let sb = Sandbox::new();
    let mut child = sb
        .command(&["annotate", &repo(SCRAPED)])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("gloss starts");
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("gloss ends");
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stderr(&out), "");
}

#[test]
fn annotate_can_leave_out_the_rules_or_the_tagger_for_measuring_them() {
    let sandbox = Sandbox::new();
    let sample = repo("assets/articles/sample.txt");
    let people = |names: &str| -> usize {
        let out = sandbox.run(&["annotate", "--names", names, &sample]);
        assert!(out.status.success(), "{}", stderr(&out));
        let json: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON");
        json["entities"]
            .as_array()
            .expect("entities")
            .iter()
            .filter(|e| e["kind"] == "person")
            .count()
    };
    // each part alone still finds people in the sample
    assert!(people("rules") > 0);
    assert!(people("tagger") > 0);
    assert!(people("both") > 0);
    let out = sandbox.run(&["annotate", "--names", "magic", &sample]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("magic"), "{}", stderr(&out));
}

#[test]
fn annotate_explain_adds_the_reasons_and_leaves_the_rest_as_it_was() {
    let sb = Sandbox::new();
    let text = "Vote delayed\n\n\"We will not wait,\" said Senator Ama Okafor on Monday.\n";
    let plain: Value = serde_json::from_str(&stdout(
        &sb.run_with_stdin(&["annotate", "-"], text.as_bytes()),
    ))
    .expect("JSON");
    let explained: Value = serde_json::from_str(&stdout(
        &sb.run_with_stdin(&["annotate", "--explain", "-"], text.as_bytes()),
    ))
    .expect("JSON");
    assert!(plain.get("explain").is_none());
    let why = explained.get("explain").expect("an explain member");
    let quote = &why["quotes"][0];
    assert_eq!(quote["speaker"], "Ama Okafor");
    let mut without = explained.clone();
    without.as_object_mut().unwrap().remove("explain");
    assert_eq!(without, plain, "the rest of the output is unchanged");
}

/// The kinds of mess the old bundled sample had (a scraped wire story), on
/// an invented article written for this test (tests/fixtures/articles/summit.txt).
#[test]
fn a_scraped_wire_story_is_cleaned_and_its_people_told_apart() {
    let sandbox = Sandbox::new();
    let file = repo("tests/fixtures/articles/summit.txt");
    let out = sandbox.run(&["annotate", &file]);
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    let text = json["text"].as_str().expect("text");
    // ad markers, "Source link" and mangled entities are gone
    for junk in ["[ad_", "Source link", "&amp;", "& # 39;", "&#8217;"] {
        assert!(!text.contains(junk), "{junk} left:\n{text}");
    }
    assert!(text.contains("the governor's office"), "{text}");
    assert!(text.contains("Park’s spokeswoman"), "{text}");
    assert!(
        text.contains("\n\n'A good future'\n\n"),
        "the heading: {text}"
    );
    assert_eq!(json["meta"]["source"], "Harbour Wire");
    let slice = |v: &serde_json::Value| -> String {
        let (s, e) = (v["start"].as_u64().unwrap(), v["end"].as_u64().unwrap());
        String::from_utf8_lossy(&text.as_bytes()[s as usize..e as usize]).into_owned()
    };
    let people: Vec<(&str, &str, Vec<String>)> = json["entities"]
        .as_array()
        .expect("entities")
        .iter()
        .filter(|e| e["kind"] == "person")
        .map(|e| {
            let mentions = e["mentions"].as_array().expect("mentions");
            (
                e["id"].as_str().expect("id"),
                e["name"].as_str().expect("name"),
                mentions.iter().map(slice).collect(),
            )
        })
        .collect();
    let person = |name: &str| {
        people
            .iter()
            .find(|p| p.1 == name)
            .unwrap_or_else(|| panic!("{name} not found: {people:?}"))
    };
    // two people of one family name stay apart; the bare family name is
    // the one named first, and a family-name-first name keeps its order
    let minister = person("Kim Min-seo");
    let deputy = person("Kim Tae-ho");
    assert_ne!(minister.0, deputy.0);
    assert!(minister.2.iter().any(|m| m == "Kim"), "{people:?}");
    assert!(deputy.2.iter().all(|m| m == "Kim Tae-ho"), "{people:?}");
    let governor = person("Park Ji-hoon");
    assert!(governor.2.iter().any(|m| m == "Park"), "{people:?}");
    person("Lee Soo-ah");
    // a quotation never closed ends at its paragraph, and has its speaker
    let unclosed = json["quotes"]
        .as_array()
        .expect("quotes")
        .iter()
        .find(|q| slice(q).starts_with("We had a good morning"))
        .expect("the unclosed quotation");
    assert!(
        slice(unclosed).ends_with("before the winter."),
        "{unclosed}"
    );
    assert_eq!(unclosed["speaker"], minister.0);
}

#[test]
fn an_article_over_the_size_limit_is_refused_in_one_line_naming_the_limit() {
    let sb = Sandbox::new();
    sb.write("work/small.toml", b"[limits]\narticle-mb = 1\n");
    let big = "The talks went on all night. ".repeat(40_000);
    sb.write("work/big.txt", big.as_bytes());
    let expected = "gloss: big.txt: too large: more than 1 MB ([limits] article-mb); not read";
    let err = one_line_error(&sb.run(&["--config", "small.toml", "annotate", "big.txt"]));
    assert_eq!(err, expected);
    let err = one_line_error(&sb.run(&["annotate", "big.txt", "--config", "small.toml"]));
    assert_eq!(err, expected);
    // under the default limit it is read
    let out = sb.run(&["annotate", "big.txt"]);
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn a_missing_config_file_gives_its_reason_once() {
    let sb = Sandbox::new();
    sb.write("work/a.txt", b"Title\n\nBody.");
    let err = one_line_error(&sb.run(&["--config", "nowhere.toml", "annotate", "a.txt"]));
    assert!(err.starts_with("gloss: nowhere.toml: "), "{err}");
    assert!(!err.contains("os error"), "{err}");
    let reason = err.trim_start_matches("gloss: nowhere.toml: ");
    assert_eq!(err.matches(reason).count(), 1, "{err}");
}
