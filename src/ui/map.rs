//! The map pane: what part of the world it shows and the lines it draws.
//!
//! Coastlines and borders are Natural Earth's (public domain), compiled in
//! from `assets/map/` (`tools/build_geo.py` writes them): 1:110m for a view
//! of much of the world, 1:50m closer in. The view is fitted to the
//! article's places until the reader zooms or pans; keys and drawing both
//! ask [`View::bounds`], so a click finds the marker drawn under it.

use std::sync::LazyLock;

use crate::analysis::EntityId;

use super::app::App;

static WORLD_110M: &[u8] = include_bytes!("../../assets/map/world-110m.bin");
static WORLD_50M: &[u8] = include_bytes!("../../assets/map/world-50m.bin");

/// A view wider than this many degrees of longitude draws the 1:110m lines.
const COARSE_FROM_DEGREES: f64 = 60.0;
/// The narrowest and widest views, in degrees of longitude.
const MIN_SPAN: f64 = 2.0;
const MAX_SPAN: f64 = 360.0;

/// One polyline of the map (a stretch of coast or of border).
#[derive(Clone, Copy, Debug)]
pub struct Arc {
    /// Where its points start in the data (4 bytes a point).
    pub start: usize,
    pub len: usize,
    /// A border between two countries, else a coastline.
    pub border: bool,
    /// Its extent: west, south, east, north, in degrees.
    pub bbox: [f64; 4],
}

/// The lines of one resolution, with each arc's extent worked out once.
pub struct Lines {
    pub data: &'static [u8],
    pub arcs: Vec<Arc>,
}

impl Lines {
    fn parse(data: &'static [u8]) -> Lines {
        let mut arcs = Vec::new();
        let mut at = 0;
        while at + 2 <= data.len() {
            let header = u16::from_le_bytes([data[at], data[at + 1]]);
            let len = usize::from(header & 0x7FFF);
            let start = at + 2;
            let end = start + 4 * len;
            if end > data.len() {
                break;
            }
            let mut bbox = [f64::MAX, f64::MAX, f64::MIN, f64::MIN];
            for k in 0..len {
                let (lon, lat) = point(data, start + 4 * k);
                bbox = [
                    bbox[0].min(lon),
                    bbox[1].min(lat),
                    bbox[2].max(lon),
                    bbox[3].max(lat),
                ];
            }
            arcs.push(Arc {
                start,
                len,
                border: header & 0x8000 != 0,
                bbox,
            });
            at = end;
        }
        Lines { data, arcs }
    }

    /// The points of an arc, as (longitude, latitude).
    pub fn points(&self, arc: &Arc) -> impl Iterator<Item = (f64, f64)> + 'static {
        let (data, start) = (self.data, arc.start);
        (0..arc.len).map(move |k| point(data, start + 4 * k))
    }
}

fn point(data: &[u8], at: usize) -> (f64, f64) {
    let lon = i16::from_le_bytes([data[at], data[at + 1]]);
    let lat = i16::from_le_bytes([data[at + 2], data[at + 3]]);
    (f64::from(lon) / 100.0, f64::from(lat) / 100.0)
}

static COARSE: LazyLock<Lines> = LazyLock::new(|| Lines::parse(WORLD_110M));
static FINE: LazyLock<Lines> = LazyLock::new(|| Lines::parse(WORLD_50M));

/// The lines to draw for a view `span` degrees of longitude wide.
pub fn lines_for(span: f64) -> &'static Lines {
    if span > COARSE_FROM_DEGREES {
        &COARSE
    } else {
        &FINE
    }
}

/// What part of the world the map shows: its centre and how many degrees
/// of longitude its width spans.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct View {
    pub lon: f64,
    pub lat: f64,
    pub span: f64,
}

impl View {
    /// The longitudes and latitudes at the edges of a `width` × `height`
    /// cell area: `[west, east]`, `[south, north]`. Braille dots are about
    /// square, so a degree of latitude gets as many dots as a degree of
    /// longitude at the equator (scaled by the cosine of the latitude).
    pub fn bounds(&self, width: u16, height: u16) -> ([f64; 2], [f64; 2]) {
        let dots_x = f64::from(width.max(1)) * 2.0;
        let dots_y = f64::from(height.max(1)) * 4.0;
        let per_dot = self.span / dots_x;
        let lat_span = per_dot * dots_y * self.lat.to_radians().cos().max(0.2);
        (
            [self.lon - self.span / 2.0, self.lon + self.span / 2.0],
            [self.lat - lat_span / 2.0, self.lat + lat_span / 2.0],
        )
    }

    /// The view that shows all of `points` in a `width` × `height` area,
    /// with a margin; the whole world when there are none.
    pub fn fit(points: &[(f64, f64)], width: u16, height: u16) -> View {
        if points.is_empty() {
            return View {
                lon: 0.0,
                lat: 20.0,
                span: MAX_SPAN,
            };
        }
        let (mut w, mut s, mut e, mut n) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for &(lat, lon) in points {
            w = w.min(lon);
            e = e.max(lon);
            s = s.min(lat);
            n = n.max(lat);
        }
        let lat = (s + n) / 2.0;
        let lon = (w + e) / 2.0;
        let aspect = f64::from(height.max(1)) * 4.0 / (f64::from(width.max(1)) * 2.0);
        let from_lat = (n - s) / aspect / lat.to_radians().cos().max(0.2);
        let span = ((e - w).max(from_lat) * 1.4).clamp(MIN_SPAN * 4.0, MAX_SPAN);
        View { lon, lat, span }
    }

    /// Closer in (`factor` < 1) or further out.
    pub fn zoom(self, factor: f64) -> View {
        View {
            span: (self.span * factor).clamp(MIN_SPAN, MAX_SPAN),
            ..self
        }
    }

    /// Moved by a fifth of its width (`dx`) or height (`dy`), in cells of
    /// a `width` × `height` area.
    pub fn pan(self, dx: f64, dy: f64, width: u16, height: u16) -> View {
        let ([w, e], [s, n]) = self.bounds(width, height);
        View {
            lon: (self.lon + dx * (e - w) / 5.0).clamp(-180.0, 180.0),
            lat: (self.lat + dy * (n - s) / 5.0).clamp(-85.0, 85.0),
            span: self.span,
        }
    }
}

/// What a key does on the map.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MapAction {
    ZoomIn,
    ZoomOut,
    Left,
    Right,
    Up,
    Down,
    /// Select the next place with coordinates (in the Places pane too).
    Next,
    Previous,
    /// Fit the view to the article's places again.
    Fit,
}

/// The map's state: the view the reader chose, or `None` to fit the
/// article's places.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct MapState {
    pub view: Option<View>,
}

/// The article's places with coordinates: (entity, latitude, longitude), in
/// the Places pane's order.
pub fn placed(app: &App) -> Vec<(EntityId, f64, f64)> {
    app.index
        .places
        .iter()
        .filter_map(|&id| {
            let g = app.doc.analysis.entities[id.0].geo.as_ref()?;
            Some((id, g.lat, g.lon))
        })
        .collect()
}

/// The view now, for an area of `width` × `height` cells.
pub fn view(app: &App, width: u16, height: u16) -> View {
    app.map.view.unwrap_or_else(|| {
        let points: Vec<(f64, f64)> = placed(app).iter().map(|&(_, a, o)| (a, o)).collect();
        View::fit(&points, width, height)
    })
}

/// The place shown as selected on the map: the selected entity if it is a
/// place, else the one under the Places pane's cursor.
pub fn selected_place(app: &App) -> Option<EntityId> {
    let is_place =
        |id: EntityId| app.doc.analysis.entities[id.0].kind == crate::analysis::EntityKind::Place;
    app.selected
        .filter(|&id| is_place(id))
        .or_else(|| app.entity_under_cursor(super::action::Pane::Places))
}

/// The cell (column, row from the top of the area) where a point lies in
/// a `width` × `height` area, if it is inside.
pub fn cell_of(view: &View, width: u16, height: u16, lat: f64, lon: f64) -> Option<(u16, u16)> {
    let ([w, e], [s, n]) = view.bounds(width, height);
    if lon < w || lon > e || lat < s || lat > n {
        return None;
    }
    let col = ((lon - w) / (e - w) * f64::from(width)).floor();
    let row = ((n - lat) / (n - s) * f64::from(height)).floor();
    Some((
        (col as u16).min(width.saturating_sub(1)),
        (row as u16).min(height.saturating_sub(1)),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_resolutions_parse_into_arcs_within_the_world() {
        for lines in [&*COARSE, &*FINE] {
            assert!(lines.arcs.len() > 100);
            assert!(lines.arcs.iter().any(|a| a.border));
            for a in &lines.arcs {
                assert!(a.bbox[0] >= -180.0 && a.bbox[2] <= 180.0, "{a:?}");
                assert!(a.bbox[1] >= -90.0 && a.bbox[3] <= 90.0, "{a:?}");
            }
        }
        assert!(FINE.arcs.iter().map(|a| a.len).sum::<usize>() > 50_000);
    }

    #[test]
    fn a_fitted_view_shows_every_place() {
        let points = [(39.0, 125.7), (37.5, 127.0), (35.7, 139.7), (38.9, -77.0)];
        for (w, h) in [(60, 20), (160, 48)] {
            let v = View::fit(&points, w, h);
            for &(lat, lon) in &points {
                assert!(
                    cell_of(&v, w, h, lat, lon).is_some(),
                    "{lat},{lon} in {v:?}"
                );
            }
        }
    }

    #[test]
    fn zooming_and_panning_stay_in_bounds() {
        let v = View::fit(&[], 80, 24);
        assert_eq!(v.span, MAX_SPAN);
        assert_eq!(v.zoom(2.0).span, MAX_SPAN);
        assert_eq!(v.zoom(0.001).span, MIN_SPAN);
        let far = (0..100).fold(v, |v, _| v.pan(1.0, 1.0, 80, 24));
        assert!(far.lon <= 180.0 && far.lat <= 85.0);
        assert!(std::ptr::eq(lines_for(200.0), &*COARSE));
        assert!(std::ptr::eq(lines_for(20.0), &*FINE));
    }
}
