//! Writing a file so that a crash at any moment leaves either the old content
//! or the new, never a mix: a temporary file in the same directory, written
//! and flushed to disk, renamed over the old one, then the directory flushed.

use std::fs::File;
use std::io::{self, Write};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The environment variable of the fault-injection hook, the one seam
/// through which the tests simulate what root's permissions cannot: `STEP`
/// or `STEP:N` makes the process abort at `STEP` of its `N`th atomic write
/// (the first if `N` is not given); `STEP:N=FAULT` injects a fault there
/// instead: `enospc` (the disk is full) or `erofs` (read-only) fail the
/// write with that error, `hup` sends the process SIGHUP (the terminal was
/// closed). Steps: `create`, `write` (half the bytes written), `sync`,
/// `rename`, `dir-sync`. Used by the crash-safety and fault tests only.
pub const CRASH_HOOK_ENV: &str = "GLOSS_TEST_CRASH_AT";

static WRITES: AtomicUsize = AtomicUsize::new(0);

/// How an existing file at the destination is treated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Existing {
    Replace,
    /// Fail with `AlreadyExists` if the destination exists.
    Keep,
}

/// Atomically write `bytes` to `path`, readable and writable by the user
/// alone (0600). Temporary files are named `.{temp_prefix}.*.tmp`.
pub fn write(path: &Path, bytes: &[u8], temp_prefix: &str, existing: Existing) -> io::Result<()> {
    let write_no = WRITES.fetch_add(1, Ordering::SeqCst) + 1;
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let prefix = format!(".{temp_prefix}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o600));
    }
    let mut tmp = builder.tempfile_in(dir)?;
    crash_point("create", write_no)?;
    let half = bytes.len() / 2;
    tmp.write_all(&bytes[..half])?;
    crash_point("write", write_no)?;
    tmp.write_all(&bytes[half..])?;
    crash_point("sync", write_no)?;
    tmp.as_file().sync_all()?;
    crash_point("rename", write_no)?;
    match existing {
        Existing::Replace => tmp.persist(path).map_err(|e| e.error)?,
        Existing::Keep => tmp.persist_noclobber(path).map_err(|e| e.error)?,
    };
    crash_point("dir-sync", write_no)?;
    sync_dir(dir)
}

/// Make `dir` (and the folders above it that are missing) readable by the
/// user alone (0700); an existing folder that others may read or enter is
/// tightened to 0700. Every folder gloss keeps data in goes through here:
/// notes, drafts, locks, positions, the library.
pub fn private_dir(dir: &Path) -> io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(dir)?.permissions().mode();
        if mode & 0o077 != 0 {
            std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))?;
        }
    }
    Ok(())
}

/// Remove temporary files left by writes with `temp_prefix` that were
/// interrupted. Call only while holding the lock that serialises those writes.
pub fn remove_stale_temp_files(dir: &Path, temp_prefix: &str) {
    let prefix = format!(".{temp_prefix}.");
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with(&prefix) && name.ends_with(".tmp") {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

#[cfg(unix)]
fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> io::Result<()> {
    Ok(())
}

/// The hook of [`CRASH_HOOK_ENV`]: nothing unless the variable names this
/// step of this write.
fn crash_point(step: &str, write_no: usize) -> io::Result<()> {
    let Ok(spec) = std::env::var(CRASH_HOOK_ENV) else {
        return Ok(());
    };
    let (at, fault) = match spec.split_once('=') {
        Some((at, fault)) => (at, Some(fault)),
        None => (spec.as_str(), None),
    };
    let (want_step, want_no) = match at.split_once(':') {
        Some((s, n)) => (s, n.parse().unwrap_or(1)),
        None => (at, 1),
    };
    if want_step != step || want_no != write_no {
        return Ok(());
    }
    match fault {
        None => std::process::abort(),
        #[cfg(unix)]
        Some("enospc") => Err(io::Error::from_raw_os_error(libc::ENOSPC)),
        #[cfg(unix)]
        Some("erofs") => Err(io::Error::from_raw_os_error(libc::EROFS)),
        #[cfg(unix)]
        Some("hup") => {
            // SAFETY: raise() only sends a signal to this process
            unsafe { libc::raise(libc::SIGHUP) };
            Ok(())
        }
        Some(other) => Err(io::Error::other(format!("unknown fault {other}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_replace_and_keep_as_asked() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.json");
        write(&path, b"one", "a", Existing::Keep).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"one");
        let err = write(&path, b"two", "a", Existing::Keep).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(std::fs::read(&path).unwrap(), b"one");
        write(&path, b"three", "a", Existing::Replace).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"three");
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(left.len(), 1, "no temporary file is left behind");
    }

    #[cfg(unix)]
    #[test]
    fn files_are_private_to_the_user() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.json");
        write(&path, b"{}", "p", Existing::Replace).unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    #[cfg(unix)]
    #[test]
    fn private_folders_are_made_0700_and_looser_ones_tightened() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        let new = dir.path().join("a/b");
        private_dir(&new).unwrap();
        assert_eq!(mode(&new), 0o700);
        assert_eq!(mode(&dir.path().join("a")), 0o700);
        let loose = dir.path().join("loose");
        std::fs::create_dir(&loose).unwrap();
        std::fs::set_permissions(&loose, std::fs::Permissions::from_mode(0o755)).unwrap();
        private_dir(&loose).unwrap();
        assert_eq!(mode(&loose), 0o700);
    }

    #[test]
    fn stale_temp_files_of_one_prefix_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(".k1.abc.tmp"), "x").unwrap();
        std::fs::write(dir.path().join(".k2.abc.tmp"), "x").unwrap();
        remove_stale_temp_files(dir.path(), "k1");
        assert!(!dir.path().join(".k1.abc.tmp").exists());
        assert!(dir.path().join(".k2.abc.tmp").exists());
    }
}
