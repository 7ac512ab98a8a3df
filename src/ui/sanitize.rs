//! No character of an article may reach the terminal as a control sequence.
//! The cleaner removes control characters already; the reader makes sure
//! again at draw time, for every piece of text that came from outside.

use std::borrow::Cow;

/// What is drawn for a control character: visible, one cell wide.
pub const REPLACEMENT: char = '\u{fffd}';

/// `s` with every control character (C0, DEL, C1: ESC, BEL, CSI, ...) drawn as
/// [`REPLACEMENT`] and tabs as a space. Borrowed when there is nothing to do.
pub fn sanitize(s: &str) -> Cow<'_, str> {
    if !s.chars().any(char::is_control) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| match c {
                '\t' => ' ',
                c if c.is_control() => REPLACEMENT,
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
    }
}
