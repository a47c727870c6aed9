//! `draftdiff trace`, `blame` and `log` over N versions.
//!
//! PLACEHOLDER: the lineage issue fills this in.

use draftdiff::Error;

use super::{Ctx, Outcome};

/// Arguments of `trace`.
#[derive(Debug, clap::Args)]
pub struct TraceArgs {
    /// The versions, oldest first.
    #[arg(required = true, num_args = 2..)]
    pub versions: Vec<String>,
}

/// Arguments of `blame`.
#[derive(Debug, clap::Args)]
pub struct BlameArgs {
    /// The versions, oldest first.
    #[arg(required = true, num_args = 2..)]
    pub versions: Vec<String>,
}

/// Arguments of `log`.
#[derive(Debug, clap::Args)]
pub struct LogArgs {
    /// The versions, oldest first.
    #[arg(required = true, num_args = 2..)]
    pub versions: Vec<String>,
}

fn not_yet(path: &str) -> Error {
    Error::Input {
        path: path.to_string(),
        message: "lineage over many versions is not built yet".into(),
    }
}

/// Runs `draftdiff trace`.
pub fn run_trace(_ctx: &Ctx, args: &TraceArgs) -> Result<Outcome, Error> {
    Err(not_yet(&args.versions[0]))
}

/// Runs `draftdiff blame`.
pub fn run_blame(_ctx: &Ctx, args: &BlameArgs) -> Result<Outcome, Error> {
    Err(not_yet(&args.versions[0]))
}

/// Runs `draftdiff log`.
pub fn run_log(_ctx: &Ctx, args: &LogArgs) -> Result<Outcome, Error> {
    Err(not_yet(&args.versions[0]))
}
