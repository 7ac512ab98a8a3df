//! HTML extraction (`article::html`): any page gives an article whose
//! invariants hold, as text does.
#![no_main]

use gloss::article::{CleanOptions, Format, check_invariants, read};
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

static OPTIONS: LazyLock<CleanOptions> = LazyLock::new(CleanOptions::default);

fuzz_target!(|page: &str| {
    let article = read(page, Some(Format::Html), Some("https://example.com/a"), &OPTIONS);
    if let Err(broken) = check_invariants(&article) {
        panic!("{broken}: {page:?}");
    }
});
