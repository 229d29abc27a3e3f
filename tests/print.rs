//! Print layouts: card sheets whose backs land behind their fronts,
//! booklets in saddle-stitch order, QR codes that scan, editions.

use kyr::build::{BuildOptions, Format};
use kyr::inspect::{self, Typesetter, page_texts};
use typst::layout::FrameItem;
use typst_layout::PagedDocument;

use crate::util::Fixture;

fn compile(fx: &Fixture, tag: &str, doc: &str, what: &str) -> PagedDocument {
    let project = fx.load();
    let typesetter = Typesetter::new(&project, None);
    let typeset = typesetter
        .typeset(tag, doc, what)
        .unwrap_or_else(|| panic!("{tag}/{doc} has no {what}"));
    match typeset.result {
        Ok(compiled) => compiled.document,
        Err(failed) => panic!("{tag}/{doc} {what}: {:?}", failed.diagnostics),
    }
}

/// Top-left corners (mm) of the card-sized groups placed on a page.
fn card_positions(page: &typst_layout::Page, card: (f64, f64)) -> Vec<(f64, f64)> {
    let mut out = Vec::new();
    for (point, item) in page.frame.items() {
        if let FrameItem::Group(group) = item {
            let size = group.frame.size();
            if (size.x.to_mm() - card.0).abs() < 0.1 && (size.y.to_mm() - card.1).abs() < 0.1 {
                out.push((point.x.to_mm(), point.y.to_mm()));
            }
        }
    }
    out
}

#[test]
fn card_sheets_line_up_when_printed_on_both_sides_in_every_locale() {
    let fx = Fixture::shipped();
    let project = fx.load();
    for locale in project.config.locales.values() {
        let document = compile(&fx, &locale.tag, "red-card", "card-sheet");
        let sheet = inspect::sheet(locale.paper);
        let pages = document.pages();
        assert_eq!(pages.len(), 2, "{}", locale.tag);
        for page in pages {
            let size = page.frame.size();
            assert!((size.x.to_mm() - sheet.page.0).abs() < 0.1);
            assert!((size.y.to_mm() - sheet.page.1).abs() < 0.1);
        }
        let fronts = card_positions(&pages[0], sheet.card);
        let backs = card_positions(&pages[1], sheet.card);
        assert_eq!(fronts.len(), sheet.columns * sheet.rows, "{}", locale.tag);
        assert_eq!(backs.len(), fronts.len());
        // Printed on both sides and flipped on the long edge, the back of
        // the card at (x, y) is at (width - x - card width, y).
        for (front, want) in fronts.iter().zip(&sheet.fronts) {
            assert!((front.0 - want.0).abs() < 0.05 && (front.1 - want.1).abs() < 0.05);
        }
        for front in &fronts {
            let mirrored = (sheet.page.0 - front.0 - sheet.card.0, front.1);
            assert!(
                backs
                    .iter()
                    .any(|b| (b.0 - mirrored.0).abs() < 0.05 && (b.1 - mirrored.1).abs() < 0.05),
                "{}: no back behind the front at {front:?}",
                locale.tag
            );
        }
    }
}

#[test]
fn a_card_has_the_reader_language_in_front_and_the_officer_statement_behind() {
    let fx = Fixture::shipped();
    let document = compile(&fx, "ar", "red-card", "card");
    let pages = page_texts(&document);
    assert_eq!(pages.len(), 2);
    let size = document.pages()[0].frame.size();
    assert!((size.x.to_inches() - 3.5).abs() < 0.01 && (size.y.to_inches() - 2.0).abs() < 0.01);
    // The front: what to do, in Arabic (the title is left off the card).
    assert!(
        pages[0].contains("تفتح") && pages[0].contains("الباب"),
        "{}",
        pages[0]
    );
    assert!(
        pages[1].contains("I do not wish to speak with you"),
        "{}",
        pages[1]
    );
    assert!(
        !pages[1].contains("Show this part"),
        "skipped message printed"
    );
    assert!(!pages[0].contains("I do not wish"));
}

#[test]
fn text_that_cannot_fit_a_card_readably_is_reported() {
    let fx = Fixture::shipped();
    let long =
        "Ne signez rien avant d'avoir parlé à un avocat, même si les agents insistent longuement. "
            .repeat(4);
    fx.append("locales/fr/red-card.ftl", &format!("card-sign = {long}\n"));
    // The later definition is a duplicate; put it first instead.
    let ftl = std::fs::read_to_string(fx.root().join("locales/fr/red-card.ftl")).unwrap();
    let kept: String = ftl
        .lines()
        .filter(|l| !l.starts_with("card-sign = ") || l.len() > 300)
        .map(|l| format!("{l}\n"))
        .collect();
    fx.write("locales/fr/red-card.ftl", &kept);
    let (report, diags) = fx.build(&BuildOptions {
        locales: vec!["fr".into()],
        documents: vec!["red-card".into()],
        formats: vec![Format::Pdf],
        ..BuildOptions::default()
    });
    assert!(
        diags.contains("warning: the front of the `red-card` card in `fr` is set at"),
        "{diags}"
    );
    assert!(diags.contains("under the readable 7.5 pt"), "{diags}");
    assert!(report.failed.is_empty(), "{:?}", report.failed);
    assert!(fx.out("fr/red-card.card.pdf").is_file());
    assert!(fx.out("fr/red-card.card-sheet.pdf").is_file());
}

/// The page number (`k / n` in the footer) shown on each half of each
/// imposed sheet.
fn halves(imposed: &PagedDocument, width: f64) -> Vec<[Option<usize>; 2]> {
    imposed
        .pages()
        .iter()
        .map(|page| {
            let mut sides = [None, None];
            for (point, item) in page.frame.items() {
                if let FrameItem::Group(group) = item {
                    let side = usize::from(point.x.to_mm() > width / 4.0);
                    let text = page_texts(&PagedDocument::new(
                        std::iter::once(typst_layout::Page {
                            frame: group.frame.clone(),
                            ..page.clone()
                        })
                        .collect(),
                        Default::default(),
                    ))
                    .concat();
                    let number = text
                        .lines()
                        .find_map(|l| l.trim().split_once(" / ").map(|(k, _)| k.trim().to_owned()))
                        .and_then(|k| {
                            k.chars()
                                .filter(char::is_ascii_digit)
                                .collect::<String>()
                                .parse()
                                .ok()
                        });
                    sides[side] = number;
                }
            }
            sides
        })
        .collect()
}

#[test]
fn booklet_sheets_are_in_saddle_stitch_order_both_ways() {
    let fx = Fixture::shipped();
    let project = fx.load();
    for tag in ["fr", "ar"] {
        let document = compile(&fx, tag, "at-the-door", "booklet");
        let n = document.pages().len();
        assert!(n >= 2, "{tag}: {n} pages");
        let typesetter = Typesetter::new(&project, None);
        let (imposed, pdf) = typesetter
            .impose_booklet(tag, "at-the-door", &document)
            .unwrap();
        assert!(pdf.starts_with(b"%PDF-"));

        let rtl = tag == "ar";
        // A blank page before the back cover (the booklet counts four
        // pages a sheet) shows no number.
        let texts = page_texts(&document);
        let order: Vec<inspect::Spread> = inspect::impose(n, rtl)
            .into_iter()
            .map(|spread| spread.map(|page| page.filter(|k| !texts[k - 1].trim().is_empty())))
            .collect();
        assert_eq!(order.len(), n.div_ceil(4) * 2);
        let half = document.pages()[0].frame.size();
        for sheet in imposed.pages() {
            assert!((sheet.frame.size().x - half.x * 2.0).to_pt().abs() < 0.01);
        }
        let seen = halves(&imposed, half.x.to_mm() * 2.0);
        assert_eq!(seen, order, "{tag}");
        // The first sheet's front holds page 1 on the side a reader opens.
        let first = seen[0];
        if rtl {
            assert_eq!(first[0], Some(1));
        } else {
            assert_eq!(first[1], Some(1));
        }
    }
}

#[test]
fn the_shipped_card_and_booklet_files_are_written() {
    let fx = Fixture::shipped();
    fx.with_real_contacts();
    let (report, diags) = fx.build(&BuildOptions {
        documents: vec!["red-card".into()],
        locales: vec!["ar".into(), "fr".into()],
        formats: vec![Format::Pdf],
        ..BuildOptions::default()
    });
    assert_eq!(report.diagnostics.warning_count(), 0, "{diags}");
    for tag in ["ar", "fr"] {
        for file in [
            "red-card.pdf",
            "red-card.card.pdf",
            "red-card.card-sheet.pdf",
            "red-card.booklet.pdf",
            "red-card.booklet-print.pdf",
        ] {
            let bytes = std::fs::read(fx.out(&format!("{tag}/{file}"))).unwrap();
            assert!(bytes.starts_with(b"%PDF-"), "{tag}/{file}");
        }
    }
}

/// Renders a page and decodes the QR codes on it.
pub(crate) fn qr_codes(page: &typst_layout::Page) -> Vec<String> {
    qr_codes_at(page, 4.0)
}

/// [`qr_codes`] rendered at `pixel_per_pt` (a small code needs more).
pub(crate) fn qr_codes_at(page: &typst_layout::Page, pixel_per_pt: f64) -> Vec<String> {
    let options = typst_render::RenderOptions {
        pixel_per_pt: pixel_per_pt.into(),
        ..Default::default()
    };
    let pixmap = typst_render::render(page, &options);
    let (w, h) = (pixmap.width() as usize, pixmap.height() as usize);
    // Premultiplied RGBA over white, to grey.
    let grey: Vec<u8> = pixmap
        .data()
        .chunks_exact(4)
        .map(|p| {
            let colour = (p[0] as u32 + p[1] as u32 + p[2] as u32) / 3;
            (colour + (255 - p[3] as u32)).min(255) as u8
        })
        .collect();
    let mut decoder = quircs::Quirc::default();
    decoder
        .identify(w, h, &grey)
        .filter_map(|code| code.ok()?.decode().ok())
        .map(|data| String::from_utf8_lossy(&data.payload).into_owned())
        .collect()
}

#[test]
fn a_qr_code_scans_back_to_the_configured_address() {
    let fx = Fixture::new("build/basic");
    let config = std::fs::read_to_string(fx.root().join("kyr.toml")).unwrap();
    fx.write(
        "kyr.toml",
        &format!("qr = \"https://example.org/kyr/{{locale}}/{{document}}.html\"\n{config}"),
    );
    let document = compile(&fx, "fr", "door", "handout");
    let last = document.pages().last().unwrap();
    assert_eq!(qr_codes(last), ["https://example.org/kyr/fr/door.html"]);
    // Printed under the code, broken after a `/` where it must.
    let printed: String = page_texts(&document)
        .concat()
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '\u{2066}'..='\u{2069}'))
        .collect();
    assert!(
        printed.contains("example.org/kyr/fr/door.html"),
        "{printed}"
    );

    // A document can point its own code elsewhere, or turn it off.
    let skeleton = std::fs::read_to_string(fx.root().join("content/door.md")).unwrap();
    fx.write(
        "content/door.md",
        &skeleton.replacen("+++\n", "+++\nqr = \"tel:+15550101234\"\n", 1),
    );
    let document = compile(&fx, "ar", "door", "handout");
    assert_eq!(
        qr_codes(document.pages().last().unwrap()),
        ["tel:+15550101234"]
    );
    fx.write(
        "content/door.md",
        &skeleton.replacen("+++\n", "+++\nqr = \"\"\n", 1),
    );
    let document = compile(&fx, "fr", "door", "handout");
    assert!(qr_codes(document.pages().last().unwrap()).is_empty());

    fx.write(
        "content/door.md",
        &skeleton.replacen("+++\n", "+++\nqr = \"javascript:alert(1)\"\n", 1),
    );
    let run = fx.run(&["build", "--locale", "fr"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains(
            "content/door.md:2:6: error: link target `javascript:alert(1)` is not allowed"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn an_edition_uses_its_own_hotline_and_folder() {
    let fx = Fixture::new("build/basic");
    fx.append(
        "kyr.toml",
        "\n[editions.paris.vars]\nhotline = { text = \"01 23 45 67 89\", link = \"tel:+33123456789\" }\norganization = \"Aide Paris\"\n",
    );
    let run = fx.run(&["build", "--edition", "paris", "--locale", "fr"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let page = fx.page("paris/fr/door.html");
    assert!(
        page.contains("01 23 45 67 89") && page.contains("tel:+33123456789"),
        "{page}"
    );
    assert!(page.contains("Aide Paris"));
    assert!(fx.out("paris/fr/door.pdf").is_file());
    assert!(fx.out("paris/index.html").is_file());
    assert!(
        !fx.out("fr/door.html").exists(),
        "the default edition was not asked for"
    );

    let run = fx.run(&["build", "--locale", "fr"]);
    assert_eq!(run.code, 0);
    let page = fx.page("fr/door.html");
    assert!(page.contains("+1 (555) 010-1234") && !page.contains("Aide Paris"));

    let run = fx.run(&["build", "--edition", "lyon"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("unknown edition `lyon`; editions: paris"),
        "{}",
        run.stderr
    );

    fx.append("kyr.toml", "\n[editions.fr.vars]\nhotline = \"1\"\n");
    let run = fx.run(&["build"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("edition `fr` has the name of a locale"),
        "{}",
        run.stderr
    );
}

#[test]
fn an_address_too_long_for_a_qr_code_fails_the_pdf_with_a_reason() {
    let fx = Fixture::new("build/basic");
    let skeleton = std::fs::read_to_string(fx.root().join("content/door.md")).unwrap();
    let long = format!("https://example.org/{}", "a".repeat(3000));
    fx.write(
        "content/door.md",
        &skeleton.replacen("+++\n", &format!("+++\nqr = \"{long}\"\n"), 1),
    );
    let run = fx.run(&["build", "--locale", "fr", "--format", "pdf"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("cannot be made into a QR code"),
        "{}",
        run.stderr
    );
    assert!(!fx.out("fr/door.pdf").exists());
}

#[test]
fn a_card_front_set_under_the_readable_size_to_fit_is_warned_with_its_size() {
    let fx = Fixture::shipped();
    let door = "**n'ouvrez pas la porte**.";
    fx.replace(
        "locales/fr/red-card.ftl",
        door,
        &format!(
            "{door}{}",
            " Toujours, partout, de jour comme de nuit.".repeat(8)
        ),
    );
    let run = fx.run(&[
        "build", "--locale", "fr", "--doc", "red-card", "--format", "pdf",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let said = "warning: the front of the `red-card` card in `fr` is set at ";
    let at = run
        .stderr
        .find(said)
        .unwrap_or_else(|| panic!("no `{said}` in\n{}", run.stderr));
    let size: f64 = run.stderr[at + said.len()..]
        .split(' ')
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap();
    assert!((4.5..7.5).contains(&size), "{size}");
    // Only the side that had to shrink.
    assert!(
        !run.stderr.contains("the back of the `red-card` card"),
        "{}",
        run.stderr
    );
}
