//! Translations and variables are data: nothing in them runs as HTML.

use kyr::build::BuildOptions;

use crate::util::{Fixture, main_of};

#[test]
fn hostile_translation_is_escaped_unlinked_and_never_leaks_placeables() {
    let fx = Fixture::new("build/basic");
    fx.write(
        "locales/ff/door.ftl",
        "door-title = <script>alert(1)</script> \"><img src=x onerror=alert(1)>\n\
         door-silent = [tap](javascript:alert(1)) [tap2](JaVaScRiPt:alert(2)) [t3](&#106;avascript:alert(3)) [t4](data:text/html,x)\n\
         door-sign = Call { $missing } now\n",
    );
    let (report, diags) = fx.build(&BuildOptions::default());
    let page = fx.page("ff-Adlm/door.html");
    let main = main_of(&page);
    assert!(
        main.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{main}"
    );
    assert!(
        main.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"),
        "{main}"
    );
    assert!(!page.contains("<script") && !page.contains("<img"));
    assert!(!page.to_ascii_lowercase().contains("href=\"javascript"));
    assert!(!page.contains("href=\"data:"));
    assert!(
        !main.contains('{') && !main.contains('}'),
        "no placeable leaks: {main}"
    );
    assert!(!main.contains("missing"));
    // door-sign failed in ff and fell back to fr for ff-Adlm.
    assert!(
        main.contains(
            "<li lang=\"fr\" dir=\"ltr\" class=\"fallback\" data-name=\"Français\">Ne signez rien."
        ),
        "{main}"
    );
    assert!(diags.contains("locales/ff/door.ftl:3:20: error: unknown variable `$missing` in message `door-sign` (locale `ff`)"), "{diags}");
    assert!(
        diags.contains(
            "warning: in message `door-silent`: link target `javascript:alert(1)` is not allowed"
        ),
        "{diags}"
    );
    assert!(diags.contains("link target `JaVaScRiPt:alert(2)` is not allowed"));
    assert!(
        diags.contains("link target `javascript:alert(3)` is not allowed"),
        "entity-encoded: {diags}"
    );
    // The broken message costs only itself: Pulaar's page is written.
    assert!(report.failed.is_empty(), "{:?}", report.failed);
    assert!(
        main_of(&fx.page("ff/door.html")).contains(
            "<li lang=\"fr\" dir=\"ltr\" class=\"fallback\" data-name=\"Français\">Ne signez rien."
        ),
        "{diags}"
    );
}

#[test]
fn hostile_variables_and_skeleton_html_are_text() {
    let fx = Fixture::new("build/basic");
    let toml = std::fs::read_to_string(fx.root().join("kyr.toml"))
        .unwrap()
        .replace(
            "organization = \"Legal Aid\"",
            "organization = \"</bdi><script>x</script>{ $hotline }**b**\"",
        );
    fx.write("kyr.toml", &toml);
    fx.append("content/door.md", "\n<div onclick=\"x()\">raw</div>\n");
    let (_, diags) = fx.build(&BuildOptions::default());
    let page = fx.page("en/door.html");
    let main = main_of(&page);
    assert!(main.contains("<bdi class=\"var-organization\">&lt;/bdi&gt;&lt;script&gt;x&lt;/script&gt;{ $hotline }**b**</bdi>"), "{main}");
    assert!(
        main.contains("<p>&lt;div onclick=&quot;x()&quot;&gt;raw&lt;/div&gt;</p>"),
        "{main}"
    );
    assert!(
        !page.contains("<script") && !page.contains("<div onclick"),
        "{diags}"
    );
}

#[test]
fn a_variable_link_must_use_an_allowed_scheme() {
    let fx = Fixture::new("build/basic");
    let toml = std::fs::read_to_string(fx.root().join("kyr.toml"))
        .unwrap()
        .replace(
            "link = \"tel:+1 (555) 010-1234\"",
            "link = \"javascript:alert(1)\"",
        );
    fx.write("kyr.toml", &toml);
    let run = fx.run(&["build"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains("kyr.toml:4:11: error: link target `javascript:alert(1)` is not allowed"),
        "{}",
        run.stderr
    );
}

#[test]
fn tel_targets_that_cannot_be_dialled_are_refused_where_they_are_written() {
    let fx = Fixture::new("build/basic");
    // In a translation: the message falls back, and the error points at
    // the target in the `.ftl` file.
    fx.append(
        "locales/fr/door.ftl",
        "door-call = Appelez [ici](tel:%2B1) ou [là](tel:12<script>).\n",
    );
    let percent = "locales/fr/door.ftl:9:27: error: in message `door-call`: link target `tel:%2B1` is not a phone number: `%2B` is percent-encoding, which kyr does not decode in a number; write the number as it is dialled";
    let script = "locales/fr/door.ftl:9:45: error: in message `door-call`: link target `tel:12<script>` is not a phone number: `<` cannot be dialled";
    let dialable = "hint: a phone number is written with `+`, the digits 0-9 and the separators space, `-`, `.`, `(` and `)`";
    for command in ["build", "check"] {
        let run = fx.run(&[command, "--locale", "fr"]);
        assert_eq!(run.code, 1, "{command}: {}", run.stderr);
        for said in [percent, script, dialable] {
            assert!(
                run.stderr.contains(said),
                "{command}: {said}\n{}",
                run.stderr
            );
        }
    }
    let page = fx.page("fr/door.html");
    assert!(
        main_of(&page).contains(
            "<div lang=\"en\" dir=\"ltr\" class=\"fallback\" data-name=\"English\">\n<p>Call <bdi class=\"var-organization\">Legal Aid</bdi> for help.</p>"
        ),
        "{page}"
    );
    assert!(!page.contains("%2B") && !page.contains("tel:21") && !page.contains("script"));

    // In a skeleton: the document is written in no language.
    fx.append("content/door.md", "\n[Call](tel:12<script>)\n");
    let run = fx.run(&["build"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains(
            "content/door.md:17:8: error: link target `tel:12<script>` is not a phone number: `<` cannot be dialled"
        ),
        "{}",
        run.stderr
    );
    assert!(!fx.out("fr/door.html").exists() && !fx.out("en/door.pdf").exists());

    // In kyr.toml: at the value.
    let fx = Fixture::new("build/basic");
    let toml = std::fs::read_to_string(fx.root().join("kyr.toml"))
        .unwrap()
        .replace("link = \"tel:+1 (555) 010-1234\"", "link = \"tel:%2B1\"");
    fx.write("kyr.toml", &toml);
    for command in ["build", "check"] {
        let run = fx.run(&[command]);
        assert_eq!(run.code, 1);
        assert!(
            run.stderr.contains(
                "kyr.toml:4:11: error: link target `tel:%2B1` is not a phone number: `%2B` is percent-encoding"
            ),
            "{command}: {}",
            run.stderr
        );
        assert!(run.stderr.contains(dialable), "{}", run.stderr);
    }
}

#[cfg(unix)]
#[test]
fn a_symlinked_kyr_toml_leading_outside_the_project_is_refused() {
    let fx = Fixture::new("build/basic");
    let elsewhere = tempfile::tempdir().unwrap();
    let outside = elsewhere.path().join("kyr.toml");
    let text = std::fs::read_to_string(fx.root().join("kyr.toml")).unwrap();
    std::fs::write(&outside, text.replace("Legal Aid", "Someone Else's Values")).unwrap();
    std::fs::remove_file(fx.root().join("kyr.toml")).unwrap();
    std::os::unix::fs::symlink(&outside, fx.root().join("kyr.toml")).unwrap();
    for command in [&["build"][..], &["check"][..]] {
        let run = fx.run(command);
        assert_eq!(run.code, 1, "{command:?}: {}", run.stderr);
        assert!(
            run.stderr.contains(
                "kyr.toml:1:1: error: `kyr.toml` is a link to a file outside the project and is not read"
            ),
            "{command:?}: {}",
            run.stderr
        );
    }
    assert!(!fx.out("en/door.html").exists(), "nothing is built from it");
}

#[test]
fn nul_becomes_a_replacement_character_and_other_control_characters_are_dropped_with_a_warning() {
    let fx = Fixture::new("build/basic");
    fx.replace(
        "locales/fr/door.ftl",
        "door-silent = Vous avez le droit de garder le silence.",
        "door-silent = Vous avez le droit\0 de garder\x07 le\x1b silence.",
    );
    let (report, diags) = fx.build(&BuildOptions::default());
    assert_eq!(report.diagnostics.error_count(), 0, "{diags}");
    assert!(
        diags.contains(
            "locales/fr/door.ftl:7:33: warning: control character U+0000 (and 2 more in this file)"
        ),
        "{diags}"
    );
    let page = fx.page("fr/door.html");
    assert!(
        page.contains("Vous avez le droit\u{FFFD} de garder le silence."),
        "{page}"
    );
    assert!(!page.contains('\0') && !page.contains('\x07') && !page.contains('\x1b'));
    // Every command meets the same file and says the same.
    let run = fx.run(&["check"]);
    assert!(
        run.stderr.contains("warning: control character U+0000"),
        "{}",
        run.stderr
    );
}

#[test]
fn bidi_controls_in_a_skeleton_are_reported_as_in_ftl_files() {
    let fx = Fixture::new("build/basic");
    fx.append(
        "content/door.md",
        "\nCall \u{202E}4321-010 (555) 1+ today.\n",
    );
    let run = fx.run(&["check"]);
    assert!(
        run.stderr.contains(
            "content/door.md:17:6: warning: invisible bidi control character U+202E RIGHT-TO-LEFT OVERRIDE"
        ),
        "{}",
        run.stderr
    );
    assert_eq!(fx.run(&["check", "--strict"]).code, 1);
}

#[test]
fn max_file_bytes_applies_to_kyr_toml_when_it_says_so() {
    let fx = Fixture::new("build/basic");
    let padding = format!("\n# {}\n", "x".repeat(1_500_000));
    fx.append("kyr.toml", &padding);
    // Over the default 1 MB: refused, located, with the way out.
    let run = fx.run(&["build"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "kyr.toml:1:1: error: the file is 1.4 MB, more than the limit of 1.0 MB; it is not read"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("raise `max_file_bytes` under `[limits]` in kyr.toml itself")
    );
    // kyr.toml raises its own limit: read.
    fx.append("kyr.toml", "\n[limits]\nmax_file_bytes = 4000000\n");
    let run = fx.run(&["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(fx.out("en/door.html").is_file());
}

#[cfg(unix)]
#[test]
fn writes_never_follow_a_symlink_in_the_output_folder() {
    for link in ["out/en", "out/.kyr", "out"] {
        let fx = Fixture::new("build/basic");
        let elsewhere = tempfile::tempdir().unwrap();
        let parent = fx.root().join(link).parent().unwrap().to_path_buf();
        std::fs::create_dir_all(&parent).unwrap();
        std::os::unix::fs::symlink(elsewhere.path(), fx.root().join(link)).unwrap();
        let run = fx.run(&["build"]);
        assert_eq!(run.code, 1, "{link}: {}", run.stderr);
        assert!(
            run.stderr.contains(
                "is a symbolic link; kyr does not write, rename or remove anything through a link"
            ),
            "{link}: {}",
            run.stderr
        );
        let written: Vec<_> = walkdir::WalkDir::new(elsewhere.path())
            .min_depth(1)
            .into_iter()
            .collect();
        assert!(written.is_empty(), "{link}: wrote {written:?}");
    }
}

#[test]
fn user_files_named_like_temporary_files_are_kept() {
    let fx = Fixture::new("build/basic");
    fx.write("out/mine/.kyr-CCCCCC.tmp", "mine");
    fx.write("out/.kyr-notmine.tmp", "mine too");
    fx.write("out/fr/.kyr-Us3r0k.tmp", "mine, in a folder kyr writes");
    // What a killed build leaves: the temporary file and its record.
    fx.write("out/fr/.kyr-Ab12Cd.tmp", "a write kyr left half done");
    fx.write("tmp-outside/.kyr-Zz99Zz.tmp", "outside the output folder");
    fx.write(
        "out/.kyr/temporary",
        "fr/.kyr-Ab12Cd.tmp\n../tmp-outside/.kyr-Zz99Zz.tmp\nmine/notes.txt\n",
    );
    fx.write("out/mine/notes.txt", "recorded, but not a temporary name");
    let run = fx.run(&["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        fx.out("mine/.kyr-CCCCCC.tmp").is_file(),
        "not a folder kyr writes"
    );
    assert!(fx.out(".kyr-notmine.tmp").is_file(), "not kyr's pattern");
    assert!(fx.out("fr/.kyr-Us3r0k.tmp").is_file(), "not recorded");
    assert!(fx.out("mine/notes.txt").is_file(), "not a temporary name");
    assert!(fx.root().join("tmp-outside/.kyr-Zz99Zz.tmp").is_file());
    assert!(!fx.out("fr/.kyr-Ab12Cd.tmp").exists(), "kyr's own leftover");
    // The record goes with the files it named.
    assert!(!fx.out(".kyr/temporary").exists());
}

/// The basic fixture with `door-big` (`text`) shown `times` times, each in
/// its own paragraph after the skeleton's last one (line 17 on).
fn with_message_shown(fx: &Fixture, text: &str, times: usize) {
    fx.append("locales/en/door.ftl", &format!("door-big = {text}\n"));
    fx.append("content/door.md", &"\n{ door-big }\n".repeat(times));
}

#[test]
fn one_message_shown_many_times_is_refused_before_layout() {
    let fx = Fixture::new("build/basic");
    // Finding 4: a message shown 50 times (1 MB took 88 s and 15 GB;
    // here 5 KB, under the limit on what the document expands to).
    with_message_shown(&fx, &"word ".repeat(1_000), 50);
    for command in [&["build"][..], &["check"][..]] {
        let run = fx.run(command);
        assert_eq!(run.code, 1, "{}", run.stderr);
        // The 21st use, on line 17 + 2 × 20.
        assert!(
            run.stderr.contains(
                "content/door.md:57:1: error: document `door` shows message `door-big` more than 20 times"
            ),
            "{}",
            run.stderr
        );
        assert!(run.stderr.contains("raise `max_message_uses`"));
    }
    // Nothing of the document is laid out or written, in any language.
    assert!(!fx.out("en/door.html").exists() && !fx.out("en/door.pdf").exists());
    assert!(!fx.out("fr/door.pdf").exists());
}

#[test]
fn a_document_expanding_past_max_document_bytes_is_refused_where_it_passes() {
    let fx = Fixture::new("build/basic");
    // 100 KB a use: the fourth passes the 320 KB default.
    with_message_shown(&fx, &"word ".repeat(20_000), 4);
    let run = fx.run(&["build", "--format", "html"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "content/door.md:23:1: error: document `door` in locale `en` expands to more than 320 KB of text (`max_document_bytes` is 327680)"
        ),
        "{}",
        run.stderr
    );
    assert!(!fx.out("en/door.html").exists());
    // The limit is the project's to raise.
    fx.append("kyr.toml", "\n[limits]\nmax_document_bytes = 1000000\n");
    let run = fx.run(&["build", "--format", "html"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(fx.out("en/door.html").is_file());
}

#[test]
fn variables_count_in_what_a_document_expands_to() {
    let fx = Fixture::new("build/basic");
    fx.replace(
        "kyr.toml",
        "organization = \"Legal Aid\"",
        &format!("organization = \"{}\"", "Legal Aid ".repeat(20_000)),
    );
    // 200 KB a use, through the message `door-call` and straight from
    // the skeleton.
    fx.append("content/door.md", "\n{ $organization }\n");
    let run = fx.run(&["check"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("content/door.md:17:1: error: document `door` in locale `en` expands to more than 320 KB"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_paragraph_of_too_many_pieces_is_refused_and_alternating_emphasis_is_one_piece() {
    let fx = Fixture::new("build/basic");
    // Finding 5: `*_*_…x…_*_*` reaches the layout as one emphasis (its
    // text breaks every 12 characters: about 1,700 pieces in all).
    let half = 5_000;
    let alternating = format!("{}x{}", "*_".repeat(half), "_*".repeat(half));
    fx.append(
        "locales/en/door.ftl",
        &format!("door-alt = {alternating}\n"),
    );
    fx.append("content/door.md", "\n{ door-alt }\n");
    let run = fx.run(&["build", "--locale", "en"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let page = fx.page("en/door.html");
    let alt = &page[page.find("*_*_").unwrap() - 200..page.rfind("_*_*").unwrap()];
    assert_eq!(alt.matches("<em>").count(), 1, "{alt}");
    assert!(fx.out("en/door.pdf").is_file());

    // An emphasis a word: three pieces each (the last space is trimmed).
    fx.append(
        "locales/en/door.ftl",
        &format!("door-words = {}\n", "*a* ".repeat(1_000)),
    );
    fx.append("content/door.md", "\n{ door-words }\n");
    let run = fx.run(&["build", "--locale", "en"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "content/door.md:19:1: error: a paragraph of document `door` in locale `en` is made of 2999 pieces"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("more than `max_paragraph_pieces` (2000)")
    );
    assert!(!fx.out("en/door.pdf").exists());
}

#[test]
fn pages_per_pdf_are_bounded_before_and_after_layout() {
    let fx = Fixture::new("build/basic");
    fx.append("kyr.toml", "\n[limits]\nmax_pages = 2\n");
    // 400 lines: at least 4 pages by the count kyr makes before layout
    // (120 lines a page at most).
    fx.append(
        "locales/en/door.ftl",
        &format!("door-lines = {}x\n", "line\\\n    ".repeat(400)),
    );
    fx.append("content/door.md", "\n{ door-lines }\n");
    let run = fx.run(&["build", "--locale", "en", "--format", "pdf"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "content/door.md:1:1: error: the handout of `door` in locale `en` would have at least 4 pages, more than `max_pages` (2)"
        ),
        "{}",
        run.stderr
    );
    // 150 lines pass that count, and take 4 pages once laid out.
    fx.replace("locales/en/door.ftl", &"line\\\n    ".repeat(250), "");
    let run = fx.run(&["build", "--locale", "en", "--format", "pdf"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "content/door.md:1:1: error: the handout of `door` in locale `en` would have 4 pages, more than `max_pages` (2)"
        ),
        "{}",
        run.stderr
    );
    assert!(!fx.out("en/door.pdf").exists());
}

#[test]
fn control_and_bidi_characters_made_by_escapes_are_caught_like_typed_ones() {
    let fx = Fixture::new("build/basic");
    fx.replace(
        "locales/fr/door.ftl",
        "door-title = Si des agents viennent à votre porte",
        "door-title = Si des agents{\"\\u0000\"}{\"\\u001B\"} viennent{\"\\u009B\"} à votre porte",
    );
    fx.replace(
        "locales/fr/door.ftl",
        "door-silent = Vous avez",
        "door-silent = {\"\\u202E\"}Vous avez",
    );
    let (_, diags) = fx.build(&BuildOptions::default());
    let fr = fx.page("fr/door.html");
    for c in ['\0', '\u{1B}', '\u{9B}'] {
        assert!(!fr.contains(c), "U+{:04X} reached the page", c as u32);
    }
    assert!(
        main_of(&fr).contains("Si des agents\u{FFFD} viennent à votre porte"),
        "{fr}"
    );
    assert!(
        diags.contains("locales/fr/door.ftl:1:29: warning: in message `door-title`: an escape makes control character U+0000"),
        "{diags}"
    );
    assert!(
        diags.contains("warning: in message `door-silent`: an escape makes invisible bidi control character U+202E"),
        "{diags}"
    );
    // `check` says the same.
    let check = fx.run(&["check"]);
    assert!(
        check.stderr.contains("control character U+0000"),
        "{}",
        check.stderr
    );
    assert!(
        check.stderr.contains("bidi control character U+202E"),
        "{}",
        check.stderr
    );
}

#[test]
fn control_characters_made_by_escapes_in_kyr_toml_variables_are_dropped() {
    let fx = Fixture::new("build/basic");
    fx.replace(
        "kyr.toml",
        "organization = \"Legal Aid\"",
        "organization = \"Legal\\u0000 Aid\\u001B[31m\"",
    );
    let (_, diags) = fx.build(&BuildOptions::default());
    assert!(
        diags.contains("warning: the variable's text holds control character U+0000"),
        "{diags}"
    );
    for entry in walkdir::WalkDir::new(fx.out("")) {
        let entry = entry.unwrap();
        if entry.file_type().is_file()
            && entry
                .path()
                .extension()
                .is_some_and(|e| e == "html" || e == "txt")
        {
            let text = std::fs::read_to_string(entry.path()).unwrap();
            assert!(
                !text.contains('\0') && !text.contains('\u{1B}'),
                "{}",
                entry.path().display()
            );
        }
    }
}
