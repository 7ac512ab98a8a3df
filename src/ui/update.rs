//! `update(app, action)`: every change to the reader's state happens here.
//! Moving through the article and the lists is in this file; following
//! mentions, quotes and search matches is in `follow.rs`.

use super::action::{Action, Effect, MapAction, Pane};
use super::app::{App, Mode};
use super::follow;

/// Apply one action to the state; what must happen outside it is returned.
pub fn update(app: &mut App, action: Action) -> Effect {
    if super::layer::topmost(app).holds_back(&action) {
        return Effect::None;
    }
    let effect = apply(app, action);
    super::passage::settle(app);
    effect
}

fn apply(app: &mut App, action: Action) -> Effect {
    if !matches!(action, Action::Resize { .. }) {
        app.message = None;
    }
    if app.mode != Mode::Help
        && let Some(effect) = super::feedlist::update(app, action)
    {
        return effect;
    }
    if app.mode != Mode::Help
        && let Some(effect) = super::shelf::update(app, action)
    {
        return effect;
    }
    match action {
        Action::Down => step(app, 1),
        Action::Up => step(app, -1),
        Action::HalfPageDown => step(app, half_page(app)),
        Action::HalfPageUp => step(app, -half_page(app)),
        Action::PageDown => step(app, page(app)),
        Action::PageUp => step(app, -page(app)),
        Action::Top => step(app, isize::MIN / 2),
        Action::Bottom => step(app, isize::MAX / 2),
        Action::NextPane => cycle_focus(app, 1),
        Action::PreviousPane => cycle_focus(app, -1),
        Action::FocusPane(pane) => focus(app, pane),
        Action::Jump => follow::jump(app),
        Action::NextMention => follow::step_mention(app, true),
        Action::PreviousMention => follow::step_mention(app, false),
        Action::NextPerson => follow::person(app, true),
        Action::PreviousPerson => follow::person(app, false),
        Action::ToggleQuoteFilter => follow::toggle_quote_filter(app),
        Action::SearchStart => follow::search_start(app),
        Action::SearchInput(c) => follow::search_edit(app, |q| q.push(c)),
        Action::SearchBackspace => follow::search_edit(app, |q| {
            q.pop();
        }),
        Action::SearchClear => follow::search_edit(app, String::clear),
        Action::SearchConfirm => follow::search_confirm(app),
        Action::SearchCancel => follow::search_abort(app),
        Action::Cancel => cancel(app),
        Action::ToggleFullWidth => toggle_full_width(app),
        Action::ToggleTheme if app.color_env.no_color => {
            app.set_message("Colours are off (NO_COLOR is set): every theme looks the same");
        }
        Action::ToggleTheme => {
            let palette = app.theme.palette.next();
            app.theme = super::theme::Theme::new(palette, &app.colors, &app.color_env);
            app.set_message(format!("Theme: {}", palette.name()));
        }
        Action::OpenUrl => return follow::open_url(app),
        Action::Copy => return follow::copy(app),
        Action::ToggleHelp => {
            app.mode = if app.mode == Mode::Help {
                Mode::Normal
            } else {
                app.help_scroll = 0;
                Mode::Help
            };
        }
        Action::Quit => {
            super::note_taking::flush_draft(app);
            return Effect::Quit;
        }
        Action::Resize { width, height } => {
            app.width = width;
            app.height = height;
            app.relayout();
            for pane in Pane::SIDE {
                keep_cursor_visible(app, pane);
            }
        }
        Action::Click { column, row } => click(app, column, row),
        Action::Wheel { column, row, down } => wheel(app, column, row, down),
        Action::Passage(a) => super::passage::update(app, a),
        Action::Notes(a) => return super::note_taking::update(app, a),
        Action::Shelf(super::shelf::ShelfAction::Open) => return super::shelf::open(app),
        Action::Shelf(super::shelf::ShelfAction::Who) => return super::shelf::who(app),
        Action::Shelf(_) => {}
        Action::Map(a) => map_action(app, a),
        Action::Correct(a) => super::correcting::update(app, a),
        Action::Feeds(a) => return super::feedlist::act(app, a),
    };
    Effect::None
}

fn page(app: &App) -> isize {
    let h = if app.focus == Pane::Article || app.mode == Mode::Help {
        app.text_height()
    } else {
        app.list_height(app.focus)
    };
    h.saturating_sub(2).max(1) as isize
}

fn half_page(app: &App) -> isize {
    (page(app) / 2).max(1)
}

/// Move by `delta` lines or rows in whatever has the keyboard.
fn step(app: &mut App, delta: isize) {
    if app.mode == Mode::Help {
        app.help_scroll = app.help_scroll.saturating_add_signed(delta);
        return;
    }
    match app.focus {
        Pane::Article => scroll_by(app, delta),
        pane => move_cursor(app, pane, delta),
    }
}

pub(super) fn scroll_by(app: &mut App, delta: isize) {
    app.scroll = app
        .scroll
        .saturating_add_signed(delta)
        .min(app.max_scroll());
}

/// Move a list's cursor and select what it lands on.
pub(super) fn move_cursor(app: &mut App, pane: Pane, delta: isize) {
    let len = app.list_len(pane);
    let Some(cursor) = app.cursor_mut(pane) else {
        return;
    };
    if len == 0 {
        return;
    }
    let before = cursor.selected;
    cursor.selected = cursor.selected.saturating_add_signed(delta).min(len - 1);
    keep_cursor_visible(app, pane);
    if app.cursor(pane).selected != before {
        select_under_cursor(app, pane);
    }
}

/// Scroll a list so that its cursor is on screen.
fn keep_cursor_visible(app: &mut App, pane: Pane) {
    let height = app.list_height(pane);
    let len = app.list_len(pane);
    let Some(c) = app.cursor_mut(pane) else {
        return;
    };
    c.selected = c.selected.min(len.saturating_sub(1));
    if c.selected < c.offset {
        c.offset = c.selected;
    } else if c.selected >= c.offset + height {
        c.offset = c.selected + 1 - height;
    }
    c.offset = c.offset.min(len.saturating_sub(height));
}

/// What selecting a row means: an entity becomes the selection; a quote is shown.
pub(super) fn select_under_cursor(app: &mut App, pane: Pane) {
    match pane {
        Pane::People | Pane::Places => {
            if let Some(id) = app.entity_under_cursor(pane) {
                if app.selected != Some(id) {
                    app.selected = Some(id);
                    app.quotes = Default::default();
                }
                let count = app.index.count(id);
                let name = app.name(id).to_string();
                let n = app.key(Action::NextMention);
                app.set_message(format!(
                    "{name}: {count} mention{} · {n} to step through them",
                    if count == 1 { "" } else { "s" }
                ));
            }
        }
        Pane::Quotes => follow::show_quote(app),
        Pane::Notes => super::note_taking::show_selected(app),
        Pane::Article | Pane::Map => {}
    }
}

fn visible_panes(app: &App) -> Vec<Pane> {
    if app.full_width {
        vec![Pane::Article]
    } else {
        Pane::ALL.to_vec()
    }
}

fn cycle_focus(app: &mut App, delta: isize) {
    let panes = visible_panes(app);
    if panes.len() == 1 {
        let z = app.key(Action::ToggleFullWidth);
        app.set_message(format!("The side panes are hidden: {z} shows them"));
        return;
    }
    let i = panes.iter().position(|&p| p == app.focus).unwrap_or(0);
    let next = panes[(i as isize + delta).rem_euclid(panes.len() as isize) as usize];
    focus(app, next);
}

/// Focus the focused pane again: after the analysis arrives, a list focused
/// while it was empty selects its first row as if just focused.
pub(crate) fn refocus(app: &mut App) {
    focus(app, app.focus);
}

fn focus(app: &mut App, pane: Pane) {
    if !matches!(pane, Pane::Article | Pane::Map) && app.full_width {
        app.full_width = false;
        app.relayout();
    }
    app.focus = pane;
    if pane == Pane::Map {
        let placed = super::map::placed(app).len();
        let unplaced = app.index.places.len() - placed;
        app.set_message(match (placed, unplaced) {
            (0, 0) => "No places in this article".to_string(),
            (p, 0) => format!("{p} place{} on the map", if p == 1 { "" } else { "s" }),
            (p, u) => format!("{p} on the map, {u} without coordinates (listed below it)"),
        });
    } else if matches!(pane, Pane::People | Pane::Places) {
        keep_cursor_visible(app, pane);
        select_under_cursor(app, pane);
    } else if matches!(pane, Pane::Quotes | Pane::Notes) {
        if pane == Pane::Notes {
            super::note_taking::reload(app);
        }
        keep_cursor_visible(app, pane);
    }
}

fn toggle_full_width(app: &mut App) {
    app.full_width = !app.full_width;
    if app.full_width && app.focus != Pane::Map {
        app.focus = Pane::Article;
    }
    app.relayout();
}

/// `Esc`: close the topmost thing, one at a time.
fn cancel(app: &mut App) {
    match app.mode {
        Mode::Help => app.mode = Mode::Normal,
        Mode::SearchInput => follow::search_abort(app),
        Mode::Normal if app.reading.selection.is_some() => {
            app.reading.selection = None;
            app.set_message("Selection ended");
        }
        Mode::Normal if app.search.is_some() => {
            app.search = None;
            app.set_message("Search ended");
        }
        Mode::Normal if app.selected.is_some() || app.mark.is_some() => {
            app.selected = None;
            app.mark = None;
            app.quotes = Default::default();
        }
        Mode::Normal => {}
    }
}

fn click(app: &mut App, column: u16, row: u16) {
    let Some(areas) = app.areas() else { return };
    if app.focus == Pane::Map
        && app.mode == Mode::Normal
        && areas
            .article
            .contains(ratatui::layout::Position::new(column, row))
    {
        click_map(app, areas.article, column, row);
        return;
    }
    let Some(pane) = areas.pane_at(column, row) else {
        return;
    };
    if app.mode == Mode::Help {
        app.mode = Mode::Normal;
    }
    app.focus = pane;
    if pane == Pane::Article {
        follow::click_text(app, &areas, column, row);
        return;
    }
    let Some(rows) = areas.list_rows(pane) else {
        return;
    };
    if row < rows.y || row >= rows.bottom() {
        return;
    }
    let index = app.cursor(pane).offset + usize::from(row - rows.y);
    if index < app.list_len(pane)
        && let Some(c) = app.cursor_mut(pane)
    {
        c.selected = index;
        select_under_cursor(app, pane);
    }
}

fn wheel(app: &mut App, column: u16, row: u16, down: bool) {
    let lines = isize::from(app.reader.wheel_lines.max(1) as i16);
    let delta = if down { lines } else { -lines };
    if app.mode == Mode::Help {
        app.help_scroll = app.help_scroll.saturating_add_signed(delta);
        return;
    }
    let Some(areas) = app.areas() else { return };
    match areas.pane_at(column, row) {
        Some(Pane::Article) if app.focus == Pane::Map => {
            map_action(
                app,
                if down {
                    MapAction::ZoomOut
                } else {
                    MapAction::ZoomIn
                },
            );
        }
        Some(Pane::Article) => scroll_by(app, delta),
        Some(pane) => {
            let len = app.list_len(pane);
            let height = app.list_height(pane);
            if let Some(c) = app.cursor_mut(pane) {
                c.offset = c
                    .offset
                    .saturating_add_signed(delta)
                    .min(len.saturating_sub(height));
            }
        }
        None => {}
    }
}

/// The map's canvas inside its pane: within the border, less the line of
/// places without coordinates (as `draw::map` lays it out).
fn map_canvas(app: &App, pane: ratatui::layout::Rect) -> ratatui::layout::Rect {
    let inner = super::areas::rows_inside(pane);
    let inner = ratatui::layout::Rect {
        x: pane.x + 1,
        width: pane.width.saturating_sub(2),
        ..inner
    };
    let unplaced = app
        .index
        .places
        .iter()
        .any(|id| app.doc.analysis.entities[id.0].geo.is_none());
    ratatui::layout::Rect {
        height: inner.height.saturating_sub(u16::from(unplaced)),
        ..inner
    }
}

fn map_action(app: &mut App, action: MapAction) {
    let Some(areas) = app.areas() else { return };
    let canvas = map_canvas(app, areas.article);
    let (w, h) = (canvas.width, canvas.height);
    let view = super::map::view(app, w, h);
    let view = match action {
        MapAction::ZoomIn => view.zoom(1.0 / 1.5),
        MapAction::ZoomOut => view.zoom(1.5),
        MapAction::Left => view.pan(-1.0, 0.0, w, h),
        MapAction::Right => view.pan(1.0, 0.0, w, h),
        MapAction::Up => view.pan(0.0, 1.0, w, h),
        MapAction::Down => view.pan(0.0, -1.0, w, h),
        MapAction::Fit => {
            app.map.view = None;
            return;
        }
        MapAction::Next | MapAction::Previous => {
            step_place(app, if action == MapAction::Next { 1 } else { -1 });
            return;
        }
    };
    app.map.view = Some(view);
}

/// Select the next (`delta` 1) or previous place with coordinates, in the
/// Places pane too.
fn step_place(app: &mut App, delta: isize) {
    let placed: Vec<_> = super::map::placed(app).iter().map(|p| p.0).collect();
    if placed.is_empty() {
        app.set_message("No place in this article has coordinates");
        return;
    }
    let now = super::map::selected_place(app).and_then(|id| placed.iter().position(|&p| p == id));
    let next = match now {
        Some(i) => (i as isize + delta).rem_euclid(placed.len() as isize) as usize,
        None if delta > 0 => 0,
        None => placed.len() - 1,
    };
    select_place(app, placed[next]);
}

/// Make `id` the selected place, with the Places pane's cursor on it.
fn select_place(app: &mut App, id: crate::analysis::EntityId) {
    if let Some(row) = app.index.places.iter().position(|&p| p == id) {
        app.places.selected = row;
        keep_cursor_visible(app, Pane::Places);
        select_under_cursor(app, Pane::Places);
    }
}

/// A click on the map selects the marker nearest to it (within two cells).
fn click_map(app: &mut App, pane: ratatui::layout::Rect, column: u16, row: u16) {
    let canvas = map_canvas(app, pane);
    let view = super::map::view(app, canvas.width, canvas.height);
    let mut best: Option<(u32, crate::analysis::EntityId)> = None;
    for (id, lat, lon) in super::map::placed(app) {
        let Some((c, r)) = super::map::cell_of(&view, canvas.width, canvas.height, lat, lon) else {
            continue;
        };
        let (c, r) = (canvas.x + c, canvas.y + r);
        let d = u32::from(c.abs_diff(column)).pow(2) + 4 * u32::from(r.abs_diff(row)).pow(2);
        if d <= 8 && best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, id));
        }
    }
    if let Some((_, id)) = best {
        select_place(app, id);
    }
}
