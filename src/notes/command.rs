//! What `gloss export` and `gloss import` do, apart from parsing arguments
//! and loading sources (the caller hands in loaders), so that they are
//! testable without a process.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{Context as _, bail};

use super::by_content::Found;
use super::clock::Clock;
use super::export::{ExportContext, Format, Written, file_name, write_file};
use super::import::import;
use super::notebook::Notebook;
use super::store::Store;
use crate::Document;
use crate::analysis::analyze;
use crate::article::Article;
use crate::article_id::ArticleId;

/// Where an export goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Destination {
    Stdout,
    /// A file, or a directory to put a file named after the article in.
    Path {
        path: PathBuf,
        force: bool,
    },
}

/// The notes store and clock the commands work with.
pub struct Notes {
    pub store: Store,
    pub clock: Arc<dyn Clock>,
}

impl Notes {
    /// Export the notes of one article, loaded and analysed by the caller;
    /// when `id` has none, those of the same or a close text found by
    /// content ([`Notebook::open_or_find`]). Returns lines for the user:
    /// where the notes were found, if by content, and which file was
    /// written, if any.
    pub fn export_one(
        &self,
        id: ArticleId,
        doc: &Document,
        format: Format,
        to: &Destination,
        stdout: &mut dyn Write,
        warn: &mut dyn FnMut(&str),
    ) -> anyhow::Result<Vec<String>> {
        let store = &self.store;
        let (notebook, report) =
            Notebook::open_or_find(store.clone(), id.clone(), &doc.article, self.clock.clone())?;
        for w in &report.warnings {
            warn(w);
        }
        if notebook.notes().is_empty() {
            bail!("no notes on {id}");
        }
        let mut lines: Vec<String> = report
            .found_by_content
            .iter()
            .map(Found::describe)
            .collect();
        let ctx = ExportContext {
            doc,
            id: notebook.article_id(),
            read_from: Some(&id).filter(|&read| read != notebook.article_id()),
            notes: notebook.notes(),
            exported: self.clock.now(),
        };
        let content = ctx.render(format);
        match to {
            Destination::Stdout => {
                stdout
                    .write_all(content.as_bytes())
                    .and_then(|()| stdout.flush())
                    .context("cannot write to standard output")?;
            }
            Destination::Path { path, force } => {
                let path = if path.is_dir() {
                    path.join(file_name(&ctx, format))
                } else {
                    path.clone()
                };
                let written = write_file(&path, &content, *force)?;
                lines.push(describe(&path, written));
            }
        }
        Ok(lines)
    }

    /// Export every annotated article into `dir`, one file each. Articles are
    /// read from the snapshot kept with their notes, else through `load`.
    pub fn export_all(
        &self,
        dir: &Path,
        format: Format,
        force: bool,
        load: &dyn Fn(&ArticleId) -> Option<Article>,
        warn: &mut dyn FnMut(&str),
    ) -> anyhow::Result<Vec<String>> {
        let store = &self.store;
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
        let mut lines = Vec::new();
        let mut failures = 0;
        for file in store.all() {
            if file.notes.is_empty() {
                continue;
            }
            let id = file.article.id;
            let Some(article) = store.read_article(&id).or_else(|| load(&id)) else {
                warn(&format!("skipped {id}: its text is not available"));
                failures += 1;
                continue;
            };
            let analysis = analyze(&article);
            let doc = Document { article, analysis };
            let to = Destination::Path {
                path: dir.to_path_buf(),
                force,
            };
            match self.export_one(id.clone(), &doc, format, &to, &mut std::io::sink(), warn) {
                Ok(done) => lines.extend(done),
                Err(e) => {
                    warn(&format!("{id}: {e}"));
                    failures += 1;
                }
            }
        }
        if lines.is_empty() && failures == 0 {
            bail!("no notes to export in {}", store.dir().display());
        }
        if failures > 0 {
            bail!("{} exported, {failures} failed (see above)", lines.len());
        }
        Ok(lines)
    }

    /// Import a JSON file of Web Annotations. Returns a line for the user.
    pub fn import_file(
        &self,
        path: &Path,
        load: &dyn Fn(&ArticleId) -> Option<Article>,
        warn: &mut dyn FnMut(&str),
    ) -> anyhow::Result<String> {
        let (store, clock) = (&self.store, self.clock.clone());
        let json = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        let report =
            import(store, &json, load, clock).with_context(|| path.display().to_string())?;
        for w in &report.warnings {
            warn(w);
        }
        let notes: usize = report.articles.iter().map(|(_, n)| n).sum();
        let articles = report.articles.len();
        let mut line = format!(
            "imported {notes} annotation{} onto {articles} article{}",
            plural(notes),
            plural(articles)
        );
        if report.skipped > 0 {
            line.push_str(&format!(
                "; skipped {} without a text quote or a known source",
                report.skipped
            ));
        }
        if notes == 0 {
            bail!("{}: {line}", path.display());
        }
        Ok(line)
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn describe(path: &Path, written: Written) -> String {
    match written {
        Written::Created => format!("wrote {}", path.display()),
        Written::Replaced => format!("replaced {}", path.display()),
        Written::Unchanged => format!("{} is up to date", path.display()),
    }
}
