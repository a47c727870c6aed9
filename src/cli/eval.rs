//! `draftdiff eval GOLD OLD NEW [--format text|json]`: scores the alignment of OLD to NEW
//! against a hand-built gold lineage and shows the wrong and missed links with their texts.

use draftdiff::Error;
use draftdiff::eval::{Gold, explain};
use draftdiff::render::{self, json::EvalInputs};

use super::{Ctx, Outcome};
use draftdiff::inputs::Side;

/// Output format of `eval`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum EvalFormat {
    /// The figures, then each wrong and missed link with the start of both texts.
    #[default]
    Text,
    /// `{"version", "gold", "old", "new", "precision", "recall", "f1", "predicted", "sure",
    /// "wrong": [{"old", "new", "old_text", "new_text"}], "missed": […]}`.
    Json,
}

/// Arguments of `eval`.
#[derive(Debug, clap::Args)]
pub struct EvalArgs {
    /// The gold lineage (JSON: `{"sure": [[old_key, new_key], …], "possible": […]}`).
    pub gold: String,
    /// The old version.
    pub old: String,
    /// The new version.
    pub new: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t = EvalFormat::Text)]
    pub format: EvalFormat,
}

/// Runs `draftdiff eval GOLD OLD NEW`: a report, so it exits 0 whatever the figures.
pub fn run(ctx: &Ctx, args: &EvalArgs) -> Result<Outcome, Error> {
    let json = std::fs::read_to_string(&args.gold).map_err(|e| Error::io(&args.gold, e))?;
    let gold = Gold::from_json(&args.gold, &json)?;
    let old = ctx.inputs.load_side(&args.old, Side::Old)?;
    let new = ctx.inputs.load_side(&args.new, Side::New)?;
    let alignment = draftdiff::align(&old, &new, &draftdiff::AlignOptions::new());
    let explanation = explain(&gold, &old, &new, &alignment);
    let inputs = EvalInputs {
        gold: &args.gold,
        old: &args.old,
        new: &args.new,
    };
    ctx.emit(&[&args.gold, &args.old, &args.new], |w| match args.format {
        EvalFormat::Text => render::eval_text(&explanation, w),
        EvalFormat::Json => render::json::eval(inputs, &explanation, w),
    })?;
    Ok(Outcome::Same)
}
