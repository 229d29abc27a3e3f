//! `kyr bundle`: the built site as one zip to download, copy to a USB stick
//! or a phone: `index.html` at its root, a folder per locale, a
//! `manifest.json` describing every artifact (document, locale, layout,
//! format, size, sha256, coverage, fallbacks, review state;
//! [`manifest`]) and `SHA256SUMS` ([`archive`]). Reproducible: entries
//! sorted, times fixed (from `SOURCE_DATE_EPOCH` or 1980-01-01),
//! permissions fixed, so the same inputs give the same bytes. The folders
//! of several `--shard` builds merge into the bundle one whole build would
//! give ([`shards`]).

mod archive;
mod manifest;
mod records;
mod shards;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::base::diag::Strict;
use crate::base::epoch::FIXED_EPOCH;
use crate::base::error::Error;
use crate::commands::{Before, Outcome, PlannedWrite};
use crate::project::Project;
pub use manifest::Artifact;

/// What `kyr bundle` is asked for.
#[derive(Debug, Clone, Default)]
pub struct BundleOptions {
    /// The built folder (the project's `out/`, or with an edition
    /// `out/<edition>/`, when `None`).
    pub site: Option<PathBuf>,
    /// The built folders of the shards of one build, to merge (instead of
    /// `site`).
    pub merge: Vec<PathBuf>,
    /// The zip to write (`kyr-bundle.zip` in the built folder when `None`).
    pub out: Option<PathBuf>,
    /// The build time (`SOURCE_DATE_EPOCH`; kyr's fixed date when `None`).
    pub epoch: Option<i64>,
}

/// What `kyr bundle` made.
#[derive(Debug)]
pub struct Bundled {
    /// The files in the zip (besides the manifest and the checksums).
    pub files: usize,
    /// The zip's size.
    pub bytes: usize,
    /// Where it goes.
    pub target: PathBuf,
}

/// A finished bundle.
#[derive(Debug)]
pub struct Bundle {
    /// The zip file.
    pub zip: Vec<u8>,
    /// What it holds (besides the manifest and the checksums).
    pub artifacts: Vec<Artifact>,
}

/// `kyr bundle`: the zip of the built folder (or of the shards' folders
/// to merge), to write beside them or where asked.
pub fn run(project: &Project, options: &BundleOptions) -> Result<Outcome<Bundled>, Error> {
    let mut site = options
        .site
        .clone()
        .unwrap_or_else(|| project.root.join("out"));
    if let Some(name) = &project.edition {
        site = site.join(name);
    }
    let merge = !options.merge.is_empty();
    let sites = if merge {
        options.merge.clone()
    } else {
        vec![site.clone()]
    };
    let bundle = bundle(project, &sites, options.epoch, merge)?;
    let target = options
        .out
        .clone()
        .unwrap_or_else(|| site.join("kyr-bundle.zip"));
    let (dir, name) = match (target.parent(), target.file_name()) {
        (Some(dir), Some(name)) => (
            if dir.as_os_str().is_empty() {
                Path::new(".")
            } else {
                dir
            },
            Path::new(name),
        ),
        _ => {
            return Err(Error::Usage(format!(
                "`{}` is not a file name",
                target.display()
            )));
        }
    };
    let report = Bundled {
        files: bundle.artifacts.len(),
        bytes: bundle.zip.len(),
        target: target.clone(),
    };
    let write = PlannedWrite::new(dir, name, bundle.zip).over(Before::Unchecked);
    Ok(Outcome {
        writes: vec![write],
        report,
    })
}

/// Bundles the built files in `sites`: one built folder, or with `merge`
/// the folders of the shards of one build, which must be every share
/// exactly once, built at one time from the same inputs (as they recorded,
/// `.kyr/shard.json`). Files kyr did not make (anything but HTML, PDF and
/// the text files in a language's folder, hidden files, earlier bundles)
/// are left out, and so are the folders of
/// local editions, which are bundled on their own (`--edition`). When
/// merging, the index pages are made again for all the shards.
pub fn bundle(
    project: &Project,
    sites: &[PathBuf],
    epoch: Option<i64>,
    merge: bool,
) -> Result<Bundle, Error> {
    // Merged shards are dated as they were built.
    let epoch = if merge {
        shards::check(project, sites, epoch)?
    } else {
        epoch.unwrap_or(FIXED_EPOCH)
    };
    let recorded = records::read(project, sites)?;
    let mut found = gather(project, sites, merge, &recorded)?;
    if merge {
        remake_merged(project, &recorded, &mut found)?;
    }
    let mut files: Vec<(String, Vec<u8>)> = found
        .into_iter()
        .map(|(name, (bytes, _))| (name, bytes))
        .collect();
    files.extend(voice_notes(&recorded, &files));
    files.sort_by(|a, b| a.0.cmp(&b.0));
    let artifacts = manifest::artifacts(project, &recorded, &files);
    let zip = archive::zip(files, &artifacts, project.edition.as_deref(), epoch)?;
    Ok(Bundle { zip, artifacts })
}

/// A failure to make the bundle.
pub(super) fn failed(message: String) -> Error {
    Error::Failed(anyhow::anyhow!(message))
}

/// The files of the built folders to bundle, by path in the bundle, each
/// with the folder it came from. Each must be what its build wrote, and a
/// file two folders hold the same in both, but for what merging makes
/// again.
fn gather<'a>(
    project: &Project,
    sites: &'a [PathBuf],
    merge: bool,
    recorded: &records::Recorded,
) -> Result<BTreeMap<String, (Vec<u8>, &'a Path)>, Error> {
    let mut found: BTreeMap<String, (Vec<u8>, &Path)> = BTreeMap::new();
    for site in sites {
        let shown =
            crate::base::diag::display_path(site.strip_prefix(&project.root).unwrap_or(site));
        if !site.join("index.html").is_file() {
            return Err(failed(format!(
                "`{shown}` holds no built site (no `index.html`); run `kyr build` first"
            )));
        }
        for (name, bytes) in site_files(site)? {
            if !bundled(project, &name) {
                continue;
            }
            recorded.as_built(project, site, &name, &bytes)?;
            // Index pages and the fonts of a folder whose pages come from
            // several shards are made again below.
            let remade = merge
                && (crate::html::is_index_page(&name) || crate::html::fonts::is_page_font(&name));
            if let Some((other, other_site)) = found.get(&name)
                && *other != bytes
                && !remade
            {
                return Err(failed(format!(
                    "`{name}` differs between `{}` and `{}`: were they built from the same \
                     sources and SOURCE_DATE_EPOCH?",
                    other_site.display(),
                    site.display()
                )));
            }
            found.insert(name, (bytes, site));
        }
    }
    Ok(found)
}

/// Whether a file of a built folder belongs in its bundle: text files
/// only in a language's folder, where kyr writes them (a `notes.txt` of
/// the organizer's stays out), and nothing of an edition's folder, which
/// is its own site.
fn bundled(project: &Project, name: &str) -> bool {
    let top = name.split('/').next().unwrap_or("");
    let stray_text = name.ends_with(".txt")
        && (name.matches('/').count() != 1 || project.config.locale(top).is_none());
    let edition = name.contains('/')
        && project.config.editions.contains_key(top)
        && project.config.locale(top).is_none();
    !stray_text && !edition
}

/// The index pages of the merged sites, and each folder's fonts from the
/// characters all its pages use (as their jobs recorded them, and the
/// index pages made again), as one build makes them.
fn remake_merged(
    project: &Project,
    recorded: &records::Recorded,
    found: &mut BTreeMap<String, (Vec<u8>, &Path)>,
) -> Result<(), Error> {
    let exists = |file: &str| found.contains_key(file);
    let mut pages = Vec::new();
    let mut page = |name, html| pages.push((name, html));
    if !crate::build::index_pages(project, &exists, Strict::OFF, &mut Vec::new(), &mut page) {
        return Err(failed(
            "cannot make the index pages of the merged sites".to_owned(),
        ));
    }
    found.retain(|name, _| {
        !crate::html::is_index_page(name) && !crate::html::fonts::is_page_font(name)
    });
    let mut folders = recorded.chars.clone();
    for (name, html) in pages {
        let folder = name.rsplit_once('/').map_or("", |(f, _)| f);
        let chars = crate::html::fonts::page_chars(&html);
        folders.entry(folder.to_owned()).or_default().push(chars);
        found.insert(name, (html.into_bytes(), Path::new("")));
    }
    for (folder, pages) in folders {
        let fonts = crate::html::fonts::folder_fonts(&pages)
            .map_err(|e| failed(format!("cannot make the fonts of `{folder}`: {e}")))?;
        for (name, bytes) in fonts {
            let path = if folder.is_empty() {
                format!("{}/{name}", crate::html::fonts::FONTS_DIR)
            } else {
                format!("{folder}/{}/{name}", crate::html::fonts::FONTS_DIR)
            };
            found.insert(path, (bytes, Path::new("")));
        }
    }
    Ok(())
}

/// The HTML, PDF and text files of a built folder and its pages' fonts, by
/// path with `/`.
fn site_files(site: &Path) -> Result<Vec<(String, Vec<u8>)>, Error> {
    let mut files = Vec::new();
    for entry in WalkDir::new(site).sort_by_file_name() {
        let entry = entry.map_err(|e| failed(format!("cannot read `{}`: {e}", site.display())))?;
        if !entry.file_type().is_file() {
            continue;
        }
        let relative = entry
            .path()
            .strip_prefix(site)
            .map_err(|e| failed(e.to_string()))?;
        let Some(name) = relative
            .to_str()
            .map(|n| n.replace(std::path::MAIN_SEPARATOR, "/"))
        else {
            return Err(failed(format!(
                "`{}` cannot go in a bundle: its name is not UTF-8; rename or remove it",
                entry.path().display()
            )));
        };
        let hidden = name.split('/').any(|part| part.starts_with('.'));
        let ours = name.ends_with(".html")
            || name.ends_with(".pdf")
            || name.ends_with(".txt")
            || crate::html::fonts::is_page_font(&name)
            || is_page_recording(&name);
        if hidden || !ours {
            continue;
        }
        if let Some(why) = archive::not_portable(&name) {
            return Err(failed(format!(
                "`{}` in `{}` cannot go in a bundle: {why}; rename or remove it",
                name.escape_debug(),
                site.display()
            )));
        }
        let bytes = std::fs::read(entry.path())
            .map_err(|e| failed(format!("cannot read `{}`: {e}", entry.path().display())))?;
        files.push((name, bytes));
    }
    Ok(files)
}

/// Whether a file is a recording a locale's pages play
/// (`<tag>/audio/<id>.<ext>`).
fn is_page_recording(name: &str) -> bool {
    let parts: Vec<&str> = name.split('/').collect();
    matches!(parts.as_slice(), [_, dir, file] if *dir == crate::html::AUDIO_DIR
        && file.rsplit_once('.').is_some_and(|(_, ext)| crate::audio::Container::from_extension(ext).is_some()))
}

/// Where a document's recordings go, numbered in reading order, to be
/// forwarded one after the other as voice notes:
/// `<tag>/voice-notes/<doc>/01-<id>.ogg`.
const VOICE_NOTES: &str = "voice-notes";

/// Each page's recordings again, numbered in the order the page plays
/// them (its "Listen" section lists them in reading order), as its job
/// recorded them.
fn voice_notes(
    recorded: &records::Recorded,
    files: &[(String, Vec<u8>)],
) -> Vec<(String, Vec<u8>)> {
    let bundled = |path: &str| files.iter().find(|(name, _)| name == path);
    let mut out = Vec::new();
    for page in &recorded.pages {
        let (tag, document) = (&page.tag, &page.document);
        if bundled(&format!("{tag}/{document}.html")).is_none() {
            continue;
        }
        for (n, file) in page.recordings.iter().enumerate() {
            let recording = format!("{tag}/{}/{file}", crate::html::AUDIO_DIR);
            if let Some((_, bytes)) = bundled(&recording) {
                out.push((
                    format!("{tag}/{VOICE_NOTES}/{document}/{:02}-{file}", n + 1),
                    bytes.clone(),
                ));
            }
        }
    }
    out
}
