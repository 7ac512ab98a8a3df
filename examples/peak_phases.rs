//! For development: the peak memory of each phase of `gloss annotate` on one
//! file, counted by the allocator (live bytes; the RSS adds the program and
//! the allocator's slack).
//! `cargo run --release --example peak_phases -- FILE`
//!
//! Each line: the phase, its time, the live bytes when it ended and the
//! highest they reached during it. `scripts/hostile-shapes` measures the
//! whole program's peak RSS; this tells which phase makes it.
use std::alloc::{GlobalAlloc, Layout};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::time::Instant;

/// mimalloc, as the binary runs with, counting the bytes live.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let live = LIVE.fetch_add(layout.size(), Relaxed) + layout.size();
        PEAK.fetch_max(live, Relaxed);
        // SAFETY: the caller's layout, handed on
        unsafe { mimalloc::MiMalloc.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Relaxed);
        // SAFETY: allocated above with this layout
        unsafe { mimalloc::MiMalloc.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if new_size > layout.size() {
            let live = LIVE.fetch_add(new_size - layout.size(), Relaxed) + new_size - layout.size();
            PEAK.fetch_max(live, Relaxed);
        } else {
            LIVE.fetch_sub(layout.size() - new_size, Relaxed);
        }
        // SAFETY: allocated above with this layout
        unsafe { mimalloc::MiMalloc.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn mb(bytes: usize) -> f64 {
    bytes as f64 / 1e6
}

/// Run a phase and print its time, live and peak bytes.
fn phase<T>(name: &str, f: impl FnOnce() -> T) -> T {
    PEAK.store(LIVE.load(Relaxed), Relaxed);
    let start = Instant::now();
    let out = f();
    println!(
        "{name:<10} {:>8.2} s  live {:>8.1} MB  peak {:>8.1} MB",
        start.elapsed().as_secs_f64(),
        mb(LIVE.load(Relaxed)),
        mb(PEAK.load(Relaxed))
    );
    out
}

fn main() {
    let path = std::env::args().nth(1).expect("usage: peak_phases FILE");
    let config = gloss::config::Config::defaults();
    let _ = gloss::analysis::lexicon::get();
    let _ = gloss::analysis::tagger::ner();
    let source = phase("load", || {
        gloss::source::load(std::path::Path::new(&path)).expect("load")
    });
    let article = phase("clean", || {
        gloss::cli::annotate::source_to_article(&source, &config.clean)
    });
    drop(source);
    let doc = phase("doc", || gloss::analysis::doc::Doc::new(&article));
    drop(doc);
    let analysis = phase("analyze", || gloss::analysis::analyze(&article));
    let doc = gloss::Document { article, analysis };
    phase("json", || {
        gloss::annotate::write_json(&doc, std::io::sink()).expect("json")
    });
}
