//! `gloss annotate` over a thousand articles: throughput in articles per
//! second with one thread and with every core, through the code the binary
//! runs for many inputs (`gloss::cli::annotate::annotate_batch`: the thread
//! pool, the window, the reordering, a JSON line per article), the output
//! thrown away. Run: `cargo bench --profile dist --bench batch`.
//!
//! The articles are given in memory, as `--jsonl` lines are (no file is
//! read): the documents of `fixtures/gum-cc-by.txt` (cut out at the offsets
//! of `fixtures/gum-cc-by-docs.tsv`) repeated to 1000, and, when the folder
//! is there, the same with the pages of Readability's tests mixed in
//! (`source.html` of each folder of `GLOSS_READABILITY_PAGES`, default
//! `../shared/data/readability-pages`; skipped when absent), given as HTML.
//! The ratio of the two thread counts' times is the speed-up on this machine.
//! `cargo bench --profile dist --bench batch -- batch/gum/` runs the GUM set
//! alone (a couple of minutes; the pages' set takes about 15).

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use gloss::cli::annotate::{Format, Item, Options, What, annotate_batch, thread_pool};
use gloss::config::Config;

/// The allocator the binary runs with (`src/main.rs`), so that timings match it.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const GUM: &str = include_str!("fixtures/gum-cc-by.txt");
const GUM_DOCS: &str = include_str!("fixtures/gum-cc-by-docs.tsv");

/// How many articles a run annotates.
const ARTICLES: usize = 1000;

/// The GUM fixture's documents, as text.
fn gum_documents() -> Vec<(String, Format)> {
    GUM_DOCS
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|line| {
            let mut cols = line.split('\t').skip(1).map(str::parse::<usize>);
            let (Some(Ok(start)), Some(Ok(len))) = (cols.next(), cols.next()) else {
                panic!("gum-cc-by-docs.tsv: bad line {line:?}");
            };
            (GUM[start..start + len].to_string(), Format::Text)
        })
        .collect()
}

/// The Readability test pages, as HTML, in folder name order; none when the
/// folder is absent.
fn readability_pages() -> Vec<(String, Format)> {
    let dir = std::env::var_os("GLOSS_READABILITY_PAGES")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data/readability-pages")
        });
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("batch: no pages in {} (skipped)", dir.display());
        return Vec::new();
    };
    let mut pages: Vec<PathBuf> = entries
        .filter_map(|e| Some(e.ok()?.path().join("source.html")))
        .filter(|p| p.is_file())
        .collect();
    pages.sort();
    pages
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .map(|html| (html, Format::Html))
        .collect()
}

/// The articles repeated (in turn) to `ARTICLES` items.
fn items(articles: &[(String, Format)]) -> Vec<Item> {
    articles
        .iter()
        .cycle()
        .take(ARTICLES)
        .enumerate()
        .map(|(i, (text, format))| Item {
            id: i.into(),
            what: What::Given {
                text: text.clone(),
                format: *format,
                url: None,
            },
        })
        .collect()
}

fn bench_set(c: &mut Criterion, name: &str, articles: &[(String, Format)], opts: &Options) {
    let once = items(articles);
    let bytes: usize = once
        .iter()
        .map(|item| match &item.what {
            What::Given { text, .. } => text.len(),
            _ => 0,
        })
        .sum();
    eprintln!(
        "batch/{name}: {} articles ({} distinct), {} bytes",
        ARTICLES,
        articles.len(),
        bytes
    );
    let mut group = c.benchmark_group(format!("batch/{name}"));
    // ten runs of a thousand articles are enough (and take long: the pages'
    // set about 15 minutes on 2 cores)
    group.sample_size(10);
    group.warm_up_time(std::time::Duration::from_secs(1));
    group.throughput(Throughput::Elements(ARTICLES as u64));
    for jobs in [1, 0] {
        let pool = thread_pool(jobs).expect("threads start");
        let label = match jobs {
            1 => "1 thread".to_string(),
            _ => format!("every core ({} threads)", pool.current_num_threads()),
        };
        group.bench_function(&label, |b| {
            b.iter_batched(
                || items(articles),
                |items| {
                    let tally =
                        annotate_batch(items.into_iter(), opts, &pool, &mut std::io::sink())
                            .expect("writes to a sink");
                    assert_eq!(tally.failed, 0);
                    black_box(tally)
                },
                criterion::BatchSize::PerIteration,
            )
        });
    }
    group.finish();
}

fn bench_batch(c: &mut Criterion) {
    let config = Config::defaults();
    let opts = Options {
        config: &config,
        parts: gloss::analysis::Parts::default(),
        explain: false,
        lexicon: None,
        store: None,
    };
    // compiled-in data loaded once, outside the timings
    let _ = gloss::analysis::lexicon::get();
    let _ = gloss::analysis::tagger::ner();
    let gum = gum_documents();
    bench_set(c, "gum", &gum, &opts);
    let pages = readability_pages();
    if !pages.is_empty() {
        // the pages among the GUM documents, one after another
        let mixed: Vec<_> = gum.iter().chain(&pages).cloned().collect();
        bench_set(c, "gum+pages", &mixed, &opts);
    }
}

criterion_group!(benches, bench_batch);
criterion_main!(benches);
