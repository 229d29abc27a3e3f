//! Tests of the audio module against the fixtures in
//! `tests/fixtures/audio` (see the README there for how they were made).

use std::time::Duration;

use super::*;

/// A fixture's bytes.
fn fixture(name: &str) -> Vec<u8> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/audio/");
    std::fs::read(format!("{dir}{name}")).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// Asserts a duration within 50 ms of `secs`.
fn assert_near(d: Duration, secs: f64, what: &str) {
    let diff = (d.as_secs_f64() - secs).abs();
    assert!(diff <= 0.050, "{what}: {d:?}, expected {secs} s");
}

fn check(name: &str, container: Container, codec: &str, secs: f64, rate: u32) -> Recording {
    let r = probe(&fixture(name), container).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert_eq!(r.container, container, "{name}");
    assert_eq!(r.codec, codec, "{name}");
    assert_near(r.duration, secs, name);
    assert_eq!(r.sample_rate, rate, "{name}");
    assert_eq!(r.channels, 1, "{name}");
    r
}

#[test]
fn tones() {
    for (name, container, codec, secs, rate) in [
        ("tone.ogg", Container::OggOpus, "opus", 1.5, 48_000),
        ("tone.m4a", Container::M4a, "aac", 1.5, 48_000),
        ("tone.mp3", Container::Mp3, "mp3", 1.5, 16_000),
        ("tone.wav", Container::Wav, "pcm", 1.0, 16_000),
    ] {
        let r = check(name, container, codec, secs, rate);
        let peak = r.peak.unwrap_or_else(|| panic!("{name}: no peak"));
        // The tones are sines at half of full scale (AAC at 32 kbit/s overshoots
        // to about 0.71 at the onset, as ffmpeg decodes it too).
        assert!((0.4..=0.8).contains(&peak), "{name}: peak {peak}");
        assert!(!r.is_silent(), "{name}");
    }
}

#[test]
fn exact_durations() {
    // Where the container records the exact length, it is read exactly.
    let ogg = probe(&fixture("tone.ogg"), Container::OggOpus).unwrap();
    assert_eq!(ogg.duration, Duration::from_millis(1500));
    let wav = probe(&fixture("tone.wav"), Container::Wav).unwrap();
    assert_eq!(wav.duration, Duration::from_secs(1));
    let mp3 = probe(&fixture("tone.mp3"), Container::Mp3).unwrap();
    assert_eq!(mp3.duration, Duration::from_millis(1500));
    let m4a = probe(&fixture("tone.m4a"), Container::M4a).unwrap();
    assert_eq!(m4a.duration, Duration::from_millis(1500));
}

#[test]
fn silence() {
    let ogg = check("silence.ogg", Container::OggOpus, "opus", 1.5, 48_000);
    assert!(ogg.is_silent(), "{:?}", ogg.peak);
    let wav = check("silence.wav", Container::Wav, "pcm", 0.5, 16_000);
    assert!(wav.is_silent(), "{:?}", wav.peak);
    assert_eq!(wav.peak, Some(0.0));
    let unknown = Recording { peak: None, ..wav };
    assert!(!unknown.is_silent());
}

#[test]
fn corrupt_ogg() {
    let e = probe(&fixture("corrupt.ogg"), Container::OggOpus).unwrap_err();
    assert!(
        matches!(&e, Problem::Corrupt(m) if m.contains("cut off")),
        "{e:?}"
    );
    // One damaged byte in the middle of an audio page fails its checksum.
    let mut b = fixture("tone.ogg");
    let mid = b.len() / 2;
    b[mid] ^= 0x40;
    let e = probe(&b, Container::OggOpus).unwrap_err();
    assert!(
        matches!(&e, Problem::Corrupt(m) if m.contains("checksum")),
        "{e:?}"
    );
}

#[test]
fn renamed_and_empty() {
    let e = probe(&fixture("renamed.ogg"), Container::OggOpus).unwrap_err();
    assert_eq!(
        e,
        Problem::WrongType {
            expected: Container::OggOpus,
            found: Sniffed::Audio(Container::Mp3)
        }
    );
    assert_eq!(
        e.to_string(),
        "the file is an MP3 file, not an Ogg Opus file"
    );
    assert_eq!(
        probe(&fixture("empty.wav"), Container::Wav),
        Err(Problem::Empty)
    );
    assert_eq!(webm_to_ogg(&[]), Err(Problem::Empty));
}

#[test]
fn sniffing() {
    assert_eq!(
        sniff(&fixture("tone.ogg")),
        Sniffed::Audio(Container::OggOpus)
    );
    assert_eq!(sniff(&fixture("tone.m4a")), Sniffed::Audio(Container::M4a));
    assert_eq!(sniff(&fixture("tone.mp3")), Sniffed::Audio(Container::Mp3));
    assert_eq!(sniff(&fixture("tone.wav")), Sniffed::Audio(Container::Wav));
    assert_eq!(sniff(&fixture("tone.webm")), Sniffed::Other("a WebM file"));
    assert_eq!(sniff(b"\x89PNG\r\n\x1a\n"), Sniffed::Other("a PNG image"));
    assert_eq!(sniff(b"%PDF-1.7"), Sniffed::Other("a PDF"));
    assert_eq!(sniff(b"hello, world\n"), Sniffed::Other("text"));
    assert_eq!(sniff(b"fLaC\0\0\0\x22"), Sniffed::Other("a FLAC file"));
    assert_eq!(sniff(&[0, 1, 2, 3]), Sniffed::Unknown);
    let e = probe(&fixture("tone.webm"), Container::OggOpus).unwrap_err();
    assert!(matches!(
        e,
        Problem::WrongType {
            found: Sniffed::Other("a WebM file"),
            ..
        }
    ));
}

#[test]
fn extensions() {
    assert_eq!(Container::from_extension("OPUS"), Some(Container::OggOpus));
    assert_eq!(Container::from_extension("ogg"), Some(Container::OggOpus));
    assert_eq!(Container::from_extension("M4A"), Some(Container::M4a));
    assert_eq!(Container::from_extension("mp3"), Some(Container::Mp3));
    assert_eq!(Container::from_extension("Wav"), Some(Container::Wav));
    assert_eq!(Container::from_extension("aac"), None);
    assert_eq!(Container::from_extension("webm"), None);
    for ext in Container::extensions() {
        let c = Container::from_extension(ext).unwrap();
        assert!(c.mime().starts_with("audio/"));
        assert!(!c.name().is_empty());
    }
}

#[test]
fn webm_round_trip() {
    let ogg = webm_to_ogg(&fixture("tone.webm")).unwrap();
    // The first page is a beginning-of-stream page holding only OpusHead.
    assert_eq!(&ogg[..4], b"OggS");
    assert_eq!(ogg[5], 2);
    assert_eq!(ogg[26], 1);
    assert_eq!(&ogg[28..36], b"OpusHead");
    let r = probe(&ogg, Container::OggOpus).unwrap();
    assert_near(r.duration, 1.5, "remuxed webm");
    let original = probe(&fixture("tone.ogg"), Container::OggOpus).unwrap();
    let diff = r.duration.abs_diff(original.duration);
    assert!(diff <= Duration::from_millis(50), "{diff:?}");
    assert!(!r.is_silent());
    // Deterministic.
    assert_eq!(webm_to_ogg(&fixture("tone.webm")).unwrap(), ogg);
    // Cut off.
    let webm = fixture("tone.webm");
    assert!(matches!(
        webm_to_ogg(&webm[..webm.len() - 100]),
        Err(Problem::Corrupt(_))
    ));
    assert!(webm_to_ogg(&fixture("tone.ogg")).is_err());
}

/// A small deterministic generator for hostile bytes.
fn xorshift(state: &mut u64) -> u64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    *state
}

const ALL: [Container; 4] = [
    Container::OggOpus,
    Container::M4a,
    Container::Mp3,
    Container::Wav,
];

/// Every reader on these bytes, which must not panic.
fn everything(b: &[u8]) {
    let _ = sniff(b);
    for c in ALL {
        let _ = probe(b, c);
    }
    let _ = webm_to_ogg(b);
}

#[test]
fn hostile_random_bytes() {
    let mut s = 0x9E37_79B9_7F4A_7C15;
    for len in [1, 3, 4, 27, 100, 1000, 5000] {
        for _ in 0..20 {
            let b: Vec<u8> = (0..len).map(|_| xorshift(&mut s) as u8).collect();
            everything(&b);
            // Random bytes behind each format's magic.
            for magic in [
                &b"OggS\0\x02"[..],
                b"RIFF\x24\0\0\0WAVEfmt ",
                b"\0\0\0\x20ftypM4A ",
                b"ID3\x04\0\0\0\0\0\x10",
                b"\xFF\xFB\x90\x64",
                b"\x1A\x45\xDF\xA3",
            ] {
                let mut m = magic.to_vec();
                m.extend_from_slice(&b);
                everything(&m);
            }
        }
    }
}

const FIXTURES: [&str; 14] = [
    "tone.ogg",
    "tone.m4a",
    "tone.mp3",
    "tone.wav",
    "tone.webm",
    "silence.ogg",
    "silence.wav",
    "corrupt.ogg",
    "renamed.ogg",
    "fragmented.m4a",
    "fragmented-dash.m4a",
    "fragmented-hybrid.m4a",
    "tone-crc.mp3",
    "chained.ogg",
];

#[test]
fn hostile_flipped_fixtures() {
    let mut s = 0x2545_F491_4F6C_DD1D;
    for name in FIXTURES {
        let original = fixture(name);
        for _ in 0..40 {
            let mut b = original.clone();
            let at = (xorshift(&mut s) as usize) % b.len();
            b[at] ^= 1 << (xorshift(&mut s) % 8);
            everything(&b);
        }
        // Flips in the first bytes, where the headers are.
        for at in 0..original.len().min(200) {
            let mut b = original.clone();
            b[at] ^= 0xFF;
            everything(&b);
        }
    }
    let remuxed = webm_to_ogg(&fixture("tone.webm")).unwrap();
    for at in (0..remuxed.len()).step_by(13) {
        let mut b = remuxed.clone();
        b[at] = b[at].wrapping_add(1);
        everything(&b);
    }
}

#[test]
fn hostile_truncations() {
    for name in FIXTURES {
        let b = fixture(name);
        for end in (0..b.len()).step_by(97) {
            everything(&b[..end]);
        }
    }
    // A cut anywhere inside tone.ogg is Corrupt; so is one inside tone.wav's
    // data, tone.m4a and tone.mp3 (which has a header with its length).
    for (name, c) in [
        ("tone.ogg", Container::OggOpus),
        ("tone.wav", Container::Wav),
        ("tone.m4a", Container::M4a),
        ("tone.mp3", Container::Mp3),
        ("fragmented.m4a", Container::M4a),
        ("fragmented-dash.m4a", Container::M4a),
        ("fragmented-hybrid.m4a", Container::M4a),
        ("tone-crc.mp3", Container::Mp3),
        ("chained.ogg", Container::OggOpus),
    ] {
        let b = fixture(name);
        for end in (1..b.len()).step_by(97) {
            match probe(&b[..end], c) {
                Err(Problem::Corrupt(_) | Problem::WrongType { .. }) => {}
                other => panic!("{name} cut at {end}: {other:?}"),
            }
        }
    }
}

/// `tone.m4a` with the byte at `at` set to `value`.
fn m4a_with(at: usize, value: u8) -> Vec<u8> {
    let mut b = fixture("tone.m4a");
    b[at] = value;
    b
}

#[test]
fn an_esds_without_its_es_descriptor_is_not_handed_to_symphonia() {
    // Byte 497 is the ES descriptor's tag (3) in the `esds` box; Symphonia
    // 0.5.5 unwraps a missing descriptor (esds.rs:79).
    let before = decode::CAUGHT_PANICS.load(std::sync::atomic::Ordering::Relaxed);
    // It is refused as damaged: a recording that is accepted plays.
    match probe(&m4a_with(497, 0), Container::M4a) {
        Err(Problem::Corrupt(why)) => assert!(why.contains("would not play"), "{why}"),
        other => panic!("{other:?}"),
    }
    let after = decode::CAUGHT_PANICS.load(std::sync::atomic::Ordering::Relaxed);
    assert_eq!(before, after, "a decoder panicked");
}

#[test]
fn a_damaged_metadata_box_is_hidden_from_symphonia() {
    // Byte 1053 ends the size of the `data` box of the `ilst` tag `©too`;
    // a size of 0 made Symphonia ask for a buffer of nearly 2^64 bytes.
    let before = decode::CAUGHT_PANICS.load(std::sync::atomic::Ordering::Relaxed);
    let r = probe(&m4a_with(1053, 0), Container::M4a).unwrap();
    assert_eq!(r.duration, Duration::from_millis(1500));
    assert!(r.peak.is_some_and(|p| p > 0.4), "{:?}", r.peak);
    let after = decode::CAUGHT_PANICS.load(std::sync::atomic::Ordering::Relaxed);
    assert_eq!(before, after, "a decoder panicked");
}

#[test]
fn hostile_single_bytes_reach_no_decoder_panic() {
    // Every header byte of the files Symphonia decodes, set to values that
    // break sizes, counts and tags: the readers' checks must stop what
    // Symphonia cannot take before it is called.
    for (name, c, header) in [
        ("tone.m4a", Container::M4a, 1100),
        ("tone.mp3", Container::Mp3, 600),
        ("tone.wav", Container::Wav, 100),
        // The `moov` and `moof` boxes, and the first `sidx`, `moof` and
        // `mdat` header of the DASH file.
        ("fragmented.m4a", Container::M4a, 1400),
        ("fragmented-dash.m4a", Container::M4a, 1020),
        ("tone-crc.mp3", Container::Mp3, 300),
    ] {
        let original = fixture(name);
        for at in 0..header.min(original.len()) {
            for value in [0, 1, 0x7F, 0x80, 0xFF, original[at] ^ 0xFF] {
                let mut b = original.clone();
                b[at] = value;
                let _ = probe(&b, c);
            }
        }
    }
    let caught = decode::CAUGHT_PANICS.load(std::sync::atomic::Ordering::Relaxed);
    assert_eq!(caught, 0, "decoders panicked {caught} times");
}

#[test]
fn webm_with_unknown_sizes_remuxes_as_with_known_ones() {
    // MediaRecorder writes the Segment and each Cluster with an unknown
    // size (all value bits set), as it cannot go back to fill them in.
    let known = fixture("tone.webm");
    let mut unknown = known.clone();
    // The Segment's 8-byte size at 40, the first Cluster's 2-byte size
    // at 505.
    assert_eq!(&known[36..40], &[0x18, 0x53, 0x80, 0x67]);
    assert_eq!(&known[501..505], &[0x1F, 0x43, 0xB6, 0x75]);
    unknown[40..48].copy_from_slice(&[0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]);
    unknown[505..507].copy_from_slice(&[0x7F, 0xFF]);
    // The same pages but for the serial number, taken from the input's
    // first bytes, and so the checksums.
    let (a, b) = (webm_to_ogg(&unknown).unwrap(), webm_to_ogg(&known).unwrap());
    assert_eq!(a.len(), b.len());
    let differ = a.iter().zip(&b).filter(|(x, y)| x != y).count();
    let pages = b.windows(4).filter(|w| w == b"OggS").count();
    assert!(
        differ <= pages * 8,
        "{differ} bytes differ in {pages} pages"
    );
    assert_eq!(probe(&a, Container::OggOpus), probe(&b, Container::OggOpus));
}

#[test]
fn a_silent_surround_opus_file_is_silent_and_a_loud_one_is_not() {
    let silent = probe(&fixture("silence51.ogg"), Container::OggOpus).unwrap();
    assert_eq!(silent.channels, 6);
    assert!(silent.is_silent(), "{:?}", silent.peak);
    let loud = probe(&fixture("tone51.ogg"), Container::OggOpus).unwrap();
    assert_eq!(loud.channels, 6);
    assert!(loud.peak.is_some_and(|p| p > 0.4), "{:?}", loud.peak);
    assert_near(loud.duration, 1.0, "tone51.ogg");
}

#[test]
fn an_ogg_opus_file_whose_packets_do_not_decode_is_refused() {
    // Pages and headers as they should be; each audio packet says two
    // frames of 20 ms (code 2) whose first is longer than the packet.
    let mut writer = ogg::Writer::new(7);
    writer.packet(&opus::OpusHead::build(1, 312, 48_000), 0);
    writer.flush(0);
    writer.packet(&opus::tags("test"), 0);
    writer.flush(0);
    let impossible = [0xFA, 0xFB, 1, 2, 3];
    for n in 1..=50u64 {
        writer.packet(&impossible, 312 + n * 1920);
    }
    let file = writer.finish();
    match probe(&file, Container::OggOpus) {
        Err(Problem::Corrupt(why)) => {
            assert!(why.contains("packet 1 does not decode"), "{why}");
            assert!(why.contains("would not play"), "{why}");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_wav_with_no_samples_or_an_impossible_rate_is_refused() {
    let wav = fixture("tone.wav");
    let data = wav.windows(4).position(|w| w == b"data").unwrap();
    // The data chunk emptied.
    let mut empty = wav[..data + 8].to_vec();
    empty[data + 4..data + 8].copy_from_slice(&0u32.to_le_bytes());
    let riff = u32::try_from(empty.len() - 8).unwrap();
    empty[4..8].copy_from_slice(&riff.to_le_bytes());
    assert!(
        matches!(probe(&empty, Container::Wav), Err(Problem::Corrupt(_))),
        "{:?}",
        probe(&empty, Container::Wav)
    );
    // A rate of 0xFFFFFFFF samples a second.
    let fmt = wav.windows(4).position(|w| w == b"fmt ").unwrap();
    let mut fast = wav.clone();
    fast[fmt + 12..fmt + 16].copy_from_slice(&u32::MAX.to_le_bytes());
    match probe(&fast, Container::Wav) {
        Err(Problem::Corrupt(why)) => assert!(why.contains("samples a second"), "{why}"),
        other => panic!("{other:?}"),
    }
}

/// Asserts a duration within 2 ms of `secs`, the figure another tool
/// reads.
fn assert_close(d: Duration, secs: f64, what: &str) {
    let diff = (d.as_secs_f64() - secs).abs();
    assert!(diff <= 0.002, "{what}: {d:?}, expected {secs} s");
}

#[test]
fn a_fragmented_mp4_is_as_long_as_its_fragments() {
    // `ffprobe -v error -show_entries format=duration` (FFmpeg 5.1) reads
    // 1.521333 s in the three: 73 024 samples at 48 kHz, the encoder's
    // 1024 priming samples included. kyr read 0 ms, 0 ms and 512 ms (the
    // samples listed in the `moov` box only).
    for name in ["fragmented.m4a", "fragmented-hybrid.m4a"] {
        // No edit list: the priming samples are played.
        let r = check(name, Container::M4a, "aac", 1.521_333, 48_000);
        assert_close(r.duration, 1.521_333, name);
        let peak = r.peak.unwrap_or_else(|| panic!("{name}: no peak"));
        assert!((0.4..=0.8).contains(&peak), "{name}: peak {peak}");
    }
    // The DASH file's edit list starts at 1024: ffprobe gives its start
    // time as -0.021333 s, so it plays 1.521333 - 0.021333 = 1.500 s, as
    // `tone.m4a` does.
    let r = check("fragmented-dash.m4a", Container::M4a, "aac", 1.5, 48_000);
    assert_eq!(r.duration, Duration::from_millis(1500));
    assert_close(r.duration, 1.521_333 - 0.021_333, "fragmented-dash.m4a");
    assert!(r.peak.is_some_and(|p| p > 0.4), "{:?}", r.peak);
}

/// `bytes` with `insert` put at `at`, and the 32-bit sizes of the boxes
/// that start at `parents` grown to hold it.
fn with_box(bytes: &[u8], parents: &[usize], at: usize, insert: &[u8]) -> Vec<u8> {
    let mut b = bytes.to_vec();
    for &p in parents {
        let size = u32::from_be_bytes(b[p..p + 4].try_into().unwrap());
        b[p..p + 4].copy_from_slice(&(size + insert.len() as u32).to_be_bytes());
    }
    b.splice(at..at, insert.iter().copied());
    b
}

#[test]
fn a_fragmented_mp4_that_lost_its_last_fragments_is_cut_off() {
    let dash = fixture("fragmented-dash.m4a");
    // Its last fragment: a `sidx` at 5396, the `moof` at 5448, the `mdat`
    // at 5740. Cut before the `mdat`, the runs' bytes are missing.
    assert_eq!(&dash[5452..5456], b"moof");
    assert_eq!(&dash[5744..5748], b"mdat");
    let e = probe(&dash[..5740], Container::M4a).unwrap_err();
    assert!(
        matches!(&e, Problem::Corrupt(m) if m.contains("cut off")),
        "{e:?}"
    );
    // Cut before the fragment, the file is whole as far as its boxes go:
    // only a `mehd` box, which this file has not, tells.
    let two = probe(&dash[..5396], Container::M4a).unwrap();
    assert_close(
        two.duration,
        (49_152.0 - 1024.0) / 48_000.0,
        "two fragments",
    );
    // The same file with a `mehd` box of 1521 ms (the movie timescale is
    // 1000) in its `mvex`, at 627 in the `moov` at 28; the fragments count
    // their data from their `moof`, so the boxes after may move.
    assert_eq!(&dash[631..635], b"mvex");
    let mehd = [
        0, 0, 0, 16, b'm', b'e', b'h', b'd', 0, 0, 0, 0, 0, 0, 0x05, 0xF1,
    ];
    let announced = with_box(&dash, &[28, 627], 635, &mehd);
    let whole = probe(&announced, Container::M4a).unwrap();
    assert_eq!(whole.duration, Duration::from_millis(1500));
    assert!(whole.peak.is_some_and(|p| p > 0.4), "{:?}", whole.peak);
    let e = probe(&announced[..5396 + 16], Container::M4a).unwrap_err();
    assert!(
        matches!(&e, Problem::Corrupt(m) if m.contains("'mehd'")),
        "{e:?}"
    );
    // Cut after its empty `moov`, a fragmented file has no samples left.
    let fragmented = fixture("fragmented.m4a");
    assert_eq!(&fragmented[717..721], b"moof");
    let e = probe(&fragmented[..713], Container::M4a).unwrap_err();
    assert!(
        matches!(&e, Problem::Corrupt(m) if m.contains("cut off")),
        "{e:?}"
    );
}

#[test]
fn an_mp3_with_crcs_is_as_long_as_its_info_header_says() {
    // `lame -p` writes the Info header where it is without a CRC, over the
    // side information: kyr looked two bytes further, found no header and
    // counted its frame as audio, 45 frames, 1620 ms.
    let r = check("tone-crc.mp3", Container::Mp3, "mp3", 1.5, 16_000);
    // ffprobe reads 1.584000 s, as for `tone.mp3`: the 44 frames of the
    // header, without taking off LAME's delay and padding (576 + 768
    // samples, 84 ms); kyr takes them off, as for `tone.mp3`.
    assert_close(r.duration, 1.584 - 0.084, "tone-crc.mp3");
    assert_eq!(r.duration, Duration::from_millis(1500));
    let plain = probe(&fixture("tone.mp3"), Container::Mp3).unwrap();
    assert_eq!(r.duration, plain.duration);
    assert!(
        r.peak.is_some_and(|p| (0.4..=0.8).contains(&p)),
        "{:?}",
        r.peak
    );
}

#[test]
fn a_chained_ogg_is_refused_rather_than_cut_to_its_first_stream() {
    // Two streams, 1.500 s and 1.000 s as `opusinfo` reads them; kyr read
    // 1.500 s, and `ffprobe` 1.006500 s (the second stream's last
    // position), while FFmpeg decodes 2.500 s.
    let chained = fixture("chained.ogg");
    let e = probe(&chained, Container::OggOpus).unwrap_err();
    assert!(
        matches!(&e, Problem::Corrupt(m) if m.contains("chained file")
            && m.contains("export it again as one recording")),
        "{e:?}"
    );
    // Each stream alone is read: the first ends at byte 7480.
    let first = probe(&chained[..7480], Container::OggOpus).unwrap();
    assert_eq!(first.duration, Duration::from_millis(1500));
    let second = probe(&chained[7480..], Container::OggOpus).unwrap();
    assert_eq!(second.duration, Duration::from_millis(1000));
}

#[test]
fn an_m4a_that_says_a_sample_is_larger_than_the_file_is_refused_before_decoding() {
    // Found by the `containers` fuzz target: a constant sample size of
    // about 2 GB made Symphonia allocate a buffer of that size.
    match probe(&fixture("huge-sample.m4a"), Container::M4a) {
        Err(Problem::Corrupt(why)) => assert!(why.contains("more than the whole file"), "{why}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn an_m4a_whose_descriptors_are_too_short_for_symphonia_is_refused_without_a_panic() {
    // Found by the `containers` fuzz target: an ES descriptor shorter than
    // Symphonia 0.5.5 assumes made it subtract past zero (a panic the
    // guard caught).
    let before = decode::CAUGHT_PANICS.load(std::sync::atomic::Ordering::Relaxed);
    assert!(matches!(
        probe(&fixture("short-descriptor.m4a"), Container::M4a),
        Err(Problem::Corrupt(_))
    ));
    let after = decode::CAUGHT_PANICS.load(std::sync::atomic::Ordering::Relaxed);
    assert_eq!(before, after, "a decoder panicked");
}

#[test]
fn an_m4a_whose_media_timescale_is_zero_is_refused_without_a_panic() {
    // Found by the `containers` fuzz target: the edit list gave the
    // duration, so the media timescale of 0 went unchecked to Symphonia,
    // which panics on it.
    let before = decode::CAUGHT_PANICS.load(std::sync::atomic::Ordering::Relaxed);
    match probe(&fixture("zero-timescale.m4a"), Container::M4a) {
        Err(Problem::Corrupt(why)) => assert!(why.contains("timescale is zero"), "{why}"),
        other => panic!("{other:?}"),
    }
    let after = decode::CAUGHT_PANICS.load(std::sync::atomic::Ordering::Relaxed);
    assert_eq!(before, after, "a decoder panicked");
}
