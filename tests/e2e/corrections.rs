//! End to end, corrections: the real binary in tmux with its own empty
//! config and data directories. Merge two entities and set a quote's
//! speaker, quit, reopen: both are there, and `gloss annotate` prints them;
//! a name marked "not a name" and promoted to the user lexicon in one
//! article is gone from the analysis of another.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

use crate::ui_support::tmux::Tmux;

const STORY: &str = "Coalition talks\n\n\
Benjamin Netanyahu met party leaders in Jerusalem on Sunday. Likud said the talks would \
go on. \"We will form a government,\" Netanyahu said. Opposition leader Yair Lapid \
disagreed. \"This will not last,\" said Lapid. Bibi thanked the Likud members.\n";

const OTHER: &str = "Pilgrims return\n\n\
Thousands of pilgrims walked through Jerusalem on Monday. Maria Costa, who came from \
Lisbon, said the crowds were larger than last year.\n";

/// `gloss annotate FILE` with the test's data directory.
fn annotate(dir: &Path, file: &Path) -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_gloss"))
        .args(["annotate", file.to_str().unwrap()])
        .env("XDG_CONFIG_HOME", dir.join("config"))
        .env("XDG_DATA_HOME", dir.join("data"))
        .env_remove("GLOSS_LEXICON")
        .output()
        .expect("gloss runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON")
}

fn names(v: &Value) -> Vec<String> {
    v["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["name"].as_str().unwrap().to_string())
        .collect()
}

fn speaker(v: &Value, words: &str) -> Option<String> {
    let q = v["quotes"]
        .as_array()?
        .iter()
        .find(|q| q["text"].as_str().is_some_and(|t| t.starts_with(words)))?;
    let id = q["speaker"].as_str()?;
    v["entities"]
        .as_array()?
        .iter()
        .find(|e| e["id"] == id)
        .map(|e| e["name"].as_str().unwrap().to_string())
}

fn open(dir: &Path, file: &Path) -> Tmux {
    let t = Tmux::start(&format!("'{}'", file.display()), dir, "");
    t.wait_for(" READ ");
    t.wait_until("the analysis", |s| !s.contains("Analysing…"));
    t.wait_for("Benjamin Netanyahu");
    t
}

#[test]
fn merge_and_speaker_survive_a_reopening_and_a_promoted_name_changes_another_article() {
    let dir = tempfile::tempdir().expect("temp dir");
    let story = dir.path().join("story.txt");
    std::fs::write(&story, STORY).unwrap();
    let other = dir.path().join("other.txt");
    std::fs::write(&other, OTHER).unwrap();
    let raw = annotate(dir.path(), &story);
    assert!(
        names(&raw).contains(&"Bibi".to_string()),
        "{:?}",
        names(&raw)
    );
    assert_eq!(
        speaker(&raw, "This will not last").as_deref(),
        Some("Yair Lapid")
    );

    let t = open(dir.path(), &story);
    // People: Bibi is listed last (one mention); merge it into Netanyahu
    t.key("1");
    t.key("G");
    t.key("M");
    t.wait_for(" FIX ");
    t.text("benj");
    t.key("Enter");
    t.wait_for("is the same as");
    // Quotes: the last one, said (say) by Netanyahu
    t.key("3");
    t.key("G");
    t.key("s");
    t.wait_for("Said by:");
    t.text("benj");
    t.key("Enter");
    t.wait_for("was said by");
    t.key("q");
    t.wait_for("gloss exited 0");
    drop(t);

    // reopened: Bibi is no longer listed (the text alone says it once)
    let t = open(dir.path(), &story);
    let screen = t.screen();
    assert_eq!(screen.matches("Bibi").count(), 1, "{screen}");
    // gloss annotate prints the corrected analysis
    let corrected = annotate(dir.path(), &story);
    assert!(!names(&corrected).contains(&"Bibi".to_string()));
    assert_eq!(
        speaker(&corrected, "This will not last").as_deref(),
        Some("Benjamin Netanyahu")
    );

    // Places: Jerusalem is not a name, for every article
    assert!(names(&annotate(dir.path(), &other)).contains(&"Jerusalem".to_string()));
    t.key("2");
    t.key("g");
    t.key("X");
    t.wait_for("is not a name");
    t.key("L");
    t.wait_for("For every article");
    t.key("q");
    t.wait_for("gloss exited 0");
    drop(t);
    let lexicon = std::fs::read_to_string(dir.path().join("data/gloss/lexicon.txt")).unwrap();
    assert_eq!(lexicon, "not-a-name Jerusalem\n");
    let taught = annotate(dir.path(), &other);
    assert!(
        !names(&taught).contains(&"Jerusalem".to_string()),
        "{:?}",
        names(&taught)
    );
}
