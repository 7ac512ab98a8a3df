//! What the reader looks like, as snapshots of `TestBackend` frames at 80×24
//! and 160×48, on the hand-analysed fixture article (so that a better
//! analysis does not change them) and once on the bundled sample.

use crate::ui_support::*;
use gloss::ui::Action;
use gloss::ui::update;
use insta::assert_snapshot;

const SIZES: [(u16, u16); 2] = [(80, 24), (160, 48)];

fn snap(name: &str, setup: impl Fn(&mut gloss::ui::App)) {
    for (w, h) in SIZES {
        let mut app = app(w, h);
        setup(&mut app);
        assert_snapshot!(format!("{name}_{w}x{h}"), screen(&app));
    }
}

#[test]
fn opening_shows_the_article_and_its_people_places_and_quotes() {
    snap("open", |_| {});
}

#[test]
fn a_selected_person_with_a_marked_mention() {
    snap("person_selected", |app| {
        press(app, "1 n n");
    });
}

#[test]
fn the_quotes_pane_narrowed_to_a_person() {
    snap("quotes_narrowed", |app| {
        press(app, "1 j 3 j");
    });
}

#[test]
fn typing_a_search() {
    snap("search_typing", |app| {
        press(app, "/");
        type_text(app, "port");
    });
}

#[test]
fn stepping_through_search_matches() {
    snap("search_matches", |app| {
        press(app, "/");
        type_text(app, "Kellby");
        press(app, "enter n");
    });
}

#[test]
fn the_help_overlay() {
    snap("help", |app| {
        press(app, "?");
    });
}

/// The end of the help: the keys of the search being typed, the note editor,
/// the tag prompt and the questions, each layer's own.
#[test]
fn the_end_of_the_help_overlay() {
    snap("help_end", |app| {
        press(app, "? G");
    });
}

#[test]
fn full_width_reading() {
    snap("full_width", |app| {
        press(app, "z");
    });
}

#[test]
fn an_article_without_analysis() {
    for (w, h) in SIZES {
        let app = app_with(unanalysed(), w, h);
        assert_snapshot!(format!("unanalysed_{w}x{h}"), screen(&app));
    }
}

#[test]
fn a_terminal_too_small_for_the_layout_shows_a_short_message() {
    let mut app = app(40, 10);
    assert_snapshot!("too_small_40x10", screen(&app));
    update(&mut app, Action::ToggleFullWidth);
    assert!(
        screen(&app).contains("Harbour towns"),
        "full width fits 40×10"
    );
    let app = app_with(document(), 20, 5);
    assert_snapshot!("too_small_20x5", screen(&app));
}

#[test]
fn the_bundled_sample_article() {
    let config = gloss::config::Config::defaults();
    let doc = gloss::Document::from_text(gloss::source::SAMPLE, &config.clean);
    let app = app_with(doc, 80, 24);
    assert_snapshot!("sample_80x24", screen(&app));
}

/// The style of the cell where `needle` is drawn on screen.
fn style_at(app: &gloss::ui::App, needle: &str) -> ratatui::style::Style {
    let terminal = render(app);
    let buffer = terminal.backend().buffer();
    let text = screen(app);
    let (row, line) = text
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains(needle))
        .unwrap_or_else(|| panic!("{needle:?} is on screen"));
    let column = unicode_width::UnicodeWidthStr::width(&line[..line.find(needle).unwrap()]);
    buffer[(column as u16, row as u16)].style()
}

#[test]
fn mentions_are_coloured_by_kind_and_the_selection_stands_out() {
    let mut app = app(160, 48);
    let theme = app.theme.clone();
    assert_eq!(style_at(&app, "Reed, called").fg, theme.person.fg);
    assert_eq!(style_at(&app, "Harbour Board,").fg, theme.organisation.fg);
    assert_eq!(style_at(&app, "Kellby warned").fg, theme.place.fg);
    assert!(
        style_at(&app, "We will sail")
            .add_modifier
            .contains(ratatui::style::Modifier::ITALIC)
    );
    press(&mut app, "1 j j");
    assert_eq!(style_at(&app, "Reed, called").bg, theme.selection.bg);
    assert_ne!(style_at(&app, "Mira Okafor of").bg, theme.selection.bg);
}

#[test]
fn the_current_search_match_is_marked_apart_from_the_others() {
    let mut app = app(160, 48);
    press(&mut app, "/");
    type_text(&mut app, "ferry");
    press(&mut app, "enter");
    let theme = app.theme.clone();
    assert_ne!(
        style_at(&app, "ferry service ·").bg,
        theme.search.bg,
        "the header is not searched"
    );
    assert_eq!(style_at(&app, "ferry service between").bg, theme.search.bg);
    press(&mut app, "n");
    assert_eq!(
        style_at(&app, "ferry service between").bg,
        theme.current_match.bg
    );
}

#[test]
fn a_jump_onto_a_selected_mention_keeps_the_selection_colours() {
    let mut app = app(160, 48);
    press(&mut app, "1 j j n");
    let theme = app.theme.clone();
    let style = style_at(&app, "Reed, called");
    assert_eq!(
        (style.fg, style.bg),
        (theme.selection.fg, theme.selection.bg)
    );
    assert!(
        style
            .add_modifier
            .contains(ratatui::style::Modifier::UNDERLINED)
    );
}

#[test]
fn the_text_while_the_analysis_runs() {
    for (w, h) in SIZES {
        let mut app = app_with(unanalysed(), w, h);
        app.analysing = true;
        assert_snapshot!(format!("analysing_{w}x{h}"), screen(&app));
    }
}

/// The help's rows, top to bottom, as read by scrolling it one line at a
/// time: the text between the box's borders.
fn help_rows(width: u16, height: u16) -> Vec<String> {
    let mut app = app(width, height);
    press(&mut app, "?");
    // the box's rows: between its corners' columns, from the row under
    // "╭ Keys" to the one above its bottom border
    let interior = |s: &str| -> Vec<String> {
        let grid: Vec<Vec<char>> = s.lines().map(|l| l.chars().collect()).collect();
        let top = grid
            .iter()
            .position(|r| r.iter().collect::<String>().contains("╭ Keys"))
            .expect("the help box");
        let left = grid[top].iter().position(|&c| c == '╭').expect("corner");
        let right = left
            + grid[top][left..]
                .iter()
                .position(|&c| c == '╮')
                .expect("corner");
        grid[top + 1..]
            .iter()
            .take_while(|r| r.get(left) != Some(&'╰'))
            .map(|r| {
                r[left + 1..right]
                    .iter()
                    .collect::<String>()
                    .trim()
                    .to_string()
            })
            .collect()
    };
    let mut rows = Vec::new();
    loop {
        let s = screen(&app);
        let view = interior(&s);
        if !s.contains("↓ more") {
            rows.extend(view);
            return rows;
        }
        rows.push(view[0].clone());
        press(&mut app, "j");
        assert!(rows.len() < 1000, "the help never ends");
    }
}

#[test]
fn the_help_fits_any_terminal_and_lists_every_key_and_the_mouse() {
    for (w, h) in [(60, 20), (80, 24), (220, 50)] {
        let rows = help_rows(w, h);
        let all = rows
            .join(" ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        for command in gloss::ui::action::COMMANDS {
            assert!(
                all.contains(command.description),
                "{w}×{h}: the help cuts or leaves out {:?}",
                command.description
            );
        }
        for (key, what) in [("wheel", "Scroll the pane"), ("click", "select the row")] {
            assert!(
                all.contains(key) && all.contains(what),
                "{w}×{h}: no mouse help"
            );
        }
        assert!(all.contains("Ctrl-c always quits."), "{w}×{h}");
    }
}

#[test]
fn a_message_too_long_for_the_status_bar_is_shown_whole() {
    let mut app = app(80, 24);
    let long = "Not exported: notes.md was changed since gloss wrote it (edited by hand?); press x again to replace it, or move it away and export then";
    app.set_error(long);
    let s = screen(&app);
    let all = s.split_whitespace().collect::<Vec<_>>().join(" ");
    for word in long.split_whitespace() {
        assert!(all.contains(word), "{word:?} is cut off:\n{s}");
    }
    assert!(all.contains("move it away and export then"), "{s}");
}
