//! The files of each layout of a resolved page: the handout, the booklet
//! (its pages and their imposition), and the wallet card (the print
//! shop's card and the home-printing sheet). Each layout is refused before
//! it is laid out when it cannot fit (a page count over the limit, a card
//! side longer than any card holds), then compiled, then checked on its
//! laid-out frames (text past the paper or a card's edge, card text set
//! too small, characters no font could draw).

use crate::base::diag::{Diagnostic, Files, Span, Strict};
use crate::config::Config;
use crate::doc::model::{Block, Inline, Leaf, Reference, walk, walk_inlines};
use crate::doc::{Layout, Skeleton};
use crate::i18n::page::Page;
use crate::i18n::resolve::Document;
use crate::pdf::catalog::About;
use crate::pdf::data::Qr;
use crate::pdf::engine::{self, Compiled, Engine, PdfMeta};
use crate::pdf::input::{TypstInput, card_input, handout_input, ident, qr_code};
use crate::pdf::{checks, impose, world};

/// One PDF file a document is made into.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum PdfKind {
    /// A4 or Letter pages.
    Handout,
    /// One card, front and back, for a print shop.
    Card,
    /// Cards to print at home, with crop marks, backs behind fronts.
    CardSheet,
    /// A5 (or half-letter) pages in reading order.
    Booklet,
    /// The booklet's pages two to a sheet in saddle-stitch order.
    BookletPrint,
}

impl PdfKind {
    /// Every kind.
    pub(crate) const ALL: [PdfKind; 5] = [
        PdfKind::Handout,
        PdfKind::Card,
        PdfKind::CardSheet,
        PdfKind::Booklet,
        PdfKind::BookletPrint,
    ];

    /// The name manifests and reports give it.
    pub(crate) fn layout_name(self) -> &'static str {
        match self {
            PdfKind::Handout => "handout",
            PdfKind::Card => "card",
            PdfKind::CardSheet => "card-sheet",
            PdfKind::Booklet => "booklet",
            PdfKind::BookletPrint => "booklet-print",
        }
    }

    /// The file name for a document.
    pub(crate) fn file_name(self, document: &str) -> String {
        match self {
            PdfKind::Handout => format!("{document}.pdf"),
            PdfKind::Card => format!("{document}.card.pdf"),
            PdfKind::CardSheet => format!("{document}.card-sheet.pdf"),
            PdfKind::Booklet => format!("{document}.booklet.pdf"),
            PdfKind::BookletPrint => format!("{document}.booklet-print.pdf"),
        }
    }

    /// The files a layout makes.
    pub(crate) fn of(layout: Layout) -> &'static [PdfKind] {
        match layout {
            Layout::Handout => &[PdfKind::Handout],
            Layout::Card => &[PdfKind::Card, PdfKind::CardSheet],
            Layout::Booklet => &[PdfKind::Booklet, PdfKind::BookletPrint],
        }
    }
}

/// A layout's files: each made (`Some`) or failed (`None`).
pub(crate) type LayoutFiles = Vec<(PdfKind, Option<Vec<u8>>)>;

/// What laying out one page's layouts needs: the engine, the
/// configuration (QR codes, page limit), the sources diagnostics point
/// into, where problems with no place of their own are shown, and
/// `--strict`.
pub(crate) struct Printer<'a> {
    /// Typst, its fonts and templates.
    pub(crate) engine: &'a Engine,
    /// The configuration.
    pub(crate) config: &'a Config,
    /// The project's sources.
    pub(crate) files: &'a Files,
    /// `kyr.toml`.
    pub(crate) anchor: Span,
    /// Every warning is an error.
    pub(crate) strict: Strict,
}

/// What laying out a page's layouts found, as it goes: the problems in
/// the order found, the project files the templates read, the characters
/// no font could draw (over every file) and the files that show one as a
/// box, and whether the page turned out to be broken (its card's sides
/// have an error of their own).
#[derive(Default)]
pub(crate) struct Laid {
    /// Problems, in the order found.
    pub(crate) diagnostics: Vec<Diagnostic>,
    /// Project files the templates read.
    pub(crate) reads: Vec<String>,
    /// Characters no font could draw.
    pub(crate) missing: Vec<char>,
    /// The files that show one of them as a box.
    pub(crate) boxed: Vec<PdfKind>,
    /// The page's own content has an error: nothing of it may be
    /// written.
    pub(crate) failed: bool,
}

impl Printer<'_> {
    /// Makes the files of one layout of a resolved page; a file is `None`
    /// when it failed. Problems and what else was found go to `laid`.
    pub(crate) fn layout_files(
        &self,
        skeleton: &Skeleton,
        page: &Page,
        layout: Layout,
        laid: &mut Laid,
    ) -> LayoutFiles {
        let failed_all = || PdfKind::of(layout).iter().map(|k| (*k, None)).collect();
        // Content with errors is not typeset: Typst would only add noise
        // to the diagnostics that matter.
        if laid.failed {
            return failed_all();
        }
        let mut found = Vec::new();
        let qr = self.qr(skeleton, page, layout, &mut found);
        // A document that cannot fit the page limit is refused before it
        // is laid out; the exact count is checked after.
        if let Some(too_long) = self.too_many_pages(skeleton, page, layout) {
            laid.diagnostics.push(too_long);
            return failed_all();
        }
        let files = match layout {
            Layout::Handout => self.handout(skeleton, page, qr, &mut found, laid),
            Layout::Booklet => self.booklet(skeleton, page, qr, &mut found, laid),
            Layout::Card => match self.card(skeleton, page, qr, &mut found, laid) {
                Some(files) => files,
                None => return failed_all(),
            },
        };
        let mut failed = false;
        for d in found {
            let d = d.promote(self.strict);
            failed |= d.is_error();
            laid.diagnostics.push(d);
        }
        if failed {
            files.into_iter().map(|(kind, _)| (kind, None)).collect()
        } else {
            files
        }
    }

    /// The QR code a layout carries, if any ([`qr_for`]); an address too
    /// long for a code is an error.
    fn qr(
        &self,
        skeleton: &Skeleton,
        page: &Page,
        layout: Layout,
        found: &mut Vec<Diagnostic>,
    ) -> Option<Qr> {
        qr_for(self.config, skeleton, page, layout).unwrap_or_else(|error| {
            found.push(*error);
            None
        })
    }

    /// The error for a handout or booklet whose text cannot fit the page
    /// limit however it is laid out.
    fn too_many_pages(
        &self,
        skeleton: &Skeleton,
        page: &Page,
        layout: Layout,
    ) -> Option<Diagnostic> {
        let function = match layout {
            Layout::Handout => "handout",
            Layout::Booklet => "booklet",
            Layout::Card => return None,
        };
        let fewest = fewest_pages(&page.document.blocks);
        let max = self.config.limits.max_pages;
        (fewest > max).then(|| {
            let meta = PdfMeta {
                ident: &format!("kyr/{}/{}/{function}", page.document.name, page.locale.tag),
                about: About::of(page.locale),
                at: Span::new(skeleton.file, 0..0),
            };
            engine::too_many_pages(fewest, true, max, &meta)
        })
    }

    /// The handout: A4 or Letter pages.
    fn handout(
        &self,
        skeleton: &Skeleton,
        page: &Page,
        qr: Option<Qr>,
        found: &mut Vec<Diagnostic>,
        laid: &mut Laid,
    ) -> LayoutFiles {
        let input = handout_input(page, "handout", qr);
        let kinds = [PdfKind::Handout];
        let pdf = self.compile_checked(skeleton, page, &input, found, laid, &kinds);
        vec![(PdfKind::Handout, pdf.map(|c| c.pdf))]
    }

    /// The booklet's pages, and the same imposed two to a sheet.
    fn booklet(
        &self,
        skeleton: &Skeleton,
        page: &Page,
        qr: Option<Qr>,
        found: &mut Vec<Diagnostic>,
        laid: &mut Laid,
    ) -> LayoutFiles {
        let input = handout_input(page, "booklet", qr);
        let kinds = [PdfKind::Booklet, PdfKind::BookletPrint];
        let Some(compiled) = self.compile_checked(skeleton, page, &input, found, laid, &kinds)
        else {
            return vec![(PdfKind::Booklet, None), (PdfKind::BookletPrint, None)];
        };
        let meta = PdfMeta {
            ident: &ident(page, &input),
            about: About::of(page.locale),
            at: Span::new(skeleton.file, 0..0),
        };
        let imposed = impose::impose_booklet(self.engine, &compiled.document, page.locale, &meta)
            .map_err(|message| found.push(Diagnostic::error(message).code("booklet")))
            .ok();
        vec![
            (PdfKind::Booklet, Some(compiled.pdf)),
            (PdfKind::BookletPrint, imposed),
        ]
    }

    /// The print shop's card and the home-printing sheet; `None` when a
    /// side holds more than any card can (said in `laid`). The card's own
    /// problems become the page's here, where the card is printed.
    fn card(
        &self,
        skeleton: &Skeleton,
        page: &Page,
        qr: Option<Qr>,
        found: &mut Vec<Diagnostic>,
        laid: &mut Laid,
    ) -> Option<LayoutFiles> {
        if let Some(Ok(card)) = &page.card {
            laid.diagnostics.extend(card.diagnostics.iter().cloned());
            laid.failed |= card.failed;
        }
        if let Some(full) = card_too_full(skeleton, page) {
            laid.diagnostics.push(full);
            return None;
        }
        let mut out = Vec::new();
        for (kind, sheet) in [(PdfKind::Card, false), (PdfKind::CardSheet, true)] {
            let pdf = match card_side_input(skeleton, page, sheet, qr.clone(), laid) {
                Ok(input) => self
                    .compile_checked(skeleton, page, &input, found, laid, &[kind])
                    .map(|compiled| {
                        // The sheet repeats the same faces: checking the
                        // print shop's card is enough.
                        if kind == PdfKind::Card {
                            found.extend(checks::small_card_text(
                                &compiled.scan,
                                page.locale,
                                &skeleton.name,
                            ));
                        }
                        compiled.pdf
                    }),
                Err(d) => {
                    found.push(d);
                    None
                }
            };
            out.push((kind, pdf));
        }
        Some(out)
    }

    /// Compiles an input (for the files `kinds`); Typst's warnings and
    /// what the frames show go to `found`, the project files it read and
    /// the characters it could not draw to `laid`.
    fn compile_checked(
        &self,
        skeleton: &Skeleton,
        page: &Page,
        input: &TypstInput,
        found: &mut Vec<Diagnostic>,
        laid: &mut Laid,
        kinds: &[PdfKind],
    ) -> Option<Compiled> {
        let meta = PdfMeta {
            ident: &ident(page, input),
            about: About::of(page.locale),
            at: Span::new(skeleton.file, 0..0),
        };
        let compiled = match engine::compile(self.engine, input, &meta) {
            Ok(compiled) => compiled,
            Err(failure) => {
                found.extend(failure.diagnostics);
                return None;
            }
        };
        laid.reads.extend(
            compiled
                .requests
                .iter()
                .filter_map(|r| world::project_image(r))
                .map(str::to_owned),
        );
        found.extend(compiled.warnings.iter().cloned());
        found.extend(checks::text_outside(
            &compiled.scan.outside,
            &input.function,
            &page.document.name,
            page.locale,
            &page.resolver,
        ));
        if !compiled.scan.missing.is_empty() {
            laid.boxed.extend_from_slice(kinds);
        }
        for c in &compiled.scan.missing {
            if !laid.missing.contains(c) {
                laid.missing.push(*c);
            }
        }
        Some(compiled)
    }
}

/// The input of one side of the card layout (`sheet`: the home-printing
/// sheet), or why the page has no card. The sheet's printing help is
/// reported with each.
fn card_side_input(
    skeleton: &Skeleton,
    page: &Page,
    sheet: bool,
    qr: Option<Qr>,
    laid: &mut Laid,
) -> Result<TypstInput, Diagnostic> {
    match &page.card {
        Some(Ok(card)) => {
            laid.diagnostics
                .extend(card.help_diagnostics.iter().cloned());
            Ok(card_input(page, card, sheet, qr))
        }
        Some(Err(d)) => Err(d.as_ref().clone()),
        None => Err(
            Diagnostic::error("the `card` layout needs a `[card]` table")
                .at(Span::new(skeleton.file, 0..0)),
        ),
    }
}

/// At most this many lines fit a page of any layout, and this many
/// characters a line: generous bounds, so that a page count made with them
/// is never above the real one.
const MOST_LINES_PER_PAGE: usize = 120;
const MOST_CHARS_PER_LINE: usize = 250;

/// The fewest pages `blocks` can take as a handout or a booklet: each
/// list item and line break starts a line, and each paragraph, heading,
/// list and quote takes one more (the space around it, and a quote's
/// margins), so that nesting is paid for.
fn fewest_pages(blocks: &[Block]) -> usize {
    lines(blocks).div_ceil(MOST_LINES_PER_PAGE)
}

fn lines(blocks: &[Block]) -> usize {
    blocks
        .iter()
        .map(|block| match block {
            Block::Paragraph(c) | Block::Heading { content: c, .. } => {
                let (mut breaks, mut chars) = (0, 0);
                walk_inlines(c, &mut |leaf| match leaf {
                    Leaf::Inline(Inline::LineBreak) => breaks += 1,
                    Leaf::Inline(
                        Inline::Text(t) | Inline::Code(t) | Inline::Var { text: t, .. },
                    ) => chars += t.chars().count(),
                    _ => {}
                });
                2 + breaks + chars / MOST_CHARS_PER_LINE
            }
            Block::List { items, .. } => {
                1 + items.iter().map(|item| lines(item).max(1)).sum::<usize>()
            }
            Block::Quote(inner) => 1 + lines(inner),
            Block::Lang { blocks: inner, .. } | Block::Recorded { blocks: inner, .. } => {
                lines(inner)
            }
            Block::Code(code) => code.lines().count().max(1),
            Block::Rule | Block::Message(_) => 1,
        })
        .sum()
}

/// More characters than this never fit one side of a wallet card, even
/// at the smallest size the card sets them (4.5 pt: about 1,600 characters
/// of Latin text). A side that holds more is refused before it is laid
/// out: the card's fitting lays its side out eight times.
const MOST_CARD_SIDE_CHARS: usize = 4000;

/// The characters `blocks` print: their text, code and variables' values.
fn printed_chars(blocks: &[Block]) -> usize {
    let mut chars = 0;
    walk(blocks, &mut |leaf| match leaf {
        Leaf::Inline(Inline::Text(t) | Inline::Code(t) | Inline::Var { text: t, .. }) => {
            chars += t.chars().count()
        }
        Leaf::Code(code) => chars += code.chars().count(),
        _ => {}
    });
    chars
}

/// The error for a card side of `page` with more text than any card
/// holds, which `check` reports as `build` does.
pub(crate) fn card_too_full(skeleton: &Skeleton, page: &Page) -> Option<Diagnostic> {
    let (Some(Ok(card)), Some(sides)) = (&page.card, &skeleton.front.card) else {
        return None;
    };
    [(&card.front, &sides.front), (&card.back, &sides.back)]
        .into_iter()
        .find(|(side, _)| printed_chars(&side.blocks) > MOST_CARD_SIDE_CHARS)
        .map(|(side, reference)| card_side_too_full(side, reference))
}

/// The error for a card side with more text than any card holds.
fn card_side_too_full(side: &Document, reference: &Reference) -> Diagnostic {
    Diagnostic::error(format!(
        "the card side under `{}` holds {} characters, more than fit on a wallet card ({} at most)",
        reference.id,
        printed_chars(&side.blocks),
        MOST_CARD_SIDE_CHARS
    ))
    .code("card-size")
    .at(reference.span.clone())
    .hint("point `[card]` at a shorter section, or leave messages off the card with `skip`")
}

/// The QR code a layout of `page` carries, if any: handouts and booklets,
/// and a card only in a language read by ear first (it leads to the page
/// with the recordings). An address too long for a code is an error at
/// the document, which `check` reports as `build` does.
pub(crate) fn qr_for(
    config: &Config,
    skeleton: &Skeleton,
    page: &Page,
    layout: Layout,
) -> Result<Option<Qr>, Box<Diagnostic>> {
    let wants_qr = match layout {
        Layout::Handout | Layout::Booklet => true,
        Layout::Card => page.locale.audio_first,
    };
    if !wants_qr {
        return Ok(None);
    }
    qr_code(config, skeleton, page.locale, &page.document).map_err(|message| {
        Box::new(
            Diagnostic::error(message)
                .code("qr")
                .at(Span::new(skeleton.file, 0..0))
                .hint("shorten the address in `qr` (kyr.toml or the front matter)"),
        )
    })
}
