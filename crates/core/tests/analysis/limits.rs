//! Long inputs: a line of any length is read in pieces (`Parts::line_bytes`),
//! a long article in chunks (`analysis::CHUNK_BYTES`); the text is whole, the
//! results are those of the pieces and chunks, merged.

use gloss_core::Document;
use gloss_core::analysis::{EntityKind, Parts, analyze_in_chunks, analyze_with};
use gloss_core::article::{CleanOptions, clean};

const PARAGRAPH: &str = "President Adaeze Okonkwo-Bello met Omar Castellanos in Lisbon on \
    Monday. \u{201C}We will meet again,\u{201D} Okonkwo-Bello said. Castellanos agreed.";

#[test]
fn an_unclosed_quote_on_a_long_line_ends_with_its_piece() {
    // a whole article on one line, a quotation mark opened and never closed
    let line = format!("\u{201C}{}", "The talks went on all night. ".repeat(400));
    let article = clean(&line, &CleanOptions::default());
    assert_eq!(article.blocks.len(), 1);
    assert_eq!(article.title(), None, "a long first line is no title");
    let parts = Parts {
        line_bytes: 2048,
        ..Parts::default()
    };
    let analysis = analyze_with(&article, parts);
    assert!(!analysis.quotes.is_empty());
    for q in &analysis.quotes {
        assert!(
            q.span.len() <= 2048,
            "a quotation of {} bytes",
            q.span.len()
        );
    }
    for s in &analysis.sentences {
        assert!(s.len() <= 2048, "a sentence of {} bytes", s.len());
    }
    // the text is whole
    assert_eq!(article.text, line.trim());
}

#[test]
fn a_one_line_article_longer_than_a_title_is_no_title() {
    let title = "Talks resume ".repeat(40);
    let article = clean(
        &format!("{title}\n\nThe talks resumed."),
        &CleanOptions::default(),
    );
    assert_eq!(article.title(), None);
    assert_eq!(article.blocks.len(), 2);
    let short = clean(
        "Talks resume\n\nThe talks resumed.",
        &CleanOptions::default(),
    );
    assert_eq!(short.title(), Some("Talks resume"));
}

#[test]
fn short_lines_are_analysed_as_before() {
    let raw = format!("Talks resume\n\n{PARAGRAPH}\n\n{PARAGRAPH}");
    let article = clean(&raw, &CleanOptions::default());
    let whole = analyze_with(&article, Parts::default());
    let doc = Document::from_text(&raw, &CleanOptions::default());
    assert_eq!(doc.analysis, whole);
    // chunks larger than the article: one chunk, the same analysis
    assert_eq!(
        analyze_in_chunks(&article, Parts::default(), article.text.len()),
        whole
    );
}

#[test]
fn a_long_article_is_analysed_in_chunks_and_its_entities_merged() {
    let raw = format!("Talks resume\n\n{}", [PARAGRAPH; 12].join("\n\n"));
    let article = clean(&raw, &CleanOptions::default());
    let whole = analyze_with(&article, Parts::default());
    // about three paragraphs a chunk
    let chunked = analyze_in_chunks(&article, Parts::default(), 3 * PARAGRAPH.len());
    let person = |a: &gloss_core::Analysis, name: &str| {
        a.entities
            .iter()
            .filter(|e| e.kind == EntityKind::Person && e.name == name)
            .count()
    };
    assert_eq!(
        person(&chunked, "Adaeze Okonkwo-Bello"),
        1,
        "{:?}",
        chunked.entities
    );
    let merged = chunked
        .entities
        .iter()
        .find(|e| e.name == "Adaeze Okonkwo-Bello")
        .unwrap();
    let whole_person = whole
        .entities
        .iter()
        .find(|e| e.name == "Adaeze Okonkwo-Bello")
        .unwrap();
    assert_eq!(merged.mentions, whole_person.mentions);
    assert_eq!(chunked.sentences, whole.sentences);
    assert_eq!(chunked.quotes.len(), whole.quotes.len());
    for q in &chunked.quotes {
        let speaker = q.speaker.expect("a speaker");
        assert_eq!(chunked.entity(speaker).name, "Adaeze Okonkwo-Bello");
    }
    // mentions in reading order
    assert!(merged.mentions.windows(2).all(|w| w[0].start < w[1].start));
}

#[test]
fn a_run_of_quotation_marks_with_no_sentence_end_takes_linear_time() {
    // 40,000 quotations in one sentence: each looked at its own
    // neighbourhood, not the whole sentence (which took minutes)
    let line = "\"a\" ".repeat(40_000);
    let article = clean(&line, &CleanOptions::default());
    let started = std::time::Instant::now();
    let analysis = analyze_with(&article, Parts::default());
    let took = started.elapsed();
    assert_eq!(analysis.quotes.len(), 40_000);
    assert!(took.as_secs() < 30, "took {took:?}");
}

/// What the analysis says, independent of the order entities are listed
/// in: each entity's kind, name and mentions, and each quotation's span,
/// kind, speaker's name and parts.
type Said = (
    Vec<(EntityKind, String, Vec<gloss_core::Span>)>,
    Vec<(
        gloss_core::Span,
        gloss_core::analysis::QuoteKind,
        Option<String>,
        Vec<gloss_core::Span>,
    )>,
);

fn said(a: &gloss_core::Analysis) -> Said {
    let mut entities: Vec<_> = a
        .entities
        .iter()
        .map(|e| (e.kind, e.name.clone(), e.mentions.clone()))
        .collect();
    entities.sort_by(|x, y| (x.2.first(), x.0, &x.1).cmp(&(y.2.first(), y.0, &y.1)));
    let quotes = a
        .quotes
        .iter()
        .map(|q| {
            let speaker = q.speaker.map(|s| a.entity(s).name.clone());
            (q.span, q.kind, speaker, q.parts.clone())
        })
        .collect();
    (entities, quotes)
}

#[test]
fn an_article_analysed_in_chunks_says_what_it_says_whole() {
    // paragraphs of different people, organisations and places; the same
    // people again in later chunks, by full name and by family name alone,
    // an organisation's name written in lowercase in a later chunk (which
    // reached past its chunk's tokens and panicked)
    let paragraphs = [
        "Foreign Minister Adaeze Okonkwo-Bello arrived in Lisbon on Monday for talks with \
         the State Department. \u{201C}We came to listen,\u{201D} Okonkwo-Bello said.",
        "Omar Castellanos, who leads the delegation from Madrid, met reporters at the \
         airport. \u{201C}Nothing is agreed until everything is agreed,\u{201D} said Castellanos.",
        "The talks resumed on Tuesday in Lisbon. Officials from the state department \
         joined them in the afternoon.",
        "\u{201C}The first day went well,\u{201D} Okonkwo-Bello told reporters after the \
         session. Castellanos did not comment.",
        "On Wednesday, Adaeze Okonkwo-Bello flew to Madrid, where Omar Castellanos \
         hosted a dinner. \u{201C}We are,\u{201D} he said, \u{201C}closer than we were.\u{201D}",
    ];
    let raw = format!("Talks in Lisbon\n\n{}", paragraphs.join("\n\n"));
    let article = clean(&raw, &CleanOptions::default());
    let whole = analyze_with(&article, Parts::default());
    assert!(whole.quotes.iter().filter(|q| q.speaker.is_some()).count() >= 3);
    // the last quotation is one in two parts
    assert!(whole.quotes.iter().any(|q| q.parts.len() == 2));
    // chunks of one to three paragraphs (not of one paragraph holding a
    // family name alone: a chunk does not know the people of the others)
    for chunk_bytes in [400, 500, 700] {
        let chunked = analyze_in_chunks(&article, Parts::default(), chunk_bytes);
        assert_eq!(
            said(&chunked),
            said(&whole),
            "chunks of {chunk_bytes} bytes"
        );
        assert_eq!(chunked.sentences, whole.sentences);
        assert_eq!(chunked.language, whole.language);
    }
}

#[test]
fn quotations_after_a_sentence_full_of_them_read_it_once() {
    // 100,000 quotations with no sentence end: a line read in pieces, the
    // quotations of each piece looking back at the piece before (which
    // each of them read whole: 60 s and more, now about a second)
    let line = "\"a\" ".repeat(100_000);
    let article = clean(&line, &CleanOptions::default());
    let started = std::time::Instant::now();
    let analysis = analyze_with(&article, Parts::default());
    let took = started.elapsed();
    assert_eq!(analysis.quotes.len(), 100_000);
    assert!(took.as_secs() < 20, "took {took:?}");
}
