//! Feature extraction shared by training and tagging.
//!
//! A token's features: the word itself (as written, lowercased, its shapes
//! and affixes, what the lexicon knows of it, whether it starts a clause);
//! each neighbour (±1, ±2) on its own (lowercase form, shape, lexicon
//! bits); the word with its left and right neighbour (lowercase bigrams,
//! lexicon bits); the classes already given to the two tokens on the left,
//! alone and with the word.
//!
//! They are grouped by what they are keyed by, so that tagging looks each
//! up as rarely as it can: features over small domains (a lexicon bit, a
//! flag, a class) once per tagger, at load; features of a shape or of a set
//! of lexicon bits once per distinct one in a call; features of a word's
//! forms once per distinct word; only bigrams and the class before per
//! token. [`context`] and [`given_history`] list all features of one token
//! (training). Every string is hashed once per distinct word
//! ([`WordInfo`]); a feature is a 64-bit mix of its template number and
//! those hashes, so nothing is allocated per feature.

use crate::analysis::lexicon::{self, NameKind, TitleKind};

/// What the lexicon knows about a token, as bits.
pub(crate) mod lex {
    pub const GIVEN: u32 = 1 << 0;
    pub const GIVEN_COMMON: u32 = 1 << 1;
    pub const SURNAME: u32 = 1 << 2;
    pub const SURNAME_COMMON: u32 = 1 << 3;
    pub const FAMILY_FIRST: u32 = 1 << 4;
    pub const TITLE: u32 = 1 << 5;
    pub const TITLE_ROLE: u32 = 1 << 6;
    pub const PLACE: u32 = 1 << 7;
    pub const PLACE_BIG: u32 = 1 << 8;
    pub const ORG_CUE: u32 = 1 << 9;
    pub const ORG_KNOWN: u32 = 1 << 10;
    pub const CALENDAR: u32 = 1 << 11;
    pub const WORD_TIER1: u32 = 1 << 12;
    pub const WORD_TIER2: u32 = 1 << 13;
    pub const WORD_RARE: u32 = 1 << 14;
    pub const DEMONYM: u32 = 1 << 15;
    pub const CAPITALISED: u32 = 1 << 16;
    pub const ALL_CAPS: u32 = 1 << 17;
    /// The bits above, one feature each.
    pub const FEATURES: u32 = (1 << 18) - 1;
    /// Only the pseudo-word outside the sentence has this one.
    pub const BOUNDARY: u32 = 1 << 31;
}

/// What the features need of one distinct word, computed once per tagging
/// call: its lexicon bits and the hashes of its forms.
#[derive(Clone, Debug)]
pub(crate) struct WordInfo {
    pub lex: u32,
    /// An opening quotation mark, bracket, colon or dash: the next word starts a clause.
    pub opener: bool,
    /// Numbers of the word's shape and lexicon bits among those of one
    /// call ([`super::Prepared`] gives them), for features keyed by either.
    pub shape_id: u32,
    pub lex_id: u32,
    word: u64,
    lower: u64,
    shape: u64,
    short_shape: u64,
    prefix2: u64,
    prefix3: u64,
    suffix2: u64,
    suffix3: u64,
    suffix4: u64,
}

/// FNV-1a over the bytes, ended by a separator.
fn hash_str(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes().chain(std::iter::once(0xff)) {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// The MurmurHash3 finaliser: every input bit reaches every output bit, so
/// that the model's table slot (the low bits) depends on all of a feature.
fn mix(mut x: u64) -> u64 {
    x ^= x >> 33;
    x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
    x ^= x >> 33;
    x = x.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    x ^ (x >> 33)
}

/// A feature: template `t` over the values `parts`.
fn feat(t: u8, parts: &[u64]) -> u64 {
    let mut h = mix(u64::from(t).wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ 0x5bd1_e995);
    for &p in parts {
        h = mix(h ^ p);
    }
    h
}

/// A class number as a feature value; `u32::MAX` is "before the sentence".
fn class(c: u32) -> u64 {
    u64::from(c) | 0xc1a5_5000_0000_0000
}

fn normalise(token: &str) -> std::borrow::Cow<'_, str> {
    let odd = |c: char| {
        matches!(
            c,
            '\u{2018}'
                | '\u{2019}'
                | '\u{201B}'
                | '`'
                | '\u{201C}'
                | '\u{201D}'
                | '\u{201E}'
                | '\u{2013}'
                | '\u{2014}'
        )
    };
    if !token.contains(odd) {
        return token.into();
    }
    token
        .chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' | '\u{201B}' | '`' => '\'',
            '\u{201C}' | '\u{201D}' | '\u{201E}' => '"',
            '\u{2013}' | '\u{2014}' => '-',
            c => c,
        })
        .collect::<String>()
        .into()
}

/// `Jae-in` → `Xxx-xx` (runs capped at 3) and `Xx-x` (runs collapsed).
fn shapes(word: &str) -> (String, String) {
    let (mut shape, mut short) = (String::new(), String::new());
    let (mut last, mut run) = ('\0', 0);
    for c in word.chars() {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else if c.is_alphabetic() {
            'a'
        } else {
            c
        };
        run = if s == last { run + 1 } else { 1 };
        if run <= 3 {
            shape.push(s);
        }
        if run == 1 {
            short.push(s);
        }
        last = s;
    }
    (shape, short)
}

fn prefix(s: &str, n: usize) -> &str {
    s.char_indices().nth(n).map_or(s, |(i, _)| &s[..i])
}

fn suffix(s: &str, n: usize) -> &str {
    let count = s.chars().count();
    if count <= n {
        return s;
    }
    s.char_indices().nth(count - n).map_or(s, |(i, _)| &s[i..])
}

/// What the lexicon knows of a word (`lower`: its lowercase form). Every
/// table is asked about every word: a lowercase word can be a name too
/// (`rose`, `bush`, `china`), and that is worth knowing.
fn lexicon_bits(word: &str, lower: &str) -> u32 {
    let lx = lexicon::get();
    let mut bits = 0;
    let first_upper = word.chars().next().is_some_and(char::is_uppercase);
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    if first_upper {
        bits |= lex::CAPITALISED;
    }
    if letters > 1 && !word.chars().any(char::is_lowercase) {
        bits |= lex::ALL_CAPS;
    }
    if letters == 0 {
        return bits;
    }
    if let Some(f) = lx.given_name(lower) {
        bits |= lex::GIVEN;
        if f >= 0.05 {
            bits |= lex::GIVEN_COMMON;
        }
    }
    if let Some(f) = lx.surname(lower) {
        bits |= lex::SURNAME;
        if f >= 0.01 {
            bits |= lex::SURNAME_COMMON;
        }
    }
    if !lx.family_first(lower).is_empty() {
        bits |= lex::FAMILY_FIRST;
    }
    if let Some(t) = lx.title(lower) {
        bits |= lex::TITLE;
        if !t.is(TitleKind::Job) || t.is(TitleKind::Political) {
            bits |= lex::TITLE_ROLE;
        }
    }
    if let Some(m) = lx.place(word).filter(|m| m.how != NameKind::Variant) {
        bits |= lex::PLACE;
        if m.place.population >= 1_000_000 || m.place.population == 0 {
            bits |= lex::PLACE_BIG;
        }
    }
    if lx.org_cue(word).is_some() {
        bits |= lex::ORG_CUE;
    }
    if lx.organization(word).is_some() {
        bits |= lex::ORG_KNOWN;
    }
    if lx.calendar(word).is_some() {
        bits |= lex::CALENDAR;
    }
    if lx.demonym(word).is_some() {
        bits |= lex::DEMONYM;
    }
    match lx.common_word(lower).map(|w| w.tier) {
        Some(1) => bits |= lex::WORD_TIER1,
        Some(2) => bits |= lex::WORD_TIER2,
        Some(_) => bits |= lex::WORD_RARE,
        None => {}
    }
    bits
}

impl WordInfo {
    /// Look a token up and hash its forms.
    pub(crate) fn new(token: &str) -> Self {
        let word = normalise(token);
        let lower = word.to_lowercase();
        let (shape, short_shape) = shapes(&word);
        WordInfo {
            lex: lexicon_bits(&word, &lower),
            opener: matches!(word.as_ref(), "\"" | "'" | "(" | ":" | "-"),
            shape_id: 0,
            lex_id: 0,
            word: hash_str(&word),
            lower: hash_str(&lower),
            shape: hash_str(&shape),
            short_shape: hash_str(&short_shape),
            prefix2: hash_str(prefix(&lower, 2)),
            prefix3: hash_str(prefix(&lower, 3)),
            suffix2: hash_str(suffix(&lower, 2)),
            suffix3: hash_str(suffix(&lower, 3)),
            suffix4: hash_str(suffix(&lower, 4)),
        }
    }

    /// What identifies the word's shape features.
    pub(crate) fn shape_key(&self) -> (u64, u64) {
        (self.shape, self.short_shape)
    }

    /// The pseudo-word before and after a sentence.
    pub(crate) fn boundary() -> Self {
        let b = hash_str("<s>");
        WordInfo {
            lex: lex::BOUNDARY,
            opener: false,
            shape_id: 0,
            lex_id: 0,
            word: b,
            lower: b,
            shape: b,
            short_shape: b,
            prefix2: b,
            prefix3: b,
            suffix2: b,
            suffix3: b,
            suffix4: b,
        }
    }
}

/// The set feature bits of `lex`, as bit numbers.
pub(crate) fn bits(lex: u32) -> impl Iterator<Item = u32> {
    let mut rest = lex & lex::FEATURES;
    std::iter::from_fn(move || {
        (rest != 0).then(|| {
            let b = rest.trailing_zeros();
            rest &= rest - 1;
            b
        })
    })
}

/// Number of lexicon bits that are features.
pub(crate) const BITS: u32 = lex::FEATURES.count_ones();

// Features over small domains (a bias, a flag, a lexicon bit, a class): the
// tagger adds up their weights once, at load.

/// Every token has it.
pub(crate) fn bias() -> u64 {
    feat(0, &[])
}

/// The word has lexicon bit `b`.
pub(crate) fn own_bit(b: u32) -> u64 {
    feat(23, &[u64::from(b)])
}

/// The word does or does not start the sentence or a clause.
pub(crate) fn clause_flag(first: bool) -> u64 {
    feat(21, &[u64::from(first)])
}

/// The word has lexicon bit `b` and does or does not start a clause.
pub(crate) fn clause_bit(b: u32, first: bool) -> u64 {
    feat(27, &[u64::from(b), u64::from(first)])
}

/// Neighbour positions, in the order [`neighbour`] numbers them.
pub(crate) const OFFSETS: [isize; 4] = [-2, -1, 1, 2];

/// The neighbour at [`OFFSETS`]`[at]` has lexicon bit `b`.
pub(crate) fn neighbour_bit(at: usize, b: u32) -> u64 {
    const T: [u8; 4] = [26, 24, 25, 32];
    feat(T[at], &[u64::from(b)])
}

/// The classes of the two tokens before (`u32::MAX` before the sentence).
pub(crate) fn history(prev: u32, prev2: u32, out: &mut Vec<u64>) {
    out.push(feat(18, &[class(prev)]));
    out.push(feat(19, &[class(prev), class(prev2)]));
}

/// The word has lexicon bit `b` and the token before has class `prev`.
pub(crate) fn history_bit(b: u32, prev: u32) -> u64 {
    feat(31, &[u64::from(b), class(prev)])
}

// Features keyed by the word's forms: looked up per distinct word, or per
// token where they take its neighbours or the class before.

/// The word as written, lowercased, and its affixes.
pub(crate) fn own(w: &WordInfo, out: &mut Vec<u64>) {
    out.push(feat(1, &[w.word]));
    out.push(feat(2, &[w.lower]));
    out.push(feat(5, &[w.prefix3]));
    out.push(feat(6, &[w.suffix3]));
    out.push(feat(7, &[w.suffix2]));
    out.push(feat(8, &[w.suffix4]));
    out.push(feat(9, &[w.prefix2]));
}

/// A neighbour's lowercase form; `at` indexes [`OFFSETS`].
pub(crate) fn neighbour(n: &WordInfo, at: usize) -> u64 {
    const T: [u8; 4] = [12, 10, 11, 13];
    feat(T[at], &[n.lower])
}

/// The word with each of its next neighbours (lowercase bigrams).
pub(crate) fn bigrams(left: &WordInfo, w: &WordInfo, right: &WordInfo, out: &mut Vec<u64>) {
    out.push(feat(29, &[left.lower, w.lower]));
    out.push(feat(30, &[w.lower, right.lower]));
}

/// The class of the token before, with the word.
pub(crate) fn history_word(prev: u32, w: &WordInfo) -> u64 {
    feat(20, &[class(prev), w.lower])
}

// Features keyed by the word's shape: looked up per distinct shape.

/// The word's shapes.
pub(crate) fn own_shape(w: &WordInfo, out: &mut Vec<u64>) {
    out.push(feat(3, &[w.shape]));
    out.push(feat(4, &[w.short_shape]));
}

/// The word's shape where it does or does not (`first`) start a clause.
pub(crate) fn clause(w: &WordInfo, first: bool) -> u64 {
    feat(22, &[u64::from(first), w.short_shape])
}

/// A neighbour's shape; `at` indexes [`OFFSETS`].
pub(crate) fn neighbour_shape(n: &WordInfo, at: usize) -> u64 {
    const T: [u8; 4] = [16, 14, 15, 17];
    feat(T[at], &[n.short_shape])
}

/// The class of the token before, with the word's shape.
pub(crate) fn history_shape(prev: u32, w: &WordInfo) -> u64 {
    feat(28, &[class(prev), w.short_shape])
}

// Features keyed by the lexicon bits as a whole: looked up per distinct
// set of bits, or pair of them.

/// All of the word's lexicon bits together.
pub(crate) fn own_lex(w: &WordInfo) -> u64 {
    feat(33, &[u64::from(w.lex)])
}

/// The word's lexicon bits with those of its left (`right`: right) neighbour.
pub(crate) fn lex_pair(w: &WordInfo, n: &WordInfo, right: bool) -> u64 {
    feat(
        if right { 35 } else { 34 },
        &[u64::from(w.lex), u64::from(n.lex)],
    )
}

/// Whether token `i` of a sentence starts it or a clause.
pub(crate) fn starts_clause(sentence: &[&WordInfo], i: usize) -> bool {
    i == 0 || sentence[i - 1].opener
}

/// The features of token `i` of a sentence that do not depend on the
/// classes chosen before it: its own, its neighbours', the pairs.
pub(crate) fn context(sentence: &[&WordInfo], boundary: &WordInfo, i: usize, out: &mut Vec<u64>) {
    out.clear();
    let at = |d: isize| {
        i.checked_add_signed(d)
            .and_then(|j| sentence.get(j).copied())
            .unwrap_or(boundary)
    };
    let w = sentence[i];
    let first = starts_clause(sentence, i);
    out.push(bias());
    out.extend(bits(w.lex).map(own_bit));
    own(w, out);
    own_shape(w, out);
    out.push(own_lex(w));
    out.push(clause_flag(first));
    out.extend(bits(w.lex).map(|b| clause_bit(b, first)));
    out.push(clause(w, first));
    for (k, d) in OFFSETS.iter().enumerate() {
        let n = at(*d);
        out.extend(bits(n.lex).map(|b| neighbour_bit(k, b)));
        out.push(neighbour(n, k));
        out.push(neighbour_shape(n, k));
    }
    bigrams(at(-1), w, at(1), out);
    out.push(lex_pair(w, at(-1), false));
    out.push(lex_pair(w, at(1), true));
}

/// The features of token `i` that depend on the classes chosen for the
/// tokens `i-1` and `i-2` (`u32::MAX` before the start).
pub(crate) fn given_history(w: &WordInfo, prev: u32, prev2: u32, out: &mut Vec<u64>) {
    history(prev, prev2, out);
    out.extend(bits(w.lex).map(|b| history_bit(b, prev)));
    out.push(history_word(prev, w));
    out.push(history_shape(prev, w));
}

/// All features of token `i` of a sentence, given the classes already
/// chosen for tokens `i-1` and `i-2` (`u32::MAX` before the start).
#[cfg(test)]
pub(crate) fn features(
    sentence: &[&WordInfo],
    boundary: &WordInfo,
    i: usize,
    prev: u32,
    prev2: u32,
    out: &mut Vec<u64>,
) {
    context(sentence, boundary, i, out);
    given_history(sentence[i], prev, prev2, out);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_cap_and_collapse_runs() {
        assert_eq!(shapes("Jae-in"), ("Xxx-xx".to_string(), "Xx-x".to_string()));
        assert_eq!(shapes("U.S."), ("X.X.".to_string(), "X.X.".to_string()));
        assert_eq!(shapes("2019"), ("ddd".to_string(), "d".to_string()));
    }

    #[test]
    fn lexicon_bits_describe_names_and_words() {
        let james = WordInfo::new("James");
        assert!(james.lex & lex::GIVEN_COMMON != 0);
        let said = WordInfo::new("said");
        assert!(said.lex & lex::WORD_TIER1 != 0 && said.lex & lex::CAPITALISED == 0);
        assert!(WordInfo::new("Pyongyang").lex & lex::PLACE != 0);
        // a lowercase word is looked up as a name too
        assert!(WordInfo::new("rose").lex & lex::GIVEN != 0);
        let curly = WordInfo::new("\u{2019}s");
        assert_eq!(curly.word, WordInfo::new("'s").word);
        assert!(WordInfo::new("\u{201C}").opener);
    }

    #[test]
    fn features_depend_on_the_previous_tag_and_the_neighbours() {
        let (mr, smith, jones) = (
            WordInfo::new("Mr."),
            WordInfo::new("Smith"),
            WordInfo::new("Jones"),
        );
        let boundary = WordInfo::boundary();
        let (mut a, mut b) = (Vec::new(), Vec::new());
        features(&[&mr, &smith], &boundary, 1, 0, u32::MAX, &mut a);
        features(&[&mr, &smith], &boundary, 1, 1, u32::MAX, &mut b);
        assert_ne!(a, b);
        features(&[&mr, &smith], &boundary, 1, 0, u32::MAX, &mut b);
        assert_eq!(a, b, "deterministic");
        features(&[&mr, &jones], &boundary, 0, u32::MAX, u32::MAX, &mut a);
        features(&[&mr, &smith], &boundary, 0, u32::MAX, u32::MAX, &mut b);
        assert_ne!(a, b, "the right neighbour counts");
    }
}
