//! kyr: an offline-first generator of multilingual Know-Your-Rights
//! material. The pipeline, one module per stage, each importing only from
//! the stages above it:
//!
//! ```text
//! base          shared words: diagnostics, identifiers, direction, links,
//!               build time, the command error, atomic output, the fonts
//!               bundled, settings errors in words
//! audio         recordings: container, codec, duration and level read
//!               from their bytes; browser recordings remuxed to Ogg Opus
//! config        kyr.toml -> Config (validated, one table at a time)
//! doc           PARSE: skeletons (pulldown-cmark, with byte offsets)
//!               -> the document model
//! i18n          RESOLVE: Fluent catalog; per locale, references along the
//!               fallback chain -> a page (body, card sides, interface
//!               texts, notices), each piece with its language; locks,
//!               staleness, recordings, coverage
//! render        the one contract of the three back ends: the files a
//!               skeleton gives; a page -> files, diagnostics, facts
//! html          RENDER HTML: page and index, escaped, through templates;
//!               the pages' web fonts
//! text          RENDER TEXT: the page as messages for WhatsApp, Telegram
//!               and SMS (with segment counts)
//! pdf           RENDER PDF: each layout's files: the typed data file ->
//!               Typst (World, fonts, compile, export) -> PDF; imposition;
//!               post-layout checks; memory a long build may take
//! project       LOAD: kyr.toml, content/, locales/, templates/ -> Project
//! build         the driver: select -> back ends -> jobs (resolve ->
//!               fresh? -> render -> write -> record) -> index -> fonts and
//!               recordings from the recorded facts -> report
//! inspect       the stages opened up for tests, benches and fuzzing
//! commands      one module per command: options -> outcome (the files to
//!               write and a report); the one writer of planned files
//! watch         the watch loop: file changes -> what they affect -> builds
//! serve         the studio: the built site on 127.0.0.1, reloading, and
//!               the recording page; its loop is the watch loop
//! cli           arguments, dispatch, printing, one error -> exit code
//! ```
//!
//! `ARCHITECTURE.md` says where a change goes. The binary calls [`run`];
//! tests, benches and fuzz targets call [`project::load`],
//! [`build::build`], the commands (such as [`commands::check::check`] and
//! [`commands::bundle::bundle`]) and [`inspect`], and read what they
//! return.

pub mod audio;
mod base;
pub mod build;
pub mod cli;
pub mod commands;
pub mod config;
mod doc;
mod html;
mod i18n;
pub mod inspect;
mod pdf;
pub mod project;
mod render;
mod serve;
mod text;
mod watch;

#[cfg(test)]
mod tests;

pub use base::diag;
pub use base::diag::{Diagnostic, Files, Severity, Sink, Span};
pub use base::error::{EXIT_ERRORS, EXIT_OK, EXIT_USAGE, Error};
pub use cli::run;

pub use i18n::coverage::{AudioCounts, Counts, DocumentCoverage, LocaleCoverage};
