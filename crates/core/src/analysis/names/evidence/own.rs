//! Votes from a name's own words: what the lexicon says they are (a date, a
//! known organisation or place, a given name), the words organisations and
//! places are named with, titles, initials and digits.

use super::context::part_of_quoted_title;
use super::context::{all_caps_context, in_list_naming_a_unit, in_place_named_by_org};
use super::context::{is_oath, is_time_zone_after_time};
use super::facts::is_initial;
use super::{Occurrence, is_major_place};
use crate::analysis::doc::Doc;
use crate::analysis::lexicon::{Feature, Lexicon, NameKind, TitleKind};
use crate::analysis::names::rules::{self, Ballot};
use crate::analysis::tokens::with_lowercase;

/// Calendar words, storms, events, demonyms, oaths, the fields a unit is
/// named after, legal forms and time zones are never names here.
pub fn not_a_name(doc: &Doc, lex: &Lexicon, o: &Occurrence, b: &mut Ballot) {
    let (f, span, n) = (&o.facts, o.span, o.words.len());
    if f.calendar {
        b.cast(&rules::CALENDAR_PHRASE);
    }
    if f.storm {
        b.cast(&rules::STORM);
    }
    // (unless an organisation is named after the event)
    if f.event {
        b.cast(&rules::EVENT);
    }
    if f.demonym && !span.institution {
        b.cast(&rules::DEMONYM);
    }
    // `Christian leaders`, `Buddhists`, `Senate Republicans`
    if n == 1 && lex.lists.group_words.contains(o.words[0]) {
        b.cast(&rules::GROUP_WORD);
    }
    if n == 1 && is_oath(doc, lex, span.tokens.start) {
        b.cast(&rules::OATH);
    }
    // the words of one name, none a name alone
    if n <= 3 && in_list_naming_a_unit(doc, lex, span) {
        b.cast(&rules::FIELD_OF_A_UNIT);
    }
    // `the Halls of Congress`: the part of the building the institution after it sits in
    if n == 1
        && lex.lists.building_parts.contains(o.words[0])
        && doc.tokens.get(span.tokens.end).is_some()
        && doc.word(span.tokens.end) == "of"
    {
        b.cast(&rules::BUILDING_PART_BEFORE_OF);
    }
    // (votes are summed per name: one word, or a given name first, may be
    // someone's named elsewhere too: `“The Jenna and Julien Podcast”`)
    if n >= 2
        && f.given_first.is_none()
        && f.organization.is_none()
        && f.place.is_none()
        && part_of_quoted_title(doc, lex, span.tokens.clone())
    {
        b.cast(&rules::PART_OF_QUOTED_TITLE);
    }
    if n == 1 && lex.lists.legal_forms.contains(o.words[0]) {
        b.cast(&rules::LEGAL_FORM_ALONE);
    }
    if n == 1 && is_acronym_term(lex, o.words[0]) {
        b.cast(&rules::ACRONYM_TERM);
    }
    if n == 1 && o.facts.acronym && after_a_number(doc, span.tokens.start) {
        b.cast(&rules::ACRONYM_AFTER_NUMBER);
    }
    if n == 1 && o.facts.acronym && code_after_label(doc, span.tokens.start) {
        b.cast(&rules::CODE_AFTER_LABEL);
    }
    if n == 1 && is_time_zone_after_time(doc, lex, span.tokens.start) {
        b.cast(&rules::TIME_ZONE);
    }
}

/// Whether `word` is an acronym in everyday use for a thing, a role or a
/// unit (`DNA`, `CEOs`), as the list has it or without a plural's `s`.
fn is_acronym_term(lex: &Lexicon, word: &str) -> bool {
    let terms = &lex.lists.acronym_terms;
    terms.contains(word)
        || word
            .strip_suffix('s')
            .is_some_and(|w| w.len() >= 2 && terms.contains(w))
}

/// Whether token `i` follows `(`, a label in capitals and a colon (`(IATA:
/// PHX)`, `(ICAO: KPHX)`): a code the label's system gives, no name.
fn code_after_label(doc: &Doc, i: usize) -> bool {
    i >= 3 && doc.word(i - 1) == ":" && doc.word(i - 3) == "(" && {
        let label = doc.word(i - 2);
        label.len() >= 2 && label.chars().all(|c| c.is_ascii_uppercase())
    }
}

/// Whether the token before `i` is a number, not a year (`3 RBI`, `250
/// MXN`, but `in 2011 NASA`): what follows is a unit.
fn after_a_number(doc: &Doc, i: usize) -> bool {
    if i == 0 || doc.tokens[i - 1].kind != crate::analysis::tokens::TokenKind::Number {
        return false;
    }
    let n = doc.word(i - 1);
    let year = n.len() == 4 && n.parse::<u32>().is_ok_and(|y| (1000..2200).contains(&y));
    !year
}

/// A well-known organisation (one whose name is an ordinary word counts less).
pub fn known_organisation(doc: &Doc, lex: &Lexicon, o: &Occurrence, b: &mut Ballot) {
    if let Some(org) = o.facts.organization {
        b.cast(if o.words.len() == 1 && o.facts.first_common {
            &rules::KNOWN_ORG_COMMON_WORD
        } else if in_place_named_by_org(doc, lex, o.span, o.full, org.name) {
            &rules::KNOWN_ORG_IN_PLACE_NAMED_BY_IT
        } else {
            &rules::KNOWN_ORG
        });
    } else if o.words.len() == 1
        && super::place_cues::web_address(o.full)
        && o.full
            .rsplit_once('.')
            .is_some_and(|(site, _)| lex.organization(site).is_some())
    {
        // `Wired.com`: the organisation's own site
        b.cast(&rules::KNOWN_ORG_WEBSITE);
    }
}

/// Words joined by connectors that an organisation or place word asked for,
/// and the organisation words a name starts or ends with.
pub fn institution_and_cues(doc: &Doc, o: &Occurrence, b: &mut Ballot) {
    let (f, span, n) = (&o.facts, o.span, o.words.len());
    if span.institution {
        b.cast(if f.division_of {
            &rules::DIVISION_OF
        } else if f.geographic {
            &rules::GEOGRAPHIC_INSTITUTION
        } else {
            &rules::INSTITUTION
        });
    }
    if n >= 2 || span.institution {
        // (`the States of the Union`: the place word asked for the `of`,
        // and the organisation word after it is the place it is of)
        if f.cue_end && !(f.geographic && place_head_of_one_word(o.words)) {
            b.cast(&rules::ENDS_IN_ORG_CUE);
        }
        if f.first_cue_any && !f.division_of {
            b.cast(&rules::STARTS_WITH_ORG_CUE);
        }
        if f.cue_then_place {
            b.cast(&rules::ORG_CUE_THEN_PLACE);
        }
    } else if !span.sentence_initial && !o.heading {
        if f.first_cue_any {
            b.cast(&rules::ORG_CUE_ALONE);
        }
        if f.acronym && !all_caps_context(doc, span) && f.place_first.is_none() {
            b.cast(&rules::ACRONYM);
        }
    }
}

/// Whether a name is a place word, `of` (and `the`) and one word:
/// `States of the Union`, `Isle of Man`.
fn place_head_of_one_word(words: &[&str]) -> bool {
    matches!(words, [_, "of", _] | [_, "of", "the", _])
}

/// A place of the gazetteer (less if it is also an ordinary word or a given
/// name), or a direction before one.
pub fn known_place(doc: &Doc, lex: &Lexicon, o: &Occurrence, b: &mut Ballot) {
    let (f, n) = (&o.facts, o.words.len());
    if let Some(m) = f.place {
        let major = is_major_place(&m);
        b.sum_apart(|b| {
            b.cast(match m.how {
                NameKind::Own | NameKind::Alias if major => &rules::KNOWN_PLACE_MAJOR,
                NameKind::Own | NameKind::Alias if m.place.population >= 100_000 => {
                    &rules::KNOWN_PLACE_CITY
                }
                NameKind::Own | NameKind::Alias => &rules::KNOWN_PLACE_TOWN,
                NameKind::Variant => &rules::KNOWN_PLACE_VARIANT,
            });
            if f.place_common && !major {
                b.cast(&rules::KNOWN_PLACE_COMMON_WORD);
            }
            if n == 1 && f.given_first.is_some_and(|g| g > 0.02) && !major {
                b.cast(&rules::KNOWN_PLACE_GIVEN_NAME);
            }
            if n == 1
                && !major
                && m.place.feature == Feature::City
                && m.place.population < 100_000
                && f.surname_first.is_some_and(|s| s >= 0.01)
            {
                b.cast(&rules::KNOWN_PLACE_FAMILY_NAME);
                b.cast(&rules::FAMILY_NAME_ALSO_TOWN);
            }
            b.cast(&rules::KNOWN_PLACE_AT_LEAST);
        });
    } else if n >= 2 && lex.lists.directions.contains(o.words[0]) {
        // `Lower Manhattan`, `West Side`, `Lower East Side`, `West End`
        let rest = doc.slice(&(o.span.tokens.start + 1..o.span.tokens.end));
        if lex.place(rest).is_some() || lex.lists.district_last_words.contains(o.words[n - 1]) {
            b.cast(&rules::DIRECTION_AND_PLACE);
        }
    }
}

/// `Coron Island`, `Manila Bay`, `Times Square`, `Mount Holyoke`, `Boulevard Montmartre`.
pub fn place_words(lex: &Lexicon, o: &Occurrence, b: &mut Ballot) {
    let n = o.words.len();
    if n >= 2 && !o.span.institution {
        if lex.lists.place_last_words.contains(o.words[n - 1])
            || lex
                .lists
                .lowercase_place_last_words
                .contains(o.words[n - 1])
        {
            b.cast(&rules::PLACE_LAST_WORD);
        } else if lex.lists.place_first_words.contains(o.words[0]) {
            b.cast(&rules::PLACE_FIRST_WORD);
        }
    }
}

/// A title before the name, given and family names, initials.
pub fn person(lex: &Lexicon, o: &Occurrence, b: &mut Ballot) {
    let (f, words, n) = (&o.facts, o.words, o.words.len());
    if let Some(t) = o.span.title {
        b.cast(if t.is(TitleKind::Honorific) {
            &rules::HONORIFIC
        } else {
            &rules::TITLE
        });
    }
    if n >= 2 {
        let given = f.given_first.unwrap_or(0.0);
        let cue_last = f.last_cue;
        // `Florida State`, `Victoria Falls`: a place, not a given name
        // (but `Virginia Woolf`, `Chad Michael Murray`: a given name, more
        // given names or initials, and a family name that is no place's or
        // facility's word is someone's name)
        let person_shaped = || {
            let last = words[n - 1];
            n <= 3
                && f.surname_last
                && words[1..n - 1]
                    .iter()
                    .all(|w| is_initial(w) || lex.given_name(w).is_some())
                && !lex.lists.place_last_words.contains(last)
                && !with_lowercase(last, |w| lex.lists.place_words_after_name.contains(w))
                && !super::is_facility_head(lex, last)
        };
        let place_first = f.place_first.is_some_and(|m| {
            m.how != NameKind::Variant
                && matches!(
                    m.place.feature,
                    Feature::Country | Feature::State | Feature::Continent
                )
        }) && !person_shaped();
        let whole_place = f.place.is_some();
        // `San Diego Comic-Con`: its first words are a place of several
        // words, not a given name and more
        if given > 0.0
            && !cue_last
            && !place_first
            && !whole_place
            && !f.place_lead
            && words[n - 1].chars().next().is_some_and(char::is_uppercase)
        {
            b.sum_apart(|b| {
                b.cast_weighing(
                    &rules::GIVEN_NAME_FIRST,
                    rules::GIVEN_NAME_FIRST.weight + given.min(1.0),
                );
                if f.surname_last {
                    b.cast(&rules::GIVEN_NAME_THEN_SURNAME);
                }
                if f.first_common {
                    b.cast(&rules::GIVEN_NAME_COMMON_WORD);
                }
            });
        }
        // (`Sun City` is the town the gazetteer knows, not Mr Sun)
        if f.family_first && f.place.is_none_or(|m| m.how == NameKind::Variant) {
            b.cast(&rules::FAMILY_NAME_FIRST);
        }
        // `Chang W. Lee`, `C. Eugene Steuerle`, `R Saravanan`: an initial among
        // capitalised words, but not initials alone (`S. F.`, `U. S.`)
        let initial = |w: &&str| {
            is_initial(w) || (w.chars().count() == 1 && w.chars().all(char::is_uppercase))
        };
        if words.iter().all(initial) {
            b.cast(&rules::INITIALS_ONLY);
        } else if words[..n - 1].iter().any(initial) && !cue_last {
            b.cast(&rules::INITIAL_IN_NAME);
        }
    } else {
        if let Some(s) = f.surname_first
            && !f.first_common
        {
            b.cast(if s >= 0.01 {
                &rules::FAMILY_NAME_FREQUENT
            } else if s >= 0.001 {
                &rules::FAMILY_NAME_UNCOMMON
            } else {
                &rules::FAMILY_NAME_RARE
            });
        }
        if f.given_first.is_some_and(|g| g > 0.01) && !f.first_common {
            b.cast(&rules::GIVEN_NAME_ALONE);
        }
    }
}

/// `as Nacer Chadli replaced Axel Witsel`: a name shaped like a person's
/// full name that no list knows, in running text: mid-sentence, not in a
/// heading or first on its line, not after a number, `the`, `'s`, a name
/// and `of` (`Nick Rhodes of Duran Duran`) or a preposition of place (`at Kopinga Marae`, `7 Ālī Qāpū`), not before a
/// colon (a guide's entry: `Grande Terre: flat and dry`), not after a name
/// and a comma at its sentence's end (an affiliation).
pub fn shaped_like_full_name(doc: &Doc, lex: &Lexicon, o: &Occurrence, b: &mut Ballot) {
    let f = &o.facts;
    if !f.shaped_like_full_name
        || f.family_first
        || f.given_first.is_some_and(|g| g > 0.0)
        || o.span.sentence_initial
        || o.heading
    {
        return;
    }
    let (start, end) = (o.span.tokens.start, o.span.tokens.end);
    let sentence = doc.sentence_of[start];
    // (a line's first words: a list's entry, a heading without its mark)
    if start == 0
        || doc.text[doc.tokens[start - 1].span().end..doc.tokens[start].span().start].contains('\n')
        || doc.tokens[start - 1].kind == crate::analysis::tokens::TokenKind::Number
    {
        return;
    }
    if doc.sentence_of[start - 1] == sentence {
        let before = doc.word(start - 1);
        let lower = before.to_lowercase();
        // (`Nick Rhodes of Duran Duran`: a name, `of` and this is where
        // someone works or plays)
        let after_name_of = before == "of"
            && start >= 2
            && doc.sentence_of[start - 2] == sentence
            && doc
                .word(start - 2)
                .chars()
                .next()
                .is_some_and(char::is_uppercase);
        if after_name_of
            || before == "("
            || lex.lists.place_prepositions.contains(before)
            || lex.lists.determiners.contains(&lower)
            || matches!(lower.as_str(), "'s" | "\u{2019}s" | "'" | "\u{2019}")
        {
            return;
        }
    }
    if end < doc.tokens.len() && doc.word(end) == ":" {
        return;
    }
    // `Marieke Oosterbroek, Rijksmuseum Twenthe.`: a name, a comma and this
    // name ending its sentence is that name's affiliation
    let ends_sentence = end >= doc.tokens.len()
        || doc.sentence_of[end] != sentence
        || matches!(doc.word(end), "." | ";")
        || doc.text[doc.tokens[end - 1].span().end..doc.tokens[end].span().start].contains('\n');
    if ends_sentence
        && start >= 2
        && doc.word(start - 1) == ","
        && doc
            .word(start - 2)
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    {
        return;
    }
    b.cast(&rules::SHAPED_LIKE_FULL_NAME);
}

/// `Page A22`, `LGP-30`: no one's name, and model numbers are no
/// organisations; `Monday Night` starts with a date.
pub fn digits_and_dates(o: &Occurrence, b: &mut Ballot) {
    let (f, n) = (&o.facts, o.words.len());
    if o.words
        .iter()
        .any(|w| w.chars().any(|c| c.is_ascii_digit()))
    {
        b.cast(&rules::HAS_DIGITS);
        if !f.last_cue && f.organization.is_none() {
            b.cast(&rules::MODEL_NUMBER);
        }
    }
    if n >= 2 && f.calendar_first {
        b.cast(&rules::CALENDAR_FIRST);
    }
}
