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

/// The most lines a function may take, from its `fn` to its closing
/// brace: one screen.
const MOST_FUNCTION_LINES: usize = 100;

/// `text` with its comments, string and character literals blanked out
/// (newlines kept), so that braces and `fn` in them are not read as code.
fn without_literals(text: &str) -> Vec<char> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = chars.clone();
    let blank = |out: &mut Vec<char>, from: usize, to: usize| {
        for c in &mut out[from..to.min(chars.len())] {
            if *c != '\n' {
                *c = ' ';
            }
        }
    };
    let is_ident = |c: char| c.is_alphanumeric() || c == '_';
    let mut i = 0;
    while i < chars.len() {
        let rest = &chars[i..];
        let end = if rest.starts_with(&['/', '/']) {
            rest.iter()
                .position(|&c| c == '\n')
                .map_or(chars.len(), |n| i + n)
        } else if rest.starts_with(&['/', '*']) {
            let mut depth = 0;
            let mut j = i;
            while j + 1 < chars.len() {
                match (chars[j], chars[j + 1]) {
                    ('/', '*') => (depth, j) = (depth + 1, j + 2),
                    ('*', '/') if depth == 1 => break,
                    ('*', '/') => (depth, j) = (depth - 1, j + 2),
                    _ => j += 1,
                }
            }
            j + 2
        } else if rest[0] == 'r'
            && (i == 0
                || !is_ident(chars[i - 1])
                || (chars[i - 1] == 'b' && (i < 2 || !is_ident(chars[i - 2]))))
            && rest[1..]
                .iter()
                .position(|&c| c != '#')
                .is_some_and(|n| rest[1 + n] == '"')
        {
            let hashes = rest[1..].iter().take_while(|&&c| c == '#').count();
            let body = i + 2 + hashes;
            let close: Vec<char> = std::iter::once('"')
                .chain(std::iter::repeat_n('#', hashes))
                .collect();
            (body..chars.len())
                .find(|&j| chars[j..].starts_with(&close))
                .map_or(chars.len(), |j| j + close.len())
        } else if rest[0] == '"' {
            let mut j = i + 1;
            while j < chars.len() && chars[j] != '"' {
                j += if chars[j] == '\\' { 2 } else { 1 };
            }
            j + 1
        } else if rest[0] == '\'' && rest.get(1) == Some(&'\\') {
            (i + 2..chars.len())
                .find(|&j| chars[j] == '\'')
                .map_or(chars.len(), |j| j + 1)
        } else if rest[0] == '\'' && rest.get(2) == Some(&'\'') {
            i + 3
        } else {
            i += 1;
            continue;
        };
        blank(&mut out, i, end);
        i = end;
    }
    out
}

/// Every function with a body in `text`: its name, the line of its
/// `fn` and how many lines it takes to its closing brace.
fn functions(text: &str) -> Vec<(String, usize, usize)> {
    let code = without_literals(text);
    let line_at = |at: usize| code[..at].iter().filter(|&&c| c == '\n').count() + 1;
    let is_ident = |c: char| c.is_alphanumeric() || c == '_';
    let mut found = Vec::new();
    for at in 0..code.len().saturating_sub(3) {
        let keyword =
            code[at..].starts_with(&['f', 'n', ' ']) && (at == 0 || !is_ident(code[at - 1]));
        if !keyword {
            continue;
        }
        let name: String = code[at + 3..]
            .iter()
            .take_while(|&&c| is_ident(c))
            .collect();
        // The body: the first `{` outside the signature's brackets, unless
        // a `;` ends a declaration first.
        let mut depth = 0i32;
        let mut body = None;
        for (j, &c) in code.iter().enumerate().skip(at) {
            match c {
                '(' | '[' => depth += 1,
                ')' | ']' => depth -= 1,
                ';' if depth == 0 => break,
                '{' if depth == 0 => {
                    body = Some(j);
                    break;
                }
                _ => {}
            }
        }
        let Some(body) = body else { continue };
        let mut braces = 0;
        let end = (body..code.len()).find(|&j| {
            match code[j] {
                '{' => braces += 1,
                '}' => braces -= 1,
                _ => {}
            }
            braces == 0
        });
        if let Some(end) = end {
            let first = line_at(at);
            found.push((name, first, line_at(end) - first + 1));
        }
    }
    found
}

#[test]
fn every_function_fits_one_screen() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut long = Vec::new();
    for entry in walkdir::WalkDir::new(root.join("src")).sort_by_file_name() {
        let entry = entry.unwrap();
        if entry.path().extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).unwrap();
        let shown = entry
            .path()
            .strip_prefix(root)
            .unwrap()
            .display()
            .to_string();
        for (name, line, lines) in functions(&text) {
            if lines > MOST_FUNCTION_LINES {
                long.push(format!("{shown}:{line} `{name}`: {lines} lines"));
            }
        }
    }
    assert!(
        long.is_empty(),
        "functions over {MOST_FUNCTION_LINES} lines (split them along the concerns they mix): {long:#?}"
    );
}

#[test]
fn function_lengths_are_read_past_literals_and_comments() {
    let text = "fn a() {\n    let s = \"}\"; // }\n    let c = '}';\n}\n\
                fn b<'a>(x: &'a str) -> &'a str {\n    /* { */ r#\"{\"# ;\n    x\n}\n\
                trait T { fn c(&self); }\n";
    let found = functions(text);
    assert_eq!(
        found,
        [("a".to_owned(), 1, 4), ("b".to_owned(), 5, 4)],
        "{found:?}"
    );
}
