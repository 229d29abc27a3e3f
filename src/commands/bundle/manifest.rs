//! `kyr bundle`: the manifest's description of each file: a job's output
//! as its job recorded it (document, locale, format, layout), any other
//! file by its place and name; its bytes (size, sha256, a recording's
//! duration) and the project (coverage, fallbacks, review state).

use std::collections::BTreeMap;

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::commands::bundle::VOICE_NOTES;
use crate::commands::bundle::records::{JobFile, Recorded};
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

impl Artifact {
    /// A file of the bundle, with its size and hash, described no further.
    fn of(path: &str, bytes: &[u8]) -> Artifact {
        Artifact {
            path: path.to_owned(),
            document: None,
            locale: None,
            layout: None,
            format: String::new(),
            bytes: bytes.len() as u64,
            sha256: hex(&Sha256::digest(bytes)),
            coverage: None,
            fallbacks: None,
            reviewed: None,
            message: None,
            duration_ms: None,
        }
    }
}

/// The manifest's entry for each file, with the coverage, fallbacks and
/// review state of its document in its locale.
pub(super) fn artifacts(
    project: &Project,
    recorded: &Recorded,
    files: &[(String, Vec<u8>)],
) -> Vec<Artifact> {
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
    files
        .iter()
        .map(|(path, bytes)| {
            let mut artifact = match recorded.files.get(path) {
                Some(file) => job_output(file, bytes),
                None => describe(path, bytes),
            };
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
        .collect()
}

/// A job's output, as its format planned it.
fn job_output(file: &JobFile, bytes: &[u8]) -> Artifact {
    let planned = &file.planned;
    Artifact {
        document: Some(file.document.clone()),
        locale: planned.path.split_once('/').map(|(tag, _)| tag.to_owned()),
        layout: planned.layout.map(str::to_owned),
        format: planned.format.to_string(),
        ..Artifact::of(&planned.path, bytes)
    }
}

/// What a file no job recorded is (an index page, a folder's font, a
/// recording, a voice note, or a file of the organizer's), from its place
/// and name.
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
        document: if locale.is_some() { document } else { None },
        locale,
        layout,
        format,
        ..Artifact::of(path, bytes)
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
        document: document.map(str::to_owned),
        locale: Some(tag.to_owned()),
        layout: document.map(|_| VOICE_NOTES.to_owned()),
        format: "audio".to_owned(),
        message: Some(message.to_owned()),
        duration_ms: crate::audio::probe(bytes, container)
            .ok()
            .map(|r| r.duration.as_millis() as u64),
        ..Artifact::of(path, bytes)
    })
}

/// Lowercase hex digits of `bytes`.
pub(super) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
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
}
