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
    // The message's lines: up to its last line of text (comments and
    // blank lines after it belong to the next entry). A blank line inside
    // the value (between paragraphs) becomes a bare `#`, so uncommenting
    // the block gives the message back, paragraphs and all.
    let lines: Vec<&str> = entry_text
        .lines()
        .take_while(|line| !line.starts_with('#'))
        .collect();
    let last = lines
        .iter()
        .rposition(|l| !l.trim().is_empty())
        .unwrap_or(0);
    for line in lines.iter().take(last + 1) {
        if line.trim().is_empty() {
            out.push_str("#\n");
        } else {
            out.push_str("# ");
            out.push_str(line.trim_end());
            out.push('\n');
        }
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

#[cfg(test)]
mod tests {
    use std::path::Path;

    use fluent_syntax::ast;

    use super::*;
    use crate::base::diag::Files;

    /// The block as a translator uncomments it: `# ` (or a bare `#`) taken
    /// off each line from the message's own, the note and the variables
    /// left as comments.
    fn uncommented(block: &str) -> String {
        let mut out = String::new();
        let mut started = false;
        for line in block.lines() {
            let note = line.starts_with("# (") || line.starts_with("# variables:");
            started |= !note;
            let line = if started {
                line.strip_prefix("# ")
                    .unwrap_or(line.strip_prefix('#').unwrap_or(line))
            } else {
                line
            };
            out.push_str(line);
            out.push('\n');
        }
        out
    }

    fn messages(resource: &fluent_bundle::FluentResource) -> Vec<String> {
        resource
            .entries()
            .filter_map(|e| match e {
                ast::Entry::Message(m) => Some(format!("{:?}{:?}", m.value, m.attributes)),
                ast::Entry::Term(t) => Some(format!("{:?}{:?}", t.value, t.attributes)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn every_reference_message_uncomments_into_itself() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut checked = 0;
        let mut multi_paragraph = 0;
        for dir in ["locales/en", "assets/interface"] {
            for entry in std::fs::read_dir(root.join(dir)).unwrap() {
                let path = entry.unwrap().path();
                let reference = dir == "locales/en" || path.ends_with("en.ftl");
                if path.extension().is_none_or(|e| e != "ftl") || !reference {
                    continue;
                }
                let text = std::fs::read_to_string(&path).unwrap();
                let mut files = Files::default();
                let file = files.add("locales/en/x.ftl", text.clone());
                let mut diags = Vec::new();
                let bundle = crate::i18n::load_locale(
                    "en",
                    &"en".parse().unwrap(),
                    &[file],
                    &crate::i18n::catalog::Known {
                        ids: &Default::default(),
                        reference: "en",
                        all_documents: false,
                    },
                    &crate::config::Limits::default(),
                    &files,
                    &mut diags,
                );
                for (id, source) in bundle.messages_in_order() {
                    let block = commented_entry(&text, source, "en");
                    let back = uncommented(&block);
                    let original = fluent_bundle::FluentResource::try_new(
                        text[source.entry.clone()].to_owned(),
                    )
                    .unwrap_or_else(|(r, _)| r);
                    let again = fluent_bundle::FluentResource::try_new(back.clone())
                        .unwrap_or_else(|_| panic!("{id} does not parse:\n{back}"));
                    assert_eq!(
                        messages(&again),
                        messages(&original),
                        "{}: {id}\n{block}",
                        path.display()
                    );
                    multi_paragraph += usize::from(block.contains("\n#\n"));
                    checked += 1;
                }
            }
        }
        assert!(checked > 50, "{checked}");
        assert!(multi_paragraph > 0, "no message with paragraphs was tried");
    }
}
