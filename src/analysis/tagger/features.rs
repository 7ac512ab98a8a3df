//! Feature extraction shared by training and tagging: the word, its shape and
//! affixes, its neighbours (±2), the tags already given to the left, and what
//! the lexicon knows about each word. Features are hashed to `u64` (FNV-1a),
//! so nothing is allocated per feature.

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
    pub const COUNT: u32 = 18;
}

/// A token with what the features need, computed once per token.
pub(crate) struct TokenInfo {
    pub word: String,
    pub lower: String,
    pub shape: String,
    pub short_shape: String,
    pub lex: u32,
}

fn normalise(token: &str) -> String {
    token
        .chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' | '\u{201B}' | '`' => '\'',
            '\u{201C}' | '\u{201D}' | '\u{201E}' => '"',
            '\u{2013}' | '\u{2014}' => '-',
            c => c,
        })
        .collect()
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
    if let Some(t) = lx.title(lower) {
        bits |= lex::TITLE;
        if !t.is(TitleKind::Job) || t.is(TitleKind::Political) {
            bits |= lex::TITLE_ROLE;
        }
    }
    match lx.common_word(lower).map(|w| w.tier) {
        Some(1) => bits |= lex::WORD_TIER1,
        Some(2) => bits |= lex::WORD_TIER2,
        Some(_) => bits |= lex::WORD_RARE,
        None => {}
    }
    if !first_upper {
        return bits; // names, places and organisations are capitalised
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
    {
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
    }
    bits
}

pub(crate) fn token_infos(tokens: &[&str]) -> Vec<TokenInfo> {
    let mut infos: Vec<TokenInfo> = tokens
        .iter()
        .map(|t| {
            let word = normalise(t);
            let lower = word.to_lowercase();
            let (shape, short_shape) = shapes(&word);
            let lex = lexicon_bits(&word, &lower);
            TokenInfo {
                word,
                lower,
                shape,
                short_shape,
                lex,
            }
        })
        .collect();
    mark_phrases(tokens, &mut infos);
    infos
}

/// Tokens inside a known multi-word organisation or place name (`World`
/// `Bank`, `New` `York`) get its bit, like a one-word name.
fn mark_phrases(tokens: &[&str], infos: &mut [TokenInfo]) {
    let lx = lexicon::get();
    let mut i = 0;
    while i < tokens.len() {
        let capitalised = |t: &TokenInfo| t.word.chars().next().is_some_and(char::is_uppercase);
        let continues = infos
            .get(i + 1)
            .is_some_and(|n| capitalised(n) || matches!(n.word.as_str(), "of" | "and" | "'s"));
        if !capitalised(&infos[i]) || !continues {
            i += 1;
            continue;
        }
        let org = lx
            .organization_at(&tokens[i..])
            .map(|(n, _)| (n, lex::ORG_KNOWN));
        let place = || lx.place_at(&tokens[i..]).map(|(n, _)| (n, lex::PLACE));
        match org
            .filter(|(n, _)| *n > 1)
            .or_else(|| place().filter(|(n, _)| *n > 1))
        {
            Some((n, bit)) => {
                infos[i..i + n].iter_mut().for_each(|t| t.lex |= bit);
                i += n;
            }
            None => i += 1,
        }
    }
}

/// FNV-1a over a template id and string parts.
struct Hasher(u64);

impl Hasher {
    fn new(template: u8) -> Self {
        let mut h = Hasher(0xcbf2_9ce4_8422_2325);
        h.byte(template);
        h
    }
    fn byte(&mut self, b: u8) {
        self.0 ^= u64::from(b);
        self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
    }
    fn str(mut self, s: &str) -> Self {
        for b in s.bytes() {
            self.byte(b);
        }
        self.byte(0xff);
        self
    }
    fn num(mut self, n: u32) -> Self {
        for b in n.to_le_bytes() {
            self.byte(b);
        }
        self
    }
    fn done(self) -> u64 {
        // final mix so that the low bits (the table slot) depend on every byte
        let mut x = self.0;
        x ^= x >> 33;
        x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
        x ^= x >> 33;
        x
    }
}

const BOUNDARY: &str = "<s>";

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

/// The features of token `i`, given the classes already chosen for tokens
/// `i-1` and `i-2` (`u32::MAX` before the start).
pub(crate) fn features(toks: &[TokenInfo], i: usize, prev: u32, prev2: u32, out: &mut Vec<u64>) {
    out.clear();
    let t = &toks[i];
    let at = |d: isize| -> Option<&TokenInfo> {
        let j = i as isize + d;
        (j >= 0).then(|| toks.get(j as usize)).flatten()
    };
    let lower_at = |d| at(d).map_or(BOUNDARY, |t| t.lower.as_str());
    let shape_at = |d| at(d).map_or(BOUNDARY, |t| t.short_shape.as_str());
    let h = Hasher::new;
    out.push(h(0).done());
    out.push(h(1).str(&t.word).done());
    out.push(h(2).str(&t.lower).done());
    out.push(h(3).str(&t.shape).done());
    out.push(h(4).str(&t.short_shape).done());
    out.push(h(5).str(prefix(&t.lower, 3)).done());
    out.push(h(6).str(suffix(&t.lower, 3)).done());
    out.push(h(7).str(suffix(&t.lower, 2)).done());
    out.push(h(8).str(suffix(&t.lower, 4)).done());
    out.push(h(9).str(prefix(&t.lower, 2)).done());
    for (tpl, d) in [(10u8, -1isize), (11, 1), (12, -2), (13, 2)] {
        out.push(h(tpl).str(lower_at(d)).done());
    }
    for (tpl, d) in [(14u8, -1isize), (15, 1), (16, -2), (17, 2)] {
        out.push(h(tpl).str(shape_at(d)).done());
    }
    out.push(h(18).num(prev).done());
    out.push(h(19).num(prev).num(prev2).done());
    out.push(h(20).num(prev).str(&t.lower).done());
    out.push(h(28).num(prev).str(&t.short_shape).done());
    let first =
        i == 0 || at(-1).is_some_and(|p| matches!(p.word.as_str(), "\"" | "'" | "(" | ":" | "-"));
    out.push(h(21).num(u32::from(first)).done());
    out.push(h(22).num(u32::from(first)).str(&t.short_shape).done());
    out.push(h(29).str(lower_at(-1)).str(&t.lower).done());
    out.push(h(30).str(&t.lower).str(lower_at(1)).done());
    // lexicon: each bit of this token and its neighbours, some combined with
    // the position and the previous tag
    for bit in 0..lex::COUNT {
        let b = 1 << bit;
        if t.lex & b != 0 {
            out.push(h(23).num(bit).done());
            out.push(h(27).num(bit).num(u32::from(first)).done());
            out.push(h(31).num(bit).num(prev).done());
        }
        if at(-1).is_some_and(|p| p.lex & b != 0) {
            out.push(h(24).num(bit).done());
        }
        if at(1).is_some_and(|n| n.lex & b != 0) {
            out.push(h(25).num(bit).done());
        }
        if at(-2).is_some_and(|p| p.lex & b != 0) {
            out.push(h(26).num(bit).done());
        }
        if at(2).is_some_and(|n| n.lex & b != 0) {
            out.push(h(32).num(bit).done());
        }
    }
    // the whole lexicon signature of the word, and with its left neighbour's
    out.push(h(33).num(t.lex).done());
    out.push(
        h(34)
            .num(t.lex)
            .num(at(-1).map_or(u32::MAX, |p| p.lex))
            .done(),
    );
    out.push(
        h(35)
            .num(t.lex)
            .num(at(1).map_or(u32::MAX, |n| n.lex))
            .done(),
    );
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
        let infos = token_infos(&["James", "said", "Pyongyang", "\u{2019}s"]);
        assert!(infos[0].lex & lex::GIVEN_COMMON != 0);
        assert!(infos[1].lex & lex::WORD_TIER1 != 0 && infos[1].lex & lex::CAPITALISED == 0);
        assert!(infos[2].lex & lex::PLACE != 0);
        assert_eq!(infos[3].word, "'s");
    }

    #[test]
    fn features_depend_on_the_previous_tag() {
        let infos = token_infos(&["Mr.", "Smith"]);
        let (mut a, mut b) = (Vec::new(), Vec::new());
        features(&infos, 1, 0, u32::MAX, &mut a);
        features(&infos, 1, 1, u32::MAX, &mut b);
        assert_ne!(a, b);
        features(&infos, 1, 0, u32::MAX, &mut b);
        assert_eq!(a, b, "deterministic");
    }
}
