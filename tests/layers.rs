//! The modules are layered, each using only those below it (ARCHITECTURE.md
//! lists them in this order): a `crate::` path in a module that names a
//! module above it is an upward import, and fails this test. Comments are
//! skipped; tests inside a module count like its code.

use std::fs;
use std::path::{Path, PathBuf};

/// Each crate's top-level modules, lowest first.
const LAYERS: &[(&str, &[&str])] = &[
    (
        "crates/core/src",
        &["span", "ascii", "article", "analysis", "annotate"],
    ),
    (
        "src",
        &["article_id", "source", "notes", "ui", "config", "cli"],
    ),
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every `.rs` file of a module: `name.rs` and everything under `name/`.
fn files_of(src: &Path, module: &str) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let file = src.join(format!("{module}.rs"));
    if file.is_file() {
        files.push(file);
    }
    let mut dirs = vec![src.join(module)];
    while let Some(dir) = dirs.pop() {
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    files
}

/// The top-level modules a source text names with `crate::`, outside comments.
fn crate_paths(text: &str) -> Vec<String> {
    let mut names = Vec::new();
    for line in text.lines() {
        let code = line.split("//").next().unwrap_or("");
        let mut rest = code;
        while let Some(at) = rest.find("crate::") {
            let before = rest[..at].chars().next_back();
            rest = &rest[at + "crate::".len()..];
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue; // `gloss_core::`, `other_crate::`
            }
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            names.push(name);
        }
    }
    names
}

#[test]
fn no_module_imports_a_module_above_it() {
    let mut upward = Vec::new();
    for (dir, order) in LAYERS {
        let src = root().join(dir);
        for (level, module) in order.iter().enumerate() {
            let files = files_of(&src, module);
            assert!(!files.is_empty(), "{dir}/{module} has no files");
            for file in files {
                let text = fs::read_to_string(&file).expect("readable source");
                for name in crate_paths(&text) {
                    if let Some(above) = order.iter().position(|m| *m == name)
                        && above > level
                    {
                        upward.push(format!(
                            "{} uses crate::{name}",
                            file.strip_prefix(root()).unwrap_or(&file).display()
                        ));
                    }
                }
            }
        }
    }
    upward.sort();
    upward.dedup();
    assert!(upward.is_empty(), "upward imports:\n{}", upward.join("\n"));
}

#[test]
fn every_top_level_module_has_a_layer() {
    for (dir, order) in LAYERS {
        let src = root().join(dir);
        for entry in fs::read_dir(&src).expect("src dir").flatten() {
            let path = entry.path();
            let name = path.file_stem().unwrap().to_string_lossy().to_string();
            if ["lib", "main"].contains(&name.as_str())
                || path.extension().is_some_and(|e| e != "rs")
            {
                continue;
            }
            assert!(
                order.contains(&name.as_str()),
                "{dir}/{name} is in no layer: add it to LAYERS and ARCHITECTURE.md"
            );
        }
    }
}

#[test]
fn architecture_lists_the_layers_in_order() {
    let doc = fs::read_to_string(root().join("ARCHITECTURE.md")).expect("ARCHITECTURE.md");
    for (dir, order) in LAYERS {
        let positions: Vec<usize> = order
            .iter()
            .map(|m| {
                doc.find(&format!("| `{m}` |"))
                    .unwrap_or_else(|| panic!("ARCHITECTURE.md has no row for `{m}` ({dir})"))
            })
            .collect();
        assert!(
            positions.windows(2).all(|w| w[0] < w[1]),
            "ARCHITECTURE.md lists {dir}'s modules out of order: {order:?}"
        );
    }
}

#[test]
fn the_checker_sees_crate_paths_but_not_comments_or_other_crates() {
    let text = "use crate::ui::App; // crate::cli\nlet x = gloss_core::article::clean;\n/// [`crate::notes`]\nf(crate::config::X)";
    assert_eq!(crate_paths(text), ["ui", "config"]);
}
