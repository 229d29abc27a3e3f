//! The lock file of a locale: parsing and writing it. Each translated
//! locale may have a committed `locales/<tag>/kyr-lock.toml` recording, per message, a fingerprint of
//! the reference text the translation was confirmed against
//! (`kyr confirm`). When the reference text changes, the fingerprint no
//! longer matches and the translation is stale until a translator checks
//! it and confirms it again. In a locale with a lock file, a translated
//! message with no fingerprint has never been confirmed and counts as
//! stale too; a locale without one is not tracked (`kyr check` says so).
//! Stale text is still used. Comparing fingerprints is [`super::stale`]'s.

use std::ops::Range;

use indexmap::IndexMap;

use crate::base::diag::{Diagnostic, FileId, Span};

/// The lock file's name inside `locales/<tag>/`.
pub(crate) const LOCK_FILE: &str = "kyr-lock.toml";

/// The tables a lock file holds.
const TABLES: &[&str] = &["confirmed", "text", "audio", "audio_text"];

/// A locale's confirmed fingerprints.
#[derive(Debug, Default, Clone)]
pub struct Lock {
    /// The file, when there is one.
    pub file: Option<FileId>,
    /// Message id -> fingerprint, and where it is written.
    pub confirmed: IndexMap<String, (String, Option<Range<usize>>)>,
    /// Message id -> the reference text it was confirmed against, to show
    /// what changed since (locks written before kyr kept it have none).
    pub texts: IndexMap<String, String>,
    /// Message id -> fingerprint of the text its recording was made from
    /// (`locales/<tag>/audio/<id>.<ext>`; `kyr confirm --audio`), and where
    /// it is written.
    pub audio: IndexMap<String, (String, Option<Range<usize>>)>,
    /// Message id -> the text its recording was made from, as the
    /// volunteer read it.
    pub audio_texts: IndexMap<String, String>,
    /// The file is there but could not be read whole (not UTF-8, not
    /// TOML, a link out of the project, a table kyr does not know): what
    /// it holds is unknown, so no command may rewrite it.
    pub unreadable: bool,
}

/// Why a translated message is stale.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Staleness {
    /// The reference text changed after the translation was confirmed.
    Changed,
    /// The translation was never confirmed.
    Unconfirmed,
}

impl Lock {
    /// Reads a lock file; problems become diagnostics (the lock is then
    /// taken as empty where unreadable).
    pub fn parse(file: FileId, text: &str, diags: &mut Vec<Diagnostic>) -> Lock {
        let mut lock = Lock {
            file: Some(file),
            ..Lock::default()
        };
        let doc: toml::Spanned<toml::Table> = match toml::from_str(text) {
            Ok(doc) => doc,
            Err(e) => {
                diags.push(
                    Diagnostic::error(crate::base::diag::lowercase_message(e.message()))
                        .code("lock")
                        .at_opt(e.span().map(|r| Span::new(file, r)))
                        .hint("this file is written by `kyr confirm`; run it again to rewrite it"),
                );
                return lock;
            }
        };
        let doc = doc.into_inner();
        for (key, value) in &doc {
            if !TABLES.contains(&key.as_str()) {
                diags.push(
                    Diagnostic::error(format!("unknown table `{key}` in the lock file"))
                        .code("lock")
                        .at(Span::new(file, 0..0)),
                );
            }
            let _ = value;
        }
        // Positions: find each `id = "..."` line (toml's tables keep no spans).
        for name in ["confirmed", "audio"] {
            let Some(toml::Value::Table(table)) = doc.get(name) else {
                continue;
            };
            for (id, value) in table {
                let range = find_key(text, name, id);
                let Some(hash) = value.as_str() else {
                    diags.push(
                        Diagnostic::error(format!("the fingerprint of `{id}` must be a string"))
                            .code("lock")
                            .at(Span::new(file, range.unwrap_or(0..0))),
                    );
                    continue;
                };
                let into = if name == "audio" {
                    &mut lock.audio
                } else {
                    &mut lock.confirmed
                };
                into.insert(id.clone(), (hash.to_owned(), range));
            }
        }
        for name in ["text", "audio_text"] {
            let Some(toml::Value::Table(table)) = doc.get(name) else {
                continue;
            };
            let into = if name == "audio_text" {
                &mut lock.audio_texts
            } else {
                &mut lock.texts
            };
            for (id, value) in table {
                // Only shown to people: a text that is not a string is
                // left out rather than refused.
                if let Some(text) = value.as_str() {
                    into.insert(id.clone(), text.to_owned());
                }
            }
        }
        lock
    }

    /// Whether a translated message is stale against the reference text's
    /// fingerprint.
    pub fn staleness(&self, id: &str, reference: &str) -> Option<Staleness> {
        match self.confirmed.get(id) {
            Some((hash, _)) if hash == reference => None,
            Some(_) => Some(Staleness::Changed),
            None => Some(Staleness::Unconfirmed),
        }
    }

    /// Whether a recording is stale against the fingerprint of the text
    /// it should have been made from.
    pub fn audio_staleness(&self, id: &str, text: &str) -> Option<Staleness> {
        match self.audio.get(id) {
            Some((hash, _)) if hash == text => None,
            Some(_) => Some(Staleness::Changed),
            None => Some(Staleness::Unconfirmed),
        }
    }

    /// The lock file's text, ids sorted.
    pub fn render(&self, tag: &str, reference: &str) -> String {
        let mut ids: Vec<&String> = self.confirmed.keys().collect();
        ids.sort();
        let mut out = format!(
            "# Written by `kyr confirm {tag}`. For each message, a fingerprint of the\n\
             # `{reference}` text this translation was last checked against. When the\n\
             # `{reference}` text changes, the translation is reported as stale until it\n\
             # is checked and confirmed again. Commit this file; do not edit it.\n\n[confirmed]\n"
        );
        for &id in &ids {
            let (hash, _) = &self.confirmed[id];
            out.push_str(&format!("{id} = \"{hash}\"\n"));
        }
        let texts: Vec<&String> = ids
            .into_iter()
            .filter(|id| self.texts.contains_key(*id))
            .collect();
        if !texts.is_empty() {
            out.push_str(&format!(
                "\n# The `{reference}` text each translation was confirmed against, shown\n\
                 # next to the current text when it changes.\n[text]\n"
            ));
            for id in texts {
                let text = toml::Value::String(self.texts[id].clone());
                out.push_str(&format!("{id} = {text}\n"));
            }
        }
        if !self.audio.is_empty() {
            let mut ids: Vec<&String> = self.audio.keys().collect();
            ids.sort();
            out.push_str(&format!(
                "\n# Written by `kyr confirm {tag} --audio` and the recording page of\n\
                 # `kyr serve`. For each recording in `audio/`, a fingerprint of the text it\n\
                 # was made from: this locale's own text, or the text it falls back to.\n\
                 # When that text changes, the recording is reported as stale.\n[audio]\n"
            ));
            for &id in &ids {
                out.push_str(&format!("{id} = \"{}\"\n", self.audio[id].0));
            }
            let texts: Vec<&&String> = ids
                .iter()
                .filter(|id| self.audio_texts.contains_key(**id))
                .collect();
            if !texts.is_empty() {
                out.push_str("\n# The text each recording was made from.\n[audio_text]\n");
                for id in texts {
                    let text = toml::Value::String(self.audio_texts[*id].clone());
                    out.push_str(&format!("{id} = {text}\n"));
                }
            }
        }
        out
    }
}

/// Where `id = ` is written in table `[table]`.
fn find_key(text: &str, table: &str, id: &str) -> Option<Range<usize>> {
    let mut offset = 0;
    let mut current = "";
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if let Some(name) = trimmed
            .trim_end()
            .strip_prefix('[')
            .and_then(|t| t.strip_suffix(']'))
        {
            current = name.trim();
            offset += line.len();
            continue;
        }
        if current != table {
            offset += line.len();
            continue;
        }
        let indent = line.len() - trimmed.len();
        let bare = trimmed.strip_prefix(id);
        let quoted = trimmed.strip_prefix(&format!("\"{id}\""));
        if let Some(rest) = bare.or(quoted)
            && rest.trim_start().starts_with('=')
        {
            let start = offset + indent;
            return Some(start..start + (trimmed.len() - rest.len()));
        }
        offset += line.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::diag::Files;

    #[test]
    fn a_lock_round_trips_and_reports_staleness() {
        let mut files = Files::default();
        let text =
            "[confirmed]\na = \"0011\"\n\"b\" = \"2233\"\n[text]\na = \"Hello\\n  \\\"you\\\"\"\n";
        let file = files.add("locales/fr/kyr-lock.toml", text.to_owned());
        let mut diags = Vec::new();
        let lock = Lock::parse(file, text, &mut diags);
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(lock.staleness("a", "0011"), None);
        assert_eq!(lock.staleness("a", "ffff"), Some(Staleness::Changed));
        assert_eq!(lock.staleness("c", "0011"), Some(Staleness::Unconfirmed));
        assert_eq!(lock.confirmed["b"].1, Some(23..26));
        let rendered = lock.render("fr", "en");
        let again = Lock::parse(file, &rendered, &mut diags);
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(again.confirmed.len(), 2);
        assert_eq!(again.texts["a"], "Hello\n  \"you\"");
        assert!(!again.texts.contains_key("b"));
    }

    #[test]
    fn a_broken_lock_is_an_error_with_a_place() {
        let mut files = Files::default();
        let text = "[confirmed]\na = 3\n";
        let file = files.add("locales/fr/kyr-lock.toml", text.to_owned());
        let mut diags = Vec::new();
        Lock::parse(file, text, &mut diags);
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].span.as_ref().unwrap().range, 12..13);
    }
}
