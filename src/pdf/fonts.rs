//! The fonts every PDF is set in: the Noto faces bundled into the binary
//! (parsed once per process) and any a project adds under
//! `templates/fonts/`. The order is fixed so the same inputs give the same
//! bytes. System fonts are never looked at.

use std::sync::LazyLock;

use typst::foundations::Bytes;
use typst::text::{Font, FontBook};

use crate::base::fonts::BUNDLED;

/// The family names the templates ask for, in fallback order: Latin,
/// Cyrillic and Greek first, then each script's face.
#[cfg(test)]
const FAMILIES: &[&str] = &[
    "Noto Sans",
    "Noto Naskh Arabic",
    "Noto Sans Adlam",
    "Noto Sans Ethiopic",
    "Noto Sans Devanagari",
    "Noto Sans Bengali",
    "Noto Sans Hebrew",
    "Noto Sans NKo",
];

/// The monospace family.
#[cfg(test)]
const MONO_FAMILY: &str = "Noto Sans Mono";

/// Fonts and the book Typst selects from.
#[derive(Clone)]
pub(crate) struct FontSet {
    /// Metadata of every font, in order.
    pub book: typst::utils::LazyHash<FontBook>,
    /// The fonts, indexed like the book.
    pub fonts: Vec<Font>,
}

static BUNDLED_FONTS: LazyLock<Vec<Font>> = LazyLock::new(|| {
    BUNDLED
        .iter()
        .flat_map(|file| {
            let fonts: Vec<Font> = Font::iter(Bytes::new(file.data)).collect();
            debug_assert!(
                !fonts.is_empty(),
                "bundled font {} is unreadable",
                file.name
            );
            fonts
        })
        .collect()
});

static BUNDLED_SET: LazyLock<FontSet> = LazyLock::new(|| FontSet::new(BUNDLED_FONTS.clone()));

impl FontSet {
    fn new(fonts: Vec<Font>) -> Self {
        FontSet {
            book: typst::utils::LazyHash::new(FontBook::from_fonts(&fonts)),
            fonts,
        }
    }

    /// The bundled fonts alone, parsed on first use and shared by every
    /// compile in the process.
    pub(crate) fn bundled() -> &'static FontSet {
        &BUNDLED_SET
    }

    /// The bundled fonts followed by a project's own, in the order given.
    /// A project file identical to a bundled one (a project may keep a copy
    /// of kyr's fonts in its `templates/fonts/`) is not added twice.
    /// Returns the names of files that hold no readable font.
    pub(crate) fn with_project_fonts(files: &[(String, Vec<u8>)]) -> (FontSet, Vec<String>) {
        let mut fonts = BUNDLED_FONTS.clone();
        let mut unreadable = Vec::new();
        for (name, data) in files {
            if BUNDLED.iter().any(|b| b.data == data.as_slice()) {
                continue;
            }
            let before = fonts.len();
            fonts.extend(Font::iter(Bytes::new(data.clone())));
            if fonts.len() == before {
                unreadable.push(name.clone());
            }
        }
        if fonts.len() == BUNDLED_FONTS.len() {
            return (BUNDLED_SET.clone(), unreadable);
        }
        (FontSet::new(fonts), unreadable)
    }

    /// Whether some font in the set has a glyph for `c`.
    pub(crate) fn covers(&self, c: char) -> bool {
        self.fonts
            .iter()
            .any(|f| f.info().coverage.contains(c as u32))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bundled_file_parses_and_every_family_is_present() {
        let set = FontSet::bundled();
        assert!(set.fonts.len() >= BUNDLED.len());
        for family in FAMILIES.iter().chain([&MONO_FAMILY]) {
            assert!(
                set.book
                    .families()
                    .any(|(name, _)| name.eq_ignore_ascii_case(family)),
                "family {family} missing"
            );
        }
    }

    #[test]
    fn bundled_fonts_cover_the_scripts_kyr_promises() {
        let set = FontSet::bundled();
        for c in "ɓɗŋƴñëàЖΩعربي𞤀𞤢ሰलবשߊ".chars() {
            assert!(set.covers(c), "U+{:04X} not covered", c as u32);
        }
        assert!(!set.covers('\u{2D5C}'), "Tifinagh is not bundled");
    }

    #[test]
    fn project_fonts_come_after_the_bundled_ones_and_copies_are_skipped() {
        let bundled = FontSet::bundled().fonts.len();
        let copy = BUNDLED[0].data.to_vec();
        let (set, unreadable) =
            FontSet::with_project_fonts(&[("NotoSans-Regular.ttf".into(), copy.clone())]);
        assert_eq!(set.fonts.len(), bundled);
        assert!(unreadable.is_empty());

        // A different file (here: the same font with a byte appended).
        let mut other = copy;
        other.push(0);
        let files = [
            ("Other.ttf".to_owned(), other),
            ("notes.ttf".to_owned(), b"text".to_vec()),
        ];
        let (set, unreadable) = FontSet::with_project_fonts(&files);
        assert_eq!(set.fonts.len(), bundled + 1);
        assert_eq!(unreadable, ["notes.ttf"]);
        assert_eq!(set.book.info(bundled).unwrap().family, "Noto Sans");
    }
}
