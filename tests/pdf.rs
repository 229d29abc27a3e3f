//! PDFs: every document compiles, right-to-left text is laid out right to
//! left with phone numbers in reading order, bytes are reproducible,
//! translated text stays text, missing glyphs and template errors are
//! reported where they are.

use kyr::build::{BuildOptions, Format};
use kyr::diag::render;
use kyr::inspect::{Compiled, Failed, Typesetter, page_texts};
use typst::layout::{Frame, FrameItem, Point};
use typst::model::Destination;
use typst_layout::PagedDocument;

use crate::util::Fixture;

/// Compiles one document's handout through the library.
fn compile(fx: &Fixture, tag: &str, doc: &str) -> (Result<Compiled, Failed>, String) {
    let project = fx.load();
    let typesetter = Typesetter::new(&project, None);
    let typeset = typesetter
        .typeset(tag, doc, "handout")
        .expect("locale and document");
    let result = typeset.result;
    let mut all = typesetter.diagnostics.clone();
    all.extend(typeset.diagnostics.iter().cloned());
    if let Err(failed) = &result {
        all.extend(failed.diagnostics.iter().cloned());
    }
    let text: String = all.iter().map(|d| render(&project.files, d)).collect();
    (result, anstream::adapter::strip_str(&text).to_string())
}

fn compiled(fx: &Fixture, tag: &str, doc: &str) -> Compiled {
    match compile(fx, tag, doc) {
        (Ok(c), _) => c,
        (Err(_), diags) => panic!("{tag}/{doc} failed:\n{diags}"),
    }
}

/// Each line of each page as it is seen: glyphs ordered left to right by
/// their position on the page.
fn visual_lines(document: &PagedDocument) -> Vec<String> {
    fn walk(frame: &Frame, origin: Point, glyphs: &mut Vec<(i64, f64, String)>) {
        for (pos, item) in frame.items() {
            let at = origin + *pos;
            match item {
                FrameItem::Group(group) => {
                    let shifted = Point::new(at.x + group.transform.tx, at.y + group.transform.ty);
                    walk(&group.frame, shifted, glyphs);
                }
                FrameItem::Text(text) => {
                    let mut x = at.x;
                    for glyph in &text.glyphs {
                        let gx = x + glyph.x_offset.at(text.size);
                        // Isolates and embeddings are invisible; leave them out.
                        let chars: String = text.text[glyph.range()]
                            .chars()
                            .filter(
                                |c| !matches!(c, '\u{2066}'..='\u{2069}' | '\u{202A}'..='\u{202E}'),
                            )
                            .collect();
                        glyphs.push(((at.y.to_pt() * 2.0).round() as i64, gx.to_pt(), chars));
                        x += glyph.x_advance.at(text.size);
                    }
                }
                _ => {}
            }
        }
    }
    let mut lines = Vec::new();
    for page in document.pages() {
        let mut glyphs = Vec::new();
        walk(&page.frame, Point::zero(), &mut glyphs);
        glyphs.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));
        let mut current: Option<i64> = None;
        let mut line = String::new();
        for (y, _, chars) in glyphs {
            if current != Some(y) {
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                current = Some(y);
            }
            line.push_str(&chars);
        }
        if !line.is_empty() {
            lines.push(line);
        }
    }
    lines
}

/// The text as seen on the pages, a line at a time (right-to-left lines
/// come out reversed).
fn all_text(document: &PagedDocument) -> String {
    visual_lines(document).join("\n")
}

#[test]
fn shipped_documents_compile_to_pdf_in_every_locale() {
    let fx = Fixture::shipped();
    fx.with_real_contacts();
    let project = fx.load();
    let (report, diags) = fx.build(&BuildOptions {
        formats: vec![Format::Pdf],
        ..BuildOptions::default()
    });
    assert_eq!(report.diagnostics.error_count(), 0, "{diags}");
    assert_eq!(report.diagnostics.warning_count(), 0, "{diags}");
    assert!(report.failed.is_empty(), "{:?}", report.failed);
    for tag in project.config.locales.keys() {
        for doc in ["red-card", "at-the-door", "in-the-shelter"] {
            let bytes = std::fs::read(fx.out(&format!("{tag}/{doc}.pdf"))).unwrap();
            assert!(bytes.starts_with(b"%PDF-"), "{tag}/{doc}");
            assert!(bytes.len() > 5_000, "{tag}/{doc}: {} bytes", bytes.len());
        }
    }
    assert!(
        !fx.out("en/red-card.html").exists(),
        "only PDF was asked for"
    );
}

#[test]
fn build_makes_html_and_pdf_by_default() {
    let fx = Fixture::new("build/basic");
    let run = fx.run(&["build", "--locale", "fr"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(fx.out("fr/door.html").is_file());
    assert!(fx.out("fr/door.pdf").is_file());
}

#[test]
fn arabic_is_laid_out_right_to_left_with_the_phone_number_in_reading_order() {
    let fx = Fixture::shipped();
    let doc = compiled(&fx, "ar", "red-card").document;
    let lines = visual_lines(&doc);
    // Arabic seen left to right is the text reversed: the title's first
    // word is at the right end of its line.
    let seen = |logical: &str| logical.chars().rev().collect::<String>();
    let title = lines
        .iter()
        .find(|l| l.contains(&seen("البطاقة")))
        .unwrap_or_else(|| panic!("no title line in {lines:#?}"));
    assert!(title.ends_with(&seen("اعرف")), "{title}");
    assert!(title.starts_with(&seen("الحمراء")), "{title}");
    // The phone number reads left to right, as dialled, inside Arabic.
    assert!(
        lines.iter().any(|l| l.contains("+1 (555) 010-1234")),
        "{lines:#?}"
    );
}

#[test]
fn adlam_is_laid_out_right_to_left_with_the_phone_number_in_reading_order() {
    let fx = Fixture::new("build/basic");
    fx.write(
        "locales/ff-Adlm/door.ftl",
        "door-silent = 𞤆𞤵𞤤𞤢𞤪 𞤫 𞤸𞤭𞤤𞤢\ndoor-sign = 𞤆𞤵𞤤𞤢𞤪 { $hotline } 𞤸𞤭𞤤𞤢\n",
    );
    let doc = compiled(&fx, "ff-Adlm", "door").document;
    let lines = visual_lines(&doc);
    // Words without combining marks: marks sit on lines of their own in
    // this view.
    let reversed: String = "𞤆𞤵𞤤𞤢𞤪 𞤫 𞤸𞤭𞤤𞤢".chars().rev().collect();
    assert!(lines.iter().any(|l| l.contains(&reversed)), "{lines:#?}");
    let number_line = lines
        .iter()
        .find(|l| l.contains("+1 (555) 010-1234"))
        .unwrap_or_else(|| panic!("{lines:#?}"));
    // The Adlam word before the number in reading order is to its right.
    let word: String = "𞤆𞤵𞤤𞤢𞤪".chars().rev().collect();
    let number_at = number_line.find("+1 (555)").unwrap();
    let word_at = number_line.find(&word).unwrap();
    assert!(word_at > number_at, "{number_line}");
}

#[test]
fn locales_map_to_typst_languages() {
    let fx = Fixture::new("build/basic");
    for (tag, lang) in [("ar", "ar"), ("ff-Adlm", "ff"), ("fr", "fr")] {
        let doc = compiled(&fx, tag, "door").document;
        let mut langs = Vec::new();
        fn walk(frame: &Frame, langs: &mut Vec<String>) {
            for (_, item) in frame.items() {
                match item {
                    FrameItem::Group(g) => walk(&g.frame, langs),
                    FrameItem::Text(t) => langs.push(t.lang.as_str().to_owned()),
                    _ => {}
                }
            }
        }
        walk(&doc.pages()[0].frame, &mut langs);
        assert!(langs.iter().any(|l| l == lang), "{tag}: {langs:?}");
    }
}

#[test]
fn same_source_date_epoch_gives_identical_bytes() {
    let fx = Fixture::new("build/basic");
    let build = |out: &str, epoch: i64| {
        let options = BuildOptions {
            formats: vec![Format::Pdf],
            out_dir: Some(fx.root().join(out)),
            epoch: Some(epoch),
            locales: vec!["ar".into(), "en".into()],
            ..BuildOptions::default()
        };
        let (report, diags) = fx.build(&options);
        assert!(report.failed.is_empty(), "{diags}");
        (
            std::fs::read(fx.root().join(out).join("ar/door.pdf")).unwrap(),
            std::fs::read(fx.root().join(out).join("en/door.pdf")).unwrap(),
        )
    };
    let first = build("one", 1_764_115_200);
    let second = build("two", 1_764_115_200);
    assert!(first == second, "two builds differ");
    let later = build("three", 1_764_201_600);
    assert!(first.0 != later.0, "the build time is not in the PDF");
}

#[test]
fn the_binary_reads_source_date_epoch_and_refuses_a_malformed_one() {
    let fx = Fixture::new("build/basic");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_kyr"))
        .args(["build", "--format", "pdf", "--locale", "en"])
        .current_dir(fx.root())
        .env("SOURCE_DATE_EPOCH", "yesterday")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("SOURCE_DATE_EPOCH must be a whole number"),
        "{stderr}"
    );
    assert!(!fx.out("en/door.pdf").exists());

    let output = std::process::Command::new(env!("CARGO_BIN_EXE_kyr"))
        .args(["build", "--format", "pdf", "--locale", "en"])
        .current_dir(fx.root())
        .env("SOURCE_DATE_EPOCH", "1764115200")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let pdf = std::fs::read(fx.out("en/door.pdf")).unwrap();
    let text = String::from_utf8_lossy(&pdf);
    assert!(
        text.contains("(D:20251126000000Z)"),
        "creation date missing"
    );

    // Another process, another output folder: the same bytes.
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_kyr"))
        .args([
            "build", "--format", "pdf", "--locale", "en", "--out", "again",
        ])
        .current_dir(fx.root())
        .env("SOURCE_DATE_EPOCH", "1764115200")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert!(std::fs::read(fx.root().join("again/en/door.pdf")).unwrap() == pdf);
}

/// Strings that are Typst syntax, each its own list item.
const HOSTILE: &[&str] = &[
    "#read(\"/etc/passwd\")",
    "#image(\"../x.png\")",
    "$x$",
    "a * b",
    "a _ b",
    "a ` b",
    "<l>",
    "@r",
    "// c",
    "/* c",
    "back \\ slash",
    "a ] b",
    "\") #read(\"x\") //",
];

#[test]
fn translated_typst_syntax_is_printed_literally_and_reads_no_file() {
    let fx = Fixture::new("build/basic");
    let mut ftl = String::from("door-title = Title\n");
    let mut skeleton = String::from(
        "+++\ntitle = \"door-title\"\nlast_reviewed = 2026-11-26\n+++\n# { door-title }\n\n",
    );
    for (i, s) in HOSTILE.iter().enumerate() {
        // Markdown would read some of these as emphasis or code; escape
        // them for Markdown so Typst is what is being tested.
        let escaped: String = s
            .chars()
            .flat_map(|c| {
                if "*_`<>[]\\#$@/".contains(c) {
                    vec!['\\', c]
                } else {
                    vec![c]
                }
            })
            .collect();
        ftl.push_str(&format!("hostile-{i} = Item {i}: {escaped}\n"));
        skeleton.push_str(&format!("- {{ hostile-{i} }}\n"));
    }
    fx.write("locales/en/door.ftl", &ftl);
    fx.write("content/door.md", &skeleton);
    fx.append(
        "kyr.toml",
        "\n[locales.en.vars]\norganization = \"#read(\\\"/etc/passwd\\\") ]\"\n",
    );
    let compiled = compiled(&fx, "en", "door");
    let text = page_texts(&compiled.document).concat();
    let squeezed: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    for (i, s) in HOSTILE.iter().enumerate() {
        let want: String = format!("Item{i}:{s}")
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        assert!(
            squeezed.contains(&want),
            "{s:?} not printed literally in:\n{text}"
        );
    }
    assert!(
        squeezed.contains("#read(\"/etc/passwd\")]"),
        "variable not literal: {text}"
    );
    let allowed = [
        "/.kyr/main.typ",
        "/.kyr/document.json",
        "/templates/pdf/handout.typ",
        "/templates/pdf/kyr.typ",
    ];
    for request in &compiled.requests {
        assert!(allowed.contains(&request.as_str()), "asked for {request}");
    }
}

#[test]
fn a_character_no_font_has_is_reported_with_its_code_point() {
    let fx = Fixture::new("build/basic");
    fx.append(
        "locales/fr/door.ftl",
        "door-call = Appelez ⵜ { $organization }.\n",
    );
    let (report, diags) = fx.build(&BuildOptions {
        formats: vec![Format::Pdf],
        locales: vec!["fr".into()],
        ..BuildOptions::default()
    });
    assert!(
        diags.contains(
            "U+2D5C TIFINAGH LETTER YAT in message `door-call` (fr, document `door`, locale `fr`)"
        ),
        "{diags}"
    );
    assert!(diags.contains("locales/fr/door.ftl:"), "{diags}");
    assert_eq!(report.diagnostics.error_count(), 0, "{diags}");
    assert!(fx.out("fr/door.pdf").is_file());

    let (report, diags) = fx.build(&BuildOptions {
        formats: vec![Format::Pdf],
        locales: vec!["fr".into()],
        strict: true.into(),
        ..BuildOptions::default()
    });
    assert!(
        diags.contains("error: no bundled font can draw U+2D5C"),
        "{diags}"
    );
    assert!(report.failed.contains(&"fr/door.pdf".to_string()));
    assert!(!fx.out("fr/door.pdf").exists(), "a PDF with a box was kept");
}

/// Ten Tifinagh letters (U+2D30..U+2D39): no bundled font draws them.
const TIFINAGH_TEN: &str = "ⴰⴱⴲⴳⴴⴵⴶⴷⴸⴹ";

#[test]
fn many_characters_no_font_has_give_one_warning_per_message_and_a_summary() {
    let fx = Fixture::new("build/basic");
    fx.with_real_contacts();
    let text = std::fs::read_to_string(fx.root().join("locales/fr/door.ftl")).unwrap();
    // Ten letters in one message, twice over; four more (three of them
    // new) in another; one in a variable and one in the skeleton's own
    // text.
    let text = text
        .replacen(
            "door-silent = ",
            &format!("door-silent = {TIFINAGH_TEN} {TIFINAGH_TEN} "),
            1,
        )
        .replacen("door-title = ", "door-title = ⴰⵉⵊⵋ ", 1);
    // Not falling back, so that `--strict` fails only on the letters.
    fx.write(
        "locales/fr/door.ftl",
        &format!("{text}door-call = Appelez {{ $organization }}.\n"),
    );
    let config = std::fs::read_to_string(fx.root().join("kyr.toml")).unwrap();
    fx.write(
        "kyr.toml",
        &config.replace(
            "organization = \"Legal Aid\"",
            "organization = \"Legal Aid ⵣ\"",
        ),
    );
    fx.append("content/door.md", "\nⵥ\n");
    let run = fx.run(&["build", "--format", "pdf", "--locale", "fr"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let err = &run.stderr;
    let warnings: Vec<&str> = err
        .lines()
        .filter(|l| l.contains("warning: no bundled font can draw"))
        .collect();
    assert_eq!(
        warnings.len(),
        4,
        "one per message, variable and skeleton: {err}"
    );
    assert!(
        err.contains(
            "locales/fr/door.ftl:7:1: warning: no bundled font can draw 10 characters in message `door-silent` (fr, document `door`, locale `fr`): \
             U+2D30 TIFINAGH LETTER YA, U+2D31 TIFINAGH LETTER YAB, U+2D32 TIFINAGH LETTER YABH and 7 more; the PDF shows boxes instead"
        ),
        "{err}"
    );
    assert!(
        err.contains("warning: no bundled font can draw 4 characters in message `door-title` (fr, document `door`, locale `fr`): U+2D30 TIFINAGH LETTER YA, U+2D49 TIFINAGH LETTER YI, U+2D4A TIFINAGH LETTER YAZH and 1 more;"),
        "{err}"
    );
    assert!(
        err.contains("kyr.toml:5:") && err.contains("warning: no bundled font can draw U+2D63 TIFINAGH LETTER YAZ in variable `$organization` (document `door`, locale `fr`); the PDF shows a box instead"),
        "{err}"
    );
    assert!(
        err.contains("content/door.md:17:1: warning: no bundled font can draw U+2D65 TIFINAGH LETTER YAZZ in document `door` (locale `fr`)"),
        "{err}"
    );
    assert!(
        err.contains("note: `fr`: 15 characters no bundled font can draw, in 2 messages, 1 variable and 1 document's own text"),
        "{err}"
    );
    assert_eq!(
        err.matches("note: `fr`: ").count(),
        1,
        "one summary for the locale: {err}"
    );
    assert!(err.contains("0 errors, 4 warnings"), "{err}");

    let strict = fx.run(&["build", "--format", "pdf", "--locale", "fr", "--strict"]);
    assert_eq!(strict.code, 1, "{}", strict.stderr);
    assert_eq!(
        strict
            .stderr
            .matches("error: no bundled font can draw")
            .count(),
        4,
        "{}",
        strict.stderr
    );
}

#[test]
fn a_typst_error_in_a_template_points_at_the_template() {
    let fx = Fixture::new("build/basic");
    fx.write(
        "templates/pdf/handout.typ",
        "#import \"kyr.typ\": *\n#let handout(doc, body) = {\n  set text(font: fonts)\n  body + undefined-name\n}\n",
    );
    let (report, diags) = fx.build(&BuildOptions {
        formats: vec![Format::Pdf],
        locales: vec!["en".into()],
        ..BuildOptions::default()
    });
    assert!(
        diags.contains("templates/pdf/handout.typ:4:10: error: unknown variable: undefined-name"),
        "{diags}"
    );
    assert!(report.failed.contains(&"en/door.pdf".to_string()));
    assert!(!fx.out("en/door.pdf").exists());
}

#[test]
fn an_error_while_typesetting_a_section_names_the_message() {
    let fx = Fixture::new("build/basic");
    let kyr = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/pdf/kyr.typ"),
    )
    .unwrap();
    fx.write(
        "templates/pdf/kyr.typ",
        &kyr.replace(
            "#let section(items) = items.map(",
            "#let section(items) = if repr(items).contains(\"remain silent\") { panic(\"cannot typeset\") } else { blocks(items) }\n#let unused(items) = items.map(",
        ),
    );
    let (_, diags) = fx.build(&BuildOptions {
        formats: vec![Format::Pdf],
        locales: vec!["en".into()],
        ..BuildOptions::default()
    });
    assert!(diags.contains("templates/pdf/kyr.typ:"), "{diags}");
    assert!(
        diags.contains("error: panicked with: cannot typeset"),
        "{diags}"
    );
    assert!(
        diags.contains("while typesetting message `door-silent`"),
        "{diags}"
    );
}

#[test]
fn a_package_import_says_kyr_works_offline() {
    let fx = Fixture::new("build/basic");
    fx.write(
        "templates/pdf/handout.typ",
        "#import \"@preview/cetz:0.3.0\": canvas\n#let handout(doc, body) = body\n#let section(items) = []\n",
    );
    let (_, diags) = fx.build(&BuildOptions {
        formats: vec![Format::Pdf],
        locales: vec!["en".into()],
        ..BuildOptions::default()
    });
    assert!(diags.contains("templates/pdf/handout.typ:1:9"), "{diags}");
    assert!(diags.contains("kyr works offline"), "{diags}");
}

#[cfg(unix)]
#[test]
fn a_template_cannot_read_an_image_through_a_link_out_of_the_project() {
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("secret.png"), b"\x89PNG\r\n\x1a\n").unwrap();
    let fx = Fixture::new("build/basic");
    std::os::unix::fs::symlink(
        outside.path().join("secret.png"),
        fx.root().join("logo.png"),
    )
    .unwrap();
    fx.write(
        "templates/pdf/handout.typ",
        "#let handout(doc, body) = { image(\"/logo.png\"); body }\n#let section(items) = []\n",
    );
    let (_, diags) = fx.build(&BuildOptions {
        formats: vec![Format::Pdf],
        locales: vec!["en".into()],
        ..BuildOptions::default()
    });
    assert!(diags.contains("leads outside the project"), "{diags}");
    assert!(!fx.out("en/door.pdf").exists());
}

#[test]
fn paper_size_and_page_numbers_follow_the_configuration() {
    let fx = Fixture::new("build/basic");
    let letter = compiled(&fx, "en", "door").document;
    let size = letter.pages()[0].frame.size();
    assert!(
        (size.x.to_mm() - 210.0).abs() < 0.5,
        "default paper is A4: {size:?}"
    );

    let config = std::fs::read_to_string(fx.root().join("kyr.toml")).unwrap();
    fx.write("kyr.toml", &format!("paper = \"us-letter\"\n{config}"));
    let letter = compiled(&fx, "en", "door").document;
    let size = letter.pages()[0].frame.size();
    assert!((size.x.to_inches() - 8.5).abs() < 0.01, "{size:?}");
    assert!((size.y.to_inches() - 11.0).abs() < 0.01, "{size:?}");
    let text = all_text(&letter);
    let pages = letter.pages().len();
    assert!(text.contains(&format!("1 / {pages}")), "{text}");
    assert!(text.contains("Free legal help:"), "{text}");
    assert!(
        text.contains("General information, not legal advice."),
        "{text}"
    );
    assert!(text.contains("Last reviewed: 2026-11-26"), "{text}");
}

#[test]
fn links_are_printed_with_their_target_and_unreviewed_pages_say_so() {
    let fx = Fixture::new("build/basic");
    fx.append(
        "locales/fr/door.ftl",
        "door-call = Lisez [notre guide](https://example.org/guide) ou écrivez à [l'équipe](mailto:aide@example.org).\n",
    );
    let doc = compiled(&fx, "fr", "door").document;
    let text = all_text(&doc);
    assert!(text.contains("example.org/guide"), "{text}");
    assert!(text.contains("aide@example.org"), "{text}");
    assert!(
        text.contains("Cette traduction n'a pas encore été vérifiée."),
        "{text}"
    );
    let en = all_text(&compiled(&fx, "en", "door").document);
    assert!(!en.contains("not been reviewed"), "{en}");
}

/// Where the links on the pages go: the PDF's link annotations.
fn link_targets(document: &PagedDocument) -> Vec<String> {
    fn walk(frame: &Frame, out: &mut Vec<String>) {
        for (_, item) in frame.items() {
            match item {
                FrameItem::Group(group) => walk(&group.frame, out),
                FrameItem::Link(Destination::Url(url), _) => out.push(url.to_string()),
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    for page in document.pages() {
        walk(&page.frame, &mut out);
    }
    out
}

#[test]
fn tel_targets_are_linked_and_printed_exactly_as_written() {
    let fx = Fixture::new("build/basic");
    let config = std::fs::read_to_string(fx.root().join("kyr.toml")).unwrap();
    fx.write(
        "kyr.toml",
        &config.replace(
            "hotline = { text = \"+1 (555) 010-1234\", link = \"tel:+1 (555) 010-1234\" }",
            "hotline = { text = \"our hotline\", link = \"tel:1-800-FLOWERS\" }",
        ),
    );
    fx.append(
        "locales/fr/door.ftl",
        "door-call = Appelez [le standard](tel:+1-800-FLOWERS) ou [la permanence](<tel:+33 (0)1.23.45.67.89>).\n",
    );
    let written = [
        "tel:+1-800-FLOWERS",
        "tel:+33 (0)1.23.45.67.89",
        "tel:1-800-FLOWERS",
    ];

    let (report, diags) = fx.build(&BuildOptions {
        locales: vec!["fr".into()],
        ..BuildOptions::default()
    });
    assert_eq!(report.diagnostics.error_count(), 0, "{diags}");
    let html = fx.page("fr/door.html");
    for target in written {
        assert!(
            html.contains(&format!("href=\"{target}\"")),
            "{target}: {html}"
        );
    }

    let document = compiled(&fx, "fr", "door").document;
    let links = link_targets(&document);
    for target in written {
        assert!(links.iter().any(|l| l == target), "{target}: {links:?}");
    }
    // Paper cannot be tapped: the number is printed after its link text,
    // as written (line breaks aside).
    let text: String = all_text(&document)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    for printed in ["+1-800-FLOWERS", "+33(0)1.23.45.67.89", "1-800-FLOWERS"] {
        assert!(text.contains(printed), "{printed}: {text}");
    }
    assert!(
        !text.contains("+1800") && !html.contains("tel:1800"),
        "{text}"
    );
}

#[test]
fn the_pdf_names_its_title_language_and_maker_and_is_tagged() {
    let fx = Fixture::new("build/basic");
    let (report, diags) = fx.build(&BuildOptions {
        formats: vec![Format::Pdf],
        locales: vec!["ar".into()],
        ..BuildOptions::default()
    });
    assert!(report.failed.is_empty(), "{diags}");
    let bytes = std::fs::read(fx.out("ar/door.pdf")).unwrap();
    let text = String::from_utf8_lossy(&bytes);
    assert!(
        text.contains("إذا جاء العملاء إلى بابك</rdf:li>"),
        "title missing"
    );
    assert!(
        text.contains("<dc:language><rdf:Bag><rdf:li>ar</rdf:li>"),
        "language missing"
    );
    assert!(text.contains("/Lang(ar)"), "catalog language missing");
    assert!(
        text.contains("/Lang(en)"),
        "English fallback not tagged English"
    );
    assert!(text.contains("/Creator(kyr "), "creator is not kyr");
    assert!(!text.contains("Typst"), "typst's version string leaked");
    assert!(text.contains("/StructTreeRoot"), "not a tagged PDF");
}

#[test]
fn templates_get_the_build_date_and_images_inside_the_project_only() {
    let fx = Fixture::new("build/basic");
    fx.write(
        "images/logo.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><rect width=\"10\" height=\"10\"/></svg>",
    );
    fx.write(
        "templates/pdf/handout.typ",
        "#let handout(doc, body) = [Printed #datetime.today().display() #image(\"/images/logo.svg\", width: 1cm) #body]\n#let section(items) = []\n",
    );
    let project = fx.load();
    let typesetter = Typesetter::new(&project, Some(1_764_115_200));
    let typeset = typesetter
        .typeset("en", &project.skeletons[0].name, "handout")
        .expect("locale and document");
    let compiled = match typeset.result {
        Ok(c) => c,
        Err(f) => panic!("{:?}", f.diagnostics),
    };
    assert!(all_text(&compiled.document).contains("Printed 2025-11-26"));
    assert!(compiled.requests.contains(&"/images/logo.svg".to_string()));
}

#[test]
fn a_project_font_file_that_is_not_a_font_is_reported() {
    let fx = Fixture::new("build/basic");
    fx.write("templates/fonts/Broken.ttf", "not a font");
    let (report, diags) = fx.build(&BuildOptions {
        formats: vec![Format::Pdf],
        locales: vec!["en".into()],
        ..BuildOptions::default()
    });
    assert!(
        diags.contains("warning: `templates/fonts/Broken.ttf` holds no font kyr can read"),
        "{diags}"
    );
    assert!(report.failed.is_empty(), "{diags}");
}

#[test]
fn parallel_and_sequential_builds_write_the_same_files() {
    let fx = Fixture::shipped();
    let build = |out: &str, jobs: usize| {
        let (report, diags) = fx.build(&BuildOptions {
            out_dir: Some(fx.root().join(out)),
            epoch: Some(1_764_115_200),
            locales: vec!["ar".into(), "fr".into(), "ff-Adlm".into()],
            jobs: Some(jobs),
            ..BuildOptions::default()
        });
        assert!(report.failed.is_empty(), "{diags}");
        let mut files: Vec<(String, Vec<u8>)> = report
            .written
            .iter()
            .map(|p| {
                let rel = p.strip_prefix(fx.root().join(out)).unwrap();
                (rel.display().to_string(), std::fs::read(p).unwrap())
            })
            .collect();
        files.sort();
        (files, diags)
    };
    let (one, one_diags) = build("one", 1);
    let (two, two_diags) = build("two", 2);
    assert_eq!(one.len(), two.len());
    assert!(one.len() > 30, "{}", one.len());
    for (a, b) in one.iter().zip(&two) {
        assert_eq!(a.0, b.0);
        assert!(a.1 == b.1, "{} differs between 1 and 2 threads", a.0);
    }
    assert_eq!(one_diags, two_diags);
}

/// What a PDF's document catalog says, read back with a PDF parser
/// (following the update kyr appends to Typst's file).
#[derive(Debug)]
struct CatalogSays {
    lang: String,
    direction: String,
    display_title: Option<bool>,
    title: Option<Vec<u8>>,
    tagged: bool,
    marked: Option<bool>,
    pages: usize,
}

fn catalog_says(pdf: &[u8]) -> CatalogSays {
    use hayro_syntax::Pdf;
    use hayro_syntax::object::{Dict, Name, String as PdfString};
    let parsed = Pdf::new(pdf.to_vec()).expect("a PDF the parser reads");
    let catalog: Dict = parsed.xref().get(parsed.xref().root_id()).expect("catalog");
    let preferences: Dict = catalog.get(b"ViewerPreferences").unwrap_or_default();
    let mark_info: Dict = catalog.get(b"MarkInfo").unwrap_or_default();
    CatalogSays {
        lang: catalog
            .get::<PdfString>(b"Lang")
            .map(|s| String::from_utf8_lossy(s.as_bytes()).into_owned())
            .unwrap_or_default(),
        direction: preferences
            .get::<Name>(b"Direction")
            .map(|n| n.as_str().to_owned())
            .unwrap_or_default(),
        display_title: preferences.get::<bool>(b"DisplayDocTitle"),
        title: parsed.metadata().title.clone(),
        tagged: catalog.contains_key(b"StructTreeRoot"),
        marked: mark_info.get::<bool>(b"Marked"),
        pages: parsed.pages().len(),
    }
}

/// The locales the catalog tests read, with the direction their pages
/// run in.
const DIRECTIONS: [(&str, &str); 4] = [
    ("en", "L2R"),
    ("ar", "R2L"),
    ("ff-Adlm", "R2L"),
    ("wo", "L2R"),
];

#[test]
fn the_catalog_says_the_full_language_tag_the_page_direction_and_shows_the_title() {
    let fx = Fixture::shipped();
    let project = fx.load();
    let typesetter = Typesetter::new(&project, None);
    for (tag, direction) in DIRECTIONS {
        for what in ["handout", "booklet"] {
            let compiled = match typesetter.typeset(tag, "at-the-door", what).unwrap().result {
                Ok(compiled) => compiled,
                Err(failed) => panic!("{tag} {what}: {:?}", failed.diagnostics),
            };
            let says = catalog_says(&compiled.pdf);
            assert_eq!(says.lang, tag, "{tag} {what}: {says:?}");
            assert_eq!(says.direction, direction, "{tag} {what}: {says:?}");
            assert_eq!(says.display_title, Some(true), "{tag} {what}: {says:?}");
            assert!(
                says.title.as_ref().is_some_and(|t| !t.is_empty()),
                "{says:?}"
            );
            assert!(
                says.tagged && says.marked == Some(true),
                "{tag} {what}: {says:?}"
            );
            // The update changed the catalog only: every page is still there.
            assert_eq!(says.pages, compiled.document.pages().len(), "{tag} {what}");
        }
    }
}

#[test]
fn imposed_booklets_are_tagged_with_their_language_and_direction() {
    let fx = Fixture::shipped();
    let project = fx.load();
    let typesetter = Typesetter::new(&project, None);
    for (tag, direction) in DIRECTIONS {
        for doc in ["at-the-door", "in-the-shelter", "red-card"] {
            let booklet = match typesetter.typeset(tag, doc, "booklet").unwrap().result {
                Ok(compiled) => compiled.document,
                Err(failed) => panic!("{tag} {doc}: {:?}", failed.diagnostics),
            };
            let (imposed, pdf) = typesetter
                .impose_booklet(tag, doc, &booklet)
                .unwrap_or_else(|e| panic!("{tag} {doc}: {e}"));
            let says = catalog_says(&pdf);
            assert!(says.tagged, "{tag} {doc}: {says:?}");
            assert_eq!(says.marked, Some(true), "{tag} {doc}: {says:?}");
            assert_eq!(says.lang, tag, "{tag} {doc}: {says:?}");
            assert_eq!(says.direction, direction, "{tag} {doc}: {says:?}");
            assert_eq!(says.display_title, Some(true), "{tag} {doc}: {says:?}");
            assert_eq!(says.pages, imposed.pages().len(), "{tag} {doc}");
        }
    }
}

/// Each font's ToUnicode map in a PDF: glyph code and the text it reads as.
fn to_unicode(pdf: &[u8]) -> Vec<Vec<(String, String)>> {
    use hayro_syntax::Pdf;
    use hayro_syntax::object::{Object, Stream};
    let parsed = Pdf::new(pdf.to_vec()).expect("a PDF the parser reads");
    let mut maps = Vec::new();
    for object in parsed.objects() {
        let Object::Dict(font) = object else { continue };
        let Some(stream) = font.get::<Stream>(b"ToUnicode") else {
            continue;
        };
        let data = stream.decoded().expect("a ToUnicode stream that decodes");
        let text = String::from_utf8_lossy(&data);
        let mut map = Vec::new();
        for line in text.lines() {
            let Some((code, utf16)) = line
                .strip_prefix('<')
                .and_then(|l| l.split_once("> <"))
                .and_then(|(c, u)| Some((c, u.strip_suffix('>')?)))
            else {
                continue;
            };
            let units: Vec<u16> = (0..utf16.len() / 4)
                .map(|i| u16::from_str_radix(&utf16[4 * i..4 * i + 4], 16).unwrap())
                .collect();
            map.push((code.to_owned(), String::from_utf16_lossy(&units)));
        }
        maps.push(map);
    }
    maps
}

/// A letter and its vowel mark are two glyphs: only one of them may read
/// as the pair, or every extractor prints it twice. Arabic with a vowel
/// mark under or over a letter, and an Adlam heading with its marks; what
/// pdftotext reads of them is in `tests/tools/pdf_text.rs`.
#[test]
fn a_letter_and_its_vowel_mark_do_not_both_read_as_the_pair() {
    let fx = Fixture::shipped();
    for tag in ["ar", "ff-Adlm"] {
        for map in to_unicode(&compiled(&fx, tag, "at-the-door").pdf) {
            let mut seen = std::collections::HashMap::new();
            for (code, text) in &map {
                if text.chars().count() > 1
                    && let Some(other) = seen.insert(text.clone(), code.clone())
                {
                    panic!("{tag}: glyphs {other} and {code} both read as {text:?}");
                }
            }
        }
    }
}
