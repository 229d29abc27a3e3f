//! RENDER HTML: the HTML back end. A resolved page -> escaped HTML
//! fragments ([`markup`]) placed in a self-contained page by minijinja
//! templates ([`templates`]: `templates/html/`, with built-in defaults),
//! with the `@font-face` rules its text needs and subsets of the bundled
//! fonts beside it ([`fonts`]); the index pages ([`index`]). Every piece
//! of text is escaped; variables are wrapped in `<bdi>`; text from another
//! locale carries its `lang`/`dir`. [`HtmlFormat`] is this back end behind
//! the output contract ([`crate::render`]).

pub(crate) mod fonts;
mod index;
mod markup;
mod page;
mod templates;

pub(crate) use index::{LANGUAGE_LISTS_DIR, index_pages, is_index_page, languages_have_own_index};
pub use markup::escape_into;
pub(crate) use markup::{blocks_html, inlines_html};
pub(crate) use templates::{Templates, environment};

use crate::base::diag::{Diagnostic, Files, Span, Strict};
use crate::config::{Config, Locale};
use crate::doc::Skeleton;
use crate::i18n::page::Page;
use crate::render::{Format, OutputFormat, Planned, Rendered};

/// Above this many languages, a page's language switcher lists only its
/// own fallback chain, and the index is split (see [`index_pages`]).
pub(crate) const SWITCHER_MAX_LANGUAGES: usize = 40;

/// The largest page a phone on a slow connection should have to load, in
/// bytes; a build warns about a bigger one.
pub(crate) const PAGE_BUDGET_BYTES: usize = 30 * 1024;

/// The folder of a locale's recordings, beside its pages.
pub(crate) const AUDIO_DIR: &str = "audio";

/// The interface text that tells the reader how to print a PDF of a
/// layout (`card-sheet` -> `texts.print-card-sheet`).
pub(crate) fn how_to_print(layout: &str) -> Option<&'static str> {
    Some(match layout {
        "handout" => "print-handout",
        "card" => "print-card",
        "card-sheet" => "print-card-sheet",
        "booklet" => "print-booklet",
        "booklet-print" => "print-booklet-sheets",
        _ => return None,
    })
}

/// The page `skeleton` is made into in `locale`.
pub(crate) fn outputs(skeleton: &Skeleton, locale: &Locale) -> Vec<Planned> {
    let name = format!("{}.html", skeleton.name);
    vec![Planned::new(locale, &name, Format::Html, None)]
}

/// What another format writes for a skeleton in a locale
/// ([`OutputFormat::outputs`]).
pub(crate) type PlannedBy = fn(&Skeleton, &Locale) -> Vec<Planned>;

/// The HTML back end: one page per document and locale,
/// `<tag>/<doc>.html`, linking the PDF files the build makes beside it.
pub(crate) struct HtmlFormat<'a> {
    /// The configuration (languages, for the switcher).
    pub(crate) config: &'a Config,
    /// The project's templates.
    pub(crate) templates: &'a Templates,
    /// The project's sources, which diagnostics point into.
    pub(crate) files: &'a Files,
    /// The files each page lists under "Print", beside it: the PDF back
    /// end's outputs, when the build makes PDFs.
    pub(crate) print: Option<PlannedBy>,
    /// Every warning is an error.
    pub(crate) strict: Strict,
}

impl HtmlFormat<'_> {
    /// The PDF files beside a page, each with the interface text that says
    /// how to print it.
    fn print_files(&self, skeleton: &Skeleton, locale: &Locale) -> Vec<(String, &'static str)> {
        let Some(print) = self.print else {
            return Vec::new();
        };
        print(skeleton, locale)
            .into_iter()
            .filter_map(|planned| {
                let how = how_to_print(planned.layout?)?;
                let name = planned.path.rsplit('/').next()?.to_owned();
                Some((name, how))
            })
            .collect()
    }

    /// The page's HTML, or why there is none; a page over the size budget
    /// is written with a warning (an error under `--strict`).
    fn page_html(
        &self,
        skeleton: &Skeleton,
        page: &Page,
        found: &mut Vec<Diagnostic>,
    ) -> Option<String> {
        // With broken templates (already reported) resolving still
        // reports the content's problems.
        if !self.templates.is_usable() {
            return None;
        }
        let pdfs = self.print_files(skeleton, page.locale);
        match page::document_page(self.config, page, &pdfs, self.templates, self.files) {
            Ok(html) if html.len() > PAGE_BUDGET_BYTES => {
                let d = page_too_big(skeleton, page, html.len()).promote(self.strict);
                let failed = d.is_error();
                found.push(d);
                (!failed).then_some(html)
            }
            Ok(html) => Some(html),
            Err(d) => {
                found.push(d);
                None
            }
        }
    }
}

impl OutputFormat for HtmlFormat<'_> {
    fn format(&self) -> Format {
        Format::Html
    }

    fn outputs(&self, skeleton: &Skeleton, locale: &Locale) -> Vec<Planned> {
        outputs(skeleton, locale)
    }

    fn render(&self, skeleton: &Skeleton, page: &Page) -> Rendered {
        let mut rendered = Rendered::default();
        let html = self.page_html(skeleton, page, &mut rendered.diagnostics);
        if let Some(html) = &html {
            rendered.facts.chars = fonts::page_chars(html);
            for recording in crate::doc::model::recordings(&page.document.blocks) {
                if !rendered.facts.recordings.contains(&recording.file) {
                    rendered.facts.recordings.push(recording.file.clone());
                }
            }
        }
        let planned = self.outputs(skeleton, page.locale).remove(0);
        rendered.files.push((planned, html.map(String::into_bytes)));
        rendered
    }
}

/// A page over the size a phone on a slow connection should load.
fn page_too_big(skeleton: &Skeleton, page: &Page, bytes: usize) -> Diagnostic {
    Diagnostic::warning(format!(
        "the page `{}/{}.html` is {} KB, over the budget of {} KB for a phone on a slow connection",
        page.locale.tag,
        skeleton.name,
        bytes.div_ceil(1024),
        PAGE_BUDGET_BYTES / 1024
    ))
    .code("page-size")
    .at(Span::new(skeleton.file, 0..0))
    .hint("split the document, or shorten its longest messages")
}
