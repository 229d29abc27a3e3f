//! `kyr extract`: a plain Markdown document written in the reference
//! language -> a skeleton whose headings and paragraphs are message
//! references, plus the messages in `locales/<reference>/<doc>.ftl`.
//! Ids are readable (`door-if-agents-come`); an existing id is never
//! overwritten, and a document already extracted is left as it is, so
//! running it twice changes nothing. The original is kept beside the
//! skeleton as `<doc>.md.orig` unless asked not to.

use std::ops::Range;
use std::path::{Path, PathBuf};

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use crate::base::diag::display_path;
use crate::base::error::Error;
use crate::commands::{Before, Outcome, PlannedWrite, read_edited};
use crate::doc::split_front_matter;
use crate::i18n::LocaleBundle;
use crate::project::{self, Project};

/// What `kyr extract` is asked for.
#[derive(Debug, Clone, Default)]
pub struct ExtractOptions {
    /// The Markdown document, in the project's `content/` folder (a
    /// relative path is from the current folder).
    pub document: PathBuf,
    /// Replace the document without keeping its original.
    pub in_place: bool,
}

/// What `kyr extract` did.
#[derive(Debug)]
pub struct ExtractReport {
    /// How many messages were added.
    pub messages: usize,
    /// The skeleton, relative to the project.
    pub skeleton: PathBuf,
    /// The reference messages' file, relative to the project.
    pub ftl: PathBuf,
}

/// `kyr extract`: the new skeleton (and the original kept beside it),
/// and the reference messages' file with the new messages. A file that is
/// not a Markdown document in `content/`, or whose name cannot be a
/// document's, is a usage error.
pub fn run(project: &Project, options: &ExtractOptions) -> Result<Outcome<ExtractReport>, Error> {
    let name = located(project, &options.document)?;
    let skeleton = Path::new("content").join(format!("{name}.md"));
    let skeleton_before = read_edited(&project.root, &skeleton)?;
    let Before::Held(bytes) = &skeleton_before else {
        return Err(Error::Usage(format!(
            "cannot read `{}`: it is gone",
            options.document.display()
        )));
    };
    let text = String::from_utf8_lossy(bytes).into_owned();
    let reference = &project.config.reference;
    let ftl = Path::new("locales")
        .join(reference)
        .join(format!("{name}.ftl"));
    let ftl_before = read_edited(&project.root, &ftl)?;
    let existing = match &ftl_before {
        Before::Held(bytes) => String::from_utf8(bytes.clone()).ok(),
        Before::Absent | Before::Unchecked => None,
    };
    let out = extract(
        &name,
        &text,
        existing.as_deref(),
        project.catalog.get(reference),
        &reference_vars(project),
    );
    let mut writes = Vec::new();
    if out.skeleton != text {
        if !options.in_place {
            writes.push(kept_original(project, &name, &text)?);
        }
        writes
            .push(PlannedWrite::new(&project.root, &skeleton, out.skeleton).over(skeleton_before));
    }
    if existing.as_deref() != Some(out.messages.as_str()) {
        writes.push(PlannedWrite::new(&project.root, &ftl, out.messages).over(ftl_before));
    }
    let report = ExtractReport {
        messages: out.added.len(),
        skeleton,
        ftl,
    };
    Ok(Outcome { writes, report })
}

/// The document's name, once it is known to be a
/// Markdown file right in the project's `content/` folder, named as a
/// document must be.
fn located(project: &Project, document: &Path) -> Result<String, Error> {
    let real = document
        .canonicalize()
        .map_err(|e| Error::Usage(format!("cannot read `{}`: {e}", document.display())))?;
    let inside = project
        .root
        .join("content")
        .canonicalize()
        .is_ok_and(|dir| real.parent() == Some(dir.as_path()));
    let name = real
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    if !inside || real.extension().and_then(|e| e.to_str()) != Some("md") {
        return Err(Error::Usage(format!(
            "`{}` is not a Markdown file in the project's `content/` folder",
            document.display()
        )));
    }
    if !project::is_document_name(&name) {
        let suggested = project::suggested_document_name(&name);
        return Err(Error::Usage(format!(
            "`{name}` cannot be a document name: it becomes every output's file name and address, so it must use lowercase letters, digits, `-` and `_` (and not be `index` or a name Windows reserves); rename the file, for example to `content/{suggested}.md`"
        )));
    }
    Ok(name)
}

/// The original document, kept beside the skeleton (a `.orig` file is
/// not a document), never over an earlier one.
fn kept_original(project: &Project, name: &str, text: &str) -> Result<PlannedWrite, Error> {
    let kept = Path::new("content").join(format!("{name}.md.orig"));
    if project.root.join(&kept).exists() {
        return Err(Error::Usage(format!(
            "`{}` already exists; move it away, or pass --in-place to replace the document without keeping its original",
            display_path(&kept)
        )));
    }
    Ok(PlannedWrite::new(&project.root, kept, text))
}

/// The reference locale's variables, (name, text).
fn reference_vars(project: &Project) -> Vec<(String, String)> {
    project
        .config
        .locale(&project.config.reference)
        .map(|locale| {
            locale
                .vars
                .iter()
                .map(|(name, var)| (name.clone(), var.text.clone()))
                .collect()
        })
        .unwrap_or_default()
}

/// What extraction produced.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Extracted {
    /// The new skeleton.
    pub skeleton: String,
    /// The new text of the reference `.ftl` file.
    pub messages: String,
    /// The ids added.
    pub added: Vec<String>,
}

/// A run of inline text: a heading's or a paragraph's content.
struct Run {
    range: Range<usize>,
    heading: bool,
    quoted: bool,
}

/// Extracts `text` (the document `name`). `existing` is the current text
/// of its `.ftl` file, if any; `bundle` the reference locale, whose ids
/// must not be reused for other text; `vars` the project's variables
/// (name, text): text equal to a variable's value (a hotline, an
/// organization) becomes a reference to it, so an edition's or a
/// locale's own value is printed. New front matter leaves `last_reviewed`
/// for a person to fill in: extracting checks nothing.
pub(crate) fn extract(
    name: &str,
    text: &str,
    existing: Option<&str>,
    bundle: Option<&LocaleBundle>,
    vars: &[(String, String)],
) -> Extracted {
    let (front, body_start) = match split_front_matter(text) {
        Some((front, body)) => (Some(front), body),
        None => (None, 0),
    };
    let body = &text[body_start..];
    let mut messages = Messages {
        text: existing.unwrap_or("").to_owned(),
        existing,
        taken: taken_ids(existing, bundle),
        added: Vec::new(),
    };
    let mut replacements: Vec<(Range<usize>, String)> = Vec::new();
    let mut title: Option<String> = None;
    for run in runs(body) {
        let source = &body[run.range.clone()];
        let trimmed = source.trim();
        // Already a reference, or text mixing references: left alone.
        if trimmed.is_empty() || has_reference(trimmed) {
            if run.heading && title.is_none() {
                title = reference_id(trimmed);
            }
            continue;
        }
        let id = messages.add(name, &run, source, vars);
        if run.heading && title.is_none() {
            title = Some(id.clone());
        }
        replacements.push((run.range, format!("{{ {id} }}")));
    }

    let mut new_body = body.to_owned();
    for (range, reference) in replacements.into_iter().rev() {
        new_body.replace_range(range, &reference);
    }
    let skeleton = match front {
        Some(_) => format!("{}{new_body}", &text[..body_start]),
        None => {
            let title = title.unwrap_or_else(|| format!("{name}-title"));
            format!(
                "+++\ntitle = \"{title}\"\n# Once a person has checked the content against its sources:\n# last_reviewed = YYYY-MM-DD\n# sources = [{{ name = \"...\", url = \"https://...\" }}]\n+++\n{new_body}"
            )
        }
    };
    Extracted {
        skeleton,
        messages: messages.text,
        added: messages.added,
    }
}

/// The reference `.ftl` file as extraction adds to it.
struct Messages<'a> {
    /// Its text so far.
    text: String,
    /// What it held before.
    existing: Option<&'a str>,
    /// Ids not to give to other text.
    taken: Vec<String>,
    /// Ids added.
    added: Vec<String>,
}

impl Messages<'_> {
    /// The id of a run's text: the one it already has in the file, or a
    /// new one, added with the text.
    fn add(&mut self, doc: &str, run: &Run, source: &str, vars: &[(String, String)]) -> String {
        let value = with_variables(&message_value(source, run.quoted), vars);
        // Ids name a variable where the text shows its value.
        let id = unique_id(
            doc,
            &with_variables(source.trim(), vars),
            run.heading,
            &value,
            &self.taken,
            self.existing,
        );
        if !self.taken.contains(&id) {
            self.taken.push(id.clone());
        }
        if !defined_in(self.existing, &id) {
            let messages = &mut self.text;
            if !messages.is_empty() && !messages.ends_with("\n\n") {
                messages.push_str(if messages.ends_with('\n') {
                    "\n"
                } else {
                    "\n\n"
                });
            }
            messages.push_str(&format!("{id} ={value}\n"));
            self.added.push(id.clone());
        }
        id
    }
}

/// The ids text must not take: the reference locale's, and those already
/// in the file, loaded or not.
fn taken_ids(existing: Option<&str>, bundle: Option<&LocaleBundle>) -> Vec<String> {
    let mut taken: Vec<String> = bundle
        .map(|b| b.sources.keys().cloned().collect())
        .unwrap_or_default();
    for line in existing.unwrap_or("").lines() {
        if let Some((id, _)) = line.split_once('=') {
            let id = id.trim();
            if !line.starts_with([' ', '#']) && crate::base::ident::is_identifier(id) {
                taken.push(id.to_owned());
            }
        }
    }
    taken
}

/// Whether an event is part of a run of inline text (text in a code
/// block is not).
fn is_inline(event: &Event, in_code: bool) -> bool {
    match event {
        Event::Text(_)
        | Event::Code(_)
        | Event::SoftBreak
        | Event::HardBreak
        | Event::InlineHtml(_)
        | Event::InlineMath(_)
        | Event::FootnoteReference(_) => !in_code,
        Event::Start(
            Tag::Emphasis | Tag::Strong | Tag::Strikethrough | Tag::Link { .. } | Tag::Image { .. },
        ) => true,
        Event::End(
            TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Link
            | TagEnd::Image,
        ) => true,
        _ => false,
    }
}

/// The inline runs of a Markdown body, in order.
fn runs(body: &str) -> Vec<Run> {
    let mut out = Vec::new();
    let mut current: Option<Run> = None;
    let mut heading = false;
    let mut quote_depth = 0usize;
    let mut in_code = false;
    let flush = |current: &mut Option<Run>, out: &mut Vec<Run>| {
        if let Some(run) = current.take() {
            out.push(run);
        }
    };
    for (event, range) in Parser::new(body).into_offset_iter() {
        let inline = is_inline(&event, in_code);
        if inline {
            match &mut current {
                Some(run) => run.range.end = run.range.end.max(range.end),
                None => {
                    current = Some(Run {
                        range,
                        heading,
                        quoted: quote_depth > 0,
                    })
                }
            }
            continue;
        }
        flush(&mut current, &mut out);
        match event {
            Event::Start(Tag::Heading { .. }) => heading = true,
            Event::End(TagEnd::Heading(_)) => heading = false,
            Event::Start(Tag::BlockQuote(_)) => quote_depth += 1,
            Event::End(TagEnd::BlockQuote(_)) => quote_depth = quote_depth.saturating_sub(1),
            Event::Start(Tag::CodeBlock(_)) => in_code = true,
            Event::End(TagEnd::CodeBlock) => in_code = false,
            _ => {}
        }
    }
    flush(&mut current, &mut out);
    out
}

fn has_reference(text: &str) -> bool {
    let bytes = text.as_bytes();
    text.char_indices()
        .any(|(i, c)| c == '{' && (i == 0 || bytes[i - 1] != b'\\'))
}

fn reference_id(text: &str) -> Option<String> {
    let inner = text.strip_prefix('{')?.strip_suffix('}')?.trim();
    crate::base::ident::is_identifier(inner).then(|| inner.to_owned())
}

/// The Fluent value (after `id =`) for a run's Markdown source: one line,
/// or indented continuation lines; braces and line starts Fluent would
/// misread are escaped as string literals.
fn message_value(source: &str, quoted: bool) -> String {
    let lines: Vec<String> = source
        .trim()
        .lines()
        .map(|line| {
            let mut line = line.trim();
            if quoted {
                line = line.trim_start_matches('>').trim_start();
            }
            let escaped: String = line
                .chars()
                .map(|c| match c {
                    '{' | '}' => format!("{{\"{c}\"}}"),
                    c => c.to_string(),
                })
                .collect();
            match escaped.chars().next() {
                Some(first @ ('[' | '*' | '.')) => format!("{{\"{first}\"}}{}", &escaped[1..]),
                _ => escaped,
            }
        })
        .collect();
    match lines.as_slice() {
        [one] => format!(" {one}"),
        many => many
            .iter()
            .map(|l| format!("\n    {l}"))
            .collect::<String>(),
    }
}

/// Words an id does not end on (`rights-as-a` says nothing more than
/// `rights`).
const TRAILING_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "by", "for", "from", "her", "his", "if", "in", "is", "its", "my",
    "of", "on", "or", "our", "the", "their", "to", "with", "your",
];

/// A readable id: the document name and at most five whole words of the
/// text (leaving out the document's own name when the text starts with
/// it, and words like `a` or `the` at the end), made unique. The same
/// text under an existing id reuses it.
fn unique_id(
    doc: &str,
    text: &str,
    heading: bool,
    value: &str,
    taken: &[String],
    existing: Option<&str>,
) -> String {
    let words = id_words(doc, text);
    let base = match (words.is_empty(), heading) {
        (true, true) => format!("{doc}-title"),
        (true, false) => format!("{doc}-text"),
        (false, _) => format!("{doc}-{}", words.join("-")),
    };
    let mut n = 1;
    loop {
        let id = if n == 1 {
            base.clone()
        } else {
            format!("{base}-{n}")
        };
        let same_text = existing.is_some_and(|e| e.contains(&format!("{id} ={value}\n")));
        if same_text || !taken.contains(&id) {
            return id;
        }
        n += 1;
    }
}

/// At most five whole words of `text` for an id: what a reader sees (no
/// link targets), its first clause when that has two words or more,
/// without the document's own name in front or words like `a` or `the`
/// at the end.
fn id_words(doc: &str, text: &str) -> Vec<String> {
    // What a reader sees: without link targets (`[text](https://…)`).
    let mut shown = String::new();
    let mut rest = text;
    while let Some(at) = rest.find("](") {
        shown.push_str(&rest[..at]);
        rest = rest[at + 2..]
            .find(')')
            .map_or("", |end| &rest[at + 2 + end + 1..]);
    }
    shown.push_str(rest);
    // The first clause, when it has two words or more.
    let words_of = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_ascii_lowercase)
            .collect()
    };
    let clause = shown
        .split([',', '.', ';', ':', '!', '?'])
        .next()
        .unwrap_or("");
    let mut words = words_of(clause);
    if words.len() < 2 {
        words = words_of(&shown);
    }
    let doc_words: Vec<&str> = doc.split(['-', '_']).collect();
    if words.len() >= doc_words.len() && words.iter().zip(&doc_words).all(|(w, d)| w == d) {
        words.drain(..doc_words.len());
    }
    words.truncate(5);
    while words
        .last()
        .is_some_and(|w| TRAILING_WORDS.contains(&w.as_str()))
    {
        words.pop();
    }
    words
}

/// `value` with each variable's text replaced by its reference, the
/// longest first.
fn with_variables(value: &str, vars: &[(String, String)]) -> String {
    let mut vars: Vec<&(String, String)> = vars
        .iter()
        .filter(|(_, text)| !text.trim().is_empty())
        .collect();
    vars.sort_by_key(|(_, text)| std::cmp::Reverse(text.len()));
    let mut value = value.to_owned();
    for (name, text) in vars {
        value = value.replace(text.as_str(), &format!("{{ ${name} }}"));
    }
    value
}

fn defined_in(existing: Option<&str>, id: &str) -> bool {
    existing.is_some_and(|text| {
        text.lines().any(|line| {
            line.strip_prefix(id)
                .is_some_and(|rest| rest.trim_start().starts_with('='))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "# If agents come to your door\n\nYou have **rights**, whatever your status.\nStay calm.\n\n- Do not open the door.\n- Ask for a [warrant](https://example.org/w).\n\n> Keep {this} card.\n\n```\nliteral code\n```\n";

    #[test]
    fn a_plain_document_becomes_a_skeleton_and_messages() {
        let out = extract("door", DOC, None, None, &[]);
        assert_eq!(
            out.skeleton,
            "+++\ntitle = \"door-if-agents-come\"\n# Once a person has checked the content against its sources:\n# last_reviewed = YYYY-MM-DD\n# sources = [{ name = \"...\", url = \"https://...\" }]\n+++\n# { door-if-agents-come }\n\n{ door-you-have-rights }\n\n- { door-do-not-open-the-door }\n- { door-ask-for-a-warrant }\n\n> Keep {this} card.\n\n```\nliteral code\n```\n"
        );
        assert_eq!(
            out.messages,
            "door-if-agents-come = If agents come to your door\n\ndoor-you-have-rights =\n    You have **rights**, whatever your status.\n    Stay calm.\n\ndoor-do-not-open-the-door = Do not open the door.\n\ndoor-ask-for-a-warrant = Ask for a [warrant](https://example.org/w).\n"
        );
        assert_eq!(out.added.len(), 4);
    }

    #[test]
    fn running_twice_changes_nothing() {
        let first = extract("door", DOC, None, None, &[]);
        let second = extract("door", &first.skeleton, Some(&first.messages), None, &[]);
        assert_eq!(second.skeleton, first.skeleton);
        assert_eq!(second.messages, first.messages);
        assert!(second.added.is_empty());
    }

    #[test]
    fn existing_ids_are_never_overwritten() {
        let existing = "door-do-not-open-the-door = Something else entirely\n";
        let out = extract(
            "door",
            "- Do not open the door.\n",
            Some(existing),
            None,
            &[],
        );
        assert!(out.messages.starts_with(existing));
        assert!(
            out.messages
                .contains("door-do-not-open-the-door-2 = Do not open the door.\n")
        );
        assert!(out.skeleton.contains("- { door-do-not-open-the-door-2 }"));
    }

    #[test]
    fn fluent_syntax_in_text_is_escaped() {
        assert_eq!(message_value("a { b } c", false), " a {\"{\"} b {\"}\"} c");
        assert_eq!(
            message_value("x\n* star\n[b]", false),
            "\n    x\n    {\"*\"} star\n    {\"[\"}b]"
        );
    }

    #[test]
    fn ids_are_whole_words_and_variables_become_references() {
        let vars = [
            ("hotline".to_owned(), "+1 212 555 0100".to_owned()),
            ("organization".to_owned(), "Legal Aid".to_owned()),
        ];
        let out = extract(
            "shelter-rules",
            "# Shelter rules\n\nYour rights as a tenant of the shelter, in writing.\n\nCall Legal Aid at +1 212 555 0100.\n",
            None,
            None,
            &vars,
        );
        assert!(
            out.skeleton.contains("title = \"shelter-rules-title\""),
            "{}",
            out.skeleton
        );
        assert!(
            out.messages
                .contains("shelter-rules-your-rights-as-a-tenant = Your rights"),
            "{}",
            out.messages
        );
        assert!(
            out.messages.contains(
                "shelter-rules-call-organization-at-hotline = Call { $organization } at { $hotline }.\n"
            ),
            "{}",
            out.messages
        );
    }
}
