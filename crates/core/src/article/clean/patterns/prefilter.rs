//! What every match of a pattern must look like, worked out from its syntax
//! alone, so that a text can be ruled out without compiling the pattern:
//! the literals a match must start or end with when the pattern is anchored,
//! and literals a match must contain. `(?i)source link` anchored at both ends
//! needs a line that starts with "source link" in any case; most lines of an
//! article are prose that no junk pattern can match, and most patterns then
//! never need compiling.
//!
//! Every fact is an over-approximation: a literal is only required when no
//! match can do without it. Look-arounds such as `\b` are taken to match the
//! empty string anywhere, a class or repetition that is too large to list
//! says nothing. A text that passes may still not match; a text that fails
//! cannot match.
//!
//! Case-insensitive literals are compared with the text folded: ASCII
//! letters in lower case, and the only two other characters whose simple
//! case folding reaches ASCII, the long s (`ſ` → `s`) and the Kelvin sign
//! (`K` → `k`). A cased non-ASCII character under `(?i)` says nothing.

mod literals;
mod syntax;

use std::borrow::Cow;
use std::cell::OnceCell;

use aho_corasick::packed;
use memchr::memchr2;
use memchr::memmem::{self, Finder};
use regex_syntax::ast::{self, Ast};

use crate::ascii::ascii_end;
use literals::{Lit, Start};
use syntax::{Flags, after, anchors, exact, flags_before, prefix, required_seq, suffix};

/// At most this many required sets are checked (the strongest).
const MAX_REQUIRED: usize = 3;

/// A text to test, folded for case-insensitive literals when first asked.
pub struct Haystack<'t> {
    text: &'t str,
    folded: OnceCell<Cow<'t, str>>,
    latin: OnceCell<bool>,
}

impl<'t> Haystack<'t> {
    pub fn new(text: &'t str) -> Haystack<'t> {
        Haystack {
            text,
            folded: OnceCell::new(),
            latin: OnceCell::new(),
        }
    }

    /// Whether every character of the text is in [`LATIN`].
    pub fn is_latin(&self) -> bool {
        *self.latin.get_or_init(|| {
            let bytes = self.text.as_bytes();
            let mut i = 0;
            loop {
                // ASCII is Latin: skipped eight bytes at a time
                i = ascii_end(bytes, i);
                match self.text.get(i..).and_then(|rest| rest.chars().next()) {
                    None => return true,
                    Some(c) if in_latin(c) => i += c.len_utf8(),
                    Some(_) => return false,
                }
            }
        })
    }

    pub fn text(&self) -> &'t str {
        self.text
    }

    fn get(&self, folded: bool) -> &str {
        if folded {
            self.folded.get_or_init(|| fold(self.text))
        } else {
            self.text
        }
    }
}

/// Where most news in Latin script lives: Latin-1 and Latin Extended-A and
/// -B (the letters of Central European and Turkish names: "č", "ł", "ş"),
/// general punctuation (dashes, curly quotes, bullets) and currency signs.
/// Patterns are compiled with their classes cut down to these for a text
/// that has no other character (much smaller automata, the same matches).
pub const LATIN: [(char, char); 3] = [
    ('\0', '\u{24F}'),
    ('\u{2000}', '\u{206F}'),
    ('\u{20A0}', '\u{20CF}'),
];

fn in_latin(c: char) -> bool {
    LATIN.iter().any(|&(low, high)| (low..=high).contains(&c))
}

/// ASCII letters in lower case, `ſ` as `s` and the Kelvin sign as `k`.
fn fold(text: &str) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    let signs = memchr2(0xC5, 0xE2, bytes).is_some()
        && (memmem::find(bytes, "ſ".as_bytes()).is_some()
            || memmem::find(bytes, "\u{212A}".as_bytes()).is_some());
    if signs {
        Cow::Owned(text.chars().map(fold_char).collect())
    } else if bytes.iter().any(u8::is_ascii_uppercase) {
        Cow::Owned(text.to_ascii_lowercase())
    } else {
        Cow::Borrowed(text)
    }
}

fn fold_char(c: char) -> char {
    match c {
        'ſ' => 's',
        '\u{212A}' => 'k',
        c => c.to_ascii_lowercase(),
    }
}

/// The rest of `text` after the literal `lit` at its start, if it is there.
fn after_prefix<'t>(text: &'t str, lit: &Lit) -> Option<&'t str> {
    if !lit.folded {
        return text.strip_prefix(lit.text.as_str());
    }
    let mut chars = text.chars();
    for want in lit.text.chars() {
        if chars.next().map(fold_char) != Some(want) {
            return None;
        }
    }
    Some(chars.as_str())
}

/// Whether `text` ends with the literal `lit`.
fn has_suffix(text: &str, lit: &Lit) -> bool {
    if !lit.folded {
        return text.ends_with(lit.text.as_str());
    }
    let mut chars = text.chars().rev();
    lit.text
        .chars()
        .rev()
        .all(|want| chars.next().map(fold_char) == Some(want))
}

/// Every byte a text can start with when it starts as one of `starts` says.
fn first_bytes(starts: &[Start]) -> [u64; 4] {
    let mut set = [0u64; 4];
    let mut add = |b: u8| set[usize::from(b) / 64] |= 1 << (b % 64);
    for start in starts {
        let lit = match start {
            Start::Lit(l) | Start::LitChar(l, _) => l,
            Start::Char(kind) => {
                kind.first_bytes().for_each(&mut add);
                continue;
            }
        };
        let Some(&b) = lit.text.as_bytes().first() else {
            continue;
        };
        add(b);
        if lit.folded {
            // the other case, and the lead bytes of `ſ` and the Kelvin sign
            add(b.to_ascii_uppercase());
            match b {
                b's' => add(0xC5),
                b'k' => add(0xE2),
                _ => {}
            }
        }
    }
    set
}

/// How a text may start, listed under each byte it can start with, so that
/// only the few ways that begin with a text's first byte are tried on it.
#[derive(Clone, Debug)]
struct Starts {
    /// Where the list of each byte begins in `lists`, and where the last ends.
    at: Box<[u32; 257]>,
    lists: Vec<Start>,
}

impl Starts {
    fn new(starts: &[Start]) -> Starts {
        let sets: Vec<[u64; 4]> = starts
            .iter()
            .map(|s| first_bytes(std::slice::from_ref(s)))
            .collect();
        let mut at = Box::new([0u32; 257]);
        let mut lists = Vec::new();
        for byte in 0..256 {
            for (start, set) in starts.iter().zip(&sets) {
                if set[byte / 64] & (1 << (byte % 64)) != 0 {
                    lists.push(start.clone());
                }
            }
            at[byte + 1] = u32::try_from(lists.len()).unwrap_or(u32::MAX);
        }
        Starts { at, lists }
    }

    /// The ways of starting that a text whose first byte is `byte` may take:
    /// every other one needs another first byte ([`first_bytes`]).
    fn with_first(&self, byte: u8) -> &[Start] {
        let i = usize::from(byte);
        let (from, to) = (self.at[i] as usize, self.at[i + 1] as usize);
        self.lists.get(from..to).unwrap_or(&[])
    }
}

/// The syntax tree of `pattern`.
pub fn parse(pattern: &str) -> Option<Ast> {
    ast::parse::Parser::new().parse(pattern).ok()
}

/// A search for any of some literals.
#[derive(Clone, Debug)]
enum Search {
    One(Finder<'static>),
    /// Several at once (Teddy, SIMD).
    Many(packed::Searcher),
    Each(Vec<Finder<'static>>),
}

impl Search {
    fn new(lits: &[&str]) -> Option<Search> {
        let finder = |l: &&str| Finder::new(l.as_bytes()).into_owned();
        match lits {
            [] => None,
            [one] => Some(Search::One(finder(one))),
            many => Some(match packed::Searcher::new(many.iter()) {
                Some(searcher) => Search::Many(searcher),
                None => Search::Each(many.iter().map(finder).collect()),
            }),
        }
    }

    fn in_text(&self, text: &str) -> bool {
        let bytes = text.as_bytes();
        match self {
            Search::One(finder) => finder.find(bytes).is_some(),
            Search::Many(searcher) => searcher.find(bytes).is_some(),
            Search::Each(finders) => finders.iter().any(|f| f.find(bytes).is_some()),
        }
    }
}

/// A set of literals a text must contain one of: those compared as they are
/// and those compared with the folded text.
#[derive(Clone, Debug)]
struct Needles {
    exact: Option<Search>,
    folded: Option<Search>,
}

impl Needles {
    fn new(set: &[Lit]) -> Needles {
        let texts = |folded: bool| -> Vec<&str> {
            set.iter()
                .filter(|l| l.folded == folded)
                .map(|l| l.text.as_str())
                .collect()
        };
        Needles {
            exact: Search::new(&texts(false)),
            folded: Search::new(&texts(true)),
        }
    }

    fn in_text(&self, hay: &Haystack) -> bool {
        self.exact.as_ref().is_some_and(|s| s.in_text(hay.text))
            || self
                .folded
                .as_ref()
                .is_some_and(|s| s.in_text(hay.get(true)))
    }
}

/// What a text must look like for a pattern to match it.
#[derive(Clone, Debug, Default)]
pub struct Prefilter {
    /// Where the pattern is anchored at the start: what the text starts with.
    starts: Option<Starts>,
    /// Where it is anchored at the end: what the text ends with.
    ends: Option<Vec<Lit>>,
    /// Literals the text contains, one of each set.
    required: Vec<Needles>,
}

impl Prefilter {
    /// The prefilter of the regular expression `pattern`; one that lets
    /// every text pass when the pattern does not parse.
    #[cfg(test)]
    pub fn new(pattern: &str) -> Prefilter {
        parse(pattern).map_or_else(Prefilter::default, |t| Prefilter::of_tree(&t))
    }

    /// The prefilter of a pattern's syntax tree. Where the pattern is
    /// anchored, the literals it starts (or else ends) with are enough;
    /// otherwise the literals it contains are looked for.
    pub fn of_tree(tree: &Ast) -> Prefilter {
        let flags = Flags::default();
        let top: &[Ast] = match tree {
            Ast::Concat(c) => &c.asts,
            other => std::slice::from_ref(other),
        };
        let before = flags_before(top, flags);
        let zero_width = |nodes: &[Ast]| {
            nodes
                .iter()
                .all(|n| exact(n, flags).is_some_and(|e| e == [Lit::empty()]))
        };
        let start = (0..top.len())
            .find(|&i| anchors(&top[i], before[i], false))
            .filter(|&i| zero_width(&top[..i]));
        if let Some(i) = start {
            let starts = prefix(&top[i + 1..], after(&top[i], before[i]));
            if !starts.iter().any(Start::is_empty) {
                return Prefilter {
                    starts: Some(Starts::new(&starts)),
                    ..Prefilter::default()
                };
            }
        }
        let end = (0..top.len())
            .rev()
            .find(|&i| anchors(&top[i], before[i], true))
            .filter(|&i| zero_width(&top[i + 1..]));
        if let Some(i) = end {
            let ends = suffix(&top[..i], flags);
            if !ends.iter().any(Lit::is_empty) {
                return Prefilter {
                    ends: Some(ends),
                    ..Prefilter::default()
                };
            }
        }
        let required = required_seq(top, flags)
            .into_iter()
            .take(MAX_REQUIRED)
            .map(|set| Needles::new(&set))
            .collect();
        Prefilter {
            required,
            ..Prefilter::default()
        }
    }

    /// Whether the pattern may match `hay`: false only when it cannot.
    pub fn may_match(&self, hay: &Haystack) -> bool {
        let text = hay.text;
        if let Some(starts) = &self.starts {
            let Some(&byte) = text.as_bytes().first() else {
                return false;
            };
            let ok = starts.with_first(byte).iter().any(|s| match s {
                Start::Lit(l) => after_prefix(text, l).is_some(),
                Start::Char(kind) => text.chars().next().is_some_and(|c| kind.test(c)),
                Start::LitChar(l, kind) => after_prefix(text, l)
                    .and_then(|rest| rest.chars().next())
                    .is_some_and(|c| kind.test(c)),
            });
            if !ok {
                return false;
            }
        }
        if let Some(ends) = &self.ends
            && !ends.iter().any(|l| has_suffix(text, l))
        {
            return false;
        }
        self.required.iter().all(|set| set.in_text(hay))
    }
}

#[cfg(test)]
pub(super) mod tests;
