//! The commands, one module each: options in, outcome out. An outcome is
//! the files the command means to write ([`PlannedWrite`]) and a report
//! for the command line to print; a command that only reads (`check`,
//! `status`) returns its report alone. Problems in the content are
//! diagnostics in the report; anything else is the one [`Error`].
//!
//! Commands read what they need but write nothing themselves: [`write`]
//! is the one place their planned files are written, each only if it
//! still holds what the command read (a translator may save a file while
//! kyr works on it). The build is the exception: the driver
//! ([`crate::build`]) writes its outputs itself, under its own lock of the
//! output folder, and [`build::run`] returns its report.

pub mod build;
pub mod bundle;
pub mod check;
mod commented;
pub mod confirm;
pub mod extract;
pub mod init;
pub mod new_document;
pub mod new_locale;
pub mod status;
pub mod sync;
pub mod translate;

use std::fs;
use std::path::{Path, PathBuf};

use crate::base::diag::{Diagnostic, Files, display_path};
use crate::base::error::Error;
use crate::base::output;
use crate::base::text::{self, Form};
use crate::project::{self, Project};

/// What a command that writes returns: the files to write, then what to
/// tell the person who ran it.
#[derive(Debug)]
pub struct Outcome<R> {
    /// The files to write, in order, with [`write`].
    pub writes: Vec<PlannedWrite>,
    /// What the command did, for the command line to print.
    pub report: R,
}

/// A file a command means to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedWrite {
    /// The folder the file is under (the project's, or a bundle's).
    pub root: PathBuf,
    /// The file, relative to `root`.
    pub relative: PathBuf,
    /// What to write.
    pub bytes: Vec<u8>,
    /// What the file held when the command read it.
    pub before: Before,
}

/// What a file held when a command read it; [`write`] writes the file
/// only if it holds the same still.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Before {
    /// There was no file.
    Absent,
    /// These bytes.
    Held(Vec<u8>),
    /// Not read: a file kyr makes (a bundle), replaced whatever it holds.
    Unchecked,
}

impl PlannedWrite {
    /// A file of the project at `root`.
    pub(crate) fn new(
        root: &Path,
        relative: impl Into<PathBuf>,
        bytes: impl Into<Vec<u8>>,
    ) -> Self {
        PlannedWrite {
            root: root.to_path_buf(),
            relative: relative.into(),
            bytes: bytes.into(),
            before: Before::Absent,
        }
    }

    /// The same write, of a file that held `before` when it was read.
    pub(crate) fn over(mut self, before: Before) -> Self {
        self.before = before;
        self
    }

    /// An error when the file no longer holds what it held when it was
    /// read.
    fn check_unchanged(&self) -> Result<(), Error> {
        if self.before == Before::Unchecked || held(&self.root, &self.relative)? == self.before {
            return Ok(());
        }
        Err(Error::Failed(anyhow::anyhow!(
            "`{}` changed while kyr was working on it, so kyr left it as it is: run the command again",
            display_path(&self.relative)
        )))
    }

    /// The bytes to write: a file that was there keeps its BOM and its
    /// line ends.
    fn bytes_in_form(&self) -> Vec<u8> {
        match &self.before {
            Before::Held(old) => Form::of(old).apply(self.bytes.clone()),
            Before::Absent | Before::Unchecked => self.bytes.clone(),
        }
    }
}

/// What `root/relative` holds now, as bytes.
fn held(root: &Path, relative: &Path) -> Result<Before, Error> {
    match fs::read(root.join(relative)) {
        Ok(bytes) => Ok(Before::Held(bytes)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Before::Absent),
        Err(e) => Err(Error::Failed(anyhow::anyhow!(
            "failed to read `{}`: {e}",
            display_path(relative)
        ))),
    }
}

/// What `root/relative`, a file a person edits, holds now: read whole, or
/// refused with why. A file that is not UTF-8 (a stray byte, Latin-1,
/// UTF-16) is an error located at the first byte kyr cannot read; a
/// read-only file, or a link (a write would replace it with a file), is
/// refused. A command that is refused writes nothing.
pub(crate) fn read_edited(root: &Path, relative: &Path) -> Result<Before, Error> {
    let shown = display_path(relative);
    let refused = |why: String| {
        Err(Error::Failed(anyhow::anyhow!(
            "`{shown}` {why}; kyr has not changed it"
        )))
    };
    let path = root.join(relative);
    let metadata = match fs::symlink_metadata(&path) {
        Ok(metadata) => metadata,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Before::Absent),
        Err(e) => return refused(format!("cannot be read ({e})")),
    };
    if metadata.file_type().is_symlink() {
        return refused("is a link: writing it would replace the link with a file (edit the file it leads to, or replace the link with the file)".to_owned());
    }
    if !metadata.is_file() {
        return refused("is not a file".to_owned());
    }
    if metadata.permissions().readonly() {
        return refused(
            "is read-only (protected from changes): make it writable first if kyr should change it"
                .to_owned(),
        );
    }
    let Before::Held(bytes) = held(root, relative)? else {
        return Ok(Before::Absent);
    };
    match text::decode(bytes) {
        Ok(text) => Ok(Before::Held(text.into_bytes())),
        Err((why, bytes)) => {
            let mut files = Files::default();
            let file = files.add(relative, text::shown(&bytes, why));
            Err(Error::Invalid {
                files,
                diagnostics: vec![why.diagnostic(file)],
            })
        }
    }
}

/// Writes a command's planned files, in order, each atomically: the one
/// place a command's files are written. The project's writer lock is held
/// throughout, so two commands (or a command and the recording page) never
/// write its files at once. Nothing is written when a file already changed
/// since the command read it; each is checked again just before it is
/// renamed into place, and writing stops at the first that changed. A file
/// that was there keeps its BOM, its line ends and its permissions.
pub fn write(writes: &[PlannedWrite]) -> Result<(), Error> {
    let mut roots: Vec<&Path> = writes
        .iter()
        .filter(|w| w.before != Before::Unchecked)
        .map(|w| w.root.as_path())
        .collect();
    // Each lock once: a second lock of the same project would wait on
    // the first.
    roots.sort();
    roots.dedup();
    let _locks = roots
        .into_iter()
        .map(WriterLock::take)
        .collect::<Result<Vec<_>, _>>()?;
    write_locked(writes)
}

/// [`write`], when the caller already holds the writer lock of the
/// project the files are in.
pub(crate) fn write_locked(writes: &[PlannedWrite]) -> Result<(), Error> {
    for planned in writes {
        planned.check_unchanged()?;
    }
    for planned in writes {
        if !planned.root.exists() {
            fs::create_dir_all(&planned.root).map_err(|e| {
                Error::Failed(anyhow::anyhow!(
                    "cannot create `{}`: {e}",
                    planned.root.display()
                ))
            })?;
        }
        let permissions = match planned.before {
            Before::Held(_) => fs::metadata(planned.root.join(&planned.relative))
                .ok()
                .map(|m| m.permissions()),
            Before::Absent | Before::Unchecked => None,
        };
        let check = || planned.check_unchanged().map_err(anyhow::Error::from);
        let replace = output::Replace {
            permissions,
            before_rename: Some(&check),
        };
        output::replace(
            &planned.root,
            &planned.relative,
            &planned.bytes_in_form(),
            &replace,
        )
        .map_err(|e| match e.downcast::<Error>() {
            Ok(error) => error,
            Err(e) => Error::Failed(e),
        })?;
    }
    Ok(())
}

/// The writer lock of a project: held while a command or the recording
/// page writes the project's files, so no writer loses another's change
/// (two saves of the lock file at once). It is the operating system's
/// advisory lock on `.kyr/writing` in the project, which goes with the
/// process; the folder holds a `.gitignore` so git never lists it.
#[derive(Debug)]
pub struct WriterLock {
    _file: fs::File,
}

impl WriterLock {
    /// Takes the writer lock of the project at `root`, waiting for
    /// another writer to finish.
    pub fn take(root: &Path) -> Result<WriterLock, Error> {
        let failed = |e: std::io::Error| {
            Error::Failed(anyhow::anyhow!(
                "cannot lock `.kyr/writing` in the project: {e}"
            ))
        };
        let dir = output::kyr_folder(root).map_err(failed)?;
        let file = fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(dir.join("writing"))
            .map_err(failed)?;
        file.lock().map_err(failed)?;
        Ok(WriterLock { _file: file })
    }
}

/// An error when a file of locale `tag` or of the reference locale could
/// not be read whole (an `.ftl` file, or the lock file): what it holds is
/// unknown, so `doing` (a command that rewrites what it read) would lose
/// it. The error shows the problems that stopped the reading, where they
/// are.
pub(crate) fn refuse_unread_locale(project: &Project, tag: &str, doing: &str) -> Result<(), Error> {
    let reference = project.config.reference.as_str();
    for checked in [tag, reference] {
        let Some(bundle) = project.catalog.get(checked) else {
            continue;
        };
        if !bundle.unreadable && !bundle.lock.unreadable {
            continue;
        }
        let folder = format!("locales/{checked}/");
        let mut diagnostics: Vec<Diagnostic> = project
            .diagnostics
            .iter()
            .filter(|d| d.is_error())
            .filter(|d| match &d.span {
                Some(span) => display_path(&project.files.get(span.file).path).starts_with(&folder),
                None => d.message.contains(&folder),
            })
            .cloned()
            .collect();
        diagnostics.push(Diagnostic::error(format!(
            "{doing} changes nothing while a file in `{folder}` cannot be read whole: fix the problem{} above, then run it again",
            if diagnostics.len() == 1 { "" } else { "s" }
        )));
        return Err(Error::Invalid {
            files: project.files.clone(),
            diagnostics,
        });
    }
    Ok(())
}

/// Loads the project found at `dir` or above, with the variables of
/// `edition` when one is named.
pub fn load(dir: &Path, edition: Option<&str>) -> Result<Project, Error> {
    let mut project = project::load(dir)?;
    if let Some(name) = edition {
        project.select_edition(name)?;
    }
    Ok(project)
}

#[cfg(test)]
mod tests;
