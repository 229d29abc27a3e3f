//! Every print layout laid out in right-to-left locales (Arabic, Adlam) and
//! in an Arabic-script locale that falls back to French, checked on the
//! laid-out frames: which side lines start on, where bullets sit, that no
//! glyph leaves its clip box, where the review notice is and how big, the
//! fallback mark, the help callout, card type size and inset.

use kyr::inspect::{self, Typesetter, glyphs_outside};
use typst::layout::{Frame, FrameItem, Point, Transform};
use typst::visualize::Geometry;
use typst_layout::PagedDocument;

use crate::util::Fixture;

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

fn collect(
    frame: &Frame,
    ts: Transform,
    clipped: bool,
    runs: &mut Vec<Run>,
    drawn: &mut Vec<Drawn>,
) {
    for (pos, item) in frame.items() {
        match item {
            FrameItem::Group(group) => {
                let ts = ts
                    .pre_concat(Transform::translate(pos.x, pos.y))
                    .pre_concat(group.transform);
                collect(
                    &group.frame,
                    ts,
                    clipped || group.clip.is_some(),
                    runs,
                    drawn,
                );
            }
            FrameItem::Text(text) => {
                let start = pos.transform(ts);
                let end = Point::new(pos.x + text.width(), pos.y).transform(ts);
                runs.push(Run {
                    x0: start.x.to_mm().min(end.x.to_mm()),
                    x1: start.x.to_mm().max(end.x.to_mm()),
                    y: start.y.to_mm(),
                    size_pt: text.size.to_pt(),
                    clipped,
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
                drawn.push(Drawn {
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

struct Laid {
    width: f64,
    height: f64,
    runs: Vec<Run>,
    drawn: Vec<Drawn>,
}

fn pages(document: &PagedDocument) -> Vec<Laid> {
    document
        .pages()
        .iter()
        .map(|page| {
            let mut runs = Vec::new();
            let mut drawn = Vec::new();
            collect(
                &page.frame,
                Transform::identity(),
                false,
                &mut runs,
                &mut drawn,
            );
            let size = page.frame.size();
            Laid {
                width: size.x.to_mm(),
                height: size.y.to_mm(),
                runs,
                drawn,
            }
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

/// `n` in the digits CLDR gives locale `tag` by default.
fn in_digits_of(tag: &str, n: usize) -> String {
    let zero = match tag {
        "ff-Adlm" => 0x1E950,
        _ => '0' as u32,
    };
    n.to_string()
        .chars()
        .filter_map(|d| char::from_u32(zero + d.to_digit(10)?))
        .collect()
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
                let area = (margin, page.width - margin);
                check_directions(tag, what, page, area);
                check_notice(tag, what, page, notice_of(tag), area.1);
                // The footer: the page number at the end (left) side, in
                // the locale's digits (Adlam's in ff-Adlm, which run right
                // to left: the line reads them in reverse, left to right).
                let digits = |n: usize| in_digits_of(tag, n);
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
                smallest >= 7.5,
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
                check_callout(tag, "card", &page, 6.5);
            }
        }
        if tag != "en" {
            let front = &pages(&card)[0];
            let notice = front.runs.iter().find(|r| r.size_pt < 7.0 && r.y < 8.0);
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
        // The first card on the sheet: its lines start on the side of the
        // locale's direction, bullets beside their text.
        let (cx, cy) = sheet.fronts[0];
        let (cw, ch) = sheet.card;
        let in_card: Vec<Run> = front
            .runs
            .iter()
            .filter(|r| r.x0 >= cx && r.x1 <= cx + cw && r.y >= cy && r.y <= cy + ch)
            .cloned()
            .collect();
        let card_page = Laid {
            width: front.width,
            height: front.height,
            runs: in_card,
            drawn: Vec::new(),
        };
        if RIGHT_TO_LEFT.contains(&tag.as_str()) {
            check_directions(tag, "card sheet", &card_page, (cx + 3.0, cx + cw - 3.0));
        }
        if tag != "en" {
            let notice = card_page
                .runs
                .iter()
                .find(|r| r.size_pt < 7.0 && r.y < cy + 8.0);
            assert!(
                notice.is_some(),
                "{tag}: no review notice on the sheet's cards"
            );
        }
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
