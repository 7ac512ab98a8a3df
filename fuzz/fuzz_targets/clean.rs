//! Cleaning (`article::clean`): any text gives an article whose invariants
//! hold (`article::check_invariants`: blocks inside the text on character
//! boundaries, in order, separated as documented; no control character, no
//! bidi override; NFC).
#![no_main]

use gloss::article::{CleanOptions, check_invariants, clean};
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

static OPTIONS: LazyLock<CleanOptions> = LazyLock::new(CleanOptions::default);

fuzz_target!(|text: &str| {
    let article = clean(text, &OPTIONS);
    if let Err(broken) = check_invariants(&article) {
        panic!("{broken}: {text:?}");
    }
});
