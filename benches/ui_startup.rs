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

use std::fs::File;
use std::io::Read;
use std::os::fd::OwnedFd;
use std::process::{Command, Stdio};

use criterion::{Criterion, criterion_group, criterion_main};
use rustix::pty::{OpenptFlags, grantpt, openpt, ptsname, unlockpt};
use rustix::termios::{Winsize, tcsetwinsize};

/// The allocator the binary runs with (`src/main.rs`), so that timings match it.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// A pseudo-terminal: the controller end, and the path of the terminal end.
fn pty() -> (OwnedFd, String) {
    let controller = openpt(OpenptFlags::RDWR | OpenptFlags::NOCTTY).expect("openpt");
    grantpt(&controller).expect("grantpt");
    unlockpt(&controller).expect("unlockpt");
    let name = ptsname(&controller, Vec::new()).expect("ptsname");
    let size = Winsize {
        ws_row: 48,
        ws_col: 160,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    tcsetwinsize(&controller, size).expect("window size");
    (controller, name.to_string_lossy().into_owned())
}

/// Run gloss on the sample in a fresh pseudo-terminal until it has drawn its
/// first frame and exited.
fn first_frame(dirs: &std::path::Path) {
    let (controller, terminal) = pty();
    let open = || {
        File::options()
            .read(true)
            .write(true)
            .open(&terminal)
            .expect("open pty")
    };
    let (stdin, stdout, stderr) = (open(), open(), open());
    // Read everything gloss writes, so it never blocks on a full buffer.
    let mut reader = File::from(controller);
    let drain = std::thread::spawn(move || {
        let mut sink = [0u8; 65536];
        while matches!(reader.read(&mut sink), Ok(n) if n > 0) {}
    });
    let status = Command::new(env!("CARGO_BIN_EXE_gloss"))
        .env("GLOSS_EXIT_AFTER_FIRST_FRAME", "1")
        .env("XDG_CONFIG_HOME", dirs.join("config"))
        .env("XDG_DATA_HOME", dirs.join("data"))
        .env("TERM", "xterm-256color")
        .stdin(Stdio::from(stdin))
        .stdout(Stdio::from(stdout))
        .stderr(Stdio::from(stderr))
        .status()
        .expect("gloss runs");
    assert!(status.success(), "gloss exited with {status}");
    // The terminal end is closed now: the reader sees end of file (or EIO).
    drain.join().expect("drain");
}

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
