//! Names a reader taught (a user lexicon as an overlay): the analysis of
//! any article follows them, and the quotes' speakers with it.

use gloss_core::Analysis;
use gloss_core::analysis::lexicon::{Lexicon, Overlay, TaughtName};
use gloss_core::analysis::{EntityKind, Parts, analyze_with, analyze_with_lexicon};
use gloss_core::article::{Article, CleanOptions, clean};

const STORY: &str = "Coalition talks\n\n\
Benjamin Netanyahu met party leaders in Jerusalem on Sunday. Likud said the talks \
would go on. Sunday Morning was quiet. \"We will form a government,\" Netanyahu said. \
Hikers later walked around Uluru, where rangers closed the track.";

fn article() -> Article {
    clean(STORY, &CleanOptions::default())
}

fn taught(names: &[(&str, Option<EntityKind>)]) -> Analysis {
    let overlay = Overlay {
        names: names
            .iter()
            .map(|(n, k)| TaughtName {
                name: n.to_string(),
                kind: *k,
            })
            .collect(),
        ..Overlay::default()
    };
    let lex = Lexicon::with_overlay(&overlay).expect("no lists");
    analyze_with_lexicon(&article(), Parts::default(), &lex)
}

fn kind_of(a: &Analysis, name: &str) -> Option<EntityKind> {
    a.entities.iter().find(|e| e.name == name).map(|e| e.kind)
}

#[test]
fn a_name_nothing_found_is_found_once_taught() {
    let plain = analyze_with(&article(), Parts::default());
    assert_eq!(kind_of(&plain, "Uluru"), None);
    let a = taught(&[("Uluru", Some(EntityKind::Place))]);
    let uluru = a
        .entities
        .iter()
        .find(|e| e.name == "Uluru")
        .expect("taught");
    assert_eq!(uluru.kind, EntityKind::Place);
    assert_eq!(uluru.mentions.len(), 1);
}

#[test]
fn a_taught_kind_overrules_the_analysis() {
    let plain = analyze_with(&article(), Parts::default());
    assert_eq!(kind_of(&plain, "Likud"), Some(EntityKind::Organization));
    let a = taught(&[("Likud", Some(EntityKind::Person))]);
    assert_eq!(kind_of(&a, "Likud"), Some(EntityKind::Person));
}

#[test]
fn a_name_that_is_never_a_name_goes_and_its_quotes_lose_their_speaker() {
    let text = article().text;
    let plain = analyze_with(&article(), Parts::default());
    assert!(kind_of(&plain, "Jerusalem").is_some());
    assert!(plain.quotes.iter().any(|q| q.speaker.is_some()));
    let a = taught(&[("Jerusalem", None), ("Benjamin Netanyahu", None)]);
    assert_eq!(kind_of(&a, "Jerusalem"), None);
    assert_eq!(kind_of(&a, "Benjamin Netanyahu"), None);
    let mentioned: Vec<&str> = a
        .entities
        .iter()
        .flat_map(|e| &e.mentions)
        .map(|m| m.slice(&text))
        .collect();
    assert!(!mentioned.contains(&"Jerusalem"), "{mentioned:?}");
    // the quote's speaker is not one of the entities that went
    for q in &a.quotes {
        if let Some(s) = q.speaker {
            assert_ne!(a.entity(s).name, "Benjamin Netanyahu");
        }
    }
}
