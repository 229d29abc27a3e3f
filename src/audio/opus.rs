//! Opus packets and headers: a packet's duration from its TOC byte
//! (RFC 6716 section 3.1) and the OpusHead identification header
//! (RFC 7845 section 5.1).

use super::bytes::{has, le16, le32};
use super::{Problem, corrupt};

/// The most audio one Opus packet may hold: 120 ms at 48 kHz.
pub(super) const MAX_PACKET_SAMPLES: u32 = 5760;

/// The number of 48 kHz samples an Opus packet decodes to, from its TOC
/// byte and, for code 3 packets, its frame count byte; `None` for a packet
/// that is empty, malformed or longer than 120 ms.
pub(super) fn packet_samples(packet: &[u8]) -> Option<u32> {
    let &toc = packet.first()?;
    let config = toc >> 3;
    let frame: u32 = match config {
        // SILK-only: 10, 20, 40, 60 ms.
        0..=11 => [480, 960, 1920, 2880][usize::from(config & 3)],
        // Hybrid: 10, 20 ms.
        12..=15 => [480, 960][usize::from(config & 1)],
        // CELT-only: 2.5, 5, 10, 20 ms.
        _ => [120, 240, 480, 960][usize::from(config & 3)],
    };
    let frames: u32 = match toc & 3 {
        0 => 1,
        1 | 2 => 2,
        _ => u32::from(*packet.get(1)? & 0x3F),
    };
    let samples = frame.checked_mul(frames)?;
    (frames > 0 && samples <= MAX_PACKET_SAMPLES).then_some(samples)
}

/// The fields of an OpusHead packet that kyr uses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct OpusHead {
    /// Output channels.
    pub(super) channels: u8,
    /// Samples at 48 kHz to drop from the start of the decoded stream.
    pub(super) pre_skip: u16,
    /// The encoder's input sample rate, 0 when unknown.
    pub(super) input_rate: u32,
    /// Channel mapping family (0: mono or stereo, one stream).
    pub(super) mapping_family: u8,
    /// Streams, coupled (stereo) streams, and which decoded channel each
    /// output channel is (family 0: one stream, its channels in order).
    pub(super) streams: u8,
    pub(super) coupled: u8,
    pub(super) mapping: Vec<u8>,
}

impl OpusHead {
    /// Parses and checks an OpusHead packet; what is wrong with it is a
    /// [`Problem::Corrupt`].
    pub(super) fn parse(p: &[u8]) -> Result<OpusHead, Problem> {
        if !has(p, 0, b"OpusHead") {
            return Err(corrupt(
                "the first packet is not an opus identification header",
            ));
        }
        if p.len() < 19 {
            return Err(corrupt("the opus identification header is too short"));
        }
        let version = p.get(8).copied().unwrap_or(0);
        if version >> 4 != 0 {
            return Err(corrupt(format!(
                "the opus header has an unknown version {version}"
            )));
        }
        let channels = p.get(9).copied().unwrap_or(0);
        if channels == 0 {
            return Err(corrupt("the opus header says the stream has no channels"));
        }
        let mapping_family = p.get(18).copied().unwrap_or(0);
        if mapping_family == 0 && channels > 2 {
            return Err(corrupt(format!(
                "the opus header says {channels} channels without a channel mapping"
            )));
        }
        if mapping_family != 0 && p.len() < 21 + usize::from(channels) {
            return Err(corrupt(
                "the opus header's channel mapping table is cut short",
            ));
        }
        let (streams, coupled, mapping) = if mapping_family == 0 {
            (1, channels - 1, (0..channels).collect())
        } else {
            let table = p.get(21..21 + usize::from(channels)).unwrap_or_default();
            (
                p.get(19).copied().unwrap_or(0),
                p.get(20).copied().unwrap_or(0),
                table.to_vec(),
            )
        };
        Ok(OpusHead {
            channels,
            pre_skip: le16(p, 10).unwrap_or(0),
            input_rate: le32(p, 12).unwrap_or(0),
            mapping_family,
            streams,
            coupled,
            mapping,
        })
    }

    /// A minimal OpusHead packet (mapping family 0) for these values.
    pub(super) fn build(channels: u8, pre_skip: u16, input_rate: u32) -> Vec<u8> {
        let mut p = Vec::with_capacity(19);
        p.extend_from_slice(b"OpusHead");
        p.push(1);
        p.push(channels);
        p.extend_from_slice(&pre_skip.to_le_bytes());
        p.extend_from_slice(&input_rate.to_le_bytes());
        p.extend_from_slice(&0i16.to_le_bytes());
        p.push(0);
        p
    }
}

/// The packets of each stream in a multistream packet (RFC 7845 section
/// 5.1.1): every stream but the last is self-delimited (RFC 6716
/// appendix B), and each is given back as an ordinary packet a
/// single-stream decoder reads. `None` when the packet is not made so.
pub(super) fn split_streams(packet: &[u8], streams: usize) -> Option<Vec<Vec<u8>>> {
    let mut out = Vec::with_capacity(streams);
    let mut rest = packet;
    for _ in 1..streams {
        let (ordinary, used) = undelimited(rest)?;
        out.push(ordinary);
        rest = rest.get(used..)?;
    }
    out.push(rest.to_vec());
    Some(out)
}

/// A frame length as RFC 6716 section 3.2.1 codes it, and its bytes.
fn frame_length(b: &[u8]) -> Option<(usize, usize)> {
    let first = usize::from(*b.first()?);
    if first < 252 {
        Some((first, 1))
    } else {
        Some((first + 4 * usize::from(*b.get(1)?), 2))
    }
}

/// The self-delimited packet at the start of `b` as an ordinary packet
/// (its extra length taken out), and how many bytes of `b` it took.
fn undelimited(b: &[u8]) -> Option<(Vec<u8>, usize)> {
    let toc = *b.first()?;
    let mut at = 1;
    let mut head = vec![toc];
    let body = match toc & 3 {
        // One frame, or two of one size: the extra length is each frame's.
        code @ (0 | 1) => {
            let (length, used) = frame_length(b.get(at..)?)?;
            at += used;
            length * if code == 0 { 1 } else { 2 }
        }
        // Two frames: the first's length as usual, then the second's.
        2 => {
            let (first, used) = frame_length(b.get(at..)?)?;
            head.extend_from_slice(b.get(at..at + used)?);
            at += used;
            let (second, used) = frame_length(b.get(at..)?)?;
            at += used;
            first + second
        }
        _ => return undelimited_code3(b),
    };
    let frames = b.get(at..at + body)?;
    head.extend_from_slice(frames);
    Some((head, at + body))
}

/// [`undelimited`] of a code 3 packet: its frame count, its padding, the
/// lengths of all frames but the last (VBR), then the extra length.
fn undelimited_code3(b: &[u8]) -> Option<(Vec<u8>, usize)> {
    let count = *b.get(1)?;
    let (vbr, padded, frames) = (
        count & 0x80 != 0,
        count & 0x40 != 0,
        usize::from(count & 0x3F),
    );
    if frames == 0 {
        return None;
    }
    let mut at = 2;
    let mut padding = 0usize;
    // The padding's length: bytes of 255 add 254 each, until one that is
    // not 255 adds itself.
    if padded {
        loop {
            let byte = *b.get(at)?;
            at += 1;
            padding += if byte == 255 { 254 } else { usize::from(byte) };
            if byte != 255 {
                break;
            }
        }
    }
    let mut body = 0usize;
    if vbr {
        for _ in 1..frames {
            let (length, used) = frame_length(b.get(at..)?)?;
            body += length;
            at += used;
        }
    }
    let header_end = at;
    let (extra, used) = frame_length(b.get(at..)?)?;
    body = if vbr { body + extra } else { extra * frames };
    let end = at + used + body + padding;
    let mut ordinary = b.get(..header_end)?.to_vec();
    ordinary.extend_from_slice(b.get(at + used..end)?);
    Some((ordinary, end))
}

/// An OpusTags packet with `vendor` and no comments.
pub(super) fn tags(vendor: &str) -> Vec<u8> {
    let mut p = Vec::with_capacity(16 + vendor.len());
    p.extend_from_slice(b"OpusTags");
    let len = u32::try_from(vendor.len()).unwrap_or(0);
    p.extend_from_slice(&len.to_le_bytes());
    p.extend_from_slice(vendor.as_bytes().get(..len as usize).unwrap_or_default());
    p.extend_from_slice(&0u32.to_le_bytes());
    p
}

#[cfg(test)]
mod unit {
    use super::*;

    #[test]
    fn toc_durations() {
        // CELT 20 ms, one frame.
        assert_eq!(packet_samples(&[0xF8]), Some(960));
        // SILK 60 ms, two frames = 120 ms.
        assert_eq!(packet_samples(&[0x19]), Some(5760));
        // Code 3, CELT 2.5 ms, 48 frames = 120 ms.
        assert_eq!(packet_samples(&[0x83, 48]), Some(5760));
        // Code 3 with too many frames, and with none.
        assert_eq!(packet_samples(&[0x83, 49]), None);
        assert_eq!(packet_samples(&[0x83, 0]), None);
        assert_eq!(packet_samples(&[0x83]), None);
        assert_eq!(packet_samples(&[]), None);
    }

    #[test]
    fn head_round_trip() {
        let p = OpusHead::build(1, 312, 48000);
        let h = OpusHead::parse(&p).unwrap();
        assert_eq!((h.channels, h.pre_skip, h.input_rate), (1, 312, 48000));
    }
}
