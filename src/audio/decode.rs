//! Decoding for the peak level: Symphonia for WAV, MP3 and AAC in MP4, the
//! pure-Rust `opus-decoder` crate for Opus. Called only on files whose
//! container the module's own readers have already checked (for M4A, on a
//! copy holding only the boxes they checked), and wrapped in
//! `catch_unwind` as a last guard: a decoder that fails in any way gives
//! no peak rather than an error. Tests count what the guard catches.
//!
//! `opus-decoder` 0.1.1 is slow: its inverse MDCT and FFT are direct
//! sums, so ten minutes of 24 kbit/s Opus take about 160 s of CPU
//! (Symphonia decodes ten minutes of AAC in about 1 s).

use std::io::Cursor;
use std::panic::{AssertUnwindSafe, catch_unwind};
#[cfg(test)]
use std::sync::atomic::{AtomicUsize, Ordering};

use symphonia::core::audio::SampleBuffer;
use symphonia::core::codecs::DecoderOptions;
use symphonia::core::errors::Error;
use symphonia::core::formats::FormatOptions;
use symphonia::core::io::{MediaSourceStream, MediaSourceStreamOptions};
use symphonia::core::meta::MetadataOptions;
use symphonia::core::probe::Hint;

/// Panics the guards caught, counted in tests, which assert that the
/// hostile inputs they make cause none: the readers' checks come first.
#[cfg(test)]
pub(super) static CAUGHT_PANICS: AtomicUsize = AtomicUsize::new(0);

/// Runs a decoder behind the last guard: a panic gives `None`.
fn guarded<T>(decode: impl FnOnce() -> Option<T>) -> Option<T> {
    let result = catch_unwind(AssertUnwindSafe(decode));
    #[cfg(test)]
    if result.is_err() {
        CAUGHT_PANICS.fetch_add(1, Ordering::Relaxed);
    }
    result.ok().flatten()
}

/// The peak of a file Symphonia can read, `extension` hinting its format.
pub(super) fn symphonia_peak(bytes: &[u8], extension: &str) -> Option<f32> {
    guarded(|| symphonia_peak_inner(bytes, extension))
}

/// [`symphonia_peak`] without the guard.
fn symphonia_peak_inner(bytes: &[u8], extension: &str) -> Option<f32> {
    let source = Box::new(Cursor::new(bytes.to_vec()));
    let stream = MediaSourceStream::new(source, MediaSourceStreamOptions::default());
    let mut hint = Hint::new();
    hint.with_extension(extension);
    let probed = symphonia::default::get_probe()
        .format(
            &hint,
            stream,
            &FormatOptions::default(),
            &MetadataOptions::default(),
        )
        .ok()?;
    let mut format = probed.format;
    let track = format.default_track()?;
    let track_id = track.id;
    let mut decoder = symphonia::default::get_codecs()
        .make(&track.codec_params, &DecoderOptions::default())
        .ok()?;
    let mut peak: Option<f32> = None;
    let mut samples: Option<SampleBuffer<f32>> = None;
    // Every real packet takes at least one byte of the file.
    let mut budget = bytes.len().saturating_add(16);
    while budget > 0 {
        budget -= 1;
        let packet = match format.next_packet() {
            Ok(p) => p,
            Err(_) => break,
        };
        if packet.track_id() != track_id {
            continue;
        }
        let decoded = match decoder.decode(&packet) {
            Ok(d) => d,
            Err(Error::DecodeError(_)) => continue,
            Err(_) => break,
        };
        let spec = *decoded.spec();
        let frames = decoded.capacity() as u64;
        let buf = match &mut samples {
            Some(b) if b.capacity() >= decoded.capacity() * spec.channels.count() => b,
            _ => samples.insert(SampleBuffer::new(frames, spec)),
        };
        buf.copy_interleaved_ref(decoded);
        let packet_peak = buf.samples().iter().fold(0.0f32, |m, s| m.max(s.abs()));
        peak = Some(peak.unwrap_or(0.0).max(packet_peak));
    }
    peak.map(|p| if p.is_finite() { p.min(1.0) } else { 1.0 })
}

/// The peak of an Opus stream (channel mapping family 0), decoded at
/// 48 kHz, skipping `pre_skip` samples and stopping after `samples`.
pub(super) fn opus_peak<'a>(
    channels: u8,
    pre_skip: u16,
    samples: u64,
    packets: impl Iterator<Item = &'a [u8]>,
) -> Option<f32> {
    guarded(|| opus_peak_inner(channels, pre_skip, samples, packets))
}

/// [`opus_peak`] without the guard.
fn opus_peak_inner<'a>(
    channels: u8,
    pre_skip: u16,
    samples: u64,
    packets: impl Iterator<Item = &'a [u8]>,
) -> Option<f32> {
    let ch = usize::from(channels);
    let mut decoder = opus_decoder::OpusDecoder::new(48_000, ch).ok()?;
    let per_packet = super::opus::MAX_PACKET_SAMPLES as usize;
    let mut pcm = vec![0.0f32; per_packet * ch];
    let mut position: u64 = 0;
    let skip = u64::from(pre_skip);
    let end = skip.saturating_add(samples);
    let mut peak = 0.0f32;
    let mut decoded_any = false;
    for packet in packets {
        let n = decoder.decode_float(packet, &mut pcm, false).ok()?;
        decoded_any = true;
        for frame in pcm.chunks(ch).take(n) {
            if position >= skip && position < end {
                peak = frame.iter().fold(peak, |m, s| m.max(s.abs()));
            }
            position += 1;
        }
        if position >= end {
            break;
        }
    }
    decoded_any.then_some(if peak.is_finite() { peak.min(1.0) } else { 1.0 })
}
