//! Tests of the recording page on a copy of `tests/fixtures/build/basic`,
//! with the recordings of `tests/fixtures/audio`; requests are made
//! without a network, through [`respond`].

use std::path::Path;

use super::*;
use crate::audio::{self, Container};
use crate::serve::studio::{FONTS_STYLE, RECORD_SCRIPT, STYLE};

/// A copy of `tests/fixtures/build/basic`.
fn project() -> tempfile::TempDir {
    crate::serve::studio::fixture_copy("build/basic")
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/audio")
            .join(name),
    )
    .unwrap()
}

fn get(root: &Path, path: &str) -> Reply {
    let (path, query) = path.split_once('?').unwrap_or((path, ""));
    let request = Incoming {
        post: false,
        path,
        query,
        content_type: None,
        length: None,
        cookie: None,
        accept_language: None,
    };
    respond(root, &request, &mut std::io::empty())
}

fn post(root: &Path, path: &str, content_type: &str, body: &[u8]) -> Reply {
    let request = Incoming {
        post: true,
        path,
        query: "",
        content_type: Some(content_type),
        length: Some(body.len()),
        cookie: None,
        accept_language: None,
    };
    respond(root, &request, &mut &body[..])
}

/// A reply's body, without the marks Fluent isolates its arguments
/// with (so tests can name the words as a reader sees them).
fn body(reply: &Reply) -> String {
    String::from_utf8_lossy(&reply.body).replace(['\u{2068}', '\u{2069}'], "")
}

#[test]
fn locales_documents_and_messages_are_plain_names() {
    assert!(is_name("door-title"));
    assert!(is_name("ff-Adlm"));
    assert!(is_name("a_b9"));
    for bad in ["", "..", ".", "a.b", "a/b", "a%2fb", "é", "a b", "a\\b"] {
        assert!(!is_name(bad), "{bad:?}");
    }
    let root = project();
    let root = root.path();
    for path in [
        "/record/fr/..",
        "/record/../kyr.toml",
        "/record/fr/%2e%2e",
        "/record/fr/door/../../kyr",
        "/record/fr/audio/../../kyr.toml",
        "/record/..%2f/audio/x.ogg",
    ] {
        let reply = get(root, path);
        assert_eq!(reply.status, 404, "{path}: {}", body(&reply));
    }
    let reply = get(root, "/record/xx/door");
    assert_eq!(reply.status, 404);
    assert!(
        body(&reply)
            .contains("does not exist. Go back to the list of languages and documents. (xx)"),
        "{}",
        body(&reply)
    );
    let reply = get(root, "/record/fr/window");
    assert!(body(&reply).contains("(window)"), "{}", body(&reply));
    let reply = post(
        root,
        "/record/fr/door/door-nope",
        "audio/ogg",
        &fixture("tone.ogg"),
    );
    assert_eq!(reply.status, 404);
    assert!(
        body(&reply).contains("Ce document ne lit pas ce message."),
        "{}",
        body(&reply)
    );
    // Only the recordings the project lists are served.
    std::fs::write(root.join("locales/fr/secret.txt"), "x").unwrap();
    assert_eq!(get(root, "/record/fr/audio/secret.txt").status, 404);
    assert_eq!(get(root, "/record/fr/audio/door-title.ogg").status, 404);
}

#[test]
fn takes_too_large_damaged_silent_or_not_opus_are_refused() {
    let root = project();
    let root = root.path();
    std::fs::OpenOptions::new()
        .append(true)
        .open(root.join("kyr.toml"))
        .and_then(|mut f| {
            std::io::Write::write_all(&mut f, b"\n[limits]\nmax_audio_bytes = 2000\n")
        })
        .unwrap();
    let path = "/record/fr/door/door-title";
    let tone = fixture("tone.ogg");
    assert!(tone.len() > 2000);
    let reply = post(root, path, "audio/ogg", &tone);
    assert_eq!(reply.status, 413, "{}", body(&reply));
    assert!(body(&reply).contains("max_audio_bytes"));
    // Without a length, the body is read only up to the limit.
    let request = Incoming {
        post: true,
        path,
        query: "",
        content_type: Some("audio/ogg"),
        length: None,
        cookie: None,
        accept_language: None,
    };
    assert_eq!(respond(root, &request, &mut &tone[..]).status, 413);

    // Each refused in the volunteer's language (French, for `fr`), with
    // why; whatever type the browser names, the bytes decide.
    let root = project();
    let root = root.path();
    for (file, kind, status, why) in [
        (
            "silence.ogg",
            "audio/ogg",
            422,
            "l’enregistrement est silencieux. Le micro",
        ),
        (
            "corrupt.ogg",
            "audio/ogg",
            422,
            "Pas gardé\u{a0}: l’enregistrement est abîmé ou coupé",
        ),
        ("empty.wav", "audio/mp4", 422, "le fichier est vide."),
        (
            "tone.mp3",
            "audio/ogg",
            415,
            "cet enregistrement est au format MP3",
        ),
        ("tone.mp3", "audio/mpeg", 415, "au format MP3, et kyr garde"),
        ("tone.wav", "audio/x-m4a", 415, "au format WAV"),
        ("huge-sample.m4a", "audio/mp4", 422, "abîmé ou coupé"),
        (
            "README.md",
            "audio/mp4",
            415,
            "ce fichier n’est pas un enregistrement",
        ),
        // What another site's form could send is never a recording.
        (
            "tone.ogg",
            "text/plain",
            415,
            "ce fichier n’est pas un enregistrement",
        ),
        (
            "tone.ogg",
            "multipart/form-data; boundary=x",
            415,
            "n’est pas un enregistrement",
        ),
    ] {
        let reply = post(root, path, kind, &fixture(file));
        assert_eq!(reply.status, status, "{file}: {}", body(&reply));
        assert!(body(&reply).contains(why), "{file}: {}", body(&reply));
        assert!(!reply.page);
    }
    assert!(!root.join("locales/fr/audio").exists());
}

#[test]
fn a_webm_take_is_saved_as_the_only_ogg_recording_and_confirmed() {
    let root = project();
    let root = root.path();
    let audio = root.join("locales/fr/audio");
    std::fs::create_dir_all(&audio).unwrap();
    std::fs::write(audio.join("door-title.mp3"), fixture("tone.mp3")).unwrap();
    let page = body(&get(root, "/record/fr/door"));
    assert!(page.contains("/record/fr/audio/door-title.mp3"), "{page}");

    let reply = post(
        root,
        "/record/fr/door/door-title",
        "audio/webm;codecs=opus",
        &fixture("tone.webm"),
    );
    assert_eq!(reply.status, 200, "{}", body(&reply));
    let json: serde_json::Value = serde_json::from_slice(&reply.body).unwrap();
    assert_eq!(json["state"], "enregistré");
    assert_eq!(json["src"], "/record/fr/audio/door-title.ogg");
    assert_eq!(json["duration"], "1.5 s");
    let saved = std::fs::read(audio.join("door-title.ogg")).unwrap();
    assert!(audio::probe(&saved, Container::OggOpus).is_ok());
    assert!(
        !audio.join("door-title.mp3").exists(),
        "two recordings of one message"
    );
    let lock = std::fs::read_to_string(root.join("locales/fr/kyr-lock.toml")).unwrap();
    assert!(
        lock.contains("[audio]") && lock.contains("door-title"),
        "{lock}"
    );

    // The page shows it as recorded, not stale, with its player.
    let page = body(&get(root, "/record/fr/door"));
    assert!(
        page.contains("<strong id=\"state\" class=\"state-recorded\">enregistré</strong>"),
        "{page}"
    );
    assert!(
        page.contains("<audio id=\"player\" controls preload=\"none\" aria-labelledby=\"player-label\" src=\"/record/fr/audio/door-title.ogg\"></audio>"),
        "{page}"
    );
    assert_eq!(page.matches("<audio").count(), 1, "{page}");
    let file = get(root, "/record/fr/audio/door-title.ogg");
    assert_eq!((file.status, file.kind), (200, "audio/ogg"));
    assert_eq!(file.body, saved);
    let index = body(&get(root, "/record/"));
    let french = &index[index.find("id=\"lang-fr\"").unwrap()..];
    assert!(french.contains("Recorded: 1 of 5"), "{index}");
}

#[test]
fn the_page_shows_one_message_escaped_in_its_language_and_direction() {
    let root = project();
    let root = root.path();
    std::fs::write(
        root.join("locales/ar/door.ftl"),
        "door-title = <img src=x onerror=alert(1)> إذا جاء العملاء\n",
    )
    .unwrap();
    let reply = get(root, "/record/ar/door");
    let page = body(&reply);
    assert!(reply.page);
    assert!(
        page.contains("<span id=\"position\">1 / 5</span>"),
        "{page}"
    );
    assert!(
        page.contains("lang=\"ar\" dir=\"rtl\">&lt;img src=x onerror=alert(1)&gt;"),
        "{page}"
    );
    assert!(!page.contains("<img"), "{page}");
    assert!(
        page.contains("id=\"next\" href=\"/record/ar/door?at=2\""),
        "{page}"
    );
    assert!(!page.contains("id=\"prev\""));
    // The second message has no Arabic text: the English one, marked.
    let page = body(&get(root, "/record/ar/door?at=2"));
    assert!(
        page.contains("<span id=\"position\">2 / 5</span>"),
        "{page}"
    );
    assert!(
        page.contains("<blockquote id=\"text\" lang=\"en\" dir=\"ltr\"><p>You have rights, <strong>whatever your status</strong>.</p>"),
        "{page}"
    );
    // In Arabic, as the page now speaks.
    assert!(page.contains("<html lang=\"ar\" dir=\"rtl\">"), "{page}");
    assert!(
        page.contains(
            "لم يُكتب بعد باللغة العربية. هذا هو النص باللغة English: قُله باللغة العربية."
        ),
        "{page}"
    );
    // Adlam reads right to left.
    let page = body(&get(root, "/record/ff-Adlm/door?at=99"));
    assert!(page.contains("5 / 5"), "{page}");
    assert!(page.contains("lang=\"ff-Adlm\" dir=\"rtl\""), "{page}");
    // Its title is not translated: the heading reads left to right, in
    // the language it is written in (Latin Pulaar), not right-aligned as
    // Adlam would be.
    assert!(
        page.contains("<h1 id=\"title\" lang=\"ff\" dir=\"ltr\">Hakkeeji"),
        "{page}"
    );
    // The Arabic title is Arabic, right to left.
    let page = body(&get(root, "/record/ar/door"));
    assert!(
        page.contains("<h1 id=\"title\" lang=\"ar\" dir=\"rtl\">"),
        "{page}"
    );
    // The script is the page's own, from this server and nothing else.
    let policy = reply.policy();
    assert!(policy.contains("script-src 'self'"), "{policy}");
    assert!(!policy.contains("script-src 'unsafe-inline'"), "{policy}");
    assert!(policy.contains("frame-ancestors 'none'"), "{policy}");
    assert!(!RECORD_SCRIPT.body.contains("innerHTML"));
}

/// The address of the first `attribute="..."` after `<tag` in `page`.
fn linked(page: &str, tag: &str, attribute: &str) -> String {
    let at = page
        .find(tag)
        .unwrap_or_else(|| panic!("no {tag} in {page}"));
    let after = &page[at..];
    let start = after.find(&format!("{attribute}=\"")).unwrap() + attribute.len() + 2;
    let len = after[start..].find('"').unwrap();
    after[start..start + len].to_owned()
}

#[test]
fn the_pages_link_the_studios_hashed_style_and_script() {
    let root = project();
    let root = root.path();
    let page = body(&get(root, "/record/fr/door"));
    let fonts = linked(&page, "<link rel=\"stylesheet\"", "href");
    assert_eq!(fonts, FONTS_STYLE.path());
    let style = linked(
        &page,
        &format!(
            "<link rel=\"stylesheet\" href=\"{style}",
            style = STYLE.path()
        ),
        "href",
    );
    let script = linked(&page, "<script", "src");
    assert_eq!(style, STYLE.path());
    assert_eq!(script, RECORD_SCRIPT.path());
    // The index uses the stylesheet and runs no script.
    let index = body(&get(root, "/record/"));
    assert!(index.contains(&format!("<link rel=\"stylesheet\" href=\"{style}\">")));
    assert!(!index.contains("<script"), "{index}");
    // Everything else is never kept.
    assert_eq!(get(root, "/record/").cache, "no-store");
    assert_eq!(get(root, "/record/fr/door").cache, "no-store");
    assert_eq!(get(root, "/record/xx/door").cache, "no-store");
}

#[test]
fn the_pages_have_no_inline_script_or_style_for_the_policy_to_block() {
    let root = project();
    let root = root.path();
    for path in ["/record/", "/record/fr/door", "/record/ar/door?at=2"] {
        let reply = get(root, path);
        let page = body(&reply);
        assert_eq!(reply.status, 200, "{path}: {page}");
        assert!(reply.page, "{path}");
        // A script only from its own address, with nothing inline.
        for (at, _) in page.match_indices("<script") {
            let tag = &page[at..at + page[at..].find('>').unwrap() + 1];
            assert!(tag.contains(" src=\"/studio/"), "{path}: {tag}");
            assert!(
                page[at + tag.len()..].starts_with("</script>"),
                "{path}: {page}"
            );
        }
        assert!(!page.contains("<style"), "{path}: {page}");
        assert!(!page.contains(" style="), "{path}: {page}");
        assert!(!page.contains("javascript:"), "{path}: {page}");
        let lowered = page.to_ascii_lowercase();
        for handler in [" onclick=", " onload=", " onerror=", " onsubmit="] {
            assert!(!lowered.contains(handler), "{path}: {page}");
        }
        let policy = reply.policy();
        assert!(policy.contains("script-src 'self';"), "{policy}");
        assert!(policy.contains("style-src 'self';"), "{policy}");
        assert!(!policy.contains("unsafe-inline"), "{policy}");
        assert!(!policy.contains("'sha256-"), "{policy}");
        assert!(!policy.contains("nonce"), "{policy}");
        assert!(policy.contains("default-src 'none'"), "{policy}");
    }
    // What is not a page may load nothing at all.
    let reply = get(root, "/record/xx/door");
    assert!(!reply.page);
    let policy = reply.policy();
    assert!(policy.contains("script-src 'none'"), "{policy}");
    assert!(policy.contains("style-src 'none'"), "{policy}");
}

#[test]
fn names_and_texts_reach_the_pages_as_text_not_markup() {
    let root = project();
    let root = root.path();
    let config = std::fs::read_to_string(root.join("kyr.toml")).unwrap();
    let config = config.replace(
        "endonym = \"Français\"",
        "endonym = \"Fran<b onclick='x'>çais</b> & \\\"co\\\"\"",
    );
    std::fs::write(root.join("kyr.toml"), config).unwrap();
    std::fs::write(
        root.join("locales/fr/door.ftl"),
        "door-title = </blockquote><script>alert(1)</script> {\"{{\"} x {\"}}\"}\n",
    )
    .unwrap();
    let escaped = "Fran&lt;b onclick=&#39;x&#39;&gt;çais&lt;/b&gt; &amp; &quot;co&quot;";
    let index = body(&get(root, "/record/"));
    assert!(index.contains(escaped), "{index}");
    assert!(!index.contains("<b "), "{index}");
    let page = body(&get(root, "/record/fr/door"));
    assert!(page.contains(escaped), "{page}");
    assert!(
        page.contains("&lt;/blockquote&gt;&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{page}"
    );
    // A translation's braces, as a reader reads them, are its text, not
    // the template's.
    assert!(
        page.contains("<p>&lt;/blockquote&gt;&lt;script&gt;alert(1)&lt;/script&gt; {{ x }}</p>"),
        "{page}"
    );
    assert_eq!(page.matches("<script").count(), 1, "{page}");
    assert!(!page.contains("<b "), "{page}");
}

#[test]
fn saves_made_at_once_keep_every_confirmation() {
    let root = project();
    let root = root.path();
    let ids = ["door-title", "door-intro", "door-silent", "door-sign"];
    for round in 0..3 {
        std::thread::scope(|scope| {
            for id in ids {
                scope.spawn(move || {
                    let reply = post(
                        root,
                        &format!("/record/fr/door/{id}"),
                        "audio/ogg",
                        &fixture("tone.ogg"),
                    );
                    assert_eq!(reply.status, 200, "{}", body(&reply));
                });
            }
        });
        let lock = std::fs::read_to_string(root.join("locales/fr/kyr-lock.toml")).unwrap();
        let audio = lock.split("[audio]").nth(1).unwrap_or_default();
        for id in ids {
            assert!(
                audio
                    .lines()
                    .any(|line| line.starts_with(&format!("{id} = "))),
                "round {round}: the confirmation of {id} was lost:\n{lock}"
            );
        }
    }
}

/// A copy of the project with a Wolof locale whose chain is wo → fr →
/// en, nothing of it translated, and a hotline of its own.
fn wolof() -> tempfile::TempDir {
    let root = project();
    std::fs::OpenOptions::new()
        .append(true)
        .open(root.path().join("kyr.toml"))
        .and_then(|mut f| {
            std::io::Write::write_all(
                &mut f,
                "\n[locales.wo]\nendonym = \"Wolof\"\nfallback = [\"fr\"]\n\n[locales.wo.vars]\nhotline = \"33 800 00 00\"\n".as_bytes(),
            )
        })
        .unwrap();
    std::fs::create_dir_all(root.path().join("locales/wo")).unwrap();
    std::fs::write(root.path().join("locales/wo/door.ftl"), "").unwrap();
    root
}

/// `GET path`, from a browser that asks for `languages`.
fn get_as(root: &Path, path: &str, languages: &str) -> Reply {
    let (path, query) = path.split_once('?').unwrap_or((path, ""));
    let request = Incoming {
        post: false,
        path,
        query,
        content_type: None,
        length: None,
        cookie: None,
        accept_language: Some(languages),
    };
    respond(root, &request, &mut std::io::empty())
}

#[test]
fn a_wolof_page_speaks_french_and_shows_the_text_as_it_will_be_read() {
    let root = wolof();
    let root = root.path();
    // An English phone still gets French: the locale's chain comes first.
    let page = body(&get_as(root, "/record/wo/door", "en-US,en;q=0.9"));
    assert!(page.contains("<html lang=\"fr\" dir=\"ltr\">"), "{page}");
    // The document by its title (in French, marked so), the language by
    // its own name, the message's place and state in words.
    assert!(
        page.contains(
            "<h1 id=\"title\" lang=\"fr\" dir=\"ltr\">Si des agents viennent à votre porte</h1>"
        ),
        "{page}"
    );
    assert!(
        page.contains(
            "<title>Enregistrer «\u{a0}Si des agents viennent à votre porte\u{a0}»</title>"
        ),
        "{page}"
    );
    assert!(
        page.contains("Enregistrement en <span lang=\"wo\" dir=\"ltr\">Wolof</span>"),
        "{page}"
    );
    assert!(page.contains("C’est le titre du document."), "{page}");
    assert!(
        page.contains("Pas encore écrit en Wolof. Le voici en Français\u{a0}: dites-le en Wolof."),
        "{page}"
    );
    assert!(
        page.contains(
            "<strong id=\"state\" class=\"state-missing\">pas encore enregistré</strong>"
        ),
        "{page}"
    );
    // One player, hidden while it has nothing to play; the phone's own
    // recorder always; the microphone's buttons for the script to show.
    assert_eq!(page.matches("<audio").count(), 1, "{page}");
    assert!(
        page.contains("aria-labelledby=\"player-label\" hidden></audio>"),
        "{page}"
    );
    assert!(
        page.contains("<input id=\"file\" type=\"file\" accept=\"audio/*\" capture>"),
        "{page}"
    );
    assert!(page.contains("<div id=\"mic\" hidden>"), "{page}");
    // The script's words, in French, as escaped attributes of the page.
    assert!(
        page.contains("data-say-saving=\"Enregistrement du fichier…\""),
        "{page}"
    );
    assert!(
        page.contains("data-next=\"/record/wo/door?at=2&amp;saved=1\""),
        "{page}"
    );

    // The second message, under the heading it sits under, rendered: bold
    // as bold, its list as a list, no Markdown marks.
    let page = body(&get(root, "/record/wo/door?at=2"));
    assert!(page.contains("<p>Sous le titre</p>"), "{page}");
    assert!(
        page.contains("<div id=\"heading\" class=\"heading\" lang=\"fr\" dir=\"ltr\"><p>Si des agents viennent à votre porte</p></div>"),
        "{page}"
    );
    assert!(
        page.contains("<blockquote id=\"text\" lang=\"fr\" dir=\"ltr\"><p>Vous avez des droits, <strong>quel que soit votre statut</strong>.</p>\n<ul>\n<li>N&#39;ouvrez pas la porte.</li>"),
        "{page}"
    );
    assert!(!page.contains("**"), "{page}");
    // A variable as its value for the locale: Wolof's own hotline, in
    // the French text; a link as its text.
    let page = body(&get(root, "/record/wo/door?at=4"));
    assert!(
        page.contains("Ne signez rien. Appelez <bdi class=\"var-hotline\">33 800 00 00</bdi>."),
        "{page}"
    );
    let page = body(&get(root, "/record/fr/door?at=4"));
    assert!(
        page.contains("Appelez <bdi class=\"var-hotline\">+1 (555) 010-1234</bdi>."),
        "{page}"
    );
    assert!(
        !page.contains("$hotline") && !page.contains("href=\"tel:"),
        "{page}"
    );
    // The chooser's language wins over the chain.
    let page = body(&get(root, "/record/wo/door?at=4&ui=es"));
    assert!(page.contains("<html lang=\"es\" dir=\"ltr\">"), "{page}");
    assert!(page.contains("todavía sin grabar"), "{page}");
}

#[test]
fn recordings_from_phones_are_kept_in_their_format_each_the_only_one() {
    let root = wolof();
    let root = root.path();
    let audio = root.join("locales/wo/audio");
    let path = "/record/wo/door/door-sign";
    // An iPhone's or Android's M4A, whatever type it is sent with.
    let reply = post(root, path, "audio/x-m4a", &fixture("tone.m4a"));
    assert_eq!(reply.status, 200, "{}", body(&reply));
    let json: serde_json::Value = serde_json::from_slice(&reply.body).unwrap();
    assert_eq!(json["state"], "enregistré");
    assert_eq!(json["said"], "Gardé (\u{2068}1.5 s\u{2069}).");
    assert_eq!(json["src"], "/record/wo/audio/door-sign.m4a");
    assert_eq!(
        std::fs::read(audio.join("door-sign.m4a")).unwrap(),
        fixture("tone.m4a")
    );
    let lock = std::fs::read_to_string(root.join("locales/wo/kyr-lock.toml")).unwrap();
    assert!(
        lock.contains("[audio]") && lock.contains("door-sign"),
        "{lock}"
    );
    let page = body(&get(root, "/record/wo/door?at=4"));
    assert!(
        page.contains("<strong id=\"state\" class=\"state-recorded\">enregistré</strong>"),
        "{page}"
    );
    assert!(
        page.contains("src=\"/record/wo/audio/door-sign.m4a\""),
        "{page}"
    );
    assert!(page.contains("L’enregistrement gardé (1.5 s)"), "{page}");
    assert_eq!(page.matches("<audio").count(), 1, "{page}");
    let file = get(root, "/record/wo/audio/door-sign.m4a");
    assert_eq!((file.status, file.kind), (200, "audio/mp4"));

    // Ogg Opus, sent with no audio type at all: kept as `.ogg`, the M4A
    // removed.
    let reply = post(root, path, "application/octet-stream", &fixture("tone.ogg"));
    assert_eq!(reply.status, 200, "{}", body(&reply));
    assert_eq!(
        std::fs::read(audio.join("door-sign.ogg")).unwrap(),
        fixture("tone.ogg")
    );
    assert!(
        !audio.join("door-sign.m4a").exists(),
        "two recordings of one message"
    );

    // A WAV, or text, is refused in French, and nothing is written.
    for (file, kind, why) in [
        ("tone.wav", "audio/wav", "au format WAV"),
        ("README.md", "audio/mp4", "n’est pas un enregistrement"),
    ] {
        let reply = post(root, path, kind, &fixture(file));
        assert_eq!(reply.status, 415, "{file}: {}", body(&reply));
        assert!(body(&reply).starts_with("Pas gardé"), "{}", body(&reply));
        assert!(body(&reply).contains(why), "{}", body(&reply));
    }
    let names: Vec<_> = std::fs::read_dir(&audio)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["door-sign.ogg"]);
    assert_eq!(
        std::fs::read(audio.join("door-sign.ogg")).unwrap(),
        fixture("tone.ogg")
    );

    // The French text it was read from changes: to record again, in words.
    std::fs::write(
        root.join("locales/fr/door.ftl"),
        std::fs::read_to_string(root.join("locales/fr/door.ftl"))
            .unwrap()
            .replace("Ne signez rien.", "Ne signez aucun papier."),
    )
    .unwrap();
    let page = body(&get(root, "/record/wo/door?at=4"));
    assert!(
        page.contains("<strong id=\"state\" class=\"state-changed\">à enregistrer de nouveau\u{a0}: le texte a changé</strong>"),
        "{page}"
    );
}

#[test]
fn after_a_save_the_next_page_says_so() {
    let root = wolof();
    let root = root.path();
    // Not said while the message before is not recorded.
    let page = body(&get(root, "/record/wo/door?at=2&saved=1"));
    assert!(!page.contains("id=\"saved\""), "{page}");
    let reply = post(
        root,
        "/record/wo/door/door-title",
        "audio/mp4",
        &fixture("tone.m4a"),
    );
    assert_eq!(reply.status, 200, "{}", body(&reply));
    let page = body(&get(root, "/record/wo/door?at=2&saved=1"));
    assert!(
        page.contains("<p id=\"saved\" class=\"ok\" role=\"status\">Le message 1 est gardé. Voici le suivant.</p>"),
        "{page}"
    );
    // The last message has no next page: the script stays on it.
    let page = body(&get(root, "/record/wo/door?at=5"));
    assert!(!page.contains("data-next"), "{page}");
}

#[test]
fn the_work_index_lists_languages_by_their_names_with_the_next_thing_to_do() {
    let root = wolof();
    let root = root.path();
    let reply = post(
        root,
        "/record/en/door/door-title",
        "audio/ogg",
        &fixture("tone.ogg"),
    );
    assert_eq!(reply.status, 200, "{}", body(&reply));
    let index = body(&get(root, "/record/"));
    // By their own names, in their direction, in that order.
    let at = |name: &str| {
        index
            .find(&format!(">{name}</h2>"))
            .unwrap_or_else(|| panic!("no {name}: {index}"))
    };
    let order = ["English", "Français", "Pulaar", "Wolof", "العربية", "𞤆𞤵𞤤𞤢𞤪"].map(at);
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?} {index}");
    assert!(
        index.contains("<h2 lang=\"ar\" dir=\"rtl\">العربية</h2>"),
        "{index}"
    );
    let section = |tag: &str| {
        let start = index.find(&format!("id=\"lang-{tag}\"")).unwrap();
        let end = index[start..].find("</section>").unwrap();
        index[start..start + end].to_owned()
    };
    // Wolof: nothing translated; its document by its French title; next,
    // the first message to translate.
    let wo = section("wo");
    assert!(
        wo.contains("<h3 lang=\"fr\" dir=\"ltr\">Si des agents viennent à votre porte</h3>"),
        "{wo}"
    );
    assert!(wo.contains("Translated: 0 of 5"), "{wo}");
    assert!(
        wo.contains("Not translated yet, shown in another language: 5"),
        "{wo}"
    );
    assert!(
        wo.contains("href=\"/translate/wo/door?at=1\">Next: translate message 1</a>"),
        "{wo}"
    );
    // French: all but the last message.
    let fr = section("fr");
    assert!(fr.contains("Translated: 4 of 5"), "{fr}");
    assert!(
        fr.contains("href=\"/translate/fr/door?at=5\">Next: translate message 5</a>"),
        "{fr}"
    );
    // English, the reference: all translated, the title recorded; next,
    // the second message to record.
    let en = section("en");
    assert!(en.contains("Recorded: 1 of 5"), "{en}");
    assert!(
        en.contains("href=\"/record/en/door?at=2\">Next: record message 2</a>"),
        "{en}"
    );
    // In the phone's language.
    let index = body(&get_as(root, "/record/", "fr-FR,fr;q=0.9"));
    assert!(index.contains("<h1>Le travail à faire</h1>"), "{index}");
    assert!(index.contains("Enregistrés\u{a0}: 1 sur 5"), "{index}");
}
