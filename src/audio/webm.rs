//! WebM (Matroska) with Opus, as Chromium's and Firefox's MediaRecorder
//! write it, remuxed to Ogg Opus without re-encoding: the EBML elements
//! down to the blocks (unknown-size Segment and Cluster elements
//! included), the Opus track's OpusHead, and Ogg pages with granule
//! positions counted from each packet's TOC byte.

use super::bytes::has;
use super::ogg::{Writer, crc};
use super::opus::{self, OpusHead};
use super::{Problem, corrupt, sniff};

/// EBML header.
const EBML: u32 = 0x1A45_DFA3;
/// Segment.
const SEGMENT: u32 = 0x1853_8067;
/// Cluster.
const CLUSTER: u32 = 0x1F43_B675;
/// SimpleBlock.
const SIMPLE_BLOCK: u32 = 0xA3;
/// BlockGroup.
const BLOCK_GROUP: u32 = 0xA0;
/// Block, in a BlockGroup.
const BLOCK: u32 = 0xA1;
/// DiscardPadding, in a BlockGroup: nanoseconds to drop from the end.
const DISCARD_PADDING: u32 = 0x75A2;
/// Tracks.
const TRACKS: u32 = 0x1654_AE6B;
/// TrackEntry.
const TRACK_ENTRY: u32 = 0xAE;
/// TrackNumber.
const TRACK_NUMBER: u32 = 0xD7;
/// TrackType (2: audio).
const TRACK_TYPE: u32 = 0x83;
/// CodecID.
const CODEC_ID: u32 = 0x86;
/// CodecPrivate.
const CODEC_PRIVATE: u32 = 0x63A2;
/// CodecDelay, nanoseconds.
const CODEC_DELAY: u32 = 0x56AA;
/// Audio settings.
const AUDIO: u32 = 0xE1;
/// SamplingFrequency (float).
const SAMPLING_FREQUENCY: u32 = 0xB5;
/// Channels.
const CHANNELS: u32 = 0x9F;

/// The size of an element whose size is not known (all value bits set).
const UNKNOWN: u64 = u64::MAX;

/// An element header: its id, and where its data starts and ends
/// (`None`: unknown size).
#[derive(Debug, Clone, Copy)]
struct Element {
    /// The element id, marker bits included.
    id: u32,
    /// Offset of the data.
    start: usize,
    /// Offset after the data, if the size is known.
    end: Option<usize>,
}

/// A variable-length integer at `at`: its value (marker removed; `UNKNOWN`
/// when all bits are set) and its length.
fn vint(b: &[u8], at: usize) -> Option<(u64, usize)> {
    let first = *b.get(at)?;
    if first == 0 {
        return None;
    }
    let len = first.leading_zeros() as usize + 1;
    // The value bits of the first byte (none for an 8-byte integer).
    let mask = (0xFFu16 >> len) as u8;
    let mut value = u64::from(first & mask);
    let mut all_ones = value == u64::from(mask);
    for i in 1..len {
        let x = *b.get(at + i)?;
        all_ones &= x == 0xFF;
        value = (value << 8) | u64::from(x);
    }
    Some((if all_ones { UNKNOWN } else { value }, len))
}

/// Reads the element header at `at`; `limit` bounds a known size.
fn element(b: &[u8], at: usize, limit: usize) -> Result<Element, Problem> {
    let cut = || corrupt("the file ends in the middle of a webm element (it was cut off)");
    let first = *b.get(at).ok_or_else(cut)?;
    if first == 0 || first.leading_zeros() > 3 {
        return Err(corrupt(format!(
            "there is no webm element where one should start, at byte {at}"
        )));
    }
    let id_len = first.leading_zeros() as usize + 1;
    let id_bytes = b.get(at..at + id_len).ok_or_else(cut)?;
    let id = id_bytes
        .iter()
        .fold(0u32, |acc, &x| (acc << 8) | u32::from(x));
    let (size, size_len) = vint(b, at + id_len).ok_or_else(cut)?;
    let start = at + id_len + size_len;
    let end = if size == UNKNOWN {
        None
    } else {
        let end = usize::try_from(size)
            .ok()
            .and_then(|s| start.checked_add(s));
        match end {
            Some(e) if e <= limit => Some(e),
            _ if limit == b.len() => return Err(cut()),
            _ => return Err(corrupt("a webm element overflows its parent")),
        }
    };
    Ok(Element { id, start, end })
}

/// The children of an element of known size.
fn children(b: &[u8], start: usize, end: usize) -> Result<Vec<Element>, Problem> {
    let mut out = Vec::new();
    let mut at = start;
    while at < end {
        let e = element(b, at, end)?;
        let e_end = e
            .end
            .ok_or_else(|| corrupt("a webm element of unknown size where none may be"))?;
        out.push(e);
        at = e_end;
    }
    Ok(out)
}

/// An unsigned integer element's value.
fn uint(d: &[u8]) -> u64 {
    d.iter()
        .take(8)
        .fold(0u64, |acc, &x| (acc << 8) | u64::from(x))
}

/// A float element's value (4 or 8 bytes).
fn float(d: &[u8]) -> Option<f64> {
    match d.len() {
        4 => Some(f64::from(f32::from_be_bytes(d.try_into().ok()?))),
        8 => Some(f64::from_be_bytes(d.try_into().ok()?)),
        _ => None,
    }
}

/// The Opus track.
#[derive(Debug, Default)]
struct OpusTrack {
    /// Track number, as blocks name it.
    number: u64,
    /// CodecPrivate (an OpusHead), if present.
    private: Option<Vec<u8>>,
    /// CodecDelay in nanoseconds.
    delay_ns: u64,
    /// Channels (default 1).
    channels: u64,
    /// Sampling frequency (default 8000 per Matroska, 48000 for Opus).
    rate: f64,
}

/// Finds the Opus track in a Tracks element.
fn opus_track(b: &[u8], tracks: Element, end: usize) -> Result<OpusTrack, Problem> {
    let mut other_audio = None;
    for entry in children(b, tracks.start, end)?
        .into_iter()
        .filter(|e| e.id == TRACK_ENTRY)
    {
        let (t, codec, kind) = track_entry(b, entry)?;
        if codec == "A_OPUS" {
            return Ok(t);
        }
        if kind == 2 || codec.starts_with("A_") {
            other_audio.get_or_insert(codec);
        }
    }
    Err(match other_audio {
        Some(codec) => Problem::UnsupportedCodec {
            container: super::Container::OggOpus,
            codec: codec.trim_start_matches("A_").to_lowercase(),
        },
        None => corrupt("the webm file has no audio track"),
    })
}

/// A TrackEntry: what an Opus track needs, its CodecID and its TrackType.
fn track_entry(b: &[u8], entry: Element) -> Result<(OpusTrack, String, u64), Problem> {
    let mut t = OpusTrack {
        channels: 1,
        rate: 48_000.0,
        ..OpusTrack::default()
    };
    let mut codec = String::new();
    let mut kind = 0;
    for c in children(b, entry.start, entry.end.unwrap_or(entry.start))? {
        let d = data(b, c);
        match c.id {
            TRACK_NUMBER => t.number = uint(d),
            TRACK_TYPE => kind = uint(d),
            CODEC_ID => codec = String::from_utf8_lossy(d).trim_end_matches('\0').to_owned(),
            CODEC_PRIVATE => t.private = Some(d.to_vec()),
            CODEC_DELAY => t.delay_ns = uint(d),
            AUDIO => {
                for a in children(b, c.start, c.end.unwrap_or(c.start))? {
                    match a.id {
                        SAMPLING_FREQUENCY => t.rate = float(data(b, a)).unwrap_or(48_000.0),
                        CHANNELS => t.channels = uint(data(b, a)),
                        _ => {}
                    }
                }
            }
            _ => {}
        }
    }
    Ok((t, codec, kind))
}

/// An element's data (empty for one of unknown size).
fn data(b: &[u8], e: Element) -> &[u8] {
    b.get(e.start..e.end.unwrap_or(e.start)).unwrap_or_default()
}

/// A block's Opus packet, if it belongs to `track`.
fn block_packet(data: &[u8], track: u64) -> Result<Option<&[u8]>, Problem> {
    let (number, len) = vint(data, 0).ok_or_else(|| corrupt("a webm block is cut short"))?;
    if number != track {
        return Ok(None);
    }
    // Track number, 16-bit relative timecode, flags.
    let flags = *data
        .get(len + 2)
        .ok_or_else(|| corrupt("a webm block is cut short"))?;
    if (flags >> 1) & 3 != 0 {
        return Err(corrupt("a webm block uses lacing, which kyr does not read"));
    }
    Ok(data.get(len + 3..))
}

/// Chromium's MediaRecorder makes WebM with Opus (`audio/webm;codecs=opus`);
/// kyr stores Ogg Opus. Remuxes without re-encoding: the OpusHead page
/// (the track's CodecPrivate, or one built from its channels, sampling
/// frequency and CodecDelay), an OpusTags page with vendor "kyr", then
/// the audio pages with granule positions counted from each packet's TOC
/// byte, the last page flagged end-of-stream and trimmed by the last
/// block's DiscardPadding. The output is the same for the same input.
pub fn webm_to_ogg(bytes: &[u8]) -> Result<Vec<u8>, Problem> {
    let b = bytes;
    if b.is_empty() {
        return Err(Problem::Empty);
    }
    if !has(b, 0, &EBML.to_be_bytes()) {
        return Err(corrupt(format!(
            "the file is {} rather than a webm recording",
            sniff(b)
        )));
    }
    let (start, end) = segment(b)?;
    let demuxed = demux(b, start, end)?;
    let track = demuxed
        .track
        .ok_or_else(|| corrupt("the webm file has no tracks"))?;
    let head = opus_head(&track)?;
    if demuxed.packets.is_empty() {
        return Err(corrupt("the webm file holds no audio"));
    }
    let serial = crc(b.get(..4096.min(b.len())).unwrap_or_default());
    write_ogg(serial, &head, &demuxed.packets, demuxed.discard_ns)
}

/// Where the Segment's children start and where it ends, after the EBML
/// header and anything else at the top level.
fn segment(b: &[u8]) -> Result<(usize, usize), Problem> {
    let header = element(b, 0, b.len())?;
    let mut at = header
        .end
        .ok_or_else(|| corrupt("the webm header has an unknown size"))?;
    loop {
        let e = element(b, at, b.len())?;
        if e.id == SEGMENT {
            return Ok((e.start, e.end.unwrap_or(b.len())));
        }
        at = e
            .end
            .ok_or_else(|| corrupt("a webm element of unknown size where none may be"))?;
    }
}

/// What the Segment holds for the remux.
struct Demuxed<'a> {
    /// The Opus track, once the Tracks element was read.
    track: Option<OpusTrack>,
    /// The Opus track's packets, in order.
    packets: Vec<&'a [u8]>,
    /// The last block's DiscardPadding, in nanoseconds.
    discard_ns: i64,
}

/// Walks the Segment's elements between `start` and `end`; a Cluster is
/// entered rather than skipped, so its children are read in the same loop
/// whether its size is known or not (an unknown-size Cluster ends where
/// the next top-level element begins).
fn demux(b: &[u8], start: usize, end: usize) -> Result<Demuxed<'_>, Problem> {
    let mut demuxed = Demuxed {
        track: None,
        packets: Vec::new(),
        discard_ns: 0,
    };
    let mut at = start;
    while at < end {
        let e = element(b, at, end)?;
        match e.id {
            CLUSTER => {
                at = e.start;
                continue;
            }
            TRACKS => {
                let tracks_end = e
                    .end
                    .ok_or_else(|| corrupt("the webm tracks have an unknown size"))?;
                demuxed.track = Some(opus_track(b, e, tracks_end)?);
            }
            SIMPLE_BLOCK | BLOCK_GROUP => block(b, e, &mut demuxed)?,
            _ => {}
        }
        match e.end {
            Some(next) => at = next,
            None => return Err(corrupt("a webm element of unknown size where none may be")),
        }
    }
    Ok(demuxed)
}

/// Takes the Opus packet of a SimpleBlock or BlockGroup, if it is the Opus
/// track's, with the group's DiscardPadding.
fn block<'a>(b: &'a [u8], e: Element, demuxed: &mut Demuxed<'a>) -> Result<(), Problem> {
    let end = e
        .end
        .ok_or_else(|| corrupt("a webm block has an unknown size"))?;
    let t = demuxed
        .track
        .as_ref()
        .ok_or_else(|| corrupt("a webm block comes before the tracks"))?;
    let (data, padding) = if e.id == SIMPLE_BLOCK {
        (b.get(e.start..end).unwrap_or_default(), 0)
    } else {
        block_group(b, e.start, end)?
    };
    if let Some(p) = block_packet(data, t.number)? {
        demuxed.packets.push(p);
        demuxed.discard_ns = padding;
    }
    Ok(())
}

/// A BlockGroup's Block and DiscardPadding (0 when absent).
fn block_group(b: &[u8], start: usize, end: usize) -> Result<(&[u8], i64), Problem> {
    let mut frame: &[u8] = &[];
    let mut padding = 0i64;
    for c in children(b, start, end)? {
        match c.id {
            BLOCK => frame = data(b, c),
            DISCARD_PADDING => padding = signed(data(b, c)),
            _ => {}
        }
    }
    Ok((frame, padding))
}

/// A signed integer element's value (0 for an empty one).
fn signed(d: &[u8]) -> i64 {
    let bits = (d.len().min(8) * 8) as u32;
    if bits == 0 {
        return 0;
    }
    ((uint(d) << (64 - bits)) as i64) >> (64 - bits)
}

/// The OpusHead to write: the track's CodecPrivate, checked, or one built
/// from its channels, sampling frequency and CodecDelay.
fn opus_head(track: &OpusTrack) -> Result<Vec<u8>, Problem> {
    match &track.private {
        Some(p) if OpusHead::parse(p).is_ok() => Ok(p.clone()),
        Some(_) => Err(corrupt("the opus track's codec data is not an opus header")),
        None => {
            let channels = u8::try_from(track.channels)
                .ok()
                .filter(|&c| (1..=2).contains(&c))
                .ok_or_else(|| corrupt("the opus track has no usable channel count or header"))?;
            let pre_skip = ns_to_samples(track.delay_ns);
            let rate = if track.rate.is_finite() && track.rate >= 1.0 && track.rate <= 384_000.0 {
                track.rate as u32
            } else {
                48_000
            };
            Ok(OpusHead::build(
                channels,
                u16::try_from(pre_skip).unwrap_or(u16::MAX),
                rate,
            ))
        }
    }
}

/// The Ogg Opus file: the header pages, then the packets with granule
/// positions counted from their TOC bytes, the last trimmed by
/// `discard_ns`, in pages of up to a second of audio or about 8 KB.
fn write_ogg(
    serial: u32,
    head: &[u8],
    packets: &[&[u8]],
    discard_ns: i64,
) -> Result<Vec<u8>, Problem> {
    let mut ogg = Writer::new(serial);
    ogg.packet(head, 0);
    ogg.flush(0);
    ogg.packet(&opus::tags("kyr"), 0);
    ogg.flush(0);
    let mut granule: u64 = 0;
    let mut page_samples: u64 = 0;
    let last = packets.len().saturating_sub(1);
    for (i, p) in packets.iter().enumerate() {
        let n = u64::from(
            opus::packet_samples(p)
                .ok_or_else(|| corrupt("an opus packet in the webm file is malformed"))?,
        );
        granule += n;
        page_samples += n;
        let mut end = granule;
        if i == last && discard_ns > 0 {
            end -= ns_to_samples(discard_ns as u64).min(n);
        }
        ogg.packet(p, end);
        if i != last && (page_samples >= 48_000 || ogg.pending() >= 8_192) {
            ogg.flush(0);
            page_samples = 0;
        }
    }
    Ok(ogg.finish())
}

/// Nanoseconds as 48 kHz samples, rounded to the nearest.
fn ns_to_samples(ns: u64) -> u64 {
    ((u128::from(ns) * 48_000 + 500_000_000) / 1_000_000_000) as u64
}
