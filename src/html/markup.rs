//! Model -> HTML fragments: blocks and inlines as escaped HTML, text from
//! another locale with its `lang` and `dir`, variables in `<bdi>`, each
//! recording with a native player, and the "Listen" list of a page's
//! recordings. Every piece of text is escaped here; nothing of a
//! translation reaches a page as markup.

use std::fmt::Write as _;

use crate::doc::model::{Block, Inline, Lang, Leaf, Recorded};
use crate::html::AUDIO_DIR;

/// Blocks as HTML.
pub(crate) fn blocks_html(blocks: &[Block]) -> String {
    let mut out = String::new();
    write_blocks(&mut out, blocks, &Listen::default());
    out
}

/// The "Listen" label of a page's players, as plain text (for screen
/// readers) and as HTML (marked with its language when it falls back).
#[derive(Default)]
pub(super) struct Listen {
    pub(super) plain: String,
    pub(super) html: String,
}

/// A document's body as HTML: `listen` labels its recordings' players.
pub(super) fn body_html(blocks: &[Block], listen: &Listen) -> String {
    let mut out = String::new();
    write_blocks(&mut out, blocks, listen);
    out
}

/// A native player for a recording: no script, nothing loaded until the
/// reader presses play; a link to the file where audio cannot play.
fn write_player(out: &mut String, recording: &Recorded, listen: &str) {
    let href = format!("{AUDIO_DIR}/{}", recording.file);
    out.push_str("<audio controls preload=\"none\" src=\"");
    escape_into(out, &href);
    out.push_str("\" aria-label=\"");
    escape_into(out, listen);
    out.push_str("\"><a href=\"");
    escape_into(out, &href);
    out.push_str("\" dir=\"ltr\">");
    escape_into(out, &recording.file);
    out.push_str("</a></audio>");
}

/// The page's "Listen" section: every recording in reading order, each
/// with the first words of what it reads.
pub(super) fn listen_list(blocks: &[Block], listen: &Listen) -> Vec<String> {
    let mut out = Vec::new();
    collect_listen(blocks, listen, &mut out);
    out
}

fn collect_listen(blocks: &[Block], listen: &Listen, out: &mut Vec<String>) {
    for block in blocks {
        match block {
            Block::Recorded { recordings, blocks } => {
                let said = first_words(blocks);
                let attrs = match blocks.first() {
                    Some(Block::Lang { lang, .. }) => format!(" {}", lang_attrs(lang)),
                    Some(Block::Paragraph(c) | Block::Heading { content: c, .. }) => {
                        hoist_lang(c).0
                    }
                    _ => String::new(),
                };
                for recording in recordings {
                    let mut item = format!("<span{attrs}>");
                    escape_into(&mut item, &said);
                    item.push_str("</span> ");
                    write_player(&mut item, recording, &listen.plain);
                    out.push(item);
                }
                collect_listen(blocks, listen, out);
            }
            Block::List { items, .. } => {
                for item in items {
                    collect_listen(item, listen, out);
                }
            }
            Block::Quote(inner) | Block::Lang { blocks: inner, .. } => {
                collect_listen(inner, listen, out);
            }
            _ => {}
        }
    }
}

/// The first words of some blocks' text, to name a recording by.
fn first_words(blocks: &[Block]) -> String {
    const MOST_CHARS: usize = 60;
    let mut text = String::new();
    crate::doc::model::walk(blocks, &mut |leaf| {
        if let Leaf::Inline(Inline::Text(t) | Inline::Code(t) | Inline::Var { text: t, .. }) = leaf
        {
            text.push_str(t);
        }
    });
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut said = String::new();
    for word in &words {
        if !said.is_empty() && said.chars().count() + 1 + word.chars().count() > MOST_CHARS {
            said.push('…');
            return said;
        }
        if !said.is_empty() {
            said.push(' ');
        }
        said.push_str(word);
    }
    said
}

/// Inlines as HTML.
pub(crate) fn inlines_html(inlines: &[Inline]) -> String {
    let mut out = String::new();
    write_inlines(&mut out, inlines);
    out
}

fn write_blocks(out: &mut String, blocks: &[Block], listen: &Listen) {
    for block in blocks {
        match block {
            Block::Heading { level, content } => {
                let (attrs, content) = hoist_lang(content);
                let _ = write!(out, "<h{level}{attrs}>");
                write_inlines(out, content);
                let _ = writeln!(out, "</h{level}>");
            }
            Block::Paragraph(inlines) => {
                let (attrs, inlines) = hoist_lang(inlines);
                let _ = write!(out, "<p{attrs}>");
                write_inlines(out, inlines);
                out.push_str("</p>\n");
            }
            Block::List { start, items } => {
                let tag = match start {
                    Some(1) => {
                        out.push_str("<ol>\n");
                        "ol"
                    }
                    Some(n) => {
                        let _ = writeln!(out, "<ol start=\"{n}\">");
                        "ol"
                    }
                    None => {
                        out.push_str("<ul>\n");
                        "ul"
                    }
                };
                for item in items {
                    match item.as_slice() {
                        [Block::Paragraph(inlines)] => {
                            let (attrs, inlines) = hoist_lang(inlines);
                            let _ = write!(out, "<li{attrs}>");
                            write_inlines(out, inlines);
                        }
                        _ => {
                            out.push_str("<li>");
                            write_blocks(out, item, listen);
                        }
                    }
                    out.push_str("</li>\n");
                }
                let _ = writeln!(out, "</{tag}>");
            }
            Block::Quote(inner) => {
                out.push_str("<blockquote>\n");
                write_blocks(out, inner, listen);
                out.push_str("</blockquote>\n");
            }
            Block::Code(code) => {
                out.push_str("<pre>");
                escape_into(out, code);
                out.push_str("</pre>\n");
            }
            Block::Rule => out.push_str("<hr>\n"),
            Block::Lang { lang, blocks } => {
                let _ = writeln!(out, "<div {}>", lang_attrs(lang));
                write_blocks(out, blocks, listen);
                out.push_str("</div>\n");
            }
            Block::Recorded { recordings, blocks } => {
                write_blocks(out, blocks, listen);
                for recording in recordings {
                    out.push_str("<p class=\"listen\"><span class=\"listen-label\">");
                    out.push_str(&listen.html);
                    out.push_str("</span> ");
                    write_player(out, recording, &listen.plain);
                    out.push_str("</p>\n");
                }
            }
            // Resolved away before rendering; nothing of a reference shows.
            Block::Message(_) => {}
        }
    }
}

fn write_inlines(out: &mut String, inlines: &[Inline]) {
    for inline in inlines {
        match inline {
            Inline::Text(text) => escape_into(out, text),
            Inline::Strong(c) => wrap(out, "strong", c),
            Inline::Emphasis(c) => wrap(out, "em", c),
            Inline::Code(code) => {
                out.push_str("<code>");
                escape_into(out, code);
                out.push_str("</code>");
            }
            Inline::Link { href, content } => {
                out.push_str("<a href=\"");
                escape_into(out, href);
                out.push_str("\">");
                write_inlines(out, content);
                out.push_str("</a>");
            }
            Inline::LineBreak => out.push_str("<br>"),
            Inline::Var { name, text, link } => {
                if let Some(href) = link {
                    out.push_str("<a href=\"");
                    escape_into(out, href);
                    out.push_str("\">");
                }
                out.push_str("<bdi class=\"var-");
                escape_into(out, name);
                out.push_str("\">");
                escape_into(out, text);
                out.push_str("</bdi>");
                if link.is_some() {
                    out.push_str("</a>");
                }
            }
            Inline::Lang { lang, content } => {
                let _ = write!(out, "<span {}>", lang_attrs(lang));
                write_inlines(out, content);
                out.push_str("</span>");
            }
            Inline::Message(_) | Inline::VarRef(_) => {}
        }
    }
}

/// When a whole block is text from another locale, its language goes on
/// the block itself, so alignment and list markers follow that language.
fn hoist_lang(inlines: &[Inline]) -> (String, &[Inline]) {
    let (lang, content) = own_lang(inlines);
    let attrs = lang.map(|l| format!(" {}", lang_attrs(l)));
    (attrs.unwrap_or_default(), content)
}

/// A line of kyr's own text (a heading, the help line, a print file's
/// how-to) as the element that holds it sees it: `attrs` carries the
/// language of text that wholly comes from another locale (` lang="fr"
/// dir="ltr"`, empty otherwise), so the line runs, wraps and aligns as
/// its own language does inside a page of another direction; `html` is
/// the text, without that locale's wrapper.
pub(crate) struct OwnLine {
    pub(crate) attrs: String,
    pub(crate) html: String,
}

/// `inlines` as a line of its own ([`OwnLine`]).
pub(crate) fn own_line(inlines: &[Inline]) -> OwnLine {
    let (lang, content) = own_lang(inlines);
    OwnLine {
        attrs: lang.map(line_attrs).unwrap_or_default(),
        html: inlines_html(content),
    }
}

/// The language text that wholly comes from another locale is in, and
/// the text without its wrapper.
fn own_lang(inlines: &[Inline]) -> (Option<&Lang>, &[Inline]) {
    match inlines {
        [Inline::Lang { lang, content }] => (Some(lang), content),
        _ => (None, inlines),
    }
}

/// Sentences shown together, each bare or set in an element
/// (`"strong"`, `"span.unreviewed"`: a name and a class), as lines:
/// sentences next to each other in one language share a line, which
/// carries that language; a sentence in another language starts a line
/// of its own, so that two languages' sentences never run into each
/// other when the line wraps.
pub(crate) fn sentence_lines(sentences: &[(Option<&str>, &[Inline])]) -> Vec<OwnLine> {
    let mut lines: Vec<(Option<&Lang>, OwnLine)> = Vec::new();
    for &(element, inlines) in sentences {
        let (lang, content) = own_lang(inlines);
        let mut html = String::new();
        let (name, class) = element.map_or(("", None), |e| match e.split_once('.') {
            Some((name, class)) => (name, Some(class)),
            None => (e, None),
        });
        if !name.is_empty() {
            let _ = write!(html, "<{name}");
            if let Some(class) = class {
                let _ = write!(html, " class=\"{class}\"");
            }
            html.push('>');
        }
        write_inlines(&mut html, content);
        if !name.is_empty() {
            let _ = write!(html, "</{name}>");
        }
        match lines.last_mut() {
            Some((last, line)) if last.map(|l| &l.tag) == lang.map(|l| &l.tag) => {
                line.html.push(' ');
                line.html.push_str(&html);
            }
            _ => lines.push((
                lang,
                OwnLine {
                    attrs: lang.map(line_attrs).unwrap_or_default(),
                    html,
                },
            )),
        }
    }
    lines.into_iter().map(|(_, line)| line).collect()
}

/// The `lang` and `dir` of an element holding a line of another
/// locale's text: no fallback mark, which kyr's own lines do not show.
fn line_attrs(lang: &Lang) -> String {
    let mut out = String::from(" lang=\"");
    escape_into(&mut out, &lang.tag);
    let _ = write!(out, "\" dir=\"{}\"", lang.dir);
    out
}

fn wrap(out: &mut String, tag: &str, content: &[Inline]) {
    let _ = write!(out, "<{tag}>");
    write_inlines(out, content);
    let _ = write!(out, "</{tag}>");
}

/// The language of text shown from another locale, and the mark that
/// says so (`class="fallback"`, the language's own name for the style
/// sheet to show beside a passage).
fn lang_attrs(lang: &Lang) -> String {
    let mut out = String::from("lang=\"");
    escape_into(&mut out, &lang.tag);
    let _ = write!(
        out,
        "\" dir=\"{}\" class=\"fallback\" data-name=\"",
        lang.dir
    );
    escape_into(&mut out, &lang.name);
    out.push('"');
    out
}

/// Escapes text for HTML content and attribute values.
pub fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::lang::Direction;

    #[test]
    fn text_is_escaped_everywhere() {
        let html = inlines_html(&[
            Inline::Text("<script>alert('x')</script> & \"q\"".into()),
            Inline::Link {
                href: "https://a.org/?a=1&b=\"2\"".into(),
                content: vec![Inline::Text("<b>".into())],
            },
            Inline::Var {
                name: "x".into(),
                text: "<i>".into(),
                link: None,
            },
        ]);
        assert_eq!(
            html,
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;\
             <a href=\"https://a.org/?a=1&amp;b=&quot;2&quot;\">&lt;b&gt;</a>\
             <bdi class=\"var-x\">&lt;i&gt;</bdi>"
        );
    }

    #[test]
    fn fallback_text_carries_its_language() {
        let lang = Lang {
            tag: "fr".into(),
            dir: Direction::Ltr,
            name: "Français".into(),
        };
        let html = blocks_html(&[
            Block::Lang {
                lang: lang.clone(),
                blocks: vec![Block::Paragraph(vec![Inline::Text("Bonjour".into())])],
            },
            Block::Paragraph(vec![Inline::Lang {
                lang,
                content: vec![Inline::Text("Oui".into())],
            }]),
        ]);
        assert_eq!(
            html,
            "<div lang=\"fr\" dir=\"ltr\" class=\"fallback\" data-name=\"Français\">\n<p>Bonjour</p>\n</div>\n\
             <p lang=\"fr\" dir=\"ltr\" class=\"fallback\" data-name=\"Français\">Oui</p>\n"
        );
    }

    fn lang(tag: &str, dir: Direction, name: &str) -> Lang {
        Lang {
            tag: tag.into(),
            dir,
            name: name.into(),
        }
    }

    fn from(lang: &Lang, text: &str) -> Vec<Inline> {
        vec![Inline::Lang {
            lang: lang.clone(),
            content: vec![Inline::Text(text.into())],
        }]
    }

    #[test]
    fn sentences_of_one_language_share_a_line_that_carries_it() {
        let fr = lang("fr", Direction::Ltr, "Français");
        let (translated, review) = (from(&fr, "Traduit à 5 %"), from(&fr, "Non vérifiée."));
        let lines = sentence_lines(&[(None, &translated), (Some("span.unreviewed"), &review)]);
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].attrs, " lang=\"fr\" dir=\"ltr\"");
        assert_eq!(
            lines[0].html,
            "Traduit à 5 % <span class=\"unreviewed\">Non vérifiée.</span>"
        );
    }

    #[test]
    fn a_sentence_in_another_language_gets_a_line_of_its_own() {
        let en = lang("en", Direction::Ltr, "English");
        let translated = vec![Inline::Text("مترجمة".into())];
        let review = from(&en, "Not reviewed.");
        let lines = sentence_lines(&[(Some("strong"), &translated), (None, &review)]);
        let lines: Vec<(&str, &str)> = lines
            .iter()
            .map(|l| (l.attrs.as_str(), l.html.as_str()))
            .collect();
        assert_eq!(
            lines,
            [
                ("", "<strong>مترجمة</strong>"),
                (" lang=\"en\" dir=\"ltr\"", "Not reviewed.")
            ]
        );
        // A line partly in another language keeps that part marked.
        let mixed = [Inline::Text("مترجمة ".into()), from(&en, "PDF").remove(0)];
        let line = own_line(&mixed);
        assert_eq!(line.attrs, "");
        assert!(
            line.html
                .starts_with("مترجمة <span lang=\"en\" dir=\"ltr\" class=\"fallback\"")
        );
    }

    #[test]
    fn linked_variables_keep_their_isolation() {
        let html = inlines_html(&[Inline::Var {
            name: "hotline".into(),
            text: "+1 (555) 010-1234".into(),
            link: Some("tel:+15550101234".into()),
        }]);
        assert_eq!(
            html,
            "<a href=\"tel:+15550101234\"><bdi class=\"var-hotline\">+1 (555) 010-1234</bdi></a>"
        );
    }
}
