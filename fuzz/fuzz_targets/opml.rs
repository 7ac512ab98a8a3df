//! OPML import (`feeds::opml::import`): any text is a list of feeds or a
//! reason; what it reads exports and reads back the same.
#![no_main]

use gloss::feeds::opml;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(feeds) = opml::import(text) {
        let again = opml::import(&opml::export(&feeds)).expect("its own export reads back");
        assert_eq!(again.len(), feeds.len());
    }
});
