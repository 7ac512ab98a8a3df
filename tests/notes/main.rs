//! Notes as library calls: the store, the export and import, re-anchoring,
//! crash safety, the configuration. One test binary, so that it links once.

mod by_content;
mod commands;
mod config;
mod corrections;
mod crash;
mod export_snapshot;
mod hostile;
mod markdown;
mod reanchor;
mod store;
mod web_annotation;
