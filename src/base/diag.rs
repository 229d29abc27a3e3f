//! Diagnostics: source files, spans, severities, a sink that collects them,
//! and rendering as `path:line:col: error: message` with the source line and
//! a caret. Producers store byte ranges; lines and columns are computed only
//! when printing.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use anstyle::{AnsiColor, Style};
use serde::{Deserialize, Serialize};

/// Index of a file in [`Files`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FileId(usize);

/// A source file that diagnostics can point into.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path shown to the user, relative to the project root.
    pub path: PathBuf,
    /// The text as read, after UTF-8 decoding.
    pub text: String,
    /// Byte offset of each line's start, computed when first needed.
    line_starts: OnceLock<Vec<usize>>,
}

impl SourceFile {
    /// 1-based line and column (in characters) of a byte offset; each
    /// lookup is a binary search, so thousands of diagnostics in one big
    /// file stay fast.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let text = &self.text;
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let starts = self.line_starts.get_or_init(|| line_starts(text));
        let line = starts.partition_point(|&start| start <= offset);
        let start = starts[line - 1];
        (line, text[start..offset].chars().count() + 1)
    }

    /// The text of the line holding a byte offset, without its line end.
    pub fn line_text(&self, offset: usize) -> &str {
        let text = &self.text;
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let starts = self.line_starts.get_or_init(|| line_starts(text));
        let line = starts.partition_point(|&start| start <= offset);
        let rest = &text[starts[line - 1]..];
        rest.find(['\n', '\r']).map_or(rest, |end| &rest[..end])
    }
}

/// Where each line starts: after `\n`, or after a CR not followed by `\n`.
fn line_starts(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut starts = vec![0];
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
            starts.push(i + 1);
        }
    }
    starts
}

/// Every source file loaded for a build, so diagnostics can quote them.
#[derive(Debug, Default, Clone)]
pub struct Files {
    files: Vec<SourceFile>,
    /// Each path (as shown) and its first file, built when first needed.
    by_path: OnceLock<HashMap<String, FileId>>,
}

impl Files {
    /// Adds a file and returns its id.
    pub fn add(&mut self, path: impl Into<PathBuf>, text: String) -> FileId {
        self.files.push(SourceFile {
            path: path.into(),
            text,
            line_starts: OnceLock::new(),
        });
        self.by_path = OnceLock::new();
        FileId(self.files.len() - 1)
    }

    /// The file at a path as diagnostics show it (`locales/fr/door.ftl`).
    pub fn find(&self, path: &str) -> Option<FileId> {
        let by_path = self.by_path.get_or_init(|| {
            let mut by_path = HashMap::new();
            for (i, file) in self.files.iter().enumerate() {
                by_path.entry(display_path(&file.path)).or_insert(FileId(i));
            }
            by_path
        });
        by_path.get(path).copied()
    }

    /// Every file, in the order they were added.
    pub fn iter(&self) -> impl Iterator<Item = &SourceFile> {
        self.files.iter()
    }

    /// The file with this id.
    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id.0]
    }

    /// The text of the file with this id.
    pub fn text(&self, id: FileId) -> &str {
        &self.files[id.0].text
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, id: FileId, offset: usize) -> (usize, usize) {
        self.files[id.0].line_col(offset)
    }
}

/// 1-based line and column (in characters) of a byte offset in `text`.
/// A lone CR counts as a line break, as it does for Markdown and Fluent.
pub(crate) fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = floor_char_boundary(text, offset.min(text.len()));
    let before = &text[..offset];
    let line_start = line_start(before);
    let line = before[..line_start]
        .char_indices()
        .filter(|&(i, c)| c == '\n' || (c == '\r' && !before[i + 1..].starts_with('\n')))
        .count()
        + 1;
    (line, before[line_start..].chars().count() + 1)
}

fn line_start(before: &str) -> usize {
    before.rfind(['\n', '\r']).map_or(0, |i| i + 1)
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// A byte range in a source file.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Span {
    /// The file.
    pub file: FileId,
    /// Byte range in the file's text.
    pub range: Range<usize>,
}

impl Span {
    /// A span in `file`.
    pub fn new(file: FileId, range: Range<usize>) -> Self {
        Span { file, range }
    }
}

/// How bad a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The output is still written.
    Warning,
    /// The build exits 1. An output the error leaves with nothing correct
    /// to show is not written; a message with an error falls back instead.
    Error,
}

/// One problem found in the content, the configuration or the templates.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// Lowercase text, no trailing period.
    pub message: String,
    /// Where the problem is, when it is in a file.
    pub span: Option<Span>,
    /// Extra lines printed as `= hint: ...`.
    pub hints: Vec<String>,
    /// A stable name for the kind of problem (`ftl-syntax`), for CI; owned
    /// only when read back from a build's record.
    pub code: Cow<'static, str>,
    /// The locale and message the problem is in, when it is in one.
    pub in_message: Option<Box<InMessage>>,
}

/// The message a diagnostic is about.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct InMessage {
    /// Locale tag.
    pub locale: String,
    /// Message id (`id` or `id.attr`).
    pub message_id: String,
}

/// How warnings count: under `--strict` a warning is an error, except
/// one whose code `--allow` names (`--allow example-value` for a project
/// whose contacts are examples on purpose).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Strict {
    on: bool,
    allow: &'static [String],
}

impl Strict {
    /// Warnings stay warnings.
    pub const OFF: Strict = Strict {
        on: false,
        allow: &[],
    };

    /// `--strict` (`on`) with the codes `--allow` names. The list lives as
    /// long as the program: one per command run.
    pub fn new(on: bool, allow: Vec<String>) -> Self {
        let allow: &'static [String] = if allow.is_empty() {
            &[]
        } else {
            Box::leak(allow.into_boxed_slice())
        };
        Strict { on, allow }
    }

    /// Whether `--strict` was asked for.
    pub fn is_on(self) -> bool {
        self.on
    }

    /// Whether a warning with this code is an error.
    pub fn promotes(self, code: &str) -> bool {
        self.on && !self.allow.iter().any(|allowed| allowed == code)
    }
}

impl From<bool> for Strict {
    fn from(on: bool) -> Self {
        Strict { on, allow: &[] }
    }
}

impl Diagnostic {
    /// Under `--strict` a warning is an error (unless `--allow` names its
    /// code): the one place that rule is applied, by every command that
    /// reports.
    pub fn promote(mut self, strict: Strict) -> Self {
        if strict.promotes(&self.code) && self.severity == Severity::Warning {
            self.severity = Severity::Error;
        }
        self
    }

    /// An error.
    pub fn error(message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            message: message.into(),
            span: None,
            hints: Vec::new(),
            code: Cow::Borrowed("kyr"),
            in_message: None,
        }
    }

    /// A warning.
    pub fn warning(message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(message)
        }
    }

    /// Sets where the problem is.
    pub fn at(mut self, span: Span) -> Self {
        self.span = Some(span);
        self
    }

    /// Sets where the problem is, if known.
    pub fn at_opt(mut self, span: Option<Span>) -> Self {
        self.span = span;
        self
    }

    /// Adds a hint line.
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hints.push(hint.into());
        self
    }

    /// Sets the kind of problem.
    pub fn code(mut self, code: &'static str) -> Self {
        self.code = Cow::Borrowed(code);
        self
    }

    /// Sets the locale and message the problem is in.
    pub fn in_message(mut self, locale: &str, message_id: &str) -> Self {
        self.in_message = Some(Box::new(InMessage {
            locale: locale.to_owned(),
            message_id: message_id.to_owned(),
        }));
        self
    }

    /// True for errors.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Collects diagnostics, dropping exact duplicates (a broken message used by
/// several documents is reported once).
#[derive(Debug, Default)]
pub struct Sink {
    diagnostics: Vec<Diagnostic>,
    seen: std::collections::HashSet<Diagnostic>,
}

impl Sink {
    /// Adds a diagnostic unless the same one is already there.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        if self.seen.insert(diagnostic.clone()) {
            self.diagnostics.push(diagnostic);
        }
    }

    /// Adds every diagnostic of `other`.
    pub fn extend(&mut self, other: impl IntoIterator<Item = Diagnostic>) {
        for d in other {
            self.push(d);
        }
    }

    /// The diagnostics in the order they were found.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    /// Number of errors.
    pub fn error_count(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }

    /// Number of warnings.
    pub fn warning_count(&self) -> usize {
        self.diagnostics.len() - self.error_count()
    }

    /// True when there is at least one error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

const ERROR: Style = AnsiColor::Red.on_default().bold();
const WARNING: Style = AnsiColor::Yellow.on_default().bold();
const GUTTER: Style = AnsiColor::Blue.on_default().bold();
const BOLD: Style = Style::new().bold();

/// Renders one diagnostic with ANSI styles; strip them for plain output
/// (anstream does so when colour is off).
///
/// ```text
/// locales/fr/door.ftl:3:12: error: expected `=`
///   3 | door-title Si des agents
///     |            ^
///   = hint: ...
/// ```
pub fn render(files: &Files, d: &Diagnostic) -> String {
    let mut out = String::new();
    let (label, style) = match d.severity {
        Severity::Error => ("error", ERROR),
        Severity::Warning => ("warning", WARNING),
    };
    let mut snippet = None;
    if let Some(span) = &d.span {
        let file = files.get(span.file);
        let (line, col) = file.line_col(span.range.start);
        let _ = write!(
            out,
            "{BOLD}{}:{line}:{col}:{BOLD:#} ",
            display_path(&file.path)
        );
        // A recording (read as bytes, kept as an empty text) or an empty
        // file has no line to show.
        if !file.text.is_empty() {
            snippet = Some((file, line, span));
        }
    }
    let _ = writeln!(out, "{style}{label}:{style:#} {BOLD}{}{BOLD:#}", d.message);
    if let Some((file, line, span)) = snippet {
        let text = &file.text;
        let start = floor_char_boundary(text, span.range.start.min(text.len()));
        let line_begin = line_start(&text[..start]);
        let line_end = text[start..]
            .find(['\n', '\r'])
            .map_or(text.len(), |i| start + i);
        let end = floor_char_boundary(text, span.range.end.clamp(start, line_end));
        // A very long line is shown only around the problem.
        let caret_end = ahead_chars(text, start, end, QUOTE_CONTEXT * 2);
        let shown_begin = back_chars(text, line_begin, start, QUOTE_CONTEXT);
        let shown_end = ahead_chars(text, caret_end, line_end, QUOTE_CONTEXT);
        let mut source_line = String::new();
        if shown_begin > line_begin {
            source_line.push('…');
        }
        source_line.push_str(&printable(&text[shown_begin..shown_end]));
        if shown_end < line_end {
            source_line.push('…');
        }
        let pad = text[shown_begin..start].chars().count() + usize::from(shown_begin > line_begin);
        let width = text[start..caret_end].chars().count().max(1);
        let number = line.to_string();
        let blank = " ".repeat(number.len());
        let _ = writeln!(out, "{GUTTER}{number} |{GUTTER:#} {source_line}",);
        let _ = writeln!(
            out,
            "{GUTTER}{blank} |{GUTTER:#} {}{style}{}{style:#}",
            " ".repeat(pad),
            "^".repeat(width)
        );
    }
    for hint in &d.hints {
        let _ = writeln!(out, "  = {BOLD}hint:{BOLD:#} {hint}");
    }
    out
}

/// Characters of a source line quoted on each side of a problem.
const QUOTE_CONTEXT: usize = 60;

/// The byte offset `n` characters before `from`, but not before `limit`.
fn back_chars(text: &str, limit: usize, from: usize, n: usize) -> usize {
    text[limit..from]
        .char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(limit, |(i, _)| limit + i)
}

/// The byte offset `n` characters after `from`, but not after `limit`.
fn ahead_chars(text: &str, from: usize, limit: usize, n: usize) -> usize {
    text[from..limit]
        .char_indices()
        .nth(n)
        .map_or(limit, |(i, _)| from + i)
}

/// One diagnostic as a JSON object on one line, for CI annotations:
/// severity, code, file, line, column, message, hints, locale, message id.
/// Locale and message id are taken from the file's place under
/// `locales/<tag>/` when the diagnostic does not carry them.
pub fn to_json(
    files: &Files,
    d: &Diagnostic,
    message_at: impl Fn(&Span) -> Option<String>,
) -> String {
    to_json_value(files, d, message_at).to_string()
}

/// A diagnostic as a JSON object (see [`to_json`]).
pub(crate) fn to_json_value(
    files: &Files,
    d: &Diagnostic,
    message_at: impl Fn(&Span) -> Option<String>,
) -> serde_json::Value {
    let mut file = None;
    let (mut line, mut column) = (None, None);
    let mut locale = d.in_message.as_ref().map(|m| m.locale.clone());
    let mut message_id = d.in_message.as_ref().map(|m| m.message_id.clone());
    if let Some(span) = &d.span {
        let source = files.get(span.file);
        let path = display_path(&source.path);
        let (l, c) = source.line_col(span.range.start);
        line = Some(l);
        column = Some(c);
        if locale.is_none() {
            let mut parts = path.split('/');
            if parts.next() == Some("locales") {
                locale = parts.next().map(str::to_owned);
            }
        }
        if message_id.is_none() {
            message_id = message_at(span);
        }
        file = Some(path);
    }
    serde_json::json!({
        "severity": match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        },
        "code": d.code,
        "file": file,
        "line": line,
        "column": column,
        "message": d.message,
        "hints": d.hints,
        "locale": locale,
        "message_id": message_id,
    })
}

/// Replaces tabs (so carets line up) and control characters (so a hostile
/// file cannot drive the terminal) in a quoted source line.
fn printable(line: &str) -> String {
    line.chars()
        .map(|c| match c {
            '\t' => ' ',
            // Controls could drive the terminal; bidi controls could
            // reorder the quoted line itself.
            c if c.is_control()
                || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}') =>
            {
                '\u{FFFD}'
            }
            c => c,
        })
        .collect()
}

/// Parsers' messages (serde, Fluent) start with a capital or end with a
/// period at times; ours do not.
pub(crate) fn lowercase_message(message: &str) -> String {
    let message = message.trim().trim_end_matches('.');
    let mut chars = message.chars();
    match chars.next() {
        Some(first) if chars.clone().next().is_some_and(char::is_lowercase) => {
            first.to_lowercase().chain(chars).collect()
        }
        _ => message.to_owned(),
    }
}

/// Paths print with forward slashes so messages are the same everywhere.
pub(crate) fn display_path(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

/// `1 file`, `2 files`, `0 files`: a count with its noun in the right
/// number (for the summaries kyr prints in English).
pub(crate) fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A size as a reader says it: `1.5 MB`, `300 KB`, `12 bytes`.
pub(crate) fn human_size(bytes: u64) -> String {
    const KB: f64 = 1024.0;
    let b = bytes as f64;
    if b >= KB * KB {
        format!("{:.1} MB", b / (KB * KB))
    } else if b >= KB {
        format!("{:.0} KB", b / KB)
    } else {
        format!("{bytes} bytes")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(s: &str) -> String {
        anstream::adapter::strip_str(s).to_string()
    }

    #[test]
    fn line_col_counts_characters_and_line_endings() {
        let text = "ab\r\ncé\rxyz\nq";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 4), (2, 1));
        assert_eq!(line_col(text, 7), (2, 3));
        assert_eq!(line_col(text, 8), (3, 1));
        assert_eq!(line_col(text, 12), (4, 1));
        let mut files = Files::default();
        let id = files.add("a.ftl", text.to_owned());
        for offset in [0, 4, 7, 8, 12, text.len()] {
            assert_eq!(
                files.line_col(id, offset),
                line_col(text, offset),
                "at {offset}"
            );
        }
    }

    #[test]
    fn renders_location_source_line_and_caret() {
        let mut files = Files::default();
        let id = files.add("locales/fr/door.ftl", "a = b\nbad line here\n".into());
        let d = Diagnostic::error("expected `=`")
            .at(Span::new(id, 10..14))
            .hint("write `id = text`");
        assert_eq!(
            plain(&render(&files, &d)),
            "locales/fr/door.ftl:2:5: error: expected `=`\n\
             2 | bad line here\n  \
             |     ^^^^\n  \
             = hint: write `id = text`\n"
        );
    }

    #[test]
    fn sink_drops_duplicates() {
        let mut sink = Sink::default();
        sink.push(Diagnostic::warning("x"));
        sink.push(Diagnostic::warning("x"));
        sink.push(Diagnostic::error("y"));
        assert_eq!(sink.diagnostics().len(), 2);
        assert_eq!(sink.error_count(), 1);
    }
}
