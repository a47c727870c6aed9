//! The HTML report: one self-contained page (no script, no font, no request) with a header
//! of counts, the lineage drawn as inline SVG, and both versions side by side.
//!
//! The page is laid out in the order of the terminal report (`layout`): the new version in
//! order, each removed old unit where it stood. A moved unit is marked at both ends: its row
//! at its new place, and a "moved from here" row where it stood, each linking to the other.
//! Every piece of document text goes through [`Html`], the one HTML escaper.
//!
//! The kinds have the terminal report's names and the terminal's meaning of red and green
//! (deleted and removed red, inserted and added green, as `palette::colored`); the hues are
//! the Okabe–Ito set, told apart by people with any common colour-vision deficiency, and
//! no kind is told by colour alone (dashes, hatching, `<del>`/`<ins>`, words).
//!
//! Proportionate: runs of [`FOLD_RUN`] or more unchanged units are folded (a CSS-only
//! toggle), the rows are cut into tables of at most [`CHUNK_ROWS`] that a browser lays out
//! only when they scroll into view, and above [`PICTURE_UNIT_LIMIT`] units on a side the
//! picture is drawn per section.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io;
use std::ops::Range;

use crate::model::{Change, Document, Link, LinkShape, Op, OpKind, Report, UnitId, UnitKind};

use super::escape::Html;
use super::layout;

/// Units on a side above which the picture is drawn per section rather than per unit: a
/// few hundred boxes stay readable (two pixels each at least) and light to draw; thousands
/// would be a smear of sub-pixel boxes and tens of thousands of SVG elements.
pub const PICTURE_UNIT_LIMIT: usize = 400;

/// Boxes the section-level picture aims at per side: about one per 8 pixels of its height.
const PICTURE_GROUPS: usize = 120;

/// Unchanged units in a row from which the run is folded behind a toggle: shorter runs are
/// context worth reading, longer ones are what a reviewer scrolls past.
pub const FOLD_RUN: usize = 6;

/// In a report with more than [`PICTURE_UNIT_LIMIT`] units on a side, the words of a run
/// both versions share that the old side keeps beside each change (the new side keeps
/// every word): half a line, as `diff -U` keeps lines around a change. A 100,000-unit
/// page once carried every shared word twice (148 MB for 56 MB of new text).
const OLD_CONTEXT: usize = 6;

/// The words of context the old side keeps around changes: all of them in a report a
/// reviewer reads whole, [`OLD_CONTEXT`] in a large one.
fn old_context(report: &Report) -> Option<usize> {
    (report.old.units.len().max(report.new.units.len()) > PICTURE_UNIT_LIMIT).then_some(OLD_CONTEXT)
}

/// Rows per table: a browser skips laying out a table that is off screen
/// (`content-visibility: auto`), so a 10,000-unit page opens at the speed of its first
/// screen.
pub const CHUNK_ROWS: usize = 200;

/// Headings up to which the outline is shown open; a longer one is folded behind its
/// summary line, so the picture stays on the first screens.
const OUTLINE_OPEN: usize = 40;

/// Height the picture aims at, in pixels: about one screen, so the rows start below it.
const PICTURE_HEIGHT: f64 = 900.0;
/// Smallest box, in pixels, so a one-word unit can still be seen and clicked.
const MIN_BOX: f64 = 2.0;
/// Space between boxes, in pixels.
const GAP: f64 = 1.0;
/// Width of the picture's coordinate system.
const SVG_WIDTH: f64 = 800.0;
/// Left and right edges of the old column, and of the new one.
const OLD_X: (f64, f64) = (150.0, 200.0);
const NEW_X: (f64, f64) = (600.0, 650.0);

/// A kind of link or unit, as the summary counts them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Unchanged,
    Renumbered,
    Edited,
    Rewritten,
    Moved,
    Merged,
    Split,
    Added,
    Removed,
}

/// Every kind in legend order, with its name (the summary's), the colour of its ribbon or
/// box, and how it is told apart without colour. Ribbon fills, blended at their opacity
/// over the page, keep 3:1 against it (WCAG 2.1, 1.4.11 non-text contrast): the
/// Okabe–Ito hues, darkened where they were too light (orange, yellow, sky blue).
const KINDS: [(Kind, &str, &str, &str); 9] = [
    (Kind::Unchanged, "unchanged", "#6b6b6b", "grey band"),
    (
        Kind::Renumbered,
        "renumbered",
        "#6b6b6b",
        "grey band, dotted edge",
    ),
    (Kind::Edited, "edited", "#0072b2", "blue band"),
    (
        Kind::Rewritten,
        "rewritten",
        "#a8417f",
        "purple band, dotted edge",
    ),
    (Kind::Moved, "moved", "#9a5c00", "brown band, dashed edge"),
    (Kind::Merged, "merged", "#2b7fb3", "hatched \\ blue"),
    (Kind::Split, "split", "#7a7000", "hatched // olive"),
    (Kind::Added, "added", "#009e73", "green box with a plus"),
    (Kind::Removed, "removed", "#d55e00", "red crossed box"),
];

impl Kind {
    fn name(self) -> &'static str {
        KINDS[self as usize].1
    }

    fn count(self, report: &Report) -> usize {
        let s = &report.summary;
        match self {
            Kind::Unchanged => s.unchanged,
            Kind::Renumbered => s.renumbered,
            Kind::Edited => s.edited,
            Kind::Rewritten => s.rewritten,
            Kind::Moved => s.moved,
            Kind::Merged => s.merged,
            Kind::Split => s.split,
            Kind::Added => s.added,
            Kind::Removed => s.removed,
        }
    }

    fn of_change(change: Change) -> Kind {
        match change {
            Change::Unchanged => Kind::Unchanged,
            Change::Renumbered => Kind::Renumbered,
            Change::Edited => Kind::Edited,
            Change::Rewritten => Kind::Rewritten,
        }
    }
}

/// The classes of a link: its change, then `k-moved`, `k-merged`, `k-split` as they apply
/// (the summary counts each of these separately, and so do the legend and the tests).
fn link_classes(link: &Link) -> String {
    let mut classes = format!("k-{}", Kind::of_change(link.change).name());
    if link.moved {
        classes.push_str(" k-moved");
    }
    match link.shape {
        LinkShape::OneToOne => {}
        LinkShape::Merge => classes.push_str(" k-merged"),
        LinkShape::Split => classes.push_str(" k-split"),
    }
    classes
}

/// One row of the side-by-side body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Row {
    /// A new unit (with or without an origin) or a removed old unit.
    Entry(layout::Entry),
    /// Where an old unit of a moved link stood: old unit, link.
    MovedFrom { old: UnitId, link: usize },
}

/// The patterns of the pictures: hatching for merges and splits, the marks of added and
/// removed boxes (also used by the legend's swatches, which find them by id).
const SVG_DEFS: &str = "<defs><pattern id=\"hatch-merged\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(-45)\"><rect width=\"6\" height=\"6\" fill=\"#2b7fb3\" fill-opacity=\".8\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#0d3b54\" stroke-width=\"2\"/></pattern><pattern id=\"hatch-split\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#7a7000\" fill-opacity=\".85\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#3d3800\" stroke-width=\"2\"/></pattern><pattern id=\"mark-added\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\"><rect width=\"8\" height=\"8\" fill=\"#009e73\"/><path d=\"M4 1.5V6.5M1.5 4H6.5\" stroke=\"#fff\" stroke-width=\"1.2\"/></pattern><pattern id=\"mark-removed\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\"><rect width=\"8\" height=\"8\" fill=\"#d55e00\"/><path d=\"M2 2L6 6M6 2L2 6\" stroke=\"#fff\" stroke-width=\"1.2\"/></pattern></defs>";

/// Writes the HTML report of `report`: one self-contained page.
///
/// ```
/// use draftdiff::{diff::{DiffOptions, report}, render};
/// use draftdiff::segment::{segment, SegmentOptions};
///
/// let old = segment("old.txt", "1. The cat sat.\n\n2. It slept.\n", &SegmentOptions::new());
/// let new = segment("new.txt", "1. The black cat sat.\n\n2. It slept.\n", &SegmentOptions::new());
/// let alignment = draftdiff::align(&old, &new, &draftdiff::AlignOptions::new());
/// let report = report(old, new, alignment, &DiffOptions::new());
/// let mut out = Vec::new();
/// render::html(&report, &mut out).unwrap();
/// let page = String::from_utf8(out).unwrap();
/// assert!(page.starts_with("<!DOCTYPE html>"));
/// assert!(page.contains("<ins>black </ins>"));
/// ```
pub fn html(report: &Report, out: &mut dyn io::Write) -> io::Result<()> {
    let rows = rows(report);
    let title = format!(
        "draftdiff: {} → {}",
        Html(&report.old.path),
        Html(&report.new.path)
    );
    page_head(out, &title, "rows", "Skip to the comparison")?;
    header(report, &title, out)?;
    outline(report, out)?;
    writeln!(out, "<main id=\"main\">")?;
    picture(report, out)?;
    body(report, &rows, out)?;
    writeln!(
        out,
        "</main>\n<footer><p>Made by draftdiff. Old text struck through and marked \
         “deleted”, new text underlined and marked “inserted”; scores are the aligner's \
         confidence, 0 to 1.</p></footer>\n</body>\n</html>"
    )
}

/// The page's style sheet: screen, then print.
const STYLE: &str = r#":root{color-scheme:light;--fg:#1b1b1b;--muted:#595959;--bg:#ffffff;--rule:#c8c8c8;--link:#0b5394}
*{box-sizing:border-box}
body{margin:0 auto;max-width:90rem;padding:0 1rem 2rem;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
a{color:var(--link)}
a:focus-visible{outline:3px solid #1b1b1b;outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:.5rem;background:#fff;padding:.25rem .5rem}
.sr-only,del::before,del::after,ins::before,ins::after{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
del::before{content:" [deleted: "}ins::before{content:" [inserted: "}del::after,ins::after{content:"] "}
header h1{font-size:1.5rem;margin:1rem 0 .5rem}
.versions{display:grid;grid-template-columns:auto 1fr;gap:.1rem 1rem;margin:0 0 .5rem}
.versions dt{font-weight:600}.versions dd{margin:0}
.counts{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1rem;margin:.5rem 0}
.counts b{font-variant-numeric:tabular-nums}
.sw{display:inline-block;vertical-align:middle;margin-right:.3rem}
nav{border:1px solid var(--rule);padding:.25rem 1rem;margin:1rem 0}
nav h2{font-size:1rem;margin:.25rem 0}
nav ol{columns:18rem;margin:.25rem 0;padding-left:3rem;font-size:.9rem}
nav li{break-inside:avoid}
nav summary{cursor:pointer}
h2{font-size:1.25rem;margin:1.5rem 0 .5rem}
figure{margin:0}
#lineage{display:block;width:100%;max-width:56rem;height:auto}
figcaption{max-width:56rem}
.legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;font-size:.9rem}
.colhead{display:grid;grid-template-columns:2fr 1fr 2fr;font-weight:600;border-bottom:2px solid var(--fg);position:sticky;top:0;background:#fff;z-index:1}
.colhead span,td{padding:.3rem .5rem}
.filter{margin:.5rem 0;display:flex;gap:.5rem;align-items:center}
.filter label{border:1px solid #595959;border-radius:.25rem;padding:.1rem .6rem;cursor:pointer}
#show-all:checked~.filter label[for=show-all],#only-changed:checked~.filter label[for=only-changed]{background:#1b1b1b;color:#fff}
#show-all:focus-visible~.filter label[for=show-all],#only-changed:focus-visible~.filter label[for=only-changed]{outline:3px solid #0b5394;outline-offset:2px}
.chunk{content-visibility:auto;contain-intrinsic-size:auto 3000px}
table{width:100%;border-collapse:collapse;table-layout:fixed}
col.side{width:40%}col.mid{width:20%}
td{vertical-align:top;border-bottom:1px solid var(--rule);overflow-wrap:anywhere}
td.mid{font-size:.85rem;color:var(--muted)}
.label{font-size:.8rem;color:var(--muted);display:block}
tr:target{outline:3px solid #1b1b1b;outline-offset:-3px}
del{background:#ffe1dc;color:#7a1800;text-decoration:line-through}
ins{background:#d9f2e3;color:#00452a;text-decoration:underline}
.badge{display:inline-block;padding:0 .35rem;border-left:.35rem solid;background:#f2f2f2;color:var(--fg)}
tr.heading td{background:#f4f4f4}
.score{color:var(--muted)}
.same-text,.gap{color:var(--muted);font-style:italic}
.bar{display:flex;height:.6rem;margin:.2rem 0;border:1px solid #404040}.bar span{display:block;height:100%}
.swatch-v{display:inline-block;width:.8rem;height:.8rem;border:1px solid #404040;vertical-align:middle}
.vc1{background:#6b6b6b}.vc2{background:#0072b2}.vc3{background:#9a5c00}.vc4{background:#00795a}.vc5{background:#a8417f}.vc6{background:#b34700}
ol.history{margin:0;padding-left:1.2rem;font-size:.85rem}
tr.heading h3{font-size:1rem;margin:0}
tr.moved-from td{color:var(--muted);font-style:italic}
.fold-toggle td{text-align:center;font-size:.9rem;background:#fafafa}
tbody.fold:not(:has(.fold-box:checked)) tr.row{display:none}
#only-changed:checked~.rows tr.same,#only-changed:checked~.rows tr.fold-toggle{display:none}
svg .ribbon path{fill-opacity:.8}
svg .k-unchanged path{fill:#6b6b6b;fill-opacity:.75}
svg .k-renumbered path{fill:#6b6b6b;fill-opacity:.75;stroke:#262626;stroke-dasharray:1 2}
svg .k-edited path{fill:#0072b2}
svg .k-rewritten path{fill:#a8417f;stroke:#4d1a3a;stroke-dasharray:1.5 1.5}
svg .k-moved path{fill:#9a5c00;stroke:#4d2e00;stroke-width:1.2;stroke-dasharray:5 2.5}
svg .k-merged path{fill:url(#hatch-merged);fill-opacity:1}
svg .k-split path{fill:url(#hatch-split);fill-opacity:1}
svg a:hover path,svg a:focus path{fill-opacity:.95}
svg rect.u{fill:#d9d9d9;stroke:#404040;stroke-width:.5}
svg rect.heading{fill:#404040}
svg rect.added{fill:url(#mark-added);stroke:#00573f}
svg rect.removed{fill:url(#mark-removed);stroke:#8a3000}
svg text{font-size:11px;fill:#1b1b1b}
@media print{
body{max-width:none;font-size:10pt}
nav,.filter,.fold-toggle,.skip,.colhead{display:none}
tbody.fold tr.row,#only-changed:checked~.rows tr.same{display:table-row!important}
.chunk{content-visibility:visible}
tr{break-inside:avoid}
figure{break-after:page}
a{color:inherit;text-decoration:none}
del,ins,.badge,svg{print-color-adjust:exact;-webkit-print-color-adjust:exact}
}
"#;

/// The kinds' colours on the row badges, from [`KINDS`].
fn badge_style() -> String {
    let mut s = String::new();
    for (_, name, colour, _) in KINDS {
        let _ = write!(s, ".badge.k-{name}{{border-color:{colour}}}");
    }
    s.push('\n');
    s
}

/// The header: the two versions, the counts (each with its legend swatch), the share of
/// old text carried over.
fn header(report: &Report, title: &str, out: &mut dyn io::Write) -> io::Result<()> {
    let s = &report.summary;
    let words = |doc: &Document| doc.units.iter().map(|u| words(&u.text)).sum::<usize>();
    writeln!(out, "<header>\n<h1>{title}</h1>\n<dl class=\"versions\">")?;
    writeln!(
        out,
        "<dt>Old</dt><dd><code>{}</code>: {} units, {} words</dd>",
        Html(&report.old.path),
        s.old_units,
        words(&report.old)
    )?;
    writeln!(
        out,
        "<dt>New</dt><dd><code>{}</code>: {} units, {} words</dd>\n</dl>",
        Html(&report.new.path),
        s.new_units,
        words(&report.new)
    )?;
    writeln!(
        out,
        "<p>{} links between them. Old text carried over: <b>{:.1}%</b> \
         ({} of {} words) <meter min=\"0\" max=\"1\" value=\"{:.3}\">{:.1}%</meter></p>",
        report.alignment.links.len(),
        s.carried_over() * 100.0,
        s.kept_words,
        s.old_words,
        s.carried_over(),
        s.carried_over() * 100.0
    )?;
    writeln!(out, "<ul class=\"counts\" aria-label=\"Counts by kind\">")?;
    for (kind, name, _, _) in KINDS {
        writeln!(
            out,
            "<li>{}{name} <b>{}</b></li>",
            swatch(kind),
            kind.count(report)
        )?;
    }
    writeln!(out, "</ul>")?;
    if s.timed_out > 0 {
        writeln!(
            out,
            "<p>Note: {} word diffs went over their work budget and are coarser than they could be.</p>",
            s.timed_out
        )?;
    }
    writeln!(out, "</header>")
}

/// A small picture of how a kind is drawn, for the counts and the legend.
fn swatch(kind: Kind) -> String {
    let shape = match kind {
        Kind::Added => "<rect class=\"u added\" x=\"7\" y=\"1\" width=\"14\" height=\"12\"/>",
        Kind::Removed => "<rect class=\"u removed\" x=\"7\" y=\"1\" width=\"14\" height=\"12\"/>",
        _ => "",
    };
    let body = if shape.is_empty() {
        format!(
            "<g class=\"ribbon k-{}\"><path d=\"M0 3C14 3 14 1 28 1L28 13C14 13 14 11 0 11Z\"/></g>",
            kind.name()
        )
    } else {
        shape.to_string()
    };
    format!(
        "<svg class=\"sw\" width=\"28\" height=\"14\" viewBox=\"0 0 28 14\" aria-hidden=\"true\">{body}</svg>"
    )
}

/// The section outline: every heading of the new version, linking to its row.
fn outline(report: &Report, out: &mut dyn io::Write) -> io::Result<()> {
    outline_of(
        &report.new,
        "n",
        "The new version has no headings. <a href=\"#lineage-h\">Lineage</a> · <a href=\"#rows\">Comparison</a>",
        out,
    )?;
    writeln!(out, "</nav>")
}

/// The outline of `doc`'s headings, each linking to its row `#{anchor}-{id}`, folded when
/// long so that the picture stays near the top of the page; `none` (HTML) stands in when
/// there are no headings. Leaves the `<nav>` open for the caller to close.
fn outline_of(doc: &Document, anchor: &str, none: &str, out: &mut dyn io::Write) -> io::Result<()> {
    writeln!(
        out,
        "<nav aria-labelledby=\"outline-h\">\n<h2 id=\"outline-h\">Outline</h2>"
    )?;
    let headings: Vec<_> = doc
        .units
        .iter()
        .filter(|u| u.kind == UnitKind::Heading)
        .collect();
    if headings.is_empty() {
        return writeln!(out, "<p>{none}</p>");
    }
    let open = if headings.len() <= OUTLINE_OPEN {
        " open"
    } else {
        ""
    };
    writeln!(
        out,
        "<details{open}><summary>{} sections</summary>\n<ol>",
        headings.len()
    )?;
    for u in headings {
        writeln!(
            out,
            "<li><a href=\"#{anchor}-{}\">{}{}</a></li>",
            u.id,
            u.number
                .as_deref()
                .map(|n| format!("{}. ", Html(n)))
                .unwrap_or_default(),
            Html(&short(&u.text, 12))
        )?;
    }
    writeln!(out, "</ol>\n</details>")
}

/// The first `n` words of `text`, with `…` when cut.
fn short(text: &str, n: usize) -> String {
    let mut words = text.split_whitespace();
    let head: Vec<&str> = words.by_ref().take(n).collect();
    let mut s = head.join(" ");
    if words.next().is_some() {
        s.push('…');
    }
    s
}

/// Words of a unit as the picture weighs them (whitespace-separated).
fn words(text: &str) -> usize {
    text.split_whitespace().count()
}

/// Boxes of one column of the picture: the units (or groups of units) it draws, each with
/// its top and height.
struct Column {
    /// Unit ranges drawn as one box each (one unit each at unit level).
    groups: Vec<Range<UnitId>>,
    /// Top and height of each box.
    boxes: Vec<(f64, f64)>,
    /// Box of each unit.
    group_of: Vec<usize>,
    /// Words of each unit.
    words: Vec<usize>,
}

impl Column {
    fn new(doc: &Document, grouped: bool) -> Column {
        let words: Vec<usize> = doc.units.iter().map(|u| words(&u.text)).collect();
        let groups = if grouped {
            groups(doc)
        } else {
            (0..doc.units.len()).map(|i| i..i + 1).collect()
        };
        let mut group_of = vec![0; doc.units.len()];
        for (g, r) in groups.iter().enumerate() {
            for u in r.clone() {
                group_of[u] = g;
            }
        }
        Column {
            groups,
            boxes: Vec::new(),
            group_of,
            words,
        }
    }

    fn total_words(&self) -> usize {
        self.words.iter().sum()
    }

    /// Lays the boxes out from the top at `per_word` pixels a word.
    fn lay_out(&mut self, per_word: f64) -> f64 {
        let mut y = GAP;
        self.boxes = self
            .groups
            .iter()
            .map(|r| {
                let w: usize = self.words[r.clone()].iter().sum();
                let h = (w as f64 * per_word).max(MIN_BOX);
                let b = (y, h);
                y += h + GAP;
                b
            })
            .collect();
        y
    }
}

/// Consecutive units cut into about [`PICTURE_GROUPS`] boxes: a box starts at a heading
/// once the current one holds a quarter of the target, and at the target in any case, so
/// sections show where they can and the count stays bounded whatever the headings.
fn groups(doc: &Document) -> Vec<Range<UnitId>> {
    let target = doc.units.len().div_ceil(PICTURE_GROUPS).max(1);
    let mut out = Vec::new();
    let mut start = 0;
    for u in &doc.units {
        let len = u.id - start;
        if len > 0 && (len >= target || (u.kind == UnitKind::Heading && len * 4 >= target)) {
            out.push(start..u.id);
            start = u.id;
        }
    }
    if start < doc.units.len() {
        out.push(start..doc.units.len());
    }
    out
}

/// The lineage picture, its legend and its description in words.
fn picture(report: &Report, out: &mut dyn io::Write) -> io::Result<()> {
    let grouped = report.old.units.len().max(report.new.units.len()) > PICTURE_UNIT_LIMIT;
    let mut old = Column::new(&report.old, grouped);
    let mut new = Column::new(&report.new, grouped);
    let max_words = old.total_words().max(new.total_words()).max(1) as f64;
    let boxes = old.groups.len().max(new.groups.len()) as f64;
    let room = (PICTURE_HEIGHT - boxes * (MIN_BOX + GAP)).max(PICTURE_HEIGHT / 4.0);
    let per_word = (room / max_words).min(0.5);
    let height = old.lay_out(per_word).max(new.lay_out(per_word)) + 20.0;
    let s = &report.summary;
    let level = if grouped { "sections" } else { "units" };
    writeln!(
        out,
        "<section aria-labelledby=\"lineage-h\">\n<h2 id=\"lineage-h\">Lineage</h2>\n<figure>"
    )?;
    writeln!(
        out,
        "<svg id=\"lineage\" data-level=\"{level}\" viewBox=\"0 0 {SVG_WIDTH} {height:.0}\" width=\"{SVG_WIDTH}\" height=\"{height:.0}\" \
         role=\"group\" aria-labelledby=\"lineage-title\" aria-describedby=\"lineage-desc\">\n\
         <title id=\"lineage-title\">Lineage: old version left, new version right</title>"
    )?;
    writeln!(out, "{SVG_DEFS}")?;
    writeln!(
        out,
        "<text x=\"{:.0}\" y=\"12\" text-anchor=\"middle\">old</text><text x=\"{:.0}\" y=\"12\" text-anchor=\"middle\">new</text>",
        (OLD_X.0 + OLD_X.1) / 2.0,
        (NEW_X.0 + NEW_X.1) / 2.0
    )?;
    // Boxes and ribbons start below the column titles.
    writeln!(out, "<g transform=\"translate(0 16)\">")?;
    if grouped {
        group_ribbons(report, &old, &new, out)?;
    } else {
        unit_ribbons(report, &old, &new, out)?;
    }
    column_boxes(report, &report.old, &old, true, out)?;
    column_boxes(report, &report.new, &new, false, out)?;
    writeln!(out, "</g>\n</svg>")?;
    writeln!(
        out,
        "<figcaption>\n<p id=\"lineage-desc\">The old version's {} units are drawn as boxes on the left and \
         the new version's {} on the right, {}, each as tall as its words. A band joins each old \
         unit to what it became: {} links ({} unchanged, {} renumbered, {} edited, {} rewritten; \
         {} moved, {} merged, {} split). {} new units have no origin and {} old units were removed. \
         Every band and box links to its row in the comparison below, which says the same in words.</p>",
        s.old_units,
        s.new_units,
        if grouped {
            "grouped by section"
        } else {
            "one box each"
        },
        report.alignment.links.len(),
        s.unchanged,
        s.renumbered,
        s.edited,
        s.rewritten,
        s.moved,
        s.merged,
        s.split,
        s.added,
        s.removed
    )?;
    writeln!(out, "<ul class=\"legend\" aria-label=\"Legend\">")?;
    for (kind, name, _, how) in KINDS {
        writeln!(
            out,
            "<li class=\"legend-entry\" data-kind=\"{name}\" data-count=\"{}\">{}{name} ({how}): {}</li>",
            kind.count(report),
            swatch(kind),
            kind.count(report)
        )?;
    }
    writeln!(out, "</ul>\n</figcaption>\n</figure>\n</section>")
}

/// The boxes of one column, each linking to its row.
fn column_boxes(
    report: &Report,
    doc: &Document,
    col: &Column,
    is_old: bool,
    out: &mut dyn io::Write,
) -> io::Result<()> {
    let (x0, x1) = if is_old { OLD_X } else { NEW_X };
    let side = if is_old { "o" } else { "n" };
    let lone: &[UnitId] = if is_old {
        &report.alignment.removed
    } else {
        &report.alignment.added
    };
    let mut is_lone = vec![false; doc.units.len()];
    for &u in lone {
        if let Some(slot) = is_lone.get_mut(u) {
            *slot = true;
        }
    }
    let mut s = String::new();
    // The bottom of the last heading label written, so labels never overlap.
    let mut label_bottom = f64::MIN;
    for (range, &(y, h)) in col.groups.iter().zip(&col.boxes) {
        let first = range.start;
        let unit = doc.unit(first);
        let lone_words: usize = range
            .clone()
            .filter(|&u| is_lone[u])
            .map(|u| col.words[u])
            .sum();
        let all_words: usize = col.words[range.clone()].iter().sum::<usize>().max(1);
        let what = if range.len() == 1 {
            format!(
                "{} {}{}, {} words",
                if is_old { "old" } else { "new" },
                doc.label(first),
                match (is_lone[first], is_old) {
                    (true, true) => " (removed)",
                    (true, false) => " (added)",
                    _ => "",
                },
                col.words[first]
            )
        } else {
            format!(
                "{} {} to {}: {} units, {} words",
                if is_old { "old" } else { "new" },
                doc.label(first),
                doc.label(range.end - 1),
                range.len(),
                all_words
            )
        };
        let class = if range.len() == 1 && is_lone[first] {
            if is_old { "u removed" } else { "u added" }
        } else if range.len() == 1 && unit.kind == UnitKind::Heading {
            "u heading"
        } else {
            "u"
        };
        let _ = write!(
            s,
            "<a class=\"box\" href=\"#{side}-{first}\"><title>{}</title><rect class=\"{class}\" x=\"{x0}\" y=\"{y:.1}\" width=\"{}\" height=\"{h:.1}\"/>",
            Html(&what),
            x1 - x0
        );
        // Section level: the share of removed or added words as a marked band.
        if range.len() > 1 && lone_words > 0 {
            let lh = (h * lone_words as f64 / all_words as f64).max(1.0);
            let _ = write!(
                s,
                "<rect class=\"u {}\" x=\"{x0}\" y=\"{:.1}\" width=\"{}\" height=\"{lh:.1}\"/>",
                if is_old { "removed" } else { "added" },
                y + h - lh,
                (x1 - x0) / 3.0
            );
        }
        s.push_str("</a>");
        if unit.kind == UnitKind::Heading && y >= label_bottom {
            label_bottom = y + 11.0;
            let (tx, anchor) = if is_old {
                (x0 - 6.0, "end")
            } else {
                (x1 + 6.0, "start")
            };
            let _ = write!(
                s,
                "<text x=\"{tx}\" y=\"{:.1}\" text-anchor=\"{anchor}\" aria-hidden=\"true\">{}</text>",
                y + 9.0,
                Html(&short_label(doc, first))
            );
        }
        s.push('\n');
        if s.len() > 1 << 16 {
            out.write_all(s.as_bytes())?;
            s.clear();
        }
    }
    out.write_all(s.as_bytes())
}

/// Room for a heading's label in the picture, in ems of its 11 px labels: the 144 px between
/// a column of boxes and the picture's edge, less a margin.
const LABEL_EMS: f64 = 12.5;

/// A heading's label in the picture: its number, or its first words (at most three, and
/// no more than fit in [`LABEL_EMS`]: a longer label ran off the picture's edge).
fn short_label(doc: &Document, id: UnitId) -> String {
    let u = doc.unit(id);
    let label = match &u.number {
        Some(n) => format!("§{n}"),
        None => short(&u.text, 3),
    };
    fit(&label, LABEL_EMS)
}

/// How wide `c` is drawn, in ems, erring wide: the advance widths of DejaVu Sans (the sans
/// serif browsers fall back to on Linux, and wider than Arial or Helvetica) rounded up by
/// class: narrow letters and punctuation, capitals and `m`/`w`, wide (East Asian)
/// characters, and the rest.
fn advance(c: char) -> f64 {
    use unicode_width::UnicodeWidthChar;
    match c {
        _ if c.width() == Some(2) => 1.0,
        _ if c.width() == Some(0) => 0.0,
        'i' | 'j' | 'l' | 'f' | 't' | 'r' | 'I' | ' ' | '.' | ',' | ':' | ';' | '\'' | '|'
        | '!' | '(' | ')' | '[' | ']' | '-' | '/' => 0.42,
        'm' | 'w' | 'M' | 'W' | '@' | '%' | '—' => 1.0,
        _ if c.is_uppercase() => 0.8,
        _ => 0.64,
    }
}

/// `label` cut to at most `ems` wide (see [`advance`]): at a word boundary when one falls
/// in the second half, else inside the word, with `…` when cut.
fn fit(label: &str, ems: f64) -> String {
    let width = |s: &str| s.chars().map(advance).sum::<f64>();
    if width(label) <= ems {
        return label.to_string();
    }
    // Room for the `…`.
    let room = ems - advance('…');
    let mut kept = String::new();
    let mut used = 0.0;
    for c in label.chars() {
        used += advance(c);
        if used > room {
            break;
        }
        kept.push(c);
    }
    let cut = match kept.rfind(char::is_whitespace) {
        Some(space) if width(&kept[..space]) * 2.0 >= ems => kept[..space].to_string(),
        _ => kept,
    };
    let mut cut = cut
        .trim_end_matches(|c: char| c.is_whitespace() || c == '…')
        .to_string();
    cut.push('…');
    cut
}

/// A band from the old column's span `old` to the new column's span `new` (top, height).
fn band(old: (f64, f64), new: (f64, f64)) -> String {
    let (x0, x1) = (OLD_X.1, NEW_X.0);
    let xm = (x0 + x1) / 2.0;
    let (a0, a1) = (old.0, old.0 + old.1);
    let (b0, b1) = (new.0, new.0 + new.1);
    format!(
        "M{x0} {a0:.1}C{xm} {a0:.1} {xm} {b0:.1} {x1} {b0:.1}L{x1} {b1:.1}C{xm} {b1:.1} {xm} {a1:.1} {x0} {a1:.1}Z"
    )
}

/// One ribbon per link, linking to the row of its first new unit. A merge's new box (a
/// split's old box) is shared among the link's other side in proportion to their words.
fn unit_ribbons(
    report: &Report,
    old: &Column,
    new: &Column,
    out: &mut dyn io::Write,
) -> io::Result<()> {
    let mut s = String::new();
    for (i, link) in report.alignment.links.iter().enumerate() {
        let Some(&first_new) = link.new.first() else {
            continue;
        };
        let title = format!(
            "{} → {}: {}, score {:.2}",
            layout::labels(&report.old, &link.old),
            layout::labels(&report.new, &link.new),
            kind_words(link),
            link.score
        );
        let _ = write!(
            s,
            "<a class=\"ribbon {}\" data-link=\"{i}\" href=\"#n-{first_new}\"><title>{}</title>",
            link_classes(link),
            Html(&title)
        );
        let shares = |col: &Column, ids: &[UnitId]| -> Vec<(f64, f64)> {
            let total: usize = ids.iter().map(|&u| col.words[u].max(1)).sum();
            let mut at = 0.0;
            let mut out = Vec::with_capacity(ids.len());
            for &u in ids {
                let part = col.words[u].max(1) as f64 / total.max(1) as f64;
                out.push((at, part));
                at += part;
            }
            out
        };
        let old_shares = shares(new, &link.new);
        let new_shares = shares(old, &link.old);
        for (oi, &o) in link.old.iter().enumerate() {
            for (ni, &n) in link.new.iter().enumerate() {
                let (oy, oh) = old.boxes[old.group_of[o]];
                let (ny, nh) = new.boxes[new.group_of[n]];
                // Which slice of the old box goes to this new unit, and of the new box.
                let (of, op) = if link.new.len() > 1 {
                    old_shares[ni]
                } else {
                    (0.0, 1.0)
                };
                let (nf, np) = if link.old.len() > 1 {
                    new_shares[oi]
                } else {
                    (0.0, 1.0)
                };
                let _ = write!(
                    s,
                    "<path d=\"{}\"/>",
                    band((oy + oh * of, oh * op), (ny + nh * nf, nh * np))
                );
            }
        }
        s.push_str("</a>\n");
        if s.len() > 1 << 16 {
            out.write_all(s.as_bytes())?;
            s.clear();
        }
    }
    out.write_all(s.as_bytes())
}

/// `edited`, `merged, edited, moved`: every kind of a link, for titles and rows.
fn kind_words(link: &Link) -> String {
    let mut words = Vec::new();
    match link.shape {
        LinkShape::OneToOne => {}
        LinkShape::Merge => words.push("merged"),
        LinkShape::Split => words.push("split"),
    }
    words.push(link.change.as_str());
    if link.moved {
        words.push("moved");
    }
    words.join(", ")
}

/// Links between boxes of sections, per pair of boxes: how many, and of which kinds.
#[derive(Default)]
struct Bundle {
    links: usize,
    weight: usize,
    changes: [usize; 4],
    moved: usize,
    merged: usize,
    split: usize,
    first_new: UnitId,
}

/// At section level, one ribbon per pair of boxes that any link joins, as wide as the
/// words it carries, styled by its most common change (and dashed when a link in it moved).
fn group_ribbons(
    report: &Report,
    old: &Column,
    new: &Column,
    out: &mut dyn io::Write,
) -> io::Result<()> {
    let mut bundles: BTreeMap<(usize, usize), Bundle> = BTreeMap::new();
    for link in &report.alignment.links {
        let mut seen = Vec::new();
        for &o in &link.old {
            for &n in &link.new {
                let key = (old.group_of[o], new.group_of[n]);
                let b = bundles.entry(key).or_insert_with(|| Bundle {
                    first_new: n,
                    ..Bundle::default()
                });
                b.weight += old.words[o].max(1);
                b.first_new = b.first_new.min(n);
                if !seen.contains(&key) {
                    seen.push(key);
                    b.links += 1;
                    b.changes[link.change as usize] += 1;
                    b.moved += usize::from(link.moved);
                    b.merged += usize::from(link.shape == LinkShape::Merge);
                    b.split += usize::from(link.shape == LinkShape::Split);
                }
            }
        }
    }
    // Each box's outgoing (incoming) weight, to cut it into slices.
    let mut old_out = vec![0usize; old.groups.len()];
    let mut new_in = vec![0usize; new.groups.len()];
    for (&(og, ng), b) in &bundles {
        old_out[og] += b.weight;
        new_in[ng] += b.weight;
    }
    let mut old_at = vec![0usize; old.groups.len()];
    let mut new_at: BTreeMap<usize, usize> = BTreeMap::new();
    // Incoming slices are taken in old order within each new box.
    let mut by_new: Vec<(usize, usize)> = bundles.keys().map(|&(o, n)| (n, o)).collect();
    by_new.sort();
    let mut new_from: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    for (n, o) in by_new {
        let at = new_at.entry(n).or_insert(0);
        new_from.insert((o, n), *at);
        *at += bundles[&(o, n)].weight;
    }
    let mut s = String::new();
    for (&(og, ng), b) in &bundles {
        let change = (0..4).max_by_key(|&c| (b.changes[c], 4 - c)).unwrap_or(0);
        let change = [
            Change::Unchanged,
            Change::Renumbered,
            Change::Edited,
            Change::Rewritten,
        ][change];
        let mut classes = format!("k-{}", Kind::of_change(change).name());
        if b.moved > 0 {
            classes.push_str(" k-moved");
        }
        let (oy, oh) = old.boxes[og];
        let (ny, nh) = new.boxes[ng];
        let of = old_at[og] as f64 / old_out[og].max(1) as f64;
        let op = b.weight as f64 / old_out[og].max(1) as f64;
        let nf = new_from[&(og, ng)] as f64 / new_in[ng].max(1) as f64;
        let np = b.weight as f64 / new_in[ng].max(1) as f64;
        old_at[og] += b.weight;
        let og_r = &old.groups[og];
        let ng_r = &new.groups[ng];
        let title = format!(
            "old {}–{} → new {}–{}: {} links ({} unchanged, {} renumbered, {} edited, {} rewritten; {} moved, {} merged, {} split)",
            report.old.label(og_r.start),
            report.old.label(og_r.end - 1),
            report.new.label(ng_r.start),
            report.new.label(ng_r.end - 1),
            b.links,
            b.changes[0],
            b.changes[1],
            b.changes[2],
            b.changes[3],
            b.moved,
            b.merged,
            b.split
        );
        let _ = writeln!(
            s,
            "<a class=\"ribbon {classes}\" href=\"#n-{}\"><title>{}</title><path d=\"{}\"/></a>",
            b.first_new,
            Html(&title),
            band((oy + oh * of, oh * op), (ny + nh * nf, nh * np))
        );
        if s.len() > 1 << 16 {
            out.write_all(s.as_bytes())?;
            s.clear();
        }
    }
    out.write_all(s.as_bytes())
}

/// The rows in reading order: the entries of the terminal report, plus, for each old unit
/// of a moved link, a row where it stood (placed as a removed unit is: after the new unit
/// that descends from the nearest old unit before it that did not move).
fn rows(report: &Report) -> Vec<Row> {
    let links = &report.alignment.links;
    let link_of_old = report.link_of_old();
    // The anchor of each old position, in one pass.
    let mut anchor_at = Vec::with_capacity(report.old.units.len());
    let mut current: Option<UnitId> = None;
    for owner in &link_of_old {
        anchor_at.push(current);
        if let Some(l) = owner.map(|l| &links[l]) {
            if !l.moved {
                if let Some(&n) = l.new.iter().max() {
                    current = Some(n);
                }
            }
        }
    }
    let mut moved_from: Vec<(Option<UnitId>, UnitId, usize)> = Vec::new();
    for (i, l) in links.iter().enumerate() {
        if l.moved {
            for &o in &l.old {
                moved_from.push((anchor_at.get(o).copied().flatten(), o, i));
            }
        }
    }
    moved_from.sort();
    let mut pending = moved_from.into_iter().peekable();
    let mut out = Vec::new();
    // Before everything: moved-from rows with no anchor, merged with removed rows in old order.
    let entries = layout::entries(report);
    let mut flush = |out: &mut Vec<Row>, anchor: Option<UnitId>, upto: Option<UnitId>| {
        while let Some(&(a, old, link)) = pending.peek() {
            if a != anchor || upto.is_some_and(|u| old > u) {
                break;
            }
            out.push(Row::MovedFrom { old, link });
            pending.next();
        }
    };
    let mut anchor: Option<UnitId> = None;
    for entry in entries {
        match entry {
            layout::Entry::Removed { old } => {
                flush(&mut out, anchor, Some(old));
                out.push(Row::Entry(entry));
            }
            layout::Entry::Linked { new, .. } | layout::Entry::Added { new } => {
                flush(&mut out, anchor, None);
                anchor = Some(new);
                out.push(Row::Entry(entry));
            }
        }
    }
    flush(&mut out, anchor, None);
    // Anchors that name no new unit (a bad alignment): the rest at the end.
    out.extend(pending.map(|(_, old, link)| Row::MovedFrom { old, link }));
    out
}

/// True when a row shows a unit that did not change at all (the filter hides these).
fn is_same(report: &Report, row: Row) -> bool {
    match row {
        Row::Entry(layout::Entry::Linked { link, .. }) => {
            let l = &report.alignment.links[link];
            !layout::is_changed(l) && !l.moved
        }
        _ => false,
    }
}

fn is_heading(report: &Report, row: Row) -> bool {
    match row {
        Row::Entry(e) => e.is_heading(report),
        Row::MovedFrom { .. } => false,
    }
}

/// The side-by-side body: a filter, then the rows in tables of at most [`CHUNK_ROWS`], a new
/// table at each heading, runs of unchanged units folded.
fn body(report: &Report, rows: &[Row], out: &mut dyn io::Write) -> io::Result<()> {
    writeln!(
        out,
        "<section aria-labelledby=\"rows-h\">\n<h2 id=\"rows-h\">Comparison</h2>\n\
         <p>Each row shows a unit of the new version (right) with its origin in the old version \
         (left), in the new version's order; removed units stand where they were. A unit \
         whose words did not change shows them once, on the right.</p>"
    )?;
    if let Some(context) = old_context(report) {
        writeln!(
            out,
            "<p>This report is large: the old side keeps {context} words around each change \
             of the words both versions share; the new side has every word.</p>"
        )?;
    }
    writeln!(
        out,
        "<input type=\"radio\" name=\"filter\" id=\"show-all\" checked class=\"sr-only\">\
         <input type=\"radio\" name=\"filter\" id=\"only-changed\" class=\"sr-only\">\n\
         <div class=\"filter\" role=\"group\" aria-label=\"Filter\">Show: <label for=\"show-all\">all rows</label> \
         <label for=\"only-changed\">changed only</label></div>\n<div class=\"rows\" id=\"rows\">\n\
         <div class=\"colhead\" aria-hidden=\"true\"><span>Old</span><span>Link</span><span>New</span></div>"
    )?;
    let mut start = 0;
    let mut fold = 0;
    while start < rows.len() {
        let mut end = start + 1;
        while end < rows.len() && end - start < CHUNK_ROWS && !is_heading(report, rows[end]) {
            end += 1;
        }
        chunk(report, &rows[start..end], &mut fold, out)?;
        start = end;
    }
    writeln!(out, "</div>\n</section>")
}

/// One table of rows, with its unchanged runs folded.
fn chunk(
    report: &Report,
    rows: &[Row],
    fold: &mut usize,
    out: &mut dyn io::Write,
) -> io::Result<()> {
    let mut s = String::from(
        "<div class=\"chunk\"><table>\n<colgroup><col class=\"side\"><col class=\"mid\"><col class=\"side\"></colgroup>\n\
         <thead class=\"sr-only\"><tr><th scope=\"col\">Old</th><th scope=\"col\">Link</th><th scope=\"col\">New</th></tr></thead>\n",
    );
    let mut i = 0;
    let mut open = false;
    while i < rows.len() {
        let mut run = i;
        while run < rows.len() && is_same(report, rows[run]) && !is_heading(report, rows[run]) {
            run += 1;
        }
        if run - i >= FOLD_RUN {
            if open {
                s.push_str("</tbody>\n");
                open = false;
            }
            *fold += 1;
            let first = &rows[i];
            let last = &rows[run - 1];
            let label = |r: &Row| match r {
                Row::Entry(layout::Entry::Linked { new, .. }) => report.new.label(*new),
                _ => String::new(),
            };
            let _ = writeln!(
                s,
                "<tbody class=\"fold\"><tr class=\"fold-toggle\"><td colspan=\"3\"><input type=\"checkbox\" class=\"fold-box\" id=\"fold-{}\">\
                 <label for=\"fold-{}\">{} unchanged units, {} to {} (show or hide)</label></td></tr>",
                fold,
                fold,
                run - i,
                Html(&label(first)),
                Html(&label(last))
            );
            for &r in &rows[i..run] {
                row(report, r, &mut s);
            }
            s.push_str("</tbody>\n");
            i = run;
            continue;
        }
        if !open {
            s.push_str("<tbody>\n");
            open = true;
        }
        let stop = if run > i { run } else { i + 1 };
        for &r in &rows[i..stop] {
            row(report, r, &mut s);
        }
        i = stop;
    }
    if open {
        s.push_str("</tbody>\n");
    }
    s.push_str("</table></div>\n");
    out.write_all(s.as_bytes())
}

/// The old side of a diff: equal runs (in the old version's spelling), deletions in `<del>`.
/// With `context`, a long equal run shows only that many words at each end that meets a
/// change; the new side beside it holds every word.
fn old_side(ops: &[Op], context: Option<usize>, s: &mut String) {
    let last = ops.len().saturating_sub(1);
    for (i, op) in ops.iter().enumerate() {
        match op.kind {
            OpKind::Equal => {
                let text = op.old.as_deref().unwrap_or(&op.text);
                let head = if i == 0 { 0 } else { context.unwrap_or(0) };
                let tail = if i == last { 0 } else { context.unwrap_or(0) };
                match context.and_then(|c| elide(text, head, tail, c)) {
                    Some((before, hidden, after)) => {
                        let _ = write!(
                            s,
                            "{}<span class=\"gap\">[… {hidden} words as on the right …]</span>{}",
                            Html(before),
                            Html(after)
                        );
                    }
                    None => {
                        let _ = write!(s, "{}", Html(text));
                    }
                }
            }
            OpKind::Delete => {
                let _ = write!(s, "<del>{}</del>", Html(&op.text));
            }
            OpKind::Insert => {}
        }
    }
}

/// `text` cut to its first `head` and last `tail` words (spacing kept), with how many words
/// lie between; `None` when fewer than `least` words would be left out.
fn elide(text: &str, head: usize, tail: usize, least: usize) -> Option<(&str, usize, &str)> {
    let mut starts = Vec::new();
    let mut ends = Vec::new();
    let mut in_word = false;
    for (i, c) in text.char_indices() {
        match (c.is_whitespace(), in_word) {
            (false, false) => {
                starts.push(i);
                in_word = true;
            }
            (true, true) => {
                ends.push(i);
                in_word = false;
            }
            _ => {}
        }
    }
    if in_word {
        ends.push(text.len());
    }
    let words = starts.len();
    let hidden = words.checked_sub(head + tail)?;
    if hidden < least {
        return None;
    }
    // The head keeps the space after its last word, the tail the space before its first.
    let before = if head == 0 { "" } else { &text[..starts[head]] };
    let after = if tail == 0 {
        ""
    } else {
        &text[ends[words - tail - 1]..]
    };
    Some((before, hidden, after))
}

/// The new side of a diff: equal runs, insertions in `<ins>`.
fn new_side(ops: &[Op], s: &mut String) {
    for op in ops {
        match op.kind {
            OpKind::Equal => {
                let _ = write!(s, "{}", Html(&op.text));
            }
            OpKind::Insert => {
                let _ = write!(s, "<ins>{}</ins>", Html(&op.text));
            }
            OpKind::Delete => {}
        }
    }
}

/// A unit's label and number, as the row shows them above its text.
fn unit_label(doc: &Document, id: UnitId, note: &str) -> String {
    format!(
        "<span class=\"label\">{}{note}</span>",
        Html(&doc.label(id))
    )
}

/// Wraps a unit's text in a heading element when it is a heading.
fn text_cell(doc: &Document, id: UnitId, inner: &str) -> String {
    let unit = doc.unit(id);
    if unit.kind == UnitKind::Heading {
        let number = unit
            .number
            .as_deref()
            .map(|n| format!("{}. ", Html(n)))
            .unwrap_or_default();
        format!("<h3>{number}{inner}</h3>")
    } else {
        inner.to_string()
    }
}

fn row(report: &Report, r: Row, s: &mut String) {
    let (old_doc, new_doc) = (&report.old, &report.new);
    let heading = if is_heading(report, r) {
        " heading"
    } else {
        ""
    };
    match r {
        Row::Entry(layout::Entry::Linked { new, link, part }) => {
            let l = &report.alignment.links[link];
            let ops = report.diffs[link].part(part);
            // Headings stay when the filter hides unchanged rows: they give the context.
            let same = if is_same(report, r) && heading.is_empty() {
                " same"
            } else {
                ""
            };
            let _ = write!(
                s,
                "<tr class=\"row{same}{heading}\" id=\"n-{new}\" data-link=\"{link}\"><td class=\"old\">"
            );
            // The old units' anchors, unless they moved (their anchor is where they stood)
            // or this is not the first part of a split.
            if part == 0 && !l.moved {
                for &o in &l.old {
                    let _ = write!(s, "<span id=\"o-{o}\"></span>");
                }
            }
            let note = if l.new.len() > 1 {
                format!(" (part {} of {})", part + 1, l.new.len())
            } else {
                String::new()
            };
            let _ = write!(
                s,
                "<span class=\"label\">{}{note}</span>",
                Html(&layout::labels(old_doc, &l.old))
            );
            let first_old = l.old.first().copied().unwrap_or(0);
            if ops
                .iter()
                .all(|op| op.kind == OpKind::Equal && op.old.is_none())
            {
                // The same words as the new side: said, not written out a second time.
                s.push_str("<span class=\"same-text\">same text as on the right</span>");
            } else {
                let mut old_text = String::new();
                old_side(ops, old_context(report), &mut old_text);
                s.push_str(&text_cell(old_doc, first_old, &old_text));
            }
            let _ = write!(
                s,
                "</td><td class=\"mid\"><span class=\"badge {}\">{}</span> <span class=\"score\">{:.2}</span>",
                link_classes(l),
                Html(&layout::kind_words(l, part)),
                l.score
            );
            if report.diffs[link].timed_out {
                s.push_str("<br>word diff coarse: work budget exceeded");
            }
            if l.moved {
                let _ = write!(
                    s,
                    "<br><a class=\"moved-link\" href=\"#o-{first_old}\">moved from where old {} stood</a>",
                    Html(&old_doc.label(first_old))
                );
            }
            let mut new_text = String::new();
            new_side(ops, &mut new_text);
            let _ = writeln!(
                s,
                "</td><td class=\"new\">{}{}</td></tr>",
                unit_label(new_doc, new, ""),
                text_cell(new_doc, new, &new_text)
            );
        }
        Row::Entry(layout::Entry::Added { new }) => {
            let text = format!("<ins>{}</ins>", Html(&new_doc.unit(new).text));
            let _ = writeln!(
                s,
                "<tr class=\"row added{heading}\" id=\"n-{new}\"><td class=\"old\"></td>\
                 <td class=\"mid\"><span class=\"badge k-added\">added</span></td>\
                 <td class=\"new\">{}{}</td></tr>",
                unit_label(new_doc, new, " (new)"),
                text_cell(new_doc, new, &text)
            );
        }
        Row::Entry(layout::Entry::Removed { old }) => {
            let text = format!("<del>{}</del>", Html(&old_doc.unit(old).text));
            let _ = writeln!(
                s,
                "<tr class=\"row removed{heading}\" id=\"o-{old}\"><td class=\"old\">{}{}</td>\
                 <td class=\"mid\"><span class=\"badge k-removed\">removed</span></td><td class=\"new\"></td></tr>",
                unit_label(old_doc, old, " (removed)"),
                text_cell(old_doc, old, &text)
            );
        }
        Row::MovedFrom { old, link } => {
            let l = &report.alignment.links[link];
            let to = l.new.first().copied().unwrap_or(0);
            let _ = writeln!(
                s,
                "<tr class=\"moved-from\" id=\"o-{old}\"><td class=\"old\">{}{}</td>\
                 <td class=\"mid\"><span class=\"badge k-moved\">moved away</span><br>\
                 <a class=\"moved-link\" href=\"#n-{to}\">moved to new {}</a></td><td class=\"new\"></td></tr>",
                unit_label(old_doc, old, ""),
                Html(&short(&old_doc.unit(old).text, 12)),
                Html(&new_doc.label(to))
            );
        }
    }
}

/// Left edge of the first version's column in the lineage-over-versions picture, and the
/// space from one column to the next at most.
const LOG_X0: f64 = 60.0;
const LOG_STEP_MAX: f64 = 180.0;
/// Width of a version's column of boxes.
const LOG_BOX: f64 = 28.0;

/// Writes the HTML page of a lineage over N versions: one column of boxes per version, a
/// band per link of every step, and below it the history of each unit of the last version
/// (its ancestors version by version, and which version wrote how many of its words), which
/// every box links to.
///
/// ```
/// use draftdiff::lineage::{Lineage, LineageOptions, blame};
/// use draftdiff::segment::{segment, SegmentOptions};
/// use draftdiff::{DiffOptions, render};
///
/// let v = |name: &str, text: &str| segment(name, text, &SegmentOptions::new());
/// let lineage = Lineage::build(
///     vec![v("v1", "1. The cat sat.\n"), v("v2", "1. The black cat sat.\n"), v("v3", "1. The black cat sat down.\n")],
///     &LineageOptions::new(),
/// );
/// let blame = blame(&lineage, &DiffOptions::new());
/// let mut out = Vec::new();
/// render::html_log(&lineage, &blame, &mut out).unwrap();
/// assert!(String::from_utf8(out).unwrap().contains("id=\"h-0\""));
/// ```
pub fn html_log(
    lineage: &crate::lineage::Lineage,
    blame: &crate::lineage::Blame,
    out: &mut dyn io::Write,
) -> io::Result<()> {
    let versions = lineage.versions();
    let n = versions.len();
    let last = n.saturating_sub(1);
    let title = format!("draftdiff log: {n} versions");
    page_head(out, &title, "history-h", "Skip to the histories")?;
    write!(out, "<header>\n<h1>{title}</h1>\n<ol>\n")?;
    for (k, doc) in versions.iter().enumerate() {
        writeln!(
            out,
            "<li>v{} <code>{}</code>: {} units</li>",
            k + 1,
            Html(&doc.path),
            doc.units.len()
        )?;
    }
    writeln!(
        out,
        "</ol>\n</header>\n<nav aria-labelledby=\"outline-h\"><h2 id=\"outline-h\">Outline</h2>\
                   <p><a href=\"#lineage-h\">Lineage</a> · <a href=\"#history-h\">Histories</a></p></nav>\n<main id=\"main\">"
    )?;
    // For every unit of every version, the unit of the last version it leads to (the first
    // new unit of its link, step by step), so its box links to that history.
    let steps: Vec<_> = lineage.consecutive_steps().iter().collect();
    let mut leads: Vec<Vec<Option<UnitId>>> = vec![Vec::new(); n];
    if n > 0 {
        leads[last] = (0..versions[last].units.len()).map(Some).collect();
    }
    for k in (0..last).rev() {
        let mut to = vec![None; versions[k].units.len()];
        if let Some(step) = steps.get(k) {
            for link in &step.alignment.links {
                let lead = link
                    .new
                    .first()
                    .and_then(|&u| leads[k + 1].get(u).copied().flatten());
                for &o in &link.old {
                    if let Some(slot) = to.get_mut(o) {
                        *slot = slot.or(lead);
                    }
                }
            }
        }
        leads[k] = to;
    }
    // The picture: columns spread over the width, boxes by words.
    let gap = if n > 1 {
        ((SVG_WIDTH - 2.0 * LOG_X0 - LOG_BOX) / (n - 1) as f64).min(LOG_STEP_MAX)
    } else {
        0.0
    };
    let x = |k: usize| LOG_X0 + gap * k as f64;
    let max_words = versions
        .iter()
        .map(|d| d.units.iter().map(|u| words(&u.text)).sum::<usize>())
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    let max_units = versions.iter().map(|d| d.units.len()).max().unwrap_or(0) as f64;
    let room = (PICTURE_HEIGHT - max_units * (MIN_BOX + GAP)).max(PICTURE_HEIGHT / 4.0);
    let per_word = (room / max_words).min(0.5);
    let mut columns: Vec<Column> = versions.iter().map(|d| Column::new(d, false)).collect();
    let height = columns
        .iter_mut()
        .map(|c| c.lay_out(per_word))
        .fold(0.0, f64::max)
        + 20.0;
    let links: usize = steps.iter().map(|s| s.alignment.links.len()).sum();
    writeln!(
        out,
        "<section aria-labelledby=\"lineage-h\">\n<h2 id=\"lineage-h\">Lineage</h2>\n<figure>\n\
         <svg id=\"lineage\" data-level=\"versions\" viewBox=\"0 0 {SVG_WIDTH} {height:.0}\" width=\"{SVG_WIDTH}\" height=\"{height:.0}\" \
         role=\"group\" aria-labelledby=\"lineage-title\" aria-describedby=\"lineage-desc\">\n\
         <title id=\"lineage-title\">Lineage: one column per version, oldest left</title>"
    )?;
    for k in 0..n {
        writeln!(
            out,
            "<text x=\"{:.0}\" y=\"12\" text-anchor=\"middle\">v{}</text>",
            x(k) + LOG_BOX / 2.0,
            k + 1
        )?;
    }
    writeln!(out, "{SVG_DEFS}\n<g transform=\"translate(0 16)\">")?;
    let mut s = String::new();
    for (k, step) in steps.iter().enumerate() {
        let (x0, x1) = (x(k) + LOG_BOX, x(k + 1));
        let xm = (x0 + x1) / 2.0;
        for link in &step.alignment.links {
            let lead = link
                .new
                .first()
                .and_then(|&u| leads[k + 1].get(u).copied().flatten());
            let title = format!(
                "v{} {} → v{} {}: {}, score {:.2}",
                k + 1,
                layout::labels(&versions[k], &link.old),
                k + 2,
                layout::labels(&versions[k + 1], &link.new),
                kind_words(link),
                link.score
            );
            let href = lead
                .map(|u| format!(" href=\"#h-{u}\""))
                .unwrap_or_default();
            let _ = write!(
                s,
                "<a class=\"ribbon {}\" data-step=\"{k}\"{href}><title>{}</title>",
                link_classes(link),
                Html(&title)
            );
            for &o in &link.old {
                for &nw in &link.new {
                    let (Some(&(ay, ah)), Some(&(by, bh))) =
                        (columns[k].boxes.get(o), columns[k + 1].boxes.get(nw))
                    else {
                        continue;
                    };
                    let (a1, b1) = (ay + ah, by + bh);
                    let _ = write!(
                        s,
                        "<path d=\"M{x0:.1} {ay:.1}C{xm:.1} {ay:.1} {xm:.1} {by:.1} {x1:.1} {by:.1}L{x1:.1} {b1:.1}C{xm:.1} {b1:.1} {xm:.1} {a1:.1} {x0:.1} {a1:.1}Z\"/>"
                    );
                }
            }
            s.push_str("</a>\n");
        }
        out.write_all(s.as_bytes())?;
        s.clear();
    }
    for (k, (doc, col)) in versions.iter().zip(&columns).enumerate() {
        let added: Vec<bool> = {
            let mut v = vec![k > 0; doc.units.len()];
            if let Some(step) = k.checked_sub(1).and_then(|p| steps.get(p)) {
                for link in &step.alignment.links {
                    for &u in &link.new {
                        if let Some(slot) = v.get_mut(u) {
                            *slot = false;
                        }
                    }
                }
            }
            v
        };
        for (u, &(y, h)) in col.boxes.iter().enumerate() {
            let dropped = k < last && leads[k].get(u).copied().flatten().is_none();
            let class = if added[u] {
                "u added"
            } else if dropped {
                "u removed"
            } else if doc.unit(u).kind == UnitKind::Heading {
                "u heading"
            } else {
                "u"
            };
            let what = format!(
                "v{} {}{}, {} words",
                k + 1,
                doc.label(u),
                if added[u] {
                    " (new in this version)"
                } else if dropped {
                    " (no descendant in the last version)"
                } else {
                    ""
                },
                col.words[u]
            );
            let rect = format!(
                "<title>{}</title><rect class=\"{class}\" x=\"{:.1}\" y=\"{y:.1}\" width=\"{LOG_BOX}\" height=\"{h:.1}\"/>",
                Html(&what),
                x(k)
            );
            match leads[k].get(u).copied().flatten() {
                Some(lead) => {
                    let _ = writeln!(s, "<a class=\"box\" href=\"#h-{lead}\">{rect}</a>");
                }
                None => {
                    let _ = writeln!(s, "<g class=\"box\">{rect}</g>");
                }
            }
        }
        out.write_all(s.as_bytes())?;
        s.clear();
    }
    writeln!(
        out,
        "</g>\n</svg>\n<figcaption>\n<p id=\"lineage-desc\">{n} versions, oldest on the left, each unit a box as tall \
         as its words; {links} bands join each unit to what it became in the next version. Green \
         boxes with a plus are new in their version, red crossed boxes have no descendant in \
         the last version. Every band and box that leads to the last version links to the \
         history of the unit it became, below.</p>\n<ul class=\"legend\" aria-label=\"Legend\">"
    )?;
    for (kind, name, _, how) in KINDS {
        let count: usize = steps
            .iter()
            .map(|st| match kind {
                Kind::Added => st.alignment.added.len(),
                Kind::Removed => st.alignment.removed.len(),
                _ => st
                    .alignment
                    .links
                    .iter()
                    .filter(|l| link_classes(l).split(' ').any(|c| c == format!("k-{name}")))
                    .count(),
            })
            .sum();
        writeln!(
            out,
            "<li class=\"legend-entry\" data-kind=\"{name}\" data-count=\"{count}\">{}{name} ({how}): {count}</li>",
            swatch(kind)
        )?;
    }
    writeln!(
        out,
        "</ul>\n</figcaption>\n</figure>\n</section>\n<section aria-labelledby=\"history-h\">\n\
         <h2 id=\"history-h\">Histories</h2>\n<p>Each unit of the last version (v{}), with its ancestors in \
         every earlier version and how many of its words each version wrote.</p>\n<div class=\"rows\">\
         <table>\n<thead><tr><th scope=\"col\">Unit</th><th scope=\"col\">History</th><th scope=\"col\">Text</th></tr></thead>\n<tbody>",
        n
    )?;
    for bu in &blame.units {
        let u = bu.node.unit;
        let Some(unit) = versions.get(last).and_then(|d| d.units.get(u)) else {
            continue;
        };
        // Ancestors version by version, walking back from the unit.
        let mut ancestors: Vec<Vec<UnitId>> = vec![Vec::new(); n];
        ancestors[last] = vec![u];
        for k in (0..last).rev() {
            let mut found = Vec::new();
            if let Some(step) = steps.get(k) {
                for link in &step.alignment.links {
                    if link.new.iter().any(|nw| ancestors[k + 1].contains(nw)) {
                        found.extend(link.old.iter().copied());
                    }
                }
            }
            found.sort_unstable();
            found.dedup();
            ancestors[k] = found;
        }
        let mut history = String::from("<ol class=\"history\">");
        for (k, ids) in ancestors.iter().enumerate() {
            let words = bu.words_by_version.get(k).copied().unwrap_or(0);
            let _ = write!(
                history,
                "<li>v{}: {}{}</li>",
                k + 1,
                if ids.is_empty() {
                    "—".to_string()
                } else {
                    Html(&layout::labels(&versions[k], ids)).to_string()
                },
                if words > 0 {
                    format!(" <span class=\"score\">({words} words written)</span>")
                } else {
                    String::new()
                }
            );
        }
        history.push_str("</ol>");
        let _ = writeln!(
            s,
            "<tr class=\"row history-row\" id=\"h-{u}\"><td>{}<br><span class=\"score\">from v{}, last changed in v{}</span></td><td>{history}</td><td>{}</td></tr>",
            Html(&versions[last].label(u)),
            bu.origin + 1,
            bu.last_changed + 1,
            Html(&unit.text)
        );
        if s.len() > 1 << 16 {
            out.write_all(s.as_bytes())?;
            s.clear();
        }
    }
    out.write_all(s.as_bytes())?;
    writeln!(
        out,
        "</tbody></table></div>\n</section>\n</main>\n<footer><p>Made by draftdiff. Scores are the aligner's confidence, 0 to 1.</p></footer>\n</body>\n</html>"
    )
}

/// The class of version `k`'s fill in the blame page's bars (`vc1` to `vc6`, then again).
/// The fills are Okabe–Ito hues dark enough for 3:1 against the page (WCAG 2.1, 1.4.11),
/// told apart without colour by the "v2 40%" beside every bar; set in [`STYLE`].
fn fill_class(k: usize) -> String {
    format!("vc{}", k % 6 + 1)
}

/// Writes the HTML page of a blame: the page of the log without its picture, each unit of
/// the blamed version with the versions its words were written in (a bar and the shares
/// in words), the version it comes from and the one that last changed it, and its text.
///
/// ```
/// use draftdiff::lineage::{Lineage, LineageOptions, blame};
/// use draftdiff::segment::{segment, SegmentOptions};
/// use draftdiff::{DiffOptions, render};
///
/// let v = |name: &str, text: &str| segment(name, text, &SegmentOptions::new());
/// let lineage = Lineage::build(
///     vec![v("v1", "1. The cat sat.\n"), v("v2", "1. The black cat sat.\n")],
///     &LineageOptions::new(),
/// );
/// let blame = blame(&lineage, &DiffOptions::new());
/// let mut out = Vec::new();
/// render::html_blame(&lineage, &blame, &mut out).unwrap();
/// let page = String::from_utf8(out).unwrap();
/// assert!(page.contains("id=\"b-0\"") && page.contains("v1 75%"));
/// ```
pub fn html_blame(
    lineage: &crate::lineage::Lineage,
    blame: &crate::lineage::Blame,
    out: &mut dyn io::Write,
) -> io::Result<()> {
    let versions = lineage.versions();
    let Some(doc) = versions.get(blame.version) else {
        page_head(out, "draftdiff blame", "blame-h", "Skip to the blame")?;
        return writeln!(
            out,
            "<main id=\"main\"><h1 id=\"blame-h\">draftdiff blame</h1><p>No versions.</p></main>\n</body>\n</html>"
        );
    };
    let n = blame.version + 1;
    let title = format!("draftdiff blame: {}", Html(&doc.path));
    page_head(out, &title, "blame-h", "Skip to the blame")?;
    // Words and units per version, for the header.
    let mut words = vec![0usize; n];
    let mut origins = vec![0usize; n];
    for bu in &blame.units {
        for (k, w) in bu.words_by_version.iter().enumerate().take(n) {
            words[k] += w;
        }
        if let Some(o) = origins.get_mut(bu.origin) {
            *o += 1;
        }
    }
    let total: usize = words.iter().sum();
    writeln!(
        out,
        "<header>\n<h1>{title}</h1>\n<p>Each unit of v{n} with the versions its words were \
         written in. {} units, {total} words.</p>\n<table class=\"totals\">\n<thead><tr>\
         <th scope=\"col\">Version</th><th scope=\"col\">Words written in it</th>\
         <th scope=\"col\">Units first written in it</th></tr></thead>\n<tbody>",
        doc.units.len()
    )?;
    for (k, v) in versions.iter().enumerate().take(n) {
        let share = if total == 0 {
            0.0
        } else {
            100.0 * words[k] as f64 / total as f64
        };
        writeln!(
            out,
            "<tr><td><span class=\"swatch-v {}\"></span> v{} <code>{}</code></td><td>{} ({share:.0}%)</td><td>{}</td></tr>",
            fill_class(k),
            k + 1,
            Html(&v.path),
            words[k],
            origins[k]
        )?;
    }
    writeln!(out, "</tbody></table>\n</header>")?;
    // The outline: the blamed version's headings.
    outline_of(doc, "b", "<a href=\"#blame-h\">Blame</a>", out)?;
    writeln!(
        out,
        "</nav>\n<main id=\"main\">\n<section aria-labelledby=\"blame-h\">\n<h2 id=\"blame-h\">Blame</h2>\n\
         <div class=\"rows\"><table>\n<colgroup><col style=\"width:15%\"><col style=\"width:20%\"><col></colgroup>\n\
         <thead><tr><th scope=\"col\">Unit</th><th scope=\"col\">Written in</th>\
         <th scope=\"col\">Text</th></tr></thead>\n<tbody>"
    )?;
    let mut s = String::new();
    for bu in &blame.units {
        let u = bu.node.unit;
        if u >= doc.units.len() {
            continue;
        }
        let unit_words = bu.words();
        let mut bar = String::new();
        let mut shares = Vec::new();
        for (k, &w) in bu.words_by_version.iter().enumerate().take(n) {
            if w == 0 {
                continue;
            }
            let pct = 100.0 * w as f64 / unit_words.max(1) as f64;
            let _ = write!(
                bar,
                "<span class=\"{}\" style=\"width:{pct:.1}%\"></span>",
                fill_class(k)
            );
            shares.push(format!("v{} {pct:.0}%", k + 1));
        }
        let written = if shares.is_empty() {
            "no words".to_string()
        } else {
            shares.join(", ")
        };
        let heading = if doc.unit(u).kind == UnitKind::Heading {
            " heading"
        } else {
            ""
        };
        let _ = writeln!(
            s,
            "<tr class=\"row blame-row{heading}\" id=\"b-{u}\"><td>{}<br><span class=\"score\">from v{}, last changed in v{}</span></td>\
             <td><div class=\"bar\" aria-hidden=\"true\">{bar}</div>{written}</td><td class=\"new\">{}</td></tr>",
            Html(&doc.label(u)),
            bu.origin + 1,
            bu.last_changed + 1,
            text_cell(doc, u, &Html(&doc.unit(u).text).to_string())
        );
        if s.len() > 1 << 16 {
            out.write_all(s.as_bytes())?;
            s.clear();
        }
    }
    out.write_all(s.as_bytes())?;
    writeln!(
        out,
        "</tbody></table></div>\n</section>\n</main>\n<footer><p>Made by draftdiff. A unit's words are \
         credited to the version that wrote them, through every edit, merge and split since.</p></footer>\n</body>\n</html>"
    )
}

/// The page's head, with the one content security policy (nothing loaded from anywhere),
/// and the skip link to `#skip_to`. `title` is already escaped.
fn page_head(
    out: &mut dyn io::Write,
    title: &str,
    skip_to: &str,
    skip_text: &str,
) -> io::Result<()> {
    write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <meta name=\"generator\" content=\"draftdiff\">\n\
         <title>{title}</title>\n<style>\n{STYLE}{}</style>\n</head>\n<body>\n\
         <a class=\"skip\" href=\"#{skip_to}\">{skip_text}</a>\n",
        badge_style()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::{DiffOptions, report};
    use crate::segment::{SegmentOptions, segment};

    #[test]
    fn elide_keeps_the_words_around_a_change() {
        // A no-break space is a space between words, and a two-byte one.
        let text = "a b  c d e f g\u{a0}h";
        assert_eq!(elide(text, 2, 2, 2), Some(("a b  ", 4, " g\u{a0}h")));
        assert_eq!(elide(text, 0, 2, 2), Some(("", 6, " g\u{a0}h")));
        assert_eq!(elide(text, 2, 0, 2), Some(("a b  ", 6, "")));
        assert_eq!(elide(text, 3, 3, 3), None);
    }

    #[test]
    fn a_label_fits_the_room_beside_its_column() {
        let room = LABEL_EMS;
        assert_eq!(fit("Data portability", room), "Data portability");
        // Headings of GitHub's privacy statement (CC0) that ran off the picture.
        assert_eq!(
            fit("Cross-border data transfers", room),
            "Cross-border data…"
        );
        assert_eq!(
            fit("Colorado/Connecticut/Virginia", room),
            "Colorado/Connecticut…"
        );
        // Capitals and wide characters are drawn wider.
        assert_eq!(fit("CROSS-BORDER DATA TRANSFERS", room), "CROSS-BORDER…");
        assert_eq!(
            fit("個人データの国際移転について", room),
            "個人データの国際移転に…"
        );
        assert_eq!(fit("§12.3", room), "§12.3");
        for label in ["WWWWWWWWWWWWWWWWWWWWWWWW", "mmmmmmmmmmmmmmmmmmmmmmmmmmmm"] {
            assert!(fit(label, room).chars().count() <= 14, "{label}");
        }
    }

    fn page(old: &str, new: &str) -> String {
        let o = segment("old.txt", old, &SegmentOptions::new());
        let n = segment("new.txt", new, &SegmentOptions::new());
        let a = crate::align(&o, &n, &crate::AlignOptions::new());
        let r = report(o, n, a, &DiffOptions::new());
        let mut out = Vec::new();
        html(&r, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn document_text_is_escaped() {
        let p = page(
            "1. A <script>alert(1)</script> & \"x\".\n",
            "1. A <img src=x onerror=alert(1)> & \u{1b}[2J.\n",
        );
        assert!(!p.contains("<script>alert"));
        assert!(!p.contains("<img"));
        assert!(!p.contains('\u{1b}'));
        assert!(
            p.contains("A &lt;<ins>img src=x onerror=</ins>alert(1)&gt; &amp; <ins>^[[2J</ins>.")
        );
    }

    #[test]
    fn same_input_same_bytes() {
        let (a, b) = ("1. One.\n\n2. Two.\n", "1. Two.\n\n2. One, edited.\n");
        assert_eq!(page(a, b), page(a, b));
    }

    #[test]
    fn large_pairs_are_drawn_per_section_and_folded() {
        let text: String = (1..=900)
            .map(|i| {
                if i % 30 == 1 {
                    format!("{}. Section heading number {i}\n\n", i / 30 + 1)
                } else {
                    format!("Paragraph {i} says something about item {i} here.\n\n")
                }
            })
            .collect();
        let p = page(&text, &text.replace("item 450 ", "item 450 and more "));
        assert!(p.contains("data-level=\"sections\""));
        let ribbons = p.matches("<a class=\"ribbon").count();
        assert!(ribbons > 0 && ribbons < 400, "{ribbons}");
        assert!(p.contains("<tbody class=\"fold\">"));
    }

    #[test]
    fn groups_cover_every_unit_once_and_stay_bounded() {
        let text: String = (0..5000).map(|i| format!("Para {i} text.\n\n")).collect();
        let doc = segment("x.txt", &text, &SegmentOptions::new());
        let g = groups(&doc);
        assert!(g.len() <= PICTURE_GROUPS * 4);
        assert_eq!(g.first().map(|r| r.start), Some(0));
        assert_eq!(g.last().map(|r| r.end), Some(doc.units.len()));
        assert!(g.windows(2).all(|w| w[0].end == w[1].start));
    }
}
