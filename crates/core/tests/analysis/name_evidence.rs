//! Names decided by evidence around them rather than by a list: each test
//! runs the rules alone (no tagger) on an invented text, and checks both
//! the kind listed and the named rule that `--explain` shows for it.

use gloss_core::analysis::explain::NameExplanation;
use gloss_core::analysis::{Analysis, EntityKind, Parts, analyze_explained};
use gloss_core::article::{CleanOptions, clean};

fn run(raw: &str) -> (Analysis, Vec<NameExplanation>, String) {
    let rules_only = Parts {
        rules: true,
        tagger: false,
        ..Parts::default()
    };
    let article = clean(raw, &CleanOptions::default());
    let (analysis, why) = analyze_explained(&article, rules_only);
    (analysis, why.names, article.text)
}

fn names(a: &Analysis, kind: EntityKind) -> Vec<&str> {
    a.entities
        .iter()
        .filter(|e| e.kind == kind)
        .map(|e| e.name.as_str())
        .collect()
}

fn fired(names: &[NameExplanation], written: &str, rule: &str) -> bool {
    names
        .iter()
        .find(|n| n.name == written)
        .unwrap_or_else(|| panic!("no explanation for {written:?}"))
        .rules
        .iter()
        .any(|f| f.rule == rule)
}

#[test]
fn a_name_listed_beside_a_person_is_a_person() {
    let (a, why, _) =
        run("Studio\n\nTavio Brekhart, Lena Moss and Orsin Quellmay trained there in 1990.\n");
    let people = names(&a, EntityKind::Person);
    for who in ["Lena Moss", "Tavio Brekhart", "Orsin Quellmay"] {
        assert!(people.contains(&who), "{who}: {people:?}");
    }
    assert!(fired(&why, "Tavio Brekhart", "COORDINATED_WITH_PERSON"));
    // a list of places beside a person stays places (the gazetteer decides)
    let (a, _, _) = run("Tour\n\nDr. Lena Moss, Paris and London were on the poster.\n");
    assert!(names(&a, EntityKind::Person).contains(&"Lena Moss"));
    assert!(!names(&a, EntityKind::Person).contains(&"Paris"));
}

#[test]
fn a_full_name_that_speaks_is_a_person() {
    let (a, why, _) = run("Notes\n\nTavio Brekhart said the proof was wrong.\n");
    assert!(
        names(&a, EntityKind::Person).contains(&"Tavio Brekhart"),
        "{:?}",
        a.entities
    );
    assert!(fired(&why, "Tavio Brekhart", "SAYS_AFTER_FULL_NAME"));
    // ordinary words that speak are no person's name
    let (_, why, _) = run("Notes\n\nBlue Origin said the launch was late.\n");
    assert!(!fired(&why, "Blue Origin", "SAYS_AFTER_FULL_NAME"));
}

#[test]
fn an_occupation_before_a_name_is_a_role() {
    let (a, _, _) = run("Notes\n\nMathematician Tavio Brekhart wrote of the letter at length.\n");
    let p = a
        .entities
        .iter()
        .find(|e| e.kind == EntityKind::Person && e.name == "Tavio Brekhart")
        .unwrap_or_else(|| panic!("{:?}", a.entities));
    assert!(
        p.roles.iter().any(|r| r == "Mathematician"),
        "{:?}",
        p.roles
    );
}

#[test]
fn a_word_for_when_is_cut_off_a_name() {
    let (a, _, text) = run(
        "Interview with founder Orsin Quellmay Sunday, May 28, 2006\n\n\
         Orsin Quellmay spoke. Yesterday Quellmay wrote again. Good Friday is near.\n",
    );
    let people = names(&a, EntityKind::Person);
    assert_eq!(people, ["Orsin Quellmay"], "{:?}", a.entities);
    let p = &a.entities[a
        .entities
        .iter()
        .position(|e| e.name == "Orsin Quellmay")
        .expect("the person")];
    let shown: Vec<&str> = p.mentions.iter().map(|m| m.slice(&text)).collect();
    assert_eq!(shown, ["Orsin Quellmay", "Orsin Quellmay", "Quellmay"]);
}

#[test]
fn a_function_word_in_capitals_ends_a_name() {
    let (a, _, _) = run(
        "Column\n\nThe minister spoke at length.\n\nMARIA BREKHART IS THE NORVALE POST POLITICAL EDITOR\n",
    );
    let all: Vec<&str> = a.entities.iter().map(|e| e.name.as_str()).collect();
    assert!(
        all.iter()
            .all(|n| !n.contains(" IS ") && !n.contains("THE ")),
        "{all:?}"
    );
    assert!(
        names(&a, EntityKind::Person).contains(&"MARIA BREKHART"),
        "{all:?}"
    );
}

#[test]
fn an_acronym_in_everyday_use_is_no_organisation() {
    let (a, why, _) = run(
        "Lab notes\n\nThe samples gave enough DNA for a test, and two CEOs came from the Voskar Trust.\n",
    );
    let orgs = names(&a, EntityKind::Organization);
    assert!(
        !orgs
            .iter()
            .any(|o| o.starts_with("DNA") || o.starts_with("CEO")),
        "{orgs:?}"
    );
    assert!(fired(&why, "DNA", "ACRONYM_TERM"));
    assert!(fired(&why, "CEOs", "ACRONYM_TERM"));
    // an acronym the list does not know is still an organisation
    let (a, why, _) = run("Lab notes\n\nThe grant came from the KVRB last spring.\n");
    assert!(names(&a, EntityKind::Organization).contains(&"KVRB"));
    assert!(fired(&why, "KVRB", "ACRONYM"));
}

#[test]
fn an_acronym_after_a_number_is_a_unit() {
    let (a, why, _) = run("Prices\n\nA kayak costs 125 ZQT per hour, or 350 ZQT per day.\n");
    assert!(
        !names(&a, EntityKind::Organization).contains(&"ZQT"),
        "{:?}",
        a.entities
    );
    assert!(fired(&why, "ZQT", "ACRONYM_AFTER_NUMBER"));
    // a year is no amount: the acronym after it keeps its vote
    let (a, _, _) = run("News\n\nIn 2011 KVRB opened a new office.\n");
    assert!(
        names(&a, EntityKind::Organization).contains(&"KVRB"),
        "{:?}",
        a.entities
    );
}

#[test]
fn an_acronym_for_capitalised_ordinary_words_is_a_term() {
    let (a, why, _) = run(
        "Lighting\n\nMost homes use the Compact Fluorescent Light (CFL). However, the CFL contains mercury.\n",
    );
    assert!(
        !names(&a, EntityKind::Organization).contains(&"CFL"),
        "{:?}",
        a.entities
    );
    assert!(fired(&why, "CFL", "ACRONYM_OF_ORDINARY_WORDS"));
    // an organisation's word in the expansion: an organisation's acronym
    let (a, _, _) = run(
        "Space\n\nThe satellite was built by the Nordic Orbital Agency (NOA). Later NOA launched it.\n",
    );
    let orgs = names(&a, EntityKind::Organization);
    assert!(orgs.iter().any(|o| o.contains("Agency")), "{orgs:?}");
}

#[test]
fn an_adjective_of_a_people_or_a_creed_before_a_noun_is_no_name() {
    let (a, why, _) =
        run("Origins\n\nHe was of Drevlian ancestry and joined the Quorvic movement in 1990.\n");
    let orgs = names(&a, EntityKind::Organization);
    assert!(
        !orgs.contains(&"Drevlian") && !orgs.contains(&"Quorvic"),
        "{:?}",
        a.entities
    );
    assert!(fired(&why, "Drevlian", "ADJECTIVE_BEFORE_NOUN"));
    assert!(fired(&why, "Quorvic", "ADJECTIVE_BEFORE_NOUN"));
    // a word in -ic with no determiner before it may be someone's name, and
    // a word after a preposition of place is a place's
    let (_, why, _) = run("Tennis\n\nYesterday Vordovic beat the champion in Tabrenese again.\n");
    assert!(!fired(&why, "Vordovic", "ADJECTIVE_BEFORE_NOUN"));
    assert!(!fired(&why, "Tabrenese", "ADJECTIVE_BEFORE_NOUN"));
}

#[test]
fn a_full_name_no_list_knows_in_running_text_is_a_person() {
    let (a, why, _) = run(
        "Match\n\nIn the 69th minute, the visitors made a change, as Tavio Brekhart replaced \
         Orsin Quellmay at the back.\n",
    );
    let people = names(&a, EntityKind::Person);
    for who in ["Tavio Brekhart", "Orsin Quellmay"] {
        assert!(people.contains(&who), "{who}: {people:?}");
        assert!(fired(&why, who, "SHAPED_LIKE_FULL_NAME"));
    }
    // after `of`, unless a name stands before it (where someone works)
    let (a, why, _) = run(
        "Music\n\nThe album owes much to the influence of Tavio Brekhart. The singer Nick \
         Rhodes of Orsin Quellmay played too.\n",
    );
    assert!(names(&a, EntityKind::Person).contains(&"Tavio Brekhart"));
    assert!(!fired(&why, "Orsin Quellmay", "SHAPED_LIKE_FULL_NAME"));
    // the same shape first on a line, after a number or a preposition of
    // place, or before a colon is a guide's entry, no one
    let (a, why, _) = run(
        "Guide\n\nWe stayed at Kopinga Marae for a week.\n\n7 Hasht Behesht (the palace).\n\n\
         Vorla Tenn: flat and dry, with beaches.\n",
    );
    assert!(names(&a, EntityKind::Person).is_empty(), "{:?}", a.entities);
    for name in ["Kopinga Marae", "Hasht Behesht", "Vorla Tenn"] {
        assert!(!fired(&why, name, "SHAPED_LIKE_FULL_NAME"), "{name}");
    }
}

#[test]
fn the_patron_a_facility_is_named_after_is_a_person() {
    let (a, why, _) = run(
        "The decree\n\nHe ordered all interested parties to assemble at Whitfield's Music Hall in \
         the city in February.\n",
    );
    assert!(
        names(&a, EntityKind::Person).contains(&"Whitfield"),
        "{:?}",
        a.entities
    );
    assert!(fired(&why, "Whitfield", "PATRON_OF_FACILITY"));
    // a known organisation before `'s` is no patron
    let (_, why, _) = run("Night out\n\nWe met at Google's Music Hall downtown.\n");
    assert!(!fired(&why, "Google", "PATRON_OF_FACILITY"));
}

#[test]
fn a_given_name_that_is_a_country_or_state_still_opens_a_persons_name() {
    let (a, why, _) = run(
        "Cast\n\nIn 2005 he starred opposite Chad Michael Murray, and later Georgia Brown and \
         Jordan Peterson joined the cast.\n",
    );
    let people = names(&a, EntityKind::Person);
    for who in ["Chad Michael Murray", "Georgia Brown", "Jordan Peterson"] {
        assert!(people.contains(&who), "{who}: {people:?}");
        assert!(fired(&why, who, "GIVEN_NAME_FIRST"));
    }
    // no country is mentioned by them
    assert!(names(&a, EntityKind::Place).is_empty(), "{:?}", a.entities);
    // a place's word or a school's last makes them places or schools again
    let (a, _, _) = run("Trip\n\nWe drove from Virginia Beach to the Jordan Valley.\n");
    assert!(names(&a, EntityKind::Person).is_empty(), "{:?}", a.entities);
}

#[test]
fn an_epithet_after_a_name_makes_it_a_persons() {
    let (a, why, _) = run(
        "York\n\nConstantine the Great was proclaimed Emperor in the city. Constantine then \
         left for the east.\n",
    );
    assert!(
        names(&a, EntityKind::Person).contains(&"Constantine"),
        "{:?}",
        a.entities
    );
    assert!(!names(&a, EntityKind::Place).contains(&"Constantine"));
    assert!(fired(&why, "Constantine", "EPITHET_AFTER"));
}
