//! A small builder for fixture projects: copy a fixture to a temporary
//! folder, change files, then build through the library or the binary;
//! run `kyr watch` or `kyr serve` in it, and fetch what it serves.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use kyr::build::{BuildOptions, BuildReport, build};
use kyr::diag::render;
use kyr::project::{self, Project};

pub(crate) struct Fixture {
    pub(crate) dir: tempfile::TempDir,
}

impl Fixture {
    /// A copy of `tests/fixtures/<feature>/<case>`.
    pub(crate) fn new(feature_case: &str) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let src = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(feature_case);
        copy_dir(&src, dir.path());
        Fixture { dir }
    }

    /// A copy of the repository's own project (content, locales, templates).
    pub(crate) fn shipped() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        fs::copy(root.join("kyr.toml"), dir.path().join("kyr.toml")).unwrap();
        for sub in ["content", "locales", "templates"] {
            copy_dir(&root.join(sub), &dir.path().join(sub));
        }
        Fixture { dir }
    }

    /// A copy of the example project `examples/<name>` (its sources only:
    /// `kyr.toml`, content, locales, templates if it has them).
    pub(crate) fn example(name: &str) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let root = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("examples")
            .join(name);
        fs::copy(root.join("kyr.toml"), dir.path().join("kyr.toml")).unwrap();
        for sub in ["content", "locales", "templates"] {
            if root.join(sub).is_dir() {
                copy_dir(&root.join(sub), &dir.path().join(sub));
            }
        }
        Fixture { dir }
    }

    pub(crate) fn root(&self) -> &Path {
        self.dir.path()
    }

    /// Writes (or replaces) a file of the project.
    pub(crate) fn write(&self, path: &str, text: &str) -> &Self {
        let path = self.root().join(path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
        self
    }

    /// Appends to a file of the project.
    pub(crate) fn append(&self, path: &str, text: &str) -> &Self {
        let path = self.root().join(path);
        let mut old = fs::read_to_string(&path).unwrap_or_default();
        old.push_str(text);
        fs::write(path, old).unwrap();
        self
    }

    /// Replaces `from` with `to` in a file of the project; `from` must be
    /// there.
    pub(crate) fn replace(&self, path: &str, from: &str, to: &str) -> &Self {
        let full = self.root().join(path);
        let text = fs::read_to_string(&full).unwrap();
        assert!(text.contains(from), "`{from}` is not in {path}");
        fs::write(full, text.replacen(from, to, 1)).unwrap();
        self
    }

    /// Replaces the example contacts in `kyr.toml` (a 555 hotline, an
    /// organization named "Example", which every build warns about) with
    /// ones a real project would have, for tests about something else.
    pub(crate) fn with_real_contacts(&self) -> &Self {
        let path = self.root().join("kyr.toml");
        let text = fs::read_to_string(&path).unwrap();
        let real = text
            .replace("+1 (555) 010-1234", "+1 (212) 555-1212")
            .replace("tel:+15550101234", "tel:+12125551212")
            .replace("Example Legal Aid Network", "Harbor Legal Aid Network");
        assert_ne!(real, text, "no example contacts in kyr.toml");
        fs::write(path, real).unwrap();
        self
    }

    /// Sets the project's `qr` address to `address` (the shipped kyr.toml
    /// has one commented out).
    pub(crate) fn with_qr(&self, address: &str) -> &Self {
        self.replace(
            "kyr.toml",
            "# qr = \"https://example.org/kyr/{locale}/{document}.html\"",
            &format!("qr = \"{address}\""),
        )
    }

    /// Makes the locales named by these endonyms read by ear first
    /// (`audio_first = true`).
    pub(crate) fn read_by_ear(&self, endonyms: &[&str]) -> &Self {
        for endonym in endonyms {
            let line = format!("endonym = \"{endonym}\"\n");
            self.replace("kyr.toml", &line, &format!("{line}audio_first = true\n"));
        }
        self
    }

    pub(crate) fn load(&self) -> Project {
        match project::load(self.root()) {
            Ok(p) => p,
            Err(e) => panic!("project did not load: {e:?}"),
        }
    }

    /// Builds with the library; returns the report and rendered diagnostics.
    pub(crate) fn build(&self, options: &BuildOptions) -> (BuildReport, String) {
        let project = self.load();
        let report = build(&project, options).unwrap_or_else(|e| panic!("{e:?}"));
        let text: String = report
            .diagnostics
            .diagnostics()
            .iter()
            .map(|d| render(&project.files, d))
            .collect();
        (report, anstream::adapter::strip_str(&text).to_string())
    }

    /// Runs the `kyr` binary in the project folder.
    pub(crate) fn run(&self, args: &[&str]) -> Run {
        self.run_with(args, &[])
    }

    /// [`Fixture::run`] with environment variables set.
    pub(crate) fn run_with(&self, args: &[&str], env: &[(&str, &str)]) -> Run {
        let output = Command::new(env!("CARGO_BIN_EXE_kyr"))
            .args(args)
            .current_dir(self.root())
            .env("NO_COLOR", "1")
            .envs(env.iter().copied())
            .output()
            .unwrap();
        Run::from(output)
    }

    pub(crate) fn out(&self, rel: &str) -> PathBuf {
        self.root().join("out").join(rel)
    }

    /// An output page's text.
    pub(crate) fn page(&self, rel: &str) -> String {
        fs::read_to_string(self.out(rel)).unwrap_or_else(|e| panic!("out/{rel}: {e}"))
    }
}

pub(crate) struct Run {
    pub(crate) code: i32,
    pub(crate) stdout: String,
    pub(crate) stderr: String,
}

impl From<Output> for Run {
    fn from(o: Output) -> Self {
        Run {
            code: o.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
        }
    }
}

/// The `<main>` element of a page.
pub(crate) fn main_of(html: &str) -> &str {
    let start = html.find("<main").expect("no <main>");
    let end = html.find("</main>").expect("no </main>");
    &html[start..end]
}

fn copy_dir(src: &Path, dst: &Path) {
    fs::create_dir_all(dst).unwrap();
    for entry in fs::read_dir(src).unwrap() {
        let entry = entry.unwrap();
        let to = dst.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &to);
        } else {
            fs::copy(entry.path(), to).unwrap();
        }
    }
}

/// `kyr watch` in the project, its stderr lines as they come.
pub(crate) struct Watching {
    child: std::process::Child,
    lines: std::sync::mpsc::Receiver<String>,
}

impl Watching {
    pub(crate) fn start(fx: &Fixture, args: &[&str]) -> Watching {
        Watching::run(fx, "watch", args)
    }

    /// `kyr <command> <args>`, running until dropped (`watch`, `serve`).
    pub(crate) fn run(fx: &Fixture, command: &str, args: &[&str]) -> Watching {
        let mut all = vec![command.to_owned()];
        all.extend(args.iter().map(|a| (*a).to_owned()));
        Watching::run_in(fx.root(), &all, &[])
    }

    /// `kyr <args>` in `dir`, with `env` set, running until dropped.
    pub(crate) fn run_in(dir: &Path, args: &[String], env: &[(&str, String)]) -> Watching {
        use std::io::{BufRead, BufReader};
        use std::process::{Command, Stdio};
        let mut child = Command::new(env!("CARGO_BIN_EXE_kyr"))
            .args(args)
            .current_dir(dir)
            .env("NO_COLOR", "1")
            .envs(env.iter().map(|(k, v)| (*k, v.as_str())))
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stderr = child.stderr.take().unwrap();
        let (tx, lines) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                let _ = tx.send(line);
            }
        });
        Watching { child, lines }
    }

    /// The lines up to the first that holds `needle` (a minute at most).
    pub(crate) fn wait_for(&self, needle: &str) -> Vec<String> {
        let mut seen = Vec::new();
        let deadline = Instant::now() + Duration::from_secs(60);
        while let Some(left) = deadline.checked_duration_since(Instant::now()) {
            match self.lines.recv_timeout(left) {
                Ok(line) => {
                    let done = line.contains(needle);
                    seen.push(line);
                    if done {
                        return seen;
                    }
                }
                Err(_) => break,
            }
        }
        panic!("no `{needle}` in:\n{}", seen.join("\n"));
    }
}

impl Drop for Watching {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A GET over HTTP/1.0 on 127.0.0.1: the status line's code and the body.
pub(crate) fn get(port: u16, path: &str) -> (u16, String) {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.0\r\nHost: localhost:{port}\r\n\r\n"
    )
    .unwrap();
    let mut response = Vec::new();
    stream.read_to_end(&mut response).unwrap();
    let response = String::from_utf8_lossy(&response).into_owned();
    let code = response
        .split(' ')
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let body = response
        .split_once("\r\n\r\n")
        .map_or("", |(_, b)| b)
        .to_owned();
    (code, body)
}

/// `n` in the ten digits that start at `zero` (`'0'`, Adlam's U+1E950).
pub(crate) fn in_digits(n: usize, zero: char) -> String {
    n.to_string()
        .chars()
        .map(|d| char::from_u32(zero as u32 + d.to_digit(10).unwrap()).unwrap())
        .collect()
}

/// Runs the `kyr` binary in `dir`, without colour and without a
/// `KYR_STRICT` of the environment's.
pub(crate) fn kyr_in(dir: &Path, args: &[&str]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_kyr"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("KYR_STRICT")
        .output()
        .unwrap();
    Run::from(output)
}

/// Puts real contacts in place of the examples `kyr init` writes into
/// `dir/kyr.toml` (a hotline and `organization`).
pub(crate) fn init_contacts_made_real(dir: &Path, organization: &str) {
    let path = dir.join("kyr.toml");
    let text = fs::read_to_string(&path).unwrap();
    let real = text
        .replace("+1 (555) 010-1234", "+1 (212) 736-0100")
        .replace("tel:+15550101234", "tel:+12127360100")
        .replace("Example Legal Aid", organization);
    assert_ne!(real, text, "no example contacts in kyr.toml");
    fs::write(path, real).unwrap();
}

/// Adds a document in each layout to the project at `dir`: `kyr new`,
/// then its front matter's layouts (a card's sides are its title's
/// section).
pub(crate) fn add_one_per_layout(dir: &Path) {
    for layout in ["handout", "card", "booklet"] {
        let name = format!("in-{layout}");
        let run = kyr_in(dir, &["new", &name]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let path = dir.join(format!("content/{name}.md"));
        let text = fs::read_to_string(&path).unwrap();
        let front = format!("layouts = [\"{layout}\"]");
        let mut text = text.replacen("layouts = [\"handout\"]", &front, 1);
        assert!(text.contains(&front), "{text}");
        if layout == "card" {
            // The table ends the front matter.
            let end = text[3..].find("+++").unwrap() + 3;
            text.insert_str(
                end,
                &format!("[card]\nfront = \"{name}-title\"\nback = \"{name}-title\"\n"),
            );
        }
        fs::write(path, text).unwrap();
    }
}
