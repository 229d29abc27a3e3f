//! The one writer, and a fixture project for the commands' tests.

use std::path::Path;

use super::*;

fn planned(dir: &Path, before: Before) -> PlannedWrite {
    PlannedWrite::new(dir, "locales/fr/door.ftl", "new\n").over(before)
}

#[test]
fn writes_a_file_that_holds_what_was_read() {
    let dir = tempfile::tempdir().unwrap();
    write(&[planned(dir.path(), Before::Absent)]).unwrap();
    let path = dir.path().join("locales/fr/door.ftl");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "new\n");
    std::fs::write(&path, "old\n").unwrap();
    write(&[planned(dir.path(), Before::Held(b"old\n".to_vec()))]).unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "new\n");
}

#[test]
fn refuses_a_file_changed_since_it_was_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("locales/fr/door.ftl");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, "saved meanwhile\n").unwrap();
    let other = PlannedWrite::new(dir.path(), "locales/fr/other.ftl", "x");
    for before in [Before::Absent, Before::Held(b"old\n".to_vec())] {
        // The unchanged file planned first is not written either.
        let error = write(&[other.clone(), planned(dir.path(), before)]).unwrap_err();
        assert_eq!(
            error.to_string(),
            "`locales/fr/door.ftl` changed while kyr was working on it, so kyr left it as it is: run the command again"
        );
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "saved meanwhile\n");
        assert!(!dir.path().join("locales/fr/other.ftl").exists());
    }
    write(&[planned(dir.path(), Before::Unchecked)]).unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "new\n");
}

#[test]
fn makes_the_folder_a_new_project_goes_in() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("tenants");
    write(&[PlannedWrite::new(&root, "kyr.toml", "x")]).unwrap();
    assert_eq!(std::fs::read(root.join("kyr.toml")).unwrap(), b"x");
}

/// A copy of a fixture project (`tests/fixtures/<name>`), loaded.
pub(super) fn fixture(name: &str) -> (tempfile::TempDir, Project) {
    fn copy(from: &Path, to: &Path) {
        std::fs::create_dir_all(to).unwrap();
        for entry in std::fs::read_dir(from).unwrap() {
            let entry = entry.unwrap();
            let target = to.join(entry.file_name());
            if entry.file_type().unwrap().is_dir() {
                copy(&entry.path(), &target);
            } else {
                std::fs::copy(entry.path(), target).unwrap();
            }
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let source = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    copy(&source, dir.path());
    let project = project::load(dir.path()).unwrap();
    (dir, project)
}
