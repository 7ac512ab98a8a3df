//! Refreshing feeds: each fetched with `If-None-Match` / `If-Modified-Since`
//! from what it said last time, on a pool of `parallel` threads with at most
//! `per-host` feeds of one host and port at once; parsed by `feed-rs`
//! (bounded in bytes and items); each item cleaned into an article (its
//! full content when the feed carries it, else its summary) and kept in the
//! library, unread, once per GUID or link.

use std::collections::BTreeMap;
use std::time::Duration;

use rayon::prelude::*;

use super::{Feed, FeedSettings};
use crate::article::html::Format;
use crate::article::{Article, CleanOptions};
use crate::article_id::ArticleId;
use crate::library::{FeedItem, Library};

/// A feed's text above this many characters is taken as its full content;
/// below, as a summary of the linked page.
const FULL: usize = 600;

/// What refreshing one feed did.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Outcome {
    pub url: String,
    /// Items new to the library.
    pub new: usize,
    /// The server said nothing changed (304).
    pub not_modified: bool,
    pub error: Option<String>,
}

/// A feed as fetched and parsed.
pub struct Fetched {
    title: Option<String>,
    site: Option<String>,
    etag: Option<String>,
    last_modified: Option<String>,
    items: Vec<FeedItem>,
}

/// Refresh every feed; each one's errors and validators are written back
/// into `feeds`, its new items into the library.
pub fn refresh(
    feeds: &mut [Feed],
    lib: &mut Library,
    settings: &FeedSettings,
    clean: &CleanOptions,
) -> Vec<Outcome> {
    let lanes = lanes(feeds, settings.per_host.max(1));
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(settings.parallel.max(1))
        .build();
    let work = |lanes: &[Vec<usize>]| -> Vec<(usize, Result<Option<Fetched>, String>)> {
        lanes
            .par_iter()
            .flat_map_iter(|lane| {
                lane.iter()
                    .map(|&i| (i, fetch(&feeds[i], settings, clean)))
                    .collect::<Vec<_>>()
            })
            .collect()
    };
    let mut results = match &pool {
        Ok(pool) => pool.install(|| work(&lanes)),
        Err(_) => work(&lanes),
    };
    results.sort_by_key(|(i, _)| *i);
    let now = crate::library::now();
    results
        .into_iter()
        .map(|(i, result)| take(&mut feeds[i], result, lib, now))
        .collect()
}

/// A feed's body fetched by someone else (`gloss URL`): its items into the
/// library, what it said of itself into `feed`.
pub fn take_in(
    feed: &mut Feed,
    body: &[u8],
    lib: &mut Library,
    settings: &FeedSettings,
    clean: &CleanOptions,
) -> Outcome {
    let parsed = parse(body, settings, clean, feed).map(Some);
    take(feed, parsed, lib, crate::library::now())
}

/// What a fetch brought, into the library and the feed.
fn take(
    feed: &mut Feed,
    result: Result<Option<Fetched>, String>,
    lib: &mut Library,
    now: i64,
) -> Outcome {
    {
        let mut outcome = Outcome {
            url: feed.url.clone(),
            new: 0,
            not_modified: false,
            error: None,
        };
        match result {
            Ok(None) => {
                outcome.not_modified = true;
                feed.error = None;
            }
            Ok(Some(fetched)) => {
                feed.title = fetched.title.or(feed.title.take());
                feed.site = feed.site.take().or(fetched.site);
                feed.etag = fetched.etag;
                feed.last_modified = fetched.last_modified;
                let label = feed.label().to_string();
                match lib.add_feed_items(&feed.url, &label, &feed.tags, &fetched.items, now) {
                    Ok(n) => {
                        outcome.new = n;
                        feed.error = None;
                    }
                    Err(e) => outcome.error = Some(e.to_string()),
                }
            }
            Err(e) => outcome.error = Some(e),
        }
        if outcome.error.is_some() {
            feed.error.clone_from(&outcome.error);
        }
        outcome
    }
}

/// The feeds in lanes: each lane is fetched one feed after the other, and
/// one host and port has at most `per_host` lanes.
fn lanes(feeds: &[Feed], per_host: usize) -> Vec<Vec<usize>> {
    let mut by_host: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, feed) in feeds.iter().enumerate() {
        let host = url::Url::parse(&feed.url)
            .ok()
            .map(|u| {
                format!(
                    "{}:{}",
                    u.host_str().unwrap_or(""),
                    u.port_or_known_default().unwrap_or(0)
                )
            })
            .unwrap_or_else(|| feed.url.clone());
        by_host.entry(host).or_default().push(i);
    }
    let mut lanes = Vec::new();
    for (_, indices) in by_host {
        let n = per_host.min(indices.len());
        let mut host_lanes = vec![Vec::new(); n];
        for (k, i) in indices.into_iter().enumerate() {
            host_lanes[k % n].push(i);
        }
        lanes.extend(host_lanes);
    }
    lanes
}

/// Fetch and parse one feed: `None` when it has not changed.
fn fetch(
    feed: &Feed,
    settings: &FeedSettings,
    clean: &CleanOptions,
) -> Result<Option<Fetched>, String> {
    let body;
    let (etag, last_modified);
    if crate::article_id::is_web_url(&feed.url) {
        let config = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(settings.timeout.max(1))))
            .user_agent(crate::source::fetch::default_user_agent())
            .accept("application/rss+xml,application/atom+xml,application/feed+json,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.1")
            .build();
        let agent = ureq::Agent::new_with_config(config);
        let mut request = agent.get(&feed.url);
        if let Some(tag) = &feed.etag {
            request = request.header("If-None-Match", tag);
        }
        if let Some(date) = &feed.last_modified {
            request = request.header("If-Modified-Since", date);
        }
        let mut response = request.call().map_err(|e| format!("cannot fetch: {e}"))?;
        let status = response.status();
        if status.as_u16() == 304 {
            return Ok(None);
        }
        if !status.is_success() {
            return Err(format!(
                "HTTP {} {}",
                status.as_u16(),
                status.canonical_reason().unwrap_or("")
            )
            .trim()
            .to_string());
        }
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
        };
        etag = header("etag");
        last_modified = header("last-modified");
        body = response
            .body_mut()
            .with_config()
            .limit(settings.max_bytes)
            .read_to_vec()
            .map_err(|e| match e {
                ureq::Error::BodyExceedsLimit(_) => {
                    format!("larger than the limit of {} bytes", settings.max_bytes)
                }
                e => format!("cannot read: {e}"),
            })?;
    } else {
        let path = feed.url.strip_prefix("file://").unwrap_or(&feed.url);
        let meta = std::fs::metadata(path).map_err(|e| format!("{path}: {e}"))?;
        if meta.len() > settings.max_bytes {
            return Err(format!(
                "larger than the limit of {} bytes",
                settings.max_bytes
            ));
        }
        body = std::fs::read(path).map_err(|e| format!("{path}: {e}"))?;
        (etag, last_modified) = (None, None);
    }
    let parsed = parse(&body, settings, clean, feed)?;
    Ok(Some(Fetched {
        etag,
        last_modified,
        ..parsed
    }))
}

/// Parse a feed's bytes into its items' articles (public for the fuzz
/// target, `fuzz/fuzz_targets/feed.rs`).
pub fn parse(
    body: &[u8],
    settings: &FeedSettings,
    clean: &CleanOptions,
    feed: &Feed,
) -> Result<Fetched, String> {
    let parsed = feed_rs::parser::parse(body).map_err(|e| format!("not a feed: {e}"))?;
    let title = parsed.title.map(|t| t.content.trim().to_string());
    let label = feed
        .name
        .clone()
        .or_else(|| title.clone())
        .unwrap_or_else(|| feed.url.clone());
    let site = parsed.links.first().map(|l| l.href.clone());
    let items = parsed
        .entries
        .into_iter()
        .take(settings.max_items)
        .filter_map(|entry| {
            let link = entry
                .links
                .iter()
                .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
                .or(entry.links.first())
                .map(|l| l.href.clone());
            let heading = entry
                .title
                .as_ref()
                .map(|t| t.content.trim().to_string())
                .unwrap_or_default();
            let body = entry
                .content
                .and_then(|c| c.body)
                .or(entry.summary.map(|s| s.content))
                .unwrap_or_default();
            if heading.is_empty() && body.trim().is_empty() {
                return None;
            }
            let html = format!("<h1>{}</h1>\n{body}", quick_xml::escape::escape(&heading));
            let mut article: Article =
                crate::article::read(&html, Some(Format::Html), link.as_deref(), clean);
            if article.text.is_empty() {
                return None;
            }
            let date = entry.published.or(entry.updated);
            article.meta.published = date.map(|d| d.to_rfc3339());
            article.meta.site = Some(label.clone());
            if article.meta.url.is_none() {
                article.meta.url.clone_from(&link);
            }
            let full = article.text.chars().count() >= FULL;
            let id = match &link {
                Some(l) if crate::article_id::is_web_url(l) => ArticleId::Url(l.clone()),
                _ => ArticleId::for_content(&format!("{}\n{}", feed.url, entry.id)),
            };
            Some(FeedItem {
                guid: entry.id,
                link,
                id,
                article,
                full,
            })
        })
        .collect();
    Ok(Fetched {
        title,
        site,
        etag: None,
        last_modified: None,
        items,
    })
}
