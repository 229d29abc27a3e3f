//! CHECK: everything a build would find, and what a translator should
//! know before a handout is printed, without writing anything. Loading
//! already reports kyr.toml, Fluent syntax, duplicate ids and skeleton
//! problems; resolving every document in every locale reports missing
//! messages, formatting errors and Markdown problems. On top of that this
//! stage looks at every message, used or not: references to undefined
//! messages or terms, cycles, variables dropped or added against the
//! reference, unmatched emphasis, bidi control characters, characters no
//! font can draw, obsolete messages and stale translations.

use std::collections::{BTreeMap, HashSet};

use fluent_bundle::FluentArgs;
use fluent_bundle::types::FluentValue;
use fluent_syntax::ast;

use crate::base::diag::{Diagnostic, FileId, Sink, Span};
use crate::config::Locale;
use crate::i18n::LocaleBundle;
use crate::i18n::catalog::falls_back;
use crate::i18n::coverage::{self, interface_keys};
use crate::i18n::interface;
use crate::i18n::resolve::fluent_diagnostic;
use crate::i18n::{lint, page, recordings, stale};
use crate::pdf::fonts::FontSet;
use crate::project::Project;

/// What to check.
#[derive(Debug, Clone, Default)]
pub struct CheckOptions {
    /// Locales to check (all when empty).
    pub locales: Vec<String>,
    /// Every warning is an error.
    pub strict: bool,
}

/// Bidi controls: embeddings, overrides, isolates, marks.
const BIDI_CONTROLS: &[(char, &str)] = &[
    ('\u{202A}', "LEFT-TO-RIGHT EMBEDDING"),
    ('\u{202B}', "RIGHT-TO-LEFT EMBEDDING"),
    ('\u{202C}', "POP DIRECTIONAL FORMATTING"),
    ('\u{202D}', "LEFT-TO-RIGHT OVERRIDE"),
    ('\u{202E}', "RIGHT-TO-LEFT OVERRIDE"),
    ('\u{2066}', "LEFT-TO-RIGHT ISOLATE"),
    ('\u{2067}', "RIGHT-TO-LEFT ISOLATE"),
    ('\u{2068}', "FIRST STRONG ISOLATE"),
    ('\u{2069}', "POP DIRECTIONAL ISOLATE"),
    ('\u{200E}', "LEFT-TO-RIGHT MARK"),
    ('\u{200F}', "RIGHT-TO-LEFT MARK"),
    ('\u{061C}', "ARABIC LETTER MARK"),
];

/// Checks the project. Unknown locales in `options` are the caller's
/// concern (see [`crate::build::build`] for the usage error).
pub fn check(project: &Project, options: &CheckOptions) -> Sink {
    let config = &project.config;
    let selected =
        |tag: &str| options.locales.is_empty() || options.locales.iter().any(|t| t == tag);
    let mut found: Vec<Diagnostic> = Vec::new();

    // Loading: keep what belongs to the selected locales or to no locale.
    for d in &project.diagnostics {
        if locale_of(project, d).is_none_or(|tag| selected(&tag)) {
            found.push(d.clone());
        }
    }

    // Each skeleton reference must exist in the reference locale (one
    // that is there with an error is reported where it is defined).
    let reference = config.reference.as_str();
    for skeleton in &project.skeletons {
        for reference_use in skeleton.references() {
            if !project.catalog.get(reference).is_some_and(|b| {
                b.defines(&reference_use.key()) || b.broken.contains_key(&reference_use.id)
            }) {
                found.push(
                    Diagnostic::error(format!(
                        "message `{}` is not defined in the reference locale `{reference}`",
                        reference_use.key()
                    ))
                    .code("message-missing")
                    .at(reference_use.span.clone())
                    .hint(format!("add it to a file in `locales/{reference}/`")),
                );
            }
        }
    }

    // A card must find its two sides and its officer locale.
    for skeleton in &project.skeletons {
        let Some(sides) = &skeleton.front.card else {
            continue;
        };
        for side in [&sides.front, &sides.back] {
            if skeleton.section_of(&side.id).is_none() {
                found.push(page::no_card_side(side));
            }
        }
        if config.locale(&skeleton.front.officer_locale).is_none() {
            found.push(page::unknown_officer_locale(skeleton));
        }
    }

    let mut engine_diags = Vec::new();
    let fonts = project.pdf_engine(None, &mut engine_diags).fonts().clone();
    found.extend(engine_diags);
    let used = used_ids(project);

    let mut printed = BTreeMap::new();
    for locale in config.locales.values().filter(|l| selected(&l.tag)) {
        // Resolving every document reports what a build would.
        for skeleton in &project.skeletons {
            let page = project.messages().page(locale, skeleton, false);
            for var in lint::printed_vars(&page) {
                *printed.entry(var).or_insert(0) += 1;
            }
            // A reference missing from a skeleton is reported below, once;
            // kyr's own interface messages (located at kyr.toml) only here.
            found.extend(page.resolver.diagnostics.into_iter().filter(|d| {
                d.code != "message-missing"
                    || d.span
                        .as_ref()
                        .is_none_or(|s| s.file == project.config_file)
            }));
        }
        let Some(bundle) = project.catalog.get(&locale.tag) else {
            continue;
        };
        check_messages(project, locale, bundle, &used, &fonts, &mut found);
        check_bidi_controls(project, locale, bundle, &mut found);
        found.extend(stale::stale_diagnostics(&project.messages(), locale));
        found.extend(recordings::stale_diagnostics(&project.messages(), locale));
    }
    // The index page's texts, as a build resolves them (a project with no
    // document yet has only those).
    let mut index = Vec::new();
    project.messages().index(&|_| true, false, &mut index);
    for d in index {
        if !found.contains(&d) {
            found.push(d);
        }
    }
    check_skeleton_bidi_controls(project, &mut found);
    found.extend(lint::example_values(
        &project.messages(),
        project.files.text(project.config_file),
        &printed,
    ));

    let mut sink = Sink::default();
    for d in found {
        sink.push(d.promote(options.strict));
    }
    sink
}

/// The locale whose files a diagnostic points into.
pub(crate) fn locale_of(project: &Project, d: &Diagnostic) -> Option<String> {
    if let Some(m) = &d.in_message {
        return Some(m.locale.clone());
    }
    let span = d.span.as_ref()?;
    let path = crate::base::diag::display_path(&project.files.get(span.file).path);
    let mut parts = path.split('/');
    (parts.next() == Some("locales"))
        .then(|| parts.next().map(str::to_owned))
        .flatten()
}

/// The message whose entry holds a span, for JSON output.
pub(crate) fn message_at(project: &Project, span: &Span) -> Option<String> {
    project.catalog.locales.values().find_map(|bundle| {
        bundle
            .sources
            .iter()
            .find(|(_, s)| s.file == span.file && s.entry.contains(&span.range.start))
            .map(|(id, _)| id.clone())
    })
}

/// Ids some document, kyr itself, or another message uses.
fn used_ids(project: &Project) -> HashSet<String> {
    let mut used: HashSet<String> = HashSet::new();
    for skeleton in &project.skeletons {
        for key in coverage::document_keys(skeleton) {
            used.insert(key.split('.').next().unwrap_or(&key).to_owned());
        }
    }
    used.extend(interface_keys(&project.messages()));
    used.extend(interface::MESSAGES.iter().map(|m| m.id.to_owned()));
    // A message another message refers to is used through it.
    for bundle in project.catalog.locales.values() {
        for (_, resource) in bundle.resources() {
            for entry in resource.entries() {
                let patterns: Vec<&ast::Pattern<&str>> = match entry {
                    ast::Entry::Message(m) => m
                        .value
                        .iter()
                        .chain(m.attributes.iter().map(|a| &a.value))
                        .collect(),
                    ast::Entry::Term(t) => std::iter::once(&t.value)
                        .chain(t.attributes.iter().map(|a| &a.value))
                        .collect(),
                    _ => Vec::new(),
                };
                for pattern in patterns {
                    let mut refs = lint::Refs::default();
                    refs.pattern(pattern);
                    used.extend(refs.messages);
                }
            }
        }
    }
    used
}

/// Per-message checks of one locale, every message, used or not.
fn check_messages(
    project: &Project,
    locale: &Locale,
    bundle: &LocaleBundle,
    used: &HashSet<String>,
    fonts: &FontSet,
    found: &mut Vec<Diagnostic>,
) {
    // Every variable a message may use, as a value Fluent can format.
    let mut args = FluentArgs::new();
    for name in locale.vars.keys() {
        args.set(name.clone(), FluentValue::from("x"));
    }
    for (name, example) in interface::KYR_VARIABLES {
        args.set(*name, FluentValue::from(*example));
    }

    for (id, source) in bundle.messages_in_order() {
        let at = Span::new(source.file, source.id.clone());
        let Some((file, message)) = bundle.message_ast(id) else {
            continue;
        };

        // Formatting finds undefined messages and terms, cycles, unknown
        // functions, in messages no document uses too.
        if let Some(fluent) = bundle.bundle.get_message(id) {
            let patterns = fluent
                .value()
                .map(|p| (id.to_string(), p))
                .into_iter()
                .chain(
                    fluent
                        .attributes()
                        .map(|a| (format!("{id}.{}", a.id()), a.value())),
                );
            for (key, pattern) in patterns {
                let mut errors = Vec::new();
                let _ = bundle
                    .bundle
                    .format_pattern(pattern, Some(&args), &mut errors);
                for error in &errors {
                    let d = fluent_diagnostic(error, &key, &locale.tag, bundle, Some(at.clone()))
                        .hint(falls_back(&key, &locale.tag, &project.config.reference));
                    found.push(d);
                }
            }
        }

        let refs = lint::message_refs(message);
        // Until every document is read, what is unused is not known.
        if !used.contains(id.as_str()) && project.unread_documents.is_empty() {
            // Most often a typo in the id: the message meant is one the
            // pages use and this locale does not define.
            let meant = crate::base::ident::closest_id(
                id,
                used.iter()
                    .filter(|u| !bundle.sources.contains_key(u.as_str())),
            );
            let d = match meant {
                Some(meant) => Diagnostic::warning(format!(
                    "message `{id}` is not used by any document: did you mean `{meant}`?"
                ))
                .hint(format!(
                    "if it is a typo, correct the id to `{meant}`; until then the pages show `{meant}` from another language"
                )),
                None if locale.tag == project.config.reference => Diagnostic::warning(format!(
                    "message `{id}` is not used by any document (obsolete)"
                ))
                .hint("refer to it from a document in `content/`, or remove it once no document needs it"),
                None => Diagnostic::warning(format!(
                    "message `{id}` is not used by any document (obsolete)"
                ))
                .hint(format!(
                    "the `{}` text has no message `{id}` any more; keep the translation until you are sure it is not wanted under another id",
                    project.config.reference
                )),
            };
            found.push(
                d.code("obsolete")
                    .in_message(&locale.tag, id)
                    .at(at.clone()),
            );
        }

        found.extend(lint::message_problems(
            &project.messages(),
            locale,
            bundle,
            id,
            source,
            (file, message),
        ));

        // Characters no font can draw, before anything is printed: one
        // warning for the message, at the first of them.
        let mut missing: Vec<char> = Vec::new();
        for c in refs.text.chars() {
            if c.is_whitespace()
                || c.is_control()
                || c.is_ascii()
                || typst::text::is_default_ignorable(c)
                || missing.contains(&c)
                || fonts.covers(c)
            {
                continue;
            }
            missing.push(c);
        }
        if let Some(first) = missing.first() {
            let span =
                lint::find_in(bundle, file, source, &first.to_string()).unwrap_or(at.clone());
            let described = crate::pdf::checks::describe_chars(&missing);
            let message = match missing.len() {
                1 => format!(
                    "no bundled font can draw {described} in `{id}`; printed, it would be a box"
                ),
                n => format!(
                    "no bundled font can draw {n} characters in `{id}`: {described}; printed, they would be boxes"
                ),
            };
            found.push(
                Diagnostic::warning(message)
                    .code("glyph-missing")
                    .in_message(&locale.tag, id)
                    .at(span)
                    .hint(crate::pdf::checks::glyph_hint(&missing)),
            );
        }
    }
}

/// Bidi control characters typed into a locale's files.
fn check_bidi_controls(
    project: &Project,
    locale: &Locale,
    bundle: &LocaleBundle,
    found: &mut Vec<Diagnostic>,
) {
    if locale.bidi_controls {
        return;
    }
    for (file, _) in bundle.resources() {
        bidi_controls_in(project, file, locale, found);
    }
}

/// Bidi control characters typed into the skeletons, whose text is in the
/// reference locale (its `bidi_controls` allows them).
fn check_skeleton_bidi_controls(project: &Project, found: &mut Vec<Diagnostic>) {
    let Some(reference) = project.config.locale(&project.config.reference) else {
        return;
    };
    if reference.bidi_controls {
        return;
    }
    for skeleton in &project.skeletons {
        bidi_controls_in(project, skeleton.file, reference, found);
    }
}

/// A warning at each bidi control character of a file in `locale`.
fn bidi_controls_in(project: &Project, file: FileId, locale: &Locale, found: &mut Vec<Diagnostic>) {
    let text = project.files.text(file);
    for (at, c) in text.char_indices() {
        let Some((_, name)) = BIDI_CONTROLS.iter().find(|(b, _)| *b == c) else {
            continue;
        };
        found.push(
            Diagnostic::warning(format!(
                "invisible bidi control character U+{:04X} {name}",
                c as u32
            ))
            .code("bidi-control")
            .at(Span::new(file, at..at + c.len_utf8()))
            .hint("kyr already keeps phone numbers and other languages in order; an invisible control can reorder or hide text, so remove it")
            .hint(format!(
                "if {} needs them, set `bidi_controls = true` under `[locales.{}]` in kyr.toml",
                locale.endonym, locale.tag
            )),
        );
    }
}
