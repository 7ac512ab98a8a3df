//! Votes from the words around a name: a credit line, a list it stands in,
//! the words after it (`, who`, `said`, `the Obama administration`, `the
//! Punggye Ri nuclear test site`, `Seoul-based`) and before it (`said`,
//! `appointed`, `the province of`, `the journal`).

use super::context::plural_place_noun_after_list;
use super::context::{appositive_to_title, cited_author, coordinated_with_org, credit_ends};
use super::{Occurrence, is_major_place};
use crate::analysis::doc::Doc;
use crate::analysis::lexicon::Lexicon;
use crate::analysis::names::rules::{self, Ballot};
use crate::analysis::tokens::{TokenKind, with_lowercase};

/// `via Shutterstock`, `Jeon Heon-Kyun/EPA`: an agency credited for a picture.
pub fn picture_credit(doc: &Doc, o: &Occurrence, b: &mut Ballot) {
    let start = o.span.tokens.start;
    if start > 0 {
        let before = doc.word(start - 1);
        if before == "via"
            || (before == "/" && start >= 2 && doc.tokens[start - 2].kind == TokenKind::Word)
        {
            // a credit ends its line: `…/EPA`, `via Getty Images`
            b.cast(if credit_ends(doc, o.span) {
                &rules::PICTURE_CREDIT_AT_LINE_END
            } else {
                &rules::PICTURE_CREDIT
            });
        }
    }
}

/// `News Corporation and Fairfax`: a single word joined by `and`/`or` to an
/// organisation's name that ends in its cue word is most often another
/// organisation of the same list, unless it is a well-known place.
pub fn coordinated(doc: &Doc, lex: &Lexicon, o: &Occurrence, b: &mut Ballot) {
    if o.words.len() == 1
        && !o.span.sentence_initial
        && coordinated_with_org(doc, lex, o.span)
        && !o.facts.place.is_some_and(|m| is_major_place(&m))
    {
        b.cast(&rules::COORDINATED_WITH_ORG);
    }
}

/// `in Kansas City`, `in Washington City`: a known place and `City` after a
/// preposition of place is the city, not a club (`Manchester City won`).
pub fn city_after_preposition(doc: &Doc, lex: &Lexicon, o: &Occurrence, b: &mut Ballot) {
    let start = o.span.tokens.start;
    if o.words.len() == 2
        && o.words[1] == "City"
        && o.facts.place_first.is_some()
        && o.facts.organization.is_none()
        && start > 0
        && {
            let before = doc.word(start - 1);
            before == "of" || lex.lists.place_prepositions.contains(before)
        }
    {
        b.cast(&rules::CITY_AFTER_PREPOSITION);
    }
}

/// The words after the name. Returns whether it is one of a list that a
/// plural place noun ends (which the capitals' rules then trust).
pub fn after(doc: &Doc, lex: &Lexicon, o: &Occurrence, b: &mut Ballot) -> bool {
    let (f, span, n) = (&o.facts, o.span, o.words.len());
    let after = span.tokens.end;
    let sentence = doc.sentence_of[span.tokens.start];
    let word_at = |i: usize| (i < doc.tokens.len()).then(|| doc.word(i));
    // `Valentine's Day`, `St. Patrick's Day`: a calendar phrase that goes on
    // past the possessive
    if word_at(after).is_some_and(|w| matches!(w, "'s" | "\u{2019}s")) {
        let phrase = doc.words(span.tokens.start..(after + 3).min(doc.tokens.len()));
        if lex.calendar_at(&phrase).is_some_and(|(k, _)| k > n) {
            b.cast(&rules::CALENDAR_PAST_POSSESSIVE);
        }
    }
    // `Brown v. Board`, `Biden versus Nebraska`: a party to a case that no
    // list knows is most often a person
    let versus = |w: &str| lex.lists.versus.contains(w);
    let party = (span.tokens.start > 0 && versus(doc.word(span.tokens.start - 1)))
        || word_at(after).is_some_and(versus);
    if party && f.place.is_none() && f.organization.is_none() && n <= 2 {
        b.cast(&rules::PARTY_TO_A_CASE);
    }
    // `Okafor & Lindqvist, 2010`, `Okafor et al. (2005)`: the authors of a
    // citation (not an organisation, an acronym, a major place (or one
    // first: `Boston Red Sox (2013)`) or a work's title
    // of ordinary words: `Childish Recollections (1806)`)
    if n <= 3
        && f.organization.is_none()
        && !f.place.is_some_and(|m| is_major_place(&m))
        && !f.place_first.is_some_and(|m| is_major_place(&m))
        && !f.demonym
        && (!f.only_common || (n == 1 && f.surname_first.is_some()))
        && !o.all_caps
        && lex.org_cue(o.words[n - 1]).is_none()
        && cited_author(doc, span)
    {
        b.cast(&rules::CITED_AUTHOR);
    }
    if word_at(after) == Some(",") {
        match word_at(after + 1).map(|w| with_lowercase(w, |w| (w == "who", w == "which"))) {
            Some((true, _)) => b.cast(&rules::COMMA_WHO),
            Some((_, true)) => {
                b.cast(&rules::COMMA_WHICH_ORG);
                b.cast(&rules::COMMA_WHICH_PLACE);
            }
            _ => {}
        }
    }
    if let Some(w) = word_at(after)
        && doc.sentence_of[after] == sentence
        && lex.lists.saying_verbs_after_name.contains(w)
    {
        b.cast(&rules::SAYS_AFTER_PERSON);
        b.cast(&rules::SAYS_AFTER_ORG);
    }
    // `Building 24`, `Apollo 11`, `Page A22`: a designation, not a name
    if let Some(w) = word_at(after)
        && doc.tokens[after].kind == TokenKind::Number
        && doc.sentence_of[after] == sentence
        && f.organization.is_none()
        && !w.contains(',')
    {
        b.cast(&rules::NUMBER_AFTER);
    }
    // `the Walkley journalism foundation`, `the Labor government`
    for k in after..(after + 3).min(doc.tokens.len()) {
        let w = doc.word(k);
        if doc.sentence_of[k] != sentence || !w.chars().all(|c| c.is_lowercase()) {
            break;
        }
        if lex.lists.org_nouns.contains(w) {
            b.cast(&rules::ORG_NOUN_AFTER);
            break;
        }
    }
    // `the Obama administration`, `the Thatcher era`
    if let Some(w) = word_at(after)
        && doc.sentence_of[after] == sentence
        && lex.lists.person_nouns.contains(w)
        && n <= 2
    {
        b.cast(&rules::PERSON_NOUN_AFTER);
    }
    // `the Punggye Ri nuclear test site`
    for k in after..(after + 4).min(doc.tokens.len()) {
        if doc.sentence_of[k] != sentence {
            break;
        }
        let w = doc.word(k);
        if !w.chars().all(|c| c.is_lowercase() || c == '-') {
            break;
        }
        if lex.lists.place_nouns.contains(w) {
            b.cast(&rules::PLACE_NOUN_AFTER);
            break;
        }
    }
    // `Barracuda and Kayangan lakes`, `Dupont (now Grant) streets`: the
    // plural says that each name of the list is one (the rules are sure of it)
    let listed_place = word_at(after).is_some_and(|w| matches!(w, "and" | "or" | "," | "("))
        && plural_place_noun_after_list(doc, lex, after);
    if listed_place {
        b.cast(&rules::LIST_BEFORE_PLURAL_PLACE_NOUN);
    }
    // `Seoul-based`
    if word_at(after) == Some("-")
        && word_at(after + 1).is_some_and(|w| lex.lists.place_compound_suffixes.contains(w))
        && doc.tokens[after].span().start == doc.tokens[after - 1].span().end
    {
        b.cast(&rules::PLACE_COMPOUND);
    }
    listed_place
}

/// The word before the name (not after a title or role).
pub fn before(doc: &Doc, lex: &Lexicon, o: &Occurrence, b: &mut Ballot) {
    let (f, span, n) = (&o.facts, o.span, o.words.len());
    let start = span.tokens.start;
    if start == 0 || span.role.is_some() {
        return;
    }
    let before = doc.word(start - 1);
    // `said Tasos Georgelis`
    if lex.lists.saying_verbs_before_name.contains(before) && n >= 2 {
        b.cast(&rules::SAYS_BEFORE);
    }
    if lex.lists.place_prepositions.contains(before) {
        b.cast(&rules::PREPOSITION_OF_PLACE);
    }
    // `appointed Draco`, `married Ellen`: verbs whose object is a person
    if lex.lists.person_object_verbs.contains(before) {
        b.cast(&rules::OBJECT_OF_PERSON_VERB);
    }
    // `the King of Athens, Theseus`: a name in apposition to a title
    if before == "," && appositive_to_title(doc, lex, start - 1) {
        b.cast(&rules::APPOSITION_TO_TITLE);
    }
    // `the journal Current Biology`, `the airline Skyways`: a name in
    // apposition to the kind of organisation it names
    // (but not a person's name: `the company John Harlow founded`)
    if lex.lists.org_kinds.contains(before)
        && !(n >= 2 && f.given_first.is_some())
        && start >= 2
        && doc.sentence_of[start - 2] == doc.sentence_of[start]
    {
        b.cast(&rules::APPOSITION_TO_ORG_KIND);
    }
    // `the province of Palawan`, `the island of Busuanga`
    if before == "of"
        && start >= 2
        && with_lowercase(doc.word(start - 2), |w| {
            lex.lists.place_of_nouns.contains(w)
        })
    {
        b.cast(&rules::PLACE_NOUN_OF);
    }
    // `the 2nd Earl of Clare`, `the Duke of Norland`: a peer's or a
    // monarch's title names the land, not its holder
    if before == "of" && start >= 2 && lex.lists.realm_titles.contains(doc.word(start - 2)) {
        b.cast(&rules::REALM_OF_TITLE);
        b.cast(&rules::REALM_NOT_HOLDER);
    }
    if before == "the" || before == "The" {
        b.cast(&rules::AFTER_THE);
        b.cast(&rules::AFTER_THE_ORG);
        // `the Areopagus`, `the Bundestag`: a single word no list knows,
        // after `the`, names an institution, not a person (but `the
        // Clintons` is a family)
        if n == 1 && !span.sentence_initial && f.first_unknown {
            b.cast(&rules::UNKNOWN_AFTER_THE);
            b.cast(&rules::UNKNOWN_AFTER_THE_INSTITUTION);
        }
    }
}
