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

/// Tag with every feature of every token looked up one by one, as training
/// sees them: what the per-word sums must add up to.
fn tag_one_by_one(tagger: &Tagger, prepared: &Prepared) -> Vec<Tag> {
    let boundary = &prepared.words[0];
    let mut out = Vec::new();
    let mut feats = Vec::new();
    for range in &prepared.sentences {
        let words = prepared.sentence_words_in(range);
        let (mut prev, mut prev2) = (u32::MAX, u32::MAX);
        for i in 0..words.len() {
            features::features(&words, boundary, i, prev, prev2, &mut feats);
            let mut scores = vec![0i32; tagger.model.classes()];
            tagger.model.add_all(&feats, &mut scores);
            let (tag, class) = tagger.choose(&scores, prev);
            out.push(tag);
            (prev2, prev) = (prev, class);
        }
    }
    out
}

#[test]
fn per_word_sums_give_the_scores_of_every_feature() {
    let text = "\u{201C} We are ready , \u{201D} said Kim Jong Un in Pyongyang on Sunday . \
                The United Nations ( UN ) and the World Bank disagreed : prices rose .";
    let tokens: Vec<&str> = text.split(' ').collect();
    let sentences = [0..15, 15..tokens.len()];
    let prepared = Prepared::new(&tokens, &sentences);
    for tagger in [ner(), pos()] {
        assert_eq!(
            tagger.tag_prepared(&prepared),
            tag_one_by_one(tagger, &prepared)
        );
    }
}

#[test]
fn an_article_is_tagged_as_its_sentences_are() {
    let tokens = [
        "Ngozi",
        "Okonjo-Iweala",
        "arrived",
        "in",
        "Abuja",
        ".",
        "She",
        "met",
        "Mike",
        "Pompeo",
        ".",
    ];
    let whole = ner().tag_article(&tokens, &[0..6, 6..11]);
    let mut apart = ner().tag(&tokens[..6]);
    apart.extend(ner().tag(&tokens[6..]));
    assert_eq!(whole, apart);
    // tokens outside every range are tagged all the same
    let (inside, past_the_end) = (2..4, 0..99);
    assert_eq!(
        ner()
            .tag_article(&tokens, std::slice::from_ref(&inside))
            .len(),
        tokens.len()
    );
    assert_eq!(
        pos()
            .tag_article(&tokens, std::slice::from_ref(&past_the_end))
            .len(),
        tokens.len()
    );
}
