//! Problems in content, messages and configuration: located, reported,
//! and confined to the outputs they affect.

use kyr::build::BuildOptions;

use crate::util::Fixture;

#[test]
fn broken_ftl_is_located_and_every_locale_still_builds() {
    let fx = Fixture::new("build/basic");
    fx.write(
        "locales/fr/door.ftl",
        "door-title = Si des agents viennent à votre porte\ndoor-silent Vous avez le droit de garder le silence.\n",
    );
    let run = fx.run(&["build"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("locales/fr/door.ftl:2:13: error: invalid Fluent syntax in message `door-silent`: there is no `=` after its id"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains(
            "2 | door-silent Vous avez le droit de garder le silence.\n  |             ^"
        ),
        "{}",
        run.stderr
    );
    // Only the broken message falls back: French pages are written too.
    for tag in ["en", "fr", "ar", "ff", "ff-Adlm"] {
        assert!(fx.out(&format!("{tag}/door.html")).is_file(), "{tag}");
    }
    let fr = fx.page("fr/door.html");
    assert!(
        fr.contains("<h1>Si des agents viennent à votre porte</h1>"),
        "{fr}"
    );
    assert!(
        fr.contains("<li lang=\"en\" dir=\"ltr\" class=\"fallback\" data-name=\"English\">You have the right to remain silent.</li>"),
        "{fr}"
    );
}

#[test]
fn unknown_reference_in_a_skeleton_is_an_error_at_its_place() {
    let fx = Fixture::new("build/basic");
    fx.append("content/door.md", "\nSee { door-nope } now.\n");
    let run = fx.run(&["build"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains(
            "content/door.md:17:5: error: message `door-nope` is not defined in any of `en`"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("17 | See { door-nope } now.\n   |     ^^^^^^^^^^^^^"),
        "{}",
        run.stderr
    );
    assert!(!fx.out("en/door.html").exists());
    assert!(!fx.out("fr/door.html").exists());
}

#[test]
fn unknown_variable_in_a_skeleton_is_an_error() {
    let fx = Fixture::new("build/basic");
    fx.append("content/door.md", "\nCall { $fax }.\n");
    let (report, diags) = fx.build(&BuildOptions::default());
    assert!(
        diags.contains("content/door.md:17:6: error: unknown variable `$fax`"),
        "{diags}"
    );
    assert!(
        diags.contains("hint: defined variables: `$hotline`, `$organization`, `$date`"),
        "{diags}"
    );
    let pages: Vec<_> = report
        .written
        .iter()
        .filter(|p| p.extension().is_none_or(|e| e != "woff2"))
        .collect();
    assert_eq!(pages.len(), 1, "only the index (and its fonts): {pages:?}");
}

#[test]
fn a_literal_brace_and_a_stray_one() {
    let fx = Fixture::new("build/basic");
    fx.append(
        "content/door.md",
        "\nKeep \\{ this }.\n\nBut { this is wrong }.\n",
    );
    let (_, diags) = fx.build(&BuildOptions::default());
    assert!(diags.contains("content/door.md:19:5: error: `{ this is wrong }` is not a message or variable reference"), "{diags}");
    assert!(diags.contains("hint: write `\\{` for a literal brace"));
}

#[test]
fn too_many_placeables_fall_back_without_blowing_up() {
    let fx = Fixture::new("build/basic");
    let row = |id: &str, inner: &str| format!("{id} = {}\n", format!("{{ {inner} }}").repeat(10));
    let ftl = format!(
        "door-silent = {{ lol3 }}\nlol0 = lol\n{}{}{}",
        row("lol1", "lol0"),
        row("lol2", "lol1"),
        row("lol3", "lol2")
    );
    fx.write("locales/ff/door.ftl", &ftl);
    let (report, diags) = fx.build(&BuildOptions::default());
    assert!(diags.contains("locales/ff/door.ftl:1:1: error: message `door-silent` expands to too many placeables (locale `ff`)"), "{diags}");
    assert!(!fx.page("ff-Adlm/door.html").contains("lol"));
    // Pulaar's page is written, the message in French.
    let page = fx.page("ff/door.html");
    assert!(!page.contains("lol"));
    assert!(
        page.contains("<li lang=\"fr\" dir=\"ltr\" class=\"fallback\" data-name=\"Français\">Vous avez le droit de garder le silence.</li>"),
        "{page}"
    );
    assert!(report.failed.is_empty(), "{:?}", report.failed);
}

#[test]
fn duplicate_ids_and_cycles() {
    let fx = Fixture::new("build/basic");
    fx.write(
        "locales/fr/more.ftl",
        "door-silent = Encore\nloop-a = { loop-b }\nloop-b = { loop-a }\n",
    );
    fx.append(
        "locales/ff/door.ftl",
        "door-intro = { loop }\nloop = { loop }\n",
    );
    let (_, diags) = fx.build(&BuildOptions::default());
    assert!(
        diags.contains(
            "locales/fr/more.ftl:1:1: error: `door-silent` is defined twice in locale `fr`"
        ),
        "{diags}"
    );
    assert!(
        diags.contains(
            "the other definition is at locales/fr/door.ftl:7:1; neither is used until one is removed"
        ),
        "{diags}"
    );
    assert!(
        fx.page("fr/door.html")
            .contains("<li lang=\"en\" dir=\"ltr\" class=\"fallback\" data-name=\"English\">You have the right to remain silent.</li>"),
        "neither definition is shown"
    );
    assert!(diags.contains("locales/ff/door.ftl:2:1: error: message `door-intro` refers to itself in a cycle (locale `ff`)"), "{diags}");
}

#[test]
fn config_errors_name_key_and_line() {
    let fx = Fixture::new("build/basic");
    fx.append(
        "kyr.toml",
        "\n[locales.wo]\nendonym = \"Wolof\"\nfallback = [\"fr\", \"xx\"]\ncolour = \"red\"\n",
    );
    let run = fx.run(&["build"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains("kyr.toml:30:1: error: `colour` is not a setting of `[locales.wo]`\n"),
        "{}",
        run.stderr
    );
    assert!(!fx.out("index.html").exists());
}

#[test]
fn invalid_utf8_is_located() {
    let fx = Fixture::new("build/basic");
    std::fs::write(fx.root().join("locales/fr/bad.ftl"), b"a = ok\nb = \xff\n").unwrap();
    let (report, diags) = fx.build(&BuildOptions::default());
    assert!(
        diags.contains("locales/fr/bad.ftl:2:5: error: this file is not UTF-8: byte 0xFF"),
        "{diags}"
    );
    assert!(report.failed.contains(&"fr/door.html".to_owned()));
}

#[test]
fn bom_and_crlf_are_accepted() {
    let fx = Fixture::new("build/basic");
    fx.write(
        "locales/fr/door.ftl",
        "\u{feff}door-title = Titre\r\ndoor-silent = Silence\r\n",
    );
    let (_, diags) = fx.build(&BuildOptions::default());
    // Nothing about the file itself (only the messages it lacks, as `fr`
    // is marked complete).
    let about_the_file: Vec<&str> = diags
        .lines()
        .filter(|l| l.starts_with("locales/fr/door.ftl") && !l.contains("which is marked complete"))
        .collect();
    assert!(about_the_file.is_empty(), "{diags}");
    assert!(fx.page("fr/door.html").contains("<h1>Titre</h1>"));
}

#[test]
fn diagnostics_snapshot() {
    let fx = Fixture::new("build/basic");
    fx.with_real_contacts();
    fx.write("locales/ar/door.ftl", "door-title = عنوان\ndoor-silent\n");
    let run = fx.run(&["build", "--locale", "ar", "-q"]);
    assert_eq!(run.code, 1);
    insta::assert_snapshot!("broken_ar_ftl", run.stderr);
}

#[test]
fn block_markup_in_an_inline_message_is_shown_as_text_with_a_warning() {
    let fx = Fixture::new("build/basic");
    fx.write("locales/fr/door.ftl", "door-silent = # Silence\n");
    let (report, diags) = fx.build(&BuildOptions::default());
    assert!(
        diags.contains("locales/fr/door.ftl:1:1: warning: in message `door-silent`: it is used inside a line but holds paragraphs, a list or a heading, so it is shown as plain text"),
        "{diags}"
    );
    assert!(!report.failed.contains(&"fr/door.html".to_owned()));
    assert!(fx.page("fr/door.html").contains("<li># Silence</li>"));
}

#[test]
fn a_broken_project_template_is_located_and_nothing_is_written() {
    let fx = Fixture::new("build/basic");
    fx.write(
        "templates/html/page.html",
        "{% extends \"base.html\" %}\n{% block body %}\n{{ body }\n{% endblock %}\n",
    );
    let run = fx.run(&["build"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("templates/html/page.html:3:"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("error: template error: syntax error"),
        "{}",
        run.stderr
    );
    assert!(!fx.out("en/door.html").exists());
}

#[test]
fn a_project_template_replaces_the_built_in_one() {
    let fx = Fixture::new("build/basic");
    fx.write(
        "templates/html/page.html",
        "{% extends \"base.html\" %}{% block body %}<article>{{ body }}</article>{% endblock %}",
    );
    let (report, diags) = fx.build(&BuildOptions::default());
    assert!(!report.diagnostics.has_errors(), "{diags}");
    assert!(
        fx.page("fr/door.html")
            .contains("<article><h1>Si des agents")
    );
}
