//! Corrections kept with the notes: saved at once, found again on reopening
//! (also after the article was edited elsewhere), one undo history with the
//! notes, older notes files read, W3C export and import carry them.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use gloss::Document;
use gloss::analysis::EntityKind;
use gloss::article::CleanOptions;
use gloss::article_id::ArticleId;
use gloss::corrections::{Anchor, Correction, apply};
use gloss::notes::export::{ExportContext, Format};
use gloss::notes::import::import;
use gloss::notes::store::{Read, Store};
use gloss::notes::{Clock, FixedClock, Notebook, Undone};
use gloss::span::Span;

const ARTICLE: &str = include_str!("../fixtures/notes_article.txt");

fn doc_of(text: &str) -> Document {
    Document::from_text(text, &CleanOptions::default())
}

fn clock() -> Arc<dyn Clock> {
    let t0 = DateTime::parse_from_rfc3339("2025-03-01T09:00:00Z").unwrap();
    Arc::new(FixedClock::new(t0.with_timezone(&Utc)))
}

fn id() -> ArticleId {
    ArticleId::Path("/news/kelmarsh-dredging.txt".into())
}

fn anchor(doc: &Document, words: &str) -> Anchor {
    let start = doc.article.text.find(words).expect("in the article");
    Anchor::of_span(&doc.article.text, Span::new(start, start + words.len())).unwrap()
}

fn corrected(nb: &Notebook, doc: &Document) -> gloss::Analysis {
    let list: Vec<Correction> = nb
        .corrections()
        .iter()
        .map(|c| c.correction.clone())
        .collect();
    apply(&doc.analysis, &doc.article.text, &list).analysis
}

fn kind_of(a: &gloss::Analysis, name: &str) -> Option<EntityKind> {
    a.entities.iter().find(|e| e.name == name).map(|e| e.kind)
}

#[test]
fn a_correction_is_kept_found_again_after_an_edit_and_undone_with_the_notes() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    let doc = doc_of(ARTICLE);
    // one clock for every opening, as in one life of the program: ids differ
    let clock = clock();
    assert!(kind_of(&doc.analysis, "Ingrid Vasquez").is_some());
    let (mut nb, _) = Notebook::open(store.clone(), id(), &doc.article, clock.clone()).unwrap();
    nb.correct(Correction::Kind {
        entity: anchor(&doc, "Ingrid Vasquez"),
        kind: EntityKind::Organization,
    })
    .unwrap();
    let start = doc.article.text.find("low tides").unwrap();
    nb.highlight(Span::new(start, start + 9)).unwrap();
    drop(nb);

    // reopened on the article edited elsewhere: the correction holds
    let edited = ARTICLE.replacen(
        "\n\n(Coastal Wire)",
        "\n\nUpdated on Wednesday with the board's vote.\n\n(Coastal Wire)",
        1,
    );
    assert_ne!(edited, ARTICLE);
    let doc2 = doc_of(&edited);
    let (mut nb, _) = Notebook::open(store.clone(), id(), &doc2.article, clock.clone()).unwrap();
    assert_eq!(nb.corrections().len(), 1);
    assert_eq!(
        kind_of(&corrected(&nb, &doc2), "Ingrid Vasquez"),
        Some(EntityKind::Organization)
    );
    // one undo history: the highlight was made last on the first opening,
    // but undo works on this notebook's own changes
    nb.correct(Correction::NotAName {
        entity: anchor(&doc2, "Ingrid Vasquez"),
    })
    .unwrap();
    assert_eq!(kind_of(&corrected(&nb, &doc2), "Ingrid Vasquez"), None);
    assert_eq!(nb.undo().unwrap(), Some(Undone::Correction));
    assert_eq!(
        kind_of(&corrected(&nb, &doc2), "Ingrid Vasquez"),
        Some(EntityKind::Organization)
    );
    drop(nb);
    let Read::Found(file) = store.read(&id()).unwrap() else {
        panic!("saved")
    };
    assert_eq!(file.corrections.len(), 1, "the undone one stays undone");
    assert_eq!(file.version, gloss::notes::store::VERSION);
}

#[test]
fn a_version_1_notes_file_reads_without_corrections_and_takes_them() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    let doc = doc_of(ARTICLE);
    let (mut nb, _) = Notebook::open(store.clone(), id(), &doc.article, clock()).unwrap();
    let start = doc.article.text.find("low tides").unwrap();
    nb.highlight(Span::new(start, start + 9)).unwrap();
    drop(nb);
    // what gloss wrote before corrections existed
    let path = store.notes_path(&id());
    let mut old: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    old["version"] = 1.into();
    old.as_object_mut().unwrap().remove("corrections");
    std::fs::write(&path, old.to_string()).unwrap();

    let (mut nb, _) = Notebook::open(store.clone(), id(), &doc.article, clock()).unwrap();
    assert_eq!(nb.notes().len(), 1);
    assert!(nb.corrections().is_empty());
    nb.correct(Correction::Rename {
        entity: anchor(&doc, "Ingrid Vasquez"),
        name: "Chair Vasquez".into(),
    })
    .unwrap();
    let written: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(written["version"], 2);
    assert_eq!(written["corrections"][0]["type"], "rename");
    assert_eq!(written["notes"].as_array().unwrap().len(), 1);
}

#[test]
fn the_w3c_export_carries_corrections_and_the_import_brings_them_back() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path().join("a"));
    let doc = doc_of(ARTICLE);
    let (mut nb, _) = Notebook::open(store.clone(), id(), &doc.article, clock()).unwrap();
    let quote = doc
        .analysis
        .quotes
        .iter()
        .find(|q| q.speaker.is_some())
        .expect("a quote with a speaker")
        .span;
    nb.correct(Correction::Speaker {
        quote: Anchor::of_span(&doc.article.text, quote).unwrap(),
        speaker: None,
    })
    .unwrap();
    let start = doc.article.text.find("low tides").unwrap();
    nb.highlight(Span::new(start, start + 9)).unwrap();
    let json = ExportContext {
        doc: &doc,
        id: &id(),
        read_from: None,
        notes: nb.notes(),
        corrections: nb.corrections(),
        exported: clock().now(),
    }
    .render(Format::Json);
    assert!(json.contains("\"motivation\": \"editing\""), "{json}");

    let other = Store::new(dir.path().join("b"));
    let article = doc.article.clone();
    let report = import(&other, &json, &|_| Some(article.clone()), clock()).unwrap();
    assert_eq!(report.skipped, 0);
    let (nb2, _) = Notebook::open(other, id(), &doc.article, clock()).unwrap();
    assert_eq!(nb2.notes().len(), 1, "the highlight, not the correction");
    assert_eq!(nb2.corrections(), nb.corrections());
    let a = corrected(&nb2, &doc);
    let q = a.quotes.iter().find(|q| q.span == quote).unwrap();
    assert_eq!(q.speaker, None);
}
