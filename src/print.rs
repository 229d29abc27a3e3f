//! The PDFs of a document: which files each layout makes (`handout`:
//! `<doc>.pdf`; `card`: `<doc>.card.pdf` and `<doc>.card-sheet.pdf`;
//! `booklet`: `<doc>.booklet.pdf` and `<doc>.booklet-print.pdf`), their
//! Typst input, the compile, and the checks on what was laid out
//! (characters no font has, card text set too small). Booklet sheets are
//! imposed from the laid-out pages, without a second compile.

use serde_json::{Map, Value, json};
use typst::layout::{Abs, Frame, FrameItem, Point, Size};
use typst::model::Document as _;
use typst_layout::{Page, PagedDocument};

use crate::build::Resolved;
use crate::config::{Locale, Paper};
use crate::diag::{Diagnostic, Span};
use crate::doc::model::{Block, Inline};
use crate::doc::{Layout, Skeleton};
use crate::i18n::resolve::Job;
use crate::layout;
use crate::links;
use crate::pdf::{self, Engine};
use crate::project::Project;
use crate::render::qr;
use crate::render::typst::{
    self as typst_render, PdfPage, TypstInput, blocks_json, locale_lang, paper_name,
};

/// Card text smaller than this is hard to read.
pub const MIN_CARD_TEXT_PT: f64 = 6.5;

/// One PDF file a document is made into.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PdfKind {
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
    pub const ALL: [PdfKind; 5] = [
        PdfKind::Handout,
        PdfKind::Card,
        PdfKind::CardSheet,
        PdfKind::Booklet,
        PdfKind::BookletPrint,
    ];

    /// The name manifests and reports give it.
    pub fn layout_name(self) -> &'static str {
        match self {
            PdfKind::Handout => "handout",
            PdfKind::Card => "card",
            PdfKind::CardSheet => "card-sheet",
            PdfKind::Booklet => "booklet",
            PdfKind::BookletPrint => "booklet-print",
        }
    }

    /// The file name for a document.
    pub fn file_name(self, document: &str) -> String {
        match self {
            PdfKind::Handout => format!("{document}.pdf"),
            PdfKind::Card => format!("{document}.card.pdf"),
            PdfKind::CardSheet => format!("{document}.card-sheet.pdf"),
            PdfKind::Booklet => format!("{document}.booklet.pdf"),
            PdfKind::BookletPrint => format!("{document}.booklet-print.pdf"),
        }
    }

    /// The files a layout makes.
    pub fn of(layout: Layout) -> &'static [PdfKind] {
        match layout {
            Layout::Handout => &[PdfKind::Handout],
            Layout::Card => &[PdfKind::Card, PdfKind::CardSheet],
            Layout::Booklet => &[PdfKind::Booklet, PdfKind::BookletPrint],
        }
    }
}

/// Makes the files of one layout of a resolved document; a file is `None`
/// when it failed. Problems go to the job's diagnostics.
pub fn layout_files(
    engine: &Engine,
    project: &Project,
    skeleton: &Skeleton,
    locale: &Locale,
    resolved: &mut Resolved,
    layout: Layout,
    strict: bool,
) -> Vec<(PdfKind, Option<Vec<u8>>)> {
    let mut found = Vec::new();
    let mut reads = Vec::new();
    if matches!(layout, Layout::Handout | Layout::Booklet)
        && let Err(message) = qr_data(project, locale, resolved)
    {
        found.push(
            Diagnostic::error(message)
                .code("qr")
                .at(Span::new(skeleton.file, 0..0))
                .hint("shorten the address in `qr` (kyr.toml or the front matter)"),
        );
    }
    let files = match layout {
        Layout::Handout => {
            let pdf = compile_checked(
                engine,
                project,
                locale,
                resolved,
                handout_input(project, locale, resolved, "handout"),
                &mut found,
                &mut reads,
            );
            vec![(PdfKind::Handout, pdf.map(|c| c.pdf))]
        }
        Layout::Booklet => {
            let input = handout_input(project, locale, resolved, "booklet");
            match compile_checked(
                engine, project, locale, resolved, input, &mut found, &mut reads,
            ) {
                Some(compiled) => {
                    let imposed = impose_booklet(&compiled.document, locale, resolved)
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
            let mut out = Vec::new();
            for (kind, sheet) in [(PdfKind::Card, false), (PdfKind::CardSheet, true)] {
                let pdf = match card_input(project, skeleton, locale, resolved, sheet) {
                    Ok(input) => compile_checked(
                        engine, project, locale, resolved, input, &mut found, &mut reads,
                    )
                    .map(|compiled| {
                        // The sheet repeats the same faces: checking the
                        // print shop's card is enough.
                        if kind == PdfKind::Card {
                            found.extend(small_card_text(
                                &compiled.document,
                                locale,
                                &skeleton.name,
                            ));
                        }
                        compiled.pdf
                    }),
                    Err(d) => {
                        found.push(*d);
                        None
                    }
                };
                out.push((kind, pdf));
            }
            out
        }
    };
    resolved.reads.extend(reads);
    let mut failed = false;
    for mut d in found {
        if strict && d.severity == crate::diag::Severity::Warning {
            d.severity = crate::diag::Severity::Error;
        }
        failed |= d.is_error();
        resolved.job.diagnostics.push(d);
    }
    if failed {
        files.into_iter().map(|(kind, _)| (kind, None)).collect()
    } else {
        files
    }
}

/// Compiles an input; Typst's warnings and missing glyphs go to `found`.
fn compile_checked(
    engine: &Engine,
    project: &Project,
    locale: &Locale,
    resolved: &Resolved,
    input: TypstInput,
    found: &mut Vec<Diagnostic>,
    reads: &mut Vec<String>,
) -> Option<pdf::Compiled> {
    let ident = format!(
        "kyr/{}/{}/{}",
        resolved.document.name, locale.tag, input.layout
    );
    match pdf::compile(engine, &input, &pdf::PdfMeta { ident: &ident }) {
        Ok(compiled) => {
            reads.extend(
                compiled
                    .requests
                    .iter()
                    .filter_map(|r| pdf::world::project_image(r))
                    .map(str::to_owned),
            );
            found.extend(compiled.warnings.iter().cloned());
            for c in &compiled.missing {
                found.extend(missing_glyph(
                    project,
                    locale,
                    &resolved.document.name,
                    &resolved.job,
                    *c,
                ));
            }
            Some(compiled)
        }
        Err(failure) => {
            found.extend(failure.diagnostics);
            None
        }
    }
}

/// Renders and compiles the handout of a resolved document.
pub fn compile_handout(
    engine: &Engine,
    project: &Project,
    locale: &Locale,
    resolved: &Resolved,
) -> Result<pdf::Compiled, pdf::Failed> {
    let input = handout_input(project, locale, resolved, "handout");
    let ident = format!("kyr/{}/{}/handout", resolved.document.name, locale.tag);
    pdf::compile(engine, &input, &pdf::PdfMeta { ident: &ident })
}

/// Interface texts as the templates name them (`not-legal-advice`).
fn texts(resolved: &Resolved) -> Vec<(&'static str, Vec<Inline>)> {
    resolved
        .texts
        .iter()
        .map(|(name, inlines)| {
            let name: &'static str = match *name {
                "not_legal_advice" => "not-legal-advice",
                "last_reviewed" => "last-reviewed",
                other => other,
            };
            (name, inlines.clone())
        })
        .collect()
}

/// The QR code of a document in a locale, if it has one.
fn qr_data(
    project: &Project,
    locale: &Locale,
    resolved: &Resolved,
) -> Result<Option<Value>, String> {
    let skeleton = project
        .skeletons
        .iter()
        .find(|s| s.name == resolved.document.name);
    let template = match skeleton.and_then(|s| s.front.qr.clone()) {
        Some(own) if own.is_empty() => return Ok(None),
        Some(own) => own,
        None => match locale.qr.clone().or_else(|| project.config.qr.clone()) {
            Some(t) => t,
            None => return Ok(None),
        },
    };
    let target = links::fill_qr(&template, &locale.tag, &resolved.document.name);
    let svg = qr::svg(&target)?;
    let printed = target
        .strip_prefix("https://")
        .or_else(|| target.strip_prefix("tel:"))
        .unwrap_or(&target)
        .trim_end_matches('/')
        .to_owned();
    Ok(Some(
        json!({ "svg": svg, "target": printed, "href": target }),
    ))
}

/// The Typst input of a handout (`layout` = `handout`) or of a booklet's
/// pages (`booklet`).
pub fn handout_input(
    project: &Project,
    locale: &Locale,
    resolved: &Resolved,
    layout: &str,
) -> TypstInput {
    let mut extra = Map::new();
    // A target that cannot be a QR code is reported by `layout_files`.
    if let Ok(Some(qr)) = qr_data(project, locale, resolved) {
        extra.insert("qr".into(), qr);
    }
    let paper = match (layout, locale.paper) {
        ("booklet", Paper::A4) => "a5",
        ("booklet", Paper::UsLetter) => "us-statement",
        (_, paper) => paper_name(paper),
    };
    let page = PdfPage {
        template: layout,
        function: layout,
        locale,
        paper,
        texts: texts(resolved),
        notices: resolved.notices.clone(),
        extra,
    };
    typst_render::render(&resolved.document, &page)
}

/// The top-level skeleton blocks under the heading that shows message
/// `id`: the heading's index and the end of its section.
pub(crate) fn section_of(skeleton: &Skeleton, id: &str) -> Option<(usize, usize)> {
    fn heading_level(block: &Block) -> Option<(u8, &[Inline])> {
        match block {
            Block::Heading { level, content } => Some((*level, content.as_slice())),
            _ => None,
        }
    }
    let start = skeleton.blocks.iter().position(|b| {
        heading_level(b).is_some_and(|(_, content)| {
            content
                .iter()
                .any(|i| matches!(i, Inline::Message(r) if r.id == id))
        })
    })?;
    let level = heading_level(&skeleton.blocks[start])?.0;
    let end = skeleton.blocks[start + 1..]
        .iter()
        .position(|b| heading_level(b).is_some_and(|(l, _)| l <= level))
        .map_or(skeleton.blocks.len(), |i| start + 1 + i);
    Some((start, end))
}

/// The Typst input of a wallet card (`sheet`: the home-printing sheet): the front from the document in its
/// locale, the back resolved in the officer locale.
pub fn card_input(
    project: &Project,
    skeleton: &Skeleton,
    locale: &Locale,
    resolved: &mut Resolved,
    sheet: bool,
) -> Result<TypstInput, Box<Diagnostic>> {
    let sides = skeleton.front.card.as_ref().ok_or_else(|| {
        Box::new(
            Diagnostic::error("the `card` layout needs a `[card]` table")
                .at(Span::new(skeleton.file, 0..0)),
        )
    })?;
    let missing = |r: &crate::doc::model::Reference| {
        Box::new(
            Diagnostic::error(format!(
                "no heading shows message `{}`, so the card has nothing to print there",
                r.id
            ))
            .code("card")
            .at(r.span.clone())
            .hint("name the message of a heading (`## { id }`) of this document"),
        )
    };
    let (front_start, front_end) =
        section_of(skeleton, &sides.front.id).ok_or_else(|| missing(&sides.front))?;
    let (back_start, back_end) =
        section_of(skeleton, &sides.back.id).ok_or_else(|| missing(&sides.back))?;
    let officer = project
        .config
        .locale(&skeleton.front.officer_locale)
        .ok_or_else(|| {
            Box::new(
                Diagnostic::error(format!(
                    "`officer_locale = \"{}\"` is not a configured locale",
                    skeleton.front.officer_locale
                ))
                .code("card")
                .at(Span::new(skeleton.file, 0..0)),
            )
        })?;

    // Front: the title, then the front section (its heading left out, as
    // on the back: the card has no room for it), in the page's locale.
    let mut front_blocks = vec![skeleton.blocks[0].clone()];
    front_blocks.extend(
        skeleton.blocks[(front_start + 1).max(1)..front_end]
            .iter()
            .cloned(),
    );
    let front = resolve_part(
        project,
        skeleton,
        locale,
        front_blocks,
        &sides.skip,
        resolved,
    );
    // Back: the section under its heading, in the officer locale.
    let back_blocks = skeleton.blocks[back_start + 1..back_end].to_vec();
    let back = resolve_part(
        project,
        skeleton,
        officer,
        back_blocks,
        &sides.skip,
        resolved,
    );

    let (width, height) = layout::card_size(locale.paper);
    let mut extra = Map::new();
    extra.insert("card".into(), json!({ "width": width, "height": height }));
    extra.insert("back".into(), blocks_json(&back.blocks));
    extra.insert("back-lang".into(), locale_lang(officer));
    if sheet {
        let geometry = layout::sheet(locale.paper);
        extra.insert(
            "sheet".into(),
            serde_json::to_value(&geometry).expect("geometry serializes"),
        );
        if let Some(reference) = project.config.locale(&project.config.reference) {
            extra.insert("help-lang".into(), locale_lang(reference));
        }
    }
    let mut texts = texts(resolved);
    texts.push(("sheet-help", sheet_help(project, &mut resolved.job)));
    let page = PdfPage {
        template: "card",
        function: if sheet { "card-sheet" } else { "card" },
        locale,
        paper: paper_name(locale.paper),
        texts,
        notices: resolved.notices.clone(),
        extra,
    };
    Ok(typst_render::render(&front, &page))
}

/// Resolves some of a skeleton's blocks, without the skipped messages, in
/// a locale; problems go to the page's job.
fn resolve_part(
    project: &Project,
    skeleton: &Skeleton,
    locale: &Locale,
    blocks: Vec<Block>,
    skip: &[String],
    resolved: &mut Resolved,
) -> crate::i18n::resolve::Document {
    let mut job = Job::new(
        &project.config,
        &project.catalog,
        locale,
        &skeleton.name,
        false,
        &[("date", skeleton.front.last_reviewed.as_str())],
        Span::new(project.config_file, 0..0),
    );
    let part = Skeleton {
        blocks: without(blocks, skip),
        ..skeleton.clone()
    };
    let document = job.document(&part);
    resolved.job.diagnostics.extend(job.diagnostics);
    resolved.job.failed |= job.failed;
    document
}

/// Blocks without the paragraphs and list items that are just a skipped
/// message.
fn without(blocks: Vec<Block>, skip: &[String]) -> Vec<Block> {
    let skipped = |b: &Block| match b {
        Block::Message(r) => skip.contains(&r.id),
        Block::Paragraph(inlines) => {
            matches!(inlines.as_slice(), [Inline::Message(r)] if skip.contains(&r.id))
        }
        _ => false,
    };
    blocks
        .into_iter()
        .filter(|b| !skipped(b))
        .map(|b| match b {
            Block::List { start, items } => Block::List {
                start,
                items: items
                    .into_iter()
                    .filter(|item| !(item.len() == 1 && skipped(&item[0])))
                    .map(|item| without(item, skip))
                    .collect(),
            },
            Block::Quote(inner) => Block::Quote(without(inner, skip)),
            other => other,
        })
        .collect()
}

/// How to print a card sheet, in the project's own language (whoever
/// prints reads that one).
fn sheet_help(project: &Project, job: &mut Job) -> Vec<Inline> {
    let Some(reference) = project.config.locale(&project.config.reference) else {
        return Vec::new();
    };
    let mut help_job = Job::new(
        &project.config,
        &project.catalog,
        reference,
        "card-sheet",
        false,
        &[],
        Span::new(project.config_file, 0..0),
    );
    let text = help_job.interface_message("kyr-card-sheet-help");
    job.diagnostics.extend(help_job.diagnostics);
    text
}

/// A warning for each side of a card whose text had to be set under the
/// readable minimum.
fn small_card_text(document: &PagedDocument, locale: &Locale, name: &str) -> Vec<Diagnostic> {
    fn walk(frame: &Frame, smallest: &mut f64) {
        for (_, item) in frame.items() {
            match item {
                FrameItem::Group(group) => walk(&group.frame, smallest),
                FrameItem::Text(text) if text.glyphs.iter().any(|g| g.id != 0) => {
                    *smallest = smallest.min(text.size.to_pt());
                }
                _ => {}
            }
        }
    }
    // The print shop's card: the front, then the back.
    let mut out = Vec::new();
    for (page, side) in document.pages().iter().zip(["front", "back"]) {
        let mut smallest = f64::MAX;
        walk(&page.frame, &mut smallest);
        if smallest < MIN_CARD_TEXT_PT - 0.01 {
            out.push(
                Diagnostic::warning(format!(
                    "the {side} of the `{name}` card in `{}` is set at {smallest:.2} pt to fit, under the readable {MIN_CARD_TEXT_PT} pt",
                    locale.tag
                ))
                .code("card-text-small")
                .hint("shorten the messages on that side, or leave some off the card with `skip` under `[card]` in the front matter"),
            );
        }
    }
    out
}

/// The booklet's pages two to a landscape sheet, in saddle-stitch order
/// (right to left for a right-to-left locale).
pub fn imposed_booklet(document: &PagedDocument, locale: &Locale) -> Result<PagedDocument, String> {
    let pages = document.pages();
    let Some(first) = pages.first() else {
        return Err("the booklet has no pages".into());
    };
    let half = first.frame.size();
    let sheet_size = Size::new(half.x * 2.0, half.y);
    let rtl = locale.direction == crate::i18n::lang::Direction::Rtl;
    let mut sheets = Vec::new();
    for spread in layout::impose(pages.len(), rtl) {
        let mut frame = Frame::hard(sheet_size);
        for (side, page) in spread.iter().enumerate() {
            if let Some(n) = page {
                let x = if side == 0 { Abs::zero() } else { half.x };
                frame.push_frame(Point::with_x(x), pages[n - 1].frame.clone());
            }
        }
        sheets.push(Page {
            frame,
            ..first.clone()
        });
    }
    Ok(PagedDocument::new(
        sheets.into_iter().collect(),
        document.info().clone(),
    ))
}

/// The imposed booklet as a PDF.
pub fn impose_booklet(
    document: &PagedDocument,
    locale: &Locale,
    resolved: &Resolved,
) -> Result<Vec<u8>, String> {
    let imposed = imposed_booklet(document, locale)?;
    let options = typst_pdf::PdfOptions {
        ident: typst::foundations::Smart::Custom(format!(
            "kyr/{}/{}/booklet-print",
            resolved.document.name, locale.tag
        )),
        creator: typst::foundations::Smart::Custom(Some(format!(
            "kyr {}",
            env!("CARGO_PKG_VERSION")
        ))),
        timestamp: None,
        // The printing sheets are for a printer, not a screen reader; the
        // tagged reading copy is the booklet itself.
        tagged: false,
        ..typst_pdf::PdfOptions::default()
    };
    typst_pdf::pdf(&imposed, &options).map_err(|errors| {
        let messages: Vec<String> = errors.iter().map(|e| e.message.to_string()).collect();
        format!(
            "the booklet sheets could not be written: {}",
            messages.join("; ")
        )
    })
}

/// Says which messages hold a character no font can draw: a warning at
/// each message's definition (or at the variable, or the skeleton).
fn missing_glyph(
    project: &Project,
    locale: &Locale,
    document: &str,
    job: &Job,
    c: char,
) -> Vec<Diagnostic> {
    let what = pdf::describe_char(c);
    let hint = "add a font that has it to `templates/fonts/`, or write the text without it";
    let mut out: Vec<Diagnostic> = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for used in job.used.iter().filter(|u| u.text.contains(c)) {
        if seen.contains(&used.key.as_str()) {
            continue;
        }
        seen.push(&used.key);
        out.push(
            Diagnostic::warning(format!(
                "no bundled font can draw {what} in message `{}` ({}, document `{document}`, locale `{}`); the PDF shows a box instead",
                used.key, used.locale, locale.tag
            ))
            .code("glyph-missing")
            .in_message(&used.locale, &used.key)
            .at_opt(used.span.clone())
            .hint(hint),
        );
    }
    for (name, var) in &locale.vars {
        if var.text.contains(c) {
            out.push(
                Diagnostic::warning(format!(
                    "no bundled font can draw {what} in variable `${name}` (document `{document}`, locale `{}`); the PDF shows a box instead",
                    locale.tag
                ))
                .at(Span::new(project.config_file, 0..0))
                .hint(hint),
            );
        }
    }
    if out.is_empty() {
        out.push(
            Diagnostic::warning(format!(
                "no bundled font can draw {what} in document `{document}` (locale `{}`); the PDF shows a box instead",
                locale.tag
            ))
            .hint(hint),
        );
    }
    out
}
