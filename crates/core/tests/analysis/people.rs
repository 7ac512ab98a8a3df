//! People: what the People & organisations pane lists for small, realistic
//! texts. The names are invented or rare on purpose: the analysis must not
//! depend on knowing them.

use crate::common::Annotated;
use gloss_core::analysis::EntityKind::{Organization, Person, Place};

#[test]
fn a_full_name_and_its_family_name_alone_are_one_person() {
    let a = Annotated::new(
        "Talks resume\n\nForeign Minister Adaeze Okonkwo-Bello arrived on Tuesday. \
         Okonkwo-Bello said the talks would resume. Later, Okonkwo-Bello's aides left.",
    );
    let p = a.entity(Person, "Adaeze Okonkwo-Bello");
    assert_eq!(
        a.mention_texts(p),
        ["Adaeze Okonkwo-Bello", "Okonkwo-Bello", "Okonkwo-Bello"]
    );
    assert!(
        a.roles(p).iter().any(|r| r == "Foreign Minister"),
        "{:?}",
        a.roles(p)
    );
    assert_eq!(a.count(Person), 1);
}

#[test]
fn titles_and_possessives_stay_outside_the_mention() {
    let a = Annotated::new(
        "Visit\n\nPresident Maris Vantreeck met reporters. President Vantreeck\u{2019}s office \
         confirmed the visit.",
    );
    let p = a.entity(Person, "Maris Vantreeck");
    assert_eq!(a.mention_texts(p), ["Maris Vantreeck", "Vantreeck"]);
}

#[test]
fn family_name_first_names_are_found_by_their_family_name() {
    let a = Annotated::new(
        "Summit\n\nSouth Korean President Moon Jae-in met Kim Jong Un in the capital. \
         Moon said the meeting went well, and Kim agreed.",
    );
    let moon = a.entity(Person, "Moon Jae-in");
    assert_eq!(a.mention_texts(moon), ["Moon Jae-in", "Moon"]);
    assert!(a.roles(moon).iter().any(|r| r == "South Korean President"));
    let kim = a.entity(Person, "Kim Jong Un");
    assert_eq!(a.mention_texts(kim), ["Kim Jong Un", "Kim"]);
}

#[test]
fn a_bare_shared_family_name_goes_to_the_most_prominent_bearer() {
    let a = Annotated::new(
        "Kim Jong Un hopes for talks\n\nKim Jong Un met envoys. Kim Yo Sun, his aide, \
         was there. Kim Tae Ho joined later. Kim said the talks went well.",
    );
    let leader = a.entity(Person, "Kim Jong Un");
    assert_eq!(
        a.mention_texts(leader).len(),
        3,
        "{:?}",
        a.mention_texts(leader)
    );
    assert_eq!(
        a.mention_texts(a.entity(Person, "Kim Yo Sun")),
        ["Kim Yo Sun"]
    );
    assert_eq!(
        a.mention_texts(a.entity(Person, "Kim Tae Ho")),
        ["Kim Tae Ho"]
    );
}

#[test]
fn hyphenated_compounds_mention_each_person() {
    let a = Annotated::new(
        "Summit\n\nDonald Trump and Kim Jong Un met. The Trump-Kim summit ended early.",
    );
    assert_eq!(
        a.mention_texts(a.entity(Person, "Donald Trump")),
        ["Donald Trump", "Trump"]
    );
    assert_eq!(
        a.mention_texts(a.entity(Person, "Kim Jong Un")),
        ["Kim Jong Un", "Kim"]
    );
}

#[test]
fn weekdays_months_and_sentence_starts_are_not_names() {
    let a = Annotated::new(
        "News\n\nDespite the rain, Mayor Ines Hallgrimsdottir spoke on Sunday in December. \
         Shortly after, she left.",
    );
    assert_eq!(a.names(Person), ["Ines Hallgrimsdottir"]);
    assert!(a.names(Place).is_empty(), "{:?}", a.names(Place));
    assert!(
        a.names(Organization).is_empty(),
        "{:?}",
        a.names(Organization)
    );
}

#[test]
fn people_who_share_a_family_name_stay_apart() {
    let a = Annotated::new(
        "Family\n\nJohn Gallardo, a physicist, married Ellen Gallardo in 1963. Their daughter, \
         Sarah Gallardo, studied at the university.",
    );
    assert_eq!(a.count(Person), 3, "{:?}", a.names(Person));
}

#[test]
fn a_speaker_introduced_by_a_verb_of_saying_is_a_person() {
    let a = Annotated::new(
        "Winter\n\n\u{201c}It gets worse every year,\u{201d} said Tasos Pertsinidis, a district \
         engineer. Mr. Pertsinidis has worked there for years.",
    );
    let p = a.entity(Person, "Tasos Pertsinidis");
    assert_eq!(a.mention_texts(p), ["Tasos Pertsinidis", "Pertsinidis"]);
}

#[test]
fn a_person_s_name_that_is_also_a_town_stays_a_person() {
    let a = Annotated::new(
        "Programmers\n\nMargaret Hamilton arrived in 1959. Hamilton had no training in \
         programming. Later, Hamilton led a team.",
    );
    let p = a.entity(Person, "Margaret Hamilton");
    assert_eq!(a.mention_texts(p).len(), 3);
    assert!(a.names(Place).is_empty(), "{:?}", a.names(Place));
}

#[test]
fn single_names_known_from_their_context() {
    let a = Annotated::new(
        "History\n\nThe legend says that the King of Athens, Thalomir unified the tribes. \
         Later the council appointed Vendrax to draft a law code.",
    );
    assert!(a.find(Person, "Thalomir").is_some(), "{:?}", a.all_names());
    assert!(a.find(Person, "Vendrax").is_some(), "{:?}", a.all_names());
}

#[test]
fn an_initial_without_a_period_still_marks_a_name_but_initials_alone_do_not() {
    let a = Annotated::new(
        "Interview\n\nWe spoke to R Subramanyan about the storm. He moved to S. F., Cal. in 1849.",
    );
    assert_eq!(a.names(Person), ["R Subramanyan"]);
}

#[test]
fn a_title_used_alone_refers_to_the_one_person_who_holds_it() {
    let a = Annotated::new(
        "Visit\n\nSecretary of State Anneliese Vorbruck landed on Sunday. Shortly after the \
         Secretary of State left, the talks began.",
    );
    let p = a.entity(Person, "Anneliese Vorbruck");
    assert_eq!(
        a.mention_texts(p),
        ["Anneliese Vorbruck", "Secretary of State"]
    );
    assert_eq!(a.count(Person), 1, "{:?}", a.all_names());
}

#[test]
fn a_place_glued_to_a_full_name_is_two_names() {
    // an affiliation line: institution, country, then the next author
    let a = Annotated::new(
        "Authors\n\nThe authors are Jan Verhoef, Technische Hogeschool Delft, the Netherlands Marieke \
         Oosterbroek, Rijksmuseum Twenthe. Oosterbroek wrote the second part.",
    );
    assert!(
        a.find(Person, "Marieke Oosterbroek").is_some(),
        "{:?}",
        a.all_names()
    );
    assert!(
        a.find(Place, "Netherlands").is_some(),
        "{:?}",
        a.all_names()
    );
    // an organisation named in another language is still one
    assert!(
        a.find(Organization, "Technische Hogeschool Delft")
            .is_some(),
        "{:?}",
        a.all_names()
    );
    assert_eq!(a.count(Person), 2, "{:?}", a.all_names());
}

#[test]
fn a_hyphenated_military_title_and_a_party_to_a_case() {
    let a = Annotated::new(
        "Orders\n\nThe court heard Harwell versus Ohio. We order Lieutenant-Colonel \
         Brannagh to report. Cards for Valentine\u{2019}s Day sold out.",
    );
    assert!(a.find(Person, "Harwell").is_some(), "{:?}", a.all_names());
    assert!(a.find(Place, "Ohio").is_some(), "{:?}", a.all_names());
    let b = a.entity(Person, "Brannagh");
    assert!(
        a.roles(b).iter().any(|r| r == "Lieutenant-Colonel"),
        "{:?}",
        a.roles(b)
    );
    // a holiday is nobody
    assert_eq!(a.count(Person), 2, "{:?}", a.all_names());
}

#[test]
fn a_storm_and_its_name_used_alone_are_no_one() {
    let a = Annotated::new(
        "Storm\n\nHurricane Odalys reached the coast on Friday. By evening Odalys had \
         weakened, and forecasters said T S Odalys would pass by Sunday.",
    );
    let names = a.all_names();
    assert!(names.is_empty(), "{names:?}");
}

#[test]
fn an_ordinary_word_with_a_capital_between_lowercase_words_is_no_one() {
    let a = Annotated::new(
        "Lights\n\nThe signs let small cities see their streets with the glamour of major \
         Western capitals at night.",
    );
    let names = a.all_names();
    assert!(names.is_empty(), "{names:?}");
}

#[test]
fn an_oath_that_opens_a_quotation_is_no_one() {
    let a = Annotated::new(
        "Archive\n\n\u{201c}Jesus \u{2026} where did this come from?\u{201d} Mara Quint \
         asked. \u{201c}God! It was here all along.\u{201d}",
    );
    assert!(a.find(Person, "Jesus").is_none(), "{:?}", a.all_names());
    assert!(a.find(Person, "God").is_none(), "{:?}", a.all_names());
    assert!(
        a.find(Person, "Mara Quint").is_some(),
        "{:?}",
        a.all_names()
    );
}

#[test]
fn the_land_in_a_peers_title_is_a_place_not_a_person() {
    let a = Annotated::new(
        "Peers\n\nHe wrote to John Carrow, 3rd Earl of Tamsworth, in May. Later the Duke of \
         Norland visited.",
    );
    assert!(
        a.find(Person, "John Carrow").is_some(),
        "{:?}",
        a.all_names()
    );
    assert!(a.find(Person, "Tamsworth").is_none(), "{:?}", a.all_names());
    assert!(a.find(Place, "Tamsworth").is_some(), "{:?}", a.all_names());
    assert_eq!(a.count(Person), 1, "{:?}", a.all_names());
}

#[test]
fn a_misspelt_family_name_after_an_honorific_is_the_person_named_in_full() {
    let a = Annotated::new(
        "Salt\n\nThe agency's spokeswoman, Katarzyna Wolczanska, said the plan was sound. \
         Ms Wolczanksa said the agency would consult. Mr Wolford, a farmer, disagreed.",
    );
    let p = a.entity(Person, "Katarzyna Wolczanska");
    assert_eq!(
        a.mention_texts(p),
        ["Katarzyna Wolczanska", "Wolczanksa"],
        "{:?}",
        a.all_names()
    );
    // a name more than two letters away is someone else
    assert!(a.find(Person, "Wolford").is_some(), "{:?}", a.all_names());
}

#[test]
fn the_authors_of_a_citation_are_people() {
    let a = Annotated::new(
        "Reading\n\nEarlier studies found gains in attention (Okwuosa, Threlkeld, & Vaszary, 2010) \
         and in memory (Brannagh et al., 2005; Quenby & Morlaix, 2011). Drumwell (2012) disagreed, as did Pelletrow \
         and Ansgood 2017. From Sandovar (1989) through Kettridge and Olmaire 1997 to recent \
         proposals, the field grew. His early poems, Morning Lanterns (1806), were praised.\n\n\
         Career\n\nChicago Marlinks (2013 – present)\n\nHis book of Night Pacts (1898) sold well, \
         as did Crimson Tides, 2006 television series.",
    );
    for name in [
        "Okwuosa",
        "Threlkeld",
        "Vaszary",
        "Brannagh",
        "Drumwell",
        "Pelletrow",
        "Ansgood",
        "Quenby",
        "Morlaix",
        "Kettridge",
        "Olmaire",
    ] {
        assert!(
            a.find(Person, name).is_some(),
            "{name}: {:?}",
            a.all_names()
        );
    }
    assert!(
        a.find(Person, "Morning Lanterns").is_none(),
        "a work's title with its year is no author: {:?}",
        a.all_names()
    );
    assert!(
        a.find(Organization, "Quenby & Morlaix").is_none(),
        "two authors joined by & are no firm: {:?}",
        a.all_names()
    );
    for work in ["Night Pacts", "Crimson Tides"] {
        assert!(
            a.find(Person, work).is_none(),
            "{work}: a work and its year is no author: {:?}",
            a.all_names()
        );
    }
    assert!(
        a.find(Person, "Chicago Marlinks").is_none(),
        "a team and its years is no author: {:?}",
        a.all_names()
    );
}

#[test]
fn a_full_name_whose_last_word_is_used_alone_is_a_person() {
    let a = Annotated::new(
        "A short life\n\nThe young Évrard Quillonet entered the academy in 1827. \
         Quillonet failed the examination twice. Later, Quillonet published three papers.",
    );
    let p = a.entity(Person, "Évrard Quillonet");
    assert_eq!(
        a.mention_texts(p),
        ["Évrard Quillonet", "Quillonet", "Quillonet"]
    );
}

#[test]
fn a_full_name_before_of_and_an_organisation_is_a_person_of_it() {
    let a = Annotated::new(
        "Council vote\n\nTanya Okoro of the Civic Party voted against the plan, and \
         Marcus Lindqvist of Harbour Alliance abstained.",
    );
    assert!(
        a.find(Person, "Tanya Okoro").is_some(),
        "{:?}",
        a.all_names()
    );
    assert!(
        a.find(Organization, "Civic Party").is_some(),
        "{:?}",
        a.all_names()
    );
    assert!(
        a.find(Organization, "Tanya Okoro of the Civic Party")
            .is_none(),
        "{:?}",
        a.all_names()
    );
}

#[test]
fn members_of_a_faith_or_a_camp_are_no_person() {
    let a = Annotated::new(
        "Interfaith meeting\n\nChristian leaders and Buddhists met on Monday with \
         Republicans from the council, said Imani Wachira, who chaired it.",
    );
    for group in ["Christian", "Buddhists", "Republicans"] {
        assert!(
            a.all_names().iter().all(|(_, n)| n != group),
            "{group}: {:?}",
            a.all_names()
        );
    }
    assert!(
        a.find(Person, "Imani Wachira").is_some(),
        "{:?}",
        a.all_names()
    );
}

#[test]
fn a_name_credited_for_a_picture_is_no_person() {
    let a = Annotated::new(
        "Floods\n\nThe river rose overnight, said Halvard Brekke, the mayor.\n\n\
         Photo: Lee Chanwoo\n\nTOMAS VEGA-RUIZ/AFP\n\nBrekke said the town would rebuild.",
    );
    assert!(
        a.find(Person, "Halvard Brekke").is_some(),
        "{:?}",
        a.all_names()
    );
    for credited in ["Lee Chanwoo", "TOMAS VEGA-RUIZ"] {
        assert!(
            a.find(Person, credited).is_none(),
            "{credited}: {:?}",
            a.all_names()
        );
    }
}

#[test]
fn a_role_after_an_employer_stays_out_of_the_name() {
    let a = Annotated::new(
        "Border talks\n\n\"The talks are over,\" said Reuters Correspondent Ilse Marwitz \
         on Friday. Marwitz left the capital.",
    );
    let p = a.entity(Person, "Ilse Marwitz");
    assert!(
        a.roles(p).iter().any(|r| r.contains("Correspondent")),
        "{:?}",
        a.roles(p)
    );
    assert!(
        a.find(Organization, "Reuters").is_some(),
        "{:?}",
        a.all_names()
    );
}

#[test]
fn invisible_joiners_inside_a_name_do_not_split_the_person() {
    // zero-width joiners and non-joiners, a direction mark and a combining
    // grapheme joiner inside Latin words show as nothing: one person
    let a = Annotated::new(
        "Talks resume\n\nForeign Minister Adaeze Okon\u{200D}kwo-Bello arrived on Tuesday. \
         Okonkwo-Bello\u{200F} said the talks would resume. Later, Ada\u{200C}eze \
         Okonk\u{034F}wo-Bello left.",
    );
    let p = a.entity(Person, "Adaeze Okonkwo-Bello");
    assert_eq!(
        a.mention_texts(p),
        [
            "Adaeze Okonkwo-Bello",
            "Okonkwo-Bello",
            "Adaeze Okonkwo-Bello"
        ]
    );
    assert_eq!(a.count(Person), 1);
}

#[test]
fn a_title_in_apposition_to_a_person_is_a_mention_of_them() {
    let a = Annotated::new(
        "Reign\n\nThe merchant Talvo Brekhart lost his fortune. In 1859 he signed a decree as \
         \"Brekhart I, Emperor of the Northern Isles\". The legend says that the King of \
         Ostrava, Jorund Vask, unified the tribes.",
    );
    let emperor = a.entity(Person, "Talvo Brekhart");
    assert_eq!(
        a.mention_texts(emperor),
        ["Talvo Brekhart", "Brekhart", "Emperor"]
    );
    let king = a.entity(Person, "Jorund Vask");
    assert_eq!(a.mention_texts(king), ["King", "Jorund Vask"]);
    // a title alone that stands by no one stays out
    let a = Annotated::new(
        "Rules\n\nAnyone may call himself Emperor of the Northern Isles. Talvo Brekhart did not.",
    );
    let p = a.entity(Person, "Talvo Brekhart");
    assert_eq!(a.mention_texts(p), ["Talvo Brekhart"]);
}

#[test]
fn one_person_under_a_maiden_name_or_with_a_word_after_the_name_is_one() {
    let a = Annotated::new(
        "Credit\n\nThe notes thank Ellen Varkoss for the programming. Decades later, Rothwell \
         reached Ellen Quimbery, née Varkoss, on the phone. Her daughter, Sarah Quimbery, is a \
         physicist. Margit Hollander wrote the software. Margit Hollander later got the \
         greatest honor: a Margit Hollander Lego minifigure.",
    );
    let ellen = a.entity(Person, "Ellen Varkoss");
    assert_eq!(
        a.mention_texts(ellen),
        ["Ellen Varkoss", "Ellen Quimbery", "Varkoss"]
    );
    let sarah = a.entity(Person, "Sarah Quimbery");
    assert_eq!(a.mention_texts(sarah), ["Sarah Quimbery"]);
    let margit = a.entity(Person, "Margit Hollander");
    assert_eq!(
        a.mention_texts(margit),
        ["Margit Hollander", "Margit Hollander", "Margit Hollander"]
    );
    assert!(
        a.find(Person, "Margit Hollander Lego").is_none(),
        "{:?}",
        a.all_names()
    );
}

#[test]
fn a_lowercase_article_before_a_capitalised_word_is_no_name() {
    // a French title: `le` is no given name and no family name
    let a = Annotated::new(
        "Books\n\nIn the 2012 book L\u{2019}\u{ea}tre et le N\u{e9}on, which has been newly \
         translated, the author writes about signs.",
    );
    assert!(a.names(Person).is_empty(), "{:?}", a.all_names());
}

#[test]
fn the_parties_of_a_case_named_aloud_are_people() {
    let a = Annotated::new(
        "Hearing\n\nThe point was settled by this court long ago. That is set out in Varkell and \
         Dunstrom. This is the decision in Quorrin and Bloomer, at Tab 4.",
    );
    // (`Bloomer`, an ordinary word, is a family name too)
    for who in ["Varkell", "Dunstrom", "Quorrin"] {
        assert!(a.find(Person, who).is_some(), "{who}: {:?}", a.all_names());
    }
    // without the courts, two names after `in` are left to the other rules
    let a = Annotated::new("Travel\n\nWe stayed in Varkell and Dunstrom for a week.");
    assert!(a.find(Person, "Varkell").is_none(), "{:?}", a.all_names());
}

#[test]
fn french_honorifics_stay_outside_the_name() {
    let a = Annotated::new(
        "Letters\n\nThe letters of Mademoiselle Odile Ferrandet survive. Mlle. Ferrandet wrote \
         them in 1831.",
    );
    let p = a.entity(Person, "Odile Ferrandet");
    assert_eq!(a.mention_texts(p), ["Odile Ferrandet", "Ferrandet"]);
}

#[test]
fn post_nominal_honours_do_not_split_the_person() {
    let a = Annotated::new(
        "Life\n\nDaniel Varkoss FRS was a mathematician. Daniel Varkoss wrote on fluids, and \
         Varkoss taught in Basel.",
    );
    let p = a.entity(Person, "Daniel Varkoss FRS");
    assert_eq!(
        a.mention_texts(p),
        ["Daniel Varkoss FRS", "Daniel Varkoss", "Varkoss"]
    );
    assert_eq!(a.count(Person), 1, "{:?}", a.all_names());
}

#[test]
fn a_people_of_history_is_a_group_not_a_person_nor_a_place() {
    let a = Annotated::new(
        "History\n\nThe Romans founded the fortress city in the year 71, and the Vikings \
         raided it in 866. Later the Normans built a castle there.",
    );
    for group in ["Romans", "Vikings", "Normans"] {
        for kind in [Person, Place, Organization] {
            assert!(
                a.find(kind, group).is_none(),
                "{group}: {:?}",
                a.all_names()
            );
        }
    }
}

#[test]
fn a_double_barrelled_author_cited_alone_is_one_person() {
    let a = Annotated::new(
        "Reading\n\nWhat the job entails has been described (e.g. Vaszary-Threlkeld et al., 2015; \
         Morlaix, 2016).",
    );
    let author = a.entity(Person, "Vaszary-Threlkeld");
    assert_eq!(author.mentions.len(), 1);
    assert!(a.find(Person, "Morlaix").is_some(), "{:?}", a.all_names());
    // a heading of a year's section is no author
    let a = Annotated::new("Career\n\nPre-Season (2015)\n\nHe played in every game that year.");
    assert!(
        a.find(Person, "Pre-Season").is_none(),
        "{:?}",
        a.all_names()
    );
}

#[test]
fn a_family_name_in_brackets_completes_a_given_name() {
    let a = Annotated::new(
        "The crew\n\nRight now we are in talks with people. There's Tomas [Ferreira], who is behind \
         the camera. Tomas also edits the videos.",
    );
    let tomas = a.entity(Person, "Tomas Ferreira");
    assert_eq!(tomas.mentions.len(), 3, "{:?}", tomas.mentions);
    assert_eq!(a.names(Person), vec!["Tomas Ferreira".to_string()]);
}
