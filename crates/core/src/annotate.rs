//! The JSON contract of `gloss annotate` (see docs/annotate-json.md).

use std::io::Write;

use serde::Serialize;

use crate::Document;
use crate::analysis::{EntityKind, Explanation, Geo, QuoteKind};
use crate::article::{Block, Meta};
use crate::span::Span;

#[derive(Serialize)]
struct Output<'a> {
    title: Option<&'a str>,
    text: &'a str,
    entities: Vec<EntityOut<'a>>,
    quotes: Vec<QuoteOut<'a>>,
    blocks: &'a [Block],
    sentences: &'a [Span],
    meta: MetaOut<'a>,
    /// Only with `--explain`: why each name got its kind and each quote its speaker.
    #[serde(skip_serializing_if = "Option::is_none")]
    explain: Option<&'a Explanation>,
}

#[derive(Serialize)]
struct EntityOut<'a> {
    id: String,
    kind: EntityKind,
    name: &'a str,
    roles: &'a [String],
    mentions: &'a [Span],
    #[serde(skip_serializing_if = "Option::is_none")]
    geo: Option<&'a Geo>,
}

#[derive(Serialize)]
struct QuoteOut<'a> {
    text: &'a str,
    speaker: Option<String>,
    start: usize,
    end: usize,
    kind: QuoteKind,
}

#[derive(Serialize)]
struct MetaOut<'a> {
    url: Option<&'a str>,
    site: Option<&'a str>,
    byline: Option<&'a str>,
    published: Option<&'a str>,
    source: Option<&'a str>,
    /// The page's declared language, else the one the analysis assumed.
    language: &'a str,
}

impl<'a> MetaOut<'a> {
    fn new(meta: &'a Meta, analysis_language: &'a str) -> MetaOut<'a> {
        MetaOut {
            url: meta.url.as_deref(),
            site: meta.site.as_deref(),
            byline: meta.byline.as_deref(),
            published: meta.published.as_deref(),
            source: meta.source.as_deref(),
            language: meta.language.as_deref().unwrap_or(analysis_language),
        }
    }
}

fn entity_id(index: usize) -> String {
    format!("e{}", index + 1)
}

/// The annotation of a document as pretty-printed JSON, fields in contract order.
pub fn to_json(doc: &Document) -> String {
    serde_json::to_string_pretty(&output(doc, None)).expect("annotation serialises")
}

/// Write the annotation of a document to `out`, as [`to_json`] gives it,
/// without holding the whole JSON in memory.
pub fn write_json(doc: &Document, out: impl Write) -> std::io::Result<()> {
    serde_json::to_writer_pretty(out, &output(doc, None)).map_err(std::io::Error::from)
}

/// Write the annotation as [`write_json`] does, with an `explain` member
/// after the others (`gloss annotate --explain`).
pub fn write_json_explained(
    doc: &Document,
    explanation: &Explanation,
    out: impl Write,
) -> std::io::Result<()> {
    serde_json::to_writer_pretty(out, &output(doc, Some(explanation))).map_err(std::io::Error::from)
}

fn output<'a>(doc: &'a Document, explain: Option<&'a Explanation>) -> Output<'a> {
    let (article, analysis) = (&doc.article, &doc.analysis);
    Output {
        title: article.title(),
        text: &article.text,
        entities: analysis
            .entities
            .iter()
            .enumerate()
            .map(|(i, e)| EntityOut {
                id: entity_id(i),
                kind: e.kind,
                name: &e.name,
                roles: &e.roles,
                mentions: &e.mentions,
                geo: e.geo.as_ref(),
            })
            .collect(),
        quotes: analysis
            .quotes
            .iter()
            .map(|q| QuoteOut {
                text: article.slice(q.span),
                speaker: q.speaker.map(|id| entity_id(id.0)),
                start: q.span.start,
                end: q.span.end,
                kind: q.kind,
            })
            .collect(),
        blocks: &article.blocks,
        sentences: &analysis.sentences,
        meta: MetaOut::new(&article.meta, &analysis.language),
        explain,
    }
}
