//! INSPECT: one document in one locale made in memory, nothing written:
//! its HTML page, the Typst sources and the laid-out pages of a PDF. The
//! same stages as `kyr build` ([`crate::i18n::page`], [`crate::html`],
//! [`crate::pdf`]), opened up for tests, benchmarks and fuzzing, which
//! assert on what a reader gets: the text and the laid-out frames.

use typst::text::Font;
use typst_layout::PagedDocument;

use crate::base::diag::{Diagnostic, Span, Strict};
use crate::doc::model::{self, Inline, Leaf};
use crate::pdf::catalog::About;
use crate::pdf::engine::{self, Engine, PdfMeta};
use crate::pdf::input::TypstInput;
use crate::pdf::input::{card_input, handout_input, qr_code};
use crate::project::Project;
use crate::render::OutputFormat as _;

pub use crate::html::escape_into;
pub use crate::pdf::checks::{Outside, glyphs_outside, page_texts};
pub use crate::pdf::engine::{Compiled, Failed};
pub use crate::pdf::geometry::{Sheet, Spread, impose, sheet};
pub use crate::pdf::world::{DATA_PATH, MAIN_PATH, TEMPLATE_DIR};

/// A document's HTML page in a locale.
#[derive(Debug)]
pub struct HtmlPreview {
    /// The page, unless rendering failed.
    pub html: Option<String>,
    /// An error of the page's own locale or skeleton: `kyr build` would
    /// not write it.
    pub failed: bool,
    /// Every text of the resolved body, in order: what the page must
    /// show, escaped.
    pub texts: Vec<String>,
    /// What resolving and rendering reported.
    pub diagnostics: Vec<Diagnostic>,
}

/// The HTML page of `document` in `locale`, as `kyr build` makes it.
/// `None` when either is not in the project.
pub fn html(project: &Project, locale: &str, document: &str) -> Option<HtmlPreview> {
    let locale = project.config.locale(locale)?;
    let skeleton = project.skeletons.iter().find(|s| s.name == document)?;
    let page = project.messages().page(locale, skeleton, Strict::OFF);
    let format = crate::html::HtmlFormat {
        config: &project.config,
        templates: &project.templates,
        files: &project.files,
        print: Some(crate::pdf::outputs),
        strict: Strict::OFF,
    };
    let rendered = format.render(skeleton, &page);
    let html = rendered
        .files
        .into_iter()
        .next()
        .and_then(|(_, html)| String::from_utf8(html?).ok());
    let mut texts = Vec::new();
    model::walk(&page.document.blocks, &mut |leaf| match leaf {
        Leaf::Inline(Inline::Text(text) | Inline::Code(text) | Inline::Var { text, .. }) => {
            texts.push(text.clone());
        }
        Leaf::Code(code) => texts.push(code.to_owned()),
        _ => {}
    });
    let mut diagnostics = page.resolver.diagnostics;
    diagnostics.extend(rendered.diagnostics);
    Some(HtmlPreview {
        html,
        failed: page.resolver.failed,
        texts,
        diagnostics,
    })
}

/// One PDF of a document in a locale, laid out and exported as `kyr
/// build` does it, with the diagnostics met on the way.
pub struct Typeset {
    /// The compile: the laid-out pages and the PDF, or why it failed.
    pub result: Result<Compiled, Failed>,
    /// What resolving the page reported.
    pub diagnostics: Vec<Diagnostic>,
}

/// The Typst sources kyr compiles for one PDF: what a benchmark gives
/// Typst alone.
pub struct TypstSources {
    /// The main source, at [`MAIN_PATH`].
    pub main: String,
    /// The data file, at [`DATA_PATH`].
    pub data: Vec<u8>,
}

/// Lays out PDFs of a project's documents, sharing one engine (fonts,
/// templates, build time) as a build does.
pub struct Typesetter<'p> {
    project: &'p Project,
    engine: Engine,
    /// What preparing the engine reported (unreadable project fonts).
    pub diagnostics: Vec<Diagnostic>,
}

impl<'p> Typesetter<'p> {
    /// The engine for `project`, with the build time `epoch` (seconds
    /// since 1970; a fixed date when `None`).
    pub fn new(project: &'p Project, epoch: Option<i64>) -> Self {
        let mut diagnostics = Vec::new();
        let engine = project.pdf_engine(epoch, &mut diagnostics);
        Typesetter {
            project,
            engine,
            diagnostics,
        }
    }

    /// Lays out and exports `what` (`handout`, `booklet`, `card` or
    /// `card-sheet`) of `document` in `locale`; `None` when the locale or
    /// document is not in the project, or the document has no card.
    pub fn typeset(&self, locale: &str, document: &str, what: &str) -> Option<Typeset> {
        let (diagnostics, input) = self.input(locale, document, what)?;
        let ident = format!("kyr/{document}/{locale}/{what}");
        let skeleton = self.project.skeletons.iter().find(|s| s.name == document)?;
        let at = Span::new(skeleton.file, 0..0);
        let about = About::of(self.project.config.locale(locale)?);
        let meta = PdfMeta {
            ident: &ident,
            about,
            at,
        };
        Some(Typeset {
            result: engine::compile(&self.engine, &input, &meta),
            diagnostics,
        })
    }

    /// The sources [`Typesetter::typeset`] compiles.
    pub fn sources(&self, locale: &str, document: &str, what: &str) -> Option<TypstSources> {
        let (_, input) = self.input(locale, document, what)?;
        Some(TypstSources {
            main: input.main,
            data: input.data,
        })
    }

    /// A booklet's laid-out pages imposed two to a sheet, in saddle-stitch
    /// order for `locale`, and as the PDF `kyr build` writes.
    pub fn impose_booklet(
        &self,
        locale: &str,
        document: &str,
        booklet: &PagedDocument,
    ) -> Result<(PagedDocument, Vec<u8>), String> {
        let locale = self
            .project
            .config
            .locale(locale)
            .ok_or_else(|| format!("unknown locale `{locale}`"))?;
        let imposed = crate::pdf::impose::imposed_booklet(booklet, locale)?;
        let skeleton = self.project.skeletons.iter().find(|s| s.name == document);
        let meta = PdfMeta {
            ident: &format!("kyr/{document}/{}/booklet", locale.tag),
            about: About::of(locale),
            at: Span::new(skeleton.ok_or("unknown document")?.file, 0..0),
        };
        let pdf = crate::pdf::impose::impose_booklet(&self.engine, booklet, locale, &meta)?;
        Ok((imposed, pdf))
    }

    /// The input of `what`, with what resolving the page (and, for a
    /// card, its sides) reported.
    fn input(
        &self,
        locale: &str,
        document: &str,
        what: &str,
    ) -> Option<(Vec<Diagnostic>, TypstInput)> {
        let project = self.project;
        let locale = project.config.locale(locale)?;
        let skeleton = project.skeletons.iter().find(|s| s.name == document)?;
        let page = project.messages().page(locale, skeleton, Strict::OFF);
        let mut diagnostics = page.resolver.diagnostics.clone();
        let input = match what {
            "card" | "card-sheet" => {
                let Some(Ok(card)) = &page.card else {
                    return None;
                };
                diagnostics.extend(card.diagnostics.iter().cloned());
                let qr = locale
                    .audio_first
                    .then(|| qr_code(&project.config, skeleton, locale, &page.document).ok())
                    .flatten()
                    .flatten();
                card_input(&page, card, what == "card-sheet", qr)
            }
            function => {
                // A QR target too long for a code is reported by a build.
                let qr = qr_code(&project.config, skeleton, locale, &page.document)
                    .ok()
                    .flatten();
                handout_input(&page, function, qr)
            }
        };
        Some((diagnostics, input))
    }
}

/// Kyr's bundled fonts, loaded once per process.
pub fn bundled_fonts() -> &'static [Font] {
    &crate::pdf::fonts::FontSet::bundled().fonts
}
