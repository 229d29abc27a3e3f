//! `kyr build`: every document in every locale, through the driver
//! ([`crate::build`]), which writes the outputs itself (atomically, under
//! the output folder's lock) and reports what it did. `kyr watch` and
//! `kyr serve` build through here too.

use crate::base::error::Error;
use crate::build::{self, BuildOptions, BuildReport, Progress};
use crate::project::Project;

/// Builds what `options` asks for, telling `progress` as jobs finish. The
/// report's diagnostics say what went wrong in the content; the error is
/// for a build that could not run (an unknown locale, an output folder
/// that cannot be written).
pub fn run(
    project: &Project,
    options: &BuildOptions,
    progress: &dyn Progress,
) -> Result<BuildReport, Error> {
    build::build_with(project, options, progress)
}
