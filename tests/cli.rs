//! The binary: exit codes, usage errors, options.

use crate::util::Fixture;

#[test]
fn success_exits_zero_and_reports_fallbacks() {
    let fx = Fixture::new("build/basic");
    let run = fx.run(&["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("note: `ff-Adlm` shows untranslated messages:"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("built 47 files into `out`"),
        "{}",
        run.stderr
    );
}

#[test]
fn quiet_prints_only_problems() {
    let fx = Fixture::new("build/basic");
    fx.with_real_contacts();
    let run = fx.run(&["build", "-q", "--locale", "en"]);
    assert_eq!(run.code, 0);
    assert_eq!(run.stderr, "");
    assert_eq!(run.stdout, "");
}

#[test]
fn usage_errors_exit_two() {
    let fx = Fixture::new("build/basic");
    let run = fx.run(&["build", "--locale", "xx"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("error: unknown locale `xx`; configured locales: en (English), fr (Français), ar (العربية), ff (Pulaar), ff-Adlm (𞤆𞤵𞤤𞤢𞤪)"),
        "{}",
        run.stderr
    );
    let run = fx.run(&["build", "--doc", "nope"]);
    assert_eq!(run.code, 2);
    let run = fx.run(&["build", "--format", "docx"]);
    assert_eq!(run.code, 2);
    let run = fx.run(&["build", "--jobs", "0"]);
    assert_eq!(run.code, 2);
    let run = fx.run(&["frobnicate"]);
    assert_eq!(run.code, 2);
}

#[test]
fn missing_project_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let run = Fixture::new("build/basic").run(&["-C", dir.path().to_str().unwrap(), "build"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("error: no `kyr.toml` found in"),
        "{}",
        run.stderr
    );
}

#[test]
fn project_found_from_a_subfolder_and_out_folder_chosen() {
    let fx = Fixture::new("build/basic");
    let out = tempfile::tempdir().unwrap();
    let run = fx.run(&[
        "-C",
        "content",
        "build",
        "--out",
        out.path().to_str().unwrap(),
        "--doc",
        "door",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(out.path().join("ar/door.html").is_file());
    assert!(!fx.out("index.html").exists());
}

#[test]
fn verbose_lists_files_and_fallbacks() {
    let fx = Fixture::new("build/basic");
    let run = fx.run(&["build", "-v"]);
    assert!(
        run.stderr.contains("wrote out/ff-Adlm/door.html"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("fallback: ff-Adlm door `door-intro` from fr"),
        "{}",
        run.stderr
    );
}

#[test]
fn boolean_environment_variables_take_the_usual_spellings() {
    // The basic fixture has warnings (its example hotline): strict fails.
    let fx = Fixture::new("build/basic");
    for (value, strict) in [
        ("1", true),
        ("true", true),
        ("yes", true),
        ("on", true),
        ("0", false),
        ("false", false),
        ("no", false),
        ("off", false),
    ] {
        for args in [&["check"][..], &["build", "--format", "html"][..]] {
            let run = fx.run_with(args, &[("KYR_STRICT", value)]);
            assert_eq!(
                run.code,
                i32::from(strict),
                "{args:?} KYR_STRICT={value}: {}",
                run.stderr
            );
        }
    }
    let run = fx.run_with(&["check"], &[("KYR_STRICT", "maybe")]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("maybe"), "{}", run.stderr);
}

#[test]
fn message_format_is_one_option_and_the_old_format_still_works_with_a_note() {
    let fx = Fixture::new("build/basic");
    let run = fx.run(&["check", "--message-format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.lines().all(|l| l.starts_with('{')),
        "{}",
        run.stdout
    );
    assert!(!run.stderr.contains("deprecated"), "{}", run.stderr);
    let old = fx.run(&["check", "--format", "json"]);
    assert_eq!(old.stdout, run.stdout);
    assert!(
        old.stderr
            .contains("warning: `kyr check --format` is deprecated; use `--message-format`"),
        "{}",
        old.stderr
    );
    // (The fixture's `fr` is marked complete but is not: status exits 1.)
    let status = fx.run(&["status", "--message-format", "json"]);
    assert!(
        serde_json::from_str::<serde_json::Value>(&status.stdout).is_ok(),
        "{}",
        status.stdout
    );
    let old = fx.run(&["status", "--format", "table"]);
    assert_eq!(old.stdout, fx.run(&["status"]).stdout);
    assert!(old.stderr.contains("`kyr status --format` is deprecated"));
    // Counts say "1 warning", not "1 warnings".
    let run = fx.run(&["check", "--locale", "en"]);
    assert!(
        run.stderr
            .contains("checked 1 document in 1 locale: 0 errors, 1 warning"),
        "{}",
        run.stderr
    );
}

/// Every bundled font is in the binary once: the binary is what an
/// organizer downloads, and a font embedded twice cost 5.3 MB.
#[test]
fn the_binary_holds_each_bundled_font_once() {
    let binary = std::fs::read(env!("CARGO_BIN_EXE_kyr")).unwrap();
    let fonts = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/fonts");
    let mut checked = 0;
    for entry in std::fs::read_dir(fonts).unwrap().flatten() {
        if entry.path().extension().is_none_or(|e| e != "ttf") {
            continue;
        }
        let font = std::fs::read(entry.path()).unwrap();
        // A stretch from the middle of the file, past the tables'
        // directory that fonts of one family share.
        let middle = &font[font.len() / 2..font.len() / 2 + 4096];
        let copies = binary
            .windows(middle.len())
            .filter(|w| w[0] == middle[0] && *w == middle)
            .count();
        assert_eq!(
            copies,
            1,
            "{} is in the binary {copies} times",
            entry.path().display()
        );
        checked += 1;
    }
    assert!(checked >= 19, "only {checked} fonts");
}
