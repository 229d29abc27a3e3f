//! `kyr init`: a new project that builds offline at once: kyr.toml (the
//! reference language, the other languages, the paper, example facts to
//! replace), kyr's own translations of its interface messages, an example
//! document, `.gitignore` and a CI workflow. It writes only into a new or
//! empty folder. In two steps: [`run`] plans the files; once they are
//! written, [`confirm_interface`] plans the lock files that confirm kyr's
//! translations against the reference, read from the new project.

use std::path::{Path, PathBuf};

use crate::base::diag::display_path;
use crate::base::endonyms;
use crate::base::error::Error;
use crate::base::lang;
use crate::commands::{Outcome, PlannedWrite, confirm};
use crate::project;

/// kyr's own translations of its interface messages (`kyr.ftl`), which a
/// new project starts from.
const INTERFACE_TRANSLATIONS: &[(&str, &str)] = &[
    ("en", include_str!("../../assets/interface/en.ftl")),
    ("fr", include_str!("../../assets/interface/fr.ftl")),
    ("es", include_str!("../../assets/interface/es.ftl")),
    ("pt", include_str!("../../assets/interface/pt.ftl")),
    ("ar", include_str!("../../assets/interface/ar.ftl")),
    ("ht", include_str!("../../assets/interface/ht.ftl")),
    ("wo", include_str!("../../assets/interface/wo.ftl")),
    ("ff", include_str!("../../assets/interface/ff.ftl")),
    (
        "ff-Adlm",
        include_str!("../../assets/interface/ff-Adlm.ftl"),
    ),
];

/// The CI workflow a new project starts with.
const WORKFLOW: &str = include_str!("../../assets/init/kyr.yml");

/// The example document of a new project and its messages.
const EXAMPLE_SKELETON: &str = include_str!("../../assets/init/example.md");
const EXAMPLE_MESSAGES: &str = include_str!("../../assets/init/example.ftl");

/// What `kyr init` is asked for.
#[derive(Debug, Clone)]
pub struct InitOptions {
    /// The folder to start the project in (made if missing).
    pub dir: PathBuf,
    /// The language content is written in.
    pub reference: String,
    /// The other languages.
    pub locales: Vec<String>,
    /// `a4` or `us-letter`.
    pub paper: String,
}

/// What `kyr init` made.
#[derive(Debug)]
pub struct InitReport {
    /// The project's folder.
    pub dir: PathBuf,
    /// How many files it starts with.
    pub files: usize,
    /// The locales whose `kyr.ftl` is kyr's own translation, to be
    /// confirmed against the reference once written
    /// ([`confirm_interface`]).
    pub translated: Vec<String>,
}

/// `kyr init`, first step: the files of the new project. A folder that
/// already holds a project or one of the files, a bad language tag or
/// paper, is a usage error.
pub fn run(options: &InitOptions) -> Result<Outcome<InitReport>, Error> {
    let dir = &options.dir;
    if dir.join(project::CONFIG_FILE).exists() {
        return Err(Error::Usage(format!(
            "`{}` already holds a `{}`: it is a kyr project",
            dir.display(),
            project::CONFIG_FILE
        )));
    }
    let tags = checked_tags(options)?;
    let (mut files, translated) = interface_files(options, &tags);
    files.push((PathBuf::from("kyr.toml"), config_text(options, &tags)));
    files.extend(example_files(options));
    for (relative, _) in &files {
        if dir.join(relative).exists() {
            return Err(Error::Usage(format!(
                "`{}` already exists in `{}`; kyr init writes only into a new or empty project",
                display_path(relative),
                dir.display()
            )));
        }
    }
    Ok(Outcome {
        report: InitReport {
            dir: dir.clone(),
            files: files.len(),
            translated,
        },
        writes: files
            .into_iter()
            .map(|(relative, text)| PlannedWrite::new(dir, relative, text))
            .collect(),
    })
}

/// `kyr init`, second step, once [`run`]'s files are written: the lock
/// files confirming kyr's own translations (`translated`) against the
/// reference, read from the new project at `dir`.
pub fn confirm_interface(dir: &Path, translated: &[String]) -> Result<Vec<PlannedWrite>, Error> {
    let project = project::load(dir)?;
    let mut writes = Vec::new();
    for tag in translated {
        let (write, _) = confirm::lock_write(&project, tag, &[], false)?;
        writes.push(write);
    }
    Ok(writes)
}

/// The reference, then the other locales once each; every tag must be a
/// language tag, and the paper one kyr knows.
fn checked_tags(options: &InitOptions) -> Result<Vec<String>, Error> {
    let mut tags = vec![options.reference.clone()];
    for tag in &options.locales {
        if !tags.contains(tag) {
            tags.push(tag.clone());
        }
    }
    for tag in &tags {
        lang::parse_tag(tag).map_err(Error::Usage)?;
    }
    if !matches!(options.paper.as_str(), "a4" | "us-letter") {
        return Err(Error::Usage(format!(
            "paper `{}` must be `a4` or `us-letter`",
            options.paper
        )));
    }
    Ok(tags)
}

/// kyr's translation of its interface messages.
fn interface(tag: &str) -> Option<&'static str> {
    INTERFACE_TRANSLATIONS
        .iter()
        .find(|(t, _)| *t == tag)
        .map(|(_, text)| *text)
}

/// The head of a new kyr.toml: what each setting is for, the example
/// facts to replace, and how the locale tables below work.
fn config_head(options: &InitOptions) -> String {
    format!(
        r#"# kyr project. `kyr build` makes the handouts and pages into out/;
# `kyr check` checks everything without writing.
#
# title:      message id of the project's title (in locales/<tag>/kyr.ftl)
# reference:  the language content is written in; every fallback ends there
# paper:      a4 or us-letter (a locale may set its own)

title = "project-title"
reference = "{reference}"
paper = "{paper}"

# A QR code at the end of every handout and booklet, for example to where
# the pages are published ({{locale}} and {{document}} are filled in):
# qr = "https://example.org/kyr/{{locale}}/{{document}}.html"

# Facts every message can show as {{ $name }}. REPLACE THEM before printing:
# the hotline below is a reserved example number that reaches nobody, and
# kyr warns about both until they are replaced.
[vars]
hotline = {{ text = "+1 (555) 010-1234", link = "tel:+15550101234" }}
organization = "Example Legal Aid"

# One table per language. endonym: the language's own name. fallback: where
# a missing message is looked up next (the reference always comes last).
# complete: every message is expected to be translated. reviewed: a fluent
# speaker has checked the translation; until then every page says it has
# not been reviewed.
"#,
        reference = options.reference,
        paper = options.paper,
    )
}

/// The new kyr.toml: the head, then a table per locale.
fn config_text(options: &InitOptions, tags: &[String]) -> String {
    let mut config = config_head(options);
    for tag in tags {
        match endonyms::of(tag) {
            Some(known) => config.push_str(&format!(
                "\n[locales.{tag}]\n# {} in itself, from {}.\nendonym = \"{}\"\n",
                known.english, known.source, known.endonym
            )),
            None => config.push_str(&format!(
                "\n[locales.{tag}]\n# REPLACE with the language's own name, as its readers write it.\nendonym = \"{tag}\"\n"
            )),
        }
        if *tag == options.reference {
            config.push_str("complete = true\nreviewed = true\n");
        }
    }
    config
}

/// Each locale's `kyr.ftl`: kyr's own translation where there is one
/// (those of the locales other than the reference to be confirmed), the
/// English one for a reference kyr has none in; and the locales to
/// confirm.
fn interface_files(
    options: &InitOptions,
    tags: &[String],
) -> (Vec<(PathBuf, String)>, Vec<String>) {
    let mut files = Vec::new();
    let mut translated = Vec::new();
    for tag in tags {
        let is_reference = *tag == options.reference;
        let ftl = PathBuf::from("locales").join(tag).join("kyr.ftl");
        match interface(tag) {
            Some(text) => {
                files.push((ftl, text.to_owned()));
                if !is_reference {
                    translated.push(tag.clone());
                }
            }
            None if is_reference => {
                // The interface must exist in the reference: in English,
                // for the organizer to translate.
                let english = interface("en").unwrap_or_default();
                files.push((
                    ftl,
                    format!(
                        "# kyr's interface messages, in English: translate them into `{tag}`, the\n# language this project is written in.\n\n{english}"
                    ),
                ));
            }
            // Shown from the reference until translated (`kyr new-locale`
            // makes the files to translate).
            None => {}
        }
    }
    (files, translated)
}

/// The example document and its messages, `.gitignore` and the CI
/// workflow.
fn example_files(options: &InitOptions) -> Vec<(PathBuf, String)> {
    let example = if options.reference == "en" {
        EXAMPLE_MESSAGES.to_owned()
    } else {
        format!(
            "# The example document's messages, in English: replace them with your own\n# text in `{}`, the language this project is written in.\n\n{EXAMPLE_MESSAGES}",
            options.reference
        )
    };
    vec![
        (
            PathBuf::from("locales")
                .join(&options.reference)
                .join("example.ftl"),
            example,
        ),
        (
            PathBuf::from("content/example.md"),
            EXAMPLE_SKELETON.to_owned(),
        ),
        (
            PathBuf::from(".gitignore"),
            "# What kyr builds.\nout/\n".to_owned(),
        ),
        (
            PathBuf::from(".github/workflows/kyr.yml"),
            WORKFLOW.to_owned(),
        ),
    ]
}
