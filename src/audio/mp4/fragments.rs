//! Movie fragments (ISO/IEC 14496-12, 8.8): an M4A whose samples are
//! listed in `moof` boxes after the `moov` rather than (or as well as) in
//! its sample table, as `ffmpeg -movflags frag_keyframe+empty_moov` and
//! DASH packagers write them. The sound track lasts as long as the
//! samples its sample table and its fragments list (each run's own
//! durations, else the track fragment header's default, else the `trex`
//! box's), less what its edit list leaves out; the `mehd` box's
//! fragment duration, when there is one, finds a file that lost its last
//! fragments. Every run's table is checked to fit its box and its bytes
//! to lie in the file, so that Symphonia, which reads the same boxes for
//! the peak, reads no count the file does not hold.
//!
//! Symphonia 0.5.5 takes a run's first-sample flags for its table's
//! flags (`trun.rs`: bit 0x4 of them says "the first sample's duration
//! is listed", 0x200 "its size is"), and indexes a table that is not
//! there when they say so; and it counts every track fragment's data from
//! its `moof` box. A file whose fragments it would read otherwise than
//! kyr is refused: kyr could not check that it plays.

use std::time::Duration;

use super::super::bytes::{be32, be64};
use super::super::{Problem, corrupt, samples_to_duration};
use super::{Box4, Track, children, content, find};

/// What the sound track's fragments hold.
#[derive(Debug)]
pub(super) struct Fragments {
    /// The sum of their samples' durations, in the media timescale.
    duration: u64,
    /// The `mehd` box's fragment duration, in the movie timescale.
    announced: Option<u64>,
    /// Offsets of the `trex` and `traf` boxes of other tracks, which
    /// Symphonia must not read.
    pub(super) others: Vec<usize>,
    /// Whether Symphonia reads the sound track's fragments as kyr does.
    pub(super) symphonia_agrees: bool,
}

/// A track fragment header's fields (`tfhd`).
#[derive(Debug)]
struct Header {
    /// The track it belongs to.
    track: u32,
    /// Where its data is counted from, when the header says.
    base: Option<u64>,
    /// Whether its data is counted from its `moof` box.
    base_is_moof: bool,
    /// Default sample duration, when the header gives one.
    duration: Option<u32>,
    /// Default sample size, when the header gives one.
    size: Option<u32>,
}

/// One track fragment run (`trun`), summed.
#[derive(Debug)]
struct Run {
    /// Its samples.
    count: u32,
    /// The sum of their durations, in the media timescale.
    duration: u64,
    /// The sum of their sizes, in bytes.
    size: u64,
    /// Where its data starts, from the track fragment's base.
    offset: Option<i64>,
    /// Whether Symphonia reads it as kyr does.
    symphonia_agrees: bool,
}

/// The track fragment header flags that announce a field, in order.
const BASE_OFFSET: u32 = 0x1;
const DESCRIPTION_INDEX: u32 = 0x2;
const DEFAULT_DURATION: u32 = 0x8;
const DEFAULT_SIZE: u32 = 0x10;
const DEFAULT_FLAGS: u32 = 0x20;
const BASE_IS_MOOF: u32 = 0x2_0000;

/// The track fragment run flags: the fields before the table, then the
/// table's columns.
const DATA_OFFSET: u32 = 0x1;
const FIRST_FLAGS: u32 = 0x4;
const DURATIONS: u32 = 0x100;
const SIZES: u32 = 0x200;
const SAMPLE_FLAGS: u32 = 0x400;
const COMPOSITION: u32 = 0x800;

/// Reads the sound track's fragments: every `moof` box of the file (`top`
/// is its boxes), with the defaults of the `mvex` box in `moov`.
pub(super) fn read(b: &[u8], top: &[Box4], moov: Box4, trak: Box4) -> Result<Fragments, Problem> {
    let mvex = find(b, moov, b"mvex")?.ok_or_else(|| {
        corrupt(
            "the file has movie fragments that its 'moov' box does not announce (no 'mvex' box)",
        )
    })?;
    let track = track_id(b, trak)?;
    let mut fragments = Fragments {
        duration: 0,
        announced: announced(b, mvex)?,
        others: Vec::new(),
        symphonia_agrees: true,
    };
    let defaults = defaults(b, mvex, track, &mut fragments.others)?;
    for moof in top.iter().filter(|x| &x.kind == b"moof") {
        read_moof(b, *moof, track, defaults, &mut fragments)?;
    }
    Ok(fragments)
}

/// The track's ID, from its header.
fn track_id(b: &[u8], trak: Box4) -> Result<u32, Problem> {
    let tkhd = find(b, trak, b"tkhd")?.ok_or_else(|| corrupt("the sound track has no header"))?;
    let t = content(b, tkhd);
    let at = if t.first() == Some(&1) { 20 } else { 12 };
    be32(t, at).ok_or_else(|| corrupt("the 'tkhd' box is too short"))
}

/// The `mehd` box's fragment duration, if the `mvex` box has one.
fn announced(b: &[u8], mvex: Box4) -> Result<Option<u64>, Problem> {
    let Some(mehd) = find(b, mvex, b"mehd")? else {
        return Ok(None);
    };
    let m = content(b, mehd);
    let short = || corrupt("the 'mehd' box is too short");
    match m.first() {
        Some(0) => Ok(Some(u64::from(be32(m, 4).ok_or_else(short)?))),
        Some(1) => Ok(Some(be64(m, 4).ok_or_else(short)?)),
        Some(v) => Err(corrupt(format!(
            "the 'mehd' box has an unknown version {v}"
        ))),
        None => Err(short()),
    }
}

/// The track's default sample duration and size from its `trex` box; the
/// other tracks' are noted in `others`.
fn defaults(
    b: &[u8],
    mvex: Box4,
    track: u32,
    others: &mut Vec<usize>,
) -> Result<(u32, u32), Problem> {
    let mut found = None;
    for trex in children(b, mvex.start, mvex.end)?
        .into_iter()
        .filter(|x| &x.kind == b"trex")
    {
        let t = content(b, trex);
        if t.len() < 24 {
            return Err(corrupt("the 'trex' box is too short"));
        }
        if be32(t, 4) != Some(track) || found.is_some() {
            others.push(trex.at);
            continue;
        }
        found = Some((be32(t, 12).unwrap_or(0), be32(t, 16).unwrap_or(0)));
    }
    found
        .ok_or_else(|| corrupt("the sound track has no defaults for its fragments (no 'trex' box)"))
}

/// Reads one `moof` box: the sound track's runs in it are added to
/// `fragments`, the other tracks' fragments noted.
fn read_moof(
    b: &[u8],
    moof: Box4,
    track: u32,
    (default_duration, default_size): (u32, u32),
    fragments: &mut Fragments,
) -> Result<(), Problem> {
    let boxes = children(b, moof.start, moof.end)?;
    let mfhd = boxes.iter().find(|x| &x.kind == b"mfhd");
    if mfhd.is_none_or(|m| content(b, *m).len() < 8) {
        return Err(corrupt("a movie fragment has no header, or a short one"));
    }
    let mut ours = 0;
    for (i, traf) in boxes.iter().filter(|x| &x.kind == b"traf").enumerate() {
        let parts = children(b, traf.start, traf.end)?;
        let mut headers = parts.iter().filter(|x| &x.kind == b"tfhd");
        let (Some(tfhd), None) = (headers.next(), headers.next()) else {
            return Err(corrupt("a track fragment has no header, or more than one"));
        };
        let header = tfhd_fields(content(b, *tfhd))?;
        if header.track != track {
            fragments.others.push(traf.at);
            continue;
        }
        ours += 1;
        // Without an offset of its own, a track fragment's data is counted
        // from its `moof` box if it is the first in it or says so, else
        // from the end of the previous one's, which kyr does not read.
        let base = match header.base {
            Some(base) => Some(base),
            None if i == 0 || header.base_is_moof => Some(moof.at as u64),
            None => None,
        };
        let defaults = (
            header.duration.unwrap_or(default_duration),
            header.size.unwrap_or(default_size),
        );
        let runs = parts.iter().filter(|x| &x.kind == b"trun");
        read_runs(b, runs, base, defaults, fragments)?;
        fragments.symphonia_agrees &= base.is_some();
    }
    // Symphonia keeps only the last track fragment of a track in a `moof`.
    fragments.symphonia_agrees &= ours <= 1;
    Ok(())
}

/// Reads a track fragment header's fields, checking that it holds those
/// its flags announce.
fn tfhd_fields(t: &[u8]) -> Result<Header, Problem> {
    let flags = be32(t, 0).ok_or_else(|| corrupt("the 'tfhd' box is too short"))? & 0xFF_FFFF;
    let announced = |flag: u32, len: usize| if flags & flag != 0 { len } else { 0 };
    let at_description = 8 + announced(BASE_OFFSET, 8);
    let at_duration = at_description + announced(DESCRIPTION_INDEX, 4);
    let at_size = at_duration + announced(DEFAULT_DURATION, 4);
    let at_flags = at_size + announced(DEFAULT_SIZE, 4);
    if t.len() < at_flags + announced(DEFAULT_FLAGS, 4) {
        return Err(corrupt("the 'tfhd' box is shorter than its fields"));
    }
    let field = |flag: u32, at: usize| be32(t, at).filter(|_| flags & flag != 0);
    Ok(Header {
        track: be32(t, 4).unwrap_or(0),
        base: be64(t, 8).filter(|_| flags & BASE_OFFSET != 0),
        base_is_moof: flags & BASE_IS_MOOF != 0,
        duration: field(DEFAULT_DURATION, at_duration),
        size: field(DEFAULT_SIZE, at_size),
    })
}

/// Reads a track fragment's runs, from `base` (`None`: not known), and
/// adds their durations to `fragments`; each run's bytes must lie in the
/// file.
fn read_runs<'a>(
    b: &[u8],
    runs: impl Iterator<Item = &'a Box4>,
    base: Option<u64>,
    defaults: (u32, u32),
    fragments: &mut Fragments,
) -> Result<(), Problem> {
    let outside = || corrupt("the file ends before the audio its fragments list (it was cut off)");
    let mut next = base;
    for trun in runs {
        let run = trun_fields(content(b, *trun), defaults)?;
        fragments.symphonia_agrees &= run.symphonia_agrees;
        fragments.duration = fragments
            .duration
            .checked_add(run.duration)
            .ok_or_else(|| corrupt("the fragments' durations overflow"))?;
        if run.size < u64::from(run.count) {
            return Err(corrupt("a fragment lists more samples than it holds bytes"));
        }
        let start = match (base, run.offset) {
            (Some(base), Some(offset)) => {
                Some(base.checked_add_signed(offset).ok_or_else(outside)?)
            }
            _ => next,
        };
        next = match start {
            Some(start) => {
                let end = start.checked_add(run.size).ok_or_else(outside)?;
                if end > b.len() as u64 {
                    return Err(outside());
                }
                Some(end)
            }
            None => None,
        };
    }
    Ok(())
}

/// Reads a run's fields and sums its table, checking that the table fits
/// the box; `defaults` are the track fragment's sample duration and size.
fn trun_fields(t: &[u8], (default_duration, default_size): (u32, u32)) -> Result<Run, Problem> {
    let flags = be32(t, 0).ok_or_else(|| corrupt("the 'trun' box is too short"))? & 0xFF_FFFF;
    let count = be32(t, 4).ok_or_else(|| corrupt("the 'trun' box is too short"))?;
    let mut at = 8;
    let offset = (flags & DATA_OFFSET != 0).then(|| be32(t, at).map(|o| i64::from(o as i32)));
    at += if offset.is_some() { 4 } else { 0 };
    let first_flags = (flags & FIRST_FLAGS != 0).then(|| be32(t, at));
    at += if first_flags.is_some() { 4 } else { 0 };
    let columns = [DURATIONS, SIZES, SAMPLE_FLAGS, COMPOSITION]
        .iter()
        .filter(|&&c| flags & c != 0)
        .count();
    let need = u64::from(count) * 4 * columns as u64 + at as u64;
    if need > t.len() as u64 {
        return Err(corrupt("the 'trun' table is longer than its box"));
    }
    let column = |flag: u32, default: u32| -> u64 {
        if flags & flag == 0 {
            return u64::from(count) * u64::from(default);
        }
        // The column's place in each row: after the columns before it.
        let skip = [DURATIONS, SIZES]
            .iter()
            .filter(|&&c| c < flag && flags & c != 0)
            .count();
        (0..count as usize)
            .map(|i| u64::from(be32(t, at + (i * columns + skip) * 4).unwrap_or(0)))
            .sum()
    };
    // Symphonia reads bits 0x4 and 0x200 of the first sample's flags as
    // "its duration, its size is listed" (see the module's doc).
    let first = first_flags.flatten().unwrap_or(0);
    let misread =
        (first & 0x4 != 0 && flags & DURATIONS == 0) || (first & 0x200 != 0 && flags & SIZES == 0);
    Ok(Run {
        count,
        duration: column(DURATIONS, default_duration),
        size: column(SIZES, default_size),
        offset: offset.flatten(),
        symphonia_agrees: !misread,
    })
}

/// How long the sound track plays: the samples its sample table and its
/// fragments list, less the edit list's start, and no longer than the
/// edit list's duration when it gives one; checked against the `mehd`
/// box's duration when the file has one track (`single`).
pub(super) fn duration(
    track: &Track,
    fragments: &Fragments,
    movie_scale: Option<u32>,
    single: bool,
) -> Result<Duration, Problem> {
    let media_scale = u64::from(track.media.1);
    let zero = || corrupt("the sound track's timescale is zero");
    let total = track
        .listed
        .checked_add(fragments.duration)
        .ok_or_else(|| corrupt("the fragments' durations overflow"))?;
    if total == 0 {
        return Err(corrupt(
            "the sound track has no samples: its movie fragments are missing (it was cut off)",
        ));
    }
    let movie_scale = movie_scale.map(u64::from).filter(|&s| s > 0);
    if let (Some(announced), Some(scale), true) = (fragments.announced, movie_scale, single) {
        // Cut off when the samples end more than one tick of the movie
        // timescale before the announced end.
        let held = u128::from(total) * u128::from(scale) + u128::from(media_scale);
        if held < u128::from(announced) * u128::from(media_scale) {
            return Err(corrupt(
                "the file ends before the end its 'mehd' box announces (it was cut off)",
            ));
        }
    }
    let start = track.edits.map_or(0, |e| e.start);
    let played = samples_to_duration(total.saturating_sub(start), media_scale).ok_or_else(zero)?;
    let edited = match (track.edits, movie_scale) {
        (Some(e), Some(scale)) if e.duration > 0 => samples_to_duration(e.duration, scale),
        _ => None,
    };
    Ok(edited.map_or(played, |e| e.min(played)))
}
