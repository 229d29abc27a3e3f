//! `kyr watch`: build once, then rebuild what each change affects, until
//! stopped ([`watch`]). The changes to a project's sources are file events
//! from the `notify` crate (events that arrive together are one change);
//! what each affects is a locale's files: that locale and the locales
//! falling back to it; a document: that document; kyr.toml or a template:
//! everything. What the loop says, and what else happens after each build
//! (`kyr serve` reloads its pages), is its [`Listener`]'s.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use notify::{EventKind, RecursiveMode, Watcher};

use crate::base::error::Error;
use crate::build::{BuildOptions, BuildReport, Silent};
use crate::commands;
use crate::project::{self, Project};

/// A change is over when no event came for this long (an editor's save
/// is often several events, a few milliseconds apart)...
const QUIET: Duration = Duration::from_millis(20);

/// ... or when this long has passed since its first event.
const SETTLE_AT_MOST: Duration = Duration::from_millis(100);

/// What `kyr watch` (and `kyr serve`) builds.
#[derive(Debug, Clone)]
pub(crate) struct WatchOptions {
    /// The project's folder, or one below it.
    pub(crate) project: PathBuf,
    /// What every build builds at most (a change builds what it affects).
    pub(crate) build: BuildOptions,
}

/// Told what a watch loop does: prints it, and acts on it.
pub(crate) trait Listener {
    /// A build finished, started at `started`: its report, or why it could
    /// not run.
    fn built(&mut self, project: &Project, outcome: Result<BuildReport, Error>, started: Instant);
    /// The first build is done and the loop watches the project at `root`,
    /// building into `out_dir`; an error stops it.
    fn watching(&mut self, root: &Path, out_dir: &Path) -> Result<(), Error>;
    /// Files changed (relative to the root); a build of what they affect
    /// follows.
    fn changed(&mut self, changed: &[PathBuf]);
    /// The project cannot be loaded after a change; the loop waits for the
    /// next.
    fn unloadable(&mut self, error: &Error);
}

/// `kyr watch`: builds once, then rebuilds what each change affects,
/// telling `listener`, until stopped. A change that leaves the project
/// unloadable is reported and waited out; a usage error (kyr.toml gone)
/// stops the loop.
pub(crate) fn watch(options: &WatchOptions, listener: &mut impl Listener) -> Result<(), Error> {
    let base = &options.build;
    let project = commands::load(&options.project, None)?;
    let root = project.root.clone();
    let out_dir = base.out_dir.clone().unwrap_or_else(|| root.join("out"));
    let started = Instant::now();
    listener.built(
        &project,
        commands::build::run(&project, base, &Silent),
        started,
    );
    let changes = Changes::watch(&root, &out_dir)?;
    listener.watching(&root, &out_dir)?;

    while let Some(changed) = changes.next() {
        let started = Instant::now();
        let project = match commands::load(&options.project, None) {
            Ok(project) => project,
            Err(error @ Error::Usage(_)) => return Err(error),
            Err(error) => {
                listener.unloadable(&error);
                continue;
            }
        };
        let Some(options) = options_for(&project, base, &changed) else {
            continue;
        };
        listener.changed(&changed);
        let outcome = commands::build::run(&project, &options, &Silent);
        listener.built(&project, outcome, started);
    }
    Err(Error::Failed(anyhow::anyhow!("file watching stopped")))
}

/// What a set of changed files requires rebuilding.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Affected {
    /// Everything (kyr.toml or a template changed).
    pub all: bool,
    /// Locales whose messages changed (their own files or a fallback's).
    pub locales: BTreeSet<String>,
    /// Documents whose skeleton changed.
    pub documents: BTreeSet<String>,
}

/// Works out what changed files affect. Paths are relative to the root.
pub(crate) fn affected(project: &Project, changed: &[PathBuf]) -> Affected {
    let mut out = Affected::default();
    for path in changed {
        let parts: Vec<String> = path
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        match parts
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>()
            .as_slice()
        {
            [project::CONFIG_FILE] | ["templates", ..] => out.all = true,
            ["content", file] if file.ends_with(".md") => {
                out.documents
                    .insert(file.trim_end_matches(".md").to_owned());
            }
            ["locales", tag, ..] => {
                for locale in project.config.locales.values() {
                    if locale.chain.iter().any(|t| t == tag) {
                        out.locales.insert(locale.tag.clone());
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// File events of a project's sources, grouped into changes.
pub(crate) struct Changes {
    root: PathBuf,
    out_dir: PathBuf,
    events: mpsc::Receiver<notify::Result<notify::Event>>,
    // Kept alive: dropping it stops the events.
    _watcher: notify::RecommendedWatcher,
}

impl Changes {
    /// Watches `kyr.toml`, `content/`, `locales/` and `templates/` of the
    /// project at `root`; changes under `out_dir` are not reported.
    pub(crate) fn watch(root: &Path, out_dir: &Path) -> Result<Changes, Error> {
        let (tx, rx) = mpsc::channel();
        let mut watcher = notify::recommended_watcher(tx)
            .map_err(|e| Error::Failed(anyhow::anyhow!("cannot watch files: {e}")))?;
        for path in [
            root.join(project::CONFIG_FILE),
            root.join("content"),
            root.join("locales"),
            root.join("templates"),
        ] {
            if path.exists() {
                watcher
                    .watch(&path, RecursiveMode::Recursive)
                    .map_err(|e| {
                        Error::Failed(anyhow::anyhow!("cannot watch `{}`: {e}", path.display()))
                    })?;
            }
        }
        Ok(Changes {
            root: root.to_path_buf(),
            out_dir: out_dir.to_path_buf(),
            events: rx,
            _watcher: watcher,
        })
    }

    /// Waits for the next change and returns the files it touched,
    /// relative to the root (never empty); `None` when watching stopped.
    pub(crate) fn next(&self) -> Option<Vec<PathBuf>> {
        loop {
            let first = self.events.recv().ok()?;
            let mut events = vec![first];
            let settle_until = Instant::now() + SETTLE_AT_MOST;
            while let Some(left) = settle_until.checked_duration_since(Instant::now()) {
                match self.events.recv_timeout(left.min(QUIET)) {
                    Ok(event) => events.push(event),
                    Err(_) => break,
                }
            }
            let mut changed: Vec<PathBuf> = Vec::new();
            for event in events.into_iter().flatten() {
                if matches!(event.kind, EventKind::Access(_)) {
                    continue;
                }
                for path in event.paths {
                    if is_noise(&path, &self.out_dir, &self.root) {
                        continue;
                    }
                    if let Ok(relative) = path.strip_prefix(&self.root)
                        && !changed.iter().any(|p| p == relative)
                    {
                        changed.push(relative.to_path_buf());
                    }
                }
            }
            if !changed.is_empty() {
                return Some(changed);
            }
        }
    }
}

/// The build options for a change: only the affected locales or documents
/// (within those `base` asks for); `None` when nothing asked for is
/// affected.
pub(crate) fn options_for(
    project: &Project,
    base: &BuildOptions,
    changed: &[PathBuf],
) -> Option<BuildOptions> {
    let what = affected(project, changed);
    let mut options = base.clone();
    if !what.all {
        if !what.locales.is_empty() && what.documents.is_empty() {
            // `--locale` by endonym, as the build reads it (the build
            // itself reports one that no longer names a locale).
            let asked = project
                .config
                .known_locales(&base.locales)
                .unwrap_or_else(|_| base.locales.clone());
            options.locales = restrict(&asked, &what.locales);
            if options.locales.is_empty() {
                return None;
            }
        }
        if !what.documents.is_empty() && what.locales.is_empty() {
            options.documents = what
                .documents
                .iter()
                .filter(|d| project.skeletons.iter().any(|s| &s.name == *d))
                .cloned()
                .collect();
        }
    }
    Some(options)
}

/// Locales to rebuild: the affected ones, within those asked for.
fn restrict(asked: &[String], affected: &BTreeSet<String>) -> Vec<String> {
    affected
        .iter()
        .filter(|t| asked.is_empty() || asked.contains(t))
        .cloned()
        .collect()
}

/// Outputs, kyr's temporary files, and what editors and tools leave beside
/// the file being saved: backups (`x~`, `x.bak`, `x.orig`), swap and lock
/// files (`.x.swp`, `.#x`, `#x#`, Vim's `4913`), `sed -i`'s temporary
/// `sedAbC123`, hidden files; kyr's own folder in the project (`.kyr/`: the
/// writer lock, what the recordings hold). Under `content/` only Markdown, and under
/// `locales/` only Fluent files are sources.
fn is_noise(path: &Path, out_dir: &Path, root: &Path) -> bool {
    if path.starts_with(out_dir) {
        return true;
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let sed_temporary = name
        .strip_prefix("sed")
        .is_some_and(|rest| rest.len() == 6 && rest.chars().all(|c| c.is_ascii_alphanumeric()));
    let editor_file = name.starts_with('.')
        || name.ends_with('~')
        || (name.starts_with('#') && name.ends_with('#'))
        || name == "4913"
        || sed_temporary;
    let extension = path.extension().map(|e| e.to_string_lossy().to_lowercase());
    let backup = matches!(
        extension.as_deref(),
        Some("swp" | "swx" | "swo" | "tmp" | "bak" | "orig" | "rej")
    );
    let relative = path.strip_prefix(root).unwrap_or(path);
    let not_a_source = |folder: &str, ext: &str| {
        relative.starts_with(folder) && extension.as_deref().is_some_and(|e| e != ext)
    };
    editor_file
        || backup
        || relative.starts_with(".kyr")
        || not_a_source("content", "md")
        || (not_a_source("locales", "ftl") && !is_recording_or_lock(relative))
}

/// `locales/<tag>/audio/<id>.<ext>` (a recording) or
/// `locales/<tag>/kyr-lock.toml`: sources under `locales/` other than
/// Fluent files, which the recording page of `kyr serve` writes.
fn is_recording_or_lock(relative: &Path) -> bool {
    let parts: Vec<_> = relative.components().map(|c| c.as_os_str()).collect();
    match parts.as_slice() {
        [_, _, name] => *name == crate::i18n::lock::LOCK_FILE,
        [_, _, folder, name] => {
            *folder == crate::i18n::recordings::AUDIO_DIR
                && Path::new(name)
                    .extension()
                    .and_then(|e| e.to_str())
                    .and_then(|e| crate::audio::Container::from_extension(&e.to_ascii_lowercase()))
                    .is_some()
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_locale_asked_for_by_endonym_is_rebuilt_when_its_files_change() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/build/basic");
        let project = commands::load(&root, None).unwrap();
        let base = BuildOptions {
            locales: vec!["FRANÇAIS".to_owned()],
            ..BuildOptions::default()
        };
        let options = options_for(&project, &base, &[PathBuf::from("locales/fr/door.ftl")])
            .expect("fr is asked for");
        assert_eq!(options.locales, ["fr"]);
        let changed = [PathBuf::from("locales/ar/door.ftl")];
        assert!(options_for(&project, &base, &changed).is_none());
    }

    #[test]
    fn editor_and_tool_files_are_not_changes() {
        let root = Path::new("/p");
        let out = Path::new("/p/out");
        for noise in [
            "out/fr/door.html",
            "locales/mam/sedYXoVIc",
            "locales/fr/.door.ftl.swp",
            "locales/fr/door.ftl~",
            "locales/fr/door.ftl.orig",
            "content/.#door.md",
            "content/#door.md#",
            "content/4913",
            "content/door.md.bak",
            "content/notes.txt",
            "locales/fr/notes.docx",
            "templates/pdf/.goutputstream-ABC123",
            ".kyr-Ab12Cd.tmp",
            "locales/fr/audio/notes.txt",
            "locales/fr/audio/.kyr-Ab12Cd.tmp",
            "locales/fr/audio/x/door.ogg",
            ".kyr/recordings.json",
            ".kyr/writing",
            ".kyr",
        ] {
            assert!(is_noise(&root.join(noise), out, root), "{noise}");
        }
        for source in [
            "kyr.toml",
            "content/door.md",
            "locales/fr/door.ftl",
            "locales/fr",
            "templates/pdf/handout.typ",
            "templates/fonts/NotoSans-Regular.ttf",
            "templates/html/style.css",
            "content/sedimentary.md",
            "locales/fr/audio/door-title.ogg",
            "locales/fr/audio/door-title.M4A",
            "locales/fr/kyr-lock.toml",
        ] {
            assert!(!is_noise(&root.join(source), out, root), "{source}");
        }
    }
}
