//! MP3: frame headers, the Xing/Info (with LAME's delay and padding) and
//! VBRI headers, and the duration from them or from counting frames,
//! without decoding.
//!
//! Not Symphonia's MP3 demuxer, measured in 0.5.5: with gapless playback
//! on it agrees where a Xing/Info header counts the frames (`tone.mp3`
//! 1.500 s, ten minutes of CBR 600.000 s), but without one it estimates
//! from the first 16 frames (a VBR file without a tag, `lame -t -V 5`,
//! lasts 5.538 s there against the 7.340 s its frames hold), and it takes
//! the header's count on trust (that ten-minute file cut at 30 000 bytes
//! still lasts 600 s there). Counting the frames is what finds a file cut
//! off, and the header is read on the way.

use super::bytes::{be32, has, le32};
use super::{Container, Problem, Recording, corrupt, samples_to_duration};

/// An MPEG audio frame header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct FrameHeader {
    /// 1 for MPEG-1, 2 for MPEG-2 and MPEG-2.5.
    version: u8,
    /// 1, 2 or 3.
    layer: u8,
    /// Samples per second.
    sample_rate: u32,
    /// 1 or 2.
    channels: u16,
    /// The whole frame's length in bytes.
    len: usize,
    /// Samples per channel in the frame.
    samples: u32,
}

impl FrameHeader {
    /// Parses a frame header; `None` unless it is a valid one (free-format
    /// bitrates are not taken).
    pub(super) fn parse(h: [u8; 4]) -> Option<FrameHeader> {
        if h[0] != 0xFF || h[1] & 0xE0 != 0xE0 {
            return None;
        }
        let version_bits = (h[1] >> 3) & 3;
        let layer = match (h[1] >> 1) & 3 {
            1 => 3,
            2 => 2,
            3 => 1,
            _ => return None,
        };
        let bitrate_index = usize::from(h[2] >> 4);
        let rate_index = usize::from((h[2] >> 2) & 3);
        if bitrate_index == 0 || bitrate_index == 15 || rate_index == 3 || version_bits == 1 {
            return None;
        }
        let version = if version_bits == 3 { 1 } else { 2 };
        let kbps: [u16; 15] = match (version, layer) {
            (1, 1) => [
                0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448,
            ],
            (1, 2) => [
                0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384,
            ],
            (1, _) => [
                0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320,
            ],
            (_, 1) => [
                0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256,
            ],
            _ => [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
        };
        let bitrate = u32::from(*kbps.get(bitrate_index)?) * 1000;
        let base = [44_100, 48_000, 32_000][rate_index];
        let sample_rate = match version_bits {
            3 => base,
            2 => base / 2,
            _ => base / 4,
        };
        let padding = u32::from((h[2] >> 1) & 1);
        let (len, samples) = match (layer, version) {
            (1, _) => ((12 * bitrate / sample_rate + padding) * 4, 384),
            (2, _) | (3, 1) => (144 * bitrate / sample_rate + padding, 1152),
            _ => (72 * bitrate / sample_rate + padding, 576),
        };
        Some(FrameHeader {
            version,
            layer,
            sample_rate,
            channels: if h[3] >> 6 == 3 { 1 } else { 2 },
            len: len as usize,
            samples,
        })
    }

    /// Offset of a Xing/Info header from the frame's start: after the
    /// header and as many bytes as the side information takes, whether a
    /// CRC follows the header or not. The Xing format puts it there, with
    /// no CRC in its frame; LAME, with `-p`, writes it there all the same
    /// (over the side information's last two bytes: "the Xing data still
    /// starts at the same offset", `VbrTag.c`), and its reader, FFmpeg's
    /// and Symphonia's look for it there.
    fn xing_offset(&self) -> usize {
        let side = match (self.version, self.channels) {
            (1, 1) => 17,
            (1, _) => 32,
            (_, 1) => 9,
            _ => 17,
        };
        4 + side
    }
}

/// Where the audio frames end: before an ID3v1 tag and an APEv2 tag.
fn audio_end(b: &[u8], start: usize) -> usize {
    let mut end = b.len();
    if end >= start + 128 && has(b, end - 128, b"TAG") {
        end -= 128;
    }
    if end >= start + 32 && has(b, end - 32, b"APETAGEX") {
        let size = le32(b, end - 32 + 12).unwrap_or(0) as usize;
        let flags = le32(b, end - 32 + 20).unwrap_or(0);
        let header = if flags & 0x8000_0000 != 0 { 32 } else { 0 };
        if let Some(tag) = size.checked_add(header).filter(|&t| t <= end - start) {
            end -= tag;
        }
    }
    end
}

/// What a Xing/Info or VBRI header says.
#[derive(Debug, Default)]
struct VbrInfo {
    /// Audio frames, not counting the header's own frame.
    frames: Option<u32>,
    /// Bytes of the stream, counting the header's frame.
    bytes: Option<u32>,
    /// LAME's encoder delay and padding, in samples.
    trim: Option<(u32, u32)>,
}

/// Reads a Xing/Info or VBRI header in the frame at `at`, if there is one.
fn vbr_info(b: &[u8], at: usize, h: &FrameHeader) -> Option<VbrInfo> {
    let x = at + h.xing_offset();
    if has(b, x, b"Xing") || has(b, x, b"Info") {
        let flags = be32(b, x + 4)?;
        let mut p = x + 8;
        let mut info = VbrInfo::default();
        if flags & 1 != 0 {
            info.frames = be32(b, p);
            p += 4;
        }
        if flags & 2 != 0 {
            info.bytes = be32(b, p);
            p += 4;
        }
        if flags & 4 != 0 {
            p += 100;
        }
        if flags & 8 != 0 {
            p += 4;
        }
        // LAME's extension: 9 bytes of version, then at 21 the encoder
        // delay and padding, 12 bits each.
        if (has(b, p, b"LAME") || has(b, p, b"Lavc") || has(b, p, b"Lavf"))
            && let Some(d) = b.get(p + 21..p + 24)
        {
            {
                let delay = (u32::from(d[0]) << 4) | (u32::from(d[1]) >> 4);
                let padding = ((u32::from(d[1]) & 0x0F) << 8) | u32::from(d[2]);
                info.trim = Some((delay, padding));
            }
        }
        return Some(info);
    }
    // A VBRI header is 32 bytes after the frame header, CRC or not, as
    // Fraunhofer's encoder writes it and FFmpeg and Symphonia read it.
    let v = at + 36;
    if has(b, v, b"VBRI") {
        return Some(VbrInfo {
            bytes: be32(b, v + 10),
            frames: be32(b, v + 14),
            trim: None,
        });
    }
    None
}

/// Reads an MP3 file.
pub(super) fn probe(b: &[u8]) -> Result<Recording, Problem> {
    let at = after_id3(b)?;
    let end = audio_end(b, at);
    let first = header_at(b, at).ok_or_else(|| {
        if at >= end {
            corrupt("the file holds no mp3 frames")
        } else {
            corrupt("there is no mp3 frame where the audio should start")
        }
    })?;
    if first.layer != 3 {
        return Err(Problem::UnsupportedCodec {
            container: Container::Mp3,
            codec: format!("mpeg layer {}", first.layer),
        });
    }
    let vbr = vbr_info(b, at, &first);
    let frames = count_frames(b, at, end, &first)?;
    let samples = samples(vbr, frames, u64::from(first.samples), end - at)?;
    Ok(Recording {
        container: Container::Mp3,
        codec: "mp3",
        duration: samples_to_duration(samples, u64::from(first.sample_rate)).unwrap_or_default(),
        sample_rate: first.sample_rate,
        channels: first.channels,
        peak: super::decoded(super::decode::symphonia_peak(b, "mp3"))?,
    })
}

/// The offset after the ID3v2 tags (there may be more than one) and the
/// zero padding after them.
fn after_id3(b: &[u8]) -> Result<usize, Problem> {
    let mut at = 0usize;
    while has(b, at, b"ID3") {
        let s = b
            .get(at + 6..at + 10)
            .ok_or_else(|| corrupt("the file ends inside its id3 tag"))?;
        let size = s
            .iter()
            .fold(0usize, |acc, &x| (acc << 7) | usize::from(x & 0x7F));
        let footer = if b.get(at + 5).is_some_and(|f| f & 0x10 != 0) {
            10
        } else {
            0
        };
        at += 10 + size + footer;
        if at > b.len() {
            return Err(corrupt("the file ends inside its id3 tag (it was cut off)"));
        }
        while b.get(at) == Some(&0) {
            at += 1;
        }
    }
    Ok(at)
}

/// The frame header at `p`, if there is a valid one.
fn header_at(b: &[u8], p: usize) -> Option<FrameHeader> {
    super::bytes::array::<4>(b, p).and_then(FrameHeader::parse)
}

/// Counts the frames from `at` to `end` (headers only), checking that
/// they follow one another to the end, like the `first`; zero bytes after
/// the last frame are allowed.
fn count_frames(b: &[u8], at: usize, end: usize, first: &FrameHeader) -> Result<u64, Problem> {
    let cut = || corrupt("the file ends in the middle of an mp3 frame (it was cut off)");
    let mut frames: u64 = 0;
    let mut p = at;
    while p < end {
        let Some(h) = header_at(b, p) else {
            if b.get(p..end)
                .is_some_and(|rest| rest.iter().all(|&x| x == 0))
            {
                break;
            }
            if end - p < 4 {
                return Err(cut());
            }
            return Err(corrupt(format!("the mp3 frames are broken at byte {p}")));
        };
        if h.sample_rate != first.sample_rate || h.layer != first.layer {
            return Err(corrupt(format!("the mp3 frames are broken at byte {p}")));
        }
        if h.len == 0 || p + h.len > end {
            return Err(cut());
        }
        p += h.len;
        frames += 1;
    }
    Ok(frames)
}

/// The samples the stream plays: the Xing/Info or VBRI header's frame
/// count less LAME's delay and padding, checked against the `frames`
/// counted in the `audio_len` bytes; else the frames counted, less the
/// header's own silent frame if there is one.
fn samples(
    vbr: Option<VbrInfo>,
    frames: u64,
    per_frame: u64,
    audio_len: usize,
) -> Result<u64, Problem> {
    Ok(match vbr {
        Some(VbrInfo {
            frames: Some(n),
            bytes,
            trim,
        }) => {
            let n = u64::from(n);
            if frames < n || bytes.is_some_and(|x| x as usize > audio_len) {
                return Err(corrupt(
                    "the file ends before the end its mp3 header announces (it was cut off)",
                ));
            }
            let total = n * per_frame;
            match trim {
                Some((d, pad)) if u64::from(d + pad) < total => total - u64::from(d + pad),
                _ => total,
            }
        }
        Some(_) => frames.saturating_sub(1) * per_frame,
        None => frames * per_frame,
    })
}
