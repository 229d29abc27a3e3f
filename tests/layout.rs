//! Every print layout laid out in right-to-left locales (Arabic, Adlam) and
//! in an Arabic-script locale that falls back to French, checked on the
//! laid-out frames: which side lines start on, where bullets sit, that no
//! glyph leaves its clip box, where the review notice is and how big, the
//! fallback mark, the help callout, card type size and inset, the note to
//! whoever prints a card sheet.

use kyr::inspect::{self, Typesetter, glyphs_outside};
use typst::layout::{Frame, FrameItem, Point, Transform};
use typst::visualize::{Geometry, Paint};
use typst_layout::PagedDocument;

use crate::util::{Fixture, in_digits};

/// A shaped run of text on a page, in mm from the page's top left.
#[derive(Debug, Clone)]
struct Run {
    x0: f64,
    x1: f64,
    /// The baseline.
    y: f64,
    size_pt: f64,
    /// Inside a clipped group (a card's fitted text).
    clipped: bool,
    /// Set in a bold face (weight 600 or more).
    bold: bool,
    /// How light its colour is, from 0 (black) to 1 (white).
    lightness: f64,
    text: String,
}

/// A rectangle drawn on a page (a stroked box or a rule), in mm.
#[derive(Debug, Clone, Copy)]
struct Drawn {
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
}

fn collect(frame: &Frame, ts: Transform, clipped: bool, laid: &mut Laid) {
    for (pos, item) in frame.items() {
        match item {
            FrameItem::Group(group) => {
                let ts = ts
                    .pre_concat(Transform::translate(pos.x, pos.y))
                    .pre_concat(group.transform);
                collect(&group.frame, ts, clipped || group.clip.is_some(), laid);
            }
            FrameItem::Text(text) => {
                let start = pos.transform(ts);
                let end = Point::new(pos.x + text.width(), pos.y).transform(ts);
                laid.runs.push(Run {
                    x0: start.x.to_mm().min(end.x.to_mm()),
                    x1: start.x.to_mm().max(end.x.to_mm()),
                    y: start.y.to_mm(),
                    size_pt: text.size.to_pt(),
                    clipped,
                    bold: text.font.font().info().variant.weight.to_number() >= 600,
                    lightness: lightness(&text.fill),
                    text: text.text.to_string(),
                });
            }
            FrameItem::Shape(shape, _) => {
                let (w, h) = match &shape.geometry {
                    Geometry::Line(to) => (to.x, to.y),
                    Geometry::Rect(size) => (size.x, size.y),
                    Geometry::Curve(curve) => {
                        let bbox = curve.bbox(None);
                        (bbox.max.x, bbox.max.y)
                    }
                };
                let a = pos.transform(ts);
                let b = Point::new(pos.x + w, pos.y + h).transform(ts);
                laid.drawn.push(Drawn {
                    x0: a.x.to_mm().min(b.x.to_mm()),
                    y0: a.y.to_mm().min(b.y.to_mm()),
                    x1: a.x.to_mm().max(b.x.to_mm()),
                    y1: a.y.to_mm().max(b.y.to_mm()),
                });
            }
            FrameItem::Image(_, size, _) => {
                let a = pos.transform(ts);
                let b = Point::new(pos.x + size.x, pos.y + size.y).transform(ts);
                laid.images.push(Drawn {
                    x0: a.x.to_mm().min(b.x.to_mm()),
                    y0: a.y.to_mm().min(b.y.to_mm()),
                    x1: a.x.to_mm().max(b.x.to_mm()),
                    y1: a.y.to_mm().max(b.y.to_mm()),
                });
            }
            _ => {}
        }
    }
}

/// The mean of a solid paint's red, green and blue, 0 to 1.
fn lightness(paint: &Paint) -> f64 {
    match paint {
        Paint::Solid(colour) => {
            let [r, g, b, _] = colour.to_vec4();
            f64::from(r + g + b) / 3.0
        }
        _ => 0.0,
    }
}

#[derive(Default)]
struct Laid {
    width: f64,
    height: f64,
    runs: Vec<Run>,
    drawn: Vec<Drawn>,
    /// Images (a QR code), in mm.
    images: Vec<Drawn>,
}

fn pages(document: &PagedDocument) -> Vec<Laid> {
    document
        .pages()
        .iter()
        .map(|page| {
            let size = page.frame.size();
            let mut laid = Laid {
                width: size.x.to_mm(),
                height: size.y.to_mm(),
                ..Laid::default()
            };
            collect(&page.frame, Transform::identity(), false, &mut laid);
            laid
        })
        .collect()
}

/// Runs on one line (baselines within 1 mm: a mark may sit apart), left
/// to right.
fn lines(runs: &[Run]) -> Vec<Vec<Run>> {
    // Marks placed on their own (zero advance, off the baseline) belong to
    // the letters around them.
    let mut sorted: Vec<Run> = runs
        .iter()
        .filter(|r| !r.text.trim().is_empty() && r.x1 - r.x0 > 0.01)
        .cloned()
        .collect();
    sorted.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x0.total_cmp(&b.x0)));
    let mut out: Vec<Vec<Run>> = Vec::new();
    for run in sorted {
        match out.last_mut() {
            Some(line) if (line[0].y - run.y).abs() < 1.0 => line.push(run),
            _ => out.push(vec![run]),
        }
    }
    for line in &mut out {
        line.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    }
    out
}

fn right_to_left_script(text: &str) -> bool {
    text.chars()
        .any(|c| matches!(c as u32, 0x0600..=0x06FF | 0x0750..=0x077F | 0x1E900..=0x1E95F))
}

fn latin(text: &str) -> bool {
    text.chars().any(|c| c.is_ascii_alphabetic()) && !right_to_left_script(text)
}

fn span(line: &[Run]) -> (f64, f64) {
    (
        line.iter().map(|r| r.x0).fold(f64::MAX, f64::min),
        line.iter().map(|r| r.x1).fold(f64::MIN, f64::max),
    )
}

fn text_of(line: &[Run]) -> String {
    line.iter()
        .map(|r| r.text.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A copy of the shipped project with real-looking contacts, and `wo-Arab`:
/// Wolof in Arabic script (right to left) that falls back to French, with
/// two messages of its own (test data: the Arabic text of those messages).
fn project() -> Fixture {
    let fx = Fixture::shipped();
    fx.with_real_contacts();
    fx.append(
        "kyr.toml",
        "\n[locales.wo-Arab]\nendonym = \"وࣷلࣷفْ\"\nfallback = [\"fr\"]\nreviewed = false\n",
    );
    fx.write(
        "locales/wo-Arab/red-card.ftl",
        "card-door = إذا جاء عملاء الهجرة إلى بابك، **لا تفتح الباب**.\n",
    );
    fx.write(
        "locales/wo-Arab/at-the-door.ftl",
        "door-title = إذا جاء عملاء الهجرة إلى منزلك\n",
    );
    fx
}

fn typeset(typesetter: &Typesetter, tag: &str, document: &str, what: &str) -> PagedDocument {
    let typeset = typesetter
        .typeset(tag, document, what)
        .unwrap_or_else(|| panic!("{tag}/{document} has no {what}"));
    match typeset.result {
        Ok(compiled) => compiled.document,
        Err(failed) => panic!("{tag}/{document} {what}: {:?}", failed.diagnostics),
    }
}

/// Typesets `what` and checks that no glyph reaches outside its clip box
/// or the page.
fn typeset_inside(typesetter: &Typesetter, tag: &str, document: &str, what: &str) -> PagedDocument {
    let laid = typeset(typesetter, tag, document, what);
    let outside = glyphs_outside(&laid);
    assert!(outside.is_empty(), "{tag} {what}: {outside:?}");
    laid
}

const RIGHT_TO_LEFT: [&str; 3] = ["ar", "ff-Adlm", "wo-Arab"];
const HOTLINE_DIGITS: &str = "555-1212";

/// In a right-to-left handout or booklet page, every line in the page's
/// script starts on the right, and a bullet sits at the start of its
/// line, next to its text; a French line (fallback) starts on the left
/// with its bullet on the left.
fn check_directions(tag: &str, what: &str, page: &Laid, area: (f64, f64)) {
    let (left, right) = area;
    for line in lines(&page.runs) {
        let (x0, x1) = span(&line);
        if x1 < left - 0.5 || x0 > right + 0.5 {
            continue;
        }
        let text = text_of(&line);
        let bullets: Vec<&Run> = line.iter().filter(|r| r.text.trim() == "•").collect();
        let words: Vec<&Run> = line.iter().filter(|r| r.text.trim() != "•").collect();
        if words.is_empty() {
            continue;
        }
        let (w0, w1) = span(&words.iter().map(|r| (*r).clone()).collect::<Vec<_>>());
        let rtl = words.iter().any(|r| right_to_left_script(&r.text));
        if rtl {
            assert!(
                x1 > right - 8.0,
                "{tag} {what}: a right-to-left line ends {:.1} mm short of the right edge: {text}",
                right - x1
            );
        } else if latin(&text) && !bullets.is_empty() && !text.contains("www.") {
            assert!(
                x0 < left + 20.0,
                "{tag} {what}: a French list line does not start on the left: {text}"
            );
        }
        // A bullet sits next to its text: on the right of right-to-left
        // text; a left-to-right item keeps to its bullet's side, whichever
        // way its list runs.
        for bullet in bullets {
            let right_gap = bullet.x0 - w1;
            let left_gap = w0 - bullet.x1;
            let beside_right = (-0.1..3.0).contains(&right_gap);
            let beside_left = (-0.1..3.0).contains(&left_gap);
            if rtl {
                assert!(
                    beside_right,
                    "{tag} {what}: the bullet is not just right of its text: {text}"
                );
            } else {
                assert!(
                    beside_right || beside_left,
                    "{tag} {what}: the bullet is far from its text: {text}"
                );
            }
        }
    }
}

/// The review notice: on every page, at least 9 pt, its end at the
/// right-hand text edge (the start corner of a right-to-left page), at
/// least 6 mm inside the paper.
fn check_notice(tag: &str, what: &str, page: &Laid, notice: &str, right: f64) {
    let line = lines(&page.runs)
        .into_iter()
        .find(|l| text_of(l).contains(notice))
        .unwrap_or_else(|| panic!("{tag} {what}: no review notice on a page"));
    let (x0, x1) = span(&line);
    let size = line.iter().map(|r| r.size_pt).fold(f64::MAX, f64::min);
    assert!(size >= 9.0, "{tag} {what}: the notice is {size} pt");
    assert!(
        (x1 - right).abs() < 1.0,
        "{tag} {what}: the notice ends at {x1:.1} mm, not at {right:.1} mm"
    );
    let top = line[0].y - size * 0.3528 * 1.1;
    assert!(
        top >= 6.0 && x0 >= 6.0,
        "{tag} {what}: the notice is {top:.1} mm from the top"
    );
    assert!(
        line[0].y < 30.0,
        "{tag} {what}: the notice is not at the top"
    );
}

/// The help callout on a page: the hotline in a box, at `min_pt` or more.
fn check_callout(tag: &str, what: &str, page: &Laid, min_pt: f64) {
    let line = lines(&page.runs)
        .into_iter()
        .filter(|l| text_of(l).contains(HOTLINE_DIGITS))
        .find(|l| l.iter().any(|r| r.size_pt >= min_pt))
        .unwrap_or_else(|| panic!("{tag} {what}: no hotline at {min_pt} pt or more"));
    let (x0, x1) = span(&line);
    let y = line[0].y;
    assert!(
        page.drawn.iter().any(|d| d.x0 < x0
            && d.x1 > x1
            && d.y0 < y
            && d.y1 > y
            && d.y1 - d.y0 < 40.0),
        "{tag} {what}: the hotline is not boxed"
    );
}

fn notice_of(tag: &str) -> &'static str {
    match tag {
        "ar" => "مراجعة",
        // ff-Adlm and wo-Arab have no translation of it: French, through
        // their chains.
        _ => "traduction",
    }
}

#[test]
fn handouts_and_booklets_are_laid_out_right_to_left_with_their_chrome() {
    let fx = project();
    let project = fx.load();
    let typesetter = Typesetter::new(&project, None);
    for tag in RIGHT_TO_LEFT {
        for (what, margin) in [("handout", 20.0), ("booklet", 14.0)] {
            let document = typeset_inside(&typesetter, tag, "at-the-door", what);
            let laid = pages(&document);
            for (i, page) in laid.iter().enumerate() {
                // A booklet's blank page before its back cover has no chrome.
                if what == "booklet" && page.runs.iter().all(|r| r.text.trim().is_empty()) {
                    continue;
                }
                let area = (margin, page.width - margin);
                check_directions(tag, what, page, area);
                check_notice(tag, what, page, notice_of(tag), area.1);
                // The footer: the page number at the end (left) side, in
                // the locale's digits (Adlam's in ff-Adlm, which run right
                // to left: the line reads them in reverse, left to right).
                let zero = if tag == "ff-Adlm" { '\u{1E950}' } else { '0' };
                let digits = |n: usize| in_digits(n, zero);
                let number = format!("{} / {}", digits(i + 1), digits(laid.len()));
                let reversed: String = number.chars().rev().collect();
                let number = lines(&page.runs)
                    .into_iter()
                    .find(|l| {
                        let text = text_of(l).split_whitespace().collect::<Vec<_>>().join(" ");
                        text.contains(&number) || text.contains(&reversed)
                    })
                    .unwrap_or_else(|| panic!("{tag} {what}: no page number {number:?}"));
                assert!(
                    span(&number).0 < margin + 1.0,
                    "{tag} {what}: page number not on the left"
                );
            }
            check_callout(tag, what, &laid[0], 10.0);
            if what == "booklet" {
                check_callout(tag, "back cover", laid.last().unwrap(), 13.0);
            }
            // The sources: "name (address)" each, bullet on the right.
            let source = lines(&laid.last().unwrap().runs)
                .into_iter()
                .chain(laid.iter().flat_map(|p| lines(&p.runs)))
                .find(|l| text_of(l).contains("ACLU"))
                .unwrap_or_else(|| panic!("{tag} {what}: no sources"));
            let name = source.iter().find(|r| r.text.contains("ACLU")).unwrap();
            let address = source.iter().find(|r| r.text.contains("aclu")).unwrap();
            assert!(
                name.x0 < address.x0,
                "{tag} {what}: the address is left of the name"
            );
            let bullet = source.iter().find(|r| r.text.trim() == "•").unwrap();
            assert!(
                bullet.x0 >= span(&source).1 - 3.0,
                "{tag} {what}: the source's bullet is not on the right"
            );
        }
    }
}

#[test]
fn fallback_passages_are_marked_with_a_rule_and_their_language() {
    let fx = project();
    let project = fx.load();
    let typesetter = Typesetter::new(&project, None);
    for tag in ["ff-Adlm", "wo-Arab"] {
        let laid = pages(&typeset(&typesetter, tag, "at-the-door", "handout"));
        let first = &laid[0];
        let name = first
            .runs
            .iter()
            .find(|r| r.text == "Français")
            .unwrap_or_else(|| panic!("{tag}: no \"Français\" mark"));
        // The French under the mark starts on the left, beside a vertical
        // rule on its left.
        let french = lines(&first.runs)
            .into_iter()
            .find(|l| l[0].y > name.y + 1.0 && latin(&text_of(l)))
            .unwrap();
        let (x0, _) = span(&french);
        assert!(
            x0 < 30.0,
            "{tag}: French fallback does not start on the left"
        );
        assert!(
            first.drawn.iter().any(|d| d.x1 - d.x0 < 1.0
                && d.y1 - d.y0 > 3.0
                && d.x1 < x0
                && x0 - d.x1 < 6.0
                && d.y0 <= french[0].y
                && d.y1 >= french[0].y),
            "{tag}: no rule beside the French passage"
        );
        // The page says it is mostly not translated, at the top.
        let notice = lines(&first.runs)
            .into_iter()
            .find(|l| text_of(l).contains("La plus grande partie"))
            .unwrap_or_else(|| panic!("{tag}: no mostly-fallback notice"));
        assert!(notice[0].y < 45.0);
    }
}

/// The smallest sizes on a card front: its body (what the template fits
/// into the clip box), the hotline, and the rest of its chrome (the review
/// notice, the names of the languages shown, "Listen").
const CARD_BODY_PT: f64 = 7.5;
const CARD_HOTLINE_PT: f64 = 8.0;
const CARD_CHROME_PT: f64 = 6.5;

/// A card front (`page` holds its runs and shapes only): the body at
/// 7.5 pt or more, the hotline boxed, bold, at 8 pt or more, the rest of
/// its chrome at 6.5 pt or more. Returns the body's size.
fn check_card_front(tag: &str, what: &str, page: &Laid) -> f64 {
    let body: Vec<&Run> = page
        .runs
        .iter()
        .filter(|r| r.clipped && !r.text.trim().is_empty())
        .collect();
    assert!(!body.is_empty(), "{tag} {what}: no body text");
    let smallest = body.iter().map(|r| r.size_pt).fold(f64::MAX, f64::min);
    assert!(
        smallest >= CARD_BODY_PT - 0.01,
        "{tag} {what}: the body is set at {smallest:.2} pt"
    );
    let hotline: Vec<&Run> = page
        .runs
        .iter()
        .filter(|r| r.text.contains("1212"))
        .collect();
    assert!(!hotline.is_empty(), "{tag} {what}: no hotline");
    for run in hotline {
        assert!(
            run.size_pt >= CARD_HOTLINE_PT - 0.01 && run.bold && !run.clipped,
            "{tag} {what}: the hotline {:?} is at {:.2} pt, bold {}",
            run.text,
            run.size_pt,
            run.bold
        );
    }
    check_callout(tag, what, page, CARD_HOTLINE_PT);
    for run in page
        .runs
        .iter()
        .filter(|r| !r.clipped && !r.text.trim().is_empty())
    {
        assert!(
            run.size_pt >= CARD_CHROME_PT - 0.01,
            "{tag} {what}: {:?} is set at {:.2} pt",
            run.text,
            run.size_pt
        );
    }
    smallest
}

/// The runs and shapes of a page inside the rectangle at `at` of `size`
/// (one card of a sheet), in the page's coordinates.
fn within(page: &Laid, at: (f64, f64), size: (f64, f64)) -> Laid {
    let ((x, y), (w, h)) = (at, size);
    let inside = |x0: f64, x1: f64, y0: f64, y1: f64| {
        x0 >= x - 0.01 && x1 <= x + w + 0.01 && y0 >= y - 0.01 && y1 <= y + h + 0.01
    };
    Laid {
        width: page.width,
        height: page.height,
        runs: page
            .runs
            .iter()
            .filter(|r| inside(r.x0, r.x1, r.y, r.y))
            .cloned()
            .collect(),
        drawn: page
            .drawn
            .iter()
            .filter(|d| inside(d.x0, d.x1, d.y0, d.y1))
            .copied()
            .collect(),
        images: page
            .images
            .iter()
            .filter(|d| inside(d.x0, d.x1, d.y0, d.y1))
            .copied()
            .collect(),
    }
}

/// The note to whoever prints a card sheet, on its first page: above the
/// cards, at 7 pt or more, in dark grey, each line between two crop marks
/// (within one card's width, 2 mm clear of the cut lines).
fn check_sheet_note(tag: &str, front: &Laid, sheet: &inspect::Sheet) {
    let x0 = sheet.fronts.iter().map(|p| p.0).fold(f64::MAX, f64::min);
    let y0 = sheet.fronts.iter().map(|p| p.1).fold(f64::MAX, f64::min);
    let cw = sheet.card.0;
    let note: Vec<&Run> = front
        .runs
        .iter()
        .filter(|r| r.y < y0 && !r.text.trim().is_empty())
        .collect();
    assert!(!note.is_empty(), "{tag} sheet: no note to whoever prints");
    for run in note {
        assert!(
            run.size_pt >= 7.0 - 0.01,
            "{tag} sheet: the note is set at {:.2} pt",
            run.size_pt
        );
        assert!(
            (0.1..=0.3).contains(&run.lightness),
            "{tag} sheet: the note is not dark grey ({:.2})",
            run.lightness
        );
        let column = ((run.x0 - x0) / cw).floor();
        assert!(
            run.x0 >= x0 + column * cw + 2.0 && run.x1 <= x0 + (column + 1.0) * cw - 2.0,
            "{tag} sheet: the note's line {:?} meets a crop mark",
            run.text
        );
    }
}

#[test]
fn card_sheets_and_cards_start_on_the_right_keep_text_inside_and_readable() {
    let fx = project();
    let project = fx.load();
    let typesetter = Typesetter::new(&project, None);
    let reference = project.config.locale("en").unwrap();
    let sheet = inspect::sheet(reference.paper);
    for tag in project.config.locales.keys() {
        let card = typeset_inside(&typesetter, tag, "red-card", "card");
        for (side, page) in ["front", "back"].iter().zip(pages(&card)) {
            // Body text at 7.5 pt or more, all text 3 mm inside the cut.
            let body: Vec<&Run> = page
                .runs
                .iter()
                .filter(|r| r.clipped && !r.text.trim().is_empty())
                .collect();
            assert!(!body.is_empty());
            let smallest = body.iter().map(|r| r.size_pt).fold(f64::MAX, f64::min);
            assert!(
                smallest >= CARD_BODY_PT - 0.01,
                "{tag} card {side}: text at {smallest:.2} pt"
            );
            for run in page.runs.iter().filter(|r| !r.text.trim().is_empty()) {
                let top = run.y - run.size_pt * 0.3528 * 1.07;
                assert!(
                    run.x0 >= 2.9
                        && run.x1 <= page.width - 2.9
                        && top >= 2.9
                        && run.y <= page.height - 2.9,
                    "{tag} card {side}: {:?} is within 3 mm of the cut",
                    run.text
                );
            }
            if *side == "front" {
                check_card_front(tag, "card", &page);
            }
        }
        if tag != "en" {
            let front = &pages(&card)[0];
            let notice = front.runs.iter().find(|r| !r.clipped && r.y < 8.0);
            assert!(
                notice.is_some(),
                "{tag}: no review notice on the card front"
            );
        }

        let document = typeset_inside(&typesetter, tag, "red-card", "card-sheet");
        let laid = pages(&document);
        let front = &laid[0];
        // Every mark of ink at least 6 mm inside the paper.
        for run in front.runs.iter().filter(|r| !r.text.trim().is_empty()) {
            assert!(
                run.x0 >= 6.0 && run.x1 <= front.width - 6.0 && run.y - run.size_pt * 0.3528 >= 6.0,
                "{tag} sheet: {:?} is within 6 mm of the paper's edge",
                run.text
            );
        }
        check_sheet_note(tag, front, &sheet);
        // The first card on the sheet: its lines start on the side of the
        // locale's direction, bullets beside their text.
        let (cx, cy) = sheet.fronts[0];
        let (cw, _) = sheet.card;
        let card_page = within(front, sheet.fronts[0], sheet.card);
        check_card_front(tag, "card sheet", &card_page);
        if RIGHT_TO_LEFT.contains(&tag.as_str()) {
            check_directions(tag, "card sheet", &card_page, (cx + 3.0, cx + cw - 3.0));
        }
        if tag != "en" {
            let notice = card_page.runs.iter().find(|r| !r.clipped && r.y < cy + 8.0);
            assert!(
                notice.is_some(),
                "{tag}: no review notice on the sheet's cards"
            );
        }
    }
}

#[test]
fn an_audio_first_card_front_keeps_its_body_and_hotline_readable_beside_its_qr_code() {
    let fx = Fixture::shipped();
    fx.with_real_contacts();
    fx.with_qr("https://kyr.example.net/{locale}/{document}.html");
    let tags = ["en", "ar", "ff-Adlm", "wo"];
    fx.read_by_ear(&["English", "العربية", "𞤆𞤵𞤤𞤢𞤪", "Wolof"]);
    // Wolof, read by ear first, with two recordings of its card's front.
    let tone = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/audio/tone.ogg"),
    )
    .unwrap();
    std::fs::create_dir_all(fx.root().join("locales/wo/audio")).unwrap();
    for message in ["card-door", "card-silent"] {
        std::fs::write(
            fx.root().join(format!("locales/wo/audio/{message}.ogg")),
            &tone,
        )
        .unwrap();
    }
    let project = fx.load();
    let typesetter = Typesetter::new(&project, None);
    for tag in tags {
        let card = typeset_inside(&typesetter, tag, "red-card", "card");
        let front = &pages(&card)[0];
        check_card_front(tag, "audio-first card", front);
        // The code: inside the card, clear of the cut and of every line of
        // text, and it scans.
        let found = &front.images;
        assert_eq!(found.len(), 1, "{tag}: {found:?}");
        let code = found[0];
        assert!(
            code.x0 >= 2.9
                && code.y0 >= 2.9
                && code.x1 <= front.width - 2.9
                && code.y1 <= front.height - 2.9,
            "{tag}: the QR code is within 3 mm of the cut: {code:?}"
        );
        for run in front.runs.iter().filter(|r| !r.text.trim().is_empty()) {
            let top = run.y - run.size_pt * 0.3528;
            let apart =
                run.x1 <= code.x0 || run.x0 >= code.x1 || run.y <= code.y0 || top >= code.y1;
            assert!(apart, "{tag}: {:?} runs into the QR code", run.text);
        }
        assert_eq!(
            crate::print::qr_codes_at(&card.pages()[0], 10.0),
            [format!("https://kyr.example.net/{tag}/red-card.html")],
            "{tag}"
        );
        let sheet = typeset_inside(&typesetter, tag, "red-card", "card-sheet");
        let laid = pages(&sheet);
        let grid = inspect::sheet(project.config.locale(tag).unwrap().paper);
        check_card_front(
            tag,
            "audio-first sheet",
            &within(&laid[0], grid.fronts[0], grid.card),
        );
    }
}

/// A project `kyr init` made, its reference Spanish, with Mam and K'iche'
/// that translate nothing yet, and a wallet card whose Spanish front fits
/// the card at not much over the readable size (the shipped red card, its
/// statement in Spanish, on US Letter's smaller card), and a hotline.
fn new_project_with_a_card() -> (tempfile::TempDir, std::path::PathBuf) {
    let folder = tempfile::tempdir().unwrap();
    let run = crate::util::kyr_in(
        folder.path(),
        &[
            "init",
            "x",
            "--reference",
            "es",
            "--locale",
            "mam",
            "--locale",
            "quc",
            "--paper",
            "us-letter",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let root = folder.path().join("x");
    let config = std::fs::read_to_string(root.join("kyr.toml"))
        .unwrap()
        .replace("+1 (555) 010-1234", "+1 (212) 555-1212");
    std::fs::write(root.join("kyr.toml"), config).unwrap();
    let shipped = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let skeleton = std::fs::read_to_string(shipped.join("content/red-card.md"))
        .unwrap()
        .replace(
            "layouts = [\"handout\", \"card\", \"booklet\"]",
            "layouts = [\"card\"]\nofficer_locale = \"es\"",
        )
        .replace("\"card-keep\", ", "");
    std::fs::write(root.join("content/red-card.md"), skeleton).unwrap();
    std::fs::copy(
        shipped.join("locales/es/red-card.ftl"),
        root.join("locales/es/red-card.ftl"),
    )
    .unwrap();
    (folder, root)
}

#[test]
fn fallback_marks_cost_a_new_projects_mam_and_kiche_cards_no_room() {
    let (_folder, root) = new_project_with_a_card();
    let project = kyr::project::load(&root).unwrap();
    let typesetter = Typesetter::new(&project, None);
    let es = pages(&typeset_inside(&typesetter, "es", "red-card", "card"));
    let es_size = check_card_front("es", "card", &es[0]);
    let es_start = es[0]
        .runs
        .iter()
        .filter(|r| r.clipped)
        .map(|r| r.x0)
        .fold(f64::MAX, f64::min);
    for tag in ["mam", "quc"] {
        let front = &pages(&typeset_inside(&typesetter, tag, "red-card", "card"))[0];
        let size = check_card_front(tag, "card", front);
        // All of it is Spanish, marked: the mark takes neither the text's
        // size nor its width.
        assert!(
            size >= es_size - 0.2,
            "{tag}: the front is set at {size:.2} pt, Spanish at {es_size:.2} pt"
        );
        let start = front
            .runs
            .iter()
            .filter(|r| r.clipped)
            .map(|r| r.x0)
            .fold(f64::MAX, f64::min);
        assert!(
            (start - es_start).abs() < 0.1,
            "{tag}: the text starts {start:.2} mm from the cut, Spanish {es_start:.2} mm"
        );
        let rule = front
            .drawn
            .iter()
            .find(|d| d.x1 - d.x0 < 1.0 && d.y1 - d.y0 > 10.0)
            .unwrap_or_else(|| panic!("{tag}: no rule beside the Spanish text"));
        assert!(
            rule.x1 < start && rule.x0 > 1.0,
            "{tag}: the rule is at {:.2}-{:.2} mm, the text at {start:.2} mm",
            rule.x0,
            rule.x1
        );
        assert!(
            front.runs.iter().any(|r| r.text == "Español" && !r.clipped),
            "{tag}: the front does not name Spanish"
        );
    }
    // The sheet, with its note in the project's language.
    let sheet = inspect::sheet(project.config.locale("es").unwrap().paper);
    for tag in ["es", "mam"] {
        let laid = pages(&typeset_inside(&typesetter, tag, "red-card", "card-sheet"));
        check_sheet_note(tag, &laid[0], &sheet);
        assert!(laid[0].runs.iter().any(|r| r.text.contains("doble cara")));
    }
}

#[test]
fn long_addresses_and_numbers_break_inside_the_page() {
    let fx = Fixture::shipped();
    fx.with_real_contacts();
    let url = format!(
        "https://example.org/{}",
        "a-very-long-path/segment".repeat(6)
    );
    assert!(url.len() >= 150);
    let number = "1234567890".repeat(4);
    fx.append(
        "locales/en/at-the-door.ftl",
        &format!("\ndoor-extra = See {url} or quote case {number}.\n"),
    );
    fx.append("content/at-the-door.md", "\n{ door-extra }\n");
    let project = fx.load();
    let typesetter = Typesetter::new(&project, None);
    for (tag, what) in [("en", "handout"), ("en", "booklet"), ("ar", "handout")] {
        let document = typeset_inside(&typesetter, tag, "at-the-door", what);
        let laid = pages(&document);
        let all: String = laid
            .iter()
            .flat_map(|p| p.runs.iter().map(|r| r.text.clone()))
            .collect();
        assert!(
            all.contains("12345678"),
            "{tag} {what}: the number is not printed"
        );
        for page in &laid {
            for run in &page.runs {
                assert!(
                    run.x1 <= page.width - 10.0,
                    "{tag} {what}: {:?} runs into the margin",
                    run.text
                );
            }
        }
    }
}

#[test]
fn a_run_with_no_break_point_is_broken_inside_the_page_not_cut() {
    let fx = Fixture::shipped();
    fx.with_real_contacts();
    // Each longer than a card's line, all three short enough to fit on
    // the card once broken.
    let digits = "1234567890".repeat(20);
    let path = format!("https://example.org/{}", "abcdefghij".repeat(20));
    let joined = ["droits"; 16].join("\u{A0}");
    for tag in ["en", "ar", "ff-Adlm"] {
        fx.append(
            &format!("locales/{tag}/red-card.ftl"),
            &format!("\ncard-extra = {digits} {path} {joined}\n"),
        );
    }
    fx.append("content/red-card.md", "\n{ card-extra }\n");
    let project = fx.load();
    let typesetter = Typesetter::new(&project, None);
    for tag in ["en", "ar", "ff-Adlm"] {
        for what in ["handout", "card", "booklet"] {
            let document = typeset_inside(&typesetter, tag, "red-card", what);
            let printed: String = pages(&document)
                .iter()
                .flat_map(|p| p.runs.iter().map(|r| r.text.clone()))
                .collect::<String>()
                .chars()
                .filter(char::is_ascii_digit)
                .collect();
            assert!(
                printed.contains(&digits[..100]),
                "{tag} {what}: the digits are not all printed"
            );
        }
    }
}

/// The shipped project as issue 28 looked at it: a QR code on every
/// handout and booklet, and Wolof read by ear first, with two recordings.
fn printed_project() -> Fixture {
    let fx = Fixture::shipped();
    fx.with_real_contacts();
    fx.with_qr("https://example.org/kyr/{locale}/{document}.html");
    fx.read_by_ear(&["Wolof"]);
    let tone = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/audio/tone.ogg"),
    )
    .unwrap();
    let audio = fx.root().join("locales/wo/audio");
    std::fs::create_dir_all(&audio).unwrap();
    for name in ["card-intro.ogg", "door-intro.ogg"] {
        std::fs::write(audio.join(name), &tone).unwrap();
    }
    fx
}

/// The locales of issue 28's pictures: right to left (Arabic, Adlam),
/// Wolof read by ear first, Soninke with nothing translated.
const PRINTED: [&str; 5] = ["en", "ar", "ff-Adlm", "wo", "snk"];

/// The size of a level-2 heading, the smallest heading the documents have.
const HEADING_PT: f64 = 14.0;

#[test]
fn a_heading_is_never_the_last_line_of_its_page() {
    let fx = printed_project();
    let project = fx.load();
    let typesetter = Typesetter::new(&project, None);
    let mut headings = 0;
    for tag in PRINTED {
        for document in ["at-the-door", "in-the-shelter"] {
            for (what, body_pt) in [("handout", 11.0), ("booklet", 9.5)] {
                let laid = pages(&typeset(&typesetter, tag, document, what));
                for (n, page) in laid.iter().enumerate() {
                    let lines = lines(&page.runs);
                    for (i, line) in lines.iter().enumerate() {
                        if !line.iter().any(|r| r.size_pt >= HEADING_PT - 0.01) {
                            continue;
                        }
                        headings += 1;
                        // Body text follows it on the same page (not only
                        // the help box, at 12 or 10 pt, and the footer).
                        let followed = lines[i + 1..]
                            .iter()
                            .any(|l| l.iter().any(|r| (r.size_pt - body_pt).abs() < 0.01));
                        assert!(
                            followed,
                            "{tag}/{document} {what}: the heading {:?} ends page {}",
                            text_of(line),
                            n + 1
                        );
                    }
                }
            }
        }
    }
    assert!(headings > 100, "{headings} headings seen");
}

/// The text of a line in reading order for left-to-right text: its runs
/// from left to right, with no isolates and break points.
fn joined(line: &[Run]) -> String {
    line.iter()
        .flat_map(|r| r.text.chars())
        .filter(|c| !matches!(c, '\u{2066}'..='\u{2069}' | '\u{200B}'))
        .collect()
}

#[test]
fn the_qr_code_sits_beside_the_end_matter_and_scans() {
    let fx = printed_project();
    let project = fx.load();
    let typesetter = Typesetter::new(&project, None);
    // Every locale whose red-card handout once put its code on a page of
    // its own, and ar/in-the-shelter, whose code was alone on page 3.
    let cases = ["en", "ar", "ff", "ff-Adlm", "ht", "wo", "snk"]
        .map(|tag| (tag, "red-card"))
        .into_iter()
        .chain([("ar", "in-the-shelter"), ("ff-Adlm", "at-the-door")]);
    for (tag, document) in cases {
        for what in ["handout", "booklet"] {
            let laid_out = typeset(&typesetter, tag, document, what);
            let laid = pages(&laid_out);
            let with_code: Vec<usize> = (0..laid.len())
                .filter(|&n| !laid[n].images.is_empty())
                .collect();
            assert_eq!(with_code.len(), 1, "{tag}/{document} {what}");
            let n = with_code[0];
            let code = laid[n].images[0];
            // The end matter's review date is beside the code, between
            // its top and bottom: the code shares its page and its place.
            let beside = laid[n]
                .runs
                .iter()
                .any(|r| r.text.contains("2026-11-26") && r.y > code.y0 && r.y < code.y1 + 3.0);
            assert!(
                beside,
                "{tag}/{document} {what}: the code on page {} is not beside the end matter",
                n + 1
            );
            let href = format!("https://example.org/kyr/{tag}/{document}.html");
            assert_eq!(
                crate::print::qr_codes_at(&laid_out.pages()[n], 8.0),
                [href],
                "{tag}/{document} {what}"
            );
            // Where the code points, printed under it: the address broken
            // only after a `/`.
            let target = format!("example.org/kyr/{tag}/{document}.html");
            let label: Vec<Run> = label_runs(&laid[n].runs, &target)
                .into_iter()
                .filter(|r| r.y > code.y1 && r.y < code.y1 + 15.0)
                .collect();
            let under = lines(&label)
                .iter()
                .map(|l| joined(l))
                .collect::<Vec<_>>()
                .join("\n");
            assert_eq!(
                under.replace('\n', ""),
                target,
                "{tag}/{document} {what}: {under:?}"
            );
            assert!(
                under.lines().rev().skip(1).all(|l| l.ends_with('/')),
                "{tag}/{document} {what}: {under:?}"
            );
        }
    }
    // The red-card handouts fit one page with their code.
    for tag in ["en", "ar", "ff", "ff-Adlm", "ht", "wo", "snk"] {
        let handout = typeset(&typesetter, tag, "red-card", "handout");
        assert_eq!(handout.pages().len(), 1, "{tag}");
    }
    // Wolof's code says it leads to recordings, in its reader's language
    // (French, through its chain), on the page of its end matter.
    let laid = pages(&typeset(&typesetter, "wo", "red-card", "handout"));
    assert!(laid[0].runs.iter().any(|r| r.text.contains("Écouter")));
}

/// The runs of a QR code's printed address: pieces of `target`.
fn label_runs(runs: &[Run], target: &str) -> Vec<Run> {
    runs.iter()
        .filter(|r| {
            let text = joined(std::slice::from_ref(r));
            !text.trim().is_empty() && target.contains(text.trim())
        })
        .cloned()
        .collect()
}

/// The value of a number written in any script's decimal digits.
fn number(text: &str) -> Option<u32> {
    let mut value = None;
    for c in text.chars() {
        let digit = match c as u32 {
            0x30..=0x39 => c as u32 - 0x30,
            0x660..=0x669 => c as u32 - 0x660,
            0x6F0..=0x6F9 => c as u32 - 0x6F0,
            0x1E950..=0x1E959 => c as u32 - 0x1E950,
            _ => return None,
        };
        value = Some(value.unwrap_or(0) * 10 + digit);
    }
    value
}

/// A page's number and the count it gives, from its footer (`2 / 4`,
/// beside the help line).
fn page_number(page: &Laid) -> Option<(u32, u32)> {
    lines(&page.runs)
        .iter()
        .filter(|l| l[0].y > page.height - 25.0)
        .find_map(|line| {
            // Runs apart: the hotline's digits are not the number's.
            let runs: Vec<String> = line
                .iter()
                .map(|r| joined(std::slice::from_ref(r)))
                .collect();
            let text: Vec<char> = runs.join(" ").chars().collect();
            let slash = text.iter().rposition(|c| *c == '/')?;
            let is_digit = |c: &char| number(&c.to_string()).is_some();
            // The digits next to the slash, spaces between.
            let before: String = {
                let mut left: Vec<char> = text[..slash]
                    .iter()
                    .rev()
                    .skip_while(|c| c.is_whitespace())
                    .take_while(|c| is_digit(c))
                    .copied()
                    .collect();
                left.reverse();
                left.into_iter().collect()
            };
            let after: String = text[slash + 1..]
                .iter()
                .skip_while(|c| c.is_whitespace())
                .take_while(|c| is_digit(c))
                .collect();
            Some((number(&before)?, number(&after)?))
        })
}

#[test]
fn booklet_numbers_count_the_folded_booklets_pages() {
    let fx = printed_project();
    let project = fx.load();
    let typesetter = Typesetter::new(&project, None);
    for tag in ["en", "ar", "ff-Adlm", "wo"] {
        for document in ["red-card", "at-the-door", "in-the-shelter"] {
            let booklet = typeset(&typesetter, tag, document, "booklet");
            let laid = pages(&booklet);
            let count = laid.len();
            assert_eq!(count % 4, 0, "{tag}/{document}: {count} pages");
            // Every page that shows a number shows its place among all.
            let mut numbered = 0;
            for (n, page) in laid.iter().enumerate() {
                match page_number(page) {
                    Some(shown) => {
                        // Adlam's digits run right to left: the line reads
                        // the number and the count in reverse.
                        let (page, of) = (n as u32 + 1, count as u32);
                        let expected = if tag == "ff-Adlm" {
                            (of, page)
                        } else {
                            (page, of)
                        };
                        assert_eq!(shown, expected, "{tag}/{document}");
                        numbered += 1;
                    }
                    // A page left blank before the back cover is blank.
                    None => assert!(
                        page.runs.iter().all(|r| r.text.trim().is_empty()),
                        "{tag}/{document}: page {} has text but no number",
                        n + 1
                    ),
                }
            }
            assert!(numbered >= 2, "{tag}/{document}");
            // The back cover (the help box) is the last page, numbered
            // with the count, and the last page of the folded sheets.
            let last = laid.last().unwrap();
            assert_eq!(page_number(last), Some((count as u32, count as u32)));
            assert!(last.runs.iter().any(|r| r.size_pt >= 12.9));
            let (sheets, _) = typesetter.impose_booklet(tag, document, &booklet).unwrap();
            assert_eq!(sheets.pages().len(), count / 2, "{tag}/{document}");
        }
    }
}

#[test]
fn addresses_in_a5_sources_break_after_a_slash_never_at_a_hyphen() {
    let fx = printed_project();
    let project = fx.load();
    let typesetter = Typesetter::new(&project, None);
    let mut broken = 0;
    for tag in ["en", "ar", "ff-Adlm", "wo"] {
        for document in ["red-card", "at-the-door", "in-the-shelter"] {
            let skeleton = project
                .skeletons
                .iter()
                .find(|s| s.name == document)
                .unwrap();
            let laid = pages(&typeset(&typesetter, tag, document, "booklet"));
            // Without the QR code's address, on the lines beside it, and
            // the bullets.
            let label = format!("example.org/kyr/{tag}/{document}.html");
            let text: Vec<String> = laid
                .iter()
                .map(|p| {
                    let label = label_runs(&p.runs, &label);
                    p.runs
                        .iter()
                        .filter(|r| !label.iter().any(|l| l.x0 == r.x0 && l.y == r.y))
                        // A bullet on the right ends a right-to-left line.
                        .filter(|r| r.text.trim() != "•")
                        .cloned()
                        .collect::<Vec<_>>()
                })
                .flat_map(|runs| lines(&runs))
                .map(|l| joined(&l))
                .collect();
            let text = text.join("\n");
            for source in &skeleton.front.sources {
                let address = source
                    .url
                    .trim_start_matches("https://")
                    .trim_end_matches('/');
                // The address as printed, lines between any two characters.
                let chars: Vec<char> = address.chars().collect();
                let found = (0..text.len())
                    .filter(|&i| text.is_char_boundary(i))
                    .find_map(|start| {
                        let mut at = start;
                        let mut breaks = Vec::new();
                        for (k, c) in chars.iter().enumerate() {
                            if k > 0 && text[at..].starts_with('\n') {
                                breaks.push(k);
                                at += 1;
                            }
                            if !text[at..].starts_with(*c) {
                                return None;
                            }
                            at += c.len_utf8();
                        }
                        Some(breaks)
                    });
                let breaks = found
                    .unwrap_or_else(|| panic!("{tag}/{document}: {address} is not printed whole"));
                for k in breaks {
                    broken += 1;
                    assert_eq!(
                        chars[k - 1],
                        '/',
                        "{tag}/{document}: {address} breaks after {:?}",
                        chars[..k].iter().collect::<String>()
                    );
                }
            }
        }
    }
    // The A5 page is narrow enough that some address breaks.
    assert!(broken > 0);
}

#[test]
fn a_page_with_nothing_translated_says_so_instead_of_unreviewed() {
    let fx = printed_project();
    let project = fx.load();
    let typesetter = Typesetter::new(&project, None);
    let not_translated = "Ce texte n'est pas encore traduit";
    let unreviewed = "Cette traduction n'a pas encore été vérifiée";
    let mostly = "La plus grande partie de cette page";
    // snk translates nothing; ff-Adlm and wo nothing of in-the-shelter
    // but some of at-the-door.
    let cases = [
        ("snk", "in-the-shelter", true),
        ("snk", "at-the-door", true),
        ("ff-Adlm", "in-the-shelter", true),
        ("wo", "in-the-shelter", true),
        ("ff-Adlm", "at-the-door", false),
        ("wo", "at-the-door", false),
    ];
    for (tag, document, untranslated) in cases {
        let (says, not) = if untranslated {
            (not_translated, unreviewed)
        } else {
            (unreviewed, not_translated)
        };
        for what in ["handout", "booklet"] {
            let laid = pages(&typeset(&typesetter, tag, document, what));
            for (n, page) in laid.iter().enumerate() {
                let all = lines(&page.runs)
                    .iter()
                    .map(|l| joined(l))
                    .collect::<Vec<_>>();
                let top = all.iter().find(|l| !l.trim().is_empty());
                if top.is_none() {
                    continue; // a booklet's blank page
                }
                assert!(
                    all.iter().any(|l| l.contains(says)),
                    "{tag}/{document} {what} page {}: {all:?}",
                    n + 1
                );
                assert!(!all.iter().any(|l| l.contains(not)), "{tag}/{document}");
                if untranslated {
                    assert!(!all.iter().any(|l| l.contains(mostly)), "{tag}/{document}");
                }
            }
        }
        // The web page says the same: one decision, both back ends.
        let html = kyr::inspect::html(&project, tag, document)
            .unwrap()
            .html
            .unwrap();
        let html = html.replace("&#39;", "'").replace("&#x27;", "'");
        assert!(html.contains(says), "{tag}/{document}");
        assert!(!html.contains(not), "{tag}/{document}");
    }
    // English, reviewed and the reference, says neither.
    let laid = pages(&typeset(&typesetter, "en", "in-the-shelter", "handout"));
    assert!(
        !laid[0]
            .runs
            .iter()
            .any(|r| r.text.contains("not translated"))
    );
    // A project made before kyr had the message keeps the review notice.
    for tag in ["en", "fr", "es"] {
        let path = format!("locales/{tag}/kyr.ftl");
        let text = std::fs::read_to_string(fx.root().join(&path)).unwrap();
        let kept: Vec<&str> = text
            .lines()
            .filter(|l| !l.starts_with("kyr-not-translated"))
            .collect();
        fx.write(&path, &(kept.join("\n") + "\n"));
    }
    let project = fx.load();
    let typesetter = Typesetter::new(&project, None);
    let typeset = typesetter
        .typeset("snk", "in-the-shelter", "handout")
        .unwrap();
    assert!(typeset.diagnostics.iter().all(|d| !d.is_error()));
    let laid = pages(&typeset.result.ok().unwrap().document);
    let all: String = laid[0].runs.iter().map(|r| r.text.as_str()).collect();
    assert!(all.contains(unreviewed) && all.contains(mostly), "{all}");
}

/// A project written in Adlam, which kyr has no example in: the example
/// shows kyr's English, marked "English" above it with a rule on its
/// left, its lines starting on the left of the right-to-left page, and
/// the notice that most of the page is not translated at the top.
#[test]
fn kyrs_english_example_in_an_adlam_project_is_laid_out_left_to_right_and_marked() {
    let folder = tempfile::tempdir().unwrap();
    let run = crate::util::kyr_in(
        folder.path(),
        &["init", "x", "--reference", "ff-Adlm", "--paper", "a4"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let project = kyr::project::load(&folder.path().join("x")).unwrap();
    let typesetter = Typesetter::new(&project, None);
    let laid = pages(&typeset_inside(
        &typesetter,
        "ff-Adlm",
        "example",
        "handout",
    ));
    let first = &laid[0];
    let name = first
        .runs
        .iter()
        .find(|r| r.text == "English")
        .expect("an \"English\" mark");
    let english: Vec<Vec<Run>> = lines(&first.runs)
        .into_iter()
        .filter(|l| l[0].y > name.y && latin(&text_of(l)))
        .take(3)
        .collect();
    assert!(
        text_of(&english[0]).contains("immigration agents"),
        "{english:?}"
    );
    for line in &english {
        let (x0, x1) = span(line);
        assert!(x0 < 30.0, "starts on the left: {}", text_of(line));
        assert!(x1 < 200.0, "{}", text_of(line));
    }
    let (x0, _) = span(&english[0]);
    assert!(
        first
            .drawn
            .iter()
            .any(|d| d.x1 - d.x0 < 1.0 && d.y1 - d.y0 > 3.0 && d.x1 < x0 && x0 - d.x1 < 6.0),
        "no rule beside the English passage"
    );
    let notice = lines(&first.runs)
        .into_iter()
        .find(|l| text_of(l).contains("Most of this page is not translated yet"))
        .expect("the mostly-fallback notice");
    assert!(notice[0].y < name.y);
}
