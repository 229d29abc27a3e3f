//! `kyr check`: everything a build would find, and what a translator
//! should know before a handout is printed, without writing anything.
//! Loading already reports kyr.toml, Fluent syntax, duplicate ids and
//! skeleton problems; resolving every document in every locale reports
//! missing messages, formatting errors and Markdown problems. On top of
//! that this command looks at every message, used or not ([`messages`]):
//! references to undefined messages or terms, cycles, variables dropped or
//! added against the reference, unmatched emphasis, characters no font can
//! draw, obsolete messages and stale translations; and at the bidi control
//! characters typed into any file ([`bidi`]).

mod bidi;
mod messages;

use std::collections::{BTreeMap, HashSet};

use crate::base::diag::{Diagnostic, Sink, Span, Strict};
use crate::base::error::Error;
use crate::config::Locale;
use crate::doc::Skeleton;
use crate::i18n::coverage::{self, interface_keys};
use crate::i18n::interface;
use crate::i18n::lint::PrintedVar;
use crate::i18n::page::Page;
use crate::i18n::{lint, page, recordings, stale};
use crate::pdf::fonts::FontSet;
use crate::project::Project;

/// What to check.
#[derive(Debug, Clone, Default)]
pub struct CheckOptions {
    /// Locales to check (all when empty).
    pub locales: Vec<String>,
    /// Every warning is an error, but those `--allow` names.
    pub strict: Strict,
}

/// What `kyr check` found.
#[derive(Debug)]
pub struct CheckReport {
    /// Every problem, in the order found.
    pub diagnostics: Sink,
    /// How many documents were checked.
    pub documents: usize,
    /// How many locales were checked.
    pub locales: usize,
}

/// `kyr check`: [`check`], once the locales asked for are known to be
/// configured (an unknown one is a usage error).
pub fn run(project: &Project, options: &CheckOptions) -> Result<CheckReport, Error> {
    let options = &CheckOptions {
        locales: project.config.known_locales(&options.locales)?,
        ..options.clone()
    };
    Ok(CheckReport {
        diagnostics: check(project, options),
        documents: project.skeletons.len(),
        locales: if options.locales.is_empty() {
            project.config.locales.len()
        } else {
            options.locales.len()
        },
    })
}

/// Checks the project. Unknown locales in `options` are the caller's
/// concern (see [`run`] for the usage error).
pub fn check(project: &Project, options: &CheckOptions) -> Sink {
    let selected =
        |tag: &str| options.locales.is_empty() || options.locales.iter().any(|t| t == tag);
    let mut found: Vec<Diagnostic> = project
        .diagnostics
        .iter()
        .filter(|d| locale_of(project, d).is_none_or(|tag| selected(&tag)))
        .cloned()
        .collect();
    found.extend(undefined_references(project));
    found.extend(card_problems(project));

    let mut engine_diags = Vec::new();
    let fonts = project.pdf_engine(None, &mut engine_diags).fonts().clone();
    found.extend(engine_diags);
    let used = used_ids(project);

    let mut printed = BTreeMap::new();
    for locale in project.config.locales.values().filter(|l| selected(&l.tag)) {
        check_locale(project, locale, (&used, &fonts), &mut printed, &mut found);
    }
    // The index page's texts, as a build resolves them (a project with no
    // document yet has only those).
    let mut index = Vec::new();
    project.messages().index(&|_| true, Strict::OFF, &mut index);
    for d in index {
        if !found.contains(&d) {
            found.push(d);
        }
    }
    bidi::check_skeletons(project, &mut found);
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

/// Each skeleton reference must exist in the reference locale (one that
/// is there with an error is reported where it is defined).
fn undefined_references(project: &Project) -> Vec<Diagnostic> {
    let reference = project.config.reference.as_str();
    let mut found = Vec::new();
    for skeleton in &project.skeletons {
        for reference_use in skeleton.references() {
            let key = reference_use.key();
            let kyrs = project.catalog.builtin.iter().any(|b| b.defines(&key));
            if !kyrs
                && !project
                    .catalog
                    .get(reference)
                    .is_some_and(|b| b.defines(&key) || b.broken.contains_key(&reference_use.id))
            {
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
    found
}

/// A card must find its two sides and its officer locale.
fn card_problems(project: &Project) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    for skeleton in &project.skeletons {
        let Some(sides) = &skeleton.front.card else {
            continue;
        };
        for side in [&sides.front, &sides.back] {
            if skeleton.section_of(&side.id).is_none() {
                found.push(page::no_card_side(side));
            }
        }
        if project
            .config
            .locale(skeleton.front.officer_locale(&project.config))
            .is_none()
        {
            found.push(page::unknown_officer_locale(skeleton, &project.config));
        }
    }
    found
}

/// One locale: every document resolved as a build would (counting the
/// variables its pages print), then every message of its own, its bidi
/// controls, and its stale translations and recordings.
fn check_locale(
    project: &Project,
    locale: &Locale,
    (used, fonts): (&HashSet<String>, &FontSet),
    printed: &mut BTreeMap<PrintedVar, usize>,
    found: &mut Vec<Diagnostic>,
) {
    for skeleton in &project.skeletons {
        let page = project.messages().page(locale, skeleton, Strict::OFF);
        for var in lint::printed_vars(&page) {
            *printed.entry(var).or_insert(0) += 1;
        }
        pdf_problems(project, skeleton, &page, found);
        // A reference missing from a skeleton is reported by
        // `undefined_references`, once; kyr's own interface messages
        // (located at kyr.toml) only here.
        found.extend(page.resolver.diagnostics.into_iter().filter(|d| {
            d.code != "message-missing"
                || d.span
                    .as_ref()
                    .is_none_or(|s| s.file == project.config_file)
        }));
    }
    let Some(bundle) = project.catalog.get(&locale.tag) else {
        return;
    };
    messages::check_messages(project, locale, bundle, used, fonts, found);
    bidi::check_locale(project, locale, bundle, found);
    found.extend(stale::stale_diagnostics(&project.messages(), locale));
    found.extend(recordings::stale_diagnostics(&project.messages(), locale));
}

/// What only the PDFs meet, found without laying them out: a card side
/// too full for any card, an address too long for a QR code. Said once
/// each, as `build` says them.
fn pdf_problems(project: &Project, skeleton: &Skeleton, page: &Page, found: &mut Vec<Diagnostic>) {
    let mut add = |d: Diagnostic| {
        if !found.contains(&d) {
            found.push(d);
        }
    };
    if let Some(full) = crate::pdf::card_too_full(skeleton, page) {
        add(full);
    }
    for layout in &skeleton.front.layouts {
        if let Err(error) = crate::pdf::qr_for(&project.config, skeleton, page, *layout) {
            add(*error);
        }
    }
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
                for pattern in crate::i18n::refs::entry_patterns(entry) {
                    let mut refs = lint::Refs::default();
                    refs.pattern(pattern);
                    used.extend(refs.messages);
                }
            }
        }
    }
    used
}
