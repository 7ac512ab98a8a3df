//! `gloss library` and `gloss who`: the library on the command line.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, bail};
use clap::{Args, Subcommand};
use rayon::prelude::*;

use crate::article::Article;
use crate::article_id::ArticleId;
use crate::config::Config;
use crate::library::query::Query;
use crate::library::{Entry, Library, WhoHit, day};

/// `gloss library`.
#[derive(Debug, Args)]
pub struct LibraryArgs {
    #[command(subcommand)]
    pub action: Option<LibraryAction>,
    /// One JSON object per article, a line each.
    #[arg(long, global = true)]
    pub json: bool,
}

/// What `gloss library` can do; without one, list every article.
#[derive(Debug, Subcommand)]
pub enum LibraryAction {
    /// List the articles, newest first (archived ones too).
    List,
    /// The articles a search picks, newest first: words and "phrases" over
    /// titles and text, and filters: tag:T site:S is:unread is:read
    /// is:starred is:archived has:notes person:"NAME" place:NAME
    /// after:YYYY-MM-DD before:YYYY-MM-DD.
    Search {
        #[arg(value_name = "QUERY", required = true)]
        query: Vec<String>,
    },
    /// Keep articles without opening them: a folder of text or HTML files,
    /// or a JSON Lines file (as `gloss annotate` prints, or lines with a
    /// "text" and an optional "url"); analysed on every core.
    Import {
        #[arg(value_name = "DIR|FILE.jsonl")]
        from: PathBuf,
    },
    /// Remove articles from the library (by the key `gloss library --json`
    /// gives, the file or the URL), or all of them with --all.
    Forget {
        #[arg(value_name = "KEY|PATH|URL", required_unless_present = "all")]
        articles: Vec<String>,
        #[arg(long, conflicts_with = "articles")]
        all: bool,
    },
    /// The people, organisations and places most mentioned in the articles
    /// of the last days, with how many articles and quotes.
    People {
        /// How many days back (7: this week).
        #[arg(long, default_value_t = 7)]
        days: i64,
        /// How many to list.
        #[arg(long, default_value_t = 20)]
        limit: usize,
    },
}

/// `gloss who`.
#[derive(Debug, Args)]
pub struct WhoArgs {
    /// A person, organisation or place: "Pompeo", "Mike Pompeo".
    #[arg(value_name = "NAME", required = true)]
    pub name: Vec<String>,
    /// One JSON object per article, a line each.
    #[arg(long)]
    pub json: bool,
}

/// Open the library the configuration names; an error when keeping is off.
pub fn open(config: &Config) -> anyhow::Result<Library> {
    match Library::from_settings(&config.library) {
        Some(lib) => Ok(lib?.with_notes_dir(config.notes.dir())),
        None if !config.library.keep => {
            bail!("the library is off ([library] keep = false in config.toml)")
        }
        None => bail!("no data directory is known for the library (set [library] dir)"),
    }
}

pub fn run(args: LibraryArgs, config: &Config) -> anyhow::Result<()> {
    let mut lib = open(config)?;
    match args.action {
        None | Some(LibraryAction::List) => print_entries(&lib.list()?, args.json),
        Some(LibraryAction::Search { query }) => {
            let query = Query::parse(&query.join(" ")).map_err(anyhow::Error::msg)?;
            print_entries(&lib.search(&query)?, args.json)
        }
        Some(LibraryAction::Import { from }) => {
            let n = import(&mut lib, &from, config)?;
            eprintln!("gloss: {n} article(s) kept in {}", lib.path().display());
            Ok(())
        }
        Some(LibraryAction::Forget { articles, all }) => {
            let n = if all {
                lib.forget_all()?
            } else {
                let keys: Vec<String> = articles.iter().map(|a| key_of(a)).collect();
                lib.forget(&keys)?
            };
            eprintln!("gloss: {n} article(s) forgotten");
            Ok(())
        }
        Some(LibraryAction::People { days, limit }) => {
            let since = crate::library::now() - days.max(0) * 86_400;
            let rows = lib.people(since, None, limit)?;
            super::write_stdout(|out| {
                for (name, mentions, articles, quotes) in &rows {
                    if args.json {
                        let row = serde_json::json!({"name": name, "mentions": mentions,
                            "articles": articles, "quotes": quotes});
                        writeln!(out, "{row}")?;
                    } else {
                        writeln!(
                            out,
                            "{mentions:>5} mentions  {articles:>4} articles  {quotes:>4} quotes  {name}"
                        )?;
                    }
                }
                Ok(())
            })
        }
    }
}

/// An article named on the command line: a key as listed, a URL or a file.
fn key_of(article: &str) -> String {
    if crate::article_id::is_web_url(article) {
        ArticleId::Url(article.to_string()).key()
    } else if Path::new(article).exists() {
        ArticleId::for_path(Path::new(article)).key()
    } else {
        article.to_string()
    }
}

pub fn who(args: WhoArgs, config: &Config) -> anyhow::Result<()> {
    let lib = open(config)?;
    let name = args.name.join(" ");
    let hits = lib.who(&name)?;
    if hits.is_empty() && !args.json {
        bail!("no article in the library mentions {name}");
    }
    print_who(&hits, args.json)
}

fn print_who(hits: &[WhoHit], json: bool) -> anyhow::Result<()> {
    super::write_stdout(|out| {
        for hit in hits {
            if json {
                serde_json::to_writer(&mut *out, hit)?;
                writeln!(out)?;
            } else {
                writeln!(
                    out,
                    "{}  {}  ({}, {} mention{})",
                    day(hit.entry.date),
                    hit.entry.title,
                    hit.name,
                    hit.mentions,
                    if hit.mentions == 1 { "" } else { "s" }
                )?;
                for quote in &hit.quotes {
                    writeln!(out, "    “{quote}”")?;
                }
            }
        }
        Ok(())
    })
}

fn print_entries(entries: &[Entry], json: bool) -> anyhow::Result<()> {
    super::write_stdout(|out| {
        for e in entries {
            if json {
                serde_json::to_writer(&mut *out, e)?;
                writeln!(out)?;
            } else {
                let marks = format!(
                    "{}{}{}",
                    if e.unread { '•' } else { ' ' },
                    if e.starred { '★' } else { ' ' },
                    if e.has_notes { '✎' } else { ' ' }
                );
                let site = e
                    .site
                    .as_deref()
                    .map(|s| format!("  ({s})"))
                    .unwrap_or_default();
                writeln!(out, "{marks} {}  {}{site}  {}", day(e.date), e.title, e.key)?;
            }
        }
        Ok(())
    })
}

/// Keep a folder's articles or a JSON Lines file's; how many.
fn import(lib: &mut Library, from: &Path, config: &Config) -> anyhow::Result<usize> {
    let inputs: Vec<(ArticleId, Article)> = if from.is_dir() {
        let mut files: Vec<PathBuf> = std::fs::read_dir(from)
            .with_context(|| format!("cannot read {}", from.display()))?
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.is_file())
            .collect();
        files.sort();
        files
            .par_iter()
            .filter_map(|path| {
                let source = crate::source::load(path).ok()?;
                let article = super::annotate::source_to_article(&source, &config.clean);
                Some((ArticleId::for_path(path), article))
            })
            .collect()
    } else {
        let text = std::fs::read_to_string(from)
            .with_context(|| format!("cannot read {}", from.display()))?;
        let lines: Vec<(usize, &str)> = text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
            .collect();
        lines
            .par_iter()
            .map(|(n, line)| {
                jsonl_article(line, config).with_context(|| format!("{}:{}", from.display(), n + 1))
            })
            .collect::<anyhow::Result<Vec<_>>>()?
    };
    let analysed: Vec<_> = inputs
        .into_par_iter()
        .map(|(id, article)| {
            let analysis = crate::analysis::analyze(&article);
            (id, article, analysis)
        })
        .collect();
    let now = crate::library::now();
    lib.keep_all(analysed.iter().map(|(id, a, an)| (id, a, Some(an))), now)?;
    Ok(analysed.len())
}

/// A line of JSON: `gloss annotate`'s (its text, blocks and meta as they
/// are), or any object with a "text" (cleaned) and maybe a "url".
fn jsonl_article(line: &str, config: &Config) -> anyhow::Result<(ArticleId, Article)> {
    let value: serde_json::Value = serde_json::from_str(line).context("not JSON")?;
    let article = match serde_json::from_value::<Article>(value.clone()) {
        Ok(a) if !a.blocks.is_empty() => a,
        _ => {
            let text = value
                .get("text")
                .and_then(|t| t.as_str())
                .context("no \"text\"")?;
            let url = value.get("url").and_then(|u| u.as_str());
            super::annotate::to_article(text, None, url, &config.clean)
        }
    };
    let url = article.meta.url.clone().or_else(|| {
        value
            .get("url")
            .and_then(|u| u.as_str())
            .map(str::to_string)
    });
    let id = match url {
        Some(url) if crate::article_id::is_web_url(&url) => ArticleId::Url(url),
        _ => ArticleId::for_content(&article.text),
    };
    Ok((id, article))
}
