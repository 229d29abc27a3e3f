//! The command line: arguments ([`args`]), dispatch to the commands
//! ([`crate::commands`]; here), what they print ([`print`], [`progress`],
//! and for the watch and serve loops, [`watching`]), and the one command
//! error, printed once here and turned into the exit code. No file work:
//! a command plans its writes, and [`commands::write`] writes them.

mod args;
mod print;
mod progress;
mod watching;

use std::io::{IsTerminal as _, Write};
use std::process::ExitCode;
use std::time::Instant;

use crate::base::epoch::{self, BadEpoch};
use crate::base::error::{EXIT_OK, Error};
use crate::commands::{self, Outcome};
use crate::project::Project;
pub use args::Cli;
use args::{BuildArgs, CheckArgs, ColorChoice, Command, GlobalArgs, MessageFormat, StatusArgs};

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
    let mut err = anstream::AutoStream::new(std::io::stderr(), choice);
    let out = &mut std::io::stdout().lock();
    match dispatch(&cli.global, cli.command, out, &mut err) {
        Ok(()) => ExitCode::from(EXIT_OK),
        Err(error) => {
            print::print_error(&error, &mut err);
            ExitCode::from(error.exit_code())
        }
    }
}

/// Runs one command: its arguments become its options, its planned
/// files are written, and its report is printed.
fn dispatch(
    global: &GlobalArgs,
    command: Command,
    out: &mut impl Write,
    err: &mut impl Write,
) -> Result<(), Error> {
    let quiet = global.quiet;
    match command {
        Command::Init(args) => init(global, &args, err),
        Command::New(args) => {
            let project = load(global, None)?;
            let added = written(commands::new_document::run(&project, &args.options())?)?;
            print::added_document(quiet, &added, err);
            Ok(())
        }
        Command::Build(args) => build(global, &args, out, err),
        Command::Check(args) => check(global, &args, out, err),
        Command::Status(args) => status(global, &args, out, err),
        Command::Confirm(args) => {
            let project = load(global, None)?;
            let confirmed = written(commands::confirm::run(&project, &args.options())?)?;
            print::confirmed(quiet, &confirmed, err);
            Ok(())
        }
        Command::NewLocale(args) => {
            let project = load(global, None)?;
            let made = written(commands::new_locale::run(&project, &args.options())?)?;
            print::new_locale(quiet, &made, err);
            Ok(())
        }
        Command::Sync(args) => {
            let project = load(global, None)?;
            let added = written(commands::sync::run(&project, &args.options())?)?;
            print::synced(quiet, &added, err);
            Ok(())
        }
        Command::Extract(args) => {
            let project = load(global, None)?;
            let extracted = written(commands::extract::run(&project, &args.options())?)?;
            print::extracted(quiet, &extracted, err);
            Ok(())
        }
        Command::Watch(args) => {
            let mut printer = watching::Printer::new(global, false, err);
            crate::watch::watch(&args.options(&global.project), &mut printer)
        }
        Command::Serve(args) => serve(global, &args, err),
        Command::Bundle(args) => {
            let project = load(global, args.edition.as_deref())?;
            let options = args.options(source_date_epoch()?);
            let bundled = written(commands::bundle::run(&project, &options)?)?;
            print::bundled(quiet, &bundled, err);
            Ok(())
        }
    }
}

/// Loads the project `-C` names, with an edition's variables.
fn load(global: &GlobalArgs, edition: Option<&str>) -> Result<Project, Error> {
    commands::load(&global.project, edition)
}

/// Writes a command's planned files; its report.
fn written<R>(outcome: Outcome<R>) -> Result<R, Error> {
    commands::write(&outcome.writes)?;
    Ok(outcome.report)
}

/// The build time from `SOURCE_DATE_EPOCH`; a bad value is a usage error.
fn source_date_epoch() -> Result<Option<i64>, Error> {
    epoch::source_date_epoch().map_err(|BadEpoch(message)| Error::Usage(message))
}

/// `kyr init`: the new project's files, then the lock files confirming
/// kyr's own translations in it.
fn init(global: &GlobalArgs, args: &args::InitArgs, err: &mut impl Write) -> Result<(), Error> {
    let options = args.options(&global.project);
    let started = written(commands::init::run(&options)?)?;
    commands::write(&commands::init::confirm_interface(
        &options.dir,
        &started.translated,
    )?)?;
    print::initialized(global.quiet, &started, err);
    Ok(())
}

/// `kyr serve`: the watch loop, printing, with the site served.
fn serve(global: &GlobalArgs, args: &args::ServeArgs, err: &mut impl Write) -> Result<(), Error> {
    let mut printer = watching::Printer::new(global, args.open, err);
    let options = args.watch.options(&global.project);
    crate::serve::run(&options, args.port, args.share, &mut printer)
}

/// `kyr build`, with its progress shown as it goes.
fn build(
    global: &GlobalArgs,
    args: &BuildArgs,
    out: &mut impl Write,
    err: &mut impl Write,
) -> Result<(), Error> {
    let started = Instant::now();
    let options = args.options(source_date_epoch()?);
    let project = load(global, args.edition.as_deref())?;
    let json = args.message_format == MessageFormat::Json;
    let mode = if global.quiet || json {
        progress::Mode::Off
    } else if std::io::stderr().is_terminal() {
        progress::Mode::Bar
    } else {
        progress::Mode::Lines
    };
    let reporter = progress::Reporter::new(mode);
    let result = commands::build::run(&project, &options, &reporter);
    reporter.finish();
    let report = result?;
    if json {
        print::report_build_json(&project, &report, started, out);
    } else {
        print::report_build(global, &project, &report, started, err);
    }
    if report.has_errors() {
        return Err(Error::Reported);
    }
    Ok(())
}

/// `kyr check`.
fn check(
    global: &GlobalArgs,
    args: &CheckArgs,
    out: &mut impl Write,
    err: &mut impl Write,
) -> Result<(), Error> {
    let project = load(global, None)?;
    let report = commands::check::run(&project, &args.options())?;
    let format = match args.format {
        Some(format) => {
            print::deprecated_format(err, "check");
            format
        }
        None => args.message_format,
    };
    match format {
        MessageFormat::Human => print::checked(global.quiet, &project, &report, err),
        MessageFormat::Json => print::checked_json(&project, &report, out),
    }
    if report.diagnostics.has_errors() {
        return Err(Error::Reported);
    }
    Ok(())
}

/// `kyr status`: the coverage on stdout, its problems on stderr.
fn status(
    global: &GlobalArgs,
    args: &StatusArgs,
    out: &mut impl Write,
    err: &mut impl Write,
) -> Result<(), Error> {
    let project = load(global, None)?;
    let report = commands::status::run(&project, &args.options())?;
    let format = match args.format {
        Some(format) => {
            print::deprecated_format(err, "status");
            format
        }
        None => args.message_format,
    };
    print::coverage(&report.coverage, format, out);
    print::print_diagnostics(&project.files, &report.problems, err);
    if report.problems.has_errors() {
        return Err(Error::Reported);
    }
    Ok(())
}
