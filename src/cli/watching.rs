//! What `kyr watch` and `kyr serve` print as their loop runs: each build's
//! outcome, the files that changed, a project that cannot be loaded, where
//! the site is served (opening it in the browser when asked).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::base::diag::display_path;
use crate::base::error::Error;
use crate::build::BuildReport;
use crate::cli::args::GlobalArgs;
use crate::cli::print;
use crate::project::Project;
use crate::serve::ServeListener;
use crate::watch::Listener;

/// Prints what a watch loop does, on stderr.
pub(super) struct Printer<'a, W> {
    global: &'a GlobalArgs,
    /// Open the served site in the default browser.
    open: bool,
    err: &'a mut W,
}

impl<'a, W: Write> Printer<'a, W> {
    /// A printer to `err`; `open`: open the served site in the browser.
    pub(super) fn new(global: &'a GlobalArgs, open: bool, err: &'a mut W) -> Self {
        Printer { global, open, err }
    }
}

impl<W: Write> Listener for Printer<'_, W> {
    fn built(&mut self, project: &Project, outcome: Result<BuildReport, Error>, started: Instant) {
        match outcome {
            Ok(report) => print::report_build(self.global, project, &report, started, self.err),
            Err(error) => print::print_error(&error, self.err),
        }
        let _ = self.err.flush();
    }

    fn watching(&mut self, root: &Path, _out_dir: &Path) -> Result<(), Error> {
        let _ = writeln!(
            self.err,
            "watching `{}` for changes (stop with Ctrl-C)",
            display_path(root)
        );
        let _ = self.err.flush();
        Ok(())
    }

    fn changed(&mut self, changed: &[PathBuf]) {
        let shown: Vec<String> = changed.iter().map(|p| display_path(p)).collect();
        let _ = writeln!(self.err, "\nchanged: {}", shown.join(", "));
    }

    fn unloadable(&mut self, error: &Error) {
        print::print_error(error, self.err);
    }
}

impl<W: Write> ServeListener for Printer<'_, W> {
    fn serving(&mut self, out_dir: &Path, address: &str) {
        let _ = writeln!(
            self.err,
            "serving `{}` at {address} (this machine only)",
            display_path(out_dir)
        );
        let _ = writeln!(self.err, "recording page: {address}record/");
        if self.open {
            open_browser(address);
        }
    }
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
