//! The contract with the Typst templates: the data file each compile
//! reads (`json("/.kyr/document.json")`, bound to `doc` in the template).
//! Every key a template may read is a field here; a test fails when a
//! template under `templates/pdf/` reads one that is not. Templates can
//! check [`VERSION`] (`doc.kyr`).
//!
//! Every string in it is translated text or a value from `kyr.toml`, and
//! templates place it only as text: it is data, never Typst markup.

use std::collections::BTreeMap;

use serde::Serialize;
use unic_langid::LanguageIdentifier;

use crate::base::lang::Direction;
use crate::doc::model::{self, plain_text};
use crate::pdf::breaks::breakable;
use crate::pdf::geometry::{Mm, Sheet};

/// The version of this contract, `doc.kyr`. It changes when a key is
/// removed or changes meaning, so a project's own template can tell.
pub(crate) const VERSION: u32 = 3;

/// The data file: one document in one locale, for one template function.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) struct Data {
    /// On a card: the back, in the officer locale (`card`, `card-sheet`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) back: Option<Vec<Block>>,
    /// On a card: the officer locale's language.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) back_lang: Option<Lang>,
    /// On a card: its size in mm.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) card: Option<CardSize>,
    /// The locale's ten digits, zero first (CLDR's default numbering
    /// system for it: `𞥐`…`𞥙` in `ff-Adlm`), for the numbers a template
    /// writes itself, such as page numbers (since version 3).
    pub(crate) digits: [String; 10],
    /// The document's name (`at-the-door`).
    pub(crate) document: String,
    /// On a card sheet: the language of `texts.sheet-help` (the reference
    /// locale's).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) help_lang: Option<Lang>,
    /// The contract's version, [`VERSION`].
    pub(crate) kyr: u32,
    /// The page's language.
    pub(crate) lang: Lang,
    /// The template function called (`handout`, `booklet`, `card`,
    /// `card-sheet`).
    pub(crate) layout: String,
    /// Notices about the translation (partly or mostly in another
    /// language), each a line of inlines, for the top of the first page.
    pub(crate) notices: Vec<Vec<Inline>>,
    /// Typst's name for the paper (`a4`, `us-letter`, `a5`,
    /// `us-statement`).
    pub(crate) paper: &'static str,
    /// On a handout or booklet: a QR code to the web version, or a number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) qr: Option<Qr>,
    /// The notice about the translation's state, for every page and
    /// every card front: not translated yet (none of the text is), or
    /// not reviewed; `none` when it is reviewed.
    pub(crate) review_notice: Option<Vec<Inline>>,
    /// Whether a person reviewed the locale's translation.
    pub(crate) reviewed: bool,
    /// The body, cut where the skeleton's top-level blocks begin; the main
    /// source shows them with `section(doc.sections.at(i))`.
    pub(crate) sections: Vec<Vec<Block>>,
    /// On a card sheet: where the cards sit, in mm.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) sheet: Option<Sheet>,
    /// The sources the content is based on.
    pub(crate) sources: Vec<Source>,
    /// The page's BCP 47 tag (`ff-Adlm`).
    pub(crate) tag: String,
    /// kyr's interface texts by name (`help`, `not-legal-advice`,
    /// `last-reviewed`, `sources`, `languages`, `documents`, and on cards
    /// `sheet-help`; see `i18n::interface`).
    pub(crate) texts: BTreeMap<&'static str, Vec<Inline>>,
    /// The title.
    pub(crate) title: Vec<Inline>,
    /// The title as plain text, for the PDF's metadata.
    pub(crate) title_text: String,
}

/// A language as Typst's `text` wants it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct Lang {
    /// The BCP 47 tag.
    pub(crate) tag: String,
    /// A two- or three-letter ISO 639 code, or `und`.
    pub(crate) lang: String,
    /// A two-letter region, if the tag has one.
    pub(crate) region: Option<String>,
    /// The script subtag in lower case, if the tag has one.
    pub(crate) script: Option<String>,
    /// `ltr` or `rtl`.
    pub(crate) dir: &'static str,
    /// The language's own name (`Français`), which marks its text on a
    /// page in another language; `none` for the page's own language.
    pub(crate) name: Option<String>,
}

/// A source of the content.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Source {
    /// Who published it and what it is.
    pub(crate) name: String,
    /// Its address.
    pub(crate) url: String,
    /// The address as a reader of paper would type it.
    pub(crate) target: Option<String>,
}

/// A QR code.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Qr {
    /// The code as an SVG image.
    pub(crate) svg: String,
    /// Where it points, as printed beside it.
    pub(crate) target: String,
    /// Where it points.
    pub(crate) href: String,
    /// The page it leads to plays recordings: the code is labelled
    /// "Listen".
    pub(crate) listen: bool,
}

/// A card's size.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct CardSize {
    /// Width in mm.
    pub(crate) width: Mm,
    /// Height in mm.
    pub(crate) height: Mm,
}

/// A block, told apart by `k`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "k", rename_all = "lowercase")]
pub(crate) enum Block {
    /// A heading.
    Heading {
        /// 1 to 6.
        level: u8,
        /// Its text.
        c: Vec<Inline>,
    },
    /// A paragraph.
    Par {
        /// Its text.
        c: Vec<Inline>,
    },
    /// A list.
    List {
        /// The first number of a numbered list; `none` for bullets.
        start: Option<u64>,
        /// The items, each a sequence of blocks.
        items: Vec<Vec<Block>>,
    },
    /// A block quote.
    Quote {
        /// What it quotes.
        c: Vec<Block>,
    },
    /// Preformatted text.
    Code {
        /// The text.
        s: String,
    },
    /// A thematic break.
    Rule,
    /// Blocks in another language than the page's.
    Lang {
        /// Their language.
        lang: Lang,
        /// The blocks.
        c: Vec<Block>,
    },
}

/// A piece of inline content, told apart by `k`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "k", rename_all = "lowercase")]
pub(crate) enum Inline {
    /// Plain text.
    Text {
        /// The text.
        s: String,
    },
    /// Strong emphasis.
    Strong {
        /// What is emphasized.
        c: Vec<Inline>,
    },
    /// Emphasis.
    Emph {
        /// What is emphasized.
        c: Vec<Inline>,
    },
    /// Inline code.
    Code {
        /// The text.
        s: String,
    },
    /// A line break.
    Br,
    /// A link.
    Link {
        /// Where it goes.
        href: String,
        /// Where it goes as printed after the text, unless the text
        /// already shows it.
        target: Option<String>,
        /// The link text.
        c: Vec<Inline>,
    },
    /// A variable's value (a hotline, an organization).
    Var {
        /// The variable's name.
        name: String,
        /// Its text.
        s: String,
        /// Its link, if it has one.
        href: Option<String>,
        /// The link as printed after the text, unless the text shows it.
        target: Option<String>,
    },
    /// Inlines in another language than the page's.
    Lang {
        /// Their language.
        lang: Lang,
        /// The inlines.
        c: Vec<Inline>,
    },
}

/// Typst's `lang`, `region` and direction for a BCP 47 tag. Typst wants a
/// two- or three-letter ISO 639 code and a two-letter region; a numeric
/// region (`419`) has no Typst equivalent and is left out. The script
/// subtag decides the direction (kyr worked it out when loading).
pub(crate) fn lang(id: &LanguageIdentifier, dir: Direction) -> Lang {
    let language = id.language.as_str();
    let lang = if (2..=3).contains(&language.len()) {
        language
    } else {
        "und"
    };
    let region = id
        .region
        .as_ref()
        .map(|r| r.as_str())
        .filter(|r| r.len() == 2 && r.chars().all(|c| c.is_ascii_alphabetic()));
    Lang {
        tag: id.to_string(),
        lang: lang.to_owned(),
        region: region.map(str::to_owned),
        script: id.script.as_ref().map(|s| s.as_str().to_ascii_lowercase()),
        dir: dir.as_str(),
        name: None,
    }
}

fn foreign_lang(lang: &model::Lang) -> Lang {
    let known = match lang.tag.parse::<LanguageIdentifier>() {
        Ok(id) => self::lang(&id, lang.dir),
        Err(_) => Lang {
            tag: lang.tag.clone(),
            lang: "und".to_owned(),
            region: None,
            script: None,
            dir: lang.dir.as_str(),
            name: None,
        },
    };
    Lang {
        name: Some(lang.name.clone()),
        ..known
    }
}

/// A source as the templates read it.
pub(crate) fn source(source: &crate::doc::Source) -> Source {
    Source {
        name: source.name.clone(),
        url: source.url.clone(),
        target: printed_target(&source.url),
    }
}

/// Blocks as the templates read them.
pub(crate) fn blocks(blocks: &[model::Block]) -> Vec<Block> {
    blocks.iter().filter_map(block).collect()
}

fn block(block: &model::Block) -> Option<Block> {
    Some(match block {
        model::Block::Heading { level, content } => match hoisted(content) {
            Some((lang, content)) => lang_block(
                lang,
                Block::Heading {
                    level: *level,
                    c: inlines(content),
                },
            ),
            None => Block::Heading {
                level: *level,
                c: inlines(content),
            },
        },
        model::Block::Paragraph(content) => match hoisted(content) {
            Some((lang, content)) => lang_block(
                lang,
                Block::Par {
                    c: inlines(content),
                },
            ),
            None => Block::Par {
                c: inlines(content),
            },
        },
        model::Block::List { start, items } => {
            let items: Vec<Vec<Block>> = items.iter().map(|item| blocks(item)).collect();
            // A list whose every item is in one other language is in that
            // language as a whole: its markers go on that language's side.
            match shared_lang(&items) {
                Some(lang) => {
                    let items = items
                        .into_iter()
                        .map(|item| match item.into_iter().next() {
                            Some(Block::Lang { c, .. }) => c,
                            _ => Vec::new(),
                        })
                        .collect();
                    Block::Lang {
                        lang,
                        c: vec![Block::List {
                            start: *start,
                            items,
                        }],
                    }
                }
                None => Block::List {
                    start: *start,
                    items,
                },
            }
        }
        model::Block::Quote(inner) => Block::Quote { c: blocks(inner) },
        model::Block::Code(code) => Block::Code { s: code.clone() },
        model::Block::Rule => Block::Rule,
        // Paper cannot play them: its callers unwrap them first
        // (`model::without_recordings`).
        model::Block::Recorded { .. } => return None,
        model::Block::Lang {
            lang,
            blocks: inner,
        } => Block::Lang {
            lang: foreign_lang(lang),
            c: blocks(inner),
        },
        // Resolution replaces every reference; none reaches a back end.
        model::Block::Message(_) => return None,
    })
}

/// When a whole paragraph or heading is text from another locale, the
/// language goes on the block, so it is aligned and ordered as that
/// language (as the HTML back end does).
fn hoisted(content: &[model::Inline]) -> Option<(&model::Lang, &[model::Inline])> {
    match content {
        [model::Inline::Lang { lang, content }] => Some((lang, content)),
        _ => None,
    }
}

fn lang_block(lang: &model::Lang, block: Block) -> Block {
    Block::Lang {
        lang: foreign_lang(lang),
        c: vec![block],
    }
}

/// The language every item of a list is in, when each item is a single
/// block in the same other language.
fn shared_lang(items: &[Vec<Block>]) -> Option<Lang> {
    let mut shared: Option<&Lang> = None;
    for item in items {
        let [Block::Lang { lang, .. }] = item.as_slice() else {
            return None;
        };
        match shared {
            None => shared = Some(lang),
            Some(seen) if seen == lang => {}
            Some(_) => return None,
        }
    }
    shared.cloned()
}

/// Inlines as the templates read them.
pub(crate) fn inlines(content: &[model::Inline]) -> Vec<Inline> {
    content.iter().filter_map(inline).collect()
}

fn inline(inline: &model::Inline) -> Option<Inline> {
    Some(match inline {
        model::Inline::Text(text) => Inline::Text {
            s: breakable(text).into_owned(),
        },
        model::Inline::Strong(c) => Inline::Strong { c: inlines(c) },
        model::Inline::Emphasis(c) => Inline::Emph { c: inlines(c) },
        model::Inline::Code(code) => Inline::Code {
            s: breakable(code).into_owned(),
        },
        model::Inline::LineBreak => Inline::Br,
        model::Inline::Link { href, content } => {
            let shown = plain_text(content);
            Inline::Link {
                href: href.clone(),
                target: printed_target(href)
                    .filter(|t| !same_target(&shown, t))
                    .map(|t| breakable(&t).into_owned()),
                c: inlines(content),
            }
        }
        model::Inline::Var { name, text, link } => Inline::Var {
            name: name.clone(),
            s: breakable(text).into_owned(),
            href: link.clone(),
            target: link
                .as_deref()
                .and_then(printed_target)
                .filter(|t| !same_target(text, t))
                .map(|t| breakable(&t).into_owned()),
        },
        model::Inline::Lang { lang, content } => Inline::Lang {
            lang: foreign_lang(lang),
            c: inlines(content),
        },
        model::Inline::Message(_) | model::Inline::VarRef(_) => return None,
    })
}

/// A link target as a reader of paper would type or dial it: the number of
/// a `tel:` link, the address of a `mailto:` link, a web address without
/// `https://`.
fn printed_target(href: &str) -> Option<String> {
    let target = if let Some(number) = href.strip_prefix("tel:") {
        number
    } else if let Some(address) = href.strip_prefix("mailto:") {
        address.split('?').next().unwrap_or(address)
    } else if let Some(rest) = href.strip_prefix("https://") {
        rest.strip_suffix('/').unwrap_or(rest)
    } else {
        href
    };
    (!target.is_empty()).then(|| target.to_owned())
}

/// Whether the visible text already shows the target (a phone number
/// written out, an address used as its own link text).
fn same_target(shown: &str, target: &str) -> bool {
    let digits = |s: &str| -> String { s.chars().filter(char::is_ascii_digit).collect() };
    let shown_digits = digits(shown);
    let significant = |s: &str| -> String {
        s.chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .trim_start_matches("http://")
            .trim_start_matches("https://")
            .trim_end_matches('/')
            .to_lowercase()
    };
    if significant(shown) == significant(target) {
        return true;
    }
    // A phone number: the same digits, whatever the spacing and brackets
    // (`+1 (555) 010-1234` and `+15550101234`).
    let is_number = target
        .chars()
        .all(|c| c.is_ascii_digit() || "+-(). ".contains(c));
    is_number && !shown_digits.is_empty() && shown_digits == digits(target)
}

#[cfg(test)]
mod tests;
