//! `draftdiff index`, `draftdiff sources` and `draftdiff batch`: lineage across a corpus and
//! comparisons in bulk.
//!
//! A CORPUS argument is a document, a directory (every file under it, recursively, in
//! byte order of their paths, hidden files and index files skipped) or, for `sources`
//! only, an index file written by `draftdiff index` (then the only CORPUS argument).

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
    /// The draft (`-` for standard input); with `--drafts`, a CORPUS argument like the
    /// others.
    pub draft: String,
    /// The corpus: documents and directories, or one index file from `draftdiff index`.
    #[arg(required_unless_present = "drafts", value_name = "CORPUS")]
    pub corpus: Vec<String>,
    /// Trace every draft listed in FILE (one path a line, `-` for standard input) with
    /// the index read once; JSON output is then JSON Lines, one line per draft.
    #[arg(long, value_name = "FILE")]
    pub drafts: Option<String>,
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
        return CorpusIndex::open(only);
    }
    corpus::index_files(args, ctx.inputs.options(), IndexOptions::new())
}

/// The drafts listed in `list` (one path a line, blank lines skipped; `-` is standard
/// input).
fn draft_list(ctx: &Ctx, list: &str) -> Result<Vec<String>, Error> {
    let bytes = ctx.inputs.bytes(list)?;
    let text = String::from_utf8(bytes).map_err(|_| Error::Input {
        path: list.to_string(),
        message: "the list of drafts is not UTF-8 text".into(),
    })?;
    let drafts: Vec<String> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect();
    if drafts.is_empty() {
        return Err(Error::Input {
            path: list.to_string(),
            message: "lists no draft".into(),
        });
    }
    Ok(drafts)
}

/// Runs `draftdiff sources DRAFT CORPUS…` and `draftdiff sources --drafts FILE CORPUS…`.
pub fn run_sources(ctx: &Ctx, args: &SourcesArgs) -> Result<Outcome, Error> {
    if !(0.0..=1.0).contains(&args.min_score) {
        return Err(Error::Input {
            path: "--min-score".into(),
            message: format!("{} is not a score from 0 to 1", args.min_score),
        });
    }
    let (drafts, corpus_args) = match &args.drafts {
        Some(list) => {
            let mut all = vec![args.draft.clone()];
            all.extend(args.corpus.iter().cloned());
            (draft_list(ctx, list)?, all)
        }
        None => (vec![args.draft.clone()], args.corpus.clone()),
    };
    let index = open_index(ctx, &corpus_args)?;
    // Every draft read before any output: a bad one stops the run before it starts.
    let drafts = drafts
        .iter()
        .map(|d| ctx.inputs.load(d))
        .collect::<Result<Vec<_>, Error>>()?;
    let options = SourcesOptions::new()
        .min_score(args.min_score)
        .diff(args.diff.options());
    let read = ctx.inputs.options().clone();
    let mut inputs: Vec<&str> = args.drafts.iter().map(String::as_str).collect();
    inputs.push(args.draft.as_str());
    inputs.extend(args.corpus.iter().map(String::as_str));
    let lines = args.drafts.is_some();
    let mut failed = None;
    ctx.emit(&inputs, |w| {
        for (k, draft) in drafts.into_iter().enumerate() {
            let found = match corpus::sources(draft, &index, &options, &mut |d| {
                corpus::load_indexed(d, &read)
            }) {
                Ok(found) => found,
                Err(e) => {
                    failed = Some(e);
                    return Ok(());
                }
            };
            // Blocks of text and Markdown apart; JSON Lines one after the other.
            if k > 0 && args.format != SourcesFormat::Json {
                writeln!(w)?;
            }
            match args.format {
                SourcesFormat::Text => render::sources_text(&found, ctx.width, &ctx.palette, w)?,
                SourcesFormat::Json if lines => render::sources_json_line(&found, w)?,
                SourcesFormat::Json => render::sources_json(&found, w)?,
                SourcesFormat::Markdown => render::sources_markdown(&found, w)?,
            }
        }
        Ok(())
    })?;
    match failed {
        Some(e) => Err(e),
        None => Ok(Outcome::Same),
    }
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
