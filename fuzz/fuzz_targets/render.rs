//! Skeleton + message -> document model -> HTML and Typst. The input is a
//! skeleton body and a French message, split at the first NUL. Properties:
//! the HTML escapes everything (see `common::check_html`) and the Typst
//! source kyr generates compiles (and is given only kyr's own files).

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (body, message) = text
        .split_once('\0')
        .unwrap_or((&text, "**m** { $hotline }"));
    let body = format!("# {{ doc-title }}\n\n{body}\n\n{{ m }}\n\nInline: {{ m }}.\n");
    let en = format!(
        "doc-title = Title\n{}",
        common::message("m", "Reference text.")
    );
    let fr = format!("doc-title = Titre\n{}", common::message("m", message));
    let Some(project) = common::project(&body, &[("en", &en), ("fr", &fr)]) else {
        return;
    };
    let Some(skeleton) = project.skeletons.first() else {
        return;
    };
    let typesetter = kyr::inspect::Typesetter::new(&project, None);
    for tag in ["fr", "ar"] {
        let page = kyr::inspect::html(&project, tag, &skeleton.name).expect("configured");
        if page.failed {
            continue;
        }
        if let Some(html) = &page.html {
            common::check_html(html, &page.texts);
        }
        let typeset = typesetter
            .typeset(tag, &skeleton.name, "handout")
            .expect("configured");
        match typeset.result {
            Ok(compiled) => {
                for request in &compiled.requests {
                    assert!(
                        request.starts_with(kyr::inspect::TEMPLATE_DIR)
                            || request == kyr::inspect::MAIN_PATH
                            || request == kyr::inspect::DATA_PATH,
                        "Typst asked for `{request}`"
                    );
                }
            }
            Err(failed) => {
                let messages: Vec<String> = failed
                    .diagnostics
                    .iter()
                    .map(|d| kyr::diag::render(&project.files, d))
                    .collect();
                panic!(
                    "kyr's Typst source did not compile:\n{}",
                    messages.join("\n")
                );
            }
        }
    }
});
