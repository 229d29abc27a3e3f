//! Post-layout checks, on the laid-out frames rather than the source:
//! characters no font could draw (a box on paper), and card text that had
//! to be set under the readable size.

use typst::layout::{Frame, FrameItem};
use typst_layout::PagedDocument;

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::base::diag::{Diagnostic, Files, Span};
use crate::config::Locale;
use crate::doc::Skeleton;
use crate::i18n::lint;
use crate::i18n::page::Page;

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

/// Where characters no bundled font can draw are written.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(tag = "in", rename_all = "lowercase")]
pub enum GlyphPlace {
    /// A message, in the locale whose text was used.
    Message {
        /// That locale's tag.
        locale: String,
        /// Message id (`id` or `id.attr`).
        id: String,
    },
    /// A variable (`hotline`), from kyr.toml.
    Variable {
        /// Its name, without `$`.
        name: String,
    },
    /// The document's own text: its skeleton, or a template.
    Document {
        /// The document's name.
        name: String,
    },
}

/// Characters of one page that no bundled font can draw, and where they
/// are written.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MissingGlyphs {
    /// The page's locale.
    pub locale: String,
    /// The page's document.
    pub document: String,
    /// Where the characters are written.
    pub place: GlyphPlace,
    /// The characters, in the order they are written there.
    #[serde(with = "as_text")]
    pub chars: Vec<char>,
}

/// Characters serialized as one string.
mod as_text {
    use serde::{Deserialize, Deserializer, Serializer};

    pub(super) fn serialize<S: Serializer>(chars: &[char], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&chars.iter().collect::<String>())
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<char>, D::Error> {
        Ok(String::deserialize(d)?.chars().collect())
    }
}

/// How many characters a warning names; the others are counted.
const CHARS_NAMED: usize = 3;

/// `U+2D5C TIFINAGH LETTER YAT`, `U+2D5C ..., U+2D30 ... and U+2D4F ...`,
/// or the first [`CHARS_NAMED`] and how many more.
pub(crate) fn describe_chars(chars: &[char]) -> String {
    let named: Vec<String> = chars
        .iter()
        .take(CHARS_NAMED)
        .map(|c| describe_char(*c))
        .collect();
    match named.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, first)) if chars.len() <= CHARS_NAMED => {
            format!("{} and {last}", first.join(", "))
        }
        Some(_) => format!(
            "{} and {} more",
            named.join(", "),
            chars.len() - CHARS_NAMED
        ),
    }
}

/// What to do about characters no font can draw.
pub(crate) fn glyph_hint(chars: &[char]) -> &'static str {
    match chars {
        [_] => "add a font that has it to `templates/fonts/`, or write the text without it",
        _ => "add a font that has them to `templates/fonts/`, or write the text without them",
    }
}

/// The characters of `text` that are in `missing`, each once, in the
/// order they are written.
fn missing_in(text: &str, missing: &HashSet<char>) -> Vec<char> {
    let mut seen = HashSet::new();
    text.chars()
        .filter(|c| missing.contains(c) && seen.insert(*c))
        .collect()
}

/// Says where the characters no font could draw on a page are written:
/// one warning per message that holds some (at its definition), per
/// variable (at its value in kyr.toml) and, for the rest, one for the
/// document (at the skeleton, where they are in it). Each names the first
/// characters and counts the others. Also returns what it found, for the
/// build's per-locale summary.
pub(crate) fn missing_glyph(
    files: &Files,
    anchor: &Span,
    skeleton: &Skeleton,
    page: &Page,
    missing: &[char],
) -> (Vec<Diagnostic>, Vec<MissingGlyphs>) {
    let locale = page.locale;
    let document = &page.document.name;
    let mut diagnostics = Vec::new();
    let mut found: Vec<MissingGlyphs> = Vec::new();
    let mut left: Vec<char> = missing.to_vec();
    let missing: HashSet<char> = missing.iter().copied().collect();
    let mut record = |place: GlyphPlace, chars: Vec<char>, left: &mut Vec<char>| {
        left.retain(|c| !chars.contains(c));
        found.push(MissingGlyphs {
            locale: locale.tag.clone(),
            document: document.clone(),
            place,
            chars,
        });
    };
    let what = |chars: &[char], place: &str| match chars {
        [_] => format!(
            "no bundled font can draw {} in {place}; the PDF shows a box instead",
            describe_chars(chars)
        ),
        _ => format!(
            "no bundled font can draw {} characters in {place}: {}; the PDF shows boxes instead",
            chars.len(),
            describe_chars(chars)
        ),
    };

    let mut seen: Vec<(&str, &str)> = Vec::new();
    for used in page.job.used.iter().chain(&page.officer_used) {
        let chars = missing_in(&used.text, &missing);
        if chars.is_empty() || seen.contains(&(used.locale.as_str(), used.key.as_str())) {
            continue;
        }
        seen.push((&used.locale, &used.key));
        diagnostics.push(
            Diagnostic::warning(what(
                &chars,
                &format!(
                    "message `{}` ({}, document `{document}`, locale `{}`)",
                    used.key, used.locale, locale.tag
                ),
            ))
            .code("glyph-missing")
            .in_message(&used.locale, &used.key)
            .at_opt(used.span.clone())
            .hint(glyph_hint(&chars)),
        );
        let place = GlyphPlace::Message {
            locale: used.locale.clone(),
            id: used.key.clone(),
        };
        record(place, chars, &mut left);
    }

    let config = files.text(anchor.file);
    for (name, text, _) in lint::printed_vars(page) {
        let chars = missing_in(&text, &missing);
        if chars.is_empty() {
            continue;
        }
        // At the value in kyr.toml, when it is written there as it is.
        let quoted = format!("\"{text}\"");
        let at = config.find(&quoted).map_or(anchor.clone(), |at| {
            Span::new(anchor.file, at + 1..at + quoted.len() - 1)
        });
        diagnostics.push(
            Diagnostic::warning(what(
                &chars,
                &format!(
                    "variable `${name}` (document `{document}`, locale `{}`)",
                    locale.tag
                ),
            ))
            .code("glyph-missing")
            .at(at)
            .hint(glyph_hint(&chars)),
        );
        record(GlyphPlace::Variable { name }, chars, &mut left);
    }

    // The rest: the skeleton's own text, or a template's.
    if !left.is_empty() {
        let text = files.text(skeleton.file);
        let span = left
            .iter()
            .find_map(|c| text.find(*c).map(|at| at..at + c.len_utf8()))
            .map(|range| Span::new(skeleton.file, range));
        diagnostics.push(
            Diagnostic::warning(what(
                &left,
                &format!("document `{document}` (locale `{}`)", locale.tag),
            ))
            .code("glyph-missing")
            .at_opt(span)
            .hint(glyph_hint(&left)),
        );
        let place = GlyphPlace::Document {
            name: document.clone(),
        };
        let chars = left.clone();
        record(place, chars, &mut left);
    }
    (diagnostics, found)
}
