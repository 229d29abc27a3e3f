//! Tests of the translation page on a copy of
//! `tests/fixtures/translate/shelter`, through [`respond`] without a
//! network.

use std::path::Path;

use super::*;

fn project() -> tempfile::TempDir {
    crate::serve::studio::fixture_copy("translate/shelter")
}

fn incoming<'r>(post: bool, path: &'r str, query: &'r str, kind: Option<&'r str>) -> Incoming<'r> {
    Incoming {
        post,
        path,
        query,
        content_type: kind,
        length: None,
        cookie: None,
        accept_language: None,
    }
}

fn get(root: &Path, path: &str) -> (u16, String) {
    let (path, query) = path.split_once('?').unwrap_or((path, ""));
    let reply = respond(
        root,
        &incoming(false, path, query, None),
        &mut std::io::empty(),
    );
    // Fluent isolates the names put into the studio's sentences.
    let page = String::from_utf8(reply.body).unwrap();
    (reply.status, page.replace(['\u{2068}', '\u{2069}'], ""))
}

fn post(root: &Path, path: &str, text: &str) -> (u16, serde_json::Value) {
    let body = serde_json::json!({ "text": text }).to_string();
    let request = incoming(true, path, "", Some("application/json"));
    let reply = respond(root, &request, &mut body.as_bytes());
    (reply.status, serde_json::from_slice(&reply.body).unwrap())
}

#[test]
fn the_page_shows_the_bridge_text_the_reference_the_comment_and_the_chips() {
    let dir = project();
    let (status, page) = get(dir.path(), "/translate/wo/door?at=5");
    assert_eq!(status, 200, "{page}");
    // Wolof's page speaks French, the first language of its chain kyr has.
    assert!(page.contains("<html lang=\"fr\""), "{page}");
    assert!(page.contains("Traduire en Wolof"), "{page}");
    assert!(
        page.contains("<title>Si des agents viennent à votre porte en Wolof</title>"),
        "{page}"
    );
    assert!(page.contains("5 / 6"), "{page}");
    assert!(page.contains("Dans la partie :"), "{page}");
    assert!(
        page.contains("Vos droits"),
        "the heading, in French: {page}"
    );
    assert!(page.contains("id=\"bridge\" lang=\"fr\""), "{page}");
    assert!(
        page.contains("Ne signez rien. Appelez le <span class=\"chip\" data-var=\"hotline\">"),
        "{page}"
    );
    assert!(
        page.contains("id=\"reference\" class=\"reference\" lang=\"en\""),
        "{page}"
    );
    assert!(
        page.contains("Keep the number: it is filled in from kyr.toml."),
        "{page}"
    );
    assert!(
        page.contains("Pas encore écrit en Wolof : les pages l’affichent en Français."),
        "{page}"
    );
    assert!(
        page.contains("class=\"add-chip\" data-var=\"hotline\" data-value=\"+1 (555) 010-1234\""),
        "{page}"
    );
    assert!(page.contains("<script src=\"/studio/translate."), "{page}");
    assert!(!page.contains("<script>"), "no inline script: {page}");
}

#[test]
fn a_stale_message_shows_the_old_and_new_reference_and_its_own_text() {
    let dir = project();
    let (_, page) = get(dir.path(), "/translate/wo/door?at=4");
    assert!(page.contains("Le texte d’origine a changé"), "{page}");
    assert!(
        page.contains("You have the right to stay silent."),
        "{page}"
    );
    assert!(
        page.contains("You have the right to remain silent."),
        "{page}"
    );
    assert!(
        page.contains(">Am nga sañ-sañ ci noppi.</div>"),
        "the field starts with it: {page}"
    );
    assert!(
        page.contains("Les pages affichent votre texte en Wolof."),
        "{page}"
    );
}

#[test]
fn a_check_explains_each_problem_in_the_volunteers_language() {
    let dir = project();
    let (status, answer) = post(
        dir.path(),
        "/translate/wo/door/door-sign/check",
        "Bul xaatim **dara.",
    );
    assert_eq!(status, 200, "{answer}");
    assert_eq!(answer["errors"], 1, "{answer}");
    let first = &answer["findings"][0];
    assert_eq!(first["code"], "markdown-emphasis");
    assert!(
        first["explanation"]
            .as_str()
            .unwrap()
            .starts_with("Deux étoiles"),
        "{answer}"
    );
    assert_eq!(
        (first["line"].clone(), first["column"].clone()),
        (1.into(), 12.into())
    );
    assert!(
        first["detail"].as_str().unwrap().contains("is not closed"),
        "{answer}"
    );
    // The message falls back while it has an error: the preview says so.
    let preview = answer["preview"].as_str().unwrap();
    assert!(preview.contains("Ne signez rien."), "{answer}");
    let (_, answer) = post(
        dir.path(),
        "/translate/wo/door/door-sign/check",
        "Bul xaatim dara.",
    );
    assert_eq!(answer["errors"], 0, "{answer}");
    assert_eq!(
        answer["findings"][0]["code"], "variable-dropped",
        "{answer}"
    );
    assert!(
        answer["preview"]
            .as_str()
            .unwrap()
            .contains("<li>Bul xaatim dara.</li>"),
        "{answer}"
    );
}

#[test]
fn a_save_answers_what_was_written_and_the_next_message() {
    let dir = project();
    let (status, answer) = post(
        dir.path(),
        "/translate/wo/door/door-sign",
        "Bul xaatim dara. Woo { $hotline }.",
    );
    assert_eq!(status, 200, "{answer}");
    assert!(
        answer["saved"]
            .as_str()
            .unwrap()
            .contains("locales/wo/door.ftl"),
        "{answer}"
    );
    assert_eq!(answer["next"], "/translate/wo/door?at=6");
    let file = std::fs::read_to_string(dir.path().join("locales/wo/door.ftl")).unwrap();
    assert!(
        file.ends_with("door-sign = Bul xaatim dara. Woo { $hotline }.\r\n"),
        "{file}"
    );
    let (status, answer) = post(dir.path(), "/translate/wo/door/door-call", "**x");
    assert_eq!(status, 422, "{answer}");
    assert!(
        answer["refused"]
            .as_str()
            .unwrap()
            .starts_with("Non enregistré"),
        "{answer}"
    );
}

#[test]
fn what_is_not_json_or_not_a_name_is_refused() {
    let dir = project();
    let request = incoming(
        true,
        "/translate/wo/door/door-sign",
        "",
        Some("application/x-www-form-urlencoded"),
    );
    let reply = respond(dir.path(), &request, &mut &b"text=x"[..]);
    assert_eq!(reply.status, 415);
    for path in [
        "/translate/wo/../door",
        "/translate/wo/door/a.b",
        "/translate/wo/nodoc",
        "/translate/en/door",
    ] {
        assert_eq!(get(dir.path(), path).0, 404, "{path}");
    }
    let (status, answer) = post(dir.path(), "/translate/wo/door/door-sign", "  ");
    assert_eq!(status, 422, "{answer}");
}
