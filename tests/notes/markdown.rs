//! The Markdown export: who a highlight is credited to, notes that keep their
//! line breaks, and the two dates of the front matter.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use gloss::Document;
use gloss::article::CleanOptions;
use gloss::article_id::ArticleId;
use gloss::notes::export::{ExportContext, Format, Written, quote_speaker, write_file};
use gloss::notes::{Clock, FixedClock, Note, Notebook, Store};
use gloss::span::Span;

/// Invented for this test (CC0): a full quote with its attribution, a
/// narrative sentence holding a one-word scare quote, and two quotes of one
/// speaker in a row.
const FERRY: &str = "Harbour towns agree on one ferry\n\n\
    Jan. 14, 2025\n\n\
    Mayor Elena Alvarez said on Tuesday that the three towns would share one ferry service. \
    \"We will sail as one fleet from the spring,\" Alvarez said.\n\n\
    Councillor Mira Okafor called the plan a \"giveaway\" to the operator and said fares could rise.\n\n\
    \"It is a fair deal,\" Alvarez said. \"Nobody pays more.\"\n";

fn at(day: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(&format!("{day}T09:00:00Z"))
        .unwrap()
        .with_timezone(&Utc)
}

fn clock() -> Arc<dyn Clock> {
    Arc::new(FixedClock::new(at("2025-03-01")))
}

fn span_of(doc: &Document, passage: &str) -> Span {
    let start = doc.article.text.find(passage).expect("passage in the text");
    Span::new(start, start + passage.len())
}

struct Fixture {
    _dir: tempfile::TempDir,
    doc: Document,
    id: ArticleId,
    notebook: Notebook,
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let doc = Document::from_text(FERRY, &CleanOptions::default());
    let id = ArticleId::Url("https://news.example/ferry".into());
    let (notebook, _) =
        Notebook::open(Store::new(dir.path()), id.clone(), &doc.article, clock()).unwrap();
    Fixture {
        _dir: dir,
        doc,
        id,
        notebook,
    }
}

impl Fixture {
    fn highlight(&mut self, passage: &str) -> Note {
        let id = self
            .notebook
            .highlight(span_of(&self.doc, passage))
            .unwrap();
        self.notebook.get(id).unwrap().clone()
    }

    fn markdown(&self, exported: DateTime<Utc>) -> String {
        ExportContext {
            doc: &self.doc,
            id: &self.id,
            read_from: None,
            notes: self.notebook.notes(),
            corrections: &[],
            exported,
        }
        .render(Format::Markdown)
    }
}

#[test]
fn only_a_highlight_that_is_a_quote_or_lies_in_one_is_credited_to_a_speaker() {
    let mut f = fixture();
    // the analysis finds the scare quote and gives it a speaker...
    let giveaway = span_of(&f.doc, "giveaway");
    let scare = f.doc.analysis.quotes.iter().find(|q| q.span == giveaway);
    assert!(
        scare.is_some_and(|q| q.speaker.is_some()),
        "{:?}",
        f.doc.analysis.quotes
    );
    // ...but the narrative sentence around it is nobody's quote
    let narrative = f.highlight(
        "Councillor Mira Okafor called the plan a \"giveaway\" to the operator and said fares could rise.",
    );
    assert_eq!(quote_speaker(&f.doc, &narrative), None);
    // the scare quote itself is hers
    let word = f.highlight("giveaway");
    assert_eq!(quote_speaker(&f.doc, &word), Some("Mira Okafor"));

    // a quote's own words, a part of them, the quote with its attribution,
    // two quotes of one speaker: the speaker's
    for passage in [
        "We will sail as one fleet from the spring",
        "one fleet",
        "\"We will sail as one fleet from the spring,\" Alvarez said.",
        "\"It is a fair deal,\" Alvarez said. \"Nobody pays more.\"",
    ] {
        let note = f.highlight(passage);
        assert_eq!(
            quote_speaker(&f.doc, &note),
            Some("Elena Alvarez"),
            "{passage}"
        );
    }
    // a narrative sentence without quotes, or a whole paragraph whose quote
    // is a small part of it: nobody's
    let said = f.highlight("Mayor Elena Alvarez said on Tuesday");
    assert_eq!(quote_speaker(&f.doc, &said), None);
    let paragraph = f.highlight(
        "Mayor Elena Alvarez said on Tuesday that the three towns would share one ferry service. \
         \"We will sail as one fleet",
    );
    assert_eq!(quote_speaker(&f.doc, &paragraph), None);

    let md = f.markdown(at("2025-03-02"));
    assert!(
        md.contains("> Councillor Mira Okafor called the plan a \"giveaway\" to the operator and said fares could rise.\n\n"),
        "no speaker line under the narrative sentence:\n{md}"
    );
    assert!(md.contains("> one fleet\n>\n> — Elena Alvarez\n"), "{md}");
}

#[test]
fn a_note_of_several_lines_keeps_its_line_breaks() {
    let mut f = fixture();
    let id = f
        .notebook
        .add(
            span_of(&f.doc, "fares could rise"),
            "Questions:\n- who pays?\n- from when?\n\nAsk the council.\nAnd the operator. #fares",
            None,
        )
        .unwrap();
    assert!(f.notebook.get(id).is_some());
    let md = f.markdown(at("2025-03-02"));
    assert!(
        md.contains(
            "> fares could rise\n\n\
             Questions:  \n- who pays?  \n- from when?\n\n\
             Ask the council.  \nAnd the operator. #fares\n\n"
        ),
        "{md}"
    );
}

#[test]
fn the_front_matter_names_the_articles_date_and_the_export_date() {
    let mut f = fixture();
    f.highlight("fares could rise");
    let md = f.markdown(at("2025-03-14"));
    let front = md.split("\n---\n").next().unwrap();
    assert!(
        front.contains("\npublished: \"Jan. 14, 2025\"\n"),
        "{front}"
    );
    assert!(front.contains("\nexported: 2025-03-14\n"), "{front}");
    assert!(!front.contains("\ndate:"), "no unnamed date: {front}");

    // without a date in the article, only the export's
    let plain = Document::from_text(
        "Harbour towns agree on one ferry\n\nFares could rise, the council said.\n",
        &CleanOptions::default(),
    );
    let md = ExportContext {
        doc: &plain,
        id: &f.id,
        read_from: None,
        notes: &[],
        corrections: &[],
        exported: at("2025-03-14"),
    }
    .render(Format::Markdown);
    assert!(!md.contains("published:"), "{md}");
    assert!(md.contains("\nexported: 2025-03-14\n"), "{md}");
}

#[test]
fn exporting_unchanged_notes_on_a_later_day_leaves_the_file_as_it_was() {
    let mut f = fixture();
    f.highlight("fares could rise");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ferry.md");
    let first = f.markdown(at("2025-03-02"));
    assert_eq!(write_file(&path, &first, false).unwrap(), Written::Created);

    // a day later, nothing changed: up to date, the first date kept
    let later = f.markdown(at("2025-03-03"));
    assert_ne!(first, later);
    assert_eq!(
        write_file(&path, &later, false).unwrap(),
        Written::Unchanged
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), first);

    // a new highlight is a different export: not replaced without force
    f.highlight("one fleet");
    let changed = f.markdown(at("2025-03-03"));
    assert!(write_file(&path, &changed, false).is_err());
    assert_eq!(
        write_file(&path, &changed, true).unwrap(),
        Written::Replaced
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), changed);
}
