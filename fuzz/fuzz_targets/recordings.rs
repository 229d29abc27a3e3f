//! What the recording targets share: the panic policy for the decoders
//! kyr guards, and a reading of an Ogg file's pages independent of
//! `kyr::audio`.

#![allow(dead_code)]

use std::sync::Once;
use std::time::Duration;

/// libfuzzer-sys aborts on every panic, even one that kyr catches. kyr
/// decodes Opus with the `opus-rs` crate and AAC, MP3 and PCM with
/// Symphonia's codecs behind `catch_unwind`, and refuses the file as
/// damaged when one panics on the bitstream: such a panic is kyr's
/// documented guard at work, not a finding. A panic in Symphonia's
/// demuxers (what kyr's own container checks must keep from them), and
/// any other, still aborts, as does one that escapes kyr.
pub fn tolerate_decoder_panics() {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let abort = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let in_decoder = info
                .location()
                .is_some_and(|l| {
                    l.file().contains("opus-rs-") || l.file().contains("symphonia-codec-")
                });
            if !in_decoder {
                abort(info);
            }
        }));
    });
}

/// The Ogg CRC-32 (polynomial 0x04c11db7, not reflected, no final xor),
/// bit by bit.
fn ogg_crc(bytes: &[u8]) -> u32 {
    let mut crc = 0u32;
    for &b in bytes {
        crc ^= u32::from(b) << 24;
        for _ in 0..8 {
            crc = if crc & 0x8000_0000 != 0 {
                (crc << 1) ^ 0x04c1_1db7
            } else {
                crc << 1
            };
        }
    }
    crc
}

/// The Ogg pages from the start of `data`, as (offset, end), while they
/// follow one another and fit.
fn pages(data: &[u8]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut at = 0;
    while data.get(at..at + 4) == Some(b"OggS") {
        let Some(&segments) = data.get(at + 26) else {
            break;
        };
        let lacing_end = at + 27 + usize::from(segments);
        let Some(lacing) = data.get(at + 27..lacing_end) else {
            break;
        };
        let end = lacing_end + lacing.iter().map(|&l| usize::from(l)).sum::<usize>();
        if end > data.len() {
            break;
        }
        out.push((at, end));
        at = end;
    }
    out
}

/// `data` with each whole page's checksum made right, so that a mutation
/// reaches what lies behind the checksum.
pub fn with_right_crcs(data: &[u8]) -> Vec<u8> {
    let mut fixed = data.to_vec();
    for (at, end) in pages(data) {
        fixed[at + 22..at + 26].fill(0);
        let crc = ogg_crc(&fixed[at..end]);
        fixed[at + 22..at + 26].copy_from_slice(&crc.to_le_bytes());
    }
    fixed
}

/// What an Ogg Opus file says it plays: its last page's granule position
/// less the OpusHead's pre-skip, as a duration at 48 kHz.
pub fn stated_duration(ogg: &[u8]) -> Option<Duration> {
    let pages = pages(ogg);
    let &(first, _) = pages.first()?;
    let &(last, _) = pages.last()?;
    let head = first + 27 + usize::from(*ogg.get(first + 26)?);
    let pre_skip = u16::from_le_bytes(ogg.get(head + 10..head + 12)?.try_into().ok()?);
    let granule = u64::from_le_bytes(ogg.get(last + 6..last + 14)?.try_into().ok()?);
    let samples = granule.saturating_sub(u64::from(pre_skip));
    Some(Duration::from_nanos(
        u64::try_from(u128::from(samples) * 1_000_000_000 / 48_000).ok()?,
    ))
}
