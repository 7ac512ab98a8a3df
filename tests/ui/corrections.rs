//! Corrections in the reader, key by key: merge, rename, split, not a name,
//! kind, speaker, not a quote; each shows at once, is kept with the notes
//! (found again when the article is opened again) and undone with `u`.

use crate::ui_support::notes::Folders;
use crate::ui_support::*;
use gloss::analysis::{EntityId, EntityKind};
use gloss::ui::{App, Pane};

fn entity<'a>(app: &'a App, name: &str) -> Option<&'a gloss::analysis::Entity> {
    app.doc.analysis.entities.iter().find(|e| e.name == name)
}

/// Focus People (or Places) and put the cursor on the entity named so.
fn select(app: &mut App, pane: Pane, name: &str) {
    press(app, if pane == Pane::People { "1" } else { "2" });
    let at = app
        .entities(pane)
        .iter()
        .position(|&id| app.name(id) == name)
        .unwrap_or_else(|| panic!("{name} is listed"));
    press(app, "g");
    for _ in 0..at {
        press(app, "j");
    }
    assert_eq!(app.name(app.entity_under_cursor(pane).unwrap()), name);
}

fn speaker_of(app: &App, words: &str) -> Option<String> {
    let q = app
        .doc
        .analysis
        .quotes
        .iter()
        .find(|q| app.doc.article.slice(q.span).starts_with(words))?;
    q.speaker.map(|id: EntityId| app.name(id).to_string())
}

#[test]
fn m_merges_into_the_entity_chosen_by_typing_and_it_sticks() {
    let f = Folders::new();
    let mut app = f.open(120, 40);
    let both = entity(&app, "Tomas Reed").unwrap().mentions.len()
        + entity(&app, "Mira Okafor").unwrap().mentions.len();
    select(&mut app, Pane::People, "Mira Okafor");
    press(&mut app, "M");
    assert!(app.chooser.is_some());
    type_text(&mut app, "reed");
    press(&mut app, "enter");
    assert!(app.chooser.is_none());
    assert!(entity(&app, "Mira Okafor").is_none(), "{}", message(&app));
    let reed = entity(&app, "Tomas Reed").unwrap();
    assert_eq!(reed.mentions.len(), both);
    assert_eq!(
        speaker_of(&app, "Kellby pays").as_deref(),
        Some("Tomas Reed")
    );
    // the index follows: People lists one fewer
    assert!(
        !app.entities(Pane::People)
            .iter()
            .any(|&id| app.name(id) == "Mira Okafor")
    );

    // opened again: the merge is there
    let again = f.open(120, 40);
    assert!(entity(&again, "Mira Okafor").is_none());
    assert_eq!(
        speaker_of(&again, "Kellby pays").as_deref(),
        Some("Tomas Reed")
    );

    press(&mut app, "u");
    assert!(entity(&app, "Mira Okafor").is_some());
    assert_eq!(
        speaker_of(&app, "Kellby pays").as_deref(),
        Some("Mira Okafor")
    );
}

#[test]
fn s_sets_a_quotes_speaker_or_nobody() {
    let f = Folders::new();
    let mut app = f.open(120, 40);
    press(&mut app, "3 g s");
    type_text(&mut app, "okafor");
    press(&mut app, "enter");
    assert_eq!(
        speaker_of(&app, "We will sail").as_deref(),
        Some("Mira Okafor"),
        "{}",
        message(&app)
    );
    press(&mut app, "3 g s");
    type_text(&mut app, "nobody");
    press(&mut app, "enter");
    assert_eq!(speaker_of(&app, "We will sail"), None);
    press(&mut app, "u");
    assert_eq!(
        speaker_of(&app, "We will sail").as_deref(),
        Some("Mira Okafor")
    );
}

#[test]
fn x_k_and_r_change_what_the_panes_list_and_u_takes_each_back() {
    let f = Folders::new();
    let mut app = f.open(120, 40);
    select(&mut app, Pane::People, "Coastal Wire");
    press(&mut app, "X");
    assert!(entity(&app, "Coastal Wire").is_none());
    assert!(
        message(&app).contains("L for every article"),
        "{}",
        message(&app)
    );
    select(&mut app, Pane::People, "Harbour Board");
    press(&mut app, "K");
    type_text(&mut app, "place");
    press(&mut app, "enter");
    assert_eq!(
        entity(&app, "Harbour Board").unwrap().kind,
        EntityKind::Place
    );
    assert!(
        app.entities(Pane::Places)
            .iter()
            .any(|&id| app.name(id) == "Harbour Board")
    );
    select(&mut app, Pane::People, "Tomas Reed");
    press(&mut app, "R");
    type_text(&mut app, "Tom Reed");
    press(&mut app, "enter");
    assert!(entity(&app, "Tom Reed").is_some());
    press(&mut app, "u");
    assert!(entity(&app, "Tomas Reed").is_some());
    press(&mut app, "u");
    assert_eq!(
        entity(&app, "Harbour Board").unwrap().kind,
        EntityKind::Organization
    );
    press(&mut app, "u");
    assert!(entity(&app, "Coastal Wire").is_some());
}

#[test]
fn s_splits_the_mention_under_the_cursor_and_esc_closes_the_chooser() {
    let f = Folders::new();
    let mut app = f.open(120, 40);
    let before = entity(&app, "Tomas Reed").unwrap().mentions.len();
    assert!(before >= 2);
    select(&mut app, Pane::People, "Tomas Reed");
    press(&mut app, "S esc");
    assert!(app.chooser.is_none());
    assert_eq!(entity(&app, "Tomas Reed").unwrap().mentions.len(), before);
    // the second mention, reached with n: only it goes
    press(&mut app, "enter n S enter");
    assert_eq!(
        entity(&app, "Tomas Reed").unwrap().mentions.len(),
        before - 1,
        "{}",
        message(&app)
    );
    assert_eq!(entity(&app, "Reed").unwrap().mentions.len(), 1);
    press(&mut app, "u");
    assert_eq!(entity(&app, "Tomas Reed").unwrap().mentions.len(), before);
}

#[test]
fn x_in_quotes_says_not_a_quote() {
    let f = Folders::new();
    let mut app = f.open(120, 40);
    let before = app.doc.analysis.quotes.len();
    press(&mut app, "3 g X");
    assert_eq!(app.doc.analysis.quotes.len(), before - 1);
}
