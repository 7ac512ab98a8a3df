//! Where lowercase names occur in a text: `the state department` for the
//! name `State Department`. The plain way ([`all_occurrences`]) lowercases
//! the text and finds every occurrence of every name in it with one
//! automaton. On most texts the same mentions come, for a fraction of the
//! cost, from the words that begin with a small letter only
//! ([`word_start_occurrences`], eight bytes at a time): the plain way alone
//! makes `gloss annotate --names rules` on 1 MB a fifth slower (83 M more
//! instructions than 26 M, callgrind), and so does a look-up of each word
//! of the text among the names' first words. The tests hold the two ways to
//! the same occurrences.

use crate::ascii;

/// The starts of the occurrences of each of `needles` (lowercase, sorted)
/// in the lowercase of `text`, for [`super::lowercase_mentions`]: all of
/// them, or (where that gives the same mentions) those that begin a word
/// with a small letter; `None` where the lowercase text's offsets would not
/// be those of `text`.
pub(super) fn in_lowercase(text: &str, needles: &[&str]) -> Option<Vec<Vec<usize>>> {
    // (the lengths must hold character by character: `Ⱥ` grows by a byte
    // and `Ɫ` shrinks by one, so the whole text's length proves nothing)
    if !lowercase_keeps_lengths(text) {
        return None; // offsets would not line up
    }
    let by_words = needles.iter().all(|n| by_word_start(n))
        // (a capital sigma lowercases by its context)
        && (needles.iter().all(|n| n.is_ascii()) || !text.contains('\u{03a3}'));
    if by_words {
        return Some(word_start_occurrences(text, needles));
    }
    // every occurrence of every name, found in one pass over the lowercased text
    all_occurrences(&text.to_lowercase(), needles)
}

/// Whether lowercasing `text` changes no character's length: then its
/// lowercase has `text`'s offsets, and (a character outside ASCII being two
/// bytes or more) turns no other character into ASCII, so it has the same
/// bytes where it is ASCII, and ASCII only there: an ASCII word is found in
/// the lowercase text exactly where it is found in `text` ignoring ASCII case.
fn lowercase_keeps_lengths(text: &str) -> bool {
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
            (Some(l), None) => l.len_utf8() == c.len_utf8(),
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
/// [`by_word_start`]) in `text` (whose lowercase keeps every character's length, and
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

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn occurrences_at_word_starts_are_the_automatons_anywhere(
            text in "((state|State|STATE|new|york|times|department|Department|x|9|\u{e9}t\u{e9}|\u{c9}|\u{2019}s)[ ,.\\-_'(\n]{0,2}){0,24}"
        ) {
            let needles = ["new york times", "state department", "york new"];
            proptest::prop_assume!(lowercase_keeps_lengths(&text));
            let fast = word_start_occurrences(&text, &needles);
            let all = all_occurrences(&text.to_lowercase(), &needles).expect("built");
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
            assert!(lowercase_keeps_lengths(text), "{text}");
            let searchable: Vec<&str> = needles
                .iter()
                .copied()
                .filter(|n| by_word_start(n))
                .collect();
            assert_eq!(searchable.len(), needles.len() - 1, "{searchable:?}");
            let fast = word_start_occurrences(text, &searchable);
            let needles = &searchable;
            let all = all_occurrences(&text.to_lowercase(), needles).expect("built");
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
        assert!(!lowercase_keeps_lengths("\u{212a}ing"));
        assert!(!lowercase_keeps_lengths("\u{0130}stanbul"));
        // `Ⱥ` grows by a byte and `Ɫ` shrinks by one: the whole length holds,
        // the offsets between do not, so nothing is found (a mention there
        // would be sliced off its character boundary)
        let text = "\u{023a}\n\u{2c62}& state department";
        assert_eq!(text.to_lowercase().len(), text.len());
        assert!(!lowercase_keeps_lengths(text));
        assert_eq!(in_lowercase(text, &["state department"]), None);
        assert!(overlaps_itself_at_a_word("new york new"));
        assert!(!overlaps_itself_at_a_word("national rifle association"));
    }
}
