//! The real binary, run as a user would: every run gets its own empty config
//! and data directories. One test binary for the command line, so that it
//! links once.

#[path = "../web_support/mod.rs"]
mod web_support;

mod batch;
mod commands;
mod feeds;
mod hostile;
mod lexicon;
mod library;
mod notes;
mod sandbox;
mod web;
