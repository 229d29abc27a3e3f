//! The command line: arguments ([`args`]), dispatch to the commands
//! ([`commands`]), what they print ([`print`], [`progress`]), and the one
//! command error, printed once here and turned into the exit code.

mod args;
mod commands;
mod print;
mod progress;

use std::io::IsTerminal as _;
use std::process::ExitCode;
use std::time::Instant;

use crate::base::error::{EXIT_OK, Error};
use crate::build::BuildOptions;
use crate::watch::{Changes, options_for};
pub use args::Cli;
use args::{ColorChoice, Command, GlobalArgs, ServeArgs, WatchArgs};

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
        Command::Watch(args) => watch(global, &args, &mut err),
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

/// `kyr watch`: builds once, then rebuilds what each change affects and
/// prints its problems, until stopped. A change that leaves the project
/// unloadable is reported and waited out.
fn watch(
    global: &GlobalArgs,
    args: &WatchArgs,
    err: &mut impl std::io::Write,
) -> Result<(), Error> {
    watch_and_build(global, args, err, |_, _, _| Ok(()), || {})
}

/// `kyr serve`: `kyr watch`, with the built folder served on 127.0.0.1
/// and each open page reloaded after a rebuild.
fn serve(
    global: &GlobalArgs,
    args: &ServeArgs,
    err: &mut impl std::io::Write,
) -> Result<(), Error> {
    let reloads = std::cell::OnceCell::new();
    let open = args.open;
    watch_and_build(
        global,
        &args.watch,
        err,
        |root, out_dir, err| {
            let serving = crate::serve::serve(out_dir, root, args.port).map_err(Error::Usage)?;
            let address = format!("http://{}/", serving.address);
            let _ = writeln!(
                err,
                "serving `{}` at {address} (this machine only)",
                crate::base::diag::display_path(out_dir)
            );
            let _ = writeln!(err, "recording page: {address}record/");
            if open {
                open_browser(&address);
            }
            let _ = reloads.set(serving.reloads);
            Ok(())
        },
        || {
            if let Some(reloads) = reloads.get() {
                reloads.rebuilt();
            }
        },
    )
}

/// Opens `address` in the default browser, if there is one.
fn open_browser(address: &str) {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    let _ = std::process::Command::new(opener)
        .arg(address)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
}

/// Builds once, calls `started` with the project and output folders, then rebuilds what
/// each change affects, calling `rebuilt` after each build, until stopped.
fn watch_and_build<W: std::io::Write>(
    global: &GlobalArgs,
    args: &WatchArgs,
    err: &mut W,
    mut started: impl FnMut(&std::path::Path, &std::path::Path, &mut W) -> Result<(), Error>,
    mut rebuilt: impl FnMut(),
) -> Result<(), Error> {
    let base = BuildOptions {
        locales: args.locales.clone(),
        formats: args.format.clone(),
        out_dir: args.out.clone(),
        ..BuildOptions::default()
    };
    let project = commands::load(global)?;
    let root = project.root.clone();
    let out_dir = base.out_dir.clone().unwrap_or_else(|| root.join("out"));
    if let Err(error) = commands::build_quietly(global, &project, &base, Instant::now(), err) {
        print::print_error(&error, err);
    }
    started(&root, &out_dir, err)?;

    let changes = Changes::watch(&root, &out_dir)
        .map_err(|message| Error::Failed(anyhow::anyhow!(message)))?;
    let _ = writeln!(
        err,
        "watching `{}` for changes (stop with Ctrl-C)",
        crate::base::diag::display_path(&root)
    );
    let _ = err.flush();

    while let Some(changed) = changes.next() {
        let started = Instant::now();
        let project = match commands::load(global) {
            Ok(project) => project,
            Err(error @ Error::Usage(_)) => return Err(error),
            Err(error) => {
                print::print_error(&error, err);
                continue;
            }
        };
        let Some(options) = options_for(&project, &base, &changed) else {
            continue;
        };
        let shown: Vec<String> = changed
            .iter()
            .map(|p| crate::base::diag::display_path(p))
            .collect();
        let _ = writeln!(err, "\nchanged: {}", shown.join(", "));
        if let Err(error) = commands::build_quietly(global, &project, &options, started, err) {
            print::print_error(&error, err);
        }
        rebuilt();
        let _ = err.flush();
    }
    Err(Error::Failed(anyhow::anyhow!("file watching stopped")))
}
