//! When the article's text changes (edited, fetched again), notes find their
//! passage again: edits before, inside and after the passage; a passage that
//! is gone leaves its note detached, never dropped.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use gloss::Document;
use gloss::article::CleanOptions;
use gloss::article_id::ArticleId;
use gloss::notes::{Clock, FixedClock, Notebook, Store};
use gloss::span::Span;

const ARTICLE: &str = include_str!("../fixtures/notes_article.txt");
const PASSAGE: &str =
    "Dredged material that passes contamination tests will be used to rebuild salt marsh";

fn clock() -> Arc<dyn Clock> {
    let t0 = DateTime::parse_from_rfc3339("2025-03-01T09:00:00Z").unwrap();
    Arc::new(FixedClock::new(t0.with_timezone(&Utc)))
}

fn id() -> ArticleId {
    ArticleId::Url("https://news.example/kelmarsh".into())
}

/// Note the passage on the original text, reopen on `edited`, and return
/// the report and the text the note now points at (`None` if detached).
fn reopen_after_edit(edited: &str) -> (gloss::notes::OpenReport, Option<String>, usize) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    let original = Document::from_text(ARTICLE, &CleanOptions::default());
    let (mut nb, _) = Notebook::open(store.clone(), id(), &original.article, clock()).unwrap();
    let start = original.article.text.find(PASSAGE).unwrap();
    nb.add(
        Span::new(start, start + PASSAGE.len()),
        "Where the silt goes. #marsh",
        None,
    )
    .unwrap();
    drop(nb);

    let changed = Document::from_text(edited, &CleanOptions::default());
    let (nb, report) = Notebook::open(store.clone(), id(), &changed.article, clock()).unwrap();
    assert_eq!(nb.notes().len(), 1, "the note is never dropped");
    let note = &nb.notes()[0];
    assert_eq!(note.body, "Where the silt goes. #marsh");
    let found = (!note.detached).then(|| changed.article.slice(note.span()).to_string());
    // Reopening once more finds everything in place: the new anchors were saved.
    let (_, again) = Notebook::open(store, id(), &changed.article, clock()).unwrap();
    assert!(!again.text_changed);
    (report, found, again.moved + again.fuzzy)
}

#[test]
fn an_unchanged_text_needs_no_reanchoring() {
    let (report, found, _) = reopen_after_edit(ARTICLE);
    assert!(!report.text_changed);
    assert_eq!((report.moved, report.fuzzy, report.detached), (0, 0, 0));
    assert_eq!(found.as_deref(), Some(PASSAGE));
}

#[test]
fn an_edit_before_the_passage_moves_the_note_with_it() {
    let edited = ARTICLE.replace(
        "ending a review that began in the spring of two years ago.",
        "ending a long and often bitter review that began in the spring of two years ago, \
         after objections from residents.",
    );
    let (report, found, again) = reopen_after_edit(&edited);
    assert!(report.text_changed);
    assert_eq!((report.moved, report.fuzzy, report.detached), (1, 0, 0));
    assert_eq!(found.as_deref(), Some(PASSAGE));
    assert_eq!(again, 0);
}

#[test]
fn an_edit_inside_the_passage_is_followed_approximately() {
    let edited = ARTICLE.replace("contamination tests", "contamination testing");
    let (report, found, _) = reopen_after_edit(&edited);
    assert_eq!((report.moved, report.fuzzy, report.detached), (0, 1, 0));
    assert_eq!(
        found.as_deref(),
        Some(
            "Dredged material that passes contamination testing will be used to rebuild salt marsh"
        )
    );
}

#[test]
fn an_edit_after_the_passage_leaves_it_in_place() {
    let edited = ARTICLE.replace(
        "The authority will publish a timetable next month, Vasquez said.",
        "The authority will publish a timetable next month, Vasquez said. Correction: an \
         earlier version misstated the volume of silt.",
    );
    let (report, found, _) = reopen_after_edit(&edited);
    assert!(report.text_changed);
    assert_eq!((report.moved, report.fuzzy, report.detached), (0, 0, 0));
    assert_eq!(found.as_deref(), Some(PASSAGE));
}

#[test]
fn a_passage_that_was_removed_leaves_its_note_detached_not_dropped() {
    let paragraph_start = ARTICLE.find("The plan calls for").unwrap();
    let paragraph_end = ARTICLE[paragraph_start..].find("\n\n").unwrap() + paragraph_start;
    let edited = format!(
        "{}{}",
        &ARTICLE[..paragraph_start],
        &ARTICLE[paragraph_end + 2..]
    );
    let (report, found, _) = reopen_after_edit(&edited);
    assert_eq!((report.moved, report.fuzzy, report.detached), (0, 0, 1));
    assert_eq!(found, None);
}
