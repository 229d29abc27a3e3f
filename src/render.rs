//! RENDER: the one contract the three back ends (HTML, PDF, text)
//! implement, so the build driver can loop over formats knowing none of
//! them. Given a skeleton, a format says which files it will write
//! ([`Planned`]: path, format, layout); given a resolved page, which it
//! only reads, it returns those files, what it found ([`Rendered`]: the
//! diagnostics) and the facts later passes need ([`Facts`]: characters a
//! page uses per web font family, recordings it plays, project files its
//! templates read, characters no font could draw). Facts travel in the
//! job records: nothing reads them back out of written files.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::base::diag::Diagnostic;
use crate::config::Locale;
use crate::doc::Skeleton;
use crate::i18n::page::Page;

/// An output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// Self-contained HTML pages.
    Html,
    /// Printable PDF.
    Pdf,
    /// Plain text to forward in a chat (`<doc>.txt`) or by SMS
    /// (`<doc>.sms.txt`).
    Text,
}

impl FromStr for Format {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "html" => Ok(Format::Html),
            "pdf" => Ok(Format::Pdf),
            "text" | "txt" => Ok(Format::Text),
            other => Err(format!("unknown format `{other}`: use html, pdf or text")),
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Format::Html => "html",
            Format::Pdf => "pdf",
            Format::Text => "text",
        })
    }
}

/// One file a format writes for a document in a locale.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Planned {
    /// Path under the output folder, with `/`: `fr/red-card.card.pdf`.
    pub(crate) path: String,
    /// The format that writes it.
    pub(crate) format: Format,
    /// Which of the format's files it is, when the format writes several
    /// for one document (`card-sheet`, `sms`); reports and manifests
    /// give it.
    pub(crate) layout: Option<&'static str>,
}

impl Planned {
    /// The file `name` in the folder of `locale`.
    pub(crate) fn new(
        locale: &Locale,
        name: &str,
        format: Format,
        layout: Option<&'static str>,
    ) -> Self {
        Planned {
            path: format!("{}/{name}", locale.tag),
            format,
            layout,
        }
    }
}

/// What a format made of a resolved page.
#[derive(Default)]
pub(crate) struct Rendered {
    /// Each planned file with its bytes, or `None` when it failed.
    pub(crate) files: Vec<(Planned, Option<Vec<u8>>)>,
    /// What rendering found, in the order found (under `--strict`
    /// already errors).
    pub(crate) diagnostics: Vec<Diagnostic>,
    /// The page itself turned out to be broken while rendering (a wallet
    /// card whose sides have an error of their own): like an error in its
    /// skeleton, none of the job's outputs may be written.
    pub(crate) page_failed: bool,
    /// What later passes need to know of the page.
    pub(crate) facts: Facts,
}

/// What later passes need to know of a rendered page, recorded with it:
/// the web fonts of its folder, the recordings copied beside it and the
/// bundle's voice notes, the files a rebuild must check, the report's
/// summary of missing characters.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Facts {
    /// The characters the page's text uses, by the web font family that
    /// draws them (HTML): its folder's font subsets hold them.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub(crate) chars: BTreeMap<String, String>,
    /// The recordings the page plays, by file name in its locale's
    /// `audio/` folder, in reading order (HTML).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) recordings: Vec<String>,
    /// Project files the templates read (images), under the root (PDF);
    /// a record keeps them with their hashes instead.
    #[serde(skip)]
    pub(crate) reads: Vec<String>,
    /// Characters no bundled font could draw, by where they are written
    /// (PDF).
    #[serde(default)]
    pub(crate) missing_glyphs: Vec<MissingGlyphs>,
}

/// An output format: HTML, PDF or text.
pub(crate) trait OutputFormat: Sync {
    /// Which format it is.
    fn format(&self) -> Format;

    /// The files it writes for `skeleton` in `locale`, in order.
    fn outputs(&self, skeleton: &Skeleton, locale: &Locale) -> Vec<Planned>;

    /// The files of a resolved page (each of [`OutputFormat::outputs`],
    /// made or failed), what rendering found and the facts later passes
    /// need.
    fn render(&self, skeleton: &Skeleton, page: &Page) -> Rendered;
}

/// Where characters no bundled font can draw are written.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(tag = "in", rename_all = "lowercase")]
pub enum GlyphPlace {
    /// A message, in the locale whose text was used.
    Message {
        /// That locale's tag.
        locale: String,
        /// Message id (`id` or `id.attr`).
        id: String,
    },
    /// A variable (`hotline`), from kyr.toml.
    Variable {
        /// Its name, without `$`.
        name: String,
    },
    /// The document's own text: its skeleton, or a template.
    Document {
        /// The document's name.
        name: String,
    },
}

/// Characters of one page that no bundled font can draw, and where they
/// are written.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MissingGlyphs {
    /// The page's locale.
    pub locale: String,
    /// The page's document.
    pub document: String,
    /// Where the characters are written.
    pub place: GlyphPlace,
    /// The characters, in the order they are written there.
    #[serde(with = "as_text")]
    pub chars: Vec<char>,
}

/// Characters serialized as one string.
mod as_text {
    use serde::{Deserialize, Deserializer, Serializer};

    pub(super) fn serialize<S: Serializer>(chars: &[char], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&chars.iter().collect::<String>())
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<char>, D::Error> {
        Ok(String::deserialize(d)?.chars().collect())
    }
}
