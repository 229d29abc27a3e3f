//! Slips: what a translator types in a text editor that Fluent would read
//! as something else, or not at all. A space before an id (Fluent reads
//! the line as more text of the message above), indentation that only
//! looks like spaces, curly quotes or a direction mark inside `{ … }`, a
//! `#` left in the middle of a message, an id Fluent cannot read. They are
//! found on a file's lines before Fluent reads it, each said where it was
//! typed (an invisible or look-alike character by its code point and
//! name) with what to type instead, and each costs only the message it is
//! in: that message's lines are kept from Fluent, so the messages around
//! it keep their text. Emphasis left open is found on the parsed messages
//! ([`unclosed_emphasis`]). What Fluent itself reports is worded in
//! [`super::catalog`].

use std::collections::HashSet;
use std::ops::Range;

use crate::base::text::describe_char;

/// A slip, where it was typed.
#[derive(Debug)]
pub(crate) struct Slip {
    /// Where it is in the file.
    pub(crate) at: Range<usize>,
    /// What was typed, in a translator's words.
    pub(crate) message: String,
    /// What to type instead.
    pub(crate) hint: String,
    /// The message or term the slip is in, which falls back (none for an
    /// entry that names no message of the project).
    pub(crate) costs: Option<String>,
    /// The lines of its entry, which Fluent is not given.
    pub(crate) entry: Range<usize>,
}

/// The slips of a `.ftl` file, in order. `known` holds the ids the
/// project uses: they tell a message id typed in the wrong place from
/// text.
pub(crate) fn find(text: &str, known: &HashSet<String>) -> Vec<Slip> {
    let lines = lines(text);
    let mut slips = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let Some(head) = head_of(&lines[i], known) else {
            i += 1;
            continue;
        };
        let last = last_line_of_entry(&lines, i, known);
        let entry = Entry {
            lines: &lines[i..=last],
            next: lines.get(last + 1..).unwrap_or(&[]),
            head,
            range: lines[i].start..lines[last].end,
        };
        entry_slips(&entry, &mut slips);
        i = last + 1;
    }
    slips
}

/// One line of a file: where it starts, its text without its line end,
/// and where the next one starts.
struct Line<'t> {
    start: usize,
    text: &'t str,
    end: usize,
    /// Its number, from 1.
    number: usize,
}

fn lines(text: &str) -> Vec<Line<'_>> {
    let mut lines = Vec::new();
    let mut start = 0;
    while start < text.len() {
        let end = text[start..]
            .find('\n')
            .map_or(text.len(), |i| start + i + 1);
        let line = text[start..end].trim_end_matches(['\n', '\r']);
        lines.push(Line {
            start,
            text: line,
            end,
            number: lines.len() + 1,
        });
        start = end;
    }
    lines
}

/// What a person may take for a space, or not see at all: the line's
/// indentation is made of these (a direction mark typed at the start of a
/// line too), and so is a line a person sees as blank.
fn is_space_like(c: char) -> bool {
    c.is_whitespace() || is_invisible_mark(c)
}

/// How a line reads to Fluent.
#[derive(PartialEq, Eq)]
enum Kind {
    Blank,
    Comment,
    /// It starts at its first column: an id, or text Fluent cannot read.
    Start,
    /// It starts with a space (or what looks like one): more text of the
    /// entry above.
    Indented,
}

fn kind(line: &str) -> Kind {
    match line.chars().next() {
        None => Kind::Blank,
        Some('#') => Kind::Comment,
        Some(c) if is_space_like(c) => {
            if line.chars().all(is_space_like) {
                Kind::Blank
            } else {
                Kind::Indented
            }
        }
        Some(_) => Kind::Start,
    }
}

/// How an entry starts.
enum Head {
    /// `id =` at the start of its line (`id` with a term's `-`), the
    /// value starting at this offset of the line.
    Id { id: String, value: usize },
    /// `id =` after spaces (or what looks like them): Fluent reads the
    /// line as more text of the entry above.
    Indented { id: String, value: usize },
    /// An id Fluent cannot read, for the message `meant` when one is
    /// close enough; Fluent is not given the entry.
    BadId {
        at: Range<usize>,
        message: String,
        hint: String,
        meant: Option<String>,
    },
    /// Text at the start of a line that is no id: what Fluent says of it
    /// is worded by the catalog.
    Other,
}

/// How the entry at `line` starts, if an entry starts there.
fn head_of(line: &Line, known: &HashSet<String>) -> Option<Head> {
    match kind(line.text) {
        Kind::Start => Some(start_head(line, known)),
        Kind::Indented => {
            let content = line.text.trim_start_matches(is_space_like);
            let indent = line.text.len() - content.len();
            let (id, value) = definition(content)?;
            let looks_like_id =
                known.contains(&id) || (id.contains('-') && !id.contains(char::is_uppercase));
            looks_like_id.then(|| Head::Indented {
                id,
                value: indent + value,
            })
        }
        Kind::Blank | Kind::Comment => None,
    }
}

/// `id =` or `-term =` at the start of `text`: the id and where its value
/// starts.
fn definition(text: &str) -> Option<(String, usize)> {
    let (sigil, rest) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text),
    };
    let len = ident_len(rest);
    if len == 0 {
        return None;
    }
    let after = &rest[len..];
    let equals = after.trim_start_matches(' ');
    let value = equals.strip_prefix('=')?;
    let at = text.len() - value.len();
    Some((format!("{sigil}{}", &rest[..len]), at))
}

/// The length of the Fluent identifier `text` starts with (`[a-zA-Z]`,
/// then `[a-zA-Z0-9_-]`), 0 when it starts with none.
fn ident_len(text: &str) -> usize {
    if !text.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return 0;
    }
    text.find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
        .unwrap_or(text.len())
}

/// How an entry starting at the first column of `line` starts.
fn start_head(line: &Line, known: &HashSet<String>) -> Head {
    if let Some((id, value)) = definition(line.text) {
        return Head::Id { id, value };
    }
    let text = line.text;
    if let Some((before, _)) = text.split_once('=') {
        let name = before.trim_end();
        if !name.is_empty()
            && !name.contains(['{', '}'])
            && name.chars().count() <= 60
            && let Some(head) = bad_id(line.start, name, known)
        {
            return head;
        }
    }
    let len = ident_len(text);
    let id = &text[..len];
    let rest = &text[len..];
    if len > 0 && known.contains(id) && (rest.is_empty() || rest.starts_with([' ', ':', '\t'])) {
        // Where the `=` belongs: after the id and the spaces after it.
        let end = line.start + len + (rest.len() - rest.trim_start_matches([' ', '\t']).len());
        return Head::BadId {
            at: end..end + 1,
            message: format!(
                "invalid Fluent syntax in message `{id}`: there is no `=` after its id"
            ),
            hint: format!("write `{id} = ` and then the text, on the same line"),
            meant: Some(id.to_owned()),
        };
    }
    Head::Other
}

/// `name =` where `name` is no id Fluent can read: with a space in it,
/// or a letter ids do not use.
fn bad_id(start: usize, name: &str, known: &HashSet<String>) -> Option<Head> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let word_like = |w: &str| ident_len(w) == w.len() || ident_len(w.trim_start_matches('-')) > 0;
    if words.len() > 1 {
        if words.len() > 4 || !words.iter().all(|w| word_like(w)) {
            return None;
        }
        let joined = words.join("-");
        let meant = closest(&joined, known);
        let at = start + name.find(char::is_whitespace).unwrap_or(0);
        return Some(Head::BadId {
            at: at..at + 1,
            message: format!("invalid message id `{name}`: an id has no spaces"),
            hint: did_you_mean(meant.as_deref(), "ids join their words with `-`"),
            meant,
        });
    }
    let (offset, c) = name
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))?;
    // Words with letters of any script: an id typed in another
    // language, or with an accent.
    if !name
        .chars()
        .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
    {
        return None;
    }
    let meant = closest(&ascii_folded(name), known);
    Some(Head::BadId {
        at: start + offset..start + offset + c.len_utf8(),
        message: format!(
            "invalid message id `{name}`: it has {}, and an id has only the letters a to z, digits and `-`",
            describe_char(c)
        ),
        hint: did_you_mean(
            meant.as_deref(),
            "an id is written as in the reference file, never translated",
        ),
        meant,
    })
}

/// `did you mean ...?` before `general` when a message was meant.
fn did_you_mean(meant: Option<&str>, general: &str) -> String {
    match meant {
        Some(meant) => format!("did you mean `{meant}`? {general}"),
        None => general.to_owned(),
    }
}

/// The known id closest to `name`, when close enough to be the one meant.
fn closest(name: &str, known: &HashSet<String>) -> Option<String> {
    let lower = name.to_lowercase();
    if known.contains(&lower) {
        return Some(lower);
    }
    crate::base::ident::closest_id(&lower, known.iter()).map(str::to_owned)
}

/// `name` with accents taken off its Latin letters (`kàrt` -> `kart`), as
/// far as a plain table does it; other letters are kept.
fn ascii_folded(name: &str) -> String {
    const FROM: &str = "àáâãäåçèéêëìíîïñòóôõöùúûüýÿ";
    const TO: &str = "aaaaaaceeeeiiiinooooouuuuyy";
    name.to_lowercase()
        .chars()
        .map(|c| match FROM.chars().position(|f| f == c) {
            Some(i) => TO.as_bytes()[i] as char,
            None => c,
        })
        .collect()
}

/// The last line of the entry starting at `first`: its indented lines,
/// with the blank and comment lines between them (a `#` in the middle of
/// a message is a slip of its own).
fn last_line_of_entry(lines: &[Line], first: usize, known: &HashSet<String>) -> usize {
    let mut last = first;
    for (i, line) in lines.iter().enumerate().skip(first + 1) {
        match kind(line.text) {
            Kind::Indented if head_of(line, known).is_none() => last = i,
            Kind::Blank | Kind::Comment => {}
            Kind::Indented | Kind::Start => break,
        }
    }
    last
}

/// An entry of the file, as the translator meant it.
struct Entry<'l, 't> {
    lines: &'l [Line<'t>],
    /// The lines after it.
    next: &'l [Line<'t>],
    head: Head,
    range: Range<usize>,
}

impl Entry<'_, '_> {
    /// The message or term it defines.
    fn id(&self) -> Option<&str> {
        match &self.head {
            Head::Id { id, .. } | Head::Indented { id, .. } => Some(id),
            Head::BadId { meant, .. } => meant.as_deref(),
            Head::Other => None,
        }
    }

    /// `invalid Fluent syntax in message `id`: what`.
    fn worded(&self, what: &str) -> String {
        match self.id() {
            Some(id) if id.starts_with('-') => {
                format!("invalid Fluent syntax in term `{id}`: {what}")
            }
            Some(id) => format!("invalid Fluent syntax in message `{id}`: {what}"),
            None => format!("invalid Fluent syntax: {what}"),
        }
    }

    fn slip(&self, at: Range<usize>, message: String, hint: impl Into<String>) -> Slip {
        Slip {
            at,
            message,
            hint: hint.into(),
            costs: self.id().map(str::to_owned),
            entry: self.range.clone(),
        }
    }
}

/// The slips of one entry.
fn entry_slips(entry: &Entry, slips: &mut Vec<Slip>) {
    let first = &entry.lines[0];
    let value = match &entry.head {
        Head::Other => return,
        Head::BadId {
            at, message, hint, ..
        } => {
            slips.push(entry.slip(at.clone(), message.clone(), hint.clone()));
            return;
        }
        Head::Indented { id, value } => {
            slips.push(space_before_id(entry, id));
            *value
        }
        Head::Id { value, .. } => *value,
    };
    for line in &entry.lines[1..] {
        match kind(line.text) {
            Kind::Indented => {
                if let Some(slip) = indentation(entry, line) {
                    slips.push(slip);
                }
            }
            Kind::Comment => {
                slips.push(comment_inside(entry, line));
                break;
            }
            Kind::Blank | Kind::Start => {}
        }
    }
    if let Some(slip) = placeable_slips(entry, first.start + value) {
        slips.push(slip);
    }
    if let Some(slip) = still_commented(entry, value) {
        slips.push(slip);
    }
}

/// What a space-like character is called: `a space`, `a tab (U+0009)`,
/// else its code point and name.
fn spoken(c: char) -> String {
    match c {
        ' ' => "a space".to_owned(),
        '\t' => "a tab (U+0009)".to_owned(),
        c => describe_char(c),
    }
}

/// `id =` typed after spaces: Fluent reads it as more text of the message
/// above, which would print `id = …` on paper.
fn space_before_id(entry: &Entry, id: &str) -> Slip {
    let line = &entry.lines[0];
    let c = line.text.chars().next().unwrap_or(' ');
    let what = format!(
        "its line begins with {} before `{id}`, so Fluent would read the line as more text of the message above",
        spoken(c)
    );
    entry.slip(
        line.start..line.start + c.len_utf8(),
        entry.worded(&what),
        format!("start the line with `{id}`, with nothing before it: an id goes at the very beginning of its line"),
    )
}

/// A continuation line indented with something other than spaces.
fn indentation(entry: &Entry, line: &Line) -> Option<Slip> {
    let c = line.text.chars().next().filter(|&c| c != ' ')?;
    let number = line.number;
    let what = format!(
        "line {number} is indented with {}, which Fluent does not read as indentation",
        spoken(c)
    );
    Some(entry.slip(
        line.start..line.start + c.len_utf8(),
        entry.worded(&what),
        "indent continuation lines with ordinary spaces (the space bar)",
    ))
}

/// A `#` line between the lines of a message: Fluent ends the message
/// there and cannot read the indented lines below it.
fn comment_inside(entry: &Entry, line: &Line) -> Slip {
    let number = line.number;
    let hint = if is_commented_continuation(line.text) {
        format!(
            "line {number} is still commented out: take away the `#` at its start and keep the spaces after it"
        )
    } else {
        format!(
            "a comment goes above the message's first line; if line {number} is part of the text, take away its `#` and indent the line with spaces"
        )
    };
    entry.slip(
        line.start..line.start + 1,
        entry.worded("a `#` line in the middle of the message ends it there, so the lines below it would be lost"),
        hint,
    )
}

/// `#` and then an indented line of text: a continuation line as `kyr
/// sync` comments it out.
fn is_commented_continuation(line: &str) -> bool {
    line.strip_prefix('#')
        .is_some_and(|rest| rest.starts_with("  ") && !rest.trim().is_empty())
}

/// A message whose first line has text, right above lines still
/// commented out as `kyr sync` wrote them: only its first line would be
/// printed. (With no text on its first line, Fluent's own error says it.)
fn still_commented(entry: &Entry, value: usize) -> Option<Slip> {
    let first = &entry.lines[0];
    let has_text = entry.lines.len() > 1 || !first.text[value..].trim().is_empty();
    if !has_text || !matches!(entry.head, Head::Id { .. }) {
        return None;
    }
    // Blank lines and bare `#` lines may stand between (a paragraph
    // break, commented out).
    let run = entry
        .next
        .iter()
        .take_while(|l| is_commented_continuation(l.text) || matches!(l.text.trim_end(), "#" | ""))
        .count();
    let commented = &entry.next[..run];
    let first = commented
        .iter()
        .position(|l| is_commented_continuation(l.text))?;
    let last = commented
        .iter()
        .rposition(|l| is_commented_continuation(l.text))?;
    let (top, bottom) = (&commented[first], &commented[last]);
    let lines = if first == last {
        format!("line {}", top.number)
    } else {
        format!("lines {} to {}", top.number, bottom.number)
    };
    let hint = if entry.lines.len() == 1 {
        format!(
            "only the message's first line was uncommented: remove the `# ` at the start of {lines} too, keeping the spaces after it"
        )
    } else {
        format!("remove the `# ` at the start of {lines}, keeping the spaces after it")
    };
    Some(entry.slip(
        top.start..top.start + 1,
        entry.worded(&format!(
            "{lines} below it {} still commented out, so the message would be printed without {}",
            if first == last { "is" } else { "are" },
            if first == last { "it" } else { "them" },
        )),
        hint,
    ))
}

/// A `{ … }` being read: whether it is a select expression past its `->`
/// (its variants are text).
#[derive(Default)]
struct Frame {
    select: bool,
}

/// The first slip inside the `{ … }` of the entry's value (which starts
/// at offset `value_start` of the file), or a `}` with no `{`. A `{` left
/// open at the end of a line is Fluent's to report.
fn placeable_slips(entry: &Entry, value_start: usize) -> Option<Slip> {
    let mut frames: Vec<Frame> = Vec::new();
    for line in entry.lines {
        if kind(line.text) == Kind::Comment {
            continue;
        }
        let from = value_start.saturating_sub(line.start).min(line.text.len());
        let text = &line.text[from..];
        let base = line.start + from;
        let mut in_string = false;
        let mut chars = text.char_indices();
        while let Some((i, c)) = chars.next() {
            if in_string {
                match c {
                    '\\' => {
                        chars.next();
                    }
                    '"' => in_string = false,
                    _ => {}
                }
                continue;
            }
            match c {
                '{' => {
                    if typed_as_text(&text[i + 1..]) {
                        return Some(lone_open_brace(entry, base + i));
                    }
                    frames.push(Frame::default());
                }
                '}' => {
                    if frames.pop().is_none() {
                        return Some(lone_brace(entry, base + i));
                    }
                }
                c => {
                    let Some(frame) = frames.last_mut().filter(|f| !f.select) else {
                        continue;
                    };
                    match c {
                        '"' => in_string = true,
                        '-' if text[i + 1..].starts_with('>') => frame.select = true,
                        '$' => {
                            if let Some(slip) = variable_name(entry, &text[i + 1..], base + i) {
                                return Some(slip);
                            }
                        }
                        c => {
                            let variable = variable_around(text, i);
                            if let Some(slip) = odd_char(entry, c, base + i, variable) {
                                return Some(slip);
                            }
                        }
                    }
                }
            }
        }
        if frames.last().is_some_and(|f| !f.select) {
            return None;
        }
    }
    None
}

/// Whether a `{` followed by `after` (the rest of its line) was typed as
/// text: what follows it starts no variable, message, number or quoted
/// text. (Quotes, marks and odd spaces right after it are slips of their
/// own; a `{` ending its line is Fluent's to report.)
fn typed_as_text(after: &str) -> bool {
    let content = after.trim_start_matches(' ');
    let Some(first) = content.chars().next() else {
        return false;
    };
    if matches!(first, '$' | '"' | '{' | '}' | '-')
        || first.is_ascii_digit()
        || QUOTES.contains(&first)
        || is_invisible_mark(first)
        || first.is_whitespace()
    {
        return false;
    }
    if !first.is_ascii_alphabetic() {
        return true;
    }
    // A message (`{ other-message }`, `{ msg.attr }`) or a function
    // (`{ NUMBER($n) }`); anything else after the word is text.
    let word = &content[..ident_len(content)];
    let rest = content[word.len()..].trim_start_matches(' ');
    let function = rest.starts_with('(') && !word.contains(|c: char| c.is_ascii_lowercase());
    let attribute = rest
        .strip_prefix('.')
        .is_some_and(|a| ident_len(a) > 0 && a[ident_len(a)..].trim_start().starts_with('}'));
    !(rest.is_empty() || rest.starts_with('}') || rest.starts_with("->") || function || attribute)
}

/// A `{` typed as text.
fn lone_open_brace(entry: &Entry, at: usize) -> Slip {
    entry.slip(
        at..at + 1,
        entry.worded(
            "this `{` starts no `{ … }`: Fluent reads what follows a `{` as a variable, a message or quoted text",
        ),
        "to print a brace, write `{\"{\"}`; a variable is written `{ $hotline }`",
    )
}

/// A `}` typed as text.
fn lone_brace(entry: &Entry, at: usize) -> Slip {
    entry.slip(
        at..at + 1,
        entry.worded("this `}` closes no `{`"),
        "to print a brace, write `{\"}\"}`; a variable is written `{ $hotline }`",
    )
}

/// Quotes Fluent does not read: curly, low, angle (guillemets), primes,
/// fullwidth and corner quotes, the apostrophe and the backtick.
const QUOTES: &[char] = &[
    '\u{2018}', '\u{2019}', '\u{201A}', '\u{201B}', '\u{201C}', '\u{201D}', '\u{201E}', '\u{201F}',
    '\u{00AB}', '\u{00BB}', '\u{2039}', '\u{203A}', '\u{2032}', '\u{2033}', '\u{2035}', '\u{2036}',
    '\u{FF02}', '\u{FF07}', '\u{300C}', '\u{300D}', '\u{301D}', '\u{301E}', '\'', '`',
];

/// Invisible marks (direction marks, joiners, a soft hyphen) that a
/// keyboard or a copy and paste may put inside `{ … }`.
fn is_invisible_mark(c: char) -> bool {
    matches!(c, '\u{00AD}' | '\u{061C}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}')
}

/// A character inside `{ … }` that Fluent cannot read there and a person
/// cannot tell from what Fluent wants.
/// The variable written in the `{ … }` around offset `at` of `text`
/// (`hotline` in `{ “$hotline” }`), if any.
fn variable_around(text: &str, at: usize) -> Option<&str> {
    let start = text[..at].rfind('{')?;
    let end = text[at..].find('}').map_or(text.len(), |e| at + e);
    let inside = &text[start..end];
    let name = &inside[inside.find('$')? + 1..];
    let len = ident_len(name);
    (len > 0).then(|| &name[..len])
}

/// A character inside `{ … }` that Fluent cannot read there and a person
/// cannot tell from what Fluent wants; `variable` is the one the `{ … }`
/// holds.
fn odd_char(entry: &Entry, c: char, at: usize, variable: Option<&str>) -> Option<Slip> {
    let written = format!("{{ ${} }}", variable.unwrap_or("hotline"));
    let (what, hint) = if QUOTES.contains(&c) {
        (
            format!(
                "{} inside `{{ … }}`, where Fluent reads no such quote",
                describe_char(c)
            ),
            format!(
                "a variable takes no quotes: write `{written}`; text inside `{{ … }}` goes between straight quotes, as in `{{ \"«\" }}`"
            ),
        )
    } else if is_invisible_mark(c) {
        (
            format!("an invisible {} inside `{{ … }}`", describe_char(c)),
            format!(
                "type `{written}` again with only ordinary spaces in it: kyr keeps a number's direction by itself"
            ),
        )
    } else if c.is_whitespace() && c != ' ' {
        (
            format!(
                "{} inside `{{ … }}`, which Fluent does not read as a space",
                spoken(c)
            ),
            "type an ordinary space (the space bar) there".to_owned(),
        )
    } else {
        return None;
    };
    Some(entry.slip(at..at + c.len_utf8(), entry.worded(&what), hint))
}

/// A `$` (at `at`) not followed by a name Fluent can read: a space after
/// it, or a name with a letter variables do not use (a translated name).
fn variable_name(entry: &Entry, after: &str, at: usize) -> Option<Slip> {
    let name: String = after
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    if name.is_empty() {
        return after.starts_with(is_space_like).then(|| {
            entry.slip(
                at..at + 1,
                entry.worded("there is a space between `$` and the variable's name"),
                "write the name right after `$`, as in `{ $hotline }`",
            )
        });
    }
    let c = name.chars().find(|c| !c.is_ascii())?;
    Some(entry.slip(
        at..at + 1 + name.len(),
        entry.worded(&format!(
            "`${name}` is no variable: a variable's name has only the letters a to z, and this one has {}",
            describe_char(c)
        )),
        "a variable keeps its name from the reference text (such as `{ $hotline }`): only the words around it are translated",
    ))
}

/// The marker (`**` or `__`) a translated text opens and does not close,
/// which Markdown would print as it is.
pub(crate) fn unclosed_emphasis(text: &str) -> Option<&'static str> {
    ["**", "__"]
        .into_iter()
        .find(|marker| count_unescaped(text, marker) % 2 == 1)
}

/// How often `marker` is written in `text` without a `\` before it.
fn count_unescaped(text: &str, marker: &str) -> usize {
    let mut count = 0;
    let mut rest = text;
    while let Some(at) = rest.find(marker) {
        if !rest[..at].ends_with('\\') {
            count += 1;
        }
        rest = &rest[at + marker.len()..];
    }
    count
}

#[cfg(test)]
mod tests;
