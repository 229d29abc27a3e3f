//! COMPILE: generated Typst input -> laid-out pages -> PDF bytes, with the
//! typst crates in this process. An [`Engine`] holds what every compile
//! of a build shares (library, fonts, templates, build time); [`compile`]
//! runs one document and [`export`] writes laid-out pages as PDF (the
//! booklet's imposed sheets too). Typst's errors become kyr diagnostics
//! that point at the template line or back at the document and message.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock, Mutex};

use typst::diag::{Severity as TypstSeverity, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Smart};
use typst::syntax::{DiagSpan, FileId, Source};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, WorldExt};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, Timestamp};

use crate::base::diag::{self, Diagnostic, Files, Span};
use crate::config::Limits;
use crate::pdf::catalog::{self, About};
use crate::pdf::checks::{Scan, scan};
use crate::pdf::fonts::FontSet;
use crate::pdf::input::TypstInput;
use crate::pdf::runs;
use crate::pdf::world::{KyrWorld, MAIN_PATH, TEMPLATE_DIR, file_id};

/// The layouts kyr ships, built in so a project needs no template of its
/// own. A project's `templates/pdf/<name>` replaces the built-in file.
pub(crate) const BUILTIN_TEMPLATES: &[(&str, &str)] = &[
    ("kyr.typ", include_str!("../../templates/pdf/kyr.typ")),
    (
        "handout.typ",
        include_str!("../../templates/pdf/handout.typ"),
    ),
    ("card.typ", include_str!("../../templates/pdf/card.typ")),
    (
        "booklet.typ",
        include_str!("../../templates/pdf/booklet.typ"),
    ),
];

static LIBRARY: LazyLock<LazyHash<Library>> = LazyLock::new(|| LazyHash::new(Library::default()));

/// A PDF template: the built-in text or the project's file.
struct Template {
    source: Source,
    /// The project's file, for diagnostics; `None` when built in.
    file: Option<diag::FileId>,
    name: String,
}

/// After laying out more pages than this, or from a data file larger than
/// this (in bytes: a document of about 32 KB of text, six times the
/// largest shipped one), Typst's cache is emptied.
const FORGET_AFTER_PAGES: usize = 24;
const FORGET_ABOVE_DATA_BYTES: usize = 64 * 1024;

/// What every compile of a build shares.
pub(crate) struct Engine {
    fonts: FontSet,
    templates: HashMap<FileId, Template>,
    sources: HashMap<FileId, Source>,
    root: PathBuf,
    now: time::OffsetDateTime,
    max_image_bytes: u64,
    /// The most pages one PDF may have.
    max_pages: usize,
}

impl Engine {
    /// Prepares the templates (the project's `templates/pdf/*.typ` over
    /// the built-in ones) and fonts (bundled, then the project's).
    /// `epoch` is the build time in seconds (see [`parse_epoch`]).
    pub(crate) fn new(
        root: &Path,
        templates: &[(String, diag::FileId)],
        project_fonts: &[(String, Vec<u8>)],
        files: &Files,
        epoch: i64,
        diags: &mut Vec<Diagnostic>,
    ) -> Engine {
        let mut map = HashMap::new();
        for (name, text) in BUILTIN_TEMPLATES {
            let id = file_id(&format!("{TEMPLATE_DIR}{name}"));
            map.insert(
                id,
                Template {
                    source: Source::new(id, (*text).to_owned()),
                    file: None,
                    name: (*name).to_owned(),
                },
            );
        }
        for (name, file) in templates {
            let id = file_id(&format!("{TEMPLATE_DIR}{name}"));
            map.insert(
                id,
                Template {
                    source: Source::new(id, files.text(*file).to_owned()),
                    file: Some(*file),
                    name: name.clone(),
                },
            );
        }
        let (fonts, unreadable) = FontSet::with_project_fonts(project_fonts);
        for name in unreadable {
            diags.push(
                Diagnostic::warning(format!(
                    "`templates/fonts/{name}` holds no font kyr can read"
                ))
                .hint("use TrueType or OpenType files (.ttf, .otf, .ttc)"),
            );
        }
        let sources = map.iter().map(|(id, t)| (*id, t.source.clone())).collect();
        let now = time::OffsetDateTime::from_unix_timestamp(epoch)
            .unwrap_or(time::OffsetDateTime::UNIX_EPOCH);
        Engine {
            fonts,
            templates: map,
            sources,
            root: root.canonicalize().unwrap_or_else(|_| root.to_path_buf()),
            now,
            max_image_bytes: Limits::default().max_binary_bytes,
            max_pages: Limits::default().max_pages,
        }
    }

    /// Refuses images larger than `max_binary_bytes` and documents of
    /// more than `max_pages` pages.
    pub(crate) fn with_limits(mut self, limits: &Limits) -> Engine {
        self.max_image_bytes = limits.max_binary_bytes;
        self.max_pages = limits.max_pages;
        self
    }

    /// The fonts in use.
    pub(crate) fn fonts(&self) -> &FontSet {
        &self.fonts
    }
}

/// Metadata of one PDF.
pub(crate) struct PdfMeta<'a> {
    /// A stable identifier (document, locale, layout).
    pub ident: &'a str,
    /// Its reader's language and page direction, for its catalog.
    pub about: About<'a>,
    /// Where a problem of the whole PDF is reported (its skeleton).
    pub at: Span,
}

/// A compiled document.
pub struct Compiled {
    /// The PDF file.
    pub pdf: Vec<u8>,
    /// The laid-out pages.
    pub document: PagedDocument,
    /// What the checks read of its frames (characters drawn as boxes,
    /// text outside its box, the smallest card text), found in one walk.
    pub scan: Scan,
    /// Typst's warnings.
    pub warnings: Vec<Diagnostic>,
    /// Every file Typst asked for.
    pub requests: Vec<String>,
}

/// A failed compile: its errors and warnings.
pub struct Failed {
    /// Errors and warnings.
    pub diagnostics: Vec<Diagnostic>,
    /// Every file Typst asked for.
    pub requests: Vec<String>,
}

/// Compiles and exports one document.
pub(crate) fn compile(
    engine: &Engine,
    input: &TypstInput,
    meta: &PdfMeta,
) -> Result<Compiled, Failed> {
    let requests = Arc::new(Mutex::new(Vec::new()));
    let main_id = file_id(MAIN_PATH);
    let world = KyrWorld {
        library: &LIBRARY,
        fonts: &engine.fonts,
        templates: &engine.sources,
        root: &engine.root,
        main: Source::new(main_id, input.main.clone()),
        data: Bytes::new(input.data.clone()),
        now: engine.now,
        max_image_bytes: engine.max_image_bytes,
        requests: requests.clone(),
    };
    let taken = |r: &Arc<Mutex<Vec<String>>>| r.lock().map(|v| v.clone()).unwrap_or_default();

    let warned = typst::compile::<PagedDocument>(&world);
    let mut warnings: Vec<Diagnostic> = warned
        .warnings
        .iter()
        .map(|d| convert(engine, &world, input, d))
        .collect();
    let document = match warned.output {
        Ok(document) => document,
        Err(errors) => {
            warnings.extend(errors.iter().map(|d| convert(engine, &world, input, d)));
            return Err(Failed {
                diagnostics: warnings,
                requests: taken(&requests),
            });
        }
    };

    // Counted once laid out, before the pages are written out.
    let pages = document.pages().len();
    if pages > engine.max_pages {
        warnings.push(too_many_pages(pages, false, engine.max_pages, meta));
        return Err(Failed {
            diagnostics: warnings,
            requests: taken(&requests),
        });
    }

    let pdf = match export(engine, &document, meta, Export::Reading) {
        Ok(pdf) => pdf,
        Err(errors) => {
            warnings.extend(errors.iter().map(|d| convert(engine, &world, input, d)));
            return Err(Failed {
                diagnostics: warnings,
                requests: taken(&requests),
            });
        }
    };
    let scan = scan(&document);
    // A long document leaves Typst's cache holding what only it used
    // (its paragraphs, laid out, hundreds of MB near the limits):
    // forgotten at once, so that a job's handout and booklet, and the
    // next job, do not add up.
    if input.data.len() > FORGET_ABOVE_DATA_BYTES || document.pages().len() > FORGET_AFTER_PAGES {
        typst::comemo::evict(0);
    }
    Ok(Compiled {
        pdf,
        document,
        scan,
        warnings,
        requests: taken(&requests),
    })
}

/// The error for a PDF of `pages` pages, over the limit `max`.
/// `at_least`: counted before layout, as the fewest it can take.
pub(crate) fn too_many_pages(
    pages: usize,
    at_least: bool,
    max: usize,
    meta: &PdfMeta,
) -> Diagnostic {
    let pages = if at_least {
        format!("at least {pages}")
    } else {
        pages.to_string()
    };
    // The identifier is `kyr/<document>/<locale>/<layout>`.
    let what = match meta.ident.split('/').collect::<Vec<_>>()[..] {
        [_, document, locale, layout] => {
            format!("the {layout} of `{document}` in locale `{locale}`")
        }
        _ => format!("`{}`", meta.ident),
    };
    Diagnostic::error(format!(
        "{what} would have {pages} pages, more than `max_pages` ({max})"
    ))
    .code("limit")
    .at(meta.at.clone())
    .hint("split the document, or raise `max_pages` under `[limits]` in kyr.toml")
}

/// What a PDF is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Export {
    /// To be read: dated.
    Reading,
    /// For a printer (a booklet's imposed sheets): undated, tagged as
    /// text only (the sheets hold pages out of order; the booklet itself
    /// is the tagged reading copy with its headings and lists).
    Printing,
}

/// Writes laid-out pages as PDF, tagged, with what Typst cannot say
/// about the file added to its catalog ([`catalog::describe`]).
pub(crate) fn export(
    engine: &Engine,
    document: &PagedDocument,
    meta: &PdfMeta,
    export: Export,
) -> typst::diag::SourceResult<Vec<u8>> {
    let options = PdfOptions {
        ident: Smart::Custom(meta.ident.to_owned()),
        creator: Smart::Custom(Some(format!("kyr {}", env!("CARGO_PKG_VERSION")))),
        timestamp: match export {
            Export::Reading => timestamp(engine.now),
            Export::Printing => None,
        },
        tagged: true,
        ..PdfOptions::default()
    };
    let pdf = typst_pdf::pdf(&runs::joined(document), &options)?;
    match catalog::describe(pdf, &meta.about) {
        Ok(pdf) => Ok(pdf),
        Err(message) => typst::diag::bail!(
            typst::syntax::Span::detached(),
            "the PDF's catalog could not be completed: {message}"
        ),
    }
}

fn timestamp(now: time::OffsetDateTime) -> Option<Timestamp> {
    let datetime = Datetime::from_ymd_hms(
        now.year(),
        now.month() as u8,
        now.day(),
        now.hour(),
        now.minute(),
        now.second(),
    )?;
    Some(Timestamp::new_utc(datetime))
}

/// A Typst diagnostic as a kyr diagnostic: in a template, at its line; in
/// the generated main source, at the skeleton block and message it shows.
fn convert(
    engine: &Engine,
    world: &KyrWorld,
    input: &TypstInput,
    d: &SourceDiagnostic,
) -> Diagnostic {
    let mut out = match d.severity {
        TypstSeverity::Error => Diagnostic::error(diag::lowercase_message(&d.message)),
        TypstSeverity::Warning => Diagnostic::warning(diag::lowercase_message(&d.message)),
    }
    .code("typst");
    let mut places = vec![d.span];
    // The call chain, innermost first: a template error met while
    // typesetting one section also names the message it was showing.
    places.extend(d.trace.iter().map(|point| DiagSpan::from(point.span)));
    for span in places {
        let Some(id) = span.id() else { continue };
        let range = world.range(span).unwrap_or(0..0);
        if let Some(template) = engine.templates.get(&id) {
            match template.file {
                Some(file) if out.span.is_none() => {
                    out.span = Some(diag::Span::new(file, range));
                }
                _ => {
                    let (line, col) = diag::line_col(template.source.text(), range.start);
                    let whose = if template.file.is_some() {
                        ""
                    } else {
                        "kyr's built-in "
                    };
                    out.hints.push(format!(
                        "at {whose}`templates/pdf/{}:{line}:{col}`",
                        template.name
                    ));
                }
            }
        } else if id == file_id(MAIN_PATH) {
            let origin = input
                .sections
                .iter()
                .find(|(r, _)| r.start <= range.start && range.start <= r.end)
                .map(|(_, origin)| origin);
            match origin {
                Some(origin) => {
                    if out.span.is_none() {
                        out.span = Some(origin.span.clone());
                    }
                    out.hints.push(match &origin.message {
                        Some(message) => format!("while typesetting message `{message}`"),
                        None => "while typesetting this part of the document".to_owned(),
                    });
                }
                None => out
                    .hints
                    .push("in the source kyr generates for the layout's template".to_owned()),
            }
            // The main source is the outermost caller.
            break;
        }
    }
    out.hints
        .extend(d.hints.iter().map(|hint| hint.v.to_string()));
    out
}
