//! Each page folder's fonts (`fonts/` beside its pages): subsets of the
//! bundled fonts for the characters the pages in that folder use (see
//! [`crate::html::fonts`]), made from the facts the jobs recorded and the
//! index pages just made, not from the written pages (but for a page
//! recorded by a kyr that kept no facts, and not made again since). A
//! locale's folder has its fonts made as soon as its last job is recorded,
//! while the other jobs' PDFs compile (unless it holds an index page of
//! its own, as with many languages: then after the index). A folder none
//! of whose pages changed keeps its fonts; a folder left without pages
//! loses them, and a font its pages no longer need is removed. A subset is a pure
//! function of its face and characters: each is made once per build
//! whatever the number of folders needing it, and one whose face and
//! characters did not change since it was written (`.kyr/fonts.json`, with
//! the hash of its bytes) is kept as it is.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use crate::base::diag::{Diagnostic, Span};
use crate::base::error::Error;
use crate::base::output;
use crate::build::Context;
use crate::build::incremental;
use crate::build::index::IndexPage;
use crate::build::report::{BuildReport, JobOutput};
use crate::config::Locale;
use crate::doc::Skeleton;
use crate::html::fonts::{FONT_BUDGET_BYTES, FONTS_DIR, FontNeed, costliest_chars, folder_needs};
use crate::render::Format;

/// The characters of one page, by web font family.
type PageChars = BTreeMap<String, String>;

/// Makes the fonts of the page folders whose pages changed: a locale's
/// [`FontMaker::folder`] as soon as its last page is recorded (on the
/// thread that waits for the jobs, while other pages' PDFs compile), the
/// others' in [`FontMaker::finish`], after the index pages.
pub(super) struct FontMaker<'a> {
    context: &'a Context<'a>,
    /// Read at the first folder that needs it.
    subsets: Option<Subsets>,
    /// The folders given their fonts.
    done: BTreeSet<PathBuf>,
    /// The fonts written and removed, until the build's report takes them.
    written: BuildReport,
    /// The last build stopped before its fonts were all made.
    unfinished: bool,
    /// Until [`FontMaker::finish`].
    jobs_running: bool,
}

impl<'a> FontMaker<'a> {
    /// `None` when the build makes no pages. Marks the fonts as being
    /// made until [`FontMaker::finish`]: a build killed before then may
    /// have recorded pages whose fonts it did not make, so the next one
    /// makes every folder's again.
    pub(super) fn new(context: &'a Context<'a>) -> Result<Option<FontMaker<'a>>, Error> {
        if !context.formats.iter().any(|f| f.format() == Format::Html) {
            return Ok(None);
        }
        let out_dir = context.out_dir;
        let unfinished = out_dir.join(FONTS_UNFINISHED).exists();
        if !unfinished {
            // Empty, and needed only if this process is stopped: not
            // written through a temporary file and synced as outputs are.
            let path = out_dir.join(FONTS_UNFINISHED);
            let made = path.parent().map_or(Ok(()), std::fs::create_dir_all);
            made.and_then(|()| std::fs::write(&path, b""))
                .map_err(|e| {
                    Error::Failed(anyhow::anyhow!("cannot write `{}`: {e}", path.display()))
                })?;
        }
        Ok(Some(FontMaker {
            context,
            subsets: None,
            done: BTreeSet::new(),
            written: BuildReport::new(out_dir.to_owned()),
            unfinished,
            jobs_running: true,
        }))
    }

    /// Counts down the jobs of each locale, for [`FontMaker::folder`];
    /// none when each language has an index page of its own in its folder:
    /// its fonts are then made after the index pages, which need them too.
    pub(super) fn countdown(
        &self,
        jobs: &[(&Locale, &Skeleton)],
        report: &BuildReport,
    ) -> Option<Countdown> {
        if crate::html::languages_have_own_index(&self.context.project.config) {
            return None;
        }
        let mut left: HashMap<String, (usize, bool)> = HashMap::new();
        for (locale, _) in jobs {
            let tag = &locale.tag;
            let entry = left.entry(tag.clone()).or_insert_with(|| {
                (
                    0,
                    self.unfinished || touched(report, &report.out_dir.join(tag)),
                )
            });
            entry.0 += 1;
        }
        Some(Countdown {
            left: Mutex::new(left),
        })
    }

    /// Gives `folder` its fonts, unless it has them and none of its pages
    /// changed (`touched`).
    pub(super) fn folder(
        &mut self,
        folder: &Path,
        touched: bool,
        index: &[IndexPage],
    ) -> Result<(), Error> {
        self.done.insert(folder.to_owned());
        let context = self.context;
        let out_dir = context.out_dir;
        let has_fonts = out_dir.join(folder).join(FONTS_DIR).is_dir();
        if is_known(context, folder) && has_fonts && !touched {
            return Ok(());
        }
        let needs: Vec<(String, FontNeed)> = folder_needs(&page_chars(context, folder, index))
            .into_iter()
            .map(|need| (key_of(&need), need))
            .collect();
        let subsets = self.subsets.get_or_insert_with(|| Subsets {
            records: FontRecords::load(out_dir),
            made: HashMap::new(),
            // `--force` makes every font again, as every page.
            force: context.options.force,
        });
        // While the jobs run, their threads have the cores: one font at a
        // time, so that two compressors' buffers do not add to theirs.
        let fonts = subsets.for_folder(out_dir, folder, &needs, !self.jobs_running)?;
        replace_fonts(out_dir, &folder.join(FONTS_DIR), &fonts, &mut self.written)
    }

    /// Gives every folder not given its fonts yet its own (the site's and
    /// the language lists', after the index pages), records them, and
    /// warns of every folder whose fonts are over the budget.
    pub(super) fn finish(
        mut self,
        index: Vec<IndexPage>,
        report: &mut BuildReport,
    ) -> Result<(), Error> {
        let context = self.context;
        self.jobs_running = false;
        // By folder: with many languages, each has an index page of its own.
        let mut by_folder: HashMap<PathBuf, Vec<IndexPage>> = HashMap::new();
        for page in index {
            let folder = Path::new(&page.path).parent().unwrap_or(Path::new(""));
            by_folder.entry(folder.to_owned()).or_default().push(page);
        }
        let index_of = |folder: &Path| by_folder.get(folder).map_or(&[][..], Vec::as_slice);
        for folder in folders(context) {
            if !self.done.contains(&folder) {
                let touched = self.unfinished || touched(report, &context.out_dir.join(&folder));
                self.folder(&folder, touched, index_of(&folder))?;
            }
        }
        if let Some(subsets) = &self.subsets {
            subsets.records.save(context.out_dir)?;
        }
        output::remove_stale(context.out_dir, Path::new(FONTS_UNFINISHED))?;
        report.written.append(&mut self.written.written);
        report.removed.append(&mut self.written.removed);
        // Told on every build, changed or not, like the pages' own warnings.
        let over: Vec<Diagnostic> = folders(context)
            .iter()
            .filter(|folder| is_known(context, folder))
            .filter_map(|folder| over_budget(context, folder, index_of(folder)))
            .collect();
        report.add_diagnostics(over, context.options.strict);
        Ok(())
    }
}

/// Which locale folders' pages are all recorded, as jobs finish: the jobs
/// left in each, and whether a page of it was written, removed or failed.
pub(super) struct Countdown {
    left: Mutex<HashMap<String, (usize, bool)>>,
}

impl Countdown {
    /// Counts the job of `locale` that gave `output` done; when it was the
    /// folder's last, gives the folder and whether its pages changed.
    pub(super) fn done(&self, locale: &Locale, output: &JobOutput) -> Option<(PathBuf, bool)> {
        let folder = Path::new(&locale.tag);
        let is_page = |path: &str| is_page_in(Path::new(path), folder);
        let changed = output.files.iter().any(|f| !f.fresh && is_page(&f.path))
            || output.failed.iter().any(|f| is_page(f));
        let mut left = self.left.lock().unwrap_or_else(PoisonError::into_inner);
        let (jobs, touched) = left.get_mut(&locale.tag)?;
        *jobs -= 1;
        *touched |= changed;
        (*jobs == 0).then(|| (folder.to_owned(), *touched))
    }
}

/// A warning when the fonts of `folder` take more than the budget,
/// naming the characters whose glyphs cost the most.
fn over_budget(context: &Context, folder: &Path, index: &[IndexPage]) -> Option<Diagnostic> {
    let dir = context.out_dir.join(folder).join(FONTS_DIR);
    let bytes: u64 = std::fs::read_dir(&dir)
        .ok()?
        .flatten()
        .filter_map(|entry| entry.metadata().ok())
        .filter(std::fs::Metadata::is_file)
        .map(|metadata| metadata.len())
        .sum();
    if bytes <= FONT_BUDGET_BYTES {
        return None;
    }
    let pages = page_chars(context, folder, index);
    let named: Vec<String> = costliest_chars(&pages, 8)
        .iter()
        .map(|(c, cost)| format!("{c} (U+{:04X}, {cost} bytes)", u32::from(*c)))
        .collect();
    let tag = folder.to_string_lossy();
    let project = context.project;
    let config = project.files.text(project.config_file);
    let at = config.find(&format!("[locales.{tag}]")).unwrap_or(0);
    let shown = crate::base::diag::display_path(&folder.join(FONTS_DIR));
    Some(
        Diagnostic::warning(format!(
            "the fonts of `{shown}/` take {} KB, over the budget of {} KB for a phone on a slow connection",
            bytes.div_ceil(1024),
            FONT_BUDGET_BYTES / 1024
        ))
        .code("font-size")
        .at(Span::new(project.config_file, at..at))
        .hint(format!("the characters whose glyphs cost the most: {}", named.join(", ")))
        .hint("every script a page uses brings its own font, and rare characters (symbols, emoji, letters of another alphabet) their glyphs: keep the pages of a language to the characters its readers need"),
    )
}

/// The page folders: the site's, the lists of languages', each
/// configured locale's, and the folder of a locale no longer configured
/// that still has kyr's fonts.
fn folders(context: &Context) -> Vec<PathBuf> {
    let mut folders = vec![
        PathBuf::new(),
        PathBuf::from(crate::html::LANGUAGE_LISTS_DIR),
    ];
    folders.extend(context.project.config.locales.keys().map(PathBuf::from));
    for entry in std::fs::read_dir(context.out_dir)
        .into_iter()
        .flatten()
        .flatten()
    {
        let name = PathBuf::from(entry.file_name());
        if !folders.contains(&name) && entry.path().join(FONTS_DIR).is_dir() {
            folders.push(name);
        }
    }
    folders
}

/// Whether kyr writes pages in `folder` for this project.
fn is_known(context: &Context, folder: &Path) -> bool {
    folder.as_os_str().is_empty()
        || folder == Path::new(crate::html::LANGUAGE_LISTS_DIR)
        || context
            .project
            .config
            .locales
            .contains_key(&*folder.to_string_lossy())
}

/// Whether this build wrote, removed or failed a page directly in `dir`.
fn touched(report: &BuildReport, dir: &Path) -> bool {
    let out_dir = &report.out_dir;
    report.written.iter().any(|p| is_page_in(p, dir))
        || report
            .removed
            .iter()
            .chain(&report.failed)
            .any(|relative| is_page_in(&out_dir.join(relative), dir))
}

/// Whether `path` is a page (not a font or a PDF) right in `folder`.
fn is_page_in(path: &Path, folder: &Path) -> bool {
    path.parent() == Some(folder) && path.extension().is_some_and(|e| e == "html")
}

/// The characters of every page of `folder`: its documents' pages, as
/// their jobs recorded them, and the index pages in it.
fn page_chars(context: &Context, folder: &Path, index: &[IndexPage]) -> Vec<PageChars> {
    let mut pages: Vec<PageChars> = index
        .iter()
        .filter(|page| Path::new(&page.path).parent() == Some(folder))
        .map(|page| page.chars.clone())
        .collect();
    let tag = folder.to_string_lossy();
    if tag.is_empty() || !is_known(context, folder) {
        return pages;
    }
    for (_, record) in incremental::locale_records(context.out_dir, &tag) {
        let Some(entry) = record.entry(Format::Html) else {
            continue;
        };
        if !entry.facts_known {
            pages.extend(entry.files.iter().filter_map(|stamp| {
                let html = std::fs::read_to_string(context.out_dir.join(&stamp.path)).ok()?;
                Some(crate::html::fonts::page_chars(&html))
            }));
        } else if !entry.files.is_empty() {
            pages.push(entry.facts.chars.clone());
        }
    }
    pages
}

/// Writes a folder's fonts (those made again, when their bytes changed;
/// `None` is a font kept as it is), removes the fonts of an earlier build
/// its pages no longer need, and the folders left empty.
fn replace_fonts(
    out_dir: &Path,
    fonts_dir: &Path,
    fonts: &[FolderFont],
    report: &mut BuildReport,
) -> Result<(), Error> {
    for (name, bytes) in fonts {
        let Some(bytes) = bytes else {
            continue;
        };
        let relative = fonts_dir.join(name);
        let path = out_dir.join(&relative);
        if std::fs::read(&path).is_ok_and(|old| old == *bytes) {
            continue;
        }
        output::write_output(out_dir, &relative, bytes)?;
        report.written.push(path);
    }
    // Only names kyr gives its own fonts are looked at.
    let ours = |name: &str| {
        name.strip_suffix(".woff2")
            .is_some_and(|stem| crate::base::fonts::bundled(&format!("{stem}.ttf")).is_some())
    };
    let needed = |name: &str| fonts.iter().any(|(n, _)| n == name);
    super::remove_unneeded(out_dir, fonts_dir, ours, needed, report)?;
    output::remove_empty_dir(out_dir, fonts_dir)?;
    // A locale's folder left empty goes too.
    if let Some(folder) = fonts_dir.parent().filter(|f| !f.as_os_str().is_empty()) {
        output::remove_empty_dir(out_dir, folder)?;
    }
    Ok(())
}

/// A font of a folder to write: its name, with its bytes unless the one
/// on disk is kept.
type FolderFont<'b> = (String, Option<&'b [u8]>);

/// A subset made, with the SHA-256 of its bytes.
struct Subset {
    bytes: Vec<u8>,
    sha256: String,
}

/// The subsets of one build: what the last one recorded, and what this
/// one made.
struct Subsets {
    records: FontRecords,
    /// By key: each made once, whatever the number of folders needing it.
    made: HashMap<String, Subset>,
    /// Make every subset again, even one on disk as recorded.
    force: bool,
}

impl Subsets {
    /// Makes the subsets `needs` (each with its key) lacks that neither
    /// this build made nor `folder` holds as recorded (`side_by_side`
    /// on every thread: subsetting is the slow part), records them, and
    /// gives the fonts of `folder` to write: each name, with its bytes
    /// unless it is kept.
    fn for_folder(
        &mut self,
        out_dir: &Path,
        folder: &Path,
        needs: &[(String, FontNeed)],
        side_by_side: bool,
    ) -> Result<Vec<FolderFont<'_>>, Error> {
        let mut wanted: BTreeMap<&str, &FontNeed> = BTreeMap::new();
        for (key, need) in needs {
            if !self.made.contains_key(key)
                && (self.force || !self.records.still_there(out_dir, folder, &need.name, key))
            {
                wanted.entry(key).or_insert(need);
            }
        }
        let make = |(key, need): (&str, &FontNeed)| match need.make() {
            Ok(bytes) => {
                let sha256 = incremental::sha256(&bytes);
                Ok((key.to_owned(), Subset { bytes, sha256 }))
            }
            Err(e) => Err(Error::Failed(anyhow::anyhow!(
                "cannot make the web font `{}`: {e}",
                need.name
            ))),
        };
        use rayon::prelude::*;
        let made: Vec<(String, Subset)> = if side_by_side {
            wanted.into_par_iter().map(make).collect::<Result<_, _>>()?
        } else {
            wanted.into_iter().map(make).collect::<Result<_, _>>()?
        };
        self.made.extend(made);
        for (key, need) in needs {
            if let Some(subset) = self.made.get(key) {
                self.records.keep(folder, &need.name, key, &subset.sha256);
            }
        }
        self.records
            .only(folder, needs.iter().map(|(_, need)| need));
        Ok(needs
            .iter()
            .map(|(key, need)| {
                let bytes = self.made.get(key).map(|s| s.bytes.as_slice());
                (need.name.clone(), bytes)
            })
            .collect())
    }
}

/// What a subset is made from, as a hash: the kyr that makes it (its
/// bundled faces and subsetter), the face and the characters.
fn key_of(need: &FontNeed) -> String {
    let mut text = format!("{}\n{}\n", env!("CARGO_PKG_VERSION"), need.face);
    for c in &need.chars {
        text.push_str(&format!("{c:x},"));
    }
    incremental::sha256(text.as_bytes())
}

/// Where the fonts of every folder are recorded.
const FONT_RECORDS: &str = ".kyr/fonts.json";
/// There from the start of a build making pages until its fonts are all
/// made and recorded.
const FONTS_UNFINISHED: &str = ".kyr/fonts-unfinished";

/// What each folder's fonts were made from: by folder, by file name, the
/// key of the face and characters and the SHA-256 of the bytes written.
#[derive(Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
struct FontRecords {
    folders: BTreeMap<String, BTreeMap<String, FontRecord>>,
    #[serde(skip)]
    changed: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
struct FontRecord {
    key: String,
    sha256: String,
}

impl FontRecords {
    /// The records of the last build (none when unreadable).
    fn load(out_dir: &Path) -> FontRecords {
        std::fs::read(out_dir.join(FONT_RECORDS))
            .ok()
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .unwrap_or_default()
    }

    /// Whether the font `name` of `folder` was made from `key` and is on
    /// disk as it was written.
    fn still_there(&self, out_dir: &Path, folder: &Path, name: &str, key: &str) -> bool {
        let Some(record) = self.get(folder, name) else {
            return false;
        };
        record.key == key
            && std::fs::read(out_dir.join(folder).join(FONTS_DIR).join(name))
                .is_ok_and(|bytes| incremental::sha256(&bytes) == record.sha256)
    }

    fn get(&self, folder: &Path, name: &str) -> Option<&FontRecord> {
        self.folders.get(&*folder.to_string_lossy())?.get(name)
    }

    /// Records the font `name` of `folder` as made again from `key`, its
    /// bytes hashing to `sha256`.
    fn keep(&mut self, folder: &Path, name: &str, key: &str, sha256: &str) {
        let record = FontRecord {
            key: key.to_owned(),
            sha256: sha256.to_owned(),
        };
        let fonts = self
            .folders
            .entry(folder.to_string_lossy().into_owned())
            .or_default();
        if fonts.get(name) != Some(&record) {
            fonts.insert(name.to_owned(), record);
            self.changed = true;
        }
    }

    /// Forgets the fonts of `folder` its pages no longer need.
    fn only<'n>(&mut self, folder: &Path, needs: impl Iterator<Item = &'n FontNeed> + Clone) {
        let folder = folder.to_string_lossy();
        let Some(fonts) = self.folders.get_mut(&*folder) else {
            return;
        };
        let before = fonts.len();
        fonts.retain(|name, _| needs.clone().any(|n| &n.name == name));
        let empty = fonts.is_empty();
        self.changed |= fonts.len() != before || empty;
        if empty {
            self.folders.remove(&*folder);
        }
    }

    /// Writes the records, when they changed.
    fn save(&self, out_dir: &Path) -> Result<(), Error> {
        if self.changed {
            let json = serde_json::to_vec_pretty(self).expect("records serialize");
            output::write_output(out_dir, Path::new(FONT_RECORDS), &json)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn need(text: &str) -> FontNeed {
        FontNeed {
            name: "NotoSans-Regular.woff2".to_owned(),
            face: "NotoSans-Regular.ttf",
            chars: text.chars().map(u32::from).collect(),
        }
    }

    /// Makes what `todo` needs as a build would, writing and recording
    /// it; says how many subsets were made.
    fn made(out: &Path, todo: &[(PathBuf, Vec<FontNeed>)], records: &mut FontRecords) -> usize {
        let mut subsets = Subsets {
            records: std::mem::take(records),
            made: HashMap::new(),
            force: false,
        };
        for (folder, needs) in todo {
            let keyed: Vec<_> = needs.iter().map(|n| (key_of(n), n.clone())).collect();
            for (name, bytes) in subsets.for_folder(out, folder, &keyed, true).unwrap() {
                if let Some(bytes) = bytes {
                    let dir = out.join(folder).join(FONTS_DIR);
                    std::fs::create_dir_all(&dir).unwrap();
                    std::fs::write(dir.join(name), bytes).unwrap();
                }
            }
        }
        *records = subsets.records;
        subsets.made.len()
    }

    #[test]
    fn a_subset_is_made_once_and_kept_while_its_characters_and_bytes_hold() {
        let out = tempfile::tempdir().unwrap();
        let out = out.path();
        let mut records = FontRecords::default();
        // Two folders with the same characters: one subset made.
        let todo = vec![
            (PathBuf::from("fr"), vec![need("Bonjour")]),
            (PathBuf::from("ht"), vec![need("Bonjour")]),
        ];
        assert_eq!(made(out, &todo, &mut records), 1);
        assert!(out.join("ht/fonts/NotoSans-Regular.woff2").is_file());
        // Nothing changed: nothing made.
        assert_eq!(made(out, &todo, &mut records), 0);
        // A new character in one folder: that subset only.
        let todo = vec![(PathBuf::from("fr"), vec![need("Bonjour ŵ")])];
        assert_eq!(made(out, &todo, &mut records), 1);
        // A font changed on disk is made again.
        std::fs::write(out.join("ht/fonts/NotoSans-Regular.woff2"), b"x").unwrap();
        let todo = vec![(PathBuf::from("ht"), vec![need("Bonjour")])];
        assert_eq!(made(out, &todo, &mut records), 1);
        // Records survive the next build.
        records.save(out).unwrap();
        let again = FontRecords::load(out);
        assert_eq!(again.folders, records.folders);
        assert!(again.still_there(
            out,
            Path::new("fr"),
            "NotoSans-Regular.woff2",
            &key_of(&need("Bonjour ŵ"))
        ));
    }
}
