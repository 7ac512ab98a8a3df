//! Candidate names: runs of capitalised words in a sentence (`Moon Jae-in`,
//! `Chang W. Lee`, `U.S.`), with the lowercase particles names carry
//! (`Bill de Blasio`, `Luis de Miranda`) and the connectors of institution
//! names (`University of California`, `Department of Design and
//! Construction`), without a leading function word (`The New York Times` →
//! `New York Times`). Whether a candidate is a person, an organisation, a
//! place or nothing is decided later; here every capitalised run is offered.

use std::ops::Range;

use crate::analysis::lexicon::Lexicon;
use crate::analysis::sentences::Sentence;
use crate::analysis::tokens::{Token, TokenKind, is_clitic, with_lowercase};
use crate::ascii;

/// A run of tokens that may be a name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Candidate {
    /// Token indices.
    pub tokens: Range<usize>,
    /// Index of the sentence.
    pub sentence: usize,
    /// Whether the run begins its sentence (after any opening quotes), where
    /// every word is capitalised anyway.
    pub sentence_initial: bool,
    /// Token ranges of the lowercase connectors inside the run (`of`, `of the`,
    /// `and`): the caller decides whether the run is one institution's name or
    /// several names (`Pompeo and Kim`).
    pub joints: Vec<Range<usize>>,
}

impl Candidate {
    /// The run split at every joint: `Pompeo and Kim` → `Pompeo`, `Kim`.
    pub fn parts(&self) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let mut start = self.tokens.start;
        for j in &self.joints {
            out.push(start..j.start);
            start = j.end;
        }
        out.push(start..self.tokens.end);
        out
    }
}

/// Per token of a document, what the candidate runs and the scan for
/// organisations in lowercase ask of its case, told once and kept in two
/// bits (a 100 MB text has some 20 million tokens): whether it is a
/// [`Shapes::capital`] word and whether it is a [`Shapes::lowercase`] one.
pub struct Shapes {
    capital: Vec<u64>,
    lowercase: Vec<u64>,
}

impl Shapes {
    pub fn of(lex: &Lexicon, text: &str, tokens: &[Token]) -> Shapes {
        let words = tokens.len().div_ceil(64);
        let mut shapes = Shapes {
            capital: vec![0; words],
            lowercase: vec![0; words],
        };
        for (i, t) in tokens.iter().enumerate() {
            let (capital, lowercase) = Self::shape(lex, text, t);
            shapes.capital[i / 64] |= u64::from(capital) << (i % 64);
            shapes.lowercase[i / 64] |= u64::from(lowercase) << (i % 64);
        }
        shapes
    }

    /// Whether the token is a capital word, and whether a lowercase one.
    #[inline]
    fn shape(lex: &Lexicon, text: &str, token: &Token) -> (bool, bool) {
        if token.kind != TokenKind::Word {
            return (false, false);
        }
        let word = token.text(text);
        let bytes = word.as_bytes();
        // most words: small ASCII letters only, lowercase and no capital (no
        // hyphen that would glue a particle to a name); up to eight bytes
        // told at once
        let small = small_letters_only(text.as_bytes(), token.span())
            .unwrap_or_else(|| bytes.iter().all(u8::is_ascii_lowercase));
        if small {
            return (false, !bytes.is_empty());
        }
        let capital = is_capitalised(lex, word) && !is_clitic(word);
        let lowercase = !bytes.is_ascii()
            && word.chars().all(char::is_lowercase)
            && word.chars().any(char::is_alphabetic);
        (capital, lowercase)
    }

    /// Whether token `i` is a word that can be part of a name: capitalised
    /// ([`is_capitalised`]) and no clitic.
    pub fn capital(&self, i: usize) -> bool {
        self.capital[i / 64] >> (i % 64) & 1 != 0
    }

    /// Whether token `i` is a word with a letter and all its letters small.
    pub fn lowercase(&self, i: usize) -> bool {
        self.lowercase[i / 64] >> (i % 64) & 1 != 0
    }
}

/// Whether the bytes of `span` (one to eight of them, with eight bytes of
/// `text` from its start) are all small ASCII letters, told at once on the
/// eight; `None` where the span is longer or too near the end of the text,
/// or holds a byte outside ASCII (to be told otherwise).
fn small_letters_only(text: &[u8], span: crate::span::Span) -> Option<bool> {
    let len = span.end - span.start;
    if len > 8 {
        return None;
    }
    let x = u64::from_le_bytes(*text.get(span.start..)?.first_chunk::<8>()?);
    // the span's bytes, the others zero (ASCII, and no small letter)
    let mask = if len == 8 {
        u64::MAX
    } else {
        (1u64 << (8 * len)) - 1
    };
    let x = x & mask;
    if x & ascii::EIGHT_HIGH != 0 {
        return None;
    }
    let small = ascii::between(x, b'a', b'z');
    Some(small == ascii::EIGHT_HIGH & mask)
}

/// Whether a word is capitalised: an uppercase or titlecase first letter,
/// or a prefixed name such as `al-Assad`.
pub fn is_capitalised(lex: &Lexicon, word: &str) -> bool {
    // (an ASCII first letter is told by its byte)
    match word.as_bytes().first() {
        None => false,
        Some(b) if b.is_ascii_uppercase() => true,
        Some(b) if b.is_ascii_lowercase() => glued_to_particle(lex, word),
        Some(b) if b.is_ascii() => false,
        Some(_) => word.starts_with(char::is_uppercase) || glued_to_particle(lex, word),
    }
}

/// al-Assad, el-Sisi, bin-Salman: a particle glued to a capitalised name
/// (the hyphen comes within a particle's length).
fn glued_to_particle(lex: &Lexicon, word: &str) -> bool {
    let particles = &lex.lists.name_particles;
    // (a hyphen after the first letters: looked for in a slice of them)
    let head = &word.as_bytes()[..word.len().min(particles.longest() + 1)];
    let Some(at) = head.iter().position(|&b| b == b'-') else {
        return false;
    };
    let (p, rest) = (&word[..at], &word[at + 1..]);
    particles.contains(p) && rest.chars().next().is_some_and(char::is_uppercase)
}

/// Whether `word` is one of the function words that open a sentence or a
/// name but are no part of one (`The New York Times` → `New York Times`),
/// in any case, with or without a final period.
fn is_function_word(lex: &Lexicon, word: &str) -> bool {
    with_lowercase(word, |lower| {
        lex.lists
            .function_words
            .contains(lower.trim_end_matches('.'))
    })
}

/// Whether `word` is a function word written in capitals, two letters or
/// more (`IS`, `THE`, `WAS`): in a line of capitals it is no part of a name.
fn is_shouted_function_word(lex: &Lexicon, word: &str) -> bool {
    if word.len() < 2 || !word.chars().all(|c| c.is_ascii_uppercase()) {
        return false;
    }
    let mut capitalised = word[..1].to_string();
    capitalised.push_str(&word[1..].to_ascii_lowercase());
    is_function_word(lex, word) || lex.lists.headline_function_words.contains(&capitalised)
}

/// Whether `word` joins the parts of an institution's or a place's name
/// (`of`, `and`), in any ASCII case. (They are ASCII, and no other
/// character lowercases to an ASCII letter of theirs: lowercasing says the
/// same as an ASCII comparison.)
fn is_connector(lex: &Lexicon, word: &str) -> bool {
    let connectors = &lex.lists.name_connectors;
    word.len() <= connectors.longest() && with_lowercase(word, |w| connectors.contains(w))
}

/// Whether `word` is one of the particles inside personal names (all short
/// and lowercase: `de`, `van`).
fn is_particle(lex: &Lexicon, word: &str) -> bool {
    let particles = &lex.lists.name_particles;
    word.len() <= particles.longest()
        && word.as_bytes().first().is_some_and(u8::is_ascii_lowercase)
        && particles.contains(word)
}

/// Find candidate names in one sentence.
pub fn in_sentence(
    lex: &Lexicon,
    text: &str,
    tokens: &[Token],
    shapes: &Shapes,
    sentence: &Sentence,
    index: usize,
) -> Vec<Candidate> {
    let mut out = Vec::new();
    let range = sentence.tokens.clone();
    // the first word of the sentence, after opening quotes and brackets
    let first_word = range
        .clone()
        .find(|&i| tokens[i].kind != TokenKind::Punct)
        .unwrap_or(range.end);
    let word = |i: usize| tokens[i].text(text);
    let cap = |i: usize| shapes.capital(i);
    let mut i = range.start;
    while i < range.end {
        // (the capital after it first: most words are no particle, and are
        // followed by no capital)
        let starts_with_particle = || {
            i + 1 < range.end
                && cap(i + 1)
                && is_particle(lex, word(i))
                && !is_function_word(lex, word(i + 1))
        };
        if !cap(i) && !starts_with_particle() {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        let mut joints = Vec::new();
        loop {
            if end >= range.end {
                break;
            }
            let w = word(end);
            // words glued without a space are a scraping accident, not one
            // name: `CreditKirsten Luce`
            let glued = tokens[end - 1].span().end == tokens[end].span().start;
            // a function word in capitals ends a run of capitals:
            // `LAURIE OAKES IS THE NINE NETWORK POLITICAL EDITOR`
            // (but `BANK OF AMERICA`, `PROCTER AND GAMBLE`)
            if is_shouted_function_word(lex, w) && !matches!(w, "OF" | "AND" | "FOR") {
                break;
            }
            if cap(end) && !(w == "I" && end > start) && !glued {
                end += 1;
                continue;
            }
            // a particle inside a personal name: `Bill de Blasio`
            if is_particle(lex, w) && end + 1 < range.end && cap(end + 1) {
                end += 2;
                continue;
            }
            // `Department of Defense`, `University of California`, `Bank of the West`
            if is_connector(lex, w) && end + 1 < range.end {
                let mut k = end + 1;
                if matches!(w, "of" | "for") && matches!(word(k), "the" | "a") && k + 1 < range.end
                {
                    k += 1;
                }
                if cap(k) && !is_function_word(lex, word(k)) {
                    joints.push(end..k);
                    end = k + 1;
                    continue;
                }
            }
            break;
        }
        // a kind of road takes its number: `Route 66`, `Interstate 35`;
        // so does a part of a facility: `Terminal 2`, `Building 31`
        if end < range.end
            && tokens[end].kind == TokenKind::Number
            && tokens[end - 1].span().end < tokens[end].span().start
            && (lex.lists.road_kinds.contains(word(end - 1))
                || lex.lists.numbered_places.contains(word(end - 1)))
            && word(end).bytes().all(|c| c.is_ascii_digit())
        {
            end += 1;
        }
        // a natural feature's head in lowercase ends the name: `Bohai sea`,
        // `the Yangtze river` (not after a demonym: `a Korean river`)
        if end < range.end
            && tokens[end].kind == TokenKind::Word
            && lex.lists.lowercase_place_last_words.contains(word(end))
            && lex
                .demonym(&text[tokens[start].span().start..tokens[end - 1].span().end])
                .is_none()
        {
            end += 1;
        }
        // drop leading function words: `The New York Times`, `In Tokyo`
        let mut s = start;
        while s < end && (is_function_word(lex, word(s)) || is_shouted_function_word(lex, word(s)))
        {
            s += 1;
        }
        joints.retain(|j| j.start > s);
        if s < end {
            out.push(Candidate {
                tokens: s..end,
                sentence: index,
                sentence_initial: s == first_word,
                joints,
            });
        }
        i = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::sentences::split;
    use crate::analysis::tokens::tokenize;
    use crate::span::Span;

    fn names(text: &str) -> Vec<(String, bool)> {
        let tokens = tokenize(text, Span::new(0, text.len()));
        let sentences = split(text, &tokens, &[Span::new(0, text.len())]);
        let mut out = Vec::new();
        for (k, s) in sentences.iter().enumerate() {
            let lex = crate::analysis::lexicon::get();
            for c in in_sentence(lex, text, &tokens, &Shapes::of(lex, text, &tokens), s, k) {
                let span = Span::new(
                    tokens[c.tokens.start].span().start,
                    tokens[c.tokens.end - 1].span().end,
                );
                let parts: Vec<&str> = c
                    .parts()
                    .iter()
                    .map(|p| {
                        Span::new(tokens[p.start].span().start, tokens[p.end - 1].span().end)
                            .slice(text)
                    })
                    .collect();
                let shown = if parts.len() > 1 {
                    format!("{} = {}", span.slice(text), parts.join(" | "))
                } else {
                    span.slice(text).to_string()
                };
                out.push((shown, c.sentence_initial));
            }
        }
        out
    }

    #[test]
    fn capitalised_runs_with_particles_and_initials() {
        assert_eq!(
            names("Mayor Bill de Blasio met Chang W. Lee and Moon Jae-in."),
            [
                ("Mayor Bill de Blasio".to_string(), true),
                (
                    "Chang W. Lee and Moon Jae-in = Chang W. Lee | Moon Jae-in".to_string(),
                    false
                )
            ]
        );
        assert_eq!(
            names("as de Miranda writes"),
            [("de Miranda".to_string(), false)]
        );
        // the longest particle, alone and glued
        assert_eq!(
            names("we saw della Robbia and al-Assad, not della-robbia"),
            [(
                "della Robbia and al-Assad = della Robbia | al-Assad".to_string(),
                false
            )]
        );
        let lex = crate::analysis::lexicon::get();
        assert!(is_capitalised(lex, "della-Robbia") && !is_capitalised(lex, "dellas-Robbia"));
    }

    #[test]
    fn institution_names_keep_their_connectors() {
        assert_eq!(
            names(
                "He joined the Department of Design and Construction at the University of California."
            ),
            [
                (
                    "Department of Design and Construction = Department | Design | Construction"
                        .to_string(),
                    false
                ),
                (
                    "University of California = University | California".to_string(),
                    false
                )
            ]
        );
    }

    #[test]
    fn names_end_at_possessives_and_punctuation() {
        assert_eq!(
            names("Trump's aide, Kim, left; Pompeo and Kim met."),
            [
                ("Trump".to_string(), true),
                ("Kim".to_string(), false),
                ("Pompeo and Kim = Pompeo | Kim".to_string(), false)
            ]
        );
    }

    #[test]
    fn glued_words_do_not_make_one_name() {
        assert_eq!(
            names("weather.CreditKirsten Luce for"),
            [
                ("Credit".to_string(), true),
                ("Kirsten Luce".to_string(), false)
            ]
        );
    }

    #[test]
    fn leading_function_words_are_dropped() {
        assert_eq!(
            names("In Tokyo, The New York Times said."),
            [
                ("Tokyo".to_string(), false),
                ("New York Times".to_string(), false)
            ]
        );
    }

    proptest::proptest! {
        #[test]
        fn shapes_say_what_the_word_tests_say(
            text in "((al-Assad|el-sisi|de|della|Kim|KIM|kim|\u{c9}mile|\u{e9}t\u{e9}|\u{df}|n't|'s|\u{2019}S|I|x9|9x|a-b|abcdefghij|Abcdefghij|\u{3a3}|\u{3c3})[ ,.\\-'(\n]{0,2}){0,24}"
        ) {
            let tokens = tokenize(&text, Span::new(0, text.len()));
            let lex = crate::analysis::lexicon::get();
            let shapes = Shapes::of(lex, &text, &tokens);
            for (i, t) in tokens.iter().enumerate() {
                let w = t.text(&text);
                let word = t.kind == TokenKind::Word;
                proptest::prop_assert_eq!(
                    shapes.capital(i),
                    word && is_capitalised(lex, w) && !is_clitic(w),
                    "{:?}", w
                );
                proptest::prop_assert_eq!(
                    shapes.lowercase(i),
                    word && w.chars().all(char::is_lowercase) && w.chars().any(char::is_alphabetic),
                    "{:?}", w
                );
            }
        }
    }
}
