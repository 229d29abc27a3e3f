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
//! /record/<tag>/audio/<file>` (a recording the project has), and
//! `POST /record/<tag>/<doc>/<id>` (save a take). Each asks that the
//! request names this server as its host, and a save that it comes from
//! this server's own pages: no other web page, and no other name for this
//! machine (DNS rebinding), can record or read anything.
//!
//! This file routes and checks requests; [`pages`] renders the pages from
//! the templates in `assets/studio/`, and [`take`] saves a take.

mod pages;
mod take;

use std::io::Read;
use std::path::Path;

use serde::Serialize;

pub(super) use super::studio::{Incoming, Reply};

use crate::config::Locale;
use crate::doc::Skeleton;
use crate::i18n::Messages;
use crate::i18n::recordings::{self, AUDIO_DIR};
use crate::project::{self, Project};

/// Where the recording pages are.
pub(super) const PREFIX: &str = "/record";

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
    if !are_names(request.post, &parts) {
        return Reply::text(
            404,
            "no such page: locales, documents and messages are named with letters, digits, `-` and `_`",
        );
    }
    match (request.post, parts.as_slice()) {
        (false, []) => with_project(root, |project| pages::index(project, request)),
        (false, [tag, doc]) => with_project(root, |project| {
            pages::message(project, request, tag, doc, position(request.query))
        }),
        (false, [tag, "audio", file]) => {
            with_project(root, |project| recording(project, tag, file))
        }
        (true, [_, _, _]) if !is_own_origin(request.origin, port) => Reply::text(
            403,
            "refused: recordings are saved only from the recording page of this kyr serve",
        ),
        (true, [tag, doc, id]) => with_project(root, |project| {
            take::save(project, tag, doc, id, request, body)
        }),
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

/// Whether the parts of a URL that name a locale, document or message
/// are plain names. A recording's file name is looked up in the
/// project's list, not used as a path, so it is not one.
fn are_names(post: bool, parts: &[&str]) -> bool {
    let checked: &[&str] = match parts {
        [tag, "audio", _] if !post => std::slice::from_ref(tag),
        all => all,
    };
    checked.iter().all(|p| is_name(p))
}

/// The message a page's query asks for (`at=<n>`, from 1), or the first.
fn position(query: &str) -> usize {
    query
        .split('&')
        .find_map(|pair| pair.strip_prefix("at="))
        .and_then(|n| n.parse().ok())
        .unwrap_or(1)
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

/// A message's recording in a locale; the pages say it in words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
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
        kind: recording.container().mime(),
        body: bytes,
        ..Reply::text(200, "")
    })
}

#[cfg(test)]
mod tests;
