//! Where places are put: central points of countries, aliases and spellings,
//! and an ambiguous name decided by the article around it.

use crate::common::Annotated;
use gloss_core::analysis::{EntityKind, Geo};

/// The geo of the place entity named `name`.
fn geo(a: &Annotated, name: &str) -> Geo {
    a.entity(EntityKind::Place, name)
        .geo
        .clone()
        .unwrap_or_else(|| panic!("{name} has no geo"))
}

fn country(a: &Annotated, name: &str) -> String {
    geo(a, name).country_code.unwrap_or_default()
}

/// Great-circle distance in kilometres.
fn km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let h = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().asin()
}

#[test]
fn georgia_beside_tbilisi_is_the_country_beside_atlanta_the_state() {
    let a = Annotated::new(
        "Talks\n\nProtesters marched in Tbilisi as Georgia prepared for the vote.\n",
    );
    assert_eq!(country(&a, "Georgia"), "GE");
    assert_eq!(geo(&a, "Georgia").feature, "country");
    let a = Annotated::new(
        "Talks\n\nVoters in Atlanta lined up early as Georgia prepared for the vote.\n",
    );
    assert_eq!(country(&a, "Georgia"), "US");
    assert_eq!(geo(&a, "Georgia").feature, "state");
}

#[test]
fn a_state_or_country_named_after_a_city_places_it() {
    let a = Annotated::new("Fair\n\nThe fair opened in Paris, Texas, on Saturday.\n");
    assert_eq!(country(&a, "Paris"), "US");
    let a = Annotated::new("Fair\n\nThe fair opened in Paris on Saturday.\n");
    assert_eq!(country(&a, "Paris"), "FR");
    let a = Annotated::new("Plant\n\nThe plant in Birmingham, Alabama, will close next year.\n");
    assert_eq!(country(&a, "Birmingham"), "US");
    let a = Annotated::new("Plant\n\nThe plant in Birmingham will close next year.\n");
    assert_eq!(country(&a, "Birmingham"), "GB");
}

#[test]
fn the_state_a_city_lies_in_decides_between_namesakes() {
    let a = Annotated::new(
        "Labs\n\nResearchers in Cambridge and elsewhere in Massachusetts published the study.\n",
    );
    assert_eq!(country(&a, "Cambridge"), "US");
    let a = Annotated::new("Labs\n\nResearchers in Cambridge and London published the study.\n");
    assert_eq!(country(&a, "Cambridge"), "GB");
}

#[test]
fn a_much_smaller_namesake_needs_more_than_the_articles_country() {
    // Paris, Texas is a hundredth of Paris: Texas alone does not move it
    let a = Annotated::new(
        "Trip\n\nThe governor of Texas flew from Houston to Paris for the trade talks.\n",
    );
    assert_eq!(country(&a, "Paris"), "FR");
}

#[test]
fn new_york_is_the_city_unless_the_text_says_state() {
    let a = Annotated::new("Rents\n\nRents in New York rose again in March.\n");
    assert_eq!(geo(&a, "New York").feature, "city");
    let a = Annotated::new("Rents\n\nRents across New York state rose again in March.\n");
    assert_eq!(geo(&a, "New York").feature, "state");
}

#[test]
fn aliases_and_spellings_without_diacritics_find_the_place() {
    for (written, cc) in [
        ("DPRK", "KP"),
        ("Burma", "MM"),
        ("Türkiye", "TR"),
        ("Ivory Coast", "CI"),
        ("Zurich", "CH"),
        ("Zürich", "CH"),
        ("Sao Paulo", "BR"),
        ("São Paulo", "BR"),
    ] {
        let a = Annotated::new(&format!("News\n\nThe delegation arrived in {written}.\n"));
        let places: Vec<_> = a
            .doc
            .analysis
            .entities
            .iter()
            .filter(|e| e.kind == EntityKind::Place)
            .collect();
        assert_eq!(places.len(), 1, "{written}: {:?}", a.all_names());
        let g = places[0].geo.as_ref().expect("geo");
        assert_eq!(g.country_code.as_deref(), Some(cc), "{written}");
    }
}

#[test]
fn countries_lie_at_a_central_point_not_at_the_capital() {
    let a = Annotated::new("Trade\n\nFrance, Chile and the United States signed the pact.\n");
    let fr = geo(&a, "France");
    // Paris is 48.85 N 2.35 E; the middle of France about 46.5 N 2.5 E
    assert!(km(fr.lat, fr.lon, 46.5, 2.5) < 100.0, "{fr:?}");
    let us = geo(&a, "United States");
    assert!(km(us.lat, us.lon, 39.5, -98.5) < 200.0, "{us:?}");
    assert_eq!(us.geonames_id, Some(6_252_001));
    let cl = geo(&a, "Chile");
    assert!(cl.lat < -30.0 && cl.lon < -69.0, "{cl:?}");
}

#[test]
fn hand_listed_places_have_no_geonames_id() {
    let a = Annotated::new("Tests\n\nMissiles were fired over the Korean Peninsula near Seoul.\n");
    assert_eq!(geo(&a, "Korean Peninsula").geonames_id, None);
    assert_eq!(geo(&a, "Seoul").geonames_id, Some(1_835_848));
}

/// Pyongyang, Seoul, Tokyo, Beijing, Washington and Singapore within 50 km
/// of where they are.
fn summit_places_are_placed(text: &str) {
    let a = Annotated::new(text);
    for (name, lat, lon) in [
        ("Pyongyang", 39.0392, 125.7625),
        ("Seoul", 37.5665, 126.978),
        ("Tokyo", 35.6762, 139.6503),
        ("Beijing", 39.9042, 116.4074),
        ("Washington", 38.9072, -77.0369),
        ("Singapore", 1.3521, 103.8198),
    ] {
        let g = geo(&a, name);
        let d = km(g.lat, g.lon, lat, lon);
        assert!(d < 50.0, "{name} is {d:.0} km off: {g:?}");
    }
}

#[test]
fn the_summit_fixtures_places_lie_within_50_km() {
    summit_places_are_placed(include_str!("../fixtures/summit-places.txt"));
}

#[test]
fn the_seed_articles_places_lie_within_50_km() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("no {} here: the seed is checked where it is", dir.display());
        return;
    };
    for entry in entries.flatten() {
        let text = std::fs::read_to_string(entry.path()).expect("seed is text");
        summit_places_are_placed(&text);
    }
}

#[test]
fn a_place_the_gazetteer_does_not_know_is_put_where_the_place_it_lies_in_is() {
    // a known place inside its name, named by the article or not
    let a = Annotated::new(
        "Parade\n\nCrowds filled Lower Manhattan after the parade, and traffic across \
         Manhattan stopped for hours. Later the band played on the Las Vegas Strip.\n",
    );
    let lower = geo(&a, "Lower Manhattan");
    assert_eq!(lower.within.as_deref(), Some("Manhattan"));
    let manhattan = geo(&a, "Manhattan");
    assert_eq!((lower.lat, lower.lon), (manhattan.lat, manhattan.lon));
    assert_eq!(manhattan.within, None, "a known place is placed by itself");
    let strip = geo(&a, "Las Vegas Strip");
    assert_eq!(strip.within.as_deref(), Some("Las Vegas"));
    assert!(km(strip.lat, strip.lon, 36.11, -115.17) < 50.0);
    // the place named right after it
    let a = Annotated::new(
        "Moving\n\nShe grew up in Pinewick, Brooklyn, and later moved to Boston with her \
         brother.\n",
    );
    let town = geo(&a, "Pinewick");
    assert_eq!(town.within.as_deref(), Some("Brooklyn"));
    assert!(km(town.lat, town.lon, 40.65, -73.95) < 50.0);
}

#[test]
fn a_small_town_inside_an_unknown_name_does_not_place_it_on_its_own() {
    let a = Annotated::new("Campus\n\nStudents at Mount Holyoke marched on Friday in protest.\n");
    let e = a.entity(EntityKind::Place, "Mount Holyoke");
    assert_eq!(e.geo, None, "a town of 40,000 in its name is no evidence");
}

#[test]
fn a_namesake_city_abroad_does_not_contain_a_place_of_the_article() {
    // a street of a Texas town named after a Portuguese city is not in Portugal
    let a = Annotated::new(
        "Traffic\n\nDrivers in Garland, Texas, were told to avoid Lisbon Street after a \
         water main broke on Monday. Crews from Dallas arrived in the afternoon.\n",
    );
    let street = a.entity(EntityKind::Place, "Lisbon Street");
    let abroad = street.geo.as_ref().and_then(|g| g.country_code.as_deref());
    assert!(matches!(abroad, None | Some("US")), "{:?}", street.geo);
    // the same name in an article about Portugal is placed in Lisbon
    let a = Annotated::new(
        "Walk\n\nFrom Porto we took the train south and walked the length of Lisbon \
         Street before dinner in Portugal.\n",
    );
    let street = geo(&a, "Lisbon Street");
    assert_eq!(street.within.as_deref(), Some("Lisbon"));
    assert_eq!(street.country_code.as_deref(), Some("PT"));
}
