//! OPML: the subscription lists readers exchange. Import takes every
//! `outline` with an `xmlUrl`, its `text` (or `title`) as the name, its
//! `htmlUrl`, and the folders around it (outlines without `xmlUrl`) as its
//! tags; export writes OPML 2.0 with one folder per first tag, as newsboat,
//! Feedly, NetNewsWire and the others read it.

use quick_xml::escape::escape;
use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

use super::Feed;

/// The feeds of an OPML document.
pub fn import(text: &str) -> Result<Vec<Feed>, String> {
    let mut reader = Reader::from_str(text);
    let mut folders: Vec<Option<String>> = Vec::new();
    let mut feeds = Vec::new();
    let mut saw_opml = false;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => {
                if e.name().into_inner() == "opml" {
                    saw_opml = true;
                }
                if e.name().into_inner() == "outline" {
                    match outline(&e)? {
                        Some(feed) => {
                            feeds.push(with_folders(feed, &folders));
                            folders.push(None);
                        }
                        None => folders.push(Some(title_of(&e)?)),
                    }
                }
            }
            Ok(Event::Empty(e)) => {
                if e.name().into_inner() == "outline"
                    && let Some(feed) = outline(&e)?
                {
                    feeds.push(with_folders(feed, &folders));
                }
            }
            Ok(Event::End(e)) => {
                if e.name().into_inner() == "outline" {
                    folders.pop();
                }
            }
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => {
                return Err(format!(
                    "not OPML: {e} (at byte {})",
                    reader.buffer_position()
                ));
            }
        }
    }
    if !saw_opml {
        return Err("not OPML: no <opml> element".to_string());
    }
    Ok(feeds)
}

/// The folders around a feed are its first tags, then its `category`.
fn with_folders(mut feed: Feed, folders: &[Option<String>]) -> Feed {
    let mut tags: Vec<String> = folders.iter().flatten().cloned().collect();
    for tag in feed.tags {
        if !tags.contains(&tag) {
            tags.push(tag);
        }
    }
    feed.tags = tags;
    feed
}

fn attr(e: &BytesStart<'_>, name: &str) -> Result<Option<String>, String> {
    for a in e.attributes().with_checks(false) {
        let a = a.map_err(|e| format!("not OPML: {e}"))?;
        if a.key.into_inner().eq_ignore_ascii_case(name) {
            let v = a
                .normalized_value(XmlVersion::Implicit1_0)
                .map_err(|e| format!("not OPML: {e}"))?;
            let v = v.trim();
            return Ok((!v.is_empty()).then(|| v.to_string()));
        }
    }
    Ok(None)
}

fn title_of(e: &BytesStart<'_>) -> Result<String, String> {
    Ok(attr(e, "text")?.or(attr(e, "title")?).unwrap_or_default())
}

/// A feed outline (one with an `xmlUrl`), `None` for a folder.
fn outline(e: &BytesStart<'_>) -> Result<Option<Feed>, String> {
    let Some(url) = attr(e, "xmlUrl")? else {
        return Ok(None);
    };
    let name = attr(e, "text")?.or(attr(e, "title")?);
    let tags = attr(e, "category")?
        .map(|c| {
            c.split(',')
                .map(|t| t.trim().trim_start_matches('/').to_string())
                .filter(|t| !t.is_empty())
                .collect()
        })
        .unwrap_or_default();
    Ok(Some(Feed {
        name: name.filter(|n| *n != url),
        url,
        tags,
        site: attr(e, "htmlUrl")?,
        ..Feed::default()
    }))
}

/// OPML 2.0 of these feeds: folders by first tag, in the order they come.
pub fn export(feeds: &[Feed]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n  <head>\n    <title>gloss subscriptions</title>\n  </head>\n  <body>\n",
    );
    let mut folders: Vec<&str> = Vec::new();
    for feed in feeds {
        if let Some(first) = feed.tags.first()
            && !folders.contains(&first.as_str())
        {
            folders.push(first);
        }
    }
    for feed in feeds.iter().filter(|f| f.tags.is_empty()) {
        line(&mut out, feed, "    ");
    }
    for folder in folders {
        let name = escape(folder);
        out.push_str(&format!("    <outline text=\"{name}\" title=\"{name}\">\n"));
        for feed in feeds
            .iter()
            .filter(|f| f.tags.first().map(String::as_str) == Some(folder))
        {
            line(&mut out, feed, "      ");
        }
        out.push_str("    </outline>\n");
    }
    out.push_str("  </body>\n</opml>\n");
    out
}

fn line(out: &mut String, feed: &Feed, indent: &str) {
    let name = escape(feed.label()).into_owned();
    out.push_str(&format!(
        "{indent}<outline type=\"rss\" text=\"{name}\" title=\"{name}\" xmlUrl=\"{}\"",
        escape(feed.url.as_str())
    ));
    if let Some(site) = &feed.site {
        out.push_str(&format!(" htmlUrl=\"{}\"", escape(site.as_str())));
    }
    // the other tags (the first is the folder)
    if feed.tags.len() > 1 {
        out.push_str(&format!(
            " category=\"{}\"",
            escape(feed.tags[1..].join(","))
        ));
    }
    out.push_str("/>\n");
}
