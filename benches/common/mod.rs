//! What the benchmarks share: the plainest World typst can compile from,
//! to time typst alone on the sources kyr generates.

use std::collections::HashMap;

use kyr::pdf::fonts::FontSet;
use kyr::pdf::world::{DATA_PATH, file_id};
use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration as TypstDuration};
use typst::syntax::{FileId, Source};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, World};

/// The plainest World typst can compile from: sources and data in memory,
/// fonts preloaded.
pub(crate) struct BareWorld {
    /// The standard library.
    pub(crate) library: LazyHash<Library>,
    /// The bundled fonts, parsed beforehand.
    pub(crate) fonts: &'static FontSet,
    /// The main source.
    pub(crate) main: FileId,
    /// The main source and the templates.
    pub(crate) sources: HashMap<FileId, Source>,
    /// The document's data file.
    pub(crate) data: Bytes,
}

impl World for BareWorld {
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
