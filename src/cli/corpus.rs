//! `draftdiff index`, `draftdiff sources` and `draftdiff batch`: lineage across a corpus and
//! comparisons in bulk.
//!
//! A CORPUS argument is a document, a directory (every file under it, recursively, in
//! byte order of their paths, hidden files and index files skipped) or, for `sources`
//! only, an index file written by `draftdiff index` (then the only CORPUS argument).

use std::fs;
use std::io::{self, BufRead};

use clap::ValueEnum;
use draftdiff::corpus::{self, CorpusIndex, IndexOptions, SourcesOptions};
use draftdiff::{AlignOptions, Document, Error, SegmentOptions, render};

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
    let index = corpus::index_files(&args.corpus, &ctx.read, IndexOptions::new().rate(args.rate))?;
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
    corpus::index_files(args, &ctx.read, IndexOptions::new())
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
    let draft = ctx.load(&args.draft)?;
    let options = SourcesOptions::new()
        .min_score(args.min_score)
        .diff(args.diff.options());
    let read = ctx.read.clone();
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

/// One line of `batch`'s input.
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Pair {
    old: Option<String>,
    new: Option<String>,
    old_text: Option<String>,
    new_text: Option<String>,
    id: Option<serde_json::Value>,
}

/// Reads one side of a pair: a path, or the text itself.
fn side(
    ctx: &Ctx,
    name: &str,
    path: Option<String>,
    text: Option<String>,
) -> Result<Document, String> {
    match (path, text) {
        (Some(path), None) => {
            let bytes = draftdiff::read::read_bytes(&path).map_err(|e| e.to_string())?;
            draftdiff::read::document(&path, bytes, &ctx.read, &SegmentOptions::new())
                .map_err(|e| e.to_string())
        }
        (None, Some(text)) => Ok(draftdiff::segment::segment(
            &format!("<{name}_text>"),
            &text,
            &SegmentOptions::new(),
        )),
        (Some(_), Some(_)) => Err(format!(
            "give either \"{name}\" or \"{name}_text\", not both"
        )),
        (None, None) => Err(format!("\"{name}\" (a path) or \"{name}_text\" is missing")),
    }
}

/// Runs `draftdiff batch < pairs.jsonl`: one output line per input line, an error line for
/// a line that fails; trouble (exit status 2) when any did.
pub fn run_batch(ctx: &Ctx, args: &BatchArgs) -> Result<Outcome, Error> {
    let options = args.diff.options();
    let mut failed = 0usize;
    let mut total = 0usize;
    let mut read_error = None;
    ctx.emit(&["-"], |w| {
        let stdin = io::stdin();
        for (i, line) in stdin.lock().lines().enumerate() {
            let number = i + 1;
            let line = match line {
                Ok(line) => line,
                Err(e) => {
                    read_error = Some(e);
                    break;
                }
            };
            if line.trim().is_empty() {
                continue;
            }
            total += 1;
            let pair: Pair = match serde_json::from_str(&line) {
                Ok(pair) => pair,
                Err(e) => {
                    failed += 1;
                    let id = serde_json::from_str::<serde_json::Value>(&line)
                        .ok()
                        .and_then(|v| v.get("id").cloned());
                    render::batch_error(number, id.as_ref(), &format!("bad line: {e}"), w)?;
                    continue;
                }
            };
            let docs = side(ctx, "old", pair.old, pair.old_text)
                .and_then(|old| Ok((old, side(ctx, "new", pair.new, pair.new_text)?)));
            match docs {
                Ok((old, new)) => {
                    let alignment = draftdiff::align(&old, &new, &AlignOptions::new());
                    let report = draftdiff::diff::report(old, new, alignment, &options);
                    render::batch_report(number, pair.id.as_ref(), &report, w)?;
                }
                Err(message) => {
                    failed += 1;
                    render::batch_error(number, pair.id.as_ref(), &message, w)?;
                }
            }
            w.flush()?;
        }
        Ok(())
    })?;
    if let Some(e) = read_error {
        return Err(Error::io("-", e));
    }
    if failed > 0 {
        return Err(Error::Input {
            path: "-".into(),
            message: format!("{failed} of {total} lines failed (see their error lines)"),
        });
    }
    Ok(Outcome::Same)
}
