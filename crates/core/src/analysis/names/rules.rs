//! The rules that say what kind a name is, in one table: each a named
//! constant with the kind it votes for, its weight and why. The votes are
//! cast in `evidence/` (one occurrence at a time) and in `mod.rs` (over the
//! document) through [`Ballot::cast`], which adds the weight and, when
//! `gloss annotate --explain` asked for it, records the rule that fired.
//!
//! Adding a cue: a rule here, a `cast` where its condition is tested, and a
//! test that a text with the cue gets the kind.

use crate::analysis::explain::{Fired, Trace};
use crate::span::Span;

/// What a name can be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Person,
    Org,
    Place,
    /// No name at all (a date, a heading's capitals, an adjective).
    None,
}

impl Kind {
    /// As `gloss annotate --explain` writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Person => "person",
            Kind::Org => "organization",
            Kind::Place => "place",
            Kind::None => "none",
        }
    }
}

/// How a rule changes the votes of its kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum How {
    /// Adds the weight.
    For,
    /// Takes the weight away.
    Against,
    /// Raises the votes to at least the weight.
    AtLeast,
    /// Puts the kind ahead of every kind (its own included) by the weight.
    Lead,
}

/// One rule of the table.
#[derive(Debug, PartialEq)]
pub struct Rule {
    /// As in the table, and as `--explain` shows it.
    pub name: &'static str,
    pub kind: Kind,
    pub how: How,
    /// Always positive; for a rule whose weight is worked out at the
    /// occurrence (from a frequency or the tagger's confidence), the `why`
    /// says how, and this is the constant in it.
    pub weight: f32,
    /// One line: the cue and why it says so.
    pub why: &'static str,
}

/// Declares one constant per rule and [`RULES`], the table of them all.
macro_rules! rules {
    ($($(#[$doc:meta])* $name:ident: $kind:ident $how:ident $weight:literal, $why:literal;)*) => {
        $($(#[$doc])* pub const $name: Rule = Rule {
            name: stringify!($name),
            kind: Kind::$kind,
            how: How::$how,
            weight: $weight,
            why: $why,
        };)*

        /// Every rule, in the order of the table.
        pub const RULES: &[&Rule] = &[$(&$name,)*];
    };
}

rules! {
    // ---- not a name: what the name's own words are (`evidence/own.rs`)
    CALENDAR_PHRASE: None For 6.0, "a calendar phrase (`Labor Day`, `Monday`) is a date, no name";
    STORM: None For 6.0, "a storm (`Hurricane Katrina`) is no one";
    EVENT: None For 6.0, "an event (`World War II`, `the Summer Olympic Games`) is neither person, organisation nor place";
    DEMONYM: None For 6.0, "a demonym (`French`) is an adjective of a place, not its name";
    GROUP_WORD: None For 6.0, "a word for the members of a faith or a political camp (`Christian`, `Buddhists`, `Republicans`) names a group, no one";
    OATH: None For 6.0, "an oath opening a quotation (`\"Jesus …!`)";
    FIELD_OF_A_UNIT: None For 6.0, "one of the fields a unit is named after (`the Science, Technology and Society program`)";
    ACRONYM_TERM: None For 6.0, "an acronym in everyday use for a thing, a role or a unit (`DNA`, `CEO`, `GDP`, `DKK`): a term, no organisation";
    CODE_AFTER_LABEL: None For 6.0, "an acronym after `(`, a label in capitals and a colon (`(IATA: PHX)`): a code, no organisation";
    ACRONYM_AFTER_NUMBER: None For 3.0, "an acronym right after a number (`3 RBI`, `250 MXN`): a unit or a currency, no organisation";
    LEGAL_FORM_ALONE: None For 6.0, "a company's legal form alone (`Inc.`) names nothing";
    TIME_ZONE: None For 6.0, "a time zone after a clock time (`9 a.m. EST`)";
    PART_OF_QUOTED_TITLE: None For 4.0, "two words or more, no given name first, that are a part of a title in quotation marks, the rest of it capitalised or a title's small words (`“You Loved Me Like a Distant Star”`): words of a work's title, no name";
    BUILDING_PART_BEFORE_OF: None For 6.0, "a part of a building before `of` and an institution (`the Halls of Congress`): no name of its own";
    HAS_DIGITS: Person Against 3.0, "digits (`Page A22`, `LGP-30`) are in no one's name";
    MODEL_NUMBER: None For 2.0, "digits and no organisation word: a model or page number";
    CALENDAR_FIRST: None For 3.0, "a weekday or month first (`Monday Night`) starts a date";

    // ---- organisations
    KNOWN_ORG: Org For 5.0, "a well-known organisation";
    KNOWN_ORG_COMMON_WORD: Org For 2.0, "a well-known organisation whose one word is also an ordinary word (`Science`, `Wired`)";
    KNOWN_ORG_WEBSITE: Org For 3.0, "the web address of a well-known organisation (`Wired.com`): its site, the organisation online";
    KNOWN_ORG_IN_PLACE_NAMED_BY_IT: Org For 1.0, "a place that names an organisation after it, used as the place (`a company in Cambridge`)";
    INSTITUTION: Org For 4.0, "words joined by `of`/`and` that an organisation word asked for (`Department of Defense`)";
    ENDS_IN_ORG_CUE: Org For 3.0, "the name ends in an organisation word (`Nine Network`, `Supreme Court`)";
    STARTS_WITH_ORG_CUE: Org For 1.5, "the name starts with an organisation word that may stand anywhere (`University …`)";
    ORG_CUE_THEN_PLACE: Org For 3.0, "an organisation word and then the place it is in (`University College London`)";
    ORG_CUE_ALONE: Org For 2.0, "an organisation word alone, mid-sentence (`Parliament`, `the Senate`)";
    ACRONYM: Org For 2.0, "an unknown acronym (`RSPCA`) is most often an organisation";

    // ---- places
    KNOWN_PLACE_MAJOR: Place For 4.0, "a country, continent, capital, state, or a place of 500,000 people or more";
    KNOWN_PLACE_CITY: Place For 2.5, "a place of 100,000 people or more";
    KNOWN_PLACE_TOWN: Place For 1.5, "a smaller place of the gazetteer";
    KNOWN_PLACE_VARIANT: Place For 1.0, "another spelling of a place of the gazetteer";
    KNOWN_PLACE_COMMON_WORD: Place Against 2.0, "the (smaller) place's name is also an ordinary word (`Nice`, `Bath`)";
    KNOWN_PLACE_GIVEN_NAME: Place Against 1.0, "the (smaller) place's one word is also a given name (`Florence`)";
    KNOWN_PLACE_FAMILY_NAME: Place Against 1.0, "the town's one word (under 100,000 people) is also a frequent family name (`Campbell`, `Patterson`): as often someone, or a case named after someone";
    FAMILY_NAME_ALSO_TOWN: Person Against 0.5, "the frequent family name alone is also a town's name: unsure of the person too, the context decides";
    KNOWN_PLACE_AT_LEAST: Place AtLeast 0.3, "a place the gazetteer knows keeps a little of its vote";
    DIVISION_OF: Place For 5.0, "an administrative division `X of Y` (`Municipality of Culion`)";
    GEOGRAPHIC_INSTITUTION: Place For 3.0, "words joined by `of` that a place word asked for (`Gulf of Mexico`)";
    DIRECTION_AND_PLACE: Place For 3.0, "a direction and a place, or a side of one (`Lower Manhattan`, `West End`)";
    PLACE_FIRST_WORD: Place For 2.0, "a word that starts places' names (`Mount Holyoke`, `Lake Geneva`)";
    PLACE_LAST_WORD: Place For 3.0, "a word that ends places' names (`Coron Island`, `Times Square`)";
    FACILITY_HEAD: Place For 4.0, "a facility's or landmark's head noun ends the name (`Fisht Stadium`, `Grand Mosque`, `Convention Centre`): where things happen";
    FACILITY_HEAD_FIRST: Place For 4.0, "a facility's head noun and then `of`, first or after the words it is named by (`Museum of Modern Art`, `Port of Antwerp`, `Cleveland Museum of Art`)";
    FACILITY_HEAD_NOT_ORG_CUE: Org Against 3.0, "the organisation word that ends the name is a facility's head noun (`Grand Mosque`): it counts for the place";
    FACILITY_OF_NOT_INSTITUTION: Org Against 5.5, "the organisation word before `of` is a facility's head noun (`Museum of …`): it counts for the place";

    // ---- people
    HONORIFIC: Person For 5.0, "an honorific before it (`Mr.`, `Dr.`)";
    TITLE: Person For 4.0, "a title or role before it (`Senator`, `spokeswoman`)";
    GIVEN_NAME_FIRST: Person For 2.5, "a known given name and then a capitalised word: 2.5 and the given name's frequency (up to 1)";
    GIVEN_NAME_THEN_SURNAME: Person For 1.0, "the given name is followed by a known family name";
    GIVEN_NAME_COMMON_WORD: Person Against 1.0, "the given name is also an ordinary word (`Will`, `Grace`)";
    SHAPED_LIKE_FULL_NAME: Person For 2.0, "two or three words shaped like a person's name that no list knows as anything, no given name among them, in running text (mid-sentence, not first on its line, not after a number, `the`, `'s`, a name and `of` or a preposition of place, not before a colon: `as Nacer Chadli replaced Axel Witsel`): most such names are people's";
    FAMILY_NAME_FIRST: Person For 3.0, "a name in family-name-first order (`Moon Jae-in`, `Xi Jinping`)";
    INITIAL_IN_NAME: Person For 2.0, "an initial among capitalised words (`Chang W. Lee`)";
    INITIALS_ONLY: Person Against 3.0, "initials alone (`U. S.`) are no one's name";
    FAMILY_NAME_FREQUENT: Person For 1.2, "one word that is a frequent family name (1 % of people or more)";
    FAMILY_NAME_UNCOMMON: Person For 0.8, "one word that is a family name of 0.1 % of people or more";
    FAMILY_NAME_RARE: Person For 0.3, "one word that is a rare family name";
    GIVEN_NAME_ALONE: Person For 0.5, "one word that is a given name of 1 % of people or more";

    // ---- the words around it (`evidence/around.rs`)
    PICTURE_CREDIT: Org For 1.5, "after `via` or a slash (`Jeon Heon-Kyun/EPA`): an agency credited for a picture";
    PICTURE_CREDIT_AT_LINE_END: Org For 3.0, "a picture's credit that ends its line (`via Getty Images`)";
    CREDITED_FOR_PICTURE: None For 6.0, "a name credited for a picture (`Photo: Lee Chan`, `Credit Maria Gomez`, `JOHN DOE/AFP`): who took it, no one the article is about";
    TEAM_OF_A_PLACE: Org For 4.0, "a place and then a capitalised plural that is no place word (`Houston Astros`, `Tampa Bay Rays`): a team";
    PLACE_IN_A_MATCH: Org For 6.0, "a known place on a side of a match with another (`Sweden defeated South Korea`, `Panama 0 – 3`): its team";
    TEAM_IN_A_MATCH: Org For 3.5, "a capitalised plural beside a word of a match (`the Lakers beat the Celtics`, `Owls vs Rams`): a team";
    COORDINATED_WITH_ORG: Org For 3.0, "one word joined by `and`/`or` to an organisation's name (`News Corporation and Fairfax`)";
    CITY_AFTER_PREPOSITION: Place For 3.5, "a known place and `City` after a preposition (`in Kansas City`), not a club";
    CALENDAR_PAST_POSSESSIVE: None For 6.0, "a calendar phrase that goes on past `'s` (`Valentine's Day`)";
    PARTY_TO_A_CASE: Person For 2.0, "a party to a case that no list knows (`Brown v. Board`; said aloud, `in Ratych and Bloomer` in a text about the courts)";
    CITED_AUTHOR: Person For 3.0, "an author in a citation: names, then `et al.` or a year (`Okafor & Lindqvist, 2010`, `Okafor et al. (2005)`)";
    ADJECTIVE_BEFORE_NOUN: None For 3.0, "one word shaped like an adjective of a people, a faith or a creed (`-ian`, `-ese`, `-ist`; `-ic` after a determiner) that no list knows, before a lowercase noun (`Illyrian ancestry`, `the Paralympic movement`): an adjective, no name";
    ALUMNI_OF_SCHOOL: Org For 3.0, "after `a graduate of`, `alumni of`, `graduated from` (`a graduate of Mount Holyoke`): a school";
    EPITHET_AFTER: Person For 5.0, "`the` and an epithet after it (`Constantine the Great`, `Pepin the Short`): a ruler, a saint or a hero, even where the name is also a place's";
    COMMA_WHO: Person For 2.0, "`, who` after it";
    APPOSED_PERSON_NOUN: Person For 2.5, "a kind of person in apposition after it (`Valeska Moor, an Australian woman`, `…, a former actor`)";
    COMMA_WHICH_ORG: Org For 0.7, "`, which` after it: a thing, maybe an organisation";
    COMMA_WHICH_PLACE: Place For 0.7, "`, which` after it: a thing, maybe a place";
    SAYS_AFTER_PERSON: Person For 1.0, "a verb of saying after it (`Kim said`)";
    SAYS_AFTER_FULL_NAME: Person For 1.0, "a verb of saying after two or three words shaped like a person's name that no list makes anything else (`Hermann Weyl said`): a person speaks so";
    SAYS_AFTER_ORG: Org For 0.3, "a verb of saying after it: organisations say things too";
    NUMBER_AFTER: None For 2.0, "a number after it (`Building 24`, `Apollo 11`): a designation";
    ORG_NOUN_AFTER: Org For 2.0, "an organisation's noun after it (`the Walkley board`, `the Labor government`)";
    PERSON_NOUN_AFTER: Person For 2.5, "a person's noun after it (`the Obama administration`)";
    PLACE_NOUN_AFTER: Place For 2.5, "a place's noun after it (`the Punggye Ri nuclear test site`)";
    LIST_BEFORE_PLURAL_PLACE_NOUN: Place For 3.5, "one of a list that a plural place noun ends (`Barracuda and Kayangan lakes`)";
    PLACE_COMPOUND: Place For 3.0, "a compound of a place (`Seoul-based`, `Kenyan-born`)";
    SAYS_BEFORE: Person For 2.0, "a full name after a verb of saying (`said Tasos Georgelis`)";
    PREPOSITION_OF_PLACE: Place For 0.6, "after a preposition of place (`in`, `near`)";
    OBJECT_OF_PERSON_VERB: Person For 2.0, "the object of a verb whose object is a person (`appointed Draco`)";
    APPOSITION_TO_TITLE: Person For 2.5, "in apposition to a title (`the King of Athens, Theseus`)";
    APPOSITION_TO_ORG_KIND: Org For 4.0, "after the kind of organisation it names (`the journal Current Biology`)";
    ORG_KIND_SUCH_AS: Org For 4.0, "after a kind of organisation and `such as` or `like` (`firms such as Let There Be Neon`, `airlines like Volaris`): one of that kind";
    PLACE_NOUN_OF: Place For 2.5, "after a place noun and `of` (`the province of Palawan`)";
    BATTLE_NOUN_OF: Place For 3.0, "after a battle's noun and `of` (`the Siege of Savannah`): where it was fought";
    REALM_OF_TITLE: Place For 3.0, "after a peer's or monarch's title and `of` (`Earl of Clare`): the land";
    REALM_NOT_HOLDER: Person Against 1.0, "after a peer's title and `of`: not the title's holder";
    AFTER_THE: Person Against 1.0, "after `the`: seldom a person";
    AFTER_THE_ORG: Org For 0.5, "after `the`: often an organisation";
    UNKNOWN_AFTER_THE: Person Against 1.0, "one word no list knows after `the` (`the Areopagus`): no person";
    PLACE_THEN_REGION: Place For 3.0, "a comma and then the state or country it lies in, ending the clause (`Vinita, Oklahoma.`)";
    REGION_AFTER_TOWN: Place For 2.5, "one word after a known town and a comma, ending the clause (`born in Exeter, Devon.`): the town's region";
    LISTED_WITH_PLACES: Place For 2.5, "in a list whose other items are known places, two or more and no more unknown ones (`Edgewater, Cliffside Park and Leonia`)";
    APPOSITION_TO_PLACE_NOUN: Place For 3.0, "a comma and a place noun that ends its phrase (`Stridon, a village near Emona`)";
    DIRECTION_AS_REGION: Place For 2.5, "a direction alone after a preposition and `the` (`in the Midwest`, `from the North`): a region";
    WEB_ADDRESS_NO_PLACE: Place Against 3.0, "a web address (`Scientology.org`) names a site online, no place: not even before `site`";
    COMPOUND_MODIFIER_NO_PLACE: Place Against 3.0, "a name ending in a hyphen and a lowercase word (`the Scientology-critic site`) modifies the noun after it";
    CASE_AFTER_COURT_NOUN: None For 3.0, "a name no gazetteer knows after `in` and, up to three words before, a noun of the courts (`the decision in Ratych`, `the courts back in Sirhan`): a case cited by a party's name";
    POSSESSOR_OF_FACILITY: Place Against 2.0, "a name before `'s` and a facility's name (`Platt's Music Hall`, `Sandor's Grand Hotel`): its owner or patron, the place being the facility";
    PATRON_OF_FACILITY: Person For 1.0, "a family name, no organisation's, before `'s` and a facility's name (`Platt's Music Hall`): its owner or patron, most often someone";
    CURRENCY_OF_A_PLACE: Place Against 4.0, "a place's code glued to a currency sign (`US$ 10 billion`, `HK$`, `A$`) names the money, not the place";
    ROAD_NAME: Place For 5.0, "a kind of road and its number (`Route 66`, `Interstate 35`, `State Route 9`): a road, where things happen";
    NUMBERED_PLACE: Place For 6.0, "a part of a facility and its number (`Terminal 2`, `Building 31`, `Pier 39`): where things happen";
    CELESTIAL_BODY: Place For 6.0, "the Sun, the Moon or a planet after a preposition of place (`landed back on Earth`, `a sample from the Sun`)";
    ROAD_NUMBER: Place For 3.0, "a number shaped like a road's (`M62`, `A303`, `I-44`) with a road's word near it (`the M1 northbound`, `along the A303`)";
    NAME_OF_A_STUDY: None For 3.0, "three words or more, no organisation's word in them, right before a lowercase noun of a study (`the National Iodine Nutrition study`): the study's name, no organisation";
    UNKNOWN_AFTER_THE_INSTITUTION: Org For 2.5, "one word no list knows after `the`: an institution (`the Bundestag`)";
    GOVERNMENT_ACTS: Org For 11.0, "a country or a capital as the subject of a verb of a state's act or word (`North Korea fired`, `Beijing warned`, `Seoul says`): its government, an organisation where the name acts in more than a third of its mentions (11 outweighs 2.75 known-place votes)";
    PLACE_IN_A_GAME: Org For 5.0, "a known place in a sentence about a game (two words of a game, or one and a score or `for`/`against`/`with` before it: `Sweden had more possession in the game`, `24 games for Indianapolis`), not after a preposition of place: its team";
    AFTER_PLACE_NOUN: Place For 3.0, "right after a determiner and a noun of a kind of place, or in the list that follows them (`the province Britannia Inferior`, `the islands La Désirade, Petite Terre and Marie Galante`)";
    UNKNOWN_AFTER_PLACE_PREPOSITION: Place For 1.0, "one word no list knows (no given or family name, no ordinary word) after a preposition of place but `at`, mid-sentence, no abstract noun's ending, no case (`a ferry to Skiatook`): with that preposition's own vote, a place";
    PLACE_ON_PLACE: Place For 2.0, "after `on` and a name that follows a preposition of place (`a ferry from Marstal on Ærø`): the island or land it lies on";

    // ---- capitals that prove nothing (`evidence/capitals.rs`)
    SENTENCE_START_COMMON: None For 3.0, "one ordinary word (or no word) opening a sentence, capitalised anyway";
    SENTENCE_START: None For 0.8, "one word opening a sentence, capitalised anyway";
    COMMON_WORDS_IN_CAPITALS: None For 3.0, "ordinary words only, in a heading or a line of capitals";
    COMMON_WORDS: None For 1.5, "ordinary words only (no place the gazetteer knows)";
    HEADING_WORD: None For 0.5, "one word of a heading";
    ADJECTIVE_WITH_CAPITAL: None For 2.5, "an ordinary word between lowercase words (`major Western capitals`)";
    LETTER_IN_CAPITALS: None For 5.0, "one letter in a name of capitals";
    CAPITALS_GLUED_TO_LOWERCASE: None For 5.0, "an ordinary word in capitals glued to a lowercase one (`A HIGH-powered team`)";
    HEADLINE_ENDS_IN_FUNCTION_WORD: None For 8.0, "a run of a title-case headline ending in a function word (`… Interest Than`)";

    // ---- the learned tagger (`evidence/tagger.rs`)
    TAGGER_PERSON: Person For 4.0, "the tagger reads a person, where the rules are unsure: 4 × its mean confidence";
    TAGGER_ORG: Org For 2.0, "the tagger reads an organisation, where the rules are unsure: 2 × its mean confidence";
    TAGGER_PLACE: Place For 1.0, "the tagger reads a place, where the rules are unsure: 1 × its mean confidence";
    TAGGER_NONE: None For 1.0, "the tagger reads no name, where the rules are unsure: 1 × its mean confidence";
    TAGGER_CONFIRMS_PERSON: Person For 4.0, "the tagger confirms the person the rules are sure of: 4 × its mean confidence";
    TAGGER_CONFIRMS_ORG: Org For 2.0, "the tagger confirms the organisation the rules are sure of: 2 × its mean confidence";
    TAGGER_CONFIRMS_PLACE: Place For 1.0, "the tagger confirms the place the rules are sure of: 1 × its mean confidence";
    TAGGER_ONLY_PERSON: Person For 3.0, "the tagger alone (`--names tagger`) tags a person";
    TAGGER_ONLY_ORG: Org For 3.0, "the tagger alone tags an organisation";
    TAGGER_ONLY_PLACE: Place For 3.0, "the tagger alone tags a place";
    TAGGER_ONLY_NONE: None For 3.0, "the tagger alone tags no name";

    // ---- over the document (`mod.rs`)
    NAMED_WITH_PLACE_WORD_ELSEWHERE: Place Lead 4.0, "used elsewhere with a place word after it (`Coron Island` makes `Coron` a place): ahead by that name's place votes, up to 4";
    SHORT_FORM_OF_ORG: Org Lead 2.0, "the first words of an organisation's name elsewhere (`Florida State` after `Florida State University`)";
    SCHOOL_NAMED_AFTER_TOWN: Org Lead 2.0, "a town no major place, named elsewhere with a school's word after it (`Harrow School`), never with something in it (`in Harrow`): the school (`sent to Harrow`, `other Harrow boys`)";
    SIDE_OF_A_MATCH_WITH_ORG: Org Lead 1.0, "a name no rule decides on one side of `v`/`vs` whose other side is an organisation (`the first Eton v Harrow cricket match`, Harrow a school): a side of the same kind";
    FIRST_WORD_OF_ORG: Org Lead 2.0, "the first word of a longer organisation's name elsewhere, never with a title (`Packard`)";
    ACRONYM_OF_LOWERCASE_WORDS: None Lead 3.0, "an acronym that stands for lowercase words where it is brought in (`sea surface salinity (SSS)`): a term, no name";
    ACRONYM_OF_ORDINARY_WORDS: None Lead 3.0, "an acronym that stands for capitalised ordinary words, none an organisation's word, where it is brought in (`Compact Fluorescent Light (CFL)`): a term, no name";
    ACRONYM_OF_UNNAMED_WORDS: None Lead 3.0, "an unknown acronym whose letters are the initials of capitalised words written elsewhere that are no name (`Iodine Deficiency Disorders` … `IDD`): a term, no organisation";
    OBJECT_OF_PLACE_NAME_ELSEWHERE: None Lead 1.0, "one word after `the` that is the object of a place's name elsewhere (`the States of the Union` … `the laws of the Union`): the country by another name, no organisation (nor the town the gazetteer has of that name)";
    ROAD_NUMBER_ELSEWHERE: Place Lead 1.0, "shaped like a road's number in a text that names a road by its number where a road's word stands by it (`the A59 and the M62` after `the M1 northbound`)";
    STORM_NAME_ALONE: None Lead 3.0, "a storm's name used alone elsewhere (`T C Phailin` after `Cyclone Phailin`)";
    NAMED_AGAIN_BY_LAST_WORD: Person For 2.0, "a name of two or three words, no cue in them, whose last word is used alone elsewhere, twice or with a vote for a person (`Évariste Galois` … `Galois`): people are named again so";
    COORDINATED_WITH_PERSON: Person For 2.0, "words shaped like a person's name that nothing else decides, in a list beside someone the rules are sure is a person (`Rem Okafor, Elia Brandt and Dr. Lena Moss`)";
    AFFILIATION_OF_PERSON: Org Lead 1.0, "after `of` following someone's full name the rules are sure of (`Isabel Ruiz of Heaven Sent Gaming`, `Nick Rhodes of Duran Duran`), no place: what the person belongs to";
    LISTED_UNDER_PLACE_HEADING: Place For 4.0, "a name opening a block (after a listing's number at most) in a section headed by a kind of place in the plural (`Islands`, `Cities`, `Other destinations`, `Mosques`): one of those places (`Marie Galante: the biggest island …`)";
    LISTED_UNDER_PLACE_HEADING_NOT_PERSON: Person Against 2.0, "an entry of a section of places (`Islands`): not a person, whatever its first word (`Marie Galante`)";
    FULL_NAME_SHARES_LAST_WORD: Person For 0.5, "a full name whose last word alone is a person elsewhere (`Mr. Georgelis`): 0.5 × that word's person votes, up to 4";
}

/// Rule votes for one kind this high, and this far ahead of the others,
/// make the rules sure of it: the tagger then only confirms
/// ([`TAGGER_CONFIRMS_PERSON`] …) instead of deciding ([`TAGGER_PERSON`] …).
pub const STRONG: f32 = 2.5;
pub const STRONG_MARGIN: f32 = 2.0;

/// Minimum summed votes for a name to be listed.
pub const THRESHOLD: f32 = 1.5;

/// Votes for each kind of name.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Votes {
    pub person: f32,
    pub org: f32,
    pub place: f32,
    pub none: f32,
}

impl Votes {
    pub fn add(&mut self, other: Votes) {
        self.person += other.person;
        self.org += other.org;
        self.place += other.place;
        self.none += other.none;
    }

    /// The most votes any kind has.
    pub fn most(&self) -> f32 {
        self.person.max(self.org).max(self.place).max(self.none)
    }

    /// Whether `kind` has more votes than every other kind.
    pub fn leads(&self, kind: Kind) -> bool {
        let of = |k: Kind| match k {
            Kind::Person => self.person,
            Kind::Org => self.org,
            Kind::Place => self.place,
            Kind::None => self.none,
        };
        [Kind::Person, Kind::Org, Kind::Place, Kind::None]
            .into_iter()
            .filter(|&k| k != kind)
            .all(|k| of(kind) > of(k))
    }

    #[inline]
    fn of_mut(&mut self, kind: Kind) -> &mut f32 {
        match kind {
            Kind::Person => &mut self.person,
            Kind::Org => &mut self.org,
            Kind::Place => &mut self.place,
            Kind::None => &mut self.none,
        }
    }
}

/// The votes being cast for one occurrence of a name (or, over the
/// document, for one name), and the trace that records the rules that fire.
pub struct Ballot<'v, 't> {
    pub votes: &'v mut Votes,
    trace: &'t mut Trace<Fired>,
    /// The occurrence the rules fire at (only worked out when tracing).
    at: Span,
}

impl<'v, 't> Ballot<'v, 't> {
    /// A ballot adding to `votes`; `at` is only read when `trace` is on.
    pub fn new(
        votes: &'v mut Votes,
        trace: &'t mut Trace<Fired>,
        at: impl FnOnce() -> Span,
    ) -> Self {
        let at = if trace.is_on() { at() } else { Span::default() };
        Ballot { votes, trace, at }
    }

    /// Cast `rule` with its own weight.
    #[inline]
    pub fn cast(&mut self, rule: &'static Rule) {
        self.cast_weighing(rule, rule.weight);
    }

    /// Cast `rule` with a weight worked out at the occurrence (its `why`
    /// says how). Every vote goes through here.
    #[inline]
    pub fn cast_weighing(&mut self, rule: &'static Rule, weight: f32) {
        let change = match rule.how {
            How::For => {
                *self.votes.of_mut(rule.kind) += weight;
                weight
            }
            How::Against => {
                *self.votes.of_mut(rule.kind) -= weight;
                -weight
            }
            How::AtLeast => {
                let v = self.votes.of_mut(rule.kind);
                let before = *v;
                *v = v.max(weight);
                if *v == before {
                    return; // (it did not fire)
                }
                *v - before
            }
            How::Lead => {
                let most = self.votes.most();
                let v = self.votes.of_mut(rule.kind);
                let before = *v;
                *v = most + weight;
                *v - before
            }
        };
        let at = self.at;
        self.trace.record(|| Fired {
            rule: rule.name,
            why: rule.why,
            kind: rule.kind.as_str(),
            weight: change,
            at,
        });
    }

    /// Votes summed apart and then added at once (`cast` casts into the
    /// part): for rules that change one another's sum before it counts
    /// ([`KNOWN_PLACE_AT_LEAST`]).
    pub fn sum_apart(&mut self, cast: impl FnOnce(&mut Ballot)) {
        let mut part = Votes::default();
        cast(&mut Ballot {
            votes: &mut part,
            trace: self.trace,
            at: self.at,
        });
        self.votes.add(part);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kind_leads_only_with_more_votes_than_every_other() {
        let v = Votes {
            person: 1.0,
            org: 3.0,
            place: 2.0,
            none: 0.5,
        };
        assert!(v.leads(Kind::Org));
        assert!(!v.leads(Kind::Place) && !v.leads(Kind::Person) && !v.leads(Kind::None));
        // a tie leads neither
        let tie = Votes { place: 3.0, ..v };
        assert!(!tie.leads(Kind::Org) && !tie.leads(Kind::Place));
        assert_eq!(v.most(), 3.0);
    }

    #[test]
    fn every_rule_has_a_name_a_reason_and_a_positive_weight() {
        assert!(RULES.len() >= 80);
        let mut names: Vec<&str> = RULES.iter().map(|r| r.name).collect();
        for r in RULES {
            assert!(!r.name.is_empty(), "{r:?}");
            assert!(
                r.name.chars().all(|c| c.is_ascii_uppercase() || c == '_'),
                "{}: a constant's name",
                r.name
            );
            assert!(r.why.trim().len() >= 10, "{}: no reason given", r.name);
            assert!(
                r.weight > 0.0 && r.weight.is_finite(),
                "{}: weight {}",
                r.name,
                r.weight
            );
        }
        names.sort_unstable();
        let count = names.len();
        names.dedup();
        assert_eq!(names.len(), count, "two rules share a name");
    }

    #[test]
    fn a_ballot_adds_takes_raises_and_leads() {
        let mut votes = Votes::default();
        let mut trace = Trace::off();
        let mut b = Ballot::new(&mut votes, &mut trace, || unreachable!("off"));
        b.cast(&KNOWN_ORG);
        b.cast(&HAS_DIGITS);
        b.cast(&KNOWN_PLACE_AT_LEAST);
        b.cast(&STORM_NAME_ALONE);
        assert_eq!(
            votes,
            Votes {
                person: -3.0,
                org: 5.0,
                place: 0.3,
                none: 8.0
            }
        );
        assert!(
            trace.into_events().is_empty(),
            "an off trace records nothing"
        );
    }

    #[test]
    fn a_trace_that_is_on_records_each_rule_with_its_change() {
        let mut votes = Votes::default();
        let mut trace = Trace::on();
        let mut b = Ballot::new(&mut votes, &mut trace, || Span::new(3, 8));
        b.cast(&TITLE);
        b.sum_apart(|part| {
            part.cast(&KNOWN_PLACE_VARIANT);
            part.cast(&KNOWN_PLACE_COMMON_WORD);
            part.cast(&KNOWN_PLACE_AT_LEAST);
        });
        assert_eq!(votes.place, 0.3);
        let fired: Vec<(&str, &str, f32)> = trace
            .into_events()
            .iter()
            .map(|f| {
                assert_eq!(f.at, Span::new(3, 8));
                (f.rule, f.kind, f.weight)
            })
            .collect();
        assert_eq!(
            fired[..3],
            [
                ("TITLE", "person", 4.0),
                ("KNOWN_PLACE_VARIANT", "place", 1.0),
                ("KNOWN_PLACE_COMMON_WORD", "place", -2.0),
            ]
        );
        let (rule, _, raised) = fired[3];
        assert_eq!(rule, "KNOWN_PLACE_AT_LEAST");
        assert!(
            (raised - 1.3).abs() < 1e-6,
            "raised from -1 to 0.3: {raised}"
        );
        assert_eq!(fired.len(), 4);
    }

    #[test]
    fn a_floor_already_reached_does_not_fire() {
        let mut votes = Votes::default();
        let mut trace = Trace::on();
        let mut b = Ballot::new(&mut votes, &mut trace, Span::default);
        b.cast(&KNOWN_PLACE_MAJOR);
        b.cast(&KNOWN_PLACE_AT_LEAST);
        let fired: Vec<&str> = trace.into_events().iter().map(|f| f.rule).collect();
        assert_eq!(fired, ["KNOWN_PLACE_MAJOR"]);
    }
}
