//! `kyr bundle --merge`: whether the folders of several `--shard` builds
//! make one whole build, from the record each shard left
//! (`.kyr/shard.json`): each share K of one N exactly once, one build
//! time (which the bundle takes), one set of inputs, those of the project
//! as it is now (the merged index is made from it), and which input
//! differs when they do not.

use std::path::PathBuf;

use crate::base::error::Error;
use crate::build::{Shard, incremental};
use crate::commands::bundle::failed;
use crate::project::Project;

/// Checks that the shard folders `sites` make one whole build of the
/// project as it is now; their build time, which the bundle takes. A
/// `SOURCE_DATE_EPOCH` (`epoch`) other than the shards' is refused.
pub(super) fn check(
    project: &Project,
    sites: &[PathBuf],
    epoch: Option<i64>,
) -> Result<i64, Error> {
    let records = read_records(sites)?;
    let (first_site, first, first_record) = &records[0];
    let shown = |site: &PathBuf| format!("`{}`", site.display());
    for (site, shard, record) in &records[1..] {
        if shard.count != first.count {
            return Err(failed(format!(
                "{} is shard {shard} but {} is shard {first}: they are not shares of one build",
                shown(site),
                shown(first_site)
            )));
        }
        if record.epoch != first_record.epoch {
            return Err(failed(format!(
                "{} was built with SOURCE_DATE_EPOCH {} but {} with {}: build every shard with the same SOURCE_DATE_EPOCH",
                shown(site),
                record.epoch,
                shown(first_site),
                first_record.epoch
            )));
        }
        let names = (shown(first_site), shown(site));
        if let Some(what) = first_record.input_difference(record, (&names.0, &names.1)) {
            return Err(failed(format!(
                "{} and {} were built from different inputs: {what} differs; build every shard from the same commit",
                names.0, names.1
            )));
        }
    }
    check_every_share_once(&records, first.count)?;
    let now = incremental::ShardRecord::new(project, String::new(), first_record.epoch);
    if let Some(what) = first_record.input_difference(&now, ("the shards", "the project")) {
        return Err(failed(format!(
            "the shards were built from other inputs than the project as it is now: {what} differs; build them again"
        )));
    }
    match epoch {
        Some(asked) if asked != first_record.epoch => Err(failed(format!(
            "SOURCE_DATE_EPOCH is {asked} but the shards were built with {}: unset it, or set it to the shards' time",
            first_record.epoch
        ))),
        _ => Ok(first_record.epoch),
    }
}

/// Each site with the share it holds and its record.
fn read_records(
    sites: &[PathBuf],
) -> Result<Vec<(&PathBuf, Shard, incremental::ShardRecord)>, Error> {
    let mut records = Vec::new();
    for site in sites {
        let path = site.join(incremental::SHARD_RECORD);
        let record = std::fs::read(&path)
            .ok()
            .and_then(|bytes| serde_json::from_slice::<incremental::ShardRecord>(&bytes).ok())
            .ok_or_else(|| {
                failed(format!(
                    "`{}` holds no shard record: it was not built with `kyr build --shard K/N`",
                    site.display()
                ))
            })?;
        let shard: Shard = record.shard.parse().map_err(failed)?;
        records.push((site, shard, record));
    }
    Ok(records)
}

/// Every share 1 to `count` held by exactly one site.
fn check_every_share_once(
    records: &[(&PathBuf, Shard, incremental::ShardRecord)],
    count: usize,
) -> Result<(), Error> {
    for index in 1..=count {
        let holding: Vec<String> = records
            .iter()
            .filter(|(_, shard, _)| shard.index == index)
            .map(|(site, _, _)| format!("`{}`", site.display()))
            .collect();
        match holding.len() {
            0 => {
                return Err(failed(format!(
                    "shard {index}/{count} is missing: merge every shard of the build"
                )));
            }
            1 => {}
            _ => {
                return Err(failed(format!(
                    "shard {index}/{count} is given more than once: {}",
                    holding.join(", ")
                )));
            }
        }
    }
    Ok(())
}
