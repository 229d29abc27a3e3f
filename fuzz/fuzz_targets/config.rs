//! kyr.toml: the input is the file. Properties: parsing and validation
//! never panic, every diagnostic renders at a place inside the file, and
//! every edition of a valid configuration can be selected.

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    let mut files = kyr::diag::Files::default();
    let file = files.add("kyr.toml", text.clone());
    let mut diags = Vec::new();
    let config = kyr::config::parse(file, &text, &mut diags);
    for d in &diags {
        if let Some(span) = &d.span {
            assert!(span.range.start <= span.range.end && span.range.end <= text.len());
        }
        let _ = kyr::diag::render(&files, d);
    }
    if let Some(config) = config {
        assert!(config.locale(&config.reference).is_some());
        for name in config.editions.keys() {
            assert!(config.with_edition(name).is_some());
        }
        for locale in config.locales.values() {
            assert_eq!(locale.chain.last(), Some(&config.reference));
        }
    }
});
