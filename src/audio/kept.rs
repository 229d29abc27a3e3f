//! What probing a recording found, kept by the file's content: the
//! SHA-256 of its bytes and the container it should be. Decoding for the
//! peak is the slow part of reading a recording (Opus above all), so a
//! file that has not changed is decoded once, and every later command,
//! and each request of the recording page, reads what was kept. What is
//! kept is found again when kyr's version changes; a file that was only
//! of the wrong type or empty is not kept (that is found without
//! decoding).

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::{Container, Problem, Recording, probe};

/// Probes kept by content.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Probes {
    /// The kyr that found them: another's are found again.
    version: String,
    entries: BTreeMap<String, Kept>,
    /// The entries asked for since this was read: only they are kept.
    #[serde(skip)]
    used: BTreeSet<String>,
    /// Whether an entry was added since this was read.
    #[serde(skip)]
    changed: bool,
}

/// What probing one file found.
#[derive(Debug, Clone, Serialize, Deserialize)]
enum Kept {
    /// A recording that plays.
    Read {
        nanos: u64,
        sample_rate: u32,
        channels: u16,
        peak: Option<f32>,
    },
    /// A damaged file, and what is wrong.
    Damaged(String),
}

impl Probes {
    /// What was kept, from its JSON; nothing when it does not parse or
    /// another kyr kept it.
    pub fn from_json(text: &str) -> Probes {
        serde_json::from_str::<Probes>(text)
            .ok()
            .filter(|p| p.version == env!("CARGO_PKG_VERSION"))
            .unwrap_or_else(|| Probes {
                version: env!("CARGO_PKG_VERSION").to_owned(),
                ..Probes::default()
            })
    }

    /// The JSON to keep, with only the entries asked for since this was
    /// read; `None` when nothing changed.
    pub fn to_json(&mut self) -> Option<String> {
        let unused = self.entries.keys().any(|key| !self.used.contains(key));
        if !self.changed && !unused {
            return None;
        }
        self.entries.retain(|key, _| self.used.contains(key));
        self.version = env!("CARGO_PKG_VERSION").to_owned();
        serde_json::to_string(self).ok()
    }

    /// [`probe`], or what it found for the same bytes before.
    pub fn probe(&mut self, bytes: &[u8], expected: Container) -> Result<Recording, Problem> {
        let key = format!("{:x}.{}", Sha256::digest(bytes), expected.codec());
        self.used.insert(key.clone());
        if let Some(kept) = self.entries.get(&key) {
            return kept.clone().into_result(expected);
        }
        let found = probe(bytes, expected);
        let kept = match &found {
            Ok(r) => Kept::Read {
                nanos: u64::try_from(r.duration.as_nanos()).unwrap_or(u64::MAX),
                sample_rate: r.sample_rate,
                channels: r.channels,
                peak: r.peak,
            },
            Err(Problem::Corrupt(why)) => Kept::Damaged(why.clone()),
            Err(_) => return found,
        };
        self.entries.insert(key, kept);
        self.changed = true;
        found
    }
}

impl Kept {
    fn into_result(self, container: Container) -> Result<Recording, Problem> {
        match self {
            Kept::Read {
                nanos,
                sample_rate,
                channels,
                peak,
            } => Ok(Recording {
                container,
                codec: container.codec(),
                duration: Duration::from_nanos(nanos),
                sample_rate,
                channels,
                peak,
            }),
            Kept::Damaged(why) => Err(Problem::Corrupt(why)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(name: &str) -> Vec<u8> {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/audio/");
        std::fs::read(format!("{dir}{name}")).unwrap()
    }

    #[test]
    fn a_file_is_decoded_once_and_found_the_same_again() {
        let mut probes = Probes::from_json("");
        let tone = fixture("tone.ogg");
        let first = probes.probe(&tone, Container::OggOpus).unwrap();
        let corrupt = fixture("corrupt.ogg");
        let damaged = probes.probe(&corrupt, Container::OggOpus).unwrap_err();
        let json = probes.to_json().unwrap();
        let mut again = Probes::from_json(&json);
        assert_eq!(again.entries.len(), 2);
        // The kept entries answer: bytes that no decoder reads would not.
        let key = |bytes: &[u8]| format!("{:x}.opus", Sha256::digest(bytes));
        assert!(again.entries.contains_key(&key(&tone)));
        assert_eq!(again.probe(&tone, Container::OggOpus).unwrap(), first);
        assert_eq!(
            again.probe(&corrupt, Container::OggOpus).unwrap_err(),
            damaged
        );
        assert_eq!(again.to_json(), None, "nothing changed");
        // An entry no longer asked for is not kept.
        let mut third = Probes::from_json(&json);
        third.probe(&tone, Container::OggOpus).unwrap();
        let kept = Probes::from_json(&third.to_json().unwrap());
        assert_eq!(kept.entries.len(), 1);
        // Another kyr's entries are found again.
        let other = json.replace(env!("CARGO_PKG_VERSION"), "0.0.0-other");
        assert!(Probes::from_json(&other).entries.is_empty());
    }
}
