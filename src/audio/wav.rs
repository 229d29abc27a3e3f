//! WAV (RIFF WAVE): the format chunk, and the duration from the data
//! chunk's size over the block alignment.

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
    let mut at = 12usize;
    let mut format: Option<Format> = None;
    let mut data: Option<u64> = None;
    while format.is_none() || data.is_none() {
        if at >= b.len() {
            break;
        }
        let (Some(id), Some(size)) = (b.get(at..at + 4), le32(b, at + 4)) else {
            return Err(corrupt(
                "the file ends in the middle of a chunk header (it was cut off)",
            ));
        };
        let start = at + 8;
        let available = b.len() - start.min(b.len());
        if id == b"data" {
            let size = u64::from(size);
            let have = available as u64;
            let size = if size == 0xFFFF_FFFF || (size == 0 && have > 0) {
                // Written by a streaming recorder that never came back to
                // fill in the size: the data runs to the end of the file.
                have
            } else if size > have {
                return Err(corrupt(
                    "the file ends before the end of its audio data (it was cut off)",
                ));
            } else {
                size
            };
            data = Some(size);
        } else if id == b"fmt " {
            let chunk = start
                .checked_add(size as usize)
                .and_then(|end| b.get(start..end))
                .ok_or_else(|| corrupt("the file ends in the middle of its format chunk"))?;
            format = Some(parse_format(chunk)?);
        }
        let padded = u64::from(size) + u64::from(size & 1);
        at = match usize::try_from(padded)
            .ok()
            .and_then(|p| start.checked_add(p))
        {
            Some(next) => next,
            None => break,
        };
    }
    let format = format.ok_or_else(|| corrupt("the file has no format chunk"))?;
    let data = data.ok_or_else(|| corrupt("the file has no audio data chunk"))?;
    match format.tag {
        1 | 3 => {}
        tag => {
            let codec = match tag {
                2 => "ms adpcm".to_owned(),
                6 => "a-law".to_owned(),
                7 => "mu-law".to_owned(),
                0x11 => "ima adpcm".to_owned(),
                0x31 => "gsm".to_owned(),
                0x55 => "mp3".to_owned(),
                _ => format!("format 0x{tag:04x}"),
            };
            return Err(Problem::UnsupportedCodec {
                container: Container::Wav,
                codec,
            });
        }
    }
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
        peak: super::decode::symphonia_peak(b, "wav"),
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
