//! `gloss annotate --explain` for names: the rules that fired at each
//! occurrence, their sums and the kind listed, from the same run as the
//! plain analysis.

use gloss_core::analysis::explain::NameExplanation;
use gloss_core::analysis::{Parts, analyze_explained, analyze_with};
use gloss_core::article::{CleanOptions, clean};

fn explained(raw: &str, parts: Parts) -> Vec<NameExplanation> {
    let article = clean(raw, &CleanOptions::default());
    let (analysis, why) = analyze_explained(&article, parts);
    assert_eq!(
        analysis,
        analyze_with(&article, parts),
        "explaining changes nothing"
    );
    why.names
}

fn name<'a>(names: &'a [NameExplanation], written: &str) -> &'a NameExplanation {
    names.iter().find(|n| n.name == written).unwrap_or_else(|| {
        let all: Vec<&str> = names.iter().map(|n| n.name.as_str()).collect();
        panic!("no explanation for {written:?}; there are {all:?}")
    })
}

const TEXT: &str = "Vote delayed\n\nSenator Ama Okafor spoke in Lagos on Monday. \
                    Okafor said the Walkley board would meet. The Ministry of Works agreed.\n";

#[test]
fn a_title_fires_a_person_rule_and_the_name_is_listed_as_a_person() {
    let names = explained(TEXT, Parts::default());
    let ama = name(&names, "Ama Okafor");
    assert_eq!(ama.occurrences, 1);
    assert_eq!(ama.kind.as_deref(), Some("person"));
    let title = ama
        .rules
        .iter()
        .find(|f| f.rule == "TITLE")
        .expect("the title rule fired");
    assert_eq!((title.kind, title.weight), ("person", 4.0));
    assert!(!title.why.is_empty());
    let at = title.at;
    let article = clean(TEXT, &CleanOptions::default());
    assert_eq!(at.slice(&article.text), "Ama Okafor");
    assert!(ama.totals.person > ama.totals.organization.max(ama.totals.place));
}

#[test]
fn a_date_is_explained_and_listed_as_nothing() {
    let names = explained(TEXT, Parts::default());
    let monday = name(&names, "Monday");
    assert!(monday.rules.iter().any(|f| f.rule == "CALENDAR_PHRASE"));
    assert_eq!(monday.kind, None);
}

#[test]
fn every_vote_of_a_name_is_a_rule_that_fired() {
    for parts in [
        Parts::default(),
        Parts {
            rules: true,
            tagger: false,
            ..Parts::default()
        },
        Parts {
            rules: false,
            tagger: true,
            ..Parts::default()
        },
    ] {
        let names = explained(TEXT, parts);
        assert!(names.len() >= 4, "{parts:?}: {names:?}");
        for n in &names {
            let sum = |kind: &str| -> f32 {
                n.rules
                    .iter()
                    .filter(|f| f.kind == kind)
                    .map(|f| f.weight)
                    .sum()
            };
            let t = n.totals;
            for (kind, total) in [
                ("person", t.person),
                ("organization", t.organization),
                ("place", t.place),
                ("none", t.none),
            ] {
                assert!(
                    (sum(kind) - total).abs() < 1e-4,
                    "{parts:?} {}: {kind} rules sum to {} but the total is {total}",
                    n.name,
                    sum(kind)
                );
            }
        }
    }
}

#[test]
fn the_names_listed_are_the_entities() {
    let article = clean(TEXT, &CleanOptions::default());
    let (analysis, why) = analyze_explained(&article, Parts::default());
    for e in &analysis.entities {
        let kind = serde_json::to_value(e.kind).expect("a kind");
        assert!(
            why.names.iter().any(|n| n.kind.as_deref() == kind.as_str()
                && e.mentions.iter().any(|m| m.slice(&article.text) == n.name
                    || n.name.ends_with(m.slice(&article.text)))),
            "{} ({kind}) has no explanation of that kind",
            e.name
        );
    }
}

#[test]
fn a_name_is_named_again_by_its_last_word_only_when_used_mid_sentence() {
    let rules_only = Parts {
        rules: true,
        tagger: false,
        ..Parts::default()
    };
    let fired = |text: &str, written: &str| {
        let names = explained(text, rules_only);
        name(&names, written)
            .rules
            .iter()
            .any(|f| f.rule == "NAMED_AGAIN_BY_LAST_WORD")
    };
    assert!(fired(
        "A life\n\nThe young Évrard Quillonet left. Later, Quillonet wrote. Then Quillonet died.\n",
        "Évrard Quillonet"
    ));
    // a product's name is not shaped like a person's
    assert!(!fired(
        "Browsers\n\nMost people use Quantix OpenPane, its rival. Users like OpenPane a lot, \
         and OpenPane is free.\n",
        "Quantix OpenPane"
    ));
    // capitals that open a sentence prove nothing
    assert!(!fired(
        "The valley\n\nMost villagers are Tarvian Kelloks. Kelloks trade salt in the spring. \
         Kelloks also keep goats.\n",
        "Tarvian Kelloks"
    ));
}
