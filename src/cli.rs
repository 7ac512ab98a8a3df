//! The command line: one `clap` tree.
//!
//! `gloss [FILE|URL|-]` opens the reader (or prints the clean text when stdout is
//! not a terminal); subcommands come first, so `gloss annotate FILE` runs
//! `annotate` while `gloss ./annotate` opens a file of that name. `--config`,
//! `--help` and `--version` work everywhere.
//!
//! Adding a subcommand: a variant of [`Command`] (its doc comment is its help)
//! and an arm in [`run`].

use std::ffi::OsString;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::{CommandFactory, Parser, Subcommand};

use crate::config::Config;
use crate::source::{self, SourceText};

pub mod annotate;
mod feeds;
mod lexicon;
mod library;
mod notes;

/// A terminal news reader that annotates as you read: people, organisations,
/// places and quotes beside the article.
#[derive(Debug, Parser)]
#[command(
    name = "gloss",
    version,
    propagate_version = true,
    after_help = "Settings: $XDG_CONFIG_HOME/gloss/config.toml (usually ~/.config/gloss/config.toml); \
                  every option is documented with its default in config.toml in gloss's source.\n\
                  Web pages: timeouts and size limit in [fetch]; the proxy from http_proxy, \
                  https_proxy or all_proxy, except for the hosts of no_proxy."
)]
pub struct Cli {
    /// Read settings from PATH instead of the user's config file.
    #[arg(long, global = true, value_name = "PATH")]
    pub config: Option<PathBuf>,

    /// The article: a text or HTML file, a web page (an http:// or https://
    /// URL; a file named like one is ./http...), or - for standard input.
    /// Without one, standard input when it is piped (`… | gloss`), else the
    /// library (once anything was read), else the bundled sample article.
    /// The URL of a feed (RSS, Atom, JSON Feed) asks, then subscribes to it
    /// and opens the feed list on its items. A folder lists its articles
    /// (text and HTML files; none kept in the library until opened).
    #[arg(value_name = "FILE|DIR|URL|-")]
    pub file: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// What gloss can do besides opening the reader.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the article's annotation as JSON: clean text, blocks, people,
    /// organisations, places and quotes (see docs/annotate-json.md); for
    /// several inputs, a folder or --jsonl, one JSON line per input, on every
    /// core.
    Annotate(annotate::AnnotateArgs),
    /// Export an article's highlights and notes: Markdown (or --format json,
    /// W3C Web Annotations) to standard output, or to a file with -o; with
    /// --all, every annotated article into a folder (skipping notes whose
    /// article is not found).
    Export(notes::ExportArgs),
    /// Read W3C Web Annotations (as `gloss export --format json` writes
    /// them) back onto their articles' notes; those whose article is not
    /// found here are kept apart (`gloss notes` lists them) until it is opened.
    Import {
        /// A JSON file of annotations.
        #[arg(value_name = "FILE.json")]
        file: PathBuf,
    },
    /// List the articles that have notes: each one's key, how many notes
    /// and highlights, whether the article is found, its title and where it
    /// is; notes imported without their article are listed apart.
    /// `gloss notes remove KEY|PATH` deletes an article's notes.
    Notes(notes::NotesArgs),
    /// The library of the articles read: list them (newest first, with
    /// unread, starred and has-notes marks), search them, import a folder or
    /// a JSON Lines file, forget some or all, see who is mentioned most.
    Library(library::LibraryArgs),
    /// Feeds (RSS, Atom, JSON Feed): list them with unread counts, add,
    /// remove, import and export OPML, refresh into the library.
    Feeds(feeds::FeedsArgs),
    /// Every article of the library that mentions a person, organisation or
    /// place, newest first, with how often and what they said there.
    Who(library::WhoArgs),
    /// List the user lexicon: the names gloss was taught for every article
    /// (a person, an organisation, a place, or never a name), kept in
    /// $XDG_DATA_HOME/gloss/lexicon.txt (or $GLOSS_LEXICON), a plain file
    /// to edit by hand or keep in git. `gloss lexicon add KIND NAME` and
    /// `gloss lexicon remove NAME` edit it.
    Lexicon(lexicon::LexiconArgs),
    /// Print a shell completion script (e.g. `gloss completions bash >
    /// ~/.local/share/bash-completion/completions/gloss`).
    Completions {
        /// The shell to complete for.
        shell: clap_complete::Shell,
    },
    /// Print the manual page in roff (e.g. `gloss man | man -l -`).
    Man,
}

/// Run gloss with the process's arguments; the exit code to return.
pub fn main() -> ExitCode {
    run_with(std::env::args_os())
}

/// Run gloss with these arguments (the first is the program name). Usage
/// errors exit 2 (as clap does), other errors print `gloss: <reason>` on
/// one line and give 1.
pub fn run_with(args: impl IntoIterator<Item = impl Into<OsString> + Clone>) -> ExitCode {
    let cli = match parse(args) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            crate::sanitize::eprint_line(&format!("gloss: {}", error_line(&e)));
            ExitCode::FAILURE
        }
    }
}

/// An error and its causes on one line, each reason said once: a cause
/// whose text the line already holds (an error that prints its source and
/// also hands it on as its cause) is left out, and so is the
/// "(os error N)" of an I/O error.
pub fn error_line(e: &anyhow::Error) -> String {
    let mut line = String::new();
    for cause in e.chain() {
        let text = without_os_error(&cause.to_string());
        if text.is_empty() || line.contains(&text) {
            continue;
        }
        if !line.is_empty() {
            line.push_str(": ");
        }
        line.push_str(&text);
    }
    line.replace('\n', " ")
}

/// `text` without the " (os error N)" an I/O error's message ends with.
fn without_os_error(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find(" (os error ") {
        out.push_str(&rest[..i]);
        let after = &rest[i + " (os error ".len()..];
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0 && after[digits..].starts_with(')') {
            rest = &after[digits + 1..];
        } else {
            out.push_str(" (os error ");
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// Parse the command line. A subcommand and a file to open do not go
/// together (`gloss a.txt annotate`); options such as `--config` may come
/// before a subcommand or after it.
pub fn parse(
    args: impl IntoIterator<Item = impl Into<OsString> + Clone>,
) -> Result<Cli, clap::Error> {
    let cli = Cli::try_parse_from(args)?;
    if let (Some(file), Some(_)) = (&cli.file, &cli.command) {
        let mut cmd = Cli::command();
        return Err(cmd.error(
            clap::error::ErrorKind::ArgumentConflict,
            format!(
                "`{}` comes before a subcommand: give either a file to open or a \
                 subcommand (with its own arguments after it)",
                file.display()
            ),
        ));
    }
    Ok(cli)
}

/// `gloss annotate --names`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum NamesFrom {
    Rules,
    Tagger,
    Both,
}

impl NamesFrom {
    fn parts(self) -> crate::analysis::Parts {
        crate::analysis::Parts {
            rules: self != NamesFrom::Tagger,
            tagger: self != NamesFrom::Rules,
            ..crate::analysis::Parts::default()
        }
    }
}

/// Do what the command line asks.
pub fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Some(Command::Annotate(args)) => annotate::run(args, &load_config(cli.config.as_deref())?),
        Some(Command::Completions { shell }) => {
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "gloss", &mut out);
            print_bytes(&out)
        }
        Some(Command::Export(args)) => notes::export(args, &load_config(cli.config.as_deref())?),
        Some(Command::Import { file }) => {
            notes::import(&file, &load_config(cli.config.as_deref())?)
        }
        Some(Command::Notes(args)) => {
            notes::list_or_remove(args, &load_config(cli.config.as_deref())?)
        }
        Some(Command::Library(args)) => library::run(args, &load_config(cli.config.as_deref())?),
        Some(Command::Feeds(args)) => feeds::run(args, &load_config(cli.config.as_deref())?),
        Some(Command::Who(args)) => library::who(args, &load_config(cli.config.as_deref())?),
        Some(Command::Lexicon(args)) => lexicon::run(args),
        Some(Command::Man) => {
            let mut out = Vec::new();
            clap_mangen::Man::new(Cli::command())
                .render(&mut out)
                .context("cannot render the manual page")?;
            print_bytes(&out)
        }
        None => {
            let config = load_config(cli.config.as_deref())?;
            // a web page opens at once, fetched in the background
            if let Some(url) = cli
                .file
                .as_deref()
                .and_then(Path::to_str)
                .filter(|f| crate::article_id::is_web_url(f))
                && std::io::stdout().is_terminal()
            {
                return open_reader_fetching(url, &config);
            }
            // a folder: its articles as a list, none kept until opened
            if let Some(dir) = cli.file.as_deref().filter(|p| p.is_dir()) {
                return open_folder(dir, &config);
            }
            let source = match &cli.file {
                Some(path) => load(path, &config)?,
                // piped text is read without `-`: `curl … | gloss`
                None if stdin_is_piped() => load(Path::new("-"), &config)?,
                // once anything was read, the library opens
                None if std::io::stdout().is_terminal() && library_has_articles(&config) => {
                    return crate::ui::run_library(&config.reader_settings());
                }
                None => SourceText::sample(),
            };
            // the reader analyses the article itself, while it opens
            let article = annotate::source_to_article(&source, &config.clean);
            if std::io::stdout().is_terminal() {
                open_reader(article, &source, &config)
            } else {
                print(&article.text)
            }
        }
    }
}

/// `gloss DIR`: the folder's articles as a list in the reader; on a pipe,
/// one line each: the path, a tab, the title.
fn open_folder(dir: &Path, config: &Config) -> anyhow::Result<()> {
    let max = config.limits.article_bytes();
    if std::io::stdout().is_terminal() {
        return crate::ui::run_folder(dir, max, &config.reader_settings());
    }
    let files = crate::library::folder::list(dir, max, &config.clean)
        .with_context(|| format!("cannot read {}", dir.display()))?;
    write_stdout(|out| {
        for f in &files {
            writeln!(
                out,
                "{}\t{}",
                crate::sanitize::sanitize_text(&f.path.display().to_string()),
                crate::sanitize::sanitize_text(&f.title)
            )?;
        }
        Ok(())
    })
}

/// Whether standard input brings text: a pipe, a socket or a redirected
/// file, not a terminal and not a device such as `/dev/null` (a reader
/// started by a script or a service opens the sample as before).
pub fn stdin_is_piped() -> bool {
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        return false;
    }
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        use std::os::unix::fs::FileTypeExt;
        let Ok(fd) = stdin.as_fd().try_clone_to_owned() else {
            return false;
        };
        std::fs::File::from(fd)
            .metadata()
            .map(|m| {
                let t = m.file_type();
                t.is_fifo() || t.is_socket() || t.is_file()
            })
            .unwrap_or(false)
    }
    #[cfg(not(unix))]
    {
        true
    }
}

/// Whether the library keeps any article (a library that cannot be read
/// is told of when it is opened, not here).
fn library_has_articles(config: &Config) -> bool {
    let exists = config
        .library
        .dir()
        .is_some_and(|d| d.join(crate::library::DB_FILE).is_file());
    exists
        && crate::library::Library::from_settings(&config.library)
            .and_then(Result::ok)
            .and_then(|lib| lib.is_empty().ok())
            .is_some_and(|empty| !empty)
}

/// Open the reader on a web page fetched meanwhile on its own thread (the
/// loading screen shows the wait; Esc cancels).
fn open_reader_fetching(url: &str, config: &Config) -> anyhow::Result<()> {
    let fetching = source::fetch::spawn(url, &config.fetch);
    let clean = config.clean.clone();
    let poll = move || {
        fetching.try_take().map(|fetched| {
            let source = fetched.map_err(|e| e.to_string())?;
            if crate::feeds::sniff(source.content_type.as_deref(), &source.text) {
                // a feed: subscribed (asked first, unless it is followed
                // already), its items in the library, the feed pane
                let known = crate::feeds::Subscriptions::default_path()
                    .and_then(|path| crate::feeds::Subscriptions::load(&path).ok())
                    .is_some_and(|subs| subs.feeds.iter().any(|f| f.url == url));
                if known {
                    return subscribe(url, &source, config).map_err(|e| format!("{url}: {e:#}"));
                }
                let (url, config) = (url.to_string(), config.clone());
                return Ok(crate::ui::Opened::Ask {
                    question: format!("{url} is a feed (RSS, Atom or JSON Feed). Subscribe to it?"),
                    declined: format!(
                        "{url} is a feed; not subscribed (gloss feeds add URL subscribes to it)"
                    ),
                    then: Box::new(move || {
                        subscribe(&url, &source, &config).map_err(|e| format!("{url}: {e:#}"))
                    }),
                });
            }
            Ok(crate::ui::Opened::Article(
                Box::new(annotate::source_to_article(&source, &clean)),
                source.article_id(),
            ))
        })
    };
    crate::ui::run_loading(url, poll, &config.reader_settings())
}

/// `gloss URL` of a feed: subscribe to it and take its items in.
fn subscribe(url: &str, source: &SourceText, config: &Config) -> anyhow::Result<crate::ui::Opened> {
    let path = crate::feeds::Subscriptions::default_path()
        .context("no config directory is known for the subscriptions (set XDG_CONFIG_HOME)")?;
    let mut lib = crate::library::Library::from_settings(&config.library)
        .context("a feed's items are kept in the library, which is off ([library] keep)")??;
    let known = crate::feeds::Subscriptions::load(&path)?
        .feeds
        .iter()
        .any(|f| f.url == url);
    let outcome = crate::feeds::subscribe_fetched(
        &path,
        url,
        &source.text,
        &mut lib,
        &config.feeds,
        &config.clean,
    )?;
    let note = match (&outcome.error, known) {
        (Some(e), _) => format!("A feed, but it cannot be read: {e}"),
        (None, true) => format!("A feed you follow: {} new item(s)", outcome.new),
        (None, false) => format!(
            "A feed: subscribed ({} item(s); gloss feeds remove URL undoes it)",
            outcome.new
        ),
    };
    Ok(crate::ui::Opened::Feed {
        url: url.to_string(),
        note,
    })
}

/// Open the reader on an article.
pub fn open_reader(
    article: crate::article::Article,
    source: &SourceText,
    config: &Config,
) -> anyhow::Result<()> {
    let mut settings = config.reader_settings();
    // the bundled sample is no reading of the user's: not kept
    if source.origin == source::Origin::Sample {
        settings.library.keep = false;
    }
    crate::ui::run(article, &settings, &source.article_id())
}

fn load_config(path: Option<&Path>) -> anyhow::Result<Config> {
    Ok(Config::load(path)?)
}

/// Load an input: a file, stdin, or a web page ([`source::open`]).
fn load(input: &Path, config: &Config) -> anyhow::Result<SourceText> {
    Ok(match input.to_str() {
        Some(input) => source::open(input, &config.fetch, config.limits.article_bytes())?,
        // not UTF-8: not a URL
        None => source::load_limited(input, config.limits.article_bytes())?,
    })
}

/// Print text and a newline to stdout (sanitised: it is read on a terminal
/// or through a pager).
fn print(text: &str) -> anyhow::Result<()> {
    write_stdout(|out| {
        out.write_all(crate::sanitize::sanitize_text(text).as_bytes())?;
        out.write_all(b"\n")
    })
}

fn print_bytes(bytes: &[u8]) -> anyhow::Result<()> {
    write_stdout(|out| out.write_all(bytes))
}

/// Buffered stdout, a concrete type so that serde_json's many small writes
/// are inlined.
type Stdout = std::io::BufWriter<std::io::StdoutLock<'static>>;

/// Write to stdout through a buffer. A reader that went away (`gloss FILE |
/// head`) is not an error.
fn write_stdout(write: impl FnOnce(&mut Stdout) -> std::io::Result<()>) -> anyhow::Result<()> {
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    match write(&mut out).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.context("cannot write to standard output"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_tree_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn a_file_named_like_a_subcommand_is_a_file_when_written_as_a_path() {
        let cli = parse(["gloss", "./annotate"]).expect("parses");
        assert!(cli.command.is_none());
        assert_eq!(cli.file, Some(PathBuf::from("./annotate")));
        let cli = parse(["gloss", "annotate", "x.txt"]).expect("parses");
        assert!(matches!(cli.command, Some(Command::Annotate(_))));
    }

    #[test]
    fn an_io_error_gives_its_reason_once() {
        let io = std::io::Error::from(std::io::ErrorKind::NotFound);
        let io_text = io.to_string();
        let e = anyhow::Error::from(crate::config::ConfigError::Read {
            path: PathBuf::from("/nowhere/c.toml"),
            source: io,
        });
        let line = error_line(&e);
        let reason = without_os_error(&io_text);
        assert_eq!(line, format!("/nowhere/c.toml: {reason}"));
        assert_eq!(line.matches(&reason).count(), 1, "{line}");
        let os = anyhow::Error::from(std::io::Error::from_raw_os_error(2))
            .context("cannot read in.json");
        assert_eq!(
            error_line(&os),
            "cannot read in.json: No such file or directory"
        );
    }

    #[test]
    fn config_is_global() {
        let cli = parse(["gloss", "annotate", "a.txt", "--config", "c.toml"]).expect("parses");
        assert_eq!(cli.config, Some(PathBuf::from("c.toml")));
        let cli = parse(["gloss", "--config", "c.toml", "a.txt"]).expect("parses");
        assert_eq!(cli.config, Some(PathBuf::from("c.toml")));
        assert!(cli.command.is_none());
    }

    #[test]
    fn config_before_a_subcommand_is_taken_as_the_readme_says() {
        for args in [
            &["gloss", "--config", "c.toml", "annotate", "a.txt"][..],
            &["gloss", "--config=c.toml", "annotate", "a.txt"],
            &["gloss", "--config", "c.toml", "export", "a.txt"],
        ] {
            let cli = parse(args.iter().copied()).unwrap_or_else(|e| panic!("{args:?}: {e}"));
            assert_eq!(cli.config, Some(PathBuf::from("c.toml")), "{args:?}");
            assert!(cli.file.is_none(), "{args:?}");
            assert!(cli.command.is_some(), "{args:?}");
        }
        let e = parse(["gloss", "a.txt", "annotate", "b.txt"]).unwrap_err();
        assert_eq!(e.kind(), clap::error::ErrorKind::ArgumentConflict);
    }
}
