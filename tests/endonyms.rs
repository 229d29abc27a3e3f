//! The languages' own names: a placeholder endonym warns (`endonym-missing`)
//! in `check` and `build` alike, at its value in kyr.toml; `kyr init` writes
//! the names kyr knows; `--locale` takes a tag or an endonym.

use crate::util::Fixture;

/// A new, empty project folder.
fn empty() -> Fixture {
    Fixture {
        dir: tempfile::tempdir().unwrap(),
    }
}

/// `kyr.toml:LINE:COL` of the first `needle` in kyr.toml, columns counted
/// in characters from 1.
fn place_of(fx: &Fixture, needle: &str) -> String {
    let config = std::fs::read_to_string(fx.root().join("kyr.toml")).unwrap();
    let at = config.find(needle).unwrap_or_else(|| panic!("{needle}"));
    let line = config[..at].lines().count() + usize::from(config[..at].ends_with('\n'));
    let start = config[..at].rfind('\n').map_or(0, |n| n + 1);
    let column = config[start..at].chars().count() + 1;
    format!("kyr.toml:{line}:{column}")
}

#[test]
fn a_placeholder_endonym_warns_at_its_value_in_check_and_build_alike() {
    let fx = Fixture::new("build/basic");
    fx.with_real_contacts();
    let run = fx.run(&["new-locale", "mam", "--fallback", "fr", "--endonym", "mam"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let value = place_of(&fx, "\"mam\"\nfallback");
    let warning =
        format!("{value}: warning: the endonym of `mam` is `mam`, a placeholder: the index page");
    let hint = "hint: write `endonym = \"Qyol Mam\"` (Mam in itself; source: Academia de Lenguas Mayas de Guatemala";

    let check = fx.run(&["check"]);
    assert_eq!(check.code, 0, "{}", check.stderr);
    assert!(check.stderr.contains(&warning), "{}", check.stderr);
    assert!(check.stderr.contains(hint), "{}", check.stderr);

    let build = fx.run(&["build", "--format", "html", "--locale", "fr"]);
    assert_eq!(build.code, 0, "{}", build.stderr);
    assert!(build.stderr.contains(&warning), "{}", build.stderr);
    assert!(build.stderr.contains(hint), "{}", build.stderr);

    let json = fx.run(&["check", "--message-format", "json"]);
    assert!(
        json.stdout.contains("\"code\":\"endonym-missing\""),
        "{}",
        json.stdout
    );
    // --strict makes it an error, in both.
    let strict = fx.run(&["check", "--strict"]);
    assert_eq!(strict.code, 1, "{}", strict.stderr);
    assert!(
        strict
            .stderr
            .contains(&format!("{value}: error: the endonym of `mam`")),
        "{}",
        strict.stderr
    );
    let strict = fx.run(&["build", "--strict", "--format", "html", "--locale", "fr"]);
    assert_eq!(strict.code, 1, "{}", strict.stderr);

    // The real name, and the warning is gone.
    fx.replace("kyr.toml", "endonym = \"mam\"", "endonym = \"Qyol Mam\"");
    let check = fx.run(&["check"]);
    assert!(!check.stderr.contains("endonym"), "{}", check.stderr);
}

#[test]
fn a_tag_kyr_does_not_know_keeps_its_placeholder_and_is_told_so() {
    let fx = Fixture::new("build/basic");
    fx.with_real_contacts();
    let run = fx.run(&["new-locale", "tlh", "--fallback", "fr"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let check = fx.run(&["check"]);
    assert!(
        check.stderr.contains(&format!(
            "{}: warning: the endonym of `tlh` is `tlh`",
            place_of(&fx, "\"tlh\"")
        )),
        "{}",
        check.stderr
    );
    assert!(
        check.stderr.contains("has none for `tlh`"),
        "{}",
        check.stderr
    );
}

#[test]
fn new_locale_writes_the_name_kyr_knows() {
    let fx = Fixture::new("build/basic");
    let run = fx.run(&["new-locale", "quc", "--fallback", "fr"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!run.stderr.contains("set `endonym`"), "{}", run.stderr);
    let config = std::fs::read_to_string(fx.root().join("kyr.toml")).unwrap();
    assert!(
        config.contains("[locales.quc]\nendonym = \"K\u{2BC}iche\u{2BC}\"\n"),
        "{config}"
    );
    // One not known: the tag stands in, and the note says to replace it.
    let run = fx.run(&["new-locale", "tlh", "--fallback", "fr"]);
    assert!(run.stderr.contains("set `endonym`"), "{}", run.stderr);
}

#[test]
fn init_writes_the_names_kyr_knows_and_checks_without_endonym_warnings() {
    let fx = empty();
    let run = fx.run(&[
        "init",
        ".",
        "--reference",
        "es",
        "--locale",
        "mam",
        "--locale",
        "quc",
        "--paper",
        "us-letter",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let config = std::fs::read_to_string(fx.root().join("kyr.toml")).unwrap();
    for name in ["Español", "Qyol Mam", "K\u{2BC}iche\u{2BC}"] {
        assert!(
            config.contains(&format!("endonym = \"{name}\"")),
            "{config}"
        );
    }
    let check = fx.run(&["check"]);
    assert_eq!(check.code, 0, "{}", check.stderr);
    assert!(!check.stderr.contains("endonym"), "{}", check.stderr);
}

#[test]
fn locale_is_chosen_by_tag_or_by_endonym() {
    let fx = empty();
    let run = fx.run(&[
        "init",
        ".",
        "--reference",
        "es",
        "--locale",
        "mam",
        "--locale",
        "quc",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);

    let build = fx.run(&[
        "build",
        "--format",
        "html",
        "--locale",
        "K\u{2BC}iche\u{2BC}",
    ]);
    assert_eq!(build.code, 0, "{}", build.stderr);
    assert!(fx.out("quc/example.html").is_file());
    assert!(!fx.out("mam").exists() && !fx.out("es").exists());

    // Any case, and the apostrophe a keyboard types.
    let build = fx.run(&[
        "build", "--format", "html", "--locale", "español", "--locale", "qyol mam",
    ]);
    assert_eq!(build.code, 0, "{}", build.stderr);
    assert!(fx.out("es/example.html").is_file());
    assert!(fx.out("mam/example.html").is_file());
    let check = fx.run(&["check", "--locale", "K'iche'"]);
    assert_eq!(check.code, 0, "{}", check.stderr);
    assert!(check.stderr.contains("in 1 locale"), "{}", check.stderr);

    let unknown = fx.run(&["build", "--locale", "Mam de Todos Santos"]);
    assert_eq!(unknown.code, 2);
    assert!(
        unknown.stderr.contains(
            "unknown locale `Mam de Todos Santos`; configured locales: es (Español), mam (Qyol Mam), quc (K\u{2BC}iche\u{2BC})"
        ),
        "{}",
        unknown.stderr
    );
    let status = fx.run(&["status", "--locale", "Qyol Mam"]);
    assert_eq!(status.code, 0, "{}", status.stderr);
    assert!(status.stdout.contains("mam"), "{}", status.stdout);
}

#[test]
fn watch_and_serve_say_it_as_build_does_and_take_a_locale_by_endonym() {
    let fx = Fixture::new("build/basic");
    fx.with_real_contacts();
    let run = fx.run(&["new-locale", "mam", "--fallback", "fr", "--endonym", "mam"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let warning = format!(
        "{}: warning: the endonym of `mam` is `mam`, a placeholder",
        place_of(&fx, "\"mam\"\nfallback")
    );
    for (command, args) in [
        ("watch", &["--format", "html", "--locale", "français"][..]),
        (
            "serve",
            &["--port", "0", "--format", "html", "--locale", "français"],
        ),
    ] {
        let running = crate::util::Watching::run(&fx, command, args);
        running.wait_for(&warning);
        running.wait_for("built");
        drop(running);
        assert!(fx.out("fr/door.html").is_file(), "{command}");
        assert!(!fx.out("ar").exists(), "{command}");
        std::fs::remove_dir_all(fx.root().join("out")).unwrap();
    }
}
