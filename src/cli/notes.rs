//! `gloss export`, `gloss import` and `gloss notes`: their arguments, and
//! the calls into [`crate::notes::command::Notes`], which does the work.

use std::io::{BufRead as _, IsTerminal as _, Write as _};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{Context as _, bail};
use clap::{ArgGroup, Args, Subcommand, ValueEnum};

use crate::Document;
use crate::article::Article;
use crate::article_id::ArticleId;
use crate::config::Config;
use crate::notes::SystemClock;
use crate::notes::command::{ArticleState, Destination, Notes, StoreSummary};
use crate::notes::export::Format;
use crate::notes::store::Store;
use crate::source;

/// `gloss export`.
#[derive(Debug, Args)]
#[command(group(ArgGroup::new("what").required(true).args(["article", "all"])))]
pub struct ExportArgs {
    /// The article whose notes to export: a text file, or - for standard
    /// input. When it has no notes of its own, those of the same or a close
    /// text are found by content (a copy, the file before it was moved).
    #[arg(value_name = "ARTICLE")]
    pub article: Option<PathBuf>,
    /// Export every annotated article, one file each, into the folder given
    /// with -o.
    #[arg(long, requires = "output", conflicts_with = "article")]
    pub all: bool,
    /// markdown: front matter, each highlight as a block quote with its note,
    /// people and places; json: W3C Web Annotations. [default: the [export]
    /// format of config.toml, markdown unless changed]
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<FormatArg>,
    /// Write to FILE, or into the folder DIR, instead of standard output.
    #[arg(short, long, value_name = "FILE|DIR")]
    pub output: Option<PathBuf>,
    /// Replace an existing file that holds something else.
    #[arg(long)]
    pub force: bool,
}

/// `gloss notes`.
#[derive(Debug, Args)]
pub struct NotesArgs {
    #[command(subcommand)]
    pub action: Option<NotesAction>,
}

/// What `gloss notes` can do besides listing.
#[derive(Debug, Subcommand)]
pub enum NotesAction {
    /// Delete an article's notes and highlights, and the copy of its text
    /// kept with them (asks first on a terminal).
    Remove {
        /// The article: its key as `gloss notes` lists it, its file, or its URL.
        #[arg(value_name = "KEY|PATH")]
        article: String,
        /// Do not ask (needed when standard input is not a terminal).
        #[arg(short, long)]
        yes: bool,
    },
}

/// The export formats, as the command line names them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    Markdown,
    Json,
}

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Format {
        match f {
            FormatArg::Markdown => Format::Markdown,
            FormatArg::Json => Format::Json,
        }
    }
}

/// The notes store of the configuration, with the system clock.
fn notes(config: &Config) -> anyhow::Result<Notes> {
    let dir = config
        .notes
        .dir()
        .context("no data directory is known for notes; set [notes] dir in config.toml")?;
    Ok(Notes {
        store: Store::new(dir).with_limits(config.limits.notes()),
        clock: Arc::new(SystemClock),
    })
}

/// An article by its identity, for notes whose article is not at hand: a
/// file is read again; the bundled sample is known by its content. Web
/// pages are not fetched.
fn load_article(id: &ArticleId, config: &Config) -> Option<Article> {
    let text = match id {
        // a path from data (a shared file, a stored note): only a regular
        // file is opened, never a FIFO or a device
        ArticleId::Path(path) if std::fs::metadata(path).is_ok_and(|m| m.is_file()) => {
            source::load(path).ok()?.text
        }
        ArticleId::Content(_) if *id == ArticleId::for_content(source::SAMPLE) => {
            source::SAMPLE.to_string()
        }
        _ => return None,
    };
    Some(crate::article::clean(&text, &config.clean))
}

fn warn(message: &str) {
    crate::sanitize::eprint_line(&format!("gloss: warning: {message}"));
}

pub fn export(args: ExportArgs, config: &Config) -> anyhow::Result<()> {
    let notes = notes(config)?;
    let format = args.format.map_or(config.export.format, Format::from);
    let load = |id: &ArticleId| load_article(id, config);
    if args.all {
        let dir = args.output.context("--all needs a folder: -o DIR")?;
        let lines = notes.export_all(&dir, format, args.force, &load, &mut warn)?;
        for line in lines {
            crate::sanitize::eprint_line(&line);
        }
        return Ok(());
    }
    let path = args
        .article
        .context("which article? gloss export ARTICLE")?;
    let source = source::load(&path)?;
    let doc = Document::from_text(&source.text, &config.clean);
    let to = match args.output {
        Some(path) => Destination::Path {
            path,
            force: args.force,
        },
        None => Destination::Stdout,
    };
    let mut out = Vec::new();
    let lines = notes.export_one(source.article_id(), &doc, format, &to, &mut out, &mut warn)?;
    for line in lines {
        crate::sanitize::eprint_line(&line);
    }
    super::print_bytes(&out)
}

pub fn import(file: &Path, config: &Config) -> anyhow::Result<()> {
    let notes = notes(config)?;
    let load = |id: &ArticleId| load_article(id, config);
    let line = notes.import_file(file, &load, &mut warn)?;
    crate::sanitize::eprint_line(&line);
    Ok(())
}

pub fn list_or_remove(args: NotesArgs, config: &Config) -> anyhow::Result<()> {
    let notes = notes(config)?;
    match args.action {
        None => list(&notes),
        Some(NotesAction::Remove { article, yes }) => remove(&notes, &article, yes),
    }
}

/// `gloss notes`: one line per article, in columns, those whose article is
/// not found apart at the end.
fn list(notes: &Notes) -> anyhow::Result<()> {
    for (path, why) in notes.store.all_checked().1 {
        warn(&format!("cannot read {}: {why}", path.display()));
    }
    let stores = notes.list();
    if stores.is_empty() {
        crate::sanitize::eprint_line(&format!("no notes yet in {}", notes.store.dir().display()));
        return Ok(());
    }
    let (apart, found): (Vec<&StoreSummary>, Vec<&StoreSummary>) = stores
        .iter()
        .partition(|s| s.article == ArticleState::NotFound);
    let rows = |group: &[&StoreSummary]| -> Vec<[String; 4]> {
        group
            .iter()
            .map(|s| {
                let title = s
                    .title
                    .as_deref()
                    .map_or(String::new(), |t| format!("\"{t}\" "));
                [
                    s.key.clone(),
                    s.counts(),
                    s.article.describe().to_string(),
                    format!("{title}{}", where_is(&s.id)),
                ]
            })
            .collect()
    };
    let header = [
        "KEY".to_string(),
        "NOTES".to_string(),
        "ARTICLE".to_string(),
        "TITLE AND WHERE".to_string(),
    ];
    let (found, apart) = (rows(&found), rows(&apart));
    let all = std::iter::once(&header).chain(&found).chain(&apart);
    let mut widths = [0usize; 3];
    for row in all {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |row: &[String; 4]| {
        let mut out = String::new();
        for (cell, w) in row.iter().zip(widths) {
            out.push_str(cell);
            out.push_str(&" ".repeat(w - cell.chars().count() + 2));
        }
        out.push_str(&row[3]);
        out.push('\n');
        out
    };
    let mut out = line(&header);
    for row in &found {
        out.push_str(&line(row));
    }
    if !apart.is_empty() {
        out.push_str(
            "\nKept apart: notes imported without their article, anchored when it is opened:\n",
        );
        for row in &apart {
            out.push_str(&line(row));
        }
    }
    super::print_bytes(crate::sanitize::sanitize_text(&out).as_bytes())
}

/// Where an article is, for people: its path or URL, or what it was.
fn where_is(id: &ArticleId) -> String {
    match id {
        ArticleId::Content(_) if *id == ArticleId::for_content(source::SAMPLE) => {
            "the bundled sample".to_string()
        }
        ArticleId::Content(_) => format!("standard input ({id})"),
        other => other.to_string(),
    }
}

/// `gloss notes remove`: find the article's notes, ask (on a terminal, unless
/// `--yes`), delete.
fn remove(notes: &Notes, what: &str, yes: bool) -> anyhow::Result<()> {
    let Some(store) = notes.resolve(what) else {
        bail!("no notes stored for {what} (gloss notes lists the articles that have some)");
    };
    let title = store
        .title
        .as_deref()
        .map_or(String::new(), |t| format!("\"{t}\", "));
    let what_is = format!("{} on {title}{}", store.counts(), where_is(&store.id));
    if !yes {
        if !std::io::stdin().is_terminal() {
            bail!("not removing {what_is} without --yes (standard input is not a terminal)");
        }
        eprint!(
            "{}",
            crate::sanitize::sanitize(&format!("Delete {what_is}? [y/N] "))
        );
        std::io::stderr().flush().ok();
        let mut answer = String::new();
        std::io::stdin()
            .lock()
            .read_line(&mut answer)
            .context("cannot read the answer")?;
        if !matches!(answer.trim().to_lowercase().as_str(), "y" | "yes") {
            crate::sanitize::eprint_line(&format!("kept {}", store.key));
            return Ok(());
        }
    }
    notes.remove(&store.key)?;
    crate::sanitize::eprint_line(&format!("removed {what_is}"));
    Ok(())
}
