//! Text files as people save them: UTF-8 (with or without a BOM) is read
//! whole; anything else is refused with where and why, in words a person
//! can act on. The loader and every command that edits a file use this
//! one reading, so a file `check` cannot read is a file no command
//! rewrites.

use crate::base::diag::{Diagnostic, FileId, Span};

/// The byte-order mark some editors put at the start of UTF-8 files.
pub(crate) const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Why a file's bytes are not UTF-8 text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NotUtf8 {
    /// It starts with a UTF-16 byte-order mark (Windows Notepad's
    /// "Unicode"), little- or big-endian.
    Utf16 {
        /// The mark says big-endian.
        big_endian: bool,
    },
    /// The first byte that is not UTF-8, and where it is.
    Byte {
        /// Its offset in the file.
        offset: usize,
        /// The byte.
        byte: u8,
    },
}

/// A file's bytes as text: UTF-8, the BOM kept (callers drop it where
/// they read, and keep it where they write back).
pub(crate) fn decode(bytes: Vec<u8>) -> Result<String, (NotUtf8, Vec<u8>)> {
    if let Some(big_endian) = utf16_mark(&bytes) {
        return Err((NotUtf8::Utf16 { big_endian }, bytes));
    }
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let bytes = e.into_bytes();
        (
            NotUtf8::Byte {
                offset,
                byte: bytes[offset],
            },
            bytes,
        )
    })
}

/// Whether `bytes` start with a UTF-16 byte-order mark, and which.
fn utf16_mark(bytes: &[u8]) -> Option<bool> {
    match bytes {
        [0xFF, 0xFE, ..] => Some(false),
        [0xFE, 0xFF, ..] => Some(true),
        _ => None,
    }
}

/// What a file that is not UTF-8 is shown as, for a diagnostic's
/// excerpt: the readable part of it, each bad byte as U+FFFD.
pub(crate) fn shown(bytes: &[u8], why: NotUtf8) -> String {
    match why {
        NotUtf8::Utf16 { big_endian } => {
            let units = bytes[2..].chunks_exact(2).map(|pair| {
                let pair = [pair[0], pair[1]];
                if big_endian {
                    u16::from_be_bytes(pair)
                } else {
                    u16::from_le_bytes(pair)
                }
            });
            char::decode_utf16(units)
                .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
                .collect()
        }
        NotUtf8::Byte { .. } => String::from_utf8_lossy(bytes).into_owned(),
    }
}

impl NotUtf8 {
    /// The error, located in `file` (its text as [`shown`] gives it).
    pub(crate) fn diagnostic(self, file: FileId) -> Diagnostic {
        match self {
            NotUtf8::Utf16 { .. } => Diagnostic::error(
                "this file is saved as UTF-16 (what Windows Notepad calls \"Unicode\"), which kyr does not read",
            )
            .code("encoding")
            .at(Span::new(file, 0..0))
            .hint("save it again as UTF-8 (in Notepad: File, Save as, Encoding: UTF-8); kyr has not changed it"),
            NotUtf8::Byte { offset, byte } => Diagnostic::error(format!(
                "this file is not UTF-8: byte 0x{byte:02X} here is not a character kyr can read"
            ))
            .code("encoding")
            // The byte shows as U+FFFD, three bytes, in the shown text.
            .at(Span::new(file, offset..offset + char::REPLACEMENT_CHARACTER.len_utf8()))
            .hint("the file was probably saved in another encoding (Latin-1, Windows-1252): save it again as UTF-8; kyr has not changed it"),
        }
    }
}

/// `U+2D5C TIFINAGH LETTER YAT`: a character by its code point and
/// Unicode name, for a character a reader cannot tell by looking.
pub(crate) fn describe_char(c: char) -> String {
    match unicode_names2::name(c) {
        Some(name) => format!("U+{:04X} {name}", c as u32),
        None => format!("U+{:04X}", c as u32),
    }
}

/// A control character no text a reader sees may hold: C0 but tab and
/// line ends, DEL and C1.
pub(crate) fn is_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r')
}

/// `text` without its control characters ([`is_control`]), a NUL shown
/// as U+FFFD (a replacement character) and the others dropped.
pub(crate) fn without_controls(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            '\0' => Some(char::REPLACEMENT_CHARACTER),
            c if is_control(c) => None,
            c => Some(c),
        })
        .collect()
}

/// The way a file writes its line ends and whether it starts with a BOM,
/// so text written back into it keeps them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Form {
    /// It starts with a UTF-8 BOM.
    pub bom: bool,
    /// Most of its line ends are CRLF.
    pub crlf: bool,
}

impl Form {
    /// The form of a file's bytes.
    pub(crate) fn of(bytes: &[u8]) -> Form {
        let crlf = bytes.windows(2).filter(|w| w == b"\r\n").count();
        let lf = bytes.iter().filter(|b| **b == b'\n').count();
        Form {
            bom: bytes.starts_with(UTF8_BOM),
            crlf: crlf > 0 && crlf * 2 >= lf,
        }
    }

    /// `bytes` in this form: a BOM added when the file had one, and each
    /// line end that is a lone LF made CRLF when the file's were. Line ends
    /// already CRLF, and every other byte, are left as they are.
    pub(crate) fn apply(self, bytes: Vec<u8>) -> Vec<u8> {
        let mut out = Vec::with_capacity(bytes.len() + 16);
        if self.bom && !bytes.starts_with(UTF8_BOM) {
            out.extend_from_slice(UTF8_BOM);
        }
        if !self.crlf {
            out.extend_from_slice(&bytes);
            return out;
        }
        let mut previous = 0u8;
        for byte in bytes {
            if byte == b'\n' && previous != b'\r' {
                out.push(b'\r');
            }
            out.push(byte);
            previous = byte;
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_first_byte_that_is_not_utf8_and_where_it_is() {
        let (why, bytes) = decode(b"a = caf\xE9\n".to_vec()).unwrap_err();
        assert_eq!(
            why,
            NotUtf8::Byte {
                offset: 7,
                byte: 0xE9
            }
        );
        assert_eq!(shown(&bytes, why), "a = caf\u{FFFD}\n");
        let mut files = crate::base::diag::Files::default();
        let file = files.add("a.ftl", shown(&bytes, why));
        let shown = crate::base::diag::render(&files, &why.diagnostic(file));
        assert!(
            shown.contains("a.ftl:1:8") && shown.contains("byte 0xE9"),
            "{shown}"
        );
    }

    #[test]
    fn utf16_is_named_as_such_and_shown_readable() {
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend("a = b\n".encode_utf16().flat_map(u16::to_le_bytes));
        let (why, bytes) = decode(bytes).unwrap_err();
        assert_eq!(why, NotUtf8::Utf16 { big_endian: false });
        assert_eq!(shown(&bytes, why), "a = b\n");
        let mut big = vec![0xFE, 0xFF];
        big.extend("é".encode_utf16().flat_map(u16::to_be_bytes));
        let (why, bytes) = decode(big).unwrap_err();
        assert_eq!(shown(&bytes, why), "é");
    }

    #[test]
    fn a_bom_and_crlf_line_ends_are_kept_and_nothing_else_changes() {
        let old = b"\xEF\xBB\xBFa = 1\r\nb = 2\r\n";
        let form = Form::of(old);
        assert_eq!(
            form,
            Form {
                bom: true,
                crlf: true
            }
        );
        let written = form.apply(b"a = 1\r\nb = 2\r\n\nc = 3\n".to_vec());
        assert_eq!(written, b"\xEF\xBB\xBFa = 1\r\nb = 2\r\n\r\nc = 3\r\n");
        let plain = Form::of(b"a = 1\nb = 2\n");
        assert_eq!(plain.apply(b"x\r\ny\n".to_vec()), b"x\r\ny\n");
        assert_eq!(
            Form::of(b"\xEF\xBB\xBFx").apply(b"\xEF\xBB\xBFy".to_vec()),
            b"\xEF\xBB\xBFy"
        );
    }
}
