//! Lines to blocks: hard-wrapped lines joined, each block given its kind,
//! byline, date and wire source copied to [`Meta`], the text assembled.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;

use super::CleanOptions;
use super::junk::{Item, Line};
use crate::article::{Block, BlockKind, Meta};
use crate::span::Span;

/// A block's text before it is placed in the article.
struct Draft<'t> {
    kind: BlockKind,
    /// Borrowed from the cleaned text unless lines were joined.
    text: Cow<'t, str>,
    /// Its length in characters.
    chars: usize,
    after_image: bool,
    /// Joined to the block before by one space instead of a blank line (a
    /// paragraph after its dateline).
    same_line: bool,
}

/// Build the article text and its blocks from the filtered lines.
pub fn build(items: &[Item], options: &CleanOptions, meta: &mut Meta) -> (String, Vec<Block>) {
    let mut drafts = group(items);
    mark_items(&mut drafts);
    classify(&mut drafts, options, meta);
    let drafts = split_datelines(drafts, options, meta);
    assemble(drafts)
}

/// Build the article text from blocks whose kinds are already known (an HTML
/// page's headings, paragraphs, list items, ...), each a cleaned, tidied
/// line: the kinds are kept; a byline or a date line among the first blocks
/// fills `meta` where it is still empty (the line stays); a dateline is split
/// off one of the first paragraphs, as in text.
pub fn build_known<'t>(
    blocks: Vec<(BlockKind, Cow<'t, str>)>,
    options: &CleanOptions,
    meta: &mut Meta,
) -> (String, Vec<Block>) {
    let first_body = usize::from(blocks.first().is_some_and(|(k, _)| *k == BlockKind::Title));
    let front = first_body + options.front_matter_blocks;
    let mut drafts: Vec<Draft> = blocks
        .into_iter()
        .enumerate()
        .map(|(i, (kind, text))| {
            if i < front && kind == BlockKind::Paragraph {
                front_matter(&text, options, meta);
            }
            Draft {
                kind,
                chars: text.chars().count(),
                text,
                after_image: false,
                same_line: false,
            }
        })
        .collect();
    if let Some(title) = drafts.first_mut().filter(|d| d.kind == BlockKind::Title) {
        title_byline(title, options, meta);
    }
    mark_items(&mut drafts);
    let drafts = split_datelines(drafts, options, meta);
    assemble(drafts)
}

/// A paragraph near the top that is a date line or a byline fills
/// `meta.published` or `meta.byline` if still unknown.
fn front_matter(text: &str, options: &CleanOptions, meta: &mut Meta) {
    if options.dates.matches(text) {
        if meta.published.is_none() {
            meta.published = Some(text.to_string());
        }
    } else if meta.byline.is_none()
        && let Some(byline) = options.bylines.captures(text)
    {
        let name = byline.name("name").unwrap_or(text);
        meta.byline = Some(name.trim().to_string());
    }
}

/// Group lines into blocks. A blank line always ends a block. In hard-wrapped
/// text (most lines close to one width of at most 100 characters) a line that
/// fills the width continues on the next; otherwise every line is a block.
fn group<'t>(items: &[Item<'t>]) -> Vec<Draft<'t>> {
    let width = wrap_width(items);
    let mut drafts: Vec<Draft> = Vec::new();
    let mut open = false;
    let mut last_len = 0;
    for item in items {
        let line = match item {
            Item::Break => {
                open = false;
                continue;
            }
            Item::Line(line) => line,
        };
        let len = line.chars;
        let continues = open
            && width.is_some_and(|w| last_len * 10 >= w * 7)
            && !line.after_image
            && !is_list_item(&line.text);
        match drafts.last_mut() {
            Some(draft) if continues => {
                let text = draft.text.to_mut();
                text.push(' ');
                text.push_str(&line.text);
                draft.chars += 1 + len;
            }
            _ => drafts.push(draft_of(line)),
        }
        open = true;
        last_len = len;
    }
    drafts
}

fn draft_of<'t>(line: &Line<'t>) -> Draft<'t> {
    Draft {
        kind: BlockKind::Paragraph,
        text: line.text.clone(),
        chars: line.chars,
        after_image: line.after_image,
        same_line: false,
    }
}

static LIST_ITEM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:[-*•‣◦▪]|\d{1,3}[.)])\s").expect("valid regex"));

/// The length in bytes of the bullet a line starts with, with the spaces
/// after it (not of a number: a numbered line stays as written).
fn bullet(line: &str) -> Option<usize> {
    let first = line.chars().next()?;
    if first.is_numeric() || !is_list_item(line) {
        return None;
    }
    let rest = line[first.len_utf8()..].trim_start();
    // a row of bullets ("* * *") is a section break, not an item
    rest.chars()
        .next()
        .is_some_and(|c| c.is_alphanumeric() || "\"'“‘(<[".contains(c))
        .then_some(line.len() - rest.len())
}

/// Bulleted lines as list items, in text and in an HTML page's blocks alike:
/// a paragraph that starts with a bullet (`- `, `* `, `• `) is an item, its
/// bullet dropped (the reader draws one); an item that starts with one
/// (a bullet typed inside an HTML list item) loses it too. A numbered line
/// keeps its number and its kind.
fn mark_items(drafts: &mut [Draft]) {
    for draft in drafts {
        if !matches!(draft.kind, BlockKind::Paragraph | BlockKind::Item) {
            continue;
        }
        let Some(len) = bullet(&draft.text).filter(|&len| len < draft.text.len()) else {
            continue;
        };
        draft.text = match std::mem::take(&mut draft.text) {
            Cow::Borrowed(t) => Cow::Borrowed(&t[len..]),
            Cow::Owned(t) => Cow::Owned(t[len..].to_string()),
        };
        draft.chars = draft.text.chars().count();
        draft.kind = BlockKind::Item;
    }
}

/// A title that ends with its author (`title_bylines`): the author goes to
/// `meta.byline` (unless another byline is known, or it is the site's
/// name, or starts with a determiner: "| The Guardian"), the title keeps
/// the rest.
fn title_byline(title: &mut Draft, options: &CleanOptions, meta: &mut Meta) {
    let Some(found) = options.title_bylines.captures(&title.text) else {
        return;
    };
    let (Some(name), Some(rest)) = (found.name("name"), found.name("title")) else {
        return;
    };
    let name = name.trim();
    let rest = rest.trim();
    let first = name.split_whitespace().next().unwrap_or("");
    let determiner = crate::lists::builtin()
        .determiners
        .contains(&first.to_lowercase());
    let site = meta
        .site
        .as_deref()
        .is_some_and(|s| s.eq_ignore_ascii_case(name));
    let other = meta.byline.as_deref().is_some_and(|b| b != name);
    if rest.is_empty() || determiner || site || other {
        return;
    }
    meta.byline = Some(name.to_string());
    let rest = rest.to_string();
    title.chars = rest.chars().count();
    title.text = Cow::Owned(rest);
}

/// A bullet or a number of one to three digits with `.` or `)`, then a space.
fn is_list_item(line: &str) -> bool {
    // only a line that starts with a bullet or a digit can be one: the regex
    // is compiled for such lines alone
    let candidate = line.starts_with(['-', '*', '•', '‣', '◦'])
        || line.chars().next().is_some_and(char::is_numeric);
    candidate && LIST_ITEM.is_match(line)
}

/// The width text was hard-wrapped at, if it was.
fn wrap_width(items: &[Item]) -> Option<usize> {
    let mut lens: Vec<usize> = items
        .iter()
        .filter_map(|item| match item {
            Item::Line(line) => Some(line.chars),
            Item::Break => None,
        })
        .collect();
    if lens.len() < 5 {
        return None;
    }
    lens.sort_unstable();
    let width = lens[lens.len() * 9 / 10];
    let full = lens.iter().filter(|&&l| l * 10 >= width * 7).count();
    ((30..=100).contains(&width) && full * 2 >= lens.len()).then_some(width)
}

/// Give each block its kind, and fill the byline and the date.
fn classify(drafts: &mut [Draft], options: &CleanOptions, meta: &mut Meta) {
    let count = drafts.len();
    let has_title = drafts.first().is_some_and(|d| {
        d.kind == BlockKind::Paragraph
            && is_title(&d.text, options.title_max_words, options.title_max_chars)
    });
    for (i, draft) in drafts.iter_mut().enumerate() {
        if i == 0 && has_title {
            draft.kind = BlockKind::Title;
            continue;
        }
        if draft.kind == BlockKind::Item {
            continue;
        }
        let text = draft.text.as_ref();
        let front = i <= options.front_matter_blocks;
        let short = draft.chars <= options.caption_max_chars;
        let captioned = short && (draft.after_image || options.captions.is_match(text));
        if captioned {
            draft.kind = BlockKind::Caption;
        } else if options.dates.matches(text) {
            if front && meta.published.is_none() {
                meta.published = Some(text.to_string());
            }
        } else if let Some(byline) = front.then(|| options.bylines.captures(text)).flatten() {
            if meta.byline.is_none() {
                let name = byline.name("name").unwrap_or(text);
                meta.byline = Some(name.trim().to_string());
            }
        } else if i + 1 < count && is_heading(text, draft.chars, options.heading_max_words) {
            draft.kind = BlockKind::Heading;
        }
    }
    // after the byline lines: one of them wins over a different name after the bar
    if let Some(title) = drafts.first_mut().filter(|d| d.kind == BlockKind::Title) {
        title_byline(title, options, meta);
    }
}

/// Split a dateline off the start of one of the first paragraphs.
fn split_datelines<'t>(
    drafts: Vec<Draft<'t>>,
    options: &CleanOptions,
    meta: &mut Meta,
) -> Vec<Draft<'t>> {
    let mut out = Vec::with_capacity(drafts.len() + 1);
    let mut paragraphs_seen = 0;
    let mut found = false;
    for draft in drafts {
        let eligible = !found
            && draft.kind == BlockKind::Paragraph
            && paragraphs_seen < options.dateline_paragraphs;
        if draft.kind == BlockKind::Paragraph {
            paragraphs_seen += 1;
        }
        let split = eligible
            .then(|| options.datelines.captures(&draft.text))
            .flatten()
            .and_then(|caps| {
                let whole = caps.range();
                let dateline = draft.text[whole.clone()].trim_end();
                let rest = draft.text[whole.end..].trim_start();
                let source = caps.name("source").map(|m| m.trim().to_string());
                (!dateline.is_empty() && !rest.is_empty())
                    .then(|| (dateline.to_string(), rest.to_string(), source))
            });
        match split {
            Some((dateline, rest, source)) => {
                found = true;
                if source.as_deref().is_some_and(|s| !s.is_empty()) {
                    meta.source = source;
                }
                out.push(Draft {
                    kind: BlockKind::Dateline,
                    chars: dateline.chars().count(),
                    text: Cow::Owned(dateline),
                    after_image: false,
                    same_line: false,
                });
                out.push(Draft {
                    kind: BlockKind::Paragraph,
                    chars: rest.chars().count(),
                    text: Cow::Owned(rest),
                    after_image: false,
                    same_line: true,
                });
            }
            None => out.push(draft),
        }
    }
    out
}

/// Join the blocks: a blank line between blocks, one space after a dateline.
fn assemble(drafts: Vec<Draft>) -> (String, Vec<Block>) {
    let total: usize = drafts.iter().map(|d| d.text.len() + 2).sum();
    let mut text = String::with_capacity(total);
    let mut blocks = Vec::with_capacity(drafts.len());
    for draft in drafts {
        if !text.is_empty() {
            text.push_str(if draft.same_line { " " } else { "\n\n" });
        }
        let start = text.len();
        text.push_str(&draft.text);
        blocks.push(Block {
            kind: draft.kind,
            span: Span::new(start, text.len()),
        });
    }
    (text, blocks)
}

fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

/// A sentence end followed by the start of another sentence. A period after
/// a short word (`Mr.`, `U.S.`, `St.`, an initial) does not count.
static SENTENCE_BREAK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"([\p{L}\p{N}]+)([.!?]+)["'”’)\]]*\s+["'“‘(\[]?[\p{Lu}\p{N}]"#)
        .expect("valid regex")
});

fn has_two_sentences(text: &str) -> bool {
    // no sentence ends without one of these (the regex is compiled only then)
    if !text.contains(['.', '!', '?']) {
        return false;
    }
    SENTENCE_BREAK.captures_iter(text).any(|c| {
        let word = &c[1];
        !c[2].starts_with('.')
            || (word.chars().count() >= 4
                && !crate::lists::builtin().long_abbreviations.contains(word))
            || word.chars().all(|ch| ch.is_ascii_digit())
    })
}

/// The first line is the title unless it reads like a paragraph: too many
/// words, or more than one sentence.
fn is_title(text: &str, max_words: usize, max_chars: usize) -> bool {
    text.chars().nth(max_chars).is_none()
        && word_count(text) <= max_words
        && !has_two_sentences(text)
}

/// Closing quotes and brackets, looked through to find a line's last mark.
const CLOSERS: &[char] = &['\'', '"', '’', '”', ')', ']', '»', '›', '」', '』', '*'];
/// Punctuation that ends a sentence or a clause, in the scripts gloss reads.
const CLOSING_PUNCTUATION: &[char] = &[
    '.', ',', ';', ':', '!', '?', '…', '。', '！', '？', '；', '：', '，', '、', '؟', '؛', '،', '۔',
];

/// A heading: a short line that does not start in lower case and does not end
/// with closing punctuation (`Second summit`, `'Good future'`); `chars`
/// is its length in characters.
fn is_heading(text: &str, chars: usize, max_words: usize) -> bool {
    if chars > 120 {
        return false;
    }
    // counting stops past the most a heading may have
    let words = text.split_whitespace().take(max_words + 1).count();
    if words == 0 || words > max_words {
        return false;
    }
    let last = text.trim_end_matches(CLOSERS).chars().next_back();
    if last.is_none_or(|c| CLOSING_PUNCTUATION.contains(&c)) || is_credited_quote(text) {
        return false;
    }
    text.chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(|c| !c.is_lowercase())
}

/// Whether a quotation that ends its sentence is followed by a dash and
/// who said it (`“He is no leader.” ― Ana Ruiz`): a quote with its credit,
/// however short, is no heading.
fn is_credited_quote(text: &str) -> bool {
    text.match_indices(['”', '"', '»']).any(|(i, mark)| {
        let ends_sentence = text[..i]
            .chars()
            .next_back()
            .is_some_and(|c| CLOSING_PUNCTUATION.contains(&c));
        let after = text[i + mark.len()..].trim_start();
        ends_sentence
            && after.starts_with(['―', '—', '–', '-'])
            && after
                .trim_start_matches(['―', '—', '–', '-'])
                .trim_start()
                .starts_with(char::is_uppercase)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_are_short_lines_without_closing_punctuation() {
        for heading in [
            "Second summit",
            "'Good future'",
            "Trump \"generous\"",
            "1. Introduction",
            "Ближний Восток",
            "市场反应",
        ] {
            assert!(
                is_heading(heading, heading.chars().count(), 12),
                "{heading}"
            );
        }
        for not in [
            "He left.",
            "Is it over?",
            "a lower-case fragment",
            "Then he said:",
            "“Quoted sentence.”",
            "“The worst candidate ever to run.” ― Ana Ruiz",
            "\"Never again!\" - Tom Lee",
            "",
        ] {
            assert!(!is_heading(not, not.chars().count(), 12), "{not}");
        }
        let long = "This line has far too many words to be a heading of any article at all";
        assert!(!is_heading(long, long.chars().count(), 12));
    }

    #[test]
    fn two_sentences_but_not_abbreviations() {
        assert!(has_two_sentences("It rained. Then it stopped."));
        assert!(has_two_sentences(
            "Case 22-506, Biden versus Nebraska. General Prelogar."
        ));
        assert!(has_two_sentences("Is it? Yes."));
        assert!(!has_two_sentences("Mr. Smith Goes to Washington"));
        assert!(!has_two_sentences(
            "How Winter Wreaks Havoc on What’s Underneath N.Y.C."
        ));
        assert!(!has_two_sentences("U.S. Sen. Warren and St. Louis"));
        assert!(!has_two_sentences("Prof. Ada Lovelace Returns"));
    }
}
