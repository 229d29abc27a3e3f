//! A whole catalogue build, as an organizer runs it: `kyr build` as a
//! subprocess on a synthetic project of D documents × L locales.
//!
//! The project is generated in a temporary folder. Each document is made
//! to be one to three handout pages (`layouts = ["handout"]`, US Letter).
//! The locales are Latin, Arabic-script and Adlam, with fallback chains and
//! untranslated messages as in a real catalogue. The text is the shipped
//! translations' sentences (`locales/`), cycled to reach the sizes: filler
//! for a benchmark, never shipped. One more locale, `zgh`, has its French
//! sentences spelt in Tifinagh letters, which no bundled font draws: each
//! message it translates warns (`glyph-missing`), as a locale in a script
//! kyr has no font for does. The bench measures:
//!
//! 1. a cold full build (`kyr build --force`, PDF and HTML): wall time,
//!    peak memory of the kyr process (its max RSS, from `wait4`) and PDFs
//!    per second;
//! 2. `kyr build` again with nothing changed, and its share of the cold
//!    build (target < 5 %), with the warnings of `zgh` present: they are
//!    told again from the build's records, as many as the cold build's;
//! 3. `kyr build` after one message was edited in one locale file that no
//!    other locale falls back to: time, outputs built and fresh, and
//!    whether only that document's outputs in that locale were rebuilt;
//! 4. typst alone: `typst::compile` and `typst_pdf::pdf` of the very
//!    handout sources kyr compiled, on one thread, with the fonts loaded
//!    beforehand and typst's cache emptied first. The cold build's time
//!    over this one is the figure to watch (target <= 1.0);
//! 5. the phases, each built alone with `--force`: HTML with its fonts
//!    (time, CPU, minor page faults: memory the kernel zeroed for it, and
//!    its share of the full build's CPU), the text;
//! 6. the PDFs alone on one thread and on two, and the ratio.
//!
//! Which outputs were built or fresh is read from `--message-format json`.
//! It is checked against the files actually rewritten in `out/`, and those
//! rewritten files are what gets counted when kyr has no such flag.
//!
//! Each figure is the median of `KYR_BENCH_RUNS` runs (default 3; every
//! cold build starts from an empty `out/`); peak memory is the largest.
//! The edit is made, then undone, and so on: each is one message's edit.
//!
//! Run with `cargo bench --bench catalogue`. `KYR_BENCH_DOCS` (default 20)
//! and `KYR_BENCH_LOCALES` (default 12, at most 16) set the size, and
//! `KYR_BENCH_WARNINGS=0` leaves `zgh` out (as the bench was before it);
//! `KYR_BENCH_KEEP=1` keeps the generated project and prints where it is;
//! `KYR_BENCH_PROJECT=DIR` only generates the project into `DIR` (new or
//! empty) and stops, for `benches/same_outputs.py`; `KYR_BENCH_KYR=PATH`
//! times another kyr binary (an earlier commit's, say) with the same
//! project and the same typst-alone measure.
//! On two cores the defaults take well under a minute.

mod common;

use common::{BareWorld, Fonts, handout_templates};

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::Read;
use std::os::unix::fs::MetadataExt as _;
use std::os::unix::process::ExitStatusExt as _;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use kyr::inspect::Typesetter;
use typst::utils::LazyHash;
use typst::{Library, LibraryExt};
use typst_layout::PagedDocument;

/// One locale of the synthetic project.
#[derive(Clone)]
struct LocaleSpec {
    tag: &'static str,
    endonym: &'static str,
    /// The shipped locale whose sentences fill its messages (`None`: it
    /// translates nothing).
    text: Option<&'static str>,
    /// The shipped locale whose `kyr.ftl` (interface messages) it gets.
    interface: Option<&'static str>,
    /// Where it falls back, in order of preference: the first one that is
    /// generated is used (then that one's chain, then the reference).
    fallback: &'static [&'static str],
    /// Share of the documents' messages it translates.
    share: f64,
    /// `complete = true`: every message translated, a fallback would warn.
    complete: bool,
    /// Its text is spelt in Tifinagh letters, which no bundled font draws:
    /// every message it translates warns.
    tifinagh: bool,
}

/// The locales, in the order `KYR_BENCH_LOCALES` takes them: the first
/// four already cover the three scripts. The first is the reference.
#[rustfmt::skip]
const LOCALES: &[LocaleSpec] = &[
    //   tag        endonym               text            kyr.ftl         fallback       share  complete
    spec("en",      "English",            Some("en"),     Some("en"),     &[],           1.0,   true),
    spec("fr",      "Français",           Some("fr"),     Some("fr"),     &[],           1.0,   true),
    spec("ar",      "العربية",            Some("ar"),     Some("ar"),     &[],           1.0,   true),
    spec("ff-Adlm", "𞤆𞤵𞤤𞤢𞤪",              Some("ff-Adlm"), Some("ff-Adlm"), &["ff", "fr"], 0.5,   false),
    spec("es",      "Español",            Some("es"),     Some("es"),     &[],           1.0,   true),
    spec("ht",      "Kreyòl ayisyen",     Some("ht"),     Some("ht"),     &["fr"],       0.85,  false),
    spec("ar-MA",   "الدارجة المغربية",   Some("ar"),     None,           &["ar"],       0.6,   false),
    spec("pt",      "Português",          Some("pt"),     Some("pt"),     &["es"],       0.8,   false),
    spec("wo",      "Wolof",              Some("wo"),     Some("wo"),     &["fr"],       0.4,   false),
    spec("ff",      "Pulaar",             Some("ff"),     Some("ff"),     &["fr"],       0.5,   false),
    spec("snk",     "Sooninkanxanne",     None,           None,           &["fr"],       0.0,   false),
    spec("ar-TN",   "تونسي",              Some("ar"),     None,           &["ar"],       0.35,  false),
    spec("fr-CA",   "Français (Canada)",  Some("fr"),     None,           &["fr"],       0.15,  false),
    spec("es-MX",   "Español (México)",   Some("es"),     None,           &["es"],       0.2,   false),
    spec("pt-BR",   "Português (Brasil)", Some("pt"),     None,           &["pt", "es"], 0.3,   false),
    spec("ar-EG",   "العربية المصرية",    Some("ar"),     None,           &["ar"],       0.3,   false),
];

const fn spec(
    tag: &'static str,
    endonym: &'static str,
    text: Option<&'static str>,
    interface: Option<&'static str>,
    fallback: &'static [&'static str],
    share: f64,
    complete: bool,
) -> LocaleSpec {
    LocaleSpec {
        tag,
        endonym,
        text,
        interface,
        fallback,
        share,
        complete,
        tifinagh: false,
    }
}

/// The locale whose messages warn: French sentences in Tifinagh letters,
/// falling back to French for the rest.
const WARNING_LOCALE: LocaleSpec = LocaleSpec {
    tifinagh: true,
    ..spec("zgh", "Tamazight", Some("fr"), None, &["fr"], 0.6, false)
};

/// Latin letters spelt as Tifinagh ones (`a` to `z` as U+2D30 to U+2D49),
/// outside `{ ... }` placeables and link targets (`](...)`).
fn tifinagh(text: &str) -> String {
    let mut placeable = 0usize;
    let mut target = false;
    let mut previous = ' ';
    let mut out = String::with_capacity(text.len() * 3);
    for c in text.chars() {
        match c {
            '{' => placeable += 1,
            '}' => placeable = placeable.saturating_sub(1),
            '(' if previous == ']' => target = true,
            ')' => target = false,
            _ => {}
        }
        let spelt = if placeable == 0 && !target && c.is_ascii_alphabetic() {
            let index = u32::from(c.to_ascii_lowercase()) - u32::from('a');
            char::from_u32(0x2D30 + index).unwrap_or(c)
        } else {
            c
        };
        out.push(spelt);
        previous = c;
    }
    out
}

/// Sections of a document meant to fill one, two or three US Letter
/// handout pages in English.
const SECTIONS_FOR_PAGES: [usize; 3] = [1, 3, 5];

/// The locale a build edit is preferably made in (a Latin one nobody
/// falls back to); any other such locale does otherwise.
const PREFERRED_EDIT_LOCALE: &str = "ht";

fn main() {
    let docs = env_count("KYR_BENCH_DOCS", 20);
    let locale_count = env_count("KYR_BENCH_LOCALES", 12);
    let runs = env_count("KYR_BENCH_RUNS", 3);
    if locale_count > LOCALES.len() {
        fail(&format!(
            "KYR_BENCH_LOCALES is {locale_count}, but the bench knows only {} locales",
            LOCALES.len()
        ));
    }
    let mut locales: Vec<LocaleSpec> = LOCALES[..locale_count].to_vec();
    let warnings = std::env::var_os("KYR_BENCH_WARNINGS").is_none_or(|v| v != "0");
    if warnings {
        locales.push(WARNING_LOCALE);
    }
    let locale_count = locales.len();
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    if let Some(dir) = std::env::var_os("KYR_BENCH_PROJECT") {
        let root = PathBuf::from(dir);
        std::fs::create_dir_all(&root)
            .unwrap_or_else(|e| fail(&format!("failed to create `{}`: {e}", root.display())));
        generate(manifest, &root, docs, &locales);
        println!("generated the project in {}", root.display());
        return;
    }
    let cores = std::thread::available_parallelism().map_or(1, usize::from);

    let temp = tempfile::Builder::new()
        .prefix("kyr-catalogue-")
        .tempdir()
        .expect("failed to create a temporary folder");
    let root = temp.path().to_path_buf();
    let _ = GENERATED.set(root.clone());
    let project = generate(manifest, &root, docs, &locales);
    let keep = std::env::var_os("KYR_BENCH_KEEP").is_some_and(|v| v != "0");
    let _temp = if keep {
        println!("keeping the generated project in {}", temp.keep().display());
        None
    } else {
        Some(temp)
    };

    let help = run_kyr(&root, &["build", "--help"]);
    let has_force = help.stdout.contains("--force");
    let has_json = help.stdout.contains("--message-format");
    let mut args: Vec<&str> = vec!["build", "--color", "never"];
    if has_json {
        args.extend(["--message-format", "json"]);
    }
    let mut cold_args = args.clone();
    if has_force {
        cold_args.push("--force");
    }
    let out = root.join("out");
    let expected_outputs = docs * locale_count * 2;

    // 1. Cold full builds, each into an empty output folder.
    let mut colds = Vec::new();
    for _ in 0..runs {
        if out.exists() {
            std::fs::remove_dir_all(&out)
                .unwrap_or_else(|e| fail(&format!("failed to remove `{}`: {e}", out.display())));
        }
        let (run, result) = build(&root, &cold_args, "cold build");
        if result.built.len() != expected_outputs {
            fail(&format!(
                "the cold build made {} outputs, not the {expected_outputs} expected",
                result.built.len()
            ));
        }
        colds.push((run, result));
    }
    let max_rss_kb = colds.iter().map(|(r, _)| r.max_rss_kb).max().unwrap_or(0);
    let cold_walls: Vec<Duration> = colds.iter().map(|(r, _)| r.wall).collect();
    let (cold, cold_result) = median_run(colds);
    let pdfs = cold_result
        .built
        .iter()
        .filter(|p| p.ends_with(".pdf"))
        .count();

    // 4. Typst alone, on what the cold build compiled.
    let alone = typst_alone(manifest, &root, runs);
    if alone.pdfs != pdfs {
        fail(&format!(
            "typst alone compiled {} handouts, kyr built {pdfs} PDFs",
            alone.pdfs
        ));
    }

    // 2. Nothing changed.
    let again: Vec<_> = (0..runs)
        .map(|_| build(&root, &args, "no-change rebuild"))
        .collect();
    let again_built = again.iter().map(|(_, r)| r.built.len()).max().unwrap_or(0);
    let (again, again_result) = median_run(again);

    // 3. One message edited, then put back, and so on: each is a
    // one-message edit.
    let edit = project.edit.as_ref().map(|target| {
        let mut all = Vec::new();
        let mut rebuilt = BTreeSet::new();
        let mut exact = true;
        for i in 0..runs {
            apply_edit(target, i % 2 == 0);
            let (run, result) = build(&root, &args, "one-message rebuild");
            let built: BTreeSet<String> = result.built.iter().cloned().collect();
            exact &= built == target.expected();
            rebuilt.extend(built);
            all.push((run, result));
        }
        let (run, result) = median_run(all);
        (target, run, result, rebuilt, exact)
    });

    // The report.
    let secs = |d: Duration| d.as_secs_f64();
    let cold_secs = secs(cold.wall);
    let no_change_share = secs(again.wall) / cold_secs;
    let vs_typst = cold_secs / secs(alone.time);
    let met = |ok: bool| if ok { "yes" } else { "NO" };

    println!();
    println!("kyr catalogue benchmark (each figure the median of {runs} runs)");
    println!(
        "  machine:  {cores} cores; load average before: {}",
        load_average()
    );
    println!(
        "  kyr:      `build --force`: {}; `--message-format json`: {} (else: counted from the files rewritten in out/)",
        yes_no(has_force),
        yes_no(has_json)
    );
    let tags: Vec<&str> = locales.iter().map(|l| l.tag).collect();
    println!(
        "  project:  {docs} documents × {locale_count} locales ({}); {} messages in en, {} translated elsewhere; {:.0} KB of FTL",
        tags.join(" "),
        project.reference_messages,
        project.translated_messages,
        project.ftl_bytes as f64 / 1024.0
    );
    println!(
        "  outputs:  {pdfs} handout PDFs ({} pages) + {} HTML pages; pages per handout: {}",
        alone.pages.iter().sum::<usize>(),
        expected_outputs - pdfs,
        histogram(&alone.pages)
    );
    println!();
    println!("{:<52} {:>12}  {:<8} met", "figure", "value", "target");
    let row = |name: &str, value: String, target: &str, ok: &str| {
        println!("{name:<52} {value:>12}  {target:<8} {ok}");
    };
    let cold_name = if has_force {
        "1. cold full build (kyr build --force)"
    } else {
        "1. cold full build (kyr build, empty out/)"
    };
    row(cold_name, format!("{cold_secs:.2} s"), "", "");
    row(
        "   CPU time of kyr (user + sys)",
        format!("{:.2} s", secs(cold.cpu)),
        "",
        "",
    );
    row(
        "   peak memory (max RSS of kyr, largest run)",
        format!("{:.0} MB", max_rss_kb as f64 / 1024.0),
        "",
        "",
    );
    row(
        "   PDFs per second",
        format!("{:.1}", pdfs as f64 / cold_secs),
        "",
        "",
    );
    row(
        "   errors / warnings",
        format!("{} / {}", cold_result.errors, cold_result.warnings),
        "0 errors",
        met(cold_result.errors == 0),
    );
    row(
        "2. no-change rebuild (kyr build)",
        format!("{:.3} s", secs(again.wall)),
        "",
        "",
    );
    row(
        "   no-change / cold",
        format!("{:.1} %", no_change_share * 100.0),
        "< 5 %",
        met(no_change_share < 0.05),
    );
    row(
        "   outputs built / fresh",
        format!(
            "{} / {}",
            again_result.built.len(),
            again_result.fresh.len()
        ),
        "0 built",
        met(again_built == 0),
    );
    row(
        "   warnings told (no-change / cold)",
        format!("{} / {}", again_result.warnings, cold_result.warnings),
        "same",
        met(again_result.warnings == cold_result.warnings),
    );
    let mut notes = Vec::new();
    match &edit {
        Some((target, run, result, rebuilt, exact)) => {
            row(
                &format!(
                    "3. one-message edit rebuild ({}: `{}`)",
                    target.locale, target.message
                ),
                format!("{:.3} s", secs(run.wall)),
                "",
                "",
            );
            row(
                "   edit rebuild / cold",
                format!("{:.1} %", secs(run.wall) / cold_secs * 100.0),
                "",
                "",
            );
            row(
                "   outputs built / fresh",
                format!("{} / {}", result.built.len(), result.fresh.len()),
                "",
                "",
            );
            row(
                &format!(
                    "   only {}/{}.{{pdf,html}} rebuilt",
                    target.locale, target.document
                ),
                yes_no(*exact).into(),
                "exactly",
                met(*exact),
            );
            let expected = target.expected();
            notes.push(format!(
                "edit: `{}` in {}, no locale falls back to {}; rebuilt: {}",
                target.message,
                target
                    .file
                    .strip_prefix(&root)
                    .unwrap_or(&target.file)
                    .display(),
                target.locale,
                list(rebuilt.iter())
            ));
            let extra: Vec<&String> = rebuilt.difference(&expected).collect();
            if !extra.is_empty() {
                notes.push(format!(
                    "  rebuilt without need ({}): {}",
                    extra.len(),
                    list(extra.into_iter())
                ));
            }
            if !exact && rebuilt.is_superset(&expected) {
                notes.push("  (some runs did not rebuild every edited output)".into());
            }
        }
        None => row(
            "3. one-message edit rebuild",
            "skipped".into(),
            "",
            "(no locale to edit)",
        ),
    }
    row(
        &format!("4. typst alone, 1 thread ({} handouts)", alone.pdfs),
        format!("{:.2} s", secs(alone.time)),
        "",
        "",
    );
    row(
        "   kyr cold full build / typst alone",
        format!("{vs_typst:.2}"),
        "<= 1.0",
        met(vs_typst <= 1.0),
    );
    row(
        "   kyr CPU time / typst alone",
        format!("{:.2}", secs(cold.cpu) / secs(alone.time)),
        "",
        "",
    );
    report_phases(&phases(&root, &cold_args, runs), &cold);
    println!();
    println!(
        "every run: cold build {}; typst alone {}",
        seconds(&cold_walls),
        seconds(&alone.times)
    );
    for note in notes {
        println!("{note}");
    }
    for (name, result) in [
        ("cold build", &cold_result),
        ("no-change rebuild", &again_result),
    ]
    .into_iter()
    .chain(edit.as_ref().map(|e| ("one-message rebuild", &e.2)))
    {
        for note in &result.notes {
            println!("{name}: {note}");
        }
    }
}

/// The cold build's phases, each built alone with `--force` (medians of
/// `runs`): HTML with its fonts, the text, and the PDFs on one thread and
/// on two.
struct Phases {
    html: Run,
    text: Run,
    pdf_one: Run,
    pdf_two: Run,
}

fn phases(root: &Path, cold_args: &[&str], runs: usize) -> Phases {
    let phase = |extra: &[&str], what: &str| {
        let mut args = cold_args.to_vec();
        args.extend(extra);
        let all: Vec<_> = (0..runs).map(|_| build(root, &args, what)).collect();
        median_run(all).0
    };
    Phases {
        html: phase(&["--format", "html"], "HTML alone"),
        text: phase(&["--format", "text"], "text alone"),
        pdf_one: phase(&["--format", "pdf", "--jobs", "1"], "PDF on one thread"),
        pdf_two: phase(&["--format", "pdf", "--jobs", "2"], "PDF on two threads"),
    }
}

/// The phases' rows, against the cold build (`cold`, HTML and PDF).
fn report_phases(phases: &Phases, cold: &Run) {
    let secs = |d: Duration| d.as_secs_f64();
    let met = |ok: bool| if ok { "yes" } else { "NO" };
    let row = |name: &str, value: String, target: &str, ok: &str| {
        println!("{name:<52} {value:>12}  {target:<8} {ok}");
    };
    let html = &phases.html;
    row(
        "5. HTML with its fonts alone (--format html)",
        format!("{:.2} s", secs(html.wall)),
        "",
        "",
    );
    row(
        "   CPU time (user + sys)",
        format!("{:.2} s", secs(html.cpu)),
        "",
        "",
    );
    row(
        "   minor page faults",
        format!("{}", html.minor_faults),
        "",
        "",
    );
    let share = secs(html.cpu) / secs(cold.cpu);
    row(
        "   HTML CPU / full build CPU",
        format!("{:.1} %", share * 100.0),
        "<= 10 %",
        met(share <= 0.10),
    );
    row(
        "   text alone (--format text)",
        format!("{:.2} s", secs(phases.text.wall)),
        "",
        "",
    );
    let ratio = secs(phases.pdf_one.wall) / secs(phases.pdf_two.wall);
    row(
        "6. PDF alone, -j 1 / -j 2",
        format!(
            "{:.2} / {:.2} s",
            secs(phases.pdf_one.wall),
            secs(phases.pdf_two.wall)
        ),
        "",
        "",
    );
    row(
        "   -j 1 / -j 2",
        format!("{ratio:.2}"),
        ">= 1.7",
        met(ratio >= 1.7),
    );
}

/// Runs one build and reads its outcome (failing the bench on errors).
fn build(root: &Path, args: &[&str], what: &str) -> (Run, Outcome) {
    let out = root.join("out");
    let before = snapshot(&out);
    let run = run_kyr(root, args);
    let result = outcome(&run, &before, &snapshot(&out), what);
    (run, result)
}

/// The run of median wall time.
fn median_run(mut runs: Vec<(Run, Outcome)>) -> (Run, Outcome) {
    runs.sort_by_key(|(run, _)| run.wall);
    let middle = runs.len() / 2;
    runs.swap_remove(middle)
}

/// The 1-minute load average, or `?`.
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|l| l.split_whitespace().next().map(str::to_owned))
        .unwrap_or_else(|| "?".into())
}

// ---------------------------------------------------------------------
// The synthetic project.

/// What was generated.
struct Generated {
    reference_messages: usize,
    translated_messages: usize,
    ftl_bytes: usize,
    edit: Option<EditTarget>,
}

/// The message the one-message rebuild edits.
struct EditTarget {
    locale: &'static str,
    document: String,
    message: String,
    file: PathBuf,
    /// Its text as generated (a one-line item).
    original: String,
}

impl EditTarget {
    /// The outputs an edit of the message should rebuild.
    fn expected(&self) -> BTreeSet<String> {
        ["html", "pdf"]
            .iter()
            .map(|ext| format!("{}/{}.{ext}", self.locale, self.document))
            .collect()
    }
}

/// What a message is, which decides its length and shape.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Title,
    Heading,
    /// A block of one paragraph.
    Intro,
    /// A block of two paragraphs.
    Body,
    /// A list item (inline).
    Item,
    /// The closing line with `{ $organization }` and `{ $hotline }`.
    Call,
}

/// Sentences of one shipped locale.
#[derive(Default)]
struct Pool {
    /// Titles, headings and other short lines.
    short: Vec<String>,
    /// Sentences and paragraphs.
    long: Vec<String>,
    /// Its translation of the call line, with both variables.
    call: Option<String>,
}

/// Hands out a pool's sentences in turn.
struct Filler<'a> {
    pool: &'a Pool,
    short_at: usize,
    long_at: usize,
}

impl Filler<'_> {
    fn short(&mut self) -> String {
        let list = if self.pool.short.is_empty() {
            &self.pool.long
        } else {
            &self.pool.short
        };
        self.short_at += 1;
        list[self.short_at % list.len()].clone()
    }

    /// Sentences until at least `chars` characters, as one paragraph that
    /// does not start with a character Fluent or Markdown reads specially.
    fn paragraph(&mut self, chars: usize) -> String {
        let list = if self.pool.long.is_empty() {
            &self.pool.short
        } else {
            &self.pool.long
        };
        let mut units = Vec::new();
        let mut length = 0;
        while length < chars {
            self.long_at += 1;
            let unit = sentence(&list[self.long_at % list.len()]);
            length += unit.chars().count() + 1;
            units.push(unit);
        }
        match units.iter().position(|u| starts_plainly(u)) {
            Some(i) => {
                units.rotate_left(i);
                units.join(" ")
            }
            None => units.join(" ").replace("**", ""),
        }
    }

    /// The FTL value of a message (after `id =`).
    fn value(&mut self, kind: Kind) -> String {
        match kind {
            Kind::Title | Kind::Heading => format!(" {}", self.short()),
            Kind::Item => format!(" {}", self.paragraph(90)),
            Kind::Intro => format!("\n    {}", self.paragraph(320)),
            Kind::Body => format!(
                "\n    {}\n\n    {}",
                self.paragraph(380),
                self.paragraph(240)
            ),
            Kind::Call => format!(" {}", self.pool.call.clone().unwrap_or_default()),
        }
    }
}

/// A unit with an end, so cycled units read as sentences.
fn sentence(unit: &str) -> String {
    let ends = ['.', '!', '?', ':', ';', '؟', '»', '"', ')', '。'];
    if unit.ends_with(ends) {
        unit.to_owned()
    } else {
        format!("{unit}.")
    }
}

fn starts_plainly(text: &str) -> bool {
    text.chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() || matches!(c, '"' | '«' | '¿' | '¡'))
}

/// Reads the sentences of a shipped locale from its `.ftl` files.
fn load_pool(manifest: &Path, tag: &str) -> Pool {
    let dir = manifest.join("locales").join(tag);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| fail(&format!("failed to read `{}`: {e}", dir.display())))
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "ftl"))
        .collect();
    files.sort();
    let mut pool = Pool::default();
    // Documents' messages, and the interface's only where those are too
    // few to make paragraphs of (the Adlam locale has two lines).
    let documents: Vec<(String, String)> = files
        .iter()
        .filter(|f| !f.ends_with("kyr.ftl"))
        .flat_map(|f| ftl_messages(&read(f)))
        .collect();
    let messages = if documents.len() < 5 {
        files.iter().flat_map(|f| ftl_messages(&read(f))).collect()
    } else {
        documents
    };
    for (id, value) in messages {
        if id == "door-call" {
            if value.contains("{ $organization }") && value.contains("{ $hotline }") {
                pool.call = Some(value);
            }
            continue;
        }
        if value.contains(['{', '}']) {
            continue;
        }
        let short = id.ends_with("-title") || id.ends_with("-heading");
        for line in value.lines() {
            let unit = line.trim().trim_start_matches("- ").trim();
            if unit.is_empty() {
                continue;
            }
            if short || unit.chars().count() < 40 {
                pool.short.push(unit.to_owned());
            } else {
                pool.long.push(unit.to_owned());
            }
        }
    }
    if pool.short.is_empty() && pool.long.is_empty() {
        fail(&format!("`{}` holds no usable sentence", dir.display()));
    }
    pool
}

/// The messages of an FTL file: id and value (continuation lines joined
/// with newlines, blank lines kept). Enough for the shipped files.
fn ftl_messages(text: &str) -> Vec<(String, String)> {
    let mut messages: Vec<(String, String)> = Vec::new();
    let mut open = false;
    for line in text.lines() {
        let starts_message = line.chars().next().is_some_and(|c| c.is_ascii_alphabetic());
        if starts_message && let Some((id, value)) = line.split_once('=') {
            messages.push((id.trim().to_owned(), value.trim().to_owned()));
            open = true;
        } else if open && (line.starts_with(' ') || line.trim().is_empty()) {
            let continuation = line.trim();
            if continuation.starts_with('.') {
                open = false; // an attribute: not part of the value
            } else if let Some((_, value)) = messages.last_mut() {
                value.push('\n');
                value.push_str(continuation);
            }
        } else {
            open = false;
        }
    }
    for (_, value) in &mut messages {
        *value = value.trim().to_owned();
    }
    messages
}

/// FNV-1a: a stable hash, so the same messages are translated every run.
fn stable_hash(parts: &[&str]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for byte in part.bytes().chain([0xff]) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    hash
}

fn translates(locale: &LocaleSpec, id: &str, kind: Kind, has_call: bool) -> bool {
    if locale.share >= 1.0 {
        return kind != Kind::Call || has_call;
    }
    if locale.share <= 0.0 || (kind == Kind::Call && !has_call) {
        return false;
    }
    // Titles are translated first.
    let draw = (stable_hash(&[locale.tag, id]) % 10_000) as f64;
    kind == Kind::Title || draw < locale.share * 10_000.0
}

/// Writes the project: kyr.toml, content/, locales/.
fn generate(manifest: &Path, root: &Path, docs: usize, locales: &[LocaleSpec]) -> Generated {
    let tags: BTreeSet<&str> = locales.iter().map(|l| l.tag).collect();
    let fallback_of = |l: &LocaleSpec| l.fallback.iter().copied().find(|f| tags.contains(f));
    let reference = locales[0].tag;

    // kyr.toml: the shipped [vars], then the locales.
    let shipped: toml::Table = toml::from_str(&read(&manifest.join("kyr.toml")))
        .unwrap_or_else(|e| fail(&format!("the shipped kyr.toml does not parse: {e}")));
    let mut vars = toml::Table::new();
    if let Some(v) = shipped.get("vars") {
        vars.insert("vars".into(), v.clone());
    }
    let mut config = String::from(
        "# Generated by benches/catalogue.rs: filler text for a benchmark, never shipped.\n\
         title = \"project-title\"\nreference = \"en\"\npaper = \"us-letter\"\n\n",
    );
    config.push_str(&toml::to_string(&vars).expect("the shipped [vars] serialize"));
    for locale in locales {
        let quoted = |s: &str| toml::Value::String(s.to_owned()).to_string();
        config.push_str(&format!(
            "\n[locales.{}]\nendonym = {}\n",
            locale.tag,
            quoted(locale.endonym)
        ));
        if let Some(fallback) = fallback_of(locale) {
            config.push_str(&format!("fallback = [{}]\n", quoted(fallback)));
        }
        if locale.complete {
            config.push_str("complete = true\n");
        }
        config.push_str(&format!("reviewed = {}\n", locale.tag == reference));
    }
    write(&root.join("kyr.toml"), &config);

    // Which locales some other locale falls back to, directly or not.
    let mut fallen_back_to = BTreeSet::new();
    for locale in locales {
        let mut at = fallback_of(locale);
        while let Some(tag) = at {
            fallen_back_to.insert(tag);
            at = locales.iter().find(|l| l.tag == tag).and_then(&fallback_of);
        }
    }
    let edit_locale = locales[1..]
        .iter()
        .filter(|l| l.share > 0.0 && !fallen_back_to.contains(l.tag))
        .min_by_key(|l| l.tag != PREFERRED_EDIT_LOCALE)
        .map(|l| l.tag);

    let pools: HashMap<&str, Pool> = locales
        .iter()
        .filter_map(|l| l.text)
        .map(|tag| (tag, load_pool(manifest, tag)))
        .collect();
    let mut fillers: HashMap<&str, Filler> = locales
        .iter()
        .filter_map(|l| {
            l.text.map(|text| {
                let filler = Filler {
                    pool: &pools[text],
                    short_at: stable_hash(&[l.tag]) as usize % 97,
                    long_at: stable_hash(&[l.tag, "long"]) as usize % 97,
                };
                (l.tag, filler)
            })
        })
        .collect();

    let mut generated = Generated {
        reference_messages: 0,
        translated_messages: 0,
        ftl_bytes: 0,
        edit: None,
    };
    for locale in locales {
        if let Some(source) = locale.interface {
            let text = read(
                &manifest
                    .join("assets")
                    .join("interface")
                    .join(format!("{source}.ftl")),
            );
            generated.ftl_bytes += text.len();
            write(
                &root.join("locales").join(locale.tag).join("kyr.ftl"),
                &text,
            );
        }
    }
    // The first item the edit locale translates in each document.
    let mut edit_candidates: Vec<(usize, EditTarget)> = Vec::new();
    for index in 0..docs {
        let name = format!("doc{:02}", index + 1);
        let sections = SECTIONS_FOR_PAGES[index % SECTIONS_FOR_PAGES.len()];
        let mut messages = vec![
            (format!("{name}-title"), Kind::Title),
            (format!("{name}-intro"), Kind::Intro),
        ];
        let mut body = format!("# {{ {name}-title }}\n\n{{ {name}-intro }}\n");
        for s in 1..=sections {
            let heading = format!("{name}-s{s}-heading");
            let block = format!("{name}-s{s}-body");
            body.push_str(&format!("\n## {{ {heading} }}\n\n{{ {block} }}\n\n"));
            messages.push((heading, Kind::Heading));
            messages.push((block, Kind::Body));
            for i in 1..=3 {
                let item = format!("{name}-s{s}-item{i}");
                body.push_str(&format!("- {{ {item} }}\n"));
                messages.push((item, Kind::Item));
            }
        }
        body.push_str(&format!("\n{{ {name}-call }}\n"));
        messages.push((format!("{name}-call"), Kind::Call));
        let skeleton = format!(
            "+++\ntitle = \"{name}-title\"\nlayouts = [\"handout\"]\nlast_reviewed = 2026-11-26\n\
             sources = [\n  {{ name = \"ACLU: Know your rights - Immigrants' rights\", \
             url = \"https://www.aclu.org/know-your-rights/immigrants-rights\" }},\n  \
             {{ name = \"NILC: Everyone has certain basic rights\", \
             url = \"https://www.nilc.org/resources/everyone-has-certain-basic-rights/\" }},\n]\n+++\n{body}"
        );
        write(&root.join("content").join(format!("{name}.md")), &skeleton);

        for locale in locales {
            let Some(filler) = fillers.get_mut(locale.tag) else {
                continue;
            };
            let has_call = filler.pool.call.is_some();
            let mut ftl = format!(
                "# Benchmark filler for content/{name}.md in {}: cycled sentences, not a translation.\n\n",
                locale.tag
            );
            let mut count = 0;
            for (id, kind) in &messages {
                if !translates(locale, id, *kind, has_call) {
                    continue;
                }
                let value = filler.value(*kind);
                let value = if locale.tifinagh {
                    tifinagh(&value)
                } else {
                    value
                };
                ftl.push_str(&format!("{id} ={value}\n"));
                count += 1;
                let first_item = edit_candidates.last().is_none_or(|(i, _)| *i != index);
                if Some(locale.tag) == edit_locale && *kind == Kind::Item && first_item {
                    edit_candidates.push((
                        index,
                        EditTarget {
                            locale: locale.tag,
                            document: name.clone(),
                            message: id.clone(),
                            file: root
                                .join("locales")
                                .join(locale.tag)
                                .join(format!("{name}.ftl")),
                            original: value.trim().to_owned(),
                        },
                    ));
                }
            }
            if count == 0 {
                continue;
            }
            if locale.tag == reference {
                generated.reference_messages += count;
            } else {
                generated.translated_messages += count;
            }
            generated.ftl_bytes += ftl.len();
            write(
                &root
                    .join("locales")
                    .join(locale.tag)
                    .join(format!("{name}.ftl")),
                &ftl,
            );
        }
    }
    // One in the middle of the catalogue.
    generated.edit = edit_candidates
        .into_iter()
        .min_by_key(|(index, _)| index.abs_diff(docs / 2))
        .map(|(_, target)| target);
    generated
}

/// Sets the edit target's message to an edited text (its sentence twice)
/// or back to the original.
fn apply_edit(target: &EditTarget, edited: bool) {
    let text = read(&target.file);
    let prefix = format!("{} = ", target.message);
    let value = if edited {
        format!("{0} {0}", target.original)
    } else {
        target.original.clone()
    };
    let mut found = false;
    let lines: Vec<String> = text
        .lines()
        .map(|line| {
            if line.starts_with(&prefix) {
                found = true;
                format!("{prefix}{value}")
            } else {
                line.to_owned()
            }
        })
        .collect();
    if !found {
        fail(&format!(
            "`{}` is not in `{}`",
            target.message,
            target.file.display()
        ));
    }
    write(&target.file, &(lines.join("\n") + "\n"));
}

// ---------------------------------------------------------------------
// Running kyr.

/// One run of the kyr binary.
struct Run {
    wall: Duration,
    /// User and system CPU time of the process.
    cpu: Duration,
    /// Peak resident memory of the process, in KiB (Linux's unit).
    max_rss_kb: i64,
    /// Minor page faults of the process: memory it was given fresh
    /// (zeroed) by the kernel.
    minor_faults: i64,
    status: ExitStatus,
    stdout: String,
    stderr: String,
}

/// Runs `kyr -C root <args>`, without any `KYR_*` variable of ours. The
/// binary is this build's, or `KYR_BENCH_KYR` (another build of kyr, to
/// compare two in one session).
fn run_kyr(root: &Path, args: &[&str]) -> Run {
    let kyr = std::env::var_os("KYR_BENCH_KYR")
        .map_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_kyr")), PathBuf::from);
    let mut command = Command::new(kyr);
    command
        .arg("-C")
        .arg(root)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (key, _) in std::env::vars_os() {
        if key.to_string_lossy().starts_with("KYR_") {
            command.env_remove(key);
        }
    }
    let started = Instant::now();
    #[expect(
        clippy::zombie_processes,
        reason = "`wait_with_usage` reaps it with wait4"
    )]
    let mut child = command.spawn().expect("failed to start the kyr binary");
    let stdout = drain(child.stdout.take().expect("stdout is piped"));
    let stderr = drain(child.stderr.take().expect("stderr is piped"));
    let (status, usage) = wait_with_usage(child.id());
    let wall = started.elapsed();
    Run {
        wall,
        cpu: cpu_time(usage.ru_utime) + cpu_time(usage.ru_stime),
        max_rss_kb: usage.ru_maxrss,
        minor_faults: usage.ru_minflt,
        status,
        stdout: stdout.join().expect("the stdout reader does not panic"),
        stderr: stderr.join().expect("the stderr reader does not panic"),
    }
}

fn cpu_time(t: libc::timeval) -> Duration {
    Duration::from_secs(u64::try_from(t.tv_sec).unwrap_or(0))
        + Duration::from_micros(u64::try_from(t.tv_usec).unwrap_or(0))
}

fn drain(mut pipe: impl Read + Send + 'static) -> std::thread::JoinHandle<String> {
    std::thread::spawn(move || {
        let mut bytes = Vec::new();
        pipe.read_to_end(&mut bytes)
            .expect("failed to read kyr's output");
        String::from_utf8_lossy(&bytes).into_owned()
    })
}

/// Waits for a child with `wait4`, which gives its own resource usage
/// (`getrusage(RUSAGE_CHILDREN)` would give the largest of all children).
fn wait_with_usage(pid: u32) -> (ExitStatus, libc::rusage) {
    let pid = libc::pid_t::try_from(pid).expect("a child's pid fits in pid_t");
    let mut status: libc::c_int = 0;
    // SAFETY: `rusage` is plain integers, for which all zeroes is valid.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    loop {
        // SAFETY: both pointers are to live locals; `pid` is our child,
        // which std's `Child` never waits for here, so it is reaped once.
        let reaped = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
        if reaped == pid {
            return (ExitStatus::from_raw(status), usage);
        }
        let error = std::io::Error::last_os_error();
        if error.kind() != std::io::ErrorKind::Interrupted {
            fail(&format!("failed to wait for kyr: {error}"));
        }
    }
}

/// What a build did, from its JSON lines or else from the files.
struct Outcome {
    /// Outputs (`<locale>/<doc>.<ext>`) built, and those left as they were.
    built: Vec<String>,
    fresh: Vec<String>,
    errors: u64,
    warnings: u64,
    /// Disagreements and other things worth a line.
    notes: Vec<String>,
}

/// Paths (relative, with `/`) of the files under `out/`, with what changes
/// when a file is written again (inode: kyr renames a new file in place).
type Snapshot = BTreeMap<String, (u64, i64, i64)>;

fn snapshot(out: &Path) -> Snapshot {
    walkdir::WalkDir::new(out)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| {
            let meta = e.metadata().ok()?;
            let relative = e.path().strip_prefix(out).ok()?;
            let name = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            Some((name, (meta.ino(), meta.mtime(), meta.mtime_nsec())))
        })
        .collect()
}

/// A document output, as opposed to `index.html` or anything else kyr keeps.
fn is_document_output(path: &str) -> bool {
    path.contains('/') && (path.ends_with(".pdf") || path.ends_with(".html"))
}

/// Reads a build's outcome; fails the bench on errors.
fn outcome(run: &Run, before: &Snapshot, after: &Snapshot, what: &str) -> Outcome {
    let rewritten: BTreeSet<&String> = after
        .iter()
        .filter(|(path, key)| before.get(*path) != Some(key))
        .map(|(path, _)| path)
        .collect();
    let outputs: BTreeSet<&String> = after.keys().filter(|p| is_document_output(p)).collect();

    let mut json_built = Vec::new();
    let mut json_fresh = Vec::new();
    let mut other_artifacts = Vec::new();
    let mut counted = (0u64, 0u64);
    let mut summary: Option<(u64, u64)> = None;
    let mut json_lines = 0;
    for line in run.stdout.lines() {
        let Ok(value) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        json_lines += 1;
        let text = |key: &str| value.get(key).and_then(serde_json::Value::as_str);
        match text("type") {
            Some("artifact") => {
                let path = text("path").unwrap_or_default().to_owned();
                if !is_document_output(&path) {
                    other_artifacts.push(format!("{path} ({})", text("status").unwrap_or("?")));
                } else if text("status") == Some("fresh") {
                    json_fresh.push(path);
                } else {
                    json_built.push(path);
                }
            }
            Some("diagnostic") => match text("severity").or_else(|| text("level")) {
                Some("error") => counted.0 += 1,
                Some("warning") => counted.1 += 1,
                _ => {}
            },
            Some("summary") => {
                let number = |key: &str| value.get(key).and_then(serde_json::Value::as_u64);
                if let (Some(e), Some(w)) = (number("errors"), number("warnings")) {
                    summary = Some((e, w));
                }
            }
            _ => {}
        }
    }
    let from_stderr = run.stderr.lines().rev().find_map(|line| {
        // "built N files into `out` in 1.23s: E errors, W warnings"
        let tail = line.strip_prefix("built ")?.rsplit_once(": ")?.1;
        let (errors, warnings) = tail.split_once(" errors, ")?;
        Some((
            errors.trim().parse().ok()?,
            warnings.trim_end_matches(" warnings").trim().parse().ok()?,
        ))
    });
    let json = json_lines > 0;
    let (errors, warnings) = summary
        .or(json.then_some(counted))
        .or(from_stderr)
        .unwrap_or((0, 0));

    if !run.status.success() || errors > 0 {
        // Its problems, without the progress lines (`[ 12/240] fr/doc03: ...`).
        let lines: Vec<&str> = run
            .stderr
            .lines()
            .filter(|l| !(l.starts_with('[') && l.contains("] ")))
            .collect();
        for line in &lines[lines.len().saturating_sub(40)..] {
            eprintln!("{line}");
        }
        for line in run
            .stdout
            .lines()
            .filter(|l| l.contains("diagnostic"))
            .take(40)
        {
            eprintln!("{line}");
        }
        let why = if run.status.success() {
            format!("{errors} errors")
        } else {
            format!("kyr {}", run.status)
        };
        fail(&format!(
            "the {what} of the generated project failed ({why}); kyr's output is above"
        ));
    }

    let mut notes = Vec::new();
    let (built, fresh) = if json {
        let claimed: BTreeSet<&String> = json_built.iter().collect();
        let touched: BTreeSet<&String> = rewritten
            .iter()
            .copied()
            .filter(|p| is_document_output(p))
            .collect();
        let rewritten_fresh: Vec<&&String> = touched.difference(&claimed).collect();
        let unwritten_built: Vec<&&String> = claimed.difference(&touched).collect();
        if !rewritten_fresh.is_empty() {
            notes.push(format!(
                "{} outputs rewritten on disk but not reported built: {}",
                rewritten_fresh.len(),
                list(rewritten_fresh.into_iter())
            ));
        }
        if !unwritten_built.is_empty() {
            notes.push(format!(
                "{} outputs reported built but not rewritten on disk: {}",
                unwritten_built.len(),
                list(unwritten_built.into_iter())
            ));
        }
        (json_built, json_fresh)
    } else {
        let built: Vec<String> = outputs
            .iter()
            .filter(|p| rewritten.contains(*p))
            .map(|p| (*p).clone())
            .collect();
        let fresh = outputs
            .iter()
            .filter(|p| !rewritten.contains(*p))
            .map(|p| (*p).clone())
            .collect();
        (built, fresh)
    };
    // kyr's own records (`.kyr/`) are counted, anything else is named.
    let (records, others): (Vec<&String>, Vec<&String>) = rewritten
        .iter()
        .filter(|p| !is_document_output(p))
        .partition(|p| p.starts_with(".kyr/"));
    if !others.is_empty() || !records.is_empty() {
        notes.push(format!(
            "other files written: {}; {} under .kyr/",
            list(others.into_iter()),
            records.len()
        ));
    }
    if !other_artifacts.is_empty() {
        notes.push(format!(
            "other artifacts reported: {}",
            list(other_artifacts.iter())
        ));
    }
    Outcome {
        built,
        fresh,
        errors,
        warnings,
        notes,
    }
}

// ---------------------------------------------------------------------
// Typst alone.

/// What typst alone took for every handout.
struct TypstAlone {
    /// The median of `times`.
    time: Duration,
    times: Vec<Duration>,
    pdfs: usize,
    pages: Vec<usize>,
}

/// Compiles and exports every handout of the project with typst alone,
/// one after another on one thread, from a cold cache; the median of
/// `runs` times.
fn typst_alone(manifest: &Path, root: &Path, runs: usize) -> TypstAlone {
    let project = kyr::project::load(root).expect("the generated project loads");
    let fonts = Fonts::bundled();
    let library = LazyHash::new(Library::default());
    // The synthetic project has no templates of its own: kyr uses its
    // built-in ones, which are these files.
    let templates = handout_templates(manifest);
    let typesetter = Typesetter::new(&project, None);
    let mut worlds = Vec::new();
    for locale in project.config.locales.values() {
        for skeleton in &project.skeletons {
            let sources = typesetter
                .sources(&locale.tag, &skeleton.name, "handout")
                .expect("the locale and the document exist");
            worlds.push(BareWorld::new(&library, &fonts, &templates, sources));
        }
    }
    // Typst and krilla parallelize on rayon's pool: give them one thread.
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .expect("failed to start a one-thread pool");
    let once = || {
        typst::comemo::evict(0);
        let started = Instant::now();
        let mut pages = Vec::with_capacity(worlds.len());
        for world in &worlds {
            let document = typst::compile::<PagedDocument>(world)
                .output
                .unwrap_or_else(|e| fail(&format!("typst alone failed to compile: {e:?}")));
            let pdf = typst_pdf::pdf(&document, &typst_pdf::PdfOptions::default())
                .unwrap_or_else(|e| fail(&format!("typst alone failed to export: {e:?}")));
            assert!(!pdf.is_empty(), "typst alone exported an empty PDF");
            pages.push(document.pages().len());
        }
        (started.elapsed(), pages)
    };
    let mut times = Vec::new();
    let mut pages = Vec::new();
    for _ in 0..runs {
        let (time, counted) = pool.install(once);
        times.push(time);
        pages = counted;
    }
    let mut sorted = times.clone();
    sorted.sort();
    TypstAlone {
        time: sorted[sorted.len() / 2],
        times,
        pdfs: worlds.len(),
        pages,
    }
}

// ---------------------------------------------------------------------
// Small helpers.

fn env_count(name: &str, default: usize) -> usize {
    match std::env::var(name) {
        Err(_) => default,
        Ok(value) => match value.trim().parse::<usize>() {
            Ok(n) if n > 0 => n,
            _ => fail(&format!(
                "{name} must be a whole number above 0, not `{value}`"
            )),
        },
    }
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path)
        .unwrap_or_else(|e| fail(&format!("failed to read `{}`: {e}", path.display())))
}

fn write(path: &Path, text: &str) {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .unwrap_or_else(|e| fail(&format!("failed to create `{}`: {e}", parent.display())));
    }
    std::fs::write(path, text)
        .unwrap_or_else(|e| fail(&format!("failed to write `{}`: {e}", path.display())));
}

/// The generated project, which a failed run leaves in place.
static GENERATED: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();

/// Stops the bench. Exiting skips the temporary folder's removal, so the
/// generated project stays for a look, and this says where.
fn fail(message: &str) -> ! {
    eprintln!("error: {message}");
    if let Some(root) = GENERATED.get() {
        eprintln!(
            "note: the generated project is left in `{}` (`kyr -C` it to reproduce)",
            root.display()
        );
    }
    std::process::exit(1)
}

fn yes_no(yes: bool) -> &'static str {
    if yes { "yes" } else { "no" }
}

/// At most ten items, then how many more.
fn list<T: std::fmt::Display>(items: impl Iterator<Item = T>) -> String {
    let items: Vec<String> = items.map(|i| i.to_string()).collect();
    if items.is_empty() {
        return "none".into();
    }
    let mut shown = items[..items.len().min(10)].join(", ");
    if items.len() > 10 {
        shown.push_str(&format!(" and {} more", items.len() - 10));
    }
    shown
}

/// `2.71, 2.80, 3.10 s`.
fn seconds(times: &[Duration]) -> String {
    let shown: Vec<String> = times
        .iter()
        .map(|t| format!("{:.2}", t.as_secs_f64()))
        .collect();
    format!("{} s", shown.join(", "))
}

/// `1 p: 80, 2 p: 80, 3 p: 80`.
fn histogram(pages: &[usize]) -> String {
    let mut counts: BTreeMap<usize, usize> = BTreeMap::new();
    for p in pages {
        *counts.entry(*p).or_default() += 1;
    }
    counts
        .iter()
        .map(|(p, n)| format!("{p} p: {n}"))
        .collect::<Vec<_>>()
        .join(", ")
}
