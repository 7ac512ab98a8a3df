//! Feeds (`feeds::refresh::parse`: RSS, Atom, JSON Feed through feed-rs,
//! each item cleaned into an article): any bytes are a feed or a reason.
#![no_main]

use std::sync::LazyLock;

use gloss::config::Config;
use gloss::feeds::Feed;
use libfuzzer_sys::fuzz_target;

static CONFIG: LazyLock<Config> = LazyLock::new(Config::defaults);

fuzz_target!(|body: &[u8]| {
    let feed = Feed {
        url: "https://example.com/feed.xml".into(),
        ..Feed::default()
    };
    let _ = gloss::feeds::refresh::parse(body, &CONFIG.feeds, &CONFIG.clean, &feed);
});
