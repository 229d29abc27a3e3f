//! `kyr bundle --merge`: whether the folders of several `--shard` builds
//! make one whole build, from the record each shard left
//! (`.kyr/shard.json`): each share K of one N exactly once, one build
//! time, one set of inputs, those of the project as it is now (the merged
//! index is made from it).

use std::path::PathBuf;

use crate::base::error::Error;
use crate::build::{Shard, incremental};
use crate::commands::bundle::failed;
use crate::project::Project;

/// Checks that the shard folders `sites` make one whole build of the
/// project as it is now.
pub(super) fn check(project: &Project, sites: &[PathBuf]) -> Result<(), Error> {
    let records = read_records(sites)?;
    let (first_site, first, first_record) = &records[0];
    for (site, shard, record) in &records[1..] {
        if shard.count != first.count {
            return Err(failed(format!(
                "`{}` is shard {shard} but `{}` is shard {first}: they are not shares of one build",
                site.display(),
                first_site.display()
            )));
        }
        if record.epoch != first_record.epoch {
            return Err(failed(format!(
                "`{}` was built with SOURCE_DATE_EPOCH {} but `{}` with {}: build every shard with the same SOURCE_DATE_EPOCH",
                site.display(),
                record.epoch,
                first_site.display(),
                first_record.epoch
            )));
        }
        if record.inputs != first_record.inputs {
            return Err(failed(format!(
                "`{}` and `{}` were built from different inputs (content, messages, kyr.toml, templates or kyr's version)",
                site.display(),
                first_site.display()
            )));
        }
    }
    check_every_share_once(&records, first.count)?;
    if first_record.inputs != incremental::inputs_fingerprint(project) {
        return Err(failed(
            "the shards were built from other inputs than the project as it is now: build them again"
                .to_owned(),
        ));
    }
    Ok(())
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
