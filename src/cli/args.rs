//! The command line (clap derive): global options and one struct per
//! command, and each command's arguments turned into its options. Parsing
//! only; [`crate::cli::run`] acts on it.

use std::path::{Path, PathBuf};

use clap::builder::BoolishValueParser;
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::base::diag::Strict;
use crate::build::{BuildOptions, Format, Shard};
use crate::commands::bundle::BundleOptions;
use crate::commands::check::CheckOptions;
use crate::commands::confirm::ConfirmOptions;
use crate::commands::extract::ExtractOptions;
use crate::commands::init::InitOptions;
use crate::commands::new_document::NewDocumentOptions;
use crate::commands::new_locale::NewLocaleOptions;
use crate::commands::status::StatusOptions;
use crate::commands::sync::SyncOptions;
use crate::watch::WatchOptions;

/// kyr: multilingual Know-Your-Rights pamphlets from Markdown and Fluent.
#[derive(Parser, Debug)]
#[command(name = "kyr", version, about, propagate_version = true)]
pub struct Cli {
    /// Global options.
    #[command(flatten)]
    pub global: GlobalArgs,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Options every command takes.
#[derive(Args, Debug)]
pub struct GlobalArgs {
    /// Project folder (the one holding kyr.toml, or below it).
    #[arg(
        short = 'C',
        long = "project",
        global = true,
        value_name = "DIR",
        env = "KYR_PROJECT",
        default_value = "."
    )]
    pub project: PathBuf,
    /// When to use colour in diagnostics.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, env = "KYR_COLOR")]
    pub color: ColorChoice,
    /// Print only errors and warnings.
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Say more: with `build` and `watch`, every file written or removed
    /// and every message shown from another locale.
    #[arg(short, long, global = true)]
    pub verbose: bool,
}

/// Colour in diagnostics.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColorChoice {
    /// Colour when stderr is a terminal.
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

/// The commands.
#[derive(Subcommand, Debug)]
pub enum Command {
    /// Start a project: kyr.toml, the interface messages, an example
    /// document, .gitignore and a CI workflow.
    Init(InitArgs),
    /// Add a document: its skeleton and its messages in the reference
    /// language.
    New(NewArgs),
    /// Build every document in every locale into the output folder.
    Build(BuildArgs),
    /// Check everything (content, translations, configuration); write nothing.
    Check(CheckArgs),
    /// Show translation coverage per locale and document.
    Status(StatusArgs),
    /// Confirm that a locale's translations match the current reference text.
    Confirm(ConfirmArgs),
    /// Create a new locale with every message ready to translate.
    NewLocale(NewLocaleArgs),
    /// Add the reference messages a locale lacks to its files, as comments
    /// ready to translate (removes nothing).
    Sync(SyncArgs),
    /// Turn a plain Markdown document into a skeleton and reference messages.
    Extract(ExtractArgs),
    /// Rebuild what a saved file affects, and show its problems, until stopped.
    Watch(WatchArgs),
    /// Serve the built pages on this machine (with --share, to phones on
    /// the same network too), rebuild on save, and reload the open page.
    Serve(ServeArgs),
    /// Zip the built site with a manifest and checksums, reproducibly.
    Bundle(BundleArgs),
}

/// `kyr bundle`.
#[derive(Args, Debug)]
pub struct BundleArgs {
    /// The zip to write (default: `kyr-bundle.zip` in the built folder).
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// The built folder (default: `out/` in the project).
    #[arg(long, value_name = "DIR", env = "KYR_OUT")]
    pub site: Option<PathBuf>,
    /// Bundle a local edition (`out/NAME/`).
    #[arg(long, value_name = "NAME", env = "KYR_EDITION")]
    pub edition: Option<String>,
    /// Combine the built folders of several `--shard` builds into one
    /// bundle (and one index page and manifest).
    #[arg(long, value_name = "DIR", num_args = 1.., conflicts_with = "site")]
    pub merge: Vec<PathBuf>,
}

/// `kyr check`.
#[derive(Args, Debug)]
pub struct CheckArgs {
    /// Check only this locale, by tag or by its endonym in kyr.toml
    /// (`quc`, `Kʼicheʼ`; repeatable).
    #[arg(long = "locale", value_name = "TAG|ENDONYM")]
    pub locales: Vec<String>,
    /// How to print the problems: `human` on stderr, or `json`: one
    /// object per problem and line, on stdout.
    #[arg(long, value_enum, default_value_t = MessageFormat::Human)]
    pub message_format: MessageFormat,
    /// Deprecated: the old name of `--message-format`.
    #[arg(
        long,
        value_enum,
        value_name = "FORMAT",
        conflicts_with = "message_format"
    )]
    pub format: Option<MessageFormat>,
    /// Treat every warning (stale translations included) as an error.
    #[arg(long, env = "KYR_STRICT", value_parser = BoolishValueParser::new())]
    pub strict: bool,
    /// With `--strict`, keep warnings of this code as warnings
    /// (repeatable): `--allow example-value` for example contacts kept on
    /// purpose.
    #[arg(long = "allow", value_name = "CODE", requires = "strict")]
    pub allow: Vec<String>,
}

/// `kyr status`.
#[derive(Args, Debug)]
pub struct StatusArgs {
    /// Show only this locale, by tag or by its endonym in kyr.toml
    /// (`quc`, `Kʼicheʼ`; repeatable).
    #[arg(long = "locale", value_name = "TAG|ENDONYM")]
    pub locales: Vec<String>,
    /// How to print the coverage.
    #[arg(long, value_enum, default_value_t = StatusFormat::Human)]
    pub message_format: StatusFormat,
    /// Deprecated: the old name of `--message-format`.
    #[arg(
        long,
        value_enum,
        value_name = "FORMAT",
        conflicts_with = "message_format"
    )]
    pub format: Option<StatusFormat>,
    /// Fail when a locale has less than this share of its messages translated.
    #[arg(long, value_name = "PCT")]
    pub min_coverage: Option<f64>,
}

/// Output of `kyr status`.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum StatusFormat {
    /// Aligned columns for a terminal.
    #[value(alias = "table")]
    Human,
    /// One JSON document.
    Json,
    /// A Markdown table for a pull request.
    Markdown,
}

/// `kyr confirm`.
#[derive(Args, Debug)]
pub struct ConfirmArgs {
    /// The locale, by tag or by its endonym in kyr.toml.
    #[arg(value_name = "TAG|ENDONYM")]
    pub locale: String,
    /// The messages to confirm (all the locale's translations when none).
    #[arg(value_name = "MSG-ID")]
    pub messages: Vec<String>,
    /// Confirm the locale's recordings (`locales/<tag>/audio/`) against the
    /// text they read now, instead of its translations.
    #[arg(long)]
    pub audio: bool,
}

/// `kyr init`.
#[derive(Args, Debug)]
pub struct InitArgs {
    /// The folder to start the project in (made if missing).
    #[arg(value_name = "DIR", default_value = ".")]
    pub dir: PathBuf,
    /// The language the content is written in: a tag, or a name kyr
    /// knows, in itself or in English (`es`, `español`, `Spanish`).
    #[arg(long, value_name = "TAG|NAME", default_value = "en")]
    pub reference: String,
    /// Another language to translate into (repeatable): a tag, or a name
    /// kyr knows (`quc`, `Kʼicheʼ`, `K'iche'`).
    #[arg(long = "locale", value_name = "TAG|NAME")]
    pub locales: Vec<String>,
    /// `a4` or `us-letter`.
    #[arg(long, value_name = "PAPER", default_value = "a4")]
    pub paper: String,
}

/// `kyr new`.
#[derive(Args, Debug)]
pub struct NewArgs {
    /// The document's name: lowercase letters, digits, `-` and `_`.
    #[arg(value_name = "NAME")]
    pub name: String,
}

/// `kyr sync`.
#[derive(Args, Debug)]
pub struct SyncArgs {
    /// The locales, by tag or by endonym (default: every one but the
    /// reference).
    #[arg(value_name = "TAG|ENDONYM")]
    pub locales: Vec<String>,
}

/// `kyr new-locale`.
#[derive(Args, Debug)]
pub struct NewLocaleArgs {
    /// BCP 47 tag of the new locale (`wo`, `ff-Adlm`, `wo-Arab`).
    #[arg(value_name = "TAG")]
    pub locale: String,
    /// Locales to fall back to, in order (the reference locale comes last anyway).
    #[arg(long, value_delimiter = ',', value_name = "TAGS")]
    pub fallback: Vec<String>,
    /// The language's name in itself (default: the tag, to be replaced).
    #[arg(long, value_name = "NAME")]
    pub endonym: Option<String>,
}

/// `kyr extract`.
#[derive(Args, Debug)]
pub struct ExtractArgs {
    /// The Markdown document, under `content/`.
    #[arg(value_name = "FILE")]
    pub document: PathBuf,
    /// Replace the document without keeping its original (by default the
    /// original is kept beside it as `<name>.md.orig`).
    #[arg(long)]
    pub in_place: bool,
}

/// `kyr watch`.
#[derive(Args, Debug)]
pub struct WatchArgs {
    /// Build only this locale, by tag or by its endonym in kyr.toml
    /// (`quc`, `Kʼicheʼ`; repeatable).
    #[arg(long = "locale", value_name = "TAG|ENDONYM")]
    pub locales: Vec<String>,
    /// Output formats, comma-separated: html, pdf, text, or all.
    #[arg(
        long,
        value_delimiter = ',',
        value_name = "FORMATS",
        default_value = "html,pdf"
    )]
    pub format: Vec<Formats>,
    /// Output folder (default: `out/` in the project).
    #[arg(long, value_name = "DIR", env = "KYR_OUT")]
    pub out: Option<PathBuf>,
}

/// `kyr serve`.
#[derive(Args, Debug)]
pub struct ServeArgs {
    /// What to build and watch, as for `kyr watch`.
    #[command(flatten)]
    pub watch: WatchArgs,
    /// The port (0: any free port).
    #[arg(long, value_name = "PORT", default_value_t = 8000)]
    pub port: u16,
    /// Open the index in the default browser.
    #[arg(long)]
    pub open: bool,
    /// Let phones on the same network join: listen on every address of
    /// this machine, for a link with a new random token, shown as a QR
    /// code. Anyone with the link can change the project's translations
    /// and recordings. Without it, only this machine (127.0.0.1) can
    /// reach kyr serve.
    #[arg(long)]
    pub share: bool,
}

/// `kyr build`.
#[derive(Args, Debug)]
pub struct BuildArgs {
    /// Build only this locale, by tag or by its endonym in kyr.toml
    /// (`quc`, `Kʼicheʼ`; repeatable).
    #[arg(long = "locale", value_name = "TAG|ENDONYM")]
    pub locales: Vec<String>,
    /// Build only this document (repeatable), by file name without `.md`.
    #[arg(long = "doc", value_name = "NAME")]
    pub documents: Vec<String>,
    /// Output formats, comma-separated: html, pdf, text, or all.
    #[arg(
        long,
        value_delimiter = ',',
        value_name = "FORMATS",
        default_value = "html,pdf"
    )]
    pub format: Vec<Formats>,
    /// Output folder (default: `out/` in the project).
    #[arg(long, value_name = "DIR", env = "KYR_OUT")]
    pub out: Option<PathBuf>,
    /// Treat every warning as an error, including any fallback in a locale
    /// marked complete.
    #[arg(long, env = "KYR_STRICT", value_parser = BoolishValueParser::new())]
    pub strict: bool,
    /// With `--strict`, keep warnings of this code as warnings
    /// (repeatable): `--allow example-value` for example contacts kept on
    /// purpose.
    #[arg(long = "allow", value_name = "CODE", requires = "strict")]
    pub allow: Vec<String>,
    /// Threads to build with (default: the number of cores).
    #[arg(short = 'j', long, value_name = "N", env = "KYR_JOBS", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,
    /// Use a local edition's variables (`[editions.NAME]` in kyr.toml) and
    /// write to `out/NAME/`.
    #[arg(long, value_name = "NAME", env = "KYR_EDITION")]
    pub edition: Option<String>,
    /// Rebuild everything, even outputs whose inputs have not changed.
    #[arg(long)]
    pub force: bool,
    /// When another kyr is building into the same output folder, exit at
    /// once (code 2) instead of waiting for it.
    #[arg(long)]
    pub no_wait: bool,
    /// Build only share K of N of the documents × locales (for a CI
    /// matrix; combine the shares with `kyr bundle --merge`).
    #[arg(long, value_name = "K/N", env = "KYR_SHARD")]
    pub shard: Option<Shard>,
    /// How to print diagnostics and results: `human` on stderr, or `json`:
    /// one object per line on stdout.
    #[arg(long, value_enum, default_value_t = MessageFormat::Human)]
    pub message_format: MessageFormat,
}

/// One item of `--format`: a format, or `all` of them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Formats(Vec<Format>);

impl std::str::FromStr for Formats {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s.trim().eq_ignore_ascii_case("all") {
            return Ok(Formats(vec![Format::Html, Format::Pdf, Format::Text]));
        }
        s.parse::<Format>()
            .map(|format| Formats(vec![format]))
            .map_err(|e| format!("{e}, or all"))
    }
}

impl Formats {
    /// The formats the items name, each once, in the order given.
    fn flatten(items: &[Formats]) -> Vec<Format> {
        let mut formats = Vec::new();
        for format in items.iter().flat_map(|f| &f.0) {
            if !formats.contains(format) {
                formats.push(*format);
            }
        }
        formats
    }
}

/// How `kyr build` and `kyr check` print.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum MessageFormat {
    /// Diagnostics (`file:line:col: error: ...`) with their source lines
    /// and a summary, on stderr.
    Human,
    /// One JSON object per line on stdout: each diagnostic (and for a
    /// build, each output file, then a summary).
    Json,
}

impl BuildArgs {
    /// The build's options, at build time `epoch`.
    pub(super) fn options(&self, epoch: Option<i64>) -> BuildOptions {
        BuildOptions {
            epoch,
            locales: self.locales.clone(),
            documents: self.documents.clone(),
            formats: Formats::flatten(&self.format),
            out_dir: self.out.clone(),
            strict: Strict::new(self.strict, self.allow.clone()),
            jobs: self.jobs.map(usize::from),
            force: self.force,
            shard: self.shard,
            no_wait: self.no_wait,
        }
    }
}

impl CheckArgs {
    /// What to check.
    pub(super) fn options(&self) -> CheckOptions {
        CheckOptions {
            locales: self.locales.clone(),
            strict: Strict::new(self.strict, self.allow.clone()),
        }
    }
}

impl StatusArgs {
    /// What to show.
    pub(super) fn options(&self) -> StatusOptions {
        StatusOptions {
            locales: self.locales.clone(),
            min_coverage: self.min_coverage,
        }
    }
}

impl ConfirmArgs {
    /// What to confirm.
    pub(super) fn options(&self) -> ConfirmOptions {
        ConfirmOptions {
            locale: self.locale.clone(),
            messages: self.messages.clone(),
            audio: self.audio,
        }
    }
}

impl InitArgs {
    /// The new project, its folder taken from `project_dir` when relative.
    pub(super) fn options(&self, project_dir: &Path) -> InitOptions {
        InitOptions {
            dir: if self.dir.is_absolute() {
                self.dir.clone()
            } else {
                project_dir.join(&self.dir)
            },
            reference: self.reference.clone(),
            locales: self.locales.clone(),
            paper: self.paper.clone(),
        }
    }
}

impl NewArgs {
    /// The new document.
    pub(super) fn options(&self) -> NewDocumentOptions {
        NewDocumentOptions {
            name: self.name.clone(),
        }
    }
}

impl SyncArgs {
    /// The locales to sync.
    pub(super) fn options(&self) -> SyncOptions {
        SyncOptions {
            locales: self.locales.clone(),
        }
    }
}

impl NewLocaleArgs {
    /// The new locale.
    pub(super) fn options(&self) -> NewLocaleOptions {
        NewLocaleOptions {
            locale: self.locale.clone(),
            fallback: self.fallback.clone(),
            endonym: self.endonym.clone(),
        }
    }
}

impl ExtractArgs {
    /// The document to extract.
    pub(super) fn options(&self) -> ExtractOptions {
        ExtractOptions {
            document: self.document.clone(),
            in_place: self.in_place,
        }
    }
}

impl BundleArgs {
    /// The bundle, at build time `epoch`.
    pub(super) fn options(&self, epoch: Option<i64>) -> BundleOptions {
        BundleOptions {
            site: self.site.clone(),
            merge: self.merge.clone(),
            out: self.out.clone(),
            epoch,
        }
    }
}

impl WatchArgs {
    /// What to watch, in the project at or above `project_dir`.
    pub(super) fn options(&self, project_dir: &Path) -> WatchOptions {
        WatchOptions {
            project: project_dir.to_path_buf(),
            build: BuildOptions {
                locales: self.locales.clone(),
                formats: Formats::flatten(&self.format),
                out_dir: self.out.clone(),
                ..BuildOptions::default()
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn verify_cli() {
        Cli::command().debug_assert();
    }

    #[test]
    fn parses_build_options() {
        let cli = Cli::try_parse_from([
            "kyr", "-C", "proj", "build", "--locale", "fr", "--locale", "ar", "--format", "html",
            "--strict",
        ])
        .unwrap();
        let Command::Build(args) = cli.command else {
            panic!("not build")
        };
        assert_eq!(args.locales, ["fr", "ar"]);
        assert_eq!(Formats::flatten(&args.format), [Format::Html]);
        assert!(args.strict);
        assert_eq!(cli.global.project, PathBuf::from("proj"));
    }

    #[test]
    fn format_all_is_every_format_once() {
        let cli = Cli::try_parse_from(["kyr", "build", "--format", "pdf,ALL"]).unwrap();
        let Command::Build(args) = cli.command else {
            panic!("not build")
        };
        let formats = Formats::flatten(&args.format);
        assert_eq!(formats, [Format::Pdf, Format::Html, Format::Text]);
        let refused = Cli::try_parse_from(["kyr", "build", "--format", "every"]).unwrap_err();
        assert!(
            refused
                .to_string()
                .contains("use html, pdf or text, or all"),
            "{refused}"
        );
    }
}
