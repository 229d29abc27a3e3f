//! The HTML back end: document model -> escaped HTML fragments, placed in
//! self-contained pages by minijinja templates (`templates/html/`, with
//! built-in defaults). Every piece of text is escaped; variables are
//! wrapped in `<bdi>`; text from another locale carries its `lang`/`dir`.

use std::collections::HashMap;
use std::fmt::Write as _;

use minijinja::{Environment, Value};
use serde::Serialize;

use crate::base::diag::{Diagnostic, FileId, Files, Span};
use crate::config::{Config, Locale};
use crate::doc::Skeleton;
use crate::doc::model::{Block, Inline, Lang, Leaf, Recorded};
use crate::i18n::interface::html_name;
use crate::i18n::page::{IndexTexts, Page};

pub(crate) mod fonts;

/// Built-in templates, used when the project does not provide its own.
const BUILTIN: &[(&str, &str)] = &[
    ("base.html", include_str!("../../templates/html/base.html")),
    ("page.html", include_str!("../../templates/html/page.html")),
    (
        "index.html",
        include_str!("../../templates/html/index.html"),
    ),
    ("style.css", include_str!("../../templates/html/style.css")),
];

/// The HTML templates and stylesheet of a project.
pub struct Templates {
    env: Environment<'static>,
    css: String,
    files: HashMap<String, FileId>,
    usable: bool,
}

impl Templates {
    /// Loads the built-in templates, replaced by the project's where it has
    /// a file of the same name. Syntax errors become diagnostics.
    pub fn load(
        overrides: &[(String, FileId)],
        files: &Files,
        diags: &mut Vec<Diagnostic>,
    ) -> Self {
        let mut env = environment();
        let mut css = String::new();
        let mut file_ids = HashMap::new();
        let mut usable = true;
        for (name, builtin) in BUILTIN {
            let own = overrides.iter().find(|(n, _)| n == name).map(|(_, id)| *id);
            let source = own.map_or_else(|| (*builtin).to_owned(), |id| files.text(id).to_owned());
            if let Some(id) = own {
                file_ids.insert((*name).to_owned(), id);
            }
            if name.ends_with(".css") {
                css = source;
                continue;
            }
            if let Err(e) = env.add_template_owned(*name, source) {
                diags.push(template_diagnostic(&e, own, files));
                usable = false;
            }
        }
        Templates {
            env,
            css,
            files: file_ids,
            usable,
        }
    }

    /// False when a template has a syntax error: no page can be made.
    pub fn is_usable(&self) -> bool {
        self.usable
    }

    /// Renders a page twice: the second time with the `@font-face` rules
    /// that the text of the first needs (`{{ fonts }}` in `base.html`).
    fn render_with_fonts(
        &self,
        name: &str,
        context: Value,
        files: &Files,
    ) -> Result<String, Diagnostic> {
        let first = self.render(
            name,
            minijinja::context! { fonts => "", ..context.clone() },
            files,
        )?;
        let fonts = Value::from_safe_string(fonts::font_faces(&first));
        self.render(
            name,
            minijinja::context! { fonts => fonts, ..context },
            files,
        )
    }

    fn render(&self, name: &str, context: Value, files: &Files) -> Result<String, Diagnostic> {
        let template = self
            .env
            .get_template(name)
            .map_err(|e| template_diagnostic(&e, self.files.get(name).copied(), files))?;
        template
            .render(context)
            .map_err(|e| template_diagnostic(&e, self.files.get(name).copied(), files))
    }
}

/// A template environment that escapes as every kyr page does:
/// templates named `*.html` are HTML with every value escaped by
/// [`escape_into`], others (CSS) are not escaped.
pub(crate) fn environment() -> Environment<'static> {
    let mut env = Environment::new();
    env.set_auto_escape_callback(|name| {
        if name.ends_with(".html") {
            minijinja::AutoEscape::Html
        } else {
            minijinja::AutoEscape::None
        }
    });
    // minijinja's HTML escaping also escapes `/`; ours keeps addresses
    // readable and escapes what matters: `& < > " '`.
    env.set_formatter(|out, state, value| match value.as_str() {
        Some(text) if state.auto_escape() == minijinja::AutoEscape::Html && !value.is_safe() => {
            let mut escaped = String::with_capacity(text.len());
            escape_into(&mut escaped, text);
            out.write_str(&escaped).map_err(minijinja::Error::from)
        }
        _ => minijinja::escape_formatter(out, state, value),
    });
    env
}

fn template_diagnostic(e: &minijinja::Error, file: Option<FileId>, files: &Files) -> Diagnostic {
    let detail = e.detail().map(|d| format!(": {d}")).unwrap_or_default();
    let message = format!("template error: {}{detail}", e.kind());
    let span = file.map(|file| {
        let text = files.text(file);
        let range = e
            .range()
            .filter(|r| r.end <= text.len())
            .unwrap_or_else(|| {
                let line = e.line().unwrap_or(1);
                let start = nth_line_start(text, line);
                start..start
            });
        Span::new(file, range)
    });
    Diagnostic::error(message).at_opt(span)
}

fn nth_line_start(text: &str, line: usize) -> usize {
    if line <= 1 {
        return 0;
    }
    text.match_indices('\n')
        .nth(line - 2)
        .map_or(text.len(), |(i, _)| i + 1)
}

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
        languages => Value::from_serialize(&page.languages),
        index_href => page.index_href,
        print => page.print.iter().map(|(href, how)| minijinja::context! {
            href => href,
            how => Value::from_safe_string(inlines_html(how)),
        }).collect::<Vec<_>>(),
        css => Value::from_safe_string(templates.css.clone()),
    };
    templates.render_with_fonts("page.html", context, files)
}

/// One language's section of the index page.
pub(crate) struct IndexLocale {
    /// Locale tag.
    pub tag: String,
    /// The language's own name.
    pub endonym: String,
    /// Writing direction.
    pub dir: &'static str,
    /// Documents built in this language.
    pub documents: Vec<IndexDocument>,
    /// The script its name is written in (ISO 15924), to group by.
    pub script: String,
    /// How much is translated, in this language.
    pub translated: Vec<Inline>,
    /// The review notice, unless a person reviewed the translation.
    pub review: Option<Vec<Inline>>,
}

/// A document's PDF files built in a locale (file name in the locale's
/// folder, and the interface text that says how to print it).
pub(crate) type PrintFiles<'a> = dyn Fn(&Locale, &Skeleton) -> Vec<(String, &'static str)> + 'a;

/// A few letters of a script, to mark where its languages start on the
/// index; none for a script not listed.
fn script_sample(script: &str) -> Option<&'static str> {
    Some(match script {
        "Latn" => "Abc",
        "Arab" => "أبت",
        "Adlm" => "𞤀𞤄𞤅",
        "Ethi" => "ሀለሐ",
        "Deva" => "अआइ",
        "Beng" => "অআই",
        "Hebr" => "אבג",
        "Nkoo" => "ߊߓߔ",
        "Cyrl" => "Абв",
        "Grek" => "Αβγ",
        _ => return None,
    })
}

/// A document as a language of the index lists it.
pub(crate) struct IndexDocument {
    /// Its page.
    pub href: String,
    /// Its title in the language.
    pub title: Vec<Inline>,
    /// Its PDF files, each with the interface text that says how to print
    /// it.
    pub pdfs: Vec<(String, &'static str)>,
}

/// What one index page lists, besides the site's title and notice.
#[derive(Default)]
pub(crate) struct IndexView<'a> {
    /// Languages with their documents, in full.
    pub locales: &'a [IndexLocale],
    /// Languages by name only, each linking to its own index.
    pub languages: Vec<LanguageLink>,
    /// Pages of such lists, by the first and last language they hold.
    pub lists: Vec<(String, LanguageLink, LanguageLink)>,
    /// The site's index, from a page below it.
    pub up_href: Option<&'a str>,
}

/// Renders an index page (`index.html` and, for many languages, the
/// pages it is split into).
pub(crate) fn render_index(
    lang: &str,
    dir: &'static str,
    title: &[Inline],
    texts: &[(&'static str, Vec<Inline>)],
    view: &IndexView<'_>,
    templates: &Templates,
    files: &Files,
) -> Result<String, Diagnostic> {
    let locales = view.locales;
    let raw_texts = texts;
    let texts = texts_context(texts);
    let locales: Vec<Value> = locales
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let documents: Vec<Value> = l
                .documents
                .iter()
                .map(|IndexDocument { href, title, pdfs }| {
                    let pdfs: Vec<Value> = pdfs
                        .iter()
                        .map(|(href, _)| minijinja::context! {
                            href => href,
                            name => href.rsplit('/').next().unwrap_or(href),
                        })
                        .collect();
                    minijinja::context! { href => href, title => Value::from_safe_string(inlines_html(title)), pdfs => pdfs }
                })
                .collect();
            let review = l.review.as_deref().map(|r| Value::from_safe_string(inlines_html(r)));
            // The first language of a group of scripts shows a few of the
            // script's letters, which any reader of it recognises.
            let starts_group = i == 0 || locales[i - 1].script != l.script;
            let script_sample = script_sample(&l.script).filter(|_| starts_group);
            minijinja::context! {
                script => l.script,
                script_sample => script_sample,
                tag => l.tag,
                endonym => l.endonym,
                dir => l.dir,
                documents => documents,
                translated => Value::from_safe_string(inlines_html(&l.translated)),
                review => review,
            }
        })
        .collect();
    // How to print each kind of file the index links, once, with the
    // name of the first such file as an example.
    let mut kinds: Vec<(&'static str, &str)> = Vec::new();
    for document in view.locales.iter().flat_map(|l| &l.documents) {
        for (href, how) in &document.pdfs {
            if !kinds.iter().any(|(k, _)| k == how) {
                kinds.push((how, href.rsplit('/').next().unwrap_or(href)));
            }
        }
    }
    let how_to_print: Vec<Value> = kinds
        .iter()
        .filter_map(|(name, example)| {
            let (_, how) = raw_texts.iter().find(|(n, _)| n == name)?;
            Some(minijinja::context! {
                example => example,
                how => Value::from_safe_string(inlines_html(how)),
            })
        })
        .collect();
    let context = minijinja::context! {
        lang => lang,
        dir => dir,
        title => crate::doc::model::plain_text(title),
        title_html => Value::from_safe_string(inlines_html(title)),
        texts => texts,
        locales => locales,
        languages => Value::from_serialize(&view.languages),
        lists => view.lists.iter().map(|(href, first, last)| minijinja::context! {
            href => href,
            first => Value::from_serialize(first),
            last => Value::from_serialize(last),
        }).collect::<Vec<_>>(),
        up_href => view.up_href,
        how_to_print => how_to_print,
        css => Value::from_safe_string(templates.css.clone()),
    };
    templates.render_with_fonts("index.html", context, files)
}

/// Above this many languages, a page's language switcher lists only its
/// own fallback chain, and the index is split (see [`index_pages`]).
pub(crate) const SWITCHER_MAX_LANGUAGES: usize = 40;

/// The most languages one page of the index lists by name.
pub(crate) const LANGUAGES_PER_LIST: usize = 150;

/// The folder of the index's lists of languages, for many languages.
pub(crate) const LANGUAGE_LISTS_DIR: &str = "languages";

/// The largest page a phone on a slow connection should have to load, in
/// bytes; a build warns about a bigger one.
pub(crate) const PAGE_BUDGET_BYTES: usize = 30 * 1024;

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
    // With many languages the switcher lists only this page's own chain
    // (its language, the ones it falls back to); the index, linked above
    // it, lists them all. Every page then stays the same size however
    // many languages the project has.
    let listed = |l: &&Locale| {
        config.locales.len() <= SWITCHER_MAX_LANGUAGES || locale.chain.contains(&l.tag)
    };
    let languages = config
        .locales
        .values()
        .filter(listed)
        .map(|l| LanguageLink {
            tag: l.tag.clone(),
            endonym: l.endonym.clone(),
            dir: l.direction.as_str(),
            href: format!("../{}/{}.html", l.tag, document.name),
            current: l.tag == locale.tag,
        })
        .collect();
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

/// The index pages, each with its path in the output folder. Up to
/// [`SWITCHER_MAX_LANGUAGES`] languages, one `index.html` lists every
/// language with its documents' titles (those `index` found a page for).
/// Above that, each language has its own `<tag>/index.html`, and the
/// site's `index.html` lists the languages by name, or, above
/// [`LANGUAGES_PER_LIST`], lists pages of such lists
/// (`languages/<n>.html`): every page stays small however many languages
/// the project has.
pub(crate) fn index_pages(
    config: &Config,
    index: &IndexTexts,
    (skeletons, pdfs): (&[Skeleton], &PrintFiles<'_>),
    templates: &Templates,
    files: &Files,
) -> Result<Vec<(String, String)>, Diagnostic> {
    let split = config.locales.len() > SWITCHER_MAX_LANGUAGES;
    let mut locales = Vec::new();
    for ((locale, titles), (translated, review)) in config
        .locales
        .values()
        .zip(&index.titles)
        .zip(&index.states)
    {
        let documents: Vec<IndexDocument> = skeletons
            .iter()
            .zip(titles)
            .filter_map(|(skeleton, title)| {
                let title = title.clone()?;
                let folder = if split {
                    String::new()
                } else {
                    format!("{}/", locale.tag)
                };
                let href = format!("{folder}{}.html", skeleton.name);
                let pdfs = pdfs(locale, skeleton)
                    .into_iter()
                    .map(|(file, how)| (format!("{folder}{file}"), how))
                    .collect();
                Some(IndexDocument { href, title, pdfs })
            })
            .collect();
        if !documents.is_empty() {
            locales.push(IndexLocale {
                script: crate::base::lang::script_of(&locale.langid, &locale.endonym),
                tag: locale.tag.clone(),
                endonym: locale.endonym.clone(),
                dir: locale.direction.as_str(),
                documents,
                translated: translated.clone(),
                review: review.clone(),
            });
        }
    }
    // Grouped by script, the reference language's first; within a group
    // the reference language first, then by name.
    let reference_script = locales
        .iter()
        .find(|l| l.tag == config.reference)
        .map(|l| l.script.clone());
    locales.sort_by_cached_key(|l| {
        (
            Some(&l.script) != reference_script.as_ref(),
            l.script.clone(),
            l.tag != config.reference,
            l.endonym.to_lowercase(),
            l.tag.clone(),
        )
    });
    let reference = config.locale(&config.reference);
    let render = |view: &IndexView<'_>| {
        render_index(
            reference.map_or("", |l| l.tag.as_str()),
            reference.map_or("ltr", |l| l.direction.as_str()),
            &index.title,
            &index.texts,
            view,
            templates,
            files,
        )
    };
    if !split {
        let view = IndexView {
            locales: &locales,
            ..IndexView::default()
        };
        return Ok(vec![("index.html".to_owned(), render(&view)?)]);
    }
    let mut pages = Vec::new();
    for locale in &locales {
        let view = IndexView {
            locales: std::slice::from_ref(locale),
            up_href: Some("../index.html"),
            ..IndexView::default()
        };
        pages.push((format!("{}/index.html", locale.tag), render(&view)?));
    }
    let link = |l: &IndexLocale, up: &str| LanguageLink {
        tag: l.tag.clone(),
        endonym: l.endonym.clone(),
        dir: l.dir,
        href: format!("{up}{}/index.html", l.tag),
        current: false,
    };
    let root = if locales.len() <= LANGUAGES_PER_LIST {
        IndexView {
            languages: locales.iter().map(|l| link(l, "")).collect(),
            ..IndexView::default()
        }
    } else {
        let mut lists = Vec::new();
        for (n, chunk) in locales.chunks(LANGUAGES_PER_LIST).enumerate() {
            let path = format!("{LANGUAGE_LISTS_DIR}/{}.html", n + 1);
            let view = IndexView {
                languages: chunk.iter().map(|l| link(l, "../")).collect(),
                up_href: Some("../index.html"),
                ..IndexView::default()
            };
            pages.push((path.clone(), render(&view)?));
            let (first, last) = (&chunk[0], &chunk[chunk.len() - 1]);
            lists.push((path, link(first, ""), link(last, "")));
        }
        IndexView {
            lists,
            ..IndexView::default()
        }
    };
    pages.insert(0, ("index.html".to_owned(), render(&root)?));
    Ok(pages)
}

/// Whether `path` (in the output folder) is one of the pages
/// [`index_pages`] makes.
pub(crate) fn is_index_page(path: &str) -> bool {
    path == "index.html"
        || path
            .strip_prefix(LANGUAGE_LISTS_DIR)
            .is_some_and(|rest| rest.starts_with('/'))
        || path
            .split_once('/')
            .is_some_and(|(tag, rest)| rest == "index.html" && !tag.is_empty())
}

/// Interface texts by name, as HTML the templates insert unescaped.
fn texts_context(texts: &[(&'static str, Vec<Inline>)]) -> HashMap<String, Value> {
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

/// Blocks as HTML.
pub(crate) fn blocks_html(blocks: &[Block]) -> String {
    let mut out = String::new();
    write_blocks(&mut out, blocks, &Listen::default());
    out
}

/// The "Listen" label of a page's players, as plain text (for screen
/// readers) and as HTML (marked with its language when it falls back).
#[derive(Default)]
struct Listen {
    plain: String,
    html: String,
}

/// A document's body as HTML: `listen` labels its recordings' players.
fn body_html(blocks: &[Block], listen: &Listen) -> String {
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

/// The recordings a page plays, by file name in its locale's `audio/`
/// folder, in the order it first links them (its "Listen" section lists
/// them in reading order).
pub(crate) fn played_recordings(html: &str) -> Vec<&str> {
    let prefix = format!("src=\"{AUDIO_DIR}/");
    let mut names: Vec<&str> = Vec::new();
    for (at, _) in html.match_indices(&prefix) {
        let rest = &html[at + prefix.len()..];
        let name = &rest[..rest.find('"').unwrap_or(0)];
        if !name.is_empty() && !name.contains('/') && !names.contains(&name) {
            names.push(name);
        }
    }
    names
}

/// The folder of a locale's recordings, beside its pages.
pub(crate) const AUDIO_DIR: &str = "audio";

/// The page's "Listen" section: every recording in reading order, each
/// with the first words of what it reads.
fn listen_list(blocks: &[Block], listen: &Listen) -> Vec<String> {
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
    match inlines {
        [Inline::Lang { lang, content }] => (format!(" {}", lang_attrs(lang)), content),
        _ => (String::new(), inlines),
    }
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
