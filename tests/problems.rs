//! Problems in the browser: `kyr serve` shows a page's problems in a box
//! at its top, in the volunteer's language, as the page is sent; the file
//! in `out/` never has it, and a corrected file takes it away.

use std::io::{Read as _, Write as _};
use std::time::Duration;

use crate::util::{Fixture, Watching};

/// Wolof's door page with a message that lost its `=` (line 2).
const BROKEN: &str =
    "door-title = Bu agent yi ñëwee ci sa bunt\ndoor-silent Am nga sañ-sañ bu noppi.\n";
const FIXED: &str =
    "door-title = Bu agent yi ñëwee ci sa bunt\ndoor-silent = Am nga sañ-sañ bu noppi.\n";

/// The head and the body of the answer to `GET path`, on 127.0.0.1.
fn get(port: u16, path: &str) -> (String, String) {
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).unwrap();
    let answer = String::from_utf8(answer).unwrap();
    let (head, body) = answer.split_once("\r\n\r\n").unwrap();
    (head.to_owned(), body.to_owned())
}

fn sha256(text: &str) -> String {
    use base64::Engine as _;
    use sha2::Digest as _;
    base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(text))
}

/// Every `<style>` element's text of a page.
fn styles(page: &str) -> Vec<&str> {
    page.split("<style>")
        .skip(1)
        .filter_map(|s| s.split("</style>").next())
        .collect()
}

#[test]
fn serve_shows_a_broken_wolof_message_in_french_on_the_page_only_as_served() {
    let fx = Fixture::new("build/basic");
    fx.with_real_contacts();
    fx.append(
        "kyr.toml",
        "\n[locales.wo]\nendonym = \"Wolof\"\nfallback = [\"fr\"]\n",
    );
    fx.write("locales/wo/door.ftl", BROKEN);
    let serve = Watching::run(&fx, "serve", &["--port", "0", "--format", "html"]);
    let mut lines = serve.wait_for("serving");
    let port: u16 = lines
        .last()
        .and_then(|l| l.rsplit("127.0.0.1:").next())
        .and_then(|rest| rest.split('/').next())
        .and_then(|p| p.parse().ok())
        .unwrap_or_else(|| panic!("no port in {lines:?}"));
    lines.extend(serve.wait_for("watching"));
    assert!(
        lines.iter().any(|l| l.contains("locales/wo/door.ftl:2:13")),
        "the terminal says it too: {lines:?}"
    );

    let (head, page) = get(port, "/wo/door.html");
    let page = page.replace(['\u{2068}', '\u{2069}'], "");
    let banner = page
        .split("<aside class=\"kyr-problems\"")
        .nth(1)
        .and_then(|rest| rest.split("</aside>").next())
        .unwrap_or_else(|| panic!("no banner in {page}"));
    assert!(banner.starts_with(" lang=\"fr\" dir=\"ltr\">"), "{banner}");
    assert!(
        banner.contains("kyr a trouvé des problèmes dans cette page"),
        "{banner}"
    );
    assert!(
        banner.contains("<bdi dir=\"ltr\">locales/wo/door.ftl:2:13</bdi>"),
        "{banner}"
    );
    assert!(
        banner.contains("<code dir=\"ltr\">door-silent</code>"),
        "{banner}"
    );
    assert!(
        banner.contains("kyr ne peut pas lire cette ligne"),
        "{banner}"
    );
    // At the top of the body, before the page's own text.
    let body = page.find("<body>").unwrap();
    assert!(
        page[body..].starts_with("<body><aside class=\"kyr-problems\""),
        "{}",
        &page[body..body + 200]
    );
    // Its style is allowed by the page's policy, as the page's own are.
    for style in styles(&page) {
        assert!(
            head.contains(&format!("'sha256-{}'", sha256(style))),
            "a style not in the policy: {head}"
        );
    }
    assert!(styles(&page).iter().any(|s| s.contains(".kyr-problems")));
    // The file on disk has none of it.
    let on_disk = fx.page("wo/door.html");
    assert!(!on_disk.contains("kyr-problems"), "the banner was written");
    // The chosen language speaks it.
    let (_, spanish) = get(port, "/wo/door.html?ui=es");
    assert!(
        spanish.contains("kyr encontró problemas en esta página"),
        "{spanish}"
    );
    // French pages have no Wolof problem; the site's index has it.
    let (_, french) = get(port, "/fr/door.html");
    assert!(!french.contains("locales/wo/"), "{french}");
    let (_, index) = get(port, "/index.html");
    assert!(index.contains("locales/wo/door.ftl:2:13"), "{index}");

    // Corrected and saved, the page comes back without it.
    fx.write("locales/wo/door.ftl", FIXED);
    serve.wait_for("built");
    let (_, page) = get(port, "/wo/door.html");
    assert!(!page.contains("locales/wo/door.ftl"), "{page}");
    assert!(page.contains("Am nga sañ-sañ bu noppi."), "{page}");
}
