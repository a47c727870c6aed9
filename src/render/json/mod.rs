//! Every JSON output: our own versioned wire types, documented in `docs/json-schema.md`.
//!
//! One vocabulary for every command: the report ([`json()`]), `segment` ([`segment`]),
//! `trace`, `blame` and `log` ([`trace`], [`blame`], [`log`]) all start with the same
//! `"version"` ([`JSON_VERSION`]) and list units in the one form [`UnitJson`].
//!
//! The wire types are separate from the model so that the model can change without
//! breaking tools that read the JSON: any change to what is written here needs a snapshot
//! update, a CHANGELOG line and, if it is not an addition, a new [`JSON_VERSION`].
//! Output is deterministic: fields in a fixed order, lists in document order, scores
//! rounded to four decimals. The same idea has the same name in every command: a
//! link's shape is `kind`, its word diff is a [`DiffJson`] of [`OpJson`] runs. Each format
//! has a JSON Schema in `docs/schema/`.

use std::io::{self, Write};

use serde::Serialize;

use crate::lineage::{Blame, Lineage, StepSummary, Trace};
use crate::model::{Document, Evidence, Link, Op, Report, Summary, UnitId, WordDiff};

#[cfg(feature = "eval")]
mod eval;
mod lineage;
mod unit;

#[cfg(feature = "eval")]
pub use eval::{EVAL_JSON_VERSION, EvalInputs, EvalJson, EvalLinkJson};
pub use lineage::{
    AttributionJson, BlameJson, BlameUnitJson, EdgeJson, GitJson, LogJson, NodeJson, StepJson,
    TraceEndJson, TraceJson, TraceLinkJson, TraceStepJson, VersionJson,
};
pub use unit::{SourceJson, UnitJson, unit_json};

/// The version of every JSON format written here; raised on any change that is not an
/// addition. Version 2 gave every command the report's names (a link's shape is `kind`, a
/// diff run's kind is `op`, a word diff is `{"ops", "stats", "timed_out"}` everywhere) and
/// rounded every score to four decimals.
pub const JSON_VERSION: u32 = 2;

/// Writes `report` as one pretty-printed JSON document and a newline.
pub fn json(report: &Report, out: &mut dyn io::Write) -> io::Result<()> {
    write_value(&ReportJson::from(report), out)
}

/// Writes `draftdiff segment --format json`: `{"version", "path", "units": [UnitJson, …]}`.
pub fn segment(doc: &Document, out: &mut dyn io::Write) -> io::Result<()> {
    write_value(&SegmentJson::from(doc), out)
}

/// Writes `draftdiff trace --format json` ([`TraceJson`]).
pub fn trace(lineage: &Lineage, trace: &Trace, out: &mut dyn io::Write) -> io::Result<()> {
    write_value(&TraceJson::new(lineage, trace), out)
}

/// Writes `draftdiff blame --format json` ([`BlameJson`]).
pub fn blame(lineage: &Lineage, blame: &Blame, out: &mut dyn io::Write) -> io::Result<()> {
    write_value(&BlameJson::new(lineage, blame), out)
}

/// Writes `draftdiff log --format json` ([`LogJson`]).
pub fn log(
    lineage: &Lineage,
    summaries: &[StepSummary],
    out: &mut dyn io::Write,
) -> io::Result<()> {
    write_value(&LogJson::new(lineage, summaries), out)
}

/// Writes `draftdiff eval --format json` ([`EvalJson`]).
#[cfg(feature = "eval")]
pub fn eval(
    inputs: EvalInputs<'_>,
    explanation: &crate::eval::Explanation,
    out: &mut dyn io::Write,
) -> io::Result<()> {
    write_value(&EvalJson::new(inputs, explanation), out)
}

/// Writes `value` pretty-printed, then a newline, streamed through a buffer: the report of
/// a 100,000-paragraph pair is hundreds of megabytes of JSON, which is never held whole in
/// memory. A write error (a closed pipe) reaches the caller with its own kind.
fn write_value(value: &impl Serialize, out: &mut dyn io::Write) -> io::Result<()> {
    let mut out = io::BufWriter::with_capacity(JSON_BUFFER, out);
    serde_json::to_writer_pretty(&mut out, value).map_err(|e| {
        if e.is_io() {
            io::Error::from(e)
        } else {
            io::Error::other(e)
        }
    })?;
    out.write_all(b"\n")?;
    out.flush()
}

/// The buffer between the JSON writer and the output: large enough that writes to a pipe
/// or file come in big pieces, small beside the report it carries.
const JSON_BUFFER: usize = 64 * 1024;

/// The output of `segment --format json`.
#[derive(Serialize)]
struct SegmentJson<'a> {
    version: u32,
    path: &'a str,
    units: Vec<UnitJson<'a>>,
    /// What the reader removed from the running text, in input order.
    removed: Vec<RemovedJson<'a>>,
}

/// One removed artifact of `segment --format json`: `{"line", "text", "why"}`, why one of
/// `page_header`, `page_number`, `page_break`, `footnote_marker`.
#[derive(Serialize)]
struct RemovedJson<'a> {
    line: usize,
    text: &'a str,
    why: &'static str,
}

impl<'a> From<&'a Document> for SegmentJson<'a> {
    fn from(d: &'a Document) -> Self {
        SegmentJson {
            version: JSON_VERSION,
            path: &d.path,
            units: d.units.iter().map(UnitJson::from).collect(),
            removed: d
                .artifacts
                .iter()
                .map(|a| RemovedJson {
                    line: a.line,
                    text: &a.text,
                    why: super::segment::artifact_kind(a.kind).0,
                })
                .collect(),
        }
    }
}

/// The whole report.
#[derive(Serialize)]
struct ReportJson<'a> {
    version: u32,
    old: DocumentJson<'a>,
    new: DocumentJson<'a>,
    links: Vec<LinkJson<'a>>,
    added: &'a [UnitId],
    removed: &'a [UnitId],
    summary: SummaryJson,
}

/// One version; its units are exactly what `draftdiff segment --format json` writes.
#[derive(Serialize)]
struct DocumentJson<'a> {
    path: &'a str,
    units: Vec<UnitJson<'a>>,
}

/// One link with its word diff.
#[derive(Serialize)]
struct LinkJson<'a> {
    old: &'a [UnitId],
    new: &'a [UnitId],
    score: f64,
    kind: &'static str,
    change: &'static str,
    moved: bool,
    evidence: EvidenceJson,
    diff: DiffJson<'a>,
}

#[derive(Serialize)]
struct EvidenceJson {
    chars: f64,
    words: f64,
    containment: f64,
    sentences: f64,
    position: f64,
}

/// A word diff, in every command that shows one: `{"ops", "stats", "timed_out"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DiffJson<'a> {
    /// The runs, in order.
    pub ops: Vec<OpJson<'a>>,
    /// Words in each kind of run.
    pub stats: StatsJson,
    /// True when the pair exceeded the diff's work budget (see the model's `WordDiff`).
    pub timed_out: bool,
}

/// One run of a word diff: `{"op": "equal" | "insert" | "delete", "text"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OpJson<'a> {
    /// `equal`, `insert` or `delete`.
    pub op: &'static str,
    /// The run as written, spaces included.
    pub text: &'a str,
}

/// Words (tokens with a letter or digit) in each kind of run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct StatsJson {
    /// Words in `equal` runs.
    pub equal: usize,
    /// Words in `insert` runs.
    pub inserted: usize,
    /// Words in `delete` runs.
    pub deleted: usize,
}

impl<'a> From<&'a WordDiff> for DiffJson<'a> {
    fn from(d: &'a WordDiff) -> Self {
        DiffJson {
            ops: d.ops.iter().map(OpJson::from).collect(),
            stats: StatsJson {
                equal: d.stats.equal,
                inserted: d.stats.inserted,
                deleted: d.stats.deleted,
            },
            timed_out: d.timed_out,
        }
    }
}

#[derive(Serialize)]
struct SummaryJson {
    old_units: usize,
    new_units: usize,
    unchanged: usize,
    renumbered: usize,
    edited: usize,
    rewritten: usize,
    moved: usize,
    merged: usize,
    split: usize,
    added: usize,
    removed: usize,
    old_words: usize,
    kept_words: usize,
    carried_over: f64,
    timed_out: usize,
}

/// Rounds a score to four decimals, so the text of the JSON does not depend on the last
/// bits of a float computation. Every JSON document of the project rounds through it.
pub(crate) fn round(x: f64) -> f64 {
    if x.is_finite() {
        (x * 10_000.0).round() / 10_000.0
    } else {
        0.0
    }
}

impl<'a> From<&'a Report> for ReportJson<'a> {
    fn from(r: &'a Report) -> Self {
        ReportJson {
            version: JSON_VERSION,
            old: DocumentJson::from(&r.old),
            new: DocumentJson::from(&r.new),
            links: r
                .alignment
                .links
                .iter()
                .zip(&r.diffs)
                .map(|(l, d)| LinkJson::new(l, d))
                .collect(),
            added: &r.alignment.added,
            removed: &r.alignment.removed,
            summary: SummaryJson::from(&r.summary),
        }
    }
}

impl<'a> From<&'a Document> for DocumentJson<'a> {
    fn from(d: &'a Document) -> Self {
        DocumentJson {
            path: &d.path,
            units: d.units.iter().map(UnitJson::from).collect(),
        }
    }
}

impl<'a> LinkJson<'a> {
    fn new(l: &'a Link, d: &'a WordDiff) -> Self {
        LinkJson {
            old: &l.old,
            new: &l.new,
            score: round(l.score),
            kind: l.shape.as_str(),
            change: l.change.as_str(),
            moved: l.moved,
            evidence: EvidenceJson::from(&l.evidence),
            diff: DiffJson::from(d),
        }
    }
}

impl From<&Evidence> for EvidenceJson {
    fn from(e: &Evidence) -> Self {
        EvidenceJson {
            chars: round(e.chars),
            words: round(e.words),
            containment: round(e.containment),
            sentences: round(e.sentences),
            position: round(e.position),
        }
    }
}

impl<'a> From<&'a Op> for OpJson<'a> {
    fn from(o: &'a Op) -> Self {
        OpJson {
            op: o.kind.as_str(),
            text: &o.text,
        }
    }
}

impl From<&Summary> for SummaryJson {
    fn from(s: &Summary) -> Self {
        SummaryJson {
            old_units: s.old_units,
            new_units: s.new_units,
            unchanged: s.unchanged,
            renumbered: s.renumbered,
            edited: s.edited,
            rewritten: s.rewritten,
            moved: s.moved,
            merged: s.merged,
            split: s.split,
            added: s.added,
            removed: s.removed,
            old_words: s.old_words,
            kept_words: s.kept_words,
            carried_over: round(s.carried_over()),
            timed_out: s.timed_out,
        }
    }
}
