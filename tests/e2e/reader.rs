//! End to end: the real binary in tmux, driven by keys, read back with
//! `capture-pane`. Every wait polls the screen until the expected text is
//! there (or a timeout); nothing sleeps a fixed time. Each run has its own
//! tmux server and empty config and data directories.

use std::path::{Path, PathBuf};

use gloss::ui::index::AnalysisIndex;
use gloss::{Document, source};

use crate::ui_support::help_box_rows;
use crate::ui_support::tmux::{Tmux, status};

fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(files_under(&path));
        } else {
            out.push(path);
        }
    }
    out
}

#[test]
fn reading_the_sample_with_the_keyboard() {
    let doc = Document::from_text(source::SAMPLE, &gloss::config::Config::defaults().clean);
    let index = AnalysisIndex::new(&doc);
    let dir = tempfile::tempdir().expect("temp dir");
    let t = Tmux::start("", dir.path(), "");
    let title = doc.article.title().expect("the sample has a title");
    t.wait_for(" READ ");
    t.wait_for(&title[..title.len().min(40)]);

    if let Some(&top) = index.people.first() {
        // Tab to People: the most-mentioned person is selected.
        let name = &doc.analysis.entities[top.0].name;
        let count = index.count(top);
        // the analysis runs on its own thread: wait for the panes to fill
        t.wait_until("the analysis", |s| {
            !s.contains("Analysing…") && s.contains(name.as_str())
        });
        t.key("Tab");
        t.wait_for(&format!("{name}: {count} mention"));
        t.key("n");
        t.wait_for(&format!("{name} · mention 1 of {count}"));
        t.key("n");
        t.wait_for(&format!("{name} · mention 2 of {count}"));
        // `]`: the next person named after that mention.
        t.key("]");
        t.wait_until("the next person's mention", |s| {
            let st = status(s);
            st.contains(" · mention ") && !st.contains(&format!("{name} · mention 2 of"))
        });
    } else {
        // The analysis finds nobody yet: the keys still answer sensibly.
        eprintln!(
            "NOTE: the analysis finds no person in the sample yet; the people steps are not run"
        );
        t.key("]");
        t.wait_for("The analysis found no person in this article");
    }

    // Search as you type from the top (a search goes to the first match
    // after the view), then step through the matches.
    t.key("0");
    t.key("g");
    let matches =
        gloss::ui::search::find_all(&doc.article.text, "questionnaire", Default::default()).len();
    assert!(matches >= 2, "the sample speaks of a questionnaire");
    t.key("/");
    t.wait_for(" SEARCH ");
    t.text("questionnaire");
    t.wait_for(&format!("/questionnaire▏  {matches} matches"));
    t.key("Enter");
    t.wait_for(&format!("match 1 of {matches}"));
    t.key("n");
    t.wait_for(&format!("match 2 of {matches}"));
    t.key("Escape");
    t.wait_for("Search ended");

    // The help overlay lists the keys of the live key map.
    t.key("?");
    // Wait for the line itself: a capture can catch the overlay half drawn.
    t.wait_for(" Keys ");
    t.wait_for("Next mention of any person after this point");
    t.key("Escape");
    t.wait_until("the help to close", |s| !s.contains(" Keys "));

    // Scroll to the end so there is a position to remember, then quit.
    t.key("0");
    t.key("G");
    t.wait_for("100%");
    t.key("q");
    let after = t.wait_for("gloss exited 0");
    assert!(
        !after.contains(" READ "),
        "the alternate screen was left:\n{after}"
    );
    assert_eq!(t.format("#{alternate_on}"), "0", "alternate screen off");
    assert_eq!(t.format("#{mouse_any_flag}"), "0", "mouse reporting off");
    assert_eq!(t.format("#{cursor_flag}"), "1", "cursor shown");
    // the shell writes stty.txt after "gloss exited": wait until it says so
    t.wait_for("terminal recorded");
    let stty = std::fs::read_to_string(t.dir.join("stty.txt")).expect("stty ran");
    assert!(
        stty.split_whitespace().any(|w| w == "icanon")
            && stty.split_whitespace().any(|w| w == "echo"),
        "raw mode is off again: {stty}"
    );
    let saved = files_under(&t.dir.join("data"));
    assert_eq!(saved.len(), 1, "one remembered position: {saved:?}");
}

#[test]
fn reopening_an_article_goes_back_to_where_reading_stopped() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("article.txt");
    std::fs::write(&file, source::SAMPLE).expect("write");
    let arg = file.display().to_string();
    {
        let t = Tmux::start(&arg, dir.path(), "");
        t.wait_for(" READ ");
        t.key("G");
        t.wait_for("100%");
        t.key("q");
        t.wait_for("gloss exited 0");
    }
    let t = Tmux::start(&arg, dir.path(), "");
    let screen = t.wait_for("Back where you left off");
    assert!(screen.contains("100%"), "{screen}");
    t.key("q");
    t.wait_for("gloss exited 0");
}

#[test]
fn a_panic_restores_the_terminal_and_prints_the_message() {
    let dir = tempfile::tempdir().expect("temp dir");
    let t = Tmux::start("", dir.path(), "GLOSS_PANIC_AFTER_FIRST_FRAME=1");
    let after = t.wait_for("gloss exited");
    assert!(
        after.contains("GLOSS_PANIC_AFTER_FIRST_FRAME is set"),
        "{after}"
    );
    assert!(!after.contains("gloss exited 0"), "{after}");
    assert_eq!(t.format("#{alternate_on}"), "0", "alternate screen off");
    assert_eq!(t.format("#{mouse_any_flag}"), "0", "mouse reporting off");
    assert_eq!(t.format("#{cursor_flag}"), "1", "cursor shown");
    // the shell writes stty.txt after "gloss exited": wait until it says so
    t.wait_for("terminal recorded");
    let stty = std::fs::read_to_string(t.dir.join("stty.txt")).expect("stty ran");
    assert!(
        stty.split_whitespace().any(|w| w == "icanon"),
        "raw mode is off: {stty}"
    );
}

#[test]
fn a_long_article_opens_at_once_and_its_panes_fill_when_the_analysis_is_done() {
    let sample = Document::from_text(source::SAMPLE, &gloss::config::Config::defaults().clean);
    let index = AnalysisIndex::new(&sample);
    let top = index.people.first().expect("the sample names people");
    let name = sample.analysis.entities[top.0].name.clone();
    // the sample a few hundred times over: about 2 MB
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("long.txt");
    let mut text = String::new();
    while text.len() < 2_000_000 {
        text.push_str(source::SAMPLE);
        text.push_str("\n\n");
    }
    std::fs::write(&file, &text).expect("write");
    let t = Tmux::start(&file.display().to_string(), dir.path(), "");
    t.wait_for(" READ ");
    // the text can be read while the analysis runs
    t.key("G");
    t.wait_for("100%");
    t.wait_until("the People pane to fill", |s| {
        !s.contains("Analysing…") && s.contains(name.as_str())
    });
    t.key("q");
    t.wait_for("gloss exited 0");
}

#[test]
fn piped_text_without_a_dash_is_read_and_printed_through_a_pipe() {
    // `echo text | gloss | cat`: the text read from the pipe, cleaned, printed
    let dir = tempfile::tempdir().expect("temp dir");
    let t = Tmux::start_in_pipe(
        "printf 'Piped headline\\n\\nA body [ad_1]line.\\n' |",
        "",
        "| cat",
        dir.path(),
        "",
    );
    let screen = t.wait_for("gloss exited 0");
    assert!(screen.contains("Piped headline"), "{screen}");
    assert!(screen.contains("A body line."), "{screen}");
    assert!(!screen.contains("[ad_1]"), "{screen}");
}

#[test]
fn y_after_moving_the_reading_cursor_copies_that_sentence_with_its_citation() {
    let doc = Document::from_text(source::SAMPLE, &gloss::config::Config::defaults().clean);
    let dir = tempfile::tempdir().expect("temp dir");
    let t = Tmux::start("", dir.path(), "");
    t.accept_clipboard();
    t.wait_for(" READ ");
    t.key(")");
    t.key(")");
    t.key("y");
    t.wait_for("with its citation");
    let copied = t.clipboard();
    let title = doc.article.title().expect("a title");
    // the passage is the cursor's sentence, not the title; the title cites it
    let passage = copied.lines().next().unwrap_or("");
    assert!(passage.starts_with('“'), "{copied}");
    assert!(!passage.contains(title), "the title was copied: {copied}");
    let sentence = passage.trim_start_matches('“').trim_end_matches('”');
    assert!(doc.article.text.contains(sentence), "{copied}");
    assert!(
        copied.contains(&format!("“{title}”")),
        "cited by its title: {copied}"
    );
    t.key("q");
    t.wait_for("gloss exited 0");
}

#[test]
fn the_help_fits_small_and_large_terminals() {
    for (w, h) in [(60u16, 20u16), (220, 50)] {
        let dir = tempfile::tempdir().expect("temp dir");
        let t = Tmux::start("", dir.path(), "");
        t.resize(w, h);
        t.wait_for(" READ ");
        t.key("?");
        t.wait_for(" Keys ");
        // a long description, whole (wrapped at 60 columns): scroll to it
        // the words inside the help's box, row after row
        let words = |s: &str| -> String {
            help_box_rows(s)
                .join(" ")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        };
        let wanted = "Next mention of any person after this point";
        let mut screen = t.screen();
        for _ in 0..100 {
            if words(&screen).contains(wanted) {
                break;
            }
            t.key("j");
            let before = screen.clone();
            screen = t.wait_until("the help to scroll", |s| s != before);
        }
        assert!(words(&screen).contains(wanted), "{w}×{h}:\n{screen}");
        // the end of the help: the mouse and the last line
        // (wait for the mouse section itself: the general keys may already
        // be in view before the jump)
        t.key("G");
        let screen = t.wait_until("the end of the help", |s| {
            let rows = words(s);
            rows.contains("wheel") && rows.contains("click")
        });
        assert!(
            screen.lines().all(|l| l.chars().count() <= usize::from(w)),
            "{w}×{h}"
        );
        t.key("Escape");
        // Esc and q sent together read as Alt-q: wait for the help to close
        t.wait_until("the help to close", |s| !s.contains(" Keys "));
        t.key("q");
        t.wait_for("gloss exited 0");
    }
}
