//! The sources of a draft ([`Sources`]) as text, JSON or Markdown.
//!
//! Text: one line of summary, then for each source (in draft order) an origin line, `¶5 ←
//! corpus/a.txt ¶2 + ¶3  0.81 merge, edited`, and the word diff from the corpus text to
//! the draft's, wrapped and indented, in the palette of the terminal report. Draft units
//! without a source are not listed. JSON: the versioned document described in
//! `docs/json-schema.md` (section "sources"); Markdown: a table of sources.

use std::io;

use serde::Serialize;

use crate::corpus::{SourceLink, Sources};
use crate::model::{Document, LinkShape, Op, UnitId};
use crate::segment::UnitJson;

use super::Palette;
use super::escape::markdown_escape as escape;
use super::json::round;
use super::terminal::diff_spans;
use super::wrap::{Role, Span, push, write_wrapped};

/// The version of the JSON written by [`sources_json`].
pub const SOURCES_JSON_VERSION: u32 = 1;

/// Indent of a source's word diff under its origin line.
const DIFF_INDENT: usize = 4;

/// Counts for the summary line.
fn counts(s: &Sources) -> (usize, usize) {
    let traced = s
        .draft
        .units
        .iter()
        .filter(|u| crate::corpus::traced(u))
        .count();
    (s.traced_units(), traced)
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The labels of `ids` in `doc`, joined by `sep`.
fn labels(doc: &Document, ids: &[UnitId], sep: &str) -> String {
    ids.iter()
        .map(|&id| doc.label(id))
        .collect::<Vec<_>>()
        .join(sep)
}

/// `one_to_one`, `merge`, `split` as words for people.
fn shape(s: LinkShape) -> &'static str {
    match s {
        LinkShape::OneToOne => "copied",
        LinkShape::Merge => "merged",
        LinkShape::Split => "split",
    }
}

/// Writes `sources` for a terminal (coloured by `palette`), wrapped to `width` columns.
pub fn sources_text(
    sources: &Sources,
    width: usize,
    palette: &Palette,
    out: &mut dyn io::Write,
) -> io::Result<()> {
    let (found, traced) = counts(sources);
    let title = format!(
        "{}: {found} of {} descend from {} ({} aligned)",
        sources.draft.path,
        plural(traced, "unit", "units"),
        plural(
            sources.documents.len(),
            "corpus document",
            "corpus documents"
        ),
        plural(sources.candidates, "candidate", "candidates"),
    );
    write_wrapped(out, &[Span::new(Role::Title, title)], width, 0, palette)?;
    for s in &sources.links {
        writeln!(out)?;
        let doc = &sources.documents[s.document];
        let mut spans = Vec::new();
        let origin = format!(
            "{} ← {} {}",
            labels(&sources.draft, &s.link.new, ", "),
            doc.path,
            labels(doc, &s.link.old, " + "),
        );
        push(&mut spans, Role::Origin, &origin);
        push(
            &mut spans,
            Role::Dim,
            &format!(
                "  {:.2} {}, {}",
                s.link.score,
                shape(s.link.shape),
                s.link.change.as_str()
            ),
        );
        write_wrapped(out, &spans, width, 0, palette)?;
        let diff = diff_spans(&s.diff.ops, palette, Role::Plain);
        write_wrapped(out, &diff, width, DIFF_INDENT, palette)?;
    }
    Ok(())
}

/// Writes `sources` as a Markdown table: draft unit, source, score, change, and the draft
/// text with the words the draft changed marked (`~~deleted~~ **inserted**`).
pub fn sources_markdown(sources: &Sources, out: &mut dyn io::Write) -> io::Result<()> {
    let (found, traced) = counts(sources);
    writeln!(out, "# Sources of {}", escape(&sources.draft.path))?;
    writeln!(out)?;
    writeln!(
        out,
        "{found} of {} descend from {}.",
        plural(traced, "unit", "units"),
        plural(
            sources.documents.len(),
            "corpus document",
            "corpus documents"
        ),
    )?;
    if sources.links.is_empty() {
        return Ok(());
    }
    writeln!(out)?;
    writeln!(out, "| Draft | Source | Score | Change | Text |")?;
    writeln!(out, "|---|---|---|---|---|")?;
    for s in &sources.links {
        let doc = &sources.documents[s.document];
        writeln!(
            out,
            "| {} | {} {} | {:.2} | {}, {} | {} |",
            escape(&labels(&sources.draft, &s.link.new, ", ")),
            escape(&doc.path),
            escape(&labels(doc, &s.link.old, " + ")),
            s.link.score,
            shape(s.link.shape),
            s.link.change.as_str(),
            markdown_diff(&s.diff.ops),
        )?;
    }
    Ok(())
}

/// A word diff inline in a table cell: deletions struck through, insertions in bold.
fn markdown_diff(ops: &[Op]) -> String {
    use crate::model::OpKind;
    let mut out = String::new();
    for op in ops {
        let core = op.text.trim();
        if core.is_empty() {
            out.push_str(if op.text.is_empty() { "" } else { " " });
            continue;
        }
        let lead = &op.text[..op.text.len() - op.text.trim_start().len()];
        let tail = &op.text[op.text.trim_end().len()..];
        let text = escape(core).replace(['\n', '\r'], " ");
        out.push_str(if lead.is_empty() { "" } else { " " });
        match op.kind {
            OpKind::Equal => out.push_str(&text),
            OpKind::Delete => out.push_str(&format!("~~{text}~~")),
            OpKind::Insert => out.push_str(&format!("**{text}**")),
        }
        out.push_str(if tail.is_empty() { "" } else { " " });
    }
    out.trim().to_string()
}

/// Writes `sources` as one pretty-printed JSON document and a newline.
pub fn sources_json(sources: &Sources, out: &mut dyn io::Write) -> io::Result<()> {
    let wire = SourcesJson::from(sources);
    let mut bytes = serde_json::to_vec_pretty(&wire).map_err(io::Error::other)?;
    bytes.push(b'\n');
    out.write_all(&bytes)
}

/// Writes `sources` as the same JSON on one line and a newline: one line of the JSON Lines
/// of `draftdiff sources --drafts` (one line per draft).
pub fn sources_json_line(sources: &Sources, out: &mut dyn io::Write) -> io::Result<()> {
    let wire = SourcesJson::from(sources);
    let mut bytes = serde_json::to_vec(&wire).map_err(io::Error::other)?;
    bytes.push(b'\n');
    out.write_all(&bytes)
}

/// The whole answer.
#[derive(Serialize)]
struct SourcesJson<'a> {
    version: u32,
    draft: DocJson<'a>,
    documents: Vec<DocJson<'a>>,
    links: Vec<LinkJson<'a>>,
    summary: SummaryJson,
}

/// A document: the draft with all its units, a corpus document with the units named by
/// links only.
#[derive(Serialize)]
struct DocJson<'a> {
    path: &'a str,
    units: Vec<UnitJson<'a>>,
}

#[derive(Serialize)]
struct LinkJson<'a> {
    document: usize,
    old: &'a [UnitId],
    new: &'a [UnitId],
    score: f64,
    kind: &'static str,
    change: &'static str,
    diff: DiffJson<'a>,
}

#[derive(Serialize)]
struct DiffJson<'a> {
    ops: Vec<OpJson<'a>>,
    stats: StatsJson,
    timed_out: bool,
}

#[derive(Serialize)]
struct StatsJson {
    equal: usize,
    inserted: usize,
    deleted: usize,
}

#[derive(Serialize)]
struct OpJson<'a> {
    op: &'static str,
    text: &'a str,
}

#[derive(Serialize)]
struct SummaryJson {
    draft_units: usize,
    traced_units: usize,
    units_with_sources: usize,
    documents: usize,
    candidates: usize,
}

impl<'a> From<&'a Sources> for SourcesJson<'a> {
    fn from(s: &'a Sources) -> Self {
        let (found, traced) = counts(s);
        let documents = s
            .documents
            .iter()
            .enumerate()
            .map(|(i, d)| {
                let mut ids: Vec<UnitId> = s
                    .links
                    .iter()
                    .filter(|l| l.document == i)
                    .flat_map(|l| l.link.old.iter().copied())
                    .collect();
                ids.sort_unstable();
                ids.dedup();
                DocJson {
                    path: &d.path,
                    units: ids.iter().map(|&id| UnitJson::from(d.unit(id))).collect(),
                }
            })
            .collect();
        SourcesJson {
            version: SOURCES_JSON_VERSION,
            draft: DocJson {
                path: &s.draft.path,
                units: s.draft.units.iter().map(UnitJson::from).collect(),
            },
            documents,
            links: s.links.iter().map(LinkJson::from).collect(),
            summary: SummaryJson {
                draft_units: s.draft.units.len(),
                traced_units: traced,
                units_with_sources: found,
                documents: s.documents.len(),
                candidates: s.candidates,
            },
        }
    }
}

impl<'a> From<&'a SourceLink> for LinkJson<'a> {
    fn from(s: &'a SourceLink) -> Self {
        LinkJson {
            document: s.document,
            old: &s.link.old,
            new: &s.link.new,
            score: round(s.link.score),
            kind: s.link.shape.as_str(),
            change: s.link.change.as_str(),
            diff: DiffJson {
                ops: s
                    .diff
                    .ops
                    .iter()
                    .map(|o| OpJson {
                        op: o.kind.as_str(),
                        text: &o.text,
                    })
                    .collect(),
                stats: StatsJson {
                    equal: s.diff.stats.equal,
                    inserted: s.diff.stats.inserted,
                    deleted: s.diff.stats.deleted,
                },
                timed_out: s.diff.timed_out,
            },
        }
    }
}
