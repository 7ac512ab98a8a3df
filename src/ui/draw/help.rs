//! The help overlay, generated from the live key map so it is never stale.

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Padding, Paragraph};

use super::super::action::Action;
use super::super::app::App;
use super::super::text_layout::{display_width, wrap};

/// What the mouse does; not bindable, so not in the key map.
const MOUSE: &[(&str, &str)] = &[
    ("wheel", "Scroll the pane under the pointer (the help too)"),
    (
        "click",
        "In the article: select the person or place clicked; in a list: select the row and show it; focuses the pane",
    ),
];

/// The lines of the help in `width` cells: a heading per group, then `keys
/// description`, the description wrapped beside the keys (or under them when
/// the terminal is narrow), then the mouse.
pub fn lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let keys_of = |keys: &[super::super::keys::KeyChord]| {
        if keys.is_empty() {
            "(unbound)".to_string()
        } else {
            keys.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(" ")
        }
    };
    let key_width = app
        .keymap
        .commands
        .iter()
        .map(|(_, k)| display_width(&keys_of(k)))
        .chain(MOUSE.iter().map(|(k, _)| display_width(k)))
        .max()
        .unwrap_or(0)
        .max(6);
    // the keys' column and two spaces, then at least this much text
    let beside = width >= 2 + key_width + 2 + 24;
    let mut lines = Vec::new();
    let row = |lines: &mut Vec<Line<'static>>, k: &str, description: &str| {
        if beside {
            let room = width - (2 + key_width + 2);
            for (i, part) in wrap(description, room).into_iter().enumerate() {
                let key = if i == 0 { k } else { "" };
                let pad = " ".repeat(key_width - display_width(key) + 2);
                lines.push(Line::from(vec![
                    Span::styled(format!("  {key}"), theme.key),
                    Span::raw(pad),
                    Span::styled(part.to_string(), theme.text),
                ]));
            }
        } else {
            lines.push(Line::styled(format!("  {k}"), theme.key));
            for part in wrap(description, width.saturating_sub(4)) {
                lines.push(Line::styled(format!("    {part}"), theme.text));
            }
        }
    };
    let mut group = None;
    for (command, keys) in &app.keymap.commands {
        if group != Some(command.group) {
            if group.is_some() {
                lines.push(Line::default());
            }
            group = Some(command.group);
            lines.push(Line::styled(command.group.title(), theme.heading));
        }
        row(&mut lines, &keys_of(keys), command.description);
    }
    lines.push(Line::default());
    lines.push(Line::styled("Mouse", theme.heading));
    for (k, description) in MOUSE {
        row(&mut lines, k, description);
    }
    lines.push(Line::default());
    for part in wrap(
        "Ctrl-c always quits. Keys are set in [keys] of config.toml.",
        width,
    ) {
        lines.push(Line::styled(part.to_string(), theme.dim));
    }
    lines
}

pub fn draw(app: &App, frame: &mut Frame, screen: Rect) {
    let width = screen.width.saturating_sub(4).min(100);
    // inside the border and the padding
    let lines = lines(app, usize::from(width.saturating_sub(4)));
    let height = (lines.len() as u16 + 2).min(screen.height.saturating_sub(2));
    let [area] = Layout::horizontal([Constraint::Length(width)])
        .flex(Flex::Center)
        .areas(screen);
    let [area] = Layout::vertical([Constraint::Length(height)])
        .flex(Flex::Center)
        .areas(area);
    let inner_height = usize::from(height.saturating_sub(2));
    let scroll = app
        .help_scroll
        .min(lines.len().saturating_sub(inner_height));
    let more = if scroll + inner_height < lines.len() {
        " ↓ more "
    } else {
        ""
    };
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(app.theme.focus)
        .padding(Padding::horizontal(1))
        .title(" Keys ")
        .title_bottom(Line::from(more).right_aligned())
        .title_bottom(
            Line::from(format!(
                " {} or {} closes ",
                app.key(Action::ToggleHelp),
                app.key(Action::Cancel)
            ))
            .centered(),
        );
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .scroll((scroll as u16, 0)),
        area,
    );
}
