//! `kyr new-locale`: a new locale's folder with one `.ftl` file per
//! reference file, every message present as a comment holding the
//! reference text, and its table in kyr.toml (edited with toml_edit so
//! comments and layout survive). Everything here is computed; the caller
//! writes the files.

use std::path::PathBuf;

use toml_edit::{Array, DocumentMut, Item, Table, value};

use crate::base::diag::display_path;
use crate::base::lang;
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
        return Err(format!("locale `{tag}` is already configured in kyr.toml"));
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
            let Some(source) = reference.sources.get(id).filter(|s| s.file == file) else {
                continue;
            };
            let Some(entry_text) = text.get(source.entry.clone()) else {
                continue;
            };
            let mut vars = std::collections::BTreeSet::new();
            collect_vars(entry_text, &mut vars);
            out.push('\n');
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
