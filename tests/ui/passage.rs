//! The reading cursor and the visual selection, key by key, without a
//! terminal, on the hand-analysed fixture article.

use crate::ui_support::notes::passage;
use crate::ui_support::*;
use gloss::ui::{Action, App, update};

fn current(app: &App) -> &str {
    passage(app, app.reading.current_span().expect("a current sentence"))
}

fn selected(app: &App) -> &str {
    passage(app, app.reading.selection.expect("a selection").span)
}

#[test]
fn the_cursor_starts_on_the_first_sentence_and_parentheses_move_it() {
    let mut app = app(80, 24);
    assert_eq!(current(&app), TITLE);
    press(&mut app, ") ) )");
    assert!(
        current(&app).starts_with("\"We will sail as one fleet"),
        "{}",
        current(&app)
    );
    press(&mut app, "(");
    assert!(current(&app).starts_with("Mayor Elena Alvarez"));
    press(&mut app, "( ( (");
    assert_eq!(current(&app), TITLE);
    assert_eq!(message(&app), "This is the first sentence");
}

#[test]
fn the_view_follows_the_cursor_down_and_back_up() {
    let mut app = app(80, 24);
    for _ in 0..40 {
        press(&mut app, ")");
        let span = app.reading.current_span().unwrap();
        assert!(app.is_visible(span.start), "{}", current(&app));
    }
    assert!(current(&app).starts_with("Alvarez said she expected it"));
    assert_eq!(message(&app), "This is the last sentence");
    assert!(app.scroll > 0);
    for _ in 0..40 {
        press(&mut app, "(");
        assert!(app.is_visible(app.reading.current_span().unwrap().start));
    }
    assert_eq!(app.scroll, 0);
}

#[test]
fn scrolling_keeps_the_cursor_on_screen() {
    let mut app = app(80, 24);
    press(&mut app, "G");
    let span = app.reading.current_span().unwrap();
    assert!(app.is_visible(span.start), "{}", current(&app));
    assert_ne!(current(&app), TITLE);
    press(&mut app, "g");
    assert_eq!(current(&app), TITLE, "back at the top of the screen");
    press(&mut app, "j j j j");
    let span = app.reading.current_span().unwrap();
    assert!(span.start >= app.top_offset(), "{}", current(&app));
}

#[test]
fn a_jump_to_a_mention_or_a_match_takes_the_cursor_along() {
    let mut app = app(80, 24);
    press(&mut app, "1 j j n");
    let mark = app.mark.expect("a mark");
    assert!(app.reading.current_span().unwrap().covers(mark));
    assert_eq!(passage(&app, mark), "Tomas Reed");
    press(&mut app, "esc 0 /");
    type_text(&mut app, "third boat");
    press(&mut app, "enter");
    assert!(current(&app).starts_with("Reed said the board had tried"));
}

#[test]
fn v_selects_the_current_sentence_and_esc_ends_the_selection() {
    let mut app = app(80, 24);
    press(&mut app, ") ) v");
    assert!(selected(&app).starts_with("Mayor Elena Alvarez"));
    assert!(selected(&app).ends_with("between them."));
    assert!(message(&app).contains("chars · )/( w/b move the end"));
    press(&mut app, "esc");
    assert!(app.reading.selection.is_none());
    press(&mut app, "v v");
    assert!(app.reading.selection.is_none(), "v again ends it");
}

#[test]
fn w_and_b_move_the_end_of_the_selection_by_a_word() {
    let mut app = app(80, 24);
    press(&mut app, ") ) v b b");
    assert!(
        selected(&app).ends_with("ferry service"),
        "{}",
        selected(&app)
    );
    press(&mut app, "w");
    assert!(selected(&app).ends_with("service between"));
    press(&mut app, "w w");
    assert!(
        selected(&app).ends_with("between them. \"We"),
        "into the next sentence, its quotation mark kept with the word: {}",
        selected(&app)
    );
}

#[test]
fn parentheses_move_the_end_by_a_sentence_and_other_end_switches_ends() {
    let mut app = app(80, 24);
    press(&mut app, ") ) v )");
    assert!(selected(&app).starts_with("Mayor Elena"));
    assert!(selected(&app).ends_with("told reporters in Port Wren."));
    press(&mut app, "(");
    assert!(selected(&app).ends_with("between them."));
    press(&mut app, "O w w");
    assert!(
        selected(&app).starts_with("Alvarez of Port Wren"),
        "{}",
        selected(&app)
    );
    press(&mut app, "(");
    assert!(selected(&app).starts_with("Mayor Elena"));
    press(&mut app, "(");
    assert!(
        selected(&app).starts_with("PORT WREN"),
        "{}",
        selected(&app)
    );
}

#[test]
fn a_selection_never_becomes_empty() {
    let mut app = app(80, 24);
    press(&mut app, "v");
    for _ in 0..20 {
        press(&mut app, "b");
    }
    assert_eq!(selected(&app), "Harbour");
    assert_eq!(message(&app), "The selection cannot get shorter");
    press(&mut app, "O");
    for _ in 0..5 {
        press(&mut app, "w");
    }
    assert_eq!(selected(&app), "Harbour");
    press(&mut app, "(");
    assert_eq!(
        message(&app),
        "The selection reaches the start of the article"
    );
}

#[test]
fn word_keys_outside_a_selection_say_how_to_start_one() {
    let mut app = app(80, 24);
    press(&mut app, "w");
    assert_eq!(message(&app), "v selects a passage first");
    assert!(app.reading.selection.is_none());
}

#[test]
fn an_article_without_sentences_moves_by_block() {
    let mut app = app_with(unanalysed(), 80, 24);
    press(&mut app, ") )");
    assert!(current(&app).starts_with("Mayor Elena Alvarez"));
    assert!(current(&app).ends_with("reporters in Port Wren."));
}

#[test]
fn the_selection_and_the_cursor_are_drawn() {
    let mut app = app(80, 24);
    let theme = app.theme.clone();
    press(&mut app, ") ) v b");
    let screen = render(&app);
    let buffer = screen.backend().buffer();
    let row = buffer_row(&app, "Mayor Elena");
    let x = (0..80).find(|&x| buffer[(x, row)].symbol() == "M").unwrap();
    assert_eq!(buffer[(x, row)].style().bg, theme.visual.bg);
    update(&mut app, Action::Cancel);
    let screen = render(&app);
    let buffer = screen.backend().buffer();
    assert_eq!(buffer[(x, row)].style().bg, theme.reading.bg);
    assert_eq!(buffer[(x - 1, row)].symbol(), "▏", "the margin marks it");
}

fn buffer_row(app: &App, needle: &str) -> u16 {
    screen(app)
        .lines()
        .position(|l| l.contains(needle))
        .expect("on screen") as u16
}
