//! The `[notes]` and `[export]` sections of the configuration.

use std::path::{Path, PathBuf};

use gloss::config::Config;
use gloss::notes::export::Format;

#[test]
fn defaults_keep_notes_and_exports_in_the_data_directory() {
    let config = Config::defaults();
    assert_eq!(config.export.format, Format::Markdown);
    if let (Some(notes), Some(exports)) = (config.notes.dir(), config.export.dir()) {
        assert!(notes.ends_with("gloss/notes"), "{}", notes.display());
        assert!(exports.ends_with("gloss/exports"), "{}", exports.display());
    }
}

#[test]
fn a_user_file_sets_the_folders_and_the_format() {
    let src = "[notes]\ndir = \"/srv/gloss-notes\"\n\n[export]\ndir = \"/home/ana/Vault\"\nformat = \"json\"\n";
    let config = Config::from_toml(src, Path::new("user.toml")).unwrap();
    assert_eq!(config.notes.dir(), Some(PathBuf::from("/srv/gloss-notes")));
    assert_eq!(config.export.dir(), Some(PathBuf::from("/home/ana/Vault")));
    assert_eq!(config.export.format, Format::Json);
}

#[test]
fn an_unknown_export_format_names_the_line_and_option() {
    let src = "[export]\nformat = \"pdf\"\n";
    let err = Config::from_toml(src, Path::new("user.toml"))
        .unwrap_err()
        .to_string();
    assert!(
        err.starts_with("user.toml:2: option `export.format`"),
        "{err}"
    );
}
