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
use crate::i18n::{builtin, interface};
use crate::project;

/// The CI workflow a new project starts with.
const WORKFLOW: &str = include_str!("../../assets/init/kyr.yml");

/// The example document of a new project.
const EXAMPLE_SKELETON: &str = include_str!("../../assets/init/example.md");

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
    /// What the reference's files hold in English, for want of kyr's own
    /// text in the reference language (`the example document`).
    pub in_english: Vec<String>,
}

/// `kyr init`, first step: the files of the new project. A folder that
/// already holds a project or one of the files, a bad language tag or
/// paper, is a usage error.
pub fn run(options: &InitOptions) -> Result<Outcome<InitReport>, Error> {
    let options = &InitOptions {
        reference: tag_of(&options.reference),
        locales: options.locales.iter().map(|l| tag_of(l)).collect(),
        ..options.clone()
    };
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
    let in_english = in_english(&options.reference);
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
            in_english,
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

/// A language as typed: a tag, or the name of a language kyr knows, in
/// itself or in English (`español`, `Qyol Mam`, `K'iche'`, `Spanish`);
/// anything else is left to be checked as a tag.
fn tag_of(typed: &str) -> String {
    if endonyms::of(typed).is_some() {
        return typed.to_owned();
    }
    endonyms::all()
        .iter()
        .find(|e| endonyms::same_name(e.endonym, typed) || endonyms::same_name(e.english, typed))
        .map_or_else(|| typed.to_owned(), |e| e.tag.to_owned())
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
/// (those of the locales other than the reference to be confirmed); for
/// the reference, the messages kyr has no text for in it follow as
/// English comments to translate; and the locales to confirm.
fn interface_files(
    options: &InitOptions,
    tags: &[String],
) -> (Vec<(PathBuf, String)>, Vec<String>) {
    let mut files = Vec::new();
    let mut translated = Vec::new();
    for tag in tags {
        let ftl = PathBuf::from("locales").join(tag).join("kyr.ftl");
        if *tag == options.reference {
            files.push((ftl, reference_interface(tag)));
        } else if let Some(text) = builtin::translation(tag) {
            // Shown from the reference where partial; `kyr new-locale`
            // makes the files of a locale kyr has nothing in.
            files.push((ftl, text.to_owned()));
            translated.push(tag.clone());
        }
    }
    (files, translated)
}

/// The reference's `kyr.ftl`: kyr's text in it (with an English title
/// to replace when there is none), then the messages it lacks as English
/// comments. Until they are translated, pages show kyr's English text,
/// marked as English, and `check` warns (`interface-missing`).
fn reference_interface(tag: &str) -> String {
    let mut text = match builtin::translation(tag) {
        Some(text) => text.to_owned(),
        None => format!(
            "# kyr's interface messages in `{tag}`, the language this project is written in.\n\n# REPLACE with the project's title in `{tag}`.\nproject-title = Know Your Rights\n"
        ),
    };
    let missing = builtin::missing_from(tag);
    if missing.is_empty() {
        return text;
    }
    text.push_str(&format!(
        "\n# kyr has no `{tag}` text for the messages below yet: translate each one from\n# English, then remove the `# ` before it. Until then the pages show kyr's\n# English text, marked as English, and `kyr check` warns.\n"
    ));
    for line in builtin::english_lines(&missing) {
        text.push_str(&format!("# {line}\n"));
    }
    text
}

/// What a new project in `reference` holds in English for want of kyr's
/// own text in it.
fn in_english(reference: &str) -> Vec<String> {
    let mut said = Vec::new();
    let missing = builtin::missing_from(reference).len();
    if missing > 0 {
        said.push(format!(
            "{missing} of kyr's {} interface messages (in `locales/{reference}/kyr.ftl`, as comments to translate)",
            interface::MESSAGES.len()
        ));
    }
    if builtin::example(reference).is_none() {
        said.push(format!(
            "the example document (in `locales/{reference}/example.ftl`, as comments to translate)"
        ));
    }
    said
}

/// The example's messages for a reference kyr has no example in: kyr's
/// English ones as comments to translate. Until they are, the pages show
/// kyr's English example, marked as English, and `check` warns.
fn english_example(reference: &str) -> String {
    let english = builtin::example("en").unwrap_or_default();
    let mut text = format!(
        "# The example document's messages. kyr has no example in `{reference}`, the\n# language this project is written in: translate each message below from\n# English, then remove the `# ` before it (or replace the document with your\n# own). Until then its pages show kyr's English example, marked as English.\n"
    );
    for line in english
        .lines()
        .skip_while(|l| l.starts_with('#') || l.is_empty())
    {
        // Its comments stay comments once the messages are uncommented.
        match line {
            "" => text.push('\n'),
            comment if comment.starts_with('#') => text.push_str(&format!("{comment}\n")),
            message => text.push_str(&format!("# {message}\n")),
        }
    }
    text
}

/// The example document and its messages, `.gitignore` and the CI
/// workflow.
fn example_files(options: &InitOptions) -> Vec<(PathBuf, String)> {
    let example = match builtin::example(&options.reference) {
        Some(text) => text.to_owned(),
        None => english_example(&options.reference),
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
