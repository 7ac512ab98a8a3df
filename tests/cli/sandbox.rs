//! What every command-line test uses: a sandbox with its own empty config
//! and data directories, the real binary run in it, and readers of its output.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

/// The environment variables that choose a proxy (and their upper-case twins).
pub const PROXY_VARIABLES: [&str; 4] = ["http_proxy", "https_proxy", "all_proxy", "no_proxy"];

/// A sandbox: empty XDG config and data directories, a working directory.
pub struct Sandbox {
    dir: tempfile::TempDir,
}

impl Sandbox {
    pub fn new() -> Sandbox {
        let dir = tempfile::tempdir().expect("temp dir");
        for sub in ["config", "data", "work"] {
            std::fs::create_dir(dir.path().join(sub)).expect("create dir");
        }
        Sandbox { dir }
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    pub fn write(&self, rel: &str, bytes: &[u8]) -> PathBuf {
        let path = self.path(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create dir");
        }
        std::fs::write(&path, bytes).expect("write file");
        path
    }

    pub fn command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_gloss"));
        cmd.args(args)
            .current_dir(self.path("work"))
            .env("XDG_CONFIG_HOME", self.path("config"))
            .env("XDG_DATA_HOME", self.path("data"))
            .env("HOME", self.dir.path())
            .env_remove("GLOSS_LEXICON")
            .stdin(Stdio::null());
        // web pages come from 127.0.0.1 directly, whatever the test run's proxy
        for var in PROXY_VARIABLES {
            cmd.env_remove(var).env_remove(var.to_ascii_uppercase());
        }
        cmd
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.command(args).output().expect("gloss runs")
    }

    pub fn run_with_stdin(&self, args: &[&str], input: &[u8]) -> Output {
        let mut child = self
            .command(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("gloss starts");
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(input)
            .expect("write stdin");
        child.wait_with_output().expect("gloss ends")
    }
}

pub fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("stdout is UTF-8")
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).expect("stderr is UTF-8")
}

/// A failed run: exit code 1 and exactly one line on stderr, which is returned.
pub fn one_line_error(out: &Output) -> String {
    assert_eq!(out.status.code(), Some(1), "stderr: {}", stderr(out));
    let err = stderr(out);
    assert_eq!(err.lines().count(), 1, "one line: {err:?}");
    assert!(err.starts_with("gloss: "), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    err.trim_end().to_string()
}

/// A run that succeeded (else its stderr is shown).
pub fn ok(out: &Output) {
    assert!(out.status.success(), "stderr: {}", stderr(out));
}
