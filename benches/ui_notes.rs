//! Notes in the reader with 1,000 notes on the article: drawing a frame at
//! 160×48 (TestBackend; highlights, margin marks and the Notes pane), against
//! the same frame without notes; and what a key press that saves costs (`h`
//! then `u`: two saves of 1,000 notes through the store, on tmpfs when there
//! is one, so that the disk's fsync latency is not what is measured).
//!
//!     cargo bench --profile dist --bench ui_notes

use std::hint::black_box;
use std::sync::Arc;

use criterion::{Criterion, criterion_group, criterion_main};
use gloss::Document;
use gloss::article_id::ArticleId;
use gloss::notes::{Clock, FixedClock, Note, Notebook, Store, Target};
use gloss::ui::note_taking::NoteAction;
use gloss::ui::passage::Reading;
use gloss::ui::settings::ReaderSettings;
use gloss::ui::theme::ColorEnv;
use gloss::ui::{Action, App, Pane, draw, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The allocator the binary runs with (`src/main.rs`), so that timings match it.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const NOTES: usize = 1_000;

/// The sample article, repeated until it has well over 1,000 sentences.
fn document() -> Document {
    let clean = gloss::config::Config::defaults().clean;
    let sample = Document::from_text(gloss::source::SAMPLE, &clean);
    let body = &sample.article.text[sample.article.blocks[1].span.start..];
    let mut raw = String::from("Notes on a long article\n\n");
    while raw.len() < 60 * gloss::source::SAMPLE.len() {
        raw.push_str(body);
        raw.push_str("\n\n");
    }
    Document::from_text(&raw, &clean)
}

fn temp_dir() -> tempfile::TempDir {
    let shm = std::path::Path::new("/dev/shm");
    if shm.is_dir() {
        tempfile::tempdir_in(shm).expect("temporary directory on tmpfs")
    } else {
        tempfile::tempdir().expect("temporary directory")
    }
}

fn env() -> ColorEnv {
    ColorEnv {
        no_color: false,
        truecolor: true,
        light_background: false,
    }
}

/// A reader with `NOTES` notes (every other sentence but the first; a third
/// of them with words and a tag), scrolled to the middle.
fn reader(dir: &std::path::Path, with_notes: bool) -> App {
    let doc = document();
    let clock: Arc<dyn Clock> = Arc::new(FixedClock::new(chrono::Utc::now()));
    let store = Store::new(dir);
    let id = ArticleId::Url("https://example.org/long".into());
    let units = Reading::new(&doc).units;
    assert!(units.len() > 2 * NOTES + 2, "{} sentences", units.len());
    if with_notes {
        let (mut notebook, _) =
            Notebook::open(store.clone(), id.clone(), &doc.article, clock.clone()).expect("open");
        let notes: Vec<Note> = (0..NOTES)
            .map(|i| {
                let now = clock.now();
                Note {
                    id: clock.new_id(),
                    created: now,
                    updated: now,
                    target: Target::of_span(&doc.article.text, units[2 + 2 * i]).expect("target"),
                    body: if i % 3 == 0 {
                        format!("Note {i} on this passage #topic{}", i % 7)
                    } else {
                        String::new()
                    },
                    attachment: None,
                    detached: false,
                    detached_by: None,
                }
            })
            .collect();
        notebook.merge_notes(notes).expect("saved");
    }
    let mut app = App::new(doc, &ReaderSettings::default(), env(), 160, 48).expect("keys");
    gloss::ui::note_taking::open(&mut app, store, id, clock);
    update(&mut app, Action::FocusPane(Pane::Notes));
    for _ in 0..NOTES / 2 {
        update(&mut app, Action::Down);
    }
    app
}

fn frame(c: &mut Criterion) {
    let dir = temp_dir();
    let empty_dir = temp_dir();
    let with = reader(dir.path(), true);
    let without = reader(empty_dir.path(), false);
    assert_eq!(with.notes.visible().len(), NOTES);
    let mut terminal = Terminal::new(TestBackend::new(160, 48)).expect("backend");
    c.bench_function("frame 160x48, 1000 notes", |b| {
        b.iter(|| terminal.draw(|f| draw(black_box(&with), f)).map(|_| ()))
    });
    c.bench_function("frame 160x48, no notes", |b| {
        b.iter(|| terminal.draw(|f| draw(black_box(&without), f)).map(|_| ()))
    });
}

fn save(c: &mut Criterion) {
    let dir = temp_dir();
    let mut app = reader(dir.path(), true);
    update(&mut app, Action::FocusPane(Pane::Article));
    // The first sentence has no note: `h` adds one, `u` takes it away.
    update(&mut app, Action::Top);
    c.bench_function("h then u with 1000 notes (two saves, tmpfs)", |b| {
        b.iter(|| {
            update(&mut app, Action::Notes(NoteAction::Highlight));
            update(&mut app, Action::Notes(NoteAction::Undo));
        })
    });
    assert_eq!(app.notes.visible().len(), NOTES);
}

criterion_group!(benches, frame, save);
criterion_main!(benches);
