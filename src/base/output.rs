//! WRITE: atomic writes under the output folder. Each file goes to a
//! temporary file in its own folder and is renamed into place, so a reader
//! (or a print shop) never sees half a file. The temporary files have one
//! exact pattern, `.kyr-XXXXXX.tmp` (six ASCII letters or digits). A
//! build records each one's name in `.kyr/temporary` before creating it,
//! and the next build removes exactly those that are left (a build killed
//! mid-write), nothing else. Nothing is written, renamed or removed through
//! a symbolic link: the output folder, a folder in it, or the file itself
//! being a link is refused.

use std::fs;
use std::io::Write as _;
use std::path::{Component, Path, PathBuf};

use anyhow::{Context as _, Result, bail};

const TEMP_PREFIX: &str = ".kyr-";
const TEMP_SUFFIX: &str = ".tmp";
/// Random letters and digits between the prefix and the suffix.
const TEMP_RANDOM: usize = 6;
/// The record of a build's temporary files, in the output folder: one
/// path (relative to the folder) a line.
const TEMP_RECORD: &str = ".kyr/temporary";
/// A record longer than this is not read (it is removed all the same).
const TEMP_RECORD_MAX_BYTES: u64 = 16 * 1024 * 1024;

/// Writes `bytes` to `out_dir/relative` atomically. `relative` must stay
/// inside `out_dir` (no `..`, no absolute path).
pub(crate) fn write_atomic(out_dir: &Path, relative: &Path, bytes: &[u8]) -> Result<PathBuf> {
    write_through_temporary(out_dir, relative, bytes, false, &Replace::default())
}

/// Writes a build's output like [`write_atomic`], recording the temporary
/// file's name in the output folder's record first, for
/// [`remove_recorded_temporary_files`].
pub(crate) fn write_output(out_dir: &Path, relative: &Path, bytes: &[u8]) -> Result<PathBuf> {
    write_through_temporary(out_dir, relative, bytes, true, &Replace::default())
}

/// How [`replace`] replaces a file a person edits.
#[derive(Default)]
pub(crate) struct Replace<'a> {
    /// The permissions the file had, kept (new files get 0644).
    pub(crate) permissions: Option<fs::Permissions>,
    /// Called once the new bytes are on disk, just before the rename: an
    /// error leaves the file as it is (it changed meanwhile).
    pub(crate) before_rename: Option<&'a dyn Fn() -> Result<()>>,
}

/// Writes `bytes` to `out_dir/relative` atomically like [`write_atomic`],
/// keeping the file's permissions and checking it once more just before
/// the rename.
pub(crate) fn replace(
    out_dir: &Path,
    relative: &Path,
    bytes: &[u8],
    how: &Replace,
) -> Result<PathBuf> {
    write_through_temporary(out_dir, relative, bytes, false, how)
}

fn write_through_temporary(
    out_dir: &Path,
    relative: &Path,
    bytes: &[u8],
    record: bool,
    how: &Replace,
) -> Result<PathBuf> {
    let path = inside(out_dir, relative)?;
    let dir = path.parent().unwrap_or(out_dir);
    fs::create_dir_all(dir).with_context(|| format!("failed to create `{}`", dir.display()))?;
    let mut builder = tempfile::Builder::new();
    builder
        .prefix(TEMP_PREFIX)
        .suffix(TEMP_SUFFIX)
        .rand_bytes(TEMP_RANDOM);
    let mut temp = builder
        .make_in(dir, |temp_path| {
            if record {
                record_temporary(out_dir, temp_path)?;
            }
            let mut options = fs::OpenOptions::new();
            options.write(true).create_new(true);
            // Outputs are published (a web server, a shared folder):
            // readable by all like any other file.
            #[cfg(unix)]
            std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o644);
            options.open(temp_path)
        })
        .with_context(|| format!("failed to create a temporary file in `{}`", dir.display()))?;
    temp.write_all(bytes)
        .and_then(|()| match &how.permissions {
            Some(permissions) => temp.as_file().set_permissions(permissions.clone()),
            None => Ok(()),
        })
        .and_then(|()| temp.as_file().sync_all())
        .with_context(|| format!("failed to write `{}`", path.display()))?;
    if let Some(check) = how.before_rename {
        check()?;
    }
    temp.persist(&path)
        .with_context(|| format!("failed to write `{}`", path.display()))?;
    Ok(path)
}

/// kyr's own folder in a project (`.kyr/`: the writer lock, what the
/// recordings were found to hold), made when missing, with a `.gitignore`
/// so git never lists what kyr keeps there.
pub(crate) fn kyr_folder(root: &Path) -> std::io::Result<PathBuf> {
    let dir = root.join(".kyr");
    fs::create_dir_all(&dir)?;
    let ignore = dir.join(".gitignore");
    if !ignore.exists() {
        fs::write(
            &ignore,
            "# kyr's own: the writer lock, what the recordings hold.\n*\n",
        )?;
    }
    Ok(dir)
}

/// The build lock of an output folder: held for a whole build, so two
/// builds (`build`, `watch`) never write into one folder at once. It is the
/// operating system's advisory lock on `.kyr/lock`, which goes with the
/// process: a build that is killed leaves nothing that blocks the next.
#[derive(Debug)]
pub(crate) struct BuildLock {
    _file: fs::File,
}

impl BuildLock {
    /// Takes the lock of `out_dir`: `Ok(None)` when another process holds
    /// it and `wait` is false; otherwise waits for it, calling `waiting`
    /// first.
    pub(crate) fn take(out_dir: &Path, wait: bool, waiting: impl FnOnce()) -> Result<Option<Self>> {
        let path = inside(out_dir, Path::new(".kyr/lock"))?;
        let dir = path.parent().unwrap_or(out_dir);
        fs::create_dir_all(dir).with_context(|| format!("failed to create `{}`", dir.display()))?;
        let file = fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .with_context(|| format!("failed to open `{}`", path.display()))?;
        match file.try_lock() {
            Ok(()) => return Ok(Some(BuildLock { _file: file })),
            Err(fs::TryLockError::WouldBlock) => {}
            Err(fs::TryLockError::Error(e)) => {
                return Err(e).with_context(|| format!("failed to lock `{}`", path.display()));
            }
        }
        if !wait {
            return Ok(None);
        }
        waiting();
        file.lock()
            .with_context(|| format!("failed to lock `{}`", path.display()))?;
        Ok(Some(BuildLock { _file: file }))
    }
}

/// Adds a temporary file's path to the output folder's record, before the
/// file is created.
fn record_temporary(out_dir: &Path, temp_path: &Path) -> std::io::Result<()> {
    let relative = temp_path.strip_prefix(out_dir).unwrap_or(temp_path);
    let record = inside(out_dir, Path::new(TEMP_RECORD)).map_err(std::io::Error::other)?;
    if let Some(dir) = record.parent() {
        fs::create_dir_all(dir)?;
    }
    let mut line = relative.to_string_lossy().into_owned();
    line.push('\n');
    // One short append: whole lines, whichever writer comes first.
    fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&record)?
        .write_all(line.as_bytes())
}

/// Removes the temporary files that the record of `out_dir` names and that
/// are still there (left by a build that was killed), then the record.
/// Only names of the exact pattern, inside the folder and not through a
/// link, are removed: files of the user's own are never touched, whatever
/// their names, and no folder is walked. Returns how many were removed.
pub(crate) fn remove_recorded_temporary_files(out_dir: &Path) -> usize {
    let Ok(record) = inside(out_dir, Path::new(TEMP_RECORD)) else {
        return 0;
    };
    let Ok(file) = fs::File::open(&record) else {
        return 0;
    };
    let mut text = String::new();
    let _ = std::io::Read::read_to_string(
        &mut std::io::Read::take(file, TEMP_RECORD_MAX_BYTES),
        &mut text,
    );
    let mut removed = 0;
    for line in text.lines() {
        let relative = Path::new(line);
        let named_like_ours = relative
            .file_name()
            .and_then(|name| name.to_str())
            .is_some_and(is_temporary);
        if !named_like_ours {
            continue;
        }
        let Ok(path) = inside(out_dir, relative) else {
            continue;
        };
        if fs::symlink_metadata(&path).is_ok_and(|m| m.is_file()) && fs::remove_file(&path).is_ok()
        {
            removed += 1;
        }
    }
    let _ = fs::remove_file(&record);
    removed
}

/// Removes `out_dir/relative` if it exists (an output whose build failed
/// must not be left over from an earlier build).
pub(crate) fn remove_stale(out_dir: &Path, relative: &Path) -> Result<bool> {
    let path = inside(out_dir, relative)?;
    match fs::remove_file(&path) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(e).with_context(|| format!("failed to remove `{}`", path.display())),
    }
}

/// Removes the folder `out_dir/relative` if it is empty.
pub(crate) fn remove_empty_dir(out_dir: &Path, relative: &Path) -> Result<bool> {
    let path = inside(out_dir, relative)?;
    Ok(fs::remove_dir(&path).is_ok())
}

/// Whether a file name is one of the temporary files writes go through:
/// exactly `.kyr-XXXXXX.tmp`.
pub(crate) fn is_temporary(name: &str) -> bool {
    name.strip_prefix(TEMP_PREFIX)
        .and_then(|rest| rest.strip_suffix(TEMP_SUFFIX))
        .is_some_and(|random| {
            random.len() == TEMP_RANDOM && random.chars().all(|c| c.is_ascii_alphanumeric())
        })
}

/// Whether `relative` names something below a folder: no `..`, no root,
/// not empty.
pub(crate) fn is_relative_inside(relative: &Path) -> bool {
    relative.components().next().is_some()
        && relative
            .components()
            .all(|c| matches!(c, Component::Normal(_)))
}

fn inside(out_dir: &Path, relative: &Path) -> Result<PathBuf> {
    if !is_relative_inside(relative) {
        bail!(
            "refusing to write `{}` outside the output folder",
            relative.display()
        );
    }
    // The output folder, each folder below it and the file itself: none
    // may be a link, which would send the write (or a removal) elsewhere.
    let mut path = out_dir.to_path_buf();
    refuse_link(&path)?;
    for component in relative.components() {
        path.push(component);
        refuse_link(&path)?;
    }
    Ok(path)
}

/// An error when `path` is a symbolic link.
fn refuse_link(path: &Path) -> Result<()> {
    if fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
        bail!(
            "`{}` is a symbolic link; kyr does not write, rename or remove anything through a link in its output folder (replace the link with a folder, or choose another folder with --out)",
            path.display()
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_and_replaces_without_leaving_temporary_files() {
        let dir = tempfile::tempdir().unwrap();
        write_atomic(dir.path(), Path::new("fr/a.html"), b"one").unwrap();
        write_atomic(dir.path(), Path::new("fr/a.html"), b"two").unwrap();
        assert_eq!(fs::read(dir.path().join("fr/a.html")).unwrap(), b"two");
        let names: Vec<_> = fs::read_dir(dir.path().join("fr"))
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 1);
    }

    #[test]
    fn temporary_names_have_one_exact_pattern() {
        assert!(is_temporary(".kyr-a1B2c3.tmp"));
        for name in [
            ".kyr-notmine.tmp",
            ".kyr-.tmp",
            ".kyr-abc.tmp",
            "kyr-abcdef.tmp",
            ".kyr-abcdéf.tmp",
        ] {
            assert!(!is_temporary(name), "{name}");
        }
        let dir = tempfile::tempdir().unwrap();
        let mut builder = tempfile::Builder::new();
        builder
            .prefix(TEMP_PREFIX)
            .suffix(TEMP_SUFFIX)
            .rand_bytes(TEMP_RANDOM);
        let temp = builder.tempfile_in(dir.path()).unwrap();
        let name = temp
            .path()
            .file_name()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        assert!(is_temporary(&name), "{name}");
    }

    #[test]
    fn a_change_found_just_before_the_rename_leaves_the_file_and_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        write_atomic(dir.path(), Path::new("a.ftl"), b"theirs").unwrap();
        let changed = || -> Result<()> { bail!("changed meanwhile") };
        let how = Replace {
            permissions: None,
            before_rename: Some(&changed),
        };
        let error = replace(dir.path(), Path::new("a.ftl"), b"ours", &how).unwrap_err();
        assert_eq!(error.to_string(), "changed meanwhile");
        assert_eq!(fs::read(dir.path().join("a.ftl")).unwrap(), b"theirs");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn refuses_paths_outside() {
        let dir = tempfile::tempdir().unwrap();
        assert!(write_atomic(dir.path(), Path::new("../x"), b"").is_err());
        assert!(write_atomic(dir.path(), Path::new("/etc/x"), b"").is_err());
        assert!(remove_stale(dir.path(), Path::new("a/../../x")).is_err());
    }
}
