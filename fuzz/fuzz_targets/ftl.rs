//! FTL loading and resolution: the input is a French `.ftl` file.
//! Properties: loading, `kyr check` (which formats every message) and
//! resolving a document in French and in Arabic (which falls back to
//! French) never panic; every diagnostic renders, at a place inside its
//! file; the pages still escape everything.

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let ftl = String::from_utf8_lossy(data);
    let body = "# { doc-title }\n\n{ a }\n\n- { b }\n- { c.attr }\n\nSee { a } and { $hotline }.";
    let en = "doc-title = Title\na = A\nb = B\nc = C\n    .attr = Attribute\n";
    let Some(project) = common::project(body, &[("en", en), ("fr", &ftl)]) else {
        return;
    };
    let options = kyr::commands::check::CheckOptions {
        locales: Vec::new(),
        strict: false,
    };
    let sink = kyr::commands::check::check(&project, &options);
    for d in sink.diagnostics() {
        if let Some(span) = &d.span {
            let text = project.files.text(span.file);
            assert!(span.range.start <= span.range.end && span.range.end <= text.len());
        }
        let _ = kyr::diag::render(&project.files, d);
        let _ = kyr::diag::to_json(&project.files, d, |_| None);
    }
    let Some(skeleton) = project.skeletons.first() else {
        return;
    };
    for tag in ["fr", "ar"] {
        let page = kyr::inspect::html(&project, tag, &skeleton.name).expect("configured");
        if let Some(html) = &page.html {
            common::check_html(html, &page.texts);
        }
    }
});
