//! Notes as W3C Web Annotations (<https://www.w3.org/TR/annotation-model/>),
//! and back.
//!
//! Each note is an `Annotation` whose target is the article (`source`: its
//! URL, `file://` URI or `ni:///sha-256;...` name) with a TextQuoteSelector
//! and a TextPositionSelector counted in Unicode code points over the clean
//! text. The note's words are a `TextualBody` with purpose `commenting`, each
//! tag one with purpose `tagging`; what the note is attached to is told by a
//! `classifying` body (`person`, `organization`, `place` or `quote`) and, for
//! an entity, an `identifying` body with its name.

use chrono::{DateTime, SecondsFormat, Utc};
use serde_json::{Map, Value, json};
use uuid::Uuid;

use super::ExportContext;
use crate::analysis::EntityKind;
use crate::notes::anchor::code_point_offsets;
use crate::notes::model::{Attachment, Note, StoredCorrection, Target};

/// The JSON-LD context every annotation names.
pub const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";

/// The notes as a pretty-printed JSON array of Web Annotations.
pub fn to_web_annotations(ctx: &ExportContext<'_>) -> String {
    let text = &ctx.doc.article.text;
    let offsets: Vec<usize> = ctx
        .notes
        .iter()
        .flat_map(|n| [n.target.start.min(text.len()), n.target.end.min(text.len())])
        .collect();
    let cps = code_point_offsets(text, &offsets);
    let source = ctx.id.uri();
    let annotations: Vec<Value> = ctx
        .notes
        .iter()
        .enumerate()
        .map(|(i, note)| annotation(note, &source, (cps[2 * i], cps[2 * i + 1])))
        .chain(ctx.corrections.iter().map(|c| correction(c, &source)))
        .collect();
    let mut out = serde_json::to_string_pretty(&annotations).unwrap_or_else(|_| "[]".into());
    out.push('\n');
    out
}

fn timestamp(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Millis, true)
}

fn annotation(note: &Note, source: &str, (start, end): (usize, usize)) -> Value {
    let mut bodies = Vec::new();
    let body = note.body.trim();
    if !body.is_empty() {
        bodies.push(json!({
            "type": "TextualBody",
            "value": body,
            "format": "text/markdown",
            "purpose": "commenting",
        }));
    }
    for tag in note.tags() {
        bodies.push(json!({ "type": "TextualBody", "value": tag, "purpose": "tagging" }));
    }
    match &note.attachment {
        Some(Attachment::Entity { kind, name }) => {
            bodies.push(json!({ "type": "TextualBody", "value": kind_name(*kind), "purpose": "classifying" }));
            bodies.push(json!({ "type": "TextualBody", "value": name, "purpose": "identifying" }));
        }
        Some(Attachment::Quote { .. }) => {
            bodies
                .push(json!({ "type": "TextualBody", "value": "quote", "purpose": "classifying" }));
        }
        None => {}
    }
    let mut selectors = vec![json!({
        "type": "TextQuoteSelector",
        "exact": note.target.exact,
        "prefix": note.target.prefix,
        "suffix": note.target.suffix,
    })];
    // A detached note's position is stale: only its quote is worth keeping.
    if !note.detached {
        selectors.push(json!({ "type": "TextPositionSelector", "start": start, "end": end }));
    }
    let motivation = if body.is_empty() {
        "highlighting"
    } else {
        "commenting"
    };
    let mut a = Map::new();
    a.insert("@context".into(), json!(CONTEXT));
    a.insert("id".into(), json!(format!("urn:uuid:{}", note.id)));
    a.insert("type".into(), json!("Annotation"));
    a.insert("motivation".into(), json!(motivation));
    a.insert("created".into(), json!(timestamp(note.created)));
    a.insert("modified".into(), json!(timestamp(note.updated)));
    if !bodies.is_empty() {
        a.insert("body".into(), Value::Array(bodies));
    }
    a.insert(
        "target".into(),
        json!({ "type": "SpecificResource", "source": source, "selector": selectors }),
    );
    Value::Object(a)
}

/// The media type of the body that holds a correction itself, as gloss
/// keeps it (read back by [`parse_corrections`]).
pub const CORRECTION_FORMAT: &str = "application/vnd.gloss.correction+json";

/// A correction of the analysis as an annotation: motivation `editing`, the
/// words it is about as its target, what it says in words, and the
/// correction itself as JSON (its own anchors included).
fn correction(c: &StoredCorrection, source: &str) -> Value {
    let anchor = c.correction.anchor();
    let itself = serde_json::to_string(&c.correction).unwrap_or_default();
    json!({
        "@context": CONTEXT,
        "id": format!("urn:uuid:{}", c.id),
        "type": "Annotation",
        "motivation": "editing",
        "created": timestamp(c.created),
        "body": [
            { "type": "TextualBody", "value": c.correction.describe(), "purpose": "editing" },
            { "type": "TextualBody", "value": itself, "format": CORRECTION_FORMAT, "purpose": "editing" },
        ],
        "target": {
            "type": "SpecificResource",
            "source": source,
            "selector": [{
                "type": "TextQuoteSelector",
                "exact": anchor.exact,
                "prefix": anchor.prefix,
                "suffix": anchor.suffix,
            }],
        },
    })
}

/// The body of an annotation that holds a gloss correction, if it has one.
fn correction_body(a: &Value) -> Option<&str> {
    one_or_many(a.get("body").unwrap_or(&Value::Null))
        .into_iter()
        .find(|b| b.get("format").and_then(Value::as_str) == Some(CORRECTION_FORMAT))
        .and_then(|b| b.get("value")?.as_str())
}

/// The corrections among Web Annotations (as [`to_web_annotations`] writes
/// them), each with its annotation's `target.source`.
pub fn parse_corrections(json: &str, now: DateTime<Utc>) -> Vec<(String, StoredCorrection)> {
    let Ok(value) = serde_json::from_str::<Value>(json) else {
        return Vec::new();
    };
    let items: Vec<&Value> = match &value {
        Value::Array(items) => items.iter().collect(),
        Value::Object(o) => match o.get("items") {
            Some(Value::Array(items)) => items.iter().collect(),
            _ => vec![&value],
        },
        _ => Vec::new(),
    };
    items
        .into_iter()
        .filter_map(|a| {
            let correction = serde_json::from_str(correction_body(a)?).ok()?;
            let target = one_or_many(a.get("target")?).into_iter().next()?;
            let source = match target.get("source")? {
                Value::String(s) => s.clone(),
                Value::Object(o) => o.get("id")?.as_str()?.to_string(),
                _ => return None,
            };
            let id = a
                .get("id")
                .and_then(Value::as_str)
                .and_then(|id| id.strip_prefix("urn:uuid:"))
                .and_then(|u| Uuid::parse_str(u).ok())?;
            let created = a
                .get("created")
                .and_then(Value::as_str)
                .and_then(|s| DateTime::parse_from_rfc3339(s).ok())
                .map_or(now, |t| t.with_timezone(&Utc));
            Some((
                source,
                StoredCorrection {
                    id,
                    created,
                    correction,
                },
            ))
        })
        .collect()
}

fn kind_name(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "person",
        EntityKind::Organization => "organization",
        EntityKind::Place => "place",
    }
}

fn kind_of(name: &str) -> Option<EntityKind> {
    match name {
        "person" => Some(EntityKind::Person),
        "organization" | "organisation" => Some(EntityKind::Organization),
        "place" => Some(EntityKind::Place),
        _ => None,
    }
}

/// A note read from a Web Annotation, with the article it is on. Its target
/// positions are code points until they are resolved against the text.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportedNote {
    /// The annotation's `target.source`.
    pub source: String,
    pub note: Note,
    /// Whether `start`/`end` came from a TextPositionSelector.
    pub has_position: bool,
}

/// Read Web Annotations: a JSON array of annotations, a single annotation,
/// or a collection page with `items`. Annotations gloss cannot use (no text
/// quote, no source) are counted in the second value, not imported.
pub fn parse_web_annotations(
    json: &str,
    now: DateTime<Utc>,
) -> Result<(Vec<ImportedNote>, usize), String> {
    let value: Value = serde_json::from_str(json).map_err(|e| e.to_string())?;
    let items: Vec<&Value> = match &value {
        Value::Array(items) => items.iter().collect(),
        Value::Object(o) if o.contains_key("items") => match &o["items"] {
            Value::Array(items) => items.iter().collect(),
            _ => return Err("`items` is not an array".into()),
        },
        Value::Object(o) if o.contains_key("first") => match o["first"].get("items") {
            Some(Value::Array(items)) => items.iter().collect(),
            _ => return Err("the collection's first page has no items".into()),
        },
        Value::Object(_) => vec![&value],
        _ => return Err("expected an annotation or an array of annotations".into()),
    };
    let mut notes = Vec::new();
    let mut skipped = 0;
    for item in items {
        // a correction is not a note (parse_corrections reads it)
        if correction_body(item).is_some() {
            continue;
        }
        match parse_annotation(item, now) {
            Some(n) => notes.push(n),
            None => skipped += 1,
        }
    }
    Ok((notes, skipped))
}

fn one_or_many(v: &Value) -> Vec<&Value> {
    match v {
        Value::Array(a) => a.iter().collect(),
        Value::Null => Vec::new(),
        other => vec![other],
    }
}

fn has_type(v: &Value, ty: &str) -> bool {
    one_or_many(v.get("type").unwrap_or(&Value::Null))
        .iter()
        .any(|t| t.as_str() == Some(ty))
}

fn parse_annotation(a: &Value, now: DateTime<Utc>) -> Option<ImportedNote> {
    if !has_type(a, "Annotation") {
        return None;
    }
    let target = one_or_many(a.get("target")?).into_iter().next()?;
    let source = match target.get("source")? {
        Value::String(s) => s.clone(),
        Value::Object(o) => o.get("id")?.as_str()?.to_string(),
        _ => return None,
    };
    let selectors = one_or_many(target.get("selector").unwrap_or(&Value::Null));
    let quote = selectors
        .iter()
        .find(|s| has_type(s, "TextQuoteSelector"))?;
    let exact = quote.get("exact")?.as_str()?.to_string();
    if exact.is_empty() {
        return None;
    }
    let text_of = |key: &str| {
        quote
            .get(key)
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string()
    };
    let position = selectors
        .iter()
        .find(|s| has_type(s, "TextPositionSelector"))
        .and_then(|s| {
            let start = usize::try_from(s.get("start")?.as_u64()?).ok()?;
            let end = usize::try_from(s.get("end")?.as_u64()?).ok()?;
            (start < end).then_some((start, end))
        });
    let (start, end) = position.unwrap_or((0, 0));

    let mut body = String::new();
    let mut tags: Vec<String> = Vec::new();
    let (mut class, mut name) = (None, None);
    if let Some(value) = a.get("bodyValue").and_then(Value::as_str) {
        body = value.to_string();
    }
    for b in one_or_many(a.get("body").unwrap_or(&Value::Null)) {
        let Some(value) = b.get("value").and_then(Value::as_str) else {
            continue;
        };
        let purposes = one_or_many(b.get("purpose").unwrap_or(&Value::Null));
        let purpose = purposes
            .first()
            .and_then(|p| p.as_str())
            .unwrap_or("commenting");
        match purpose {
            "tagging" => tags.push(value.to_string()),
            "classifying" => class = Some(value.to_string()),
            "identifying" => name = Some(value.to_string()),
            _ if body.is_empty() => body = value.to_string(),
            _ => {
                body.push_str("\n\n");
                body.push_str(value);
            }
        }
    }
    let present = crate::notes::model::parse_tags(&body);
    for tag in tags {
        let tag = tag
            .trim_start_matches('#')
            .replace(char::is_whitespace, "-");
        if !tag.is_empty() && !present.iter().any(|t| t.eq_ignore_ascii_case(&tag)) {
            if !body.is_empty() {
                body.push(if body.contains('\n') { '\n' } else { ' ' });
            }
            body.push('#');
            body.push_str(&tag);
        }
    }
    let attachment = match (class.as_deref(), name) {
        (Some("quote"), _) => Some(Attachment::Quote {
            text: exact.clone(),
        }),
        (Some(c), Some(name)) => kind_of(c).map(|kind| Attachment::Entity { kind, name }),
        _ => None,
    };
    let time = |key: &str| {
        a.get(key)
            .and_then(Value::as_str)
            .and_then(|s| DateTime::parse_from_rfc3339(s).ok())
            .map(|t| t.with_timezone(&Utc))
    };
    let created = time("created").unwrap_or(now);
    let updated = time("modified").unwrap_or(created);
    let id = a.get("id").and_then(Value::as_str).map_or_else(
        || content_id(&source, &exact, &body),
        |id| {
            id.strip_prefix("urn:uuid:")
                .and_then(|u| Uuid::parse_str(u).ok())
                .unwrap_or_else(|| content_id(id, "", ""))
        },
    );
    Some(ImportedNote {
        source,
        has_position: position.is_some(),
        note: Note {
            id,
            created,
            updated,
            target: Target {
                exact,
                prefix: text_of("prefix"),
                suffix: text_of("suffix"),
                start,
                end,
            },
            body,
            attachment,
            detached: false,
            detached_by: None,
        },
    })
}

/// A stable id for an annotation that has no `urn:uuid:` id, so that
/// importing it twice does not duplicate it.
fn content_id(a: &str, b: &str, c: &str) -> Uuid {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(format!("{a}\u{0}{b}\u{0}{c}").as_bytes());
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&digest[..16]);
    uuid::Builder::from_custom_bytes(bytes).into_uuid()
}
