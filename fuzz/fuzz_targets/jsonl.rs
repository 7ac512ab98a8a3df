//! `gloss annotate --jsonl` input (`cli::annotate::inputs`): any bytes, as
//! one line and as a file of lines, give items or error items, never a
//! panic; each line's text is then cleaned.
#![no_main]

use gloss::cli::annotate::inputs::{JsonLines, What, parse_line};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = parse_line(data, "fuzz.jsonl line 1");
    let lines = JsonLines::from_reader("fuzz.jsonl", std::io::Cursor::new(data.to_vec()))
        .with_limit(4096);
    for item in lines {
        if let What::Given { text, .. } = item.what {
            let _ = gloss::article::clean(&text, &gloss::article::CleanOptions::default());
        }
    }
});
