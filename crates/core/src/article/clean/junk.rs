//! Scraper junk that takes whole lines: ad and share lines, links to other
//! stories with the headlines listed after them, photo credits, newsletter
//! prompts with their taglines, image placeholders.

use std::borrow::Cow;

use memchr::memchr_iter;

use super::CleanOptions;
use super::chars::tidy_line;
use super::patterns::Haystack;

/// A line of the text after junk removal, or a paragraph break.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Item<'t> {
    Line(Line<'t>),
    /// One or more blank lines.
    Break,
}

/// A tidied, non-empty line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line<'t> {
    pub text: Cow<'t, str>,
    /// Its length in characters.
    pub chars: usize,
    /// The line came right after an image placeholder: it is the image's caption.
    pub after_image: bool,
}

/// Tidy the lines of `text` and drop the junk ones. A dropped line leaves a
/// paragraph break, so that text around it is never glued together.
pub fn filter_lines<'t>(text: &'t str, options: &CleanOptions) -> Vec<Item<'t>> {
    let mut items: Vec<Item> = Vec::new();
    let mut filter = LineFilter::default();
    for raw in split_lines(text) {
        let line = tidy_line(raw);
        if line.is_empty() {
            push_break(&mut items);
            continue;
        }
        let chars = line.chars().count();
        match filter.judge(&line, chars, options) {
            Verdict::Keep { after_image } => items.push(Item::Line(Line {
                text: line,
                chars,
                after_image,
            })),
            Verdict::Drop => push_break(&mut items),
        }
    }
    while items.last() == Some(&Item::Break) {
        items.pop();
    }
    items
}

/// What becomes of a tidied line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// The line stays; `after_image`: it came right after an image placeholder.
    Keep { after_image: bool },
    /// Junk, a link intro or its headlines, a promo line or its tagline, or
    /// an image placeholder.
    Drop,
}

/// Judges tidied, non-empty lines one after another, remembering what the
/// line before was (a promo line, an image placeholder): the text cleaner's
/// lines and an HTML page's blocks are judged alike. A blank line between two
/// lines changes nothing.
#[derive(Debug, Default)]
pub struct LineFilter {
    after_image: bool,
    after_promo: bool,
    /// The lines before were a link intro and perhaps its headlines.
    in_links: bool,
}

impl LineFilter {
    /// The lines after this one are no longer taken for a link intro's
    /// headlines (an HTML page's heading ends such a list).
    pub fn end_links(&mut self) {
        self.in_links = false;
    }

    /// The verdict on the next line (`chars`: its length in characters).
    pub fn judge(&mut self, line: &str, chars: usize, options: &CleanOptions) -> Verdict {
        if chars > options.junk_line_max_chars {
            let after_image = self.after_image;
            self.after_promo = false;
            self.after_image = false;
            self.in_links = false;
            return Verdict::Keep { after_image };
        }
        let hay = Haystack::new(line);
        if std::mem::take(&mut self.in_links)
            && line
                .split_whitespace()
                .nth(options.title_max_words)
                .is_none()
            && options.link_headlines.matches_in(&hay)
        {
            self.in_links = true;
            return Verdict::Drop;
        }
        let tagline = self.after_promo && options.promo_taglines.matches_in(&hay);
        self.after_promo = false;
        if options.link_intros.matches_in(&hay) {
            self.in_links = true;
            Verdict::Drop
        } else if options.junk_lines.matches_in(&hay) || tagline {
            Verdict::Drop
        } else if options.promo_lines.matches_in(&hay) {
            self.after_promo = true;
            Verdict::Drop
        } else if options.image_placeholders.matches_in(&hay) {
            self.after_image = true;
            Verdict::Drop
        } else {
            let after_image = self.after_image;
            self.after_image = false;
            Verdict::Keep { after_image }
        }
    }
}

/// The lines of `text` as `text.split('\n')` gives them (an empty one after a
/// final newline too), found with the vectorised `memchr` rather than the
/// standard library's word-at-a-time search.
fn split_lines(text: &str) -> impl Iterator<Item = &str> {
    let mut start = 0;
    let ends = memchr_iter(b'\n', text.as_bytes()).chain([text.len()]);
    ends.map(move |end| {
        // a newline is ASCII: both ends are character boundaries
        let line = &text[start..end];
        start = end + 1;
        line
    })
}

fn push_break(items: &mut Vec<Item>) {
    if !matches!(items.last(), None | Some(Item::Break)) {
        items.push(Item::Break);
    }
}

#[cfg(test)]
mod tests {
    use super::split_lines;

    #[test]
    fn lines_are_split_as_the_standard_library_splits_them() {
        for text in [
            "",
            "\n",
            "a",
            "a\n",
            "\na",
            "a\n\nb\n",
            "é\n€\n\n😀",
            "\n\n",
        ] {
            let ours: Vec<&str> = split_lines(text).collect();
            let std: Vec<&str> = text.split('\n').collect();
            assert_eq!(ours, std, "{text:?}");
        }
    }
}
