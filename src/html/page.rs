//! A document's page: the resolved page in its locale with the language
//! switcher, the notices, the sources and the list of its PDF files, each
//! with how to print it, through `page.html`.

use std::collections::HashMap;

use minijinja::Value;
use serde::Serialize;

use crate::base::diag::{Diagnostic, Files};
use crate::config::{Config, Locale};
use crate::doc::model::{Block, Inline};
use crate::html::SWITCHER_MAX_LANGUAGES;
use crate::html::markup::{
    Listen, OwnLine, blocks_html, body_html, inlines_html, listen_list, own_line, sentence_lines,
};
use crate::html::templates::Templates;
use crate::i18n::interface::html_name;
use crate::i18n::page::Page;

/// A link to the same document in another language.
#[derive(Serialize, Debug, Clone)]
pub(crate) struct LanguageLink {
    /// Locale tag.
    pub tag: String,
    /// The language's own name.
    pub endonym: String,
    /// Writing direction.
    pub dir: &'static str,
    /// Relative address.
    pub href: String,
    /// This page's language.
    pub current: bool,
}

/// A source the content is based on.
#[derive(Serialize, Debug, Clone)]
pub(crate) struct SourceLink {
    /// Title.
    pub name: String,
    /// Address.
    pub url: String,
}

/// Everything a document page shows, already resolved; inline fragments
/// are model inlines rendered to HTML here.
pub(crate) struct PageContext<'a> {
    /// Page language.
    pub lang: &'a str,
    /// Page direction.
    pub dir: &'static str,
    /// Title.
    pub title: &'a [Inline],
    /// Body.
    pub blocks: &'a [Block],
    /// Interface texts by name (`not-legal-advice`, `last-reviewed`, ...;
    /// templates read them as `not_legal_advice`).
    pub texts: Vec<(&'static str, Vec<Inline>)>,
    /// Notices shown above the content (unreviewed, partly translated).
    pub notices: Vec<Vec<Inline>>,
    /// Sources.
    pub sources: Vec<SourceLink>,
    /// The language the sources are written in (the skeleton's: the
    /// reference locale's), and its direction.
    pub sources_lang: (&'a str, &'static str),
    /// Language switcher.
    pub languages: Vec<LanguageLink>,
    /// Relative address of the index page.
    pub index_href: &'a str,
    /// The page's PDF files (beside it), each with how to print it.
    pub print: Vec<(String, Vec<Inline>)>,
}

/// Renders a document page.
pub(crate) fn render_page(
    page: &PageContext<'_>,
    templates: &Templates,
    files: &Files,
) -> Result<String, Diagnostic> {
    let texts = texts_context(&page.texts);
    let labels: HashMap<String, String> = page
        .texts
        .iter()
        .map(|(name, inlines)| (html_name(name), crate::doc::model::plain_text(inlines)))
        .collect();
    let listen = Listen {
        plain: labels.get("listen").cloned().unwrap_or_default(),
        html: page
            .texts
            .iter()
            .find(|(name, _)| *name == "listen")
            .map(|(_, inlines)| inlines_html(inlines))
            .unwrap_or_default(),
    };
    let context = minijinja::context! {
        labels => labels,
        lang => page.lang,
        dir => page.dir,
        title => crate::doc::model::plain_text(page.title),
        title_html => Value::from_safe_string(inlines_html(page.title)),
        body => Value::from_safe_string(body_html(page.blocks, &listen)),
        listen => listen_list(page.blocks, &listen).into_iter().map(Value::from_safe_string).collect::<Vec<_>>(),
        texts => texts,
        notices => page.notices.iter().map(|n| Value::from_safe_string(blocks_html(&[Block::Paragraph(n.clone())]))).collect::<Vec<_>>(),
        sources => Value::from_serialize(&page.sources),
        sources_lang => page.sources_lang.0,
        sources_dir => page.sources_lang.1,
        lines => lines_context(&page.texts),
        legal => legal_lines(&page.texts),
        languages => Value::from_serialize(&page.languages),
        index_href => page.index_href,
        print => page.print.iter().map(|(href, how)| minijinja::context! {
            href => href,
            how => Value::from_safe_string(inlines_html(how)),
            line => line_value(own_line(how)),
        }).collect::<Vec<_>>(),
        css => Value::from_safe_string(templates.css.clone()),
    };
    templates.render_with_fonts("page.html", context, files)
}

/// The page of a resolved document, with a link to it in every locale and
/// to its PDF files (`pdfs`: each file's name and the interface text that
/// says how to print it; empty when no PDF is built).
pub(crate) fn document_page(
    config: &Config,
    page: &Page,
    pdfs: &[(String, &'static str)],
    templates: &Templates,
    files: &Files,
) -> Result<String, Diagnostic> {
    let locale = page.locale;
    let document = &page.document;
    let languages = language_links(config, locale, &document.name);
    let reference = config.locale(&config.reference);
    let sources = document
        .sources
        .iter()
        .map(|s| SourceLink {
            name: s.name.clone(),
            url: s.url.clone(),
        })
        .collect();
    let shown = PageContext {
        lang: &locale.tag,
        dir: locale.direction.as_str(),
        title: &document.title,
        blocks: &document.blocks,
        texts: page.texts.clone(),
        notices: page
            .review_notice
            .iter()
            .chain(&page.notices)
            .cloned()
            .collect(),
        sources,
        sources_lang: (
            reference.map_or("", |l| l.tag.as_str()),
            reference.map_or("ltr", |l| l.direction.as_str()),
        ),
        languages,
        // With many languages, each has its own index beside its pages.
        index_href: if config.locales.len() > SWITCHER_MAX_LANGUAGES {
            "index.html"
        } else {
            "../index.html"
        },
        print: pdfs
            .iter()
            .map(|(file, text)| {
                let how = page
                    .texts
                    .iter()
                    .find(|(name, _)| name == text)
                    .map(|(_, how)| how.clone())
                    .unwrap_or_default();
                (file.clone(), how)
            })
            .collect(),
    };
    render_page(&shown, templates, files)
}

/// Interface texts by name, as HTML the templates insert unescaped.
pub(super) fn texts_context(texts: &[(&'static str, Vec<Inline>)]) -> HashMap<String, Value> {
    texts
        .iter()
        .map(|(name, inlines)| {
            (
                html_name(name),
                Value::from_safe_string(inlines_html(inlines)),
            )
        })
        .collect()
}

/// Interface texts by name as lines of their own ([`OwnLine`]): each
/// with `attrs` for the element that holds it and its `html`.
pub(super) fn lines_context(texts: &[(&'static str, Vec<Inline>)]) -> HashMap<String, Value> {
    texts
        .iter()
        .map(|(name, inlines)| (html_name(name), line_value(own_line(inlines))))
        .collect()
}

/// A line as the templates read it: `attrs` and `html`, both inserted
/// unescaped.
pub(super) fn line_value(line: OwnLine) -> Value {
    minijinja::context! {
        attrs => Value::from_safe_string(line.attrs),
        html => Value::from_safe_string(line.html),
    }
}

/// The footer's legal line: "not legal advice", in bold, and when the
/// content was last checked, each in its own language.
fn legal_lines(texts: &[(&'static str, Vec<Inline>)]) -> Vec<Value> {
    let text = |name: &str| texts.iter().find(|(n, _)| *n == name).map(|(_, t)| t);
    let mut sentences = Vec::new();
    if let Some(advice) = text("not-legal-advice") {
        sentences.push((Some("strong"), advice.as_slice()));
    }
    if let Some(reviewed) = text("last-reviewed") {
        sentences.push((None, reviewed.as_slice()));
    }
    sentence_lines(&sentences)
        .into_iter()
        .map(line_value)
        .collect()
}

/// The page's language switcher: the same document in every language.
/// With many languages it lists only this page's own chain (its
/// language, the ones it falls back to); the index, linked above it,
/// lists them all. Every page then stays the same size however many
/// languages the project has.
fn language_links(config: &Config, locale: &Locale, document: &str) -> Vec<LanguageLink> {
    let listed = |l: &&Locale| {
        config.locales.len() <= SWITCHER_MAX_LANGUAGES || locale.chain.contains(&l.tag)
    };
    config
        .locales
        .values()
        .filter(listed)
        .map(|l| LanguageLink {
            tag: l.tag.clone(),
            endonym: l.endonym.clone(),
            dir: l.direction.as_str(),
            href: format!("../{}/{document}.html", l.tag),
            current: l.tag == locale.tag,
        })
        .collect()
}
