//! Saving a take from the recording page: `POST /record/<tag>/<doc>/<id>`
//! with the recording as the body, from the phone's own recorder (M4A
//! with AAC, Ogg Opus) or the browser's (WebM or Ogg Opus). What it is
//! is read from its bytes, not from the type the browser names: M4A is
//! kept as `<id>.m4a`, Opus as `<id>.ogg` (WebM remuxed), anything else
//! refused; a take too large, damaged or silent too. It is written as
//! the message's only recording and confirmed in the locale's lock file.
//! Every answer is in the volunteer's language.

use std::io::Read;
use std::path::Path;

use fluent_bundle::FluentValue;

use super::{Incoming, PREFIX, Reply, State, find, message_ids};
use crate::audio::{self, Container, Problem, Recording, Sniffed};
use crate::base::output;
use crate::commands::{self, WriterLock, confirm};
use crate::i18n::recordings::{self, AUDIO_DIR};
use crate::project::{self, Project};
use crate::serve::ui::Ui;

/// The first bytes of an EBML file (WebM, Matroska).
const EBML: [u8; 4] = [0x1A, 0x45, 0xDF, 0xA3];

/// Saves a take of message `id` of document `doc` as
/// `locales/<tag>/audio/<id>.m4a` or `.ogg` (the only recording of it)
/// and confirms it against the text it reads. A take that is too large,
/// not M4A or Opus, damaged or silent is refused, with why.
pub(super) fn save(
    project: &Project,
    tag: &str,
    doc: &str,
    id: &str,
    request: &Incoming,
    body: &mut dyn Read,
) -> Result<Reply, Reply> {
    let (locale, skeleton) = find(project, request, tag, doc)?;
    let ui = request.ui(&locale.chain);
    if !message_ids(skeleton).iter().any(|m| m == id) {
        return Err(Reply::text(
            404,
            words(&ui, "studio-record-no-such-message", &[]),
        ));
    }
    if is_form(request.content_type) {
        return Err(Reply::text(
            415,
            words(&ui, "studio-record-refused-kind", &[]),
        ));
    }
    let max = project.config.limits.max_audio_bytes;
    let bytes = read_limited(body, request.length, max, &ui)?;
    let (kept, container) = kept(bytes, &ui)?;
    if kept.len() as u64 > max {
        return Err(too_large(max, &ui));
    }
    let info = audio::probe(&kept, container).map_err(|p| refused(&p, &ui))?;
    if info.is_silent() {
        return Err(Reply::text(
            422,
            words(&ui, "studio-record-refused-silent", &[]),
        ));
    }
    // Saves are one at a time, each confirmed in the lock file as it is
    // then: two saves at once must not lose each other's entry.
    let failed = |e: String| {
        Reply::text(
            500,
            words(&ui, "studio-record-failed", &[("why", e.into())]),
        )
    };
    let _writing = WriterLock::take(&project.root).map_err(|e| failed(e.to_string()))?;
    let name = format!("{id}.{}", extension(container));
    write(&project.root, tag, id, &name, &kept).map_err(&failed)?;
    confirm(&project.root, tag, id).map_err(&failed)?;
    Ok(saved(&ui, tag, &name, &info))
}

/// A studio message in the volunteer's language, as plain text.
fn words(ui: &Ui, id: &str, args: &[(&str, FluentValue)]) -> String {
    ui.text(id, args).0
}

/// The recording to keep and its container, from what the bytes are:
/// M4A and Ogg Opus as they are, WebM remuxed to Ogg Opus; any other
/// kind is refused (415).
fn kept(bytes: Vec<u8>, ui: &Ui) -> Result<(Vec<u8>, Container), Reply> {
    if bytes.is_empty() {
        return Err(refused(&Problem::Empty, ui));
    }
    if bytes.starts_with(&EBML) {
        let ogg = audio::webm_to_ogg(&bytes).map_err(|p| refused(&p, ui))?;
        return Ok((ogg, Container::OggOpus));
    }
    match audio::sniff(&bytes) {
        Sniffed::Audio(container @ (Container::M4a | Container::OggOpus)) => Ok((bytes, container)),
        Sniffed::Audio(other) => Err(Reply::text(
            415,
            words(
                ui,
                "studio-record-refused-format",
                &[("format", other.name().into())],
            ),
        )),
        Sniffed::Other(_) | Sniffed::Unknown => Err(Reply::text(
            415,
            words(ui, "studio-record-refused-kind", &[]),
        )),
    }
}

/// Whether a request's type is one a page of another site may send
/// without asking first (a form's, or text): never a recording, which
/// the page sends with its own type. Refused before its bytes are read,
/// besides the check that the request comes from this server's pages.
fn is_form(content_type: Option<&str>) -> bool {
    let kind = content_type
        .and_then(|t| t.split(';').next())
        .map(|t| t.trim().to_ascii_lowercase());
    matches!(
        kind.as_deref(),
        Some("text/plain" | "multipart/form-data" | "application/x-www-form-urlencoded")
    )
}

/// The extension a kept recording is saved with.
fn extension(container: Container) -> &'static str {
    match container {
        Container::M4a => "m4a",
        _ => "ogg",
    }
}

/// Why a take cannot be kept, in the volunteer's language: 415 for
/// another kind of file, 422 for one that would not play.
fn refused(problem: &Problem, ui: &Ui) -> Reply {
    match problem {
        Problem::Empty => Reply::text(422, words(ui, "studio-record-refused-empty", &[])),
        Problem::WrongType { .. } => Reply::text(415, words(ui, "studio-record-refused-kind", &[])),
        Problem::Corrupt(_) => Reply::text(422, words(ui, "studio-record-refused-damaged", &[])),
        Problem::UnsupportedCodec { codec, .. } => Reply::text(
            415,
            words(
                ui,
                "studio-record-refused-codec",
                &[("codec", codec.clone().into())],
            ),
        ),
    }
}

/// Writes the take as `locales/<tag>/audio/<name>` and removes the
/// message's recordings in other formats, so it is the only one.
fn write(root: &Path, tag: &str, id: &str, name: &str, take: &[u8]) -> Result<(), String> {
    let folder = Path::new("locales").join(tag).join(AUDIO_DIR);
    output::write_atomic(root, &folder.join(name), take).map_err(|e| format!("{e:#}"))?;
    for ext in Container::extensions() {
        let other = format!("{id}.{ext}");
        if other == name {
            continue;
        }
        match std::fs::remove_file(root.join(&folder).join(&other)) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(format!("`{other}`: {e}")),
        }
    }
    Ok(())
}

/// Confirms the new recording of `id` against the text it reads now, in
/// the locale's lock file as it is now (read again, under the writer
/// lock the caller holds).
fn confirm(root: &Path, tag: &str, id: &str) -> Result<(), String> {
    let failed = |why: String| format!("saved, but not confirmed: {why}");
    let project = project::load(root).map_err(|e| failed(e.to_string()))?;
    let (write, _) = confirm::lock_write(&project, tag, &[id.to_owned()], true)
        .map_err(|e| failed(e.to_string()))?;
    commands::write_locked(&[write]).map_err(|e| failed(e.to_string()))
}

/// What the page is told of a saved take (JSON): its state and what to
/// say, in the volunteer's language, and where it plays.
fn saved(ui: &Ui, tag: &str, name: &str, info: &Recording) -> Reply {
    let duration = recordings::duration_text(info.duration);
    let args = [("duration", FluentValue::from(duration.clone()))];
    Reply::json(
        200,
        &serde_json::json!({
            "state": State::Recorded.words(ui),
            "said": words(ui, "studio-record-saved", &args),
            "current": words(ui, "studio-record-current", &args),
            "file": name,
            "src": format!("{PREFIX}/{tag}/audio/{name}"),
            "duration": duration,
            "seconds": info.duration.as_secs_f64(),
        }),
    )
}

/// The request's body, when it is no larger than `max` bytes.
fn read_limited(
    body: &mut dyn Read,
    length: Option<usize>,
    max: u64,
    ui: &Ui,
) -> Result<Vec<u8>, Reply> {
    if length.is_some_and(|n| n as u64 > max) {
        return Err(too_large(max, ui));
    }
    let mut bytes = Vec::new();
    body.take(max.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|_| Reply::text(400, words(ui, "studio-record-refused-cut", &[])))?;
    if bytes.len() as u64 > max {
        return Err(too_large(max, ui));
    }
    Ok(bytes)
}

fn too_large(max: u64, ui: &Ui) -> Reply {
    let limit = crate::base::diag::human_size(max);
    Reply::text(
        413,
        words(
            ui,
            "studio-record-refused-large",
            &[("limit", limit.into())],
        ),
    )
}
