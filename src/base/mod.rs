//! Shared words, imported by every stage and importing nothing of kyr's:
//! diagnostics, identifiers, language direction, link rules, the build
//! time, atomic file output, giving freed memory back, settings errors in
//! plain words, the bundled font files, text files read whole, numbers
//! written the locale's way, the languages' own names kyr knows.

pub mod diag;
pub(crate) mod endonyms;
pub(crate) mod epoch;
pub(crate) mod error;
pub(crate) mod fonts;
pub(crate) mod ident;
pub(crate) mod lang;
pub(crate) mod links;
pub(crate) mod memory;
pub(crate) mod numbers;
pub(crate) mod output;
pub(crate) mod settings;
pub(crate) mod text;
