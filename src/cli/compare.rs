//! `draftdiff OLD NEW` and `draftdiff changelog OLD NEW`.
//!
//! PLACEHOLDER: the report issue fills this in.

use draftdiff::Error;

use super::{Ctx, Outcome};

/// Arguments of the main command.
#[derive(Debug, clap::Args)]
pub struct CompareArgs {
    /// The old version (`-` for standard input).
    #[arg(required = true)]
    pub old: Option<String>,
    /// The new version (`-` for standard input).
    #[arg(required = true)]
    pub new: Option<String>,
}

/// Arguments of `changelog`.
#[derive(Debug, clap::Args)]
pub struct ChangelogArgs {
    /// The old version.
    pub old: String,
    /// The new version.
    pub new: String,
}

/// Runs `draftdiff OLD NEW`.
pub fn run(ctx: &Ctx, args: &CompareArgs) -> Result<Outcome, Error> {
    let (Some(old), Some(new)) = (&args.old, &args.new) else {
        unreachable!("clap requires OLD and NEW without a subcommand");
    };
    let old_doc = ctx.load(old)?;
    let new_doc = ctx.load(new)?;
    let alignment = draftdiff::align(&old_doc, &new_doc, &draftdiff::AlignOptions::new());
    ctx.emit(&[old, new], |w| {
        writeln!(
            w,
            "{} links, {} added, {} removed",
            alignment.links.len(),
            alignment.added.len(),
            alignment.removed.len()
        )
    })?;
    Ok(
        if alignment.added.is_empty() && alignment.removed.is_empty() {
            Outcome::Same
        } else {
            Outcome::Different
        },
    )
}

/// Runs `draftdiff changelog OLD NEW`.
pub fn run_changelog(ctx: &Ctx, args: &ChangelogArgs) -> Result<Outcome, Error> {
    run(
        ctx,
        &CompareArgs {
            old: Some(args.old.clone()),
            new: Some(args.new.clone()),
        },
    )
}
