//! The map pane: coastlines and borders in braille, a marker per placed
//! place, the selected one highlighted and labelled, and the places without
//! coordinates named on its last line.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::canvas::{Canvas, Painter, Shape};
use ratatui::widgets::{Block, Paragraph};

use super::super::action::{Action, MapAction, Pane};
use super::super::app::App;
use super::super::map::{self, Lines};
use super::super::text_layout::truncate;

/// Draw the map in `area` (with its border).
pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let zoom = app.key(Action::Map(MapAction::ZoomIn));
    let out = app.key(Action::Map(MapAction::ZoomOut));
    let title = format!(
        " {} Map · {zoom}/{out} zoom · arrows pan ",
        Pane::Map.number()
    );
    let block: Block = super::pane_block(app, Pane::Map).title(title);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.width < 4 || inner.height < 3 {
        return;
    }
    let unplaced = unplaced_line(app, inner.width);
    let (canvas_area, last) = match &unplaced {
        Some(_) => (
            Rect {
                height: inner.height - 1,
                ..inner
            },
            Some(Rect {
                y: inner.bottom() - 1,
                height: 1,
                ..inner
            }),
        ),
        None => (inner, None),
    };
    let view = map::view(app, canvas_area.width, canvas_area.height);
    let (xb, yb) = view.bounds(canvas_area.width, canvas_area.height);
    let places = map::placed(app);
    let selected = map::selected_place(app);
    let coast = theme.place.fg.unwrap_or(Color::Reset);
    let border = theme.dim.fg.unwrap_or(Color::Reset);
    let lines = World {
        lines: map::lines_for(view.span),
        coast,
        border,
    };
    let canvas = Canvas::default()
        .marker(Marker::Braille)
        .x_bounds(xb)
        .y_bounds(yb)
        .paint(|ctx| {
            ctx.draw(&lines);
            for &(id, lat, lon) in &places {
                if Some(id) != selected {
                    ctx.print(lon, lat, Span::styled("•", theme.place));
                }
            }
            if let Some((id, lat, lon)) = places.iter().find(|p| Some(p.0) == selected) {
                let name = &app.doc.analysis.entities[id.0].name;
                let (w, h) = (canvas_area.width, canvas_area.height);
                let col = map::cell_of(&view, w, h, *lat, *lon).map_or(0, |c| c.0);
                let line = label(name, theme.selection, col, w);
                // a label too long for the room right of its marker ends at it
                let shift = line.width().saturating_sub(1) as f64 * (xb[1] - xb[0]) / f64::from(w);
                let x = if line.spans[0].content == "◉" {
                    *lon
                } else {
                    *lon - shift
                };
                ctx.print(x, *lat, line);
            }
        });
    frame.render_widget(canvas, canvas_area);
    if let (Some(text), Some(last)) = (unplaced, last) {
        frame.render_widget(Paragraph::new(Span::styled(text, theme.dim)), last);
    }
}

/// `◉ Name`, or `Name ◉` where the name would not fit right of the marker
/// at column `col` of `width`.
fn label(name: &str, style: Style, col: u16, width: u16) -> Line<'static> {
    let name = crate::ui::sanitize::sanitize(name).into_owned();
    let room = usize::from(width.saturating_sub(col));
    if Span::raw(name.as_str()).width() + 2 <= room {
        Line::from(vec![
            Span::styled("◉", style),
            Span::styled(format!(" {name}"), style),
        ])
    } else {
        Line::from(vec![
            Span::styled(format!("{name} "), style),
            Span::styled("◉", style),
        ])
    }
}

/// `Not on the map: A, B` for the places without coordinates.
fn unplaced_line(app: &App, width: u16) -> Option<String> {
    let names: Vec<&str> = app
        .index
        .places
        .iter()
        .map(|id| &app.doc.analysis.entities[id.0])
        .filter(|e| e.geo.is_none())
        .map(|e| e.name.as_str())
        .collect();
    if names.is_empty() {
        return None;
    }
    let text = format!("Not on the map: {}", names.join(", "));
    Some(truncate(
        &crate::ui::sanitize::sanitize(&text),
        usize::from(width),
    ))
}

/// Coastlines and borders, clipped to the view.
struct World {
    lines: &'static Lines,
    coast: Color,
    border: Color,
}

impl Shape for World {
    fn draw(&self, painter: &mut Painter) {
        let (&[w, e], &[s, n]) = painter.bounds();
        let (width, height) = (e - w, n - s);
        if width <= 0.0 || height <= 0.0 {
            return;
        }
        // the grid's size: the corners' points
        let Some((gx, gy)) = painter.get_point(e, s) else {
            return;
        };
        let (rx, ry) = (gx as f64, gy as f64);
        for arc in &self.lines.arcs {
            let [aw, as_, ae, an] = arc.bbox;
            if ae < w || aw > e || an < s || as_ > n {
                continue;
            }
            let color = if arc.border { self.border } else { self.coast };
            let mut prev: Option<(f64, (f64, f64))> = None;
            for (lon, lat) in self.lines.points(arc) {
                let p = ((lon - w) / width * rx, (n - lat) / height * ry);
                // a jump across the antimeridian is no line
                if let Some((plon, q)) = prev
                    && (lon - plon).abs() < 180.0
                {
                    segment(painter, q, p, rx, ry, color);
                }
                prev = Some((lon, p));
            }
        }
    }
}

/// Paint the dots from `a` to `b` (grid coordinates) that fall in the grid.
fn segment(painter: &mut Painter, a: (f64, f64), b: (f64, f64), rx: f64, ry: f64, color: Color) {
    if (a.0 < 0.0 && b.0 < 0.0)
        || (a.0 > rx && b.0 > rx)
        || (a.1 < 0.0 && b.1 < 0.0)
        || (a.1 > ry && b.1 > ry)
    {
        return;
    }
    let steps = (b.0 - a.0).abs().max((b.1 - a.1).abs()).ceil().max(1.0);
    let n = steps as usize;
    for k in 0..=n {
        let t = k as f64 / steps;
        let x = (a.0 + (b.0 - a.0) * t).round();
        let y = (a.1 + (b.1 - a.1) * t).round();
        if x >= 0.0 && y >= 0.0 && x <= rx && y <= ry {
            painter.paint(x as usize, y as usize, color);
        }
    }
}
