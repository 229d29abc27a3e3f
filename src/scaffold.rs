//! `kyr new-locale`: a new locale's folder with one `.ftl` file per
//! reference file, every message present as a comment holding the
//! reference text, and its table in kyr.toml (edited with toml_edit so
//! comments and layout survive). Everything here is computed; the caller
//! writes the files.

use std::path::PathBuf;

use toml_edit::{Array, DocumentMut, Item, Table, value};

use crate::base::diag::display_path;
use crate::base::lang;
use crate::i18n::catalog::MessageSource;
use crate::i18n::interface;
use crate::project::Project;

/// The files a new locale needs: relative path -> contents.
#[derive(Debug)]
pub(crate) struct NewLocale {
    /// The new kyr.toml.
    pub config: String,
    /// `locales/<tag>/<file>.ftl` and the lock file, and their text.
    pub files: Vec<(PathBuf, String)>,
    /// How many messages are waiting for a translation.
    pub messages: usize,
}

/// Prepares a new locale; the `Err` is a usage error.
pub(crate) fn new_locale(
    project: &Project,
    tag: &str,
    fallback: &[String],
    endonym: Option<&str>,
) -> Result<NewLocale, String> {
    lang::parse_tag(tag)?;
    let config = &project.config;
    if config.locale(tag).is_some() {
        return Err(format!(
            "locale `{tag}` is already configured in kyr.toml; `kyr sync {tag}` adds the messages it lacks"
        ));
    }
    if project.root.join("locales").join(tag).exists() {
        return Err(format!("`locales/{tag}/` already exists"));
    }
    for target in fallback {
        if config.locale(target).is_none() {
            return Err(format!(
                "cannot fall back to `{target}`: it is not a configured locale"
            ));
        }
    }
    let reference = project.catalog.get(&config.reference).ok_or_else(|| {
        format!(
            "the reference locale `{}` has no messages",
            config.reference
        )
    })?;

    let mut files = Vec::new();
    let mut messages = 0;
    for (file, resource) in reference.resources() {
        let path = &project.files.get(file).path;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let text = project.files.text(file);
        let mut out = format!(
            "# {tag} translation of {}.\n\
             #\n\
             # Every message is below as a comment holding the `{reference}` text. To\n\
             # translate one, remove the `# ` in front of its lines and replace the\n\
             # `{reference}` words. Keep each `{{ $name }}` as it is: kyr fills in a phone\n\
             # number, a name or a date there. Until a message is translated, pages\n\
             # show it in the next language of the fallback chain.\n",
            display_path(path),
            reference = config.reference,
        );
        for entry in resource.entries() {
            let fluent_syntax::ast::Entry::Message(message) = entry else {
                continue;
            };
            let id = message.id.name;
            if interface::organizer_only(id) {
                continue;
            }
            let Some(source) = reference.sources.get(id).filter(|s| s.file == file) else {
                continue;
            };
            out.push('\n');
            out.push_str(&commented_entry(text, source, &config.reference));
            messages += 1;
        }
        files.push((PathBuf::from("locales").join(tag).join(name), out));
    }

    let config_text = project.files.text(project.config_file);
    let mut doc: DocumentMut = config_text
        .parse()
        .map_err(|e| format!("kyr.toml cannot be edited: {e}"))?;
    let locales = doc
        .entry("locales")
        .or_insert_with(|| {
            let mut t = Table::new();
            t.set_implicit(true);
            Item::Table(t)
        })
        .as_table_mut()
        .ok_or("`locales` in kyr.toml is not a table")?;
    let mut table = Table::new();
    table.decor_mut().set_prefix(format!(
        "\n# Added by `kyr new-locale {tag}`: translations start unreviewed.\n"
    ));
    table.insert("endonym", value(endonym.unwrap_or(tag)));
    if !fallback.is_empty() {
        let mut list = Array::new();
        for target in fallback {
            list.push(target.as_str());
        }
        table.insert("fallback", value(list));
    }
    table.insert("reviewed", value(false));
    locales.insert(tag, Item::Table(table));

    // Track staleness from the first translation on.
    let lock = crate::i18n::lock::Lock::default().render(tag, &config.reference);
    files.push((
        PathBuf::from("locales")
            .join(tag)
            .join(crate::i18n::lock::LOCK_FILE),
        lock,
    ));

    Ok(NewLocale {
        config: doc.to_string(),
        files,
        messages,
    })
}

/// A reference message as a translator gets it: the reference's own
/// comment on it (what the text is for), the variables it uses, then its
/// lines behind `# `, to be uncommented and translated.
fn commented_entry(text: &str, source: &MessageSource, reference: &str) -> String {
    let entry_text = text.get(source.entry.clone()).unwrap_or("");
    let mut out = String::new();
    for line in own_comment(text, source.id.start) {
        out.push_str(&format!("# ({reference} note) {line}\n").replace(" \n", "\n"));
    }
    let mut vars = std::collections::BTreeSet::new();
    collect_vars(entry_text, &mut vars);
    if !vars.is_empty() {
        let list: Vec<String> = vars.iter().map(|v| format!("{{ ${v} }}")).collect();
        out.push_str(&format!("# variables: {}\n", list.join(", ")));
    }
    for line in entry_text.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        out.push_str("# ");
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// The comment attached to the message whose id starts at `id_start`: the
/// `# ` lines right above it, with no blank line between (Fluent's own
/// rule; kyr's runtime parser keeps no comments).
fn own_comment(text: &str, id_start: usize) -> Vec<&str> {
    let before = &text[..id_start.min(text.len())];
    let mut lines: Vec<&str> = before.lines().collect();
    if !before.ends_with('\n') {
        lines.pop();
    }
    let mut comment = Vec::new();
    while let Some(line) = lines.pop() {
        match line
            .strip_prefix("# ")
            .or_else(|| (line == "#").then_some(""))
        {
            Some(content) => comment.push(content),
            None => break,
        }
    }
    comment.reverse();
    comment
}

/// What `kyr sync` adds to a locale: for each of its files, the path and
/// the text to append, and how many messages that is.
#[derive(Debug, Default)]
pub(crate) struct Sync {
    /// `locales/<tag>/<file>.ftl` and its new text: what it held, with
    /// the messages added at its end.
    pub files: Vec<(PathBuf, String)>,
    /// Messages added, to translate.
    pub messages: usize,
}

/// The reference messages locale `tag` lacks, as commented entries to
/// add to its files (the reference file's name), each with the
/// reference's comment and text. Nothing is removed; a message already
/// there, translated or commented, is not added again.
pub(crate) fn sync(project: &Project, tag: &str) -> Result<Sync, String> {
    let config = &project.config;
    if config.locale(tag).is_none() {
        return Err(format!("locale `{tag}` is not configured in kyr.toml"));
    }
    if *tag == config.reference {
        return Err(format!(
            "`{tag}` is the reference locale: it is what the others are synced with"
        ));
    }
    let reference = project.catalog.get(&config.reference).ok_or_else(|| {
        format!(
            "the reference locale `{}` has no messages",
            config.reference
        )
    })?;
    let own = project.catalog.get(tag);
    let mut sync = Sync::default();
    for (file, resource) in reference.resources() {
        let path = &project.files.get(file).path;
        let Some(name) = path.file_name() else {
            continue;
        };
        let target = PathBuf::from("locales").join(tag).join(name);
        let existing = std::fs::read_to_string(project.root.join(&target)).ok();
        let text = project.files.text(file);
        let mut added = String::new();
        for entry in resource.entries() {
            let fluent_syntax::ast::Entry::Message(message) = entry else {
                continue;
            };
            let id = message.id.name;
            let translated =
                own.is_some_and(|b| b.sources.contains_key(id) || b.broken.contains_key(id));
            let commented = existing.as_deref().is_some_and(|e| {
                e.lines().any(|line| {
                    line.strip_prefix("# ")
                        .and_then(|rest| rest.strip_prefix(id))
                        .is_some_and(|rest| rest.trim_start().starts_with('='))
                })
            });
            if translated || commented || interface::organizer_only(id) {
                continue;
            }
            let Some(source) = reference.sources.get(id).filter(|s| s.file == file) else {
                continue;
            };
            added.push('\n');
            added.push_str(&commented_entry(text, source, &config.reference));
            sync.messages += 1;
        }
        if added.is_empty() {
            continue;
        }
        let text = match existing {
            None => format!(
                "# {tag} translation of {}.\n#\n# To translate a message, remove the `# ` in front of its lines and\n# replace the `{}` words; keep each `{{ $name }}` as it is.\n{added}",
                display_path(path),
                config.reference
            ),
            Some(existing) => {
                let separator = if existing.ends_with('\n') { "" } else { "\n" };
                format!(
                    "{existing}{separator}\n# Added by `kyr sync {tag}`: new in `{}`, to translate.\n{added}",
                    config.reference
                )
            }
        };
        sync.files.push((target, text));
    }
    Ok(sync)
}

/// The `$name`s written in a piece of Fluent.
fn collect_vars(text: &str, out: &mut std::collections::BTreeSet<String>) {
    let mut rest = text;
    while let Some(at) = rest.find('$') {
        let name: String = rest[at + 1..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
            .collect();
        if !name.is_empty() {
            out.insert(name);
        }
        rest = &rest[at + 1..];
    }
}

/// kyr's own translations of its interface messages (`kyr.ftl`), which a
/// new project starts from.
const INTERFACE_TRANSLATIONS: &[(&str, &str)] = &[
    ("en", include_str!("../assets/interface/en.ftl")),
    ("fr", include_str!("../assets/interface/fr.ftl")),
    ("es", include_str!("../assets/interface/es.ftl")),
    ("pt", include_str!("../assets/interface/pt.ftl")),
    ("ar", include_str!("../assets/interface/ar.ftl")),
    ("ht", include_str!("../assets/interface/ht.ftl")),
    ("wo", include_str!("../assets/interface/wo.ftl")),
    ("ff", include_str!("../assets/interface/ff.ftl")),
    ("ff-Adlm", include_str!("../assets/interface/ff-Adlm.ftl")),
];

/// The languages' own names, for the languages kyr ships.
const ENDONYMS: &[(&str, &str)] = &[
    ("en", "English"),
    ("fr", "Français"),
    ("es", "Español"),
    ("pt", "Português"),
    ("ar", "العربية"),
    ("ht", "Kreyòl ayisyen"),
    ("wo", "Wolof"),
    ("ff", "Pulaar"),
    ("ff-Adlm", "𞤆𞤵𞤤𞤢𞤪"),
    ("snk", "Sooninkanxanne"),
];

/// The CI workflow a new project starts with.
const WORKFLOW: &str = include_str!("../assets/init/kyr.yml");

/// The example document of a new project and its messages.
const EXAMPLE_SKELETON: &str = include_str!("../assets/init/example.md");
const EXAMPLE_MESSAGES: &str = include_str!("../assets/init/example.ftl");

/// What `kyr init` is asked for.
#[derive(Debug)]
pub(crate) struct InitOptions {
    /// The language content is written in.
    pub reference: String,
    /// The other languages.
    pub locales: Vec<String>,
    /// `a4` or `us-letter`.
    pub paper: String,
}

/// What `kyr init` writes.
#[derive(Debug)]
pub(crate) struct NewProject {
    /// The files, by path relative to the project's folder.
    pub files: Vec<(PathBuf, String)>,
    /// The locales whose `kyr.ftl` is kyr's own translation, to be
    /// confirmed against the reference once written.
    pub translated: Vec<String>,
}

/// A new project. The `Err` is a usage error.
pub(crate) fn init(options: &InitOptions) -> Result<NewProject, String> {
    let mut tags = vec![options.reference.clone()];
    for tag in &options.locales {
        if !tags.contains(tag) {
            tags.push(tag.clone());
        }
    }
    for tag in &tags {
        lang::parse_tag(tag)?;
    }
    if !matches!(options.paper.as_str(), "a4" | "us-letter") {
        return Err(format!(
            "paper `{}` must be `a4` or `us-letter`",
            options.paper
        ));
    }
    let interface = |tag: &str| {
        INTERFACE_TRANSLATIONS
            .iter()
            .find(|(t, _)| *t == tag)
            .map(|(_, text)| *text)
    };
    let mut files = Vec::new();
    let mut confirm = Vec::new();
    let mut config = format!(
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
    );
    for tag in &tags {
        let is_reference = *tag == options.reference;
        match ENDONYMS.iter().find(|(t, _)| t == tag) {
            Some((_, endonym)) => config.push_str(&format!("\n[locales.{tag}]\nendonym = \"{endonym}\"\n")),
            None => config.push_str(&format!(
                "\n[locales.{tag}]\n# REPLACE with the language's own name, as its readers write it.\nendonym = \"{tag}\"\n"
            )),
        }
        if is_reference {
            config.push_str("complete = true\nreviewed = true\n");
        }
        let ftl = PathBuf::from("locales").join(tag).join("kyr.ftl");
        match interface(tag) {
            Some(text) => {
                files.push((ftl, text.to_owned()));
                if !is_reference {
                    confirm.push(tag.clone());
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
    files.push((PathBuf::from("kyr.toml"), config));
    let example = if options.reference == "en" {
        EXAMPLE_MESSAGES.to_owned()
    } else {
        format!(
            "# The example document's messages, in English: replace them with your own\n# text in `{}`, the language this project is written in.\n\n{EXAMPLE_MESSAGES}",
            options.reference
        )
    };
    files.push((
        PathBuf::from("locales")
            .join(&options.reference)
            .join("example.ftl"),
        example,
    ));
    files.push((
        PathBuf::from("content/example.md"),
        EXAMPLE_SKELETON.to_owned(),
    ));
    files.push((
        PathBuf::from(".gitignore"),
        "# What kyr builds.\nout/\n".to_owned(),
    ));
    files.push((
        PathBuf::from(".github/workflows/kyr.yml"),
        WORKFLOW.to_owned(),
    ));
    Ok(NewProject {
        files,
        translated: confirm,
    })
}

/// A new document: its skeleton and its messages in the reference
/// language. The `Err` is a usage error.
pub(crate) fn new_document(
    project: &Project,
    name: &str,
) -> Result<Vec<(PathBuf, String)>, String> {
    if !crate::project::is_document_name(name) {
        return Err(format!(
            "document name `{name}` must use lowercase letters, digits, `-` and `_`, and not be `index` or a name Windows reserves (con, prn, aux, nul, com1, lpt1, ...)"
        ));
    }
    let skeleton = PathBuf::from("content").join(format!("{name}.md"));
    let messages = PathBuf::from("locales")
        .join(&project.config.reference)
        .join(format!("{name}.ftl"));
    for path in [&skeleton, &messages] {
        if project.root.join(path).exists() {
            return Err(format!("`{}` already exists", display_path(path)));
        }
    }
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
        reference = project.config.reference,
        title = id("title"),
        intro = id("intro"),
        heading = id("rights-heading"),
        point = id("right-silent"),
        help = id("help"),
    );
    Ok(vec![(skeleton, text), (messages, ftl)])
}
