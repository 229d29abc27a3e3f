//! `kyr confirm`: a locale's translations (or with `--audio`, its
//! recordings) are confirmed to match the reference text as it is now,
//! in the locale's lock file, so they are no longer reported as stale.

use std::path::{Path, PathBuf};

use crate::base::error::Error;
use crate::commands::{Outcome, PlannedWrite, read_edited, refuse_unread_locale};
use crate::i18n::{lock, recordings, stale};
use crate::project::Project;

/// What `kyr confirm` is asked for.
#[derive(Debug, Clone, Default)]
pub struct ConfirmOptions {
    /// The locale.
    pub locale: String,
    /// The messages to confirm (all the locale's translations, or all its
    /// recordings, when empty).
    pub messages: Vec<String>,
    /// Confirm the recordings against the text they read now, instead of
    /// the translations against the reference.
    pub audio: bool,
}

/// What was confirmed.
#[derive(Debug)]
pub struct Confirmed {
    /// The locale.
    pub locale: String,
    /// The reference locale the translations were confirmed against.
    pub reference: String,
    /// The ids confirmed.
    pub ids: Vec<String>,
    /// Recordings, not translations.
    pub audio: bool,
    /// The lock file written, relative to the project.
    pub lock: PathBuf,
}

/// `kyr confirm`: the locale's new lock file. An unknown locale, or an id
/// the locale has no translation (or recording) of, is a usage error.
pub fn run(project: &Project, options: &ConfirmOptions) -> Result<Outcome<Confirmed>, Error> {
    let tags = project
        .config
        .known_locales(std::slice::from_ref(&options.locale))?;
    let tag = &tags[0];
    let (write, ids) = lock_write(project, tag, &options.messages, options.audio)?;
    Ok(Outcome {
        report: Confirmed {
            locale: tag.clone(),
            reference: project.config.reference.clone(),
            ids,
            audio: options.audio,
            lock: write.relative.clone(),
        },
        writes: vec![write],
    })
}

/// The write of locale `tag`'s lock file with `ids` confirmed (all when
/// empty), and the ids confirmed.
pub(crate) fn lock_write(
    project: &Project,
    tag: &str,
    ids: &[String],
    audio: bool,
) -> Result<(PlannedWrite, Vec<String>), Error> {
    let doing = if audio {
        "`kyr confirm --audio`"
    } else {
        "`kyr confirm`"
    };
    refuse_unread_locale(project, tag, doing)?;
    let relative = Path::new("locales").join(tag).join(lock::LOCK_FILE);
    let before = read_edited(&project.root, &relative)?;
    let messages = project.messages();
    let (text, confirmed) = if audio {
        recordings::confirm(&messages, tag, ids)
    } else {
        stale::confirm(&messages, tag, ids)
    }?;
    let write = PlannedWrite::new(&project.root, relative, text).over(before);
    Ok((write, confirmed))
}
