//! Incremental builds: what each document × locale produced last time,
//! under `out/.kyr/jobs/<locale>/<document>.json`, and the key of the
//! inputs it was made from. A job whose key and files are unchanged is not
//! rendered again; a job of a document or locale that no longer exists has
//! its outputs removed.
//!
//! The key covers kyr itself (version and executable), kyr.toml and the
//! edition, the skeleton file, the text of every message the document used
//! in every locale it came from (so an edit elsewhere in a locale does not
//! rebuild it), and per format its templates (and for PDF the fonts, the
//! build time and the images the templates read; text files have none).
//!
//! A format's record keeps the warnings its rendering reported and the
//! characters no font could draw, and a build that does not render it
//! again tells them again, as cargo replays a crate's warnings: printed as
//! they were, counted, and failing `--strict` (which renders such a format
//! again, so that its files fail as on any strict build). A format whose
//! rendering reported an error is not recorded: it is rendered every time.
//! A warning is told again only while the line it points at reads the
//! same, at the same line and column; otherwise the format is rendered
//! again.

use std::collections::BTreeMap;
use std::fs;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::LazyLock;
use std::time::UNIX_EPOCH;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::base::diag::{Diagnostic, Files, Severity, Span, display_path};
use crate::base::output;
use crate::project::Project;
use crate::render::{Facts, Format};

/// Where the job records are, under the output folder.
const JOBS_DIR: &str = ".kyr/jobs";

/// The version of the records' format. A record of another version is
/// read only for the files it lists (to remove them when their document
/// goes); its formats are built again.
const RECORD_VERSION: u32 = 2;

/// Hashes anything `Hash` into SHA-256 (std's hasher is only 64 bits).
#[derive(Default)]
pub(super) struct KeyHasher(Sha256);

impl KeyHasher {
    /// Adds a labelled piece of input, so that two inputs cannot run into
    /// each other.
    pub(super) fn add(&mut self, label: &str, value: impl Hash) -> &mut Self {
        label.hash(self);
        value.hash(self);
        self
    }

    /// The key, in hex.
    pub(super) fn key(&self) -> String {
        hex(&self.0.clone().finalize())
    }
}

impl Hasher for KeyHasher {
    fn write(&mut self, bytes: &[u8]) {
        self.0.update(bytes);
    }

    fn finish(&self) -> u64 {
        let digest = self.0.clone().finalize();
        u64::from_le_bytes(digest[..8].try_into().expect("8 bytes"))
    }
}

/// Lowercase hex of bytes.
pub(super) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// SHA-256 of bytes, in hex.
pub(crate) fn sha256(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// What identifies this kyr: its version and its executable, so that a
/// rebuilt or upgraded kyr builds everything again.
static KYR_IDENTITY: LazyLock<String> = LazyLock::new(|| {
    let executable = std::env::current_exe()
        .and_then(fs::metadata)
        .map(|m| format!("{}:{:?}", m.len(), modified_nanos(&m)))
        .unwrap_or_default();
    format!("{} {executable}", env!("CARGO_PKG_VERSION"))
});

/// The inputs every job of a build shares, hashed once.
pub(super) struct SharedKeys {
    /// kyr, kyr.toml, the edition.
    project: String,
    /// HTML templates.
    html: String,
    /// PDF templates, fonts, the build time.
    pdf: String,
    /// Text files: kyr and the project only (they use no template).
    text: String,
}

/// What a `--shard` build records of itself in its output folder, for
/// `kyr bundle --merge` to check that the shards belong together.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct ShardRecord {
    /// Which share of how many (`2/3`).
    pub(crate) shard: String,
    /// The build time, `SOURCE_DATE_EPOCH` or kyr's fixed date.
    pub(crate) epoch: i64,
    /// A hash of everything the build read (kyr's version, kyr.toml, the
    /// skeletons, the messages, the templates and fonts).
    pub(crate) inputs: String,
    /// kyr's version (none in a record of a kyr that kept none).
    #[serde(default)]
    pub(crate) kyr: String,
    /// The hash of each input by its path (fonts by name), to name the
    /// one that differs.
    #[serde(default)]
    pub(crate) files: BTreeMap<String, String>,
}

impl ShardRecord {
    /// A record of a `--shard` build of `project` as it is now.
    pub(crate) fn new(project: &Project, shard: String, epoch: i64) -> Self {
        ShardRecord {
            shard,
            epoch,
            inputs: inputs_fingerprint(project),
            kyr: env!("CARGO_PKG_VERSION").to_owned(),
            files: input_files(project),
        }
    }

    /// What differs between the inputs of two records (`self` is `a`'s,
    /// `other` is `b`'s): kyr's version, or the first file that is not
    /// the same in both; `None` when they are the same.
    pub(crate) fn input_difference(
        &self,
        other: &ShardRecord,
        (a, b): (&str, &str),
    ) -> Option<String> {
        if self.inputs == other.inputs {
            return None;
        }
        if self.kyr != other.kyr {
            return Some(format!(
                "kyr's version (`{}` in {a}, `{}` in {b})",
                shown(&self.kyr),
                shown(&other.kyr)
            ));
        }
        let paths: std::collections::BTreeSet<&String> =
            self.files.keys().chain(other.files.keys()).collect();
        let differing = paths
            .into_iter()
            .find(|p| self.files.get(*p) != other.files.get(*p));
        Some(match differing {
            Some(path) => match (
                self.files.contains_key(path),
                other.files.contains_key(path),
            ) {
                (true, false) => format!("`{path}` (only in {a})"),
                (false, true) => format!("`{path}` (only in {b})"),
                _ => format!("`{path}`"),
            },
            None => "an input neither records by name (an older kyr's record)".to_owned(),
        })
    }
}

/// A version as shown, `unknown` for a record that kept none.
fn shown(version: &str) -> &str {
    if version.is_empty() {
        "unknown"
    } else {
        version
    }
}

/// The hash of each input of a project by its path (fonts by name).
pub(crate) fn input_files(project: &Project) -> BTreeMap<String, String> {
    let mut files = BTreeMap::new();
    for file in project.files.iter() {
        let path = crate::base::diag::display_path(&file.path);
        files.insert(path, sha256(file.text.as_bytes()));
    }
    for (name, bytes) in &project.fonts {
        files.insert(format!("font {name}"), sha256(bytes));
    }
    files
}

/// Where a shard build records itself, in its output folder.
pub(crate) const SHARD_RECORD: &str = ".kyr/shard.json";

/// The hash of a project's inputs, the same for every binary of one kyr
/// version (shards are often built on different machines).
pub(crate) fn inputs_fingerprint(project: &Project) -> String {
    let mut hasher = KeyHasher::default();
    hasher
        .add("kyr", env!("CARGO_PKG_VERSION"))
        .add("edition", &project.edition);
    for file in project.files.iter() {
        hasher.add("file", (&file.path, &file.text));
    }
    for (name, bytes) in &project.fonts {
        hasher.add("font", (name, bytes));
    }
    hasher.key()
}

impl SharedKeys {
    /// Hashes the project-wide inputs; `pdfs`: whether the build makes
    /// PDFs, which the HTML pages then link to.
    pub(super) fn new(project: &Project, epoch: i64, pdfs: bool) -> Self {
        let mut common = KeyHasher::default();
        common
            .add("kyr", KYR_IDENTITY.as_str())
            .add("kyr.toml", project.files.text(project.config_file))
            .add("edition", &project.edition);
        let common = common.key();

        // The project's own templates; the built-in ones are part of kyr.
        let templates = |dir: &str, hasher: &mut KeyHasher| {
            for file in project.files.iter() {
                if file.path.starts_with(dir) {
                    hasher.add("template", (&file.path, &file.text));
                }
            }
        };
        let mut html = KeyHasher::default();
        html.add("project", &common).add("links to PDFs", pdfs);
        templates("templates/html", &mut html);
        let mut pdf = KeyHasher::default();
        pdf.add("project", &common).add("epoch", epoch);
        templates("templates/pdf", &mut pdf);
        for (name, bytes) in &project.fonts {
            pdf.add("font", (name, bytes));
        }
        let mut text = KeyHasher::default();
        text.add("project", &common).add("format", "text");
        SharedKeys {
            project: common,
            html: html.key(),
            pdf: pdf.key(),
            text: text.key(),
        }
    }

    /// The key of one format of a job whose own content hashed to
    /// `content`.
    pub(super) fn key(&self, format: Format, content: &str) -> String {
        let shared = match format {
            Format::Html => &self.html,
            Format::Pdf => &self.pdf,
            Format::Text => &self.text,
        };
        KeyHasher::default()
            .add("shared", shared)
            .add("content", content)
            .key()
    }

    /// The project-wide part, for the content key.
    pub(super) fn project(&self) -> &str {
        &self.project
    }
}

/// One file a job wrote, as it was written.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub(crate) struct Stamp {
    /// Path under the output folder, with `/`.
    pub path: String,
    /// Size in bytes.
    pub bytes: u64,
    /// SHA-256, hex.
    pub sha256: String,
    /// Modification time in nanoseconds since 1970, when known.
    pub modified: Option<u128>,
}

impl Stamp {
    /// Whether the file is still as written: there, of the same size and
    /// modification time (it is not read).
    pub(super) fn is_current(&self, out_dir: &Path) -> bool {
        fs::metadata(out_dir.join(&self.path)).is_ok_and(|m| {
            m.is_file() && m.len() == self.bytes && modified_nanos(&m) == self.modified
        })
    }
}

/// The index pages a build wrote, as written, so that the next build can
/// tell an unchanged page without reading it.
const INDEX_RECORD: &str = ".kyr/index.json";

/// The stamps of the index pages the last build wrote (none when there
/// is no record or it cannot be read).
pub(super) fn load_index(out_dir: &Path) -> Vec<Stamp> {
    fs::read(out_dir.join(INDEX_RECORD))
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .unwrap_or_default()
}

/// Records the index pages' stamps, when they changed.
pub(super) fn save_index(out_dir: &Path, old: &[Stamp], stamps: &[Stamp]) -> anyhow::Result<()> {
    if old != stamps {
        let json = serde_json::to_vec_pretty(stamps).expect("stamps serialize");
        output::write_output(out_dir, Path::new(INDEX_RECORD), &json)?;
    }
    Ok(())
}

/// A project file a template read (an image), with its hash.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub(crate) struct Read {
    /// Path under the project root, with `/`.
    pub path: String,
    /// SHA-256, hex.
    pub sha256: String,
}

/// What one format of a job produced.
#[derive(Debug, Clone, Serialize, Deserialize, Default, PartialEq, Eq)]
pub(crate) struct Entry {
    /// The key of the inputs.
    pub key: String,
    /// The files written.
    pub files: Vec<Stamp>,
    /// Project files the templates read, with their hashes.
    #[serde(default)]
    pub reads: Vec<Read>,
    /// What rendering it reported, in order.
    #[serde(default)]
    pub told: Vec<Told>,
    /// What later passes need to know of the page (its characters, its
    /// recordings, the characters no font could draw).
    #[serde(flatten)]
    pub facts: Facts,
    /// The facts were recorded; a record written by a kyr that kept none
    /// (and not made again since) leaves them unknown: what the page uses
    /// must then be read from the page itself.
    #[serde(default)]
    pub facts_known: bool,
}

/// A diagnostic as a record keeps it: its place by path, with the line
/// and column it was shown at and a hash of that line, so that it is told
/// again only where it was.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub(crate) struct Told {
    /// Warning (or error, which is never recorded as told).
    pub severity: Severity,
    /// The kind of problem.
    pub code: String,
    /// The text.
    pub message: String,
    /// Its hints.
    pub hints: Vec<String>,
    /// Locale and message id.
    pub in_message: Option<(String, String)>,
    /// Where it points.
    pub at: Option<ToldAt>,
}

/// Where a recorded diagnostic points.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub(crate) struct ToldAt {
    /// Path as diagnostics show it, under the project root.
    pub path: String,
    /// Where the byte range in the file starts.
    pub start: usize,
    /// Where it ends.
    pub end: usize,
    /// 1-based line of `start`.
    pub line: usize,
    /// 1-based column of `start`, in characters.
    pub column: usize,
    /// SHA-256 of that line's text, hex.
    pub line_sha256: String,
}

impl Told {
    /// A diagnostic to record.
    pub(super) fn new(files: &Files, d: &Diagnostic) -> Self {
        Told {
            severity: d.severity,
            code: d.code.clone().into_owned(),
            message: d.message.clone(),
            hints: d.hints.clone(),
            in_message: d
                .in_message
                .as_ref()
                .map(|m| (m.locale.clone(), m.message_id.clone())),
            at: d.span.as_ref().map(|span| {
                let file = files.get(span.file);
                let (line, column) = file.line_col(span.range.start);
                ToldAt {
                    path: display_path(&file.path),
                    start: span.range.start,
                    end: span.range.end,
                    line,
                    column,
                    line_sha256: sha256(file.line_text(span.range.start).as_bytes()),
                }
            }),
        }
    }

    /// The diagnostic again, pointing where it did; `None` when its file
    /// is gone or the place it pointed at reads otherwise now.
    pub(super) fn replay(&self, files: &Files) -> Option<Diagnostic> {
        let span = match &self.at {
            Some(at) => {
                let id = files.find(&at.path)?;
                let file = files.get(id);
                let range = at.start..at.end;
                let same = range.start <= range.end
                    && file.text.get(range.clone()).is_some()
                    && file.line_col(at.start) == (at.line, at.column)
                    && sha256(file.line_text(at.start).as_bytes()) == at.line_sha256;
                if !same {
                    return None;
                }
                Some(Span::new(id, range))
            }
            None => None,
        };
        let mut d = match self.severity {
            Severity::Error => Diagnostic::error(self.message.clone()),
            Severity::Warning => Diagnostic::warning(self.message.clone()),
        }
        .at_opt(span);
        d.code = self.code.clone().into();
        d.hints = self.hints.clone();
        if let Some((locale, id)) = &self.in_message {
            d = d.in_message(locale, id);
        }
        Some(d)
    }
}

impl Entry {
    /// What the format reported when it was made, to be told again; `None`
    /// when any of it cannot be told as it was.
    pub(super) fn replay(&self, files: &Files) -> Option<Vec<Diagnostic>> {
        self.told.iter().map(|told| told.replay(files)).collect()
    }

    /// Whether the outputs are still those of `key`: same key, every file
    /// still there as written, every file read unchanged.
    pub(super) fn is_fresh(&self, key: &str, out_dir: &Path, root: &Path) -> bool {
        self.key == key
            && self.files.iter().all(|stamp| stamp.is_current(out_dir))
            && self.reads.iter().all(|read| {
                output::is_relative_inside(Path::new(&read.path))
                    && fs::read(root.join(&read.path))
                        .is_ok_and(|bytes| sha256(&bytes) == read.sha256)
            })
    }
}

/// What a document × locale produced, per format.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub(crate) struct Record {
    /// The format's version ([`RECORD_VERSION`]); none before there was one.
    #[serde(default)]
    pub version: u32,
    /// The HTML page.
    #[serde(default)]
    pub html: Option<Entry>,
    /// The PDFs.
    #[serde(default)]
    pub pdf: Option<Entry>,
    /// The text files (chat and SMS).
    #[serde(default)]
    pub text: Option<Entry>,
}

impl Default for Record {
    fn default() -> Self {
        Record {
            version: RECORD_VERSION,
            html: None,
            pdf: None,
            text: None,
        }
    }
}

impl Record {
    /// The entry of a format.
    pub(crate) fn entry(&self, format: Format) -> Option<&Entry> {
        match format {
            Format::Html => self.html.as_ref(),
            Format::Pdf => self.pdf.as_ref(),
            Format::Text => self.text.as_ref(),
        }
    }

    /// Sets (or clears) the entry of a format.
    pub(super) fn set(&mut self, format: Format, entry: Option<Entry>) {
        match format {
            Format::Html => self.html = entry,
            Format::Pdf => self.pdf = entry,
            Format::Text => self.text = entry,
        }
    }

    /// Every file the record lists.
    pub(super) fn files(&self) -> impl Iterator<Item = &Stamp> {
        self.html
            .iter()
            .chain(self.pdf.iter())
            .chain(self.text.iter())
            .flat_map(|e| e.files.iter())
    }
}

fn record_path(locale: &str, document: &str) -> PathBuf {
    Path::new(JOBS_DIR)
        .join(locale)
        .join(format!("{document}.json"))
}

/// The record of a job; none when there is none or it cannot be read (the
/// job is then simply built). A record of another version keeps only its
/// files: nothing in it is fresh.
pub(crate) fn load(out_dir: &Path, locale: &str, document: &str) -> Option<Record> {
    let text = fs::read(out_dir.join(record_path(locale, document))).ok()?;
    let mut record: Record = serde_json::from_slice(&text).ok()?;
    if record.version != RECORD_VERSION {
        record.version = RECORD_VERSION;
        for entry in [&mut record.html, &mut record.pdf, &mut record.text]
            .into_iter()
            .flatten()
        {
            entry.key.clear();
            entry.told.clear();
            entry.facts = Facts::default();
            entry.facts_known = false;
        }
    }
    Some(record)
}

/// Writes a job's record (atomically), or removes it when it is empty.
pub(super) fn save(
    out_dir: &Path,
    locale: &str,
    document: &str,
    record: &Record,
) -> anyhow::Result<()> {
    let path = record_path(locale, document);
    if record.html.is_none() && record.pdf.is_none() && record.text.is_none() {
        output::remove_stale(out_dir, &path)?;
        return Ok(());
    }
    let json = serde_json::to_vec_pretty(record).expect("a record serializes");
    output::write_output(out_dir, &path, &json)?;
    Ok(())
}

/// A stamp for a file just written.
pub(super) fn stamp(out_dir: &Path, relative: &str, bytes: &[u8]) -> Stamp {
    Stamp {
        path: relative.to_owned(),
        bytes: bytes.len() as u64,
        sha256: sha256(bytes),
        modified: fs::metadata(out_dir.join(relative))
            .ok()
            .and_then(|m| modified_nanos(&m)),
    }
}

/// A project file read by a template, hashed now.
pub(super) fn read(root: &Path, relative: &str) -> Option<Read> {
    let bytes = fs::read(root.join(relative)).ok()?;
    Some(Read {
        path: relative.to_owned(),
        sha256: sha256(&bytes),
    })
}

fn modified_nanos(metadata: &fs::Metadata) -> Option<u128> {
    metadata
        .modified()
        .ok()?
        .duration_since(UNIX_EPOCH)
        .ok()
        .map(|d| d.as_nanos())
}

/// Every record in the output folder, by (locale, document).
pub(crate) fn all(out_dir: &Path) -> BTreeMap<(String, String), Record> {
    let mut found = BTreeMap::new();
    let Ok(locales) = fs::read_dir(out_dir.join(JOBS_DIR)) else {
        return found;
    };
    for locale in locales.flatten() {
        let tag = locale.file_name().to_string_lossy().into_owned();
        for (document, record) in locale_records(out_dir, &tag) {
            found.insert((tag.clone(), document), record);
        }
    }
    found
}

/// The records of one locale's jobs, by document, in name order.
pub(crate) fn locale_records(out_dir: &Path, tag: &str) -> Vec<(String, Record)> {
    let mut found = Vec::new();
    let Ok(documents) = fs::read_dir(out_dir.join(JOBS_DIR).join(tag)) else {
        return found;
    };
    for document in documents.flatten() {
        let name = document.file_name().to_string_lossy().into_owned();
        let Some(stem) = name.strip_suffix(".json") else {
            continue;
        };
        if let Some(record) = load(out_dir, tag, stem) {
            found.push((stem.to_owned(), record));
        }
    }
    found.sort_by(|a, b| a.0.cmp(&b.0));
    found
}

/// Removes the outputs and record of a job whose document or locale is
/// gone, and the folders it leaves empty. Returns the files removed.
pub(super) fn remove_job(
    out_dir: &Path,
    locale: &str,
    document: &str,
    record: &Record,
) -> anyhow::Result<Vec<String>> {
    let mut removed = Vec::new();
    for stamp in record.files() {
        // A record is kyr's own file, but one edited by hand must not make
        // kyr delete anything outside the output folder.
        if output::is_relative_inside(Path::new(&stamp.path))
            && output::remove_stale(out_dir, Path::new(&stamp.path))?
        {
            removed.push(stamp.path.clone());
        }
    }
    output::remove_stale(out_dir, &record_path(locale, document))?;
    for dir in [
        Path::new(locale).to_owned(),
        Path::new(JOBS_DIR).join(locale),
    ] {
        // Only an empty folder goes; anything else put there stays.
        let _ = output::remove_empty_dir(out_dir, &dir);
    }
    Ok(removed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_depend_on_labels_and_values() {
        let key = |label: &str, value: &str| KeyHasher::default().add(label, value).key();
        assert_eq!(key("a", "b"), key("a", "b"));
        assert_ne!(key("a", "b"), key("a", "c"));
        assert_ne!(key("ab", ""), key("a", "b"));
        assert_eq!(key("a", "b").len(), 64);
    }

    #[test]
    fn an_entry_is_stale_when_a_file_changed_or_went() {
        let dir = tempfile::tempdir().unwrap();
        output::write_atomic(dir.path(), Path::new("fr/a.html"), b"one").unwrap();
        let entry = Entry {
            key: "k".into(),
            files: vec![stamp(dir.path(), "fr/a.html", b"one")],
            ..Entry::default()
        };
        assert!(entry.is_fresh("k", dir.path(), dir.path()));
        assert!(!entry.is_fresh("other", dir.path(), dir.path()));
        fs::write(dir.path().join("fr/a.html"), b"three").unwrap();
        assert!(!entry.is_fresh("k", dir.path(), dir.path()));
        fs::remove_file(dir.path().join("fr/a.html")).unwrap();
        assert!(!entry.is_fresh("k", dir.path(), dir.path()));
    }

    #[test]
    fn records_round_trip_and_removal_stays_inside() {
        let dir = tempfile::tempdir().unwrap();
        output::write_atomic(dir.path(), Path::new("fr/a.html"), b"one").unwrap();
        let record = Record {
            html: Some(Entry {
                key: "k".into(),
                files: vec![stamp(dir.path(), "fr/a.html", b"one")],
                ..Entry::default()
            }),
            ..Record::default()
        };
        save(dir.path(), "fr", "a", &record).unwrap();
        assert_eq!(load(dir.path(), "fr", "a"), Some(record.clone()));
        assert_eq!(all(dir.path()).len(), 1);
        let removed = remove_job(dir.path(), "fr", "a", &record).unwrap();
        assert_eq!(removed, ["fr/a.html"]);
        assert!(!dir.path().join("fr").exists());
        assert!(all(dir.path()).is_empty());

        let hostile = Record {
            html: Some(Entry {
                key: "k".into(),
                files: vec![Stamp {
                    path: "../outside".into(),
                    bytes: 0,
                    sha256: String::new(),
                    modified: None,
                }],
                ..Entry::default()
            }),
            ..Record::default()
        };
        let outside = tempfile::tempdir().unwrap();
        let out_dir = outside.path().join("out");
        fs::create_dir(&out_dir).unwrap();
        fs::write(outside.path().join("outside"), b"keep").unwrap();
        assert!(
            remove_job(&out_dir, "fr", "a", &hostile)
                .unwrap()
                .is_empty()
        );
        assert!(outside.path().join("outside").exists());
    }

    #[test]
    fn a_told_diagnostic_comes_back_only_where_it_pointed() {
        let text = "a = b\nbad = ⵜ here\n";
        let mut files = Files::default();
        let id = files.add("locales/fr/a.ftl", text.to_owned());
        let d = Diagnostic::warning("no bundled font can draw U+2D5C")
            .code("glyph-missing")
            .at(Span::new(id, 6..9))
            .in_message("fr", "bad")
            .hint("add a font");
        let told = Told::new(&files, &d);
        let json = serde_json::to_string(&told).unwrap();
        let told: Told = serde_json::from_str(&json).unwrap();
        assert_eq!(told.replay(&files), Some(d.clone()));

        // The same text a line lower, an edited line, a file gone.
        let mut moved = Files::default();
        moved.add("locales/fr/a.ftl", format!("# x\n{text}"));
        assert_eq!(told.replay(&moved), None);
        let mut edited = Files::default();
        edited.add("locales/fr/a.ftl", text.replace("here", "there"));
        assert_eq!(told.replay(&edited), None);
        assert_eq!(told.replay(&Files::default()), None);
        // A hand-edited record pointing outside the text, or inside a
        // character, is not trusted.
        for (start, end) in [(6, 900), (13, 15), (9, 6)] {
            let mut bad = told.clone();
            let at = bad.at.as_mut().unwrap();
            (at.start, at.end) = (start, end);
            assert_eq!(bad.replay(&files), None, "{start}..{end}");
        }
    }

    #[test]
    fn a_record_of_another_version_keeps_only_its_files() {
        let dir = tempfile::tempdir().unwrap();
        let record = Record {
            version: 1,
            html: Some(Entry {
                key: "k".into(),
                files: vec![stamp(dir.path(), "fr/a.html", b"one")],
                ..Entry::default()
            }),
            ..Record::default()
        };
        save(dir.path(), "fr", "a", &record).unwrap();
        let loaded = load(dir.path(), "fr", "a").unwrap();
        assert_eq!(loaded.version, RECORD_VERSION);
        let entry = loaded.html.unwrap();
        assert!(!entry.is_fresh("k", dir.path(), dir.path()));
        assert_eq!(entry.files, record.html.unwrap().files);
    }
}
