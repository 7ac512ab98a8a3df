//! End to end: the real binary in tmux, driven by keys and read back from
//! the screen. One test binary, so that it links once.

#[path = "../ui_support/mod.rs"]
mod ui_support;
#[path = "../web_support/mod.rs"]
mod web_support;

mod corrections;
mod library;
mod map;
mod notes;
mod reader;
mod web;
