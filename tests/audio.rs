//! Recordings as translations: checked and located like text, kept in
//! step with the text they read, played on the pages, copied beside them,
//! pointed at from paper, and numbered in the bundle. The recordings are
//! the committed fixtures of `tests/fixtures/audio/` (see its README).

use std::io::Read as _;
use std::path::Path;

use kyr::inspect::{Typesetter, page_texts};
use typst::layout::{Frame, FrameItem};
use typst_layout::PagedDocument;

use crate::util::Fixture;

fn fixture_audio(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/audio")
            .join(name),
    )
    .unwrap()
}

/// `build/basic` with recordings: `ff` (which shows French) has read
/// `door-title` and `door-intro` aloud.
fn recorded() -> Fixture {
    let fx = Fixture::new("build/basic");
    // Pulaar has no text of its own: every recording reads the French.
    fx.write("locales/ff/door.ftl", "");
    put(&fx, "ff", "door-title.m4a", "tone.m4a");
    put(&fx, "ff", "door-intro.ogg", "tone.ogg");
    fx
}

fn put(fx: &Fixture, tag: &str, name: &str, fixture: &str) {
    let dir = fx.root().join("locales").join(tag).join("audio");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(name), fixture_audio(fixture)).unwrap();
}

#[test]
fn each_recording_problem_is_located_with_its_own_code_in_check_and_build() {
    let fx = recorded();
    put(&fx, "fr", "door-silent.ogg", "silence.ogg");
    put(&fx, "fr", "door-sign.ogg", "corrupt.ogg");
    put(&fx, "fr", "door-call.ogg", "renamed.ogg");
    put(&fx, "fr", "door-title.wav", "empty.wav");
    put(&fx, "fr", "door-intr.mp3", "tone.mp3");
    std::fs::write(fx.root().join("locales/fr/audio/notes.txt"), "to do").unwrap();
    let expected = [
        "locales/fr/audio/door-call.ogg:1:1: error: `door-call.ogg` is named as an Ogg Opus but it is an MP3 file",
        "locales/fr/audio/door-intr.mp3:1:1: warning: no document uses a message `door-intr`, so the recording `door-intr.mp3` is not played anywhere",
        "locales/fr/audio/door-sign.ogg:1:1: error: the recording `door-sign.ogg` is damaged: the file ends in the middle of an ogg page (it was cut off)",
        "locales/fr/audio/door-silent.ogg:1:1: error: the recording `door-silent.ogg` is silent: 1.5 s with nothing louder than digital silence",
        "locales/fr/audio/door-title.wav:1:1: error: the recording `door-title.wav` is empty (0 bytes)",
        "locales/fr/audio/notes.txt:1:1: warning: `notes.txt` is not a recording kyr reads, and is ignored",
    ];
    let hints = [
        "rename it to `door-call.mp3`",
        "did you mean `door-intro`? rename the file to `door-intro.mp3`",
        "the microphone was probably muted",
    ];
    let check = fx.run(&["check"]);
    let build = fx.run(&["build", "--format", "html"]);
    for (command, run) in [("check", &check), ("build", &build)] {
        assert_eq!(run.code, 1, "{command}: {}", run.stderr);
        for line in expected {
            assert!(
                run.stderr.contains(line),
                "{command} lacks `{line}`:\n{}",
                run.stderr
            );
        }
        for hint in hints {
            assert!(run.stderr.contains(hint), "{command} lacks `{hint}`");
        }
    }
    // The codes, for tools.
    let json = fx.run(&["check", "--format", "json"]);
    let codes: Vec<String> = json
        .stdout
        .lines()
        .map(|line| serde_json::from_str::<serde_json::Value>(line).unwrap())
        .filter(|d| d["file"].as_str().is_some_and(|f| f.contains("/audio/")))
        .filter_map(|d| d["code"].as_str().map(str::to_owned))
        .collect();
    for code in [
        "audio-type",
        "audio-unknown",
        "audio-corrupt",
        "audio-silent",
        "audio-empty",
        "audio-format",
    ] {
        assert!(codes.iter().any(|c| c == code), "{code} not in {codes:?}");
    }
    // The broken recordings are played nowhere; the good ones are.
    let page = std::fs::read_to_string(fx.out("fr/door.html")).unwrap();
    assert!(!page.contains("<audio"), "{page}");
    assert!(fx.out("ff/audio/door-intro.ogg").is_file());

    // Two recordings of one message, and one over the size limit.
    let fx = recorded();
    put(&fx, "ff", "door-intro.mp3", "tone.mp3");
    fx.append("kyr.toml", "\n[limits]\nmax_audio_bytes = 7400\n");
    let check = fx.run(&["check"]);
    assert!(check.stderr.contains(
        "locales/ff/audio/door-intro.ogg:1:1: error: the recording is 7484 bytes, more than the limit of 7400 bytes; it is not used"
    ), "{}", check.stderr);
    assert!(
        check
            .stderr
            .contains("raise `max_audio_bytes` under `[limits]`")
    );
    let fx = recorded();
    put(&fx, "ff", "door-intro.mp3", "tone.mp3");
    let check = fx.run(&["check"]);
    assert!(check.stderr.contains(
        "locales/ff/audio/door-intro.ogg:1:1: error: `door-intro` has two recordings, `door-intro.mp3` and `door-intro.ogg`; only `door-intro.mp3` is used"
    ), "{}", check.stderr);
}

#[test]
fn a_recording_goes_stale_when_the_text_it_reads_changes_until_confirm_audio() {
    let fx = recorded();
    // Never confirmed: stale, and so counted.
    let check = fx.run(&["check"]);
    assert!(check.stderr.contains(
        "locales/ff/audio/door-intro.ogg:1:1: warning: the recording `door-intro.ogg` has not been confirmed against the text it reads"
    ), "{}", check.stderr);
    assert!(
        check
            .stderr
            .contains("run `kyr confirm ff --audio door-intro`")
    );
    let confirm = fx.run(&["confirm", "ff", "--audio"]);
    assert_eq!(confirm.code, 0, "{}", confirm.stderr);
    assert!(
        confirm.stderr.contains("confirmed 2 recordings of `ff`"),
        "{}",
        confirm.stderr
    );
    let lock = std::fs::read_to_string(fx.root().join("locales/ff/kyr-lock.toml")).unwrap();
    assert!(lock.contains("[audio]\ndoor-intro = \""), "{lock}");
    assert!(
        lock.contains("door-title = \"Si des agents viennent à votre porte\""),
        "{lock}"
    );
    assert!(!fx.run(&["check"]).stderr.contains("audio-stale"));
    // (The fixture has other warnings, which --strict also fails on.)
    let strict = fx.run(&["build", "--strict", "--format", "html"]);
    assert!(!strict.stderr.contains("/audio/"), "{}", strict.stderr);

    // The French text the Pulaar recording was read from changes.
    fx.replace(
        "locales/fr/door.ftl",
        "Si des agents viennent",
        "Si des policiers viennent",
    );
    let check = fx.run(&["check"]);
    assert!(check.stderr.contains(
        "locales/ff/audio/door-title.m4a:1:1: warning: the text `door-title.m4a` was recorded from changed after the recording was confirmed; it may no longer say the same"
    ), "{}", check.stderr);
    assert!(
        check
            .stderr
            .contains("the text was “Si des agents viennent à votre porte”")
    );
    assert!(
        check
            .stderr
            .contains("the text is now (in `fr`) “Si des policiers viennent à votre porte”")
    );
    // Still played, but failing --strict.
    let strict = fx.run(&["build", "--strict", "--format", "html"]);
    assert_eq!(strict.code, 1, "{}", strict.stderr);
    assert!(strict.stderr.contains(
        "locales/ff/audio/door-title.m4a:1:1: error: the text `door-title.m4a` was recorded from changed"
    ), "{}", strict.stderr);
    let build = fx.run(&["build", "--format", "html"]);
    assert_eq!(build.code, 0, "{}", build.stderr);
    assert!(
        fx.page("ff/door.html")
            .contains("src=\"audio/door-title.m4a\"")
    );

    // Status, in every format.
    let status = fx.run(&["status", "--locale", "ff"]);
    let ff = status
        .stdout
        .lines()
        .find(|l| l.starts_with("ff "))
        .unwrap();
    assert!(
        ff.ends_with("2 recorded, 1 stale, 3 missing"),
        "{}",
        status.stdout
    );
    assert!(
        status
            .stdout
            .contains("ff door: stale recordings door-title"),
        "{}",
        status.stdout
    );
    let markdown = fx.run(&["status", "--format", "markdown"]);
    assert!(markdown.stdout.starts_with(
        "| locale | translated | fallback | missing | stale | coverage | review | audio |"
    ));
    assert!(
        markdown.stdout.contains("| &emsp;`door` |")
            && markdown
                .stdout
                .contains("| 2 recorded, 1 stale, 3 missing |"),
        "{}",
        markdown.stdout
    );
    let json: serde_json::Value =
        serde_json::from_str(&fx.run(&["status", "--format", "json"]).stdout).unwrap();
    let ff = json
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["locale"] == "ff")
        .unwrap();
    assert_eq!(ff["audio"]["recorded"], 2);
    assert_eq!(ff["audio"]["stale"], 1);
    assert_eq!(ff["audio"]["missing"], 3);
    assert_eq!(ff["audio"]["duration_ms"], 3000);
    assert_eq!(ff["documents"][0]["audio"]["stale_ids"][0], "door-title");
    let fr = json
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["locale"] == "fr")
        .unwrap();
    assert_eq!(fr["audio"]["recorded"], 0);

    // Confirming one recording catches up.
    let confirm = fx.run(&["confirm", "ff", "--audio", "door-title"]);
    assert_eq!(confirm.code, 0, "{}", confirm.stderr);
    assert!(!fx.run(&["check"]).stderr.contains("audio-stale"));
    let strict = fx.run(&["build", "--strict", "--format", "html"]);
    assert!(!strict.stderr.contains("/audio/"), "{}", strict.stderr);
    // A message without a recording cannot be confirmed.
    let wrong = fx.run(&["confirm", "ff", "--audio", "door-sign"]);
    assert_eq!(wrong.code, 2);
    assert!(
        wrong
            .stderr
            .contains("`ff` has no usable recording of `door-sign` to confirm")
    );
}

#[test]
fn pages_play_recordings_from_files_beside_them_without_script() {
    let fx = recorded();
    let build = fx.run(&["build", "--format", "html"]);
    assert_eq!(build.code, 0, "{}", build.stderr);
    let page = fx.page("ff/door.html");
    // A player after each recorded block, labelled in the page's language
    // (here French, which ff falls back to), and a Listen section first.
    let players: Vec<&str> = page
        .match_indices("<audio ")
        .map(|(i, _)| &page[i..])
        .collect();
    assert_eq!(players.len(), 4, "{page}");
    for player in &players {
        assert!(player.starts_with("<audio controls preload=\"none\" src=\"audio/door-"));
    }
    let listen = page
        .find("<section class=\"listen-all\">")
        .expect("a Listen section");
    let title = page.find("<h1").unwrap();
    assert!(listen < title);
    let section = &page[listen..title];
    let first = section.find("audio/door-title.m4a").unwrap();
    let second = section.find("audio/door-intro.ogg").unwrap();
    assert!(first < second, "reading order");
    assert!(section.contains(">Si des agents viennent à votre porte</span>"));
    assert!(page.contains("<span class=\"listen-label\">"));
    // Pages of locales without recordings have none.
    assert!(!fx.page("fr/door.html").contains("<audio"));
    // Every file a player points at is there, the same bytes.
    for (file, fixture) in [
        ("door-title.m4a", "tone.m4a"),
        ("door-intro.ogg", "tone.ogg"),
    ] {
        assert_eq!(
            std::fs::read(fx.out(&format!("ff/audio/{file}"))).unwrap(),
            fixture_audio(fixture)
        );
    }
    // No file kyr wrote runs script.
    for entry in walkdir::WalkDir::new(fx.root().join("out")) {
        let entry = entry.unwrap();
        if entry.path().extension().is_some_and(|e| e == "html") {
            let html = std::fs::read_to_string(entry.path()).unwrap();
            assert!(
                !html.to_lowercase().contains("<script"),
                "{}",
                entry.path().display()
            );
        }
    }
    // A recording removed is removed from the output too.
    std::fs::remove_file(fx.root().join("locales/ff/audio/door-intro.ogg")).unwrap();
    let build = fx.run(&["build", "--format", "html"]);
    assert_eq!(build.code, 0, "{}", build.stderr);
    assert!(!fx.out("ff/audio/door-intro.ogg").exists());
    assert!(fx.out("ff/audio/door-title.m4a").exists());
    assert!(!fx.page("ff/door.html").contains("door-intro.ogg"));
}

fn compile(fx: &Fixture, tag: &str, doc: &str, what: &str) -> PagedDocument {
    let project = fx.load();
    let typesetter = Typesetter::new(&project, None);
    let typeset = typesetter.typeset(tag, doc, what).unwrap();
    match typeset.result {
        Ok(compiled) => compiled.document,
        Err(failed) => panic!("{tag}/{doc} {what}: {:?}", failed.diagnostics),
    }
}

/// A point or a size, in mm.
type Mm = (f64, f64);

/// The images on a frame: each one's position and size.
fn images(frame: &Frame, at: Mm, out: &mut Vec<(Mm, Mm)>) {
    for (point, item) in frame.items() {
        let here = (at.0 + point.x.to_mm(), at.1 + point.y.to_mm());
        match item {
            FrameItem::Group(group) => images(&group.frame, here, out),
            FrameItem::Image(_, size, _) => out.push((here, (size.x.to_mm(), size.y.to_mm()))),
            _ => {}
        }
    }
}

#[test]
fn an_audio_first_card_carries_a_qr_code_to_its_page_on_the_front() {
    let fx = Fixture::shipped();
    fx.with_real_contacts();
    fx.with_qr("https://kyr.example.net/{locale}/{document}.html");
    fx.read_by_ear(&["Wolof", "العربية"]);
    put(&fx, "wo", "card-intro.ogg", "tone.ogg");
    put(&fx, "ar", "door-intro.ogg", "tone.ogg");
    for tag in ["wo", "ar"] {
        let card = compile(&fx, tag, "red-card", "card");
        let front = &card.pages()[0];
        let mut found = Vec::new();
        images(&front.frame, (0.0, 0.0), &mut found);
        assert_eq!(found.len(), 1, "{tag}: {found:?}");
        let (position, size) = found[0];
        assert!(size.0 >= 12.0 && size.1 >= 12.0, "{tag}: {size:?}");
        // Inside the card, clear of the cut (3 mm).
        let card_size = (front.frame.size().x.to_mm(), front.frame.size().y.to_mm());
        assert!(
            position.0 >= 2.9 && position.1 >= 2.9,
            "{tag}: {position:?}"
        );
        assert!(
            position.0 + size.0 <= card_size.0 - 2.9,
            "{tag}: {position:?} {card_size:?}"
        );
        assert!(
            position.1 + size.1 <= card_size.1 - 2.9,
            "{tag}: {position:?} {card_size:?}"
        );
        assert_eq!(
            crate::print::qr_codes_at(front, 10.0),
            [format!("https://kyr.example.net/{tag}/red-card.html")],
            "{tag}"
        );
        // The back has none.
        assert!(crate::print::qr_codes(&card.pages()[1]).is_empty());
    }
    // The QR code sits at the end of the help line: right in Wolof, left in
    // Arabic.
    let start = |tag: &str| {
        let card = compile(&fx, tag, "red-card", "card");
        let mut found = Vec::new();
        images(&card.pages()[0].frame, (0.0, 0.0), &mut found);
        found[0].0.0
    };
    assert!(start("wo") > 60.0 && start("ar") < 10.0);
    // A locale read first on paper has no QR code on its card.
    let fr = compile(&fx, "fr", "red-card", "card");
    assert!(crate::print::qr_codes(&fr.pages()[0]).is_empty());
    // The handout of a locale with recordings labels its code "Listen".
    let handout = compile(&fx, "ar", "at-the-door", "handout");
    let texts = page_texts(&handout).concat();
    assert!(texts.contains("استمع"), "{texts}");
    let handout = compile(&fx, "fr", "at-the-door", "handout");
    assert!(!page_texts(&handout).concat().contains("Écouter"));
}

#[test]
fn the_bundle_numbers_each_documents_recordings_in_reading_order() {
    let fx = recorded();
    assert_eq!(fx.run(&["build", "--format", "html"]).code, 0);
    let bundle = fx.run(&["bundle"]);
    assert_eq!(bundle.code, 0, "{}", bundle.stderr);
    let file = std::fs::File::open(fx.out("kyr-bundle.zip")).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let mut manifest = String::new();
    zip.by_name("manifest.json")
        .unwrap()
        .read_to_string(&mut manifest)
        .unwrap();
    let manifest: serde_json::Value = serde_json::from_str(&manifest).unwrap();
    let audio: Vec<&serde_json::Value> = manifest["artifacts"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["format"] == "audio")
        .collect();
    let paths: Vec<&str> = audio.iter().map(|a| a["path"].as_str().unwrap()).collect();
    assert_eq!(
        paths,
        [
            "ff/audio/door-intro.ogg",
            "ff/audio/door-title.m4a",
            "ff/voice-notes/door/01-door-title.m4a",
            "ff/voice-notes/door/02-door-intro.ogg",
        ]
    );
    for artifact in &audio {
        let path = artifact["path"].as_str().unwrap();
        let mut bytes = Vec::new();
        zip.by_name(path).unwrap().read_to_end(&mut bytes).unwrap();
        let fixture = if path.ends_with(".m4a") {
            "tone.m4a"
        } else {
            "tone.ogg"
        };
        assert_eq!(bytes, fixture_audio(fixture), "{path}");
        let sha: String = <sha2::Sha256 as sha2::Digest>::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(artifact["sha256"], sha);
        let ms = artifact["duration_ms"].as_u64().unwrap();
        assert!(ms.abs_diff(1500) <= 50, "{path}: {ms}");
        assert_eq!(artifact["locale"], "ff");
    }
    assert_eq!(audio[2]["document"], "door");
    assert_eq!(audio[2]["layout"], "voice-notes");
    assert_eq!(audio[2]["message"], "door-title");
}

/// The paths of a bundle's recordings, as its manifest lists them.
fn bundled_recordings(fx: &Fixture) -> Vec<String> {
    let file = std::fs::File::open(fx.out("kyr-bundle.zip")).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let mut manifest = String::new();
    zip.by_name("manifest.json")
        .unwrap()
        .read_to_string(&mut manifest)
        .unwrap();
    let manifest: serde_json::Value = serde_json::from_str(&manifest).unwrap();
    manifest["artifacts"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["format"] == "audio")
        .map(|a| a["path"].as_str().unwrap().to_owned())
        .collect()
}

/// Which recordings a page plays is a fact its job recorded: the copies
/// beside the pages and the bundle's voice notes follow the record. A page
/// edited by hand afterwards (its players taken out) no longer matches its
/// record, so the bundle refuses it by name until it is built again.
#[test]
fn copies_and_voice_notes_follow_the_job_records_and_an_edited_page_is_refused() {
    let fx = recorded();
    assert_eq!(fx.run(&["build", "--format", "html"]).code, 0);
    let page = fx.out("ff/door.html");
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.contains("src=\"audio/door-title.m4a\""));
    // A page changed after its build no longer is what its record says:
    // it is refused by name, not bundled.
    std::fs::write(&page, html.replace("src=\"audio/", "src=\"elsewhere/")).unwrap();
    let refused = fx.run(&["bundle"]);
    assert_eq!(refused.code, 1, "{}", refused.stderr);
    assert!(
        refused
            .stderr
            .contains("`ff/door.html` in `out` is not the file its build wrote"),
        "{}",
        refused.stderr
    );
    // Rebuilt, the page plays them again, and the bundle carries them
    // beside it and as voice notes, in reading order.
    assert_eq!(fx.run(&["build", "--format", "html"]).code, 0);
    assert!(fx.out("ff/audio/door-title.m4a").is_file());
    assert!(
        std::fs::read_to_string(&page)
            .unwrap()
            .contains("src=\"audio/door-title.m4a\"")
    );
    let bundle = fx.run(&["bundle"]);
    assert_eq!(bundle.code, 0, "{}", bundle.stderr);
    assert_eq!(
        bundled_recordings(&fx),
        [
            "ff/audio/door-intro.ogg",
            "ff/audio/door-title.m4a",
            "ff/voice-notes/door/01-door-title.m4a",
            "ff/voice-notes/door/02-door-intro.ogg",
        ]
    );
}

/// A folder whose pages a kyr that recorded no facts built cannot say
/// which recordings its pages play: `bundle` asks for a build instead of
/// guessing, and the next build records them.
#[test]
fn a_folder_built_without_facts_is_built_again_before_it_is_bundled() {
    let fx = recorded();
    assert_eq!(fx.run(&["build", "--format", "html"]).code, 0);
    let record = fx.out(".kyr/jobs/ff/door.json");
    let mut json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&record).unwrap()).unwrap();
    let html = json["html"].as_object_mut().unwrap();
    for fact in ["facts_known", "chars", "recordings"] {
        html.remove(fact);
    }
    std::fs::write(&record, serde_json::to_vec_pretty(&json).unwrap()).unwrap();
    let refused = fx.run(&["bundle"]);
    assert_eq!(refused.code, 1, "{}", refused.stderr);
    assert!(
        refused.stderr.contains("was built by an older kyr")
            && refused.stderr.contains("run `kyr build` again"),
        "{}",
        refused.stderr
    );
    assert_eq!(fx.run(&["build", "--format", "html"]).code, 0);
    let bundle = fx.run(&["bundle"]);
    assert_eq!(bundle.code, 0, "{}", bundle.stderr);
    assert_eq!(bundled_recordings(&fx).len(), 4);
}
