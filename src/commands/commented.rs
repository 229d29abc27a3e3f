//! A reference message as a translator gets it in a locale's file (from
//! `kyr new-locale` and `kyr sync`): the reference's own comment on it
//! (what the text is for), the variables it uses, then its lines behind
//! `# `, to be uncommented and translated.

use std::collections::BTreeSet;

use crate::i18n::catalog::MessageSource;

/// The commented entry of the message at `source` in the reference file
/// whose text is `text`.
pub(super) fn commented_entry(text: &str, source: &MessageSource, reference: &str) -> String {
    let entry_text = text.get(source.entry.clone()).unwrap_or("");
    let mut out = String::new();
    for line in own_comment(text, source.id.start) {
        out.push_str(&format!("# ({reference} note) {line}\n").replace(" \n", "\n"));
    }
    let mut vars = BTreeSet::new();
    collect_vars(entry_text, &mut vars);
    if !vars.is_empty() {
        let list: Vec<String> = vars.iter().map(|v| format!("{{ ${v} }}")).collect();
        out.push_str(&format!("# variables: {}\n", list.join(", ")));
    }
    for line in entry_text.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        out.push_str("# ");
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// The comment attached to the message whose id starts at `id_start`: the
/// `# ` lines right above it, with no blank line between (Fluent's own
/// rule; kyr's runtime parser keeps no comments).
fn own_comment(text: &str, id_start: usize) -> Vec<&str> {
    let before = &text[..id_start.min(text.len())];
    let mut lines: Vec<&str> = before.lines().collect();
    if !before.ends_with('\n') {
        lines.pop();
    }
    let mut comment = Vec::new();
    while let Some(line) = lines.pop() {
        match line
            .strip_prefix("# ")
            .or_else(|| (line == "#").then_some(""))
        {
            Some(content) => comment.push(content),
            None => break,
        }
    }
    comment.reverse();
    comment
}

/// The `$name`s written in a piece of Fluent.
fn collect_vars(text: &str, out: &mut BTreeSet<String>) {
    let mut rest = text;
    while let Some(at) = rest.find('$') {
        let name: String = rest[at + 1..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
            .collect();
        if !name.is_empty() {
            out.insert(name);
        }
        rest = &rest[at + 1..];
    }
}
