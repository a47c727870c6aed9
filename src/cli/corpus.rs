//! `draftdiff index`, `draftdiff sources` and `draftdiff batch`: lineage across a corpus and
//! comparisons in bulk.
//!
//! A CORPUS argument is a document, a directory (every file under it, recursively, in
//! byte order of their paths, hidden files and index files skipped) or, for `sources`
//! only, an index file written by `draftdiff index` (then the only CORPUS argument).

use std::fs;
use std::io::{self, BufRead};

use clap::ValueEnum;
use draftdiff::corpus::{self, CorpusIndex, IndexBuilder, IndexOptions, SourcesOptions};
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

/// Every file named by `args`: files as given, directories walked.
fn corpus_files(args: &[String]) -> Result<Vec<String>, Error> {
    let mut out = Vec::new();
    for arg in args {
        let meta = fs::metadata(arg).map_err(|e| Error::io(arg, e))?;
        if meta.is_dir() {
            walk(arg, &mut out)?;
        } else {
            out.push(arg.clone());
        }
    }
    Ok(out)
}

/// The files under `dir`, sorted, hidden ones skipped.
fn walk(dir: &str, out: &mut Vec<String>) -> Result<(), Error> {
    let entries = fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
    let mut names = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| Error::io(dir, e))?;
        let name = entry.file_name();
        let Some(name) = name.to_str() else {
            return Err(Error::Input {
                path: entry.path().to_string_lossy().into_owned(),
                message: "the file name is not UTF-8".into(),
            });
        };
        if !name.starts_with('.') {
            names.push(name.to_string());
        }
    }
    names.sort();
    for name in names {
        let path = format!("{}/{name}", dir.trim_end_matches('/'));
        let meta = fs::metadata(&path).map_err(|e| Error::io(&path, e))?;
        if meta.is_dir() {
            walk(&path, out)?;
        } else if meta.is_file() {
            out.push(path);
        }
    }
    Ok(())
}

/// True when the file at `path` starts like an index file (read before the document
/// readers, which refuse its binary bytes).
fn looks_like_index(path: &str) -> bool {
    use std::io::Read;
    let mut head = [0u8; 8];
    fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok_and(|()| corpus::is_index(&head))
}

/// Reads every document of the corpus into an index. An index file inside a directory is
/// skipped; one named on the command line is refused.
fn build_index(ctx: &Ctx, args: &[String], options: IndexOptions) -> Result<CorpusIndex, Error> {
    let mut builder = IndexBuilder::new(options);
    for path in corpus_files(args)? {
        if looks_like_index(&path) {
            if args.contains(&path) {
                return Err(Error::Input {
                    path,
                    message:
                        "is an index file, not a document; give `draftdiff sources` an index alone"
                            .into(),
                });
            }
            continue;
        }
        let bytes = draftdiff::read::read_bytes(&path)?;
        let hash = corpus::content_hash(&bytes);
        let size = bytes.len() as u64;
        let doc = draftdiff::read::document(&path, bytes, &ctx.read, &SegmentOptions::new())?;
        builder.add_hashed(&doc, hash, size);
    }
    Ok(builder.finish())
}

/// Runs `draftdiff index CORPUS… -o FILE`.
pub fn run_index(ctx: &Ctx, args: &IndexArgs) -> Result<Outcome, Error> {
    let index = build_index(ctx, &args.corpus, IndexOptions::new().rate(args.rate))?;
    let inputs: Vec<&str> = args.corpus.iter().map(String::as_str).collect();
    ctx.emit(&inputs, |w| index.write(w))?;
    Ok(Outcome::Same)
}

/// The index of `args`: the one index file given, else built from the documents.
fn open_index(ctx: &Ctx, args: &[String]) -> Result<CorpusIndex, Error> {
    if let [only] = args
        && looks_like_index(only)
    {
        let bytes = fs::read(only).map_err(|e| Error::io(only, e))?;
        return CorpusIndex::read(only, &bytes);
    }
    build_index(ctx, args, IndexOptions::new())
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
