//! HTTP/1.1 for `kyr serve`, under limits: one request per connection,
//! its head read within [`HEAD_TIMEOUT`] and at most [`MAX_HEAD_BYTES`]
//! and [`MAX_HEADERS`] headers (httparse reads it), at most
//! [`MAX_CONNECTIONS`] connections at once (one beyond is answered 503 and
//! closed), a body only of the length it announces, and each answer sent
//! with its length, then the connection closed. Single byte ranges of a
//! file are answered 206.

use std::io::{self, BufRead as _, BufReader, Read};
use std::net::{TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

/// The most bytes a request's head (its line and headers) may have.
pub(super) const MAX_HEAD_BYTES: usize = 16 * 1024;
/// The most headers a request may have.
pub(super) const MAX_HEADERS: usize = 64;
/// The most connections served at once: a page's reload question holds
/// one for up to half a minute, and a few tabs and a recording page need
/// far fewer.
pub(super) const MAX_CONNECTIONS: usize = 64;
/// How long a client may take to send a request's head.
const HEAD_TIMEOUT: Duration = Duration::from_secs(10);
/// How long a body may pause (a recording on a slow phone link).
const BODY_TIMEOUT: Duration = Duration::from_secs(30);
/// How long an answer may wait for the client to read it.
const WRITE_TIMEOUT: Duration = Duration::from_secs(30);

/// What a request asks to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Method {
    Get,
    Head,
    Post,
    /// Anything else (refused by the handlers).
    Other,
}

/// A request, its head read whole and its body still to read.
pub(super) struct Request<'a> {
    pub(super) head: Head,
    /// The body: at most the length the request announced.
    pub(super) body: &'a mut dyn Read,
}

/// A request's line and headers.
pub(super) struct Head {
    pub(super) method: Method,
    /// The path, without the query.
    pub(super) path: String,
    /// The query, without the `?`.
    pub(super) query: String,
    headers: Vec<(String, String)>,
}

impl Head {
    /// The value of header `name` (any case), the first if sent twice.
    pub(super) fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The body's length, as announced.
    pub(super) fn length(&self) -> Option<usize> {
        self.header("Content-Length")?.trim().parse().ok()
    }
}

#[cfg(test)]
impl Head {
    /// A request's head as a test writes it: `target` with its query.
    pub(super) fn of(method: Method, target: &str, headers: &[(&str, &str)]) -> Head {
        let (path, query) = target.split_once('?').unwrap_or((target, ""));
        Head {
            method,
            path: path.to_owned(),
            query: query.to_owned(),
            headers: headers
                .iter()
                .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
                .collect(),
        }
    }
}

/// An answer.
#[derive(Debug)]
pub(super) struct Response {
    pub(super) status: u16,
    pub(super) headers: Vec<(&'static str, String)>,
    pub(super) body: Vec<u8>,
    /// A file whose byte ranges may be asked for (not a page kyr changes
    /// as it sends it).
    pub(super) ranges: bool,
}

impl Response {
    /// An answer with `body` and no header yet.
    pub(super) fn new(status: u16, body: Vec<u8>) -> Response {
        Response {
            status,
            headers: Vec::new(),
            body,
            ranges: false,
        }
    }

    /// The same answer with one more header.
    pub(super) fn header(mut self, name: &'static str, value: impl Into<String>) -> Response {
        self.headers.push((name, value.into()));
        self
    }

    /// A plain-text answer.
    pub(super) fn text(status: u16, body: &str) -> Response {
        Response::new(status, body.as_bytes().to_vec())
            .header("Content-Type", "text/plain; charset=utf-8")
            .header("Cache-Control", "no-store")
    }

    /// The answer to `range` (a `Range` header) of a file answered 200:
    /// one range, 206 with its part; a range past the end, 416; anything
    /// else (several ranges, another unit), the whole file.
    pub(super) fn ranged(mut self, range: Option<&str>) -> Response {
        if !self.ranges || self.status != 200 {
            return self;
        }
        self.headers.push(("Accept-Ranges", "bytes".to_owned()));
        let Some(range) = range else {
            return self;
        };
        let total = self.body.len();
        match byte_range(range, total) {
            Some(Some((first, last))) => {
                self.status = 206;
                self.body = self.body[first..=last].to_vec();
                self.header("Content-Range", format!("bytes {first}-{last}/{total}"))
            }
            Some(None) => {
                self.status = 416;
                self.body.clear();
                self.header("Content-Range", format!("bytes */{total}"))
            }
            None => self,
        }
    }

    /// Sends the answer (its head alone to a HEAD request).
    fn send(&self, to: &mut impl io::Write, head_only: bool) -> io::Result<()> {
        let mut head = format!("HTTP/1.1 {} {}\r\n", self.status, reason(self.status));
        for (name, value) in &self.headers {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        head.push_str(&format!(
            "Content-Length: {}\r\nConnection: close\r\n\r\n",
            self.body.len()
        ));
        to.write_all(head.as_bytes())?;
        if !head_only {
            to.write_all(&self.body)?;
        }
        to.flush()
    }
}

/// The one range `bytes=first-last`, `bytes=first-` or `bytes=-suffix`
/// asks for in a file of `total` bytes: `Some(None)` when it is past the
/// end, `None` when the header asks for something else (then the whole
/// file is sent).
fn byte_range(header: &str, total: usize) -> Option<Option<(usize, usize)>> {
    let spec = header.trim().strip_prefix("bytes=")?;
    if spec.contains(',') {
        return None;
    }
    let (first, last) = spec.split_once('-')?;
    let (first, last) = (first.trim(), last.trim());
    let range = if first.is_empty() {
        let suffix: usize = last.parse().ok()?;
        (suffix > 0 && total > 0).then(|| (total.saturating_sub(suffix), total - 1))
    } else {
        let first: usize = first.parse().ok()?;
        let last = if last.is_empty() {
            total.checked_sub(1)
        } else {
            Some(last.parse::<usize>().ok()?.min(total.saturating_sub(1)))
        };
        last.filter(|last| first <= *last && first < total)
            .map(|last| (first, last))
    };
    Some(range)
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        206 => "Partial Content",
        303 => "See Other",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        411 => "Length Required",
        413 => "Content Too Large",
        415 => "Unsupported Media Type",
        416 => "Range Not Satisfiable",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "",
    }
}

/// Answers a request.
pub(super) type Handler = dyn Fn(&mut Request) -> Response + Send + Sync;

/// Answers the connections `listener` accepts, each in a thread of its
/// own, until the process ends.
pub(super) fn run(listener: TcpListener, handler: Arc<Handler>) {
    let open = Arc::new(AtomicUsize::new(0));
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(stream) = stream else {
                continue;
            };
            let counted = Counted::new(&open);
            if counted.now > MAX_CONNECTIONS {
                // Answered here: a client that never reads cannot hold
                // the loop longer than the write timeout.
                let _ = stream.set_write_timeout(Some(Duration::from_secs(1)));
                let busy = Response::text(
                    503,
                    "kyr serve has too many connections open at once; try again in a moment",
                )
                .header("Retry-After", "5");
                let _ = busy.send(&mut &stream, false);
                continue;
            }
            let handler = Arc::clone(&handler);
            std::thread::spawn(move || {
                let _counted = counted;
                let _ = connection(stream, &*handler);
            });
        }
    });
}

/// One open connection, counted while it lives.
struct Counted {
    open: Arc<AtomicUsize>,
    /// How many were open with this one.
    now: usize,
}

impl Counted {
    fn new(open: &Arc<AtomicUsize>) -> Counted {
        let now = open.fetch_add(1, Ordering::SeqCst) + 1;
        Counted {
            open: Arc::clone(open),
            now,
        }
    }
}

impl Drop for Counted {
    fn drop(&mut self) {
        self.open.fetch_sub(1, Ordering::SeqCst);
    }
}

/// Reads one request from `stream`, answers it and closes.
fn connection(stream: TcpStream, handler: &Handler) -> io::Result<()> {
    stream.set_read_timeout(Some(HEAD_TIMEOUT))?;
    stream.set_write_timeout(Some(WRITE_TIMEOUT))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut out = &stream;
    let head = match read_head(&mut reader) {
        Ok(head) => head,
        Err(refusal) => return refusal.send(&mut out, false),
    };
    let mut headers = [httparse::EMPTY_HEADER; MAX_HEADERS];
    let mut parsed = httparse::Request::new(&mut headers);
    let refused = match parsed.parse(&head) {
        Ok(httparse::Status::Complete(_)) => None,
        Err(httparse::Error::TooManyHeaders) => Some(Response::text(
            431,
            &format!("a request may have at most {MAX_HEADERS} headers"),
        )),
        _ => Some(Response::text(
            400,
            "this is not an HTTP request kyr can read",
        )),
    };
    if let Some(refusal) = refused {
        return refusal.send(&mut out, false);
    }
    let target = parsed.path.unwrap_or("/");
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    let method = match parsed.method {
        Some("GET") => Method::Get,
        Some("HEAD") => Method::Head,
        Some("POST") => Method::Post,
        _ => Method::Other,
    };
    let headers: Vec<(String, String)> = parsed
        .headers
        .iter()
        .map(|h| {
            (
                h.name.to_owned(),
                String::from_utf8_lossy(h.value).into_owned(),
            )
        })
        .collect();
    let head = Head {
        method,
        path: path.to_owned(),
        query: query.to_owned(),
        headers,
    };
    if head.header("Transfer-Encoding").is_some() {
        let refusal = Response::text(411, "send the body with its Content-Length");
        return refusal.send(&mut out, false);
    }
    stream.set_read_timeout(Some(BODY_TIMEOUT))?;
    let length = head.length().unwrap_or(0) as u64;
    let mut body = (&mut reader).take(length);
    let mut request = Request {
        head,
        body: &mut body,
    };
    let response = handler(&mut request);
    response.send(&mut out, method == Method::Head)?;
    let _ = stream.shutdown(std::net::Shutdown::Write);
    Ok(())
}

/// The request's head, up to and with the blank line that ends it; an
/// answer to send instead when it is too large, too slow or cut short.
fn read_head(reader: &mut BufReader<TcpStream>) -> Result<Vec<u8>, Response> {
    let mut head = Vec::with_capacity(1024);
    loop {
        let buffered = match reader.fill_buf() {
            Ok([]) => return Err(Response::text(400, "the request ended before its headers")),
            Ok(buffered) => buffered,
            Err(e)
                if matches!(
                    e.kind(),
                    io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
                ) =>
            {
                return Err(Response::text(408, "the request's headers came too slowly"));
            }
            Err(_) => return Err(Response::text(400, "the request could not be read")),
        };
        // Take bytes up to the end of the head, no further: what follows
        // is the body.
        let mut taken = 0;
        let mut ended = false;
        for &byte in buffered {
            head.push(byte);
            taken += 1;
            if head.ends_with(b"\r\n\r\n") || head.ends_with(b"\n\n") {
                ended = true;
                break;
            }
        }
        reader.consume(taken);
        if ended {
            return Ok(head);
        }
        if head.len() > MAX_HEAD_BYTES {
            return Err(Response::text(
                431,
                &format!("a request's headers may have at most {MAX_HEAD_BYTES} bytes"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write as _;

    use super::*;

    /// A server on 127.0.0.1 that answers every request with its path.
    fn echo() -> u16 {
        let listener = TcpListener::bind(("127.0.0.1", 0)).unwrap();
        let port = listener.local_addr().unwrap().port();
        run(
            listener,
            Arc::new(|request: &mut Request| Response::text(200, &request.head.path)),
        );
        port
    }

    /// Sends `request` as it is; the answer's status line and all.
    fn send(port: u16, request: &[u8]) -> String {
        let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(20)))
            .unwrap();
        // The server may answer and close before it has read it all.
        let _ = stream.write_all(request);
        let mut answer = Vec::new();
        let _ = stream.read_to_end(&mut answer);
        String::from_utf8_lossy(&answer).into_owned()
    }

    #[test]
    fn a_request_head_over_its_limits_is_refused_unread() {
        let port = echo();
        assert!(send(port, b"GET /a HTTP/1.1\r\nHost: x\r\n\r\n").ends_with("\r\n\r\n/a"));
        let mut long = b"GET /a HTTP/1.1\r\nX-Long: ".to_vec();
        long.extend(std::iter::repeat_n(b'a', 4 * 1024 * 1024));
        long.extend_from_slice(b"\r\n\r\n");
        let answer = send(port, &long);
        assert!(answer.starts_with("HTTP/1.1 431 "), "{answer}");
        let mut many = b"GET /a HTTP/1.1\r\n".to_vec();
        for n in 0..=MAX_HEADERS {
            many.extend_from_slice(format!("X-{n}: 1\r\n").as_bytes());
        }
        many.extend_from_slice(b"\r\n");
        let answer = send(port, &many);
        assert!(answer.starts_with("HTTP/1.1 431 "), "{answer}");
        let answer = send(
            port,
            b"POST /a HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
        );
        assert!(answer.starts_with("HTTP/1.1 411 "), "{answer}");
        assert!(send(port, b"\x16\x03\x01 hello\r\n\r\n").starts_with("HTTP/1.1 400 "));
    }

    #[test]
    fn connections_past_the_limit_are_refused_with_503() {
        let port = echo();
        // Connections that never send a request hold their places.
        let idle: Vec<TcpStream> = (0..MAX_CONNECTIONS)
            .map(|_| TcpStream::connect(("127.0.0.1", port)).unwrap())
            .collect();
        std::thread::sleep(Duration::from_millis(300));
        let answer = send(port, b"GET /a HTTP/1.1\r\n\r\n");
        assert!(answer.starts_with("HTTP/1.1 503 "), "{answer}");
        assert!(answer.contains("Retry-After: 5"), "{answer}");
        drop(idle);
        let deadline = std::time::Instant::now() + Duration::from_secs(20);
        loop {
            let answer = send(port, b"GET /a HTTP/1.1\r\n\r\n");
            if answer.starts_with("HTTP/1.1 200 ") {
                break;
            }
            assert!(std::time::Instant::now() < deadline, "{answer}");
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    #[test]
    fn one_range_is_answered_with_its_part_and_others_with_the_whole() {
        assert_eq!(byte_range("bytes=0-9", 100), Some(Some((0, 9))));
        assert_eq!(byte_range("bytes=90-", 100), Some(Some((90, 99))));
        assert_eq!(byte_range("bytes=-10", 100), Some(Some((90, 99))));
        assert_eq!(byte_range("bytes=-500", 100), Some(Some((0, 99))));
        assert_eq!(byte_range("bytes=50-500", 100), Some(Some((50, 99))));
        assert_eq!(byte_range("bytes=100-", 100), Some(None));
        assert_eq!(byte_range("bytes=9-3", 100), Some(None));
        assert_eq!(byte_range("bytes=0-1,5-6", 100), None);
        assert_eq!(byte_range("items=0-1", 100), None);
        assert_eq!(byte_range("bytes=x-1", 100), None);
        let mut file = Response::new(200, (0..100).collect());
        file.ranges = true;
        let part = file.ranged(Some("bytes=10-19"));
        assert_eq!(part.status, 206);
        assert_eq!(part.body, (10..20).collect::<Vec<u8>>());
        assert!(
            part.headers
                .contains(&("Content-Range", "bytes 10-19/100".to_owned()))
        );
        assert!(
            part.headers
                .contains(&("Accept-Ranges", "bytes".to_owned()))
        );
    }
}
