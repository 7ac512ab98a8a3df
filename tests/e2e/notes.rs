//! End to end, notes: the real binary in tmux on the bundled sample, with
//! its own empty config and data directories. Highlight a passage, write a
//! note with a tag, quit, reopen (the note is there), export with `x`, read
//! the Markdown file; and a note being typed survives Ctrl-c and kill -9.

use std::path::{Path, PathBuf};

use crate::ui_support::tmux::{Tmux, status};
use gloss::ui::passage::Reading;
use gloss::{Document, source};

/// The sample's sentences as the reading cursor moves through them.
fn sentences() -> Vec<String> {
    let doc = Document::from_text(source::SAMPLE, &gloss::config::Config::defaults().clean);
    let reading = Reading::new(&doc);
    reading
        .units
        .iter()
        .map(|s| doc.article.text[s.start..s.end].to_string())
        .collect()
}

fn files_in(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .map(|entries| entries.flatten().map(|e| e.path()).collect())
        .unwrap_or_default()
}

/// The first words of a passage as a line of the article pane may show them.
fn first_words(s: &str, n: usize) -> String {
    s.split_whitespace().take(n).collect::<Vec<_>>().join(" ")
}

#[test]
fn highlight_note_quit_reopen_export() {
    let sentences = sentences();
    assert!(sentences.len() > 3, "the sample has sentences");
    let dir = tempfile::tempdir().expect("temp dir");
    let t = Tmux::start("", dir.path(), "");
    t.wait_for(" READ ");
    // the sentences come from the analysis, which runs on its own thread
    t.wait_until("the analysis", |s| !s.contains("Analysing…"));
    t.wait_for("None yet · h highlights");

    // The first sentence after the title: highlight it.
    t.key(")");
    t.key("h");
    t.wait_for("Highlighted");
    // The next one: a note with a tag.
    t.key(")");
    t.key("a");
    t.wait_for(" NOTE ");
    t.wait_for("New note");
    t.text("A form instead of an interview #asylum");
    t.wait_for("A form instead of an interview #asylum");
    t.key("C-s");
    t.wait_for("Note saved");
    let screen = t.wait_for("4 Notes");
    assert!(
        screen.contains("A form instead of an interview #asylum"),
        "{screen}"
    );
    t.key("q");
    t.wait_for("gloss exited 0");
    t.assert_terminal_restored();
    drop(t);

    // Reopen: both are there, in reading order.
    let t = Tmux::start("", dir.path(), "");
    t.wait_for(" READ ");
    // the sentences come from the analysis, which runs on its own thread
    t.wait_until("the analysis", |s| !s.contains("Analysing…"));
    let screen = t.wait_for("A form instead of an interview #asylum");
    let quote = format!("“{}", first_words(&sentences[1], 3));
    assert!(screen.contains(&quote), "the highlight is listed: {screen}");

    // Export: the status bar names the file; the Markdown holds both.
    t.key("x");
    let screen = t.wait_for("Exported to ");
    let exports = dir.path().join("data/gloss/exports");
    let files = files_in(&exports);
    assert_eq!(files.len(), 1, "{files:?}");
    let name = files[0].file_name().unwrap().to_string_lossy().into_owned();
    assert!(name.ends_with(".md"), "{name}");
    assert!(
        status(&screen).contains(&exports.display().to_string()),
        "{}",
        status(&screen)
    );
    let md = std::fs::read_to_string(&files[0]).expect("the export");
    assert!(
        md.starts_with("---\ntitle: \"Reports: 'streamlined' UK asylum"),
        "{md}"
    );
    assert!(md.contains("tags:\n  - \"asylum\""), "{md}");
    assert!(
        md.contains(&format!("> {}", first_words(&sentences[1], 6))),
        "{md}"
    );
    assert!(
        md.contains(&format!("> {}", first_words(&sentences[2], 6))),
        "{md}"
    );
    assert!(
        md.contains("\nA form instead of an interview #asylum\n"),
        "{md}"
    );
    t.key("q");
    t.wait_for("gloss exited 0");
    t.assert_terminal_restored();
}

#[test]
fn a_note_being_typed_survives_ctrl_c_and_kill_9() {
    let dir = tempfile::tempdir().expect("temp dir");
    let t = Tmux::start("", dir.path(), "");
    t.wait_for(" READ ");
    // the sentences come from the analysis, which runs on its own thread
    t.wait_until("the analysis", |s| !s.contains("Analysing…"));
    t.key("a");
    t.wait_for(" NOTE ");
    t.text("Written before Ctrl-c");
    t.wait_for("Written before Ctrl-c");
    t.key("C-c");
    t.wait_for("gloss exited 0");
    t.assert_terminal_restored();
    drop(t);

    let t = Tmux::start("", dir.path(), "");
    t.wait_for("Your unsaved note from");
    t.wait_for("Written before Ctrl-c");
    t.text(", and after");
    t.wait_for("Written before Ctrl-c, and after");
    // The draft is written as soon as the keys are handled: kill -9 now.
    let draft = dir.path().join("data/gloss/notes");
    let start = std::time::Instant::now();
    while !files_in(&draft).iter().any(|p| {
        p.to_string_lossy().ends_with(".draft.json")
            && std::fs::read_to_string(p).is_ok_and(|s| s.contains("and after"))
    }) {
        assert!(start.elapsed().as_secs() < 20, "the draft reaches the disk");
        std::thread::sleep(std::time::Duration::from_millis(25));
    }
    let shell = t.format("#{pane_pid}");
    let children = std::fs::read_to_string(format!("/proc/{shell}/task/{shell}/children"))
        .expect("the shell's children");
    let gloss = children.split_whitespace().next().expect("gloss runs");
    let killed = std::process::Command::new("kill")
        .args(["-9", gloss])
        .status()
        .expect("kill runs");
    assert!(killed.success());
    t.wait_for("gloss exited 137");
    drop(t);

    let t = Tmux::start("", dir.path(), "");
    t.wait_for("Your unsaved note from");
    t.wait_for("Written before Ctrl-c, and after");
    t.key("C-s");
    t.wait_for("Note saved");
    t.wait_for("4 Notes");
    t.key("q");
    t.wait_for("gloss exited 0");
}

#[test]
fn notes_follow_a_copied_article_and_the_same_text_piped_in() {
    let dir = tempfile::tempdir().expect("temp dir");
    let work = dir.path().join("work");
    std::fs::create_dir_all(&work).expect("work dir");
    let original = work.join("ferry.txt");
    std::fs::copy("tests/fixtures/notes_article.txt", &original).expect("article");
    let t = Tmux::start(&format!("'{}'", original.display()), dir.path(), "");
    t.wait_for(" READ ");
    t.wait_until("the analysis", |s| !s.contains("Analysing…"));
    t.key(")");
    t.key("h");
    t.wait_for("Highlighted");
    t.key("q");
    t.wait_for("gloss exited 0");
    drop(t);

    let copy = work.join("copy of ferry.txt");
    std::fs::copy(&original, &copy).expect("copy");
    let found = format!("Notes found by content from {}", original.display());
    for args in [
        format!("'{}'", copy.display()),
        format!("- < '{}'", original.display()),
    ] {
        let t = Tmux::start(&args, dir.path(), "");
        let screen = t.wait_for(&found);
        assert!(status(&screen).contains(&found), "{args}: {screen}");
        assert!(screen.contains("4 Notes"), "{screen}");
        assert!(
            !screen.contains("None yet"),
            "the highlight is listed: {screen}"
        );
        t.key("q");
        t.wait_for("gloss exited 0");
    }
    let stores = files_in(&dir.path().join("data/gloss/notes"))
        .into_iter()
        .filter(|p| p.to_string_lossy().ends_with(".notes.json"))
        .count();
    assert_eq!(stores, 1, "the copy and stdin use the original's notes");
}

#[test]
fn notes_remove_asks_first_on_a_terminal() {
    let dir = tempfile::tempdir().expect("temp dir");
    let article = dir.path().join("ferry.txt");
    std::fs::copy("tests/fixtures/notes_article.txt", &article).expect("article");
    let text = std::fs::read_to_string(&article).expect("article");
    let doc = Document::from_text(&text, &gloss::config::Config::defaults().clean);
    let store = gloss::notes::Store::new(dir.path().join("data/gloss/notes"));
    let id = gloss::article_id::ArticleId::for_path(&article);
    let (mut nb, _) = gloss::notes::Notebook::open(
        store.clone(),
        id.clone(),
        &doc.article,
        std::sync::Arc::new(gloss::notes::SystemClock),
    )
    .expect("notes");
    nb.highlight(gloss::span::Span::new(0, 7)).expect("saved");

    let t = Tmux::start(&format!("notes remove {}", id.key()), dir.path(), "");
    t.wait_for("Delete 1 highlight on");
    t.wait_for("? [y/N]");
    t.text("n");
    t.key("Enter");
    t.wait_for("gloss exited 0");
    t.wait_for(&format!("kept {}", id.key()));
    assert!(store.notes_path(&id).exists());
    drop(t);

    let t = Tmux::start(
        &format!("notes remove '{}'", article.display()),
        dir.path(),
        "",
    );
    t.wait_for("? [y/N]");
    t.text("y");
    t.key("Enter");
    t.wait_for("removed 1 highlight on");
    t.wait_for("gloss exited 0");
    assert!(!store.notes_path(&id).exists());
}
