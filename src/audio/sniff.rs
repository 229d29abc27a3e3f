//! What a file is from its first bytes (magic numbers), to tell a volunteer
//! "this file is not what its extension says".

use super::bytes::has;
use super::{Container, Sniffed};

/// Other formats known by their first bytes alone, and how a message
/// names each.
const MAGICS: [(&[u8], &str); 13] = [
    (b"fLaC", "a FLAC file"),
    (b"#!AMR", "an AMR recording"),
    (b"caff", "a Core Audio file"),
    (b".snd", "a Sun audio file"),
    (b"MAC ", "a Monkey's Audio file"),
    (b"wvpk", "a WavPack file"),
    (b"\x89PNG", "a PNG image"),
    (&[0xFF, 0xD8, 0xFF], "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF"),
    (b"PK\x03\x04", "a ZIP archive"),
    (&[0x1F, 0x8B], "a gzip archive"),
    (b"7z\xBC\xAF", "a 7-Zip archive"),
];

/// What the bytes really are, from their first bytes. A file whose first
/// bytes match no known format is [`Sniffed::Unknown`].
pub fn sniff(bytes: &[u8]) -> Sniffed {
    let b = bytes;
    if has(b, 0, b"OggS") {
        return sniff_ogg(b);
    }
    if has(b, 0, b"RIFF") || has(b, 0, b"RIFX") || has(b, 0, b"RF64") {
        return sniff_riff(b);
    }
    if has(b, 4, b"ftyp") {
        return sniff_ftyp(b);
    }
    if has(b, 0, &[0x1A, 0x45, 0xDF, 0xA3]) {
        return sniff_ebml(b);
    }
    if has(b, 0, b"ID3") {
        return Sniffed::Audio(Container::Mp3);
    }
    if has(b, 0, b"FORM") && (has(b, 8, b"AIFF") || has(b, 8, b"AIFC")) {
        return Sniffed::Other("an AIFF file");
    }
    if let Some(&(_, what)) = MAGICS.iter().find(|(magic, _)| has(b, 0, magic)) {
        return Sniffed::Other(what);
    }
    sniff_mpeg(b).unwrap_or_else(|| sniff_text(b))
}

/// A RIFF file: WAV (little-endian, 32-bit) is the one kyr takes.
fn sniff_riff(b: &[u8]) -> Sniffed {
    if has(b, 8, b"WAVE") {
        if has(b, 0, b"RIFF") {
            Sniffed::Audio(Container::Wav)
        } else {
            Sniffed::Other("a big-endian or 64-bit WAV file")
        }
    } else if has(b, 8, b"AVI ") {
        Sniffed::Other("an AVI video")
    } else if has(b, 8, b"WEBP") {
        Sniffed::Other("a WebP image")
    } else {
        Sniffed::Other("a RIFF file")
    }
}

/// An EBML file: WebM or another Matroska file.
fn sniff_ebml(b: &[u8]) -> Sniffed {
    // The EBML header's DocType is within its first few dozen bytes.
    let head = b.get(..64.min(b.len())).unwrap_or_default();
    if head.windows(4).any(|w| w == b"webm") {
        Sniffed::Other("a WebM file")
    } else {
        Sniffed::Other("a Matroska file")
    }
}

/// A stream starting with an MPEG audio sync word: raw AAC (ADTS), an MP3
/// frame, or MPEG audio of another layer.
fn sniff_mpeg(b: &[u8]) -> Option<Sniffed> {
    let [0xFF, b1, b2, ..] = *b else {
        return None;
    };
    if b1 & 0xF6 == 0xF0 {
        return Some(Sniffed::Other("a raw AAC (ADTS) file"));
    }
    if super::mp3::FrameHeader::parse([0xFF, b1, b2, 0]).is_some() {
        return Some(Sniffed::Audio(Container::Mp3));
    }
    if b1 & 0xE0 == 0xE0 && (b1 >> 1) & 3 != 0 {
        return Some(Sniffed::Other("an MPEG audio file of another layer"));
    }
    None
}

/// An Ogg file, by its first packet's magic.
fn sniff_ogg(b: &[u8]) -> Sniffed {
    // The first page's packet starts after the 27-byte header and the
    // segment table.
    let segments = b.get(26).copied().map_or(0, usize::from);
    let at = 27 + segments;
    if has(b, at, b"OpusHead") {
        Sniffed::Audio(Container::OggOpus)
    } else if has(b, at, b"\x01vorbis") {
        Sniffed::Other("an Ogg Vorbis file")
    } else if has(b, at, b"\x7fFLAC") {
        Sniffed::Other("an Ogg FLAC file")
    } else if has(b, at, b"Speex   ") {
        Sniffed::Other("an Ogg Speex file")
    } else if has(b, at, b"\x80theora") {
        Sniffed::Other("an Ogg Theora video")
    } else if b.len() < at {
        // Too short to see the codec: it says Ogg, and the Ogg reader will
        // say what is wrong.
        Sniffed::Audio(Container::OggOpus)
    } else {
        Sniffed::Other("an Ogg file of another codec")
    }
}

/// An ISO base media file (MP4, M4A, 3GP, HEIF...), by its brands.
fn sniff_ftyp(b: &[u8]) -> Sniffed {
    let brand = |at: usize| b.get(at..at + 4);
    match brand(8) {
        Some(b"heic" | b"heix" | b"mif1" | b"msf1" | b"heim" | b"heis") => {
            Sniffed::Other("a HEIF image")
        }
        Some(b"avif" | b"avis") => Sniffed::Other("an AVIF image"),
        Some(b"qt  ") => Sniffed::Other("a QuickTime movie"),
        Some(b"M4V " | b"M4VH" | b"M4VP") => Sniffed::Other("an MP4 video"),
        Some(b"crx ") => Sniffed::Other("a camera raw image"),
        Some(x) if x.starts_with(b"3g") => Sniffed::Other("a 3GP recording"),
        Some(_) => Sniffed::Audio(Container::M4a),
        None => Sniffed::Unknown,
    }
}

/// Text (HTML, or any UTF-8 without control characters), else unknown.
fn sniff_text(b: &[u8]) -> Sniffed {
    let head = b.get(..512.min(b.len())).unwrap_or_default();
    let trimmed = head.trim_ascii_start();
    let lower: Vec<u8> = trimmed
        .iter()
        .take(15)
        .map(u8::to_ascii_lowercase)
        .collect();
    if lower.starts_with(b"<!doctype html") || lower.starts_with(b"<html") {
        return Sniffed::Other("an HTML page");
    }
    if lower.starts_with(b"<?xml") || lower.starts_with(b"<svg") {
        return Sniffed::Other("an XML file");
    }
    // A cut in the middle of a UTF-8 sequence at the end of `head` is fine.
    let valid = match std::str::from_utf8(head) {
        Ok(_) => true,
        Err(e) => e.error_len().is_none() && e.valid_up_to() + 4 > head.len(),
    };
    let no_controls = head
        .iter()
        .all(|&c| c >= 0x20 || matches!(c, b'\t' | b'\n' | b'\r' | 0x0C));
    if valid && no_controls {
        Sniffed::Other("text")
    } else {
        Sniffed::Unknown
    }
}
