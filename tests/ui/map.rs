//! The map pane: `m` shows it over the article, its keys zoom, pan and step
//! through the places (the Places pane follows), a click on a marker selects
//! that place; snapshots at 80×24 and 160×48.

use crate::ui_support::*;
use gloss::analysis::{EntityKind, Geo};
use gloss::ui::App;
use gloss::ui::layer::{Layer, topmost};
use gloss::ui::map;
use gloss::ui::{Action, Pane};
use insta::assert_snapshot;

/// The fixture's two invented places put on the English Channel coast and
/// in the Highlands, so that the map has something to show.
fn placed(mut app: App) -> App {
    let mut analysis = app.doc.analysis.clone();
    for e in &mut analysis.entities {
        if e.kind != EntityKind::Place {
            continue;
        }
        let (lat, lon) = if e.name == "Port Wren" {
            (50.62, -2.45)
        } else {
            (57.48, -4.22)
        };
        e.geo = Some(Geo {
            lat,
            lon,
            country_code: Some("GB".into()),
            feature: "city".into(),
            geonames_id: None,
            within: None,
        });
    }
    app.set_analysis(analysis);
    app
}

fn map_app(w: u16, h: u16) -> App {
    placed(app(w, h))
}

#[test]
fn the_map_at_two_sizes() {
    for (w, h) in [(80, 24), (160, 48)] {
        let mut app = map_app(w, h);
        press(&mut app, "m");
        assert_snapshot!(format!("map_{w}x{h}"), screen(&app));
        press(&mut app, "z");
        assert_snapshot!(format!("map_full_{w}x{h}"), screen(&app));
    }
}

#[test]
fn m_and_5_focus_the_map_and_its_keys_take_over() {
    let mut app = map_app(100, 30);
    press(&mut app, "5");
    assert_eq!(app.focus, Pane::Map);
    assert_eq!(topmost(&app), Layer::Map);
    press(&mut app, "0 m");
    assert_eq!(app.focus, Pane::Map);
    let before = map::view(&app, 60, 20);
    press(&mut app, "+");
    let zoomed = app.map.view.expect("a view of its own");
    assert!(zoomed.span < before.span, "{zoomed:?} vs {before:?}");
    press(&mut app, "right up");
    let panned = app.map.view.expect("view");
    assert!(
        panned.lon > zoomed.lon && panned.lat > zoomed.lat,
        "{panned:?}"
    );
    press(&mut app, "f");
    assert_eq!(app.map.view, None, "f fits the places again");
    // the reading's keys are the map's here: j is the next place, not a line
    press(&mut app, "tab");
    assert_ne!(app.focus, Pane::Map);
}

#[test]
fn stepping_through_places_on_the_map_moves_the_places_pane_too() {
    let mut app = map_app(100, 30);
    press(&mut app, "m j");
    let first = app.selected.expect("a place is selected");
    assert_eq!(app.entity_under_cursor(Pane::Places), Some(first));
    press(&mut app, "j");
    let second = app.selected.expect("selected");
    assert_ne!(first, second);
    assert_eq!(app.entity_under_cursor(Pane::Places), Some(second));
    // and the other way round: the Places pane's choice is the map's
    press(&mut app, "2 k m");
    assert_eq!(
        map::selected_place(&app),
        app.entity_under_cursor(Pane::Places)
    );
}

#[test]
fn a_click_on_a_marker_selects_its_place() {
    let mut app = map_app(100, 30);
    press(&mut app, "m");
    let areas = app.areas().expect("fits");
    let screen = screen(&app);
    // find the unselected marker on screen and click it
    let rows: Vec<&str> = screen.lines().collect();
    let (row, col) = rows
        .iter()
        .enumerate()
        .take(usize::from(areas.article.bottom()))
        .find_map(|(r, line)| {
            line.chars()
                .take(usize::from(areas.article.right()))
                .position(|c| c == '•')
                .map(|c| (r, c))
        })
        .expect("a marker on the map");
    let before = map::selected_place(&app);
    update(
        &mut app,
        Action::Click {
            column: col as u16,
            row: row as u16,
        },
    );
    let after = map::selected_place(&app);
    assert!(after.is_some());
    assert_ne!(after, before);
    assert_eq!(app.selected, after);
}

#[test]
fn without_colour_markers_and_labels_still_show() {
    let env = gloss::ui::theme::ColorEnv {
        no_color: true,
        ..env()
    };
    let doc = document();
    let app = App::new(
        doc,
        &gloss::ui::settings::ReaderSettings::default(),
        env,
        100,
        30,
    )
    .expect("keys");
    let mut app = placed(app);
    press(&mut app, "m j");
    let s = screen(&app);
    let name = app.name(app.selected.expect("selected")).to_string();
    assert!(
        s.contains(&format!("◉ {name}")) || s.contains(&format!("{name} ◉")),
        "{s}"
    );
    assert!(s.contains('•'), "{s}");
}

#[test]
fn places_without_coordinates_are_listed_under_the_map() {
    let mut app = app(100, 30);
    press(&mut app, "m");
    // the fixture's places have coordinates; take one away
    let mut analysis = app.doc.analysis.clone();
    for e in &mut analysis.entities {
        if e.name == "Kellby" {
            e.geo = None;
        }
    }
    app.set_analysis(analysis);
    assert!(screen(&app).contains("Not on the map: Kellby"));
}

#[test]
fn the_places_pane_groups_places_by_country_code() {
    let app = map_app(100, 30);
    let s = screen(&app);
    assert!(s.contains("GB Port Wren"), "{s}");
}

fn update(app: &mut App, action: Action) {
    gloss::ui::update(app, action);
}
