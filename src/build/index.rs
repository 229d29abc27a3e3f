//! The index pages a build writes after its jobs: `index.html` and, for
//! many languages, each language's own index and the lists of languages.
//! Only the pages that changed are written, so an unchanged build writes
//! nothing; those an earlier build made that this one does not are
//! removed.

use std::collections::BTreeMap;
use std::path::Path;

use crate::base::diag::{Diagnostic, Strict};
use crate::base::error::Error;
use crate::base::output;
use crate::build::Context;
use crate::build::incremental;
use crate::build::report::{BuildReport, BuiltFile};
use crate::config::Locale;
use crate::doc::Skeleton;
use crate::project::Project;
use crate::render::Format;

/// An index page written (or left as it was), with the characters its
/// text uses by web font family (the fact its folder's fonts need).
pub(super) struct IndexPage {
    /// Path under the output folder, with `/`.
    pub(super) path: String,
    /// What [`crate::html::fonts::page_chars`] gives for it.
    pub(super) chars: BTreeMap<String, String>,
}

/// Makes the index pages (`index.html`, and for many languages the pages
/// it is split into), giving each to `page` with its path as it is made,
/// for the pages that `exists` (`fr/door.html`: from this build, an
/// earlier one, or the shards being merged); false when they could not
/// be made (said in `diagnostics`).
pub(crate) fn index_pages(
    project: &Project,
    exists: &dyn Fn(&str) -> bool,
    strict: Strict,
    diagnostics: &mut Vec<Diagnostic>,
    page: &mut dyn FnMut(String, String),
) -> bool {
    let Some(texts) = project.messages().index(exists, strict, diagnostics) else {
        return false;
    };
    // The PDF files each document has in each locale, as built, each with
    // the interface text that says how to print it.
    let pdfs = |locale: &Locale, skeleton: &Skeleton| {
        crate::pdf::outputs(skeleton, locale)
            .into_iter()
            .filter(|planned| exists(&planned.path))
            .filter_map(|planned| {
                let how = crate::html::how_to_print(planned.layout?)?;
                let name = planned.path.rsplit('/').next()?.to_owned();
                Some((name, how))
            })
            .collect()
    };
    crate::html::index_pages(
        &project.config,
        &texts,
        (&project.skeletons, &pdfs),
        (&project.templates, &project.files),
        page,
    )
    .map_err(|d| diagnostics.push(d))
    .is_ok()
}

/// Writes the index pages that changed, each as soon as it is made, and
/// removes those an earlier build made that this one does not (the
/// project has fewer languages now); returns the pages with their
/// characters.
pub(super) fn write(context: &Context, report: &mut BuildReport) -> Result<Vec<IndexPage>, Error> {
    let out_dir = context.out_dir;
    if !context.project.templates.is_usable() {
        report.failed.push("index.html".into());
        return Ok(Vec::new());
    }
    let exists = |file: &str| out_dir.join(file).is_file();
    let old = incremental::load_index(out_dir);
    let mut stamps = Vec::new();
    let mut written = Vec::new();
    let mut error = None;
    let mut too_big = Vec::new();
    let mut page = |relative: String, html: String| {
        if error.is_some() {
            return;
        }
        if html.len() > crate::html::PAGE_BUDGET_BYTES {
            let d = index_too_big(context.project, &relative, html.len());
            too_big.push(d.promote(context.options.strict));
        }
        match write_page(out_dir, &old, &relative, &html, report) {
            Ok(stamp) => stamps.push(stamp),
            Err(e) => error = Some(e),
        }
        written.push(IndexPage {
            chars: crate::html::fonts::page_chars(&html),
            path: relative,
        });
    };
    let mut diagnostics = Vec::new();
    let made = index_pages(
        context.project,
        &exists,
        context.options.strict,
        &mut diagnostics,
        &mut page,
    );
    report.diagnostics.extend(diagnostics);
    report.diagnostics.extend(too_big);
    if let Some(error) = error {
        return Err(error);
    }
    if !made {
        report.failed.push("index.html".into());
        return Ok(Vec::new());
    }
    remove_old_index_pages(context, &written, report)?;
    incremental::save_index(out_dir, &old, &stamps)?;
    Ok(written)
}

/// Writes one index page unless the last build wrote the same and it is
/// still as written (told by its stamp, without reading it), and lists it.
fn write_page(
    out_dir: &Path,
    old: &[incremental::Stamp],
    relative: &str,
    html: &str,
    report: &mut BuildReport,
) -> Result<incremental::Stamp, Error> {
    let sha256 = incremental::sha256(html.as_bytes());
    let unchanged = old
        .iter()
        .find(|stamp| stamp.path == relative)
        .filter(|stamp| {
            stamp.sha256 == sha256 && stamp.bytes == html.len() as u64 && stamp.is_current(out_dir)
        });
    let stamp = match unchanged {
        Some(stamp) => stamp.clone(),
        None => {
            output::write_output(out_dir, Path::new(relative), html.as_bytes())?;
            report.written.push(out_dir.join(relative));
            incremental::stamp(out_dir, relative, html.as_bytes())
        }
    };
    report.files.push(BuiltFile {
        path: relative.to_owned(),
        document: String::new(),
        locale: String::new(),
        layout: None,
        format: Format::Html,
        bytes: html.len() as u64,
        sha256,
        fresh: unchanged.is_some(),
    });
    Ok(stamp)
}

/// An index page over the size a phone on a slow connection should load.
fn index_too_big(project: &Project, relative: &str, bytes: usize) -> Diagnostic {
    Diagnostic::warning(format!(
        "the index page `{relative}` is {} KB, over the budget of {} KB for a phone on a slow connection",
        bytes.div_ceil(1024),
        crate::html::PAGE_BUDGET_BYTES / 1024
    ))
    .code("page-size")
    .at(project.messages().anchor())
    .hint("shorten the documents' titles")
}

/// Removes the index pages of an earlier build that this one did not
/// make: each locale's `index.html` and the lists of languages. Only
/// those names, in kyr's own folders, are looked at.
fn remove_old_index_pages(
    context: &Context,
    pages: &[IndexPage],
    report: &mut BuildReport,
) -> Result<(), Error> {
    let out_dir = context.out_dir;
    let made: std::collections::HashSet<&str> = pages.iter().map(|p| p.path.as_str()).collect();
    let made = |relative: &str| made.contains(relative);
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
