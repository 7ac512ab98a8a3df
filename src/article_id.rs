//! A stable identity for an article, so that what belongs to it (notes, the
//! reading position) is found again the next time it is opened.
//!
//! An article read from the web is known by its URL, a file by its absolute
//! path, and text without a home (stdin, the bundled sample) by a SHA-256 hash
//! of its content. [`ArticleId::key`] turns any of them into a file name.

use std::fmt;
use std::path::{Path, PathBuf};

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// Where an article comes from, as a stable identity.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "lowercase")]
pub enum ArticleId {
    /// An `http` or `https` URL, as given.
    Url(String),
    /// An absolute file path.
    Path(PathBuf),
    /// The lowercase hex SHA-256 of the content, for text that has no address.
    Content(String),
}

impl ArticleId {
    /// The id of an article loaded from `origin` (a path, a URL, or `-` for
    /// stdin) whose decoded text is `text`.
    pub fn from_origin(origin: &str, text: &str) -> ArticleId {
        if origin == "-" || origin.is_empty() {
            ArticleId::for_content(text)
        } else if is_web_url(origin) {
            ArticleId::Url(origin.to_string())
        } else {
            ArticleId::for_path(Path::new(origin))
        }
    }

    /// The id of a file: its canonical path, or its absolute path when it
    /// cannot be resolved (it no longer exists, say).
    pub fn for_path(path: &Path) -> ArticleId {
        let absolute = std::fs::canonicalize(path)
            .or_else(|_| std::path::absolute(path))
            .unwrap_or_else(|_| path.to_path_buf());
        ArticleId::Path(absolute)
    }

    /// The id of text that has no address: the hash of its content.
    pub fn for_content(text: &str) -> ArticleId {
        ArticleId::Content(hex(&Sha256::digest(text.as_bytes())))
    }

    /// The id as an absolute URI: the URL itself, a `file://` URI, or an
    /// RFC 6920 `ni:///sha-256;...` name for content.
    pub fn uri(&self) -> String {
        match self {
            ArticleId::Url(url) => url.clone(),
            ArticleId::Path(path) => file_uri(path),
            ArticleId::Content(hex_digest) => match unhex(hex_digest) {
                Some(bytes) => format!("ni:///sha-256;{}", URL_SAFE_NO_PAD.encode(bytes)),
                None => format!("urn:gloss:content:{hex_digest}"),
            },
        }
    }

    /// The id from a URI made by [`ArticleId::uri`] (or any web URL or
    /// `file://` URI). `None` for anything else.
    pub fn from_uri(uri: &str) -> Option<ArticleId> {
        if is_web_url(uri) {
            return Some(ArticleId::Url(uri.to_string()));
        }
        if let Some(rest) = uri.strip_prefix("file://") {
            // `file:///abs` (empty host) or `file://localhost/abs`.
            let path = rest.strip_prefix("localhost").unwrap_or(rest);
            if !path.starts_with('/') {
                return None;
            }
            return Some(ArticleId::Path(PathBuf::from(percent_decode(path)?)));
        }
        if let Some(b64) = uri.strip_prefix("ni:///sha-256;") {
            let bytes = URL_SAFE_NO_PAD.decode(b64).ok()?;
            return (bytes.len() == 32).then(|| ArticleId::Content(hex(&bytes)));
        }
        if let Some(h) = uri.strip_prefix("urn:gloss:content:") {
            // only what `uri` writes: a SHA-256 in lowercase hex (a name
            // from a shared file is sliced and shown later)
            let is_digest =
                h.len() == 64 && h.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
            return is_digest.then(|| ArticleId::Content(h.to_string()));
        }
        None
    }

    /// A file name stem, unique to this id and safe on every file system: a
    /// short readable part and a hash, e.g. `sample-1f3a9c0d2b4e6f70`.
    pub fn key(&self) -> String {
        let digest = hex(&Sha256::digest(self.uri().as_bytes()));
        let readable = match self {
            ArticleId::Url(url) => {
                let trimmed = url.trim_end_matches('/');
                trimmed.rsplit('/').next().unwrap_or(trimmed).to_string()
            }
            ArticleId::Path(path) => path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default(),
            ArticleId::Content(_) => "text".to_string(),
        };
        let slug = slug(&readable);
        let slug = if slug.is_empty() { "article" } else { &slug };
        format!("{slug}-{}", &digest[..16])
    }
}

impl fmt::Display for ArticleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ArticleId::Url(url) => f.write_str(url),
            ArticleId::Path(path) => write!(f, "{}", path.display()),
            ArticleId::Content(h) => {
                let short: String = h.chars().take(12).collect();
                write!(f, "text {short}")
            }
        }
    }
}

/// Whether `s` is an `http://` or `https://` URL (any case).
pub fn is_web_url(s: &str) -> bool {
    let lower = s.get(..8).unwrap_or(s).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// Lowercase letters, digits and single dashes, at most 40 characters.
fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
        if out.len() >= 40 {
            break;
        }
    }
    out.trim_end_matches('-').to_string()
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    bytes.iter().fold(String::new(), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

fn unhex(s: &str) -> Option<Vec<u8>> {
    if !s.len().is_multiple_of(2) {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok())
        .collect()
}

/// `file://` URI of an absolute path, percent-encoding every byte outside the
/// RFC 3986 unreserved set and `/`.
fn file_uri(path: &Path) -> String {
    use std::fmt::Write as _;
    let mut out = String::from("file://");
    let raw = path.as_os_str().as_encoded_bytes();
    if raw.first() != Some(&b'/') {
        out.push('/');
    }
    for &b in raw {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let h = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(h, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_url_is_its_own_id_and_uri() {
        let id = ArticleId::from_origin("https://example.com/news/a-story/", "text");
        assert_eq!(
            id,
            ArticleId::Url("https://example.com/news/a-story/".into())
        );
        assert_eq!(ArticleId::from_uri(&id.uri()), Some(id.clone()));
        assert!(id.key().starts_with("a-story-"), "{}", id.key());
    }

    #[test]
    fn stdin_is_known_by_a_hash_of_its_content() {
        let a = ArticleId::from_origin("-", "Some text.");
        let b = ArticleId::from_origin("-", "Some text.");
        let c = ArticleId::from_origin("-", "Other text.");
        assert_eq!(a, b);
        assert_ne!(a, c);
        let uri = a.uri();
        assert!(uri.starts_with("ni:///sha-256;"), "{uri}");
        assert_eq!(ArticleId::from_uri(&uri), Some(a));
    }

    #[test]
    fn a_path_becomes_a_percent_encoded_file_uri_and_back() {
        let id = ArticleId::Path(PathBuf::from("/home/ana/Zeitung/Straße 1#2.txt"));
        let uri = id.uri();
        assert_eq!(uri, "file:///home/ana/Zeitung/Stra%C3%9Fe%201%232.txt");
        assert_eq!(ArticleId::from_uri(&uri), Some(id.clone()));
        assert!(id.key().starts_with("stra-e-1-2-"), "{}", id.key());
    }

    #[test]
    fn a_relative_path_is_made_absolute() {
        let id = ArticleId::from_origin("some/missing/file.txt", "");
        match id {
            ArticleId::Path(p) => assert!(p.is_absolute(), "{}", p.display()),
            other => panic!("expected a path, got {other:?}"),
        }
    }

    #[test]
    fn keys_differ_for_different_articles_with_the_same_name() {
        let a = ArticleId::Path(PathBuf::from("/a/story.txt"));
        let b = ArticleId::Path(PathBuf::from("/b/story.txt"));
        assert_ne!(a.key(), b.key());
        assert!(
            a.key()
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-')
        );
    }

    #[test]
    fn unknown_uris_are_refused() {
        assert_eq!(ArticleId::from_uri("mailto:someone@example.com"), None);
        assert_eq!(ArticleId::from_uri("file://host/share"), None);
        assert_eq!(ArticleId::from_uri("ni:///sha-256;abc"), None);
    }

    #[test]
    fn a_content_name_from_outside_is_a_digest_or_nothing() {
        assert_eq!(ArticleId::from_uri("urn:gloss:content:ééééééééé"), None);
        assert_eq!(ArticleId::from_uri("urn:gloss:content:abc"), None);
        let digest = "ab".repeat(32);
        assert_eq!(
            ArticleId::from_uri(&format!("urn:gloss:content:{digest}")),
            Some(ArticleId::Content(digest))
        );
        // whatever a stored file says, showing it never panics
        let odd = ArticleId::Content("éééééééééééééé".into());
        assert_eq!(odd.to_string(), "text éééééééééééé");
        assert!(!odd.key().is_empty());
    }
}
