//! Mojibake: UTF-8 text that was once decoded as Windows-1252 or Latin-1
//! ("CafÃ©", "donâ€™t"). A run of such characters whose bytes form valid
//! multi-byte UTF-8 is decoded back; anything else is left as it is, so
//! genuine Latin-1 words ("São", "naïve", "AÇÃO") are never touched.

use std::borrow::Cow;
use std::sync::LazyLock;

use encoding_rs::WINDOWS_1252;
use memchr::memchr_iter;

/// The characters Windows-1252 puts at bytes 0x80-0x9F ("€", "’", ...),
/// with their bytes, in the order of the characters.
static CP1252_HIGH: LazyLock<Vec<(char, u8)>> = LazyLock::new(|| {
    let mut table: Vec<(char, u8)> = (0x80u8..=0x9F)
        .filter_map(|b| {
            let bytes = [b];
            let (s, _) = WINDOWS_1252.decode_without_bom_handling(&bytes);
            s.chars().next().map(|c| (c, b))
        })
        .collect();
    table.sort_unstable();
    table
});

/// The Windows-1252 byte of `c`, for characters outside ASCII.
fn byte_of(c: char) -> Option<u8> {
    match u32::from(c) {
        0..=0x7F => None,
        n @ 0x80..=0xFF => u8::try_from(n).ok(),
        // the Windows-1252 extras lie between "Œ" (U+0152) and "™" (U+2122)
        0x152..=0x2122 => {
            let table = &*CP1252_HIGH;
            let i = table.binary_search_by_key(&c, |&(k, _)| k).ok()?;
            Some(table[i].1)
        }
        _ => None,
    }
}

/// Repair mojibake in `text`. ASCII, which never takes part, is copied in
/// runs; only the other characters are looked at.
pub fn repair(text: &str) -> Cow<'_, str> {
    if !has_candidate(text) {
        return Cow::Borrowed(text);
    }
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut run: Vec<(char, u8)> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let ascii = bytes[i..].iter().take_while(|b| b.is_ascii()).count();
        if ascii > 0 {
            flush(&mut run, &mut out);
            out.push_str(&text[i..i + ascii]);
            i += ascii;
            continue;
        }
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        match byte_of(c) {
            Some(b) => run.push((c, b)),
            None => {
                flush(&mut run, &mut out);
                out.push(c);
            }
        }
        i += c.len_utf8();
    }
    flush(&mut run, &mut out);
    Cow::Owned(out)
}

/// A lead character of a two-to-four byte sequence (U+00C2-U+00F4, encoded
/// 0xC3 0x82-0xB4) followed by a continuation character. Only the places
/// where the byte 0xC3 occurs are looked at.
fn has_candidate(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr_iter(0xC3, bytes).any(|i| {
        bytes.get(i + 1).is_some_and(|b| (0x82..=0xB4).contains(b))
            && text
                .get(i + 2..)
                .and_then(|rest| rest.chars().next())
                .and_then(byte_of)
                .is_some_and(|b| (0x80..=0xBF).contains(&b))
    })
}

/// Write a run of Windows-1252-encodable characters, decoding every valid
/// multi-byte UTF-8 sequence in its bytes and keeping the other characters.
fn flush(run: &mut Vec<(char, u8)>, out: &mut String) {
    if let [(c, _)] = run.as_slice() {
        // one character decodes to nothing else
        out.push(*c);
        run.clear();
        return;
    }
    let bytes: Vec<u8> = run.iter().map(|(_, b)| *b).collect();
    if lone_letter(&bytes) {
        // three characters that would make one letter of another script
        // ("é »" in French: "automatisé »" → "automatis頻") stay as they are
        out.extend(run.iter().map(|(c, _)| *c));
        run.clear();
        return;
    }
    let mut i = 0;
    while i < run.len() {
        let len = match bytes[i] {
            0xC2..=0xDF => 2,
            0xE0..=0xEF => 3,
            0xF0..=0xF4 => 4,
            _ => 1,
        };
        let decoded = (len > 1)
            .then(|| bytes.get(i..i + len))
            .flatten()
            .and_then(|seq| std::str::from_utf8(seq).ok());
        match decoded {
            Some(s) => {
                out.push_str(s);
                i += len;
            }
            None => {
                out.push(run[i].0);
                i += 1;
            }
        }
    }
    run.clear();
}

/// Whether `bytes` (a run of three characters) decode to a single
/// character that mojibake of one character rarely is: only punctuation and
/// symbols (U+2000-U+27FF, U+2900-U+2BFF: ’ “ – … € ™ •), CJK punctuation
/// and the specials (U+FE00-U+FFFF) come alone between ASCII. A letter of
/// another script, once UTF-8, gives runs of several; three Latin-1
/// characters that happen to spell one ("é »" in "automatisé »", which would
/// read "automatis頻") are Latin text.
fn lone_letter(bytes: &[u8]) -> bool {
    bytes.len() == 3
        && std::str::from_utf8(bytes)
            .ok()
            .and_then(|s| s.chars().next())
            .is_some_and(|c| {
                !matches!(c, '\u{2000}'..='\u{27FF}' | '\u{2900}'..='\u{2BFF}' | '\u{3000}'..='\u{303F}' | '\u{FE00}'..='\u{FFFF}')
            })
}

#[cfg(test)]
mod tests {
    use super::repair;

    #[test]
    fn utf8_read_as_windows_1252_is_put_right() {
        assert_eq!(
            repair("CafÃ© donâ€™t â€œquotedâ€\u{9D} ZÃ¼rich"),
            "Café don’t “quoted” Zürich"
        );
        assert_eq!(repair("Ã\u{81}ngel"), "Ángel");
    }

    #[test]
    fn genuine_latin_text_is_untouched() {
        for text in [
            "São Paulo",
            "naïve café",
            "AÇÃO",
            "Ålesund, Øresund",
            "50 °C ± 2",
            "« Bonjour »",
            "un traitement automatisé\u{a0}».",
            "déjà\u{a0}»",
        ] {
            assert_eq!(repair(text), text);
        }
    }

    #[test]
    fn a_word_of_another_script_is_put_right() {
        // "場所" in UTF-8, read as Windows-1252
        assert_eq!(repair("å\u{a0}´æ‰€"), "場所");
    }

    #[test]
    fn other_scripts_are_untouched() {
        let text = "北京 مرحبا שלום Привет";
        assert_eq!(repair(text), text);
    }
}
