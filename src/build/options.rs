//! What a build is asked for: the options (`--locale`, `--doc`,
//! `--format`, `--shard`, ...), the output formats and a shard of the jobs.

use crate::base::diag::Strict;
use std::fmt;
use std::path::PathBuf;
use std::str::FromStr;

use crate::config::Locale;
pub use crate::render::Format;

/// What to build.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// Locales to build (all when empty).
    pub locales: Vec<String>,
    /// Documents to build (all when empty).
    pub documents: Vec<String>,
    /// Formats to build; HTML and PDF when empty, as `kyr build` without
    /// `--format` (text is built when asked for).
    pub formats: Vec<Format>,
    /// Output folder (the project's `out/` when `None`).
    pub out_dir: Option<PathBuf>,
    /// Every warning is an error, but those `--allow` names.
    pub strict: Strict,
    /// Build time in seconds since 1970 (`SOURCE_DATE_EPOCH`); a fixed
    /// time when `None`, so outputs are reproducible either way.
    pub epoch: Option<i64>,
    /// Threads to build with (the number of cores when `None`).
    pub jobs: Option<usize>,
    /// Build everything, even what is unchanged since the last build.
    pub force: bool,
    /// Build only this share of the documents × locales.
    pub shard: Option<Shard>,
    /// When another kyr is building into the same output folder, stop at
    /// once (a usage error, exit 2) instead of waiting for it.
    pub no_wait: bool,
}

impl BuildOptions {
    /// The formats to build, HTML first.
    pub(crate) fn formats_to_build(&self) -> Vec<Format> {
        if self.formats.is_empty() {
            return vec![Format::Html, Format::Pdf];
        }
        [Format::Html, Format::Pdf, Format::Text]
            .into_iter()
            .filter(|f| self.formats.contains(f))
            .collect()
    }

    /// Whether `locale` is one the build is asked for.
    pub(crate) fn selects(&self, locale: &Locale) -> bool {
        self.locales.is_empty() || self.locales.contains(&locale.tag)
    }

    /// Threads to build with: `jobs`, or one per core.
    pub(crate) fn threads(&self) -> usize {
        self.jobs
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from))
            .max(1)
    }
}

/// One of N deterministic shares of a build's jobs (`--shard K/N`), so a
/// CI matrix can build a large catalogue on several machines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    /// Which share, from 1.
    pub index: usize,
    /// How many shares.
    pub count: usize,
}

impl Shard {
    /// Whether the job at `position` (in the fixed locale × document
    /// order) is in this share.
    pub fn takes(self, position: usize) -> bool {
        position % self.count == self.index - 1
    }
}

impl FromStr for Shard {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || format!("`{s}` is not a shard: write K/N with 1 <= K <= N, such as 2/4");
        let (index, count) = s.split_once('/').ok_or_else(bad)?;
        let index: usize = index.trim().parse().map_err(|_| bad())?;
        let count: usize = count.trim().parse().map_err(|_| bad())?;
        if index == 0 || count == 0 || index > count {
            return Err(bad());
        }
        Ok(Shard { index, count })
    }
}

impl fmt::Display for Shard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}
