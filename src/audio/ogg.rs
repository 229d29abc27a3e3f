//! Ogg pages (RFC 3533) read and written here rather than with the `ogg`
//! crate: kyr needs strict checks on read (capture pattern, version, CRC,
//! pages cut short) with its own wording and packet durations from the
//! Opus TOC when writing, both a few dozen lines; and Ogg Opus (RFC 7845)
//! read on top: duration from granule positions, peak from decoding.
//!
//! A chained file (streams one after the other, as `cat a.ogg b.ogg`
//! makes) is refused rather than read as the sum of its streams: the
//! players a recording reaches do not agree on how long it is (FFmpeg
//! 5.1 plays both streams of `chained.ogg`, 2.5 s, while `ffprobe` gives
//! 1.007 s, the second stream's end; kyr read 1.5 s, the first's), so no
//! duration kyr writes on a page or in the manifest would match what a
//! listener sees; each stream has its own OpusHead (channels, pre-skip)
//! where a `Recording` has one, and the peak one decoder. Nothing kyr
//! makes is chained (the recording page's takes and the WebM remuxer's
//! output are one stream), and a volunteer who joined takes can export
//! them again as one recording.

use super::bytes::{has, le32, le64};
use super::opus::{self, OpusHead};
use super::{Container, Problem, Recording, corrupt, samples_to_duration};

/// The Ogg CRC-32 (polynomial 0x04c11db7, not reflected, initial value 0,
/// no final xor) as a byte-at-a-time table.
const CRC_TABLE: [u32; 256] = {
    let mut table = [0u32; 256];
    let mut i = 0;
    while i < 256 {
        let mut r = (i as u32) << 24;
        let mut bit = 0;
        while bit < 8 {
            r = if r & 0x8000_0000 != 0 {
                (r << 1) ^ 0x04c1_1db7
            } else {
                r << 1
            };
            bit += 1;
        }
        table[i] = r;
        i += 1;
    }
    table
};

/// The Ogg CRC of `data`.
pub(super) fn crc(data: &[u8]) -> u32 {
    crc_update(0, data)
}

/// Continues the Ogg CRC over `data`.
fn crc_update(mut crc: u32, data: &[u8]) -> u32 {
    for &b in data {
        crc = (crc << 8) ^ CRC_TABLE[usize::from((crc >> 24) as u8 ^ b)];
    }
    crc
}

/// Header type flag: the page's first packet continues the previous page's.
const CONTINUED: u8 = 1;
/// Header type flag: the first page of a logical stream.
const BOS: u8 = 2;
/// Header type flag: the last page of a logical stream.
const EOS: u8 = 4;

/// One Ogg page, borrowed from the file.
#[derive(Debug, Clone, Copy)]
pub(super) struct Page<'a> {
    /// Header type flags.
    pub(super) flags: u8,
    /// Granule position (-1: no packet ends on this page).
    pub(super) granule: i64,
    /// Bitstream serial number.
    pub(super) serial: u32,
    /// The lacing values.
    pub(super) lacing: &'a [u8],
    /// The page body.
    pub(super) body: &'a [u8],
}

/// Reads the page at `at`, checking its structure and CRC; returns it and
/// the offset after it.
pub(super) fn read_page(b: &[u8], at: usize) -> Result<(Page<'_>, usize), Problem> {
    let cut = || corrupt("the file ends in the middle of an ogg page (it was cut off)");
    if !has(b, at, b"OggS") {
        if b.len().saturating_sub(at) < 4 && b"OggS".starts_with(b.get(at..).unwrap_or_default()) {
            return Err(cut());
        }
        return Err(corrupt(format!(
            "there is no ogg page where one should start, at byte {at}"
        )));
    }
    let header_end = at.checked_add(27).ok_or_else(cut)?;
    let header = b.get(at..header_end).ok_or_else(cut)?;
    if header.get(4) != Some(&0) {
        return Err(corrupt(format!(
            "the ogg page at byte {at} has an unknown version"
        )));
    }
    let flags = header.get(5).copied().unwrap_or(0);
    let granule = le64(header, 6).unwrap_or(0) as i64;
    let serial = le32(header, 14).unwrap_or(0);
    let stored_crc = le32(header, 22).unwrap_or(0);
    let nsegs = usize::from(header.get(26).copied().unwrap_or(0));
    let lacing_end = header_end.checked_add(nsegs).ok_or_else(cut)?;
    let lacing = b.get(header_end..lacing_end).ok_or_else(cut)?;
    let body_len: usize = lacing.iter().map(|&l| usize::from(l)).sum();
    let end = lacing_end.checked_add(body_len).ok_or_else(cut)?;
    let body = b.get(lacing_end..end).ok_or_else(cut)?;
    let mut crc = crc_update(0, header.get(..22).unwrap_or_default());
    crc = crc_update(crc, &[0; 4]);
    crc = crc_update(crc, header.get(26..).unwrap_or_default());
    crc = crc_update(crc, lacing);
    crc = crc_update(crc, body);
    if crc != stored_crc {
        return Err(corrupt(format!(
            "the ogg page at byte {at} is damaged (its checksum does not match)"
        )));
    }
    let page = Page {
        flags,
        granule,
        serial,
        lacing,
        body,
    };
    Ok((page, end))
}

/// A packet of one logical stream and the page it ends on.
#[derive(Debug)]
struct Packet {
    /// The packet's bytes.
    data: Vec<u8>,
    /// Index (among the stream's pages) of the page it ends on.
    page: usize,
}

/// One logical stream's pages and packets.
struct Stream {
    /// Flags and granule position of each page, in order.
    pages: Vec<(u8, i64)>,
    /// The complete packets.
    packets: Vec<Packet>,
}

/// Reads every page of the file and assembles the packets of the first
/// logical stream (others multiplexed with it are ignored); a chained
/// file is refused.
fn read_stream(b: &[u8]) -> Result<Stream, Problem> {
    let mut at = 0;
    let mut serial = None;
    let mut stream = Stream {
        pages: Vec::new(),
        packets: Vec::new(),
    };
    let mut partial: Option<Vec<u8>> = None;
    let mut began = false;
    while at < b.len() {
        let (page, next) = read_page(b, at)?;
        at = next;
        // Every stream of a file begins in its first pages; a stream that
        // begins after another's pages is chained to them.
        if page.flags & BOS != 0 && began {
            return Err(corrupt(CHAINED));
        }
        began |= page.flags & BOS == 0;
        let serial = *serial.get_or_insert(page.serial);
        if page.serial != serial {
            continue;
        }
        if stream.pages.last().is_some_and(|&(f, _)| f & EOS != 0) {
            return Err(corrupt("the ogg stream goes on after its last page"));
        }
        let index = stream.pages.len();
        stream.pages.push((page.flags, page.granule));
        let continued = page.flags & CONTINUED != 0;
        match (&partial, continued) {
            (Some(_), false) => {
                return Err(corrupt("a packet is cut off between two ogg pages"));
            }
            (None, true) if index > 0 => {
                return Err(corrupt("an ogg page continues a packet that never started"));
            }
            _ => {}
        }
        let mut offset = 0usize;
        for &l in page.lacing {
            let len = usize::from(l);
            let piece = page.body.get(offset..offset + len).unwrap_or_default();
            offset += len;
            let mut buf = partial.take().unwrap_or_default();
            buf.extend_from_slice(piece);
            if l < 255 {
                stream.packets.push(Packet {
                    data: buf,
                    page: index,
                });
            } else {
                partial = Some(buf);
            }
        }
    }
    if partial.is_some() {
        return Err(corrupt(
            "the file ends in the middle of a packet (it was cut off)",
        ));
    }
    Ok(stream)
}

/// Why a chained file is refused (see the module's doc).
const CHAINED: &str = "a second ogg stream starts after the first one (the file is \
     recordings joined one after the other: a chained file), and players do not agree on how \
     long such a file is; export it again as one recording";

/// Reads an Ogg Opus file: checks it, reads its duration from granule
/// positions (RFC 7845 section 4), decodes it for the peak.
pub(super) fn probe(b: &[u8]) -> Result<Recording, Problem> {
    let stream = read_stream(b)?;
    let (head, tags_page) = headers(&stream)?;
    let audio = audio_packets(&stream, tags_page)?;
    let samples = audio_samples(&stream, &audio)?.saturating_sub(u64::from(head.pre_skip));
    let duration = samples_to_duration(samples, 48_000).unwrap_or_default();
    let layout = super::decode::OpusLayout {
        channels: head.channels,
        streams: head.streams,
        coupled: head.coupled,
        mapping: &head.mapping,
    };
    let peak = super::decoded(super::decode::opus_peak(
        &layout,
        head.pre_skip,
        samples,
        audio.iter().map(|p| p.data.as_slice()),
    ))?;
    Ok(Recording {
        container: Container::OggOpus,
        codec: "opus",
        duration,
        sample_rate: if head.input_rate == 0 {
            48_000
        } else {
            head.input_rate
        },
        channels: u16::from(head.channels),
        peak,
    })
}

/// Checks the stream's first page and its two header packets: the
/// OpusHead, alone on the first page, and the OpusTags. Returns the
/// OpusHead and the index of the page the OpusTags ends on.
fn headers(stream: &Stream) -> Result<(OpusHead, usize), Problem> {
    let Some(&(first_flags, _)) = stream.pages.first() else {
        return Err(corrupt("the file has no ogg pages"));
    };
    if first_flags & BOS == 0 {
        return Err(corrupt("the first ogg page does not begin a stream"));
    }
    let mut packets = stream.packets.iter();
    let head_packet = packets
        .next()
        .ok_or_else(|| corrupt("the file ends before its opus header"))?;
    let head = OpusHead::parse(&head_packet.data)?;
    if head_packet.page != 0 || stream.packets.get(1).is_some_and(|p| p.page == 0) {
        return Err(corrupt("the opus header does not have its page to itself"));
    }
    let tags = packets
        .next()
        .ok_or_else(|| corrupt("the file ends before its opus comment header"))?;
    if !has(&tags.data, 0, b"OpusTags") {
        return Err(corrupt("the second packet is not an opus comment header"));
    }
    Ok((head, tags.page))
}

/// The audio packets: every packet after the two headers, each on a page
/// after the comment header's; at least one.
fn audio_packets(stream: &Stream, tags_page: usize) -> Result<Vec<&Packet>, Problem> {
    let audio: Vec<&Packet> = stream.packets.iter().skip(2).collect();
    if audio.iter().any(|p| p.page <= tags_page) {
        return Err(corrupt("audio starts on the comment header's page"));
    }
    if audio.is_empty() {
        return Err(corrupt("the file holds no audio"));
    }
    Ok(audio)
}

/// The samples from the stream's first position to its last page's
/// granule position (pre-skip included), checked against what the audio
/// packets hold by their TOC bytes.
fn audio_samples(stream: &Stream, audio: &[&Packet]) -> Result<u64, Problem> {
    let first_page = audio.first().map_or(0, |p| p.page);
    let mut total: u64 = 0;
    let mut on_first_page: u64 = 0;
    for p in audio {
        let n =
            opus::packet_samples(&p.data).ok_or_else(|| corrupt("an opus packet is malformed"))?;
        total += u64::from(n);
        if p.page == first_page {
            on_first_page += u64::from(n);
        }
    }
    let first_granule = stream.pages.get(first_page).map_or(-1, |&(_, g)| g);
    let &(last_flags, last_granule) = stream.pages.last().unwrap_or(&(0, -1));
    if last_flags & EOS == 0 {
        return Err(corrupt(
            "the file ends before the stream's last page (it was cut off)",
        ));
    }
    if first_granule < 0 || last_granule < 0 {
        return Err(corrupt("an ogg page that ends a packet has no position"));
    }
    // The stream's first sample position: the first audio page's position
    // less what its packets hold. Below zero it is an error, except when
    // that page is also the last (then the end is trimmed instead).
    let is_single = first_page + 1 == stream.pages.len();
    let start = match (first_granule as u64).checked_sub(on_first_page) {
        Some(s) => s,
        None if is_single => 0,
        None => return Err(corrupt("the first audio page's position is before zero")),
    };
    let last = last_granule as u64;
    let end = start
        .checked_add(total)
        .ok_or_else(|| corrupt("the audio positions overflow"))?;
    if last > end || last < start {
        return Err(corrupt(
            "the last page's position does not match the audio the file holds",
        ));
    }
    Ok(last - start)
}

/// Writes one logical Ogg stream, packet by packet.
pub(super) struct Writer {
    /// The pages written so far.
    out: Vec<u8>,
    /// Bitstream serial number.
    serial: u32,
    /// Next page sequence number.
    seq: u32,
    /// The pending page's lacing values.
    lacing: Vec<u8>,
    /// The pending page's body.
    body: Vec<u8>,
    /// Granule position of the last packet ended on the pending page.
    granule: i64,
    /// Whether the pending page begins inside a packet.
    continued: bool,
}

impl Writer {
    /// A writer for a stream with this serial number.
    pub(super) fn new(serial: u32) -> Writer {
        Writer {
            out: Vec::new(),
            serial,
            seq: 0,
            lacing: Vec::new(),
            body: Vec::new(),
            granule: -1,
            continued: false,
        }
    }

    /// Adds a packet that ends at `granule`.
    pub(super) fn packet(&mut self, data: &[u8], granule: u64) {
        let mut chunks = data.chunks(255);
        let mut last_len = 255;
        for chunk in chunks.by_ref() {
            self.lace(chunk);
            last_len = chunk.len();
        }
        if last_len == 255 {
            // A packet whose length is a multiple of 255 (or empty) ends
            // with a zero lacing value.
            self.lace(&[]);
        }
        self.granule = i64::try_from(granule).unwrap_or(i64::MAX);
    }

    /// Adds one lacing value and its bytes, starting a new page when the
    /// pending one is full.
    fn lace(&mut self, chunk: &[u8]) {
        if self.lacing.len() == 255 {
            // A packet goes on to the next page when the last lacing value
            // is 255.
            let continues = self.lacing.last() == Some(&255);
            self.flush_page(0, continues);
        }
        self.lacing.push(chunk.len() as u8);
        self.body.extend_from_slice(chunk);
    }

    /// Number of bytes pending.
    pub(super) fn pending(&self) -> usize {
        self.body.len()
    }

    /// Writes the pending page, if any, with these extra flags.
    pub(super) fn flush(&mut self, flags: u8) {
        if !self.lacing.is_empty() {
            self.flush_page(flags, false);
        }
    }

    /// Writes the pending page; `continues` says the next page begins in
    /// the middle of a packet.
    fn flush_page(&mut self, mut flags: u8, continues: bool) {
        if self.continued {
            flags |= CONTINUED;
        }
        if self.seq == 0 {
            flags |= BOS;
        }
        let start = self.out.len();
        self.out.extend_from_slice(b"OggS");
        self.out.push(0);
        self.out.push(flags);
        self.out.extend_from_slice(&self.granule.to_le_bytes());
        self.out.extend_from_slice(&self.serial.to_le_bytes());
        self.out.extend_from_slice(&self.seq.to_le_bytes());
        self.out.extend_from_slice(&[0; 4]);
        self.out.push(self.lacing.len() as u8);
        self.out.extend_from_slice(&self.lacing);
        self.out.extend_from_slice(&self.body);
        let crc = crc_update(0, self.out.get(start..).unwrap_or_default());
        if let Some(field) = self.out.get_mut(start + 22..start + 26) {
            field.copy_from_slice(&crc.to_le_bytes());
        }
        self.seq = self.seq.wrapping_add(1);
        self.lacing.clear();
        self.body.clear();
        self.granule = -1;
        self.continued = continues;
    }

    /// Ends the stream: the pending page is written with the end-of-stream
    /// flag; returns the file.
    pub(super) fn finish(mut self) -> Vec<u8> {
        self.flush(EOS);
        self.out
    }
}
