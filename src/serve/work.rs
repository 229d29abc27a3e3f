//! The work index, the first page of `kyr serve` (`/`; the built site's
//! own index stays at `/index.html`): for each language, by its own name,
//! and each document, by its title in that language, how many messages
//! are translated, to check again, shown from another language or
//! written in none, recorded and to record again (`kyr status`'s
//! figures), and a link to the next thing to do: the first message to
//! translate, else the first to record. Made for each request from the
//! project on disk, in the volunteer's language.

use minijinja::context;
use serde::Serialize;

use super::record::{self, PREFIX, State};
use super::studio::{Incoming, Reply, render};
use crate::commands::status;
use crate::config::Locale;
use crate::doc::Skeleton;
use crate::i18n::Messages;
use crate::i18n::coverage::{DocumentCoverage, LocaleCoverage};
use crate::project::Project;

/// Where the translation page of a message is (another part of the
/// studio makes it): `/translate/<tag>/<doc>?at=<n>`.
const TRANSLATE: &str = "/translate";

/// A language on the index.
#[derive(Serialize)]
struct Language {
    tag: String,
    name: String,
    dir: &'static str,
    documents: Vec<Document>,
}

/// A document in one language: its figures and what to do next.
#[derive(Serialize)]
struct Document {
    name: String,
    /// Its title in the language (or along its chain), as HTML.
    title_html: String,
    /// Messages (and attributes) it shows.
    total: usize,
    translated: usize,
    stale: usize,
    fallback: usize,
    missing: usize,
    /// Messages it reads, to record.
    messages: usize,
    recorded: usize,
    record_again: usize,
    next: Option<Next>,
}

/// The next thing to do in a document.
#[derive(Serialize)]
struct Next {
    /// `translate` or `record`.
    kind: &'static str,
    /// The message's place in the document's reading order, from 1.
    at: usize,
    href: String,
}

/// `GET /` (and `GET /record/`): the work index.
pub(super) fn respond(root: &std::path::Path, request: &Incoming) -> Reply {
    if request.post {
        return Reply::text(405, "only GET and HEAD");
    }
    record::with_project(root, |project| page(project, request))
}

fn page(project: &Project, request: &Incoming) -> Result<Reply, Reply> {
    let messages = project.messages();
    let coverage = status::status(project, &[]);
    let mut languages: Vec<Language> = project
        .config
        .locales
        .values()
        .filter_map(|locale| {
            let covered = coverage.iter().find(|c| c.locale == locale.tag)?;
            Some(language(&messages, locale, covered))
        })
        .collect();
    languages.sort_by_key(|l| l.name.to_lowercase());
    let has_documents = !project.skeletons.is_empty();
    render(
        "work.html",
        &request.ui(&[]),
        &[],
        context! { locales => languages, has_documents },
    )
}

/// One language's line: each of its documents.
fn language(messages: &Messages, locale: &Locale, covered: &LocaleCoverage) -> Language {
    let documents = messages
        .skeletons
        .iter()
        .filter_map(|skeleton| {
            let counts = covered
                .documents
                .iter()
                .find(|d| d.document == skeleton.name)?;
            Some(document(messages, locale, skeleton, counts))
        })
        .collect();
    Language {
        tag: locale.tag.clone(),
        name: locale.endonym.clone(),
        dir: locale.direction.as_str(),
        documents,
    }
}

/// One document in a language, from its coverage.
fn document(
    messages: &Messages,
    locale: &Locale,
    skeleton: &Skeleton,
    covered: &DocumentCoverage,
) -> Document {
    let ids = record::message_ids(skeleton);
    let counts = &covered.counts;
    Document {
        name: skeleton.name.clone(),
        title_html: record::read::title_html(messages, locale, skeleton),
        total: counts.total,
        translated: counts.translated,
        stale: counts.stale,
        fallback: counts.fallback,
        missing: counts.missing,
        messages: ids.len(),
        recorded: covered.audio.recorded,
        record_again: covered.audio.stale,
        next: next(messages, locale, skeleton, covered, &ids),
    }
}

/// The first message of `ids` (the reading order) to translate (shown
/// from another language, written in none, or stale), else the first to
/// record (not recorded, or its text changed since).
fn next(
    messages: &Messages,
    locale: &Locale,
    skeleton: &Skeleton,
    covered: &DocumentCoverage,
    ids: &[String],
) -> Option<Next> {
    let to_translate = covered
        .untranslated_ids
        .iter()
        .chain(&covered.missing_ids)
        .chain(&covered.stale_ids)
        .map(|key| key.split('.').next().unwrap_or(key))
        .collect::<Vec<_>>();
    let link = |kind: &'static str, base: &str, at: usize| Next {
        kind,
        at,
        href: format!("{base}/{}/{}?at={at}", locale.tag, skeleton.name),
    };
    if let Some(i) = ids
        .iter()
        .position(|id| to_translate.contains(&id.as_str()))
    {
        return Some(link("translate", TRANSLATE, i + 1));
    }
    ids.iter()
        .position(|id| State::of(messages, locale, id) != State::Recorded)
        .map(|i| link("record", PREFIX, i + 1))
}
