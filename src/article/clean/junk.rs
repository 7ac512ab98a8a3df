//! Scraper junk that takes whole lines: ad and share lines, newsletter
//! prompts with their taglines, image placeholders.

use std::borrow::Cow;

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
    let mut after_image = false;
    let mut after_promo = false;
    for raw in text.split('\n') {
        let line = tidy_line(raw);
        if line.is_empty() {
            push_break(&mut items);
            continue;
        }
        let chars = line.chars().count();
        if chars > options.junk_line_max_chars {
            items.push(Item::Line(Line {
                text: line,
                chars,
                after_image,
            }));
            after_promo = false;
            after_image = false;
            continue;
        }
        let hay = Haystack::new(&line);
        let tagline = after_promo && options.promo_taglines.matches_in(&hay);
        after_promo = false;
        if options.junk_lines.matches_in(&hay) || tagline {
            push_break(&mut items);
        } else if options.promo_lines.matches_in(&hay) {
            after_promo = true;
            push_break(&mut items);
        } else if options.image_placeholders.matches_in(&hay) {
            after_image = true;
            push_break(&mut items);
        } else {
            items.push(Item::Line(Line {
                text: line,
                chars,
                after_image,
            }));
            after_image = false;
        }
    }
    while items.last() == Some(&Item::Break) {
        items.pop();
    }
    items
}

fn push_break(items: &mut Vec<Item>) {
    if !matches!(items.last(), None | Some(Item::Break)) {
        items.push(Item::Break);
    }
}
