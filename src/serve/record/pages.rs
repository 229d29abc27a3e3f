//! The recording page, rendered from kyr's templates in `assets/studio/`
//! through [`render`]: one message of a document, as it will be read,
//! with the heading it sits under, its recording's state in words, one
//! player and the recorders. Every text, a translation's above all,
//! reaches the page escaped, never as markup; every word of the page is
//! a studio message in the volunteer's language, those of its script
//! too (in `data-say-*` attributes of the page, escaped).

use std::collections::BTreeMap;

use minijinja::context;
use serde::Serialize;

use super::read::{self, Read};
use super::{Entry, Incoming, PREFIX, Reply, State, find, query_number, reading_order};
use crate::config::Locale;
use crate::doc::Skeleton;
use crate::i18n::Messages;
use crate::i18n::recordings;
use crate::project::Project;
use crate::serve::studio::Language;
use crate::serve::studio::{RECORD_SCRIPT, render};
use crate::serve::ui::Ui;

/// The words the page's script says, each a `data-say-<name>` attribute
/// of the recorder: name and studio message.
const SCRIPT_WORDS: &[(&str, &str)] = &[
    ("recording", "studio-record-js-recording"),
    ("listen", "studio-record-js-listen"),
    ("chosen", "studio-record-js-chosen"),
    ("saving", "studio-record-js-saving"),
    ("mic-refused", "studio-record-js-mic-refused"),
    ("mic-missing", "studio-record-js-mic-missing"),
    ("mic-failed", "studio-record-js-mic-failed"),
    ("offline", "studio-record-js-offline"),
    ("take", "studio-record-your-take"),
];

/// A document's title as a page heads with it: its HTML, in its language
/// and direction.
#[derive(Serialize)]
pub(in crate::serve) struct Titled {
    html: String,
    tag: String,
    dir: &'static str,
}

impl Titled {
    pub(in crate::serve) fn of(read: read::Read, locale: &Locale) -> Titled {
        let (tag, dir) = read.lang.map_or_else(
            || (locale.tag.clone(), locale.direction.as_str()),
            |lang| (lang.tag, lang.dir.as_str()),
        );
        Titled {
            html: read.html,
            tag,
            dir,
        }
    }
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
    /// It is the document's title.
    title: bool,
    /// The heading it sits under, as HTML.
    heading: Option<Text>,
    /// What to read: the locale's text, or the first of its chain's.
    text: Option<Text>,
    state: State,
    /// The state in words.
    state_words: String,
    /// Its recording, when it has one.
    existing: Option<Existing>,
    /// The message before it was just saved (`saved=<n>`).
    saved: Option<usize>,
}

/// A text as the document reads it, in the language it is written in.
#[derive(Serialize)]
struct Text {
    language: Language,
    /// Its HTML, escaped by the markup that made it.
    html: String,
    /// Written in the locale itself, not taken along its chain.
    own: bool,
}

impl Text {
    fn of(read: Read, locale: &Locale) -> Text {
        Text {
            own: read.lang.is_none(),
            language: read
                .lang
                .as_ref()
                .map_or_else(|| Language::of(locale), Language::of_lang),
            html: read.html,
        }
    }
}

/// A recording the project has, with its player's address.
#[derive(Serialize)]
struct Existing {
    src: String,
    duration: String,
}

/// `GET /record/<tag>/<doc>?at=<n>`: message `n` of the document (from 1,
/// kept within the document), as it is read, its recording and the
/// recorders; `saved=<m>` says message `m` was just saved.
pub(super) fn message(
    project: &Project,
    request: &Incoming,
    tag: &str,
    doc: &str,
) -> Result<Reply, Reply> {
    let (locale, skeleton) = find(project, request, tag, doc)?;
    let ui = request.ui(&locale.chain);
    let messages = project.messages();
    let entries = reading_order(skeleton);
    let at = query_number(request.query, "at").unwrap_or(1);
    let saved = query_number(request.query, "saved");
    let message = (!entries.is_empty())
        .then(|| message_at(&messages, locale, skeleton, &entries, at, saved, &ui));
    let words: BTreeMap<&str, String> = SCRIPT_WORDS
        .iter()
        .map(|(name, id)| (*name, ui.text(id, &[]).0))
        .collect();
    let context = context! {
        document => &skeleton.name,
        title => Titled::of(read::title_html(&messages, locale, skeleton), locale),
        title_text => read::title_text(&messages, locale, skeleton),
        locale => Language::of(locale),
        message => &message,
        words,
    };
    let script: &[_] = if message.is_some() {
        &[&RECORD_SCRIPT]
    } else {
        &[]
    };
    render("message.html", &ui, script, context)
}

/// The page's message: entry `at` (from 1, kept within the document).
fn message_at(
    messages: &Messages,
    locale: &Locale,
    skeleton: &Skeleton,
    entries: &[Entry],
    at: usize,
    saved: Option<usize>,
    ui: &Ui,
) -> Message {
    let at = at.clamp(1, entries.len());
    let entry = &entries[at - 1];
    let id = &entry.reference.id;
    let base = format!("{PREFIX}/{}/{}", locale.tag, skeleton.name);
    let state = State::of(messages, locale, id);
    // Said only when the message before was saved and is recorded now.
    let saved = saved.filter(|&n| {
        n + 1 == at
            && n.checked_sub(1)
                .and_then(|i| entries.get(i))
                .is_some_and(|e| State::of(messages, locale, &e.reference.id) != State::Missing)
    });
    Message {
        id: id.clone(),
        at,
        count: entries.len(),
        previous: (at > 1).then(|| format!("{base}?at={}", at - 1)),
        next: (at < entries.len()).then(|| format!("{base}?at={}", at + 1)),
        save: format!("{base}/{id}"),
        title: entry.title,
        heading: entry
            .heading
            .as_ref()
            .and_then(|h| read::heading(messages, locale, skeleton, h))
            .map(|read| Text::of(read, locale)),
        text: read::message(messages, locale, skeleton, entry).map(|read| Text::of(read, locale)),
        state,
        state_words: state.words(ui),
        existing: existing(messages, locale, id),
        saved,
    }
}

/// The recording of `id` the locale has, if any.
fn existing(messages: &Messages, locale: &Locale, id: &str) -> Option<Existing> {
    let recording = messages.catalog.get(&locale.tag)?.recordings.get(id)?;
    Some(Existing {
        src: format!("{PREFIX}/{}/audio/{}", locale.tag, recording.name),
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
        let context = context! {
            document => "notice",
            title => context! { html => "Avis", tag => "fr", dir => "ltr" },
            title_text => "Avis",
            locale,
            message => None::<Message>,
        };
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
