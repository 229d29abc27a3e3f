//! Language tags: parsing BCP 47 tags, and the writing direction a tag
//! implies (from its script subtag, or from the language's usual script).

use std::fmt;

use serde::Deserialize;
use unic_langid::LanguageIdentifier;

/// Writing direction of a locale or of a piece of text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// Left to right.
    Ltr,
    /// Right to left.
    Rtl,
}

impl Direction {
    /// `ltr` or `rtl`, as HTML's `dir` attribute wants it.
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        }
    }
}

impl fmt::Display for Direction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Scripts written right to left (ISO 15924).
const RTL_SCRIPTS: &[&str] = &[
    "Adlm", "Arab", "Aran", "Hebr", "Mand", "Mend", "Nkoo", "Rohg", "Samr", "Syrc", "Thaa", "Yezi",
];

/// Languages whose usual script is written right to left.
const RTL_LANGUAGES: &[&str] = &[
    "ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks", "ku-Arab", "lrc", "mzn", "nqo", "prs", "ps",
    "sd", "syr", "ug", "ur", "yi",
];

/// Parses a BCP 47 tag and checks that it is written in canonical form
/// (`ff-Adlm`, not `ff-adlm`), since it also names a folder and a URL.
pub(crate) fn parse_tag(tag: &str) -> Result<LanguageIdentifier, String> {
    let id: LanguageIdentifier = tag
        .parse()
        .map_err(|_| format!("`{tag}` is not a valid BCP 47 language tag"))?;
    let canonical = id.to_string();
    if canonical != tag {
        return Err(format!(
            "language tag `{tag}` is not in canonical form; write `{canonical}`"
        ));
    }
    if id.language.is_empty() {
        return Err(format!("language tag `{tag}` has no language subtag"));
    }
    Ok(id)
}

/// The direction text in this language is written in: from the script
/// subtag when there is one, otherwise from the language's usual script.
pub(crate) fn default_direction(id: &LanguageIdentifier) -> Direction {
    if let Some(script) = id.script {
        return if RTL_SCRIPTS.contains(&script.as_str()) {
            Direction::Rtl
        } else {
            Direction::Ltr
        };
    }
    if RTL_LANGUAGES.contains(&id.language.as_str()) {
        Direction::Rtl
    } else {
        Direction::Ltr
    }
}

/// The script (ISO 15924, `Latn`, `Arab`, `Adlm`) a language is written
/// in: the tag's script subtag when there is one, otherwise the script of
/// the first letter of its name in itself; `Zyyy` when neither says.
pub(crate) fn script_of(id: &LanguageIdentifier, endonym: &str) -> String {
    use unicode_script::{Script, UnicodeScript};
    if let Some(script) = id.script {
        return script.as_str().to_owned();
    }
    endonym
        .chars()
        .map(|c| c.script())
        .find(|s| !matches!(s, Script::Common | Script::Inherited | Script::Unknown))
        .map_or_else(|| "Zyyy".to_owned(), |s| s.short_name().to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_language_is_written_in_its_tags_script_or_its_names() {
        let script = |tag: &str, name: &str| script_of(&parse_tag(tag).unwrap(), name);
        assert_eq!(script("ff-Adlm", "Pulaar"), "Adlm");
        assert_eq!(script("ar", "العربية"), "Arab");
        assert_eq!(script("ff", "Pulaar"), "Latn");
        assert_eq!(script("am", "አማርኛ"), "Ethi");
        assert_eq!(script("xx", "123"), "Zyyy");
    }

    fn dir(tag: &str) -> Direction {
        default_direction(&parse_tag(tag).unwrap())
    }

    #[test]
    fn direction_follows_script_then_language() {
        assert_eq!(dir("ar"), Direction::Rtl);
        assert_eq!(dir("ff-Adlm"), Direction::Rtl);
        assert_eq!(dir("ff"), Direction::Ltr);
        assert_eq!(dir("snk"), Direction::Ltr);
        assert_eq!(dir("fa"), Direction::Rtl);
        assert_eq!(dir("pa-Arab"), Direction::Rtl);
        assert_eq!(dir("az-Latn"), Direction::Ltr);
        assert_eq!(dir("en-US"), Direction::Ltr);
    }

    #[test]
    fn tags_must_be_valid_and_canonical() {
        assert!(parse_tag("ff-Adlm").is_ok());
        assert!(parse_tag("snk").is_ok());
        assert!(
            parse_tag("ff-adlm")
                .unwrap_err()
                .contains("write `ff-Adlm`")
        );
        assert!(parse_tag("EN").unwrap_err().contains("write `en`"));
        assert!(parse_tag("not a tag").is_err());
        assert!(parse_tag("../x").is_err());
        assert!(parse_tag("").is_err());
    }
}
