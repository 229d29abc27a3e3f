//! The Typst `World` of one compile: it serves the generated main source,
//! the document's data file, the PDF templates, images under the project
//! root and the fonts in memory. Nothing else: no package, no file outside
//! the project, no system font, no clock. Every request is recorded so a
//! test can check that translated text never asked for a file.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use typst::diag::{FileError, FileResult, PackageError};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, World};

use super::fonts::FontSet;

/// Virtual path of the generated main source.
pub const MAIN_PATH: &str = "/.kyr/main.typ";
/// Virtual path of the document's data, which the templates read.
pub const DATA_PATH: &str = "/.kyr/document.json";
/// Virtual folder of the PDF templates.
pub const TEMPLATE_DIR: &str = "/templates/pdf/";

/// File extensions a template may load from the project as images.
const IMAGE_EXTENSIONS: &[&str] = &["png", "jpg", "jpeg", "gif", "svg", "webp"];

/// The project file (an image, under the root) a recorded request names,
/// if it names one.
pub(crate) fn project_image(request: &str) -> Option<&str> {
    let path = request.strip_prefix('/')?;
    let extension = path.rsplit_once('.')?.1.to_ascii_lowercase();
    IMAGE_EXTENSIONS
        .contains(&extension.as_str())
        .then_some(path)
}

/// The id of a file at `path` in the project's virtual root.
pub(crate) fn file_id(path: &str) -> FileId {
    let vpath = VirtualPath::new(path).expect("kyr's virtual paths are valid");
    RootedPath::new(VirtualRoot::Project, vpath).intern()
}

/// One compile's view of the world.
pub(crate) struct KyrWorld<'a> {
    /// The standard library.
    pub library: &'a LazyHash<Library>,
    /// The fonts.
    pub fonts: &'a FontSet,
    /// The PDF templates, by id.
    pub templates: &'a HashMap<FileId, Source>,
    /// The project root, canonicalised.
    pub root: &'a Path,
    /// The generated main source.
    pub main: Source,
    /// The document's data.
    pub data: Bytes,
    /// The build time (UTC) `today()` is taken from.
    pub now: time::OffsetDateTime,
    /// Largest image served, in bytes.
    pub max_image_bytes: u64,
    /// Every path asked for, in order.
    pub requests: Arc<Mutex<Vec<String>>>,
}

impl KyrWorld<'_> {
    fn record(&self, id: FileId) {
        let name = match id.root() {
            VirtualRoot::Package(package) => format!("{package}{}", id.vpath().get_with_slash()),
            VirtualRoot::Project => id.vpath().get_with_slash().to_owned(),
        };
        if let Ok(mut requests) = self.requests.lock() {
            requests.push(name);
        }
    }

    /// Refuses packages: kyr never downloads anything.
    fn refuse_package(id: FileId) -> FileResult<()> {
        match id.root() {
            VirtualRoot::Package(package) => Err(FileError::Package(PackageError::Other(Some(
                format!(
                    "kyr works offline and does not download packages such as `{package}`; \
                     copy the files you need into `templates/pdf/` and import them by path"
                )
                .into(),
            )))),
            VirtualRoot::Project => Ok(()),
        }
    }

    /// An image under the project root, after following links.
    fn image(&self, id: FileId) -> FileResult<Bytes> {
        let vpath = id.vpath();
        let allowed = vpath
            .extension()
            .is_some_and(|e| IMAGE_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()));
        if !allowed {
            return Err(FileError::Other(Some(
                format!(
                    "kyr gives templates only images ({}) from the project; `{}` is not one",
                    IMAGE_EXTENSIONS.join(", "),
                    vpath.get_with_slash()
                )
                .into(),
            )));
        }
        let path: PathBuf = self.root.join(vpath.get_without_slash());
        let real = path
            .canonicalize()
            .map_err(|e| FileError::from_io(e, Path::new(vpath.get_without_slash())))?;
        if !real.starts_with(self.root) {
            return Err(FileError::Other(Some(
                format!(
                    "`{}` leads outside the project and is not read",
                    vpath.get_with_slash()
                )
                .into(),
            )));
        }
        if real.is_dir() {
            return Err(FileError::IsDirectory);
        }
        let size = std::fs::metadata(&real).map_or(0, |m| m.len());
        if size > self.max_image_bytes {
            return Err(FileError::Other(Some(
                format!(
                    "`{}` is {size} bytes, more than the limit of {} (`max_binary_bytes` under `[limits]` in kyr.toml)",
                    vpath.get_with_slash(),
                    self.max_image_bytes
                )
                .into(),
            )));
        }
        std::fs::read(&real)
            .map(Bytes::new)
            .map_err(|e| FileError::from_io(e, Path::new(vpath.get_without_slash())))
    }
}

impl World for KyrWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.fonts.book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        self.record(id);
        Self::refuse_package(id)?;
        if id == self.main.id() {
            return Ok(self.main.clone());
        }
        if let Some(source) = self.templates.get(&id) {
            return Ok(source.clone());
        }
        let path = id.vpath().get_with_slash();
        if path.starts_with(TEMPLATE_DIR) {
            Err(FileError::NotFound(PathBuf::from(
                id.vpath().get_without_slash(),
            )))
        } else {
            Err(FileError::Other(Some(
                format!("templates can import only files in `templates/pdf/`, not `{path}`").into(),
            )))
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        self.record(id);
        Self::refuse_package(id)?;
        if id == self.main.id() {
            return Ok(Bytes::from_string(self.main.clone()));
        }
        if id == file_id(DATA_PATH) {
            return Ok(self.data.clone());
        }
        if let Some(source) = self.templates.get(&id) {
            return Ok(Bytes::from_string(source.clone()));
        }
        self.image(id)
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.fonts.get(index).cloned()
    }

    fn today(&self, offset: Option<Duration>) -> Option<Datetime> {
        // The build time is UTC; an explicit offset moves it.
        let shift = offset.map_or(0.0, |d| d.seconds());
        let when = self.now.checked_add(time::Duration::seconds_f64(shift))?;
        Datetime::from_ymd(when.year(), when.month() as u8, when.day())
    }
}
