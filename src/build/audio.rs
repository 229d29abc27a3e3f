//! The recordings beside the pages that play them: each locale folder's
//! `audio/` holds the recordings its pages link to (copied from
//! `locales/<tag>/audio/`, checked to be the bytes `check` read), and
//! nothing else kyr put there.

use std::path::{Path, PathBuf};

use crate::base::error::Error;
use crate::base::output;
use crate::build::Context;
use crate::build::report::BuildReport;
use crate::html::AUDIO_DIR;

/// Copies the recordings every page of each locale folder links to, and
/// removes those no page links to any more.
pub(super) fn copy(context: &Context, report: &mut BuildReport) -> Result<(), Error> {
    let project = context.project;
    let out_dir = context.out_dir;
    for (tag, bundle) in &project.catalog.locales {
        let folder = PathBuf::from(tag);
        let linked = linked_recordings(&out_dir.join(&folder));
        let audio_dir = folder.join(AUDIO_DIR);
        for name in &linked {
            let Some(recording) = bundle.recordings.values().find(|r| &r.name == name) else {
                continue;
            };
            let source = project.root.join(&project.files.get(recording.file).path);
            let bytes = std::fs::read(&source).map_err(|e| {
                Error::Failed(anyhow::anyhow!(
                    "failed to read `{}`: {e}",
                    source.display()
                ))
            })?;
            if super::incremental::sha256(&bytes) != recording.sha256 {
                return Err(Error::Failed(anyhow::anyhow!(
                    "`{}` changed while kyr was building; build again",
                    crate::base::diag::display_path(&project.files.get(recording.file).path)
                )));
            }
            let relative = audio_dir.join(name);
            let path = out_dir.join(&relative);
            if std::fs::read(&path).is_ok_and(|old| old == bytes) {
                continue;
            }
            output::write_output(out_dir, &relative, &bytes)?;
            report.written.push(path);
        }
        // Recordings an earlier build copied that no page links to now.
        for entry in std::fs::read_dir(out_dir.join(&audio_dir))
            .into_iter()
            .flatten()
            .flatten()
        {
            let name = entry.file_name().to_string_lossy().into_owned();
            let is_recording = name
                .rsplit_once('.')
                .is_some_and(|(_, ext)| crate::audio::Container::from_extension(ext).is_some());
            if is_recording && !linked.contains(&name) {
                let relative = audio_dir.join(&name);
                if output::remove_stale(out_dir, &relative)? {
                    report
                        .removed
                        .push(relative.to_string_lossy().replace('\\', "/"));
                }
            }
        }
        output::remove_empty_dir(out_dir, &audio_dir)?;
    }
    Ok(())
}

/// The recordings the HTML pages directly in `dir` link to, by file name.
fn linked_recordings(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return names;
    };
    let mut paths: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    paths.sort();
    for path in paths {
        let Ok(html) = std::fs::read_to_string(&path) else {
            continue;
        };
        for name in crate::html::played_recordings(&html) {
            if !names.iter().any(|n| n == name) {
                names.push(name.to_owned());
            }
        }
    }
    names
}
