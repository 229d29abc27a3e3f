//! What the benchmarks share: the plainest World typst can compile from,
//! to time typst alone on the sources kyr generates.

use std::collections::HashMap;
use std::path::Path;

use kyr::inspect::{DATA_PATH, MAIN_PATH, TEMPLATE_DIR, TypstSources};
use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration as TypstDuration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, World};

/// The id of a file at `path` in the virtual root, as kyr names it.
pub(crate) fn file_id(path: &str) -> FileId {
    let vpath = VirtualPath::new(path).expect("a valid virtual path");
    RootedPath::new(VirtualRoot::Project, vpath).intern()
}

/// kyr's bundled fonts, parsed once, and their book.
pub(crate) struct Fonts {
    pub(crate) book: LazyHash<FontBook>,
    pub(crate) fonts: &'static [Font],
}

impl Fonts {
    pub(crate) fn bundled() -> Fonts {
        let fonts = kyr::inspect::bundled_fonts();
        Fonts {
            book: LazyHash::new(FontBook::from_fonts(fonts)),
            fonts,
        }
    }
}

/// The built-in templates a handout imports, read from `templates/pdf/`
/// under `manifest` (a project without templates of its own uses these).
pub(crate) fn handout_templates(manifest: &Path) -> HashMap<FileId, Source> {
    ["kyr.typ", "handout.typ"]
        .iter()
        .map(|name| {
            let id = file_id(&format!("{TEMPLATE_DIR}{name}"));
            let path = manifest.join("templates/pdf").join(name);
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("failed to read `{}`: {e}", path.display()));
            (id, Source::new(id, text))
        })
        .collect()
}

/// The plainest World typst can compile from: sources and data in memory,
/// fonts preloaded.
pub(crate) struct BareWorld<'a> {
    /// The standard library.
    pub(crate) library: LazyHash<Library>,
    /// The bundled fonts, parsed beforehand.
    pub(crate) fonts: &'a Fonts,
    /// The main source.
    pub(crate) main: FileId,
    /// The main source and the templates.
    pub(crate) sources: HashMap<FileId, Source>,
    /// The document's data file.
    pub(crate) data: Bytes,
}

impl<'a> BareWorld<'a> {
    /// A world for the sources kyr generated, with these templates.
    pub(crate) fn new(
        library: &LazyHash<Library>,
        fonts: &'a Fonts,
        templates: &HashMap<FileId, Source>,
        generated: TypstSources,
    ) -> Self {
        let main = file_id(MAIN_PATH);
        let mut sources = templates.clone();
        sources.insert(main, Source::new(main, generated.main));
        BareWorld {
            library: library.clone(),
            fonts,
            main,
            sources,
            data: Bytes::new(generated.data),
        }
    }
}

impl World for BareWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.library
    }
    fn book(&self) -> &LazyHash<FontBook> {
        &self.fonts.book
    }
    fn main(&self) -> FileId {
        self.main
    }
    fn source(&self, id: FileId) -> FileResult<Source> {
        self.sources
            .get(&id)
            .cloned()
            .ok_or_else(|| FileError::NotFound(id.vpath().get_without_slash().into()))
    }
    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == file_id(DATA_PATH) {
            return Ok(self.data.clone());
        }
        self.source(id).map(Bytes::from_string)
    }
    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.fonts.get(index).cloned()
    }
    fn today(&self, _: Option<TypstDuration>) -> Option<Datetime> {
        Datetime::from_ymd(1980, 1, 1)
    }
}
