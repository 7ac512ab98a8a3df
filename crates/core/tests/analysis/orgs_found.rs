//! Organisations: which names are organisations, and which of their parts
//! are not.

use crate::common::Annotated;
use gloss_core::analysis::EntityKind::{Organization, Place};

#[test]
fn a_known_place_an_organisation_is_named_after_stays_a_place() {
    let a = Annotated::new(
        "Emperor\n\nNorton lived in San Francisco for years. The San Francisco Bulletin \
         printed his decree, and San Francisco loved him.",
    );
    let paper = a.entity(Organization, "San Francisco Bulletin");
    assert_eq!(a.mention_texts(paper), ["San Francisco Bulletin"]);
    let city = a.entity(Place, "San Francisco");
    assert!(
        a.mention_texts(city).len() >= 2,
        "{:?}",
        a.mention_texts(city)
    );
}

#[test]
fn an_acronym_of_words_that_name_nothing_is_no_organisation() {
    let a = Annotated::new(
        "Salt\n\nDoctors warn of Iodine Deficiency Disorders in children. The best known \
         effects of IDD are goiter and cretinism.",
    );
    assert!(a.find(Organization, "IDD").is_none(), "{:?}", a.all_names());
    // an acronym spelling no such words is still an organisation
    let b = Annotated::new(
        "Salt\n\nDoctors warn of Iodine Deficiency Disorders in children, the RSPCA said \
         in a statement.",
    );
    assert!(
        b.find(Organization, "RSPCA").is_some(),
        "{:?}",
        b.all_names()
    );
}

#[test]
fn a_graduate_of_a_school_names_the_school() {
    let a = Annotated::new(
        "Careers\n\nShe came to MIT as a recent graduate of Mount Holyoke with a degree \
         in math.",
    );
    assert!(
        a.find(Organization, "Mount Holyoke").is_some(),
        "{:?}",
        a.all_names()
    );
    assert!(a.find(Place, "Mount Holyoke").is_none());
}

#[test]
fn the_web_address_of_a_known_organisation_is_that_organisation() {
    let a = Annotated::new(
        "Credits\n\nThis article first appeared in Wired. It was reprinted on Wired.com \
         last week.",
    );
    let wired = a.entity(Organization, "Wired.com");
    assert_eq!(a.mention_texts(wired), ["Wired", "Wired.com"]);
}

#[test]
fn what_a_named_person_is_of_is_an_organisation() {
    let a = Annotated::new(
        "Wikinews interviews Mario J. Lucero and Isabel Ruiz of Heaven Sent Gaming\n\n\
         What is Heaven Sent Gaming?\n\nHeaven Sent Gaming is basically me and Isabel.",
    );
    let firm = a.entity(Organization, "Heaven Sent Gaming");
    assert_eq!(
        a.mention_texts(firm).len(),
        3,
        "{:?}",
        a.mention_texts(firm)
    );
    // a place the gazetteer knows stays a place
    let b = Annotated::new("Visitors\n\nWe met Anna Weiss of Leeds at the fair.");
    assert!(b.find(Place, "Leeds").is_some(), "{:?}", b.all_names());
    assert!(b.find(Organization, "Leeds").is_none());
}

#[test]
fn one_of_a_kind_of_organisation_named_before_is_an_organisation() {
    let a = Annotated::new(
        "Signs\n\nBars and restaurants hire firms such as Let There Be Neon in Manhattan.",
    );
    assert!(
        a.find(Organization, "Let There Be Neon").is_some(),
        "{:?}",
        a.all_names()
    );
}

#[test]
fn a_faith_or_camp_before_a_noun_is_no_organisation() {
    let a = Annotated::new(
        "History\n\nDuring the Nazi occupation, the city lost its Jewish quarter. He \
         entered the Jesuit college at Braunsberg.",
    );
    for word in ["Nazi", "Jewish", "Jesuit"] {
        assert!(
            a.find(Organization, word).is_none(),
            "{word}: {:?}",
            a.all_names()
        );
    }
}

#[test]
fn a_code_after_its_label_is_no_organisation() {
    let a = Annotated::new(
        "Get in\n\nTulsa International Airport (IATA: TUL) is north of the city. The RSPCA \
         runs a shelter there.",
    );
    assert!(a.find(Organization, "TUL").is_none(), "{:?}", a.all_names());
    assert!(
        a.find(Organization, "RSPCA").is_some(),
        "{:?}",
        a.all_names()
    );
}

#[test]
fn one_organisation_under_aliases_of_its_place_and_a_national_modifier() {
    let a = Annotated::new(
        "Decrees\n\nHe ordered that the United States Congress be dissolved. Later he \
         summoned the Army to depose the elected officials of the U.S. Congress: a body \
         of men calling themselves the National Congress are now in session, and the \
         Army shall clear the Halls of Congress.",
    );
    let congress = a.entity(Organization, "United States Congress");
    assert_eq!(
        a.mention_texts(congress),
        [
            "United States Congress",
            "U.S. Congress",
            "National Congress",
            "Congress"
        ]
    );
    assert!(
        a.find(Organization, "Halls").is_none(),
        "{:?}",
        a.all_names()
    );
    assert!(a.find(Organization, "Halls of Congress").is_none());
}

#[test]
fn a_national_body_stays_apart_when_two_countries_have_one() {
    let a = Annotated::new(
        "Talks\n\nThe Brazil Congress and the Argentina Congress met in May. The National \
         Congress then voted.",
    );
    assert!(
        a.find(Organization, "National Congress").is_some(),
        "{:?}",
        a.all_names()
    );
}

#[test]
fn the_object_of_a_places_name_is_no_organisation() {
    let a = Annotated::new(
        "Proclamation\n\nI order the representatives of the different States of the Union \
         to assemble in Music Hall, to make such alterations in the existing laws of the \
         Union as may ameliorate the evils under which the country labours.",
    );
    assert!(
        a.find(Place, "States of the Union").is_some(),
        "{:?}",
        a.all_names()
    );
    assert!(
        a.find(Organization, "Union").is_none(),
        "{:?}",
        a.all_names()
    );
    assert!(a.find(Organization, "States of the Union").is_none());
}

#[test]
fn a_town_a_school_is_named_after_is_the_school_alone() {
    let a = Annotated::new(
        "Schooldays\n\nIn 1801, he was sent to Harrow, where he remained until July 1805. \
         He wrote of his friendships with other Harrow boys, unlike the relations he \
         had at Harrow School.",
    );
    let school = a.entity(Organization, "Harrow School");
    assert_eq!(
        a.mention_texts(school),
        ["Harrow", "Harrow", "Harrow School"]
    );
    assert!(a.find(Place, "Harrow").is_none(), "{:?}", a.all_names());
    // something in the town: the town
    let b = Annotated::new(
        "Schooldays\n\nHe was sent to Harrow School in 1801. His mother took a house in \
         Harrow to be near him.",
    );
    assert!(b.find(Place, "Harrow").is_some(), "{:?}", b.all_names());
}

#[test]
fn the_name_of_a_study_is_no_organisation() {
    let a = Annotated::new(
        "Salt\n\nProfessor Cres Eastman, Director of the National Iodine Nutrition study, \
         said the results were worrying.",
    );
    assert!(
        a.find(Organization, "National Iodine Nutrition").is_none(),
        "{:?}",
        a.all_names()
    );
    // an organisation's word in it: the organisation that ran the study
    let b = Annotated::new(
        "Salt\n\nThe Pew Research Center survey found that most adults agreed, he said.",
    );
    assert!(
        b.find(Organization, "Pew Research Center").is_some(),
        "{:?}",
        b.all_names()
    );
}

#[test]
fn words_of_a_quoted_title_are_no_organisation() {
    let a = Annotated::new(
        "Poems\n\nShe wrote poems with titles such as \u{201c}You Loved Me Like a Distant \
         Star\u{201d} and \u{201c}The Kiss Was Beautiful.\u{201d}",
    );
    assert!(
        a.find(Organization, "Distant Star").is_none(),
        "{:?}",
        a.all_names()
    );
    // a name that is the whole quotation, but for its `the`, stays a name
    let b = Annotated::new(
        "Bridges\n\nThere have been campaigns to rename the bridge \"The Emperor Norton \
         Bridge\".",
    );
    assert!(
        b.find(Place, "Emperor Norton Bridge").is_some(),
        "{:?}",
        b.all_names()
    );
}

#[test]
fn an_organisation_word_alone_is_the_one_organisation_named_with_it() {
    let a = Annotated::new(
        "Ruling\n\nThe Supreme Court ruled on Monday. Critics said the Court had gone too \
         far, and the ruling stands.",
    );
    let court = a.entity(Organization, "Supreme Court");
    assert_eq!(a.mention_texts(court), ["Supreme Court", "Court"]);
    // a body named after a place is not the one named alone
    let b = Annotated::new(
        "Votes\n\nThe European Parliament voted on Monday. In London, Parliament debated \
         the same law on Tuesday, the minister said.",
    );
    let parliament = b.entity(Organization, "European Parliament");
    assert_eq!(b.mention_texts(parliament), ["European Parliament"]);
}

#[test]
fn the_other_side_of_a_match_with_an_organisation_is_one_too() {
    let a = Annotated::new(
        "Schooldays\n\nIn 1801, he was sent to Harrow, where he remained until 1805. He \
         played in the very first Eton v Harrow cricket match at Lord's in 1805, and he \
         never forgot Harrow School.",
    );
    assert!(
        a.find(Organization, "Eton").is_some(),
        "{:?}",
        a.all_names()
    );
    // a side some rule decides keeps its kind
    let b = Annotated::new(
        "Ruling\n\nThe judge heard Margaret Hamilton v Acme Corporation in May, and \
         Margaret Hamilton won.",
    );
    assert!(
        b.find(
            gloss_core::analysis::EntityKind::Person,
            "Margaret Hamilton"
        )
        .is_some(),
        "{:?}",
        b.all_names()
    );
}

#[test]
fn names_ending_in_sports_or_transit_are_organisations() {
    let a = Annotated::new(
        "Careers\n\nShe started her career with Barstool Sports in 2015. Later, Metro \
         Transit provided bus service to the stadium.",
    );
    assert!(
        a.find(Organization, "Barstool Sports").is_some(),
        "{:?}",
        a.all_names()
    );
    assert!(
        a.find(Organization, "Metro Transit").is_some(),
        "{:?}",
        a.all_names()
    );
}
