//! `gloss lexicon`: list and edit the user lexicon (`notes::lexicon`), what
//! the reader taught gloss about names for every article.

use anyhow::bail;
use clap::{Args, Subcommand, ValueEnum};

use crate::analysis::EntityKind;
use crate::notes::lexicon::{self, UserLexicon};

/// `gloss lexicon`.
#[derive(Debug, Args)]
pub struct LexiconArgs {
    #[command(subcommand)]
    pub action: Option<LexiconAction>,
}

/// What `gloss lexicon` can do besides listing.
#[derive(Debug, Subcommand)]
pub enum LexiconAction {
    /// Say that NAME (as written: case counts) is a person, an
    /// organisation or a place in every article, or never a name.
    Add {
        #[arg(value_enum)]
        kind: KindArg,
        /// The name; several words are one name (`gloss lexicon add place
        /// Uluru Kata Tjuta`).
        #[arg(required = true, value_name = "NAME")]
        name: Vec<String>,
    },
    /// Forget what the lexicon says of NAME.
    Remove {
        #[arg(required = true, value_name = "NAME")]
        name: Vec<String>,
    },
}

/// The kinds, as the command line names them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum KindArg {
    Person,
    #[value(alias = "organization", alias = "org")]
    Organisation,
    Place,
    NotAName,
}

impl KindArg {
    fn kind(self) -> lexicon::Kind {
        match self {
            KindArg::Person => Some(EntityKind::Person),
            KindArg::Organisation => Some(EntityKind::Organization),
            KindArg::Place => Some(EntityKind::Place),
            KindArg::NotAName => None,
        }
    }
}

/// Do `gloss lexicon`.
pub fn run(args: LexiconArgs) -> anyhow::Result<()> {
    let Some(path) = UserLexicon::default_path() else {
        bail!(lexicon::LexiconError::NoDir);
    };
    let mut lex = UserLexicon::load(&path)?;
    match args.action {
        None => {
            let entries = lex.entries();
            if entries.is_empty() {
                eprintln!(
                    "The user lexicon ({}) is empty: `gloss lexicon add KIND NAME` adds to it",
                    path.display()
                );
            }
            let lines: String = entries
                .iter()
                .map(|(kind, name)| format!("{:<12} {name}\n", lexicon::kind_word(*kind)))
                .collect();
            super::print_bytes(lines.as_bytes())
        }
        Some(LexiconAction::Add { kind, name }) => {
            let name = name.join(" ");
            if lex.add(kind.kind(), &name) {
                lex.save(&path)?;
            }
            eprintln!(
                "{name}: {} ({})",
                lexicon::kind_word(kind.kind()),
                path.display()
            );
            Ok(())
        }
        Some(LexiconAction::Remove { name }) => {
            let name = name.join(" ");
            if !lex.remove(&name) {
                bail!(
                    "the user lexicon ({}) says nothing of {name}",
                    path.display()
                );
            }
            lex.save(&path)?;
            eprintln!("{name}: removed ({})", path.display());
            Ok(())
        }
    }
}
