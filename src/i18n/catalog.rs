//! The catalog: each locale's `.ftl` files -> one Fluent bundle, with
//! every message's location kept for diagnostics. Syntax errors (Junk),
//! duplicate ids and private-use characters are reported here; resolution
//! along fallback chains is in [`super::resolve`].

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use fluent_bundle::FluentResource;
use fluent_bundle::concurrent::FluentBundle;
use fluent_syntax::ast;
use indexmap::IndexMap;
use unic_langid::LanguageIdentifier;

use crate::base::diag::{Diagnostic, FileId, Files, Span};
use crate::base::ident::{VAR_BASE, VAR_END};
use crate::config::Limits;
use crate::i18n::lock;

/// Where a message or term is defined.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MessageSource {
    /// The `.ftl` file.
    pub file: FileId,
    /// Byte range of its id.
    pub id: Range<usize>,
    /// Byte range of the whole entry, up to the next one.
    pub entry: Range<usize>,
    /// Index of the entry in its file's parsed entries.
    pub index: usize,
}

/// One locale's messages.
pub struct LocaleBundle {
    /// The locale's tag.
    pub tag: String,
    /// The Fluent bundle holding every file of the locale.
    pub bundle: FluentBundle<Arc<FluentResource>>,
    /// Where each message (and `-term`) is defined.
    pub sources: HashMap<String, MessageSource>,
    /// Whether loading found errors (which fail the locale's outputs).
    pub has_errors: bool,
    /// Fingerprints of the reference texts the translations were confirmed
    /// against (`kyr-lock.toml`).
    pub lock: lock::Lock,
    resources: Vec<(FileId, Arc<FluentResource>)>,
}

impl LocaleBundle {
    /// The parsed message `id` (not a term), with the file it is in.
    pub fn message_ast(&self, id: &str) -> Option<(FileId, &ast::Message<&str>)> {
        let source = self.sources.get(id)?;
        let (_, resource) = self.resources.iter().find(|(f, _)| *f == source.file)?;
        match resource.get_entry(source.index)? {
            ast::Entry::Message(m) if m.id.name == id => Some((source.file, m)),
            _ => None,
        }
    }

    /// The locale's messages (not terms), in file and line order.
    pub fn messages_in_order(&self) -> Vec<(&String, &MessageSource)> {
        let mut messages: Vec<(&String, &MessageSource)> = self
            .sources
            .iter()
            .filter(|(id, _)| !id.starts_with('-'))
            .collect();
        messages.sort_by_key(|(_, s)| (s.file, s.id.start));
        messages
    }

    /// Whether the locale defines `key` (`id` with a value, or `id.attr`).
    pub fn defines(&self, key: &str) -> bool {
        let (id, attr) = match key.split_once('.') {
            Some((id, attr)) => (id, Some(attr)),
            None => (key, None),
        };
        match (self.bundle.get_message(id), attr) {
            (Some(m), Some(attr)) => m.get_attribute(attr).is_some(),
            (Some(m), None) => m.value().is_some(),
            (None, _) => false,
        }
    }

    /// Every file of the locale with its parsed entries.
    pub fn resources(&self) -> impl Iterator<Item = (FileId, &FluentResource)> {
        self.resources.iter().map(|(f, r)| (*f, r.as_ref()))
    }

    /// The text of one of the locale's files as Fluent read it (same byte
    /// offsets as the file).
    pub fn source_text(&self, file: FileId) -> Option<&str> {
        self.resources
            .iter()
            .find(|(f, _)| *f == file)
            .map(|(_, r)| r.source())
    }
}

/// Every locale's messages, by tag.
#[derive(Default)]
pub struct Catalog {
    /// Bundles by locale tag.
    pub locales: IndexMap<String, LocaleBundle>,
}

impl Catalog {
    /// The bundle of a locale, if it has any files.
    pub fn get(&self, tag: &str) -> Option<&LocaleBundle> {
        self.locales.get(tag)
    }
}

/// Builds a locale's bundle from its files (already read into `files`).
pub(crate) fn load_locale(
    tag: &str,
    langid: &LanguageIdentifier,
    ftl_files: &[FileId],
    limits: &Limits,
    files: &Files,
    diags: &mut Vec<Diagnostic>,
) -> LocaleBundle {
    let max_messages = limits.max_messages;
    let mut bundle = FluentBundle::new_concurrent(vec![langid.clone()]);
    // Isolation stays on: it keeps phone numbers readable in RTL text.
    bundle.set_use_isolating(true);
    let _ = bundle.add_builtins();
    let mut sources: HashMap<String, MessageSource> = HashMap::new();
    let errors_before = diags.iter().filter(|d| d.is_error()).count();
    let mut resources = Vec::new();

    let mut too_many = false;
    for &file in ftl_files {
        // Fluent's parser recurses into nested placeables: refuse a file
        // nested too deep before it can exhaust the stack.
        if let Some(offset) = too_deep(files.text(file), limits.max_nesting) {
            diags.push(
                Diagnostic::error(format!(
                    "placeables are nested more than {} deep; the file is not read",
                    limits.max_nesting
                ))
                .code("limit")
                .at(Span::new(file, offset..offset + 1))
                .hint("`max_nesting` under `[limits]` in kyr.toml sets the limit"),
            );
            continue;
        }
        let text = sanitize(file, files.text(file), diags);
        let resource = match FluentResource::try_new(text) {
            Ok(resource) => resource,
            Err((resource, errors)) => {
                for error in errors {
                    diags.push(parser_diagnostic(file, files.text(file), &error));
                }
                resource
            }
        };
        let resource = Arc::new(resource);
        let base = resource.source().as_ptr() as usize;
        let mut entries: Vec<(String, Range<usize>, usize)> = Vec::new();
        let mut starts: Vec<usize> = Vec::new();
        for (index, entry) in resource.entries().enumerate() {
            match entry {
                ast::Entry::Message(m) => {
                    let start = m.id.name.as_ptr() as usize - base;
                    entries.push((m.id.name.to_owned(), start..start + m.id.name.len(), index));
                    starts.push(start);
                }
                ast::Entry::Term(t) => {
                    let start = t.id.name.as_ptr() as usize - base;
                    entries.push((
                        format!("-{}", t.id.name),
                        start - 1..start + t.id.name.len(),
                        index,
                    ));
                    starts.push(start - 1);
                }
                ast::Entry::Junk { content } => starts.push(content.as_ptr() as usize - base),
                _ => {}
            }
        }
        starts.sort_unstable();
        let len = resource.source().len();
        for (id, id_range, index) in entries {
            let next = starts.partition_point(|&s| s <= id_range.start);
            let end = starts.get(next).copied().unwrap_or(len);
            let here = MessageSource {
                file,
                id: id_range.clone(),
                entry: id_range.start..end,
                index,
            };
            if sources.len() >= max_messages && !sources.contains_key(&id) {
                if !too_many {
                    too_many = true;
                    diags.push(
                        Diagnostic::error(format!(
                            "locale `{tag}` has more than {max_messages} messages; the rest are left out"
                        ))
                        .code("limit")
                        .at(Span::new(file, id_range))
                        .hint("raise `max_messages` under `[limits]` in kyr.toml if this is intended"),
                    );
                }
                continue;
            }
            if let Some(first) = sources.get(&id) {
                let (line, col) = files.line_col(first.file, first.id.start);
                diags.push(
                    Diagnostic::error(format!("`{id}` is defined twice in locale `{tag}`"))
                        .code("ftl-duplicate")
                        .at(Span::new(file, id_range))
                        .hint(format!(
                            "the first definition, at {}:{line}:{col}, is the one used",
                            crate::base::diag::display_path(&files.get(first.file).path)
                        )),
                );
            } else {
                sources.insert(id, here);
            }
        }
        // Duplicates were reported above with their locations.
        let _ = bundle.add_resource(Arc::clone(&resource));
        resources.push((file, resource));
    }
    let has_errors = diags.iter().filter(|d| d.is_error()).count() > errors_before;
    LocaleBundle {
        tag: tag.to_owned(),
        bundle,
        sources,
        has_errors,
        lock: lock::Lock::default(),
        resources,
    }
}

/// The offset of the first `{` nested deeper than `max` in Fluent source,
/// if any. String literals (`"{"`) inside placeables are skipped.
fn too_deep(text: &str, max: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'{' => {
                depth += 1;
                if depth > max {
                    return Some(i);
                }
            }
            b'}' => depth = depth.saturating_sub(1),
            b'"' if depth > 0 => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' && bytes[i] != b'\n' {
                    if bytes[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// Private-use characters would be mistaken for variable placeholders;
/// they become U+FFFD (same length in UTF-8, so offsets hold).
fn sanitize(file: FileId, text: &str, diags: &mut Vec<Diagnostic>) -> String {
    let placeholder = |c: char| (VAR_BASE..VAR_END).contains(&(c as u32));
    if !text.chars().any(placeholder) {
        return text.to_owned();
    }
    for (i, c) in text.char_indices().filter(|&(_, c)| placeholder(c)) {
        diags.push(
            Diagnostic::warning(format!(
                "private-use character U+{:04X} is not allowed in messages and is replaced by U+FFFD",
                c as u32
            ))
            .code("ftl-private-use")
            .at(Span::new(file, i..i + c.len_utf8())),
        );
    }
    text.chars()
        .map(|c| if placeholder(c) { '\u{FFFD}' } else { c })
        .collect()
}

fn parser_diagnostic(
    file: FileId,
    text: &str,
    error: &fluent_syntax::parser::ParserError,
) -> Diagnostic {
    let start = error.pos.start.min(text.len());
    let end = error.pos.end.clamp(start, text.len());
    let message = crate::base::diag::lowercase_message(&error.kind.to_string());
    let mut d = Diagnostic::error(format!("invalid Fluent syntax: {message}"))
        .code("ftl-syntax")
        .at(Span::new(file, start..end.max(start)));
    if let Some(slice) = &error.slice {
        let junk = text.get(slice.clone()).unwrap_or("");
        if let Some(line) = junk.lines().next() {
            d = d.hint(format!("this entry is ignored: `{}`", line.trim()));
        }
    }
    if message.contains("default variant") {
        d.hint("mark one variant as the default with `*`, as in `*[other] ...`")
    } else {
        d.hint("a message is `id = text`, starting at the beginning of a line; continuation lines are indented")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(texts: &[&str]) -> (LocaleBundle, Vec<Diagnostic>, Files) {
        let mut files = Files::default();
        let ids: Vec<FileId> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| files.add(format!("locales/fr/{i}.ftl"), (*t).to_owned()))
            .collect();
        let mut diags = Vec::new();
        let limits = crate::config::Limits::default();
        let bundle = load_locale(
            "fr",
            &"fr".parse().unwrap(),
            &ids,
            &limits,
            &files,
            &mut diags,
        );
        (bundle, diags, files)
    }

    #[test]
    fn junk_is_located_and_valid_messages_survive() {
        let (bundle, diags, files) = load(&["a = A\nbroken line\nb = B\n"]);
        assert!(bundle.has_errors);
        assert!(bundle.bundle.has_message("a") && bundle.bundle.has_message("b"));
        assert_eq!(diags.len(), 1);
        let span = diags[0].span.clone().unwrap();
        assert_eq!(files.line_col(span.file, span.range.start), (2, 8));
    }

    #[test]
    fn duplicates_across_files_are_errors_and_first_wins() {
        let (bundle, diags, files) = load(&["a = first\n", "\nb = B\na = second\n"]);
        assert_eq!(diags.len(), 1);
        assert!(diags[0].message.contains("`a` is defined twice"));
        let span = diags[0].span.clone().unwrap();
        assert_eq!(files.line_col(span.file, span.range.start), (3, 1));
        assert!(diags[0].hints[0].contains("locales/fr/0.ftl:1:1"));
        let first = bundle.sources["a"].file;
        assert_eq!(
            files.get(first).path,
            std::path::Path::new("locales/fr/0.ftl")
        );
    }

    #[test]
    fn entry_ranges_cover_the_message() {
        let text = "a = A { $x }\n    more\nb = B\n";
        let (bundle, _, _) = load(&[text]);
        let a = &bundle.sources["a"];
        assert_eq!(&text[a.entry.clone()], "a = A { $x }\n    more\n");
    }

    #[test]
    fn private_use_characters_are_replaced_with_a_warning() {
        let (bundle, diags, _) = load(&["a = x\u{E000}y\n"]);
        assert_eq!(diags.len(), 1);
        assert!(!diags[0].is_error());
        let msg = bundle.bundle.get_message("a").unwrap();
        let mut errors = vec![];
        let text = bundle
            .bundle
            .format_pattern(msg.value().unwrap(), None, &mut errors);
        assert_eq!(text, "x\u{FFFD}y");
    }
}
