use super::query::Query;
use super::store::Flag;
use super::*;
use crate::analysis::analyze;
use crate::article::{CleanOptions, clean};
use crate::article_id::ArticleId;

fn article(text: &str) -> crate::article::Article {
    clean(text, &CleanOptions::default())
}

fn keep(lib: &mut Library, url: &str, text: &str, at: i64) -> ArticleId {
    let id = ArticleId::Url(url.to_string());
    let a = article(text);
    let analysis = analyze(&a);
    lib.keep(&id, &a, Some(&analysis), at).expect("kept");
    id
}

const ONE: &str = "Talks resume in Lisbon\n\nSecretary of State Mike Pompeo met Omar Castellanos in Lisbon on Monday. \"We made progress,\" Pompeo said.";
const TWO: &str = "Harbour plan approved\n\nThe council approved the harbour plan on Tuesday. \"It is a good day for the town,\" said Mike Pompeo, who visited the harbour. Pompeo left on Wednesday.";
const THREE: &str =
    "Weather turns\n\nRain fell across the region on Thursday, and the harbour closed early.";

/// A library whose notes folder is its own, with ONE, TWO and THREE kept
/// (at 100, 200 and 300); the folders live as long as the guards.
struct WithNotes {
    lib: Library,
    notes: tempfile::TempDir,
    _dir: tempfile::TempDir,
    ids: [ArticleId; 3],
}

fn with_notes() -> WithNotes {
    let dir = tempfile::tempdir().expect("temp dir");
    let notes = tempfile::tempdir().expect("temp dir");
    let mut lib = Library::open(dir.path())
        .expect("opens")
        .with_notes_dir(Some(notes.path().to_path_buf()));
    let ids = [
        keep(&mut lib, "https://example.com/one", ONE, 100),
        keep(&mut lib, "https://example.com/two", TWO, 200),
        keep(&mut lib, "https://example.com/three", THREE, 300),
    ];
    WithNotes {
        lib,
        notes,
        _dir: dir,
        ids,
    }
}

#[test]
fn an_article_kept_opens_again_with_its_analysis() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut lib = Library::open(dir.path()).expect("opens");
    assert!(lib.is_empty().expect("counts"));
    let id = keep(&mut lib, "https://example.com/one", ONE, 100);
    let kept = lib.get(&id.key()).expect("reads").expect("kept");
    assert_eq!(kept.id, id);
    assert_eq!(kept.article, article(ONE));
    assert_eq!(kept.analysis, Some(analyze(&article(ONE))));
    // kept again: still one
    keep(&mut lib, "https://example.com/one", ONE, 200);
    assert_eq!(lib.len().expect("counts"), 1);
    assert_eq!(lib.list().expect("lists")[0].read_at, 200);
}

#[test]
fn an_article_kept_again_with_new_text_keeps_its_star_and_tags_and_is_searched_anew() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut lib = Library::open(dir.path()).expect("opens");
    let id = keep(&mut lib, "https://example.com/one", ONE, 100);
    lib.set_flag(&id.key(), Flag::Starred, true).expect("stars");
    assert!(lib.toggle_tag(&id.key(), "talks").expect("tags"));
    // the page changed since: same address, the text of TWO
    keep(&mut lib, "https://example.com/one", TWO, 200);
    assert_eq!(lib.len().expect("counts"), 1);
    let kept = lib.get(&id.key()).expect("reads").expect("kept");
    assert_eq!(kept.article, article(TWO));
    let entry = &lib.list().expect("lists")[0];
    assert!(entry.starred, "{entry:?}");
    assert_eq!(entry.tags, vec!["talks".to_string()]);
    assert_eq!(entry.read_at, 200);
    let found = |q: &str| {
        lib.search(&Query::parse(q).expect("parses"))
            .expect("searches")
            .len()
    };
    assert_eq!(found("lisbon"), 0, "the old text is no longer searched");
    assert_eq!(found("harbour"), 1);
    assert_eq!(
        found("person:pompeo"),
        1,
        "the index follows the new analysis"
    );
}

#[test]
fn an_analysis_by_another_version_is_not_used_and_is_replaced() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut lib = Library::open(dir.path()).expect("opens");
    let id = keep(&mut lib, "https://example.com/one", ONE, 100);
    lib.conn_for_tests()
        .execute("UPDATE articles SET analysis_version = 'code:old'", [])
        .expect("updates");
    assert_eq!(
        lib.get(&id.key()).expect("reads").expect("kept").analysis,
        None
    );
    keep(&mut lib, "https://example.com/one", ONE, 150);
    assert!(
        lib.get(&id.key())
            .expect("reads")
            .expect("kept")
            .analysis
            .is_some()
    );
    assert_eq!(
        lib.who("Pompeo").expect("who").len(),
        1,
        "the index follows"
    );
}

#[test]
fn who_finds_the_other_articles_newest_first_with_counts_and_quotes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut lib = Library::open(dir.path()).expect("opens");
    let one = keep(&mut lib, "https://example.com/one", ONE, 100);
    let two = keep(&mut lib, "https://example.com/two", TWO, 200);
    keep(&mut lib, "https://example.com/three", THREE, 300);
    for name in [
        "Pompeo",
        "Mike Pompeo",
        "mike  POMPEO",
        "Secretary of State Mike Pompeo",
    ] {
        let hits = lib.who(name).expect("who");
        let keys: Vec<_> = hits.iter().map(|h| h.entry.key.clone()).collect();
        assert_eq!(keys, vec![two.key(), one.key()], "{name}");
    }
    let hits = lib.who("Pompeo").expect("who");
    assert_eq!(hits[0].mentions, 2);
    assert_eq!(hits[0].quotes, vec!["It is a good day for the town"]);
    assert_eq!(hits[1].quotes, vec!["We made progress"]);
    let text = &article(TWO).text;
    assert_eq!(&text[hits[0].first..hits[0].first + 11], "Mike Pompeo");
    // from one article, the others
    let keys = name_keys(
        crate::analysis::EntityKind::Person,
        "Mike Pompeo",
        std::iter::empty(),
    );
    let others = lib.who_keys(&keys, Some(&one.key())).expect("who");
    assert_eq!(others.len(), 1);
    assert_eq!(others[0].entry.key, two.key());
    assert!(lib.who("Nobody Atall").expect("who").is_empty());
}

#[test]
fn search_reads_titles_text_and_filters() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut lib = Library::open(dir.path()).expect("opens");
    let one = keep(&mut lib, "https://example.com/one", ONE, 100);
    let two = keep(&mut lib, "https://news.test/two", TWO, 200);
    let three = keep(&mut lib, "https://example.com/three", THREE, 300);
    let keys = |q: &str| -> Vec<String> {
        lib.search(&Query::parse(q).expect("parses"))
            .expect("searches")
            .into_iter()
            .map(|e| e.key)
            .collect()
    };
    assert_eq!(keys("harbour"), vec![three.key(), two.key()]);
    assert_eq!(keys("harb"), vec![three.key(), two.key()], "as you type");
    assert_eq!(keys("\"harbour plan\""), vec![two.key()]);
    assert_eq!(keys("lisbon"), vec![one.key()]);
    assert_eq!(keys("person:pompeo"), vec![two.key(), one.key()]);
    assert_eq!(keys("place:Lisbon"), vec![one.key()]);
    assert_eq!(keys("site:news.test"), vec![two.key()]);
    assert_eq!(keys(""), vec![three.key(), two.key(), one.key()]);
    lib.set_flag(&one.key(), Flag::Starred, true)
        .expect("stars");
    assert_eq!(keys("is:starred"), vec![one.key()]);
    assert!(lib.toggle_tag(&two.key(), "#Energy").expect("tags"));
    assert_eq!(keys("tag:energy"), vec![two.key()]);
    assert!(!lib.toggle_tag(&two.key(), "energy").expect("untags"));
    assert!(keys("tag:energy").is_empty());
    lib.set_flag(&three.key(), Flag::Archived, true)
        .expect("archives");
    assert_eq!(keys("harbour"), vec![two.key()]);
    assert_eq!(keys("harbour is:archived"), vec![three.key()]);
}

#[test]
fn forget_and_the_size_cap_spare_starred_and_noted_articles() {
    let WithNotes {
        mut lib,
        notes,
        _dir,
        ids: [one, two, three],
    } = with_notes();
    let four = keep(
        &mut lib,
        "https://example.com/four",
        "Four\n\nA fourth one.",
        400,
    );
    lib.set_flag(&one.key(), Flag::Starred, true)
        .expect("stars");
    std::fs::write(notes.path().join(format!("{}.notes.json", two.key())), "{}").expect("writes");
    assert!(
        lib.list()
            .expect("lists")
            .iter()
            .any(|e| e.key == two.key() && e.has_notes)
    );
    let gone = lib.evict(1).expect("evicts");
    assert_eq!(gone, 2);
    let left: Vec<_> = lib
        .list()
        .expect("lists")
        .into_iter()
        .map(|e| e.key)
        .collect();
    assert_eq!(left, vec![two.key(), one.key()]);
    assert!(lib.who("Omar Castellanos").expect("who").len() == 1);
    assert_eq!(
        lib.forget(&[one.key(), three.key(), four.key()])
            .expect("forgets"),
        1
    );
    assert!(lib.who("Omar Castellanos").expect("who").is_empty());
    assert!(
        lib.search(&Query::parse("lisbon").expect("parses"))
            .expect("searches")
            .is_empty()
    );
    assert_eq!(lib.forget_all().expect("forgets"), 1);
    assert!(lib.is_empty().expect("counts"));
}

#[test]
fn a_database_from_a_newer_gloss_is_refused_and_the_files_are_private() {
    let dir = tempfile::tempdir().expect("temp dir");
    let lib_dir = dir.path().join("library");
    drop(Library::open(&lib_dir).expect("opens"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &std::path::Path| {
            std::fs::metadata(p).expect("exists").permissions().mode() & 0o777
        };
        assert_eq!(mode(&lib_dir), 0o700);
        assert_eq!(mode(&lib_dir.join(DB_FILE)), 0o600);
        // made looser (by hand, an older gloss, another umask): tightened
        let loose = |p: &std::path::Path, m| {
            std::fs::set_permissions(p, std::fs::Permissions::from_mode(m)).expect("chmod")
        };
        loose(&lib_dir, 0o755);
        loose(&lib_dir.join(DB_FILE), 0o644);
        drop(Library::open(&lib_dir).expect("opens"));
        assert_eq!(mode(&lib_dir), 0o700);
        assert_eq!(mode(&lib_dir.join(DB_FILE)), 0o600);
    }
    let conn = rusqlite::Connection::open(lib_dir.join(DB_FILE)).expect("opens");
    conn.pragma_update(None, "user_version", 99).expect("sets");
    drop(conn);
    let err = Library::open(&lib_dir).err().expect("refused").to_string();
    assert!(
        err.contains("newer gloss") && err.contains("schema 99"),
        "{err}"
    );
}

#[test]
fn two_processes_at_once_lose_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    drop(Library::open(dir.path()).expect("opens"));
    std::thread::scope(|s| {
        for t in 0..2 {
            let path = dir.path().to_path_buf();
            s.spawn(move || {
                let mut lib = Library::open(&path).expect("opens");
                for i in 0..20 {
                    let text = format!("Item {t} {i}\n\nThe text of item {t} {i}.");
                    let id = ArticleId::for_content(&text);
                    lib.keep(&id, &article(&text), None, i).expect("kept");
                }
            });
        }
    });
    assert_eq!(
        Library::open(dir.path())
            .expect("opens")
            .len()
            .expect("counts"),
        40
    );
}

#[test]
fn tag_finds_the_articles_tags_and_the_hash_tags_of_their_notes() {
    let WithNotes {
        lib,
        notes,
        _dir,
        ids: [one, two, _],
    } = with_notes();
    // one tagged on the article, two by a note's #tag
    lib.toggle_tag(&one.key(), "diplomacy").expect("tags");
    let (mut notebook, _) = crate::notes::Notebook::open(
        crate::notes::Store::new(notes.path()),
        two.clone(),
        &article(TWO),
        std::sync::Arc::new(crate::notes::SystemClock),
    )
    .expect("notes open");
    notebook
        .add(
            crate::span::Span::new(0, 7),
            "see also #Diplomacy and #ports",
            None,
        )
        .expect("note added");
    let keys = |q: &str| -> Vec<String> {
        lib.search(&Query::parse(q).expect("parses"))
            .expect("searches")
            .into_iter()
            .map(|e| e.key)
            .collect()
    };
    assert_eq!(keys("tag:diplomacy"), vec![two.key(), one.key()]);
    assert_eq!(keys("tag:#ports"), vec![two.key()]);
    assert_eq!(keys("tag:ports harbour"), vec![two.key()]);
    assert_eq!(keys("tag:ports lisbon"), Vec::<String>::new());
    assert!(keys("tag:weather").is_empty());
}

#[test]
fn people_counts_one_person_across_articles_since_a_date() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut lib = Library::open(dir.path()).expect("opens");
    keep(&mut lib, "https://example.com/one", ONE, 100);
    keep(&mut lib, "https://example.com/two", TWO, 200);
    keep(&mut lib, "https://example.com/three", THREE, 300);
    let people = lib.people(0, 10).expect("people");
    let pompeo = &people.mentioned[0];
    assert!(pompeo.name.ends_with("Pompeo"), "{people:?}");
    assert_eq!((pompeo.articles, pompeo.quotes), (2, 2), "{people:?}");
    assert_eq!(people.quoted[0].name, pompeo.name);
    assert!(
        people.quoted.iter().all(|p| p.quotes > 0),
        "only the quoted: {people:?}"
    );
    // only what was kept since 150: the second article
    let later = lib.people(150, 10).expect("people");
    let pompeo = later
        .mentioned
        .iter()
        .find(|p| p.name.ends_with("Pompeo"))
        .expect("Pompeo");
    assert_eq!((pompeo.articles, pompeo.quotes), (1, 1));
    assert!(lib.people(1_000, 10).expect("people").mentioned.is_empty());
    assert_eq!(lib.people(0, 1).expect("people").mentioned.len(), 1);
}

#[test]
fn a_saved_search_is_kept_with_its_counts_replaced_and_forgotten() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut lib = Library::open(dir.path()).expect("opens");
    let one = keep(&mut lib, "https://example.com/one", ONE, 100);
    keep(&mut lib, "https://example.com/two", TWO, 200);
    keep(&mut lib, "https://example.com/three", THREE, 300);
    lib.set_flag(&one.key(), Flag::Unread, true).expect("flags");
    lib.save_search("Pompeo", "person:pompeo").expect("saves");
    lib.save_search("Harbour", "harbour").expect("saves");
    assert!(lib.save_search("Bad", "is:blue").is_err());
    assert!(lib.save_search("  ", "harbour").is_err());
    let saved = lib.searches().expect("lists");
    let counts: Vec<_> = saved
        .iter()
        .map(|s| (s.name.as_str(), s.count, s.unread))
        .collect();
    assert_eq!(counts, vec![("Pompeo", 2, 1), ("Harbour", 2, 0)]);
    lib.save_search("Harbour", "harbour is:unread")
        .expect("replaces");
    assert_eq!(lib.searches().expect("lists")[1].count, 0);
    assert_eq!(
        lib.saved_query("Harbour").expect("reads").as_deref(),
        Some("harbour is:unread")
    );
    assert!(lib.remove_search("Harbour").expect("removes"));
    assert!(!lib.remove_search("Harbour").expect("removes"));
    assert_eq!(lib.searches().expect("lists").len(), 1);
}
