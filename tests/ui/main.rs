//! The reader without a terminal: keys through `update`, frames drawn on a
//! `TestBackend`, on a fixture article analysed by hand. One test binary, so
//! that it links once.

#[path = "../ui_support/mod.rs"]
mod ui_support;

mod corrections;
mod feeds;
mod library;
mod map;
mod notes;
mod notes_screens;
mod passage;
mod robustness;
mod screens;
mod update;
