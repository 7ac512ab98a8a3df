//! HTML extraction speed: a saved page to a clean article (parse, extract,
//! blocks, cleaning), as `gloss page.html` does before any analysis. Run:
//! `cargo bench --profile dist --bench extract`.
//!
//! The pages are Mozilla Readability's test pages, from the folder of
//! `GLOSS_READABILITY_PAGES` (default `../shared/data/readability-pages`,
//! one `NAME/source.html` per page); without them the bench says so and
//! measures nothing. First each page is extracted 15 times, and the median
//! page's time printed (the figure the target is about: at most 5 ms), with
//! the 90th percentile and the slowest page, twice: from each page's median
//! run, and from each page's fastest run (on a machine busy with other work
//! the fastest run is the closest to the cost). Criterion then times all
//! the pages one after another (`extract/all-pages`, throughput in bytes)
//! and the largest page alone.

use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use gloss::article::{CleanOptions, from_html};

/// The allocator the binary runs with (`src/main.rs`), so that timings match it.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn pages_dir() -> PathBuf {
    std::env::var_os("GLOSS_READABILITY_PAGES").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data/readability-pages"),
        PathBuf::from,
    )
}

/// Every page's name and HTML, by name.
fn pages() -> Vec<(String, String)> {
    let Ok(entries) = std::fs::read_dir(pages_dir()) else {
        return Vec::new();
    };
    let mut pages: Vec<(String, String)> = entries
        .flatten()
        .filter_map(|e| {
            let html = std::fs::read_to_string(e.path().join("source.html")).ok()?;
            Some((e.file_name().to_string_lossy().into_owned(), html))
        })
        .collect();
    pages.sort();
    pages
}

fn per_page_times(pages: &[(String, String)], options: &CleanOptions) {
    // each page's runs, sorted
    let runs: Vec<(Vec<Duration>, &str)> = pages
        .iter()
        .map(|(name, html)| {
            let mut times: Vec<Duration> = (0..15)
                .map(|_| {
                    let start = Instant::now();
                    black_box(from_html(black_box(html), None, options));
                    start.elapsed()
                })
                .collect();
            times.sort();
            (times, name.as_str())
        })
        .collect();
    for (which, pick) in [("median", 7), ("fastest", 0)] {
        let mut per_page: Vec<(Duration, &str)> = runs
            .iter()
            .map(|(times, name)| (times[pick], *name))
            .collect();
        per_page.sort();
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        let at = |q: usize| ms(per_page[(per_page.len() - 1) * q / 100].0);
        let (slowest, name) = per_page[per_page.len() - 1];
        println!(
            "extract: {} pages, each page's {which} of 15 runs: median page {:.2} ms, \
             p90 {:.2} ms, slowest {:.2} ms ({name})",
            per_page.len(),
            at(50),
            at(90),
            ms(slowest),
        );
    }
}

fn bench_extract(c: &mut Criterion) {
    let pages = pages();
    if pages.is_empty() {
        println!(
            "extract: no pages in {} (set GLOSS_READABILITY_PAGES); nothing measured",
            pages_dir().display()
        );
        return;
    }
    let options = CleanOptions::default();
    // patterns compiled and tables built before anything is timed
    for (_, html) in &pages {
        black_box(from_html(html, None, &options));
    }
    per_page_times(&pages, &options);

    let bytes: usize = pages.iter().map(|(_, html)| html.len()).sum();
    let mut group = c.benchmark_group("extract");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("all-pages", |b| {
        b.iter(|| {
            for (_, html) in &pages {
                black_box(from_html(black_box(html), None, &options));
            }
        });
    });
    let (name, largest) = pages
        .iter()
        .max_by_key(|(_, html)| html.len())
        .expect("pages are there");
    group.throughput(Throughput::Bytes(largest.len() as u64));
    group.bench_function(
        format!("largest ({name}, {} KB)", largest.len() / 1024),
        |b| {
            b.iter(|| black_box(from_html(black_box(largest), None, &options)));
        },
    );
    group.finish();
}

criterion_group!(benches, bench_extract);
criterion_main!(benches);
