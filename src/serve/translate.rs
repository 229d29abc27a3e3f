//! The translation page of `kyr serve`: a volunteer translates a
//! document's messages one at a time, from the text in their bridge
//! language (the first language of their locale's chain that has it:
//! French for Wolof), typing plain text with the variables as chips.
//! Each change is checked as `kyr check` checks the project
//! ([`crate::commands::translate`]) and what it finds is shown beside the
//! field in the volunteer's language, with a preview of the message as
//! printed; Save writes the one message into the locale's `.ftl` file and
//! confirms it, and the page moves on. Made for each request from the
//! project on disk, never written to `out/`; the watcher's rebuild puts
//! the new text on the built pages.
//!
//! Routes, under [`PREFIX`]: `GET /translate/<tag>/<doc>?at=<n>` (the
//! page), `POST /translate/<tag>/<doc>/<id>/check` (what the check finds
//! in a typed text, and the preview) and `POST
//! /translate/<tag>/<doc>/<id>` (save). Both POSTs take JSON
//! (`{"text": "..."}`) and answer JSON. Who may ask is checked for every
//! request of the server, not here.

mod page;

use std::io::Read;
use std::path::Path;

use fluent_bundle::FluentValue;
use serde_json::json;

use super::studio::{Incoming, Reply, is_name, query_number};
use super::ui::Ui;
use crate::base::error::Error;
use crate::commands::translate::{self, Checked, Finding, Saved, Typed};
use crate::project::{self, Project};

/// Where the translation pages are.
pub(super) const PREFIX: &str = "/translate";

/// The largest text a volunteer may send for one message.
const MAX_TEXT_BYTES: usize = 64 * 1024;

/// Answers a request under [`PREFIX`] for the project at `root`; `body`
/// is read only for a POST.
pub(super) fn respond(root: &Path, request: &Incoming, body: &mut dyn Read) -> Reply {
    let rest = request.path.strip_prefix(PREFIX).unwrap_or_default();
    let parts: Vec<&str> = rest.split('/').filter(|p| !p.is_empty()).collect();
    let ui = |project: Option<&Project>, tag: &str| {
        let chain = project
            .and_then(|p| p.config.locale(tag))
            .map(|l| l.chain.clone())
            .unwrap_or_default();
        request.ui(&chain)
    };
    if !parts.iter().all(|p| is_name(p)) {
        return Reply::text(404, ui(None, "").text("studio-not-found", &[]).0);
    }
    let project = match project::load(root) {
        Ok(project) => project,
        Err(error) => return Reply::text(500, format!("{error}; run `kyr check` to see why")),
    };
    match (request.post, parts.as_slice()) {
        (false, [tag, doc]) => {
            let at = query_number(request.query, "at").unwrap_or(1);
            page::message(&project, &ui(Some(&project), tag), tag, doc, at)
                .unwrap_or_else(|refused| refused)
        }
        (true, [tag, doc, id, "check"]) => {
            let ui = ui(Some(&project), tag);
            match typed_text(request, body, &ui) {
                Ok(text) => check(
                    project,
                    &ui,
                    Typed {
                        tag,
                        doc: Some(doc),
                        id,
                        text: &text,
                    },
                ),
                Err(refused) => refused,
            }
        }
        (true, [tag, doc, id]) => {
            let ui = ui(Some(&project), tag);
            let next = page::next(&project, tag, doc, id);
            drop(project);
            match typed_text(request, body, &ui) {
                Ok(text) => save(
                    root,
                    &ui,
                    Typed {
                        tag,
                        doc: Some(doc),
                        id,
                        text: &text,
                    },
                    next,
                ),
                Err(refused) => refused,
            }
        }
        _ => Reply::text(404, ui(None, "").text("studio-not-found", &[]).0),
    }
}

/// The text a POST sends (`{"text": "..."}`, as JSON: a form of another
/// site cannot send JSON), or why it is refused.
fn typed_text(request: &Incoming, body: &mut dyn Read, ui: &Ui) -> Result<String, Reply> {
    let refused =
        |status: u16, id: &str| Reply::json(status, &json!({ "refused": ui.text(id, &[]).0 }));
    let is_json = request
        .content_type
        .and_then(|t| t.split(';').next())
        .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/json"));
    if !is_json {
        return Err(refused(415, "studio-translate-refused-not-json"));
    }
    if request.length.is_some_and(|n| n > MAX_TEXT_BYTES) {
        return Err(refused(413, "studio-translate-refused-too-long"));
    }
    let mut bytes = Vec::new();
    body.take(MAX_TEXT_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|_| refused(400, "studio-translate-refused-not-json"))?;
    if bytes.len() > MAX_TEXT_BYTES {
        return Err(refused(413, "studio-translate-refused-too-long"));
    }
    #[derive(serde::Deserialize)]
    struct Sent {
        text: String,
    }
    serde_json::from_slice::<Sent>(&bytes)
        .map(|sent| sent.text)
        .map_err(|_| refused(400, "studio-translate-refused-not-json"))
}

/// `POST .../<id>/check`: what the check finds, and the preview.
fn check(project: Project, ui: &Ui, typed: Typed) -> Reply {
    match translate::check_typed(project, typed) {
        Ok(checked) => Reply::json(200, &checked_json(&checked, ui)),
        Err(error) => refused(&error, ui),
    }
}

/// `POST .../<id>`: the message saved (and the page to go on to), or
/// refused with what the check found.
fn save(root: &Path, ui: &Ui, typed: Typed, next: Option<String>) -> Reply {
    match translate::save(root, typed) {
        Ok(Saved::Written(checked)) => {
            let file = crate::base::diag::display_path(&checked.file);
            let mut answer = checked_json(&checked, ui);
            answer["saved"] = json!(
                ui.text(
                    "studio-translate-saved",
                    &[("file", FluentValue::from(file))]
                )
                .0
            );
            answer["next"] = json!(next);
            Reply::json(200, &answer)
        }
        Ok(Saved::Refused(checked)) => {
            let mut answer = checked_json(&checked, ui);
            answer["refused"] = json!(ui.text("studio-translate-refused-errors", &[]).0);
            Reply::json(422, &answer)
        }
        Err(error) => refused(&error, ui),
    }
}

/// A typed text kyr cannot check or save at all (nothing typed, a
/// message defined twice, a file that cannot be read whole): kyr's words,
/// after the studio's.
fn refused(error: &Error, ui: &Ui) -> Reply {
    let (status, id) = match error {
        Error::Usage(_) => (422, "studio-translate-refused-usage"),
        _ => (500, "studio-translate-refused-failed"),
    };
    Reply::json(
        status,
        &json!({ "refused": ui.text(id, &[]).0, "detail": error.to_string() }),
    )
}

/// What the page is told of a check: each finding explained in the
/// volunteer's language, with kyr's own English words for detail.
fn checked_json(checked: &Checked, ui: &Ui) -> serde_json::Value {
    let findings: Vec<serde_json::Value> = checked
        .findings
        .iter()
        .map(|finding| finding_json(finding, ui))
        .collect();
    json!({
        "findings": findings,
        "errors": checked.findings.iter().filter(|f| f.error).count(),
        "preview": checked.preview,
    })
}

fn finding_json(finding: &Finding, ui: &Ui) -> serde_json::Value {
    let id = format!("studio-translate-problem-{}", finding.code);
    let (mut explanation, _) = ui.text(&id, &[]);
    if explanation == id {
        explanation = ui
            .text(
                if finding.error {
                    "studio-translate-problem-other-error"
                } else {
                    "studio-translate-problem-other-warning"
                },
                &[],
            )
            .0;
    }
    let place = finding.at.map(|(line, column)| {
        ui.text(
            "studio-translate-at",
            &[
                ("line", FluentValue::from(line)),
                ("column", FluentValue::from(column)),
            ],
        )
        .0
    });
    json!({
        "code": finding.code,
        "error": finding.error,
        "explanation": explanation,
        "place": place,
        "line": finding.at.map(|(line, _)| line),
        "column": finding.at.map(|(_, column)| column),
        "detail": finding.message,
        "hints": finding.hints,
    })
}

#[cfg(test)]
mod tests;
