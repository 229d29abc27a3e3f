//! The document model both back ends read: blocks and inlines, each piece
//! of text tagged with its language when it is not the page's. A skeleton
//! is the same tree with unresolved references still in it.

use crate::base::diag::Span;
use crate::base::lang::Direction;

/// A reference to a Fluent message in a skeleton: `{ id }` or `{ id.attr }`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reference {
    /// Message id.
    pub id: String,
    /// Attribute name, for `{ id.attr }`.
    pub attr: Option<String>,
    /// Where the reference is written.
    pub span: Span,
}

impl Reference {
    /// `id` or `id.attr`, as written.
    pub fn key(&self) -> String {
        match &self.attr {
            Some(attr) => format!("{}.{attr}", self.id),
            None => self.id.clone(),
        }
    }
}

/// A reference to a variable in a skeleton: `{ $name }`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VarReference {
    /// Variable name, without `$`.
    pub name: String,
    /// Where the reference is written.
    pub span: Span,
}

/// The language of a piece of text that differs from the page's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lang {
    /// BCP 47 tag.
    pub tag: String,
    /// Writing direction.
    pub dir: Direction,
    /// The language's own name (`Français`), shown where its text stands
    /// in for the page's language.
    pub name: String,
}

/// A block of a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// A heading, level 1 to 6.
    Heading {
        /// 1 to 6.
        level: u8,
        /// The heading text.
        content: Vec<Inline>,
    },
    /// A paragraph.
    Paragraph(Vec<Inline>),
    /// A list; `start` is the first number of an ordered list.
    List {
        /// First number of an ordered list; `None` for a bulleted list.
        start: Option<u64>,
        /// The items, each a sequence of blocks.
        items: Vec<Vec<Block>>,
    },
    /// A block quote.
    Quote(Vec<Block>),
    /// Preformatted text.
    Code(String),
    /// A thematic break.
    Rule,
    /// Blocks in another language than the page's (a fallback).
    Lang {
        /// Their language.
        lang: Lang,
        /// The blocks.
        blocks: Vec<Block>,
    },
    /// Skeleton only: a paragraph that is a single message reference.
    Message(Reference),
}

/// A piece of inline content.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Inline {
    /// Plain text.
    Text(String),
    /// Strong emphasis.
    Strong(Vec<Inline>),
    /// Emphasis.
    Emphasis(Vec<Inline>),
    /// Inline code.
    Code(String),
    /// A link with a checked target.
    Link {
        /// Target: an http, https, mailto or tel URL.
        href: String,
        /// Link text.
        content: Vec<Inline>,
    },
    /// A hard line break.
    LineBreak,
    /// A variable's value, isolated from the text around it so a phone
    /// number reads the same inside right-to-left text.
    Var {
        /// Variable name.
        name: String,
        /// Its text.
        text: String,
        /// Its link, if it has one.
        link: Option<String>,
    },
    /// Inlines in another language than the page's (a fallback).
    Lang {
        /// Their language.
        lang: Lang,
        /// The inlines.
        content: Vec<Inline>,
    },
    /// Skeleton only: `{ id }` or `{ id.attr }` inside other text.
    Message(Reference),
    /// Skeleton only: `{ $name }`.
    VarRef(VarReference),
}

/// Appends an inline, merging adjacent text.
pub(crate) fn push_inline(inlines: &mut Vec<Inline>, inline: Inline) {
    if let Inline::Text(new) = &inline {
        if new.is_empty() {
            return;
        }
        if let Some(Inline::Text(last)) = inlines.last_mut() {
            last.push_str(new);
            return;
        }
    }
    inlines.push(inline);
}

/// A leaf of the document model, as [`walk`] meets it.
pub(crate) enum Leaf<'a> {
    /// An inline with no inlines inside (text, code, a variable, a line
    /// break, a reference).
    Inline(&'a Inline),
    /// A preformatted block.
    Code(&'a str),
    /// A block that is a single message reference (skeletons only).
    Message(&'a Reference),
}

/// Calls `f` on every leaf of some blocks, in order, through headings,
/// paragraphs, lists, quotes, emphasis, links and other-language parts.
pub(crate) fn walk<'a>(blocks: &'a [Block], f: &mut impl FnMut(Leaf<'a>)) {
    for block in blocks {
        match block {
            Block::Message(r) => f(Leaf::Message(r)),
            Block::Paragraph(c) | Block::Heading { content: c, .. } => walk_inlines(c, f),
            Block::List { items, .. } => items.iter().for_each(|item| walk(item, f)),
            Block::Quote(b) | Block::Lang { blocks: b, .. } => walk(b, f),
            Block::Code(code) => f(Leaf::Code(code)),
            Block::Rule => {}
        }
    }
}

/// Calls `f` on every leaf of some inlines, in order.
pub(crate) fn walk_inlines<'a>(inlines: &'a [Inline], f: &mut impl FnMut(Leaf<'a>)) {
    for inline in inlines {
        match inline {
            Inline::Strong(c)
            | Inline::Emphasis(c)
            | Inline::Link { content: c, .. }
            | Inline::Lang { content: c, .. } => walk_inlines(c, f),
            leaf => f(Leaf::Inline(leaf)),
        }
    }
}

/// Every message reference in some skeleton blocks, in order.
pub(crate) fn references(blocks: &[Block]) -> Vec<Reference> {
    let mut out = Vec::new();
    walk(blocks, &mut |leaf| match leaf {
        Leaf::Message(r) | Leaf::Inline(Inline::Message(r)) => out.push(r.clone()),
        _ => {}
    });
    out
}

/// The plain text of some inlines (for a page title or an index entry).
pub(crate) fn plain_text(inlines: &[Inline]) -> String {
    let mut out = String::new();
    collect_text(inlines, &mut out);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn collect_text(inlines: &[Inline], out: &mut String) {
    for inline in inlines {
        match inline {
            Inline::Text(t) | Inline::Code(t) => out.push_str(t),
            Inline::Var { text, .. } => out.push_str(text),
            Inline::LineBreak => out.push(' '),
            Inline::Strong(c)
            | Inline::Emphasis(c)
            | Inline::Link { content: c, .. }
            | Inline::Lang { content: c, .. } => collect_text(c, out),
            Inline::Message(_) | Inline::VarRef(_) => {}
        }
    }
}
