//! The one sanitiser of everything gloss shows: no character that came from
//! outside (an article, a note, a shared annotation file, a source URL, a
//! file name) may reach the terminal as a control sequence or reorder what
//! is around it. The reader passes every piece of text through it at draw
//! time; the command line passes what it prints for people (messages on
//! standard error, the Markdown export and the clean text on standard
//! output, the list of notes).
//!
//! Control characters (C0, DEL, C1: ESC, BEL, CSI, OSC, ...) become a
//! visible [`REPLACEMENT`], so an escape sequence (a colour, a clear-screen,
//! an OSC 52 clipboard write) is shown as harmless text and never acted
//! upon; so do the bidirectional embeddings, overrides and isolates
//! (U+202A–U+202E, U+2066–U+2069), which can make text read in an order
//! other than the one it is stored in.

use std::borrow::Cow;
use std::io::Write as _;

/// What is shown for a control character: visible, one cell wide.
pub const REPLACEMENT: char = '\u{fffd}';

/// `s` as one line: every control character (newlines too) and bidi
/// override shown as [`REPLACEMENT`], tabs as a space. Borrowed when there
/// is nothing to do.
pub fn sanitize(s: &str) -> Cow<'_, str> {
    clean(s, Layout::Line)
}

/// `s` as lines of text (standard output, a file meant for a terminal):
/// as [`sanitize`], but newlines and tabs are kept.
pub fn sanitize_text(s: &str) -> Cow<'_, str> {
    clean(s, Layout::Lines)
}

/// Print `message` and a newline on standard error, sanitised as one line
/// (each line of a message of several lines sanitised on its own).
pub fn eprint_line(message: &str) {
    let mut out = String::with_capacity(message.len() + 1);
    for (i, line) in message.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(&sanitize(line));
    }
    out.push('\n');
    let _ = std::io::stderr().lock().write_all(out.as_bytes());
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Layout {
    Line,
    Lines,
}

/// Whether `c` must not reach the terminal as it is.
fn is_unsafe(c: char, layout: Layout) -> bool {
    match c {
        '\n' | '\t' if layout == Layout::Lines => false,
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => true,
        c => c.is_control(),
    }
}

/// The one function behind [`sanitize`] and [`sanitize_text`].
fn clean(s: &str, layout: Layout) -> Cow<'_, str> {
    if !s.chars().any(|c| is_unsafe(c, layout)) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| match c {
                '\t' if layout == Layout::Line => ' ',
                c if is_unsafe(c, layout) => REPLACEMENT,
                c => c,
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_become_visible_harmless_characters() {
        let s = sanitize("red \u{1b}[31mtext\u{7} \u{9b}2J end\u{7f}");
        assert!(!s.chars().any(char::is_control), "{s:?}");
        assert_eq!(s, "red \u{fffd}[31mtext\u{fffd} \u{fffd}2J end\u{fffd}");
    }

    #[test]
    fn plain_text_is_borrowed_unchanged() {
        assert!(matches!(sanitize("Zoë — 東京 👍"), Cow::Borrowed(_)));
        assert!(matches!(
            sanitize_text("two\nlines\twith a tab"),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn osc_52_clear_screen_and_bidi_overrides_are_defused() {
        let hostile =
            "a\u{1b}]52;c;cm0gLXJmIH4=\u{7}b\u{1b}[2J\u{1b}c \u{202e}txt.exe\u{2066}x\u{2069}\r";
        for s in [sanitize(hostile), sanitize_text(hostile)] {
            assert!(
                !s.chars().any(|c| c.is_control()
                    || ('\u{202a}'..='\u{202e}').contains(&c)
                    || ('\u{2066}'..='\u{2069}').contains(&c)),
                "{s:?}"
            );
            assert!(
                s.contains("]52;c;cm0gLXJmIH4="),
                "the text stays visible: {s:?}"
            );
        }
    }

    #[test]
    fn lines_keep_their_newlines_and_tabs_a_line_does_not() {
        assert_eq!(sanitize_text("a\nb\tc\u{1b}"), "a\nb\tc\u{fffd}");
        assert_eq!(sanitize("a\nb\tc"), "a\u{fffd}b c");
    }
}
