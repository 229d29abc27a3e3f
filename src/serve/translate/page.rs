//! The translation page of one message, rendered from
//! `assets/studio/translate.html`: the heading it sits under, its text in
//! the volunteer's bridge language with the reference beside it, the
//! translator's comment, what the page shows today, the old and new
//! reference text of a stale translation, and the field, its variables
//! as chips labelled with their values. Every text reaches the page as
//! an escaped value.

use fluent_syntax::ast;
use minijinja::context;
use serde::Serialize;

use super::{PREFIX, Reply, Ui};
use crate::config::Locale;
use crate::doc::Skeleton;
use crate::i18n::edit::typed_of;
use crate::i18n::refs::message_refs;
use crate::i18n::{LocaleBundle, stale};
use crate::project::Project;
use crate::serve::studio::{Asset, Language, TRANSLATE_SCRIPT, render};

/// A piece of a text as the page shows it: text, or a variable (a chip
/// with its name and value).
#[derive(Serialize)]
struct Piece {
    text: Option<String>,
    var: Option<String>,
    value: Option<String>,
}

/// A message's text in one language.
#[derive(Serialize)]
struct Shown {
    language: Language,
    pieces: Vec<Piece>,
}

/// A variable the volunteer can put in the field.
#[derive(Serialize)]
struct Chip {
    name: String,
    value: String,
}

/// What the page shows today for the message.
#[derive(Serialize)]
struct Today {
    /// The locale's own text.
    own: bool,
    /// The locale has it, but with an error: the page shows another.
    broken: bool,
    /// The language shown instead, when not its own.
    from: Option<Language>,
}

/// The message a page shows, with the way to the others.
#[derive(Serialize)]
struct Message {
    id: String,
    at: usize,
    count: usize,
    previous: Option<String>,
    next: Option<String>,
    check: String,
    save: String,
    heading: Option<Shown>,
    bridge: Option<Shown>,
    reference: Option<Shown>,
    comment: Option<String>,
    today: Today,
    stale: Option<stale::Change>,
    /// The field can hold the message (it uses no choice by number).
    editable: bool,
    initial: Vec<Piece>,
    chips: Vec<Chip>,
}

/// The messages a document shows, in the recording pages' reading order
/// (so that `?at=<n>` counts alike on every studio page), each with the
/// message of the heading it sits under.
fn reading_order(skeleton: &Skeleton) -> Vec<(String, Option<String>)> {
    crate::serve::record::reading_order(skeleton)
        .into_iter()
        .map(|entry| (entry.reference.id, entry.heading.map(|h| h.id)))
        .collect()
}

/// The page of the message after `id` in document `doc`, if any.
pub(super) fn next(project: &Project, tag: &str, doc: &str, id: &str) -> Option<String> {
    let skeleton = project.skeletons.iter().find(|s| s.name == doc)?;
    let order = reading_order(skeleton);
    let at = order.iter().position(|(m, _)| m == id)? + 1;
    (at < order.len()).then(|| format!("{PREFIX}/{tag}/{doc}?at={}", at + 1))
}

/// `GET /translate/<tag>/<doc>?at=<n>`: message `n` of the document (from
/// 1, kept within the document).
pub(super) fn message(
    project: &Project,
    ui: &Ui,
    tag: &str,
    doc: &str,
    at: usize,
) -> Result<Reply, Reply> {
    let not_found = || Reply::text(404, ui.text("studio-not-found", &[]).0);
    let locale = project.config.locale(tag).ok_or_else(not_found)?;
    let skeleton = project
        .skeletons
        .iter()
        .find(|s| s.name == doc)
        .ok_or_else(not_found)?;
    if *tag == project.config.reference {
        return Err(Reply::text(
            404,
            ui.text("studio-translate-reference", &[]).0,
        ));
    }
    let order = reading_order(skeleton);
    let at = at.clamp(1, order.len());
    let (id, heading) = &order[at - 1];
    let base = format!("{PREFIX}/{tag}/{doc}");
    let message = Message {
        id: id.clone(),
        at,
        count: order.len(),
        previous: (at > 1).then(|| format!("{base}?at={}", at - 1)),
        next: (at < order.len()).then(|| format!("{base}?at={}", at + 1)),
        check: format!("{base}/{id}/check"),
        save: format!("{base}/{id}"),
        heading: heading.as_ref().and_then(|h| bridge(project, locale, h)),
        bridge: bridge(project, locale, id),
        reference: reference(project, locale, id),
        comment: comment(project, id),
        today: today(project, locale, id),
        stale: stale::change(&project.messages(), locale, id),
        editable: own_typed(project, locale, id).is_some(),
        initial: own_typed(project, locale, id)
            .flatten()
            .map(|typed| pieces(&typed, locale))
            .unwrap_or_default(),
        chips: chips(project, locale, id),
    };
    let title = bridge(project, locale, &skeleton.front.title.id);
    // The document by its title as the volunteer reads it, else its name.
    let name = title.as_ref().map_or_else(
        || skeleton.name.clone(),
        |t| {
            t.pieces
                .iter()
                .map(|p| {
                    p.text
                        .clone()
                        .or_else(|| p.value.clone())
                        .unwrap_or_default()
                })
                .collect()
        },
    );
    let context = context! {
        document => name,
        title => title,
        locale => Language::of(locale),
        reference => project.config.locale(&project.config.reference).map(Language::of),
        message => &message,
    };
    let scripts: &[&Asset] = &[&TRANSLATE_SCRIPT];
    render("translate.html", ui, scripts, context)
}

/// The locales of `locale`'s chain after itself that have message `id`,
/// first the volunteer's bridge language.
fn others<'p>(project: &'p Project, locale: &Locale, id: &str) -> Vec<&'p LocaleBundle> {
    locale.chain[1..]
        .iter()
        .filter_map(|tag| project.catalog.get(tag))
        .filter(|b| b.defines(id))
        .collect()
}

/// Message `id` in the first language after the volunteer's own in their
/// chain that has it (French for Wolof).
fn bridge(project: &Project, locale: &Locale, id: &str) -> Option<Shown> {
    let bundle = others(project, locale, id).into_iter().next()?;
    shown(project, locale, bundle, id)
}

/// The reference text of message `id`, when the bridge language is not
/// the reference.
fn reference(project: &Project, locale: &Locale, id: &str) -> Option<Shown> {
    let first = others(project, locale, id).into_iter().next()?;
    if first.tag == project.config.reference {
        return None;
    }
    let bundle = project.catalog.get(&project.config.reference)?;
    shown(project, locale, bundle, id)
}

fn shown(project: &Project, locale: &Locale, bundle: &LocaleBundle, id: &str) -> Option<Shown> {
    let (_, message) = bundle.message_ast(id)?;
    let text = typed_of(message.value.as_ref()?)?;
    let written_in = project.config.locale(&bundle.tag)?;
    Some(Shown {
        language: Language::of(written_in),
        pieces: pieces(&text, locale),
    })
}

/// The translator's comment: the comment of the reference message (read
/// from its file again: the bundle's parse leaves comments out).
fn comment(project: &Project, id: &str) -> Option<String> {
    let bundle = project.catalog.get(&project.config.reference)?;
    let file = bundle.sources.get(id)?.file;
    let text = bundle.source_text(file)?;
    let resource = match fluent_syntax::parser::parse(text) {
        Ok(resource) | Err((resource, _)) => resource,
    };
    resource.body.iter().find_map(|entry| match entry {
        ast::Entry::Message(m) if m.id.name == id => m
            .comment
            .as_ref()
            .map(|c: &ast::Comment<&str>| c.content.join("\n")),
        _ => None,
    })
}

/// Whether the page shows the locale's own text, and if not, which.
fn today(project: &Project, locale: &Locale, id: &str) -> Today {
    let own = project
        .catalog
        .get(&locale.tag)
        .is_some_and(|b| b.defines(id));
    let broken = project
        .catalog
        .get(&locale.tag)
        .is_some_and(|b| b.broken.contains_key(id));
    let from = (!own)
        .then(|| others(project, locale, id).into_iter().next())
        .flatten()
        .and_then(|b| project.config.locale(&b.tag))
        .map(Language::of);
    Today { own, broken, from }
}

/// What the field starts with: `Some(None)` when the locale has no text
/// of its own, `None` when its text cannot be edited as plain text.
fn own_typed(project: &Project, locale: &Locale, id: &str) -> Option<Option<String>> {
    let Some((_, message)) = project
        .catalog
        .get(&locale.tag)
        .and_then(|b| b.message_ast(id))
    else {
        return Some(None);
    };
    match &message.value {
        Some(value) => typed_of(value).map(Some),
        None => Some(None),
    }
}

/// The variables the reference message uses, with the locale's values.
fn chips(project: &Project, locale: &Locale, id: &str) -> Vec<Chip> {
    let Some((_, message)) = project
        .catalog
        .get(&project.config.reference)
        .and_then(|b| b.message_ast(id))
    else {
        return Vec::new();
    };
    message_refs(message)
        .variables
        .into_iter()
        .map(|name| Chip {
            value: value_of(locale, &name),
            name,
        })
        .collect()
}

fn value_of(locale: &Locale, name: &str) -> String {
    locale
        .vars
        .get(name)
        .map_or_else(|| format!("${name}"), |v| v.text.clone())
}

/// A typed text in pieces: text, and each `{ $name }` a variable.
fn pieces(typed: &str, locale: &Locale) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut rest = typed;
    while let Some(open) = rest.find("{ $") {
        let after = &rest[open + 3..];
        let Some(close) = after.find(" }") else {
            break;
        };
        let name = &after[..close];
        if !name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        {
            break;
        }
        if open > 0 {
            out.push(text_piece(&rest[..open]));
        }
        out.push(Piece {
            text: None,
            var: Some(name.to_owned()),
            value: Some(value_of(locale, name)),
        });
        rest = &after[close + 2..];
    }
    if !rest.is_empty() {
        out.push(text_piece(rest));
    }
    out
}

fn text_piece(text: &str) -> Piece {
    Piece {
        text: Some(text.to_owned()),
        var: None,
        value: None,
    }
}
