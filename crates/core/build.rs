//! Build script: the hash indexes of the lexicon's big sorted tables, so that
//! loading the lexicon costs nothing at run time (`src/analysis/lexicon/index.rs`).

#[allow(dead_code)] // the reading half is for the library
#[path = "src/analysis/lexicon/index.rs"]
mod index;

use std::path::PathBuf;

const TABLES: &[&str] = &["given_names", "surnames", "words", "place_names"];

fn main() {
    println!("cargo:rerun-if-changed=src/analysis/lexicon/index.rs");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    for name in TABLES {
        let path = format!("../../assets/lexicon/{name}.tsv");
        println!("cargo:rerun-if-changed={path}");
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let target = out.join(format!("{name}.idx"));
        write(&target, &index::build(&text));
        if *name == "place_names" {
            // the beginnings of multi-word place names
            let prefixes = index::all_prefixes(&text);
            write(&out.join("place_prefixes.tsv"), prefixes.as_bytes());
            write(&out.join("place_prefixes.idx"), &index::build(&prefixes));
        }
    }
}

fn write(path: &std::path::Path, bytes: &[u8]) {
    std::fs::write(path, bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}
