//! What a PDF says about itself that Typst cannot say: the locale's full
//! language tag (`ff-Adlm`, where Typst writes only `ff`), the page
//! direction (Typst takes it from the language, so Pulaar in Adlam reads
//! as left to right) and that viewers show the document's title rather
//! than its file name. Written as an incremental update (PDF 1.7,
//! § 7.5.6): Typst's bytes stay as they are, and a new document catalog,
//! its cross-reference section and trailer follow them.

use std::sync::Arc;

use hayro_syntax::Pdf;
use hayro_syntax::object::{Dict, MaybeRef, Name, Object, ObjectIdentifier};

use crate::base::lang::Direction;
use crate::config::Locale;

/// What kyr knows about a PDF's reader.
#[derive(Clone, Copy, Debug)]
pub(crate) struct About<'a> {
    /// The locale's BCP 47 tag, as the HTML says it (`ff-Adlm`).
    pub lang: &'a str,
    /// The direction its pages are laid out in.
    pub direction: Direction,
}

impl<'a> About<'a> {
    /// A PDF in `locale`.
    pub(crate) fn of(locale: &'a Locale) -> About<'a> {
        About {
            lang: &locale.tag,
            direction: locale.direction,
        }
    }
}

/// Catalog keys the update writes itself.
const REPLACED: &[&[u8]] = &[b"Lang", b"ViewerPreferences"];

/// `pdf` (as Typst wrote it) with a catalog that says `about`: `/Lang`
/// the full tag, `/ViewerPreferences` with the direction and, when the
/// document has a title, `/DisplayDocTitle`.
pub(crate) fn describe(pdf: Vec<u8>, about: &About) -> Result<Vec<u8>, String> {
    let shared = Arc::new(pdf);
    let (root, object, trailer_start, trailer) = {
        let parsed = Pdf::new(shared.clone()).map_err(|e| format!("unreadable PDF: {e:?}"))?;
        let root = parsed.xref().root_id();
        let catalog: Dict = parsed
            .xref()
            .get(root)
            .ok_or("the PDF has no document catalog")?;
        let titled = parsed.metadata().title.is_some();
        let trailer = Trailer::read(&shared)?;
        let mut object = format!("{} {} obj\n<<", root.obj_number, root.gen_number).into_bytes();
        copy_entries(&mut object, &catalog, REPLACED);
        said(&mut object, about, titled);
        object.extend_from_slice(b" >>\nendobj\n");
        let mut entries = Vec::new();
        copy_entries(&mut entries, &trailer.dict, &[b"Prev"]);
        (root, object, trailer.start, entries)
    };
    // Typst's bytes back, uncopied: nothing else holds them now.
    let mut pdf = Arc::try_unwrap(shared).unwrap_or_else(|shared| (*shared).clone());
    if !pdf.ends_with(b"\n") {
        pdf.push(b'\n');
    }
    let object_at = pdf.len();
    pdf.extend_from_slice(&object);
    let xref_at = pdf.len();
    // Each entry is 20 bytes, ending in space and line feed (§ 7.5.4).
    pdf.extend_from_slice(
        format!(
            "xref\n{} 1\n{object_at:010} {:05} n \n",
            root.obj_number, root.gen_number
        )
        .as_bytes(),
    );
    pdf.extend_from_slice(b"trailer\n<<");
    pdf.extend_from_slice(&trailer);
    pdf.extend_from_slice(
        format!(" /Prev {trailer_start} >>\nstartxref\n{xref_at}\n%%EOF\n").as_bytes(),
    );
    Ok(pdf)
}

/// The entries of `dict` but those named in `skip`, each after a space.
fn copy_entries(out: &mut Vec<u8>, dict: &Dict, skip: &[&[u8]]) {
    for (key, value) in dict.entries() {
        if !skip.contains(&key.as_ref()) {
            out.push(b' ');
            write_name(out, &key);
            out.push(b' ');
            write_value(out, &value);
        }
    }
}

/// The catalog entries kyr writes: the language tag, the direction and,
/// for a document with a title, that viewers show it.
fn said(out: &mut Vec<u8>, about: &About, titled: bool) {
    out.extend_from_slice(b" /Lang ");
    write_hex(out, &text_string(about.lang));
    out.extend_from_slice(b" /ViewerPreferences << /Direction ");
    out.extend_from_slice(match about.direction {
        Direction::Ltr => b"/L2R",
        Direction::Rtl => b"/R2L",
    });
    if titled {
        out.extend_from_slice(b" /DisplayDocTitle true");
    }
    out.extend_from_slice(b" >>");
}

/// The last trailer of a PDF with a cross-reference table (what Typst
/// writes) and where that table starts.
struct Trailer<'a> {
    dict: Dict<'a>,
    start: usize,
}

impl<'a> Trailer<'a> {
    fn read(pdf: &'a [u8]) -> Result<Trailer<'a>, String> {
        let start = rfind(pdf, b"startxref")
            .and_then(|at| {
                std::str::from_utf8(&pdf[at + b"startxref".len()..])
                    .ok()?
                    .split_whitespace()
                    .next()?
                    .parse::<usize>()
                    .ok()
            })
            .ok_or("the PDF does not say where its cross-reference table is")?;
        if !pdf
            .get(start..)
            .is_some_and(|rest| rest.starts_with(b"xref"))
        {
            return Err("the PDF has a cross-reference stream, not a table".into());
        }
        let dict = rfind(pdf, b"trailer")
            .filter(|at| *at > start)
            .and_then(|at| {
                use hayro_syntax::object::FromBytes;
                let after = &pdf[at + b"trailer".len()..];
                let skip = after.iter().take_while(|b| b.is_ascii_whitespace()).count();
                Dict::from_bytes(&after[skip..])
            })
            .ok_or("the PDF has no trailer")?;
        Ok(Trailer { dict, start })
    }
}

fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

/// A text string (§ 7.9.2.2): ASCII as itself (a language tag always
/// is), anything else UTF-16BE with its byte order mark.
fn text_string(text: &str) -> Vec<u8> {
    if text.is_ascii() {
        return text.as_bytes().to_vec();
    }
    let mut bytes = vec![0xFE, 0xFF];
    bytes.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    bytes
}

/// A name, every byte outside the regular printable ones as `#xx`
/// (§ 7.3.5).
fn write_name(out: &mut Vec<u8>, name: &Name) {
    out.push(b'/');
    for &b in name.as_ref() {
        if b.is_ascii_graphic() && !b"#/%()<>[]{}".contains(&b) {
            out.push(b);
        } else {
            out.extend_from_slice(format!("#{b:02X}").as_bytes());
        }
    }
}

/// A string as a hexadecimal string (§ 7.3.4.3), which needs no escapes.
fn write_hex(out: &mut Vec<u8>, bytes: &[u8]) {
    out.push(b'<');
    for b in bytes {
        out.extend_from_slice(format!("{b:02X}").as_bytes());
    }
    out.push(b'>');
}

/// A value copied from the catalog or trailer: a reference stays a
/// reference, a direct object is written again.
fn write_value(out: &mut Vec<u8>, value: &MaybeRef<Object>) {
    match value {
        MaybeRef::Ref(r) => {
            let id = ObjectIdentifier::from(*r);
            out.extend_from_slice(format!("{} {} R", id.obj_number, id.gen_number).as_bytes());
        }
        MaybeRef::NotRef(object) => write_object(out, object),
    }
}

fn write_object(out: &mut Vec<u8>, object: &Object) {
    match object {
        Object::Null(_) => out.extend_from_slice(b"null"),
        Object::Boolean(b) => out.extend_from_slice(if *b { b"true" } else { b"false" }),
        Object::Number(n) => {
            let n = n.as_f64();
            let text = if n.fract() == 0.0 && n.abs() < 1e15 {
                format!("{}", n as i64)
            } else {
                format!("{n:.6}")
            };
            out.extend_from_slice(text.as_bytes());
        }
        Object::String(s) => write_hex(out, s.as_bytes()),
        Object::Name(name) => write_name(out, name),
        Object::Array(array) => {
            out.push(b'[');
            for (i, item) in array.raw_iter().enumerate() {
                if i > 0 {
                    out.push(b' ');
                }
                write_value(out, &item);
            }
            out.push(b']');
        }
        Object::Dict(dict) => {
            out.extend_from_slice(b"<<");
            for (key, value) in dict.entries() {
                out.push(b' ');
                write_name(out, &key);
                out.push(b' ');
                write_value(out, &value);
            }
            out.extend_from_slice(b" >>");
        }
        // A stream is always an indirect object, so never met here; a
        // null keeps the file readable if one ever is.
        Object::Stream(_) => out.extend_from_slice(b"null"),
    }
}
