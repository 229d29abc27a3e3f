//! The repository's own content builds cleanly in every locale.

use kyr::build::BuildOptions;

use crate::util::{Fixture, main_of};

#[test]
fn shipped_content_builds_every_document_in_every_locale() {
    let fx = Fixture::shipped();
    let project = fx.load();
    let (report, diags) = fx.build(&BuildOptions::default());
    assert_eq!(report.diagnostics.error_count(), 0, "{diags}");
    // The example hotline and organization are printed on every document
    // in every language, and the build says so; nothing else warns.
    let warned: Vec<&str> = report
        .diagnostics
        .diagnostics()
        .iter()
        .map(|d| d.code.as_ref())
        .collect();
    assert_eq!(warned, ["example-value", "example-value"], "{diags}");
    let pages = project.skeletons.len() * project.config.locales.len();
    for var in ["hotline", "organization"] {
        assert!(
            diags.contains(&format!("`${var}` is `"))
                && diags.contains(&format!("{pages} documents (one per language) print it")),
            "{diags}"
        );
    }
    assert!(report.failed.is_empty(), "{:?}", report.failed);
    let documents = ["red-card", "at-the-door", "in-the-shelter"];
    assert_eq!(project.skeletons.len(), documents.len());
    for tag in project.config.locales.keys() {
        for doc in documents {
            let page = fx.page(&format!("{tag}/{doc}.html"));
            assert!(page.len() < 30 * 1024, "{tag}/{doc}: {} bytes", page.len());
            let main = main_of(&page);
            assert!(
                !main.contains('{') && !main.contains('}'),
                "{tag}/{doc} leaks a placeable"
            );
            assert!(!main.contains('\u{E000}'));
            assert!(page.contains("not legal advice") || tag != "en");
        }
    }
}

#[test]
fn shipped_arabic_and_adlam_pages_are_right_to_left() {
    let fx = Fixture::shipped();
    fx.build(&BuildOptions::default());
    for doc in ["red-card", "at-the-door", "in-the-shelter"] {
        assert!(
            fx.page(&format!("ar/{doc}.html"))
                .contains("<html lang=\"ar\" dir=\"rtl\">")
        );
        assert!(
            fx.page(&format!("ff-Adlm/{doc}.html"))
                .contains("<html lang=\"ff-Adlm\" dir=\"rtl\">")
        );
    }
}

#[test]
fn shipped_pulaar_pages_show_french_fallback_marked_french() {
    let fx = Fixture::shipped();
    fx.build(&BuildOptions::default());
    let page = fx.page("ff/at-the-door.html");
    assert!(
        main_of(&page)
            .contains(" lang=\"fr\" dir=\"ltr\" class=\"fallback\" data-name=\"Français\">"),
        "{page}"
    );
}

#[test]
fn shipped_locales_follow_the_review_rules() {
    let fx = Fixture::shipped();
    let project = fx.load();
    for (tag, locale) in &project.config.locales {
        assert_eq!(
            locale.reviewed,
            tag == "en",
            "only the reference locale is reviewed: {tag}"
        );
    }
    for tag in ["en", "fr", "es", "ar"] {
        assert!(project.config.locales[tag].complete, "{tag}");
    }
    assert_eq!(
        project.config.locales["ff-Adlm"].chain,
        ["ff-Adlm", "ff", "fr", "en"]
    );
    assert_eq!(project.config.locales["wo"].chain, ["wo", "fr", "en"]);
    assert_eq!(project.config.locales["snk"].chain, ["snk", "fr", "en"]);
    assert_eq!(
        project.config.locales["en"].vars["hotline"].text,
        "+1 (555) 010-1234"
    );
}

#[test]
fn shipped_documents_expand_to_at_most_a_fiftieth_of_the_default_limit() {
    // The default of `max_document_bytes` is at least the largest shipped
    // document × 50: real handouts never meet it.
    let fx = Fixture::shipped();
    let fiftieth = kyr::config::Limits::default().max_document_bytes / 50;
    fx.append(
        "kyr.toml",
        &format!("\n[limits]\nmax_document_bytes = {fiftieth}\n"),
    );
    let run = fx.run(&["check"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // And the limit is met below that: it measures something.
    fx.replace(
        "kyr.toml",
        &format!("max_document_bytes = {fiftieth}"),
        "max_document_bytes = 4000",
    );
    let run = fx.run(&["check"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("expands to more than 4 KB"),
        "{}",
        run.stderr
    );
}
