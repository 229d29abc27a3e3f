//! BUILD: the driver. [`build_with`] reads as the pipeline: select the
//! jobs (document × locale) -> clean what is gone -> run the jobs on the
//! build's threads ([`job`]: resolve -> if fresh, tell again what it
//! reported, else render HTML, lay out and export each PDF, write the
//! chat and SMS text -> write -> record) -> the index page -> the report. An output with errors of its
//! own (its skeleton's, a message no locale of its chain can show) is not
//! written, and what an earlier build left is removed; a message with an
//! error falls back instead. Other outputs go on.

mod audio;
pub(crate) mod incremental;
mod job;
mod options;
mod pool;
mod report;

pub use crate::i18n::resolve::Fallback;
pub use crate::pdf::checks::{GlyphPlace, MissingGlyphs};
pub use options::{BuildOptions, Format, Shard};
pub use report::{BuildReport, BuiltFile, GlyphSummary, JobDone, Progress, Silent};

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicUsize;

use crate::base::diag::Diagnostic;
use crate::base::epoch::FIXED_EPOCH;
use crate::base::error::Error;
use crate::base::output;
use crate::config::Locale;
use crate::doc::Skeleton;
use crate::i18n::{lint, recordings, stale};
use crate::project::Project;
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
    let jobs = select(project, options)?;
    let mut report = BuildReport::new(out_dir(project, options));
    // One build at a time in an output folder; held until the build ends.
    let _lock = output::BuildLock::take(&report.out_dir, !options.no_wait, || {
        progress.waiting(&report.out_dir)
    })
    .map_err(Error::Failed)?
    .ok_or_else(|| {
        Error::Usage(format!(
            "another kyr build is writing `{}`; try again when it has finished, or leave out --no-wait to wait for it",
            report.out_dir.display()
        ))
    })?;
    report.add_diagnostics(project.diagnostics.iter().cloned(), options.strict);
    clean(project, &mut report)?;
    let formats = options.formats_to_build();
    let engine = formats.contains(&Format::Pdf).then(|| {
        let mut diagnostics = Vec::new();
        let engine = project.pdf_engine(options.epoch, &mut diagnostics);
        report.add_diagnostics(diagnostics, options.strict);
        engine
    });
    report.add_diagnostics(stale_translations(project, options), options.strict);
    report.add_diagnostics(translation_problems(project, options), options.strict);

    let out_dir = report.out_dir.clone();
    let context = Context {
        project,
        options,
        formats: &formats,
        engine: engine.as_ref(),
        templates_ok: project.templates.is_usable(),
        out_dir: &out_dir,
        keys: SharedKeys::new(
            project,
            options.epoch.unwrap_or(FIXED_EPOCH),
            formats.contains(&Format::Pdf),
        ),
        compiled: AtomicUsize::new(0),
        layouts: std::sync::RwLock::new(()),
    };
    progress.start(jobs.len());
    let outputs = pool::run_jobs(&jobs, options.threads(), |(locale, skeleton)| {
        let output = job::run(&context, locale, skeleton);
        progress.done(output.done(locale, skeleton));
        output
    });
    let mut printed = BTreeMap::new();
    for output in outputs {
        for var in &output.printed {
            *printed.entry(var.clone()).or_insert(0) += 1;
        }
        report.add_job(output)?;
    }
    let config_text = project.files.text(project.config_file);
    let examples = lint::example_values(&project.messages(), config_text, &printed);
    report.add_diagnostics(examples, options.strict);
    index(&context, &mut report)?;
    web_fonts(&context, &mut report)?;
    if formats.contains(&Format::Html) {
        audio::copy(&context, &mut report)?;
    }
    record_shard(project, options, &out_dir)?;
    // Every temporary file is renamed into place or gone by now: the
    // record of their names goes too.
    output::remove_recorded_temporary_files(&out_dir);
    Ok(report)
}

/// A `--shard` build records which share it is, its build time and its
/// inputs (`.kyr/shard.json`); any other build removes such a record.
fn record_shard(project: &Project, options: &BuildOptions, out_dir: &Path) -> Result<(), Error> {
    let relative = Path::new(incremental::SHARD_RECORD);
    match options.shard {
        Some(shard) => {
            let record = incremental::ShardRecord {
                shard: shard.to_string(),
                epoch: options.epoch.unwrap_or(FIXED_EPOCH),
                inputs: incremental::inputs_fingerprint(project),
            };
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
    config.known_locales(&options.locales)?;
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

/// The index pages (`index.html`, and for many languages the pages it is
/// split into), each with its path, for the pages that `exists`
/// (`fr/door.html`: from this build, an earlier one, or the shards being
/// merged); `None` when they could not be made (said in `diagnostics`).
pub(crate) fn index_pages(
    project: &Project,
    exists: &dyn Fn(&str) -> bool,
    strict: bool,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Vec<(String, String)>> {
    let texts = project.messages().index(exists, strict, diagnostics)?;
    // The PDF files each document has in each locale, as built.
    let pdfs = |locale: &Locale, skeleton: &Skeleton| {
        crate::pdf::PdfKind::print_files(skeleton)
            .into_iter()
            .filter(|(file, _)| exists(&format!("{}/{file}", locale.tag)))
            .collect()
    };
    crate::html::index_pages(
        &project.config,
        &texts,
        (&project.skeletons, &pdfs),
        &project.templates,
        &project.files,
    )
    .map_err(|d| diagnostics.push(d))
    .ok()
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

/// Writes the index pages (only those that changed, so an unchanged
/// build writes nothing), and removes those an earlier build made that
/// this one does not (the project has fewer languages now).
fn index(context: &Context, report: &mut BuildReport) -> Result<(), Error> {
    let out_dir = context.out_dir;
    if !context.templates_ok {
        report.failed.push("index.html".into());
        return Ok(());
    }
    let exists = |file: &str| out_dir.join(file).is_file();
    let mut diagnostics = Vec::new();
    let pages = index_pages(
        context.project,
        &exists,
        context.options.strict,
        &mut diagnostics,
    );
    report.diagnostics.extend(diagnostics);
    let Some(pages) = pages else {
        report.failed.push("index.html".into());
        return Ok(());
    };
    for (relative, html) in &pages {
        if html.len() > crate::html::PAGE_BUDGET_BYTES {
            let d = Diagnostic::warning(format!(
                "the index page `{relative}` is {} KB, over the budget of {} KB for a phone on a slow connection",
                html.len().div_ceil(1024),
                crate::html::PAGE_BUDGET_BYTES / 1024
            ))
            .code("page-size")
            .at(context.project.messages().anchor())
            .hint("shorten the documents' titles");
            report.diagnostics.push(d.promote(context.options.strict));
        }
        let path = out_dir.join(relative);
        let unchanged = std::fs::read(&path).is_ok_and(|old| old == html.as_bytes());
        if !unchanged {
            output::write_output(out_dir, Path::new(relative), html.as_bytes())?;
            report.written.push(path);
        }
        report.files.push(BuiltFile {
            path: relative.clone(),
            document: String::new(),
            locale: String::new(),
            layout: None,
            format: Format::Html,
            bytes: html.len() as u64,
            sha256: incremental::sha256(html.as_bytes()),
            fresh: unchanged,
        });
    }
    remove_old_index_pages(context, &pages, report)
}

/// Writes each page folder's fonts (`fonts/` beside its pages): subsets of
/// the bundled fonts for the characters of the pages in that folder (see
/// [`crate::html::fonts`]). A folder none of whose pages changed keeps
/// its fonts; a folder left without pages loses them, and a font its pages
/// no longer need is removed.
fn web_fonts(context: &Context, report: &mut BuildReport) -> Result<(), Error> {
    use crate::html::fonts::{FONTS_DIR, folder_fonts};
    if !context.formats.contains(&Format::Html) {
        return Ok(());
    }
    let out_dir = context.out_dir;
    let mut folders = vec![
        PathBuf::new(),
        PathBuf::from(crate::html::LANGUAGE_LISTS_DIR),
    ];
    folders.extend(context.project.config.locales.keys().map(PathBuf::from));
    // The folder of a locale no longer configured, whose pages are gone.
    for entry in std::fs::read_dir(out_dir).into_iter().flatten().flatten() {
        let name = PathBuf::from(entry.file_name());
        if !folders.contains(&name) && entry.path().join(FONTS_DIR).is_dir() {
            folders.push(name);
        }
    }
    // Which folders get new fonts, with their pages' text.
    let mut todo = Vec::new();
    for folder in folders {
        let dir = out_dir.join(&folder);
        let pages = html_files(&dir)?;
        let changed = report.written.iter().any(|p| {
            p.parent() == Some(dir.as_path()) && p.extension().is_some_and(|e| e == "html")
        });
        let known = context
            .project
            .config
            .locales
            .contains_key(&*folder.to_string_lossy())
            || folder.as_os_str().is_empty()
            || folder == Path::new(crate::html::LANGUAGE_LISTS_DIR);
        let has_fonts = out_dir.join(&folder).join(FONTS_DIR).is_dir();
        if !pages.is_empty() && (!known || (!changed && has_fonts)) {
            continue;
        }
        todo.push((folder.join(FONTS_DIR), pages));
    }
    // Subsetting is the slow part: the folders side by side.
    type Made = (PathBuf, Result<Vec<(String, Vec<u8>)>, String>);
    let made: Vec<Made> = {
        use rayon::prelude::*;
        todo.into_par_iter()
            .map(|(fonts_dir, pages)| {
                let fonts = folder_fonts(pages.iter().map(String::as_str));
                (fonts_dir, fonts)
            })
            .collect()
    };
    for (fonts_dir, fonts) in made {
        let fonts = fonts.map_err(|e| {
            Error::Failed(anyhow::anyhow!(
                "cannot make the fonts of `{}`: {e}",
                fonts_dir.display()
            ))
        })?;
        for (name, bytes) in &fonts {
            let relative = fonts_dir.join(name);
            let path = out_dir.join(&relative);
            if std::fs::read(&path).is_ok_and(|old| old == *bytes) {
                continue;
            }
            output::write_output(out_dir, &relative, bytes)?;
            report.written.push(path);
        }
        // Fonts of an earlier build these pages no longer need: only
        // names kyr gives its own fonts are looked at.
        for entry in std::fs::read_dir(out_dir.join(&fonts_dir))
            .into_iter()
            .flatten()
            .flatten()
        {
            let name = entry.file_name().to_string_lossy().into_owned();
            let ours = name
                .strip_suffix(".woff2")
                .is_some_and(|stem| crate::base::fonts::bundled(&format!("{stem}.ttf")).is_some());
            if ours && !fonts.iter().any(|(n, _)| *n == name) {
                let relative = fonts_dir.join(&name);
                if output::remove_stale(out_dir, &relative)? {
                    report
                        .removed
                        .push(relative.to_string_lossy().replace('\\', "/"));
                }
            }
        }
        output::remove_empty_dir(out_dir, &fonts_dir)?;
        // A locale's folder left empty goes too.
        if let Some(folder) = fonts_dir.parent().filter(|f| !f.as_os_str().is_empty()) {
            output::remove_empty_dir(out_dir, folder)?;
        }
    }
    Ok(())
}

/// The text of the HTML files directly in `dir` (none when it does not
/// exist).
fn html_files(dir: &Path) -> Result<Vec<String>, Error> {
    let mut pages = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Ok(pages);
    };
    let mut paths: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "html") && p.is_file())
        .collect();
    paths.sort();
    for path in paths {
        let text = std::fs::read_to_string(&path)
            .map_err(|e| Error::Failed(anyhow::anyhow!("cannot read `{}`: {e}", path.display())))?;
        pages.push(text);
    }
    Ok(pages)
}

/// Removes the index pages of an earlier build that this one did not
/// make: each locale's `index.html` and the lists of languages. Only
/// those names, in kyr's own folders, are looked at.
fn remove_old_index_pages(
    context: &Context,
    pages: &[(String, String)],
    report: &mut BuildReport,
) -> Result<(), Error> {
    let out_dir = context.out_dir;
    let made = |relative: &str| pages.iter().any(|(p, _)| p == relative);
    let mut old: Vec<String> = context
        .project
        .config
        .locales
        .keys()
        .map(|tag| format!("{tag}/index.html"))
        .collect();
    let lists = out_dir.join(crate::html::LANGUAGE_LISTS_DIR);
    if std::fs::symlink_metadata(&lists).is_ok_and(|m| m.is_dir()) {
        for entry in std::fs::read_dir(&lists).into_iter().flatten().flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name
                .strip_suffix(".html")
                .is_some_and(|n| n.parse::<usize>().is_ok())
            {
                old.push(format!("{}/{name}", crate::html::LANGUAGE_LISTS_DIR));
            }
        }
    }
    for relative in old.iter().filter(|r| !made(r)) {
        if output::remove_stale(out_dir, Path::new(relative))? {
            report.removed.push(relative.clone());
        }
    }
    output::remove_empty_dir(out_dir, Path::new(crate::html::LANGUAGE_LISTS_DIR))?;
    Ok(())
}
