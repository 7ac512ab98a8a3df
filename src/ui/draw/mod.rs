//! Drawing: a pure function of the [`App`]; it changes nothing.

mod article;
mod bars;
mod help;
mod map;
mod note_taking;
mod panes;

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Paragraph, Wrap};

use super::action::Pane;
use super::app::{App, Mode};
use super::areas::{Areas, MIN_HEIGHT, MIN_HEIGHT_FULL, MIN_WIDTH, MIN_WIDTH_FULL};

/// Draw the whole reader.
pub fn draw(app: &App, frame: &mut Frame) {
    let screen = frame.area();
    if let Some(pane) = &app.feeds.pane {
        super::feedlist::draw(app, pane, frame);
        if app.mode == Mode::Help {
            help::draw(app, frame, screen);
        }
        return;
    }
    if let Some(shelf) = &app.shelf {
        super::shelf::draw(app, shelf, frame);
        if app.mode == Mode::Help {
            help::draw(app, frame, screen);
        }
        return;
    }
    let Some(areas) = Areas::new(screen.width, screen.height, app.full_width, &app.reader) else {
        too_small(app, frame, screen);
        return;
    };
    bars::header(app, frame, areas.header);
    if app.focus == Pane::Map {
        map::draw(app, frame, areas.article);
    } else {
        article::draw(app, frame, &areas);
    }
    if let Some(side) = areas.side {
        for (pane, area) in Pane::SIDE.into_iter().zip(side) {
            match pane {
                Pane::Notes => note_taking::pane(app, frame, area),
                _ => panes::draw(app, frame, pane, area),
            }
        }
    }
    bars::status(app, frame, areas.status);
    bars::long_message(app, frame, areas.status);
    super::feedlist::draw_prompt(app, frame, areas.status);
    note_taking::editor(app, frame, screen);
    if app.mode == Mode::Help {
        help::draw(app, frame, screen);
    }
}

/// A pane's frame: its border stands out when it has the focus.
pub(super) fn pane_block<'a>(app: &App, pane: Pane) -> Block<'a> {
    let focused = app.focus == pane;
    let theme = &app.theme;
    Block::bordered()
        .border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Rounded
        })
        .border_style(if focused { theme.focus } else { theme.border })
}

fn too_small(app: &App, frame: &mut Frame, screen: Rect) {
    let (w, h) = if app.full_width {
        (MIN_WIDTH_FULL, MIN_HEIGHT_FULL)
    } else {
        (MIN_WIDTH, MIN_HEIGHT)
    };
    let mut lines = vec![
        Line::from(format!("gloss needs {w}×{h}")),
        Line::from(format!(
            "(this terminal: {}×{})",
            screen.width, screen.height
        )),
    ];
    if !app.full_width {
        let z = app.key(super::action::Action::ToggleFullWidth);
        lines.push(Line::from(format!(
            "{z}: text only, from {MIN_WIDTH_FULL}×{MIN_HEIGHT_FULL}"
        )));
    }
    let height = (lines.len() as u16).min(screen.height);
    let [_, middle, _] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(height),
        Constraint::Fill(1),
    ])
    .areas(screen);
    frame.render_widget(
        Paragraph::new(lines)
            .style(app.theme.dim)
            .alignment(Alignment::Center)
            .wrap(Wrap { trim: true }),
        middle,
    );
}
