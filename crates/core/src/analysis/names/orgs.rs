//! Organisations: one entity per organisation however it is written — an
//! acronym and its full name (`MIT`, `Massachusetts Institute of Technology`),
//! both word orders (`Defense Department`, `Department of Defense`), a short
//! form inside a longer one (`Tax Policy Center`, `Urban-Brookings Tax Policy
//! Center`), and lowercase occurrences of a multi-word name (`the state
//! department`).

use super::candidates::Shapes;
use super::{Draft, Mention, Named, key};
use crate::analysis::EntityKind;
use crate::analysis::doc::Doc;
use crate::analysis::lexicon::FastMap;
use crate::analysis::lexicon::Lexicon;
use crate::ascii;

/// Words skipped when forming an acronym: `Massachusetts Institute of Technology` → MIT.
const ACRONYM_SKIP: &[&str] = &["of", "the", "and", "for", "on", "in", "&", "at", "de"];

/// The acronym of a name: its capitalised words' first letters.
pub fn acronym(name: &str) -> String {
    name.split([' ', '-'])
        .filter(|w| !w.is_empty() && !ACRONYM_SKIP.contains(w))
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect()
}

fn is_acronym(name: &str) -> bool {
    let letters: Vec<char> = name.chars().filter(|c| *c != '.').collect();
    letters.len() >= 2
        && letters.len() <= 8
        && letters
            .iter()
            .all(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// `Department of Defense` → `Defense Department`.
fn reordered(name: &str) -> Option<String> {
    let (head, rest) = name.split_once(" of ")?;
    if head.contains(' ') || rest.split(' ').count() > 3 {
        return None;
    }
    Some(format!("{rest} {head}"))
}

/// Whether `short` is a contiguous run of whole words at the start or end of `long`.
#[cfg(test)]
fn is_part_of(short: &str, long: &str) -> bool {
    let s: Vec<&str> = short.split([' ', '-']).collect();
    let l: Vec<&str> = long.split([' ', '-']).collect();
    s.len() < l.len() && (l.ends_with(&s) || l.starts_with(&s))
}

/// Name each organisation by the longest form the article writes
/// (capitalised forms first): `Federal Reserve` rather than the lexicon's
/// name, `Department of the Treasury` only if the article says so.
pub fn name_by_longest_mention(doc: &Doc, orgs: &mut [Draft]) {
    for org in orgs {
        // (a name only ever written in lowercase keeps the lexicon's capitals)
        let best = org
            .mentions
            .iter()
            .map(|m| m.span.slice(doc.text))
            .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
            .max_by_key(|w| w.len());
        if let Some(w) = best {
            org.name = super::clean_name(w);
        }
    }
}

/// Merge organisations that are one.
pub fn merge(orgs: &mut Vec<Draft>) {
    // each name's forms, made once (names do not change while merging)
    let mut forms: Vec<Forms> = orgs.iter().map(|o| Forms::new(&o.name)).collect();
    let mut i = 0;
    while i < orgs.len() {
        let target = (0..orgs.len()).find(|&j| {
            j != i && orgs[j].name.len() > orgs[i].name.len() && same_forms(&forms[i], &forms[j])
        });
        match target {
            Some(j) => {
                let from = orgs.remove(i);
                forms.remove(i);
                let j = if j > i { j - 1 } else { j };
                orgs[j].mentions.extend(from.mentions);
                for r in from.roles {
                    if !orgs[j].roles.contains(&r) {
                        orgs[j].roles.push(r);
                    }
                }
            }
            None => i += 1,
        }
    }
}

/// What [`same_forms`] compares of a name, made once per name.
struct Forms {
    name: String,
    key: String,
    /// The letters without periods, when the name is an acronym.
    as_acronym: Option<String>,
    /// Its [`acronym`].
    acronym: String,
    /// The key of the name reordered (`Department of Defense` → `defense department`).
    reordered_key: Option<String>,
    words: usize,
    /// The key's words split at spaces and hyphens, as byte ranges of `key`.
    parts: Vec<std::ops::Range<usize>>,
}

impl Forms {
    fn new(name: &str) -> Self {
        let k = key(name);
        let mut parts = Vec::new();
        let mut start = 0;
        for (i, c) in k.char_indices().filter(|&(_, c)| c == ' ' || c == '-') {
            parts.push(start..i);
            start = i + c.len_utf8();
        }
        parts.push(start..k.len());
        Forms {
            parts,
            name: name.to_string(),
            key: k,
            as_acronym: is_acronym(name).then(|| name.replace('.', "")),
            acronym: acronym(name),
            reordered_key: reordered(name).map(|r| key(&r)),
            words: name.split(' ').count(),
        }
    }
}

/// Whether the shorter name `a` names the organisation `b`.
#[cfg(test)]
fn same(a: &str, b: &str) -> bool {
    same_forms(&Forms::new(a), &Forms::new(b))
}

fn same_forms(a: &Forms, b: &Forms) -> bool {
    if a.as_acronym
        .as_ref()
        .is_some_and(|letters| b.acronym == *letters)
    {
        return true;
    }
    if b.reordered_key.as_ref().is_some_and(|r| *r == a.key)
        || a.reordered_key.as_ref().is_some_and(|r| *r == b.key)
    {
        return true;
    }
    // a short form of at least two words, or one distinctive word, inside the long name
    part_of(a, b) && (a.words >= 2 || b.name.starts_with(&a.name))
}

/// [`is_part_of`] on the keys, with their words split once.
fn part_of(short: &Forms, long: &Forms) -> bool {
    let (s, l) = (&short.parts, &long.parts);
    let same = |x: &[std::ops::Range<usize>], y: &[std::ops::Range<usize>]| {
        x.iter()
            .zip(y)
            .all(|(a, b)| short.key[a.clone()] == long.key[b.clone()])
    };
    s.len() < l.len() && (same(s, &l[l.len() - s.len()..]) || same(s, &l[..s.len()]))
}

/// Well-known organisations of two or three words written in lowercase, as
/// careless or machine-translated text does: `of the state department`.
pub(super) fn known_in_lowercase(doc: &Doc, lex: &Lexicon, shapes: &Shapes, orgs: &mut Named) {
    let is_lower = |i: usize| shapes.lowercase(i);
    let mut first = String::new();
    let mut phrase = String::new();
    // whether a known name of two or three words starts with the word
    // (capitalised), asked once per distinct word
    let mut starts: FastMap<&str, bool> = FastMap::default();
    for sentence in &doc.sentences {
        let range = sentence.tokens.clone();
        let mut i = range.start;
        while i + 1 < range.end {
            let mut taken = 0;
            // no known name of two or three words starts with this word: skip
            // (every name looked for has two words at least, both lowercase;
            // most words are told by the lexicon's bitmap of beginnings)
            let may_start = is_lower(i) && is_lower(i + 1) && {
                let w = doc.word(i);
                lex.organization_may_begin(w)
                    && *starts.entry(w).or_insert_with(|| {
                        capitalise_into(w, &mut first);
                        lex.organization_goes_on(&first)
                    })
            };
            if may_start {
                // the words title-cased, joined by spaces: two, and a third
                // if some name goes on after those two (the longer first)
                phrase.clear();
                push_capitalised(doc.word(i), &mut phrase);
                phrase.push(' ');
                push_capitalised(doc.word(i + 1), &mut phrase);
                let (two, goes_on) = lex.organization_and_goes_on(&phrase);
                let mut found = None;
                if goes_on && i + 3 <= range.end && is_lower(i + 2) {
                    phrase.push(' ');
                    push_capitalised(doc.word(i + 2), &mut phrase);
                    found = lex.organization(&phrase).map(|o| (3, o));
                }
                if let Some((n, org)) = found.or(two.map(|o| (2, o))) {
                    let mention = Mention {
                        tokens: i..i + n,
                        span: doc.span(&(i..i + n)),
                    };
                    orgs.add(EntityKind::Organization, org.name, mention, None, None);
                    taken = n;
                }
            }
            i += taken.max(1);
        }
    }
}

/// `word` with its first letter in capitals, into a reused buffer.
fn capitalise_into(word: &str, out: &mut String) {
    out.clear();
    push_capitalised(word, out);
}

/// `word` with its first letter in capitals, added to `out`.
fn push_capitalised(word: &str, out: &mut String) {
    let mut c = word.chars();
    if let Some(f) = c.next() {
        out.extend(f.to_uppercase());
        out.push_str(c.as_str());
    }
}

/// `str::to_lowercase`, faster on text that is mostly ASCII: runs of ASCII
/// are lowercased a byte at a time, other characters one by one (as the
/// standard library does, but for the final sigma, left to it).
fn to_lowercase(text: &str) -> String {
    if text.contains('\u{03a3}') {
        return text.to_lowercase();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        let ascii = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        let (run, tail) = rest.split_at(ascii);
        out.extend(run.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        let mut chars = tail.chars();
        if let Some(c) = chars.next() {
            out.extend(c.to_lowercase());
        }
        rest = chars.as_str();
    }
    out
}

/// Whether lowercasing `text` changes no character's length and turns no
/// other character into ASCII: then its lowercase has the same bytes where
/// it is ASCII, and ASCII only there, so an ASCII word is found in the
/// lowercase text exactly where it is found in `text` ignoring ASCII case.
fn lowercase_keeps_ascii_in_place(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        // ASCII in blocks, then the next character on its own
        while at + 16 <= bytes.len() && bytes[at..at + 16].is_ascii() {
            at += 16;
        }
        let Some(c) = text[at..].chars().next() else {
            break;
        };
        at += c.len_utf8();
        if c.is_ascii() {
            continue;
        }
        let mut lower = c.to_lowercase();
        let same = match (lower.next(), lower.next()) {
            (Some(l), None) => l.len_utf8() == c.len_utf8() && !l.is_ascii(),
            _ => false,
        };
        if !same {
            return false;
        }
    }
    true
}

/// Whether an occurrence of `needle` that begins a word can overlap an
/// earlier occurrence: some proper beginning of it is also its end, and that
/// end begins a word (`new york new york`). Told on the bytes: where the byte
/// before that end belongs to a letter outside ASCII, it says yes, to be safe.
fn overlaps_itself_at_a_word(needle: &str) -> bool {
    let b = needle.as_bytes();
    (1..b.len()).any(|k| {
        let at = b.len() - k;
        b[..k] == b[at..] && !b[at - 1].is_ascii_alphanumeric()
    })
}

/// The first eight bytes of `bytes` (fewer at its end: zeros after them)
/// as one number, ASCII capitals lowercased eight at a time. Compared under
/// the mask of a needle's [`lowercase_prefix`], it says what that does: a
/// byte outside ASCII differs from the needle's ASCII byte either way.
fn lowercase_eight(bytes: &[u8]) -> u64 {
    if let Some(eight) = bytes.first_chunk::<8>() {
        return ascii::lowercase(u64::from_le_bytes(*eight));
    }
    let mut word = [0u8; 8];
    let n = bytes.len().min(8);
    word[..n].copy_from_slice(&bytes[..n]);
    ascii::lowercase(u64::from_le_bytes(word))
}

/// The first (up to) eight bytes of `bytes` in ASCII lowercase, as one
/// number, and a mask of the bytes there are (up to the first that is not
/// ASCII).
fn lowercase_prefix(bytes: &[u8]) -> (u64, u64) {
    let mut word = [0u8; 8];
    let mut mask = [0u8; 8];
    for ((w, m), b) in word.iter_mut().zip(&mut mask).zip(bytes) {
        if !b.is_ascii() {
            break;
        }
        *w = b.to_ascii_lowercase();
        *m = 0xff;
    }
    (u64::from_le_bytes(word), u64::from_le_bytes(mask))
}

/// Whether [`word_start_occurrences`] can look for `needle`: it begins with
/// two ASCII bytes and a letter or digit, and cannot overlap itself.
fn by_word_start(needle: &str) -> bool {
    needle.as_bytes().get(..2).is_some_and(|b| b.is_ascii())
        && !first_run(needle).is_empty()
        && !overlaps_itself_at_a_word(needle)
}

/// Whether `text` lowercases to `needle` (lowercase) character by character,
/// for a text whose lowercase keeps every character's length.
fn lowercases_to(text: &[u8], needle: &str) -> bool {
    if needle.is_ascii() {
        return text.eq_ignore_ascii_case(needle.as_bytes());
    }
    let Ok(text) = std::str::from_utf8(text) else {
        return false; // not on character boundaries
    };
    let mut wanted = needle.chars();
    text.chars().all(|c| {
        let mut lower = c.to_lowercase();
        lower.next() == wanted.next() && lower.next().is_none()
    }) && wanted.next().is_none()
}

/// The first word of a name: its leading alphanumeric characters.
fn first_run(name: &str) -> &str {
    let end = name
        .char_indices()
        .find(|&(_, c)| !c.is_alphanumeric())
        .map_or(name.len(), |(i, _)| i);
    &name[..end]
}

/// The starts of the occurrences of `needles` (lowercase, each
/// [`by_word_start`]) in `text` (whose lowercase keeps ASCII in place, and
/// without a capital sigma if a needle is not ASCII) that begin a word with
/// a small letter, as found in the lowercase text: the words of the text
/// looked up among the needles' first bytes, instead of an automaton over
/// every byte of a lowercase copy. Occurrences inside a word, or that begin
/// with a capital or a digit, are left out: they are never lowercase
/// mentions, and, as no needle overlaps itself, they cannot hide one.
fn word_start_occurrences(text: &str, needles: &[&str]) -> Vec<Vec<usize>> {
    let mut found: Vec<Vec<usize>> = vec![Vec::new(); needles.len()];
    // the needles by their first two bytes in lowercase; which bytes (in
    // either case) begin one, and which lowercase pairs do: most of the text
    // is passed over with a table look-up or two per byte
    // (each with its pair, its first eight bytes in lowercase and a mask of them)
    let mut by_pair: Vec<(usize, u64, u64, usize)> = Vec::new();
    // per byte: 1 for an ASCII letter or digit, 2 for a needle's first byte
    let mut class = [0u8; 256];
    for b in 0..=255u8 {
        class[usize::from(b)] = u8::from(b.is_ascii_alphanumeric());
    }
    let mut pairs = [0u64; 128 * 128 / 64];
    let pair_bit = |b0: u8, b1: u8| (usize::from(b0) << 7) | usize::from(b1);
    for (n, needle) in needles.iter().enumerate() {
        let &[b0, b1, ..] = needle.as_bytes() else {
            return found; // not reached: callers check
        };
        let (b0, b1) = (b0.to_ascii_lowercase(), b1.to_ascii_lowercase());
        if !b0.is_ascii_lowercase() {
            continue; // (begins with a digit: never in lowercase)
        }
        class[usize::from(b0)] |= 2;
        let bit = pair_bit(b0, b1);
        pairs[bit / 64] |= 1 << (bit % 64);
        let (prefix, mask) = lowercase_prefix(needle.as_bytes());
        by_pair.push((bit, prefix, mask, n));
    }
    // grouped by pair: those of pair `p` are `by_pair[first[p]..first[p + 1]]`
    by_pair.sort_by_key(|&(bit, ..)| bit);
    let mut first = vec![0u32; 128 * 128 + 1];
    for &(bit, ..) in &by_pair {
        first[bit + 1] += 1;
    }
    for p in 1..first.len() {
        first[p] += first[p - 1];
    }
    let bytes = text.as_bytes();
    // the needles that occur at `start`, where one's first byte begins a
    // word (and a second byte follows)
    let mut look = |start: usize| {
        let (b0, b1) = (bytes[start], bytes[start + 1].to_ascii_lowercase());
        let bit = pair_bit(b0, b1 & 0x7f);
        if !b1.is_ascii() || pairs[bit / 64] & (1 << (bit % 64)) == 0 {
            return;
        }
        let candidates = &by_pair[first[bit] as usize..first[bit + 1] as usize];
        let here = lowercase_eight(&bytes[start..]);
        for &(_, prefix, mask, n) in candidates {
            let needle = needles[n].as_bytes();
            if here & mask == prefix
                && bytes
                    .get(start..start + needle.len())
                    .is_some_and(|t| lowercases_to(t, needles[n]))
            {
                found[n].push(start);
            }
        }
    };
    // whether the character before `i` is a letter or digit
    let mut after_alnum = false;
    let mut i = 0;
    while i < bytes.len() {
        // eight ASCII bytes at once: the small letters among them that
        // follow no letter or digit, looked at one by one (a word in five
        // bytes or so), the others passed over
        if let Some(x) = ascii::eight_ascii(&bytes[i..]) {
            let small = ascii::between(x, b'a', b'z');
            let alnum = ascii::letters(x) | ascii::between(x, b'0', b'9');
            let before = (alnum << 8) | if after_alnum { 0x80 } else { 0 };
            let mut starts = small & !before;
            while starts != 0 {
                let start = i + (starts.trailing_zeros() / 8) as usize;
                starts &= starts - 1;
                if class[usize::from(bytes[start])] & 2 != 0 && start + 1 < bytes.len() {
                    look(start);
                }
            }
            after_alnum = alnum >> 63 != 0;
            i += 8;
            continue;
        }
        // a character at a time: beyond ASCII, or the last few bytes
        let b0 = bytes[i];
        let start = i;
        if !b0.is_ascii() {
            // a character of several bytes
            let c = text[i..].chars().next().unwrap_or(' ');
            after_alnum = c.is_alphanumeric();
            i += c.len_utf8();
            continue;
        }
        i += 1;
        let c = class[usize::from(b0)];
        let begins = c & 2 != 0 && !after_alnum;
        after_alnum = c & 1 != 0;
        if begins && i < bytes.len() {
            look(start);
        }
    }
    found
}

/// The starts of all occurrences of each needle in `text`, overlapping ones too.
fn all_occurrences(text: &str, needles: &[&str]) -> Option<Vec<Vec<usize>>> {
    let searcher = aho_corasick::AhoCorasick::builder()
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        .build(needles)
        .ok()?;
    let mut found: Vec<Vec<usize>> = vec![Vec::new(); needles.len()];
    for m in searcher.find_overlapping_iter(text) {
        found[m.pattern().as_usize()].push(m.start());
    }
    Some(found)
}

/// Lowercase occurrences of multi-word names: `the state department`.
pub fn lowercase_mentions(doc: &Doc, orgs: &mut [Draft]) {
    let names: Vec<(usize, String)> = orgs
        .iter()
        .enumerate()
        .filter(|(_, org)| org.name.contains(' '))
        .map(|(o, org)| (o, org.name.to_lowercase()))
        .collect();
    if names.is_empty() {
        return;
    }
    let mut needles: Vec<&str> = names.iter().map(|(_, n)| n.as_str()).collect();
    needles.sort_unstable();
    needles.dedup();
    let by_words = needles.iter().all(|n| by_word_start(n))
        && lowercase_keeps_ascii_in_place(doc.text)
        // (a capital sigma lowercases by its context)
        && (needles.iter().all(|n| n.is_ascii()) || !doc.text.contains('\u{03a3}'));
    let mut found = if by_words {
        word_start_occurrences(doc.text, &needles)
    } else {
        // every occurrence of every name, found in one pass over the lowercased text
        let lower_text = to_lowercase(doc.text);
        if lower_text.len() != doc.text.len() {
            return; // offsets would not line up
        }
        let Some(found) = all_occurrences(&lower_text, &needles) else {
            return;
        };
        found
    };
    for (o, needle) in &names {
        let org = &mut orgs[*o];
        let Ok(n) = needles.binary_search(&needle.as_str()) else {
            continue;
        };
        let mut starts = std::mem::take(&mut found[n]);
        starts.sort_unstable();
        // the leftmost occurrence at or after `from`, as `str::find` finds it
        let mut from = 0;
        for &start in &starts {
            if start < from {
                continue;
            }
            let end = start + needle.len();
            from = end;
            let text = &doc.text[start..end];
            // only lowercase occurrences are added (the others are the
            // names' own mentions, or not mentions at all)
            if !text.chars().next().is_some_and(char::is_lowercase) {
                continue;
            }
            let bounded = !doc.text[..start]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
                && !doc.text[end..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric);
            if !bounded
                || text == org.name
                || org
                    .mentions
                    .iter()
                    .any(|m| m.span.start <= start && end <= m.span.end)
            {
                continue;
            }
            let first = doc.tokens.partition_point(|t| t.span().end <= start);
            let last = doc.tokens.partition_point(|t| t.span().start < end);
            org.mentions.push(Mention {
                tokens: first..last.max(first + 1),
                span: crate::span::Span::new(start, end),
            });
        }
        found[n] = starts;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acronyms_and_word_orders_name_one_organisation() {
        assert!(same("MIT", "Massachusetts Institute of Technology"));
        assert!(same("Defense Department", "Department of Defense"));
        assert!(same(
            "Tax Policy Center",
            "Urban-Brookings Tax Policy Center"
        ));
        assert!(same("Harvard", "Harvard University"));
        assert!(!same("State Department", "Department of Defense"));
        assert!(!same("University", "Harvard University"));
    }

    #[test]
    fn lowercasing_is_the_standard_librarys() {
        for text in [
            "The STATE Department\u{2019}s \u{00c9}LYS\u{00c9}E",
            "\u{0130}stanbul K\u{212a} \u{1e9e}",
            "\u{039f}\u{0394}\u{03a5}\u{03a3}\u{03a3}\u{0395}\u{03a5}\u{03a3} ok",
            "",
            "plain ascii",
        ] {
            assert_eq!(to_lowercase(text), text.to_lowercase());
        }
    }

    proptest::proptest! {
        #[test]
        fn occurrences_at_word_starts_are_the_automatons_anywhere(
            text in "((state|State|STATE|new|york|times|department|Department|x|9|\u{e9}t\u{e9}|\u{c9}|\u{2019}s)[ ,.\\-_'(\n]{0,2}){0,24}"
        ) {
            let needles = ["new york times", "state department", "york new"];
            proptest::prop_assume!(lowercase_keeps_ascii_in_place(&text));
            let fast = word_start_occurrences(&text, &needles);
            let all = all_occurrences(&to_lowercase(&text), &needles).expect("built");
            for (f, a) in fast.iter().zip(&all) {
                let lowercase_word_starts: Vec<usize> = a
                    .iter()
                    .copied()
                    .filter(|&at| {
                        !text[..at].chars().next_back().is_some_and(char::is_alphanumeric)
                            && text[at..].starts_with(|c: char| c.is_ascii_lowercase())
                    })
                    .collect();
                proptest::prop_assert_eq!(f, &lowercase_word_starts);
            }
        }
    }

    #[test]
    fn eight_bytes_lowercase_as_each_byte_does() {
        let bytes: Vec<u8> = (0..=255u8).chain(0..=255u8).rev().collect();
        for start in 0..bytes.len() {
            let chunk = &bytes[start..];
            let mut each = [0u8; 8];
            for (e, b) in each.iter_mut().zip(chunk) {
                *e = b.to_ascii_lowercase();
            }
            assert_eq!(lowercase_eight(chunk), u64::from_le_bytes(each), "{start}");
        }
    }

    #[test]
    fn occurrences_at_word_starts_are_the_automatons() {
        let texts = [
            "the State Department and the state department\u{2019}s",
            "interstate departments, STATE department; state departments",
            "a new york new york times, (new york new york) new yorker",
            "\u{00fc}berstate department_state department 3state department",
            "\u{00c9}tat state department \u{00e9}state department",
            "state department",
            "",
            "s",
            "Universidad de EDUCACI\u{00d3}N, universidad de educaci\u{00f3}na",
            "universidad de educacion \u{00c9}tat",
        ];
        let needles = [
            "new york times",
            "state department",
            "york new",
            "universidad de educaci\u{00f3}n",
            "\u{00e9}tat",
        ];
        for text in texts {
            assert!(lowercase_keeps_ascii_in_place(text), "{text}");
            let searchable: Vec<&str> = needles
                .iter()
                .copied()
                .filter(|n| by_word_start(n))
                .collect();
            assert_eq!(searchable.len(), needles.len() - 1, "{searchable:?}");
            let fast = word_start_occurrences(text, &searchable);
            let needles = &searchable;
            let all = all_occurrences(&to_lowercase(text), needles).expect("built");
            for (f, a) in fast.iter().zip(&all) {
                let at_word_start: Vec<usize> = a
                    .iter()
                    .copied()
                    .filter(|&at| {
                        !text[..at]
                            .chars()
                            .next_back()
                            .is_some_and(char::is_alphanumeric)
                            && text[at..].starts_with(|c: char| c.is_ascii_lowercase())
                    })
                    .collect();
                assert_eq!(f, &at_word_start, "{text}");
            }
        }
        // the Kelvin sign lowercases to ASCII `k`; dotted I to two characters
        assert!(!lowercase_keeps_ascii_in_place("\u{212a}ing"));
        assert!(!lowercase_keeps_ascii_in_place("\u{0130}stanbul"));
        assert!(overlaps_itself_at_a_word("new york new"));
        assert!(!overlaps_itself_at_a_word("national rifle association"));
    }

    #[test]
    fn words_split_once_compare_as_split_each_time() {
        let names = [
            "Tax Policy Center",
            "Urban-Brookings Tax Policy Center",
            "Policy Center",
            "Urban",
            "urban-brookings",
            "Harvard",
            "Harvard University",
            "",
            "Center-",
            "A  B",
        ];
        for a in names {
            for b in names {
                let (fa, fb) = (Forms::new(a), Forms::new(b));
                assert_eq!(
                    part_of(&fa, &fb),
                    is_part_of(&fa.key, &fb.key),
                    "{a:?} {b:?}"
                );
            }
        }
    }
}
