//! What a page says about itself beyond what Readability reads: its language
//! in the forms pages declare it, its canonical address; and the tidying of
//! the metadata (dates as ISO dates, bylines without "By").

use dom_query::Document;

/// What is read from the page before extraction changes it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Declared {
    /// ISO 639-1, lowercased (`en`).
    pub language: Option<String>,
    /// The canonical link, else `og:url`; absolute (resolved against the
    /// page's address when relative and the address is known).
    pub url: Option<String>,
    /// `og:site_name`.
    pub site: Option<String>,
    /// `application-name`: the site's name when nothing better says it.
    pub application: Option<String>,
}

impl Declared {
    /// One pass over the page's elements: `<html>`, `<body>`, `<meta>` and
    /// `<link>` (wherever they are; stray ones in the body count too).
    pub fn read(doc: &Document, page_url: Option<&str>) -> Declared {
        // candidates by rank: the first found of the best rank wins
        let mut language: [Option<String>; 7] = Default::default();
        let mut url: [Option<String>; 2] = Default::default();
        let mut site: Option<String> = None;
        let mut application: Option<String> = None;
        let keep = |slot: &mut Option<String>, value: Option<String>| {
            if slot.is_none() {
                *slot = value;
            }
        };
        for node in doc.root().descendants_it() {
            let Some(name) = node.qual_name_ref() else {
                continue;
            };
            match &*name.local {
                "html" => {
                    keep(
                        &mut language[0],
                        node.attr("lang").and_then(|l| iso_639_1(&l)),
                    );
                    keep(
                        &mut language[1],
                        node.attr("xml:lang").and_then(|l| iso_639_1(&l)),
                    );
                }
                "body" => keep(
                    &mut language[6],
                    node.attr("lang").and_then(|l| iso_639_1(&l)),
                ),
                "meta" => {
                    let Some(content) = node.attr("content") else {
                        continue;
                    };
                    let key = |attr: &str| node.attr(attr).map(|k| k.trim().to_ascii_lowercase());
                    match (key("http-equiv"), key("name"), key("property")) {
                        (Some(h), _, _) if h == "content-language" => {
                            keep(&mut language[2], iso_639_1(&content));
                        }
                        (_, Some(n), _) if n == "language" => {
                            keep(&mut language[3], iso_639_1(&content))
                        }
                        (_, Some(n), _) if n == "dc.language" => {
                            keep(&mut language[4], iso_639_1(&content));
                        }
                        (_, Some(n), _) if n == "application-name" => {
                            keep(&mut application, non_empty(&content))
                        }
                        (_, _, Some(p)) if p == "og:locale" => {
                            keep(&mut language[5], iso_639_1(&content))
                        }
                        (_, _, Some(p)) if p == "og:url" => {
                            keep(&mut url[1], absolute_url(content.trim(), page_url));
                        }
                        (_, _, Some(p)) if p == "og:site_name" => {
                            keep(&mut site, non_empty(&content))
                        }
                        _ => {}
                    }
                }
                "link" => {
                    let canonical = node.attr("rel").is_some_and(|r| {
                        r.split_ascii_whitespace()
                            .any(|r| r.eq_ignore_ascii_case("canonical"))
                    });
                    if canonical && let Some(href) = node.attr("href") {
                        keep(&mut url[0], absolute_url(href.trim(), page_url));
                    }
                }
                _ => {}
            }
        }
        let first = |slots: &mut [Option<String>]| slots.iter_mut().find_map(Option::take);
        Declared {
            language: first(&mut language),
            url: first(&mut url).or_else(|| page_url.map(str::to_string)),
            site,
            application,
        }
    }
}

fn non_empty(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

/// A language tag (`en-US`, `pt_BR`, `EN`) as its ISO 639-1 code, lowercased;
/// None for a tag that does not start with two letters.
pub fn iso_639_1(tag: &str) -> Option<String> {
    let primary = tag.trim().split(['-', '_']).next()?;
    (primary.len() == 2 && primary.bytes().all(|b| b.is_ascii_alphabetic()))
        .then(|| primary.to_ascii_lowercase())
}

/// `url` if absolute (http or https); a relative one resolved against the
/// page's address when that is known.
fn absolute_url(url: &str, page_url: Option<&str>) -> Option<String> {
    if url.is_empty() {
        return None;
    }
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") {
        return Some(url.to_string());
    }
    let page = page_url?;
    let scheme_end = page.find("://")? + 3;
    let host_end = page[scheme_end..]
        .find('/')
        .map_or(page.len(), |i| scheme_end + i);
    if let Some(rest) = url.strip_prefix("//") {
        return Some(format!("{}{rest}", &page[..scheme_end]));
    }
    if url.starts_with('/') {
        return Some(format!("{}{url}", &page[..host_end]));
    }
    let dir_end = page[host_end..]
        .rfind('/')
        .map_or(page.len(), |i| host_end + i + 1);
    let dir = &page[..dir_end];
    let sep = if dir.ends_with('/') { "" } else { "/" };
    Some(format!("{dir}{sep}{url}"))
}

/// A publication time as a date people read: an ISO date-time
/// (`2019-02-21T09:30:00Z`) as its date (`2019-02-21`), anything else as
/// given, trimmed; None when empty.
pub fn published(time: &str) -> Option<String> {
    let time = time.trim();
    let b = time.as_bytes();
    let iso = b.len() >= 10
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[5..7].iter().all(u8::is_ascii_digit)
        && b[7] == b'-'
        && b[8..10].iter().all(u8::is_ascii_digit)
        && b.get(10).is_none_or(|c| matches!(c, b'T' | b't' | b' '));
    if iso {
        Some(time[..10].to_string())
    } else {
        (!time.is_empty()).then(|| time.to_string())
    }
}

/// A byline without a leading "By" and surrounding spaces; None when empty
/// or a web address.
pub fn byline(raw: &str) -> Option<String> {
    let words: Vec<&str> = raw.split_whitespace().collect();
    let words = match words.first() {
        Some(w) if w.eq_ignore_ascii_case("by") => &words[1..],
        _ => &words[..],
    };
    let byline = words.join(" ");
    let address = byline.starts_with("http://") || byline.starts_with("https://");
    (!byline.is_empty() && !address).then_some(byline)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_tags_to_iso_639_1() {
        assert_eq!(iso_639_1("en-US").as_deref(), Some("en"));
        assert_eq!(iso_639_1(" FR ").as_deref(), Some("fr"));
        assert_eq!(iso_639_1("pt_BR").as_deref(), Some("pt"));
        assert_eq!(iso_639_1("eng"), None);
        assert_eq!(iso_639_1(""), None);
    }

    #[test]
    fn declared_language_url_and_site() {
        let doc = Document::from(
            "<html lang='es-ES'><head><link rel='canonical' href='/news/1'>\
             <meta property='og:site_name' content=' El Diario '></head><body></body></html>",
        );
        let declared = Declared::read(&doc, Some("https://example.com/a/b?x=1"));
        assert_eq!(declared.language.as_deref(), Some("es"));
        assert_eq!(declared.url.as_deref(), Some("https://example.com/news/1"));
        assert_eq!(declared.site.as_deref(), Some("El Diario"));

        let doc = Document::from(
            "<html><head><meta property='og:locale' content='de_DE'>\
             <meta property='og:url' content='https://example.de/x'></head></html>",
        );
        let declared = Declared::read(&doc, None);
        assert_eq!(declared.language.as_deref(), Some("de"));
        assert_eq!(declared.url.as_deref(), Some("https://example.de/x"));
        assert_eq!(declared.site, None);
        assert_eq!(declared.application, None);

        let declared = Declared::read(&Document::from("<p>x</p>"), Some("https://a.org/p"));
        assert_eq!(
            declared.url.as_deref(),
            Some("https://a.org/p"),
            "the given url"
        );
        assert_eq!(declared.language, None);
    }

    #[test]
    fn relative_urls_are_resolved() {
        let page = Some("https://example.com/a/b.html");
        assert_eq!(
            absolute_url("c.html", page).as_deref(),
            Some("https://example.com/a/c.html")
        );
        assert_eq!(
            absolute_url("//cdn.org/x", page).as_deref(),
            Some("https://cdn.org/x")
        );
        assert_eq!(
            absolute_url("/x", Some("https://e.com")).as_deref(),
            Some("https://e.com/x")
        );
        assert_eq!(absolute_url("x", None), None);
    }

    #[test]
    fn dates_and_bylines_are_tidied() {
        assert_eq!(
            published("2019-02-21T09:30:00Z").as_deref(),
            Some("2019-02-21")
        );
        assert_eq!(published("2019-02-21").as_deref(), Some("2019-02-21"));
        assert_eq!(
            published(" Feb. 21, 2019 ").as_deref(),
            Some("Feb. 21, 2019")
        );
        assert_eq!(published("  "), None);
        assert_eq!(byline("By  Jane Doe ").as_deref(), Some("Jane Doe"));
        assert_eq!(
            byline("Jane Doe and John Roe").as_deref(),
            Some("Jane Doe and John Roe")
        );
        assert_eq!(byline("https://facebook.com/jane"), None);
    }
}
