//! `kyr status`: translation coverage per locale and per document
//! (translated, shown from another locale, missing, stale, recorded), and
//! the problems a CI fails on: a locale marked complete that is not, and
//! with `--min-coverage`, a locale under the share asked for. Those are
//! diagnostics in the report; the coverage itself is printed by the
//! command line, as a table, Markdown or JSON.

use crate::base::diag::{Diagnostic, Sink, counted};
use crate::base::error::Error;
use crate::i18n::coverage::{self, LocaleCoverage};
use crate::project::Project;

/// What `kyr status` is asked for.
#[derive(Debug, Clone, Default)]
pub struct StatusOptions {
    /// The locales to show (all when empty).
    pub locales: Vec<String>,
    /// Fail when a locale has less than this share of its messages
    /// translated, in percent.
    pub min_coverage: Option<f64>,
}

/// What `kyr status` found.
#[derive(Debug)]
pub struct StatusReport {
    /// Coverage of each locale asked for, and of each of its documents.
    pub coverage: Vec<LocaleCoverage>,
    /// A locale marked complete that is not, one under `--min-coverage`:
    /// errors without a place in a file.
    pub problems: Sink,
}

/// `kyr status`: the coverage of the locales asked for (unknown ones and
/// a `min_coverage` outside 0 to 100 are usage errors), with its problems.
pub fn run(project: &Project, options: &StatusOptions) -> Result<StatusReport, Error> {
    let tags = project.config.known_locales(&options.locales)?;
    if let Some(min) = options.min_coverage
        && !(0.0..=100.0).contains(&min)
    {
        return Err(Error::Usage(format!(
            "--min-coverage must be between 0 and 100, not {min}"
        )));
    }
    let coverage = status(project, &tags);
    let mut problems = Sink::default();
    for locale in &coverage {
        problems.extend(problems_of(locale, options.min_coverage));
    }
    Ok(StatusReport { coverage, problems })
}

/// Translation coverage of the given locales (all when empty), per
/// locale and per document.
pub fn status(project: &Project, locales: &[String]) -> Vec<LocaleCoverage> {
    coverage::coverage(&project.messages(), locales)
}

/// What fails a locale: marked complete but not, or under `min_coverage`.
fn problems_of(locale: &LocaleCoverage, min_coverage: Option<f64>) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    let counts = &locale.counts;
    if locale.complete && counts.translated < counts.total {
        found.push(Diagnostic::error(format!(
            "`{}` is marked complete but {} of its {} are not translated",
            locale.locale,
            counts.total - counts.translated,
            counted(counts.total, "message", "messages")
        )));
    }
    if let Some(min) = min_coverage
        && locale.percent < min
    {
        found.push(Diagnostic::error(format!(
            "`{}` has {:.1}% of its messages translated, under the required {min}%",
            locale.locale, locale.percent
        )));
    }
    found
}
