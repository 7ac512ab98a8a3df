//! `gloss annotate`: one input printed as one JSON object, or many inputs
//! (files, folders, URLs, `-`, lines of `--jsonl`) as JSON Lines, annotated
//! on every core.
//!
//! Every input is loaded by [`load_input`] and every text becomes an
//! `Article` through [`to_article`]; the single and the batch mode share
//! them, and [`annotate_text`] after them. Batch mode streams: the inputs
//! are listed lazily ([`inputs`]), at most a few per thread are taken and not
//! yet written ([`ordered`]), and each line is written as soon as it and all
//! before it are done.

pub mod inputs;
pub mod ordered;

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context;
use serde::Serialize;
use serde_json::Value;

use super::NamesFrom;
use crate::Document;
use crate::analysis::{Explanation, Parts};
use crate::article::{Article, CleanOptions};
use crate::config::Config;
use crate::source::SourceText;

pub use inputs::{Item, What};

/// Results taken from the inputs but not yet written, per thread: enough to
/// keep every thread busy while one slow article holds the output back, few
/// enough that memory does not grow with the number of inputs.
pub const WINDOW_PER_THREAD: usize = 4;

/// `gloss annotate`'s arguments.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
One FILE, URL or - prints one JSON object, as docs/annotate-json.md describes; errors print \
`gloss: <reason>` and exit 1.

Otherwise (several inputs, a FOLDER, or --jsonl) the output is JSON Lines: one object per \
input, in input order (the arguments, then the --jsonl lines), each with an \"id\" first: \
the path (a folder's files joined to it), the URL, or the line's id. An input that fails \
gives {\"id\": ..., \"error\": \"<reason>\"} and the others go on; the exit status is 0 when \
every input succeeded, else 1 once all are written.

A FOLDER gives its regular files of any name (symbolic links to files too), in byte order \
of their names, with its subfolders' files in their place; names starting with . are \
skipped, so is what is not a regular file. A --jsonl line is {\"id\": ..., \"text\": ...} or \
{\"id\": ..., \"html\": ...} (never fetched; a \"url\" beside it is the article's address), \
or {\"id\": ..., \"url\": ...} (fetched); a line that is not one of these gives an error \
line.")]
pub struct AnnotateArgs {
    /// Text or HTML files, folders, web pages (http:// or https:// URLs; a
    /// file named like one is ./http...), or - for standard input. None:
    /// standard input when it is piped (`… | gloss annotate`).
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// Also read articles from FILE (- for standard input), one JSON object
    /// per line: {"id", "text"} or {"id", "html"} (with an optional "url"),
    /// or {"id", "url"} to fetch. May be given more than once.
    #[arg(long, value_name = "FILE|-")]
    pub jsonl: Vec<PathBuf>,
    /// Annotate on N threads at a time (default: all cores).
    #[arg(short = 'j', long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,
    /// What finds the names, for measuring each part alone: the rules
    /// (name lists, titles, gazetteer, context), the learned tagger, or both.
    #[arg(long, value_enum, default_value_t = NamesFrom::Both)]
    pub names: NamesFrom,
    /// Also say why: for each name, the rules that fired and their
    /// weights; for each quote, how its speaker was chosen (an `explain`
    /// member after the others).
    #[arg(long)]
    pub explain: bool,
    /// The analysis alone: without the corrections kept with the article's
    /// notes and without the user lexicon (`gloss lexicon`). What the
    /// scoring scripts should run, so that nobody's own corrections change
    /// a measured figure.
    #[arg(long)]
    pub raw: bool,
}

/// What every input is loaded and annotated with.
#[derive(Clone, Copy)]
pub struct Options<'a> {
    /// The settings: `[clean]` for every text (and what loading needs).
    pub config: &'a Config,
    pub parts: Parts,
    pub explain: bool,
    /// The built-in lexicon with the user lexicon over it; `None`: the
    /// built-in one (`--raw`, or no user lexicon).
    pub lexicon: Option<&'a crate::analysis::lexicon::Lexicon>,
    /// Where the articles' notes are, whose corrections are applied;
    /// `None`: none are (`--raw`).
    pub store: Option<&'a crate::notes::Store>,
}

/// An input to load: a file, standard input or a URL.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    Path(PathBuf),
    Stdin,
    Url(String),
}

impl Source {
    /// What a command-line argument names: `-` is standard input, a URL
    /// starts with `http://` or `https://` (any case), anything else is a path
    /// (`./http:...` for a file named like a URL), as `source::open` tells them.
    pub fn from_arg(arg: &Path) -> Source {
        match arg.to_str() {
            Some("-") => Source::Stdin,
            Some(s) if crate::article_id::is_web_url(s) => Source::Url(s.to_string()),
            _ => Source::Path(arg.to_path_buf()),
        }
    }
}

pub use crate::article::Format;

/// Load one input: the one function every file, `-` and URL goes through,
/// in both modes. A URL is fetched with the `[fetch]` settings.
pub fn load_input(source: &Source, config: &Config) -> anyhow::Result<SourceText> {
    Ok(match source {
        Source::Path(path) => crate::source::load_limited(path, config.limits.article_bytes())?,
        Source::Stdin => {
            crate::source::load_limited(Path::new("-"), config.limits.article_bytes())?
        }
        Source::Url(url) => crate::source::open(url, &config.fetch, config.limits.article_bytes())?,
    })
}

/// A text to an `Article`: the one place where this happens for `gloss
/// annotate`. `url` is the article's address when known (a `--jsonl` line's
/// "url", a fetched page's address); it goes into `meta.url` unless the
/// text gives one.
pub fn to_article(
    text: &str,
    format: Option<Format>,
    url: Option<&str>,
    clean: &CleanOptions,
) -> Article {
    crate::article::read(text, format, url, clean)
}

/// A loaded input to an `Article`: a web page's media type says how to
/// read it, its URL (after redirects) is its address. The reader's too.
pub fn source_to_article(source: &SourceText, clean: &CleanOptions) -> Article {
    source.to_article(clean)
}

/// Analyse an article as the options say; the explanation with `--explain`.
pub fn annotate_article(article: Article, opts: &Options) -> (Document, Option<Explanation>) {
    use crate::analysis::{analyze_explained_with_lexicon, analyze_with_lexicon, lexicon};
    let lex = opts.lexicon.unwrap_or_else(|| lexicon::get());
    let (analysis, why) = if opts.explain {
        let (analysis, why) = analyze_explained_with_lexicon(&article, opts.parts, lex);
        (analysis, Some(why))
    } else {
        (analyze_with_lexicon(&article, opts.parts, lex), None)
    };
    (Document { article, analysis }, why)
}

/// The corrections kept with the notes of article `id`, applied to `doc`
/// (none without a store). Those that no longer find their text are
/// described, for a warning.
pub fn apply_corrections(
    doc: &mut Document,
    id: &crate::article_id::ArticleId,
    opts: &Options,
) -> anyhow::Result<Vec<String>> {
    let Some(store) = opts.store else {
        return Ok(Vec::new());
    };
    let file = match store.read(id)? {
        crate::notes::store::Read::Found(file) => file,
        _ => return Ok(Vec::new()),
    };
    if file.corrections.is_empty() {
        return Ok(Vec::new());
    }
    let corrections: Vec<_> = file.corrections.into_iter().map(|c| c.correction).collect();
    let applied = crate::corrections::apply(&doc.analysis, &doc.article.text, &corrections);
    doc.analysis = applied.analysis;
    Ok(applied
        .orphaned
        .iter()
        .map(|&i| corrections[i].describe())
        .collect())
}

/// The lexicon `gloss annotate` analyses with: the user lexicon over the
/// built-in one, or `None` when there is no user lexicon (or `--raw`).
pub fn user_lexicon(raw: bool) -> anyhow::Result<Option<crate::analysis::lexicon::Lexicon>> {
    if raw {
        return Ok(None);
    }
    let user = crate::notes::lexicon::UserLexicon::load_default()?;
    if user.is_empty() {
        return Ok(None);
    }
    Ok(Some(crate::analysis::lexicon::Lexicon::with_overlay(
        &user.overlay(),
    )?))
}

/// Do `gloss annotate`.
pub fn run(mut args: AnnotateArgs, config: &Config) -> anyhow::Result<()> {
    if args.inputs.is_empty() && args.jsonl.is_empty() {
        if !super::stdin_is_piped() {
            use clap::CommandFactory;
            super::Cli::command()
                .error(
                    clap::error::ErrorKind::MissingRequiredArgument,
                    "gloss annotate needs an input: a file, a folder, a URL, - or --jsonl FILE (or text piped in)",
                )
                .exit();
        }
        args.inputs.push(PathBuf::from("-"));
    }
    let lexicon = user_lexicon(args.raw)?;
    let store = config
        .notes
        .dir()
        .filter(|_| !args.raw)
        .map(|dir| crate::notes::Store::new(dir).with_limits(config.limits.notes()));
    let opts = Options {
        config,
        parts: crate::analysis::Parts {
            line_bytes: config.limits.line_bytes,
            ..args.names.parts()
        },
        explain: args.explain,
        lexicon: lexicon.as_ref(),
        store: store.as_ref(),
    };
    if let [single] = args.inputs.as_slice()
        && args.jsonl.is_empty()
        && !is_folder(single)
    {
        return annotate_single(&Source::from_arg(single), &opts);
    }
    let items = inputs::items(&args.inputs, &args.jsonl, config.limits.article_bytes())?;
    let pool = thread_pool(args.jobs.map_or(0, usize::from))?;
    let mut out = std::io::stdout().lock();
    let tally = match annotate_batch(items, &opts, &pool, &mut out) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return Ok(()),
        other => other.context("cannot write to standard output")?,
    };
    if tally.failed > 0 {
        anyhow::bail!(
            "{} of {} inputs failed (their lines have an \"error\" member)",
            tally.failed,
            tally.inputs
        );
    }
    Ok(())
}

/// A folder given on the command line (not `-`, not a URL).
fn is_folder(arg: &Path) -> bool {
    matches!(Source::from_arg(arg), Source::Path(_)) && arg.is_dir()
}

/// One input: one pretty-printed JSON object, exactly as gloss always printed it.
fn annotate_single(source: &Source, opts: &Options) -> anyhow::Result<()> {
    // the raw text is not needed once cleaned
    let loaded = load_input(source, opts.config)?;
    let id = loaded.article_id();
    let article = source_to_article(&loaded, &opts.config.clean);
    drop(loaded);
    let (mut doc, why) = annotate_article(article, opts);
    for orphan in apply_corrections(&mut doc, &id, opts)? {
        crate::sanitize::eprint_line(&format!(
            "gloss: a correction no longer finds its text (kept): {orphan}"
        ));
    }
    super::write_stdout(|out| {
        match &why {
            Some(why) => crate::annotate::write_json_explained(&doc, why, &mut *out)?,
            None => crate::annotate::write_json(&doc, &mut *out)?,
        }
        out.write_all(b"\n")
    })
}

/// How a batch went.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub inputs: usize,
    pub failed: usize,
}

/// One line of output: the JSON and a newline, and whether it is an error.
pub struct Line {
    pub json: Vec<u8>,
    pub failed: bool,
}

/// The threads that annotate: `jobs` of them, or one per core for 0.
pub fn thread_pool(jobs: usize) -> anyhow::Result<rayon::ThreadPool> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .thread_name(|i| format!("gloss-annotate-{i}"))
        .build()
        .context("cannot start the threads")
}

/// Annotate every item on `pool`'s threads and write one JSON line per item
/// to `out`, in the items' order, each as soon as it and all before it are
/// done (`out` is flushed after each). Items are taken from the iterator
/// only as the window of [`WINDOW_PER_THREAD`] per thread allows. An error
/// writing stops the run (after the items being worked on).
pub fn annotate_batch(
    items: impl Iterator<Item = Item>,
    opts: &Options,
    pool: &rayon::ThreadPool,
    out: &mut impl Write,
) -> std::io::Result<Tally> {
    let window = WINDOW_PER_THREAD * pool.current_num_threads();
    let mut tally = Tally::default();
    ordered::ordered_map(
        pool,
        items,
        window,
        |item| annotate_item(item, opts),
        |line: Line| {
            tally.inputs += 1;
            tally.failed += usize::from(line.failed);
            out.write_all(&line.json)?;
            out.flush()
        },
    )?;
    Ok(tally)
}

/// One item's line: its annotation, or its error. A bug that panics gives
/// an error line too, so that the other inputs still come.
pub fn annotate_item(item: Item, opts: &Options) -> Line {
    let Item { id, what } = item;
    let result =
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| annotate_what(what, opts)))
            .unwrap_or_else(|panic| {
                let reason = panic
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| panic.downcast_ref::<String>().cloned())
                    .unwrap_or_default();
                Err(anyhow::anyhow!(
                    "internal error, please report it: {reason}"
                ))
            });
    let mut json = Vec::new();
    let written = match &result {
        Ok((doc, why)) => crate::annotate::write_json_line(&id, doc, why.as_ref(), &mut json),
        Err(e) => {
            let error = super::error_line(e);
            serde_json::to_writer(
                &mut json,
                &Failure {
                    id: &id,
                    error: &error,
                },
            )
            .map_err(std::io::Error::from)
        }
    };
    // serialising into memory fails only on a bug; it is reported like one
    if let Err(e) = written {
        json.clear();
        let error = format!("internal error, please report it: {e}");
        let _ = serde_json::to_writer(
            &mut json,
            &Failure {
                id: &id,
                error: &error,
            },
        );
    }
    json.push(b'\n');
    Line {
        json,
        failed: result.is_err(),
    }
}

fn annotate_what(what: What, opts: &Options) -> anyhow::Result<(Document, Option<Explanation>)> {
    let (article, id) = match what {
        What::Load(source) => {
            let loaded = load_input(&source, opts.config)?;
            let id = opts.store.map(|_| loaded.article_id());
            (source_to_article(&loaded, &opts.config.clean), id)
        }
        What::Given { text, format, url } => (
            to_article(&text, Some(format), url.as_deref(), &opts.config.clean),
            None,
        ),
        What::Failed(reason) => anyhow::bail!(reason),
    };
    let (mut doc, why) = annotate_article(article, opts);
    if let Some(id) = id {
        apply_corrections(&mut doc, &id, opts)?;
    }
    Ok((doc, why))
}

/// An input that failed: `{"id": ..., "error": ...}`.
#[derive(Serialize)]
struct Failure<'a> {
    id: &'a Value,
    error: &'a str,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_told_from_paths_by_their_scheme() {
        assert_eq!(
            Source::from_arg(Path::new("HTTPS://example.org/a")),
            Source::Url("HTTPS://example.org/a".into())
        );
        assert_eq!(Source::from_arg(Path::new("-")), Source::Stdin);
        for path in ["./http://x", "http:x", "a.txt", "httpsfoo"] {
            assert_eq!(
                Source::from_arg(Path::new(path)),
                Source::Path(path.into()),
                "{path}"
            );
        }
    }
}
