//! What the studio's pages share: the request facts they read
//! ([`Incoming`]), their answer ([`Reply`]) with its security policy, the
//! templates in `assets/studio/` (compiled in, escaping as every kyr page
//! does, their words through [`Ui`]), and the static style and scripts
//! they load from addresses that hold a hash of their content, so the
//! pages run no inline script and a browser may keep the files.

use minijinja::{Environment, Value, context};
use serde::Serialize;

use super::ui::{self, Ui};
use crate::config::Locale;
use crate::doc::model::Lang;
use crate::html;
use crate::i18n::stale::short_digest;

/// What every reply but the static files is sent with: never kept, as
/// the project on disk may change between two requests.
pub(super) const NOT_KEPT: &str = "no-store";

/// How long a browser may keep a static file: for good, as its name
/// changes with its content.
const KEPT: &str = "public, max-age=31536000, immutable";

/// Where the static files are served.
const STATIC_PREFIX: &str = "/studio";

/// What a studio page needs of a request.
pub(super) struct Incoming<'r> {
    pub(super) post: bool,
    pub(super) path: &'r str,
    pub(super) query: &'r str,
    pub(super) content_type: Option<&'r str>,
    pub(super) length: Option<usize>,
    /// The `Cookie` header (the chosen interface language).
    pub(super) cookie: Option<&'r str>,
    /// The `Accept-Language` header (the phone's own language).
    pub(super) accept_language: Option<&'r str>,
}

impl Incoming<'_> {
    /// The words of a page for the locale whose fallback `chain` it is
    /// about (empty for a page about no locale): the language chosen,
    /// else along the chain, else the browser's, else English.
    pub(super) fn ui(&self, chain: &[String]) -> Ui {
        let mut wanted = chain.to_vec();
        wanted.extend(accepted_languages(self.accept_language));
        Ui::new(ui::chosen(self.query, self.cookie), &wanted)
    }
}

/// The languages of an `Accept-Language` header, most wanted first.
pub(super) fn accepted_languages(header: Option<&str>) -> Vec<String> {
    let mut weighted: Vec<(f32, String)> = header
        .unwrap_or_default()
        .split(',')
        .filter_map(|item| {
            let mut parts = item.split(';');
            let tag = parts.next()?.trim();
            let weight = parts
                .find_map(|p| p.trim().strip_prefix("q="))
                .and_then(|q| q.parse().ok())
                .unwrap_or(1.0);
            (!tag.is_empty() && tag != "*" && weight > 0.0).then(|| (weight, tag.to_owned()))
        })
        .collect();
    weighted.sort_by(|a, b| b.0.total_cmp(&a.0));
    weighted.into_iter().map(|(_, tag)| tag).collect()
}

/// A language as the studio's pages name it: in itself, with its
/// direction.
#[derive(Serialize)]
pub(super) struct Language {
    pub(super) tag: String,
    pub(super) name: String,
    pub(super) dir: &'static str,
}

impl Language {
    /// A locale of the project, by its endonym.
    pub(super) fn of(locale: &Locale) -> Language {
        Language {
            tag: locale.tag.clone(),
            name: locale.endonym.clone(),
            dir: locale.direction.as_str(),
        }
    }

    /// The language a resolved text is written in.
    pub(super) fn of_lang(lang: &Lang) -> Language {
        Language {
            tag: lang.tag.clone(),
            name: lang.name.clone(),
            dir: lang.dir.as_str(),
        }
    }
}

/// Whether a part of a URL can be a locale tag, document name or message
/// id: letters, digits, `-` and `_`, so never a path of its own.
pub(super) fn is_name(part: &str) -> bool {
    !part.is_empty()
        && part.len() <= 200
        && part
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// The number a page's query gives `name` (`at=<n>`), if any.
pub(super) fn query_number(query: &str, name: &str) -> Option<usize> {
    query
        .split('&')
        .find_map(|pair| pair.strip_prefix(name)?.strip_prefix('='))
        .and_then(|n| n.parse().ok())
}

/// What a studio request is answered with.
#[derive(Debug)]
pub(super) struct Reply {
    pub(super) status: u16,
    pub(super) kind: &'static str,
    pub(super) body: Vec<u8>,
    /// A page: its own script and style (from this server) may be used.
    pub(super) page: bool,
    /// Its `Cache-Control`.
    pub(super) cache: &'static str,
    /// A `Set-Cookie` header to send with it.
    pub(super) cookie: Option<String>,
}

impl Reply {
    /// A plain-text answer.
    pub(super) fn text(status: u16, body: impl Into<String>) -> Reply {
        Reply {
            status,
            kind: "text/plain; charset=utf-8",
            body: body.into().into_bytes(),
            page: false,
            cache: NOT_KEPT,
            cookie: None,
        }
    }

    /// A JSON answer.
    pub(super) fn json(status: u16, value: &serde_json::Value) -> Reply {
        Reply {
            kind: "application/json",
            ..Reply::text(status, value.to_string())
        }
    }

    /// A page.
    pub(super) fn html(body: String) -> Reply {
        Reply {
            kind: "text/html; charset=utf-8",
            page: true,
            ..Reply::text(200, body)
        }
    }

    /// The security policy sent with it: nothing from elsewhere, no
    /// framing, no inline script or style, and on a page only the script
    /// and stylesheet this server sends from their own addresses.
    pub(super) fn policy(&self) -> String {
        let own = if self.page { "'self'" } else { "'none'" };
        format!(
            "default-src 'none'; script-src {own}; style-src {own}; font-src {own}; media-src 'self' blob:; connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'"
        )
    }
}

/// A static file the pages load.
pub(super) struct Asset {
    /// Its name before the hash.
    stem: &'static str,
    /// Its extension.
    extension: &'static str,
    /// Its `Content-Type`.
    kind: &'static str,
    /// What it holds.
    pub(super) body: &'static str,
}

impl Asset {
    const fn script(stem: &'static str, body: &'static str) -> Asset {
        Asset {
            stem,
            extension: "js",
            kind: "text/javascript; charset=utf-8",
            body,
        }
    }

    /// Its file name, with a hash of what it holds: `record.<hash>.js`.
    pub(super) fn file_name(&self) -> String {
        format!(
            "{}.{}.{}",
            self.stem,
            short_digest(self.body),
            self.extension
        )
    }

    /// Its address on this server.
    pub(super) fn path(&self) -> String {
        format!("{STATIC_PREFIX}/{}", self.file_name())
    }
}

/// The pages' stylesheet.
pub(super) const STYLE: Asset = Asset {
    stem: "studio",
    extension: "css",
    kind: "text/css; charset=utf-8",
    body: include_str!("../../assets/studio/studio.css"),
};

/// The bundled fonts of the scripts phones often lack (`@font-face` rules
/// limited to each script), linked by every studio page.
pub(super) const FONTS_STYLE: Asset = Asset {
    stem: "fonts",
    extension: "css",
    kind: "text/css; charset=utf-8",
    body: include_str!("../../assets/studio/fonts.css"),
};

/// The recorder's script, on the recording page.
pub(super) const RECORD_SCRIPT: Asset =
    Asset::script("record", include_str!("../../assets/studio/record.js"));

/// The translation page's script: checks and saves the typed text.
pub(super) const TRANSLATE_SCRIPT: Asset = Asset::script(
    "translate",
    include_str!("../../assets/studio/translate.js"),
);

/// Every static file.
const ASSETS: &[&Asset] = &[&STYLE, &FONTS_STYLE, &RECORD_SCRIPT, &TRANSLATE_SCRIPT];

/// Whether a request's path is a static file's address.
pub(super) fn is_asset_path(path: &str) -> bool {
    path.strip_prefix(STATIC_PREFIX)
        .is_some_and(|rest| rest.starts_with('/'))
}

/// `GET /studio/<file>`: a stylesheet or a script, when `file` is the
/// name of one (as the pages link it), or `fonts/<name>` a bundled font
/// file.
pub(super) fn asset(path: &str) -> Reply {
    let file = path
        .strip_prefix(STATIC_PREFIX)
        .and_then(|rest| rest.strip_prefix('/'))
        .unwrap_or_default();
    if let Some(font) = file
        .strip_prefix("fonts/")
        .and_then(crate::base::fonts::bundled)
    {
        return Reply {
            kind: "font/ttf",
            body: font.data.to_vec(),
            cache: KEPT,
            ..Reply::text(200, "")
        };
    }
    ASSETS
        .iter()
        .find(|asset| asset.file_name() == file)
        .map_or_else(
            || Reply::text(404, "not found"),
            |asset| Reply {
                kind: asset.kind,
                cache: KEPT,
                ..Reply::text(200, asset.body)
            },
        )
}

/// The pages' templates, by name.
const TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("../../assets/studio/base.html")),
    ("work.html", include_str!("../../assets/studio/work.html")),
    (
        "message.html",
        include_str!("../../assets/studio/message.html"),
    ),
    (
        "translate.html",
        include_str!("../../assets/studio/translate.html"),
    ),
];

/// The templates, escaping as every kyr page does, with `t()` speaking
/// `ui`; blocks' own line breaks are dropped, so the templates can be
/// laid out to be read.
fn templates(ui: &Ui) -> Result<Environment<'static>, minijinja::Error> {
    let mut env = html::environment();
    env.set_trim_blocks(true);
    env.set_lstrip_blocks(true);
    env.add_function("t", ui.template_function());
    for (name, source) in TEMPLATES {
        env.add_template(name, source)?;
    }
    Ok(env)
}

/// The page template `name` makes from `context`, in `ui`'s language,
/// with the stylesheet, the language chooser and `scripts`.
pub(super) fn render(
    name: &str,
    ui: &Ui,
    scripts: &[&Asset],
    context: Value,
) -> Result<Reply, Reply> {
    let context = context! {
        style => STYLE.path(),
        fonts => FONTS_STYLE.path(),
        scripts => scripts.iter().map(|s| s.path()).collect::<Vec<_>>(),
        home => "/",
        lang => ui.lang(),
        dir => ui.dir(),
        languages => ui.choices(),
        ..context
    };
    templates(ui)
        .and_then(|env| env.get_template(name)?.render(context))
        .map(Reply::html)
        .map_err(|e| Reply::text(500, format!("the studio page could not be made: {e:#}")))
}

/// A copy of the fixture project `tests/fixtures/<relative>`, for the
/// studio's tests.
#[cfg(test)]
pub(super) fn fixture_copy(relative: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(relative);
    for entry in walkdir::WalkDir::new(&src) {
        let entry = entry.unwrap();
        let to = dir.path().join(entry.path().strip_prefix(&src).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&to).unwrap();
        } else {
            std::fs::copy(entry.path(), &to).unwrap();
        }
    }
    dir
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_phones_languages_come_most_wanted_first() {
        assert_eq!(
            accepted_languages(Some("en;q=0.5, fr-FR, wo;q=0.9, *;q=0.1, xx;q=0")),
            ["fr-FR", "wo", "en"]
        );
        assert!(accepted_languages(None).is_empty());
    }

    #[test]
    fn static_files_are_served_only_at_their_hashed_names() {
        let style = asset(&STYLE.path());
        assert_eq!((style.status, style.kind), (200, "text/css; charset=utf-8"));
        assert_eq!(style.cache, KEPT);
        assert_eq!(asset("/studio/studio.css").status, 404);
        assert_eq!(asset("/studio/../kyr.toml").status, 404);
        assert!(is_asset_path(&RECORD_SCRIPT.path()));
        assert!(!is_asset_path("/studiox"));
        // Every font the font rules name is served, as a font.
        for url in FONTS_STYLE.body.split("url(\"").skip(1) {
            let path = &url[..url.find('"').unwrap()];
            let font = asset(path);
            assert_eq!((font.status, font.kind), (200, "font/ttf"), "{path}");
            assert!(font.body.len() > 10_000, "{path}");
        }
        assert_eq!(asset("/studio/fonts/../kyr.toml").status, 404);
        assert_eq!(asset("/studio/fonts/OFL.txt").status, 404);
    }
}
