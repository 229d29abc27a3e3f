//! One job: a document in a locale. [`run`] reads as its stages: resolve
//! -> for each format, tell again what it reported if its inputs have not
//! changed since the last build, else render it -> write -> record. The
//! formats are the back ends behind the output contract
//! ([`crate::render`]); this module knows none of them.

use std::collections::BTreeSet;
use std::path::Path;

use crate::base::diag::{Diagnostic, display_path};
use crate::base::output;
use crate::build::incremental::SharedKeys;
use crate::build::incremental::{self, Entry, KeyHasher, Record, Told};
use crate::build::options::BuildOptions;
use crate::build::report::{BuiltFile, JobOutput};
use crate::config::Locale;
use crate::doc::Skeleton;
use crate::i18n::lint;
use crate::i18n::page::Page;
use crate::project::Project;
use crate::render::{OutputFormat, Planned, Rendered};

/// What every job of a build shares.
pub(super) struct Context<'a> {
    pub(super) project: &'a Project,
    pub(super) options: &'a BuildOptions,
    /// The formats to build, HTML first.
    pub(super) formats: &'a [&'a dyn OutputFormat],
    pub(super) out_dir: &'a Path,
    pub(super) keys: SharedKeys,
}

/// A format rendered by this job, with the key of its inputs.
struct Made<'f> {
    format: &'f dyn OutputFormat,
    key: String,
    rendered: Rendered,
}

/// Resolves one document in one locale, renders each format whose inputs
/// changed since the last build (and tells again what the others
/// reported), writes the files and the job's record.
pub(super) fn run(context: &Context, locale: &Locale, skeleton: &Skeleton) -> JobOutput {
    let page = context
        .project
        .messages()
        .page(locale, skeleton, context.options.strict);
    let old = previous_record(context, locale, skeleton);
    let mut output = JobOutput {
        printed: lint::printed_vars(&page),
        ..JobOutput::default()
    };
    let content = content_key(context, &page, skeleton);
    // What rendering (now or when it was recorded) reported, after what
    // resolving did; and whether the page may be written at all.
    let mut told = Vec::new();
    let mut failed = page.resolver.failed;
    let mut made = Vec::new();
    for &format in context.formats {
        let key = context.keys.key(format.format(), &content);
        if !failed
            && replay_fresh(
                context,
                skeleton,
                locale,
                &old,
                format,
                &key,
                &mut told,
                &mut output,
            )
        {
            continue;
        }
        let rendered = format.render(skeleton, &page);
        failed |= rendered.page_failed;
        told.extend(rendered.diagnostics.iter().cloned());
        made.push(Made {
            format,
            key,
            rendered,
        });
    }
    if let Err(e) = write_and_record(context, locale, skeleton, failed, &old, &made, &mut output) {
        output.error = Some(e);
        return output;
    }
    output.diagnostics = page.resolver.diagnostics;
    output.diagnostics.extend(told);
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
/// lists its outputs as fresh and tells again what rendering it reported
/// (into `told`); says whether it did. Under `--strict` a format that
/// reported anything is rendered again, so that its files fail as on any
/// strict build.
#[allow(clippy::too_many_arguments)]
fn replay_fresh(
    context: &Context,
    skeleton: &Skeleton,
    locale: &Locale,
    old: &Record,
    format: &dyn OutputFormat,
    key: &str,
    told: &mut Vec<Diagnostic>,
    output: &mut JobOutput,
) -> bool {
    let Some(entry) = old.entry(format.format()) else {
        return false;
    };
    // A record without the facts later passes need (from a kyr that kept
    // none) is made again, so that they are recorded.
    if context.options.force
        || !entry.facts_known
        || (context.options.strict.is_on() && !entry.told.is_empty())
        || !entry.is_fresh(key, context.out_dir, &context.project.root)
    {
        return false;
    }
    let planned = format.outputs(skeleton, locale);
    let files: Option<Vec<BuiltFile>> = entry
        .files
        .iter()
        .map(|stamp| {
            let planned = planned.iter().find(|p| p.path == stamp.path)?;
            Some(built_file(planned, skeleton, locale, stamp, true))
        })
        .collect();
    let (Some(files), Some(replayed)) = (files, entry.replay(&context.project.files)) else {
        return false;
    };
    told.extend(replayed);
    output
        .missing_glyphs
        .extend(entry.facts.missing_glyphs.iter().cloned());
    output.files.extend(files);
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

/// Writes what each rendered format made and the job's record (when it
/// changed). `failed`: the page has an error of its own, so none of its
/// files is written.
fn write_and_record(
    context: &Context,
    locale: &Locale,
    skeleton: &Skeleton,
    failed: bool,
    old: &Record,
    made: &[Made],
    output: &mut JobOutput,
) -> anyhow::Result<()> {
    let mut record = old.clone();
    for made in made {
        let entry = write(context, locale, skeleton, failed, old, made, output)?;
        record.set(made.format.format(), entry);
    }
    if record != *old {
        incremental::save(context.out_dir, &locale.tag, &skeleton.name, &record)?;
    }
    Ok(())
}

/// Writes one format's files (or removes what an earlier build left of a
/// failed one) and says what to record of it, with the warnings rendering
/// reported, to be told again: nothing when a file failed or rendering
/// reported an error, so that it is rendered again next time.
fn write(
    context: &Context,
    locale: &Locale,
    skeleton: &Skeleton,
    failed: bool,
    old: &Record,
    made: &Made,
    output: &mut JobOutput,
) -> anyhow::Result<Option<Entry>> {
    let out_dir = context.out_dir;
    let rendered = &made.rendered;
    let mut stamps = Vec::new();
    let mut complete = true;
    for (planned, bytes) in &rendered.files {
        let relative = Path::new(&planned.path);
        // A failed job (an error in its skeleton, a message no locale of
        // its chain can show) fails all of its outputs; a message's own
        // error does not: the message fell back.
        match bytes.as_ref().filter(|_| !failed) {
            Some(bytes) => {
                output::write_output(out_dir, relative, bytes)?;
                let stamp = incremental::stamp(out_dir, &planned.path, bytes);
                output
                    .files
                    .push(built_file(planned, skeleton, locale, &stamp, false));
                stamps.push(stamp);
            }
            None => {
                complete = false;
                output::remove_stale(out_dir, relative)?;
                output.failed.push(display_path(relative));
            }
        }
    }
    // What the last build made and this one did not (a layout taken off
    // the document) goes.
    if let Some(previous) = old.entry(made.format.format()) {
        for stamp in &previous.files {
            if !stamps.iter().any(|s| s.path == stamp.path) {
                output::remove_stale(out_dir, Path::new(&stamp.path))?;
            }
        }
    }
    output
        .missing_glyphs
        .extend(rendered.facts.missing_glyphs.iter().cloned());
    let clean = complete && !rendered.diagnostics.iter().any(Diagnostic::is_error);
    Ok(clean.then(|| entry(context, made, stamps)))
}

/// The record of a format written whole.
fn entry(context: &Context, made: &Made, files: Vec<incremental::Stamp>) -> Entry {
    let rendered = &made.rendered;
    let root = &context.project.root;
    Entry {
        key: made.key.clone(),
        files,
        told: rendered
            .diagnostics
            .iter()
            .map(|d| Told::new(&context.project.files, d))
            .collect(),
        reads: rendered
            .facts
            .reads
            .iter()
            .collect::<BTreeSet<_>>()
            .into_iter()
            .filter_map(|path| incremental::read(root, path))
            .collect(),
        facts: rendered.facts.clone(),
        facts_known: true,
    }
}

/// An output as the report lists it.
fn built_file(
    planned: &Planned,
    skeleton: &Skeleton,
    locale: &Locale,
    stamp: &incremental::Stamp,
    fresh: bool,
) -> BuiltFile {
    BuiltFile {
        path: stamp.path.clone(),
        document: skeleton.name.clone(),
        locale: locale.tag.clone(),
        layout: planned.layout,
        format: planned.format,
        bytes: stamp.bytes,
        sha256: stamp.sha256.clone(),
        fresh,
    }
}
