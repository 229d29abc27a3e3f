//! Tests of the recording page on a copy of `tests/fixtures/build/basic`,
//! with the recordings of `tests/fixtures/audio`; requests are made
//! without a network, through [`respond`].

use std::path::Path;

use super::*;
use crate::audio::{self, Container};
use crate::serve::studio::{RECORD_SCRIPT, STYLE};

const PORT: u16 = 8123;

/// A copy of `tests/fixtures/build/basic`.
fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/build/basic");
    for entry in walkdir::WalkDir::new(&src) {
        let entry = entry.unwrap();
        let to = dir.path().join(entry.path().strip_prefix(&src).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&to).unwrap();
        } else {
            std::fs::copy(entry.path(), &to).unwrap();
        }
    }
    dir
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
        host: Some("127.0.0.1:8123"),
        origin: None,
        content_type: None,
        length: None,
        cookie: None,
        accept_language: None,
    };
    respond(root, PORT, &request, &mut std::io::empty())
}

fn post(root: &Path, path: &str, content_type: &str, body: &[u8]) -> Reply {
    let request = Incoming {
        post: true,
        path,
        query: "",
        host: Some("localhost:8123"),
        origin: Some("http://localhost:8123"),
        content_type: Some(content_type),
        length: Some(body.len()),
        cookie: None,
        accept_language: None,
    };
    respond(root, PORT, &request, &mut &body[..])
}

fn body(reply: &Reply) -> String {
    String::from_utf8_lossy(&reply.body).into_owned()
}

#[test]
fn only_this_servers_own_pages_may_record() {
    assert!(is_own_host(Some("127.0.0.1:8123"), PORT));
    assert!(is_own_host(Some("localhost:8123"), PORT));
    for host in [
        None,
        Some("127.0.0.1"),
        Some("127.0.0.1:80"),
        Some("evil.example:8123"),
        Some("localhost.evil.example:8123"),
        Some("[::1]:8123"),
    ] {
        assert!(!is_own_host(host, PORT), "{host:?}");
    }
    assert!(is_own_origin(Some("http://127.0.0.1:8123"), PORT));
    assert!(is_own_origin(Some("http://localhost:8123"), PORT));
    for origin in [
        None,
        Some("null"),
        Some("https://127.0.0.1:8123"),
        Some("http://127.0.0.1:8124"),
        Some("http://evil.example:8123"),
        Some("http://127.0.0.1:8123.evil.example"),
    ] {
        assert!(!is_own_origin(origin, PORT), "{origin:?}");
    }

    let root = project();
    let tone = fixture("tone.ogg");
    // Another web page posting to this server, and a page reached
    // through another name for it (DNS rebinding): refused, nothing saved.
    for (host, origin) in [
        ("127.0.0.1:8123", Some("http://evil.example")),
        ("127.0.0.1:8123", None),
        ("evil.example:8123", Some("http://evil.example:8123")),
    ] {
        let request = Incoming {
            post: true,
            path: "/record/fr/door/door-title",
            query: "",
            host: Some(host),
            origin,
            content_type: Some("audio/ogg"),
            length: Some(tone.len()),
            cookie: None,
            accept_language: None,
        };
        let reply = respond(root.path(), PORT, &request, &mut &tone[..]);
        assert_eq!(reply.status, 403, "{host} {origin:?}: {}", body(&reply));
    }
    let request = Incoming {
        post: false,
        path: "/record/",
        query: "",
        host: Some("evil.example:8123"),
        origin: None,
        content_type: None,
        length: None,
        cookie: None,
        accept_language: None,
    };
    assert_eq!(
        respond(root.path(), PORT, &request, &mut std::io::empty()).status,
        403
    );
    assert!(!root.path().join("locales/fr/audio").exists());
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
    assert!(body(&reply).contains("no locale `xx`"), "{}", body(&reply));
    let reply = get(root, "/record/fr/window");
    assert!(
        body(&reply).contains("no document `window`"),
        "{}",
        body(&reply)
    );
    let reply = post(
        root,
        "/record/fr/door/door-nope",
        "audio/ogg",
        &fixture("tone.ogg"),
    );
    assert_eq!(reply.status, 404);
    assert!(
        body(&reply).contains("reads no message `door-nope`"),
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
        host: Some("127.0.0.1:8123"),
        origin: Some("http://127.0.0.1:8123"),
        content_type: Some("audio/ogg"),
        length: None,
        cookie: None,
        accept_language: None,
    };
    assert_eq!(respond(root, PORT, &request, &mut &tone[..]).status, 413);

    let root = project();
    let root = root.path();
    for (file, kind, why) in [
        ("silence.ogg", "audio/ogg", "silent"),
        ("corrupt.ogg", "audio/ogg", "damaged"),
        ("tone.mp3", "audio/ogg", "not saved"),
        ("tone.ogg", "audio/webm", "not saved"),
    ] {
        let reply = post(root, path, kind, &fixture(file));
        assert_eq!(reply.status, 422, "{file}: {}", body(&reply));
        assert!(body(&reply).contains(why), "{file}: {}", body(&reply));
    }
    let reply = post(root, path, "audio/mpeg", &fixture("tone.mp3"));
    assert_eq!(reply.status, 415, "{}", body(&reply));
    assert!(!root.join("locales/fr/audio/door-title.ogg").exists());
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
    assert_eq!(json["state"], "recorded");
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
        page.contains("<strong id=\"state\">recorded</strong>"),
        "{page}"
    );
    assert!(page.contains("/record/fr/audio/door-title.ogg"), "{page}");
    let file = get(root, "/record/fr/audio/door-title.ogg");
    assert_eq!((file.status, file.kind), (200, "audio/ogg"));
    assert_eq!(file.body, saved);
    let index = body(&get(root, "/record/"));
    assert!(index.contains("1 recorded, 0 stale, 4 missing"), "{index}");
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
        page.contains("<blockquote id=\"text\" lang=\"en\" dir=\"ltr\">You have rights"),
        "{page}"
    );
    assert!(
        page.contains("Here it is in <span lang=\"en\" dir=\"ltr\">English</span>"),
        "{page}"
    );
    // Adlam reads right to left.
    let page = body(&get(root, "/record/ff-Adlm/door?at=99"));
    assert!(page.contains("5 / 5"), "{page}");
    assert!(page.contains("lang=\"ff-Adlm\" dir=\"rtl\""), "{page}");
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
    let style = linked(&page, "<link rel=\"stylesheet\"", "href");
    let script = linked(&page, "<script", "src");
    assert_eq!(style, STYLE.path());
    assert_eq!(script, RECORD_SCRIPT.path());
    // The index uses the stylesheet and runs no script.
    let index = body(&get(root, "/record/"));
    assert_eq!(linked(&index, "<link rel=\"stylesheet\"", "href"), style);
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
    // A translation's braces, as its translator wrote them, are its text,
    // not the template's.
    assert!(
        page.contains("{&quot;{{&quot;} x {&quot;}}&quot;}"),
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
