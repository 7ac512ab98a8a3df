use super::*;

fn lex() -> &'static Lexicon {
    get()
}

#[test]
fn census_given_names_have_frequencies_and_sexes() {
    let james = lex()
        .given_name_sexes("James")
        .expect("James is a given name");
    assert!(james.male > 3.0 && james.female < 0.1);
    let mary = lex().given_name_sexes("MARY").expect("any case");
    assert!(mary.female_share() > 0.95);
    assert!(lex().given_name("james") > lex().given_name("Ezekiel"));
    assert_eq!(lex().given_name("Table"), None);
}

#[test]
fn international_given_names_complement_the_census() {
    for name in [
        "Ngozi",
        "Shinzo",
        "Volodymyr",
        "Jae-in",
        "Narendra",
        "Emmanuel",
    ] {
        assert!(lex().given_name(name).is_some(), "{name}");
    }
}

#[test]
fn surnames_come_with_frequencies() {
    let smith = lex().surname("Smith").expect("Smith");
    let lang = lex().surname("Zwiebel").unwrap_or(0.0);
    assert!(smith > 0.9 && smith > lang);
    assert!(lex().surname("Okonjo-Iweala").is_some());
    assert!(lex().surname("Le Pen").is_some());
    assert_eq!(lex().surname("Xqzt"), None);
}

#[test]
fn family_name_first_surnames_by_tradition() {
    assert_eq!(lex().family_first("Moon"), [Tradition::Korean]);
    assert!(lex().family_first("Kim").contains(&Tradition::Korean));
    assert!(lex().family_first("Xi").contains(&Tradition::Chinese));
    assert!(
        lex()
            .family_first("Nguyen")
            .contains(&Tradition::Vietnamese)
    );
    assert!(lex().family_first("Yang").len() >= 2);
    assert!(lex().family_first("Trudeau").is_empty());
}

#[test]
fn titles_match_the_longest_phrase_in_any_case() {
    let (n, t) = lex()
        .title_at(&["Secretary", "of", "State", "Michael"])
        .expect("title");
    assert_eq!(n, 3);
    assert!(t.is(TitleKind::Political));
    assert_eq!(
        lex().title_at(&["Lt.", "Col.", "Smith"]).map(|(n, _)| n),
        Some(2)
    );
    assert!(lex().title("spokeswoman").is_some());
    assert!(lex().title("Sen.").unwrap().is(TitleKind::Political));
    assert!(lex().title("Mr.").unwrap().is_only_honorific());
    assert!(lex().title("Minister of").unwrap().takes_object);
    assert!(lex().title("chief executive").unwrap().is(TitleKind::Job));
    assert_eq!(lex().title("Table"), None);
}

#[test]
fn org_cues_and_known_organizations_match_as_written() {
    assert_eq!(
        lex().org_cue("Department").map(|c| c.category),
        Some("government")
    );
    assert_eq!(
        lex().org_cue("Inc.").map(|c| c.position),
        Some(CuePosition::Last)
    );
    assert_eq!(
        lex().org_cue("department"),
        None,
        "cues are capitalised words"
    );
    let who = lex().organization("WHO").expect("WHO");
    assert_eq!(who.name, "World Health Organization");
    assert!(who.by_alias);
    assert_eq!(lex().organization("who"), None);
    let (n, wh) = lex()
        .organization_at(&["White", "House", "said"])
        .expect("White House");
    assert_eq!((n, wh.category), (2, "government"));
    assert_eq!(
        lex()
            .organization_at(&["People", "\u{2019}s", "Daily"])
            .map(|(n, _)| n),
        Some(3)
    );
}

/// Ordinary words, none the last word of a title, for the set of such
/// words to rule out.
const ORDINARY_WORDS: &[&str] = &[
    "about",
    "after",
    "again",
    "because",
    "before",
    "between",
    "could",
    "during",
    "every",
    "first",
    "found",
    "great",
    "house",
    "little",
    "might",
    "never",
    "often",
    "other",
    "people",
    "place",
    "right",
    "said",
    "should",
    "small",
    "something",
    "still",
    "their",
    "there",
    "these",
    "thing",
    "think",
    "three",
    "under",
    "until",
    "water",
    "where",
    "which",
    "while",
    "without",
    "world",
    "would",
    "years",
    "young",
];

#[test]
fn the_set_of_title_endings_misses_none_and_rules_out_most_words() {
    let lex = lex();
    // the last word of every title, in any case, passes
    let mut titles = 0;
    for key in lex.titles.titles.phrases() {
        titles += 1;
        let last = key.rsplit(' ').next().unwrap_or(key);
        assert!(lex.title_may_end(last), "{key}");
        assert!(lex.title_may_end(&last.to_ascii_uppercase()), "{key}");
    }
    assert!(titles > 100, "{titles}");
    assert!(lex.title_may_end("leader") && lex.title_at(&["leader"]).is_some());
    let words = ORDINARY_WORDS;
    let passing = words.iter().filter(|w| lex.title_may_end(w)).count();
    assert!(passing * 4 < words.len(), "{passing} of {}", words.len());
    for w in words.iter().filter(|w| !lex.title_may_end(w)) {
        assert!(lex.title_at(&[w]).is_none(), "{w}");
    }
}

#[test]
fn places_prefer_countries_then_capitals_then_big_cities() {
    let paris = lex().place("Paris").expect("Paris");
    assert_eq!(
        (paris.place.feature, paris.place.country_code),
        (Feature::Capital, Some("FR"))
    );
    assert!(lex().places("Paris").len() >= 2, "Paris, Texas too");
    let georgia = lex().place("Georgia").expect("Georgia");
    assert_eq!(georgia.place.feature, Feature::Country);
    let washington = lex().place("Washington").expect("Washington");
    assert_eq!(
        (washington.place.feature, washington.place.country_code),
        (Feature::Capital, Some("US"))
    );
    let pyongyang = lex().place("Pyongyang").expect("Pyongyang");
    assert!(pyongyang.place.population > 1_000_000);
    assert!((pyongyang.place.lat - 39.0).abs() < 1.0);
}

#[test]
fn aliases_variants_and_case() {
    for alias in ["US", "U.S.", "USA", "United States", "America"] {
        assert_eq!(
            lex().place(alias).map(|m| m.place.name),
            Some("United States"),
            "{alias}"
        );
    }
    for alias in ["UK", "U.K.", "Britain"] {
        assert_eq!(
            lex().place(alias).map(|m| m.place.name),
            Some("United Kingdom"),
            "{alias}"
        );
    }
    assert_eq!(
        lex().place("the Netherlands").map(|m| m.place.name),
        Some("Netherlands")
    );
    assert_eq!(lex().place("us"), None, "the pronoun is no place");
    assert!(!lex().places_any_case("us").is_empty());
    assert_eq!(
        lex().place("NEW YORK CITY").map(|m| m.place.name),
        Some("New York City")
    );
    assert_eq!(lex().place("Bombay").map(|m| m.place.name), Some("Mumbai"));
}

#[test]
fn regions_and_features_a_news_reader_meets() {
    for (name, feature) in [
        ("Korean Peninsula", Feature::Peninsula),
        ("Middle East", Feature::Region),
        ("Pacific Ocean", Feature::Ocean),
        ("Balkans", Feature::Region),
        ("Europe", Feature::Continent),
        ("Texas", Feature::State),
        ("Queensland", Feature::State),
    ] {
        assert_eq!(
            lex().place(name).map(|m| m.place.feature),
            Some(feature),
            "{name}"
        );
    }
    assert_eq!(
        lex().place("Gulf").map(|m| m.place.name),
        None,
        "a bare Gulf is too vague"
    );
    assert_eq!(
        lex()
            .place_at(&["South", "China", "Sea", "tensions"])
            .map(|(n, _)| n),
        Some(3)
    );
}

#[test]
fn demonyms_point_to_places_but_are_not_place_names() {
    assert_eq!(
        lex().demonym("North Korean").map(|p| p.name),
        Some("North Korea")
    );
    assert_eq!(
        lex().demonym("North Koreans").map(|p| p.name),
        Some("North Korea")
    );
    assert_eq!(lex().demonym("French").map(|p| p.name), Some("France"));
    assert_eq!(lex().demonym("Frenchmen").map(|p| p.name), Some("France"));
    assert_eq!(
        lex().demonym("Americans").map(|p| p.name),
        Some("United States")
    );
    assert_eq!(lex().demonym("FRENCH").map(|p| p.name), Some("France"));
    assert_eq!(lex().place("North Korean"), None);
    assert_eq!(lex().demonym("french"), None);
}

#[test]
fn place_names_that_are_common_words_are_flagged() {
    for name in ["Nice", "Split", "Bath", "Mobile", "Of", "Man"] {
        assert!(lex().place(name).is_some(), "{name} is in the gazetteer");
        assert!(lex().place_is_common_word(name), "{name} is also a word");
    }
    assert!(!lex().place_is_common_word("Pyongyang"));
    assert!(
        lex().given_name("Florence").is_some(),
        "Florence is a given name too"
    );
}

#[test]
fn calendar_words_with_abbreviations() {
    let dec = lex().calendar("Dec.").expect("Dec.");
    assert_eq!((dec.kind, dec.canonical), (CalendarKind::Month, "December"));
    assert_eq!(
        lex().calendar("Sunday").map(|c| c.kind),
        Some(CalendarKind::Weekday)
    );
    assert!(lex().calendar("May").unwrap().ambiguous);
    assert_eq!(lex().calendar("may"), None);
    assert_eq!(
        lex()
            .calendar_at(&["New", "Year", "'s", "Eve"])
            .map(|(n, _)| n),
        Some(3)
    );
}

#[test]
fn common_words_have_tiers_and_counts() {
    let the = lex().common_word("The").expect("the");
    assert_eq!(the.tier, 1);
    assert!(the.gum_count > 1000);
    assert!(lex().common_word("however").unwrap().is_common());
    assert_eq!(lex().common_word("Pyongyang"), None);
    assert_eq!(
        lex().common_word("paris"),
        None,
        "SCOWL writes Paris capitalised: a name"
    );
}

#[test]
fn tables_are_all_there() {
    let s = lex().sizes();
    assert!(s.given_names > 6_000 && s.surnames > 88_000, "{s:?}");
    assert!(
        s.places > 34_000 && s.place_names > 45_000 && s.demonyms > 200,
        "{s:?}"
    );
    assert!(
        s.titles > 300 && s.org_cues > 200 && s.organizations > 500,
        "{s:?}"
    );
    assert!(
        s.words > 100_000 && s.calendar > 50 && s.family_first > 150,
        "{s:?}"
    );
}
