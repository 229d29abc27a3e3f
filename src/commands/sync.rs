//! `kyr sync`: the reference messages a locale lacks, added to its files
//! (the reference file's name) as commented entries ready to translate,
//! each with the reference's comment and text. Nothing is removed; a
//! message already there, translated or commented, is not added again.

use std::path::PathBuf;

use fluent_bundle::FluentResource;

use crate::base::diag::{FileId, display_path};
use crate::base::error::Error;
use crate::commands::commented::commented_entry;
use crate::commands::{Before, Outcome, PlannedWrite, read_edited, refuse_unread_locale};
use crate::i18n::{LocaleBundle, interface};
use crate::project::Project;

/// What `kyr sync` is asked for.
#[derive(Debug, Clone, Default)]
pub struct SyncOptions {
    /// The locales to sync (every one but the reference when empty).
    pub locales: Vec<String>,
}

/// What `kyr sync` added to one locale.
#[derive(Debug, PartialEq, Eq)]
pub struct LocaleAdditions {
    /// The locale.
    pub locale: String,
    /// Messages added, to translate.
    pub messages: usize,
    /// Files they were added to.
    pub files: usize,
}

/// `kyr sync`: for each locale asked for (unknown ones, and the reference,
/// are usage errors), the files to extend, and what was added to each
/// locale.
pub fn run(
    project: &Project,
    options: &SyncOptions,
) -> Result<Outcome<Vec<LocaleAdditions>>, Error> {
    let config = &project.config;
    let asked = config.known_locales(&options.locales)?;
    let tags: Vec<String> = if asked.is_empty() {
        config
            .locales
            .keys()
            .filter(|tag| **tag != config.reference)
            .cloned()
            .collect()
    } else {
        asked
    };
    let mut outcome = Outcome {
        writes: Vec::new(),
        report: Vec::new(),
    };
    for tag in &tags {
        let (writes, messages) = additions(project, tag)?;
        outcome.report.push(LocaleAdditions {
            locale: tag.clone(),
            messages,
            files: writes.len(),
        });
        outcome.writes.extend(writes);
    }
    Ok(outcome)
}

/// The files of locale `tag` that gain the reference messages it lacks,
/// and how many messages that is.
fn additions(project: &Project, tag: &str) -> Result<(Vec<PlannedWrite>, usize), Error> {
    let config = &project.config;
    if *tag == config.reference {
        return Err(Error::Usage(format!(
            "`{tag}` is the reference locale: it is what the others are synced with"
        )));
    }
    let reference = project.catalog.get(&config.reference).ok_or_else(|| {
        Error::Usage(format!(
            "the reference locale `{}` has no messages",
            config.reference
        ))
    })?;
    refuse_unread_locale(project, tag, "`kyr sync`")?;
    let own = project.catalog.get(tag);
    let mut writes = Vec::new();
    let mut messages = 0;
    for (file, resource) in reference.resources() {
        let path = &project.files.get(file).path;
        let Some(name) = path.file_name() else {
            continue;
        };
        let target = PathBuf::from("locales").join(tag).join(name);
        let before = read_edited(&project.root, &target)?;
        let existing = match &before {
            Before::Held(bytes) => String::from_utf8(bytes.clone()).ok(),
            Before::Absent | Before::Unchecked => None,
        };
        let (added, count) = missing_entries(
            project,
            (reference, own),
            (file, resource),
            existing.as_deref(),
        );
        if added.is_empty() {
            continue;
        }
        messages += count;
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
        writes.push(PlannedWrite::new(&project.root, target, text).over(before));
    }
    Ok((writes, messages))
}

/// The commented entries of the messages of a reference file that the
/// locale neither translates (`own`) nor holds commented (`existing`, its
/// file's text), and how many there are.
fn missing_entries(
    project: &Project,
    (reference, own): (&LocaleBundle, Option<&LocaleBundle>),
    (file, resource): (FileId, &FluentResource),
    existing: Option<&str>,
) -> (String, usize) {
    let text = project.files.text(file);
    let mut added = String::new();
    let mut count = 0;
    for entry in resource.entries() {
        let fluent_syntax::ast::Entry::Message(message) = entry else {
            continue;
        };
        let id = message.id.name;
        let translated =
            own.is_some_and(|b| b.sources.contains_key(id) || b.broken.contains_key(id));
        let commented = existing.is_some_and(|e| {
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
        added.push_str(&commented_entry(text, source, &project.config.reference));
        count += 1;
    }
    (added, count)
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::commands::tests::fixture;
    use crate::commands::write;

    #[test]
    fn a_translation_saved_while_sync_works_is_kept() {
        let (dir, project) = fixture("build/basic");
        let outcome = run(&project, &SyncOptions::default()).unwrap();
        let planned = outcome
            .writes
            .iter()
            .find(|w| w.relative == Path::new("locales/ar/door.ftl"))
            .expect("`ar` lacks messages");
        assert!(matches!(planned.before, Before::Held(_)));
        let saved = dir.path().join("locales/ar/door.ftl");
        let mut text = std::fs::read_to_string(&saved).unwrap();
        text.push_str("door-new = جديد\n");
        std::fs::write(&saved, &text).unwrap();
        let error = write(&outcome.writes).unwrap_err();
        assert!(
            error.to_string().contains("`locales/ar/door.ftl` changed"),
            "{error}"
        );
        assert_eq!(std::fs::read_to_string(&saved).unwrap(), text);
    }

    #[test]
    fn sync_plans_every_locale_before_any_is_written() {
        let (_dir, project) = fixture("build/basic");
        let options = SyncOptions {
            locales: vec!["ar".to_owned(), "en".to_owned()],
        };
        let error = run(&project, &options).unwrap_err();
        assert_eq!(
            error.to_string(),
            "`en` is the reference locale: it is what the others are synced with"
        );
    }
}
