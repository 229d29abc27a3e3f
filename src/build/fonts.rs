//! Each page folder's fonts (`fonts/` beside its pages): subsets of the
//! bundled fonts for the characters the pages in that folder use (see
//! [`crate::html::fonts`]), made from the facts the jobs recorded and the
//! index pages just made, not from the written pages (but for a page
//! recorded by a kyr that kept no facts, and not made again since). A folder none of
//! whose pages changed keeps its fonts; a folder left without pages loses
//! them, and a font its pages no longer need is removed.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::base::diag::{Diagnostic, Span};
use crate::base::error::Error;
use crate::base::output;
use crate::build::Context;
use crate::build::incremental;
use crate::build::index::IndexPage;
use crate::build::report::BuildReport;
use crate::html::fonts::{FONT_BUDGET_BYTES, FONTS_DIR, costliest_chars, folder_fonts};
use crate::render::Format;

/// The characters of one page, by web font family.
type PageChars = BTreeMap<String, String>;

/// Writes the fonts of every page folder whose pages changed.
pub(super) fn write(
    context: &Context,
    index: &[IndexPage],
    report: &mut BuildReport,
) -> Result<(), Error> {
    if !context.formats.iter().any(|f| f.format() == Format::Html) {
        return Ok(());
    }
    let out_dir = context.out_dir;
    let mut todo = Vec::new();
    for folder in folders(context) {
        let known = is_known(context, &folder);
        let has_fonts = out_dir.join(&folder).join(FONTS_DIR).is_dir();
        if known && has_fonts && !touched(report, &out_dir.join(&folder)) {
            continue;
        }
        let pages = page_chars(context, &folder, index);
        todo.push((folder.join(FONTS_DIR), pages));
    }
    // Subsetting is the slow part: the folders side by side.
    type Made = (PathBuf, Result<Vec<(String, Vec<u8>)>, String>);
    let made: Vec<Made> = {
        use rayon::prelude::*;
        todo.into_par_iter()
            .map(|(fonts_dir, pages)| (fonts_dir, folder_fonts(&pages)))
            .collect()
    };
    for (fonts_dir, fonts) in made {
        let fonts = fonts.map_err(|e| {
            Error::Failed(anyhow::anyhow!(
                "cannot make the fonts of `{}`: {e}",
                fonts_dir.display()
            ))
        })?;
        replace_fonts(out_dir, &fonts_dir, &fonts, report)?;
    }
    // Told on every build, changed or not, like the pages' own warnings.
    let over: Vec<Diagnostic> = folders(context)
        .iter()
        .filter(|folder| is_known(context, folder))
        .filter_map(|folder| over_budget(context, folder, index))
        .collect();
    report.add_diagnostics(over, context.options.strict);
    Ok(())
}

/// A warning when the fonts of `folder` take more than the budget,
/// naming the characters whose glyphs cost the most.
fn over_budget(context: &Context, folder: &Path, index: &[IndexPage]) -> Option<Diagnostic> {
    let dir = context.out_dir.join(folder).join(FONTS_DIR);
    let bytes: u64 = std::fs::read_dir(&dir)
        .ok()?
        .flatten()
        .filter_map(|entry| entry.metadata().ok())
        .filter(std::fs::Metadata::is_file)
        .map(|metadata| metadata.len())
        .sum();
    if bytes <= FONT_BUDGET_BYTES {
        return None;
    }
    let pages = page_chars(context, folder, index);
    let named: Vec<String> = costliest_chars(&pages, 8)
        .iter()
        .map(|(c, cost)| format!("{c} (U+{:04X}, {cost} bytes)", u32::from(*c)))
        .collect();
    let tag = folder.to_string_lossy();
    let project = context.project;
    let config = project.files.text(project.config_file);
    let at = config.find(&format!("[locales.{tag}]")).unwrap_or(0);
    let shown = crate::base::diag::display_path(&folder.join(FONTS_DIR));
    Some(
        Diagnostic::warning(format!(
            "the fonts of `{shown}/` take {} KB, over the budget of {} KB for a phone on a slow connection",
            bytes.div_ceil(1024),
            FONT_BUDGET_BYTES / 1024
        ))
        .code("font-size")
        .at(Span::new(project.config_file, at..at))
        .hint(format!("the characters whose glyphs cost the most: {}", named.join(", ")))
        .hint("every script a page uses brings its own font, and rare characters (symbols, emoji, letters of another alphabet) their glyphs: keep the pages of a language to the characters its readers need"),
    )
}

/// The page folders: the site's, the lists of languages', each
/// configured locale's, and the folder of a locale no longer configured
/// that still has kyr's fonts.
fn folders(context: &Context) -> Vec<PathBuf> {
    let mut folders = vec![
        PathBuf::new(),
        PathBuf::from(crate::html::LANGUAGE_LISTS_DIR),
    ];
    folders.extend(context.project.config.locales.keys().map(PathBuf::from));
    for entry in std::fs::read_dir(context.out_dir)
        .into_iter()
        .flatten()
        .flatten()
    {
        let name = PathBuf::from(entry.file_name());
        if !folders.contains(&name) && entry.path().join(FONTS_DIR).is_dir() {
            folders.push(name);
        }
    }
    folders
}

/// Whether kyr writes pages in `folder` for this project.
fn is_known(context: &Context, folder: &Path) -> bool {
    folder.as_os_str().is_empty()
        || folder == Path::new(crate::html::LANGUAGE_LISTS_DIR)
        || context
            .project
            .config
            .locales
            .contains_key(&*folder.to_string_lossy())
}

/// Whether this build wrote, removed or failed a page directly in `dir`.
fn touched(report: &BuildReport, dir: &Path) -> bool {
    let is_page_in_dir =
        |p: &Path| p.parent() == Some(dir) && p.extension().is_some_and(|e| e == "html");
    let out_dir = &report.out_dir;
    report.written.iter().any(|p| is_page_in_dir(p))
        || report
            .removed
            .iter()
            .chain(&report.failed)
            .any(|relative| is_page_in_dir(&out_dir.join(relative)))
}

/// The characters of every page of `folder`: its documents' pages, as
/// their jobs recorded them, and the index pages in it.
fn page_chars(context: &Context, folder: &Path, index: &[IndexPage]) -> Vec<PageChars> {
    let mut pages: Vec<PageChars> = index
        .iter()
        .filter(|page| Path::new(&page.path).parent() == Some(folder))
        .map(|page| page.chars.clone())
        .collect();
    let tag = folder.to_string_lossy();
    if tag.is_empty() || !is_known(context, folder) {
        return pages;
    }
    for (_, record) in incremental::locale_records(context.out_dir, &tag) {
        let Some(entry) = record.entry(Format::Html) else {
            continue;
        };
        if !entry.facts_known {
            pages.extend(entry.files.iter().filter_map(|stamp| {
                let html = std::fs::read_to_string(context.out_dir.join(&stamp.path)).ok()?;
                Some(crate::html::fonts::page_chars(&html))
            }));
        } else if !entry.files.is_empty() {
            pages.push(entry.facts.chars.clone());
        }
    }
    pages
}

/// Writes a folder's fonts (those that changed), removes the fonts of an
/// earlier build its pages no longer need, and the folders left empty.
fn replace_fonts(
    out_dir: &Path,
    fonts_dir: &Path,
    fonts: &[(String, Vec<u8>)],
    report: &mut BuildReport,
) -> Result<(), Error> {
    for (name, bytes) in fonts {
        let relative = fonts_dir.join(name);
        let path = out_dir.join(&relative);
        if std::fs::read(&path).is_ok_and(|old| old == *bytes) {
            continue;
        }
        output::write_output(out_dir, &relative, bytes)?;
        report.written.push(path);
    }
    // Only names kyr gives its own fonts are looked at.
    let ours = |name: &str| {
        name.strip_suffix(".woff2")
            .is_some_and(|stem| crate::base::fonts::bundled(&format!("{stem}.ttf")).is_some())
    };
    let needed = |name: &str| fonts.iter().any(|(n, _)| n == name);
    super::remove_unneeded(out_dir, fonts_dir, ours, needed, report)?;
    output::remove_empty_dir(out_dir, fonts_dir)?;
    // A locale's folder left empty goes too.
    if let Some(folder) = fonts_dir.parent().filter(|f| !f.as_os_str().is_empty()) {
        output::remove_empty_dir(out_dir, folder)?;
    }
    Ok(())
}
