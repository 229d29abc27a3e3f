//! The recording pages, rendered from kyr's templates in `assets/studio/`
//! (compiled in) with the HTML escaping of every kyr page: the index of
//! locales and documents and the page of one message. Every text, a
//! translation's above all, reaches the page as an escaped value, never
//! as markup; every English word of the pages is in the templates. Their
//! style and script are static files served under [`PREFIX`] at names
//! that hold a hash of their content, so the pages run no inline script
//! and a browser may keep both.

use minijinja::{Environment, Value, context};
use serde::Serialize;

use super::{PREFIX, Reply, State, find, message_ids};
use crate::config::Locale;
use crate::doc::Skeleton;
use crate::html;
use crate::i18n::Messages;
use crate::i18n::recordings;
use crate::i18n::stale::short_digest;
use crate::project::Project;

/// The pages' templates, by name.
const TEMPLATES: &[(&str, &str)] = &[
    (
        "base.html",
        include_str!("../../../assets/studio/base.html"),
    ),
    (
        "index.html",
        include_str!("../../../assets/studio/index.html"),
    ),
    (
        "message.html",
        include_str!("../../../assets/studio/message.html"),
    ),
];

/// A static file the pages load.
pub(super) struct Asset {
    /// Its name before the hash.
    stem: &'static str,
    /// Its extension.
    extension: &'static str,
    /// Its `Content-Type`.
    kind: &'static str,
    /// What it holds.
    pub(super) body: &'static str,
}

/// The pages' stylesheet.
pub(super) const STYLE: Asset = Asset {
    stem: "record",
    extension: "css",
    kind: "text/css; charset=utf-8",
    body: include_str!("../../../assets/studio/record.css"),
};

/// The recorder's script, on the page of one message only.
pub(super) const SCRIPT: Asset = Asset {
    stem: "record",
    extension: "js",
    kind: "text/javascript; charset=utf-8",
    body: include_str!("../../../assets/studio/record.js"),
};

/// How long a browser may keep a static file: for good, as its name
/// changes with its content.
const KEPT: &str = "public, max-age=31536000, immutable";

impl Asset {
    /// Its file name, with a hash of what it holds: `record.<hash>.css`.
    pub(super) fn file_name(&self) -> String {
        format!(
            "{}.{}.{}",
            self.stem,
            short_digest(self.body),
            self.extension
        )
    }

    /// Its address on this server.
    fn path(&self) -> String {
        format!("{PREFIX}/{}", self.file_name())
    }
}

/// `GET /record/<file>`: the stylesheet or the script, when `file` is
/// the name of one (as the pages link it); `None` otherwise.
pub(super) fn asset(file: &str) -> Option<Reply> {
    [&STYLE, &SCRIPT]
        .into_iter()
        .find(|asset| asset.file_name() == file)
        .map(|asset| Reply {
            status: 200,
            kind: asset.kind,
            body: asset.body.as_bytes().to_vec(),
            page: false,
            cache: KEPT,
        })
}

/// The templates, escaping as every kyr page does; blocks' own line
/// breaks are dropped, so the templates can be laid out to be read.
fn templates() -> Result<Environment<'static>, minijinja::Error> {
    let mut env = html::environment();
    env.set_trim_blocks(true);
    env.set_lstrip_blocks(true);
    for (name, source) in TEMPLATES {
        env.add_template(name, source)?;
    }
    Ok(env)
}

/// The page template `name` makes from `context`, with the stylesheet,
/// and the script when `script`.
fn render(name: &str, script: bool, context: Value) -> Result<Reply, Reply> {
    let context = context! {
        style => STYLE.path(),
        script => script.then(|| SCRIPT.path()),
        home => format!("{PREFIX}/"),
        ..context
    };
    templates()
        .and_then(|env| env.get_template(name)?.render(context))
        .map(Reply::html)
        .map_err(|e| Reply::text(500, format!("the recording page could not be made: {e:#}")))
}

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
pub(super) fn index(project: &Project) -> Result<Reply, Reply> {
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
    render("index.html", false, context! { locales })
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
pub(super) fn message(project: &Project, tag: &str, doc: &str, at: usize) -> Result<Reply, Reply> {
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
    render("message.html", message.is_some(), context)
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
        let reply = render("message.html", false, context).unwrap();
        let page = String::from_utf8(reply.body).unwrap();
        assert!(page.contains("This document uses no messages."), "{page}");
        assert!(page.contains("<title>Record</title>"), "{page}");
        assert!(!page.contains("<script"), "{page}");
        assert!(!page.contains("id=\"recorder\""), "{page}");
        assert!(page.contains("<link rel=\"stylesheet\""), "{page}");
    }
}
