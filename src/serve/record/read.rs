//! The text a volunteer reads aloud, as a reader will meet it: a message
//! resolved in the locale along its fallback chain by kyr's own resolver
//! (variables as their values for that locale, Markdown read), then made
//! HTML by the HTML back end's markup (bold as bold), escaped there. A
//! link shows as its text: the page is read from, not followed.

use crate::base::diag::Strict;
use crate::config::Locale;
use crate::doc::Skeleton;
use crate::doc::model::{Block, Inline, Lang, Reference};
use crate::html::{blocks_html, inlines_html};
use crate::i18n::Messages;
use crate::i18n::resolve::Resolver;

use super::Entry;

/// A message as it is read: its HTML, and the language it is written in
/// when that is not the locale's own (a fallback along the chain).
pub(in crate::serve) struct Read {
    pub(in crate::serve) html: String,
    pub(in crate::serve) lang: Option<Lang>,
}

/// A resolver of `skeleton`'s messages in `locale`.
fn resolver<'p>(messages: &Messages<'p>, locale: &'p Locale, skeleton: &Skeleton) -> Resolver<'p> {
    let date = skeleton.front.last_reviewed.as_deref();
    messages.resolver(locale, &skeleton.name, Strict::OFF, date)
}

/// The document's title in `locale` (or along its chain), as HTML, any
/// part from another language marked with it; a title wholly in another
/// language has that language, so its heading takes its direction.
pub(in crate::serve) fn title_html(
    messages: &Messages,
    locale: &Locale,
    skeleton: &Skeleton,
) -> Read {
    let mut resolver = resolver(messages, locale, skeleton);
    let title = resolver.inline_message(&skeleton.front.title);
    if title.is_empty() {
        let mut name = String::new();
        crate::html::escape_into(&mut name, &skeleton.name);
        return Read {
            html: name,
            lang: None,
        };
    }
    let (lang, inlines) = match title.as_slice() {
        [Inline::Lang { lang, content }] => (Some(lang.clone()), content.clone()),
        _ => (None, title),
    };
    Read {
        html: inlines_html(&unlinked(inlines)),
        lang,
    }
}

/// The title as plain text (for the browser's tab).
pub(in crate::serve) fn title_text(
    messages: &Messages,
    locale: &Locale,
    skeleton: &Skeleton,
) -> String {
    let mut resolver = resolver(messages, locale, skeleton);
    let title = resolver.inline_message(&skeleton.front.title);
    let mut text = String::new();
    crate::doc::model::walk_inlines(&title, &mut |leaf| {
        if let crate::doc::model::Leaf::Inline(
            Inline::Text(t) | Inline::Code(t) | Inline::Var { text: t, .. },
        ) = leaf
        {
            text.push_str(t);
        }
    });
    if text.trim().is_empty() {
        skeleton.name.clone()
    } else {
        text
    }
}

/// The message `entry` names, as the document reads it in `locale`;
/// `None` when no language of the chain has a usable text for it.
pub(super) fn message(
    messages: &Messages,
    locale: &Locale,
    skeleton: &Skeleton,
    entry: &Entry,
) -> Option<Read> {
    let mut resolver = resolver(messages, locale, skeleton);
    if entry.inline {
        return inline(&mut resolver, &entry.reference);
    }
    // As a paragraph of its own: resolved as the document resolves its
    // blocks, in a document of that one message.
    let alone = Skeleton {
        blocks: vec![Block::Message(entry.reference.clone())],
        ..skeleton.clone()
    };
    let blocks = crate::doc::model::without_recordings(&resolver.document(&alone).blocks);
    let (lang, blocks) = match blocks.as_slice() {
        [Block::Lang { lang, blocks }] => (Some(lang.clone()), blocks.clone()),
        _ => (None, blocks),
    };
    (!blocks.is_empty()).then(|| Read {
        html: blocks_html(&unlinked_blocks(blocks)),
        lang,
    })
}

/// The heading above a message, as the document reads it.
pub(super) fn heading(
    messages: &Messages,
    locale: &Locale,
    skeleton: &Skeleton,
    reference: &Reference,
) -> Option<Read> {
    inline(&mut resolver(messages, locale, skeleton), reference)
}

/// A message read inside a line.
fn inline(resolver: &mut Resolver, reference: &Reference) -> Option<Read> {
    let inlines = resolver.inline_message(reference);
    let (lang, inlines) = match inlines.as_slice() {
        [Inline::Lang { lang, content }] => (Some(lang.clone()), content.clone()),
        _ => (None, inlines),
    };
    (!inlines.is_empty()).then(|| Read {
        html: format!("<p>{}</p>", inlines_html(&unlinked(inlines))),
        lang,
    })
}

/// Inlines with each link (and each variable's link) left as its text.
fn unlinked(inlines: Vec<Inline>) -> Vec<Inline> {
    let mut out = Vec::with_capacity(inlines.len());
    for inline in inlines {
        match inline {
            Inline::Link { content, .. } => out.extend(unlinked(content)),
            Inline::Var { name, text, .. } => out.push(Inline::Var {
                name,
                text,
                link: None,
            }),
            Inline::Strong(c) => out.push(Inline::Strong(unlinked(c))),
            Inline::Emphasis(c) => out.push(Inline::Emphasis(unlinked(c))),
            Inline::Lang { lang, content } => out.push(Inline::Lang {
                lang,
                content: unlinked(content),
            }),
            other => out.push(other),
        }
    }
    out
}

/// Blocks with each link left as its text.
fn unlinked_blocks(blocks: Vec<Block>) -> Vec<Block> {
    blocks
        .into_iter()
        .map(|block| match block {
            Block::Heading { level, content } => Block::Heading {
                level,
                content: unlinked(content),
            },
            Block::Paragraph(c) => Block::Paragraph(unlinked(c)),
            Block::List { start, items } => Block::List {
                start,
                items: items.into_iter().map(unlinked_blocks).collect(),
            },
            Block::Quote(inner) => Block::Quote(unlinked_blocks(inner)),
            Block::Lang { lang, blocks } => Block::Lang {
                lang,
                blocks: unlinked_blocks(blocks),
            },
            Block::Recorded { recordings, blocks } => Block::Recorded {
                recordings,
                blocks: unlinked_blocks(blocks),
            },
            other => other,
        })
        .collect()
}
