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
    let ftl = format!(
        "# Messages of content/{name}.md, in `{reference}`. Each line of the\n# skeleton shows one of them; translators translate these.\n\n{title} = Title of the document\n{intro} = One or two sentences on who this is for.\n{heading} = Your rights\n{point} = You have the right to remain silent.\n{help} = Call {{ $organization }} at {{ $hotline }} for help.\n",
        title = id("title"),
        intro = id("intro"),
        heading = id("rights-heading"),
        point = id("right-silent"),
        help = id("help"),
    );
    (text, ftl)
}
