//! Feeds: RSS 0.9/1.0/2.0, Atom and JSON Feed (`feed-rs`), their
//! subscriptions (`feeds.json` in the config directory, beside and apart
//! from the user's `config.toml`), OPML import and export (`opml`), and the
//! refresh (`refresh`): every feed fetched in parallel, at most
//! `per-host` at once per host and port, with `ETag` / `Last-Modified`, a
//! broken feed's error kept beside it without stopping the others; the
//! items land in the library as unread articles, one per GUID or link.

pub mod opml;
pub mod refresh;

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// `[feeds]` in `config.toml`: limits of a refresh.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct FeedSettings {
    /// Feeds fetched at once in all.
    pub parallel: usize,
    /// Feeds fetched at once from one host and port.
    pub per_host: usize,
    /// The largest feed read, in bytes.
    pub max_bytes: u64,
    /// Items kept from one feed at a refresh (the first ones).
    pub max_items: usize,
    /// Seconds a feed may take.
    pub timeout: u64,
    /// The reader refreshes every feed when it starts and then every this
    /// many minutes, in the background; 0: only when asked (`r`).
    #[serde(default)]
    pub refresh_minutes: u64,
}

impl Default for FeedSettings {
    fn default() -> Self {
        FeedSettings {
            parallel: 8,
            per_host: 2,
            max_bytes: 5 << 20,
            max_items: 500,
            timeout: 30,
            refresh_minutes: 0,
        }
    }
}

/// A subscription and what the last refresh learnt of it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Feed {
    pub url: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// The feed's own title, from the last refresh.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub etag: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_modified: Option<String>,
    /// Why the last refresh failed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// The site's address, from OPML's `htmlUrl` or the feed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub site: Option<String>,
}

impl Feed {
    /// The name it is shown by: the one given, the feed's title, its URL.
    pub fn label(&self) -> &str {
        self.name
            .as_deref()
            .or(self.title.as_deref())
            .unwrap_or(&self.url)
    }
}

/// The subscriptions file.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Subscriptions {
    pub version: u32,
    pub feeds: Vec<Feed>,
}

/// The file's name in the config directory.
pub const FILE: &str = "feeds.json";
const VERSION: u32 = 1;

impl Subscriptions {
    /// `$XDG_CONFIG_HOME/gloss/feeds.json`.
    pub fn default_path() -> Option<PathBuf> {
        directories::ProjectDirs::from("", "", "gloss").map(|d| d.config_dir().join(FILE))
    }

    /// Read the subscriptions (none when the file is not there).
    pub fn load(path: &Path) -> anyhow::Result<Subscriptions> {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Ok(Subscriptions {
                    version: VERSION,
                    feeds: Vec::new(),
                });
            }
            Err(e) => anyhow::bail!("{}: {e}", path.display()),
        };
        let subs: Subscriptions = serde_json::from_str(&text)
            .map_err(|e| anyhow::anyhow!("{}: not a subscriptions file: {e}", path.display()))?;
        if subs.version > VERSION {
            anyhow::bail!(
                "{}: written by a newer gloss (version {}); upgrade gloss",
                path.display(),
                subs.version
            );
        }
        Ok(subs)
    }

    /// Write them atomically, 0600, in a 0700 folder.
    pub fn save(&self, path: &Path) -> anyhow::Result<()> {
        if let Some(dir) = path.parent() {
            let mut builder = std::fs::DirBuilder::new();
            builder.recursive(true);
            #[cfg(unix)]
            {
                use std::os::unix::fs::DirBuilderExt;
                builder.mode(0o700);
            }
            builder
                .create(dir)
                .map_err(|e| anyhow::anyhow!("{}: {e}", dir.display()))?;
        }
        let mut json = serde_json::to_string_pretty(self)?;
        json.push('\n');
        crate::notes::atomic::write(
            path,
            json.as_bytes(),
            "feeds",
            crate::notes::atomic::Existing::Replace,
        )
        .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))
    }

    /// Add a feed (or give an existing one the name and tags); whether it is new.
    pub fn add(&mut self, url: &str, name: Option<String>, tags: Vec<String>) -> bool {
        if let Some(feed) = self.feeds.iter_mut().find(|f| f.url == url) {
            if name.is_some() {
                feed.name = name;
            }
            for tag in tags {
                if !feed.tags.contains(&tag) {
                    feed.tags.push(tag);
                }
            }
            return false;
        }
        self.feeds.push(Feed {
            url: url.to_string(),
            name,
            tags,
            ..Feed::default()
        });
        true
    }

    /// Remove the feed with this URL or name; whether there was one.
    pub fn remove(&mut self, which: &str) -> bool {
        let before = self.feeds.len();
        self.feeds
            .retain(|f| f.url != which && f.name.as_deref() != Some(which));
        self.feeds.len() != before
    }
}

/// Whether a body fetched (or read) is a feed rather than a page: by its
/// media type when that says so, else by its start (an `<rss>`, `<feed>`
/// or `<rdf:RDF>` root, or a JSON Feed's `version`).
pub fn sniff(content_type: Option<&str>, body: &str) -> bool {
    match content_type {
        Some(
            "application/rss+xml"
            | "application/atom+xml"
            | "application/feed+json"
            | "application/rdf+xml",
        ) => return true,
        Some("text/html" | "application/xhtml+xml") => return false,
        _ => {}
    }
    let head: String = body
        .trim_start_matches('\u{feff}')
        .trim_start()
        .chars()
        .take(2048)
        .collect();
    if head.starts_with('{') {
        return head.contains("jsonfeed.org/version");
    }
    if !head.starts_with('<') {
        return false;
    }
    // the first element, past the declaration, comments and instructions
    let root = head.match_indices('<').find_map(|(i, _)| {
        let rest = &head[i + 1..];
        rest.starts_with(|c: char| c.is_ascii_alphabetic())
            .then(|| {
                rest.split(|c: char| c.is_whitespace() || c == '>' || c == '/')
                    .next()
                    .unwrap_or("")
            })
    });
    root.is_some_and(|r| {
        let r = r.to_ascii_lowercase();
        r == "rss" || r == "feed" || r == "rdf:rdf"
    })
}

/// `gloss URL` found a feed there: subscribe to it (once) and take its
/// items into the library from the body already fetched. What it did.
pub fn subscribe_fetched(
    path: &Path,
    url: &str,
    body: &str,
    lib: &mut crate::library::Library,
    settings: &FeedSettings,
    clean: &crate::article::CleanOptions,
) -> anyhow::Result<refresh::Outcome> {
    let mut subs = Subscriptions::load(path)?;
    subs.add(url, None, Vec::new());
    let feed = subs
        .feeds
        .iter_mut()
        .find(|f| f.url == url)
        .ok_or_else(|| anyhow::anyhow!("{url}: not subscribed"))?;
    let outcome = refresh::take_in(feed, body.as_bytes(), lib, settings, clean);
    subs.save(path)?;
    Ok(outcome)
}

#[cfg(test)]
mod tests;
