//! Where each part of the reader goes on a screen of a given size. A pure
//! function of the size and the reader's settings: drawing and mouse
//! hit-testing both use it, so they always agree.

use ratatui::layout::{Constraint, Layout, Rect};

use super::action::Pane;
use super::settings::ReaderSection;

/// The smallest screen the full layout fits on.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 14;
/// The smallest screen for full-width reading (no side panes).
pub const MIN_WIDTH_FULL: u16 = 30;
pub const MIN_HEIGHT_FULL: u16 = 8;

/// The rectangles of one screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Areas {
    pub header: Rect,
    /// The article pane with its border.
    pub article: Rect,
    /// The column the text is drawn in, inside the article pane.
    pub text: Rect,
    /// People, Places, Quotes, Notes with their borders; `None` in full-width reading.
    pub side: Option<[Rect; 4]>,
    pub status: Rect,
}

impl Areas {
    /// The screen's areas, or `None` when the screen is too small for them.
    pub fn new(width: u16, height: u16, full_width: bool, reader: &ReaderSection) -> Option<Self> {
        let (min_w, min_h) = if full_width {
            (MIN_WIDTH_FULL, MIN_HEIGHT_FULL)
        } else {
            (MIN_WIDTH, MIN_HEIGHT)
        };
        if width < min_w || height < min_h {
            return None;
        }
        let screen = Rect::new(0, 0, width, height);
        let [header, body, status] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Fill(1),
            Constraint::Length(1),
        ])
        .areas(screen);
        let (article, side) = if full_width {
            (body, None)
        } else {
            let side_width = (u32::from(width) * u32::from(reader.side_width) / 100) as u16;
            let side_width = side_width.clamp(20, width.saturating_sub(30));
            let [article, side] =
                Layout::horizontal([Constraint::Fill(1), Constraint::Length(side_width)])
                    .areas(body);
            let panes = Layout::vertical([
                Constraint::Fill(8),
                Constraint::Fill(5),
                Constraint::Fill(7),
                Constraint::Fill(6),
            ])
            .areas(side);
            (article, Some(panes))
        };
        // Inside the border, one column of padding each side.
        let inner = Rect::new(
            article.x + 2,
            article.y + 1,
            article.width.saturating_sub(4),
            article.height.saturating_sub(2),
        );
        let text_width = inner.width.min(reader.max_line_width.max(20));
        let text = Rect::new(
            inner.x + (inner.width - text_width) / 2,
            inner.y,
            text_width,
            inner.height,
        );
        Some(Areas {
            header,
            article,
            text,
            side,
            status,
        })
    }

    /// The bordered rectangle of a pane, if it is shown.
    pub fn pane(&self, pane: Pane) -> Option<Rect> {
        match pane {
            Pane::Article => Some(self.article),
            Pane::People => self.side.map(|s| s[0]),
            Pane::Places => self.side.map(|s| s[1]),
            Pane::Quotes => self.side.map(|s| s[2]),
            Pane::Notes => self.side.map(|s| s[3]),
            // drawn over the article while it has the focus (`draw::map`)
            Pane::Map => None,
        }
    }

    /// The rows of a list pane inside its border.
    pub fn list_rows(&self, pane: Pane) -> Option<Rect> {
        self.pane(pane).filter(|_| pane.is_list()).map(rows_inside)
    }

    /// The pane at a screen cell.
    pub fn pane_at(&self, column: u16, row: u16) -> Option<Pane> {
        let pos = ratatui::layout::Position::new(column, row);
        Pane::ALL
            .into_iter()
            .find(|&p| self.pane(p).is_some_and(|r| r.contains(pos)))
    }
}

/// The rows inside a list pane's border, one column of padding each side.
pub fn rows_inside(pane: Rect) -> Rect {
    Rect::new(
        pane.x + 2,
        pane.y + 1,
        pane.width.saturating_sub(4),
        pane.height.saturating_sub(2),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_standard_terminal_has_room_for_all_panes() {
        let a = Areas::new(80, 24, false, &ReaderSection::default()).unwrap();
        assert_eq!(a.header.height, 1);
        assert_eq!(a.status.y, 23);
        let side = a.side.unwrap();
        assert_eq!(side[0].x, a.article.right());
        assert_eq!(side[3].bottom(), a.status.y);
        assert!(a.text.width >= 40, "{:?}", a.text);
    }

    #[test]
    fn the_text_column_is_capped_and_centred_on_a_wide_screen() {
        let reader = ReaderSection::default();
        let a = Areas::new(240, 60, true, &reader).unwrap();
        assert_eq!(a.text.width, reader.max_line_width);
        let left = a.text.x - a.article.x;
        let right = a.article.right() - a.text.right();
        assert!(left.abs_diff(right) <= 1);
    }

    #[test]
    fn a_tiny_terminal_gets_no_layout() {
        let reader = ReaderSection::default();
        assert!(Areas::new(40, 10, false, &reader).is_none());
        assert!(Areas::new(40, 10, true, &reader).is_some());
        assert!(Areas::new(20, 5, true, &reader).is_none());
    }

    #[test]
    fn pane_at_finds_the_pane_under_the_mouse() {
        let a = Areas::new(100, 30, false, &ReaderSection::default()).unwrap();
        assert_eq!(a.pane_at(5, 5), Some(Pane::Article));
        let places = a.side.unwrap()[1];
        assert_eq!(a.pane_at(places.x + 2, places.y + 1), Some(Pane::Places));
        assert_eq!(a.pane_at(5, 0), None);
    }
}
