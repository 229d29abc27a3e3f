//! What a file is from its first bytes (magic numbers), to tell a volunteer
//! "this file is not what its extension says".

use super::bytes::has;
use super::{Container, Sniffed};

/// What the bytes really are, from their first bytes. A file whose first
/// bytes match no known format is [`Sniffed::Unknown`].
pub fn sniff(bytes: &[u8]) -> Sniffed {
    let b = bytes;
    if has(b, 0, b"OggS") {
        return sniff_ogg(b);
    }
    if has(b, 0, b"RIFF") || has(b, 0, b"RIFX") || has(b, 0, b"RF64") {
        return if has(b, 8, b"WAVE") {
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
        };
    }
    if has(b, 4, b"ftyp") {
        return sniff_ftyp(b);
    }
    if has(b, 0, &[0x1A, 0x45, 0xDF, 0xA3]) {
        // The EBML header's DocType is within its first few dozen bytes.
        let head = b.get(..64.min(b.len())).unwrap_or_default();
        return if head.windows(4).any(|w| w == b"webm") {
            Sniffed::Other("a WebM file")
        } else {
            Sniffed::Other("a Matroska file")
        };
    }
    if has(b, 0, b"ID3") {
        return Sniffed::Audio(Container::Mp3);
    }
    if has(b, 0, b"fLaC") {
        return Sniffed::Other("a FLAC file");
    }
    if has(b, 0, b"#!AMR") {
        return Sniffed::Other("an AMR recording");
    }
    if has(b, 0, b"caff") {
        return Sniffed::Other("a Core Audio file");
    }
    if has(b, 0, b"FORM") && (has(b, 8, b"AIFF") || has(b, 8, b"AIFC")) {
        return Sniffed::Other("an AIFF file");
    }
    if has(b, 0, b".snd") {
        return Sniffed::Other("a Sun audio file");
    }
    if has(b, 0, b"MAC ") {
        return Sniffed::Other("a Monkey's Audio file");
    }
    if has(b, 0, b"wvpk") {
        return Sniffed::Other("a WavPack file");
    }
    if has(b, 0, b"\x89PNG") {
        return Sniffed::Other("a PNG image");
    }
    if has(b, 0, &[0xFF, 0xD8, 0xFF]) {
        return Sniffed::Other("a JPEG image");
    }
    if has(b, 0, b"GIF8") {
        return Sniffed::Other("a GIF image");
    }
    if has(b, 0, b"%PDF") {
        return Sniffed::Other("a PDF");
    }
    if has(b, 0, b"PK\x03\x04") {
        return Sniffed::Other("a ZIP archive");
    }
    if has(b, 0, &[0x1F, 0x8B]) {
        return Sniffed::Other("a gzip archive");
    }
    if has(b, 0, b"7z\xBC\xAF") {
        return Sniffed::Other("a 7-Zip archive");
    }
    if let [0xFF, b1, b2, ..] = *b {
        if b1 & 0xF6 == 0xF0 {
            return Sniffed::Other("a raw AAC (ADTS) file");
        }
        if super::mp3::FrameHeader::parse([0xFF, b1, b2, 0]).is_some() {
            return Sniffed::Audio(Container::Mp3);
        }
        if b1 & 0xE0 == 0xE0 && (b1 >> 1) & 3 != 0 {
            return Sniffed::Other("an MPEG audio file of another layer");
        }
    }
    sniff_text(b)
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
