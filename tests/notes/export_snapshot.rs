//! The Markdown export of notes on the bundled sample article, with a fixed
//! clock. The people and places summary at its end follows the analysis: when
//! the analysis improves, review the changed names and counts there.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use gloss::Document;
use gloss::article::CleanOptions;
use gloss::article_id::ArticleId;
use gloss::notes::export::{ExportContext, Format};
use gloss::notes::{Attachment, Clock, FixedClock, Notebook, Store};
use gloss::source::SAMPLE;
use gloss::span::Span;

/// The sentence around `phrase`: from after the previous ". " (or the start
/// of its paragraph) to its next ". " (or the end of the paragraph).
fn sentence_with(doc: &Document, phrase: &str) -> Span {
    let text = &doc.article.text;
    let at = text.find(phrase).expect("phrase in the sample");
    let start = text[..at]
        .rfind(['\n'])
        .map_or(0, |i| i + 1)
        .max(text[..at].rfind(". ").map_or(0, |i| i + 2));
    let end = text[at..]
        .find(". ")
        .map(|i| at + i + 1)
        .into_iter()
        .chain(text[at..].find('\n').map(|i| at + i))
        .min()
        .unwrap_or(text.len());
    Span::new(start, end)
}

#[test]
fn markdown_export_of_the_sample() {
    let dir = tempfile::tempdir().unwrap();
    let doc = Document::from_text(SAMPLE, &CleanOptions::default());
    let t0 = DateTime::parse_from_rfc3339("2025-03-01T09:00:00Z").unwrap();
    let clock: Arc<dyn Clock> = Arc::new(FixedClock::new(t0.with_timezone(&Utc)));
    let id = ArticleId::for_content(SAMPLE);
    let (mut nb, _) =
        Notebook::open(Store::new(dir.path()), id.clone(), &doc.article, clock).unwrap();

    nb.highlight(sentence_with(&doc, "begin issuing questionnaires"))
        .unwrap();
    nb.add(
        sentence_with(&doc, "within twenty working days"),
        "Twenty days, in English?\n\nCheck the *leaked* letter. #asylum #follow-up",
        None,
    )
    .unwrap();
    if let Some(quote) = doc.analysis.quotes.first() {
        let text = doc.article.slice(quote.span).to_string();
        nb.add(
            quote.span,
            "A quote worth keeping. #asylum",
            Some(Attachment::Quote { text }),
        )
        .unwrap();
    }
    nb.add(
        sentence_with(&doc, "45,756 migrants crossing the Channel"),
        "The figure behind the backlog.",
        None,
    )
    .unwrap();

    let md = ExportContext {
        doc: &doc,
        id: &id,
        read_from: None,
        notes: nb.notes(),
        corrections: &[],
        exported: DateTime::parse_from_rfc3339("2025-03-14T18:00:00Z")
            .unwrap()
            .with_timezone(&Utc),
    }
    .render(Format::Markdown);
    insta::assert_snapshot!(md);
}
