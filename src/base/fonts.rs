//! The Noto font files bundled into the binary, by their names under
//! `assets/fonts/`: the PDFs are set in them, and the HTML pages carry
//! subsets of them.

/// A bundled font file: its name under `assets/fonts/` and its bytes.
pub(crate) struct BundledFile {
    /// The file name (`NotoSansAdlam-Regular.ttf`).
    pub(crate) name: &'static str,
    /// The font.
    pub(crate) data: &'static [u8],
}

macro_rules! bundled {
    ($($name:literal),* $(,)?) => {
        &[$(BundledFile {
            name: $name,
            data: include_bytes!(concat!("../../assets/fonts/", $name)),
        }),*]
    };
}

/// The bundled fonts, in the order they are tried. A `static`, not a
/// `const`: a constant is copied into each place that uses it, and the
/// binary held all 5.3 MB of fonts twice.
pub(crate) static BUNDLED: &[BundledFile] = bundled![
    "NotoSans-Regular.ttf",
    "NotoSans-Bold.ttf",
    "NotoSans-Italic.ttf",
    "NotoSans-BoldItalic.ttf",
    "NotoNaskhArabic-Regular.ttf",
    "NotoNaskhArabic-Bold.ttf",
    "NotoSansAdlam-Regular.ttf",
    "NotoSansAdlam-Bold.ttf",
    "NotoSansEthiopic-Regular.ttf",
    "NotoSansEthiopic-Bold.ttf",
    "NotoSansDevanagari-Regular.ttf",
    "NotoSansDevanagari-Bold.ttf",
    "NotoSansBengali-Regular.ttf",
    "NotoSansBengali-Bold.ttf",
    "NotoSansHebrew-Regular.ttf",
    "NotoSansHebrew-Bold.ttf",
    "NotoSansNKo-Regular.ttf",
    "NotoSansMono-Regular.ttf",
    "NotoSansMono-Bold.ttf",
];

/// The bundled file named `name`.
pub(crate) fn bundled(name: &str) -> Option<&'static BundledFile> {
    BUNDLED.iter().find(|f| f.name == name)
}
