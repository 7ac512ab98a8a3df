//! What notes look like in the reader, as `TestBackend` snapshots at 80×24
//! and 160×48 on the hand-analysed fixture article: the Notes pane, the note
//! editor, and highlighted passages (with a map of the cells' backgrounds,
//! since a highlight is a colour).

use crate::ui_support::notes::Folders;
use crate::ui_support::*;
use gloss::ui::App;
use insta::assert_snapshot;

const SIZES: [(u16, u16); 2] = [(80, 24), (160, 48)];

fn snap(name: &str, setup: impl Fn(&mut App)) {
    for (w, h) in SIZES {
        let folders = Folders::new();
        let mut app = folders.open(w, h);
        setup(&mut app);
        assert_snapshot!(format!("{name}_{w}x{h}"), screen(&app));
    }
}

/// A highlight, a note with tags on a sentence, a note on a person.
fn some_notes(app: &mut App) {
    press(app, ") ) h ) ) a");
    type_text(app, "The board owns the piers: who pays for them? #costs");
    press(app, "ctrl-s");
    press(app, "1 j a");
    type_text(app, "Speaks for #Kellby");
    press(app, "ctrl-s 0");
}

#[test]
fn the_notes_pane() {
    snap("notes_pane", |app| {
        some_notes(app);
        press(app, "4 g");
    });
}

#[test]
fn the_notes_pane_filtered_by_tag() {
    snap("notes_pane_tag", |app| {
        some_notes(app);
        press(app, "#");
        type_text(app, "kel");
    });
}

#[test]
fn asking_before_a_note_is_deleted() {
    snap("notes_delete_prompt", |app| {
        some_notes(app);
        press(app, "4 g j d");
    });
}

#[test]
fn the_note_editor() {
    snap("note_editor", |app| {
        press(app, ") ) ) a");
        type_text(app, "One fleet, three towns.");
        press(app, "enter");
        type_text(app, "Who decides the timetable? #ferries");
    });
}

#[test]
fn the_note_editor_on_a_person() {
    snap("note_editor_person", |app| {
        press(app, "2 j a");
        type_text(app, "Pays for the fuel");
    });
}

/// The article's cells by background: `h` highlight, `v` selection, `r` the
/// reading cursor, `.` anything else; the rest of the screen blank.
fn backgrounds(app: &App) -> String {
    let terminal = render(app);
    let buffer = terminal.backend().buffer();
    let theme = &app.theme;
    let areas = app.areas().expect("room for the layout");
    let text = areas.text;
    let mut out = String::new();
    for y in text.y..text.bottom() {
        for x in text.x..text.right() {
            let bg = buffer[(x, y)].style().bg;
            out.push(if bg == theme.highlight.bg {
                'h'
            } else if bg == theme.visual.bg {
                'v'
            } else if bg == theme.reading.bg {
                'r'
            } else {
                '.'
            });
        }
        out.push('\n');
    }
    out
}

#[test]
fn highlighted_passages_in_the_text() {
    for (w, h) in SIZES {
        let folders = Folders::new();
        let mut app = folders.open(w, h);
        some_notes(&mut app);
        press(&mut app, "g ( ( ( v w w w");
        let both = format!("{}\n{}", screen(&app), backgrounds(&app));
        assert_snapshot!(format!("highlighted_passage_{w}x{h}"), both);
    }
}
