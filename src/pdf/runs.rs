//! Text runs made whole before export, so that what a reader copies out
//! of a PDF is what they read: Typst cuts a shaped run into a new text
//! item wherever a glyph sits higher or lower (every raised or lowered
//! Arabic or Adlam vowel mark), and each piece carries its whole cluster's
//! text, so extractors print a letter and its mark twice and break the
//! line at every mark. Here the pieces of one run join again, each glyph
//! keeping its own offset, and a cluster's text is carried by its letter
//! alone. The pages look the same: only what the glyphs read as changes.

use typst::diag::EcoVec;
use typst::layout::{Abs, Em, Frame, FrameItem, GroupItem, Point};
use typst::model::Document as _;
use typst::text::{Glyph, TextItem};
use typst_layout::PagedDocument;

/// The document with each split run joined into one text item.
pub(crate) fn joined(document: &PagedDocument) -> PagedDocument {
    // Rebuilding a document rebuilds its introspector: not for nothing.
    if !document.pages().iter().any(|page| needs_work(&page.frame)) {
        return document.clone();
    }
    let pages: EcoVec<_> = document
        .pages()
        .iter()
        .map(|page| {
            let mut page = page.clone();
            if needs_work(&page.frame) {
                page.frame = frame(&page.frame);
            }
            page
        })
        .collect();
    PagedDocument::new(pages, document.info().clone())
}

fn frame(frame: &Frame) -> Frame {
    let mut items: Vec<(Point, FrameItem)> = Vec::with_capacity(frame.items().len());
    for (pos, item) in frame.items() {
        match item {
            FrameItem::Group(group) if needs_work(&group.frame) => {
                let mut group: GroupItem = group.clone();
                group.frame = self::frame(&group.frame);
                items.push((*pos, FrameItem::Group(group)));
            }
            FrameItem::Text(next) => {
                if let Some((at, FrameItem::Text(text))) = items.last_mut()
                    && let Some(both) = join(text, *at, next, *pos)
                {
                    *text = both;
                    continue;
                }
                items.push((*pos, item.clone()));
            }
            _ => items.push((*pos, item.clone())),
        }
    }
    let mut out = frame.clone();
    out.clear();
    out.push_multiple(items.into_iter().map(|(pos, item)| match item {
        FrameItem::Text(text) => (pos, FrameItem::Text(split_clusters(text))),
        item => (pos, item),
    }));
    out
}

/// Whether a frame holds anything to join or share out: two text items in
/// a row in the same font and size, the second starting where the first
/// ends (pieces of one run), or
/// a cluster of several glyphs. Most frames of Latin text hold neither, and
/// are kept as they are rather than rebuilt.
fn needs_work(frame: &Frame) -> bool {
    let mut last: Option<(Point, &TextItem)> = None;
    for (pos, item) in frame.items() {
        match item {
            FrameItem::Group(group) => {
                if needs_work(&group.frame) {
                    return true;
                }
                last = None;
            }
            FrameItem::Text(text) => {
                let shared = text.glyphs.windows(2).any(|w| w[0].range == w[1].range);
                let beside = last.is_some_and(|(at, l)| {
                    l.font == text.font
                        && l.size == text.size
                        && (at.x + l.width() - pos.x).abs() <= Abs::pt(0.001)
                });
                if shared || beside {
                    return true;
                }
                last = Some((*pos, text));
            }
            _ => last = None,
        }
    }
    false
}

/// Where a glyph's characters are in the paragraph's source text: the
/// span and byte offset Typst gave it, the same for every glyph of a
/// cluster and distinct between clusters.
fn origin(glyph: &Glyph) -> Option<(typst::syntax::Span, usize)> {
    (!glyph.span.0.is_detached()).then_some((glyph.span.0, usize::from(glyph.span.1)))
}

/// Where an item's text starts in its paragraph's text, and the span it
/// comes from; `None` when its glyphs do not all say.
fn start(text: &TextItem) -> Option<(typst::syntax::Span, usize)> {
    let (span, _) = origin(text.glyphs.first()?)?;
    let mut start = None;
    for glyph in &text.glyphs {
        let (s, offset) = origin(glyph)?;
        if s != span {
            return None;
        }
        let begins = offset.checked_sub(glyph.range().start)?;
        if start.is_some_and(|s| s != begins) {
            return None;
        }
        start = Some(begins);
    }
    Some((span, start?))
}

/// One item of two that Typst cut out of one run: same font, size, paint
/// and language, the second starting where the first ends on the line,
/// and their texts parts of one text of the same span.
fn join(first: &TextItem, at: Point, next: &TextItem, pos: Point) -> Option<TextItem> {
    let same = first.font == next.font
        && first.size == next.size
        && first.fill == next.fill
        && first.stroke == next.stroke
        && first.lang == next.lang
        && first.region == next.region;
    if !same || (at.x + first.width() - pos.x).abs() > Abs::pt(0.001) {
        return None;
    }
    let (span_a, a) = start(first)?;
    let (span_b, b) = start(next)?;
    if span_a != span_b {
        return None;
    }
    let text = union(&first.text, a, &next.text, b)?;
    let lo = a.min(b);
    let lift = |glyph: &Glyph, from: usize, y: Abs| {
        let mut glyph = glyph.clone();
        let shift = u16::try_from(from - lo).ok()?;
        glyph.range = glyph.range.start + shift..glyph.range.end + shift;
        glyph.y_offset += Em::from_abs(y, first.size);
        Some(glyph)
    };
    // The joined item sits on the first piece's baseline; a glyph of the
    // second is raised by how much higher that piece sat (y_offset is Y-up).
    let mut glyphs = Vec::with_capacity(first.glyphs.len() + next.glyphs.len());
    for glyph in &first.glyphs {
        glyphs.push(lift(glyph, a, Abs::zero())?);
    }
    for glyph in &next.glyphs {
        glyphs.push(lift(glyph, b, at.y - pos.y)?);
    }
    Some(TextItem {
        text: text.into(),
        glyphs,
        ..first.clone()
    })
}

/// The text two pieces cover, from their starts in one text; `None` when
/// they leave a gap or disagree where they overlap.
fn union(a: &str, at_a: usize, b: &str, at_b: usize) -> Option<String> {
    let (first, at_first, second, at_second) = if at_a <= at_b {
        (a, at_a, b, at_b)
    } else {
        (b, at_b, a, at_a)
    };
    let skip = at_second - at_first;
    if skip > first.len() {
        return None;
    }
    let overlap = (first.len() - skip).min(second.len());
    if first.get(skip..skip + overlap)? != second.get(..overlap)? {
        return None;
    }
    let mut out = first.to_owned();
    out.push_str(second.get(overlap..)?);
    Some(out)
}

/// A cluster of several glyphs read once: its one glyph that is not a
/// mark (by the font's GDEF classes, or failing those, not the own glyph of
/// one of the cluster's later characters) carries the cluster's text, the
/// marks none. A mark with text of its own would be read on a line of its
/// own wherever it sits above or below the line; one carrying its letter's
/// text would be read twice. In a right-to-left run (its glyphs drawn last
/// character first, which krilla marks `/ReversedChars`) such a cluster's
/// characters are written last first too, so that a reader that reverses
/// the run (as the mark asks, and as pdftotext does with Arabic) gets the
/// letter before its marks.
fn split_clusters(mut text: TextItem) -> TextItem {
    let face = text.font.ttf();
    let falling = text
        .glyphs
        .windows(2)
        .all(|w| w[0].range == w[1].range || w[0].range.start >= w[1].range.end);
    let mut flips = Vec::new();
    let mut i = 0;
    while i < text.glyphs.len() {
        let range = text.glyphs[i].range.clone();
        let end = i + text.glyphs[i..]
            .iter()
            .take_while(|g| g.range == range)
            .count();
        let cluster = &text.text[usize::from(range.start)..usize::from(range.end)];
        let own: Vec<u16> = cluster
            .chars()
            .skip(1)
            .filter_map(|c| face.glyph_index(c).map(|g| g.0))
            .collect();
        let gdef = face.tables().gdef;
        let is_mark = |id: u16| match gdef.and_then(|t| t.glyph_class(ttf_parser::GlyphId(id))) {
            Some(class) => class == ttf_parser::gdef::GlyphClass::Mark,
            None => own.contains(&id),
        };
        let glyphs = &mut text.glyphs[i..end];
        let mut base = glyphs.iter().enumerate().filter(|(_, g)| !is_mark(g.id));
        if let (Some((b, _)), None, true) = (base.next(), base.next(), glyphs.len() > 1) {
            for (k, glyph) in glyphs.iter_mut().enumerate() {
                // An empty range on the side of its letter that keeps the
                // ranges falling (or rising) as the glyphs go.
                let at = if k < b { range.end } else { range.start };
                if k != b {
                    glyph.range = at..at;
                }
            }
            if falling {
                flips.push(usize::from(range.start)..usize::from(range.end));
            }
        }
        i = end;
    }
    if !flips.is_empty() {
        flips.sort_by_key(|r| r.start);
        let mut flipped = String::with_capacity(text.text.len());
        for r in flips {
            flipped.push_str(&text.text[flipped.len()..r.start]);
            flipped.extend(text.text[r].chars().rev());
        }
        flipped.push_str(&text.text[flipped.len()..]);
        text.text = flipped.into();
    }
    text
}
