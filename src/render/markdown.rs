//! The Markdown changelog: a note a secretariat could send to its drafting group.
//!
//! A summary table, then, section by section of the new version, what is new, removed,
//! merged, split, moved and substantially reworded, with old → new paragraph references
//! and short quotes of the key changes. Light edits and renumberings are only counted, so
//! the note stays about substance.

use std::io;

use crate::model::{Change, Document, LinkShape, Op, OpKind, Report, UnitId, UnitKind, WordDiff};

use super::escape::{markdown_escape, visible};
use super::layout::{self, Entry};

/// Longest quote, in words, before it is cut with an ellipsis.
const QUOTE_WORDS: usize = 14;

/// Words inserted plus deleted from which a light edit is quoted ("Amended") rather than
/// only listed: about a clause, below which edits are wording and punctuation.
const AMENDED_WORDS: usize = 12;

/// How many new units of one section are quoted before the rest are only listed.
const QUOTED_NEW_UNITS: usize = 3;

/// Which inline marks `--full` writes around deleted and inserted words (`changelog
/// --marks`; with the feature `cli`, a `clap` value enum whose first doc paragraphs are the
/// option's help).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum Marks {
    /// `~~deleted~~ **inserted**`.
    ///
    /// As plain Markdown readers show them (a run whose edge is punctuation beside a letter,
    /// where Markdown would not see the marks, gets the HTML tags instead).
    #[default]
    Markdown,
    /// `<del>deleted</del> <ins>inserted</ins>`.
    ///
    /// For readers that render HTML (GitHub, pandoc): struck and underlined, and never
    /// misread next to punctuation.
    Html,
}

/// How to write the changelog: the versions' names and dates, and whether to include the
/// amended text.
#[derive(Debug, Clone, Default)]
pub struct ChangelogOptions {
    labels: Option<(String, String)>,
    dates: Option<(String, String)>,
    full: bool,
    marks: Marks,
}

impl ChangelogOptions {
    /// The defaults: versions named by their paths, no dates, changes summarised without
    /// their full text.
    pub fn new() -> ChangelogOptions {
        ChangelogOptions::default()
    }

    /// Name the versions `old` and `new` instead of by their paths.
    pub fn labels(mut self, old: impl Into<String>, new: impl Into<String>) -> ChangelogOptions {
        self.labels = Some((old.into(), new.into()));
        self
    }

    /// Show the versions' dates (as given: `2018-03-01`, `March 2018`).
    pub fn dates(mut self, old: impl Into<String>, new: impl Into<String>) -> ChangelogOptions {
        self.dates = Some((old.into(), new.into()));
        self
    }

    /// Include each changed unit's amended text with inline marks, each new unit's text
    /// and each removed unit's text.
    pub fn full(mut self, full: bool) -> ChangelogOptions {
        self.full = full;
        self
    }

    /// The inline marks of the amended text.
    pub fn marks(mut self, marks: Marks) -> ChangelogOptions {
        self.marks = marks;
        self
    }
}

/// Writes the Markdown changelog of `report` with the default [`ChangelogOptions`].
pub fn markdown(report: &Report, out: &mut dyn io::Write) -> io::Result<()> {
    changelog(report, &ChangelogOptions::new(), out)
}

/// Writes the Markdown changelog of `report`: the versions, the counts, a table of
/// contents with the counts per section, what changed section by section, the
/// correspondence table (every new unit and its source) and the removed units.
///
/// ```
/// use draftdiff::{diff::{DiffOptions, report}, render};
/// use draftdiff::segment::{segment, SegmentOptions};
///
/// let old = segment("old.txt", "1. The cat sat.\n\n2. It slept.\n", &SegmentOptions::new());
/// let new = segment("new.txt", "1. The black cat sat.\n\n2. It slept.\n", &SegmentOptions::new());
/// let alignment = draftdiff::align(&old, &new, &draftdiff::AlignOptions::new());
/// let report = report(old, new, alignment, &DiffOptions::new());
/// let options = render::ChangelogOptions::new().dates("1 May", "9 May").full(true);
/// let mut out = Vec::new();
/// render::changelog(&report, &options, &mut out).unwrap();
/// let text = String::from_utf8(out).unwrap();
/// assert!(text.contains("| ¶1 | ¶1 | one-to-one | edited |"));
/// assert!(text.contains("> The **black** cat sat."));
/// ```
pub fn changelog(
    report: &Report,
    options: &ChangelogOptions,
    out: &mut dyn io::Write,
) -> io::Result<()> {
    let s = &report.summary;
    let (old_name, new_name) = match &options.labels {
        Some((old, new)) => (markdown_escape(old), markdown_escape(new)),
        None => (code(&report.old.path), code(&report.new.path)),
    };
    writeln!(out, "# Changes from {old_name} to {new_name}\n")?;
    match &options.dates {
        Some(_) => writeln!(out, "| Version | Name | Date | Units |\n|:--|:--|:--|--:|")?,
        None => writeln!(out, "| Version | Name | Units |\n|:--|:--|--:|")?,
    }
    for (which, name, doc, date) in [
        (
            "Old",
            &old_name,
            &report.old,
            options.dates.as_ref().map(|d| &d.0),
        ),
        (
            "New",
            &new_name,
            &report.new,
            options.dates.as_ref().map(|d| &d.1),
        ),
    ] {
        let date = date
            .map(|d| format!(" {} |", markdown_escape(d)))
            .unwrap_or_default();
        writeln!(out, "| {which} | {name} |{date} {} |", doc.units.len())?;
    }
    writeln!(
        out,
        "\nThe new version has {} against {} in the old one; {:.0}% of the old text \
         ({} of {} words) is carried over unchanged.\n",
        count_word(s.new_units, "unit"),
        s.old_units,
        s.carried_over() * 100.0,
        s.kept_words,
        s.old_words
    )?;
    writeln!(out, "| Change | Count |\n|:--|--:|")?;
    for (name, n) in [
        ("Unchanged", s.unchanged),
        ("Renumbered only", s.renumbered),
        ("Lightly edited", s.edited),
        ("Substantially reworded", s.rewritten),
        ("Moved", s.moved),
        ("Merged (several into one)", s.merged),
        ("Split (one into several)", s.split),
        ("New", s.added),
        ("Removed", s.removed),
    ] {
        writeln!(out, "| {name} | {n} |")?;
    }
    if s.timed_out > 0 {
        writeln!(
            out,
            "\n_Note: {} comparisons hit their time limit; their quotes may be coarse._",
            s.timed_out
        )?;
    }
    let sections = sections(report);
    contents(report, &sections, out)?;
    for section in &sections {
        write_section(report, section, options, out)?;
    }
    correspondence(report, out)?;
    removed_units(report, options, out)
}

/// The table of contents: each section with its anchor and its counts of new units by
/// what became of them, then the two tables at the end.
fn contents(report: &Report, sections: &[Section], out: &mut dyn io::Write) -> io::Result<()> {
    writeln!(
        out,
        "\n## <a id=\"toc\"></a>Contents\n\n\
         Each section of the new version with its units: how many, and what became of them \
         (a unit that moved is also counted by its change; removed units are old ones that \
         stood there).\n"
    )?;
    writeln!(
        out,
        "| Section | Units | What became of them |\n|:--|--:|:--|"
    )?;
    let links = &report.alignment.links;
    for section in sections {
        // unchanged, edited, reworded, merged, split, new, moved, removed
        let mut n = [0usize; 8];
        let mut units = 0;
        for entry in section.heading.iter().chain(&section.entries) {
            match *entry {
                Entry::Added { .. } => {
                    units += 1;
                    n[5] += 1;
                }
                Entry::Removed { .. } => n[7] += 1,
                Entry::Linked { link, .. } => {
                    units += 1;
                    let l = &links[link];
                    let k = match (l.shape, l.change) {
                        (LinkShape::Merge, _) => 3,
                        (LinkShape::Split, _) => 4,
                        (_, Change::Unchanged | Change::Renumbered) => 0,
                        (_, Change::Edited) => 1,
                        (_, Change::Rewritten) => 2,
                    };
                    n[k] += 1;
                    if l.moved {
                        n[6] += 1;
                    }
                }
            }
        }
        let names = [
            "unchanged",
            "edited",
            "reworded",
            "merged",
            "split",
            "new",
            "moved",
            "removed",
        ];
        let parts: Vec<String> = n
            .iter()
            .zip(names)
            .filter(|(c, _)| **c > 0)
            .map(|(c, name)| format!("{c} {name}"))
            .collect();
        writeln!(
            out,
            "| [{}](#{}) | {units} | {} |",
            markdown_escape(&section.title(report)),
            section.anchor(),
            parts.join(", ")
        )?;
    }
    writeln!(
        out,
        "\nAt the end: the [correspondence table](#correspondence) (every new unit and its \
         source) and the [removed units](#removed)."
    )
}

/// The correspondence table: every unit of the new version in order, with its source(s)
/// in the old version, the kind of link and the change.
fn correspondence(report: &Report, out: &mut dyn io::Write) -> io::Result<()> {
    writeln!(
        out,
        "\n## <a id=\"correspondence\"></a>Correspondence table\n\n\
         Every unit of the new version, in order, with the unit(s) of the old version it \
         comes from.\n\n| New | Old | Kind | Change |\n|:--|:--|:--|:--|"
    )?;
    let link_of_new = report.link_of_new();
    let links = &report.alignment.links;
    for unit in &report.new.units {
        let new = markdown_escape(&report.new.label(unit.id));
        match link_of_new.get(unit.id).copied().flatten() {
            None => writeln!(out, "| {new} | — | new | new |")?,
            Some(link) => {
                let l = &links[link];
                let old: Vec<String> = l.old.iter().map(|&o| report.old.label(o)).collect();
                let kind = match l.shape {
                    LinkShape::OneToOne => "one-to-one".to_string(),
                    LinkShape::Merge => "merge".to_string(),
                    LinkShape::Split => {
                        let part = l.new.iter().position(|&n| n == unit.id).unwrap_or(0);
                        format!("split, part {} of {}", part + 1, l.new.len())
                    }
                };
                let mut change = l.change.as_str().to_string();
                if l.moved {
                    let from = l.old.first().and_then(|&o| old_section(&report.old, o));
                    match from {
                        Some(h) => change.push_str(&format!(
                            "; moved from “{}”",
                            markdown_escape(&heading_title(&report.old, h))
                        )),
                        None => change.push_str("; moved"),
                    }
                }
                writeln!(
                    out,
                    "| {new} | {} | {kind} | {change} |",
                    markdown_escape(&old.join(" + "))
                )?;
            }
        }
    }
    Ok(())
}

/// The removed units: every old unit with no descendant, with the section it stood in.
fn removed_units(
    report: &Report,
    options: &ChangelogOptions,
    out: &mut dyn io::Write,
) -> io::Result<()> {
    writeln!(out, "\n## <a id=\"removed\"></a>Removed units\n")?;
    if report.alignment.removed.is_empty() {
        return writeln!(out, "No unit of the old version was removed.");
    }
    writeln!(
        out,
        "Every unit of the old version that has no descendant in the new one.\n\n\
         | Old | Stood in | Text |\n|:--|:--|:--|"
    )?;
    for &o in &report.alignment.removed {
        let section = old_section(&report.old, o)
            .map(|h| markdown_escape(&heading_title(&report.old, h)))
            .unwrap_or_else(|| "the opening".to_string());
        let text = &report.old.unit(o).text;
        let text = if options.full {
            markdown_escape(text)
        } else {
            markdown_escape(&quote(text))
        };
        writeln!(
            out,
            "| {} | {section} | “{text}” |",
            markdown_escape(&report.old.label(o))
        )?;
    }
    Ok(())
}

/// The entries of one section of the new version, after its heading.
struct Section {
    heading: Option<Entry>,
    entries: Vec<Entry>,
}

impl Section {
    /// The section's title as the changelog shows it.
    fn title(&self, report: &Report) -> String {
        match self.heading {
            Some(Entry::Linked { new, .. } | Entry::Added { new }) => {
                heading_title(&report.new, new)
            }
            _ => "Opening paragraphs".to_string(),
        }
    }

    /// The anchor of the section's heading: `sec-` and the new heading's id.
    fn anchor(&self) -> String {
        match self.heading {
            Some(Entry::Linked { new, .. } | Entry::Added { new }) => format!("sec-{new}"),
            _ => "opening".to_string(),
        }
    }
}

fn sections(report: &Report) -> Vec<Section> {
    let mut out = vec![Section {
        heading: None,
        entries: Vec::new(),
    }];
    for entry in with_footnotes_where_cited(report, layout::entries(report)) {
        let starts = entry.is_heading(report) && !matches!(entry, Entry::Removed { .. });
        if starts {
            out.push(Section {
                heading: Some(entry),
                entries: Vec::new(),
            });
        } else if let Some(last) = out.last_mut() {
            last.entries.push(entry);
        }
    }
    if out[0].entries.is_empty() {
        out.remove(0);
    }
    out
}

/// The entries with each new footnote moved right after the unit that cites it (after
/// that unit's earlier footnotes), so it is listed in the section where it is cited, not
/// where its page ended. A footnote whose citing unit is unknown stays where it stood.
fn with_footnotes_where_cited(report: &Report, entries: Vec<Entry>) -> Vec<Entry> {
    let new_unit = |e: &Entry| match *e {
        Entry::Linked { new, .. } | Entry::Added { new } => Some(new),
        Entry::Removed { .. } => None,
    };
    let citing = |e: &Entry| {
        let unit = report.new.units.get(new_unit(e)?)?;
        let parent = unit.parent?;
        (unit.kind == UnitKind::Footnote && parent < report.new.units.len() && parent != unit.id)
            .then_some(parent)
    };
    let mut notes: Vec<(UnitId, Entry)> = Vec::new();
    let mut rest = Vec::with_capacity(entries.len());
    for entry in entries {
        match citing(&entry) {
            Some(parent) => notes.push((parent, entry)),
            None => rest.push(entry),
        }
    }
    if notes.is_empty() {
        return rest;
    }
    let mut by_parent: std::collections::HashMap<UnitId, Vec<Entry>> =
        std::collections::HashMap::new();
    for &(parent, entry) in &notes {
        by_parent.entry(parent).or_default().push(entry);
    }
    let mut out = Vec::with_capacity(rest.len() + notes.len());
    for entry in rest {
        let id = new_unit(&entry);
        out.push(entry);
        if let Some(notes) = id.and_then(|id| by_parent.remove(&id)) {
            out.extend(notes);
        }
    }
    // A footnote cited by another footnote, or by nothing kept: at the end, in order.
    for (parent, entry) in notes {
        if by_parent.contains_key(&parent) {
            out.push(entry);
        }
    }
    out
}

fn write_section(
    report: &Report,
    section: &Section,
    options: &ChangelogOptions,
    out: &mut dyn io::Write,
) -> io::Result<()> {
    let links = &report.alignment.links;
    // The title, and what became of the heading itself.
    let mut title_note = None;
    let title = match section.heading {
        Some(Entry::Linked { new, link, .. }) => {
            let l = &links[link];
            if l.change != Change::Unchanged && l.change != Change::Renumbered {
                let old_title = layout::labels(&report.old, &l.old);
                let old_text = l
                    .old
                    .first()
                    .map(|&o| report.old.unit(o).text.as_str())
                    .unwrap_or("");
                // The aligner decided the change (`Edited` or `Rewritten` here), and the note
                // says it in the words of the summary table; a heading that only changed its
                // number is `Renumbered` and gets no note.
                let how = if l.change == Change::Rewritten {
                    "reworded"
                } else {
                    "edited"
                };
                title_note = Some(format!(
                    "Heading {how} (was {old_title}, “{}”).",
                    markdown_escape(&quote(old_text))
                ));
            }
            heading_title(&report.new, new)
        }
        Some(Entry::Added { new }) => {
            title_note = Some("New section.".to_string());
            heading_title(&report.new, new)
        }
        _ => "Opening paragraphs".to_string(),
    };
    writeln!(
        out,
        "\n## <a id=\"{}\"></a>{}\n",
        section.anchor(),
        markdown_escape(&title)
    )?;
    if let Some(note) = title_note {
        writeln!(out, "{note}\n")?;
    }

    let mut new_units = Vec::new();
    let mut removed = Vec::new();
    let mut merged = Vec::new();
    let mut split = Vec::new();
    let mut moved = Vec::new();
    let mut reworded = Vec::new();
    let mut edited = Vec::new();
    let mut renumbered = 0;
    let mut unchanged = 0;
    for &entry in &section.entries {
        match entry {
            Entry::Added { new } => new_units.push(new),
            Entry::Removed { old } => removed.push(old),
            Entry::Linked { link, part, .. } => {
                if part > 0 {
                    continue;
                }
                let l = &links[link];
                match l.shape {
                    LinkShape::Merge => merged.push(link),
                    LinkShape::Split => split.push(link),
                    LinkShape::OneToOne => match l.change {
                        Change::Rewritten => reworded.push(link),
                        Change::Edited => edited.push(link),
                        Change::Renumbered => renumbered += 1,
                        Change::Unchanged => unchanged += 1,
                    },
                }
                if l.moved {
                    moved.push(link);
                }
            }
        }
    }

    let mut items: Vec<String> = Vec::new();
    if !new_units.is_empty() {
        let mut text = format!(
            "**New:** {} {}",
            count_units(&report.new, &new_units),
            ranges(&report.new, &new_units)
        );
        let quoted: Vec<String> = new_units
            .iter()
            .filter(|&&n| report.new.unit(n).kind != UnitKind::Heading)
            .take(QUOTED_NEW_UNITS)
            .map(|&n| {
                format!(
                    "{} “{}”",
                    report.new.label(n),
                    markdown_escape(&quote(&report.new.unit(n).text))
                )
            })
            .collect();
        if !quoted.is_empty() {
            text.push_str(&format!(": {}", quoted.join("; ")));
            if new_units.len() > quoted.len() {
                text.push_str(&format!("; and {} more", new_units.len() - quoted.len()));
            }
        }
        items.push(text);
    }
    for &link in &merged {
        let l = &links[link];
        let mut text = format!(
            "**Merged:** {} combines former {}",
            labels_of(&report.new, &l.new),
            list(&report.old, &l.old)
        );
        text.push_str(&key_changes(&report.diffs[link]));
        items.push(text);
    }
    for &link in &split {
        let l = &links[link];
        let mut text = format!(
            "**Split:** former {} is now {}",
            labels_of(&report.old, &l.old),
            list(&report.new, &l.new)
        );
        text.push_str(&key_changes(&report.diffs[link]));
        items.push(text);
    }
    let mut within = Vec::new();
    for &link in &moved {
        let l = &links[link];
        let refs = format!(
            "{} (former {})",
            labels_of(&report.new, &l.new),
            list(&report.old, &l.old)
        );
        match l.old.first().and_then(|&o| old_section(&report.old, o)) {
            Some(h) if section_heading_link(report, section) == Some(h) => within.push(refs),
            Some(h) => items.push(format!(
                "**Moved:** {refs}, from “{}”",
                markdown_escape(&heading_title(&report.old, h))
            )),
            None => items.push(format!("**Moved:** {refs}")),
        }
    }
    if !within.is_empty() {
        items.push(format!(
            "**Moved within this section:** {}",
            within.join(", ")
        ));
    }
    for &link in &reworded {
        let l = &links[link];
        let mut text = format!(
            "**Substantially reworded:** {} (former {})",
            labels_of(&report.new, &l.new),
            labels_of(&report.old, &l.old)
        );
        text.push_str(&key_changes(&report.diffs[link]));
        items.push(text);
    }
    if !removed.is_empty() {
        let quoted: Vec<String> = removed
            .iter()
            .map(|&o| {
                format!(
                    "former {} “{}”",
                    report.old.label(o),
                    markdown_escape(&quote(&report.old.unit(o).text))
                )
            })
            .collect();
        items.push(format!("**Removed:** {}", quoted.join("; ")));
    }
    // Edits that add or drop a clause or more are worth a quote; the rest are listed.
    let (amended, edited): (Vec<usize>, Vec<usize>) = edited.into_iter().partition(|&link| {
        let st = report.diffs[link].stats;
        st.inserted + st.deleted >= AMENDED_WORDS
    });
    for &link in &amended {
        let l = &links[link];
        let new = labels_of(&report.new, &l.new);
        let old = labels_of(&report.old, &l.old);
        let former = if new == old {
            String::new()
        } else {
            format!(" (former {old})")
        };
        items.push(format!(
            "**Amended:** {new}{former}{}",
            key_changes(&report.diffs[link])
        ));
    }
    if !edited.is_empty() {
        let refs: Vec<String> = edited
            .iter()
            .map(|&link| {
                let l = &links[link];
                let new = labels_of(&report.new, &l.new);
                let old = labels_of(&report.old, &l.old);
                if new == old {
                    new
                } else {
                    format!("{new} (former {old})")
                }
            })
            .collect();
        items.push(format!("Light edits: {}", refs.join(", ")));
    }
    let quiet = renumbered + unchanged;
    if quiet > 0 {
        let mut text = format!("{} unchanged", count_word(quiet, "paragraph"));
        if renumbered > 0 {
            text.push_str(&format!(" in substance ({renumbered} renumbered only)"));
        }
        items.push(text);
    }
    for item in items {
        writeln!(out, "- {}", end_item(item))?;
    }
    if options.full {
        amended_text(report, section, options.marks, out)?;
    }
    Ok(())
}

/// `--full`: the text of every changed, new and removed unit of a section, in reading
/// order, deletions and insertions marked.
fn amended_text(
    report: &Report,
    section: &Section,
    marks: Marks,
    out: &mut dyn io::Write,
) -> io::Result<()> {
    let links = &report.alignment.links;
    let mut blocks = Vec::new();
    for &entry in section.heading.iter().chain(&section.entries) {
        let (head, text) = match entry {
            Entry::Linked { new, link, part } => {
                let l = &links[link];
                if !layout::is_changed(l)
                    || l.change == Change::Renumbered && l.shape == LinkShape::OneToOne
                {
                    continue;
                }
                let head = format!(
                    "**{}** (former {}; {})",
                    markdown_escape(&report.new.label(new)),
                    markdown_escape(&layout::labels(&report.old, &l.old)),
                    layout::kind_words(l, part)
                );
                (head, marked(report.diffs[link].part(part), marks))
            }
            Entry::Added { new } => (
                format!("**{}** (new)", markdown_escape(&report.new.label(new))),
                markdown_escape(&report.new.unit(new).text),
            ),
            Entry::Removed { old } => (
                format!(
                    "**former {}** (removed)",
                    markdown_escape(&report.old.label(old))
                ),
                wrap(
                    &markdown_escape(&report.old.unit(old).text),
                    OpKind::Delete,
                    marks,
                ),
            ),
        };
        blocks.push(format!("{head}\n\n> {}", block_start(&text)));
    }
    if blocks.is_empty() {
        return Ok(());
    }
    writeln!(out, "\n#### Text of the changes\n")?;
    writeln!(out, "{}", blocks.join("\n\n"))
}

/// A diff as Markdown text in the new version's spelling, deleted and inserted runs
/// marked. A run's marks enclose its words, never its outer spaces (Markdown would not
/// read `~~ a~~` as marks).
fn marked(ops: &[Op], marks: Marks) -> String {
    let mut out = String::new();
    for (i, op) in ops.iter().enumerate() {
        if op.kind == OpKind::Equal {
            out.push_str(&markdown_escape(&op.text));
            continue;
        }
        let core = op.text.trim();
        if core.is_empty() {
            out.push_str(&markdown_escape(&op.text));
            continue;
        }
        let lead = &op.text[..op.text.len() - op.text.trim_start().len()];
        let trail = &op.text[op.text.trim_end().len()..];
        out.push_str(lead);
        // CommonMark reads `**` and `~~` as marks only when they flank the words: a run
        // that starts (ends) with punctuation needs a space or punctuation before (after).
        let before = out.chars().last();
        let after = if !trail.is_empty() {
            Some(' ')
        } else {
            match ops.get(i + 1) {
                Some(next) if next.kind != OpKind::Equal => Some('<'),
                Some(next) => next.text.chars().next(),
                None => None,
            }
        };
        let loose = |edge: Option<char>, side: Option<char>| {
            edge.is_some_and(is_punctuation) && side.is_some_and(char::is_alphanumeric)
        };
        let escaped = markdown_escape(core);
        let safe = !loose(core.chars().next(), before) && !loose(core.chars().last(), after);
        let marks = if safe { marks } else { Marks::Html };
        out.push_str(&wrap(&escaped, op.kind, marks));
        out.push_str(trail);
    }
    out
}

/// Punctuation as CommonMark's flanking rules see it (ASCII and Unicode punctuation and
/// symbols): anything that is neither a letter, a digit nor a space.
fn is_punctuation(c: char) -> bool {
    !c.is_alphanumeric() && !c.is_whitespace()
}

/// Escaped text enclosed in the marks of a deletion or an insertion.
fn wrap(escaped: &str, kind: OpKind, marks: Marks) -> String {
    match (marks, kind) {
        (Marks::Markdown, OpKind::Delete) => format!("~~{escaped}~~"),
        (Marks::Markdown, _) => format!("**{escaped}**"),
        (Marks::Html, OpKind::Delete) => format!("<del>{escaped}</del>"),
        (Marks::Html, _) => format!("<ins>{escaped}</ins>"),
    }
}

/// Text that starts a block made safe from being read as a list item or a setext
/// underline: `- `, `+ `, `= ` and `12. ` at its start are escaped.
fn block_start(text: &str) -> String {
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    if matches!(text.chars().next(), Some('-' | '+' | '=')) {
        format!("\\{text}")
    } else if digits > 0 && matches!(text[digits..].chars().next(), Some('.' | ')')) {
        format!("{}\\{}", &text[..digits], &text[digits..])
    } else {
        text.to_string()
    }
}

/// `adds “…”; drops “…”` for the longest inserted and deleted runs of a diff.
fn key_changes(diff: &WordDiff) -> String {
    let longest = |kind: OpKind| {
        diff.ops
            .iter()
            .filter(|o| o.kind == kind)
            .max_by_key(|o| o.text.split_whitespace().count())
            // The run as written, less the previous clause's stop or comma it may start
            // with; its own final stop stays.
            .map(|o| {
                o.text
                    .trim_start_matches(|c: char| c.is_whitespace() || ",.;:".contains(c))
                    .trim_end()
            })
            .filter(|t| t.chars().any(char::is_alphabetic))
    };
    let mut parts = Vec::new();
    if let Some(t) = longest(OpKind::Insert) {
        parts.push(format!("adds “{}”", markdown_escape(&quote(t))));
    }
    if let Some(t) = longest(OpKind::Delete) {
        parts.push(format!("drops “{}”", markdown_escape(&quote(t))));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("; {}", parts.join("; "))
    }
}

/// The old heading the section's heading descends from, if any.
fn section_heading_link(report: &Report, section: &Section) -> Option<UnitId> {
    match section.heading {
        Some(Entry::Linked { link, .. }) => report.alignment.links[link].old.first().copied(),
        _ => None,
    }
}

/// The heading of the section an old unit stood in.
fn old_section(doc: &Document, id: UnitId) -> Option<UnitId> {
    doc.units[..id.min(doc.units.len())]
        .iter()
        .rev()
        .find(|u| u.kind == UnitKind::Heading)
        .map(|u| u.id)
}

fn heading_title(doc: &Document, id: UnitId) -> String {
    let unit = doc.unit(id);
    match &unit.number {
        Some(n) => format!("{n}. {}", unit.text),
        None => unit.text.clone(),
    }
}

/// The first [`QUOTE_WORDS`] words of a text, as written (quotes and final stop kept),
/// with an ellipsis when cut.
fn quote(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= QUOTE_WORDS {
        words.join(" ")
    } else {
        format!("{} …", words[..QUOTE_WORDS].join(" "))
    }
}

/// Ends an item with a full stop, unless it ends with a quote that already has one.
fn end_item(mut text: String) -> String {
    let stops = [".”", "?”", "!”", "…”"];
    if !stops.iter().any(|s| text.ends_with(s)) {
        text.push('.');
    }
    text
}

/// Labels joined with `, ` and `and`: `¶27, ¶28 and ¶29`.
fn list(doc: &Document, ids: &[UnitId]) -> String {
    let labels: Vec<String> = ids.iter().map(|&id| doc.label(id)).collect();
    match labels.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

fn labels_of(doc: &Document, ids: &[UnitId]) -> String {
    list(doc, ids)
}

/// Runs of consecutive units as `(¶12–¶15, ¶19)`.
fn ranges(doc: &Document, ids: &[UnitId]) -> String {
    let mut parts = Vec::new();
    let mut i = 0;
    while i < ids.len() {
        let mut j = i;
        while j + 1 < ids.len()
            && ids[j + 1] == ids[j] + 1
            && doc.unit(ids[j + 1]).kind == doc.unit(ids[i]).kind
        {
            j += 1;
        }
        if j > i {
            parts.push(format!("{}–{}", doc.label(ids[i]), doc.label(ids[j])));
        } else {
            parts.push(doc.label(ids[i]));
        }
        i = j + 1;
    }
    format!("({})", parts.join(", "))
}

/// `3 paragraphs`, or by kind when mixed: `1 paragraph and 2 footnotes`.
fn count_units(doc: &Document, ids: &[UnitId]) -> String {
    let kinds = [
        (UnitKind::Paragraph, "paragraph"),
        (UnitKind::ListItem, "list item"),
        (UnitKind::Footnote, "footnote"),
        (UnitKind::Heading, "heading"),
    ];
    let parts: Vec<String> = kinds
        .iter()
        .filter_map(|&(kind, noun)| {
            let n = ids.iter().filter(|&&id| doc.unit(id).kind == kind).count();
            (n > 0).then(|| count_word(n, noun))
        })
        .collect();
    match parts.split_last() {
        None => count_word(0, "unit"),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

fn count_word(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// A path as inline code, its control characters made visible (a backtick would end the
/// code span early: it becomes an apostrophe).
fn code(text: &str) -> String {
    format!("`{}`", visible(text).replace('`', "'"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_are_cut() {
        assert_eq!(quote("a b c"), "a b c");
        // Quoted as written: quotes and the final stop stay (issue 13).
        assert_eq!(quote("a b c."), "a b c.");
        assert_eq!(quote("the “win-win” \"term\""), "the “win-win” \"term\"");
        assert_eq!(end_item("adds “a b.”".into()), "adds “a b.”");
        assert_eq!(end_item("adds “a b”".into()), "adds “a b”.");
        let long = "w ".repeat(20);
        assert!(quote(&long).ends_with('…'));
    }

    #[test]
    fn marks_flank_the_words() {
        let ops = [
            Op::new(OpKind::Equal, "The "),
            Op::new(OpKind::Delete, "grey "),
            Op::new(OpKind::Insert, "black "),
            Op::new(OpKind::Equal, "cat"),
            Op::new(OpKind::Insert, ","),
            Op::new(OpKind::Equal, " sat."),
        ];
        assert_eq!(
            marked(&ops, Marks::Markdown),
            "The ~~grey~~ **black** cat<ins>,</ins> sat."
        );
        assert_eq!(
            marked(&ops, Marks::Html),
            "The <del>grey</del> <ins>black</ins> cat<ins>,</ins> sat."
        );
        assert_eq!(block_start("12. x"), "12\\. x");
        assert_eq!(block_start("- x"), "\\- x");
    }

    #[test]
    fn markdown_is_escaped() {
        assert_eq!(code("a`b\u{1b}"), "`a'b^[`");
    }
}
