//! A translator's slip never reaches paper: a sample of the slip suite
//! ([`suite`]) over the shipped project, every class of slip in messages
//! of several locales. `cargo bench --bench slips` runs every case.

pub(crate) mod suite;

use std::path::Path;

use suite::{Verdict, cases, sample};

#[test]
fn a_sample_of_translator_slips_is_each_located_or_read_as_meant() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let all = cases(root);
    let classes: std::collections::BTreeSet<&str> = all.iter().map(|c| c.class).collect();
    assert!(classes.len() >= 30, "{classes:?}");
    let cases = sample(all, 3);
    let mut runner = suite::Runner::new(root);
    let mut bad = Vec::new();
    let mut meant = 0;
    for case in &cases {
        match runner.run(case) {
            Verdict::Located => {}
            Verdict::Meant => meant += 1,
            Verdict::Bad(why) => bad.push(format!(
                "{} in `{}` of {}: {why}",
                case.class,
                case.id.as_deref().unwrap_or("the file"),
                case.file
            )),
        }
    }
    assert!(runner.builds() > cases.len());
    assert!(
        bad.is_empty(),
        "{} of {} cases:\n{}",
        bad.len(),
        cases.len(),
        bad.join("\n")
    );
    // The slips that are errors are not all read as meant.
    assert!(meant < cases.len() / 4, "{meant} of {}", cases.len());
}
