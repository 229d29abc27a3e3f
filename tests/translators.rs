//! The translator workflow: `kyr check` finds each problem at its line and
//! column, `kyr status` counts coverage, stale translations are reported
//! until confirmed, `kyr new-locale`, `kyr extract` and `kyr watch`.

use std::time::{Duration, Instant};

use crate::util::{Fixture, Watching, get};

/// A French file holding one of each problem; the comments say where.
const PROBLEMS: &str = "\
door-silent = Gardez le silence, { $organization }.
door-intro without equals
extra-dup = un
extra-dup = deux
extra-ref = Voir { nope }.
extra-term = Voir { -brand }.
extra-a = { extra-b }
extra-b = { extra-a }
door-sign = Ne signez rien.
extra-bold = C'est **important.
extra-bidi = Appelez \u{202E}4321\u{202C} maintenant.
extra-glyph = Lettre ⵜ ici.
extra-select = { $n ->
    [one] un
    [other] deux
}
";

#[test]
fn check_reports_each_problem_at_its_line_and_column() {
    let fx = Fixture::new("build/basic");
    fx.write("locales/fr/door.ftl", "door-title = - une liste\n");
    fx.write("locales/fr/extra.ftl", PROBLEMS);
    fx.append("content/door.md", "\n{ door-new }\n");
    fx.append(
        "locales/en/door.ftl",
        "door-link = Read [this](javascript:alert(1)).\n",
    );
    fx.append("content/door.md", "\n{ door-link }\n");
    let run = fx.run(&["check", "--locale", "fr"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let err = &run.stderr;
    for expected in [
        "locales/fr/extra.ftl:2:12: error: invalid Fluent syntax in message `door-intro`",
        "locales/fr/extra.ftl:4:1: error: `extra-dup` is defined twice in locale `fr`",
        "locales/fr/extra.ftl:5:20: error: message `extra-ref` refers to unknown message `nope` (locale `fr`)",
        "locales/fr/extra.ftl:6:21: error: message `extra-term` refers to unknown term `-brand` (locale `fr`)",
        "error: message `extra-a` refers to itself in a cycle (locale `fr`)",
        "locales/fr/extra.ftl:9:1: warning: the translation of `door-sign` has no `{ $hotline }`, which the `en` message has: dropping `{ $hotline }` drops the phone number",
        "locales/fr/extra.ftl:1:36: warning: the translation of `door-silent` uses `{ $organization }`, which the `en` message does not",
        "locales/fr/extra.ftl:10:20: error: `**` in `extra-bold` is not closed",
        "locales/fr/extra.ftl:11:22: warning: invisible bidi control character U+202E RIGHT-TO-LEFT OVERRIDE",
        "locales/fr/extra.ftl:12:22: warning: no bundled font can draw U+2D5C TIFINAGH LETTER YAT in `extra-glyph`",
        "locales/fr/extra.ftl:5:1: warning: message `extra-ref` is not used by any document (obsolete)",
        "content/door.md:17:1: error: message `door-new` is not defined in the reference locale `en`",
        "locales/fr/extra.ftl:16:1: error: invalid Fluent syntax in message `extra-select`: the select expression must have a default variant",
        "mark one variant as the default with `*`",
        "locales/fr/door.ftl:1:1: warning: in message `door-title`: it is used inside a line but holds paragraphs",
        "warning: in message `door-link`: ",
    ] {
        assert!(err.contains(expected), "missing `{expected}` in:\n{err}");
    }
    assert!(err.contains("javascript"), "{err}");
    // Nothing was written.
    assert!(!fx.out("").exists());
}

#[test]
fn check_names_the_characters_no_font_has_once_per_message() {
    let fx = Fixture::new("build/basic");
    fx.write(
        "locales/fr/extra.ftl",
        "extra-one = Lettre ⵜ ici.\nextra-many = Mot ⴰⴱⴲⴳⴰⴱ ⴴ.\n",
    );
    let run = fx.run(&["check", "--locale", "fr"]);
    let err = &run.stderr;
    assert_eq!(
        err.matches("no bundled font can draw").count(),
        2,
        "one warning per message: {err}"
    );
    assert!(
        err.contains("locales/fr/extra.ftl:1:20: warning: no bundled font can draw U+2D5C TIFINAGH LETTER YAT in `extra-one`; printed, it would be a box"),
        "{err}"
    );
    assert!(
        err.contains("locales/fr/extra.ftl:2:18: warning: no bundled font can draw 5 characters in `extra-many`: U+2D30 TIFINAGH LETTER YA, U+2D31 TIFINAGH LETTER YAB, U+2D32 TIFINAGH LETTER YABH and 2 more; printed, they would be boxes"),
        "{err}"
    );
}

#[test]
fn check_speaks_json_for_ci() {
    let fx = Fixture::new("build/basic");
    fx.write("locales/fr/door.ftl", "door-title = Titre\n");
    fx.write("locales/fr/extra.ftl", PROBLEMS);
    let run = fx.run(&["check", "--locale", "fr", "--message-format", "json"]);
    assert_eq!(run.code, 1);
    let objects: Vec<serde_json::Value> = run
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    assert!(objects.len() >= 10, "{}", run.stdout);
    let dropped = objects
        .iter()
        .find(|o| o["code"] == "variable-dropped")
        .expect("variable-dropped");
    assert_eq!(dropped["severity"], "warning");
    assert_eq!(dropped["file"], "locales/fr/extra.ftl");
    assert_eq!(dropped["line"], 9);
    assert_eq!(dropped["column"], 1);
    assert_eq!(dropped["locale"], "fr");
    assert_eq!(dropped["message_id"], "door-sign");
    let syntax = objects
        .iter()
        .find(|o| o["code"] == "ftl-syntax")
        .expect("ftl-syntax");
    assert_eq!(syntax["severity"], "error");
    assert_eq!(syntax["locale"], "fr");
    assert_eq!(syntax["message_id"], "door-intro");
    let bidi = objects
        .iter()
        .find(|o| o["code"] == "bidi-control")
        .unwrap();
    assert_eq!(bidi["message_id"], "extra-bidi");
}

#[test]
fn bidi_controls_are_allowed_where_the_locale_says_so() {
    let fx = Fixture::new("build/basic");
    fx.write("locales/ar/extra.ftl", "door-call = اتصل \u{200F}الآن\n");
    let run = fx.run(&["check", "--locale", "ar"]);
    assert!(
        run.stderr.contains("U+200F RIGHT-TO-LEFT MARK"),
        "{}",
        run.stderr
    );
    let config = std::fs::read_to_string(fx.root().join("kyr.toml")).unwrap();
    fx.write(
        "kyr.toml",
        &config.replace(
            "[locales.ar]\nendonym = \"العربية\"\n",
            "[locales.ar]\nendonym = \"العربية\"\nbidi_controls = true\n",
        ),
    );
    let run = fx.run(&["check", "--locale", "ar"]);
    assert!(!run.stderr.contains("U+200F"), "{}", run.stderr);
}

#[test]
fn a_broken_kyr_toml_is_reported_by_check() {
    let fx = Fixture::new("build/basic");
    fx.append(
        "kyr.toml",
        "\n[locales.de]\nendonym = \"Deutsch\"\ncolour = \"red\"\n",
    );
    let run = fx.run(&["check"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("kyr.toml:"), "{}", run.stderr);
    assert!(run.stderr.contains("colour"), "{}", run.stderr);
}

#[test]
fn shipped_content_checks_clean() {
    // The shipped contacts are examples on purpose, and every command says
    // so: a shelter must put its own before printing.
    let fx = Fixture::shipped();
    let run = fx.run(&["check"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("0 errors, 2 warnings"),
        "{}",
        run.stderr
    );
    for said in [
        "kyr.toml:18:21: warning: `$hotline` is `+1 (555) 010-1234`, a 555 number reserved for examples, which reaches nobody",
        "kyr.toml:19:17: warning: `$organization` is `Example Legal Aid Network`, a name that says it is an example",
    ] {
        assert!(run.stderr.contains(said), "{}", run.stderr);
    }
    assert_eq!(fx.run(&["check", "--strict"]).code, 1);
    // With real contacts, nothing else is found.
    fx.with_real_contacts();
    let run = fx.run(&["check", "--strict"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("0 errors, 0 warnings"),
        "{}",
        run.stderr
    );
}

#[test]
fn status_counts_what_each_locale_translates() {
    let fx = Fixture::shipped();
    let run = fx.run(&["status", "--message-format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let locale = |tag: &str| {
        report
            .as_array()
            .unwrap()
            .iter()
            .find(|l| l["locale"] == tag)
            .unwrap()
            .clone()
    };
    // 3 documents (11 + 19 + 17 messages) and 19 interface messages.
    let fr = locale("fr");
    assert_eq!(fr["total"], 66);
    assert_eq!(fr["translated"], 66);
    assert_eq!(fr["percent"], 100.0);
    // Wolof translates 7 (2 in red-card, 2 in at-the-door, 3 interface).
    let wo = locale("wo");
    assert_eq!(wo["translated"], 7);
    assert_eq!(wo["fallback"], 59);
    assert_eq!(wo["fallback_from"]["fr"], 59);
    assert_eq!(wo["missing"], 0);
    assert_eq!(wo["percent"], 10.6);
    let red_card = wo["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["document"] == "red-card")
        .unwrap();
    assert_eq!(red_card["translated"], 2);
    assert_eq!(red_card["total"], 11);

    let run = fx.run(&["status", "--message-format", "markdown"]);
    assert!(
        run.stdout
            .contains("| `wo` Wolof | 7/66 | 59 from fr | 0 | 0 | 10.6% | not reviewed |"),
        "{}",
        run.stdout
    );
    let run = fx.run(&["status"]);
    assert!(
        run.stdout
            .lines()
            .any(|l| l.starts_with("wo ") && l.contains("7/66")),
        "{}",
        run.stdout
    );

    let run = fx.run(&["status", "--min-coverage", "50"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains("`wo` has 10.6% of its messages translated, under the required 50%")
    );
}

#[test]
fn status_fails_when_a_complete_locale_is_not() {
    let fx = Fixture::new("build/basic");
    let run = fx.run(&["status", "--locale", "fr"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("`fr` is marked complete but 1 of its"),
        "{}",
        run.stderr
    );
    assert!(
        run.stdout.contains("door-call") || run.stdout.contains("1 from en"),
        "{}",
        run.stdout
    );
}

#[test]
fn editing_an_english_message_makes_translations_stale_until_confirmed() {
    let fx = Fixture::shipped();
    fx.with_real_contacts();
    let en = std::fs::read_to_string(fx.root().join("locales/en/at-the-door.ftl")).unwrap();
    fx.write(
        "locales/en/at-the-door.ftl",
        &en.replace(
            "door-title = If immigration agents come to your home",
            "door-title = If immigration agents knock on your door",
        ),
    );
    let run = fx.run(&["check", "--locale", "fr"]);
    assert_eq!(run.code, 0, "stale is a warning: {}", run.stderr);
    assert!(
        run.stderr.contains("locales/fr/at-the-door.ftl:3:1: warning: the `en` text of `door-title` changed after this translation was confirmed"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("kyr confirm fr door-title"));
    // The English it was confirmed against, next to the English now.
    assert!(
        run.stderr.contains(
            "hint: the `en` text was “If immigration agents come to your home”\n  = hint: the `en` text is now “If immigration agents knock on your door”"
        ),
        "{}",
        run.stderr
    );
    let run = fx.run(&["status", "--locale", "fr", "--message-format", "json"]);
    assert!(run.stdout.contains("\"stale\": 1"), "{}", run.stdout);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let door = json[0]["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["document"] == "at-the-door")
        .unwrap();
    assert_eq!(
        door["stale_changes"],
        serde_json::json!([{
            "id": "door-title",
            "was": "If immigration agents come to your home",
            "now": "If immigration agents knock on your door",
        }])
    );
    let run = fx.run(&["status", "--locale", "fr", "--message-format", "markdown"]);
    assert!(
        run.stdout.contains(
            "- `fr` `door-title`: was “If immigration agents come to your home”, now “If immigration agents knock on your door”"
        ),
        "{}",
        run.stdout
    );
    // Stale text is still used, but --strict fails on it.
    let run = fx.run(&["build", "--locale", "fr", "--format", "html", "--strict"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(fx.page("fr/at-the-door.html").contains("Si des agents"));
    let run = fx.run(&["check", "--locale", "fr", "--strict"]);
    assert_eq!(run.code, 1);

    let run = fx.run(&["confirm", "fr", "door-title"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let run = fx.run(&["check", "--locale", "fr", "--strict"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // Spanish was not confirmed: still stale.
    let run = fx.run(&["check", "--locale", "es"]);
    assert!(
        run.stderr.contains("`door-title` changed"),
        "{}",
        run.stderr
    );

    let run = fx.run(&["confirm", "fr", "no-such-message"]);
    assert_eq!(run.code, 2);
    let run = fx.run(&["confirm", "en"]);
    assert_eq!(run.code, 2);
}

#[test]
fn new_locale_wolof_in_arabic_script_builds_right_to_left_at_once() {
    let fx = Fixture::shipped();
    fx.with_real_contacts();
    let run = fx.run(&["new-locale", "wo-Arab", "--fallback", "wo,fr"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let config = std::fs::read_to_string(fx.root().join("kyr.toml")).unwrap();
    assert!(
        config.starts_with("# kyr project: the Know-Your-Rights material"),
        "comments lost"
    );
    assert!(config.contains("[locales.wo-Arab]\nendonym = \"wo-Arab\"\nfallback = [\"wo\", \"fr\"]\nreviewed = false\n"), "{config}");
    let ftl = std::fs::read_to_string(fx.root().join("locales/wo-Arab/red-card.ftl")).unwrap();
    assert!(
        ftl.contains("# card-title = Know your rights: red card"),
        "{ftl}"
    );
    assert!(
        ftl.contains("# variables: { $hotline }, { $organization }"),
        "{ftl}"
    );

    let run = fx.run(&["build", "--locale", "wo-Arab"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        fx.page("wo-Arab/red-card.html")
            .contains("<html lang=\"wo-Arab\" dir=\"rtl\">")
    );
    assert!(fx.out("wo-Arab/red-card.pdf").is_file());
    // The tag stands in for the name until the organizer writes it:
    // `--strict` holds the project to it.
    let run = fx.run(&["check", "--locale", "wo-Arab", "--strict"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("error: the endonym of `wo-Arab` is `wo-Arab`, a placeholder"),
        "{}",
        run.stderr
    );
    fx.replace("kyr.toml", "endonym = \"wo-Arab\"", "endonym = \"وࣷلࣷفْ\"");
    let run = fx.run(&["check", "--locale", "wo-Arab", "--strict"]);
    assert_eq!(run.code, 0, "{}", run.stderr);

    let run = fx.run(&["new-locale", "wo-Arab"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("already configured"));
    let run = fx.run(&["new-locale", "wo_arab"]);
    assert_eq!(run.code, 2);
    let run = fx.run(&["new-locale", "bm", "--fallback", "xx"]);
    assert_eq!(run.code, 2);
}

#[test]
fn extract_turns_a_plain_document_into_a_skeleton_once() {
    let fx = Fixture::new("build/basic");
    fx.write(
        "content/guide.md",
        "# Your rights at work\n\nYou can ask for **your pay** in writing.\n\n- Keep your pay slips.\n- Write down your hours.\n",
    );
    let run = fx.run(&["extract", "content/guide.md"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("extracted 4 messages"),
        "{}",
        run.stderr
    );
    let skeleton = std::fs::read_to_string(fx.root().join("content/guide.md")).unwrap();
    let messages = std::fs::read_to_string(fx.root().join("locales/en/guide.ftl")).unwrap();
    // The original is kept; no review is claimed that never happened.
    assert!(
        std::fs::read_to_string(fx.root().join("content/guide.md.orig"))
            .unwrap()
            .starts_with("# Your rights at work\n")
    );
    assert!(
        skeleton.contains("# last_reviewed = YYYY-MM-DD\n"),
        "{skeleton}"
    );
    let check = fx.run(&["check", "--locale", "en"]);
    assert!(
        check
            .stderr
            .contains("content/guide.md:1:1: warning: no `last_reviewed` date"),
        "{}",
        check.stderr
    );
    assert!(
        skeleton.contains("title = \"guide-your-rights-at-work\""),
        "{skeleton}"
    );
    assert!(
        skeleton.contains("- { guide-keep-your-pay-slips }"),
        "{skeleton}"
    );
    assert!(
        messages.contains("guide-you-can-ask = You can ask for **your pay** in writing.\n"),
        "{messages}"
    );

    let run = fx.run(&[
        "build", "--locale", "fr", "--doc", "guide", "--format", "html",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("message `guide-your-rights-at-work` is not translated in `fr`, which is marked complete"),
        "{}",
        run.stderr
    );
    let run = fx.run(&["build", "--locale", "en", "--doc", "guide"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        fx.page("en/guide.html")
            .contains("<strong>your pay</strong>")
    );

    let run = fx.run(&["extract", "content/guide.md"]);
    assert_eq!(run.code, 0);
    assert!(
        run.stderr.contains("extracted 0 messages"),
        "{}",
        run.stderr
    );
    assert_eq!(
        std::fs::read_to_string(fx.root().join("content/guide.md")).unwrap(),
        skeleton
    );
    assert_eq!(
        std::fs::read_to_string(fx.root().join("locales/en/guide.ftl")).unwrap(),
        messages
    );

    let run = fx.run(&["extract", "kyr.toml"]);
    assert_eq!(run.code, 2);

    // A name `check` would refuse is refused here, with a way out.
    fx.write("content/Shelter_Rules.md", "# Shelter rules\n");
    let run = fx.run(&["extract", "content/Shelter_Rules.md"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("`Shelter_Rules` cannot be a document name")
            && run
                .stderr
                .contains("for example to `content/shelter_rules.md`"),
        "{}",
        run.stderr
    );
    std::fs::remove_file(fx.root().join("content/Shelter_Rules.md")).unwrap();

    // --in-place keeps no copy.
    fx.write("content/pay.md", "# Your pay\n\nAsk for it in writing.\n");
    let run = fx.run(&["extract", "--in-place", "content/pay.md"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!fx.root().join("content/pay.md.orig").exists());
}

#[test]
fn watch_rebuilds_the_locales_a_saved_file_affects() {
    let fx = Fixture::shipped();
    let watch = Watching::start(&fx, &["--format", "html"]);
    let wait_for = |needle: &str| watch.wait_for(needle);
    wait_for("watching");
    let spanish = fx.out("es/at-the-door.html");
    let spanish_before = std::fs::metadata(&spanish).unwrap().modified().unwrap();

    let fr = std::fs::read_to_string(fx.root().join("locales/fr/at-the-door.ftl")).unwrap();
    let saved = Instant::now();
    fx.write(
        "locales/fr/at-the-door.ftl",
        &fr.replace("Que faire à la porte", "Que faire devant la porte"),
    );
    let lines = wait_for("built ");
    let elapsed = saved.elapsed();
    eprintln!("rebuilt {:?} after the save", elapsed);
    assert!(
        fx.page("fr/at-the-door.html")
            .contains("Que faire devant la porte")
    );
    // Pulaar falls back to French: rebuilt too. Spanish does not: untouched.
    assert!(
        fx.page("ff/at-the-door.html")
            .contains("Que faire devant la porte")
    );
    assert_eq!(
        std::fs::metadata(&spanish).unwrap().modified().unwrap(),
        spanish_before
    );
    assert!(
        lines
            .iter()
            .any(|l| l.contains("changed: locales/fr/at-the-door.ftl")),
        "{lines:?}"
    );

    // A mistake is reported as soon as it is saved.
    fx.append("locales/fr/at-the-door.ftl", "broken line\n");
    let lines = wait_for("built ");
    assert!(
        lines
            .iter()
            .any(|l| l.contains("locales/fr/at-the-door.ftl:")),
        "{lines:?}"
    );
}

#[test]
fn a_translation_that_drops_the_hotline_fails_build_strict_and_watch_prints_it() {
    let fx = Fixture::new("build/basic");
    let watch = Watching::start(&fx, &["--format", "html", "--locale", "fr"]);
    watch.wait_for("watching");

    let fr = std::fs::read_to_string(fx.root().join("locales/fr/door.ftl")).unwrap();
    let dropped = fr.replace("Appelez { $hotline }.", "Appelez-nous.");
    assert_ne!(dropped, fr);
    fx.write("locales/fr/door.ftl", &dropped);
    let said = "locales/fr/door.ftl:8:1: warning: the translation of `door-sign` has no `{ $hotline }`, which the `en` message has: dropping `{ $hotline }` drops the phone number";
    let lines = watch.wait_for("built ");
    assert!(lines.iter().any(|l| l.contains(said)), "{lines:?}");
    drop(watch);

    // Every build says it, as `kyr check` does, also when nothing changed.
    let check = fx.run(&["check", "--locale", "fr"]);
    assert!(check.stderr.contains(said), "{}", check.stderr);
    for _ in 0..2 {
        let build = fx.run(&["build", "--locale", "fr"]);
        assert_eq!(build.code, 0, "{}", build.stderr);
        assert!(build.stderr.contains(said), "{}", build.stderr);
    }
    // `--strict` fails on it, even when every output is up to date.
    let strict = fx.run(&["build", "--strict", "--locale", "fr"]);
    assert_eq!(strict.code, 1, "{}", strict.stderr);
    assert!(
        strict.stderr.contains(
            "locales/fr/door.ftl:8:1: error: the translation of `door-sign` has no `{ $hotline }`"
        ),
        "{}",
        strict.stderr
    );
    let strict = fx.run(&["build", "--strict", "--force", "--locale", "fr"]);
    assert_eq!(strict.code, 1, "{}", strict.stderr);
    // With the number back, the warning is gone.
    fx.write("locales/fr/door.ftl", &fr);
    let build = fx.run(&["build", "--locale", "fr"]);
    assert_eq!(build.code, 0, "{}", build.stderr);
    assert!(!build.stderr.contains("door-sign"), "{}", build.stderr);
}

#[test]
fn watch_prints_a_broken_message_and_keeps_its_pages() {
    let fx = Fixture::new("build/basic");
    let watch = Watching::start(&fx, &["--format", "html", "--locale", "fr"]);
    watch.wait_for("watching");
    let page = fx.out("fr/door.html");
    assert!(page.is_file());

    let fr = std::fs::read_to_string(fx.root().join("locales/fr/door.ftl")).unwrap();
    fx.write(
        "locales/fr/door.ftl",
        &fr.replace(
            "door-sign = Ne signez rien.",
            "door-sign = { Ne signez rien.",
        ),
    );
    let lines = watch.wait_for("built ");
    assert!(
        lines.iter().any(|l| l.contains("locales/fr/door.ftl:8:")
            && l.contains("error: invalid Fluent syntax in message `door-sign`")),
        "{lines:?}"
    );
    assert!(
        !lines.iter().any(|l| l.contains("not written")),
        "{lines:?}"
    );
    // The page open in the browser is still there, the message in English.
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(
        html.contains(
            "lang=\"en\" dir=\"ltr\" class=\"fallback\" data-name=\"English\">Do not sign anything."
        ),
        "{html}"
    );
    assert!(
        html.contains("Vous avez le droit de garder le silence."),
        "{html}"
    );
}

#[test]
fn serve_shows_a_saved_message_and_reloads_the_page_without_script_on_disk() {
    let fx = Fixture::new("build/basic");
    let serve = Watching::run(&fx, "serve", &["--port", "0", "--format", "html"]);
    let lines = serve.wait_for("serving");
    let line = lines.last().unwrap();
    let port: u16 = line
        .rsplit("127.0.0.1:")
        .next()
        .and_then(|rest| rest.split('/').next())
        .and_then(|p| p.parse().ok())
        .unwrap_or_else(|| panic!("no port in {line:?}"));
    serve.wait_for("watching");

    let (code, page) = get(port, "/fr/door.html");
    assert_eq!(code, 200, "{page}");
    assert!(page.contains("garder le silence"), "{page}");
    assert!(
        page.contains("/__kyr/reload?since="),
        "no reload script served"
    );
    let on_disk = std::fs::read_to_string(fx.out("fr/door.html")).unwrap();
    assert!(!on_disk.contains("<script"), "a script was written to disk");
    assert_eq!(get(port, "/").0, 200);
    assert_eq!(get(port, "/../kyr.toml").0, 404);
    assert_eq!(get(port, "/.kyr/lock").0, 404);

    // A page waits for the next build; saving a message makes one.
    let waiting = std::thread::spawn(move || get(port, "/__kyr/reload?since=0"));
    std::thread::sleep(Duration::from_millis(300));
    fx.replace(
        "locales/fr/door.ftl",
        "door-silent = Vous avez le droit de garder le silence.",
        "door-silent = Vous pouvez toujours garder le silence.",
    );
    serve.wait_for("built");
    let (code, generation) = waiting.join().unwrap();
    assert_eq!(code, 200);
    assert!(
        generation.trim().parse::<u64>().unwrap() >= 1,
        "{generation}"
    );
    let (_, page) = get(port, "/fr/door.html");
    assert!(
        page.contains("Vous pouvez toujours garder le silence"),
        "{page}"
    );
}

/// The number before `what` in `text` ("with 4 files and 7 messages").
fn number_before(text: &str, what: &str) -> usize {
    let before = &text[..text
        .find(what)
        .unwrap_or_else(|| panic!("no `{what}` in {text}"))];
    before
        .split_whitespace()
        .last()
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no number before `{what}` in {text}"))
}

#[test]
fn a_translator_adds_a_language_and_keeps_up_with_the_english() {
    let fx = Fixture::new("build/basic");
    fx.with_real_contacts();
    let run = fx.run(&[
        "new-locale",
        "mam",
        "--fallback",
        "fr",
        "--endonym",
        "Qyol Mam",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // What new-locale promises is what status counts.
    let promised = number_before(&run.stderr, "messages to translate");
    let status = fx.run(&["status", "--locale", "mam", "--message-format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&status.stdout).unwrap();
    assert_eq!(json[0]["total"], promised, "{}", status.stdout);
    assert_eq!(json[0]["translated"], 0);
    // Running it again says what to do instead.
    let again = fx.run(&["new-locale", "mam"]);
    assert_eq!(again.code, 2);
    assert!(
        again
            .stderr
            .contains("`kyr sync mam` adds the messages it lacks"),
        "{}",
        again.stderr
    );

    // The translator translates one message and confirms it.
    fx.replace(
        "locales/mam/door.ftl",
        "# door-silent = You have the right to remain silent.",
        "door-silent = (mam) silent",
    );
    let run = fx.run(&["confirm", "mam"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(fx.run(&["check", "--locale", "mam", "--strict"]).code, 0);

    // The English changes that message and gains two, which the
    // document shows.
    fx.replace(
        "locales/en/door.ftl",
        "door-silent = You have the right to remain silent.",
        "door-silent = You have the right to stay silent. Say so out loud.",
    );
    fx.append(
        "locales/en/door.ftl",
        "\n# What to do first: keep it short.\ndoor-first = Stay calm. Call { $hotline }.\ndoor-last = Keep this paper.\n",
    );
    fx.append("content/door.md", "\n{ door-first }\n\n{ door-last }\n");
    let run = fx.run(&["sync", "mam"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("`mam`: 2 messages to translate added"),
        "{}",
        run.stderr
    );
    let synced = std::fs::read_to_string(fx.root().join("locales/mam/door.ftl")).unwrap();
    assert!(
        synced.contains(
            "# (en note) What to do first: keep it short.\n# variables: { $hotline }\n# door-first = Stay calm. Call { $hotline }.\n"
        ),
        "{synced}"
    );
    assert!(
        synced.contains("door-silent = (mam) silent\n"),
        "removes nothing"
    );
    assert_eq!(synced.matches("door-silent").count(), 1, "{synced}");
    // Idempotent.
    let run = fx.run(&["sync", "mam"]);
    assert!(
        run.stderr.contains("0 messages to translate added"),
        "{}",
        run.stderr
    );
    assert_eq!(
        std::fs::read_to_string(fx.root().join("locales/mam/door.ftl")).unwrap(),
        synced
    );

    // check shows the English confirmed against next to the English now.
    let run = fx.run(&["check", "--locale", "mam"]);
    assert_eq!(run.code, 0, "stale is a warning: {}", run.stderr);
    assert!(
        run.stderr.contains(
            "warning: the `en` text of `door-silent` changed after this translation was confirmed"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains(
            "hint: the `en` text was “You have the right to remain silent.”\n  = hint: the `en` text is now “You have the right to stay silent. Say so out loud.”"
        ),
        "{}",
        run.stderr
    );
    assert_eq!(fx.run(&["check", "--locale", "mam", "--strict"]).code, 1);

    // status, in every format, says what needs work.
    let human = fx.run(&["status", "--locale", "mam"]);
    assert!(
        human.stdout.contains("mam door: untranslated")
            && human.stdout.contains("door-first")
            && human.stdout.contains("mam door: stale door-silent"),
        "{}",
        human.stdout
    );
    let markdown = fx.run(&["status", "--locale", "mam", "--message-format", "markdown"]);
    assert!(
        markdown.stdout.contains("| &emsp;`door` |"),
        "{}",
        markdown.stdout
    );
    assert!(
        markdown.stdout.contains(
            "- `mam` `door-silent`: was “You have the right to remain silent.”, now “You have the right to stay silent. Say so out loud.”"
        ),
        "{}",
        markdown.stdout
    );
    let json = fx.run(&["status", "--locale", "mam", "--message-format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let door = &json[0]["documents"][0];
    assert_eq!(door["document"], "door");
    assert_eq!(door["stale_ids"], serde_json::json!(["door-silent"]));
    assert_eq!(
        door["stale_changes"][0]["was"],
        "You have the right to remain silent."
    );
    assert!(
        door["untranslated_ids"]
            .as_array()
            .unwrap()
            .contains(&serde_json::json!("door-last")),
        "{door}"
    );
    assert_eq!(json[0]["total"], promised + 2);

    // The translator updates the translation and confirms it.
    fx.replace(
        "locales/mam/door.ftl",
        "door-silent = (mam) silent",
        "door-silent = (mam) stay silent, say so",
    );
    let run = fx.run(&["confirm", "mam", "door-silent"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(fx.run(&["check", "--locale", "mam", "--strict"]).code, 0);
    let json = fx.run(&["status", "--locale", "mam", "--message-format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(json[0]["stale"], 0, "{json}");
    // The reference cannot be synced.
    assert_eq!(fx.run(&["sync", "en"]).code, 2);
}

/// How a mistake is made in the `build/basic` fixture.
enum Edit {
    /// Replace the first `from` with `to` in a file.
    Replace(&'static str, &'static str, &'static str),
    /// Write a whole file.
    Write(&'static str, &'static str),
    /// Rename a file.
    Rename(&'static str, &'static str),
    /// Run kyr with these arguments first.
    Run(&'static [&'static str]),
}

/// A translator's or organizer's mistake, and what `kyr check` must say.
struct Mistake {
    what: &'static str,
    edits: &'static [Edit],
    /// The diagnostic's first line: location, severity and words.
    says: &'static str,
    /// Words its hints must hold.
    hints: &'static [&'static str],
    /// Errors the whole run reports (the mistake and nothing it drags in).
    errors: usize,
}

const DOOR: &str = "locales/fr/door.ftl";

const MISTAKES: &[Mistake] = &[
    Mistake {
        what: "a `{` left open at the end of a line",
        edits: &[Edit::Replace(
            DOOR,
            "garder le silence.",
            "garder le silence. {",
        )],
        says: "locales/fr/door.ftl:7:56: error: invalid Fluent syntax in message `door-silent`: this `{` is never closed",
        hints: &[
            "close it with `}` on the same line, or write a literal brace as `{\"{\"}`",
            "until then the next line, `door-sign = Ne signez rien. Appelez { $hotline }.`, is read as part of it",
        ],
        errors: 1,
    },
    Mistake {
        what: "a `{` not closed where its variable ends",
        edits: &[Edit::Replace(DOOR, "{ $hotline }.", "{ $hotline.")],
        says: "locales/fr/door.ftl:8:47: error: invalid Fluent syntax in message `door-sign`: expected `}` here, to close the `{` at column 37",
        hints: &["a `{ … }` holds one variable (`{ $hotline }`), message id or quoted text"],
        errors: 1,
    },
    Mistake {
        what: "a continuation line indented with a tab",
        edits: &[Edit::Write(
            DOOR,
            "door-title = Titre\ndoor-intro =\n\tVous avez des droits.\n",
        )],
        says: "locales/fr/door.ftl:3:1: error: invalid Fluent syntax in message `door-intro`: line 3 is indented with a tab (U+0009), which Fluent does not read as indentation",
        hints: &["indent continuation lines with ordinary spaces (the space bar)"],
        errors: 1,
    },
    Mistake {
        what: "a continuation line indented with no-break spaces",
        edits: &[Edit::Replace(
            DOOR,
            "    - Demandez",
            "\u{A0}\u{A0}\u{A0}\u{A0}- Demandez",
        )],
        says: "locales/fr/door.ftl:6:1: error: invalid Fluent syntax in message `door-intro`: line 6 is indented with U+00A0 NO-BREAK SPACE, which Fluent does not read as indentation",
        hints: &["indent continuation lines with ordinary spaces (the space bar)"],
        errors: 1,
    },
    Mistake {
        what: "a space left before a message id",
        edits: &[Edit::Replace(DOOR, "door-sign =", " door-sign =")],
        says: "locales/fr/door.ftl:8:1: error: invalid Fluent syntax in message `door-sign`: its line begins with a space before `door-sign`, so Fluent would read the line as more text of the message above",
        hints: &["start the line with `door-sign`, with nothing before it"],
        errors: 1,
    },
    Mistake {
        what: "curly quotes around a variable",
        edits: &[Edit::Replace(
            DOOR,
            "{ $hotline }",
            "{ \u{201C}$hotline\u{201D} }",
        )],
        says: "locales/fr/door.ftl:8:39: error: invalid Fluent syntax in message `door-sign`: U+201C LEFT DOUBLE QUOTATION MARK inside `{ … }`, where Fluent reads no such quote",
        hints: &["a variable takes no quotes: write `{ $hotline }`"],
        errors: 1,
    },
    Mistake {
        what: "an id with an accented letter",
        edits: &[Edit::Replace(DOOR, "door-sign =", "d\u{F4}or-sign =")],
        says: "locales/fr/door.ftl:8:2: error: invalid message id `dôor-sign`: it has U+00F4 LATIN SMALL LETTER O WITH CIRCUMFLEX",
        hints: &["did you mean `door-sign`?"],
        errors: 1,
    },
    Mistake {
        what: "only the first line of a scaffolded message uncommented",
        edits: &[
            Edit::Run(&["new-locale", "mam", "--fallback", "fr"]),
            Edit::Replace("locales/mam/door.ftl", "# door-intro =\n", "door-intro =\n"),
        ],
        says: "locales/mam/door.ftl:11:1: error: invalid Fluent syntax in message `door-intro`: it has no text: the lines below it are still commented out",
        hints: &[
            "only the message's first line was uncommented: remove the `# ` at the start of lines 12 to 15 too, keeping the spaces after it",
        ],
        errors: 1,
    },
    Mistake {
        what: "a typo in a message id",
        edits: &[Edit::Replace(
            DOOR,
            "door-silent = Vous avez",
            "door-silnet = Vous avez",
        )],
        says: "locales/fr/door.ftl:7:1: error: message `door-silnet` is not used by any document: did you mean `door-silent`?",
        hints: &["if it is a typo, correct the id to `door-silent`"],
        errors: 1,
    },
    Mistake {
        what: "a message missing from a locale marked complete",
        edits: &[],
        says: "locales/fr/door.ftl:1:1: warning: message `door-call` is not translated in `fr`, which is marked complete; using `en`",
        hints: &["kyr sync fr"],
        errors: 0,
    },
    Mistake {
        what: "a card without its back",
        edits: &[Edit::Replace(
            "content/door.md",
            "rights\" }]\n",
            "rights\" }]\nlayouts = [\"handout\", \"card\"]\n[card]\nfront = \"door-silent\"\n",
        )],
        says: "content/door.md:6:1: error: `[card]` needs `back`",
        hints: &[
            "write `back = \"message-id\"`: the heading of the section printed on the card's back",
        ],
        errors: 1,
    },
    Mistake {
        what: "a document setting written after the `[card]` table",
        edits: &[Edit::Replace(
            "content/door.md",
            "last_reviewed",
            "[card]\nfront = \"door-silent\"\nback = \"door-sign\"\nlast_reviewed",
        )],
        says: "content/door.md:6:1: error: `last_reviewed` is not a setting of `[card]`",
        hints: &[
            "every line after `[card]` belongs to that table: move `last_reviewed` above the `[card]` line",
        ],
        errors: 1,
    },
    Mistake {
        what: "a misspelt front-matter key",
        edits: &[Edit::Replace("content/door.md", "title =", "titel =")],
        says: "content/door.md:2:1: error: `titel` is not a setting of the front matter",
        hints: &["did you mean `title`?"],
        errors: 1,
    },
    Mistake {
        what: "a misspelt layout",
        edits: &[Edit::Replace(
            "content/door.md",
            "last_reviewed",
            "layouts = [\"handot\"]\nlast_reviewed",
        )],
        says: "content/door.md:3:12: error: `handot` is not a choice for `layouts`: write `handout`, `card` or `booklet`",
        hints: &["did you mean `handout`?"],
        errors: 1,
    },
    Mistake {
        what: "a title without quotes",
        edits: &[Edit::Replace(
            "content/door.md",
            "\"door-title\"",
            "door-title",
        )],
        says: "content/door.md:2:9: error: `title` text must be in double quotes",
        hints: &["write \"door-title\""],
        errors: 1,
    },
    Mistake {
        what: "a document file name with capitals",
        edits: &[Edit::Rename("content/door.md", "content/Door.md")],
        says: "content/Door.md:1:1: error: document name `Door` must use lowercase letters",
        hints: &["rename the file, for example to `content/door.md`"],
        errors: 1,
    },
];

#[test]
fn each_translator_mistake_is_located_worded_and_drags_nothing_in() {
    for mistake in MISTAKES {
        let fx = Fixture::new("build/basic");
        for edit in mistake.edits {
            match edit {
                Edit::Replace(file, from, to) => {
                    fx.replace(file, from, to);
                }
                Edit::Write(file, text) => {
                    fx.write(file, text);
                }
                Edit::Rename(from, to) => {
                    std::fs::rename(fx.root().join(from), fx.root().join(to)).unwrap();
                }
                Edit::Run(args) => {
                    let run = fx.run(args);
                    assert_eq!(run.code, 0, "{}: {}", mistake.what, run.stderr);
                }
            }
        }
        let run = fx.run(&["check"]);
        let what = mistake.what;
        let stderr = &run.stderr;
        let Some(start) = stderr.find(mistake.says) else {
            panic!("{what}: no `{}` in\n{stderr}", mistake.says);
        };
        // The diagnostic runs to the next one's location line.
        let block: String = stderr[start..]
            .lines()
            .enumerate()
            .take_while(|(i, l)| {
                *i == 0 || l.starts_with(' ') || l.starts_with(|c: char| c.is_ascii_digit())
            })
            .map(|(_, l)| format!("{l}\n"))
            .collect();
        for hint in mistake.hints {
            assert!(block.contains(hint), "{what}: no `{hint}` in\n{block}");
        }
        assert!(
            !block.contains("remove it") && !block.contains("delete"),
            "{what}: suggests deleting work\n{block}"
        );
        let errors = stderr.lines().filter(|l| l.contains(": error: ")).count();
        assert_eq!(errors, mistake.errors, "{what}: {stderr}");
        // Nothing else is blamed on the mistake.
        assert!(!stderr.contains("(obsolete)"), "{what}: {stderr}");
        assert_eq!(
            run.code,
            if mistake.errors > 0 { 1 } else { 0 },
            "{what}: {stderr}"
        );
    }
}

/// Two slips the issue found reported by `check` only, or by nobody: a
/// space left before an id (the line read as more text of the message
/// above) and a typo in an id.
const SLIPPED: [(&str, &str); 2] = [
    ("\ndoor-sign =", "\n door-sign ="),
    ("door-silent = Vous avez", "door-silnet = Vous avez"),
];

/// What every command must say of them, each at its own place.
const SLIPS_SAID: [&str; 2] = [
    "locales/fr/door.ftl:8:1: error: invalid Fluent syntax in message `door-sign`: its line begins with a space before `door-sign`",
    "locales/fr/door.ftl:7:1: error: message `door-silnet` is not used by any document: did you mean `door-silent`?",
];

fn slipped(fx: &Fixture) {
    let mut text = std::fs::read_to_string(fx.root().join(DOOR)).unwrap();
    for (from, to) in SLIPPED {
        text = text.replacen(from, to, 1);
    }
    fx.write(DOOR, &text);
}

#[test]
fn check_build_watch_and_serve_each_tell_a_slip_at_its_place() {
    let fx = Fixture::new("build/basic");
    slipped(&fx);
    for args in [&["check"][..], &["build", "--format", "html"][..]] {
        let run = fx.run(args);
        assert_eq!(run.code, 1, "{args:?}: {}", run.stderr);
        for said in SLIPS_SAID {
            assert!(
                run.stderr.contains(said),
                "{args:?}: no `{said}` in\n{}",
                run.stderr
            );
        }
    }
    // The other messages keep their text; each slipped one falls back,
    // marked; no Fluent syntax is printed.
    let page = fx.page("fr/door.html");
    assert!(page.contains("Demandez un mandat."), "{page}");
    assert!(!page.contains("door-sign ="), "{page}");
    assert!(
        page.contains(
            "class=\"fallback\" data-name=\"English\">You have the right to remain silent."
        ),
        "{page}"
    );
    assert!(
        page.contains("class=\"fallback\" data-name=\"English\">Do not sign anything."),
        "{page}"
    );

    let watch = Watching::start(&fx, &["--format", "html", "--locale", "fr"]);
    let lines = watch.wait_for("watching").join("\n");
    for said in SLIPS_SAID {
        assert!(lines.contains(said), "watch: no `{said}` in\n{lines}");
    }
    drop(watch);
    let serve = Watching::run(&fx, "serve", &["--port", "0", "--format", "html"]);
    let lines = serve.wait_for("watching").join("\n");
    for said in SLIPS_SAID {
        assert!(lines.contains(said), "serve: no `{said}` in\n{lines}");
    }
}
