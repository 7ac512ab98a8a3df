//! Build script: the version of the analysis compiled in, for the library
//! (`src/library`): a stored analysis made by other code, another lexicon or
//! another model is made again when the article is opened. Each part is a
//! hash of the files it is built from (FNV-1a over paths and contents, in
//! path order), so any change to them is a new version.

use std::path::{Path, PathBuf};

fn main() {
    let parts = [
        ("code", "crates/core/src"),
        ("lexicon", "assets/lexicon"),
        ("model", "assets/model"),
    ];
    let mut version = Vec::new();
    for (name, dir) in parts {
        println!("cargo:rerun-if-changed={dir}");
        let mut files = Vec::new();
        walk(Path::new(dir), &mut files);
        files.sort();
        let mut hash = Fnv::new();
        for file in &files {
            hash.write(file.to_string_lossy().as_bytes());
            hash.write(&std::fs::read(file).unwrap_or_default());
        }
        version.push(format!("{name}:{:016x}", hash.0));
    }
    println!(
        "cargo:rustc-env=GLOSS_ANALYSIS_VERSION={}",
        version.join(" ")
    );
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            walk(&path, out);
        } else {
            out.push(path);
        }
    }
}

struct Fnv(u64);

impl Fnv {
    fn new() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
        // a separator, so that ("ab", "c") and ("a", "bc") differ
        self.0 ^= 0xff;
        self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
    }
}
