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
//! [`run`] is what the binary calls; tests call [`project::load`] and
//! [`build::build`] directly.

pub mod build;
pub mod cli;
pub mod config;
pub mod diag;
pub mod doc;
pub mod i18n;
pub mod links;
pub mod output;
pub mod pdf;
pub mod project;
pub mod render;

use std::collections::BTreeMap;
use std::io::{IsTerminal as _, Write as _};
use std::process::ExitCode;
use std::time::Instant;

use build::{BuildError, BuildOptions};
use cli::{Cli, ColorChoice, Command};
use diag::{Files, Sink};
use project::LoadError;

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
    let mut stderr = anstream::AutoStream::new(std::io::stderr().lock(), choice);
    let code = match cli.command {
        Command::Build(args) => {
            let epoch = match std::env::var("SOURCE_DATE_EPOCH") {
                Ok(value) => match pdf::parse_epoch(&value) {
                    Ok(seconds) => Some(seconds),
                    Err(pdf::BadEpoch(message)) => {
                        let _ = writeln!(stderr, "error: {message}");
                        return ExitCode::from(EXIT_USAGE);
                    }
                },
                Err(_) => None,
            };
            let options = BuildOptions {
                epoch,
                locales: args.locales,
                documents: args.documents,
                formats: args.format,
                out_dir: args.out,
                strict: args.strict,
            };
            run_build(&cli.global, &options, &mut stderr)
        }
    };
    ExitCode::from(code)
}

fn run_build(
    global: &cli::GlobalArgs,
    options: &BuildOptions,
    err: &mut impl std::io::Write,
) -> u8 {
    let started = Instant::now();
    let project = match project::load(&global.project) {
        Ok(project) => project,
        Err(LoadError::NotFound(dir)) => {
            let _ = writeln!(
                err,
                "error: no `{}` found in `{}` or any folder above it",
                project::CONFIG_FILE,
                dir.display()
            );
            return EXIT_USAGE;
        }
        Err(LoadError::Io(e)) => {
            let _ = writeln!(err, "error: {e:#}");
            return EXIT_ERRORS;
        }
        Err(LoadError::Invalid { files, diagnostics }) => {
            let mut sink = Sink::default();
            sink.extend(diagnostics);
            print_diagnostics(&files, &sink, err);
            return EXIT_ERRORS;
        }
    };
    let report = match build::build(&project, options) {
        Ok(report) => report,
        Err(BuildError::Usage(message)) => {
            let _ = writeln!(err, "error: {message}");
            return EXIT_USAGE;
        }
        Err(BuildError::Io(e)) => {
            let _ = writeln!(err, "error: {e:#}");
            return EXIT_ERRORS;
        }
    };
    print_diagnostics(&project.files, &report.diagnostics, err);

    if global.verbose {
        for path in &report.written {
            let shown = path.strip_prefix(&project.root).unwrap_or(path);
            let _ = writeln!(err, "wrote {}", diag::display_path(shown));
        }
        for f in &report.fallbacks {
            let _ = writeln!(
                err,
                "fallback: {} {} `{}` from {}",
                f.requested, f.document, f.message, f.supplied_by
            );
        }
    }
    if !global.quiet {
        let mut per_locale: BTreeMap<&str, BTreeMap<&str, usize>> = BTreeMap::new();
        for f in &report.fallbacks {
            *per_locale
                .entry(f.requested.as_str())
                .or_default()
                .entry(f.supplied_by.as_str())
                .or_default() += 1;
        }
        for (tag, suppliers) in &per_locale {
            let parts: Vec<String> = suppliers
                .iter()
                .map(|(from, n)| format!("{n} from {from}"))
                .collect();
            let _ = writeln!(
                err,
                "note: `{tag}` shows untranslated messages: {}",
                parts.join(", ")
            );
        }
        for failed in &report.failed {
            let _ = writeln!(err, "not written: {failed}");
        }
        let shown = report
            .out_dir
            .strip_prefix(&project.root)
            .unwrap_or(&report.out_dir);
        let _ = writeln!(
            err,
            "built {} files into `{}` in {:.2}s: {} errors, {} warnings",
            report.written.len(),
            diag::display_path(shown),
            started.elapsed().as_secs_f64(),
            report.diagnostics.error_count(),
            report.diagnostics.warning_count(),
        );
    }
    if report.diagnostics.has_errors() || !report.failed.is_empty() {
        EXIT_ERRORS
    } else {
        EXIT_OK
    }
}

fn print_diagnostics(files: &Files, sink: &Sink, err: &mut impl std::io::Write) {
    for d in sink.diagnostics() {
        let _ = write!(err, "{}", diag::render(files, d));
    }
}
