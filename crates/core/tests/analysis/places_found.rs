//! Finding places the gazetteer does not list: facilities and landmarks by
//! their head noun, the places named inside other names, and the places the
//! text marks (`X, Oklahoma`, a list of places, `X, a village`, `the North`).

use crate::common::Annotated;
use gloss_core::analysis::EntityKind::{Organization, Person, Place};

#[test]
fn a_facility_is_a_place_by_its_head_noun() {
    let a = Annotated::new(
        "Final\n\nThe teams met at the Brenmoor Stadium on Sunday. Fans had gathered at \
         the Ostvale Convention Centre the night before, and some went on to the \
         Kellan Grand Mosque.",
    );
    for name in [
        "Brenmoor Stadium",
        "Ostvale Convention Centre",
        "Kellan Grand Mosque",
    ] {
        let place = a.entity(Place, name);
        // the span stops at the place: `on Sunday` is no part of it
        assert_eq!(a.mention_texts(place), [name]);
    }
}

#[test]
fn a_date_after_a_connector_is_no_part_of_the_name() {
    // heads that take a connector (`Bay of Biscay`, `Museum of Art`) stop
    // before a date all the same
    let a = Annotated::new(
        "Storm\n\nBoats were lost near Hollin Bay on Monday. Crowds filled the Tarrow \
         Museum on Friday, and the Ostmark Bank on May 5 said it would reopen. The \
         concert at Madison Square Garden on Sunday went ahead.",
    );
    for (kind, name) in [
        (Place, "Hollin Bay"),
        (Place, "Madison Square Garden"),
        (Place, "Tarrow Museum"),
        (Organization, "Ostmark Bank"),
    ] {
        let e = a.entity(kind, name);
        assert_eq!(a.mention_texts(e), [name]);
    }
    for (_, name) in a.all_names() {
        assert!(
            !name.contains(" on "),
            "{name:?} runs on: {:?}",
            a.all_names()
        );
    }
    // the square is named after a person, not after the town of Madison
    assert!(a.find(Place, "Madison").is_none(), "{:?}", a.all_names());
}

#[test]
fn a_river_named_head_first_is_a_place() {
    let a = Annotated::new(
        "History\n\nThe fort stood on the River Kelvor for two centuries, and boats \
         still sail up the River Tarran to reach it.",
    );
    for name in ["River Kelvor", "River Tarran"] {
        let place = a.entity(Place, name);
        assert_eq!(a.mention_texts(place), [name]);
    }
}

#[test]
fn a_facility_head_first_is_a_place() {
    let a = Annotated::new(
        "Exhibit\n\nThe paintings hang in the Museum of Coastal Life until the spring.",
    );
    assert!(
        a.find(Place, "Museum of Coastal Life").is_some(),
        "{:?}",
        a.all_names()
    );
}

#[test]
fn a_facility_that_speaks_is_left_to_the_other_rules() {
    let a = Annotated::new(
        "Outbreak\n\nThe Dunmore Memorial Hospital said on Monday that two wards were closed.",
    );
    assert!(
        a.find(Place, "Dunmore Memorial Hospital").is_none(),
        "{:?}",
        a.all_names()
    );
    assert!(
        a.find(Organization, "Dunmore Memorial Hospital").is_some(),
        "{:?}",
        a.all_names()
    );
}

#[test]
fn a_well_known_place_inside_another_name_is_mentioned_too() {
    let a = Annotated::new(
        "Season\n\nShe studied at the University of Colorado before joining the Lisbon Chamber \
         Orchestra, and later sang at the Oslo Harbour Arena.",
    );
    for (place, inside) in [
        ("Colorado", "University of Colorado"),
        ("Lisbon", "Lisbon Chamber Orchestra"),
        ("Oslo", "Oslo Harbour Arena"),
    ] {
        let e = a.entity(Place, place);
        assert_eq!(a.mention_texts(e), [place], "inside {inside}");
    }
    // the names around them stay whole
    assert!(
        a.find(Organization, "University of Colorado").is_some(),
        "{:?}",
        a.all_names()
    );
    assert!(
        a.find(Place, "Oslo Harbour Arena").is_some(),
        "{:?}",
        a.all_names()
    );
}

#[test]
fn a_town_inside_an_events_name_and_a_state_before_state_are_places() {
    let a = Annotated::new(
        "Summer\n\nShe sang at the Bayreuth Festival and won the Bayreuth Festival Prize. \
         He taught at Oregon State University. During San Jose Fan-Fest 2016, fans queued.",
    );
    // a town of fewer than 100,000 people, inside an event's name
    assert_eq!(
        a.mention_texts(a.entity(Place, "Bayreuth")),
        ["Bayreuth", "Bayreuth"]
    );
    // `X State University`: the state is `X State`
    assert_eq!(a.mention_texts(a.entity(Place, "Oregon")), ["Oregon State"]);
    // a place of two words opening a name is no given name and more
    assert_eq!(a.mention_texts(a.entity(Place, "San José")), ["San Jose"]);
    assert_eq!(a.count(Person), 0);
    // a word a district is named after stays a word inside an event's name
    let a = Annotated::new("Games\n\nThe Olympic Games opened in Athens.");
    assert!(a.find(Place, "Olympic").is_none(), "{:?}", a.all_names());
    // a street named after a town names the street only
    let (kind, _) = rules_alone(
        "Office\n\nThe office is at 317 S Detroit Ave. (downtown).",
        "S Detroit Ave.",
        "FACILITY_HEAD",
    );
    assert_eq!(kind.as_deref(), Some("place"));
    let a = Annotated::new("Office\n\nThe office is at 317 S Detroit Ave. (downtown).");
    assert!(a.find(Place, "Detroit").is_none(), "{:?}", a.all_names());
}

#[test]
fn a_place_named_by_its_place_word_inside_a_longer_name_is_a_place() {
    let a = Annotated::new(
        "Travel\n\nHe played against the Quellport Bay Rays before flying out of \
         Marrowdale County Airport. She studied at Vessling Peninsula State University.",
    );
    for (place, inside) in [
        ("Quellport Bay", "Quellport Bay Rays"),
        ("Marrowdale County", "Marrowdale County Airport"),
        ("Vessling Peninsula", "Vessling Peninsula State University"),
    ] {
        let e = a.entity(Place, place);
        assert_eq!(a.mention_texts(e), [place], "inside {inside}");
    }
    // ordinary words before the place word, or the place word ending the
    // name, give no place inside it
    let a = Annotated::new("Reefs\n\nThe Coral Reef Alliance met at Hollin Bay.");
    assert!(a.find(Place, "Coral Reef").is_none(), "{:?}", a.all_names());
    assert_eq!(a.names(Place), ["Hollin Bay"], "{:?}", a.all_names());
}

#[test]
fn a_place_type_word_first_or_before_of_makes_a_place() {
    for (text, name, rule) in [
        (
            "Art\n\nThe collections of County Quellmoor are famous.",
            "County Quellmoor",
            "PLACE_FIRST_WORD",
        ),
        (
            "Life\n\nHe was born in Kibbutz Quellmoor in 1958.",
            "Kibbutz Quellmoor",
            "PLACE_FIRST_WORD",
        ),
        (
            "Life\n\nHe joined a monastery in the diocese of Quellmoor.",
            "Quellmoor",
            "PLACE_NOUN_OF",
        ),
    ] {
        let (kind, fired) = rules_alone(text, name, rule);
        assert!(fired, "{text}");
        assert_eq!(kind.as_deref(), Some("place"), "{text}");
    }
    // but a county's council is its government
    let (kind, _) = rules_alone(
        "Vote\n\nThe County Council met on Monday.",
        "County Council",
        "PLACE_FIRST_WORD",
    );
    assert_ne!(kind.as_deref(), Some("place"));
}

#[test]
fn a_place_after_a_given_name_inside_a_name_is_a_family_name() {
    let a = Annotated::new("Buses\n\nBuses leave from the Peter Denver Bus Terminal daily.");
    assert!(a.find(Place, "Denver").is_none(), "{:?}", a.all_names());
    let a = Annotated::new("Buses\n\nBuses leave from the Denver Bus Terminal daily.");
    assert!(a.find(Place, "Denver").is_some(), "{:?}", a.all_names());
}

#[test]
fn the_place_of_a_battle_or_a_siege_is_a_place() {
    for (text, name) in [
        (
            "War\n\nAt the Battle of Quellmoor in 1660, he was wounded.",
            "Quellmoor",
        ),
        // (a town that is also a given name)
        (
            "War\n\nHe was wounded at the Siege of Florence in 1530.",
            "Florence",
        ),
    ] {
        let (kind, fired) = rules_alone(text, name, "BATTLE_NOUN_OF");
        assert!(fired, "{text}");
        assert_eq!(kind.as_deref(), Some("place"), "{text}");
    }
    let (_, fired) = rules_alone(
        "War\n\nThe battle of wits with Quellmoor went on.",
        "Quellmoor",
        "BATTLE_NOUN_OF",
    );
    assert!(!fired);
}

#[test]
fn a_title_opening_a_places_name_is_part_of_it() {
    let a = Annotated::new(
        "Sights\n\nVisitors queue at the Madame Orlaine Museum, then walk to the \
         Sheikh Darvani Mosque and on to Admiral Creek.",
    );
    for name in [
        "Madame Orlaine Museum",
        "Sheikh Darvani Mosque",
        "Admiral Creek",
    ] {
        assert_eq!(a.mention_texts(a.entity(Place, name)), [name]);
    }
    // the person a place is named after is mentioned too, without the title
    let p = a.entity(Person, "Orlaine");
    assert_eq!(a.mention_texts(p), ["Orlaine"]);
    // a title before a family name that is also a place's word stays a title
    let a = Annotated::new("Talks\n\nPresident Park met the envoys in Seoul on Monday.");
    assert!(a.find(Person, "Park").is_some(), "{:?}", a.all_names());
}

#[test]
fn a_town_the_gazetteer_knows_is_no_family_name_first() {
    let text = "Moving\n\nMany retirees moved to Sun City last year.";
    let (_, fired) = rules_alone(text, "Sun City", "FAMILY_NAME_FIRST");
    assert!(!fired);
    let a = Annotated::new(text);
    assert!(a.find(Place, "Sun City").is_some(), "{:?}", a.all_names());
    // a name the gazetteer does not know still is
    let text = "Visit\n\nWe met Sun Quellan yesterday.";
    let (_, fired) = rules_alone(text, "Sun Quellan", "FAMILY_NAME_FIRST");
    assert!(fired);
}

#[test]
fn a_place_inside_a_known_organisation_or_a_natural_feature_is_not() {
    let a = Annotated::new(
        "Study\n\nResearchers at Columbia University sailed across Manila Bay last year.",
    );
    assert!(a.find(Place, "Columbia").is_none(), "{:?}", a.all_names());
    assert!(a.find(Place, "Manila").is_none(), "{:?}", a.all_names());
}

#[test]
fn a_place_named_inside_a_name_and_alone_is_one_place() {
    let a = Annotated::new(
        "Campus\n\nNew York University opened a library. Students across New York City \
         welcomed it.",
    );
    let places = a.names(Place);
    assert_eq!(places, ["New York City"], "{:?}", a.all_names());
    assert_eq!(a.entity(Place, "New York City").mentions.len(), 2);
}

/// The kind the rules alone give `written`, and whether `rule` fired for it.
fn rules_alone(raw: &str, written: &str, rule: &str) -> (Option<String>, bool) {
    use gloss_core::analysis::{Parts, analyze_explained};
    use gloss_core::article::{CleanOptions, clean};
    let article = clean(raw, &CleanOptions::default());
    let parts = Parts {
        tagger: false,
        ..Parts::default()
    };
    let (_, why) = analyze_explained(&article, parts);
    let all: Vec<String> = why.names.iter().map(|n| n.name.clone()).collect();
    let n = why
        .names
        .into_iter()
        .find(|n| n.name == written)
        .unwrap_or_else(|| panic!("no explanation for {written:?}; there are {all:?}"));
    (n.kind, n.rules.iter().any(|f| f.rule == rule))
}

#[test]
fn a_name_before_its_state_or_country_is_a_place() {
    for (text, name) in [
        (
            "Trip\n\nWe stopped for lunch near Quellbrook, Oklahoma.",
            "Quellbrook",
        ),
        (
            "Home\n\nShe has lived in Darrowmere, Portugal, since 2004.",
            "Darrowmere",
        ),
        (
            "Repairs\n\nCables failed this month in Flittering, Queens.",
            "Flittering",
        ),
        // a US state's postal abbreviation
        (
            "Route\n\nTake US-169 South from Quellbrook, KS.",
            "Quellbrook",
        ),
    ] {
        let (kind, fired) = rules_alone(text, name, "PLACE_THEN_REGION");
        assert!(fired, "{text}");
        assert_eq!(kind.as_deref(), Some("place"), "{text}");
    }
    // a body's acronym, the end of a longer name, or a role after the state
    for (text, name) in [
        ("Authors\n\nLab of Signals, VRNS, France", "VRNS"),
        ("Authors\n\nUniversidad a Distancia, Spain", "Distancia"),
        (
            "Visit\n\nWe met Dolores Quint, Texas governor, on Monday.",
            "Dolores Quint",
        ),
        // two capitals that are no state's (or go on the clause)
        ("Bands\n\nWe heard Quellbrook, UK on tour.", "Quellbrook"),
        (
            "Bands\n\nWe heard Quellbrook, OK Go and others.",
            "Quellbrook",
        ),
    ] {
        let (_, fired) = rules_alone(text, name, "PLACE_THEN_REGION");
        assert!(!fired, "{text}");
    }
}

#[test]
fn a_word_after_a_known_town_and_a_comma_is_its_region() {
    let text = "Life\n\nHe was born in Exeter, Quellshire. His father was a geologist.";
    let (kind, fired) = rules_alone(text, "Quellshire", "REGION_AFTER_TOWN");
    assert!(fired);
    assert_eq!(kind.as_deref(), Some("place"));
    // not when the clause goes on, nor after no preposition of place
    for text in [
        "Talks\n\nIn Paris, Quellan said nothing more.",
        "Visit\n\nWe saw Exeter, Quellan told us.",
    ] {
        let (_, fired) = rules_alone(text, "Quellan", "REGION_AFTER_TOWN");
        assert!(!fired, "{text}");
    }
    // (an abbreviation in capitals is none)
    let text = "Trip\n\nWe drove on from Exeter, QXV.";
    let (_, fired) = rules_alone(text, "QXV", "REGION_AFTER_TOWN");
    assert!(!fired, "{text}");
}

#[test]
fn a_name_listed_with_known_places_is_a_place() {
    let text = "Borders\n\nThe town is bordered by Edgewater, Ravelstow, Cliffside Park and \
                Hoboken.";
    let (kind, fired) = rules_alone(text, "Ravelstow", "LISTED_WITH_PLACES");
    assert!(fired);
    assert_eq!(kind.as_deref(), Some("place"));
    // a town that is also a given name or a word is the town in a list of
    // towns
    let text = "Region\n\nThe county takes in Lansing, Flint, Warren and Troy.";
    for town in ["Warren", "Troy"] {
        let (kind, fired) = rules_alone(text, town, "LISTED_WITH_PLACES");
        assert!(fired, "{town}");
        assert_eq!(kind.as_deref(), Some("place"), "{town}");
    }
    // one known place among people is no list of places
    let text = "Cast\n\nThe cast is Anna Brill, Tomas Verhoef and Hoboken.";
    let (_, fired) = rules_alone(text, "Tomas Verhoef", "LISTED_WITH_PLACES");
    assert!(!fired);
}

#[test]
fn a_name_in_apposition_to_a_place_noun_is_a_place() {
    let text = "Life\n\nHe was born at Strevin, a small village near the coast.";
    let (kind, fired) = rules_alone(text, "Strevin", "APPOSITION_TO_PLACE_NOUN");
    assert!(fired);
    assert_eq!(kind.as_deref(), Some("place"));
    // `a city official` is a person's role, not a place noun ending its phrase
    let text = "Council\n\nThe plan came from Halvard Ostrin, a city official, on Monday.";
    let (_, fired) = rules_alone(text, "Halvard Ostrin", "APPOSITION_TO_PLACE_NOUN");
    assert!(!fired);
}

#[test]
fn a_direction_after_a_preposition_and_the_is_a_region() {
    let text = "Roads\n\nTraffic from the North is slow, and storms hit towns across the \
                Midwest.";
    for name in ["North", "Midwest"] {
        let (kind, fired) = rules_alone(text, name, "DIRECTION_AS_REGION");
        assert!(fired, "{name}");
        assert_eq!(kind.as_deref(), Some("place"), "{name}");
    }
    // `The South retaliated`: a government acting, left to the other rules
    let text = "War\n\nShells fell on the border. Later the South retaliated with artillery.";
    let (_, fired) = rules_alone(text, "South", "DIRECTION_AS_REGION");
    assert!(!fired);
}

#[test]
fn a_web_address_or_a_compound_modifier_before_site_is_no_place() {
    for (text, name, rule) in [
        (
            "Outage\n\nThe Kellomar.org site was down on Friday.",
            "Kellomar.org",
            "WEB_ADDRESS_NO_PLACE",
        ),
        (
            "Outage\n\nPosts on the Kellomar-critic site said so on Friday.",
            "Kellomar-critic",
            "COMPOUND_MODIFIER_NO_PLACE",
        ),
    ] {
        let (kind, fired) = rules_alone(text, name, rule);
        assert!(fired, "{text}");
        assert_ne!(kind.as_deref(), Some("place"), "{text}");
    }
}

#[test]
fn a_town_that_is_a_frequent_family_name_alone_is_no_place_without_a_cue() {
    // `Campbell` is a small town of the gazetteer and a frequent family name:
    // alone, neither is sure (here a precedent named after someone)
    let text = "Hearing\n\nThe precedent supports us. Campbell requires an examination of \
                meaning.";
    let (kind, fired) = rules_alone(text, "Campbell", "KNOWN_PLACE_FAMILY_NAME");
    assert!(fired);
    assert_ne!(kind.as_deref(), Some("place"));
    // the state after it still makes it the town
    let text = "Trip\n\nWe stopped for lunch near Campbell, California.";
    let (kind, fired) = rules_alone(text, "Campbell", "KNOWN_PLACE_FAMILY_NAME");
    assert!(fired);
    assert_eq!(kind.as_deref(), Some("place"));
}

#[test]
fn a_place_code_glued_to_a_currency_sign_is_money_not_the_place() {
    let text = "Storm\n\nDamages were estimated at US$ 10 billion by Friday.";
    let (kind, fired) = rules_alone(text, "US", "CURRENCY_OF_A_PLACE");
    assert!(fired);
    assert_ne!(kind.as_deref(), Some("place"));
    // a space before the sign: the place stays
    let text = "Trade\n\nExports to the US rose by $ 4 billion.";
    let (kind, fired) = rules_alone(text, "US", "CURRENCY_OF_A_PLACE");
    assert!(!fired);
    assert_eq!(kind.as_deref(), Some("place"));
}

#[test]
fn a_name_after_in_and_a_noun_of_the_courts_is_a_case_not_a_place() {
    for (text, name) in [
        (
            "Appeal\n\nThis is the decision in Varlocke, at Tab 4.",
            "Varlocke",
        ),
        (
            "Appeal\n\nIt was suggested by the courts back in Brellish, and it holds.",
            "Brellish",
        ),
    ] {
        let (kind, fired) = rules_alone(text, name, "CASE_AFTER_COURT_NOUN");
        assert!(fired, "{text}");
        assert_ne!(kind.as_deref(), Some("place"), "{text}");
    }
    // a town the gazetteer knows stays a town
    let text = "Appeal\n\nThe court in Brooklyn ruled on Monday.";
    let (kind, fired) = rules_alone(text, "Brooklyn", "CASE_AFTER_COURT_NOUN");
    assert!(!fired);
    assert_eq!(kind.as_deref(), Some("place"));
}

#[test]
fn a_natural_features_head_in_lowercase_ends_the_place() {
    let a = Annotated::new(
        "Surveys\n\nSalinity was measured in the Vorlask sea and in the Yellow sea last year.",
    );
    for name in ["Vorlask sea", "Yellow sea"] {
        let place = a.entity(Place, name);
        assert_eq!(a.mention_texts(place), [name]);
    }
    // after a demonym the noun is no part of a name
    let a = Annotated::new("Trips\n\nThey sailed down a Korean river in May.");
    assert!(
        a.find(Place, "Korean river").is_none(),
        "{:?}",
        a.all_names()
    );
}

#[test]
fn a_name_before_s_and_a_facility_is_its_owner_not_a_place() {
    let text = "Meeting\n\nThey were told to assemble at Brodwick's Music Hall in February.";
    let (kind, fired) = rules_alone(text, "Brodwick", "POSSESSOR_OF_FACILITY");
    assert!(fired);
    assert_ne!(kind.as_deref(), Some("place"));
    // `'s` and an ordinary noun after it: the rule is silent
    let text = "Meeting\n\nThey met at Brodwick's house in February.";
    let (_, fired) = rules_alone(text, "Brodwick", "POSSESSOR_OF_FACILITY");
    assert!(!fired);
}

#[test]
fn a_head_noun_another_language_puts_first_makes_a_place() {
    let text = "Walk\n\nWe crossed Plac Zielony and rested near the Hôpital Varenne.";
    for name in ["Plac Zielony", "Hôpital Varenne"] {
        let (kind, fired) = rules_alone(text, name, "PLACE_FIRST_WORD");
        assert!(fired, "{name}");
        assert_eq!(kind.as_deref(), Some("place"), "{name}");
    }
}

#[test]
fn a_kind_of_road_and_its_number_is_a_place() {
    let a = Annotated::new(
        "Detour\n\nThe slide closed Highway 1 near the coast, so drivers took Route 66 \
         and then Interstate 35 north. Traffic on State Route 9 was light.",
    );
    for name in ["Highway 1", "Route 66", "Interstate 35", "State Route 9"] {
        let place = a.entity(Place, name);
        assert_eq!(a.mention_texts(place), [name]);
    }
}

#[test]
fn a_region_below_the_country_is_a_place_with_its_country() {
    let a = Annotated::new(
        "Holiday\n\nThey sailed along the coast of Dalmatia, then flew to Attica for a week, \
         and spent the autumn walking in Yorkshire and Tuscany.",
    );
    for (name, cc) in [
        ("Dalmatia", "HR"),
        ("Attica", "GR"),
        ("Yorkshire", "GB"),
        ("Tuscany", "IT"),
    ] {
        let place = a.entity(Place, name);
        let geo = place
            .geo
            .as_ref()
            .unwrap_or_else(|| panic!("{name} has no geo"));
        assert_eq!(geo.country_code.as_deref(), Some(cc), "{name}");
        assert_eq!(geo.feature, "region", "{name}");
        assert_eq!(geo.geonames_id, None, "{name} is hand-listed");
    }
}

#[test]
fn a_road_number_beside_a_road_word_is_a_place() {
    let a = Annotated::new(
        "Getting there\n\nFrom the south, take the M1 northbound to junction 32, then \
         the M18 eastbound. Drivers from Tulsa can leave I-44 at exit 4. The A59 and \
         the M62 link the city with the coast.",
    );
    // (the A59 and the M62 have no road word by them: the text's other
    // roads make them roads)
    for name in ["M1", "M18", "I-44", "A59", "M62"] {
        let place = a.entity(Place, name);
        assert_eq!(a.mention_texts(place), [name]);
    }
}

#[test]
fn numbers_shaped_like_roads_are_no_places_without_a_road() {
    let a = Annotated::new(
        "Notes\n\nHe poured A1 steak sauce on the meat. She earned a B2 grade in German. \
         The F-16 and the B-52 flew over the G7 summit, and the E40 model sold out \
         before the COVID-19 lockdown.",
    );
    for name in ["A1", "B2", "F-16", "B-52", "G7", "E40", "COVID-19"] {
        assert!(a.find(Place, name).is_none(), "{name}: {:?}", a.all_names());
    }
}

#[test]
fn a_road_text_lends_its_kind_only_after_the() {
    // `the A1` after `the M1 northbound` is a road, `A1 steak sauce` in the
    // same text is not: the text's roads lend their kind only after `the`
    let a = Annotated::new(
        "Trip\n\nWe took the M1 northbound and then the A1. At the cafe he poured A1 \
         steak sauce, and she wrote of a B2 grade.",
    );
    assert!(a.find(Place, "M1").is_some(), "{:?}", a.all_names());
    assert!(a.find(Place, "B2").is_none(), "{:?}", a.all_names());
}

#[test]
fn a_person_named_like_a_region_stays_a_person() {
    // `Brittany` is a French region and a frequent given name; `Victoria` an
    // Australian state and a given name: with a family name they are people
    let a = Annotated::new(
        "Ward\n\nBrittany Walsh, a nurse at the clinic, said the ward was full. \
         Victoria Hale, her colleague, said more beds were coming. Walsh said she \
         had worked there for ten years.",
    );
    use Person;
    for name in ["Brittany Walsh", "Victoria Hale"] {
        assert!(a.find(Person, name).is_some(), "{:?}", a.all_names());
    }
    for name in ["Brittany", "Victoria"] {
        assert!(a.find(Place, name).is_none(), "{:?}", a.all_names());
    }
}

#[test]
fn a_part_of_a_facility_and_its_number_is_a_place() {
    let a = Annotated::new(
        "By plane\n\nTerminals are numbered from 2 to 4. There is no Terminal 1.\n\n\
         Terminal 3: Delta, Frontier, United\n\nThe samples are kept in Building 31 at the \
         centre, and the ferry leaves from Pier 39.",
    );
    for name in ["Terminal 1", "Terminal 3", "Building 31", "Pier 39"] {
        let place = a.entity(Place, name);
        assert_eq!(a.mention_texts(place), [name]);
        assert!(place.geo.is_none(), "{name}: {:?}", place.geo);
    }
    // a number after another capitalised word stays a designation
    let a = Annotated::new("Launch\n\nApollo 11 landed in July, and Page 24 said so.");
    assert!(a.find(Place, "Apollo 11").is_none(), "{:?}", a.all_names());
}

#[test]
fn the_sun_the_moon_and_a_planet_after_a_preposition_are_places() {
    let a = Annotated::new(
        "Samples\n\nThe capsule landed back on Earth in January. An earlier probe brought a \
         sample from the Sun, and the next one will fly to Mars.",
    );
    for name in ["Earth", "Sun", "Mars"] {
        let place = a.entity(Place, name);
        assert!(place.geo.is_none(), "{name}: {:?}", place.geo);
    }
    // alone, the same words are people's names
    let a = Annotated::new("Concert\n\nBruno Mars sang, and Mars thanked the crowd.");
    assert!(a.find(Place, "Mars").is_none(), "{:?}", a.all_names());
}

#[test]
fn an_entry_under_a_heading_of_places_is_a_place() {
    // a travel guide's sections: each block under `Islands` or `Mosques`
    // opens with one (after a listing's number at most), a given name first
    // or not
    let guide = "Corvane\n\nCorvane is a group of islands in the sea.\n\nIslands\n\n\
                 Marta Quellen: the biggest island of the group.\n\n\
                 Lorvik: dry and cliffy, with a lighthouse.\n\n\
                 Mosques\n\n\
                 3 Hastvel Dorun (the old mosque). Built in 1602.\n\n\
                 Get in\n\n\
                 Tessa Brandl runs the only ferry, twice a week.";
    for name in ["Marta Quellen", "Lorvik", "Hastvel Dorun"] {
        let (kind, fired) = rules_alone(guide, name, "LISTED_UNDER_PLACE_HEADING");
        assert!(fired, "{name}");
        assert_eq!(kind.as_deref(), Some("place"), "{name}");
    }
    // the section ends at a heading of ordinary words
    let (kind, fired) = rules_alone(guide, "Tessa Brandl", "LISTED_UNDER_PLACE_HEADING");
    assert!(!fired);
    assert_eq!(kind.as_deref(), Some("person"));
    // a heading that names no places makes no entries
    let people = "Cast\n\nThe film has a small cast.\n\nActors\n\n\
                  Marta Quellen: the lead, in her first role.";
    let (kind, fired) = rules_alone(people, "Marta Quellen", "LISTED_UNDER_PLACE_HEADING");
    assert!(!fired);
    assert_eq!(kind.as_deref(), Some("person"));
}

#[test]
fn a_facility_named_before_its_head_and_of_is_a_place() {
    // the head after the words it is named by, then `of` (a given name
    // first does not make it someone)
    let text = "Art\n\nThe paintings hang in the Harlan Museum of Art, next to the river.";
    let (kind, fired) = rules_alone(text, "Harlan Museum of Art", "FACILITY_HEAD_FIRST");
    assert!(fired);
    assert_eq!(kind.as_deref(), Some("place"));
    // an organisation word before `of` that is no facility's head stays one
    let text = "Art\n\nThe grant came from the Harlan Foundation of Art, it said.";
    let (kind, fired) = rules_alone(text, "Harlan Foundation of Art", "FACILITY_HEAD_FIRST");
    assert!(!fired);
    assert_eq!(kind.as_deref(), Some("organization"));
}

#[test]
fn a_facility_head_of_two_words_alone_is_a_place() {
    let text = "Protest\n\nHundreds gathered outside City Hall on Monday.";
    let (kind, fired) = rules_alone(text, "City Hall", "FACILITY_HEAD");
    assert!(fired);
    assert_eq!(kind.as_deref(), Some("place"));
    // after a possessive the owner names it: the head alone is no name
    let text = "Show\n\nThe band played at Platt's Music Hall on Monday.";
    let (_, fired) = rules_alone(text, "Music Hall", "FACILITY_HEAD");
    assert!(!fired);
}

#[test]
fn fields_light_houses_and_reserves_are_places() {
    let a = Annotated::new(
        "Sights\n\nThe team plays at Brenmoor Field downtown. From the cliff you see \
         the Little Red Light House, and south of town lies the Quellen Scenic Reserve.",
    );
    for name in [
        "Brenmoor Field",
        "Little Red Light House",
        "Quellen Scenic Reserve",
    ] {
        a.entity(Place, name);
    }
}

#[test]
fn names_after_a_noun_of_places_are_places() {
    // right after `the islands`, or in the list that follows, a given name
    // first or not
    let text = "Tour\n\nFrom the ferry you see the islands Quessa, Mirela Tonvar and \
                La Dorvane, and later the province Vellmark Inferior.";
    for name in ["Quessa", "Mirela Tonvar", "La Dorvane", "Vellmark Inferior"] {
        let (kind, fired) = rules_alone(text, name, "AFTER_PLACE_NOUN");
        assert!(fired, "{name}");
        assert_eq!(kind.as_deref(), Some("place"), "{name}");
    }
    // not without the determiner, nor an organisation's word after the noun
    let text = "Vote\n\nThe city Council met, and city Mirela Tonvar said so.";
    for name in ["Council", "Mirela Tonvar"] {
        let (_, fired) = rules_alone(text, name, "AFTER_PLACE_NOUN");
        assert!(!fired, "{name}");
    }
}

#[test]
fn an_unknown_word_after_a_preposition_of_place_is_a_place() {
    let text = "Trip\n\nThe bus runs from Hadvelo to Qarnisk twice a day, and a ferry \
                leaves near Ostrevik.";
    for name in ["Hadvelo", "Qarnisk", "Ostrevik"] {
        let (kind, fired) = rules_alone(text, name, "UNKNOWN_AFTER_PLACE_PREPOSITION");
        assert!(fired, "{name}");
        assert_eq!(kind.as_deref(), Some("place"), "{name}");
    }
    // a workplace after `at`, a source after `according to`, an abstract
    // noun, the first word of a longer name
    for (text, name) in [
        (
            "Career\n\nHe went on teaching at Qarnisk for years.",
            "Qarnisk",
        ),
        (
            "Rank\n\nThe site is popular according to Qarnisk.",
            "Qarnisk",
        ),
        (
            "Belief\n\nShe converted to Vandelism as a girl.",
            "Vandelism",
        ),
        ("Trip\n\nShe stayed in Hadvelo Terme for a week.", "Hadvelo"),
    ] {
        let found = std::panic::catch_unwind(|| {
            rules_alone(text, name, "UNKNOWN_AFTER_PLACE_PREPOSITION").1
        });
        assert!(!found.unwrap_or(false), "{text}");
    }
}

#[test]
fn a_place_named_by_its_first_word_again_is_one_place() {
    let a = Annotated::new(
        "Trip\n\nThe meeting is held in Vastrano Terme, Trento, Italy. What will you \
         talk about here in Vastrano? Later we sail from Quellen Island to Ostrevik, \
         and back to Quellen.",
    );
    let place = a.entity(Place, "Vastrano Terme");
    assert_eq!(a.mention_texts(place), ["Vastrano Terme", "Vastrano"]);
    assert!(a.find(Place, "Vastrano").is_none(), "{:?}", a.all_names());
    // an island and the town named after it are two places
    let island = a.entity(Place, "Quellen Island");
    assert_eq!(a.mention_texts(island), ["Quellen Island"]);
}

#[test]
fn a_route_or_a_pair_of_words_is_no_picture_credit() {
    for (text, name) in [
        (
            "Get in\n\nThere are flights from Sana'a via Qarvelo twice a week.",
            "Qarvelo",
        ),
        (
            "By car\n\nFrom the Southwest / Varnholt take the turnpike.",
            "Varnholt",
        ),
    ] {
        let (kind, fired) = rules_alone(text, name, "PICTURE_CREDIT");
        assert!(!fired, "{text}");
        assert_ne!(kind.as_deref(), Some("organization"), "{text}");
    }
    // a credit still is one
    let text = "Harbour\n\nThe ferry left at dawn. Photo Dana Morel / Varnholt\n\nIt rained.";
    let (_, fired) = rules_alone(text, "Varnholt", "PICTURE_CREDIT_AT_LINE_END");
    assert!(fired);
}

#[test]
fn a_name_after_on_and_a_place_is_the_land_it_lies_on() {
    let text = "Get in\n\nA ferry runs from Marvik on Quessholm twice a day.";
    let (kind, fired) = rules_alone(text, "Quessholm", "PLACE_ON_PLACE");
    assert!(fired);
    assert_eq!(kind.as_deref(), Some("place"));
    // not a day, nor after a name that no preposition of place opens
    for (text, name) in [
        ("Trip\n\nShe flew to Marvik on Tuesday.", "Tuesday"),
        ("Talk\n\nWe met Dana Morel on Quessholm.", "Quessholm"),
    ] {
        let (_, fired) = rules_alone(text, name, "PLACE_ON_PLACE");
        assert!(!fired, "{text}");
    }
}

#[test]
fn a_country_named_with_and_is_one_place() {
    let a = Annotated::new(
        "Visas\n\nCitizens of Antigua and Barbuda, Bosnia and Herzegovina and Chile \
         need no visa.",
    );
    for name in ["Antigua and Barbuda", "Bosnia and Herzegovina", "Chile"] {
        let place = a.entity(Place, name);
        assert_eq!(a.mention_texts(place), [name]);
    }
    assert!(a.find(Place, "Barbuda").is_none(), "{:?}", a.all_names());
}
