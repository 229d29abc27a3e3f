//! The generated HTML opened in a real browser: headless Chromium loads every
//! page over `file://`, as a reader does from a USB stick, and
//! `tests/browser/check.mjs` checks the reading direction of each locale, that
//! no request leaves the machine, that no script runs or fails, and that
//! axe-core finds no serious accessibility problem; and
//! `tests/browser/fonts.mjs` checks that the pages' own fonts draw Adlam and
//! Arabic where the system has no font for them, joined, and the Latin text
//! and punctuation where the system has script fonts that have them too;
//! `tests/browser/lines.mjs` checks, 360 px wide, that kyr's own lines
//! (states, print lists, footers) run and align in the direction of their
//! language and read in order; and
//! `tests/browser/record.mjs` records a message on the recording page of
//! `kyr serve`, 360 px wide, with Chromium's fake microphone or a file
//! chosen through the page's file input (the phone's own recorder), and
//! `tests/browser/work.mjs` reads the work index at `/`. Screenshots go
//! to `target/browser-screenshots/`; `tests/browser/translate.mjs`
//! translates a message on the translation page, 360 px wide.
//!
//! Each needs Chromium, Node and the packages of `tests/browser/`, but the
//! Firefox one, which needs only Firefox (`crate::Need`).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use crate::needs::FIREFOX;
use crate::util::{Fixture, Watching};

fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// `target/browser-screenshots/<name>/`, emptied, under `CARGO_TARGET_DIR` when set.
fn screenshot_dir(name: &str) -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(|t| manifest_dir().join(t))
        .unwrap_or_else(|| manifest_dir().join("target"));
    let dir = target.join("browser-screenshots").join(name);
    let _ = fs::remove_dir_all(&dir);
    dir
}

struct Check {
    ok: bool,
    report: Value,
    stderr: String,
}

impl Check {
    /// One page's result, by its path under `out/`.
    fn page(&self, rel: &str) -> &Value {
        self.report["pages"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["path"] == rel)
            .unwrap_or_else(|| panic!("`{rel}` was not checked:\n{}", self.stderr))
    }
}

/// Runs `tests/browser/check.mjs` on the fixture's `out/`.
fn check(fx: &Fixture, screenshots: &Path, extra: &[&str]) -> Check {
    let output = Command::new("node")
        .arg(manifest_dir().join("tests/browser/check.mjs"))
        .args(extra)
        .arg(fx.out(""))
        .arg(screenshots)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    let report = serde_json::from_str(&stdout)
        .unwrap_or_else(|e| panic!("no JSON from check.mjs ({e}):\n{stdout}\n{stderr}"));
    Check {
        ok: output.status.success(),
        report,
        stderr,
    }
}

pub(crate) fn shipped_pages_in_chromium_read_in_their_direction_offline_and_accessibly() {
    let fx = Fixture::shipped();
    // With the PDFs, so that the pages and the index link them.
    let run = fx.run(&["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let shots = screenshot_dir("shipped");
    let check = check(&fx, &shots, &[]);
    assert!(check.ok, "the browser check failed:\n{}", check.stderr);

    // The check saw the right-to-left pages and a Latin one, and left
    // screenshots of them to look at.
    for (rel, dir) in [
        ("index.html", "ltr"),
        ("en/red-card.html", "ltr"),
        ("ar/red-card.html", "rtl"),
        ("ff-Adlm/at-the-door.html", "rtl"),
    ] {
        let page = check.page(rel);
        assert_eq!(page["dir"], dir, "{rel}");
        assert_eq!(page["main_dir"], dir, "{rel}");
        let shot = shots.join(rel.replace(".html", ".png").replace('/', "-"));
        assert!(shot.is_file(), "no screenshot `{}`", shot.display());
    }
    // The check looked at print links' file names (none broke across
    // lines, or it would have failed), in the index's right-to-left
    // sections too.
    let index = fs::read_to_string(fx.out("index.html")).unwrap();
    assert!(index.contains(
        "<a href=\"ar/red-card.card-sheet.pdf\" dir=\"ltr\">red-card.card-sheet.pdf</a>"
    ));
    assert_eq!(
        check.page("index.html")["broken_file_names"],
        serde_json::json!([])
    );
}

pub(crate) fn hostile_translation_runs_nothing_in_chromium_and_shows_as_text() {
    let img = "<img src=x onerror=alert(1)>";
    let script = "<script>fetch('https://example.org')</script>";
    let organization = "</bdi><script>alert(2)</script>";
    let fx = Fixture::new("build/basic");
    fx.write(
        "locales/ar/door.ftl",
        &format!(
            "door-title = إذا جاء العملاء إلى بابك\n\
             door-silent = {img} {script}\n\
             door-sign = لا توقّع على أي شيء. اتصل بالرقم {{ $hotline }}.\n"
        ),
    );
    let toml = fs::read_to_string(fx.root().join("kyr.toml"))
        .unwrap()
        .replace(
            "organization = \"Legal Aid\"",
            &format!("organization = \"{organization}\""),
        );
    fx.write("kyr.toml", &toml);
    let run = fx.run(&["build", "--format", "html"]);
    assert_eq!(run.code, 0, "{}", run.stderr);

    let check = check(&fx, &screenshot_dir("hostile"), &["--with-text"]);
    // No dialog, no request, no script element, no error on any page.
    assert!(check.ok, "the browser check failed:\n{}", check.stderr);
    for rel in ["ar/door.html", "en/door.html"] {
        let page = check.page(rel);
        assert_eq!(page["dialogs"], serde_json::json!([]), "{rel}");
        assert_eq!(page["blocked"], serde_json::json!([]), "{rel}");
        for url in page["requests"].as_array().unwrap() {
            assert!(url.as_str().unwrap().starts_with("file:"), "{rel}: {url}");
        }
        assert_eq!(page["active_content"], serde_json::json!([]), "{rel}");
    }
    let ar = check.page("ar/door.html")["text"].as_str().unwrap();
    assert!(ar.contains(&format!("{img} {script}")), "{ar}");
    let en = check.page("en/door.html")["text"].as_str().unwrap();
    assert!(en.contains(organization), "{en}");
}

/// A screenshot's pixels, as RGB triples.
fn pixels(path: &str) -> (u32, u32, Vec<[u8; 3]>) {
    let decoder = png::Decoder::new(std::io::BufReader::new(fs::File::open(path).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let step = info.color_type.samples();
    let rgb = buf[..info.buffer_size()]
        .chunks(step)
        .map(|p| [p[0], p[1], p[2]])
        .collect();
    (info.width, info.height, rgb)
}

/// How many pixels are dark (text), in a screenshot.
fn ink(pixels: &[[u8; 3]]) -> usize {
    pixels
        .iter()
        .filter(|p| p.iter().map(|&c| u32::from(c)).sum::<u32>() < 300)
        .count()
}

/// Runs `tests/browser/fonts.mjs` on the fixture's `out/` with `probes`
/// (`page|selector|script`), Chromium's environment given `env`.
fn font_probes(
    fx: &Fixture,
    shots: &Path,
    probes: &[(&str, &str, &str)],
    env: &[(&str, &Path)],
) -> Value {
    let output = Command::new("node")
        .arg(manifest_dir().join("tests/browser/fonts.mjs"))
        .arg(fx.out(""))
        .arg(shots)
        .args(
            probes
                .iter()
                .map(|(page, selector, script)| format!("{page}|{selector}|{script}")),
        )
        .envs(env.iter().copied())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "fonts.mjs failed:\n{stderr}");
    serde_json::from_str(&stdout).unwrap()
}

/// A probe's word is drawn otherwise joined than with its letters kept
/// apart (U+200C between them, which changes nothing in Latin text),
/// which a font without its shaping tables would not do; an Arabic word
/// is narrower joined, too.
fn assert_joins(probe: &Value) {
    let joining = &probe["joining"];
    assert!(
        joining["differing"].as_u64().unwrap() > 30,
        "`{}` does not join: {joining}",
        joining["word"]
    );
    if probe["script"] == "Arabic" {
        let (joined, apart) = (
            joining["joined"].as_f64().unwrap(),
            joining["apart"].as_f64().unwrap(),
        );
        assert!(
            joined < apart * 0.95,
            "`{}` does not join: {joining}",
            joining["word"]
        );
    }
}

pub(crate) fn adlam_and_arabic_are_drawn_with_the_pages_own_fonts_over_file_urls() {
    let fx = Fixture::shipped();
    let run = fx.run(&["build", "--format", "html"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let shots = screenshot_dir("fonts");
    let probes = [
        // The Adlam page's own name for its language, in the switcher.
        ("ff-Adlm/at-the-door.html", "nav a", "Adlam"),
        // The index's Adlam heading.
        ("index.html", "section h2", "Adlam"),
        ("ar/at-the-door.html", "main p", "Arabic"),
    ];
    let report = font_probes(&fx, &shots, &probes, &[]);
    for (probe, (page, _, script)) in report["probes"].as_array().unwrap().iter().zip(probes) {
        let family = if script == "Adlam" {
            "Noto Sans Adlam"
        } else {
            "Noto Naskh Arabic"
        };
        // The page loaded the face over file://, and Chromium drew the
        // script's letters with it.
        assert!(
            probe["faces"]
                .as_array()
                .unwrap()
                .iter()
                .any(|f| f["family"] == family && f["status"] == "loaded"),
            "{page}: {family} not loaded: {probe}"
        );
        let used = probe["used"].as_array().unwrap();
        let ours = used
            .iter()
            .find(|f| f["family"] == family && f["custom"] == true)
            .unwrap_or_else(|| {
                panic!("{page}: {script} not drawn with the page's {family}: {probe}")
            });
        let letters = probe["text"]
            .as_str()
            .unwrap()
            .chars()
            .filter(|c| match script {
                "Adlam" => ('\u{1E900}'..='\u{1E95F}').contains(c),
                _ => ('\u{0600}'..='\u{06FF}').contains(c),
            })
            .count();
        assert!(
            ours["glyphs"].as_u64().unwrap() as usize >= letters.min(1),
            "{page}: {probe}"
        );
        // Without the page's fonts (no such font on this system) the
        // letters come out otherwise: the screenshots differ, and both
        // have ink.
        let (w, h, with) = pixels(probe["shot"].as_str().unwrap());
        let (w2, h2, without) = pixels(probe["shotWithout"].as_str().unwrap());
        assert!(ink(&with) > 20, "{page}: nothing drawn");
        let differing = if (w, h) == (w2, h2) {
            with.iter().zip(&without).filter(|(a, b)| a != b).count()
        } else {
            with.len()
        };
        assert!(
            differing > 50,
            "{page}: the {script} text looks the same without the page's fonts"
        );
        if script == "Adlam" {
            assert!(
                probe["usedWithout"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .all(|f| f["family"] != family),
                "this system has {family}: the test cannot tell the page's font from it"
            );
        }
        // Arabic and Adlam still join: the subsets kept their shaping
        // tables, and the Latin face before them in the stack takes none
        // of their letters.
        assert_joins(probe);
    }
}

pub(crate) fn latin_spaces_and_colons_come_from_the_latin_face_where_the_system_has_script_fonts() {
    let fx = Fixture::shipped();
    let run = fx.run(&["build", "--format", "html"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // A system with Noto Naskh Arabic and Noto Sans Devanagari installed,
    // as many desktops have (both have spaces, colons and digits): the
    // bundled files, through a fontconfig of the test's own beside the
    // system's.
    let system = tempfile::tempdir().unwrap();
    let fonts = system.path().join("fonts");
    fs::create_dir_all(&fonts).unwrap();
    for face in [
        "NotoNaskhArabic-Regular.ttf",
        "NotoSansDevanagari-Regular.ttf",
    ] {
        fs::copy(
            manifest_dir().join("assets/fonts").join(face),
            fonts.join(face),
        )
        .unwrap();
    }
    let conf = system.path().join("fonts.conf");
    fs::write(
        &conf,
        format!(
            "<?xml version=\"1.0\"?>\n<!DOCTYPE fontconfig SYSTEM \"fonts.dtd\">\n<fontconfig>\n\
             <include ignore_missing=\"yes\">/etc/fonts/fonts.conf</include>\n\
             <dir>{}</dir>\n<cachedir>{}</cachedir>\n</fontconfig>\n",
            fonts.display(),
            system.path().join("cache").display()
        ),
    )
    .unwrap();
    let probes = [
        // Latin text of a page that loads no Devanagari.
        ("en/at-the-door.html", "main p", "Latin"),
        // Arabic text with spaces, a colon, Latin and digits in it.
        ("ar/at-the-door.html", "footer .help", "Arabic"),
        ("index.html", "section .state", "Arabic"),
        ("ff-Adlm/at-the-door.html", "nav a", "Adlam"),
    ];
    let report = font_probes(
        &fx,
        &screenshot_dir("latin-face"),
        &probes,
        &[("FONTCONFIG_FILE", conf.as_path())],
    );
    let probes = report["probes"].as_array().unwrap();
    for probe in probes {
        // Every glyph comes from the page's own fonts: none from the
        // system's script fonts, none from its other fonts.
        let used = probe["used"].as_array().unwrap();
        assert!(
            used.iter().all(|f| f["custom"] == true),
            "{}: drawn with a font of the system's: {used:?}",
            probe["path"]
        );
        let text = probe["text"].as_str().unwrap();
        let punctuation = text.chars().filter(|c| matches!(c, ' ' | ':')).count();
        let latin: u64 = used
            .iter()
            .filter(|f| f["family"] == "Noto Sans")
            .map(|f| f["glyphs"].as_u64().unwrap())
            .sum();
        assert!(
            latin as usize >= punctuation,
            "{}: {punctuation} spaces and colons, {latin} glyphs of the Latin face: {used:?}",
            probe["path"]
        );
        if probe["script"] != "Latin" {
            assert_joins(probe);
        }
    }
    // The system's fonts were there to take them: without the page's
    // fonts, Chromium draws the spaces of the Latin text with the
    // system's Noto Naskh Arabic.
    assert!(
        probes[0]["usedWithout"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["family"] == "Noto Naskh Arabic" && f["custom"] == false),
        "the system's fonts were not installed: {}",
        probes[0]
    );
}

/// Runs `tests/browser/lines.mjs` on `pages` of the fixture's `out/`:
/// the report, and whether every line passed (with what failed).
fn lines(fx: &Fixture, shots: &Path, pages: &[&str]) -> (Value, Result<(), String>) {
    let output = Command::new("node")
        .arg(manifest_dir().join("tests/browser/lines.mjs"))
        .arg(fx.out(""))
        .arg(shots)
        .args(pages)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    let report = serde_json::from_str(&stdout)
        .unwrap_or_else(|e| panic!("no JSON from lines.mjs ({e}):\n{stdout}\n{stderr}"));
    (report, output.status.success().then_some(()).ok_or(stderr))
}

/// The line of `page` in the report that is a `what` within `within`
/// and whose text starts with `start`.
fn line<'a>(report: &'a Value, page: &str, what: &str, within: &str, start: &str) -> &'a Value {
    report["pages"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["path"] == page)
        .flat_map(|p| p["lines"].as_array().unwrap())
        .find(|l| {
            l["what"] == what
                && l["within"] == within
                && l["text"].as_str().unwrap().starts_with(start)
        })
        .unwrap_or_else(|| panic!("{page}: no {what} in {within} starting `{start}`: {report}"))
}

pub(crate) fn kyrs_own_lines_read_in_the_direction_of_their_language_on_a_narrow_phone() {
    let fx = Fixture::shipped();
    let run = fx.run(&["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let pages = [
        "index.html",
        "en/at-the-door.html",
        "ar/at-the-door.html",
        "ff-Adlm/at-the-door.html",
        "wo/at-the-door.html",
    ];
    let (report, passed) = lines(&fx, &screenshot_dir("lines"), &pages);
    // No line anywhere runs against its language, starts away from its
    // start edge or reads out of order at 360 px.
    passed.unwrap_or_else(|failed| panic!("{failed}"));
    // ff-Adlm's state on the index is French: it runs left to right
    // inside the right-to-left section (it ran right to left, and its two
    // sentences into each other).
    let ff_adlm = line(&report, "index.html", "p.state", "ff-Adlm", "Traduit à ");
    assert_eq!(ff_adlm["dir"], "ltr", "{ff_adlm}");
    assert_eq!(ff_adlm["langs"], serde_json::json!(["fr"]), "{ff_adlm}");
    assert!(
        ff_adlm["text"]
            .as_str()
            .unwrap()
            .contains("Cette traduction")
    );
    let ar = line(&report, "index.html", "p.state", "ar", "نسبة الترجمة");
    assert_eq!(ar["dir"], "rtl", "{ar}");
    // The French print list on the ff-Adlm page, file name first, and
    // Arabic's own in its direction.
    for (page, within, start, dir) in [
        (
            "ff-Adlm/at-the-door.html",
            "ff-Adlm",
            "at-the-door.pdf Fiche",
            "ltr",
        ),
        ("wo/at-the-door.html", "wo", "at-the-door.pdf Fiche", "ltr"),
        ("ar/at-the-door.html", "ar", "at-the-door.pdf النشرة", "rtl"),
        (
            "en/at-the-door.html",
            "en",
            "at-the-door.pdf Handout",
            "ltr",
        ),
    ] {
        let item = line(&report, page, "li", within, start);
        assert_eq!(item["dir"], dir, "{item}");
        assert!(item["gap"].as_f64().unwrap().abs() <= 1.5, "{item}");
    }
    for (page, within, dir) in [
        ("ff-Adlm/at-the-door.html", "ff-Adlm", "ltr"),
        ("ar/at-the-door.html", "ar", "rtl"),
    ] {
        let help = line(&report, page, "p.help", within, "");
        assert_eq!(help["dir"], dir, "{help}");
    }

    // Arabic's state in two languages: a line each, in its direction.
    let fx = Fixture::new("build/basic");
    fx.write(
        "locales/ar/kyr.ftl",
        "kyr-unreviewed = لم تتم مراجعة هذه الترجمة بعد.\n",
    );
    let run = fx.run(&["build", "--format", "html"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let (report, passed) = lines(&fx, &screenshot_dir("lines-mixed"), &["index.html"]);
    passed.unwrap_or_else(|failed| panic!("{failed}"));
    let english = line(&report, "index.html", "p.state", "ar", "");
    assert!(
        english["text"].as_str().unwrap().ends_with("translated"),
        "{english}"
    );
    assert_eq!(english["dir"], "ltr", "{english}");
    let arabic = line(&report, "index.html", "p.state", "ar", "لم تتم");
    assert_eq!(arabic["dir"], "rtl", "{arabic}");
}

/// A screenshot of `page` by headless Firefox, as a phone-sized window.
fn firefox_screenshot(page: &Path, shot: &Path, profile: &Path) {
    let output = Command::new(FIREFOX)
        .args(["--headless", "--no-remote", "--profile"])
        .arg(profile)
        .args(["--window-size", "412,915", "--screenshot"])
        .arg(shot)
        .arg(format!("file://{}", page.display()))
        .env("MOZ_HEADLESS", "1")
        .output()
        .unwrap();
    assert!(
        shot.is_file(),
        "Firefox made no screenshot: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

pub(crate) fn the_pages_fonts_load_over_file_urls_in_firefox_too() {
    let fx = Fixture::shipped();
    let run = fx.run(&["build", "--format", "html"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let shots = screenshot_dir("firefox");
    fs::create_dir_all(&shots).unwrap();
    let profile = tempfile::tempdir().unwrap();
    let page = fx.out("ff-Adlm/at-the-door.html");
    // Firefox refuses fonts from a parent folder of a file:// page; these
    // are beside it. With them, and with the Adlam faces taken away: the
    // Adlam name in the language switcher must come out otherwise.
    let with = shots.join("ff-Adlm-with-fonts.png");
    firefox_screenshot(&page, &with, profile.path());
    for face in ["NotoSansAdlam-Regular.woff2", "NotoSansAdlam-Bold.woff2"] {
        fs::remove_file(fx.out(&format!("ff-Adlm/fonts/{face}"))).unwrap();
    }
    let without = shots.join("ff-Adlm-without-adlam.png");
    firefox_screenshot(&page, &without, profile.path());
    let (w, h, a) = pixels(with.to_str().unwrap());
    let (w2, h2, b) = pixels(without.to_str().unwrap());
    assert_eq!((w, h), (w2, h2));
    let differing = a.iter().zip(&b).filter(|(x, y)| x != y).count();
    assert!(
        differing > 50,
        "Firefox drew the Adlam name the same without the page's Adlam font: it did not load it"
    );
}

/// The address of a `kyr serve` running on the fixture, once it watches.
fn serve_address(serve: &Watching) -> String {
    let lines = serve.wait_for("recording page:");
    let line = lines.last().unwrap();
    let address = line
        .split_whitespace()
        .find_map(|w| {
            w.starts_with("http://127.0.0.1:")
                .then(|| w.strip_suffix("record/"))
                .flatten()
        })
        .unwrap_or_else(|| panic!("no recording page address in {line:?}"))
        .to_owned();
    serve.wait_for("watching");
    address
}

/// Runs `tests/browser/<script>` with `args`; its JSON report.
fn run_script(script: &str, args: &[&std::ffi::OsStr]) -> Value {
    let output = Command::new("node")
        .arg(manifest_dir().join("tests/browser").join(script))
        .args(args)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "{script} failed:\n{stderr}\n{stdout}"
    );
    serde_json::from_str(&stdout).unwrap()
}

/// `door-title` in `tag` has one recording, `file`, confirmed in the
/// locale's lock file, and `kyr check` finds nothing wrong with it.
fn the_only_recording_is_confirmed_and_checked(fx: &Fixture, tag: &str, file: &str) {
    let audio = fx.root().join("locales").join(tag).join("audio");
    let names: Vec<_> = fs::read_dir(&audio)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, [file]);
    let lock = fs::read_to_string(fx.root().join("locales").join(tag).join("kyr-lock.toml"));
    let lock: toml::Table = toml::from_str(&lock.unwrap()).unwrap();
    assert!(
        lock["audio"].as_table().unwrap().contains_key("door-title"),
        "{lock}"
    );
    let check = fx.run(&["check", "--locale", tag, "--message-format", "json"]);
    for line in check.stdout.lines().filter(|l| !l.trim().is_empty()) {
        let problem: Value = serde_json::from_str(line).unwrap();
        let code = problem["code"].as_str().unwrap_or_default();
        assert!(!code.starts_with("audio-"), "{line}");
    }
}

pub(crate) fn a_message_recorded_in_chromium_is_saved_confirmed_and_on_the_rebuilt_page() {
    let fx = Fixture::new("build/basic");
    // The pages' Listen section names itself with this interface message.
    fx.append("locales/en/kyr.ftl", "kyr-listen = Listen\n");
    let serve = Watching::run(&fx, "serve", &["--port", "0", "--format", "html"]);
    let address = serve_address(&serve);
    let shots = screenshot_dir("record");
    let page = format!("{address}record/fr/door");
    let report = run_script("record.mjs", &[page.as_ref(), shots.as_ref()]);
    assert_eq!(report["position"], "1 / 5", "{report}");
    assert_eq!(report["after"]["position"], "2 / 5", "{report}");
    assert_eq!(report["back"]["state"], "enregistré", "{report}");

    // Saved as Ogg Opus, the only recording of the message, confirmed.
    let saved = fs::read(fx.root().join("locales/fr/audio/door-title.ogg")).unwrap();
    let info = kyr::audio::probe(&saved, kyr::audio::Container::OggOpus).unwrap();
    assert!(!info.is_silent(), "Chromium's beep was saved as silence");
    the_only_recording_is_confirmed_and_checked(&fx, "fr", "door-title.ogg");

    // The watcher's rebuild puts it on the page, beside it (the page is
    // written first, the recording copied after the pages).
    let page = fx.out("fr/door.html");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while !fs::read_to_string(&page)
        .unwrap_or_default()
        .contains("<audio controls preload=\"none\" src=\"audio/door-title.ogg\"")
        || !fx.out("fr/audio/door-title.ogg").is_file()
    {
        assert!(
            std::time::Instant::now() < deadline,
            "no player on the rebuilt page:\n{}",
            fs::read_to_string(&page).unwrap_or_default()
        );
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
    assert!(fx.out("fr/audio/door-title.ogg").is_file());
    // Nothing on disk runs script, and the recording page is not there.
    for entry in walkdir::WalkDir::new(fx.out("")) {
        let entry = entry.unwrap();
        if !entry.file_type().is_file() {
            continue;
        }
        let bytes = fs::read(entry.path()).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        let shown = entry.path().display();
        assert!(!text.contains("<script"), "`{shown}` holds a script");
        assert!(
            !text.contains("id=\"recorder\""),
            "`{shown}` is a recording page"
        );
    }
    assert!(!fx.out("record").exists());
}

/// The fixture with a Wolof locale read from French: wo → fr → en.
fn with_wolof(fx: &Fixture) {
    fx.append(
        "kyr.toml",
        "\n[locales.wo]\nendonym = \"Wolof\"\nfallback = [\"fr\"]\n",
    );
    fx.write("locales/wo/door.ftl", "");
}

pub(crate) fn a_phones_recording_chosen_through_the_file_input_is_saved_checked_and_played() {
    let fx = Fixture::new("build/basic");
    with_wolof(&fx);
    let serve = Watching::run(&fx, "serve", &["--port", "0", "--format", "html"]);
    let address = serve_address(&serve);
    let shots = screenshot_dir("record-file");
    let page = format!("{address}record/wo/door");
    let m4a = manifest_dir().join("tests/fixtures/audio/tone.m4a");
    let report = run_script("record.mjs", &[page.as_ref(), shots.as_ref(), m4a.as_ref()]);
    // The Wolof page speaks French, and shows the French title.
    assert_eq!(report["lang"], "fr", "{report}");
    assert_eq!(
        report["title"], "Si des agents viennent à votre porte",
        "{report}"
    );
    assert_eq!(
        report["before"]["state"], "pas encore enregistré",
        "{report}"
    );
    assert_eq!(report["before"]["players"]["shown"], 0, "{report}");
    assert_eq!(
        report["take"]["said"], "Écoutez l’enregistrement choisi. Gardez-le s’il est bon.",
        "{report}"
    );
    // Saved, and the page moved to the next message saying so.
    assert_eq!(report["after"]["position"], "2 / 5", "{report}");
    let saved = report["after"]["saved"].as_str().unwrap();
    assert!(
        saved.contains("Le message") && saved.contains("est gardé"),
        "{report}"
    );
    // Back on it: recorded, its M4A in the one player, which played.
    assert_eq!(report["back"]["state"], "enregistré", "{report}");
    assert_eq!(
        report["back"]["src"], "/record/wo/audio/door-title.m4a",
        "{report}"
    );

    // Kept as the phone made it, confirmed, and `kyr check` finds nothing
    // wrong with it.
    let audio = fx.root().join("locales/wo/audio");
    let kept = fs::read(audio.join("door-title.m4a")).unwrap();
    assert_eq!(kept, fs::read(&m4a).unwrap());
    the_only_recording_is_confirmed_and_checked(&fx, "wo", "door-title.m4a");
}

pub(crate) fn the_work_index_lists_languages_by_their_names_and_links_the_next_thing_to_do() {
    let fx = Fixture::new("build/basic");
    with_wolof(&fx);
    let serve = Watching::run(&fx, "serve", &["--port", "0", "--format", "html"]);
    let address = serve_address(&serve);
    let shots = screenshot_dir("work");
    let report = run_script("work.mjs", &[address.as_ref(), shots.as_ref()]);
    // In the phone's language (French), by the languages' own names.
    assert_eq!(report["lang"], "fr", "{report}");
    assert_eq!(report["heading"], "Le travail à faire", "{report}");
    let languages: Vec<(&str, &str)> = report["languages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| (l["name"].as_str().unwrap(), l["dir"].as_str().unwrap()))
        .collect();
    assert_eq!(
        languages,
        [
            ("English", "ltr"),
            ("Français", "ltr"),
            ("Pulaar", "ltr"),
            ("Wolof", "ltr"),
            ("العربية", "rtl"),
            ("𞤆𞤵𞤤𞤢𞤪", "rtl"),
        ],
        "{report}"
    );
    // Wolof's next thing is its first message to translate; English's,
    // the reference, its first to record, and that link leads there.
    let next: Vec<&str> = report["next"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["href"].as_str().unwrap())
        .collect();
    assert!(next.contains(&"/translate/wo/door?at=1"), "{report}");
    assert!(next.contains(&"/record/en/door?at=1"), "{report}");
    assert_eq!(report["followed"]["position"], "1 / 5", "{report}");
    // The built site's own index is still served, at `/index.html`.
    assert_eq!(report["site"]["status"], 200, "{report}");
    assert_eq!(report["site"]["work"], false, "{report}");
}

pub(crate) fn a_served_page_keeps_its_style_under_the_servers_policy_and_reloads_after_a_rebuild() {
    let fx = Fixture::new("build/basic");
    let serve = Watching::run(&fx, "serve", &["--port", "0", "--format", "html"]);
    let address = serve_address(&serve);
    let mut script = Command::new("node")
        .arg(manifest_dir().join("tests/browser/served.mjs"))
        .arg(format!("{address}ar/door.html"))
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = std::io::BufReader::new(script.stdout.take().unwrap());
    let mut line = String::new();
    std::io::BufRead::read_line(&mut stdout, &mut line).unwrap();
    assert_eq!(line.trim(), "loaded", "served.mjs did not load the page");
    fx.replace("locales/ar/door.ftl", "door-title = ", "door-title = ! ");
    let output = script.wait_with_output().unwrap();
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut stdout, &mut rest).unwrap();
    assert!(
        output.status.success(),
        "served.mjs failed:\n{}\n{rest}",
        String::from_utf8_lossy(&output.stderr)
    );
    let report: Value = serde_json::from_str(rest.trim()).unwrap();
    // The page's own style applied: not the browser's 8px body margin.
    assert_ne!(report["styled"]["margin"], "8px", "{report}");
}

/// What `translate.mjs` saw on the translation page: Wolof's volunteer
/// reads it in French, from the French text; a mistake is explained beside
/// the field, in French, where it is; the fixed text is previewed, saved,
/// and the page moves on to the next message.
fn what_the_volunteer_saw_on_the_translation_page(report: &Value) {
    // Wolof's volunteer reads the page in French, from the French text.
    assert_eq!(report["lang"], "fr", "{report}");
    assert_eq!(report["position"], "5 / 6", "{report}");
    assert_eq!(
        report["bridge"], "Ne signez rien. Appelez le hotline +1 (555) 010-1234.",
        "{report}"
    );
    assert!(
        report["today"]
            .as_str()
            .unwrap()
            .contains("les pages l’affichent en Français"),
        "{report}"
    );
    // The mistake, explained beside the field, in French, where it is.
    let mistake = report["mistake"].as_str().unwrap();
    assert!(
        mistake.starts_with("Deux étoiles ** ouvrent un texte en gras qui n’est pas fermé"),
        "{report}"
    );
    assert!(mistake.contains("Ligne 1, caractère 12."), "{report}");
    assert_eq!(report["mistakeSaveDisabled"], true, "{report}");
    assert!(
        report["warning"]
            .as_str()
            .unwrap()
            .starts_with("Un numéro ou un nom du texte d’origine manque"),
        "{report}"
    );
    assert_eq!(report["fixed"], "Aucun problème trouvé.", "{report}");
    let preview = report["preview"].as_str().unwrap();
    assert!(
        preview.contains("Bul xaatim <strong>dara</strong>. Woo <a href=\"tel:+15550101234\">"),
        "{report}"
    );
    assert!(
        report["said"]
            .as_str()
            .unwrap()
            .starts_with("Enregistré dans locales/wo/door.ftl"),
        "{report}"
    );
    assert!(
        report["movedTo"]
            .as_str()
            .unwrap()
            .ends_with("/translate/wo/door?at=6"),
        "{report}"
    );
    assert_eq!(report["nextPosition"], "6 / 6", "{report}");
}

pub(crate) fn a_message_translated_in_chromium_is_checked_saved_alone_and_on_the_rebuilt_page() {
    let fx = Fixture::new("translate/shelter");
    let file = fx.root().join("locales/wo/door.ftl");
    let before = fs::read(&file).unwrap();
    let serve = Watching::run(&fx, "serve", &["--port", "0", "--format", "html"]);
    // The server's address, with its final slash.
    let base = serve_address(&serve);

    let shots = screenshot_dir("translate");
    let page = format!("{base}translate/wo/door?at=5");
    let report = run_script("translate.mjs", &[page.as_ref(), shots.as_os_str()]);
    what_the_volunteer_saw_on_the_translation_page(&report);

    // The file differs from before only by that message, added at its
    // end in its own line ends (it had none of it).
    let after = fs::read(&file).unwrap();
    assert_eq!(&after[..before.len()], &before[..]);
    assert_eq!(
        String::from_utf8_lossy(&after[before.len()..]),
        "door-sign =\r\n    Bul xaatim **dara**.\r\n    Woo { $hotline }.\r\n"
    );
    // The rebuilt page, as served, shows it.
    let port: u16 = base
        .trim_end_matches('/')
        .rsplit(':')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    loop {
        let (status, page) = crate::util::get(port, "/wo/door.html");
        // A line break inside a list item is printed as a space.
        if status == 200 && page.contains("Bul xaatim <strong>dara</strong>. Woo <a href") {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the served page has not the new text:\n{page}"
        );
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
    assert!(!fx.out("translate").exists());
}

pub(crate) fn a_served_pages_problems_show_at_its_top_on_a_phone_under_the_servers_policy() {
    let fx = Fixture::new("build/basic");
    fx.with_real_contacts();
    fx.append(
        "kyr.toml",
        "\n[locales.wo]\nendonym = \"Wolof\"\nfallback = [\"fr\"]\n",
    );
    fx.write(
        "locales/wo/door.ftl",
        "door-title = Bu agent yi ñëwee ci sa bunt\ndoor-silent Am nga sañ-sañ bu noppi.\n",
    );
    fx.replace("locales/ar/door.ftl", "door-silent = ", "door-silent ");
    let serve = Watching::run(&fx, "serve", &["--port", "0", "--format", "html"]);
    let address = serve_address(&serve);
    let shots = screenshot_dir("problems");
    fs::create_dir_all(&shots).unwrap();
    // Wolof reads French; an Arabic page's box is Arabic, right to left.
    for (page, language, lang, page_dir, place) in [
        ("wo/door.html", "", "fr", "ltr", "locales/wo/door.ftl:2:13"),
        (
            "ar/door.html",
            "ar",
            "ar",
            "rtl",
            "locales/ar/door.ftl:2:13",
        ),
    ] {
        let shot = shots.join(page.replace('/', "-").replace(".html", ".png"));
        let output = Command::new("node")
            .arg(manifest_dir().join("tests/browser/problems.mjs"))
            .arg(format!("{address}{page}"))
            .arg(&shot)
            .arg(language)
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(
            output.status.success(),
            "problems.mjs failed on {page}:\n{}\n{stdout}",
            String::from_utf8_lossy(&output.stderr)
        );
        let report: Value = serde_json::from_str(stdout.trim()).unwrap();
        assert_eq!(report["lang"], lang, "{page}: {report}");
        // The box reads in its language's direction (Arabic right to
        // left), its file names left to right (`place`, checked in the
        // script).
        let dir = if lang == "ar" { "rtl" } else { "ltr" };
        assert_eq!(report["dir"], dir, "{page}: {report}");
        assert_eq!(report["pageDir"], page_dir, "{page}: {report}");
        assert_eq!(report["place"], place, "{page}: {report}");
    }
}
