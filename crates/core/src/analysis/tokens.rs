//! Words and punctuation: Unicode word boundaries (UAX #29), refined the way
//! news text needs it and the taggers were trained on (Universal Dependencies
//! conventions): abbreviations keep their periods (`U.S.`, `Mr.`, `W.`),
//! hyphenated words stay whole (`Jae-in`), clitics split off (`Trump` `'s`,
//! `do` `n't`), quotation marks and punctuation stand alone.

use unicode_segmentation::UnicodeSegmentation;

use crate::lists::builtin;
use crate::span::Span;

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Has at least one letter.
    Word,
    /// Digits (with separators), no letters.
    Number,
    /// Anything else: punctuation, quotation marks, symbols.
    Punct,
}

/// A token: a span of the text and its kind. Offsets are kept as `u32` (12
/// bytes a token rather than 24: a long article has tens of millions), so
/// tokens lie in the first 4 GiB of a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    start: u32,
    end: u32,
    pub kind: TokenKind,
}

impl Token {
    /// A token over `span`, or `None` past the first 4 GiB of the text.
    pub fn new(span: Span, kind: TokenKind) -> Option<Token> {
        Some(Token {
            start: u32::try_from(span.start).ok()?,
            end: u32::try_from(span.end).ok()?,
            kind,
        })
    }

    /// The span of the text the token covers.
    pub fn span(&self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }

    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        self.span().slice(text)
    }
}

/// Whether a word (without its period) is an abbreviation that keeps its
/// period (`abbreviations`: titles, months, company suffixes, Latin and
/// address forms; case-sensitive).
pub fn is_abbreviation(word: &str) -> bool {
    builtin().abbreviations.contains(word)
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

fn kind_of(s: &str) -> TokenKind {
    if s.chars().any(char::is_alphabetic) {
        TokenKind::Word
    } else if s.chars().any(|c| c.is_ascii_digit() || c.is_numeric()) {
        TokenKind::Number
    } else {
        TokenKind::Punct
    }
}

/// Tokenise `text[range]`. Offsets are into `text`; tokens end at 4 GiB
/// (see [`Token`]).
pub fn tokenize(text: &str, range: Span) -> Vec<Token> {
    let mut out = Vec::new();
    Tokenizer::default().push_tokens(text, range, &mut out);
    out
}

/// Tokenises many ranges of a text into one list, reusing its scratch space
/// from one range to the next.
#[derive(Default)]
pub struct Tokenizer {
    raw: Vec<Span>,
}

impl Tokenizer {
    /// Append the tokens of `text[range]` to `out`, as [`tokenize`] gives them.
    pub fn push_tokens(&mut self, text: &str, range: Span, out: &mut Vec<Token>) {
        // offsets of a range that ends in the first 4 GiB all fit a token's
        // `u32`s; past it tokens end (see `Token`), which only the general
        // path checks token by token
        let fits = u32::try_from(range.end).is_ok();
        let bytes = &text.as_bytes()[..range.end];
        let mut at = range.start;
        // ASCII whitespace is a word boundary on both sides (UAX #29: no rule
        // joins a space, tab or line break to a neighbour, but for further
        // spaces and for a combining mark right after it), so the pieces
        // between it are tokenised each on its own. (A stray combining mark
        // after a space thus becomes a token of its own rather than one that
        // starts with the space.)
        loop {
            while at < bytes.len() && bytes[at].is_ascii_whitespace() {
                at += 1;
            }
            if at == bytes.len() {
                return;
            }
            // most pieces are a plain word, maybe with marks around it: their
            // tokens are known without segmenting or merging (and no merge
            // joins tokens of two pieces: it joins only tokens that touch)
            let scanned = match letters_end(bytes, at) {
                Ok(end) if end == at => plain_piece(bytes, at),
                // most of all a bare word, letters up to whitespace: one token
                Ok(end) if fits && bytes.get(end).is_none_or(u8::is_ascii_whitespace) => {
                    out.push(Token {
                        start: at as u32,
                        end: end as u32,
                        kind: TokenKind::Word,
                    });
                    at = end;
                    continue;
                }
                Ok(end) => plain_after(bytes, at, (at, end)),
                Err(i) => Err(i),
            };
            match scanned {
                Ok(plain) if fits => {
                    push_plain(text, plain, out);
                    at = plain.end;
                }
                scanned => {
                    let mut end = scanned.map_or_else(|i| i, |plain| plain.end);
                    while end < bytes.len() && !bytes[end].is_ascii_whitespace() {
                        end += 1;
                    }
                    if !self.push_general(text, Span::new(at, end), out) {
                        return; // past 4 GiB (see `Token`)
                    }
                    at = end;
                }
            }
        }
    }

    /// Append the tokens of a piece (a run without ASCII whitespace) the
    /// general way: UAX #29 segments, split and merged; `false` past 4 GiB
    /// (see [`Token`]), where tokens end.
    fn push_general(&mut self, text: &str, piece: Span, out: &mut Vec<Token>) -> bool {
        self.raw.clear();
        push_segments(text, piece, &mut self.raw);
        push_raw(text, &mut self.raw, out)
    }
}

/// The raw pieces of a piece of text: its UAX #29 segments, split where
/// news text needs it (not merged yet).
fn push_segments(text: &str, piece: Span, raw: &mut Vec<Span>) {
    segments(text, piece, |seg, plain| {
        if plain {
            push_camel(text, seg, raw);
        } else {
            split_segment(text, seg, raw);
        }
    });
}

/// Merge the raw pieces gathered so far and add them to `out` as tokens;
/// `false` past 4 GiB (see [`Token`]), where tokens end.
fn push_raw(text: &str, raw: &mut Vec<Span>, out: &mut Vec<Token>) -> bool {
    merge(text, raw);
    for &span in raw.iter() {
        let Some(token) = Token::new(span, kind_of(span.slice(text))) else {
            return false;
        };
        out.push(token);
    }
    true
}

/// A piece of ASCII letters between ASCII marks, found by [`plain_piece`]:
/// offsets into the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Plain {
    start: usize,
    /// Where the letters begin and end.
    word: (usize, usize),
    /// Where the piece ends: the end of the text or ASCII whitespace.
    end: usize,
}

/// The piece that starts at `bytes[start]` (not whitespace) if it is a plain
/// word ([`plain_word`]) with no capital after a small letter (where
/// [`push_camel`] may split it), found in one pass over its bytes; else
/// `Err(i)`, where `bytes[start..i]` has no whitespace.
fn plain_piece(bytes: &[u8], start: usize) -> Result<Plain, usize> {
    let word_start = run_end(bytes, start, MARK);
    let word_end = letters_end(bytes, word_start)?;
    plain_after(bytes, start, (word_start, word_end))
}

/// [`plain_piece`] from `start` on, whose letters ([`letters_end`]) are
/// `bytes[word.0..word.1]`, after marks from `start` on.
fn plain_after(bytes: &[u8], start: usize, word: (usize, usize)) -> Result<Plain, usize> {
    let (word_start, at) = word;
    if at == word_start {
        return Err(at);
    }
    let end = run_end(bytes, at, MARK);
    if bytes.get(end).is_some_and(|b| !b.is_ascii_whitespace()) {
        return Err(end);
    }
    Ok(Plain {
        start,
        word: (word_start, at),
        end,
    })
}

/// Where the run of ASCII letters from `bytes[start]` on ends, if it has no
/// capital after a small letter (where [`push_camel`] may split it); else
/// `Err(i)`, where `bytes[start..i]` are letters.
fn letters_end(bytes: &[u8], start: usize) -> Result<usize, usize> {
    let mut at = start;
    let mut after_small = false;
    while let Some(&b) = bytes.get(at) {
        match CLASS[usize::from(b)] {
            SMALL => after_small = true,
            CAPITAL if !after_small => {}
            CAPITAL => return Err(at), // a camel join
            _ => break,
        }
        at += 1;
    }
    Ok(at)
}

/// The tokens of a [`Plain`] piece, whose offsets fit a token's `u32`s: each
/// mark a token, the letters one word, with the period right after them if
/// they keep it (`Mr.`, `U.`), as [`merge`] would join them.
fn push_plain(text: &str, plain: Plain, out: &mut Vec<Token>) {
    let (start, mut end) = plain.word;
    if text.as_bytes()[end..plain.end].first() == Some(&b'.') && wants_period(&text[start..end]) {
        end += 1;
    }
    let token = |start: usize, end: usize, kind| Token {
        start: start as u32,
        end: end as u32,
        kind,
    };
    let marks =
        |range: std::ops::Range<usize>| range.map(move |i| token(i, i + 1, TokenKind::Punct));
    // (most words have no marks: no extending by nothing)
    if plain.start < start {
        out.extend(marks(plain.start..start));
    }
    out.push(token(start, end, TokenKind::Word));
    if end < plain.end {
        out.extend(marks(end..plain.end));
    }
}

/// The pieces of `text[range]`: its runs without ASCII whitespace, as
/// [`Tokenizer::push_tokens`] takes them.
#[cfg(test)]
fn pieces(text: &str, range: Span) -> impl Iterator<Item = Span> + '_ {
    let bytes = &text.as_bytes()[range.start..range.end];
    let mut at = 0;
    std::iter::from_fn(move || {
        while at < bytes.len() && bytes[at].is_ascii_whitespace() {
            at += 1;
        }
        if at == bytes.len() {
            return None;
        }
        let start = at;
        while at < bytes.len() && !bytes[at].is_ascii_whitespace() {
            at += 1;
        }
        Some(Span::new(range.start + start, range.start + at))
    })
}

/// The UAX #29 segments of a piece of text without ASCII whitespace, in
/// order, whitespace left out; `each` also learns whether the segment is
/// plain: ASCII letters only, or a single mark, with nothing to split.
fn segments(text: &str, piece: Span, mut each: impl FnMut(Span, bool)) {
    let s = piece.slice(text);
    if let Some((word_start, word_end)) = plain_word(s) {
        let byte = |i: usize| Span::new(piece.start + i, piece.start + i + 1);
        (0..word_start).for_each(|i| each(byte(i), true));
        each(
            Span::new(piece.start + word_start, piece.start + word_end),
            true,
        );
        (word_end..s.len()).for_each(|i| each(byte(i), true));
        return;
    }
    for (i, seg) in s.split_word_bound_indices() {
        if !seg.chars().all(char::is_whitespace) {
            each(
                Span::new(piece.start + i, piece.start + i + seg.len()),
                false,
            );
        }
    }
}

/// The class of each byte for [`plain_word`] and [`plain_piece`]: an ASCII
/// mark (punctuation but `_`), a small or capital ASCII letter, or other.
const CLASS: [u8; 256] = {
    let mut class = [OTHER; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_punctuation() && c != b'_' {
            class[b] = MARK;
        } else if c.is_ascii_lowercase() {
            class[b] = SMALL;
        } else if c.is_ascii_uppercase() {
            class[b] = CAPITAL;
        }
        b += 1;
    }
    class
};
const OTHER: u8 = 0;
const MARK: u8 = 1;
const SMALL: u8 = 2;
const CAPITAL: u8 = 3;

/// A run of ASCII letters with ASCII punctuation before and after it
/// (`"Yes,`, `(said)`): the letters are one UAX #29 word (WB5) and each mark
/// a segment of its own, since no rule joins a mark to a letter but between
/// two letters or digits, nor two marks (`_` excepted, which joins words).
/// Where the letters begin and end.
fn plain_word(s: &str) -> Option<(usize, usize)> {
    let bytes = s.as_bytes();
    let start = run_end(bytes, 0, MARK);
    let end = start
        + bytes[start..]
            .iter()
            .take_while(|&&b| matches!(CLASS[usize::from(b)], SMALL | CAPITAL))
            .count();
    (end > start && run_end(bytes, end, MARK) == bytes.len()).then_some((start, end))
}

/// Where the run of bytes of class `class` ([`CLASS`]) from `from` on ends.
fn run_end(bytes: &[u8], from: usize, class: u8) -> usize {
    from + bytes[from..]
        .iter()
        .take_while(|&&b| CLASS[usize::from(b)] == class)
        .count()
}

/// Split one UAX #29 segment where news text needs it: a period glued between
/// two words (`underground.Credit`), clitics (`Trump's`, `don't`), and words
/// glued to a capitalised word after an ordinary word (`CreditChang`).
fn split_segment(text: &str, span: Span, out: &mut Vec<Span>) {
    let s = span.slice(text);
    // A period glued between a lowercase word and a capital: two words and a period.
    if let Some(dot) = glued_period(s) {
        split_segment(text, Span::new(span.start, span.start + dot), out);
        out.push(Span::new(span.start + dot, span.start + dot + 1));
        split_segment(text, Span::new(span.start + dot + 1, span.end), out);
        return;
    }
    if let Some(cut) = clitic_start(s) {
        push_camel(text, Span::new(span.start, span.start + cut), out);
        out.push(Span::new(span.start + cut, span.end));
        return;
    }
    push_camel(text, span, out);
}

/// `underground.Credit` → the period's byte index.
fn glued_period(s: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if b != b'.' || i < 2 {
            continue;
        }
        let before = &s[..i];
        let after = &s[i + 1..];
        let lower_run = before
            .chars()
            .rev()
            .take_while(|c| c.is_lowercase())
            .count();
        if lower_run >= 2
            && !before.contains('.')
            && after.chars().next().is_some_and(char::is_uppercase)
            && after.chars().nth(1).is_some_and(char::is_lowercase)
        {
            return Some(i);
        }
    }
    None
}

/// Where a clitic begins: `Trump's` → 5, `don't` → 2, `they're` → 4.
fn clitic_start(s: &str) -> Option<usize> {
    // every clitic starts with or holds an apostrophe
    if !s.contains(['\'', '\u{2019}']) {
        return None;
    }
    with_lowercase(s, |lower| clitic_start_in(s, lower))
}

/// [`clitic_start`] of `s`, whose lowercase form is `lower`.
fn clitic_start_in(s: &str, lower: &str) -> Option<usize> {
    if lower.len() != s.len() {
        return None; // offsets would not line up
    }
    for suffix in ["n't", "n\u{2019}t"] {
        if lower.ends_with(suffix) && s.len() > suffix.len() {
            return Some(s.len() - suffix.len());
        }
    }
    for clitic in ["s", "re", "ll", "ve", "m", "d"] {
        for apos in ['\'', '\u{2019}'] {
            let total = apos.len_utf8() + clitic.len();
            if s.len() > total
                && lower.ends_with(clitic)
                && lower[..s.len() - clitic.len()].ends_with(apos)
            {
                let cut = s.len() - total;
                // O'Brien-like words are not clitics: the stem must end in a letter.
                if s[..cut].chars().last().is_some_and(char::is_alphanumeric) {
                    return Some(cut);
                }
            }
        }
    }
    None
}

/// Push a word, split where a capitalised ordinary word is glued to a name
/// (`CreditChang` → `Credit` `Chang`); names such as `McHugh`, `LaGuardia`,
/// `DeJesus` have a short first part and stay whole.
fn push_camel(text: &str, span: Span, out: &mut Vec<Span>) {
    let s = span.slice(text);
    // no capital after a lowercase letter: nothing to split
    let bytes = s.as_bytes();
    if bytes.is_ascii()
        && !(1..bytes.len())
            .any(|i| bytes[i].is_ascii_uppercase() && bytes[i - 1].is_ascii_lowercase())
    {
        out.push(span);
        return;
    }
    let mut start = 0;
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    for w in 1..chars.len() {
        let (i, c) = chars[w];
        let prev = chars[w - 1].1;
        if c.is_uppercase() && prev.is_lowercase() {
            let part = &s[start..i];
            let mut it = part.chars();
            let first_upper = it.next().is_some_and(char::is_uppercase);
            if first_upper
                && part.chars().count() >= 5
                && part.chars().skip(1).all(char::is_lowercase)
                && chars.get(w + 1).is_some_and(|&(_, n)| n.is_lowercase())
            {
                out.push(Span::new(span.start + start, span.start + i));
                start = i;
            }
        }
    }
    out.push(Span::new(span.start + start, span.end));
}

/// Merge raw pieces in place: abbreviation + period, hyphenated compounds.
fn merge(text: &str, raw: &mut Vec<Span>) {
    // each merged piece takes at least one raw piece: it is written at or
    // before the one being read
    let mut kept = 0;
    let mut i = 0;
    while i < raw.len() {
        let mut cur = raw[i];
        i += 1;
        // abbreviation + '.'
        if let Some(next) = raw.get(i)
            && next.start == cur.end
            && next.slice(text) == "."
            && wants_period(cur.slice(text))
        {
            cur.end = next.end;
            i += 1;
        }
        // hyphenated compounds: word-word(-word...) with no spaces
        while let (Some(h), Some(w)) = (raw.get(i), raw.get(i + 1)) {
            let hs = h.slice(text);
            // `Seoul-based` stays three tokens: the name stands alone
            let name_compound = || {
                cur.slice(text)
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase)
                    // `name_compound_suffixes`: `based`, `led`, `backed`
                    && builtin().name_compound_suffixes.contains(w.slice(text))
            };
            if h.start == cur.end
                && w.start == h.end
                && hs.chars().count() == 1
                && hs.chars().all(is_hyphen)
                && !name_compound()
                && cur
                    .slice(text)
                    .chars()
                    .last()
                    .is_some_and(char::is_alphanumeric)
                && w.slice(text)
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric)
            {
                cur.end = w.end;
                i += 2;
                // a compound ending in an abbreviation keeps its period too
                if let Some(next) = raw.get(i)
                    && next.start == cur.end
                    && next.slice(text) == "."
                    && wants_period(w.slice(text))
                {
                    cur.end = next.end;
                    i += 1;
                }
            } else {
                break;
            }
        }
        raw[kept] = cur;
        kept += 1;
    }
    raw.truncate(kept);
}

/// Whether a word followed directly by a period keeps it: `U.S`, `W`, `Mr`.
fn wants_period(word: &str) -> bool {
    if is_abbreviation(word) {
        return true;
    }
    let mut chars = word.chars();
    match (chars.next(), chars.next()) {
        // an initial: a single capital letter
        (Some(c), None) => c.is_uppercase(),
        // letters with periods inside: U.S, N.Y.C, a.m, Ph.D
        _ => {
            word.contains('.')
                && word.split('.').all(|p| {
                    !p.is_empty() && p.chars().count() <= 2 && p.chars().all(char::is_alphabetic)
                })
        }
    }
}

/// A form for lookups: curly apostrophes and quotes made straight.
pub fn normalize(word: &str) -> std::borrow::Cow<'_, str> {
    if word.contains(['\u{2019}', '\u{2018}', '\u{201c}', '\u{201d}']) {
        std::borrow::Cow::Owned(
            word.replace(['\u{2019}', '\u{2018}'], "'")
                .replace(['\u{201c}', '\u{201d}'], "\""),
        )
    } else {
        std::borrow::Cow::Borrowed(word)
    }
}

/// Whether a token is a possessive or other clitic split off a word.
pub fn is_clitic(word: &str) -> bool {
    // every clitic starts with an apostrophe or is `n't`, and has at most
    // five bytes (`n\u{2019}t`, `\u{2019}re`)
    if word.len() > 5 || !word.starts_with(['\'', '\u{2019}', '\u{2018}', 'n', 'N']) {
        return false;
    }
    let w = normalize(word);
    with_lowercase(&w, |w| {
        matches!(w, "'s" | "'re" | "'ll" | "'ve" | "'m" | "'d" | "n't")
    })
}

/// `f(&word.to_lowercase())`, lowercased on the stack when `word` is short
/// ASCII (most words): no allocation.
pub fn with_lowercase<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    with_lowered(word, |w| w.to_lowercase().into(), f)
}

/// `f(&lower(word))` for a lowercasing `lower` that leaves ASCII as
/// `to_ascii_lowercase` does: ASCII words are lowercased without it (on the
/// stack when short), or not at all when they are lowercase already.
pub(crate) fn with_lowered<'w, R>(
    word: &'w str,
    lower: impl FnOnce(&'w str) -> std::borrow::Cow<'w, str>,
    f: impl FnOnce(&str) -> R,
) -> R {
    if word.is_ascii() {
        if !word.bytes().any(|b| b.is_ascii_uppercase()) {
            return f(word); // already lowercase
        }
        // (words of up to 24 bytes stay on the stack)
        let mut lowered = compact_str::CompactString::new(word);
        lowered.as_mut_str().make_ascii_lowercase();
        return f(&lowered);
    }
    f(&lower(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_is_twelve_bytes_and_lies_in_the_first_4_gib() {
        assert_eq!(std::mem::size_of::<Token>(), 12);
        let last = u32::MAX as usize;
        let t = Token::new(Span::new(last - 3, last), TokenKind::Word);
        assert_eq!(t.map(|t| t.span()), Some(Span::new(last - 3, last)));
        assert_eq!(
            Token::new(Span::new(last, last + 1), TokenKind::Punct),
            None
        );
    }

    fn words(text: &str) -> Vec<&str> {
        tokenize(text, Span::new(0, text.len()))
            .iter()
            .map(|t| t.text(text))
            .collect()
    }

    #[test]
    fn abbreviations_and_initials_keep_their_period() {
        assert_eq!(
            words("Mr. Chang W. Lee of the U.S. said."),
            [
                "Mr.", "Chang", "W.", "Lee", "of", "the", "U.S.", "said", "."
            ]
        );
        assert_eq!(words("N.Y.C. at 9 a.m."), ["N.Y.C.", "at", "9", "a.m."]);
    }

    #[test]
    fn clitics_are_told_in_any_case_and_quote() {
        for c in [
            "'s",
            "\u{2019}S",
            "\u{2018}ll",
            "n't",
            "N'T",
            "n\u{2019}t",
            "'D",
        ] {
            assert!(is_clitic(c), "{c}");
        }
        for w in [
            "s", "Trump", "nope", "'", "n", "\u{2019}", "O'Brien", "\u{c9}'s",
        ] {
            assert!(!is_clitic(w), "{w}");
        }
        assert_eq!(with_lowercase("CAF\u{c9}", str::to_string), "caf\u{e9}");
        assert_eq!(with_lowercase("Of", str::to_string), "of");
    }

    #[test]
    fn possessives_and_negations_split_off() {
        assert_eq!(words("Trump's team"), ["Trump", "'s", "team"]);
        assert_eq!(
            words("Moon\u{2019}s office"),
            ["Moon", "\u{2019}s", "office"]
        );
        assert_eq!(words("don't"), ["do", "n't"]);
        assert_eq!(words("O'Brien"), ["O'Brien"]);
    }

    #[test]
    fn hyphenated_words_stay_whole() {
        assert_eq!(words("Moon Jae-in met"), ["Moon", "Jae-in", "met"]);
        assert_eq!(
            words("the Trump-Kim summit"),
            ["the", "Trump-Kim", "summit"]
        );
        assert_eq!(words("L.A.-based"), ["L.A.", "-", "based"]);
        assert_eq!(
            words("a Seoul-based firm"),
            ["a", "Seoul", "-", "based", "firm"]
        );
        assert_eq!(words("long-term"), ["long-term"]);
        assert_eq!(words("a - b"), ["a", "-", "b"]);
    }

    #[test]
    fn quotes_and_punctuation_stand_alone() {
        assert_eq!(
            words("\u{201c}Yes,\u{201d} he said: \"no\"."),
            [
                "\u{201c}", "Yes", ",", "\u{201d}", "he", "said", ":", "\"", "no", "\"", "."
            ]
        );
    }

    #[test]
    fn glued_captions_split_into_words() {
        assert_eq!(
            words("underground.CreditCreditChang W. Lee"),
            ["underground", ".", "Credit", "Credit", "Chang", "W.", "Lee"]
        );
        assert_eq!(
            words("McHugh LaGuardia DeJesus"),
            ["McHugh", "LaGuardia", "DeJesus"]
        );
    }

    #[test]
    fn offsets_point_into_the_text() {
        let text = "ab Kim\u{2019}s \u{00e9}t\u{00e9}.";
        for t in tokenize(text, Span::new(0, text.len())) {
            assert!(text.is_char_boundary(t.span().start) && text.is_char_boundary(t.span().end));
        }
    }

    /// The segments of the runs between ASCII whitespace, plain words taken
    /// whole, are those of the whole text (without combining marks, which
    /// may cling to a space).
    fn segments_by_pieces(text: &str) -> Vec<(usize, &str)> {
        let mut out = Vec::new();
        for piece in pieces(text, Span::new(0, text.len())) {
            segments(text, piece, |seg, _| out.push((seg.start, seg.slice(text))));
        }
        out
    }

    #[test]
    fn plain_words_are_found_between_marks() {
        assert_eq!(plain_word("said"), Some((0, 4)));
        assert_eq!(plain_word("\"(Yes),"), Some((2, 5)));
        assert_eq!(plain_word("U.S."), None);
        assert_eq!(plain_word("a_b"), None);
        assert_eq!(plain_word("2019,"), None);
        assert_eq!(plain_word("..."), None);
        assert_eq!(plain_word("caf\u{e9}"), None);
    }

    #[test]
    fn plain_pieces_end_at_whitespace_and_refuse_camel_joins() {
        let word = |s: &str| plain_piece(s.as_bytes(), 0).ok().map(|p| p.word);
        assert_eq!(word("\"(NATO-led"), None);
        assert_eq!(word("\"internationally), said"), Some((1, 16)));
        assert_eq!(word("NATOmembers."), Some((0, 11)));
        assert_eq!(word("UNESCOHEADQUARTERS"), Some((0, 18)));
        // a capital after a small letter, next to it or not
        assert_eq!(word("internaTional"), None);
        assert_eq!(word("internationaL"), None);
        assert_eq!(word("aBCDEFGHIJK"), None);
        assert_eq!(word("caf\u{e9}"), None);
    }

    proptest::proptest! {
        #[test]
        fn pieces_segment_as_the_whole_text(
            text in "[a-zA-Z0-9 \\t\\n\\r.,:;!?&/*#@%$\\[\\]'\u{2019}\"\u{201c}\u{201d}()_\\-\u{e9}\u{3b1}\u{4e2d}\u{a0}\u{2003}\u{200b}]{0,40}"
        ) {
            let whole: Vec<(usize, &str)> = text
                .split_word_bound_indices()
                .filter(|(_, seg)| !seg.chars().all(char::is_whitespace))
                .collect();
            proptest::prop_assert_eq!(segments_by_pieces(&text), whole);
        }

        #[test]
        fn plain_pieces_tokenise_as_the_general_path_does(
            text in "([\"(\\[]{0,2}([A-Z]|[a-zA-Z]{1,6}|Mr|Dr|Jan|vs|[A-Z][a-z]{3,5}[A-Z][a-z]{0,2}|[a-zA-Z]{7,20}|[A-Z]{0,3}[a-z]{4,9}[A-Z][a-z]{1,9})[.,;:!?)\\]'\"\\-]{0,3}[ \n]){1,12}"
        ) {
            proptest::prop_assert_eq!(tokenize(&text, Span::new(0, text.len())), general(&text));
        }

        #[test]
        fn any_piece_tokenises_as_the_general_path_does(
            text in "[a-zA-Z0-9 \t\n\r\x0c.,:;!?&/*#@%$\\[\\]'\u{2019}\"\u{201c}\u{201d}()_\\-\u{2010}\u{e9}\u{3b1}\u{4e2d}\u{a0}\u{300}]{0,40}"
        ) {
            // and from any offset, as a block of a longer text is
            for start in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                let range = Span::new(start, text.len());
                let mut fast = Vec::new();
                Tokenizer::default().push_tokens(&text, range, &mut fast);
                proptest::prop_assert_eq!(fast, general_in(&text, range));
            }
        }
    }

    /// The tokens of `text[range]` with every piece through segmentation and
    /// merging, as before the plain pieces were given a way of their own.
    fn general_in(text: &str, range: Span) -> Vec<Token> {
        let mut raw = Vec::new();
        for piece in pieces(text, range) {
            push_segments(text, piece, &mut raw);
        }
        merge(text, &mut raw);
        raw.iter()
            .filter_map(|&span| Token::new(span, kind_of(span.slice(text))))
            .collect()
    }

    fn general(text: &str) -> Vec<Token> {
        general_in(text, Span::new(0, text.len()))
    }
}
