//! Characters: line breaks, terminal control sequences, invisible characters,
//! whitespace and Unicode normalisation.
//!
//! After [`strip_controls`] no character of the text can drive a terminal:
//! no C0 or C1 control but newline and tab, no escape sequence, no bidi
//! override. Ordinary right-to-left text and the joiners that Arabic, Indic
//! scripts and emoji need are kept; the same invisible format characters
//! inside a word of a script that has no use for them (a zero-width joiner in
//! "Ba\u{200D}rack") go, so that the word reads as it shows.

use std::borrow::Cow;
use std::sync::LazyLock;

use memchr::{memchr, memchr3, memchr3_iter, memmem};

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// CRLF, lone CR, NEL, form feed, vertical tab and the line separator become
/// `\n`; the paragraph separator becomes a blank line.
pub fn normalize_newlines(text: &str) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    let found = memchr3(b'\r', 0x0B, 0x0C, bytes).is_some()
        || ["\u{85}", "\u{2028}", "\u{2029}"]
            .iter()
            .any(|s| memmem::find(bytes, s.as_bytes()).is_some());
    if !found {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push('\n');
            }
            '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' => out.push('\n'),
            '\u{2029}' => out.push_str("\n\n"),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Characters removed outright: bidi embeddings, overrides and isolates (they
/// can make text display in another order than it reads), and invisible
/// characters that split words without showing (zero-width space, word
/// joiner, soft hyphen, BOM, invisible operators, interlinear annotation,
/// and the other default-ignorable code points no script needs: Hangul
/// fillers, Khmer inherent vowels, shorthand and musical format controls,
/// unassigned ones).
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}'
            | '\u{200B}'
            | '\u{2060}'..='\u{2065}'
            | '\u{FEFF}'
            | '\u{00AD}'
            | '\u{180E}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{3164}'
            | '\u{FFA0}'
            | '\u{17B4}'..='\u{17B5}'
            | '\u{FFF0}'..='\u{FFF8}'
            | '\u{1BCA0}'..='\u{1BCA3}'
            | '\u{1D173}'..='\u{1D17A}'
    )
}

/// Default-ignorable format characters that some text needs: the zero-width
/// non-joiner and joiner (Persian, Indic scripts, emoji sequences), the
/// left-to-right, right-to-left and Arabic letter marks, the combining
/// grapheme joiner, variation selectors (emoji presentation, CJK variants),
/// Mongolian free variation selectors, Hangul jamo fillers. They are kept
/// unless they sit in a word of a script that never needs them
/// ([`needless_here`]).
fn is_contextual(c: char) -> bool {
    matches!(
        c,
        '\u{200C}'..='\u{200F}'
            | '\u{061C}'
            | '\u{034F}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{E0100}'..='\u{E01EF}'
            | '\u{180B}'..='\u{180D}'
            | '\u{180F}'
            | '\u{115F}'..='\u{1160}'
    )
}

/// Latin, Greek, Cyrillic and Armenian letters, their marks, and general
/// punctuation: characters between which a joiner, a direction mark or a
/// variation selector does nothing but split a word.
fn joinless(c: char) -> bool {
    matches!(
        c,
        '\u{0}'..='\u{058F}'
            | '\u{1E00}'..='\u{1FFF}'
            | '\u{2000}'..='\u{206F}'
            | '\u{2C60}'..='\u{2C7F}'
            | '\u{A720}'..='\u{A7FF}'
            | '\u{AB30}'..='\u{AB6F}'
    )
}

/// Whether a contextual format character between `before` and `after` (the
/// nearest characters that are not themselves such; `None` at the text's
/// ends) can go: a letter or digit of a joinless script on one side at
/// least, and nothing from another script or an emoji on either.
fn needless_here(before: Option<char>, after: Option<char>) -> bool {
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() && joinless(c));
    let fits = |c: Option<char>| c.is_none_or(joinless);
    (word(before) || word(after)) && fits(before) && fits(after)
}

/// Unicode tag characters: kept only inside an emoji tag sequence (the flags
/// of England, Scotland and Wales), which starts with a waving black flag.
fn is_tag(c: char) -> bool {
    ('\u{E0000}'..='\u{E007F}').contains(&c)
}

fn needs_stripping(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || is_invisible(c) || is_tag(c) || is_contextual(c)
}

/// Remove terminal escape sequences whole (CSI, OSC, DCS, SOS, PM, APC, and
/// two-character escapes), then every other control character but newline
/// and tab, bidi overrides and invisible characters, and the contextual
/// format characters where no script needs them ([`needless_here`]).
pub fn strip_controls(text: &str) -> Cow<'_, str> {
    let Some(first) = find_strippable(text, 0) else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len());
    out.push_str(&text[..first]);
    let mut i = first;
    while let Some(c) = text[i..].chars().next() {
        i += c.len_utf8();
        match c {
            '\u{1B}' => i = skip_escape(text, i),
            '\u{9B}' => i = skip_csi(text, i),
            '\u{90}' | '\u{98}' | '\u{9D}' | '\u{9E}' | '\u{9F}' => i = skip_string(text, i),
            c if is_tag(c) => {
                let in_flag =
                    out.ends_with('\u{1F3F4}') || out.chars().next_back().is_some_and(is_tag);
                if in_flag {
                    out.push(c);
                }
            }
            c if is_contextual(c) => {
                let after = text[i..].chars().find(|&c| !is_contextual(c));
                if !needless_here(out.chars().next_back(), after) {
                    out.push(c);
                }
            }
            c if needs_stripping(c) => {}
            c => {
                // copy the run up to the next character to strip in one go
                let run_end = find_strippable(text, i).unwrap_or(text.len());
                out.push(c);
                out.push_str(&text[i..run_end]);
                i = run_end;
            }
        }
    }
    Cow::Owned(out)
}

/// The bytes that can start a character to strip: ASCII controls but
/// newline and tab, and the lead bytes of C1 controls and the soft hyphen
/// (C2), the combining grapheme joiner (CD), the Arabic letter mark (D8),
/// U+115F-1160, U+17B4-17B5 and U+180B-180F (E1), the invisible characters of
/// U+2000-206F (E2), U+3164 (E3), the BOM, variation selectors, U+FFA0 and
/// U+FFF0-FFFB (EF), U+1BCA0-1BCA3 and U+1D173-1D17A (F0), and the tag
/// characters and supplementary variation selectors (F3).
const SUSPECT: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = b != b'\n' as usize && b != b'\t' as usize;
        b += 1;
    }
    table[0x7F] = true;
    table[0xC2] = true;
    table[0xCD] = true;
    table[0xD8] = true;
    table[0xE1] = true;
    table[0xE2] = true;
    table[0xE3] = true;
    table[0xEF] = true;
    table[0xF0] = true;
    table[0xF3] = true;
    table
};

/// The byte index of the first character from `from` on that must go. Bytes
/// are looked up in [`SUSPECT`]; only the characters they start are decoded.
fn find_strippable(text: &str, from: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = from;
    while i < bytes.len() {
        // printable ASCII 32 bytes at a time while there is nothing else,
        // then eight at a time
        if let Some(chunk) = bytes.get(i..i + 32)
            && chunk
                .chunks_exact(8)
                .fold(0, |any, word| any | suspect_bits(word))
                == 0
        {
            i += 32;
            continue;
        }
        if let Some(word) = bytes.get(i..i + 8)
            && suspect_bits(word) == 0
        {
            i += 8;
            continue;
        }
        // these eight bytes (or the last few) one by one
        let end = (i + 8).min(bytes.len());
        while i < end {
            if !SUSPECT[usize::from(bytes[i])] {
                i += 1;
                continue;
            }
            let c = char_at(text, i)?;
            if needs_stripping(c) {
                return Some(i);
            }
            i += c.len_utf8();
        }
    }
    None
}

/// Non-zero when one of eight bytes is not printable ASCII: below 0x20,
/// 0x7F or from 0x80 up (bit tricks on the eight as one number).
fn suspect_bits(word: &[u8]) -> u64 {
    use crate::ascii::{EIGHT_HIGH, ONES};
    let word = u64::from_le_bytes(word.try_into().unwrap_or([0; 8]));
    let below_space = word.wrapping_sub(ONES * 0x20) & !word & EIGHT_HIGH;
    let del = (word ^ (ONES * 0x7F)).wrapping_sub(ONES) & !(word ^ (ONES * 0x7F)) & EIGHT_HIGH;
    below_space | del | (word & EIGHT_HIGH)
}

fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|rest| rest.chars().next())
}

fn in_range(c: Option<char>, low: char, high: char) -> bool {
    c.is_some_and(|c| (low..=high).contains(&c))
}

/// After ESC, at byte `i`: the byte index after the whole sequence.
fn skip_escape(text: &str, i: usize) -> usize {
    match char_at(text, i) {
        Some('[') => skip_csi(text, i + 1),
        Some(']' | 'P' | 'X' | '^' | '_') => skip_string(text, i + 1),
        c if in_range(c, '\u{20}', '\u{2F}') => {
            // intermediates, then one final character
            let mut j = i;
            while in_range(char_at(text, j), '\u{20}', '\u{2F}') {
                j += 1;
            }
            if in_range(char_at(text, j), '\u{30}', '\u{7E}') {
                j + 1
            } else {
                j
            }
        }
        c if in_range(c, '\u{30}', '\u{7E}') => i + 1,
        _ => i,
    }
}

/// A control sequence: parameters, intermediates, one final character.
fn skip_csi(text: &str, mut i: usize) -> usize {
    while in_range(char_at(text, i), '\u{30}', '\u{3F}') {
        i += 1;
    }
    while in_range(char_at(text, i), '\u{20}', '\u{2F}') {
        i += 1;
    }
    if in_range(char_at(text, i), '\u{40}', '\u{7E}') {
        i + 1
    } else {
        i
    }
}

/// A control string (OSC, DCS, ...): up to BEL or ST (`ESC \` or U+9C).
/// Any other control character, a newline included, also ends it, so that an
/// unterminated string never swallows more than the rest of its line.
fn skip_string(text: &str, mut i: usize) -> usize {
    while let Some(c) = char_at(text, i) {
        match c {
            '\u{07}' | '\u{9C}' => return i + c.len_utf8(),
            '\u{1B}' if char_at(text, i + 1) == Some('\\') => return i + 2,
            c if c.is_control() => return i,
            c => i += c.len_utf8(),
        }
    }
    i
}

/// Spaces that become a plain space inside a line: tab, no-break spaces and
/// the typographic spaces (but not the ideographic space of CJK text).
fn is_inline_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\u{A0}' | '\u{1680}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}'
    )
}

/// A line with its runs of spaces collapsed to one plain space, trimmed.
pub fn tidy_line(line: &str) -> Cow<'_, str> {
    let trimmed = line.trim();
    if is_tidy(trimmed) {
        return Cow::Borrowed(trimmed);
    }
    let mut out = String::with_capacity(trimmed.len());
    let mut in_space = false;
    for c in trimmed.chars() {
        if is_inline_space(c) {
            in_space = true;
        } else {
            if in_space {
                out.push(' ');
                in_space = false;
            }
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// No tab, no two spaces in a row, no space but the plain one. Only
/// characters that may be spaces (lead bytes C2, E1, E2) are decoded.
fn is_tidy(line: &str) -> bool {
    static TWO_SPACES: LazyLock<memmem::Finder<'static>> =
        LazyLock::new(|| memmem::Finder::new(b"  "));
    let bytes = line.as_bytes();
    memchr(b'\t', bytes).is_none()
        && TWO_SPACES.find(bytes).is_none()
        && !memchr3_iter(0xC2, 0xE1, 0xE2, bytes)
            .any(|i| char_at(line, i).is_some_and(is_inline_space))
}

/// The characters of a text for the NFC quick check, with every run of
/// characters that are NFC and never combine (below U+0300, CJK ideographs,
/// Hangul syllables) given as one `a`: same answer, far fewer lookups.
struct QuickChars<'t> {
    text: &'t str,
    pos: usize,
}

impl Iterator for QuickChars<'_> {
    type Item = char;

    fn next(&mut self) -> Option<char> {
        let plain = |c: char| matches!(c, '\u{0}'..='\u{2FF}' | '\u{4E00}'..='\u{9FFF}' | '\u{AC00}'..='\u{D7A3}');
        let first = self.text.get(self.pos..)?.chars().next()?;
        self.pos += first.len_utf8();
        if !plain(first) {
            return Some(first);
        }
        // the run of plain characters: ASCII skipped eight bytes at a time
        let bytes = self.text.as_bytes();
        while self.pos < bytes.len() {
            self.pos = crate::ascii::ascii_end(bytes, self.pos);
            match char_at(self.text, self.pos) {
                Some(c) if plain(c) => self.pos += c.len_utf8(),
                _ => break,
            }
        }
        Some('a')
    }
}

/// The text in Unicode normalisation form C (composed: "é" as one character),
/// so that a name matches however its source composed it.
pub fn nfc(text: &str) -> Cow<'_, str> {
    if text.is_ascii() {
        return Cow::Borrowed(text);
    }
    let quick_yes = |s: &str| is_nfc_quick(QuickChars { text: s, pos: 0 }) == IsNormalized::Yes;
    if quick_yes(text) {
        return Cow::Borrowed(text);
    }
    // A line break is a starter that composes with nothing, so lines
    // normalise on their own: only those the quick check is unsure of are
    // normalised (most hold nothing but precomposed letters).
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        if quick_yes(line) {
            out.push_str(line);
        } else {
            out.extend(line.nfc());
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_character_to_strip_is_found_at_any_offset() {
        // long enough for a 32-byte step, eight-byte steps and a tail
        let base =
            "The quick brown fox jumps over the lazy dog.\n\tAgain, and over the dog once more.";
        for strip in [
            '\u{1}', '\u{7F}', '\u{85}', '\u{AD}', '\u{200B}', '\u{202E}', '\u{FEFF}',
        ] {
            for at in 0..=base.len() {
                let mut text = base.to_string();
                text.insert(at, strip);
                assert_eq!(strip_controls(&text), base, "{strip:?} at {at}");
                assert_eq!(find_strippable(&text, 0), Some(at), "{strip:?} at {at}");
            }
        }
        assert_eq!(strip_controls(base), base);
        assert_eq!(strip_controls("café – “quoted” ’"), "café – “quoted” ’");
    }

    #[test]
    fn joiners_and_marks_go_inside_latin_words_and_stay_where_scripts_need_them() {
        // inside or at the edge of a Latin, Greek or Cyrillic word: gone
        for (text, clean) in [
            ("Ba\u{200D}rack Obama", "Barack Obama"),
            ("An\u{200C}gela Mer\u{200D}\u{200C}kel", "Angela Merkel"),
            ("Obama\u{200F} said", "Obama said"),
            ("\u{200E}Merkel", "Merkel"),
            ("Zelens\u{034F}kyy", "Zelenskyy"),
            ("Ka\u{FE0F}mala", "Kamala"),
            ("Вла\u{200D}димир", "Владимир"),
            ("Ama\u{3164}Serwaa", "AmaSerwaa"),
        ] {
            assert_eq!(strip_controls(text), clean, "{text:?}");
        }
        // where a script or an emoji needs them: kept
        for kept in [
            "می\u{200C}خواهم",    // Persian: ZWNJ between letters
            "क्\u{200D}ष",         // Devanagari: ZWJ
            "👩\u{200D}💻 coder", // an emoji ZWJ sequence
            "❤\u{FE0F} love",     // emoji presentation
            "#\u{FE0F}\u{20E3}",  // a keycap
            "©\u{FE0F}",          // nothing alphanumeric beside it
            "שלום\u{200F}",       // a mark after Hebrew
        ] {
            assert_eq!(strip_controls(kept), kept, "{kept:?}");
        }
    }

    #[test]
    fn quick_chars_give_the_quick_check_of_all_characters() {
        // combining marks and non-NFC characters at every offset around the
        // eight-byte steps, after ASCII and after plain non-ASCII runs
        let base = "abcdefghij klmnopq éèàü rstuvwxyz 北京 ABCDEFGH";
        for odd in [
            '\u{301}', '\u{308}', '\u{3099}', '\u{340}', '\u{F900}', '\u{1161}',
        ] {
            for at in base.char_indices().map(|(i, _)| i).chain([base.len()]) {
                let mut text = base.to_string();
                text.insert(at, odd);
                let quick = is_nfc_quick(QuickChars {
                    text: &text,
                    pos: 0,
                });
                assert_eq!(quick, is_nfc_quick(text.chars()), "{odd:?} at {at}");
            }
        }
    }

    #[test]
    fn lines_with_odd_spaces_are_tidied() {
        assert_eq!(
            tidy_line("  a  b\tc\u{A0}d\u{2009}e\u{1680}f "),
            "a b c d e f"
        );
        assert!(matches!(tidy_line(" a b – c "), Cow::Borrowed("a b – c")));
    }

    proptest::proptest! {
        /// Line by line, the same as the whole text at once.
        #[test]
        fn nfc_by_lines_is_nfc(
            text in "[ae\\n \u{301}\u{308}\u{e9}\u{1100}\u{1161}\u{3099}\u{304b}\u{653}\u{627}\u{327}c]{0,30}"
        ) {
            let whole: String = text.nfc().collect();
            let by_lines = nfc(&text).into_owned();
            proptest::prop_assert_eq!(by_lines, whole);
        }
    }
}
