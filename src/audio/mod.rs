//! Audio companions: what a volunteer's recording really is (container,
//! codec, duration, level), read from its bytes, and browser recordings
//! (WebM with Opus) remuxed to Ogg Opus without re-encoding.
//!
//! Nothing here imports from the rest of the crate. Every reader takes
//! hostile bytes: no panics, checked arithmetic, allocations bounded by the
//! input's length. Durations come from the container (Ogg granule
//! positions, the WAV data chunk, the MP4 edit list, media header or
//! movie fragments, the MP3 Xing/Info or VBRI header or its frame
//! headers) without decoding; the level (peak) comes from decoding:
//! Symphonia for WAV, MP3 and AAC, a pure-Rust Opus decoder for Opus.
//!
//! The container readers are kyr's own rather than Symphonia's demuxers:
//! measured against Symphonia 0.5.5, its demuxers read a different
//! duration, or a cut-off file as whole, in each of the formats (the
//! figures are in `mp4.rs`, `mp3.rs` and `wav.rs`). Symphonia decodes, and
//! only what the readers have checked. Symphonia has no Ogg or WebM
//! reader with Opus; those two are fuzzed (`fuzz/fuzz_targets/ogg.rs`,
//! `webm.rs`).

use std::fmt;
use std::time::Duration;

mod bytes;
mod decode;
mod kept;
mod mp3;
mod mp4;
mod ogg;
mod opus;
mod sniff;
mod wav;
mod webm;

#[cfg(test)]
mod tests;

pub use kept::Probes;
pub use sniff::sniff;
pub use webm::webm_to_ogg;

/// A recording's container as its file extension names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Container {
    /// Ogg with Opus (`.ogg`, `.opus`): WhatsApp and Telegram voice notes.
    OggOpus,
    /// MPEG-4 audio, in practice AAC (`.m4a`): phones' voice memos.
    M4a,
    /// MPEG-1/2 Layer III (`.mp3`).
    Mp3,
    /// RIFF WAVE with PCM samples (`.wav`).
    Wav,
}

impl Container {
    /// The container an extension (without its dot, any case) names, if
    /// kyr accepts it. `.aac` is not accepted: it names raw ADTS streams,
    /// which carry no duration; `.mp4` is not either, as it is mostly
    /// video.
    pub fn from_extension(ext: &str) -> Option<Container> {
        let ext = ext.trim_start_matches('.');
        Self::ALL_EXTENSIONS
            .iter()
            .find(|(e, _)| e.eq_ignore_ascii_case(ext))
            .map(|&(_, c)| c)
    }

    const ALL_EXTENSIONS: [(&'static str, Container); 5] = [
        ("ogg", Container::OggOpus),
        ("opus", Container::OggOpus),
        ("m4a", Container::M4a),
        ("mp3", Container::Mp3),
        ("wav", Container::Wav),
    ];

    /// The accepted extensions, lowercase and without dots, for hints.
    pub fn extensions() -> &'static [&'static str] {
        &["ogg", "opus", "m4a", "mp3", "wav"]
    }

    /// The container's name for messages: "Ogg Opus", "M4A", "MP3", "WAV".
    pub fn name(self) -> &'static str {
        match self {
            Container::OggOpus => "Ogg Opus",
            Container::M4a => "M4A",
            Container::Mp3 => "MP3",
            Container::Wav => "WAV",
        }
    }

    /// The media type for `<source type=...>` and HTTP `Content-Type`.
    pub fn mime(self) -> &'static str {
        match self {
            Container::OggOpus => "audio/ogg",
            Container::M4a => "audio/mp4",
            Container::Mp3 => "audio/mpeg",
            Container::Wav => "audio/wav",
        }
    }

    /// The codec kyr accepts in this container: "opus", "aac", "mp3",
    /// "pcm".
    pub fn codec(self) -> &'static str {
        match self {
            Container::OggOpus => "opus",
            Container::M4a => "aac",
            Container::Mp3 => "mp3",
            Container::Wav => "pcm",
        }
    }
}

impl fmt::Display for Container {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// What a file's first bytes (its magic numbers) say it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sniffed {
    /// One of the containers kyr accepts.
    Audio(Container),
    /// Another known format, described for a message with its article:
    /// "a WebM file", "an Ogg Vorbis file", "a PNG image", "text".
    Other(&'static str),
    /// The first bytes match no format known here.
    Unknown,
}

impl fmt::Display for Sniffed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Sniffed::Audio(c) => {
                let article = if c != &Container::Wav { "an" } else { "a" };
                write!(f, "{article} {} file", c.name())
            }
            Sniffed::Other(what) => f.write_str(what),
            Sniffed::Unknown => f.write_str("a file of unknown type"),
        }
    }
}

/// What a readable recording is.
#[derive(Debug, Clone, PartialEq)]
pub struct Recording {
    /// The container, as checked against the bytes.
    pub container: Container,
    /// The codec: "opus", "aac", "mp3" or "pcm".
    pub codec: &'static str,
    /// How long it plays, read from the container without decoding where
    /// the container allows (encoder delay and padding removed).
    pub duration: Duration,
    /// Samples per second of the stream (Opus: the encoder's input rate
    /// from the OpusHead, or 48000 when it was not recorded; Opus always
    /// decodes at 48 kHz).
    pub sample_rate: u32,
    /// Number of channels.
    pub channels: u16,
    /// Linear peak, 0.0..=1.0, of the decoded audio, every channel of it
    /// (a file that does not decode is refused, so a probed recording
    /// always has one; `None` only in recordings made by hand).
    pub peak: Option<f32>,
}

impl Recording {
    /// The peak level under which a recording counts as silent:
    /// -50 dBFS (10^(-50/20) ≈ 0.00316). Speech recorded on a phone
    /// peaks between about -20 and -1 dBFS, while a phone microphone's
    /// noise floor in a quiet room and the lossy codecs' noise on digital
    /// silence both sit below -60 dBFS; -50 dBFS leaves 10 dB on either
    /// side, so a muted or unplugged microphone is caught and a quiet
    /// speaker is not.
    pub const SILENCE_THRESHOLD: f32 = 0.003_162_277_7;

    /// Whether the whole recording stays under [`Self::SILENCE_THRESHOLD`];
    /// false when the peak is not known.
    pub fn is_silent(&self) -> bool {
        self.peak.is_some_and(|p| p < Self::SILENCE_THRESHOLD)
    }

    /// The peak in dBFS (negative infinity for digital silence), if known.
    pub fn peak_dbfs(&self) -> Option<f32> {
        self.peak.map(|p| 20.0 * p.log10())
    }
}

/// Why a recording cannot be used.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// The file has no bytes.
    Empty,
    /// The bytes are not the container the extension names.
    WrongType {
        /// The container the extension names.
        expected: Container,
        /// What the bytes are.
        found: Sniffed,
    },
    /// The container is damaged or cut off: what is wrong, in plain words.
    Corrupt(String),
    /// The container is right but holds a codec kyr does not take.
    UnsupportedCodec {
        /// The container.
        container: Container,
        /// The codec found, as the container names it.
        codec: String,
    },
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::Empty => f.write_str("the file is empty"),
            Problem::WrongType { expected, found } => {
                write!(f, "the file is {found}, not {}", Sniffed::Audio(*expected))
            }
            Problem::Corrupt(what) => write!(f, "the file is damaged: {what}"),
            Problem::UnsupportedCodec { container, codec } => write!(
                f,
                "the {} file holds {codec} audio, but kyr takes only {} in {}",
                container.name(),
                container.codec(),
                container.name()
            ),
        }
    }
}

impl std::error::Error for Problem {}

/// A [`Problem::Corrupt`] with this text.
fn corrupt(what: impl Into<String>) -> Problem {
    Problem::Corrupt(what.into())
}

/// A decoder's peak, or the file refused as damaged: a recording that is
/// accepted plays.
fn decoded(peak: Result<f32, String>) -> Result<Option<f32>, Problem> {
    peak.map(Some)
        .map_err(|why| corrupt(format!("{why}, so it would not play")))
}

/// The most samples a second a recording may say it has (twice the most
/// any recorder makes).
const MAX_SAMPLE_RATE: u32 = 768_000;

/// Reads a recording that should be `expected` (from its extension):
/// checks that the bytes are that container, reads the duration and the
/// stream's parameters from the container, and decodes the audio for its
/// peak.
///
/// A file cut off in the middle is [`Problem::Corrupt`] in every format
/// (an Ogg page, an MP4 box, an MP3 frame or a WAV data chunk that ends
/// early), rather than a shorter recording: a volunteer's upload that was
/// cut short should be recorded or copied again. First bytes that match
/// another format, or none known, are [`Problem::WrongType`].
pub fn probe(bytes: &[u8], expected: Container) -> Result<Recording, Problem> {
    if bytes.is_empty() {
        return Err(Problem::Empty);
    }
    let found = sniff(bytes);
    if found != Sniffed::Audio(expected) {
        return Err(Problem::WrongType { expected, found });
    }
    let recording = match expected {
        Container::OggOpus => ogg::probe(bytes),
        Container::M4a => mp4::probe(bytes),
        Container::Mp3 => mp3::probe(bytes),
        Container::Wav => wav::probe(bytes),
    }?;
    if recording.sample_rate == 0 || recording.sample_rate > MAX_SAMPLE_RATE {
        return Err(corrupt(format!(
            "it says it has {} samples a second, which no recording has",
            recording.sample_rate
        )));
    }
    if recording.duration.is_zero() {
        return Err(corrupt("it holds no sound (it lasts 0 seconds)"));
    }
    Ok(recording)
}

/// A duration from a count of samples at a rate, `None` for a zero rate.
fn samples_to_duration(samples: u64, rate: u64) -> Option<Duration> {
    if rate == 0 {
        return None;
    }
    let secs = samples / rate;
    let rem = samples % rate;
    // rem < rate <= u64::MAX; rem * 1e9 can overflow for huge rates: use u128.
    let nanos = (u128::from(rem) * 1_000_000_000 / u128::from(rate)) as u32;
    Some(Duration::new(secs, nanos))
}
