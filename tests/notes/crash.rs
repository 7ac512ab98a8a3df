//! Crash safety and concurrent writers, with real processes.
//!
//! The writer is this test binary run again on its ignored `writer_process`
//! test: it adds notes one by one and prints `ACK <id>` after each save
//! returned. The save's test hook (`GLOSS_TEST_CRASH_AT=STEP:N`) aborts the
//! process at a chosen step of its Nth atomic write, so every point of the
//! save is hit deterministically, not by chance timing.

use std::collections::HashSet;
use std::io::Write as _;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::sync::Arc;

use gloss::Document;
use gloss::article::CleanOptions;
use gloss::article_id::ArticleId;
use gloss::notes::atomic::CRASH_HOOK_ENV;
use gloss::notes::store::{Read, Store};
use gloss::notes::{Notebook, SystemClock};
use gloss::span::Span;

const ARTICLE: &str = include_str!("../fixtures/notes_article.txt");
const DIR_ENV: &str = "GLOSS_TEST_WRITER_DIR";
const COUNT_ENV: &str = "GLOSS_TEST_WRITER_COUNT";
const NAME_ENV: &str = "GLOSS_TEST_WRITER_NAME";

fn article_id() -> ArticleId {
    ArticleId::Url("https://news.example/kelmarsh".into())
}

/// Word spans of the article, to put notes on.
fn word_spans(text: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                spans.push(Span::new(s, i));
                start = None;
            }
            _ => {}
        }
    }
    spans
}

/// Run as a child process only (see the module comment).
#[test]
#[ignore = "helper process for the crash and concurrency tests"]
fn writer_process() {
    let dir = std::env::var(DIR_ENV).expect("writer dir");
    let count: usize = std::env::var(COUNT_ENV).expect("count").parse().unwrap();
    let name = std::env::var(NAME_ENV).unwrap_or_default();
    let doc = Document::from_text(ARTICLE, &CleanOptions::default());
    let (mut nb, _) = Notebook::open(
        Store::new(dir),
        article_id(),
        &doc.article,
        Arc::new(SystemClock),
    )
    .unwrap();
    let words = word_spans(&doc.article.text);
    let mut out = std::io::stdout().lock();
    for i in 0..count {
        let span = words[(i * 7 + name.len()) % words.len()];
        let id = nb
            .add(span, &format!("{name} note {i}"), None)
            .unwrap_or_else(|e| panic!("{e}"));
        writeln!(out, "ACK {id}").unwrap();
        out.flush().unwrap();
    }
}

/// The writer's test name as libtest knows it: its module path inside the
/// test binary (`crash::writer_process`), without the binary's own name.
fn writer_test_name() -> String {
    match module_path!().split_once("::") {
        Some((_binary, module)) => format!("{module}::writer_process"),
        None => "writer_process".to_string(),
    }
}

fn run_writer(dir: &Path, name: &str, count: usize, crash_at: Option<&str>) -> Command {
    let mut cmd = Command::new(std::env::current_exe().unwrap());
    cmd.args([
        writer_test_name().as_str(),
        "--exact",
        "--ignored",
        "--nocapture",
        "--test-threads=1",
    ])
    .env(DIR_ENV, dir)
    .env(COUNT_ENV, count.to_string())
    .env(NAME_ENV, name)
    .env_remove(CRASH_HOOK_ENV)
    .stdout(Stdio::piped())
    .stderr(Stdio::piped());
    if let Some(spec) = crash_at {
        cmd.env(CRASH_HOOK_ENV, spec);
    }
    cmd
}

fn acks(output: &Output) -> Vec<String> {
    String::from_utf8_lossy(&output.stdout)
        .lines()
        // libtest may print "test crash::writer_process ... " before the first line.
        .filter_map(|l| l.split_once("ACK ").map(|(_, id)| id.trim().to_string()))
        .collect()
}

/// The ids in the store; panics if the notes file does not parse.
fn stored_ids(dir: &Path) -> HashSet<String> {
    match Store::new(dir).read(&article_id()).unwrap() {
        Read::Missing => HashSet::new(),
        Read::Found(file) => file.notes.iter().map(|n| n.id.to_string()).collect(),
        Read::Corrupt { reason, .. } => panic!("the notes file was left broken: {reason}"),
    }
}

#[cfg(unix)]
fn killed_by_abort(output: &Output) -> bool {
    use std::os::unix::process::ExitStatusExt;
    output.status.signal() == Some(6)
}

#[cfg(not(unix))]
fn killed_by_abort(output: &Output) -> bool {
    !output.status.success()
}

#[test]
fn a_crash_at_any_step_of_a_save_keeps_every_acknowledged_note() {
    let dir = tempfile::tempdir().unwrap();
    let mut acknowledged: HashSet<String> = HashSet::new();
    // The first save writes the article snapshot (write 1) and the notes
    // (write 2); each later save writes the notes once.
    for write_no in 1..=4 {
        for step in ["create", "write", "sync", "rename", "dir-sync"] {
            let spec = format!("{step}:{write_no}");
            let output = run_writer(dir.path(), "crash", 5, Some(&spec))
                .output()
                .unwrap();
            assert!(
                killed_by_abort(&output),
                "{spec}: the writer should have aborted; stderr: {}",
                String::from_utf8_lossy(&output.stderr)
            );
            acknowledged.extend(acks(&output));
            let stored = stored_ids(dir.path());
            let lost: Vec<_> = acknowledged.difference(&stored).collect();
            assert!(lost.is_empty(), "{spec}: acknowledged notes lost: {lost:?}");
        }
    }
    assert!(!acknowledged.is_empty());

    // A clean run afterwards removes the temporary files the crashes left.
    let output = run_writer(dir.path(), "clean", 1, None).output().unwrap();
    assert!(output.status.success());
    let temp_files = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .count();
    assert_eq!(temp_files, 0);
}

#[test]
fn two_processes_writing_at_once_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let a = run_writer(dir.path(), "alpha", 25, None).spawn().unwrap();
    let b = run_writer(dir.path(), "beta", 25, None).spawn().unwrap();
    let (a, b) = (a.wait_with_output().unwrap(), b.wait_with_output().unwrap());
    assert!(a.status.success(), "{}", String::from_utf8_lossy(&a.stderr));
    assert!(b.status.success(), "{}", String::from_utf8_lossy(&b.stderr));
    let (acks_a, acks_b) = (acks(&a), acks(&b));
    assert_eq!((acks_a.len(), acks_b.len()), (25, 25));
    let stored = stored_ids(dir.path());
    assert_eq!(stored.len(), 50);
    for id in acks_a.iter().chain(&acks_b) {
        assert!(stored.contains(id), "note {id} was lost");
    }
}

/// Faults injected at the one seam of every save (`GLOSS_TEST_CRASH_AT`
/// with `=FAULT`), since the tests run as root, where permissions stop no
/// write: the disk full or read-only mid-save fails that save with a
/// message naming the file and the reason, and every note saved before is
/// intact; the terminal closed (SIGHUP) mid-save kills the process and
/// leaves the last saved notes whole.
#[test]
fn a_full_or_read_only_disk_or_a_hangup_mid_save_keeps_the_notes_and_says_so() {
    for (fault, says) in [
        ("enospc", "No space left on device"),
        ("erofs", "Read-only file system"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        // writes 1 and 2 are the first save; the second note's save is write 3
        let output = run_writer(dir.path(), "f", 5, Some(&format!("write:3={fault}")))
            .output()
            .unwrap();
        assert!(!output.status.success(), "{fault}: the save failed");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.contains("cannot save") && stderr.contains(says),
            "{fault}: {stderr}"
        );
        let acked: HashSet<String> = acks(&output).into_iter().collect();
        assert_eq!(acked.len(), 1, "{fault}");
        assert_eq!(
            stored_ids(dir.path()),
            acked,
            "{fault}: the saved note intact"
        );
    }
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        let dir = tempfile::tempdir().unwrap();
        let output = run_writer(dir.path(), "h", 5, Some("rename:4=hup"))
            .output()
            .unwrap();
        assert_eq!(output.status.signal(), Some(1), "killed by SIGHUP");
        let acked: HashSet<String> = acks(&output).into_iter().collect();
        assert_eq!(acked.len(), 2);
        assert_eq!(stored_ids(dir.path()), acked, "the saved notes intact");
        // the half-done save's temporary file goes at the next save
        let store = Store::new(dir.path());
        drop(store.lock(&article_id()).unwrap());
        let left: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
            .collect();
        assert!(left.is_empty(), "{left:?}");
    }
}
