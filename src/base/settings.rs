//! Errors in settings written as TOML (`kyr.toml`, a document's front
//! matter), worded for the person who wrote them: which key, which
//! table, what was meant, and how to write it.

use std::ops::Range;

use super::diag::{Diagnostic, FileId, Span, lowercase_message};

/// What a settings file holds, for wording its errors.
pub(crate) struct Settings<'a> {
    /// The file as a message names it: "the front matter", "`kyr.toml`".
    pub place: &'a str,
    /// Its top-level keys.
    pub top: &'a [&'a str],
    /// What a key is for and how it is written, by name.
    pub about: &'a [(&'a str, &'a str)],
}

/// The error `error` of TOML text `text` (which starts at `offset` in
/// `file`) as a located diagnostic in plain words.
pub(crate) fn diagnostic(
    error: &toml::de::Error,
    text: &str,
    (file, offset): (FileId, usize),
    settings: &Settings,
) -> Diagnostic {
    let range = error.span();
    let at = range
        .clone()
        .map(|r| Span::new(file, offset + r.start..offset + r.end));
    let (message, hints) = worded(error.message(), text, range, settings);
    let mut d = Diagnostic::error(message).at_opt(at);
    for hint in hints {
        d = d.hint(hint);
    }
    d
}

/// A serde error `message` about TOML `text`, at `range`, in plain words:
/// the message and its hints.
fn worded(
    message: &str,
    text: &str,
    range: Option<Range<usize>>,
    settings: &Settings,
) -> (String, Vec<String>) {
    let range = range.unwrap_or(0..0);
    let place = ErrorPlace {
        spanned: text.get(range.clone()).unwrap_or("").trim(),
        table: table_at(text, range.start),
        key: key_of_value(text, range.start),
    };
    // What serde expected: the names it lists after the one it got.
    let names = quoted_names(message);
    let expected = names.get(1..).unwrap_or_default();
    if let Some(field) = message
        .strip_prefix("missing field `")
        .and_then(|m| m.strip_suffix('`'))
    {
        return missing_field(field, &place, settings);
    }
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let field = rest.split('`').next().unwrap_or_default();
        return unknown_field(field, expected, &place, settings);
    }
    if let Some(rest) = message.strip_prefix("unknown variant `") {
        let value = rest.split('`').next().unwrap_or_default();
        return unknown_variant(value, expected, place.key);
    }
    if let Some((found, expected)) = message
        .strip_prefix("invalid type: ")
        .and_then(|rest| rest.split_once(", expected "))
    {
        return invalid_type(found, expected, place.key, settings);
    }
    if message.starts_with("string values must be quoted") {
        let key = place.key.map_or(String::new(), |k| format!("`{k}` "));
        return (
            format!("{key}text must be in double quotes"),
            vec![format!("write \"{}\"", place.spanned)],
        );
    }
    if message.starts_with("duplicate key") {
        return (
            lowercase_message(message),
            vec!["each setting is written once: remove or rename the other one".to_owned()],
        );
    }
    (lowercase_message(message), Vec::new())
}

/// Where in the TOML text an error points.
struct ErrorPlace<'t> {
    /// The text it points at, trimmed.
    spanned: &'t str,
    /// The table whose lines hold it.
    table: Option<String>,
    /// The key of the value it points at.
    key: Option<&'t str>,
}

/// What key `key` is for and how it is written, if the settings say.
fn about(settings: &Settings, key: &str) -> Option<String> {
    settings
        .about
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, about)| (*about).to_owned())
}

/// A required key is missing from a table (`place` points at its header)
/// or from the file.
fn missing_field(field: &str, place: &ErrorPlace, settings: &Settings) -> (String, Vec<String>) {
    let within = if place.spanned.starts_with('[') {
        format!("`{}`", place.spanned)
    } else {
        settings.place.to_owned()
    };
    (
        format!("{within} needs `{field}`"),
        about(settings, field).into_iter().collect(),
    )
}

/// A key the table does not have: a top-level key written below a table
/// header, a misspelling, or another table's key.
fn unknown_field(
    field: &str,
    expected: &[&str],
    place: &ErrorPlace,
    settings: &Settings,
) -> (String, Vec<String>) {
    let whose = match &place.table {
        Some(table) => format!("a setting of `[{table}]`"),
        None => format!("a setting of {}", settings.place),
    };
    let mut hints = Vec::new();
    if let Some(table) = place
        .table
        .as_ref()
        .filter(|_| settings.top.contains(&field))
    {
        hints.push(format!(
            "every line after `[{table}]` belongs to that table: move `{field}` above the `[{table}]` line"
        ));
    } else if let Some(meant) = closest(field, expected) {
        hints.push(format!("did you mean `{meant}`?"));
    } else if !expected.is_empty() {
        hints.push(format!("the settings here are {}", listed(expected)));
    }
    (format!("`{field}` is not {whose}"), hints)
}

/// A value that is not one of the choices of `key`.
fn unknown_variant(value: &str, expected: &[&str], key: Option<&str>) -> (String, Vec<String>) {
    let what = key.map_or(String::new(), |k| format!(" for `{k}`"));
    let hints = match closest(value, expected) {
        Some(meant) => vec![format!("did you mean `{meant}`?")],
        None => Vec::new(),
    };
    (
        format!(
            "`{value}` is not a choice{what}: write {}",
            listed_or(expected)
        ),
        hints,
    )
}

/// A value of the wrong type (`found`, where serde `expected` another).
fn invalid_type(
    found: &str,
    expected: &str,
    key: Option<&str>,
    settings: &Settings,
) -> (String, Vec<String>) {
    let hints = key.and_then(|k| about(settings, k)).into_iter().collect();
    let key = key.map_or("this value".to_owned(), |k| format!("`{k}`"));
    (
        format!(
            "{key} must be {}, not {}",
            expected_words(expected),
            found_words(found)
        ),
        hints,
    )
}

/// The table (`[card]`, `[locales.fr]`) whose lines hold byte `at`.
fn table_at(text: &str, at: usize) -> Option<String> {
    text.get(..at)?
        .lines()
        .rev()
        .map(str::trim)
        .find(|line| line.starts_with('[') && !line.starts_with("[["))
        .map(|line| {
            line.trim_start_matches('[')
                .split(']')
                .next()
                .unwrap_or_default()
                .trim()
                .to_owned()
        })
}

/// The key of a `key = value` line whose value starts at byte `at`.
fn key_of_value(text: &str, at: usize) -> Option<&str> {
    let before = text.get(..at)?;
    let line = &before[before.rfind('\n').map_or(0, |i| i + 1)..];
    let (key, _) = line.split_once('=')?;
    let key = key.trim().trim_start_matches('{').trim();
    let key = key.rsplit([',', '{']).next().unwrap_or(key).trim();
    (!key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "_-.".contains(c)))
    .then_some(key)
}

/// The names quoted in backticks in a serde message.
fn quoted_names(message: &str) -> Vec<&str> {
    message.split('`').skip(1).step_by(2).collect()
}

fn closest<'a>(name: &str, candidates: &[&'a str]) -> Option<&'a str> {
    candidates
        .iter()
        .map(|c| (strsim::jaro_winkler(name, c), *c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

fn listed(names: &[&str]) -> String {
    join(names, "and")
}

fn listed_or(names: &[&str]) -> String {
    join(names, "or")
}

fn join(names: &[&str], last: &str) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    match quoted.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., tail] => format!("{} {last} {tail}", init.join(", ")),
    }
}

fn expected_words(expected: &str) -> String {
    match expected {
        "a sequence" => "a list in brackets, like `[\"a\", \"b\"]`".to_owned(),
        "a string" => "text in double quotes".to_owned(),
        "a boolean" => "`true` or `false`".to_owned(),
        "u64" | "an integer" | "i64" | "u32" | "usize" => "a whole number".to_owned(),
        e if e.starts_with("struct ") || e == "a map" => "a table".to_owned(),
        e => e.to_owned(),
    }
}

fn found_words(found: &str) -> String {
    if let Some(text) = found.strip_prefix("string ") {
        return format!("the text {text}");
    }
    if let Some(number) = found
        .strip_prefix("integer ")
        .or_else(|| found.strip_prefix("floating point "))
    {
        return format!("the number {}", number.trim_matches('`'));
    }
    match found {
        "sequence" => "a list".to_owned(),
        "map" => "a table".to_owned(),
        f => f.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SETTINGS: Settings = Settings {
        place: "the front matter",
        top: &["title", "layouts", "sources", "card"],
        about: &[("back", "the message of the card's back")],
    };

    fn words(text: &str) -> (String, Vec<String>) {
        #[derive(serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct Card {
            front: String,
            back: String,
        }
        #[derive(serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct File {
            title: String,
            #[serde(default)]
            layouts: Vec<String>,
            #[serde(default)]
            sources: Vec<String>,
            card: Option<Card>,
        }
        let e = toml::from_str::<File>(text).err().unwrap();
        worded(e.message(), text, e.span(), &SETTINGS)
    }

    #[test]
    fn a_missing_key_names_its_table_and_what_it_is_for() {
        let (m, h) = words("title = \"t\"\n[card]\nfront = \"f\"\n");
        assert_eq!(m, "`[card]` needs `back`");
        assert_eq!(h, ["the message of the card's back"]);
        let (m, _) = words("layouts = []\n");
        assert_eq!(m, "the front matter needs `title`");
    }

    #[test]
    fn a_key_after_a_table_is_moved_above_it() {
        let (m, h) = words("title = \"t\"\n[card]\nfront = \"f\"\nback = \"b\"\nsources = []\n");
        assert_eq!(m, "`sources` is not a setting of `[card]`");
        assert!(
            h[0].contains("move `sources` above the `[card]` line"),
            "{h:?}"
        );
    }

    #[test]
    fn a_misspelt_key_asks_did_you_mean() {
        let (m, h) = words("titel = \"t\"\n");
        assert_eq!(m, "`titel` is not a setting of the front matter");
        assert_eq!(h, ["did you mean `title`?"]);
    }

    #[test]
    fn a_wrong_type_names_the_key_and_how_to_write_it() {
        let (m, _) = words("title = \"t\"\nlayouts = \"handout\"\n");
        assert_eq!(
            m,
            "`layouts` must be a list in brackets, like `[\"a\", \"b\"]`, not the text \"handout\""
        );
        let (m, _) = words("title = 3\n");
        assert_eq!(m, "`title` must be text in double quotes, not the number 3");
        let (m, h) = words("title = example-title\n");
        assert_eq!(m, "`title` text must be in double quotes");
        assert_eq!(h, ["write \"example-title\""]);
    }
}
