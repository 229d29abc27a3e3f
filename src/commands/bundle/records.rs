//! What the builds of the folders to bundle recorded of their jobs, read
//! from their records (`.kyr/jobs/`), never from the pages, and what each
//! file they wrote held: which
//! document, locale, format and layout each file a job wrote is (as the
//! back ends plan it), the recordings each page plays in reading order,
//! and the characters each page uses (for the fonts of merged folders).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::base::error::Error;
use crate::build::incremental;
use crate::build::planned_outputs;
use crate::commands::bundle::failed;
use crate::project::Project;
use crate::render::{Format, Planned};

/// A file a job wrote, as its format planned it.
pub(super) struct JobFile {
    /// The document it is made of.
    pub(super) document: String,
    /// What it is: path, format, layout.
    pub(super) planned: Planned,
}

/// A page and what it plays.
pub(super) struct PlayedBy {
    /// The page's locale.
    pub(super) tag: String,
    /// Its document.
    pub(super) document: String,
    /// The recordings it plays, by file name in its locale's `audio/`
    /// folder, in reading order.
    pub(super) recordings: Vec<String>,
}

/// What the folders' builds recorded.
#[derive(Default)]
pub(super) struct Recorded {
    /// Every file a job wrote, by path in the bundle.
    pub(super) files: BTreeMap<String, JobFile>,
    /// Every page, with the recordings it plays.
    pub(super) pages: Vec<PlayedBy>,
    /// The characters of each locale's pages, by web font family.
    pub(super) chars: BTreeMap<String, Vec<BTreeMap<String, String>>>,
    /// The sha256 of every file each folder's build wrote, by folder and
    /// path, for [`Recorded::as_built`].
    written: BTreeMap<PathBuf, BTreeMap<String, String>>,
}

impl Recorded {
    /// Whether `bytes`, read from `name` in `site`, are what that folder's
    /// build wrote there (a file no build wrote passes): a file changed
    /// since is refused, by name, rather than bundled and hashed into the
    /// manifest as if kyr had made it.
    pub(super) fn as_built(
        &self,
        project: &Project,
        site: &Path,
        name: &str,
        bytes: &[u8],
    ) -> Result<(), Error> {
        let recorded = self.written.get(site).and_then(|files| files.get(name));
        match recorded {
            Some(sha256) if *sha256 != incremental::sha256(bytes) => Err(failed(format!(
                "`{name}` in `{}` is not the file its build wrote (it was changed since): run `kyr build` again, then bundle",
                shown(project, site)
            ))),
            _ => Ok(()),
        }
    }
}

/// Reads the records of every job of `sites` whose document and locale
/// the project still has. A page recorded by a kyr that kept no facts
/// cannot be bundled: its recordings are unknown.
pub(super) fn read(project: &Project, sites: &[PathBuf]) -> Result<Recorded, Error> {
    let mut recorded = Recorded::default();
    for site in sites {
        for ((tag, document), record) in incremental::all(site) {
            let locale = project.config.locale(&tag);
            let skeleton = project.skeletons.iter().find(|s| s.name == document);
            let (Some(locale), Some(skeleton)) = (locale, skeleton) else {
                continue;
            };
            for format in [Format::Html, Format::Pdf, Format::Text] {
                let Some(entry) = record.entry(format) else {
                    continue;
                };
                let planned = planned_outputs(format, skeleton, locale);
                for stamp in &entry.files {
                    written_there(project, site, stamp)?;
                    recorded
                        .written
                        .entry(site.clone())
                        .or_default()
                        .insert(stamp.path.clone(), stamp.sha256.clone());
                    if let Some(planned) = planned.iter().find(|p| p.path == stamp.path) {
                        let file = JobFile {
                            document: document.clone(),
                            planned: planned.clone(),
                        };
                        recorded.files.insert(stamp.path.clone(), file);
                    }
                }
                if format != Format::Html || entry.files.is_empty() {
                    continue;
                }
                if !entry.facts_known {
                    return Err(built_by_older_kyr(project, site));
                }
                recorded.pages.push(PlayedBy {
                    tag: tag.clone(),
                    document: document.clone(),
                    recordings: entry.facts.recordings.clone(),
                });
                let chars = entry.facts.chars.clone();
                recorded.chars.entry(tag.clone()).or_default().push(chars);
            }
        }
    }
    Ok(recorded)
}

/// A file the build of `site` wrote is still there: one removed since
/// is refused, by name (what it holds is checked as it is read, by
/// [`Recorded::as_built`]).
fn written_there(project: &Project, site: &Path, stamp: &incremental::Stamp) -> Result<(), Error> {
    if site.join(&stamp.path).is_file() {
        return Ok(());
    }
    Err(failed(format!(
        "`{}` is missing from `{}`, though its build wrote it: run `kyr build` again, then bundle",
        stamp.path,
        shown(project, site)
    )))
}

/// A built folder as the project's own path, for messages.
fn shown(project: &Project, site: &Path) -> String {
    crate::base::diag::display_path(site.strip_prefix(&project.root).unwrap_or(site))
}

/// The error for a folder whose pages an older kyr built.
fn built_by_older_kyr(project: &Project, site: &Path) -> Error {
    let shown = shown(project, site);
    failed(format!(
        "`{shown}` was built by an older kyr, which did not record what its pages play; run `kyr build` again, then bundle"
    ))
}
