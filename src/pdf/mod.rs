//! RENDER PDF: the PDFs of a resolved page, behind the output contract
//! ([`PdfFormat`]). Which files each layout makes (`handout`: `<doc>.pdf`;
//! `card`: `<doc>.card.pdf` and `<doc>.card-sheet.pdf`; `booklet`:
//! `<doc>.booklet.pdf` and `<doc>.booklet-print.pdf`), the data each
//! template reads, the compile, the checks on what was laid out, and the
//! memory a long build may take. Printing lays out only what the resolve
//! stage gave it.
//!
//! - [`layout`]: the files of each layout, checked before and after
//!   layout;
//! - [`data`]: the typed contract with the templates ([`breaks`]: break
//!   points for runs that have none); [`input`]: the data file and main
//!   source of one compile, and the QR code;
//! - [`engine`] ([`world`], [`fonts`]): Typst in this process;
//! - [`catalog`]: what the PDF file says about itself that Typst cannot
//!   (the full language tag, the page direction, the title shown);
//! - [`geometry`], [`impose`], [`qr`]: card sizes and sheets, booklet
//!   order, QR codes; [`checks`]: missing glyphs, text past an edge,
//!   small card text.

mod breaks;
pub(crate) mod catalog;
pub(crate) mod checks;
pub(crate) mod data;
pub(crate) mod engine;
pub(crate) mod fonts;
pub(crate) mod geometry;
pub(crate) mod impose;
pub(crate) mod input;
mod layout;
pub(crate) use layout::{card_too_full, qr_for};
pub(crate) mod qr;
mod runs;
pub(crate) mod world;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{PoisonError, RwLock};

use crate::base::diag::{Files, Span, Strict};
use crate::config::{Config, Locale};
use crate::doc::Skeleton;
use crate::i18n::page::Page;
use crate::pdf::engine::Engine;
pub(crate) use crate::pdf::layout::PdfKind;
use crate::pdf::layout::{Laid, Printer};
use crate::render::{Facts, Format, OutputFormat, Planned, Rendered};

/// The files `skeleton` is made into in `locale`, layout by layout.
pub(crate) fn outputs(skeleton: &Skeleton, locale: &Locale) -> Vec<Planned> {
    skeleton
        .front
        .layouts
        .iter()
        .flat_map(|layout| PdfKind::of(*layout))
        .map(|kind| planned(*kind, skeleton, locale))
        .collect()
}

fn planned(kind: PdfKind, skeleton: &Skeleton, locale: &Locale) -> Planned {
    Planned::new(
        locale,
        &kind.file_name(&skeleton.name),
        Format::Pdf,
        Some(kind.layout_name()),
    )
}

/// A document that expands to more text than this is laid out alone:
/// near the limits, one layout takes several hundred MB, and two side by
/// side would add up (the largest shipped document is 5.3 KB).
const LAY_OUT_ALONE_ABOVE_BYTES: u64 = 32 * 1024;

/// Every this many pages laid out, Typst's memoization cache drops what
/// the last `TYPST_CACHE_AGE` rounds did not use, so a long build's memory
/// stays bounded (without it, 240 handouts peaked 30 % higher). Evicting
/// after every page cost about 5 % of the build's time; every 4 pages
/// rather than 8, 918 handouts peak at 137 MB instead of 167 MB for the
/// same CPU (BENCHMARKS.md).
const EVICT_EVERY: usize = 4;
const TYPST_CACHE_AGE: usize = 2;

/// The PDF back end: every file of every layout of a page, laid out by
/// Typst in this process. It keeps a build's memory bounded: pages run
/// side by side, but a long document is laid out alone and gives back
/// what it freed, and Typst's cache is trimmed as pages go.
pub(crate) struct PdfFormat<'a> {
    printer: Printer<'a>,
    /// Taken to lay out a page: shared, or alone for a long document.
    layouts: RwLock<()>,
    /// Pages laid out so far.
    laid_out: AtomicUsize,
}

impl<'a> PdfFormat<'a> {
    /// The back end for a build: `engine` (Typst, fonts, templates), the
    /// configuration, the sources diagnostics point into, `anchor` for
    /// problems with no place of their own (`kyr.toml`), `--strict`.
    pub(crate) fn new(
        engine: &'a Engine,
        config: &'a Config,
        files: &'a Files,
        anchor: Span,
        strict: Strict,
    ) -> Self {
        PdfFormat {
            printer: Printer {
                engine,
                config,
                files,
                anchor,
                strict,
            },
            layouts: RwLock::new(()),
            laid_out: AtomicUsize::new(0),
        }
    }

    /// Lays out every layout of a page, then tells the characters no font
    /// could draw once for the whole page: a warning per message that
    /// holds some, which fails the files showing them under `--strict`.
    fn print(&self, skeleton: &Skeleton, page: &Page) -> Rendered {
        let mut laid = Laid {
            failed: page.resolver.failed,
            ..Laid::default()
        };
        let mut files = Vec::new();
        for layout in &skeleton.front.layouts {
            files.extend(
                self.printer
                    .layout_files(skeleton, page, *layout, &mut laid),
            );
        }
        let mut facts = Facts::default();
        if !laid.missing.is_empty() {
            let printer = &self.printer;
            let (diagnostics, found) = checks::missing_glyph(
                printer.files,
                &printer.anchor,
                skeleton,
                page,
                &laid.missing,
            );
            let mut failed = false;
            for d in diagnostics {
                let d = d.promote(printer.strict);
                failed |= d.is_error();
                laid.diagnostics.push(d);
            }
            if failed {
                for (kind, pdf) in &mut files {
                    if laid.boxed.contains(kind) {
                        *pdf = None;
                    }
                }
            }
            facts.missing_glyphs = found;
        }
        facts.reads = laid.reads;
        Rendered {
            files: files
                .into_iter()
                .map(|(kind, pdf)| (planned(kind, skeleton, page.locale), pdf))
                .collect(),
            diagnostics: laid.diagnostics,
            page_failed: laid.failed,
            facts,
        }
    }

    /// Lets Typst's cache forget what old pages used, every
    /// [`EVICT_EVERY`] pages laid out.
    fn evict_typst_cache(&self) {
        let laid_out = self.laid_out.fetch_add(1, Ordering::Relaxed) + 1;
        if laid_out.is_multiple_of(EVICT_EVERY) {
            typst::comemo::evict(TYPST_CACHE_AGE);
        }
    }
}

impl OutputFormat for PdfFormat<'_> {
    fn format(&self) -> Format {
        Format::Pdf
    }

    fn outputs(&self, skeleton: &Skeleton, locale: &Locale) -> Vec<Planned> {
        outputs(skeleton, locale)
    }

    fn render(&self, skeleton: &Skeleton, page: &Page) -> Rendered {
        let long = page.resolver.expanded_bytes() > LAY_OUT_ALONE_ABOVE_BYTES;
        let rendered = {
            let _shared =
                (!long).then(|| self.layouts.read().unwrap_or_else(PoisonError::into_inner));
            let _alone = long.then(|| self.layouts.write().unwrap_or_else(PoisonError::into_inner));
            let rendered = self.print(skeleton, page);
            if long {
                // Before the next long document takes its turn.
                crate::base::memory::release_freed();
            }
            rendered
        };
        self.evict_typst_cache();
        rendered
    }
}
