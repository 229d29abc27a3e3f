//! `kyr new`: a document added to a project: its skeleton in `content/`,
//! referring to a few example messages, and those messages in the
//! reference language, for the organizer to replace with the document's
//! text.

use std::path::PathBuf;

use crate::base::diag::display_path;
use crate::base::error::Error;
use crate::commands::{Outcome, PlannedWrite};
use crate::project::{self, Project};

/// What `kyr new` is asked for.
#[derive(Debug, Clone, Default)]
pub struct NewDocumentOptions {
    /// The document's name: lowercase letters, digits, `-` and `_`.
    pub name: String,
}

/// `kyr new`: the skeleton and its messages; the report is their paths,
/// relative to the project. A name that cannot be a document's, or a
/// document that exists, is a usage error.
pub fn run(
    project: &Project,
    options: &NewDocumentOptions,
) -> Result<Outcome<Vec<PathBuf>>, Error> {
    let name = options.name.as_str();
    if !project::is_document_name(name) {
        return Err(Error::Usage(format!(
            "document name `{name}` must use lowercase letters, digits, `-` and `_`, and not be `index` or a name Windows reserves (con, prn, aux, nul, com1, lpt1, ...)"
        )));
    }
    let skeleton = PathBuf::from("content").join(format!("{name}.md"));
    let messages = PathBuf::from("locales")
        .join(&project.config.reference)
        .join(format!("{name}.ftl"));
    for path in [&skeleton, &messages] {
        if project.root.join(path).exists() {
            return Err(Error::Usage(format!(
                "`{}` already exists",
                display_path(path)
            )));
        }
    }
    let (text, ftl) = document_files(name, &project.config.reference);
    Ok(Outcome {
        writes: vec![
            PlannedWrite::new(&project.root, &skeleton, text),
            PlannedWrite::new(&project.root, &messages, ftl),
        ],
        report: vec![skeleton, messages],
    })
}

/// The skeleton of a new document `name` and its messages in `reference`.
fn document_files(name: &str, reference: &str) -> (String, String) {
    let id = |key: &str| format!("{name}-{key}");
    let text = format!(
        r#"+++
title = "{title}"
layouts = ["handout"]
# The date a person last checked this content against its sources.
# last_reviewed = 2026-01-31
sources = [
  # {{ name = "Who published it: what it is", url = "https://..." }},
]
+++
# {{ {title} }}

{{ {intro} }}

## {{ {heading} }}

- {{ {point} }}

{{ {help} }}
"#,
        title = id("title"),
        intro = id("intro"),
        heading = id("rights-heading"),
        point = id("right-silent"),
        help = id("help"),
    );
    let words = placeholders(reference);
    let header = words[0]
        .replace("{name}", name)
        .replace("{reference}", reference);
    let ftl = format!(
        "{header}\n\n{title} = {}\n{intro} = {}\n{heading} = {}\n{point} = {}\n{help} = {}\n",
        words[1],
        words[2],
        words[3],
        words[4],
        words[5],
        title = id("title"),
        intro = id("intro"),
        heading = id("rights-heading"),
        point = id("right-silent"),
        help = id("help"),
    );
    (text, ftl)
}

/// The new messages' words in the languages kyr has them in (English for
/// the others): the file's comment (`{name}`, `{reference}` filled in),
/// then the title, introduction, heading, point and call for help.
const PLACEHOLDERS: &[(&str, [&str; 6])] = &[
    (
        "en",
        [
            "# Messages of content/{name}.md, in `{reference}`. Each line of the\n# skeleton shows one of them; translators translate these.",
            "Title of the document",
            "One or two sentences on who this is for.",
            "Your rights",
            "You have the right to remain silent.",
            "Call { $organization } at { $hotline } for help.",
        ],
    ),
    (
        "es",
        [
            "# Mensajes de content/{name}.md, en `{reference}`. Cada línea del\n# esqueleto muestra uno de ellos; quienes traducen traducen estos.",
            "Título del documento",
            "Una o dos frases sobre para quién es.",
            "Sus derechos",
            "Tiene derecho a guardar silencio.",
            "Llame a { $organization } al { $hotline } para pedir ayuda.",
        ],
    ),
    (
        "fr",
        [
            "# Messages de content/{name}.md, en `{reference}`. Chaque ligne du\n# squelette en montre un ; les traducteurs traduisent ceux-ci.",
            "Titre du document",
            "Une ou deux phrases sur le public visé.",
            "Vos droits",
            "Vous avez le droit de garder le silence.",
            "Appelez { $organization } au { $hotline } pour obtenir de l'aide.",
        ],
    ),
    (
        "pt",
        [
            "# Mensagens de content/{name}.md, em `{reference}`. Cada linha do\n# esqueleto mostra uma delas; quem traduz traduz estas.",
            "Título do documento",
            "Uma ou duas frases sobre para quem é.",
            "Seus direitos",
            "Você tem o direito de permanecer em silêncio.",
            "Ligue para { $organization } no { $hotline } para pedir ajuda.",
        ],
    ),
    (
        "ar",
        [
            "# رسائل content/{name}.md، بلغة `{reference}`. يعرض كل سطر من\n# الهيكل واحدة منها؛ وهي ما يترجمه المترجمون.",
            "عنوان الوثيقة",
            "جملة أو جملتان عمّن تُوجَّه إليه هذه الوثيقة.",
            "حقوقك",
            "لديك الحق في التزام الصمت.",
            "اتصل بـ { $organization } على الرقم { $hotline } للحصول على المساعدة.",
        ],
    ),
];

/// The new messages' words in `reference`, else in English.
fn placeholders(reference: &str) -> &'static [&'static str; 6] {
    PLACEHOLDERS
        .iter()
        .find(|(tag, _)| *tag == reference)
        .map_or(&PLACEHOLDERS[0].1, |(_, words)| words)
}
