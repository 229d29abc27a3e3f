//! Decoding for the peak level: Symphonia for WAV, MP3 and AAC in MP4,
//! `opus-rs` (a pure-Rust port of libopus) for Opus. Called only on files whose
//! container the module's own readers have already checked (for M4A, on a
//! copy holding only the boxes they checked), and wrapped in
//! `catch_unwind` as a last guard. A recording that is accepted plays: a
//! packet that does not decode, or a decoder that fails in any way, is an
//! error that says which packet (the file is refused as damaged), never an
//! unknown peak. Every channel counts, whatever the Opus channel layout.
//! Tests count what the guard catches.
//!
//! Measured on ten minutes of 24 kbit/s Opus (CPU time, median of 3, one
//! run by turns): opus-rs 0.93 s, ffmpeg 0.92 s, the `opus-decoder` crate
//! kyr used before 189 s; opus-rs's peaks match libopus's to 1e-5. An
//! Opus stream of several channels is split into its streams here (RFC
//! 6716 appendix B), each decoded by a mono or stereo decoder; opus-rs's
//! own multistream decoder indexes its mapping unchecked.

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

/// Runs a decoder behind the last guard: a panic is an error.
fn guarded<T>(decode: impl FnOnce() -> Result<T, String>) -> Result<T, String> {
    let result = catch_unwind(AssertUnwindSafe(decode));
    #[cfg(test)]
    if result.is_err() {
        CAUGHT_PANICS.fetch_add(1, Ordering::Relaxed);
    }
    result.unwrap_or_else(|_| Err("its audio does not decode".to_owned()))
}

/// The peak of a file Symphonia can read, `extension` hinting its format;
/// why not, when a packet does not decode or nothing does.
pub(super) fn symphonia_peak(bytes: &[u8], extension: &str) -> Result<f32, String> {
    guarded(|| symphonia_peak_inner(bytes, extension))
}

/// [`symphonia_peak`] without the guard.
fn symphonia_peak_inner(bytes: &[u8], extension: &str) -> Result<f32, String> {
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
        .map_err(|e| format!("its audio cannot be read ({e})"))?;
    let mut format = probed.format;
    let track = format
        .default_track()
        .ok_or_else(|| "it holds no audio track".to_owned())?;
    let track_id = track.id;
    let mut decoder = symphonia::default::get_codecs()
        .make(&track.codec_params, &DecoderOptions::default())
        .map_err(|e| format!("its audio cannot be decoded ({e})"))?;
    let mut peak: Option<f32> = None;
    let mut samples: Option<SampleBuffer<f32>> = None;
    // Every real packet takes at least one byte of the file.
    let mut budget = bytes.len().saturating_add(16);
    let mut index = 0usize;
    while budget > 0 {
        budget -= 1;
        let packet = match format.next_packet() {
            Ok(p) => p,
            Err(Error::IoError(e)) if e.kind() == std::io::ErrorKind::UnexpectedEof => break,
            Err(e) => {
                return Err(format!(
                    "its audio stops being readable after packet {index} ({e})"
                ));
            }
        };
        if packet.track_id() != track_id {
            continue;
        }
        index += 1;
        let decoded = decoder
            .decode(&packet)
            .map_err(|e| format!("audio packet {index} does not decode ({e})"))?;
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
    let peak = peak.ok_or_else(|| "no audio packet in it decodes".to_owned())?;
    Ok(level(peak))
}

/// A decoder's peak as a level: at most full scale (a NaN or infinity is
/// full scale), and what lies below the smallest step of 24-bit audio
/// (a decoder's rounding on digital silence) is digital silence.
fn level(peak: f32) -> f32 {
    const SMALLEST_STEP: f32 = 1.0 / 16_777_216.0;
    match peak {
        p if !p.is_finite() => 1.0,
        p if p < SMALLEST_STEP => 0.0,
        p => p.min(1.0),
    }
}

/// How an Opus stream's channels are packed (RFC 7845 section 5.1.1).
pub(super) struct OpusLayout<'h> {
    pub(super) channels: u8,
    pub(super) streams: u8,
    pub(super) coupled: u8,
    pub(super) mapping: &'h [u8],
}

/// The peak of an Opus stream, every channel of it, decoded at 48 kHz,
/// skipping `pre_skip` samples and stopping after `samples`; why not, when
/// a packet does not decode.
pub(super) fn opus_peak<'a>(
    layout: &OpusLayout,
    pre_skip: u16,
    samples: u64,
    packets: impl Iterator<Item = &'a [u8]>,
) -> Result<f32, String> {
    guarded(|| opus_peak_inner(layout, pre_skip, samples, packets))
}

/// [`opus_peak`] without the guard. Each stream has its own decoder (a
/// stereo one for a coupled stream); the peak is over the decoded
/// channels the mapping plays.
fn opus_peak_inner<'a>(
    layout: &OpusLayout,
    pre_skip: u16,
    samples: u64,
    packets: impl Iterator<Item = &'a [u8]>,
) -> Result<f32, String> {
    let streams = usize::from(layout.streams);
    if streams == 0 || layout.coupled > layout.streams {
        return Err("its channel layout names no stream".to_owned());
    }
    let mut decoders = (0..streams)
        .map(|i| {
            let channels = if i < usize::from(layout.coupled) {
                2
            } else {
                1
            };
            opus_rs::OpusDecoder::new(48_000, channels).map(|d| (d, channels))
        })
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| format!("its audio cannot be decoded ({e})"))?;
    // Which decoded channels the output plays (a slot of 255 is silence).
    let coupled = usize::from(layout.coupled);
    let mut heard = vec![[false; 2]; streams];
    for &slot in layout.mapping.iter().take(usize::from(layout.channels)) {
        let slot = usize::from(slot);
        let (stream, channel) = if slot < 2 * coupled {
            (slot / 2, slot % 2)
        } else {
            (slot - coupled, 0)
        };
        if let Some(channels) = heard.get_mut(stream) {
            channels[channel] = true;
        }
    }
    let per_packet = super::opus::MAX_PACKET_SAMPLES as usize;
    let mut pcm = vec![0.0f32; per_packet * 2];
    let mut position: u64 = 0;
    let skip = u64::from(pre_skip);
    let end = skip.saturating_add(samples);
    let mut peak = 0.0f32;
    let mut decoded_any = false;
    for (index, packet) in packets.enumerate() {
        let bad = |why: String| format!("audio packet {} does not decode ({why})", index + 1);
        let parts = if streams == 1 {
            vec![packet.to_vec()]
        } else {
            super::opus::split_streams(packet, streams)
                .ok_or_else(|| bad("its streams are not delimited".to_owned()))?
        };
        let mut frame_samples = None;
        for (((decoder, channels), part), heard) in decoders.iter_mut().zip(&parts).zip(&heard) {
            let n = decoder
                .decode(part, per_packet, &mut pcm)
                .map_err(|e| bad(e.to_owned()))?;
            if frame_samples.is_some_and(|m| m != n) {
                return Err(bad("its streams differ in length".to_owned()));
            }
            frame_samples = Some(n);
            for (i, frame) in pcm.chunks(*channels).take(n).enumerate() {
                let at = position + i as u64;
                if at >= skip && at < end {
                    let played = frame.iter().zip(heard).filter(|(_, heard)| **heard);
                    peak = played.fold(peak, |m, (s, _)| m.max(s.abs()));
                }
            }
        }
        decoded_any = true;
        position += frame_samples.unwrap_or(0) as u64;
        if position >= end {
            break;
        }
    }
    if !decoded_any {
        return Err("it holds no audio packet".to_owned());
    }
    Ok(level(peak))
}
