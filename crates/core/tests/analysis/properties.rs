//! Whatever the input, the analysis does not panic and every span it
//! returns lies inside the clean text, on character boundaries.

use gloss_core::Document;
use gloss_core::article::CleanOptions;
use gloss_core::span::Span;
use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;

fn check(raw: &str) -> Result<(), TestCaseError> {
    let doc = Document::from_text(raw, &CleanOptions::default());
    let text = &doc.article.text;
    let ok = |s: Span| {
        s.start <= s.end
            && s.end <= text.len()
            && text.is_char_boundary(s.start)
            && text.is_char_boundary(s.end)
    };
    for b in &doc.article.blocks {
        prop_assert!(ok(b.span), "block {:?}", b);
    }
    for s in &doc.analysis.sentences {
        prop_assert!(ok(*s), "sentence {:?}", s);
    }
    for e in &doc.analysis.entities {
        prop_assert!(!e.mentions.is_empty(), "{} has no mention", e.name);
        for m in &e.mentions {
            prop_assert!(ok(*m), "mention {:?} of {}", m, e.name);
        }
    }
    for q in &doc.analysis.quotes {
        prop_assert!(ok(q.span), "quote {:?}", q);
        if let Some(id) = q.speaker {
            prop_assert!(id.0 < doc.analysis.entities.len(), "speaker {:?}", id);
        }
    }
    Ok(())
}

/// Words that make the analysis work: names, titles, speech verbs, quotation
/// marks of every kind, abbreviations, scripts other than Latin.
const PIECES: &[&str] = &[
    "President",
    "Kim",
    "Jong",
    "Un",
    "Moon",
    "Jae-in",
    "said",
    "told",
    "according to",
    "\"",
    "\u{201c}",
    "\u{201d}",
    "'",
    "\u{2018}",
    "\u{2019}",
    "\u{ab}",
    "\u{bb}",
    ",",
    ".",
    ":",
    "\n",
    "\n\n",
    " ",
    "U.S.",
    "Mr.",
    "Dec.",
    "Sen.",
    "J.",
    "de",
    "the",
    "State",
    "Department",
    "Seoul",
    "North",
    "Korean",
    "Island",
    "(Bloomberg) \u{2013}",
    "[ad_1]",
    "Source link",
    "& # 39;",
    "\u{1b}[31m",
    "\u{7}",
    "\u{5d0}\u{5d1}",
    "\u{4e2d}\u{6587}",
    "\u{e9}t\u{e9}",
    "\u{301}",
    "\u{1f600}",
    "Ms",
    "he",
    "she",
    "BC",
    "War",
    "-",
];

fn pieced() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..120).prop_map(|p| p.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig {
        // failed cases are saved and re-run from `properties.proptest-regressions`
        // next to this file (proptest's default would be a folder beside
        // the test binary's main.rs)
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource(
            "proptest-regressions",
        ))),
        ..ProptestConfig::with_cases(256)
    })]

    #[test]
    fn arbitrary_text(raw in "\\PC{0,400}") {
        check(&raw)?;
    }

    #[test]
    fn arbitrary_characters_controls_included(chars in prop::collection::vec(any::<char>(), 0..400)) {
        check(&chars.into_iter().collect::<String>())?;
    }

    #[test]
    fn text_made_of_the_pieces_the_analysis_reacts_to(raw in pieced()) {
        check(&raw)?;
    }
}
