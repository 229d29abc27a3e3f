//! `kyr bundle`: the zip itself: the files, `manifest.json` and
//! `SHA256SUMS`, sorted, with one fixed time (from `SOURCE_DATE_EPOCH` or
//! 1980-01-01) and fixed permissions, so the same inputs give the same
//! bytes.

use std::io::{Cursor, Write as _};

use sha2::{Digest, Sha256};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use crate::base::error::Error;
use crate::commands::bundle::failed;
use crate::commands::bundle::manifest::{Artifact, hex};

/// The zip of `files`, with the manifest of `artifacts` (for `edition`)
/// and the checksums of everything.
pub(super) fn zip(
    files: Vec<(String, Vec<u8>)>,
    artifacts: &[Artifact],
    edition: Option<&str>,
    epoch: i64,
) -> Result<Vec<u8>, Error> {
    let manifest = serde_json::to_vec_pretty(&serde_json::json!({
        "kyr": env!("CARGO_PKG_VERSION"),
        "edition": edition,
        "artifacts": artifacts,
    }))
    .expect("the manifest serializes");
    for (name, _) in &files {
        if let Some(why) = not_portable(name) {
            return Err(failed(format!(
                "`{}` cannot go in a bundle: {why}",
                name.escape_debug()
            )));
        }
    }
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
            .map_err(|e| failed(format!("cannot add `{name}` to the bundle: {e}")))?;
    }
    Ok(writer
        .finish()
        .map_err(|e| failed(format!("cannot finish the bundle: {e}")))?
        .into_inner())
}

/// Why a name cannot be a bundle's entry, if it cannot: every system
/// that unpacks the zip must make the same file of it, and its line in
/// `SHA256SUMS` must check.
pub(super) fn not_portable(name: &str) -> Option<&'static str> {
    if name.starts_with('/') || name.split('/').any(|part| part.is_empty() || part == "..") {
        Some("it is not a plain path inside the folder")
    } else if name.contains('\\') {
        Some("its name holds a backslash, which Windows reads as a folder separator")
    } else if name.chars().any(char::is_control) {
        Some(
            "its name holds a control character (a line break, a tab), which breaks its line in SHA256SUMS",
        )
    } else {
        None
    }
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
    fn names_that_unpack_differently_or_break_the_checksums_are_refused() {
        for name in [
            "\\abs.html",
            "/abs.html",
            "fr/a\nb.html",
            "fr/../x.html",
            "fr//x.html",
            "a\tb.pdf",
        ] {
            assert!(not_portable(name).is_some(), "{name:?}");
            let error = zip(vec![(name.to_owned(), Vec::new())], &[], None, 0).unwrap_err();
            assert!(
                error.to_string().contains("cannot go in a bundle"),
                "{error}"
            );
        }
        for name in ["fr/door.html", "ff-Adlm/𞤆𞤵𞤤𞤢𞤪.html", "ar/audio/x.ogg"] {
            assert_eq!(not_portable(name), None, "{name}");
        }
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
