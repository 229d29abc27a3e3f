//! What the fuzz targets share: a small project on disk whose skeleton
//! and messages each run replaces, and the checks on the HTML kyr makes.

#![allow(dead_code)]

use std::fs;
use std::path::Path;
use std::sync::LazyLock;

/// The project folder, made once per process (in memory when `/dev/shm`
/// exists).
static PROJECT: LazyLock<tempfile::TempDir> = LazyLock::new(|| {
    let shm = Path::new("/dev/shm");
    let dir = if shm.is_dir() {
        tempfile::tempdir_in(shm)
    } else {
        tempfile::tempdir()
    }
    .expect("a temporary folder");
    let root = dir.path();
    for sub in ["content", "locales/en", "locales/fr", "locales/ar"] {
        fs::create_dir_all(root.join(sub)).expect("a project folder");
    }
    fs::write(root.join("kyr.toml"), CONFIG).expect("kyr.toml");
    fs::write(root.join("locales/en/kyr.ftl"), INTERFACE).expect("kyr.ftl");
    dir
});

/// A project with a Latin and an Arabic locale falling back to French.
pub const CONFIG: &str = r#"title = "project-title"
reference = "en"

[vars]
hotline = { text = "+1 (555) 010-1234", link = "tel:+15550101234" }
organization = "Legal Aid"

[locales.en]
endonym = "English"
reviewed = true

[locales.fr]
endonym = "Français"
fallback = ["en"]

[locales.ar]
endonym = "العربية"
fallback = ["fr"]
"#;

/// The reference locale's interface messages, as the repository ships them.
pub const INTERFACE: &str = include_str!("../../locales/en/kyr.ftl");

/// Writes the skeleton body and each locale's `doc.ftl`, then loads the
/// project.
pub fn project(body: &str, messages: &[(&str, &str)]) -> Option<kyr::project::Project> {
    let root = PROJECT.path();
    let skeleton = format!("+++\ntitle = \"doc-title\"\nlast_reviewed = 2026-01-01\n+++\n{body}\n");
    fs::write(root.join("content/doc.md"), skeleton).ok()?;
    for (tag, ftl) in messages {
        fs::write(root.join(format!("locales/{tag}/doc.ftl")), ftl).ok()?;
    }
    kyr::project::load(root).ok()
}

/// A Fluent message `id` whose value is `text`, however many lines.
pub fn message(id: &str, text: &str) -> String {
    let mut out = format!("{id} =");
    for line in text.lines() {
        out.push_str("\n    ");
        out.push_str(line);
    }
    out.push('\n');
    out
}

/// Tags kyr's templates and renderer write.
const TAGS: &[&str] = &[
    "a",
    "b",
    "bdi",
    "blockquote",
    "body",
    "br",
    "code",
    "div",
    "em",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hr",
    "html",
    "i",
    "li",
    "main",
    "meta",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "small",
    "span",
    "strong",
    "style",
    "title",
    "ul",
];

/// Escaping holds: every `<` in the page opens one of kyr's own tags, no
/// tag has an event handler, every link uses an allowed scheme (or is one
/// of kyr's own relative links), and every piece of text of the document
/// is in the page, escaped.
pub fn check_html(html: &str, texts: &[String]) {
    for (at, _) in html.match_indices('<') {
        let rest = &html[at + 1..];
        if rest
            .get(..8)
            .is_some_and(|s| s.eq_ignore_ascii_case("!doctype"))
            || rest.starts_with("!--")
        {
            continue;
        }
        let rest = rest.strip_prefix('/').unwrap_or(rest);
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        assert!(
            TAGS.contains(&name.to_ascii_lowercase().as_str()),
            "unexpected `<{}` in the page",
            &rest[..rest.len().min(40)]
        );
        let tag = rest.split('>').next().unwrap_or("").to_ascii_lowercase();
        for attribute in tag.split_whitespace().skip(1) {
            assert!(
                !(attribute.starts_with("on") && attribute.contains('=')),
                "event handler in `<{tag}>`"
            );
        }
    }
    for href in html.split("href=\"").skip(1) {
        let href = href.split('"').next().unwrap_or("");
        let allowed = ["http:", "https:", "mailto:", "tel:", "../", "#"];
        // The page's own PDF files, beside it (`doc.card-sheet.pdf`).
        let own_pdf = href.ends_with(".pdf")
            && href
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
        assert!(
            (own_pdf || allowed.iter().any(|a| href.starts_with(a))) && !href.starts_with("../../"),
            "link `{href}` in the page"
        );
    }
    for text in texts.iter().filter(|t| !t.trim().is_empty()) {
        let mut escaped = String::new();
        kyr::inspect::escape_into(&mut escaped, text);
        assert!(
            html.contains(&escaped),
            "the text `{text}` is not in the page as `{escaped}`"
        );
    }
}
