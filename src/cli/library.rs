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
use crate::library::{Entry, Library, People, PersonCount, WhoHit, day};

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
    /// With --save NAME, the search is also saved under that name (a list
    /// of its own: `gloss library saved`, and in the reader's feed list).
    Search {
        #[arg(value_name = "QUERY", required = true)]
        query: Vec<String>,
        /// Save the search under this name (one of that name is replaced).
        #[arg(long, value_name = "NAME")]
        save: Option<String>,
    },
    /// The saved searches, each with how many articles it picks and how
    /// many are unread; with NAME, the articles that search picks now; with
    /// --remove NAME, forget it.
    Saved {
        #[arg(value_name = "NAME")]
        name: Option<String>,
        /// Forget the saved search NAME.
        #[arg(long, requires = "name")]
        remove: bool,
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
    /// Who is mentioned most, and who is quoted most, in the articles of
    /// this week (or since a date, or of the last days): each person with
    /// their mentions, articles and quotes. With --json, one object:
    /// {"since", "mentioned": [...], "quoted": [...]}.
    People {
        /// From this day on (YYYY-MM-DD) rather than the last --days.
        #[arg(long, value_name = "YYYY-MM-DD", conflicts_with = "days")]
        since: Option<String>,
        /// How many days back (7: this week).
        #[arg(long, default_value_t = 7)]
        days: i64,
        /// How many to list in each.
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
        Some(LibraryAction::Search { query, save }) => {
            let text = query.join(" ");
            let query = Query::parse(&text).map_err(anyhow::Error::msg)?;
            if let Some(name) = save {
                lib.save_search(&name, &text)?;
                crate::sanitize::eprint_line(&format!(
                    "gloss: saved as {:?} (gloss library saved lists it)",
                    name.trim()
                ));
            }
            print_entries(&lib.search(&query)?, args.json)
        }
        Some(LibraryAction::Saved { name, remove }) => saved(&lib, name, remove, args.json),
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
        Some(LibraryAction::People { since, days, limit }) => {
            let since = match since {
                Some(day) => crate::library::parse_day(&day)
                    .with_context(|| format!("--since {day}: not a date (YYYY-MM-DD)"))?,
                None => crate::library::now() - days.max(0) * 86_400,
            };
            print_people(&lib.people(since, limit)?, since, args.json)
        }
    }
}

/// `gloss library saved [NAME] [--remove]`.
fn saved(lib: &Library, name: Option<String>, remove: bool, json: bool) -> anyhow::Result<()> {
    match name {
        Some(name) if remove => {
            if !lib.remove_search(&name)? {
                bail!("no saved search is named {name:?}");
            }
            crate::sanitize::eprint_line(&format!(
                "gloss: saved search {:?} forgotten",
                name.trim()
            ));
            Ok(())
        }
        Some(name) => {
            let Some(query) = lib.saved_query(&name)? else {
                bail!("no saved search is named {name:?} (gloss library saved lists them)");
            };
            let query = Query::parse(&query).map_err(anyhow::Error::msg)?;
            print_entries(&lib.search(&query)?, json)
        }
        None => {
            let searches = lib.searches()?;
            super::write_stdout(|out| {
                for s in &searches {
                    if json {
                        serde_json::to_writer(&mut *out, s)?;
                        writeln!(out)?;
                    } else {
                        writeln!(
                            out,
                            "{:>5} articles {:>5} unread  {}  ({})",
                            s.count,
                            s.unread,
                            crate::sanitize::sanitize_text(&s.name),
                            crate::sanitize::sanitize_text(&s.query)
                        )?;
                    }
                }
                Ok(())
            })
        }
    }
}

fn print_people(people: &People, since: i64, json: bool) -> anyhow::Result<()> {
    super::write_stdout(|out| {
        if json {
            let all = serde_json::json!({"since": day(since), "mentioned": people.mentioned,
                "quoted": people.quoted});
            return writeln!(out, "{all}");
        }
        let row = |out: &mut super::Stdout, p: &PersonCount| {
            writeln!(
                out,
                "{:>6} mentions {:>5} articles {:>5} quotes  {}",
                p.mentions,
                p.articles,
                p.quotes,
                crate::sanitize::sanitize_text(&p.name)
            )
        };
        writeln!(out, "Most mentioned since {}:", day(since))?;
        for p in &people.mentioned {
            row(out, p)?;
        }
        if people.mentioned.is_empty() {
            writeln!(out, "  nobody")?;
        }
        writeln!(out, "\nMost quoted since {}:", day(since))?;
        for p in &people.quoted {
            row(out, p)?;
        }
        if people.quoted.is_empty() {
            writeln!(out, "  nobody")?;
        }
        Ok(())
    })
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

/// Keep a folder's articles or a JSON Lines file's; how many. Bounded by
/// `[limits] import-mb` and `import-articles` (refused whole, before
/// anything is read or kept), each file or line by `article-mb`, and the
/// whole by the library's cap (`[library] max_size_mb`).
fn import(lib: &mut Library, from: &Path, config: &Config) -> anyhow::Result<usize> {
    let limits = &config.limits;
    let mb = |bytes: u64| format!("{:.1} MB", bytes as f64 / f64::from(1u32 << 20));
    let check = |total: u64, count: usize, what: &str| -> anyhow::Result<()> {
        if total > limits.import_bytes() {
            bail!(
                "{}: {} to import, more than [limits] import-mb = {} allows (import it in parts, or raise the limit)",
                from.display(),
                mb(total),
                limits.import_mb
            );
        }
        if count > limits.import_articles {
            bail!(
                "{}: {count} {what}, more than [limits] import-articles = {} allows (import it in parts, or raise the limit)",
                from.display(),
                limits.import_articles
            );
        }
        if let Some(cap) = config.library.max_bytes()
            && total > cap
        {
            bail!(
                "{}: {} to import, more than the library may hold ([library] max_size_mb = {})",
                from.display(),
                mb(total),
                config.library.max_size_mb
            );
        }
        Ok(())
    };
    let inputs: Vec<(ArticleId, Article)> = if from.is_dir() {
        let mut files: Vec<(PathBuf, u64)> = std::fs::read_dir(from)
            .with_context(|| format!("cannot read {}", from.display()))?
            .flatten()
            .filter_map(|e| {
                let path = e.path();
                let meta = std::fs::metadata(&path).ok()?;
                meta.is_file().then_some((path, meta.len()))
            })
            .collect();
        files.sort();
        check(files.iter().map(|f| f.1).sum(), files.len(), "files")?;
        let max = limits.article_bytes();
        files
            .par_iter()
            .filter_map(|(path, _)| {
                // a file that is no article (binary, too large) is left out
                let source = crate::source::load_limited(path, max).ok()?;
                let article = super::annotate::source_to_article(&source, &config.clean);
                Some((ArticleId::for_path(path), article))
            })
            .collect()
    } else {
        let size = std::fs::metadata(from)
            .with_context(|| format!("cannot read {}", from.display()))?
            .len();
        check(size, 0, "lines")?;
        let text = std::fs::read_to_string(from)
            .with_context(|| format!("cannot read {}", from.display()))?;
        let lines: Vec<(usize, &str)> = text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
            .collect();
        check(size, lines.len(), "lines")?;
        let max = limits.article_bytes();
        lines
            .par_iter()
            .map(|(n, line)| {
                if line.len() as u64 > max {
                    bail!(
                        "{}:{}: a line of {}, more than [limits] article-mb = {}",
                        from.display(),
                        n + 1,
                        mb(line.len() as u64),
                        limits.article_mb
                    );
                }
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
    if let Some(cap) = config.library.max_bytes() {
        let gone = lib.evict(cap)?;
        if gone > 0 {
            crate::sanitize::eprint_line(&format!(
                "gloss: {gone} article(s) read longest ago went, to hold the library to [library] max_size_mb = {}",
                config.library.max_size_mb
            ));
        }
    }
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
