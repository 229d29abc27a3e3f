//! The recording page of `kyr serve`: a volunteer reads a document's
//! messages one at a time into the browser's microphone, listens to the
//! take and saves it as `locales/<tag>/audio/<id>.ogg`, confirmed against
//! the text it reads. The only page kyr serves that runs script; it is
//! made for each request from the project as it is on disk, and never
//! written to `out/`. The watcher's rebuild puts a saved recording on the
//! pages.
//!
//! Routes, under [`PREFIX`]: `GET /record/` (every locale and document),
//! `GET /record/<tag>/<doc>?at=<n>` (the page), `GET
//! /record/<tag>/audio/<file>` (a recording the project has) and `POST
//! /record/<tag>/<doc>/<id>` (save a take). Each asks that the request
//! names this server as its host, and a save that it comes from this
//! server's own pages: no other web page, and no other name for this
//! machine (DNS rebinding), can record or read anything.

use std::fmt::Write as _;
use std::io::Read;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::audio::{self, Container};
use crate::base::output;
use crate::config::Locale;
use crate::doc::Skeleton;
use crate::html::escape_into;
use crate::i18n::Messages;
use crate::i18n::lock::LOCK_FILE;
use crate::i18n::recordings::{self, AUDIO_DIR};
use crate::project::{self, Project};

/// Where the recording pages are.
pub(super) const PREFIX: &str = "/record";

/// What a request under [`PREFIX`] is answered with.
#[derive(Debug)]
pub(super) struct Reply {
    pub(super) status: u16,
    pub(super) kind: &'static str,
    pub(super) body: Vec<u8>,
    /// The page's script is allowed to run (its hash in the policy).
    pub(super) page: bool,
}

impl Reply {
    fn text(status: u16, body: impl Into<String>) -> Reply {
        Reply {
            status,
            kind: "text/plain; charset=utf-8",
            body: body.into().into_bytes(),
            page: false,
        }
    }

    fn html(body: String) -> Reply {
        Reply {
            status: 200,
            kind: "text/html; charset=utf-8",
            body: body.into_bytes(),
            page: true,
        }
    }

    /// The security policy sent with it: nothing from elsewhere, no
    /// framing, and only the page's own script.
    pub(super) fn policy(&self) -> String {
        let script = if self.page {
            format!("'sha256-{}'", base64(&Sha256::digest(SCRIPT.as_bytes())))
        } else {
            "'none'".to_owned()
        };
        format!(
            "default-src 'none'; script-src {script}; style-src 'unsafe-inline'; media-src 'self' blob:; connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'"
        )
    }
}

/// What [`respond`] needs of a request.
pub(super) struct Incoming<'r> {
    pub(super) post: bool,
    pub(super) path: &'r str,
    pub(super) query: &'r str,
    pub(super) host: Option<&'r str>,
    pub(super) origin: Option<&'r str>,
    pub(super) content_type: Option<&'r str>,
    pub(super) length: Option<usize>,
}

/// Answers a request under [`PREFIX`] for the project at `root`, served
/// on `port`; `body` is read only for a save.
pub(super) fn respond(root: &Path, port: u16, request: &Incoming, body: &mut dyn Read) -> Reply {
    if !is_own_host(request.host, port) {
        return Reply::text(
            403,
            format!("refused: open the recording page at http://127.0.0.1:{port}/record/"),
        );
    }
    let rest = request.path.strip_prefix(PREFIX).unwrap_or_default();
    let parts: Vec<&str> = rest.split('/').filter(|p| !p.is_empty()).collect();
    // A recording's file name is looked up in the project's list, not
    // used as a path.
    let checked: &[&str] = match parts.as_slice() {
        [tag, "audio", _] if !request.post => std::slice::from_ref(tag),
        all => all,
    };
    if !checked.iter().all(|p| is_name(p)) {
        return Reply::text(
            404,
            "no such page: locales, documents and messages are named with letters, digits, `-` and `_`",
        );
    }
    match (request.post, parts.as_slice()) {
        (false, []) => with_project(root, |project| Ok(index(project))),
        (false, [tag, doc]) => with_project(root, |project| {
            let at = request
                .query
                .split('&')
                .find_map(|pair| pair.strip_prefix("at="))
                .and_then(|n| n.parse().ok())
                .unwrap_or(1);
            page(project, tag, doc, at)
        }),
        (false, [tag, "audio", file]) => {
            with_project(root, |project| recording(project, tag, file))
        }
        (true, [tag, doc, id]) => {
            if !is_own_origin(request.origin, port) {
                return Reply::text(
                    403,
                    "refused: recordings are saved only from the recording page of this kyr serve",
                );
            }
            save(
                root,
                tag,
                doc,
                id,
                request.content_type,
                request.length,
                body,
            )
        }
        (true, _) => Reply::text(
            405,
            "only a recording is saved, at /record/<locale>/<document>/<message>",
        ),
        (false, _) => Reply::text(
            404,
            "no such page: the recording pages are listed at /record/",
        ),
    }
}

/// Whether a `Host` header names this server (a page reached through
/// another name, as a DNS rebinding attack does, is refused).
fn is_own_host(host: Option<&str>, port: u16) -> bool {
    host.is_some_and(|host| {
        [format!("127.0.0.1:{port}"), format!("localhost:{port}")]
            .iter()
            .any(|own| host.eq_ignore_ascii_case(own))
    })
}

/// Whether an `Origin` header is this server's own pages.
fn is_own_origin(origin: Option<&str>, port: u16) -> bool {
    origin.is_some_and(|origin| {
        [
            format!("http://127.0.0.1:{port}"),
            format!("http://localhost:{port}"),
        ]
        .iter()
        .any(|own| origin.eq_ignore_ascii_case(own))
    })
}

/// Whether a part of a URL can be a locale tag, document name or message
/// id: letters, digits, `-` and `_`, so never a path of its own.
fn is_name(part: &str) -> bool {
    !part.is_empty()
        && part.len() <= 200
        && part
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Calls `answer` with the project as it is on disk now.
fn with_project(root: &Path, answer: impl FnOnce(&Project) -> Result<Reply, Reply>) -> Reply {
    match project::load(root) {
        Ok(project) => answer(&project).unwrap_or_else(|refused| refused),
        Err(error) => Reply::text(500, format!("{error}; run `kyr check` to see why")),
    }
}

/// The locale and document a URL names, or a 404 that says which is not
/// there.
fn find<'p>(
    project: &'p Project,
    tag: &str,
    doc: &str,
) -> Result<(&'p Locale, &'p Skeleton), Reply> {
    let locale = project.config.locale(tag).ok_or_else(|| {
        Reply::text(
            404,
            format!("no locale `{tag}` in this project (see /record/)"),
        )
    })?;
    let skeleton = project
        .skeletons
        .iter()
        .find(|s| s.name == doc)
        .ok_or_else(|| {
            Reply::text(
                404,
                format!("no document `{doc}` in this project (see /record/)"),
            )
        })?;
    Ok((locale, skeleton))
}

/// The messages a document reads, in reading order, each once; an
/// attribute (`id.attr`) is not recorded on its own.
fn message_ids(skeleton: &Skeleton) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    for reference in skeleton.references() {
        if reference.attr.is_none() && !ids.contains(&reference.id) {
            ids.push(reference.id);
        }
    }
    ids
}

/// A message's recording in a locale.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Missing,
    Recorded,
    Stale,
}

impl State {
    fn of(messages: &Messages, locale: &Locale, id: &str) -> State {
        let recorded = messages
            .catalog
            .get(&locale.tag)
            .is_some_and(|b| b.recordings.contains_key(id));
        if !recorded {
            State::Missing
        } else if recordings::staleness(messages, locale, id).is_some() {
            State::Stale
        } else {
            State::Recorded
        }
    }

    fn words(self) -> &'static str {
        match self {
            State::Missing => "not recorded yet",
            State::Recorded => "recorded",
            State::Stale => {
                "recorded, but the text changed since: listen, and record it again if needed"
            }
        }
    }
}

/// `GET /record/`: every locale and document, with how many of its
/// messages are recorded, stale and missing.
fn index(project: &Project) -> Reply {
    let messages = project.messages();
    let mut body = String::new();
    for locale in project.config.locales.values() {
        body.push_str("<section><h2 lang=\"");
        escape_into(&mut body, &locale.tag);
        let _ = write!(body, "\" dir=\"{}\">", locale.direction);
        escape_into(&mut body, &locale.endonym);
        body.push_str("</h2> <p class=\"tag\">");
        escape_into(&mut body, &locale.tag);
        body.push_str("</p><ul>");
        for skeleton in &project.skeletons {
            let (mut recorded, mut stale, mut missing) = (0, 0, 0);
            for id in message_ids(skeleton) {
                match State::of(&messages, locale, &id) {
                    State::Missing => missing += 1,
                    State::Recorded => recorded += 1,
                    State::Stale => stale += 1,
                }
            }
            body.push_str("<li><a href=\"");
            escape_into(
                &mut body,
                &format!("{PREFIX}/{}/{}", locale.tag, skeleton.name),
            );
            body.push_str("\">");
            escape_into(&mut body, &skeleton.name);
            let _ = write!(
                body,
                "</a>: {recorded} recorded, {stale} stale, {missing} missing</li>"
            );
        }
        body.push_str("</ul></section>");
    }
    Reply::html(document("Record the messages", &body, false))
}

/// `GET /record/<tag>/<doc>?at=<n>`: message `n` of the document (from 1),
/// its text, its recording and the recorder.
fn page(project: &Project, tag: &str, doc: &str, at: usize) -> Result<Reply, Reply> {
    let (locale, skeleton) = find(project, tag, doc)?;
    let ids = message_ids(skeleton);
    let messages = project.messages();
    let mut body = String::new();
    body.push_str("<p><a href=\"/record/\">All documents</a></p><h1>");
    escape_into(&mut body, &skeleton.name);
    body.push_str(" in <span lang=\"");
    escape_into(&mut body, &locale.tag);
    let _ = write!(body, "\" dir=\"{}\">", locale.direction);
    escape_into(&mut body, &locale.endonym);
    body.push_str("</span></h1>");
    if ids.is_empty() {
        body.push_str("<p>This document uses no messages.</p>");
        return Ok(Reply::html(document("Record", &body, false)));
    }
    let at = at.clamp(1, ids.len());
    let id = &ids[at - 1];
    let state = State::of(&messages, locale, id);
    let base = format!("{PREFIX}/{tag}/{doc}");
    body.push_str("<nav>");
    if at > 1 {
        link(
            &mut body,
            &format!("{base}?at={}", at - 1),
            "← Previous",
            "prev",
        );
    }
    let _ = write!(body, " <span id=\"position\">{at} / {}</span> ", ids.len());
    if at < ids.len() {
        link(
            &mut body,
            &format!("{base}?at={}", at + 1),
            "Next →",
            "next",
        );
    }
    body.push_str("</nav><main id=\"recorder\" data-save=\"");
    escape_into(&mut body, &format!("{base}/{id}"));
    body.push_str("\"><p class=\"id\">Message <code>");
    escape_into(&mut body, id);
    body.push_str("</code></p>");
    match recordings::source(&messages, locale, id) {
        Some(source) => {
            let (name, dir) = project
                .config
                .locale(&source.tag)
                .map_or((source.tag.as_str(), locale.direction), |l| {
                    (l.endonym.as_str(), l.direction)
                });
            if source.tag != locale.tag {
                body.push_str("<p class=\"note\">Not written in <span lang=\"");
                escape_into(&mut body, &locale.tag);
                let _ = write!(body, "\" dir=\"{}\">", locale.direction);
                escape_into(&mut body, &locale.endonym);
                body.push_str("</span> yet. Here it is in <span lang=\"");
                escape_into(&mut body, &source.tag);
                let _ = write!(body, "\" dir=\"{dir}\">");
                escape_into(&mut body, name);
                body.push_str("</span>: say it in <span lang=\"");
                escape_into(&mut body, &locale.tag);
                let _ = write!(body, "\" dir=\"{}\">", locale.direction);
                escape_into(&mut body, &locale.endonym);
                body.push_str("</span>.</p>");
            }
            body.push_str("<blockquote id=\"text\" lang=\"");
            escape_into(&mut body, &source.tag);
            let _ = write!(body, "\" dir=\"{dir}\">");
            escape_into(&mut body, &source.text);
            body.push_str("</blockquote>");
        }
        None => body.push_str(
            "<p class=\"error\">No language of this locale's chain has a text for this message.</p>",
        ),
    }
    let _ = write!(
        body,
        "<p>Recording: <strong id=\"state\">{}</strong></p>",
        state.words()
    );
    let existing = messages
        .catalog
        .get(&locale.tag)
        .and_then(|b| b.recordings.get(id.as_str()));
    if let Some(recording) = existing {
        body.push_str("<audio id=\"existing\" controls preload=\"none\" src=\"");
        escape_into(
            &mut body,
            &format!("{PREFIX}/{tag}/audio/{}", recording.name),
        );
        let _ = write!(
            body,
            "\"></audio> <span>{}</span>",
            recordings::duration_text(recording.info.duration)
        );
    }
    body.push_str(CONTROLS);
    body.push_str("</main>");
    Ok(Reply::html(document("Record", &body, true)))
}

fn link(out: &mut String, href: &str, words: &str, id: &str) {
    let _ = write!(out, "<a id=\"{id}\" href=\"");
    escape_into(out, href);
    out.push_str("\">");
    escape_into(out, words);
    out.push_str("</a>");
}

/// `GET /record/<tag>/audio/<file>`: one of the recordings the project
/// has (by its list, not by the file name asked for).
fn recording(project: &Project, tag: &str, file: &str) -> Result<Reply, Reply> {
    let not_found = || Reply::text(404, format!("`{tag}` has no recording `{file}`"));
    let bundle = project.catalog.get(tag).ok_or_else(not_found)?;
    let recording = bundle
        .recordings
        .values()
        .find(|r| r.name == file)
        .ok_or_else(not_found)?;
    let path = project
        .root
        .join("locales")
        .join(&bundle.tag)
        .join(AUDIO_DIR)
        .join(&recording.name);
    let bytes = std::fs::read(&path).map_err(|_| not_found())?;
    Ok(Reply {
        status: 200,
        kind: recording.container().mime(),
        body: bytes,
        page: false,
    })
}

/// `POST /record/<tag>/<doc>/<id>`: saves a take of message `id` as
/// `locales/<tag>/audio/<id>.ogg` (the only recording of it) and confirms
/// it against the text it reads. A take that is too large, not Opus,
/// damaged or silent is refused, with why.
fn save(
    root: &Path,
    tag: &str,
    doc: &str,
    id: &str,
    content_type: Option<&str>,
    length: Option<usize>,
    body: &mut dyn Read,
) -> Reply {
    with_project(root, |project| {
        let (_, skeleton) = find(project, tag, doc)?;
        if !message_ids(skeleton).iter().any(|m| m == id) {
            return Err(Reply::text(
                404,
                format!("the document `{doc}` reads no message `{id}`"),
            ));
        }
        let max = project.config.limits.max_audio_bytes;
        let kind = content_type
            .and_then(|t| t.split(';').next())
            .map(|t| t.trim().to_ascii_lowercase());
        let webm = match kind.as_deref() {
            Some("audio/webm") => true,
            Some("audio/ogg") => false,
            _ => {
                return Err(Reply::text(
                    415,
                    "only Opus recordings from the browser are saved (audio/webm or audio/ogg)",
                ));
            }
        };
        let bytes = read_limited(body, length, max)?;
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
        let folder = Path::new("locales").join(tag).join(AUDIO_DIR);
        output::write_atomic(&project.root, &folder.join(format!("{id}.ogg")), &ogg)
            .map_err(|e| Reply::text(500, format!("the recording could not be saved: {e:#}")))?;
        for ext in Container::extensions().iter().filter(|e| **e != "ogg") {
            let other: PathBuf = project.root.join(&folder).join(format!("{id}.{ext}"));
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
        confirm(&project.root, tag, id)?;
        Ok(Reply {
            status: 200,
            kind: "application/json",
            body: serde_json::json!({
                "state": "recorded",
                "file": format!("{id}.ogg"),
                "duration": recordings::duration_text(info.duration),
                "seconds": info.duration.as_secs_f64(),
            })
            .to_string()
            .into_bytes(),
            page: false,
        })
    })
}

/// Confirms the new recording of `id` against the text it reads now, in
/// the locale's lock file.
fn confirm(root: &Path, tag: &str, id: &str) -> Result<(), Reply> {
    let failed = |why: String| Reply::text(500, format!("saved, but not confirmed: {why}"));
    let project = project::load(root).map_err(|e| failed(e.to_string()))?;
    let (lock, _) = recordings::confirm(&project.messages(), tag, &[id.to_owned()])
        .map_err(|e| failed(e.to_string()))?;
    let relative = Path::new("locales").join(tag).join(LOCK_FILE);
    output::write_atomic(&project.root, &relative, lock.as_bytes())
        .map_err(|e| failed(format!("{e:#}")))?;
    Ok(())
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

/// The page around `body`; with the recorder's script when `recorder`.
fn document(title: &str, body: &str, recorder: bool) -> String {
    let mut out = String::from(
        "<!doctype html><html lang=\"en\" dir=\"ltr\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>",
    );
    escape_into(&mut out, title);
    out.push_str("</title><style>");
    out.push_str(STYLE);
    out.push_str("</style></head><body>");
    out.push_str(body);
    if recorder {
        out.push_str("<script>");
        out.push_str(SCRIPT);
        out.push_str("</script>");
    }
    out.push_str("</body></html>\n");
    out
}

const STYLE: &str = "body{font:18px/1.5 system-ui,sans-serif;max-width:40rem;margin:1rem auto;padding:0 1rem}blockquote{font-size:1.4rem;white-space:pre-wrap;border-inline-start:4px solid #888;margin:1rem 0;padding:.5rem 1rem}nav{display:flex;gap:1rem;align-items:center}button{font-size:1.1rem;padding:.5rem 1rem;margin:.25rem}.error{color:#a00}.ok{color:#060}.tag{color:#555;margin:0}audio{display:block;margin:.5rem 0}";

/// The recorder's buttons and messages (the script fills them in).
const CONTROLS: &str = "<h2>Record</h2><p><button id=\"record\" type=\"button\">● Record</button><button id=\"stop\" type=\"button\" disabled>■ Stop</button><button id=\"save\" type=\"button\" disabled>Save</button></p><audio id=\"take\" controls hidden></audio><p id=\"status\" role=\"status\" aria-live=\"polite\">Press Record, read the text aloud, then press Stop and listen before you save.</p>";

/// The recorder: the microphone through MediaRecorder (Ogg Opus where
/// the browser makes it, WebM Opus otherwise), the take played back, and
/// saved only when the volunteer presses Save. Text goes into the page
/// with `textContent` only.
const SCRIPT: &str = r#"(function () {
  var main = document.getElementById('recorder');
  var record = document.getElementById('record');
  var stop = document.getElementById('stop');
  var save = document.getElementById('save');
  var take = document.getElementById('take');
  var status = document.getElementById('status');
  var state = document.getElementById('state');
  var recorder = null, chunks = [], blob = null;
  function say(text, kind) { status.textContent = text; status.className = kind || ''; }
  if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
    record.disabled = true;
    say('This browser gives this page no microphone. Open it as http://127.0.0.1 or http://localhost in a recent Firefox or Chromium.', 'error');
    return;
  }
  if (typeof MediaRecorder === 'undefined') {
    record.disabled = true;
    say('This browser cannot record (it has no MediaRecorder). Use a recent Firefox or Chromium.', 'error');
    return;
  }
  var type = ['audio/ogg;codecs=opus', 'audio/webm;codecs=opus'].find(function (t) {
    return MediaRecorder.isTypeSupported(t);
  });
  if (!type) {
    record.disabled = true;
    say('This browser cannot record Opus audio. Use a recent Firefox or Chromium.', 'error');
    return;
  }
  record.addEventListener('click', function () {
    record.disabled = true;
    save.disabled = true;
    navigator.mediaDevices.getUserMedia({ audio: true }).then(function (stream) {
      chunks = [];
      recorder = new MediaRecorder(stream, { mimeType: type });
      recorder.addEventListener('dataavailable', function (e) { if (e.data && e.data.size) chunks.push(e.data); });
      recorder.addEventListener('stop', function () {
        stream.getTracks().forEach(function (t) { t.stop(); });
        blob = new Blob(chunks, { type: recorder.mimeType || type });
        main.dataset.mime = blob.type;
        take.src = URL.createObjectURL(blob);
        take.hidden = false;
        record.disabled = false;
        save.disabled = false;
        say('Listen to your recording. Save it if it is right, or record it again.');
      });
      recorder.start();
      stop.disabled = false;
      say('Recording… read the text aloud, then press Stop.');
    }, function (e) {
      record.disabled = false;
      if (e.name === 'NotAllowedError' || e.name === 'SecurityError') {
        say('The microphone was refused. Allow this page to use it (the microphone icon by the address), then press Record again.', 'error');
      } else if (e.name === 'NotFoundError' || e.name === 'OverconstrainedError') {
        say('No microphone was found. Plug one in or switch it on, then press Record again.', 'error');
      } else {
        say('The microphone could not be started (' + e.name + '). Close other programs using it, then press Record again.', 'error');
      }
    });
  });
  stop.addEventListener('click', function () {
    stop.disabled = true;
    if (recorder && recorder.state !== 'inactive') recorder.stop();
  });
  save.addEventListener('click', function () {
    if (!blob) return;
    save.disabled = true;
    say('Saving…');
    fetch(main.dataset.save, { method: 'POST', headers: { 'Content-Type': blob.type }, body: blob })
      .then(function (r) { return r.text().then(function (t) { return { ok: r.ok, text: t }; }); })
      .then(function (r) {
        if (r.ok) {
          var saved = JSON.parse(r.text);
          state.textContent = 'recorded';
          say('Saved (' + saved.duration + '). The pages show it after the rebuild.', 'ok');
        } else {
          save.disabled = false;
          say('Not saved. ' + r.text, 'error');
        }
      }, function () {
        save.disabled = false;
        say('Not saved: kyr serve does not answer. Is it still running?', 'error');
      });
  });
})();"#;

/// Standard base64, for the script's hash in the security policy.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests;
