//! Tests of the problems banner on a copy of `tests/fixtures/build/basic`
//! with a Wolof locale (chain wo → fr → en) and a second document, built
//! through the library as the watch loop builds it.

use std::path::Path;

use super::*;
use crate::build::{BuildOptions, Format};

/// A copy of `tests/fixtures/build/basic` with real contacts, Wolof with
/// a line that lost its `=` (in `door`), and a document `street` whose
/// Wolof title leaves `**` open.
fn project() -> tempfile::TempDir {
    let dir = crate::serve::studio::fixture_copy("build/basic");
    let write = |path: &str, text: &str| std::fs::write(dir.path().join(path), text).unwrap();
    let config = std::fs::read_to_string(dir.path().join("kyr.toml")).unwrap();
    write(
        "kyr.toml",
        &format!(
            "{}\n[locales.wo]\nendonym = \"Wolof\"\nfallback = [\"fr\"]\n",
            config.replace("(555) 010", "(212) 555")
        ),
    );
    std::fs::create_dir_all(dir.path().join("locales/wo")).unwrap();
    write(
        "locales/wo/door.ftl",
        "door-title = Bu agent yi ñëwee ci sa bunt\ndoor-silent Am nga sañ-sañ bu noppi.\n",
    );
    write("locales/wo/street.ftl", "street-title = **Ci mbedd mi\n");
    write("locales/en/street.ftl", "street-title = In the street\n");
    write(
        "content/street.md",
        "+++\ntitle = \"street-title\"\nlast_reviewed = 2026-11-26\n+++\n# { street-title }\n",
    );
    dir
}

fn options(root: &Path, locales: &[&str]) -> BuildOptions {
    BuildOptions {
        formats: vec![Format::Html],
        locales: locales.iter().map(|l| (*l).to_owned()).collect(),
        out_dir: Some(root.join("out")),
        ..BuildOptions::default()
    }
}

/// Builds `root` as `kyr serve` would, telling `problems`.
fn build(root: &Path, locales: &[&str], problems: &Problems) {
    let project = crate::project::load(root).unwrap();
    let report = crate::build::build(&project, &options(root, locales)).unwrap();
    problems.built(&project, &report);
}

/// The problems of a page, as (code, file:line:column, message id).
fn listed(problems: &Problems, root: &Path, page: &str) -> Vec<(String, String, String)> {
    let Some((found, _)) = problems.of_page(&root.join("out").join(page)) else {
        return Vec::new();
    };
    found
        .iter()
        .map(|p| {
            (
                p.code.clone(),
                format!(
                    "{}:{}:{}",
                    p.file.clone().unwrap_or_default(),
                    p.line.unwrap_or(0),
                    p.column.unwrap_or(0)
                ),
                p.message_id.clone().unwrap_or_default(),
            )
        })
        .collect()
}

#[test]
fn a_page_gets_the_problems_of_its_locale_and_its_document() {
    let dir = project();
    let root = dir.path();
    let problems = Problems::default();
    build(root, &[], &problems);

    let door = listed(&problems, root, "wo/door.html");
    assert_eq!(
        door,
        [(
            "ftl-syntax".to_owned(),
            "locales/wo/door.ftl:2:13".to_owned(),
            "door-silent".to_owned()
        )],
        "{door:?}"
    );
    let street = listed(&problems, root, "wo/street.html");
    assert_eq!(street.len(), 1, "{street:?}");
    assert_eq!(street[0].0, "markdown-emphasis");
    assert_eq!(street[0].1, "locales/wo/street.ftl:1:16");
    assert_eq!(street[0].2, "street-title");
    // The language's index has both; the site's index every page's.
    let index = listed(&problems, root, "wo/index.html");
    assert!(
        index.contains(&door[0]) && index.contains(&street[0]),
        "{index:?}"
    );
    let site = listed(&problems, root, "index.html");
    assert!(site.contains(&door[0]), "{site:?}");
    // French pages have none of Wolof's; a PDF or a font has no banner.
    let french = listed(&problems, root, "fr/door.html");
    assert!(!french.iter().any(|p| p.1.contains("/wo/")), "{french:?}");
    assert!(listed(&problems, root, "wo/door.pdf").is_empty());
    assert!(listed(&problems, root, "../kyr.toml").is_empty());

    // A build of French alone keeps what the Wolof pages had.
    build(root, &["fr"], &problems);
    assert_eq!(listed(&problems, root, "wo/door.html"), door);
    // Corrected and rebuilt, the Wolof page has no problem left.
    std::fs::write(
        root.join("locales/wo/door.ftl"),
        "door-title = Bu agent yi ñëwee ci sa bunt\ndoor-silent = Am nga sañ-sañ bu noppi.\n",
    )
    .unwrap();
    build(root, &["wo"], &problems);
    assert_eq!(listed(&problems, root, "wo/door.html"), []);
    assert_eq!(listed(&problems, root, "wo/street.html"), street);
}

#[test]
fn a_problem_in_a_message_no_document_reads_concerns_every_page_of_its_locale() {
    let problem = |locale: Option<&str>, file: &str, id: Option<&str>| Problem {
        severity: Severity::Error,
        code: "ftl-syntax".into(),
        file: Some(file.into()),
        line: Some(1),
        column: Some(1),
        message: "m".into(),
        hints: Vec::new(),
        locale: locale.map(str::to_owned),
        message_id: id.map(str::to_owned),
    };
    let reads = Reads {
        documents: [
            ("door".to_owned(), ["door-title".to_owned()].into()),
            ("street".to_owned(), ["street-title".to_owned()].into()),
        ]
        .into(),
        any: ["door-title".to_owned(), "street-title".to_owned()].into(),
    };
    let in_wo = |id| problem(Some("wo"), "locales/wo/a.ftl", id);
    assert!(in_wo(Some("door-title")).concerns("wo", "door", &reads));
    assert!(in_wo(Some("door-title.alt")).concerns("wo", "door", &reads));
    assert!(!in_wo(Some("street-title")).concerns("wo", "door", &reads));
    assert!(!in_wo(Some("door-title")).concerns("fr", "door", &reads));
    assert!(in_wo(Some("door-titel")).concerns("wo", "street", &reads));
    assert!(in_wo(None).concerns("wo", "street", &reads));
    // A skeleton's problem is its document's, in every locale.
    let skeleton = problem(None, "content/door.md", None);
    assert!(skeleton.concerns("fr", "door", &reads));
    assert!(!skeleton.concerns("fr", "street", &reads));
    // kyr.toml's is every page's.
    assert!(problem(None, "kyr.toml", None).concerns("ar", "street", &reads));
}

fn chain(tags: &[&str]) -> Vec<String> {
    tags.iter().map(|t| (*t).to_owned()).collect()
}

/// The problems of the Wolof door page, after a build.
fn wolof_problems() -> Vec<Arc<Problem>> {
    let dir = project();
    let problems = Problems::default();
    build(dir.path(), &["wo"], &problems);
    let (found, chain) = problems
        .of_page(&dir.path().join("out/wo/door.html"))
        .unwrap();
    assert_eq!(chain, ["wo", "fr", "en"]);
    found
}

/// Text without Fluent's isolation marks.
fn plain(html: &str) -> String {
    html.replace(['\u{2068}', '\u{2069}'], "")
}

#[test]
fn a_wolof_volunteer_reads_the_banner_in_french_with_the_file_and_line() {
    let banner = banner(
        &wolof_problems(),
        &Ui::new(None, &chain(&["wo", "fr", "en"])),
    );
    let html = plain(&banner.html);
    assert!(
        html.starts_with("<aside class=\"kyr-problems\" lang=\"fr\" dir=\"ltr\">"),
        "{html}"
    );
    assert!(
        html.contains("kyr a trouvé des problèmes dans cette page"),
        "{html}"
    );
    assert!(html.contains("(1 erreur)"), "{html}");
    assert!(
        html.contains("<strong class=\"kyr-error\">Erreur</strong> <bdi dir=\"ltr\">locales/wo/door.ftl:2:13</bdi> · Message <code dir=\"ltr\">door-silent</code>"),
        "{html}"
    );
    assert!(html.contains("kyr ne peut pas lire cette ligne"), "{html}");
    // kyr's own words beside it, marked as English.
    assert!(
        html.contains("kyr dit (en anglais) : <span lang=\"en\" dir=\"ltr\">"),
        "{html}"
    );
    assert!(banner.style.starts_with("<style>") && banner.style.ends_with("</style>"));
}

#[test]
fn a_spanish_reader_and_an_unknown_code_and_more_problems_than_shown() {
    let mut found = wolof_problems();
    for _ in 0..6 {
        found.push(Arc::clone(&found[0]));
    }
    let mut unknown = Problem::clone(&found[0]);
    unknown.code = "never-heard-of".into();
    unknown.severity = Severity::Warning;
    unknown.message = "a <new> kind of problem".into();
    found.push(Arc::new(unknown));
    let html = plain(&banner(&found, &Ui::new(Some("es"), &chain(&["wo", "fr"]))).html);
    assert!(html.contains("lang=\"es\""), "{html}");
    assert!(
        html.contains("kyr encontró problemas en esta página"),
        "{html}"
    );
    assert!(html.contains("7 errores, 1 advertencia"), "{html}");
    assert!(html.contains("kyr no puede leer esta línea"), "{html}");
    assert_eq!(html.matches("<li>").count(), SHOWN, "{html}");
    assert!(html.contains("…y 3 problemas más."), "{html}");
    // An unknown code is told in kyr's English words, escaped.
    let html = banner(&found[7..], &Ui::new(Some("es"), &[])).html;
    assert!(
        html.contains("<strong class=\"kyr-warning\">Advertencia</strong>"),
        "{html}"
    );
    assert!(
        html.contains("<p lang=\"en\" dir=\"ltr\">a &lt;new&gt; kind of problem"),
        "{html}"
    );
}

/// An Arabic page (chain ar → en): the banner speaks Arabic, right to
/// left, and each file name and message id reads left to right inside it.
#[test]
fn an_arabic_page_gets_an_arabic_banner_with_file_names_left_to_right() {
    let found = wolof_problems();
    let html = plain(&banner(&found, &Ui::new(None, &chain(&["ar", "en"]))).html);
    assert!(
        html.starts_with("<aside class=\"kyr-problems\" lang=\"ar\" dir=\"rtl\">"),
        "{html}"
    );
    assert!(html.contains("وجد kyr مشكلات في هذه الصفحة"), "{html}");
    assert!(html.contains("(الأخطاء: 1)"), "{html}");
    assert!(
        html.contains("<bdi dir=\"ltr\">locales/wo/door.ftl:2:13</bdi>"),
        "{html}"
    );
    assert!(
        html.contains("<code dir=\"ltr\">door-silent</code>"),
        "{html}"
    );
    // kyr's own English words keep their language and direction.
    assert!(
        html.contains("<span lang=\"en\" dir=\"ltr\">invalid Fluent syntax"),
        "{html}"
    );
}

#[test]
fn every_code_a_translators_slip_makes_has_words_in_every_studio_language() {
    let slips = [
        "ftl-syntax",
        "message-unusable",
        "message-missing",
        "variable-dropped",
        "variable-added",
        "markdown-emphasis",
        "markdown",
        "control-char",
        "bidi-control",
        "ftl-private-use",
        "id-typo",
        "ftl-duplicate",
        "encoding",
        "stale",
        "audio-stale",
        "fallback-in-complete",
        "glyph-missing",
        "text-outside",
    ];
    for code in slips {
        for tag in ["en", "fr", "es", "ar", "pt"] {
            let (text, found_in) =
                Ui::new(Some(tag), &[]).text(&format!("studio-problem-{code}"), &[]);
            assert_eq!(found_in, tag, "{tag} has no words for `{code}`: {text}");
        }
    }
    // Every code the banner has words for is one kyr gives.
    let mut sources = String::new();
    for entry in walkdir::WalkDir::new(Path::new(env!("CARGO_MANIFEST_DIR")).join("src")) {
        let entry = entry.unwrap();
        if entry.path().extension().is_some_and(|e| e == "rs") {
            sources.push_str(&std::fs::read_to_string(entry.path()).unwrap());
        }
    }
    let english = include_str!("../../../assets/studio/ui/en/problems.ftl");
    for line in english.lines() {
        if let Some((code, _)) = line
            .strip_prefix("studio-problem-")
            .and_then(|rest| rest.split_once(" = "))
        {
            assert!(
                sources.contains(&format!(".code(\"{code}\")")),
                "`{code}` is not a code kyr gives"
            );
        }
    }
}

#[test]
fn the_banner_goes_at_the_top_of_the_body_and_its_style_into_the_pages_policy() {
    let page = "<!doctype html><html lang=\"ar\" dir=\"rtl\"><head><style>body{margin:0}</style></head><body class=\"x\"><main>نص</main></body></html>";
    let made = banner(&wolof_problems(), &Ui::new(None, &chain(&["ar", "en"])));
    let (style, html) = (made.style.clone(), made.html.clone());
    let response = super::super::page(
        Path::new("ar/door.html"),
        page.as_bytes().to_vec(),
        0,
        Some(made),
    );
    let body = String::from_utf8(response.body).unwrap();
    assert!(
        body.contains(&format!("{style}</head><body class=\"x\">{html}<main>")),
        "{body}"
    );
    let policy = &response
        .headers
        .iter()
        .find(|(name, _)| *name == "Content-Security-Policy")
        .unwrap()
        .1;
    let hash = |text: &str| {
        use base64::Engine as _;
        use sha2::Digest as _;
        base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(text))
    };
    let inner = style
        .strip_prefix("<style>")
        .and_then(|s| s.strip_suffix("</style>"))
        .unwrap();
    for allowed in [inner, "body{margin:0}"] {
        assert!(
            policy.contains(&format!("'sha256-{}'", hash(allowed))),
            "{policy}"
        );
    }
    // Without problems the page is sent as it was, with the reload script.
    let plain = super::super::page(Path::new("ar/door.html"), page.as_bytes().to_vec(), 0, None);
    let plain = String::from_utf8(plain.body).unwrap();
    assert!(!plain.contains("kyr-problems"), "{plain}");
    assert!(plain.starts_with(&page[..page.find("</body>").unwrap()]));
}
