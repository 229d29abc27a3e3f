//! The text a reader copies out of kyr's PDFs, as pdftotext (poppler-utils)
//! reads it: Arabic and Adlam vowel marks once and with their letter; the
//! card sheet's printing note in the project's language on the sheets of
//! every language, and in kyr's own where the project lacks it.

use std::path::Path;
use std::process::Command;

use kyr::inspect::Typesetter;

use crate::util::{Fixture, add_one_per_layout, kyr_in as kyr};

/// The text pdftotext reads out of a PDF, without the directional marks
/// it puts around right-to-left runs, its spaces and line ends one space.
fn pdf_text(pdf: &Path) -> String {
    let output = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) runs");
    assert!(output.status.success(), "{}: {output:?}", pdf.display());
    let text: String = String::from_utf8_lossy(&output.stdout)
        .chars()
        .filter(|c| !matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}'))
        .collect();
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// kyr's own text of interface message `id` in `tag`, from its source.
fn kyrs_text(tag: &str, id: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("assets/interface/{tag}.ftl"));
    let source = std::fs::read_to_string(path).unwrap();
    let line = source
        .lines()
        .find(|l| l.starts_with(&format!("{id} = ")))
        .unwrap();
    line[id.len() + 3..].to_owned()
}

/// The words of a text, for comparing what a PDF holds.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| c.is_whitespace() || "()،,.;:".contains(c))
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Asserts that what pdftotext reads of `sheet` holds the first four
/// words of `note`.
fn holds_the_note(sheet: &Path, note: &str) {
    let text = pdf_text(sheet);
    let expected = words(note);
    assert!(
        words(&text).windows(4).any(|w| w == &expected[..4]),
        "{}: {:?} not in {text}",
        sheet.display(),
        &expected[..4]
    );
}

/// Each letter and its vowel mark read once, together. The ToUnicode maps
/// that allow it are checked in `tests/pdf.rs`.
pub(crate) fn vowel_marks_are_read_once_and_with_their_letter() {
    let fx = Fixture::shipped();
    let project = fx.load();
    let typesetter = Typesetter::new(&project, None);
    let dir = tempfile::tempdir().unwrap();
    // Arabic words with a vowel mark under or over a letter (kasra,
    // tanwin, shadda with kasra), and an Adlam heading with its marks.
    for (tag, phrases) in [
        ("ar", &["أبقِ الباب مغلقًا", "فمرِّرها من تحت الباب"][..]),
        ("ff-Adlm", &["𞤖𞤢𞤳𞥆𞤫𞥅𞤶𞤭 𞤥𞤢𞥄"][..]),
    ] {
        let compiled = match typesetter
            .typeset(tag, "at-the-door", "handout")
            .unwrap()
            .result
        {
            Ok(compiled) => compiled,
            Err(failed) => panic!("{tag}: {:?}", failed.diagnostics),
        };
        let pdf = dir.path().join(format!("{tag}.pdf"));
        std::fs::write(&pdf, &compiled.pdf).unwrap();
        let read = pdf_text(&pdf);
        for phrase in phrases {
            // Poppler knows Arabic is written right to left, not Adlam:
            // an Adlam line comes out in the order it is drawn, the words
            // backwards letter by letter, each letter and mark once.
            let expected: String = match tag {
                "ff-Adlm" => phrase.chars().rev().collect(),
                _ => (*phrase).to_owned(),
            };
            assert!(read.contains(&expected), "{tag}: {phrase:?} not in {read}");
        }
    }
}

/// Whoever prints the card sheet of a project written in Spanish, French,
/// Arabic or Portuguese reads how to in the project's language, on the
/// sheets of every language.
pub(crate) fn the_card_sheets_printing_note_is_in_the_projects_language_on_every_sheet() {
    let folder = tempfile::tempdir().unwrap();
    for reference in ["es", "fr", "ar", "pt"] {
        let run = kyr(
            folder.path(),
            &[
                "init",
                reference,
                "--reference",
                reference,
                "--locale",
                "mam",
            ],
        );
        assert_eq!(run.code, 0, "{}", run.stderr);
        let dir = folder.path().join(reference);
        add_one_per_layout(&dir);
        let build = kyr(&dir, &["build"]);
        assert_eq!(build.code, 0, "{reference}: {}", build.stderr);
        let note = kyrs_text(reference, "kyr-card-sheet-help");
        for tag in [reference, "mam"] {
            holds_the_note(
                &dir.join(format!("out/{tag}/in-card.card-sheet.pdf")),
                &note,
            );
        }
    }
}

/// A project made before kyr had the card sheet's printing note: its
/// card sheets print kyr's own Spanish note, and `check` and `build` both
/// say, at the end of its `kyr.ftl`, which line to add.
pub(crate) fn a_project_older_than_an_interface_message_builds_with_kyrs_own_text_and_is_told_the_line()
 {
    let folder = tempfile::tempdir().unwrap();
    let dir = folder.path().join("p");
    let run = kyr(
        folder.path(),
        &["init", "p", "--reference", "es", "--locale", "mam"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    add_one_per_layout(&dir);
    let kyr_ftl = dir.join("locales/es/kyr.ftl");
    let old: String = std::fs::read_to_string(&kyr_ftl)
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with("kyr-card-sheet-help") && !l.contains("hoja de tarjetas"))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(&kyr_ftl, &old).unwrap();
    let line = old.lines().count() as u64 + 1;
    let spanish = kyrs_text("es", "kyr-card-sheet-help");
    for command in ["check", "build"] {
        let ran = kyr(&dir, &[command]);
        assert_eq!(ran.code, 0, "{command}: {}", ran.stderr);
        assert!(
            ran.stderr.contains(&format!(
                "locales/es/kyr.ftl:{line}:1: warning: the reference locale `es` lacks 1 of kyr's interface messages (`kyr-card-sheet-help`): pages show kyr's own `es` text for it"
            )),
            "{command}: {}",
            ran.stderr
        );
        assert!(
            ran.stderr
                .contains(&format!("kyr-card-sheet-help = {spanish}")),
            "{}",
            ran.stderr
        );
    }
    holds_the_note(&dir.join("out/mam/in-card.card-sheet.pdf"), &spanish);
}
