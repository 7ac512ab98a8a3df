//! The built-in patterns: each compiles, and the lazily compiled families
//! (prefilters, regexes cut down to Latin) answer exactly as plain regexes do.

use super::prefilter::tests::{assert_sound, near_matches};
use super::*;
use crate::article::CleanOptions;

fn defaults() -> CleanOptions {
    CleanOptions::default()
}

/// Every pattern of the line, prefix and inline families of `o`.
fn lazies(o: &CleanOptions) -> Vec<&Lazy<Short>> {
    let mut lazies: Vec<&Lazy<Short>> = Vec::new();
    for (_, family) in line_families(o) {
        lazies.extend(family.0.iter());
    }
    lazies.extend(o.datelines.0.iter());
    lazies.extend(o.captions.parts.iter());
    lazies.extend(o.junk_markers.combined.as_deref());
    lazies
}

/// The defaults twice: as they start, and with every pattern past
/// [`lazy::DFA_AFTER_BYTES`], so that it searches with the lazy DFA.
fn both_engines() -> [CleanOptions; 2] {
    let warm = defaults();
    for lazy in lazies(&warm) {
        lazy.searched
            .store(lazy::DFA_AFTER_BYTES, std::sync::atomic::Ordering::Relaxed);
    }
    [defaults(), warm]
}

/// Whether some pattern of `o` has been compiled with the lazy DFA.
fn uses_dfa(o: &CleanOptions) -> bool {
    lazies(o)
        .iter()
        .any(|l| l.dfa.get().is_some() || l.dfa_latin.get().is_some())
}

/// Every family of line patterns of the defaults, by name.
fn line_families(o: &CleanOptions) -> Vec<(&'static str, &LinePatterns)> {
    vec![
        ("junk_lines", &o.junk_lines),
        ("promo_lines", &o.promo_lines),
        ("promo_taglines", &o.promo_taglines),
        ("image_placeholders", &o.image_placeholders),
        ("bylines", &o.bylines),
        ("dates", &o.dates),
    ]
}

fn reference(source: &str) -> Regex {
    Regex::new(source).expect("the built-in patterns are valid")
}

/// Texts to try a pattern on: strings made from it, changed in case, with
/// text around them, with letters of Latin Extended-A and -B (inside
/// [`LATIN`]), and with a character outside it (so that both regexes of a
/// pattern are tried).
fn texts_for(source: &str) -> Vec<String> {
    near_matches(source, 40)
        .into_iter()
        .flat_map(|s| {
            [
                s.to_uppercase(),
                s.to_lowercase(),
                format!("{s} Ω"),
                format!("Ω {s}"),
                format!("{s} Łódź"),
                s.replace('a', "ą").replace('E', "Ě"),
                format!("Before. {s}"),
                s.replace('s', "ſ"),
                s,
            ]
        })
        .collect()
}

#[test]
fn every_built_in_pattern_compiles_both_ways() {
    let o = defaults();
    for lazy in lazies(&o) {
        for latin in [false, true] {
            let hir = lazy.hir(latin).expect("translates");
            for dfa in [false, true] {
                assert!(
                    Short::from_hir(hir, dfa).is_some(),
                    "{} (latin: {latin}, dfa: {dfa})",
                    lazy.source
                );
            }
        }
        assert!(Short::compile(&lazy.source).is_ok(), "{}", lazy.source);
    }
    for rewrite in &o.rewrites {
        assert!(Regex::compile(&rewrite.pattern.0.source).is_ok());
    }
    assert!(o.pattern_sources().count() > 30);
}

#[test]
fn prefilters_let_every_match_of_the_built_in_patterns_through() {
    let o = defaults();
    let mut sources: Vec<String> = Vec::new();
    for (_, family) in line_families(&o) {
        sources.extend(family.0.iter().map(|l| l.source.clone()));
    }
    sources.extend(o.datelines.0.iter().map(|l| l.source.clone()));
    sources.extend(o.captions.parts.iter().map(|l| l.source.clone()));
    sources.extend(o.junk_markers.parts.iter().map(|l| l.source.clone()));
    sources.extend(o.rewrites.iter().map(|r| r.pattern.0.source.clone()));
    for source in sources {
        assert_sound(&source, &near_matches(&source, 60));
    }
}

#[test]
fn line_families_answer_as_plain_regexes() {
    let [fresh, warm] = both_engines();
    line_families_answer_as_plain_regexes_with(&fresh);
    line_families_answer_as_plain_regexes_with(&warm);
    assert!(uses_dfa(&warm), "the lazy DFA was tried");
}

fn line_families_answer_as_plain_regexes_with(o: &CleanOptions) {
    for (name, family) in line_families(o) {
        let regexes: Vec<Regex> = family.0.iter().map(|l| reference(&l.source)).collect();
        for lazy in family.0.iter() {
            for text in texts_for(&lazy.source) {
                let want = regexes.iter().find_map(|r| r.captures(&text));
                assert_eq!(family.matches(&text), want.is_some(), "{name}: {text:?}");
                let got = family.captures(&text);
                assert_eq!(
                    got.as_ref().map(|f| (f.range(), f.name("name"))),
                    want.as_ref().map(|c| (
                        c.get(0).map_or(0..0, |m| m.range()),
                        c.name("name").map(|m| m.as_str())
                    )),
                    "{name}: {text:?}"
                );
            }
        }
    }
}

#[test]
fn datelines_answer_as_plain_regexes() {
    for o in both_engines() {
        datelines_answer_as_plain_regexes_with(&o);
    }
}

fn datelines_answer_as_plain_regexes_with(o: &CleanOptions) {
    let regexes: Vec<Regex> = o.datelines.0.iter().map(|l| reference(&l.source)).collect();
    for lazy in o.datelines.0.iter() {
        for text in texts_for(&lazy.source) {
            for text in [text.clone(), format!("{text} and the story goes on.")] {
                let want = regexes.iter().find_map(|r| r.captures(&text));
                let got = o.datelines.captures(&text);
                assert_eq!(
                    got.as_ref().map(|f| (f.range(), f.name("source"))),
                    want.as_ref().map(|c| (
                        c.get(0).map_or(0..0, |m| m.range()),
                        c.name("source").map(|m| m.as_str())
                    )),
                    "{text:?}"
                );
            }
        }
    }
}

#[test]
fn inline_families_answer_as_plain_regexes() {
    for o in both_engines() {
        inline_families_answer_as_plain_regexes_with(&o);
    }
}

fn inline_families_answer_as_plain_regexes_with(o: &CleanOptions) {
    for family in [&o.captions, &o.junk_markers] {
        let joined: Vec<String> = family
            .parts
            .iter()
            .map(|l| format!("(?:{})", l.source))
            .collect();
        let regex = reference(&joined.join("|"));
        for lazy in family.parts.iter() {
            for text in texts_for(&lazy.source) {
                let text = format!("{text} [ad_3] more");
                assert_eq!(family.is_match(&text), regex.is_match(&text), "{text:?}");
                assert_eq!(
                    family.remove_all(&text),
                    regex.replace_all(&text, ""),
                    "{text:?}"
                );
            }
        }
    }
}

#[test]
fn rewrites_answer_as_plain_regexes() {
    let o = defaults();
    for rw in &o.rewrites {
        let regex = reference(&rw.pattern.0.source);
        for text in texts_for(&rw.pattern.0.source) {
            assert_eq!(
                rw.pattern.replace_all(&text, &rw.with),
                regex.replace_all(&text, rw.with.as_str()),
                "{text:?}"
            );
        }
    }
}

#[test]
fn only_what_a_text_needs_is_compiled() {
    let o = CleanOptions::builtin();
    assert!(
        !o.junk_lines
            .matches("An ordinary line of prose, as most are.")
    );
    let early: Vec<&str> = o
        .junk_lines
        .0
        .iter()
        .filter(|l| l.regex.get().is_some() || l.latin.get().is_some())
        .map(|l| l.written.as_str())
        .collect();
    assert!(early.is_empty(), "{early:?}");
    assert!(o.junk_lines.matches("Source link"));
    let compiled: Vec<&str> = o
        .junk_lines
        .0
        .iter()
        .filter(|l| l.latin.get().is_some())
        .map(|l| l.written.as_str())
        .collect();
    assert_eq!(compiled, ["(?i)source link"]);
}

#[test]
fn a_users_patterns_are_checked_and_compiled_as_they_are_read() {
    let err = LinePatterns::new(["fine", "(unclosed"]).expect_err("invalid");
    assert!(
        err.starts_with("invalid regular expression `(unclosed`"),
        "{err}"
    );
    let err = LinePatterns::new([r"\p{Nonsense}"]).expect_err("invalid");
    assert!(err.contains("Unicode property not found"), "{err}");
    let lines = LinePatterns::new(["(?i)read more"]).expect("valid");
    assert!(lines.0[0].regex.get().is_some(), "compiled at once");
    assert!(lines.matches("Read More"));
    // the built-in sources are trusted only while the configuration is read
    let built_in = defaults()
        .pattern_sources()
        .next()
        .expect("some")
        .to_string();
    assert!(with_trust(
        Trust::Sources([built_in.clone()].into()),
        || trusted(&built_in)
    ));
    assert!(!trusted(&built_in));
}
