//! The slip suite: every message of every shipped locale, with each slip a
//! translator makes in a text editor they do not know well (a space before
//! an id, indentation that only looks like spaces, curly quotes, a
//! translated variable, a `#` left in a message, …), built, and the result
//! classified. A slip passes when the build exits 1 with an error at the
//! slip's own line (and column, where the slip is one character), `check`
//! says the same, and only the slipped message falls back; or when the
//! build exits 0 and prints what the translator meant. It fails when any
//! output prints Fluent syntax (`id =`, `{ $`, a brace) or an unclosed
//! `**`, when the build exits 0 with other text, or when the slip costs
//! more than its message. Shared by the test (a sample) and
//! `benches/slips.rs` (every case, counted).

use std::collections::BTreeMap;
use std::fs;
use std::ops::Range;
use std::path::{Path, PathBuf};

use kyr::build::{BuildOptions, Format, build};
use kyr::commands::check::{CheckOptions, check};
use kyr::{Diagnostic, Files};

/// One slip typed into one message (or one file) of one locale.
pub(crate) struct Case {
    /// The kind of slip, as the report counts it.
    pub(crate) class: &'static str,
    /// The locale.
    pub(crate) tag: String,
    /// The file, from the project's root (`locales/fr/red-card.ftl`).
    pub(crate) file: String,
    /// The message slipped in (none for a slip of the whole file).
    pub(crate) id: Option<String>,
    /// The file as saved with the slip.
    pub(crate) bytes: Vec<u8>,
    /// What a build must do.
    pub(crate) expect: Expect,
}

/// Where the error must be, or that the output is what was meant.
#[derive(Debug, Clone)]
pub(crate) enum Expect {
    /// At this line (from 1) and, when known, column (from 1).
    At(usize, Option<usize>),
    /// On one of these lines (from 1): a slip spread over several.
    Lines(Range<usize>),
    /// The build prints what the translator meant.
    Meant,
}

/// How a case came out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Verdict {
    /// Exit 1 with the error at the slip, said by `check` too, costing
    /// only the message.
    Located,
    /// Exit 0 with the text the translator meant.
    Meant,
    /// Neither: why.
    Bad(String),
}

/// A message of a locale's file, as the generator sees it.
struct Message {
    id: String,
    /// Offset of its id.
    start: usize,
    /// From its id to its last line (with the line end).
    entry: Range<usize>,
    /// The offsets of its continuation lines.
    continuation: Vec<usize>,
}

/// Every case of the project at `root`, file by file, message by message,
/// slip by slip.
pub(crate) fn cases(root: &Path) -> Vec<Case> {
    let mut cases = Vec::new();
    for (tag, file) in ftl_files(root) {
        let text = fs::read_to_string(root.join(&file)).unwrap();
        for message in messages(&text) {
            for slip in SLIPS {
                if let Some((slipped, expect)) = (slip.make)(&text, &message) {
                    cases.push(Case {
                        class: slip.class,
                        tag: tag.clone(),
                        file: file.clone(),
                        id: Some(message.id.clone()),
                        bytes: slipped.into_bytes(),
                        expect,
                    });
                }
            }
        }
        for (class, bytes, expect) in file_slips(&text) {
            cases.push(Case {
                class,
                tag: tag.clone(),
                file: file.clone(),
                id: None,
                bytes,
                expect,
            });
        }
    }
    cases
}

/// `(tag, file)` of every `.ftl` file of every locale, in order.
fn ftl_files(root: &Path) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let mut tags: Vec<_> = fs::read_dir(root.join("locales"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    tags.sort();
    for tag in tags {
        let mut names: Vec<_> = fs::read_dir(root.join("locales").join(&tag))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".ftl"))
            .collect();
        names.sort();
        for name in names {
            found.push((tag.clone(), format!("locales/{tag}/{name}")));
        }
    }
    found
}

/// The messages of a file, by their lines: an id at the start of a line,
/// then its indented lines (blank lines between them included).
fn messages(text: &str) -> Vec<Message> {
    let lines = line_starts(text);
    let mut found: Vec<Message> = Vec::new();
    for (i, &start) in lines.iter().enumerate() {
        let line = line_at(text, start);
        let id_len = line
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
            .unwrap_or(line.len());
        let is_id = id_len > 0
            && line.starts_with(|c: char| c.is_ascii_alphabetic())
            && line[id_len..].trim_start().starts_with('=');
        if is_id {
            let mut end = start + line.len();
            let mut continuation = Vec::new();
            for &next in &lines[i + 1..] {
                let l = line_at(text, next);
                if l.starts_with(' ') && !l.trim().is_empty() {
                    continuation.push(next);
                    end = next + l.len();
                } else if !l.trim().is_empty() {
                    break;
                }
            }
            let end = text[end..].find('\n').map_or(text.len(), |n| end + n + 1);
            found.push(Message {
                id: line[..id_len].to_owned(),
                start,
                entry: start..end,
                continuation,
            });
        }
    }
    found
}

fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .filter(|&i| i < text.len())
        .collect()
}

fn line_at(text: &str, start: usize) -> &str {
    let rest = &text[start..];
    rest[..rest.find('\n').unwrap_or(rest.len())].trim_end_matches('\r')
}

/// (line, column) of `offset`, from 1, columns in characters.
pub(crate) fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (
        before.matches('\n').count() + 1,
        before[line_start..].chars().count() + 1,
    )
}

/// `text` with `with` put at `at` (replacing `len` bytes), and where
/// the slip is.
fn splice(text: &str, at: usize, len: usize, with: &str) -> String {
    format!("{}{with}{}", &text[..at], &text[at + len..])
}

/// A kind of slip, made in one message.
struct SlipKind {
    class: &'static str,
    make: fn(&str, &Message) -> Option<(String, Expect)>,
}

/// Expect the error at `offset` of the slipped text.
fn at(slipped: String, offset: usize) -> Option<(String, Expect)> {
    let (line, col) = line_col(&slipped, offset);
    Some((slipped, Expect::At(line, Some(col))))
}

fn before_id(text: &str, m: &Message, space: &str) -> Option<(String, Expect)> {
    at(splice(text, m.start, 0, space), m.start)
}

fn indented_with(text: &str, m: &Message, space: &str) -> Option<(String, Expect)> {
    let line = *m.continuation.first()?;
    let indent = line_at(text, line).len() - line_at(text, line).trim_start().len();
    at(splice(text, line, indent, space), line)
}

/// The first `{ $name }` of the message: offset of `{` and the name.
fn variable(text: &str, m: &Message) -> Option<(usize, String)> {
    let entry = &text[m.entry.clone()];
    let brace = entry.find("{ $")?;
    let rest = &entry[brace + 3..];
    let name: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    rest[name.len()..]
        .starts_with(" }")
        .then_some((m.entry.start + brace, name))
}

fn quoted(text: &str, m: &Message, open: &str, close: &str) -> Option<(String, Expect)> {
    let (brace, name) = variable(text, m)?;
    let placeable = format!("{{ {open}${name}{close} }}");
    at(splice(text, brace, name.len() + 5, &placeable), brace + 2)
}

fn renamed_variable(text: &str, m: &Message, name: &str) -> Option<(String, Expect)> {
    let (brace, old) = variable(text, m)?;
    at(splice(text, brace + 3, old.len(), name), brace + 2)
}

fn inside_braces(text: &str, m: &Message, mark: &str) -> Option<(String, Expect)> {
    let (brace, _) = variable(text, m)?;
    at(splice(text, brace + 2, 0, mark), brace + 2)
}

fn missing_equals(text: &str, m: &Message) -> Option<(String, Expect)> {
    let after = m.start + m.id.len();
    let line = line_at(text, m.start);
    let equals = after + line[m.id.len()..].find('=')?;
    let slipped = splice(text, equals, 1, "");
    // Where the `=` belongs: after the id and the spaces after it.
    let rest = &slipped[after..];
    let spaces = rest.len() - rest.trim_start_matches(' ').len();
    at(slipped, after + spaces)
}

fn id_changed(text: &str, m: &Message, id: String, slip: usize) -> Option<(String, Expect)> {
    if id == m.id {
        return None;
    }
    at(splice(text, m.start, m.id.len(), &id), m.start + slip)
}

fn typo(text: &str, m: &Message) -> Option<(String, Expect)> {
    let cut = m.id.len().checked_sub(2)?;
    let id = format!("{}{}", &m.id[..cut], &m.id[cut + 1..]);
    id_changed(text, m, id, 0)
}

fn accented(text: &str, m: &Message) -> Option<(String, Expect)> {
    let (i, c) = m.id.char_indices().find(|(_, c)| "aeiou".contains(*c))?;
    let with = match c {
        'a' => "à",
        'e' => "é",
        'i' => "î",
        'o' => "ô",
        _ => "ù",
    };
    id_changed(text, m, splice(&m.id, i, 1, with), i)
}

fn spaced(text: &str, m: &Message) -> Option<(String, Expect)> {
    let i = m.id.find('-')?;
    id_changed(text, m, splice(&m.id, i, 1, " "), i)
}

fn capital(text: &str, m: &Message) -> Option<(String, Expect)> {
    let id = format!("{}{}", m.id[..1].to_uppercase(), &m.id[1..]);
    id_changed(text, m, id, 0)
}

fn hash_left(text: &str, m: &Message) -> Option<(String, Expect)> {
    let line = *m.continuation.first()?;
    at(splice(text, line, 0, "#"), line)
}

fn comment_inside(text: &str, m: &Message) -> Option<(String, Expect)> {
    let line = *m.continuation.first()?;
    at(
        splice(text, line, 0, "# Keep this card with you at all times.\n"),
        line,
    )
}

/// Where the message's text starts typing: after `= ` on its first line,
/// or its first continuation line.
fn first_space_in_text(text: &str, m: &Message) -> Option<usize> {
    let line = line_at(text, m.start);
    let value = line.find('=')? + 1;
    let (start, from) = if line[value..].trim().is_empty() {
        let next = *m.continuation.first()?;
        (
            next,
            line_at(text, next).len() - line_at(text, next).trim_start().len(),
        )
    } else {
        (m.start, value + 1)
    };
    let l = line_at(text, start);
    // A space between two words, not inside `{ … }`.
    let words = &l[from..];
    let space = words
        .char_indices()
        .skip(1)
        .find(|&(i, c)| c == ' ' && !words[..i].contains('{') && !words[i..].starts_with(" {"))?;
    Some(start + from + space.0 + 1)
}

fn lone(text: &str, m: &Message, brace: &str) -> Option<(String, Expect)> {
    let offset = first_space_in_text(text, m)?;
    at(splice(text, offset, 0, brace), offset)
}

/// `{ $name }` written as a select expression (without its default, or
/// its closing brace, when `slip`).
fn select(text: &str, m: &Message, star: &str, close: &str) -> Option<(String, Expect)> {
    let (brace, name) = variable(text, m)?;
    let expression = format!(
        "{{ ${name} ->\n        [one] {{ ${name} }}\n       {star}[other] {{ ${name} }}\n    {close}"
    );
    let slipped = splice(text, brace, name.len() + 5, &expression);
    let (first, _) = line_col(&slipped, brace);
    let end = m.entry.end + expression.len() + 2;
    let (last, _) = line_col(&slipped, end.min(slipped.len()));
    Some((slipped, Expect::Lines(first..last + 2)))
}

fn given_twice(text: &str, m: &Message, same: bool) -> Option<(String, Expect)> {
    let entry = &text[m.entry.clone()];
    if !entry.ends_with('\n') {
        return None;
    }
    let copy = if same {
        entry.to_owned()
    } else {
        format!("{} = Autre texte.\n", m.id)
    };
    let slipped = splice(text, m.entry.end, 0, &copy);
    at(slipped, m.entry.end)
}

fn bold_left_open(text: &str, m: &Message) -> Option<(String, Expect)> {
    let entry = &text[m.entry.clone()];
    let last = entry.rfind("**")?;
    let slipped = splice(text, m.entry.start + last, 2, "");
    let (first, _) = line_col(&slipped, m.entry.start);
    let (end, _) = line_col(&slipped, m.entry.end - 3);
    Some((slipped, Expect::Lines(first..end + 1)))
}

/// Every slip of a message.
const SLIPS: &[SlipKind] = &[
    SlipKind {
        class: "space before an id",
        make: |t, m| before_id(t, m, " "),
    },
    SlipKind {
        class: "tab before an id",
        make: |t, m| before_id(t, m, "\t"),
    },
    SlipKind {
        class: "no-break space before an id",
        make: |t, m| before_id(t, m, "\u{A0}"),
    },
    SlipKind {
        class: "ideographic space before an id",
        make: |t, m| before_id(t, m, "\u{3000}"),
    },
    SlipKind {
        class: "a direction mark before an id",
        make: |t, m| before_id(t, m, "\u{200F}"),
    },
    SlipKind {
        class: "continuation indented with a tab",
        make: |t, m| indented_with(t, m, "\t"),
    },
    SlipKind {
        class: "continuation indented with no-break spaces",
        make: |t, m| indented_with(t, m, "\u{A0}\u{A0}\u{A0}\u{A0}"),
    },
    SlipKind {
        class: "continuation indented with thin spaces",
        make: |t, m| indented_with(t, m, "\u{2009}\u{2009}"),
    },
    SlipKind {
        class: "continuation indented with an ideographic space",
        make: |t, m| indented_with(t, m, "\u{3000}"),
    },
    SlipKind {
        class: "curly quotes around a variable",
        make: |t, m| quoted(t, m, "\u{201C}", "\u{201D}"),
    },
    SlipKind {
        class: "guillemets around a variable",
        make: |t, m| quoted(t, m, "\u{AB}", "\u{BB}"),
    },
    SlipKind {
        class: "primes around a variable",
        make: |t, m| quoted(t, m, "\u{2032}", "\u{2032}"),
    },
    SlipKind {
        class: "single curly quotes around a variable",
        make: |t, m| quoted(t, m, "\u{2018}", "\u{2019}"),
    },
    SlipKind {
        class: "a curly quote inside a placeable",
        make: |t, m| inside_braces(t, m, "\u{201D}"),
    },
    SlipKind {
        class: "a variable name translated with accents",
        make: |t, m| renamed_variable(t, m, "t\u{E9}l\u{E9}phone"),
    },
    SlipKind {
        class: "a variable name translated",
        make: |t, m| renamed_variable(t, m, "telefono"),
    },
    SlipKind {
        class: "a direction mark inside a placeable",
        make: |t, m| inside_braces(t, m, "\u{200F}"),
    },
    SlipKind {
        class: "a missing `=`",
        make: missing_equals,
    },
    SlipKind {
        class: "a typo in an id",
        make: typo,
    },
    SlipKind {
        class: "an accented letter in an id",
        make: accented,
    },
    SlipKind {
        class: "a space in an id",
        make: spaced,
    },
    SlipKind {
        class: "a capital letter in an id",
        make: capital,
    },
    SlipKind {
        class: "a `#` left at the start of a line",
        make: hash_left,
    },
    SlipKind {
        class: "an English comment inside a value",
        make: comment_inside,
    },
    SlipKind {
        class: "a lone `{` typed as text",
        make: |t, m| lone(t, m, "{"),
    },
    SlipKind {
        class: "a lone `}` typed as text",
        make: |t, m| lone(t, m, "}"),
    },
    SlipKind {
        class: "a select expression without its default",
        make: |t, m| select(t, m, " ", "}"),
    },
    SlipKind {
        class: "a select expression not closed",
        make: |t, m| select(t, m, "*", ""),
    },
    SlipKind {
        class: "a message id given twice",
        make: |t, m| given_twice(t, m, false),
    },
    SlipKind {
        class: "a message pasted twice",
        make: |t, m| given_twice(t, m, true),
    },
    SlipKind {
        class: "bold left open",
        make: bold_left_open,
    },
];

/// The slips of a whole file: saved as UTF-16 (refused where it starts),
/// or with a BOM and Windows line ends (read as meant).
fn file_slips(text: &str) -> Vec<(&'static str, Vec<u8>, Expect)> {
    let mut utf16 = vec![0xFF, 0xFE];
    for unit in text.encode_utf16() {
        utf16.extend_from_slice(&unit.to_le_bytes());
    }
    let mut crlf = b"\xEF\xBB\xBF".to_vec();
    crlf.extend_from_slice(text.replace('\n', "\r\n").as_bytes());
    vec![
        ("a file saved as UTF-16", utf16, Expect::At(1, Some(1))),
        ("a file saved with a BOM and CRLF", crlf, Expect::Meant),
    ]
}

/// The text of every output of a build of one locale, by file name.
type Outputs = BTreeMap<String, String>;

/// Builds cases in a copy of a project, comparing each with the build of
/// the project as it is and with the message left out.
pub(crate) struct Runner {
    work: tempfile::TempDir,
    source: PathBuf,
    baseline: BTreeMap<(String, bool), Outputs>,
    dropped: BTreeMap<(String, String), Outputs>,
    builds: usize,
}

impl Runner {
    /// A runner on a copy of the project at `source`.
    pub(crate) fn new(source: &Path) -> Runner {
        let work = tempfile::tempdir().unwrap();
        copy_project(source, work.path());
        Runner {
            work,
            source: source.to_owned(),
            baseline: BTreeMap::new(),
            dropped: BTreeMap::new(),
            builds: 0,
        }
    }

    /// How many builds were made.
    pub(crate) fn builds(&self) -> usize {
        self.builds
    }

    /// Builds one case and says how it came out.
    pub(crate) fn run(&mut self, case: &Case) -> Verdict {
        let original = fs::read(self.source.join(&case.file)).unwrap();
        let meant = self.baseline(&case.tag, &case.file, &original);
        let dropped = case
            .id
            .as_ref()
            .map(|id| self.dropped(&case.tag, &case.file, id, &original));
        let built = self.build_with(&case.tag, &case.file, &case.bytes);
        fs::write(self.work.path().join(&case.file), &original).unwrap();
        judge(case, &built, &meant, dropped.as_ref())
    }

    /// The outputs of the project as it is (with HTML when `file` is
    /// kyr's interface file, as the case's build).
    fn baseline(&mut self, tag: &str, file: &str, original: &[u8]) -> Outputs {
        let key = (tag.to_owned(), with_html(file));
        if !self.baseline.contains_key(&key) {
            let built = self.build_with(tag, file, original);
            assert!(built.errors.is_empty(), "{tag}: {:?}", built.errors);
            self.baseline.insert(key.clone(), built.outputs);
        }
        self.baseline[&key].clone()
    }

    fn dropped(&mut self, tag: &str, file: &str, id: &str, original: &[u8]) -> Outputs {
        let key = (file.to_owned(), id.to_owned());
        if !self.dropped.contains_key(&key) {
            let text = String::from_utf8(original.to_vec()).unwrap();
            let message = messages(&text).into_iter().find(|m| m.id == id).unwrap();
            let without = splice(&text, message.entry.start, message.entry.len(), "");
            let built = self.build_with(tag, file, without.as_bytes());
            self.dropped.insert(key.clone(), built.outputs);
        }
        self.dropped[&key].clone()
    }

    /// Builds locale `tag` (text, and HTML for kyr's interface file)
    /// with `file` holding `bytes`; `check` is run on it too.
    fn build_with(&mut self, tag: &str, file: &str, bytes: &[u8]) -> Built {
        self.builds += 1;
        let root = self.work.path();
        fs::write(root.join(file), bytes).unwrap();
        let out = root.join(format!("out-{}", self.builds));
        let project = kyr::project::load(root).unwrap();
        let mut formats = vec![Format::Text];
        if with_html(file) {
            formats.push(Format::Html);
        }
        let options = BuildOptions {
            locales: vec![tag.to_owned()],
            formats,
            out_dir: Some(out.clone()),
            force: true,
            jobs: Some(1),
            ..BuildOptions::default()
        };
        let report = build(&project, &options).unwrap();
        let checked = check(
            &project,
            &CheckOptions {
                locales: vec![tag.to_owned()],
                strict: false.into(),
            },
        );
        let built = Built {
            errors: located(&project.files, report.diagnostics.diagnostics()),
            checked: located(&project.files, checked.diagnostics()),
            outputs: read_outputs(&out.join(tag)),
        };
        let _ = fs::remove_dir_all(&out);
        built
    }
}

/// Whether a case in `file` is built as HTML too: kyr's interface
/// messages are printed in the pages' chrome, which the text leaves out.
fn with_html(file: &str) -> bool {
    file.ends_with("/kyr.ftl")
}

/// What a build gave: its errors (path, line, column, words), `check`'s,
/// and the outputs.
struct Built {
    errors: Vec<(String, usize, usize, String)>,
    checked: Vec<(String, usize, usize, String)>,
    outputs: Outputs,
}

fn located(files: &Files, diagnostics: &[Diagnostic]) -> Vec<(String, usize, usize, String)> {
    diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| match &d.span {
            Some(span) => {
                let file = files.get(span.file);
                let (line, col) = file.line_col(span.range.start);
                let path = file.path.to_string_lossy().replace('\\', "/");
                (path, line, col, d.message.clone())
            }
            None => (String::new(), 0, 0, d.message.clone()),
        })
        .collect()
}

fn read_outputs(dir: &Path) -> Outputs {
    let mut outputs = Outputs::new();
    for entry in fs::read_dir(dir).into_iter().flatten().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.ends_with(".txt") || name.ends_with(".html") {
            let text = fs::read_to_string(entry.path()).unwrap();
            outputs.insert(name, text);
        }
    }
    outputs
}

/// The verdict on a case.
fn judge(case: &Case, built: &Built, meant: &Outputs, dropped: Option<&Outputs>) -> Verdict {
    let leaks = leaks(&built.outputs, meant);
    if !leaks.is_empty() {
        return Verdict::Bad(format!("an output prints {}", leaks.join(", ")));
    }
    if built.errors.is_empty() {
        return if built.outputs == *meant {
            Verdict::Meant
        } else {
            Verdict::Bad("exit 0, but the output is not what the translator meant".to_owned())
        };
    }
    if matches!(case.expect, Expect::Meant) {
        return Verdict::Bad(format!(
            "exit 1 on a file that reads as meant: {:?}",
            built.errors[0]
        ));
    }
    let at_slip = |e: &&(String, usize, usize, String)| {
        e.0.ends_with(&case.file)
            && match &case.expect {
                Expect::At(line, col) => {
                    e.1 == *line
                        && col.is_none_or(|c| e.2 == c || e.3.contains(&format!("column {c}")))
                }
                Expect::Lines(lines) => lines.contains(&e.1),
                Expect::Meant => false,
            }
    };
    let Some(error) = built.errors.iter().find(at_slip) else {
        return Verdict::Bad(format!(
            "no error at the slip ({:?}); the first is {:?}",
            case.expect, built.errors[0]
        ));
    };
    if !built.checked.iter().any(|c| c == error) {
        return Verdict::Bad(format!("`check` does not say {error:?}"));
    }
    let costs_only_it = dropped.is_none_or(|d| built.outputs == *d) || built.outputs == *meant;
    if !costs_only_it {
        return Verdict::Bad("the slip costs more than its message".to_owned());
    }
    Verdict::Located
}

/// What an output prints more often than the build without the slip:
/// Fluent syntax, braces, `**`.
fn leaks(outputs: &Outputs, meant: &Outputs) -> Vec<String> {
    let mut found = Vec::new();
    for (name, text) in outputs {
        let before = meant.get(name).map_or("", String::as_str);
        let (text, before) = (visible(name, text), visible(name, before));
        for needle in ["{", "}", "**", "__", "$"] {
            if text.matches(needle).count() > before.matches(needle).count() {
                found.push(format!("`{needle}` in {name}"));
            }
        }
        if ids_with_equals(&text) > ids_with_equals(&before) {
            found.push(format!("`id =` in {name}"));
        }
    }
    found
}

/// The text of an output a reader sees: an HTML page without its tags,
/// style and script.
fn visible(name: &str, text: &str) -> String {
    if !name.ends_with(".html") {
        return text.to_owned();
    }
    let mut out = String::new();
    let mut rest = text;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let tag = &rest[open..];
        let skip_to = if tag.starts_with("<style") {
            tag.find("</style>")
        } else if tag.starts_with("<script") {
            tag.find("</script>")
        } else {
            Some(0)
        };
        let after = open + skip_to.unwrap_or(0);
        rest = rest[after..]
            .find('>')
            .map_or("", |close| &rest[after + close + 1..]);
    }
    out.push_str(rest);
    out
}

/// How often a hyphenated id followed by `=` is printed (`card-show =`).
fn ids_with_equals(text: &str) -> usize {
    text.match_indices('=')
        .filter(|(i, _)| {
            let before = text[..*i].trim_end_matches(' ');
            let word: String = before
                .chars()
                .rev()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                .collect();
            word.contains('-') && word.chars().any(|c| c.is_ascii_alphabetic())
        })
        .count()
}

/// A sample of `cases`: up to `per_class` of each class, spread over the
/// locales and messages.
pub(crate) fn sample(cases: Vec<Case>, per_class: usize) -> Vec<Case> {
    let mut by_class: BTreeMap<&'static str, Vec<Case>> = BTreeMap::new();
    for case in cases {
        by_class.entry(case.class).or_default().push(case);
    }
    let mut sampled = Vec::new();
    for (_, class) in by_class {
        let len = class.len();
        let picked: Vec<usize> = (0..per_class.min(len))
            .map(|i| i * len / per_class.min(len))
            .collect();
        sampled.extend(
            class
                .into_iter()
                .enumerate()
                .filter(|(i, _)| picked.contains(i))
                .map(|(_, case)| case),
        );
    }
    sampled
}

/// Copies what a build reads of a project: kyr.toml, content, locales,
/// templates.
fn copy_project(from: &Path, to: &Path) {
    fs::copy(from.join("kyr.toml"), to.join("kyr.toml")).unwrap();
    for sub in ["content", "locales", "templates"] {
        copy_dir(&from.join(sub), &to.join(sub));
    }
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}
