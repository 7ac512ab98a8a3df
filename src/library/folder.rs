//! `gloss DIR`: a folder's articles as a list of the library's kind,
//! without keeping them (an article opened from it is kept, as any article
//! read is).

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::article::CleanOptions;
use crate::article_id::ArticleId;

/// A readable article of the folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FolderFile {
    pub path: PathBuf,
    /// Its title (else the start of its first line, else its name).
    pub title: String,
    /// When the file was last changed, seconds since the epoch.
    pub modified: i64,
}

/// The articles of `dir`, newest file first: its regular files that read
/// as articles (text or HTML, at most `max_bytes`); files that do not
/// (binary, empty, too large) and sub-folders are left out.
pub fn list(dir: &Path, max_bytes: u64, clean: &CleanOptions) -> std::io::Result<Vec<FolderFile>> {
    let mut files: Vec<(PathBuf, i64)> = std::fs::read_dir(dir)?
        .flatten()
        .filter_map(|e| {
            let path = e.path();
            let meta = std::fs::metadata(&path).ok()?;
            let modified = meta
                .modified()
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_secs() as i64);
            meta.is_file().then_some((path, modified))
        })
        .collect();
    files.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    Ok(files
        .into_par_iter()
        .filter_map(|(path, modified)| {
            let source = crate::source::load_limited(&path, max_bytes).ok()?;
            let article = source.to_article(clean);
            if article.text.trim().is_empty() {
                return None;
            }
            let title = super::store::title_of(&article, &ArticleId::for_path(&path));
            Some(FolderFile {
                path,
                title,
                modified,
            })
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folders_readable_articles_newest_first_others_left_out() {
        let dir = tempfile::tempdir().expect("temp dir");
        let write = |name: &str, bytes: &[u8], secs: u64| {
            let path = dir.path().join(name);
            std::fs::write(&path, bytes).expect("writes");
            let when = std::time::UNIX_EPOCH + std::time::Duration::from_secs(secs);
            std::fs::File::options()
                .write(true)
                .open(&path)
                .and_then(|f| f.set_modified(when))
                .expect("dated");
        };
        write(
            "old.txt",
            b"Rain closes the fair\n\nHeavy rain fell.",
            1_000,
        );
        write(
            "new.html",
            b"<html><body><h1>Ferry deal</h1><p>The towns agreed.</p></body></html>",
            2_000,
        );
        write("blob.bin", &[0u8, 159, 146, 150, 0, 0, 1, 2], 3_000);
        write("empty.txt", b"", 3_000);
        std::fs::create_dir(dir.path().join("sub")).expect("sub-folder");
        let files = list(dir.path(), 1 << 20, &CleanOptions::default()).expect("lists");
        let titles: Vec<&str> = files.iter().map(|f| f.title.as_str()).collect();
        assert_eq!(titles, vec!["Ferry deal", "Rain closes the fair"]);
        assert_eq!(files[1].modified, 1_000);
        // a file over the limit is left out
        assert_eq!(
            list(dir.path(), 10, &CleanOptions::default())
                .expect("lists")
                .len(),
            0
        );
    }
}
