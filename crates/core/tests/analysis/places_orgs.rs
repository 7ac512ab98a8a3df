//! Places and organisations: variants gathered, demonyms left out, small
//! places found from context, institutions kept whole.

use crate::common::Annotated;
use gloss_core::analysis::EntityKind::{Organization, Person, Place};

#[test]
fn variants_of_a_country_are_one_place() {
    let a = Annotated::new(
        "Trade\n\nThe United States and France signed. A U.S. official said the US would \
         comply, and French diplomats agreed.",
    );
    let us = a.entity(Place, "United States");
    assert_eq!(a.mention_texts(us), ["United States", "U.S.", "US"]);
    assert_eq!(
        us.geo.as_ref().and_then(|g| g.country_code.as_deref()),
        Some("US")
    );
    // `French` is an adjective, not a mention of France
    assert_eq!(a.mention_texts(a.entity(Place, "France")), ["France"]);
}

#[test]
fn demonyms_are_not_place_mentions() {
    let a = Annotated::new("Talks\n\nNorth Korean officials met South Koreans in Seoul.");
    assert_eq!(a.names(Place), ["Seoul"]);
}

#[test]
fn a_small_place_is_found_from_its_context() {
    let a = Annotated::new(
        "Inspections\n\nInspectors will visit the Hwangsong Ri nuclear test site next month, \
         and later its Dolmak enrichment facility.",
    );
    assert!(
        a.find(Place, "Hwangsong Ri").is_some(),
        "{:?}",
        a.all_names()
    );
    assert!(a.find(Place, "Dolmak").is_some(), "{:?}", a.all_names());
}

#[test]
fn places_in_x_based_compounds_and_districts() {
    let a = Annotated::new("Firms\n\nThe Seoul-based company opened an office in Lower Manhattan.");
    assert!(a.find(Place, "Seoul").is_some(), "{:?}", a.all_names());
    assert!(
        a.find(Place, "Lower Manhattan").is_some(),
        "{:?}",
        a.all_names()
    );
}

#[test]
fn institutions_keep_their_connectors_and_their_acronyms() {
    let a = Annotated::new(
        "Research\n\nShe studied at the Massachusetts Institute of Technology before MIT \
         hired her. The Department of Design and Construction and the Transportation \
         Department disagreed.",
    );
    let mit = a.entity(Organization, "Massachusetts Institute of Technology");
    assert_eq!(
        a.mention_texts(mit),
        ["Massachusetts Institute of Technology", "MIT"]
    );
    assert!(
        a.find(Organization, "Department of Design and Construction")
            .is_some(),
        "{:?}",
        a.all_names()
    );
    // named as the article writes it
    assert!(
        a.find(Organization, "Transportation Department").is_some(),
        "{:?}",
        a.all_names()
    );
}

#[test]
fn a_known_organisation_written_in_lowercase_is_found() {
    let a = Annotated::new(
        "Statement\n\nThe talks went well, a spokeswoman of the state department said.",
    );
    let sd = a.entity(Organization, "State Department");
    assert_eq!(a.mention_texts(sd), ["state department"]);
}

#[test]
fn a_state_before_a_party_member_is_a_place() {
    let a = Annotated::new("Debt\n\nSenator Mark Warner, a Virginia Democrat, objected.");
    assert!(a.find(Place, "Virginia").is_some(), "{:?}", a.all_names());
}

#[test]
fn other_languages_and_scripts_load_and_say_which_language_was_assumed() {
    for text in [
        "北京\n\n中国国家主席习近平周一在北京会见了来访的外国领导人。",
        "القاهرة\n\nقال الرئيس إن المحادثات كانت مثمرة.",
    ] {
        let a = Annotated::new(text);
        assert_eq!(a.doc.analysis.language, "und");
        for e in &a.doc.analysis.entities {
            for m in &e.mentions {
                assert!(a.text().is_char_boundary(m.start) && a.text().is_char_boundary(m.end));
            }
        }
    }
    assert_eq!(
        Annotated::new(
            "Title\n\nThe minister said that the plan was good for the city and its people."
        )
        .doc
        .analysis
        .language,
        "en"
    );
}

#[test]
fn a_name_used_with_island_or_province_elsewhere_is_that_place() {
    let a = Annotated::new(
        "Travel\n\nWe took the morning boat to Tarvoss Island. Tarvoss has two beaches, \
         and Tarvoss is quiet in winter, said the guide.",
    );
    assert!(a.find(Place, "Tarvoss").is_some(), "{:?}", a.all_names());
    assert!(
        a.find(gloss_core::analysis::EntityKind::Person, "Tarvoss")
            .is_none(),
        "{:?}",
        a.all_names()
    );
}

#[test]
fn the_first_words_of_an_organisation_name_used_alone_are_that_organisation() {
    let a = Annotated::new(
        "Campus\n\nShe studied at Glenmoor State University before teaching. \
         Glenmoor State gave her a medal last year.",
    );
    let names = a.all_names();
    assert!(
        !names
            .iter()
            .any(|(k, n)| *k != Organization && n == "Glenmoor State"),
        "{names:?}"
    );
}

#[test]
fn eras_and_events_are_not_organisations_or_places() {
    let a = Annotated::new(
        "History\n\nThe temple was built in 440 BC and rebuilt in 120 AD. The city hosted \
         the Summer Olympic Games after World War II, and WWII veterans marched.",
    );
    let names = a.all_names();
    for word in ["BC", "AD", "Summer Olympic Games", "World War II", "WWII"] {
        assert!(!names.iter().any(|(_, n)| n == word), "{word}: {names:?}");
    }
}

#[test]
fn an_administrative_division_of_a_name_is_a_place() {
    let a = Annotated::new(
        "Boundaries\n\nIn 1950 the island became the Municipality of Tarvana. Later the \
         City of Morlund grew, while the City of Morlund Council met rarely.",
    );
    assert!(
        a.find(Place, "Municipality of Tarvana").is_some(),
        "{:?}",
        a.all_names()
    );
    assert!(
        a.find(Place, "City of Morlund").is_some(),
        "{:?}",
        a.all_names()
    );
    // a council of the city is an organisation
    assert!(
        a.find(Organization, "City of Morlund Council").is_some(),
        "{:?}",
        a.all_names()
    );
}

#[test]
fn each_name_of_a_list_before_a_plural_place_noun_is_a_place() {
    let a = Annotated::new(
        "Walks\n\nWe strolled through the quiet Varenko and Tilsby districts, then met at \
         the corner of Orlan and Medwick (now Harlow) streets.",
    );
    for place in ["Varenko", "Tilsby", "Medwick"] {
        assert!(
            a.find(Place, place).is_some(),
            "{place}: {:?}",
            a.all_names()
        );
    }
}

#[test]
fn a_known_place_and_city_after_a_preposition_is_a_place() {
    let a = Annotated::new(
        "Assembly\n\nThe delegates gathered in Denver City that spring to draft a charter.",
    );
    assert!(
        a.find(Place, "Denver City").is_some(),
        "{:?}",
        a.all_names()
    );
    assert!(a.find(Organization, "Denver City").is_none());
}

#[test]
fn the_first_word_of_a_long_company_name_used_alone_is_that_company() {
    let a = Annotated::new(
        "Signs\n\nThe Halvorsen Motor Car Company opened a showroom in Detroit. \
         Two large Halvorsen signs soon lit the street.",
    );
    let names = a.all_names();
    assert!(
        !names.iter().any(|(k, n)| *k == Person && n == "Halvorsen"),
        "{names:?}"
    );
    let company = a.entity(Organization, "Halvorsen Motor Car Company");
    assert_eq!(
        a.mention_texts(company),
        ["Halvorsen Motor Car Company", "Halvorsen"]
    );
    // a family name of someone named in full stays that person's
    let b = Annotated::new(
        "Glass\n\nMarta Brampton founded the Brampton Glass Bottle Company in 1921. \
         Brampton later sold it to a rival.",
    );
    let people = b.names(Person);
    assert!(people.iter().any(|n| n == "Marta Brampton"), "{people:?}");
    let marta = b.entity(Person, "Marta Brampton");
    assert_eq!(b.mention_texts(marta), ["Marta Brampton", "Brampton"]);
}

#[test]
fn an_opening_word_set_in_capitals_is_no_name() {
    let a = Annotated::new(
        "Trade\n\nA HIGH-powered federal trade team has been doing the rounds of \
         regional newsrooms.",
    );
    let names = a.all_names();
    assert!(names.is_empty(), "{names:?}");
}

#[test]
fn a_title_case_headline_run_ending_in_a_function_word_is_no_name() {
    let a = Annotated::new(
        "As Costs Climb, the Council Will Soon Pay More on Rent Than on the Roads\n\n\
         The figures were published on Tuesday.",
    );
    let names = a.all_names();
    assert!(names.is_empty(), "{names:?}");
}

#[test]
fn an_agency_that_ends_a_picture_credit_is_an_organisation() {
    let a = Annotated::new(
        "Harbour\n\nThe ferry left the harbour at dawn.CreditDana Morel/EPA, via Ferrante\n\n\
         Passengers waited on the pier.",
    );
    assert!(a.find(Person, "Ferrante").is_none(), "{:?}", a.all_names());
    assert!(
        a.find(Organization, "Ferrante").is_some(),
        "{:?}",
        a.all_names()
    );
}

#[test]
fn a_time_zone_after_a_clock_time_is_no_name() {
    let a = Annotated::new(
        "Schedule\n\nUpdated 4:15 PM ET\n\nThe launch is set for 9 a.m. EST on Friday, \
         and the briefing for 14:30 GMT, said Nora Vance.",
    );
    for zone in ["ET", "EST", "GMT"] {
        for kind in [Person, Organization, Place] {
            assert!(a.find(kind, zone).is_none(), "{zone}: {:?}", a.all_names());
        }
    }
    assert!(
        a.find(Person, "Nora Vance").is_some(),
        "{:?}",
        a.all_names()
    );
}

#[test]
fn a_small_place_name_listed_with_an_organisation_is_an_organisation() {
    let a = Annotated::new(
        "Mergers\n\nOn Monday, lawyers for Granite Holdings and Kingsport met the regulator. \
         Talks between Kingsport and the Meridian Broadcasting Network broke down, while \
         Granite Holdings and Brazil signed a deal.",
    );
    assert!(
        a.find(Organization, "Kingsport").is_some(),
        "{:?}",
        a.all_names()
    );
    assert!(a.find(Place, "Kingsport").is_none(), "{:?}", a.all_names());
    // a country stays a place
    assert!(a.find(Place, "Brazil").is_some(), "{:?}", a.all_names());
}

#[test]
fn a_town_that_names_a_university_is_the_town_after_in() {
    let a = Annotated::new(
        "Firms\n\nShe founded a small software company in Princeton in 1982. He runs a \
         bakery in Princeton, where he grew up.",
    );
    assert!(a.find(Place, "Princeton").is_some(), "{:?}", a.all_names());
    assert!(
        a.find(Organization, "Princeton").is_none(),
        "{:?}",
        a.all_names()
    );
    // where no preposition of place says so, the university it stays
    let b = Annotated::new("Degrees\n\nShe graduated from Princeton with a degree in physics.");
    assert!(
        b.find(Organization, "Princeton").is_some(),
        "{:?}",
        b.all_names()
    );
}

#[test]
fn the_fields_a_program_is_named_after_are_no_names_alone() {
    let a = Annotated::new(
        "Teaching\n\nShe now directs the Religion, Media and Culture program at a state \
         college. He visited Oslo, Bergen and Tromso last year.",
    );
    for word in ["Religion", "Media", "Culture"] {
        assert!(
            a.all_names().iter().all(|(_, n)| n != word),
            "{word}: {:?}",
            a.all_names()
        );
    }
    // a list that no unit's noun ends keeps its names
    assert!(a.find(Place, "Oslo").is_some(), "{:?}", a.all_names());
}

#[test]
fn an_unknown_word_after_the_is_an_institution_unless_plural() {
    let a = Annotated::new(
        "Council\n\nLast spring the Skovrand appointed Mira Lund to lead the inquiry. Today \
         the Oruvans remain the largest group on the island.",
    );
    assert!(
        a.find(Organization, "Skovrand").is_some(),
        "{:?}",
        a.all_names()
    );
    assert!(a.find(Person, "Skovrand").is_none(), "{:?}", a.all_names());
    assert!(a.find(Person, "Mira Lund").is_some(), "{:?}", a.all_names());
    // a plural is a family or a people, not an institution
    assert!(
        a.find(Organization, "Oruvans").is_none(),
        "{:?}",
        a.all_names()
    );
}

#[test]
fn a_name_after_the_kind_of_organisation_it_names_is_an_organisation() {
    let a = Annotated::new(
        "Science\n\nThe results were published on Tuesday in the journal Modern Botany. \
         Later the company Marrow Teal hired Dana Ruiz, and the company John Harlow \
         founded grew. The report appeared in the magazine Open Road.",
    );
    for name in ["Modern Botany", "Marrow Teal", "Open Road"] {
        assert!(
            a.find(Organization, name).is_some(),
            "{name}: {:?}",
            a.all_names()
        );
    }
    // a person's name after the noun stays a person's
    assert!(
        a.find(Person, "John Harlow").is_some(),
        "{:?}",
        a.all_names()
    );
    assert!(a.find(Person, "Dana Ruiz").is_some(), "{:?}", a.all_names());
}

#[test]
fn a_legal_form_alone_is_no_organisation() {
    let a = Annotated::new(
        "Hearing\n\nFor the appellant, Marlow Freight Corporation, Inc.: Julia Moss, Devin \
         Park. For the respondent, Teller Holdings, Inc.: Ana Ruiz.",
    );
    assert!(
        a.find(Organization, "Marlow Freight Corporation").is_some(),
        "{:?}",
        a.all_names()
    );
    assert!(
        a.all_names().iter().all(|(_, n)| n != "Inc."),
        "{:?}",
        a.all_names()
    );
}

#[test]
fn a_list_before_a_plural_place_noun_makes_even_a_sentence_initial_word_a_place() {
    let a = Annotated::new(
        "Trails\n\nThe trail climbs for an hour. Mirror and Kalamit lakes are both clear and cold.",
    );
    assert!(a.find(Place, "Mirror").is_some(), "{:?}", a.all_names());
    assert!(a.find(Place, "Kalamit").is_some(), "{:?}", a.all_names());
}

#[test]
fn a_callers_overlay_teaches_the_lexicon_a_legal_form() {
    use gloss_core::analysis::lexicon::{Lexicon, Overlay};
    use gloss_core::analysis::{Parts, analyze_with, analyze_with_lexicon};
    let article = gloss_core::article::clean(
        "Merger talks\n\nVexor Holdings said on Monday that its profits fell. The Sarl said it would cut jobs.",
        &gloss_core::article::CleanOptions::default(),
    );
    let names = |a: &gloss_core::Analysis| -> Vec<String> {
        a.entities.iter().map(|e| e.name.clone()).collect()
    };
    let plain = analyze_with(&article, Parts::default());
    let overlay = Overlay {
        lists: vec![("legal_forms".into(), vec!["Sarl".into()])],
        ..Overlay::default()
    };
    let lex = Lexicon::with_overlay(&overlay).expect("known list");
    let taught = analyze_with_lexicon(&article, Parts::default(), &lex);
    assert!(
        names(&plain).iter().any(|n| n == "Sarl"),
        "{:?}",
        names(&plain)
    );
    assert!(
        !names(&taught).iter().any(|n| n == "Sarl"),
        "{:?}",
        names(&taught)
    );
    let unknown = Overlay {
        lists: vec![("no_such_list".into(), vec!["x".into()])],
        ..Overlay::default()
    };
    let err = Lexicon::with_overlay(&unknown)
        .err()
        .expect("unknown list refused");
    assert!(err.to_string().contains("no_such_list"), "{err}");
}

#[test]
fn a_determiner_and_a_common_noun_in_lowercase_are_no_newspaper() {
    // `The Hill` and `The Verge` are known outlets; `the hill` and `the
    // verge` are a hill and a verge
    let a = Annotated::new(
        "Walks\n\nThe old town was built around the hill of the castle. The ruler was on the \
         verge of defeat.",
    );
    assert_eq!(a.count(Organization), 0, "{:?}", a.all_names());
    // a known name of two lowercase words with no determiner is still found
    let a = Annotated::new("Talks\n\nA spokeswoman of the state department said so.");
    assert!(
        a.find(Organization, "State Department").is_some(),
        "{:?}",
        a.all_names()
    );
}

#[test]
fn an_acronym_brought_in_for_lowercase_words_is_a_term_not_an_organisation() {
    let a = Annotated::new(
        "Methods\n\nThe probe measures the deep brine turbidity (DBT) twice a day. \
         DBT rises in winter, and the DBT readings are sent to the Quarrow Institute.",
    );
    assert!(a.find(Organization, "DBT").is_none(), "{:?}", a.all_names());
    assert!(
        a.find(Organization, "Quarrow Institute").is_some(),
        "{:?}",
        a.all_names()
    );
}

#[test]
fn a_team_is_named_by_its_place_and_a_plural_or_by_a_match() {
    let a = Annotated::new(
        "Late rally\n\nThe Houston Skylarks edged the Tampa Bay Marlinos on Sunday. \
         Earlier, the Vantors beat the Quillers at home.",
    );
    for team in [
        "Houston Skylarks",
        "Tampa Bay Marlinos",
        "Vantors",
        "Quillers",
    ] {
        assert!(
            a.find(Organization, team).is_some(),
            "{team}: {:?}",
            a.all_names()
        );
        assert!(
            a.find(Person, team).is_none(),
            "{team}: {:?}",
            a.all_names()
        );
    }
}

#[test]
fn a_country_on_a_side_of_a_match_is_its_team_and_stays_a_place_in_talks() {
    let a = Annotated::new(
        "Group F\n\nSweden defeated South Korea 1 \u{2013} 0; Belgium beat debutants Panama \
         3 \u{2013} 0; and Tunisia lost 1 \u{2013} 2 to England. Fans in Stockholm cheered.\n\n\
         Elsewhere, Russia faces Ukraine over the gas deal, and China hosted Japan for talks.",
    );
    for team in [
        "Sweden",
        "South Korea",
        "Belgium",
        "Panama",
        "Tunisia",
        "England",
    ] {
        assert!(
            a.find(Organization, team).is_some(),
            "{team}: {:?}",
            a.all_names()
        );
    }
    // a verb said of countries too needs a score to make a match
    for place in ["Stockholm", "Russia", "Ukraine", "China", "Japan"] {
        assert!(
            a.find(Place, place).is_some(),
            "{place}: {:?}",
            a.all_names()
        );
    }
}

#[test]
fn a_known_organisation_before_ordinary_words_is_that_organisation() {
    let a = Annotated::new(
        "Old town\n\nThe square is a UNESCO World Heritage Site, and pupils from the \
         town won at the Google Science Fair.",
    );
    assert!(
        a.find(Organization, "UNESCO").is_some(),
        "{:?}",
        a.all_names()
    );
    assert!(
        a.find(Organization, "Google").is_some(),
        "{:?}",
        a.all_names()
    );
}

#[test]
fn companies_and_publications_named_alone_are_organisations() {
    let a = Annotated::new(
        "Prices\n\nShoppers left Tesco for Aldi and Lidl last year, Wikinews reported, \
         and Nokia cut its prices.",
    );
    for org in ["Tesco", "Aldi", "Lidl", "Wikinews", "Nokia"] {
        assert!(
            a.find(Organization, org).is_some(),
            "{org}: {:?}",
            a.all_names()
        );
        assert!(a.find(Person, org).is_none(), "{org}: {:?}", a.all_names());
        assert!(a.find(Place, org).is_none(), "{org}: {:?}", a.all_names());
    }
}

#[test]
fn a_country_that_acts_is_its_government_and_stays_a_place_where_things_happen() {
    let a = Annotated::new(
        "Border tension\n\nYesterday, Moldova fired warning shots across the river. \
         Moldova later warned that it would respond within days. Farmers in Romania \
         said they heard the shots, and tourists still flock to Portugal.",
    );
    assert!(
        a.find(Organization, "Moldova").is_some(),
        "{:?}",
        a.all_names()
    );
    assert!(a.find(Place, "Moldova").is_none(), "{:?}", a.all_names());
    // after a preposition (`in Romania said`) or a place where things happen
    for place in ["Romania", "Portugal"] {
        assert!(
            a.find(Place, place).is_some(),
            "{place}: {:?}",
            a.all_names()
        );
    }
}

#[test]
fn a_country_that_acts_once_among_many_mentions_stays_a_place() {
    let a = Annotated::new(
        "Summit\n\nThe leaders met in Peru on Monday. Peru has long hosted such talks, \
         and delegates flew to Peru from every region. Peru said the talks went well. \
         Hotels across Peru were full.",
    );
    assert!(a.find(Place, "Peru").is_some(), "{:?}", a.all_names());
    assert!(
        a.find(Organization, "Peru").is_none(),
        "{:?}",
        a.all_names()
    );
}

#[test]
fn countries_listed_together_are_no_subject_and_another_name_follows_the_state() {
    // one of a list of places before the verb: no government acting
    let a = Annotated::new(
        "Treaty\n\nDelegates from Sweden, Belgium and Norway signed the treaty in Geneva.",
    );
    for place in ["Sweden", "Belgium", "Norway"] {
        assert!(
            a.find(Place, place).is_some(),
            "{place}: {:?}",
            a.all_names()
        );
    }
    // `DPRK`, another name of a country that acts, is that organisation too
    let b = Annotated::new(
        "Shelling\n\nNorth Korea fired artillery rounds at the border. Later, North Korea \
         stated it would attack again, and the DPRK issued a warning.",
    );
    let state = b.entity(Organization, "North Korea");
    assert!(
        b.mention_texts(state).contains(&"DPRK"),
        "{:?}",
        b.all_names()
    );
    assert!(
        b.find(Place, "North Korea").is_none(),
        "{:?}",
        b.all_names()
    );
}

#[test]
fn a_place_in_a_sentence_about_a_game_is_its_team() {
    let a = Annotated::new(
        "Cup tie\n\nSlovenia had more possession in the first half of the game. A penalty \
         in the 70th minute gave Slovenia the lead, and Slovenia's goalkeeper saved two \
         headers. Fans in Ljubljana celebrated the goal.",
    );
    assert!(
        a.find(Organization, "Slovenia").is_some(),
        "{:?}",
        a.all_names()
    );
    assert!(a.find(Place, "Slovenia").is_none(), "{:?}", a.all_names());
    // after a preposition of place it stays the place
    assert!(a.find(Place, "Ljubljana").is_some(), "{:?}", a.all_names());
    // a player plays for a place's team: `debuted for`, `games with`
    let b = Annotated::new(
        "Career\n\nRivera spent the spring in the minors. He debuted for Denver in May, \
         after hitting .310 in 60 games with Tucson.",
    );
    for team in ["Denver", "Tucson"] {
        assert!(
            b.find(Organization, team).is_some(),
            "{team}: {:?}",
            b.all_names()
        );
        assert!(b.find(Place, team).is_none(), "{team}: {:?}", b.all_names());
    }
}

#[test]
fn a_capital_that_speaks_is_the_government_and_one_lived_in_is_the_city() {
    let a = Annotated::new(
        "Tariffs\n\nWashington warned Beijing on Monday that new tariffs were coming. \
         Washington said the talks had failed.",
    );
    assert!(
        a.find(Organization, "Washington").is_some(),
        "{:?}",
        a.all_names()
    );
    assert!(a.find(Place, "Beijing").is_some(), "{:?}", a.all_names());
    let b = Annotated::new(
        "Commute\n\nShe has lived in Washington for ten years and still walks to work \
         in Washington.",
    );
    assert!(b.find(Place, "Washington").is_some(), "{:?}", b.all_names());
    assert!(
        b.find(Organization, "Washington").is_none(),
        "{:?}",
        b.all_names()
    );
}
