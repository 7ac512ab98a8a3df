//! Before parsing, in one scan of the page:
//!
//! - the contents of scripts and style sheets are taken out, which the HTML
//!   tokenizer would otherwise read a character at a time only for
//!   extraction to throw them away (on the test pages they are over 40 % of
//!   the bytes). JSON-LD scripts stay: they hold metadata;
//! - nesting is bounded: start tags more than [`MAX_NESTING`] deep are left
//!   out with their end tags (their text stays), since the parser's work
//!   grows with the square of the depth (20,000 nested `div`s take it
//!   seconds, 100,000 minutes).
//!
//! The scan follows the tokenizer's states far enough to find real tags: it
//! skips comments, other markup declarations, quoted attribute values and
//! the raw text of `<title>`, `<textarea>`, `<xmp>`, `<iframe>`,
//! `<noembed>`, `<noframes>` and `<noscript>`. A script whose text holds
//! `<!--` is left whole, since the tokenizer's escaped states may end it
//! elsewhere than at the first `</script`. Depth is counted the simple way:
//! a start tag opens, an end tag of the same kind closes; void elements
//! (`br`, `img`, ...), self-closed tags and the elements whose end tags
//! pages leave out (`p`, `li`, `td`, ...) are not counted.

use std::borrow::Cow;

use memchr::memchr;

/// Start tags deeper than this are left out.
pub const MAX_NESTING: usize = 200;

/// `html` without the contents of its scripts (but JSON-LD) and style
/// sheets (the elements themselves stay, empty), and without the tags
/// nested deeper than [`MAX_NESTING`].
pub fn prepare(html: &str) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut out = Edit::default();
    let mut depth = 0usize;
    let mut i = 0;
    while let Some(at) = memchr(b'<', &bytes[i..]) {
        let open = i + at;
        let rest = &bytes[open + 1..];
        if rest.starts_with(b"!--") {
            // a comment: to `-->` (or `--!>`), or the end
            i = find(bytes, open + 4, b"-->").map_or(bytes.len(), |e| e + 3);
            continue;
        }
        if matches!(rest.first(), Some(b'!' | b'?')) {
            // a doctype or a bogus comment: to the next `>`
            i = memchr(b'>', rest).map_or(bytes.len(), |e| open + 1 + e + 1);
            continue;
        }
        let closing = rest.first() == Some(&b'/');
        let name_at = usize::from(closing);
        if !rest.get(name_at).is_some_and(u8::is_ascii_alphabetic) {
            i = open + 1;
            continue;
        }
        let name_len = rest[name_at..]
            .iter()
            .take_while(|b| !b.is_ascii_whitespace() && !matches!(b, b'/' | b'>'))
            .count();
        let name = &rest[name_at..name_at + name_len];
        let Some(tag_end) = tag_end(bytes, open + 1 + name_at + name_len) else {
            break;
        };
        let tag = &bytes[open..tag_end];
        i = tag_end;
        let counted = !tag.ends_with(b"/>")
            && !UNCOUNTED
                .iter()
                .any(|u| name.eq_ignore_ascii_case(u.as_bytes()));
        if closing {
            if counted {
                if depth > MAX_NESTING {
                    out.drop(html, open, tag_end);
                }
                depth = depth.saturating_sub(1);
            }
            continue;
        }
        if counted {
            depth += 1;
            if depth > MAX_NESTING {
                out.drop(html, open, tag_end);
            }
        }
        if name.eq_ignore_ascii_case(b"plaintext") {
            // the rest of the page is its text
            break;
        }
        let raw = if name.eq_ignore_ascii_case(b"script") {
            Some(("script", !is_json_ld(tag)))
        } else if name.eq_ignore_ascii_case(b"style") {
            Some(("style", true))
        } else {
            RAW_TEXT
                .iter()
                .find(|r| name.eq_ignore_ascii_case(r.as_bytes()))
                .map(|&r| (r, false))
        };
        let Some((raw, drop)) = raw else { continue };
        let close = find_end_tag(bytes, i, raw).unwrap_or(bytes.len());
        let content = &html[i..close];
        if drop && !(raw == "script" && content.contains("<!--")) && !content.is_empty() {
            out.drop(html, i, close);
        }
        i = close;
    }
    out.finish(html)
}

/// The page with byte ranges left out, built only once one is.
#[derive(Default)]
struct Edit {
    out: Option<String>,
    /// The bytes before this are in `out` (when it exists).
    copied: usize,
}

impl Edit {
    /// Leave out `html[from..to]` (ranges come in order, never overlapping).
    fn drop(&mut self, html: &str, from: usize, to: usize) {
        let out = self
            .out
            .get_or_insert_with(|| String::with_capacity(html.len()));
        out.push_str(&html[self.copied..from]);
        self.copied = to;
    }

    fn finish(self, html: &str) -> Cow<'_, str> {
        match self.out {
            Some(mut out) => {
                out.push_str(&html[self.copied..]);
                Cow::Owned(out)
            }
            None => Cow::Borrowed(html),
        }
    }
}

/// Elements not counted in the depth: void elements, which have no end tag,
/// and those whose end tags pages often leave out.
const UNCOUNTED: &[&str] = &[
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input",
    "keygen", "link", "meta", "param", "source", "track", "wbr", "p", "li", "dt", "dd", "option",
    "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "colgroup", "rb", "rt", "rp", "rtc",
    "html", "head", "body",
];

/// Elements whose text the tokenizer reads raw, to their end tag.
const RAW_TEXT: &[&str] = &[
    "title", "textarea", "xmp", "iframe", "noembed", "noframes", "noscript",
];

/// The index after the `>` that ends a start tag whose attributes begin at
/// `from`, quoted values skipped; None when the page ends first.
fn tag_end(bytes: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    // whether the last non-space byte was `=`: a quote then opens a value
    let mut after_equals = false;
    while i < bytes.len() {
        match bytes[i] {
            b'>' => return Some(i + 1),
            q @ (b'"' | b'\'') if after_equals => {
                let close = memchr(q, &bytes[i + 1..])?;
                i += close + 2;
                after_equals = false;
                continue;
            }
            b'=' => after_equals = true,
            b if b.is_ascii_whitespace() => {}
            _ => after_equals = false,
        }
        i += 1;
    }
    None
}

/// `type="application/ld+json"` among a script tag's attributes.
fn is_json_ld(tag: &[u8]) -> bool {
    tag.windows(7).any(|w| w.eq_ignore_ascii_case(b"ld+json"))
}

/// Where `</name` followed by a space, `/` or `>` starts, from `from` on.
fn find_end_tag(bytes: &[u8], from: usize, name: &str) -> Option<usize> {
    let mut i = from;
    while let Some(at) = find(bytes, i, b"</") {
        let after = &bytes[at + 2..];
        let named = after.len() >= name.len()
            && after[..name.len()].eq_ignore_ascii_case(name.as_bytes())
            && after
                .get(name.len())
                .is_none_or(|&b| b.is_ascii_whitespace() || b == b'/' || b == b'>');
        if named {
            return Some(at);
        }
        i = at + 2;
    }
    None
}

fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(&bytes[from..], needle).map(|at| from + at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_and_style_contents_go() {
        let page = "<head><style>p { color: red }</style><script src=a.js></script>\
                    <script>var x = '<p>not text</p>';</script></head><body><p>Kept</p>\
                    <SCRIPT type=text/javascript>if (a < b) go()</SCRIPT ></body>";
        assert_eq!(
            prepare(page),
            "<head><style></style><script src=a.js></script><script></script></head>\
             <body><p>Kept</p><SCRIPT type=text/javascript></SCRIPT ></body>"
        );
    }

    #[test]
    fn json_ld_stays() {
        let page = "<script type=\"application/ld+json\">{\"headline\": \"H\"}</script>";
        assert_eq!(prepare(page), page);
    }

    #[test]
    fn only_real_tags_count() {
        for page in [
            // in a comment, an attribute value, a title, a textarea
            "<!-- <script> --><p>a</p><!-- </script> -->",
            "<a title='<script>'>x</a><p>b</p><i title=\"</script>\">y</i>",
            "<title>About <style> tags</title><p>c</p></style>",
            "<textarea><script>d</textarea><p>e</p>",
            // a script with a comment in it is left to the tokenizer
            "<script><!-- document.write('<script></script>') --></script><p>f</p>",
            // not closed at all
            "<p>g</p><a href='x",
            "<p>h < i and j > k</p>",
        ] {
            assert_eq!(prepare(page), page, "{page}");
        }
    }

    #[test]
    fn deep_nesting_is_cut_and_its_text_kept() {
        let deep = format!(
            "{}<p>deep</p>{}",
            "<div>".repeat(1000),
            "</div>".repeat(1000)
        );
        let prepared = prepare(&deep);
        assert_eq!(prepared.matches("<div>").count(), MAX_NESTING);
        assert_eq!(prepared.matches("</div>").count(), MAX_NESTING);
        assert!(prepared.contains("<p>deep</p>"));
        // unclosed paragraphs and list items, void and self-closed tags do not add up
        let flat = format!(
            "<div>{}</div>",
            "<p>a<br><img src=x><li>b<svg><path d='x'/></svg>".repeat(1000)
        );
        assert_eq!(prepare(&flat), flat);
    }

    #[test]
    fn an_unclosed_script_takes_the_rest() {
        assert_eq!(prepare("<p>a</p><script>var b;"), "<p>a</p><script>");
    }
}
