//! The build time: `SOURCE_DATE_EPOCH` when set, a fixed date otherwise,
//! so every output is reproducible to the byte.

/// The build time when `SOURCE_DATE_EPOCH` is not set: 1980-01-01 UTC,
/// the earliest time a zip file can hold, so every output agrees.
pub(crate) const FIXED_EPOCH: i64 = 315_532_800;

/// Why the build time is unusable.
#[derive(Debug)]
pub(crate) struct BadEpoch(pub String);

/// Reads a `SOURCE_DATE_EPOCH` value: whole seconds since 1970-01-01 UTC.
pub(crate) fn parse_epoch(value: &str) -> Result<i64, BadEpoch> {
    let seconds: i64 = value.trim().parse().map_err(|_| {
        BadEpoch(format!(
            "SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01 UTC, not `{value}`"
        ))
    })?;
    time::OffsetDateTime::from_unix_timestamp(seconds)
        .map_err(|_| BadEpoch(format!("SOURCE_DATE_EPOCH `{value}` is out of range")))?;
    Ok(seconds)
}

/// `SOURCE_DATE_EPOCH` from the environment, if set.
pub(crate) fn source_date_epoch() -> Result<Option<i64>, BadEpoch> {
    std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .map(|value| parse_epoch(&value))
        .transpose()
}
