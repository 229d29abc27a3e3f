//! Checking and saving typed messages in a copy of
//! `tests/fixtures/translate/shelter`, whose Wolof file has a BOM, CRLF
//! line ends and comments.

use super::*;
use crate::commands::tests::fixture;

const WOLOF: &str = "locales/wo/door.ftl";

fn typed<'a>(id: &'a str, text: &'a str) -> Typed<'a> {
    Typed {
        tag: "wo",
        doc: Some("door"),
        id,
        text,
    }
}

fn checked(project: Project, id: &str, text: &str) -> Vec<Finding> {
    check_typed(project, typed(id, text)).unwrap().findings
}

fn codes(findings: &[Finding]) -> Vec<&str> {
    findings.iter().map(|f| f.code.as_str()).collect()
}

#[test]
fn a_good_translation_has_nothing_to_say() {
    let (_dir, project) = fixture("translate/shelter");
    let found = checked(project, "door-sign", "Bul xaatim dara. Woo { $hotline }.");
    assert_eq!(found, vec![], "{found:#?}");
}

#[test]
fn a_variable_left_open_is_an_error_where_it_was_typed() {
    let (_dir, project) = fixture("translate/shelter");
    let found = checked(project, "door-sign", "Bul xaatim dara.\nWoo { $hotline.");
    let first = &found[0];
    assert!(first.error, "{found:#?}");
    assert_eq!(first.code, "ftl-syntax");
    assert_eq!(first.at.map(|(line, _)| line), Some(2), "{found:#?}");
}

#[test]
fn a_dropped_variable_is_a_warning_and_bold_left_open_an_error() {
    let (_dir, project) = fixture("translate/shelter");
    let found = checked(project, "door-sign", "Bul xaatim dara.");
    assert_eq!(codes(&found), ["variable-dropped"], "{found:#?}");
    assert!(!found[0].error);
    let (_dir, project) = fixture("translate/shelter");
    let found = checked(project, "door-intro", "Am nga sañ-sañ, **lu mu mana doon");
    assert_eq!(codes(&found), ["markdown-emphasis"], "{found:#?}");
    assert_eq!(found[0].at, Some((1, 17)));
}

#[test]
fn an_unknown_variable_is_refused() {
    let (_dir, project) = fixture("translate/shelter");
    let found = checked(project, "door-sign", "Woo { $telefon }.");
    assert!(
        found
            .iter()
            .any(|f| f.code == "variable-unknown" && f.error),
        "{found:#?}"
    );
}

/// Every byte of `after` but those of message `id`'s lines is as in
/// `before`.
fn only_message_changed(before: &[u8], after: &[u8], id: &str) {
    let before = String::from_utf8(before.to_vec()).unwrap();
    let after = String::from_utf8(after.to_vec()).unwrap();
    let start = after.find(&format!("{id} =")).unwrap();
    assert_eq!(before[..start], after[..start]);
    let rest = |text: &str| -> String {
        let from = text.find(&format!("{id} =")).unwrap();
        let tail = &text[from..];
        let end = tail.find("\r\n").map_or(tail.len(), |n| n + 2);
        tail[end..].to_owned()
    };
    assert_eq!(rest(&before), rest(&after));
}

#[test]
fn a_save_changes_only_that_message_and_confirms_it() {
    let (dir, project) = fixture("translate/shelter");
    drop(project);
    let path = dir.path().join(WOLOF);
    let before = std::fs::read(&path).unwrap();
    let saved = save(
        dir.path(),
        typed("door-silent", "Am nga sañ-sañ ci noppi rekk."),
    )
    .unwrap();
    let Saved::Written(checked) = saved else {
        panic!("{saved:?}")
    };
    assert_eq!(checked.file, Path::new(WOLOF));
    let after = std::fs::read(&path).unwrap();
    assert!(after.starts_with(b"\xEF\xBB\xBF# Wolof"));
    only_message_changed(&before, &after, "door-silent");
    assert!(
        String::from_utf8_lossy(&after).contains("door-silent = Am nga sañ-sañ ci noppi rekk.\r\n")
    );
    let project = project::load(dir.path()).unwrap();
    let locale = project.config.locale("wo").unwrap();
    assert_eq!(
        crate::i18n::stale::staleness(&project.messages(), locale, "door-silent"),
        None,
        "confirmed against the reference as it is"
    );
}

#[test]
fn a_message_the_locale_lacks_is_added_at_the_end_of_its_file() {
    let (dir, _project) = fixture("translate/shelter");
    let path = dir.path().join(WOLOF);
    let before = std::fs::read(&path).unwrap();
    let saved = save(
        dir.path(),
        typed("door-call", "Laaj { $organization } ndimbal."),
    )
    .unwrap();
    assert!(matches!(saved, Saved::Written(_)), "{saved:?}");
    let after = std::fs::read(&path).unwrap();
    assert_eq!(&after[..before.len()], &before[..]);
    assert_eq!(
        &after[before.len()..],
        "door-call = Laaj { $organization } ndimbal.\r\n".as_bytes()
    );
}

#[test]
fn a_message_with_an_error_is_not_written() {
    let (dir, _project) = fixture("translate/shelter");
    let path = dir.path().join(WOLOF);
    let lock = dir.path().join("locales/wo/kyr-lock.toml");
    let before = (std::fs::read(&path).unwrap(), std::fs::read(&lock).unwrap());
    let saved = save(dir.path(), typed("door-silent", "Am nga **sañ-sañ")).unwrap();
    let Saved::Refused(checked) = saved else {
        panic!("{saved:?}")
    };
    assert!(checked.has_errors());
    assert_eq!(
        before,
        (std::fs::read(&path).unwrap(), std::fs::read(&lock).unwrap())
    );
}

#[test]
fn the_reference_language_and_unknown_messages_are_not_translated_here() {
    let (dir, _project) = fixture("translate/shelter");
    for (tag, id) in [
        ("en", "door-sign"),
        ("wo", "no-such-message"),
        ("xx", "door-sign"),
    ] {
        let error = save(
            dir.path(),
            Typed {
                tag,
                ..typed(id, "x")
            },
        )
        .unwrap_err();
        assert!(matches!(error, Error::Usage(_)), "{tag} {id}: {error}");
    }
    let error = save(dir.path(), typed("door-sign", " \n ")).unwrap_err();
    assert!(error.to_string().contains("nothing was typed"), "{error}");
}

#[test]
fn the_preview_prints_the_typed_text_in_its_place_escaped() {
    let (_dir, project) = fixture("translate/shelter");
    let checked = check_typed(
        project,
        typed("door-sign", "Bul xaatim <b>dara</b>. **Woo** { $hotline }."),
    )
    .unwrap();
    let preview = checked.preview.unwrap();
    assert!(preview.contains("<ul>"), "the whole list: {preview}");
    assert!(
        preview.contains("Bul xaatim &lt;b&gt;dara&lt;/b&gt;. <strong>Woo</strong>"),
        "{preview}"
    );
    assert!(preview.contains("+1 (555) 010-1234"), "{preview}");
    assert!(
        preview.contains("<li>Am nga sañ-sañ ci noppi.</li>"),
        "{preview}"
    );
}
