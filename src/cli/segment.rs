//! `draftdiff segment FILE`.
//!
//! PLACEHOLDER: the reading issue fills this in.

use draftdiff::Error;

use super::{Ctx, Outcome};

/// Arguments of `segment`.
#[derive(Debug, clap::Args)]
pub struct SegmentArgs {
    /// The file to read (`-` for standard input).
    pub file: String,
}

/// Runs `draftdiff segment FILE`.
pub fn run(ctx: &Ctx, args: &SegmentArgs) -> Result<Outcome, Error> {
    let doc = ctx.load(&args.file)?;
    ctx.emit(&[&args.file], |w| {
        for unit in &doc.units {
            writeln!(w, "{}\t{}\t{}", unit.line, unit.kind, unit.text)?;
        }
        Ok(())
    })?;
    Ok(Outcome::Same)
}
