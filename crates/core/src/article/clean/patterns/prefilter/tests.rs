use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::TestRunner;
use regex_syntax::hir::{ClassUnicode, ClassUnicodeRange, Hir, HirKind};

use super::literals::CharKind;
use super::syntax::{Flags, caseless, perl_class, unicode_class};
use super::*;

fn passes(pattern: &str, text: &str) -> bool {
    Prefilter::new(pattern).may_match(&Haystack::new(text))
}

/// The class of `c` under simple case folding.
fn folds_of(c: char) -> Vec<(char, char)> {
    let mut class = ClassUnicode::new([ClassUnicodeRange::new(c, c)]);
    class.case_fold_simple();
    class
        .ranges()
        .iter()
        .map(|r| (r.start(), r.end()))
        .collect()
}

#[test]
fn caseless_characters_fold_to_nothing_else() {
    let chars = (0x80..0x40000)
        .chain(0xE0000..0xE0080)
        .filter_map(char::from_u32);
    for c in chars.filter(|&c| caseless(c)) {
        assert_eq!(folds_of(c), [(c, c)], "{c:?} U+{:04X}", u32::from(c));
    }
}

#[test]
fn ascii_letters_fold_to_their_cases_and_two_signs_only() {
    for c in ('a'..='z').chain('A'..='Z') {
        let mut want = vec![c.to_ascii_uppercase(), c.to_ascii_lowercase()];
        match c.to_ascii_lowercase() {
            's' => want.push('ſ'),
            'k' => want.push('\u{212A}'),
            _ => {}
        }
        let got: Vec<char> = folds_of(c).iter().flat_map(|&(a, b)| a..=b).collect();
        want.sort();
        assert_eq!(got, want, "{c}");
        for other in &want {
            assert_eq!(fold_char(*other), c.to_ascii_lowercase());
        }
    }
    for c in (' '..='~').filter(|c| !c.is_ascii_alphabetic()) {
        assert_eq!(folds_of(c), [(c, c)]);
    }
}

/// The characters of a class as regex-syntax builds it.
fn class_chars(pattern: &str) -> impl Iterator<Item = char> {
    let hir = regex_syntax::Parser::new().parse(pattern).expect("valid");
    let HirKind::Class(regex_syntax::hir::Class::Unicode(class)) = hir.kind() else {
        panic!("{pattern} is no class");
    };
    let ranges: Vec<(char, char)> = class
        .ranges()
        .iter()
        .map(|r| (r.start(), r.end()))
        .collect();
    ranges.into_iter().flat_map(|(a, b)| a..=b)
}

#[test]
fn character_kinds_cover_the_classes_they_stand_for() {
    let flags = Flags::default();
    for (pattern, kind) in [
        (r"\p{Lu}", CharKind::Uppercase),
        (r"\p{Uppercase_Letter}", CharKind::Uppercase),
        (r"\p{Ll}", CharKind::Lowercase),
        (r"\p{lowercase letter}", CharKind::Lowercase),
        (r"\pL", CharKind::Alphabetic),
        (r"\p{Letter}", CharKind::Alphabetic),
        (r"\pN", CharKind::Numeric),
        (r"\p{Nd}", CharKind::Digit),
        (r"\p{Decimal_Number}", CharKind::Digit),
        (r"\d", CharKind::Digit),
        (r"\s", CharKind::Whitespace),
    ] {
        // the analysis reads the class as `kind`
        let tree = parse(pattern).expect("valid");
        let read = match &tree {
            Ast::ClassUnicode(c) => unicode_class(c, flags),
            Ast::ClassPerl(c) => perl_class(c),
            _ => None,
        };
        assert_eq!(read, Some(kind), "{pattern}");
        let firsts: Vec<u8> = kind.first_bytes().collect();
        for c in class_chars(pattern) {
            assert!(kind.test(c), "{pattern}: {c:?} U+{:04X}", u32::from(c));
            let first = c.encode_utf8(&mut [0; 4]).as_bytes()[0];
            assert!(firsts.contains(&first), "{pattern}: {c:?}");
        }
        assert!(!kind.test('\u{E000}'), "{pattern}: a private use character");
    }
}

#[test]
fn anchored_patterns_check_how_the_text_starts() {
    let p = "^(?:(?i)source link)$";
    assert!(passes(p, "Source link"));
    assert!(
        passes(p, "SOURCE LINK and more"),
        "only the start is checked"
    );
    assert!(
        passes(p, "ſource lin\u{212A}"),
        "long s and Kelvin sign fold"
    );
    assert!(!passes(p, "The source link"));
    assert!(!passes(p, "Sourc"));

    let dates = r"^(?:(?:Mon|Tues)day,?\s+)?(?:Jan|Feb)[a-z]*\.?\s+\d+$";
    assert!(passes(dates, "Monday, Jan 3"));
    assert!(passes(dates, "Monday Feb 3"));
    assert!(passes(dates, "Jan. 3"));
    assert!(
        !passes(dates, "Monday's meeting"),
        "a space or comma must follow"
    );
    assert!(!passes(dates, "Sunday, Jan 3"));

    let digits = r"^(?:\d+:\d{2})$";
    assert!(passes(digits, "12:30"));
    assert!(passes(digits, "٣:30"), "any digit");
    assert!(!passes(digits, "At 12:30"));
}

#[test]
fn each_way_of_starting_is_tried_on_texts_with_its_first_bytes() {
    // folded literals (both cases, long s), a class, a literal then a class:
    // listed under every byte a text they accept can start with
    let p = r"^(?:(?i:sk)|\p{Lu}x|ab\d|é)";
    for text in ["sk", "SK", "ſ\u{212A}", "Éx", "Ωx", "Ax", "ab٣", "ab1", "é"] {
        assert!(passes(p, text), "{text:?}");
    }
    for text in ["", "s", "ü", "ax", "abc", "aB1", "kx", "x"] {
        assert!(!passes(p, text), "{text:?}");
    }
}

#[test]
fn patterns_anchored_at_the_end_check_how_the_text_ends() {
    let p = r"\((?:[^()]+\s?/\s?)?(?:AP|Reuters|Getty(?: Images)?)\)$";
    assert!(passes(p, "A crowd in Paris (Jane Doe / Reuters)"));
    assert!(passes(p, "Smoke rises (AP)"));
    assert!(!passes(p, "(Reuters) - The mayor said"));
}

#[test]
fn unanchored_patterns_need_their_literals() {
    let pipes = r"^(?:[^|.!?]+(?:\s\|\s[^|.!?]+){2,})$";
    assert!(passes(pipes, "Order Reprints | Today’s Paper | Subscribe"));
    assert!(!passes(pipes, "An ordinary line of prose."));

    let promo = r"^(?:(?:[^.!?]+[.!?]\s+)?(?i:sign up|subscribe)(?-u:\b)[^.!?]*(?-u:\b)(?i:newsletters?|inbox)[^.!?]*)$";
    assert!(passes(promo, "Sign up for our NEWSLETTER"));
    assert!(passes(promo, "Big news. Subscribe to the inbox edition"));
    assert!(!passes(promo, "Sign up for the gym"));

    assert!(passes("Credit(?P<x>\\p{Lu})", "In Queens.CreditJane"));
    assert!(!passes("Credit(?P<x>\\p{Lu})", "A photo credit"));
}

#[test]
fn flags_are_followed_through_groups_and_alternatives() {
    // (?i) set in one alternative stays in force in the next ones
    assert!(passes("^(?:a(?i)b|cd)$", "CD"));
    assert!(passes("^(?:(?i:ab)cd)$", "ABcd"));
    assert!(!passes("^(?:(?i:ab)cd)$", "ABxd"));
    assert!(passes("^(?:(?i)ab(?-i)cd)$", "aBcd"));
    assert!(!passes("^(?:x(?i:ab)cd)$", "yABcd"));
    // a multi-line ^ anchors nothing
    assert!(passes("(?m)^abc", "x\nabc"));
}

#[test]
fn patterns_that_do_not_parse_let_everything_through() {
    assert!(passes("(unclosed", "anything"));
}

/// `hir` with every look-around replaced by the empty string: it matches
/// everything `hir` matches (and more), and proptest can generate from it.
fn strip_looks(hir: &Hir) -> Hir {
    use regex_syntax::hir::{Capture, Repetition};
    match hir.kind() {
        HirKind::Look(_) => Hir::empty(),
        HirKind::Empty | HirKind::Literal(_) | HirKind::Class(_) => hir.clone(),
        HirKind::Repetition(r) => Hir::repetition(Repetition {
            sub: Box::new(strip_looks(&r.sub)),
            max: r.max.map(|m| m.min(r.min.max(8))),
            ..r.clone()
        }),
        HirKind::Capture(c) => Hir::capture(Capture {
            sub: Box::new(strip_looks(&c.sub)),
            ..c.clone()
        }),
        HirKind::Concat(subs) => Hir::concat(subs.iter().map(strip_looks).collect()),
        HirKind::Alternation(subs) => Hir::alternation(subs.iter().map(strip_looks).collect()),
    }
}

/// Strings that (nearly) match `pattern`, made from its syntax, `count` of them.
pub fn near_matches(pattern: &str, count: usize) -> Vec<String> {
    let hir = regex_syntax::Parser::new().parse(pattern).expect("valid");
    let strategy = proptest::string::string_regex_parsed(&strip_looks(&hir)).expect("generates");
    let mut runner = TestRunner::deterministic();
    (0..count)
        .map(|_| strategy.new_tree(&mut runner).expect("a value").current())
        .collect()
}

/// Every match of `pattern` passes its prefilter, with text around it too.
pub fn assert_sound(pattern: &str, texts: &[String]) {
    let regex = regex::Regex::new(pattern).expect("valid");
    let prefilter = Prefilter::new(pattern);
    let around = ["", "x ", "Ab. ", " zz", "\u{17F}\u{212A}"];
    for text in texts {
        for before in around {
            for after in around {
                let hay = format!("{before}{text}{after}");
                if regex.is_match(&hay) {
                    assert!(
                        prefilter.may_match(&Haystack::new(&hay)),
                        "{pattern} matches {hay:?} but its prefilter {prefilter:?} says no"
                    );
                }
            }
        }
    }
}

#[test]
fn every_match_of_tricky_patterns_passes() {
    for pattern in [
        "^(?:a(?i)b|cd)$",
        "^(?:(?i:ab)cd)$",
        "(?i)^(?:sk|ſ[kK])+x$",
        r"^(?:x?y?z?)$",
        r"^(?:(?:ab)?(?:cd)?ef)$",
        r"(?:^|[.!?]\s+)Photo(?:graph)?s?(?: by|:)\s*\S",
        r"\[/?ad_?\d*\]|\[/?(?:caption|embed)(?:\s[^\]\n]*)?\]",
        r"^(?:\p{Lu}{2}[\p{Lu}.’\x27 -]*\s+[-–—]+\s)",
        r"^(?:(?i)©|\(c\)|copyright)",
        r#"^(?:[^"“”]*(?-u:\b)(?i:you|your)(?-u:\b)[^"“”]*)$"#,
        r"(?i:é|x)y",
        r"(?-u:\x41)b+$",
        r"^(?:a{2,3}|b{0,2}c)d",
        r"^(?:[a-c][x-z]?|[\d.])$",
    ] {
        assert_sound(pattern, &near_matches(pattern, 150));
    }
}

#[test]
fn latin_texts_are_told_at_any_offset() {
    let base = "Plain ASCII text, long enough for eight-byte steps";
    assert!(Haystack::new(base).is_latin());
    assert!(Haystack::new("").is_latin());
    for (c, latin) in [
        ('é', true),
        ('\u{FF}', true),
        ('’', true),
        ('€', true),
        ('Ω', false),
        ('😀', false),
        ('\u{2100}', false),
    ] {
        for at in 0..=base.len() {
            let mut text = base.to_string();
            text.insert(at, c);
            assert_eq!(Haystack::new(&text).is_latin(), latin, "{c:?} at {at}");
        }
    }
}
