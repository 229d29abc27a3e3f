//! Saving a take from the recording page: `POST /record/<tag>/<doc>/<id>`
//! checks what the browser sent (its type, its size, that it is Opus,
//! whole and not silent), writes it as the message's only recording and
//! confirms it in the locale's lock file. Every refusal says why, in
//! text the page shows the volunteer.

use std::io::Read;
use std::path::Path;

use super::{Incoming, Reply, find, message_ids};
use crate::audio::{self, Container, Recording};
use crate::base::output;
use crate::commands::{self, WriterLock, confirm};
use crate::i18n::recordings::{self, AUDIO_DIR};
use crate::project::{self, Project};

/// Saves a take of message `id` of document `doc` as
/// `locales/<tag>/audio/<id>.ogg` (the only recording of it) and confirms
/// it against the text it reads. A take that is too large, not Opus,
/// damaged or silent is refused, with why.
pub(super) fn save(
    project: &Project,
    tag: &str,
    doc: &str,
    id: &str,
    request: &Incoming,
    body: &mut dyn Read,
) -> Result<Reply, Reply> {
    let (_, skeleton) = find(project, tag, doc)?;
    if !message_ids(skeleton).iter().any(|m| m == id) {
        return Err(Reply::text(
            404,
            format!("the document `{doc}` reads no message `{id}`"),
        ));
    }
    let max = project.config.limits.max_audio_bytes;
    let webm = is_webm(request.content_type)?;
    let bytes = read_limited(body, request.length, max)?;
    let ogg = if webm {
        audio::webm_to_ogg(&bytes).map_err(|problem| refused(&problem.to_string()))?
    } else {
        bytes
    };
    if ogg.len() as u64 > max {
        return Err(too_large(max));
    }
    let info = audio::probe(&ogg, Container::OggOpus).map_err(|p| refused(&p.to_string()))?;
    if info.is_silent() {
        return Err(refused(
            "the recording is silent: the microphone is probably muted or not the one in use; check it and record again",
        ));
    }
    // Saves are one at a time, each confirmed in the lock file as it is
    // then: two saves at once must not lose each other's entry.
    let _writing = WriterLock::take(&project.root)
        .map_err(|e| Reply::text(500, format!("the recording could not be saved: {e}")))?;
    write(&project.root, tag, id, &ogg)?;
    confirm(&project.root, tag, id)?;
    Ok(saved(id, &info))
}

/// Whether a take's `Content-Type` is WebM (`false`: Ogg); any other type
/// is refused.
fn is_webm(content_type: Option<&str>) -> Result<bool, Reply> {
    let kind = content_type
        .and_then(|t| t.split(';').next())
        .map(|t| t.trim().to_ascii_lowercase());
    match kind.as_deref() {
        Some("audio/webm") => Ok(true),
        Some("audio/ogg") => Ok(false),
        _ => Err(Reply::text(
            415,
            "only Opus recordings from the browser are saved (audio/webm or audio/ogg)",
        )),
    }
}

/// Writes the take as `locales/<tag>/audio/<id>.ogg` and removes the
/// message's recordings in other formats, so it is the only one.
fn write(root: &Path, tag: &str, id: &str, ogg: &[u8]) -> Result<(), Reply> {
    let folder = Path::new("locales").join(tag).join(AUDIO_DIR);
    output::write_atomic(root, &folder.join(format!("{id}.ogg")), ogg)
        .map_err(|e| Reply::text(500, format!("the recording could not be saved: {e:#}")))?;
    for ext in Container::extensions().iter().filter(|e| **e != "ogg") {
        let other = root.join(&folder).join(format!("{id}.{ext}"));
        match std::fs::remove_file(&other) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => {
                return Err(Reply::text(
                    500,
                    format!("saved, but the older `{id}.{ext}` could not be removed: {e}"),
                ));
            }
        }
    }
    Ok(())
}

/// Confirms the new recording of `id` against the text it reads now, in
/// the locale's lock file as it is now (read again, under the writer
/// lock the caller holds).
fn confirm(root: &Path, tag: &str, id: &str) -> Result<(), Reply> {
    let failed = |why: String| Reply::text(500, format!("saved, but not confirmed: {why}"));
    let project = project::load(root).map_err(|e| failed(e.to_string()))?;
    let (write, _) = confirm::lock_write(&project, tag, &[id.to_owned()], true)
        .map_err(|e| failed(e.to_string()))?;
    commands::write_locked(&[write]).map_err(|e| failed(e.to_string()))
}

/// What the page is told of a saved take (JSON).
fn saved(id: &str, info: &Recording) -> Reply {
    Reply::json(
        200,
        &serde_json::json!({
            "state": "recorded",
            "file": format!("{id}.ogg"),
            "duration": recordings::duration_text(info.duration),
            "seconds": info.duration.as_secs_f64(),
        }),
    )
}

/// The request's body, when it is no larger than `max` bytes.
fn read_limited(body: &mut dyn Read, length: Option<usize>, max: u64) -> Result<Vec<u8>, Reply> {
    if length.is_some_and(|n| n as u64 > max) {
        return Err(too_large(max));
    }
    let mut bytes = Vec::new();
    body.take(max.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| Reply::text(400, format!("the recording did not arrive whole: {e}")))?;
    if bytes.len() as u64 > max {
        return Err(too_large(max));
    }
    Ok(bytes)
}

fn too_large(max: u64) -> Reply {
    Reply::text(
        413,
        format!(
            "the recording is larger than the limit of {} (`max_audio_bytes` under `[limits]` in kyr.toml); record the message on its own, or in shorter parts",
            crate::base::diag::human_size(max)
        ),
    )
}

/// A take that cannot be played to a reader: 422, with why.
fn refused(why: &str) -> Reply {
    Reply::text(422, format!("not saved: {why}"))
}
