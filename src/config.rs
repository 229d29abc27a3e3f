//! `kyr.toml` -> [`Config`]: deserialised with unknown keys refused, then
//! [`validate`]d for what serde cannot see (language tags, fallback targets
//! and cycles, variable names, link schemes).

use std::ops::Range;

use indexmap::IndexMap;
use serde::Deserialize;
use toml::Spanned;
use unic_langid::LanguageIdentifier;

use crate::base::diag::{Diagnostic, FileId, Span};
use crate::base::endonyms;
use crate::base::error::Error;
use crate::base::ident::{VAR_BASE, VAR_END, is_identifier};
use crate::base::lang::{self, Direction};
use crate::base::links;
use crate::base::settings::{self, Settings};
use crate::base::text;

/// The project configuration, validated.
#[derive(Debug, Clone)]
pub struct Config {
    /// Message id of the project title (shown on the index page).
    pub title: String,
    /// Tag of the reference locale: the language content is written in, and
    /// the last step of every fallback chain.
    pub reference: String,
    /// Every locale, in the order of `kyr.toml`, the reference first.
    pub locales: IndexMap<String, Locale>,
    /// Local editions (a city, a shelter network), by name.
    pub editions: IndexMap<String, Edition>,
    /// Where QR codes point by default (`{locale}`, `{document}` filled in).
    pub qr: Option<String>,
    /// Bounds on what kyr reads.
    pub limits: Limits,
}

/// Bounds on what kyr reads (`[limits]` in kyr.toml), so that broken or
/// hostile input gets a diagnostic instead of a hang or an out-of-memory
/// kill.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest text file (a skeleton, a `.ftl` file, a template, kyr.toml
    /// itself), in bytes.
    pub max_file_bytes: u64,
    /// Largest font or image file, in bytes.
    pub max_binary_bytes: u64,
    /// Deepest nesting of quotes, lists and emphasis in a skeleton or a
    /// message.
    pub max_nesting: usize,
    /// Most messages and terms in one locale.
    pub max_messages: usize,
    /// Most text one document expands to in one locale, in bytes: its
    /// skeleton's own text, every message it shows and every variable's
    /// value, each time it is shown.
    pub max_document_bytes: u64,
    /// Most times one document shows one message.
    pub max_message_uses: usize,
    /// Most pages in one PDF.
    pub max_pages: usize,
    /// Most pieces in one paragraph: texts, emphases, links, variables,
    /// line breaks, and every 12 characters of a long address (each is an
    /// element for Typst, whose paragraph layout costs glyphs × elements).
    pub max_paragraph_pieces: usize,
    /// Largest recording (`locales/<tag>/audio/<id>.<ext>`), in bytes: a
    /// voice note longer than a few minutes is more than a reader listens
    /// to, and every reader downloads it.
    pub max_audio_bytes: u64,
}

impl Limits {
    /// No configuration may allow deeper nesting: Typst stops at its own
    /// limit of nested show rules a little beyond 15 quotes inside each
    /// other in kyr's templates, so 12 leaves room for the wrappers a
    /// fallback adds.
    pub const NESTING_CEILING: usize = 12;
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_bytes: 1024 * 1024,
            max_binary_bytes: 64 * 1024 * 1024,
            max_nesting: Self::NESTING_CEILING,
            max_messages: 10_000,
            max_document_bytes: 320 * 1024,
            max_message_uses: 20,
            max_pages: 200,
            max_paragraph_pieces: 2000,
            max_audio_bytes: 20 * 1024 * 1024,
        }
    }
}

/// A local edition: variables that replace the project's and the
/// locales' own (a hotline, an organization, an address).
#[derive(Debug, Clone)]
pub struct Edition {
    /// Name, also the output folder (`out/<name>/`).
    pub name: String,
    /// The variables it sets.
    pub vars: IndexMap<String, Var>,
    /// Where its QR codes point (`{edition}` filled in), instead of the
    /// project's and the locales' own.
    pub qr: Option<String>,
}

impl Config {
    /// The configuration as an edition sees it: its variables replace
    /// those of the project and of every locale, and so does its `qr`.
    pub fn with_edition(&self, name: &str) -> Option<Config> {
        let edition = self.editions.get(name)?;
        let mut config = self.clone();
        for locale in config.locales.values_mut() {
            for (key, var) in &edition.vars {
                locale.vars.insert(key.clone(), var.clone());
            }
            if edition.qr.is_some() {
                locale.qr = None;
            }
        }
        if edition.qr.is_some() {
            config.qr = edition.qr.clone();
        }
        Some(config)
    }
}

impl Config {
    /// Where the QR codes of `document` in `locale` point, `{locale}` and
    /// `{document}` filled in: the document's own address (`own`, from
    /// its front matter; an empty one turns the code off), else the
    /// locale's, else the project's; `None` when none is set.
    pub(crate) fn qr_address(
        &self,
        own: Option<&str>,
        locale: &Locale,
        document: &str,
    ) -> Option<String> {
        let template = match own {
            Some(own) => own,
            None => locale.qr.as_deref().or(self.qr.as_deref())?,
        };
        (!template.trim().is_empty()).then(|| links::fill_qr(template, &locale.tag, document))
    }

    /// The locale with this tag.
    pub fn locale(&self, tag: &str) -> Option<&Locale> {
        self.locales.get(tag)
    }

    /// The tags of the locales `given` names, each by its tag or by its
    /// endonym as kyr.toml writes it (`--locale mam`, `--locale "Qyol
    /// Mam"`, `--locale español`: case, Unicode normal form and the kind
    /// of apostrophe aside). A usage error names the first that is
    /// neither, and every configured locale as `tag (endonym)`.
    pub(crate) fn known_locales(&self, given: &[String]) -> Result<Vec<String>, Error> {
        given
            .iter()
            .map(|name| {
                self.locale_named(name)
                    .map(|locale| locale.tag.clone())
                    .ok_or_else(|| {
                        let known: Vec<String> = self
                            .locales
                            .values()
                            .map(|l| format!("{} ({})", l.tag, l.endonym))
                            .collect();
                        Error::Usage(format!(
                            "unknown locale `{name}`; configured locales: {}",
                            known.join(", ")
                        ))
                    })
            })
            .collect()
    }

    /// The locale with this tag, else with this tag in another case, else
    /// with this endonym.
    fn locale_named(&self, name: &str) -> Option<&Locale> {
        let name = name.trim();
        self.locale(name)
            .or_else(|| {
                self.locales
                    .values()
                    .find(|l| l.tag.eq_ignore_ascii_case(name))
            })
            .or_else(|| {
                self.locales
                    .values()
                    .find(|l| endonyms::same_name(&l.endonym, name))
            })
    }
}

/// Paper size for printed output.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Paper {
    /// ISO A4, 210 × 297 mm.
    A4,
    /// US Letter, 8.5 × 11 in.
    UsLetter,
}

/// A variable usable in every message as `{ $name }`: plain text, never
/// Markdown, optionally a link (a `tel:` hotline taps to call on a phone).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Var {
    /// The text shown.
    pub text: String,
    /// Where the text links to, if anywhere.
    pub link: Option<String>,
}

impl Var {
    /// Why the value is one nobody can use on a handout, if it is: a
    /// number, address or name reserved for examples (555-01xx, RFC 2606's
    /// `example.org` and the `.example`/`.test`/`.invalid` names, an
    /// organization called "Example" or, in Spanish, "Ejemplo"), or a
    /// placeholder never replaced (`TODO`, `<your hotline>`, ...).
    pub(crate) fn example(&self) -> Option<&'static str> {
        let values = [Some(self.text.as_str()), self.link.as_deref()];
        for value in values.into_iter().flatten() {
            let lower = value.to_lowercase();
            let digits: String = value.chars().filter(char::is_ascii_digit).collect();
            // North American numbers 555-0100 to 555-0199 are fictional,
            // and 555 is no area code.
            let north_american = (digits.len() == 10 && !digits.starts_with('1'))
                || (digits.len() == 11 && digits.starts_with('1'));
            let phone = value
                .chars()
                .all(|c| c.is_ascii_digit() || " +-().:tel".contains(c))
                && north_american
                && (digits[digits.len() - 7..].starts_with("55501")
                    || digits[digits.len() - 10..].starts_with("555"));
            if phone {
                return Some("a 555 number reserved for examples, which reaches nobody");
            }
            let words: Vec<&str> = lower
                .split(|c: char| !(c.is_alphanumeric() || c == '.' || c == '-'))
                .filter(|w| !w.is_empty())
                .collect();
            let host = |w: &&str| {
                let w = w.trim_end_matches('.');
                ["example.org", "example.com", "example.net"]
                    .iter()
                    .any(|d| w == *d || w.ends_with(&format!(".{d}")))
                    || [".example", ".test", ".invalid"]
                        .iter()
                        .any(|t| w.ends_with(t))
            };
            if words.iter().any(host) {
                return Some("an address reserved for examples, which reaches nobody");
            }
            // "Example" in English, "Ejemplo" in Spanish (a project
            // written in Spanish names its example values so).
            if words.iter().any(|w| ["example", "ejemplo"].contains(w)) {
                return Some("a name that says it is an example");
            }
            let placeholder = ["todo", "tbd", "fixme", "xxx", "xxxx"]
                .iter()
                .any(|p| words.contains(p))
                || lower.contains("replace me")
                || lower.contains("change me")
                || (value.trim_start().starts_with('<') && value.trim_end().ends_with('>'));
            if placeholder {
                return Some("a placeholder that was never replaced");
            }
        }
        None
    }
}

/// One locale, with its fallback chain resolved.
#[derive(Debug, Clone)]
pub struct Locale {
    /// BCP 47 tag, canonical (`ff-Adlm`).
    pub tag: String,
    /// The parsed tag.
    pub langid: LanguageIdentifier,
    /// The language's name in itself (`العربية`).
    pub endonym: String,
    /// Writing direction, from the script unless overridden.
    pub direction: Direction,
    /// Recordings are the normal way this language reaches its readers
    /// (many of its speakers were never taught to read it): its cards
    /// carry a QR code to the page with the recordings.
    pub audio_first: bool,
    /// Whether its translators may type bidi control characters (for
    /// scripts that need them); otherwise `kyr check` warns about them.
    pub bidi_controls: bool,
    /// The locales to look in, in order, starting with this one and ending
    /// with the reference locale.
    pub chain: Vec<String>,
    /// Every message is expected to be translated: a fallback is a warning.
    pub complete: bool,
    /// A person has reviewed the translation; if not, outputs say so.
    pub reviewed: bool,
    /// Paper size for printed output.
    pub paper: Paper,
    /// Where this locale's QR codes point, when not the project's.
    pub qr: Option<String>,
    /// Variables: the project's, with this locale's overrides.
    pub vars: IndexMap<String, Var>,
    /// Where its `[locales.<tag>]` table is named in kyr.toml.
    pub span: Span,
}

/// Variables travel through Fluent as private-use placeholder characters,
/// which bounds their number (a few are kept for kyr's own, like `$date`).
const MAX_VARS: usize = (VAR_END - VAR_BASE) as usize - 16;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    #[serde(default)]
    title: Option<Spanned<String>>,
    #[serde(default)]
    reference: Option<Spanned<String>>,
    #[serde(default)]
    paper: Option<Paper>,
    #[serde(default)]
    vars: IndexMap<Spanned<String>, Spanned<VarFile>>,
    #[serde(default)]
    locales: IndexMap<Spanned<String>, LocaleFile>,
    #[serde(default)]
    editions: IndexMap<Spanned<String>, EditionFile>,
    #[serde(default)]
    qr: Option<Spanned<String>>,
    #[serde(default)]
    limits: Option<LimitsFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LimitsFile {
    #[serde(default)]
    max_file_bytes: Option<Spanned<u64>>,
    #[serde(default)]
    max_binary_bytes: Option<Spanned<u64>>,
    #[serde(default)]
    max_nesting: Option<Spanned<u64>>,
    #[serde(default)]
    max_messages: Option<Spanned<u64>>,
    #[serde(default)]
    max_document_bytes: Option<Spanned<u64>>,
    #[serde(default)]
    max_message_uses: Option<Spanned<u64>>,
    #[serde(default)]
    max_pages: Option<Spanned<u64>>,
    #[serde(default)]
    max_paragraph_pieces: Option<Spanned<u64>>,
    #[serde(default)]
    max_audio_bytes: Option<Spanned<u64>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EditionFile {
    #[serde(default)]
    vars: IndexMap<Spanned<String>, Spanned<VarFile>>,
    #[serde(default)]
    qr: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LocaleFile {
    endonym: Spanned<String>,
    #[serde(default)]
    direction: Option<Direction>,
    #[serde(default)]
    fallback: Vec<Spanned<String>>,
    #[serde(default)]
    complete: bool,
    #[serde(default)]
    reviewed: bool,
    #[serde(default)]
    paper: Option<Paper>,
    #[serde(default)]
    bidi_controls: bool,
    #[serde(default)]
    audio_first: bool,
    #[serde(default)]
    qr: Option<Spanned<String>>,
    #[serde(default)]
    vars: IndexMap<Spanned<String>, Spanned<VarFile>>,
}

#[derive(Deserialize, Clone)]
#[serde(untagged)]
enum VarFile {
    Text(String),
    Linked(LinkedVar),
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
struct LinkedVar {
    text: String,
    link: String,
}

/// `kyr.toml`'s keys, for errors in words.
const KYR_TOML: Settings = Settings {
    place: "`kyr.toml`",
    top: &[
        "title",
        "reference",
        "paper",
        "vars",
        "locales",
        "editions",
        "qr",
        "limits",
    ],
    about: &[
        (
            "reference",
            "write `reference = \"en\"`: the language every document is written in first",
        ),
        (
            "text",
            "a linked variable is written `{ text = \"what is printed\", link = \"tel:+1...\" }`",
        ),
        (
            "link",
            "a linked variable is written `{ text = \"what is printed\", link = \"tel:+1...\" }`",
        ),
    ],
};

/// Parses and validates `kyr.toml`. Every problem found becomes a
/// diagnostic; `None` when the configuration cannot be used.
pub fn parse(file: FileId, text: &str, diags: &mut Vec<Diagnostic>) -> Option<Config> {
    let raw: ConfigFile = match toml::from_str(text) {
        Ok(raw) => raw,
        Err(e) => {
            diags.push(settings::diagnostic(&e, text, (file, 0), &KYR_TOML));
            return None;
        }
    };
    validate(file, raw, diags)
}

fn validate(file: FileId, raw: ConfigFile, diags: &mut Vec<Diagnostic>) -> Option<Config> {
    let errors_before = error_count(diags);
    let span = |r: Range<usize>| Span::new(file, r);
    let reference = validate_reference(raw.reference, &raw.locales, &span, diags)?;
    let title = raw
        .title
        .unwrap_or_else(|| Spanned::new(0..0, "project-title".to_owned()));
    check_message_id(title.get_ref(), "title", span(title.span()), diags);

    let project = ProjectDefaults {
        reference: &reference,
        vars: validate_vars(&raw.vars, &span, diags),
        paper: raw.paper.unwrap_or(Paper::A4),
    };
    let qr = raw.qr.as_ref().and_then(|qr| checked_qr(qr, &span, diags));
    // Tags first, so fallback targets can be checked against them.
    let parsed = parse_locale_tags(&raw.locales, &span, diags);
    let mut locales = IndexMap::new();
    for (tag, parsed_locale) in &parsed {
        let locale = validate_locale(tag, parsed_locale, &parsed, &project, &span, diags);
        locales.insert(tag.clone(), locale);
    }
    expand_chains(&parsed, &reference, &mut locales, &span, diags);
    if error_count(diags) > errors_before {
        return None;
    }
    // The reference locale first: it is the language of the index page.
    locales.move_index(locales.get_index_of(reference.as_str())?, 0);

    let editions = validate_editions(&raw.editions, &locales, &span, diags);
    let limits = raw
        .limits
        .map_or_else(Limits::default, |l| validate_limits(&l, &span, diags));
    if error_count(diags) > errors_before {
        return None;
    }
    Some(Config {
        title: title.into_inner(),
        reference,
        locales,
        editions,
        qr,
        limits,
    })
}

fn error_count(diags: &[Diagnostic]) -> usize {
    diags.iter().filter(|d| d.is_error()).count()
}

/// The reference locale's tag (`en` unless set), if some locales are
/// configured and it is one of them.
fn validate_reference(
    reference: Option<Spanned<String>>,
    locales: &IndexMap<Spanned<String>, LocaleFile>,
    span: &impl Fn(Range<usize>) -> Span,
    diags: &mut Vec<Diagnostic>,
) -> Option<String> {
    let reference_span = reference.as_ref().map(|r| span(r.span()));
    let reference = reference.map_or_else(|| "en".to_owned(), Spanned::into_inner);
    if locales.is_empty() {
        diags.push(
            Diagnostic::error("no locales are configured")
                .hint("add a table per locale, e.g. `[locales.en]` with `endonym = \"English\"`"),
        );
        return None;
    }
    if !locales.contains_key(reference.as_str()) {
        diags.push(
            Diagnostic::error(format!(
                "the reference locale `{reference}` is not configured"
            ))
            .at_opt(reference_span)
            .hint(format!("add `[locales.{reference}]`")),
        );
        return None;
    }
    Some(reference)
}

/// A `[locales.<tag>]` table whose tag parsed: the parsed tag, the tag's
/// place in `kyr.toml`, and the table.
type ParsedLocale<'a> = (LanguageIdentifier, Range<usize>, &'a LocaleFile);

/// The locale tables whose tags are valid language tags, by tag; an error
/// at each tag that is not.
fn parse_locale_tags<'a>(
    raw: &'a IndexMap<Spanned<String>, LocaleFile>,
    span: &impl Fn(Range<usize>) -> Span,
    diags: &mut Vec<Diagnostic>,
) -> IndexMap<String, ParsedLocale<'a>> {
    let mut parsed = IndexMap::new();
    for (tag, locale) in raw {
        match lang::parse_tag(tag.get_ref()) {
            Ok(id) => {
                parsed.insert(tag.get_ref().clone(), (id, tag.span(), locale));
            }
            Err(message) => diags.push(Diagnostic::error(message).at(span(tag.span()))),
        }
    }
    parsed
}

/// What every locale starts from: the project's top-level settings.
struct ProjectDefaults<'a> {
    reference: &'a str,
    vars: IndexMap<String, Var>,
    paper: Paper,
}

/// One `[locales.<tag>]` table -> [`Locale`], its chain still empty.
fn validate_locale(
    tag: &str,
    (langid, tag_span, file_locale): &ParsedLocale<'_>,
    parsed: &IndexMap<String, ParsedLocale<'_>>,
    project: &ProjectDefaults<'_>,
    span: &impl Fn(Range<usize>) -> Span,
    diags: &mut Vec<Diagnostic>,
) -> Locale {
    check_fallback_targets(tag, file_locale, parsed, project.reference, span, diags);
    check_endonym(tag, &file_locale.endonym, tag_span, span, diags);
    let mut locale_vars = project.vars.clone();
    locale_vars.extend(validate_vars(&file_locale.vars, span, diags));
    if locale_vars.len() >= MAX_VARS {
        diags.push(
            Diagnostic::error(format!("locale `{tag}` has more than {MAX_VARS} variables"))
                .at(span(tag_span.clone())),
        );
    }
    Locale {
        tag: tag.to_owned(),
        langid: langid.clone(),
        endonym: file_locale.endonym.get_ref().trim().to_owned(),
        direction: file_locale
            .direction
            .unwrap_or_else(|| lang::default_direction(langid)),
        chain: Vec::new(),
        complete: file_locale.complete,
        bidi_controls: file_locale.bidi_controls,
        audio_first: file_locale.audio_first,
        reviewed: file_locale.reviewed,
        paper: file_locale.paper.unwrap_or(project.paper),
        qr: file_locale
            .qr
            .as_ref()
            .and_then(|qr| checked_qr(qr, span, diags)),
        vars: locale_vars,
        span: span(tag_span.clone()),
    }
}

/// A locale's endonym is its language's name: an empty one is an error (at
/// the tag); a placeholder (the tag itself, `TODO`, `<name>`) is the
/// warning `endonym-missing` at the value, with the name kyr knows and its
/// source when it knows one. Every command that loads the project reports
/// it, as every other problem of kyr.toml.
fn check_endonym(
    tag: &str,
    endonym: &Spanned<String>,
    tag_span: &Range<usize>,
    span: &impl Fn(Range<usize>) -> Span,
    diags: &mut Vec<Diagnostic>,
) {
    let name = endonym.get_ref();
    if name.trim().is_empty() {
        diags.push(
            Diagnostic::error(format!("locale `{tag}` has an empty endonym"))
                .at(span(tag_span.clone())),
        );
        return;
    }
    if !endonyms::is_placeholder(name, tag) {
        return;
    }
    let hint = match endonyms::of(tag) {
        Some(known) => format!(
            "write `endonym = \"{}\"` ({} in itself; source: {})",
            known.endonym, known.english, known.source
        ),
        None => format!(
            "write the language's name as its readers write it (`endonym = \"Wolof\"` for `wo`); {} has none for `{tag}`",
            endonyms::DATASET
        ),
    };
    diags.push(
        Diagnostic::warning(format!(
            "the endonym of `{tag}` is `{name}`, a placeholder: the index page and the language menus show it to readers as their language's name"
        ))
        .code("endonym-missing")
        .at(span(endonym.span()))
        .hint(hint),
    );
}

/// A locale's `fallback` names configured locales, and the reference
/// locale has none.
fn check_fallback_targets(
    tag: &str,
    file_locale: &LocaleFile,
    parsed: &IndexMap<String, ParsedLocale<'_>>,
    reference: &str,
    span: &impl Fn(Range<usize>) -> Span,
    diags: &mut Vec<Diagnostic>,
) {
    if tag == reference && !file_locale.fallback.is_empty() {
        diags.push(
            Diagnostic::error("the reference locale cannot fall back to another locale")
                .at(span(file_locale.fallback[0].span())),
        );
    }
    for target in &file_locale.fallback {
        if !parsed.contains_key(target.get_ref()) {
            diags.push(
                Diagnostic::error(format!(
                    "locale `{tag}` falls back to `{}`, which is not configured",
                    target.get_ref()
                ))
                .at(span(target.span())),
            );
        }
    }
}

/// Fills in each locale's chain: depth-first through its fallbacks, the
/// reference last; an error at each fallback that closes a cycle.
fn expand_chains(
    parsed: &IndexMap<String, ParsedLocale<'_>>,
    reference: &str,
    locales: &mut IndexMap<String, Locale>,
    span: &impl Fn(Range<usize>) -> Span,
    diags: &mut Vec<Diagnostic>,
) {
    let fallbacks: IndexMap<&str, Vec<&Spanned<String>>> = parsed
        .iter()
        .map(|(tag, (_, _, l))| (tag.as_str(), l.fallback.iter().collect()))
        .collect();
    for tag in parsed.keys() {
        let mut chain = Vec::new();
        let mut path = Vec::new();
        if let Err((cycle, at)) = expand_chain(tag, &fallbacks, &mut path, &mut chain) {
            diags.push(
                Diagnostic::error(format!("fallback cycle: {}", cycle.join(" -> "))).at(span(at)),
            );
            continue;
        }
        if !chain.iter().any(|t| t == reference) {
            chain.push(reference.to_owned());
        }
        locales[tag.as_str()].chain = chain;
    }
}

/// The `[editions.<name>]` tables -> [`Edition`]s, their `{edition}`
/// filled in; those with a name unfit for a folder are left out.
fn validate_editions(
    raw: &IndexMap<Spanned<String>, EditionFile>,
    locales: &IndexMap<String, Locale>,
    span: &impl Fn(Range<usize>) -> Span,
    diags: &mut Vec<Diagnostic>,
) -> IndexMap<String, Edition> {
    let mut editions = IndexMap::new();
    for (name, edition) in raw {
        if !check_edition_name(name, locales, span, diags) {
            continue;
        }
        // `{edition}` is filled in at once: the edition's own site.
        let qr = edition.qr.as_ref().and_then(|qr| {
            let filled = qr.get_ref().replace("{edition}", name.get_ref());
            checked_qr(&Spanned::new(qr.span(), filled), span, diags)
        });
        editions.insert(
            name.get_ref().clone(),
            Edition {
                name: name.get_ref().clone(),
                vars: validate_vars(&edition.vars, span, diags),
                qr,
            },
        );
    }
    editions
}

/// An edition's name can be an output folder of its own: lowercase
/// letters, digits, `-` and `_`, and not a locale's tag.
fn check_edition_name(
    name: &Spanned<String>,
    locales: &IndexMap<String, Locale>,
    span: &impl Fn(Range<usize>) -> Span,
    diags: &mut Vec<Diagnostic>,
) -> bool {
    let valid = !name.get_ref().is_empty()
        && name
            .get_ref()
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
    if !valid {
        diags.push(
            Diagnostic::error(format!(
                "edition name `{}` must use lowercase letters, digits, `-` and `_`",
                name.get_ref()
            ))
            .at(span(name.span()))
            .hint("it becomes the output folder `out/<edition>/`"),
        );
        return false;
    }
    if locales.contains_key(name.get_ref().as_str()) {
        diags.push(
            Diagnostic::error(format!(
                "edition `{}` has the name of a locale; their output folders would mix",
                name.get_ref()
            ))
            .at(span(name.span())),
        );
        return false;
    }
    true
}

fn validate_limits(
    raw: &LimitsFile,
    span: &impl Fn(Range<usize>) -> Span,
    diags: &mut Vec<Diagnostic>,
) -> Limits {
    let mut limits = Limits::default();
    let mut take = |value: &Option<Spanned<u64>>, name: &str, ceiling: u64| -> Option<u64> {
        let value = value.as_ref()?;
        let n = *value.get_ref();
        if n == 0 || n > ceiling {
            diags.push(
                Diagnostic::error(format!("`limits.{name}` must be between 1 and {ceiling}"))
                    .at(span(value.span())),
            );
            return None;
        }
        Some(n)
    };
    let usize_max = usize::MAX as u64;
    if let Some(n) = take(&raw.max_file_bytes, "max_file_bytes", usize_max) {
        limits.max_file_bytes = n;
    }
    if let Some(n) = take(&raw.max_binary_bytes, "max_binary_bytes", usize_max) {
        limits.max_binary_bytes = n;
    }
    let ceiling = Limits::NESTING_CEILING as u64;
    if let Some(n) = take(&raw.max_nesting, "max_nesting", ceiling) {
        limits.max_nesting = n as usize;
    }
    if let Some(n) = take(&raw.max_messages, "max_messages", usize_max) {
        limits.max_messages = n as usize;
    }
    if let Some(n) = take(&raw.max_document_bytes, "max_document_bytes", usize_max) {
        limits.max_document_bytes = n;
    }
    if let Some(n) = take(&raw.max_message_uses, "max_message_uses", usize_max) {
        limits.max_message_uses = n as usize;
    }
    if let Some(n) = take(&raw.max_pages, "max_pages", usize_max) {
        limits.max_pages = n as usize;
    }
    if let Some(n) = take(&raw.max_paragraph_pieces, "max_paragraph_pieces", usize_max) {
        limits.max_paragraph_pieces = n as usize;
    }
    if let Some(n) = take(&raw.max_audio_bytes, "max_audio_bytes", usize_max) {
        limits.max_audio_bytes = n;
    }
    limits
}

fn checked_qr(
    qr: &Spanned<String>,
    span: &impl Fn(Range<usize>) -> Span,
    diags: &mut Vec<Diagnostic>,
) -> Option<String> {
    match links::check_qr(qr.get_ref()) {
        Ok(()) => Some(qr.get_ref().clone()),
        Err(message) => {
            diags.push(Diagnostic::error(message).at(span(qr.span())));
            None
        }
    }
}

type Cycle = (Vec<String>, Range<usize>);

fn expand_chain(
    tag: &str,
    fallbacks: &IndexMap<&str, Vec<&Spanned<String>>>,
    path: &mut Vec<String>,
    chain: &mut Vec<String>,
) -> Result<(), Cycle> {
    path.push(tag.to_owned());
    if !chain.iter().any(|t| t == tag) {
        chain.push(tag.to_owned());
    }
    for target in fallbacks.get(tag).into_iter().flatten() {
        let target_tag = target.get_ref();
        if let Some(start) = path.iter().position(|t| t == target_tag) {
            let mut cycle = path[start..].to_vec();
            cycle.push(target_tag.clone());
            return Err((cycle, target.span()));
        }
        if fallbacks.contains_key(target_tag.as_str()) {
            expand_chain(target_tag, fallbacks, path, chain)?;
        }
    }
    path.pop();
    Ok(())
}

fn validate_vars(
    raw: &IndexMap<Spanned<String>, Spanned<VarFile>>,
    span: &impl Fn(Range<usize>) -> Span,
    diags: &mut Vec<Diagnostic>,
) -> IndexMap<String, Var> {
    let mut vars = IndexMap::new();
    for (name, value) in raw {
        if !is_identifier(name.get_ref()) {
            diags.push(
                Diagnostic::error(format!(
                    "variable name `{}` is not a valid identifier",
                    name.get_ref()
                ))
                .at(span(name.span()))
                .hint("use letters, digits, `-` and `_`, starting with a letter"),
            );
            continue;
        }
        let var = match value.get_ref().clone() {
            VarFile::Text(text) => Var { text, link: None },
            VarFile::Linked(LinkedVar { text, link }) => {
                if let Err(refused) = links::check(&link) {
                    let mut d = Diagnostic::error(refused.message()).at(span(value.span()));
                    if let Some(hint) = refused.hint() {
                        d = d.hint(hint);
                    }
                    diags.push(d);
                    continue;
                }
                Var {
                    text,
                    link: Some(links::normalize(&link)),
                }
            }
        };
        vars.insert(
            name.get_ref().clone(),
            without_controls(var, value.span(), span, diags),
        );
    }
    vars
}

/// A variable without the control characters a TOML escape (`"\u0000"`)
/// put in its text: dropped (a NUL shown as U+FFFD) with the warning a
/// typed one gets. A bidi control is the locale's rule, in `check`.
fn without_controls(
    mut var: Var,
    at: Range<usize>,
    span: &impl Fn(Range<usize>) -> Span,
    diags: &mut Vec<Diagnostic>,
) -> Var {
    let Some(found) = var.text.chars().find(|c| text::is_control(*c)) else {
        return var;
    };
    diags.push(
        Diagnostic::warning(format!(
            "the variable's text holds control character U+{:04X}, which is dropped (a NUL is shown as U+FFFD)",
            u32::from(found)
        ))
        .code("control-char")
        .at(span(at))
        .hint("remove the `\\u…` escape: readers never see such a character as meant"),
    );
    var.text = text::without_controls(&var.text);
    var
}

fn check_message_id(id: &str, key: &str, span: Span, diags: &mut Vec<Diagnostic>) {
    if !is_identifier(id) {
        diags.push(Diagnostic::error(format!("`{key}` must be a message id, not `{id}`")).at(span));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::diag::Files;

    fn parse_str(text: &str) -> (Option<Config>, Vec<String>) {
        let mut files = Files::default();
        let id = files.add("kyr.toml", text.to_owned());
        let mut diags = Vec::new();
        let config = parse(id, text, &mut diags);
        let rendered = diags
            .iter()
            .map(|d| {
                let at = d
                    .span
                    .as_ref()
                    .map(|s| {
                        let (l, c) = files.line_col(s.file, s.range.start);
                        format!("{l}:{c}: ")
                    })
                    .unwrap_or_default();
                format!("{at}{}", d.message)
            })
            .collect();
        (config, rendered)
    }

    const BASE: &str = r#"
[vars]
hotline = { text = "+1 (555) 010-1234", link = "tel:+15550101234" }
organization = "Legal Aid"

[locales.en]
endonym = "English"
complete = true
reviewed = true

[locales.fr]
endonym = "Français"

[locales.ff]
endonym = "Pulaar"
fallback = ["fr"]

[locales.ff-Adlm]
endonym = "𞤆𞤵𞤤𞤢𞤪"
fallback = ["ff"]

[locales.ff-Adlm.vars]
organization = "Other"
"#;

    #[test]
    fn chains_expand_through_fallbacks_and_end_with_reference() {
        let (config, diags) = parse_str(BASE);
        assert_eq!(diags, Vec::<String>::new());
        let config = config.unwrap();
        assert_eq!(
            config.locales["ff-Adlm"].chain,
            ["ff-Adlm", "ff", "fr", "en"]
        );
        assert_eq!(config.locales["fr"].chain, ["fr", "en"]);
        assert_eq!(config.locales["en"].chain, ["en"]);
        assert_eq!(config.locales["ff-Adlm"].direction, Direction::Rtl);
        assert_eq!(config.locales["ff-Adlm"].vars["organization"].text, "Other");
        assert_eq!(config.locales["fr"].vars["organization"].text, "Legal Aid");
        assert_eq!(
            config.locales["fr"].vars["hotline"].link.as_deref(),
            Some("tel:+15550101234")
        );
        assert_eq!(config.locales["fr"].paper, Paper::A4);
    }

    #[test]
    fn placeholder_endonyms_warn_at_their_value_and_known_names_are_tags() {
        let (config, diags) = parse_str(
            "reference = \"es\"\n[locales.es]\nendonym = \"Español\"\n\n[locales.mam]\nendonym =   \"mam\"\n\n\
             [locales.quc]\nendonym = \"K\u{2BC}iche\u{2BC}\"\n[locales.xx]\nendonym = \"TODO\"\n",
        );
        let config = config.expect("placeholders are warnings");
        assert_eq!(diags.len(), 2, "{diags:?}");
        assert!(
            diags[0].starts_with("6:13: the endonym of `mam` is `mam`, a placeholder"),
            "{diags:?}"
        );
        assert!(
            diags[1].starts_with("11:11: the endonym of `xx` is `TODO`"),
            "{diags:?}"
        );
        let tags = |given: &[&str]| {
            config.known_locales(&given.iter().map(|g| (*g).to_owned()).collect::<Vec<_>>())
        };
        assert_eq!(
            tags(&["español", "K'iche'", "mam", "ES"]).unwrap(),
            ["es", "quc", "mam", "es"]
        );
        let error = tags(&["Qyol Mam"]).unwrap_err().to_string();
        assert!(
            error.contains(
                "unknown locale `Qyol Mam`; configured locales: es (Español), mam (mam), quc (K\u{2BC}iche\u{2BC}), xx (TODO)"
            ),
            "{error}"
        );
    }

    #[test]
    fn unknown_key_is_named_with_its_line() {
        let (config, diags) = parse_str("[locales.en]\nendonym = \"English\"\ncolour = 1\n");
        assert!(config.is_none());
        assert_eq!(diags.len(), 1);
        assert!(
            diags[0].starts_with("3:1: `colour` is not a setting of `[locales.en]`"),
            "{diags:?}"
        );
    }

    #[test]
    fn bad_tags_unknown_targets_and_cycles_are_errors() {
        let (_, diags) = parse_str(
            "[locales.en]\nendonym = \"E\"\n[locales.FR]\nendonym = \"F\"\n\
             [locales.wo]\nendonym = \"W\"\nfallback = [\"xx\"]\n\
             [locales.ha]\nendonym = \"A\"\nfallback = [\"yo\"]\n\
             [locales.yo]\nendonym = \"B\"\nfallback = [\"ha\"]\n",
        );
        assert!(
            diags
                .iter()
                .any(|d| d.starts_with("3:10: language tag `FR`")),
            "{diags:?}"
        );
        assert!(
            diags
                .iter()
                .any(|d| d.starts_with("7:13: locale `wo` falls back to `xx`"))
        );
        assert!(
            diags
                .iter()
                .any(|d| d.contains("fallback cycle: ha -> yo -> ha"))
        );
    }

    #[test]
    fn missing_reference_and_bad_links_are_errors() {
        let (_, diags) = parse_str("[locales.fr]\nendonym = \"F\"\n");
        assert_eq!(diags, ["the reference locale `en` is not configured"]);
        let (_, diags) = parse_str(
            "[vars]\nx = { text = \"a\", link = \"javascript:alert(1)\" }\n\
             [locales.en]\nendonym = \"E\"\n",
        );
        assert!(
            diags[0].starts_with("2:5: link target `javascript:alert(1)`"),
            "{diags:?}"
        );
    }

    #[test]
    fn tel_links_are_kept_as_typed_or_refused_at_their_value() {
        let (config, diags) = parse_str(
            "[vars]\nhotline = { text = \"1-800-FLOWERS\", link = \"tel:1-800-FLOWERS\" }\n\
             [locales.en]\nendonym = \"E\"\n",
        );
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(
            config.unwrap().locales["en"].vars["hotline"]
                .link
                .as_deref(),
            Some("tel:1-800-FLOWERS")
        );
        let (config, diags) = parse_str(
            "[vars]\nhotline = { text = \"+1\", link = \"tel:%2B1\" }\n\
             [locales.en]\nendonym = \"E\"\n",
        );
        assert!(config.is_none());
        assert!(
            diags[0].starts_with(
                "2:11: link target `tel:%2B1` is not a phone number: `%2B` is percent-encoding"
            ),
            "{diags:?}"
        );
    }
}

#[cfg(test)]
mod example_tests {
    use super::Var;

    fn var(text: &str, link: Option<&str>) -> Var {
        Var {
            text: text.into(),
            link: link.map(Into::into),
        }
    }

    #[test]
    fn values_reserved_for_examples_are_told_apart_from_real_ones() {
        for example in [
            var("+1 (555) 010-1234", Some("tel:+15550101234")),
            var("555-0199", None),
            var("Call us", Some("tel:+1-202-555-0142")),
            var("example.org", Some("https://example.org")),
            var("Write to us", Some("mailto:help@legal.example")),
            var("Example Legal Aid Network", None),
            var("TODO", None),
            var("<your hotline>", None),
        ] {
            if example.text == "555-0199" {
                // Seven digits alone are too short to be told apart.
                assert_eq!(example.example(), None);
                continue;
            }
            assert!(example.example().is_some(), "{example:?}");
        }
        for real in [
            var("+1 (212) 555-1212", Some("tel:+12125551212")),
            var("1-800-FLOWERS", Some("tel:+18003569377")),
            var("+33 1 23 45 67 89", Some("tel:+33123456789")),
            var("Aide juridique de Paris", None),
            var("legalaid.org", Some("https://legalaid.org/examples")),
        ] {
            assert_eq!(real.example(), None, "{real:?}");
        }
    }

    #[test]
    fn spanish_example_values_are_examples_too() {
        for example in [
            var("Red de Albergues (Ejemplo)", None),
            var("55 0000 0000 (ejemplo)", None),
        ] {
            assert_eq!(
                example.example(),
                Some("a name that says it is an example"),
                "{example:?}"
            );
        }
        // Only the whole word: a real name may contain it.
        for real in [
            var("Casa del Migrante Ejemplar", None),
            var("Albergue Ejemplos de Vida", None),
        ] {
            assert_eq!(real.example(), None, "{real:?}");
        }
    }
}
