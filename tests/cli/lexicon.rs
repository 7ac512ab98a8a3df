//! `gloss lexicon` and what `gloss annotate` does with it and with the
//! corrections kept with an article's notes (`--raw`: neither).

use std::sync::Arc;

use gloss::analysis::EntityKind;
use gloss::article_id::ArticleId;
use gloss::corrections::{Anchor, Correction};
use gloss::notes::{Notebook, Store, SystemClock};
use gloss::span::Span;
use serde_json::Value;

use crate::sandbox::{Sandbox, stderr, stdout};

const STORY: &str = "Coalition talks\n\n\
Benjamin Netanyahu met party leaders in Jerusalem on Sunday. Likud said the talks \
would go on. \"We will form a government,\" Netanyahu said. Hikers later walked \
around Uluru, where rangers closed the track.\n";

/// The entities `gloss annotate` prints, as (kind, name).
fn entities(json: &str) -> Vec<(String, String)> {
    let v: Value = serde_json::from_str(json).expect("JSON");
    v["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["kind"].as_str().unwrap().to_string(),
                e["name"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn has(list: &[(String, String)], kind: &str, name: &str) -> bool {
    list.iter().any(|(k, n)| k == kind && n == name)
}

#[test]
fn a_name_added_to_the_user_lexicon_changes_the_analysis_and_raw_ignores_it() {
    let sb = Sandbox::new();
    let story = sb.write("work/story.txt", STORY.as_bytes());
    let story = story.to_str().unwrap();
    let before = entities(&stdout(&sb.run(&["annotate", story])));
    assert!(!has(&before, "place", "Uluru"), "{before:?}");

    let out = sb.run(&["lexicon", "add", "place", "Uluru"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = sb.run(&["lexicon", "add", "not-a-name", "Jerusalem"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let listed = stdout(&sb.run(&["lexicon"]));
    assert_eq!(listed, "place        Uluru\nnot-a-name   Jerusalem\n");
    let file = std::fs::read_to_string(sb.path("data/gloss/lexicon.txt")).unwrap();
    assert_eq!(file, "place Uluru\nnot-a-name Jerusalem\n");

    let taught = entities(&stdout(&sb.run(&["annotate", story])));
    assert!(has(&taught, "place", "Uluru"), "{taught:?}");
    assert!(!taught.iter().any(|(_, n)| n == "Jerusalem"), "{taught:?}");
    let raw = entities(&stdout(&sb.run(&["annotate", "--raw", story])));
    assert_eq!(raw, before);

    let out = sb.run(&["lexicon", "remove", "Uluru"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = sb.run(&["lexicon", "remove", "Uluru"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).starts_with("gloss: "), "{}", stderr(&out));
}

#[test]
fn a_broken_lexicon_line_is_a_one_line_error() {
    let sb = Sandbox::new();
    sb.write("data/gloss/lexicon.txt", b"place Uluru\nplanet Mars\n");
    let story = sb.write("work/story.txt", STORY.as_bytes());
    let out = sb.run(&["annotate", story.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.starts_with("gloss: ") && err.contains("lexicon.txt:2:"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn annotate_applies_the_corrections_kept_with_the_notes() {
    let sb = Sandbox::new();
    let path = sb.write("work/story.txt", STORY.as_bytes());
    let story = path.to_str().unwrap();
    let source = gloss::source::load(&path).unwrap();
    let article = gloss::cli::annotate::source_to_article(&source, &Default::default());
    let text = &article.text;
    let at = |words: &str| {
        let start = text.find(words).unwrap();
        Anchor::of_span(text, Span::new(start, start + words.len())).unwrap()
    };
    let store = Store::new(sb.path("data/gloss/notes"));
    let (mut nb, _) = Notebook::open(
        store,
        ArticleId::for_path(&path),
        &article,
        Arc::new(SystemClock),
    )
    .unwrap();
    nb.correct(Correction::Kind {
        entity: at("Likud"),
        kind: EntityKind::Person,
    })
    .unwrap();
    nb.correct(Correction::Rename {
        entity: at("Jerusalem"),
        name: "Yerushalayim".into(),
    })
    .unwrap();
    drop(nb);

    let corrected = entities(&stdout(&sb.run(&["annotate", story])));
    assert!(has(&corrected, "person", "Likud"), "{corrected:?}");
    assert!(has(&corrected, "place", "Yerushalayim"), "{corrected:?}");
    let raw = entities(&stdout(&sb.run(&["annotate", "--raw", story])));
    assert!(has(&raw, "organization", "Likud"), "{raw:?}");
    assert!(has(&raw, "place", "Jerusalem"), "{raw:?}");
}
