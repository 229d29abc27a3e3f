//! `kyr new-locale`: a new locale's folder with one `.ftl` file per
//! reference file, every message present as a comment holding the
//! reference text, an empty lock file (staleness is tracked from the first
//! translation on), and its table in kyr.toml (edited with toml_edit so
//! comments and layout survive).

use std::path::{Path, PathBuf};

use toml_edit::{Array, DocumentMut, Item, Table, value};

use crate::base::diag::display_path;
use crate::base::endonyms;
use crate::base::error::Error;
use crate::base::lang;
use crate::commands::commented::commented_entry;
use crate::commands::{Before, Outcome, PlannedWrite, read_edited};
use crate::i18n::{LocaleBundle, interface, lock};
use crate::project::{self, Project};

/// What `kyr new-locale` is asked for.
#[derive(Debug, Clone, Default)]
pub struct NewLocaleOptions {
    /// BCP 47 tag of the new locale.
    pub locale: String,
    /// Locales to fall back to, in order (the reference comes last anyway).
    pub fallback: Vec<String>,
    /// The language's name in itself (the tag until one is set).
    pub endonym: Option<String>,
}

/// What `kyr new-locale` made.
#[derive(Debug)]
pub struct NewLocaleReport {
    /// The new locale.
    pub locale: String,
    /// Its `.ftl` files, one per reference file.
    pub files: usize,
    /// Messages waiting for a translation.
    pub messages: usize,
    /// Whether it has an endonym: given, or one kyr knows (otherwise the
    /// tag stands in).
    pub endonym_given: bool,
}

/// `kyr new-locale`: the new locale's files, then kyr.toml with its
/// table. A bad or configured tag, an existing folder, or a fallback that
/// is not a configured locale is a usage error.
pub fn run(
    project: &Project,
    options: &NewLocaleOptions,
) -> Result<Outcome<NewLocaleReport>, Error> {
    let tag = options.locale.as_str();
    let reference = checked(project, options)?;
    let (files, messages) = translation_files(project, reference, tag);
    let config_before = read_edited(&project.root, Path::new(project::CONFIG_FILE))?;
    let Before::Held(config_bytes) = &config_before else {
        return Err(Error::Usage(
            "kyr.toml is gone: run the command again where it is".to_owned(),
        ));
    };
    let config = with_locale_table(&String::from_utf8_lossy(config_bytes), options)?;

    let report = NewLocaleReport {
        locale: tag.to_owned(),
        files: files.len(),
        messages,
        endonym_given: endonym(options).is_some(),
    };
    let mut writes: Vec<PlannedWrite> = files
        .into_iter()
        .map(|(relative, text)| PlannedWrite::new(&project.root, relative, text))
        .collect();
    let lock_text = lock::Lock::default().render(tag, &project.config.reference);
    writes.push(PlannedWrite::new(
        &project.root,
        PathBuf::from("locales").join(tag).join(lock::LOCK_FILE),
        lock_text,
    ));
    writes.push(PlannedWrite::new(&project.root, project::CONFIG_FILE, config).over(config_before));
    Ok(Outcome { writes, report })
}

/// The reference locale's messages, once the new locale is known to be
/// one that can be added.
fn checked<'a>(
    project: &'a Project,
    options: &NewLocaleOptions,
) -> Result<&'a LocaleBundle, Error> {
    let tag = options.locale.as_str();
    lang::parse_tag(tag).map_err(Error::Usage)?;
    let config = &project.config;
    if config.locale(tag).is_some() {
        return Err(Error::Usage(format!(
            "locale `{tag}` is already configured in kyr.toml; `kyr sync {tag}` adds the messages it lacks"
        )));
    }
    if project.root.join("locales").join(tag).exists() {
        return Err(Error::Usage(format!("`locales/{tag}/` already exists")));
    }
    for target in &options.fallback {
        if config.locale(target).is_none() {
            return Err(Error::Usage(format!(
                "cannot fall back to `{target}`: it is not a configured locale"
            )));
        }
    }
    project.catalog.get(&config.reference).ok_or_else(|| {
        Error::Usage(format!(
            "the reference locale `{}` has no messages",
            config.reference
        ))
    })
}

/// One file per reference file, each message commented out for the
/// translator, and how many messages that is.
fn translation_files(
    project: &Project,
    reference: &LocaleBundle,
    tag: &str,
) -> (Vec<(PathBuf, String)>, usize) {
    let reference_tag = &project.config.reference;
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
             # Every message is below as a comment holding the `{reference_tag}` text. To\n\
             # translate one, remove the `# ` in front of its lines and replace the\n\
             # `{reference_tag}` words. Keep each `{{ $name }}` as it is: kyr fills in a phone\n\
             # number, a name or a date there. Until a message is translated, pages\n\
             # show it in the next language of the fallback chain.\n",
            display_path(path),
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
            out.push_str(&commented_entry(text, source, reference_tag));
            messages += 1;
        }
        files.push((PathBuf::from("locales").join(tag).join(name), out));
    }
    (files, messages)
}

/// The new locale's endonym: the one given, else the one kyr knows.
fn endonym(options: &NewLocaleOptions) -> Option<&str> {
    options
        .endonym
        .as_deref()
        .or_else(|| endonyms::of(&options.locale).map(|e| e.endonym))
}

/// kyr.toml with the new locale's table added.
fn with_locale_table(config_text: &str, options: &NewLocaleOptions) -> Result<String, Error> {
    let tag = options.locale.as_str();
    let mut doc: DocumentMut = config_text
        .parse()
        .map_err(|e| Error::Usage(format!("kyr.toml cannot be edited: {e}")))?;
    let locales = doc
        .entry("locales")
        .or_insert_with(|| {
            let mut t = Table::new();
            t.set_implicit(true);
            Item::Table(t)
        })
        .as_table_mut()
        .ok_or_else(|| Error::Usage("`locales` in kyr.toml is not a table".to_owned()))?;
    let mut table = Table::new();
    table.decor_mut().set_prefix(format!(
        "\n# Added by `kyr new-locale {tag}`: translations start unreviewed.\n"
    ));
    table.insert("endonym", value(endonym(options).unwrap_or(tag)));
    if !options.fallback.is_empty() {
        let mut list = Array::new();
        for target in &options.fallback {
            list.push(target.as_str());
        }
        table.insert("fallback", value(list));
    }
    table.insert("reviewed", value(false));
    locales.insert(tag, Item::Table(table));
    Ok(doc.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::tests::fixture;
    use crate::commands::{Before, write};

    #[test]
    fn a_new_locale_edits_kyr_toml_as_it_was_read() {
        let (dir, project) = fixture("build/basic");
        let options = NewLocaleOptions {
            locale: "wo".to_owned(),
            fallback: vec!["fr".to_owned()],
            endonym: None,
        };
        let outcome = run(&project, &options).unwrap();
        let config = outcome.writes.last().unwrap();
        assert_eq!(config.relative, Path::new("kyr.toml"));
        let read = std::fs::read(dir.path().join("kyr.toml")).unwrap();
        assert_eq!(config.before, Before::Held(read));
        assert!(
            outcome.writes[..outcome.writes.len() - 1]
                .iter()
                .all(|w| w.before == Before::Absent && w.relative.starts_with("locales/wo"))
        );
        write(&outcome.writes).unwrap();
        assert!(
            project::load(dir.path())
                .unwrap()
                .config
                .locale("wo")
                .is_some()
        );
    }
}
