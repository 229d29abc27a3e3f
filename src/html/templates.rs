//! The HTML templates and stylesheet of a project: kyr's built-in ones
//! (`templates/html/`), each replaced by the project's file of the same
//! name, in a minijinja environment that escapes with kyr's own escaping.
//! A page is rendered twice, the second time with the `@font-face` rules
//! its text needs.

use std::collections::HashMap;

use minijinja::{Environment, Value};

use crate::base::diag::{Diagnostic, FileId, Files, Span};
use crate::html::fonts;
use crate::html::markup::escape_into;

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
    pub(super) css: String,
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
    pub(super) fn render_with_fonts(
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
