use serde_json::Value;

use super::*;
use crate::base::lang::Direction;
use crate::i18n::interface;
use crate::pdf::engine::BUILTIN_TEMPLATES;

#[test]
fn printed_targets_are_what_a_reader_types() {
    assert_eq!(
        printed_target("tel:+15550101234").as_deref(),
        Some("+15550101234")
    );
    assert_eq!(
        printed_target("mailto:help@example.org?subject=x").as_deref(),
        Some("help@example.org")
    );
    assert_eq!(
        printed_target("https://example.org/").as_deref(),
        Some("example.org")
    );
    assert_eq!(
        printed_target("http://example.org/a").as_deref(),
        Some("http://example.org/a")
    );
}

#[test]
fn a_target_already_shown_is_not_printed_twice() {
    assert!(same_target("+1 (555) 010-1234", "+15550101234"));
    assert!(same_target("example.org", "example.org"));
    assert!(same_target("https://Example.org/", "example.org"));
    assert!(!same_target("our hotline", "+15550101234"));
    assert!(!same_target("call 5550101234 now", "example.org"));
}

#[test]
fn tags_map_to_typst_lang_region_and_direction() {
    let v = lang(&"ff-Adlm".parse().unwrap(), Direction::Rtl);
    assert_eq!(v.lang, "ff");
    assert_eq!(v.region, None);
    assert_eq!(v.script.as_deref(), Some("adlm"));
    assert_eq!(v.dir, "rtl");
    let v = lang(&"es-419".parse().unwrap(), Direction::Ltr);
    assert_eq!(v.lang, "es");
    assert_eq!(v.region, None);
    let v = lang(&"pt-BR".parse().unwrap(), Direction::Ltr);
    assert_eq!(v.region.as_deref(), Some("BR"));
    let v = lang(&"snk".parse().unwrap(), Direction::Ltr);
    assert_eq!(v.lang, "snk");
}

/// Data with every optional key set and every kind of block and inline.
fn everything() -> Value {
    let en = Lang {
        name: Some("English".into()),
        ..lang(&"en".parse().unwrap(), Direction::Ltr)
    };
    let text = |s: &str| Inline::Text { s: s.to_owned() };
    let inlines = vec![
        text("a"),
        Inline::Strong { c: vec![text("b")] },
        Inline::Emph { c: vec![text("c")] },
        Inline::Code { s: "d".into() },
        Inline::Br,
        Inline::Link {
            href: "https://example.org".into(),
            target: Some("example.org".into()),
            c: vec![text("e")],
        },
        Inline::Var {
            name: "hotline".into(),
            s: "1".into(),
            href: Some("tel:1".into()),
            target: None,
        },
        Inline::Lang {
            lang: en.clone(),
            c: vec![text("f")],
        },
    ];
    let blocks = vec![
        Block::Heading {
            level: 1,
            c: inlines.clone(),
        },
        Block::Par { c: inlines.clone() },
        Block::List {
            start: Some(1),
            items: vec![vec![Block::Rule]],
        },
        Block::Quote {
            c: vec![Block::Rule],
        },
        Block::Code { s: "g".into() },
        Block::Rule,
        Block::Lang {
            lang: en.clone(),
            c: vec![Block::Rule],
        },
    ];
    let data = Data {
        back: Some(blocks.clone()),
        back_lang: Some(en.clone()),
        card: Some(CardSize {
            width: 1.0,
            height: 1.0,
        }),
        digits: std::array::from_fn(|d| d.to_string()),
        document: "door".into(),
        help_lang: Some(en.clone()),
        kyr: VERSION,
        lang: en,
        layout: "handout".into(),
        notices: vec![inlines.clone()],
        paper: "a4",
        qr: Some(Qr {
            svg: String::new(),
            target: String::new(),
            href: String::new(),
            listen: true,
        }),
        review_notice: Some(inlines.clone()),
        reviewed: true,
        sections: vec![blocks],
        sheet: Some(crate::pdf::geometry::sheet(crate::config::Paper::A4)),
        sources: vec![Source {
            name: String::new(),
            url: String::new(),
            target: None,
        }],
        tag: "en".into(),
        texts: interface::MESSAGES
            .iter()
            .map(|m| (m.name, inlines.clone()))
            .collect(),
        title: inlines,
        title_text: String::new(),
    };
    serde_json::to_value(&data).unwrap()
}

fn all_keys(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, value) in map {
                out.push(key.clone());
                all_keys(value, out);
            }
        }
        Value::Array(items) => items.iter().for_each(|v| all_keys(v, out)),
        _ => {}
    }
}

/// The dotted paths after `prefix` in a template: `doc.lang.dir` gives
/// `["lang", "dir"]`; `doc.at("qr", ..)` gives `["qr"]`. Method calls
/// (`.at(`, `.map(`, `.len(`) end a path.
fn paths(source: &str, prefix: &str) -> Vec<Vec<String>> {
    let is_name = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
    let mut out = Vec::new();
    let mut rest = source;
    while let Some(i) = rest.find(prefix) {
        let before = rest[..i].chars().next_back();
        rest = &rest[i + prefix.len()..];
        if before.is_some_and(|c| is_name(c) || c == '.') {
            continue;
        }
        let mut path = Vec::new();
        let mut tail = rest;
        loop {
            if let Some(after) = tail.strip_prefix("at(\"") {
                let end = after.find('"').unwrap_or(0);
                path.push(after[..end].to_owned());
                break;
            }
            let len = tail.find(|c: char| !is_name(c)).unwrap_or(tail.len());
            let name = &tail[..len];
            if name.is_empty() || tail[len..].starts_with('(') {
                break;
            }
            path.push(name.to_owned());
            tail = &tail[len..];
            match tail.strip_prefix('.') {
                Some(next) => tail = next,
                None => break,
            }
        }
        if !path.is_empty() {
            out.push(path);
        }
    }
    out
}

#[test]
fn templates_read_only_keys_the_contract_defines() {
    let data = everything();
    let mut keys = Vec::new();
    all_keys(&data, &mut keys);
    // Keys a template sets itself before reading them.
    let set_by_templates = ["compact"];
    let mut checked = 0;
    for (name, source) in BUILTIN_TEMPLATES {
        for path in paths(source, "doc.") {
            if set_by_templates.contains(&path[0].as_str()) {
                continue;
            }
            let mut value = &data;
            for key in &path {
                value = value.get(key).unwrap_or_else(|| {
                    panic!(
                        "{name} reads `doc.{}`, which the data file does not define",
                        path.join(".")
                    )
                });
            }
            checked += 1;
        }
        // What the templates read of blocks, inlines, sources, languages
        // and sheets they hold in a variable.
        for variable in ["item.", "entry.", "s.", "l.", "sheet.", "lang."] {
            for path in paths(source, variable) {
                for key in &path {
                    assert!(
                        keys.contains(key),
                        "{name} reads `{variable}{}`, which the data file does not define",
                        path.join(".")
                    );
                    checked += 1;
                }
            }
        }
    }
    assert!(checked > 50, "only {checked} keys found in the templates");
}

#[test]
fn a_key_the_contract_lacks_is_caught() {
    let data = everything();
    let found = paths("#let x = doc.lang.dir + doc.texts.help + doc.nope", "doc.");
    assert_eq!(
        found,
        vec![
            vec!["lang".to_owned(), "dir".to_owned()],
            vec!["texts".to_owned(), "help".to_owned()],
            vec!["nope".to_owned()],
        ]
    );
    assert!(data.get("nope").is_none());
    assert_eq!(
        paths("doc.at(\"qr\", default: none)", "doc."),
        vec![vec!["qr".to_owned()]]
    );
}
