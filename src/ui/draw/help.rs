//! The help overlay, generated from the live key map so it is never stale.

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Padding, Paragraph};

use super::super::action::Action;
use super::super::app::App;
use super::super::text_layout::display_width;

/// The lines of the help: a heading per group, then `keys  description`.
pub fn lines(app: &App) -> Vec<Line<'static>> {
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
        .max()
        .unwrap_or(0)
        .max(6);
    let mut lines = Vec::new();
    let mut group = None;
    for (command, keys) in &app.keymap.commands {
        if group != Some(command.group) {
            if group.is_some() {
                lines.push(Line::default());
            }
            group = Some(command.group);
            lines.push(Line::styled(command.group.title(), theme.heading));
        }
        let k = keys_of(keys);
        let pad = " ".repeat(key_width - display_width(&k) + 2);
        lines.push(Line::from(vec![
            Span::styled(format!("  {k}"), theme.key),
            Span::raw(pad),
            Span::styled(command.description, theme.text),
        ]));
    }
    lines.push(Line::default());
    lines.push(Line::styled(
        "Ctrl-c always quits. Keys are set in [keys] of config.toml.",
        theme.dim,
    ));
    lines
}

pub fn draw(app: &App, frame: &mut Frame, screen: Rect) {
    let lines = lines(app);
    let width = screen.width.saturating_sub(4).min(90);
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
