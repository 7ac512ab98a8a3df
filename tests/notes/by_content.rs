//! Notes follow the article, not its id: when an article's own id has no
//! notes, the notes of the same or a close text are found by content.

use std::path::PathBuf;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use gloss::Document;
use gloss::article::CleanOptions;
use gloss::article_id::ArticleId;
use gloss::notes::by_content::{self, Found, Match};
use gloss::notes::{Clock, FixedClock, Notebook, Store};
use gloss::span::Span;

const ARTICLE: &str = include_str!("../fixtures/notes_article.txt");
const OTHER: &str = "Library extends opening hours\n\nThe city library will open on Sundays \
                     from May, the council said on Monday. Readers had asked for longer hours \
                     for years, and the staff agreed after a vote.";

fn clock() -> Arc<dyn Clock> {
    let t0 = DateTime::parse_from_rfc3339("2025-03-01T09:00:00Z").unwrap();
    Arc::new(FixedClock::new(t0.with_timezone(&Utc)))
}

fn doc(raw: &str) -> Document {
    Document::from_text(raw, &CleanOptions::default())
}

fn path_id(path: &str) -> ArticleId {
    ArticleId::Path(PathBuf::from(path))
}

/// A note on `passage` of `raw`, stored under `id`.
fn annotate(store: &Store, id: &ArticleId, raw: &str, passage: &str, body: &str) {
    let doc = doc(raw);
    let (mut nb, _) = Notebook::open(store.clone(), id.clone(), &doc.article, clock()).unwrap();
    let start = doc.article.text.find(passage).expect("passage in the text");
    nb.add(Span::new(start, start + passage.len()), body, None)
        .unwrap();
}

fn open(store: &Store, id: &ArticleId, raw: &str) -> (Notebook, Option<Found>) {
    let (nb, report) =
        Notebook::open_or_find(store.clone(), id.clone(), &doc(raw).article, clock()).unwrap();
    (nb, report.found_by_content)
}

#[test]
fn a_copy_a_moved_file_and_the_same_text_on_stdin_find_the_notes() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    let original = path_id("/news/kelmarsh.txt");
    annotate(&store, &original, ARTICLE, "low tides", "Why now? #tides");
    annotate(
        &store,
        &path_id("/news/library.txt"),
        OTHER,
        "on Sundays",
        "",
    );

    for elsewhere in [
        path_id("/elsewhere/kelmarsh copy.txt"),
        ArticleId::for_content(ARTICLE),
        ArticleId::Url("https://news.example/kelmarsh".into()),
    ] {
        let (nb, found) = open(&store, &elsewhere, ARTICLE);
        assert_eq!(
            found,
            Some(Found {
                id: original.clone(),
                how: Match::Exact
            }),
            "{elsewhere}"
        );
        assert_eq!(nb.article_id(), &original);
        assert_eq!(nb.notes().len(), 1);
        assert_eq!(nb.notes()[0].body, "Why now? #tides");
        assert!(
            !store.notes_path(&elsewhere).exists(),
            "no second store is made"
        );
    }
    let found = open(&store, &path_id("/x/copy.txt"), ARTICLE).1.unwrap();
    assert_eq!(
        found.describe(),
        "notes found by content from /news/kelmarsh.txt"
    );
}

#[test]
fn a_close_text_finds_the_notes_and_re_anchors_them() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    let original = path_id("/news/kelmarsh.txt");
    annotate(&store, &original, ARTICLE, "low tides", "Why now?");
    // one word changed, a paragraph added, the file elsewhere
    let edited = format!(
        "{}\n\nThe port's owners did not reply to questions on Friday.\n",
        ARTICLE.replacen("Tuesday", "Wednesday", 1)
    );
    assert_ne!(doc(&edited).article.text, doc(ARTICLE).article.text);
    let (nb, found) = open(&store, &path_id("/moved/kelmarsh.txt"), &edited);
    let found = found.expect("found by content");
    assert_eq!(found.id, original);
    let Match::Close { percent } = found.how else {
        panic!("{found:?}");
    };
    assert!((50..100).contains(&percent), "{percent}");
    assert!(
        found.describe().contains("close text"),
        "{}",
        found.describe()
    );
    let note = &nb.notes()[0];
    assert!(!note.detached);
    assert_eq!(
        &doc(&edited).article.text[note.target.start..note.target.end],
        "low tides"
    );
}

#[test]
fn another_article_finds_nothing_and_gets_notes_of_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    annotate(
        &store,
        &path_id("/news/kelmarsh.txt"),
        ARTICLE,
        "low tides",
        "",
    );
    let own = path_id("/news/library.txt");
    let (nb, found) = open(&store, &own, OTHER);
    assert_eq!(found, None);
    assert_eq!(nb.article_id(), &own);
    assert!(nb.notes().is_empty());

    // a short text is matched only when it is the same
    let short = "Ferry fares rise\n\nFares rise in May.";
    annotate(&store, &path_id("/news/short.txt"), short, "Fares rise", "");
    assert!(open(&store, &path_id("/b/short.txt"), short).1.is_some());
    let shorter = "Ferry fares rise\n\nFares rise in June.";
    assert_eq!(open(&store, &path_id("/c/short.txt"), shorter).1, None);
}

#[test]
fn an_id_with_notes_of_its_own_keeps_them_and_emptied_stores_are_passed_over() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    let (a, b) = (path_id("/a/kelmarsh.txt"), path_id("/b/kelmarsh.txt"));
    annotate(&store, &a, ARTICLE, "low tides", "A's note");
    annotate(&store, &b, ARTICLE, "low tides", "B's note");
    let (nb, found) = open(&store, &b, ARTICLE);
    assert_eq!(found, None, "b has notes of its own");
    assert_eq!(nb.notes()[0].body, "B's note");

    // a's notes all deleted: its store is no longer a match
    let (mut nb, _) = open(&store, &a, ARTICLE);
    let id = nb.notes()[0].id;
    nb.delete(id).unwrap();
    let found = open(&store, &path_id("/c/kelmarsh.txt"), ARTICLE)
        .1
        .unwrap();
    assert_eq!(found.id, b);
}

#[test]
fn the_cache_follows_stores_that_change_and_go() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    let a = path_id("/a/library.txt");
    annotate(&store, &a, OTHER, "on Sundays", "");
    assert!(open(&store, &path_id("/x/1.txt"), OTHER).1.is_some());
    let cache = dir.path().join("cache/content-index.json");
    assert!(cache.exists());

    // the article's text changes under its own id: the new text is found,
    // the old one no longer
    let changed = OTHER.replace("from May", "from June, or perhaps from July,");
    let (nb, found) = open(&store, &a, &changed);
    assert_eq!(found, None);
    assert!(nb.notes().iter().all(|n| !n.detached));
    let unrelated_old = "Library extends opening hours\n\nThe city library will open on \
                         Sundays from May.";
    assert_eq!(open(&store, &path_id("/x/2.txt"), unrelated_old).1, None);
    let found = open(&store, &path_id("/x/3.txt"), &changed).1.unwrap();
    assert_eq!(found.how, Match::Exact);

    // its files gone: nothing is found, the cache forgets it
    std::fs::remove_file(store.notes_path(&a)).unwrap();
    assert_eq!(open(&store, &path_id("/x/4.txt"), &changed).1, None);
    let index = std::fs::read_to_string(&cache).unwrap();
    assert!(!index.contains(&a.key()), "{index}");

    // a corrupt cache is rebuilt
    annotate(&store, &a, OTHER, "on Sundays", "");
    std::fs::write(&cache, "{ not json").unwrap();
    assert!(open(&store, &path_id("/x/5.txt"), OTHER).1.is_some());
}

#[test]
fn among_many_stores_the_one_with_the_text_is_found() {
    // Stores written as files, many texts sharing their wording but for a
    // number, so that their signatures come near each other.
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    let texts: Vec<String> = (0..300)
        .map(|i| {
            format!(
                "Council meeting number {i}\n\nThe council met for the {i}th time on Monday \
                 and agreed on item {i} of the agenda, item {} being left for later. \
                 Councillor {i} said the town would decide on matter {i} in due course.",
                i + 1
            )
        })
        .collect();
    for (i, text) in texts.iter().enumerate() {
        let id = path_id(&format!("/council/{i}.txt"));
        let article = doc(text).article;
        let key = id.key();
        let mut file = gloss::notes::store::NotesFile::new(
            &id,
            None,
            gloss::notes::notebook::text_hash(&article.text),
        );
        let target = gloss::notes::Target::of_span(&article.text, Span::new(0, 7)).unwrap();
        file.notes.push(gloss::notes::Note {
            id: clock().new_id(),
            created: clock().now(),
            updated: clock().now(),
            target,
            body: String::new(),
            attachment: None,
            detached: false,
            detached_by: None,
        });
        std::fs::write(
            dir.path().join(format!("{key}.notes.json")),
            serde_json::to_vec(&file).unwrap(),
        )
        .unwrap();
        std::fs::write(
            dir.path().join(format!("{key}.article.json")),
            serde_json::to_vec(&article).unwrap(),
        )
        .unwrap();
    }
    for i in [0, 137, 299] {
        let text = doc(&texts[i]).article.text;
        let found = by_content::find(&store, &text, &path_id("/elsewhere.txt")).unwrap();
        assert_eq!(found.id, path_id(&format!("/council/{i}.txt")));
        assert_eq!(found.how, Match::Exact);
        // one word more: the closest is still the same one
        let close = text.replacen("Monday", "Monday morning", 1);
        let found = by_content::find(&store, &close, &path_id("/elsewhere.txt")).unwrap();
        assert_eq!(found.id, path_id(&format!("/council/{i}.txt")), "{found:?}");
    }
}

/// Set a folder's modification time back by an hour, as if nothing had
/// changed in it lately.
fn settle(dir: &std::path::Path) {
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    std::fs::File::open(dir)
        .and_then(|f| f.set_modified(hour_ago))
        .expect("folder time set");
}

#[test]
fn a_settled_folder_is_trusted_until_something_in_it_changes() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    annotate(&store, &path_id("/a/library.txt"), OTHER, "on Sundays", "");
    assert!(open(&store, &path_id("/x/0.txt"), OTHER).1.is_some());
    settle(dir.path());
    assert!(open(&store, &path_id("/x/1.txt"), OTHER).1.is_some());
    let cache = dir.path().join("cache/content-index.json");
    let trusted: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&cache).unwrap()).unwrap();
    assert_ne!(trusted["folder_modified"], 0, "{trusted}");
    // writing the cache left the folder's time alone
    assert!(open(&store, &path_id("/x/2.txt"), OTHER).1.is_some());
    let after: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&cache).unwrap()).unwrap();
    assert_eq!(after, trusted, "the cache was used as it was");

    // a new store changes the folder's time: it is found
    annotate(
        &store,
        &path_id("/b/kelmarsh.txt"),
        ARTICLE,
        "low tides",
        "",
    );
    let found = open(&store, &path_id("/x/3.txt"), ARTICLE).1.unwrap();
    assert_eq!(found.id, path_id("/b/kelmarsh.txt"));
    // and a store whose text changed is summarised again
    settle(dir.path());
    assert!(open(&store, &path_id("/x/4.txt"), ARTICLE).1.is_some());
    let changed = OTHER.replace("from May", "from June, or perhaps from July,");
    let (nb, _) = open(&store, &path_id("/a/library.txt"), &changed);
    assert!(nb.notes().iter().all(|n| !n.detached));
    let found = open(&store, &path_id("/x/5.txt"), &changed).1.unwrap();
    assert_eq!(found.how, Match::Exact);
}
