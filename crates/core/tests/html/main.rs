//! HTML extraction on real pages: the fixtures of `tests/fixtures/pages`
//! (Mozilla Readability's test pages, Apache 2.0; see the README there),
//! each with the metadata and article text Readability extracts.

mod cleaning_loss;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use gloss_core::article::{Article, BlockKind, CleanOptions, check_invariants, from_html, read};

fn pages_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/pages")
}

/// Every fixture: its name, its page, Readability's article (HTML) and metadata.
fn fixtures() -> Vec<(String, String, String, serde_json::Value)> {
    let mut pages: Vec<_> = std::fs::read_dir(pages_dir())
        .expect("tests/fixtures/pages")
        .flatten()
        .filter(|e| e.path().is_dir())
        .map(|e| {
            let dir = e.path();
            let read = |f: &str| {
                std::fs::read_to_string(dir.join(f)).unwrap_or_else(|e| panic!("{dir:?}/{f}: {e}"))
            };
            let meta = serde_json::from_str(&read("expected-metadata.json")).expect("json");
            let name = e.file_name().to_string_lossy().into_owned();
            (name, read("source.html"), read("expected.html"), meta)
        })
        .collect();
    pages.sort_by(|a, b| a.0.cmp(&b.0));
    assert!(pages.len() >= 10, "ten pages or more: {}", pages.len());
    pages
}

fn extract(html: &str) -> Article {
    from_html(html, None, &CleanOptions::default())
}

#[test]
fn invariants_hold_on_every_page() {
    for (name, html, _, _) in fixtures() {
        let article = extract(&html);
        if let Err(e) = check_invariants(&article) {
            panic!("{name}: {e}");
        }
        assert_eq!(article.blocks[0].kind, BlockKind::Title, "{name}");
        assert!(article.blocks.len() > 2, "{name}: {:?}", article.blocks);
    }
}

#[test]
fn metadata_as_readability_reads_it() {
    for (name, html, _, want) in fixtures() {
        let article = extract(&html);
        let meta = &article.meta;
        let field = |key: &str| want[key].as_str().map(str::to_string);
        assert_eq!(
            article.title().map(str::to_string),
            field("title"),
            "{name}: title"
        );
        assert_eq!(meta.byline, field("byline"), "{name}: byline");
        assert_eq!(meta.site, field("siteName"), "{name}: site");
        // the date of an ISO date-time
        let date = field("publishedTime").map(|t| t[..10].to_string());
        assert_eq!(meta.published, date, "{name}: published");
        // the language where the page declares one, as ISO 639-1
        if let Some(lang) = field("lang") {
            let primary = lang.split('-').next().unwrap_or("").to_lowercase();
            assert_eq!(
                meta.language.as_deref(),
                Some(primary.as_str()),
                "{name}: language"
            );
        }
    }
}

/// Word tokens (runs of letters, digits and underscores).
fn words(text: &str) -> Vec<&str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .collect()
}

fn shingles(text: &str) -> HashMap<Vec<&str>, usize> {
    let mut counts: HashMap<Vec<&str>, usize> = HashMap::new();
    for shingle in words(text).windows(4) {
        *counts.entry(shingle.to_vec()).or_default() += 1;
    }
    counts
}

/// The F1 of the 4-word shingles two texts share (with multiplicity): the
/// measure of `../shared/eval/extraction-score.py`.
fn shingle_f1(want: &str, got: &str) -> f64 {
    let (want, got) = (shingles(want), shingles(got));
    let shared: usize = want
        .iter()
        .map(|(s, n)| (*n).min(got.get(s).copied().unwrap_or(0)))
        .sum();
    let (w, g): (usize, usize) = (want.values().sum(), got.values().sum());
    if shared == 0 {
        return 0.0;
    }
    let (p, r) = (shared as f64 / g as f64, shared as f64 / w as f64);
    2.0 * p * r / (p + r)
}

#[test]
fn the_article_text_is_readabilitys() {
    for (name, html, expected, _) in fixtures() {
        let article = extract(&html);
        let body = match article.title() {
            Some(title) => article.text[title.len()..].to_string(),
            None => article.text.clone(),
        };
        let want = dom_query::Document::from(expected.as_str()).root().text();
        let f1 = shingle_f1(&want, &body);
        assert!(f1 >= 0.95, "{name}: F1 {f1:.3}\n{body}");
    }
}

#[test]
fn pages_are_told_from_text() {
    for (name, html, _, _) in fixtures() {
        let options = CleanOptions::default();
        assert_eq!(read(&html, None, None, &options), extract(&html), "{name}");
    }
}
