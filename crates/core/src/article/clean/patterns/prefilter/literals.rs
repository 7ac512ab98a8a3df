//! Literals and sets of them: what a match starts with, ends with or contains.

use std::sync::OnceLock;

use regex_syntax::hir::{Class, HirKind};

use super::fold;

/// Products of literal sets larger than this are given up (they allocate).
const MAX_PRODUCT: usize = 16;

/// A literal; `folded` ones are compared with the folded text.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct Lit {
    pub(super) text: String,
    pub(super) folded: bool,
}

impl Lit {
    pub(super) fn empty() -> Lit {
        Lit {
            text: String::new(),
            folded: false,
        }
    }

    pub(super) fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// `self` followed by `next`.
    pub(super) fn push(&mut self, next: &Lit) {
        if self.folded == next.folded || next.is_empty() {
            self.text.push_str(&next.text);
        } else if self.is_empty() {
            self.clone_from(next);
        } else {
            // matching the exact part folded accepts more texts, never fewer
            self.text = format!("{}{}", fold(&self.text), fold(&next.text));
            self.folded = true;
        }
    }

    pub(super) fn then(&self, next: &Lit) -> Lit {
        let mut lit = self.clone();
        lit.push(next);
        lit
    }
}

/// Characters a match may start with, when no literal is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum CharKind {
    /// `\p{Lu}`
    Uppercase,
    /// `\p{Ll}`
    Lowercase,
    /// `\p{L}`
    Alphabetic,
    /// `\p{N}`
    Numeric,
    /// `\d`, `\p{Nd}`
    Digit,
    /// `\s`
    Whitespace,
}

impl CharKind {
    /// Whether `c` is in the class.
    pub(super) fn test(self, c: char) -> bool {
        let ranges = self.ranges();
        let i = ranges.partition_point(|&(_, high)| high < c);
        ranges.get(i).is_some_and(|&(low, _)| low <= c)
    }

    /// Every byte a character of the class can start with (a superset).
    pub(super) fn first_bytes(self) -> impl Iterator<Item = u8> {
        let first = |c: char| c.encode_utf8(&mut [0; 4]).as_bytes()[0];
        self.ranges()
            .iter()
            .flat_map(move |&(low, high)| first(low)..=first(high))
    }

    /// The class's ranges, by regex-syntax's own tables (Rust's may be of
    /// another Unicode version); each is made when first needed.
    fn ranges(self) -> &'static [(char, char)] {
        static CLASSES: [OnceLock<Vec<(char, char)>>; 6] = [const { OnceLock::new() }; 6];
        let (i, pattern) = match self {
            CharKind::Uppercase => (0, r"\p{Lu}"),
            CharKind::Lowercase => (1, r"\p{Ll}"),
            CharKind::Alphabetic => (2, r"\p{L}"),
            CharKind::Numeric => (3, r"\p{N}"),
            CharKind::Digit => (4, r"\d"),
            CharKind::Whitespace => (5, r"\s"),
        };
        CLASSES[i].get_or_init(|| match regex_syntax::Parser::new().parse(pattern) {
            Ok(hir) => match hir.kind() {
                HirKind::Class(Class::Unicode(class)) => class
                    .ranges()
                    .iter()
                    .map(|r| (r.start(), r.end()))
                    .collect(),
                _ => vec![('\0', char::MAX)],
            },
            // cannot happen; a class of everything keeps the check sound
            Err(_) => vec![('\0', char::MAX)],
        })
    }
}

/// How a match may start.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Start {
    Lit(Lit),
    Char(CharKind),
    /// The literal, then a character of the kind.
    LitChar(Lit, CharKind),
}

impl Start {
    pub(super) fn is_empty(&self) -> bool {
        matches!(self, Start::Lit(l) if l.is_empty())
    }
}

/// Every literal of `a` followed by every one of `b`, unless there are too many.
pub(super) fn product(a: &[Lit], b: &[Lit]) -> Option<Vec<Lit>> {
    if a.len() * b.len() > MAX_PRODUCT {
        return None;
    }
    Some(dedup(
        a.iter()
            .flat_map(|x| b.iter().map(move |y| x.then(y)))
            .collect(),
    ))
}

pub(super) fn dedup<T: Ord>(mut v: Vec<T>) -> Vec<T> {
    v.sort();
    v.dedup();
    v
}

pub(super) fn starts_with(a: &Lit, b: &Lit) -> bool {
    a.folded == b.folded && a.text.starts_with(&b.text)
}

pub(super) fn ends_with(a: &Lit, b: &Lit) -> bool {
    a.folded == b.folded && a.text.ends_with(&b.text)
}

pub(super) fn contains(a: &Lit, b: &Lit) -> bool {
    a.folded == b.folded && a.text.contains(&b.text)
}

/// The set without the literals that `covers` another one of it: the
/// check is the same, and cheaper.
pub(super) fn minimal(set: Vec<Lit>, covers: fn(&Lit, &Lit) -> bool) -> Vec<Lit> {
    let keep: Vec<bool> = set
        .iter()
        .enumerate()
        .map(|(i, a)| {
            !set.iter()
                .enumerate()
                .any(|(j, b)| j != i && covers(a, b) && (a != b || j < i))
        })
        .collect();
    set.into_iter()
        .zip(keep)
        .filter_map(|(l, k)| k.then_some(l))
        .collect()
}

pub(super) fn minimal_starts(set: Vec<Start>) -> Vec<Start> {
    let (mut lits, mut chars) = (Vec::new(), Vec::new());
    for s in dedup(set) {
        match s {
            Start::Lit(l) => lits.push(l),
            other => chars.push(other),
        }
    }
    // a literal followed by a character is covered by a shorter literal
    chars.retain(|s| match s {
        Start::LitChar(l, _) => !lits.iter().any(|m| starts_with(l, m)),
        _ => true,
    });
    minimal(lits, starts_with)
        .into_iter()
        .map(Start::Lit)
        .chain(chars)
        .collect()
}

/// Longer literals are rarer; fewer of them are checked sooner.
pub(super) fn strength(set: &[Lit]) -> (usize, std::cmp::Reverse<usize>) {
    let shortest = set.iter().map(|l| l.text.len()).min().unwrap_or(0);
    (shortest, std::cmp::Reverse(set.len()))
}
