//! `draftdiff index`, `draftdiff sources` and `draftdiff batch`: lineage across a corpus and
//! comparisons in bulk.
//!
//! A CORPUS argument is a document, a directory (every file under it, recursively, in
//! byte order of their paths, hidden files and index files skipped) or, for `sources`
//! only, an index file written by `draftdiff index` (then the only CORPUS argument).

use std::fs;
use std::io;

use clap::ValueEnum;
use draftdiff::corpus::{self, CorpusIndex, IndexOptions, SourcesOptions};
use draftdiff::{Error, render};

use super::compare::DiffArgs;
use super::{Ctx, Outcome};

/// Arguments of `index`.
#[derive(Debug, clap::Args)]
pub struct IndexArgs {
    /// The corpus: documents and directories of documents.
    #[arg(required = true, value_name = "CORPUS")]
    pub corpus: Vec<String>,
    /// Index one word pair in N: fewer finds heavier rewrites and costs memory.
    #[arg(long, default_value_t = corpus::RATE, value_name = "N")]
    pub rate: u32,
}

/// `--format` of `sources`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SourcesFormat {
    /// Each source with its word diff, coloured on a terminal.
    Text,
    /// Versioned JSON (see docs/json-schema.md).
    Json,
    /// A Markdown table.
    Markdown,
}

/// Arguments of `sources`.
#[derive(Debug, clap::Args)]
pub struct SourcesArgs {
    /// The draft (`-` for standard input).
    pub draft: String,
    /// The corpus: documents and directories, or one index file from `draftdiff index`.
    #[arg(required = true, value_name = "CORPUS")]
    pub corpus: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = SourcesFormat::Text)]
    pub format: SourcesFormat,
    /// Lowest score of a source, 0 to 1.
    #[arg(long, default_value_t = corpus::MIN_SOURCE_SCORE, value_name = "SCORE")]
    pub min_score: f64,
    #[command(flatten)]
    pub diff: DiffArgs,
}

/// Arguments of `batch`.
#[derive(Debug, clap::Args)]
pub struct BatchArgs {
    #[command(flatten)]
    pub diff: DiffArgs,
}

/// Runs `draftdiff index CORPUS… -o FILE`.
pub fn run_index(ctx: &Ctx, args: &IndexArgs) -> Result<Outcome, Error> {
    let index = corpus::index_files(
        &args.corpus,
        ctx.inputs.options(),
        IndexOptions::new().rate(args.rate),
    )?;
    let inputs: Vec<&str> = args.corpus.iter().map(String::as_str).collect();
    ctx.emit(&inputs, |w| index.write(w))?;
    Ok(Outcome::Same)
}

/// The index of `args`: the one index file given, else built from the documents.
fn open_index(ctx: &Ctx, args: &[String]) -> Result<CorpusIndex, Error> {
    if let [only] = args
        && corpus::is_index_file(only)
    {
        let bytes = fs::read(only).map_err(|e| Error::io(only, e))?;
        return CorpusIndex::read(only, &bytes);
    }
    corpus::index_files(args, ctx.inputs.options(), IndexOptions::new())
}

/// Runs `draftdiff sources DRAFT CORPUS…`.
pub fn run_sources(ctx: &Ctx, args: &SourcesArgs) -> Result<Outcome, Error> {
    if !(0.0..=1.0).contains(&args.min_score) {
        return Err(Error::Input {
            path: "--min-score".into(),
            message: format!("{} is not a score from 0 to 1", args.min_score),
        });
    }
    let index = open_index(ctx, &args.corpus)?;
    let draft = ctx.inputs.load(&args.draft)?;
    let options = SourcesOptions::new()
        .min_score(args.min_score)
        .diff(args.diff.options());
    let read = ctx.inputs.options().clone();
    let found = corpus::sources(draft, &index, &options, &mut |d| {
        corpus::load_indexed(d, &read)
    })?;
    let mut inputs: Vec<&str> = vec![args.draft.as_str()];
    inputs.extend(args.corpus.iter().map(String::as_str));
    ctx.emit(&inputs, |w| match args.format {
        SourcesFormat::Text => render::sources_text(&found, ctx.width, &ctx.palette, w),
        SourcesFormat::Json => render::sources_json(&found, w),
        SourcesFormat::Markdown => render::sources_markdown(&found, w),
    })?;
    Ok(Outcome::Same)
}

/// Runs `draftdiff batch < pairs.jsonl` ([`corpus::batch`]): one output line per input
/// line, an error line for a line that fails; trouble (exit status 2) when any did.
pub fn run_batch(ctx: &Ctx, args: &BatchArgs) -> Result<Outcome, Error> {
    let options = args.diff.options();
    let mut summary = None;
    ctx.emit(&["-"], |w| {
        summary = Some(corpus::batch(
            &mut io::stdin().lock(),
            ctx.inputs.options(),
            &options,
            w,
        )?);
        Ok(())
    })?;
    // With -q nothing ran: nothing failed.
    let Some(summary) = summary else {
        return Ok(Outcome::Same);
    };
    if let Some(e) = summary.read_error {
        return Err(Error::io("-", e));
    }
    if summary.failed > 0 {
        return Err(Error::Input {
            path: "-".into(),
            message: format!(
                "{} of {} lines failed (see their error lines)",
                summary.failed, summary.total
            ),
        });
    }
    Ok(Outcome::Same)
}
