//! Bytes to text: which encoding, and whether it is text at all.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, WINDOWS_1252};

/// How many leading bytes are enough to tell binary data from text.
pub const SNIFF_BYTES: usize = 8192;

/// Text decoded from bytes, and the encoding it was read as.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// `UTF-8`, `UTF-16LE`, `UTF-16BE` or `windows-1252`.
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
    if let Some(reason) = binary_prefix(&bytes[..bytes.len().min(SNIFF_BYTES)]) {
        return Err(reason);
    }
    let decoded = if let Some((encoding, bom)) = utf16(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom..]);
        Decoded {
            text: text.into_owned(),
            encoding: encoding.name(),
        }
    } else {
        if bytes.contains(&0) {
            return Err("it contains NUL bytes");
        }
        utf8_or_windows_1252(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes))
    };
    if mostly_control(&decoded.text) {
        return Err("it is mostly control characters");
    }
    Ok(decoded)
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
