//! The JSON contract of `gloss annotate` (see docs/annotate-json.md).

use std::io::Write;

use serde::Serialize;

use crate::Document;
use crate::analysis::{EntityKind, Explanation, Geo, QuoteKind};
use crate::article::{Block, Meta};
use crate::span::Span;

#[derive(Serialize)]
struct Output<'a> {
    /// Only in JSON Lines (`gloss annotate` over several inputs): which input
    /// this line is about, first so that a reader sees it before the text.
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a serde_json::Value>,
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
    geo: Option<GeoOut<'a>>,
}

/// A place's position as printed: the gazetteer keeps single-precision
/// coordinates, whose widening to `f64` would print as float noise
/// (`48.85300064086914`); five decimals (about a metre) are all they hold.
#[derive(Serialize)]
struct GeoOut<'a> {
    lat: f64,
    lon: f64,
    country_code: Option<&'a str>,
    feature: &'a str,
    geonames_id: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    within: Option<&'a str>,
}

/// Decimals printed for a coordinate.
const COORDINATE_DECIMALS: i32 = 5;

/// `x` rounded to [`COORDINATE_DECIMALS`]; serde_json prints the shortest
/// decimal that reads back as this number, so `48.853`, not `48.85300`.
/// A value that rounds to zero prints `0.0`, never `-0.0`.
fn round_coordinate(x: f64) -> f64 {
    let scale = 10f64.powi(COORDINATE_DECIMALS);
    (x * scale).round() / scale + 0.0
}

impl<'a> GeoOut<'a> {
    fn of(geo: &'a Geo) -> GeoOut<'a> {
        GeoOut {
            lat: round_coordinate(geo.lat),
            lon: round_coordinate(geo.lon),
            country_code: geo.country_code.as_deref(),
            feature: &geo.feature,
            geonames_id: geo.geonames_id,
            within: geo.within.as_deref(),
        }
    }
}

#[derive(Serialize)]
struct QuoteOut<'a> {
    text: &'a str,
    speaker: Option<String>,
    start: usize,
    end: usize,
    kind: QuoteKind,
    /// Only for a quotation its attribution splits: each quoted stretch.
    #[serde(skip_serializing_if = "<[Span]>::is_empty")]
    parts: &'a [Span],
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
    serde_json::to_string_pretty(&output(doc, None, None)).expect("annotation serialises")
}

/// Write the annotation of a document to `out`, as [`to_json`] gives it,
/// without holding the whole JSON in memory.
pub fn write_json(doc: &Document, out: impl Write) -> std::io::Result<()> {
    serde_json::to_writer_pretty(out, &output(doc, None, None)).map_err(std::io::Error::from)
}

/// Write the annotation as [`write_json`] does, with an `explain` member
/// after the others (`gloss annotate --explain`).
pub fn write_json_explained(
    doc: &Document,
    explanation: &Explanation,
    out: impl Write,
) -> std::io::Result<()> {
    serde_json::to_writer_pretty(out, &output(doc, None, Some(explanation)))
        .map_err(std::io::Error::from)
}

/// Write the annotation as one line of JSON Lines (no newline in it, none
/// after it): an `id` member first (a string or a number, as the caller
/// names the input), then the members [`write_json`] writes, and `explain`
/// when an explanation is given. What `gloss annotate` prints for each of
/// several inputs.
pub fn write_json_line(
    id: &serde_json::Value,
    doc: &Document,
    explanation: Option<&Explanation>,
    out: impl Write,
) -> std::io::Result<()> {
    serde_json::to_writer(out, &output(doc, Some(id), explanation)).map_err(std::io::Error::from)
}

fn output<'a>(
    doc: &'a Document,
    id: Option<&'a serde_json::Value>,
    explain: Option<&'a Explanation>,
) -> Output<'a> {
    let (article, analysis) = (&doc.article, &doc.analysis);
    Output {
        id,
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
                geo: e.geo.as_ref().map(GeoOut::of),
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
                parts: &q.parts,
            })
            .collect(),
        blocks: &article.blocks,
        sentences: &analysis.sentences,
        meta: MetaOut::new(&article.meta, &analysis.language),
        explain,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn document(raw: &str) -> Document {
        let article = crate::article::clean(raw, &crate::article::CleanOptions::builtin());
        let analysis = crate::analysis::analyze(&article);
        Document { article, analysis }
    }

    #[test]
    fn a_json_line_is_the_object_on_one_line_with_its_id_first() {
        let doc =
            document("Mayor opens tunnel\n\n\"We waited,\" said Mayor Ingrid Solberg in Oslo.\n");
        let mut line = Vec::new();
        write_json_line(&serde_json::json!("a.txt"), &doc, None, &mut line).expect("writes");
        let line = String::from_utf8(line).expect("UTF-8");
        assert!(!line.contains('\n'), "{line}");
        assert!(line.starts_with(r#"{"id":"a.txt","title":"#), "{line}");

        let mut parsed: serde_json::Value = serde_json::from_str(&line).expect("JSON");
        parsed.as_object_mut().expect("object").remove("id");
        let pretty: serde_json::Value = serde_json::from_str(&to_json(&doc)).expect("JSON");
        assert_eq!(parsed, pretty);
    }

    #[test]
    fn coordinates_print_with_at_most_five_decimals() {
        // what a single-precision 48.853 becomes in f64
        let geo = Geo {
            lat: f64::from(48.853_f32),
            lon: f64::from(2.348_8_f32),
            country_code: Some("FR".into()),
            feature: "city".into(),
            geonames_id: Some(2988507),
            within: None,
        };
        assert_eq!(geo.lat.to_string(), "48.85300064086914");
        let json = serde_json::to_string(&GeoOut::of(&geo)).unwrap();
        assert_eq!(
            json,
            r#"{"lat":48.853,"lon":2.3488,"country_code":"FR","feature":"city","geonames_id":2988507}"#
        );
        assert_eq!(round_coordinate(-33.868_820_1), -33.86882);
        assert_eq!(round_coordinate(0.000_004), 0.0);
        assert_eq!(round_coordinate(-0.000_004).to_string(), "0");
        assert_eq!(round_coordinate(-179.999_996), -180.0);
    }
}
