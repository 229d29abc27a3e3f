//! Who may reach `kyr serve`: the one check every request passes in
//! `serve::respond` before any route, so that no page of the studio
//! checks hosts or origins of its own.
//!
//! - On this machine only ([`Access::Local`], the default): the server
//!   listens on 127.0.0.1, and a request must name it as its host
//!   (`127.0.0.1:<port>` or `localhost:<port>`), so that a web page that
//!   gives its own name this machine's address (DNS rebinding) reads
//!   nothing.
//! - Shared ([`Access::Shared`], `kyr serve --share`): the server listens
//!   on every address of the machine, and a request must carry the
//!   share link's [`Token`]. It comes once in the link (`?token=...`,
//!   the QR code the organizer shows), is traded for a cookie kept for
//!   the browser's session, and the browser is sent to the same address
//!   without it, so that it stays out of the history and of a copied
//!   address. The host is not checked: a phone names the machine by its
//!   network address, and the token stands in for the name.
//!
//! In both, a write (anything but GET and HEAD) must come from this
//! server's own pages: its `Origin` is `http://` and the request's
//! `Host`.
//!
//! It does not set the security headers every answer carries (the
//! caller adds them), and reads no body.

use std::net::{Ipv4Addr, UdpSocket};

use base64::Engine as _;

use super::http::{Head, Method, Response};
use super::{studio, ui};

/// Who may reach the server.
#[derive(Debug, Clone)]
pub(crate) enum Access {
    /// This machine only, through its own names for itself.
    Local,
    /// Every address of the machine, with the share link's token.
    Shared(Token),
}

impl Access {
    /// The address the server listens on: 127.0.0.1, or every IPv4
    /// address of the machine when shared.
    pub(crate) fn listen_on(&self) -> Ipv4Addr {
        match self {
            Access::Local => Ipv4Addr::LOCALHOST,
            Access::Shared(_) => Ipv4Addr::UNSPECIFIED,
        }
    }
}

/// The cookie that keeps the token for the browser's session.
const COOKIE: &str = "kyr-token";

/// The query parameter the share link carries the token in.
const PARAMETER: &str = "token";

/// A share link's secret: 256 bits from the system's random source, as
/// 43 characters that need no escaping in an address or a cookie.
#[derive(Clone)]
pub(crate) struct Token(String);

impl Token {
    /// A new token, different at each start of `kyr serve --share`.
    pub(crate) fn new() -> Result<Token, getrandom::Error> {
        let mut bytes = [0u8; 32];
        getrandom::fill(&mut bytes)?;
        Ok(Token(
            base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes),
        ))
    }

    /// The token, to put in the share link.
    pub(crate) fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether `given` is this token, in a time that does not depend on
    /// how much of it is right.
    fn is(&self, given: &str) -> bool {
        constant_time_eq::constant_time_eq(self.0.as_bytes(), given.as_bytes())
    }
}

impl std::fmt::Debug for Token {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Token(..)")
    }
}

/// The answer a request gets instead of its route's, if any: a refusal,
/// or when shared the redirect that trades the link's token for a
/// cookie. `None`: the request goes on to its route.
pub(super) fn check(access: &Access, port: u16, head: &Head) -> Option<Response> {
    let host = head.header("Host");
    match access {
        Access::Local if !is_own_host(host, port) => {
            return Some(Response::text(
                403,
                &format!("refused: open kyr serve at http://127.0.0.1:{port}/"),
            ));
        }
        Access::Local => {}
        Access::Shared(token) => {
            if let Some(answer) = check_token(token, head) {
                return Some(answer);
            }
        }
    }
    let writes = !matches!(head.method, Method::Get | Method::Head);
    if writes && !is_same_origin(head.header("Origin"), host) {
        return Some(Response::text(
            403,
            "refused: changes are saved only from the pages of this kyr serve",
        ));
    }
    None
}

/// A shared server's check: the link's token in the query of a GET or
/// HEAD (traded for the cookie), or the cookie.
fn check_token(token: &Token, head: &Head) -> Option<Response> {
    let reads = matches!(head.method, Method::Get | Method::Head);
    if reads && let Some((given, rest)) = without_token(&head.query) {
        return Some(if token.is(&given) {
            welcome(token, &head.path, &rest)
        } else {
            not_invited(head)
        });
    }
    let cookie = head.header("Cookie").unwrap_or_default();
    let kept = cookie
        .split(';')
        .filter_map(|pair| pair.trim().split_once('='))
        .any(|(name, value)| name == COOKIE && token.is(value));
    if kept { None } else { Some(not_invited(head)) }
}

/// The token a query carries, and the query without it; `None` when it
/// carries none.
fn without_token(query: &str) -> Option<(String, String)> {
    let mut given = None;
    let mut rest = Vec::new();
    for pair in query.split('&').filter(|pair| !pair.is_empty()) {
        match pair.split_once('=') {
            Some((PARAMETER, value)) => {
                given.get_or_insert_with(|| value.to_owned());
            }
            _ => rest.push(pair),
        }
    }
    given.map(|given| (given, rest.join("&")))
}

/// The answer to the share link: the token kept in a cookie for the
/// browser's session (never sent to another site, never read by a
/// script), and the same address without it.
fn welcome(token: &Token, path: &str, rest: &str) -> Response {
    // A path that a browser would read as another host's (`//host`,
    // `/\host`) goes to the start instead.
    let path = match path.as_bytes() {
        [b'/', b'/' | b'\\', ..] => "/",
        [b'/', ..] => path,
        _ => "/",
    };
    let location = if rest.is_empty() {
        path.to_owned()
    } else {
        format!("{path}?{rest}")
    };
    Response::new(303, Vec::new())
        .header("Location", location)
        .header(
            "Set-Cookie",
            format!(
                "{COOKIE}={}; HttpOnly; SameSite=Strict; Path=/",
                token.as_str()
            ),
        )
        .header("Cache-Control", "no-store")
}

/// The refusal of a request without the token: a page saying what to
/// do in every language kyr has studio words in, the phone's own first
/// (kyr does not know yet which the volunteer reads).
fn not_invited(head: &Head) -> Response {
    let wanted = studio::accepted_languages(head.header("Accept-Language"));
    let languages = ui::in_every_language(
        &wanted,
        &["studio-share-refused-title", "studio-share-refused"],
    );
    let escaped = |text: &str| {
        let mut html = String::new();
        crate::html::escape_into(&mut html, text);
        html
    };
    let title = languages
        .iter()
        .map(|(_, _, texts)| escaped(&texts[0]))
        .collect::<Vec<_>>()
        .join(" · ");
    let mut page = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\" dir=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{title}</title>\n</head>\n<body>\n<main>\n",
        languages.first().map_or("en", |l| l.0),
        languages.first().map_or("ltr", |l| l.1),
    );
    for (tag, dir, texts) in &languages {
        page.push_str(&format!(
            "<section lang=\"{tag}\" dir=\"{dir}\">\n<h1>{}</h1>\n<p>{}</p>\n</section>\n",
            escaped(&texts[0]),
            escaped(&texts[1])
        ));
    }
    page.push_str("</main>\n</body>\n</html>\n");
    Response::new(403, page.into_bytes())
        .header("Content-Type", "text/html; charset=utf-8")
        .header("Cache-Control", "no-store")
}

/// Whether a `Host` header names this server on this machine (a page
/// reached through another name, as a DNS rebinding attack does, is
/// refused).
fn is_own_host(host: Option<&str>, port: u16) -> bool {
    host.is_some_and(|host| {
        [format!("127.0.0.1:{port}"), format!("localhost:{port}")]
            .iter()
            .any(|own| host.eq_ignore_ascii_case(own))
    })
}

/// Whether an `Origin` header is the site the request is sent to: a
/// page of this server, not another site's.
fn is_same_origin(origin: Option<&str>, host: Option<&str>) -> bool {
    match (origin, host) {
        (Some(origin), Some(host)) => origin
            .strip_prefix("http://")
            .is_some_and(|named| !named.is_empty() && named.eq_ignore_ascii_case(host)),
        _ => false,
    }
}

/// This machine's IPv4 address on its network, as a phone on the same
/// network reaches it: the address the system would send from to a
/// private address. Connecting a UDP socket only chooses the route; it
/// sends nothing. `None` when the machine has no such route (no
/// network).
pub(crate) fn network_address() -> Option<Ipv4Addr> {
    // Private addresses, one in each private range: whichever the
    // system routes first names the interface the shelter's network is on.
    let private = [
        Ipv4Addr::new(192, 168, 255, 254),
        Ipv4Addr::new(172, 31, 255, 254),
        Ipv4Addr::new(10, 255, 255, 254),
    ];
    private.into_iter().find_map(|to| {
        let socket = UdpSocket::bind((Ipv4Addr::UNSPECIFIED, 0)).ok()?;
        socket.connect((to, 9)).ok()?;
        match socket.local_addr().ok()?.ip() {
            std::net::IpAddr::V4(address)
                if !address.is_loopback() && !address.is_unspecified() =>
            {
                Some(address)
            }
            _ => None,
        }
    })
}

#[cfg(test)]
mod tests;
