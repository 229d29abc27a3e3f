//! M4A (ISO base media / MPEG-4): the boxes down to the sound track, its
//! codec and parameters, and the duration from its edit list or media
//! header, or in a fragmented file from its fragments (`fragments.rs`),
//! without decoding. Sample tables and fragments are checked against
//! their boxes' sizes before Symphonia reads them for the peak.
//!
//! Not Symphonia's `isomp4` demuxer, measured in 0.5.5: it ignores the
//! edit list, so `tone.m4a` lasts 1.521 s there (73 024 samples at
//! 48 kHz, the encoder's 1024 priming samples included) against the
//! 1.500 s ffmpeg plays and kyr reads (a page's or the manifest's
//! `duration_ms` would go from 1500 to 1521); it leaves the channel count
//! of AAC unset; it allocates each sample table from its count before
//! reading it; and one changed byte of `tone.m4a` made it panic 9 times
//! in 6687. Symphonia decodes a checked copy (`for_symphonia`).

use std::time::Duration;

use super::bytes::{be16, be32, be64};
use super::{Container, Problem, Recording, corrupt, samples_to_duration};

mod fragments;

/// One box: its type, and where its content starts and it ends.
#[derive(Debug, Clone, Copy)]
struct Box4 {
    /// Offset of the box (its size field).
    at: usize,
    /// The four-character type.
    kind: [u8; 4],
    /// Offset of the content.
    start: usize,
    /// Offset after the box.
    end: usize,
}

/// The boxes between `start` and `end` (a parent's content), each checked
/// to fit.
fn children(b: &[u8], start: usize, end: usize) -> Result<Vec<Box4>, Problem> {
    let mut out = Vec::new();
    let mut at = start;
    while at < end {
        let cut = || corrupt("the file ends in the middle of a box header (it was cut off)");
        if end - at < 8 {
            if end == b.len() {
                return Err(cut());
            }
            return Err(corrupt("a box header overflows its parent box"));
        }
        let size32 = be32(b, at).ok_or_else(cut)?;
        let kind = super::bytes::array::<4>(b, at + 4).ok_or_else(cut)?;
        let (size, header) = match size32 {
            0 => ((end - at) as u64, 8),
            1 => (be64(b, at + 8).ok_or_else(cut)?, 16),
            n => (u64::from(n), 8),
        };
        let name = String::from_utf8_lossy(&kind).into_owned();
        if size < header as u64 {
            return Err(corrupt(format!("the '{name}' box has an impossible size")));
        }
        let box_end = usize::try_from(size)
            .ok()
            .and_then(|s| at.checked_add(s))
            .filter(|&e| e <= end);
        let Some(box_end) = box_end else {
            return Err(if end == b.len() {
                corrupt(format!(
                    "the file ends in the middle of the '{name}' box (it was cut off)"
                ))
            } else {
                corrupt(format!("the '{name}' box overflows its parent box"))
            });
        };
        out.push(Box4 {
            at,
            kind,
            start: at + header,
            end: box_end,
        });
        at = box_end;
    }
    Ok(out)
}

/// The first child of this type.
fn find(b: &[u8], parent: Box4, kind: &[u8; 4]) -> Result<Option<Box4>, Problem> {
    Ok(children(b, parent.start, parent.end)?
        .into_iter()
        .find(|c| &c.kind == kind))
}

/// The content of a box.
fn content(b: &[u8], x: Box4) -> &[u8] {
    b.get(x.start..x.end).unwrap_or_default()
}

/// Checks that a full box's table of `count` entries of `entry` bytes,
/// starting at `table` in its content, fits in the box.
fn check_table(
    b: &[u8],
    x: Box4,
    count_at: usize,
    table: usize,
    entry: u64,
) -> Result<(), Problem> {
    let c = content(b, x);
    let name = String::from_utf8_lossy(&x.kind).into_owned();
    let count =
        be32(c, count_at).ok_or_else(|| corrupt(format!("the '{name}' box is too short")))?;
    let need = u64::from(count) * entry + table as u64;
    if need > c.len() as u64 {
        return Err(corrupt(format!(
            "the '{name}' table is longer than its box"
        )));
    }
    Ok(())
}

/// Checks a sample size box (`stsz`): its table fits in its box, and no
/// sample is larger than the whole file (Symphonia allocates each
/// sample's buffer from its size before reading it: a constant size of
/// 2 GB asked for 2 GB a packet).
fn check_sample_sizes(b: &[u8], x: Box4) -> Result<(), Problem> {
    let c = content(b, x);
    let constant = be32(c, 4).ok_or_else(|| corrupt("the 'stsz' box is too short"))?;
    let too_large = || corrupt("the 'stsz' box says its samples take more than the whole file");
    if constant != 0 {
        let count = u64::from(be32(c, 8).unwrap_or(0));
        return if count.saturating_mul(u64::from(constant)) > b.len() as u64 {
            Err(too_large())
        } else {
            Ok(())
        };
    }
    check_table(b, x, 8, 12, 4)?;
    let count = be32(c, 8).unwrap_or(0) as usize;
    for i in 0..count {
        let size = be32(c, 12 + 4 * i).unwrap_or(0);
        if u64::from(size) > b.len() as u64 {
            return Err(too_large());
        }
    }
    Ok(())
}

/// What the sound track says.
struct Track {
    /// Sample entry type (codec).
    codec: String,
    /// Channels from the sample entry.
    channels: u16,
    /// Sample rate from the sample entry (or the media timescale).
    rate: u32,
    /// Media duration in timescale units, and the timescale.
    media: (u64, u32),
    /// The duration of the samples the sample table lists, in the media
    /// timescale (in a fragmented file, those before the fragments').
    listed: u64,
    /// The edit list, if the track has one with a non-empty edit.
    edits: Option<Edits>,
}

/// What an edit list says, read from its non-empty edits.
#[derive(Debug, Clone, Copy)]
struct Edits {
    /// The sum of their durations, in the movie timescale (0 when the
    /// writer left them to be the media's, as fragmented files do).
    duration: u64,
    /// Where the first one starts in the media, in the media timescale:
    /// the encoder's priming samples it leaves out.
    start: u64,
}

/// Reads the track if it is a sound track.
fn sound_track(b: &[u8], trak: Box4) -> Result<Option<Track>, Problem> {
    let Some(mdia) = find(b, trak, b"mdia")? else {
        return Ok(None);
    };
    let Some(hdlr) = find(b, mdia, b"hdlr")? else {
        return Ok(None);
    };
    if content(b, hdlr).get(8..12) != Some(b"soun") {
        return Ok(None);
    }
    let mdhd =
        find(b, mdia, b"mdhd")?.ok_or_else(|| corrupt("the sound track has no media header"))?;
    let media = media_duration(content(b, mdhd))?;
    let minf = find(b, mdia, b"minf")?
        .ok_or_else(|| corrupt("the sound track has no media information"))?;
    let stbl =
        find(b, minf, b"stbl")?.ok_or_else(|| corrupt("the sound track has no sample table"))?;
    let stsd = checked_sample_tables(b, stbl)?;
    let (codec, rate, channels) = sample_entry(b, stsd)?;
    let listed = match find(b, stbl, b"stts")? {
        Some(stts) => listed_duration(content(b, stts), media.1)?,
        None => 0,
    };
    // At most a second a sample, for the samples the size table holds
    // (each takes at least a byte of the file).
    let sizes = find(b, stbl, b"stsz")?.map_or(0, |stsz| be32(content(b, stsz), 8).unwrap_or(0));
    let listed = listed.min(u64::from(sizes).saturating_mul(u64::from(media.1)));
    let edits = edit_list(b, trak)?;
    Ok(Some(Track {
        codec,
        channels,
        rate: if rate == 0 { media.1 } else { rate },
        media,
        listed,
        edits,
    }))
}

/// A media header's duration and timescale.
fn media_duration(m: &[u8]) -> Result<(u64, u32), Problem> {
    let short = || corrupt("the 'mdhd' box is too short");
    Ok(if m.first() == Some(&1) {
        (
            be64(m, 24).ok_or_else(short)?,
            be32(m, 20).ok_or_else(short)?,
        )
    } else {
        (
            u64::from(be32(m, 16).ok_or_else(short)?),
            be32(m, 12).ok_or_else(short)?,
        )
    })
}

/// Checks that every table of a sample table box fits in its box (so that
/// Symphonia, which allocates each table from its count, reads no count
/// the file does not hold), and returns the sample description box.
fn checked_sample_tables(b: &[u8], stbl: Box4) -> Result<Box4, Problem> {
    let mut stsd = None;
    for c in children(b, stbl.start, stbl.end)? {
        match &c.kind {
            b"stsd" => stsd = Some(c),
            b"stts" | b"ctts" => check_table(b, c, 4, 8, 8)?,
            b"stsc" => check_table(b, c, 4, 8, 12)?,
            b"stco" | b"stss" => check_table(b, c, 4, 8, 4)?,
            b"co64" => check_table(b, c, 4, 8, 8)?,
            b"stsz" => check_sample_sizes(b, c)?,
            _ => {}
        }
    }
    stsd.ok_or_else(|| corrupt("the sound track has no sample description"))
}

/// The first sample entry's codec, sample rate and channel count (the
/// AudioSpecificConfig's for MPEG-4 audio, where it gives them).
fn sample_entry(b: &[u8], stsd: Box4) -> Result<(String, u32, u16), Problem> {
    let short = || corrupt("the 'stsd' box is too short");
    // The first sample entry: a box after the version, flags and count.
    let entries = children(b, stsd.start.saturating_add(8).min(stsd.end), stsd.end)?;
    let entry = *entries
        .first()
        .ok_or_else(|| corrupt("the sound track describes no samples"))?;
    let e = content(b, entry);
    let channels = be16(e, 16).ok_or_else(short)?;
    let rate = be32(e, 24).ok_or_else(short)? >> 16;
    if &entry.kind != b"mp4a" {
        let codec = String::from_utf8_lossy(&entry.kind).trim().to_owned();
        return Ok((codec, rate, channels));
    }
    let (codec, config) = mp4a_codec(e);
    // The sample entry's channel count is a template (2) for MPEG-4 audio:
    // the AudioSpecificConfig has the real one.
    let (rate, channels) = match config {
        Some((r, c)) => (
            if r == 0 { rate } else { r },
            if c == 0 { channels } else { c },
        ),
        None => (rate, channels),
    };
    Ok((codec.to_owned(), rate, channels))
}

/// The sum of a time-to-sample table's durations (count times delta of
/// each entry; the table was checked to fit its box).
fn listed_duration(stts: &[u8], timescale: u32) -> Result<u64, Problem> {
    let count = be32(stts, 4).unwrap_or(0) as usize;
    let mut total = 0u64;
    for i in 0..count {
        let at = 8 + i * 8;
        let n = u64::from(be32(stts, at).unwrap_or(0));
        let delta = be32(stts, at + 4).unwrap_or(0);
        if n > 0 && timescale > 0 && delta > timescale {
            return Err(corrupt(
                "its sample table says a sample lasts more than a second, which no AAC frame does",
            ));
        }
        total = total.saturating_add(n * u64::from(delta));
    }
    Ok(total)
}

/// The track's edit list, if it has one with a non-empty edit.
fn edit_list(b: &[u8], trak: Box4) -> Result<Option<Edits>, Problem> {
    let Some(edts) = find(b, trak, b"edts")? else {
        return Ok(None);
    };
    let Some(elst) = find(b, edts, b"elst")? else {
        return Ok(None);
    };
    let l = content(b, elst);
    let v1 = l.first() == Some(&1);
    let entry_len = if v1 { 20 } else { 12 };
    check_table(b, elst, 4, 8, entry_len)?;
    let count = be32(l, 4).unwrap_or(0) as usize;
    let mut edits: Option<Edits> = None;
    for i in 0..count {
        let at = 8 + i * entry_len as usize;
        // Media time -1 is an empty edit (a pause before the media).
        let (duration, start) = if v1 {
            let start = be64(l, at + 8).filter(|&t| t != u64::MAX);
            (be64(l, at).unwrap_or(0), start)
        } else {
            let start = be32(l, at + 4).filter(|&t| t != u32::MAX);
            (u64::from(be32(l, at).unwrap_or(0)), start.map(u64::from))
        };
        if let Some(start) = start {
            let e = edits.get_or_insert(Edits { duration: 0, start });
            e.duration = e.duration.saturating_add(duration);
        }
    }
    Ok(edits)
}

/// The codec in an `mp4a` sample entry, from its `esds` object type, and
/// the sample rate and channel count of its AudioSpecificConfig (0 where
/// not given).
fn mp4a_codec(entry: &[u8]) -> (&'static str, Option<(u32, u16)>) {
    // Rather than walk every descriptor, find "esds" and follow its ES
    // descriptor (tag 3) to the decoder config descriptor (tag 4).
    let Some(pos) = entry.windows(4).position(|w| w == b"esds") else {
        return ("aac", None);
    };
    // After the type, the version and the flags.
    let d = entry.get(pos + 8..).unwrap_or_default();
    let Some(config) = decoder_config(d) else {
        return ("aac", None);
    };
    let codec = match d.get(config) {
        Some(0x69 | 0x6B) => "mp3",
        Some(0xA9) => "dts",
        Some(0xA5) => "ac-3",
        Some(0xA6) => "e-ac-3",
        Some(0xAD) => "opus",
        _ => "aac",
    };
    // The decoder config: object type, stream type, buffer size, two
    // bitrates (13 bytes), then the decoder specific info (tag 5).
    let i = config + 13;
    if d.get(i) != Some(&5) {
        return (codec, None);
    }
    (codec, audio_specific_config(d, skip_size(d, i + 1)))
}

/// The offset after a descriptor's size field (1 to 4 bytes, each but the
/// last with its top bit set) that starts at `i`.
fn skip_size(d: &[u8], mut i: usize) -> usize {
    while d.get(i).is_some_and(|x| x & 0x80 != 0) {
        i += 1;
    }
    i + 1
}

/// Where the decoder config descriptor's content (its object type) starts
/// in an `esds` box's content.
fn decoder_config(d: &[u8]) -> Option<usize> {
    decoder_config_tag(d).map(|tag| skip_size(d, tag + 1))
}

/// Where the decoder config descriptor's tag is in an `esds` box's
/// content: after the ES descriptor's ES_ID, flags and the optional
/// fields they announce.
fn decoder_config_tag(d: &[u8]) -> Option<usize> {
    // ES_Descriptor: tag, size (1-4 bytes), ES_ID, flags and optional fields.
    if d.first() != Some(&3) {
        return None;
    }
    let mut i = skip_size(d, 1);
    let flags = d.get(i + 2).copied().unwrap_or(0);
    i += 3;
    if flags & 0x80 != 0 {
        i += 2;
    }
    if flags & 0x40 != 0 {
        i += 1 + usize::from(d.get(i).copied().unwrap_or(0));
    }
    if flags & 0x20 != 0 {
        i += 2;
    }
    (d.get(i) == Some(&4)).then_some(i)
}

/// The sample rate and channel count of an AudioSpecificConfig at `i`:
/// 5 bits of object type, 4 bits of frequency index (15: 24 bits of rate
/// follow), 4 bits of channel configuration.
fn audio_specific_config(d: &[u8], i: usize) -> Option<(u32, u16)> {
    let asc = be32(d, i).or_else(|| be16(d, i).map(|x| u32::from(x) << 16))?;
    if (asc >> 27) == 31 {
        return None;
    }
    let index = (asc >> 23) & 0xF;
    let (rate, channels) = if index == 15 {
        let more = super::bytes::array::<5>(d, i).map_or(0u64, |a| {
            a.iter().fold(0u64, |acc, &x| (acc << 8) | u64::from(x))
        });
        (((more >> 9) & 0xFF_FFFF) as u32, ((more >> 5) & 0xF) as u16)
    } else {
        const RATES: [u32; 13] = [
            96_000, 88_200, 64_000, 48_000, 44_100, 32_000, 24_000, 22_050, 16_000, 12_000, 11_025,
            8_000, 7_350,
        ];
        let rate = RATES.get(index as usize).copied().unwrap_or(0);
        (rate, ((asc >> 19) & 0xF) as u16)
    };
    // Channel configuration 7 is 7.1 (8 channels); 0 is "in the
    // program config element", left to the sample entry.
    let channels = match channels {
        7 => 8,
        c if c <= 6 => c,
        _ => 0,
    };
    Some((rate, channels))
}

/// Reads an M4A file.
pub(super) fn probe(b: &[u8]) -> Result<Recording, Problem> {
    let top = children(b, 0, b.len())?;
    let moov = top
        .iter()
        .copied()
        .find(|x| &x.kind == b"moov")
        .ok_or_else(|| {
            corrupt(
                "the file has no 'moov' box (the recording was not finished, or it was cut off)",
            )
        })?;
    let movie_scale = match find(b, moov, b"mvhd")? {
        Some(mvhd) => {
            let m = content(b, mvhd);
            if m.first() == Some(&1) {
                be32(m, 20)
            } else {
                be32(m, 12)
            }
        }
        None => None,
    };
    let traks: Vec<Box4> = children(b, moov.start, moov.end)?
        .into_iter()
        .filter(|x| &x.kind == b"trak")
        .collect();
    let mut found = None;
    for &trak in &traks {
        if let Some(t) = sound_track(b, trak)? {
            found = Some((trak, t));
            break;
        }
    }
    let (trak, track) = found.ok_or_else(|| corrupt("the file has no audio track"))?;
    if track.codec != "aac" {
        return Err(Problem::UnsupportedCodec {
            container: Container::M4a,
            codec: track.codec,
        });
    }
    if track.channels == 0 {
        return Err(corrupt("the sound track says it has no channels"));
    }
    // Checked even where the edit list or the fragments give the
    // duration: the decoder divides by it (Symphonia 0.5.5 panics on 0,
    // found by the `containers` fuzz target).
    if track.media.1 == 0 {
        return Err(corrupt("the sound track's timescale is zero"));
    }
    // A `mvex` box announces fragments, which may all be missing.
    let fragmented = top.iter().any(|x| &x.kind == b"moof") || find(b, moov, b"mvex")?.is_some();
    let fragments = if fragmented {
        Some(fragments::read(b, &top, moov, trak)?)
    } else {
        None
    };
    let duration = match &fragments {
        Some(f) => fragments::duration(&track, f, movie_scale, traks.len() == 1)?,
        None => whole_duration(&track, movie_scale)?,
    };
    if fragments.as_ref().is_some_and(|f| !f.symphonia_agrees) {
        return Err(corrupt(
            "its movie fragments are laid out in a way kyr cannot decode to check that it plays",
        ));
    }
    let view = for_symphonia(b, &top, moov, trak, fragments.as_ref())?.ok_or_else(|| {
        corrupt("a box its audio needs is missing or cut short, so it would not play")
    })?;
    let peak = super::decoded(super::decode::symphonia_peak(&view, "m4a"))?;
    Ok(Recording {
        container: Container::M4a,
        codec: "aac",
        duration,
        sample_rate: track.rate,
        channels: track.channels,
        peak,
    })
}

/// How long a track of a file without fragments plays: its edit list's
/// duration, else its media header's.
fn whole_duration(track: &Track, movie_scale: Option<u32>) -> Result<Duration, Problem> {
    let edited = track.edits.map_or(0, |e| e.duration);
    // The media plays at most the samples its table lists, and an edit
    // list at most the media it edits: longer is a claim the samples do
    // not back (found by the `containers` fuzz target: hours from 7 KB).
    let media = samples_to_duration(track.media.0.min(track.listed), u64::from(track.media.1))
        .ok_or_else(|| corrupt("the sound track's timescale is zero"))?;
    Ok(match movie_scale {
        Some(scale) if scale > 0 && edited > 0 => {
            samples_to_duration(edited, u64::from(scale)).map_or(media, |d| d.min(media))
        }
        _ => media,
    })
}

/// Boxes Symphonia's demuxer parses that kyr does not read: renamed
/// `free` (which Symphonia skips) in the copy it decodes.
const HIDDEN: [&[u8; 4]; 5] = [b"udta", b"meta", b"sidx", b"mvex", b"moof"];

/// The boxes of [`HIDDEN`] that kyr reads in a fragmented file.
const FRAGMENTS: [&[u8; 4]; 2] = [b"mvex", b"moof"];

/// The bytes Symphonia decodes for the peak: a copy of the file in which
/// every box it would parse and kyr has not checked (the other tracks,
/// user data and metadata, segment indexes, movie fragments unless kyr
/// read them, the other tracks' fragments) is renamed `free`. `None` (the
/// file is refused) when a box that Symphonia 0.5.5 unwraps or measures
/// without a check is missing or too short in what remains: a single changed byte
/// of `tone.m4a` made it panic 9 times in 6687 (an `esds` without its ES
/// descriptor, an `ilst` data box shorter than its header). The
/// `fragments` must be ones Symphonia reads as kyr does.
fn for_symphonia(
    b: &[u8],
    top: &[Box4],
    moov: Box4,
    trak: Box4,
    fragments: Option<&fragments::Fragments>,
) -> Result<Option<Vec<u8>>, Problem> {
    if !symphonia_can_parse(b, top, moov, trak)? {
        return Ok(None);
    }
    let mut view = b.to_vec();
    let moov_children = children(b, moov.start, moov.end)?;
    let mut hide = |at: usize| {
        if let Some(kind) = view.get_mut(at + 4..at + 8) {
            kind.copy_from_slice(b"free");
        }
    };
    for x in top.iter().chain(&moov_children) {
        let other_track = &x.kind == b"trak" && x.at != trak.at;
        let read = fragments.is_some() && FRAGMENTS.contains(&&x.kind);
        if other_track || (HIDDEN.contains(&&x.kind) && !read) {
            hide(x.at);
        }
    }
    for &at in fragments.map_or(&[][..], |f| &f.others) {
        hide(at);
    }
    Ok(Some(view))
}

/// Whether the boxes Symphonia requires of the file and of the sound
/// track are there and long enough: `ftyp` with its two brands, `mvhd`,
/// `tkhd`, a full `hdlr`, the sample tables, and an `esds` that starts
/// with its ES descriptor.
fn symphonia_can_parse(b: &[u8], top: &[Box4], moov: Box4, trak: Box4) -> Result<bool, Problem> {
    let ftyp_ok = top
        .iter()
        .find(|x| &x.kind == b"ftyp")
        .is_some_and(|x| content(b, *x).len() >= 8);
    if !ftyp_ok || find(b, moov, b"mvhd")?.is_none() || find(b, trak, b"tkhd")?.is_none() {
        return Ok(false);
    }
    let Some(mdia) = find(b, trak, b"mdia")? else {
        return Ok(false);
    };
    let hdlr_ok = find(b, mdia, b"hdlr")?.is_some_and(|h| content(b, h).len() >= 24);
    let stbl = match find(b, mdia, b"minf")? {
        Some(minf) => find(b, minf, b"stbl")?,
        None => None,
    };
    let Some(stbl) = stbl.filter(|_| hdlr_ok) else {
        return Ok(false);
    };
    for kind in [b"stts", b"stsc", b"stsz"] {
        if find(b, stbl, kind)?.is_none() {
            return Ok(false);
        }
    }
    // Every `esds` in the sample description, however it is nested.
    let stsd = content(b, find(b, stbl, b"stsd")?.unwrap_or(stbl));
    let esds_ok = stsd
        .windows(4)
        .enumerate()
        .filter(|(_, w)| w == b"esds")
        .all(|(i, _)| stsd.get(i + 8..).is_some_and(descriptors_long_enough));
    Ok(esds_ok)
}

/// Whether an `esds` box's descriptors (from its ES descriptor's tag on)
/// are as long as Symphonia 0.5.5 takes them to be without a check: an
/// ES descriptor of at least 3 bytes, and a decoder config descriptor (if
/// the ES descriptor holds one where kyr reads it) of at least 13 (a
/// shorter one made it subtract past zero, found by the `containers`
/// fuzz target).
fn descriptors_long_enough(d: &[u8]) -> bool {
    if d.first() != Some(&3) || size_field(d, 1).is_none_or(|size| size < 3) {
        return false;
    }
    decoder_config_tag(d).is_none_or(|tag| size_field(d, tag + 1).is_some_and(|size| size >= 13))
}

/// An MPEG-4 descriptor's size at `i`: up to four bytes of seven bits,
/// each but the last with its top bit set.
fn size_field(d: &[u8], i: usize) -> Option<u32> {
    let mut size = 0u32;
    for k in 0..4 {
        let byte = *d.get(i + k)?;
        size = (size << 7) | u32::from(byte & 0x7F);
        if byte & 0x80 == 0 {
            return Some(size);
        }
    }
    None
}
