//! Resolution: a skeleton + a locale -> a [`Document`]. Each
//! reference is looked up along the locale's fallback chain, formatted by
//! Fluent (selectors see the variables' values; the text holds them as
//! placeholders), read as Markdown, and tagged
//! with the supplying locale's language when that is not the page's.
//! Every fallback is recorded.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::Arc;

use fluent_bundle::resolver::ResolverError;
use fluent_bundle::resolver::errors::ReferenceKind;
use fluent_bundle::types::{FluentNumber, FluentValue};
use fluent_bundle::{FluentArgs, FluentError, FluentMessage};
use fluent_syntax::ast::Pattern;

use crate::base::diag::{Diagnostic, Severity, Span, Strict, human_size};
use crate::base::ident::VAR_BASE;
use crate::base::text::{self, is_control};
use crate::config::{Config, Locale, Var};
use crate::doc::markdown::{self, Mode, Problem};
use crate::doc::model::{Block, Inline, Lang, Leaf, Recorded, Reference};
use crate::doc::{Skeleton, Source};
use crate::i18n::catalog::falls_back;
use crate::i18n::values::{self, Placeholders};
use crate::i18n::{Catalog, LocaleBundle};
use crate::i18n::{builtin, interface};

/// A document in one locale, ready for a back end.
#[derive(Debug, Clone)]
pub(crate) struct Document {
    /// Document name.
    pub name: String,
    /// Title.
    pub title: Vec<Inline>,
    /// Body.
    pub blocks: Vec<Block>,
    /// The body cut where the skeleton's top-level blocks begin, so a back
    /// end can say where a piece of output came from.
    pub sections: Vec<Section>,
    /// Sources the content is based on.
    pub sources: Vec<Source>,
}

/// The blocks of a document that came from one top-level skeleton block.
#[derive(Debug, Clone)]
pub(crate) struct Section {
    /// Indices into [`Document::blocks`].
    pub blocks: std::ops::Range<usize>,
    /// The skeleton block's first message reference (or its file).
    pub span: Span,
    /// That message's id, if the block refers to one.
    pub message: Option<String>,
}

/// A message a resolver formatted: what it said and where it is defined.
#[derive(Debug, Clone)]
pub(crate) struct UsedMessage {
    /// Message id (`id` or `id.attr`).
    pub key: String,
    /// The locale whose text was used.
    pub locale: String,
    /// Where the message is defined.
    pub span: Option<Span>,
    /// The formatted text (variables as placeholders).
    pub text: String,
}

/// A message shown in another locale than the one asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fallback {
    /// Document name.
    pub document: String,
    /// Message id (`id` or `id.attr`).
    pub message: String,
    /// The page's locale.
    pub requested: String,
    /// The locale whose text was used.
    pub supplied_by: String,
}

/// Resolves the messages of one document or page in a locale, and
/// collects its diagnostics and fallbacks.
pub(crate) struct Resolver<'a> {
    config: &'a Config,
    catalog: &'a Catalog,
    locale: &'a Locale,
    document: String,
    strict: Strict,
    vars: Vec<(String, Var)>,
    /// Fluent arguments: each variable's value, for selectors.
    args: FluentArgs<'static>,
    /// What Fluent writes for each argument: its placeholder character.
    placeholders: Arc<Placeholders>,
    anchor: Span,
    /// Problems found, including those of other locales met on the chain.
    pub diagnostics: Vec<Diagnostic>,
    /// Messages that came from another locale.
    pub fallbacks: Vec<Fallback>,
    /// Every message formatted, in order.
    pub used: Vec<UsedMessage>,
    /// The page must not be written: its skeleton has an error,
    /// a message it shows has no usable text in any locale of the chain,
    /// a file of its locale could not be read, or (with `--strict`) its
    /// locale has a problem. A message with an error of its own is not
    /// enough: it falls back along the chain, like an untranslated one.
    pub failed: bool,
    /// Bytes of the document's text resolved so far, variables' values
    /// included (kyr's interface texts are not counted).
    expanded: u64,
    /// The document itself is being resolved (not an interface text).
    in_document: bool,
    /// How many times each message was asked for.
    uses: HashMap<String, usize>,
    /// The document went over a limit on what it expands to: nothing more
    /// is resolved.
    over_limit: bool,
}

impl<'a> Resolver<'a> {
    /// A resolver for `document` in `locale`; `extra` variables (such as a date)
    /// are added to the locale's. `anchor` locates problems that have no
    /// place of their own (an interface message missing everywhere).
    pub(crate) fn new(
        config: &'a Config,
        catalog: &'a Catalog,
        locale: &'a Locale,
        document: &str,
        strict: Strict,
        extra: &[(&str, &str)],
        anchor: Span,
    ) -> Self {
        let vars = with_extra(locale, extra);
        let args = args_of(&vars, 0);
        let placeholders = placeholders_of(&vars, &args);
        let failed = catalog.get(&locale.tag).is_some_and(|b| b.unreadable);
        Resolver {
            config,
            catalog,
            locale,
            document: document.to_owned(),
            strict,
            vars,
            args,
            placeholders,
            anchor,
            diagnostics: Vec::new(),
            fallbacks: Vec::new(),
            used: Vec::new(),
            failed,
            expanded: 0,
            in_document: false,
            uses: HashMap::new(),
            over_limit: false,
        }
    }

    /// Gives messages kyr's own numbers (a translated share): Fluent
    /// writes them the way of the locale whose text they land in, as it
    /// writes `NUMBER()`, rather than as variables printed as written.
    /// Call it before resolving anything.
    pub(crate) fn set_numbers(&mut self, numbers: &[(&str, FluentNumber)]) {
        self.vars
            .retain(|(name, _)| !numbers.iter().any(|(n, _)| n == name));
        let mut args = args_of(&self.vars, numbers.len());
        for (name, number) in numbers {
            args.set((*name).to_owned(), FluentValue::Number(number.clone()));
        }
        self.placeholders = placeholders_of(&self.vars, &args);
        self.args = args;
    }

    /// Resolves a whole skeleton.
    pub(crate) fn document(&mut self, skeleton: &Skeleton) -> Document {
        // Its errors were reported when it was read.
        self.failed |= skeleton.has_errors;
        self.in_document = true;
        let title = crate::doc::model::join_neighbours(self.inline_message(&skeleton.front.title));
        let title_at = skeleton.front.title.span.clone();
        self.check_pieces(crate::doc::model::pieces(&title), &title_at);
        let mut blocks = Vec::new();
        let mut sections = Vec::new();
        for block in &skeleton.blocks {
            let literal = literal_len(std::slice::from_ref(block));
            self.expand(literal, &Span::new(skeleton.file, 0..0));
            let start = blocks.len();
            let mut resolved = self.blocks(std::slice::from_ref(block));
            crate::doc::model::join_neighbours_in(&mut resolved);
            blocks.extend(resolved);
            let reference = crate::doc::model::references(std::slice::from_ref(block))
                .into_iter()
                .next();
            let at = reference
                .as_ref()
                .map_or_else(|| Span::new(skeleton.file, 0..0), |r| r.span.clone());
            self.check_pieces(
                crate::doc::model::most_paragraph_pieces(&blocks[start..]),
                &at,
            );
            sections.push(Section {
                blocks: start..blocks.len(),
                message: reference.as_ref().map(Reference::key),
                span: reference.map_or_else(|| Span::new(skeleton.file, 0..0), |r| r.span),
            });
        }
        self.in_document = false;
        Document {
            name: skeleton.name.clone(),
            title,
            blocks,
            sections,
            sources: skeleton.front.sources.clone(),
        }
    }

    /// Resolves a message used inside a line (a title, a footer line).
    pub(crate) fn inline_message(&mut self, reference: &Reference) -> Vec<Inline> {
        let Some((resolved, lang)) = self.resolve(reference, true) else {
            return Vec::new();
        };
        let inlines = match resolved {
            Resolved::Inlines(inlines) => inlines,
            Resolved::Blocks(_) => Vec::new(),
        };
        match lang {
            Some(lang) => vec![Inline::Lang {
                lang,
                content: inlines,
            }],
            None => inlines,
        }
    }

    /// Resolves a message by id with no place in a skeleton (interface text).
    pub(crate) fn interface_message(&mut self, id: &str) -> Vec<Inline> {
        let span = self.interface_span(id);
        self.inline_message(&Reference {
            id: id.to_owned(),
            attr: None,
            span,
        })
    }

    /// Interface messages point at the reference locale's definition when
    /// there is one, so a missing one still has a location.
    fn interface_span(&self, id: &str) -> Span {
        self.catalog
            .get(&self.config.reference)
            .and_then(|b| b.sources.get(id))
            .map(|s| Span::new(s.file, s.id.clone()))
            .unwrap_or_else(|| self.anchor.clone())
    }

    fn blocks(&mut self, blocks: &[Block]) -> Vec<Block> {
        let mut out = Vec::new();
        for block in blocks {
            match block {
                Block::Message(reference) => {
                    if let Some(resolved) = self.block_message(reference) {
                        out.extend(self.with_recordings([&reference.id], resolved));
                    }
                }
                Block::Paragraph(inlines) if is_literal(inlines) => {
                    let paragraph = Block::Paragraph(self.inlines(inlines));
                    out.push(self.literal_block(paragraph));
                }
                Block::Paragraph(inlines) => {
                    let paragraph = Block::Paragraph(self.inlines(inlines));
                    out.extend(self.with_recordings(inline_ids(inlines), vec![paragraph]));
                }
                Block::Heading { level, content } => {
                    let heading = Block::Heading {
                        level: *level,
                        content: self.inlines(content),
                    };
                    out.extend(self.with_recordings(inline_ids(content), vec![heading]));
                }
                Block::List { start, items } => out.push(Block::List {
                    start: *start,
                    items: items.iter().map(|item| self.blocks(item)).collect(),
                }),
                Block::Quote(inner) => out.push(Block::Quote(self.blocks(inner))),
                Block::Lang { lang, blocks } => out.push(Block::Lang {
                    lang: lang.clone(),
                    blocks: self.blocks(blocks),
                }),
                Block::Code(code) => out.push(self.literal_block(Block::Code(code.clone()))),
                Block::Rule => out.push(Block::Rule),
                Block::Recorded { recordings, blocks } => out.push(Block::Recorded {
                    recordings: recordings.clone(),
                    blocks: self.blocks(blocks),
                }),
            }
        }
        out
    }

    /// `blocks` with the recordings of messages `ids` in the resolver's locale,
    /// if it has any.
    fn with_recordings<'i>(
        &self,
        ids: impl IntoIterator<Item = &'i String>,
        blocks: Vec<Block>,
    ) -> Vec<Block> {
        let Some(bundle) = self.catalog.get(&self.locale.tag) else {
            return blocks;
        };
        let recordings: Vec<Recorded> = ids
            .into_iter()
            .filter_map(|id| bundle.recordings.get(id))
            .map(|r| Recorded {
                id: r.id.clone(),
                file: r.name.clone(),
                mime: r.container().mime(),
                duration_ms: r.info.duration.as_millis() as u64,
            })
            .collect();
        if recordings.is_empty() || blocks.is_empty() {
            return blocks;
        }
        vec![Block::Recorded { recordings, blocks }]
    }

    fn inlines(&mut self, inlines: &[Inline]) -> Vec<Inline> {
        let whole_literal = is_literal(inlines);
        let mut out = Vec::new();
        for inline in inlines {
            match inline {
                Inline::Message(reference) => out.extend(self.inline_message(reference)),
                Inline::VarRef(var) => match self.vars.iter().find(|(n, _)| *n == var.name) {
                    Some((name, value)) => {
                        let resolved = Inline::Var {
                            name: name.clone(),
                            text: value.text.clone(),
                            link: value.link.clone(),
                        };
                        let size = value.text.len() + value.link.as_ref().map_or(0, String::len);
                        if self.expand(size as u64, &var.span) {
                            out.push(resolved);
                        }
                    }
                    None => self.report(
                        Diagnostic::error(format!("unknown variable `${}`", var.name))
                            .at(var.span.clone())
                            .hint(self.known_vars_hint()),
                        None,
                    ),
                },
                Inline::Strong(c) => out.push(Inline::Strong(self.inlines(c))),
                Inline::Emphasis(c) => out.push(Inline::Emphasis(self.inlines(c))),
                Inline::Link { href, content } => out.push(Inline::Link {
                    href: href.clone(),
                    content: self.inlines(content),
                }),
                Inline::Text(text) if !whole_literal && text.chars().any(char::is_alphabetic) => {
                    out.push(self.literal_inline(Inline::Text(text.clone())))
                }
                other => out.push(other.clone()),
            }
        }
        out
    }

    /// Literal skeleton text is in the reference locale's language.
    fn literal_block(&self, block: Block) -> Block {
        match self.foreign_lang(&self.config.reference) {
            Some(lang) => Block::Lang {
                lang,
                blocks: vec![block],
            },
            None => block,
        }
    }

    fn literal_inline(&self, inline: Inline) -> Inline {
        match self.foreign_lang(&self.config.reference) {
            Some(lang) => Inline::Lang {
                lang,
                content: vec![inline],
            },
            None => inline,
        }
    }

    fn foreign_lang(&self, tag: &str) -> Option<Lang> {
        if tag == self.locale.tag {
            return None;
        }
        let locale = self.config.locale(tag)?;
        Some(Lang {
            tag: tag.to_owned(),
            dir: locale.direction,
            name: locale.endonym.clone(),
        })
    }

    fn block_message(&mut self, reference: &Reference) -> Option<Vec<Block>> {
        let (blocks, lang) = self.resolve(reference, false)?;
        let blocks = match blocks {
            Resolved::Blocks(blocks) => blocks,
            Resolved::Inlines(inlines) => vec![Block::Paragraph(inlines)],
        };
        Some(match lang {
            Some(lang) => vec![Block::Lang { lang, blocks }],
            None => blocks,
        })
    }

    /// Looks a message up along the chain; the first locale that has it
    /// without error supplies it. A locale whose message has an error (in
    /// its syntax, formatting or Markdown) is passed over as if it did
    /// not have it, the error reported.
    fn resolve(&mut self, reference: &Reference, inline: bool) -> Option<(Resolved, Option<Lang>)> {
        let key = reference.key();
        if !self.use_message(&key, reference) {
            return None;
        }
        let locale = self.locale;
        // Locales that have the message, but with an error.
        let mut unusable: Vec<&str> = Vec::new();
        for tag in &locale.chain {
            match self.resolve_in(tag, reference, &key, inline) {
                Attempt::Absent => {}
                Attempt::Unusable => unusable.push(tag),
                Attempt::OverLimit => return None,
                Attempt::Found(resolved) => {
                    let lang = self.foreign_lang(tag);
                    if lang.is_some() {
                        self.record_fallback(reference, &key, tag);
                    }
                    return Some((resolved, lang));
                }
            }
        }
        // kyr's own text of a message the reference lacks (warned about
        // once, when the project was read).
        for bundle in &self.catalog.builtin {
            if let Attempt::Found(resolved) = self.resolve_from(bundle, reference, &key, inline) {
                let lang = (bundle.tag != locale.tag).then(|| {
                    self.foreign_lang(&bundle.tag)
                        .unwrap_or_else(|| builtin::unconfigured_lang(&bundle.tag))
                });
                return Some((resolved, lang));
            }
        }
        self.report_unresolved(reference, &key, &unusable);
        None
    }

    /// The message in locale `tag` of the chain: looked up, formatted,
    /// read as Markdown, its problems reported, and recorded as used.
    fn resolve_in(&mut self, tag: &str, reference: &Reference, key: &str, inline: bool) -> Attempt {
        match self.catalog.get(tag) {
            Some(bundle) => self.resolve_from(bundle, reference, key, inline),
            None => Attempt::Absent,
        }
    }

    /// The message in `bundle`: looked up, formatted, read as Markdown,
    /// its problems reported, and recorded as used.
    fn resolve_from(
        &mut self,
        bundle: &'a LocaleBundle,
        reference: &Reference,
        key: &str,
        inline: bool,
    ) -> Attempt {
        let tag = bundle.tag.as_str();
        if bundle.broken.contains_key(&reference.id) {
            // Left out of the bundle when it was read, and reported.
            return Attempt::Unusable;
        }
        let Some(message) = bundle.bundle.get_message(&reference.id) else {
            return Attempt::Absent;
        };
        let location = bundle
            .sources
            .get(&reference.id)
            .map(|s| Span::new(s.file, s.id.clone()));
        let Some(pattern) = self.look_up(&message, reference, tag, &location) else {
            return Attempt::Unusable;
        };
        let Some(text) = self.format(bundle, pattern, key, tag, &location) else {
            return Attempt::Unusable;
        };
        let text = self.escaped_controls(text, bundle, &reference.id, key, tag);
        // Counted before the text is parsed, which is where the
        // memory goes.
        if !self.expand(self.expanded_len(&text), &reference.span) {
            return Attempt::OverLimit;
        }
        let (resolved, problems) = self.parse_message(&text, inline);
        // An error (a phone link that cannot be dialled, nesting too
        // deep) would print the message wrong: it falls back instead.
        if self.report_problems(problems, bundle, reference, key, tag, &location) {
            return Attempt::Unusable;
        }
        self.used.push(UsedMessage {
            key: key.to_owned(),
            locale: tag.to_owned(),
            span: location,
            text: text.into_owned(),
        });
        Attempt::Found(resolved)
    }

    /// The pattern `reference` names in `message`: its value, or one of
    /// its attributes; `None` (and an error) when it has no such thing.
    fn look_up<'m>(
        &mut self,
        message: &FluentMessage<'m>,
        reference: &Reference,
        tag: &str,
        location: &Option<Span>,
    ) -> Option<&'m Pattern<&'m str>> {
        let pattern = match &reference.attr {
            Some(attr) => message.get_attribute(attr).map(|a| a.value()),
            None => message.value(),
        };
        if pattern.is_none() {
            let what = match &reference.attr {
                Some(attr) => format!("has no attribute `.{attr}`"),
                None => "has no value, only attributes".to_owned(),
            };
            self.report(
                Diagnostic::error(format!(
                    "message `{}` {what} in locale `{tag}`",
                    reference.id
                ))
                .at_opt(location.clone())
                .hint(falls_back(&reference.id, tag, &self.config.reference)),
                Some(tag),
            );
        }
        pattern
    }

    /// The pattern formatted by Fluent, variables as placeholders; `None`
    /// (and an error for each problem) when Fluent could not format it.
    fn format(
        &mut self,
        bundle: &'a LocaleBundle,
        pattern: &'a Pattern<&'a str>,
        key: &str,
        tag: &str,
        location: &Option<Span>,
    ) -> Option<Cow<'a, str>> {
        let mut errors = Vec::new();
        let text = values::with_placeholders(&self.placeholders, || {
            bundle
                .bundle
                .format_pattern(pattern, Some(&self.args), &mut errors)
        });
        if errors.is_empty() {
            return Some(text);
        }
        let diagnostics: Vec<Diagnostic> = errors
            .iter()
            .map(|e| {
                let d = fluent_diagnostic(e, key, tag, bundle, location.clone());
                d.hint(falls_back(key, tag, &self.config.reference))
            })
            .collect();
        for d in diagnostics {
            self.report(d, Some(tag));
        }
        None
    }

    /// The formatted text without the control characters an escape in a
    /// string literal (`{ "\u0000" }`) made: they are dropped (a NUL
    /// shown as U+FFFD) with the warning a typed one gets when its file is
    /// read. A bidi control an escape made is kept, with the warning a
    /// typed one gets, unless the locale allows them.
    fn escaped_controls<'t>(
        &mut self,
        text: Cow<'t, str>,
        bundle: &LocaleBundle,
        id: &str,
        key: &str,
        tag: &str,
    ) -> Cow<'t, str> {
        let bidi_allowed = self.config.locale(tag).is_some_and(|l| l.bidi_controls);
        let is_bidi = |c: char| {
            matches!(
                c,
                '\u{202A}'
                    ..='\u{202E}' | '\u{2066}' | '\u{2067}' | '\u{200E}' | '\u{200F}' | '\u{061C}'
            )
        };
        if !text
            .chars()
            .any(|c| is_control(c) || (!bidi_allowed && is_bidi(c)))
        {
            return text;
        }
        let source = bundle.sources.get(id);
        let entry = source
            .and_then(|s| Some(&bundle.source_text(s.file)?[s.entry.clone()]))
            .unwrap_or("");
        // A bidi control typed in the file is `check`'s to report; one in
        // a message with no escape is CLDR's, around a number's sign
        // (`10.8\u{200E}%\u{200E}` in Arabic).
        let escaped = entry.contains("\\u") || entry.contains("\\U");
        let Some(found) = text.chars().find(|c| {
            is_control(*c) || (!bidi_allowed && escaped && is_bidi(*c) && !entry.contains(*c))
        }) else {
            return text;
        };
        let span = source.map(|s| {
            let at = entry.find("\\u").or_else(|| entry.find("\\U")).unwrap_or(0);
            Span::new(s.file, s.entry.start + at..s.entry.start + at + 2)
        });
        let what = format!("U+{:04X}", found as u32);
        let d = if is_control(found) {
            Diagnostic::warning(format!(
                "in message `{key}`: an escape makes control character {what}, which is dropped (a NUL is shown as U+FFFD)"
            ))
            .code("control-char")
        } else {
            Diagnostic::warning(format!(
                "in message `{key}`: an escape makes invisible bidi control character {what}"
            ))
            .code("bidi-control")
            .hint("kyr already keeps phone numbers and other languages in order; an invisible control can reorder or hide text, so remove it")
        };
        self.report(
            d.at_opt(span).hint(
                "remove the `{ \"\\u…\" }` escape: readers never see such a character as meant",
            ),
            Some(tag),
        );
        if !text.chars().any(is_control) {
            return text;
        }
        text::without_controls(&text).into()
    }

    /// A formatted message read as Markdown: blocks, or inlines for a
    /// message used inside a line (plain text, with a warning, when it
    /// holds blocks).
    fn parse_message(&self, text: &str, inline: bool) -> (Resolved, Vec<Problem>) {
        let mode = Mode::Message { vars: &self.vars };
        let max_nesting = self.config.limits.max_nesting;
        if !inline {
            let (blocks, problems) = markdown::parse_blocks(text, &mode, max_nesting);
            return (Resolved::Blocks(blocks), problems);
        }
        match markdown::parse_inline(text, &mode, max_nesting) {
            (Some(inlines), problems) => (Resolved::Inlines(inlines), problems),
            (None, mut problems) => {
                problems.push(Problem {
                    severity: Severity::Warning,
                    range: 0..0,
                    message: "it is used inside a line but holds paragraphs, a list or a heading, so it is shown as plain text".into(),
                    hint: Some("keep it to one paragraph, and start lines with a word rather than `#`, `-`, `>` or `1.`".into()),
                    quote: None,
                });
                let flat = markdown::plain_inlines(text.trim(), &self.vars);
                (Resolved::Inlines(flat), problems)
            }
        }
    }

    /// Reports the Markdown problems of a message in locale `tag`, each at
    /// the text it quotes when that can be found in the definition; true
    /// when one of them is an error.
    fn report_problems(
        &mut self,
        problems: Vec<Problem>,
        bundle: &LocaleBundle,
        reference: &Reference,
        key: &str,
        tag: &str,
        location: &Option<Span>,
    ) -> bool {
        let has_error = problems.iter().any(|p| p.severity == Severity::Error);
        for problem in problems {
            let span = problem
                .quote
                .as_deref()
                .and_then(|quote| locate_in_entry(bundle, &reference.id, quote))
                .or_else(|| location.clone());
            let mut d = Diagnostic {
                severity: problem.severity,
                message: format!("in message `{key}`: {}", problem.message),
                span,
                hints: Vec::new(),
                ..Diagnostic::error(String::new())
                    .code("markdown")
                    .in_message(tag, key)
            };
            if let Some(hint) = problem.hint {
                d = d.hint(hint);
            }
            if d.is_error() {
                d = d.hint(falls_back(&reference.id, tag, &self.config.reference));
            }
            self.report(d, Some(tag));
        }
        has_error
    }

    /// Reports, at the reference, a message no locale of the chain could
    /// supply: missing everywhere, or with errors in the locales
    /// (`unusable`) that have it.
    fn report_unresolved(&mut self, reference: &Reference, key: &str, unusable: &[&str]) {
        let d = if unusable.is_empty() {
            Diagnostic::error(format!(
                "message `{key}` is not defined in any of {}",
                quoted(&self.locale.chain)
            ))
            .code("message-missing")
            .hint(if interface::MESSAGES.iter().any(|m| m.id == key) {
                format!(
                    "it is one of kyr's own interface messages: copy `locales/{}/kyr.ftl` from kyr (`kyr init` writes it), or from another kyr project",
                    self.config.reference
                )
            } else {
                format!(
                    "add it to a file in `locales/{}/`, the reference locale",
                    self.config.reference
                )
            })
        } else {
            // Said alike from every page that needs it, so it is said once.
            Diagnostic::error(format!(
                "message `{key}` has no text to show: it has errors in {}, and no other locale of the chain has it",
                quoted(unusable)
            ))
            .code("message-unusable")
            .hint("fix the errors reported at its definition; until then the pages that show it are not written")
        };
        self.report(d.at(reference.span.clone()), None);
    }

    /// Bytes of text the document expanded to (kyr's interface texts not
    /// counted).
    pub(crate) fn expanded_bytes(&self) -> u64 {
        self.expanded
    }

    /// Counts one more use of message `key`; false (and an error at the
    /// reference, once) when the document is over a limit.
    fn use_message(&mut self, key: &str, reference: &Reference) -> bool {
        if self.over_limit {
            return false;
        }
        let max = self.config.limits.max_message_uses;
        let uses = self.uses.entry(key.to_owned()).or_insert(0);
        *uses += 1;
        if *uses <= max {
            return true;
        }
        self.over_limit = true;
        self.failed = true;
        let d = Diagnostic::error(format!(
            "document `{}` shows message `{key}` more than {}",
            self.document,
            if max == 1 {
                "once".to_owned()
            } else {
                format!("{max} times")
            }
        ))
        .code("limit")
        .at(reference.span.clone())
        .hint("show it fewer times, or raise `max_message_uses` under `[limits]` in kyr.toml");
        self.diagnostics.push(d);
        false
    }

    /// Adds `size` bytes to what the document expands to; false (and an
    /// error at `span`, once) when that goes over the limit.
    fn expand(&mut self, size: u64, span: &Span) -> bool {
        if self.over_limit {
            return false;
        }
        if !self.in_document {
            return true;
        }
        self.expanded = self.expanded.saturating_add(size);
        let max = self.config.limits.max_document_bytes;
        if self.expanded <= max {
            return true;
        }
        self.over_limit = true;
        self.failed = true;
        let d = Diagnostic::error(format!(
            "document `{}` in locale `{}` expands to more than {} of text (`max_document_bytes` is {max}); it passes that here",
            self.document,
            self.locale.tag,
            human_size(max),
        ))
        .code("limit")
        .at(span.clone())
        .hint("a handout this long will not be read: split it, or raise `max_document_bytes` under `[limits]` in kyr.toml");
        self.diagnostics.push(d);
        false
    }

    /// An error at `at` (once) when a paragraph is made of `most` pieces,
    /// more than the limit: Typst's paragraph layout costs glyphs ×
    /// pieces.
    fn check_pieces(&mut self, most: usize, at: &Span) {
        let max = self.config.limits.max_paragraph_pieces;
        if self.over_limit || most <= max {
            return;
        }
        self.over_limit = true;
        self.failed = true;
        let d = Diagnostic::error(format!(
            "a paragraph of document `{}` in locale `{}` is made of {most} pieces (texts, emphasis, links, variables, line breaks, long addresses), more than `max_paragraph_pieces` ({max})",
            self.document, self.locale.tag,
        ))
        .code("limit")
        .at(at.clone())
        .hint("split the paragraph, or use less emphasis; `max_paragraph_pieces` under `[limits]` in kyr.toml sets the limit");
        self.diagnostics.push(d);
    }

    /// The length of a formatted message with each variable's
    /// placeholder counted as its value (and link).
    fn expanded_len(&self, text: &str) -> u64 {
        text.chars()
            .map(|c| {
                let var = (c as u32)
                    .checked_sub(VAR_BASE)
                    .and_then(|i| self.vars.get(i as usize));
                match var {
                    Some((_, var)) => var.text.len() + var.link.as_ref().map_or(0, String::len),
                    None => c.len_utf8(),
                }
            })
            .map(|n| n as u64)
            .sum()
    }

    fn record_fallback(&mut self, reference: &Reference, key: &str, supplied_by: &str) {
        self.fallbacks.push(Fallback {
            document: self.document.clone(),
            message: key.to_owned(),
            requested: self.locale.tag.clone(),
            supplied_by: supplied_by.to_owned(),
        });
        // A message with errors in the locale (one Fluent could not read,
        // or one that could not be formatted) is reported at them.
        let broken = self
            .catalog
            .get(&self.locale.tag)
            .is_some_and(|b| b.broken.contains_key(&reference.id) || b.defines(key));
        if self.locale.complete && !broken {
            // Where the translation belongs: the locale's file of the same
            // name as the reference's that holds the message.
            let tag = self.locale.tag.clone();
            let file_name = self.catalog.get(&self.config.reference).and_then(|b| {
                let source = b.sources.get(&reference.id)?;
                b.file_name(source.file).map(str::to_owned)
            });
            let own_file = file_name
                .as_deref()
                .and_then(|name| self.catalog.get(&tag).and_then(|b| b.file_named(name)));
            let at = own_file.map_or_else(|| reference.span.clone(), |f| Span::new(f, 0..0));
            let place = file_name.map_or_else(
                || format!("`locales/{tag}/`"),
                |name| format!("`locales/{tag}/{name}`"),
            );
            self.report(
                Diagnostic::warning(format!(
                    "message `{key}` is not translated in `{tag}`, which is marked complete; using `{supplied_by}`"
                ))
                .code("fallback-in-complete")
                .in_message(&tag, key)
                .at(at)
                .hint(format!(
                    "translate it in {place} (`kyr sync {tag}` adds it there as a comment), or set `complete = false` under `[locales.{tag}]` in kyr.toml"
                )),
                Some(&tag),
            );
        }
    }

    /// Adds a diagnostic; `owner` is the locale whose message is at fault
    /// (`None`: the page's own, such as the skeleton's or a message no
    /// locale can show). Errors of the page's own fail it; a message's
    /// error does not (the message falls back), except with `--strict`,
    /// where any problem of the page's locale fails it.
    fn report(&mut self, d: Diagnostic, owner: Option<&str>) {
        let d = d.promote(self.strict);
        let fails = match owner {
            None => true,
            Some(owner) => self.strict.promotes(&d.code) && owner == self.locale.tag,
        };
        if d.is_error() && fails {
            self.failed = true;
        }
        self.diagnostics.push(d);
    }

    fn known_vars_hint(&self) -> String {
        let names: Vec<String> = self.vars.iter().map(|(n, _)| format!("`${n}`")).collect();
        if names.is_empty() {
            "no variables are defined; add them under `[vars]` in kyr.toml".into()
        } else {
            format!("defined variables: {}", names.join(", "))
        }
    }
}

/// The locale's variables and then `extra` (kyr's own, such as a date),
/// in placeholder order.
fn with_extra(locale: &Locale, extra: &[(&str, &str)]) -> Vec<(String, Var)> {
    let mut vars: Vec<(String, Var)> = locale
        .vars
        .iter()
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    for (name, text) in extra {
        vars.push((
            (*name).to_owned(),
            Var {
                text: (*text).to_owned(),
                link: None,
            },
        ));
    }
    vars
}

/// Fluent's arguments for `vars`, each its value (with room for `more`).
fn args_of(vars: &[(String, Var)], more: usize) -> FluentArgs<'static> {
    let mut args = FluentArgs::with_capacity(vars.len() + more);
    for (name, var) in vars {
        args.set(name.clone(), values::value_of(&var.text));
    }
    args
}

/// What Fluent writes for each argument of `args` that stands for one of
/// `vars`: its placeholder. A name given twice stands for its last value,
/// as `args` holds it.
fn placeholders_of(vars: &[(String, Var)], args: &FluentArgs) -> Arc<Placeholders> {
    Arc::new(Placeholders::new(args, |name| {
        let i = vars.iter().rposition(|(n, _)| n == name)?;
        char::from_u32(VAR_BASE + i as u32)
    }))
}

/// A message read as Markdown.
enum Resolved {
    Inlines(Vec<Inline>),
    Blocks(Vec<Block>),
}

/// What one locale of a chain gave for a reference.
enum Attempt {
    /// The locale has no such message: the next one is asked.
    Absent,
    /// The locale has the message, with an error (reported): the next
    /// one is asked.
    Unusable,
    /// The document went over a limit (reported): nothing more is
    /// resolved.
    OverLimit,
    /// The message's text, read.
    Found(Resolved),
}

/// Bytes of the skeleton's own text in some blocks (what is printed as
/// written, not what its references bring).
fn literal_len(blocks: &[Block]) -> u64 {
    let mut n = 0;
    crate::doc::model::walk(blocks, &mut |leaf| {
        n += match leaf {
            Leaf::Inline(Inline::Text(text) | Inline::Code(text)) => text.len(),
            Leaf::Code(text) => text.len(),
            _ => 0,
        } as u64;
    });
    n
}

/// Locale tags as a list in a message: `` `fr`, `en` ``.
fn quoted(tags: &[impl AsRef<str>]) -> String {
    let quoted: Vec<String> = tags.iter().map(|t| format!("`{}`", t.as_ref())).collect();
    quoted.join(", ")
}

/// The ids of the messages some skeleton inlines refer to, in order.
fn inline_ids(inlines: &[Inline]) -> Vec<&String> {
    let mut ids = Vec::new();
    crate::doc::model::walk_inlines(inlines, &mut |leaf| {
        if let Leaf::Inline(Inline::Message(r)) = leaf
            && !ids.contains(&&r.id)
        {
            ids.push(&r.id);
        }
    });
    ids
}

/// A paragraph with no reference in it is literal skeleton text.
fn is_literal(inlines: &[Inline]) -> bool {
    inlines.iter().all(|inline| match inline {
        Inline::Message(_) | Inline::VarRef(_) => false,
        Inline::Strong(c) | Inline::Emphasis(c) | Inline::Link { content: c, .. } => is_literal(c),
        _ => true,
    })
}

/// A Fluent formatting error as a diagnostic, pointing at the offending
/// reference inside the message when it can be found.
pub(crate) fn fluent_diagnostic(
    error: &FluentError,
    key: &str,
    tag: &str,
    bundle: &LocaleBundle,
    location: Option<Span>,
) -> Diagnostic {
    let id = key.split('.').next().unwrap_or(key);
    let (message, needle) = match error {
        FluentError::ResolverError(e) => match e {
            ResolverError::Reference(ReferenceKind::Variable { id: var }) => (
                format!("unknown variable `${var}` in message `{key}`"),
                Some(format!("${var}")),
            ),
            ResolverError::Reference(ReferenceKind::Message { id: m, attribute }) => {
                let shown = match attribute {
                    Some(a) => format!("{m}.{a}"),
                    None => m.clone(),
                };
                (
                    format!("message `{key}` refers to unknown message `{shown}`"),
                    Some(m.clone()),
                )
            }
            ResolverError::Reference(ReferenceKind::Term { id: t, .. }) => (
                format!("message `{key}` refers to unknown term `-{t}`"),
                Some(format!("-{t}")),
            ),
            ResolverError::Reference(ReferenceKind::Function { id: f }) => (
                format!("message `{key}` calls unknown function `{f}()`"),
                Some(f.clone()),
            ),
            ResolverError::Cyclic => (format!("message `{key}` refers to itself in a cycle"), None),
            ResolverError::TooManyPlaceables => (
                format!("message `{key}` expands to too many placeables"),
                None,
            ),
            ResolverError::MissingDefault => (
                format!("a selector in message `{key}` has no default variant (`*[...]`)"),
                None,
            ),
            ResolverError::NoValue(v) => (format!("`{v}` has no value (in message `{key}`)"), None),
        },
        other => (format!("message `{key}`: {other}"), None),
    };
    let span = needle
        .and_then(|needle| locate_in_entry(bundle, id, &needle))
        .or(location);
    let code = match error {
        FluentError::ResolverError(ResolverError::Cyclic) => "ftl-cycle",
        FluentError::ResolverError(ResolverError::Reference(ReferenceKind::Variable {
            ..
        })) => "variable-unknown",
        _ => "ftl-reference",
    };
    Diagnostic::error(format!("{message} (locale `{tag}`)"))
        .code(code)
        .in_message(tag, key)
        .at_opt(span)
}

/// The span of `needle` inside a message's entry, when written there.
fn locate_in_entry(bundle: &LocaleBundle, id: &str, needle: &str) -> Option<Span> {
    let source = bundle.sources.get(id)?;
    let text = bundle.source_text(source.file)?;
    let entry = text.get(source.entry.clone())?;
    let at = find_word(entry, needle)?;
    let start = source.entry.start + at;
    Some(Span::new(source.file, start..start + needle.len()))
}

/// Finds `needle` not followed by an identifier character.
fn find_word(haystack: &str, needle: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = haystack[from..].find(needle) {
        let at = from + i;
        let after = haystack[at + needle.len()..].chars().next();
        if !after.is_some_and(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
            return Some(at);
        }
        from = at + needle.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn find_word_skips_longer_identifiers() {
        assert_eq!(
            find_word("a = { $hotline2 } { $hotline }", "$hotline"),
            Some(20)
        );
        assert_eq!(find_word("a = { $x-y }", "$x"), None);
    }

    #[test]
    fn literal_paragraphs_hold_no_reference() {
        let span = Span::new(
            crate::base::diag::Files::default().add("x", String::new()),
            0..0,
        );
        let reference = Reference {
            id: "a".into(),
            attr: None,
            span,
        };
        assert!(is_literal(&[Inline::Strong(vec![Inline::Text(
            "x".into()
        )])]));
        assert!(!is_literal(&[Inline::Emphasis(vec![Inline::Message(
            reference
        )])]));
    }
}
