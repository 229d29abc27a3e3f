//! What a build tells: its report (files written or fresh, failed,
//! removed, diagnostics, fallbacks, characters no font could draw), the
//! progress it reports while it runs, and why it could not start.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::base::diag::{Diagnostic, Sink, Strict};
use crate::base::error::Error;
use crate::config::Locale;
use crate::doc::Skeleton;
use crate::i18n::lint::PrintedVar;
use crate::i18n::resolve::Fallback;
use crate::render::Format;
use crate::render::{GlyphPlace, MissingGlyphs};

/// One output of the build, written now or left as it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuiltFile {
    /// Path under the output folder, with `/`.
    pub path: String,
    /// The document.
    pub document: String,
    /// The locale.
    pub locale: String,
    /// The PDF layout (`handout`, `card-sheet`, ...), or `sms` for the
    /// SMS text; none for HTML and the chat text.
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
    /// Another kyr is building into `out_dir`; this build waits for it.
    fn waiting(&self, out_dir: &Path) {
        let _ = out_dir;
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
    /// Characters no bundled font could draw, per page and place.
    pub missing_glyphs: Vec<MissingGlyphs>,
    /// The output folder.
    pub out_dir: PathBuf,
}

/// What one locale's pages hold that no bundled font can draw.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct GlyphSummary {
    /// Different characters.
    pub characters: usize,
    /// Messages that hold some (a message of another locale shown on
    /// the locale's pages counts too).
    pub messages: usize,
    /// Variables that hold some.
    pub variables: usize,
    /// Documents whose own text holds some.
    pub documents: usize,
}

impl GlyphSummary {
    /// `312 characters no bundled font can draw, in 41 messages and 1
    /// variable`.
    pub fn describe(&self) -> String {
        let count = crate::base::diag::counted;
        let mut places = Vec::new();
        if self.messages > 0 {
            places.push(count(self.messages, "message", "messages"));
        }
        if self.variables > 0 {
            places.push(count(self.variables, "variable", "variables"));
        }
        if self.documents > 0 {
            places.push(count(
                self.documents,
                "document's own text",
                "documents' own text",
            ));
        }
        let places = match places.split_last() {
            Some((last, [])) => last.clone(),
            Some((last, first)) => format!("{} and {last}", first.join(", ")),
            None => String::new(),
        };
        format!(
            "{} no bundled font can draw, in {places}",
            count(self.characters, "character", "characters")
        )
    }
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
        strict: Strict,
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
        self.missing_glyphs.extend(output.missing_glyphs);
        Ok(())
    }

    /// Per locale, how many characters its pages hold that no bundled
    /// font can draw, and in how many places.
    pub fn missing_glyphs_per_locale(&self) -> BTreeMap<&str, GlyphSummary> {
        let mut places: BTreeMap<&str, (BTreeSet<char>, BTreeSet<&GlyphPlace>)> = BTreeMap::new();
        for missing in &self.missing_glyphs {
            let (chars, at) = places.entry(missing.locale.as_str()).or_default();
            chars.extend(missing.chars.iter().copied());
            at.insert(&missing.place);
        }
        places
            .into_iter()
            .map(|(locale, (chars, at))| {
                let mut summary = GlyphSummary {
                    characters: chars.len(),
                    ..GlyphSummary::default()
                };
                for place in at {
                    match place {
                        GlyphPlace::Message { .. } => summary.messages += 1,
                        GlyphPlace::Variable { .. } => summary.variables += 1,
                        GlyphPlace::Document { .. } => summary.documents += 1,
                    }
                }
                (locale, summary)
            })
            .collect()
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
    pub(crate) missing_glyphs: Vec<MissingGlyphs>,
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
