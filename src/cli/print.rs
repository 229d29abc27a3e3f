//! What the commands print: diagnostics as a person reads them, a build's
//! outcome for a person (stderr) or as JSON lines (stdout), and the one
//! command error.

use std::collections::BTreeMap;
use std::io::Write;
use std::time::Instant;

use crate::base::diag::{self, Files, Sink, counted};
use crate::base::error::Error;
use crate::build::BuildReport;
use crate::check;
use crate::cli::args::GlobalArgs;
use crate::project::Project;

/// Prints a command's error, once: a usage or I/O error as a line, an
/// unusable project as its diagnostics. Problems already reported print
/// nothing more.
pub(super) fn print_error(error: &Error, err: &mut impl Write) {
    match error {
        Error::Usage(_) | Error::Failed(_) => {
            let _ = writeln!(err, "error: {error}");
        }
        Error::Invalid { files, diagnostics } => {
            let mut sink = Sink::default();
            sink.extend(diagnostics.iter().cloned());
            print_diagnostics(files, &sink, err);
        }
        Error::Reported => {}
    }
}

/// Prints diagnostics to `err`.
pub(super) fn print_diagnostics(files: &Files, sink: &Sink, err: &mut impl Write) {
    for d in sink.diagnostics() {
        let _ = write!(err, "{}", diag::render(files, d));
    }
}

/// Prints a build's outcome for a person, on stderr.
pub(super) fn report_build(
    global: &GlobalArgs,
    project: &Project,
    report: &BuildReport,
    started: Instant,
    err: &mut impl Write,
) {
    print_diagnostics(&project.files, &report.diagnostics, err);

    if global.verbose {
        for path in &report.written {
            let shown = path.strip_prefix(&project.root).unwrap_or(path);
            let _ = writeln!(err, "wrote {}", diag::display_path(shown));
        }
        for path in &report.removed {
            let _ = writeln!(err, "removed {path}");
        }
        for f in &report.fallbacks {
            let _ = writeln!(
                err,
                "fallback: {} {} `{}` from {}",
                f.requested, f.document, f.message, f.supplied_by
            );
        }
    }
    if !global.quiet {
        for (tag, suppliers) in fallbacks_per_locale(report) {
            let parts: Vec<String> = suppliers
                .iter()
                .map(|(from, n)| format!("{n} from {from}"))
                .collect();
            let _ = writeln!(
                err,
                "note: `{tag}` shows untranslated messages: {}",
                parts.join(", ")
            );
        }
        for (tag, summary) in report.missing_glyphs_per_locale() {
            let _ = writeln!(err, "note: `{tag}`: {}", summary.describe());
        }
        for failed in &report.failed {
            let _ = writeln!(err, "not written: {failed}");
        }
        if !report.removed.is_empty() {
            let _ = writeln!(
                err,
                "removed {} of documents or locales that are gone",
                counted(report.removed.len(), "file", "files")
            );
        }
        let shown = report
            .out_dir
            .strip_prefix(&project.root)
            .unwrap_or(&report.out_dir);
        let fresh = report.files.iter().filter(|f| f.fresh).count();
        let _ = writeln!(
            err,
            "built {} into `{}` in {:.2}s ({} up to date): {}, {}",
            counted(report.written.len(), "file", "files"),
            diag::display_path(shown),
            started.elapsed().as_secs_f64(),
            fresh,
            counted(report.diagnostics.error_count(), "error", "errors"),
            counted(report.diagnostics.warning_count(), "warning", "warnings"),
        );
    }
}

/// Prints a build's outcome as JSON lines on stdout: every diagnostic,
/// every output file, every removed file, then a summary.
pub(super) fn report_build_json(
    project: &Project,
    report: &BuildReport,
    started: Instant,
    out: &mut impl Write,
) {
    for d in report.diagnostics.diagnostics() {
        let mut value =
            diag::to_json_value(&project.files, d, |span| check::message_at(project, span));
        value["type"] = "diagnostic".into();
        let _ = writeln!(out, "{value}");
    }
    for file in &report.files {
        let value = serde_json::json!({
            "type": "artifact",
            "path": file.path,
            "document": (!file.document.is_empty()).then_some(&file.document),
            "locale": (!file.locale.is_empty()).then_some(&file.locale),
            "layout": file.layout,
            "format": file.format.to_string(),
            "bytes": file.bytes,
            "sha256": file.sha256,
            "status": if file.fresh { "fresh" } else { "built" },
        });
        let _ = writeln!(out, "{value}");
    }
    for path in &report.removed {
        let _ = writeln!(
            out,
            "{}",
            serde_json::json!({"type": "removed", "path": path})
        );
    }
    let shown = report
        .out_dir
        .strip_prefix(&project.root)
        .unwrap_or(&report.out_dir);
    let summary = serde_json::json!({
        "type": "summary",
        "out_dir": diag::display_path(shown),
        "built": report.files.iter().filter(|f| !f.fresh).count(),
        "fresh": report.files.iter().filter(|f| f.fresh).count(),
        "failed": report.failed,
        "removed": report.removed.len(),
        "errors": report.diagnostics.error_count(),
        "warnings": report.diagnostics.warning_count(),
        "fallbacks": fallbacks_per_locale(report),
        "missing_glyphs": report.missing_glyphs_per_locale(),
        "seconds": (started.elapsed().as_secs_f64() * 1000.0).round() / 1000.0,
    });
    let _ = writeln!(out, "{summary}");
}

/// How many messages each locale shows from each other locale.
fn fallbacks_per_locale(report: &BuildReport) -> BTreeMap<&str, BTreeMap<&str, usize>> {
    let mut per_locale: BTreeMap<&str, BTreeMap<&str, usize>> = BTreeMap::new();
    for f in &report.fallbacks {
        *per_locale
            .entry(f.requested.as_str())
            .or_default()
            .entry(f.supplied_by.as_str())
            .or_default() += 1;
    }
    per_locale
}
