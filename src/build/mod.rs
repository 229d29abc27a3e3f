//! BUILD: the driver. [`build_with`] reads as the pipeline: select the
//! jobs (document × locale) -> clean what is gone -> make the back ends
//! -> run the jobs on the build's threads ([`job`]: resolve -> if fresh,
//! tell again what it reported, else render each format -> write ->
//! record), each locale's fonts made beside them as its last job ends ->
//! the index pages -> the other folders' fonts, and the recordings, from
//! the facts the jobs recorded -> the report. An output with errors of
//! its own (its skeleton's, a message no locale of its chain can show) is
//! not written, and what an earlier build left is removed; a message with
//! an error falls back instead. Other outputs go on.

mod audio;
mod back_ends;
mod fonts;
pub(crate) mod incremental;
mod index;
mod job;
mod options;
mod pool;
mod report;

pub use crate::i18n::resolve::Fallback;
pub use crate::render::{GlyphPlace, MissingGlyphs};
pub(crate) use back_ends::planned_outputs;
pub(crate) use index::index_pages;
pub use options::{BuildOptions, Format, Shard};
pub use report::{BuildReport, BuiltFile, GlyphSummary, JobDone, Progress, Silent};

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::base::diag::Diagnostic;
use crate::base::epoch::FIXED_EPOCH;
use crate::base::error::Error;
use crate::base::output;
use crate::config::Locale;
use crate::doc::Skeleton;
use crate::i18n::{lint, recordings, stale};
use crate::pdf::engine::Engine;
use crate::project::Project;
use back_ends::BackEnds;
use fonts::FontMaker;
use incremental::SharedKeys;
use job::Context;

/// Builds the project.
pub fn build(project: &Project, options: &BuildOptions) -> Result<BuildReport, Error> {
    build_with(project, options, &Silent)
}

/// Builds the project, telling `progress` as jobs finish.
pub fn build_with(
    project: &Project,
    options: &BuildOptions,
    progress: &dyn Progress,
) -> Result<BuildReport, Error> {
    // `--locale` may name a locale by its endonym: tags from here on.
    let options = &BuildOptions {
        locales: project.config.known_locales(&options.locales)?,
        ..options.clone()
    };
    let jobs = select(project, options)?;
    let mut report = BuildReport::new(out_dir(project, options));
    // One build at a time in an output folder; held until the build ends.
    let _lock = lock(&report.out_dir, options, progress)?;
    report.add_diagnostics(project.diagnostics.iter().cloned(), options.strict);
    clean(project, &mut report)?;
    let wanted = options.formats_to_build();
    let engine = pdf_engine(project, options, &wanted, &mut report);
    report.add_diagnostics(stale_translations(project, options), options.strict);
    report.add_diagnostics(translation_problems(project, options), options.strict);
    let back_ends = BackEnds::new(project, options, &wanted, engine.as_ref());
    let formats = back_ends.list();
    let out_dir = report.out_dir.clone();
    let context = Context {
        project,
        options,
        formats: &formats,
        out_dir: &out_dir,
        keys: SharedKeys::new(
            project,
            options.epoch.unwrap_or(FIXED_EPOCH),
            wanted.contains(&Format::Pdf),
        ),
    };
    let mut fonts = FontMaker::new(&context)?;
    run_jobs(&context, &jobs, progress, fonts.as_mut(), &mut report)?;
    let index_pages = index::write(&context, &mut report)?;
    if let Some(fonts) = fonts {
        fonts.finish(index_pages, &mut report)?;
    }
    if wanted.contains(&Format::Html) {
        audio::copy(&context, &mut report)?;
    }
    record_shard(project, options, &out_dir)?;
    // Every temporary file is renamed into place or gone by now: the
    // record of their names goes too.
    output::remove_recorded_temporary_files(&out_dir);
    Ok(report)
}

/// Takes the output folder's build lock, waiting for another build to
/// finish unless `--no-wait`.
fn lock(
    out_dir: &Path,
    options: &BuildOptions,
    progress: &dyn Progress,
) -> Result<output::BuildLock, Error> {
    output::BuildLock::take(out_dir, !options.no_wait, || progress.waiting(out_dir))
        .map_err(Error::Failed)?
        .ok_or_else(|| {
            Error::Usage(format!(
                "another kyr build is writing `{}`; try again when it has finished, or leave out --no-wait to wait for it",
                out_dir.display()
            ))
        })
}

/// Typst, its fonts and templates, when the build makes PDFs; what
/// preparing it reported goes to the report.
fn pdf_engine(
    project: &Project,
    options: &BuildOptions,
    wanted: &[Format],
    report: &mut BuildReport,
) -> Option<Engine> {
    wanted.contains(&Format::Pdf).then(|| {
        let mut diagnostics = Vec::new();
        let engine = project.pdf_engine(options.epoch, &mut diagnostics);
        report.add_diagnostics(diagnostics, options.strict);
        engine
    })
}

/// Runs the jobs on the build's threads, telling `progress` as each
/// finishes, and adds what they did to the report; meanwhile this thread
/// gives each locale's folder its fonts once its last job is done. Then
/// warns about the example values the pages print.
fn run_jobs(
    context: &Context,
    jobs: &[(&Locale, &Skeleton)],
    progress: &dyn Progress,
    fonts: Option<&mut FontMaker>,
    report: &mut BuildReport,
) -> Result<(), Error> {
    progress.start(jobs.len());
    let countdown = fonts.as_deref().and_then(|f| f.countdown(jobs, report));
    let mut font_error = None;
    let outputs = pool::run_jobs(
        jobs,
        context.options.threads(),
        |(locale, skeleton), told| {
            let output = job::run(context, locale, skeleton);
            progress.done(output.done(locale, skeleton));
            if let Some(folder) = countdown.as_ref().and_then(|c| c.done(locale, &output)) {
                // Unheard only when no fonts are made.
                let _ = told.send(folder);
            }
            output
        },
        |told| {
            let Some(fonts) = fonts else { return };
            for (folder, touched) in told {
                if font_error.is_none() {
                    font_error = fonts.folder(&folder, touched, &[]).err();
                }
            }
        },
    );
    let mut printed = BTreeMap::new();
    for output in outputs {
        for var in &output.printed {
            *printed.entry(var.clone()).or_insert(0) += 1;
        }
        report.add_job(output)?;
    }
    if let Some(error) = font_error {
        return Err(error);
    }
    let project = context.project;
    let config_text = project.files.text(project.config_file);
    let examples = lint::example_values(&project.messages(), config_text, &printed);
    report.add_diagnostics(examples, context.options.strict);
    Ok(())
}

/// A `--shard` build records which share it is, its build time and its
/// inputs (`.kyr/shard.json`); any other build removes such a record.
fn record_shard(project: &Project, options: &BuildOptions, out_dir: &Path) -> Result<(), Error> {
    let relative = Path::new(incremental::SHARD_RECORD);
    match options.shard {
        Some(shard) => {
            let record = incremental::ShardRecord::new(
                project,
                shard.to_string(),
                options.epoch.unwrap_or(FIXED_EPOCH),
            );
            let json = serde_json::to_vec_pretty(&record).expect("a shard record serializes");
            output::write_output(out_dir, relative, &json)?;
        }
        None => {
            output::remove_stale(out_dir, relative)?;
        }
    }
    Ok(())
}

/// The documents × locales to build, in a fixed order (locales, then
/// documents), within the shard; an unknown locale or document asked for
/// is a usage error.
fn select<'p>(
    project: &'p Project,
    options: &BuildOptions,
) -> Result<Vec<(&'p Locale, &'p Skeleton)>, Error> {
    let config = &project.config;
    for name in &options.documents {
        if !project.skeletons.iter().any(|s| &s.name == name) {
            let known: Vec<&str> = project.skeletons.iter().map(|s| s.name.as_str()).collect();
            return Err(Error::Usage(format!(
                "unknown document `{name}`; documents: {}",
                known.join(", ")
            )));
        }
    }
    let locales = config.locales.values().filter(|l| options.selects(l));
    let skeletons: Vec<&Skeleton> = project
        .skeletons
        .iter()
        .filter(|s| options.documents.is_empty() || options.documents.contains(&s.name))
        .collect();
    Ok(locales
        .flat_map(|l| skeletons.iter().map(move |s| (l, *s)))
        .enumerate()
        .filter(|(position, _)| options.shard.is_none_or(|shard| shard.takes(*position)))
        .map(|(_, job)| job)
        .collect())
}

/// The output folder; an edition is built beside the default one, never
/// over it.
fn out_dir(project: &Project, options: &BuildOptions) -> PathBuf {
    let out_dir = options
        .out_dir
        .clone()
        .unwrap_or_else(|| project.root.join("out"));
    match &project.edition {
        Some(edition) => out_dir.join(edition),
        None => out_dir,
    }
}

/// Removes what an interrupted build left behind, and the outputs of
/// documents and locales that are gone, and of documents that could not
/// be read this time (whose outputs failed).
fn clean(project: &Project, report: &mut BuildReport) -> Result<(), Error> {
    let out_dir = report.out_dir.clone();
    let records = incremental::all(&out_dir);
    output::remove_recorded_temporary_files(&out_dir);
    // The index page of a language that is gone goes with its pages.
    let mut gone: Vec<&String> = records
        .keys()
        .map(|(tag, _)| tag)
        .filter(|tag| project.config.locale(tag).is_none())
        .collect();
    gone.dedup();
    for tag in gone {
        let relative = format!("{tag}/index.html");
        if output::is_relative_inside(Path::new(&relative))
            && output::remove_stale(&out_dir, Path::new(&relative))?
        {
            report.removed.push(relative);
        }
    }
    for ((tag, document), record) in records {
        let configured = project.config.locale(&tag).is_some();
        if configured && project.skeletons.iter().any(|s| s.name == document) {
            continue;
        }
        let removed = incremental::remove_job(&out_dir, &tag, &document, &record)?;
        let source = project.root.join("content").join(format!("{document}.md"));
        if configured && source.is_file() {
            report.failed.extend(removed);
        } else {
            report.removed.extend(removed);
        }
    }
    Ok(())
}

/// Stale translations of the selected locales: still used, and failing
/// `--strict`. (That a locale is not tracked at all is `kyr check`'s to
/// say.)
fn stale_translations(project: &Project, options: &BuildOptions) -> Vec<Diagnostic> {
    project
        .config
        .locales
        .values()
        .filter(|l| options.selects(l))
        .flat_map(|locale| {
            let messages = project.messages();
            let mut found = stale::stale_diagnostics(&messages, locale);
            found.extend(recordings::stale_diagnostics(&messages, locale));
            found
        })
        .filter(|d| d.code == "stale" || d.code == "audio-stale")
        .collect()
}

/// What `kyr check` finds in every message of the selected locales, used
/// or not: a dropped or added variable (a hotline lost in translation),
/// emphasis left open. Reported by every build, `--strict` failing on it.
fn translation_problems(project: &Project, options: &BuildOptions) -> Vec<Diagnostic> {
    project
        .config
        .locales
        .values()
        .filter(|l| options.selects(l))
        .flat_map(|locale| lint::locale_problems(&project.messages(), locale))
        .collect()
}

/// Removes from `dir` (under the output folder) the files kyr made there
/// that this build no longer needs: only names `is_ours` accepts are
/// looked at, and those `keep` accepts stay.
fn remove_unneeded(
    out_dir: &Path,
    dir: &Path,
    is_ours: impl Fn(&str) -> bool,
    keep: impl Fn(&str) -> bool,
    report: &mut BuildReport,
) -> Result<(), Error> {
    for entry in std::fs::read_dir(out_dir.join(dir))
        .into_iter()
        .flatten()
        .flatten()
    {
        let name = entry.file_name().to_string_lossy().into_owned();
        if is_ours(&name) && !keep(&name) {
            let relative = dir.join(&name);
            if output::remove_stale(out_dir, &relative)? {
                report
                    .removed
                    .push(relative.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    Ok(())
}
