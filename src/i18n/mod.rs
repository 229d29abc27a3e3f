//! RESOLVE: Fluent messages in every locale, and what a document shows
//! once its references are looked up along the fallback chains.
//!
//! - [`catalog`]: each locale's `.ftl` files as one bundle;
//! - [`slips`]: what a translator types that Fluent would misread;
//! - [`refs`]: what a parsed pattern refers to;
//! - [`resolve`]: a skeleton + a locale -> the document model;
//! - [`values`]: variables and numbers into Fluent and out of it;
//! - [`page`]: everything one page prints, resolved once (body, card
//!   sides, interface texts, notices);
//! - [`interface`]: the one table of kyr's own interface messages;
//! - [`edit`]: one message of a file rewritten from plain text;
//! - [`lint`]: per-message checks every command reports alike;
//! - [`lock`], [`stale`], [`coverage`]: lock files, stale translations,
//!   coverage.

pub(crate) mod builtin;
pub(crate) mod catalog;
pub(crate) mod coverage;
pub(crate) mod edit;
pub(crate) mod interface;
pub(crate) mod lint;
pub(crate) mod lock;
pub(crate) mod page;
pub(crate) mod recordings;
pub(crate) mod refs;
pub(crate) mod resolve;
pub(crate) mod slips;
pub(crate) mod stale;
pub(crate) mod values;

pub(crate) use catalog::{Catalog, LocaleBundle, MessageSource, load_locale};

use crate::base::diag::FileId;
use crate::config::Config;
use crate::doc::Skeleton;

/// What the resolve stage reads of a loaded project: the configuration
/// (locales, fallback chains, variables), every locale's messages and the
/// skeletons.
#[derive(Clone, Copy)]
pub(crate) struct Messages<'p> {
    /// The configuration.
    pub(crate) config: &'p Config,
    /// Messages of every locale.
    pub(crate) catalog: &'p Catalog,
    /// Documents, sorted by name.
    pub(crate) skeletons: &'p [Skeleton],
    /// `kyr.toml`, where problems with no place of their own are shown.
    pub(crate) config_file: FileId,
}
