//! The commands: each loads the project, runs its stage and prints what
//! it found. Diagnostics and progress go to stderr, results to stdout.

use std::collections::BTreeMap;
use std::io::{IsTerminal as _, Write};
use std::path::Path;
use std::time::Instant;

use crate::build::{self, BuildError, BuildOptions, BuildReport};
use crate::check::{self, CheckOptions};
use crate::cli::{self, CheckArgs, CheckFormat, MessageFormat, StatusArgs, StatusFormat};
use crate::diag::{self, Files, Sink};
use crate::i18n::{coverage, lock};
use crate::output;
use crate::progress;
use crate::project::{self, LoadError, Project};
use crate::scaffold;
use crate::{EXIT_ERRORS, EXIT_OK, EXIT_USAGE};

/// Loads the project, or prints why not and gives the exit code.
pub fn load(global: &cli::GlobalArgs, err: &mut impl Write) -> Result<Project, u8> {
    match project::load(&global.project) {
        Ok(project) => Ok(project),
        Err(LoadError::NotFound(dir)) => {
            let _ = writeln!(
                err,
                "error: no `{}` found in `{}` or any folder above it",
                project::CONFIG_FILE,
                dir.display()
            );
            Err(EXIT_USAGE)
        }
        Err(LoadError::Io(e)) => {
            let _ = writeln!(err, "error: {e:#}");
            Err(EXIT_ERRORS)
        }
        Err(LoadError::Invalid { files, diagnostics }) => {
            let mut sink = Sink::default();
            sink.extend(diagnostics);
            print_diagnostics(&files, &sink, err);
            Err(EXIT_ERRORS)
        }
    }
}

fn unknown_locales(project: &Project, tags: &[String], err: &mut impl Write) -> Option<u8> {
    for tag in tags {
        if project.config.locale(tag).is_none() {
            let known: Vec<&str> = project.config.locales.keys().map(String::as_str).collect();
            let _ = writeln!(
                err,
                "error: unknown locale `{tag}`; configured locales: {}",
                known.join(", ")
            );
            return Some(EXIT_USAGE);
        }
    }
    None
}

/// `kyr build`.
pub fn build(
    global: &cli::GlobalArgs,
    options: &BuildOptions,
    edition: Option<&str>,
    format: MessageFormat,
    out: &mut impl Write,
    err: &mut impl Write,
) -> u8 {
    let started = Instant::now();
    let mut project = match load(global, err) {
        Ok(project) => project,
        Err(code) => return code,
    };
    if let Some(name) = edition
        && let Err(message) = project.select_edition(name)
    {
        let _ = writeln!(err, "error: {message}");
        return EXIT_USAGE;
    }
    let mode = if global.quiet || format == MessageFormat::Json {
        progress::Mode::Off
    } else if std::io::stderr().is_terminal() {
        progress::Mode::Bar
    } else {
        progress::Mode::Lines
    };
    let reporter = progress::Reporter::new(mode);
    let result = build::build_with(&project, options, &reporter);
    reporter.finish();
    let report = match built(result, err) {
        Ok(report) => report,
        Err(code) => return code,
    };
    match format {
        MessageFormat::Human => report_build(global, &project, &report, started, err),
        MessageFormat::Json => report_build_json(&project, &report, started, out),
    }
}

/// The report of a build that could run, or why it could not (printed)
/// and the exit code.
fn built(result: Result<BuildReport, BuildError>, err: &mut impl Write) -> Result<BuildReport, u8> {
    match result {
        Ok(report) => Ok(report),
        Err(BuildError::Usage(message)) => {
            let _ = writeln!(err, "error: {message}");
            Err(EXIT_USAGE)
        }
        Err(BuildError::Io(e)) => {
            let _ = writeln!(err, "error: {e:#}");
            Err(EXIT_ERRORS)
        }
    }
}

/// Builds without progress reports (`kyr watch`) and prints the outcome.
pub fn build_quietly(
    global: &cli::GlobalArgs,
    project: &Project,
    options: &BuildOptions,
    started: Instant,
    err: &mut impl Write,
) -> u8 {
    match built(build::build(project, options), err) {
        Ok(report) => report_build(global, project, &report, started, err),
        Err(code) => code,
    }
}

/// Prints a build's outcome for a person, on stderr.
fn report_build(
    global: &cli::GlobalArgs,
    project: &Project,
    report: &BuildReport,
    started: Instant,
    err: &mut impl Write,
) -> u8 {
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
        for failed in &report.failed {
            let _ = writeln!(err, "not written: {failed}");
        }
        if !report.removed.is_empty() {
            let _ = writeln!(
                err,
                "removed {} files of documents or locales that are gone",
                report.removed.len()
            );
        }
        let shown = report
            .out_dir
            .strip_prefix(&project.root)
            .unwrap_or(&report.out_dir);
        let fresh = report.files.iter().filter(|f| f.fresh).count();
        let _ = writeln!(
            err,
            "built {} files into `{}` in {:.2}s ({} up to date): {} errors, {} warnings",
            report.written.len(),
            diag::display_path(shown),
            started.elapsed().as_secs_f64(),
            fresh,
            report.diagnostics.error_count(),
            report.diagnostics.warning_count(),
        );
    }
    exit_code(report)
}

/// Prints a build's outcome as JSON lines on stdout: every diagnostic,
/// every output file, every removed file, then a summary.
fn report_build_json(
    project: &Project,
    report: &BuildReport,
    started: Instant,
    out: &mut impl Write,
) -> u8 {
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
        "seconds": (started.elapsed().as_secs_f64() * 1000.0).round() / 1000.0,
    });
    let _ = writeln!(out, "{summary}");
    exit_code(report)
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

fn exit_code(report: &BuildReport) -> u8 {
    if report.diagnostics.has_errors() || !report.failed.is_empty() {
        EXIT_ERRORS
    } else {
        EXIT_OK
    }
}

/// `kyr check`.
pub fn check(
    global: &cli::GlobalArgs,
    args: &CheckArgs,
    out: &mut impl Write,
    err: &mut impl Write,
) -> u8 {
    let project = match load(global, err) {
        Ok(project) => project,
        Err(code) => return code,
    };
    if let Some(code) = unknown_locales(&project, &args.locales, err) {
        return code;
    }
    let options = CheckOptions {
        locales: args.locales.clone(),
        strict: args.strict,
    };
    let sink = check::check(&project, &options);
    match args.format {
        CheckFormat::Human => {
            print_diagnostics(&project.files, &sink, err);
            if !global.quiet {
                let _ = writeln!(
                    err,
                    "checked {} documents in {} locales: {} errors, {} warnings",
                    project.skeletons.len(),
                    if args.locales.is_empty() {
                        project.config.locales.len()
                    } else {
                        args.locales.len()
                    },
                    sink.error_count(),
                    sink.warning_count()
                );
            }
        }
        CheckFormat::Json => {
            for d in sink.diagnostics() {
                let line =
                    diag::to_json(&project.files, d, |span| check::message_at(&project, span));
                let _ = writeln!(out, "{line}");
            }
        }
    }
    if sink.has_errors() {
        EXIT_ERRORS
    } else {
        EXIT_OK
    }
}

/// `kyr status`.
pub fn status(
    global: &cli::GlobalArgs,
    args: &StatusArgs,
    out: &mut impl Write,
    err: &mut impl Write,
) -> u8 {
    let project = match load(global, err) {
        Ok(project) => project,
        Err(code) => return code,
    };
    if let Some(code) = unknown_locales(&project, &args.locales, err) {
        return code;
    }
    if let Some(min) = args.min_coverage
        && !(0.0..=100.0).contains(&min)
    {
        let _ = writeln!(
            err,
            "error: --min-coverage must be between 0 and 100, not {min}"
        );
        return EXIT_USAGE;
    }
    let report = coverage::coverage(&project, &args.locales);
    let text = match args.format {
        StatusFormat::Table => coverage::render_table(&report),
        StatusFormat::Markdown => coverage::render_markdown(&report),
        StatusFormat::Json => {
            serde_json::to_string_pretty(&report).expect("coverage always serializes") + "\n"
        }
    };
    let _ = out.write_all(text.as_bytes());
    let mut code = EXIT_OK;
    for locale in &report {
        if locale.complete && locale.counts.translated < locale.counts.total {
            let _ = writeln!(
                err,
                "error: `{}` is marked complete but {} of its {} messages are not translated",
                locale.locale,
                locale.counts.total - locale.counts.translated,
                locale.counts.total
            );
            code = EXIT_ERRORS;
        }
        if let Some(min) = args.min_coverage
            && locale.percent < min
        {
            let _ = writeln!(
                err,
                "error: `{}` has {:.1}% of its messages translated, under the required {min}%",
                locale.locale, locale.percent
            );
            code = EXIT_ERRORS;
        }
    }
    code
}

/// `kyr confirm`.
pub fn confirm(global: &cli::GlobalArgs, args: &cli::ConfirmArgs, err: &mut impl Write) -> u8 {
    let project = match load(global, err) {
        Ok(project) => project,
        Err(code) => return code,
    };
    if let Some(code) = unknown_locales(&project, std::slice::from_ref(&args.locale), err) {
        return code;
    }
    let (text, confirmed) = match lock::confirm(&project, &args.locale, &args.messages) {
        Ok(done) => done,
        Err(message) => {
            let _ = writeln!(err, "error: {message}");
            return EXIT_USAGE;
        }
    };
    let relative = Path::new("locales")
        .join(&args.locale)
        .join(lock::LOCK_FILE);
    if let Err(e) = output::write_atomic(&project.root, &relative, text.as_bytes()) {
        let _ = writeln!(err, "error: {e:#}");
        return EXIT_ERRORS;
    }
    if !global.quiet {
        let _ = writeln!(
            err,
            "confirmed {} `{}` messages against `{}` in `{}`",
            confirmed.len(),
            args.locale,
            project.config.reference,
            diag::display_path(&relative)
        );
    }
    EXIT_OK
}

/// `kyr new-locale`.
pub fn new_locale(global: &cli::GlobalArgs, args: &cli::NewLocaleArgs, err: &mut impl Write) -> u8 {
    let project = match load(global, err) {
        Ok(project) => project,
        Err(code) => return code,
    };
    let plan = match scaffold::new_locale(
        &project,
        &args.locale,
        &args.fallback,
        args.endonym.as_deref(),
    ) {
        Ok(plan) => plan,
        Err(message) => {
            let _ = writeln!(err, "error: {message}");
            return EXIT_USAGE;
        }
    };
    for (relative, text) in &plan.files {
        if let Err(e) = output::write_atomic(&project.root, relative, text.as_bytes()) {
            let _ = writeln!(err, "error: {e:#}");
            return EXIT_ERRORS;
        }
    }
    if let Err(e) = output::write_atomic(
        &project.root,
        Path::new(project::CONFIG_FILE),
        plan.config.as_bytes(),
    ) {
        let _ = writeln!(err, "error: {e:#}");
        return EXIT_ERRORS;
    }
    if !global.quiet {
        let _ = writeln!(
            err,
            "created `locales/{}/` with {} files and {} messages to translate, and added `[locales.{}]` to kyr.toml",
            args.locale,
            plan.files.len() - 1,
            plan.messages,
            args.locale
        );
        if args.endonym.is_none() {
            let _ = writeln!(
                err,
                "note: set `endonym` under `[locales.{}]` to the language's name in itself; it is shown in every language menu",
                args.locale
            );
        }
        let _ = writeln!(
            err,
            "note: preview it with `kyr build --locale {}` or `kyr watch --locale {}`",
            args.locale, args.locale
        );
    }
    EXIT_OK
}

/// `kyr extract`.
pub fn extract(global: &cli::GlobalArgs, args: &cli::ExtractArgs, err: &mut impl Write) -> u8 {
    let project = match load(global, err) {
        Ok(project) => project,
        Err(code) => return code,
    };
    let content = project.root.join("content");
    let path = if args.document.is_absolute() {
        args.document.clone()
    } else {
        std::env::current_dir()
            .unwrap_or_default()
            .join(&args.document)
    };
    let real = match path.canonicalize() {
        Ok(real) => real,
        Err(e) => {
            let _ = writeln!(err, "error: cannot read `{}`: {e}", args.document.display());
            return EXIT_USAGE;
        }
    };
    let inside = content
        .canonicalize()
        .is_ok_and(|dir| real.parent() == Some(dir.as_path()));
    let name = real
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    if !inside || real.extension().and_then(|e| e.to_str()) != Some("md") {
        let _ = writeln!(
            err,
            "error: `{}` is not a Markdown file in the project's `content/` folder",
            args.document.display()
        );
        return EXIT_USAGE;
    }
    let text = match std::fs::read_to_string(&real) {
        Ok(text) => text,
        Err(e) => {
            let _ = writeln!(err, "error: cannot read `{}`: {e}", args.document.display());
            return EXIT_ERRORS;
        }
    };
    let reference = project.config.reference.clone();
    let ftl = Path::new("locales")
        .join(&reference)
        .join(format!("{name}.ftl"));
    let existing = std::fs::read_to_string(project.root.join(&ftl)).ok();
    let today = today();
    let out = crate::extract::extract(
        &name,
        &text,
        existing.as_deref(),
        project.catalog.get(&reference),
        &today,
    );
    let skeleton_path = Path::new("content").join(format!("{name}.md"));
    if out.skeleton != text
        && let Err(e) = output::write_atomic(&project.root, &skeleton_path, out.skeleton.as_bytes())
    {
        let _ = writeln!(err, "error: {e:#}");
        return EXIT_ERRORS;
    }
    if existing.as_deref() != Some(out.messages.as_str())
        && let Err(e) = output::write_atomic(&project.root, &ftl, out.messages.as_bytes())
    {
        let _ = writeln!(err, "error: {e:#}");
        return EXIT_ERRORS;
    }
    if !global.quiet {
        let _ = writeln!(
            err,
            "extracted {} messages from `{}` into `{}`",
            out.added.len(),
            diag::display_path(&skeleton_path),
            diag::display_path(&ftl)
        );
    }
    EXIT_OK
}

/// Today's date, from `SOURCE_DATE_EPOCH` when set.
fn today() -> String {
    let seconds = crate::pdf::source_date_epoch()
        .ok()
        .flatten()
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs() as i64)
        });
    let date = time::OffsetDateTime::from_unix_timestamp(seconds)
        .unwrap_or(time::OffsetDateTime::UNIX_EPOCH)
        .date();
    format!(
        "{:04}-{:02}-{:02}",
        date.year(),
        date.month() as u8,
        date.day()
    )
}

/// `kyr bundle`.
pub fn bundle(global: &cli::GlobalArgs, args: &cli::BundleArgs, err: &mut impl Write) -> u8 {
    let mut project = match load(global, err) {
        Ok(project) => project,
        Err(code) => return code,
    };
    if let Some(name) = &args.edition
        && let Err(message) = project.select_edition(name)
    {
        let _ = writeln!(err, "error: {message}");
        return EXIT_USAGE;
    }
    let epoch = match crate::pdf::source_date_epoch() {
        Ok(epoch) => epoch.unwrap_or(crate::pdf::FIXED_EPOCH),
        Err(crate::pdf::BadEpoch(message)) => {
            let _ = writeln!(err, "error: {message}");
            return EXIT_USAGE;
        }
    };
    let mut site = args
        .site
        .clone()
        .unwrap_or_else(|| project.root.join("out"));
    if let Some(name) = &project.edition {
        site = site.join(name);
    }
    let sites = if args.merge.is_empty() {
        vec![site.clone()]
    } else {
        args.merge.clone()
    };
    let bundle = match crate::bundle::bundle(&project, &sites, epoch) {
        Ok(bundle) => bundle,
        Err(message) => {
            let _ = writeln!(err, "error: {message}");
            return EXIT_ERRORS;
        }
    };
    let target = args
        .out
        .clone()
        .unwrap_or_else(|| site.join("kyr-bundle.zip"));
    let (dir, name) = match (target.parent(), target.file_name()) {
        (Some(dir), Some(name)) => (
            if dir.as_os_str().is_empty() {
                Path::new(".")
            } else {
                dir
            },
            Path::new(name),
        ),
        _ => {
            let _ = writeln!(err, "error: `{}` is not a file name", target.display());
            return EXIT_USAGE;
        }
    };
    if let Err(e) = output::write_atomic(dir, name, &bundle.zip) {
        let _ = writeln!(err, "error: {e:#}");
        return EXIT_ERRORS;
    }
    if !global.quiet {
        let _ = writeln!(
            err,
            "bundled {} files ({} bytes) into `{}`",
            bundle.artifacts.len(),
            bundle.zip.len(),
            target.display()
        );
    }
    EXIT_OK
}

/// `kyr watch`.
pub fn watch(global: &cli::GlobalArgs, args: &cli::WatchArgs, err: &mut impl Write) -> u8 {
    crate::watch::watch(global, args, err)
}

/// Prints diagnostics to `err`.
pub fn print_diagnostics(files: &Files, sink: &Sink, err: &mut impl Write) {
    for d in sink.diagnostics() {
        let _ = write!(err, "{}", diag::render(files, d));
    }
}
