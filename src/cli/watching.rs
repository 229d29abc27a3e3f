//! What `kyr watch` and `kyr serve` print as their loop runs: each build's
//! outcome, the files that changed, a project that cannot be loaded, where
//! the site is served (opening it in the browser when asked), and when it
//! is shared the link for phones, drawn as a QR code.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::base::diag::display_path;
use crate::base::error::Error;
use crate::build::BuildReport;
use crate::cli::args::GlobalArgs;
use crate::cli::print;
use crate::project::Project;
use crate::serve::{ServeListener, ShareLinks};
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
    fn serving(&mut self, out_dir: &Path, address: &str, shared: Option<&ShareLinks>) {
        let opened = match shared {
            None => {
                let _ = writeln!(
                    self.err,
                    "serving `{}` at {address} (this machine only)",
                    display_path(out_dir)
                );
                let _ = writeln!(self.err, "recording page: {address}record/");
                address
            }
            Some(links) => {
                shared_links(out_dir, links, self.err);
                &links.here
            }
        };
        let _ = self.err.flush();
        if self.open {
            open_browser(opened);
        }
    }
}

/// Where a shared server is reached, and what sharing it means.
fn shared_links(out_dir: &Path, links: &ShareLinks, err: &mut impl Write) {
    let _ = writeln!(
        err,
        "serving `{}` on every address of this machine ({}), for phones on the same network",
        display_path(out_dir),
        links.listening
    );
    let _ = writeln!(
        err,
        "anyone with the link below can change this project's translations and recordings"
    );
    let _ = writeln!(
        err,
        "the link changes each time `kyr serve --share` starts; \
         without --share, only this machine can reach kyr serve"
    );
    let _ = writeln!(err, "on this machine, open: {}", links.here);
    match &links.phones {
        Some(link) => {
            let _ = writeln!(
                err,
                "on a phone on the same network, scan this code or open: {link}"
            );
            if let Some(code) = qr_code(link) {
                let _ = write!(err, "{code}");
            }
        }
        None => {
            let _ = writeln!(
                err,
                "this machine has no network address phones could use: \
                 connect it to the shelter's network, then start `kyr serve --share` again"
            );
        }
    }
}

/// `text` as a QR code for a terminal, two rows of modules to a line,
/// with its quiet zone: dark modules drawn black on white when colour
/// is on, and as the terminal's own colour on its background when not.
fn qr_code(text: &str) -> Option<String> {
    use qrcode::render::unicode::Dense1x2;
    let code = qrcode::QrCode::new(text.as_bytes()).ok()?;
    let drawn = code.render::<Dense1x2>().quiet_zone(true).build();
    let paper = anstyle::Style::new()
        .fg_color(Some(anstyle::AnsiColor::Black.into()))
        .bg_color(Some(anstyle::AnsiColor::BrightWhite.into()));
    let mut lines = String::new();
    for line in drawn.lines() {
        lines.push_str(&format!("{paper}{line}{paper:#}\n"));
    }
    Some(lines)
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
