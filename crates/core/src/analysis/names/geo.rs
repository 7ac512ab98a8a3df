//! Which place an ambiguous place name means, from the article around it.
//!
//! The gazetteer's own order (a country before a capital before a state or
//! region before other cities, then the most populous) is the default; the
//! article overrides it, strongest first:
//!
//! 1. a place named right after it: `Paris, Texas` (the candidate inside
//!    Texas), `Birmingham, England`;
//! 2. the article's other places (as the gazetteer's order places them):
//!    those in the candidate's first-level division (`Georgia` with
//!    `Atlanta` is the US state), then, for a city or a state only, those
//!    in its country (see [`better`]);
//! 3. a state named like a city in it (`New York`, an alias of the city) is
//!    the city unless the text says `state`.
//!
//! A place the gazetteer does not know is then put where a place it lies
//! in is ([`Geo::within`]): the place named right after it (`Flushing,
//! Queens`), else a place its own name contains (`Lower Manhattan`, `Las
//! Vegas Strip`): one the article places, else a country, state or region,
//! or a city of at least [`CONTAINER_POPULATION`] people, in a country of
//! the article's own places when it places any.

use crate::analysis::Geo;
use crate::analysis::doc::Doc;
use crate::analysis::lexicon::{Feature, Lexicon, NameKind, Place, PlaceMatch};

use super::Draft;

/// Resolve each place draft's `geo` from the article (see the module doc).
pub(super) fn resolve(doc: &Doc, lex: &Lexicon, places: &mut [Draft]) {
    choose_namesakes(doc, lex, places);
    place_by_container(doc, lex, places);
}

/// The least population of a city whose name inside an unknown place's
/// name places it (`Las Vegas Strip`); a smaller one must be placed by the
/// article itself (`Mount Holyoke` is not put at Holyoke on its name alone).
pub const CONTAINER_POPULATION: u64 = 100_000;

/// Each place without a `geo` put where a place it lies in is.
fn place_by_container(doc: &Doc, lex: &Lexicon, places: &mut [Draft]) {
    if places.iter().all(|d| d.geo.is_some()) {
        return;
    }
    let placed: Vec<(String, Geo)> = places
        .iter()
        .filter_map(|d| Some((d.name.clone(), d.geo.clone()?)))
        .collect();
    // the countries the article's own places lie in: a namesake abroad does
    // not contain a place of this article (`Florence Avenue` in a story
    // about Tulsa is not in Italy)
    let countries: Vec<&str> = placed
        .iter()
        .filter_map(|(_, g)| g.country_code.as_deref())
        .collect();
    let near =
        |p: &Place| countries.is_empty() || p.country_code.is_some_and(|c| countries.contains(&c));
    let in_article = |name: &str| {
        placed
            .iter()
            .find(|(n, _)| n == name)
            .map(|(n, g)| (n.clone(), g.clone()))
    };
    for d in places.iter_mut().filter(|d| d.geo.is_none()) {
        // `X, Y` with Y placed
        let after = d.mentions.iter().find_map(|m| {
            let rest = doc.text[m.span.end..].strip_prefix(", ")?;
            placed
                .iter()
                .filter(|(n, _)| *n != d.name && rest.starts_with(n.as_str()))
                .filter(|(n, _)| !rest[n.len()..].starts_with(|c: char| c.is_alphanumeric()))
                .max_by_key(|(n, _)| n.len())
                .map(|(n, g)| (n.clone(), g.clone()))
        });
        let inside = || {
            let words: Vec<&str> = d.name.split_whitespace().collect();
            // longest first, then leftmost; never the whole name
            for len in (1..words.len()).rev() {
                for run in words.windows(len) {
                    let capitalised = |w: &&str| w.starts_with(char::is_uppercase);
                    if !run.first().is_some_and(capitalised) || !run.last().is_some_and(capitalised)
                    {
                        continue;
                    }
                    let name = run.join(" ");
                    if let Some(found) = in_article(&name) {
                        return Some(found);
                    }
                    let known = lex.places(&name).into_iter().map(|m| m.place).find(|p| {
                        near(p)
                            && (!matches!(p.feature, Feature::City | Feature::Capital)
                                || p.population >= CONTAINER_POPULATION)
                    });
                    if let Some(p) = known {
                        return Some((p.name.to_string(), p.geo()));
                    }
                }
            }
            None
        };
        if let Some((name, mut geo)) = after.or_else(inside) {
            geo.within = Some(name);
            d.geo = Some(geo);
        }
    }
}

/// Each ambiguous place name's candidate chosen from the article.
fn choose_namesakes(doc: &Doc, lex: &Lexicon, places: &mut [Draft]) {
    // each draft's candidates, best first by the gazetteer's order, and the
    // one its geo is now
    let mut options: Vec<Vec<PlaceMatch>> = Vec::with_capacity(places.len());
    let mut chosen: Vec<Option<Place>> = Vec::with_capacity(places.len());
    for d in places.iter() {
        let Some(geo) = &d.geo else {
            options.push(Vec::new());
            chosen.push(None);
            continue;
        };
        let all = lex.places(&d.name);
        let now = all.iter().find(|m| same(&m.place, geo)).map(|m| m.place);
        chosen.push(now);
        options.push(if now.is_some() && all.len() > 1 {
            all
        } else {
            Vec::new()
        });
    }
    if options.iter().all(Vec::is_empty) {
        return;
    }
    // where each place mention starts, to find `X, Y`
    let mut starts: Vec<(usize, usize)> = places
        .iter()
        .enumerate()
        .flat_map(|(i, d)| d.mentions.iter().map(move |m| (m.span.start, i)))
        .collect();
    starts.sort_unstable();
    let draft_at = |at: usize| {
        starts
            .binary_search_by_key(&at, |&(s, _)| s)
            .ok()
            .map(|k| starts[k].1)
    };

    let context = chosen.clone();
    for (i, cands) in options.iter().enumerate() {
        if cands.is_empty() {
            continue;
        }
        let d = &places[i];
        // the places named right after a mention (`Paris, Texas`)
        let mut within: Vec<Place> = Vec::new();
        let mut says_state = false;
        for m in &d.mentions {
            let after = &doc.text[m.span.end..];
            if after.starts_with(", ")
                && let Some(j) = draft_at(m.span.end + 2)
                && j != i
                && let Some(p) = context[j]
            {
                within.push(p);
            }
            let before = &doc.text[..m.span.start];
            says_state |= after.starts_with(" state")
                || after.starts_with(" State")
                || before.ends_with("state of ")
                || before.ends_with("State of ");
        }
        let support = |c: &Place| -> Support {
            let mut s = Support {
                inside: within.iter().filter(|w| lies_in(c, w)).count(),
                ..Support::default()
            };
            for (j, other) in context.iter().enumerate() {
                let Some(o) = other else { continue };
                if j == i || o.country_code.is_none() || o.country_code != c.country_code {
                    continue;
                }
                s.country += 1;
                // a state and a place in it, either way round
                let state = (o.feature == Feature::State) != (c.feature == Feature::State);
                if state && c.admin1.is_some() && o.admin1 == c.admin1 {
                    s.division += 1;
                }
                if o.feature == Feature::State {
                    s.states += 1;
                }
            }
            s
        };
        let mut best = cands[0];
        let mut best_support = support(&best.place);
        for c in &cands[1..] {
            let s = support(&c.place);
            if better(&c.place, &s, &best.place, &best_support) {
                best = *c;
                best_support = s;
            }
        }
        // a state named like a city in it: the city (`New York`), unless
        // the text says `state` or places it
        if best.place.feature == Feature::State
            && !says_state
            && best_support.inside == 0
            && let Some(city) = cands.iter().find(|c| {
                c.how != NameKind::Variant
                    && matches!(c.place.feature, Feature::City | Feature::Capital)
                    && c.place.country_code == best.place.country_code
                    && c.place.admin1 == best.place.admin1
            })
        {
            best = *city;
        }
        let best = best.place;
        if Some(best) != chosen[i] {
            chosen[i] = Some(best);
            places[i].geo = Some(best.geo());
        }
    }
}

/// What the article's other places say for one candidate.
#[derive(Default)]
struct Support {
    /// Places named right after a mention that contain it (`, Texas`).
    inside: usize,
    /// Other places in its first-level division, for a state, or its
    /// state, for a place in one (`Atlanta` for Georgia, `Georgia` for
    /// Atlanta).
    division: usize,
    /// Other places in its country.
    country: usize,
    /// Other states of its country (`Ohio`, `Texas` beside `Georgia`).
    states: usize,
}

/// Whether candidate `c` beats the one so far, `b`: a place named after it
/// decides; else only a place at least a tenth as populous can win (Paris
/// stays in France in an American story), by places in the same division,
/// else, against a city or capital with no support of its own, by the
/// country of the other places; a state beside other states of its country
/// beats a place with no support.
fn better(c: &Place, cs: &Support, b: &Place, bs: &Support) -> bool {
    if cs.inside != bs.inside {
        return cs.inside > bs.inside;
    }
    // a much smaller namesake needs the place named after it
    if size(c).saturating_mul(10) < size(b) {
        return false;
    }
    if cs.division != bs.division {
        return cs.division > bs.division;
    }
    if bs.country > 0 {
        return false;
    }
    let movable = matches!(b.feature, Feature::City | Feature::Capital);
    (movable && cs.country > 0)
        || (c.feature == Feature::State && b.feature != Feature::State && cs.states > 0)
}

/// A place's population for comparing namesakes; a hand-listed region or
/// feature (population unknown) counts as large.
fn size(p: &Place) -> u64 {
    if p.population == 0 && p.geonames_id.is_none() {
        u64::MAX / 16
    } else {
        p.population
    }
}

/// Whether `geo` is the position of `p`.
fn same(p: &Place, geo: &Geo) -> bool {
    p.geonames_id == geo.geonames_id
        && f64::from(p.lat) == geo.lat
        && f64::from(p.lon) == geo.lon
        && p.feature.as_str() == geo.feature
}

/// Whether place `c` lies in `outer` (a country, or a state or region
/// with its first-level code).
fn lies_in(c: &Place, outer: &Place) -> bool {
    if c.country_code.is_none() || c.country_code != outer.country_code || c == outer {
        return false;
    }
    match outer.feature {
        Feature::Country => c.feature != Feature::Country,
        Feature::State | Feature::Region => {
            outer.admin1.is_some() && c.admin1 == outer.admin1 && c.feature != outer.feature
        }
        _ => false,
    }
}
