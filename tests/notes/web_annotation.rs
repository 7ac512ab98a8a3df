//! The JSON export meets every MUST of the W3C Web Annotation Data Model that
//! the W3C test suite (web-platform-tests `annotation-model/`, the
//! `annotationMusts`, `bodyMusts`, `targetMusts` and `specificResourceMusts`
//! tests) checks, written here as assertions; each check names the suite's
//! assertion it mirrors. And its selectors point at the right text, counted
//! in code points.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use gloss::Document;
use gloss::analysis::EntityKind;
use gloss::article::CleanOptions;
use gloss::article_id::ArticleId;
use gloss::notes::export::{ExportContext, Format};
use gloss::notes::{Attachment, Clock, FixedClock, Notebook, Store};
use gloss::span::Span;
use serde_json::Value;

const ARTICLE: &str = "Zölle und Häfen: São Paulo reagiert\n\n\
    Die Hafenbehörde von São Paulo hat am Dienstag neue Gebühren beschlossen. \
    „Wir können nicht länger warten“, sagte Direktorin Ana Conceição.\n\n\
    In Zürich und Malmö wurde die Entscheidung mit Sorge aufgenommen 🚢.";

const MOTIVATIONS: [&str; 13] = [
    "assessing",
    "bookmarking",
    "classifying",
    "commenting",
    "describing",
    "editing",
    "highlighting",
    "identifying",
    "linking",
    "moderating",
    "questioning",
    "replying",
    "tagging",
];

fn export() -> (Document, Vec<Value>) {
    let dir = tempfile::tempdir().unwrap();
    let doc = Document::from_text(ARTICLE, &CleanOptions::default());
    let t0 = DateTime::parse_from_rfc3339("2025-03-01T09:00:00Z").unwrap();
    let clock: Arc<dyn Clock> = Arc::new(FixedClock::new(t0.with_timezone(&Utc)));
    let id = ArticleId::Path("/home/ana/Zeitung/hafen gebühren.txt".into());
    let (mut nb, _) =
        Notebook::open(Store::new(dir.path()), id.clone(), &doc.article, clock).unwrap();
    let span = |q: &str| {
        let s = doc.article.text.find(q).unwrap();
        Span::new(s, s + q.len())
    };
    nb.highlight(span("neue Gebühren beschlossen")).unwrap();
    nb.add(
        span("Wir können nicht länger warten"),
        "Strong words. #häfen #tariffs",
        Some(Attachment::Quote {
            text: "Wir können nicht länger warten".into(),
        }),
    )
    .unwrap();
    nb.add(
        span("Malmö"),
        "Also affected.",
        Some(Attachment::Entity {
            kind: EntityKind::Place,
            name: "Malmö".into(),
        }),
    )
    .unwrap();
    let json = ExportContext {
        doc: &doc,
        id: &id,
        read_from: None,
        notes: nb.notes(),
        corrections: &[],
        exported: t0.with_timezone(&Utc),
    }
    .render(Format::Json);
    let value: Value = serde_json::from_str(&json).expect("valid JSON");
    let Value::Array(annotations) = value else {
        panic!("the export is a JSON array")
    };
    assert_eq!(annotations.len(), 3);
    (doc, annotations)
}

/// RFC 3986 `scheme ":" ...` with only characters a URI may hold.
fn is_uri(s: &str) -> bool {
    let Some((scheme, rest)) = s.split_once(':') else {
        return false;
    };
    let mut sc = scheme.chars();
    let scheme_ok = sc.next().is_some_and(|c| c.is_ascii_alphabetic())
        && sc.all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c));
    let bytes = rest.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'%' {
            let hex = rest.get(i + 1..i + 3).unwrap_or("");
            if hex.len() != 2 || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
                return false;
            }
            i += 3;
            continue;
        }
        if !(b.is_ascii_alphanumeric() || b"-._~:/?#[]@!$&'()*+,;=".contains(&b)) {
            return false;
        }
        i += 1;
    }
    scheme_ok && !rest.is_empty()
}

fn is_date_time(v: &Value) -> bool {
    v.as_str()
        .is_some_and(|s| DateTime::parse_from_rfc3339(s).is_ok())
}

fn one_or_many(v: &Value) -> Vec<&Value> {
    match v {
        Value::Array(a) => a.iter().collect(),
        other => vec![other],
    }
}

fn has_type(v: &Value, ty: &str) -> bool {
    v.get("type")
        .is_some_and(|t| one_or_many(t).iter().any(|t| t.as_str() == Some(ty)))
}

#[test]
fn annotations_meet_the_annotation_level_musts() {
    let (_, annotations) = export();
    for a in &annotations {
        // 3.1-annotationContextValidated
        let ctx = &a["@context"];
        assert!(
            ctx.as_str() == Some("http://www.w3.org/ns/anno.jsonld")
                || one_or_many(ctx)
                    .iter()
                    .any(|c| c.as_str() == Some("http://www.w3.org/ns/anno.jsonld")),
            "{a}"
        );
        // 3.1-annotationIdValidated: one id, a URI.
        assert!(a["id"].as_str().is_some_and(is_uri), "{}", a["id"]);
        // 3.1-annotationTypeValidated
        assert!(has_type(a, "Annotation"));
        // 3.1-targetKeyFound
        assert!(a.get("target").is_some());
        // 3.2.5-notBodyBodyValue
        assert!(!(a.get("body").is_some() && a.get("bodyValue").is_some()));
        // 3.2.5-bodyValueValidated
        if let Some(v) = a.get("bodyValue") {
            assert!(v.is_string());
        }
        // 3.3.1 created / modified / generated: one date-time each, if present.
        for key in ["created", "modified", "generated"] {
            if let Some(v) = a.get(key) {
                assert!(is_date_time(v), "{key}: {v}");
            }
        }
        // 3.3.6-annotationRightsValidated, 3.3.7 canonical / via: URIs if present.
        for key in ["rights", "canonical", "via"] {
            if let Some(v) = a.get(key) {
                assert!(
                    one_or_many(v)
                        .iter()
                        .all(|u| u.as_str().is_some_and(is_uri))
                );
            }
        }
        // 3.3.5: motivation from the model's list.
        if let Some(m) = a.get("motivation") {
            assert!(
                one_or_many(m)
                    .iter()
                    .all(|m| MOTIVATIONS.contains(&m.as_str().unwrap_or("")))
            );
        }
    }
}

#[test]
fn bodies_are_well_formed_textual_bodies() {
    let (_, annotations) = export();
    let highlight = &annotations[0];
    assert!(highlight.get("body").is_none(), "a highlight has no body");
    assert_eq!(highlight["motivation"], "highlighting");
    for a in &annotations[1..] {
        // 3.2-bodyObjectsRecognized: each body one recognised kind; ours are
        // Embedded Textual Bodies: a string value, no id, source or items.
        for body in one_or_many(&a["body"]) {
            assert!(has_type(body, "TextualBody"), "{body}");
            assert!(body["value"].is_string(), "{body}");
            for not_here in ["id", "source", "items", "selector"] {
                assert!(body.get(not_here).is_none(), "{body}");
            }
            // 3.3.5-bodyPurpose: from the model's list.
            let purpose = body["purpose"].as_str().unwrap_or("");
            assert!(MOTIVATIONS.contains(&purpose), "{body}");
            // 3.2.1-bodyFormat: a media type.
            if let Some(format) = body.get("format") {
                let f = format.as_str().unwrap_or("");
                assert!(
                    [
                        "application/",
                        "audio/",
                        "example/",
                        "image/",
                        "multipart/",
                        "text/",
                        "video/"
                    ]
                    .iter()
                    .any(|p| f.starts_with(p)),
                    "{f}"
                );
            }
        }
    }
    let purposes = |a: &Value| -> Vec<(String, String)> {
        one_or_many(&a["body"])
            .iter()
            .map(|b| {
                (
                    b["purpose"].as_str().unwrap().into(),
                    b["value"].as_str().unwrap().into(),
                )
            })
            .collect()
    };
    assert_eq!(
        purposes(&annotations[1]),
        vec![
            ("commenting".into(), "Strong words. #häfen #tariffs".into()),
            ("tagging".into(), "häfen".into()),
            ("tagging".into(), "tariffs".into()),
            ("classifying".into(), "quote".into()),
        ]
    );
    assert_eq!(
        purposes(&annotations[2]),
        vec![
            ("commenting".into(), "Also affected.".into()),
            ("classifying".into(), "place".into()),
            ("identifying".into(), "Malmö".into()),
        ]
    );
}

#[test]
fn targets_are_specific_resources_with_valid_selectors() {
    let (doc, annotations) = export();
    let chars: Vec<char> = doc.article.text.chars().collect();
    for a in &annotations {
        // 3.2-targetObjectsRecognized: a Specific Resource (a source URI and a
        // recognised selector), not also an External Web Resource (no id).
        let target = &a["target"];
        assert!(target.get("id").is_none());
        let source = target["source"].as_str().unwrap();
        assert!(is_uri(source), "{source}");
        assert_eq!(source, "file:///home/ana/Zeitung/hafen%20geb%C3%BChren.txt");
        let selectors = one_or_many(&target["selector"]);
        assert_eq!(selectors.len(), 2);
        // 4.2.4: a TextQuoteSelector has an exact string; prefix and suffix strings.
        let quote = selectors
            .iter()
            .find(|s| has_type(s, "TextQuoteSelector"))
            .unwrap();
        let exact = quote["exact"].as_str().unwrap();
        let prefix = quote["prefix"].as_str().unwrap();
        let suffix = quote["suffix"].as_str().unwrap();
        // 4.2.5: a TextPositionSelector has non-negative integer start and end.
        let pos = selectors
            .iter()
            .find(|s| has_type(s, "TextPositionSelector"))
            .unwrap();
        let start = pos["start"].as_u64().unwrap() as usize;
        let end = pos["end"].as_u64().unwrap() as usize;
        assert!(start < end && end <= chars.len());
        // Positions are code points of the clean text, consistent with the quote.
        let at: String = chars[start..end].iter().collect();
        assert_eq!(at, exact);
        let before: String = chars[..start].iter().collect();
        let after: String = chars[end..].iter().collect();
        assert!(before.ends_with(prefix), "{prefix:?}");
        assert!(after.starts_with(suffix), "{suffix:?}");
    }
}

#[test]
fn ids_are_unique_urn_uuids() {
    let (_, annotations) = export();
    let ids: std::collections::HashSet<&str> = annotations
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), annotations.len());
    for id in ids {
        let uuid = id.strip_prefix("urn:uuid:").expect("urn:uuid:");
        assert!(uuid::Uuid::parse_str(uuid).is_ok());
    }
}
