//! Text loading and decoding (`source`): bytes of any kind, as a file, as
//! HTML, or with a charset a server named. Decoding either refuses the bytes
//! (binary, an unknown charset) or gives text; it never panics.
#![no_main]

use gloss::source::{Hints, Origin, decode_with, from_bytes};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = from_bytes(data, Origin::Stdin);
    let _ = from_bytes(data, Origin::File("page.html".into()));
    // the first bytes, up to a newline, name a charset for the rest
    if let Some(nl) = data.iter().position(|&b| b == b'\n') {
        let label = String::from_utf8_lossy(&data[..nl.min(40)]).into_owned();
        let hints = Hints {
            charset: Some(&label),
            html: data.len() % 2 == 0,
        };
        let _ = decode_with(&data[nl + 1..], hints);
    }
});
