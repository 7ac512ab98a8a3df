//! The command line: one `clap` tree.
//!
//! `gloss [FILE|-]` opens the reader (or prints the clean text when stdout is
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

use crate::Document;
use crate::config::Config;
use crate::source::{self, SourceText};

mod notes;

/// A terminal news reader that annotates as you read: people, organisations,
/// places and quotes beside the article.
#[derive(Debug, Parser)]
#[command(
    name = "gloss",
    version,
    propagate_version = true,
    args_conflicts_with_subcommands = true,
    after_help = "Settings: $XDG_CONFIG_HOME/gloss/config.toml (usually ~/.config/gloss/config.toml); \
                  every option is documented with its default in config.toml in gloss's source."
)]
pub struct Cli {
    /// Read settings from PATH instead of the user's config file.
    #[arg(long, global = true, value_name = "PATH")]
    pub config: Option<PathBuf>,

    /// The article: a text file, or - for standard input. Without one, the
    /// bundled sample article.
    #[arg(value_name = "FILE|-")]
    pub file: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// What gloss can do besides opening the reader.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the article's annotation as JSON: clean text, blocks, people,
    /// organisations, places and quotes (see docs/annotate-json.md).
    Annotate {
        /// A text file, or - for standard input.
        #[arg(value_name = "FILE|-")]
        file: PathBuf,
        /// What finds the names, for measuring each part alone: the rules
        /// (name lists, titles, gazetteer, context), the learned tagger, or both.
        #[arg(long, value_enum, default_value_t = NamesFrom::Both)]
        names: NamesFrom,
        /// Also say why: for each name, the rules that fired and their
        /// weights; for each quote, how its speaker was chosen (an `explain`
        /// member after the others).
        #[arg(long)]
        explain: bool,
    },
    /// Export an article's highlights and notes: Markdown (or --format json,
    /// W3C Web Annotations) to standard output, or to a file with -o; with
    /// --all, every annotated article into a folder.
    Export(notes::ExportArgs),
    /// Read W3C Web Annotations (as `gloss export --format json` writes
    /// them) back onto their articles' notes.
    Import {
        /// A JSON file of annotations.
        #[arg(value_name = "FILE.json")]
        file: PathBuf,
    },
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
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let message = format!("{e:#}").replace('\n', " ");
            eprintln!("gloss: {message}");
            ExitCode::FAILURE
        }
    }
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
        }
    }
}

/// Do what the command line asks.
pub fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Some(Command::Annotate {
            file,
            names,
            explain,
        }) => {
            let config = load_config(cli.config.as_deref())?;
            // the raw text is not needed once cleaned
            let article = crate::article::read(&load(&file)?.text, None, None, &config.clean);
            let (analysis, why) = if explain {
                let (analysis, why) = crate::analysis::analyze_explained(&article, names.parts());
                (analysis, Some(why))
            } else {
                (crate::analysis::analyze_with(&article, names.parts()), None)
            };
            let doc = Document { article, analysis };
            write_stdout(|out| {
                match &why {
                    Some(why) => crate::annotate::write_json_explained(&doc, why, &mut *out)?,
                    None => crate::annotate::write_json(&doc, &mut *out)?,
                }
                out.write_all(b"\n")
            })
        }
        Some(Command::Completions { shell }) => {
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "gloss", &mut out);
            print_bytes(&out)
        }
        Some(Command::Export(args)) => notes::export(args, &load_config(cli.config.as_deref())?),
        Some(Command::Import { file }) => {
            notes::import(&file, &load_config(cli.config.as_deref())?)
        }
        Some(Command::Man) => {
            let mut out = Vec::new();
            clap_mangen::Man::new(Cli::command())
                .render(&mut out)
                .context("cannot render the manual page")?;
            print_bytes(&out)
        }
        None => {
            let config = load_config(cli.config.as_deref())?;
            let source = match &cli.file {
                Some(path) => load(path)?,
                None => SourceText::sample(),
            };
            // the reader analyses the article itself, while it opens
            let article = crate::article::read(&source.text, None, None, &config.clean);
            if std::io::stdout().is_terminal() {
                open_reader(article, &source, &config)
            } else {
                print(&article.text)
            }
        }
    }
}

/// Open the reader on an article.
pub fn open_reader(
    article: crate::article::Article,
    source: &SourceText,
    config: &Config,
) -> anyhow::Result<()> {
    let settings = config.reader_settings();
    crate::ui::run(article, &settings, &source.article_id())
}

fn load_config(path: Option<&Path>) -> anyhow::Result<Config> {
    Ok(Config::load(path)?)
}

fn load(path: &Path) -> anyhow::Result<SourceText> {
    Ok(source::load(path)?)
}

/// Print text and a newline to stdout.
fn print(text: &str) -> anyhow::Result<()> {
    write_stdout(|out| {
        out.write_all(text.as_bytes())?;
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
        let cli = Cli::try_parse_from(["gloss", "./annotate"]).expect("parses");
        assert!(cli.command.is_none());
        assert_eq!(cli.file, Some(PathBuf::from("./annotate")));
        let cli = Cli::try_parse_from(["gloss", "annotate", "x.txt"]).expect("parses");
        assert!(matches!(cli.command, Some(Command::Annotate { .. })));
    }

    #[test]
    fn config_is_global() {
        let cli = Cli::try_parse_from(["gloss", "annotate", "a.txt", "--config", "c.toml"])
            .expect("parses");
        assert_eq!(cli.config, Some(PathBuf::from("c.toml")));
        let cli = Cli::try_parse_from(["gloss", "--config", "c.toml", "a.txt"]).expect("parses");
        assert_eq!(cli.config, Some(PathBuf::from("c.toml")));
    }
}
