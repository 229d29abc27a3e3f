//! RENDER: the document model -> output bytes, one module per back end.
//! Back ends never see Markdown or Fluent, only [`crate::doc::model`].

pub mod html;
pub mod qr;
pub mod typst;

use std::fmt;
use std::str::FromStr;

/// An output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// Self-contained HTML pages.
    Html,
    /// Printable PDF.
    Pdf,
}

impl FromStr for Format {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "html" => Ok(Format::Html),
            "pdf" => Ok(Format::Pdf),
            other => Err(format!("unknown format `{other}`: use html or pdf")),
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Format::Html => "html",
            Format::Pdf => "pdf",
        })
    }
}
