//! Laying the article out in lines of a given display width.
//!
//! Blocks are wrapped at Unicode line-break opportunities (UAX #14, so CJK text
//! breaks between characters and English at spaces), measured in terminal
//! cells per grapheme the way ratatui draws them. Every visual line keeps the
//! byte range of the article text it shows, so spans (mentions, quotes, search
//! matches) can be styled without looking at the text again. The layout is
//! computed once per width and kept in the [`super::App`].

use ratatui::buffer::CellWidth;
use unicode_linebreak::{BreakOpportunity, linebreaks};
use unicode_segmentation::UnicodeSegmentation;

use crate::article::{Article, BlockKind};

/// One line on screen: a byte range of the article text, or the gap between blocks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VisualLine {
    /// Byte offset of the first character shown.
    pub start: usize,
    /// Byte offset just past the last character shown (trailing spaces left out).
    pub end: usize,
    /// The block this line belongs to; `None` for the blank line between blocks.
    pub block: Option<usize>,
}

/// The article wrapped to one width.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TextLayout {
    pub width: u16,
    pub lines: Vec<VisualLine>,
}

/// The cells drawn before each line of a block of this kind: a block quote's
/// bar, a list item's bullet (and the same room on its next lines). They are
/// drawn, never part of the text.
pub fn gutter(kind: BlockKind, first_line: bool) -> &'static str {
    match kind {
        BlockKind::Quote => "│ ",
        BlockKind::Item if first_line => "• ",
        BlockKind::Item => "  ",
        _ => "",
    }
}

/// The width of a block's [`gutter`] in cells.
pub fn indent(kind: BlockKind) -> usize {
    gutter(kind, true).chars().count()
}

/// Width in terminal cells of one grapheme as the reader draws it: control
/// characters are drawn as one visible replacement character (see `sanitize`).
pub fn grapheme_width(g: &str) -> usize {
    if g.chars().any(char::is_control) {
        1
    } else {
        usize::from(g.cell_width())
    }
}

/// Width in terminal cells of a string as the reader draws it.
pub fn display_width(s: &str) -> usize {
    if s.is_ascii() && !s.bytes().any(|b| b.is_ascii_control()) {
        return s.len();
    }
    s.graphemes(true).map(grapheme_width).sum()
}

impl TextLayout {
    /// Wrap every block of `article` to `width` cells (less its [`indent`]),
    /// with a blank line between blocks.
    pub fn new(article: &Article, width: u16) -> Self {
        let mut lines = Vec::new();
        for (i, block) in article.blocks.iter().enumerate() {
            let Some(text) = article.text.get(block.span.start..block.span.end) else {
                continue; // a block outside the text: nothing to show
            };
            if !lines.is_empty() {
                lines.push(VisualLine {
                    start: block.span.start,
                    end: block.span.start,
                    block: None,
                });
            }
            let before = lines.len();
            let w = usize::from(width.max(1))
                .saturating_sub(indent(block.kind))
                .max(1);
            wrap_into(text, block.span.start, w, Some(i), &mut lines);
            if lines.len() == before {
                lines.push(VisualLine {
                    start: block.span.start,
                    end: block.span.start,
                    block: Some(i),
                });
            }
        }
        TextLayout { width, lines }
    }

    /// Index of the line showing byte `offset` (or the nearest line before it).
    pub fn line_of(&self, offset: usize) -> usize {
        self.lines
            .partition_point(|l| l.start <= offset)
            .saturating_sub(1)
    }

    /// Number of lines.
    pub fn len(&self) -> usize {
        self.lines.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }
}

/// Text on one line: runs of whitespace become one space.
pub fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `s` cut to at most `width` cells, ending in `…` when cut.
pub fn truncate(s: &str, width: usize) -> String {
    if display_width(s) <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for g in s.graphemes(true) {
        let w = grapheme_width(g);
        if used + w + 1 > width {
            break;
        }
        out.push_str(g);
        used += w;
    }
    out.push('…');
    out
}

/// A passage between quotation marks in at most `width` cells, always
/// closed: a passage that opens with a quotation mark of its own keeps it
/// rather than getting a second (“Man's greed…”, not ““Man's greed…”),
/// and one cut short or left open is closed.
pub fn quoted(passage: &str, width: usize) -> String {
    const OPENING: [char; 5] = ['“', '"', '«', '„', '‘'];
    if passage.starts_with(OPENING) {
        let mut inner = truncate(passage, width.saturating_sub(1));
        let opened = inner.matches(['“', '«', '„']).count();
        let closed = inner.matches(['”', '»']).count();
        if opened > closed || inner.matches('"').count() % 2 == 1 {
            inner.push(if passage.starts_with('«') {
                '»'
            } else {
                '”'
            });
        } else if passage.starts_with('‘') && !inner.ends_with('’') {
            inner.push('’');
        }
        inner
    } else {
        format!("“{}”", truncate(passage, width.saturating_sub(2)))
    }
}

/// The byte offset of the character drawn at `column` of `line`, if any.
pub fn offset_at(text: &str, line: &VisualLine, column: usize) -> Option<usize> {
    let shown = text.get(line.start..line.end)?;
    let mut x = 0;
    for (i, g) in shown.grapheme_indices(true) {
        x += grapheme_width(g);
        if column < x {
            return Some(line.start + i);
        }
    }
    None
}

/// `text` wrapped into lines of at most `width` cells (at least one line),
/// as the article is: for the help and long messages.
pub fn wrap(text: &str, width: usize) -> Vec<&str> {
    let mut lines = Vec::new();
    wrap_into(text, 0, width.max(1), None, &mut lines);
    if lines.is_empty() {
        return vec![""];
    }
    lines.iter().map(|l| &text[l.start..l.end]).collect()
}

/// Greedy first-fit wrapping of `text` (which starts at byte `base` of the
/// article) into lines of at most `width` cells.
fn wrap_into(
    text: &str,
    base: usize,
    width: usize,
    block: Option<usize>,
    out: &mut Vec<VisualLine>,
) {
    let emit = |out: &mut Vec<VisualLine>, start: usize, end: usize| {
        out.push(VisualLine {
            start: base + start,
            end: base + end,
            block,
        });
    };
    // The line being filled: its start, the end of its last word, and its
    // width including the spaces after that word.
    let (mut start, mut end, mut filled) = (0, 0, 0);
    let mut seg_start = 0;
    for (brk, opportunity) in linebreaks(text) {
        let segment = &text[seg_start..brk];
        let word = segment.trim_end_matches(char::is_whitespace);
        let word_width = display_width(word);
        let space_width = display_width(segment[word.len()..].trim_end_matches(['\n', '\r']));
        if end > start && filled + word_width > width {
            emit(out, start, end);
            (start, end, filled) = (seg_start, seg_start, 0);
        }
        if word_width > width {
            // A word wider than a line: cut it between graphemes.
            let mut chunk_width = 0;
            for (i, g) in word.grapheme_indices(true) {
                let gw = grapheme_width(g);
                if chunk_width > 0 && chunk_width + gw > width {
                    emit(out, start, seg_start + i);
                    start = seg_start + i;
                    chunk_width = 0;
                }
                chunk_width += gw;
            }
            end = seg_start + word.len();
            filled = chunk_width + space_width;
        } else {
            if !word.is_empty() {
                end = seg_start + word.len();
            }
            filled += word_width + space_width;
        }
        seg_start = brk;
        if opportunity == BreakOpportunity::Mandatory && brk < text.len() {
            emit(out, start, end.max(start));
            (start, end, filled) = (brk, brk, 0);
        }
    }
    if end > start {
        emit(out, start, end);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Block, BlockKind, Meta};
    use crate::span::Span;

    fn article(paragraphs: &[&str]) -> Article {
        let mut text = String::new();
        let mut blocks = Vec::new();
        for p in paragraphs {
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            let start = text.len();
            text.push_str(p);
            blocks.push(Block {
                kind: BlockKind::Paragraph,
                span: Span::new(start, text.len()),
            });
        }
        Article {
            text,
            blocks,
            meta: Meta::default(),
        }
    }

    fn shown(a: &Article, l: &TextLayout) -> Vec<String> {
        l.lines
            .iter()
            .map(|v| a.text[v.start..v.end].to_string())
            .collect()
    }

    #[test]
    fn english_wraps_at_spaces_within_the_width() {
        let a = article(&["The quick brown fox jumps over the lazy dog."]);
        let l = TextLayout::new(&a, 16);
        assert_eq!(
            shown(&a, &l),
            ["The quick brown", "fox jumps over", "the lazy dog."]
        );
    }

    #[test]
    fn blocks_are_separated_by_one_blank_line() {
        let a = article(&["One.", "Two."]);
        let l = TextLayout::new(&a, 20);
        assert_eq!(shown(&a, &l), ["One.", "", "Two."]);
        assert_eq!(l.lines[1].block, None);
        assert_eq!(l.lines[2].block, Some(1));
    }

    #[test]
    fn cjk_breaks_between_characters_and_counts_two_cells_each() {
        let a = article(&["東京都は日本の首都です。"]);
        let l = TextLayout::new(&a, 10);
        let lines = shown(&a, &l);
        assert!(lines.iter().all(|s| display_width(s) <= 10), "{lines:?}");
        assert_eq!(lines.concat(), "東京都は日本の首都です。");
        assert_eq!(display_width(&lines[0]), 10);
    }

    #[test]
    fn combining_marks_and_emoji_are_measured_as_drawn() {
        assert_eq!(display_width("e\u{301}te\u{301}"), 3);
        assert_eq!(display_width("👍🏽"), 2);
        assert_eq!(display_width("a\u{1b}b"), 3);
        let a = article(&["cafe\u{301} cafe\u{301} cafe\u{301}"]);
        let l = TextLayout::new(&a, 9);
        assert_eq!(shown(&a, &l), ["cafe\u{301} cafe\u{301}", "cafe\u{301}"]);
    }

    #[test]
    fn a_word_longer_than_the_line_is_cut() {
        let a = article(&["abcdefghij klm"]);
        let l = TextLayout::new(&a, 4);
        assert_eq!(shown(&a, &l), ["abcd", "efgh", "ij", "klm"]);
    }

    #[test]
    fn a_newline_inside_a_block_breaks_the_line() {
        let a = article(&["first line\nsecond"]);
        let l = TextLayout::new(&a, 40);
        assert_eq!(shown(&a, &l), ["first line", "second"]);
    }

    #[test]
    fn every_line_fits_and_the_text_is_covered_in_order() {
        let para = "Secretary of State Michael Pompeo told South Korean President Moon Jae-in \
                    when he arrived in Seoul that Kim had agreed to meet “as soon as possible.”";
        let a = article(&[para, "東京 and 서울 — 🇰🇷 flags, naïve café."]);
        for width in 1..60 {
            let l = TextLayout::new(&a, width);
            let mut last = 0;
            for v in &l.lines {
                assert!(v.start >= last && v.end >= v.start);
                let s = &a.text[v.start..v.end];
                assert!(
                    display_width(s) <= usize::from(width) || s.graphemes(true).count() == 1,
                    "width {width}: {s:?}"
                );
                last = v.end;
            }
            let words: String = shown(&a, &l).concat().split_whitespace().collect();
            let want: String = a.text.split_whitespace().collect();
            assert_eq!(words, want, "width {width}");
        }
    }

    #[test]
    fn line_of_finds_the_line_showing_an_offset() {
        let a = article(&["The quick brown fox jumps over the lazy dog."]);
        let l = TextLayout::new(&a, 16);
        let fox = a.text.find("fox").unwrap();
        assert_eq!(l.line_of(fox), 1);
        assert_eq!(l.line_of(0), 0);
        assert_eq!(l.line_of(a.text.len()), 2);
    }

    #[test]
    fn a_quoted_passage_is_closed_and_never_doubles_its_own_mark() {
        assert_eq!(quoted("Man's greed", 40), "“Man's greed”");
        assert_eq!(
            quoted("“Man's greed is endless,” she said.", 80),
            "“Man's greed is endless,” she said."
        );
        // its own quotation, left open in the passage, is closed
        assert_eq!(
            quoted("“Man's greed is endless", 80),
            "“Man's greed is endless”"
        );
        // cut short: closed after the ellipsis, within the width
        let cut = quoted("“Man's greed is endless, and so is ours", 16);
        assert!(cut.starts_with("“Man") && cut.ends_with("…”"), "{cut}");
        assert!(display_width(&cut) <= 16, "{cut}");
        let cut = quoted("a passage far longer than the room", 12);
        assert!(
            cut.starts_with('“') && cut.ends_with("…”") && display_width(&cut) <= 12,
            "{cut}"
        );
    }
}
