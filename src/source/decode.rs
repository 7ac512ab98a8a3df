//! Bytes to text: which encoding, and whether it is text at all.

use encoding_rs::{Encoding, REPLACEMENT, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252};

use super::meta;

/// How many leading bytes are enough to tell binary data from text.
pub const SNIFF_BYTES: usize = 8192;

/// Text decoded from bytes, and the encoding it was read as.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// `UTF-8`, `UTF-16LE`, `UTF-16BE`, `windows-1252`, or the declared
    /// encoding's name (`windows-1251`, `Shift_JIS`, ...).
    pub encoding: &'static str,
}

/// Files that start like this are not text, whatever else they hold.
const MAGIC: &[(&[u8], &str)] = &[
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xFF\xD8\xFF", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"\x1F\x8B", "gzip data"),
    (b"\x7FELF", "an executable"),
];

/// Share of control characters above which decoded text counts as binary.
const MAX_CONTROL_SHARE: f64 = 0.1;

/// Why the first bytes of an input are not text, if they are not.
pub fn binary_prefix(bytes: &[u8]) -> Option<&'static str> {
    if let Some((_, what)) = MAGIC.iter().find(|(magic, _)| bytes.starts_with(magic)) {
        return Some(what);
    }
    if utf16(bytes).is_some() {
        return None;
    }
    bytes.contains(&0).then_some("it contains NUL bytes")
}

/// Decode `bytes`, or say why they are not text.
pub fn decode(bytes: &[u8]) -> Result<Decoded, &'static str> {
    decode_with(bytes, Hints::default()).map_err(|refusal| match refusal {
        Refusal::Binary(reason) => reason,
        // no label was given
        Refusal::UnknownCharset(_) => "it names an unknown charset",
    })
}

/// What is known of bytes besides the bytes: the charset a `Content-Type`
/// header names, and whether they are HTML (whose `<meta>` tag may name it).
#[derive(Clone, Copy, Debug, Default)]
pub struct Hints<'a> {
    pub charset: Option<&'a str>,
    pub html: bool,
}

/// Why bytes are not decoded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// Binary data, not text: what it is.
    Binary(&'static str),
    /// The header names a charset gloss does not know, and the bytes are not
    /// UTF-8.
    UnknownCharset(String),
}

/// Decode `bytes` in the encoding they declare, else as [`decode`] guesses.
///
/// A BOM decides first; then the header's charset, else (for HTML) a
/// `<meta>` tag's. Bytes that are valid UTF-8 are read as UTF-8 whatever an
/// ASCII-compatible label says (a page labelled `iso-8859-1` that is UTF-8
/// is common; the other way round, Latin-1 text that happens to be valid
/// UTF-8, is not). A page declared UTF-8 with stray Latin-1 bytes keeps
/// them as Windows-1252, as undeclared text does: no U+FFFD.
pub fn decode_with(bytes: &[u8], hints: Hints) -> Result<Decoded, Refusal> {
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    if let Some((_, what)) = MAGIC.iter().find(|(magic, _)| head.starts_with(magic)) {
        return Err(Refusal::Binary(what));
    }
    let bom = Encoding::for_bom(bytes);
    let declared = match (bom, hints.charset) {
        (Some(_), _) => Declared::None,
        (None, Some(label)) => match Encoding::for_label(label.trim().as_bytes()) {
            Some(encoding) if encoding != REPLACEMENT => Declared::Known(encoding),
            _ => Declared::Unknown(label.trim()),
        },
        (None, None) => Declared::None,
    };
    let declared = match declared {
        Declared::Known(_) => declared,
        // the header's label unknown or absent: the page's own
        _ if hints.html && bom.is_none() => meta::prescan(bytes).map_or(declared, Declared::Known),
        _ => declared,
    };
    let decoded = if let Some((encoding, bom)) = utf16(bytes) {
        decode_in(encoding, &bytes[bom..])
    } else if let Declared::Known(encoding) = declared
        && (encoding == UTF_16LE || encoding == UTF_16BE)
    {
        decode_in(encoding, bytes)
    } else {
        if bytes.contains(&0) {
            return Err(Refusal::Binary("it contains NUL bytes"));
        }
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        match declared {
            Declared::Known(encoding) if !encoding.is_ascii_compatible() => {
                decode_in(encoding, bytes)
            }
            Declared::Known(encoding)
                if encoding != UTF_8 && std::str::from_utf8(bytes).is_err() =>
            {
                decode_in(encoding, bytes)
            }
            Declared::Unknown(label) if std::str::from_utf8(bytes).is_err() => {
                return Err(Refusal::UnknownCharset(label.to_string()));
            }
            Declared::Known(encoding) if bytes.is_ascii() => Decoded {
                text: String::from_utf8_lossy(bytes).into_owned(),
                encoding: encoding.name(),
            },
            _ => utf8_or_windows_1252(bytes),
        }
    };
    if mostly_control(&decoded.text) {
        return Err(Refusal::Binary("it is mostly control characters"));
    }
    Ok(decoded)
}

/// The encoding the bytes declare, if any.
#[derive(Clone, Copy)]
enum Declared<'a> {
    None,
    Known(&'static Encoding),
    /// A header's label that names no encoding gloss has.
    Unknown(&'a str),
}

fn decode_in(encoding: &'static Encoding, bytes: &[u8]) -> Decoded {
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    Decoded {
        text: text.into_owned(),
        encoding: encoding.name(),
    }
}

/// UTF-16, with a BOM or (for text that is mostly ASCII) recognised by its
/// zero bytes: the encoding and the length of the BOM.
fn utf16(bytes: &[u8]) -> Option<(&'static Encoding, usize)> {
    match Encoding::for_bom(bytes) {
        Some((enc, bom)) if enc == UTF_16LE || enc == UTF_16BE => return Some((enc, bom)),
        Some(_) => return None,
        None => {}
    }
    let sample = &bytes[..bytes.len().min(SNIFF_BYTES) & !1];
    let pairs = sample.len() / 2;
    if pairs < 2 {
        return None;
    }
    let zeros_at = |parity: usize| {
        sample
            .iter()
            .skip(parity)
            .step_by(2)
            .filter(|b| **b == 0)
            .count()
    };
    let (even, odd) = (zeros_at(0), zeros_at(1));
    // ASCII text in UTF-16LE has a zero in every odd byte, in UTF-16BE in every even one.
    if odd * 10 >= pairs * 9 && even == 0 {
        Some((UTF_16LE, 0))
    } else if even * 10 >= pairs * 9 && odd == 0 {
        Some((UTF_16BE, 0))
    } else {
        None
    }
}

/// UTF-8 where the bytes are valid UTF-8; each byte that is not, read as
/// Windows-1252 (a Latin-1 file, or a UTF-8 file with a few Latin-1 bytes
/// pasted in). Never produces U+FFFD.
fn utf8_or_windows_1252(bytes: &[u8]) -> Decoded {
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Decoded {
            text: text.to_string(),
            encoding: "UTF-8",
        };
    }
    let mut text = String::with_capacity(bytes.len() + bytes.len() / 8);
    let mut multibyte = false;
    for chunk in bytes.utf8_chunks() {
        let valid = chunk.valid();
        multibyte |= !valid.is_ascii();
        text.push_str(valid);
        let (invalid, _) = WINDOWS_1252.decode_without_bom_handling(chunk.invalid());
        text.push_str(&invalid);
    }
    Decoded {
        text,
        encoding: if multibyte {
            "UTF-8"
        } else {
            WINDOWS_1252.name()
        },
    }
}

/// Whether more than a tenth of the characters are control characters other
/// than whitespace and ESC (an article full of ANSI colours is still text).
fn mostly_control(text: &str) -> bool {
    // counted on the bytes: a char starts at every byte but a continuation
    // byte; control characters (Cc) are the bytes below 0x20 and 0x7F, and
    // U+0080..U+009F, encoded C2 80..C2 9F
    let bytes = text.as_bytes();
    let chars = bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count();
    let c0 = bytes
        .iter()
        .filter(|&&b| (b < 0x20 || b == 0x7F) && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C | 0x1B))
        .count();
    let c1 = bytes
        .windows(2)
        .filter(|w| w[0] == 0xC2 && (0x80..=0x9F).contains(&w[1]))
        .count();
    let controls = c0 + c1;
    controls >= 8 && controls as f64 > chars as f64 * MAX_CONTROL_SHARE
}
