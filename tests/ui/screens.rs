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
    let screen = screen(&app);
    assert_snapshot!("sample_80x24", &screen);
    // the README's first screen is this one, indented as a code block
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md");
    let shown: String = screen
        .lines()
        .map(|l| match l.trim_end() {
            "" => "\n".to_string(),
            l => format!("    {l}\n"),
        })
        .collect();
    assert!(
        readme.contains(&shown),
        "README.md does not show the sample as the reader draws it now:\n{shown}"
    );
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
    let mut rows = Vec::new();
    loop {
        let s = screen(&app);
        let view = help_box_rows(&s);
        assert!(!view.is_empty(), "the help box:\n{s}");
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

/// A page's block quotes and list items: a bar and bullets in a gutter
/// before the text, never in it, on every line of a wrapped item; a click
/// in an indented line finds the word under it.
#[test]
fn block_quotes_and_list_items_are_drawn_in_a_gutter() {
    let html = "<html><body><article><h1>Ferry talks resume</h1>\
        <p>Talks between the ferry company and its crews resumed on Monday in Port Wren, \
        after a week in which no boat left the harbour and the island ran short of milk.</p>\
        <blockquote><p>We will sit here until there is a deal, said Ines Okafor.</p></blockquote>\
        <ul><li>Crossings cancelled since Monday, with the night boat to Kellby cancelled as well \
        and the freight service down to one crossing a day</li><li>Talks resume at noon</li></ul>\
        <p>The company said it hoped to run a full timetable again by the end of the month, \
        once the two sides had agreed on pay and on the rota for the winter.</p>\
        </article></body></html>";
    let article = gloss::article::from_html(html, None, &gloss::article::CleanOptions::default());
    assert!(!article.text.contains('•') && !article.text.contains('│'));
    let analysis = gloss::analysis::analyze(&article);
    let mut app = app_with(gloss::Document { article, analysis }, 80, 24);
    let shown = screen(&app);
    assert!(shown.contains("│ We will sit here"), "{shown}");
    assert!(shown.contains("• Crossings cancelled"), "{shown}");
    assert!(shown.contains("• Talks resume at noon"), "{shown}");
    // the item's second line is indented like its first
    let first = shown
        .lines()
        .position(|l| l.contains("• Crossings"))
        .expect("item");
    let next = shown.lines().nth(first + 1).expect("a second line");
    let at = shown.lines().nth(first).unwrap().find("• ").unwrap();
    assert_eq!(&next[at..at + 2], "  ", "{next}");

    let names: Vec<&str> = app
        .doc
        .analysis
        .entities
        .iter()
        .map(|e| e.name.as_str())
        .collect();
    assert!(names.contains(&"Kellby"), "{names:?}");
    // a click on "Kellby" in the item selects it
    let text = app.doc.article.text.clone();
    let kellby = text.find("Kellby").expect("Kellby");
    let line = app.layout.line_of(kellby);
    let l = app.layout.lines[line];
    let areas = app.areas().unwrap();
    let column = gloss::ui::text_layout::display_width(&text[l.start..kellby]) as u16 + 2;
    update(
        &mut app,
        Action::Click {
            column: areas.text.x + column + 1,
            row: areas.text.y + line as u16,
        },
    );
    let selected = app.selected.expect("an entity selected");
    assert_eq!(app.doc.analysis.entities[selected.0].name, "Kellby");
}

/// An article in another language than English: the side panes say the
/// analysis knows English only instead of listing what it found.
#[test]
fn another_language_is_left_unanalysed_in_the_panes() {
    let mut doc = document();
    doc.article.meta.language = Some("fr".to_string());
    let app = app_with(doc, 160, 48);
    let shown = screen(&app);
    assert!(shown.contains("Analysis knows English only"), "{shown}");
    assert!(!shown.contains("Elena Alvarez  "), "{shown}");
    // declared English, or nothing declared and English assumed: listed
    let shown = screen(&app_with(document(), 160, 48));
    assert!(!shown.contains("Analysis knows English only"));
}

#[test]
fn a_dateline_is_not_shown_as_the_source_in_the_title_bar() {
    let config = gloss::config::Config::defaults();
    let text = "Floods close the port\n\nLAGOS — The port of Lagos closed on Monday as the river rose.\n\nShips waited off the coast.";
    let doc = gloss::Document::from_text(text, &config.clean);
    let app = app_with(doc, 80, 24);
    let screen = screen(&app);
    let header = screen.lines().next().expect("a header");
    assert!(header.contains("Floods close the port"), "{header}");
    assert!(!header.contains("LAGOS"), "{header}");
    // a wire service named in the dateline is a source
    let text = "Floods close the port\n\nLAGOS (Reuters) — The port closed on Monday.";
    let doc = gloss::Document::from_text(text, &config.clean);
    let header = screen_header(doc);
    assert!(header.contains("· Reuters"), "{header}");
}

fn screen_header(doc: gloss::Document) -> String {
    let app = app_with(doc, 80, 24);
    screen(&app).lines().next().unwrap_or_default().to_string()
}
