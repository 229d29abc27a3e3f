//! Incremental builds: unchanged jobs are skipped, edits rebuild only what
//! they touch, outputs of removed documents and locales go, shards merge
//! into the bundle one build gives, `--message-format json`, and a killed
//! build never leaves a partial file.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use kyr::build::{BuildOptions, BuildReport, Format, Shard};

use crate::util::Fixture;

fn built(report: &BuildReport) -> BTreeSet<String> {
    report
        .files
        .iter()
        .filter(|f| !f.fresh)
        .map(|f| f.path.clone())
        .collect()
}

fn fresh(report: &BuildReport) -> BTreeSet<String> {
    report
        .files
        .iter()
        .filter(|f| f.fresh)
        .map(|f| f.path.clone())
        .collect()
}

fn set(paths: &[&str]) -> BTreeSet<String> {
    paths.iter().map(|p| (*p).to_owned()).collect()
}

#[test]
fn an_unchanged_build_writes_nothing_and_force_writes_everything() {
    let fx = Fixture::new("build/basic");
    let (first, diags) = fx.build(&BuildOptions::default());
    assert_eq!(first.diagnostics.error_count(), 0, "{diags}");
    let all = built(&first);
    assert!(all.contains("fr/door.pdf") && all.contains("index.html"));
    assert!(fresh(&first).is_empty());
    let before = fs::metadata(fx.out("fr/door.pdf"))
        .unwrap()
        .modified()
        .unwrap();

    let (second, _) = fx.build(&BuildOptions::default());
    assert!(second.written.is_empty(), "{:?}", second.written);
    assert_eq!(fresh(&second), all);
    let after = fs::metadata(fx.out("fr/door.pdf"))
        .unwrap()
        .modified()
        .unwrap();
    assert_eq!(before, after, "the file was not touched");
    // Diagnostics and fallbacks are those of a full build.
    assert_eq!(second.fallbacks, first.fallbacks);

    let (forced, _) = fx.build(&BuildOptions {
        force: true,
        ..BuildOptions::default()
    });
    // Everything but the index page, which is only rewritten when it changes.
    let mut documents = all.clone();
    documents.remove("index.html");
    assert_eq!(built(&forced), documents);
}

#[test]
fn an_edited_message_rebuilds_only_the_outputs_that_show_it() {
    let fx = Fixture::new("build/basic");
    fx.build(&BuildOptions::default());

    // Arabic is no other locale's fallback: only its page and PDF change.
    fx.append("locales/ar/door.ftl", "");
    let text = fs::read_to_string(fx.root().join("locales/ar/door.ftl")).unwrap();
    let edited = text.replacen("door-silent = ", "door-silent = (!) ", 1);
    assert_ne!(text, edited, "the fixture has door-silent in Arabic");
    fx.write("locales/ar/door.ftl", &edited);
    let (report, _) = fx.build(&BuildOptions::default());
    assert_eq!(built(&report), set(&["ar/door.html", "ar/door.pdf"]));
    assert!(fx.page("ar/door.html").contains("(!)"));

    // A message French gives to Pulaar too: both change; the others stay.
    let text = fs::read_to_string(fx.root().join("locales/fr/door.ftl")).unwrap();
    fx.write(
        "locales/fr/door.ftl",
        &text.replacen("door-silent = ", "door-silent = (!) ", 1),
    );
    let (report, _) = fx.build(&BuildOptions::default());
    let rebuilt = built(&report);
    assert!(rebuilt.contains("fr/door.pdf"), "{rebuilt:?}");
    assert!(
        !rebuilt
            .iter()
            .any(|p| p.starts_with("en/") || p.starts_with("ar/"))
    );
    let ff_shows_french = fx.page("ff/door.html").contains("(!)");
    assert_eq!(rebuilt.contains("ff/door.html"), ff_shows_french);

    // A message added to a file that nothing uses changes nothing.
    fx.append("locales/fr/door.ftl", "\nunused-message = Rien\n");
    let (report, _) = fx.build(&BuildOptions::default());
    assert!(built(&report).is_empty(), "{:?}", built(&report));
}

#[test]
fn a_changed_template_or_a_deleted_output_is_rebuilt() {
    let fx = Fixture::new("build/basic");
    fx.build(&BuildOptions::default());

    fs::remove_file(fx.out("fr/door.pdf")).unwrap();
    let (report, _) = fx.build(&BuildOptions::default());
    assert_eq!(built(&report), set(&["fr/door.pdf"]));

    // An output changed by hand is made again.
    fs::write(fx.out("ar/door.html"), "tampered").unwrap();
    let (report, _) = fx.build(&BuildOptions::default());
    assert_eq!(built(&report), set(&["ar/door.html"]));

    // The project's own CSS: every page, no PDF.
    fx.write("templates/html/style.css", "body { color: black; }\n");
    let (report, _) = fx.build(&BuildOptions::default());
    let rebuilt = built(&report);
    assert!(rebuilt.contains("fr/door.html") && rebuilt.contains("ff-Adlm/door.html"));
    assert!(!rebuilt.iter().any(|p| p.ends_with(".pdf")), "{rebuilt:?}");
}

#[test]
fn an_image_a_template_reads_is_an_input_of_the_pdfs() {
    let fx = Fixture::new("build/basic");
    let square = |size: u32| {
        format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{size}\" height=\"{size}\"><rect width=\"{size}\" height=\"{size}\"/></svg>"
        )
    };
    fx.write("images/logo.svg", &square(10));
    fx.write(
        "templates/pdf/handout.typ",
        "#let handout(doc, body) = [#image(\"/images/logo.svg\", width: 1cm) #body]\n#let section(items) = []\n",
    );
    let options = BuildOptions {
        formats: vec![kyr::build::Format::Pdf],
        ..BuildOptions::default()
    };
    let (first, diags) = fx.build(&options);
    assert!(first.failed.is_empty(), "{diags}");
    let (second, _) = fx.build(&options);
    assert!(built(&second).is_empty(), "{:?}", built(&second));

    fx.write("images/logo.svg", &square(12));
    let (third, _) = fx.build(&options);
    assert_eq!(
        built(&third),
        set(&[
            "ar/door.pdf",
            "en/door.pdf",
            "ff-Adlm/door.pdf",
            "ff/door.pdf",
            "fr/door.pdf"
        ])
    );
}

#[test]
fn outputs_of_removed_documents_locales_and_layouts_are_removed() {
    let fx = Fixture::new("build/basic");
    let skeleton = fs::read_to_string(fx.root().join("content/door.md")).unwrap();
    fx.write("content/street.md", &skeleton);
    let (report, _) = fx.build(&BuildOptions::default());
    assert!(built(&report).contains("fr/street.pdf"));
    // Something of the user's in the output folder, and beside it.
    fx.write("out/notes.txt", "mine");
    fx.write("keep.txt", "mine");

    fs::remove_file(fx.root().join("content/street.md")).unwrap();
    let (report, _) = fx.build(&BuildOptions::default());
    assert!(report.removed.contains(&"fr/street.pdf".to_owned()));
    assert!(!fx.out("fr/street.pdf").exists() && !fx.out("fr/street.html").exists());
    assert!(fx.out("fr/door.pdf").exists());
    assert!(!fx.page("index.html").contains("street.html"));

    // Arabic taken out of kyr.toml: its folder goes.
    let config = fs::read_to_string(fx.root().join("kyr.toml")).unwrap();
    fx.write(
        "kyr.toml",
        &config.replace("[locales.ar]\nendonym = \"العربية\"\n", ""),
    );
    let (report, diags) = fx.build(&BuildOptions::default());
    assert_eq!(report.diagnostics.error_count(), 0, "{diags}");
    assert!(!fx.out("ar").exists(), "the Arabic folder is gone");
    assert!(fx.out("notes.txt").exists() && fx.root().join("keep.txt").exists());

    // A booklet added, then taken off again.
    let with_booklet = skeleton.replacen(
        "title = \"door-title\"",
        "title = \"door-title\"\nlayouts = [\"handout\", \"booklet\"]",
        1,
    );
    fx.write("content/door.md", &with_booklet);
    let (report, _) = fx.build(&BuildOptions::default());
    assert!(built(&report).contains("fr/door.booklet-print.pdf"));
    fx.write("content/door.md", &skeleton);
    fx.build(&BuildOptions::default());
    assert!(!fx.out("fr/door.booklet.pdf").exists());
    assert!(!fx.out("fr/door.booklet-print.pdf").exists());
    assert!(fx.out("fr/door.pdf").exists());
}

/// The basic fixture with a Tifinagh letter (which no bundled font
/// draws) in a French message: the French PDF warns, and so does the
/// Pulaar one, which shows the French message. French, which is
/// `complete`, translates every message, so that `--strict` has only the
/// letter (and the fixture's example hotline) to fail on.
fn fixture_with_a_glyph_warning() -> Fixture {
    let fx = Fixture::new("build/basic");
    let text = fs::read_to_string(fx.root().join("locales/fr/door.ftl")).unwrap();
    let text = text.replacen("door-silent = ", "door-silent = ⵜ ", 1);
    fx.write(
        "locales/fr/door.ftl",
        &format!("{text}door-call = Appelez {{ $organization }}.\n"),
    );
    fx
}

/// The modification times of every output.
fn mtimes(fx: &Fixture) -> Vec<(String, std::time::SystemTime)> {
    walkdir::WalkDir::new(fx.out(""))
        .sort_by_file_name()
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let modified = e.metadata().unwrap().modified().unwrap();
            (e.path().display().to_string(), modified)
        })
        .collect()
}

#[test]
fn an_unchanged_build_tells_recorded_warnings_again_without_rendering() {
    let fx = fixture_with_a_glyph_warning();
    let (first, diags) = fx.build(&BuildOptions::default());
    assert!(diags.contains("U+2D5C"), "{diags}");
    // The example hotline of the fixture's kyr.toml warns too, over the
    // whole build.
    assert!(
        diags.contains("warning: `$hotline` is `+1 (555) 010-1234`"),
        "{diags}"
    );
    assert_eq!(first.diagnostics.error_count(), 0, "{diags}");
    let before = mtimes(&fx);

    let (second, again) = fx.build(&BuildOptions::default());
    assert_eq!(again, diags, "the same warnings, told the same way");
    assert_eq!(
        second.diagnostics.warning_count(),
        first.diagnostics.warning_count()
    );
    assert!(built(&second).is_empty(), "{:?}", built(&second));
    assert_eq!(fresh(&second), built(&first));
    assert!(second.written.is_empty(), "{:?}", second.written);
    assert_eq!(mtimes(&fx), before, "nothing was written, records included");
    assert_eq!(second.missing_glyphs, first.missing_glyphs);
    assert_eq!(
        second.missing_glyphs_per_locale(),
        first.missing_glyphs_per_locale()
    );

    // `--strict` fails on the recorded warnings: their PDFs are made
    // again, fail and are removed, as on any strict build.
    let (strict, strict_diags) = fx.build(&BuildOptions {
        strict: true.into(),
        ..BuildOptions::default()
    });
    assert!(
        strict_diags.contains("error: no bundled font can draw U+2D5C"),
        "{strict_diags}"
    );
    for pdf in ["fr/door.pdf", "ff/door.pdf"] {
        assert!(strict.failed.contains(&pdf.to_owned()), "{strict_diags}");
        assert!(!fx.out(pdf).exists(), "{pdf} was kept");
    }
    assert!(fx.out("en/door.pdf").exists());

    // Without it, the PDFs are made again once, then told again; the
    // index links them again.
    let (third, _) = fx.build(&BuildOptions::default());
    assert_eq!(
        built(&third),
        set(&["ff/door.pdf", "fr/door.pdf", "index.html"])
    );
    let (fourth, again) = fx.build(&BuildOptions::default());
    assert!(built(&fourth).is_empty(), "{:?}", built(&fourth));
    assert_eq!(again, diags);
}

#[test]
fn strict_fails_on_an_unchanged_build_with_recorded_warnings() {
    let fx = fixture_with_a_glyph_warning();
    fx.with_real_contacts();
    let first = fx.run(&["build"]);
    assert_eq!(first.code, 0, "{}", first.stderr);
    let fresh = fx.run(&["build"]);
    assert_eq!(fresh.code, 0, "{}", fresh.stderr);
    // The same report, summary and notes alike, from nothing rendered.
    assert!(fresh.stderr.contains("built 0 files"), "{}", fresh.stderr);
    let report = |stderr: &str| -> Vec<String> {
        stderr
            .lines()
            .filter(|l| !l.starts_with('[') && !l.starts_with("built "))
            .map(str::to_owned)
            .collect()
    };
    assert_eq!(report(&fresh.stderr), report(&first.stderr));
    assert!(
        fresh.stderr.contains("0 errors, 2 warnings"),
        "{}",
        fresh.stderr
    );
    assert!(
        fresh
            .stderr
            .contains("note: `fr`: 1 character no bundled font can draw, in 1 message\n"),
        "{}",
        fresh.stderr
    );
    let strict = fx.run(&["build", "--strict"]);
    assert_eq!(strict.code, 1, "{}", strict.stderr);
    assert!(
        strict.stderr.contains("2 errors, 0 warnings"),
        "{}",
        strict.stderr
    );
}

#[test]
fn a_recorded_warning_is_told_again_only_where_it_still_points() {
    let fx = fixture_with_a_glyph_warning();
    let (_, diags) = fx.build(&BuildOptions::default());
    assert!(
        diags.contains("locales/fr/door.ftl:7:1: warning: no bundled font"),
        "{diags}"
    );

    // A comment above it moves the message down a line: its text, and so
    // the PDF's inputs, are the same, but the warning must point at the
    // new line, so the PDFs showing it are made again.
    let text = fs::read_to_string(fx.root().join("locales/fr/door.ftl")).unwrap();
    fx.write("locales/fr/door.ftl", &format!("# Traduction\n{text}"));
    let (report, diags) = fx.build(&BuildOptions::default());
    assert!(
        diags.contains("locales/fr/door.ftl:8:1: warning: no bundled font"),
        "{diags}"
    );
    assert!(!diags.contains("door.ftl:7:1"), "{diags}");
    assert_eq!(
        built(&report),
        set(&["ff/door.pdf", "fr/door.pdf"]),
        "only the PDFs that warned"
    );
    let (report, again) = fx.build(&BuildOptions::default());
    assert!(built(&report).is_empty(), "{:?}", built(&report));
    assert_eq!(again, diags);
}

#[test]
fn a_record_from_before_diagnostics_were_kept_is_built_again() {
    let fx = fixture_with_a_glyph_warning();
    fx.build(&BuildOptions::default());
    // What an earlier kyr wrote: no version, no diagnostics, and (as it
    // did for a job that warned) nothing for the PDF.
    let record = fx.out(".kyr/jobs/en/door.json");
    let mut json: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&record).unwrap()).unwrap();
    let object = json.as_object_mut().unwrap();
    assert_eq!(object.remove("version"), Some(serde_json::json!(2)));
    for format in ["html", "pdf"] {
        let entry = object[format].as_object_mut().unwrap();
        entry.remove("told");
        entry.remove("missing_glyphs");
    }
    fs::write(&record, serde_json::to_vec_pretty(&json).unwrap()).unwrap();
    let (report, _) = fx.build(&BuildOptions::default());
    assert_eq!(built(&report), set(&["en/door.html", "en/door.pdf"]));
}

#[test]
fn shards_split_the_jobs_and_merge_into_the_bundle_of_one_build() {
    let fx = Fixture::new("build/basic");
    let whole = fx.run(&["build", "--out", "whole"]);
    assert_eq!(whole.code, 0, "{}", whole.stderr);
    let mut seen = BTreeSet::new();
    for k in 1..=3 {
        let shard = format!("{k}/3");
        let run = fx.run(&["build", "--shard", &shard, "--out", &format!("shard{k}")]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let options = BuildOptions {
            shard: Some(shard.parse::<Shard>().unwrap()),
            formats: vec![kyr::build::Format::Html],
            out_dir: Some(fx.root().join(format!("check{k}"))),
            ..BuildOptions::default()
        };
        let (report, _) = fx.build(&options);
        for file in report.files.iter().filter(|f| f.path != "index.html") {
            assert!(
                seen.insert(file.path.clone()),
                "{} in two shards",
                file.path
            );
        }
    }
    assert_eq!(seen.len(), 5, "every locale's page in one shard: {seen:?}");

    assert_eq!(
        fx.run(&["bundle", "--site", "whole", "--out", "one.zip"])
            .code,
        0
    );
    let merged = fx.run(&[
        "bundle",
        "--merge",
        "shard1",
        "shard2",
        "shard3",
        "--out",
        "merged.zip",
    ]);
    assert_eq!(merged.code, 0, "{}", merged.stderr);
    let one = fs::read(fx.root().join("one.zip")).unwrap();
    let two = fs::read(fx.root().join("merged.zip")).unwrap();
    assert!(
        one == two,
        "the merged bundle differs from the whole build's"
    );

    // A page changed after its build cannot be merged silently.
    let page = fx.root().join("shard3/fr/door.html");
    let (page, kept) = if page.is_file() {
        (page, fx.root().join("shard2/fr/door.html"))
    } else {
        (
            fx.root().join("shard2/fr/door.html"),
            fx.root().join("shard3/fr/door.html"),
        )
    };
    fs::create_dir_all(kept.parent().unwrap()).unwrap();
    fs::copy(fx.root().join("whole/fr/door.html"), &kept).unwrap();
    fs::write(&page, "other").unwrap();
    let run = fx.run(&[
        "bundle", "--merge", "shard1", "shard2", "shard3", "--out", "bad.zip",
    ]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let edited = page
        .parent()
        .unwrap()
        .parent()
        .unwrap()
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    assert!(
        run.stderr.contains(&format!(
            "`fr/door.html` in `{edited}` is not the file its build wrote"
        )),
        "{}",
        run.stderr
    );
    assert!(!fx.root().join("bad.zip").exists());
    // So is a plain bundle of that folder, and one missing a file.
    let run = fx.run(&["bundle", "--site", &edited, "--out", "bad.zip"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("is not the file its build wrote"),
        "{}",
        run.stderr
    );
    fs::remove_file(fx.root().join("whole/fr/door.pdf")).unwrap();
    let run = fx.run(&["bundle", "--site", "whole", "--out", "bad.zip"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("`fr/door.pdf` is missing from `whole`, though its build wrote it"),
        "{}",
        run.stderr
    );
    assert!(!fx.root().join("bad.zip").exists());

    for bad in ["0/2", "3/2", "x", "1/0"] {
        let run = fx.run(&["build", "--shard", bad]);
        assert_eq!(run.code, 2, "{bad}: {}", run.stderr);
    }
}

#[test]
fn json_messages_list_diagnostics_artifacts_and_a_summary() {
    let fx = Fixture::new("build/basic");
    let text = fs::read_to_string(fx.root().join("locales/fr/door.ftl")).unwrap();
    fx.write(
        "locales/fr/door.ftl",
        &text.replacen("door-silent = ", "door-silent = ⵜ ", 1),
    );
    let run = fx.run(&["build", "--message-format", "json"]);
    let lines: Vec<serde_json::Value> = run
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    let of = |kind: &'static str| lines.iter().filter(move |l| l["type"] == kind);
    let diagnostic = of("diagnostic")
        .find(|d| d["message"].as_str().unwrap().contains("U+2D5C"))
        .expect("a diagnostic line for the Tifinagh letter");
    assert_eq!(diagnostic["file"], "locales/fr/door.ftl");
    assert_eq!(diagnostic["message_id"], "door-silent");
    assert_eq!(diagnostic["severity"], "warning");
    assert!(diagnostic["line"].as_u64().is_some() && diagnostic["column"].as_u64().is_some());
    let pdf = of("artifact")
        .find(|a| a["path"] == "ar/door.pdf")
        .expect("ar/door.pdf");
    assert_eq!(pdf["locale"], "ar");
    assert_eq!(pdf["document"], "door");
    assert_eq!(pdf["layout"], "handout");
    assert_eq!(pdf["format"], "pdf");
    assert_eq!(pdf["status"], "built");
    assert_eq!(
        pdf["bytes"].as_u64(),
        Some(fs::metadata(fx.out("ar/door.pdf")).unwrap().len())
    );
    let summary = lines.last().unwrap();
    assert_eq!(summary["type"], "summary");
    assert_eq!(summary["errors"], 0);
    assert!(summary["warnings"].as_u64().unwrap() >= 1);
    assert!(run.stderr.is_empty(), "nothing on stderr: {}", run.stderr);

    // Nothing changed: nothing is made again, and the diagnostics are
    // told again, line for line.
    let again = fx.run(&["build", "--message-format", "json"]);
    let lines_of = |stdout: &str, kind: &str| -> Vec<serde_json::Value> {
        stdout
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter(|l| l["type"] == kind)
            .collect()
    };
    assert_eq!(
        lines_of(&again.stdout, "diagnostic"),
        lines_of(&run.stdout, "diagnostic")
    );
    let rebuilt: Vec<serde_json::Value> = lines_of(&again.stdout, "artifact")
        .into_iter()
        .filter(|l| l["status"] == "built")
        .collect();
    assert!(rebuilt.is_empty(), "{rebuilt:?}");
    let summary = |stdout: &str| {
        let mut summary = lines_of(stdout, "summary").pop().unwrap();
        summary.as_object_mut().unwrap().remove("seconds");
        summary.as_object_mut().unwrap().remove("built");
        summary.as_object_mut().unwrap().remove("fresh");
        summary
    };
    assert_eq!(summary(&again.stdout), summary(&run.stdout));
    assert_eq!(
        summary(&run.stdout)["missing_glyphs"]["fr"],
        serde_json::json!({"characters": 1, "messages": 1, "variables": 0, "documents": 0})
    );
}

#[test]
fn progress_is_a_line_per_job_when_not_on_a_terminal_and_nothing_when_quiet() {
    let fx = Fixture::new("build/basic");
    let run = fx.run(&["build", "--format", "html"]);
    assert!(
        run.stderr.contains("/5] fr/door: 1 written"),
        "{}",
        run.stderr
    );
    let run = fx.run(&["build", "--format", "html"]);
    assert!(
        run.stderr.contains("/5] fr/door: up to date"),
        "{}",
        run.stderr
    );
    let run = fx.run(&["-q", "build", "--format", "html"]);
    assert!(!run.stderr.contains("/5]"), "{}", run.stderr);
    assert!(!run.stderr.contains("built "), "{}", run.stderr);
}

/// Every visible file under `dir` is whole: a PDF ends with `%%EOF`, a
/// page with `</html>`.
fn assert_whole(dir: &Path) {
    for entry in walkdir::WalkDir::new(dir) {
        let entry = entry.unwrap();
        let name = entry.file_name().to_string_lossy().into_owned();
        if !entry.file_type().is_file() || name.starts_with('.') {
            continue;
        }
        let bytes = fs::read(entry.path()).unwrap();
        let end = String::from_utf8_lossy(&bytes[bytes.len().saturating_sub(16)..]).into_owned();
        if name.ends_with(".pdf") {
            assert!(end.trim_end().ends_with("%%EOF"), "{name} is cut short");
        } else if name.ends_with(".html") {
            assert!(end.trim_end().ends_with("</html>"), "{name} is cut short");
        }
    }
}

#[test]
fn a_killed_build_leaves_no_partial_file_and_the_next_build_completes_it() {
    let fx = Fixture::shipped();
    let reference = fx.run(&["build", "--out", "reference", "-j", "1"]);
    assert_eq!(reference.code, 0, "{}", reference.stderr);
    let mut killed_midway = false;
    for delay in [150, 400, 800, 1200] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_kyr"))
            .args(["build", "--force", "-j", "1"])
            .current_dir(fx.root())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay));
        let finished = child.try_wait().unwrap().is_some();
        child.kill().unwrap();
        child.wait().unwrap();
        killed_midway |= !finished;
        if fx.out("").exists() {
            assert_whole(&fx.out(""));
        }
    }
    assert!(killed_midway, "no build was killed before it finished");

    // A temporary file left by a killed write is cleaned up.
    fx.write("out/fr/.kyr-Lf0v3r.tmp", "half a PDF");
    fx.append("out/.kyr/temporary", "fr/.kyr-Lf0v3r.tmp\n");
    let run = fx.run(&["build", "-j", "1"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!fx.out("fr/.kyr-Lf0v3r.tmp").exists());
    for entry in walkdir::WalkDir::new(fx.out("")) {
        let entry = entry.unwrap();
        assert!(
            !entry.file_name().to_string_lossy().ends_with(".tmp"),
            "{} left",
            entry.path().display()
        );
    }
    // The site is now what an uninterrupted build makes.
    for entry in walkdir::WalkDir::new(fx.root().join("reference")) {
        let entry = entry.unwrap();
        if !entry.file_type().is_file() || entry.path().to_string_lossy().contains("/.kyr") {
            continue;
        }
        let relative = entry
            .path()
            .strip_prefix(fx.root().join("reference"))
            .unwrap();
        assert!(
            fs::read(entry.path()).unwrap() == fs::read(fx.out("").join(relative)).unwrap(),
            "{} differs",
            relative.display()
        );
    }
}

#[test]
fn two_builds_into_one_folder_take_turns_and_a_held_lock_makes_no_wait_exit_2() {
    let fx = Fixture::new("build/basic");
    let single = Fixture::new("build/basic");
    let run = single.run(&["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);

    // Two builds started together both finish, one after the other, and
    // the pages are those of a single build.
    let kyr = env!("CARGO_BIN_EXE_kyr");
    let start = || {
        std::process::Command::new(kyr)
            .args(["build", "--force", "-q"])
            .current_dir(fx.root())
            .env("SOURCE_DATE_EPOCH", "1767225600")
            .spawn()
            .unwrap()
    };
    let (mut a, mut b) = (start(), start());
    assert!(a.wait().unwrap().success());
    assert!(b.wait().unwrap().success());
    for page in ["en/door.html", "fr/door.html", "ar/door.html", "index.html"] {
        assert_eq!(fx.page(page), single.page(page), "{page}");
    }

    // While another process holds the lock, --no-wait stops at once.
    let lock = std::fs::OpenOptions::new()
        .write(true)
        .open(fx.out(".kyr/lock"))
        .unwrap();
    lock.lock().unwrap();
    let run = fx.run(&["build", "--no-wait"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("another kyr build is writing"),
        "{}",
        run.stderr
    );
    // Without it, the build waits, says so, and goes on once the lock is
    // let go (as when the holder is killed: the lock goes with it).
    let mut waiting = std::process::Command::new(kyr)
        .args(["build"])
        .current_dir(fx.root())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(500));
    assert!(
        waiting.try_wait().unwrap().is_none(),
        "the build did not wait"
    );
    drop(lock);
    let output = waiting.wait_with_output().unwrap();
    assert!(output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("waiting for another kyr build writing"),
        "{stderr}"
    );
}

#[test]
fn merging_refuses_a_missing_shard_a_duplicate_another_epoch_and_other_inputs() {
    let fx = Fixture::new("build/basic");
    let build = |shard: &str, out: &str, env: &[(&str, &str)]| {
        let run = fx.run_with(
            &["build", "--format", "html", "--shard", shard, "--out", out],
            env,
        );
        assert_eq!(run.code, 0, "{}", run.stderr);
    };
    for k in 1..=3 {
        build(&format!("{k}/3"), &format!("s{k}"), &[]);
    }
    let merge = |sites: &[&str]| {
        let mut args = vec!["bundle", "--merge"];
        args.extend_from_slice(sites);
        args.extend_from_slice(&["--out", "merged.zip"]);
        let run = fx.run(&args);
        let _ = fs::remove_file(fx.root().join("merged.zip"));
        run
    };
    assert_eq!(merge(&["s1", "s2", "s3"]).code, 0);
    let refused = |sites: &[&str], words: &str| {
        let run = merge(sites);
        assert_eq!(run.code, 1, "{sites:?}: {}", run.stderr);
        assert!(run.stderr.contains(words), "{sites:?}: {}", run.stderr);
    };
    refused(&["s1", "s2"], "shard 3/3 is missing");
    refused(
        &["s1", "s1", "s2", "s3"],
        "shard 1/3 is given more than once: `s1`, `s1`",
    );
    build("1/2", "half", &[]);
    refused(
        &["half", "s2", "s3"],
        "`s2` is shard 2/3 but `half` is shard 1/2",
    );
    build("2/3", "later", &[("SOURCE_DATE_EPOCH", "1767225600")]);
    refused(
        &["s1", "later", "s3"],
        "`later` was built with SOURCE_DATE_EPOCH 1767225600",
    );
    let whole = fx.run(&["build", "--format", "html", "--out", "whole"]);
    assert_eq!(whole.code, 0);
    refused(&["whole", "s2", "s3"], "`whole` holds no shard record");
    // A message changed between the shards' builds.
    fx.replace(
        "locales/fr/door.ftl",
        "door-silent = Vous avez le droit de garder le silence.",
        "door-silent = Vous pouvez garder le silence.",
    );
    build("3/3", "changed", &[]);
    refused(
        &["s1", "s2", "changed"],
        "`s1` and `changed` were built from different inputs: `locales/fr/door.ftl` differs",
    );
    refused(
        &["s1", "s2", "s3"],
        "other inputs than the project as it is now: `locales/fr/door.ftl` differs",
    );
}

#[test]
fn merged_shards_are_dated_as_they_were_built_and_another_date_is_refused() {
    let fx = Fixture::new("build/basic");
    let at = [("SOURCE_DATE_EPOCH", "1767225600")];
    for k in 1..=2 {
        let run = fx.run_with(
            &[
                "build",
                "--shard",
                &format!("{k}/2"),
                "--out",
                &format!("s{k}"),
            ],
            &at,
        );
        assert_eq!(run.code, 0, "{}", run.stderr);
    }
    let whole = fx.run_with(&["build", "--out", "whole"], &at);
    assert_eq!(whole.code, 0, "{}", whole.stderr);
    let one = fx.run_with(&["bundle", "--site", "whole", "--out", "one.zip"], &at);
    assert_eq!(one.code, 0, "{}", one.stderr);
    // No SOURCE_DATE_EPOCH: the shards' own time, so the same bytes as
    // the single build's bundle.
    let merged = fx.run(&["bundle", "--merge", "s1", "s2", "--out", "merged.zip"]);
    assert_eq!(merged.code, 0, "{}", merged.stderr);
    assert!(
        fs::read(fx.root().join("one.zip")).unwrap()
            == fs::read(fx.root().join("merged.zip")).unwrap(),
        "the merged bundle is not dated as its shards"
    );
    let other = fx.run_with(
        &["bundle", "--merge", "s1", "s2", "--out", "other.zip"],
        &[("SOURCE_DATE_EPOCH", "1767312000")],
    );
    assert_eq!(other.code, 1, "{}", other.stderr);
    assert!(
        other
            .stderr
            .contains("SOURCE_DATE_EPOCH is 1767312000 but the shards were built with 1767225600"),
        "{}",
        other.stderr
    );
    assert!(!fx.root().join("other.zip").exists());
}

/// The files opened in `dirs` (not below them) while `run` runs, by
/// name: what was read or written there, as Linux's inotify reports it.
#[cfg(target_os = "linux")]
fn files_opened_during(dirs: &[std::path::PathBuf], run: impl FnOnce()) -> BTreeSet<String> {
    use std::collections::HashMap;
    use std::os::unix::ffi::OsStrExt;

    // SAFETY: plain calls to the inotify API with buffers this function
    // owns; every event is read within the bytes `read` returned.
    unsafe {
        let fd = libc::inotify_init1(libc::IN_NONBLOCK | libc::IN_CLOEXEC);
        assert!(fd >= 0, "inotify_init1 failed");
        let mut watched = HashMap::new();
        for dir in dirs {
            let path = std::ffi::CString::new(dir.as_os_str().as_bytes()).unwrap();
            let wd = libc::inotify_add_watch(fd, path.as_ptr(), libc::IN_OPEN);
            assert!(wd >= 0, "cannot watch {}", dir.display());
            watched.insert(wd, dir.clone());
        }
        run();
        let mut opened = BTreeSet::new();
        let mut buffer = vec![0u8; 1 << 20];
        loop {
            let read = libc::read(fd, buffer.as_mut_ptr().cast(), buffer.len());
            if read <= 0 {
                break;
            }
            let mut at = 0;
            while at < read as usize {
                let event = buffer
                    .as_ptr()
                    .add(at)
                    .cast::<libc::inotify_event>()
                    .read_unaligned();
                let header = std::mem::size_of::<libc::inotify_event>();
                let name = &buffer[at + header..at + header + event.len as usize];
                let name = String::from_utf8_lossy(name)
                    .trim_end_matches('\0')
                    .to_owned();
                if event.mask & libc::IN_ISDIR == 0 && !name.is_empty() {
                    opened.insert(watched[&event.wd].join(name).display().to_string());
                }
                at += header + event.len as usize;
            }
        }
        libc::close(fd);
        opened
    }
}

/// A build whose inputs have not changed opens none of the pages, PDFs
/// or text files it wrote: the facts later steps need (each folder's
/// characters for its fonts, the recordings its pages play) come from the
/// job records, and the index pages are told unchanged by their stamps.
#[cfg(target_os = "linux")]
#[test]
fn a_no_change_build_reads_no_page_back() {
    let fx = Fixture::new("build/basic");
    let options = BuildOptions {
        formats: vec![Format::Html, Format::Pdf, Format::Text],
        ..BuildOptions::default()
    };
    let (first, diags) = fx.build(&options);
    assert_eq!(first.diagnostics.error_count(), 0, "{diags}");
    let mut dirs = vec![fx.out("")];
    for entry in fs::read_dir(fx.out("")).unwrap().flatten() {
        if entry.file_type().unwrap().is_dir()
            && !entry.file_name().to_string_lossy().starts_with('.')
        {
            dirs.push(entry.path());
        }
    }
    // The watch sees a page that is read.
    let control = files_opened_during(&dirs, || {
        fs::read(fx.out("fr/door.html")).unwrap();
    });
    assert!(
        control.contains(&fx.out("fr/door.html").display().to_string()),
        "{control:?}"
    );

    let mut second = None;
    let opened = files_opened_during(&dirs, || second = Some(fx.build(&options)));
    let (second, _) = second.unwrap();
    assert!(second.written.is_empty(), "{:?}", second.written);
    let outputs: Vec<&String> = opened
        .iter()
        .filter(|p| {
            [".html", ".pdf", ".txt", ".woff2"]
                .iter()
                .any(|e| p.ends_with(e))
        })
        .collect();
    assert!(outputs.is_empty(), "a no-change build opened {outputs:?}");
}
