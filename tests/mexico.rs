//! `examples/mexico`, the Spanish-reference project for migrants in
//! Mexico: it checks and builds with no problem but its example contacts,
//! every layout for Spanish, Mam and Kʼicheʼ, and the Mam and Kʼicheʼ pages
//! say plainly that they show Spanish.

use serde_json::Value;

use crate::util::Fixture;

const LOCALES: [&str; 3] = ["es", "mam", "quc"];

/// The JSON lines of a run's stdout that are diagnostics.
fn diagnostics(stdout: &str) -> Vec<Value> {
    stdout
        .lines()
        .map(|line| serde_json::from_str::<Value>(line).unwrap_or_else(|e| panic!("{e}: {line}")))
        .filter(|value| value.get("type").is_none_or(|t| t == "diagnostic"))
        .collect()
}

/// Asserts that the only warnings are the example contacts, at kyr.toml,
/// and that there is no error.
fn only_example_contacts_warn(stdout: &str) {
    let found = diagnostics(stdout);
    let problems: Vec<&Value> = found
        .iter()
        .filter(|d| d["severity"] == "warning" || d["severity"] == "error")
        .collect();
    let mut vars: Vec<&str> = problems
        .iter()
        .map(|d| {
            assert_eq!(d["code"], "example-value", "{d}");
            assert_eq!(d["file"], "kyr.toml", "{d}");
            let message = d["message"].as_str().unwrap();
            message.split('`').nth(1).unwrap()
        })
        .collect();
    vars.sort_unstable();
    assert_eq!(vars, ["$hotline", "$organization"], "{stdout}");
}

#[test]
fn mexico_example_checks_with_only_its_example_contacts_warning() {
    let fx = Fixture::example("mexico");
    let run = fx.run(&["check", "--message-format", "json"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    only_example_contacts_warn(&run.stdout);
}

#[test]
fn mexico_example_builds_every_layout_for_spanish_mam_and_kiche() {
    let fx = Fixture::example("mexico");
    let out = tempfile::tempdir().unwrap();
    let out_arg = out.path().to_str().unwrap();
    let run = fx.run(&["build", "--out", out_arg, "--message-format", "json"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    only_example_contacts_warn(&run.stdout);

    for locale in LOCALES {
        for file in [
            "tarjeta.card.pdf",
            "tarjeta.card-sheet.pdf",
            "tarjeta.pdf",
            "salud-escuela-curp.pdf",
            "queja-cndh.pdf",
            "refugio.pdf",
            "refugio.booklet.pdf",
            "refugio.booklet-print.pdf",
            "revision-y-detencion.booklet.pdf",
        ] {
            let pdf = std::fs::read(out.path().join(locale).join(file))
                .unwrap_or_else(|e| panic!("{locale}/{file}: {e}"));
            assert!(pdf.starts_with(b"%PDF-"), "{locale}/{file} is not a PDF");
        }
    }

    let index = std::fs::read_to_string(out.path().join("index.html")).unwrap();
    for endonym in ["Qyol Mam", "Kʼicheʼ"] {
        assert!(index.contains(endonym), "the index does not name {endonym}");
    }
    // U+02BC MODIFIER LETTER APOSTROPHE, as K'iche' is written.
    assert!(
        !index.contains("K'iche'"),
        "K'iche' with a plain apostrophe"
    );
}

#[test]
fn mexico_example_mam_and_kiche_pages_show_spanish_and_say_so() {
    let fx = Fixture::example("mexico");
    // No invented translation: only the Spanish files exist.
    for locale in ["mam", "quc"] {
        assert!(
            !fx.root().join("locales").join(locale).exists(),
            "locales/{locale} should not exist until a fluent speaker translates"
        );
    }
    let out = tempfile::tempdir().unwrap();
    let run = fx.run(&["build", "--out", out.path().to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for locale in ["mam", "quc"] {
        let page = std::fs::read_to_string(out.path().join(locale).join("refugio.html")).unwrap();
        assert!(
            page.contains(&format!("<html lang=\"{locale}\"")),
            "{locale}: the page is not in {locale}"
        );
        assert!(
            page.contains("<h1 lang=\"es\" dir=\"ltr\" class=\"fallback\" data-name=\"Español\">"),
            "{locale}: the Spanish title is not marked as Spanish"
        );
        assert!(
            page.contains("Pedir refugio en México"),
            "{locale}: the Spanish text is not shown"
        );
        assert!(
            page.contains("Este texto todavía no está traducido."),
            "{locale}: the page does not say it is not translated"
        );
        assert!(
            run.stderr
                .contains(&format!("`{locale}` shows untranslated messages")),
            "{locale}: the build does not report the fallback: {}",
            run.stderr
        );
    }
}
