//! The recordings beside the pages that play them: each locale folder's
//! `audio/` holds the recordings its pages play, as their jobs recorded
//! them (copied from `locales/<tag>/audio/`, checked to be the bytes
//! `check` read), and nothing else kyr put there.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::base::error::Error;
use crate::base::output;
use crate::build::Context;
use crate::build::incremental;
use crate::build::report::BuildReport;
use crate::html::AUDIO_DIR;
use crate::i18n::catalog::LocaleBundle;
use crate::render::Format;

/// The recordings a locale's pages play, by file name, as their jobs
/// recorded them; `None` when a page was recorded by a kyr that kept no
/// such facts (its recordings are then all kept).
fn played(out_dir: &Path, tag: &str) -> Option<BTreeSet<String>> {
    let mut names = BTreeSet::new();
    for (_, record) in incremental::locale_records(out_dir, tag) {
        if let Some(entry) = record.entry(Format::Html) {
            if !entry.facts_known {
                return None;
            }
            names.extend(entry.facts.recordings.iter().cloned());
        }
    }
    Some(names)
}

/// Copies the recordings every page of each locale folder plays, and
/// removes those no page plays any more.
pub(super) fn copy(context: &Context, report: &mut BuildReport) -> Result<(), Error> {
    for (tag, bundle) in &context.project.catalog.locales {
        let played = played(context.out_dir, tag);
        let audio_dir = PathBuf::from(tag).join(AUDIO_DIR);
        for name in played.iter().flatten() {
            copy_one(context, bundle, &audio_dir, name, report)?;
        }
        // The recordings an earlier build copied that no page plays now.
        if let Some(played) = &played {
            let is_recording = |name: &str| {
                name.rsplit_once('.')
                    .is_some_and(|(_, ext)| crate::audio::Container::from_extension(ext).is_some())
            };
            let keep = |name: &str| played.contains(name);
            super::remove_unneeded(context.out_dir, &audio_dir, is_recording, keep, report)?;
        }
        output::remove_empty_dir(context.out_dir, &audio_dir)?;
    }
    Ok(())
}

/// Copies one recording into `audio_dir` unless it is there already.
fn copy_one(
    context: &Context,
    bundle: &LocaleBundle,
    audio_dir: &Path,
    name: &str,
    report: &mut BuildReport,
) -> Result<(), Error> {
    let project = context.project;
    let Some(recording) = bundle.recordings.values().find(|r| r.name == name) else {
        return Ok(());
    };
    let shown = crate::base::diag::display_path(&project.files.get(recording.file).path);
    let source = project.root.join(&project.files.get(recording.file).path);
    let bytes = std::fs::read(&source).map_err(|e| {
        Error::Failed(anyhow::anyhow!(
            "failed to read `{}`: {e}",
            source.display()
        ))
    })?;
    if incremental::sha256(&bytes) != recording.sha256 {
        return Err(Error::Failed(anyhow::anyhow!(
            "`{shown}` changed while kyr was building; build again"
        )));
    }
    let relative = audio_dir.join(name);
    let path = context.out_dir.join(&relative);
    if std::fs::read(&path).is_ok_and(|old| old == bytes) {
        return Ok(());
    }
    output::write_output(context.out_dir, &relative, &bytes)?;
    report.written.push(path);
    Ok(())
}
