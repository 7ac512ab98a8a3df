//! Cleaning speed. Run: `cargo bench --profile dist --bench clean`.
//!
//! - `cold-start`: what opening an article costs before the analysis: the
//!   built-in configuration read (its cleaning patterns included) and the
//!   sample article cleaned, from nothing, every iteration;
//! - `news-1MB`: throughput on about 1 MB of varied text (the sample,
//!   `fixtures/harbour.txt` and the GUM news, interviews, court transcripts
//!   and abstracts of `fixtures/gum-cc-by.txt`, scraper junk between them),
//!   the options prepared once;
//! - `scraped-5MB`, `chinese-5MB`: a 5 MB scraped article (the sample
//!   repeated with junk of every kind) and 5 MB of plain Chinese text.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use gloss::article::{CleanOptions, clean};
use gloss::config::Config;
use gloss::source::SAMPLE;

/// The allocator the binary runs with (`src/main.rs`), so that timings match it.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const HARBOUR: &str = include_str!("fixtures/harbour.txt");
const GUM: &str = include_str!("fixtures/gum-cc-by.txt");

/// Scraper junk of every kind the defaults remove or repair.
const JUNK: &str = "\n\nImage\n\nA crew at work in Queens.CreditCreditJane Roe/The Ledger\n\nAdvertisement\n\n\
                    Sign up for the Daily newsletter.\n\nThe news you need, every morning.\n\n\
                    \x1b[1mBold\x1b[0m text with &amp;#39;entities&#39; and caf&eacute;s, don&#146;t.\n\n\
                    Share this article\n\n[ad_2]Source link\n\n";

/// `pieces` repeated, junk between them, until the text has `bytes` bytes.
fn repeated(pieces: &[&str], bytes: usize) -> String {
    let mut text = String::with_capacity(bytes + pieces.iter().map(|p| p.len()).sum::<usize>());
    while text.len() < bytes {
        for piece in pieces {
            text.push_str(piece);
            text.push_str(JUNK);
        }
    }
    text
}

/// About 1 MB: the sample, the harbour story and the GUM documents, repeated.
fn news_1mb() -> String {
    repeated(&[SAMPLE, HARBOUR, GUM], 1 << 20)
}

fn chinese_article() -> String {
    let paragraph = "市长周一表示，工程师完成最后一次检查后，隧道将在第一个温暖的日子之前开通。居民对此表示欢迎。\n\n市场反应\n\n";
    paragraph.repeat(5 * 1024 * 1024 / paragraph.len() + 1)
}

fn bench_cold_start(c: &mut Criterion) {
    let path = Path::new("(built-in config.toml)");
    c.bench_function("clean/cold-start", |b| {
        b.iter(|| {
            let config = Config::from_toml("", path).expect("the built-in configuration is valid");
            clean(black_box(SAMPLE), &config.clean)
        })
    });
}

fn bench_throughput(c: &mut Criterion) {
    let options = CleanOptions::default();
    let mut group = c.benchmark_group("clean");
    group.sample_size(20);
    for (name, text) in [
        ("news-1MB", news_1mb()),
        ("scraped-5MB", repeated(&[SAMPLE], 5 << 20)),
        ("chinese-5MB", chinese_article()),
    ] {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(name, |b| b.iter(|| clean(black_box(&text), &options)));
    }
    group.finish();
}

criterion_group!(benches, bench_cold_start, bench_throughput);
criterion_main!(benches);
