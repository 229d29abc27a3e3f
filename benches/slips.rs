//! The slip suite in full: every message of every shipped locale, with
//! every slip a translator makes in a text editor, built and classified
//! (see `tests/slips/suite.rs`). Prints a count per slip class, each bad
//! case, and how long it took; exits 1 when a case is bad.
//!
//! `cargo bench --bench slips` (every case), or
//! `cargo bench --bench slips -- CLASS-WORDS` for the classes whose name
//! holds those words.

// The sample the test takes is not needed here.
#[allow(dead_code)]
#[path = "../tests/slips/suite.rs"]
mod suite;

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Instant;

use suite::{Verdict, cases};

fn main() {
    let filter: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let started = Instant::now();
    let cases: Vec<_> = cases(root)
        .into_iter()
        .filter(|c| filter.is_empty() || filter.iter().any(|f| c.class.contains(f.as_str())))
        .collect();
    let mut runner = suite::Runner::new(root);
    // Per class: located, meant, bad.
    let mut counts: BTreeMap<&str, [usize; 3]> = BTreeMap::new();
    let mut bad = Vec::new();
    for case in &cases {
        let verdict = runner.run(case);
        let count = counts.entry(case.class).or_default();
        match verdict {
            Verdict::Located => count[0] += 1,
            Verdict::Meant => count[1] += 1,
            Verdict::Bad(why) => {
                count[2] += 1;
                bad.push(format!(
                    "{} in `{}` of {}: {why}",
                    case.class,
                    case.id.as_deref().unwrap_or("the file"),
                    case.file
                ));
            }
        }
    }
    println!(
        "{:<50} {:>8} {:>6} {:>5}",
        "slip", "located", "meant", "bad"
    );
    let mut total = [0; 3];
    for (class, count) in &counts {
        println!(
            "{class:<50} {:>8} {:>6} {:>5}",
            count[0], count[1], count[2]
        );
        for i in 0..3 {
            total[i] += count[i];
        }
    }
    println!(
        "{:<50} {:>8} {:>6} {:>5}",
        format!("all {} cases", cases.len()),
        total[0],
        total[1],
        total[2]
    );
    println!(
        "{} builds (and as many checks) in {:.1} s",
        runner.builds(),
        started.elapsed().as_secs_f64()
    );
    for line in &bad {
        println!("BAD {line}");
    }
    if !bad.is_empty() {
        std::process::exit(1);
    }
}
