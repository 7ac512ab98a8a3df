//! For development: clean + analyze one file many times and print the
//! fastest and the median run, with the rules alone or with the tagger.
//! `cargo run --release --example repeat -- FILE [RUNS] [--tagger]`
//!
//! Two builds compare best run against run, taken in turns (one, then the
//! other, several times over): on a busy machine the ratio of their medians
//! is steadier than either time.
use std::time::Instant;

/// The allocator the binary runs with (`src/main.rs`), so that timings match it.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let tagger = args.iter().any(|a| a == "--tagger");
    let mut plain = args.iter().filter(|a| !a.starts_with("--"));
    let path = plain.next().expect("usage: repeat FILE [RUNS] [--tagger]");
    let runs: usize = plain.next().and_then(|r| r.parse().ok()).unwrap_or(20);
    let raw = std::fs::read_to_string(path).expect("read");
    let options = gloss::config::Config::defaults().clean;
    let parts = gloss::analysis::Parts {
        rules: true,
        tagger,
        ..gloss::analysis::Parts::default()
    };
    // compiled-in data loaded once, outside the timings
    let _ = gloss::analysis::lexicon::get();
    if tagger {
        let _ = gloss::analysis::tagger::ner();
    }
    let mut times: Vec<f64> = (0..runs.max(1))
        .map(|_| {
            let start = Instant::now();
            let analysis =
                gloss::analysis::analyze_with(&gloss::article::clean(&raw, &options), parts);
            std::hint::black_box(analysis);
            start.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    times.sort_by(f64::total_cmp);
    let median = times[times.len() / 2];
    println!(
        "fastest {:.1} ms, median {:.1} ms of {} ({:.2} MB/s at the median)",
        times[0],
        median,
        times.len(),
        raw.len() as f64 / 1e6 / (median / 1e3)
    );
}
