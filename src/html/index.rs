//! The index pages: every language with its documents' titles and PDF
//! files in one `index.html`, or for many languages one index per
//! language and the site's index listing the languages by name, in pages
//! of lists when there are very many.

use minijinja::Value;

use crate::base::diag::{Diagnostic, Files};
use crate::config::{Config, Locale};
use crate::doc::Skeleton;
use crate::doc::model::Inline;
use crate::html::SWITCHER_MAX_LANGUAGES;
use crate::html::markup::{inlines_html, own_line, sentence_lines};
use crate::html::page::{LanguageLink, line_value, lines_context, texts_context};
use crate::html::templates::Templates;
use crate::i18n::page::IndexTexts;

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

/// The site's title and interface texts, in the reference language, and
/// how each index page is rendered: shared by every page of the index.
struct IndexChrome<'a> {
    lang: &'a str,
    dir: &'static str,
    title: &'a [Inline],
    texts: &'a [(&'static str, Vec<Inline>)],
    templates: &'a Templates,
    files: &'a Files,
}

impl IndexChrome<'_> {
    /// Renders an index page (`index.html` and, for many languages, the
    /// pages it is split into).
    fn render(&self, view: &IndexView<'_>) -> Result<String, Diagnostic> {
        let title = self.title;
        let context = minijinja::context! {
            lang => self.lang,
            dir => self.dir,
            title => crate::doc::model::plain_text(title),
            title_html => Value::from_safe_string(inlines_html(title)),
            texts => texts_context(self.texts),
            lines => lines_context(self.texts),
            locales => locale_values(view.locales),
            languages => Value::from_serialize(&view.languages),
            lists => view.lists.iter().map(|(href, first, last)| minijinja::context! {
                href => href,
                first => Value::from_serialize(first),
                last => Value::from_serialize(last),
            }).collect::<Vec<_>>(),
            up_href => view.up_href,
            how_to_print => how_to_print_values(view.locales, self.texts),
            css => Value::from_safe_string(self.templates.css.clone()),
        };
        self.templates
            .render_with_fonts("index.html", context, self.files)
    }
}

/// The languages of an index page as the template reads them.
fn locale_values(locales: &[IndexLocale]) -> Vec<Value> {
    locales
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let documents: Vec<Value> = l.documents.iter().map(document_value).collect();
            let review = l
                .review
                .as_deref()
                .map(|r| Value::from_safe_string(inlines_html(r)));
            // The first language of a group of scripts shows a few of the
            // script's letters, which any reader of it recognises.
            let starts_group = i == 0 || locales[i - 1].script != l.script;
            let script_sample = script_sample(&l.script).filter(|_| starts_group);
            // How much is translated and whether it was reviewed: a line
            // in the language of its text, or two when they differ.
            let mut state = vec![(None, l.translated.as_slice())];
            if let Some(review) = &l.review {
                state.push((Some("span.unreviewed"), review.as_slice()));
            }
            let state: Vec<Value> = sentence_lines(&state).into_iter().map(line_value).collect();
            minijinja::context! {
                script => l.script,
                script_sample => script_sample,
                tag => l.tag,
                endonym => l.endonym,
                dir => l.dir,
                documents => documents,
                translated => Value::from_safe_string(inlines_html(&l.translated)),
                review => review,
                state => state,
            }
        })
        .collect()
}

/// A document of a language as the template reads it.
fn document_value(document: &IndexDocument) -> Value {
    let IndexDocument { href, title, pdfs } = document;
    // A title wholly in another language gives its item that language, so
    // that the item and the file names under it run in its direction
    // (`line`; `title` is the title as it is, with its language).
    let line = line_value(own_line(title));
    let pdfs: Vec<Value> = pdfs
        .iter()
        .map(|(href, _)| {
            minijinja::context! {
                href => href,
                name => href.rsplit('/').next().unwrap_or(href),
            }
        })
        .collect();
    minijinja::context! {
        href => href,
        title => Value::from_safe_string(inlines_html(title)),
        line => line,
        pdfs => pdfs,
    }
}

/// How to print each kind of file the index links, once, with the name
/// of the first such file as an example.
fn how_to_print_values(
    locales: &[IndexLocale],
    texts: &[(&'static str, Vec<Inline>)],
) -> Vec<Value> {
    let mut kinds: Vec<(&'static str, &str)> = Vec::new();
    for document in locales.iter().flat_map(|l| &l.documents) {
        for (href, how) in &document.pdfs {
            if !kinds.iter().any(|(k, _)| k == how) {
                kinds.push((how, href.rsplit('/').next().unwrap_or(href)));
            }
        }
    }
    kinds
        .iter()
        .filter_map(|(name, example)| {
            let (_, how) = texts.iter().find(|(n, _)| n == name)?;
            Some(minijinja::context! {
                example => example,
                how => Value::from_safe_string(inlines_html(how)),
                line => line_value(own_line(how)),
            })
        })
        .collect()
}

/// The most languages one page of the index lists by name.
pub(crate) const LANGUAGES_PER_LIST: usize = 150;

/// The folder of the index's lists of languages, for many languages.
pub(crate) const LANGUAGE_LISTS_DIR: &str = "languages";

/// Whether each language has an index page of its own, in its folder
/// (above [`SWITCHER_MAX_LANGUAGES`] languages; see [`index_pages`]).
pub(crate) fn languages_have_own_index(config: &Config) -> bool {
    config.locales.len() > SWITCHER_MAX_LANGUAGES
}

/// Makes the index pages, giving each to `page` with its path in the
/// output folder as it is made (so that a site of thousands of languages
/// never holds them all at once), the site's `index.html` first. Up to
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
    (templates, files): (&Templates, &Files),
    page: &mut dyn FnMut(String, String),
) -> Result<(), Diagnostic> {
    let split = languages_have_own_index(config);
    let locales = index_locales(config, index, skeletons, pdfs, split);
    let reference = config.locale(&config.reference);
    let chrome = IndexChrome {
        lang: reference.map_or("", |l| l.tag.as_str()),
        dir: reference.map_or("ltr", |l| l.direction.as_str()),
        title: &index.title,
        texts: &index.texts,
        templates,
        files,
    };
    if !split {
        let view = IndexView {
            locales: &locales,
            ..IndexView::default()
        };
        page("index.html".to_owned(), chrome.render(&view)?);
        return Ok(());
    }
    split_index_pages(&locales, &chrome, page)
}

/// Every language with the documents built in it, grouped by script, the
/// reference language's first; within a group the reference language
/// first, then by name. `split`: each language's documents are linked
/// from its own index, beside them.
fn index_locales(
    config: &Config,
    index: &IndexTexts,
    skeletons: &[Skeleton],
    pdfs: &PrintFiles<'_>,
    split: bool,
) -> Vec<IndexLocale> {
    let mut locales = Vec::new();
    for ((locale, titles), (translated, review)) in config
        .locales
        .values()
        .zip(&index.titles)
        .zip(&index.states)
    {
        let folder = if split {
            String::new()
        } else {
            format!("{}/", locale.tag)
        };
        let documents: Vec<IndexDocument> = skeletons
            .iter()
            .zip(titles)
            .filter_map(|(skeleton, title)| {
                let title = title.clone()?;
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
    locales
}

/// The index of many languages: the site's, listing the languages by
/// name or pages of such lists, then each language's own, then the lists.
fn split_index_pages(
    locales: &[IndexLocale],
    chrome: &IndexChrome<'_>,
    page: &mut dyn FnMut(String, String),
) -> Result<(), Diagnostic> {
    let link = |l: &IndexLocale, up: &str| LanguageLink {
        tag: l.tag.clone(),
        endonym: l.endonym.clone(),
        dir: l.dir,
        href: format!("{up}{}/index.html", l.tag),
        current: false,
    };
    let list_path = |n: usize| format!("{LANGUAGE_LISTS_DIR}/{}.html", n + 1);
    let listed = locales.len() > LANGUAGES_PER_LIST;
    let root = if listed {
        let lists = locales
            .chunks(LANGUAGES_PER_LIST)
            .enumerate()
            .map(|(n, chunk)| {
                let (first, last) = (&chunk[0], &chunk[chunk.len() - 1]);
                (list_path(n), link(first, ""), link(last, ""))
            })
            .collect();
        IndexView {
            lists,
            ..IndexView::default()
        }
    } else {
        IndexView {
            languages: locales.iter().map(|l| link(l, "")).collect(),
            ..IndexView::default()
        }
    };
    page("index.html".to_owned(), chrome.render(&root)?);
    for locale in locales {
        let view = IndexView {
            locales: std::slice::from_ref(locale),
            up_href: Some("../index.html"),
            ..IndexView::default()
        };
        page(format!("{}/index.html", locale.tag), chrome.render(&view)?);
    }
    if listed {
        for (n, chunk) in locales.chunks(LANGUAGES_PER_LIST).enumerate() {
            let view = IndexView {
                languages: chunk.iter().map(|l| link(l, "../")).collect(),
                up_href: Some("../index.html"),
                ..IndexView::default()
            };
            page(list_path(n), chrome.render(&view)?);
        }
    }
    Ok(())
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
