//! What kind of name a span is: votes from the lexicon (titles, given names,
//! family-name-first surnames, organisation cues, the gazetteer, calendar words,
//! demonyms) and from the words around it (`, who`, `said`, `the X nuclear test
//! site`, `X-based`). Votes of every occurrence of a name are summed over the
//! document (one sense per discourse) before a kind is chosen.
//!
//! Each vote is a named rule of [`super::rules`], cast through a
//! [`Ballot`]. The votes of one occurrence, in the order they are cast:
//! - [`own`]: the name's own words (not a name at all; organisations;
//!   places; people; digits), with [`facility`] for a facility's head
//!   noun (`Fisht Stadium`, a place);
//! - [`around`]: the words around it (a credit, a list, the words after and
//!   before it), with [`context`] telling the longer patterns;
//! - [`place_cues`]: places the gazetteer lacks but the text marks
//!   (`Vinita, Oklahoma`, `Stridon, a village near …`);
//! - [`roads`]: a road's name or number (`Route 66`, `the M1 northbound`);
//! - [`capitals`]: capitals that prove nothing;
//! - [`tagger`]: the learned tagger, which decides where the rules are unsure.
//!
//! (The order is kept as it was written: the votes are floating-point sums.)

mod around;
mod capitals;
mod context;
mod facility;
mod facts;
mod own;
mod place_cues;
mod roads;
mod sections;
mod tagger;

pub use context::{acronym_of_lowercase_words, acronym_of_ordinary_words, cited_author};
pub use facility::{ends_in_facility_head, is_facility_head};
pub use facts::{Facts, is_common, is_division, is_initial, storm_name};
pub use roads::{number_in_road_context, road_number_after_the};
pub use sections::{listed_under_place_heading, place_sections};
pub use tagger::{tagged_spans, tagger_only_votes};

use super::rules::Ballot;
use super::segment::NameSpan;
use crate::analysis::doc::Doc;
use crate::analysis::lexicon::{Feature, Lexicon, PlaceMatch};
use facts::NameFacts;

/// One occurrence being weighed: its span, its words and what the lexicon
/// says of them.
struct Occurrence<'s, 'a> {
    span: &'s NameSpan,
    words: &'s [&'a str],
    /// The name as written.
    full: &'a str,
    facts: NameFacts,
    /// In a heading.
    heading: bool,
    /// No lowercase letter in any of its words.
    all_caps: bool,
}

/// Cast the votes of one occurrence. `facts` keeps what the lexicon says of
/// each name of the document, asked at its first occurrence.
pub fn votes<'a>(
    doc: &Doc<'a>,
    lex: &Lexicon,
    span: &NameSpan,
    facts: &mut Facts<'a>,
    b: &mut Ballot,
) {
    let words = doc.words(span.tokens.clone());
    let full = doc.slice(&span.tokens);
    let o = Occurrence {
        span,
        words: &words,
        full,
        facts: facts.of(lex, full, &words),
        heading: doc.in_heading(span.tokens.start),
        all_caps: words.iter().all(|w| !w.chars().any(char::is_lowercase)),
    };
    own::not_a_name(doc, lex, &o, b);
    own::known_organisation(doc, lex, &o, b);
    around::picture_credit(doc, lex, &o, b);
    around::credited_for_picture(doc, lex, &o, b);
    around::team(doc, lex, &o, b);
    around::place_in_a_match(doc, lex, &o, b);
    around::place_that_acts(doc, lex, &o, b);
    around::place_in_a_game(doc, lex, &o, b);
    own::institution_and_cues(doc, &o, b);
    own::known_place(doc, lex, &o, b);
    around::coordinated(doc, lex, &o, b);
    around::city_after_preposition(doc, lex, &o, b);
    own::place_words(lex, &o, b);
    facility::head_noun(doc, lex, &o, b);
    own::person(lex, &o, b);
    own::shaped_like_full_name(doc, lex, &o, b);
    own::digits_and_dates(&o, b);
    let listed_place = around::after(doc, lex, &o, b);
    around::before(doc, lex, &o, b);
    place_cues::votes(doc, lex, &o, b);
    roads::votes(doc, lex, &o, b);
    capitals::proving_nothing(doc, lex, &o, listed_place, b);
    tagger::confirm_or_decide(doc, span, b);
}

/// A country, continent, capital or state, or a place of 500,000 people or
/// more: a place whatever else its name may be.
pub fn is_major_place(m: &PlaceMatch) -> bool {
    matches!(
        m.place.feature,
        Feature::Country | Feature::Continent | Feature::Capital | Feature::State
    ) || m.place.population >= 500_000
}
