//! RENDER TEXT: a resolved page as plain UTF-8 to forward in WhatsApp,
//! Telegram or by SMS. `<doc>.txt` is the document with `*bold*` and
//! `_italic_` as those apps write them, cut at its headings into messages
//! of at most [`MESSAGE_LIMIT`] UTF-16 units; `<doc>.sms.txt` is the same
//! plain text (or a wallet card's two sides) cut into SMS parts, each
//! headed by what it costs ([`sms`]). Text is only copied, never read as
//! markup: a `*` in a translation stays a `*`.
//!
//! The help line comes right under the title, so the first message or SMS
//! part always carries it; in a language read by ear first, the address
//! of the page that plays the recordings follows it. A heading never ends
//! a message or makes one alone: it stays with the start of its text. Text
//! shown from another language is marked with that language's name; in
//! an SMS the name is spelt in GSM letters (`[Francais]`) where it can be,
//! so that the mark alone never makes a part UCS-2, and is given back its
//! own letters in a part that is UCS-2 anyway (they cost the same there).
//!
//! Direction: text of the page's own direction gets no marks. A phone
//! number, an address or a passage of the other direction inside a line
//! is isolated (LRI, RLI or FSI ... PDI), and a line whose first letter
//! is of the other direction starts with an RLM (or LRM), so that a
//! pasted line keeps its order. Every line's isolates are paired; any
//! other bidi control a translation carries that is not paired within
//! its line is dropped.

pub(crate) mod sms;

use std::cell::RefCell;
use std::collections::BTreeSet;

use unicode_normalization::UnicodeNormalization as _;
use unicode_segmentation::UnicodeSegmentation as _;

use crate::base::lang::Direction;
use crate::config::{Config, Locale};
use crate::doc::Skeleton;
use crate::doc::model::{Block, Inline, Lang, recordings};
use crate::i18n::page::Page;
use crate::render::{Format, OutputFormat, Planned, Rendered};

/// The longest message, in UTF-16 units: Telegram's limit (WhatsApp's is
/// higher), counted as Telegram counts it.
pub(crate) const MESSAGE_LIMIT: usize = 4096;

/// The most SMS segments one part of the SMS file costs: a part of three
/// still arrives as one message on a phone that joins segments, and is
/// cut at a sentence or a word when longer.
pub(crate) const SMS_PART_SEGMENTS: usize = 3;

const LRM: char = '\u{200E}';
const RLM: char = '\u{200F}';
const LRI: char = '\u{2066}';
const RLI: char = '\u{2067}';
const FSI: char = '\u{2068}';
const PDI: char = '\u{2069}';
/// Embeddings and overrides, closed by PDF (U+202C).
const LRE: char = '\u{202A}';
const RLE: char = '\u{202B}';
const PDF: char = '\u{202C}';
const LRO: char = '\u{202D}';
const RLO: char = '\u{202E}';

/// The files `skeleton` is made into in `locale`: the chat text, then the
/// SMS text.
pub(crate) fn outputs(skeleton: &Skeleton, locale: &Locale) -> Vec<Planned> {
    vec![
        Planned::new(
            locale,
            &format!("{}.txt", skeleton.name),
            Format::Text,
            None,
        ),
        Planned::new(
            locale,
            &format!("{}.sms.txt", skeleton.name),
            Format::Text,
            Some("sms"),
        ),
    ]
}

/// The text back end: `<doc>.txt` for chats and `<doc>.sms.txt` for SMS.
pub(crate) struct TextFormat<'a> {
    /// The project's configuration: where its pages are published.
    pub(crate) config: &'a Config,
}

impl OutputFormat for TextFormat<'_> {
    fn format(&self) -> Format {
        Format::Text
    }

    fn outputs(&self, skeleton: &Skeleton, locale: &Locale) -> Vec<Planned> {
        outputs(skeleton, locale)
    }

    fn render(&self, skeleton: &Skeleton, page: &Page) -> Rendered {
        // A page read by ear first points to where its recordings play;
        // without an address, resolving the page warned
        // (`recordings-unlinked`), as every command does.
        let listen = (page.locale.audio_first && !recordings(&page.document.blocks).is_empty())
            .then(|| {
                self.config
                    .qr_address(skeleton.front.qr.as_deref(), page.locale, &skeleton.name)
            })
            .flatten();
        let texts = [chat(page, listen.as_deref()), sms(page, listen.as_deref())];
        Rendered {
            files: self
                .outputs(skeleton, page.locale)
                .into_iter()
                .zip(texts)
                .map(|(planned, text)| (planned, Some(text.into_bytes())))
                .collect(),
            ..Rendered::default()
        }
    }
}

/// The messaging file, `<doc>.txt`: the whole document, cut into messages
/// numbered `(1/N)` when there are more than one; `listen`: the address
/// of the page that plays its recordings, for a language read by ear
/// first.
pub(crate) fn chat(page: &Page, listen: Option<&str>) -> String {
    let writer = Writer::new(Style::Chat, listen);
    let sections = writer.document(page);
    let fits = |text: &str| text.encode_utf16().count() <= MESSAGE_LIMIT;
    let messages = cut(&sections, &fits);
    let mut out = messages.join("\n\n");
    out.push('\n');
    out
}

/// The SMS file, `<doc>.sms.txt`: plain text (a card's two sides, for a
/// document with the `card` layout) cut into parts of at most
/// [`SMS_PART_SEGMENTS`] segments, each headed by its number, its cost
/// and its encoding: `--- 2/5 · 3 SMS · UCS-2 ---`.
pub(crate) fn sms(page: &Page, listen: Option<&str>) -> String {
    let writer = Writer::new(Style::Sms, listen);
    let sections = match &page.card {
        Some(Ok(card)) => writer.card(page, card),
        _ => writer.document(page),
    };
    let fits = |text: &str| sms::cost(text).segments <= SMS_PART_SEGMENTS;
    let parts: Vec<String> = cut(&sections, &fits)
        .into_iter()
        .map(|part| writer.own_letters(part))
        .collect();
    let mut out = String::new();
    for (n, part) in parts.iter().enumerate() {
        let cost = sms::cost(part);
        if n > 0 {
            out.push('\n');
        }
        out.push_str(&format!(
            "--- {}/{} · {} SMS · {} ---\n{part}\n",
            n + 1,
            parts.len(),
            cost.segments,
            cost.encoding.name()
        ));
    }
    out
}

/// A part of the text that a message should not cut, if it can help it.
struct Section {
    /// Its paragraphs, each after a blank line.
    text: String,
    /// How many of its first paragraphs are headings (a heading with no
    /// text of its own, then the next one's), which stay with what
    /// follows them.
    heads: usize,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Style {
    /// WhatsApp and Telegram: `*bold*`, `_italic_`, `•` lists.
    Chat,
    /// SMS: no emphasis marks, `-` lists (GSM-7 has no `•`).
    Sms,
}

struct Writer<'a> {
    style: Style,
    /// The address of the page that plays the recordings, for a language
    /// read by ear first.
    listen: Option<&'a str>,
    /// The language marks written in GSM letters (SMS), each with the
    /// mark it stands for: `[Francais]`, `[Français]`.
    respelt: RefCell<BTreeSet<(String, String)>>,
}

impl<'a> Writer<'a> {
    fn new(style: Style, listen: Option<&'a str>) -> Self {
        Writer {
            style,
            listen,
            respelt: RefCell::default(),
        }
    }

    /// The mark before text in `lang`, another language than the page's:
    /// its name in brackets, in an SMS in GSM letters when it can be.
    fn mark(&self, lang: &Lang) -> String {
        let own = format!("[{}]", clean(&lang.name));
        if self.style == Style::Chat {
            return own;
        }
        match gsm_spelling(&own) {
            Some(gsm) if gsm != own => {
                self.respelt.borrow_mut().insert((gsm.clone(), own));
                gsm
            }
            _ => own,
        }
    }

    /// An SMS part with its marks in their own letters again when it is
    /// UCS-2 anyway and they cost it nothing there.
    fn own_letters(&self, part: String) -> String {
        if sms::cost(&part).encoding == sms::Encoding::Gsm7 {
            return part;
        }
        let mut out = part;
        for (gsm, own) in self.respelt.borrow().iter() {
            let restored = out.replace(gsm.as_str(), own);
            if sms::cost(&restored).segments == sms::cost(&out).segments {
                out = restored;
            }
        }
        out
    }

    /// The document as sections (cut at its headings), each a list of
    /// paragraphs: the title, the help line (and the way to the
    /// recordings), the notices, the body, then the end matter and the
    /// sources.
    fn document(&self, page: &Page) -> Vec<Section> {
        let dir = page.locale.direction;
        let blocks = &page.document.blocks;
        let mut sections: Vec<Vec<String>> = Vec::new();
        let starts_with_title = matches!(blocks.first(), Some(Block::Heading { .. }));
        let mut front = self.help(page, dir);
        for notice in page.review_notice.iter().chain(&page.notices) {
            front.push(self.notice(notice, dir));
        }
        if !starts_with_title {
            sections.push(std::mem::take(&mut front));
        }
        for (i, block) in blocks.iter().enumerate() {
            if matches!(block, Block::Heading { .. }) || sections.is_empty() {
                sections.push(Vec::new());
            }
            let section = sections.last_mut().expect("a section");
            self.block(block, dir, section);
            if i == 0 && starts_with_title {
                section.append(&mut front);
            }
        }
        let end_matter = sections.len();
        sections.push(self.end_matter(page, dir));
        sections.push(self.sources(page, dir));
        let sections = sections
            .into_iter()
            .enumerate()
            .map(|(n, paragraphs)| Section {
                // The body's sections start with their heading (the
                // first only when the document starts with its title),
                // the sources with their label; the end matter has none.
                heads: usize::from((n > 0 || starts_with_title) && n != end_matter),
                text: paragraphs.join("\n\n"),
            })
            .filter(|s| !s.text.is_empty())
            .collect();
        with_lone_headings_joined(sections)
    }

    /// The help line (with the hotline), and in a language read by ear
    /// first the address of the page that plays the recordings: the
    /// "Listen" label, then the address on a line of its own.
    fn help(&self, page: &Page, dir: Direction) -> Vec<String> {
        let mut out = Vec::new();
        if let Some(help) = text(page, "help") {
            out.push(self.line(help, dir));
        }
        if let Some(address) = self.listen {
            let label = text(page, "listen").map_or_else(String::new, |l| self.line(l, dir));
            let address = isolate_ltr(&clean(address), dir);
            out.push(format!("{label}\n{address}").trim_start().to_owned());
        }
        out
    }

    /// A wallet card's SMS: the title, the help line (and the way to the
    /// recordings), the review notice, the front, the back (in the
    /// officer locale, named when it is not the page's) and the "not
    /// legal advice" line.
    fn card(&self, page: &Page, card: &crate::i18n::page::Card) -> Vec<Section> {
        let dir = page.locale.direction;
        let mut front = vec![self.line(&page.document.title, dir)];
        front.extend(self.help(page, dir));
        if let Some(notice) = &page.review_notice {
            front.push(self.notice(notice, dir));
        }
        for block in &card.front.blocks {
            self.block(block, dir, &mut front);
        }
        let mut back = Vec::new();
        let officer = card.officer;
        if officer.tag == page.locale.tag {
            for block in &card.back.blocks {
                self.block(block, dir, &mut back);
            }
        } else {
            let lang = Lang {
                tag: officer.tag.clone(),
                dir: officer.direction,
                name: officer.endonym.clone(),
            };
            let passage = Block::Lang {
                lang,
                blocks: card.back.blocks.clone(),
            };
            self.block(&passage, dir, &mut back);
        }
        let mut end = Vec::new();
        if let Some(advice) = text(page, "not-legal-advice") {
            end.push(self.line(advice, dir));
        }
        [(front, 1), (back, 0), (end, 0)]
            .into_iter()
            .map(|(paragraphs, heads)| Section {
                text: paragraphs.join("\n\n"),
                heads,
            })
            .filter(|s| !s.text.is_empty())
            .collect()
    }

    /// "General information, not legal advice" and when it was last
    /// reviewed, one line each.
    fn end_matter(&self, page: &Page, dir: Direction) -> Vec<String> {
        let lines: Vec<String> = ["not-legal-advice", "last-reviewed"]
            .into_iter()
            .filter_map(|name| text(page, name))
            .map(|inlines| self.line(inlines, dir))
            .collect();
        if lines.is_empty() {
            Vec::new()
        } else {
            vec![lines.join("\n")]
        }
    }

    /// The sources, under their label: each name, then its address on
    /// the next line.
    fn sources(&self, page: &Page, dir: Direction) -> Vec<String> {
        let sources = &page.document.sources;
        if sources.is_empty() {
            return Vec::new();
        }
        let label =
            text(page, "sources").map_or_else(String::new, |label| self.heading(label, dir));
        let mut out = label;
        for source in sources {
            if !out.is_empty() {
                out.push('\n');
            }
            let name = clean(&source.name);
            out.push_str(&format!(
                "{}{name}\n  {}",
                self.bullet(),
                clean(&source.url)
            ));
        }
        vec![out]
    }

    fn bullet(&self) -> &'static str {
        match self.style {
            Style::Chat => "• ",
            Style::Sms => "- ",
        }
    }

    /// A notice (unreviewed, partly in another language): in italics in
    /// a chat.
    fn notice(&self, inlines: &[Inline], dir: Direction) -> String {
        match inlines {
            [Inline::Lang { lang, content }] => {
                let shown = self.notice(content, lang.dir);
                format!("{} {shown}", self.mark(lang))
            }
            _ => self.line(&[Inline::Emphasis(inlines.to_vec())], dir),
        }
    }

    /// A heading's text: bold in a chat.
    fn heading(&self, inlines: &[Inline], dir: Direction) -> String {
        match inlines {
            [Inline::Lang { lang, content }] => {
                let shown = self.heading(content, lang.dir);
                format!("{} {shown}", self.mark(lang))
            }
            _ => self.line(&[Inline::Strong(inlines.to_vec())], dir),
        }
    }

    /// Some blocks as paragraphs (each maybe of several lines).
    fn blocks(&self, blocks: &[Block], dir: Direction) -> Vec<String> {
        let mut out = Vec::new();
        for block in blocks {
            self.block(block, dir, &mut out);
        }
        out
    }

    fn block(&self, block: &Block, dir: Direction, out: &mut Vec<String>) {
        match block {
            // A text message cannot play them; the blocks are read as they are.
            Block::Recorded { blocks, .. } => {
                for block in blocks {
                    self.block(block, dir, out);
                }
            }
            Block::Heading { content, .. } => out.push(self.heading(content, dir)),
            Block::Paragraph(inlines) => out.push(self.line(inlines, dir)),
            Block::List { start, items } => {
                let mut lines = Vec::new();
                for (n, item) in items.iter().enumerate() {
                    let marker = match start {
                        Some(first) => format!("{}. ", first + n as u64),
                        None => self.bullet().to_owned(),
                    };
                    let indent = " ".repeat(marker.chars().count());
                    let text = self.blocks(item, dir).join("\n");
                    for (i, line) in text.split('\n').enumerate() {
                        lines.push(if i == 0 {
                            format!("{marker}{line}")
                        } else if line.is_empty() {
                            String::new()
                        } else {
                            format!("{indent}{line}")
                        });
                    }
                }
                out.push(lines.join("\n"));
            }
            Block::Quote(inner) => {
                let text = self.blocks(inner, dir).join("\n\n");
                let quoted: Vec<String> = text
                    .split('\n')
                    .map(|line| {
                        if line.is_empty() {
                            ">".to_owned()
                        } else {
                            format!("> {line}")
                        }
                    })
                    .collect();
                out.push(quoted.join("\n"));
            }
            Block::Code(code) => out.push(
                code.trim_end_matches('\n')
                    .split('\n')
                    .map(|line| isolate(&clean(line), dir))
                    .collect::<Vec<_>>()
                    .join("\n"),
            ),
            Block::Rule => out.push("-----".to_owned()),
            Block::Lang { lang, blocks } => {
                let mut inner = self.blocks(blocks, lang.dir);
                let marker = self.mark(lang);
                match inner.first_mut() {
                    Some(first) => *first = format!("{marker}\n{first}"),
                    None => inner.push(marker),
                }
                out.extend(inner);
            }
            Block::Message(_) => {}
        }
    }

    /// One paragraph's text, in `dir`: a paragraph wholly in another
    /// language is that language's, named first.
    fn line(&self, inlines: &[Inline], dir: Direction) -> String {
        if let [Inline::Lang { lang, content }] = inlines {
            let shown = self.line(content, lang.dir);
            return format!("{} {shown}", self.mark(lang));
        }
        let mut out = String::new();
        self.inlines(&mut out, inlines, dir, Marks::default());
        start_lines(out.trim(), dir)
    }

    fn inlines(&self, out: &mut String, inlines: &[Inline], dir: Direction, marks: Marks) {
        for inline in inlines {
            match inline {
                Inline::Text(text) => out.push_str(&clean(text)),
                Inline::Strong(content) => {
                    self.emphasis(out, content, dir, marks, '*');
                }
                Inline::Emphasis(content) => {
                    self.emphasis(out, content, dir, marks, '_');
                }
                Inline::Code(code) => out.push_str(&isolate(&clean(code), dir)),
                Inline::Link { href, content } => {
                    let mut shown = String::new();
                    self.inlines(&mut shown, content, dir, marks);
                    out.push_str(&shown);
                    let address = address(href);
                    let plain = plain(&shown);
                    if plain != address && plain != *href {
                        out.push_str(&format!(" ({})", isolate_ltr(&address, dir)));
                    }
                }
                Inline::LineBreak => out.push('\n'),
                Inline::Var { text, link, .. } => {
                    let text = clean(text);
                    out.push_str(&isolate(&text, dir));
                    if let Some(href) = link {
                        let address = address(href);
                        // A number's own text is the number; a name
                        // linked to a number ("Call us") shows it too.
                        let shown = if href.starts_with("tel:") {
                            !text.chars().any(|c| c.is_ascii_digit())
                        } else {
                            text != address && text != *href
                        };
                        if shown {
                            out.push_str(&format!(" ({})", isolate_ltr(&address, dir)));
                        }
                    }
                }
                Inline::Lang { lang, content } => {
                    let mut shown = format!("{} ", self.mark(lang));
                    self.inlines(&mut shown, content, lang.dir, marks);
                    if lang.dir == dir {
                        out.push_str(&shown);
                    } else {
                        out.push(opening(lang.dir));
                        out.push_str(&shown);
                        out.push(PDI);
                    }
                }
                Inline::Message(_) | Inline::VarRef(_) => {}
            }
        }
    }

    /// Bold (`*`) or italic (`_`) in a chat, each line on its own (the
    /// apps do not carry emphasis over a line end), with spaces outside
    /// the marks, as the apps want them; nothing in an SMS.
    fn emphasis(
        &self,
        out: &mut String,
        content: &[Inline],
        dir: Direction,
        marks: Marks,
        mark: char,
    ) {
        let inside = match mark {
            '*' => marks.strong,
            _ => marks.emphasis,
        };
        let inner_marks = Marks {
            strong: marks.strong || mark == '*',
            emphasis: marks.emphasis || mark == '_',
        };
        let mut inner = String::new();
        self.inlines(&mut inner, content, dir, inner_marks);
        if self.style == Style::Sms || inside {
            out.push_str(&inner);
            return;
        }
        let lines: Vec<String> = inner
            .split('\n')
            .map(|line| {
                let trimmed = line.trim();
                if trimmed.is_empty() {
                    return line.to_owned();
                }
                let start = line.len() - line.trim_start().len();
                let end = start + trimmed.len();
                format!("{}{mark}{trimmed}{mark}{}", &line[..start], &line[end..])
            })
            .collect();
        out.push_str(&lines.join("\n"));
    }
}

/// Which emphases a piece is already inside.
#[derive(Clone, Copy, Default)]
struct Marks {
    strong: bool,
    emphasis: bool,
}

/// An interface text of the page, by name.
fn text<'a>(page: &'a Page, name: &str) -> Option<&'a [Inline]> {
    page.texts
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, inlines)| inlines.as_slice())
        .filter(|inlines| !inlines.is_empty())
}

/// What a link points at, as a reader writes it: the number of a `tel:`
/// link, the address of a `mailto:` one, a web address whole.
fn address(href: &str) -> String {
    let bare = href
        .strip_prefix("tel:")
        .or_else(|| href.strip_prefix("mailto:"))
        .unwrap_or(href);
    clean(bare)
}

/// The text of a rendered piece without the chat's marks and isolates,
/// to compare with an address.
fn plain(text: &str) -> String {
    text.chars()
        .filter(|c| !matches!(c, '*' | '_') && !is_bidi_control(*c))
        .collect::<String>()
        .trim()
        .to_owned()
}

/// Text from the page, on one line: line ends become spaces (a break is
/// a `LineBreak`), and other control characters go.
fn clean(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            '\n' | '\r' | '\t' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

/// Characters of right-to-left scripts (Hebrew, Arabic, Syriac, Thaana,
/// N'Ko, ..., Adlam), but not the Arabic-Indic digits.
fn is_rtl(c: char) -> bool {
    matches!(c,
        '\u{0590}'..='\u{065F}'
        | '\u{066A}'..='\u{06EF}'
        | '\u{06FA}'..='\u{08FF}'
        | '\u{FB1D}'..='\u{FDFF}'
        | '\u{FE70}'..='\u{FEFE}'
        | '\u{10800}'..='\u{10FFF}'
        | '\u{1E800}'..='\u{1EFFF}')
        || c == RLM
}

/// Letters written left to right.
fn is_ltr(c: char) -> bool {
    (c.is_alphabetic() && !is_rtl(c)) || c == LRM
}

/// Digits whose groups read left to right in any text: European and
/// Arabic-Indic.
fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, '\u{0660}'..='\u{0669}' | '\u{06F0}'..='\u{06F9}')
}

fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        LRM | RLM | '\u{061C}' | LRI | RLI | FSI | PDI | LRE | RLE | PDF | LRO | RLO
    )
}

/// The isolate that opens text of `dir`.
fn opening(dir: Direction) -> char {
    match dir {
        Direction::Ltr => LRI,
        Direction::Rtl => RLI,
    }
}

/// A value (a variable, code) set apart from the text around it when
/// its direction may differ: in right-to-left text, anything with Latin
/// letters or digits (a phone number's groups would otherwise be
/// reordered); in left-to-right text, anything with right-to-left
/// letters. Nothing is added otherwise.
fn isolate(text: &str, dir: Direction) -> String {
    let rtl = text.chars().any(is_rtl);
    let ltr = text.chars().any(|c| is_ltr(c) || is_digit(c));
    let open = match (dir, rtl, ltr) {
        (Direction::Rtl, false, true) => LRI,
        (Direction::Ltr, true, false) => RLI,
        (Direction::Rtl, true, true) | (Direction::Ltr, true, true) => FSI,
        _ => return text.to_owned(),
    };
    format!("{open}{text}{PDI}")
}

/// An address (always left to right), isolated in right-to-left text.
fn isolate_ltr(text: &str, dir: Direction) -> String {
    match dir {
        Direction::Ltr => text.to_owned(),
        Direction::Rtl => format!("{LRI}{text}{PDI}"),
    }
}

/// The direction of the first letter of a line, past isolates (as an app
/// sets a pasted line's direction).
fn first_strong(line: &str) -> Option<Direction> {
    let mut depth = 0usize;
    for c in line.chars() {
        match c {
            LRI | RLI | FSI => depth += 1,
            PDI => depth = depth.saturating_sub(1),
            c if depth == 0 && is_rtl(c) => return Some(Direction::Rtl),
            c if depth == 0 && is_ltr(c) => return Some(Direction::Ltr),
            _ => {}
        }
    }
    None
}

/// Starts each line of `dir` text whose first letter is of the other
/// direction with a mark of its own direction, so an app shows it in
/// its order.
fn start_lines(text: &str, dir: Direction) -> String {
    text.split('\n')
        .map(|line| match (dir, first_strong(line)) {
            (Direction::Rtl, Some(Direction::Ltr)) => format!("{RLM}{line}"),
            (Direction::Ltr, Some(Direction::Rtl)) => format!("{LRM}{line}"),
            _ => line.to_owned(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Drops the isolates, embeddings and overrides of each line that are
/// not paired within it, so that no line leaves a direction open (a
/// cut message, a translation's own marks).
pub(crate) fn balance_lines(text: &str) -> String {
    text.split('\n')
        .map(balance_line)
        .collect::<Vec<_>>()
        .join("\n")
}

fn balance_line(line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    let mut keep = vec![true; chars.len()];
    // Open isolates and embeddings, innermost last, by position.
    let mut open: Vec<usize> = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        match c {
            LRI | RLI | FSI | LRE | RLE | LRO | RLO => open.push(i),
            PDI => {
                // A PDI closes the innermost isolate and any embedding
                // opened inside it.
                match open
                    .iter()
                    .rposition(|&o| matches!(chars[o], LRI | RLI | FSI))
                {
                    Some(at) => {
                        for &inner in &open[at + 1..] {
                            keep[inner] = false;
                        }
                        open.truncate(at);
                    }
                    None => keep[i] = false,
                }
            }
            PDF => match open.last() {
                Some(&o) if matches!(chars[o], LRE | RLE | LRO | RLO) => {
                    open.pop();
                }
                _ => keep[i] = false,
            },
            _ => {}
        }
    }
    for o in open {
        keep[o] = false;
    }
    chars
        .into_iter()
        .zip(keep)
        .filter_map(|(c, keep)| keep.then_some(c))
        .collect()
}

/// Cuts sections into messages that `fits` accepts, numbered `(k/N) `
/// when there are several. A section starts a new message when it does
/// not fit in the current one; one that does not fit in a message of its
/// own is cut at its paragraphs, then lines, sentences, words, and at
/// last between characters (grapheme clusters), keeping its headings
/// with what follows them and a language's mark with the text it names.
/// Each message's lines are balanced.
fn cut(sections: &[Section], fits: &dyn Fn(&str) -> bool) -> Vec<String> {
    let whole = sections
        .iter()
        .map(|s| s.text.as_str())
        .collect::<Vec<_>>()
        .join("\n\n");
    if fits(&whole) {
        return vec![balance_lines(&whole)];
    }
    // Room for the number: `(9/9) `, or more digits when there are more
    // messages.
    let mut digits = 1;
    loop {
        let most = "9".repeat(digits);
        let numbered = |text: &str| fits(&format!("({most}/{most}) {text}"));
        let mut filler = Filler {
            fits: &numbered,
            done: Vec::new(),
            current: String::new(),
            bare: false,
        };
        for section in sections {
            filler.section(section);
        }
        filler.flush();
        let messages = filler.done;
        if messages.len().to_string().len() <= digits {
            let count = messages.len();
            return messages
                .iter()
                .enumerate()
                .map(|(n, m)| balance_lines(&format!("({}/{count}) {m}", n + 1)))
                .collect();
        }
        digits += 1;
    }
}

/// Fills messages one after the other.
struct Filler<'a> {
    fits: &'a dyn Fn(&str) -> bool,
    done: Vec<String>,
    current: String,
    /// The current message holds only headings so far: what follows
    /// them joins them rather than start a message of its own.
    bare: bool,
}

/// How deep [`Filler::add`] cuts: paragraphs, lines, sentences, words,
/// characters.
const PARAGRAPHS: usize = 1;
const CHARACTERS: usize = 5;

impl Filler<'_> {
    fn flush(&mut self) {
        if !self.current.is_empty() {
            self.done.push(std::mem::take(&mut self.current));
        }
        self.bare = false;
    }

    /// Adds `unit` to the current message after `separator`, if it fits.
    fn append(&mut self, unit: &str, separator: &str) -> bool {
        let joined = if self.current.is_empty() {
            unit.to_owned()
        } else {
            format!("{}{separator}{unit}", self.current)
        };
        let fits = (self.fits)(&joined);
        if fits {
            self.current = joined;
        }
        fits
    }

    fn section(&mut self, section: &Section) {
        if self.append(&section.text, "\n\n") {
            return;
        }
        self.flush();
        for (i, paragraph) in section.text.split("\n\n").enumerate() {
            self.add(paragraph, "\n\n", PARAGRAPHS);
            self.bare = i < section.heads;
        }
    }

    /// Adds a unit of `level`: to the current message if it fits, else
    /// to a new one if it fits there (unless the current message holds
    /// only headings, which stay with what follows them), else cut
    /// finer.
    fn add(&mut self, unit: &str, separator: &str, level: usize) {
        if self.append(unit, separator) {
            self.bare = false;
            return;
        }
        if level >= CHARACTERS || (!self.bare && (self.fits)(unit)) {
            self.flush();
            self.current = unit.to_owned();
            return;
        }
        let (parts, inner) = parts(unit, level + 1);
        for (i, part) in parts.iter().enumerate() {
            let separator = if i == 0 { separator } else { inner };
            self.add(part, separator, level + 1);
        }
    }
}

/// Sections that hold only their headings (one right before another)
/// joined to the next, so that such a heading stays with the text after
/// it too.
fn with_lone_headings_joined(sections: Vec<Section>) -> Vec<Section> {
    let mut out: Vec<Section> = Vec::new();
    for section in sections {
        match out.last_mut() {
            Some(last) if last.heads > 0 && last.text.split("\n\n").count() <= last.heads => {
                last.heads += section.heads;
                last.text = format!("{}\n\n{}", last.text, section.text);
            }
            _ => out.push(section),
        }
    }
    out
}

/// The parts of a unit at `level`, and what joins them.
fn parts(text: &str, level: usize) -> (Vec<String>, &'static str) {
    match level {
        2 => (lines(text), "\n"),
        3 => (sentences(text), " "),
        4 => (words(text), " "),
        // A run with no space: cut between grapheme clusters, so no part
        // starts with a combining accent, a variation selector, the rest
        // of a Hangul syllable, an emoji's tags or a virama's consonant.
        _ => (text.graphemes(true).map(String::from).collect(), ""),
    }
}

/// The lines of a paragraph, a line that is only a language's mark
/// (`[Français]`, before the text it names) kept with the next.
fn lines(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut marked = false;
    for line in text.split('\n') {
        match out.last_mut() {
            Some(last) if marked => {
                last.push('\n');
                last.push_str(line);
            }
            _ => out.push(line.to_owned()),
        }
        marked = is_mark(line);
    }
    out
}

/// Whether a line is only a language's mark: `[Français]`.
fn is_mark(line: &str) -> bool {
    line.strip_prefix('[')
        .and_then(|l| l.strip_suffix(']'))
        .is_some_and(|name| !name.is_empty() && !name.contains(['[', ']']))
}

/// A language's mark in letters of the GSM alphabet, each letter that is
/// not one by the GSM letter it is written with (`ç` as `c`, `ê` as
/// `e`); `None` when some letter has no such look-alike (Arabic, Adlam).
fn gsm_spelling(mark: &str) -> Option<String> {
    let mut out = String::new();
    for c in mark.chars() {
        if sms::is_gsm(c) {
            out.push(c);
            continue;
        }
        let base: String = std::iter::once(c)
            .nfd()
            .filter(|&b| !unicode_normalization::char::is_combining_mark(b))
            .collect();
        if base.is_empty() || !base.chars().all(sms::is_gsm) {
            return None;
        }
        out.push_str(&base);
    }
    Some(out)
}

/// The sentences of a line: cut after `.`, `!`, `?`, `؟`, `…`, `।` or
/// `۔` and a space, never inside an isolate (a phone number).
fn sentences(text: &str) -> Vec<String> {
    cut_at_spaces(text, |before| {
        matches!(before, Some('.' | '!' | '?' | '؟' | '…' | '।' | '۔' | '。'))
    })
}

/// The words of a line, never cut inside an isolate.
fn words(text: &str) -> Vec<String> {
    cut_at_spaces(text, |_| true)
}

/// `text` cut at the spaces outside isolates where `at` (given the
/// character before the space) says so; the spaces go.
fn cut_at_spaces(text: &str, at: impl Fn(Option<char>) -> bool) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            LRI | RLI | FSI => depth += 1,
            PDI => depth = depth.saturating_sub(1),
            _ => {}
        }
        if c == ' ' && depth == 0 && !current.is_empty() && at(current.chars().last()) {
            out.push(std::mem::take(&mut current));
            continue;
        }
        current.push(c);
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

#[cfg(test)]
mod tests;
