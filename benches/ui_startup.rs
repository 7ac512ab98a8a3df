//! Start-up of the real binary: from `exec` to the first frame drawn on the
//! bundled sample, in a pseudo-terminal of 160×48. The reader exits right
//! after that frame when `GLOSS_EXIT_AFTER_FIRST_FRAME` is set. The analysis
//! runs on its own thread; the first frame waits for it for at most
//! `ui::background::GRACE`, so a short article like the sample opens with its
//! panes filled. Two baselines: the same binary with stdout a pipe (loading
//! and cleaning, then the clean text printed: no reader, no analysis) and a
//! bare `exec`.
//!
//!     cargo bench --profile dist --bench ui_startup

use std::process::{Command, Stdio};

use criterion::{Criterion, criterion_group, criterion_main};
#[path = "support/pty.rs"]
mod pty;
use pty::first_frame;

/// The allocator the binary runs with (`src/main.rs`), so that timings match it.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn benches(c: &mut Criterion) {
    let dirs = tempfile::tempdir().expect("temp dir");
    let mut group = c.benchmark_group("startup");
    group.sample_size(50);
    group.bench_function(
        "gloss on the sample: exec to first frame (160x48 pty)",
        |b| b.iter(|| first_frame(dirs.path())),
    );
    // Without a terminal: load, clean, print the text (nothing is analysed).
    // The difference to the run above is the analysis and the reader.
    group.bench_function(
        "baseline: gloss on the sample, stdout a pipe (no reader)",
        |b| {
            b.iter(|| {
                let out = Command::new(env!("CARGO_BIN_EXE_gloss"))
                    .env("XDG_CONFIG_HOME", dirs.path().join("config"))
                    .env("XDG_DATA_HOME", dirs.path().join("data"))
                    .stdin(Stdio::null())
                    .stderr(Stdio::null())
                    .output()
                    .expect("gloss runs");
                assert!(out.status.success());
            })
        },
    );
    group.bench_function("baseline: exec of /bin/true", |b| {
        b.iter(|| Command::new("true").status().expect("true runs"))
    });
    group.finish();
}

criterion_group!(ui_startup, benches);
criterion_main!(ui_startup);
