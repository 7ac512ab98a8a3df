//! Hostile input to the notes, as library calls: shared annotation files
//! with odd sources, positions and sizes, notes files that cannot be read,
//! locks held by others, temporary files of an open reader's draft.

use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use gloss::Document;
use gloss::article::CleanOptions;
use gloss::article_id::ArticleId;
use gloss::notes::command::Notes;
use gloss::notes::draft::NoteDraft;
use gloss::notes::export::{ExportContext, Format};
use gloss::notes::import::import;
use gloss::notes::settings::NotesLimits;
use gloss::notes::store::{LOCK_WAIT, Store};
use gloss::notes::{Clock, FixedClock, Notebook, NotesError, Target};
use gloss::span::Span;
use serde_json::json;

const ARTICLE: &str = "Zölle und Gespräche\n\nDie Gespräche über Zölle wurden am Montag in Genf \
    fortgesetzt, sagte die Ministerin. „Wir kommen voran“, sagte sie. Die nächste Runde \
    beginnt im März.\n";

fn doc() -> Document {
    Document::from_text(ARTICLE, &CleanOptions::default())
}

fn clock() -> Arc<dyn Clock> {
    let t0 = DateTime::parse_from_rfc3339("2025-03-01T09:00:00Z").unwrap();
    Arc::new(FixedClock::new(t0.with_timezone(&Utc)))
}

fn id() -> ArticleId {
    ArticleId::Url("https://news.example/zoelle".into())
}

fn annotation(
    id: &str,
    source: &str,
    exact: &str,
    position: Option<(usize, usize)>,
) -> serde_json::Value {
    let mut selectors = vec![json!({ "type": "TextQuoteSelector", "exact": exact })];
    if let Some((start, end)) = position {
        selectors.push(json!({ "type": "TextPositionSelector", "start": start, "end": end }));
    }
    json!({
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": id,
        "type": "Annotation",
        "bodyValue": "a note",
        "target": { "source": source, "selector": selectors },
    })
}

/// `n` annotations on the test article, numbered within `series` (ids
/// `…000000000S0i`), the `i`th quoting `exact(i)` at `position`.
fn series(
    series: usize,
    n: usize,
    exact: impl Fn(usize) -> String,
    position: Option<(usize, usize)>,
) -> Vec<serde_json::Value> {
    (0..n)
        .map(|i| {
            annotation(
                &format!("urn:uuid:0190a0a0-0000-7000-8000-000000000{series}0{i}"),
                &id().uri(),
                &exact(i),
                position,
            )
        })
        .collect()
}

/// `import` of `items` into `store`, their article being `doc`'s.
fn import_series(
    store: &Store,
    items: &[serde_json::Value],
    doc: &Document,
) -> Result<gloss::notes::import::ImportReport, NotesError> {
    import(
        store,
        &json!(items).to_string(),
        &|_| Some(doc.article.clone()),
        clock(),
    )
}

fn export_json(store: &Store, doc: &Document) -> String {
    let (nb, _) = Notebook::open(store.clone(), id(), &doc.article, clock()).unwrap();
    let ctx = ExportContext {
        doc,
        id: nb.article_id(),
        read_from: None,
        notes: nb.notes(),
        corrections: nb.corrections(),
        exported: clock().now(),
    };
    ctx.render(Format::Json)
}

#[test]
fn a_content_source_with_multibyte_characters_is_skipped_and_export_all_does_not_panic() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    let file = json!([
        annotation(
            "urn:uuid:0190a0a0-0000-7000-8000-000000000001",
            "urn:gloss:content:ééééééééééé",
            "Zölle",
            None
        ),
        annotation(
            "urn:uuid:0190a0a0-0000-7000-8000-000000000002",
            &id().uri(),
            "Zölle",
            None
        ),
    ])
    .to_string();
    let report = import(&store, &file, &|_| Some(doc().article), clock()).unwrap();
    assert_eq!(report.skipped, 1, "{report:?}");
    assert_eq!(report.articles.len(), 1);
    let notes = Notes {
        store: store.clone(),
        clock: clock(),
    };
    let out = tempfile::tempdir().unwrap();
    let lines = notes
        .export_all(
            out.path(),
            Format::Markdown,
            false,
            &|_| Some(doc().article),
            &mut |_| {},
        )
        .unwrap();
    assert_eq!(lines.len(), 1, "{lines:?}");
}

#[test]
fn a_position_selector_into_a_multibyte_character_exports_without_panicking() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    let doc = doc();
    // stored without the article (its text not at hand): code points kept
    // as they came; then opened on a text where they fall inside "ö"
    let file = json!([annotation(
        "urn:uuid:0190a0a0-0000-7000-8000-000000000003",
        &id().uri(),
        "a quote that is nowhere",
        Some((2, 3)),
    )])
    .to_string();
    import(&store, &file, &|_| None, clock()).unwrap();
    let json = export_json(&store, &doc);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value.as_array().unwrap().len(), 1);
    // a notes file edited by hand: offsets inside a character, past the end
    let path = store.notes_path(&id());
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replace("\"start\":0,\"end\":0", "\"start\":2,\"end\":99999");
    std::fs::write(&path, text).unwrap();
    let json = export_json(&store, &doc);
    assert!(json.contains("nowhere"), "{json}");
}

#[test]
fn a_draft_on_a_broken_position_opens_without_panicking() {
    // the reader's draft recovery and `x` go through the same guard
    let mut target = Target {
        exact: "nowhere".into(),
        prefix: String::new(),
        suffix: String::new(),
        start: 2,
        end: 99,
    };
    target.fit_to(ARTICLE);
    assert!(ARTICLE.get(target.start..target.end).is_some());
    let _ = NoteDraft {
        target,
        editing: None,
        attachment: None,
        body: String::new(),
        saved: clock().now(),
    };
}

#[test]
fn a_duplicate_id_is_reported_as_what_was_stored() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    let one = annotation(
        "urn:uuid:0190a0a0-0000-7000-8000-000000000004",
        &id().uri(),
        "Zölle",
        None,
    );
    let file = json!([one.clone(), one]).to_string();
    let report = import(&store, &file, &|_| Some(doc().article), clock()).unwrap();
    assert_eq!(report.articles, vec![(id(), 1)]);
    assert_eq!(report.duplicates, 1);
    let path = dir.path().join("shared.json");
    std::fs::write(&path, &file).unwrap();
    let other = tempfile::tempdir().unwrap();
    let notes = Notes {
        store: Store::new(other.path()),
        clock: clock(),
    };
    let line = notes
        .import_file(&path, &|_| Some(doc().article), &mut |_| {})
        .unwrap();
    assert!(
        line.starts_with("imported 1 annotation onto 1 article, 1 duplicate skipped"),
        "{line}"
    );
}

#[test]
fn more_annotations_than_the_limit_are_refused_whole_with_the_key_to_raise() {
    let dir = tempfile::tempdir().unwrap();
    let limits = NotesLimits {
        import_annotations: 3,
        ..NotesLimits::default()
    };
    let store = Store::new(dir.path()).with_limits(limits);
    let items = series(1, 4, |_| "Zölle".to_string(), None);
    let err = import_series(&store, &items, &doc()).unwrap_err();
    assert!(
        matches!(err, NotesError::TooMany { count: 4, limit: 3 }),
        "{err}"
    );
    assert!(err.to_string().contains("import-annotations"), "{err}");
    assert!(!store.notes_path(&id()).exists(), "nothing imported");
}

/// A longer article, and many quotes that are not in it.
fn long_doc() -> Document {
    let paragraph = "Die Gespräche über Zölle wurden am Montag in Genf fortgesetzt, sagte die \
                     Ministerin, und die nächste Runde beginnt im März in Wien.";
    let text: Vec<String> = (0..200).map(|i| format!("{paragraph} ({i})")).collect();
    Document::from_text(
        &format!("Zölle\n\n{}\n", text.join("\n\n")),
        &CleanOptions::default(),
    )
}

#[test]
fn thousands_of_quotes_not_in_the_text_cost_once_at_import_not_at_every_open() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    let doc = long_doc();
    let items: Vec<_> = (0..5_000)
        .map(|i| {
            annotation(
                &format!("urn:uuid:0190a0a0-0000-7000-8000-{i:012}"),
                &id().uri(),
                &format!("Eine Passage über Handelsfragen, die es nicht gibt, Nummer {i}"),
                Some((i, i + 60)),
            )
        })
        .collect();
    let started = Instant::now();
    let report = import_series(&store, &items, &doc).unwrap();
    let import_took = started.elapsed();
    assert_eq!(report.articles, vec![(id(), 5_000)]);
    // the work bound was reached: the rest are detached, kept, and the user told
    assert!(
        report.warnings.iter().any(|w| w.contains("reanchor-work")),
        "{:?}",
        report.warnings
    );
    let started = Instant::now();
    let (nb, opened) = Notebook::open(store.clone(), id(), &doc.article, clock()).unwrap();
    let open_took = started.elapsed();
    assert_eq!(nb.notes().len(), 5_000, "every note kept");
    assert!(nb.notes().iter().all(|n| n.detached));
    assert_eq!(opened.limited, 0, "nothing searched again on the same text");
    assert!(
        open_took < Duration::from_millis(500),
        "open {open_took:?} (import {import_took:?})"
    );
}

#[test]
fn notes_a_limit_left_detached_are_looked_for_again_once_it_is_raised() {
    let dir = tempfile::tempdir().unwrap();
    let doc = long_doc();
    // too little work to read the text once: passages that are in it, at a
    // wrong position, stay detached
    let tight = NotesLimits {
        reanchor_work: 1,
        ..NotesLimits::default()
    };
    let store = Store::new(dir.path()).with_limits(tight);
    let items = series(
        3,
        3,
        |i| {
            format!(
                "fortgesetzt, sagte die Ministerin, und die nächste Runde beginnt im März in Wien. ({})",
                10 + i
            )
        },
        Some((0, 10)),
    );
    let report = import_series(&store, &items, &doc).unwrap();
    assert!(
        report.warnings.iter().any(|w| w.contains("reanchor-work")),
        "{:?}",
        report.warnings
    );
    // the same limits: not searched again
    let (nb, opened) = Notebook::open(store.clone(), id(), &doc.article, clock()).unwrap();
    assert_eq!(opened.limited, 0);
    assert_eq!(opened.detached, 3);
    assert!(
        nb.notes()
            .iter()
            .all(|n| n.detached && n.detached_by.is_some())
    );
    drop(nb);
    // the limit raised: found, and stored as found
    let store = Store::new(dir.path()).with_limits(NotesLimits::default());
    let (nb, opened) = Notebook::open(store.clone(), id(), &doc.article, clock()).unwrap();
    assert_eq!((opened.moved, opened.detached), (3, 0), "{opened:?}");
    for note in nb.notes() {
        assert!(!note.detached && note.detached_by.is_none());
        assert_eq!(
            &doc.article.text[note.target.start..note.target.end],
            note.target.exact
        );
    }
    drop(nb);
    let (_, again) = Notebook::open(store, id(), &doc.article, clock()).unwrap();
    assert_eq!((again.moved, again.detached), (0, 0), "{again:?}");
}

#[test]
fn a_huge_quote_is_not_matched_approximately() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    let doc = long_doc();
    let huge = "Zölle wurden verhandelt ".repeat(20_000); // 480,000 characters
    let items = series(2, 3, |_| huge.clone(), None);
    let started = Instant::now();
    let report = import_series(&store, &items, &doc).unwrap();
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
    assert!(
        report
            .warnings
            .iter()
            .any(|w| w.contains("reanchor-quote-chars")),
        "{:?}",
        report.warnings
    );
    let (nb, _) = Notebook::open(store, id(), &doc.article, clock()).unwrap();
    assert_eq!(nb.notes().len(), 3);
    assert!(nb.notes().iter().all(|n| n.detached));
}

#[test]
fn a_read_only_export_leaves_a_corrupt_file_and_import_refuses_to_start_over_it() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    let doc = doc();
    let (mut nb, _) = Notebook::open(store.clone(), id(), &doc.article, clock()).unwrap();
    let start = doc.article.text.find("Genf").unwrap();
    nb.add(Span::new(start, start + 4), "kept", None).unwrap();
    drop(nb);
    let path = store.notes_path(&id());
    std::fs::write(&path, b"{\"format\": \"gloss-notes\", \"notes\": [tru").unwrap();
    let notes = Notes {
        store: store.clone(),
        clock: clock(),
    };
    let mut warnings = Vec::new();
    let err = notes
        .export_one(
            id(),
            &doc,
            Format::Markdown,
            &gloss::notes::command::Destination::Stdout,
            &mut Vec::new(),
            &mut |w| warnings.push(w.to_string()),
        )
        .unwrap_err();
    assert!(err.to_string().contains("no notes"), "{err}");
    assert!(
        warnings.iter().any(|w| w.contains("could not be read")),
        "{warnings:?}"
    );
    assert!(path.exists(), "a read-only command moves nothing");
    assert!(store.corrupt_copies(&id()).is_empty());

    // `export --all` names it instead of leaving it out silently
    let out = tempfile::tempdir().unwrap();
    let mut warnings = Vec::new();
    let err = notes
        .export_all(out.path(), Format::Markdown, false, &|_| None, &mut |w| {
            warnings.push(w.to_string())
        })
        .unwrap_err();
    assert!(err.to_string().contains("failed"), "{err}");
    assert!(
        warnings
            .iter()
            .any(|w| w.contains(&path.display().to_string())),
        "{warnings:?}"
    );

    let file = json!([annotation(
        "urn:uuid:0190a0a0-0000-7000-8000-000000000301",
        &id().uri(),
        "Genf",
        None
    )])
    .to_string();
    let err = import(&store, &file, &|_| Some(doc.article.clone()), clock()).unwrap_err();
    assert!(
        err.to_string().contains("repair it or move it away"),
        "{err}"
    );
    assert!(
        std::fs::read(&path).unwrap().starts_with(b"{\"format\""),
        "left as it was"
    );
}

#[test]
fn notes_moved_aside_earlier_are_pointed_to_when_a_fresh_file_starts() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    let doc = doc();
    let moved = dir.path().join(format!(
        "{}.notes.corrupt-20250101T000000.000.json",
        id().key()
    ));
    std::fs::write(&moved, b"{broken").unwrap();
    let file = json!([annotation(
        "urn:uuid:0190a0a0-0000-7000-8000-000000000302",
        &id().uri(),
        "Genf",
        None
    )])
    .to_string();
    let report = import(&store, &file, &|_| Some(doc.article.clone()), clock()).unwrap();
    assert!(
        report
            .warnings
            .iter()
            .any(|w| w.contains(&moved.display().to_string()) && w.contains("to restore")),
        "{:?}",
        report.warnings
    );
}

#[test]
fn a_lock_held_elsewhere_is_waited_for_with_a_timeout_that_names_it() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path()).with_lock_wait(Duration::from_millis(300));
    let held = store.lock(&id()).unwrap();
    let started = Instant::now();
    let err = store.lock(&id()).err().expect("times out");
    assert!(started.elapsed() >= Duration::from_millis(300));
    let message = err.to_string();
    assert!(message.contains(".lock"), "{message}");
    assert!(
        message.contains(&format!("process {}", std::process::id())),
        "{message}"
    );
    drop(held);
    store.lock(&id()).expect("free again");
}

#[test]
fn the_readers_save_does_not_wait_for_a_held_lock_and_keeps_the_note_until_it_is_free() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path()).deferring();
    let doc = doc();
    let (mut nb, _) = Notebook::open(store.clone(), id(), &doc.article, clock()).unwrap();
    let held = Store::new(dir.path()).lock(&id()).unwrap();
    let start = doc.article.text.find("Genf").unwrap();
    let started = Instant::now();
    nb.add(Span::new(start, start + 4), "kept", None)
        .expect("kept for later, not an error");
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );
    let why = nb.unsaved().expect("not saved yet").to_string();
    assert!(
        why.contains(&format!("process {}", std::process::id())),
        "{why}"
    );
    assert_eq!(nb.notes().len(), 1, "the note is kept in memory");
    assert!(!store.notes_path(&id()).exists(), "nothing written");
    // still held: still kept
    assert!(matches!(nb.retry_save(), Some(Ok(()))));
    assert!(nb.unsaved().is_some());
    drop(held);
    assert!(matches!(nb.retry_save(), Some(Ok(()))));
    assert!(nb.unsaved().is_none());
    assert!(nb.retry_save().is_none(), "nothing left to save");
    drop(nb);
    let (nb, _) = Notebook::open(Store::new(dir.path()), id(), &doc.article, clock()).unwrap();
    assert_eq!(nb.notes().len(), 1);
    assert_eq!(nb.notes()[0].body, "kept");
}

#[test]
fn changes_kept_back_by_a_lock_are_saved_before_the_notes_close() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path()).deferring();
    let doc = doc();
    let (mut nb, _) = Notebook::open(store, id(), &doc.article, clock()).unwrap();
    let held = Store::new(dir.path()).lock(&id()).unwrap();
    let start = doc.article.text.find("Genf").unwrap();
    nb.add(Span::new(start, start + 4), "", None).unwrap();
    assert!(nb.unsaved().is_some());
    // the other process lets go while the reader closes
    let release = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(300));
        drop(held);
    });
    nb.save_unsaved_waiting(LOCK_WAIT)
        .expect("saved once the lock is free");
    release.join().unwrap();
    assert!(nb.unsaved().is_none());
    let (nb, _) = Notebook::open(Store::new(dir.path()), id(), &doc.article, clock()).unwrap();
    assert_eq!(nb.notes().len(), 1);
}

/// The notes `import` finds in a rescue file, taken into a fresh store.
fn imported_from(rescued: &std::path::Path) -> Vec<String> {
    let json = std::fs::read_to_string(rescued).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    import(&store, &json, &|_| Some(doc().article), clock()).unwrap();
    let (nb, _) = Notebook::open(store, id(), &doc().article, clock()).unwrap();
    nb.notes().iter().map(|n| n.body.clone()).collect()
}

#[cfg(unix)]
#[test]
fn notes_a_lock_still_held_at_closing_keeps_back_go_to_a_private_rescue_file_import_takes_back() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let (mut nb, _) = Notebook::open(
        Store::new(dir.path()).deferring(),
        id(),
        &doc().article,
        clock(),
    )
    .unwrap();
    let held = Store::new(dir.path()).lock(&id()).unwrap();
    let start = doc().article.text.find("Genf").unwrap();
    nb.add(
        Span::new(start, start + 4),
        "typed while the lock was held",
        None,
    )
    .unwrap();
    let err = nb
        .save_unsaved_waiting(Duration::from_millis(200))
        .expect_err("the other process never lets go");
    assert!(matches!(err, NotesError::Locked { .. }), "{err}");
    let temp = tempfile::tempdir().unwrap();
    let rescued = nb.rescue(&doc(), temp.path()).expect("rescued");
    assert_eq!(rescued.parent().unwrap(), dir.path().join("rescued"));
    let mode = std::fs::metadata(&rescued).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600, "{mode:o}");
    drop(held);
    assert_eq!(imported_from(&rescued), ["typed while the lock was held"]);
}

/// A reader's notes opened in `notes`, whose folder is then removed and a
/// file put in its place (no save can make it again), and a note `body`
/// added that could not be saved.
fn note_that_cannot_be_saved(notes: &std::path::Path, body: &str) -> Notebook {
    std::fs::create_dir(notes).unwrap();
    let (mut nb, _) =
        Notebook::open(Store::new(notes).deferring(), id(), &doc().article, clock()).unwrap();
    std::fs::remove_dir(notes).unwrap();
    std::fs::write(notes, "in the way").unwrap();
    let start = doc().article.text.find("Genf").unwrap();
    nb.add(Span::new(start, start + 4), body, None)
        .expect_err("the folder cannot be made");
    nb
}

#[test]
fn a_failed_save_is_tried_again_at_closing() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes");
    let mut nb = note_that_cannot_be_saved(&notes, "kept in memory");
    std::fs::remove_file(&notes).unwrap();
    nb.save_unsaved_waiting(LOCK_WAIT)
        .expect("saved now that the folder can be made");
    let (nb, _) = Notebook::open(Store::new(&notes), id(), &doc().article, clock()).unwrap();
    assert_eq!(nb.notes().len(), 1);
    assert_eq!(nb.notes()[0].body, "kept in memory");
}

#[test]
fn notes_that_cannot_be_saved_nor_rescued_beside_them_are_rescued_in_the_temp_folder() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes");
    let mut nb = note_that_cannot_be_saved(&notes, "nowhere to go");
    nb.save_unsaved_waiting(LOCK_WAIT)
        .expect_err("still in the way");
    let temp = tempfile::tempdir().unwrap();
    let rescued = nb.rescue(&doc(), temp.path()).expect("rescued");
    assert!(rescued.starts_with(temp.path()), "{}", rescued.display());
    assert_eq!(imported_from(&rescued), ["nowhere to go"]);
}

#[test]
fn cleaning_up_stale_temp_files_never_deletes_an_open_readers_draft() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    let key = id().key();
    // what a draft being written and an interrupted notes save leave
    let draft_tmp = dir.path().join(format!(
        ".{}.a1b2c3.tmp",
        gloss::notes::store::draft_temp_prefix(&key)
    ));
    let stale = dir.path().join(format!(".{key}.d4e5f6.tmp"));
    std::fs::write(&draft_tmp, "half a thought").unwrap();
    std::fs::write(&stale, "{").unwrap();
    drop(store.lock(&id()).unwrap()); // an import's save cleans up under the lock
    assert!(draft_tmp.exists(), "the reader's draft is left alone");
    assert!(
        !stale.exists(),
        "an interrupted save's temp file is removed"
    );
}

#[cfg(unix)]
#[test]
fn the_lock_and_every_file_and_folder_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let notes_dir = dir.path().join("notes");
    std::fs::create_dir(&notes_dir).unwrap();
    std::fs::set_permissions(&notes_dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    let store = Store::new(&notes_dir);
    let lock_path = notes_dir.join(format!("{}.lock", id().key()));
    std::fs::write(&lock_path, "").unwrap();
    std::fs::set_permissions(&lock_path, std::fs::Permissions::from_mode(0o666)).unwrap();
    let doc = doc();
    let (mut nb, _) = Notebook::open(store.clone(), id(), &doc.article, clock()).unwrap();
    let start = doc.article.text.find("Genf").unwrap();
    nb.add(Span::new(start, start + 4), "kept", None).unwrap();
    store
        .save_draft(
            &id(),
            &NoteDraft {
                target: Target::of_span(&doc.article.text, Span::new(start, start + 4)).unwrap(),
                editing: None,
                attachment: None,
                body: "half".into(),
                saved: clock().now(),
            },
        )
        .unwrap();
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(
        mode(&notes_dir),
        0o700,
        "an existing looser folder is tightened"
    );
    for entry in std::fs::read_dir(&notes_dir).unwrap().flatten() {
        assert_eq!(mode(&entry.path()), 0o600, "{}", entry.path().display());
    }
}

#[test]
fn the_notes_folder_deleted_while_running_is_made_again_with_every_note_and_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let notes_dir = dir.path().join("notes");
    let store = Store::new(&notes_dir);
    let doc = doc();
    let (mut nb, _) = Notebook::open(store.clone(), id(), &doc.article, clock()).unwrap();
    let at = |w: &str| {
        let start = doc.article.text.find(w).unwrap();
        Span::new(start, start + w.len())
    };
    nb.add(at("Genf"), "one", None).unwrap();
    std::fs::remove_dir_all(&notes_dir).unwrap();
    nb.add(at("März"), "two", None).unwrap();
    let warnings = nb.take_warnings();
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("was gone") && w.contains(&notes_dir.display().to_string())),
        "{warnings:?}"
    );
    let (again, _) = Notebook::open(store, id(), &doc.article, clock()).unwrap();
    let bodies: Vec<&str> = again.notes().iter().map(|n| n.body.as_str()).collect();
    assert_eq!(bodies, ["one", "two"]);
}

#[test]
fn a_stored_correction_with_offsets_inside_a_character_is_applied_without_panicking() {
    use gloss::corrections::{Anchor, Correction};
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    let doc = doc();
    let (mut nb, _) = Notebook::open(store.clone(), id(), &doc.article, clock()).unwrap();
    let start = doc.article.text.find("Genf").unwrap();
    let mut entity = Anchor::of_span(&doc.article.text, Span::new(start, start + 4)).unwrap();
    // as a file edited by hand, or shared, might hold it: inside "ö", past the end
    entity.start = 2;
    entity.end = 999_999;
    nb.correct(Correction::Rename {
        entity,
        name: "Genève".into(),
    })
    .unwrap();
    drop(nb);
    let (nb, _) = Notebook::open(store, id(), &doc.article, clock()).unwrap();
    let corrections: Vec<_> = nb
        .corrections()
        .iter()
        .map(|c| c.correction.clone())
        .collect();
    // the words are found by their text, the stored offsets only a hint
    let Correction::Rename { entity, .. } = &corrections[0] else {
        panic!("a rename")
    };
    assert_eq!(
        entity.find(&doc.article.text),
        Some(Span::new(start, start + 4))
    );
    let applied = gloss::corrections::apply(&doc.analysis, &doc.article.text, &corrections);
    assert_eq!(applied.analysis.entities.len(), doc.analysis.entities.len());
}
