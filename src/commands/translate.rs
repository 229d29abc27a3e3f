//! One message translated from plain text (the studio's translation
//! page): what was typed is made a Fluent value ([`crate::i18n::edit`]),
//! put into the locale's `.ftl` file in place of the message's old value
//! (or added), and checked as `kyr check` checks the project, with that
//! file as it would be: the catalog, the slips, the lint and the pages'
//! resolving all run, and what they say of that message is kept, each
//! placed in the typed text. A save writes the file under the writer lock
//! through [`super::write_locked`] (re-read before the rename, BOM, line
//! ends and permissions kept) and confirms the message in the locale's
//! lock file; a value with an error is refused, not written.

use std::path::{Path, PathBuf};

use crate::base::diag::{Diagnostic, FileId, Strict, display_path, line_col};
use crate::base::error::Error;
use crate::commands::check::{CheckOptions, check};
use crate::commands::{
    Before, PlannedWrite, WriterLock, confirm, read_edited, refuse_unread_locale, write_locked,
};
use crate::doc::model;
use crate::html;
use crate::i18n::edit::{self, Refusal, Replaced};
use crate::i18n::{catalog, interface};
use crate::project::{self, Project};

/// A problem the check found in the typed message.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Finding {
    /// The diagnostic's code (`ftl-syntax`, `variable-dropped`, ...).
    pub code: String,
    /// An error (the message would fall back; it is not saved), not a
    /// warning.
    pub error: bool,
    /// kyr's own words, in English.
    pub message: String,
    /// What to do, in kyr's words.
    pub hints: Vec<String>,
    /// Where in the typed text: line and column (characters), from 1.
    pub at: Option<(usize, usize)>,
}

/// A typed message, checked.
#[derive(Debug)]
pub struct Checked {
    /// What the check found in the message.
    pub findings: Vec<Finding>,
    /// The `.ftl` file the message is written in, relative to the project.
    pub file: PathBuf,
    /// The part of the document that shows the message, as its HTML page
    /// would print it with the typed text (escaped HTML), when a document
    /// was named.
    pub preview: Option<String>,
    /// The write that saves it.
    write: PlannedWrite,
}

impl Checked {
    /// Whether a finding is an error: the message is not saved.
    pub fn has_errors(&self) -> bool {
        self.findings.iter().any(|f| f.error)
    }
}

/// What a save did.
#[derive(Debug)]
pub enum Saved {
    /// The file was written and the message confirmed in the lock file.
    Written(Checked),
    /// The message has an error: nothing was written.
    Refused(Checked),
}

/// What was typed, and where.
#[derive(Debug, Clone, Copy)]
pub struct Typed<'a> {
    /// The locale.
    pub tag: &'a str,
    /// The document the volunteer translates, for the preview.
    pub doc: Option<&'a str>,
    /// The message.
    pub id: &'a str,
    /// The text, as typed.
    pub text: &'a str,
}

/// Checks message `id` of locale `tag` as `typed` (plain text) would make
/// it, in the project as it is on disk otherwise.
pub fn check_typed(project: Project, typed: Typed) -> Result<Checked, Error> {
    let Typed { tag, id, .. } = typed;
    let value = edit::value_of(typed.text);
    if value.is_empty() {
        return Err(Error::Usage(format!(
            "nothing was typed for `{id}`: a translation needs some text"
        )));
    }
    let reference = translatable(&project, tag, id)?;
    let file = file_of(&project, tag, id, &reference);
    let before = read_edited(&project.root, &file)?;
    let raw = match &before {
        Before::Held(bytes) => String::from_utf8_lossy(bytes).into_owned(),
        Before::Absent | Before::Unchecked => String::new(),
    };
    let refused = |refusal: Refusal| match refusal {
        Refusal::Twice => Error::Usage(format!(
            "`{id}` is written more than once in `{}`: keep one of them (kyr check shows where), then translate it here",
            display_path(&file)
        )),
    };
    let written = edit::replace(&raw, id, &value).map_err(refused)?;
    let loaded = project
        .files
        .find(&display_path(&file))
        .map(|f| project.files.text(f).to_owned())
        .unwrap_or_default();
    let checked_text = edit::replace(&loaded, id, &value).map_err(refused)?;
    let write = PlannedWrite::new(&project.root, file.clone(), written.text).over(before);
    let (findings, preview) = findings(project, typed, &file, &checked_text, &value.typed);
    Ok(Checked {
        findings,
        file,
        preview,
        write,
    })
}

/// Saves message `id` of locale `tag` as `typed` in the project at
/// `root`: under the writer lock, checked against the project as it is
/// then; written and confirmed in the lock file when it has no error.
pub fn save(root: &Path, typed: Typed) -> Result<Saved, Error> {
    let Typed { tag, id, .. } = typed;
    let _writing = WriterLock::take(root)?;
    let project = project::load(root)?;
    refuse_unread_locale(&project, tag, "saving a translation")?;
    let checked = check_typed(project, typed)?;
    if checked.has_errors() {
        return Ok(Saved::Refused(checked));
    }
    write_locked(std::slice::from_ref(&checked.write))?;
    let project = project::load(root)?;
    let (lock, _) = confirm::lock_write(&project, tag, &[id.to_owned()], false)?;
    write_locked(&[lock])?;
    Ok(Saved::Written(checked))
}

/// The reference locale's file that defines message `id`, when locale
/// `tag` may translate it: a configured locale other than the reference,
/// and a message the reference has.
fn translatable(project: &Project, tag: &str, id: &str) -> Result<FileId, Error> {
    // The studio's addresses carry tags, never names.
    if project.config.locale(tag).is_none() {
        project.config.known_locales(&[tag.to_owned()])?;
        return Err(Error::Usage(format!("unknown locale `{tag}`")));
    }
    let reference = &project.config.reference;
    if tag == reference {
        return Err(Error::Usage(format!(
            "`{tag}` is the reference language: its text is written in its files, and the other languages are translated from it"
        )));
    }
    project
        .catalog
        .get(reference)
        .and_then(|b| b.sources.get(id))
        .map(|s| s.file)
        .ok_or_else(|| {
            Error::Usage(format!(
                "the reference language `{reference}` has no message `{id}` to translate"
            ))
        })
}

/// The file of locale `tag` message `id` is written in: where the locale
/// defines it (or has it broken), else its file of the same name as the
/// reference's (`locales/wo/door.ftl` for `locales/en/door.ftl`).
fn file_of(project: &Project, tag: &str, id: &str, reference: &FileId) -> PathBuf {
    let bundle = project.catalog.get(tag);
    let defined = bundle.and_then(|b| {
        b.sources
            .get(id)
            .map(|s| s.file)
            .or_else(|| b.broken.get(id).map(|span| span.file))
    });
    if let Some(file) = defined {
        let path = &project.files.get(file).path;
        if display_path(path).starts_with(&format!("locales/{tag}/")) {
            return path.clone();
        }
    }
    let name = project
        .files
        .get(*reference)
        .path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| format!("{id}.ftl"));
    Path::new("locales").join(tag).join(name)
}

/// What `kyr check` says of the typed message once its locale's file
/// `file` reads `replaced`, each placed in the typed text (`typed`); and
/// the preview.
fn findings(
    mut project: Project,
    typed_in: Typed,
    file: &Path,
    replaced: &Replaced,
    typed: &str,
) -> (Vec<Finding>, Option<String>) {
    let Typed { tag, id, doc, .. } = typed_in;
    let new_file = reload_locale(&mut project, tag, file, replaced.text.clone());
    let options = CheckOptions {
        locales: vec![tag.to_owned()],
        strict: Strict::OFF,
    };
    let sink = check(&project, &options);
    let mut found: Vec<Finding> = Vec::new();
    for d in sink.diagnostics() {
        let in_entry = d
            .span
            .as_ref()
            .filter(|s| s.file == new_file && replaced.entry.contains(&s.range.start));
        let named = d
            .in_message
            .as_ref()
            .is_some_and(|m| m.locale == tag && m.message_id == id);
        // Saving confirms the message: that it is stale is past.
        if !(named || in_entry.is_some()) || d.code.starts_with("stale") {
            continue;
        }
        let at = in_entry
            .and_then(|s| replaced.typed_offset(s.range.start))
            .map(|offset| line_col(typed, offset));
        let finding = finding(d, at);
        if !found.contains(&finding) {
            found.push(finding);
        }
    }
    found.sort_by_key(|f| !f.error);
    let preview = doc.and_then(|doc| preview(&project, tag, doc, id));
    (found, preview)
}

/// The part of document `doc` in locale `tag` that shows message `id`, as
/// its HTML page prints it: the title, or the top-level block (a
/// paragraph, a heading, a whole list) it is in.
fn preview(project: &Project, tag: &str, doc: &str, id: &str) -> Option<String> {
    let locale = project.config.locale(tag)?;
    let skeleton = project.skeletons.iter().find(|s| s.name == doc)?;
    let page = project.messages().page(locale, skeleton, Strict::OFF);
    if skeleton.front.title.id == id {
        return Some(html::inlines_html(&page.document.title));
    }
    let at = skeleton.blocks.iter().position(|block| {
        model::references(std::slice::from_ref(block))
            .iter()
            .any(|r| r.id == id)
    })?;
    let section = page.document.sections.get(at)?;
    let blocks = page.document.blocks.get(section.blocks.clone())?;
    Some(html::blocks_html(blocks))
}

fn finding(d: &Diagnostic, at: Option<(usize, usize)>) -> Finding {
    Finding {
        code: d.code.to_string(),
        error: d.is_error(),
        message: d.message.clone(),
        hints: d.hints.clone(),
        at,
    }
}

/// Locale `tag` of `project` loaded again with its file `file` reading
/// `text` (added when the locale had no such file), as loading the project
/// would have read it; the new file's id.
fn reload_locale(project: &mut Project, tag: &str, file: &Path, text: String) -> FileId {
    let shown = display_path(file);
    let Some(old) = project.catalog.locales.get(tag) else {
        return project.files.add(file, text);
    };
    let old_files: Vec<FileId> = old.resources().map(|(f, _)| f).collect();
    let (lock, recordings, unreadable) = (old.lock.clone(), old.recordings.clone(), old.unreadable);
    let new_file = project.files.add(file, text);
    let mut ftl: Vec<FileId> = old_files
        .iter()
        .map(|&f| {
            if display_path(&project.files.get(f).path) == shown {
                new_file
            } else {
                f
            }
        })
        .collect();
    if !ftl.contains(&new_file) {
        ftl.push(new_file);
    }
    let mut known: std::collections::HashSet<String> = project
        .skeletons
        .iter()
        .flat_map(|s| s.references())
        .map(|r| r.id)
        .collect();
    known.extend(interface::MESSAGES.iter().map(|m| m.id.to_owned()));
    known.insert(project.config.title.clone());
    if let Some(reference) = project.catalog.get(&project.config.reference) {
        known.extend(reference.sources.keys().cloned());
    }
    let reading = catalog::Known {
        ids: &known,
        reference: &project.config.reference,
        all_documents: project.unread_documents.is_empty(),
    };
    let mut diagnostics = Vec::new();
    let Some(langid) = project.config.locale(tag).map(|l| l.langid.clone()) else {
        return new_file;
    };
    let mut bundle = catalog::load_locale(
        tag,
        &langid,
        &ftl,
        &reading,
        &project.config.limits,
        &project.files,
        &mut diagnostics,
    );
    bundle.lock = lock;
    bundle.recordings = recordings;
    bundle.unreadable |= unreadable;
    project
        .diagnostics
        .retain(|d| d.span.as_ref().is_none_or(|s| !old_files.contains(&s.file)));
    project.diagnostics.extend(diagnostics);
    project.catalog.locales.insert(tag.to_owned(), bundle);
    new_file
}

#[cfg(test)]
mod tests;
