//! WAV (RIFF WAVE): the format chunk, and the duration from the data
//! chunk's size over the block alignment.
//!
//! Not Symphonia's WAV reader, measured in 0.5.5: it agrees on a whole
//! file (`tone.wav` 1.000 s), but reads a streaming recorder's file
//! (sizes 0xFFFFFFFF, as ffmpeg writes to a pipe) as 134 217.7 s
//! (2^31 - 1 frames at 16 kHz) against the 7.300 s it holds, takes a data
//! chunk cut off as whole (a 7.3 s file cut at 20 000 bytes: 7.300 s),
//! and names no codec it does not decode ("unsupported wave format").

use super::bytes::{has, le16, le32};
use super::{Container, Problem, Recording, corrupt, samples_to_duration};

/// The format chunk's fields kyr uses.
struct Format {
    /// Format tag (1 integer PCM, 3 float; extensible resolved).
    tag: u16,
    /// Channels.
    channels: u16,
    /// Sample frames per second.
    rate: u32,
    /// Bytes per sample frame.
    block_align: u16,
}

/// Reads a WAV file.
pub(super) fn probe(b: &[u8]) -> Result<Recording, Problem> {
    if !has(b, 8, b"WAVE") {
        return Err(corrupt("the file ends inside its riff header"));
    }
    let (format, data) = chunks(b)?;
    let format = format.ok_or_else(|| corrupt("the file has no format chunk"))?;
    let data = data.ok_or_else(|| corrupt("the file has no audio data chunk"))?;
    check_codec(format.tag)?;
    if format.channels == 0 || format.rate == 0 || format.block_align == 0 {
        return Err(corrupt(
            "the format chunk has zero channels, rate or block size",
        ));
    }
    let frames = data / u64::from(format.block_align);
    Ok(Recording {
        container: Container::Wav,
        codec: "pcm",
        duration: samples_to_duration(frames, u64::from(format.rate)).unwrap_or_default(),
        sample_rate: format.rate,
        channels: format.channels,
        peak: super::decoded(super::decode::symphonia_peak(b, "wav"))?,
    })
}

/// Walks the chunks after the RIFF header until both the format chunk
/// and the data chunk are found: the format, and the data's length.
fn chunks(b: &[u8]) -> Result<(Option<Format>, Option<u64>), Problem> {
    let mut at = 12usize;
    let mut format: Option<Format> = None;
    let mut data: Option<u64> = None;
    while (format.is_none() || data.is_none()) && at < b.len() {
        let (Some(id), Some(size)) = (b.get(at..at + 4), le32(b, at + 4)) else {
            return Err(corrupt(
                "the file ends in the middle of a chunk header (it was cut off)",
            ));
        };
        let start = at + 8;
        if id == b"data" {
            data = Some(data_len(size, b.len() - start.min(b.len()))?);
        } else if id == b"fmt " {
            let chunk = start
                .checked_add(size as usize)
                .and_then(|end| b.get(start..end))
                .ok_or_else(|| corrupt("the file ends in the middle of its format chunk"))?;
            format = Some(parse_format(chunk)?);
        }
        let padded = u64::from(size) + u64::from(size & 1);
        match usize::try_from(padded)
            .ok()
            .and_then(|p| start.checked_add(p))
        {
            Some(next) => at = next,
            None => break,
        }
    }
    Ok((format, data))
}

/// The data chunk's length from its `size` field, with `available` bytes
/// after its header.
fn data_len(size: u32, available: usize) -> Result<u64, Problem> {
    let size = u64::from(size);
    let have = available as u64;
    if size == 0xFFFF_FFFF || (size == 0 && have > 0) {
        // Written by a streaming recorder that never came back to fill in
        // the size: the data runs to the end of the file.
        Ok(have)
    } else if size > have {
        Err(corrupt(
            "the file ends before the end of its audio data (it was cut off)",
        ))
    } else {
        Ok(size)
    }
}

/// Refuses a format tag other than integer (1) or float (3) PCM, naming
/// the common ones.
fn check_codec(tag: u16) -> Result<(), Problem> {
    let codec = match tag {
        1 | 3 => return Ok(()),
        2 => "ms adpcm".to_owned(),
        6 => "a-law".to_owned(),
        7 => "mu-law".to_owned(),
        0x11 => "ima adpcm".to_owned(),
        0x31 => "gsm".to_owned(),
        0x55 => "mp3".to_owned(),
        _ => format!("format 0x{tag:04x}"),
    };
    Err(Problem::UnsupportedCodec {
        container: Container::Wav,
        codec,
    })
}

/// Parses a format chunk.
fn parse_format(c: &[u8]) -> Result<Format, Problem> {
    let short = || corrupt("the format chunk is too short");
    let mut tag = le16(c, 0).ok_or_else(short)?;
    if tag == 0xFFFE {
        // WAVE_FORMAT_EXTENSIBLE: the sub-format GUID begins with the tag.
        tag = le16(c, 24).ok_or_else(short)?;
    }
    Ok(Format {
        tag,
        channels: le16(c, 2).ok_or_else(short)?,
        rate: le32(c, 4).ok_or_else(short)?,
        block_align: le16(c, 12).ok_or_else(short)?,
    })
}
