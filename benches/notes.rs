//! Saving notes must never block the reader: serialise and atomically write
//! the notes of an article with 1,000 notes. Run on tmpfs (/dev/shm when it
//! exists) so that the disk's fsync latency is not what is measured.
//!
//!     cargo bench --profile dist --bench notes

use std::hint::black_box;
use std::path::PathBuf;
use std::sync::Arc;

use criterion::{Criterion, criterion_group, criterion_main};
use gloss::Document;
use gloss::article::CleanOptions;
use gloss::article_id::ArticleId;
use gloss::notes::store::{Read, Store};
use gloss::notes::{Notebook, SystemClock};
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

criterion_group!(benches, save_notes);
criterion_main!(benches);
