//! The modules are layered, each using only those below it (ARCHITECTURE.md
//! lists them in this order): a `crate::` path in a module that names a
//! module above it is an upward import, and fails this test. Inside
//! `analysis` the same holds for `crate::analysis::` paths (and `super::` in
//! a submodule's own file). Comments are skipped, and so is test code (a
//! `tests.rs`, or what follows `#[cfg(test)]`): a test may build its input
//! with anything.

use std::fs;
use std::path::{Path, PathBuf};

/// Each crate's modules, lowest first: the folder, the path prefix that names
/// them, and their order.
const LAYERS: &[(&str, &str, &[&str])] = &[
    (
        "crates/core/src",
        "crate::",
        &[
            "span",
            "ascii",
            "lists",
            "article",
            "analysis",
            "corrections",
            "annotate",
        ],
    ),
    (
        "crates/core/src/analysis",
        "crate::analysis::",
        &[
            "explain",
            "lexicon",
            "tokens",
            "sentences",
            "tagger",
            "quotes",
            "doc",
            "names",
            "taught",
        ],
    ),
    (
        "src",
        "crate::",
        &[
            "sanitize",
            "article_id",
            "source",
            "notes",
            "library",
            "feeds",
            "ui",
            "config",
            "cli",
        ],
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

/// The modules a source text names with `prefix` (and with `super::` when
/// `parent_is_layer`: the file is the module's own, directly in the layer's
/// folder), outside comments and test code.
fn module_paths(text: &str, prefix: &str, parent_is_layer: bool) -> Vec<String> {
    let mut names = Vec::new();
    for line in text.lines() {
        if line.trim_start().starts_with("#[cfg(test)]") {
            break;
        }
        let code = line.split("//").next().unwrap_or("");
        let prefixes: &[&str] = if parent_is_layer {
            &[prefix, "super::"]
        } else {
            &[prefix]
        };
        for prefix in prefixes {
            for (at, _) in code.match_indices(prefix) {
                let before = code[..at].chars().next_back();
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
                    continue; // `gloss_core::`, `other_crate::`, `super::super::`
                }
                let name: String = code[at + prefix.len()..]
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if name != "super" {
                    names.push(name);
                }
            }
        }
    }
    names
}

#[test]
fn no_module_imports_a_module_above_it() {
    let mut upward = Vec::new();
    for (dir, prefix, order) in LAYERS {
        let src = root().join(dir);
        for (level, module) in order.iter().enumerate() {
            let files = files_of(&src, module);
            assert!(!files.is_empty(), "{dir}/{module} has no files");
            for file in files {
                if file.file_name().is_some_and(|n| n == "tests.rs") {
                    continue;
                }
                // `super::` names a sibling only in the module's own file
                let own = file == src.join(format!("{module}.rs"))
                    || file == src.join(module).join("mod.rs");
                let text = fs::read_to_string(&file).expect("readable source");
                for name in module_paths(&text, prefix, own && *prefix != "crate::") {
                    if let Some(above) = order.iter().position(|m| *m == name)
                        && above > level
                    {
                        upward.push(format!(
                            "{} uses {prefix}{name}",
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
    for (dir, _, order) in LAYERS {
        let src = root().join(dir);
        for entry in fs::read_dir(&src).expect("src dir").flatten() {
            let path = entry.path();
            let name = path.file_stem().unwrap().to_string_lossy().to_string();
            if ["lib", "main", "mod"].contains(&name.as_str())
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
    for (dir, _, order) in LAYERS {
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
fn the_checker_sees_module_paths_but_not_comments_other_crates_or_tests() {
    let text = "use crate::ui::App; // crate::cli\nlet x = gloss_core::article::clean;\n/// [`crate::notes`]\nf(crate::config::X)\n#[cfg(test)]\nuse crate::cli;";
    assert_eq!(module_paths(text, "crate::", false), ["ui", "config"]);
    let text = "use super::doc::Doc;\nuse crate::analysis::names::x;\nuse super::super::y;";
    assert_eq!(
        module_paths(text, "crate::analysis::", true),
        ["doc", "names"]
    );
    assert_eq!(module_paths(text, "crate::analysis::", false), ["names"]);
}
