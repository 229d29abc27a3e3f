//! The one error a command returns: it knows its exit code and is printed
//! once, at the top (`cli::run`). Problems in the content are not errors
//! of this kind: they are diagnostics, collected and reported with the
//! command's results, and the command then returns [`Error::Reported`].

use std::fmt;

use crate::base::diag::{Diagnostic, Files};

/// Exit code for a successful run (warnings allowed).
pub const EXIT_OK: u8 = 0;
/// Exit code for errors in the content or the build.
pub const EXIT_ERRORS: u8 = 1;
/// Exit code for usage errors.
pub const EXIT_USAGE: u8 = 2;

/// Why a command did not succeed.
#[derive(Debug)]
pub enum Error {
    /// The command asks for something that is not there or cannot be: no
    /// `kyr.toml`, an unknown locale, document or edition, a bad value
    /// (exit 2).
    Usage(String),
    /// The project cannot be used at all; the diagnostics say why (exit 1).
    Invalid {
        /// Files read so far, to show the diagnostics in.
        files: Files,
        /// What is wrong.
        diagnostics: Vec<Diagnostic>,
    },
    /// Reading or writing failed (exit 1).
    Failed(anyhow::Error),
    /// Problems were found and already printed with the command's results
    /// (exit 1).
    Reported,
}

impl Error {
    /// The exit code: 2 for usage errors, 1 for the others.
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Usage(_) => EXIT_USAGE,
            Error::Invalid { .. } | Error::Failed(_) | Error::Reported => EXIT_ERRORS,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Usage(message) => f.write_str(message),
            Error::Invalid { files, diagnostics } => {
                // Where each problem is and what it is, on one line each
                // (the command line prints them in full instead).
                let lines: Vec<String> = diagnostics
                    .iter()
                    .map(|d| match &d.span {
                        Some(span) => {
                            let (line, column) = files.line_col(span.file, span.range.start);
                            let path = crate::base::diag::display_path(&files.get(span.file).path);
                            format!("{path}:{line}:{column}: {}", d.message)
                        }
                        None => d.message.clone(),
                    })
                    .collect();
                f.write_str(&lines.join("\n"))
            }
            Error::Failed(e) => write!(f, "{e:#}"),
            Error::Reported => f.write_str("problems were found"),
        }
    }
}

impl std::error::Error for Error {}

impl From<anyhow::Error> for Error {
    fn from(e: anyhow::Error) -> Self {
        Error::Failed(e)
    }
}
