//! PARSE: a skeleton (`content/<doc>.md`) -> its front matter and a tree of
//! blocks still holding message and variable references. Parsed once,
//! resolved once per locale by `i18n::resolve`.

pub(crate) mod markdown;
pub(crate) mod model;

use serde::Deserialize;
use toml::Spanned;

use crate::base::diag::{Diagnostic, FileId, Span};
use crate::base::ident::is_identifier;
use crate::base::links;
use crate::base::settings::{self, Settings};
use crate::config::Limits;
use model::{Block, Inline, Reference};

/// A parsed skeleton.
#[derive(Debug, Clone)]
pub struct Skeleton {
    /// Document name: the file stem, also its output name.
    pub name: String,
    /// The skeleton file.
    pub file: FileId,
    /// Front matter.
    pub front: FrontMatter,
    /// The body.
    pub blocks: Vec<Block>,
    /// The skeleton has an error of its own (a stray `{`, nesting deeper
    /// than the limit, a phone link that cannot be dialled, a source that
    /// is not a web address): the document is written in no locale, since
    /// no language has a correct text of it to fall back to, and what
    /// earlier builds made of it is removed.
    pub has_errors: bool,
}

impl Skeleton {
    /// Every message reference, in order: the title, then the body's.
    pub fn references(&self) -> Vec<Reference> {
        let mut out = vec![self.front.title.clone()];
        out.extend(model::references(&self.blocks));
        out
    }

    /// The top-level skeleton blocks under the heading that shows message
    /// `id`: the heading's index and the end of its section.
    pub fn section_of(&self, id: &str) -> Option<(usize, usize)> {
        fn heading_level(block: &Block) -> Option<(u8, &[Inline])> {
            match block {
                Block::Heading { level, content } => Some((*level, content.as_slice())),
                _ => None,
            }
        }
        let start = self.blocks.iter().position(|b| {
            heading_level(b).is_some_and(|(_, content)| {
                content
                    .iter()
                    .any(|i| matches!(i, Inline::Message(r) if r.id == id))
            })
        })?;
        let level = heading_level(&self.blocks[start])?.0;
        let end = self.blocks[start + 1..]
            .iter()
            .position(|b| heading_level(b).is_some_and(|(l, _)| l <= level))
            .map_or(self.blocks.len(), |i| start + 1 + i);
        Some((start, end))
    }
}

/// A skeleton's front matter.
#[derive(Debug, Clone)]
pub struct FrontMatter {
    /// The message holding the document title.
    pub title: Reference,
    /// Print layouts the document is made in.
    pub layouts: Vec<Layout>,
    /// When a person last checked the content against its sources; none
    /// until someone has (the pages then print no review date, and `check`
    /// and `build` warn).
    pub last_reviewed: Option<String>,
    /// Public guidance the content is based on.
    pub sources: Vec<Source>,
    /// The locale a card's back (the statement for an officer) is in, as
    /// written, and where; see [`FrontMatter::officer_locale`] for the
    /// default.
    pub officer: Option<(String, Span)>,
    /// Which sections go on a card's two sides.
    pub card: Option<CardSides>,
    /// Where a QR code points (`{locale}` and `{document}` are filled in);
    /// `Some("")` turns off a project-wide one.
    pub qr: Option<String>,
}

impl FrontMatter {
    /// The locale a card's back is in: the one the front matter names,
    /// else English when the project has it (officers in the U.S.), else
    /// the reference (the language of the country the project is written
    /// in).
    pub fn officer_locale<'c>(&'c self, config: &'c crate::config::Config) -> &'c str {
        match &self.officer {
            Some((tag, _)) => tag,
            None if config.locale("en").is_some() => "en",
            None => &config.reference,
        }
    }
}

/// The sections of a document printed on a wallet card, each named by the
/// message id of its heading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardSides {
    /// The front: the reader's language.
    pub front: Reference,
    /// The back: the statement for an officer, in the officer locale.
    pub back: Reference,
    /// Messages of those sections left off the card (they are in the
    /// handout), to keep the text large enough to read.
    pub skip: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CardFile {
    front: Spanned<String>,
    back: Spanned<String>,
    #[serde(default)]
    skip: Vec<String>,
}

/// A print layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Layout {
    /// A4 or Letter pages.
    Handout,
    /// A wallet card.
    Card,
    /// A folded booklet.
    Booklet,
}

/// A source the content is based on.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Who published it and what it is.
    pub name: String,
    /// Where to read it.
    pub url: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontMatterFile {
    title: Spanned<String>,
    #[serde(default = "default_layouts")]
    layouts: Vec<Layout>,
    #[serde(default)]
    last_reviewed: Option<Spanned<toml::value::Datetime>>,
    #[serde(default)]
    sources: Vec<Spanned<Source>>,
    #[serde(default)]
    officer_locale: Option<Spanned<String>>,
    #[serde(default)]
    card: Option<Spanned<CardFile>>,
    #[serde(default)]
    qr: Option<Spanned<String>>,
}

fn default_layouts() -> Vec<Layout> {
    vec![Layout::Handout]
}

const FENCE: &str = "+++";

/// The front matter's keys, for errors in words.
const FRONT_MATTER: Settings = Settings {
    place: "the front matter",
    top: &[
        "title",
        "layouts",
        "last_reviewed",
        "sources",
        "officer_locale",
        "card",
        "qr",
    ],
    about: &[
        (
            "title",
            "write `title = \"message-id\"`: the message that is the document's title",
        ),
        (
            "layouts",
            "write `layouts = [\"handout\", \"card\", \"booklet\"]`, naming the print layouts to make",
        ),
        (
            "front",
            "write `front = \"message-id\"`: the heading of the section printed on the card's front, for the reader",
        ),
        (
            "back",
            "write `back = \"message-id\"`: the heading of the section printed on the card's back, to show an officer",
        ),
        (
            "name",
            "each source is written `{ name = \"Who: what\", url = \"https://...\" }`",
        ),
        (
            "url",
            "each source is written `{ name = \"Who: what\", url = \"https://...\" }`",
        ),
        (
            "sources",
            "write `sources = [{ name = \"Who: what\", url = \"https://...\" }]`",
        ),
    ],
};

/// Parses a skeleton. Problems go to `diags`; `None` when the document
/// cannot be read at all. Either way, an error leaves the document
/// unwritten in every locale, and says so.
pub(crate) fn parse(
    name: &str,
    file: FileId,
    text: &str,
    limits: &Limits,
    diags: &mut Vec<Diagnostic>,
) -> Option<Skeleton> {
    let before = diags.len();
    let mut skeleton = read(name, file, text, limits, diags);
    let mut has_errors = false;
    for d in diags[before..].iter_mut().filter(|d| d.is_error()) {
        has_errors = true;
        d.hints.push(not_written(name));
    }
    if let Some(skeleton) = &mut skeleton {
        skeleton.has_errors = has_errors;
    }
    skeleton
}

fn read(
    name: &str,
    file: FileId,
    text: &str,
    limits: &Limits,
    diags: &mut Vec<Diagnostic>,
) -> Option<Skeleton> {
    let Some((front_range, body_start)) = split_front_matter(text) else {
        diags.push(
            Diagnostic::error("missing front matter")
                .at(Span::new(file, 0..0))
                .hint("start the file with a `+++` line, `title = \"message-id\"`, `last_reviewed = 2026-01-31`, and another `+++` line"),
        );
        return None;
    };
    let front = read_front_matter(file, text, front_range, diags)?;
    let blocks = read_body(file, text, body_start, limits, diags);
    Some(Skeleton {
        name: name.to_owned(),
        file,
        front,
        blocks,
        has_errors: false,
    })
}

/// The front matter, `text[range]`; `None` when it cannot be used.
fn read_front_matter(
    file: FileId,
    text: &str,
    range: std::ops::Range<usize>,
    diags: &mut Vec<Diagnostic>,
) -> Option<FrontMatter> {
    let front_text = &text[range.clone()];
    let offset = range.start;
    let raw: FrontMatterFile = match toml::from_str(front_text) {
        Ok(raw) => raw,
        Err(e) => {
            diags.push(settings::diagnostic(
                &e,
                front_text,
                (file, offset),
                &FRONT_MATTER,
            ));
            return None;
        }
    };
    // Spans of the TOML parser count from the front matter's start.
    let at = |s: std::ops::Range<usize>| Span::new(file, offset + s.start..offset + s.end);
    let title = read_title(&raw.title, &at, diags)?;
    let last_reviewed = read_last_reviewed(raw.last_reviewed.as_ref(), file, &at, diags)?;
    let sources = read_sources(raw.sources, &at, diags);
    let card = read_card(raw.card.as_ref(), &at, diags)?;
    if raw.layouts.contains(&Layout::Card) && card.is_none() {
        diags.push(
            Diagnostic::error("the `card` layout needs a `[card]` table saying what goes on each side")
                .at(title.span.clone())
                .hint("add `[card]` with `front = \"<heading message id>\"` and `back = \"<heading message id>\"`"),
        );
        return None;
    }
    let qr = read_qr(raw.qr.as_ref(), &at, diags)?;
    let officer = raw
        .officer_locale
        .as_ref()
        .map(|l| (l.get_ref().clone(), at(l.span())));
    Some(FrontMatter {
        title,
        layouts: raw.layouts,
        last_reviewed,
        sources,
        officer,
        card,
        qr,
    })
}

/// `title`, a message id.
fn read_title(
    title: &Spanned<String>,
    at: &impl Fn(std::ops::Range<usize>) -> Span,
    diags: &mut Vec<Diagnostic>,
) -> Option<Reference> {
    if !is_identifier(title.get_ref()) {
        diags.push(
            Diagnostic::error(format!(
                "`title` must be a message id, not `{}`",
                title.get_ref()
            ))
            .at(at(title.span())),
        );
        return None;
    }
    Some(Reference {
        id: title.get_ref().clone(),
        attr: None,
        span: at(title.span()),
    })
}

/// `last_reviewed`, a date: `Some(None)` (and a warning) when there is
/// none yet, `None` when it is not a date.
fn read_last_reviewed(
    date: Option<&Spanned<toml::value::Datetime>>,
    file: FileId,
    at: &impl Fn(std::ops::Range<usize>) -> Span,
    diags: &mut Vec<Diagnostic>,
) -> Option<Option<String>> {
    let Some(date) = date else {
        diags.push(
            Diagnostic::warning(
                "no `last_reviewed` date: nobody has checked this content against its sources yet, so its pages print no review date",
            )
            .code("not-reviewed")
            .at(Span::new(file, 0..0))
            .hint("once a person has checked it, add `last_reviewed = YYYY-MM-DD` to the front matter"),
        );
        return Some(None);
    };
    match (date.get_ref().date, date.get_ref().time) {
        (Some(d), None) => Some(Some(d.to_string())),
        _ => {
            diags.push(
                Diagnostic::error("`last_reviewed` must be a date like 2026-01-31")
                    .at(at(date.span())),
            );
            None
        }
    }
}

/// `sources`, each with a web address; an error at each that has none.
fn read_sources(
    raw: Vec<Spanned<Source>>,
    at: &impl Fn(std::ops::Range<usize>) -> Span,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Source> {
    let mut sources = Vec::new();
    for source in raw {
        let url = &source.get_ref().url;
        let web = url.trim().to_ascii_lowercase().starts_with("http");
        if links::check(url).is_ok() && web {
            sources.push(source.into_inner());
        } else {
            diags.push(
                Diagnostic::error("a source's `url` must be an http or https address")
                    .at(at(source.span())),
            );
        }
    }
    sources
}

/// `[card]`, its sides named by message ids: `Some(None)` when there is
/// no such table, `None` when a side is not a message id.
fn read_card(
    card: Option<&Spanned<CardFile>>,
    at: &impl Fn(std::ops::Range<usize>) -> Span,
    diags: &mut Vec<Diagnostic>,
) -> Option<Option<CardSides>> {
    let reference_to = |value: &Spanned<String>, diags: &mut Vec<Diagnostic>| {
        if is_identifier(value.get_ref()) {
            Some(Reference {
                id: value.get_ref().clone(),
                attr: None,
                span: at(value.span()),
            })
        } else {
            diags.push(
                Diagnostic::error(format!("`{}` is not a message id", value.get_ref()))
                    .at(at(value.span())),
            );
            None
        }
    };
    let Some(card) = card else {
        return Some(None);
    };
    let sides = card.get_ref();
    // Both sides are checked before giving up, so both are reported.
    let front = reference_to(&sides.front, diags);
    let back = reference_to(&sides.back, diags);
    Some(Some(CardSides {
        front: front?,
        back: back?,
        skip: sides.skip.clone(),
    }))
}

/// `qr`, an address for QR codes or `""` for none; `None` when the
/// address is refused.
fn read_qr(
    qr: Option<&Spanned<String>>,
    at: &impl Fn(std::ops::Range<usize>) -> Span,
    diags: &mut Vec<Diagnostic>,
) -> Option<Option<String>> {
    let Some(qr) = qr else {
        return Some(None);
    };
    if qr.get_ref().is_empty() {
        return Some(Some(String::new()));
    }
    match links::check_qr(qr.get_ref()) {
        Ok(()) => Some(Some(qr.get_ref().clone())),
        Err(message) => {
            diags.push(Diagnostic::error(message).at(at(qr.span())));
            None
        }
    }
}

/// The body after the front matter, `text[body_start..]`: its blocks, and
/// a diagnostic for every problem in it.
fn read_body(
    file: FileId,
    text: &str,
    body_start: usize,
    limits: &Limits,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Block> {
    let mode = markdown::Mode::Skeleton {
        file,
        offset: body_start,
    };
    let (blocks, problems) = markdown::parse_blocks(&text[body_start..], &mode, limits.max_nesting);
    for problem in problems {
        let at = Span::new(
            file,
            body_start + problem.range.start..body_start + problem.range.end,
        );
        let mut d = Diagnostic {
            severity: problem.severity,
            message: problem.message,
            span: Some(at),
            hints: Vec::new(),
            ..Diagnostic::error(String::new()).code("skeleton")
        };
        if let Some(hint) = problem.hint {
            d = d.hint(hint);
        }
        diags.push(d);
    }
    blocks
}

/// What an error in a skeleton costs, said with the error.
fn not_written(name: &str) -> String {
    format!(
        "`{name}` is not written in any language until this is fixed (there is no correct text to fall back to); what earlier builds made of it is removed"
    )
}

/// The byte range of the front matter's TOML and where the body starts.
pub(crate) fn split_front_matter(text: &str) -> Option<(std::ops::Range<usize>, usize)> {
    let first_end = text.find(['\n', '\r'])?;
    if text[..first_end].trim_end() != FENCE {
        return None;
    }
    let toml_start = first_end + line_break_len(&text[first_end..]);
    let mut pos = toml_start;
    while pos < text.len() {
        let end = text[pos..]
            .find(['\n', '\r'])
            .map_or(text.len(), |i| pos + i);
        if text[pos..end].trim_end() == FENCE {
            let body = end + line_break_len(&text[end..]);
            return Some((toml_start..pos, body));
        }
        pos = end + line_break_len(&text[end..]);
        if end == text.len() {
            break;
        }
    }
    None
}

fn line_break_len(rest: &str) -> usize {
    if rest.starts_with("\r\n") {
        2
    } else if rest.starts_with(['\n', '\r']) {
        1
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::diag::Files;
    use model::Inline;

    fn parse_str(text: &str) -> (Option<Skeleton>, Vec<Diagnostic>, Files) {
        let mut files = Files::default();
        let id = files.add("content/door.md", text.to_owned());
        let mut diags = Vec::new();
        (
            parse("door", id, text, &Limits::default(), &mut diags),
            diags,
            files,
        )
    }

    const FRONT: &str = "+++\ntitle = \"door-title\"\nlast_reviewed = 2026-11-26\n+++\n";

    #[test]
    fn block_and_inline_references() {
        let text = format!(
            "{FRONT}# {{ door-title }}\n\n{{ door-intro }}\n\n- {{ door-a }}\n- Call {{ $hotline }} or {{ door-b.short }}\n"
        );
        let (skeleton, diags, _) = parse_str(&text);
        assert!(diags.is_empty(), "{diags:?}");
        let skeleton = skeleton.unwrap();
        assert_eq!(skeleton.front.title.id, "door-title");
        assert_eq!(skeleton.front.last_reviewed.as_deref(), Some("2026-11-26"));
        let Block::Heading { level: 1, content } = &skeleton.blocks[0] else {
            panic!()
        };
        assert!(matches!(&content[..], [Inline::Message(r)] if r.id == "door-title"));
        let Block::Message(intro) = &skeleton.blocks[1] else {
            panic!("{:?}", skeleton.blocks[1])
        };
        assert_eq!(&text[intro.span.range.clone()], "{ door-intro }");
        let Block::List { items, .. } = &skeleton.blocks[2] else {
            panic!()
        };
        let Block::Paragraph(second) = &items[1][0] else {
            panic!()
        };
        assert!(matches!(&second[1], Inline::VarRef(v) if v.name == "hotline"));
        assert!(matches!(&second[3], Inline::Message(r) if r.key() == "door-b.short"));
    }

    #[test]
    fn literal_brace_and_bad_references() {
        let text =
            format!("{FRONT}A \\{{ literal }} brace.\n\nBad {{ not a ref }} and {{ -term }}.\n");
        let (skeleton, diags, files) = parse_str(&text);
        let Block::Paragraph(first) = &skeleton.unwrap().blocks[0] else {
            panic!()
        };
        assert_eq!(first, &[Inline::Text("A { literal } brace.".into())]);
        assert_eq!(diags.len(), 2, "{diags:?}");
        let span = diags[0].span.clone().unwrap();
        assert_eq!(files.line_col(span.file, span.range.start), (7, 5));
        assert!(
            diags[0]
                .message
                .contains("not a message or variable reference")
        );
        assert!(
            diags[1]
                .message
                .contains("terms can only be used inside messages")
        );
    }

    #[test]
    fn front_matter_problems_point_into_the_file() {
        let (_, diags, files) =
            parse_str("+++\ntitle = \"t\"\nlast_reviewed = 2026-11-26\nlayout = 1\n+++\n");
        let span = diags[0].span.clone().unwrap();
        assert_eq!(files.line_col(span.file, span.range.start), (4, 1));
        assert!(
            diags[0].message == "`layout` is not a setting of the front matter"
                && diags[0].hints[0] == "did you mean `layouts`?",
            "{diags:?}"
        );
        let (_, diags, _) = parse_str("# no front matter\n");
        assert_eq!(diags[0].message, "missing front matter");
    }

    #[test]
    fn crlf_front_matter_and_raw_html_as_text() {
        let text = "+++\r\ntitle = \"t\"\r\nlast_reviewed = 2026-11-26\r\n+++\r\n<script>alert(1)</script>\r\n\r\nHi <b>x</b>\r\n";
        let (skeleton, diags, _) = parse_str(text);
        assert!(diags.is_empty(), "{diags:?}");
        let blocks = skeleton.unwrap().blocks;
        assert_eq!(
            blocks[0],
            Block::Paragraph(vec![Inline::Text("<script>alert(1)</script>".into())])
        );
        assert_eq!(
            blocks[1],
            Block::Paragraph(vec![Inline::Text("Hi <b>x</b>".into())])
        );
    }
}
