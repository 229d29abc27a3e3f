//! What the commands print: diagnostics as a person reads them, a build's
//! or a check's outcome for a person (stderr) or as JSON lines (stdout),
//! the coverage, a line for each other command's report, and the one
//! command error. Results go to stdout; diagnostics and reports to stderr.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

use crate::base::diag::{self, Files, Sink, counted};
use crate::base::error::Error;
use crate::build::BuildReport;
use crate::cli::args::{GlobalArgs, StatusFormat};
use crate::commands::bundle::Bundled;
use crate::commands::check::{self, CheckReport};
use crate::commands::confirm::Confirmed;
use crate::commands::extract::ExtractReport;
use crate::commands::init::InitReport;
use crate::commands::new_locale::NewLocaleReport;
use crate::commands::sync::LocaleAdditions;
use crate::i18n::coverage::{self, LocaleCoverage};
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

/// Prints a build's outcome for a person, on stderr: its problems, with
/// `-v` every file and fallback, then unless `-q` its notes and summary.
pub(super) fn report_build(
    global: &GlobalArgs,
    project: &Project,
    report: &BuildReport,
    started: Instant,
    err: &mut impl Write,
) {
    print_diagnostics(&project.files, &report.diagnostics, err);
    if global.verbose {
        list_build(project, report, err);
    }
    if !global.quiet {
        summarize_build(project, report, started, err);
    }
}

/// Every file a build wrote or removed, and every message it showed from
/// another locale.
fn list_build(project: &Project, report: &BuildReport, err: &mut impl Write) {
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

/// A build's notes (fallbacks and missing glyphs per locale, what was not
/// written or was removed), then its one-line summary.
fn summarize_build(
    project: &Project,
    report: &BuildReport,
    started: Instant,
    err: &mut impl Write,
) {
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

/// The note for the old name of `--message-format`.
pub(super) fn deprecated_format(err: &mut impl Write, command: &str) {
    let _ = writeln!(
        err,
        "warning: `kyr {command} --format` is deprecated; use `--message-format` (it takes the same values)"
    );
}

/// `kyr check`'s problems, then what was checked, for a person.
pub(super) fn checked(quiet: bool, project: &Project, report: &CheckReport, err: &mut impl Write) {
    let sink = &report.diagnostics;
    print_diagnostics(&project.files, sink, err);
    if !quiet {
        let _ = writeln!(
            err,
            "checked {} in {}: {}, {}",
            counted(report.documents, "document", "documents"),
            counted(report.locales, "locale", "locales"),
            counted(sink.error_count(), "error", "errors"),
            counted(sink.warning_count(), "warning", "warnings")
        );
    }
}

/// `kyr check`'s problems as JSON lines.
pub(super) fn checked_json(project: &Project, report: &CheckReport, out: &mut impl Write) {
    for d in report.diagnostics.diagnostics() {
        let line = diag::to_json(&project.files, d, |span| check::message_at(project, span));
        let _ = writeln!(out, "{line}");
    }
}

/// `kyr status`'s coverage, in `format`.
pub(super) fn coverage(report: &[LocaleCoverage], format: StatusFormat, out: &mut impl Write) {
    let text = match format {
        StatusFormat::Human => coverage::render_table(report),
        StatusFormat::Markdown => coverage::render_markdown(report),
        StatusFormat::Json => {
            serde_json::to_string_pretty(&report).expect("coverage always serializes") + "\n"
        }
    };
    let _ = out.write_all(text.as_bytes());
}

/// What `kyr confirm` confirmed.
pub(super) fn confirmed(quiet: bool, report: &Confirmed, err: &mut impl Write) {
    if quiet {
        return;
    }
    let what = if report.audio {
        format!(
            "confirmed {} of `{}` against the text they read",
            counted(report.ids.len(), "recording", "recordings"),
            report.locale
        )
    } else {
        format!(
            "confirmed {} of `{}` against `{}`",
            counted(report.ids.len(), "message", "messages"),
            report.locale,
            report.reference
        )
    };
    let _ = writeln!(err, "{what} in `{}`", diag::display_path(&report.lock));
}

/// What `kyr init` started.
pub(super) fn initialized(quiet: bool, report: &InitReport, err: &mut impl Write) {
    if !quiet {
        let _ = writeln!(
            err,
            "started a kyr project in `{}` ({}): edit `kyr.toml` (replace the example hotline and organization), then run `kyr build`",
            report.dir.display(),
            counted(report.files + report.translated.len(), "file", "files"),
        );
        for what in &report.in_english {
            let _ = writeln!(
                err,
                "note: kyr has no text in this project's language for {what} yet: it is in English, for you to translate"
            );
        }
    }
}

/// The files `kyr new` added.
pub(super) fn added_document(quiet: bool, files: &[PathBuf], err: &mut impl Write) {
    if !quiet {
        let shown: Vec<String> = files
            .iter()
            .map(|path| format!("`{}`", diag::display_path(path)))
            .collect();
        let _ = writeln!(
            err,
            "added {}: write the text in the messages, and set `last_reviewed` once a person has checked it",
            shown.join(" and ")
        );
    }
}

/// What `kyr sync` added to each locale.
pub(super) fn synced(quiet: bool, report: &[LocaleAdditions], err: &mut impl Write) {
    if quiet {
        return;
    }
    for added in report {
        let _ = writeln!(
            err,
            "`{}`: {} to translate added, as comments, to {}",
            added.locale,
            counted(added.messages, "message", "messages"),
            counted(added.files, "file", "files")
        );
    }
}

/// What `kyr new-locale` made, and what to do next.
pub(super) fn new_locale(quiet: bool, report: &NewLocaleReport, err: &mut impl Write) {
    if quiet {
        return;
    }
    let tag = &report.locale;
    let _ = writeln!(
        err,
        "created `locales/{tag}/` with {} and {} to translate, and added `[locales.{tag}]` to kyr.toml",
        counted(report.files, "file", "files"),
        counted(report.messages, "message", "messages"),
    );
    if !report.endonym_given {
        let _ = writeln!(
            err,
            "note: set `endonym` under `[locales.{tag}]` to the language's name in itself; it is shown in every language menu"
        );
    }
    let _ = writeln!(
        err,
        "note: preview it with `kyr build --locale {tag}` or `kyr watch --locale {tag}`"
    );
}

/// What `kyr extract` made.
pub(super) fn extracted(quiet: bool, report: &ExtractReport, err: &mut impl Write) {
    if !quiet {
        let _ = writeln!(
            err,
            "extracted {} from `{}` into `{}`",
            counted(report.messages, "message", "messages"),
            diag::display_path(&report.skeleton),
            diag::display_path(&report.ftl)
        );
    }
}

/// The bundle `kyr bundle` wrote.
pub(super) fn bundled(quiet: bool, report: &Bundled, err: &mut impl Write) {
    if !quiet {
        let _ = writeln!(
            err,
            "bundled {} ({}) into `{}`",
            counted(report.files, "file", "files"),
            counted(report.bytes, "byte", "bytes"),
            report.target.display()
        );
    }
}
