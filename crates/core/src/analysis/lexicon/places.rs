//! The gazetteer: countries, capitals, cities of 15,000 people or more
//! (GeoNames), US states, continents, and hand-listed regions and features,
//! with aliases (`U.S.`, `Britain`) and demonyms (`North Korean` → North Korea).

use super::memo;
use super::table::{
    FastMap, SortedTable, fold, indexed_table, line_at, place_prefixes_table, rows, straighten,
};
use crate::analysis::Geo;

/// What kind of place.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Feature {
    Country,
    Continent,
    Capital,
    City,
    /// A first-level division: US state, Canadian province, Australian state.
    State,
    /// Any other named area: `Middle East`, `Siberia`, `Manhattan`.
    Region,
    Ocean,
    Sea,
    Gulf,
    Strait,
    Canal,
    Peninsula,
    Island,
    River,
    Lake,
    Mountains,
    Desert,
}

impl Feature {
    fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "country" => Feature::Country,
            "continent" => Feature::Continent,
            "capital" => Feature::Capital,
            "city" => Feature::City,
            "state" => Feature::State,
            "region" => Feature::Region,
            "ocean" => Feature::Ocean,
            "sea" => Feature::Sea,
            "gulf" => Feature::Gulf,
            "strait" => Feature::Strait,
            "canal" => Feature::Canal,
            "peninsula" => Feature::Peninsula,
            "island" => Feature::Island,
            "river" => Feature::River,
            "lake" => Feature::Lake,
            "mountains" => Feature::Mountains,
            "desert" => Feature::Desert,
            _ => return None,
        })
    }

    /// The lowercase name used in `geo.feature` of the annotate JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Feature::Country => "country",
            Feature::Continent => "continent",
            Feature::Capital => "capital",
            Feature::City => "city",
            Feature::State => "state",
            Feature::Region => "region",
            Feature::Ocean => "ocean",
            Feature::Sea => "sea",
            Feature::Gulf => "gulf",
            Feature::Strait => "strait",
            Feature::Canal => "canal",
            Feature::Peninsula => "peninsula",
            Feature::Island => "island",
            Feature::River => "river",
            Feature::Lake => "lake",
            Feature::Mountains => "mountains",
            Feature::Desert => "desert",
        }
    }

    /// Lower is preferred when a name is ambiguous: countries and continents,
    /// then capitals, then states, regions and features, then other cities.
    fn rank(self) -> u8 {
        match self {
            Feature::Country | Feature::Continent => 0,
            Feature::Capital => 1,
            Feature::City => 3,
            _ => 2,
        }
    }
}

/// A place in the gazetteer.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Place {
    /// Its own name (`United States` for `U.S.`).
    pub name: &'static str,
    pub feature: Feature,
    /// ISO 3166 code of its country, when it lies in one.
    pub country_code: Option<&'static str>,
    /// People living there (GeoNames); 0 when unknown (hand-listed regions).
    pub population: u64,
    pub lat: f32,
    pub lon: f32,
    /// Its GeoNames id; `None` for hand-listed places.
    pub geonames_id: Option<u32>,
    /// Its first-level division (GeoNames admin1 code: `TX` for a US
    /// state and the cities in it), when known.
    pub admin1: Option<&'static str>,
}

impl Place {
    /// The place's position in the annotate JSON's terms.
    pub fn geo(&self) -> Geo {
        Geo {
            lat: f64::from(self.lat),
            lon: f64::from(self.lon),
            country_code: self.country_code.map(str::to_string),
            feature: self.feature.as_str().to_string(),
            geonames_id: self.geonames_id,
            within: None,
        }
    }
}

/// How a name matched a place.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum NameKind {
    /// The place's own name.
    Own,
    /// A common alias or variant (`U.S.`, `Britain`, `Bombay`).
    Alias,
    /// A GeoNames alternate spelling (other languages, old names): weaker.
    Variant,
}

/// One place a name can refer to.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PlaceMatch {
    pub place: Place,
    pub how: NameKind,
    /// The name as the gazetteer writes it (`U.S.`, `Nice`).
    pub written: &'static str,
}

pub(crate) struct Places {
    /// One place a line; place names point at a line by its byte offset.
    records: &'static str,
    names: SortedTable,
    /// The beginnings of multi-word place names (folded; `index::prefixes`).
    prefixes: SortedTable,
    demonyms: FastMap<&'static str, &'static str>,
    /// The demonyms in capitals (`NORTH KOREAN`), for headlines.
    demonyms_upper: FastMap<String, &'static str>,
}

/// Whether `query` is written as the gazetteer writes `name`: exactly, or in
/// capitals (a headline), or capitalised where the gazetteer starts in
/// lowercase (`les Escaldes`).
fn case_matches(query: &str, name: &str) -> bool {
    if query == name {
        return true;
    }
    let q = straighten(query);
    if q == name {
        return true;
    }
    let letters = q.chars().filter(|c| c.is_alphabetic()).count();
    if letters > 1 && !q.chars().any(char::is_lowercase) {
        return q == name.to_uppercase();
    }
    let mut n = name.chars();
    match n.next() {
        Some(first) if first.is_lowercase() => {
            let cap: String = first.to_uppercase().chain(n).collect();
            q == cap
        }
        _ => false,
    }
}

/// Sort key of a place match: lower is preferred (a name before a
/// variant, then by feature, then the most populous).
fn preference(m: &PlaceMatch) -> (bool, u8, u64) {
    (
        m.how == NameKind::Variant,
        m.place.feature.rank(),
        u64::MAX - m.place.population,
    )
}

impl Places {
    pub(crate) fn load() -> Self {
        let mut demonyms = FastMap::default();
        let mut demonyms_upper = FastMap::default();
        for cols in rows(include_str!("../../../../../assets/lexicon/demonyms.tsv")) {
            if let (Some(d), Some(p)) = (cols.first(), cols.get(1)) {
                demonyms.insert(*d, *p);
                demonyms_upper.entry(d.to_uppercase()).or_insert(*p);
            }
        }
        Places {
            demonyms_upper,
            records: include_str!("../../../../../assets/lexicon/places.tsv"),
            names: indexed_table!("place_names"),
            prefixes: place_prefixes_table!(),
            demonyms,
        }
    }

    fn record(&self, offset: usize) -> Option<Place> {
        let mut cols = line_at(self.records, offset)?.split('\t');
        let name = cols.next()?;
        let feature = Feature::parse(cols.next()?)?;
        let cc = cols.next()?;
        Some(Place {
            name,
            feature,
            country_code: (!cc.is_empty()).then_some(cc),
            population: cols.next()?.parse().ok()?,
            lat: cols.next()?.parse().ok()?,
            lon: cols.next()?.parse().ok()?,
            geonames_id: cols.next().and_then(|c| c.parse().ok()),
            admin1: cols.next().filter(|c| !c.is_empty()),
        })
    }

    /// Call `f` with every place `name` can refer to, ignoring case, in file order.
    fn each(&self, name: &str, mut f: impl FnMut(PlaceMatch)) {
        let key = fold(name);
        for line in self.names.find(&key) {
            let mut cols = line.split('\t').skip(1);
            let Some(place) = cols
                .next()
                .and_then(|c| c.parse().ok())
                .and_then(|offset| self.record(offset))
            else {
                continue;
            };
            let (how, written) = match cols.next() {
                Some("n") => (NameKind::Own, place.name),
                Some("a") => (NameKind::Alias, cols.next().unwrap_or(place.name)),
                Some(_) => (NameKind::Variant, cols.next().unwrap_or(place.name)),
                None => continue,
            };
            f(PlaceMatch {
                place,
                how,
                written,
            });
        }
    }

    /// Every place `name` can refer to, ignoring case, best first.
    pub(crate) fn candidates(&self, name: &str) -> Vec<PlaceMatch> {
        let mut out: Vec<PlaceMatch> = Vec::new();
        self.each(name, |m| out.push(m));
        out.sort_by_key(preference);
        out
    }

    /// The places `name` refers to when written with the gazetteer's case.
    pub(crate) fn matches(&self, name: &str) -> Vec<PlaceMatch> {
        let mut all = self.candidates(name);
        all.retain(|m| case_matches(name, m.written));
        all
    }

    /// The first of [`Places::matches`], without collecting and sorting them all.
    pub(crate) fn best(&self, name: &str) -> Option<PlaceMatch> {
        memo::cached(&memo::PLACE, name, || self.best_uncached(name))
    }

    fn best_uncached(&self, name: &str) -> Option<PlaceMatch> {
        let mut best: Option<PlaceMatch> = None;
        self.each(name, |m| {
            if case_matches(name, m.written) && best.is_none_or(|b| preference(&m) < preference(&b))
            {
                best = Some(m);
            }
        });
        best
    }

    pub(crate) fn demonym(&self, word: &str) -> Option<&'static str> {
        let w = straighten(word);
        let w = w.as_ref();
        let lookup = |w: &str| self.demonyms.get(w).copied();
        lookup(w)
            .or_else(|| {
                w.strip_suffix("men")
                    .and_then(|s| lookup(&format!("{s}man")))
            })
            .or_else(|| w.strip_suffix('s').and_then(lookup))
            .or_else(|| {
                // headline capitals: NORTH KOREAN
                let letters = w.chars().filter(|c| c.is_alphabetic()).count();
                if letters > 1 && !w.chars().any(char::is_lowercase) {
                    self.demonyms_upper.get(w).copied()
                } else {
                    None
                }
            })
    }

    /// Whether a place name of more words starts with `phrase`.
    pub(crate) fn goes_on(&self, phrase: &str) -> bool {
        memo::cached(&memo::PLACE_GOES_ON, phrase, || {
            self.prefixes.find(&fold(phrase)).next().is_some()
        })
    }

    pub(crate) fn sizes(&self) -> (usize, usize, usize) {
        (
            rows(self.records).count(),
            self.names.len(),
            self.demonyms.len(),
        )
    }
}
