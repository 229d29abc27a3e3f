//! RENDER PDF: the PDFs of a resolved page. Which files each layout makes
//! (`handout`: `<doc>.pdf`; `card`: `<doc>.card.pdf` and
//! `<doc>.card-sheet.pdf`; `booklet`: `<doc>.booklet.pdf` and
//! `<doc>.booklet-print.pdf`), the data each template reads, the compile,
//! and the checks on what was laid out. Printing lays out only what the
//! resolve stage gave it.
//!
//! - [`data`]: the typed contract with the templates; [`input`]: the data
//!   file and main source of one compile;
//! - [`engine`] ([`world`], [`fonts`]): Typst in this process;
//! - [`geometry`], [`impose`], [`qr`]: card sizes and sheets, booklet
//!   order, QR codes; [`checks`]: missing glyphs, small card text.

pub(crate) mod checks;
pub(crate) mod data;
pub(crate) mod engine;
pub(crate) mod fonts;
pub(crate) mod geometry;
pub(crate) mod impose;
pub(crate) mod input;
pub(crate) mod qr;
pub(crate) mod world;

use crate::base::diag::{Diagnostic, Files, Span};
use crate::base::links;
use crate::config::{Config, Locale, Paper};
use crate::doc::model::{Block, Inline, Leaf, walk, walk_inlines};
use crate::doc::{Layout, Skeleton};
use crate::i18n::page::{Card, Page};
use crate::i18n::resolve::Document;
use crate::pdf::data::{CardSize, Data, Qr};
use crate::pdf::engine::{Compiled, Engine, PdfMeta};
use crate::pdf::input::{TypstInput, paper_name, typst_input};

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

    /// The interface text that says how to print it (`texts.print-card`).
    pub(crate) fn how_to_print(self) -> &'static str {
        match self {
            PdfKind::Handout => "print-handout",
            PdfKind::Card => "print-card",
            PdfKind::CardSheet => "print-card-sheet",
            PdfKind::Booklet => "print-booklet",
            PdfKind::BookletPrint => "print-booklet-sheets",
        }
    }

    /// A document's PDF files, each with the interface text that says how
    /// to print it, for its HTML page.
    pub(crate) fn print_files(skeleton: &Skeleton) -> Vec<(String, &'static str)> {
        skeleton
            .front
            .layouts
            .iter()
            .flat_map(|layout| PdfKind::of(*layout))
            .map(|kind| (kind.file_name(&skeleton.name), kind.how_to_print()))
            .collect()
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

/// What printing needs besides the page: the engine, the configuration,
/// the sources (to point at), where problems with no place of their own
/// are shown, and `--strict`.
pub(crate) struct Printer<'a> {
    /// Typst, its fonts and templates.
    pub(crate) engine: &'a Engine,
    /// The configuration (QR codes, the reference locale).
    pub(crate) config: &'a Config,
    /// The project's sources, which diagnostics point into.
    pub(crate) files: &'a Files,
    /// `kyr.toml`.
    pub(crate) anchor: Span,
    /// Every warning is an error.
    pub(crate) strict: bool,
}

/// The PDFs of a page: each made (`Some`) or failed (`None`), the project
/// files the templates read (images, under the root), and the characters
/// no font could draw.
#[derive(Default)]
pub(crate) struct PdfFiles {
    /// The files, by kind.
    pub(crate) files: Vec<(PdfKind, Option<Vec<u8>>)>,
    /// Project files the templates read.
    pub(crate) reads: Vec<String>,
    /// Characters no bundled font could draw, by where they are written.
    pub(crate) missing_glyphs: Vec<checks::MissingGlyphs>,
}

/// What laying out the files of one layout found besides the problems.
#[derive(Default)]
struct Laid {
    /// Project files the templates read.
    reads: Vec<String>,
    /// Characters no font could draw, over every file.
    missing: Vec<char>,
    /// The files that show one of them as a box.
    boxed: Vec<PdfKind>,
}

impl Printer<'_> {
    /// Makes every PDF of every layout of a resolved page; a file is
    /// `None` when it failed. Problems go to the page's diagnostics; the
    /// characters no font could draw are told once for the whole page, a
    /// warning per message that holds some, which fails the files showing
    /// them under `--strict`.
    pub(crate) fn files(&self, skeleton: &Skeleton, page: &mut Page) -> PdfFiles {
        let mut out = PdfFiles::default();
        let mut laid = Laid::default();
        for layout in &skeleton.front.layouts {
            out.files
                .extend(self.layout_files(skeleton, page, *layout, &mut laid));
        }
        out.reads = laid.reads;
        if laid.missing.is_empty() {
            return out;
        }
        let (diagnostics, found) =
            checks::missing_glyph(self.files, &self.anchor, skeleton, page, &laid.missing);
        let mut failed = false;
        for d in diagnostics {
            let d = d.promote(self.strict);
            failed |= d.is_error();
            page.resolver.diagnostics.push(d);
        }
        if failed {
            for (kind, pdf) in &mut out.files {
                if laid.boxed.contains(kind) {
                    *pdf = None;
                }
            }
        }
        out.missing_glyphs = found;
        out
    }

    /// Makes the files of one layout of a resolved page; a file is `None`
    /// when it failed. Problems go to the page's diagnostics, what else
    /// was found to `laid`.
    fn layout_files(
        &self,
        skeleton: &Skeleton,
        page: &mut Page,
        layout: Layout,
        laid: &mut Laid,
    ) -> Vec<(PdfKind, Option<Vec<u8>>)> {
        // Content with errors is not typeset: Typst would only add noise
        // to the diagnostics that matter.
        if page.resolver.failed {
            return PdfKind::of(layout).iter().map(|k| (*k, None)).collect();
        }
        let mut found = Vec::new();
        // A card carries a QR code only in a language read by ear first:
        // it leads to the page with the recordings.
        let wants_qr = match layout {
            Layout::Handout | Layout::Booklet => true,
            Layout::Card => page.locale.audio_first,
        };
        let qr = match wants_qr {
            true => match qr_code(self.config, skeleton, page.locale, &page.document) {
                Ok(qr) => qr,
                Err(message) => {
                    found.push(
                        Diagnostic::error(message)
                            .code("qr")
                            .at(Span::new(skeleton.file, 0..0))
                            .hint("shorten the address in `qr` (kyr.toml or the front matter)"),
                    );
                    None
                }
            },
            false => None,
        };
        // A document that cannot fit the page limit is refused before it
        // is laid out; the exact count is checked after.
        if matches!(layout, Layout::Handout | Layout::Booklet) {
            let fewest = fewest_pages(&page.document.blocks);
            let max = self.config.limits.max_pages;
            if fewest > max {
                let meta = PdfMeta {
                    ident: &format!(
                        "kyr/{}/{}/{}",
                        page.document.name,
                        page.locale.tag,
                        if layout == Layout::Handout {
                            "handout"
                        } else {
                            "booklet"
                        }
                    ),
                    at: Span::new(skeleton.file, 0..0),
                };
                page.resolver
                    .diagnostics
                    .push(engine::too_many_pages(fewest, true, max, &meta));
                return PdfKind::of(layout).iter().map(|k| (*k, None)).collect();
            }
        }
        let files = match layout {
            Layout::Handout => {
                let input = handout_input(page, "handout", qr);
                let pdf = self.compile_checked(
                    skeleton,
                    page,
                    &input,
                    &mut found,
                    laid,
                    &[PdfKind::Handout],
                );
                vec![(PdfKind::Handout, pdf.map(|c| c.pdf))]
            }
            Layout::Booklet => {
                let input = handout_input(page, "booklet", qr);
                let kinds = [PdfKind::Booklet, PdfKind::BookletPrint];
                match self.compile_checked(skeleton, page, &input, &mut found, laid, &kinds) {
                    Some(compiled) => {
                        let imposed = impose::impose_booklet(
                            self.engine,
                            &compiled.document,
                            page.locale,
                            &ident(page, &input),
                        )
                        .map_err(|message| found.push(Diagnostic::error(message).code("booklet")))
                        .ok();
                        vec![
                            (PdfKind::Booklet, Some(compiled.pdf)),
                            (PdfKind::BookletPrint, imposed),
                        ]
                    }
                    None => vec![(PdfKind::Booklet, None), (PdfKind::BookletPrint, None)],
                }
            }
            Layout::Card => {
                page.adopt_card_problems();
                if let (Some(Ok(card)), Some(sides)) = (&page.card, &skeleton.front.card) {
                    let full = [(&card.front, &sides.front), (&card.back, &sides.back)]
                        .into_iter()
                        .find(|(side, _)| printed_chars(&side.blocks) > MOST_CARD_SIDE_CHARS);
                    if let Some((side, reference)) = full {
                        page.resolver
                            .diagnostics
                            .push(card_side_too_full(side, reference));
                        return PdfKind::of(layout).iter().map(|k| (*k, None)).collect();
                    }
                }
                let mut out = Vec::new();
                for (kind, sheet) in [(PdfKind::Card, false), (PdfKind::CardSheet, true)] {
                    let input = match &page.card {
                        Some(Ok(card)) => {
                            page.resolver
                                .diagnostics
                                .extend(card.help_diagnostics.iter().cloned());
                            Ok(card_input(page, card, sheet, qr.clone()))
                        }
                        Some(Err(d)) => Err(d.as_ref().clone()),
                        None => Err(
                            Diagnostic::error("the `card` layout needs a `[card]` table")
                                .at(Span::new(skeleton.file, 0..0)),
                        ),
                    };
                    let pdf = match input {
                        Ok(input) => self
                            .compile_checked(skeleton, page, &input, &mut found, laid, &[kind])
                            .map(|compiled| {
                                // The sheet repeats the same faces: checking
                                // the print shop's card is enough.
                                if kind == PdfKind::Card {
                                    found.extend(checks::small_card_text(
                                        &compiled.document,
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
                out
            }
        };
        let mut failed = false;
        for d in found {
            let d = d.promote(self.strict);
            failed |= d.is_error();
            page.resolver.diagnostics.push(d);
        }
        if failed {
            files.into_iter().map(|(kind, _)| (kind, None)).collect()
        } else {
            files
        }
    }

    /// Compiles an input (for the files `kinds`); Typst's warnings go to
    /// `found`; the project files it read and the characters it could not
    /// draw to `laid`.
    fn compile_checked(
        &self,
        skeleton: &Skeleton,
        page: &Page,
        input: &TypstInput,
        found: &mut Vec<Diagnostic>,
        laid: &mut Laid,
        kinds: &[PdfKind],
    ) -> Option<Compiled> {
        match engine::compile(
            self.engine,
            input,
            &PdfMeta {
                ident: &ident(page, input),
                at: Span::new(skeleton.file, 0..0),
            },
        ) {
            Ok(compiled) => {
                laid.reads.extend(
                    compiled
                        .requests
                        .iter()
                        .filter_map(|r| world::project_image(r))
                        .map(str::to_owned),
                );
                found.extend(compiled.warnings.iter().cloned());
                found.extend(checks::text_outside(
                    &checks::glyphs_outside(&compiled.document),
                    &input.function,
                    &page.document.name,
                    page.locale,
                    &page.resolver,
                ));
                if !compiled.missing.is_empty() {
                    laid.boxed.extend_from_slice(kinds);
                }
                for c in &compiled.missing {
                    if !laid.missing.contains(c) {
                        laid.missing.push(*c);
                    }
                }
                Some(compiled)
            }
            Err(failure) => {
                found.extend(failure.diagnostics);
                None
            }
        }
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
pub(crate) fn fewest_pages(blocks: &[Block]) -> usize {
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

/// The error for a card side with more text than any card holds.
fn card_side_too_full(side: &Document, reference: &crate::doc::model::Reference) -> Diagnostic {
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

/// The QR code of a document in a locale, if it has one.
pub(crate) fn qr_code(
    config: &Config,
    skeleton: &Skeleton,
    locale: &Locale,
    document: &Document,
) -> Result<Option<Qr>, String> {
    let template = match skeleton.front.qr.clone() {
        Some(own) if own.is_empty() => return Ok(None),
        Some(own) => own,
        None => match locale.qr.clone().or_else(|| config.qr.clone()) {
            Some(t) => t,
            None => return Ok(None),
        },
    };
    let target = links::fill_qr(&template, &locale.tag, &document.name);
    let svg = qr::svg(&target)?;
    let printed = target
        .strip_prefix("https://")
        .or_else(|| target.strip_prefix("tel:"))
        .unwrap_or(&target)
        .trim_end_matches('/')
        .to_owned();
    Ok(Some(Qr {
        svg,
        target: printed,
        href: target,
        // The page plays the locale's recordings of the document.
        listen: !crate::doc::model::recordings(&document.blocks).is_empty(),
    }))
}

/// A PDF's stable identifier: `kyr/<doc>/<locale>/<function>`.
fn ident(page: &Page, input: &TypstInput) -> String {
    format!(
        "kyr/{}/{}/{}",
        page.document.name, page.locale.tag, input.function
    )
}

/// The data every template reads: the document in the page's locale.
fn page_data(page: &Page, document: &Document, function: &str, paper: &'static str) -> Data {
    let locale = page.locale;
    Data {
        back: None,
        back_lang: None,
        card: None,
        document: document.name.clone(),
        help_lang: None,
        kyr: data::VERSION,
        lang: data::lang(&locale.langid, locale.direction),
        layout: function.to_owned(),
        notices: page.notices.iter().map(|n| data::inlines(n)).collect(),
        review_notice: page.review_notice.as_deref().map(data::inlines),
        paper,
        qr: None,
        reviewed: locale.reviewed,
        sections: input::sections(document),
        sheet: None,
        sources: document.sources.iter().map(data::source).collect(),
        tag: locale.tag.clone(),
        texts: page
            .texts
            .iter()
            .map(|(name, inlines)| (*name, data::inlines(inlines)))
            .collect(),
        title: data::inlines(&document.title),
        title_text: crate::doc::model::plain_text(&document.title),
    }
}

/// The Typst input of a handout (`function` = `handout`) or of a
/// booklet's pages (`booklet`).
pub(crate) fn handout_input(page: &Page, function: &str, qr: Option<Qr>) -> TypstInput {
    let paper = match (function, page.locale.paper) {
        ("booklet", Paper::A4) => "a5",
        ("booklet", Paper::UsLetter) => "us-statement",
        (_, paper) => paper_name(paper),
    };
    let data = Data {
        qr,
        ..page_data(page, &page.document, function, paper)
    };
    typst_input(function, &page.document, &data)
}

/// The Typst input of a wallet card (`sheet`: the home-printing sheet):
/// the front in the page's locale, the back in the officer locale.
pub(crate) fn card_input(page: &Page, card: &Card, sheet: bool, qr: Option<Qr>) -> TypstInput {
    let paper = page.locale.paper;
    let (width, height) = geometry::card_size(paper);
    let function = if sheet { "card-sheet" } else { "card" };
    let mut data = page_data(page, &card.front, function, paper_name(paper));
    data.qr = qr;
    data.card = Some(CardSize { width, height });
    data.back = Some(data::blocks(&crate::doc::model::without_recordings(
        &card.back.blocks,
    )));
    data.back_lang = Some(data::lang(&card.officer.langid, card.officer.direction));
    if sheet {
        data.sheet = Some(geometry::sheet(paper));
        data.help_lang = card
            .reference
            .map(|reference| data::lang(&reference.langid, reference.direction));
    }
    data.texts
        .insert("sheet-help", data::inlines(&card.sheet_help));
    typst_input("card", &card.front, &data)
}
