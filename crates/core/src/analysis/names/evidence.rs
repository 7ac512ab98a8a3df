//! What kind of name a span is: votes from the lexicon (titles, given names,
//! family-name-first surnames, organisation cues, the gazetteer, calendar words,
//! demonyms) and from the words around it (`, who`, `said`, `the X nuclear test
//! site`, `X-based`). Votes of every occurrence of a name are summed over the
//! document (one sense per discourse) before a kind is chosen.

use super::segment::NameSpan;
use crate::analysis::doc::Doc;
use crate::analysis::lexicon::{Feature, Lexicon, NameKind, Organization, PlaceMatch, TitleKind};
use crate::analysis::tokens::{TokenKind, with_lowercase};

/// Rule votes for one kind this high, and this far ahead of the others,
/// make the rules sure of it.
const STRONG: f32 = 2.5;
const STRONG_MARGIN: f32 = 2.0;

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
}

/// Nouns after a name that make it a place: `the Punggye Ri nuclear test site`.
const PLACE_NOUNS: &[&str] = &[
    "site",
    "facility",
    "plant",
    "complex",
    "reactor",
    "base",
    "camp",
    "village",
    "town",
    "city",
    "county",
    "province",
    "district",
    "region",
    "area",
    "airport",
    "port",
    "harbor",
    "harbour",
    "island",
    "river",
    "valley",
    "mountain",
    "mountains",
    "peninsula",
    "border",
    "neighborhood",
    "neighbourhood",
    "suburb",
    "capital",
    "state",
    "coast",
    "prefecture",
    "municipality",
    "township",
    "borough",
    "airbase",
    "compound",
    "mine",
    "dam",
    "beach",
    "resort",
    "bay",
    "lake",
    "sites",
    "facilities",
    "plants",
    "villages",
    "towns",
    "cities",
    "islands",
    "rivers",
    "lakes",
    "beaches",
    "provinces",
    "regions",
    "districts",
    "counties",
    "suburbs",
    "neighborhoods",
    "neighbourhoods",
    "valleys",
    "bays",
    "ports",
    "coasts",
    "municipalities",
    "boroughs",
    "street",
    "streets",
    "avenue",
    "avenues",
    "road",
    "roads",
    "square",
    "boulevard",
];

/// Whether a plural place noun ends a list of names that goes on at `at`,
/// past parentheses: `[Barracuda] and Kayangan lakes`, `[Thissio], Plaka and
/// Anafiotika districts`, `[Dupont] (now Grant) streets`.
fn plural_place_noun_after_list(doc: &Doc, mut at: usize) -> bool {
    let Some(sentence) = doc.sentence_of.get(at).copied() else {
        return false;
    };
    let in_sentence = |k: usize| doc.word_in_sentence(k, sentence).is_some();
    for _ in 0..6 {
        // a parenthesis of a few words: `(now Grant)`
        if in_sentence(at) && doc.word(at) == "(" {
            match (at + 1..(at + 7).min(doc.tokens.len())).find(|&k| doc.word(k) == ")") {
                Some(close) if in_sentence(close) => at = close + 1,
                _ => return false,
            }
        }
        if !in_sentence(at) {
            return false;
        }
        match doc.word(at) {
            "," | "and" | "or" => {
                at += 1;
                if in_sentence(at) && matches!(doc.word(at), "and" | "or") {
                    at += 1;
                }
                // the next name of the list
                let end = doc.capitalised_run_end(at, sentence, 4);
                if end == at {
                    return false;
                }
                at = end;
            }
            w => {
                return w.ends_with('s')
                    && listed!(PLACE_NOUNS, w)
                    && w.chars().all(|c| c.is_lowercase());
            }
        }
    }
    false
}

/// Nouns after a name that make it a person's: `the Obama administration`.
const PERSON_NOUNS: &[&str] = &[
    "administration",
    "presidency",
    "campaign",
    "family",
    "cabinet",
    "era",
    "years",
    "government's",
    "aides",
    "allies",
    "loyalists",
    "biographer",
];

/// Nouns after a name that make it an organisation's: `the Walkley board`.
const ORG_NOUNS: &[&str] = &[
    "foundation",
    "board",
    "company",
    "firm",
    "group",
    "party",
    "council",
    "committee",
    "agency",
    "union",
    "network",
    "university",
    "college",
    "school",
    "club",
    "team",
    "bank",
    "newspaper",
    "magazine",
    "museum",
    "institute",
    "corporation",
    "airline",
    "brand",
    "label",
    "studio",
    "charity",
    "organization",
    "organisation",
    "government",
    "ministry",
    "department",
    "newsroom",
    "publication",
    "conglomerate",
    "subsidiary",
    "startup",
    "insurer",
    "carrier",
    "retailer",
    "automaker",
    "broadcaster",
];

/// Kinds of organisation a name follows in apposition: `the journal
/// Current Biology`, `the newspaper Le Monde`.
const ORG_KIND_BEFORE: &[&str] = &[
    "journal",
    "newspaper",
    "magazine",
    "tabloid",
    "broadcaster",
    "publisher",
    "company",
    "firm",
    "airline",
    "automaker",
    "carmaker",
    "retailer",
    "startup",
    "charity",
    "insurer",
    "bank",
    "conglomerate",
    "carrier",
];

/// Verbs whose object is a person: `the Areopagus appointed Draco`.
const PERSON_OBJECT_VERBS: &[&str] = &[
    "appointed",
    "appoint",
    "appoints",
    "elected",
    "hired",
    "fired",
    "nominated",
    "married",
    "marry",
    "marries",
    "interviewed",
    "arrested",
    "sentenced",
    "thanked",
    "impeached",
    "ousted",
    "knighted",
    "crowned",
    "assassinated",
    "murdered",
    "kidnapped",
    "divorced",
    "succeeding",
    "succeeded",
    "befriended",
    "mentored",
    "tutored",
    "pardoned",
    "sacked",
];

/// Whether the comma at `comma` closes a title phrase (`the King of Athens,`,
/// `the company's chief executive,`).
fn appositive_to_title(doc: &Doc, lex: &Lexicon, comma: usize) -> bool {
    let sentence = doc.sentence_at(comma).tokens.clone();
    let from = sentence.start.max(comma.saturating_sub(6));
    let before = doc.words(from..comma);
    (from..comma).any(|k| {
        let words = &before[k - from..];
        lex.title_at(words).is_some_and(|(n, t)| {
            !t.is_only_honorific()
                && (n == words.len() || words.get(n).is_some_and(|w| *w == "of"))
                && (k == sentence.start
                    || with_lowercase(doc.word(k - 1), |w| {
                        matches!(
                            w,
                            "the" | "a" | "an" | "its" | "his" | "her" | "their" | "'s"
                        )
                    }))
        })
    })
}

/// Nouns before `of X` that make X a place: `the province of Palawan`.
const PLACE_OF: &[&str] = &[
    "city",
    "town",
    "village",
    "province",
    "state",
    "island",
    "region",
    "county",
    "district",
    "republic",
    "kingdom",
    "capital",
    "port",
    "municipality",
    "prefecture",
    "borough",
    "suburb",
    "island",
    "isle",
    "peninsula",
    "coast",
    "streets",
    "outskirts",
];

/// Titles of peers and monarchs whose `of X` names a land: `Earl of Clare`.
const REALM_TITLES: &[&str] = &[
    "Earl",
    "Duke",
    "Duchess",
    "Countess",
    "Marquess",
    "Marquis",
    "Marchioness",
    "Baron",
    "Baroness",
    "Viscount",
    "Viscountess",
    "Prince",
    "Princess",
    "King",
    "Queen",
    "Emperor",
    "Empress",
    "Archduke",
    "Sultan",
    "Emir",
    "Shah",
    "Tsar",
    "Czar",
];

/// Last words of place names: `Coron Island`, `Times Square`.
const PLACE_LAST: &[&str] = &[
    "Island",
    "Islands",
    "Bay",
    "Lake",
    "River",
    "Mountains",
    "Mountain",
    "Valley",
    "Beach",
    "Strait",
    "Sea",
    "Gulf",
    "Peninsula",
    "Desert",
    "Canyon",
    "Falls",
    "Harbor",
    "Harbour",
    "Creek",
    "Forest",
    "Square",
    "Street",
    "Avenue",
    "Boulevard",
    "Road",
    "Bridge",
    "Tunnel",
    "Tube",
    "Airport",
    "Coast",
    "Plateau",
    "Basin",
    "Delta",
    "Heights",
    "Hills",
    "Province",
    "County",
    "Prefecture",
    "Archipelago",
    "Reef",
    "Glacier",
    "Ocean",
    "Park",
    "Strip",
];

/// First words of place names: `Mount Holyoke`, `Lake Geneva`.
const PLACE_FIRST: &[&str] = &[
    "Mount",
    "Mt.",
    "Lake",
    "Cape",
    "Isle",
    "Fort",
    "Port",
    "Boulevard",
    "Rue",
    "Avenue",
    "Place",
    "Piazza",
    "Plaza",
    "Via",
    "Calle",
];

/// Lowercase suffixes of `X-based` compounds, where X is a place.
pub const PLACE_SUFFIXES: &[&str] = &["based", "born", "bound", "area", "region", "native"];

/// Directional words that make a district of a place: `Lower Manhattan`.
pub const DIRECTIONS: &[&str] = &[
    "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Lower",
    "Upper", "Central", "Greater", "Downtown", "Midtown", "Uptown", "Inner", "Outer",
];

/// Administrative divisions that name a place with `of`: `the Municipality of
/// Culion`, `City of Sydney`, `Province of Ontario` (but `City of Sydney
/// Council` ends in an organisation word).
const DIVISIONS: &[&str] = &[
    "Municipality",
    "City",
    "Town",
    "Village",
    "Province",
    "County",
    "District",
    "Borough",
    "Prefecture",
    "Township",
    "Region",
    "Commune",
    "Parish",
    "Canton",
    "Shire",
    "Governorate",
    "Oblast",
];

/// Whether a word (any case) names an administrative division.
pub fn is_division(word: &str) -> bool {
    DIVISIONS.iter().any(|d| d.eq_ignore_ascii_case(word))
}

/// Whether a name is an administrative division `X of Y` not ending in an
/// organisation word.
fn is_division_of(lex: &Lexicon, words: &[&str]) -> bool {
    words.len() >= 3
        && DIVISIONS.contains(&words[0])
        && words[1] == "of"
        && lex.org_cue(words[words.len() - 1]).is_none()
}

/// The votes of one occurrence. `facts` keeps what the lexicon says of each
/// name of the document, asked at its first occurrence.
pub fn votes<'a>(doc: &Doc<'a>, lex: &Lexicon, span: &NameSpan, facts: &mut Facts<'a>) -> Votes {
    let mut v = Votes::default();
    let words = doc.words(span.tokens.clone());
    let n = words.len();
    let full = doc.slice(&span.tokens);
    let first = words[0];
    let last = words[n - 1];
    let heading = doc.in_heading(span.tokens.start);
    let all_caps = words.iter().all(|w| !w.chars().any(char::is_lowercase));
    let f = facts.of(lex, full, &words);

    // calendar words and demonyms are never names here
    if f.calendar {
        v.none += 6.0;
    }
    if f.storm {
        v.none += 6.0;
    }
    // nor are events: wars, games, festivals (`the Summer Olympic Games`,
    // `World War II`, `WWII`), unless an organisation is named after one
    if f.event {
        v.none += 6.0;
    }
    if f.demonym && !span.institution {
        v.none += 6.0;
    }
    // nor is an oath that opens a quotation (`"Jesus … who is she?"`)
    if n == 1 && is_oath(doc, span.tokens.start) {
        v.none += 6.0;
    }
    // nor are the fields a unit is named after (`the Science, Technology
    // and Society program`): the words of one name, none a name alone
    if n <= 3 && in_list_naming_a_unit(doc, span) {
        v.none += 6.0;
    }
    // nor is a company's legal form alone (`Acme Corporation, Inc.`)
    if n == 1 && lex.lists.legal_forms.contains(first) {
        v.none += 6.0;
    }
    // nor is a time zone after a clock time (`1:39 PM ET`, `9 a.m. EST`)
    if n == 1 && is_time_zone_after_time(doc, span.tokens.start) {
        v.none += 6.0;
    }

    // organisations (a known one whose name is an ordinary word, `Science`,
    // `Wired`, counts less)
    if let Some(o) = f.organization {
        v.org += if n == 1 && f.first_common {
            2.0
        } else if in_place_named_by_org(doc, lex, span, full, o.name) {
            1.0
        } else {
            5.0
        };
    }
    // `via Shutterstock`, `Jeon Heon-Kyun/EPA`: an agency credited for a picture
    if span.tokens.start > 0 {
        let before = doc.word(span.tokens.start - 1);
        if before == "via"
            || (before == "/"
                && span.tokens.start >= 2
                && doc.tokens[span.tokens.start - 2].kind == TokenKind::Word)
        {
            // a credit ends its line: `…/EPA`, `via Getty Images`
            v.org += if credit_ends(doc, span) { 3.0 } else { 1.5 };
        }
    }
    if span.institution {
        if f.division_of {
            v.place += 5.0;
        } else if f.geographic {
            v.place += 3.0;
        } else {
            v.org += 4.0;
        }
    }
    if n >= 2 || span.institution {
        // the name ends in a cue word or a two-word cue (`Supreme Court`)
        if f.cue_end {
            v.org += 3.0;
        }
        if f.first_cue_any && !f.division_of {
            v.org += 1.5;
        }
        // `Vrije Universiteit Amsterdam`, `University College London`: a cue
        // word and then the place it is in
        if f.cue_then_place {
            v.org += 3.0;
        }
    } else if !span.sentence_initial && !heading {
        // `Parliament`, `Congress`, `the Senate`: an institution named by its cue word
        if f.first_cue_any {
            v.org += 2.0;
        }
        // `RSPCA`, `ASIO`, `NASA`: an unknown acronym is most often an organisation
        if f.acronym && !all_caps_context(doc, span) && f.place_first.is_none() {
            v.org += 2.0;
        }
    }

    // places
    if let Some(m) = f.place {
        let strong = matches!(
            m.place.feature,
            Feature::Country | Feature::Continent | Feature::Capital | Feature::State
        ) || m.place.population >= 500_000;
        let base: f32 = match m.how {
            NameKind::Own | NameKind::Alias if strong => 4.0,
            NameKind::Own | NameKind::Alias if m.place.population >= 100_000 => 2.5,
            NameKind::Own | NameKind::Alias => 1.5,
            NameKind::Variant => 1.0,
        };
        let mut p = base;
        if f.place_common && !strong {
            p -= 2.0;
        }
        if n == 1 && f.given_first.is_some_and(|g| g > 0.02) && !strong {
            p -= 1.0;
        }
        v.place += p.max(0.3);
    } else if n >= 2 && listed!(DIRECTIONS, first) {
        // `Lower Manhattan`, `West Side`, `Lower East Side`, `West End`
        let rest = doc.slice(&(span.tokens.start + 1..span.tokens.end));
        if lex.place(rest).is_some() || matches!(last, "Side" | "End" | "Coast" | "Bank" | "Shore")
        {
            v.place += 3.0;
        }
    }

    // `News Corporation and Fairfax`: a single word joined by `and`/`or` to
    // an organisation's name that ends in its cue word is most often
    // another organisation of the same list, unless it is a well-known place
    if n == 1 && !span.sentence_initial && coordinated_with_org(doc, lex, span) {
        let strong_place = f.place.is_some_and(|m| {
            matches!(
                m.place.feature,
                Feature::Country | Feature::Continent | Feature::Capital | Feature::State
            ) || m.place.population >= 500_000
        });
        if !strong_place {
            v.org += 3.0;
        }
    }

    // `in Kansas City`, `in Washington City`: a known place and `City` after a
    // preposition of place is the city, not a club (`Manchester City won`)
    if n == 2
        && last == "City"
        && f.place_first.is_some()
        && f.organization.is_none()
        && span.tokens.start > 0
        && matches!(
            doc.word(span.tokens.start - 1),
            "in" | "at" | "near" | "from" | "to" | "into" | "outside" | "across" | "of"
        )
    {
        v.place += 3.5;
    }

    // `Coron Island`, `Manila Bay`, `Times Square`, `Mount Holyoke`, `Boulevard Montmartre`
    if n >= 2 && !span.institution {
        if listed!(PLACE_LAST, last) {
            v.place += 3.0;
        } else if listed!(PLACE_FIRST, first) {
            v.place += 2.0;
        }
    }

    // people
    if let Some(t) = span.title {
        if t.is(TitleKind::Honorific) {
            v.person += 5.0;
        } else {
            v.person += 4.0;
        }
    }
    if n >= 2 {
        let given = f.given_first.unwrap_or(0.0);
        let cue_last = f.last_cue;
        // `Florida State`, `Victoria Falls`: a place, not a given name
        let place_first = f.place_first.is_some_and(|m| {
            m.how != NameKind::Variant
                && matches!(
                    m.place.feature,
                    Feature::Country | Feature::State | Feature::Continent
                )
        });
        let whole_place = f.place.is_some();
        if given > 0.0
            && !cue_last
            && !place_first
            && !whole_place
            && last.chars().next().is_some_and(char::is_uppercase)
        {
            let mut p = 2.5 + given.min(1.0);
            if f.surname_last {
                p += 1.0;
            }
            if f.first_common {
                p -= 1.0;
            }
            v.person += p;
        }
        if f.family_first {
            v.person += 3.0;
        }
        // `Chang W. Lee`, `C. Eugene Steuerle`, `R Saravanan`: an initial among
        // capitalised words, but not initials alone (`S. F.`, `U. S.`)
        let initial = |w: &&str| {
            is_initial(w) || (w.chars().count() == 1 && w.chars().all(char::is_uppercase))
        };
        if words.iter().all(initial) {
            v.person -= 3.0;
        } else if words[..n - 1].iter().any(initial) && !cue_last {
            v.person += 2.0;
        }
    } else {
        if let Some(s) = f.surname_first
            && !f.first_common
        {
            v.person += if s >= 0.01 {
                1.2
            } else if s >= 0.001 {
                0.8
            } else {
                0.3
            };
        }
        if f.given_first.is_some_and(|g| g > 0.01) && !f.first_common {
            v.person += 0.5;
        }
    }

    // `Page A22`, `LGP-30`: no one's name, and model numbers are no organisations
    if words.iter().any(|w| w.chars().any(|c| c.is_ascii_digit())) {
        v.person -= 3.0;
        if !f.last_cue && f.organization.is_none() {
            v.none += 2.0;
        }
    }
    if n >= 2 && f.calendar_first {
        v.none += 3.0;
    }

    // the words around it
    let after = span.tokens.end;
    let word_at = |i: usize| (i < doc.tokens.len()).then(|| doc.word(i));
    // `Valentine's Day`, `St. Patrick's Day`: a calendar phrase that goes on
    // past the possessive
    if word_at(after).is_some_and(|w| matches!(w, "'s" | "\u{2019}s")) {
        let phrase = doc.words(span.tokens.start..(after + 3).min(doc.tokens.len()));
        if lex.calendar_at(&phrase).is_some_and(|(k, _)| k > n) {
            v.none += 6.0;
        }
    }
    // `Brown v. Board`, `Biden versus Nebraska`: a party to a case that no
    // list knows is most often a person
    let versus = |w: &str| matches!(w, "v." | "versus");
    let party = (span.tokens.start > 0 && versus(doc.word(span.tokens.start - 1)))
        || word_at(after).is_some_and(versus);
    if party && f.place.is_none() && f.organization.is_none() && n <= 2 {
        v.person += 2.0;
    }
    if word_at(after) == Some(",") {
        match word_at(after + 1).map(|w| with_lowercase(w, |w| (w == "who", w == "which"))) {
            Some((true, _)) => v.person += 2.0,
            Some((_, true)) => {
                v.org += 0.7;
                v.place += 0.7;
            }
            _ => {}
        }
    }
    if let Some(w) = word_at(after)
        && doc.sentence_of[after] == doc.sentence_of[span.tokens.start]
        && matches!(
            w,
            "said"
                | "says"
                | "told"
                | "added"
                | "wrote"
                | "writes"
                | "recalls"
                | "recalled"
                | "explained"
                | "explains"
        )
    {
        v.person += 1.0;
        v.org += 0.3;
    }
    // `Building 24`, `Apollo 11`, `Page A22`: a designation, not a name
    if let Some(w) = word_at(after)
        && doc.tokens[after].kind == TokenKind::Number
        && doc.sentence_of[after] == doc.sentence_of[span.tokens.start]
        && f.organization.is_none()
        && !w.contains(',')
    {
        v.none += 2.0;
    }
    // `the Walkley journalism foundation`, `the Labor government`
    for k in after..(after + 3).min(doc.tokens.len()) {
        let w = doc.word(k);
        if doc.sentence_of[k] != doc.sentence_of[span.tokens.start]
            || !w.chars().all(|c| c.is_lowercase())
        {
            break;
        }
        if listed!(ORG_NOUNS, w) {
            v.org += 2.0;
            break;
        }
    }
    // `the Obama administration`, `the Thatcher era`
    if let Some(w) = word_at(after)
        && doc.sentence_of[after] == doc.sentence_of[span.tokens.start]
        && PERSON_NOUNS.contains(&w)
        && n <= 2
    {
        v.person += 2.5;
    }
    // `the Punggye Ri nuclear test site`
    for k in after..(after + 4).min(doc.tokens.len()) {
        if doc.sentence_of[k] != doc.sentence_of[span.tokens.start] {
            break;
        }
        let w = doc.word(k);
        if !w.chars().all(|c| c.is_lowercase() || c == '-') {
            break;
        }
        if listed!(PLACE_NOUNS, w) {
            v.place += 2.5;
            break;
        }
    }
    // `Barracuda and Kayangan lakes`, `Dupont (now Grant) streets`: the
    // plural says that each name of the list is one (the rules are sure of it)
    let listed_place = word_at(after).is_some_and(|w| matches!(w, "and" | "or" | "," | "("))
        && plural_place_noun_after_list(doc, after);
    if listed_place {
        v.place += 3.5;
    }
    // `Seoul-based`
    if word_at(after) == Some("-")
        && word_at(after + 1).is_some_and(|w| PLACE_SUFFIXES.contains(&w))
        && doc.tokens[after].span().start == doc.tokens[after - 1].span().end
    {
        v.place += 3.0;
    }
    if span.tokens.start > 0 && span.role.is_none() {
        let before = doc.word(span.tokens.start - 1);
        // `said Tasos Georgelis`
        if matches!(
            before,
            "said"
                | "says"
                | "added"
                | "wrote"
                | "writes"
                | "asked"
                | "explained"
                | "explains"
                | "recalled"
                | "replied"
                | "according"
        ) && n >= 2
        {
            v.person += 2.0;
        }
        if matches!(
            before,
            "in" | "at" | "from" | "near" | "across" | "outside" | "inside" | "to" | "into"
        ) {
            v.place += 0.6;
        }
        // `appointed Draco`, `married Ellen`: verbs whose object is a person
        if listed!(PERSON_OBJECT_VERBS, before) {
            v.person += 2.0;
        }
        // `the King of Athens, Theseus`: a name in apposition to a title
        if before == "," && appositive_to_title(doc, lex, span.tokens.start - 1) {
            v.person += 2.5;
        }
        // `the journal Current Biology`, `the airline Skyways`: a name in
        // apposition to the kind of organisation it names
        // (but not a person's name: `the company John Harlow founded`)
        if listed!(ORG_KIND_BEFORE, before)
            && !(n >= 2 && f.given_first.is_some())
            && span.tokens.start >= 2
            && doc.sentence_of[span.tokens.start - 2] == doc.sentence_of[span.tokens.start]
        {
            v.org += 4.0;
        }
        // `the province of Palawan`, `the island of Busuanga`
        if before == "of"
            && span.tokens.start >= 2
            && with_lowercase(doc.word(span.tokens.start - 2), |w| listed!(PLACE_OF, w))
        {
            v.place += 2.5;
        }
        // `the 2nd Earl of Clare`, `the Duke of Norland`: a peer's or a
        // monarch's title names the land, not its holder
        if before == "of"
            && span.tokens.start >= 2
            && listed!(REALM_TITLES, doc.word(span.tokens.start - 2))
        {
            v.place += 3.0;
            v.person -= 1.0;
        }
        if before == "the" || before == "The" {
            v.person -= 1.0;
            v.org += 0.5;
            // `the Areopagus`, `the Bundestag`: a single word no list knows,
            // after `the`, names an institution, not a person (but `the
            // Clintons` is a family)
            if n == 1 && !span.sentence_initial && f.first_unknown {
                v.person -= 1.0;
                v.org += 2.5;
            }
        }
    }

    // capitalisation that proves nothing (see `NameFacts::only_common`)
    let only_common = f.only_common;
    // (but a list that a plural place noun ends proves it: `Barracuda and
    // Kayangan lakes are…`)
    if span.sentence_initial && n == 1 && !listed_place {
        if f.first_common || doc.tokens[span.tokens.start].kind != TokenKind::Word {
            v.none += 3.0;
        } else {
            v.none += 0.8;
        }
    } else if only_common && !span.institution {
        let known_place = f.place.is_some_and(|m| m.how != NameKind::Variant);
        v.none += if heading || all_caps {
            3.0
        } else if known_place {
            0.0
        } else {
            1.5
        };
    } else if heading && n == 1 {
        v.none += 0.5;
    }
    // `major Western capitals`: an ordinary word between two lowercase words
    // of its sentence is an adjective with a capital, no name (but not after a
    // determiner: `the Crown prosecutor`, `a Senate vote`)
    let sentence = doc.sentence_of[span.tokens.start];
    let lower_word = |i: usize| {
        doc.word_in_sentence(i, sentence).is_some_and(|w| {
            doc.tokens[i].kind == TokenKind::Word && w.chars().all(char::is_lowercase)
        })
    };
    if n == 1
        && only_common
        && !span.sentence_initial
        && !f.name_like_first
        && span.tokens.start > 0
        && lower_word(span.tokens.start - 1)
        && !matches!(
            doc.word(span.tokens.start - 1),
            "the" | "a" | "an" | "this" | "that" | "its" | "their" | "his" | "her" | "our"
        )
        && lower_word(after)
        && f.place.is_none()
        && f.organization.is_none()
        && !f.first_cue
    {
        v.none += 2.5;
    }
    if all_caps && n == 1 && first.chars().count() <= 1 {
        v.none += 5.0;
    }
    // `A HIGH-powered team`: an ordinary word set in capitals (a newspaper's
    // opening words) and glued to a lowercase one is no name
    if n == 1
        && let Some((head, tail)) = first.split_once('-')
        && head.chars().count() >= 2
        && head.chars().all(char::is_uppercase)
        && tail.chars().next().is_some_and(char::is_lowercase)
        && is_common(lex, &head.to_lowercase())
    {
        v.none += 5.0;
    }
    // `the Government Will Soon Spend More on Interest Than`: a run of a
    // title-case headline that ends in a function word is no name
    if n >= 2 && listed!(ENDS_NO_NAME, last) {
        v.none += 8.0;
    }
    // the learned tagger's reading of these words in this sentence: it
    // decides where the rules are unsure, and only confirms where they are sure
    v.add(confirm_or_decide(v, tagger_votes(doc, span)));
    v
}

/// The tagger's votes, kept only for the rules' own choice when the rules
/// are sure of a kind (an organisation word, a gazetteer place in a place's
/// context, a title before a name).
fn confirm_or_decide(rules: Votes, tagged: Votes) -> Votes {
    let kinds = [rules.person, rules.org, rules.place];
    let best = kinds.iter().copied().fold(0.0, f32::max);
    let second = kinds
        .iter()
        .copied()
        .filter(|&k| k != best)
        .fold(rules.none.min(best), f32::max);
    if best < STRONG || best - second < STRONG_MARGIN {
        return tagged;
    }
    Votes {
        person: if rules.person == best {
            tagged.person
        } else {
            0.0
        },
        org: if rules.org == best { tagged.org } else { 0.0 },
        place: if rules.place == best {
            tagged.place
        } else {
            0.0
        },
        none: 0.0,
    }
}

/// The storm a name announces (`Hurricane Katrina`, `Tropical Storm Alberto`,
/// `Cyclone Phailin`): its own name, the last word; storms are no one.
pub fn storm_name<'a>(words: &[&'a str]) -> Option<&'a str> {
    let rest = match words {
        [
            "Hurricane" | "Cyclone" | "Typhoon" | "Supertyphoon",
            rest @ ..,
        ] => rest,
        ["Super", "Typhoon", rest @ ..] => rest,
        ["Tropical", "Storm" | "Cyclone" | "Depression", rest @ ..] => rest,
        _ => return None,
    };
    match rest {
        [name] => Some(name),
        _ => None,
    }
}

/// Capitalised words that end no name, only runs of title-case headlines
/// (`... Spend More on Interest Than`).
const ENDS_NO_NAME: &[&str] = &[
    "The", "A", "An", "Than", "Then", "And", "Or", "But", "To", "With", "From", "By", "If", "When",
    "While", "That", "Is", "Are", "Was", "Were", "Will", "Would", "Could", "Should",
];

/// Last words of the names of events.
const EVENT_LAST: &[&str] = &[
    "War",
    "Wars",
    "Games",
    "Olympics",
    "Paralympics",
    "Crusade",
    "Crusades",
    "Revolution",
    "Championship",
    "Championships",
    "Cup",
    "Festival",
    "Tournament",
    "Expo",
];

/// Whether the word at `i` is a time zone written after a clock time:
/// two to four capitals (`ET`, `EST`, `GMT`, `UTC`) after `AM`/`PM`,
/// `a.m.`/`p.m.` or a time like `14:30`.
fn is_time_zone_after_time(doc: &Doc, i: usize) -> bool {
    let word = doc.word(i);
    let letters = word.chars().count();
    if !(2..=4).contains(&letters) || !word.chars().all(|c| c.is_ascii_uppercase()) || i == 0 {
        return false;
    }
    let before = doc.word(i - 1);
    let clock = |w: &str| {
        w.split_once(':').is_some_and(|(h, m)| {
            !h.is_empty()
                && h.len() <= 2
                && m.len() == 2
                && h.chars().chain(m.chars()).all(|c| c.is_ascii_digit())
        })
    };
    matches!(
        before.to_ascii_lowercase().as_str(),
        "am" | "pm" | "a.m." | "p.m." | "a.m" | "p.m"
    ) || clock(before)
        || (i >= 3 && doc.word(i - 2) == ":" && clock(&format!("{}:{}", doc.word(i - 3), before)))
}

/// Whether nothing but punctuation follows the span in its sentence: where
/// a picture's credit ends (`…, via Shutterstock`).
fn credit_ends(doc: &Doc, span: &NameSpan) -> bool {
    let end = doc.sentence_at(span.tokens.start).tokens.end;
    (span.tokens.end..end).all(|i| doc.tokens[i].kind != TokenKind::Word)
}

/// Whether the name of `span` and a name of two to five capitalised words
/// ending in an organisation cue (`News Corporation`, `the Nine Network`) are
/// joined by `and`/`or` in one sentence, either way round.
fn coordinated_with_org(doc: &Doc, lex: &Lexicon, span: &NameSpan) -> bool {
    let sentence = doc.sentence_of[span.tokens.start];
    let word_in = |k: usize| doc.word_in_sentence(k, sentence);
    let capitalised = |k: usize| doc.capitalised_in_sentence(k, sentence);
    let conjunction = |k: usize| matches!(word_in(k), Some("and" | "or"));
    // `News Corporation and [Fairfax]`
    let start = span.tokens.start;
    if start >= 3
        && conjunction(start - 1)
        && capitalised(start - 2)
        && capitalised(start - 3)
        && lex.org_cue(doc.word(start - 2)).is_some()
    {
        return true;
    }
    // `[Fairfax] and the Nine Network`
    let end = span.tokens.end;
    if !conjunction(end) {
        return false;
    }
    let mut k = end + 1;
    if matches!(word_in(k), Some("the")) {
        k += 1;
    }
    let end = doc.capitalised_run_end(k, sentence, 5);
    end - k >= 2 && lex.org_cue(doc.word(end - 1)).is_some()
}

/// Whether a place that also names the organisation called after it (the
/// alias `Cambridge` of `University of Cambridge`) is used as the place,
/// after a preposition of location: `a company in Cambridge` (but `studied
/// at Cambridge` is the university).
fn in_place_named_by_org(doc: &Doc, lex: &Lexicon, span: &NameSpan, full: &str, org: &str) -> bool {
    span.tokens.start > 0
        && org != full
        && org.split(' ').any(|w| w == full)
        && lex.place(full).is_some_and(|m| m.how != NameKind::Variant)
        && matches!(
            doc.word(span.tokens.start - 1),
            "in" | "near" | "outside" | "around" | "throughout"
        )
}

/// Lowercase nouns after a list of fields that make the list one unit's
/// name: `the Science, Technology and Society program`.
const UNIT_NOUNS: &[&str] = &[
    "program",
    "programme",
    "department",
    "course",
    "major",
    "minor",
    "degree",
    "curriculum",
];

/// Whether `span` is an item of a list of capitalised words (`A, B and C`,
/// each of one to three words) that a singular [`UNIT_NOUNS`] word ends.
fn in_list_naming_a_unit(doc: &Doc, span: &NameSpan) -> bool {
    let sentence = doc.sentence_of[span.tokens.start];
    let word_in = |k: usize| doc.word_in_sentence(k, sentence);
    let capitalised = |k: usize| doc.capitalised_in_sentence(k, sentence);
    let joiner = |k: usize| matches!(word_in(k), Some("," | "and" | "&"));
    let mut items = 1;
    // an item before this one: `Technology and [Society]`
    if span.tokens.start >= 2 && joiner(span.tokens.start - 1) && capitalised(span.tokens.start - 2)
    {
        items += 1;
    }
    // the items after it, up to the word that ends the list
    let mut at = span.tokens.end;
    for _ in 0..6 {
        if !joiner(at) {
            break;
        }
        at += 1;
        if matches!(word_in(at), Some("and" | "&")) {
            at += 1;
        }
        let end = doc.capitalised_run_end(at, sentence, 3);
        if end == at {
            return false;
        }
        at = end;
        items += 1;
    }
    items >= 2 && word_in(at).is_some_and(|w| UNIT_NOUNS.contains(&w))
}

/// Whether no list knows `word` (no given name, family name, place,
/// organisation, demonym or English word) and it is no plural (`the
/// Clintons`, `the Tagbanuas` are a family, a people).
fn unknown_word(lex: &Lexicon, word: &str) -> bool {
    let known = |w: &str| {
        lex.given_name(w).is_some()
            || lex.surname(w).is_some()
            || lex.place(w).is_some()
            || lex.organization(w).is_some()
            || lex.demonym(w).is_some()
            || lex.common_word(w).is_some()
            || lex.org_cue(w).is_some()
    };
    word.chars().all(char::is_alphabetic)
        && word.chars().skip(1).all(char::is_lowercase)
        && !known(word)
        && !looks_plural(word)
}

/// Whether a word ends like an English plural: in `s`, but not in `us`,
/// `ss` or `is`, which singulars end in (`Areopagus`, `Congress`, `Genesis`).
fn looks_plural(word: &str) -> bool {
    word.ends_with('s') && !["us", "ss", "is"].iter().any(|e| word.ends_with(e))
}

/// Names said as oaths.
const OATHS: &[&str] = &["Jesus", "Christ", "God", "Lord", "Gosh"];

/// Whether the word at `i` is an oath: it opens a quotation and an
/// exclamation mark or an ellipsis follows it.
fn is_oath(doc: &Doc, i: usize) -> bool {
    OATHS.contains(&doc.word(i))
        && i > 0
        && matches!(doc.word(i - 1), "\"" | "\u{201c}")
        && i + 1 < doc.tokens.len()
        && matches!(
            doc.word(i + 1),
            "!" | "\u{2026}" | "..." | "!\u{201d}" | "!\""
        )
}

/// Whether a name is an event's: `Summer Olympic Games`, `World War II`, `WWII`.
fn is_event(words: &[&str]) -> bool {
    let n = words.len();
    let roman = |w: &str| !w.is_empty() && w.chars().all(|c| matches!(c, 'I' | 'V' | 'X'));
    listed!(EVENT_LAST, words[n - 1])
        || (n >= 2
            && words[n - 2] == "War"
            && (roman(words[n - 1]) || words[n - 1] == "One" || words[n - 1] == "Two"))
        || (n == 1 && words[0].starts_with("WW") && roman(&words[0][2..]))
}

/// What the votes ask the lexicon about a name's own words, whatever its
/// context: the same at every occurrence of the name, so asked once per
/// document and name ([`Facts`]).
#[derive(Clone, Copy, Debug, PartialEq)]
struct NameFacts {
    /// The words are a calendar phrase (`Labor Day`).
    calendar: bool,
    /// A storm's name (`Hurricane Katrina`).
    storm: bool,
    /// An event not named after an organisation (`World War II`).
    event: bool,
    /// A demonym of a place of another name (`French`).
    demonym: bool,
    /// The well-known organisation the name is.
    organization: Option<Organization>,
    /// The place the name is.
    place: Option<PlaceMatch>,
    /// The name in lowercase is a common word (`Nice`, `Bath`).
    place_common: bool,
    /// The place the first word is.
    place_first: Option<PlaceMatch>,
    /// The first word in lowercase is a common word.
    first_common: bool,
    /// How common the first word is as a given name, and as a surname.
    given_first: Option<f32>,
    surname_first: Option<f32>,
    /// The first word is a frequent given or family name (`Green`, `Young`).
    name_like_first: bool,
    /// The first word is an organisation cue, and one that may stand anywhere.
    first_cue: bool,
    first_cue_any: bool,
    /// The last word is an organisation cue.
    last_cue: bool,
    /// The last word is a surname.
    surname_last: bool,
    /// The name ends in an organisation cue of one or two words.
    cue_end: bool,
    /// A cue word that may stand anywhere, then a known place (`University
    /// College London`).
    cue_then_place: bool,
    /// An administrative division `X of Y`.
    division_of: bool,
    /// A word of it heads a place's name (`Island`) and is no organisation cue.
    geographic: bool,
    /// Three to six capitals (and `&`): an acronym.
    acronym: bool,
    /// A name in the family-name-first order of a tradition (`Moon Jae-in`).
    family_first: bool,
    /// The first word is a weekday or month as written (`Monday`).
    calendar_first: bool,
    /// The first word is in no list at all.
    first_unknown: bool,
    /// Every word is common (and, in a name of several words, no frequent
    /// given or family name) or no word at all: capitals that prove nothing.
    only_common: bool,
}

impl NameFacts {
    fn new(lex: &Lexicon, full: &str, words: &[&str]) -> NameFacts {
        use crate::analysis::lexicon::CuePosition;
        let n = words.len();
        let (first, last) = (words[0], words[n - 1]);
        let frequent = |f: f32| f >= 0.02;
        let name_like = |w: &str| {
            lex.surname(w).is_some_and(frequent) || lex.given_name(w).is_some_and(frequent)
        };
        let cue_any = |w: &str| {
            lex.org_cue(w)
                .is_some_and(|c| c.position == CuePosition::Any)
        };
        let letters = first.chars().filter(|c| c.is_alphabetic()).count();
        NameFacts {
            calendar: lex.calendar_at(words).is_some_and(|(k, _)| k == n),
            storm: storm_name(words).is_some(),
            event: is_event(words) && lex.org_cue_at(words).is_none(),
            demonym: lex.demonym(full).is_some_and(|p| p.name != full),
            organization: lex.organization(full),
            place: lex.place(full),
            place_common: lex.place_is_common_word(full),
            place_first: lex.place(first),
            first_common: is_common(lex, first),
            given_first: lex.given_name(first),
            surname_first: lex.surname(first),
            name_like_first: name_like(first),
            first_cue: lex.org_cue(first).is_some(),
            first_cue_any: cue_any(first),
            last_cue: lex.org_cue(last).is_some(),
            surname_last: lex.surname(last).is_some(),
            cue_end: lex.org_cue(last).is_some()
                || lex
                    .org_cue_at(&words[n.saturating_sub(2)..])
                    .is_some_and(|(k, _)| k == 2),
            cue_then_place: n >= 3
                && (1..n - 1)
                    .any(|k| cue_any(words[k]) && lex.place(&words[k + 1..].join(" ")).is_some()),
            division_of: is_division_of(lex, words),
            geographic: words
                .iter()
                .any(|w| super::segment::is_place_head(w) && lex.org_cue(w).is_none()),
            acronym: (3..=6).contains(&letters)
                && first.chars().all(|c| c.is_uppercase() || c == '&'),
            family_first: super::people::is_family_first(lex, words),
            calendar_first: lex
                .calendar(first)
                .is_some_and(|c| !c.ambiguous && c.canonical == first),
            first_unknown: unknown_word(lex, first),
            only_common: words.iter().all(|w| {
                (is_common(lex, w) && !(n >= 2 && name_like(w)))
                    || w.chars().all(|c| !c.is_alphabetic())
            }),
        }
    }
}

/// The [`NameFacts`] of the names of one document, asked of the lexicon at
/// each name's first occurrence.
#[derive(Default)]
pub struct Facts<'a>(super::PerRun<'a, NameFacts>);

impl<'a> Facts<'a> {
    fn of(&mut self, lex: &Lexicon, full: &'a str, words: &[&'a str]) -> NameFacts {
        self.0.get(full, words, || NameFacts::new(lex, full, words))
    }
}

/// Votes from the named-entity tagger: the mean probability of each type
/// over the span's tokens.
fn tagger_votes(doc: &Doc, span: &NameSpan) -> Votes {
    // Weighted by how far the tagger can be trusted with each type (GUM dev
    // F1: people 0.68, places 0.57, organisations 0.44; places are better
    // told by the gazetteer and context), tuned over the development set.
    const PERSON: f32 = 4.0;
    const ORG: f32 = 2.0;
    const PLACE: f32 = 1.0;
    const NONE: f32 = 1.0;
    let mut v = Votes::default();
    let n = span.tokens.len() as f32;
    for tag in &doc.ner[span.tokens.clone()] {
        let p = tag.confidence / n;
        match tag.entity_type() {
            Some("PER") => v.person += p * PERSON,
            Some("ORG") => v.org += p * ORG,
            Some("LOC") => v.place += p * PLACE,
            _ => v.none += p * NONE,
        }
    }
    v
}

/// The tagger's own entities (`B-X I-X …` runs), for measuring it without
/// the rules: every span it tags, with no role before it.
pub fn tagged_spans(doc: &Doc) -> Vec<NameSpan> {
    let mut spans = Vec::new();
    for sentence in &doc.sentences {
        let mut open: Option<(usize, &str)> = None;
        for i in sentence
            .tokens
            .clone()
            .chain(std::iter::once(sentence.tokens.end))
        {
            let tag = (i < sentence.tokens.end).then(|| doc.ner[i]);
            let kind = tag.and_then(|t| t.entity_type());
            let continues = matches!((open, kind, tag), (Some((_, k)), Some(t), Some(tag)) if k == t && !tag.begins());
            if continues {
                continue;
            }
            if let Some((start, _)) = open.take() {
                spans.push(NameSpan {
                    tokens: start..i,
                    role: None,
                    title: None,
                    sentence_initial: start == sentence.tokens.start,
                    institution: false,
                });
            }
            open = kind.map(|k| (i, k));
        }
    }
    spans
}

/// Votes for a span the tagger found: the kind it gave, decisively.
pub fn tagger_only_votes(doc: &Doc, span: &NameSpan) -> Votes {
    let mut v = Votes::default();
    match doc.ner[span.tokens.start].entity_type() {
        Some("PER") => v.person = 3.0,
        Some("ORG") => v.org = 3.0,
        Some("LOC") => v.place = 3.0,
        _ => v.none = 3.0,
    }
    v
}

/// Whether the sentence around a span is written in capitals (a headline, a tagline).
fn all_caps_context(doc: &Doc, span: &NameSpan) -> bool {
    let (mut words, mut caps) = (0usize, 0usize);
    for i in doc.sentence_at(span.tokens.start).tokens.clone() {
        let w = doc.word(i);
        if w.chars().any(char::is_alphabetic) {
            words += 1;
            caps += usize::from(!w.chars().any(char::is_lowercase));
        }
    }
    words >= 3 && caps * 10 >= words * 7
}

/// A common English word (tier 1–2) that is not also a known name.
pub fn is_common(lex: &Lexicon, word: &str) -> bool {
    lex.common_word(word).is_some_and(|w| w.is_common())
}

/// `W.`, `C.`: a capital letter with a period.
pub fn is_initial(word: &str) -> bool {
    let mut c = word.chars();
    matches!((c.next(), c.next(), c.next()), (Some(a), Some('.'), None) if a.is_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn facts_are_kept_per_name_and_its_words() {
        let lex = crate::analysis::lexicon::get();
        let mut facts = Facts::default();
        let asked = |full: &str, words: &[&str]| NameFacts::new(lex, full, words);
        let day = facts.of(lex, "Labor Day", &["Labor", "Day"]);
        assert!(day.calendar && !day.first_unknown);
        assert_eq!(day, asked("Labor Day", &["Labor", "Day"]));
        assert_eq!(facts.of(lex, "Labor Day", &["Labor", "Day"]), day);
        // the same text cut into other words is asked again, not taken from
        // the first cut
        let cuts: [&[&str]; 2] = [&["New", "York", "City"], &["New York", "City"]];
        for words in cuts {
            assert_eq!(
                facts.of(lex, "New York City", words),
                asked("New York City", words)
            );
        }
        assert_ne!(
            asked("New York City", cuts[0]).place_first,
            asked("New York City", cuts[1]).place_first
        );
    }
}
