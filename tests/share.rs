//! `kyr serve --share`: phones on the network reach the studio only
//! through the link's token, and without `--share` only this machine
//! does. The server listens on every address, but these tests talk to
//! it through 127.0.0.1 only, naming it as a phone would in `Host`.

use std::io::{Read as _, Write as _};
use std::path::Path;
use std::time::Duration;

use crate::util::{Fixture, Watching};

/// An answer: its status, its head, its body.
struct Answer {
    status: u16,
    head: String,
    body: Vec<u8>,
}

impl Answer {
    /// The value of header `name`, if sent.
    fn header(&self, name: &str) -> Option<&str> {
        self.head.lines().find_map(|line| {
            let (n, v) = line.split_once(": ")?;
            n.eq_ignore_ascii_case(name).then_some(v)
        })
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// Sends `method path` with `headers` (and `body`) to 127.0.0.1:`port`.
fn send(port: u16, method: &str, path: &str, headers: &[(&str, &str)], body: &[u8]) -> Answer {
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .unwrap();
    let mut request = format!("{method} {path} HTTP/1.1\r\n");
    for (name, value) in headers {
        request.push_str(&format!("{name}: {value}\r\n"));
    }
    if method == "POST" {
        request.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    request.push_str("\r\n");
    stream.write_all(request.as_bytes()).unwrap();
    let _ = stream.write_all(body);
    let mut answer = Vec::new();
    // A refusal may close before reading the body: what came before
    // the reset is the answer.
    let _ = stream.read_to_end(&mut answer);
    let end = answer
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or_else(|| panic!("no head in {:?}", String::from_utf8_lossy(&answer)));
    let head = String::from_utf8_lossy(&answer[..end]).into_owned();
    let status = head[9..12].parse().unwrap();
    Answer {
        status,
        head,
        body: answer[end + 4..].to_vec(),
    }
}

/// The port of a link `http://<host>:<port>/...`.
fn port_of(link: &str) -> u16 {
    link.strip_prefix("http://")
        .and_then(|rest| rest.split('/').next())
        .and_then(|host| host.rsplit(':').next())
        .and_then(|port| port.parse().ok())
        .unwrap_or_else(|| panic!("no port in {link:?}"))
}

/// The link after `label` in the printed lines.
fn link_after<'l>(lines: &'l [String], label: &str) -> Option<&'l str> {
    lines.iter().find_map(|line| {
        let rest = line.split_once(label)?.1;
        rest.split_whitespace().find(|w| w.starts_with("http://"))
    })
}

/// What the QR codes drawn in `lines` (two rows of modules to a
/// character, as qrcode's dense renderer draws them) hold.
fn scanned(lines: &[String]) -> Vec<String> {
    let drawn: Vec<Vec<char>> = lines
        .iter()
        .filter(|line| !line.is_empty() && line.chars().all(|c| matches!(c, ' ' | '▀' | '▄' | '█')))
        .map(|line| line.chars().collect())
        .collect();
    assert!(!drawn.is_empty(), "no QR code in:\n{}", lines.join("\n"));
    let width = drawn.iter().map(Vec::len).max().unwrap();
    let (scale, height) = (4, drawn.len() * 2);
    let mut grey = vec![255u8; width * scale * height * scale];
    for (row, line) in drawn.iter().enumerate() {
        for (column, c) in line.iter().enumerate() {
            let (top, bottom) = match c {
                '█' => (true, true),
                '▀' => (true, false),
                '▄' => (false, true),
                _ => (false, false),
            };
            for (half, dark) in [(0, top), (1, bottom)] {
                if !dark {
                    continue;
                }
                for y in 0..scale {
                    let at = ((row * 2 + half) * scale + y) * width * scale + column * scale;
                    grey[at..at + scale].fill(0);
                }
            }
        }
    }
    quircs::Quirc::default()
        .identify(width * scale, height * scale, &grey)
        .filter_map(|code| code.ok()?.decode().ok())
        .map(|data| String::from_utf8_lossy(&data.payload).into_owned())
        .collect()
}

fn recording() -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/audio/tone.ogg"))
        .unwrap()
}

#[test]
fn serve_share_prints_a_link_with_a_token_and_its_qr_code() {
    let fx = Fixture::new("build/basic");
    let serve = Watching::run(
        &fx,
        "serve",
        &["--share", "--port", "0", "--format", "html"],
    );
    let lines = serve.wait_for("watching");
    let all = lines.join("\n");
    let here = link_after(&lines, "on this machine, open:")
        .unwrap_or_else(|| panic!("no link for this machine in:\n{all}"));
    let port = port_of(here);
    let token = here
        .strip_prefix(&format!("http://127.0.0.1:{port}/?token="))
        .unwrap_or_else(|| panic!("no token in {here:?}"));
    assert!(token.len() >= 22, "a short token: {token:?}");
    assert!(
        all.contains(&format!("every address of this machine (0.0.0.0:{port})")),
        "{all}"
    );
    assert!(
        all.contains("anyone with the link below can change this project's translations"),
        "{all}"
    );
    assert!(
        all.contains("without --share, only this machine can reach kyr serve"),
        "{all}"
    );
    // The phones' link names this machine on its network, and the QR
    // code holds it (never contacted here).
    match link_after(&lines, "scan this code or open:") {
        Some(phones) => {
            assert_eq!(port_of(phones), port);
            assert!(phones.ends_with(&format!("/?token={token}")), "{phones}");
            let host = phones[7..].split(':').next().unwrap();
            let address: std::net::Ipv4Addr = host.parse().unwrap();
            assert!(
                !address.is_loopback() && !address.is_unspecified(),
                "{host}"
            );
            assert_eq!(scanned(&lines), [phones]);
        }
        None => assert!(
            all.contains("this machine has no network address phones could use"),
            "{all}"
        ),
    }
    // Each start draws a new token.
    drop(serve);
    let again = Watching::run(
        &fx,
        "serve",
        &["--share", "--port", "0", "--format", "html"],
    );
    let lines = again.wait_for("watching");
    let other = link_after(&lines, "on this machine, open:").unwrap();
    assert!(!other.ends_with(token), "the same token twice: {other}");
}

#[test]
fn serve_share_answers_only_the_links_token_and_writes_from_its_own_pages() {
    let fx = Fixture::new("build/basic");
    let serve = Watching::run(
        &fx,
        "serve",
        &["--share", "--port", "0", "--format", "html"],
    );
    let lines = serve.wait_for("watching");
    let here = link_after(&lines, "on this machine, open:").unwrap();
    let port = port_of(here);
    let token = here.split_once("?token=").unwrap().1;
    // A phone names the machine by its network address.
    let phone = format!("192.168.1.20:{port}");
    let host = ("Host", phone.as_str());

    // Without the token: refused, in words, with the security headers.
    for answer in [
        send(
            port,
            "GET",
            "/",
            &[("Host", &format!("127.0.0.1:{port}"))],
            b"",
        ),
        send(port, "GET", "/fr/door.html", &[host], b""),
        send(port, "GET", "/record/", &[host], b""),
        send(port, "GET", "/?token=not-the-token", &[host], b""),
        send(
            port,
            "GET",
            "/",
            &[host, ("Cookie", "kyr-token=not-the-token")],
            b"",
        ),
    ] {
        assert_eq!(answer.status, 403, "{}", answer.head);
        assert!(
            answer.text().contains("Scan the QR code again"),
            "{}",
            answer.text()
        );
        assert!(!answer.text().contains(token));
        assert_eq!(answer.header("Set-Cookie"), None);
        assert_eq!(answer.header("X-Content-Type-Options"), Some("nosniff"));
        assert_eq!(answer.header("Referrer-Policy"), Some("no-referrer"));
        assert!(answer.header("Content-Security-Policy").is_some());
    }

    // The link: the token goes into a cookie for the session, and out of
    // the address.
    let welcome = send(
        port,
        "GET",
        &format!("/fr/door.html?token={token}"),
        &[host],
        b"",
    );
    assert_eq!(welcome.status, 303, "{}", welcome.head);
    assert_eq!(welcome.header("Location"), Some("/fr/door.html"));
    let cookie = welcome.header("Set-Cookie").unwrap();
    assert_eq!(
        cookie,
        format!("kyr-token={token}; HttpOnly; SameSite=Strict; Path=/")
    );
    let kept = format!("kyr-token={token}");
    let cookie = ("Cookie", kept.as_str());

    // With the cookie, the pages.
    let page = send(port, "GET", "/fr/door.html", &[host, cookie], b"");
    assert_eq!(page.status, 200, "{}", page.head);
    assert!(page.text().contains("garder le silence"), "{}", page.text());
    let index = send(port, "GET", "/record/", &[host, cookie], b"");
    assert_eq!(index.status, 200, "{}", index.head);

    // A write from another site, or with no origin: refused, nothing saved.
    let tone = recording();
    let save = "/record/fr/door/door-title";
    let audio = ("Content-Type", "audio/ogg");
    for origin in [Some("http://evil.example"), Some("null"), None] {
        let mut headers = vec![host, cookie, audio];
        headers.extend(origin.map(|o| ("Origin", o)));
        let answer = send(port, "POST", save, &headers, &tone);
        assert_eq!(answer.status, 403, "{origin:?}: {}", answer.text());
    }
    // From the server's own page but without the cookie: refused.
    let own = format!("http://{phone}");
    let origin = ("Origin", own.as_str());
    let answer = send(port, "POST", save, &[host, origin, audio], &tone);
    assert_eq!(answer.status, 403, "{}", answer.text());
    assert!(!fx.root().join("locales/fr/audio").exists());
    // With both: saved.
    let answer = send(port, "POST", save, &[host, cookie, origin, audio], &tone);
    assert_eq!(answer.status, 200, "{}", answer.text());
    assert!(fx.root().join("locales/fr/audio/door-title.ogg").is_file());
}

#[test]
fn serve_without_share_answers_only_this_machines_own_names() {
    let fx = Fixture::new("build/basic");
    let serve = Watching::run(&fx, "serve", &["--port", "0", "--format", "html"]);
    let lines = serve.wait_for("serving");
    let line = lines.last().unwrap();
    assert!(line.contains("(this machine only)"), "{line}");
    let address = line
        .split_whitespace()
        .find(|w| w.starts_with("http://127.0.0.1:"))
        .unwrap_or_else(|| panic!("no address in {line:?}"));
    let port = port_of(address);
    let all = serve.wait_for("watching").join("\n");
    assert!(!all.contains("token"), "{all}");

    let own = format!("127.0.0.1:{port}");
    let page = send(port, "GET", "/fr/door.html", &[("Host", &own)], b"");
    assert_eq!(page.status, 200, "{}", page.head);
    // Another name for this machine (DNS rebinding), a network address,
    // no name at all: refused, whatever the token.
    for host in [
        Some(format!("evil.example:{port}")),
        Some(format!("192.168.1.20:{port}")),
        Some("localhost".to_owned()),
        None,
    ] {
        let headers: Vec<(&str, &str)> = host.iter().map(|h| ("Host", h.as_str())).collect();
        for path in ["/fr/door.html", "/record/", "/?token=x"] {
            let answer = send(port, "GET", path, &headers, b"");
            assert_eq!(answer.status, 403, "{host:?} {path}: {}", answer.head);
        }
    }
    // A write from another site: refused, nothing saved.
    let tone = recording();
    let answer = send(
        port,
        "POST",
        "/record/fr/door/door-title",
        &[
            ("Host", &own),
            ("Origin", "http://evil.example"),
            ("Content-Type", "audio/ogg"),
        ],
        &tone,
    );
    assert_eq!(answer.status, 403, "{}", answer.text());
    assert!(!fx.root().join("locales/fr/audio").exists());
}
