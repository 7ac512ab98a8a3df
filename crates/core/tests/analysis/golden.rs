//! The golden set: what `gloss annotate` prints for a dozen real news
//! articles and interviews (and one text written for it), one insta snapshot
//! per article in `tests/golden/snapshots/`. A change to the cleaning or the
//! analysis shows in review as a diff of these files: names found or lost,
//! their kinds and mentions, quotes and their speakers. The texts, their
//! sources and licences, and how to accept a change: `tests/golden/README.md`.

use std::path::Path;

use gloss_core::Document;
use gloss_core::article::CleanOptions;

/// The annotation as `gloss annotate FILE` prints it with the default
/// configuration (less its final newline).
fn annotate(raw: &str) -> String {
    let doc = Document::from_text(raw, &CleanOptions::default());
    gloss_core::annotate::to_json(&doc)
}

/// One test per article, named after its file in `tests/golden/`; its
/// snapshot is `tests/golden/snapshots/<name>.snap`.
macro_rules! golden {
    ($($name:ident),* $(,)?) => {
        const ARTICLES: &[&str] = &[$(stringify!($name)),*];
        $(
            #[test]
            fn $name() {
                let raw = include_str!(concat!("../golden/", stringify!($name), ".txt"));
                insta::with_settings!({
                    snapshot_path => "../golden/snapshots",
                    prepend_module_to_snapshot => false,
                    omit_expression => true,
                }, {
                    insta::assert_snapshot!(stringify!($name), annotate(raw));
                });
            }
        )*
    };
}

golden!(
    interview_cocktail,
    interview_peres,
    news_afghan,
    news_crane,
    news_defector,
    news_flag,
    news_ie9,
    news_korea,
    news_questionnaire,
    news_soccer,
    news_taxes,
    news_worship,
    written_ferry_strike,
);

/// A text added to the folder without a line above would never be checked.
#[test]
fn every_text_of_the_golden_folder_has_its_test() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let mut texts: Vec<String> = std::fs::read_dir(&dir)
        .expect("tests/golden is readable")
        .map(|entry| entry.expect("a folder entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "txt"))
        .map(|path| path.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    texts.sort();
    let mut listed = ARTICLES.to_vec();
    listed.sort();
    assert_eq!(
        texts, listed,
        "the golden!(..) list and the .txt files differ"
    );
}
