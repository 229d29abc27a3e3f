//! `kyr bundle`: the built site as one zip to download, copy to a USB stick
//! or a phone: `index.html` at its root, a folder per locale, a
//! `manifest.json` describing every artifact (document, locale, layout,
//! format, size, sha256, coverage, fallbacks, review state) and
//! `SHA256SUMS`. Reproducible: entries sorted, times fixed (from
//! `SOURCE_DATE_EPOCH` or 1980-01-01), permissions fixed, so the same
//! inputs give the same bytes. The folders of several `--shard` builds
//! merge into the bundle one whole build would give.

use std::collections::BTreeMap;
use std::io::{Cursor, Write as _};
use std::path::{Path, PathBuf};

use serde::Serialize;
use sha2::{Digest, Sha256};
use walkdir::WalkDir;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use crate::base::error::Error;
use crate::build::{Shard, incremental};
use crate::i18n::coverage;
use crate::pdf::PdfKind;
use crate::project::Project;

/// One file of the bundle, as the manifest describes it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Artifact {
    /// Path inside the bundle (`fr/red-card.card.pdf`).
    pub path: String,
    /// Document name, for a document's output.
    pub document: Option<String>,
    /// Locale tag, for a document's output.
    pub locale: Option<String>,
    /// `handout`, `card`, `card-sheet`, `booklet`, `booklet-print`,
    /// `sms` for the SMS text, or `voice-notes` for a document's
    /// recordings numbered in reading order; none for HTML, the chat text
    /// and the recordings the pages play.
    pub layout: Option<String>,
    /// `html`, `pdf`, `text`, `woff2` for a page folder's font, or
    /// `audio` for a recording (its file name says its format).
    pub format: String,
    /// Size in bytes.
    pub bytes: u64,
    /// SHA-256 of the file, hex.
    pub sha256: String,
    /// Share of the document's messages translated in the locale, percent.
    pub coverage: Option<f64>,
    /// Messages of the document shown from another locale.
    pub fallbacks: Option<usize>,
    /// Whether the locale's translation has been reviewed.
    pub reviewed: Option<bool>,
    /// For a recording: the message it reads.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// For a recording: how long it plays, in milliseconds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duration_ms: Option<u64>,
}

/// A finished bundle.
#[derive(Debug)]
pub struct Bundle {
    /// The zip file.
    pub zip: Vec<u8>,
    /// What it holds (besides the manifest and the checksums).
    pub artifacts: Vec<Artifact>,
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
    epoch: i64,
    merge: bool,
) -> Result<Bundle, Error> {
    make(project, sites, epoch, merge).map_err(|message| Error::Failed(anyhow::anyhow!(message)))
}

fn make(project: &Project, sites: &[PathBuf], epoch: i64, merge: bool) -> Result<Bundle, String> {
    if merge {
        check_shards(project, sites)?;
    }
    let mut found: BTreeMap<String, (Vec<u8>, &Path)> = BTreeMap::new();
    for site in sites {
        let shown =
            crate::base::diag::display_path(site.strip_prefix(&project.root).unwrap_or(site));
        if !site.join("index.html").is_file() {
            return Err(format!(
                "`{shown}` holds no built site (no `index.html`); run `kyr build` first"
            ));
        }
        for (name, bytes) in site_files(site)? {
            let top = name.split('/').next().unwrap_or("");
            // Text files only in a language's folder, where kyr writes
            // them: a `notes.txt` of the organizer's stays out.
            if name.ends_with(".txt")
                && (name.matches('/').count() != 1 || project.config.locale(top).is_none())
            {
                continue;
            }
            // An edition's folder is its own site.
            if name.contains('/')
                && project.config.editions.contains_key(top)
                && project.config.locale(top).is_none()
            {
                continue;
            }
            // Index pages and the fonts of a folder whose pages come from
            // several shards are made again below.
            let remade = merge
                && (crate::html::is_index_page(&name) || crate::html::fonts::is_page_font(&name));
            if let Some((other, other_site)) = found.get(&name)
                && *other != bytes
                && !remade
            {
                return Err(format!(
                    "`{name}` differs between `{}` and `{}`: were they built from the same \
                     sources and SOURCE_DATE_EPOCH?",
                    other_site.display(),
                    site.display()
                ));
            }
            found.insert(name, (bytes, site));
        }
    }
    if merge {
        let exists = |file: &str| found.contains_key(file);
        let pages = crate::build::index_pages(project, &exists, false, &mut Vec::new())
            .ok_or_else(|| "cannot make the index pages of the merged sites".to_owned())?;
        found.retain(|name, _| !crate::html::is_index_page(name));
        for (name, html) in pages {
            found.insert(name, (html.into_bytes(), Path::new("")));
        }
        // Each folder's fonts, from all its pages, as one build makes them.
        found.retain(|name, _| !crate::html::fonts::is_page_font(name));
        let mut folders: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for (name, (bytes, _)) in &found {
            if name.ends_with(".html") {
                let folder = name.rsplit_once('/').map_or("", |(f, _)| f);
                folders
                    .entry(folder.to_owned())
                    .or_default()
                    .push(String::from_utf8_lossy(bytes).into_owned());
            }
        }
        for (folder, pages) in folders {
            let chars: Vec<_> = pages
                .iter()
                .map(|p| crate::html::fonts::page_chars(p))
                .collect();
            let fonts = crate::html::fonts::folder_fonts(&chars)
                .map_err(|e| format!("cannot make the fonts of `{folder}`: {e}"))?;
            for (name, bytes) in fonts {
                let path = if folder.is_empty() {
                    format!("{}/{name}", crate::html::fonts::FONTS_DIR)
                } else {
                    format!("{folder}/{}/{name}", crate::html::fonts::FONTS_DIR)
                };
                found.insert(path, (bytes, Path::new("")));
            }
        }
    }
    let mut files: Vec<(String, Vec<u8>)> = found
        .into_iter()
        .map(|(name, (bytes, _))| (name, bytes))
        .collect();
    files.extend(voice_notes(&files));
    files.sort_by(|a, b| a.0.cmp(&b.0));

    let coverage: BTreeMap<(String, String), (f64, usize)> =
        coverage::coverage(&project.messages(), &[])
            .into_iter()
            .flat_map(|locale| {
                let tag = locale.locale.clone();
                locale.documents.into_iter().map(move |doc| {
                    (
                        (tag.clone(), doc.document.clone()),
                        (doc.counts.percent(), doc.counts.fallback),
                    )
                })
            })
            .collect();

    let artifacts: Vec<Artifact> = files
        .iter()
        .map(|(path, bytes)| {
            let mut artifact = describe(path, bytes);
            if let (Some(locale), Some(document)) = (&artifact.locale, &artifact.document) {
                if let Some((percent, fallbacks)) =
                    coverage.get(&(locale.clone(), document.clone()))
                {
                    artifact.coverage = Some(*percent);
                    artifact.fallbacks = Some(*fallbacks);
                }
                artifact.reviewed = project.config.locale(locale).map(|l| l.reviewed);
            }
            artifact
        })
        .collect();

    let manifest = serde_json::to_vec_pretty(&serde_json::json!({
        "kyr": env!("CARGO_PKG_VERSION"),
        "edition": project.edition,
        "artifacts": artifacts,
    }))
    .expect("the manifest serializes");
    let mut sums = String::new();
    let mut entries: Vec<(String, Vec<u8>)> = files;
    entries.push(("manifest.json".into(), manifest));
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    for (name, bytes) in &entries {
        sums.push_str(&format!("{}  {name}\n", hex(&Sha256::digest(bytes))));
    }
    entries.push(("SHA256SUMS".into(), sums.into_bytes()));

    let when = zip_time(epoch);
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(when)
        .unix_permissions(0o644);
    let mut writer = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, bytes) in &entries {
        writer
            .start_file(name.as_str(), options)
            .and_then(|()| writer.write_all(bytes).map_err(Into::into))
            .map_err(|e| format!("cannot add `{name}` to the bundle: {e}"))?;
    }
    let zip = writer
        .finish()
        .map_err(|e| format!("cannot finish the bundle: {e}"))?
        .into_inner();
    Ok(Bundle { zip, artifacts })
}

/// Checks that the shard folders `sites` make one whole build: each share
/// K of one N exactly once, one build time, one set of inputs (the
/// project's as it is now, since the merged index is made from it).
fn check_shards(project: &Project, sites: &[PathBuf]) -> Result<(), String> {
    let mut records = Vec::new();
    for site in sites {
        let path = site.join(incremental::SHARD_RECORD);
        let record = std::fs::read(&path)
            .ok()
            .and_then(|bytes| serde_json::from_slice::<incremental::ShardRecord>(&bytes).ok())
            .ok_or_else(|| {
                format!(
                    "`{}` holds no shard record: it was not built with `kyr build --shard K/N`",
                    site.display()
                )
            })?;
        let shard: Shard = record.shard.parse()?;
        records.push((site, shard, record));
    }
    let (first_site, first, first_record) = &records[0];
    for (site, shard, record) in &records[1..] {
        if shard.count != first.count {
            return Err(format!(
                "`{}` is shard {shard} but `{}` is shard {first}: they are not shares of one build",
                site.display(),
                first_site.display()
            ));
        }
        if record.epoch != first_record.epoch {
            return Err(format!(
                "`{}` was built with SOURCE_DATE_EPOCH {} but `{}` with {}: build every shard with the same SOURCE_DATE_EPOCH",
                site.display(),
                record.epoch,
                first_site.display(),
                first_record.epoch
            ));
        }
        if record.inputs != first_record.inputs {
            return Err(format!(
                "`{}` and `{}` were built from different inputs (content, messages, kyr.toml, templates or kyr's version)",
                site.display(),
                first_site.display()
            ));
        }
    }
    for index in 1..=first.count {
        let holding: Vec<String> = records
            .iter()
            .filter(|(_, shard, _)| shard.index == index)
            .map(|(site, _, _)| format!("`{}`", site.display()))
            .collect();
        match holding.len() {
            0 => {
                return Err(format!(
                    "shard {index}/{} is missing: merge every shard of the build",
                    first.count
                ));
            }
            1 => {}
            _ => {
                return Err(format!(
                    "shard {index}/{} is given more than once: {}",
                    first.count,
                    holding.join(", ")
                ));
            }
        }
    }
    if first_record.inputs != incremental::inputs_fingerprint(project) {
        return Err(
            "the shards were built from other inputs than the project as it is now: build them again"
                .to_owned(),
        );
    }
    Ok(())
}

/// The HTML, PDF and text files of a built folder and its pages' fonts, by
/// path with `/`.
fn site_files(site: &Path) -> Result<Vec<(String, Vec<u8>)>, String> {
    let mut files = Vec::new();
    for entry in WalkDir::new(site).sort_by_file_name() {
        let entry = entry.map_err(|e| format!("cannot read `{}`: {e}", site.display()))?;
        if !entry.file_type().is_file() {
            continue;
        }
        let relative = entry.path().strip_prefix(site).map_err(|e| e.to_string())?;
        let name = relative.to_string_lossy().replace('\\', "/");
        let hidden = name.split('/').any(|part| part.starts_with('.'));
        let ours = name.ends_with(".html")
            || name.ends_with(".pdf")
            || name.ends_with(".txt")
            || crate::html::fonts::is_page_font(&name)
            || is_page_recording(&name);
        if hidden || !ours {
            continue;
        }
        let bytes = std::fs::read(entry.path())
            .map_err(|e| format!("cannot read `{}`: {e}", entry.path().display()))?;
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
/// them (its "Listen" section lists them in reading order).
fn voice_notes(files: &[(String, Vec<u8>)]) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for (name, bytes) in files {
        let Some((tag, page)) = name.split_once('/') else {
            continue;
        };
        let Some(document) = page.strip_suffix(".html") else {
            continue;
        };
        if page.contains('/') || crate::html::is_index_page(name) {
            continue;
        }
        let html = String::from_utf8_lossy(bytes);
        for (n, file) in crate::html::played_recordings(&html)
            .into_iter()
            .enumerate()
        {
            let recording = format!("{tag}/{}/{file}", crate::html::AUDIO_DIR);
            if let Some((_, bytes)) = files.iter().find(|(name, _)| *name == recording) {
                out.push((
                    format!("{tag}/{VOICE_NOTES}/{document}/{:02}-{file}", n + 1),
                    bytes.clone(),
                ));
            }
        }
    }
    out
}

/// What a file is, from its place and name.
fn describe(path: &str, bytes: &[u8]) -> Artifact {
    if let Some(artifact) = describe_recording(path, bytes) {
        return artifact;
    }
    let (folder, file) = path.rsplit_once('/').unwrap_or(("", path));
    let (stem, format) = match file.rsplit_once('.') {
        Some((stem, "txt")) => (stem, "text".to_owned()),
        Some((stem, ext)) => (stem, ext.to_owned()),
        None => (file, String::new()),
    };
    // A page folder's fonts (`fr/fonts/NotoSans-Regular.woff2`) belong to
    // its locale, not to a document.
    let folder = folder
        .strip_suffix(crate::html::fonts::FONTS_DIR)
        .filter(|_| format == "woff2")
        .map_or(folder, |f| f.trim_end_matches('/'));
    let (document, layout) = if format == "woff2" {
        (None, None)
    } else if format == "pdf" {
        // `<doc>.pdf` is the handout; other layouts add `.<layout>`.
        let (document, kind) = PdfKind::ALL
            .into_iter()
            .filter(|k| *k != PdfKind::Handout)
            .find_map(|k| Some((stem.strip_suffix(&format!(".{}", k.layout_name()))?, k)))
            .unwrap_or((stem, PdfKind::Handout));
        (
            Some(document.to_owned()),
            Some(kind.layout_name().to_owned()),
        )
    } else if folder.is_empty() {
        (None, None)
    } else if format == "text" {
        match stem.strip_suffix(".sms") {
            Some(document) => (Some(document.to_owned()), Some("sms".to_owned())),
            None => (Some(stem.to_owned()), None),
        }
    } else {
        (Some(stem.to_owned()), None)
    };
    let locale = (!folder.is_empty()).then(|| folder.to_owned());
    Artifact {
        path: path.to_owned(),
        document: if locale.is_some() { document } else { None },
        locale,
        layout,
        format,
        bytes: bytes.len() as u64,
        sha256: hex(&Sha256::digest(bytes)),
        coverage: None,
        fallbacks: None,
        reviewed: None,
        message: None,
        duration_ms: None,
    }
}

/// A recording's artifact: a page's (`<tag>/audio/<id>.<ext>`) or a
/// numbered voice note (`<tag>/voice-notes/<doc>/01-<id>.<ext>`), with
/// its duration read from the file.
fn describe_recording(path: &str, bytes: &[u8]) -> Option<Artifact> {
    let parts: Vec<&str> = path.split('/').collect();
    let (tag, document, file) = match parts.as_slice() {
        [tag, dir, file] if *dir == crate::html::AUDIO_DIR => (*tag, None, *file),
        [tag, dir, document, file] if *dir == VOICE_NOTES => (*tag, Some(*document), *file),
        _ => return None,
    };
    let (stem, ext) = file.rsplit_once('.')?;
    let container = crate::audio::Container::from_extension(ext)?;
    let message = match document {
        Some(_) => stem.split_once('-').map_or(stem, |(_, id)| id),
        None => stem,
    };
    Some(Artifact {
        path: path.to_owned(),
        document: document.map(str::to_owned),
        locale: Some(tag.to_owned()),
        layout: document.map(|_| VOICE_NOTES.to_owned()),
        format: "audio".to_owned(),
        bytes: bytes.len() as u64,
        sha256: hex(&Sha256::digest(bytes)),
        coverage: None,
        fallbacks: None,
        reviewed: None,
        message: Some(message.to_owned()),
        duration_ms: crate::audio::probe(bytes, container)
            .ok()
            .map(|r| r.duration.as_millis() as u64),
    })
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A zip time for the build time (zip cannot hold times before 1980).
fn zip_time(epoch: i64) -> DateTime {
    let time = time::OffsetDateTime::from_unix_timestamp(epoch)
        .unwrap_or(time::OffsetDateTime::UNIX_EPOCH);
    let year = time.year().clamp(1980, 2107) as u16;
    DateTime::from_date_and_time(
        year,
        time.month() as u8,
        time.day(),
        time.hour(),
        time.minute(),
        time.second(),
    )
    .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_say_what_they_are() {
        let a = describe("fr/red-card.card-sheet.pdf", b"x");
        assert_eq!(a.document.as_deref(), Some("red-card"));
        assert_eq!(a.locale.as_deref(), Some("fr"));
        assert_eq!(a.layout.as_deref(), Some("card-sheet"));
        assert_eq!(a.format, "pdf");
        let b = describe("ff-Adlm/at-the-door.pdf", b"x");
        assert_eq!(b.layout.as_deref(), Some("handout"));
        let c = describe("ar/in-the-shelter.html", b"x");
        assert_eq!((c.layout, c.format.as_str()), (None, "html"));
        let font = describe("ff-Adlm/fonts/NotoSansAdlam-Regular.woff2", b"x");
        assert_eq!(font.locale.as_deref(), Some("ff-Adlm"));
        assert_eq!((font.document, font.format.as_str()), (None, "woff2"));
        let root_font = describe("fonts/NotoSans-Regular.woff2", b"x");
        assert_eq!((root_font.locale, root_font.document), (None, None));
        let text = describe("ff-Adlm/red-card.txt", b"x");
        assert_eq!(text.document.as_deref(), Some("red-card"));
        assert_eq!((text.layout, text.format.as_str()), (None, "text"));
        let sms = describe("ar/red-card.sms.txt", b"x");
        assert_eq!(sms.document.as_deref(), Some("red-card"));
        assert_eq!(sms.layout.as_deref(), Some("sms"));
        assert_eq!(sms.format, "text");
        let index = describe("index.html", b"x");
        assert_eq!((index.locale, index.document), (None, None));
        assert_eq!(
            index.sha256,
            "2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881"
        );
    }

    #[test]
    fn zip_times_start_in_1980() {
        assert_eq!(
            zip_time(0),
            DateTime::from_date_and_time(1980, 1, 1, 0, 0, 0).unwrap()
        );
        assert_eq!(
            zip_time(1_764_115_200),
            DateTime::from_date_and_time(2025, 11, 26, 0, 0, 0).unwrap()
        );
    }
}
