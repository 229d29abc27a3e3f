//! A build's progress for the person or CI log watching it: a bar
//! (indicatif) when stderr is a terminal, one plain line per document ×
//! locale when it is not, nothing with `--quiet`.

use std::io::Write as _;
use std::sync::atomic::{AtomicUsize, Ordering};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::build::{JobDone, Progress};

/// How progress is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mode {
    /// A bar that redraws in place.
    Bar,
    /// A line per job.
    Lines,
    /// Nothing.
    Off,
}

/// Shows a build's progress on stderr.
pub(super) struct Reporter {
    mode: Mode,
    bar: ProgressBar,
    total: AtomicUsize,
    done: AtomicUsize,
}

impl Reporter {
    /// A reporter in `mode`.
    pub(super) fn new(mode: Mode) -> Self {
        let bar = match mode {
            Mode::Bar => ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr()),
            Mode::Lines | Mode::Off => ProgressBar::hidden(),
        };
        bar.set_style(
            ProgressStyle::with_template("{bar:30} {pos}/{len} {msg}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        Reporter {
            mode,
            bar,
            total: AtomicUsize::new(0),
            done: AtomicUsize::new(0),
        }
    }

    /// Takes the bar off the screen.
    pub(super) fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

impl Progress for Reporter {
    fn waiting(&self, out_dir: &std::path::Path) {
        self.bar.suspend(|| {
            eprintln!(
                "waiting for another kyr build writing `{}` to finish (use --no-wait to stop instead)",
                out_dir.display()
            );
        });
    }

    fn start(&self, jobs: usize) {
        self.total.store(jobs, Ordering::Relaxed);
        self.bar.set_length(jobs as u64);
    }

    fn done(&self, job: JobDone<'_>) {
        let done = self.done.fetch_add(1, Ordering::Relaxed) + 1;
        match self.mode {
            Mode::Bar => {
                self.bar
                    .set_message(format!("{}/{}", job.locale, job.document));
                self.bar.inc(1);
            }
            Mode::Lines => {
                let total = self.total.load(Ordering::Relaxed);
                let width = total.to_string().len();
                let _ = writeln!(
                    std::io::stderr(),
                    "[{done:>width$}/{total}] {}/{}: {}",
                    job.locale,
                    job.document,
                    describe(job)
                );
            }
            Mode::Off => {}
        }
    }
}

/// `2 written, 1 failed`, `up to date`.
fn describe(job: JobDone<'_>) -> String {
    let mut parts = Vec::new();
    if job.built > 0 {
        parts.push(format!("{} written", job.built));
    }
    if job.failed > 0 {
        parts.push(format!("{} failed", job.failed));
    }
    if parts.is_empty() {
        "up to date".to_owned()
    } else {
        if job.fresh > 0 {
            parts.push(format!("{} up to date", job.fresh));
        }
        parts.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn job_lines_say_what_happened() {
        let job = |built, fresh, failed| JobDone {
            locale: "fr",
            document: "door",
            built,
            fresh,
            failed,
        };
        assert_eq!(describe(job(0, 3, 0)), "up to date");
        assert_eq!(describe(job(2, 1, 0)), "2 written, 1 up to date");
        assert_eq!(describe(job(0, 0, 3)), "3 failed");
    }
}
