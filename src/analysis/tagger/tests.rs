use super::*;

fn entities(tokens: &[&str]) -> Vec<(String, &'static str)> {
    let tags = ner().tag(tokens);
    let mut out: Vec<(String, &'static str)> = Vec::new();
    for (tok, tag) in tokens.iter().zip(&tags) {
        match (tag.entity_type(), out.last_mut()) {
            (Some(ty), Some((text, last))) if !tag.begins() && *last == ty => {
                text.push(' ');
                text.push_str(tok);
            }
            (Some(ty), _) => out.push((tok.to_string(), ty)),
            (None, _) => {}
        }
    }
    out
}

#[test]
fn an_unseen_name_and_city_are_found() {
    let found = entities(&[
        "Ngozi",
        "Okonjo-Iweala",
        "told",
        "reporters",
        "in",
        "Abuja",
        ".",
    ]);
    assert!(
        found.contains(&("Ngozi Okonjo-Iweala".to_string(), "PER")),
        "{found:?}"
    );
    assert!(found.contains(&("Abuja".to_string(), "LOC")), "{found:?}");
}

#[test]
fn a_title_is_not_part_of_the_name() {
    let found = entities(&[
        "Secretary",
        "of",
        "State",
        "Mike",
        "Pompeo",
        "arrived",
        "in",
        "Seoul",
        "on",
        "Monday",
        ".",
    ]);
    assert!(
        found.contains(&("Mike Pompeo".to_string(), "PER")),
        "{found:?}"
    );
    assert!(found.contains(&("Seoul".to_string(), "LOC")), "{found:?}");
    assert!(
        !found.iter().any(|(t, _)| t.contains("Monday")),
        "{found:?}"
    );
}

#[test]
fn organisations_with_cue_words() {
    let found = entities(&[
        "The",
        "Ministry",
        "of",
        "Health",
        "and",
        "the",
        "World",
        "Bank",
        "disagreed",
        ".",
    ]);
    assert!(
        found
            .iter()
            .any(|(t, ty)| t.contains("World Bank") && *ty == "ORG"),
        "{found:?}"
    );
}

#[test]
fn a_capitalised_first_word_is_not_a_name() {
    let found = entities(&[
        "However", ",", "prices", "rose", "sharply", "in", "March", ".",
    ]);
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn bio_labels_are_well_formed() {
    let toks = [
        "In",
        "New",
        "York",
        ",",
        "Mayor",
        "Eric",
        "Adams",
        "met",
        "IBM",
        "executives",
        ".",
    ];
    let tags = ner().tag(&toks);
    assert_eq!(tags.len(), toks.len());
    for (i, t) in tags.iter().enumerate() {
        if let Some(ty) = t.label.strip_prefix("I-") {
            assert!(i > 0 && tags[i - 1].entity_type() == Some(ty), "{tags:?}");
        }
        assert!((0.0..=1.0).contains(&t.confidence) && t.margin >= 0.0);
    }
}

#[test]
fn pos_tags_proper_nouns_verbs_and_punctuation() {
    let toks = ["Kim", "said", "the", "talks", "went", "well", "."];
    let tags: Vec<&str> = pos().tag(&toks).iter().map(|t| t.label).collect();
    assert_eq!(tags[0], "PROPN");
    assert_eq!(tags[1], "VERB");
    assert_eq!(tags[2], "DET");
    assert_eq!(tags[6], "PUNCT");
    assert!(pos().labels().contains(&"ADJ"));
}

#[test]
fn empty_input_gives_no_tags() {
    assert!(ner().tag(&[]).is_empty());
    assert_eq!(pos().tag(&["\u{201C}", "Hello", "\u{201D}"]).len(), 3);
}

#[test]
fn a_tiny_model_learns_its_training_data() {
    let data: Vec<train::Sentence> = (0..20)
        .map(|i| train::Sentence {
            tokens: vec!["Alice".into(), "visited".into(), format!("town{i}")],
            labels: vec!["B-PER".into(), "O".into(), "O".into()],
        })
        .collect();
    let settings = train::Settings {
        epochs: 3,
        seed: 1,
        prune_below: 0.0,
        bio: true,
    };
    let bytes = train::train(&data, &settings, |_, _| {});
    assert_eq!(
        bytes,
        train::train(&data, &settings, |_, _| {}),
        "training is deterministic"
    );
    let tagger = Tagger::from_bytes(Box::leak(bytes.into_boxed_slice())).expect("valid model");
    let labels: Vec<&str> = tagger
        .tag(&["Alice", "visited", "town3"])
        .iter()
        .map(|t| t.label)
        .collect();
    assert_eq!(labels, ["B-PER", "O", "O"]);
}
