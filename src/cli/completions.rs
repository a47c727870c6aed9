//! `draftdiff completions SHELL` and `draftdiff man`: generated at run time from the clap
//! definitions, as ripgrep (`rg --generate`) and gh (`gh completion`) do, so the script and
//! the page always match the binary that prints them, `cargo install` users get them
//! without a build script, and packagers run the binary once to install them.

use clap::CommandFactory;
use clap_complete::Shell;
use draftdiff::Error;

use super::{Cli, Ctx, Outcome};

/// Arguments of `completions`.
#[derive(Debug, clap::Args)]
pub struct CompletionsArgs {
    /// The shell to complete in.
    #[arg(value_enum)]
    pub shell: Shell,
}

/// Runs `draftdiff completions SHELL`.
pub fn run_completions(ctx: &Ctx, args: &CompletionsArgs) -> Result<Outcome, Error> {
    let mut command = Cli::command();
    // Generated in memory first: clap_complete panics on a write error (a closed pipe).
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command, "draftdiff", &mut script);
    ctx.emit(&[], |w| w.write_all(&script))?;
    Ok(Outcome::Same)
}

/// Runs `draftdiff man`: the manual page, in roff (`draftdiff man | man -l -`).
pub fn run_man(ctx: &Ctx) -> Result<Outcome, Error> {
    let page = clap_mangen::Man::new(Cli::command());
    ctx.emit(&[], |w| page.render(w))?;
    Ok(Outcome::Same)
}
