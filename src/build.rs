//! The build driver: every selected document × locale, on a thread pool
//! -> resolve once -> skip what is unchanged since the last build
//! (`incremental`) -> render HTML and compile the PDFs -> write, then the
//! index page. An output with errors of its own is not written (and what
//! an earlier build left is removed); other outputs go on.

use std::collections::BTreeSet;
use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::atomic::{AtomicUsize, Ordering};

use anyhow::Result;

use crate::config::Locale;
use crate::diag::{Diagnostic, Severity, Sink, Span};
use crate::doc::Skeleton;
use crate::doc::model::{Inline, Reference};
use crate::i18n::resolve::{Document, Fallback, Job};
use crate::incremental::{self, Entry, KeyHasher, Record, SharedKeys};
use crate::output;
use crate::pdf::{self, Engine};
use crate::print::{self, PdfKind};
use crate::project::Project;
use crate::render::Format;
use crate::render::html::{self, IndexLocale, LanguageLink, Page, SourceLink};

/// What to build.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// Locales to build (all when empty).
    pub locales: Vec<String>,
    /// Documents to build (all when empty).
    pub documents: Vec<String>,
    /// Formats to build (all when empty).
    pub formats: Vec<Format>,
    /// Output folder (the project's `out/` when `None`).
    pub out_dir: Option<PathBuf>,
    /// Every warning is an error.
    pub strict: bool,
    /// Build time in seconds since 1970 (`SOURCE_DATE_EPOCH`); a fixed
    /// time when `None`, so outputs are reproducible either way.
    pub epoch: Option<i64>,
    /// Threads to build with (the number of cores when `None`).
    pub jobs: Option<usize>,
    /// Build everything, even what is unchanged since the last build.
    pub force: bool,
    /// Build only this share of the documents × locales.
    pub shard: Option<Shard>,
}

/// One of N deterministic shares of a build's jobs (`--shard K/N`), so a
/// CI matrix can build a large catalogue on several machines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    /// Which share, from 1.
    pub index: usize,
    /// How many shares.
    pub count: usize,
}

impl Shard {
    /// Whether the job at `position` (in the fixed locale × document
    /// order) is in this share.
    pub fn takes(self, position: usize) -> bool {
        position % self.count == self.index - 1
    }
}

impl FromStr for Shard {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || format!("`{s}` is not a shard: write K/N with 1 <= K <= N, such as 2/4");
        let (index, count) = s.split_once('/').ok_or_else(bad)?;
        let index: usize = index.trim().parse().map_err(|_| bad())?;
        let count: usize = count.trim().parse().map_err(|_| bad())?;
        if index == 0 || count == 0 || index > count {
            return Err(bad());
        }
        Ok(Shard { index, count })
    }
}

impl fmt::Display for Shard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

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

/// Why a build could not start.
#[derive(Debug)]
pub enum BuildError {
    /// The options name something that does not exist (exit 2).
    Usage(String),
    /// Writing failed (exit 1).
    Io(anyhow::Error),
}

/// Interface messages every page uses, by template name.
const PAGE_TEXTS: &[(&str, &str)] = &[
    ("help", "kyr-help"),
    ("not_legal_advice", "kyr-not-legal-advice"),
    ("last_reviewed", "kyr-last-reviewed"),
    ("sources", "kyr-sources"),
    ("languages", "kyr-languages"),
    ("documents", "kyr-documents"),
];

/// Interface messages the index page uses.
const INDEX_TEXTS: &[(&str, &str)] = &[
    ("not_legal_advice", "kyr-not-legal-advice"),
    ("documents", "kyr-documents"),
    ("languages", "kyr-languages"),
];

/// Builds the project.
pub fn build(project: &Project, options: &BuildOptions) -> Result<BuildReport, BuildError> {
    build_with(project, options, &Silent)
}

/// Builds the project, telling `progress` as jobs finish.
pub fn build_with(
    project: &Project,
    options: &BuildOptions,
    progress: &dyn Progress,
) -> Result<BuildReport, BuildError> {
    let config = &project.config;
    for tag in &options.locales {
        if config.locale(tag).is_none() {
            let known: Vec<&str> = config.locales.keys().map(String::as_str).collect();
            return Err(BuildError::Usage(format!(
                "unknown locale `{tag}`; configured locales: {}",
                known.join(", ")
            )));
        }
    }
    for name in &options.documents {
        if !project.skeletons.iter().any(|s| &s.name == name) {
            let known: Vec<&str> = project.skeletons.iter().map(|s| s.name.as_str()).collect();
            return Err(BuildError::Usage(format!(
                "unknown document `{name}`; documents: {}",
                known.join(", ")
            )));
        }
    }
    let formats: Vec<Format> = [Format::Html, Format::Pdf]
        .into_iter()
        .filter(|f| options.formats.is_empty() || options.formats.contains(f))
        .collect();

    let mut out_dir = options
        .out_dir
        .clone()
        .unwrap_or_else(|| project.root.join("out"));
    // An edition is built beside the default one, never over it.
    if let Some(edition) = &project.edition {
        out_dir = out_dir.join(edition);
    }
    let mut report = BuildReport {
        out_dir: out_dir.clone(),
        ..BuildReport::default()
    };
    for d in &project.diagnostics {
        report.diagnostics.push(promote(d.clone(), options.strict));
    }
    // What an interrupted build left behind.
    incremental::remove_temporary_files(&out_dir);
    // Outputs of documents and locales that are gone, and of documents
    // that could not be read this time (whose outputs failed).
    for ((tag, document), record) in incremental::all(&out_dir) {
        let configured = config.locale(&tag).is_some();
        if configured && project.skeletons.iter().any(|s| s.name == document) {
            continue;
        }
        let removed =
            incremental::remove_job(&out_dir, &tag, &document, &record).map_err(BuildError::Io)?;
        let source = project.root.join("content").join(format!("{document}.md"));
        if configured && source.is_file() {
            report.failed.extend(removed);
        } else {
            report.removed.extend(removed);
        }
    }

    let templates_ok = project.templates.is_usable();
    let epoch = options.epoch.unwrap_or(pdf::FIXED_EPOCH);
    let engine = formats.contains(&Format::Pdf).then(|| {
        let mut diags = Vec::new();
        let engine = pdf_engine(project, options.epoch, &mut diags);
        for d in diags {
            report.diagnostics.push(promote(d, options.strict));
        }
        engine
    });

    let locales: Vec<&Locale> = config
        .locales
        .values()
        .filter(|l| options.locales.is_empty() || options.locales.contains(&l.tag))
        .collect();
    // Stale translations are still used; `--strict` fails on them. (That
    // a locale is not tracked at all is `kyr check`'s to say.)
    for locale in &locales {
        for d in crate::i18n::coverage::stale_diagnostics(project, locale) {
            if d.code == "stale" {
                report.diagnostics.push(promote(d, options.strict));
            }
        }
    }
    let skeletons: Vec<&Skeleton> = project
        .skeletons
        .iter()
        .filter(|s| options.documents.is_empty() || options.documents.contains(&s.name))
        .collect();

    // Every document × locale is built and written on a thread pool; the
    // report is put together afterwards in a fixed order, so it does not
    // depend on which thread finished first.
    let jobs: Vec<(&Locale, &Skeleton)> = locales
        .iter()
        .flat_map(|l| skeletons.iter().map(move |s| (*l, *s)))
        .enumerate()
        .filter(|(position, _)| options.shard.is_none_or(|shard| shard.takes(*position)))
        .map(|(_, job)| job)
        .collect();
    let context = Context {
        project,
        options,
        formats: &formats,
        engine: engine.as_ref(),
        templates_ok,
        out_dir: &out_dir,
        keys: SharedKeys::new(project, epoch),
        compiled: AtomicUsize::new(0),
    };
    progress.start(jobs.len());
    let run = |(locale, skeleton): &(&Locale, &Skeleton)| {
        let output = build_job(&context, locale, skeleton);
        progress.done(JobDone {
            locale: &locale.tag,
            document: &skeleton.name,
            built: output.files.iter().filter(|f| !f.fresh).count(),
            fresh: output.files.iter().filter(|f| f.fresh).count(),
            failed: output.failed.len(),
        });
        output
    };
    let threads = options
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from))
        .max(1);
    let outputs = run_jobs(&jobs, threads, run);
    for output in outputs {
        if let Some(error) = output.error {
            return Err(BuildError::Io(error));
        }
        for file in output.files {
            if !file.fresh {
                report.written.push(out_dir.join(&file.path));
            }
            report.files.push(file);
        }
        report.failed.extend(output.failed);
        report.diagnostics.extend(output.diagnostics);
        report.fallbacks.extend(output.fallbacks);
    }

    if !templates_ok {
        report.failed.push("index.html".into());
    } else {
        let exists = |file: &str| out_dir.join(file).is_file();
        match index_page(project, &exists, options.strict, &mut report.diagnostics) {
            Some(html) => {
                // Written only when it changed, so an unchanged build
                // writes nothing.
                let path = out_dir.join("index.html");
                let unchanged = std::fs::read(&path).is_ok_and(|old| old == html.as_bytes());
                if !unchanged {
                    output::write_atomic(&out_dir, Path::new("index.html"), html.as_bytes())
                        .map_err(BuildError::Io)?;
                    report.written.push(path);
                }
                report.files.push(BuiltFile {
                    path: "index.html".into(),
                    document: String::new(),
                    locale: String::new(),
                    layout: None,
                    format: Format::Html,
                    bytes: html.len() as u64,
                    sha256: incremental::sha256(html.as_bytes()),
                    fresh: unchanged,
                });
            }
            None => report.failed.push("index.html".into()),
        }
    }
    Ok(report)
}

/// What every job of a build shares.
struct Context<'a> {
    project: &'a Project,
    options: &'a BuildOptions,
    /// The formats to build, HTML first.
    formats: &'a [Format],
    engine: Option<&'a Engine>,
    templates_ok: bool,
    out_dir: &'a Path,
    keys: SharedKeys,
    /// Jobs that compiled PDFs so far.
    compiled: AtomicUsize,
}

/// Stack of each build thread: generous, since Typst recurses deeply.
/// Only the pages used are ever committed.
const WORKER_STACK_BYTES: usize = 16 * 1024 * 1024;

/// Runs `run` on every job with `threads` threads of kyr's own, which take
/// the next job as they finish one; the outputs come back in job order.
///
/// Not on rayon's pool: Typst and krilla use that pool inside a compile,
/// and krilla waits for its work with `rayon::yield_now`, which on a pool
/// thread runs any queued task, including another whole document. Jobs then
/// nested on one stack (75 deep in a 240-handout build) until it overflowed.
fn run_jobs<J: Sync, O: Send>(jobs: &[J], threads: usize, run: impl Fn(&J) -> O + Sync) -> Vec<O> {
    let next = AtomicUsize::new(0);
    let done: std::sync::Mutex<Vec<(usize, O)>> = std::sync::Mutex::new(Vec::new());
    let work = || {
        loop {
            let index = next.fetch_add(1, Ordering::Relaxed);
            let Some(job) = jobs.get(index) else { break };
            let output = run(job);
            done.lock()
                .unwrap_or_else(|e| e.into_inner())
                .push((index, output));
        }
    };
    std::thread::scope(|scope| {
        let mut started = 0;
        for _ in 0..threads.min(jobs.len()) {
            let spawned = std::thread::Builder::new()
                .name("kyr-build".into())
                .stack_size(WORKER_STACK_BYTES)
                .spawn_scoped(scope, work);
            started += usize::from(spawned.is_ok());
        }
        // No thread could be started: build on this one.
        if started == 0 {
            work();
        }
    });
    let mut done = done.into_inner().unwrap_or_else(|e| e.into_inner());
    done.sort_by_key(|(index, _)| *index);
    done.into_iter().map(|(_, output)| output).collect()
}

/// Every this many jobs, Typst's memoization cache drops what the last
/// `TYPST_CACHE_AGE` rounds did not use, so a long build's memory stays
/// bounded (without it, 240 handouts peaked 30 % higher). Evicting after
/// every job cost about 5 % of the build's time.
const EVICT_EVERY: usize = 8;
const TYPST_CACHE_AGE: usize = 2;

/// What one document × locale did: its files (written now or fresh),
/// the outputs it could not write, its diagnostics and fallbacks.
#[derive(Default)]
struct JobOutput {
    files: Vec<BuiltFile>,
    failed: Vec<String>,
    diagnostics: Vec<Diagnostic>,
    fallbacks: Vec<Fallback>,
    /// Writing failed: the build stops.
    error: Option<anyhow::Error>,
}

/// Resolves one document in one locale, renders each format whose inputs
/// changed since the last build, writes the files and the job's record.
fn build_job(context: &Context, locale: &Locale, skeleton: &Skeleton) -> JobOutput {
    let Context {
        project,
        options,
        out_dir,
        ..
    } = *context;
    let mut resolved = resolve(project, locale, skeleton, options.strict);
    let content = content_key(project, &context.keys, locale, skeleton, &resolved);
    let old = if options.force {
        Record::default()
    } else {
        incremental::load(out_dir, &locale.tag, &skeleton.name).unwrap_or_default()
    };
    let mut record = old.clone();
    let mut output = JobOutput::default();

    // Which formats need rendering; the others are left as they are.
    let mut stale = Vec::new();
    for &format in context.formats {
        let key = context.keys.key(format, &content);
        match old.entry(format) {
            Some(entry)
                if !resolved.job.failed
                    && !options.force
                    && entry.is_fresh(&key, out_dir, &project.root) =>
            {
                for stamp in &entry.files {
                    output.files.push(built_file(locale, skeleton, stamp, true));
                }
            }
            _ => stale.push((format, key)),
        }
    }

    let mut rendered: Vec<(Format, Made, bool)> = Vec::new();
    for (format, _) in &stale {
        let reported = resolved.job.diagnostics.len();
        let files = match format {
            Format::Html => {
                // With broken templates (already reported) resolving still
                // reports the content's problems.
                let html = if context.templates_ok {
                    html_page(project, locale, skeleton, &mut resolved)
                } else {
                    None
                };
                vec![(
                    output_path(locale, skeleton, "html"),
                    html.map(String::into_bytes),
                )]
            }
            Format::Pdf => pdf_files(context, locale, skeleton, &mut resolved),
        };
        let quiet = resolved.job.diagnostics.len() == reported;
        rendered.push((*format, files, quiet));
    }
    if context.engine.is_some() && !stale.is_empty() {
        let compiled = context.compiled.fetch_add(1, Ordering::Relaxed) + 1;
        if compiled % EVICT_EVERY == 0 {
            typst::comemo::evict(TYPST_CACHE_AGE);
        }
    }

    for ((format, files, quiet), (_, key)) in rendered.into_iter().zip(&stale) {
        let mut stamps = Vec::new();
        let mut complete = true;
        for (relative, bytes) in files {
            let shown = display(&relative);
            // An error anywhere in the job (its locale, its skeleton, one
            // of its PDFs) fails all of its outputs.
            match bytes.filter(|_| !resolved.job.failed) {
                Some(bytes) => match output::write_atomic(out_dir, &relative, &bytes) {
                    Ok(_) => {
                        let stamp = incremental::stamp(out_dir, &shown, &bytes);
                        output
                            .files
                            .push(built_file(locale, skeleton, &stamp, false));
                        stamps.push(stamp);
                    }
                    Err(e) => {
                        output.error = Some(e);
                        return output;
                    }
                },
                None => {
                    complete = false;
                    if let Err(e) = output::remove_stale(out_dir, &relative) {
                        output.error = Some(e);
                        return output;
                    }
                    output.failed.push(shown);
                }
            }
        }
        // What the last build made and this one did not (a layout taken
        // off the document) goes.
        if let Some(previous) = old.entry(format) {
            for stamp in &previous.files {
                let kept = stamps.iter().any(|s| s.path == stamp.path);
                if !kept && let Err(e) = output::remove_stale(out_dir, Path::new(&stamp.path)) {
                    output.error = Some(e);
                    return output;
                }
            }
        }
        // Only what was made cleanly is recorded: anything reported while
        // rendering is reported again next time.
        let entry = (complete && quiet).then(|| Entry {
            key: key.clone(),
            files: stamps,
            reads: if format == Format::Pdf {
                resolved
                    .reads
                    .iter()
                    .filter_map(|path| incremental::read(&project.root, path))
                    .collect()
            } else {
                Vec::new()
            },
        });
        record.set(format, entry);
    }
    if record != old
        && let Err(e) = incremental::save(out_dir, &locale.tag, &skeleton.name, &record)
    {
        output.error = Some(e);
        return output;
    }
    output.diagnostics = resolved.job.diagnostics;
    output.fallbacks = resolved.job.fallbacks;
    output
}

/// Files a job made, by path under the output folder (`None`: failed).
type Made = Vec<(PathBuf, Option<Vec<u8>>)>;

/// Every PDF of a resolved document.
fn pdf_files(
    context: &Context,
    locale: &Locale,
    skeleton: &Skeleton,
    resolved: &mut Resolved,
) -> Made {
    let Some(engine) = context.engine else {
        return Vec::new();
    };
    let mut files = Vec::new();
    for layout in &skeleton.front.layouts {
        // Content with errors is not typeset: Typst would only add noise
        // to the diagnostics that matter.
        let made = if resolved.job.failed {
            PdfKind::of(*layout).iter().map(|k| (*k, None)).collect()
        } else {
            print::layout_files(
                engine,
                context.project,
                skeleton,
                locale,
                resolved,
                *layout,
                context.options.strict,
            )
        };
        for (kind, pdf) in made {
            files.push((
                PathBuf::from(&locale.tag).join(kind.file_name(&skeleton.name)),
                pdf,
            ));
        }
    }
    files
}

/// What a job's outputs are made of: the project, the skeleton and the
/// text of every message the document shows, from whichever locale gave
/// it (and, for a card, the back's officer locale).
fn content_key(
    project: &Project,
    keys: &SharedKeys,
    locale: &Locale,
    skeleton: &Skeleton,
    resolved: &Resolved,
) -> String {
    let mut hasher = KeyHasher::default();
    hasher
        .add("project", keys.project())
        .add("locale", &locale.tag)
        .add("skeleton", project.files.text(skeleton.file));
    for used in &resolved.job.used {
        hasher.add("message", (&used.key, &used.locale, &used.text));
    }
    if skeleton.front.layouts.contains(&crate::doc::Layout::Card)
        && let Some(officer) = project.config.locale(&skeleton.front.officer_locale)
    {
        for used in &resolve(project, officer, skeleton, false).job.used {
            hasher.add("officer message", (&used.key, &used.locale, &used.text));
        }
    }
    hasher.key()
}

/// An output as the report lists it.
fn built_file(
    locale: &Locale,
    skeleton: &Skeleton,
    stamp: &incremental::Stamp,
    fresh: bool,
) -> BuiltFile {
    let file_name = stamp.path.rsplit('/').next().unwrap_or(&stamp.path);
    let kind = PdfKind::ALL
        .iter()
        .find(|k| k.file_name(&skeleton.name) == file_name);
    BuiltFile {
        path: stamp.path.clone(),
        document: skeleton.name.clone(),
        locale: locale.tag.clone(),
        layout: kind.map(|k| k.layout_name()),
        format: if kind.is_some() {
            Format::Pdf
        } else {
            Format::Html
        },
        bytes: stamp.bytes,
        sha256: stamp.sha256.clone(),
        fresh,
    }
}

fn promote(mut d: Diagnostic, strict: bool) -> Diagnostic {
    if strict && d.severity == Severity::Warning {
        d.severity = Severity::Error;
    }
    d
}

fn anchor(project: &Project) -> Span {
    Span::new(project.config_file, 0..0)
}

/// The engine for this build: templates, fonts, build time.
pub fn pdf_engine(project: &Project, epoch: Option<i64>, diags: &mut Vec<Diagnostic>) -> Engine {
    Engine::new(
        &project.root,
        &project.pdf_templates,
        &project.fonts,
        &project.files,
        epoch.unwrap_or(pdf::FIXED_EPOCH),
        diags,
    )
    .with_image_limit(project.config.limits.max_binary_bytes)
}

fn output_path(locale: &Locale, skeleton: &Skeleton, extension: &str) -> PathBuf {
    PathBuf::from(&locale.tag).join(format!("{}.{extension}", skeleton.name))
}

/// A document resolved in one locale, with the interface texts and
/// notices both back ends print.
pub struct Resolved<'p> {
    /// The resolution job: diagnostics, fallbacks, messages used.
    pub job: Job<'p>,
    /// The document.
    pub document: Document,
    /// Interface texts by name.
    pub texts: Vec<(&'static str, Vec<Inline>)>,
    /// Notices: unreviewed, partly in another language.
    pub notices: Vec<Vec<Inline>>,
    /// Project files the PDF templates read (images), under the root.
    pub reads: BTreeSet<String>,
}

/// Resolves a document in a locale.
pub fn resolve<'p>(
    project: &'p Project,
    locale: &'p Locale,
    skeleton: &Skeleton,
    strict: bool,
) -> Resolved<'p> {
    let date = skeleton.front.last_reviewed.as_str();
    let mut job = Job::new(
        &project.config,
        &project.catalog,
        locale,
        &skeleton.name,
        strict,
        &[("date", date)],
        anchor(project),
    );
    let document = job.document(skeleton);
    let partly_translated = !job.fallbacks.is_empty();
    let texts = PAGE_TEXTS
        .iter()
        .map(|(name, id)| (*name, job.interface_message(id)))
        .collect();
    let mut notices = Vec::new();
    if !locale.reviewed {
        notices.push(job.interface_message("kyr-unreviewed"));
    }
    if partly_translated {
        notices.push(job.interface_message("kyr-partial"));
    }
    Resolved {
        job,
        document,
        texts,
        notices,
        reads: BTreeSet::new(),
    }
}

/// Renders one document page; `None` when rendering failed.
pub fn html_page(
    project: &Project,
    locale: &Locale,
    skeleton: &Skeleton,
    resolved: &mut Resolved,
) -> Option<String> {
    let config = &project.config;
    let languages = config
        .locales
        .values()
        .map(|l| LanguageLink {
            tag: l.tag.clone(),
            endonym: l.endonym.clone(),
            dir: l.direction.as_str(),
            href: format!("../{}/{}.html", l.tag, skeleton.name),
            current: l.tag == locale.tag,
        })
        .collect();
    let document = &resolved.document;
    let sources = document
        .sources
        .iter()
        .map(|s| SourceLink {
            name: s.name.clone(),
            url: s.url.clone(),
        })
        .collect();
    let page = Page {
        lang: &locale.tag,
        dir: locale.direction.as_str(),
        title: &document.title,
        blocks: &document.blocks,
        texts: resolved.texts.clone(),
        notices: resolved.notices.clone(),
        sources,
        languages,
        index_href: "../index.html",
    };
    match html::render_page(&page, &project.templates, &project.files) {
        Ok(html) => Some(html),
        Err(d) => {
            resolved.job.diagnostics.push(d);
            None
        }
    }
}

/// The index: every language by endonym, with the documents whose page
/// `exists` (`fr/door.html`: from this build, an earlier one, or the
/// shards being merged).
pub fn index_page(
    project: &Project,
    exists: &dyn Fn(&str) -> bool,
    strict: bool,
    sink: &mut Sink,
) -> Option<String> {
    let config = &project.config;
    let reference = config.locale(&config.reference)?;
    let mut job = Job::new(
        config,
        &project.catalog,
        reference,
        "index",
        strict,
        &[],
        anchor(project),
    );
    let title_span = project
        .catalog
        .get(&config.reference)
        .and_then(|b| b.sources.get(&config.title))
        .map(|s| Span::new(s.file, s.id.clone()))
        .unwrap_or_else(|| anchor(project));
    let title = job.inline_message(&Reference {
        id: config.title.clone(),
        attr: None,
        span: title_span,
    });
    let texts: Vec<(&'static str, Vec<Inline>)> = INDEX_TEXTS
        .iter()
        .map(|(name, id)| (*name, job.interface_message(id)))
        .collect();
    sink.extend(job.diagnostics);

    let mut locales = Vec::new();
    for locale in config.locales.values() {
        let mut documents = Vec::new();
        for skeleton in &project.skeletons {
            let file = format!("{}/{}.html", locale.tag, skeleton.name);
            if !exists(&file) {
                continue;
            }
            let mut title_job = Job::new(
                config,
                &project.catalog,
                locale,
                &skeleton.name,
                strict,
                &[],
                anchor(project),
            );
            let title = title_job.inline_message(&skeleton.front.title);
            sink.extend(title_job.diagnostics);
            documents.push((file, title));
        }
        if !documents.is_empty() {
            locales.push(IndexLocale {
                tag: locale.tag.clone(),
                endonym: locale.endonym.clone(),
                dir: locale.direction.as_str(),
                documents,
            });
        }
    }
    match html::render_index(
        &reference.tag,
        reference.direction.as_str(),
        &title,
        &texts,
        &locales,
        &project.templates,
        &project.files,
    ) {
        Ok(html) => Some(html),
        Err(d) => {
            sink.push(d);
            None
        }
    }
}

fn display(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;
    use std::sync::{Arc, OnceLock};

    use super::*;

    #[test]
    fn jobs_come_back_in_order_and_never_run_inside_one_another() {
        thread_local!(static DEPTH: Cell<usize> = const { Cell::new(0) });
        let jobs: Vec<usize> = (0..64).collect();
        let outputs = run_jobs(&jobs, 2, |&job| {
            let depth = DEPTH.with(|d| {
                d.set(d.get() + 1);
                d.get()
            });
            // What krilla does while exporting a PDF: queue work on rayon,
            // then yield to rayon until it is done. On a rayon thread that
            // yield may run another queued job, nested on this stack.
            let value = Arc::new(OnceLock::new());
            let set = Arc::clone(&value);
            rayon::spawn(move || {
                set.get_or_init(|| job);
            });
            while let Some(rayon::Yield::Executed) = rayon::yield_now() {}
            assert_eq!(*value.wait(), job);
            DEPTH.with(|d| d.set(d.get() - 1));
            (job, depth)
        });
        assert_eq!(outputs.len(), 64);
        for (i, (job, depth)) in outputs.into_iter().enumerate() {
            assert_eq!(job, i);
            assert_eq!(depth, 1, "job {job} ran inside another");
        }
    }
}
