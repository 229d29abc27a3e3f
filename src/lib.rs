//! kyr: an offline-first generator of multilingual Know-Your-Rights
//! material. The pipeline:
//!
//! ```text
//! project::load      kyr.toml, content/*.md, locales/<tag>/*.ftl, templates/
//!   doc::parse       skeletons, once (pulldown-cmark, with byte offsets)
//!   i18n::resolve    per locale: references along the fallback chain
//!                    -> doc::model (blocks, inlines, each with its language)
//!   render::html     model -> escaped HTML through templates
//!   render::typst    model -> a data file + a main source for a layout
//!   pdf              typst::compile with bundled fonts -> PDF bytes
//!   output           atomic writes under out/
//! ```
//!
//! Beside the build: `check` (everything, writing nothing), coverage and
//! stale translations (`i18n::coverage`, `i18n::lock`), `scaffold` (a new
//! locale), `extract` (plain Markdown -> skeleton), `watch`, `bundle`
//! (the built site as a reproducible zip); `commands`
//! runs each for the command line.
//!
//! [`run`] is what the binary calls; tests call [`project::load`] and
//! [`build::build`] directly.

pub mod build;
pub mod bundle;
pub mod check;
pub mod cli;
pub mod commands;
pub mod config;
pub mod diag;
pub mod doc;
pub mod extract;
pub mod i18n;
pub mod incremental;
pub mod layout;
pub mod links;
pub mod output;
pub mod pdf;
pub mod print;
pub mod progress;
pub mod project;
pub mod render;
pub mod scaffold;
pub mod watch;

use std::io::{IsTerminal as _, Write as _};
use std::process::ExitCode;

use build::BuildOptions;
use cli::{Cli, ColorChoice, Command};

/// Exit code for a successful run (warnings allowed).
pub const EXIT_OK: u8 = 0;
/// Exit code for errors in the content or the build.
pub const EXIT_ERRORS: u8 = 1;
/// Exit code for usage errors.
pub const EXIT_USAGE: u8 = 2;

/// Runs a parsed command line, printing diagnostics to stderr.
pub fn run(cli: Cli) -> ExitCode {
    let choice = match cli.global.color {
        ColorChoice::Always => anstream::ColorChoice::Always,
        ColorChoice::Never => anstream::ColorChoice::Never,
        ColorChoice::Auto if std::io::stderr().is_terminal() => anstream::ColorChoice::Auto,
        ColorChoice::Auto => anstream::ColorChoice::Never,
    };
    // Not locked for the whole command: the build's threads report
    // progress on it too.
    let mut stderr = anstream::AutoStream::new(std::io::stderr(), choice);
    let code = match cli.command {
        Command::Build(args) => {
            let epoch = match pdf::source_date_epoch() {
                Ok(epoch) => epoch,
                Err(pdf::BadEpoch(message)) => {
                    let _ = writeln!(stderr, "error: {message}");
                    return ExitCode::from(EXIT_USAGE);
                }
            };
            let options = BuildOptions {
                epoch,
                locales: args.locales,
                documents: args.documents,
                formats: args.format,
                out_dir: args.out,
                strict: args.strict,
                jobs: args.jobs.map(usize::from),
                force: args.force,
                shard: args.shard,
            };
            commands::build(
                &cli.global,
                &options,
                args.edition.as_deref(),
                args.message_format,
                &mut std::io::stdout().lock(),
                &mut stderr,
            )
        }
        Command::Check(args) => commands::check(
            &cli.global,
            &args,
            &mut std::io::stdout().lock(),
            &mut stderr,
        ),
        Command::Status(args) => commands::status(
            &cli.global,
            &args,
            &mut std::io::stdout().lock(),
            &mut stderr,
        ),
        Command::Confirm(args) => commands::confirm(&cli.global, &args, &mut stderr),
        Command::NewLocale(args) => commands::new_locale(&cli.global, &args, &mut stderr),
        Command::Extract(args) => commands::extract(&cli.global, &args, &mut stderr),
        Command::Watch(args) => commands::watch(&cli.global, &args, &mut stderr),
        Command::Bundle(args) => commands::bundle(&cli.global, &args, &mut stderr),
    };
    ExitCode::from(code)
}
