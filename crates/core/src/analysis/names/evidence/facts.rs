//! What the lexicon says of a name's own words, whatever its context
//! ([`NameFacts`]): the same at every occurrence of the name, so asked once
//! per document and name ([`Facts`]).

use crate::analysis::lexicon::{CuePosition, Lexicon, NameKind, Organization, PlaceMatch};

/// What the votes ask the lexicon about a name's own words.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NameFacts {
    /// The words are a calendar phrase (`Labor Day`).
    pub calendar: bool,
    /// A storm's name (`Hurricane Katrina`).
    pub storm: bool,
    /// An event not named after an organisation (`World War II`).
    pub event: bool,
    /// A demonym of a place of another name (`French`).
    pub demonym: bool,
    /// The well-known organisation the name is.
    pub organization: Option<Organization>,
    /// The place the name is.
    pub place: Option<PlaceMatch>,
    /// The name in lowercase is a common word (`Nice`, `Bath`).
    pub place_common: bool,
    /// The place the first word is.
    pub place_first: Option<PlaceMatch>,
    /// The first words (two or more, not all) are a place by its own name
    /// or an alias (`San Diego` of `San Diego Comic-Con`).
    pub place_lead: bool,
    /// The first word in lowercase is a common word.
    pub first_common: bool,
    /// How common the first word is as a given name, and as a surname.
    pub given_first: Option<f32>,
    pub surname_first: Option<f32>,
    /// The first word is a frequent given or family name (`Green`, `Young`).
    pub name_like_first: bool,
    /// The first word is an organisation cue, and one that may stand anywhere.
    pub first_cue: bool,
    pub first_cue_any: bool,
    /// The last word is an organisation cue.
    pub last_cue: bool,
    /// The last word is a surname.
    pub surname_last: bool,
    /// The name ends in an organisation cue of one or two words.
    pub cue_end: bool,
    /// A cue word that may stand anywhere, then a known place (`University
    /// College London`).
    pub cue_then_place: bool,
    /// An administrative division `X of Y`.
    pub division_of: bool,
    /// A word of it heads a place's name (`Island`) and is no organisation cue.
    pub geographic: bool,
    /// Three to six capitals (and `&`): an acronym.
    pub acronym: bool,
    /// A name in the family-name-first order of a tradition (`Moon Jae-in`).
    pub family_first: bool,
    /// The first word is a weekday or month as written (`Monday`).
    pub calendar_first: bool,
    /// The first word is in no list at all.
    pub first_unknown: bool,
    /// Every word is common (and, in a name of several words, no frequent
    /// given or family name) or no word at all: capitals that prove nothing.
    pub only_common: bool,
    /// Two or three words shaped like a person's name, none an ordinary word, a title, an organisation's or
    /// place's word, a demonym or a place of 100,000 people or more
    /// (`Thibaut Courtois`, `Rainer Werner Fassbinder`): a name no list knows.
    pub shaped_like_full_name: bool,
}

impl NameFacts {
    fn new(lex: &Lexicon, full: &str, words: &[&str]) -> NameFacts {
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
            storm: storm_name(lex, words).is_some(),
            event: is_event(lex, words) && lex.org_cue_at(words).is_none(),
            demonym: lex.demonym(full).is_some_and(|p| p.name != full),
            organization: lex.organization(full),
            place: lex.place(full),
            place_common: lex.place_is_common_word(full),
            place_first: lex.place(first),
            place_lead: (2..n).any(|k| {
                lex.place(&words[..k].join(" "))
                    .is_some_and(|m| m.how != NameKind::Variant)
            }),
            first_common: is_common(lex, first),
            // (a lowercase particle is no one's given name: `le Néon`)
            given_first: capitalised(first).then(|| lex.given_name(first)).flatten(),
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
                .any(|w| super::super::segment::is_place_head(lex, w) && lex.org_cue(w).is_none()),
            acronym: (3..=6).contains(&letters)
                && first.chars().all(|c| c.is_uppercase() || c == '&'),
            family_first: super::super::people::is_family_first(lex, words),
            calendar_first: lex
                .calendar(first)
                .is_some_and(|c| !c.ambiguous && c.canonical == first),
            first_unknown: unknown_word(lex, first),
            only_common: words.iter().all(|w| {
                (is_common(lex, w) && !(n >= 2 && name_like(w)))
                    || w.chars().all(|c| !c.is_alphabetic())
            }),
            shaped_like_full_name: shaped_like_full_name(lex, full, words),
        }
    }
}

/// The [`NameFacts`] of the names of one document, asked of the lexicon at
/// each name's first occurrence.
#[derive(Default)]
pub struct Facts<'a>(super::super::PerRun<'a, NameFacts>);

impl<'a> Facts<'a> {
    pub fn of(&mut self, lex: &Lexicon, full: &'a str, words: &[&'a str]) -> NameFacts {
        self.0.get(full, words, || NameFacts::new(lex, full, words))
    }
}

/// Whether a word starts with a capital.
fn capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
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

/// The storm a name announces (`Hurricane Katrina`, `Tropical Storm Alberto`,
/// `Cyclone Phailin`): its own name, the one word after a kind of storm
/// (one or two words); storms are no one.
pub fn storm_name<'a>(lex: &Lexicon, words: &[&'a str]) -> Option<&'a str> {
    let kinds = &lex.lists.storm_kinds;
    match *words {
        [kind, name] if kinds.contains(kind) => Some(name),
        [first, second, name] => kinds
            .iter()
            .any(|k| k.split_once(' ') == Some((first, second)))
            .then_some(name),
        _ => None,
    }
}

/// Whether a name is an event's: `Summer Olympic Games`, `World War II`, `WWII`.
fn is_event(lex: &Lexicon, words: &[&str]) -> bool {
    let n = words.len();
    let roman = |w: &str| !w.is_empty() && w.chars().all(|c| matches!(c, 'I' | 'V' | 'X'));
    lex.lists.event_last_words.contains(words[n - 1])
        || (n >= 2
            && words[n - 2] == "War"
            && (roman(words[n - 1]) || words[n - 1] == "One" || words[n - 1] == "Two"))
        || (n == 1 && words[0].starts_with("WW") && roman(&words[0][2..]))
}

/// Whether a word (any ASCII case) names an administrative division:
/// capitalised as the list writes them (`city` → `City`) and looked up.
pub fn is_division(lex: &Lexicon, word: &str) -> bool {
    let mut capitalised = word.to_ascii_lowercase();
    if let Some(first) = capitalised.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    lex.lists.divisions.contains(&capitalised)
}

/// Whether a name is an administrative division `X of Y` (`Municipality of
/// Culion`, but `City of Sydney Council` ends in an organisation word).
fn is_division_of(lex: &Lexicon, words: &[&str]) -> bool {
    words.len() >= 3
        && lex.lists.divisions.contains(words[0])
        && words[1] == "of"
        && lex.org_cue(words[words.len() - 1]).is_none()
}

/// See [`NameFacts::shaped_like_full_name`].
fn shaped_like_full_name(lex: &Lexicon, full: &str, words: &[&str]) -> bool {
    // (no particle: `Terre de Haut`, `Paseo de Montejo` are as often places)
    if !(2..=3).contains(&words.len())
        || lex.place(full).is_some()
        || lex.organization(full).is_some()
        || lex.title(full).is_some()
    {
        return false;
    }
    words.iter().all(|w| {
        super::super::name_shaped(w)
            && !is_common(lex, w)
            && lex.org_cue(w).is_none()
            && lex.organization(w).is_none()
            && lex.demonym(w).is_none()
            && lex.title(w).is_none()
            && lex.calendar(w).is_none()
            && !lex.lists.place_first_words.contains(w)
            && !lex.lists.place_last_words.contains(w)
            && !lex.lists.group_words.contains(w)
            && lex
                .place(w)
                .is_none_or(|m| !super::is_major_place(&m) && m.place.population < 100_000)
    })
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

    #[test]
    fn names_no_list_knows_are_shaped_like_full_names() {
        let lex = crate::analysis::lexicon::get();
        let shaped = |full: &str| {
            let words: Vec<&str> = full.split(' ').collect();
            NameFacts::new(lex, full, &words).shaped_like_full_name
        };
        assert!(shaped("Thibaut Courtois"));
        assert!(shaped("Rainer Werner Fassbinder"));
        assert!(shaped("Xander Bogaerts"));
        // a place, ordinary words, an organisation's word, one word, capitals
        assert!(!shaped("San Francisco"));
        assert!(!shaped("Cemetery Junction"));
        assert!(!shaped("Youngspiration Party"));
        assert!(!shaped("Courtois"));
        assert!(!shaped("NASA Goddard"));
        assert!(!shaped("de Oliveira"));
        assert!(!shaped("Terre de Haut"));
    }
}
