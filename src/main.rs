//! The `kyr` binary: parse arguments, run, exit with the library's code.

use clap::Parser as _;

fn main() -> std::process::ExitCode {
    kyr::run(kyr::cli::Cli::parse())
}
