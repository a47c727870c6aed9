//! `draftdiff segment FILE [--format text|json]`: shows how a document was read.

use draftdiff::Error;
use draftdiff::render;

use super::{Ctx, Outcome};

/// Output format of `segment`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum SegmentFormat {
    /// A table for people: kind, number, lines, start of the text.
    #[default]
    Text,
    /// `{"version": …, "path": …, "units": [{"id", "kind", "number", "line", "end_line", "text"}, …]}`.
    Json,
}

/// Arguments of `segment`.
#[derive(Debug, clap::Args)]
pub struct SegmentArgs {
    /// The file to read (`-` for standard input).
    pub file: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t = SegmentFormat::Text)]
    pub format: SegmentFormat,
    /// After the table, say which lines were taken for page furniture and by what
    /// pattern, and which numbers were refused as unit starts and why.
    #[arg(long, conflicts_with = "format")]
    pub explain: bool,
}

/// Runs `draftdiff segment FILE`.
pub fn run(ctx: &Ctx, args: &SegmentArgs) -> Result<Outcome, Error> {
    if args.explain {
        let text = draftdiff::read::decode_vec(
            &args.file,
            ctx.inputs.bytes(&args.file)?,
            ctx.inputs.options(),
        )?;
        let options = draftdiff::segment::SegmentOptions::new();
        let (doc, why) = draftdiff::segment::segment_explained(&args.file, &text, &options);
        ctx.emit(&[&args.file], |w| {
            render::segment_table(&doc, w)?;
            render::segment_explanation(&why, w)
        })?;
        return Ok(Outcome::Same);
    }
    let doc = ctx.inputs.load(&args.file)?;
    ctx.emit(&[&args.file], |w| match args.format {
        SegmentFormat::Text => render::segment_table(&doc, w),
        SegmentFormat::Json => render::json::segment(&doc, w),
    })?;
    Ok(Outcome::Same)
}
