//! Incremental search in the article text.

use regex::RegexBuilder;

use crate::span::Span;

/// A search being typed or stepped through.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TextSearch {
    pub query: String,
    /// Every match in reading order.
    pub matches: Vec<Span>,
    /// The match the reader is on.
    pub current: Option<usize>,
    /// Where the reader was when the search began: `Esc` while typing goes back there.
    pub origin_scroll: usize,
    pub origin_mark: Option<Span>,
}

/// Every match of `query` in `text`, in order and not overlapping. Smart case:
/// the search ignores case unless the query has a capital letter.
pub fn find_all(text: &str, query: &str) -> Vec<Span> {
    if query.is_empty() {
        return Vec::new();
    }
    let ignore_case = !query.chars().any(char::is_uppercase);
    match RegexBuilder::new(&regex::escape(query))
        .case_insensitive(ignore_case)
        .build()
    {
        Ok(re) => re
            .find_iter(text)
            .map(|m| Span::new(m.start(), m.end()))
            .collect(),
        Err(_) => Vec::new(), // only a query too large to compile; it matches nothing
    }
}

impl TextSearch {
    /// The first match at or after byte `offset`, else the first match.
    pub fn first_from(&self, offset: usize) -> Option<usize> {
        if self.matches.is_empty() {
            return None;
        }
        let i = self.matches.partition_point(|m| m.start < offset);
        Some(if i < self.matches.len() { i } else { 0 })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_case_queries_ignore_case_capitals_do_not() {
        let text = "Summit, summit, SUMMIT.";
        assert_eq!(find_all(text, "summit").len(), 3);
        assert_eq!(find_all(text, "Summit"), [Span::new(0, 6)]);
    }

    #[test]
    fn matches_are_byte_spans_even_after_wide_characters() {
        let text = "Zoë met Zoë";
        let m = find_all(text, "zoë");
        assert_eq!(m, [Span::new(0, 4), Span::new(9, 13)]);
        assert_eq!(&text[m[1].start..m[1].end], "Zoë");
    }

    #[test]
    fn special_characters_are_searched_literally() {
        assert_eq!(find_all("a.b (c) a*b", "(c)"), [Span::new(4, 7)]);
        assert!(find_all("abc", "a.c").is_empty());
    }

    #[test]
    fn first_from_wraps_to_the_top() {
        let s = TextSearch {
            matches: vec![Span::new(2, 3), Span::new(10, 11)],
            ..TextSearch::default()
        };
        assert_eq!(s.first_from(0), Some(0));
        assert_eq!(s.first_from(5), Some(1));
        assert_eq!(s.first_from(20), Some(0));
    }
}
