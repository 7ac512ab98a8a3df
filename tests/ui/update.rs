//! The reader's behaviour, key by key, without a terminal: keys are routed
//! through the default key map and applied with `update`.

use crate::ui_support::*;
use gloss::Document;
use gloss::analysis::EntityId;
use gloss::span::Span;
use gloss::ui::app::Mode;
use gloss::ui::settings::ReaderSettings;
use gloss::ui::{Action, App, Effect, Pane, update};

fn marked_text(app: &gloss::ui::App) -> &str {
    let m = app.mark.expect("a mark");
    &app.doc.article.text[m.start..m.end]
}

#[test]
fn j_k_and_arrows_scroll_the_article_a_line() {
    let mut app = app(80, 24);
    press(&mut app, "j j down");
    assert_eq!(app.scroll, 3);
    press(&mut app, "k up");
    assert_eq!(app.scroll, 1);
    press(&mut app, "k k k");
    assert_eq!(app.scroll, 0, "never above the top");
}

#[test]
fn pages_half_pages_top_and_bottom() {
    let mut app = app(80, 24);
    let page = app.text_height() - 2;
    assert!(
        app.max_scroll() > page,
        "the fixture is longer than two screens"
    );
    press(&mut app, "pgdn");
    assert_eq!(app.scroll, page);
    press(&mut app, "pgup");
    assert_eq!(app.scroll, 0);
    press(&mut app, "space");
    assert_eq!(app.scroll, page);
    press(&mut app, "g");
    press(&mut app, "ctrl-d");
    assert_eq!(app.scroll, page / 2);
    press(&mut app, "ctrl-u");
    assert_eq!(app.scroll, 0);
    press(&mut app, "G");
    assert_eq!(app.scroll, app.max_scroll());
    assert!(app.max_scroll() > 0);
    assert_eq!(app.percent(), 100);
    press(&mut app, "j pgdn space");
    assert_eq!(app.scroll, app.max_scroll(), "never past the end");
    press(&mut app, "g");
    assert_eq!((app.scroll, app.percent()), (0, 0));
}

#[test]
fn tab_and_shift_tab_cycle_the_panes_and_digits_focus_one() {
    let mut app = app(80, 24);
    assert_eq!(app.focus, Pane::Article);
    press(&mut app, "tab");
    assert_eq!(app.focus, Pane::People);
    press(&mut app, "tab tab");
    assert_eq!(app.focus, Pane::Quotes);
    press(&mut app, "tab");
    assert_eq!(app.focus, Pane::Notes);
    press(&mut app, "tab");
    assert_eq!(app.focus, Pane::Article);
    press(&mut app, "shift-tab");
    assert_eq!(app.focus, Pane::Notes);
    press(&mut app, "shift-tab");
    assert_eq!(app.focus, Pane::Quotes);
    press(&mut app, "2");
    assert_eq!(app.focus, Pane::Places);
    press(&mut app, "1");
    assert_eq!(app.focus, Pane::People);
    press(&mut app, "3");
    assert_eq!(app.focus, Pane::Quotes);
    press(&mut app, "4");
    assert_eq!(app.focus, Pane::Notes);
    press(&mut app, "0");
    assert_eq!(app.focus, Pane::Article);
}

#[test]
fn people_are_listed_most_mentioned_first_and_focusing_selects_the_first() {
    let mut app = app(80, 24);
    assert_eq!(app.index.people[0], ALVAREZ);
    assert_eq!(app.index.count(ALVAREZ), 4);
    assert_eq!(app.index.people, [ALVAREZ, OKAFOR, REED, WIRE, BOARD]);
    assert_eq!(app.index.places, [PORT_WREN, KELLBY]);
    press(&mut app, "tab");
    assert_eq!(app.selected, Some(ALVAREZ));
    assert!(
        message(&app).contains("Elena Alvarez: 4 mentions"),
        "{}",
        message(&app)
    );
}

#[test]
fn j_k_g_and_g_move_through_a_list_and_select_the_row() {
    let mut app = app(80, 24);
    press(&mut app, "1 j");
    assert_eq!(app.people.selected, 1);
    assert_eq!(app.selected, Some(app.index.people[1]));
    press(&mut app, "G");
    assert_eq!(app.people.selected, app.index.people.len() - 1);
    press(&mut app, "j");
    assert_eq!(
        app.people.selected,
        app.index.people.len() - 1,
        "stays on the last row"
    );
    press(&mut app, "g");
    assert_eq!(app.people.selected, 0);
    assert_eq!(
        app.scroll, 0,
        "moving in a list does not scroll the article"
    );
}

#[test]
fn enter_jumps_to_the_first_mention_and_marks_it() {
    let mut app = app(80, 24);
    press(&mut app, "2 enter");
    assert_eq!(app.selected, Some(PORT_WREN));
    assert_eq!(marked_text(&app), "PORT WREN");
    assert_eq!(message(&app), "Port Wren · mention 1 of 5");
}

#[test]
fn n_and_shift_n_step_through_the_selected_entitys_mentions_and_wrap() {
    let mut app = app(80, 24);
    press(&mut app, "1 n");
    assert_eq!(marked_text(&app), "Elena Alvarez");
    assert_eq!(message(&app), "Elena Alvarez · mention 1 of 4");
    press(&mut app, "n n");
    assert_eq!(message(&app), "Elena Alvarez · mention 3 of 4");
    assert_eq!(marked_text(&app), "Alvarez");
    press(&mut app, "n");
    assert!(message(&app).contains("mention 4 of 4"));
    assert!(app.scroll > 0, "the last mention is scrolled into view");
    assert!(app.is_visible(app.mark.unwrap().start));
    press(&mut app, "n");
    assert_eq!(
        message(&app),
        "Elena Alvarez · mention 1 of 4 · from the top"
    );
    assert!(app.is_visible(app.mark.unwrap().start));
    press(&mut app, "N");
    assert_eq!(
        message(&app),
        "Elena Alvarez · mention 4 of 4 · from the end"
    );
    press(&mut app, "N");
    assert!(message(&app).contains("mention 3 of 4"));
}

#[test]
fn n_without_a_selection_says_how_to_make_one() {
    let mut app = app(80, 24);
    press(&mut app, "n");
    assert!(
        message(&app).starts_with("Select a person or place first (1, then j)"),
        "{}",
        message(&app)
    );
    assert_eq!(app.mark, None);
}

#[test]
fn brackets_jump_between_the_people_of_the_story() {
    let mut app = app(80, 24);
    press(&mut app, "]");
    assert_eq!(marked_text(&app), "Elena Alvarez");
    press(&mut app, "]");
    assert_eq!(marked_text(&app), "Alvarez");
    press(&mut app, "]");
    assert_eq!(marked_text(&app), "Tomas Reed");
    assert_eq!(message(&app), "Tomas Reed · mention 1 of 3");
    press(&mut app, "[");
    assert_eq!(marked_text(&app), "Alvarez");
    assert_eq!(app.selected, None, "jumping between people selects nobody");
    // Ten people's mentions in all; organisations and places are not people.
    press(&mut app, "] ] ] ] ] ] ] ]");
    assert_eq!(message(&app), "Mira Okafor · mention 3 of 3");
    press(&mut app, "]");
    assert_eq!(message(&app), "No person is named after this point");
}

#[test]
fn brackets_start_from_the_top_of_the_screen_after_scrolling() {
    let mut app = app(80, 24);
    press(&mut app, "]");
    let first = app.mark.unwrap();
    press(&mut app, "G");
    let top = app.top_offset();
    press(&mut app, "[");
    let last_person = app.mark.unwrap();
    assert!(last_person.start > first.start);
    assert!(
        last_person.start < top,
        "[ goes to the last person named before the screen's top"
    );
    let next_after = app
        .index
        .person_mentions()
        .find(|m| m.span.start > last_person.start);
    assert!(next_after.is_none_or(|m| m.span.start >= top));
}

#[test]
fn a_selected_person_narrows_the_quotes_and_f_toggles_it() {
    let mut app = app(80, 24);
    assert_eq!(app.visible_quotes().len(), 3, "scare quotes are not listed");
    press(&mut app, "1 j j");
    assert_eq!(app.selected, Some(REED));
    assert_eq!(app.visible_quotes().len(), 1);
    press(&mut app, "f");
    assert_eq!(app.visible_quotes().len(), 3);
    assert!(message(&app).starts_with("All quotes"), "{}", message(&app));
    press(&mut app, "f");
    assert_eq!(app.visible_quotes().len(), 1);
    assert!(message(&app).starts_with("Quotes by Tomas Reed only"));
    press(&mut app, "2");
    assert_eq!(
        app.visible_quotes().len(),
        3,
        "a place does not narrow the quotes"
    );
}

#[test]
fn selecting_a_quote_scrolls_to_it_and_names_the_speaker() {
    let mut app = app(80, 24);
    press(&mut app, "3 j j");
    assert_eq!(
        app.mark.map(|m| &app.doc.article.text[m.start..m.end]),
        Some("Kellby pays for the fuel and Port Wren gets the boats,")
    );
    assert!(app.is_visible(app.mark.unwrap().start));
    assert_eq!(message(&app), "Quote 3 of 3 · Mira Okafor");
    press(&mut app, "k");
    assert_eq!(message(&app), "Quote 2 of 3 · Tomas Reed");
    press(&mut app, "enter");
    assert_eq!(message(&app), "Quote 2 of 3 · Tomas Reed");
}

#[test]
fn search_is_incremental_counts_matches_and_n_steps_through_them() {
    let mut app = app(80, 24);
    press(&mut app, "/");
    assert_eq!(app.mode, Mode::SearchInput);
    type_text(&mut app, "kel");
    let search = app.search.as_ref().unwrap();
    assert_eq!((search.query.as_str(), search.matches.len()), ("kel", 4));
    type_text(&mut app, "lby");
    assert_eq!(
        app.search.as_ref().unwrap().matches.len(),
        4,
        "case is ignored"
    );
    assert!(app.is_visible(app.search.as_ref().unwrap().matches[0].start));
    press(&mut app, "enter");
    assert_eq!(app.mode, Mode::Normal);
    assert!(
        message(&app).starts_with("“kellby”: match 1 of 4"),
        "{}",
        message(&app)
    );
    press(&mut app, "n n");
    assert!(message(&app).starts_with("“kellby”: match 3 of 4"));
    press(&mut app, "N");
    assert!(message(&app).starts_with("“kellby”: match 2 of 4"));
    // `n` steps matches even with an entity selected, until Esc ends the search.
    press(&mut app, "esc");
    assert!(app.search.is_none());
    press(&mut app, "1 n");
    assert!(message(&app).contains("Elena Alvarez · mention"));
}

#[test]
fn search_ignores_accents_and_case_unless_the_settings_say_otherwise() {
    let doc = Document::from_text(
        "Visit to Zürich\n\nThe talks moved from ZURICH to São Paulo, then back to Zurich.",
        &gloss::config::Config::defaults().clean,
    );
    let mut app = app_with(doc.clone(), 80, 24);
    press(&mut app, "/");
    type_text(&mut app, "zurich");
    assert_eq!(app.search.as_ref().unwrap().matches.len(), 3);
    press(&mut app, "esc /");
    type_text(&mut app, "sao paulo");
    let m = app.search.as_ref().unwrap().matches.clone();
    assert_eq!(m.len(), 1);
    assert_eq!(app.doc.article.slice(m[0]), "São Paulo");

    let mut settings = ReaderSettings::default();
    settings.reader.search_case = gloss::ui::search::SearchCase::Smart;
    settings.reader.search_ignore_accents = false;
    let mut app = App::new(doc, &settings, env(), 80, 24).expect("keys");
    press(&mut app, "/");
    type_text(&mut app, "Zurich");
    assert_eq!(
        app.search.as_ref().unwrap().matches.len(),
        1,
        "smart case, accents count"
    );
}

#[test]
fn search_backspace_and_esc_go_back_where_the_search_began() {
    let mut app = app(80, 24);
    press(&mut app, "j");
    press(&mut app, "/");
    type_text(&mut app, "March");
    assert!(app.scroll > 1, "the view followed the match");
    press(&mut app, "backspace");
    assert_eq!(app.search.as_ref().unwrap().query, "Marc");
    press(&mut app, "esc");
    assert_eq!(app.mode, Mode::Normal);
    assert!(app.search.is_none());
    assert_eq!(app.scroll, 1);
}

#[test]
fn keys_typed_into_the_search_are_text_not_commands() {
    let mut app = app(80, 24);
    press(&mut app, "/");
    type_text(&mut app, "q?nj");
    assert_eq!(app.mode, Mode::SearchInput);
    assert_eq!(app.search.as_ref().unwrap().query, "q?nj");
    press(&mut app, "enter");
    assert_eq!(message(&app), "No match for “q?nj”");
    assert!(app.message.as_ref().unwrap().error);
}

#[test]
fn q_quits_and_ctrl_c_always_quits() {
    let mut app = app(80, 24);
    assert_eq!(press(&mut app, "q"), Effect::Quit);
    press(&mut app, "/");
    assert_eq!(press(&mut app, "ctrl-c"), Effect::Quit);
    let mut app = crate::ui_support::app(80, 24);
    press(&mut app, "?");
    assert_eq!(press(&mut app, "ctrl-c"), Effect::Quit);
}

#[test]
fn help_opens_and_closes_and_swallows_other_keys() {
    let mut app = app(80, 24);
    press(&mut app, "?");
    assert_eq!(app.mode, Mode::Help);
    press(&mut app, "n 1 ]");
    assert_eq!((app.focus, app.mark), (Pane::Article, None));
    press(&mut app, "j");
    assert_eq!(app.help_scroll, 1, "j scrolls the help");
    assert_eq!(app.scroll, 0);
    press(&mut app, "esc");
    assert_eq!(app.mode, Mode::Normal);
    press(&mut app, "? ?");
    assert_eq!(app.mode, Mode::Normal);
}

#[test]
fn esc_clears_the_selection_when_nothing_else_is_open() {
    let mut app = app(80, 24);
    press(&mut app, "1 n esc");
    assert_eq!((app.selected, app.mark), (None, None));
}

#[test]
fn z_hides_the_side_panes_and_rewraps_the_text_wider() {
    let mut app = app(80, 24);
    let narrow = app.layout.width;
    press(&mut app, "1 z");
    assert!(app.full_width);
    assert_eq!(app.focus, Pane::Article);
    assert!(app.layout.width > narrow);
    press(&mut app, "tab");
    assert!(message(&app).contains("z shows them"));
    press(&mut app, "2");
    assert!(
        !app.full_width,
        "focusing a side pane brings the panes back"
    );
    assert_eq!(app.layout.width, narrow);
}

#[test]
fn with_no_color_t_says_colours_are_off_instead_of_naming_a_theme() {
    let doc = document();
    let env = gloss::ui::theme::ColorEnv {
        no_color: true,
        ..env()
    };
    let mut app = App::new(doc, &ReaderSettings::default(), env, 80, 24).expect("keys");
    press(&mut app, "t");
    assert!(message(&app).contains("NO_COLOR"), "{}", message(&app));
    assert!(!message(&app).starts_with("Theme: "));
}

#[test]
fn selecting_an_entity_counts_its_mentions_once() {
    let mut app = app(80, 24);
    press(&mut app, "tab");
    let m = message(&app).to_string();
    assert!(
        !m.contains("of 1 mention") && !m.contains(" of 4 mentions"),
        "{m}"
    );
    press(&mut app, "n");
    assert!(
        message(&app).ends_with("mention 1 of 4"),
        "{}",
        message(&app)
    );
}

#[test]
fn t_cycles_the_themes() {
    let mut app = app(80, 24);
    let first = app.theme.palette;
    press(&mut app, "t");
    assert_ne!(app.theme.palette, first);
    assert!(message(&app).starts_with("Theme: "));
    press(&mut app, "t t");
    assert_eq!(app.theme.palette, first);
}

#[test]
fn o_opens_the_articles_url_or_says_there_is_none() {
    let mut app = app(80, 24);
    assert_eq!(
        press(&mut app, "o"),
        Effect::OpenUrl("https://example.org/ferry".into())
    );
    let mut app = app_with(unanalysed(), 80, 24);
    app.doc.article.meta.url = None;
    assert_eq!(press(&mut app, "o"), Effect::None);
    assert!(message(&app).contains("no URL"));
    app.doc.article.meta.url = Some("file:///etc/passwd".into());
    assert_eq!(press(&mut app, "o"), Effect::None);
}

#[test]
fn y_copies_the_selected_quote_with_its_citation() {
    let mut app = app(80, 24);
    let Effect::Copy(text) = press(&mut app, "3 j y") else {
        panic!("y copies")
    };
    assert_eq!(
        text,
        "“Nobody should wait an hour in the rain for a boat,”\n— Tomas Reed, in “Harbour towns vote to share one ferry service”, Coastal Wire, 2026-03-03, https://example.org/ferry"
    );
    assert_eq!(
        message(&app),
        "Copied the quote by Tomas Reed with its citation"
    );
}

#[test]
fn y_in_the_article_copies_the_sentence_at_the_reading_position() {
    let mut app = app(80, 24);
    press(&mut app, "] ] ]"); // Tomas Reed
    let Effect::Copy(text) = press(&mut app, "y") else {
        panic!("y copies")
    };
    assert!(
        text.starts_with("“Its chair, Tomas Reed, called it"),
        "{text}"
    );
    assert!(text.contains("\n— “Harbour towns"), "{text}");
}

#[test]
fn y_after_moving_the_reading_cursor_copies_that_sentence_not_the_top_of_the_view() {
    let mut app = app(80, 24);
    press(&mut app, ") )");
    let sentence = app.reading.current_span().expect("a sentence");
    let expected = app.doc.article.slice(sentence).to_string();
    let title = app.doc.article.title().expect("a title").to_string();
    assert_ne!(expected, title);
    let Effect::Copy(text) = press(&mut app, "y") else {
        panic!("y copies")
    };
    assert!(text.starts_with(&format!("“{expected}”")), "{text}");
    // a file's article is cited by its path when it has no URL
    app.doc.article.meta.url = None;
    app.address = Some("/home/reader/ferry.txt".into());
    let Effect::Copy(text) = press(&mut app, "y") else {
        panic!("y copies")
    };
    assert!(text.ends_with("/home/reader/ferry.txt"), "{text}");
}

#[test]
fn the_wheel_scrolls_the_article_and_a_click_selects_a_row() {
    let mut app = app(80, 24);
    let areas = app.areas().unwrap();
    update(
        &mut app,
        Action::Wheel {
            column: areas.text.x,
            row: areas.text.y,
            down: true,
        },
    );
    assert_eq!(app.scroll, 3);
    let places = areas.list_rows(Pane::Places).unwrap();
    update(
        &mut app,
        Action::Click {
            column: places.x + 1,
            row: places.y + 1,
        },
    );
    assert_eq!(app.focus, Pane::Places);
    assert_eq!(app.selected, Some(app.index.places[1]));
    update(
        &mut app,
        Action::Wheel {
            column: areas.text.x,
            row: areas.text.y,
            down: false,
        },
    );
    assert_eq!(app.scroll, 0);
}

#[test]
fn clicking_a_name_in_the_text_selects_that_entity() {
    let mut app = app(80, 24);
    let areas = app.areas().unwrap();
    let mention = app.index.mentions[REED.0][0];
    let line = app.layout.line_of(mention.start);
    let l = app.layout.lines[line];
    let column =
        gloss::ui::text_layout::display_width(&app.doc.article.text[l.start..mention.start]) as u16;
    update(
        &mut app,
        Action::Click {
            column: areas.text.x + column + 1,
            row: areas.text.y + line as u16,
        },
    );
    assert_eq!(app.selected, Some(REED));
    let row = app.index.people.iter().position(|&e| e == REED);
    assert_eq!(Some(app.people.selected), row, "the list follows");
}

#[test]
fn resizing_keeps_the_reading_position() {
    let mut app = app(80, 24);
    press(&mut app, "pgdn");
    let top = app.top_offset();
    update(
        &mut app,
        Action::Resize {
            width: 160,
            height: 48,
        },
    );
    assert!(app.top_offset() <= top);
    let line = app.layout.line_of(top);
    assert!(line >= app.scroll && line < app.scroll + app.text_height());
    update(
        &mut app,
        Action::Resize {
            width: 40,
            height: 10,
        },
    );
    assert!(app.areas().is_none());
    press(&mut app, "j n ] / x esc q");
}

#[test]
fn rebound_keys_from_the_configuration_take_effect() {
    let settings = gloss::ui::settings::ReaderSettings {
        keys: toml::from_str("next-mention = [\"i\"]\n").unwrap(),
        ..Default::default()
    };
    let mut app = gloss::ui::App::new(document(), &settings, env(), 80, 24).unwrap();
    press(&mut app, "1 i");
    assert!(message(&app).contains("mention 1 of 4"));
    let mark = app.mark;
    press(&mut app, "n");
    assert_eq!(app.mark, mark, "n is no longer bound");
    press(&mut app, "i");
    assert!(message(&app).contains("mention 2 of 4"));
}

#[test]
fn rebound_search_keys_work_while_typing_a_search_and_nowhere_else() {
    let settings = gloss::ui::settings::ReaderSettings {
        keys: toml::from_str(
            "search-confirm = [\"tab\"]\nsearch-cancel = [\"ctrl-g\"]\nsearch-clear = [\"ctrl-w\"]\n",
        )
        .unwrap(),
        ..Default::default()
    };
    let mut app = gloss::ui::App::new(document(), &settings, env(), 80, 24).unwrap();
    press(&mut app, "/");
    type_text(&mut app, "kel");
    press(&mut app, "ctrl-u");
    assert_eq!(
        app.search.as_ref().unwrap().query,
        "kel",
        "ctrl-u no longer clears"
    );
    press(&mut app, "ctrl-w");
    assert_eq!(app.search.as_ref().unwrap().query, "");
    type_text(&mut app, "kellby");
    assert!(
        screen(&app).contains("Tab keep · Ctrl-g cancel"),
        "the hint follows"
    );
    press(&mut app, "enter esc");
    assert_eq!(
        app.mode,
        Mode::SearchInput,
        "enter and esc are unbound here now"
    );
    press(&mut app, "tab");
    assert_eq!(app.mode, Mode::Normal);
    assert!(
        message(&app).starts_with("“kellby”: match 1 of 4"),
        "{}",
        message(&app)
    );
    // while reading, tab still cycles the panes and ctrl-u goes up half a page
    press(&mut app, "tab");
    assert_eq!(app.focus, Pane::People);
    press(&mut app, "0 / x ctrl-g");
    assert_eq!((app.mode, app.search.is_none()), (Mode::Normal, true));
}

#[test]
fn an_empty_analysis_never_fails_and_says_so() {
    let mut app = app_with(unanalysed(), 80, 24);
    press(&mut app, "]");
    assert_eq!(
        message(&app),
        "The analysis found no person in this article"
    );
    press(&mut app, "1 enter n f 2 j enter 3 j enter y");
    assert_eq!(app.selected, None::<EntityId>);
    press(&mut app, "0 y");
    assert!(app.mark.is_none());
}

#[test]
fn spans_that_do_not_fit_the_text_are_ignored() {
    let mut doc = document();
    doc.analysis.entities[0]
        .mentions
        .push(Span::new(5, 100_000));
    doc.analysis.quotes[0].span = Span::new(1, 2);
    let mut app = app_with(doc, 80, 24);
    press(&mut app, "1 n n n n n n 3 j j y");
}

#[test]
fn the_analysis_arriving_after_opening_fills_the_panes_and_keeps_the_place() {
    let full = document();
    let mut app = app_with(unanalysed(), 80, 24);
    app.analysing = true;
    // reading before the analysis is in: scroll, and `]` says to wait
    press(&mut app, "j j j");
    let scroll = app.scroll;
    press(&mut app, "]");
    assert_eq!(
        app.message.as_ref().map(|m| m.text.as_str()),
        Some("Still analysing the article…")
    );
    assert!(app.index.people.is_empty());

    app.set_analysis(full.analysis.clone());
    assert!(!app.analysing);
    assert_eq!(app.scroll, scroll, "the view stays where the reader was");
    // the People & organisations pane lists both
    assert_eq!(
        app.index.people.len(),
        full.analysis
            .entities
            .iter()
            .filter(|e| e.kind != gloss::analysis::EntityKind::Place)
            .count()
    );
    // the keys now work on what was found
    press(&mut app, "]");
    assert!(
        app.message
            .as_ref()
            .is_some_and(|m| m.text.contains(" · mention ")),
        "{:?}",
        app.message
    );
}

#[test]
fn a_list_focused_while_the_analysis_runs_selects_its_first_row_when_it_arrives() {
    let full = document();
    let mut app = app_with(unanalysed(), 80, 24);
    app.analysing = true;
    press(&mut app, "1");
    assert_eq!(app.selected, None);
    app.set_analysis(full.analysis.clone());
    assert_eq!(app.focus, Pane::People);
    assert_eq!(app.selected, app.index.people.first().copied());
}
