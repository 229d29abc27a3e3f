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
    // Located in the file where the translation belongs, with the ways out.
    assert!(diags.contains("locales/fr/door.ftl:1:1: warning: message `door-call` is not translated in `fr`, which is marked complete; using `en`"), "{diags}");
    assert!(
        diags.contains("translate it in `locales/fr/door.ftl` (`kyr sync fr` adds it there as a comment), or set `complete = false` under `[locales.fr]` in kyr.toml"),
        "{diags}"
    );
    assert!(fx.out("fr/door.html").is_file());

    let (report, diags) = fx.build(&BuildOptions {
        strict: true.into(),
        ..BuildOptions::default()
    });
    assert!(
        diags.contains(
            "locales/fr/door.ftl:1:1: error: message `door-call` is not translated in `fr`"
        ),
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
    // The error is ff's message's: ff's page is still written, and it and
    // ff-Adlm's take the title from the next locale in their chain.
    assert!(report.failed.is_empty(), "{:?}", report.failed);
    for tag in ["ff", "ff-Adlm"] {
        let page = fx.page(&format!("{tag}/door.html"));
        assert!(
            main_of(&page)
                .contains("<h1 lang=\"fr\" dir=\"ltr\" class=\"fallback\" data-name=\"Français\">Si des agents viennent à votre porte</h1>"),
            "{page}"
        );
        assert!(!page.contains("nope") && !page.contains("Hakkeeji"));
    }
    assert_eq!(
        diags.matches("unknown variable `$nope`").count(),
        1,
        "reported once: {diags}"
    );
}

#[test]
fn a_broken_message_still_yields_its_locales_pages_marked_as_fallback_with_exit_1() {
    let fx = Fixture::new("build/basic");
    let fr = std::fs::read_to_string(fx.root().join("locales/fr/door.ftl")).unwrap();
    let broken = fr.replace(
        "door-silent = Vous avez le droit de garder le silence.",
        "door-silent = Vous avez le droit { de garder le silence.",
    );
    assert_ne!(broken, fr);
    fx.write("locales/fr/door.ftl", &broken);
    let said = "locales/fr/door.ftl:7:34: error: invalid Fluent syntax in message `door-silent`: this `{` starts no";
    for command in ["build", "check"] {
        let run = fx.run(&[command]);
        assert_eq!(run.code, 1, "{command}: {}", run.stderr);
        assert!(run.stderr.contains(said), "{command}: {}", run.stderr);
        assert!(
            run.stderr.contains("hint: until this is fixed, pages show this message from the next locale in their fallback chain"),
            "{}",
            run.stderr
        );
        assert!(!run.stderr.contains("not written"), "{}", run.stderr);
    }
    // Every output of the locale is there: the broken message in English,
    // marked as such like any untranslated one, the rest in French.
    for file in ["door.html", "door.pdf"] {
        assert!(fx.out(&format!("fr/{file}")).is_file(), "{file}");
    }
    let page = fx.page("fr/door.html");
    let main = main_of(&page);
    assert!(
        main.contains("<li lang=\"en\" dir=\"ltr\" class=\"fallback\" data-name=\"English\">You have the right to remain silent.</li>"),
        "{main}"
    );
    assert!(main.contains("<li>Ne signez rien."), "{main}");
    assert!(
        page.contains("Certaines parties sont affichées dans une autre langue."),
        "{page}"
    );
    assert!(!page.contains("de garder"), "{page}");
    // Pulaar, which falls back to French, takes the English one too.
    assert!(
        main_of(&fx.page("ff/door.html"))
            .contains("<li lang=\"en\" dir=\"ltr\" class=\"fallback\" data-name=\"English\">You have the right to remain silent.</li>")
    );
    let (report, _) = fx.build(&BuildOptions::default());
    assert!(report.fallbacks.contains(&Fallback {
        document: "door".into(),
        message: "door-silent".into(),
        requested: "fr".into(),
        supplied_by: "en".into(),
    }));
}

#[test]
fn an_error_in_a_skeleton_stops_that_document_in_every_locale_only() {
    let fx = Fixture::new("build/basic");
    fx.write(
        "content/other.md",
        "+++\ntitle = \"door-title\"\nlast_reviewed = 2026-11-26\n+++\n# { door-title }\n\n- { door-silent }\n",
    );
    let door = std::fs::read_to_string(fx.root().join("content/door.md")).unwrap();
    let locales = ["en", "fr", "ar", "ff", "ff-Adlm"];
    for (case, said) in [
        (
            format!("{door}\n{} deep\n", ">".repeat(13)),
            "content/door.md:17:13: error: content is nested more than 12 levels deep",
        ),
        (
            format!("{door}\na {{ b\n"),
            "content/door.md:17:3: error: unclosed `{`: a reference looks like `{ message-id }`",
        ),
    ] {
        // What a good build wrote does not stay behind looking current.
        fx.write("content/door.md", &door);
        let run = fx.run(&["build"]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert!(fx.out("fr/door.html").is_file());

        fx.write("content/door.md", &case);
        let run = fx.run(&["build"]);
        assert_eq!(run.code, 1, "{}", run.stderr);
        assert!(run.stderr.contains(said), "{said}\n{}", run.stderr);
        assert!(
            run.stderr.contains("hint: `door` is not written in any language until this is fixed (there is no correct text to fall back to); what earlier builds made of it is removed"),
            "{}",
            run.stderr
        );
        for tag in locales {
            for file in ["door.html", "door.pdf"] {
                assert!(!fx.out(&format!("{tag}/{file}")).exists(), "{tag}/{file}");
            }
            assert!(fx.out(&format!("{tag}/other.html")).is_file(), "{tag}");
            assert!(fx.out(&format!("{tag}/other.pdf")).is_file(), "{tag}");
        }
        let check = fx.run(&["check"]);
        assert_eq!(check.code, 1);
        assert!(check.stderr.contains(said), "{}", check.stderr);
    }
}
