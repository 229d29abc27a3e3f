//! Fonts that travel with the pages. A page's `@font-face` rules name the
//! bundled fonts its own characters need; the pages of one folder share a
//! `fonts/` folder beside them holding, for each such font, a WOFF2 subset
//! of the characters those pages use. The subsets keep the shaping tables
//! (GSUB, GPOS, GDEF), so Arabic and Adlam still join. A folder at or below
//! the page, because Firefox refuses fonts from a parent folder of a
//! `file://` page.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::LazyLock;

use unicode_script::{Script, UnicodeScript};
use write_fonts::read::FontRef;
use write_fonts::read::collections::IntSet;
use write_fonts::read::types::{GlyphId, NameId, Tag};

use crate::base::fonts::bundled;

/// The folder of a page folder's fonts.
pub(crate) const FONTS_DIR: &str = "fonts";

/// A family the pages may load.
struct WebFamily {
    /// The CSS family name, as `style.css` lists it.
    name: &'static str,
    /// The regular face's file, then the bold one's when there is one.
    faces: &'static [(u16, &'static str)],
    /// The script whose characters it draws; none for the Latin face.
    script: Option<Script>,
}

/// The families. A character of a script (by its Unicode script
/// extensions: Arabic's comma and its vowel marks are Arabic) is given to
/// that script's family, and every other character the Latin face has
/// (spaces, digits, colons, in Arabic and Adlam text too) to the Latin
/// face, the first; a character neither has is left to the system. Each
/// family's `@font-face` rules then name only its own characters, and
/// `style.css` lists the Latin face first: a system font that shares a
/// script family's name (Noto Naskh Arabic, Noto Sans Devanagari are
/// installed on many desktops, and also have Latin letters, digits and
/// punctuation) never draws the page's Latin text, whether the page
/// loads that family or not. The system's own fonts come after them all,
/// for what none of them has.
const FAMILIES: &[WebFamily] = &[
    WebFamily {
        name: "Noto Sans",
        faces: &[(400, "NotoSans-Regular.ttf"), (700, "NotoSans-Bold.ttf")],
        script: None,
    },
    WebFamily {
        name: "Noto Naskh Arabic",
        faces: &[
            (400, "NotoNaskhArabic-Regular.ttf"),
            (700, "NotoNaskhArabic-Bold.ttf"),
        ],
        script: Some(Script::Arabic),
    },
    WebFamily {
        name: "Noto Sans Adlam",
        faces: &[
            (400, "NotoSansAdlam-Regular.ttf"),
            (700, "NotoSansAdlam-Bold.ttf"),
        ],
        script: Some(Script::Adlam),
    },
    WebFamily {
        name: "Noto Sans Ethiopic",
        faces: &[
            (400, "NotoSansEthiopic-Regular.ttf"),
            (700, "NotoSansEthiopic-Bold.ttf"),
        ],
        script: Some(Script::Ethiopic),
    },
    WebFamily {
        name: "Noto Sans Devanagari",
        faces: &[
            (400, "NotoSansDevanagari-Regular.ttf"),
            (700, "NotoSansDevanagari-Bold.ttf"),
        ],
        script: Some(Script::Devanagari),
    },
    WebFamily {
        name: "Noto Sans Bengali",
        faces: &[
            (400, "NotoSansBengali-Regular.ttf"),
            (700, "NotoSansBengali-Bold.ttf"),
        ],
        script: Some(Script::Bengali),
    },
    WebFamily {
        name: "Noto Sans Hebrew",
        faces: &[
            (400, "NotoSansHebrew-Regular.ttf"),
            (700, "NotoSansHebrew-Bold.ttf"),
        ],
        script: Some(Script::Hebrew),
    },
    WebFamily {
        name: "Noto Sans NKo",
        faces: &[(400, "NotoSansNKo-Regular.ttf")],
        script: Some(Script::Nko),
    },
];

/// The characters each family's regular face has, read once.
static COVERAGE: LazyLock<Vec<BTreeSet<u32>>> = LazyLock::new(|| {
    FAMILIES
        .iter()
        .map(|family| {
            let mut covered = BTreeSet::new();
            let face = bundled(family.faces[0].1)
                .and_then(|file| ttf_parser::Face::parse(file.data, 0).ok());
            if let Some(cmap) = face.as_ref().and_then(|f| f.tables().cmap) {
                for subtable in cmap.subtables.into_iter().filter(|s| s.is_unicode()) {
                    subtable.codepoints(|c| {
                        if subtable.glyph_index(c).is_some_and(|g| g.0 != 0) {
                            covered.insert(c);
                        }
                    });
                }
            }
            covered
        })
        .collect()
});

/// The characters of `text` (with printable ASCII, which markup escapes)
/// by the family that draws them ([`FAMILIES`]); characters no family
/// has are left to the system.
fn by_family(text: &str) -> BTreeMap<usize, BTreeSet<u32>> {
    let chars: BTreeSet<char> = text
        .chars()
        .filter(|c| !c.is_control())
        .chain((0x20u8..0x7f).map(char::from))
        .collect();
    let mut out: BTreeMap<usize, BTreeSet<u32>> = BTreeMap::new();
    for c in chars {
        if let Some(family) = family_of(c) {
            out.entry(family).or_default().insert(u32::from(c));
        }
    }
    out
}

/// The family that draws `c`: the first of its scripts' families that
/// has it, otherwise the Latin face when it has it.
fn family_of(c: char) -> Option<usize> {
    let scripts = c.script_extension();
    let own = |family: &WebFamily| {
        family.script.is_some_and(|script| {
            !scripts.is_common() && !scripts.is_inherited() && scripts.contains_script(script)
        })
    };
    let has = |family: usize| COVERAGE[family].contains(&u32::from(c));
    (0..FAMILIES.len())
        .find(|&f| own(&FAMILIES[f]) && has(f))
        .or_else(|| (0..FAMILIES.len()).find(|&f| FAMILIES[f].script.is_none() && has(f)))
}

/// Whether `path` (under the output folder, with `/`) is a page folder's
/// font, which [`folder_fonts`] makes from the pages beside it.
pub(crate) fn is_page_font(path: &str) -> bool {
    path.ends_with(".woff2") && path.rsplit('/').nth(1) == Some(FONTS_DIR)
}

/// The file name of a face's subset in the `fonts/` folder.
fn woff2_name(ttf: &str) -> String {
    format!("{}.woff2", ttf.trim_end_matches(".ttf"))
}

/// The `@font-face` rules of a page whose HTML is `html`: each face of
/// each family its characters need, limited to those characters, loaded
/// from the `fonts/` folder beside it.
pub(crate) fn font_faces(html: &str) -> String {
    let mut css = String::new();
    for (family, chars) in by_family(html) {
        let family = &FAMILIES[family];
        let range = unicode_range(&chars);
        for (weight, file) in family.faces {
            css.push_str(&format!(
                "@font-face{{font-family:\"{}\";font-weight:{weight};font-display:swap;src:url(\"{FONTS_DIR}/{}\") format(\"woff2\");unicode-range:{range}}}\n",
                family.name,
                woff2_name(file)
            ));
        }
    }
    css
}

/// `chars` as CSS `unicode-range` values: `U+41-5A,U+E9`.
fn unicode_range(chars: &BTreeSet<u32>) -> String {
    let mut ranges: Vec<(u32, u32)> = Vec::new();
    for &c in chars {
        match ranges.last_mut() {
            Some((_, end)) if *end + 1 == c => *end = c,
            _ => ranges.push((c, c)),
        }
    }
    ranges
        .iter()
        .map(|&(start, end)| {
            if start == end {
                format!("U+{start:X}")
            } else {
                format!("U+{start:X}-{end:X}")
            }
        })
        .collect::<Vec<_>>()
        .join(",")
}

/// The characters of a page whose HTML is `html`, by the name of the
/// family that draws them: the fact its folder's fonts are made from.
pub(crate) fn page_chars(html: &str) -> BTreeMap<String, String> {
    by_family(html)
        .into_iter()
        .map(|(family, chars)| {
            let chars = chars.into_iter().filter_map(char::from_u32).collect();
            (FAMILIES[family].name.to_owned(), chars)
        })
        .collect()
}

/// One font a folder's pages need: its file name in `fonts/`, the
/// bundled face it is cut from, and the characters it must draw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FontNeed {
    /// Its file name in `fonts/` (`NotoSans-Regular.woff2`).
    pub(crate) name: String,
    /// The bundled face (`NotoSans-Regular.ttf`).
    pub(crate) face: &'static str,
    /// The characters, as code points.
    pub(crate) chars: BTreeSet<u32>,
}

impl FontNeed {
    /// The WOFF2 subset: a pure function of the face and the characters.
    pub(crate) fn make(&self) -> Result<Vec<u8>, String> {
        let data = bundled(self.face)
            .ok_or_else(|| format!("the bundled font `{}` is missing", self.face))?
            .data;
        woff2_subset(data, &self.chars)
    }
}

/// The fonts of a folder whose pages use `pages` (each page's
/// [`page_chars`]): for every face a page's rules name, its file name in
/// `fonts/` and the characters all the pages give its family.
pub(crate) fn folder_needs<'a>(
    pages: impl IntoIterator<Item = &'a BTreeMap<String, String>>,
) -> Vec<FontNeed> {
    let mut chars: BTreeMap<usize, BTreeSet<u32>> = BTreeMap::new();
    // No pages, no fonts (the printable ASCII a page is given is not
    // text of its own).
    for page in pages {
        for (name, some) in page {
            // A family this kyr no longer has (a record of an older one)
            // is left to the system's fonts.
            if let Some(family) = FAMILIES.iter().position(|f| f.name == name) {
                chars
                    .entry(family)
                    .or_default()
                    .extend(some.chars().map(u32::from));
            }
        }
    }
    let mut needs = Vec::new();
    for (family, chars) in chars {
        for (_, face) in FAMILIES[family].faces {
            needs.push(FontNeed {
                name: woff2_name(face),
                face,
                chars: chars.clone(),
            });
        }
    }
    needs
}

/// The fonts of a folder whose pages use `pages` ([`folder_needs`]), each
/// file name with its WOFF2 subset.
pub(crate) fn folder_fonts<'a>(
    pages: impl IntoIterator<Item = &'a BTreeMap<String, String>>,
) -> Result<Vec<(String, Vec<u8>)>, String> {
    folder_needs(pages)
        .into_iter()
        .map(|need| Ok((need.name.clone(), need.make()?)))
        .collect()
}

/// The most bytes a folder's fonts should take: a phone on a slow
/// connection loads them with the first page it opens.
pub(crate) const FONT_BUDGET_BYTES: u64 = 200 * 1024;

/// The characters of `pages` (each page's [`page_chars`]) whose glyphs
/// take the most bytes in the bundled fonts, most first, at most `most`
/// of them, with their bytes (summed over a family's faces). A glyph's
/// bytes are its outline's in the font (`glyf`), before compression.
pub(crate) fn costliest_chars<'a>(
    pages: impl IntoIterator<Item = &'a BTreeMap<String, String>>,
    most: usize,
) -> Vec<(char, usize)> {
    let mut families: BTreeMap<usize, BTreeSet<char>> = BTreeMap::new();
    for page in pages {
        for (name, chars) in page {
            if let Some(family) = FAMILIES.iter().position(|f| f.name == name) {
                families.entry(family).or_default().extend(chars.chars());
            }
        }
    }
    let mut cost: BTreeMap<char, usize> = BTreeMap::new();
    for (family, chars) in families {
        for (_, file) in FAMILIES[family].faces {
            let Some(face) = bundled(file).and_then(|f| ttf_parser::Face::parse(f.data, 0).ok())
            else {
                continue;
            };
            for &c in &chars {
                *cost.entry(c).or_default() += glyph_bytes(&face, c);
            }
        }
    }
    let mut cost: Vec<(char, usize)> = cost.into_iter().collect();
    cost.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    cost.truncate(most);
    cost
}

/// The bytes of `c`'s outline in `face` (0 when it has none there).
fn glyph_bytes(face: &ttf_parser::Face, c: char) -> usize {
    let (Some(glyph), Some(loca)) = (
        face.glyph_index(c),
        face.raw_face().table(ttf_parser::Tag::from_bytes(b"loca")),
    ) else {
        return 0;
    };
    let long = face.tables().head.index_to_location_format
        == ttf_parser::head::IndexToLocationFormat::Long;
    let offset = |index: usize| -> Option<usize> {
        if long {
            let b = loca.get(index * 4..index * 4 + 4)?;
            Some(u32::from_be_bytes([b[0], b[1], b[2], b[3]]) as usize)
        } else {
            let b = loca.get(index * 2..index * 2 + 2)?;
            Some(usize::from(u16::from_be_bytes([b[0], b[1]])) * 2)
        }
    };
    let index = usize::from(glyph.0);
    match (offset(index), offset(index + 1)) {
        (Some(start), Some(end)) => end.saturating_sub(start),
        _ => 0,
    }
}

/// The part of font `data` that draws `chars`, with every glyph its
/// shaping may substitute and every layout feature, as WOFF2.
pub(crate) fn woff2_subset(data: &[u8], chars: &BTreeSet<u32>) -> Result<Vec<u8>, String> {
    let ttf = subset(data, chars)?;
    // Brotli at 6: at 7 and above the encoder sets up a hash table sized
    // for megabytes of input for every subset of a few dozen KB (at 9,
    // some 13 MB of freshly zeroed pages each: 217,000 page faults for the
    // shipped content's 66 fonts, more system time than all the user
    // time). At 6 those fonts take 0.8 % more bytes than at 9 and a third
    // of the CPU (BENCHMARKS.md).
    ttf2woff2::encode(&ttf, ttf2woff2::BrotliQuality::from(6))
        .map_err(|e| format!("cannot encode WOFF2: {e}"))
}

/// The part of font `data` that draws `chars` (see [`woff2_subset`]), as
/// an OpenType font.
fn subset(data: &[u8], chars: &BTreeSet<u32>) -> Result<Vec<u8>, String> {
    let font = FontRef::new(data).map_err(|e| format!("unreadable font: {e}"))?;
    let mut unicodes = IntSet::<u32>::empty();
    for &c in chars {
        unicodes.insert(c);
    }
    // Tables no browser reads for this text: the ones hb-subset drops by
    // default (Apple layout, bitmaps, SVG, Graphite, ...).
    let drop: IntSet<Tag> = [
        skera::MORX,
        skera::MORT,
        skera::KERX,
        skera::KERN,
        skera::JSTF,
        skera::DSIG,
        skera::EBSC,
        skera::PCLT,
        skera::LTSH,
        skera::GLAT,
        skera::GLOC,
        skera::SILF,
        skera::SILL,
        Tag::new(b"EBDT"),
        Tag::new(b"EBLC"),
        Tag::new(b"SVG "),
        Tag::new(b"feat"),
    ]
    .into_iter()
    .collect();
    let mut name_ids = IntSet::<NameId>::empty();
    name_ids.insert_range(NameId::from(0)..=NameId::from(6));
    let mut name_languages = IntSet::<u16>::empty();
    name_languages.insert(0x0409);
    let plan = skera::Plan::new(
        &IntSet::<GlyphId>::empty(),
        &unicodes,
        &font,
        skera::SubsetFlags::default(),
        &drop,
        &IntSet::<Tag>::all(),
        &IntSet::<Tag>::all(),
        &name_ids,
        &name_languages,
    );
    skera::subset_font(&font, &plan).map_err(|e| format!("cannot subset: {e}"))
}

#[cfg(test)]
mod tests {
    use write_fonts::read::TableProvider;

    use super::*;

    fn chars(text: &str) -> BTreeSet<u32> {
        text.chars().map(u32::from).collect()
    }

    #[test]
    fn each_script_goes_to_its_family_and_latin_to_noto_sans() {
        let families = by_family("Pulaar 𞤆𞤵𞤤𞤢𞤪 العربية ɓ");
        let names: Vec<&str> = families.keys().map(|&f| FAMILIES[f].name).collect();
        assert_eq!(names, ["Noto Sans", "Noto Naskh Arabic", "Noto Sans Adlam"]);
        let adlam = &families[&2];
        assert!(adlam.contains(&0x1E906) && !adlam.contains(&u32::from('P')));
        // Pulaar's hooked letters are Latin.
        assert!(families[&0].contains(&u32::from('ɓ')));
    }

    #[test]
    fn latin_punctuation_goes_to_the_latin_face_and_a_scripts_own_marks_to_its_family() {
        // Noto Naskh Arabic and Noto Sans Adlam have spaces, colons and
        // digits too: they stay with the Latin face, in their text as well.
        let families = by_family("حَقُّك: ١٢ 𞤆𞤵𞤤𞤢𞤪 12، ـ ⋮");
        let latin = &families[&0];
        for c in [' ', ':', '1', '2'] {
            assert!(latin.contains(&u32::from(c)), "{c:?}");
        }
        // Arabic's comma (a character of several scripts), its vowel
        // marks and the joining stroke go with its letters.
        let arabic = &families[&1];
        for c in ['ح', '\u{064E}', '\u{0651}', '١', '،', 'ـ'] {
            assert!(arabic.contains(&u32::from(c)), "{c:?}");
        }
        assert!(!arabic.contains(&u32::from(':')) && !arabic.contains(&0x20));
        assert!(!families[&2].contains(&0x20));
        // A character of no script, which only a script's font has (the
        // Ethiopic face's vertical ellipsis), is the system's.
        assert!(families.values().all(|chars| !chars.contains(&0x22EE)));
    }

    #[test]
    fn the_stylesheet_lists_the_latin_face_first_and_the_systems_fonts_last() {
        let css = include_str!("../../templates/html/style.css");
        let body = css.lines().find(|l| l.starts_with("body{")).unwrap();
        let stack = body
            .split_once("font:")
            .unwrap()
            .1
            .split(';')
            .next()
            .unwrap();
        let at = |name: &str| {
            stack
                .find(name)
                .unwrap_or_else(|| panic!("{name} is not in {stack}"))
        };
        assert!(stack.contains("/1.55 \"Noto Sans\","), "{stack}");
        for family in &FAMILIES[1..] {
            assert!(
                at(&format!("\"{}\"", family.name)) < at("system-ui"),
                "{stack}"
            );
        }
        assert!(!stack.ends_with("\"Noto Sans\",sans-serif"), "{stack}");
    }

    #[test]
    fn rules_load_only_the_faces_a_page_needs_from_beside_it() {
        let css = font_faces("<p>𞤆𞤵𞤤𞤢𞤪</p>");
        assert!(css.contains("font-family:\"Noto Sans Adlam\";font-weight:400"));
        assert!(css.contains("src:url(\"fonts/NotoSansAdlam-Bold.woff2\")"));
        assert!(
            css.contains("unicode-range:U+1E906,U+1E922,U+1E924,U+1E92A,U+1E935}"),
            "{css}"
        );
        assert!(!css.contains("Arabic"));
        assert_eq!(unicode_range(&chars("abcx")), "U+61-63,U+78");
    }

    #[test]
    fn a_subset_is_small_woff2_that_keeps_shaping_tables() {
        let arabic = bundled("NotoNaskhArabic-Regular.ttf").unwrap().data;
        let woff2 = woff2_subset(arabic, &chars("حقوقك")).unwrap();
        assert_eq!(&woff2[..4], b"wOF2");
        assert!(woff2.len() < arabic.len() / 4, "{} bytes", woff2.len());
        // The same subset before encoding keeps GSUB and GPOS, and the
        // contextual forms its letters join with.
        let ttf = subset(arabic, &chars("حقوقك")).unwrap();
        let subset = FontRef::new(&ttf).unwrap();
        assert!(subset.gsub().is_ok() && subset.gpos().is_ok());
        let glyphs = subset.maxp().unwrap().num_glyphs();
        assert!(
            glyphs > 10,
            "only {glyphs} glyphs: the joining forms are gone"
        );
        // Deterministic: the same text gives the same bytes.
        assert_eq!(woff2, woff2_subset(arabic, &chars("حقوقك")).unwrap());
    }
}
