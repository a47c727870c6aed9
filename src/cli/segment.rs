//! `draftdiff segment FILE [--format text|json]`: shows how a document was read.

use std::io::{self, Write};

use draftdiff::Error;
use draftdiff::model::{ArtifactKind, Document, UnitKind};
use draftdiff::render::{Visible, visible};
use draftdiff::segment::UnitJson;

use super::{Ctx, Outcome};

/// Output format of `segment`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum SegmentFormat {
    /// A table for people: kind, number, lines, start of the text.
    #[default]
    Text,
    /// `{"path": …, "units": [{"id", "kind", "number", "line", "end_line", "text"}, …]}`.
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

/// Characters of unit text shown in the table.
const PREVIEW_CHARS: usize = 60;

/// Runs `draftdiff segment FILE`.
pub fn run(ctx: &Ctx, args: &SegmentArgs) -> Result<Outcome, Error> {
    if args.explain {
        let text = if args.file == "-" {
            let mut bytes = Vec::new();
            io::Read::read_to_end(&mut io::stdin(), &mut bytes)
                .map_err(|e| Error::io("<stdin>", e))?;
            draftdiff::read::decode("-", &bytes, &ctx.read)?
        } else {
            draftdiff::read::read_path(&args.file, &ctx.read)?
        };
        let options = draftdiff::segment::SegmentOptions::new();
        let (doc, why) = draftdiff::segment::segment_explained(&args.file, &text, &options);
        ctx.emit(&[&args.file], |w| {
            write_table(w, &doc)?;
            why.write_text(w)
        })?;
        return Ok(Outcome::Same);
    }
    let doc = ctx.load(&args.file)?;
    ctx.emit(&[&args.file], |w| match args.format {
        SegmentFormat::Text => write_table(w, &doc),
        SegmentFormat::Json => write_json(w, &doc),
    })?;
    Ok(Outcome::Same)
}

#[derive(serde::Serialize)]
struct SegmentJson<'a> {
    path: &'a str,
    units: Vec<UnitJson<'a>>,
}

fn write_json(w: &mut dyn Write, doc: &Document) -> io::Result<()> {
    let out = SegmentJson {
        path: &doc.path,
        units: doc.units.iter().map(UnitJson::from).collect(),
    };
    serde_json::to_writer_pretty(&mut *w, &out)?;
    writeln!(w)
}

/// The start of a unit's text as shown in the table: control characters made visible,
/// then cut to [`PREVIEW_CHARS`].
fn preview(text: &str) -> String {
    let text = visible(text);
    let mut out: String = text.chars().take(PREVIEW_CHARS).collect();
    if text.chars().nth(PREVIEW_CHARS).is_some() {
        out.push('…');
    }
    out
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn write_table(w: &mut dyn Write, doc: &Document) -> io::Result<()> {
    writeln!(
        w,
        "{:>5}  {:<9}  {:<6}  {:<11}  text",
        "id", "kind", "number", "lines"
    )?;
    for u in &doc.units {
        let lines = if u.line == u.end_line {
            u.line.to_string()
        } else {
            format!("{}-{}", u.line, u.end_line)
        };
        writeln!(
            w,
            "{:>5}  {:<9}  {:<6}  {:<11}  {}",
            u.id,
            u.kind.as_str(),
            Visible(u.number.as_deref().unwrap_or("-")),
            lines,
            preview(&u.text)
        )?;
    }
    let count = |k: UnitKind| doc.units.iter().filter(|u| u.kind == k).count();
    let removed = |k: ArtifactKind| doc.artifacts.iter().filter(|a| a.kind == k).count();
    writeln!(
        w,
        "{}: {}, {}, {}, {}, {}; removed {}, {}, {}",
        Visible(&doc.path),
        plural(doc.units.len(), "unit", "units"),
        plural(count(UnitKind::Heading), "heading", "headings"),
        plural(count(UnitKind::Paragraph), "paragraph", "paragraphs"),
        plural(count(UnitKind::ListItem), "list item", "list items"),
        plural(count(UnitKind::Footnote), "footnote", "footnotes"),
        plural(
            removed(ArtifactKind::FootnoteMarker),
            "footnote marker",
            "footnote markers"
        ),
        plural(
            removed(ArtifactKind::PageBreak),
            "page-break or stray line",
            "page-break or stray lines"
        ),
        plural(
            removed(ArtifactKind::PageHeader) + removed(ArtifactKind::PageNumber),
            "page header or number",
            "page headers or numbers"
        ),
    )
}
