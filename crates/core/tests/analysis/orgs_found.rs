//! Organisations: which names are organisations, and which of their parts
//! are not.

use crate::common::Annotated;
use gloss_core::analysis::EntityKind::{Organization, Place};

#[test]
fn a_known_place_an_organisation_is_named_after_stays_a_place() {
    let a = Annotated::new(
        "Emperor\n\nNorton lived in San Francisco for years. The San Francisco Bulletin \
         printed his decree, and San Francisco loved him.",
    );
    let paper = a.entity(Organization, "San Francisco Bulletin");
    assert_eq!(a.mention_texts(paper), ["San Francisco Bulletin"]);
    let city = a.entity(Place, "San Francisco");
    assert!(
        a.mention_texts(city).len() >= 2,
        "{:?}",
        a.mention_texts(city)
    );
}
