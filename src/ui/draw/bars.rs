//! The header (title, source, reading position) and the status bar (mode,
//! key hints for the focused pane, messages, the search being typed).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::super::action::{Action, Context, Pane};
use super::super::app::{App, Mode};
use super::super::note_taking::NoteAction;
use super::super::sanitize::sanitize;
use super::super::text_layout::display_width;

pub fn header(app: &App, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let article = &app.doc.article;
    let meta = &article.meta;
    let right = format!(" {:>3}% ", app.percent());
    let [left_area, right_area] = Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Length(display_width(&right) as u16),
    ])
    .areas(area);
    let title = article.title().unwrap_or("(untitled)");
    let mut spans = vec![Span::styled(format!(" {}", sanitize(title)), theme.title)];
    // a dateline ("LAGOS —") says where the story was written, not who
    // published it: only a wire service it names, or the site, is the source
    let source = meta.source.as_deref().or(meta.site.as_deref());
    let details: Vec<String> = [source, meta.published.as_deref(), meta.byline.as_deref()]
        .into_iter()
        .flatten()
        .map(|s| sanitize(s).into_owned())
        .collect();
    if !details.is_empty() {
        spans.push(Span::styled(
            format!(" · {}", details.join(" · ")),
            theme.dim,
        ));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), left_area);
    frame.render_widget(Paragraph::new(Span::styled(right, theme.dim)), right_area);
}

/// Pairs of commands the status bar shows as one hint (`j/k move`).
const PAIRS: &[(Action, Action)] = &[
    (Action::Down, Action::Up),
    (Action::NextMention, Action::PreviousMention),
    (Action::NextPerson, Action::PreviousPerson),
];

fn offered(context: Context, app: &App) -> bool {
    let focus = app.focus;
    if app.reading.selection.is_some() {
        return matches!(context, Context::Selection | Context::Global);
    }
    match context {
        Context::Global => true,
        Context::Article => focus == Pane::Article,
        Context::List => focus.is_list(),
        Context::Entities => matches!(focus, Pane::People | Pane::Places),
        Context::Map => focus == Pane::Map,
        Context::Quotes => focus == Pane::Quotes,
        Context::Notes => focus == Pane::Notes,
        Context::Selection => false,
    }
}

/// Key hints for the focused pane, from the live key map, as many as fit in `room` cells.
fn hints(app: &App, room: usize) -> Vec<Span<'static>> {
    let theme = &app.theme;
    let mut spans = Vec::new();
    let mut used = 0;
    for (command, keys) in &app.keymap.commands {
        let Some((label, context)) = command.hint else {
            continue;
        };
        let Some(first) = keys.first() else { continue };
        if !offered(context, app) {
            continue;
        }
        let mut key = first.to_string();
        if let Some((_, other)) = PAIRS.iter().find(|(a, _)| *a == command.action)
            && let Some(k) = app.keymap.keys_for(*other).first()
        {
            key = format!("{key}/{k}");
        }
        let (key, label) = (format!(" {key}"), format!(" {label} "));
        used += display_width(&key) + display_width(&label);
        if used > room {
            break;
        }
        spans.push(Span::styled(key, theme.key));
        spans.push(Span::styled(label, theme.dim));
    }
    spans
}

pub fn status(app: &App, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let mode = super::super::note_taking::badge(app).unwrap_or(match app.mode {
        Mode::Normal if app.search.is_some() => " SEARCH ",
        Mode::Normal => " READ ",
        Mode::SearchInput => " SEARCH ",
        Mode::Help => " HELP ",
    });
    let mode = if app.chooser.is_some() { " FIX " } else { mode };
    let mut spans = vec![Span::styled(mode, theme.badge), Span::raw(" ")];
    if let Some(chooser) = &app.chooser {
        spans.push(Span::styled(
            sanitize(&chooser.title).into_owned(),
            theme.text,
        ));
        spans.push(Span::raw(sanitize(&chooser.query).into_owned()));
        spans.push(Span::styled("▏", theme.key));
        let matching = chooser.matching();
        if !chooser.choices.is_empty() {
            let listed: Vec<String> = matching
                .iter()
                .enumerate()
                .skip(chooser.selected)
                .chain(matching.iter().enumerate().take(chooser.selected))
                .take(6)
                .map(|(i, (_, label))| {
                    if i == chooser.selected {
                        format!("[{label}]")
                    } else {
                        label.clone()
                    }
                })
                .collect();
            let text = if listed.is_empty() {
                "  nothing matches".to_string()
            } else {
                format!(
                    "  {}  ({}/{})",
                    listed.join(" · "),
                    chooser.selected + 1,
                    matching.len()
                )
            };
            spans.push(Span::styled(sanitize(&text).into_owned(), theme.dim));
        }
        frame.render_widget(Paragraph::new(Line::from(spans)), area);
        return;
    }
    if let Some(prompt) = super::note_taking::prompt(app) {
        spans.extend(prompt);
        frame.render_widget(Paragraph::new(Line::from(spans)), area);
        return;
    }
    match (&app.mode, &app.search, &app.message) {
        (Mode::SearchInput, Some(search), _) => {
            spans.push(Span::styled("/", theme.key));
            spans.push(Span::raw(sanitize(&search.query).into_owned()));
            spans.push(Span::styled("▏", theme.key));
            let count = match search.matches.len() {
                0 if search.query.is_empty() => String::new(),
                0 => "  no match".to_string(),
                1 => "  1 match".to_string(),
                n => format!("  {n} matches"),
            };
            spans.push(Span::styled(count, theme.dim));
            let (keep, cancel) = (
                app.key(Action::SearchConfirm),
                app.key(Action::SearchCancel),
            );
            spans.push(Span::styled(
                format!("  {keep} keep · {cancel} cancel"),
                theme.dim,
            ));
        }
        (_, _, Some(message)) => {
            let style = if message.error {
                theme.error
            } else {
                theme.text
            };
            spans.push(Span::styled(sanitize(&message.text).into_owned(), style));
        }
        (Mode::Help, _, _) => {
            let keys = |a, b| format!("{}/{}", app.key(a), app.key(b));
            spans.push(Span::styled(keys(Action::Down, Action::Up), theme.key));
            spans.push(Span::styled(" scroll  ", theme.dim));
            spans.push(Span::styled(
                keys(Action::ToggleHelp, Action::Cancel),
                theme.key,
            ));
            spans.push(Span::styled(" close", theme.dim));
        }
        _ => spans.extend(hints(
            app,
            usize::from(area.width).saturating_sub(mode.len() + 1),
        )),
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// A message too long for the status bar is shown whole, wrapped, in a box
/// that rises above the status bar over the article, until the next key
/// clears it: the reason and the remedy are never cut off.
pub fn long_message(app: &App, frame: &mut Frame, status: Rect) {
    use super::super::note_taking::Prompt;
    let (text, error) = match (&app.notes.prompt, &app.message) {
        // a question too long for the bar is asked whole, with its keys
        (Some(Prompt::Confirm(question)), _) => (
            format!(
                "{}{} yes  {} no",
                super::note_taking::question_text(app, question),
                app.key(Action::Notes(NoteAction::Answer(true))),
                app.key(Action::Notes(NoteAction::Answer(false)))
            ),
            false,
        ),
        (Some(_), _) => return,
        (None, _) if app.notes.editor.is_some() || app.mode == Mode::SearchInput => return,
        (None, Some(message)) => (sanitize(&message.text).into_owned(), message.error),
        (None, None) => return,
    };
    let mode_width = 10;
    let room = usize::from(status.width).saturating_sub(mode_width);
    if display_width(&text) <= room {
        return;
    }
    let width = usize::from(status.width).saturating_sub(2).max(1);
    let lines: Vec<Line> = super::super::text_layout::wrap(&text, width)
        .into_iter()
        .map(|l| Line::from(l.to_string()))
        .collect();
    let height = (lines.len() as u16 + 1).min(status.y / 2).max(2);
    let area = Rect {
        x: status.x,
        y: status.y.saturating_sub(height),
        width: status.width,
        height,
    };
    let style = if error {
        app.theme.error
    } else {
        app.theme.text
    };
    frame.render_widget(ratatui::widgets::Clear, area);
    frame.render_widget(
        Paragraph::new(lines).style(style).block(
            ratatui::widgets::Block::default()
                .borders(ratatui::widgets::Borders::TOP)
                .border_style(app.theme.border)
                .padding(ratatui::widgets::Padding::horizontal(1)),
        ),
        area,
    );
}
