//! Annotation speed on about 1 MB of English text: clean + analyze (what
//! `gloss annotate` does), with the tagger and rules (the default) and with
//! the rules alone (`gloss annotate --names rules`), and analyze alone on
//! the cleaned article.
//! Run: `cargo bench --profile dist --bench annotate` (throughput in bytes of input).
//!
//! The text is `fixtures/gum-cc-by.txt` (254 KB: the news, interview, court
//! and academic documents of GUM train, CC BY; see `fixtures/README.md`)
//! repeated four times as one article, about 1 MB. Repetition leaves the
//! vocabulary that of 254 KB of text, so per-word caches hit somewhat more
//! often than on 1 MB of distinct articles.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use gloss::analysis::{Parts, analyze, analyze_with};
use gloss::article::clean;
use gloss::config::Config;

/// The allocator the binary runs with (`src/main.rs`), so that timings match it.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const FIXTURE: &str = include_str!("fixtures/gum-cc-by.txt");
const TARGET_BYTES: usize = 1_000_000;

fn one_megabyte() -> String {
    let mut text = String::with_capacity(TARGET_BYTES + FIXTURE.len());
    while text.len() < TARGET_BYTES {
        text.push_str(FIXTURE);
    }
    text
}

fn bench_annotate(c: &mut Criterion) {
    let raw = one_megabyte();
    let options = Config::defaults().clean;
    // compiled-in data loaded once, outside the timings
    let _ = gloss::analysis::lexicon::get();
    let _ = gloss::analysis::tagger::ner();
    let article = clean(&raw, &options);
    let mut group = c.benchmark_group("annotate");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(raw.len() as u64));
    group.bench_function("clean+analyze 1MB", |b| {
        b.iter(|| analyze(&clean(black_box(&raw), &options)))
    });
    let rules = Parts {
        rules: true,
        tagger: false,
        ..Parts::default()
    };
    group.bench_function("clean+analyze rules only 1MB", |b| {
        b.iter(|| analyze_with(&clean(black_box(&raw), &options), rules))
    });
    group.bench_function("analyze 1MB", |b| b.iter(|| analyze(black_box(&article))));
    group.finish();
}

criterion_group!(benches, bench_annotate);
criterion_main!(benches);
