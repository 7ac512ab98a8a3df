use super::*;
use crate::analysis::QuoteKind;

const TEXT: &str = "Nokia cuts jobs\n\n\
Nokia said on Monday that profits fell. Rajiv Suri, the chief executive, said \
the company would cut jobs. \"We have no choice,\" Suri said. Senate Republicans \
welcomed the news. \"It is a sad day for Espoo,\" said Maria Lopez, a union leader. \
Lopez met Suri in Espoo on Tuesday.";

/// What an analysis might have made of `text` (wrong in the ways a reader
/// corrects): Nokia a person, Suri split from Rajiv Suri, "Senate
/// Republicans" a person, Espoo not found, the first quote given to Lopez.
fn analysis_of(text: &str) -> Analysis {
    let spans = |words: &str| -> Vec<Span> {
        whole_word_occurrences(text, words)
            .filter(|s| {
                // "Suri" alone, not inside "Rajiv Suri"
                words != "Suri" || !text[..s.start].ends_with("Rajiv ")
            })
            .filter(|s| words != "Lopez" || !text[..s.start].ends_with("Maria "))
            .collect()
    };
    let entity = |kind, name: &str, mentions: Vec<Span>| Entity {
        kind,
        name: name.to_string(),
        roles: Vec::new(),
        mentions,
        geo: None,
    };
    let quote = |words: &str, speaker| Quote {
        span: spans(words)[0],
        speaker,
        kind: QuoteKind::Full,
        parts: Vec::new(),
    };
    Analysis {
        sentences: Vec::new(),
        entities: vec![
            entity(EntityKind::Person, "Nokia", spans("Nokia")),
            entity(EntityKind::Person, "Rajiv Suri", spans("Rajiv Suri")),
            entity(EntityKind::Person, "Suri", spans("Suri")),
            entity(
                EntityKind::Person,
                "Senate Republicans",
                spans("Senate Republicans"),
            ),
            entity(EntityKind::Person, "Maria Lopez", {
                let mut m = spans("Maria Lopez");
                m.extend(spans("Lopez"));
                m.sort();
                m
            }),
        ],
        quotes: vec![
            quote("We have no choice,", Some(EntityId(4))),
            quote("It is a sad day for Espoo,", Some(EntityId(4))),
        ],
        language: "en".to_string(),
    }
}

/// The `n`th occurrence of `words` in `text`, as an anchor.
fn at(text: &str, words: &str, n: usize) -> Anchor {
    let span = whole_word_occurrences(text, words)
        .nth(n)
        .unwrap_or_else(|| panic!("{words} #{n}"));
    Anchor::of_span(text, span).unwrap()
}

fn entity<'a>(a: &'a Analysis, name: &str) -> Option<&'a Entity> {
    a.entities.iter().find(|e| e.name == name)
}

fn speaker<'a>(a: &'a Analysis, text: &str, quote: &str) -> Option<&'a str> {
    let q = a.quotes.iter().find(|q| q.span.slice(text) == quote)?;
    q.speaker.map(|id| a.entity(id).name.as_str())
}

/// Each correction, made on `TEXT`, holds on the same analysis, on the
/// analysis of the text edited elsewhere (a paragraph added before, a word
/// changed after), and dropping it (undo) gives back the analysis before.
fn holds(make: impl Fn(&str) -> Vec<Correction>, check: impl Fn(&Analysis, &str)) {
    let edited = format!(
        "A paragraph added at the top moves every offset.\n\n{}",
        TEXT.replace("on Tuesday", "on Wednesday")
    );
    let corrections = make(TEXT);
    for text in [TEXT, edited.as_str()] {
        let before = analysis_of(text);
        let applied = apply(&before, text, &corrections);
        assert!(applied.orphaned.is_empty(), "{:?}", applied.orphaned);
        check(&applied.analysis, text);
        for q in &applied.analysis.quotes {
            if let Some(s) = q.speaker {
                assert!(s.0 < applied.analysis.entities.len(), "dangling speaker");
            }
        }
        // undo takes the last correction off the list: what it changed is
        // back as it was
        let undone = apply(&before, text, &corrections[..corrections.len() - 1]);
        assert_ne!(
            undone.analysis, applied.analysis,
            "the last one changes something"
        );
        assert_eq!(apply(&before, text, &[]).analysis, before);
    }
}

#[test]
fn a_renamed_entity_keeps_its_new_name() {
    holds(
        |t| {
            vec![Correction::Rename {
                entity: at(t, "Nokia", 1),
                name: "Nokia Oyj".into(),
            }]
        },
        |a, _| {
            let e = entity(a, "Nokia Oyj").expect("renamed");
            assert_eq!(e.mentions.len(), 2);
            assert!(entity(a, "Nokia").is_none());
        },
    );
}

#[test]
fn a_merged_entity_brings_its_mentions_and_quotes() {
    holds(
        |t| {
            vec![
                Correction::Speaker {
                    quote: at(t, "We have no choice,", 0),
                    speaker: Some(at(t, "Suri", 2)),
                },
                Correction::Merge {
                    entity: at(t, "Suri", 2),
                    into: at(t, "Rajiv Suri", 0),
                },
            ]
        },
        |a, t| {
            assert!(entity(a, "Suri").is_none());
            let e = entity(a, "Rajiv Suri").expect("kept");
            let words: Vec<&str> = e.mentions.iter().map(|m| m.slice(t)).collect();
            assert_eq!(words, ["Rajiv Suri", "Suri", "Suri"]);
            assert_eq!(speaker(a, t, "We have no choice,"), Some("Rajiv Suri"));
        },
    );
}

#[test]
fn a_split_mention_becomes_an_entity_of_its_own() {
    holds(
        |t| {
            vec![Correction::Split {
                mention: at(t, "Lopez", 1),
                onward: false,
            }]
        },
        |a, t| {
            let maria = entity(a, "Maria Lopez").expect("kept");
            assert_eq!(maria.mentions.len(), 1);
            let other = entity(a, "Lopez").expect("split off");
            assert_eq!(other.mentions.len(), 1);
            assert!(t[other.mentions[0].end..].starts_with(" met"));
        },
    );
}

#[test]
fn a_split_from_here_on_takes_the_later_mentions() {
    holds(
        |t| {
            vec![Correction::Split {
                mention: at(t, "Lopez", 1),
                onward: true,
            }]
        },
        |a, t| {
            assert_eq!(entity(a, "Maria Lopez").unwrap().mentions.len(), 1);
            assert_eq!(entity(a, "Lopez").unwrap().mentions.len(), 1);
            // the quotes before the split stay with Maria Lopez
            assert_eq!(
                speaker(a, t, "It is a sad day for Espoo,"),
                Some("Maria Lopez")
            );
        },
    );
}

#[test]
fn a_split_of_all_the_mentions_takes_the_quotes_along() {
    let c = [Correction::Split {
        mention: at(TEXT, "Maria Lopez", 0),
        onward: true,
    }];
    let a = apply(&analysis_of(TEXT), TEXT, &c).analysis;
    assert_eq!(entity(&a, "Maria Lopez").unwrap().mentions.len(), 2);
    assert_eq!(
        speaker(&a, TEXT, "It is a sad day for Espoo,"),
        Some("Maria Lopez")
    );
}

#[test]
fn not_a_name_removes_the_entity_and_its_quotes_speaker() {
    holds(
        |t| {
            vec![
                Correction::NotAName {
                    entity: at(t, "Senate Republicans", 0),
                },
                Correction::NotAName {
                    entity: at(t, "Lopez", 1),
                },
            ]
        },
        |a, t| {
            assert!(entity(a, "Senate Republicans").is_none());
            assert!(entity(a, "Maria Lopez").is_none());
            assert_eq!(speaker(a, t, "We have no choice,"), None);
        },
    );
}

#[test]
fn a_changed_kind_sticks() {
    holds(
        |t| {
            vec![Correction::Kind {
                entity: at(t, "Nokia", 0),
                kind: EntityKind::Organization,
            }]
        },
        |a, _| assert_eq!(entity(a, "Nokia").unwrap().kind, EntityKind::Organization),
    );
}

#[test]
fn a_new_entity_takes_every_occurrence_of_its_words() {
    holds(
        |t| {
            vec![Correction::NewEntity {
                mention: at(t, "Espoo", 1),
                kind: EntityKind::Place,
            }]
        },
        |a, _| {
            let e = entity(a, "Espoo").expect("new");
            assert_eq!(e.kind, EntityKind::Place);
            assert_eq!(e.mentions.len(), 2);
        },
    );
}

#[test]
fn an_added_mention_joins_the_entity() {
    holds(
        |t| {
            vec![Correction::AddMention {
                mention: at(t, "the company", 0),
                entity: at(t, "Nokia", 0),
            }]
        },
        |a, t| {
            let e = entity(a, "Nokia").unwrap();
            assert!(e.mentions.iter().any(|m| m.slice(t) == "the company"));
        },
    );
}

#[test]
fn a_set_speaker_and_no_speaker_stick() {
    holds(
        |t| {
            vec![
                Correction::Speaker {
                    quote: at(t, "We have no choice,", 0),
                    speaker: Some(at(t, "Rajiv Suri", 0)),
                },
                Correction::Speaker {
                    quote: at(t, "It is a sad day for Espoo,", 0),
                    speaker: None,
                },
            ]
        },
        |a, t| {
            assert_eq!(speaker(a, t, "We have no choice,"), Some("Rajiv Suri"));
            assert_eq!(speaker(a, t, "It is a sad day for Espoo,"), None);
        },
    );
}

#[test]
fn not_a_quote_removes_it() {
    holds(
        |t| {
            vec![Correction::NotAQuote {
                quote: at(t, "We have no choice,", 0),
            }]
        },
        |a, _| assert_eq!(a.quotes.len(), 1),
    );
}

#[test]
fn a_correction_whose_words_are_gone_is_orphaned_not_dropped() {
    let corrections = vec![
        Correction::Kind {
            entity: at(TEXT, "Nokia", 0),
            kind: EntityKind::Organization,
        },
        Correction::Rename {
            entity: at(TEXT, "Senate Republicans", 0),
            name: "GOP senators".into(),
        },
    ];
    let rewritten = TEXT.replace("Senate Republicans", "Lawmakers");
    let applied = apply(&analysis_of(&rewritten), &rewritten, &corrections);
    assert_eq!(applied.orphaned, vec![1]);
    assert_eq!(
        entity(&applied.analysis, "Nokia").unwrap().kind,
        EntityKind::Organization
    );
    assert!(corrections[1].describe().contains("Senate Republicans"));
}

#[test]
fn of_two_occurrences_the_anchor_finds_the_one_in_its_context() {
    let a = at(TEXT, "Suri", 2);
    let moved = format!("Intro.\n\n{TEXT}");
    let span = a.find(&moved).unwrap();
    assert!(moved[..span.start].ends_with("Lopez met "));
}

#[test]
fn corrections_read_back_from_json() {
    let c = Correction::Speaker {
        quote: at(TEXT, "We have no choice,", 0),
        speaker: None,
    };
    let json = serde_json::to_string(&c).unwrap();
    assert!(json.contains("\"type\":\"speaker\""), "{json}");
    assert_eq!(serde_json::from_str::<Correction>(&json).unwrap(), c);
}
