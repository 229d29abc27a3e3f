//! Tests that need a program outside the Rust toolchain: the generated
//! pages in Chromium and Firefox (`browser`), the workflows through
//! actionlint and their steps through jq (`workflows`), and the PDFs' text
//! through pdftotext (`pdf_text`). libtest cannot ignore a test once it
//! runs, so this is libtest-mimic's harness: a test whose programs are
//! missing is ignored with what to install, and the summary counts it;
//! with `CI=true` it fails (`needs`). Filters, `--exact`, `--skip`,
//! `--list`, `--include-ignored` and `--test-threads` work as with
//! libtest; what a test prints is not captured, but a panic is printed
//! once, with the failures (`panics`). Several filters choose the tests
//! whose names hold any of them, as with libtest.

#[allow(dead_code, reason = "the helpers of tests/main.rs, some used here")]
#[path = "../util/mod.rs"]
mod util;

mod browser;
mod needs;
mod panics;
mod pdf_text;
mod workflows;

use std::process::ExitCode;

use libtest_mimic::{Arguments, Trial};
use needs::Need::{
    self, ActionlintPackages, BrowserPackages, Chromium, Firefox, Jq, Node, Pdftotext,
};

/// A test: its name as the summary shows it, what it needs, and its body,
/// which fails by panicking, as a `#[test]` does.
struct Test {
    name: &'static str,
    needs: &'static [Need],
    body: fn(),
}

/// A [`Test`] of `module::function`, named so.
macro_rules! test {
    ($module:ident :: $function:ident, $needs:expr) => {
        Test {
            name: concat!(stringify!($module), "::", stringify!($function)),
            needs: $needs,
            body: $module::$function,
        }
    };
}

/// The browser tests but the Firefox one: pages opened in Chromium by the
/// scripts of `tests/browser/`.
const IN_CHROMIUM: &[Need] = &[Chromium, Node, BrowserPackages];

static TESTS: &[Test] = &[
    test!(
        browser::shipped_pages_in_chromium_read_in_their_direction_offline_and_accessibly,
        IN_CHROMIUM
    ),
    test!(
        browser::hostile_translation_runs_nothing_in_chromium_and_shows_as_text,
        IN_CHROMIUM
    ),
    test!(
        browser::adlam_and_arabic_are_drawn_with_the_pages_own_fonts_over_file_urls,
        IN_CHROMIUM
    ),
    test!(
        browser::latin_spaces_and_colons_come_from_the_latin_face_where_the_system_has_script_fonts,
        IN_CHROMIUM
    ),
    test!(
        browser::kyrs_own_lines_read_in_the_direction_of_their_language_on_a_narrow_phone,
        IN_CHROMIUM
    ),
    test!(
        browser::the_pages_fonts_load_over_file_urls_in_firefox_too,
        &[Firefox]
    ),
    test!(
        browser::a_message_recorded_in_chromium_is_saved_confirmed_and_on_the_rebuilt_page,
        IN_CHROMIUM
    ),
    test!(
        browser::a_phones_recording_chosen_through_the_file_input_is_saved_checked_and_played,
        IN_CHROMIUM
    ),
    test!(
        browser::the_work_index_lists_languages_by_their_names_and_links_the_next_thing_to_do,
        IN_CHROMIUM
    ),
    test!(
        browser::a_served_page_keeps_its_style_under_the_servers_policy_and_reloads_after_a_rebuild,
        IN_CHROMIUM
    ),
    test!(
        browser::a_message_translated_in_chromium_is_checked_saved_alone_and_on_the_rebuilt_page,
        IN_CHROMIUM
    ),
    test!(
        browser::a_served_pages_problems_show_at_its_top_on_a_phone_under_the_servers_policy,
        IN_CHROMIUM
    ),
    test!(
        workflows::every_workflow_passes_actionlint,
        &[Node, ActionlintPackages]
    ),
    test!(
        workflows::the_workflow_init_writes_runs_its_steps_as_written,
        &[Jq]
    ),
    test!(
        workflows::the_repositorys_own_workflow_passes_on_the_repository,
        &[Jq]
    ),
    // Its steps call kyr and git only; it is here with the other
    // workflows' steps.
    test!(
        workflows::the_sharded_workflow_example_merges_its_shares_into_the_zip_of_one_build,
        &[]
    ),
    test!(
        pdf_text::vowel_marks_are_read_once_and_with_their_letter,
        &[Pdftotext]
    ),
    test!(
        pdf_text::the_card_sheets_printing_note_is_in_the_projects_language_on_every_sheet,
        &[Pdftotext]
    ),
    test!(
        pdf_text::a_project_older_than_an_interface_message_builds_with_kyrs_own_text_and_is_told_the_line,
        &[Pdftotext]
    ),
];

fn main() -> ExitCode {
    let (mut args, filters) = arguments();
    // libtest reads the number of threads from the environment too.
    if args.test_threads.is_none() {
        args.test_threads = std::env::var("RUST_TEST_THREADS")
            .ok()
            .and_then(|n| n.parse().ok());
    }
    panics::keep_for_the_summary();
    let chosen = |name: &str| {
        filters.is_empty()
            || filters.iter().any(|f| {
                if args.exact {
                    name == f
                } else {
                    name.contains(f.as_str())
                }
            })
    };
    let trials = TESTS
        .iter()
        .filter(|test| chosen(test.name))
        .map(|test| {
            Trial::ignorable_test(test.name, || needs::run_if_present(test.needs, test.body))
        })
        .collect();
    libtest_mimic::run(&args, trials).exit_code()
}

/// The arguments, and the filters apart: libtest takes any number of them
/// (`cargo test -- readme browser` runs the tests whose names hold either),
/// libtest-mimic one, so the words that are neither an option nor an
/// option's value are taken out here and the tests chosen by them.
fn arguments() -> (Arguments, Vec<String>) {
    const TAKES_A_VALUE: &[&str] = &[
        "--test-threads",
        "--logfile",
        "--skip",
        "--color",
        "--format",
        "-Z",
    ];
    let mut given = std::env::args();
    let mut options: Vec<String> = given.next().into_iter().collect();
    let mut filters = Vec::new();
    while let Some(arg) = given.next() {
        if TAKES_A_VALUE.contains(&arg.as_str()) {
            options.push(arg);
            options.extend(given.next());
        } else if arg.starts_with('-') {
            options.push(arg);
        } else {
            filters.push(arg);
        }
    }
    (Arguments::from_iter(options), filters)
}
