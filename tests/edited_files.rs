//! A file a person edits is read whole or not touched (issue 25, findings
//! 1, 2 and 12): through the binary, as a translator's slip meets it.

use std::fs;

use crate::util::Fixture;

/// The project's files, by path, as bytes.
fn snapshot(fx: &Fixture) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(fx.root())
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .filter(|e| !e.path().starts_with(fx.root().join(".kyr")))
        .map(|e| {
            let path = e.path().strip_prefix(fx.root()).unwrap();
            (path.display().to_string(), fs::read(e.path()).unwrap())
        })
        .collect();
    files.sort();
    files
}

/// Appends raw bytes to a file of the project.
fn append_bytes(fx: &Fixture, path: &str, bytes: &[u8]) {
    let mut all = fs::read(fx.root().join(path)).unwrap();
    all.extend_from_slice(bytes);
    fs::write(fx.root().join(path), all).unwrap();
}

#[test]
fn sync_refuses_a_translation_that_is_not_utf8_and_keeps_every_byte() {
    let fx = Fixture::new("build/basic");
    // The ar translation lacks messages, so `sync ar` would add to it.
    append_bytes(&fx, "locales/ar/door.ftl", b"# caf\xe9\n");
    let before = snapshot(&fx);
    let run = fx.run(&["sync", "ar"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("locales/ar/door.ftl:")
            && run.stderr.contains("this file is not UTF-8: byte 0xE9"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("`kyr sync` changes nothing"),
        "{}",
        run.stderr
    );
    assert_eq!(snapshot(&fx), before);
}

#[test]
fn sync_refuses_a_translation_saved_as_utf16_by_notepad() {
    let fx = Fixture::new("build/basic");
    let text = fs::read_to_string(fx.root().join("locales/ar/door.ftl")).unwrap();
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    fs::write(fx.root().join("locales/ar/door.ftl"), &utf16).unwrap();
    let before = snapshot(&fx);
    let run = fx.run(&["sync", "ar"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("locales/ar/door.ftl:1:1") && run.stderr.contains("saved as UTF-16"),
        "{}",
        run.stderr
    );
    assert_eq!(snapshot(&fx), before);
    // `check` says the same, at the same place.
    let check = fx.run(&["check"]);
    assert!(
        check.stderr.contains("locales/ar/door.ftl:1:1"),
        "{}",
        check.stderr
    );
    assert!(check.stderr.contains("saved as UTF-16"), "{}", check.stderr);
}

#[test]
fn extract_refuses_a_reference_file_that_is_not_utf8() {
    let fx = Fixture::new("build/basic");
    append_bytes(&fx, "locales/en/door.ftl", b"# na\xefve\n");
    fx.append("content/door.md", "\nA new paragraph.\n");
    let before = snapshot(&fx);
    let run = fx.run(&["extract", "content/door.md"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("byte 0xEF"), "{}", run.stderr);
    assert_eq!(snapshot(&fx), before);
}

#[test]
fn confirm_drops_no_lock_entry_while_a_file_of_the_locale_cannot_be_read() {
    let fx = Fixture::new("build/basic");
    assert_eq!(fx.run(&["confirm", "fr"]).code, 0);
    let lock = fs::read(fx.root().join("locales/fr/kyr-lock.toml")).unwrap();
    assert!(String::from_utf8_lossy(&lock).contains("door-sign"));

    // One bad byte in a translation: its messages are unknown.
    append_bytes(&fx, "locales/fr/door.ftl", b"# caf\xe9\n");
    let run = fx.run(&["confirm", "fr", "door-title"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("byte 0xE9"), "{}", run.stderr);
    assert!(
        run.stderr.contains("`kyr confirm` changes nothing"),
        "{}",
        run.stderr
    );
    assert_eq!(
        fs::read(fx.root().join("locales/fr/kyr-lock.toml")).unwrap(),
        lock
    );
}

#[test]
fn confirm_refuses_a_lock_file_with_merge_conflict_markers() {
    let fx = Fixture::new("build/basic");
    assert_eq!(fx.run(&["confirm", "fr"]).code, 0);
    let path = fx.root().join("locales/fr/kyr-lock.toml");
    let text = fs::read_to_string(&path).unwrap();
    let conflicted = text.replacen(
        "door-sign = ",
        "<<<<<<< HEAD\ndoor-sign = \"0\"\n=======\ndoor-sign = ",
        1,
    ) + ">>>>>>> theirs\n";
    fs::write(&path, &conflicted).unwrap();
    let run = fx.run(&["confirm", "fr"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("locales/fr/kyr-lock.toml:"),
        "{}",
        run.stderr
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), conflicted);
}

#[cfg(unix)]
#[test]
fn confirm_refuses_a_translation_that_links_out_of_the_project() {
    let fx = Fixture::new("build/basic");
    assert_eq!(fx.run(&["confirm", "fr"]).code, 0);
    let lock = fs::read(fx.root().join("locales/fr/kyr-lock.toml")).unwrap();
    let outside = tempfile::tempdir().unwrap();
    let moved = outside.path().join("door.ftl");
    fs::rename(fx.root().join("locales/fr/door.ftl"), &moved).unwrap();
    std::os::unix::fs::symlink(&moved, fx.root().join("locales/fr/door.ftl")).unwrap();
    let run = fx.run(&["confirm", "fr"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("outside the project"), "{}", run.stderr);
    assert_eq!(
        fs::read(fx.root().join("locales/fr/kyr-lock.toml")).unwrap(),
        lock
    );
}

#[test]
fn confirm_keeps_the_entry_of_a_message_with_a_syntax_error() {
    let fx = Fixture::new("build/basic");
    assert_eq!(fx.run(&["confirm", "fr"]).code, 0);
    fx.replace(
        "locales/fr/door.ftl",
        "door-silent = Vous",
        "door-silent = { Vous",
    );
    let run = fx.run(&["confirm", "fr", "door-title"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let lock = fs::read_to_string(fx.root().join("locales/fr/kyr-lock.toml")).unwrap();
    assert!(lock.contains("door-silent = "), "{lock}");
}

#[test]
fn sync_keeps_the_files_bom_line_ends_and_permissions() {
    let fx = Fixture::new("build/basic");
    let path = fx.root().join("locales/ar/door.ftl");
    let text = fs::read_to_string(&path).unwrap().replace('\n', "\r\n");
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(text.as_bytes());
    fs::write(&path, &bytes).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
    }
    let run = fx.run(&["sync", "ar"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let after = fs::read(&path).unwrap();
    assert!(after.starts_with(&bytes), "the translator's bytes changed");
    assert!(after.len() > bytes.len(), "nothing was added");
    let added = &after[bytes.len()..];
    let lone_lf = added
        .iter()
        .enumerate()
        .filter(|(i, b)| **b == b'\n' && (*i == 0 || added[i - 1] != b'\r'))
        .count();
    assert_eq!(lone_lf, 0, "{}", String::from_utf8_lossy(added));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        assert_eq!(
            fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
}

#[cfg(unix)]
#[test]
fn sync_refuses_a_read_only_translation() {
    use std::os::unix::fs::PermissionsExt as _;
    let fx = Fixture::new("build/basic");
    let path = fx.root().join("locales/ar/door.ftl");
    fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).unwrap();
    let before = snapshot(&fx);
    let run = fx.run(&["sync", "ar"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("`locales/ar/door.ftl` is read-only"),
        "{}",
        run.stderr
    );
    assert_eq!(snapshot(&fx), before);
}

#[test]
fn new_locale_edits_kyr_toml_keeping_its_bom_and_crlf() {
    let fx = Fixture::new("build/basic");
    let path = fx.root().join("kyr.toml");
    let text = fs::read_to_string(&path).unwrap().replace('\n', "\r\n");
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(text.as_bytes());
    fs::write(&path, &bytes).unwrap();
    let run = fx.run(&["new-locale", "wo", "--endonym", "Wolof", "--fallback", "fr"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let after = fs::read(&path).unwrap();
    assert!(
        after.starts_with(&bytes),
        "{}",
        String::from_utf8_lossy(&after)
    );
    let after = String::from_utf8(after).unwrap();
    assert!(
        after.contains("[locales.wo]\r\nendonym = \"Wolof\"\r\n"),
        "{after}"
    );
    assert_eq!(after.matches('\n').count(), after.matches("\r\n").count());
    assert_eq!(fx.run(&["check"]).code, 0);
}
