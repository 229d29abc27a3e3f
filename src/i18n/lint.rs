//! Checks that `check`, `build` and `watch` all report alike. Per message
//! of a locale, used or not: a variable the reference message has and the
//! translation dropped (a hotline lost in translation), one the
//! translation added. Per value printed: a hotline, address or name
//! reserved for examples, or a placeholder. (Emphasis left open is an
//! error of the catalog's, as the message falls back.)

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast;

use crate::base::diag::{Diagnostic, FileId, Span};
use crate::config::{Locale, Var};
use crate::doc::model::{self, Inline, Leaf};
use crate::i18n::page::Page;
pub(crate) use crate::i18n::refs::{Refs, message_refs};
use crate::i18n::{LocaleBundle, MessageSource, Messages};

/// The problems of every message of a locale.
pub(crate) fn locale_problems(messages: &Messages, locale: &Locale) -> Vec<Diagnostic> {
    let Some(bundle) = messages.catalog.get(&locale.tag) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    for (id, source) in bundle.messages_in_order() {
        if let Some(entry) = bundle.message_ast(id) {
            found.extend(message_problems(
                messages, locale, bundle, id, source, entry,
            ));
        }
    }
    found
}

/// The problems of one message of a locale.
pub(crate) fn message_problems(
    messages: &Messages,
    locale: &Locale,
    bundle: &LocaleBundle,
    id: &str,
    source: &MessageSource,
    (file, message): (FileId, &ast::Message<&str>),
) -> Vec<Diagnostic> {
    let checked = Checked {
        locale,
        bundle,
        id,
        source,
        file,
        at: Span::new(source.file, source.id.clone()),
    };
    let refs = message_refs(message);
    let mut found = Vec::new();
    let reference = messages.catalog.get(&messages.config.reference);
    let is_reference = locale.tag == messages.config.reference;
    // Variables against the reference message.
    if !is_reference && let Some((_, reference_message)) = reference.and_then(|r| r.message_ast(id))
    {
        let expected = message_refs(reference_message).variables;
        let reference_tag = &messages.config.reference;
        found.extend(variable_problems(&checked, &refs, &expected, reference_tag));
    }
    found
}

/// A message of a locale being checked.
struct Checked<'m> {
    locale: &'m Locale,
    bundle: &'m LocaleBundle,
    id: &'m str,
    source: &'m MessageSource,
    /// The file it is in.
    file: FileId,
    /// Its id, where a problem with no place of its own points.
    at: Span,
}

/// A warning for each variable of the reference message (locale
/// `reference_tag`) that the translation dropped, and for each it added.
fn variable_problems(
    checked: &Checked,
    refs: &Refs,
    expected: &BTreeSet<String>,
    reference_tag: &str,
) -> Vec<Diagnostic> {
    let Checked { locale, id, .. } = checked;
    let mut found = Vec::new();
    for var in expected.difference(&refs.variables) {
        let what = match locale.vars.get(var) {
            Some(v) if v.link.as_deref().is_some_and(|l| l.starts_with("tel:")) => {
                format!("dropping `{{ ${var} }}` drops the phone number")
            }
            _ => format!("dropping `{{ ${var} }}` drops what it stands for"),
        };
        found.push(
            Diagnostic::warning(format!(
                "the translation of `{id}` has no `{{ ${var} }}`, which the `{reference_tag}` message has: {what}"
            ))
            .code("variable-dropped")
            .in_message(&locale.tag, id)
            .at(checked.at.clone())
            .hint(format!("write `{{ ${var} }}` where it belongs in the sentence")),
        );
    }
    for var in refs.variables.difference(expected) {
        let span = checked.find(&format!("${var}"));
        found.push(
            Diagnostic::warning(format!(
                "the translation of `{id}` uses `{{ ${var} }}`, which the `{reference_tag}` message does not"
            ))
            .code("variable-added")
            .in_message(&locale.tag, id)
            .at(span),
        );
    }
    found
}

impl Checked<'_> {
    /// Where `needle` is written in the message, else its id.
    fn find(&self, needle: &str) -> Span {
        find_in(self.bundle, self.file, self.source, needle).unwrap_or(self.at.clone())
    }
}

/// The first occurrence of `needle` in a message's entry.
pub(crate) fn find_in(
    bundle: &LocaleBundle,
    file: FileId,
    source: &crate::i18n::MessageSource,
    needle: &str,
) -> Option<Span> {
    let text = bundle.source_text(file)?;
    let entry = text.get(source.entry.clone())?;
    let at = entry.find(needle)?;
    let start = source.entry.start + at;
    Some(Span::new(file, start..start + needle.len()))
}

/// A variable as a page prints it: name, text and link.
pub(crate) type PrintedVar = (String, String, Option<String>);

/// The variables a resolved page prints: in its body and title, kyr's
/// interface texts (the footer's hotline) and notices.
pub(crate) fn printed_vars(page: &Page) -> BTreeSet<PrintedVar> {
    let mut out = BTreeSet::new();
    let mut add = |leaf: Leaf| {
        if let Leaf::Inline(Inline::Var { name, text, link }) = leaf {
            out.insert((name.clone(), text.clone(), link.clone()));
        }
    };
    model::walk_inlines(&page.document.title, &mut add);
    model::walk(&page.document.blocks, &mut add);
    for (_, text) in &page.texts {
        model::walk_inlines(text, &mut add);
    }
    for notice in page.review_notice.iter().chain(&page.notices) {
        model::walk_inlines(notice, &mut add);
    }
    out
}

/// A warning for each printed value that is reserved for examples or a
/// placeholder never replaced (a hotline that reaches nobody), at the
/// value in `kyr.toml` (`config_text`); `pages` says how many pages print
/// it.
pub(crate) fn example_values(
    messages: &Messages,
    config_text: &str,
    printed: &BTreeMap<PrintedVar, usize>,
) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    for ((name, text, link), pages) in printed {
        let var = Var {
            text: text.clone(),
            link: link.clone(),
        };
        let Some(why) = var.example() else {
            continue;
        };
        let quoted = format!("\"{text}\"");
        let span = config_text
            .find(&quoted)
            .map_or(0..0, |at| at + 1..at + quoted.len() - 1);
        found.push(
            Diagnostic::warning(format!(
                "`${name}` is `{text}`, {why}; {pages} {} (one per language) {} it",
                if *pages == 1 { "document" } else { "documents" },
                if *pages == 1 { "prints" } else { "print" }
            ))
            .code("example-value")
            .at(Span::new(messages.config_file, span))
            .hint(format!(
                "set `{name}` under `[vars]` in kyr.toml (or the locale's or edition's) to the real value before printing"
            )),
        );
    }
    found
}
