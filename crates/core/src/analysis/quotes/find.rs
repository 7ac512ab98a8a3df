//! Finding quotations: pair quotation marks within each block, straight or
//! curly. An unclosed mark ends at its block's end, never swallowing the
//! article. Single quotes count only where they clearly pair up outside a
//! double quotation (headlines and British style), never as apostrophes.

use crate::span::Span;

/// A quotation found in the text, before attribution.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// The quoted words, without marks, surrounding spaces or a trailing comma.
    pub span: Span,
    /// Offset of the opening mark.
    pub open: usize,
    /// Offset just past the closing mark, or `None` when the block ended first.
    pub close: Option<usize>,
    /// Index of the block it is in.
    pub block: usize,
}

fn is_left_context(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => c.is_whitespace() || "([{\u{2014}\u{2013}-/:".contains(c),
    }
}

fn is_right_context(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => c.is_whitespace() || ".,;:!?)]}\u{2014}\u{2013}-\u{2026}".contains(c),
    }
}

/// Byte offsets in `s` where a quotation mark may be: `"`, `'` and the
/// first bytes of the other marks (U+00AB, U+00BB: 0xC2; U+2018..U+201E:
/// 0xE2), all at character boundaries; every other character is skipped.
/// (memchr finds three bytes at once: the rare 0xC2 is looked for apart, and
/// the two lists of offsets are merged in order.)
fn mark_candidates(s: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = s.as_bytes();
    let mut common = memchr::memchr3_iter(b'"', b'\'', 0xE2, bytes).peekable();
    let mut latin = memchr::memchr_iter(0xC2, bytes).peekable();
    std::iter::from_fn(move || match (common.peek(), latin.peek()) {
        (Some(c), Some(l)) if l < c => latin.next(),
        (Some(_), _) => common.next(),
        (None, _) => latin.next(),
    })
}

/// Find all quotations in the given blocks (spans of `text`).
pub fn find(text: &str, blocks: &[Span]) -> Vec<Found> {
    let mut out = Vec::new();
    for (b, block) in blocks.iter().enumerate() {
        find_in_block(text, *block, b, &mut out);
    }
    out
}

fn find_in_block(text: &str, block: Span, b: usize, out: &mut Vec<Found>) {
    let s = block.slice(text);
    // byte offset (absolute) just after the opening double mark
    let mut open: Option<(usize, usize)> = None;
    let mut single: Option<(usize, usize)> = None;
    // whether the open quotation opened with a straight mark, and how many
    // curly quotations are open inside it (`"… “rant,” …`)
    let mut straight = false;
    let mut nested = 0u32;
    // inside a markup attribute's value (`="…"`)
    let mut markup = false;
    for i in mark_candidates(s) {
        let Some(c) = s[i..].chars().next() else {
            continue;
        };
        let prev = s[..i].chars().next_back();
        let next = s[i + c.len_utf8()..].chars().next();
        let at = block.start + i;
        let after = at + c.len_utf8();
        let (left, right) = (is_left_context(prev), is_right_context(next));
        match c {
            '\u{201c}' | '\u{201e}' | '\u{00ab}' => {
                // a quotation inside the open one: in a straight one, or in
                // a curly one that two closing marks end (`“… “hell” …”`)
                if open.is_some() && (straight || closes_twice(&s[i + c.len_utf8()..])) {
                    nested += 1;
                    continue;
                }
                if let Some((o, inner)) = open.take() {
                    push(text, o, inner, at, None, b, out);
                }
                single = None;
                open = Some((at, after));
                straight = false;
                nested = 0;
            }
            '\u{201d}' | '\u{00bb}' if nested > 0 => nested -= 1,
            '\u{201d}' | '\u{00bb}' => match open.take() {
                Some((o, inner)) => push(text, o, inner, at, Some(after), b, out),
                // a closing mark used as an opening one in mangled text
                None if left && !right => {
                    open = Some((at, after));
                    straight = false;
                }
                None => {}
            },
            // `tweet-date="…"`: an attribute of markup left in the text is
            // no quotation, up to its closing mark
            '"' if markup => markup = false,
            '"' if open.is_none() && prev == Some('=') => markup = true,
            '"' => match open.take() {
                Some((o, inner)) => {
                    nested = 0;
                    if left && !right {
                        // a new quotation opens: the previous one was never closed
                        push(text, o, inner, at, None, b, out);
                        open = Some((at, after));
                        straight = true;
                    } else {
                        push(text, o, inner, at, Some(after), b, out);
                    }
                }
                None => {
                    if left || !right {
                        // (a mark glued to a word and followed by a space closes nothing)
                        single = None;
                        open = Some((at, after));
                        straight = true;
                        nested = 0;
                    }
                }
            },
            '\u{2018}' | '\'' if open.is_none() => {
                if left && next.is_some_and(char::is_alphanumeric) {
                    single = Some((at, after));
                } else if c == '\'' && single.is_some() && right && !left {
                    let (o, inner) = single.take().expect("checked");
                    push(text, o, inner, at, Some(after), b, out);
                }
            }
            '\u{2019}' if open.is_none() => {
                if let Some((o, inner)) = single
                    && right
                    && !left
                    && !prev.is_some_and(char::is_whitespace)
                {
                    // `Lorenz’ group` is a possessive, not a closing mark, when
                    // a lowercase word follows and the quotation has no verb-like
                    // length; keep it simple: close at the first fitting mark.
                    push(text, o, inner, at, Some(after), b, out);
                    single = None;
                }
            }
            _ => {}
        }
    }
    if let Some((o, inner)) = open {
        push(text, o, inner, block.end, None, b, out);
    }
}

/// Whether the next two curly double marks in `rest` (its first 4 KB) both close (`hell”
/// than live … president.”`): the mark before `rest` opened a quotation
/// inside another.
fn closes_twice(rest: &str) -> bool {
    // within a paragraph's reach: a block of many unclosed marks is not
    // read to its end at each
    let mut marks = rest
        .char_indices()
        .take_while(|&(i, _)| i < 4096)
        .map(|(_, c)| c)
        .filter(|c| {
            matches!(
                c,
                '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{00ab}' | '\u{00bb}'
            )
        });
    matches!(
        (marks.next(), marks.next()),
        (Some('\u{201d}' | '\u{00bb}'), Some('\u{201d}' | '\u{00bb}'))
    )
}

fn push(
    text: &str,
    open: usize,
    inner_start: usize,
    inner_end: usize,
    close: Option<usize>,
    block: usize,
    out: &mut Vec<Found>,
) {
    let inner = &text[inner_start..inner_end];
    let lead = inner.len() - inner.trim_start().len();
    let trimmed = inner.trim().trim_end_matches(',').trim_end();
    if trimmed.is_empty() || !trimmed.chars().any(char::is_alphanumeric) {
        return;
    }
    let mut start = inner_start + lead;
    let mut trimmed = trimmed;
    // a transcript's speaker label opening a paragraph is no part of the
    // words (`"PENCE: Well, look, …`; `“RIGS: Mechanized Combat League”` is a
    // title)
    let opens_paragraph = text[..open].ends_with('\n') || open == 0;
    if opens_paragraph && let Some(label) = speaker_label(trimmed) {
        let rest = trimmed[label..].trim_start();
        if rest.split_whitespace().count() >= 4 {
            start += trimmed.len() - rest.len();
            trimmed = rest;
        }
    }
    out.push(Found {
        span: Span::new(start, start + trimmed.len()),
        open,
        close,
        block,
    });
}

/// The length of a transcript's speaker label opening `s`, colon included:
/// one to three words in capitals (`PENCE:`, `SEN. JOHN DOE:`).
fn speaker_label(s: &str) -> Option<usize> {
    let colon = s.get(..40.min(s.len())).unwrap_or(s).find(':')?;
    let label = &s[..colon];
    let letters = label.chars().filter(|c| c.is_alphabetic()).count();
    let fits = letters >= 2
        && label.split_whitespace().count() <= 3
        && label
            .chars()
            .all(|c| c.is_uppercase() || matches!(c, ' ' | '.' | '\'' | '\u{2019}' | '-'))
        && s[colon + 1..].starts_with(' ');
    fits.then_some(colon + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(text: &str) -> Vec<(&str, bool)> {
        let blocks: Vec<Span> = {
            let mut v = Vec::new();
            let mut start = 0;
            for part in text.split("\n\n") {
                v.push(Span::new(start, start + part.len()));
                start += part.len() + 2;
            }
            v
        };
        find(text, &blocks)
            .iter()
            .map(|q| (q.span.slice(text), q.close.is_some()))
            .collect()
    }

    #[test]
    fn straight_and_curly_marks_pair_up() {
        assert_eq!(
            quotes("\"It was,\" said A. \u{201c}Yes.\u{201d} He said \"no\"."),
            [("It was", true), ("Yes.", true), ("no", true)]
        );
    }

    #[test]
    fn a_space_before_the_closing_mark_still_closes() {
        assert_eq!(
            quotes("\"I look forward to it. \" he said."),
            [("I look forward to it.", true)]
        );
    }

    #[test]
    fn an_unclosed_quotation_ends_at_its_paragraph() {
        assert_eq!(
            quotes("He replied, \"We had a great time.\n\nNext paragraph \"x\" here."),
            [("We had a great time.", false), ("x", true)]
        );
    }

    #[test]
    fn a_mark_after_an_equals_sign_is_markup() {
        assert_eq!(
            quotes("left over <p data-x=\"We rate it true.\">He said \"yes\"."),
            [("yes", true)]
        );
    }

    #[test]
    fn a_transcript_label_is_no_part_of_the_words() {
        assert_eq!(
            quotes("\"WALLACE: Will she be there tonight?\n\n\"SEN. MAY: No, she will not."),
            [
                ("Will she be there tonight?", false),
                ("No, she will not.", false)
            ]
        );
        // a time is no label, nor a word in capitals alone
        assert_eq!(
            quotes("\"At 10:30 we left.\" \"NO: \""),
            [("At 10:30 we left.", true), ("NO:", true)]
        );
    }

    #[test]
    fn apostrophes_are_not_quotation_marks() {
        assert_eq!(
            quotes("Trump\u{2019}s and Kim's talks, the Gilles\u{2019} home."),
            []
        );
    }

    #[test]
    fn single_quotes_pair_in_headlines() {
        assert_eq!(
            quotes("\u{2018}Good future\u{2019}"),
            [("Good future", true)]
        );
        assert_eq!(quotes("'Good future'"), [("Good future", true)]);
    }

    proptest::proptest! {
        #[test]
        fn candidates_are_the_bytes_that_may_begin_a_mark_in_order(
            s in "[a \"'\u{ab}\u{bb}\u{a0}\u{e9}\u{2018}\u{2019}\u{201c}\u{201d}\u{2014}]{0,30}"
        ) {
            let every: Vec<usize> = s
                .bytes()
                .enumerate()
                .filter(|&(_, b)| matches!(b, b'"' | b'\'' | 0xC2 | 0xE2))
                .map(|(i, _)| i)
                .collect();
            proptest::prop_assert_eq!(mark_candidates(&s).collect::<Vec<_>>(), every);
        }
    }

    #[test]
    fn a_curly_quotation_inside_an_open_one_stays_inside() {
        // in an unclosed straight one
        assert_eq!(
            quotes(
                "\"We read the question: \u{201c}As you know, she left early.\u{201d} It was so."
            ),
            [(
                "We read the question: \u{201c}As you know, she left early.\u{201d} It was so.",
                false
            )]
        );
        // in a curly one that two closing marks end
        assert_eq!(
            quotes(
                "\u{201c}I\u{2019}d rather live in what he calls \u{201c}hell\u{201d} than here.\u{201d} \u{2015} A."
            ),
            [(
                "I\u{2019}d rather live in what he calls \u{201c}hell\u{201d} than here.",
                true
            )]
        );
        // an unclosed curly one, then a new one
        assert_eq!(
            quotes("\u{201c}It was late, she said. \u{201c}We left.\u{201d}"),
            [("It was late, she said.", false), ("We left.", true)]
        );
    }

    #[test]
    fn nested_single_quotes_stay_inside() {
        assert_eq!(
            quotes("\u{201c}It\u{2019}s \u{2018}Showtime at the Apollo,\u{2019}\u{201d} he said."),
            [("It\u{2019}s \u{2018}Showtime at the Apollo,\u{2019}", true)]
        );
    }
}
