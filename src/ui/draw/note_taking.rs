//! Drawing what notes add to the reader: the reading cursor, highlights and
//! the selection in the text, the margin marks, the Notes pane and the note
//! editor popup.

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span as TextSpan};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Wrap};

use crate::analysis::EntityKind;
use crate::notes::{Attachment, Note};
use crate::span::Span;

use super::super::action::{Action, Pane};
use super::super::app::App;
use super::super::areas::{Areas, rows_inside};
use super::super::note_taking::{NoteAction, Prompt, Question, first_words};
use super::super::sanitize::sanitize;
use super::super::text_layout::display_width;
use super::super::text_layout::{one_line, quoted};
use super::pane_block;
use super::panes::truncate;

/// The text layers notes put under the mentions: the current sentence.
pub fn under(app: &App, line: Span, layers: &mut Vec<(Span, Style)>) {
    if app.reading.selection.is_none()
        && let Some(current) = app.reading.current_span().filter(|s| s.overlaps(line))
    {
        layers.push((current, app.theme.reading));
    }
}

/// The text layers notes put over the mentions: highlights.
pub fn over(app: &App, line: Span, layers: &mut Vec<(Span, Style)>) {
    let Some(nb) = &app.notes.notebook else {
        return;
    };
    for note in nb.notes() {
        if !note.detached && note.span().overlaps(line) {
            layers.push((note.span(), app.theme.highlight));
        }
    }
}

/// The topmost text layer: the passage being selected.
pub fn top(app: &App, line: Span, layers: &mut Vec<(Span, Style)>) {
    if let Some(s) = app.reading.selection.filter(|s| s.span.overlaps(line)) {
        layers.push((s.span, app.theme.visual));
    }
}

/// The margin left of the text: `▌` beside the lines of a passage with a
/// note, `▏` beside the current sentence.
pub fn margin(app: &App, frame: &mut Frame, areas: &Areas) {
    let text = areas.text;
    if text.x <= areas.article.x + 1 {
        return;
    }
    let x = text.x - 1;
    let noted: Vec<Span> = app.notes.notebook.as_ref().map_or(Vec::new(), |nb| {
        nb.notes()
            .iter()
            .filter(|n| !n.detached && !n.is_highlight())
            .map(Note::span)
            .collect()
    });
    let cursor = app.reading.passage();
    let end = (app.scroll + usize::from(text.height)).min(app.layout.len());
    for (row, line) in app.layout.lines[app.scroll.min(end)..end]
        .iter()
        .enumerate()
    {
        if line.block.is_none() {
            continue;
        }
        let range = Span::new(line.start, line.end.max(line.start + 1));
        let (symbol, style) = if noted.iter().any(|n| n.overlaps(range)) {
            ("▌", app.theme.note_mark)
        } else if cursor.is_some_and(|c| c.overlaps(range)) {
            ("▏", app.theme.dim)
        } else {
            continue;
        };
        let y = text.y + row as u16;
        frame.buffer_mut()[(x, y)]
            .set_symbol(symbol)
            .set_style(style);
    }
}

/// The Notes pane: notes in reading order with their first words.
pub fn pane(app: &App, frame: &mut Frame, area: Rect) {
    let visible = app.notes.visible();
    let len = visible.len();
    let mut title = format!(" {} {} ", Pane::Notes.number(), Pane::Notes.title());
    if let Some(tag) = &app.notes.tag {
        title = format!(" {} Notes · #{} ", Pane::Notes.number(), sanitize(tag));
    }
    let block = pane_block(app, Pane::Notes)
        .title(title)
        .title_top(Line::from(format!(" {len} ")).right_aligned());
    let rows_area = rows_inside(area);
    frame.render_widget(block, area);
    let height = usize::from(rows_area.height);
    let width = usize::from(rows_area.width);
    let cursor = app.notes.cursor;
    let offset = cursor.offset.min(len.saturating_sub(height));
    if len == 0 {
        let text = Paragraph::new(empty_text(app))
            .style(app.theme.dim)
            .wrap(Wrap { trim: true });
        frame.render_widget(text, rows_area);
        return;
    }
    let rows: Vec<Line> = {
        visible[offset..(offset + height).min(len)]
            .iter()
            .enumerate()
            .map(|(i, note)| {
                let line = note_row(app, note, width);
                if offset + i == cursor.selected && app.focus == Pane::Notes {
                    line.patch_style(app.theme.cursor)
                } else {
                    line
                }
            })
            .collect()
    };
    frame.render_widget(Paragraph::new(rows), rows_area);
}

fn empty_text(app: &App) -> String {
    if app.notes.unavailable.is_some() {
        return "Notes are unavailable".to_string();
    }
    if let Some(tag) = &app.notes.tag {
        return format!("No note tagged #{}", sanitize(tag));
    }
    let h = app.key(Action::Notes(NoteAction::Highlight));
    let a = app.key(Action::Notes(NoteAction::Add));
    format!("None yet · {h} highlights, {a} writes a note")
}

/// `detached · ` when the passage is gone, what the note is about, then its
/// first words (a highlight's passage in quotation marks), `#tags` standing out.
fn note_row<'a>(app: &'a App, note: &Note, width: usize) -> Line<'a> {
    let theme = &app.theme;
    let mut spans: Vec<TextSpan> = Vec::new();
    let mut used = 0;
    if note.detached {
        spans.push(TextSpan::styled("detached · ", theme.error));
        used += 11;
    }
    if let Some(Attachment::Entity { kind, name }) = &note.attachment {
        let style = match kind {
            EntityKind::Person => theme.person,
            EntityKind::Organization => theme.organisation,
            EntityKind::Place => theme.place,
        };
        let name = truncate(&sanitize(name), (width.saturating_sub(used)) / 2);
        used += display_width(&name) + 3;
        spans.push(TextSpan::styled(name, style));
        spans.push(TextSpan::styled(" · ", theme.dim));
    }
    let room = width.saturating_sub(used);
    if note.is_highlight() {
        let words = one_line(&note.target.exact);
        let text = quoted(&sanitize(&words), room);
        spans.push(TextSpan::styled(text, theme.quote));
    } else {
        let words = truncate(&sanitize(&one_line(&note.body)), room);
        spans.extend(with_tags(&words, theme.text, theme.key));
    }
    Line::from(spans)
}

/// Text with its `#tags` in another style.
fn with_tags(text: &str, style: Style, tag_style: Style) -> Vec<TextSpan<'static>> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find('#') {
        let (before, from) = rest.split_at(i);
        let at_word_start = before
            .chars()
            .last()
            .is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
        let len = from[1..]
            .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-' || c == '/'))
            .map_or(from.len(), |n| n + 1);
        if !before.is_empty() {
            out.push(TextSpan::styled(before.to_string(), style));
        }
        let piece = &from[..len];
        let name = piece[1..].trim_end_matches(['-', '/']);
        let is_tag = at_word_start && !name.is_empty() && !name.chars().all(|c| c.is_ascii_digit());
        out.push(TextSpan::styled(
            piece.to_string(),
            if is_tag { tag_style } else { style },
        ));
        rest = &from[len..];
    }
    if !rest.is_empty() {
        out.push(TextSpan::styled(rest.to_string(), style));
    }
    out
}

/// The status bar while a prompt has the keyboard (a yes/no question, or
/// the tag being typed with the tags it matches), or the editor's keys.
pub fn prompt(app: &App) -> Option<Vec<TextSpan<'static>>> {
    let theme = &app.theme;
    let Some(prompt) = app.notes.prompt.as_ref() else {
        return editor_hints(app);
    };
    let spans = match prompt {
        Prompt::Confirm(question) => {
            let text = question_text(app, question);
            vec![
                TextSpan::styled(text, theme.text),
                TextSpan::styled(app.key(Action::Notes(NoteAction::Answer(true))), theme.key),
                TextSpan::styled(" yes  ", theme.dim),
                TextSpan::styled(app.key(Action::Notes(NoteAction::Answer(false))), theme.key),
                TextSpan::styled(" no", theme.dim),
            ]
        }
        Prompt::Tag { query, .. } => {
            let q = query.trim_start_matches('#').to_lowercase();
            let tags: Vec<String> = app
                .notes
                .notebook
                .as_ref()
                .map(|nb| nb.tags())
                .unwrap_or_default()
                .into_iter()
                .filter(|(t, _)| t.to_lowercase().starts_with(&q))
                .map(|(t, n)| format!("#{t} ({n})"))
                .collect();
            let listed = if tags.is_empty() {
                "  no tag begins so".to_string()
            } else {
                format!("  {}", tags.join("  "))
            };
            vec![
                TextSpan::styled("#", theme.key),
                TextSpan::raw(sanitize(query.trim_start_matches('#')).into_owned()),
                TextSpan::styled("▏", theme.key),
                TextSpan::styled(sanitize(&listed).into_owned(), theme.dim),
                TextSpan::styled(
                    format!(
                        "  {} keep · {} cancel",
                        app.key(Action::Notes(NoteAction::TagConfirm)),
                        app.key(Action::Notes(NoteAction::TagCancel))
                    ),
                    theme.dim,
                ),
            ]
        }
    };
    Some(spans)
}

/// The editor's keys, while it is open and there is no message to show.
fn editor_hints(app: &App) -> Option<Vec<TextSpan<'static>>> {
    if app.notes.editor.is_none() || app.message.is_some() {
        return None;
    }
    let theme = &app.theme;
    let mut spans = Vec::new();
    for (key, label) in [
        (app.key(Action::Notes(NoteAction::Save)), " save  "),
        (app.key(Action::Notes(NoteAction::CloseEditor)), " close  "),
        (
            app.key(Action::Notes(NoteAction::EditExternally)),
            " continue in $EDITOR  ",
        ),
        ("Ctrl-c".to_string(), " quit (the note is kept)"),
    ] {
        spans.push(TextSpan::styled(key, theme.key));
        spans.push(TextSpan::styled(label, theme.dim));
    }
    Some(spans)
}

/// The note editor, in a popup over the reader: the passage, then the text.
pub fn editor(app: &App, frame: &mut Frame, screen: Rect) {
    let Some(editor) = &app.notes.editor else {
        return;
    };
    let theme = &app.theme;
    let width = screen.width.saturating_sub(4).min(76);
    let height = screen.height.saturating_sub(4).clamp(6, 16);
    let [area] = Layout::horizontal([Constraint::Length(width)])
        .flex(Flex::Center)
        .areas(screen);
    let [area] = Layout::vertical([Constraint::Length(height)])
        .flex(Flex::Center)
        .areas(area);
    let about = match &editor.attachment {
        Some(Attachment::Entity { name, .. }) => format!("Note on {}", sanitize(name)),
        Some(Attachment::Quote { .. }) => "Note on the quote".to_string(),
        None if editor.editing.is_some() => "Edit note".to_string(),
        None => "New note".to_string(),
    };
    let keys = format!(
        " {} save · {} close · {} $EDITOR ",
        app.key(Action::Notes(NoteAction::Save)),
        app.key(Action::Notes(NoteAction::CloseEditor)),
        app.key(Action::Notes(NoteAction::EditExternally)),
    );
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.focus)
        .title(format!(" {about} "))
        .title_bottom(Line::from(keys).centered());
    let inner = block.inner(area);
    frame.render_widget(Clear, area);
    frame.render_widget(block, area);
    let inner = Rect::new(
        inner.x + 1,
        inner.y,
        inner.width.saturating_sub(2),
        inner.height,
    );
    let quote_rows = if inner.height >= 6 { 2 } else { 1 };
    let [quote_area, rule_area, text_area] = Layout::vertical([
        Constraint::Length(quote_rows),
        Constraint::Length(1),
        Constraint::Fill(1),
    ])
    .areas(inner);
    let passage = one_line(&editor.target.exact);
    let room = usize::from(quote_area.width) * usize::from(quote_rows);
    let passage = quoted(&sanitize(&passage), room);
    frame.render_widget(
        Paragraph::new(passage)
            .style(theme.quote)
            .wrap(Wrap { trim: true }),
        quote_area,
    );
    frame.render_widget(
        Paragraph::new("─".repeat(usize::from(rule_area.width))).style(theme.border),
        rule_area,
    );
    frame.render_widget(&editor.textarea, text_area);
}

/// The words of a yes/no question, without its keys.
pub fn question_text(app: &App, question: &Question) -> String {
    match question {
        Question::Delete(id) => {
            let words = app
                .notes
                .notebook
                .as_ref()
                .and_then(|nb| nb.get(*id))
                .map(|n| (n.is_highlight(), first_words(n, 40)));
            match words {
                Some((true, words)) => {
                    format!("Delete the highlight {}? ", sanitize(&words))
                }
                Some((false, words)) => format!("Delete the note {}? ", sanitize(&words)),
                None => "Delete it? ".to_string(),
            }
        }
        Question::Discard => "Throw away this note? ".to_string(),
        Question::ReplaceExport(path) => {
            let name = std::path::Path::new(path)
                .file_name()
                .map_or(path.clone(), |n| n.to_string_lossy().into_owned());
            format!(
                "{} was changed since gloss wrote it. Replace it? ",
                sanitize(&name)
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_stand_out_but_anchors_and_numbers_do_not() {
        let spans = with_tags("see #talks and C#, #1", Style::new(), Style::new().bold());
        let tags: Vec<&str> = spans
            .iter()
            .filter(|s| s.style == Style::new().bold())
            .map(|s| s.content.as_ref())
            .collect();
        assert_eq!(tags, ["#talks"]);
    }
}
