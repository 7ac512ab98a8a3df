//! `gloss feeds`: subscriptions, OPML, refresh.

use std::io::Write as _;
use std::path::PathBuf;

use anyhow::{Context as _, bail};
use clap::{Args, Subcommand};

use crate::config::Config;
use crate::feeds::{Subscriptions, opml, refresh};

/// `gloss feeds`.
#[derive(Debug, Args)]
pub struct FeedsArgs {
    #[command(subcommand)]
    pub action: Option<FeedsAction>,
    /// One JSON object per feed (or per refreshed feed), a line each.
    #[arg(long, global = true)]
    pub json: bool,
}

/// What `gloss feeds` can do; without one, list the feeds with their
/// unread counts and errors.
#[derive(Debug, Subcommand)]
pub enum FeedsAction {
    /// List the feeds, with how many items are unread and the last error.
    List,
    /// Subscribe to a feed (RSS, Atom or JSON Feed): its URL, or a file.
    Add {
        #[arg(value_name = "URL")]
        url: String,
        /// The name to show it by (else the feed's own title).
        #[arg(long, value_name = "N")]
        name: Option<String>,
        /// A tag for its items (again for more).
        #[arg(long = "tag", value_name = "T")]
        tags: Vec<String>,
    },
    /// Unsubscribe (by URL or name); its items stay in the library.
    Remove {
        #[arg(value_name = "URL|NAME")]
        feed: String,
    },
    /// Subscribe to the feeds of an OPML file (as other readers export
    /// them); their folders become tags.
    Import {
        #[arg(value_name = "FILE.opml")]
        file: PathBuf,
    },
    /// Print the subscriptions as OPML 2.0 (folders by first tag).
    Export,
    /// Fetch every feed (in parallel, politely: ETag, Last-Modified, a limit
    /// per host) and keep their new items in the library, unread.
    Refresh,
}

fn path() -> anyhow::Result<PathBuf> {
    Subscriptions::default_path()
        .context("no config directory is known for the subscriptions (set XDG_CONFIG_HOME)")
}

pub fn run(args: FeedsArgs, config: &Config) -> anyhow::Result<()> {
    let path = path()?;
    let mut subs = Subscriptions::load(&path)?;
    match args.action {
        None | Some(FeedsAction::List) => list(&subs, config, args.json),
        Some(FeedsAction::Add { url, name, tags }) => {
            if !crate::article_id::is_web_url(&url) && !std::path::Path::new(&url).is_file() {
                bail!("{url}: neither an http(s) URL nor a file");
            }
            let url = if crate::article_id::is_web_url(&url) {
                url
            } else {
                std::fs::canonicalize(&url)
                    .map(|p| p.display().to_string())
                    .unwrap_or(url)
            };
            let added = subs.add(&url, name, tags);
            subs.save(&path)?;
            eprintln!(
                "gloss: {} {url}",
                if added { "subscribed to" } else { "updated" }
            );
            Ok(())
        }
        Some(FeedsAction::Remove { feed }) => {
            if !subs.remove(&feed) {
                bail!("no feed {feed} (gloss feeds lists them)");
            }
            subs.save(&path)?;
            Ok(())
        }
        Some(FeedsAction::Import { file }) => {
            let text = std::fs::read_to_string(&file)
                .with_context(|| format!("cannot read {}", file.display()))?;
            let feeds =
                opml::import(&text).map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
            let mut new = 0;
            for feed in feeds {
                let url = feed.url.clone();
                if subs.add(&url, feed.name, feed.tags) {
                    new += 1;
                }
                if let Some(f) = subs.feeds.iter_mut().find(|f| f.url == url)
                    && f.site.is_none()
                {
                    f.site = feed.site;
                }
            }
            subs.save(&path)?;
            eprintln!("gloss: {new} new feed(s)");
            Ok(())
        }
        Some(FeedsAction::Export) => {
            let text = opml::export(&subs.feeds);
            super::write_stdout(|out| out.write_all(text.as_bytes()))
        }
        Some(FeedsAction::Refresh) => {
            let mut lib = super::library::open(config)?;
            let outcomes =
                refresh::refresh(&mut subs.feeds, &mut lib, &config.feeds, &config.clean);
            subs.save(&path)?;
            super::write_stdout(|out| {
                for (o, feed) in outcomes.iter().zip(&subs.feeds) {
                    if args.json {
                        serde_json::to_writer(&mut *out, o)?;
                        writeln!(out)?;
                    } else {
                        match &o.error {
                            Some(e) => writeln!(out, "{}: error: {e}", feed.label())?,
                            None if o.not_modified => {
                                writeln!(out, "{}: not modified", feed.label())?
                            }
                            None => writeln!(out, "{}: {} new", feed.label(), o.new)?,
                        }
                    }
                }
                Ok(())
            })
        }
    }
}

fn list(subs: &Subscriptions, config: &Config, json: bool) -> anyhow::Result<()> {
    let counts = match crate::library::Library::from_settings(&config.library) {
        Some(Ok(lib)) => lib.feed_counts()?,
        _ => Default::default(),
    };
    super::write_stdout(|out| {
        for feed in &subs.feeds {
            let (items, unread) = counts.get(&feed.url).copied().unwrap_or((0, 0));
            if json {
                let row = serde_json::json!({
                    "url": feed.url, "name": feed.label(), "tags": feed.tags,
                    "items": items, "unread": unread, "error": feed.error,
                });
                writeln!(out, "{row}")?;
            } else {
                let tags = if feed.tags.is_empty() {
                    String::new()
                } else {
                    format!("  [{}]", feed.tags.join(", "))
                };
                let error = feed
                    .error
                    .as_deref()
                    .map(|e| format!("  error: {e}"))
                    .unwrap_or_default();
                writeln!(
                    out,
                    "{unread:>4} unread  {}{tags}  {}{error}",
                    feed.label(),
                    feed.url
                )?;
            }
        }
        Ok(())
    })
}
