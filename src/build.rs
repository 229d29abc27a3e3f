//! The build driver: every selected document × locale -> resolve once ->
//! render HTML and compile the PDF -> write, then the index page. An
//! output with errors of its own is not written (and what an earlier
//! build left is removed); other outputs go on.

use std::path::{Path, PathBuf};

use anyhow::Result;
use rayon::prelude::*;

use crate::config::Locale;
use crate::diag::{Diagnostic, Severity, Sink, Span};
use crate::doc::Skeleton;
use crate::doc::model::{Inline, Reference};
use crate::i18n::resolve::{Document, Fallback, Job};
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
}

/// What a build did.
#[derive(Debug, Default)]
pub struct BuildReport {
    /// Every diagnostic, loading included.
    pub diagnostics: Sink,
    /// Files written, under `out_dir`.
    pub written: Vec<PathBuf>,
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
    let wants = |format: Format| options.formats.is_empty() || options.formats.contains(&format);

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
    let templates_ok = project.templates.is_usable();
    let engine = wants(Format::Pdf).then(|| {
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

    // Every document × locale is built on a thread pool; files are written
    // afterwards in a fixed order, so reports and outputs do not depend on
    // which thread finished first.
    let jobs: Vec<(&Locale, &Skeleton)> = locales
        .iter()
        .flat_map(|l| skeletons.iter().map(move |s| (*l, *s)))
        .collect();
    let run = |(locale, skeleton): &(&Locale, &Skeleton)| {
        build_job(
            project,
            locale,
            skeleton,
            options,
            engine.as_ref(),
            templates_ok,
        )
    };
    let threads = options
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from))
        .max(1);
    let outputs: Vec<JobOutput> = match rayon::ThreadPoolBuilder::new().num_threads(threads).build()
    {
        Ok(pool) => pool.install(|| jobs.par_iter().map(run).collect()),
        Err(_) => jobs.iter().map(run).collect(),
    };
    for output in outputs {
        for (relative, bytes) in output.files {
            match bytes {
                Some(bytes) => {
                    let path = output::write_atomic(&out_dir, &relative, &bytes)
                        .map_err(BuildError::Io)?;
                    report.written.push(path);
                }
                None => {
                    output::remove_stale(&out_dir, &relative).map_err(BuildError::Io)?;
                    report.failed.push(display(&relative));
                }
            }
        }
        report.diagnostics.extend(output.diagnostics);
        report.fallbacks.extend(output.fallbacks);
    }

    if !templates_ok {
        report.failed.push("index.html".into());
    } else {
        match index_page(project, &out_dir, options.strict, &mut report.diagnostics) {
            Some(html) => {
                let path = output::write_atomic(&out_dir, Path::new("index.html"), html.as_bytes())
                    .map_err(BuildError::Io)?;
                report.written.push(path);
            }
            None => report.failed.push("index.html".into()),
        }
    }
    Ok(report)
}

/// What one document × locale produced: each output file (`None` when it
/// failed), its diagnostics and fallbacks.
struct JobOutput {
    files: Vec<(PathBuf, Option<Vec<u8>>)>,
    diagnostics: Vec<Diagnostic>,
    fallbacks: Vec<Fallback>,
}

/// Resolves one document in one locale and renders every output asked
/// for, writing nothing.
fn build_job(
    project: &Project,
    locale: &Locale,
    skeleton: &Skeleton,
    options: &BuildOptions,
    engine: Option<&Engine>,
    templates_ok: bool,
) -> JobOutput {
    let wants = |format: Format| options.formats.is_empty() || options.formats.contains(&format);
    let mut files = Vec::new();
    let mut resolved = resolve(project, locale, skeleton, options.strict);
    if wants(Format::Html) {
        // With broken templates (already reported) resolving still reports
        // the content's problems.
        let html = if templates_ok {
            html_page(project, locale, skeleton, &mut resolved)
        } else {
            None
        };
        files.push((
            output_path(locale, skeleton, "html"),
            html.map(String::into_bytes),
        ));
    }
    if let Some(engine) = engine {
        for layout in &skeleton.front.layouts {
            // Content with errors is not typeset: Typst would only add
            // noise to the diagnostics that matter.
            let made = if resolved.job.failed {
                PdfKind::of(*layout).iter().map(|k| (*k, None)).collect()
            } else {
                print::layout_files(
                    engine,
                    project,
                    skeleton,
                    locale,
                    &mut resolved,
                    *layout,
                    options.strict,
                )
            };
            for (kind, pdf) in made {
                files.push((
                    PathBuf::from(&locale.tag).join(kind.file_name(&skeleton.name)),
                    pdf,
                ));
            }
        }
    }
    // An error anywhere in the job (its locale, its skeleton) fails all of
    // its outputs.
    if resolved.job.failed {
        for (_, bytes) in &mut files {
            *bytes = None;
        }
    }
    JobOutput {
        files,
        diagnostics: resolved.job.diagnostics,
        fallbacks: resolved.job.fallbacks,
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
    }
}

/// Renders one document page; `None` when rendering failed.
fn html_page(
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

/// The index: every language by endonym, with the documents that exist in
/// the output folder in that language (from this build or an earlier one).
fn index_page(project: &Project, out_dir: &Path, strict: bool, sink: &mut Sink) -> Option<String> {
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
            if !out_dir.join(&file).is_file() {
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
