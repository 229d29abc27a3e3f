//! `kyr check`, message by message: every message of a locale, used or
//! not, formatted with example values (undefined messages and terms,
//! cycles, unknown functions), named against what the documents use
//! (obsolete, or a typo of an id they need), linted (variables, emphasis)
//! and looked for characters no bundled font can draw.

use std::collections::HashSet;

use fluent_bundle::FluentArgs;
use fluent_bundle::types::FluentValue;
use fluent_syntax::ast;

use crate::base::diag::{Diagnostic, FileId, Span};
use crate::config::Locale;
use crate::i18n::catalog::{MessageSource, falls_back};
use crate::i18n::resolve::fluent_diagnostic;
use crate::i18n::{LocaleBundle, interface, lint};
use crate::pdf::fonts::FontSet;
use crate::project::Project;

/// Per-message checks of one locale, every message, used or not.
pub(super) fn check_messages(
    project: &Project,
    locale: &Locale,
    bundle: &LocaleBundle,
    used: &HashSet<String>,
    fonts: &FontSet,
    found: &mut Vec<Diagnostic>,
) {
    let args = example_args(locale);
    for (id, source) in bundle.messages_in_order() {
        let at = Span::new(source.file, source.id.clone());
        let Some((file, message)) = bundle.message_ast(id) else {
            continue;
        };
        found.extend(formatting_errors(project, locale, bundle, id, &args, &at));
        // Until every document is read, what is unused is not known.
        if !used.contains(id.as_str())
            && project.unread_documents.is_empty()
            && !typo_reported(project, &locale.tag, id)
        {
            found.push(unused(project, locale, bundle, id, used).at(at.clone()));
        }
        found.extend(lint::message_problems(
            &project.messages(),
            locale,
            bundle,
            id,
            source,
            (file, message),
        ));
        let placed = (bundle, file, source);
        found.extend(missing_glyphs(locale, placed, id, message, fonts, at));
    }
}

/// Whether loading the locale already reported message `id` as a typo of
/// an id the pages use (an error every command reports).
fn typo_reported(project: &Project, tag: &str, id: &str) -> bool {
    project.diagnostics.iter().any(|d| {
        d.code == "id-typo"
            && d.in_message
                .as_ref()
                .is_some_and(|m| m.locale == tag && m.message_id == id)
    })
}

/// Every variable a message may use, as a value Fluent can format.
fn example_args(locale: &Locale) -> FluentArgs<'static> {
    let mut args = FluentArgs::new();
    for name in locale.vars.keys() {
        args.set(name.clone(), FluentValue::from("x"));
    }
    for (name, example) in interface::KYR_VARIABLES {
        args.set(*name, FluentValue::from(*example));
    }
    args
}

/// Formatting finds undefined messages and terms, cycles, unknown
/// functions, in messages no document uses too.
fn formatting_errors(
    project: &Project,
    locale: &Locale,
    bundle: &LocaleBundle,
    id: &str,
    args: &FluentArgs,
    at: &Span,
) -> Vec<Diagnostic> {
    let Some(fluent) = bundle.bundle.get_message(id) else {
        return Vec::new();
    };
    let patterns = fluent
        .value()
        .map(|p| (id.to_string(), p))
        .into_iter()
        .chain(
            fluent
                .attributes()
                .map(|a| (format!("{id}.{}", a.id()), a.value())),
        );
    let mut found = Vec::new();
    for (key, pattern) in patterns {
        let mut errors = Vec::new();
        let _ = bundle
            .bundle
            .format_pattern(pattern, Some(args), &mut errors);
        for error in &errors {
            let d = fluent_diagnostic(error, &key, &locale.tag, bundle, Some(at.clone()))
                .hint(falls_back(&key, &locale.tag, &project.config.reference));
            found.push(d);
        }
    }
    found
}

/// The warning for a message no document uses: most often a typo in the
/// id, the message meant being one the pages use and this locale does not
/// define; otherwise an obsolete message.
fn unused(
    project: &Project,
    locale: &Locale,
    bundle: &LocaleBundle,
    id: &str,
    used: &HashSet<String>,
) -> Diagnostic {
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
    d.code("obsolete").in_message(&locale.tag, id)
}

/// Characters no font can draw, before anything is printed: one warning
/// for the message, at the first of them.
fn missing_glyphs(
    locale: &Locale,
    (bundle, file, source): (&LocaleBundle, FileId, &MessageSource),
    id: &str,
    message: &ast::Message<&str>,
    fonts: &FontSet,
    at: Span,
) -> Option<Diagnostic> {
    let refs = lint::message_refs(message);
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
    let first = missing.first()?;
    let span = lint::find_in(bundle, file, source, &first.to_string()).unwrap_or(at);
    let described = crate::pdf::checks::describe_chars(&missing);
    let message = match missing.len() {
        1 => format!("no bundled font can draw {described} in `{id}`; printed, it would be a box"),
        n => format!(
            "no bundled font can draw {n} characters in `{id}`: {described}; printed, they would be boxes"
        ),
    };
    Some(
        Diagnostic::warning(message)
            .code("glyph-missing")
            .in_message(&locale.tag, id)
            .at(span)
            .hint(crate::pdf::checks::glyph_hint(&missing)),
    )
}
