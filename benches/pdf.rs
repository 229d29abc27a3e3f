//! What one PDF costs in kyr compared with typst alone.
//!
//! For a few shipped documents (Latin, Arabic, Adlam), it times:
//! - kyr: resolve the document, render the data file and main source,
//!   compile, export, and scan for missing glyphs
//!   (`inspect::Typesetter::typeset`, the stages `kyr build` runs);
//! - typst: `typst::compile` and `typst_pdf::pdf` of the very same sources
//!   in a minimal World with the fonts already loaded.
//!
//! Typst's memoization cache is emptied before every run so each one is a
//! cold compile. Run with `cargo bench --bench pdf`; `KYR_BENCH_RUNS` sets
//! the number of runs (default 15). The figure to watch is the ratio.

mod common;

use common::{BareWorld, Fonts, handout_templates};

use std::path::Path;
use std::time::{Duration, Instant};

use kyr::inspect::Typesetter;
use typst::utils::LazyHash;
use typst::{Library, LibraryExt};
use typst_layout::PagedDocument;

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn main() {
    let runs: usize = std::env::var("KYR_BENCH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(15);
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let project = kyr::project::load(root).expect("the repository is a kyr project");

    let started = Instant::now();
    let fonts = Fonts::bundled();
    let font_load = started.elapsed();
    let started = Instant::now();
    let _ = kyr::inspect::bundled_fonts();
    let font_again = started.elapsed();
    println!(
        "bundled fonts: {} faces parsed in {:.1} ms; asked again: {:.3} ms (shared, not reloaded)",
        fonts.fonts.len(),
        font_load.as_secs_f64() * 1e3,
        font_again.as_secs_f64() * 1e3
    );

    let typesetter = Typesetter::new(&project, None);
    let library = LazyHash::new(Library::default());
    let templates = handout_templates(root);

    println!(
        "{:<24} {:>10} {:>10} {:>7} {:>10}",
        "document", "kyr ms", "typst ms", "ratio", "warm ms"
    );
    let mut total_kyr = Duration::ZERO;
    let mut total_typst = Duration::ZERO;
    for (tag, doc) in [
        ("en", "at-the-door"),
        ("ar", "red-card"),
        ("ff-Adlm", "at-the-door"),
        ("fr", "in-the-shelter"),
    ] {
        let mut kyr_times = Vec::new();
        let mut typst_times = Vec::new();
        let mut warm_times = Vec::new();
        for _ in 0..runs {
            typst::comemo::evict(0);
            let started = Instant::now();
            let typeset = typesetter
                .typeset(tag, doc, "handout")
                .expect("a shipped document");
            kyr_times.push(started.elapsed());
            assert!(typeset.result.is_ok(), "{tag}/{doc} failed");

            // The same generated sources, outside the timing.
            let sources = typesetter
                .sources(tag, doc, "handout")
                .expect("a shipped document");
            let world = BareWorld::new(&library, &fonts, &templates, sources);

            typst::comemo::evict(0);
            let started = Instant::now();
            let document = typst::compile::<PagedDocument>(&world)
                .output
                .expect("typst compiles kyr's sources");
            let pdf = typst_pdf::pdf(&document, &typst_pdf::PdfOptions::default()).unwrap();
            typst_times.push(started.elapsed());
            assert!(!pdf.is_empty());

            // Again without emptying the cache: how much memoization saves
            // (shows the cold figures above are really cold).
            let started = Instant::now();
            let document = typst::compile::<PagedDocument>(&world).output.unwrap();
            let _ = typst_pdf::pdf(&document, &typst_pdf::PdfOptions::default()).unwrap();
            warm_times.push(started.elapsed());
        }
        let k = median(kyr_times);
        let t = median(typst_times);
        let w = median(warm_times);
        total_kyr += k;
        total_typst += t;
        println!(
            "{:<24} {:>10.1} {:>10.1} {:>7.2} {:>10.1}",
            format!("{tag}/{doc}"),
            k.as_secs_f64() * 1e3,
            t.as_secs_f64() * 1e3,
            k.as_secs_f64() / t.as_secs_f64(),
            w.as_secs_f64() * 1e3,
        );
    }
    println!(
        "{:<24} {:>10.1} {:>10.1} {:>7.2}   (target: ratio <= 1.5)",
        "all",
        total_kyr.as_secs_f64() * 1e3,
        total_typst.as_secs_f64() * 1e3,
        total_kyr.as_secs_f64() / total_typst.as_secs_f64()
    );
}
