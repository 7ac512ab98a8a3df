//! Running the real binary in a pseudo-terminal of 160×48 until its first
//! frame, for the start-up benchmarks (`ui_startup`, `library`).

use std::fs::File;
use std::io::Read;
use std::os::fd::OwnedFd;
use std::process::{Command, Stdio};

use rustix::pty::{OpenptFlags, grantpt, openpt, ptsname, unlockpt};
use rustix::termios::{Winsize, tcsetwinsize};

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

/// Run `gloss` with no argument (the library when `dirs` holds one, else the
/// bundled sample) in a fresh pseudo-terminal until it has drawn its first
/// frame and exited; `dirs` holds its `config` and `data` folders.
pub fn first_frame(dirs: &std::path::Path) {
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
