//! Quotes and who said them: the forms news writing uses.

use crate::common::Annotated;
use gloss_core::analysis::QuoteKind;

const PEOPLE: &str =
    "Envoys\n\nSecretary of State Anneliese Vorbruck met Prime Minister Tomas Kerrigan. ";

fn quotes(body: &str) -> Vec<(String, Option<String>)> {
    let a = Annotated::new(&format!("{PEOPLE}{body}"));
    a.quotes()
        .into_iter()
        .map(|(t, s)| (t.to_string(), s.map(str::to_string)))
        .collect()
}

fn said_by(body: &str, who: &str) {
    let q = quotes(body);
    assert!(!q.is_empty(), "no quote found in {body:?}");
    for (text, speaker) in &q {
        assert_eq!(speaker.as_deref(), Some(who), "{text:?} in {body:?}");
    }
}

#[test]
fn inverted_and_plain_verbs_of_saying() {
    said_by(
        "\u{201c}It was another step forward,\u{201d} said Vorbruck.",
        "Anneliese Vorbruck",
    );
    said_by(
        "\"We have crossed one today,\" Kerrigan said on Sunday.",
        "Tomas Kerrigan",
    );
    said_by(
        "Vorbruck said: \"We will meet again soon.\"",
        "Anneliese Vorbruck",
    );
    said_by(
        "Kerrigan replied, \"We had a great time this morning.\"",
        "Tomas Kerrigan",
    );
    said_by(
        "\"We are making progress on the agreements,\" tweeted Vorbruck.",
        "Anneliese Vorbruck",
    );
}

#[test]
fn the_speaker_is_the_subject_of_the_verb_not_the_nearest_name() {
    said_by(
        "Vorbruck \"had a good meeting with President Kerrigan today,\" Kerrigan said on Twitter.",
        "Tomas Kerrigan",
    );
    said_by(
        "Kerrigan said in a letter to Vorbruck last month: \"Concerns about the bill would ideally be addressed.\"",
        "Tomas Kerrigan",
    );
}

#[test]
fn split_quotes_have_one_speaker() {
    let q = quotes(
        "\"It's a beautiful day that promises a good future,\" said Kerrigan, \"for both countries.\"",
    );
    assert_eq!(q.len(), 2, "{q:?}");
    assert!(
        q.iter()
            .all(|(_, s)| s.as_deref() == Some("Tomas Kerrigan")),
        "{q:?}"
    );
}

#[test]
fn pronouns_go_to_the_person_they_stand_for() {
    said_by(
        "Anneliese Vorbruck spoke first. \"We are ready to work closely together,\" she said.",
        "Anneliese Vorbruck",
    );
    let q = quotes(
        "\"The plan is sound,\" Vorbruck said. Kerrigan disagreed. \"It cannot work,\" he said.",
    );
    assert_eq!(q[1].1.as_deref(), Some("Tomas Kerrigan"), "{q:?}");
}

#[test]
fn a_quote_continued_in_the_next_sentence_or_paragraph_keeps_its_speaker() {
    said_by(
        "\"Many steps are underway,\" said Vorbruck in a speech. \"It was another step forward.\"",
        "Anneliese Vorbruck",
    );
    said_by(
        "Kerrigan said: \"The first part of a long statement runs on.\n\n\"And the second paragraph continues it.\"",
        "Tomas Kerrigan",
    );
}

#[test]
fn according_to_and_role_nouns() {
    said_by(
        "The meeting was \"productive and frank from the very start,\" according to Vorbruck.",
        "Anneliese Vorbruck",
    );
    // a description with no name gets no speaker
    let q = quotes(
        "A senior official told reporters that the visit was \"better than the last one in every way.\"",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, None, "{q:?}");
}

#[test]
fn an_unclosed_quote_ends_at_its_paragraph() {
    let a = Annotated::new(&format!(
        "{PEOPLE}Kerrigan replied, \"We had a great time this morning. Thank you.\n\nVorbruck landed later."
    ));
    let q = a.quotes();
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].0, "We had a great time this morning. Thank you.");
    assert!(!q[0].0.contains("landed"));
}

#[test]
fn scare_quotes_and_titles_are_partial() {
    let a = Annotated::new(&format!(
        "{PEOPLE}The statement praised her claims of \"gangsters\" and called him \"generous\". \
         She read \u{201c}The World of Tomorrow\u{201d} twice."
    ));
    assert!(a.quotes().is_empty(), "{:?}", a.quotes());
    assert_eq!(a.quotes_of(QuoteKind::Partial).len(), 3);
}

#[test]
fn an_organisation_can_speak() {
    said_by(
        "\"The visit will go ahead as planned,\" the State Department said in a statement.",
        "State Department",
    );
}
