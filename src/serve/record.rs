//! The recording page of `kyr serve`: a volunteer reads a document's
//! messages one at a time, in reading order and as they will be read,
//! into the phone's own recorder or the browser's microphone, listens to
//! the take and saves it as `locales/<tag>/audio/<id>.m4a` or `.ogg`,
//! confirmed against the text it reads. Every word of it is in the
//! volunteer's language ([`super::ui`]). It is made for each request
//! from the project as it is on disk, and never written to `out/`. The
//! watcher's rebuild puts a saved recording on the pages.
//!
//! Routes, under [`PREFIX`]: `GET /record/` (the work index, as at `/`),
//! `GET /record/<tag>/<doc>?at=<n>` (the page), `GET
//! /record/<tag>/audio/<file>` (a recording the project has), and
//! `POST /record/<tag>/<doc>/<id>` (save a take). Who may ask is checked
//! before, for every request (`serve::access`): this module checks no
//! host or origin of its own.
//!
//! This file routes and checks requests and lists a document's messages
//! in reading order; [`pages`] renders the page from the templates in
//! `assets/studio/`, [`read`] renders the text to read, and [`take`]
//! saves a take.

pub(super) mod pages;
pub(super) mod read;
mod take;

use std::io::Read;
use std::path::Path;

use serde::Serialize;

pub(super) use super::studio::{Incoming, Reply};
use super::studio::{is_name, query_number};

use super::ui::Ui;
use crate::config::Locale;
use crate::doc::Skeleton;
use crate::doc::model::{Block, Inline, Leaf, Reference};
use crate::i18n::Messages;
use crate::i18n::lock::Staleness;
use crate::i18n::recordings::{self, AUDIO_DIR};
use crate::project::{self, Project};

/// Where the recording pages are.
pub(super) const PREFIX: &str = "/record";

/// Answers a request under [`PREFIX`] for the project at `root`; `body`
/// is read only for a save.
pub(super) fn respond(root: &Path, request: &Incoming, body: &mut dyn Read) -> Reply {
    let rest = request.path.strip_prefix(PREFIX).unwrap_or_default();
    let parts: Vec<&str> = rest.split('/').filter(|p| !p.is_empty()).collect();
    if !are_names(request.post, &parts) {
        return not_found(request);
    }
    match (request.post, parts.as_slice()) {
        (false, []) => super::work::respond(root, request),
        (false, [tag, doc]) => {
            with_project(root, |project| pages::message(project, request, tag, doc))
        }
        (false, [tag, "audio", file]) => {
            with_project(root, |project| recording(project, tag, file))
        }
        (true, [tag, doc, id]) => with_project(root, |project| {
            take::save(project, tag, doc, id, request, body)
        }),
        (true, _) => Reply::text(
            405,
            "only a recording is saved, at /record/<locale>/<document>/<message>",
        ),
        (false, _) => not_found(request),
    }
}

/// A 404 in the volunteer's language.
fn not_found(request: &Incoming) -> Reply {
    Reply::text(404, request.ui(&[]).text("studio-not-found", &[]).0)
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

/// Calls `answer` with the project as it is on disk now.
pub(super) fn with_project(
    root: &Path,
    answer: impl FnOnce(&Project) -> Result<Reply, Reply>,
) -> Reply {
    match project::load(root) {
        Ok(project) => answer(&project).unwrap_or_else(|refused| refused),
        Err(error) => Reply::text(500, format!("{error}; run `kyr check` to see why")),
    }
}

/// The locale and document a URL names, or a 404 in the volunteer's
/// language that names what is not there.
fn find<'p>(
    project: &'p Project,
    request: &Incoming,
    tag: &str,
    doc: &str,
) -> Result<(&'p Locale, &'p Skeleton), Reply> {
    let missing = |what: &str| {
        let words = request.ui(&[]).text("studio-not-found", &[]).0;
        Reply::text(404, format!("{words} ({what})"))
    };
    let locale = project.config.locale(tag).ok_or_else(|| missing(tag))?;
    let skeleton = project
        .skeletons
        .iter()
        .find(|s| s.name == doc)
        .ok_or_else(|| missing(doc))?;
    Ok((locale, skeleton))
}

/// A message as a document reads it: where it stands decides how it is
/// read (inside a line, or as paragraphs of its own) and what is said of
/// its place.
#[derive(Debug, Clone)]
pub(super) struct Entry {
    pub(super) reference: Reference,
    /// It stands inside a line (the title, a heading, within a
    /// paragraph), not as a paragraph of its own.
    pub(super) inline: bool,
    /// It is the document's title.
    pub(super) title: bool,
    /// The heading above it, when it is not a heading itself.
    pub(super) heading: Option<Reference>,
}

/// The messages a document reads, in reading order (its title first),
/// each once; an attribute (`id.attr`) is not recorded on its own.
pub(super) fn reading_order(skeleton: &Skeleton) -> Vec<Entry> {
    let mut entries = Vec::new();
    if skeleton.front.title.attr.is_none() {
        entries.push(Entry {
            reference: skeleton.front.title.clone(),
            inline: true,
            title: true,
            heading: None,
        });
    }
    let mut heading: Option<Reference> = None;
    for block in &skeleton.blocks {
        let is_heading = matches!(block, Block::Heading { .. });
        let mut found: Vec<(Reference, bool)> = Vec::new();
        crate::doc::model::walk(std::slice::from_ref(block), &mut |leaf| match leaf {
            Leaf::Message(r) => found.push((r.clone(), false)),
            Leaf::Inline(Inline::Message(r)) => found.push((r.clone(), true)),
            _ => {}
        });
        for (reference, inline) in &found {
            let known = entries.iter().any(|e| e.reference.id == reference.id);
            if reference.attr.is_none() && !known {
                entries.push(Entry {
                    reference: reference.clone(),
                    inline: *inline,
                    title: false,
                    heading: if is_heading { None } else { heading.clone() },
                });
            }
        }
        if is_heading && let Some((first, _)) = found.first() {
            heading = Some(first.clone());
        }
    }
    entries
}

/// The ids of the messages a document reads, in reading order, each
/// once: the positions the pages' `?at=<n>` count (from 1).
pub(super) fn message_ids(skeleton: &Skeleton) -> Vec<String> {
    reading_order(skeleton)
        .into_iter()
        .map(|e| e.reference.id)
        .collect()
}

/// A message's recording in a locale; the pages say it in words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub(super) enum State {
    /// Not recorded.
    Missing,
    /// Recorded, and confirmed against the text it reads now.
    Recorded,
    /// Recorded, but the text changed since it was confirmed.
    Changed,
    /// Recorded, never confirmed against its text.
    Unconfirmed,
}

impl State {
    pub(super) fn of(messages: &Messages, locale: &Locale, id: &str) -> State {
        let recorded = messages
            .catalog
            .get(&locale.tag)
            .is_some_and(|b| b.recordings.contains_key(id));
        if !recorded {
            return State::Missing;
        }
        match recordings::staleness(messages, locale, id) {
            None => State::Recorded,
            Some(Staleness::Changed) => State::Changed,
            Some(Staleness::Unconfirmed) => State::Unconfirmed,
        }
    }

    /// The studio message that says it.
    pub(super) fn words(self, ui: &Ui) -> String {
        let id = match self {
            State::Missing => "studio-record-state-missing",
            State::Recorded => "studio-record-state-recorded",
            State::Changed => "studio-record-state-changed",
            State::Unconfirmed => "studio-record-state-unconfirmed",
        };
        ui.text(id, &[]).0
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
