//! Translation coverage: for each locale and document, which messages are
//! translated, which fall back (and to which locale), which are missing
//! everywhere, and which translations are stale. `kyr status` prints it;
//! `kyr check` and `kyr build` report stale translations from it.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::config::Locale;
use crate::doc::Skeleton;
use crate::i18n::Messages;
use crate::i18n::interface;
use crate::i18n::lock::Staleness;
use crate::i18n::recordings;
use crate::i18n::stale::{Change, change, shown, staleness};

/// The name of the pseudo-document holding the interface messages.
pub(crate) const INTERFACE: &str = "(interface)";

/// Counts for one document or one whole locale.
#[derive(Debug, Default, Clone, Serialize, PartialEq, Eq)]
pub struct Counts {
    /// Messages the document uses.
    pub total: usize,
    /// Translated in the locale itself (stale ones included).
    pub translated: usize,
    /// Shown from another locale of the chain.
    pub fallback: usize,
    /// Defined nowhere on the chain.
    pub missing: usize,
    /// Translated, but not confirmed against the current reference text.
    pub stale: usize,
}

impl Counts {
    /// Translated share, in percent, rounded to a tenth; but never 100.0
    /// while a message is left, nor 0.0 once one is translated. Every
    /// command and page shows this one figure.
    pub fn percent(&self) -> f64 {
        if self.total == 0 {
            return 100.0;
        }
        let rounded = (self.translated as f64 * 1000.0 / self.total as f64).round() / 10.0;
        if self.translated == self.total {
            100.0
        } else if self.translated == 0 {
            0.0
        } else {
            rounded.clamp(0.1, 99.9)
        }
    }

    fn add(&mut self, other: &Counts) {
        self.total += other.total;
        self.translated += other.translated;
        self.fallback += other.fallback;
        self.missing += other.missing;
        self.stale += other.stale;
    }
}

/// Recordings of a document's messages, or of a whole locale's.
#[derive(Debug, Default, Clone, Serialize, PartialEq, Eq)]
pub struct AudioCounts {
    /// Messages with a recording that passed its checks (stale ones
    /// included).
    pub recorded: usize,
    /// Recorded, but the text it reads changed since it was confirmed, or
    /// it was never confirmed.
    pub stale: usize,
    /// Messages with no recording.
    pub missing: usize,
    /// How long the recordings play, in milliseconds.
    pub duration_ms: u64,
    /// Ids whose recording is stale.
    pub stale_ids: Vec<String>,
}

impl AudioCounts {
    fn text(&self) -> String {
        format!(
            "{} recorded, {} stale, {} missing",
            self.recorded, self.stale, self.missing
        )
    }
}

/// One document in one locale.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentCoverage {
    /// Document name (or [`INTERFACE`]).
    pub document: String,
    /// The counts.
    #[serde(flatten)]
    pub counts: Counts,
    /// Fallback messages by supplying locale.
    pub fallback_from: BTreeMap<String, usize>,
    /// Ids shown from another locale (not translated in this one).
    pub untranslated_ids: Vec<String>,
    /// Ids missing everywhere.
    pub missing_ids: Vec<String>,
    /// Ids whose translation is stale.
    pub stale_ids: Vec<String>,
    /// For stale ids whose reference text changed: the text confirmed
    /// against, and the text now.
    pub stale_changes: Vec<Change>,
    /// Its messages' recordings (none for [`INTERFACE`]).
    pub audio: AudioCounts,
}

/// One locale.
#[derive(Debug, Clone, Serialize)]
pub struct LocaleCoverage {
    /// Locale tag.
    pub locale: String,
    /// Its name in itself.
    pub endonym: String,
    /// Declared complete in kyr.toml.
    pub complete: bool,
    /// Declared reviewed in kyr.toml.
    pub reviewed: bool,
    /// Counts over every message the locale's pages use (each once).
    #[serde(flatten)]
    pub counts: Counts,
    /// Translated share, in percent.
    pub percent: f64,
    /// Fallback messages by supplying locale (each message once).
    pub fallback_from: BTreeMap<String, usize>,
    /// Recordings of every message the locale's documents use (each once).
    pub audio: AudioCounts,
    /// Per document.
    pub documents: Vec<DocumentCoverage>,
}

/// Where a message stands in a locale.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum State {
    /// Translated and confirmed (or the reference locale itself).
    Translated,
    /// Translated, but stale.
    Stale(Staleness),
    /// Taken from this locale of the chain.
    Fallback(String),
    /// Defined nowhere on the chain.
    Missing,
}

/// The message keys (`id` or `id.attr`) a skeleton uses, in order, once each.
pub(crate) fn document_keys(skeleton: &Skeleton) -> Vec<String> {
    let mut keys: Vec<String> = Vec::new();
    for reference in skeleton.references() {
        let key = reference.key();
        if !keys.contains(&key) {
            keys.push(key);
        }
    }
    keys
}

/// The interface keys: kyr's own messages and the project title.
pub(crate) fn interface_keys(messages: &Messages) -> Vec<String> {
    let mut keys: Vec<String> = interface::translated().map(|m| m.id.to_owned()).collect();
    keys.push(messages.config.title.clone());
    keys
}

fn defines(messages: &Messages, tag: &str, key: &str) -> bool {
    messages.catalog.get(tag).is_some_and(|b| b.defines(key))
}

/// Where one message stands in a locale.
pub(crate) fn state(messages: &Messages, locale: &Locale, key: &str) -> State {
    if defines(messages, &locale.tag, key) {
        let id = key.split('.').next().unwrap_or(key);
        return match staleness(messages, locale, id) {
            Some(s) => State::Stale(s),
            None => State::Translated,
        };
    }
    for tag in locale.chain.iter().skip(1) {
        if defines(messages, tag, key) {
            return State::Fallback(tag.clone());
        }
    }
    State::Missing
}

/// Coverage of the given locales (all when empty).
pub(crate) fn coverage(messages: &Messages, tags: &[String]) -> Vec<LocaleCoverage> {
    let mut documents: Vec<(String, Vec<String>)> = messages
        .skeletons
        .iter()
        .map(|s| (s.name.clone(), document_keys(s)))
        .collect();
    documents.push((INTERFACE.to_owned(), interface_keys(messages)));
    messages
        .config
        .locales
        .values()
        .filter(|locale| tags.is_empty() || tags.contains(&locale.tag))
        .map(|locale| locale_coverage(messages, locale, &documents))
        .collect()
}

/// Coverage of one locale: of each of `documents` (name, keys), and of
/// their keys together, each counted once.
fn locale_coverage(
    messages: &Messages,
    locale: &Locale,
    documents: &[(String, Vec<String>)],
) -> LocaleCoverage {
    let mut per_document = Vec::new();
    let mut seen: BTreeMap<&str, State> = BTreeMap::new();
    for (name, keys) in documents {
        per_document.push(document_coverage(messages, locale, name, keys, &mut seen));
    }
    let mut counts = Counts::default();
    let mut fallback_from = BTreeMap::new();
    for state in seen.values() {
        tally(&mut counts, &mut fallback_from, state);
    }
    let document_keys = documents
        .iter()
        .filter(|(name, _)| name != INTERFACE)
        .flat_map(|(_, keys)| keys);
    let mut unique: Vec<&String> = Vec::new();
    for key in document_keys {
        if !unique.contains(&key) {
            unique.push(key);
        }
    }
    let audio = audio_counts(messages, locale, unique.into_iter());
    LocaleCoverage {
        locale: locale.tag.clone(),
        endonym: locale.endonym.clone(),
        complete: locale.complete,
        reviewed: locale.reviewed,
        percent: counts.percent(),
        counts,
        fallback_from,
        audio,
        documents: per_document,
    }
}

/// Coverage of one document (`name`, showing `keys`) in a locale; each
/// key's state also goes into `seen`.
fn document_coverage<'k>(
    messages: &Messages,
    locale: &Locale,
    name: &str,
    keys: &'k [String],
    seen: &mut BTreeMap<&'k str, State>,
) -> DocumentCoverage {
    let mut doc = DocumentCoverage {
        document: name.to_owned(),
        counts: Counts::default(),
        fallback_from: BTreeMap::new(),
        untranslated_ids: Vec::new(),
        missing_ids: Vec::new(),
        stale_ids: Vec::new(),
        stale_changes: Vec::new(),
        audio: AudioCounts::default(),
    };
    if name != INTERFACE {
        doc.audio = audio_counts(messages, locale, keys.iter());
    }
    for key in keys {
        let state = state(messages, locale, key);
        tally(&mut doc.counts, &mut doc.fallback_from, &state);
        match &state {
            State::Missing => doc.missing_ids.push(key.clone()),
            State::Fallback(_) => doc.untranslated_ids.push(key.clone()),
            State::Stale(why) => {
                doc.stale_ids.push(key.clone());
                let id = key.split('.').next().unwrap_or(key);
                if *why == Staleness::Changed
                    && !doc.stale_changes.iter().any(|c| c.id == id)
                    && let Some(change) = change(messages, locale, id)
                {
                    doc.stale_changes.push(change);
                }
            }
            _ => {}
        }
        seen.insert(key, state);
    }
    doc
}

/// Recordings of the messages (not attributes) among `keys`.
fn audio_counts<'k>(
    messages: &Messages,
    locale: &Locale,
    keys: impl Iterator<Item = &'k String>,
) -> AudioCounts {
    let mut audio = AudioCounts::default();
    let recordings = messages.catalog.get(&locale.tag).map(|b| &b.recordings);
    for key in keys.filter(|k| !k.contains('.')) {
        match recordings.and_then(|r| r.get(key)) {
            Some(recording) => {
                audio.recorded += 1;
                audio.duration_ms += recording.info.duration.as_millis() as u64;
                if recordings::staleness(messages, locale, key).is_some() {
                    audio.stale += 1;
                    audio.stale_ids.push(key.clone());
                }
            }
            None => audio.missing += 1,
        }
    }
    audio
}

/// Whether any locale has a recording: the tables show their audio
/// column only then.
fn has_audio(coverage: &[LocaleCoverage]) -> bool {
    coverage.iter().any(|l| l.audio.recorded > 0)
}

fn tally(counts: &mut Counts, from: &mut BTreeMap<String, usize>, state: &State) {
    let mut one = Counts {
        total: 1,
        ..Counts::default()
    };
    match state {
        State::Translated => one.translated = 1,
        State::Stale(_) => {
            one.translated = 1;
            one.stale = 1;
        }
        State::Fallback(tag) => {
            one.fallback = 1;
            *from.entry(tag.clone()).or_default() += 1;
        }
        State::Missing => one.missing = 1,
    }
    counts.add(&one);
}

fn fallback_text(from: &BTreeMap<String, usize>) -> String {
    if from.is_empty() {
        return "0".to_owned();
    }
    from.iter()
        .map(|(tag, n)| format!("{n} from {tag}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn row(name: &str, counts: &Counts, from: &BTreeMap<String, usize>) -> [String; 6] {
    [
        name.to_owned(),
        format!("{}/{}", counts.translated, counts.total),
        fallback_text(from),
        counts.missing.to_string(),
        counts.stale.to_string(),
        format!("{:.1}%", counts.percent()),
    ]
}

/// Aligned columns: a line per locale, then one per document.
pub(crate) fn render_table(coverage: &[LocaleCoverage]) -> String {
    let mut out = aligned(&table_rows(coverage));
    let mut needs = String::new();
    for locale in coverage {
        for (doc, what, ids) in needs_work(locale) {
            needs.push_str(&format!(
                "{} {doc}: {what} {}\n",
                locale.locale,
                ids.join(", ")
            ));
        }
    }
    if !needs.is_empty() {
        out.push('\n');
        out.push_str(&needs);
    }
    out
}

/// The table's cells: the header, then a row per locale followed by one
/// per document.
fn table_rows(coverage: &[LocaleCoverage]) -> Vec<Vec<String>> {
    let audio = has_audio(coverage);
    let mut header = vec![
        "locale",
        "translated",
        "fallback",
        "missing",
        "stale",
        "coverage",
        "review",
    ];
    if audio {
        header.push("audio");
    }
    let mut rows: Vec<Vec<String>> = vec![header.iter().map(|s| (*s).to_owned()).collect()];
    for locale in coverage {
        let mut first = row(&locale.locale, &locale.counts, &locale.fallback_from).to_vec();
        first.push(review_text(locale));
        if audio {
            first.push(locale.audio.text());
        }
        rows.push(first);
        for doc in &locale.documents {
            let mut line = row(
                &format!("  {}", doc.document),
                &doc.counts,
                &doc.fallback_from,
            )
            .to_vec();
            line.push(String::new());
            if audio {
                line.push(if doc.document == INTERFACE {
                    String::new()
                } else {
                    doc.audio.text()
                });
            }
            rows.push(line);
        }
    }
    rows
}

/// Rows of cells as lines, each column as wide as its widest cell.
fn aligned(rows: &[Vec<String>]) -> String {
    let columns = rows.first().map_or(0, Vec::len);
    let widths: Vec<usize> = (0..columns)
        .map(|i| rows.iter().map(|r| r[i].chars().count()).max().unwrap_or(0))
        .collect();
    let mut out = String::new();
    for r in rows {
        let cells: Vec<String> = r
            .iter()
            .zip(&widths)
            .map(|(cell, w)| format!("{cell:<w$}", w = *w))
            .collect();
        out.push_str(cells.join("  ").trim_end());
        out.push('\n');
    }
    out
}

/// Each document's ids that need work in a locale: untranslated (shown
/// from another locale), stale, missing everywhere.
fn needs_work(locale: &LocaleCoverage) -> Vec<(&str, &'static str, &[String])> {
    let mut out = Vec::new();
    for doc in &locale.documents {
        for (what, ids) in [
            ("untranslated", &doc.untranslated_ids),
            ("stale", &doc.stale_ids),
            ("missing", &doc.missing_ids),
            ("stale recordings", &doc.audio.stale_ids),
        ] {
            if !ids.is_empty() {
                out.push((doc.document.as_str(), what, ids.as_slice()));
            }
        }
    }
    out
}

fn review_text(locale: &LocaleCoverage) -> String {
    let mut parts = vec![if locale.reviewed {
        "reviewed"
    } else {
        "not reviewed"
    }];
    if locale.complete {
        parts.push("complete");
    }
    parts.join(", ")
}

/// A Markdown table for a pull request, with the ids that need work.
pub(crate) fn render_markdown(coverage: &[LocaleCoverage]) -> String {
    let mut out = markdown_table(coverage);
    let mut details = String::new();
    for locale in coverage {
        for (doc, what, list) in needs_work(locale) {
            details.push_str(&format!(
                "- `{}` `{doc}`: {what} {}\n",
                locale.locale,
                ids(list)
            ));
        }
    }
    if !details.is_empty() {
        out.push('\n');
        out.push_str(&details);
    }
    let changes = markdown_changes(coverage);
    if !changes.is_empty() {
        out.push_str("\nWhat changed in the reference text of stale translations:\n\n");
        out.push_str(&changes);
    }
    out
}

/// The Markdown table: a row per locale, then one per document.
fn markdown_table(coverage: &[LocaleCoverage]) -> String {
    let audio = has_audio(coverage);
    let mut out = String::from(if audio {
        "| locale | translated | fallback | missing | stale | coverage | review | audio |\n|---|---:|---|---:|---:|---:|---|---|\n"
    } else {
        "| locale | translated | fallback | missing | stale | coverage | review |\n|---|---:|---|---:|---:|---:|---|\n"
    });
    let audio_cell = |counts: &AudioCounts| {
        if audio {
            format!(" {} |", counts.text())
        } else {
            String::new()
        }
    };
    for locale in coverage {
        let [name, translated, fallback, missing, stale, percent] =
            row(&locale.locale, &locale.counts, &locale.fallback_from);
        out.push_str(&format!(
            "| `{name}` {} | {translated} | {fallback} | {missing} | {stale} | {percent} | {} |{}\n",
            locale.endonym.replace('|', "\\|"),
            review_text(locale),
            audio_cell(&locale.audio)
        ));
        for doc in &locale.documents {
            let [name, translated, fallback, missing, stale, percent] =
                row(&doc.document, &doc.counts, &doc.fallback_from);
            let cell = if doc.document == INTERFACE && audio {
                " |".to_owned()
            } else {
                audio_cell(&doc.audio)
            };
            out.push_str(&format!(
                "| &emsp;`{name}` | {translated} | {fallback} | {missing} | {stale} | {percent} | |{cell}\n"
            ));
        }
    }
    out
}

/// A Markdown list of what changed in the reference text of each stale
/// translation.
fn markdown_changes(coverage: &[LocaleCoverage]) -> String {
    let mut changes = String::new();
    for locale in coverage {
        for doc in &locale.documents {
            for change in &doc.stale_changes {
                changes.push_str(&format!(
                    "- `{}` `{}`: was {}, now {}\n",
                    locale.locale,
                    change.id,
                    change
                        .was
                        .as_deref()
                        .map_or("(not recorded)".to_owned(), |t| markdown_text(&shown(t))),
                    markdown_text(&shown(&change.now)),
                ));
            }
        }
    }
    changes
}

/// Text shown in Markdown as written: characters Markdown or HTML would
/// read are escaped.
fn markdown_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if "\\`*_[]<>|~&".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn ids(list: &[String]) -> String {
    list.iter()
        .map(|id| format!("`{id}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod percent_tests {
    use super::Counts;

    fn percent(translated: usize, total: usize) -> f64 {
        Counts {
            total,
            translated,
            ..Counts::default()
        }
        .percent()
    }

    #[test]
    fn shares_are_rounded_but_never_claim_complete_or_empty() {
        assert_eq!(percent(3, 31), 9.7);
        assert_eq!(percent(30, 31), 96.8);
        assert_eq!(percent(9_999, 10_000), 99.9);
        assert_eq!(percent(1, 10_000), 0.1);
        assert_eq!(percent(0, 31), 0.0);
        assert_eq!(percent(31, 31), 100.0);
        assert_eq!(percent(0, 0), 100.0);
    }
}
