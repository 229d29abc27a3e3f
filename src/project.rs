//! LOAD: find `kyr.toml`, read it, then walk `content/`, `locales/` and
//! `templates/` (`html/`, `pdf/`, `fonts/`). The only stage besides output
//! (and images a PDF template loads) that touches the disk.
//! Every file is read as UTF-8 (a BOM is dropped); anything that resolves
//! outside the project (a symlink out of it) is refused.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};
use walkdir::WalkDir;

use crate::base::diag::{Diagnostic, FileId, Files, Span, human_size};
use crate::base::epoch::FIXED_EPOCH;
use crate::base::error::Error;
use crate::base::text;
use crate::config::{self, Config};
use crate::doc::{self, Skeleton};
use crate::html::Templates;
use crate::i18n::{self, Catalog, Messages};
use crate::pdf::engine::Engine;

/// The configuration file's name.
pub const CONFIG_FILE: &str = "kyr.toml";

/// A loaded project: configuration, skeletons, messages and templates.
pub struct Project {
    /// The folder holding `kyr.toml`.
    pub root: PathBuf,
    /// Every file read, for diagnostics.
    pub files: Files,
    /// `kyr.toml`.
    pub config_file: FileId,
    /// The configuration.
    pub config: Config,
    /// Documents, sorted by name.
    pub skeletons: Vec<Skeleton>,
    /// Documents in `content/` that could not be read (an error says why),
    /// by file name: what messages they use is unknown.
    pub unread_documents: Vec<String>,
    /// Messages of every locale.
    pub catalog: Catalog,
    /// HTML templates.
    pub templates: Templates,
    /// The project's own PDF templates (`templates/pdf/*.typ`), by file name.
    pub pdf_templates: Vec<(String, FileId)>,
    /// The project's own fonts (`templates/fonts/`), by file name.
    pub fonts: Vec<(String, Vec<u8>)>,
    /// Problems found while loading (the build reports them).
    pub diagnostics: Vec<Diagnostic>,
    /// The local edition whose variables are in use, if one was chosen.
    pub edition: Option<String>,
}

impl Project {
    /// What the resolve stage reads of the project.
    pub(crate) fn messages(&self) -> Messages<'_> {
        Messages {
            config: &self.config,
            catalog: &self.catalog,
            skeletons: &self.skeletons,
            config_file: self.config_file,
        }
    }

    /// The PDF engine for a build: templates, fonts, build time
    /// (`SOURCE_DATE_EPOCH`, or a fixed date when `None`).
    pub(crate) fn pdf_engine(&self, epoch: Option<i64>, diags: &mut Vec<Diagnostic>) -> Engine {
        Engine::new(
            &self.root,
            &self.pdf_templates,
            &self.fonts,
            &self.files,
            epoch.unwrap_or(FIXED_EPOCH),
            diags,
        )
        .with_limits(&self.config.limits)
    }

    /// Uses an edition's variables (a city's hotline, a network's name)
    /// from now on; its outputs go to `out/<edition>/`. The error is a
    /// usage error.
    pub fn select_edition(&mut self, name: &str) -> Result<(), Error> {
        match self.config.with_edition(name) {
            Some(config) => {
                self.config = config;
                self.edition = Some(name.to_owned());
                Ok(())
            }
            None => {
                let known: Vec<&str> = self.config.editions.keys().map(String::as_str).collect();
                Err(Error::Usage(if known.is_empty() {
                    format!("unknown edition `{name}`: kyr.toml has no `[editions.<name>]`")
                } else {
                    format!("unknown edition `{name}`; editions: {}", known.join(", "))
                }))
            }
        }
    }
}

/// The folder holding `kyr.toml`: `start` or its nearest ancestor with one.
pub(crate) fn find_root(start: &Path) -> Option<PathBuf> {
    let start = fs::canonicalize(start).ok()?;
    start
        .ancestors()
        .find(|dir| dir.join(CONFIG_FILE).is_file())
        .map(Path::to_path_buf)
}

/// Loads the project found at `start` or above.
pub fn load(start: &Path) -> Result<Project, Error> {
    let root = find_root(start).ok_or_else(|| {
        Error::Usage(format!(
            "no `{CONFIG_FILE}` found in `{}` or any folder above it; `kyr init` starts a project there",
            start.display()
        ))
    })?;
    let mut files = Files::default();
    let mut diags = Vec::new();
    let Some((config_file, config)) = load_config(&root, &mut files, &mut diags)? else {
        return Err(Error::Invalid {
            files,
            diagnostics: diags,
        });
    };
    let limits = &config.limits;
    let (skeletons, unread_documents) = load_content(&root, limits, &mut files, &mut diags)?;
    let all_documents = unread_documents.is_empty();
    let mut catalog = load_locales(
        &root,
        &config,
        (&skeletons, all_documents),
        &mut files,
        &mut diags,
    )?;
    i18n::builtin::fill_in(
        (&config, config_file),
        &skeletons,
        &mut catalog,
        &mut files,
        &mut diags,
    );
    let templates = load_templates(&root, limits, &mut files, &mut diags)?;
    let pdf_templates = load_pdf_templates(&root, limits, &mut files, &mut diags)?;
    let fonts = load_fonts(&root, limits, &mut files, &mut diags)?;
    Ok(Project {
        root,
        files,
        config_file,
        config,
        skeletons,
        unread_documents,
        catalog,
        templates,
        pdf_templates,
        fonts,
        diagnostics: diags,
        edition: None,
    })
}

/// `kyr.toml`, read and validated; `None` when it cannot be used (the
/// diagnostics say why).
fn load_config(
    root: &Path,
    files: &mut Files,
    diags: &mut Vec<Diagnostic>,
) -> Result<Option<(FileId, Config)>> {
    // kyr.toml is refused when it is a link leading out of the project,
    // like every other input: its values end up on every page.
    let config_path = root.join(CONFIG_FILE);
    if !fs::canonicalize(&config_path).is_ok_and(|real| real.starts_with(root)) {
        let file = files.add(PathBuf::from(CONFIG_FILE), String::new());
        diags.push(
            Diagnostic::error(format!(
                "`{CONFIG_FILE}` is a link to a file outside the project and is not read"
            ))
            .code("outside")
            .at(Span::new(file, 0..0))
            .hint("copy the file into the project instead of linking to it"),
        );
        return Ok(None);
    }
    // kyr.toml says what the limits are, so it is read up to a ceiling no
    // setting may pass, then held to its own `max_file_bytes`.
    let ceiling = config::Limits::default().max_binary_bytes;
    let Some(config_file) = read_text(root, &config_path, ceiling, files, diags)? else {
        return Ok(None);
    };
    let Some(config) = config::parse(config_file, files.text(config_file), diags) else {
        return Ok(None);
    };
    let size = files.text(config_file).len() as u64;
    if size > config.limits.max_file_bytes {
        diags.push(
            Diagnostic::error(format!(
                "the file is {}, more than the limit of {}; it is not read",
                human_size(size),
                human_size(config.limits.max_file_bytes)
            ))
            .code("limit")
            .at(Span::new(config_file, 0..0))
            .hint(format!(
                "shorten it, or raise `max_file_bytes` under `[limits]` in {CONFIG_FILE} itself"
            )),
        );
        return Ok(None);
    }
    Ok(Some((config_file, config)))
}

fn load_content(
    root: &Path,
    limits: &config::Limits,
    files: &mut Files,
    diags: &mut Vec<Diagnostic>,
) -> Result<(Vec<Skeleton>, Vec<String>)> {
    let dir = root.join("content");
    let mut skeletons = Vec::new();
    let mut unread = Vec::new();
    for path in list(root, &dir, "md", diags)? {
        let name = stem(&path);
        let Some(file) = read_text(root, &path, limits.max_file_bytes, files, diags)? else {
            unread.push(format!("{name}.md"));
            continue;
        };
        if !is_document_name(&name) {
            unread.push(format!("{name}.md"));
            diags.push(
                Diagnostic::error(format!(
                    "document name `{name}` must use lowercase letters, digits, `-` and `_`, \
                     and not be `index` (each language's index page) or a name Windows \
                     reserves (con, prn, aux, nul, com1, lpt1, ...)"
                ))
                .at(Span::new(file, 0..0))
                .hint(format!(
                    "the name becomes part of every output's file name and address: rename the file, for example to `content/{}.md`",
                    suggested_document_name(&name)
                )),
            );
            continue;
        }
        match doc::parse(&name, file, files.text(file), limits, diags) {
            Some(skeleton) => skeletons.push(skeleton),
            None => unread.push(format!("{name}.md")),
        }
    }
    Ok((skeletons, unread))
}

fn load_locales(
    root: &Path,
    config: &Config,
    (skeletons, all_documents): (&[Skeleton], bool),
    files: &mut Files,
    diags: &mut Vec<Diagnostic>,
) -> Result<Catalog> {
    let mut known = known_ids(config, skeletons);
    let document_ids = document_ids(skeletons);
    let dir = root.join("locales");
    warn_unconfigured(&dir, config, diags)?;
    let mut catalog = Catalog::default();
    let mut probes = crate::audio::Probes::from_json(
        &fs::read_to_string(root.join(PROBES_FILE)).unwrap_or_default(),
    );
    for (tag, locale) in &config.locales {
        let locale_dir = dir.join(tag);
        let (ftl_files, unreadable) = read_ftl_files(root, &locale_dir, tag, config, files, diags)?;
        let known_to_locale = i18n::catalog::Known {
            ids: &known,
            reference: &config.reference,
            all_documents,
        };
        let mut bundle = i18n::load_locale(
            tag,
            &locale.langid,
            &ftl_files,
            &known_to_locale,
            &config.limits,
            files,
            diags,
        );
        bundle.unreadable |= unreadable;
        if tag == &config.reference {
            known.extend(bundle.sources.keys().cloned());
        }
        if let Some(lock) = load_lock(root, &locale_dir, config, files, diags)? {
            bundle.lock = lock;
        }
        bundle.recordings = load_recordings(
            root,
            &locale_dir,
            &document_ids,
            (config, &mut probes),
            files,
            diags,
        )?;
        catalog.locales.insert(tag.clone(), bundle);
    }
    keep_probes(root, &mut probes);
    Ok(catalog)
}

/// Where what probing the recordings found is kept, in the project's own
/// folder of kyr's (which git ignores).
const PROBES_FILE: &str = ".kyr/recordings.json";

/// Keeps what probing the recordings found, when it changed. Not keeping
/// it (a folder kyr cannot write to) only means decoding again next time.
fn keep_probes(root: &Path, probes: &mut crate::audio::Probes) {
    let Some(json) = probes.to_json() else {
        return;
    };
    if crate::base::output::kyr_folder(root).is_ok() {
        let _ = crate::base::output::write_atomic(root, Path::new(PROBES_FILE), json.as_bytes());
    }
}

/// The ids the project uses, which tell a message broken in a translation
/// from a stray line: the documents', kyr's own and the title (the
/// reference locale's are added once it is read: it comes first).
fn known_ids(config: &Config, skeletons: &[Skeleton]) -> HashSet<String> {
    let mut known: HashSet<String> = skeletons
        .iter()
        .flat_map(Skeleton::references)
        .map(|r| r.id)
        .collect();
    known.extend(i18n::interface::MESSAGES.iter().map(|m| m.id.to_owned()));
    known.insert(config.title.clone());
    known
}

/// The ids a recording may read: the documents' messages, in order.
fn document_ids(skeletons: &[Skeleton]) -> Vec<String> {
    let mut document_ids: Vec<String> = Vec::new();
    for reference in skeletons.iter().flat_map(Skeleton::references) {
        if !document_ids.contains(&reference.id) {
            document_ids.push(reference.id);
        }
    }
    document_ids
}

/// A warning for each folder in `locales/` that no locale of kyr.toml
/// names.
fn warn_unconfigured(dir: &Path, config: &Config, diags: &mut Vec<Diagnostic>) -> Result<()> {
    if !dir.is_dir() {
        return Ok(());
    }
    for entry in fs::read_dir(dir).with_context(|| format!("failed to read `{}`", dir.display()))? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if entry.path().is_dir() && config.locale(&name).is_none() {
            diags.push(
                Diagnostic::warning(format!(
                    "`locales/{name}` is not a configured locale and is ignored"
                ))
                .hint(format!("add `[locales.{name}]` to kyr.toml to build it")),
            );
        }
    }
    Ok(())
}

/// The `.ftl` files of locale `tag`, read into `files`, and whether one
/// could not be read (which leaves the locale's messages unknown, and
/// fails its outputs).
fn read_ftl_files(
    root: &Path,
    locale_dir: &Path,
    tag: &str,
    config: &Config,
    files: &mut Files,
    diags: &mut Vec<Diagnostic>,
) -> Result<(Vec<FileId>, bool)> {
    let errors_before = error_count(diags);
    let mut ftl_files = Vec::new();
    if locale_dir.is_dir() {
        for path in list(root, locale_dir, "ftl", diags)? {
            if let Some(file) = read_text(root, &path, config.limits.max_file_bytes, files, diags)?
            {
                ftl_files.push(file);
            }
        }
    } else if tag == config.reference {
        diags.push(Diagnostic::error(format!(
            "the reference locale has no messages: `locales/{tag}/` is missing"
        )));
    }
    Ok((ftl_files, error_count(diags) > errors_before))
}

/// The locale's lock file (`kyr-lock.toml`), if it has one.
fn load_lock(
    root: &Path,
    locale_dir: &Path,
    config: &Config,
    files: &mut Files,
    diags: &mut Vec<Diagnostic>,
) -> Result<Option<i18n::lock::Lock>> {
    let lock_path = locale_dir.join(i18n::lock::LOCK_FILE);
    let errors_before = error_count(diags);
    let mut lock = None;
    // `list` refuses a lock file that links out of the project.
    for path in list(root, locale_dir, "toml", diags)? {
        if path == lock_path
            && let Some(file) = read_text(root, &path, config.limits.max_file_bytes, files, diags)?
        {
            lock = Some(i18n::lock::Lock::parse(file, files.text(file), diags));
        }
    }
    if error_count(diags) > errors_before {
        // Its entries are unknown: nothing may rewrite it.
        lock.get_or_insert_default().unreadable = true;
    }
    Ok(lock)
}

/// The recordings in `locales/<tag>/audio/` that pass their checks, by
/// message id; every problem becomes a diagnostic at the file.
fn load_recordings(
    root: &Path,
    locale_dir: &Path,
    document_ids: &[String],
    (config, probes): (&Config, &mut crate::audio::Probes),
    files: &mut Files,
    diags: &mut Vec<Diagnostic>,
) -> Result<indexmap::IndexMap<String, i18n::recordings::Recording>> {
    let known = i18n::recordings::Known {
        ids: document_ids,
        max_bytes: config.limits.max_audio_bytes,
    };
    let mut recordings = indexmap::IndexMap::new();
    for path in list(
        root,
        &locale_dir.join(i18n::recordings::AUDIO_DIR),
        "",
        diags,
    )? {
        let name = file_name(&path);
        if i18n::recordings::split_name(&name).is_none() {
            continue;
        }
        let file = files.add(relative(root, &path), String::new());
        let size = fs::metadata(&path)
            .with_context(|| format!("failed to read `{}`", relative(root, &path).display()))?
            .len();
        if !i18n::recordings::check_size(file, size, &known, diags) {
            continue;
        }
        let bytes = fs::read(&path)
            .with_context(|| format!("failed to read `{}`", relative(root, &path).display()))?;
        if let Some((id, _)) = i18n::recordings::split_name(&name)
            && let Some(first) = recordings.get(id)
        {
            let first: &i18n::recordings::Recording = first;
            diags.push(
                Diagnostic::error(format!(
                    "`{id}` has two recordings, `{}` and `{name}`; only `{}` is used",
                    first.name, first.name
                ))
                .code("audio-duplicate")
                .at(Span::new(file, 0..0))
                .hint("remove the one that should not be played"),
            );
            continue;
        }
        if let Some(recording) =
            i18n::recordings::read(file, &name, &bytes, (&known, &mut *probes), diags)
        {
            recordings.insert(recording.id.clone(), recording);
        }
    }
    Ok(recordings)
}

fn load_templates(
    root: &Path,
    limits: &config::Limits,
    files: &mut Files,
    diags: &mut Vec<Diagnostic>,
) -> Result<Templates> {
    let dir = root.join("templates").join("html");
    let mut overrides = Vec::new();
    if dir.is_dir() {
        for path in list(root, &dir, "", diags)? {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            if let Some(file) = read_text(root, &path, limits.max_file_bytes, files, diags)? {
                overrides.push((name, file));
            }
        }
    }
    Ok(Templates::load(&overrides, files, diags))
}

/// Regular files directly in `dir` with this extension (any when empty),
/// sorted; symlinks leading outside the project are refused.
fn load_pdf_templates(
    root: &Path,
    limits: &config::Limits,
    files: &mut Files,
    diags: &mut Vec<Diagnostic>,
) -> Result<Vec<(String, FileId)>> {
    let dir = root.join("templates").join("pdf");
    let mut templates = Vec::new();
    for path in list(root, &dir, "typ", diags)? {
        let name = file_name(&path);
        if let Some(file) = read_text(root, &path, limits.max_file_bytes, files, diags)? {
            templates.push((name, file));
        }
    }
    Ok(templates)
}

/// Font files, in name order (so the font order, and the bytes of every
/// PDF, do not depend on the file system).
fn load_fonts(
    root: &Path,
    limits: &config::Limits,
    files: &mut Files,
    diags: &mut Vec<Diagnostic>,
) -> Result<Vec<(String, Vec<u8>)>> {
    let dir = root.join("templates").join("fonts");
    let mut fonts = Vec::new();
    for path in list(root, &dir, "", diags)? {
        let name = file_name(&path);
        let is_font = path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
            ["ttf", "otf", "ttc", "otc"].contains(&e.to_ascii_lowercase().as_str())
        });
        if !is_font {
            continue;
        }
        if let Some(d) = too_large(
            root,
            &path,
            limits.max_binary_bytes,
            "max_binary_bytes",
            files,
        ) {
            diags.push(d);
            continue;
        }
        let bytes = fs::read(&path)
            .with_context(|| format!("failed to read `{}`", relative(root, &path).display()))?;
        fonts.push((name, bytes));
    }
    Ok(fonts)
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn list(root: &Path, dir: &Path, ext: &str, diags: &mut Vec<Diagnostic>) -> Result<Vec<PathBuf>> {
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    // A folder that is a link (or inside one) leading out of the project
    // is not read: `locales/fr -> /home/someone` would read their files.
    match fs::canonicalize(dir) {
        Ok(real) if real.starts_with(root) => {}
        _ => {
            diags.push(Diagnostic::error(format!(
                "`{}` is a link to a folder outside the project and is not read",
                relative(root, dir).display()
            )));
            return Ok(Vec::new());
        }
    }
    let mut paths = Vec::new();
    for entry in WalkDir::new(dir)
        .min_depth(1)
        .max_depth(1)
        .sort_by_file_name()
    {
        let entry = entry.with_context(|| format!("failed to read `{}`", dir.display()))?;
        let path = entry.path();
        if !ext.is_empty() && path.extension().and_then(|e| e.to_str()) != Some(ext) {
            continue;
        }
        if entry.path_is_symlink() {
            match fs::canonicalize(path) {
                Ok(target) if target.starts_with(root) && target.is_file() => {}
                _ => {
                    diags.push(Diagnostic::error(format!(
                        "`{}` is a link to a file outside the project and is not read",
                        relative(root, path).display()
                    )));
                    continue;
                }
            }
        } else if !entry.file_type().is_file() {
            continue;
        }
        paths.push(path.to_path_buf());
    }
    Ok(paths)
}

/// Reads a file as UTF-8 text without a BOM into `files`. Invalid UTF-8
/// is a diagnostic at the first bad byte (`None`); other failures are
/// environment errors.
fn read_text(
    root: &Path,
    path: &Path,
    max_bytes: u64,
    files: &mut Files,
    diags: &mut Vec<Diagnostic>,
) -> Result<Option<FileId>> {
    if let Some(d) = too_large(root, path, max_bytes, "max_file_bytes", files) {
        diags.push(d);
        return Ok(None);
    }
    let rel = relative(root, path);
    let bytes = fs::read(path).with_context(|| format!("failed to read `{}`", rel.display()))?;
    match text::decode(bytes) {
        Ok(mut text) => {
            if text.starts_with('\u{FEFF}') {
                text.drain(..3);
            }
            let (text, controls) = without_controls(lone_cr_to_lf(text));
            let file = files.add(rel, text);
            if let Some(controls) = controls {
                diags.push(controls.warning(file));
            }
            Ok(Some(file))
        }
        Err((why, bytes)) => {
            let file = files.add(rel, text::shown(&bytes, why));
            diags.push(why.diagnostic(file));
            Ok(None)
        }
    }
}

/// Control characters taken out of a text file.
struct Controls {
    /// Where the first one was, in the cleaned text.
    first: usize,
    /// Which it was.
    first_char: char,
    /// How many there were.
    count: usize,
}

impl Controls {
    fn warning(&self, file: FileId) -> Diagnostic {
        let what = format!("U+{:04X}", self.first_char as u32);
        let more = match self.count {
            1 => String::new(),
            n => format!(" (and {} more in this file)", n - 1),
        };
        let first_len = if self.first_char == '\0' {
            '\u{FFFD}'.len_utf8()
        } else {
            0
        };
        Diagnostic::warning(format!(
            "control character {what}{more}: a NUL is shown as U+FFFD (a replacement character), other control characters are dropped"
        ))
        .code("control-char")
        .at(Span::new(file, self.first..self.first + first_len))
        .hint("remove it: editors and copy-paste leave such characters, and readers never see them as meant")
    }
}

/// The text with NUL replaced by U+FFFD (as CommonMark asks) and the other
/// C0 control characters but tab and line ends dropped, and what was
/// taken out.
fn without_controls(text: String) -> (String, Option<Controls>) {
    let is_control =
        |c: char| c.is_ascii_control() && !matches!(c, '\t' | '\n' | '\r') && c != '\u{7F}';
    if !text.chars().any(is_control) {
        return (text, None);
    }
    let mut out = String::with_capacity(text.len() + 2);
    let mut controls: Option<Controls> = None;
    for c in text.chars() {
        if !is_control(c) {
            out.push(c);
            continue;
        }
        match &mut controls {
            Some(seen) => seen.count += 1,
            None => {
                controls = Some(Controls {
                    first: out.len(),
                    first_char: c,
                    count: 1,
                })
            }
        }
        if c == '\0' {
            out.push('\u{FFFD}');
        }
    }
    (out, controls)
}

/// An error when the file at `path` is larger than `max_bytes` (it is then
/// not read at all), located at the file's start.
fn too_large(
    root: &Path,
    path: &Path,
    max_bytes: u64,
    limit: &str,
    files: &mut Files,
) -> Option<Diagnostic> {
    let size = fs::metadata(path).ok()?.len();
    if size <= max_bytes {
        return None;
    }
    let file = files.add(relative(root, path), String::new());
    Some(
        Diagnostic::error(format!(
            "the file is {}, more than the limit of {}; it is not read",
            human_size(size),
            human_size(max_bytes)
        ))
        .code("limit")
        .at(Span::new(file, 0..0))
        .hint(format!(
            "split it, or raise `{limit}` under `[limits]` in kyr.toml"
        )),
    )
}

/// Old Mac line endings (a CR alone) become LF, which every parser reads
/// as a line break (Fluent would otherwise run two messages together).
/// Same length, so every offset still points at the same place.
fn lone_cr_to_lf(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    let mut bytes = text.into_bytes();
    for i in 0..bytes.len() {
        if bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n') {
            bytes[i] = b'\n';
        }
    }
    String::from_utf8(bytes).expect("replacing an ASCII byte keeps UTF-8 valid")
}

fn error_count(diags: &[Diagnostic]) -> usize {
    diags.iter().filter(|d| d.is_error()).count()
}

/// Document names become file names and URLs, on any system a site may be
/// copied to: lowercase ASCII, and not a name Windows reserves (`con`,
/// `nul`, `com1`, ...), since the site goes on USB sticks. `index` is each
/// language's index page (`fr/index.html`) in a project of many languages.
pub(crate) fn is_document_name(name: &str) -> bool {
    const RESERVED: &[&str] = &["con", "prn", "aux", "nul", "index"];
    let device = |prefix: &str| {
        name.strip_prefix(prefix)
            .is_some_and(|n| n.len() == 1 && n.as_bytes()[0].is_ascii_digit())
    };
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
        && !RESERVED.contains(&name)
        && !device("com")
        && !device("lpt")
}

/// A document name close to `name` that [`is_document_name`] accepts,
/// to suggest a rename: lowercase, with `-` for other characters.
pub(crate) fn suggested_document_name(name: &str) -> String {
    let suggested: String = name
        .to_lowercase()
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    if is_document_name(&suggested) {
        suggested
    } else {
        format!("{suggested}-doc")
    }
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn relative(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}
