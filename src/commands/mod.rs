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

use std::path::{Path, PathBuf};

use crate::base::diag::display_path;
use crate::base::error::Error;
use crate::base::output;
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
        if self.before == Before::Unchecked
            || read_before(&self.root, &self.relative)? == self.before
        {
            return Ok(());
        }
        Err(Error::Failed(anyhow::anyhow!(
            "`{}` changed while kyr was working on it, so kyr left it as it is: run the command again",
            display_path(&self.relative)
        )))
    }
}

/// What `root/relative` holds now.
pub(crate) fn read_before(root: &Path, relative: &Path) -> Result<Before, Error> {
    match std::fs::read(root.join(relative)) {
        Ok(bytes) => Ok(Before::Held(bytes)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Before::Absent),
        Err(e) => Err(Error::Failed(anyhow::anyhow!(
            "failed to read `{}`: {e}",
            display_path(relative)
        ))),
    }
}

/// Writes a command's planned files, in order, each atomically: the one
/// place a command's files are written. Nothing is written when a file
/// already changed since the command read it; each is checked again just
/// before it is written, and writing stops at the first that changed.
pub fn write(writes: &[PlannedWrite]) -> Result<(), Error> {
    for planned in writes {
        planned.check_unchanged()?;
    }
    for planned in writes {
        if !planned.root.exists() {
            std::fs::create_dir_all(&planned.root).map_err(|e| {
                Error::Failed(anyhow::anyhow!(
                    "cannot create `{}`: {e}",
                    planned.root.display()
                ))
            })?;
        }
        planned.check_unchanged()?;
        output::write_atomic(&planned.root, &planned.relative, &planned.bytes)?;
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
