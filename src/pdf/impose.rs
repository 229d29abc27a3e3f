//! Imposition: a booklet's laid-out pages two to a landscape sheet in
//! saddle-stitch order, from the pages already laid out (no second
//! compile), exported like every PDF by the engine. The sheets hold the
//! pages out of reading order (4 and 1, then 2 and 3), which Typst's
//! tagging cannot nest (an element that ends on page 2 would close
//! before it opened on page 1), so they are tagged as text alone: every
//! run a marked span with its language, no headings or lists (the
//! booklet itself is the reading copy that has them).

use typst::layout::{Abs, Frame, FrameItem, Point, Size};
use typst::model::Document as _;
use typst_layout::{Page, PagedDocument};

use crate::base::lang::Direction;
use crate::config::Locale;
use crate::pdf::engine::{self, Engine, Export, PdfMeta};
use crate::pdf::geometry;

/// The booklet's pages two to a landscape sheet, in saddle-stitch order
/// (right to left for a right-to-left locale).
pub(crate) fn imposed_booklet(
    document: &PagedDocument,
    locale: &Locale,
) -> Result<PagedDocument, String> {
    let pages = document.pages();
    let Some(first) = pages.first() else {
        return Err("the booklet has no pages".into());
    };
    let half = first.frame.size();
    let sheet_size = Size::new(half.x * 2.0, half.y);
    let rtl = locale.direction == Direction::Rtl;
    let mut sheets = Vec::new();
    for spread in geometry::impose(pages.len(), rtl) {
        let mut frame = Frame::hard(sheet_size);
        for (side, page) in spread.iter().enumerate() {
            if let Some(n) = page {
                let x = if side == 0 { Abs::zero() } else { half.x };
                let mut page = pages[n - 1].frame.clone();
                strip_tags(&mut page);
                frame.push_frame(Point::with_x(x), page);
            }
        }
        sheets.push(Page {
            frame,
            ..first.clone()
        });
    }
    Ok(PagedDocument::new(
        sheets.into_iter().collect(),
        document.info().clone(),
    ))
}

/// The imposed booklet as a PDF; `meta` is the booklet's own.
pub(crate) fn impose_booklet(
    engine: &Engine,
    document: &PagedDocument,
    locale: &Locale,
    meta: &PdfMeta,
) -> Result<Vec<u8>, String> {
    let imposed = imposed_booklet(document, locale)?;
    let meta = PdfMeta {
        ident: &format!("{}-print", meta.ident),
        about: meta.about,
        at: meta.at.clone(),
    };
    engine::export(engine, &imposed, &meta, Export::Printing).map_err(|errors| {
        let messages: Vec<String> = errors.iter().map(|e| e.message.to_string()).collect();
        format!(
            "the booklet sheets could not be written: {}",
            messages.join("; ")
        )
    })
}

/// Takes the introspection tags out of `frame`, the logical parents its
/// groups name by them, and its links (a tagged link needs its element;
/// the sheets are for paper).
fn strip_tags(frame: &mut Frame) {
    frame.retain(|item| match item {
        FrameItem::Tag(_) | FrameItem::Link(..) => false,
        FrameItem::Group(group) => {
            group.parent = None;
            strip_tags(&mut group.frame);
            true
        }
        _ => true,
    });
}
