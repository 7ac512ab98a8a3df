//! For development: time each phase of annotate on one file.
//! `cargo run --release --example phases -- FILE [RUNS]`
//!
//! Each phase runs RUNS times (default 5); the fastest run is shown, which on
//! a busy machine is the closest to the real cost.
use std::time::{Duration, Instant};

/// The allocator the binary runs with (`src/main.rs`), so that timings match it.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn fastest<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut best = Duration::MAX;
    let mut out = None;
    for _ in 0..runs.max(1) {
        let t = Instant::now();
        let v = f();
        best = best.min(t.elapsed());
        out = Some(v);
    }
    (best, out.expect("ran at least once"))
}

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: phases FILE [RUNS]");
    let runs: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(5);
    let raw = std::fs::read_to_string(&path).expect("read");
    let opts = gloss::config::Config::defaults().clean;
    let _ = gloss::analysis::lexicon::get();
    let _ = gloss::analysis::tagger::ner();
    let (t_clean, article) = fastest(runs, || gloss::article::clean(&raw, &opts));
    let (t_doc, doc) = fastest(runs, || gloss::analysis::doc::Doc::new(&article));
    let words: Vec<&str> = doc.tokens.iter().map(|tk| tk.text(doc.text)).collect();
    let ranges: Vec<_> = doc.sentences.iter().map(|s| s.tokens.clone()).collect();
    let (t_ner, _) = fastest(runs, || {
        gloss::analysis::tagger::ner().tag_article(&words, &ranges)
    });
    let (t_names, drafts) = fastest(runs, || {
        gloss::analysis::names::resolve(&doc, gloss::analysis::lexicon::get(), None)
    });
    let (t_all, _) = fastest(runs, || gloss::analysis::analyze(&article));
    let mb = raw.len() as f64 / 1e6;
    println!(
        "{:.2} MB, {} tokens, {} entities; fastest of {runs}: clean {:?}, doc {:?} (ner {:?}), names {:?}, analyze {:?} ({:.1} MB/s); clean+analyze {:.2} MB/s",
        mb,
        doc.tokens.len(),
        drafts.len(),
        t_clean,
        t_doc,
        t_ner,
        t_names,
        t_all,
        mb / t_all.as_secs_f64(),
        mb / (t_clean + t_all).as_secs_f64()
    );
}
