//! What the cleaner takes out of text that is all article: the expected
//! output of Readability's test pages (its article, nothing around it),
//! read block by block and cleaned as an HTML page's blocks are. Every
//! sentence removed is listed (a snapshot, reviewed: each must be junk), and
//! fewer than one in a hundred may go. On the ten pages of
//! `tests/fixtures/pages`, and on all of `../shared/data/readability-pages`
//! when it is there.

use std::path::{Path, PathBuf};

use gloss_core::article::{CleanOptions, Meta, body_blocks, clean_blocks};

/// Letters and digits only, lowercased: sentences are compared without the
/// spacing, bullets, entities and quotation marks the cleaner may change.
fn letters(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// A block's sentences: cut after `.`, `!` or `?` (and closing quotes) that a
/// space and a capital follow. Rough, and the same on both sides.
fn sentences(block: &str) -> Vec<String> {
    let words: Vec<&str> = block.split_whitespace().collect();
    let mut out = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for (i, word) in words.iter().enumerate() {
        current.push(word);
        let ends = word
            .trim_end_matches(['"', '\'', '”', '’', ')'])
            .ends_with(['.', '!', '?']);
        let next_capital = words
            .get(i + 1)
            .and_then(|w| w.chars().find(|c| c.is_alphanumeric()))
            .is_some_and(char::is_uppercase);
        if ends && next_capital {
            out.push(current.join(" "));
            current.clear();
        }
    }
    if !current.is_empty() {
        out.push(current.join(" "));
    }
    out
}

/// The sentences of the pages under `dir` (page folders with an
/// `expected.html`) that cleaning removes, as `page: sentence` lines; and how
/// many sentences there were.
fn removed(dir: &Path) -> (Vec<String>, usize) {
    let mut pages: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("pages")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.join("expected.html").is_file())
        .collect();
    pages.sort();
    removed_from(pages.into_iter().map(|page| {
        let name = page
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let html = std::fs::read_to_string(page.join("expected.html")).expect("expected.html");
        (name, html)
    }))
}

/// The same, for pages given as (name, article HTML).
fn removed_from(pages: impl Iterator<Item = (String, String)>) -> (Vec<String>, usize) {
    let options = CleanOptions::default();
    let mut lost = Vec::new();
    let mut total = 0;
    for (name, html) in pages {
        let blocks = body_blocks(&html);
        let (text, _) = clean_blocks(
            blocks.iter().map(|(k, t)| (*k, t.as_str())),
            &options,
            &mut Meta::default(),
        );
        let kept = letters(&text);
        for (kind, block) in &blocks {
            // what the rewrites change ("CreditCreditJane Doe" → "Credit:
            // Jane Doe") is changed, not removed
            let block = options.rewrites.iter().fold(block.clone(), |text, rw| {
                rw.pattern.replace_all(&text, &rw.with).into_owned()
            });
            for sentence in sentences(&block) {
                let key = letters(&sentence);
                if key.is_empty() {
                    continue;
                }
                total += 1;
                if !kept.contains(&key) {
                    let kind = format!("{kind:?}").to_lowercase();
                    lost.push(format!("{name} ({kind}): {sentence}"));
                }
            }
        }
    }
    (lost, total)
}

fn check(dir: &Path, snapshot: &str) {
    let (lost, total) = removed(dir);
    assert!(total > 0, "no sentences under {dir:?}");
    let listing = format!(
        "{} of {total} sentences removed\n{}",
        lost.len(),
        lost.join("\n")
    );
    println!("{listing}");
    insta::assert_snapshot!(snapshot, listing);
    assert!(
        lost.len() * 100 < total,
        "{} of {total} sentences removed: one in a hundred at most",
        lost.len()
    );
}

#[test]
fn cleaning_the_fixture_pages_articles_removes_only_junk() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/pages");
    check(&dir, "cleaning_loss_fixture_pages");
}

#[test]
fn cleaning_all_readability_articles_removes_only_junk() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/readability-pages");
    if !dir.is_dir() {
        eprintln!("NOTE: {dir:?} is not here; only the fixture pages were checked");
        return;
    }
    check(&dir, "cleaning_loss_readability_pages");
}

#[test]
fn a_sentence_removed_is_listed() {
    // the check itself: a junk line in an article is found and named
    let html = "<div><p>The tunnel opened on Monday. It took three years.</p>\
         <p>Advertisement</p><ul><li>• Buses run every ten minutes</li></ul></div>";
    let (lost, total) = removed_from(std::iter::once(("page".to_string(), html.to_string())));
    assert_eq!(total, 4);
    assert_eq!(lost, ["page (paragraph): Advertisement"]);
}
