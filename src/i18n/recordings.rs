//! Recordings as translations: `locales/<tag>/audio/<message-id>.<ext>`,
//! a volunteer reading one message aloud in the locale's language. Each is
//! checked when loaded (format, damage, silence, size, a message id that
//! exists), kept in step with the text it was made from (the lock file's
//! `[audio]` fingerprints: the locale's own text, or the fallback text for
//! a message the locale only has as a recording), and confirmed with
//! `kyr confirm --audio` or the recording page of `kyr serve`.

use std::time::Duration;

use sha2::{Digest, Sha256};

use crate::audio::{self, Container, Problem, Sniffed};
use crate::base::diag::{Diagnostic, FileId, Span, human_size};
use crate::base::error::Error;
use crate::config::Locale;
use crate::i18n::lock::Staleness;
use crate::i18n::stale::{entry_text, reference_text, short_digest, shown};
use crate::i18n::{LocaleBundle, Messages};

/// The folder of a locale's recordings, inside `locales/<tag>/`.
pub(crate) const AUDIO_DIR: &str = "audio";

/// A recording that passed its checks.
#[derive(Debug, Clone)]
pub struct Recording {
    /// The message it reads.
    pub id: String,
    /// The file, for diagnostics (its text is empty).
    pub file: FileId,
    /// Its file name (`door-intro.ogg`).
    pub name: String,
    /// What was read from its bytes.
    pub info: audio::Recording,
    /// Its size in bytes.
    pub size: u64,
    /// SHA-256 of its bytes, in hex.
    pub sha256: String,
}

impl Recording {
    /// Its format.
    pub fn container(&self) -> Container {
        self.info.container
    }
}

/// What [`read`] needs to know of the project.
pub(crate) struct Known<'a> {
    /// The message ids the documents use, in document order.
    pub ids: &'a [String],
    /// `[limits] max_audio_bytes`.
    pub max_bytes: u64,
}

/// `3.2 s`, `1 min 05 s`: a duration as people say it.
pub(crate) fn duration_text(duration: Duration) -> String {
    let tenths = (duration.as_millis() + 50) / 100;
    let seconds = tenths / 10;
    if seconds < 60 {
        format!("{}.{} s", seconds, tenths % 10)
    } else {
        format!("{} min {:02} s", seconds / 60, seconds % 60)
    }
}

/// The part of a recording's file name before its extension, and the
/// extension; `None` for a hidden file.
pub(crate) fn split_name(name: &str) -> Option<(&str, &str)> {
    if name.starts_with('.') {
        return None;
    }
    Some(name.rsplit_once('.').unwrap_or((name, "")))
}

/// Checks a recording's size before it is read; an error when it is over
/// the limit.
pub(crate) fn check_size(
    file: FileId,
    size: u64,
    known: &Known,
    diags: &mut Vec<Diagnostic>,
) -> bool {
    if size <= known.max_bytes {
        return true;
    }
    diags.push(
        Diagnostic::error(format!(
            "the recording is {}, more than the limit of {}; it is not used",
            exact_size(size, known.max_bytes),
            exact_size(known.max_bytes, size)
        ))
        .code("audio-limit")
        .at(Span::new(file, 0..0))
        .hint("record each message on its own (a few seconds to a minute), or export it as Ogg Opus at a speech bitrate (16 to 32 kbit/s)")
        .hint("or raise `max_audio_bytes` under `[limits]` in kyr.toml; every reader downloads the file"),
    );
    false
}

/// `size` as people read it, or in bytes when `other` would read the same.
fn exact_size(size: u64, other: u64) -> String {
    if human_size(size) == human_size(other) {
        format!("{size} bytes")
    } else {
        human_size(size)
    }
}

/// Reads one recording (`name` inside `locales/<tag>/audio/`). Problems
/// become located diagnostics with their own codes; the recording is
/// returned only when it can be played to a reader.
pub(crate) fn read(
    file: FileId,
    name: &str,
    bytes: &[u8],
    (known, probes): (&Known, &mut audio::Probes),
    diags: &mut Vec<Diagnostic>,
) -> Option<Recording> {
    let at = Span::new(file, 0..0);
    let (id, ext) = split_name(name)?;
    let Some(container) = Container::from_extension(ext) else {
        diags.push(
            Diagnostic::warning(format!(
                "`{name}` is not a recording kyr reads, and is ignored"
            ))
            .code("audio-format")
            .at(at)
            .hint(format!(
                "recordings are Ogg Opus (as WhatsApp saves voice notes), M4A, MP3 or WAV, named after the message they read: `{id}.ogg`, one of {}",
                extensions()
            )),
        );
        return None;
    };
    if !known.ids.iter().any(|k| k == id) {
        let mut d = Diagnostic::warning(format!(
            "no document uses a message `{id}`, so the recording `{name}` is not played anywhere"
        ))
        .code("audio-unknown")
        .at(at);
        if let Some(close) = crate::base::ident::closest_id(id, known.ids.iter()) {
            d = d.hint(format!(
                "did you mean `{close}`? rename the file to `{close}.{ext}`"
            ));
        }
        diags.push(d.hint("a recording is named after the message id it reads, as written in the locale's `.ftl` files"));
        return None;
    }
    let info = match probes.probe(bytes, container) {
        Ok(info) => info,
        Err(problem) => {
            diags.push(problem_diagnostic(&problem, name, container, at));
            return None;
        }
    };
    if info.is_silent() {
        diags.push(
            Diagnostic::error(format!(
                "the recording `{name}` is silent: {} with nothing louder than {}",
                duration_text(info.duration),
                level_text(info.peak.unwrap_or(0.0))
            ))
            .code("audio-silent")
            .at(at)
            .hint("the microphone was probably muted, blocked or not the one in use; record it again and play it back before saving"),
        );
        return None;
    }
    Some(Recording {
        id: id.to_owned(),
        file,
        name: name.to_owned(),
        size: bytes.len() as u64,
        sha256: Sha256::digest(bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect(),
        info,
    })
}

/// A peak level in decibels below full scale.
fn level_text(peak: f32) -> String {
    if peak <= 0.0 {
        "digital silence".to_owned()
    } else {
        format!("{:.0} dBFS", 20.0 * peak.log10())
    }
}

fn extensions() -> String {
    Container::extensions()
        .iter()
        .map(|e| format!("`.{e}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn problem_diagnostic(problem: &Problem, name: &str, container: Container, at: Span) -> Diagnostic {
    match problem {
        Problem::Empty => Diagnostic::error(format!("the recording `{name}` is empty (0 bytes)"))
            .code("audio-empty")
            .at(at)
            .hint("the recording was probably not saved to the end; copy it again from the phone or recorder"),
        Problem::WrongType { expected, found } => {
            let what = match found {
                Sniffed::Audio(actual) => format!("an {} file", actual.name()),
                Sniffed::Other(what) => (*what).to_owned(),
                Sniffed::Unknown => "not a recording kyr knows".to_owned(),
            };
            let mut d = Diagnostic::error(format!(
                "`{name}` is named as {} but it is {what}",
                article(expected.name())
            ))
            .code("audio-type")
            .at(at);
            if let Sniffed::Audio(actual) = found {
                let ext = Container::extensions()
                    .iter()
                    .find(|e| Container::from_extension(e) == Some(*actual))
                    .copied()
                    .unwrap_or("ogg");
                let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
                d = d.hint(format!(
                    "rename it to `{stem}.{ext}`: a reader's phone picks the player by the name"
                ));
            }
            d
        }
        Problem::Corrupt(why) => Diagnostic::error(format!(
            "the recording `{name}` is damaged: {why}"
        ))
        .code("audio-corrupt")
        .at(at)
        .hint(format!(
            "copy it again from where it was recorded, or export it again as {}",
            container.name()
        )),
        Problem::UnsupportedCodec { codec, .. } => Diagnostic::error(format!(
            "`{name}` holds {codec} audio, which kyr does not read in {} files",
            article(container.name())
        ))
        .code("audio-type")
        .at(at)
        .hint("export it as Ogg Opus, M4A (AAC), MP3 or WAV (PCM)"),
    }
}

/// `an MP3`, `a WAV`.
fn article(name: &str) -> String {
    let vowel_sound = name.starts_with(['A', 'E', 'I', 'O', 'U', 'M']);
    format!("{} {name}", if vowel_sound { "an" } else { "a" })
}

/// The text a locale's recording of `id` is read from: the first locale
/// of its chain with a text for it (the locale's own, or a fallback),
/// with a fingerprint of that text and of which locale it is in.
pub(crate) fn source(messages: &Messages, locale: &Locale, id: &str) -> Option<Source> {
    let bundle: &LocaleBundle = locale
        .chain
        .iter()
        .filter_map(|tag| messages.catalog.get(tag))
        .find(|b| b.defines(id))?;
    let entry = entry_text(bundle, id)?;
    Some(Source {
        tag: bundle.tag.clone(),
        fingerprint: short_digest(&format!("{}\n{entry}", bundle.tag)),
        text: reference_text(bundle, id)?,
    })
}

/// The text a recording is read from.
#[derive(Debug, Clone)]
pub(crate) struct Source {
    /// The locale it is written in.
    pub tag: String,
    /// What the lock file records.
    pub fingerprint: String,
    /// The text as its translator wrote it.
    pub text: String,
}

/// Whether a locale's recording of `id` is stale: the text it was made
/// from changed, or it was never confirmed. `None` when it is current or
/// there is no recording.
pub(crate) fn staleness(messages: &Messages, locale: &Locale, id: &str) -> Option<Staleness> {
    let bundle = messages.catalog.get(&locale.tag)?;
    bundle.recordings.get(id)?;
    let source = source(messages, locale, id)?;
    bundle.lock.audio_staleness(id, &source.fingerprint)
}

/// A warning for each stale recording of a locale, at the recording.
pub(crate) fn stale_diagnostics(messages: &Messages, locale: &Locale) -> Vec<Diagnostic> {
    let Some(bundle) = messages.catalog.get(&locale.tag) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (id, recording) in &bundle.recordings {
        let Some(why) = staleness(messages, locale, id) else {
            continue;
        };
        let Some(source) = source(messages, locale, id) else {
            continue;
        };
        let name = &recording.name;
        let mut d = match why {
            Staleness::Changed => Diagnostic::warning(format!(
                "the text `{name}` was recorded from changed after the recording was confirmed; it may no longer say the same"
            )),
            Staleness::Unconfirmed => Diagnostic::warning(format!(
                "the recording `{name}` has not been confirmed against the text it reads"
            )),
        }
        .code("audio-stale")
        .in_message(&locale.tag, id)
        .at(Span::new(recording.file, 0..0));
        if why == Staleness::Changed {
            d = d.hint(match bundle.lock.audio_texts.get(id) {
                Some(was) => format!("the text was {}", shown(was)),
                None => "the text it was recorded from is not in the lock file".to_owned(),
            });
        }
        let from = if source.tag == locale.tag {
            String::new()
        } else {
            format!(" (in `{}`)", source.tag)
        };
        out.push(
            d.hint(format!("the text is now{from} {}", shown(&source.text)))
                .hint(format!(
                    "listen to it next to the text; record it again if needed, then run `kyr confirm {} --audio {id}`",
                    locale.tag
                )),
        );
    }
    out
}

/// The new lock text of a locale after confirming the recordings of `ids`
/// (all its recordings when empty) against the text they read now, and
/// the ids confirmed. An id without a recording is a usage error.
pub(crate) fn confirm(
    messages: &Messages,
    tag: &str,
    ids: &[String],
) -> Result<(String, Vec<String>), Error> {
    let locale = messages
        .config
        .locale(tag)
        .ok_or_else(|| Error::Usage(format!("unknown locale `{tag}`")))?;
    let bundle = messages
        .catalog
        .get(tag)
        .ok_or_else(|| Error::Usage(format!("`{tag}` has no recordings to confirm")))?;
    let wanted: Vec<String> = if ids.is_empty() {
        bundle.recordings.keys().cloned().collect()
    } else {
        for id in ids {
            if !bundle.recordings.contains_key(id) {
                return Err(Error::Usage(format!(
                    "`{tag}` has no usable recording of `{id}` to confirm (`locales/{tag}/{AUDIO_DIR}/{id}.ogg`, or .m4a, .mp3, .wav)"
                )));
            }
        }
        ids.to_vec()
    };
    let mut lock = bundle.lock.clone();
    for id in &wanted {
        if let Some(source) = source(messages, locale, id) {
            lock.audio.insert(id.clone(), (source.fingerprint, None));
            lock.audio_texts.insert(id.clone(), source.text);
        }
    }
    // Forget recordings the locale no longer has.
    lock.audio
        .retain(|id, _| bundle.recordings.contains_key(id));
    lock.audio_texts.retain(|id, _| lock.audio.contains_key(id));
    Ok((lock.render(tag, &messages.config.reference), wanted))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_as_people_say_them() {
        assert_eq!(duration_text(Duration::from_millis(1500)), "1.5 s");
        assert_eq!(duration_text(Duration::from_millis(59_960)), "1 min 00 s");
        assert_eq!(duration_text(Duration::from_millis(65_000)), "1 min 05 s");
        assert_eq!(split_name("door-intro.ogg"), Some(("door-intro", "ogg")));
        assert_eq!(split_name(".DS_Store"), None);
        assert_eq!(article("MP3"), "an MP3");
        assert_eq!(article("WAV"), "a WAV");
        assert_eq!(article("Ogg Opus"), "an Ogg Opus");
    }
}
