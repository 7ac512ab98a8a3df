//! Finding places the gazetteer does not list: facilities and landmarks by
//! their head noun, and the places named inside other names.

use crate::common::Annotated;
use gloss_core::analysis::EntityKind::{Organization, Place};

#[test]
fn a_facility_is_a_place_by_its_head_noun() {
    let a = Annotated::new(
        "Final\n\nThe teams met at the Brenmoor Stadium on Sunday. Fans had gathered at \
         the Ostvale Convention Centre the night before, and some went on to the \
         Kellan Grand Mosque.",
    );
    for name in [
        "Brenmoor Stadium",
        "Ostvale Convention Centre",
        "Kellan Grand Mosque",
    ] {
        let place = a.entity(Place, name);
        // the span stops at the place: `on Sunday` is no part of it
        assert_eq!(a.mention_texts(place), [name]);
    }
}

#[test]
fn a_facility_head_first_is_a_place() {
    let a = Annotated::new(
        "Exhibit\n\nThe paintings hang in the Museum of Coastal Life until the spring.",
    );
    assert!(
        a.find(Place, "Museum of Coastal Life").is_some(),
        "{:?}",
        a.all_names()
    );
}

#[test]
fn a_facility_that_speaks_is_left_to_the_other_rules() {
    let a = Annotated::new(
        "Outbreak\n\nThe Dunmore Memorial Hospital said on Monday that two wards were closed.",
    );
    assert!(
        a.find(Place, "Dunmore Memorial Hospital").is_none(),
        "{:?}",
        a.all_names()
    );
    assert!(
        a.find(Organization, "Dunmore Memorial Hospital").is_some(),
        "{:?}",
        a.all_names()
    );
}

#[test]
fn a_well_known_place_inside_another_name_is_mentioned_too() {
    let a = Annotated::new(
        "Season\n\nShe studied at the University of Colorado before joining the Lisbon Chamber \
         Orchestra, and later sang at the Oslo Harbour Arena.",
    );
    for (place, inside) in [
        ("Colorado", "University of Colorado"),
        ("Lisbon", "Lisbon Chamber Orchestra"),
        ("Oslo", "Oslo Harbour Arena"),
    ] {
        let e = a.entity(Place, place);
        assert_eq!(a.mention_texts(e), [place], "inside {inside}");
    }
    // the names around them stay whole
    assert!(
        a.find(Organization, "University of Colorado").is_some(),
        "{:?}",
        a.all_names()
    );
    assert!(
        a.find(Place, "Oslo Harbour Arena").is_some(),
        "{:?}",
        a.all_names()
    );
}

#[test]
fn a_place_inside_a_known_organisation_or_a_natural_feature_is_not() {
    let a = Annotated::new(
        "Study\n\nResearchers at Columbia University sailed across Manila Bay last year.",
    );
    assert!(a.find(Place, "Columbia").is_none(), "{:?}", a.all_names());
    assert!(a.find(Place, "Manila").is_none(), "{:?}", a.all_names());
}

#[test]
fn a_place_named_inside_a_name_and_alone_is_one_place() {
    let a = Annotated::new(
        "Campus\n\nNew York University opened a library. Students across New York City \
         welcomed it.",
    );
    let places = a.names(Place);
    assert_eq!(places, ["New York City"], "{:?}", a.all_names());
    assert_eq!(a.entity(Place, "New York City").mentions.len(), 2);
}
