//! Incremental search in the article text.

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

/// How letters are compared: the `search-case` and `search-accents`
/// options of `[reader]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Matching {
    pub case: SearchCase,
    /// `/zurich` finds "Zürich", `/sao paulo` "São Paulo".
    pub ignore_accents: bool,
}

impl Default for Matching {
    fn default() -> Self {
        Matching {
            case: SearchCase::Ignore,
            ignore_accents: true,
        }
    }
}

/// Whether case counts in a search.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SearchCase {
    /// `/zurich` and `/Zurich` both find "ZURICH" and "zurich".
    Ignore,
    /// Case is ignored unless the query has a capital letter.
    Smart,
    /// Case always counts.
    Match,
}

/// Every match of `query` in `text`, in order and not overlapping, compared
/// as `matching` says: by default without regard to case or accents, as in
/// a browser's find.
pub fn find_all(text: &str, query: &str, matching: Matching) -> Vec<Span> {
    let ignore_case = match matching.case {
        SearchCase::Ignore => true,
        SearchCase::Smart => !query.chars().any(char::is_uppercase),
        SearchCase::Match => false,
    };
    let fold = Fold {
        case: ignore_case,
        accents: matching.ignore_accents,
    };
    let query = fold.apply(query).text;
    if query.is_empty() {
        return Vec::new();
    }
    let folded = fold.apply(text);
    folded
        .text
        .match_indices(query.as_str())
        .map(|(start, m)| Span::new(folded.origin(start), folded.origin(start + m.len())))
        .collect()
}

/// What folding takes away before text is compared.
#[derive(Clone, Copy)]
struct Fold {
    case: bool,
    accents: bool,
}

/// Folded text, with where each of its bytes came from.
struct Folded {
    text: String,
    /// For each byte of `text`, the byte offset in the original of the
    /// character it came from; one more entry, the original's length.
    origins: Vec<usize>,
}

impl Folded {
    fn origin(&self, folded: usize) -> usize {
        self.origins[folded]
    }
}

impl Fold {
    fn apply(self, text: &str) -> Folded {
        let mut out = Folded {
            text: String::with_capacity(text.len()),
            origins: Vec::with_capacity(text.len() + 1),
        };
        let push = |c: char, at: usize, out: &mut Folded| {
            let before = out.text.len();
            if self.case {
                out.text.extend(c.to_lowercase());
            } else {
                out.text.push(c);
            }
            out.origins.resize(out.text.len(), at);
            debug_assert!(out.text.len() > before);
        };
        for (at, c) in text.char_indices() {
            if c.is_ascii() {
                let c = if self.case { c.to_ascii_lowercase() } else { c };
                out.text.push(c);
                out.origins.push(at);
            } else if self.accents {
                match base_letter(c) {
                    Some(base) => push(base, at, &mut out),
                    // a letter with marks loses them; anything else
                    // (Hangul syllables, CJK) is kept whole, so that a
                    // match never begins or ends inside a character
                    None => {
                        let mut parts = smallvec::SmallVec::<[char; 4]>::new();
                        unicode_normalization::char::decompose_canonical(c, |d| parts.push(d));
                        let marks = parts
                            .iter()
                            .any(|&d| unicode_normalization::char::is_combining_mark(d));
                        if marks {
                            parts
                                .into_iter()
                                .filter(|&d| !unicode_normalization::char::is_combining_mark(d))
                                .for_each(|d| push(d, at, &mut out));
                        } else {
                            push(c, at, &mut out);
                        }
                    }
                }
            } else {
                push(c, at, &mut out);
            }
        }
        out.origins.push(text.len());
        out
    }
}

/// Letters with a stroke or a bar, which Unicode does not decompose, read as
/// their base letter when accents are ignored (`/lodz` finds "Łódź").
fn base_letter(c: char) -> Option<char> {
    Some(match c {
        'ł' => 'l',
        'Ł' => 'L',
        'ø' => 'o',
        'Ø' => 'O',
        'đ' => 'd',
        'Đ' => 'D',
        'ħ' => 'h',
        'Ħ' => 'H',
        'ı' => 'i',
        _ => return None,
    })
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
    fn case_is_ignored_by_default_and_smart_case_is_an_option() {
        let text = "Summit, summit, SUMMIT.";
        assert_eq!(find_all(text, "summit", Matching::default()).len(), 3);
        assert_eq!(find_all(text, "Summit", Matching::default()).len(), 3);
        let smart = Matching {
            case: SearchCase::Smart,
            ..Matching::default()
        };
        assert_eq!(find_all(text, "summit", smart).len(), 3);
        assert_eq!(find_all(text, "Summit", smart), [Span::new(0, 6)]);
        let exact = Matching {
            case: SearchCase::Match,
            ..Matching::default()
        };
        assert_eq!(find_all(text, "summit", exact), [Span::new(8, 14)]);
    }

    #[test]
    fn accents_are_ignored_and_spans_cover_the_original_letters() {
        let text = "From São Paulo to Zürich and Łódź; ZÜRICH again.";
        let m = find_all(text, "sao paulo", Matching::default());
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].slice(text), "São Paulo");
        let m = find_all(text, "zurich", Matching::default());
        let found: Vec<&str> = m.iter().map(|s| s.slice(text)).collect();
        assert_eq!(found, ["Zürich", "ZÜRICH"]);
        assert_eq!(
            find_all(text, "lodz", Matching::default())[0].slice(text),
            "Łódź"
        );
        // an accented query finds the plain spelling too
        assert_eq!(find_all("Zurich", "zürich", Matching::default()).len(), 1);
        // accents can be made to count
        let strict = Matching {
            ignore_accents: false,
            ..Matching::default()
        };
        assert!(find_all(text, "sao paulo", strict).is_empty());
        assert_eq!(find_all(text, "são paulo", strict).len(), 1);
    }

    #[test]
    fn a_match_never_ends_inside_a_character() {
        let text = "한국 서울";
        for query in ["한", "국 서", "서울"] {
            for m in find_all(text, query, Matching::default()) {
                assert!(!m.slice(text).is_empty(), "{query}");
                assert_eq!(m.slice(text), query);
            }
        }
    }

    #[test]
    fn decomposed_accents_stay_inside_the_match() {
        // "Zu" + combining diaeresis + "rich"
        let text = "Zu\u{308}rich";
        let m = find_all(text, "zurich", Matching::default());
        assert_eq!(m, [Span::new(0, text.len())]);
        let m = find_all(text, "zu", Matching::default());
        assert_eq!(m[0].slice(text), "Zu\u{308}");
    }

    #[test]
    fn matches_are_byte_spans_even_after_wide_characters() {
        let text = "Zoë met Zoë";
        let m = find_all(text, "zoë", Matching::default());
        assert_eq!(m, [Span::new(0, 4), Span::new(9, 13)]);
        assert_eq!(&text[m[1].start..m[1].end], "Zoë");
    }

    #[test]
    fn special_characters_are_searched_literally() {
        assert_eq!(
            find_all("a.b (c) a*b", "(c)", Matching::default()),
            [Span::new(4, 7)]
        );
        assert!(find_all("abc", "a.c", Matching::default()).is_empty());
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
