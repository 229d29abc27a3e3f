//! One message of a `.ftl` file, edited as plain text: what a volunteer
//! types on the translation page (lines, `**bold**`, `[links](…)`, and
//! the variables the page writes as `{ $name }`) made into a Fluent
//! value that says what they typed and nothing more, and back; and that
//! value put into a locale's file in place of the message's old one,
//! every other byte of the file as it was. Whether the value is right is
//! not judged here: the caller checks the file as `kyr check` does.
//!
//! Typed text is plain text but for `{ … }`: braces around a variable,
//! term or message name (`{ $hotline }`, `{ -brand }`, `{ title }`) are
//! a reference; braces around text holding a `$` (a variable mistyped:
//! `{ “$hotline” }`, `{ $hotline` left open) are given to Fluent as they
//! are, so the check says where the mistake is; any other brace is text,
//! written `{"{"}`. A line that would start with `[`, `*` or `.` is
//! quoted the same way, as Fluent would read those as the start of a
//! variant or an attribute. Every line of a value of several lines is
//! indented, so nothing typed can start another message.

use std::ops::Range;

use fluent_syntax::ast;

/// A value to write: its lines as Fluent reads them, and where in the
/// typed text each byte of them came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Value {
    /// The typed text, its line ends made `\n` and control characters
    /// taken out: what positions are counted in.
    pub(crate) typed: String,
    /// Each line of the value in Fluent, without indentation.
    lines: Vec<Line>,
}

/// A line of a value in Fluent, with the offset in the typed text each of
/// its bytes came from.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Line {
    text: String,
    from: Vec<usize>,
}

impl Line {
    fn push(&mut self, text: &str, from: usize) {
        self.text.push_str(text);
        self.from.extend(std::iter::repeat_n(from, text.len()));
    }

    /// Text typed from `from` on, written as it is.
    fn push_typed(&mut self, text: &str, from: usize) {
        self.text.push_str(text);
        self.from.extend(from..from + text.len());
    }
}

impl Value {
    /// Whether nothing but spaces was typed.
    pub(crate) fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// The value as written after `id =` in a file whose lines end with
    /// `eol`: ` text` on one line, or each line indented on a line of its
    /// own; and for each byte, the offset in the typed text it came from
    /// (`None` for the indentation and line ends kyr adds).
    pub(crate) fn written(&self, eol: &str) -> (String, Vec<Option<usize>>) {
        let mut out = Line {
            text: String::new(),
            from: Vec::new(),
        };
        let mut added = Vec::new();
        if let [line] = self.lines.as_slice() {
            out.push(" ", usize::MAX);
            out.text.push_str(&line.text);
            out.from.extend(&line.from);
        } else {
            for line in &self.lines {
                out.push(eol, usize::MAX);
                if !line.text.is_empty() {
                    out.push(INDENT, usize::MAX);
                    out.text.push_str(&line.text);
                    out.from.extend(&line.from);
                }
            }
        }
        // kyr's own spaces and line ends came from no typed text.
        added.extend(out.from.iter().map(|&f| (f != usize::MAX).then_some(f)));
        (out.text, added)
    }
}

/// How each line of a value of several lines is indented.
const INDENT: &str = "    ";

/// The Fluent value of what a volunteer typed (see the module's words).
pub(crate) fn value_of(typed: &str) -> Value {
    let typed =
        crate::base::text::without_controls(&typed.replace("\r\n", "\n").replace('\r', "\n"));
    let mut lines = Vec::new();
    let mut start = 0;
    for raw in typed.split('\n') {
        lines.push(line_of(raw, start));
        start += raw.len() + 1;
    }
    // Fluent drops blank lines around a value, and the spaces that end it.
    while lines
        .last()
        .is_some_and(|l: &Line| l.text.trim().is_empty())
    {
        lines.pop();
    }
    let blank = lines
        .iter()
        .take_while(|l| l.text.trim().is_empty())
        .count();
    lines.drain(..blank);
    let several = lines.len() > 1;
    for line in &mut lines {
        if line.text.trim().is_empty() {
            line.text.clear();
            line.from.clear();
        } else if several {
            quote_leading(line);
        }
    }
    Value { typed, lines }
}

/// A line of a value of several lines that would start with `[`, `*` or
/// `.` (a variant or an attribute, to Fluent) starts with it quoted.
fn quote_leading(line: &mut Line) {
    let at = line.text.len() - line.text.trim_start_matches(' ').len();
    let Some(c) = line.text[at..].chars().next() else {
        return;
    };
    if matches!(c, '[' | '*' | '.') {
        let quoted = format!("{{\"{c}\"}}");
        let from = line.from[at];
        line.text.replace_range(at..at + 1, &quoted);
        line.from
            .splice(at..at + 1, std::iter::repeat_n(from, quoted.len()));
    }
}

/// One typed line (starting at `start` of the typed text) in Fluent.
fn line_of(raw: &str, start: usize) -> Line {
    let mut line = Line {
        text: String::new(),
        from: Vec::new(),
    };
    let mut i = 0;
    let mut raw_close: Option<usize> = None;
    while i < raw.len() {
        let c = raw[i..].chars().next().unwrap_or(' ');
        let at = start + i;
        match c {
            '{' => {
                let (placed, used) = placeable(&raw[i..]);
                match placed {
                    Placed::Reference(text) => line.push(&text, at),
                    Placed::Raw => {
                        line.push_typed("{", at);
                        raw_close = raw[i..].find('}').map(|c| i + c);
                    }
                    Placed::Text => line.push("{\"{\"}", at),
                }
                i += used;
                continue;
            }
            '}' if raw_close == Some(i) => {
                line.push_typed("}", at);
                raw_close = None;
            }
            '}' => line.push("{\"}\"}", at),
            _ => line.push_typed(&raw[i..i + c.len_utf8()], at),
        }
        i += c.len_utf8();
    }
    line
}

/// What a `{` typed as text is.
enum Placed {
    /// A reference, as Fluent writes it.
    Reference(String),
    /// The start of something Fluent should judge (a mistyped variable).
    Raw,
    /// A brace as text.
    Text,
}

/// What the `{` that starts `rest` is, and how many bytes of `rest` it
/// takes.
fn placeable(rest: &str) -> (Placed, usize) {
    let after = &rest[1..];
    let close = after.find('}').filter(|&c| !after[..c].contains('{'));
    if let Some(close) = close {
        let inner = after[..close].trim_matches(' ');
        if is_reference(inner) {
            return (Placed::Reference(format!("{{ {inner} }}")), close + 2);
        }
        if inner.contains('$') {
            return (Placed::Raw, 1);
        }
        return (Placed::Text, 1);
    }
    let open = after.find('{').unwrap_or(after.len());
    if after[..open].contains('$') {
        (Placed::Raw, 1)
    } else {
        (Placed::Text, 1)
    }
}

/// Whether `inner` names a variable (`$name`), term (`-name`, with an
/// attribute) or message (`name`, with an attribute).
fn is_reference(inner: &str) -> bool {
    let name = inner
        .strip_prefix('$')
        .or_else(|| inner.strip_prefix('-'))
        .unwrap_or(inner);
    let (name, attribute) = match name.split_once('.') {
        Some((name, attribute)) if !inner.starts_with('$') => (name, Some(attribute)),
        _ => (name, None),
    };
    is_identifier(name) && attribute.is_none_or(is_identifier)
}

/// A Fluent identifier: a letter, then letters, digits, `-` and `_`.
fn is_identifier(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_alphabetic())
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// What the field of the translation page starts with for a message's
/// value: its text, references as `{ $name }`. `None` when the value uses
/// what plain text cannot say (a choice by number, a function): such a
/// message is edited in its file.
pub(crate) fn typed_of(pattern: &ast::Pattern<&str>) -> Option<String> {
    let mut typed = String::new();
    for element in &pattern.elements {
        match element {
            ast::PatternElement::TextElement { value } => typed.push_str(&value.replace('\r', "")),
            ast::PatternElement::Placeable { expression } => {
                let ast::Expression::Inline(inline) = expression else {
                    return None;
                };
                typed.push_str(&inline_typed(inline)?);
            }
        }
    }
    Some(typed)
}

/// An inline expression as typed text.
fn inline_typed(inline: &ast::InlineExpression<&str>) -> Option<String> {
    let attr = |a: &Option<ast::Identifier<&str>>| {
        a.as_ref()
            .map(|a| format!(".{}", a.name))
            .unwrap_or_default()
    };
    Some(match inline {
        ast::InlineExpression::StringLiteral { value } => {
            fluent_syntax::unicode::unescape_unicode_to_string(value).into_owned()
        }
        ast::InlineExpression::NumberLiteral { value } => (*value).to_owned(),
        ast::InlineExpression::VariableReference { id } => format!("{{ ${} }}", id.name),
        ast::InlineExpression::MessageReference { id, attribute } => {
            format!("{{ {}{} }}", id.name, attr(attribute))
        }
        ast::InlineExpression::TermReference {
            id,
            attribute,
            arguments: None,
        } => format!("{{ -{}{} }}", id.name, attr(attribute)),
        _ => return None,
    })
}

/// A file with one message's value replaced (or the message added).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Replaced {
    /// The whole file, BOM and line ends as they were.
    pub(crate) text: String,
    /// Where the message is in it, from its id to the end of its last
    /// line (attributes included, line end not).
    pub(crate) entry: Range<usize>,
    /// Where the value written is in it.
    pub(crate) value: Range<usize>,
    /// For each byte of the value written, where in the typed text it
    /// came from.
    pub(crate) from: Vec<Option<usize>>,
}

impl Replaced {
    /// Where in the typed text the byte at `offset` of the file came
    /// from, when it is in the value: the indentation kyr adds leads to
    /// the text typed after it.
    pub(crate) fn typed_offset(&self, offset: usize) -> Option<usize> {
        if !self.value.contains(&offset) {
            return None;
        }
        self.from[offset - self.value.start..]
            .iter()
            .flatten()
            .next()
            .copied()
    }
}

/// Why a message cannot be replaced in a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Refusal {
    /// The id is defined more than once in the file.
    Twice,
}

/// `file` (a `.ftl` file's text, BOM and all) with message `id`'s value
/// replaced by `value`: its comment, its attributes and every other byte
/// kept; a definition Fluent could not read (junk starting with `id =`)
/// is replaced whole. A message the file does not have is added at its
/// end.
pub(crate) fn replace(file: &str, id: &str, value: &Value) -> Result<Replaced, Refusal> {
    let bom = if file.starts_with('\u{FEFF}') {
        "\u{FEFF}"
    } else {
        ""
    };
    let body = &file[bom.len()..];
    let eol = if crate::base::text::Form::of(body.as_bytes()).crlf {
        "\r\n"
    } else {
        "\n"
    };
    let found = find(body, id);
    let (written, from) = value.written(eol);
    let (range, head) = match found.as_slice() {
        [] => (body.len()..body.len(), appended_head(body, id, eol)),
        [Found::Message { value, .. }] => (value.clone(), String::new()),
        [Found::Junk(range)] => (range.clone(), format!("{id} =")),
        _ => return Err(Refusal::Twice),
    };
    let tail = if found.is_empty() { eol } else { "" };
    let mut text = String::with_capacity(file.len() + written.len() + head.len());
    text.push_str(bom);
    text.push_str(&body[..range.start]);
    text.push_str(&head);
    let value_start = text.len();
    text.push_str(&written);
    let value_end = text.len();
    text.push_str(tail);
    text.push_str(&body[range.end..]);
    let entry_start = match found.first() {
        Some(Found::Message { id_at, .. }) => bom.len() + id_at,
        _ => value_start - head.len() + head.find(id).unwrap_or(0),
    };
    let entry_end = match found.first() {
        Some(Found::Message { end, .. }) => value_end + (end - range.end),
        _ => value_end,
    };
    Ok(Replaced {
        text,
        entry: entry_start..entry_end,
        value: value_start..value_end,
        from,
    })
}

/// What goes before a new message added at the end of `body`: a line end
/// when the last line has none, a blank line after a comment (which would
/// otherwise become the new message's own), and `id =`.
fn appended_head(body: &str, id: &str, eol: &str) -> String {
    let mut head = String::new();
    if !body.is_empty() && !body.ends_with('\n') {
        head.push_str(eol);
    }
    let last = body.trim_end().rsplit('\n').next().unwrap_or("");
    if last.starts_with('#') {
        head.push_str(eol);
    }
    head.push_str(id);
    head.push_str(" =");
    head
}

/// Where message `id` is defined in a file's text.
enum Found {
    /// A message Fluent reads: where its id is, where its value is (after
    /// `=`, up to its attributes or its last line's end), and where its
    /// last line ends (before the line end).
    Message {
        id_at: usize,
        value: Range<usize>,
        end: usize,
    },
    /// A definition Fluent could not read, up to its last line's end.
    Junk(Range<usize>),
}

/// Every definition of message `id` in `body` (a file's text without BOM).
fn find(body: &str, id: &str) -> Vec<Found> {
    let resource = match fluent_syntax::parser::parse(body) {
        Ok(resource) | Err((resource, _)) => resource,
    };
    let base = body.as_ptr() as usize;
    let offset = |s: &str| s.as_ptr() as usize - base;
    let starts: Vec<usize> = resource
        .body
        .iter()
        .filter_map(|entry| match entry {
            ast::Entry::Message(m) => Some(offset(m.id.name)),
            ast::Entry::Term(t) => Some(offset(t.id.name) - 1),
            ast::Entry::Junk { content } => Some(offset(content)),
            _ => None,
        })
        .collect();
    let mut found = Vec::new();
    for entry in &resource.body {
        match entry {
            ast::Entry::Message(m) if m.id.name == id => {
                let id_at = offset(m.id.name);
                let end = entry_end(body, id_at, &starts);
                let after_id = id_at + id.len();
                let equals = after_id + body[after_id..].find('=').unwrap_or(0);
                let value_end = match m.attributes.first() {
                    Some(a) => line_end_before(body, offset(a.id.name)),
                    None => end,
                };
                found.push(Found::Message {
                    id_at,
                    value: equals + 1..value_end.max(equals + 1),
                    end,
                });
            }
            ast::Entry::Junk { content } if names(content, id) => {
                let start = offset(content);
                found.push(Found::Junk(start..start + content.trim_end().len()));
            }
            _ => {}
        }
    }
    found
}

/// Whether junk is a definition of `id` (`id =` at its start).
fn names(junk: &str, id: &str) -> bool {
    junk.strip_prefix(id)
        .is_some_and(|rest| rest.trim_start_matches(' ').starts_with('='))
}

/// Where the entry whose id is at `id_at` ends: the end of its last line
/// that is not blank, before the next entry (or a comment) starts.
fn entry_end(body: &str, id_at: usize, starts: &[usize]) -> usize {
    let next = starts
        .iter()
        .copied()
        .filter(|&s| s > id_at)
        .min()
        .unwrap_or(body.len());
    let mut end = id_at;
    let mut at = id_at;
    while at < next {
        let line_end = body[at..].find('\n').map_or(body.len(), |n| at + n);
        let line = body[at..line_end].trim_end_matches('\r');
        if at > id_at && line.starts_with('#') {
            break;
        }
        if !line.trim().is_empty() {
            end = at + line.len();
        }
        at = line_end + 1;
    }
    end
}

/// The end of the line before the one holding `offset` (before its line
/// end).
fn line_end_before(body: &str, offset: usize) -> usize {
    let line_start = body[..offset].rfind('\n').map_or(0, |n| n + 1);
    let end = line_start.saturating_sub(1);
    if end > 0 && body.as_bytes().get(end - 1) == Some(&b'\r') {
        end - 1
    } else {
        end
    }
}

#[cfg(test)]
mod tests;
