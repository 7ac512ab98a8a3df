//! Annotation speed on news-size articles (2–20 KB each), one at a time:
//! clean + analyze of each, as `gloss annotate` does per file, with the
//! tagger and rules (the default) and with the rules alone. Per-article costs
//! that a 1 MB text hides (a pattern compiled, a per-document table built)
//! show here. Run: `cargo bench --profile dist --bench articles`.
//!
//! The articles are the documents of `fixtures/gum-cc-by.txt` (GUM train:
//! news, interviews, court transcripts, abstracts; CC BY, see
//! `fixtures/README.md`), cut out of it at the offsets of
//! `fixtures/gum-cc-by-docs.tsv`, those of 2 to 20 KB. Criterion reports the
//! time for all of them and the throughput in bytes; `per article` reports
//! articles per second.
//!
//! With `GLOSS_EVAL_ARTICLES=DIR`, the files of `DIR` (2–20 KB each) are
//! benched too, read from there (for measuring on texts that may not be
//! copied into the repository).

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use gloss::analysis::{Parts, analyze, analyze_with};
use gloss::article::{CleanOptions, clean};
use gloss::config::Config;

/// The allocator the binary runs with (`src/main.rs`), so that timings match it.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const GUM: &str = include_str!("fixtures/gum-cc-by.txt");
const GUM_DOCS: &str = include_str!("fixtures/gum-cc-by-docs.tsv");

/// News-size: from 2 KB to 20 KB.
const SIZES: std::ops::RangeInclusive<usize> = 2_000..=20_000;

/// The GUM documents of news size, cut out of the fixture.
fn gum_articles() -> Vec<String> {
    GUM_DOCS
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|line| {
            let mut cols = line.split('\t').skip(1).map(str::parse::<usize>);
            let (Some(Ok(start)), Some(Ok(len))) = (cols.next(), cols.next()) else {
                panic!("gum-cc-by-docs.tsv: bad line {line:?}");
            };
            SIZES
                .contains(&len)
                .then(|| GUM[start..start + len].to_string())
        })
        .collect()
}

/// The files of `dir` of news size, in name order.
fn articles_in(dir: &Path) -> Vec<String> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("GLOSS_EVAL_ARTICLES={}: {e}", dir.display()))
        .filter_map(|entry| Some(entry.ok()?.path()))
        .filter(|p| p.is_file())
        .collect();
    paths.sort();
    paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .filter(|text| SIZES.contains(&text.len()))
        .collect()
}

fn bench_set(c: &mut Criterion, name: &str, articles: &[String], options: &CleanOptions) {
    if articles.is_empty() {
        eprintln!("{name}: no articles of 2-20 KB");
        return;
    }
    let bytes: usize = articles.iter().map(String::len).sum();
    eprintln!(
        "{name}: {} articles, {} bytes in all (time per article = time / {})",
        articles.len(),
        bytes,
        articles.len()
    );
    let rules = Parts {
        rules: true,
        tagger: false,
        ..Parts::default()
    };
    let mut group = c.benchmark_group(format!("articles/{name}"));
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("clean+analyze", |b| {
        b.iter(|| {
            for raw in articles {
                black_box(analyze(&clean(black_box(raw), options)));
            }
        })
    });
    group.bench_function("clean+analyze rules only", |b| {
        b.iter(|| {
            for raw in articles {
                black_box(analyze_with(&clean(black_box(raw), options), rules));
            }
        })
    });
    group.throughput(Throughput::Elements(articles.len() as u64));
    group.bench_function("clean+analyze per article", |b| {
        b.iter(|| {
            for raw in articles {
                black_box(analyze(&clean(black_box(raw), options)));
            }
        })
    });
    group.finish();
}

fn bench_articles(c: &mut Criterion) {
    let options = Config::defaults().clean;
    // compiled-in data loaded once, outside the timings
    let _ = gloss::analysis::lexicon::get();
    let _ = gloss::analysis::tagger::ner();
    bench_set(c, "gum", &gum_articles(), &options);
    if let Some(dir) = std::env::var_os("GLOSS_EVAL_ARTICLES") {
        bench_set(c, "eval", &articles_in(Path::new(&dir)), &options);
    }
}

criterion_group!(benches, bench_articles);
criterion_main!(benches);
