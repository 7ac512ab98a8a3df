//! What a note is: where it points in the text, what it says, what it is about.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::analysis::EntityKind;
use crate::span::Span;

/// How many characters of context a target keeps on each side of its quote.
pub use crate::corrections::CONTEXT_CHARS;

/// A highlight or a note on a passage of an article. A highlight is a note
/// whose body is empty.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    /// A UUID v7: unique, and sortable by creation time.
    pub id: Uuid,
    pub created: DateTime<Utc>,
    /// When the note was last changed by its writer (not by re-anchoring).
    pub updated: DateTime<Utc>,
    pub target: Target,
    /// What the reader wrote, in Markdown. Empty for a highlight.
    #[serde(default)]
    pub body: String,
    /// What the note is about, when it was written on a person, place or quote.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attachment: Option<Attachment>,
    /// The passage could not be found in the current text; the note keeps its
    /// last known target and is shown apart, never dropped.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub detached: bool,
    /// The `[limits]` in force when a bound of them, not a search of the
    /// whole text, left the note detached: it is looked for again once a
    /// limit is raised past these.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detached_by: Option<DetachedBy>,
}

/// The re-anchoring limits (`[limits] reanchor-quote-chars` and
/// `reanchor-work`) under which a note was left detached.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct DetachedBy {
    pub reanchor_quote_chars: usize,
    pub reanchor_work: usize,
}

impl Note {
    /// Whether this is a highlight without words of its own.
    pub fn is_highlight(&self) -> bool {
        self.body.trim().is_empty()
    }

    /// The `#tags` in the body, in order of first appearance, without `#`.
    pub fn tags(&self) -> Vec<String> {
        parse_tags(&self.body)
    }

    /// The byte span of the passage in the current text.
    pub fn span(&self) -> Span {
        Span::new(self.target.start, self.target.end)
    }
}

/// Where a note points: the W3C Web Annotation TextQuoteSelector (`exact`,
/// `prefix`, `suffix`) and TextPositionSelector (`start`, `end`, byte
/// offsets into the article's clean text). The same anchor as a
/// correction's ([`crate::corrections::Anchor`]): one type, one way of
/// finding a passage again.
pub type Target = crate::corrections::Anchor;

/// A correction of the analysis the reader made, as the notes file keeps
/// it: the correction itself (anchored by text, see [`crate::corrections`])
/// with an id and when it was made. Corrections are applied in the order
/// they were made; one that no longer finds its text is kept (orphaned).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredCorrection {
    /// A UUID v7, like a note's.
    pub id: Uuid,
    pub created: DateTime<Utc>,
    #[serde(flatten)]
    pub correction: crate::corrections::Correction,
}

/// What a note is attached to, by something that survives a new analysis of
/// the text (never by a run-time index). For an entity, the anchored mention
/// is the note's target; for a quote, the target is the quote.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Attachment {
    Entity { kind: EntityKind, name: String },
    Quote { text: String },
}

/// The `#tags` of a text: `#` at the start or after a non-word character,
/// followed by letters, digits, `_`, `-` or `/` (Obsidian's nested tags). A
/// tag is not all digits (`#1` is not a tag). Tags are kept as written, each
/// once, compared without regard to case.
pub fn parse_tags(body: &str) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    let mut prev: Option<char> = None;
    let mut chars = body.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let at_boundary = prev.is_none_or(|p| !(p.is_alphanumeric() || p == '_' || p == '#'));
        prev = Some(c);
        if c != '#' || !at_boundary {
            continue;
        }
        let start = i + 1;
        let mut end = start;
        while let Some(&(j, d)) = chars.peek() {
            if d.is_alphanumeric() || d == '_' || d == '-' || d == '/' {
                end = j + d.len_utf8();
                prev = Some(d);
                chars.next();
            } else {
                break;
            }
        }
        let tag = body[start..end].trim_end_matches(['-', '/']);
        if tag.is_empty() || tag.chars().all(|d| d.is_ascii_digit()) {
            continue;
        }
        if !tags.iter().any(|t| t.to_lowercase() == tag.to_lowercase()) {
            tags.push(tag.to_string());
        }
    }
    tags
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_words_after_a_hash() {
        let body = "A #diplomacy point, see #North-Korea and #talks/summit.\n#Diplomacy again";
        assert_eq!(
            parse_tags(body),
            vec!["diplomacy", "North-Korea", "talks/summit"]
        );
    }

    #[test]
    fn numbers_anchors_and_mid_word_hashes_are_not_tags() {
        assert!(parse_tags("issue #12, C# and a#b, and # alone").is_empty());
        assert_eq!(parse_tags("(#tag)"), vec!["tag"]);
        assert_eq!(parse_tags("#élection"), vec!["élection"]);
    }

    #[test]
    fn a_target_keeps_context_on_both_sides() {
        let text = "The quick brown fox jumps over the lazy dog.";
        let start = text.find("fox").unwrap();
        let t = Target::of_span(text, Span::new(start, start + 3)).unwrap();
        assert_eq!(t.exact, "fox");
        assert_eq!(t.prefix, "The quick brown ");
        assert_eq!(t.suffix, " jumps over the lazy dog.");
        assert!(t.matches_at_position(text));
    }

    #[test]
    fn context_is_counted_in_characters_not_bytes() {
        let text = format!("{}X{}", "é".repeat(40), "ü".repeat(40));
        let start = text.find('X').unwrap();
        let t = Target::of_span(&text, Span::new(start, start + 1)).unwrap();
        assert_eq!(t.prefix.chars().count(), CONTEXT_CHARS);
        assert_eq!(t.suffix.chars().count(), CONTEXT_CHARS);
    }

    #[test]
    fn an_empty_or_broken_span_has_no_target() {
        let text = "héllo";
        assert!(Target::of_span(text, Span::new(1, 1)).is_none());
        assert!(Target::of_span(text, Span::new(0, 2)).is_none()); // inside é
        assert!(Target::of_span(text, Span::new(0, 99)).is_none());
    }
}
