//! UAX #29 word boundaries for a piece of printable ASCII (no whitespace),
//! told from a table of the bytes' word-break classes: the same segments as
//! `unicode_segmentation` gives, without its general Unicode machinery.
//! Only the rules that printable ASCII can meet apply (WB5 to WB13b, and
//! WB999 elsewhere).

/// The word-break classes of printable ASCII (UAX #29, table 3).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    /// `A`-`Z`, `a`-`z` (ALetter)
    Letter,
    /// `0`-`9` (Numeric)
    Digit,
    /// `_` (ExtendNumLet)
    Joiner,
    /// `:` (MidLetter)
    MidLetter,
    /// `,` `;` (MidNum)
    MidNum,
    /// `.` (MidNumLet) and `'` (Single_Quote): between letters or digits
    MidBoth,
    /// Any other printable byte, and a byte outside the piece.
    Other,
}

const fn class(b: u8) -> Class {
    match b {
        b'A'..=b'Z' | b'a'..=b'z' => Class::Letter,
        b'0'..=b'9' => Class::Digit,
        b'_' => Class::Joiner,
        b':' => Class::MidLetter,
        b',' | b';' => Class::MidNum,
        b'.' | b'\'' => Class::MidBoth,
        _ => Class::Other,
    }
}

const CLASSES: [Class; 128] = {
    let mut classes = [Class::Other; 128];
    let mut b = 0;
    while b < 128 {
        classes[b] = class(b as u8);
        b += 1;
    }
    classes
};

/// Call `each(start, end)` for every UAX #29 word segment of `bytes` in
/// order, if all of its bytes are printable ASCII but space (`!` to `~`);
/// else `false`, and `each` is not called.
pub(super) fn segments(bytes: &[u8], mut each: impl FnMut(usize, usize)) -> bool {
    if !bytes.iter().all(|&b| matches!(b, b'!'..=b'~')) {
        return false;
    }
    let at = |i: usize| {
        bytes
            .get(i)
            .map_or(Class::Other, |&b| CLASSES[usize::from(b)])
    };
    let mut start = 0;
    for i in 1..bytes.len() {
        let before_that = if i >= 2 { at(i - 2) } else { Class::Other };
        if breaks(before_that, at(i - 1), at(i), at(i + 1)) {
            each(start, i);
            start = i;
        }
    }
    if !bytes.is_empty() {
        each(start, bytes.len());
    }
    true
}

/// Whether there is a word boundary between bytes of classes `before` and
/// `after`, given the classes of the byte before them and of the one after.
fn breaks(before_that: Class, before: Class, after: Class, after_that: Class) -> bool {
    use Class::*;
    let mid_letter = |c| matches!(c, MidLetter | MidBoth);
    let mid_num = |c| matches!(c, MidNum | MidBoth);
    let joined = match (before, after) {
        // WB5, WB8, WB9, WB10
        (Letter | Digit, Letter | Digit) => true,
        // WB13a, WB13b
        (Letter | Digit | Joiner, Joiner) | (Joiner, Letter | Digit) => true,
        // WB6, WB12
        (Letter, mid) if mid_letter(mid) && after_that == Letter => true,
        (Digit, mid) if mid_num(mid) && after_that == Digit => true,
        // WB7, WB11
        (mid, Letter) if mid_letter(mid) && before_that == Letter => true,
        (mid, Digit) if mid_num(mid) && before_that == Digit => true,
        _ => false,
    };
    !joined
}

#[cfg(test)]
mod tests {
    use unicode_segmentation::UnicodeSegmentation;

    fn ours(s: &str) -> Option<Vec<&str>> {
        let mut out = Vec::new();
        super::segments(s.as_bytes(), |start, end| out.push(&s[start..end])).then_some(out)
    }

    #[test]
    fn words_numbers_and_marks() {
        assert_eq!(ours("U.S.-backed"), Some(vec!["U.S", ".", "-", "backed"]));
        assert_eq!(ours("don't"), Some(vec!["don't"]));
        assert_eq!(ours("1,000.5,"), Some(vec!["1,000.5", ","]));
        assert_eq!(ours("a:b_1"), Some(vec!["a:b_1"]));
        assert_eq!(ours("caf\u{e9}"), None);
        assert_eq!(ours("a\tb"), None);
    }

    proptest::proptest! {
        #[test]
        fn segments_as_unicode_segmentation_does(s in "[!-~]{0,24}") {
            let theirs: Vec<&str> = s.split_word_bounds().collect();
            proptest::prop_assert_eq!(ours(&s), Some(theirs));
        }

        #[test]
        fn segments_word_like_ascii_as_unicode_segmentation_does(
            s in "[aZ0_:,;.'\"\\-]{0,16}"
        ) {
            let theirs: Vec<&str> = s.split_word_bounds().collect();
            proptest::prop_assert_eq!(ours(&s), Some(theirs));
        }
    }
}
