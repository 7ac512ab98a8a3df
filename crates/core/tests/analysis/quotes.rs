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
    two_quotes_by_kerrigan(
        "\"It's a beautiful day that promises a good future,\" said Kerrigan, \"for both countries.\"",
    );
}

/// `body` holds two quotes, both Tomas Kerrigan's.
fn two_quotes_by_kerrigan(body: &str) {
    let q = quotes(body);
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

/// The explanation of each quotation of `body` (after the two envoys):
/// its speaker and its steps.
fn explained(body: &str) -> Vec<(Option<String>, Vec<String>)> {
    use gloss_core::analysis::{Parts, analyze_explained, analyze_with};
    use gloss_core::article::{CleanOptions, clean};
    let article = clean(&format!("{PEOPLE}{body}"), &CleanOptions::default());
    let (analysis, why) = analyze_explained(&article, Parts::default());
    assert_eq!(
        analysis,
        analyze_with(&article, Parts::default()),
        "explaining changes nothing"
    );
    assert_eq!(why.quotes.len(), analysis.quotes.len());
    why.quotes
        .into_iter()
        .map(|q| (q.speaker, q.steps))
        .collect()
}

#[test]
fn the_explanation_names_the_cue_and_the_speaker_it_gave() {
    let why = explained("\"The talks went well,\" said Vorbruck.");
    let (speaker, steps) = &why[0];
    assert_eq!(speaker.as_deref(), Some("Anneliese Vorbruck"));
    assert!(
        steps
            .iter()
            .any(|s| s.contains("\u{201c}said\u{201d} right after the quotation")),
        "{steps:?}"
    );
    assert!(
        steps
            .iter()
            .any(|s| s.contains("\u{201c}Vorbruck\u{201d}") && s.ends_with("Anneliese Vorbruck")),
        "{steps:?}"
    );
}

#[test]
fn the_explanation_says_why_a_quotation_has_no_speaker() {
    // no verb of saying, and no one before to carry on from
    let why = explained("\n\n\"Nothing is settled yet.\"");
    let (speaker, steps) = why.last().expect("a quotation");
    assert_eq!(speaker, &None);
    assert!(
        steps.iter().any(|s| s.contains("no verb of saying")),
        "{steps:?}"
    );
    assert!(
        steps.last().is_some_and(|s| s.starts_with("unattributed")),
        "{steps:?}"
    );
    // an unnamed source: the cue is found, its subject is a description
    let why = explained("\"Nobody knows,\" a senior official told reporters.");
    let (speaker, steps) = &why[0];
    assert_eq!(speaker, &None);
    assert!(
        steps
            .iter()
            .any(|s| s.contains("\u{201c}told\u{201d}") && s.contains("unnamed source")),
        "{steps:?}"
    );
}

#[test]
fn the_explanation_follows_a_pronoun_and_a_carried_speaker() {
    let why = explained("Kerrigan arrived late. \"We are ready,\" he said. \"All of us.\"");
    assert_eq!(why.len(), 2);
    assert_eq!(why[0].0.as_deref(), Some("Tomas Kerrigan"));
    assert!(
        why[0]
            .1
            .iter()
            .any(|s| s.starts_with("pronoun \u{201c}he\u{201d}") && s.contains("Tomas Kerrigan")),
        "{:?}",
        why[0].1
    );
    assert_eq!(why[1].0.as_deref(), Some("Tomas Kerrigan"));
    assert!(
        why[1].1.iter().any(|s| s.starts_with("carried from")),
        "{:?}",
        why[1].1
    );
}

#[test]
fn the_subject_before_the_verb_comes_before_a_name_after_it() {
    // the name after the verb opens what was said
    said_by(
        "Vorbruck said Kerrigan's latest remarks showed \"a lack of respect for the talks.\"",
        "Anneliese Vorbruck",
    );
    said_by(
        "Vorbruck said of Kerrigan: \"He has never been an easy partner to work with.\"",
        "Anneliese Vorbruck",
    );
    // `said she hoped`: the pronoun after the verb is no inverted subject
    said_by(
        "Vorbruck arrived late. Kerrigan said she hoped the talks would be \"shorter this time around.\"",
        "Tomas Kerrigan",
    );
}

#[test]
fn a_parenthesis_or_an_adverb_between_the_subject_and_the_verb() {
    said_by(
        "\"Subpoenas are not optional at all,\" Rep. Tomas Kerrigan (D-Ore.) said Friday.",
        "Tomas Kerrigan",
    );
    said_by(
        "Kerrigan forcefully told a young woman in the crowd that \"not voting is not a viable strategy.\"",
        "Tomas Kerrigan",
    );
}

#[test]
fn appositions_before_the_verb() {
    // several clauses between commas
    said_by(
        "\"It is an invasion of the state's domain,\" Tomas Kerrigan, the attorney general of the north, \
         one of the states suing the agency, said at an event.",
        "Tomas Kerrigan",
    );
    // a role, then the name between commas
    said_by(
        "His former partner at the ministry, Anneliese Vorbruck, said: \"He showed again and again an ability to make deals.\"",
        "Anneliese Vorbruck",
    );
    // the organisation of a role is no speaker
    said_by(
        "Anneliese Vorbruck, the chief executive of the National Ellwyn League, said that \"communities are standing up for their schools.\"",
        "Anneliese Vorbruck",
    );
}

#[test]
fn a_participle_goes_to_the_subject_of_its_clause() {
    said_by(
        "Kerrigan shared the post on Sunday, saying \"this is what a free country looks like.\"",
        "Tomas Kerrigan",
    );
    said_by(
        "During a speech earlier in the day, Vorbruck attacked Kerrigan for his record, saying, \"He is trigger-happy and very unstable.\"",
        "Anneliese Vorbruck",
    );
    // the name right before it: `footage of X saying`
    said_by(
        "The spot ends with footage of Kerrigan saying, \"That makes me smart, you know.\"",
        "Tomas Kerrigan",
    );
    // a possessor opens the subject: the name after it is the subject
    said_by(
        "Kerrigan's campaign manager Anneliese Vorbruck spoke on Sunday, arguing that Kerrigan \"was never asked for the details.\"",
        "Anneliese Vorbruck",
    );
}

#[test]
fn a_passive_agent_and_an_inverted_verb_with_an_object() {
    said_by(
        "\"We will walk this road together until the very end\" was written by Kerrigan in 1990.",
        "Tomas Kerrigan",
    );
    said_by(
        "\"The talks are roughly where they were a month ago,\" reported Vorbruck.",
        "Anneliese Vorbruck",
    );
}

#[test]
fn a_credit_after_a_dash_or_a_transcript_label() {
    let q = quotes(
        "\n\n\u{201c}We need a leader with integrity who will bring us together.\u{201d} \u{2015} Tomas Kerrigan\
         \n\n\u{201c}The most unqualified candidate ever to run for the office.\u{201d} \u{2015} Anneliese Vorbruck",
    );
    let speakers: Vec<_> = q.iter().map(|(_, s)| s.as_deref()).collect();
    assert_eq!(
        speakers,
        [Some("Tomas Kerrigan"), Some("Anneliese Vorbruck")],
        "{q:?}"
    );
    // the label opens the quotation; the next paragraph continues it
    said_by(
        "Partial transcript as follows:\n\n\"KERRIGAN: Well, look, this is a serious business and the people have a choice.\
         \n\n\"But the truth is that we have a unique way of talking to the people of this country.",
        "Tomas Kerrigan",
    );
    // a label that names no one known is a speaker of its own, not the one before
    let q = quotes(
        "Partial transcript as follows:\n\n\"KERRIGAN: Well, look, this is a serious business and the people have a choice.\
         \n\n\"HOST: But, sir, I have to ask you whether you will be there tomorrow night.",
    );
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[1].1, None, "{q:?}");
}

#[test]
fn verbs_of_judging_and_participles_in_ing() {
    said_by(
        "In July, Kerrigan cynically dismissed the northern provinces as being in the \"suburbs of the old capital city\" of the empire.",
        "Tomas Kerrigan",
    );
    said_by(
        "Vorbruck poked at Kerrigan's habits during the debate, tweeting, \"Notice him sniffing all the time. A cold?\"",
        "Anneliese Vorbruck",
    );
    // a second verb joined by `and` shares the subject
    said_by(
        "Kerrigan beamed and asked the crowd to welcome the governor as \"my new best friend in the whole world.\"",
        "Tomas Kerrigan",
    );
    // a gerund after `from` is no verb of the clause's subject
    let q = quotes(
        "Kerrigan has made migration his priority, with laws banning migrants from claiming asylum. \
         The ministry letter reads \"we may extend the use of the form to gather more information.\"",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, None, "{q:?}");
}

#[test]
fn a_person_of_a_place_before_the_verb() {
    said_by(
        "Last year, Gov. Kerrigan of Kentucky lauded Vorbruck for helping develop \"new and innovative ideas for the region.\"",
        "Tomas Kerrigan",
    );
}

#[test]
fn a_sentence_after_a_quotation_names_its_speaker_only_after_a_whole_one() {
    said_by(
        "\"Who is this man and what does he want from us?\" Vorbruck recalls thinking.",
        "Anneliese Vorbruck",
    );
    // the quotation is part of a sentence: the sentence after does not name its speaker
    let q = quotes(
        "The plan put the north in the \"suburbs of the old capital city\" of the empire. \
         Meanwhile Vorbruck continues her praise of the plan.",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, None, "{q:?}");
}

#[test]
fn i_and_we_outside_a_quotation_are_the_writer() {
    let q = quotes(
        "\"We are ready to sign,\" said Kerrigan. I walked to the door and said, \"The time has come for all of us.\"",
    );
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[0].1.as_deref(), Some("Tomas Kerrigan"), "{q:?}");
    assert_eq!(q[1].1, None, "{q:?}");
    // `said he` with an adverb after it is the old inverted order
    said_by(
        "Kerrigan stood at the door. \"What is wanted here today?\" said he mildly.",
        "Tomas Kerrigan",
    );
}

#[test]
fn a_person_after_a_body_and_a_role() {
    said_by(
        "\"I thought that the debate went well for all of us,\" said Ellwyn Radio host Anneliese Vorbruck.",
        "Anneliese Vorbruck",
    );
    said_by(
        "Ellwyn Radio host Anneliese Vorbruck, who watched the debate, said it \"went well for all of us in the end.\"",
        "Anneliese Vorbruck",
    );
}

#[test]
fn a_country_speaks_for_its_government() {
    let q = quotes(
        "Japan branded the north an \"outlaw nation in the neighborhood.\" \
         Russia insisted that the north \"stop its dangerous escapades at once.\"",
    );
    let speakers: Vec<_> = q.iter().map(|(_, s)| s.as_deref()).collect();
    assert_eq!(speakers, [Some("Japan"), Some("Russia")], "{q:?}");
    // a place inside a name is no verb of saying: `United States`
    let why = explained(
        "The United States Department of State reported it. \"Not a safe place for all.\"",
    );
    assert!(
        why[0]
            .1
            .iter()
            .all(|s| !s.contains("\u{201c}States\u{201d}")),
        "{:?}",
        why[0].1
    );
}

#[test]
fn it_stands_for_an_organisation() {
    said_by(
        "The Ellwyn Trust held its meeting on Friday and pledged more money to what it called \
         \"a clear threat to the peace of the region.\"",
        "Ellwyn Trust",
    );
}

#[test]
fn a_standalone_quotation_after_a_sentence_about_someone() {
    // the subject of the sentence before, past an opening phrase; the title
    // quoted in it is no one's words to carry on
    said_by(
        "On \"Face the Nation,\" Kerrigan, who lost the vote to Vorbruck, identified the young voters as the key. \
         \"The younger people are sick and tired of the old ways.\"",
        "Tomas Kerrigan",
    );
}

#[test]
fn an_abbreviated_title_before_the_name_after_the_verb() {
    // `Del.` (a delegate) keeps its period: a title, not a name
    said_by(
        "\"This is a waste of time for everyone on the committee,\" said Del. Tomas Kerrigan of the Virgin Islands.",
        "Tomas Kerrigan",
    );
}

#[test]
fn a_role_named_nearby_and_an_organisation_by_its_last_word() {
    // the role first, the name in the next sentence
    said_by(
        "\"We are working around the clock on this case,\" the city's police chief said on Monday. \
         Chief Kerrigan added that the streets would stay closed.",
        "Tomas Kerrigan",
    );
    // the name first, the role after
    said_by(
        "Police Chief Tomas Kerrigan arrived at the scene. \"We are working around the clock on this case,\" said the chief.",
        "Tomas Kerrigan",
    );
    said_by(
        "The Ellwyn Commission met on Monday. \"The rules will change next year for every firm,\" \
         the commission said in a statement.",
        "Ellwyn Commission",
    );
    // after the verb, named between commas
    said_by(
        "\"We will keep the branch open for the rest of the year,\" said a spokesman for the Ellwyn Bank, Tomas Kerrigan.",
        "Tomas Kerrigan",
    );
    // an indefinite description is an unnamed source, after the verb too
    let q = quotes(
        "\"The talks went well,\" said Kerrigan. \"Nobody knows when it will end,\" said a senior official.",
    );
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[1].1, None, "{q:?}");
}

#[test]
fn a_paragraph_that_is_only_a_quotation_after_one_that_names_its_speaker() {
    let q = quotes(
        "Kerrigan said the talks had failed. \"It is over for now,\" he said. Vorbruck disagreed.\
         \n\n\"It is not over at all, and we will be back next week.\"",
    );
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[1].1.as_deref(), Some("Anneliese Vorbruck"), "{q:?}");
    said_by(
        "Kerrigan said on Monday:\n\n\"We will meet again soon in the capital, and we will sign.\"",
        "Tomas Kerrigan",
    );
}

#[test]
fn a_fragment_cut_off_by_its_attribution_is_one_quote_with_parts() {
    let a = Annotated::new(&format!(
        "{PEOPLE}\"My hope,\" Kerrigan said, \"is that the bridge brings the two halves of the town together.\""
    ));
    assert_eq!(a.doc.analysis.quotes.len(), 1, "{:?}", a.quotes());
    let q = &a.doc.analysis.quotes[0];
    let text = a.text();
    assert_eq!(
        q.span.slice(text),
        "My hope,\" Kerrigan said, \"is that the bridge brings the two halves of the town together."
    );
    let parts: Vec<&str> = q.parts.iter().map(|p| p.slice(text)).collect();
    assert_eq!(
        parts,
        [
            "My hope",
            "is that the bridge brings the two halves of the town together."
        ]
    );
    assert_eq!(a.speaker(q), Some("Tomas Kerrigan"));
    assert_eq!(q.kind, QuoteKind::Full);

    // a first part that reads alone, or a second that starts a sentence, stays apart
    for body in [
        "\"It's a beautiful day that promises a good future,\" said Kerrigan, \"for both countries.\"",
        "\"I'm not,\" Kerrigan said as he left the room. \"It's not my job to worry.\"",
    ] {
        two_quotes_by_kerrigan(body);
    }
}

#[test]
fn the_explanation_names_the_join_of_a_split_quote() {
    let why =
        explained("\"My hope,\" Kerrigan said, \"is that the bridge brings the town together.\"");
    assert_eq!(why.len(), 1, "{why:?}");
    assert_eq!(why[0].0.as_deref(), Some("Tomas Kerrigan"));
    assert!(
        why[0].1.iter().any(|s| s.starts_with("SPLIT_QUOTE")),
        "{why:?}"
    );
}

#[test]
fn a_quotation_after_a_word_naming_a_work_is_a_title() {
    let a = Annotated::new(&format!(
        "{PEOPLE}Vorbruck's commentary, \"Tell the story of your own town,\" is thoughtful. \
         The band sang \"It's Our Time.\" Then it left."
    ));
    assert!(a.quotes().is_empty(), "{:?}", a.quotes());
    assert_eq!(a.quotes_of(QuoteKind::Partial).len(), 2);
}

#[test]
fn a_transcript_label_is_the_speaker_and_no_part_of_the_words() {
    let q = quotes(
        "Partial transcript as follows:\n\n\"KERRIGAN: Well, look, this is a serious business and the people have a choice.",
    );
    assert_eq!(
        q,
        [(
            "Well, look, this is a serious business and the people have a choice.".to_string(),
            Some("Tomas Kerrigan".to_string())
        )]
    );
}

#[test]
fn a_paragraph_that_is_only_a_quote_takes_the_speaker_of_the_paragraph_before() {
    said_by(
        "The minister, Ruth Kessler, spoke to reporters in the capital on Friday.\
         \n\n\"Our plan will cut the waiting times in half by next year.\"",
        "Ruth Kessler",
    );
    // a paragraph about someone who says nothing gives no speaker
    let q = quotes("Kerrigan landed in the capital on Friday.\n\n\"Nothing is settled yet.\"");
    assert_eq!(q[0].1, None, "{q:?}");
}

#[test]
fn a_description_stands_for_the_person_named_beside_it_earlier() {
    said_by(
        "The city's police chief, Robert Smith, said the search would go on. \
         \"We will not stop until we find him,\" the chief added.",
        "Robert Smith",
    );
    said_by(
        "Robert Smith, the police chief, said the search would go on. \
         \"We will not stop until we find him,\" the chief added.",
        "Robert Smith",
    );
}

#[test]
fn speakers_as_the_issue_describes_them() {
    // a pronoun goes to the most recent fitting subject, not the nearest name
    said_by(
        "Judge Ana Reyes dismissed the case brought by Paul Okafor on Monday. Okafor said he would appeal.\
         \n\n\"The evidence was simply not there,\" she said.",
        "Ana Reyes",
    );
    // appositions and roles
    said_by(
        "\"The bank followed every rule,\" said a spokesman for Acme Bank, Tom Reyes.",
        "Tom Reyes",
    );
    said_by(
        "\"We were not consulted at all,\" the mayor's spokeswoman, Dana Cole, said.",
        "Dana Cole",
    );
    // the subject, not the object
    said_by(
        "Harriet Kline said of Marcus Johnson: \"He was the finest teacher I ever had.\"",
        "Harriet Kline",
    );
    said_by(
        "Ike Okafor shared the post, saying: \"This is what real courage looks like.\"",
        "Ike Okafor",
    );
    // an organisation that speaks
    said_by(
        "The Electoral Commission said in a statement: \"The count will resume on Monday morning.\"",
        "Electoral Commission",
    );
    // no speaker in the text: no guess
    let q = quotes(
        "Mayor Tom Brandt opened the bridge on Monday. \"It is about time we had this bridge,\" one resident said.",
    );
    assert_eq!(q[0].1, None, "{q:?}");
}
