//! Cleaning scraped text into an [`Article`].
//!
//! The steps, in order:
//! 1. line breaks normalised (CRLF, CR, U+2028, ...);
//! 2. HTML character references decoded, mangled ones too ([`entities`]);
//! 3. mojibake repaired ([`mojibake`], `fix_mojibake`);
//! 4. terminal escape sequences, control characters, bidi overrides and
//!    invisible characters removed ([`chars`]);
//! 5. `rewrites` applied, `junk_markers` removed, text put in NFC;
//! 6. lines tidied (spaces collapsed, trimmed); junk, promotional,
//!    link (an intro such as "Read more:" and the headlines after it),
//!    photo-credit and image-placeholder lines dropped ([`junk`]);
//! 7. lines grouped into blocks and each block given its kind: title,
//!    heading, dateline, caption, list item (a bulleted line, its bullet
//!    dropped), paragraph; byline (also from a title ending "| Jane Smith"),
//!    date and wire source go to [`Meta`] ([`blocks`]).
//!
//! What each step matches is configurable: the `[clean]` section of
//! `config.toml`, deserialized into [`CleanOptions`].

mod blocks;
mod chars;
mod entities;
mod junk;
mod mojibake;
mod patterns;

use std::borrow::Cow;

use serde::Deserialize;

use super::{Article, Block, BlockKind, Meta};
pub use patterns::{
    Found, InlinePatterns, LinePatterns, Pattern, PrefixPatterns, Trust, with_trust,
};

/// Options for cleaning: the `[clean]` section of the configuration
/// (documented option by option in `config.toml`).
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CleanOptions {
    /// Repair UTF-8 that was decoded as Windows-1252 ("CafÃ©").
    pub fix_mojibake: bool,
    /// Replacements applied to the whole text before anything else is matched.
    pub rewrites: Vec<Rewrite>,
    /// Removed wherever they occur, also glued to other text.
    pub junk_markers: InlinePatterns,
    /// Longer lines are never junk, promo or placeholder lines.
    pub junk_line_max_chars: usize,
    /// A line that one of these matches entirely is removed.
    pub junk_lines: LinePatterns,
    /// Lines that introduce links to other stories: removed, with the
    /// headlines after them.
    pub link_intros: LinePatterns,
    /// A line after a link intro (or after such a line) that one of these
    /// matches, with at most `title_max_words` words, is removed too.
    pub link_headlines: LinePatterns,
    /// Newsletter and subscription prompts: removed, with a tagline after them.
    pub promo_lines: LinePatterns,
    /// A line right after a promo line that one of these matches is removed too.
    pub promo_taglines: LinePatterns,
    /// Image placeholders: removed; the line after one is a caption.
    pub image_placeholders: LinePatterns,
    /// A block in which one of these is found is a caption.
    pub captions: InlinePatterns,
    /// Longer blocks are never captions.
    pub caption_max_chars: usize,
    /// Bylines (whole line); the group `name` goes to `meta.byline`.
    pub bylines: LinePatterns,
    /// A title ending with its author: the group `title` stays, the group
    /// `name` goes to `meta.byline`.
    pub title_bylines: LinePatterns,
    /// Date lines (whole line): the first goes to `meta.published`.
    pub dates: LinePatterns,
    /// Bylines and dates are looked for in this many blocks after the title.
    pub front_matter_blocks: usize,
    /// Datelines at the start of one of the first paragraphs; the group
    /// `source` goes to `meta.source`.
    pub datelines: PrefixPatterns,
    /// How many of the first paragraphs may start with a dateline.
    pub dateline_paragraphs: usize,
    /// A first line with more words, or with two sentences, is no title.
    pub title_max_words: usize,
    /// A heading has at most this many words and no closing punctuation.
    pub heading_max_words: usize,
    /// A first line (or a page's title) longer than this many characters is
    /// no title: `[limits] title-chars` of the configuration, which sets it;
    /// the built-in default otherwise.
    #[serde(skip_deserializing, default = "default_title_chars")]
    pub title_max_chars: usize,
}

/// `title-chars` of the built-in `[limits]` table.
pub fn default_title_chars() -> usize {
    static CHARS: std::sync::LazyLock<usize> = std::sync::LazyLock::new(|| {
        default_table("limits")
            .get("title-chars")
            .and_then(toml::Value::as_integer)
            .and_then(|n| usize::try_from(n).ok())
            .unwrap_or_else(|| panic!("built-in config.toml: no [limits] title-chars"))
    });
    *CHARS
}

/// A replacement: every match of `pattern` becomes `with` (`$1`, `${name}` refer to groups).
/// A group `with` names must be one of the pattern's (else every match would
/// become nothing): a rule that names another is refused as it is read.
#[derive(Clone, Debug, Deserialize)]
#[serde(try_from = "RawRewrite")]
pub struct Rewrite {
    pub pattern: Pattern,
    pub with: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRewrite {
    pattern: Pattern,
    with: String,
}

impl TryFrom<RawRewrite> for Rewrite {
    type Error = String;

    fn try_from(RawRewrite { pattern, with }: RawRewrite) -> Result<Self, String> {
        Rewrite::new(pattern, with)
    }
}

impl Rewrite {
    /// A rewrite whose `with` names only groups `pattern` has.
    pub fn new(pattern: Pattern, with: String) -> Result<Rewrite, String> {
        let groups = pattern.groups();
        for reference in patterns::group_references(&with) {
            let found = match &reference.group {
                patterns::Group::Index(i) => *i < groups.count,
                patterns::Group::Name(name) => groups.names.iter().any(|n| n == name),
            };
            if !found {
                let mut has: Vec<String> = (0..groups.count).map(|i| format!("${i}")).collect();
                has.extend(groups.names.iter().map(|n| format!("${{{n}}}")));
                return Err(format!(
                    "`{}` names no group of the pattern `{}` (it has {}); every match would \
                     be replaced by nothing",
                    reference.written,
                    pattern.written(),
                    has.join(", ")
                ));
            }
        }
        Ok(Rewrite { pattern, with })
    }
}

impl CleanOptions {
    /// Every pattern, as written in the configuration.
    pub fn pattern_sources(&self) -> impl Iterator<Item = &str> {
        let lines = [
            &self.junk_lines,
            &self.link_intros,
            &self.link_headlines,
            &self.promo_lines,
            &self.promo_taglines,
            &self.image_placeholders,
            &self.bylines,
            &self.title_bylines,
            &self.dates,
        ];
        self.rewrites
            .iter()
            .flat_map(|rw| rw.pattern.sources())
            .chain(self.junk_markers.sources())
            .chain(self.captions.sources())
            .chain(lines.into_iter().flat_map(LinePatterns::sources))
            .chain(self.datelines.sources())
    }
}

/// gloss's documented configuration file, whose `[clean]` table holds the
/// cleaning defaults: one file for the defaults the reader runs with, the ones
/// this crate cleans with, and their documentation.
pub const DEFAULT_CONFIG: &str = include_str!("../../../../config.toml");

/// One table of [`DEFAULT_CONFIG`] (`clean`, `keys`, ...), without the
/// merge's own `replace` key: a section's defaults, read on their own.
pub fn default_table(name: &str) -> toml::Table {
    let mut config: toml::Table = DEFAULT_CONFIG
        .parse()
        .unwrap_or_else(|e| panic!("built-in config.toml is invalid: {e}"));
    let Some(toml::Value::Table(mut table)) = config.remove(name) else {
        panic!("built-in config.toml has no [{name}] table");
    };
    table.remove("replace");
    table
}

impl CleanOptions {
    /// The `[clean]` table of [`DEFAULT_CONFIG`], parsed anew (nothing compiled yet).
    pub fn builtin() -> CleanOptions {
        // the built-in patterns are known to be valid (the tests compile them all)
        with_trust(Trust::Everything, || default_table("clean").try_into())
            .unwrap_or_else(|e| panic!("built-in [clean] is invalid: {e}"))
    }
}

impl Default for CleanOptions {
    /// The defaults of `config.toml`, parsed once.
    fn default() -> Self {
        static BUILTIN: std::sync::LazyLock<CleanOptions> =
            std::sync::LazyLock::new(CleanOptions::builtin);
        BUILTIN.clone()
    }
}

/// Clean decoded text into an article.
pub fn clean(raw: &str, options: &CleanOptions) -> Article {
    let text = chars::normalize_newlines(raw);
    let text = cow_then(text, entities::decode);
    let text = if options.fix_mojibake {
        cow_then(text, mojibake::repair)
    } else {
        text
    };
    let text = cow_then(text, chars::strip_controls);
    let text = options.rewrites.iter().fold(text, |text, rw| {
        cow_then(text, |t| rw.pattern.replace_all(t, rw.with.as_str()))
    });
    let text = cow_then(text, |t| options.junk_markers.remove_all(t));
    let text = cow_then(text, chars::nfc);
    let lines = junk::filter_lines(&text, options);
    let mut meta = Meta::default();
    let (text, blocks) = blocks::build(&lines, options, &mut meta);
    Article { text, blocks, meta }
}

/// Clean blocks whose kinds are already known (an HTML page's title,
/// headings, paragraphs, quotes, list items, captions), in reading order:
/// each block's text goes through the steps a line of text goes through
/// (mojibake repaired when `fix_mojibake`; step 4: control and invisible
/// characters; step 5: `rewrites`, `junk_markers`, NFC; step 6: spaces
/// collapsed, junk, promo and image-placeholder lines dropped), without
/// guessing kinds again; then a byline or date line near the top fills
/// `meta` where still unknown, and a dateline is split off one of the first
/// paragraphs. Line breaks inside a block become spaces. Returns the text and
/// its blocks, which keep the invariants of [`Article`].
pub fn clean_blocks<'a>(
    blocks: impl IntoIterator<Item = (BlockKind, &'a str)>,
    options: &CleanOptions,
    meta: &mut Meta,
) -> (String, Vec<Block>) {
    let mut filter = junk::LineFilter::default();
    let mut kept: Vec<(BlockKind, Cow<str>)> = Vec::new();
    for (kind, raw) in blocks {
        let mut text = clean_line(raw, options);
        if text.contains('\n') {
            // a rewrite may have made one
            text = Cow::Owned(text.replace('\n', " "));
        }
        let line = chars::tidy_line(&text);
        if line.is_empty() {
            continue;
        }
        let chars = line.chars().count();
        if matches!(kind, BlockKind::Title | BlockKind::Heading) {
            // a heading ends a list of related links: it is the article's again
            filter.end_links();
        }
        if let junk::Verdict::Keep { .. } = filter.judge(&line, chars, options) {
            kept.push((kind, Cow::Owned(line.into_owned())));
        }
    }
    blocks::build_known(kept, options, meta)
}

/// Steps 3 to 5 on one block of text, its line breaks made spaces.
fn clean_line<'a>(raw: &'a str, options: &CleanOptions) -> Cow<'a, str> {
    let text = if raw.contains(['\n', '\r']) {
        Cow::Owned(raw.replace(['\n', '\r'], " "))
    } else {
        Cow::Borrowed(raw)
    };
    let text = if options.fix_mojibake {
        cow_then(text, mojibake::repair)
    } else {
        text
    };
    let text = cow_then(text, chars::strip_controls);
    let text = options.rewrites.iter().fold(text, |text, rw| {
        cow_then(text, |t| rw.pattern.replace_all(t, rw.with.as_str()))
    });
    let text = cow_then(text, |t| options.junk_markers.remove_all(t));
    cow_then(text, chars::nfc)
}

/// Apply a step that may borrow its input, keeping ownership straight.
fn cow_then<'a>(
    text: Cow<'a, str>,
    step: impl for<'b> Fn(&'b str) -> Cow<'b, str>,
) -> Cow<'a, str> {
    match text {
        Cow::Borrowed(t) => step(t),
        Cow::Owned(t) => match step(&t) {
            Cow::Borrowed(_) => Cow::Owned(t),
            Cow::Owned(changed) => Cow::Owned(changed),
        },
    }
}

#[cfg(test)]
mod tests;
