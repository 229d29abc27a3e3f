//! Print geometry, computed once in Rust so templates and tests agree:
//! card sizes, where cards sit on a home-printing sheet (and where their
//! backs land when the sheet is printed on both sides), and the page order
//! of a folded booklet.

use serde::Serialize;

use crate::config::Paper;

/// A size or position in millimetres.
pub(crate) type Mm = f64;

const INCH: Mm = 25.4;

/// The paper's width and height, portrait.
pub(crate) fn paper_size(paper: Paper) -> (Mm, Mm) {
    match paper {
        Paper::A4 => (210.0, 297.0),
        Paper::UsLetter => (8.5 * INCH, 11.0 * INCH),
    }
}

/// A wallet card: ISO/IEC 7810 ID-1 (a bank card) with A4, the US business
/// card size (3.5 × 2 in) with US Letter.
pub(crate) fn card_size(paper: Paper) -> (Mm, Mm) {
    match paper {
        Paper::A4 => (85.6, 54.0),
        Paper::UsLetter => (3.5 * INCH, 2.0 * INCH),
    }
}

/// The smallest margin a home printer is trusted to print in.
const SHEET_MARGIN: Mm = 10.0;

/// Cards on a home-printing sheet.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Sheet {
    /// The sheet's width and height.
    pub page: (Mm, Mm),
    /// One card's width and height.
    pub card: (Mm, Mm),
    /// Columns and rows of cards.
    pub columns: usize,
    /// Rows of cards.
    pub rows: usize,
    /// Top-left corner of each card's front, row by row.
    pub fronts: Vec<(Mm, Mm)>,
    /// Top-left corner of each card's back on the second page, in the same
    /// order as `fronts`: printed on both sides and flipped on the long
    /// edge, each back lands behind its front.
    pub backs: Vec<(Mm, Mm)>,
}

/// As many cards as fit on the paper, cards touching so one cut separates
/// two cards: the grid centred across, and low enough on the paper to
/// leave the room above it to the note for whoever prints (the rest of
/// the height once the bottom margin is kept).
pub fn sheet(paper: Paper) -> Sheet {
    let (width, height) = paper_size(paper);
    let (cw, ch) = card_size(paper);
    let columns = ((width - 2.0 * SHEET_MARGIN) / cw).floor().max(1.0) as usize;
    let rows = ((height - 2.0 * SHEET_MARGIN) / ch).floor().max(1.0) as usize;
    let x0 = (width - columns as f64 * cw) / 2.0;
    let y0 = height - SHEET_MARGIN - rows as f64 * ch;
    let mut fronts = Vec::new();
    let mut backs = Vec::new();
    for row in 0..rows {
        for column in 0..columns {
            let x = x0 + column as f64 * cw;
            let y = y0 + row as f64 * ch;
            fronts.push((round(x), round(y)));
            // A long-edge flip mirrors left and right, not top and bottom.
            backs.push((round(width - x - cw), round(y)));
        }
    }
    Sheet {
        page: (round(width), round(height)),
        card: (cw, ch),
        columns,
        rows,
        fronts,
        backs,
    }
}

fn round(x: Mm) -> Mm {
    (x * 1000.0).round() / 1000.0
}

/// One side of a booklet sheet: the pages (1-based; `None` for a blank)
/// on its left and right halves.
pub type Spread = [Option<usize>; 2];

/// The saddle-stitch order of a booklet of `pages` pages: for each sheet,
/// its front side then its back side, to be printed on both sides (flipped
/// on the short edge), stacked, folded and stapled. Blank pages pad the
/// booklet to a multiple of four before its last page, which stays the
/// back cover (where the booklet says where to get help). A right-to-left
/// booklet binds on the right, so each side's halves swap.
pub fn impose(pages: usize, right_to_left: bool) -> Vec<Spread> {
    let total = pages.div_ceil(4).max(1) * 4;
    let page = |n: usize| {
        if n < pages || (n == pages && pages == total) || (n == 1 && pages == 1) {
            Some(n)
        } else if n == total && pages > 1 {
            Some(pages)
        } else {
            None
        }
    };
    let mut sides = Vec::new();
    for sheet in 0..total / 4 {
        let outer_last = total - 2 * sheet;
        let outer_first = 1 + 2 * sheet;
        let front = [page(outer_last), page(outer_first)];
        let back = [page(outer_first + 1), page(outer_last - 1)];
        for side in [front, back] {
            sides.push(if right_to_left {
                [side[1], side[0]]
            } else {
                side
            });
        }
    }
    sides
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ten_cards_fit_a_sheet_and_backs_mirror_fronts() {
        for paper in [Paper::A4, Paper::UsLetter] {
            let s = sheet(paper);
            assert_eq!((s.columns, s.rows), (2, 5), "{paper:?}");
            // The room above the cards holds the note for whoever prints:
            // two lines at 7 pt, 6 mm from the edge, under the crop marks.
            let top = s.fronts.iter().map(|f| f.1).fold(f64::MAX, f64::min);
            let bottom = s.page.1 - s.fronts.iter().map(|f| f.1).fold(0.0, f64::max) - s.card.1;
            assert!(
                top >= 15.0 && (bottom - SHEET_MARGIN).abs() < 0.01,
                "{paper:?}: {top} {bottom}"
            );
            for (front, back) in s.fronts.iter().zip(&s.backs) {
                assert!((back.0 - (s.page.0 - front.0 - s.card.0)).abs() < 0.01);
                assert_eq!(front.1, back.1);
                assert!(front.0 >= SHEET_MARGIN - 0.01 && front.1 >= SHEET_MARGIN - 0.01);
                assert!(front.0 + s.card.0 <= s.page.0 - SHEET_MARGIN + 0.01);
            }
        }
    }

    #[test]
    fn booklets_of_5_8_and_13_pages_in_both_directions() {
        let some = |a: usize, b: usize| [Some(a), Some(b)];
        assert_eq!(
            impose(8, false),
            vec![some(8, 1), some(2, 7), some(6, 3), some(4, 5)]
        );
        assert_eq!(
            impose(8, true),
            vec![some(1, 8), some(7, 2), some(3, 6), some(5, 4)]
        );
        // The last page stays the back cover; the blanks come before it.
        assert_eq!(
            impose(5, false),
            vec![
                some(5, 1),
                [Some(2), None],
                [None, Some(3)],
                [Some(4), None]
            ]
        );
        assert_eq!(
            impose(5, true),
            vec![
                some(1, 5),
                [None, Some(2)],
                [Some(3), None],
                [None, Some(4)]
            ]
        );
        assert_eq!(impose(1, false), vec![[None, Some(1)], [None, None]]);
        let thirteen = impose(13, false);
        assert_eq!(thirteen.len(), 8);
        assert_eq!(thirteen[0], some(13, 1));
        assert_eq!(thirteen[1], [Some(2), None]);
        assert_eq!(thirteen[2], [None, Some(3)]);
        assert_eq!(thirteen[3], [Some(4), None]);
        assert_eq!(thirteen[7], some(8, 9));
        let rtl = impose(13, true);
        assert_eq!(rtl[0], some(1, 13));
        // Every page exactly once.
        for (n, rtl) in [(1, false), (5, false), (8, true), (13, false), (13, true)] {
            let mut seen: Vec<usize> = impose(n, rtl).iter().flatten().flatten().copied().collect();
            seen.sort();
            assert_eq!(seen, (1..=n).collect::<Vec<_>>());
        }
    }
}
