//! A project written in any language builds at once: `kyr init` in every
//! language kyr ships interface text for (and one it has none for), with
//! every layout, checks as it builds; an organizer writing in Spanish,
//! French, Arabic or Portuguese gets a project that passes `--strict`
//! once its contacts are real. The card sheet's printing note, read out
//! of the PDFs, is in `tests/tools/pdf_text.rs`.

use std::collections::BTreeSet;
use std::path::Path;

use crate::util::{Run, add_one_per_layout, kyr_in as kyr};

/// The problems of a `--message-format json` run: severity, code, file,
/// line and column.
fn problems(stdout: &str) -> BTreeSet<(String, String, String, u64, u64)> {
    stdout
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter(|v| v.get("type").is_none_or(|t| t == "diagnostic"))
        .map(|v| {
            let text = |key: &str| v[key].as_str().unwrap_or("").to_owned();
            let number = |key: &str| v[key].as_u64().unwrap_or(0);
            (
                text("severity"),
                text("code"),
                text("file"),
                number("line"),
                number("column"),
            )
        })
        .collect()
}

/// The errors of a `--message-format json` run.
fn errors(ran: &Run) -> BTreeSet<(String, String, String, u64, u64)> {
    problems(&ran.stdout)
        .into_iter()
        .filter(|p| p.0 == "error")
        .collect()
}

/// `kyr check` and `kyr build` on `dir`, in JSON, both exiting 1.
fn check_and_build_both_fail(dir: &Path) -> (Run, Run) {
    let check = kyr(dir, &["check", "--message-format", "json"]);
    let build = kyr(dir, &["build", "--message-format", "json"]);
    assert_eq!(
        (check.code, build.code),
        (1, 1),
        "{}{}",
        check.stdout,
        build.stdout
    );
    (check, build)
}

#[test]
fn every_reference_language_and_layout_from_init_checks_as_it_builds() {
    let folder = tempfile::tempdir().unwrap();
    for reference in [
        "en", "fr", "es", "pt", "ar", "ht", "wo", "ff", "ff-Adlm", "quc",
    ] {
        let dir = folder.path().join(reference);
        let dir_name = dir.to_str().unwrap();
        let run = kyr(
            folder.path(),
            &[
                "init",
                dir_name,
                "--reference",
                reference,
                "--locale",
                "mam",
            ],
        );
        assert_eq!(run.code, 0, "{reference}: {}", run.stderr);
        add_one_per_layout(&dir);
        let check = kyr(&dir, &["check", "--message-format", "json"]);
        let build = kyr(
            &dir,
            &["build", "--format", "all", "--message-format", "json"],
        );
        assert_eq!(
            check.code, 0,
            "{reference}: {}{}",
            check.stdout, check.stderr
        );
        assert_eq!(
            build.code, 0,
            "{reference}: {}{}",
            build.stdout, build.stderr
        );
        let (checked, built) = (problems(&check.stdout), problems(&build.stdout));
        assert_eq!(checked, built, "{reference}: check and build disagree");
        for layout in ["pdf", "card.pdf", "card-sheet.pdf", "booklet.pdf"] {
            let doc = if layout == "pdf" {
                "in-handout"
            } else if layout.starts_with("card") {
                "in-card"
            } else {
                "in-booklet"
            };
            let file = dir.join(format!("out/{reference}/{doc}.{layout}"));
            assert!(file.is_file(), "{}", file.display());
        }
        // Where kyr lacks the language's words, a warning says so at the
        // file to add them to, and the pages show English, marked so.
        let lacking = checked.iter().any(|p| p.1 == "interface-missing");
        assert_eq!(
            lacking,
            !["en", "fr", "es", "pt", "ar"].contains(&reference),
            "{reference}: {checked:?}"
        );
        if lacking {
            assert!(
                checked
                    .iter()
                    .any(|p| p.1 == "interface-missing"
                        && p.2 == format!("locales/{reference}/kyr.ftl")),
                "{checked:?}"
            );
            let page =
                std::fs::read_to_string(dir.join(format!("out/{reference}/in-handout.html")))
                    .unwrap();
            assert!(
                page.contains("lang=\"en\" dir=\"ltr\">Print</h2>"),
                "{reference}"
            );
            // So does the example document, which kyr has in English only.
            assert!(
                checked.iter().any(|p| p.1 == "example-in-english"
                    && p.2 == format!("locales/{reference}/example.ftl")),
                "{checked:?}"
            );
            let example =
                std::fs::read_to_string(dir.join(format!("out/{reference}/example.html"))).unwrap();
            assert!(
                example.contains("<h1 lang=\"en\" dir=\"ltr\" class=\"fallback\" data-name=\"English\">If you are stopped by immigration agents"),
                "{reference}"
            );
        }
    }
}

#[test]
fn a_card_problem_is_reported_by_check_where_build_fails_on_it() {
    let folder = tempfile::tempdir().unwrap();
    let dir = folder.path().join("p");
    let run = kyr(folder.path(), &["init", "p", "--reference", "es"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    add_one_per_layout(&dir);
    let path = dir.join("content/in-card.md");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replacen("[card]", "officer_locale = \"en\"\n[card]", 1),
    )
    .unwrap();
    let (check, build) = check_and_build_both_fail(&dir);
    assert_eq!(errors(&check), errors(&build));
    // At the value to change.
    let line = text.lines().position(|l| l == "[card]").unwrap() as u64 + 1;
    assert!(
        errors(&check).contains(&(
            "error".into(),
            "card".into(),
            "content/in-card.md".into(),
            line,
            18
        )),
        "{:?}",
        errors(&check)
    );
    let human = kyr(&dir, &["check"]);
    assert!(human.stderr.contains("leave `officer_locale` out: the card's back is then in English when the project has it, else in `es`, the reference"), "{}", human.stderr);
}

#[test]
fn an_organizer_writing_in_spanish_french_arabic_or_portuguese_passes_strict_once_contacts_are_real()
 {
    // The example's title, and the title `kyr new` starts a document with.
    let titles = [
        (
            "es",
            "Si le paran agentes de inmigración",
            "Título del documento",
        ),
        (
            "fr",
            "Si vous êtes contrôlé par des agents de l'immigration",
            "Titre du document",
        ),
        ("ar", "إذا أوقفك موظفو الهجرة", "عنوان الوثيقة"),
        (
            "pt",
            "Se você for abordado por agentes de imigração",
            "Título do documento",
        ),
    ];
    let folder = tempfile::tempdir().unwrap();
    for (reference, title, new_title) in titles {
        let dir = folder.path().join(reference);
        let name = dir.to_str().unwrap();
        let other = if reference == "fr" { "es" } else { "fr" };
        let run = kyr(
            folder.path(),
            &[
                "init",
                name,
                "--reference",
                reference,
                "--locale",
                other,
                "--locale",
                "mam",
                "--locale",
                "quc",
            ],
        );
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert!(
            !run.stderr.contains("note:"),
            "{reference}: nothing is left in English: {}",
            run.stderr
        );
        add_one_per_layout(&dir);
        // What is left to do is the contacts and the review dates.
        let fresh = kyr(&dir, &["check", "--message-format", "json"]);
        assert_eq!(fresh.code, 0, "{}", fresh.stderr);
        let codes: BTreeSet<String> = problems(&fresh.stdout).into_iter().map(|p| p.1).collect();
        assert_eq!(
            codes,
            BTreeSet::from(["example-value".to_owned(), "not-reviewed".to_owned()]),
            "{reference}: {}",
            fresh.stdout
        );
        crate::util::init_contacts_made_real(&dir, "Red de Albergues");
        for entry in std::fs::read_dir(dir.join("content")).unwrap() {
            let path = entry.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap();
            let text = text.replacen("+++\n", "+++\nlast_reviewed = 2026-12-01\n", 1);
            std::fs::write(&path, text.replace("# last_reviewed = 2026-01-31\n", "")).unwrap();
        }
        let strict = kyr(&dir, &["check", "--strict"]);
        assert_eq!(strict.code, 0, "{reference}: {}", strict.stderr);
        let build = kyr(&dir, &["build", "--strict", "--format", "all"]);
        assert_eq!(build.code, 0, "{reference}: {}", build.stderr);
        for file in [
            "example.html",
            "example.pdf",
            "example.txt",
            "example.sms.txt",
            "in-card.card-sheet.pdf",
            "in-booklet.booklet-print.pdf",
        ] {
            assert!(
                dir.join(format!("out/{reference}/{file}")).is_file(),
                "{reference}/{file}"
            );
        }
        // The example is in the project's language.
        let page =
            std::fs::read_to_string(dir.join(format!("out/{reference}/example.html"))).unwrap();
        assert!(
            page.contains(&title.replace('\'', "&#39;")),
            "{reference}: {page}"
        );
        let page =
            std::fs::read_to_string(dir.join(format!("out/{reference}/in-handout.html"))).unwrap();
        assert!(page.contains(new_title), "{reference}: {page}");
    }
}

/// What the PDFs fail on before any is laid out (an address too long for
/// a QR code, a card side longer than any card) `check` reports as
/// `build` does, at the same place.
#[test]
fn what_only_the_pdfs_meet_is_reported_by_check_as_by_build() {
    let folder = tempfile::tempdir().unwrap();
    let dir = folder.path().join("p");
    let run = kyr(folder.path(), &["init", "p", "--reference", "fr"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    add_one_per_layout(&dir);
    let config = std::fs::read_to_string(dir.join("kyr.toml")).unwrap();
    let long = format!(
        "https://example.org/{}/{{locale}}/{{document}}.html",
        "a".repeat(3000)
    );
    std::fs::write(
        dir.join("kyr.toml"),
        config.replacen("# qr = ", &format!("qr = \"{long}\"\n# "), 1),
    )
    .unwrap();
    let messages = dir.join("locales/fr/in-card.ftl");
    let text = std::fs::read_to_string(&messages).unwrap();
    let long_line = "Une phrase de plus sur la carte. ".repeat(150);
    std::fs::write(
        &messages,
        text.replace("in-card-help = ", &format!("in-card-help = {long_line}")),
    )
    .unwrap();
    let (check, build) = check_and_build_both_fail(&dir);
    let checked = errors(&check);
    assert_eq!(checked, errors(&build));
    let codes: BTreeSet<&str> = checked.iter().map(|e| e.1.as_str()).collect();
    assert_eq!(codes, BTreeSet::from(["card-size", "qr"]), "{checked:?}");
}

/// `init` takes a language by its tag or by a name kyr knows, in itself
/// or in English, as an organizer would type it.
#[test]
fn init_takes_languages_by_their_names() {
    let folder = tempfile::tempdir().unwrap();
    let run = kyr(
        folder.path(),
        &[
            "init",
            "p",
            "--reference",
            "español",
            "--locale",
            "K'iche'",
            "--locale",
            "Qyol Mam",
            "--locale",
            "Haitian Creole",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let config = std::fs::read_to_string(folder.path().join("p/kyr.toml")).unwrap();
    for line in [
        "reference = \"es\"",
        "[locales.quc]",
        "endonym = \"Kʼicheʼ\"",
        "[locales.mam]",
        "[locales.ht]",
    ] {
        assert!(config.contains(line), "{line}: {config}");
    }
    let refused = kyr(
        folder.path(),
        &["init", "q", "--reference", "Klingon language"],
    );
    assert_eq!(refused.code, 2, "{}", refused.stderr);
}
