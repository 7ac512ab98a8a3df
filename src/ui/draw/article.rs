//! The article pane: only the lines on screen are built, each styled from the
//! spans (quotes, mentions, the selection, the mark, search matches) it overlaps.

use ratatui::Frame;
use ratatui::style::Style;
use ratatui::text::{Line, Span as TextSpan};
use ratatui::widgets::Paragraph;

use crate::analysis::{EntityKind, QuoteKind};
use crate::article::BlockKind;
use crate::span::Span;

use super::super::action::Pane;
use super::super::app::App;
use super::super::areas::Areas;
use super::super::sanitize::sanitize;
use super::super::text_layout::{VisualLine, gutter};
use super::super::theme::Theme;
use super::pane_block;

pub fn draw(app: &App, frame: &mut Frame, areas: &Areas) {
    let mut block = pane_block(app, Pane::Article);
    if !app.full_width {
        block = block.title(" 0 Article ");
    }
    frame.render_widget(block, areas.article);
    if app.doc.article.blocks.is_empty() {
        // an empty file, or one that was all junk: said, not a blank pane
        let said = Paragraph::new(EMPTY_ARTICLE)
            .style(app.theme.dateline)
            .wrap(ratatui::widgets::Wrap { trim: true });
        frame.render_widget(said, areas.text);
        return;
    }
    let height = usize::from(areas.text.height);
    let end = (app.scroll + height).min(app.layout.len());
    let lines: Vec<Line> = app.layout.lines[app.scroll.min(end)..end]
        .iter()
        .map(|l| styled_line(app, l))
        .collect();
    frame.render_widget(Paragraph::new(lines), areas.text);
    super::note_taking::margin(app, frame, areas);
}

/// What the article pane says when the article has no text.
pub const EMPTY_ARTICLE: &str =
    "This article is empty: the input had no text, or only lines cleaning removes.";

/// The base style of a block's text.
fn block_style(theme: &Theme, kind: BlockKind) -> Style {
    match kind {
        BlockKind::Title => theme.title,
        BlockKind::Heading => theme.heading,
        BlockKind::Dateline | BlockKind::Caption => theme.dateline,
        BlockKind::Paragraph | BlockKind::Quote | BlockKind::Item => theme.text,
    }
}

/// Items of a sorted, non-overlapping list that overlap `line`.
fn overlapping<T>(items: &[T], span: impl Fn(&T) -> Span, line: Span) -> &[T] {
    let from = items.partition_point(|t| span(t).end <= line.start);
    let to = from + items[from..].partition_point(|t| span(t).start < line.end);
    &items[from..to]
}

/// One visual line as styled text.
fn styled_line<'a>(app: &'a App, line: &VisualLine) -> Line<'a> {
    let Some(block) = line.block.and_then(|b| app.doc.article.blocks.get(b)) else {
        return Line::default();
    };
    let theme = &app.theme;
    let text = &app.doc.article.text;
    let range = Span::new(line.start, line.end);
    let base = block_style(theme, block.kind);

    // Layers, lowest first: each later one is patched over the earlier ones.
    let mut layers: Vec<(Span, Style)> = Vec::new();
    super::note_taking::under(app, range, &mut layers);
    for q in overlapping(&app.index.quote_marks, |q| q.span, range) {
        let style = match q.kind {
            QuoteKind::Full => theme.quote,
            QuoteKind::Partial => theme.partial_quote,
        };
        layers.push((q.span, style));
    }
    super::note_taking::over(app, range, &mut layers);
    // The mark goes under the mentions, so a selected mention keeps its
    // colours where a jump landed on it and only gains the mark's underline.
    if let Some(mark) = app.mark.filter(|m| m.overlaps(range)) {
        layers.push((mark, theme.mark));
    }
    for m in overlapping(&app.index.marks, |m| m.span, range) {
        let style = if Some(m.entity) == app.selected {
            theme.selection
        } else {
            match m.kind {
                EntityKind::Person => theme.person,
                EntityKind::Organization => theme.organisation,
                EntityKind::Place => theme.place,
            }
        };
        layers.push((m.span, style));
    }
    if let Some(search) = &app.search {
        let matches = overlapping(&search.matches, |m| *m, range);
        let current = search.current.map(|i| search.matches[i]);
        for &m in matches {
            let style = if Some(m) == current {
                theme.current_match
            } else {
                theme.search
            };
            layers.push((m, style));
        }
    }
    super::note_taking::top(app, range, &mut layers);

    let mut cuts = vec![range.start, range.end];
    for (span, _) in &layers {
        cuts.push(span.start.clamp(range.start, range.end));
        cuts.push(span.end.clamp(range.start, range.end));
    }
    cuts.sort_unstable();
    cuts.dedup();
    let gutter = gutter(block.kind, line.start == block.span.start);
    let spans = (!gutter.is_empty())
        .then(|| TextSpan::styled(gutter, theme.dim))
        .into_iter()
        .chain(cuts.windows(2).filter_map(|w| {
            let piece = text.get(w[0]..w[1])?;
            let style = layers
                .iter()
                .filter(|(s, _)| s.start <= w[0] && w[0] < s.end)
                .fold(base, |style, (_, layer)| style.patch(*layer));
            Some(TextSpan::styled(sanitize(piece), style))
        }))
        .collect::<Vec<_>>();
    Line::from(spans)
}
