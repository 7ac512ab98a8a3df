//! Telling an HTML page from a text article by its content, not its name.

use super::Format;

/// How far into the input the markup test looks.
const LOOK: usize = 4096;

/// HTML when, after a byte-order mark, white space, comments and an XML
/// declaration, the input opens with a doctype or an `<html>`, `<head>` or
/// `<body>` tag (or another tag only a page's head holds); else HTML when
/// markup is dense at the start: at least eight tags of HTML elements, closing
/// tags among them, making up a tenth of the text or more. A text article that
/// mentions `<b>` or quotes a line of code stays text.
pub fn sniff(text: &str) -> Format {
    let start = skip_preamble(text);
    if opens_page(start) {
        return Format::Html;
    }
    if dense_markup(start) {
        Format::Html
    } else {
        Format::Text
    }
}

/// The text after a BOM, white space, `<!-- comments -->` and `<?xml ...?>`.
fn skip_preamble(text: &str) -> &str {
    let mut rest = text.trim_start_matches('\u{FEFF}');
    loop {
        rest = rest.trim_start();
        if let Some(after) = rest.strip_prefix("<!--") {
            match after.find("-->") {
                Some(end) => rest = &after[end + 3..],
                None => return "",
            }
        } else if let Some(after) = rest.strip_prefix("<?") {
            match after.find("?>") {
                Some(end) => rest = &after[end + 2..],
                None => return "",
            }
        } else {
            return rest;
        }
    }
}

/// Opens with `<!doctype html`, or a tag of a page's frame.
fn opens_page(start: &str) -> bool {
    let head = start.as_bytes();
    let head = &head[..head.len().min(64)];
    if starts_with_ignore_case(head, b"<!doctype html") {
        return true;
    }
    ["html", "head", "body", "meta", "title", "link"]
        .iter()
        .any(|tag| opens_tag(head, tag))
}

/// `<tag` then `>`, white space or `/`, in any case.
fn opens_tag(bytes: &[u8], tag: &str) -> bool {
    let Some(rest) = bytes.strip_prefix(b"<") else {
        return false;
    };
    starts_with_ignore_case(rest, tag.as_bytes())
        && rest
            .get(tag.len())
            .is_some_and(|&b| b == b'>' || b == b'/' || b.is_ascii_whitespace())
}

fn starts_with_ignore_case(bytes: &[u8], prefix: &[u8]) -> bool {
    bytes.len() >= prefix.len() && bytes[..prefix.len()].eq_ignore_ascii_case(prefix)
}

/// Elements whose tags mark a page (a fragment of one, without its frame).
const ELEMENTS: &[&str] = &[
    "a",
    "article",
    "b",
    "blockquote",
    "br",
    "div",
    "em",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "i",
    "img",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "script",
    "section",
    "span",
    "strong",
    "style",
    "table",
    "td",
    "tr",
    "ul",
];

/// Eight or more tags of known elements, at least two of them closing tags,
/// and tags a tenth of the bytes or more, in the first [`LOOK`] bytes.
fn dense_markup(start: &str) -> bool {
    let bytes = start.as_bytes();
    let bytes = &bytes[..bytes.len().min(LOOK)];
    let (mut tags, mut closing, mut markup) = (0usize, 0usize, 0usize);
    let mut i = 0;
    while let Some(at) = memchr::memchr(b'<', &bytes[i..]) {
        let open = i + at;
        i = open + 1;
        let rest = &bytes[open + 1..];
        let (is_closing, name_at) = match rest.first() {
            Some(b'/') => (true, 1),
            _ => (false, 0),
        };
        let name_len = rest[name_at..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        let name = &rest[name_at..name_at + name_len];
        let after = rest.get(name_at + name_len);
        let ends_name = after.is_some_and(|&b| b == b'>' || b == b'/' || b.is_ascii_whitespace());
        if name_len == 0
            || !ends_name
            || !ELEMENTS
                .iter()
                .any(|e| name.eq_ignore_ascii_case(e.as_bytes()))
        {
            continue;
        }
        let Some(close) = memchr::memchr(b'>', rest) else {
            break;
        };
        tags += 1;
        closing += usize::from(is_closing);
        markup += close + 2;
        i = open + close + 2;
    }
    tags >= 8 && closing >= 2 && markup * 10 >= bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_are_told_by_their_start() {
        for page in [
            "<!DOCTYPE html><html><body><p>Hi</p></body></html>",
            "\u{FEFF}<!doctype HTML>\n<title>x</title>",
            "  \n<html lang=\"en\">",
            "<!-- saved from url=(0042)https://example.com -->\n<html>",
            "<?xml version=\"1.0\"?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0\"><html>",
            "<head><meta charset=\"utf-8\"></head>",
            "<BODY>text</BODY>",
        ] {
            assert_eq!(sniff(page), Format::Html, "{page}");
        }
    }

    #[test]
    fn a_fragment_dense_with_markup_is_html() {
        let fragment = "<div class=\"story\"><h1>Title</h1><p>One <b>bold</b> claim.</p>\
                        <p>Two <a href=\"/x\">links</a>.</p><ul><li>a</li></ul></div>";
        assert_eq!(sniff(fragment), Format::Html);
    }

    #[test]
    fn text_that_mentions_tags_stays_text() {
        for text in [
            "",
            "Plain news.\n\nThe mayor said so.",
            "Use <b> for bold and <i> for italics, the guide says.\n\nMore text follows here.",
            "<b>Breaking</b>: the mayor resigned on Monday after a long dispute with the council \
             over the budget, which had been delayed for months.",
            "Title\n\nThe tag <html> starts a page; <head> and <body> follow.",
            "<not a tag at all",
            "<!-- unclosed comment",
        ] {
            assert_eq!(sniff(text), Format::Text, "{text}");
        }
    }
}
