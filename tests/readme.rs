//! The README as a newcomer reads it: every `kyr` command it shows runs
//! as shown (with the few changes a test machine needs, listed below),
//! every `cargo` and `python3` command is one `.ci/run` runs, and every environment
//! variable it names is set by a test or by `.ci/run`.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::util::{Fixture, Watching, get};

const README: &str = include_str!("../README.md");
const CI_RUN: &str = include_str!("../.ci/run");

/// The README's shell blocks, each as its command lines (comments off).
fn shell_blocks() -> Vec<Vec<String>> {
    let mut blocks = Vec::new();
    let mut current: Option<Vec<String>> = None;
    for line in README.lines() {
        match (&mut current, line.trim_end()) {
            (None, "```sh") => current = Some(Vec::new()),
            (Some(_), "```") => blocks.push(current.take().unwrap()),
            (Some(block), line) => {
                let command = line.split(" #").next().unwrap_or(line).trim();
                if !command.is_empty() && !command.starts_with('#') {
                    block.push(command.to_owned());
                }
            }
            (None, _) => {}
        }
    }
    blocks
}

/// The README's TOML blocks that hold `header`.
fn toml_blocks_with(header: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for line in README.lines() {
        match (&mut current, line.trim_end()) {
            (None, "```toml") => current = Some(String::new()),
            (Some(_), "```") => {
                let block = current.take().unwrap();
                if block.contains(header) {
                    blocks.push(block);
                }
            }
            (Some(block), line) => {
                block.push_str(line);
                block.push('\n');
            }
            (None, _) => {}
        }
    }
    blocks
}

/// Words of a command line, with `"…"` kept together.
fn words(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut quoted = false;
    let mut any = false;
    for c in line.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                any = true;
            }
            c if c.is_whitespace() && !quoted => {
                if any {
                    out.push(std::mem::take(&mut word));
                    any = false;
                }
            }
            c => {
                word.push(c);
                any = true;
            }
        }
    }
    if any {
        out.push(word);
    }
    out
}

/// The README's fuzzing commands: they need `cargo-fuzz` from the network
/// and a nightly-featured build of their own, so no test runs them.
const FUZZING: &[&str] = &[
    "cargo install cargo-fuzz",
    "cd fuzz",
    "RUSTC_BOOTSTRAP=1 cargo fuzz run",
];

/// What a test machine changes in a command, and why.
const ADAPTED: &[(&str, &str)] = &[
    // Not a USB stick here: a folder of the test's.
    ("/media/usb/kyr", "{scratch}/usb"),
    // The project is the shipped one, run from another folder.
    ("path/to/project", "{project}"),
    // Port 8000 may be taken on a shared machine.
    ("--open", "--open --port 0"),
    ("--share", "--share --port 0"),
];

fn run(dir: &Path, args: &[String], env: &[(&str, String)]) -> (i32, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_kyr"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("KYR_STRICT")
        .envs(env.iter().map(|(k, v)| (*k, v.as_str())))
        .output()
        .unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

fn kyr(dir: &Path, args: &[&str]) {
    let args: Vec<String> = args.iter().map(|a| (*a).to_owned()).collect();
    let (code, stderr) = run(dir, &args, &[]);
    assert_eq!(code, 0, "kyr {args:?}: {stderr}");
}

#[test]
fn every_command_the_readme_shows_runs_as_shown() {
    let scratch = tempfile::tempdir().unwrap();
    let shipped = Fixture::shipped();
    let project = shipped.root().to_path_buf();
    // The README's edition, written as it shows it.
    let editions = toml_blocks_with("[editions.paris").join("\n");
    assert!(editions.contains("qr = "), "{editions}");
    shipped.append("kyr.toml", &format!("\n{editions}"));
    // A browser that only notes the address it was asked to open.
    let bin = scratch.path().join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    let opened = scratch.path().join("opened");
    let opener = bin.join("xdg-open");
    std::fs::write(
        &opener,
        format!("#!/bin/sh\necho \"$1\" >> '{}'\n", opened.display()),
    )
    .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&opener, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let env = [("PATH", path)];

    let mut ran = 0;
    for block in shell_blocks() {
        // Each block starts in the shipped project, or in an empty
        // folder when it starts one.
        let mut dir: PathBuf = project.clone();
        for line in &block {
            if FUZZING.iter().any(|f| line.starts_with(f)) {
                continue;
            }
            // The download, unpacked: tests/release.rs unpacks the
            // archive the release script makes and runs it; here its name
            // is this version's, and `./kyr` runs as `kyr`.
            let linux = format!("kyr-{}-x86_64-unknown-linux-gnu", env!("CARGO_PKG_VERSION"));
            if let Some(archive) = line.strip_prefix("tar xzf ") {
                assert_eq!(archive, format!("{linux}.tar.gz"), "the README's archive");
                continue;
            }
            if let Some(folder) = line.strip_prefix("cd kyr-") {
                assert_eq!(
                    format!("kyr-{folder}"),
                    linux,
                    "the README's unpacked folder"
                );
                continue;
            }
            let line = line.trim_start_matches("../").trim_start_matches("./");
            if line.starts_with("cargo ") || line.starts_with("python3 ") {
                let wanted = words(line);
                let ci = CI_RUN.lines().map(words).any(|ci| {
                    ci.get(..2) == wanted.get(..2) && wanted.iter().all(|w| ci.contains(w))
                });
                assert!(ci, "`{line}` is not run by .ci/run");
                continue;
            }
            if let Some(sub) = line.strip_prefix("cd ") {
                dir = dir.join(sub);
                continue;
            }
            let Some(command) = line.strip_prefix("kyr ") else {
                panic!("a README command no test runs: `{line}`");
            };
            let mut command = command.to_owned();
            for (from, to) in ADAPTED {
                command = command.replace(
                    from,
                    &to.replace("{scratch}", &scratch.path().display().to_string())
                        .replace("{project}", &project.display().to_string()),
                );
            }
            let args = words(&command);
            let first = args[0].as_str();
            // What the README's words around the command assume.
            match first {
                "init" => dir = scratch.path().to_path_buf(),
                "-C" => dir = scratch.path().to_path_buf(),
                "sync" if args.get(1).is_some_and(|l| l == "mam") => {
                    kyr(&dir, &["new-locale", "mam", "--fallback", "es"]);
                }
                "extract" => {
                    shipped.write(
                        "content/guide.md",
                        "# Your rights at work\n\nYou can ask for your pay in writing.\n",
                    );
                }
                "confirm" if args.contains(&"--audio".to_owned()) => {
                    // "save a WhatsApp voice note as locales/<tag>/audio/<id>.ogg"
                    let audio = dir.join("locales/wo/audio");
                    std::fs::create_dir_all(&audio).unwrap();
                    std::fs::copy(
                        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/audio/tone.ogg"),
                        audio.join("door-intro.ogg"),
                    )
                    .unwrap();
                }
                "bundle" if args.contains(&"--merge".to_owned()) => {
                    // "and 2/3, 3/3 elsewhere"
                    kyr(&dir, &["build", "--shard", "2/3", "--out", "shard-2"]);
                    kyr(&dir, &["build", "--shard", "3/3", "--out", "shard-3"]);
                }
                _ => {}
            }
            ran += 1;
            if first == "watch" || first == "serve" {
                let watching = Watching::run_in(&dir, &args, &env);
                if first == "serve" && args.contains(&"--share".to_owned()) {
                    // Reached through 127.0.0.1 only, never the network
                    // address it prints for phones.
                    let lines = watching.wait_for("watching");
                    let link = lines
                        .iter()
                        .find_map(|line| line.split_once("on this machine, open:"))
                        .and_then(|(_, rest)| rest.split_whitespace().next())
                        .unwrap_or_else(|| panic!("no link in {lines:?}"));
                    let (host, token) = link
                        .strip_prefix("http://127.0.0.1:")
                        .and_then(|rest| rest.split_once("/?token="))
                        .unwrap_or_else(|| panic!("no token in {link:?}"));
                    let port: u16 = host.parse().unwrap();
                    assert_eq!(get(port, "/fr/at-the-door.html").0, 403);
                    assert_eq!(get(port, &format!("/?token={token}")).0, 303);
                } else if first == "serve" {
                    let lines = watching.wait_for("serving");
                    let line = lines.last().unwrap();
                    let address = line
                        .split('`')
                        .find_map(|w| w.split_whitespace().find(|w| w.starts_with("http://")))
                        .or_else(|| line.split_whitespace().find(|w| w.starts_with("http://")))
                        .unwrap_or_else(|| panic!("no address in {line:?}"))
                        .trim_end_matches(|c: char| !c.is_ascii_alphanumeric() && c != '/');
                    let port: u16 = address
                        .rsplit(':')
                        .next()
                        .and_then(|p| p.trim_end_matches('/').parse().ok())
                        .unwrap_or_else(|| panic!("no port in {address:?}"));
                    watching.wait_for("watching");
                    let (code, page) = get(port, "/fr/at-the-door.html");
                    assert_eq!(code, 200, "{page}");
                    // The browser is started beside the server: give it
                    // a moment on a busy machine.
                    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
                    let mut said = String::new();
                    while said.trim().is_empty() && std::time::Instant::now() < deadline {
                        std::thread::sleep(std::time::Duration::from_millis(100));
                        said = std::fs::read_to_string(&opened).unwrap_or_default();
                    }
                    assert_eq!(said.trim(), address, "--open opened {said:?}");
                } else {
                    watching.wait_for("watching");
                }
                continue;
            }
            let (code, stderr) = run(&dir, &args, &env);
            // Gates a project may not pass yet: the shipped one keeps
            // example contacts, and after `extract` its complete
            // languages lack the new document's messages.
            let gate = first == "status" || args.contains(&"--strict".to_owned());
            let allowed: &[i32] = if gate { &[0, 1] } else { &[0] };
            assert!(
                allowed.contains(&code),
                "`kyr {command}` exited {code}:\n{stderr}"
            );
            // What the README says each one makes.
            let made: Option<PathBuf> = match first {
                "init" => Some(dir.join(&args[1]).join("kyr.toml")),
                "new" => Some(dir.join("content").join(format!("{}.md", args[1]))),
                "extract" => Some(dir.join("locales/en/guide.ftl")),
                "bundle" => Some(dir.join(&args[args.len() - 1])),
                "build" if args.contains(&"--edition".to_owned()) => {
                    Some(dir.join("out/paris/index.html"))
                }
                "build" if args.contains(&"--out".to_owned()) => {
                    Some(PathBuf::from(&args[args.len() - 1]).join(
                        if args.contains(&"--shard".to_owned()) {
                            ".kyr/shard.json"
                        } else {
                            "index.html"
                        },
                    ))
                }
                "build" => Some(dir.join("out/index.html")),
                "-C" => Some(project.join("out/index.html")),
                _ => None,
            };
            if let Some(made) = made {
                let made = if made.is_relative() {
                    dir.join(made)
                } else {
                    made
                };
                assert!(made.exists(), "`kyr {command}` made no {}", made.display());
            }
        }
    }
    assert!(ran >= 25, "only {ran} kyr commands found in the README");
    for fuzzing in FUZZING {
        assert!(
            README.contains(fuzzing),
            "`{fuzzing}` is no longer in the README: drop it from FUZZING"
        );
    }
}

#[test]
fn every_environment_variable_the_readme_names_is_set_by_a_test_or_ci() {
    let mut tests = String::from(CI_RUN);
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for folder in ["tests", "tests/tools"] {
        for entry in std::fs::read_dir(root.join(folder)).unwrap() {
            let path = entry.unwrap().path();
            // Not this file, which names them to look for them.
            if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("tests/readme.rs") {
                tests.push_str(&std::fs::read_to_string(path).unwrap());
            }
        }
    }
    let names: std::collections::BTreeSet<&str> = README
        .split('`')
        .skip(1)
        .step_by(2)
        .flat_map(|code| {
            code.split(|c: char| !(c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_'))
        })
        .filter(|w| {
            w.len() > 2 && w.contains('_') && w.starts_with(|c: char| c.is_ascii_uppercase())
        })
        .collect();
    for expected in ["KYR_STRICT", "KYR_REPOSITORY", "SOURCE_DATE_EPOCH"] {
        assert!(names.contains(expected), "{names:?}");
    }
    for name in names {
        if name == "RUSTC_BOOTSTRAP" {
            continue; // fuzzing only: see FUZZING
        }
        assert!(
            tests.contains(&format!("\"{name}\"")) || CI_RUN.contains(&format!("{name}=")),
            "the README names `{name}`, which no test or .ci/run sets"
        );
    }
}
