//! What `gloss export` and `gloss import` do, apart from parsing arguments
//! and loading sources (the caller hands in loaders), so that they are
//! testable without a process.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{Context as _, bail};

use super::by_content::Found;
use super::clock::Clock;
use super::export::{ExportContext, Format, Written, file_name, receipts, write_file};
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
        if notebook.notes().is_empty() && notebook.corrections().is_empty() {
            bail!("no notes on {id}");
        }
        // the entities and speakers as the reader corrected them
        let corrected;
        let doc = if notebook.corrections().is_empty() {
            doc
        } else {
            let corrections: Vec<_> = notebook
                .corrections()
                .iter()
                .map(|c| c.correction.clone())
                .collect();
            corrected = Document {
                article: doc.article.clone(),
                analysis: crate::corrections::apply(&doc.analysis, &doc.article.text, &corrections)
                    .analysis,
            };
            &corrected
        };
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
            corrections: notebook.corrections(),
            exported: self.clock.now(),
        };
        let content = ctx.render(format);
        match to {
            Destination::Stdout => {
                // Markdown is read on a terminal: nothing in a note or a
                // title may act on it (JSON escapes what it must itself)
                let content = match format {
                    Format::Markdown => crate::sanitize::sanitize_text(&content),
                    Format::Json => content.as_str().into(),
                };
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
                // an export gloss wrote itself and nobody changed since is
                // refreshed, as `x` in the reader does
                let key = notebook.article_id().key();
                let ours = receipts::is_ours_unchanged(store, &key, &path);
                let written = write_file(&path, &content, *force || ours)?;
                if let Err(e) = receipts::remember(store, &key, &path) {
                    warn(&format!(
                        "wrote {}, but could not note that gloss wrote it: {e}",
                        path.display()
                    ));
                }
                lines.push(describe(&path, written));
            }
        }
        Ok(lines)
    }

    /// Export every annotated article into `dir`, one file each. Articles are
    /// read from the snapshot kept with their notes, else through `load`.
    /// Notes whose article is not found anywhere (imported without it) are
    /// skipped with a warning, never a failure.
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
        let (mut failures, mut skipped) = (0, 0);
        let (files, unreadable) = store.all_checked();
        for (path, why) in &unreadable {
            warn(&format!("cannot export {}: {why}", path.display()));
        }
        for file in files {
            if file.notes.is_empty() {
                continue;
            }
            let id = file.article.id;
            let Some(article) = store.read_article(&id).or_else(|| load(&id)) else {
                warn(&format!(
                    "skipped {id}: its article is not found ({} kept apart; gloss notes lists them)",
                    counted(file.notes.len(), "note")
                ));
                skipped += 1;
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
        if lines.is_empty() && failures == 0 && skipped == 0 && unreadable.is_empty() {
            bail!("no notes to export in {}", store.dir().display());
        }
        let failures = failures + unreadable.len();
        if failures > 0 {
            bail!("{} exported, {failures} failed (see above)", lines.len());
        }
        Ok(lines)
    }

    /// Every article with notes, in key order: those whose article is found
    /// first, then those kept apart without it.
    pub fn list(&self) -> Vec<StoreSummary> {
        let mut out: Vec<StoreSummary> = self
            .store
            .all()
            .into_iter()
            .map(|file| {
                let key = file.article.id.key();
                let article = if source_at_hand(&file.article.id) {
                    ArticleState::Found
                } else if self.store.has_article_copy(&key) {
                    ArticleState::Copy
                } else {
                    ArticleState::NotFound
                };
                let highlights = file.notes.iter().filter(|n| n.is_highlight()).count();
                StoreSummary {
                    key,
                    title: file.article.title,
                    notes: file.notes.len() - highlights,
                    highlights,
                    detached: file.notes.iter().filter(|n| n.detached).count(),
                    id: file.article.id,
                    article,
                }
            })
            .collect();
        out.sort_by(|a, b| {
            (a.article == ArticleState::NotFound, &a.key)
                .cmp(&(b.article == ArticleState::NotFound, &b.key))
        });
        out
    }

    /// The store an argument of `gloss notes remove` names: a key as
    /// [`Notes::list`] gives it, else an article's file or URL.
    pub fn resolve(&self, what: &str) -> Option<StoreSummary> {
        let key = if self.store.read_key(what).is_some() {
            what.to_string()
        } else {
            ArticleId::from_origin(what, "").key()
        };
        self.list().into_iter().find(|s| s.key == key)
    }

    /// Delete an article's notes and what is kept with them.
    pub fn remove(&self, key: &str) -> anyhow::Result<()> {
        let removed = self.store.remove(key)?;
        if removed.is_empty() {
            bail!("no notes stored under {key}");
        }
        Ok(())
    }

    /// Import a JSON file of Web Annotations. Returns what to tell the
    /// user: how many were imported, and which articles were not found
    /// (their notes are kept apart, to be anchored when the article is
    /// opened; `gloss notes` lists them).
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
        let (apart, placed): (Vec<_>, Vec<_>) = report
            .articles
            .iter()
            .partition(|(id, _)| report.not_found.contains(id));
        let placed_notes: usize = placed.iter().map(|(_, n)| n).sum();
        let apart_notes: usize = apart.iter().map(|(_, n)| n).sum();
        let mut line = if placed.is_empty() && !apart.is_empty() {
            format!("imported {}", counted(apart_notes, "annotation"))
        } else {
            format!(
                "imported {} onto {}",
                counted(placed_notes, "annotation"),
                counted(placed.len(), "article")
            )
        };
        if report.duplicates > 0 {
            line.push_str(&format!(
                ", {} skipped",
                counted(report.duplicates, "duplicate")
            ));
        }
        if report.skipped > 0 {
            line.push_str(&format!(
                "; skipped {} without a text quote or a known source",
                report.skipped
            ));
        }
        if placed_notes + apart_notes == 0 {
            bail!("{}: {line}", path.display());
        }
        if !apart.is_empty() {
            let which = if placed.is_empty() {
                String::new()
            } else {
                format!("; {apart_notes} more")
            };
            line.push_str(&format!(
                "{which}, kept apart: their article is not found here (they are \
                 anchored when it is opened; gloss notes lists them):"
            ));
            for (id, n) in apart {
                line.push_str(&format!("\n  {id} ({})", counted(*n, "annotation")));
            }
        }
        Ok(line)
    }
}

/// Whether an article's source can be read again without the network: a
/// file that is there, or the bundled sample.
fn source_at_hand(id: &ArticleId) -> bool {
    match id {
        ArticleId::Path(path) => path.is_file(),
        ArticleId::Content(_) => *id == ArticleId::for_content(crate::source::SAMPLE),
        ArticleId::Url(_) => false,
    }
}

/// What `gloss notes` shows of one article's notes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoreSummary {
    /// The file name stem of its notes (`gloss notes remove KEY`).
    pub key: String,
    pub id: ArticleId,
    pub title: Option<String>,
    /// Notes with words of their own.
    pub notes: usize,
    /// Highlights (notes without words).
    pub highlights: usize,
    /// Of both, those whose passage is no longer found in the text.
    pub detached: usize,
    pub article: ArticleState,
}

impl StoreSummary {
    /// `2 notes, 1 highlight` (and how many are detached).
    pub fn counts(&self) -> String {
        let mut parts = Vec::new();
        if self.notes > 0 || self.highlights == 0 {
            parts.push(counted(self.notes, "note"));
        }
        if self.highlights > 0 {
            parts.push(counted(self.highlights, "highlight"));
        }
        let mut out = parts.join(", ");
        if self.detached > 0 {
            out.push_str(&format!(" ({} detached)", self.detached));
        }
        out
    }
}

/// Whether an article's text can be had for its notes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArticleState {
    /// Its file is where it was (or it is the bundled sample).
    Found,
    /// Only the copy kept with the notes: a web page, text read from
    /// standard input, a file moved or deleted since.
    Copy,
    /// No text at all: notes imported without their article, kept apart
    /// until it is opened.
    NotFound,
}

impl ArticleState {
    pub fn describe(self) -> &'static str {
        match self {
            ArticleState::Found => "found",
            ArticleState::Copy => "a copy is kept",
            ArticleState::NotFound => "not found",
        }
    }
}

/// `1 note`, `2 notes`.
fn counted(n: usize, what: &str) -> String {
    format!("{n} {what}{}", plural(n))
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn describe(path: &Path, written: Written) -> String {
    match written {
        Written::Created | Written::Streamed => format!("wrote {}", path.display()),
        Written::Replaced => format!("replaced {}", path.display()),
        Written::Unchanged => format!("{} is up to date", path.display()),
    }
}
