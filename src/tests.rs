//! The shape of the crate: stages import in one direction, and no module
//! imports one that imports it back. Read from the sources, so a new
//! `use crate::..` that breaks the layering fails here.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The layers, in order; a module imports only from earlier layers (and
/// from inside itself). Modules in one layer do not import each other.
const LAYERS: &[&[&str]] = &[
    &["base", "audio"],
    &["config"],
    &["doc"],
    &["i18n"],
    &["render"],
    &["html", "text", "pdf"],
    &["project"],
    &["build", "inspect"],
    &["commands"],
    &["watch"],
    &["serve"],
    &["cli"],
];

/// Every source file of the crate as its module path (`pdf::engine`);
/// a `tests.rs` beside a module is part of it.
fn modules() -> BTreeMap<String, String> {
    fn walk(dir: &Path, prefix: &[String], out: &mut BTreeMap<String, String>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        entries.sort();
        for path in entries {
            let name = path.file_stem().unwrap().to_string_lossy().into_owned();
            if path.is_dir() {
                let mut inner = prefix.to_vec();
                inner.push(name);
                walk(&path, &inner, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let mut module = prefix.to_vec();
                if !matches!(name.as_str(), "mod" | "lib" | "main" | "tests") {
                    module.push(name);
                }
                let text = std::fs::read_to_string(&path).unwrap();
                out.entry(module.join("::")).or_default().push_str(&text);
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &[],
        &mut out,
    );
    out
}

/// The paths after each `crate::` in a source, with `{a, b::c}` groups
/// expanded: `crate::pdf::{engine, data::Data}` gives `pdf::engine` and
/// `pdf::data::Data`.
fn crate_paths(text: &str) -> Vec<String> {
    fn expand(prefix: &str, rest: &str, out: &mut Vec<String>) {
        let is_path = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == ':';
        let len = rest.find(|c: char| !is_path(c)).unwrap_or(rest.len());
        let path = format!("{prefix}{}", &rest[..len]);
        let after = &rest[len..];
        if let (Some(stem), Some(group)) = (path.strip_suffix("::"), after.strip_prefix('{')) {
            let mut depth = 0;
            let mut start = 0;
            for (i, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => {
                        expand(&format!("{stem}::"), group[start..i].trim(), out);
                        return;
                    }
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        expand(&format!("{stem}::"), group[start..i].trim(), out);
                        start = i + 1;
                    }
                    _ => {}
                }
            }
        } else {
            out.push(
                path.trim_end_matches(':')
                    .trim_end_matches("::self")
                    .to_owned(),
            );
        }
    }
    let mut out = Vec::new();
    for (at, _) in text.match_indices("crate::") {
        expand("", &text[at + "crate::".len()..], &mut out);
    }
    out
}

/// The module a path names: its longest prefix that is a module.
fn module_of<'a>(path: &str, modules: &'a BTreeMap<String, String>) -> Option<&'a str> {
    let parts: Vec<&str> = path.split("::").collect();
    (1..=parts.len())
        .rev()
        .map(|n| parts[..n].join("::"))
        .find_map(|prefix| modules.get_key_value(&prefix).map(|(k, _)| k.as_str()))
}

fn layer_of(module: &str) -> Option<usize> {
    let top = module.split("::").next().unwrap_or(module);
    LAYERS.iter().position(|layer| layer.contains(&top))
}

/// Every module and the modules it imports.
fn imports() -> BTreeMap<String, BTreeSet<String>> {
    let modules = modules();
    let mut out = BTreeMap::new();
    for (module, text) in &modules {
        let imported: BTreeSet<String> = crate_paths(text)
            .iter()
            .filter_map(|path| module_of(path, &modules))
            .filter(|m| m != module)
            .map(str::to_owned)
            .collect();
        out.insert(module.clone(), imported);
    }
    out
}

#[test]
fn every_module_is_in_a_layer() {
    for module in modules().keys().filter(|m| !m.is_empty()) {
        assert!(layer_of(module).is_some(), "`{module}` is in no layer");
    }
}

#[test]
fn stages_import_only_from_the_layers_above_them() {
    let mut wrong = Vec::new();
    for (module, imported) in imports() {
        let (Some(own), top) = (layer_of(&module), module.split("::").next().unwrap_or("")) else {
            continue;
        };
        for other in imported {
            let other_top = other.split("::").next().unwrap_or("");
            let layer = layer_of(&other).unwrap_or(usize::MAX);
            if other_top != top && layer >= own {
                wrong.push(format!("{module} -> {other}"));
            }
        }
    }
    assert!(wrong.is_empty(), "imports against the layers: {wrong:#?}");
}

#[test]
fn no_module_imports_one_that_imports_it_back() {
    let imports = imports();
    let mut cycles = Vec::new();
    for (module, imported) in &imports {
        for other in imported {
            if module < other && imports.get(other).is_some_and(|back| back.contains(module)) {
                cycles.push(format!("{module} <-> {other}"));
            }
        }
    }
    assert!(
        cycles.is_empty(),
        "modules importing each other: {cycles:#?}"
    );
}

#[test]
fn import_paths_are_read_through_groups() {
    assert_eq!(
        crate_paths(
            "use crate::pdf::{self, engine::{Engine, export}, data};\nx(crate::base::diag::render)"
        ),
        [
            "pdf",
            "pdf::engine::Engine",
            "pdf::engine::export",
            "pdf::data",
            "base::diag::render"
        ]
    );
}
