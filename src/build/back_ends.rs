//! The back ends a build writes with, made once for the build, each
//! behind the output contract ([`crate::render::OutputFormat`]): the
//! driver only ever sees the list; and the files each format writes, for
//! the passes that describe a build without rendering it.

use crate::build::options::BuildOptions;
use crate::config::Locale;
use crate::doc::Skeleton;
use crate::html::HtmlFormat;
use crate::pdf::PdfFormat;
use crate::pdf::engine::Engine;
use crate::project::Project;
use crate::render::{Format, OutputFormat, Planned};
use crate::text::TextFormat;

/// The back ends of one build, each present when its format is built.
pub(super) struct BackEnds<'a> {
    html: Option<HtmlFormat<'a>>,
    pdf: Option<PdfFormat<'a>>,
    text: Option<TextFormat<'a>>,
}

impl<'a> BackEnds<'a> {
    /// The back ends of the formats `wanted`; the PDF one lays out with
    /// `engine` (made only when PDFs are built). HTML pages link the PDFs
    /// beside them when the build makes them.
    pub(super) fn new(
        project: &'a Project,
        options: &BuildOptions,
        wanted: &[Format],
        engine: Option<&'a Engine>,
    ) -> Self {
        let pdf = engine
            .filter(|_| wanted.contains(&Format::Pdf))
            .map(|engine| {
                PdfFormat::new(
                    engine,
                    &project.config,
                    &project.files,
                    project.messages().anchor(),
                    options.strict,
                )
            });
        let html = wanted.contains(&Format::Html).then(|| HtmlFormat {
            config: &project.config,
            templates: &project.templates,
            files: &project.files,
            print: pdf
                .is_some()
                .then_some(crate::pdf::outputs as crate::html::PlannedBy),
            strict: options.strict,
        });
        BackEnds {
            html,
            pdf,
            text: wanted.contains(&Format::Text).then_some(TextFormat {
                config: &project.config,
            }),
        }
    }

    /// The back ends, HTML first.
    pub(super) fn list(&self) -> Vec<&dyn OutputFormat> {
        let html = self.html.as_ref().map(|f| f as &dyn OutputFormat);
        let pdf = self.pdf.as_ref().map(|f| f as &dyn OutputFormat);
        let text = self.text.as_ref().map(|f| f as &dyn OutputFormat);
        [html, pdf, text].into_iter().flatten().collect()
    }
}

/// The files a format writes for `skeleton` in `locale`, for the passes
/// that describe what a build wrote without rendering it (the bundle).
pub(crate) fn planned_outputs(
    format: Format,
    skeleton: &Skeleton,
    locale: &Locale,
) -> Vec<Planned> {
    match format {
        Format::Html => crate::html::outputs(skeleton, locale),
        Format::Pdf => crate::pdf::outputs(skeleton, locale),
        Format::Text => crate::text::outputs(skeleton, locale),
    }
}
