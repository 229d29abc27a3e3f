//! WRITE: atomic writes under the output folder. Each file goes to a
//! temporary file in its own folder and is renamed into place, so a reader
//! (or a print shop) never sees half a file.

use std::fs;
use std::io::Write as _;
use std::path::{Component, Path, PathBuf};

use anyhow::{Context as _, Result, bail};

const TEMP_PREFIX: &str = ".kyr-";
const TEMP_SUFFIX: &str = ".tmp";

/// Writes `bytes` to `out_dir/relative` atomically. `relative` must stay
/// inside `out_dir` (no `..`, no absolute path).
pub(crate) fn write_atomic(out_dir: &Path, relative: &Path, bytes: &[u8]) -> Result<PathBuf> {
    let path = inside(out_dir, relative)?;
    let dir = path.parent().unwrap_or(out_dir);
    fs::create_dir_all(dir).with_context(|| format!("failed to create `{}`", dir.display()))?;
    let mut builder = tempfile::Builder::new();
    builder.prefix(TEMP_PREFIX).suffix(TEMP_SUFFIX);
    // Outputs are published (a web server, a shared folder): readable by
    // all like any other file, not private like a temporary file.
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o644));
    let mut temp = builder
        .tempfile_in(dir)
        .with_context(|| format!("failed to create a temporary file in `{}`", dir.display()))?;
    temp.write_all(bytes)
        .and_then(|()| temp.as_file().sync_all())
        .with_context(|| format!("failed to write `{}`", path.display()))?;
    temp.persist(&path)
        .with_context(|| format!("failed to write `{}`", path.display()))?;
    Ok(path)
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

/// Whether a file name is one of the temporary files writes go through.
pub(crate) fn is_temporary(name: &str) -> bool {
    name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX)
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
    Ok(out_dir.join(relative))
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
    fn refuses_paths_outside() {
        let dir = tempfile::tempdir().unwrap();
        assert!(write_atomic(dir.path(), Path::new("../x"), b"").is_err());
        assert!(write_atomic(dir.path(), Path::new("/etc/x"), b"").is_err());
        assert!(remove_stale(dir.path(), Path::new("a/../../x")).is_err());
    }
}
