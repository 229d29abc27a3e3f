//! `kyr watch`: build once, then rebuild what each saved file affects (a
//! locale's files: that locale and the locales falling back to it; a
//! document: that document; kyr.toml or a template: everything) and print
//! its problems, until stopped. File events come from the `notify` crate;
//! events that arrive together are handled as one change.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use notify::{EventKind, RecursiveMode, Watcher};

use crate::build::BuildOptions;
use crate::cli::{GlobalArgs, WatchArgs};
use crate::commands;
use crate::project::{self, Project};
use crate::{EXIT_ERRORS, EXIT_USAGE};

/// How long to wait for more events after the first of a change (an
/// editor's save is often several events).
const SETTLE: Duration = Duration::from_millis(60);

/// What a set of changed files requires rebuilding.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Affected {
    /// Everything (kyr.toml or a template changed).
    pub all: bool,
    /// Locales whose messages changed (their own files or a fallback's).
    pub locales: BTreeSet<String>,
    /// Documents whose skeleton changed.
    pub documents: BTreeSet<String>,
}

/// Works out what changed files affect. Paths are relative to the root.
pub fn affected(project: &Project, changed: &[PathBuf]) -> Affected {
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

/// Runs the watcher until the process is stopped.
pub fn watch(global: &GlobalArgs, args: &WatchArgs, err: &mut impl Write) -> u8 {
    let base = BuildOptions {
        locales: args.locales.clone(),
        formats: args.format.clone(),
        out_dir: args.out.clone(),
        ..BuildOptions::default()
    };
    let project = match commands::load(global, err) {
        Ok(project) => project,
        Err(code) => return code,
    };
    let root = project.root.clone();
    let out_dir = base.out_dir.clone().unwrap_or_else(|| root.join("out"));
    commands::build_quietly(global, &project, &base, Instant::now(), err);

    let (tx, rx) = mpsc::channel();
    let mut watcher = match notify::recommended_watcher(tx) {
        Ok(watcher) => watcher,
        Err(e) => {
            let _ = writeln!(err, "error: cannot watch files: {e}");
            return EXIT_ERRORS;
        }
    };
    for path in [
        root.join(project::CONFIG_FILE),
        root.join("content"),
        root.join("locales"),
        root.join("templates"),
    ] {
        if path.exists()
            && let Err(e) = watcher.watch(&path, RecursiveMode::Recursive)
        {
            let _ = writeln!(err, "error: cannot watch `{}`: {e}", path.display());
            return EXIT_ERRORS;
        }
    }
    let _ = writeln!(
        err,
        "watching `{}` for changes (stop with Ctrl-C)",
        crate::diag::display_path(&root)
    );
    let _ = err.flush();

    while let Ok(first) = rx.recv() {
        let mut events = vec![first];
        let settle_until = Instant::now() + SETTLE;
        while let Some(left) = settle_until.checked_duration_since(Instant::now()) {
            match rx.recv_timeout(left) {
                Ok(event) => events.push(event),
                Err(_) => break,
            }
        }
        let started = Instant::now();
        let mut changed: Vec<PathBuf> = Vec::new();
        for event in events.into_iter().flatten() {
            if matches!(event.kind, EventKind::Access(_)) {
                continue;
            }
            for path in event.paths {
                if is_noise(&path, &out_dir) {
                    continue;
                }
                if let Ok(relative) = path.strip_prefix(&root)
                    && !changed.iter().any(|p| p == relative)
                {
                    changed.push(relative.to_path_buf());
                }
            }
        }
        if changed.is_empty() {
            continue;
        }
        let project = match commands::load(global, err) {
            Ok(project) => project,
            Err(EXIT_USAGE) => return EXIT_USAGE,
            Err(_) => continue,
        };
        let what = affected(&project, &changed);
        let mut options = base.clone();
        if !what.all {
            if !what.locales.is_empty() && what.documents.is_empty() {
                options.locales = restrict(&base.locales, &what.locales);
                if options.locales.is_empty() {
                    continue;
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
        let shown: Vec<String> = changed
            .iter()
            .map(|p| crate::diag::display_path(p))
            .collect();
        let _ = writeln!(err, "\nchanged: {}", shown.join(", "));
        commands::build_quietly(global, &project, &options, started, err);
        let _ = err.flush();
    }
    // The channel closed: the watcher is gone.
    let _ = writeln!(err, "error: file watching stopped");
    EXIT_ERRORS
}

/// Locales to rebuild: the affected ones, within those asked for.
fn restrict(asked: &[String], affected: &BTreeSet<String>) -> Vec<String> {
    affected
        .iter()
        .filter(|t| asked.is_empty() || asked.contains(t))
        .cloned()
        .collect()
}

/// Outputs, temporary files and editors' backup files.
fn is_noise(path: &Path, out_dir: &Path) -> bool {
    if path.starts_with(out_dir) {
        return true;
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    name.starts_with(".kyr-")
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.starts_with(".#")
        || name == "4913"
}
