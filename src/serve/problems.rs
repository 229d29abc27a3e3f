//! Problems in the browser: while `kyr serve` runs, a built page whose
//! text has diagnostics shows them in a box at its top, added as the page
//! is sent (the file in `out/` never has it). The diagnostics are the
//! watch loop's last build's, as `kyr build` reported them (no second
//! checker): kept per document × locale after each build ([`Problems`]),
//! each with its file, line and column as `kyr check --message-format
//! json` gives them, and shown in the volunteer's interface language
//! ([`Ui`]): what the problem means and what to do, by its code, with
//! kyr's own English words beside it.

use std::cmp::Reverse;
use std::collections::{BTreeMap, HashSet};
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use fluent_bundle::FluentValue;
use serde::Deserialize;

use super::studio::FONTS_STYLE;
use super::ui::Ui;
use crate::base::diag::{self, Diagnostic, Severity, Span};
use crate::build::BuildReport;
use crate::commands::check;
use crate::html::escape_into;
use crate::i18n::coverage;
use crate::project::Project;

/// How many problems a page lists; the others are counted.
const SHOWN: usize = 5;

/// The banner's style, in a `<style>` element of its own (the page's
/// policy allows it by its hash). Its own font and colours, so the page's
/// subset fonts and theme do not change it.
const STYLE: &str = ".kyr-problems{display:block;margin:0 0 1rem;padding:.75rem 1rem;border:2px solid #b3261e;border-radius:.5rem;background:#fff8f6;color:#1d1b1a;font:1rem/1.45 \"kyr Noto Naskh Arabic\",\"kyr Noto Sans Adlam\",\"kyr Noto Sans Ethiopic\",\"kyr Noto Sans Devanagari\",\"kyr Noto Sans Bengali\",\"kyr Noto Sans Hebrew\",\"kyr Noto Sans NKo\",system-ui,sans-serif;text-align:start;overflow-wrap:anywhere}.kyr-problems summary{cursor:pointer;font-weight:700}.kyr-problems ol{margin:.5rem 0 0;padding-inline-start:1.5rem}.kyr-problems li{margin:.75rem 0 0}.kyr-problems p{margin:.25rem 0}.kyr-problems bdi,.kyr-problems code{font-family:ui-monospace,monospace;font-size:.9em}.kyr-problems .kyr-error{color:#b3261e}.kyr-problems .kyr-warning{color:#7a4f00}.kyr-problems .kyr-detail{color:#49454f;font-size:.9em}.kyr-problems .kyr-detail>span[dir]{display:block}";

/// One problem as the banner shows it: the fields of `kyr check
/// --message-format json`, so every command tells it alike.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Deserialize)]
pub(super) struct Problem {
    severity: Severity,
    code: String,
    file: Option<String>,
    line: Option<usize>,
    column: Option<usize>,
    /// kyr's own English words.
    message: String,
    hints: Vec<String>,
    locale: Option<String>,
    message_id: Option<String>,
}

impl Problem {
    /// A diagnostic of a build of `project`, placed.
    fn of(project: &Project, d: &Diagnostic) -> Option<Problem> {
        let value = diag::to_json_value(&project.files, d, |span| {
            check::message_at(project, span).or_else(|| broken_at(project, span))
        });
        serde_json::from_value(value).ok()
    }

    /// The document whose skeleton it is in (`content/<doc>.md`).
    fn document(&self) -> Option<&str> {
        self.file
            .as_deref()?
            .strip_prefix("content/")?
            .strip_suffix(".md")
    }

    /// Whether it concerns the page of document `doc` in locale `tag`,
    /// which reads the messages `reads` (of those any document reads,
    /// `read_by_any`): its locale's and document's problems, and those of
    /// no locale and no document (kyr.toml, templates). A problem in a
    /// message no document reads (a mistyped id, a term) concerns every
    /// page of its locale.
    fn concerns(&self, tag: &str, doc: &str, reads: &Reads) -> bool {
        if self.document().is_some_and(|d| d != doc)
            || self.locale.as_deref().is_some_and(|l| l != tag)
        {
            return false;
        }
        if self.locale.is_none() || self.document().is_some() {
            return true;
        }
        self.message_id.as_deref().is_none_or(|id| {
            let id = id.split('.').next().unwrap_or(id);
            reads.by(doc, id) || !reads.any.contains(id)
        })
    }
}

/// The message a syntax error broke, when the diagnostic does not name
/// it: the broken message whose error is at `span`.
fn broken_at(project: &Project, span: &Span) -> Option<String> {
    project.catalog.locales.values().find_map(|bundle| {
        bundle
            .broken
            .iter()
            .find(|(_, at)| *at == span)
            .map(|(id, _)| id.clone())
    })
}

/// The messages each document's page reads: its own, and kyr's
/// interface messages every page shows.
struct Reads {
    documents: BTreeMap<String, HashSet<String>>,
    any: HashSet<String>,
}

impl Reads {
    fn of(project: &Project) -> Reads {
        let interface = coverage::interface_keys(&project.messages());
        let base = |key: &str| key.split('.').next().unwrap_or(key).to_owned();
        let documents: BTreeMap<String, HashSet<String>> = project
            .skeletons
            .iter()
            .map(|skeleton| {
                let keys = coverage::document_keys(skeleton);
                let ids = keys.iter().chain(&interface).map(|k| base(k)).collect();
                (skeleton.name.clone(), ids)
            })
            .collect();
        let any = documents.values().flatten().cloned().collect();
        Reads { documents, any }
    }

    /// Whether document `doc`'s page reads message `id`.
    fn by(&self, doc: &str, id: &str) -> bool {
        self.documents.get(doc).is_some_and(|ids| ids.contains(id))
    }
}

/// The problems of the served site's pages, from the last build of each.
#[derive(Debug, Default)]
pub(crate) struct Problems {
    state: Mutex<State>,
}

#[derive(Debug, Default)]
struct State {
    /// Where the build wrote.
    out_dir: PathBuf,
    /// Each locale's fallback chain, the locale first.
    chains: BTreeMap<String, Vec<String>>,
    /// The problems of each document × locale, errors first.
    pages: BTreeMap<(String, String), Vec<Arc<Problem>>>,
}

impl Problems {
    /// Keeps what a build of `project` reported: the pages it built (or
    /// failed to) get their problems anew; those of documents and
    /// locales that are gone go.
    pub(crate) fn built(&self, project: &Project, report: &BuildReport) {
        let found: Vec<Arc<Problem>> = report
            .diagnostics
            .diagnostics()
            .iter()
            .filter_map(|d| Problem::of(project, d))
            .map(Arc::new)
            .collect();
        let reads = Reads::of(project);
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        state.out_dir.clone_from(&report.out_dir);
        state.chains = project
            .config
            .locales
            .values()
            .map(|l| (l.tag.clone(), l.chain.clone()))
            .collect();
        state.pages.retain(|(tag, doc), _| {
            project.config.locale(tag).is_some() && project.skeletons.iter().any(|s| &s.name == doc)
        });
        for (tag, doc) in built_pages(project, report) {
            let mut problems: Vec<Arc<Problem>> = found
                .iter()
                .filter(|p| p.concerns(&tag, &doc, &reads))
                .cloned()
                .collect();
            order(&mut problems);
            state.pages.insert((tag, doc), problems);
        }
    }

    /// Moves what `self` keeps into `into` (the server's, once it runs).
    pub(crate) fn hand_over(&self, into: &Problems) {
        let mut from = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        let mut to = into.state.lock().unwrap_or_else(PoisonError::into_inner);
        *to = std::mem::take(&mut *from);
    }

    /// The problems of the built page at `file` and its locale's chain
    /// (none for the site's own index): a document's page shows its own,
    /// a locale's index those of all its documents, the site's index and
    /// the lists of languages every page's.
    pub(super) fn of_page(&self, file: &Path) -> Option<(Vec<Arc<Problem>>, Vec<String>)> {
        let state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        let relative = file.strip_prefix(&state.out_dir).ok()?;
        let parts: Vec<&str> = relative
            .components()
            .map(|c| match c {
                Component::Normal(part) => part.to_str(),
                _ => None,
            })
            .collect::<Option<_>>()?;
        let (problems, chain): (Vec<&Arc<Problem>>, _) = match parts.as_slice() {
            ["index.html"] => (state.pages.values().flatten().collect(), Vec::new()),
            [lists, _] if *lists == crate::html::LANGUAGE_LISTS_DIR => {
                (state.pages.values().flatten().collect(), Vec::new())
            }
            [tag, name] => {
                let chain = state.chains.get(*tag)?.clone();
                let doc = name.strip_suffix(".html")?;
                let problems = state
                    .pages
                    .iter()
                    .filter(|((t, d), _)| t == tag && (doc == "index" || d == doc))
                    .flat_map(|(_, problems)| problems)
                    .collect();
                (problems, chain)
            }
            _ => return None,
        };
        let mut problems: Vec<Arc<Problem>> = problems.into_iter().cloned().collect();
        dedup(&mut problems);
        order(&mut problems);
        (!problems.is_empty()).then_some((problems, chain))
    }
}

/// Drops problems equal to an earlier one (two builds reported it).
fn dedup(problems: &mut Vec<Arc<Problem>>) {
    let mut seen: HashSet<Problem> = HashSet::new();
    problems.retain(|p| seen.insert(Problem::clone(p)));
}

/// Errors first, then by file, line and column.
fn order(problems: &mut [Arc<Problem>]) {
    problems.sort_by(|a, b| {
        (Reverse(a.severity), &a.file, a.line, a.column).cmp(&(
            Reverse(b.severity),
            &b.file,
            b.line,
            b.column,
        ))
    });
}

/// The document × locale pages a build made or could not make: its
/// outputs, and those it failed to write (`fr/door.html`).
fn built_pages(project: &Project, report: &BuildReport) -> Vec<(String, String)> {
    let mut pages: Vec<(String, String)> = report
        .files
        .iter()
        .filter(|f| !f.locale.is_empty() && !f.document.is_empty())
        .map(|f| (f.locale.clone(), f.document.clone()))
        .collect();
    for failed in &report.failed {
        let Some((tag, name)) = failed.split_once('/') else {
            continue;
        };
        let doc = name.split('.').next().unwrap_or(name);
        if project.config.locale(tag).is_some() && project.skeletons.iter().any(|s| s.name == doc) {
            pages.push((tag.to_owned(), doc.to_owned()));
        }
    }
    pages.sort();
    pages.dedup();
    pages
}

/// What is added to a page as it is served: its style, and the banner.
#[derive(Debug)]
pub(super) struct Banner {
    /// A `<style>` element, for the page's head.
    pub(super) style: String,
    /// The banner, for the top of the page's body.
    pub(super) html: String,
}

/// The banner listing `problems` (errors first) in `ui`'s language.
pub(super) fn banner(problems: &[Arc<Problem>], ui: &Ui) -> Banner {
    let errors = problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    let warnings = problems.len() - errors;
    let number = |n: usize| FluentValue::from(n as f64);
    let counts: Vec<String> = [
        ("studio-problems-errors", errors),
        ("studio-problems-warnings", warnings),
    ]
    .into_iter()
    .filter(|(_, n)| *n > 0)
    .map(|(id, n)| ui.html(id, &[("count", number(n))]))
    .collect();
    let mut html = format!(
        "<aside class=\"kyr-problems\" lang=\"{}\" dir=\"{}\"><details open><summary>{} <span>({})</span></summary><ol>",
        ui.lang(),
        ui.dir(),
        ui.html("studio-problems-heading", &[]),
        counts.join(", "),
    );
    for problem in problems.iter().take(SHOWN) {
        item(&mut html, problem, ui);
    }
    html.push_str("</ol>");
    if problems.len() > SHOWN {
        let more = ui.html(
            "studio-problems-more",
            &[("count", number(problems.len() - SHOWN))],
        );
        html.push_str(&format!("<p>{more}</p>"));
    }
    html.push_str(&format!(
        "<p class=\"kyr-detail\">{}</p></details></aside>",
        ui.html("studio-problems-note", &[])
    ));
    Banner {
        style: format!("<style>{}{STYLE}</style>", FONTS_STYLE.body),
        html,
    }
}

/// One problem: how bad, where (the file and message isolated, so they
/// read left to right in a right-to-left page), what it means and what
/// to do, and kyr's own words.
fn item(html: &mut String, problem: &Problem, ui: &Ui) {
    let (class, severity) = match problem.severity {
        Severity::Error => ("kyr-error", "studio-problems-error"),
        Severity::Warning => ("kyr-warning", "studio-problems-warning"),
    };
    html.push_str(&format!(
        "<li><p><strong class=\"{class}\">{}</strong>",
        ui.html(severity, &[])
    ));
    if let Some(file) = &problem.file {
        let mut place = file.clone();
        if let (Some(line), Some(column)) = (problem.line, problem.column) {
            place.push_str(&format!(":{line}:{column}"));
        }
        html.push_str(" <bdi dir=\"ltr\">");
        escape_into(html, &place);
        html.push_str("</bdi>");
    }
    if let Some(id) = &problem.message_id {
        html.push_str(&format!(
            " · {} <code dir=\"ltr\">",
            ui.html("studio-problems-message", &[])
        ));
        escape_into(html, id);
        html.push_str("</code>");
    }
    html.push_str("</p>");
    let said = english(problem);
    let id = format!("studio-problem-{}", problem.code);
    // `Ui::text` gives back the id itself for a code it has no words for.
    if ui.text(&id, &[]).0 == id {
        html.push_str(&format!("<p lang=\"en\" dir=\"ltr\">{said}</p></li>"));
        return;
    }
    html.push_str(&format!(
        "<p>{}</p><p class=\"kyr-detail\">{} <span lang=\"en\" dir=\"ltr\">{said}</span></p></li>",
        ui.html(&id, &[]),
        ui.html("studio-problems-detail", &[]),
    ));
}

/// kyr's own words about a problem, escaped: the message, then its hints.
fn english(problem: &Problem) -> String {
    let mut said = String::new();
    escape_into(&mut said, &problem.message);
    for hint in &problem.hints {
        said.push_str("<br>hint: ");
        escape_into(&mut said, hint);
    }
    said
}

#[cfg(test)]
mod tests;
