//! What a build tells: its report (files written or fresh, failed,
//! removed, diagnostics, fallbacks), the progress it reports while it
//! runs, and why it could not start.

use std::collections::BTreeSet;
use std::path::PathBuf;

use crate::base::diag::{Diagnostic, Sink};
use crate::base::error::Error;
use crate::build::options::Format;
use crate::config::Locale;
use crate::doc::Skeleton;
use crate::i18n::lint::PrintedVar;
use crate::i18n::resolve::Fallback;

/// One output of the build, written now or left as it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuiltFile {
    /// Path under the output folder, with `/`.
    pub path: String,
    /// The document.
    pub document: String,
    /// The locale.
    pub locale: String,
    /// The PDF layout (`handout`, `card-sheet`, ...); none for HTML.
    pub layout: Option<&'static str>,
    /// The format.
    pub format: Format,
    /// Size in bytes.
    pub bytes: u64,
    /// SHA-256, hex.
    pub sha256: String,
    /// Left as it was: its inputs have not changed since it was written.
    pub fresh: bool,
}

/// One document × locale done, for progress reports.
#[derive(Debug, Clone, Copy)]
pub struct JobDone<'a> {
    /// The locale.
    pub locale: &'a str,
    /// The document.
    pub document: &'a str,
    /// Files written.
    pub built: usize,
    /// Files left as they were.
    pub fresh: usize,
    /// Files not written because of errors.
    pub failed: usize,
}

/// Told about a build while it runs (a progress bar, log lines). Called
/// from the build's threads.
pub trait Progress: Sync {
    /// The build has `jobs` documents × locales to do.
    fn start(&self, jobs: usize) {
        let _ = jobs;
    }
    /// One is done.
    fn done(&self, job: JobDone<'_>) {
        let _ = job;
    }
}

/// No progress reports.
pub struct Silent;

impl Progress for Silent {}

/// What a build did.
#[derive(Debug, Default)]
pub struct BuildReport {
    /// Every diagnostic, loading included.
    pub diagnostics: Sink,
    /// Files written, under `out_dir`.
    pub written: Vec<PathBuf>,
    /// Every output of the selected jobs, written or fresh, in a fixed
    /// order (the index page last).
    pub files: Vec<BuiltFile>,
    /// Outputs removed because their document or locale is gone.
    pub removed: Vec<String>,
    /// Outputs not written because their build failed (`fr/door.html`).
    pub failed: Vec<String>,
    /// Every message shown in another locale than its page's.
    pub fallbacks: Vec<Fallback>,
    /// The output folder.
    pub out_dir: PathBuf,
}

impl BuildReport {
    /// An empty report of a build into `out_dir`.
    pub(crate) fn new(out_dir: PathBuf) -> Self {
        BuildReport {
            out_dir,
            ..BuildReport::default()
        }
    }

    /// Adds diagnostics, as errors under `--strict`.
    pub(crate) fn add_diagnostics(
        &mut self,
        diagnostics: impl IntoIterator<Item = Diagnostic>,
        strict: bool,
    ) {
        for d in diagnostics {
            self.diagnostics.push(d.promote(strict));
        }
    }

    /// Adds what one job did; a job that could not write stops the build.
    pub(crate) fn add_job(&mut self, output: JobOutput) -> Result<(), Error> {
        if let Some(error) = output.error {
            return Err(Error::Failed(error));
        }
        for file in output.files {
            if !file.fresh {
                self.written.push(self.out_dir.join(&file.path));
            }
            self.files.push(file);
        }
        self.failed.extend(output.failed);
        self.diagnostics.extend(output.diagnostics);
        self.fallbacks.extend(output.fallbacks);
        Ok(())
    }

    /// Whether the build failed: an error, or an output not written.
    pub fn has_errors(&self) -> bool {
        self.diagnostics.has_errors() || !self.failed.is_empty()
    }
}

/// What one document × locale did: its files (written now or fresh),
/// the outputs it could not write, its diagnostics and fallbacks.
#[derive(Default)]
pub(crate) struct JobOutput {
    pub(crate) files: Vec<BuiltFile>,
    pub(crate) failed: Vec<String>,
    pub(crate) diagnostics: Vec<Diagnostic>,
    pub(crate) fallbacks: Vec<Fallback>,
    /// The variables its page prints.
    pub(crate) printed: BTreeSet<PrintedVar>,
    /// Writing failed: the build stops.
    pub(crate) error: Option<anyhow::Error>,
}

impl JobOutput {
    /// What a progress report says of it.
    pub(crate) fn done<'a>(&self, locale: &'a Locale, skeleton: &'a Skeleton) -> JobDone<'a> {
        JobDone {
            locale: &locale.tag,
            document: &skeleton.name,
            built: self.files.iter().filter(|f| !f.fresh).count(),
            fresh: self.files.iter().filter(|f| f.fresh).count(),
            failed: self.failed.len(),
        }
    }
}
