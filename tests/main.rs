//! Integration tests: fixture projects built through the library and the
//! binary, asserting on the HTML produced and the diagnostics. The tests
//! that need a program outside the Rust toolchain (a browser, Node
//! packages, actionlint, jq, pdftotext) are in `tests/tools/`, under a
//! harness that counts them as ignored where that program is missing.

mod util;

mod adversarial;
mod audio;
mod bundle;
mod cli;
mod diagnostics;
mod edited_files;
mod endonyms;
mod fallback;
mod hostile;
mod html;
mod incremental;
mod layout;
mod mexico;
mod numbers;
mod organizer;
mod pdf;
mod print;
mod problems;
mod readme;
mod reference_languages;
mod release;
mod share;
mod shipped;
mod slips;
mod text;
mod translate;
mod translators;
