//! Ogg Opus: the input is an `.ogg` recording, read by `kyr::audio::probe`
//! as it is and again with every page's checksum made right, so that
//! mutations reach the packets and granule positions behind the checksum.
//! Properties: no panic escapes, and an accepted file plays no longer than
//! its packets can hold (120 ms each, at most one per byte), with at
//! least one channel and a sample rate.

#![no_main]

use kyr::audio::{Container, probe};
use libfuzzer_sys::fuzz_target;

#[path = "recordings.rs"]
mod recordings;

fuzz_target!(|data: &[u8]| {
    recordings::tolerate_decoder_panics();
    check(data);
    check(&recordings::with_right_crcs(data));
});

fn check(data: &[u8]) {
    let Ok(recording) = probe(data, Container::OggOpus) else {
        return;
    };
    assert_eq!(recording.container, Container::OggOpus);
    assert!(recording.duration.as_secs_f64() <= data.len() as f64 * 0.120);
    assert!(recording.channels >= 1 && recording.sample_rate > 0);
    if let Some(peak) = recording.peak {
        assert!((0.0..=1.0).contains(&peak), "peak {peak}");
    }
}
