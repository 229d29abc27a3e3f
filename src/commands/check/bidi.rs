//! `kyr check`: the invisible bidi control characters typed into a
//! locale's files or the skeletons. kyr already keeps phone numbers and
//! other languages in order; a control can reorder or hide text, so each
//! one is a warning unless the locale allows them (`bidi_controls`).

use crate::base::diag::{Diagnostic, FileId, Span};
use crate::config::Locale;
use crate::i18n::LocaleBundle;
use crate::project::Project;

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

/// Bidi control characters typed into a locale's files.
pub(super) fn check_locale(
    project: &Project,
    locale: &Locale,
    bundle: &LocaleBundle,
    found: &mut Vec<Diagnostic>,
) {
    if locale.bidi_controls {
        return;
    }
    for (file, _) in bundle.resources() {
        controls_in(project, file, locale, found);
    }
}

/// Bidi control characters typed into the skeletons, whose text is in the
/// reference locale (its `bidi_controls` allows them).
pub(super) fn check_skeletons(project: &Project, found: &mut Vec<Diagnostic>) {
    let Some(reference) = project.config.locale(&project.config.reference) else {
        return;
    };
    if reference.bidi_controls {
        return;
    }
    for skeleton in &project.skeletons {
        controls_in(project, skeleton.file, reference, found);
    }
}

/// A warning at each bidi control character of a file in `locale`.
fn controls_in(project: &Project, file: FileId, locale: &Locale, found: &mut Vec<Diagnostic>) {
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
