//! Post-layout checks, on the laid-out frames rather than the source:
//! characters no font could draw (a box on paper), and card text that had
//! to be set under the readable size.

use typst::layout::{Frame, FrameItem};
use typst_layout::PagedDocument;

use crate::base::diag::{Diagnostic, Span};
use crate::config::Locale;
use crate::i18n::resolve::Job;

/// Card text smaller than this is hard to read.
pub(crate) const MIN_CARD_TEXT_PT: f64 = 6.5;

/// Every character shaped as glyph 0 (a box), in order of first
/// appearance. Whitespace and invisible format characters are skipped.
pub(crate) fn missing_glyphs(document: &PagedDocument) -> Vec<char> {
    let mut missing = Vec::new();
    for page in document.pages() {
        scan_frame(&page.frame, &mut missing);
    }
    missing
}

fn scan_frame(frame: &Frame, missing: &mut Vec<char>) {
    for (_, item) in frame.items() {
        match item {
            FrameItem::Group(group) => scan_frame(&group.frame, missing),
            FrameItem::Text(text) => {
                for glyph in text.glyphs.iter().filter(|g| g.id == 0) {
                    let Some(chars) = text.text.get(glyph.range()) else {
                        continue;
                    };
                    for c in chars.chars() {
                        if !c.is_whitespace()
                            && !c.is_control()
                            && !typst::text::is_default_ignorable(c)
                            && !missing.contains(&c)
                        {
                            missing.push(c);
                        }
                    }
                }
            }
            _ => {}
        }
    }
}

/// The text of the laid-out pages, one string per page, in layout order
/// (for tests and checks; glyphs of a run are in visual order).
pub fn page_texts(document: &PagedDocument) -> Vec<String> {
    fn collect(frame: &Frame, out: &mut String) {
        for (_, item) in frame.items() {
            match item {
                FrameItem::Group(group) => collect(&group.frame, out),
                FrameItem::Text(text) => {
                    out.push_str(&text.text);
                    out.push('\n');
                }
                _ => {}
            }
        }
    }
    document
        .pages()
        .iter()
        .map(|page| {
            let mut out = String::new();
            collect(&page.frame, &mut out);
            out
        })
        .collect()
}

/// `U+2D5C TIFINAGH LETTER YAT`.
pub(crate) fn describe_char(c: char) -> String {
    match unicode_names2::name(c) {
        Some(name) => format!("U+{:04X} {name}", c as u32),
        None => format!("U+{:04X}", c as u32),
    }
}

/// A warning for each side of a card whose text had to be set under the
/// readable minimum.
pub(crate) fn small_card_text(
    document: &PagedDocument,
    locale: &Locale,
    name: &str,
) -> Vec<Diagnostic> {
    fn walk(frame: &Frame, smallest: &mut f64) {
        for (_, item) in frame.items() {
            match item {
                FrameItem::Group(group) => walk(&group.frame, smallest),
                FrameItem::Text(text) if text.glyphs.iter().any(|g| g.id != 0) => {
                    *smallest = smallest.min(text.size.to_pt());
                }
                _ => {}
            }
        }
    }
    // The print shop's card: the front, then the back.
    let mut out = Vec::new();
    for (page, side) in document.pages().iter().zip(["front", "back"]) {
        let mut smallest = f64::MAX;
        walk(&page.frame, &mut smallest);
        if smallest < MIN_CARD_TEXT_PT - 0.01 {
            out.push(
                Diagnostic::warning(format!(
                    "the {side} of the `{name}` card in `{}` is set at {smallest:.2} pt to fit, under the readable {MIN_CARD_TEXT_PT} pt",
                    locale.tag
                ))
                .code("card-text-small")
                .hint("shorten the messages on that side, or leave some off the card with `skip` under `[card]` in the front matter"),
            );
        }
    }
    out
}

/// Says which messages hold a character no font can draw: a warning at
/// each message's definition (or at the variable, or the skeleton).
pub(crate) fn missing_glyph(
    anchor: &Span,
    locale: &Locale,
    document: &str,
    job: &Job,
    c: char,
) -> Vec<Diagnostic> {
    let what = describe_char(c);
    let hint = "add a font that has it to `templates/fonts/`, or write the text without it";
    let mut out: Vec<Diagnostic> = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for used in job.used.iter().filter(|u| u.text.contains(c)) {
        if seen.contains(&used.key.as_str()) {
            continue;
        }
        seen.push(&used.key);
        out.push(
            Diagnostic::warning(format!(
                "no bundled font can draw {what} in message `{}` ({}, document `{document}`, locale `{}`); the PDF shows a box instead",
                used.key, used.locale, locale.tag
            ))
            .code("glyph-missing")
            .in_message(&used.locale, &used.key)
            .at_opt(used.span.clone())
            .hint(hint),
        );
    }
    for (name, var) in &locale.vars {
        if var.text.contains(c) {
            out.push(
                Diagnostic::warning(format!(
                    "no bundled font can draw {what} in variable `${name}` (document `{document}`, locale `{}`); the PDF shows a box instead",
                    locale.tag
                ))
                .at(anchor.clone())
                .hint(hint),
            );
        }
    }
    if out.is_empty() {
        out.push(
            Diagnostic::warning(format!(
                "no bundled font can draw {what} in document `{document}` (locale `{}`); the PDF shows a box instead",
                locale.tag
            ))
            .hint(hint),
        );
    }
    out
}
