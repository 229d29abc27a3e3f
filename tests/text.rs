//! Text for messaging (`--format text`): the chat and SMS files of the
//! fixture checked byte for byte against `tests/snapshots/text/`, lines
//! that leave no direction open, long documents cut into numbered
//! messages, SMS parts that say their cost, the wallet card as the SMS
//! version, incremental builds and the bundle.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use kyr::build::{BuildOptions, BuildReport, Format};

use crate::util::Fixture;

fn text_only() -> BuildOptions {
    BuildOptions {
        formats: vec![Format::Text],
        ..BuildOptions::default()
    }
}

/// Compares an output with its golden file, byte for byte; with
/// `KYR_BLESS=1` writes the golden file instead (review the diff).
fn golden(fx: &Fixture, output: &str) {
    let actual = fs::read(fx.out(output)).unwrap_or_else(|e| panic!("out/{output}: {e}"));
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots/text")
        .join(output);
    if std::env::var_os("KYR_BLESS").is_some() {
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, &actual).unwrap();
        return;
    }
    let expected = fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert!(
        actual == expected,
        "out/{output} differs from {} (KYR_BLESS=1 to accept):\n{}",
        path.display(),
        String::from_utf8_lossy(&actual)
    );
}

#[test]
fn chat_and_sms_text_of_english_arabic_and_adlam_pages() {
    let fx = Fixture::new("build/basic");
    let (report, diags) = fx.build(&text_only());
    assert_eq!(report.diagnostics.error_count(), 0, "{diags}");
    for locale in ["en", "ar", "ff-Adlm"] {
        golden(&fx, &format!("{locale}/door.txt"));
        golden(&fx, &format!("{locale}/door.sms.txt"));
    }
    // No other format was asked for.
    assert!(!fx.out("en/door.html").exists() && !fx.out("en/door.pdf").exists());
}

#[test]
fn chat_text_writes_emphasis_links_numbers_and_fallbacks_out() {
    let fx = Fixture::new("build/basic");
    fx.replace(
        "locales/en/door.ftl",
        "door-call = Call { $organization } for help.",
        "door-call = Call { $organization } for help: [our site](https://legal.example/help), \
         [https://legal.example](https://legal.example), [e-mail us](mailto:help@legal.example), \
         _now_ or * later *.",
    );
    fx.build(&text_only());
    let en = fx.page("en/door.txt");
    assert!(en.starts_with("*If agents come to your door*\n\n"), "{en}");
    assert!(
        en.contains("You have rights, *whatever your status*."),
        "{en}"
    );
    assert!(
        en.contains(
            "Call Legal Aid for help: our site (https://legal.example/help), \
             https://legal.example, e-mail us (help@legal.example), _now_ or * later *."
        ),
        "{en}"
    );
    // The hotline is its number, the help line and the end matter are
    // there, and an English page has no invisible character at all.
    assert!(en.contains("Call +1 (555) 010-1234."), "{en}");
    assert!(en.contains("Free legal help: Legal Aid, +1 (555) 010-1234"));
    assert!(en.contains("General information, not legal advice.\nLast reviewed: 2026-11-26"));
    assert!(en.ends_with(
        "*Sources*\n• ACLU\n  https://www.aclu.org/know-your-rights/immigrants-rights\n"
    ));
    assert!(!en.chars().any(is_bidi_mark), "{en:?}");
    // French borrowed from English says so in words.
    let fr = fx.page("fr/door.txt");
    assert!(fr.contains("[English]\nCall Legal Aid for help"), "{fr}");
    assert!(fr.contains("_Cette traduction"), "the review notice: {fr}");
    assert!(!fx.page("en/door.txt").contains("not been reviewed"));
}

fn is_bidi_mark(c: char) -> bool {
    matches!(
        c,
        '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}

/// Whether every isolate and embedding of `line` is closed on it.
fn paired(line: &str) -> bool {
    let mut open = Vec::new();
    for c in line.chars() {
        match c {
            '\u{2066}'
            | '\u{2067}'
            | '\u{2068}'
            | '\u{202A}'..='\u{202B}'
            | '\u{202D}'..='\u{202E}' => open.push(c),
            '\u{2069}' => {
                // Closes its isolate and the embeddings opened inside it.
                let Some(at) = open
                    .iter()
                    .rposition(|o| matches!(o, '\u{2066}'..='\u{2068}'))
                else {
                    return false;
                };
                open.truncate(at);
            }
            '\u{202C}' => match open.pop() {
                Some('\u{202A}'..='\u{202E}') => {}
                _ => return false,
            },
            _ => {}
        }
    }
    open.is_empty()
}

#[test]
fn no_line_of_any_text_file_leaves_a_direction_open() {
    assert!(paired("a \u{2066}+1\u{2069} b") && !paired("\u{2066}+1") && !paired("x\u{2069}"));
    let fx = Fixture::shipped();
    // A translation with marks of its own, one of them left open and one
    // closing nothing.
    fx.replace(
        "locales/ar/at-the-door.ftl",
        "door-title = ",
        "door-title = \u{2067}\u{202B}\u{2069} ",
    );
    let (report, diags) = fx.build(&text_only());
    assert_eq!(report.diagnostics.error_count(), 0, "{diags}");
    let mut checked = 0;
    for file in &report.files {
        if !file.path.ends_with(".txt") {
            continue;
        }
        let text = fx.page(&file.path);
        for (n, line) in text.lines().enumerate() {
            assert!(paired(line), "{}:{}: {line:?}", file.path, n + 1);
        }
        // Only the marks that keep an order, and only where right-to-left
        // text is.
        for c in text.chars().filter(|&c| is_bidi_mark(c)) {
            assert!(
                matches!(c, '\u{200E}' | '\u{200F}' | '\u{2066}'..='\u{2069}'),
                "{}: U+{:04X}",
                file.path,
                c as u32
            );
        }
        let rtl = ["ar/", "ff-Adlm/"].iter().any(|p| file.path.starts_with(p));
        if !rtl {
            assert!(!text.chars().any(is_bidi_mark), "{}", file.path);
        }
        checked += 1;
    }
    assert_eq!(checked, 10 * 3 * 2, "every locale × document, chat and SMS");
    // The phone number keeps its order inside Arabic.
    let ar = fx.page("ar/at-the-door.txt");
    assert!(ar.contains("\u{2066}+1 (555) 010-1234\u{2069}"), "{ar}");
}

/// The messages of a chat file: each starts with `(k/N) `.
fn messages(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for line in text.trim_end().split('\n') {
        let numbered = line.starts_with('(')
            && line.split_once(") ").is_some_and(|(n, _)| {
                n[1..]
                    .split_once('/')
                    .is_some_and(|(a, b)| a.parse::<usize>().is_ok() && b.parse::<usize>().is_ok())
            });
        match out.last_mut() {
            Some(last) if !numbered => {
                last.push('\n');
                last.push_str(line);
            }
            _ => out.push(line.to_owned()),
        }
    }
    out.into_iter()
        .map(|m| m.trim_end_matches('\n').to_owned())
        .collect()
}

#[test]
fn a_long_document_is_cut_at_its_headings_into_numbered_messages_of_4096() {
    let fx = Fixture::new("build/basic");
    // Nine sections of about 1,500 characters, and one paragraph of
    // 6,000 (longer than a message).
    let mut skeleton = String::from("+++\ntitle = \"long-title\"\n+++\n# { long-title }\n\n");
    let mut ftl = String::from("long-title = A long document\nlong-huge = ");
    ftl.push_str(&"word ".repeat(1200));
    ftl.push('\n');
    for n in 1..=9 {
        skeleton.push_str(&format!("## {{ long-h{n} }}\n\n{{ long-p{n} }}\n\n"));
        ftl.push_str(&format!(
            "long-h{n} = Section {n}\nlong-p{n} = {}\n",
            format!("Sentence {n} of this section. ").repeat(50)
        ));
    }
    skeleton.push_str("## { long-huge-heading }\n\n{ long-huge }\n");
    ftl.push_str("long-huge-heading = The longest section\n");
    fx.write("content/long.md", &skeleton)
        .write("locales/en/long.ftl", &ftl);
    let (report, diags) = fx.build(&BuildOptions {
        locales: vec!["en".into()],
        documents: vec!["long".into()],
        ..text_only()
    });
    assert_eq!(report.diagnostics.error_count(), 0, "{diags}");
    let text = fx.page("en/long.txt");
    let messages = messages(&text);
    let count = messages.len();
    assert!(count >= 5, "{count} messages");
    for (n, message) in messages.iter().enumerate() {
        assert!(
            message.starts_with(&format!("({}/{count}) ", n + 1)),
            "message {}: {message:.80}",
            n + 1
        );
        let units = message.encode_utf16().count();
        assert!(units <= 4096, "message {} is {units} units", n + 1);
    }
    // Sections start messages: each message but the ones cutting the
    // longest section starts at a heading.
    assert!(messages[0].starts_with("(1/"), "{}", messages[0]);
    assert!(messages[1].contains(") *Section "), "{:.60}", messages[1]);
    // Nothing is lost: every section is there, and every word of the
    // longest one.
    for n in 1..=9 {
        assert!(text.contains(&format!("*Section {n}*")));
    }
    assert_eq!(text.matches("word").count(), 1200);
    let last = &messages[count - 1];
    assert!(last.contains("*Sources*") || last.contains("not legal advice"));
}

/// Each part of an SMS file: its header's number, segments and encoding.
fn sms_parts(text: &str) -> Vec<(String, usize, String, String)> {
    let mut parts: Vec<(String, usize, String, String)> = Vec::new();
    for line in text.split('\n') {
        if let Some(header) = line
            .strip_prefix("--- ")
            .and_then(|l| l.strip_suffix(" ---"))
        {
            let fields: Vec<&str> = header.split(" · ").collect();
            assert_eq!(fields.len(), 3, "{line}");
            let segments = fields[1].strip_suffix(" SMS").unwrap().parse().unwrap();
            parts.push((fields[0].into(), segments, fields[2].into(), String::new()));
        } else if let Some(last) = parts.last_mut() {
            if !last.3.is_empty() {
                last.3.push('\n');
            }
            last.3.push_str(line);
        }
    }
    for part in &mut parts {
        part.3 = part.3.trim_end_matches('\n').to_owned();
    }
    parts
}

#[test]
fn sms_parts_say_what_they_cost_and_a_card_is_its_documents_sms() {
    let fx = Fixture::shipped();
    fx.build(&BuildOptions {
        locales: vec!["en".into(), "ar".into(), "ff-Adlm".into()],
        ..text_only()
    });
    for file in ["en/at-the-door", "ar/at-the-door", "ff-Adlm/in-the-shelter"] {
        let parts = sms_parts(&fx.page(&format!("{file}.sms.txt")));
        let count = parts.len();
        assert!(count > 1, "{file}");
        for (n, (number, segments, encoding, text)) in parts.iter().enumerate() {
            assert_eq!(number, &format!("{}/{count}", n + 1));
            assert!(text.starts_with(&format!("({}/{count}) ", n + 1)), "{text}");
            assert!((1..=3).contains(segments), "{file} {number}: {segments}");
            // The header's count is the phones' count.
            let ucs2 = encoding == "UCS-2";
            let units: usize = if ucs2 {
                text.encode_utf16().count()
            } else {
                assert_eq!(encoding, "GSM-7");
                text.chars()
                    .map(|c| if "^{}\\[~]|€".contains(c) { 2 } else { 1 })
                    .sum()
            };
            let (single, each) = if ucs2 { (70, 67) } else { (160, 153) };
            let expected = if units <= single {
                1
            } else {
                units.div_ceil(each)
            };
            assert!(
                *segments == expected || *segments == expected + 1,
                "{file} {number}: {segments} SMS for {units} units"
            );
            // No emphasis marks, no bullets outside GSM-7.
            assert!(!text.contains('•'), "{text}");
        }
    }
    // English SMS stay GSM-7 where the text allows it.
    let en = sms_parts(&fx.page("en/at-the-door.sms.txt"));
    assert!(en.iter().any(|p| p.2 == "GSM-7"));
    assert!(
        sms_parts(&fx.page("ff-Adlm/in-the-shelter.sms.txt"))
            .iter()
            .any(|p| p.2 == "UCS-2")
    );

    // The red card's SMS is its two sides: the front's steps, the
    // officer's statement (marked as English on an Arabic page), the
    // help line; not the handout's introduction.
    let card = fx.page("ar/red-card.sms.txt");
    let chat = fx.page("ar/red-card.txt");
    assert!(
        card.contains("[English]\nI do not wish to speak with you"),
        "{card}"
    );
    assert!(card.contains("\u{2066}+1 (555) 010-1234\u{2069}"), "{card}");
    let intro = chat.split("\n\n").nth(3).unwrap();
    assert!(!card.contains(intro), "{intro}");
}

fn built(report: &BuildReport) -> BTreeSet<String> {
    report
        .files
        .iter()
        .filter(|f| !f.fresh)
        .map(|f| f.path.clone())
        .collect()
}

#[test]
fn text_files_are_rebuilt_only_when_what_they_show_changed() {
    let fx = Fixture::new("build/basic");
    let (first, _) = fx.build(&text_only());
    assert!(built(&first).contains("fr/door.sms.txt"));
    let kinds: Vec<_> = first
        .files
        .iter()
        .filter(|f| f.path == "en/door.txt" || f.path == "en/door.sms.txt")
        .map(|f| (f.path.as_str(), f.format, f.layout))
        .collect();
    assert_eq!(
        kinds,
        [
            ("en/door.txt", Format::Text, None),
            ("en/door.sms.txt", Format::Text, Some("sms"))
        ]
    );

    let (second, _) = fx.build(&text_only());
    let written: Vec<_> = second
        .written
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    assert!(written.is_empty(), "{written:?}");
    assert!(built(&second).iter().all(|p| !p.ends_with(".txt")));

    // French shows its own `door-silent`; only French changes.
    fx.replace("locales/fr/door.ftl", "garder le silence", "vous taire");
    let (third, _) = fx.build(&text_only());
    let rebuilt: BTreeSet<String> = built(&third)
        .into_iter()
        .filter(|p| p.ends_with(".txt"))
        .collect();
    // ff and ff-Adlm fall back to French for it.
    assert!(rebuilt.contains("fr/door.txt") && rebuilt.contains("fr/door.sms.txt"));
    assert!(!rebuilt.contains("en/door.txt") && !rebuilt.contains("ar/door.txt"));
    assert!(
        fx.page("fr/door.txt")
            .contains("Vous avez le droit de vous taire.")
    );
    assert!(fx.page("fr/door.sms.txt").contains("de vous taire"));
}

#[test]
fn a_bundle_of_a_build_with_text_carries_and_lists_the_text_files() {
    let fx = Fixture::new("build/basic");
    fx.build(&BuildOptions::default());
    let project = fx.load();
    let site = [fx.root().join("out")];
    // Without text asked for, there is none.
    let bundle = kyr::commands::bundle::bundle(&project, &site, Some(0), false).unwrap();
    assert!(!bundle.artifacts.iter().any(|a| a.format == "text"));

    fx.build(&BuildOptions {
        formats: vec![Format::Html, Format::Pdf, Format::Text],
        ..BuildOptions::default()
    });
    fx.write("out/notes.txt", "mine");
    fx.write("out/fr/notes/x.txt", "mine");
    let bundle = kyr::commands::bundle::bundle(&project, &site, Some(0), false).unwrap();
    let paths: Vec<&str> = bundle.artifacts.iter().map(|a| a.path.as_str()).collect();
    assert!(paths.contains(&"ar/door.txt") && paths.contains(&"ar/door.sms.txt"));
    assert!(!paths.iter().any(|p| p.contains("notes")), "{paths:?}");
    let sms = bundle
        .artifacts
        .iter()
        .find(|a| a.path == "ff-Adlm/door.sms.txt")
        .unwrap();
    assert_eq!(sms.format, "text");
    assert_eq!(sms.layout.as_deref(), Some("sms"));
    assert_eq!(sms.document.as_deref(), Some("door"));
    assert_eq!(sms.reviewed, Some(false));
}

/// The locales the reader-facing checks read: left to right, Arabic,
/// Adlam and Wolof (which shows much of its text in French).
const READ: [&str; 4] = ["en", "ar", "ff-Adlm", "wo"];

fn read_locales() -> BuildOptions {
    BuildOptions {
        locales: READ.iter().map(|l| (*l).to_owned()).collect(),
        ..text_only()
    }
}

/// A message's or part's text without its `(k/N) ` number.
fn body(message: &str) -> &str {
    match message.split_once(") ") {
        Some((number, rest)) if number.starts_with('(') && number.contains('/') => rest,
        _ => message,
    }
}

#[test]
fn the_help_line_is_in_the_first_sms_part_and_right_under_a_cards_title() {
    let fx = Fixture::shipped();
    let (report, diags) = fx.build(&read_locales());
    assert_eq!(report.diagnostics.error_count(), 0, "{diags}");
    let hotline = "+1 (555) 010-1234";
    let mut checked = 0;
    for locale in READ {
        for document in ["at-the-door", "in-the-shelter", "red-card"] {
            let file = format!("{locale}/{document}");
            let parts = sms_parts(&fx.page(&format!("{file}.sms.txt")));
            assert!(parts.len() > 1, "{file}");
            assert!(parts[0].3.contains(hotline), "{file}: {}", parts[0].3);
            let chat = messages(&fx.page(&format!("{file}.txt")));
            assert!(chat[0].contains(hotline), "{file}.txt");
            checked += 1;
        }
        // On the card, the help line is the first thing under the title,
        // and only there.
        let card = fx.page(&format!("{locale}/red-card.sms.txt"));
        let first = sms_parts(&card).remove(0).3;
        let second = body(&first).split("\n\n").nth(1).unwrap();
        assert!(second.contains(hotline), "{locale}: {first}");
        assert_eq!(card.matches(hotline).count(), 1, "{locale}: {card}");
    }
    assert_eq!(checked, 12);
}

/// Whether GSM-7 sends `c`: the GSM 03.38 default alphabet and its
/// extension table.
fn is_gsm(c: char) -> bool {
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?\
     ¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà^{}\\[~]|€"
        .contains(c)
}

/// `text` without its language marks (`[Français]`, `[English]`).
fn without_marks(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        out.push_str(&rest[..open]);
        match rest[open..].find(']') {
            Some(close) => rest = &rest[open + close + 1..],
            None => {
                rest = &rest[open..];
                break;
            }
        }
    }
    out.push_str(rest);
    out
}

#[test]
fn a_language_mark_is_never_what_makes_an_sms_part_ucs2() {
    let fx = Fixture::shipped();
    let (report, diags) = fx.build(&read_locales());
    assert_eq!(report.diagnostics.error_count(), 0, "{diags}");
    let mut marked_gsm = 0;
    for file in report.files.iter().filter(|f| f.path.ends_with(".sms.txt")) {
        for (number, _, encoding, text) in sms_parts(&fx.page(&file.path)) {
            if encoding == "UCS-2" {
                // Something besides the marks needs UCS-2.
                assert!(
                    !without_marks(&text).chars().all(is_gsm),
                    "{} {number} is UCS-2 for its marks only:\n{text}",
                    file.path
                );
            } else if text.contains("[Francais]") {
                marked_gsm += 1;
            }
        }
    }
    assert!(marked_gsm > 0, "no GSM-7 part shows a fallback");
    // Wolof's card shows French: marked in GSM letters where the rest of
    // the part is GSM-7, in the language's own letters where it is UCS-2
    // anyway, and always in the chat text.
    let card = sms_parts(&fx.page("wo/red-card.sms.txt"));
    let gsm = card.iter().filter(|p| p.2 == "GSM-7");
    assert!(gsm.clone().any(|p| p.3.contains("[Francais]")), "{card:?}");
    assert!(gsm.clone().all(|p| !p.3.contains("[Français]")), "{card:?}");
    for part in card.iter().filter(|p| p.2 == "UCS-2") {
        assert!(!part.3.contains("[Francais]"), "{}", part.3);
    }
    let chat = fx.page("wo/red-card.txt");
    assert!(chat.contains("[Français]") && !chat.contains("[Francais]"));
}

/// The texts of the headings of a chat file (bold paragraphs), without
/// their language marks.
fn headings(chat: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for message in messages(chat) {
        for paragraph in body(&message).split("\n\n") {
            let plain: String = paragraph.chars().filter(|&c| !is_bidi_mark(c)).collect();
            let text = unmarked(&plain);
            let inner = text.strip_prefix('*').and_then(|t| t.strip_suffix('*'));
            if let Some(inner) = inner.filter(|i| !i.is_empty() && !i.contains(['*', '\n'])) {
                out.insert(inner.to_owned());
            }
        }
    }
    out
}

/// A paragraph without the language mark it starts with.
fn unmarked(paragraph: &str) -> &str {
    match paragraph.strip_prefix('[').and_then(|p| p.split_once("] ")) {
        Some((_, rest)) => rest,
        None => paragraph,
    }
}

#[test]
fn no_sms_part_ends_with_a_heading_or_holds_only_one() {
    let fx = Fixture::shipped();
    let (report, diags) = fx.build(&read_locales());
    assert_eq!(report.diagnostics.error_count(), 0, "{diags}");
    let mut cut_sections = 0;
    for file in report.files.iter().filter(|f| f.path.ends_with(".sms.txt")) {
        let headings = headings(&fx.page(&file.path.replace(".sms.txt", ".txt")));
        assert!(!headings.is_empty(), "{}", file.path);
        let parts = sms_parts(&fx.page(&file.path));
        for (number, _, _, text) in &parts {
            // A mark alone on its line names the text after it.
            let paragraphs: Vec<String> = body(text)
                .split("\n\n")
                .map(|p| p.chars().filter(|&c| !is_bidi_mark(c)).collect::<String>())
                .filter(|p| !(p.starts_with('[') && p.ends_with(']')))
                .collect();
            let last = paragraphs.last().map(|p| unmarked(p).to_owned());
            assert!(
                !last.is_some_and(|p| headings.contains(&p)),
                "{} {number} ends with a heading:\n{text}",
                file.path
            );
        }
        cut_sections += parts
            .iter()
            .filter(|p| headings.iter().any(|h| body(&p.3).contains(h.as_str())))
            .count();
    }
    assert!(cut_sections > 10);
}

fn put_recording(fx: &Fixture, tag: &str, name: &str) {
    let dir = fx.root().join("locales").join(tag).join("audio");
    fs::create_dir_all(&dir).unwrap();
    let tone = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/audio/tone.ogg");
    fs::copy(tone, dir.join(name)).unwrap();
}

#[test]
fn an_audio_first_languages_text_links_the_page_that_plays_its_recordings() {
    let fx = Fixture::shipped();
    fx.with_qr("https://kyr.example.net/{locale}/{document}.html");
    fx.read_by_ear(&["Wolof", "العربية"]);
    put_recording(&fx, "wo", "card-intro.ogg");
    put_recording(&fx, "wo", "door-intro.ogg");
    put_recording(&fx, "ar", "door-intro.ogg");
    let (report, diags) = fx.build(&read_locales());
    assert_eq!(report.diagnostics.error_count(), 0, "{diags}");
    for (file, address) in [
        (
            "wo/at-the-door",
            "https://kyr.example.net/wo/at-the-door.html",
        ),
        ("wo/red-card", "https://kyr.example.net/wo/red-card.html"),
        // Isolated in Arabic, under the "Listen" label.
        (
            "ar/at-the-door",
            "استمع\n\u{2066}https://kyr.example.net/ar/at-the-door.html\u{2069}",
        ),
    ] {
        let sms = sms_parts(&fx.page(&format!("{file}.sms.txt")));
        assert!(sms[0].3.contains(address), "{file}: {}", sms[0].3);
        // Right after the help line.
        let paragraphs: Vec<&str> = body(&sms[0].3).split("\n\n").collect();
        assert!(
            paragraphs[1].contains("+1 (555) 010-1234"),
            "{paragraphs:?}"
        );
        assert!(paragraphs[2].contains(address), "{paragraphs:?}");
        let chat = messages(&fx.page(&format!("{file}.txt")));
        assert!(chat[0].contains(address), "{file}.txt");
    }
    // The Wolof page shows the label in French, marked.
    assert!(
        fx.page("wo/at-the-door.sms.txt")
            .contains("[Francais] Écouter\nhttps://")
    );
    // Without recordings, or read first on paper, nothing to link.
    for file in ["ar/red-card", "en/at-the-door", "ff-Adlm/at-the-door"] {
        assert!(
            !fx.page(&format!("{file}.sms.txt"))
                .contains("kyr.example.net")
        );
    }
    assert!(!diags.contains("recordings-unlinked"), "{diags}");

    // With no published address, the text cannot say where the
    // recordings play, and the build says so for each such page.
    fx.replace(
        "kyr.toml",
        "qr = \"https://kyr.example.net/{locale}/{document}.html\"",
        "",
    );
    let (report, diags) = fx.build(&read_locales());
    let unlinked: Vec<&str> = report
        .diagnostics
        .diagnostics()
        .iter()
        .filter(|d| d.code == "recordings-unlinked")
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(unlinked.len(), 3, "{diags}");
    assert!(
        unlinked.iter().any(|m| m.contains("`wo/at-the-door`")),
        "{unlinked:?}"
    );
    assert!(
        !fx.page("wo/at-the-door.sms.txt")
            .contains("kyr.example.net")
    );
    // Every command meets it where it is fixed, the locale's table in
    // kyr.toml, whatever it makes: `check`, and a build of the PDFs alone
    // (the card has no code to the recordings either).
    let config = std::fs::read_to_string(fx.root().join("kyr.toml")).unwrap();
    let line = config
        .lines()
        .position(|l| l.trim() == "[locales.wo]")
        .expect("a Wolof table")
        + 1;
    for args in [
        &["check"][..],
        &["build", "--format", "pdf", "--doc", "red-card"],
    ] {
        let ran = fx.run(args);
        // At the tag: `[locales.wo]`, column 10.
        let at = format!("kyr.toml:{line}:10: warning: `wo` is read by ear first");
        assert!(ran.stderr.contains(&at), "{args:?}: {}", ran.stderr);
        assert!(ran.stderr.contains("`wo/red-card`"), "{}", ran.stderr);
    }
}
