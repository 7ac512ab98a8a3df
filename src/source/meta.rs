//! The encoding an HTML page names in its first 1024 bytes: `<meta
//! charset="windows-1251">` or `<meta http-equiv="Content-Type"
//! content="text/html; charset=Shift_JIS">`, found as browsers find it (the
//! WHATWG "prescan a byte stream to determine its encoding": comments and
//! other tags are stepped over, attribute names and values read the way the
//! HTML parser would).

use encoding_rs::{Encoding, REPLACEMENT, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252, X_USER_DEFINED};

/// How many leading bytes the prescan looks at.
pub const PRESCAN_BYTES: usize = 1024;

/// The encoding a `<meta>` tag in the first [`PRESCAN_BYTES`] declares, if
/// one does with a label gloss knows.
pub fn prescan(bytes: &[u8]) -> Option<&'static Encoding> {
    let mut scan = Scan {
        bytes: &bytes[..bytes.len().min(PRESCAN_BYTES)],
        pos: 0,
    };
    while scan.pos < scan.bytes.len() {
        let rest = scan.rest();
        if rest.starts_with(b"<!--") {
            // to the end of the comment; `<!-->` is a whole comment
            scan.pos = scan.pos + 2 + find(&rest[2..], b"-->")? + 3;
            continue;
        }
        if starts_with_ignore_case(rest, b"<meta")
            && rest.get(5).is_some_and(|&b| is_space(b) || b == b'/')
        {
            scan.pos += 6;
            if let Some(encoding) = scan.meta()? {
                return Some(encoding);
            }
        } else if rest.len() > 1
            && (rest[1].is_ascii_alphabetic()
                || (rest[1] == b'/' && rest.get(2).is_some_and(u8::is_ascii_alphabetic)))
            && rest[0] == b'<'
        {
            // another tag: its name, then its attributes
            scan.pos += 1;
            while scan.pos < scan.bytes.len() && !is_space(scan.byte()) && scan.byte() != b'>' {
                scan.pos += 1;
            }
            while scan.attribute()?.is_some() {}
        } else if rest.starts_with(b"<!") || rest.starts_with(b"</") || rest.starts_with(b"<?") {
            scan.pos += find(rest, b">")?;
        }
        scan.pos += 1;
    }
    None
}

struct Scan<'a> {
    bytes: &'a [u8],
    pos: usize,
}

/// An attribute's name and value, lowercase.
type Attribute = (Vec<u8>, Vec<u8>);

impl Scan<'_> {
    fn rest(&self) -> &[u8] {
        &self.bytes[self.pos..]
    }

    fn byte(&self) -> u8 {
        self.bytes[self.pos]
    }

    /// The byte at the position, `None` past the end (which ends the prescan).
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_spaces(&mut self) -> Option<u8> {
        while is_space(self.peek()?) {
            self.pos += 1;
        }
        self.peek()
    }

    /// The attributes of a `<meta` tag: its encoding if it declares one.
    /// `None` when the bytes end inside the tag.
    fn meta(&mut self) -> Option<Option<&'static Encoding>> {
        let mut seen: Vec<Vec<u8>> = Vec::new();
        let mut got_pragma = false;
        let mut need_pragma = None;
        let mut charset = None;
        while let Some((name, value)) = self.attribute()? {
            if seen.contains(&name) {
                continue;
            }
            match name.as_slice() {
                b"http-equiv" => got_pragma |= value == b"content-type",
                b"content" if charset.is_none() => {
                    if let Some(label) = charset_in_content(&value) {
                        charset = Encoding::for_label(label);
                        need_pragma = Some(true);
                    }
                }
                b"charset" => {
                    charset = Encoding::for_label(&value);
                    need_pragma = Some(false);
                }
                _ => {}
            }
            seen.push(name);
        }
        let declared = match need_pragma {
            Some(true) if !got_pragma => None,
            Some(_) => charset,
            None => None,
        };
        Some(declared.and_then(|encoding| match encoding {
            e if e == UTF_16BE || e == UTF_16LE => Some(UTF_8),
            e if e == X_USER_DEFINED => Some(WINDOWS_1252),
            e if e == REPLACEMENT => None,
            e => Some(e),
        }))
    }

    /// The next attribute of a tag, `Some(None)` at the tag's end, `None`
    /// when the bytes end first.
    fn attribute(&mut self) -> Option<Option<Attribute>> {
        while is_space(self.peek()?) || self.peek()? == b'/' {
            self.pos += 1;
        }
        if self.peek()? == b'>' {
            return Some(None);
        }
        let mut name = Vec::new();
        let mut value = Vec::new();
        loop {
            match self.peek()? {
                b'=' if !name.is_empty() => {
                    self.pos += 1;
                    break;
                }
                b if is_space(b) => {
                    if self.skip_spaces()? != b'=' {
                        return Some(Some((name, value)));
                    }
                    self.pos += 1;
                    break;
                }
                b'/' | b'>' => return Some(Some((name, value))),
                b => name.push(b.to_ascii_lowercase()),
            }
            self.pos += 1;
        }
        match self.skip_spaces()? {
            quote @ (b'"' | b'\'') => loop {
                self.pos += 1;
                match self.peek()? {
                    b if b == quote => {
                        self.pos += 1;
                        return Some(Some((name, value)));
                    }
                    b => value.push(b.to_ascii_lowercase()),
                }
            },
            b'>' => Some(Some((name, value))),
            _ => {
                loop {
                    match self.peek()? {
                        b if is_space(b) || b == b'>' => break,
                        b => value.push(b.to_ascii_lowercase()),
                    }
                    self.pos += 1;
                }
                Some(Some((name, value)))
            }
        }
    }
}

/// The label in a `content` attribute's `charset=...` (WHATWG "extracting a
/// character encoding from a meta element").
fn charset_in_content(content: &[u8]) -> Option<&[u8]> {
    let mut pos = 0;
    loop {
        pos += find_ignore_case(&content[pos..], b"charset")? + b"charset".len();
        let mut at = pos;
        while content.get(at).is_some_and(|&b| is_space(b)) {
            at += 1;
        }
        if content.get(at) != Some(&b'=') {
            continue;
        }
        at += 1;
        while content.get(at).is_some_and(|&b| is_space(b)) {
            at += 1;
        }
        let rest = content.get(at..)?;
        return match rest.first()? {
            &quote @ (b'"' | b'\'') => {
                let len = rest[1..].iter().position(|&b| b == quote)?;
                Some(&rest[1..1 + len])
            }
            _ => {
                let len = rest
                    .iter()
                    .position(|&b| is_space(b) || b == b';')
                    .unwrap_or(rest.len());
                Some(&rest[..len])
            }
        };
    }
}

fn is_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | 0x0C | b'\r' | b' ')
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn find_ignore_case(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
}

fn starts_with_ignore_case(bytes: &[u8], prefix: &[u8]) -> bool {
    bytes.len() >= prefix.len() && bytes[..prefix.len()].eq_ignore_ascii_case(prefix)
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::{SHIFT_JIS, WINDOWS_1251};

    fn name(html: &str) -> Option<&'static str> {
        prescan(html.as_bytes()).map(Encoding::name)
    }

    #[test]
    fn meta_charset_in_its_forms() {
        assert_eq!(name("<meta charset=utf-8>"), Some("UTF-8"));
        assert_eq!(
            name("<!DOCTYPE html><html><head><META CHARSET='Windows-1251'>"),
            Some("windows-1251")
        );
        assert_eq!(
            name(r#"<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">"#),
            Some("Shift_JIS")
        );
        assert_eq!(
            name(r#"<meta content='text/html;charset="koi8-r"' http-equiv=content-type />"#),
            Some("KOI8-R")
        );
        // latin1 and iso-8859-1 are windows-1252 for the web
        assert_eq!(name("<meta charset=latin1>"), Some("windows-1252"));
    }

    #[test]
    fn a_content_charset_without_the_pragma_does_not_count() {
        assert_eq!(name(r#"<meta content="text/html; charset=koi8-r">"#), None);
        assert_eq!(
            name(r#"<meta name="description" content="charset=koi8-r">"#),
            None
        );
    }

    #[test]
    fn comments_scripts_attributes_and_the_first_kilobyte() {
        assert_eq!(
            name("<!-- <meta charset=koi8-r> --><meta charset=gbk>"),
            Some("GBK")
        );
        assert_eq!(name("<!--><meta charset=gbk>"), Some("GBK"));
        assert_eq!(
            name(r#"<title data-x="<meta charset=koi8-r>">T</title><meta charset=euc-kr>"#),
            Some("EUC-KR")
        );
        let late = format!("{}<meta charset=koi8-r>", " ".repeat(PRESCAN_BYTES));
        assert_eq!(name(&late), None);
        assert_eq!(name("<meta charset=no-such-encoding>"), None);
        assert_eq!(name("plain text, no tags"), None);
    }

    #[test]
    fn utf16_in_a_meta_tag_means_utf8() {
        assert_eq!(name("<meta charset=utf-16le>"), Some("UTF-8"));
        assert_eq!(prescan(b"<meta charset=\"shift_jis\">"), Some(SHIFT_JIS));
        assert_eq!(prescan(b"<meta charset=cp1251>"), Some(WINDOWS_1251));
    }
}
