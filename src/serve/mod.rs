//! `kyr serve`, the library side: the built folder over HTTP, with a
//! page that reloads itself after each rebuild, and the studio: the
//! recording page ([`record`]) under `/record/`. On this machine only
//! (127.0.0.1), or with `--share` on every address of it for the link's
//! token; every request passes [`access::check`] before any route. The
//! reload script, and the box that lists a page's problems
//! ([`problems`]), are added to the HTML as it is sent; the files on disk
//! stay free of both. Its loop is the watch loop ([`run`]): the server
//! starts after the first build, and every open page reloads after each
//! rebuild.

mod access;
mod http;
mod problems;
mod record;
mod studio;
mod translate;
mod ui;
mod work;

use std::io::Read as _;
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::time::{Duration, Instant};

pub(crate) use access::Access;
use http::{Method, Response};
use problems::Problems;

use crate::base::error::Error;
use crate::build::BuildReport;
use crate::project::Project;
use crate::watch::{self, Listener, WatchOptions};

/// Told what `kyr serve` does: what the watch loop does, and where the
/// site is served.
pub(crate) trait ServeListener: Listener {
    /// The built folder `out_dir` is served at `address` (`http://...`,
    /// this machine's own), and when `shared` through its links.
    fn serving(&mut self, out_dir: &Path, address: &str, shared: Option<&ShareLinks>);
}

/// Where a shared server is reached, its token in each link.
#[derive(Debug)]
pub(crate) struct ShareLinks {
    /// The address listened on (every address of the machine).
    pub(crate) listening: std::net::SocketAddr,
    /// For a browser on this machine: `http://127.0.0.1:<port>/?token=...`.
    pub(crate) here: String,
    /// For a phone on the same network: the machine's network address,
    /// when it has one.
    pub(crate) phones: Option<String>,
}

/// `kyr serve`: the watch loop, with the built folder served on `port`
/// (0: any free port) from the first build on, on this machine only or,
/// when `share`, on every address of it for a new token; each open page
/// is reloaded after a rebuild. Not listening is a usage error.
pub(crate) fn run(
    options: &WatchOptions,
    port: u16,
    share: bool,
    listener: &mut impl ServeListener,
) -> Result<(), Error> {
    let access = if share {
        let token = access::Token::new().map_err(|e| {
            Error::Failed(anyhow::anyhow!(
                "cannot draw a random token for --share: {e}"
            ))
        })?;
        Access::Shared(token)
    } else {
        Access::Local
    };
    let mut serving = WhileServing {
        listener,
        port,
        access,
        reloads: None,
        problems: Arc::default(),
    };
    watch::watch(options, &mut serving)
}

/// The watch loop's listener while serving: starts the server, and tells
/// the pages of each rebuild.
struct WhileServing<'a, L> {
    listener: &'a mut L,
    port: u16,
    /// Who may reach the server.
    access: Access,
    reloads: Option<Arc<Reloads>>,
    /// What each build reported, for the problems banner.
    problems: Arc<Problems>,
}

impl<L: ServeListener> Listener for WhileServing<'_, L> {
    fn built(&mut self, project: &Project, outcome: Result<BuildReport, Error>, started: Instant) {
        if let Ok(report) = &outcome {
            self.problems.built(project, report);
        }
        self.listener.built(project, outcome, started);
        if let Some(reloads) = &self.reloads {
            reloads.rebuilt();
        }
    }

    fn watching(&mut self, root: &Path, out_dir: &Path) -> Result<(), Error> {
        let serving = serve(out_dir, root, self.port, self.access.clone())?;
        let port = serving.address.port();
        let links = match &self.access {
            Access::Shared(token) => Some(share_links(token.as_str(), serving.address)),
            Access::Local => None,
        };
        self.listener.serving(
            out_dir,
            &format!("http://127.0.0.1:{port}/"),
            links.as_ref(),
        );
        self.reloads = Some(serving.reloads);
        self.problems.hand_over(&serving.problems);
        self.problems = serving.problems;
        self.listener.watching(root, out_dir)
    }

    fn changed(&mut self, changed: &[PathBuf]) {
        self.listener.changed(changed);
    }

    fn unloadable(&mut self, error: &Error) {
        self.listener.unloadable(error);
    }
}

/// The links of a server shared with `token`, listening at `listening`.
fn share_links(token: &str, listening: std::net::SocketAddr) -> ShareLinks {
    let port = listening.port();
    ShareLinks {
        listening,
        here: format!("http://127.0.0.1:{port}/?token={token}"),
        phones: access::network_address()
            .map(|address| format!("http://{address}:{port}/?token={token}")),
    }
}

/// Where the served page asks whether it should reload.
const RELOAD_PATH: &str = "/__kyr/reload";

/// How long a page's question waits for a rebuild before it is answered
/// "not yet" (and asked again).
const RELOAD_WAIT: Duration = Duration::from_secs(25);

/// The largest file served, as kyr's limits allow (a PDF may be large).
const MAX_SERVED_BYTES: u64 = 256 * 1024 * 1024;

/// The script added before `</body>` of each served page: it asks the
/// server, again and again, whether the site was rebuilt since the page
/// was sent, and reloads it when it was.
fn reload_script(generation: u64) -> String {
    format!(
        "<script>(function(){{var g={generation};function ask(){{fetch('{RELOAD_PATH}?since='+g).then(function(r){{return r.text()}}).then(function(t){{if(+t!==g){{location.reload()}}else{{ask()}}}},function(){{setTimeout(ask,1000)}})}}ask()}})();</script>"
    )
}

/// How many builds the served site has seen; pages wait on it.
#[derive(Debug, Default)]
pub(crate) struct Reloads {
    generation: Mutex<u64>,
    changed: Condvar,
}

impl Reloads {
    /// Says that the site was rebuilt: every waiting page reloads.
    pub(crate) fn rebuilt(&self) {
        let mut generation = self
            .generation
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        *generation += 1;
        self.changed.notify_all();
    }

    fn current(&self) -> u64 {
        *self
            .generation
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }

    /// The generation once it is past `since`, or after the wait.
    fn after(&self, since: u64) -> u64 {
        let generation = self
            .generation
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        let (generation, _) = self
            .changed
            .wait_timeout_while(generation, RELOAD_WAIT, |g| *g <= since)
            .unwrap_or_else(PoisonError::into_inner);
        *generation
    }
}

/// A running server.
pub(crate) struct Serving {
    /// The address it listens on.
    pub(crate) address: std::net::SocketAddr,
    /// Told of each rebuild.
    pub(crate) reloads: Arc<Reloads>,
    /// Told what each build reported.
    pub(crate) problems: Arc<Problems>,
}

/// Serves `site` on `port` (0: any free port) in threads of its own,
/// with the recording page of the project at `root`, to those `access`
/// lets in; not listening is a usage error (the port is taken, say).
pub(crate) fn serve(site: &Path, root: &Path, port: u16, access: Access) -> Result<Serving, Error> {
    let on = access.listen_on();
    let listener = std::net::TcpListener::bind((on, port))
        .map_err(|e| Error::Usage(format!("cannot listen on {on}:{port}: {e}")))?;
    let address = listener
        .local_addr()
        .map_err(|e| Error::Usage(format!("the server has no address: {e}")))?;
    let reloads = Arc::new(Reloads::default());
    let problems = Arc::new(Problems::default());
    let site = Site {
        out: site.to_path_buf(),
        root: root.to_path_buf(),
        port: address.port(),
        access,
        problems: Arc::clone(&problems),
    };
    let answering = Arc::clone(&reloads);
    http::run(
        listener,
        Arc::new(move |request: &mut http::Request| respond(&site, &answering, request)),
    );
    Ok(Serving {
        address,
        reloads,
        problems,
    })
}

/// What is served.
struct Site {
    /// The built folder.
    out: PathBuf,
    /// The project, for the recording page.
    root: PathBuf,
    /// The port listened on.
    port: u16,
    /// Who may reach it.
    access: Access,
    /// What the last builds reported, for the pages' banners.
    problems: Arc<Problems>,
}

/// The answer to a request, with the headers every answer carries: the
/// access check's, or its route's.
fn respond(site: &Site, reloads: &Reloads, request: &mut http::Request) -> Response {
    let response = access::check(&site.access, site.port, &request.head)
        .unwrap_or_else(|| route(site, reloads, request));
    let range = (request.head.method == Method::Get)
        .then(|| request.head.header("Range"))
        .flatten();
    let response = response.ranged(range);
    let has_policy = response
        .headers
        .iter()
        .any(|(name, _)| *name == "Content-Security-Policy");
    let response = if has_policy {
        response
    } else {
        response.header("Content-Security-Policy", TEXT_POLICY)
    };
    response
        .header("X-Content-Type-Options", "nosniff")
        .header("Referrer-Policy", "no-referrer")
}

/// The answer of the route a request names.
fn route(site: &Site, reloads: &Reloads, request: &mut http::Request) -> Response {
    let path = request.head.path.clone();
    if studio::is_asset_path(&path) && request.head.method == Method::Get {
        studio_reply(studio::asset(&path))
    } else if path == "/"
        || path == record::PREFIX
        || path.starts_with(&format!("{}/", record::PREFIX))
        || path.starts_with(&format!("{}/", translate::PREFIX))
    {
        recording_page(site, request)
    } else if !matches!(request.head.method, Method::Get | Method::Head) {
        Response::text(405, "only GET and HEAD")
    } else if path == RELOAD_PATH {
        let since = request
            .head
            .query
            .split('&')
            .find_map(|pair| pair.strip_prefix("since="))
            .and_then(|n| n.parse().ok())
            .unwrap_or(0);
        Response::text(200, &reloads.after(since).to_string())
    } else {
        match file_for(&site.out, &path) {
            Some(file) => match read(&file) {
                Some(bytes) => {
                    let banner = banner(site, &file, &request.head);
                    page(&file, bytes, reloads.current(), banner)
                }
                None => Response::text(404, "not found"),
            },
            None => Response::text(404, "not found"),
        }
    }
}

/// The security policy of an answer that is not a page: nothing runs,
/// nothing loads, no framing. (A PDF's or a recording's answer gets only
/// the last three: browsers show those with viewers of their own.)
const TEXT_POLICY: &str =
    "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
const FILE_POLICY: &str = "frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/// The file a URL path names in `site`: no `..`, no hidden part (kyr's
/// own records), nothing reached through a link; a folder means its
/// `index.html`, under the same rule.
fn file_for(site: &Path, url_path: &str) -> Option<PathBuf> {
    let decoded = percent_decoded(url_path)?;
    let relative = Path::new(decoded.trim_start_matches('/'));
    let is_link =
        |path: &Path| std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    let mut path = site.to_path_buf();
    for component in relative.components() {
        match component {
            Component::Normal(part) if !part.to_string_lossy().starts_with('.') => path.push(part),
            Component::CurDir => {}
            _ => return None,
        }
        if is_link(&path) {
            return None;
        }
    }
    if path.is_dir() {
        path.push("index.html");
        if is_link(&path) {
            return None;
        }
    }
    path.is_file().then_some(path)
}

/// `%XX` escapes decoded; `None` when that is not UTF-8 or holds a NUL.
fn percent_decoded(path: &str) -> Option<String> {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = path.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok().filter(|s| !s.contains('\0'))
}

fn read(path: &Path) -> Option<Vec<u8>> {
    let file = std::fs::File::open(path).ok()?;
    let mut bytes = Vec::new();
    file.take(MAX_SERVED_BYTES).read_to_end(&mut bytes).ok()?;
    Some(bytes)
}

/// The problems banner of the built page at `file`, in the language the
/// request asks for; none when the page has no problems.
fn banner(site: &Site, file: &Path, head: &http::Head) -> Option<problems::Banner> {
    let (found, chain) = site.problems.of_page(file)?;
    let asked = studio::Incoming {
        post: false,
        path: &head.path,
        query: &head.query,
        content_type: None,
        length: None,
        cookie: head.header("Cookie"),
        accept_language: head.header("Accept-Language"),
    };
    Some(problems::banner(&found, &asked.ui(&chain)))
}

/// A file's answer: its type, and for an HTML page the problems banner
/// (its style in the head, itself at the top of the body), the reload
/// script and a policy that lets only that script and the page's own
/// style run; any other file may be asked for in byte ranges (a browser
/// seeking in a recording).
fn page(
    path: &Path,
    mut bytes: Vec<u8>,
    generation: u64,
    banner: Option<problems::Banner>,
) -> Response {
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let kind = content_type(&extension);
    if extension != "html" {
        let mut file = Response::new(200, bytes)
            .header("Content-Type", kind)
            .header("Cache-Control", "no-store")
            .header("Content-Security-Policy", FILE_POLICY);
        file.ranges = true;
        return file;
    }
    if let Some(banner) = banner {
        let body = find_first(&bytes, b"<body")
            .and_then(|at| find_first(&bytes[at..], b">").map(|end| at + end + 1))
            .unwrap_or(0);
        bytes.splice(body..body, banner.html.into_bytes());
        let head = find_first(&bytes[..body], b"</head>").unwrap_or(body);
        bytes.splice(head..head, banner.style.into_bytes());
    }
    let script = reload_script(generation);
    let policy = page_policy(&bytes, &script);
    let at = find_last(&bytes, b"</body>").unwrap_or(bytes.len());
    bytes.splice(at..at, script.into_bytes());
    Response::new(200, bytes)
        .header("Content-Type", kind)
        .header("Cache-Control", "no-store")
        .header("Content-Security-Policy", policy)
}

/// The type of a file kyr writes or reads, by its extension.
fn content_type(extension: &str) -> &'static str {
    match extension {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "txt" | "ftl" | "md" => "text/plain; charset=utf-8",
        "toml" => "application/toml",
        "json" => "application/json",
        "pdf" => "application/pdf",
        "zip" => "application/zip",
        "png" => "image/png",
        "svg" => "image/svg+xml",
        "woff2" => "font/woff2",
        "ttf" => "font/ttf",
        "otf" => "font/otf",
        "ogg" | "opus" => "audio/ogg",
        "webm" => "audio/webm",
        "m4a" => "audio/mp4",
        "mp3" => "audio/mpeg",
        "wav" => "audio/wav",
        _ => "application/octet-stream",
    }
}

/// The policy of a built page as it is served: its own style elements
/// (by their hashes), its fonts, images and recordings from this server,
/// and of script only the reload script.
fn page_policy(page: &[u8], script: &str) -> String {
    let hash = |text: &[u8]| {
        use base64::Engine as _;
        use sha2::Digest as _;
        base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(text))
    };
    let mut styles = String::new();
    let mut rest = page;
    while let Some(open) = find_first(rest, b"<style>") {
        let inner = &rest[open + b"<style>".len()..];
        let Some(close) = find_first(inner, b"</style>") else {
            break;
        };
        styles.push_str(&format!(" 'sha256-{}'", hash(&inner[..close])));
        rest = &inner[close..];
    }
    let code = script
        .strip_prefix("<script>")
        .and_then(|s| s.strip_suffix("</script>"))
        .unwrap_or(script);
    format!(
        "default-src 'none'; script-src 'sha256-{}'; style-src{}; font-src 'self'; img-src 'self' data:; media-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
        hash(code.as_bytes()),
        if styles.is_empty() {
            " 'none'".to_owned()
        } else {
            styles
        }
    )
}

/// A request for the work index (`/`, [`work::respond`]), under
/// `/record/` ([`record::respond`]) or under `/translate/`
/// ([`translate::respond`]).
fn recording_page(site: &Site, request: &mut http::Request) -> Response {
    let head = &request.head;
    let post = match head.method {
        Method::Get | Method::Head => false,
        Method::Post => true,
        Method::Other => return Response::text(405, "only GET, HEAD and POST"),
    };
    let incoming = studio::Incoming {
        post,
        path: &head.path,
        query: &head.query,
        content_type: head.header("Content-Type"),
        length: head.length(),
        cookie: head.header("Cookie"),
        accept_language: head.header("Accept-Language"),
    };
    let mut reply = if head.path == "/" {
        work::respond(&site.root, &incoming)
    } else if head.path.starts_with(&format!("{}/", translate::PREFIX)) {
        translate::respond(&site.root, &incoming, request.body)
    } else {
        record::respond(&site.root, &incoming, request.body)
    };
    if reply.page
        && let Some(tag) = ui::chosen(incoming.query, None)
    {
        reply.cookie = Some(format!(
            "{}={tag}; Path=/; SameSite=Strict; Max-Age=31536000",
            ui::COOKIE
        ));
    }
    studio_reply(reply)
}

/// A studio reply as an answer, with its policy and cookie.
fn studio_reply(reply: studio::Reply) -> Response {
    let policy = reply.policy();
    let mut response = Response::new(reply.status, reply.body)
        .header("Content-Type", reply.kind)
        .header("Cache-Control", reply.cache)
        .header("Content-Security-Policy", policy);
    if let Some(cookie) = reply.cookie {
        response = response.header("Set-Cookie", cookie);
    }
    response.ranges = reply.kind.starts_with("audio/");
    response
}

fn find_last(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

fn find_first(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_sites_own_files_are_served() {
        let site = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(site.path().join("fr")).unwrap();
        std::fs::create_dir_all(site.path().join(".kyr")).unwrap();
        std::fs::write(site.path().join("index.html"), "i").unwrap();
        std::fs::write(site.path().join("fr/door.html"), "d").unwrap();
        std::fs::write(site.path().join(".kyr/lock"), "").unwrap();
        let root = site.path();
        assert_eq!(file_for(root, "/"), Some(root.join("index.html")));
        assert_eq!(
            file_for(root, "/fr/door.html"),
            Some(root.join("fr/door.html"))
        );
        assert_eq!(
            file_for(root, "/fr/%64oor.html"),
            Some(root.join("fr/door.html"))
        );
        for refused in [
            "/../etc/passwd",
            "/fr/../../x",
            "/%2e%2e/x",
            "/.kyr/lock",
            "/fr/nope.html",
            "/%ff",
            "/a%00",
        ] {
            assert_eq!(file_for(root, refused), None, "{refused}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_folders_index_that_links_elsewhere_is_not_served() {
        let site = tempfile::tempdir().unwrap();
        let elsewhere = tempfile::tempdir().unwrap();
        std::fs::write(elsewhere.path().join("secret"), "s").unwrap();
        std::fs::create_dir_all(site.path().join("fr")).unwrap();
        std::os::unix::fs::symlink(
            elsewhere.path().join("secret"),
            site.path().join("fr/index.html"),
        )
        .unwrap();
        assert_eq!(file_for(site.path(), "/fr/"), None);
        assert_eq!(file_for(site.path(), "/fr"), None);
        assert_eq!(file_for(site.path(), "/fr/index.html"), None);
    }

    /// An answer of a running server to `GET path` with `extra` headers:
    /// its status, its head and its body.
    fn get(port: u16, path: &str, extra: &str) -> (u16, String, Vec<u8>) {
        use std::io::{Read as _, Write as _};
        let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
        write!(
            stream,
            "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n{extra}\r\n"
        )
        .unwrap();
        let mut answer = Vec::new();
        stream.read_to_end(&mut answer).unwrap();
        let end = find_first(&answer, b"\r\n\r\n").unwrap();
        let head = String::from_utf8_lossy(&answer[..end]).into_owned();
        let status = head[9..12].parse().unwrap();
        (status, head, answer[end + 4..].to_vec())
    }

    #[test]
    fn every_answer_has_its_type_nosniff_and_a_policy_and_files_answer_ranges() {
        let site = tempfile::tempdir().unwrap();
        let root = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(site.path().join("fr/audio")).unwrap();
        let pdf: Vec<u8> = (0..=255).collect();
        std::fs::write(site.path().join("fr/door.pdf"), &pdf).unwrap();
        std::fs::write(site.path().join("fr/audio/a.webm"), b"webm").unwrap();
        std::fs::write(site.path().join("fr/a.ftl"), b"a = b").unwrap();
        std::fs::write(site.path().join("fr/a.js"), b"x").unwrap();
        std::fs::write(
            site.path().join("fr/door.html"),
            "<html><head><style>body{margin:0}</style></head><body>x</body></html>",
        )
        .unwrap();
        let port = serve(site.path(), root.path(), 0, Access::Local)
            .unwrap()
            .address
            .port();
        for (path, kind) in [
            ("/fr/door.pdf", "application/pdf"),
            ("/fr/audio/a.webm", "audio/webm"),
            ("/fr/a.ftl", "text/plain; charset=utf-8"),
            ("/fr/a.js", "text/javascript; charset=utf-8"),
            ("/fr/door.html", "text/html; charset=utf-8"),
            ("/nope", "text/plain; charset=utf-8"),
            ("/__kyr/reload?since=99", "text/plain; charset=utf-8"),
        ] {
            let (_, head, _) = get(port, path, "");
            assert!(
                head.contains(&format!("Content-Type: {kind}\r\n")),
                "{path}: {head}"
            );
            assert!(
                head.contains("X-Content-Type-Options: nosniff"),
                "{path}: {head}"
            );
            assert!(head.contains("Content-Security-Policy: "), "{path}: {head}");
        }
        let (status, head, body) = get(port, "/fr/door.pdf", "Range: bytes=16-31\r\n");
        assert_eq!(status, 206, "{head}");
        assert!(head.contains("Content-Range: bytes 16-31/256"), "{head}");
        assert_eq!(body, &pdf[16..32]);
        let (status, head, _) = get(port, "/fr/door.pdf", "Range: bytes=999-\r\n");
        assert_eq!(status, 416, "{head}");
        let (status, head, body) = get(port, "/fr/door.pdf", "");
        assert_eq!((status, body.len()), (200, 256));
        assert!(head.contains("Accept-Ranges: bytes"), "{head}");

        // The page's policy lets its own style and the reload script run,
        // and nothing else.
        let (_, head, body) = get(port, "/fr/door.html", "");
        let body = String::from_utf8(body).unwrap();
        let hash = |text: &str| {
            use base64::Engine as _;
            use sha2::Digest as _;
            base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(text))
        };
        let script = body
            .split("<script>")
            .nth(1)
            .unwrap()
            .split("</script>")
            .next()
            .unwrap();
        assert!(
            head.contains(&format!("script-src 'sha256-{}';", hash(script))),
            "{head}"
        );
        assert!(
            head.contains(&format!("style-src 'sha256-{}';", hash("body{margin:0}"))),
            "{head}"
        );
        assert!(head.contains("default-src 'none'"), "{head}");
    }

    #[test]
    fn a_page_waits_for_the_next_build() {
        let reloads = Arc::new(Reloads::default());
        let waiting = {
            let reloads = Arc::clone(&reloads);
            std::thread::spawn(move || reloads.after(0))
        };
        std::thread::sleep(Duration::from_millis(50));
        reloads.rebuilt();
        assert_eq!(waiting.join().unwrap(), 1);
        assert_eq!(reloads.after(0), 1, "already past: answered at once");
    }
}
