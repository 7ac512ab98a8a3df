//! The analysis on small texts written for each behaviour, and its
//! properties on any input. One test binary, so that it links once.

mod common;

mod explain;
mod geo;
mod limits;
mod name_evidence;
mod orgs_found;
mod people;
mod places_found;
mod places_orgs;
mod properties;
mod quotes;
mod taught;

mod golden;
