//! The side panes: People & organisations, Places, Quotes.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::analysis::{EntityId, EntityKind};

use super::super::action::Pane;
use super::super::app::App;
use super::super::areas::rows_inside;
use super::super::sanitize::sanitize;
use super::super::text_layout::display_width;
use super::pane_block;

pub fn draw(app: &App, frame: &mut Frame, pane: Pane, area: Rect) {
    // in another language the analysis finds only noise: none of it is listed
    let len = if knows_language(app) {
        app.list_len(pane)
    } else {
        0
    };
    let mut title = format!(" {} {} ", pane.number(), pane.title());
    if pane == Pane::Quotes
        && let Some(id) = app.quote_speaker()
    {
        title = format!(" {} Quotes · {} ", pane.number(), sanitize(app.name(id)));
    }
    let block = pane_block(app, pane)
        .title(title)
        .title_top(Line::from(format!(" {len} ")).right_aligned());
    let rows_area = rows_inside(area);
    frame.render_widget(block, area);
    let height = usize::from(rows_area.height);
    let width = usize::from(rows_area.width);
    let cursor = app.cursor(pane);
    let offset = cursor.offset.min(len.saturating_sub(height));
    let rows: Vec<Line> = if len == 0 {
        vec![Line::styled(empty_text(app, pane), app.theme.dim)]
    } else {
        (offset..(offset + height).min(len))
            .map(|i| {
                let mut line = match pane {
                    Pane::Quotes => quote_row(app, i, width),
                    _ => entity_row(app, app.entities(pane)[i], pane, width),
                };
                if i == cursor.selected && app.focus == pane {
                    line = line.patch_style(app.theme.cursor);
                }
                line
            })
            .collect()
    };
    frame.render_widget(Paragraph::new(rows), rows_area);
}

/// Whether the analysis knows the article's language: the one the page
/// declares, else the one the analysis assumed. It knows English only.
fn knows_language(app: &App) -> bool {
    let article = app.doc.article.meta.language.as_deref();
    let language = article.unwrap_or(&app.doc.analysis.language);
    app.analysing || language.is_empty() || language == "en"
}

fn empty_text(app: &App, pane: Pane) -> String {
    if !knows_language(app) {
        return "Analysis knows English only".to_string();
    }
    match (pane, app.quote_speaker()) {
        (Pane::Quotes, Some(id)) if !app.index.quotes.is_empty() => {
            format!("No quotes by {}", sanitize(app.name(id)))
        }
        _ if app.analysing => "Analysing…".to_string(),
        _ => "None found".to_string(),
    }
}

/// `name  role ……… count`, the count right-aligned.
fn entity_row<'a>(app: &'a App, id: EntityId, pane: Pane, width: usize) -> Line<'a> {
    let theme = &app.theme;
    let entity = &app.doc.analysis.entities[id.0];
    let count = app.index.count(id).to_string();
    let name_style = if app.selected == Some(id) {
        theme.selection
    } else {
        match entity.kind {
            EntityKind::Person => theme.person,
            EntityKind::Organization => theme.organisation,
            EntityKind::Place => theme.place,
        }
    };
    // places: grouped by country, its two-letter code first (no flags:
    // their width differs between terminals)
    let (code, detail) = match pane {
        Pane::Places => {
            let code = crate::ui::index::country_of(&app.doc.analysis, id).unwrap_or("··");
            (Some(format!("{code:<2} ")), String::new())
        }
        _ => (None, entity.roles.first().cloned().unwrap_or_default()),
    };
    let code_width = code.as_deref().map_or(0, display_width);
    let room = width.saturating_sub(count.len() + 1 + code_width);
    let name = truncate(&sanitize(&entity.name), room);
    let name_width = display_width(&name);
    let mut spans = Vec::new();
    if let Some(code) = code {
        spans.push(Span::styled(sanitize(&code).into_owned(), theme.dim));
    }
    spans.push(Span::styled(name, name_style));
    let mut used = name_width + code_width;
    let room = room + code_width;
    if !detail.is_empty() && used + 2 < room {
        let detail = truncate(&sanitize(&detail), room - used - 1);
        used += 1 + display_width(&detail);
        spans.push(Span::raw(" "));
        spans.push(Span::styled(detail, theme.dim));
    }
    spans.push(Span::raw(
        " ".repeat(width.saturating_sub(used + count.len())),
    ));
    spans.push(Span::styled(count, theme.dim));
    Line::from(spans)
}

/// `Speaker — first words of the quote`.
fn quote_row<'a>(app: &'a App, row: usize, width: usize) -> Line<'a> {
    let theme = &app.theme;
    let Some(&i) = app.visible_quotes().get(row) else {
        return Line::default();
    };
    let quote = &app.doc.analysis.quotes[i];
    let (speaker, speaker_style) = match quote.speaker {
        Some(id) => {
            let style = match app.doc.analysis.entities.get(id.0).map(|e| e.kind) {
                Some(EntityKind::Organization) => theme.organisation,
                _ => theme.person,
            };
            (sanitize(app.name(id)).into_owned(), style)
        }
        None => ("unattributed".to_string(), theme.dim),
    };
    let words: String = app
        .doc
        .article
        .slice(quote.span)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if app.quote_speaker().is_some() {
        // Narrowed to one speaker, named in the border: the words alone.
        return Line::from(Span::styled(
            truncate(&sanitize(&words), width),
            theme.quote,
        ));
    }
    let speaker = truncate(&speaker, width / 2);
    let rest = width.saturating_sub(display_width(&speaker) + 3);
    let words = truncate(&sanitize(&words), rest);
    Line::from(vec![
        Span::styled(speaker, speaker_style),
        Span::styled(" — ", theme.dim),
        Span::styled(words, theme.quote),
    ])
}

/// `s` cut to `width` cells, with an ellipsis when cut.
pub(super) use super::super::text_layout::truncate;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncation_counts_cells_and_marks_the_cut() {
        assert_eq!(truncate("Kim Jong Un", 20), "Kim Jong Un");
        assert_eq!(truncate("Kim Jong Un", 6), "Kim J…");
        assert_eq!(truncate("東京都庁", 5), "東京…");
    }
}
