//! The commands: each loads the project, runs its stage and prints what
//! it found. Results go to stdout, diagnostics and progress to stderr
//! ([`super::print`]). Each returns the one command [`Error`], printed
//! once by [`super::run`].

use std::io::{IsTerminal as _, Write};
use std::path::Path;
use std::time::Instant;

use crate::base::diag::{self, counted};
use crate::base::epoch::{self, BadEpoch, FIXED_EPOCH};
use crate::base::error::Error;
use crate::base::output;
use crate::build::{self, BuildOptions};
use crate::check::{self, CheckOptions};
use crate::cli::args::{
    self, BuildArgs, CheckArgs, GlobalArgs, MessageFormat, StatusArgs, StatusFormat,
};
use crate::cli::print::{print_diagnostics, report_build, report_build_json};
use crate::cli::progress;
use crate::i18n::{coverage, lock, recordings, stale};
use crate::project::{self, Project};
use crate::scaffold;

/// Loads the project.
pub(super) fn load(global: &GlobalArgs) -> Result<Project, Error> {
    project::load(&global.project)
}

/// The build time from `SOURCE_DATE_EPOCH`; a bad value is a usage error.
fn source_date_epoch() -> Result<Option<i64>, Error> {
    epoch::source_date_epoch().map_err(|BadEpoch(message)| Error::Usage(message))
}

/// `kyr build`.
pub(super) fn build(
    global: &GlobalArgs,
    args: BuildArgs,
    out: &mut impl Write,
    err: &mut impl Write,
) -> Result<(), Error> {
    let started = Instant::now();
    let options = BuildOptions {
        epoch: source_date_epoch()?,
        locales: args.locales,
        documents: args.documents,
        formats: args.format,
        out_dir: args.out,
        strict: args.strict,
        jobs: args.jobs.map(usize::from),
        force: args.force,
        shard: args.shard,
        no_wait: args.no_wait,
    };
    let format = args.message_format;
    let mut project = load(global)?;
    if let Some(name) = &args.edition {
        project.select_edition(name)?;
    }
    let mode = if global.quiet || format == MessageFormat::Json {
        progress::Mode::Off
    } else if std::io::stderr().is_terminal() {
        progress::Mode::Bar
    } else {
        progress::Mode::Lines
    };
    let reporter = progress::Reporter::new(mode);
    let result = build::build_with(&project, &options, &reporter);
    reporter.finish();
    let report = result?;
    match format {
        MessageFormat::Human => report_build(global, &project, &report, started, err),
        MessageFormat::Json => report_build_json(&project, &report, started, out),
    }
    if report.has_errors() {
        return Err(Error::Reported);
    }
    Ok(())
}

/// `kyr check`.
pub(super) fn check(
    global: &GlobalArgs,
    args: &CheckArgs,
    out: &mut impl Write,
    err: &mut impl Write,
) -> Result<(), Error> {
    let project = load(global)?;
    project.config.known_locales(&args.locales)?;
    let options = CheckOptions {
        locales: args.locales.clone(),
        strict: args.strict,
    };
    let sink = check::check(&project, &options);
    let format = match args.format {
        Some(format) => {
            deprecated_format(err, "check");
            format
        }
        None => args.message_format,
    };
    match format {
        MessageFormat::Human => {
            print_diagnostics(&project.files, &sink, err);
            if !global.quiet {
                let _ = writeln!(
                    err,
                    "checked {} in {}: {}, {}",
                    counted(project.skeletons.len(), "document", "documents"),
                    counted(
                        if args.locales.is_empty() {
                            project.config.locales.len()
                        } else {
                            args.locales.len()
                        },
                        "locale",
                        "locales"
                    ),
                    counted(sink.error_count(), "error", "errors"),
                    counted(sink.warning_count(), "warning", "warnings")
                );
            }
        }
        MessageFormat::Json => {
            for d in sink.diagnostics() {
                let line =
                    diag::to_json(&project.files, d, |span| check::message_at(&project, span));
                let _ = writeln!(out, "{line}");
            }
        }
    }
    if sink.has_errors() {
        return Err(Error::Reported);
    }
    Ok(())
}

/// The note for the old name of `--message-format`.
fn deprecated_format(err: &mut impl Write, command: &str) {
    let _ = writeln!(
        err,
        "warning: `kyr {command} --format` is deprecated; use `--message-format` (it takes the same values)"
    );
}

/// `kyr status`.
pub(super) fn status(
    global: &GlobalArgs,
    args: &StatusArgs,
    out: &mut impl Write,
    err: &mut impl Write,
) -> Result<(), Error> {
    let project = load(global)?;
    project.config.known_locales(&args.locales)?;
    if let Some(min) = args.min_coverage
        && !(0.0..=100.0).contains(&min)
    {
        return Err(Error::Usage(format!(
            "--min-coverage must be between 0 and 100, not {min}"
        )));
    }
    let report = coverage::coverage(&project.messages(), &args.locales);
    let format = match args.format {
        Some(format) => {
            deprecated_format(err, "status");
            format
        }
        None => args.message_format,
    };
    let text = match format {
        StatusFormat::Human => coverage::render_table(&report),
        StatusFormat::Markdown => coverage::render_markdown(&report),
        StatusFormat::Json => {
            serde_json::to_string_pretty(&report).expect("coverage always serializes") + "\n"
        }
    };
    let _ = out.write_all(text.as_bytes());
    let mut failed = false;
    for locale in &report {
        if locale.complete && locale.counts.translated < locale.counts.total {
            let _ = writeln!(
                err,
                "error: `{}` is marked complete but {} of its {} are not translated",
                locale.locale,
                locale.counts.total - locale.counts.translated,
                counted(locale.counts.total, "message", "messages")
            );
            failed = true;
        }
        if let Some(min) = args.min_coverage
            && locale.percent < min
        {
            let _ = writeln!(
                err,
                "error: `{}` has {:.1}% of its messages translated, under the required {min}%",
                locale.locale, locale.percent
            );
            failed = true;
        }
    }
    if failed {
        return Err(Error::Reported);
    }
    Ok(())
}

/// `kyr confirm`.
pub(super) fn confirm(
    global: &GlobalArgs,
    args: &args::ConfirmArgs,
    err: &mut impl Write,
) -> Result<(), Error> {
    let project = load(global)?;
    project
        .config
        .known_locales(std::slice::from_ref(&args.locale))?;
    let messages = project.messages();
    let (text, confirmed) = if args.audio {
        recordings::confirm(&messages, &args.locale, &args.messages)
    } else {
        stale::confirm(&messages, &args.locale, &args.messages)
    }
    .map_err(Error::Usage)?;
    let relative = Path::new("locales")
        .join(&args.locale)
        .join(lock::LOCK_FILE);
    output::write_atomic(&project.root, &relative, text.as_bytes())?;
    if !global.quiet {
        let _ = writeln!(
            err,
            "{} in `{}`",
            if args.audio {
                format!(
                    "confirmed {} of `{}` against the text they read",
                    diag::counted(confirmed.len(), "recording", "recordings"),
                    args.locale
                )
            } else {
                format!(
                    "confirmed {} of `{}` against `{}`",
                    diag::counted(confirmed.len(), "message", "messages"),
                    args.locale,
                    project.config.reference
                )
            },
            diag::display_path(&relative)
        );
    }
    Ok(())
}

/// `kyr init`: the files of a new project, then kyr's own translations of
/// the interface confirmed against the reference.
pub(super) fn init(
    global: &GlobalArgs,
    args: &args::InitArgs,
    err: &mut impl Write,
) -> Result<(), Error> {
    let dir = if args.dir.is_absolute() {
        args.dir.clone()
    } else {
        global.project.join(&args.dir)
    };
    if dir.join(project::CONFIG_FILE).exists() {
        return Err(Error::Usage(format!(
            "`{}` already holds a `{}`: it is a kyr project",
            dir.display(),
            project::CONFIG_FILE
        )));
    }
    let options = scaffold::InitOptions {
        reference: args.reference.clone(),
        locales: args.locales.clone(),
        paper: args.paper.clone(),
    };
    let scaffold::NewProject { files, translated } =
        scaffold::init(&options).map_err(Error::Usage)?;
    for (relative, _) in &files {
        if dir.join(relative).exists() {
            return Err(Error::Usage(format!(
                "`{}` already exists in `{}`; kyr init writes only into a new or empty project",
                diag::display_path(relative),
                dir.display()
            )));
        }
    }
    std::fs::create_dir_all(&dir)
        .map_err(|e| Error::Failed(anyhow::anyhow!("cannot create `{}`: {e}", dir.display())))?;
    for (relative, text) in &files {
        output::write_atomic(&dir, relative, text.as_bytes())?;
    }
    let project = project::load(&dir)?;
    for tag in &translated {
        let (text, _) = stale::confirm(&project.messages(), tag, &[]).map_err(Error::Usage)?;
        let relative = Path::new("locales").join(tag).join(lock::LOCK_FILE);
        output::write_atomic(&project.root, &relative, text.as_bytes())?;
    }
    if !global.quiet {
        let _ = writeln!(
            err,
            "started a kyr project in `{}` ({}): edit `kyr.toml` (replace the example hotline and organization), then run `kyr build`",
            dir.display(),
            counted(files.len() + translated.len(), "file", "files"),
        );
    }
    Ok(())
}

/// `kyr new`.
pub(super) fn new_document(
    global: &GlobalArgs,
    args: &args::NewArgs,
    err: &mut impl Write,
) -> Result<(), Error> {
    let project = load(global)?;
    let files = scaffold::new_document(&project, &args.name).map_err(Error::Usage)?;
    for (relative, text) in &files {
        output::write_atomic(&project.root, relative, text.as_bytes())?;
    }
    if !global.quiet {
        let shown: Vec<String> = files
            .iter()
            .map(|(path, _)| format!("`{}`", diag::display_path(path)))
            .collect();
        let _ = writeln!(
            err,
            "added {}: write the text in the messages, and set `last_reviewed` once a person has checked it",
            shown.join(" and ")
        );
    }
    Ok(())
}

/// `kyr sync`.
pub(super) fn sync(
    global: &GlobalArgs,
    args: &args::SyncArgs,
    err: &mut impl Write,
) -> Result<(), Error> {
    let project = load(global)?;
    project.config.known_locales(&args.locales)?;
    let tags: Vec<String> = if args.locales.is_empty() {
        project
            .config
            .locales
            .keys()
            .filter(|tag| **tag != project.config.reference)
            .cloned()
            .collect()
    } else {
        args.locales.clone()
    };
    for tag in &tags {
        let plan = scaffold::sync(&project, tag).map_err(Error::Usage)?;
        for (relative, text) in &plan.files {
            output::write_atomic(&project.root, relative, text.as_bytes())?;
        }
        if !global.quiet {
            let _ = writeln!(
                err,
                "`{tag}`: {} to translate added, as comments, to {}",
                counted(plan.messages, "message", "messages"),
                counted(plan.files.len(), "file", "files")
            );
        }
    }
    Ok(())
}

/// `kyr new-locale`.
pub(super) fn new_locale(
    global: &GlobalArgs,
    args: &args::NewLocaleArgs,
    err: &mut impl Write,
) -> Result<(), Error> {
    let project = load(global)?;
    let plan = scaffold::new_locale(
        &project,
        &args.locale,
        &args.fallback,
        args.endonym.as_deref(),
    )
    .map_err(Error::Usage)?;
    for (relative, text) in &plan.files {
        output::write_atomic(&project.root, relative, text.as_bytes())?;
    }
    output::write_atomic(
        &project.root,
        Path::new(project::CONFIG_FILE),
        plan.config.as_bytes(),
    )?;
    if !global.quiet {
        let _ = writeln!(
            err,
            "created `locales/{}/` with {} and {} to translate, and added `[locales.{}]` to kyr.toml",
            args.locale,
            counted(plan.files.len() - 1, "file", "files"),
            counted(plan.messages, "message", "messages"),
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
    Ok(())
}

/// `kyr extract`.
pub(super) fn extract(
    global: &GlobalArgs,
    args: &args::ExtractArgs,
    err: &mut impl Write,
) -> Result<(), Error> {
    let project = load(global)?;
    let content = project.root.join("content");
    let path = if args.document.is_absolute() {
        args.document.clone()
    } else {
        std::env::current_dir()
            .unwrap_or_default()
            .join(&args.document)
    };
    let real = path
        .canonicalize()
        .map_err(|e| Error::Usage(format!("cannot read `{}`: {e}", args.document.display())))?;
    let inside = content
        .canonicalize()
        .is_ok_and(|dir| real.parent() == Some(dir.as_path()));
    let name = real
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    if !inside || real.extension().and_then(|e| e.to_str()) != Some("md") {
        return Err(Error::Usage(format!(
            "`{}` is not a Markdown file in the project's `content/` folder",
            args.document.display()
        )));
    }
    if !project::is_document_name(&name) {
        let suggested = project::suggested_document_name(&name);
        return Err(Error::Usage(format!(
            "`{name}` cannot be a document name: it becomes every output's file name and address, so it must use lowercase letters, digits, `-` and `_` (and not be `index` or a name Windows reserves); rename the file, for example to `content/{suggested}.md`"
        )));
    }

    let text = std::fs::read_to_string(&real).map_err(|e| {
        Error::Failed(anyhow::anyhow!(
            "cannot read `{}`: {e}",
            args.document.display()
        ))
    })?;
    let reference = project.config.reference.clone();
    let ftl = Path::new("locales")
        .join(&reference)
        .join(format!("{name}.ftl"));
    let existing = std::fs::read_to_string(project.root.join(&ftl)).ok();
    let vars: Vec<(String, String)> = project
        .config
        .locale(&reference)
        .map(|locale| {
            locale
                .vars
                .iter()
                .map(|(name, var)| (name.clone(), var.text.clone()))
                .collect()
        })
        .unwrap_or_default();
    let out = crate::extract::extract(
        &name,
        &text,
        existing.as_deref(),
        project.catalog.get(&reference),
        &vars,
    );
    let skeleton_path = Path::new("content").join(format!("{name}.md"));
    if out.skeleton != text {
        if !args.in_place {
            // The original is kept beside the skeleton (a `.orig` file is
            // not a document), never over an earlier one.
            let kept = Path::new("content").join(format!("{name}.md.orig"));
            if project.root.join(&kept).exists() {
                return Err(Error::Usage(format!(
                    "`{}` already exists; move it away, or pass --in-place to replace the document without keeping its original",
                    diag::display_path(&kept)
                )));
            }
            output::write_atomic(&project.root, &kept, text.as_bytes())?;
        }
        output::write_atomic(&project.root, &skeleton_path, out.skeleton.as_bytes())?;
    }
    if existing.as_deref() != Some(out.messages.as_str()) {
        output::write_atomic(&project.root, &ftl, out.messages.as_bytes())?;
    }
    if !global.quiet {
        let _ = writeln!(
            err,
            "extracted {} from `{}` into `{}`",
            counted(out.added.len(), "message", "messages"),
            diag::display_path(&skeleton_path),
            diag::display_path(&ftl)
        );
    }
    Ok(())
}

/// `kyr bundle`.
pub(super) fn bundle(
    global: &GlobalArgs,
    args: &args::BundleArgs,
    err: &mut impl Write,
) -> Result<(), Error> {
    let mut project = load(global)?;
    if let Some(name) = &args.edition {
        project.select_edition(name)?;
    }
    let epoch = source_date_epoch()?.unwrap_or(FIXED_EPOCH);
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
    let bundle = crate::bundle::bundle(&project, &sites, epoch, !args.merge.is_empty())?;
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
            return Err(Error::Usage(format!(
                "`{}` is not a file name",
                target.display()
            )));
        }
    };
    output::write_atomic(dir, name, &bundle.zip)?;
    if !global.quiet {
        let _ = writeln!(
            err,
            "bundled {} ({}) into `{}`",
            counted(bundle.artifacts.len(), "file", "files"),
            counted(bundle.zip.len(), "byte", "bytes"),
            target.display()
        );
    }
    Ok(())
}
