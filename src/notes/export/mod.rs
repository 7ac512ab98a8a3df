//! Exporting notes: Markdown for people, W3C Web Annotations (JSON) for tools.

pub mod markdown;
pub mod receipts;
pub mod web_annotation;

use std::path::Path;

use chrono::{DateTime, Utc};

use super::NotesError;
use super::atomic::{self, Existing};
use super::model::{Attachment, Note};
use crate::Document;
use crate::analysis::{EntityId, EntityKind};
use crate::article_id::ArticleId;
use crate::span::Span;

pub use markdown::to_markdown;
pub use web_annotation::to_web_annotations;

/// The export formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    #[default]
    Markdown,
    Json,
}

impl Format {
    /// The file name extension of this format.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Json => "json",
        }
    }
}

/// Everything an export reads: the article and its analysis, where it comes
/// from, and its notes (in reading order).
pub struct ExportContext<'a> {
    pub doc: &'a Document,
    /// The article the notes are stored under; it names the export file, so
    /// that the notes of a moved article go on in the same file.
    pub id: &'a ArticleId,
    /// Where the article was read from this time, when that is not `id`
    /// (its notes were found by content): the source shown.
    pub read_from: Option<&'a ArticleId>,
    pub notes: &'a [Note],
    /// The reader's corrections of the analysis (`doc` has them applied);
    /// the W3C export carries them.
    pub corrections: &'a [crate::notes::model::StoredCorrection],
    /// When the export is made (the Markdown's `exported:` date).
    pub exported: DateTime<Utc>,
}

impl<'a> ExportContext<'a> {
    pub fn render(&self, format: Format) -> String {
        match format {
            Format::Markdown => to_markdown(self),
            Format::Json => to_web_annotations(self),
        }
    }

    /// The article's title, or a stand-in.
    pub fn title(&self) -> &'a str {
        self.doc.article.title().unwrap_or("Untitled article")
    }

    /// The article's URI as a source: its URL or `file://` URI, where it was
    /// read from, else where its notes were made. Text without an address
    /// (stdin, the sample) has none to show.
    pub fn source_uri(&self) -> Option<String> {
        self.read_from
            .into_iter()
            .chain([self.id])
            .find(|id| !matches!(id, ArticleId::Content(_)))
            .map(ArticleId::uri)
    }

    /// The tags of all notes, each once, in reading order.
    pub fn tags(&self) -> Vec<String> {
        let mut tags: Vec<String> = Vec::new();
        for tag in self.notes.iter().flat_map(Note::tags) {
            if !tags.iter().any(|t| t.eq_ignore_ascii_case(&tag)) {
                tags.push(tag);
            }
        }
        tags
    }
}

/// A name and how often the article mentions it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntitySummary<'a> {
    pub kind: EntityKind,
    pub name: &'a str,
    pub mentions: usize,
}

/// The entities of the analysis, most mentioned first, then by name.
pub fn entity_summary(doc: &Document) -> Vec<EntitySummary<'_>> {
    let mut out: Vec<EntitySummary<'_>> = doc
        .analysis
        .entities
        .iter()
        .map(|e| EntitySummary {
            kind: e.kind,
            name: &e.name,
            mentions: e.mentions.len(),
        })
        .collect();
    out.sort_by(|a, b| b.mentions.cmp(&a.mentions).then_with(|| a.name.cmp(b.name)));
    out
}

/// The speaker of the quote a note is on, when the note's passage is a
/// quote: the quote it is attached to; else a quote whose words contain the
/// passage; else the quotes inside the passage, when they make up most of its
/// words and have one speaker (`"We sail as one," Alvarez said.` is Alvarez's
/// quote). A narrative sentence holding a scare quote or a few quoted words
/// (`Critics call the plan a "giveaway".`) is nobody's quote.
pub fn quote_speaker<'d>(doc: &'d Document, note: &Note) -> Option<&'d str> {
    let span = note.span();
    let quotes = &doc.analysis.quotes;
    let speaker = match &note.attachment {
        Some(Attachment::Quote { text }) => {
            quotes
                .iter()
                .find(|q| doc.article.slice(q.span) == text)
                .or_else(|| quotes.iter().find(|q| q.span.overlaps(span)))?
                .speaker?
        }
        _ if note.detached => return None,
        _ => match quotes.iter().find(|q| q.span.covers(span)) {
            Some(quote) => quote.speaker?,
            None => speaker_of_quotes_within(doc, span)?,
        },
    };
    doc.analysis
        .entities
        .get(speaker.0)
        .map(|e| e.name.as_str())
}

/// The one speaker of the quotes inside `span`, when their words are more
/// than half of the passage's.
fn speaker_of_quotes_within(doc: &Document, span: Span) -> Option<EntityId> {
    let mut inside = doc
        .analysis
        .quotes
        .iter()
        .filter(|q| span.covers(q.span))
        .peekable();
    let speaker = inside.peek()?.speaker?;
    let mut quoted = 0;
    for quote in inside {
        if quote.speaker != Some(speaker) {
            return None;
        }
        quoted += word_count(doc.article.slice(quote.span));
    }
    (2 * quoted > word_count(doc.article.slice(span))).then_some(speaker)
}

/// Words as runs of letters and digits.
fn word_count(text: &str) -> usize {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .count()
}

/// What writing an export did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Written {
    Created,
    Replaced,
    /// The file already held exactly this export.
    Unchanged,
    /// Written once to what is not a regular file (`/dev/stdout`, a FIFO,
    /// `>(cmd)`), never read back.
    Streamed,
}

/// Write an export to `path`. A path the user typed may be a stream
/// (`-o /dev/stdout`, `-o >(cmd)`, a FIFO): it is written once and never
/// read back. A regular file is written atomically; an existing one with
/// other content is replaced only with `force`. A symbolic link is kept: the
/// file it points to is written (a link to nothing is refused).
pub fn write_file(path: &Path, content: &str, force: bool) -> Result<Written, NotesError> {
    let read_err = |source| NotesError::Read {
        path: path.to_path_buf(),
        source,
    };
    match std::fs::symlink_metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => write_regular(path, content, force),
        Err(source) => Err(read_err(source)),
        Ok(link) if link.file_type().is_symlink() => match std::fs::metadata(path) {
            Ok(meta) if meta.is_file() => {
                let target = std::fs::canonicalize(path).map_err(read_err)?;
                write_regular(&target, content, force)
            }
            Ok(_) => write_stream(path, content),
            Err(source) => Err(read_err(std::io::Error::new(
                source.kind(),
                format!("a symbolic link to nothing ({source}); not followed"),
            ))),
        },
        Ok(meta) if meta.is_file() => write_regular(path, content, force),
        Ok(meta) if meta.is_dir() => Err(read_err(std::io::Error::new(
            std::io::ErrorKind::IsADirectory,
            "a folder",
        ))),
        Ok(_) => write_stream(path, content),
    }
}

/// Write once to a stream; a reader that went away (`| head`) is no error.
fn write_stream(path: &Path, content: &str) -> Result<Written, NotesError> {
    use std::io::Write as _;
    let written = std::fs::OpenOptions::new()
        .write(true)
        .open(path)
        .and_then(|mut f| f.write_all(content.as_bytes()).and_then(|()| f.flush()));
    match written {
        Ok(()) => Ok(Written::Streamed),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(Written::Streamed),
        Err(source) => Err(NotesError::Write {
            path: path.to_path_buf(),
            source,
        }),
    }
}

/// Write a regular file (or create one) atomically.
fn write_regular(path: &Path, content: &str, force: bool) -> Result<Written, NotesError> {
    let prefix = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "export".to_string());
    let write_err = |source| NotesError::Write {
        path: path.to_path_buf(),
        source,
    };
    match crate::notes::store::read_regular_file(path) {
        Ok(existing) if same_but_for_export_date(&existing, content) => {
            return Ok(Written::Unchanged);
        }
        Ok(_) if !force => {
            return Err(NotesError::Exists {
                path: path.to_path_buf(),
            });
        }
        Ok(_) => {
            atomic::write(path, content.as_bytes(), &prefix, Existing::Replace)
                .map_err(write_err)?;
            return Ok(Written::Replaced);
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(source) => {
            return Err(NotesError::Read {
                path: path.to_path_buf(),
                source,
            });
        }
    }
    match atomic::write(path, content.as_bytes(), &prefix, Existing::Keep) {
        Ok(()) => Ok(Written::Created),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(NotesError::Exists {
            path: path.to_path_buf(),
        }),
        Err(source) => Err(write_err(source)),
    }
}

/// Whether an existing export holds `content`, but for the date it was
/// exported on: exporting unchanged notes again leaves the file (and its
/// date) alone rather than calling it a different file.
pub fn same_but_for_export_date(existing: &[u8], content: &str) -> bool {
    fn without_date(text: &str) -> (&str, &str) {
        let Some(front) = text.strip_prefix("---\n") else {
            return (text, "");
        };
        let end = front.find("\n---\n").map_or(0, |i| i + 1);
        let Some(at) = front[..end]
            .match_indices(markdown::EXPORTED_KEY)
            .map(|(i, _)| i)
            .find(|&i| i == 0 || front.as_bytes()[i - 1] == b'\n')
        else {
            return (text, "");
        };
        let line_end = front[at..].find('\n').map_or(front.len(), |i| at + i + 1);
        let cut = "---\n".len();
        (&text[..cut + at], &text[cut + line_end..])
    }
    if existing == content.as_bytes() {
        return true;
    }
    let Ok(existing) = std::str::from_utf8(existing) else {
        return false;
    };
    without_date(existing) == without_date(content)
}

/// A file name for an article's export: its title made safe, and the article
/// key's hash so that two articles with one title do not collide.
pub fn file_name(ctx: &ExportContext<'_>, format: Format) -> String {
    let mut stem = String::new();
    for c in ctx.title().chars() {
        if c.is_alphanumeric() || c == ' ' || c == '-' || c == '_' {
            stem.push(c);
        } else if !stem.ends_with(' ') {
            stem.push(' ');
        }
        if stem.chars().count() >= 60 {
            break;
        }
    }
    let stem = stem.split_whitespace().collect::<Vec<_>>().join(" ");
    let key = ctx.id.key();
    let hash = key.rsplit('-').next().unwrap_or(&key);
    let short = &hash[..hash.len().min(6)];
    let stem = if stem.is_empty() { "notes" } else { &stem };
    format!("{stem} ({short}).{}", format.extension())
}
