//! Markdown -> document model, for skeletons and for message values alike.
//! Raw HTML becomes text, links are checked, images become their alt text,
//! and nesting is bounded. What differs between the two is how a run of
//! text is read: a skeleton's text holds `{ references }`, a message's
//! text holds variable placeholders put there by the resolver.

use std::ops::Range;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::base::diag::{FileId, Severity, Span};
use crate::base::ident::{VAR_BASE, VAR_END, is_identifier};
use crate::base::links;
use crate::config::Var;
use crate::doc::model::{Block, Inline, Reference, VarReference, push_inline};

const FSI: char = '\u{2068}';
const PDI: char = '\u{2069}';

/// A problem found while reading Markdown, located in the text read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Problem {
    /// Error or warning.
    pub severity: Severity,
    /// Byte range in the text given to the parser.
    pub range: Range<usize>,
    /// Diagnostic text.
    pub message: String,
    /// Extra advice.
    pub hint: Option<String>,
    /// The text the problem is about as it is written (a link target),
    /// to find it in a message's source: `range` points into the
    /// formatted message, not into its `.ftl` file.
    pub quote: Option<String>,
}

/// How runs of text are read.
pub(crate) enum Mode<'a> {
    /// A skeleton: `{ id }`, `{ id.attr }` and `{ $var }` are references;
    /// `\{` is a literal brace. Spans point into `file` from `offset`.
    Skeleton {
        /// The skeleton file.
        file: FileId,
        /// Byte offset of the parsed text in the file.
        offset: usize,
    },
    /// A formatted message: placeholder characters stand for `vars`.
    Message {
        /// The variables, in placeholder order.
        vars: &'a [(String, Var)],
    },
}

/// Parses Markdown into blocks. Nesting deeper than `max_depth` (quotes,
/// lists, emphasis) is refused rather than risking the stack of every
/// later stage.
pub(crate) fn parse_blocks(
    text: &str,
    mode: &Mode<'_>,
    max_depth: usize,
) -> (Vec<Block>, Vec<Problem>) {
    let mut builder = Builder {
        source: text,
        mode,
        max_depth,
        frames: vec![Frame::Container(Container::Root, Vec::new())],
        problems: Vec::new(),
    };
    for (event, range) in Parser::new_ext(text, Options::empty()).into_offset_iter() {
        if !builder.event(event, range) {
            break;
        }
    }
    while builder.frames.len() > 1 {
        builder.close_top();
    }
    let blocks = match builder.frames.pop() {
        Some(Frame::Container(_, blocks)) => blocks,
        _ => Vec::new(),
    };
    (blocks, builder.problems)
}

/// Parses a message meant to sit inside a line of text. `None` when it
/// holds block structure (several paragraphs, a list, a heading).
pub(crate) fn parse_inline(
    text: &str,
    mode: &Mode<'_>,
    max_depth: usize,
) -> (Option<Vec<Inline>>, Vec<Problem>) {
    let (mut blocks, problems) = parse_blocks(text, mode, max_depth);
    match blocks.len() {
        0 => (Some(Vec::new()), problems),
        1 => match blocks.pop() {
            Some(Block::Paragraph(inlines)) => (Some(inlines), problems),
            _ => (None, problems),
        },
        _ => (None, problems),
    }
}

/// Splits message text at variable placeholders, without Markdown. Used
/// when a message's Markdown cannot be used where it stands.
pub(crate) fn plain_inlines(text: &str, vars: &[(String, Var)]) -> Vec<Inline> {
    let mut out = Vec::new();
    split_vars(text, vars, &mut out);
    out
}

enum Container {
    Root,
    Quote,
    Item,
}

enum Frame {
    Container(Container, Vec<Block>),
    List(Option<u64>, Vec<Vec<Block>>),
    Paragraph {
        inlines: Vec<Inline>,
        implicit: bool,
    },
    Heading(u8, Vec<Inline>),
    Code(String),
    Html(String),
    Emphasis(Vec<Inline>),
    Strong(Vec<Inline>),
    Link(Option<String>, Vec<Inline>),
    Image(Vec<Inline>),
}

struct Builder<'a, 'm> {
    source: &'a str,
    mode: &'a Mode<'m>,
    max_depth: usize,
    frames: Vec<Frame>,
    problems: Vec<Problem>,
}

impl Builder<'_, '_> {
    /// Handles one event; false stops parsing (nesting too deep).
    fn event(&mut self, event: Event<'_>, range: Range<usize>) -> bool {
        match event {
            Event::Start(tag) => return self.start(tag, range),
            Event::End(end) => self.end(end),
            Event::Text(text) => {
                if matches!(self.frames.last(), Some(Frame::Code(_))) {
                    if let Some(Frame::Code(code)) = self.frames.last_mut() {
                        code.push_str(&text);
                    }
                } else {
                    self.text(&text, range);
                }
            }
            Event::Code(code) => self.inline(Inline::Code(code.into_string())),
            Event::Html(html) => {
                if let Some(Frame::Html(buffer)) = self.frames.last_mut() {
                    buffer.push_str(&html);
                } else {
                    self.inline(Inline::Text(html.into_string()));
                }
            }
            Event::InlineHtml(html) => self.inline(Inline::Text(html.into_string())),
            Event::SoftBreak => self.inline(Inline::Text(" ".into())),
            Event::HardBreak => self.inline(Inline::LineBreak),
            Event::Rule => {
                self.close_implicit();
                self.block(Block::Rule);
            }
            Event::InlineMath(t) | Event::DisplayMath(t) | Event::FootnoteReference(t) => {
                self.inline(Inline::Text(t.into_string()))
            }
            Event::TaskListMarker(_) => {}
        }
        true
    }

    fn start(&mut self, tag: Tag<'_>, range: Range<usize>) -> bool {
        if self.too_deep(&tag, range.clone()) {
            return false;
        }
        let frame = self.frame_for(tag, range);
        let is_inline = matches!(
            frame,
            Frame::Emphasis(_) | Frame::Strong(_) | Frame::Link(..) | Frame::Image(_)
        );
        if is_inline {
            self.open_implicit();
        } else {
            self.close_implicit();
        }
        self.frames.push(frame);
        true
    }

    /// Whether opening `tag` would nest content deeper than the limit (an
    /// error at `range` if so).
    fn too_deep(&mut self, tag: &Tag<'_>, range: Range<usize>) -> bool {
        // Quotes, lists, headings, emphasis and links count; the
        // paragraphs and list items between them do not.
        let counted = !matches!(tag, Tag::Paragraph | Tag::Item);
        let levels = self
            .frames
            .iter()
            .filter(|f| {
                !matches!(
                    f,
                    Frame::Container(Container::Root | Container::Item, _)
                        | Frame::Paragraph { .. }
                )
            })
            .count();
        if counted && levels >= self.max_depth {
            self.problems.push(Problem {
                severity: Severity::Error,
                range,
                message: format!("content is nested more than {} levels deep", self.max_depth),
                hint: Some("`[limits] max_nesting` in kyr.toml sets the limit".into()),
                quote: None,
            });
            return true;
        }
        false
    }

    /// The empty frame that `tag` opens.
    fn frame_for(&mut self, tag: Tag<'_>, range: Range<usize>) -> Frame {
        match tag {
            Tag::Paragraph => Frame::Paragraph {
                inlines: Vec::new(),
                implicit: false,
            },
            Tag::Heading { level, .. } => Frame::Heading(heading_level(level), Vec::new()),
            Tag::BlockQuote(_) => Frame::Container(Container::Quote, Vec::new()),
            Tag::CodeBlock(_) => Frame::Code(String::new()),
            Tag::HtmlBlock => Frame::Html(String::new()),
            Tag::List(start) => Frame::List(start, Vec::new()),
            Tag::Item => Frame::Container(Container::Item, Vec::new()),
            Tag::Emphasis => Frame::Emphasis(Vec::new()),
            Tag::Strong => Frame::Strong(Vec::new()),
            Tag::Link { dest_url, .. } => {
                Frame::Link(self.link_target(&dest_url, range), Vec::new())
            }
            Tag::Image { .. } => {
                self.problems.push(Problem {
                    severity: Severity::Warning,
                    range,
                    message:
                        "images are not supported in content; the image's text is shown instead"
                            .into(),
                    hint: None,
                    quote: None,
                });
                Frame::Image(Vec::new())
            }
            // Not enabled in the parser options; kept as plain containers.
            _ => Frame::Emphasis(Vec::new()),
        }
    }

    fn end(&mut self, end: TagEnd) {
        let is_block = !matches!(
            end,
            TagEnd::Emphasis | TagEnd::Strong | TagEnd::Link | TagEnd::Image
        );
        if is_block {
            self.close_implicit();
        }
        self.close_top();
    }

    /// Pops the top frame and adds what it built to its parent.
    fn close_top(&mut self) {
        let Some(frame) = self.frames.pop() else {
            return;
        };
        match frame {
            Frame::Container(Container::Root, blocks) => {
                self.frames.push(Frame::Container(Container::Root, blocks));
            }
            Frame::Container(Container::Quote, blocks) => self.block(Block::Quote(blocks)),
            Frame::Container(Container::Item, blocks) => {
                if let Some(Frame::List(_, items)) = self.frames.last_mut() {
                    items.push(blocks);
                } else {
                    self.block(Block::List {
                        start: None,
                        items: vec![blocks],
                    });
                }
            }
            Frame::List(start, items) => self.block(Block::List { start, items }),
            Frame::Paragraph { inlines, implicit } => {
                if inlines.iter().all(is_blank) {
                    return;
                }
                let block = match (self.mode, implicit, sole_reference(&inlines)) {
                    (Mode::Skeleton { .. }, false, Some(reference)) => Block::Message(reference),
                    _ => Block::Paragraph(trim(inlines)),
                };
                self.block(block);
            }
            Frame::Heading(level, inlines) => self.block(Block::Heading {
                level,
                content: trim(inlines),
            }),
            Frame::Code(code) => self.block(Block::Code(code)),
            Frame::Html(html) => {
                let text = html.trim_end().to_owned();
                if !text.is_empty() {
                    self.block(Block::Paragraph(vec![Inline::Text(text)]));
                }
            }
            Frame::Emphasis(inlines) => self.inline(Inline::Emphasis(inlines)),
            Frame::Strong(inlines) => self.inline(Inline::Strong(inlines)),
            Frame::Link(Some(href), inlines) => self.inline(Inline::Link {
                href,
                content: inlines,
            }),
            Frame::Link(None, inlines) | Frame::Image(inlines) => {
                for inline in inlines {
                    self.inline(inline);
                }
            }
        }
    }

    fn block(&mut self, block: Block) {
        match self.frames.last_mut() {
            Some(Frame::Container(_, blocks)) => blocks.push(block),
            Some(Frame::List(_, items)) => items.push(vec![block]),
            _ => {
                // A block inside inline content cannot come from
                // pulldown-cmark; keep its text rather than lose it.
                self.frames
                    .push(Frame::Container(Container::Item, vec![block]));
                self.close_top();
            }
        }
    }

    fn inline(&mut self, inline: Inline) {
        self.open_implicit();
        if let Some(inlines) = self.frames.last_mut().and_then(Frame::inlines) {
            push_inline(inlines, inline);
        }
    }

    /// Tight list items hold text without a paragraph; give them one.
    fn open_implicit(&mut self) {
        if matches!(
            self.frames.last(),
            Some(Frame::Container(..) | Frame::List(..))
        ) {
            self.frames.push(Frame::Paragraph {
                inlines: Vec::new(),
                implicit: true,
            });
        }
    }

    fn close_implicit(&mut self) {
        if matches!(
            self.frames.last(),
            Some(Frame::Paragraph { implicit: true, .. })
        ) {
            self.close_top();
        }
    }

    /// The checked target of a link, or `None` (and a problem) when it is
    /// refused. A scheme content may not use is a warning: the link text
    /// stays, without a link. A `tel:` target that cannot be dialled is an
    /// error: a phone link was meant, and a wrong one must not be printed.
    fn link_target(&mut self, dest: &str, range: Range<usize>) -> Option<String> {
        let dest = match self.mode {
            Mode::Message { vars } => substitute_vars(dest, vars),
            Mode::Skeleton { .. } => dest.to_owned(),
        };
        let refused = match links::check(&dest) {
            Ok(()) => return Some(links::normalize(&dest)),
            Err(refused) => refused,
        };
        // Point at the target itself when it is written out in the link.
        let range = self
            .source
            .get(range.clone())
            .and_then(|link| link.find(dest.as_str()))
            .map_or(range.clone(), |at| {
                range.start + at..range.start + at + dest.len()
            });
        let (severity, hint) = match &refused {
            links::Refused::Scheme(_) => (
                Severity::Warning,
                "the link text is shown without a link".to_owned(),
            ),
            links::Refused::Number(_) => (
                Severity::Error,
                refused.hint().unwrap_or_default().to_owned(),
            ),
        };
        self.problems.push(Problem {
            severity,
            range,
            message: refused.message().to_owned(),
            hint: Some(hint),
            quote: Some(dest),
        });
        None
    }

    fn text(&mut self, text: &str, range: Range<usize>) {
        match self.mode {
            Mode::Message { vars } => {
                self.open_implicit();
                if let Some(inlines) = self.frames.last_mut().and_then(Frame::inlines) {
                    split_vars(text, vars, inlines);
                }
            }
            Mode::Skeleton { file, offset } => {
                let (file, offset) = (*file, *offset);
                let source = self.source.get(range.clone()).unwrap_or("");
                let mut pieces = Vec::new();
                // After `\{`, pulldown-cmark starts the text event at the
                // escaped brace: an odd run of backslashes before it.
                let backslashes = self.source.as_bytes()[..range.start]
                    .iter()
                    .rev()
                    .take_while(|&&b| b == b'\\')
                    .count();
                let (literal, rest) = if backslashes % 2 == 1 && text.starts_with('{') {
                    text.split_at(1)
                } else {
                    ("", text)
                };
                push_inline(&mut pieces, Inline::Text(literal.to_owned()));
                let start = range.start + literal.len();
                let exact = source.get(literal.len()..) == Some(rest);
                let span_of = |at: Range<usize>| {
                    let at = if exact {
                        start + at.start..start + at.end
                    } else {
                        range.clone()
                    };
                    Span::new(file, offset + at.start..offset + at.end)
                };
                scan_references(
                    rest,
                    &mut pieces,
                    &span_of,
                    &mut self.problems,
                    start,
                    exact,
                );
                for piece in pieces {
                    self.inline(piece);
                }
            }
        }
    }
}

impl Frame {
    fn inlines(&mut self) -> Option<&mut Vec<Inline>> {
        match self {
            Frame::Paragraph { inlines, .. }
            | Frame::Heading(_, inlines)
            | Frame::Emphasis(inlines)
            | Frame::Strong(inlines)
            | Frame::Link(_, inlines)
            | Frame::Image(inlines) => Some(inlines),
            _ => None,
        }
    }
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

fn is_blank(inline: &Inline) -> bool {
    matches!(inline, Inline::Text(t) if t.trim().is_empty())
}

/// The reference, when a paragraph holds nothing else.
fn sole_reference(inlines: &[Inline]) -> Option<Reference> {
    let mut found = None;
    for inline in inlines {
        match inline {
            Inline::Message(r) if found.is_none() => found = Some(r.clone()),
            i if is_blank(i) => {}
            _ => return None,
        }
    }
    found
}

/// Drops leading and trailing white space of a paragraph or heading.
fn trim(mut inlines: Vec<Inline>) -> Vec<Inline> {
    if let Some(Inline::Text(t)) = inlines.first_mut() {
        *t = t.trim_start().to_owned();
    }
    if let Some(Inline::Text(t)) = inlines.last_mut() {
        *t = t.trim_end().to_owned();
    }
    inlines.retain(|i| !matches!(i, Inline::Text(t) if t.is_empty()));
    inlines
}

/// Reads `{ id }`, `{ id.attr }` and `{ $var }` in skeleton text; any other
/// `{` is a problem (a literal brace is written `\{`).
fn scan_references(
    text: &str,
    out: &mut Vec<Inline>,
    span_of: &dyn Fn(Range<usize>) -> Span,
    problems: &mut Vec<Problem>,
    range_start: usize,
    exact: bool,
) {
    let mut pos = 0;
    while let Some(found) = text[pos..].find('{') {
        let start = pos + found;
        push_inline(out, Inline::Text(text[pos..start].to_owned()));
        let shown = text[start..]
            .find(['}', '\n', '\r'])
            .filter(|&i| text.as_bytes()[start + i] == b'}')
            .map_or(1, |i| i + 1);
        let problem_range = if exact {
            range_start + start..range_start + start + shown
        } else {
            range_start..range_start + 1
        };
        match read_reference(&text[start..]) {
            Ok((len, read)) => {
                let span = span_of(start..start + len);
                out.push(match read {
                    ReadReference::Var(name) => Inline::VarRef(VarReference { name, span }),
                    ReadReference::Message { id, attr } => {
                        Inline::Message(Reference { id, attr, span })
                    }
                });
                pos = start + len;
            }
            Err(message) => {
                problems.push(Problem {
                    severity: Severity::Error,
                    range: problem_range,
                    message,
                    hint: Some("write `\\{` for a literal brace".into()),
                    quote: None,
                });
                push_inline(out, Inline::Text("{".into()));
                pos = start + 1;
            }
        }
    }
    push_inline(out, Inline::Text(text[pos..].to_owned()));
}

/// A reference as read from skeleton text, before it has a place.
enum ReadReference {
    /// `{ id }` or `{ id.attr }`.
    Message { id: String, attr: Option<String> },
    /// `{ $name }`.
    Var(String),
}

/// Reads one reference at the start of `text` (which starts with `{`):
/// its length and what it refers to. The error is the problem's message;
/// the caller places it and adds the hint.
fn read_reference(text: &str) -> Result<(usize, ReadReference), String> {
    let Some(close) = text.find('}') else {
        return Err("unclosed `{`: a reference looks like `{ message-id }`".into());
    };
    let inner = text[1..close].trim_matches([' ', '\t']);
    let shown = &text[..=close];
    if inner.contains('{') || inner.contains(['\n', '\r']) {
        return Err("unclosed `{`: a reference looks like `{ message-id }`".into());
    }
    if let Some(term) = inner.strip_prefix('-') {
        return Err(format!(
            "`{shown}` refers to the term `-{term}`; terms can only be used inside messages"
        ));
    }
    if let Some(var) = inner.strip_prefix('$') {
        return if is_identifier(var) {
            Ok((close + 1, ReadReference::Var(var.to_owned())))
        } else {
            Err(format!("`{shown}` is not a valid variable reference"))
        };
    }
    let (id, attr) = match inner.split_once('.') {
        Some((id, attr)) => (id, Some(attr)),
        None => (inner, None),
    };
    if is_identifier(id) && attr.is_none_or(is_identifier) {
        let read = ReadReference::Message {
            id: id.to_owned(),
            attr: attr.map(str::to_owned),
        };
        Ok((close + 1, read))
    } else {
        Err(format!("`{shown}` is not a message or variable reference"))
    }
}

/// Splits formatted message text at variable placeholders. Fluent's own
/// isolation marks around a placeholder are dropped: the back ends isolate
/// variables themselves.
fn split_vars(text: &str, vars: &[(String, Var)], out: &mut Vec<Inline>) {
    let mut plain = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == FSI {
            let mut ahead = chars.clone();
            if let Some(v) = ahead.next().and_then(|p| var_index(p, vars))
                && ahead.peek() == Some(&PDI)
            {
                ahead.next();
                chars = ahead;
                push_var(out, &mut plain, &vars[v]);
                continue;
            }
        }
        match var_index(c, vars) {
            Some(v) => push_var(out, &mut plain, &vars[v]),
            None => plain.push(c),
        }
    }
    push_inline(out, Inline::Text(plain));
}

fn push_var(out: &mut Vec<Inline>, plain: &mut String, (name, var): &(String, Var)) {
    push_inline(out, Inline::Text(std::mem::take(plain)));
    out.push(Inline::Var {
        name: name.clone(),
        text: var.text.clone(),
        link: var.link.clone(),
    });
}

fn var_index(c: char, vars: &[(String, Var)]) -> Option<usize> {
    let code = c as u32;
    (VAR_BASE..VAR_END)
        .contains(&code)
        .then(|| (code - VAR_BASE) as usize)
        .filter(|&i| i < vars.len())
}

/// Variable values in a link target, as plain text.
fn substitute_vars(dest: &str, vars: &[(String, Var)]) -> String {
    dest.chars()
        .filter(|&c| c != FSI && c != PDI)
        .map(|c| match var_index(c, vars) {
            Some(v) => vars[v].1.text.clone(),
            None => c.to_string(),
        })
        .collect()
}

#[cfg(test)]
mod tests;
