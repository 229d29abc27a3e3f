//! Post-layout checks, on the laid-out frames rather than the source:
//! characters no font could draw (a box on paper), text that reaches past
//! its clip box or the paper (cut off in print), and card text that had to
//! be set under the readable size.

use std::collections::{HashMap, HashSet};

use typst::layout::{Abs, Frame, FrameItem, Point, Rect, Transform};
use typst::text::TextItem;
use typst_layout::PagedDocument;

use crate::base::diag::{Diagnostic, FileId, Files, Span};
use crate::base::text::describe_char;
use crate::config::Locale;
use crate::doc::Skeleton;
use crate::i18n::lint;
use crate::i18n::page::Page;
use crate::i18n::resolve::Resolver;
use crate::render::{GlyphPlace, MissingGlyphs};

/// Card text smaller than this is hard to read.
pub(crate) const MIN_CARD_TEXT_PT: f64 = 7.5;

/// What the checks read of a compiled document, found in one walk over
/// its frames: the characters drawn as boxes, the runs of text whose ink
/// is outside their box, and each page's smallest text inside a clip box.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Scan {
    /// Every character shaped as glyph 0 (a box), in order of first
    /// appearance; whitespace and invisible format characters are skipped.
    pub missing: Vec<char>,
    /// Every run of text whose glyphs (their outlines, not their
    /// advances) reach outside their clip box or their page by more than
    /// a hair.
    pub outside: Vec<Outside>,
    /// Per page, the size in points of the smallest drawn text inside a
    /// clip box (a card's body), if any.
    pub smallest_clipped: Vec<Option<f64>>,
}

/// Walks the frames of `document` once for every check.
pub(crate) fn scan(document: &PagedDocument) -> Scan {
    let mut scan = Scan::default();
    let mut boxes = GlyphBoxes::default();
    for (i, page) in document.pages().iter().enumerate() {
        let size = page.frame.size();
        let bounds = Bounds {
            page: i + 1,
            page_box: Rect::new(Point::zero(), Point::new(size.x, size.y)),
            clip: None,
        };
        scan.smallest_clipped.push(None);
        let walk = &mut Walk {
            scan: &mut scan,
            boxes: &mut boxes,
        };
        scan_frame(&page.frame, Transform::identity(), &bounds, walk);
    }
    scan
}

/// What a walk over the frames finds, and the glyph boxes it has read.
struct Walk<'w> {
    scan: &'w mut Scan,
    boxes: &'w mut GlyphBoxes,
}

/// The box around each glyph's outline, read from its font once per walk
/// (reading it means parsing the outline: a walk that did so for every
/// glyph drawn took a tenth of a handout's compile).
#[derive(Default)]
struct GlyphBoxes(HashMap<(usize, u16), Option<ttf_parser::Rect>>);

impl GlyphBoxes {
    fn of(&mut self, face: &ttf_parser::Face, id: u16) -> Option<ttf_parser::Rect> {
        // A face is known by its address: the runs of one font share it
        // for as long as the document lives.
        let key = (std::ptr::from_ref(face) as usize, id);
        *self
            .0
            .entry(key)
            .or_insert_with(|| face.glyph_bounding_box(ttf_parser::GlyphId(id)))
    }
}

fn scan_frame(frame: &Frame, ts: Transform, bounds: &Bounds, walk: &mut Walk) {
    for (pos, item) in frame.items() {
        match item {
            FrameItem::Group(group) => {
                let ts = ts
                    .pre_concat(Transform::translate(pos.x, pos.y))
                    .pre_concat(group.transform);
                let clip = match &group.clip {
                    Some(curve) => {
                        let own = transformed(curve.bbox(None), ts);
                        Some(bounds.clip.map_or(own, |outer| intersection(outer, own)))
                    }
                    None => bounds.clip,
                };
                scan_frame(&group.frame, ts, &Bounds { clip, ..*bounds }, walk);
            }
            FrameItem::Text(text) => {
                let scan = &mut *walk.scan;
                scan.missing_in(text);
                scan.outside_of(text, text_ink(text, *pos, ts, walk.boxes), bounds);
                if bounds.clip.is_some() && text.glyphs.iter().any(|g| g.id != 0) {
                    let smallest = &mut scan.smallest_clipped[bounds.page - 1];
                    let size = text.size.to_pt();
                    *smallest = Some(smallest.map_or(size, |s| s.min(size)));
                }
            }
            _ => {}
        }
    }
}

impl Scan {
    /// Keeps the characters of `text` drawn as boxes.
    fn missing_in(&mut self, text: &TextItem) {
        for glyph in text.glyphs.iter().filter(|g| g.id == 0) {
            let Some(chars) = text.text.get(glyph.range()) else {
                continue;
            };
            for c in chars.chars() {
                if !c.is_whitespace()
                    && !c.is_control()
                    && !typst::text::is_default_ignorable(c)
                    && !self.missing.contains(&c)
                {
                    self.missing.push(c);
                }
            }
        }
    }

    /// Keeps `text` when its `ink` (the box around its outlines, on the
    /// page) reaches past its box.
    fn outside_of(&mut self, text: &TextItem, ink: Option<Rect>, bounds: &Bounds) {
        let Some(ink) = ink else {
            return;
        };
        let past_page = overshoot(bounds.page_box, ink);
        let past_clip = bounds.clip.map_or(0.0, |clip| overshoot(clip, ink));
        let by = past_page.max(past_clip);
        if by > OUTSIDE_TOLERANCE_PT {
            self.outside.push(Outside {
                page: bounds.page,
                text: text.text.to_string(),
                by_pt: by,
                clipped: past_clip > past_page,
            });
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

/// A warning for each side of a card whose text had to be set under the
/// readable minimum. The card's body is what the template fits into a
/// clipped block; its chrome (the review notice, the help line) is set at
/// fixed sizes outside it.
pub(crate) fn small_card_text(scan: &Scan, locale: &Locale, name: &str) -> Vec<Diagnostic> {
    // The print shop's card: the front, then the back.
    let mut out = Vec::new();
    for (smallest, side) in scan.smallest_clipped.iter().zip(["front", "back"]) {
        let Some(smallest) = *smallest else {
            continue;
        };
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
    let mut report = GlyphReport {
        locale: &page.locale.tag,
        document: &page.document.name,
        missing: missing.iter().copied().collect(),
        left: missing.to_vec(),
        diagnostics: Vec::new(),
        found: Vec::new(),
    };
    report.in_messages(page);
    report.in_variables(page, files.text(anchor.file), anchor);
    // The rest: the skeleton's own text, or a template's.
    report.in_document(files.text(skeleton.file), skeleton.file);
    (report.diagnostics, report.found)
}

/// The characters no font could draw on one page, placed so far.
struct GlyphReport<'p> {
    /// The page's locale.
    locale: &'p str,
    /// The page's document.
    document: &'p str,
    missing: HashSet<char>,
    /// The missing characters not placed yet, in order.
    left: Vec<char>,
    diagnostics: Vec<Diagnostic>,
    found: Vec<MissingGlyphs>,
}

impl GlyphReport<'_> {
    /// A warning for each message the page shows (and its officer side)
    /// that holds missing characters, at its definition.
    fn in_messages(&mut self, page: &Page) {
        let mut seen: Vec<(&str, &str)> = Vec::new();
        for used in page.resolver.used.iter().chain(&page.officer_used) {
            let chars = missing_in(&used.text, &self.missing);
            if chars.is_empty() || seen.contains(&(used.locale.as_str(), used.key.as_str())) {
                continue;
            }
            seen.push((&used.locale, &used.key));
            let place = format!(
                "message `{}` ({}, document `{}`, locale `{}`)",
                used.key, used.locale, self.document, self.locale
            );
            let d = glyph_warning(&chars, &place)
                .in_message(&used.locale, &used.key)
                .at_opt(used.span.clone());
            let place = GlyphPlace::Message {
                locale: used.locale.clone(),
                id: used.key.clone(),
            };
            self.record(d, place, chars);
        }
    }

    /// A warning for each variable the page prints that holds missing
    /// characters, at its value in kyr.toml (`config`) when it is written
    /// there as it is, else at `anchor`.
    fn in_variables(&mut self, page: &Page, config: &str, anchor: &Span) {
        for (name, text, _) in lint::printed_vars(page) {
            let chars = missing_in(&text, &self.missing);
            if chars.is_empty() {
                continue;
            }
            let quoted = format!("\"{text}\"");
            let at = config.find(&quoted).map_or(anchor.clone(), |at| {
                Span::new(anchor.file, at + 1..at + quoted.len() - 1)
            });
            let place = format!(
                "variable `${name}` (document `{}`, locale `{}`)",
                self.document, self.locale
            );
            let d = glyph_warning(&chars, &place).at(at);
            self.record(d, GlyphPlace::Variable { name }, chars);
        }
    }

    /// One warning for the characters left, at the first of them in the
    /// skeleton (`text` of `file`) when it holds one.
    fn in_document(&mut self, text: &str, file: FileId) {
        if self.left.is_empty() {
            return;
        }
        let span = self
            .left
            .iter()
            .find_map(|c| text.find(*c).map(|at| at..at + c.len_utf8()))
            .map(|range| Span::new(file, range));
        let place = format!("document `{}` (locale `{}`)", self.document, self.locale);
        let d = glyph_warning(&self.left, &place).at_opt(span);
        let place = GlyphPlace::Document {
            name: self.document.to_owned(),
        };
        let chars = self.left.clone();
        self.record(d, place, chars);
    }

    /// Keeps a warning and what it found; `chars` are placed.
    fn record(&mut self, d: Diagnostic, place: GlyphPlace, chars: Vec<char>) {
        self.diagnostics.push(d);
        self.left.retain(|c| !chars.contains(c));
        self.found.push(MissingGlyphs {
            locale: self.locale.to_owned(),
            document: self.document.to_owned(),
            place,
            chars,
        });
    }
}

/// The warning that no bundled font can draw `chars` in `place`.
fn glyph_warning(chars: &[char], place: &str) -> Diagnostic {
    let message = match chars {
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
    Diagnostic::warning(message)
        .code("glyph-missing")
        .hint(glyph_hint(chars))
}

/// A warning for each run of text cut off in print (once per text: a
/// card sheet repeats its faces), at the message that holds it.
pub(crate) fn text_outside(
    outside: &[Outside],
    layout: &str,
    document: &str,
    locale: &Locale,
    resolver: &Resolver,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for run in outside {
        let text = run.text.trim();
        if seen.contains(&text) {
            continue;
        }
        seen.push(text);
        let shown: String = text.chars().take(40).collect();
        let shown = if shown.len() < text.len() {
            format!("{shown}…")
        } else {
            shown
        };
        let edge = if run.clipped {
            "the edge of its box"
        } else {
            "the edge of the paper"
        };
        let mut d = Diagnostic::warning(format!(
            "\"{shown}\" reaches {:.1} pt past {edge} on page {} of the {layout} of `{document}` (locale `{}`), so it is cut off in print",
            run.by_pt, run.page, locale.tag
        ))
        .code("text-outside")
        .hint("shorten the text, or add spaces or `/`, `.`, `-` where a long word or number may break");
        if let Some(used) = resolver
            .used
            .iter()
            .find(|u| !text.is_empty() && u.text.contains(text))
        {
            d = d
                .in_message(&used.locale, &used.key)
                .at_opt(used.span.clone());
        }
        out.push(d);
    }
    out
}

/// Glyphs are allowed this far past a box (rounding, hairline overshoot).
const OUTSIDE_TOLERANCE_PT: f64 = 0.3;

/// A run of laid-out text with glyphs outside the box that shows it: a
/// clip box (a card's text area) or the page. On paper that ink is cut off.
#[derive(Debug, Clone, PartialEq)]
pub struct Outside {
    /// The page, from 1.
    pub page: usize,
    /// The run's text.
    pub text: String,
    /// How far the farthest glyph reaches past the box, in points.
    pub by_pt: f64,
    /// Whether the box is a clip box (else the page).
    pub clipped: bool,
}

/// Every run of text whose glyphs (their outlines, not their advances)
/// reach outside their clip box or their page by more than a hair.
pub fn glyphs_outside(document: &PagedDocument) -> Vec<Outside> {
    scan(document).outside
}

/// The boxes a frame's content must stay in.
#[derive(Clone, Copy)]
struct Bounds {
    page: usize,
    page_box: Rect,
    clip: Option<Rect>,
}

/// How far `ink` reaches past `limit` on its farthest side, in points.
fn overshoot(limit: Rect, ink: Rect) -> f64 {
    [
        limit.min.x - ink.min.x,
        ink.max.x - limit.max.x,
        limit.min.y - ink.min.y,
        ink.max.y - limit.max.y,
    ]
    .into_iter()
    .map(|d| d.to_pt())
    .fold(0.0, f64::max)
}

/// The box around the outlines of a run's glyphs, on the page.
fn text_ink(text: &TextItem, pos: Point, ts: Transform, boxes: &mut GlyphBoxes) -> Option<Rect> {
    let face = text.font.ttf();
    let scale = text.size.to_pt() / text.font.units_per_em();
    let mut x = 0.0;
    let mut ink: Option<Rect> = None;
    for glyph in &text.glyphs {
        let advance = glyph.x_advance.at(text.size).to_pt();
        let dx = glyph.x_offset.at(text.size).to_pt();
        let dy = glyph.y_offset.at(text.size).to_pt();
        if let Some(bb) = boxes.of(face, glyph.id) {
            let at = |gx: i16, gy: i16| {
                Point::new(
                    pos.x + Abs::pt(x + dx + f64::from(gx) * scale),
                    pos.y - Abs::pt(dy + f64::from(gy) * scale),
                )
            };
            let glyph_box = transformed(
                Rect::new(at(bb.x_min, bb.y_max), at(bb.x_max, bb.y_min)),
                ts,
            );
            ink = Some(match ink {
                Some(seen) => union(seen, glyph_box),
                None => glyph_box,
            });
        }
        x += advance;
    }
    ink
}

fn transformed(rect: Rect, ts: Transform) -> Rect {
    let corners = [
        rect.min,
        Point::new(rect.max.x, rect.min.y),
        Point::new(rect.min.x, rect.max.y),
        rect.max,
    ]
    .map(|p| p.transform(ts));
    let mut out = Rect::new(corners[0], corners[0]);
    for p in &corners[1..] {
        out = union(out, Rect::new(*p, *p));
    }
    out
}

fn union(a: Rect, b: Rect) -> Rect {
    Rect::new(
        Point::new(a.min.x.min(b.min.x), a.min.y.min(b.min.y)),
        Point::new(a.max.x.max(b.max.x), a.max.y.max(b.max.y)),
    )
}

fn intersection(a: Rect, b: Rect) -> Rect {
    Rect::new(
        Point::new(a.min.x.max(b.min.x), a.min.y.max(b.min.y)),
        Point::new(a.max.x.min(b.max.x), a.max.y.min(b.max.y)),
    )
}
