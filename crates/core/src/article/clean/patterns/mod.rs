//! Regular expressions from the configuration, compiled only when a text
//! may need them.
//!
//! Compiling the cleaning patterns used to be most of gloss's start-up, yet
//! most of them never match an article: its lines are prose. So a pattern is
//! kept as written; the first time it is tried, its [`prefilter`] is worked
//! out from its syntax (the literals any match must start with or contain),
//! and the pattern is compiled only when a text passes that prefilter.
//!
//! Patterns of the built-in `config.toml` are trusted: a test compiles every
//! one. A pattern of the user's own file is checked and compiled as the
//! configuration is read, so that an error names its line ([`with_trust`]).
//!
//! Lines, blocks and the starts of paragraphs are short, and what the junk
//! markers remove starts with a rare literal that the regex's own prefilter
//! finds: these patterns are compiled without the lazy DFA, whose automata
//! would cost more to build than all the searches of a short article would
//! save (a pattern that has searched a few kilobytes, in a long text or
//! over many, is compiled again with it); and, for a text that is all Latin
//! letters (Latin-1, Extended-A and -B) and common punctuation
//! ([`prefilter::LATIN`]), with their Unicode classes cut down to those
//! characters (the same matches on such a text, a fraction of the automaton).
//! The `rewrites`, searched through the whole text, get the full regex engine.

mod lazy;
mod prefilter;

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashSet;
use std::sync::Arc;

use regex::Regex;
use regex_automata::util::captures::Captures;
use serde::{Deserialize, Deserializer, de::Error as _};

use lazy::{Engine, Lazy, Short};
pub use prefilter::Haystack;

/// Which patterns are known to be valid without checking them.
#[derive(Debug, Default)]
pub enum Trust {
    /// Check every pattern (the default).
    #[default]
    Nothing,
    /// All of them: the built-in configuration alone is being read.
    Everything,
    /// These sources: the built-in ones, while a user's file is read.
    Sources(HashSet<String>),
}

thread_local! {
    static TRUST: RefCell<Trust> = const { RefCell::new(Trust::Nothing) };
}

/// Run `read` (reading a configuration) trusting the patterns `trust` names.
pub fn with_trust<T>(trust: Trust, read: impl FnOnce() -> T) -> T {
    struct Restore(Option<Trust>);
    impl Drop for Restore {
        fn drop(&mut self) {
            if let Some(old) = self.0.take() {
                TRUST.with(|t| *t.borrow_mut() = old);
            }
        }
    }
    let _restore = Restore(Some(TRUST.with(|t| t.replace(trust))));
    read()
}

fn trusted(source: &str) -> bool {
    TRUST.with(|t| match &*t.borrow() {
        Trust::Nothing => false,
        Trust::Everything => true,
        Trust::Sources(sources) => sources.contains(source),
    })
}

/// The regex crates explain a syntax error over several lines; keep the last one.
fn regex_error(source: &str, e: &dyn std::fmt::Display) -> String {
    let text = e.to_string();
    let reason = text
        .lines()
        .rev()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("invalid")
        .trim_start_matches("error: ");
    format!("invalid regular expression `{source}`: {reason}")
}

/// A pattern's text as written in the configuration, its syntax checked as
/// it is read (so that an error names its place in the list) unless trusted.
struct Source {
    text: String,
    trusted: bool,
}

impl<'de> Deserialize<'de> for Source {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        let trusted = trusted(&text);
        if !trusted {
            check(&text).map_err(D::Error::custom)?;
        }
        Ok(Source { text, trusted })
    }
}

/// Every syntax error of `source`, without building automata.
fn check(source: &str) -> Result<(), String> {
    regex_syntax::Parser::new()
        .parse(source)
        .map(drop)
        .map_err(|e| regex_error(source, &e))
}

fn lazies<E: Engine>(
    sources: &[Source],
    compiled: impl Fn(&str) -> String,
) -> Result<Arc<[Lazy<E>]>, String> {
    sources
        .iter()
        .map(|s| Lazy::new(&s.text, compiled(&s.text), s.trusted))
        .collect()
}

fn untrusted<'a>(sources: impl IntoIterator<Item = &'a str>) -> Result<Vec<Source>, String> {
    sources
        .into_iter()
        .map(|text| {
            check(text)?;
            Ok(Source {
                text: text.to_string(),
                trusted: false,
            })
        })
        .collect()
}

/// A match of a pattern with groups.
pub struct Found<'t> {
    text: &'t str,
    caps: Captures,
}

impl<'t> Found<'t> {
    /// The byte range of the whole match.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.caps.get_match().map_or(0..0, |m| m.range())
    }

    /// The text of the group `name`, if it took part in the match.
    pub fn name(&self, name: &str) -> Option<&'t str> {
        self.caps
            .get_group_by_name(name)
            .map(|span| &self.text[span.range()])
    }
}

fn found<'t>(regex: &Short, text: &'t str) -> Option<Found<'t>> {
    let mut caps = regex.0.create_captures();
    regex.0.captures(text, &mut caps);
    caps.is_match().then_some(Found { text, caps })
}

/// One regular expression (Rust `regex` syntax), applied to the whole text.
#[derive(Clone, Debug)]
pub struct Pattern(Arc<Lazy<Regex>>);

impl Pattern {
    pub fn new(source: &str) -> Result<Pattern, String> {
        check(source)?;
        Lazy::new(source, source.to_string(), false).map(|l| Pattern(Arc::new(l)))
    }

    /// Every match in `text` replaced by `with` (`$1`, `${name}` refer to groups).
    pub fn replace_all<'t>(&self, text: &'t str, with: &str) -> Cow<'t, str> {
        match self.0.for_text(&Haystack::new(text)) {
            Some(regex) => regex.replace_all(text, with),
            None => Cow::Borrowed(text),
        }
    }

    pub(super) fn sources(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.0.written.as_str())
    }

    /// The pattern as written.
    pub fn written(&self) -> &str {
        &self.0.written
    }

    /// The pattern's capture groups: how many (the whole match, `$0`,
    /// included) and the names of the named ones.
    pub fn groups(&self) -> Groups {
        let mut groups = Groups {
            count: 1,
            names: Vec::new(),
        };
        // the source was parsed when the pattern was made
        let Ok(hir) = regex_syntax::Parser::new().parse(&self.0.written) else {
            return groups;
        };
        let mut stack = vec![&hir];
        while let Some(hir) = stack.pop() {
            match hir.kind() {
                regex_syntax::hir::HirKind::Capture(capture) => {
                    groups.count += 1;
                    if let Some(name) = &capture.name {
                        groups.names.push(name.to_string());
                    }
                    stack.push(&capture.sub);
                }
                regex_syntax::hir::HirKind::Repetition(rep) => stack.push(&rep.sub),
                regex_syntax::hir::HirKind::Concat(subs)
                | regex_syntax::hir::HirKind::Alternation(subs) => stack.extend(subs.iter().rev()),
                _ => {}
            }
        }
        groups
    }
}

/// A pattern's capture groups ([`Pattern::groups`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Groups {
    /// How many, `$0` (the whole match) included.
    pub count: usize,
    /// The named ones' names, in the order they open.
    pub names: Vec<String>,
}

/// A group a replacement names (`$1`, `${1}`, `$name`, `${name}`), as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GroupRef {
    pub written: String,
    pub group: Group,
}

/// A group by number or by name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Group {
    Index(usize),
    Name(String),
}

/// The groups a replacement string names, read as the `regex` crate reads
/// it: `$$` is a dollar sign; `${...}` names what the braces hold; `$` and
/// the longest run of letters, digits and `_` names that run (`$1a` is the
/// group named `1a`); a `$` followed by nothing of these is itself.
pub fn group_references(with: &str) -> Vec<GroupRef> {
    let mut refs = Vec::new();
    let mut rest = with;
    while let Some(i) = rest.find('$') {
        let from = &rest[i..];
        rest = &rest[i + 1..];
        if let Some(after) = rest.strip_prefix('$') {
            rest = after;
            continue;
        }
        let name = if let Some(braced) = rest.strip_prefix('{') {
            match braced.find('}') {
                Some(end) => {
                    rest = &braced[end + 1..];
                    &braced[..end]
                }
                None => continue,
            }
        } else {
            let end = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(rest.len());
            let name = &rest[..end];
            rest = &rest[end..];
            name
        };
        if name.is_empty() {
            continue;
        }
        refs.push(GroupRef {
            written: from[..from.len() - rest.len()].to_string(),
            group: match name.parse::<usize>() {
                Ok(i) => Group::Index(i),
                Err(_) => Group::Name(name.to_string()),
            },
        });
    }
    refs
}

impl<'de> Deserialize<'de> for Pattern {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let source = Source::deserialize(d)?;
        Lazy::new(&source.text, source.text.clone(), source.trusted)
            .map(|l| Pattern(Arc::new(l)))
            .map_err(D::Error::custom)
    }
}

/// Patterns that must match a whole line: `p` is used as `^(?:p)$`.
#[derive(Clone, Debug)]
pub struct LinePatterns(Arc<[Lazy<Short>]>);

impl<'de> Deserialize<'de> for LinePatterns {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let sources = Vec::<Source>::deserialize(d)?;
        LinePatterns::build(&sources).map_err(D::Error::custom)
    }
}

impl LinePatterns {
    pub fn new<'a>(sources: impl IntoIterator<Item = &'a str>) -> Result<LinePatterns, String> {
        LinePatterns::build(&untrusted(sources)?)
    }

    fn build(sources: &[Source]) -> Result<LinePatterns, String> {
        lazies(sources, |s| format!("^(?:{s})$")).map(LinePatterns)
    }

    /// Whether one of the patterns matches all of `line`.
    pub fn matches(&self, line: &str) -> bool {
        self.matches_in(&Haystack::new(line))
    }

    /// Whether one of the patterns matches all of the line `hay`.
    pub fn matches_in(&self, hay: &Haystack) -> bool {
        self.0
            .iter()
            .any(|p| p.for_text(hay).is_some_and(|r| r.0.is_match(hay.text())))
    }

    /// The first pattern that matches all of `line`, with its groups.
    pub fn captures<'t>(&self, line: &'t str) -> Option<Found<'t>> {
        let hay = Haystack::new(line);
        self.0
            .iter()
            .find_map(|p| p.for_text(&hay).and_then(|r| found(r, line)))
    }

    pub(super) fn sources(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|p| p.written.as_str())
    }
}

/// Patterns found anywhere in a text, as one alternation.
#[derive(Clone, Debug)]
pub struct InlinePatterns {
    /// Each pattern alone, to tell whether one matches.
    parts: Arc<[Lazy<Short>]>,
    /// All of them as one alternation, for removing matches; `None` when
    /// there are no patterns. Without the lazy DFA too: what it removes
    /// starts with a rare literal, which the regex's own prefilter finds.
    combined: Option<Arc<Lazy<Short>>>,
}

impl<'de> Deserialize<'de> for InlinePatterns {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let sources = Vec::<Source>::deserialize(d)?;
        InlinePatterns::build(&sources).map_err(D::Error::custom)
    }
}

impl InlinePatterns {
    pub fn new<'a>(sources: impl IntoIterator<Item = &'a str>) -> Result<InlinePatterns, String> {
        InlinePatterns::build(&untrusted(sources)?)
    }

    fn build(sources: &[Source]) -> Result<InlinePatterns, String> {
        // the parts are compiled when needed; an untrusted list is checked
        // by compiling the alternation at once
        let parts: Vec<Source> = sources
            .iter()
            .map(|s| Source {
                text: s.text.clone(),
                trusted: true,
            })
            .collect();
        let parts = lazies(&parts, str::to_string)?;
        if sources.is_empty() {
            return Ok(InlinePatterns {
                parts,
                combined: None,
            });
        }
        let joined = sources
            .iter()
            .map(|s| format!("(?:{})", s.text))
            .collect::<Vec<_>>()
            .join("|");
        let trusted = sources.iter().all(|s| s.trusted);
        let combined = Lazy::new(&joined, joined.clone(), trusted).map_err(|e| {
            // name the pattern at fault
            sources
                .iter()
                .find_map(|s| {
                    Short::compile(&s.text)
                        .err()
                        .map(|e| regex_error(&s.text, &e))
                })
                .unwrap_or(e)
        })?;
        Ok(InlinePatterns {
            parts,
            combined: Some(Arc::new(combined)),
        })
    }

    /// Whether one of the patterns is found in `text`.
    pub fn is_match(&self, text: &str) -> bool {
        let hay = Haystack::new(text);
        self.parts
            .iter()
            .any(|p| p.for_text(&hay).is_some_and(|r| r.0.is_match(text)))
    }

    /// `text` with every match removed.
    pub fn remove_all<'t>(&self, text: &'t str) -> Cow<'t, str> {
        let hay = Haystack::new(text);
        let regex = match &self.combined {
            Some(combined) if self.parts.iter().any(|p| p.may_match(&hay)) => combined.regex(&hay),
            _ => None,
        };
        let Some(Short(regex)) = regex else {
            return Cow::Borrowed(text);
        };
        let mut matches = regex.find_iter(text).peekable();
        if matches.peek().is_none() {
            return Cow::Borrowed(text);
        }
        let mut out = String::with_capacity(text.len());
        let mut last = 0;
        for m in matches {
            out.push_str(&text[last..m.start()]);
            last = m.end();
        }
        out.push_str(&text[last..]);
        Cow::Owned(out)
    }

    /// Whether there are no patterns.
    pub fn is_empty(&self) -> bool {
        self.parts.is_empty()
    }

    pub(super) fn sources(&self) -> impl Iterator<Item = &str> {
        self.parts.iter().map(|p| p.written.as_str())
    }
}

/// Patterns that must match at the start of a text: `p` is used as `^(?:p)`.
#[derive(Clone, Debug)]
pub struct PrefixPatterns(Arc<[Lazy<Short>]>);

impl<'de> Deserialize<'de> for PrefixPatterns {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let sources = Vec::<Source>::deserialize(d)?;
        PrefixPatterns::build(&sources).map_err(D::Error::custom)
    }
}

impl PrefixPatterns {
    pub fn new<'a>(sources: impl IntoIterator<Item = &'a str>) -> Result<PrefixPatterns, String> {
        PrefixPatterns::build(&untrusted(sources)?)
    }

    fn build(sources: &[Source]) -> Result<PrefixPatterns, String> {
        lazies(sources, |s| format!("^(?:{s})")).map(PrefixPatterns)
    }

    /// The first pattern that matches at the start of `text`, with its groups.
    pub fn captures<'t>(&self, text: &'t str) -> Option<Found<'t>> {
        let hay = Haystack::new(text);
        self.0
            .iter()
            .find_map(|p| p.for_text(&hay).and_then(|r| found(r, text)))
    }

    pub(super) fn sources(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|p| p.written.as_str())
    }
}

#[cfg(test)]
mod tests;
