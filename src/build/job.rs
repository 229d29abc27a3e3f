//! One job: a document in a locale. [`run`] reads as its stages: resolve
//! -> for each format, tell again what it reported if its inputs have not
//! changed since the last build, else render it (HTML; lay out and export
//! each PDF; the chat and SMS text) -> write -> record.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{PoisonError, RwLock};

use crate::base::diag::{Diagnostic, Span, display_path};
use crate::base::output;
use crate::build::incremental::SharedKeys;
use crate::build::incremental::{self, Entry, KeyHasher, Record, Stamp, Told};
use crate::build::options::BuildOptions;
use crate::build::options::Format;
use crate::build::report::{BuiltFile, JobOutput};
use crate::config::Locale;
use crate::doc::Skeleton;
use crate::i18n::lint;
use crate::i18n::page::Page;
use crate::pdf::checks::MissingGlyphs;
use crate::pdf::engine::Engine;
use crate::pdf::{PdfKind, Printer};
use crate::project::Project;

/// What every job of a build shares.
pub(super) struct Context<'a> {
    pub(super) project: &'a Project,
    pub(super) options: &'a BuildOptions,
    /// The formats to build, HTML first.
    pub(super) formats: &'a [Format],
    pub(super) engine: Option<&'a Engine>,
    pub(super) templates_ok: bool,
    pub(super) out_dir: &'a Path,
    pub(super) keys: SharedKeys,
    /// Jobs that compiled PDFs so far.
    pub(super) compiled: AtomicUsize,
    /// Taken to lay out PDFs: shared, or alone for a long document (see
    /// [`LAY_OUT_ALONE_ABOVE_BYTES`]).
    pub(super) layouts: RwLock<()>,
}

/// A document that expands to more text than this is laid out alone:
/// near the limits, one layout takes several hundred MB, and two side by
/// side would add up (the largest shipped document is 5.3 KB).
const LAY_OUT_ALONE_ABOVE_BYTES: u64 = 32 * 1024;

/// Files a format made, by path under the output folder (`None`: failed),
/// and what rendering them reported.
struct Rendered {
    format: Format,
    key: String,
    files: Vec<(PathBuf, Option<Vec<u8>>)>,
    /// The diagnostics rendering added to the page's.
    told: Vec<Diagnostic>,
    /// Characters no font could draw.
    missing_glyphs: Vec<MissingGlyphs>,
    /// Project files the PDF templates read (images), under the root.
    reads: Vec<String>,
}

/// Every this many jobs, Typst's memoization cache drops what the last
/// `TYPST_CACHE_AGE` rounds did not use, so a long build's memory stays
/// bounded (without it, 240 handouts peaked 30 % higher). Evicting after
/// every job cost about 5 % of the build's time.
const EVICT_EVERY: usize = 8;
const TYPST_CACHE_AGE: usize = 2;

/// Resolves one document in one locale, renders each format whose inputs
/// changed since the last build (and tells again what the others
/// reported), writes the files and the job's record.
pub(super) fn run(context: &Context, locale: &Locale, skeleton: &Skeleton) -> JobOutput {
    let project = context.project;
    let mut page = project
        .messages()
        .page(locale, skeleton, context.options.strict);
    let old = previous_record(context, locale, skeleton);
    let mut output = JobOutput {
        printed: lint::printed_vars(&page),
        ..JobOutput::default()
    };
    let content = content_key(context, &page, skeleton);
    let mut rendered = Vec::new();
    for &format in context.formats {
        let key = context.keys.key(format, &content);
        if !replay_fresh(
            context,
            &mut page,
            skeleton,
            &old,
            format,
            &key,
            &mut output,
        ) {
            rendered.push(render(context, skeleton, &mut page, format, key));
        }
    }
    evict_typst_cache(context, &rendered);
    let mut record = old.clone();
    for rendered in rendered {
        match write(
            context,
            locale,
            skeleton,
            &page,
            &old,
            &rendered,
            &mut output,
        ) {
            Ok(entry) => record.set(rendered.format, entry),
            Err(e) => {
                output.error = Some(e);
                return output;
            }
        }
    }
    if record != old
        && let Err(e) = incremental::save(context.out_dir, &locale.tag, &skeleton.name, &record)
    {
        output.error = Some(e);
        return output;
    }
    output.diagnostics = page.resolver.diagnostics;
    output.fallbacks = page.resolver.fallbacks;
    output
}

/// What the last build recorded of this job (nothing with `--force`).
fn previous_record(context: &Context, locale: &Locale, skeleton: &Skeleton) -> Record {
    if context.options.force {
        Record::default()
    } else {
        incremental::load(context.out_dir, &locale.tag, &skeleton.name).unwrap_or_default()
    }
}

/// When a format's inputs have not changed since its record was made,
/// lists its outputs as fresh and tells again what rendering it reported;
/// says whether it did. Under `--strict` a format that reported anything
/// is rendered again, so that its files fail as on any strict build.
fn replay_fresh(
    context: &Context,
    page: &mut Page,
    skeleton: &Skeleton,
    old: &Record,
    format: Format,
    key: &str,
    output: &mut JobOutput,
) -> bool {
    let Some(entry) = old.entry(format) else {
        return false;
    };
    if page.resolver.failed
        || context.options.force
        || (context.options.strict && !entry.told.is_empty())
        || !entry.is_fresh(key, context.out_dir, &context.project.root)
    {
        return false;
    }
    let Some(told) = entry.replay(&context.project.files) else {
        return false;
    };
    page.resolver.diagnostics.extend(told);
    output
        .missing_glyphs
        .extend(entry.missing_glyphs.iter().cloned());
    for stamp in &entry.files {
        output
            .files
            .push(built_file(page.locale, skeleton, stamp, true));
    }
    true
}

/// What a job's outputs are made of: the project, the skeleton and the
/// text of every message the document shows, from whichever locale gave
/// it (and, for a card, the back's officer locale).
fn content_key(context: &Context, page: &Page, skeleton: &Skeleton) -> String {
    let project = context.project;
    let mut hasher = KeyHasher::default();
    hasher
        .add("project", context.keys.project())
        .add("locale", &page.locale.tag)
        .add("skeleton", project.files.text(skeleton.file));
    for used in &page.resolver.used {
        hasher.add("message", (&used.key, &used.locale, &used.text));
    }
    for used in &page.officer_used {
        hasher.add("officer message", (&used.key, &used.locale, &used.text));
    }
    for recorded in crate::doc::model::recordings(&page.document.blocks) {
        hasher.add(
            "recording",
            (&recorded.id, &recorded.file, recorded.duration_ms),
        );
    }
    hasher.key()
}

/// Renders one format of a resolved page: the HTML page, or every PDF of
/// every layout of the document.
fn render(
    context: &Context,
    skeleton: &Skeleton,
    page: &mut Page,
    format: Format,
    key: String,
) -> Rendered {
    let project = context.project;
    let reported = page.resolver.diagnostics.len();
    let mut reads = Vec::new();
    let mut missing_glyphs = Vec::new();
    let files = match format {
        Format::Html => {
            // With broken templates (already reported) resolving still
            // reports the content's problems.
            let html = if context.templates_ok {
                // The page links to the PDFs this build makes beside it.
                let pdfs = if context.formats.contains(&Format::Pdf) {
                    PdfKind::print_files(skeleton)
                } else {
                    Vec::new()
                };
                match crate::html::document_page(
                    &project.config,
                    page,
                    &pdfs,
                    &project.templates,
                    &project.files,
                ) {
                    Ok(html) if html.len() > crate::html::PAGE_BUDGET_BYTES => {
                        let d = page_too_big(skeleton, page, html.len())
                            .promote(context.options.strict);
                        let failed = d.is_error();
                        page.resolver.diagnostics.push(d);
                        (!failed).then(|| html.into_bytes())
                    }
                    Ok(html) => Some(html.into_bytes()),
                    Err(d) => {
                        page.resolver.diagnostics.push(d);
                        None
                    }
                }
            } else {
                None
            };
            vec![(
                PathBuf::from(&page.locale.tag).join(format!("{}.html", skeleton.name)),
                html,
            )]
        }
        Format::Pdf => match context.engine {
            Some(engine) => {
                let long = page.resolver.expanded_bytes() > LAY_OUT_ALONE_ABOVE_BYTES;
                let _shared = (!long).then(|| {
                    context
                        .layouts
                        .read()
                        .unwrap_or_else(PoisonError::into_inner)
                });
                let _alone = long.then(|| {
                    context
                        .layouts
                        .write()
                        .unwrap_or_else(PoisonError::into_inner)
                });
                let printer = Printer {
                    engine,
                    config: &project.config,
                    files: &project.files,
                    anchor: project.messages().anchor(),
                    strict: context.options.strict,
                };
                let made = printer.files(skeleton, page);
                if long {
                    // Before the next long document takes its turn.
                    crate::base::memory::release_freed();
                }
                reads = made.reads;
                missing_glyphs = made.missing_glyphs;
                made.files
                    .into_iter()
                    .map(|(kind, pdf)| {
                        let name = kind.file_name(&skeleton.name);
                        (PathBuf::from(&page.locale.tag).join(name), pdf)
                    })
                    .collect()
            }
            None => Vec::new(),
        },
        Format::Text => {
            let folder = PathBuf::from(&page.locale.tag);
            vec![
                (
                    folder.join(format!("{}.txt", skeleton.name)),
                    Some(crate::text::chat(page).into_bytes()),
                ),
                (
                    folder.join(format!("{}.sms.txt", skeleton.name)),
                    Some(crate::text::sms(page).into_bytes()),
                ),
            ]
        }
    };
    Rendered {
        format,
        key,
        files,
        told: page.resolver.diagnostics[reported..].to_vec(),
        missing_glyphs,
        reads,
    }
}

/// Lets Typst's cache forget what old jobs used, every
/// [`EVICT_EVERY`] jobs that compiled PDFs.
fn evict_typst_cache(context: &Context, rendered: &[Rendered]) {
    if context.engine.is_some() && !rendered.is_empty() {
        let compiled = context.compiled.fetch_add(1, Ordering::Relaxed) + 1;
        if compiled.is_multiple_of(EVICT_EVERY) {
            typst::comemo::evict(TYPST_CACHE_AGE);
        }
    }
}

/// Writes one format's files (or removes what an earlier build left of a
/// failed one) and says what to record of it, with the warnings rendering
/// reported, to be told again: nothing when a file failed or rendering
/// reported an error, so that it is rendered again next time.
fn write(
    context: &Context,
    locale: &Locale,
    skeleton: &Skeleton,
    page: &Page,
    old: &Record,
    rendered: &Rendered,
    output: &mut JobOutput,
) -> anyhow::Result<Option<Entry>> {
    let out_dir = context.out_dir;
    let mut stamps = Vec::new();
    let mut complete = true;
    for (relative, bytes) in &rendered.files {
        let shown = display_path(relative);
        // A failed job (an error in its skeleton, a message no locale of
        // its chain can show) fails all of its outputs; a message's own
        // error does not: the message fell back.
        match bytes.as_ref().filter(|_| !page.resolver.failed) {
            Some(bytes) => {
                output::write_output(out_dir, relative, bytes)?;
                let stamp = incremental::stamp(out_dir, &shown, bytes);
                output
                    .files
                    .push(built_file(locale, skeleton, &stamp, false));
                stamps.push(stamp);
            }
            None => {
                complete = false;
                output::remove_stale(out_dir, relative)?;
                output.failed.push(shown);
            }
        }
    }
    // What the last build made and this one did not (a layout taken off
    // the document) goes.
    if let Some(previous) = old.entry(rendered.format) {
        for stamp in &previous.files {
            if !stamps.iter().any(|s| s.path == stamp.path) {
                output::remove_stale(out_dir, Path::new(&stamp.path))?;
            }
        }
    }
    output
        .missing_glyphs
        .extend(rendered.missing_glyphs.iter().cloned());
    let clean = complete && !rendered.told.iter().any(Diagnostic::is_error);
    Ok(clean.then(|| Entry {
        key: rendered.key.clone(),
        files: stamps,
        told: rendered
            .told
            .iter()
            .map(|d| Told::new(&context.project.files, d))
            .collect(),
        missing_glyphs: rendered.missing_glyphs.clone(),
        reads: rendered
            .reads
            .iter()
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .filter_map(|path| incremental::read(&context.project.root, path))
            .collect(),
    }))
}

/// An output as the report lists it.
fn built_file(locale: &Locale, skeleton: &Skeleton, stamp: &Stamp, fresh: bool) -> BuiltFile {
    let file_name = stamp.path.rsplit('/').next().unwrap_or(&stamp.path);
    let kind = PdfKind::ALL
        .iter()
        .find(|k| k.file_name(&skeleton.name) == file_name);
    let (layout, format) = match kind {
        Some(kind) => (Some(kind.layout_name()), Format::Pdf),
        None if file_name.ends_with(".sms.txt") => (Some("sms"), Format::Text),
        None if file_name.ends_with(".txt") => (None, Format::Text),
        None => (None, Format::Html),
    };
    BuiltFile {
        path: stamp.path.clone(),
        document: skeleton.name.clone(),
        locale: locale.tag.clone(),
        layout,
        format,
        bytes: stamp.bytes,
        sha256: stamp.sha256.clone(),
        fresh,
    }
}

/// A page over the size a phone on a slow connection should load.
fn page_too_big(skeleton: &Skeleton, page: &Page, bytes: usize) -> Diagnostic {
    Diagnostic::warning(format!(
        "the page `{}/{}.html` is {} KB, over the budget of {} KB for a phone on a slow connection",
        page.locale.tag,
        skeleton.name,
        bytes.div_ceil(1024),
        crate::html::PAGE_BUDGET_BYTES / 1024
    ))
    .code("page-size")
    .at(Span::new(skeleton.file, 0..0))
    .hint("split the document, or shorten its longest messages")
}
