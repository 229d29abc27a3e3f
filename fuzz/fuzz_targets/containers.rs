//! M4A, MP3 and WAV: the input's first byte chooses the container (0: M4A,
//! 1: MP3, 2: WAV, by its remainder by 3) and the rest is the recording,
//! read by `kyr::audio::probe`. Properties: no panic escapes; an accepted
//! file has a sample rate, a channel, a length greater than zero and no
//! longer than one second a byte, and a peak that was decoded (a file that
//! does not decode is refused, never accepted with an unknown level).

#![no_main]

use kyr::audio::{Container, probe};
use libfuzzer_sys::fuzz_target;

#[path = "recordings.rs"]
mod recordings;

fuzz_target!(|data: &[u8]| {
    recordings::tolerate_decoder_panics();
    let Some((&choice, bytes)) = data.split_first() else {
        return;
    };
    let container = [Container::M4a, Container::Mp3, Container::Wav][usize::from(choice % 3)];
    let Ok(recording) = probe(bytes, container) else {
        return;
    };
    assert_eq!(recording.container, container);
    assert!(recording.channels >= 1 && recording.sample_rate > 0);
    assert!(!recording.duration.is_zero());
    assert!(recording.duration.as_secs_f64() <= bytes.len() as f64);
    let peak = recording.peak.expect("an accepted recording was decoded");
    assert!((0.0..=1.0).contains(&peak), "peak {peak}");
});
