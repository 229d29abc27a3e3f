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
    /// Blocks whose messages a volunteer recorded in the page's language.
    Recorded {
        /// The recordings, in reading order.
        recordings: Vec<Recorded>,
        /// The blocks.
        blocks: Vec<Block>,
    },
}

/// A recording of one message, as a page links it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recorded {
    /// The message it reads.
    pub id: String,
    /// Its file name in the locale's `audio/` folder (`door-intro.ogg`).
    pub file: String,
    /// Its media type (`audio/ogg`).
    pub mime: &'static str,
    /// How long it plays, in milliseconds.
    pub duration_ms: u64,
}

/// Every recording in some blocks, in reading order.
pub(crate) fn recordings(blocks: &[Block]) -> Vec<&Recorded> {
    let mut out = Vec::new();
    for block in blocks {
        match block {
            Block::Recorded { recordings, blocks } => {
                out.extend(recordings);
                out.extend(self::recordings(blocks));
            }
            Block::List { items, .. } => items.iter().for_each(|i| out.extend(self::recordings(i))),
            Block::Quote(inner) | Block::Lang { blocks: inner, .. } => {
                out.extend(self::recordings(inner))
            }
            _ => {}
        }
    }
    out
}

/// The blocks without their recordings, for the back ends that print
/// (paper, text messages): only the page plays them.
pub(crate) fn without_recordings(blocks: &[Block]) -> Vec<Block> {
    let mut out = Vec::with_capacity(blocks.len());
    for block in blocks {
        match block {
            Block::Recorded { blocks, .. } => out.extend(without_recordings(blocks)),
            Block::List { start, items } => out.push(Block::List {
                start: *start,
                items: items.iter().map(|i| without_recordings(i)).collect(),
            }),
            Block::Quote(inner) => out.push(Block::Quote(without_recordings(inner))),
            Block::Lang { lang, blocks } => out.push(Block::Lang {
                lang: lang.clone(),
                blocks: without_recordings(blocks),
            }),
            other => out.push(other.clone()),
        }
    }
    out
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
            Block::Quote(b) | Block::Lang { blocks: b, .. } | Block::Recorded { blocks: b, .. } => {
                walk(b, f)
            }
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

/// Long runs of printable ASCII (an address, a number) break every this
/// many characters in print: each piece is an element of its paragraph.
pub(crate) const LONG_RUN_PIECE: usize = 12;
/// A run this long or longer gets those breaks (the PDF templates'
/// `long-runs`).
const LONG_RUN: usize = 20;

/// The most pieces any one paragraph (or heading, or list item's
/// paragraph) of `blocks` is made of, as the PDF layout gets them:
/// each text, emphasis, link, variable and line break, and each piece a
/// long run is broken into.
pub(crate) fn most_paragraph_pieces(blocks: &[Block]) -> usize {
    blocks
        .iter()
        .map(|block| match block {
            Block::Paragraph(c) | Block::Heading { content: c, .. } => pieces(c),
            Block::List { items, .. } => items
                .iter()
                .map(|item| most_paragraph_pieces(item))
                .max()
                .unwrap_or(0),
            Block::Quote(inner)
            | Block::Lang { blocks: inner, .. }
            | Block::Recorded { blocks: inner, .. } => most_paragraph_pieces(inner),
            Block::Code(_) | Block::Rule | Block::Message(_) => 1,
        })
        .max()
        .unwrap_or(0)
}

/// How many pieces some inlines (one paragraph) are made of.
pub(crate) fn pieces(inlines: &[Inline]) -> usize {
    inlines
        .iter()
        .map(|inline| match inline {
            Inline::Text(t) | Inline::Code(t) | Inline::Var { text: t, .. } => {
                1 + long_run_pieces(t)
            }
            Inline::Strong(c)
            | Inline::Emphasis(c)
            | Inline::Link { content: c, .. }
            | Inline::Lang { content: c, .. } => 1 + pieces(c),
            Inline::LineBreak | Inline::Message(_) | Inline::VarRef(_) => 1,
        })
        .sum()
}

/// Joins neighbours of one kind (two texts, two emphases, two strong
/// emphases) into one, throughout `blocks`; they print the same. The PDF
/// layout costs each paragraph its glyphs × its elements (Typst 0.15 finds
/// the source of each laid-out glyph by walking the paragraph's elements
/// from the start, `SpanMapper::span_at`), and `*_*_…x…_*_*` is thousands
/// of one-character emphases side by side: joined, it is one.
pub(crate) fn join_neighbours_in(blocks: &mut [Block]) {
    for block in blocks {
        match block {
            Block::Paragraph(c) | Block::Heading { content: c, .. } => {
                *c = join_neighbours(std::mem::take(c));
            }
            Block::List { items, .. } => items.iter_mut().for_each(|item| join_neighbours_in(item)),
            Block::Quote(inner)
            | Block::Lang { blocks: inner, .. }
            | Block::Recorded { blocks: inner, .. } => join_neighbours_in(inner),
            Block::Code(_) | Block::Rule | Block::Message(_) => {}
        }
    }
}

/// [`join_neighbours_in`] for some inlines.
pub(crate) fn join_neighbours(inlines: Vec<Inline>) -> Vec<Inline> {
    let mut out = Vec::with_capacity(inlines.len());
    for inline in inlines {
        push_joined(&mut out, inline);
    }
    out
}

fn push_joined(out: &mut Vec<Inline>, inline: Inline) {
    match (out.last_mut(), inline) {
        (Some(Inline::Text(text)), Inline::Text(more)) => text.push_str(&more),
        (Some(Inline::Strong(c)), Inline::Strong(more))
        | (Some(Inline::Emphasis(c)), Inline::Emphasis(more)) => {
            for inner in more {
                push_joined(c, inner);
            }
        }
        (_, Inline::Strong(c)) => out.push(Inline::Strong(join_neighbours(c))),
        (_, Inline::Emphasis(c)) => out.push(Inline::Emphasis(join_neighbours(c))),
        (_, Inline::Link { href, content }) => out.push(Inline::Link {
            href,
            content: join_neighbours(content),
        }),
        (_, Inline::Lang { lang, content }) => out.push(Inline::Lang {
            lang,
            content: join_neighbours(content),
        }),
        (_, inline) => out.push(inline),
    }
}

/// How many pieces the long runs of printable ASCII in `text` are broken
/// into.
fn long_run_pieces(text: &str) -> usize {
    text.split(|c: char| !c.is_ascii_graphic())
        .map(str::len)
        .filter(|&n| n >= LONG_RUN)
        .map(|n| n.div_ceil(LONG_RUN_PIECE))
        .sum()
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

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Inline {
        Inline::Text(s.to_owned())
    }

    #[test]
    fn alternating_emphasis_is_joined_into_one_element() {
        // `*_*_…x…_*_*` as the Markdown parser gives it: one-character
        // emphases side by side.
        let alternating: Vec<Inline> = (0..1000)
            .map(|i| Inline::Emphasis(vec![text(if i % 2 == 0 { "*" } else { "_" })]))
            .collect();
        let joined = join_neighbours(alternating);
        assert_eq!(
            joined,
            vec![Inline::Emphasis(vec![text(&"*_".repeat(500))])]
        );
        // A run of 1,000 printable characters breaks into 84 pieces.
        assert_eq!(most_paragraph_pieces(&[Block::Paragraph(joined)]), 2 + 84);
    }

    #[test]
    fn neighbours_are_joined_at_every_depth_and_other_kinds_keep_their_bounds() {
        let mixed = vec![
            text("a"),
            text("b"),
            Inline::Strong(vec![Inline::Emphasis(vec![text("c")])]),
            Inline::Strong(vec![Inline::Emphasis(vec![text("d")]), text("e")]),
            Inline::Emphasis(vec![text("f")]),
            Inline::LineBreak,
            Inline::Emphasis(vec![text("g"), text("h")]),
        ];
        assert_eq!(
            join_neighbours(mixed),
            vec![
                text("ab"),
                Inline::Strong(vec![Inline::Emphasis(vec![text("cd")]), text("e")]),
                Inline::Emphasis(vec![text("f")]),
                Inline::LineBreak,
                Inline::Emphasis(vec![text("gh")]),
            ]
        );
    }

    #[test]
    fn pieces_are_counted_per_paragraph() {
        let words: Vec<Inline> = (0..10)
            .flat_map(|_| [Inline::Emphasis(vec![text("a")]), text(" ")])
            .collect();
        let list = Block::List {
            start: None,
            items: vec![
                vec![Block::Paragraph(words.clone())],
                vec![Block::Paragraph(vec![text("short")])],
            ],
        };
        assert_eq!(most_paragraph_pieces(&[list]), 30);
        assert_eq!(
            most_paragraph_pieces(&[Block::Paragraph(vec![text("see example.org/a/b/c/d/e/f")])]),
            1 + 2
        );
    }
}
