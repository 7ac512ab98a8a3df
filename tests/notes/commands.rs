//! `gloss export` and `gloss import` as library calls: one article to stdout
//! or a file, every annotated article into a folder, and JSON back in.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use gloss::Document;
use gloss::article::CleanOptions;
use gloss::article_id::ArticleId;
use gloss::notes::command::{Destination, Notes};
use gloss::notes::export::Format;
use gloss::notes::{Clock, FixedClock, Notebook, Store};
use gloss::span::Span;

const ARTICLE: &str = include_str!("../fixtures/notes_article.txt");
const OTHER: &str = "Library extends opening hours\n\nThe city library will open on Sundays from May, \
                     the council said on Monday.";

fn clock() -> Arc<dyn Clock> {
    let t0 = DateTime::parse_from_rfc3339("2025-03-01T09:00:00Z").unwrap();
    Arc::new(FixedClock::new(t0.with_timezone(&Utc)))
}

fn annotate(store: &Store, id: &ArticleId, raw: &str, quote: &str, body: &str) -> Document {
    let doc = Document::from_text(raw, &CleanOptions::default());
    let (mut nb, _) = Notebook::open(store.clone(), id.clone(), &doc.article, clock()).unwrap();
    let start = doc.article.text.find(quote).unwrap();
    nb.add(Span::new(start, start + quote.len()), body, None)
        .unwrap();
    doc
}

fn no_warnings(w: &str) {
    panic!("unexpected warning: {w}");
}

#[test]
fn one_article_goes_to_stdout_or_a_file_never_over_a_different_one() {
    let data = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let notes = Notes {
        store: Store::new(data.path()),
        clock: clock(),
    };
    let id = ArticleId::Url("https://news.example/kelmarsh".into());
    let doc = annotate(&notes.store, &id, ARTICLE, "low tides", "Why now? #tides");

    let mut stdout = Vec::new();
    let line = notes
        .export_one(
            id.clone(),
            &doc,
            Format::Markdown,
            &Destination::Stdout,
            &mut stdout,
            &mut no_warnings,
        )
        .unwrap();
    assert!(line.is_empty(), "{line:?}");
    let md = String::from_utf8(stdout).unwrap();
    assert!(md.contains("> low tides\n\nWhy now? #tides\n"));
    assert!(md.contains("source: \"https://news.example/kelmarsh\""));

    let file = out.path().join("kelmarsh.json");
    let to = Destination::Path {
        path: file.clone(),
        force: false,
    };
    let line = notes
        .export_one(
            id.clone(),
            &doc,
            Format::Json,
            &to,
            &mut Vec::new(),
            &mut no_warnings,
        )
        .unwrap();
    assert_eq!(line, vec![format!("wrote {}", file.display())]);
    std::fs::write(&file, "[]").unwrap();
    let err = notes
        .export_one(
            id.clone(),
            &doc,
            Format::Json,
            &to,
            &mut Vec::new(),
            &mut no_warnings,
        )
        .unwrap_err();
    assert!(err.to_string().contains("--force"), "{err}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "[]");
    let forced = Destination::Path {
        path: file.clone(),
        force: true,
    };
    notes
        .export_one(
            id.clone(),
            &doc,
            Format::Json,
            &forced,
            &mut Vec::new(),
            &mut no_warnings,
        )
        .unwrap();
    assert!(
        std::fs::read_to_string(&file)
            .unwrap()
            .contains("\"low tides\"")
    );

    // another article (the same text elsewhere would find these notes)
    let unannotated = ArticleId::Url("https://news.example/other".into());
    let other = Document::from_text(OTHER, &CleanOptions::default());
    let err = notes
        .export_one(
            unannotated,
            &other,
            Format::Markdown,
            &Destination::Stdout,
            &mut Vec::new(),
            &mut no_warnings,
        )
        .unwrap_err();
    assert!(err.to_string().starts_with("no notes on"), "{err}");
}

#[test]
fn all_annotated_articles_go_into_a_folder_and_import_back() {
    let data = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let notes = Notes {
        store: Store::new(data.path()),
        clock: clock(),
    };
    let a = ArticleId::Url("https://news.example/kelmarsh".into());
    let b = ArticleId::for_content(OTHER);
    annotate(
        &notes.store,
        &a,
        ARTICLE,
        "Wexcombe Point",
        "Where the silt goes.",
    );
    annotate(
        &notes.store,
        &b,
        OTHER,
        "open on Sundays",
        "Finally. #library",
    );

    // The articles' sources are gone: the snapshots kept with the notes serve.
    let lines = notes
        .export_all(out.path(), Format::Json, false, &|_| None, &mut no_warnings)
        .unwrap();
    assert_eq!(lines.len(), 2, "{lines:?}");
    let mut files: Vec<_> = std::fs::read_dir(out.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert!(
        files[0].starts_with("Harbour authority approves dredging plan"),
        "{files:?}"
    );
    assert!(
        files[1].starts_with("Library extends opening hours"),
        "{files:?}"
    );
    assert!(files.iter().all(|f| f.ends_with(".json")));

    // Exporting again changes nothing and needs no --force.
    let again = notes
        .export_all(out.path(), Format::Json, false, &|_| None, &mut no_warnings)
        .unwrap();
    assert!(
        again.iter().all(|l| l.ends_with("is up to date")),
        "{again:?}"
    );

    // Both files imported into an empty store give both articles their notes.
    let fresh_dir = tempfile::tempdir().unwrap();
    let fresh = Notes {
        store: Store::new(fresh_dir.path()),
        clock: clock(),
    };
    for f in &files {
        let line = fresh
            .import_file(&out.path().join(f), &|_| None, &mut no_warnings)
            .unwrap();
        // the sources are gone and this store has no copy of their text
        assert!(
            line.starts_with("imported 1 annotation, kept apart: their article is not found here"),
            "{line}"
        );
    }
    let stored: Vec<_> = fresh
        .store
        .all()
        .into_iter()
        .map(|f| f.article.id)
        .collect();
    assert_eq!(stored.len(), 2);
    assert!(stored.contains(&a) && stored.contains(&b));
}

#[test]
fn importing_something_that_is_not_web_annotations_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let notes = Notes {
        store: Store::new(dir.path().join("notes")),
        clock: clock(),
    };
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, "{ not json").unwrap();
    let err = notes
        .import_file(&bad, &|_| None, &mut no_warnings)
        .unwrap_err();
    assert!(
        format!("{err:#}").contains("not Web Annotation JSON"),
        "{err:#}"
    );
    std::fs::write(
        &bad,
        r#"[{"type": "Annotation", "target": "https://x.example/"}]"#,
    )
    .unwrap();
    let err = notes
        .import_file(&bad, &|_| None, &mut no_warnings)
        .unwrap_err();
    assert!(err.to_string().contains("skipped 1"), "{err}");
}
