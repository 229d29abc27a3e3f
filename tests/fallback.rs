//! Per-message fallback along chains, recorded and marked in the output.

use kyr::build::BuildOptions;
use kyr::build::Fallback;

use crate::util::{Fixture, main_of};

#[test]
fn three_step_chain_marks_each_supplier() {
    let fx = Fixture::new("build/basic");
    let (report, diags) = fx.build(&BuildOptions::default());
    assert_eq!(report.diagnostics.error_count(), 0, "{diags}");
    let page = fx.page("ff-Adlm/door.html");
    let main = main_of(&page);
    // ff-Adlm's own text has no wrapper; ff, fr and en text carry theirs.
    assert!(main.contains("<li>𞤖𞤢𞤳𞥆𞤫𞥅𞤶𞤭</li>"), "{main}");
    assert!(main.contains(
        "<h1 lang=\"ff\" dir=\"ltr\" class=\"fallback\" data-name=\"Pulaar\">Hakkeeji maa</h1>"
    ));
    assert!(main.contains("<div lang=\"fr\" dir=\"ltr\" class=\"fallback\" data-name=\"Français\">\n<p>Vous avez des droits, <strong>quel que soit votre statut</strong>.</p>"));
    assert!(main.contains("<div lang=\"en\" dir=\"ltr\" class=\"fallback\" data-name=\"English\">\n<p>Call <bdi class=\"var-organization\">Legal Aid</bdi> for help.</p>"));
    let of = |requested: &str, message: &str| -> Vec<&Fallback> {
        report
            .fallbacks
            .iter()
            .filter(|f| f.requested == requested && f.message == message && f.document == "door")
            .collect()
    };
    assert_eq!(of("ff-Adlm", "door-title")[0].supplied_by, "ff");
    assert_eq!(of("ff-Adlm", "door-intro")[0].supplied_by, "fr");
    assert_eq!(of("ff-Adlm", "door-call")[0].supplied_by, "en");
    assert!(of("ff-Adlm", "door-silent").is_empty());
}

#[test]
fn pulaar_shows_french_fallback_marked_french() {
    let fx = Fixture::new("build/basic");
    fx.build(&BuildOptions::default());
    let ff = fx.page("ff/door.html");
    assert!(
        main_of(&ff)
            .contains("<li lang=\"fr\" dir=\"ltr\" class=\"fallback\" data-name=\"Français\">Vous avez le droit de garder le silence.</li>"),
        "{ff}"
    );
    // One message of four is its own: the page says it is mostly in French.
    assert!(ff.contains("<div class=\"notice\"><p lang=\"fr\" dir=\"ltr\" class=\"fallback\" data-name=\"Français\">La plus grande partie de cette page est affichée dans une autre langue.</p>\n</div>"));
}

#[test]
fn right_to_left_page_with_left_to_right_fallback() {
    let fx = Fixture::new("build/basic");
    fx.build(&BuildOptions::default());
    let ar = fx.page("ar/door.html");
    assert!(
        main_of(&ar).contains("<div lang=\"en\" dir=\"ltr\" class=\"fallback\" data-name=\"English\">\n<p>You have rights"),
        "{ar}"
    );
}

#[test]
fn fallback_in_a_complete_locale_warns_and_fails_with_strict() {
    let fx = Fixture::new("build/basic");
    // fr is complete but lacks door-call.
    let (report, diags) = fx.build(&BuildOptions::default());
    assert_eq!(report.diagnostics.error_count(), 0);
    assert!(diags.contains("content/door.md:15:1: warning: message `door-call` is not translated in `fr`, which is marked complete; using `en`"), "{diags}");
    assert!(fx.out("fr/door.html").is_file());

    let (report, diags) = fx.build(&BuildOptions {
        strict: true,
        ..BuildOptions::default()
    });
    assert!(
        diags
            .contains("content/door.md:15:1: error: message `door-call` is not translated in `fr`"),
        "{diags}"
    );
    assert!(report.failed.contains(&"fr/door.html".to_owned()));
    assert!(
        !fx.out("fr/door.html").exists(),
        "a failed output is removed"
    );
    assert!(fx.out("en/door.html").is_file());
    assert!(
        fx.out("ff/door.html").is_file(),
        "incomplete locales may fall back"
    );
}

#[test]
fn a_message_that_fails_to_format_falls_back() {
    let fx = Fixture::new("build/basic");
    fx.write("locales/ff/door.ftl", "door-title = Hakkeeji { $nope }\n");
    let (report, diags) = fx.build(&BuildOptions::default());
    assert!(
        diags.contains("locales/ff/door.ftl:1:25: error: unknown variable `$nope` in message `door-title` (locale `ff`)"),
        "{diags}"
    );
    // The error is ff's: ff's page is not written, ff-Adlm's page takes the
    // title from the next locale in its chain, and nothing leaks.
    assert!(report.failed.contains(&"ff/door.html".to_owned()));
    let page = fx.page("ff-Adlm/door.html");
    assert!(
        main_of(&page)
            .contains("<h1 lang=\"fr\" dir=\"ltr\" class=\"fallback\" data-name=\"Français\">Si des agents viennent à votre porte</h1>"),
        "{page}"
    );
    assert!(!page.contains("nope") && !page.contains("Hakkeeji"));
    assert_eq!(
        diags.matches("unknown variable `$nope`").count(),
        1,
        "reported once: {diags}"
    );
}
