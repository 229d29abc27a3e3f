//! Tests of the one access check, on request heads written here.

use super::*;

const PORT: u16 = 8123;

fn get(target: &str, headers: &[(&str, &str)]) -> Head {
    Head::of(Method::Get, target, headers)
}

fn post(target: &str, headers: &[(&str, &str)]) -> Head {
    Head::of(Method::Post, target, headers)
}

/// The status `check` answers with, or 0 when the request goes on.
fn status(access: &Access, head: &Head) -> u16 {
    check(access, PORT, head).map_or(0, |answer| answer.status)
}

fn header<'r>(response: &'r Response, name: &str) -> Option<&'r str> {
    response
        .headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

fn shared() -> (Access, String) {
    let token = Token::new().unwrap();
    let value = token.as_str().to_owned();
    (Access::Shared(token), value)
}

#[test]
fn only_this_machines_own_names_reach_it_when_not_shared() {
    assert!(is_own_host(Some("127.0.0.1:8123"), PORT));
    assert!(is_own_host(Some("localhost:8123"), PORT));
    assert!(is_own_host(Some("LocalHost:8123"), PORT));
    for host in [
        None,
        Some("127.0.0.1"),
        Some("127.0.0.1:80"),
        Some("evil.example:8123"),
        Some("localhost.evil.example:8123"),
        Some("[::1]:8123"),
        Some("192.168.1.20:8123"),
    ] {
        assert!(!is_own_host(host, PORT), "{host:?}");
    }
    let local = Access::Local;
    assert_eq!(status(&local, &get("/", &[("Host", "127.0.0.1:8123")])), 0);
    assert_eq!(
        status(&local, &get("/record/", &[("Host", "localhost:8123")])),
        0
    );
    // Every route, the built pages too, under another name: refused.
    for path in ["/", "/fr/door.html", "/record/", "/__kyr/reload"] {
        assert_eq!(
            status(&local, &get(path, &[("Host", "evil.example:8123")])),
            403,
            "{path}"
        );
        assert_eq!(status(&local, &get(path, &[])), 403, "{path}");
    }
    // A token means nothing here.
    assert_eq!(
        status(
            &local,
            &get("/?token=abc", &[("Host", "evil.example:8123")])
        ),
        403
    );
}

#[test]
fn a_write_comes_only_from_the_servers_own_pages() {
    assert!(is_same_origin(
        Some("http://127.0.0.1:8123"),
        Some("127.0.0.1:8123")
    ));
    assert!(is_same_origin(
        Some("http://192.168.1.20:8000"),
        Some("192.168.1.20:8000")
    ));
    for (origin, host) in [
        (None, Some("127.0.0.1:8123")),
        (Some("null"), Some("127.0.0.1:8123")),
        (Some("http://127.0.0.1:8123"), None),
        (Some("https://127.0.0.1:8123"), Some("127.0.0.1:8123")),
        (Some("http://127.0.0.1:8124"), Some("127.0.0.1:8123")),
        (Some("http://localhost:8123"), Some("127.0.0.1:8123")),
        (Some("http://evil.example:8123"), Some("127.0.0.1:8123")),
        (
            Some("http://127.0.0.1:8123.evil.example"),
            Some("127.0.0.1:8123"),
        ),
        (Some("http://"), Some("")),
    ] {
        assert!(!is_same_origin(origin, host), "{origin:?} {host:?}");
    }

    let local = Access::Local;
    let own = [
        ("Host", "localhost:8123"),
        ("Origin", "http://localhost:8123"),
    ];
    assert_eq!(status(&local, &post("/record/fr/door/door-title", &own)), 0);
    for headers in [
        &[
            ("Host", "127.0.0.1:8123"),
            ("Origin", "http://evil.example"),
        ][..],
        &[("Host", "127.0.0.1:8123")],
        &[
            ("Host", "evil.example:8123"),
            ("Origin", "http://evil.example:8123"),
        ],
    ] {
        assert_eq!(
            status(&local, &post("/record/fr/door/door-title", headers)),
            403,
            "{headers:?}"
        );
    }
    // Any other method is a write too.
    let put = Head::of(Method::Other, "/x", &[("Host", "127.0.0.1:8123")]);
    assert_eq!(status(&local, &put), 403);
}

#[test]
fn a_shared_server_answers_only_the_links_token() {
    let (access, token) = shared();
    // The host does not matter: a phone names the machine by its address.
    let lan = ("Host", "192.168.1.20:8123");
    for head in [
        get("/", &[lan]),
        get("/", &[("Host", "127.0.0.1:8123")]),
        get("/fr/door.html", &[lan]),
        get("/?token=", &[lan]),
        get("/?token=nope", &[lan]),
        get(&format!("/?token={}", &token[1..]), &[lan]),
        get(&format!("/?token={token}x"), &[lan]),
        get("/", &[lan, ("Cookie", "kyr-token=nope")]),
        get("/", &[lan, ("Cookie", &format!("other={token}"))]),
    ] {
        let answer = check(&access, PORT, &head).expect("refused");
        assert_eq!(answer.status, 403, "{} {}", head.path, head.query);
        let page = String::from_utf8(answer.body.clone()).unwrap();
        for words in [
            "Scan the QR code again",
            "Scannez à nouveau le code QR",
            "Escanee otra vez el código QR",
        ] {
            assert!(page.contains(words), "{page}");
        }
        assert!(!page.contains(&token), "the refusal gives the token away");
        assert_eq!(
            header(&answer, "Content-Type"),
            Some("text/html; charset=utf-8")
        );
        assert_eq!(header(&answer, "Set-Cookie"), None);
    }
    // With the cookie the link set, anything is answered.
    for cookie in [
        format!("kyr-token={token}"),
        format!("kyr-ui=fr; kyr-token={token}"),
        format!("kyr-token=old;kyr-token={token}"),
    ] {
        let head = get("/fr/door.html", &[lan, ("Cookie", &cookie)]);
        assert_eq!(status(&access, &head), 0, "{cookie}");
    }
    // Another server's token is not this one's.
    let (other, _) = shared();
    let head = get("/", &[lan, ("Cookie", &format!("kyr-token={token}"))]);
    assert_eq!(status(&other, &head), 403);
}

#[test]
fn the_links_token_becomes_a_cookie_and_leaves_the_address() {
    let (access, token) = shared();
    let lan = ("Host", "192.168.1.20:8123");
    for (target, location) in [
        (format!("/?token={token}"), "/"),
        (format!("/record/?token={token}"), "/record/"),
        (
            format!("/record/fr/door?at=2&token={token}&ui=wo"),
            "/record/fr/door?at=2&ui=wo",
        ),
        (format!("/?token={token}&token=again"), "/"),
        // Never to another site.
        (format!("//evil.example/?token={token}"), "/"),
        (format!("/\\evil.example/?token={token}"), "/"),
    ] {
        let answer = check(&access, PORT, &get(&target, &[lan])).expect("answered");
        assert_eq!(answer.status, 303, "{target}");
        assert_eq!(header(&answer, "Location"), Some(location), "{target}");
        assert_eq!(
            header(&answer, "Set-Cookie"),
            Some(format!("kyr-token={token}; HttpOnly; SameSite=Strict; Path=/").as_str())
        );
        assert_eq!(header(&answer, "Cache-Control"), Some("no-store"));
    }
    // A HEAD is answered the same; a write never trades the token.
    let head = Head::of(Method::Head, &format!("/?token={token}"), &[lan]);
    assert_eq!(status(&access, &head), 303);
    let origin = ("Origin", "http://192.168.1.20:8123");
    let write = post(&format!("/record/fr/door/x?token={token}"), &[lan, origin]);
    assert_eq!(status(&access, &write), 403);
}

#[test]
fn a_shared_server_takes_writes_with_the_cookie_from_its_own_pages() {
    let (access, token) = shared();
    let lan = ("Host", "192.168.1.20:8123");
    let cookie = format!("kyr-token={token}");
    let cookie = ("Cookie", cookie.as_str());
    let path = "/record/fr/door/door-title";
    let own = ("Origin", "http://192.168.1.20:8123");
    assert_eq!(status(&access, &post(path, &[lan, cookie, own])), 0);
    assert_eq!(status(&access, &post(path, &[lan, own])), 403);
    for origin in [
        "http://evil.example",
        "http://127.0.0.1:8123",
        "null",
        "https://192.168.1.20:8123",
    ] {
        let head = post(path, &[lan, cookie, ("Origin", origin)]);
        assert_eq!(status(&access, &head), 403, "{origin}");
    }
    assert_eq!(status(&access, &post(path, &[lan, cookie])), 403);
}

#[test]
fn a_token_is_long_random_and_compared_whole() {
    let tokens: Vec<Token> = (0..16).map(|_| Token::new().unwrap()).collect();
    for (i, token) in tokens.iter().enumerate() {
        // 256 bits, in characters that need no escaping.
        assert_eq!(token.as_str().len(), 43);
        assert!(
            token
                .as_str()
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'),
            "{}",
            token.as_str()
        );
        for other in &tokens[i + 1..] {
            assert_ne!(token.as_str(), other.as_str());
        }
        assert!(token.is(token.as_str()));
        assert!(!token.is(&token.as_str()[..42]));
        assert!(!token.is(""));
        assert!(!format!("{token:?}").contains(token.as_str()));
    }
    assert_eq!(Access::Local.listen_on(), Ipv4Addr::LOCALHOST);
    assert_eq!(
        Access::Shared(tokens[0].clone()).listen_on(),
        Ipv4Addr::UNSPECIFIED
    );
}

#[test]
fn the_refusal_speaks_the_phones_language_first_and_every_other_after() {
    let (access, _) = shared();
    let head = get(
        "/",
        &[
            ("Host", "192.168.1.20:8123"),
            ("Accept-Language", "es-MX,es;q=0.9,en;q=0.5"),
        ],
    );
    let answer = check(&access, PORT, &head).expect("refused");
    let page = String::from_utf8(answer.body).unwrap();
    assert!(page.contains("<html lang=\"es\" dir=\"ltr\">"), "{page}");
    let spanish = page.find("<section lang=\"es\"").unwrap();
    let english = page.find("<section lang=\"en\"").unwrap();
    let french = page.find("<section lang=\"fr\"").unwrap();
    assert!(spanish < english && english < french, "{page}");
}
