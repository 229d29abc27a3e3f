//! The recording pages, rendered from kyr's templates in `assets/studio/`
//! through [`render`]: the index of locales and documents and the page of
//! one message. Every text, a translation's above all, reaches the page
//! as an escaped value, never as markup; every word of the pages is a
//! studio message in the volunteer's language.

use minijinja::context;
use serde::Serialize;

use super::{Incoming, PREFIX, Reply, State, find, message_ids};
use crate::config::Locale;
use crate::doc::Skeleton;
use crate::i18n::Messages;
use crate::i18n::recordings;
use crate::project::Project;
use crate::serve::studio::{RECORD_SCRIPT, render};

/// A language as the pages name it: in itself, with its direction.
#[derive(Serialize)]
struct Language {
    tag: String,
    name: String,
    dir: &'static str,
}

impl Language {
    fn of(locale: &Locale) -> Language {
        Language {
            tag: locale.tag.clone(),
            name: locale.endonym.clone(),
            dir: locale.direction.as_str(),
        }
    }
}

/// A locale on the index, with its documents.
#[derive(Serialize)]
struct IndexLocale {
    tag: String,
    name: String,
    dir: &'static str,
    documents: Vec<IndexDocument>,
}

/// A document on the index: its page and how many of its messages are
/// recorded, stale and missing.
#[derive(Serialize)]
struct IndexDocument {
    name: String,
    href: String,
    recorded: usize,
    stale: usize,
    missing: usize,
}

/// `GET /record/`: every locale and document, with how many of its
/// messages are recorded, stale and missing.
pub(super) fn index(project: &Project, request: &Incoming) -> Result<Reply, Reply> {
    let messages = project.messages();
    let locales: Vec<IndexLocale> = project
        .config
        .locales
        .values()
        .map(|locale| IndexLocale {
            tag: locale.tag.clone(),
            name: locale.endonym.clone(),
            dir: locale.direction.as_str(),
            documents: project
                .skeletons
                .iter()
                .map(|skeleton| index_document(&messages, locale, skeleton))
                .collect(),
        })
        .collect();
    render("index.html", &request.ui(&[]), &[], context! { locales })
}

/// A document's line on the index, for one locale.
fn index_document(messages: &Messages, locale: &Locale, skeleton: &Skeleton) -> IndexDocument {
    let mut document = IndexDocument {
        name: skeleton.name.clone(),
        href: format!("{PREFIX}/{}/{}", locale.tag, skeleton.name),
        recorded: 0,
        stale: 0,
        missing: 0,
    };
    for id in message_ids(skeleton) {
        match State::of(messages, locale, &id) {
            State::Missing => document.missing += 1,
            State::Recorded => document.recorded += 1,
            State::Stale => document.stale += 1,
        }
    }
    document
}

/// The message a page shows, with the way to the others.
#[derive(Serialize)]
struct Message {
    id: String,
    /// Its place in the document, from 1, and how many there are.
    at: usize,
    count: usize,
    /// The pages of the messages before and after it.
    previous: Option<String>,
    next: Option<String>,
    /// Where a take of it is saved.
    save: String,
    /// What to read: the locale's text, or the first of its chain's.
    text: Option<Text>,
    state: State,
    /// Its recording, when it has one.
    existing: Option<Existing>,
}

/// The text a message is read from, in the language it is written in.
#[derive(Serialize)]
struct Text {
    language: Language,
    text: String,
}

/// A recording the project has, with its player's address.
#[derive(Serialize)]
struct Existing {
    src: String,
    duration: String,
}

/// `GET /record/<tag>/<doc>?at=<n>`: message `n` of the document (from 1,
/// kept within the document), its text, its recording and the recorder.
pub(super) fn message(
    project: &Project,
    request: &Incoming,
    tag: &str,
    doc: &str,
    at: usize,
) -> Result<Reply, Reply> {
    let (locale, skeleton) = find(project, tag, doc)?;
    let ids = message_ids(skeleton);
    let message = (!ids.is_empty()).then(|| {
        let at = at.clamp(1, ids.len());
        let messages = project.messages();
        let base = format!("{PREFIX}/{tag}/{doc}");
        Message {
            id: ids[at - 1].clone(),
            at,
            count: ids.len(),
            previous: (at > 1).then(|| format!("{base}?at={}", at - 1)),
            next: (at < ids.len()).then(|| format!("{base}?at={}", at + 1)),
            save: format!("{base}/{}", ids[at - 1]),
            text: text(project, &messages, locale, &ids[at - 1]),
            state: State::of(&messages, locale, &ids[at - 1]),
            existing: existing(&messages, locale, tag, &ids[at - 1]),
        }
    });
    let context = context! {
        document => &skeleton.name,
        locale => Language::of(locale),
        message => &message,
    };
    let script: &[_] = if message.is_some() {
        &[&RECORD_SCRIPT]
    } else {
        &[]
    };
    render("message.html", &request.ui(&locale.chain), script, context)
}

/// The text message `id` is read from: the locale's own or, when it has
/// none, the first along its chain, in that locale's language.
fn text(project: &Project, messages: &Messages, locale: &Locale, id: &str) -> Option<Text> {
    let source = recordings::source(messages, locale, id)?;
    let (name, dir) = project
        .config
        .locale(&source.tag)
        .map_or((source.tag.clone(), locale.direction), |written_in| {
            (written_in.endonym.clone(), written_in.direction)
        });
    Some(Text {
        language: Language {
            tag: source.tag,
            name,
            dir: dir.as_str(),
        },
        text: source.text,
    })
}

/// The recording of `id` the locale has, if any.
fn existing(messages: &Messages, locale: &Locale, tag: &str, id: &str) -> Option<Existing> {
    let recording = messages.catalog.get(&locale.tag)?.recordings.get(id)?;
    Some(Existing {
        src: format!("{PREFIX}/{tag}/audio/{}", recording.name),
        duration: recordings::duration_text(recording.info.duration),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A document always reads its title, so no project makes this page;
    /// the template still says so, without the recorder.
    #[test]
    fn a_document_that_reads_no_message_says_so_without_the_recorder() {
        let locale = Language {
            tag: "fr".to_owned(),
            name: "Français".to_owned(),
            dir: "ltr",
        };
        let context = context! { document => "notice", locale, message => None::<Message> };
        let ui = crate::serve::ui::Ui::new(None, &["wo".to_owned(), "fr".to_owned()]);
        let reply = render("message.html", &ui, &[], context).unwrap();
        let page = String::from_utf8(reply.body).unwrap();
        assert!(
            page.contains("Ce document n’utilise aucun message."),
            "{page}"
        );
        assert!(page.contains("<html lang=\"fr\" dir=\"ltr\">"), "{page}");
        assert!(!page.contains("<script"), "{page}");
        assert!(!page.contains("id=\"recorder\""), "{page}");
        assert!(page.contains("<link rel=\"stylesheet\""), "{page}");
    }
}
