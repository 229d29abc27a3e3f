//! The studio's own words: every word of the pages `kyr serve` makes for
//! volunteers (the work index, the translation and recording pages, the
//! problems banner, the share page) is a Fluent message of kyr's, compiled
//! in from `assets/studio/ui/<tag>/<part>.ftl`. A page speaks the first
//! language along the volunteer's locale's fallback chain that kyr has
//! studio words in (French for Wolof, Spanish for Mam), then English; or
//! the language the volunteer chose by its name in the chooser
//! (`?ui=<tag>`, kept in the `kyr-ui` cookie). A message that language
//! lacks comes from the next one, marked with its own `lang` and `dir`.

use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use minijinja::Value;
use minijinja::value::Kwargs;
use serde::Serialize;
use unic_langid::LanguageIdentifier;

use crate::base::lang::Direction;
use crate::html::escape_into;

/// The parts the studio's words are split in, one file each per language.
#[cfg(test)]
const PARTS: &[&str] = &["common", "record", "translate", "work", "problems", "share"];

/// The cookie that keeps the language a volunteer chose.
pub(super) const COOKIE: &str = "kyr-ui";

/// The query parameter that chooses a language.
pub(super) const QUERY: &str = "ui";

/// The message every language's `common.ftl` names itself with.
const NAME: &str = "studio-language-name";

/// The six part files of language `$tag`.
macro_rules! parts {
    ($tag:literal) => {
        [
            include_str!(concat!("../../assets/studio/ui/", $tag, "/common.ftl")),
            include_str!(concat!("../../assets/studio/ui/", $tag, "/record.ftl")),
            include_str!(concat!("../../assets/studio/ui/", $tag, "/translate.ftl")),
            include_str!(concat!("../../assets/studio/ui/", $tag, "/work.ftl")),
            include_str!(concat!("../../assets/studio/ui/", $tag, "/problems.ftl")),
            include_str!(concat!("../../assets/studio/ui/", $tag, "/share.ftl")),
        ]
    };
}

/// The languages kyr has studio words in: tag, direction and the files of
/// each part, in [`PARTS`] order.
const LANGUAGES: &[(&str, Direction, [&str; 6])] = &[
    ("en", Direction::Ltr, parts!("en")),
    ("fr", Direction::Ltr, parts!("fr")),
    ("es", Direction::Ltr, parts!("es")),
    ("ar", Direction::Rtl, parts!("ar")),
    ("pt", Direction::Ltr, parts!("pt")),
];

/// One language's studio words.
struct Language {
    tag: &'static str,
    direction: Direction,
    bundle: FluentBundle<FluentResource>,
}

impl Language {
    /// Message `id` with `args`, when this language has it.
    fn format(&self, id: &str, args: Option<&FluentArgs>) -> Option<String> {
        let pattern = self.bundle.get_message(id)?.value()?;
        let mut errors = Vec::new();
        Some(
            self.bundle
                .format_pattern(pattern, args, &mut errors)
                .into_owned(),
        )
    }

    /// Its name for itself.
    fn own_name(&self) -> String {
        self.format(NAME, None)
            .unwrap_or_else(|| self.tag.to_owned())
    }
}

/// Every language's studio words, read once per process, in
/// [`LANGUAGES`] order.
static STUDIO: LazyLock<Vec<Language>> = LazyLock::new(|| {
    LANGUAGES
        .iter()
        .map(|(tag, direction, sources)| Language {
            tag,
            direction: *direction,
            bundle: bundle(tag, sources),
        })
        .collect()
});

/// A language a volunteer can choose, by its own name.
#[derive(Debug, Clone, Serialize)]
pub(super) struct Choice {
    pub(super) tag: &'static str,
    pub(super) name: String,
    pub(super) dir: &'static str,
    /// The address that chooses it (`?ui=<tag>`).
    pub(super) href: String,
    /// Whether the page speaks it now.
    pub(super) current: bool,
}

/// The words of one page: its languages, first the one it speaks.
#[derive(Clone)]
pub(super) struct Ui {
    languages: Vec<&'static Language>,
}

impl Ui {
    /// The words for a volunteer: in `chosen` (a tag from the chooser)
    /// when kyr has it, else along `chain` (a locale's fallback chain,
    /// the locale first), then English.
    pub(super) fn new(chosen: Option<&str>, chain: &[String]) -> Ui {
        let mut order: Vec<usize> = Vec::new();
        let wanted = chosen.into_iter().chain(chain.iter().map(String::as_str));
        for tag in wanted.chain(["en"]) {
            if let Some(i) = studio_language(tag)
                && !order.contains(&i)
            {
                order.push(i);
            }
        }
        Ui {
            languages: order.into_iter().map(|i| &STUDIO[i]).collect(),
        }
    }

    /// The tag of the language the page speaks.
    pub(super) fn lang(&self) -> &'static str {
        self.languages[0].tag
    }

    /// Its direction (`ltr` or `rtl`).
    pub(super) fn dir(&self) -> &'static str {
        self.languages[0].direction.as_str()
    }

    /// Message `id` with `args`, as plain text, and the tag of the
    /// language it was found in; the id itself when no language has it
    /// (a test holds that every English message exists).
    pub(super) fn text(&self, id: &str, args: &[(&str, FluentValue)]) -> (String, &'static str) {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, value.clone());
        }
        self.languages
            .iter()
            .find_map(|language| Some((language.format(id, Some(&fluent_args))?, language.tag)))
            .unwrap_or_else(|| (id.to_owned(), "en"))
    }

    /// Message `id` with `args`, as escaped HTML: in a `span` with its own
    /// `lang` and `dir` when it came from another language than the
    /// page's.
    pub(super) fn html(&self, id: &str, args: &[(&str, FluentValue)]) -> String {
        let (text, tag) = self.text(id, args);
        let mut html = String::with_capacity(text.len() + 40);
        if tag == self.lang() {
            escape_into(&mut html, &text);
            return html;
        }
        let dir = LANGUAGES
            .iter()
            .find(|(t, ..)| *t == tag)
            .map_or("ltr", |(_, d, _)| d.as_str());
        html.push_str(&format!("<span lang=\"{tag}\" dir=\"{dir}\">"));
        escape_into(&mut html, &text);
        html.push_str("</span>");
        html
    }

    /// The languages a volunteer can choose, each by its own name, sorted
    /// by that name.
    pub(super) fn choices(&self) -> Vec<Choice> {
        let mut choices: Vec<Choice> = STUDIO
            .iter()
            .map(|language| Choice {
                tag: language.tag,
                name: language.own_name(),
                dir: language.direction.as_str(),
                href: format!("?{QUERY}={}", language.tag),
                current: language.tag == self.lang(),
            })
            .collect();
        choices.sort_by_key(|c| c.name.to_lowercase());
        choices
    }

    /// The template function `t(id, name=value, ...)`: the message as
    /// escaped HTML, numbers passed as numbers.
    pub(super) fn template_function(
        &self,
    ) -> impl Fn(&str, Kwargs) -> Result<Value, minijinja::Error> + Send + Sync + 'static {
        let ui = self.clone();
        move |id: &str, kwargs: Kwargs| {
            let names: Vec<String> = kwargs.args().map(str::to_owned).collect();
            let mut args: Vec<(&str, FluentValue)> = Vec::with_capacity(names.len());
            for name in &names {
                let value: Value = kwargs.get(name)?;
                let value = match f64::try_from(value.clone()) {
                    Ok(number) if value.is_number() => FluentValue::from(number),
                    _ => FluentValue::from(value.to_string()),
                };
                args.push((name, value));
            }
            Ok(Value::from_safe_string(ui.html(id, &args)))
        }
    }
}

/// Messages `ids` in every language kyr has studio words in, those of
/// `wanted` (tags, most wanted first) first: for a page shown before kyr
/// knows which language its reader reads. Each entry is a tag, its
/// direction and the texts.
pub(super) fn in_every_language(
    wanted: &[String],
    ids: &[&str],
) -> Vec<(&'static str, &'static str, Vec<String>)> {
    let mut order: Vec<usize> = wanted
        .iter()
        .filter_map(|tag| studio_language(tag))
        .collect();
    order.extend(0..LANGUAGES.len());
    let mut seen = Vec::new();
    order.retain(|i| {
        let new = !seen.contains(i);
        seen.push(*i);
        new
    });
    order
        .into_iter()
        .filter_map(|i| {
            let language = &STUDIO[i];
            let texts: Option<Vec<String>> =
                ids.iter().map(|id| language.format(id, None)).collect();
            texts.map(|texts| (language.tag, language.direction.as_str(), texts))
        })
        .collect()
}

/// The language of [`LANGUAGES`] a tag names: itself, or its language
/// alone when it has no script or region kyr would lose (`fr-CA` is
/// French; `ff-Adlm` is not Latin Pulaar).
fn studio_language(tag: &str) -> Option<usize> {
    if let Some(i) = LANGUAGES
        .iter()
        .position(|(t, ..)| t.eq_ignore_ascii_case(tag))
    {
        return Some(i);
    }
    let langid: LanguageIdentifier = tag.parse().ok()?;
    if langid.script.is_some() {
        return None;
    }
    LANGUAGES
        .iter()
        .position(|(t, ..)| *t == langid.language.as_str())
}

/// The bundle of one language's part files. They are kyr's own and a
/// test reads each whole, so an error here cannot happen at run time;
/// the entries Fluent can read are still kept if it did.
fn bundle(tag: &str, sources: &[&'static str; 6]) -> FluentBundle<FluentResource> {
    let langid: LanguageIdentifier = tag.parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![langid]);
    for source in sources {
        let resource = FluentResource::try_new((*source).to_owned()).unwrap_or_else(|(r, _)| r);
        bundle.add_resource_overriding(resource);
    }
    bundle
}

/// The language a request chose: `?ui=<tag>` first, then the cookie; only
/// a language kyr has studio words in.
pub(super) fn chosen(query: &str, cookie: Option<&str>) -> Option<&'static str> {
    let from_query = query
        .split('&')
        .find_map(|pair| pair.strip_prefix(&format!("{QUERY}=")));
    let from_cookie = cookie.and_then(|header| {
        header
            .split(';')
            .find_map(|pair| pair.trim().strip_prefix(&format!("{COOKIE}=")))
    });
    from_query
        .or(from_cookie)
        .and_then(studio_language)
        .map(|i| LANGUAGES[i].0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(source: &str) -> Vec<String> {
        let resource = FluentResource::try_new(source.to_owned()).unwrap();
        resource
            .entries()
            .filter_map(|entry| match entry {
                fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn every_studio_file_reads_whole_and_says_only_what_english_says() {
        let english = &LANGUAGES[0];
        assert_eq!(english.0, "en");
        for ((tag, _, sources), language) in LANGUAGES.iter().zip(STUDIO.iter()) {
            for (part, source) in PARTS.iter().zip(sources) {
                let resource = FluentResource::try_new((*source).to_owned());
                assert!(resource.is_ok(), "{tag}/{part}.ftl does not read whole");
                let english_ids = ids(english.2[PARTS.iter().position(|p| p == part).unwrap()]);
                for id in ids(source) {
                    assert!(
                        english_ids.contains(&id),
                        "{tag}/{part}.ftl has `{id}`, which English has not"
                    );
                }
            }
            assert_ne!(language.own_name(), *tag, "{tag} names itself");
        }
    }

    #[test]
    fn a_volunteer_reads_the_first_language_of_the_chain_kyr_speaks() {
        let chain = |tags: &[&str]| tags.iter().map(|t| (*t).to_owned()).collect::<Vec<_>>();
        assert_eq!(Ui::new(None, &chain(&["wo", "fr", "en"])).lang(), "fr");
        assert_eq!(Ui::new(None, &chain(&["mam", "es"])).lang(), "es");
        assert_eq!(Ui::new(None, &chain(&["fr-CA", "en"])).lang(), "fr");
        assert_eq!(Ui::new(None, &chain(&["ff-Adlm", "ff"])).lang(), "en");
        assert_eq!(Ui::new(None, &chain(&["pt-BR", "en"])).lang(), "pt");
        assert_eq!(Ui::new(None, &chain(&["ar", "en"])).dir(), "rtl");
        assert_eq!(Ui::new(Some("es"), &chain(&["wo", "fr"])).lang(), "es");
        assert_eq!(Ui::new(Some("xx"), &chain(&["wo", "fr"])).lang(), "fr");
    }

    #[test]
    fn a_message_the_language_lacks_comes_from_the_next_marked_with_its_language() {
        let ui = Ui::new(None, &["fr".to_owned()]);
        let (text, tag) = ui.text(NAME, &[]);
        assert_eq!((text.as_str(), tag), ("Français", "fr"));
        // A message only English has (none ships so; one is made here).
        let mut english = FluentBundle::new_concurrent(vec!["en".parse().unwrap()]);
        english
            .add_resource(FluentResource::try_new("only-en = <b> & co\n".to_owned()).unwrap())
            .unwrap();
        let english: &'static Language = Box::leak(Box::new(Language {
            tag: "en",
            direction: Direction::Ltr,
            bundle: english,
        }));
        let ui = Ui {
            languages: vec![&STUDIO[1], english],
        };
        assert_eq!(
            ui.html("only-en", &[]),
            "<span lang=\"en\" dir=\"ltr\">&lt;b&gt; &amp; co</span>"
        );
    }

    #[test]
    fn the_chosen_language_comes_from_the_query_then_the_cookie() {
        assert_eq!(chosen("ui=es", Some("kyr-ui=fr")), Some("es"));
        assert_eq!(chosen("at=2", Some("a=b; kyr-ui=fr")), Some("fr"));
        assert_eq!(chosen("ui=../../x", None), None);
        assert_eq!(chosen("", None), None);
    }
}
