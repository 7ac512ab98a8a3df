//! End to end: the map pane in the real binary, in tmux. Every wait polls
//! the screen; nothing sleeps a fixed time. Own config and data directories.

use gloss::ui::index::AnalysisIndex;
use gloss::{Document, source};

use crate::ui_support::tmux::{Tmux, status};

/// The sample's places with coordinates, in the Places pane's order.
fn placed_names() -> Vec<String> {
    let doc = Document::from_text(source::SAMPLE, &gloss::config::Config::defaults().clean);
    let index = AnalysisIndex::new(&doc);
    index
        .places
        .iter()
        .map(|id| &doc.analysis.entities[id.0])
        .filter(|e| e.geo.is_some())
        .map(|e| e.name.clone())
        .collect()
}

/// Whether the map labels `name` as the selected place (the label reads
/// `◉ Name`, or `Name ◉` near the right edge).
fn labelled(screen: &str, name: &str) -> bool {
    screen.contains(&format!("◉ {name}")) || screen.contains(&format!("{name} ◉"))
}

fn open_the_map(env: &str) -> (tempfile::TempDir, Tmux) {
    let dir = tempfile::tempdir().expect("temp dir");
    let t = Tmux::start("", dir.path(), env);
    t.wait_for(" READ ");
    t.wait_until("the analysis", |s| {
        !s.contains("Analysing…") && s.contains("2 Places")
    });
    t.key("m");
    t.wait_for("5 Map");
    (dir, t)
}

#[test]
fn the_map_opens_and_a_place_is_chosen_on_it() {
    let names = placed_names();
    assert!(
        names.len() >= 2,
        "the sample has places with coordinates: {names:?}"
    );
    let (_dir, t) = open_the_map("");
    // the first place is labelled on the map; j selects the next, in the
    // Places pane too (its status line counts its mentions)
    t.wait_until("the first place labelled", |s| labelled(s, &names[0]));
    t.key("j");
    let second = &names[1];
    let s = t.wait_until("the second place selected", |s| {
        labelled(s, second) && status(s).contains(&format!("{second}: "))
    });
    assert!(s.contains('•'), "the other places have markers:\n{s}");
    // zoom in and out, pan, fit: the map stays and says nothing is wrong
    for key in ["+", "+", "Left", "Up", "-", "f"] {
        t.key(key);
    }
    t.wait_until("the second place still labelled", |s| labelled(s, second));
    // z: the map fills the screen, the side panes go
    t.key("z");
    t.wait_until("the full-screen map", |s| {
        s.contains("5 Map") && !s.contains("1 People")
    });
    t.key("q");
    t.wait_for("gloss exited 0");
}

#[test]
fn without_colour_the_map_still_shows_markers_and_labels() {
    let names = placed_names();
    let (_dir, t) = open_the_map("NO_COLOR=1");
    let s = t.wait_until("the first place labelled", |s| labelled(s, &names[0]));
    assert!(s.contains('•'), "{s}");
    t.key("q");
    t.wait_for("gloss exited 0");
}
