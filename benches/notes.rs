//! Saving notes must never block the reader: serialise and atomically write
//! the notes of an article with 1,000 notes. Run on tmpfs (/dev/shm when it
//! exists) so that the disk's fsync latency is not what is measured.
//!
//! Finding an article's notes by content (`notes::by_content`, run when an
//! article without notes of its own is opened or exported) in a library of
//! 3,000 annotated articles: with the cache as it is after a first look-up,
//! for a new article (no match), a copy (same text) and an edited copy
//! (close text); and the first look-up, which builds the cache.
//!
//!     cargo bench --profile dist --bench notes

use std::hint::black_box;
use std::path::PathBuf;
use std::sync::Arc;

use criterion::{Criterion, criterion_group, criterion_main};
use gloss::Document;
use gloss::article::CleanOptions;
use gloss::article_id::ArticleId;
use gloss::notes::by_content::{self, Match};
use gloss::notes::notebook::text_hash;
use gloss::notes::store::{NotesFile, Read, Store};
use gloss::notes::{Clock, Note, Notebook, SystemClock, Target};
use gloss::source::SAMPLE;
use gloss::span::Span;

/// The allocator the binary runs with (`src/main.rs`), so that timings match it.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const NOTES: usize = 1_000;

fn tmpfs_dir() -> tempfile::TempDir {
    let shm = PathBuf::from("/dev/shm");
    if shm.is_dir() {
        tempfile::tempdir_in(shm).expect("temp dir on /dev/shm")
    } else {
        tempfile::tempdir().expect("temp dir")
    }
}

/// A notebook on the sample with 1,000 notes of a sentence or two each.
fn notebook_with_notes(store: &Store) -> (Notebook, Vec<uuid::Uuid>) {
    let doc = Document::from_text(SAMPLE, &CleanOptions::default());
    let id = ArticleId::for_content(SAMPLE);
    let (mut nb, _) =
        Notebook::open(store.clone(), id, &doc.article, Arc::new(SystemClock)).expect("open");
    let text = &doc.article.text;
    let words: Vec<usize> = text
        .char_indices()
        .filter(|&(i, c)| c == ' ' && i + 1 < text.len())
        .map(|(i, _)| i + 1)
        .collect();
    let mut ids = Vec::with_capacity(NOTES);
    for i in 0..NOTES {
        let start = words[(i * 13) % words.len()];
        let end = text[start..]
            .char_indices()
            .filter(|&(_, c)| c == ' ')
            .nth(4)
            .map_or(text.len(), |(j, _)| start + j);
        let body = format!(
            "Note {i}: worth checking against the earlier report. #topic{}",
            i % 7
        );
        ids.push(nb.add(Span::new(start, end), &body, None).expect("add"));
    }
    (nb, ids)
}

fn save_notes(c: &mut Criterion) {
    let dir = tmpfs_dir();
    let store = Store::new(dir.path());
    let (mut nb, ids) = notebook_with_notes(&store);
    let id = nb.article_id().clone();
    let Ok(Read::Found(file)) = store.read(&id) else {
        panic!("the notes were saved");
    };
    assert_eq!(file.notes.len(), NOTES);

    let mut group = c.benchmark_group("notes");
    group.bench_function("serialise and atomically write 1000 notes", |b| {
        let lock = store.lock(&id).expect("lock");
        b.iter(|| store.write(black_box(&file), &lock).expect("write"));
    });
    let mut n = 0usize;
    group.bench_function("edit one of 1000 notes (lock, merge, write)", |b| {
        b.iter(|| {
            n += 1;
            nb.edit(ids[n % NOTES], &format!("edited {n} #bench"))
                .expect("edit");
        });
    });
    group.finish();
}

const LIBRARY: usize = 3_000;
const GUM: &str = include_str!("fixtures/gum-cc-by.txt");

/// News-size articles made of the GUM fixture's sentences: a title, then
/// 24 sentences picked with a seeded generator, so that any two share
/// little, as two articles do.
fn articles(n: usize) -> Vec<String> {
    let sentences: Vec<&str> = GUM
        .split(". ")
        .map(str::trim)
        .filter(|s| s.split_whitespace().count() >= 6)
        .collect();
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    (0..n)
        .map(|i| {
            let mut text = format!("Article number {i} of the library\n\n");
            for p in 0..24 {
                let s = sentences[(next() % sentences.len() as u64) as usize];
                text.push_str(s);
                text.push_str(if p % 4 == 3 { ".\n\n" } else { ". " });
            }
            text
        })
        .collect()
}

/// A store of `texts.len()` annotated articles, written as files (one
/// highlight each), as gloss writes them.
fn library(dir: &std::path::Path, texts: &[String]) -> Store {
    let clock = SystemClock;
    for (i, raw) in texts.iter().enumerate() {
        let id = ArticleId::Path(PathBuf::from(format!("/library/{i}.txt")));
        let article = gloss::article::clean(raw, &CleanOptions::default());
        let mut file = NotesFile::new(&id, None, text_hash(&article.text));
        file.notes.push(Note {
            id: clock.new_id(),
            created: clock.now(),
            updated: clock.now(),
            target: Target::of_span(&article.text, Span::new(0, 7)).expect("target"),
            body: String::new(),
            attachment: None,
            detached: false,
            detached_by: None,
        });
        let key = id.key();
        std::fs::write(
            dir.join(format!("{key}.notes.json")),
            serde_json::to_vec(&file).expect("json"),
        )
        .expect("write notes");
        std::fs::write(
            dir.join(format!("{key}.article.json")),
            serde_json::to_vec(&article).expect("json"),
        )
        .expect("write article");
    }
    Store::new(dir)
}

fn find_by_content(c: &mut Criterion) {
    let dir = tmpfs_dir();
    let texts = articles(LIBRARY + 1);
    let store = library(dir.path(), &texts[..LIBRARY]);
    let clean = |raw: &str| gloss::article::clean(raw, &CleanOptions::default()).text;
    let new = clean(&texts[LIBRARY]);
    let copy = clean(&texts[1234]);
    let edited = copy.replacen(". ", ". Indeed, ", 2);
    let here = ArticleId::Path(PathBuf::from("/elsewhere/article.txt"));
    // the first look-up builds the cache; then each finds what it should
    assert_eq!(by_content::find(&store, &new, &here), None);
    let found = by_content::find(&store, &copy, &here).expect("the copy's notes");
    assert_eq!(found.how, Match::Exact);
    let found = by_content::find(&store, &edited, &here).expect("the edited copy's notes");
    assert!(matches!(found.how, Match::Close { .. }), "{found:?}");

    let mut group = c.benchmark_group("notes by content, 3000 articles");
    // the folder as it is a while after the last change in it: the cache holds
    let settle = || {
        let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
        std::fs::File::open(dir.path())
            .and_then(|f| f.set_modified(hour_ago))
            .expect("folder time set");
    };
    settle();
    by_content::find(&store, &new, &here);
    group.bench_function("a new article (no match)", |b| {
        b.iter(|| by_content::find(&store, black_box(&new), &here));
    });
    group.bench_function("a copy (same text)", |b| {
        b.iter(|| by_content::find(&store, black_box(&copy), &here));
    });
    group.bench_function("an edited copy (close text)", |b| {
        b.iter(|| by_content::find(&store, black_box(&edited), &here));
    });
    // just after a change in the folder (a note saved): listed again
    let touch = || {
        std::fs::File::open(dir.path())
            .and_then(|f| f.set_modified(std::time::SystemTime::now()))
            .expect("folder time set");
    };
    group.bench_function("a new article, the folder just changed", |b| {
        b.iter_batched(
            touch,
            |()| by_content::find(&store, black_box(&new), &here),
            criterion::BatchSize::PerIteration,
        );
    });
    group.sample_size(10);
    let cache = dir.path().join("cache/content-index.json");
    group.bench_function("first look-up (builds the cache)", |b| {
        b.iter_batched(
            || std::fs::remove_file(&cache).expect("the cache is there"),
            |()| by_content::find(&store, black_box(&new), &here),
            criterion::BatchSize::PerIteration,
        );
    });
    group.finish();
}

criterion_group!(benches, save_notes, find_by_content);
criterion_main!(benches);
