//! Notes in the reader, key by key, without a terminal: highlighting,
//! writing, editing, deleting and undoing notes, the draft that survives a
//! quit, the Notes pane and its tag filter, and the export. Every test has
//! its own notes and export folders; what is "saved" is read back from disk.

use crate::ui_support::notes::{Folders, id, passage};
use crate::ui_support::*;
use gloss::analysis::EntityKind;
use gloss::notes::Attachment;
use gloss::ui::note_taking::{Prompt, Question, external_edit_done, flush_draft};
use gloss::ui::{Action, App, Effect, Pane, update};

fn current(app: &App) -> &str {
    passage(app, app.reading.current_span().expect("a current sentence"))
}

fn editor_body(app: &App) -> String {
    app.notes
        .editor
        .as_ref()
        .expect("the editor is open")
        .body()
}

fn is_error(app: &App) -> bool {
    app.message.as_ref().is_some_and(|m| m.error)
}

const MAYOR: &str = "Mayor Elena Alvarez of Port Wren said on Tuesday that the three harbour \
                     towns had agreed to run one ferry service between them.";

#[test]
fn h_highlights_the_current_sentence_and_saves_it_at_once() {
    let f = Folders::new();
    let mut app = f.open(80, 24);
    press(&mut app, ") ) h");
    let saved = f.saved();
    assert_eq!(saved.len(), 1);
    assert_eq!(saved[0].target.exact, MAYOR);
    assert!(saved[0].is_highlight());
    assert!(
        message(&app).starts_with("Highlighted"),
        "{}",
        message(&app)
    );
    assert_eq!(app.list_len(Pane::Notes), 1);
}

#[test]
fn h_on_a_highlight_removes_it_and_u_brings_it_back() {
    let f = Folders::new();
    let mut app = f.open(80, 24);
    press(&mut app, ") ) h h");
    assert!(f.saved().is_empty());
    assert!(message(&app).starts_with("Highlight removed"));
    press(&mut app, "u");
    assert_eq!(f.saved().len(), 1);
    press(&mut app, "u");
    assert!(f.saved().is_empty(), "the highlight itself undone");
    press(&mut app, "u");
    assert_eq!(message(&app), "Nothing to undo");
}

#[test]
fn h_on_a_selection_highlights_exactly_the_selection() {
    let f = Folders::new();
    let mut app = f.open(80, 24);
    press(&mut app, ") ) v O w w O b h");
    let saved = f.saved();
    assert_eq!(
        saved[0].target.exact,
        "Alvarez of Port Wren said on Tuesday that the three harbour towns had agreed to run one ferry service between"
    );
    assert!(app.reading.selection.is_none(), "the selection ends");
}

#[test]
fn a_opens_the_editor_and_ctrl_s_saves_a_multi_line_note_with_tags() {
    let f = Folders::new();
    let mut app = f.open(80, 24);
    press(&mut app, ") ) a");
    assert!(app.notes.editor.is_some());
    type_text(&mut app, "Quite a plan: one fleet? #ferries");
    press(&mut app, "enter");
    type_text(&mut app, "Ask the #Kellby council");
    assert_eq!(f.saved().len(), 0, "nothing is saved before ctrl-s");
    press(&mut app, "ctrl-s");
    assert!(app.notes.editor.is_none());
    let saved = f.saved();
    assert_eq!(saved.len(), 1);
    assert_eq!(
        saved[0].body,
        "Quite a plan: one fleet? #ferries\nAsk the #Kellby council"
    );
    assert_eq!(saved[0].tags(), ["ferries", "Kellby"]);
    assert_eq!(saved[0].target.exact, MAYOR);
    assert_eq!(message(&app), "Note saved");
    assert!(
        f.store().load_draft(&id()).is_none(),
        "the draft is gone once saved"
    );
}

#[test]
fn keys_typed_in_the_editor_are_text_not_commands() {
    let f = Folders::new();
    let mut app = f.open(80, 24);
    press(&mut app, "a");
    type_text(&mut app, "q?xdu4#");
    assert_eq!(editor_body(&app), "q?xdu4#");
    assert_eq!(app.focus, Pane::Article);
    update(&mut app, Action::Click { column: 70, row: 3 });
    assert_eq!(
        app.focus,
        Pane::Article,
        "clicks behind the editor do nothing"
    );
}

#[test]
fn a_on_a_highlight_gives_it_words_instead_of_a_second_note() {
    let f = Folders::new();
    let mut app = f.open(80, 24);
    press(&mut app, ") ) h a");
    type_text(&mut app, "Now with words");
    press(&mut app, "ctrl-s");
    let saved = f.saved();
    assert_eq!(saved.len(), 1);
    assert_eq!(saved[0].body, "Now with words");
    press(&mut app, "u");
    assert!(f.saved()[0].is_highlight(), "undo takes the words back");
}

#[test]
fn esc_asks_before_throwing_words_away() {
    let f = Folders::new();
    let mut app = f.open(80, 24);
    press(&mut app, "a");
    type_text(&mut app, "half a thought");
    press(&mut app, "esc");
    assert_eq!(app.notes.prompt, Some(Prompt::Confirm(Question::Discard)));
    assert!(screen(&app).contains("Throw away this note?"));
    press(&mut app, "n");
    assert_eq!(app.notes.prompt, None);
    assert_eq!(editor_body(&app), "half a thought", "back to writing");
    press(&mut app, "esc y");
    assert!(app.notes.editor.is_none());
    assert!(f.saved().is_empty());
    assert!(f.store().load_draft(&id()).is_none());
    assert_eq!(message(&app), "Note discarded");
}

#[test]
fn esc_on_an_empty_or_unchanged_note_closes_without_asking() {
    let f = Folders::new();
    let mut app = f.open(80, 24);
    press(&mut app, "a esc");
    assert!(app.notes.editor.is_none() && app.notes.prompt.is_none());
    press(&mut app, "a");
    type_text(&mut app, "kept");
    press(&mut app, "ctrl-s 4 e esc");
    assert!(app.notes.editor.is_none() && app.notes.prompt.is_none());
}

#[test]
fn the_draft_is_on_disk_while_typing_and_survives_ctrl_c() {
    let f = Folders::new();
    let mut app = f.open(80, 24);
    press(&mut app, ") ) a");
    type_text(&mut app, "unsaved words");
    flush_draft(&mut app);
    let draft = f.store().load_draft(&id()).expect("a draft on disk");
    assert_eq!(draft.body, "unsaved words");
    assert_eq!(draft.target.exact, MAYOR);
    type_text(&mut app, ", and more");
    assert_eq!(press(&mut app, "ctrl-c"), Effect::Quit);
    let draft = f
        .store()
        .load_draft(&id())
        .expect("still there after quitting");
    assert_eq!(draft.body, "unsaved words, and more");
    assert!(f.saved().is_empty());

    // Opening the article again offers the note back.
    let mut again = f.open(80, 24);
    assert_eq!(editor_body(&again), "unsaved words, and more");
    assert!(
        message(&again).contains("unsaved note"),
        "{}",
        message(&again)
    );
    press(&mut again, "ctrl-s");
    assert_eq!(f.saved()[0].body, "unsaved words, and more");
    assert_eq!(f.saved()[0].target.exact, MAYOR);
    assert!(f.store().load_draft(&id()).is_none());
}

#[test]
fn a_on_a_selected_person_attaches_the_note_to_them() {
    let f = Folders::new();
    let mut app = f.open(80, 24);
    press(&mut app, "1 n n a");
    type_text(&mut app, "Which fleet?");
    press(&mut app, "ctrl-s");
    let note = &f.saved()[0];
    assert_eq!(
        note.attachment,
        Some(Attachment::Entity {
            kind: EntityKind::Person,
            name: "Elena Alvarez".into()
        })
    );
    assert_eq!(note.target.exact, "Alvarez", "on the marked mention");
    assert!(screen(&app).contains("Elena Alvarez · Which fleet?"));
}

#[test]
fn a_on_a_selected_quote_attaches_the_note_to_the_quote() {
    let f = Folders::new();
    let mut app = f.open(80, 24);
    press(&mut app, "3 j a");
    type_text(&mut app, "Rain is the real problem");
    press(&mut app, "ctrl-s");
    let note = &f.saved()[0];
    let quote = "Nobody should wait an hour in the rain for a boat,";
    assert_eq!(
        note.attachment,
        Some(Attachment::Quote { text: quote.into() })
    );
    assert_eq!(note.target.exact, quote);
}

/// Put the reading cursor on the `n`th sentence.
fn to_sentence(app: &mut App, n: usize) {
    for _ in 0..app.reading.units.len() {
        press(app, "(");
    }
    for _ in 0..n {
        press(app, ")");
    }
}

/// Three notes: a highlight and two notes with tags, in reading order.
fn three_notes(app: &mut App) {
    press(app, ") ) h");
    press(app, ") ) a");
    type_text(app, "Shared #costs, shared #ferries");
    press(app, "ctrl-s");
    press(app, ") ) ) ) a");
    type_text(app, "Doubts about #costs");
    press(app, "ctrl-s 0");
}

#[test]
fn the_notes_pane_lists_notes_in_reading_order_and_enter_jumps() {
    let f = Folders::new();
    let mut app = f.open(80, 24);
    three_notes(&mut app);
    press(&mut app, "4");
    assert_eq!(app.focus, Pane::Notes);
    let screen_text = screen(&app);
    let rows: Vec<&str> = screen_text
        .lines()
        .filter(|l| l.contains("“Mayor") || l.contains("Shared #") || l.contains("Doubts about"))
        .collect();
    assert_eq!(rows.len(), 3, "{screen_text}");
    assert!(rows[0].contains("“Mayor Elena"));
    press(&mut app, "G enter");
    let mark = app.mark.expect("the passage is marked");
    assert!(passage(&app, mark).starts_with("Not everyone is convinced"));
    assert!(app.is_visible(mark.start));
    assert!(current(&app).starts_with("Not everyone"));
    assert_eq!(message(&app), "Note 3 of 3 · Doubts about #costs");
}

#[test]
fn e_edits_the_selected_note() {
    let f = Folders::new();
    let mut app = f.open(80, 24);
    three_notes(&mut app);
    press(&mut app, "4 g j e");
    assert_eq!(editor_body(&app), "Shared #costs, shared #ferries");
    type_text(&mut app, " (and fuel)");
    press(&mut app, "ctrl-s");
    assert_eq!(
        f.saved()[1].body,
        "Shared #costs, shared #ferries (and fuel)"
    );
    assert_eq!(f.saved().len(), 3);
}

#[test]
fn e_outside_the_notes_pane_edits_the_note_at_the_cursor() {
    let f = Folders::new();
    let mut app = f.open(80, 24);
    three_notes(&mut app);
    to_sentence(&mut app, 4);
    press(&mut app, "e");
    assert_eq!(editor_body(&app), "Shared #costs, shared #ferries");
    press(&mut app, "esc");
    to_sentence(&mut app, 0);
    press(&mut app, "e");
    assert!(app.notes.editor.is_none());
    assert_eq!(message(&app), "No note here · a writes one");
}

#[test]
fn deleting_a_highlight_calls_it_a_highlight_and_closes_its_quotation() {
    let f = Folders::new();
    let mut app = f.open(80, 24);
    three_notes(&mut app);
    // the first row is the highlight of the second sentence
    press(&mut app, "4 g d");
    let s = screen(&app);
    let prompt = s
        .lines()
        .find(|l| l.contains("Delete the"))
        .expect("the question");
    assert!(prompt.contains("Delete the highlight “Mayor"), "{prompt}");
    assert!(prompt.contains("”?"), "the quotation is closed: {prompt}");
    press(&mut app, "n");
}

#[test]
fn d_deletes_after_asking_and_u_undoes() {
    let f = Folders::new();
    let mut app = f.open(80, 24);
    three_notes(&mut app);
    press(&mut app, "4 g j d");
    assert!(matches!(
        app.notes.prompt,
        Some(Prompt::Confirm(Question::Delete(_)))
    ));
    assert!(screen(&app).contains("Delete the note Shared #costs"));
    press(&mut app, "n");
    assert_eq!(f.saved().len(), 3);
    press(&mut app, "d y");
    assert_eq!(f.saved().len(), 2);
    assert!(f.saved().iter().all(|n| !n.body.starts_with("Shared")));
    assert!(message(&app).starts_with("Note deleted"));
    press(&mut app, "u");
    assert_eq!(f.saved().len(), 3);
}

#[test]
fn hash_filters_the_notes_pane_by_tag() {
    let f = Folders::new();
    let mut app = f.open(160, 48);
    three_notes(&mut app);
    press(&mut app, "#");
    assert_eq!(app.focus, Pane::Notes, "the pane comes into focus");
    type_text(&mut app, "fer");
    assert_eq!(app.list_len(Pane::Notes), 1, "filtered as it is typed");
    assert!(screen(&app).contains("#ferries (1)"));
    press(&mut app, "enter");
    assert_eq!(app.notes.tag.as_deref(), Some("ferries"), "completed");
    assert!(screen(&app).contains("4 Notes · #ferries"));
    press(&mut app, "#");
    type_text(&mut app, "COSTS");
    assert_eq!(app.list_len(Pane::Notes), 2, "case does not matter");
    press(&mut app, "esc");
    assert_eq!(app.notes.tag.as_deref(), Some("ferries"), "esc goes back");
    press(&mut app, "# enter");
    assert_eq!(app.notes.tag, None);
    assert_eq!(app.list_len(Pane::Notes), 3);
}

#[test]
fn rebound_prompt_question_and_editor_keys_work_in_their_layer_only() {
    let f = Folders::new();
    let mut app = f.open(160, 48);
    let keys = "tag-confirm = [\"tab\"]\nanswer-yes = [\"j\"]\nclose-editor = [\"ctrl-q\"]\n";
    app.keymap = gloss::ui::keymap::KeyMap::new(&toml::from_str(keys).unwrap()).unwrap();
    three_notes(&mut app);
    // The tag prompt: enter is no longer bound there (and is not typed); tab keeps the tag.
    press(&mut app, "#");
    type_text(&mut app, "fer");
    press(&mut app, "enter");
    assert!(
        app.notes.prompt.is_some(),
        "enter does nothing in the prompt now"
    );
    assert!(
        screen(&app).contains("Tab keep · Esc cancel"),
        "the hint follows"
    );
    press(&mut app, "tab");
    assert_eq!(
        (app.notes.prompt.as_ref(), app.notes.tag.as_deref()),
        (None, Some("ferries"))
    );
    assert!(
        message(&app).contains("# then Tab shows all"),
        "{}",
        message(&app)
    );
    // Reading: tab still cycles the panes, j still moves.
    press(&mut app, "tab");
    assert_eq!(app.focus, Pane::Article);
    // A question: j now answers yes, y means nothing there.
    press(&mut app, "4 # tab d");
    assert!(screen(&app).contains("j yes  n no"));
    press(&mut app, "y");
    assert_eq!(f.saved().len(), 3, "y is not an answer any more");
    press(&mut app, "j");
    assert_eq!(f.saved().len(), 2);
    // The editor: ctrl-q closes it, esc is typed (and changes nothing).
    press(&mut app, "a");
    press(&mut app, "esc");
    assert!(app.notes.editor.is_some());
    press(&mut app, "ctrl-q");
    assert!(app.notes.editor.is_none());
}

#[test]
fn a_note_whose_passage_is_gone_is_shown_detached() {
    let clean = gloss::config::Config::defaults().clean;
    let before = "Harbour towns vote\n\nThe ferry runs twice a day. Fares will rise in spring.";
    let after = "Harbour towns vote\n\nThe ferry runs twice a day. Nobody knows what comes next.";
    let f = Folders::new();
    let mut app = f.open_doc(gloss::Document::from_text(before, &clean), 80, 24);
    for _ in 0..5 {
        if !current(&app).starts_with("Fares") {
            press(&mut app, ")");
        }
    }
    assert_eq!(current(&app), "Fares will rise in spring.");
    press(&mut app, "a");
    type_text(&mut app, "Check the fares");
    press(&mut app, "ctrl-s");
    let mut app = f.open_doc(gloss::Document::from_text(after, &clean), 80, 24);
    assert!(f.saved()[0].detached);
    assert!(message(&app).contains("1 detached"), "{}", message(&app));
    assert!(screen(&app).contains("detached · Check the fares"));
    press(&mut app, "4 enter");
    assert!(message(&app).contains("detached"));
    assert_eq!(app.mark, None);
}

#[test]
fn x_exports_markdown_into_the_export_folder_and_says_where() {
    let f = Folders::new();
    let mut app = f.open(160, 48);
    three_notes(&mut app);
    press(&mut app, "x");
    let file = std::fs::read_dir(f.exports())
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    assert!(
        message(&app).starts_with("Exported to "),
        "{}",
        message(&app)
    );
    assert!(message(&app).contains(&file.display().to_string()));
    assert_eq!(file.extension().unwrap(), "md");
    let md = std::fs::read_to_string(&file).unwrap();
    assert!(md.starts_with("---\ntitle: \"Harbour towns vote to share one ferry service\""));
    assert!(md.contains("> Mayor Elena Alvarez of Port Wren said"));
    assert!(md.contains("Doubts about #costs"));
    press(&mut app, "x");
    assert!(message(&app).ends_with("is up to date"));
}

#[test]
fn x_replaces_its_own_export_but_never_a_file_the_user_changed() {
    let f = Folders::new();
    let mut app = f.open(80, 24);
    press(&mut app, ") ) h x");
    let file = std::fs::read_dir(f.exports())
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    press(&mut app, ") a");
    type_text(&mut app, "A second thought");
    press(&mut app, "ctrl-s x");
    assert!(
        message(&app).starts_with("Exported again"),
        "{}",
        message(&app)
    );
    assert!(
        std::fs::read_to_string(&file)
            .unwrap()
            .contains("A second thought")
    );

    let edited = format!(
        "{}\nMy own words.\n",
        std::fs::read_to_string(&file).unwrap()
    );
    std::fs::write(&file, &edited).unwrap();
    press(&mut app, ") h x");
    // x asks, rather than sending the user to the command line
    assert!(matches!(
        app.notes.prompt,
        Some(Prompt::Confirm(Question::ReplaceExport(_)))
    ));
    let s = screen(&app);
    let words = s.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        words.contains("was changed since gloss wrote it. Replace it? y yes n no"),
        "the question is asked whole: {s}"
    );
    press(&mut app, "n");
    assert!(
        message(&app).starts_with("Not exported"),
        "{}",
        message(&app)
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), edited, "untouched");
    press(&mut app, "x y");
    assert!(
        message(&app).starts_with("Exported again"),
        "{}",
        message(&app)
    );
    assert!(
        !std::fs::read_to_string(&file)
            .unwrap()
            .contains("My own words.")
    );
}

#[test]
fn x_on_a_later_day_keeps_the_export_of_unchanged_notes_and_replaces_its_own() {
    let f = Folders::new();
    let mut app = f.open(80, 24);
    press(&mut app, ") ) h x");
    let file = std::fs::read_dir(f.exports())
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let first = std::fs::read_to_string(&file).unwrap();
    assert!(first.contains("\nexported: 2026-03-03\n"), "{first}");

    let next_day = crate::ui_support::notes::t0() + chrono::TimeDelta::days(1);
    let mut app = f.open_at(crate::ui_support::document(), 80, 24, next_day);
    press(&mut app, "x");
    assert!(
        message(&app).ends_with("is up to date"),
        "{}",
        message(&app)
    );
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        first,
        "kept as it was"
    );
    press(&mut app, ") h x");
    assert!(
        message(&app).starts_with("Exported again"),
        "{}",
        message(&app)
    );
    let again = std::fs::read_to_string(&file).unwrap();
    assert!(again.contains("\nexported: 2026-03-04\n"), "{again}");
}

#[test]
fn notes_found_by_content_are_shown_and_the_status_bar_says_from_where() {
    let f = Folders::new();
    let mut app = f.open(100, 30);
    press(&mut app, ") h");
    assert_eq!(f.saved().len(), 1);

    // the same text, read from standard input: another id, the same notes
    let text = app.doc.article.text.clone();
    let mut app = App::new(
        crate::ui_support::document(),
        &gloss::ui::settings::ReaderSettings::default(),
        crate::ui_support::env(),
        100,
        30,
    )
    .unwrap();
    let stdin = gloss::article_id::ArticleId::for_content(&text);
    gloss::ui::note_taking::open(
        &mut app,
        f.store(),
        stdin,
        // another process: a clock (and note ids) of its own
        std::sync::Arc::new(gloss::notes::FixedClock::new(
            crate::ui_support::notes::t0() + chrono::TimeDelta::hours(1),
        )),
    );
    assert_eq!(
        message(&app),
        "Notes found by content from https://example.org/ferry"
    );
    assert!(!is_error(&app));
    assert_eq!(app.notes.visible().len(), 1);
    let shown = screen(&app);
    assert!(shown.contains("“PORT WREN (Coastal Wire) –”"), "{shown}");
    assert!(
        shown
            .lines()
            .last()
            .unwrap_or_default()
            .contains("Notes found by content from https://example.org/ferry"),
        "{shown}"
    );

    // a note made now goes with the others, under the article they belong to
    press(&mut app, "0 ) ) h");
    assert_eq!(f.saved().len(), 2, "{}", message(&app));
    assert_eq!(f.store().all().len(), 1, "one store");
    assert_eq!(f.store().all()[0].article.id, id());
}

#[test]
fn a_save_that_fails_is_an_error_in_the_status_bar_and_the_note_stays() {
    let f = Folders::new();
    let mut app = f.open(80, 24);
    std::fs::remove_dir_all(f.notes()).ok();
    std::fs::write(f.notes(), "not a folder").unwrap();
    press(&mut app, "h");
    assert!(is_error(&app));
    assert!(message(&app).starts_with("Could not save the highlight"));
    press(&mut app, "a");
    type_text(&mut app, "precious words");
    press(&mut app, "ctrl-s");
    assert!(is_error(&app), "{}", message(&app));
    assert_eq!(editor_body(&app), "precious words", "still in the editor");
}

#[test]
fn ctrl_e_hands_the_note_to_an_external_editor_and_takes_it_back() {
    let f = Folders::new();
    let mut app = f.open(80, 24);
    press(&mut app, "a");
    type_text(&mut app, "begun here");
    assert_eq!(
        press(&mut app, "ctrl-e"),
        Effect::EditExternally("begun here".into())
    );
    assert_eq!(
        f.store().load_draft(&id()).unwrap().body,
        "begun here",
        "on disk before the editor runs"
    );
    external_edit_done(&mut app, Ok("begun here\nfinished in vi #later\n".into()));
    assert_eq!(editor_body(&app), "begun here\nfinished in vi #later");
    assert_eq!(
        f.store().load_draft(&id()).unwrap().body,
        "begun here\nfinished in vi #later"
    );
    external_edit_done(&mut app, Err(std::io::Error::other("no vi here")));
    assert!(is_error(&app));
    assert_eq!(editor_body(&app), "begun here\nfinished in vi #later");
}

#[test]
fn without_a_notes_folder_the_keys_say_why() {
    let mut app = app(80, 24);
    for key in ["h", "a", "u", "x", "#"] {
        press(&mut app, key);
        assert!(is_error(&app), "{key}");
        assert!(message(&app).starts_with("Notes are unavailable"), "{key}");
    }
}

#[test]
fn highlights_are_drawn_with_a_background_and_notes_with_a_margin_mark() {
    let f = Folders::new();
    let mut app = f.open(80, 24);
    let theme = app.theme.clone();
    press(&mut app, ") ) h ) a");
    type_text(&mut app, "a note");
    press(&mut app, "ctrl-s g");
    let terminal = render(&app);
    let buffer = terminal.backend().buffer();
    let text = screen(&app);
    let row_of = |needle: &str| text.lines().position(|l| l.contains(needle)).unwrap() as u16;
    let col_of = |row: u16, first: &str| {
        (0..80)
            .find(|&x| buffer[(x, row)].symbol() == first)
            .unwrap()
    };
    let mayor = row_of("Mayor Elena");
    let x = col_of(mayor, "M");
    assert_eq!(buffer[(x, mayor)].style().bg, theme.highlight.bg);
    assert_eq!(
        buffer[(x - 1, mayor)].symbol(),
        " ",
        "a highlight has no mark"
    );
    let we = row_of("them. \"We will");
    assert_eq!(buffer[(x - 1, we)].symbol(), "▌", "a note has one");
}

mod any_keys {
    use super::*;
    use gloss::ui::note_taking::NoteAction;
    use gloss::ui::passage::PassageAction;
    use proptest::prelude::*;
    use proptest::test_runner::FileFailurePersistence;

    fn action() -> impl Strategy<Value = Action> {
        let note = prop_oneof![
            Just(NoteAction::Highlight),
            Just(NoteAction::Add),
            Just(NoteAction::Edit),
            Just(NoteAction::Delete),
            Just(NoteAction::Undo),
            Just(NoteAction::FilterByTag),
            Just(NoteAction::Save),
            Just(NoteAction::CloseEditor),
            Just(NoteAction::Answer(true)),
            Just(NoteAction::Answer(false)),
            prop::sample::select(vec!['#', 'a', 'K', ' ', '東']).prop_map(NoteAction::TagInput),
            Just(NoteAction::TagBackspace),
            Just(NoteAction::TagConfirm),
            Just(NoteAction::TagCancel),
            prop::sample::select(vec!["x", "#", "enter", "backspace", "left", "ctrl-w"])
                .prop_map(|k| NoteAction::Type(event(k))),
        ];
        let passage = prop_oneof![
            Just(PassageAction::NextSentence),
            Just(PassageAction::PreviousSentence),
            Just(PassageAction::Select),
            Just(PassageAction::NextWord),
            Just(PassageAction::PreviousWord),
            Just(PassageAction::OtherEnd),
        ];
        let pane = prop::sample::select(Pane::ALL.to_vec());
        prop_oneof![
            4 => note.prop_map(Action::Notes),
            4 => passage.prop_map(Action::Passage),
            1 => pane.prop_map(Action::FocusPane),
            1 => Just(Action::Down),
            1 => Just(Action::PageDown),
            1 => Just(Action::Bottom),
            1 => Just(Action::Top),
            1 => Just(Action::NextMention),
            1 => Just(Action::Cancel),
            1 => (1u16..200, 1u16..60).prop_map(|(width, height)| Action::Resize { width, height }),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig {
            // failed cases are saved and re-run from `notes.proptest-regressions`
            // next to this file (proptest's default would be a folder beside
            // the test binary's main.rs)
            failure_persistence: Some(Box::new(FileFailurePersistence::WithSource(
                "proptest-regressions",
            ))),
            ..ProptestConfig::with_cases(32)
        })]

        #[test]
        fn any_sequence_of_note_keys_keeps_the_notes_on_disk_and_the_state_consistent(
            actions in prop::collection::vec(action(), 1..50),
        ) {
            let f = Folders::new();
            let mut app = f.open(80, 24);
            for a in actions {
                update(&mut app, a);
                let text = &app.doc.article.text;
                if let Some(s) = app.reading.selection {
                    prop_assert!(s.span.start < s.span.end && text.get(s.span.start..s.span.end).is_some());
                }
                prop_assert!(app.reading.current < app.reading.units.len());
                let len = app.list_len(Pane::Notes);
                prop_assert!(len == 0 || app.cursor(Pane::Notes).selected < len);
                screen(&app);
            }
            // What the reader shows is what another process reads from disk.
            let shown: Vec<_> = app.notes.notebook.as_ref().unwrap().notes().to_vec();
            prop_assert_eq!(f.saved(), shown);
        }
    }
}

#[test]
fn notes_saved_by_another_gloss_show_in_the_pane_and_the_export() {
    let f = Folders::new();
    let mut first = f.open(80, 24);
    let mut second = f.open_later(80, 24);
    press(&mut first, ") ) a");
    type_text(&mut first, "From the first window");
    press(&mut first, "ctrl-s");
    press(&mut second, ") ) ) ) h");
    assert_eq!(f.saved().len(), 2, "merged on save, neither lost");
    press(&mut second, "4");
    assert_eq!(second.list_len(Pane::Notes), 2);
    assert!(screen(&second).contains("From the first window"));
    press(&mut first, "x");
    let file = std::fs::read_dir(f.exports())
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let md = std::fs::read_to_string(file).unwrap();
    assert!(
        md.contains("> The Harbour Board, which owns the piers"),
        "{md}"
    );
}
