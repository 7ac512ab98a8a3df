//! `gloss export` and `gloss import`: their arguments, and the calls into
//! [`crate::notes::command::Notes`], which does the work.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::Context as _;
use clap::{ArgGroup, Args, ValueEnum};

use crate::Document;
use crate::article::Article;
use crate::article_id::ArticleId;
use crate::config::Config;
use crate::notes::SystemClock;
use crate::notes::command::{Destination, Notes};
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
        store: Store::new(dir),
        clock: Arc::new(SystemClock),
    })
}

/// An article by its identity, for notes whose article is not at hand: a
/// file is read again; the bundled sample is known by its content. Web
/// pages are not fetched.
fn load_article(id: &ArticleId, config: &Config) -> Option<Article> {
    let text = match id {
        ArticleId::Path(path) => source::load(path).ok()?.text,
        ArticleId::Content(_) if *id == ArticleId::for_content(source::SAMPLE) => {
            source::SAMPLE.to_string()
        }
        _ => return None,
    };
    Some(crate::article::clean(&text, &config.clean))
}

fn warn(message: &str) {
    eprintln!("gloss: warning: {message}");
}

pub fn export(args: ExportArgs, config: &Config) -> anyhow::Result<()> {
    let notes = notes(config)?;
    let format = args.format.map_or(config.export.format, Format::from);
    let load = |id: &ArticleId| load_article(id, config);
    if args.all {
        let dir = args.output.context("--all needs a folder: -o DIR")?;
        let lines = notes.export_all(&dir, format, args.force, &load, &mut warn)?;
        for line in lines {
            eprintln!("{line}");
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
        eprintln!("{line}");
    }
    super::print_bytes(&out)
}

pub fn import(file: &Path, config: &Config) -> anyhow::Result<()> {
    let notes = notes(config)?;
    let load = |id: &ArticleId| load_article(id, config);
    let line = notes.import_file(file, &load, &mut warn)?;
    eprintln!("{line}");
    Ok(())
}
