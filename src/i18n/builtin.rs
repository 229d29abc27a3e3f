//! kyr's own texts, compiled in: its translations of its interface
//! messages and of the example document. `kyr init` writes them into a new
//! project; a page shows them for a message its project's reference
//! locale lacks (an interface message kyr added after the project was
//! made, or one kyr has no text for in the project's language; the
//! example's messages not translated yet), marked with their language,
//! with a warning at the file to add them to.

use std::collections::HashSet;

use crate::base::diag::{Diagnostic, FileId, Files, Span};
use crate::base::lang::Direction;
use crate::config::Config;
use crate::doc::model::Lang;
use crate::doc::{Layout, Skeleton};
use crate::i18n::catalog::{Catalog, Known, LocaleBundle, load_locale};
use crate::i18n::interface;

/// kyr's translations of its interface messages (`kyr.ftl`), by tag. The
/// first ones have every message; the others are partial
/// ([`missing_from`] names what they lack).
const TRANSLATIONS: &[(&str, &str)] = &[
    ("en", include_str!("../../assets/interface/en.ftl")),
    ("fr", include_str!("../../assets/interface/fr.ftl")),
    ("es", include_str!("../../assets/interface/es.ftl")),
    ("pt", include_str!("../../assets/interface/pt.ftl")),
    ("ar", include_str!("../../assets/interface/ar.ftl")),
    ("ht", include_str!("../../assets/interface/ht.ftl")),
    ("wo", include_str!("../../assets/interface/wo.ftl")),
    ("ff", include_str!("../../assets/interface/ff.ftl")),
    (
        "ff-Adlm",
        include_str!("../../assets/interface/ff-Adlm.ftl"),
    ),
];

/// The example document's messages (`content/example.md`), in each
/// language kyr has them in (English first).
const EXAMPLES: &[(&str, &str)] = &[
    ("en", include_str!("../../assets/init/example.en.ftl")),
    ("fr", include_str!("../../assets/init/example.fr.ftl")),
    ("es", include_str!("../../assets/init/example.es.ftl")),
    ("pt", include_str!("../../assets/init/example.pt.ftl")),
    ("ar", include_str!("../../assets/init/example.ar.ftl")),
];

/// The language every interface message exists in.
const LAST: &str = "en";

/// kyr's translation of its interface messages into `tag`, if it has one.
pub(crate) fn translation(tag: &str) -> Option<&'static str> {
    in_table(TRANSLATIONS, tag)
}

/// kyr's example messages in `tag`, if it has them.
pub(crate) fn example(tag: &str) -> Option<&'static str> {
    in_table(EXAMPLES, tag)
}

/// The text of `tag` in a table of kyr's texts.
fn in_table(table: &[(&str, &'static str)], tag: &str) -> Option<&'static str> {
    table.iter().find(|(t, _)| *t == tag).map(|(_, text)| *text)
}

/// The ids of the example document's messages.
fn example_ids() -> impl Iterator<Item = &'static str> {
    EXAMPLES[0]
        .1
        .lines()
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| line.split_once(" = ").map(|(id, _)| id))
}

/// The interface messages kyr's translation into `tag` lacks (all of them
/// when kyr has none).
pub(crate) fn missing_from(tag: &str) -> Vec<&'static str> {
    let text = translation(tag).unwrap_or_default();
    interface::MESSAGES
        .iter()
        .map(|m| m.id)
        .filter(|id| !defines(text, id))
        .collect()
}

/// Whether Fluent source `text` defines message `id` (at a line's start).
fn defines(text: &str, id: &str) -> bool {
    text.lines().any(|line| line_defines(line, id))
}

/// kyr's English lines of messages `ids`, each with the comment above it
/// (for the person translating it).
pub(crate) fn english_lines(ids: &[&str]) -> Vec<String> {
    let lines: Vec<&str> = translation(LAST).unwrap_or_default().lines().collect();
    let mut out = Vec::new();
    for (at, line) in lines.iter().enumerate() {
        if !ids.iter().any(|id| line_defines(line, id)) {
            continue;
        }
        let comments = lines[..at].iter().rev().take_while(|l| l.starts_with('#'));
        let mut comments: Vec<&str> = comments.copied().collect();
        comments.reverse();
        out.extend(
            comments
                .into_iter()
                .map(|c| c.trim_start_matches('#').trim_start().to_owned()),
        );
        out.push((*line).to_owned());
    }
    out
}

/// Whether `line` defines message `id`.
fn line_defines(line: &str, id: &str) -> bool {
    line.strip_prefix(id)
        .is_some_and(|rest| rest.trim_start().starts_with('='))
}

/// The line of kyr's source defining `id` in `tag` (`id = text`).
fn line_of(tag: &str, id: &str) -> Option<&'static str> {
    translation(tag)?
        .lines()
        .find(|line| line_defines(line, id))
}

/// When the reference locale lacks some of kyr's interface messages, or
/// messages of the example document a skeleton shows (`used`): adds
/// kyr's own texts (in the reference's language where kyr has them, then
/// in English) to the catalog for pages to show, and warns once for each,
/// at the reference's file to add them to.
pub(crate) fn fill_in(
    (config, config_file): (&Config, FileId),
    skeletons: &[Skeleton],
    catalog: &mut Catalog,
    files: &mut Files,
    diags: &mut Vec<Diagnostic>,
) {
    let reference = &config.reference;
    let lacks = |id: &&str| {
        catalog
            .get(reference)
            .is_none_or(|b| !b.defines(id) && !b.broken.contains_key(*id))
    };
    let shown = shown_messages(config, skeletons, catalog);
    let interface: Vec<&str> = shown.into_iter().filter(lacks).collect();
    let used: HashSet<String> = skeletons
        .iter()
        .flat_map(Skeleton::references)
        .map(|r| r.id)
        .collect();
    let examples: Vec<&str> = example_ids()
        .filter(|id| used.contains(*id))
        .filter(lacks)
        .collect();
    if interface.is_empty() && examples.is_empty() {
        return;
    }
    let mut tags = vec![reference.as_str()];
    if reference != LAST {
        tags.push(LAST);
    }
    for tag in tags {
        if let Some(bundle) = load(tag, config, files) {
            catalog.builtin.push(bundle);
        }
    }
    let at = |file: &str| place_to_add((config, config_file), catalog, files, file);
    if !interface.is_empty() {
        diags.push(missing_warning(reference, at("kyr.ftl"), &interface));
    }
    if !examples.is_empty() {
        diags.push(example_warning(reference, at("example.ftl"), &examples));
    }
}

/// The interface messages the project's pages show: all but those only
/// some projects need (how to print a card sheet, with a card; "Listen",
/// with recordings; the review date, with a date), and the notice a page
/// with nothing translated gives where the project has it (without it,
/// the page says it is not reviewed).
fn shown_messages(config: &Config, skeletons: &[Skeleton], catalog: &Catalog) -> Vec<&'static str> {
    let cards = skeletons
        .iter()
        .any(|s| s.front.layouts.contains(&Layout::Card));
    let dates = skeletons.iter().any(|s| s.front.last_reviewed.is_some());
    let recordings = config.locales.values().any(|l| l.audio_first)
        || catalog.locales.values().any(|b| !b.recordings.is_empty());
    interface::MESSAGES
        .iter()
        .map(|m| m.id)
        .filter(|id| match *id {
            interface::CARD_SHEET_HELP => cards,
            interface::LAST_REVIEWED => dates,
            interface::LISTEN => recordings,
            interface::NOT_TRANSLATED => false,
            _ => true,
        })
        .collect()
}

/// kyr's texts in `tag` (interface and example) as a bundle of its own.
fn load(tag: &str, config: &Config, files: &mut Files) -> Option<LocaleBundle> {
    let text = match (translation(tag), example(tag)) {
        (None, None) => return None,
        (interface, example) => format!(
            "{}\n{}",
            interface.unwrap_or_default(),
            example.unwrap_or_default()
        ),
    };
    let langid = crate::base::lang::parse_tag(tag).ok()?;
    let file = files.add(format!("<kyr's {tag} text>"), text);
    let ids: HashSet<String> = interface::MESSAGES
        .iter()
        .map(|m| m.id)
        .chain(example_ids())
        .map(str::to_owned)
        .collect();
    let known = Known {
        ids: &ids,
        reference: tag,
        all_documents: false,
    };
    // kyr's own files have no problems (a test holds it), so there is
    // nothing to report.
    let mut ignored = Vec::new();
    Some(load_locale(
        tag,
        &langid,
        &[file],
        &known,
        &config.limits,
        files,
        &mut ignored,
    ))
}

/// Where to add messages to the reference's file `name`: its end, else
/// the reference's table in kyr.toml.
fn place_to_add(
    (config, config_file): (&Config, FileId),
    catalog: &Catalog,
    files: &Files,
    name: &str,
) -> Span {
    let reference = &config.reference;
    let file = catalog.get(reference).and_then(|b| b.file_named(name));
    match (file, config.locale(reference)) {
        (Some(file), _) => {
            let end = files.text(file).len();
            Span::new(file, end..end)
        }
        (None, Some(locale)) => locale.span.clone(),
        (None, None) => Span::new(config_file, 0..0),
    }
}

/// The warning naming the interface messages the reference lacks, with
/// the lines to add.
fn missing_warning(reference: &str, at: Span, lacking: &[&str]) -> Diagnostic {
    let own: Vec<&str> = lacking
        .iter()
        .filter_map(|id| line_of(reference, id))
        .collect();
    let english: Vec<&str> = lacking
        .iter()
        .filter(|id| line_of(reference, id).is_none())
        .filter_map(|id| line_of(LAST, id))
        .collect();
    let (shown_in, hint) = match (own.is_empty(), english.is_empty()) {
        (false, true) => (
            format!("kyr's own `{reference}` text"),
            format!(
                "add kyr's `{reference}` text to `locales/{reference}/kyr.ftl`:\n{}",
                own.join("\n")
            ),
        ),
        (true, _) => (
            "kyr's English text, marked as English,".to_owned(),
            format!(
                "add them to `locales/{reference}/kyr.ftl`, translated into `{reference}` from kyr's English:\n{}",
                english.join("\n")
            ),
        ),
        (false, false) => (
            format!(
                "kyr's own text (in `{reference}` where kyr has it, else in English, marked so)"
            ),
            format!(
                "add them to `locales/{reference}/kyr.ftl`; kyr's `{reference}` text:\n{}\nand, to translate from English:\n{}",
                own.join("\n"),
                english.join("\n")
            ),
        ),
    };
    Diagnostic::warning(format!(
        "the reference locale `{reference}` lacks {} of kyr's interface messages ({}): pages show {shown_in} for {}",
        lacking.len(),
        named(lacking),
        if lacking.len() == 1 { "it" } else { "them" }
    ))
    .code("interface-missing")
    .at(at)
    .hint(hint)
}

/// The warning for the example document's messages the reference lacks.
fn example_warning(reference: &str, at: Span, lacking: &[&str]) -> Diagnostic {
    Diagnostic::warning(format!(
        "the example document is not in `{reference}` yet ({} not translated): its pages show kyr's English example, marked as English",
        named(lacking)
    ))
    .code("example-in-english")
    .at(at)
    .hint(format!(
        "translate the English messages commented in `locales/{reference}/example.ftl` and remove the `# ` before each, or replace `content/example.md` with a document of your own"
    ))
}

/// The first few ids, then how many more.
fn named(ids: &[&str]) -> String {
    let shown: Vec<String> = ids.iter().take(4).map(|id| format!("`{id}`")).collect();
    match ids.len().saturating_sub(shown.len()) {
        0 => shown.join(", "),
        more => format!("{}, and {more} more", shown.join(", ")),
    }
}

/// How a text of kyr's own in `tag`, a language the project does not
/// have (English), is marked on a page: its direction and its own name.
pub(crate) fn unconfigured_lang(tag: &str) -> Lang {
    let dir = crate::base::lang::parse_tag(tag).map_or(Direction::Ltr, |id| {
        crate::base::lang::default_direction(&id)
    });
    let name = crate::base::endonyms::of(tag).map_or(tag, |e| e.endonym);
    Lang {
        tag: tag.to_owned(),
        dir,
        name: name.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_has_every_interface_message() {
        assert_eq!(missing_from("en"), Vec::<&str>::new());
    }

    #[test]
    fn the_languages_kyr_ships_whole_have_every_interface_message() {
        for tag in ["fr", "es", "pt", "ar"] {
            assert_eq!(missing_from(tag), Vec::<&str>::new(), "{tag}");
        }
        for tag in ["ht", "wo", "ff", "ff-Adlm"] {
            assert!(!missing_from(tag).is_empty(), "{tag} is partial");
        }
        assert_eq!(missing_from("quc").len(), interface::MESSAGES.len());
    }

    #[test]
    fn a_line_of_kyrs_source_is_found_by_its_id_only() {
        assert!(
            line_of("es", "kyr-print")
                .unwrap()
                .starts_with("kyr-print = ")
        );
        assert!(line_of("es", "kyr-card-sheet-help").is_some());
        assert!(line_of("quc", "kyr-print").is_none());
    }
}
