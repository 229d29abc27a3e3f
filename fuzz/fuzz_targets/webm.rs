//! WebM to Ogg: the input is a browser's WebM recording, remuxed by
//! `kyr::audio::webm_to_ogg`. Properties: no panic escapes, the remux is
//! the same twice, and whatever it returns is Ogg Opus that
//! `kyr::audio::probe` accepts, with the duration the Ogg's own last
//! granule position and pre-skip state.

#![no_main]

use kyr::audio::{Container, probe, webm_to_ogg};
use libfuzzer_sys::fuzz_target;

#[path = "recordings.rs"]
mod recordings;

fuzz_target!(|data: &[u8]| {
    recordings::tolerate_decoder_panics();
    let Ok(ogg) = webm_to_ogg(data) else {
        return;
    };
    assert_eq!(webm_to_ogg(data).as_ref(), Ok(&ogg));
    let recording = probe(&ogg, Container::OggOpus)
        .unwrap_or_else(|problem| panic!("the remuxed recording is refused: {problem}"));
    let stated = recordings::stated_duration(&ogg).expect("the remuxed pages");
    assert_eq!(recording.duration, stated);
});
