//! HTML character references, also as scrapers mangle them: spaced out
//! (`& # 39;`), escaped again (`&amp;#39;`, `&amp;amp;`), or numbered in
//! Windows-1252 (`&#146;` for a right quote). The mangled forms are put right,
//! then `html-escape` decodes every named and numeric reference.

use std::borrow::Cow;
use std::sync::LazyLock;

use memchr::{memchr, memchr_iter, memchr2};
use regex::Regex;

use super::cow_then;

/// A named reference escaped once or more again: `&amp;eacute;`, `&amp;amp;`.
static ESCAPED_NAMED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"&(?:amp;)+([A-Za-z][A-Za-z0-9]{1,31};)").expect("valid regex"));

/// Decode the character references of `text`.
pub fn decode(text: &str) -> Cow<'_, str> {
    if memchr(b'&', text.as_bytes()).is_none() {
        return Cow::Borrowed(text);
    }
    let numeric = numeric_references(text);
    // the regex is compiled only for a text that has such a reference
    let named = if numeric.contains("&amp;") {
        cow_then(numeric, |t| ESCAPED_NAMED.replace_all(t, "&$1"))
    } else {
        numeric
    };
    cow_then(named, named_and_numeric)
}

/// Every named and numeric reference decoded by `html-escape`, handed only
/// the stretch from each `&` to the first `;` or `&` after it. That is all
/// of the text it looks at to decide on that `&`: it reads on from an `&`
/// up to the next `;` (decoding or not what lies between) or the next `&`
/// (starting over there), and copies everything else as it is. Handing it
/// the whole text would make it step byte by byte from every lone `&`
/// ("AT&T") to the next `;`, often thousands of bytes on.
fn named_and_numeric(text: &str) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    let mut out = String::new();
    let mut last = 0;
    for start in memchr_iter(b'&', bytes) {
        let Some(len) = memchr2(b';', b'&', &bytes[start + 1..]) else {
            break;
        };
        let end = start + 1 + len;
        if bytes[end] != b';' {
            continue;
        }
        // `&` and `;` are ASCII: both ends are character boundaries
        if let Cow::Owned(decoded) = html_escape::decode_html_entities(&text[start..=end]) {
            if out.is_empty() {
                out.reserve(text.len());
            }
            out.push_str(&text[last..start]);
            out.push_str(&decoded);
            last = end + 1;
        }
    }
    if last == 0 {
        return Cow::Borrowed(text);
    }
    out.push_str(&text[last..]);
    Cow::Owned(out)
}

/// Numeric references put in canonical form (`&#N;`). A spaced-out
/// reference to a quotation mark was usually spaced out with the words
/// around it too (`& # 39; Good future & # 39;`): the space inside the
/// quotation goes, so that the quote reads `'Good future'`.
fn numeric_references(text: &str) -> Cow<'_, str> {
    let mut out = String::new();
    let mut last = 0;
    let mut open_quote = false;
    for (start, end, digits) in numeric_matches(text) {
        let mut between = &text[last..start];
        if between.contains('\n') {
            open_quote = false;
        }
        let canonical = canonical_numeric(&text[start..end], digits);
        let spaced = text[start..end].contains([' ', '\t']);
        let quote = spaced && is_quote_reference(&canonical);
        if quote && open_quote {
            // closing: "future & # 39;" loses the space before the mark
            between = between.strip_suffix(' ').unwrap_or(between);
        }
        out.push_str(between);
        out.push_str(&canonical);
        last = end;
        if quote && !open_quote {
            // opening: "& # 39; Good" loses the space after the mark
            let rest = &text[last..];
            if rest.starts_with(' ') && !rest[1..].starts_with([' ', '\n']) && !rest[1..].is_empty()
            {
                last += 1;
            }
        }
        if quote {
            open_quote = !open_quote;
        }
    }
    if last == 0 {
        return Cow::Borrowed(text);
    }
    out.push_str(&text[last..]);
    Cow::Owned(out)
}

/// Whether a canonical reference stands for a quotation mark.
fn is_quote_reference(canonical: &str) -> bool {
    const QUOTES: &[u32] = &[
        0x22, 0x27, 0x2018, 0x2019, 0x201C, 0x201D, 0x2039, 0x203A, 0xAB, 0xBB,
    ];
    canonical
        .strip_prefix("&#")
        .and_then(|n| n.strip_suffix(';'))
        .and_then(|n| n.parse::<u32>().ok())
        .is_some_and(|n| QUOTES.contains(&n))
}

/// The digits of a numeric reference.
#[derive(Clone, Copy)]
enum Digits<'t> {
    Decimal(&'t str),
    Hex(&'t str),
}

/// The numeric references of `text`, left to right, as the regex
/// `&(?:amp;)*[ \t]*#[ \t]*(?:([0-9]{1,7})|[xX][ \t]*([0-9a-fA-F]{1,6}))[ \t]*;`
/// finds them: start, end and digits.
fn numeric_matches(text: &str) -> impl Iterator<Item = (usize, usize, Digits<'_>)> {
    let mut next = 0;
    memchr_iter(b'&', text.as_bytes()).filter_map(move |start| {
        if start < next {
            return None;
        }
        let (end, digits) = numeric_at(text, start)?;
        next = end;
        Some((start, end, digits))
    })
}

/// The numeric reference that starts at the `&` at `start`: its end and digits.
fn numeric_at(text: &str, start: usize) -> Option<(usize, Digits<'_>)> {
    let bytes = text.as_bytes();
    let blanks = |mut i: usize| {
        while matches!(bytes.get(i), Some(b' ' | b'\t')) {
            i += 1;
        }
        i
    };
    // a run of at most `max` bytes that `digit` accepts, not followed by another
    let run = |from: usize, max: usize, digit: fn(&u8) -> bool| {
        let len = bytes[from..]
            .iter()
            .take(max + 1)
            .take_while(|b| digit(b))
            .count();
        (1..=max).contains(&len).then_some(from + len)
    };
    let mut i = start + 1;
    while bytes[i..].starts_with(b"amp;") {
        i += 4;
    }
    i = blanks(i);
    if bytes.get(i) != Some(&b'#') {
        return None;
    }
    i = blanks(i + 1);
    let (digits_end, digits) = match bytes.get(i)? {
        b'0'..=b'9' => {
            let end = run(i, 7, u8::is_ascii_digit)?;
            (end, Digits::Decimal(&text[i..end]))
        }
        b'x' | b'X' => {
            let from = blanks(i + 1);
            let end = run(from, 6, u8::is_ascii_hexdigit)?;
            (end, Digits::Hex(&text[from..end]))
        }
        _ => return None,
    };
    let i = blanks(digits_end);
    (bytes.get(i) == Some(&b';')).then_some((i + 1, digits))
}

/// `&#N;` for a numeric reference (`whole`, with `digits`); code points
/// 128-159 taken as the Windows-1252 characters they stand for in practice
/// (as browsers do); nothing for a control character or a number that is
/// no character.
fn canonical_numeric(whole: &str, digits: Digits) -> String {
    let value = match digits {
        Digits::Decimal(dec) => dec.parse::<u32>().ok(),
        Digits::Hex(hex) => u32::from_str_radix(hex, 16).ok(),
    };
    match value {
        Some(n @ 0x80..=0x9F) => {
            let byte = [n as u8];
            let (decoded, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&byte);
            decoded
                .chars()
                .next()
                .map_or(String::new(), |ch| format!("&#{};", u32::from(ch)))
        }
        // a control character or no character at all: nothing to show
        Some(n) if n < 0x20 && n != 0x09 && n != 0x0A => String::new(),
        Some(n) if n == 0x7F || char::from_u32(n).is_none() => String::new(),
        Some(n) => format!("&#{n};"),
        None => whole.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::{decode, named_and_numeric};

    proptest::proptest! {
        /// Stretch by stretch, the same as `html-escape` over the whole text.
        #[test]
        fn stretches_decode_as_the_whole_text(
            text in "(&|;|#|x|X|amp|lt|eacute|nbsp|3|9|27|A|b| |\\n|é|€)*"
        ) {
            let whole = html_escape::decode_html_entities(&text);
            proptest::prop_assert_eq!(named_and_numeric(&text), whole);
        }
    }

    #[test]
    fn a_lone_ampersand_leaves_the_references_after_it_decoded() {
        assert_eq!(
            named_and_numeric("AT&T and R&D; &lt;b&gt; &amp &#39;x&#x27; &bogus; &&amp;"),
            "AT&T and R&D; <b> &amp 'x' &bogus; &&"
        );
        assert_eq!(
            named_and_numeric("no references at all"),
            "no references at all"
        );
    }

    #[test]
    fn spaced_out_references_are_decoded() {
        assert_eq!(decode("& # 39; Good future & # 39;"), "'Good future'");
        assert_eq!(decode("& # 39;Good future& # 39;"), "'Good future'");
        assert_eq!(
            decode("He said & # 34; yes & # 34; and & # 34; no & # 34;."),
            "He said \"yes\" and \"no\"."
        );
        assert_eq!(decode("& #x27;ok&#X27 ;"), "'ok'");
    }

    #[test]
    fn references_escaped_again_are_decoded_once() {
        assert_eq!(decode("It&amp;#39;s"), "It's");
        assert_eq!(decode("Tom &amp;amp; Jerry"), "Tom & Jerry");
        assert_eq!(decode("caf&amp;eacute;"), "café");
    }

    #[test]
    fn named_and_numeric_references_are_decoded() {
        assert_eq!(
            decode("caf&eacute; &#x27;x&#x27; &lt;b&gt; a&nbsp;b"),
            "café 'x' <b> a\u{A0}b"
        );
        assert_eq!(decode("&#8220;Hi&#8221;"), "“Hi”");
    }

    #[test]
    fn windows_1252_numbers_become_their_characters() {
        assert_eq!(decode("don&#146;t &#150; &#128;5"), "don’t – €5");
    }

    #[test]
    fn references_to_control_characters_decode_to_nothing() {
        assert_eq!(decode("a&#27;[31mb&#x7;c&#0;d&#xD800;e"), "a[31mbcde");
    }

    #[test]
    fn text_that_only_looks_like_a_reference_is_kept() {
        assert_eq!(decode("AT&T; R&D & more; &#;"), "AT&T; R&D & more; &#;");
    }
}
