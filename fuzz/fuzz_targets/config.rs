//! The configuration file (`config::Config::from_toml`): any text is a
//! configuration or a one-line error naming the file.
#![no_main]

use gloss::config::Config;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|src: &str| {
    if let Err(e) = Config::from_toml(src, std::path::Path::new("user.toml")) {
        let message = e.to_string();
        assert!(message.starts_with("user.toml"), "{message}");
    }
});
