//! Keeping translations in step with the reference: a fingerprint of each
//! reference message's text, compared with the one a locale's lock file
//! (`kyr-lock.toml`) confirmed; the stale translations that follow, as
//! diagnostics, with the reference text confirmed against next to the
//! current one; and `kyr confirm`, which writes the new lock text.

use sha2::{Digest, Sha256};

use crate::base::diag::{Diagnostic, Span};
use crate::base::error::Error;
use crate::config::Locale;
use crate::i18n::lock::{self, Staleness};
use crate::i18n::{LocaleBundle, Messages};

/// A fingerprint of a message's text as written in its `.ftl` file (value
/// and attributes; comments, blank lines and trailing spaces ignored), so
/// re-wrapping a comment does not make translations stale but changing a
/// word does.
pub(crate) fn fingerprint(bundle: &LocaleBundle, id: &str) -> Option<String> {
    Some(short_digest(&entry_text(bundle, id)?))
}

/// The first 8 bytes of a text's SHA-256, in hex: what lock files keep.
pub(crate) fn short_digest(text: &str) -> String {
    Sha256::digest(text.as_bytes())[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A message's entry as written, without comments or trailing spaces:
/// what [`fingerprint`] covers.
pub(crate) fn entry_text(bundle: &LocaleBundle, id: &str) -> Option<String> {
    let source = bundle.sources.get(id)?;
    let text = bundle.source_text(source.file)?;
    let entry = text.get(source.entry.clone())?;
    let mut normalized = String::new();
    for line in entry.lines() {
        if line.starts_with('#') {
            continue;
        }
        normalized.push_str(line.trim_end());
        normalized.push('\n');
    }
    Some(normalized.trim_end().to_owned())
}

/// A message's text as a translator reads it in its file (value and
/// attributes, after `id =`), as the lock file keeps it.
pub(crate) fn reference_text(bundle: &LocaleBundle, id: &str) -> Option<String> {
    let entry = entry_text(bundle, id)?;
    let rest = entry.strip_prefix(id)?.trim_start().strip_prefix('=')?;
    // Continuation lines lose the indentation they share.
    let indent = rest
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start().len())
        .min()
        .unwrap_or(0);
    let lines: Vec<&str> = rest
        .lines()
        .enumerate()
        .map(|(i, l)| {
            if i == 0 {
                l.trim()
            } else {
                l.get(indent..).unwrap_or("")
            }
        })
        .collect();
    Some(lines.join("\n").trim().to_owned())
}

/// `text` on one line, its wrapping folded into single spaces, quoted.
pub(crate) fn shown(text: &str) -> String {
    format!(
        "“{}”",
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    )
}

/// What changed in the reference text of a stale translation.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Change {
    /// The message id.
    pub id: String,
    /// The reference text the translation was confirmed against, when
    /// the lock file holds it.
    pub was: Option<String>,
    /// The reference text now.
    pub now: String,
}

/// What changed in the reference text of message `id` since a locale's
/// translation was confirmed; `None` unless it is stale because it did.
pub(crate) fn change(messages: &Messages, locale: &Locale, id: &str) -> Option<Change> {
    if staleness(messages, locale, id)? != Staleness::Changed {
        return None;
    }
    let now = reference_text(messages.catalog.get(&messages.config.reference)?, id)?;
    let was = messages
        .catalog
        .get(&locale.tag)?
        .lock
        .texts
        .get(id)
        .cloned();
    Some(Change {
        id: id.to_owned(),
        was,
        now,
    })
}

/// Whether a locale's translation of message `id` is stale. The reference
/// locale is never stale, nor is a message the reference does not have.
pub(crate) fn staleness(messages: &Messages, locale: &Locale, id: &str) -> Option<Staleness> {
    let reference = &messages.config.reference;
    if &locale.tag == reference {
        return None;
    }
    let fingerprint = fingerprint(messages.catalog.get(reference)?, id)?;
    let bundle = messages.catalog.get(&locale.tag)?;
    bundle.sources.get(id)?;
    // A locale without a lock file is not tracked (yet).
    bundle.lock.file?;
    bundle.lock.staleness(id, &fingerprint)
}

/// A warning for each stale translation of a locale, at the translation;
/// one warning when a translated locale has no lock file at all.
pub(crate) fn stale_diagnostics(messages: &Messages, locale: &Locale) -> Vec<Diagnostic> {
    let Some(bundle) = messages.catalog.get(&locale.tag) else {
        return Vec::new();
    };
    let reference = &messages.config.reference;
    let translates = bundle.sources.keys().any(|id| !id.starts_with('-'));
    if bundle.lock.file.is_none() && &locale.tag != reference && translates {
        return vec![
            Diagnostic::warning(format!(
                "`locales/{}/{}` is missing, so kyr cannot tell when a `{}` translation falls behind the `{reference}` text",
                locale.tag,
                lock::LOCK_FILE,
                locale.tag
            ))
            .code("stale-untracked")
            .hint(format!(
                "once the translations match the current `{reference}` text, run `kyr confirm {}` and commit the file",
                locale.tag
            )),
        ];
    }
    let mut out = Vec::new();
    for (id, source) in bundle.messages_in_order() {
        let Some(why) = staleness(messages, locale, id) else {
            continue;
        };
        let message = match why {
            Staleness::Changed => format!(
                "the `{reference}` text of `{id}` changed after this translation was confirmed; it may be out of date"
            ),
            Staleness::Unconfirmed => format!(
                "the translation of `{id}` has not been confirmed against the `{reference}` text"
            ),
        };
        let mut d = Diagnostic::warning(message)
            .code("stale")
            .in_message(&locale.tag, id)
            .at(Span::new(source.file, source.id.clone()));
        if let Some(change) = change(messages, locale, id) {
            d = d.hint(match &change.was {
                Some(was) => format!("the `{reference}` text was {}", shown(was)),
                None => format!(
                    "the `{reference}` text it was confirmed against is not in the lock file (written by an older kyr)"
                ),
            });
            d = d.hint(format!(
                "the `{reference}` text is now {}",
                shown(&change.now)
            ));
        }
        out.push(
            d.hint(format!(
                    "compare it with the `{reference}` message, update it if needed, then run `kyr confirm {} {id}`",
                    locale.tag
                )),
        );
    }
    out
}

/// The new lock text of a locale after confirming `ids` (every message the
/// locale translates when empty), and the ids confirmed. An id the locale
/// does not translate, or the reference does not have, is a usage error.
pub(crate) fn confirm(
    messages: &Messages,
    tag: &str,
    ids: &[String],
) -> Result<(String, Vec<String>), Error> {
    let reference_tag = &messages.config.reference;
    if tag == reference_tag {
        return Err(Error::Usage(format!(
            "`{tag}` is the reference locale: its text is what translations are confirmed against"
        )));
    }
    let bundle = messages
        .catalog
        .get(tag)
        .ok_or_else(|| Error::Usage(format!("unknown locale `{tag}`")))?;
    let reference = messages.catalog.get(reference_tag).ok_or_else(|| {
        Error::Usage(format!(
            "the reference locale `{reference_tag}` has no messages"
        ))
    })?;
    let wanted: Vec<String> = if ids.is_empty() {
        bundle
            .messages_in_order()
            .into_iter()
            .filter(|(id, _)| reference.sources.contains_key(*id))
            .map(|(id, _)| id.clone())
            .collect()
    } else {
        for id in ids {
            if !bundle.sources.contains_key(id) {
                return Err(Error::Usage(format!(
                    "`{tag}` has no translation of `{id}` to confirm"
                )));
            }
            if !reference.sources.contains_key(id) {
                return Err(Error::Usage(format!(
                    "`{id}` is not in the reference locale `{reference_tag}`, so there is nothing to confirm it against"
                )));
            }
        }
        ids.to_vec()
    };
    let mut lock = bundle.lock.clone();
    for id in &wanted {
        if let Some(hash) = fingerprint(reference, id) {
            lock.confirmed.insert(id.clone(), (hash, None));
        }
        if let Some(text) = reference_text(reference, id) {
            lock.texts.insert(id.clone(), text);
        }
    }
    // Forget messages the locale no longer has (a message with an error
    // is still there: it is kept until it is fixed).
    lock.confirmed
        .retain(|id, _| bundle.sources.contains_key(id) || bundle.broken.contains_key(id));
    lock.texts.retain(|id, _| lock.confirmed.contains_key(id));
    Ok((lock.render(tag, reference_tag), wanted))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::diag::Files;

    fn bundle(text: &str) -> (LocaleBundle, Files) {
        let mut files = Files::default();
        let id = files.add("locales/en/a.ftl", text.to_owned());
        let mut diags = Vec::new();
        let bundle = crate::i18n::load_locale(
            "en",
            &"en".parse().unwrap(),
            &[id],
            &crate::i18n::catalog::Known {
                ids: &Default::default(),
                reference: "en",
                all_documents: true,
            },
            &crate::config::Limits::default(),
            &files,
            &mut diags,
        );
        (bundle, files)
    }

    #[test]
    fn fingerprints_follow_the_text_not_the_comments() {
        let (a, _) = bundle("# note\na = Hello { $name }\n    again\n\n# next\nb = B\n");
        let (b, _) = bundle("# another note\na = Hello { $name }\n    again   \nb = B\n");
        let (c, _) = bundle("a = Hello { $name }\n    once\nb = B\n");
        assert_eq!(fingerprint(&a, "a"), fingerprint(&b, "a"));
        assert_ne!(fingerprint(&a, "a"), fingerprint(&c, "a"));
        assert_eq!(fingerprint(&a, "a").unwrap().len(), 16);
        assert_eq!(reference_text(&a, "a").unwrap(), "Hello { $name }\nagain");
        assert_eq!(
            shown(&reference_text(&a, "a").unwrap()),
            "“Hello { $name } again”"
        );
    }
}
