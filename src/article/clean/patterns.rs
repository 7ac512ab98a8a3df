//! Regular expressions from the configuration, compiled once when it is read.

use regex::{Regex, RegexBuilder, RegexSet, RegexSetBuilder};

/// The lazy DFA's cache for the combined patterns. Bounded repetitions of
/// Unicode classes (`[^.!?]{0,80}`) need many states on non-Latin text; with
/// the default 2 MB the cache thrashes and matching falls back to a slow engine.
const DFA_CACHE: usize = 32 << 20;
use serde::{Deserialize, Deserializer, de::Error as _};

/// One regular expression (Rust `regex` syntax), checked when the configuration is read.
#[derive(Clone, Debug)]
pub struct Pattern(Regex);

impl Pattern {
    pub fn new(source: &str) -> Result<Pattern, String> {
        Regex::new(source)
            .map(Pattern)
            .map_err(|e| regex_error(source, &e))
    }

    pub fn regex(&self) -> &Regex {
        &self.0
    }
}

impl<'de> Deserialize<'de> for Pattern {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let source = String::deserialize(d)?;
        Pattern::new(&source).map_err(D::Error::custom)
    }
}

/// The regex crate explains a syntax error over several lines; keep its last one.
fn regex_error(source: &str, e: &regex::Error) -> String {
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

/// Patterns that must match a whole line: `p` is used as `^(?:p)$`.
#[derive(Clone, Debug)]
pub struct LinePatterns {
    patterns: Vec<Regex>,
    set: RegexSet,
}

impl<'de> Deserialize<'de> for LinePatterns {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let sources = Vec::<Pattern>::deserialize(d)?;
        LinePatterns::new(sources.iter().map(|p| p.0.as_str())).map_err(D::Error::custom)
    }
}

impl LinePatterns {
    pub fn new<'a>(sources: impl IntoIterator<Item = &'a str>) -> Result<LinePatterns, String> {
        let anchored: Vec<String> = sources.into_iter().map(|s| format!("^(?:{s})$")).collect();
        let patterns = anchored
            .iter()
            .map(|s| Regex::new(s).map_err(|e| regex_error(s, &e)))
            .collect::<Result<Vec<_>, _>>()?;
        let set = RegexSetBuilder::new(&anchored)
            .dfa_size_limit(DFA_CACHE)
            .build()
            .map_err(|e| regex_error("(set)", &e))?;
        Ok(LinePatterns { patterns, set })
    }

    /// Whether one of the patterns matches all of `line`.
    pub fn matches(&self, line: &str) -> bool {
        !self.patterns.is_empty() && self.set.is_match(line)
    }

    /// The first pattern that matches all of `line`, with its groups.
    pub fn captures<'t>(&self, line: &'t str) -> Option<regex::Captures<'t>> {
        let first = self.set.matches(line).into_iter().next()?;
        self.patterns[first].captures(line)
    }
}

/// Patterns found anywhere in the text, combined into one alternation.
#[derive(Clone, Debug)]
pub struct InlinePatterns {
    combined: Option<Regex>,
}

impl<'de> Deserialize<'de> for InlinePatterns {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let sources = Vec::<Pattern>::deserialize(d)?;
        InlinePatterns::new(sources.iter().map(|p| p.0.as_str())).map_err(D::Error::custom)
    }
}

impl InlinePatterns {
    pub fn new<'a>(sources: impl IntoIterator<Item = &'a str>) -> Result<InlinePatterns, String> {
        let parts: Vec<String> = sources.into_iter().map(|s| format!("(?:{s})")).collect();
        if parts.is_empty() {
            return Ok(InlinePatterns { combined: None });
        }
        let joined = parts.join("|");
        let combined = RegexBuilder::new(&joined)
            .dfa_size_limit(DFA_CACHE)
            .build()
            .map_err(|e| regex_error(&joined, &e))?;
        Ok(InlinePatterns {
            combined: Some(combined),
        })
    }

    /// The combined regex, `None` when there are no patterns.
    pub fn regex(&self) -> Option<&Regex> {
        self.combined.as_ref()
    }
}

/// Patterns that must match at the start of a text: `p` is used as `^(?:p)`.
#[derive(Clone, Debug)]
pub struct PrefixPatterns {
    patterns: Vec<Regex>,
}

impl<'de> Deserialize<'de> for PrefixPatterns {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let sources = Vec::<Pattern>::deserialize(d)?;
        PrefixPatterns::new(sources.iter().map(|p| p.0.as_str())).map_err(D::Error::custom)
    }
}

impl PrefixPatterns {
    pub fn new<'a>(sources: impl IntoIterator<Item = &'a str>) -> Result<PrefixPatterns, String> {
        let patterns = sources
            .into_iter()
            .map(|s| {
                let anchored = format!("^(?:{s})");
                Regex::new(&anchored).map_err(|e| regex_error(s, &e))
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(PrefixPatterns { patterns })
    }

    /// The first pattern that matches at the start of `text`, with its groups.
    pub fn captures<'t>(&self, text: &'t str) -> Option<regex::Captures<'t>> {
        self.patterns.iter().find_map(|p| p.captures(text))
    }
}
