//! The command line: arguments ([`args`]), dispatch to the commands
//! ([`commands`]), what they print ([`print`], [`progress`], and for the
//! watch and serve loops, [`watching`]), and the one command error,
//! printed once here and turned into the exit code.

mod args;
mod commands;
mod print;
mod progress;
mod watching;

use std::io::IsTerminal as _;
use std::process::ExitCode;

use crate::base::error::{EXIT_OK, Error};
pub use args::Cli;
use args::{ColorChoice, Command, GlobalArgs, ServeArgs};

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
    let global = &cli.global;
    let result = match cli.command {
        Command::Init(args) => commands::init(global, &args, &mut err),
        Command::New(args) => commands::new_document(global, &args, &mut err),
        Command::Build(args) => commands::build(global, args, out, &mut err),
        Command::Check(args) => commands::check(global, &args, out, &mut err),
        Command::Status(args) => commands::status(global, &args, out, &mut err),
        Command::Confirm(args) => commands::confirm(global, &args, &mut err),
        Command::NewLocale(args) => commands::new_locale(global, &args, &mut err),
        Command::Sync(args) => commands::sync(global, &args, &mut err),
        Command::Extract(args) => commands::extract(global, &args, &mut err),
        Command::Watch(args) => {
            let mut printer = watching::Printer::new(global, false, &mut err);
            crate::watch::watch(&args.options(&global.project), &mut printer)
        }
        Command::Serve(args) => serve(global, &args, &mut err),
        Command::Bundle(args) => commands::bundle(global, &args, &mut err),
    };
    match result {
        Ok(()) => ExitCode::from(EXIT_OK),
        Err(error) => {
            print::print_error(&error, &mut err);
            ExitCode::from(error.exit_code())
        }
    }
}

/// `kyr serve`: the watch loop, printing, with the site served.
fn serve(
    global: &GlobalArgs,
    args: &ServeArgs,
    err: &mut impl std::io::Write,
) -> Result<(), Error> {
    let mut printer = watching::Printer::new(global, args.open, err);
    let options = args.watch.options(&global.project);
    crate::serve::run(&options, args.port, &mut printer)
}
