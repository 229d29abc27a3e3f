//! The languages' own names (endonyms) kyr knows, from the dataset compiled
//! in (`assets/endonyms/endonyms.tsv`: Unicode CLDR, and named public
//! sources for the languages CLDR lacks), read once; what a placeholder
//! endonym looks like; and how a name typed on the command line is matched
//! against one written in kyr.toml.

use std::sync::LazyLock;

use unicode_normalization::UnicodeNormalization as _;

/// The dataset, as `assets/endonyms/extract.py` writes it.
const DATA: &str = include_str!("../../assets/endonyms/endonyms.tsv");

/// Where the dataset comes from, for hints and documentation.
pub(crate) const DATASET: &str = "kyr's list of endonyms (assets/endonyms/endonyms.tsv)";

/// One language's own name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Endonym {
    /// Its BCP 47 tag (`mam`, `ff-Adlm`).
    pub tag: &'static str,
    /// Its name in itself (`Qyol Mam`).
    pub endonym: &'static str,
    /// Its name in English (`Mam`).
    pub english: &'static str,
    /// Where the endonym comes from.
    pub source: &'static str,
}

/// Every entry of the dataset, read once.
static ENTRIES: LazyLock<Vec<Endonym>> = LazyLock::new(|| parse(DATA).0);

/// Every language kyr knows the name of, in the dataset's order.
pub(crate) fn all() -> &'static [Endonym] {
    &ENTRIES
}

/// The language with this tag, if kyr knows its name.
pub(crate) fn of(tag: &str) -> Option<&'static Endonym> {
    all().iter().find(|e| e.tag == tag)
}

/// The dataset's entries, and a line-numbered problem for each line that
/// is not one (a test holds that there is none).
fn parse(text: &'static str) -> (Vec<Endonym>, Vec<String>) {
    let mut entries = Vec::new();
    let mut problems = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&'static str> = line.split('\t').map(str::trim).collect();
        match fields[..] {
            [tag, endonym, english, source]
                if [tag, endonym, english, source]
                    .iter()
                    .all(|f| !f.is_empty()) =>
            {
                entries.push(Endonym {
                    tag,
                    endonym,
                    english,
                    source,
                });
            }
            _ => problems.push(format!(
                "line {}: not four tab-separated fields (tag, endonym, English name, source)",
                n + 1
            )),
        }
    }
    (entries, problems)
}

/// Words that stand for a name not written yet.
const PLACEHOLDER_WORDS: &[&str] = &["todo", "tbd", "fixme", "replace", "xxx", "endonym"];

/// Whether `endonym` is a placeholder rather than a language's name: empty,
/// the tag itself (in any case), a word such as `TODO` or `REPLACE`, a
/// value in angle, square or curly brackets (`<name>`), or only
/// punctuation (`?`, `...`).
pub(crate) fn is_placeholder(endonym: &str, tag: &str) -> bool {
    let name = endonym.trim();
    let lower = name.to_lowercase();
    let bracketed = [('<', '>'), ('[', ']'), ('{', '}')]
        .iter()
        .any(|(open, close)| name.starts_with(*open) && name.ends_with(*close));
    name.is_empty()
        || lower == tag.to_lowercase()
        || lower.replace('_', "-") == tag.to_lowercase()
        || PLACEHOLDER_WORDS.contains(&lower.as_str())
        || ["TODO", "REPLACE", "FIXME"]
            .iter()
            .any(|word| name.contains(word))
        || bracketed
        || name.chars().all(|c| !c.is_alphanumeric())
}

/// Whether two names are the same name: equal once both are in Unicode
/// NFC and lowercase (`español` is `Español`; a `ñ` typed as `n` and a
/// combining tilde is the `ñ` of kyr.toml), and with the apostrophes a
/// keyboard gives (`'`, `’`) taken for the letter apostrophe `ʼ` of names
/// such as Kʼicheʼ.
pub(crate) fn same_name(a: &str, b: &str) -> bool {
    fold(a) == fold(b)
}

fn fold(name: &str) -> String {
    name.trim()
        .nfc()
        .collect::<String>()
        .to_lowercase()
        .nfc()
        .map(|c| match c {
            '\'' | '\u{2019}' => '\u{2BC}',
            c => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::lang;

    #[test]
    fn the_dataset_parses_whole_with_valid_unique_tags_and_a_source_each() {
        let (entries, problems) = parse(DATA);
        assert!(problems.is_empty(), "{problems:?}");
        assert!(entries.len() >= 60, "only {} languages", entries.len());
        let mut seen = std::collections::BTreeSet::new();
        for e in &entries {
            lang::parse_tag(e.tag).unwrap_or_else(|m| panic!("{}: {m}", e.tag));
            assert!(seen.insert(e.tag), "`{}` twice", e.tag);
            assert!(!e.source.is_empty() && !e.english.is_empty(), "{e:?}");
            assert!(!is_placeholder(e.endonym, e.tag), "{e:?}");
        }
        assert_eq!(all().len(), entries.len());
    }

    #[test]
    fn the_issue_languages_are_there_as_their_readers_write_them() {
        for (tag, name) in [
            ("mam", "Qyol Mam"),
            ("quc", "K\u{2BC}iche\u{2BC}"),
            ("es", "Español"),
            ("fr", "Français"),
            ("ar", "العربية"),
            ("ht", "Kreyòl ayisyen"),
            ("ff", "Pulaar"),
            ("ff-Adlm", "𞤆𞤵𞤤𞤢𞤪"),
            ("snk", "Sooninkanxanne"),
            ("wo", "Wolof"),
            ("fa-AF", "دری"),
            ("zh", "中文"),
            ("zh-Hant", "繁體中文"),
            ("yue", "粵語"),
        ] {
            assert_eq!(of(tag).map(|e| e.endonym), Some(name), "{tag}");
        }
        for tag in [
            "kjb", "tzo", "tzh", "mix", "ps", "ti", "am", "so", "bm", "ln", "ru", "uk", "tr", "vi",
            "pt", "en",
        ] {
            assert!(of(tag).is_some(), "{tag}");
        }
        // CLDR's Kʼicheʼ is written with the letter apostrophe, not a quote.
        assert!(!of("quc").unwrap().endonym.contains('\''));
        assert!(
            of("mam")
                .unwrap()
                .source
                .contains("Academia de Lenguas Mayas")
        );
        assert!(of("es").unwrap().source.contains("CLDR 41"));
        assert_eq!(of("xx"), None);
    }

    #[test]
    fn placeholders_are_told_from_names() {
        for (name, tag) in [
            ("mam", "mam"),
            ("QUC", "quc"),
            ("ff_Adlm", "ff-Adlm"),
            ("", "wo"),
            ("  ", "wo"),
            ("TODO", "wo"),
            ("todo", "wo"),
            ("REPLACE me", "wo"),
            ("<endonym>", "wo"),
            ("[name]", "wo"),
            ("?", "wo"),
            ("...", "wo"),
        ] {
            assert!(is_placeholder(name, tag), "{name:?} for {tag}");
        }
        for (name, tag) in [
            ("Qyol Mam", "mam"),
            ("Wolof", "wo"),
            ("Mam", "mam-MX"),
            ("𞤆𞤵𞤤𞤢𞤪", "ff-Adlm"),
            ("Todos Santos", "mvj"),
            ("English", "en"),
        ] {
            assert!(!is_placeholder(name, tag), "{name:?} for {tag}");
        }
    }

    #[test]
    fn names_match_whatever_their_case_and_normal_form() {
        assert!(same_name("español", "Español"));
        assert!(same_name("espan\u{303}ol", "Español"));
        assert!(same_name("K\u{2BC}ICHE\u{2BC}", "K\u{2BC}iche\u{2BC}"));
        assert!(same_name(" Wolof ", "wolof"));
        assert!(same_name("K'iche'", "K\u{2BC}iche\u{2BC}"));
        assert!(same_name("K\u{2019}iche\u{2019}", "K\u{2BC}iche\u{2BC}"));
        assert!(!same_name("Espanol", "Español"));
    }
}
