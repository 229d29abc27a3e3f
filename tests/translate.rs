//! The translation page's save (`kyr::commands::translate`), given what
//! a volunteer might type into its field: each slip of the slip suite
//! (`tests/slips/suite.rs`), as it would be typed there, is either
//! refused with an error or stored as the plain text it is; no other
//! message of any file changes, and nothing typed starts a message of its
//! own.

use std::collections::BTreeMap;
use std::path::Path;

use fluent_syntax::ast;
use kyr::commands::translate::{Saved, Typed, save};

use crate::util::Fixture;

const FILE: &str = "locales/wo/door.ftl";

/// Each slip class, as typed into the field of `door-sign` (French:
/// "Ne signez rien. Appelez le { $hotline }.").
const TYPED: &[(&str, &str)] = &[
    ("space before an id", " door-sign = Bul xaatim dara."),
    ("tab before an id", "\tdoor-sign = Bul xaatim dara."),
    (
        "no-break space before an id",
        "\u{A0}door-sign = Bul xaatim dara.",
    ),
    (
        "ideographic space before an id",
        "\u{3000}door-sign = Bul xaatim dara.",
    ),
    (
        "a direction mark before an id",
        "\u{200F}door-sign = Bul xaatim dara.",
    ),
    (
        "continuation indented with a tab",
        "Bul xaatim dara.\n\tWoo { $hotline }.",
    ),
    (
        "continuation indented with no-break spaces",
        "Bul xaatim dara.\n\u{A0}\u{A0}\u{A0}\u{A0}Woo { $hotline }.",
    ),
    (
        "continuation indented with thin spaces",
        "Bul xaatim dara.\n\u{2009}\u{2009}Woo { $hotline }.",
    ),
    (
        "continuation indented with an ideographic space",
        "Bul xaatim dara.\n\u{3000}Woo { $hotline }.",
    ),
    (
        "curly quotes around a variable",
        "Woo { \u{201C}$hotline\u{201D} }.",
    ),
    (
        "guillemets around a variable",
        "Woo { \u{AB}$hotline\u{BB} }.",
    ),
    (
        "primes around a variable",
        "Woo { \u{2032}$hotline\u{2032} }.",
    ),
    (
        "single curly quotes around a variable",
        "Woo { \u{2018}$hotline\u{2019} }.",
    ),
    (
        "a curly quote inside a placeable",
        "Woo { \u{201D}$hotline }.",
    ),
    (
        "a variable name translated with accents",
        "Woo { $t\u{E9}l\u{E9}phone }.",
    ),
    ("a variable name translated", "Woo { $telefono }."),
    (
        "a direction mark inside a placeable",
        "Woo { \u{200F}$hotline }.",
    ),
    (
        "a missing `=`",
        "door-sign Bul xaatim dara. Woo { $hotline }.",
    ),
    (
        "a `#` left at the start of a line",
        "Bul xaatim dara.\n#Woo { $hotline }.",
    ),
    (
        "an English comment inside a value",
        "Bul xaatim dara.\n# Keep this card with you at all times.\nWoo { $hotline }.",
    ),
    (
        "a lone `{` typed as text",
        "Bul xaatim { dara. Woo { $hotline }.",
    ),
    (
        "a lone `}` typed as text",
        "Bul xaatim } dara. Woo { $hotline }.",
    ),
    (
        "a select expression without its default",
        "Woo { $hotline ->\n    [one] { $hotline }\n    [other] { $hotline }\n}",
    ),
    (
        "a select expression not closed",
        "Woo { $hotline ->\n    [one] { $hotline }\n   *[other] { $hotline }\n",
    ),
    (
        "a message id given twice",
        "Bul xaatim dara. Woo { $hotline }.\ndoor-sign = Autre texte.",
    ),
    (
        "a message pasted twice",
        "Bul xaatim dara. Woo { $hotline }.\n\ndoor-title = Su ay agent \u{F1}\u{EB}wee ci sa bunt",
    ),
    ("bold left open", "**Bul xaatim dara. Woo { $hotline }."),
    (
        "an attribute typed",
        "Bul xaatim dara. Woo { $hotline }.\n.title = x",
    ),
    (
        "a variant typed",
        "Bul xaatim dara. Woo { $hotline }.\n*[other] x",
    ),
];

/// Every `.ftl` and lock file of the project, by path.
fn files(root: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    for entry in walkdir::WalkDir::new(root.join("locales")) {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            let path = entry.path().strip_prefix(root).unwrap();
            out.insert(
                path.to_string_lossy().replace('\\', "/"),
                std::fs::read(entry.path()).unwrap(),
            );
        }
    }
    out
}

/// The messages of a `.ftl` file, each as its text reads (references as
/// `{ $name }`, quoted text unquoted); junk makes the test fail.
fn messages(bytes: &[u8]) -> BTreeMap<String, String> {
    let text = String::from_utf8(bytes.to_vec()).unwrap();
    let body = text.trim_start_matches('\u{FEFF}');
    let resource =
        fluent_syntax::parser::parse(body).unwrap_or_else(|(_, e)| panic!("{e:?}\n{body}"));
    let mut out = BTreeMap::new();
    for entry in &resource.body {
        let ast::Entry::Message(m) = entry else {
            continue;
        };
        let mut read = String::new();
        for element in m.value.iter().flat_map(|v| &v.elements) {
            match element {
                ast::PatternElement::TextElement { value } => read.push_str(value),
                ast::PatternElement::Placeable {
                    expression: ast::Expression::Inline(inline),
                } => match inline {
                    ast::InlineExpression::StringLiteral { value } => read.push_str(value),
                    ast::InlineExpression::VariableReference { id } => {
                        read.push_str(&format!("{{ ${} }}", id.name));
                    }
                    other => panic!("{other:?}"),
                },
                other => panic!("{other:?}"),
            }
        }
        out.insert(m.id.name.to_owned(), read.replace('\r', ""));
        assert!(m.attributes.is_empty(), "{}", m.id.name);
    }
    out
}

/// A text's lines without the spaces around them, blank ones left out.
fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(|l| l.trim().to_owned())
        .filter(|l| !l.is_empty())
        .collect()
}

#[test]
fn slips_typed_into_the_field_are_refused_or_stored_as_plain_text() {
    let mut stored = 0;
    let mut refused = 0;
    for (class, typed) in TYPED {
        let fixture = Fixture::new("translate/shelter");
        let root = fixture.root();
        let before = files(root);
        let typed_in = Typed {
            tag: "wo",
            doc: None,
            id: "door-sign",
            text: typed,
        };
        let outcome = save(root, typed_in).unwrap_or_else(|e| panic!("{class}: {e}"));
        let after = files(root);
        match outcome {
            Saved::Refused(checked) => {
                refused += 1;
                assert!(checked.has_errors(), "{class}");
                assert_eq!(before, after, "{class}: refused, yet a file changed");
            }
            Saved::Written(_) => {
                stored += 1;
                for (path, bytes) in &before {
                    if path != FILE && !path.ends_with("kyr-lock.toml") {
                        assert_eq!(Some(bytes), after.get(path), "{class}: {path} changed");
                    }
                }
                let (old, new) = (messages(&before[FILE]), messages(&after[FILE]));
                let mut others = new.clone();
                let sign = others.remove("door-sign").unwrap();
                let mut old_others = old.clone();
                old_others.remove("door-sign");
                assert_eq!(old_others, others, "{class}: another message changed");
                assert_eq!(lines(&sign), lines(typed), "{class}: not stored as typed");
            }
        }
    }
    // Both happen: the field is not a filter that refuses everything.
    assert!(
        stored >= 8 && refused >= 8,
        "{stored} stored, {refused} refused"
    );
}
