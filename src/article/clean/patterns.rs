//! Regular expressions from the configuration, compiled once when it is read.
//!
//! Compiling is most of gloss's start-up, so each pattern is compiled once:
//! a list of whole-line patterns is one `RegexSet`, and the single pattern a
//! caller wants groups from is compiled on first use.

use std::sync::OnceLock;

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

/// A pattern's text, its syntax checked as it is read (so that an error
/// names its place in the list) without the cost of compiling it.
struct Source(String);

impl<'de> Deserialize<'de> for Source {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let source = String::deserialize(d)?;
        regex_syntax::Parser::new()
            .parse(&source)
            .map_err(|e| D::Error::custom(regex_error(&source, &e)))?;
        Ok(Source(source))
    }
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

/// Patterns that must match a whole line: `p` is used as `^(?:p)$`.
#[derive(Clone, Debug)]
pub struct LinePatterns {
    set: RegexSet,
    /// Each pattern on its own, compiled when its groups are first asked for.
    single: Vec<OnceLock<Regex>>,
}

impl<'de> Deserialize<'de> for LinePatterns {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let sources = Vec::<Source>::deserialize(d)?;
        LinePatterns::new(sources.iter().map(|s| s.0.as_str())).map_err(D::Error::custom)
    }
}

impl LinePatterns {
    pub fn new<'a>(sources: impl IntoIterator<Item = &'a str>) -> Result<LinePatterns, String> {
        let sources: Vec<&str> = sources.into_iter().collect();
        let anchored: Vec<String> = sources.iter().map(|s| format!("^(?:{s})$")).collect();
        let set = match RegexSetBuilder::new(&anchored)
            .dfa_size_limit(DFA_CACHE)
            .build()
        {
            Ok(set) => set,
            // name the pattern at fault
            Err(e) => {
                for (s, a) in sources.iter().zip(&anchored) {
                    if let Err(e) = Regex::new(a) {
                        return Err(regex_error(s, &e));
                    }
                }
                return Err(regex_error("(set)", &e));
            }
        };
        let single = anchored.iter().map(|_| OnceLock::new()).collect();
        Ok(LinePatterns { set, single })
    }

    /// Whether one of the patterns matches all of `line`.
    pub fn matches(&self, line: &str) -> bool {
        !self.single.is_empty() && self.set.is_match(line)
    }

    /// The first pattern that matches all of `line`, with its groups.
    pub fn captures<'t>(&self, line: &'t str) -> Option<regex::Captures<'t>> {
        let first = self.set.matches(line).into_iter().next()?;
        let regex = self.single[first].get_or_init(|| {
            Regex::new(&self.set.patterns()[first]).expect("compiled in the set already")
        });
        regex.captures(line)
    }
}

/// Patterns found anywhere in the text, combined into one alternation.
#[derive(Clone, Debug)]
pub struct InlinePatterns {
    combined: Option<Regex>,
}

impl<'de> Deserialize<'de> for InlinePatterns {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let sources = Vec::<Source>::deserialize(d)?;
        InlinePatterns::new(sources.iter().map(|s| s.0.as_str())).map_err(D::Error::custom)
    }
}

impl InlinePatterns {
    pub fn new<'a>(sources: impl IntoIterator<Item = &'a str>) -> Result<InlinePatterns, String> {
        let parts: Vec<String> = sources.into_iter().map(|s| format!("(?:{s})")).collect();
        if parts.is_empty() {
            return Ok(InlinePatterns { combined: None });
        }
        let joined = parts.join("|");
        let combined = match RegexBuilder::new(&joined).dfa_size_limit(DFA_CACHE).build() {
            Ok(r) => r,
            Err(e) => {
                for p in &parts {
                    if let Err(e) = Regex::new(p) {
                        return Err(regex_error(p, &e));
                    }
                }
                return Err(regex_error(&joined, &e));
            }
        };
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
/// Checked when the configuration is read, compiled when first tried: a later
/// pattern is only needed when the earlier ones do not match.
#[derive(Clone, Debug)]
pub struct PrefixPatterns {
    patterns: Vec<(String, OnceLock<Option<Regex>>)>,
}

impl<'de> Deserialize<'de> for PrefixPatterns {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let sources = Vec::<Source>::deserialize(d)?;
        PrefixPatterns::new(sources.iter().map(|s| s.0.as_str())).map_err(D::Error::custom)
    }
}

impl PrefixPatterns {
    pub fn new<'a>(sources: impl IntoIterator<Item = &'a str>) -> Result<PrefixPatterns, String> {
        let patterns = sources
            .into_iter()
            .map(|s| {
                let anchored = format!("^(?:{s})");
                // parsing finds every syntax error without building automata
                regex_syntax::Parser::new()
                    .parse(&anchored)
                    .map_err(|e| regex_error(s, &e))?;
                Ok((anchored, OnceLock::new()))
            })
            .collect::<Result<Vec<_>, String>>()?;
        Ok(PrefixPatterns { patterns })
    }

    /// The first pattern that matches at the start of `text`, with its groups.
    pub fn captures<'t>(&self, text: &'t str) -> Option<regex::Captures<'t>> {
        self.patterns.iter().find_map(|(source, compiled)| {
            // a pattern too large to compile (the only error parsing cannot
            // foresee) never matches
            compiled
                .get_or_init(|| Regex::new(source).ok())
                .as_ref()?
                .captures(text)
        })
    }
}
