//! Imposition: a booklet's laid-out pages two to a landscape sheet in
//! saddle-stitch order, from the pages already laid out (no second
//! compile), exported like every PDF by the engine.

use typst::layout::{Abs, Frame, Point, Size};
use typst::model::Document as _;
use typst_layout::{Page, PagedDocument};

use crate::base::lang::Direction;
use crate::config::Locale;
use crate::pdf::engine::{self, Engine, Export};
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
                frame.push_frame(Point::with_x(x), pages[n - 1].frame.clone());
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

/// The imposed booklet as a PDF; `ident` is the booklet's own.
pub(crate) fn impose_booklet(
    engine: &Engine,
    document: &PagedDocument,
    locale: &Locale,
    ident: &str,
) -> Result<Vec<u8>, String> {
    let imposed = imposed_booklet(document, locale)?;
    engine::export(
        engine,
        &imposed,
        &format!("{ident}-print"),
        Export::Printing,
    )
    .map_err(|errors| {
        let messages: Vec<String> = errors.iter().map(|e| e.message.to_string()).collect();
        format!(
            "the booklet sheets could not be written: {}",
            messages.join("; ")
        )
    })
}
