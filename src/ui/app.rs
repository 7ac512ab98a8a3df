//! The reader's whole state. [`super::update`] changes it; drawing only reads it.

use crate::Document;
use crate::analysis::{Analysis, EntityId, EntityKind, Quote};
use crate::span::Span;

use super::action::{Action, Pane};
use super::areas::Areas;
use super::index::AnalysisIndex;
use super::keymap::{KeyConflict, KeyMap};
use super::note_taking::NotesUi;
use super::passage::Reading;
use super::search::TextSearch;
use super::settings::{ColorOverrides, ReaderSection, ReaderSettings};
use super::text_layout::TextLayout;
use super::theme::{ColorEnv, Theme};

/// The reader's own modes. With the note editor and the prompts (in
/// [`NotesUi`]) they decide which [`super::layer::Layer`] has the keyboard.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Normal,
    /// Typing a search query.
    SearchInput,
    /// The help overlay is open.
    Help,
}

/// The selected row of a list and the first row shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ListCursor {
    pub selected: usize,
    pub offset: usize,
}

impl ListCursor {
    /// The rows a movement action moves a list's cursor by (`None` for any
    /// other action), with `rows` rows shown: a page keeps one row in view.
    pub fn delta(action: &Action, rows: usize) -> Option<isize> {
        let page = rows.saturating_sub(1).max(1) as isize;
        Some(match action {
            Action::Down => 1,
            Action::Up => -1,
            Action::PageDown => page,
            Action::PageUp => -page,
            Action::HalfPageDown => page / 2,
            Action::HalfPageUp => -page / 2,
            Action::Top => isize::MIN / 2,
            Action::Bottom => isize::MAX / 2,
            Action::Wheel { down, .. } => {
                if *down {
                    3
                } else {
                    -3
                }
            }
            _ => return None,
        })
    }

    /// Move the selection by `delta` within a list of `len` rows, and scroll
    /// so that it stays among the `rows` rows shown.
    pub fn step(&mut self, delta: isize, len: usize, rows: usize) {
        if len > 0 {
            self.selected = self.selected.saturating_add_signed(delta).min(len - 1);
        }
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + rows {
            self.offset = self.selected + 1 - rows;
        }
    }
}

/// A line for the status bar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub error: bool,
}

pub struct App {
    pub doc: Document,
    pub index: AnalysisIndex,
    pub keymap: KeyMap,
    pub reader: ReaderSection,
    pub theme: Theme,
    pub colors: ColorOverrides,
    pub color_env: ColorEnv,
    /// The terminal's size in cells.
    pub width: u16,
    pub height: u16,
    /// The article wrapped to the width of the text column.
    pub layout: TextLayout,
    /// The first line of `layout` on screen.
    pub scroll: usize,
    pub focus: Pane,
    pub mode: Mode,
    pub help_scroll: usize,
    pub full_width: bool,
    pub people: ListCursor,
    pub places: ListCursor,
    pub quotes: ListCursor,
    /// The entity whose mentions are highlighted and stepped through.
    pub selected: Option<EntityId>,
    /// Narrow the quotes to the selected person's.
    pub quote_filter: bool,
    /// Where the last jump landed (a mention, a quote).
    pub mark: Option<Span>,
    pub search: Option<TextSearch>,
    pub message: Option<Message>,
    /// The reading cursor and the selection.
    pub reading: Reading,
    /// Highlights and notes.
    pub notes: NotesUi,
    /// The analysis is still running: the panes are empty for now.
    pub analysing: bool,
    /// Where the article was read from (a URL or a file), for citations.
    pub address: Option<String>,
    /// The library's list or `W`'s, over the reading (`super::shelf`).
    pub shelf: Option<super::shelf::Shelf>,
    /// The library, when articles are kept.
    pub keeper: Option<crate::library::Keeper>,
    /// The article's key in the library (none for the library alone).
    pub article_key: Option<String>,
    /// The map's view.
    pub map: super::map::MapState,
    /// The analysis as it came, before the reader's corrections (those of
    /// the notebook); `doc.analysis` is this with them applied.
    pub raw_analysis: Analysis,
    /// The corrections that no longer find their text, described (kept in
    /// the notes file, shown in the Notes pane's title).
    pub orphaned: Vec<String>,
    /// A correction's chooser in the status bar, when one is open.
    pub chooser: Option<super::correcting::Chooser>,
    /// What the last correction would say for every article (kind, name),
    /// for the promote key.
    pub last_general: Option<(crate::notes::lexicon::Kind, String)>,
    /// The feed list, its refresh and the tag prompt (`super::feedlist`).
    pub feeds: super::feedlist::FeedsUi,
}

impl App {
    /// A reader on `doc` for a terminal of `width` × `height` cells.
    pub fn new(
        doc: Document,
        settings: &ReaderSettings,
        color_env: ColorEnv,
        width: u16,
        height: u16,
    ) -> Result<Self, KeyConflict> {
        let keymap = KeyMap::new(&settings.keys)?;
        let palette = Theme::initial_palette(&settings.theme, &color_env);
        let theme = Theme::new(palette, &settings.theme.colors, &color_env);
        let index = AnalysisIndex::new(&doc);
        let reading = Reading::new(&doc);
        let raw_analysis = doc.analysis.clone();
        let mut app = App {
            doc,
            index,
            keymap,
            reader: settings.reader.clone(),
            theme,
            colors: settings.theme.colors.clone(),
            color_env,
            width,
            height,
            layout: TextLayout::default(),
            scroll: 0,
            focus: Pane::Article,
            mode: Mode::Normal,
            help_scroll: 0,
            full_width: settings.reader.full_width,
            people: ListCursor::default(),
            places: ListCursor::default(),
            quotes: ListCursor::default(),
            selected: None,
            quote_filter: true,
            mark: None,
            search: None,
            message: None,
            reading,
            notes: NotesUi::new(settings.export.clone()),
            analysing: false,
            address: None,
            shelf: None,
            keeper: None,
            article_key: None,
            map: Default::default(),
            raw_analysis,
            orphaned: Vec::new(),
            chooser: None,
            last_general: None,
            feeds: super::feedlist::FeedsUi::new(&settings.feeds, &settings.clean),
        };
        app.relayout();
        Ok(app)
    }

    /// The analysis arrived after the reader opened: the panes fill, and the
    /// reading cursor and the selection stay where they were in the text.
    pub fn set_analysis(&mut self, analysis: Analysis) {
        let cursor = self.reading.current_span().map(|s| s.start);
        let selection = self.reading.selection;
        self.raw_analysis = analysis;
        self.apply_corrections_quietly();
        self.reading = Reading::new(&self.doc);
        if let Some(offset) = cursor {
            self.reading.current = self.reading.unit_at(offset);
        }
        self.reading.selection = selection;
        self.people = ListCursor::default();
        self.places = ListCursor::default();
        self.quotes = ListCursor::default();
        self.selected = None;
        self.map = Default::default();
        self.analysing = false;
        self.tell_orphans();
        super::update::refocus(self);
        super::passage::settle(self);
    }

    /// Apply the notebook's corrections to the analysis again (after one was
    /// made or undone, or the notes were opened): every pane, the
    /// highlighting and the jumps follow. Cursors stay in range.
    pub fn apply_corrections(&mut self) {
        let selected = self.selected.map(|id| self.name(id).to_string());
        self.apply_corrections_quietly();
        // the selection follows the entity by name, else goes
        self.selected = selected.and_then(|name| {
            self.doc
                .analysis
                .entities
                .iter()
                .position(|e| e.name == name)
                .map(EntityId)
        });
        for pane in [Pane::People, Pane::Places, Pane::Quotes] {
            let len = self.list_len(pane);
            if let Some(c) = self.cursor_mut(pane) {
                c.selected = c.selected.min(len.saturating_sub(1));
                c.offset = c.offset.min(c.selected);
            }
        }
    }

    /// Say so when corrections no longer find their text (they are kept).
    pub fn tell_orphans(&mut self) {
        if let Some(first) = self.orphaned.first() {
            let more = match self.orphaned.len() {
                1 => String::new(),
                n => format!(" (and {} more)", n - 1),
            };
            self.set_error(format!(
                "A correction no longer finds its text, kept: {first}{more}"
            ));
        }
    }

    /// The analysis with the corrections, and its index, without touching
    /// the cursors.
    fn apply_corrections_quietly(&mut self) {
        let corrections: Vec<crate::corrections::Correction> = self
            .notes
            .notebook
            .as_ref()
            .map(|nb| {
                nb.corrections()
                    .iter()
                    .map(|c| c.correction.clone())
                    .collect()
            })
            .unwrap_or_default();
        if corrections.is_empty() {
            self.doc.analysis = self.raw_analysis.clone();
            self.orphaned.clear();
        } else {
            let applied =
                crate::corrections::apply(&self.raw_analysis, &self.doc.article.text, &corrections);
            self.doc.analysis = applied.analysis;
            self.orphaned = applied
                .orphaned
                .iter()
                .map(|&i| corrections[i].describe())
                .collect();
        }
        self.index = AnalysisIndex::new(&self.doc);
    }

    /// The screen's areas, or `None` when the terminal is too small.
    pub fn areas(&self) -> Option<Areas> {
        Areas::new(self.width, self.height, self.full_width, &self.reader)
    }

    /// Wrap the text again if the text column's width changed, keeping the
    /// line at the top of the screen in place.
    pub fn relayout(&mut self) {
        let Some(areas) = self.areas() else { return };
        if areas.text.width != self.layout.width || self.layout.is_empty() {
            let anchor = self.top_offset();
            self.layout = TextLayout::new(&self.doc.article, areas.text.width);
            self.scroll = self.layout.line_of(anchor);
        }
        self.scroll = self.scroll.min(self.max_scroll());
    }

    /// Scroll so that byte `offset` is on the top line (a remembered position).
    pub fn go_to_offset(&mut self, offset: usize) {
        self.scroll = self.layout.line_of(offset).min(self.max_scroll());
        super::passage::settle(self);
        if self.scroll > 0 {
            let percent = self.percent();
            self.set_message(format!("Back where you left off ({percent}%)"));
        }
    }

    /// Lines of text on screen.
    pub fn text_height(&self) -> usize {
        self.areas()
            .map_or(1, |a| usize::from(a.text.height).max(1))
    }

    pub fn max_scroll(&self) -> usize {
        self.layout.len().saturating_sub(self.text_height())
    }

    /// Byte offset of the first character on screen.
    pub fn top_offset(&self) -> usize {
        self.layout.lines.get(self.scroll).map_or(0, |l| l.start)
    }

    /// How far through the article the reader is, in percent.
    pub fn percent(&self) -> u16 {
        let max = self.max_scroll();
        (self.scroll.min(max) * 100)
            .checked_div(max)
            .map_or(100, |p| p as u16)
    }

    /// Whether byte `offset` is on screen.
    pub fn is_visible(&self, offset: usize) -> bool {
        let line = self.layout.line_of(offset);
        line >= self.scroll && line < self.scroll + self.text_height()
    }

    /// Where "after the reading position" starts: just past the mark when it is
    /// on screen (so repeated jumps move on), else the top of the screen.
    /// The flag says whether a span starting exactly there counts as after.
    pub fn reading_position(&self) -> (usize, bool) {
        match self.mark {
            Some(m) if self.is_visible(m.start) => (m.start, false),
            _ => (self.top_offset(), true),
        }
    }

    /// Scroll so that byte `offset` is on screen, a third of the way down when
    /// it was not.
    pub fn reveal(&mut self, offset: usize) {
        if !self.is_visible(offset) {
            let line = self.layout.line_of(offset);
            self.scroll = line
                .saturating_sub(self.text_height() / 3)
                .min(self.max_scroll());
        }
    }

    /// The cursor of a list pane.
    pub fn cursor(&self, pane: Pane) -> ListCursor {
        match pane {
            Pane::People => self.people,
            Pane::Places => self.places,
            Pane::Quotes => self.quotes,
            Pane::Notes => self.notes.cursor,
            Pane::Article | Pane::Map => ListCursor::default(),
        }
    }

    pub fn cursor_mut(&mut self, pane: Pane) -> Option<&mut ListCursor> {
        match pane {
            Pane::People => Some(&mut self.people),
            Pane::Places => Some(&mut self.places),
            Pane::Quotes => Some(&mut self.quotes),
            Pane::Notes => Some(&mut self.notes.cursor),
            Pane::Article | Pane::Map => None,
        }
    }

    /// The entities listed in a pane.
    pub fn entities(&self, pane: Pane) -> &[EntityId] {
        match pane {
            Pane::People => &self.index.people,
            Pane::Places => &self.index.places,
            _ => &[],
        }
    }

    /// The person or organisation whose quotes the Quotes pane is narrowed to.
    pub fn quote_speaker(&self) -> Option<EntityId> {
        let id = self.selected?;
        let kind = self.doc.analysis.entities.get(id.0)?.kind;
        (self.quote_filter && kind != EntityKind::Place).then_some(id)
    }

    /// The quotes the Quotes pane lists, as indices of `analysis.quotes`.
    pub fn visible_quotes(&self) -> &[usize] {
        match self.quote_speaker() {
            Some(id) => self.index.quotes_by.get(id.0).map_or(&[], Vec::as_slice),
            None => &self.index.quotes,
        }
    }

    /// How many rows a list pane has.
    pub fn list_len(&self, pane: Pane) -> usize {
        match pane {
            Pane::People | Pane::Places => self.entities(pane).len(),
            Pane::Quotes => self.visible_quotes().len(),
            Pane::Notes => self.notes.visible().len(),
            Pane::Article | Pane::Map => 0,
        }
    }

    /// The quote under the Quotes pane's cursor.
    pub fn selected_quote(&self) -> Option<(usize, &Quote)> {
        let i = *self.visible_quotes().get(self.quotes.selected)?;
        Some((i, &self.doc.analysis.quotes[i]))
    }

    /// The mention that stands for entity `id` when a key acts on it: the
    /// marked one (reached with `n`/`N`) when it is the entity's, else its
    /// first; `None` when the text does not mention it.
    pub fn mention_for(&self, id: EntityId) -> Option<Span> {
        let mentions = self.index.mentions.get(id.0).map_or(&[][..], Vec::as_slice);
        self.mark
            .filter(|m| mentions.contains(m))
            .or_else(|| mentions.first().copied())
    }

    /// The entity under a list's cursor.
    pub fn entity_under_cursor(&self, pane: Pane) -> Option<EntityId> {
        self.entities(pane).get(self.cursor(pane).selected).copied()
    }

    /// The name of an entity, or "someone" for a dangling id.
    pub fn name(&self, id: EntityId) -> &str {
        self.doc
            .analysis
            .entities
            .get(id.0)
            .map_or("someone", |e| e.name.as_str())
    }

    /// Rows a list pane shows at once.
    pub fn list_height(&self, pane: Pane) -> usize {
        self.areas()
            .and_then(|a| a.list_rows(pane))
            .map_or(1, |r| usize::from(r.height).max(1))
    }

    pub fn set_message(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            error: false,
        });
    }

    pub fn set_error(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            error: true,
        });
    }

    /// The first key bound to an action, for messages that teach the keys.
    pub fn key(&self, action: super::action::Action) -> String {
        self.keymap
            .key_label(action)
            .unwrap_or_else(|| "(unbound)".to_string())
    }
}
