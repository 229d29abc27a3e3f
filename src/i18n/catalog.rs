//! The catalog: each locale's `.ftl` files -> one Fluent bundle, with
//! every message's location kept for diagnostics. Syntax errors (Junk),
//! duplicate ids and private-use characters are reported here, each naming
//! the message it breaks; a broken message is left out of the bundle, so it
//! falls back like an untranslated one. Resolution along fallback chains is
//! in [`super::resolve`].

use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::Range;
use std::sync::Arc;

use fluent_bundle::FluentResource;
use fluent_bundle::concurrent::FluentBundle;
use fluent_syntax::ast;
use fluent_syntax::parser::ParserError;
use indexmap::IndexMap;
use unic_langid::LanguageIdentifier;

use crate::base::diag::{Diagnostic, FileId, Files, Span};
use crate::base::ident::{VAR_BASE, VAR_END};
use crate::config::Limits;
use crate::i18n::refs::{Refs, entry_patterns};
use crate::i18n::{lock, slips};

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
    /// Messages and `-terms` whose definition has an error (a syntax
    /// error in its entry, text after it that could not be read, a second
    /// definition), by where the error is. They are left out of the
    /// bundle, so pages show them from the next locale of their chain.
    pub broken: BTreeMap<String, Span>,
    /// A file of the locale could not be read, or messages were left out
    /// over the limit: which messages the locale holds is unknown, so none
    /// of its outputs is written.
    pub unreadable: bool,
    /// Fingerprints of the reference texts the translations were confirmed
    /// against (`kyr-lock.toml`).
    pub lock: lock::Lock,
    /// Recordings of its messages (`audio/<id>.<ext>`) that passed their
    /// checks, by message id.
    pub recordings: IndexMap<String, super::recordings::Recording>,
    resources: Vec<(FileId, Arc<FluentResource>)>,
    /// Each file's name in the locale's folder (`door.ftl`).
    file_names: Vec<(FileId, String)>,
}

impl LocaleBundle {
    /// The name of one of the locale's files (`door.ftl`).
    pub(crate) fn file_name(&self, file: FileId) -> Option<&str> {
        self.file_names
            .iter()
            .find(|(f, _)| *f == file)
            .map(|(_, name)| name.as_str())
    }

    /// The locale's file of this name.
    pub(crate) fn file_named(&self, name: &str) -> Option<FileId> {
        self.file_names
            .iter()
            .find(|(_, n)| n == name)
            .map(|(f, _)| *f)
    }

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
    /// kyr's own interface texts, looked up after every chain, when the
    /// reference lacks some of them (see [`super::builtin`]).
    pub builtin: Vec<LocaleBundle>,
}

impl Catalog {
    /// The bundle of a locale, if it has any files.
    pub fn get(&self, tag: &str) -> Option<&LocaleBundle> {
        self.locales.get(tag)
    }
}

/// What loading a locale knows of the project.
pub(crate) struct Known<'a> {
    /// The message ids the project uses (its documents', kyr's own, the
    /// reference locale's): they tell a broken message from a stray line.
    pub(crate) ids: &'a HashSet<String>,
    /// The reference locale, whose messages have nothing to fall back to.
    pub(crate) reference: &'a str,
    /// Every document was read, so `ids` holds every id the pages use:
    /// an id of a locale's that is not among them and is close to one the
    /// locale lacks is a typo.
    pub(crate) all_documents: bool,
}

/// What an error in message or term `id` of locale `tag` costs, said with
/// the error: pages show the message from the next locale in their chain,
/// marked as such; the reference locale is the end of every chain.
pub(crate) fn falls_back(id: &str, tag: &str, reference: &str) -> &'static str {
    match (id.starts_with('-'), tag == reference) {
        (false, false) => {
            "until this is fixed, pages show this message from the next locale in their fallback chain"
        }
        (false, true) => {
            "the reference locale has nothing to fall back to: until this is fixed, pages that show this message are written only in languages that translate it"
        }
        (true, false) => {
            "until this is fixed, pages show the messages that use it from the next locale in their fallback chain"
        }
        (true, true) => {
            "the reference locale has nothing to fall back to: until this is fixed, pages that show a message using it are written only in languages that translate that message"
        }
    }
}

/// A file of a locale as Fluent first read it.
struct Read {
    file: FileId,
    resource: FluentResource,
    errors: Vec<ParserError>,
    pieces: Vec<Piece>,
    /// What the translator typed that Fluent would misread; the entries
    /// they are in were kept from Fluent.
    slips: Vec<slips::Slip>,
}

/// An entry of a parsed file, in order.
enum Piece {
    /// A message (`id`) or term (`-id`).
    Definition {
        id: String,
        /// Byte range of the id (with a term's `-`).
        id_range: Range<usize>,
        /// From the id up to the next definition or junk.
        entry: Range<usize>,
        /// Index among the file's entries.
        index: usize,
    },
    /// Text Fluent could not read.
    Junk(Range<usize>),
    /// A comment.
    Comment,
}

/// Whose text a piece of junk is.
enum Owner {
    /// The definition of this message or term, broken.
    Itself(String),
    /// Text that did not parse after this one (a continuation line that
    /// is not indented): the message may be cut short.
    After(String),
}

/// Builds a locale's bundle from its files (already read into `files`).
/// A message whose definition has an error (a syntax error in its entry,
/// text after it that could not be read, a second definition) is left out,
/// so pages show it from the next locale of their chain.
pub(crate) fn load_locale(
    tag: &str,
    langid: &LanguageIdentifier,
    ftl_files: &[FileId],
    known: &Known,
    limits: &Limits,
    files: &Files,
    diags: &mut Vec<Diagnostic>,
) -> LocaleBundle {
    let mut read = Vec::new();
    let mut unreadable = false;
    for &file in ftl_files {
        match read_file(file, known.ids, limits, files, diags) {
            Some(file_read) => read.push(file_read),
            None => unreadable = true,
        }
    }
    let broken = find_broken(tag, &read, known, files, diags);
    let bundled = bundle_of(tag, langid, read, &broken, limits.max_messages, diags);
    LocaleBundle {
        tag: tag.to_owned(),
        bundle: bundled.bundle,
        sources: bundled.sources,
        broken,
        unreadable: unreadable || bundled.over_limit,
        lock: lock::Lock::default(),
        recordings: IndexMap::new(),
        resources: bundled.resources,
        file_names: file_names(ftl_files, files),
    }
}

/// One `.ftl` file parsed by Fluent, its private-use characters replaced;
/// `None` (and an error) when it is nested too deep to parse.
fn read_file(
    file: FileId,
    known: &HashSet<String>,
    limits: &Limits,
    files: &Files,
    diags: &mut Vec<Diagnostic>,
) -> Option<Read> {
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
        return None;
    }
    let text = sanitize(file, files.text(file), diags);
    let slips = slips::find(&text, known);
    let text = commented_out(text, slips.iter().map(|s| s.entry.clone()));
    let (resource, errors) = match FluentResource::try_new(text) {
        Ok(resource) => (resource, Vec::new()),
        Err((resource, errors)) => (resource, errors),
    };
    let pieces = pieces_of(&resource);
    Some(Read {
        file,
        resource,
        errors,
        pieces,
        slips,
    })
}

/// Reports the syntax errors and duplicate definitions of a locale's
/// files; the messages and terms they break, by where the error is.
fn find_broken(
    tag: &str,
    read: &[Read],
    known: &Known,
    files: &Files,
    diags: &mut Vec<Diagnostic>,
) -> BTreeMap<String, Span> {
    let mut broken = BTreeMap::new();
    // The locale's own ids tell a broken message from a stray line too.
    let mut ids = known.ids.clone();
    for r in read {
        for piece in &r.pieces {
            if let Piece::Definition { id, .. } = piece {
                ids.insert(id.clone());
            }
        }
    }
    let with_own = Known {
        ids: &ids,
        ..*known
    };
    for r in read {
        slip_diagnostics(tag, known.reference, r, &mut broken, diags);
        junk_diagnostics(tag, r, &with_own, files, &mut broken, diags);
        unclosed_emphasis(tag, known.reference, r, &mut broken, diags);
    }
    duplicates(tag, known.reference, read, files, &mut broken, diags);
    if known.all_documents {
        typos(tag, read, known.ids, &mut broken, diags);
    }
    broken
}

/// Reports each slip of a file, costing the message it is in.
fn slip_diagnostics(
    tag: &str,
    reference: &str,
    read: &Read,
    broken: &mut BTreeMap<String, Span>,
    diags: &mut Vec<Diagnostic>,
) {
    for slip in &read.slips {
        let at = Span::new(read.file, slip.at.clone());
        let mut d = Diagnostic::error(slip.message.clone())
            .code("ftl-syntax")
            .at(at.clone())
            .hint(slip.hint.clone());
        if let Some(id) = &slip.costs {
            d = d.in_message(tag, id).hint(falls_back(id, tag, reference));
            broken.entry(id.clone()).or_insert(at);
        }
        diags.push(d);
    }
}

/// Reports each message or term whose text opens `**` or `__` and does
/// not close it: printed, the marker would show as it is, so the message
/// falls back.
fn unclosed_emphasis(
    tag: &str,
    reference: &str,
    read: &Read,
    broken: &mut BTreeMap<String, Span>,
    diags: &mut Vec<Diagnostic>,
) {
    let text = read.resource.source();
    for piece in &read.pieces {
        let Piece::Definition {
            id, entry, index, ..
        } = piece
        else {
            continue;
        };
        let Some(entry_ast) = read.resource.get_entry(*index) else {
            continue;
        };
        for pattern in entry_patterns(entry_ast) {
            let mut refs = Refs::default();
            refs.pattern(pattern);
            let Some(marker) = slips::unclosed_emphasis(&refs.text) else {
                continue;
            };
            let offset = text
                .get(entry.clone())
                .and_then(|e| e.find(marker))
                .map_or(entry.start, |at| entry.start + at);
            let at = Span::new(read.file, offset..offset + marker.len());
            diags.push(
                Diagnostic::error(format!(
                    "`{marker}` in `{id}` is not closed, so it would be printed as it is"
                ))
                .code("markdown-emphasis")
                .in_message(tag, id)
                .at(at.clone())
                .hint(format!(
                    "close it (`{marker}bold{marker}`), or write `\\{}` for a literal one",
                    &marker[..1]
                ))
                .hint(falls_back(id, tag, reference)),
            );
            broken.entry(id.clone()).or_insert(at);
            break;
        }
    }
}

/// Reports each message of a locale that no page uses and whose id is a
/// typo of one the pages use and the locale lacks: that message's pages
/// show it from another language until the id is corrected.
fn typos(
    tag: &str,
    read: &[Read],
    known: &HashSet<String>,
    broken: &mut BTreeMap<String, Span>,
    diags: &mut Vec<Diagnostic>,
) {
    let defined: HashSet<&str> = read
        .iter()
        .flat_map(|r| &r.pieces)
        .filter_map(|p| match p {
            Piece::Definition { id, .. } => Some(id.as_str()),
            _ => None,
        })
        .collect();
    let lacking: Vec<&String> = known
        .iter()
        .filter(|k| !defined.contains(k.as_str()))
        .collect();
    for r in read {
        for piece in &r.pieces {
            let Piece::Definition { id, id_range, .. } = piece else {
                continue;
            };
            if id.starts_with('-') || known.contains(id) {
                continue;
            }
            let Some(meant) = typo_of(id, &lacking) else {
                continue;
            };
            let at = Span::new(r.file, id_range.clone());
            diags.push(
                Diagnostic::error(format!(
                    "message `{id}` is not used by any document: did you mean `{meant}`?"
                ))
                .code("id-typo")
                .in_message(tag, id)
                .at(at.clone())
                .hint(format!(
                    "if it is a typo, correct the id to `{meant}`; until then the pages show `{meant}` from another language"
                )),
            );
            broken.entry(meant.to_owned()).or_insert(at);
        }
    }
}

/// The id among `lacking` that `id` is a typo of: the same but for
/// capitals, or close enough.
fn typo_of<'a>(id: &str, lacking: &[&'a String]) -> Option<&'a str> {
    let lower = id.to_lowercase();
    if let Some(same) = lacking.iter().find(|l| l.as_str() == lower) {
        return Some(same.as_str());
    }
    crate::base::ident::closest_id(id, lacking.iter().copied())
}

/// A locale's Fluent bundle and what went into it.
struct Bundled {
    bundle: FluentBundle<Arc<FluentResource>>,
    sources: HashMap<String, MessageSource>,
    resources: Vec<(FileId, Arc<FluentResource>)>,
    /// Messages were left out over `max_messages`.
    over_limit: bool,
}

/// The files of a locale in one bundle, broken definitions left out, and
/// no more than `max_messages` messages and terms.
fn bundle_of(
    tag: &str,
    langid: &LanguageIdentifier,
    read: Vec<Read>,
    broken: &BTreeMap<String, Span>,
    max_messages: usize,
    diags: &mut Vec<Diagnostic>,
) -> Bundled {
    let mut bundle = FluentBundle::new_concurrent(vec![langid.clone()]);
    // Isolation stays on: it keeps phone numbers readable in RTL text.
    bundle.set_use_isolating(true);
    let _ = bundle.add_builtins();
    // Variables as their placeholders, numbers the locale's way.
    bundle.set_formatter(Some(crate::i18n::values::write));
    let mut bundled = Bundled {
        bundle,
        sources: HashMap::new(),
        resources: Vec::new(),
        over_limit: false,
    };
    for Read {
        file,
        resource,
        pieces,
        ..
    } in read
    {
        let (resource, pieces) = without_broken(resource, pieces, broken);
        bundled.add_sources(tag, file, pieces, max_messages, diags);
        let resource = Arc::new(resource);
        // Duplicates were left out above, with their locations reported.
        let _ = bundled.bundle.add_resource(Arc::clone(&resource));
        bundled.resources.push((file, resource));
    }
    bundled
}

impl Bundled {
    /// Keeps where each message and term of `file` is defined, up to
    /// `max_messages` in the locale (an error at the first one over).
    fn add_sources(
        &mut self,
        tag: &str,
        file: FileId,
        pieces: Vec<Piece>,
        max_messages: usize,
        diags: &mut Vec<Diagnostic>,
    ) {
        for piece in pieces {
            let Piece::Definition {
                id,
                id_range,
                entry,
                index,
            } = piece
            else {
                continue;
            };
            if self.sources.len() >= max_messages && !self.sources.contains_key(&id) {
                if !self.over_limit {
                    self.over_limit = true;
                    diags.push(too_many_messages(
                        tag,
                        max_messages,
                        Span::new(file, id_range),
                    ));
                }
                continue;
            }
            let source = MessageSource {
                file,
                id: id_range,
                entry,
                index,
            };
            self.sources.insert(id, source);
        }
    }
}

/// The error at the first message over `max_messages`.
fn too_many_messages(tag: &str, max_messages: usize, at: Span) -> Diagnostic {
    Diagnostic::error(format!(
        "locale `{tag}` has more than {max_messages} messages; the rest are left out"
    ))
    .code("limit")
    .at(at)
    .hint("raise `max_messages` under `[limits]` in kyr.toml if this is intended")
}

/// Each file's name in the locale's folder (`door.ftl`).
fn file_names(ftl_files: &[FileId], files: &Files) -> Vec<(FileId, String)> {
    ftl_files
        .iter()
        .map(|&file| {
            let name = files
                .get(file)
                .path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            (file, name)
        })
        .collect()
}

/// The entries of a parsed file, each message and term with its ranges.
fn pieces_of(resource: &FluentResource) -> Vec<Piece> {
    let base = resource.source().as_ptr() as usize;
    let mut pieces = Vec::new();
    let mut starts = Vec::new();
    for (index, entry) in resource.entries().enumerate() {
        match entry {
            ast::Entry::Message(m) => {
                let start = m.id.name.as_ptr() as usize - base;
                pieces.push(Piece::Definition {
                    id: m.id.name.to_owned(),
                    id_range: start..start + m.id.name.len(),
                    entry: start..start,
                    index,
                });
                starts.push(start);
            }
            ast::Entry::Term(t) => {
                let start = t.id.name.as_ptr() as usize - base - 1;
                pieces.push(Piece::Definition {
                    id: format!("-{}", t.id.name),
                    id_range: start..start + 1 + t.id.name.len(),
                    entry: start..start,
                    index,
                });
                starts.push(start);
            }
            ast::Entry::Junk { content } => {
                let start = content.as_ptr() as usize - base;
                pieces.push(Piece::Junk(start..start + content.len()));
                starts.push(start);
            }
            _ => pieces.push(Piece::Comment),
        }
    }
    starts.sort_unstable();
    let len = resource.source().len();
    for piece in &mut pieces {
        if let Piece::Definition { entry, .. } = piece {
            let next = starts.partition_point(|&s| s <= entry.start);
            entry.end = starts.get(next).copied().unwrap_or(len);
        }
    }
    pieces
}

/// Reports each syntax error of a file, naming the message it breaks
/// (added to `broken`) when there is one.
fn junk_diagnostics(
    tag: &str,
    read: &Read,
    known: &Known,
    files: &Files,
    broken: &mut BTreeMap<String, Span>,
    diags: &mut Vec<Diagnostic>,
) {
    let text = read.resource.source();
    let mut previous: Option<String> = None;
    let mut owners = Vec::new();
    for piece in &read.pieces {
        match piece {
            Piece::Definition { id, .. } => previous = Some(id.clone()),
            Piece::Comment => previous = None,
            Piece::Junk(range) => {
                let junk = text.get(range.clone()).unwrap_or("");
                let owner = owner(junk, previous.as_deref(), known.ids);
                previous = match &owner {
                    Some(Owner::Itself(id) | Owner::After(id)) => Some(id.clone()),
                    None => None,
                };
                owners.push((range.start, owner));
            }
        }
    }
    for error in &read.errors {
        let start = error.slice.as_ref().map_or(error.pos.start, |s| s.start);
        let owner = owners
            .iter()
            .find(|(at, _)| *at == start)
            .and_then(|(_, owner)| owner.as_ref());
        let d = parser_diagnostic(
            read.file,
            files.text(read.file),
            error,
            (tag, known.reference),
            owner,
        );
        if let (Some(Owner::Itself(id) | Owner::After(id)), Some(span)) = (owner, &d.span) {
            broken.entry(id.clone()).or_insert_with(|| span.clone());
        }
        diags.push(d);
    }
}

/// Whose text a piece of junk is: the message or term it starts to
/// define (`id =`, or an id the project uses), else the one before it
/// (a continuation line that is not indented), else nobody's (a stray
/// line before any message).
fn owner(junk: &str, previous: Option<&str>, known: &HashSet<String>) -> Option<Owner> {
    let (sigil, rest) = match junk.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", junk),
    };
    let len = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
        .unwrap_or(rest.len());
    let word = &rest[..len];
    let names = word.starts_with(|c: char| c.is_ascii_alphabetic())
        && (rest[len..].trim_start_matches([' ', '\t']).starts_with('=')
            || (sigil.is_empty() && known.contains(word)));
    if names {
        Some(Owner::Itself(format!("{sigil}{word}")))
    } else {
        previous.map(|id| Owner::After(id.to_owned()))
    }
}

/// Reports ids defined twice in a locale; neither definition is used.
fn duplicates(
    tag: &str,
    reference: &str,
    read: &[Read],
    files: &Files,
    broken: &mut BTreeMap<String, Span>,
    diags: &mut Vec<Diagnostic>,
) {
    let mut first: HashMap<&str, Span> = HashMap::new();
    for r in read {
        for piece in &r.pieces {
            let Piece::Definition { id, id_range, .. } = piece else {
                continue;
            };
            let here = Span::new(r.file, id_range.clone());
            let Some(earlier) = first.get(id.as_str()) else {
                first.insert(id, here);
                continue;
            };
            let (line, col) = files.line_col(earlier.file, earlier.range.start);
            let path = crate::base::diag::display_path(&files.get(earlier.file).path);
            diags.push(
                Diagnostic::error(format!("`{id}` is defined twice in locale `{tag}`"))
                    .code("ftl-duplicate")
                    .in_message(tag, id)
                    .at(here.clone())
                    .hint(format!(
                        "the other definition is at {path}:{line}:{col}; neither is used until one is removed"
                    ))
                    .hint(falls_back(id, tag, reference)),
            );
            broken.entry(id.clone()).or_insert(here);
        }
    }
}

/// A file's resource with the definitions of broken messages and terms
/// left out: their lines become comments (the same length, so every
/// offset still holds) and the file is read again.
fn without_broken(
    resource: FluentResource,
    pieces: Vec<Piece>,
    broken: &BTreeMap<String, Span>,
) -> (FluentResource, Vec<Piece>) {
    let ranges: Vec<Range<usize>> = pieces
        .iter()
        .filter_map(|piece| match piece {
            Piece::Definition { id, entry, .. } if broken.contains_key(id) => Some(entry.clone()),
            _ => None,
        })
        .collect();
    if ranges.is_empty() {
        return (resource, pieces);
    }
    let text = commented_out(resource.source().to_owned(), ranges.into_iter());
    let resource = match FluentResource::try_new(text) {
        Ok(resource) | Err((resource, _)) => resource,
    };
    let pieces = pieces_of(&resource);
    (resource, pieces)
}

/// `text` with the lines of each range (whole lines) turned into comments
/// of the same length, so every offset still holds.
fn commented_out(text: String, ranges: impl Iterator<Item = Range<usize>>) -> String {
    let mut ranges = ranges.peekable();
    if ranges.peek().is_none() {
        return text;
    }
    let mut bytes = text.into_bytes();
    for range in ranges {
        let range = range.start.min(bytes.len())..range.end.min(bytes.len());
        let mut line_start = true;
        for byte in &mut bytes[range] {
            if matches!(*byte, b'\n' | b'\r') {
                line_start = true;
                continue;
            }
            *byte = if line_start { b'#' } else { b' ' };
            line_start = false;
        }
    }
    // Every byte of whole characters was replaced by ASCII: still UTF-8.
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
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

/// The line (from 1) at `at`, or the one right below it, when it starts
/// with a tab.
fn tab_indented(text: &str, at: usize) -> Option<usize> {
    let line_start = text[..at.min(text.len())].rfind('\n').map_or(0, |i| i + 1);
    let line_no = text[..line_start].matches('\n').count() + 1;
    text[line_start..]
        .lines()
        .take(2)
        .position(|l| l.starts_with('\t'))
        .map(|i| line_no + i)
}

/// `line` cut to `chars` characters, with `…` when cut.
fn shorten(line: &str, chars: usize) -> String {
    match line.char_indices().nth(chars) {
        Some((i, _)) => format!("{}…", &line[..i]),
        None => line.to_owned(),
    }
}

/// The `{` of the entry starting at `from` that is still open at `at`.
fn unclosed_brace(text: &str, from: usize, at: usize) -> Option<usize> {
    let at = at.min(text.len());
    let bytes = text.as_bytes();
    let mut open = Vec::new();
    let mut i = from.min(at);
    while i < at {
        match bytes[i] {
            b'{' => open.push(i),
            b'}' => {
                open.pop();
            }
            // A quoted literal inside a placeable may hold braces.
            b'"' if !open.is_empty() => {
                i += 1;
                while i < at && bytes[i] != b'"' && bytes[i] != b'\n' {
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
    open.last().copied()
}

/// When the line at `at` is `id =` with no text and the lines right below
/// it are comments holding indented text (`#     You have rights`), as
/// `kyr new-locale` and `kyr sync` write them: those lines (from 1).
fn commented_continuation(text: &str, at: usize) -> Option<(usize, usize)> {
    let line_start = text[..at.min(text.len())].rfind('\n').map_or(0, |i| i + 1);
    let line_no = text[..line_start].matches('\n').count() + 1;
    let mut lines = text[line_start..].lines();
    let first = lines.next()?;
    if !first.trim_end().ends_with('=') {
        return None;
    }
    // A bare `#` stands for a blank line between paragraphs.
    let commented = |l: &str| {
        l.strip_prefix('#')
            .is_some_and(|rest| rest.starts_with("  ") && !rest.trim().is_empty())
    };
    let run: Vec<&str> = lines
        .take_while(|l| commented(l) || l.trim_end() == "#")
        .collect();
    let continued = run.iter().rposition(|l| commented(l))? + 1;
    Some((line_no + 1, line_no + continued))
}

/// A syntax error as a diagnostic; `(tag, reference)` are the locale's
/// and the reference locale's tags.
fn parser_diagnostic(
    file: FileId,
    text: &str,
    error: &ParserError,
    (tag, reference): (&str, &str),
    owner: Option<&Owner>,
) -> Diagnostic {
    let mistake = syntax_mistake(text, error);
    let junk_line = error
        .slice
        .as_ref()
        .and_then(|slice| text.get(slice.clone()))
        .and_then(|junk| junk.lines().next())
        .map(str::trim);
    let d = worded_for(owner, tag, &mistake, junk_line)
        .code("ftl-syntax")
        .at(Span::new(file, mistake.range));
    match owner {
        Some(Owner::Itself(id) | Owner::After(id)) => d.hint(falls_back(id, tag, reference)),
        None => d,
    }
}

/// A syntax error in a translator's words: where the mistake is (not
/// always where Fluent noticed it), what it is, and what to type.
struct SyntaxMistake {
    range: Range<usize>,
    message: String,
    hint: String,
}

/// A `{` still open where Fluent stopped reading an entry.
enum OpenBrace {
    /// Its line goes on after it (`{ $x` and more text, or a select
    /// expression's `{ $n ->`), at this offset.
    InLine(usize),
    /// It ends its line, at offset `at`: Fluent read the next line
    /// (`swallowed`, when it has text) as the placeable's content.
    EndsLine {
        at: usize,
        swallowed: Option<String>,
    },
}

/// Where a syntax error is, what it is, and the hint that says what to
/// type.
fn syntax_mistake(text: &str, error: &ParserError) -> SyntaxMistake {
    let mut range = error_range(text, error);
    let mut message = crate::base::diag::lowercase_message(&error.kind.to_string());
    // A `{` left open at the end of a line makes Fluent read the next
    // line as the placeable's content, and fail there: the mistake is the
    // brace.
    let entry_start = error.slice.as_ref().map_or(range.start, |s| s.start);
    let brace = open_brace(text, entry_start, range.start);
    match &brace {
        Some(OpenBrace::InLine(at)) if message.contains("\"}\"") => {
            let line_start = text[..*at].rfind('\n').map_or(0, |i| i + 1);
            let column = text[line_start..*at].chars().count() + 1;
            // A select expression's `{` may be lines above.
            let same_line = !text[*at..range.start.min(text.len())].contains('\n');
            let place = if same_line {
                format!("column {column}")
            } else {
                let line = text[..*at].matches('\n').count() + 1;
                format!("line {line}, column {column}")
            };
            message = format!("expected `}}` here, to close the `{{` at {place}");
        }
        Some(OpenBrace::EndsLine { at, .. }) => {
            range = *at..*at + 1;
            message = "this `{` is never closed".to_owned();
        }
        _ => {}
    }
    let half_uncommented = commented_continuation(text, range.start);
    if half_uncommented.is_some() {
        message = "it has no text: the lines below it are still commented out".to_owned();
    }
    let hint = syntax_hint(
        text,
        range.start,
        &message,
        brace.as_ref(),
        half_uncommented,
    );
    SyntaxMistake {
        range: range.start..range.end.max(range.start),
        message,
        hint,
    }
}

/// Where Fluent noticed a syntax error, within the text. Fluent may
/// notice a placeable left open only at the next entry: then where the
/// broken one's text ends instead.
fn error_range(text: &str, error: &ParserError) -> Range<usize> {
    let start = error.pos.start.min(text.len());
    let end = error.pos.end.clamp(start, text.len());
    if let Some(junk) = error.slice.as_ref().and_then(|s| text.get(s.clone())) {
        let slice_start = error.slice.as_ref().map_or(0, |s| s.start);
        let content_end = slice_start + junk.trim_end().len();
        if start >= content_end && content_end > slice_start {
            return content_end..content_end;
        }
    }
    start..end
}

/// The `{` of the entry starting at `entry_start` that is still open at
/// `at`, if any.
fn open_brace(text: &str, entry_start: usize, at: usize) -> Option<OpenBrace> {
    let brace = unclosed_brace(text, entry_start, at)?;
    // A `{` that ends its line (a select expression's `{ $n ->` does not).
    let rest = &text[brace + 1..at];
    let ends_line =
        rest.contains('\n') && rest.split('\n').next().is_some_and(|l| l.trim().is_empty());
    if !ends_line {
        return Some(OpenBrace::InLine(brace));
    }
    let next_line = text[brace..].find('\n').map(|i| brace + i + 1);
    let swallowed = next_line
        .and_then(|n| text[n..].lines().next())
        .map(|l| l.trim().to_owned())
        .filter(|l| !l.is_empty());
    Some(OpenBrace::EndsLine {
        at: brace,
        swallowed,
    })
}

/// What to type to mend a syntax error found at `start`, said as
/// `message`.
fn syntax_hint(
    text: &str,
    start: usize,
    message: &str,
    brace: Option<&OpenBrace>,
    half_uncommented: Option<(usize, usize)>,
) -> String {
    if let Some(OpenBrace::EndsLine { swallowed, .. }) = brace {
        let mut hint =
            "close it with `}` on the same line, or write a literal brace as `{\"{\"}`".to_owned();
        if let Some(line) = swallowed {
            hint.push_str(&format!(
                "; until then the next line, `{}`, is read as part of it",
                shorten(line, 60)
            ));
        }
        return hint;
    }
    if message.contains("default variant") {
        "mark one variant as the default with `*`, as in `*[other] ...`".to_owned()
    } else if brace.is_some() && message.contains("`}`") {
        "a `{ … }` holds one variable (`{ $hotline }`), message id or quoted text; a literal brace is written `{\"{\"}`".to_owned()
    } else if message.contains("\"}\"") {
        "close each `{` with `}`; a literal brace is written `{\"{\"}`".to_owned()
    } else if message.contains("inline expression") {
        "after `{` comes a variable (`{ $hotline }`), a message id (`{ other-message }`) or quoted text, then `}`; a literal brace is written `{\"{\"}`".to_owned()
    } else if let Some(line) = tab_indented(text, start) {
        format!(
            "line {line} is indented with a tab, which Fluent does not read as indentation: indent continuation lines with spaces"
        )
    } else if let Some((first, last)) = half_uncommented {
        let lines = if first == last {
            format!("line {first}")
        } else {
            format!("lines {first} to {last}")
        };
        format!(
            "only the message's first line was uncommented: remove the `# ` at the start of {lines} too, keeping the spaces after it"
        )
    } else {
        "a message is `id = text`, starting at the beginning of a line; continuation lines are indented".to_owned()
    }
}

/// A syntax error worded for whose text it is in: a message or term it
/// breaks, one above it that may be cut short (`junk_line` being the
/// line that is not indented), or nobody's (an entry that is ignored).
fn worded_for(
    owner: Option<&Owner>,
    tag: &str,
    mistake: &SyntaxMistake,
    junk_line: Option<&str>,
) -> Diagnostic {
    let message = &mistake.message;
    let what = |id: &str| {
        if id.starts_with('-') {
            format!("term `{id}`")
        } else {
            format!("message `{id}`")
        }
    };
    match owner {
        Some(Owner::Itself(id)) => {
            Diagnostic::error(format!("invalid Fluent syntax in {}: {message}", what(id)))
                .in_message(tag, id)
                .hint(mistake.hint.clone())
        }
        Some(Owner::After(id)) => {
            let mut d =
                Diagnostic::error(format!("invalid Fluent syntax: {message}")).in_message(tag, id);
            if let Some(line) = junk_line {
                d = d.hint(format!(
                    "`{line}` is not part of any message; if it belongs to {} above it, indent it",
                    what(id)
                ));
            }
            d.hint(format!(
                "{} may be cut short here, so it is left out",
                what(id)
            ))
        }
        None => {
            let d = Diagnostic::error(format!("invalid Fluent syntax: {message}"));
            match junk_line {
                Some(line) => d.hint(format!("this entry is ignored: `{line}`")),
                None => d,
            }
            .hint(mistake.hint.clone())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(texts: &[&str]) -> (LocaleBundle, Vec<Diagnostic>, Files) {
        load_knowing(texts, &[])
    }

    fn load_knowing(texts: &[&str], known: &[&str]) -> (LocaleBundle, Vec<Diagnostic>, Files) {
        let mut files = Files::default();
        let ids: Vec<FileId> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| files.add(format!("locales/fr/{i}.ftl"), (*t).to_owned()))
            .collect();
        let mut diags = Vec::new();
        let limits = crate::config::Limits::default();
        let ids_known = known.iter().map(|k| (*k).to_owned()).collect();
        let known = Known {
            ids: &ids_known,
            reference: "en",
            all_documents: true,
        };
        let bundle = load_locale(
            "fr",
            &"fr".parse().unwrap(),
            &ids,
            &known,
            &limits,
            &files,
            &mut diags,
        );
        (bundle, diags, files)
    }

    fn at(files: &Files, d: &Diagnostic) -> (usize, usize) {
        let span = d.span.clone().unwrap();
        files.line_col(span.file, span.range.start)
    }

    #[test]
    fn a_syntax_error_costs_only_its_message() {
        let (bundle, diags, files) = load(&["a = A\nb = B { $x\nc = C\n"]);
        assert!(!bundle.unreadable);
        assert!(bundle.bundle.has_message("a") && bundle.bundle.has_message("c"));
        assert!(!bundle.bundle.has_message("b"));
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert!(
            diags[0]
                .message
                .starts_with("invalid Fluent syntax in message `b`: "),
            "{diags:?}"
        );
        assert_eq!(at(&files, &diags[0]), (2, 11));
        assert_eq!(diags[0].in_message.as_ref().unwrap().message_id, "b");
        assert!(bundle.broken.contains_key("b"));
        assert_eq!(bundle.sources.len(), 2);
    }

    #[test]
    fn a_line_that_is_not_indented_leaves_the_message_above_it_out() {
        // `a` would be cut short: it is left out rather than shown half.
        let (bundle, diags, files) = load(&["a = A\nbroken line\nb = B\n"]);
        assert!(!bundle.bundle.has_message("a") && bundle.bundle.has_message("b"));
        assert_eq!(diags.len(), 1);
        assert_eq!(at(&files, &diags[0]), (2, 8));
        assert!(diags[0].hints[0].contains("`broken line` is not part of any message; if it belongs to message `a` above it, indent it"), "{diags:?}");
        assert!(bundle.broken.contains_key("a"));
        // An id the project uses is a message of its own missing its `=`.
        let (bundle, diags, _) = load_knowing(&["a = A\nb B\nc = C\n"], &["b"]);
        assert!(bundle.bundle.has_message("a") && !bundle.bundle.has_message("b"));
        assert!(diags[0].message.contains("in message `b`"), "{diags:?}");
        // Stray text before any message costs nothing.
        let (bundle, diags, _) = load(&["stray\na = A\nb = B\n"]);
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert!(bundle.broken.is_empty());
        assert!(bundle.bundle.has_message("a") && bundle.bundle.has_message("b"));
    }

    #[test]
    fn a_broken_term_is_left_out_so_its_messages_fall_back() {
        let (bundle, diags, _) = load(&["-org = Legal { Aid\n\nm = Call { -org }\n"]);
        assert!(diags[0].message.contains("in term `-org`"), "{diags:?}");
        let m = bundle.bundle.get_message("m").unwrap();
        let mut errors = vec![];
        bundle
            .bundle
            .format_pattern(m.value().unwrap(), None, &mut errors);
        assert!(!errors.is_empty(), "the term is gone");
    }

    #[test]
    fn duplicates_across_files_are_errors_and_neither_is_used() {
        let (bundle, diags, files) = load(&["a = first\n", "\nb = B\na = second\n"]);
        assert_eq!(diags.len(), 1);
        assert!(diags[0].message.contains("`a` is defined twice"));
        assert_eq!(at(&files, &diags[0]), (3, 1));
        assert!(diags[0].hints[0].contains("locales/fr/0.ftl:1:1"));
        assert!(!bundle.bundle.has_message("a") && !bundle.sources.contains_key("a"));
        assert!(bundle.bundle.has_message("b"));
        // Offsets still point into the file as written.
        let b = &bundle.sources["b"];
        assert_eq!(files.line_col(b.file, b.id.start), (2, 1));
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
