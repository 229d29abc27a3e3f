//! `kyr serve`, the library side: the built folder over HTTP on this
//! machine only (127.0.0.1), with a page that reloads itself after each
//! rebuild, and the recording page ([`record`]) under `/record/`. The
//! reload script is added to the HTML as it is sent; the files on disk
//! stay free of script. Its loop is the watch loop ([`run`]): the server
//! starts after the first build, and every open page reloads after each
//! rebuild.

mod record;

use std::io::Read as _;
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::time::{Duration, Instant};

use tiny_http::{Header, Method, Request, Response, Server};

use crate::base::error::Error;
use crate::build::BuildReport;
use crate::project::Project;
use crate::watch::{self, Listener, WatchOptions};

/// Told what `kyr serve` does: what the watch loop does, and where the
/// site is served.
pub(crate) trait ServeListener: Listener {
    /// The built folder `out_dir` is served at `address` (`http://...`).
    fn serving(&mut self, out_dir: &Path, address: &str);
}

/// `kyr serve`: the watch loop, with the built folder served on
/// 127.0.0.1:`port` (0: any free port) from the first build on, and each
/// open page reloaded after a rebuild. Not listening is a usage error.
pub(crate) fn run(
    options: &WatchOptions,
    port: u16,
    listener: &mut impl ServeListener,
) -> Result<(), Error> {
    let mut serving = WhileServing {
        listener,
        port,
        reloads: None,
    };
    watch::watch(options, &mut serving)
}

/// The watch loop's listener while serving: starts the server, and tells
/// the pages of each rebuild.
struct WhileServing<'a, L> {
    listener: &'a mut L,
    port: u16,
    reloads: Option<Arc<Reloads>>,
}

impl<L: ServeListener> Listener for WhileServing<'_, L> {
    fn built(&mut self, project: &Project, outcome: Result<BuildReport, Error>, started: Instant) {
        self.listener.built(project, outcome, started);
        if let Some(reloads) = &self.reloads {
            reloads.rebuilt();
        }
    }

    fn watching(&mut self, root: &Path, out_dir: &Path) -> Result<(), Error> {
        let serving = serve(out_dir, root, self.port)?;
        self.listener
            .serving(out_dir, &format!("http://{}/", serving.address));
        self.reloads = Some(serving.reloads);
        self.listener.watching(root, out_dir)
    }

    fn changed(&mut self, changed: &[PathBuf]) {
        self.listener.changed(changed);
    }

    fn unloadable(&mut self, error: &Error) {
        self.listener.unloadable(error);
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
}

/// Serves `site` on 127.0.0.1:`port` (0: any free port) in threads of
/// its own, with the recording page of the project at `root`; not
/// listening is a usage error (the port is taken, say).
pub(crate) fn serve(site: &Path, root: &Path, port: u16) -> Result<Serving, Error> {
    let server = Server::http(("127.0.0.1", port))
        .map_err(|e| Error::Usage(format!("cannot listen on 127.0.0.1:{port}: {e}")))?;
    let address = server
        .server_addr()
        .to_ip()
        .ok_or_else(|| Error::Usage("the server has no IP address".to_owned()))?;
    let reloads = Arc::new(Reloads::default());
    let server = Arc::new(server);
    let site = Arc::new(Site {
        out: site.to_path_buf(),
        root: root.to_path_buf(),
        port: address.port(),
    });
    {
        let reloads = Arc::clone(&reloads);
        std::thread::spawn(move || {
            for request in server.incoming_requests() {
                let (site, reloads) = (Arc::clone(&site), Arc::clone(&reloads));
                // A page's question waits for a rebuild: one thread each.
                std::thread::spawn(move || respond(&site, &reloads, request));
            }
        });
    }
    Ok(Serving { address, reloads })
}

/// What is served.
struct Site {
    /// The built folder.
    out: PathBuf,
    /// The project, for the recording page.
    root: PathBuf,
    /// The port listened on.
    port: u16,
}

fn respond(site: &Site, reloads: &Reloads, mut request: Request) {
    let url = request.url().to_owned();
    let (path, query) = url.split_once('?').unwrap_or((&url, ""));
    if path == record::PREFIX || path.starts_with(&format!("{}/", record::PREFIX)) {
        let response = recording_page(site, &mut request, path, query);
        let _ = request.respond(response);
        return;
    }
    let response = if !matches!(request.method(), Method::Get | Method::Head) {
        text(405, "only GET and HEAD")
    } else if path == RELOAD_PATH {
        let since = query
            .split('&')
            .find_map(|pair| pair.strip_prefix("since="))
            .and_then(|n| n.parse().ok())
            .unwrap_or(0);
        text(200, &reloads.after(since).to_string())
    } else {
        match file_for(&site.out, path) {
            Some(file) => match read(&file) {
                Some(bytes) => page(&file, bytes, reloads.current()),
                None => text(404, "not found"),
            },
            None => text(404, "not found"),
        }
    };
    let _ = request.respond(response);
}

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

/// A file's response; an HTML page gets the reload script.
fn page(path: &Path, mut bytes: Vec<u8>, generation: u64) -> Response<std::io::Cursor<Vec<u8>>> {
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let kind = match extension.as_str() {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "json" => "application/json",
        "pdf" => "application/pdf",
        "zip" => "application/zip",
        "png" => "image/png",
        "svg" => "image/svg+xml",
        "woff2" => "font/woff2",
        "ogg" | "opus" => "audio/ogg",
        "m4a" => "audio/mp4",
        "mp3" => "audio/mpeg",
        "wav" => "audio/wav",
        _ => "application/octet-stream",
    };
    if extension == "html" {
        let script = reload_script(generation);
        let at = find_last(&bytes, b"</body>").unwrap_or(bytes.len());
        bytes.splice(at..at, script.into_bytes());
    }
    Response::from_data(bytes)
        .with_header(header("Content-Type", kind))
        .with_header(header("Cache-Control", "no-store"))
}

/// A request under `/record/`, answered by [`record::respond`].
fn recording_page(
    site: &Site,
    request: &mut Request,
    path: &str,
    query: &str,
) -> Response<std::io::Cursor<Vec<u8>>> {
    let value = |name: &'static str| {
        request
            .headers()
            .iter()
            .find(|h| h.field.equiv(name))
            .map(|h| h.value.as_str().to_owned())
    };
    let (host, origin, content_type) = (value("Host"), value("Origin"), value("Content-Type"));
    let post = match request.method() {
        Method::Get | Method::Head => false,
        Method::Post => true,
        _ => return text(405, "only GET, HEAD and POST"),
    };
    let incoming = record::Incoming {
        post,
        path,
        query,
        host: host.as_deref(),
        origin: origin.as_deref(),
        content_type: content_type.as_deref(),
        length: request.body_length(),
    };
    let reply = record::respond(&site.root, site.port, &incoming, request.as_reader());
    let policy = reply.policy();
    Response::from_data(reply.body)
        .with_status_code(reply.status)
        .with_header(header("Content-Type", reply.kind))
        .with_header(header("Cache-Control", reply.cache))
        .with_header(header("Content-Security-Policy", &policy))
        .with_header(header("X-Content-Type-Options", "nosniff"))
        .with_header(header("Referrer-Policy", "no-referrer"))
}

fn find_last(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

fn text(status: u16, body: &str) -> Response<std::io::Cursor<Vec<u8>>> {
    Response::from_string(body)
        .with_status_code(status)
        .with_header(header("Content-Type", "text/plain; charset=utf-8"))
        .with_header(header("Cache-Control", "no-store"))
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("a valid header")
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
