//! Loading an article's raw text: a file, stdin as `-`, or a web page
//! (`http://`, `https://`, [`fetch`]); bytes decoded to text.
//!
//! The encoding: a BOM, else the one the bytes declare (a web page's
//! `Content-Type` header; an HTML page's `<meta>` tag, from the web or from
//! disk), else a guess. The guess never produces U+FFFD: UTF-8 (a BOM
//! stripped), UTF-16, and bytes that are not UTF-8 read as Windows-1252 (the
//! superset of Latin-1 that browsers use). Binary data is an error; empty
//! input is an empty text (an empty article: `gloss annotate` gives its JSON
//! with empty lists, the reader says the article is empty).

mod decode;
pub mod fetch;
mod meta;
pub mod proxy;

use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};

pub use decode::{Decoded, Hints, Refusal, decode, decode_with};
pub use fetch::{FetchOptions, Fetching};

/// The sample article bundled with gloss.
pub const SAMPLE: &str = include_str!("../../assets/articles/sample.txt");

/// Inputs larger than this are refused rather than read into memory, when
/// the caller gives no limit of its own: `[limits] article-mb` of the
/// built-in configuration (128 MiB; a test holds them equal).
pub const MAX_BYTES: u64 = 128 << 20;

/// Where an article came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    File(PathBuf),
    /// A path that is no regular file: a pipe (`gloss <(curl …)`, whose
    /// path is `/dev/fd/N`), a device. Read once; its address says nothing
    /// about its content, so its notes are filed by content.
    Stream(PathBuf),
    Stdin,
    /// The sample article built into gloss.
    Sample,
    /// A web page, by the URL it was asked for.
    Url(String),
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::File(path) | Origin::Stream(path) => write!(f, "{}", path.display()),
            Origin::Stdin => f.write_str("stdin"),
            Origin::Sample => f.write_str("(sample article)"),
            Origin::Url(url) => f.write_str(url),
        }
    }
}

/// Why a source could not be loaded. Each message is one line naming the
/// input and the reason.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{origin}: no such file")]
    NotFound { origin: Origin },
    #[error("{origin}: is a directory, not a file")]
    IsDirectory { origin: Origin },
    #[error("{origin}: permission denied")]
    PermissionDenied { origin: Origin },
    #[error("{origin}: binary data, not text ({reason})")]
    Binary {
        origin: Origin,
        reason: &'static str,
    },
    #[error(
        "{origin}: too large: more than {} ([limits] article-mb); not read",
        size_of(*limit)
    )]
    TooLarge { origin: Origin, limit: u64 },
    #[error("{origin}: cannot read: {reason}")]
    Io { origin: Origin, reason: String },
    #[error("{origin}: charset \"{label}\" is unknown, and the text is not UTF-8")]
    UnknownCharset { origin: Origin, label: String },
    #[error("{origin}: not a valid URL ({reason})")]
    BadUrl { origin: Origin, reason: String },
    #[error("{origin}: host {host} not found ({reason})")]
    HostNotFound {
        origin: Origin,
        host: String,
        reason: String,
    },
    #[error("{origin}: connection refused by {server}")]
    ConnectionRefused { origin: Origin, server: String },
    #[error(
        "{origin}: timed out{} after {seconds} s ([fetch] {option})",
        prefixed(" ", during)
    )]
    Timeout {
        origin: Origin,
        /// What was going on (`connecting`), or empty for the whole fetch.
        during: &'static str,
        seconds: f64,
        /// The option that set the limit.
        option: &'static str,
    },
    #[error("{origin}: TLS error: {reason}")]
    Tls { origin: Origin, reason: String },
    #[error("{origin}: HTTP {status}{}{}", prefixed(" ", reason), at_url(at))]
    HttpStatus {
        origin: Origin,
        status: u16,
        reason: String,
        /// The URL that answered, when a redirect led there.
        at: Option<String>,
    },
    #[error("{origin}: too many redirects (more than {limit}, [fetch] max-redirects)")]
    TooManyRedirects { origin: Origin, limit: u32 },
    #[error("{origin}: redirect loop (back to {to})")]
    RedirectLoop { origin: Origin, to: String },
    #[error("{origin}: larger than {limit} bytes ([fetch] max-bytes); stopped reading")]
    BodyTooLarge { origin: Origin, limit: u64 },
    #[error("{origin}: not a web page or text ({media_type})")]
    NotText { origin: Origin, media_type: String },
    #[error("{origin}: cannot fetch: {reason}")]
    Network { origin: Origin, reason: String },
    #[error("{origin}: fetch cancelled")]
    Cancelled { origin: Origin },
}

/// `text` after `prefix`, or nothing when `text` is empty.
fn prefixed(prefix: &str, text: &str) -> String {
    if text.is_empty() {
        String::new()
    } else {
        format!("{prefix}{text}")
    }
}

/// A size in MB when it is whole MiB, else in bytes.
pub fn size_of(bytes: u64) -> String {
    if bytes >= 1 << 20 && bytes.is_multiple_of(1 << 20) {
        format!("{} MB", bytes >> 20)
    } else {
        format!("{bytes} bytes")
    }
}

fn at_url(at: &Option<String>) -> String {
    at.as_ref()
        .map(|at| format!(" (at {at})"))
        .unwrap_or_default()
}

impl LoadError {
    fn from_io(origin: Origin, e: &std::io::Error) -> LoadError {
        use std::io::ErrorKind;
        match e.kind() {
            ErrorKind::NotFound => LoadError::NotFound { origin },
            ErrorKind::PermissionDenied => LoadError::PermissionDenied { origin },
            ErrorKind::IsADirectory => LoadError::IsDirectory { origin },
            _ => LoadError::Io {
                origin,
                reason: io_reason(e),
            },
        }
    }
}

/// An io::Error's message without the "(os error N)" suffix.
fn io_reason(e: &std::io::Error) -> String {
    let text = e.to_string();
    match text.rfind(" (os error") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

/// Raw text of an article and where it came from.
#[derive(Clone, Debug)]
pub struct SourceText {
    pub origin: Origin,
    pub text: String,
    /// The encoding the bytes were read as (`UTF-8`, `UTF-16LE`, `windows-1252`, ...).
    pub encoding: &'static str,
    /// A web page's URL after redirects.
    pub url: Option<String>,
    /// A web page's media type, from its `Content-Type` header (`text/html`,
    /// `text/plain`), lowercase, without parameters.
    pub content_type: Option<String>,
}

impl SourceText {
    /// The article this source holds: a web page's media type says how to
    /// read it (else its content does), its URL (after redirects) is its
    /// address. Every input goes through here: the reader's, `gloss
    /// annotate`'s, a feed item's linked page.
    pub fn to_article(&self, clean: &crate::article::CleanOptions) -> crate::article::Article {
        use crate::article::html::Format;
        let format = match self.content_type.as_deref() {
            Some("text/html" | "application/xhtml+xml") => Some(Format::Html),
            Some("text/plain") => Some(Format::Text),
            _ => None,
        };
        crate::article::read(&self.text, format, self.url.as_deref(), clean)
    }

    /// A stable identity for the article: a web page's URL (after
    /// redirects, so that a short link and the page it leads to are one
    /// article), a file's canonical path, or a hash of the text when it has
    /// no address (stdin, the sample).
    pub fn article_id(&self) -> crate::article_id::ArticleId {
        use crate::article_id::ArticleId;
        match &self.origin {
            Origin::Url(asked) => ArticleId::Url(self.url.clone().unwrap_or_else(|| asked.clone())),
            Origin::File(path) => ArticleId::for_path(path),
            Origin::Stdin | Origin::Sample | Origin::Stream(_) => {
                ArticleId::for_content(&self.text)
            }
        }
    }

    /// The bundled sample article.
    pub fn sample() -> SourceText {
        SourceText {
            origin: Origin::Sample,
            text: SAMPLE.to_string(),
            encoding: "UTF-8",
            url: None,
            content_type: None,
        }
    }
}

/// Open an input: `-` is stdin, an `http://` or `https://` URL is fetched
/// (blocking, bounded by `[fetch] max-bytes`), anything else is a file path
/// (a file named like a URL is `./http:...`), read up to `max_bytes`
/// (`[limits] article-mb`).
pub fn open(input: &str, opts: &FetchOptions, max_bytes: u64) -> Result<SourceText, LoadError> {
    if crate::article_id::is_web_url(input) {
        fetch::fetch(input, opts)
    } else {
        load_limited(Path::new(input), max_bytes)
    }
}

/// Load a file, or stdin when `path` is `-`, of at most [`MAX_BYTES`].
pub fn load(path: &Path) -> Result<SourceText, LoadError> {
    load_limited(path, MAX_BYTES)
}

/// Load a file, or stdin when `path` is `-`, of at most `max_bytes`: a
/// larger one is refused ([`LoadError::TooLarge`]) without being read
/// (a stream, once `max_bytes` were read).
pub fn load_limited(path: &Path, max_bytes: u64) -> Result<SourceText, LoadError> {
    if path == Path::new("-") {
        return from_reader(std::io::stdin().lock(), Origin::Stdin, max_bytes);
    }
    let origin = Origin::File(path.to_path_buf());
    let meta = std::fs::metadata(path).map_err(|e| LoadError::from_io(origin.clone(), &e))?;
    if meta.is_dir() {
        return Err(LoadError::IsDirectory { origin });
    }
    if meta.is_file() && meta.len() > max_bytes {
        return Err(LoadError::TooLarge {
            origin,
            limit: max_bytes,
        });
    }
    let origin = if meta.is_file() {
        origin
    } else {
        Origin::Stream(path.to_path_buf())
    };
    let file = std::fs::File::open(path).map_err(|e| LoadError::from_io(origin.clone(), &e))?;
    from_reader(file, origin, max_bytes)
}

/// Whether a file's name says it is HTML.
fn html_name(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        ["html", "htm", "xhtml", "shtml"]
            .iter()
            .any(|h| e.eq_ignore_ascii_case(h))
    })
}

/// Whether bytes begin like markup: `<` first, after a BOM and whitespace.
fn looks_like_html(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'<')
}

/// Read everything from `reader` (at most `max_bytes`) and decode it. The
/// first 8 KiB are checked for binary data before the rest is read, so that
/// `/dev/zero` or a large image fails fast.
pub fn from_reader(
    mut reader: impl Read,
    origin: Origin,
    max_bytes: u64,
) -> Result<SourceText, LoadError> {
    let io_err = |e: std::io::Error| LoadError::from_io(origin.clone(), &e);
    let mut bytes = Vec::new();
    (&mut reader)
        .take(decode::SNIFF_BYTES as u64)
        .read_to_end(&mut bytes)
        .map_err(io_err)?;
    if let Some(reason) = decode::binary_prefix(&bytes) {
        return Err(LoadError::Binary { origin, reason });
    }
    (&mut reader)
        .take((max_bytes + 1).saturating_sub(bytes.len() as u64))
        .read_to_end(&mut bytes)
        .map_err(io_err)?;
    if bytes.len() as u64 > max_bytes {
        return Err(LoadError::TooLarge {
            origin,
            limit: max_bytes,
        });
    }
    from_bytes(&bytes, origin)
}

/// Decode bytes already in memory. HTML (by a file's name, or markup at the
/// start) may name its encoding in a `<meta>` tag.
pub fn from_bytes(bytes: &[u8], origin: Origin) -> Result<SourceText, LoadError> {
    let html = match &origin {
        Origin::File(path) | Origin::Stream(path) => html_name(path) || looks_like_html(bytes),
        _ => looks_like_html(bytes),
    };
    let hints = Hints {
        charset: None,
        html,
    };
    from_bytes_with(bytes, origin, hints)
}

/// Decode bytes with what is known of their encoding.
pub fn from_bytes_with(
    bytes: &[u8],
    origin: Origin,
    hints: Hints,
) -> Result<SourceText, LoadError> {
    match decode_with(bytes, hints) {
        Ok(Decoded { text, encoding }) => Ok(SourceText {
            origin,
            text,
            encoding,
            url: None,
            content_type: None,
        }),
        Err(Refusal::Binary(reason)) => Err(LoadError::Binary { origin, reason }),
        Err(Refusal::UnknownCharset(label)) => Err(LoadError::UnknownCharset { origin, label }),
    }
}

#[cfg(test)]
mod tests;
