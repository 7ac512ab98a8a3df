//! Keeping notes: save, reload, export, import, undo, two notebooks on one
//! article, and what happens to a notes file that cannot be read.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use gloss::Document;
use gloss::article::CleanOptions;
use gloss::article_id::ArticleId;
use gloss::notes::export::{ExportContext, Format, Written, write_file};
use gloss::notes::import::import;
use gloss::notes::store::{Read, Store};
use gloss::notes::{Attachment, Clock, FixedClock, Notebook, NotesError, Undone};
use gloss::span::Span;

const ARTICLE: &str = include_str!("../fixtures/notes_article.txt");

fn doc() -> Document {
    Document::from_text(ARTICLE, &CleanOptions::default())
}

fn clock() -> Arc<dyn Clock> {
    let t0 = DateTime::parse_from_rfc3339("2025-03-01T09:00:00Z").unwrap();
    Arc::new(FixedClock::new(t0.with_timezone(&Utc)))
}

fn span_of(doc: &Document, quote: &str) -> Span {
    let start = doc.article.text.find(quote).expect("quote in the article");
    Span::new(start, start + quote.len())
}

fn id() -> ArticleId {
    ArticleId::Path("/news/kelmarsh-dredging.txt".into())
}

fn open(store: &Store, doc: &Document) -> Notebook {
    Notebook::open(store.clone(), id(), &doc.article, clock())
        .unwrap()
        .0
}

#[test]
fn notes_survive_a_reload_and_come_out_in_both_exports() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    let doc = doc();
    let mut nb = open(&store, &doc);
    let highlight = nb
        .highlight(span_of(&doc, "ending a review that began in the spring"))
        .unwrap();
    let note = nb
        .add(
            span_of(&doc, "We are not against the port, we are against haste"),
            "The trust's line. #environment #port-politics",
            Some(Attachment::Quote {
                text: "We are not against the port, we are against haste".into(),
            }),
        )
        .unwrap();
    drop(nb);

    let reopened = open(&store, &doc);
    let notes = reopened.notes();
    assert_eq!(notes.len(), 2);
    assert_eq!(
        notes[0].id, highlight,
        "reading order: the highlight comes first"
    );
    assert!(notes[0].is_highlight());
    assert_eq!(notes[1].id, note);
    assert_eq!(notes[1].tags(), vec!["environment", "port-politics"]);
    assert_eq!(reopened.tags().len(), 2);

    let ctx = ExportContext {
        doc: &doc,
        id: &id(),
        read_from: None,
        notes: reopened.notes(),
        corrections: &[],
        exported: clock().now(),
    };
    let md = ctx.render(Format::Markdown);
    assert!(md.starts_with(
        "---\ntitle: \"Harbour authority approves dredging plan after two-year review\"\n"
    ));
    assert!(md.contains("> ending a review that began in the spring\n"));
    assert!(md.contains("> We are not against the port, we are against haste\n"));
    assert!(md.contains("\nThe trust's line. #environment #port-politics\n"));
    assert!(md.contains("tags:\n  - \"environment\"\n  - \"port-politics\"\n"));
    assert!(md.contains("source: \"file:///news/kelmarsh-dredging.txt\""));

    // The JSON export imported into an empty store gives the same notes back.
    let json = ctx.render(Format::Json);
    let other_dir = tempfile::tempdir().unwrap();
    let other = Store::new(other_dir.path());
    let article = doc.article.clone();
    let report = import(&other, &json, &|_| Some(article.clone()), clock()).unwrap();
    assert_eq!(report.articles, vec![(id(), 2)]);
    assert_eq!(report.skipped, 0);
    let back = open(&other, &doc);
    assert_eq!(back.notes(), reopened.notes());

    // Importing the same file again merges: nothing is duplicated.
    import(&other, &json, &|_| Some(article.clone()), clock()).unwrap();
    assert_eq!(open(&other, &doc).notes().len(), 2);
}

#[test]
fn an_import_without_the_article_is_anchored_when_it_is_next_opened() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    let doc = doc();
    let mut nb = open(&store, &doc);
    nb.add(
        span_of(&doc, "Wexcombe Point"),
        "Where the silt goes.",
        None,
    )
    .unwrap();
    let json = ExportContext {
        doc: &doc,
        id: &id(),
        read_from: None,
        notes: nb.notes(),
        corrections: &[],
        exported: clock().now(),
    }
    .render(Format::Json);

    let empty = tempfile::tempdir().unwrap();
    let target = Store::new(empty.path());
    import(&target, &json, &|_| None, clock()).unwrap();
    let reopened = open(&target, &doc);
    assert_eq!(reopened.notes().len(), 1);
    let note = &reopened.notes()[0];
    assert!(!note.detached);
    assert_eq!(doc.article.slice(note.span()), "Wexcombe Point");
}

#[test]
fn undo_takes_back_additions_edits_and_deletions_in_turn() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    let doc = doc();
    let mut nb = open(&store, &doc);
    let id1 = nb.add(span_of(&doc, "low tides"), "first", None).unwrap();
    nb.edit(id1, "second").unwrap();
    nb.delete(id1).unwrap();
    assert!(
        open(&store, &doc).notes().is_empty(),
        "the deletion was saved"
    );

    assert_eq!(nb.undo().unwrap(), Some(Undone::Deletion));
    assert_eq!(open(&store, &doc).notes()[0].body, "second");
    assert_eq!(nb.undo().unwrap(), Some(Undone::Edit));
    assert_eq!(open(&store, &doc).notes()[0].body, "first");
    assert_eq!(nb.undo().unwrap(), Some(Undone::Addition));
    assert!(open(&store, &doc).notes().is_empty());
    assert_eq!(nb.undo().unwrap(), None);
}

#[test]
fn two_notebooks_on_one_article_keep_each_others_notes_and_deletions() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    let doc = doc();
    // One clock for both, as two processes share the time (and make distinct ids).
    let time = clock();
    let open = |store: &Store| {
        Notebook::open(store.clone(), id(), &doc.article, time.clone())
            .unwrap()
            .0
    };
    let mut a = open(&store);
    let mut b = open(&store);
    let from_a = a.add(span_of(&doc, "Board chair"), "from a", None).unwrap();
    let from_b = b
        .add(span_of(&doc, "Shipping companies"), "from b", None)
        .unwrap();
    assert_eq!(b.notes().len(), 2, "b's save merged a's note in");

    a.reload().unwrap();
    a.delete(from_b).unwrap();
    // b still holds the note a deleted; b's next change must not revive it.
    b.edit(from_a, "from a, edited by b").unwrap();
    let c = open(&store);
    let ids: Vec<_> = c.notes().iter().map(|n| n.id).collect();
    assert_eq!(ids, vec![from_a]);
    assert_eq!(c.notes()[0].body, "from a, edited by b");
}

#[test]
fn a_corrupt_notes_file_is_left_by_reading_and_moved_aside_by_a_save_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    let doc = doc();
    open(&store, &doc)
        .add(span_of(&doc, "low tides"), "kept", None)
        .unwrap();
    let path = store.notes_path(&id());
    let garbage = b"{\"format\": \"gloss-notes\", \"version\": 1, \"notes\": [tru";
    std::fs::write(&path, garbage).unwrap();
    let moved = || -> Vec<std::path::PathBuf> {
        std::fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().contains(".corrupt-"))
            .map(|e| e.path())
            .collect()
    };

    // opening (an export, the reader) only reads: the file stays where it is
    let (mut nb, report) = Notebook::open(store.clone(), id(), &doc.article, clock()).unwrap();
    assert_eq!(report.warnings.len(), 1, "{:?}", report.warnings);
    assert!(report.warnings[0].contains("could not be read"));
    assert!(report.warnings[0].contains("left as it is"));
    assert!(nb.notes().is_empty());
    assert!(moved().is_empty());
    assert_eq!(std::fs::read(&path).unwrap(), garbage);

    // a save moves it aside first, and says where and how to restore it
    nb.add(span_of(&doc, "Wexcombe Point"), "new", None)
        .unwrap();
    let moved = moved();
    assert_eq!(moved.len(), 1);
    assert_eq!(std::fs::read(&moved[0]).unwrap(), garbage);
    let warnings = nb.take_warnings();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].contains(&moved[0].display().to_string()),
        "{warnings:?}"
    );
    assert!(warnings[0].contains("to restore"), "{warnings:?}");
    assert!(matches!(store.read(&id()).unwrap(), Read::Found(f) if f.notes.len() == 1));
    assert_eq!(std::fs::read(&moved[0]).unwrap(), garbage);
}

#[test]
fn a_notes_file_from_a_newer_gloss_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    let doc = doc();
    open(&store, &doc)
        .add(span_of(&doc, "low tides"), "kept", None)
        .unwrap();
    let path = store.notes_path(&id());
    let newer = std::fs::read_to_string(&path)
        .unwrap()
        .replace("\"version\":2", "\"version\":99");
    std::fs::write(&path, &newer).unwrap();
    let err = Notebook::open(store.clone(), id(), &doc.article, clock())
        .err()
        .expect("refused");
    assert!(
        matches!(err, NotesError::TooNew { version: 99, .. }),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), newer);
}

#[test]
fn an_export_never_replaces_a_different_file_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.md");
    assert_eq!(write_file(&path, "one", false).unwrap(), Written::Created);
    assert_eq!(write_file(&path, "one", false).unwrap(), Written::Unchanged);
    let err = write_file(&path, "two", false).unwrap_err();
    assert!(err.to_string().contains("--force"), "{err}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "one");
    assert_eq!(write_file(&path, "two", true).unwrap(), Written::Replaced);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "two");
}

#[cfg(unix)]
#[test]
fn the_notes_file_is_readable_by_the_user_alone() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path().join("notes"));
    let doc = doc();
    open(&store, &doc)
        .add(span_of(&doc, "low tides"), "private", None)
        .unwrap();
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&store.notes_path(&id())), 0o600);
    assert_eq!(mode(&store.article_path(&id())), 0o600);
    assert_eq!(mode(store.dir()), 0o700);
}
