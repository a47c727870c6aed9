//! The terminal and Markdown renderings of a hand-built alignment, independent of the
//! segmenter and the aligner: a merge, a split, a move, a rewrite, a renumbering, an
//! addition and a removal, checked for what a reader must see.

use draftdiff::diff::{DiffOptions, report};
use draftdiff::model::{
    Alignment, Change, Document, Evidence, Link, LinkShape, Report, Unit, UnitKind,
};
use draftdiff::render::{self, Only, Palette, TerminalOptions};

fn unit(id: usize, kind: UnitKind, number: &str, text: &str) -> Unit {
    Unit {
        id,
        kind,
        block: draftdiff::model::Block::Prose,
        number: Some(number.to_string()),
        section: None,
        parent: None,
        line: id + 1,
        end_line: id + 1,
        text: text.to_string(),
        norm: text.to_lowercase(),
        source: None,
    }
}

fn doc(path: &str, units: &[(UnitKind, &str, &str)]) -> Document {
    Document {
        path: path.to_string(),
        units: units
            .iter()
            .enumerate()
            .map(|(i, &(k, n, t))| unit(i, k, n, t))
            .collect(),
        artifacts: Vec::new(),
    }
}

fn link(old: &[usize], new: &[usize], shape: LinkShape, change: Change, moved: bool) -> Link {
    Link {
        old: old.to_vec(),
        new: new.to_vec(),
        score: 0.71,
        shape,
        change,
        moved,
        evidence: Evidence::default(),
    }
}

fn sample() -> Report {
    use UnitKind::{Heading as H, Paragraph as P};
    let old = doc(
        "old.txt",
        &[
            (H, "I", "Comments"),
            (P, "1", "Switzerland observed that the term is not defined."),
            (P, "2", "Canada stressed that the term is linked to trade."),
            (P, "3", "Canada then remarked that defining it comes first."),
            (
                P,
                "4",
                "Japan reported projects in four sectors. Each sector has a budget.",
            ),
            (P, "5", "This paragraph was dropped from the final text."),
            (P, "6", "The group will meet again in May."),
        ],
    );
    let new = doc(
        "new.txt",
        &[
            (H, "I", "Comments received"),
            (
                P,
                "1",
                "Canada stressed that the term is linked to trade, and that defining it comes first.",
            ),
            (P, "2", "Japan reported projects in four sectors."),
            (P, "3", "Each sector has its own budget."),
            (
                P,
                "4",
                "Switzerland observed that the term is not sufficiently defined.",
            ),
            (P, "5", "A wholly new paragraph on follow-up."),
            (P, "7", "The group will meet again in May."),
        ],
    );
    let alignment = Alignment {
        links: vec![
            link(&[0], &[0], LinkShape::OneToOne, Change::Edited, false),
            link(&[2, 3], &[1], LinkShape::Merge, Change::Edited, false),
            link(&[4], &[2, 3], LinkShape::Split, Change::Edited, false),
            link(&[1], &[4], LinkShape::OneToOne, Change::Edited, true),
            link(&[6], &[6], LinkShape::OneToOne, Change::Renumbered, false),
        ],
        added: vec![5],
        removed: vec![5],
    };
    report(old, new, alignment, &DiffOptions::new())
}

fn terminal(r: &Report, options: &TerminalOptions) -> String {
    let mut out = Vec::new();
    render::terminal(r, options, &Palette::plain(), &mut out).expect("renders");
    String::from_utf8(out).expect("utf-8")
}

#[test]
fn origins_and_inline_diffs() {
    let r = sample();
    let t = terminal(&r, &TerminalOptions::new());
    insta::assert_snapshot!("layout_terminal", t);
    assert!(t.contains("¶1 ← ¶2 + ¶3 (merged, 0.71)"), "{t}");
    assert!(t.contains("¶2 ← ¶4 (split 1/2, 0.71)"), "{t}");
    assert!(t.contains("¶3 ← ¶4 (split 2/2, 0.71)"), "{t}");
    assert!(t.contains("¶4 ← ¶1 (edited, moved, 0.71)"), "{t}");
    assert!(t.contains("¶7 ← ¶6 (renumbered)"), "{t}");
    assert!(t.contains("{+sufficiently+}"), "{t}");
    // The split's second part carries its own words, not the first part's.
    let second = t.split("split 2/2").nth(1).expect("second part shown");
    assert!(
        second.contains("    Each sector has [-a-]{+its own+} budget.\n"),
        "{second}"
    );
    // The removed paragraph stands after the unit its predecessor became.
    let removed = t.find("old ¶5 (removed)").expect("removed shown");
    let split = t.find("split 2/2").expect("split shown");
    let added = t.find("¶5 (new)").expect("added shown");
    assert!(split < removed && removed < added, "{t}");
}

#[test]
fn summary_counts() {
    let s = sample().summary;
    assert_eq!(
        (
            s.edited,
            s.renumbered,
            s.merged,
            s.split,
            s.moved,
            s.added,
            s.removed
        ),
        (4, 1, 1, 1, 1, 1, 1)
    );
    // Old words: 1 + 8 + 9 + 8 + 11 + 8 + 7 = 52. Kept: the heading 1, ¶1 → ¶4 all 8, the
    // merge 9 + 5 of 17 ("Canada then remarked" dropped), the split 6 + 4 of 11 ("a"
    // dropped), the removed ¶5 none, the renumbered ¶6 all 7: 40.
    assert_eq!((s.kept_words, s.old_words), (40, 52));
    assert_eq!(s.carried_over(), 40.0 / 52.0);
}

#[test]
fn only_moved() {
    let t = terminal(&sample(), &TerminalOptions::new().only(vec![Only::Moved]));
    assert!(t.contains("¶4 ← ¶1 (edited, moved"));
    assert!(!t.contains("merged, 0.71"));
    assert!(!t.contains("(new)"));
    // The section is named before its first shown entry.
    assert!(t.contains("── I. "), "{t}");
}

#[test]
fn stat_is_the_summary_alone() {
    let t = terminal(&sample(), &TerminalOptions::new().stat(true));
    assert!(t.contains("merged 1"));
    assert!(!t.contains('←'));
}

#[test]
fn markdown_names_every_kind() {
    let mut out = Vec::new();
    render::markdown(&sample(), &mut out).expect("renders");
    let md = String::from_utf8(out).expect("utf-8");
    insta::assert_snapshot!("layout_markdown", md);
    assert!(
        md.contains("**Merged:** ¶1 combines former ¶2 and ¶3"),
        "{md}"
    );
    assert!(md.contains("**Split:** former ¶4 is now ¶2 and ¶3"), "{md}");
    assert!(
        md.contains("**Moved within this section:** ¶4 (former ¶1)"),
        "{md}"
    );
    assert!(md.contains("**Removed:** former ¶5"), "{md}");
    assert!(md.contains("**New:** 1 paragraph (¶5)"), "{md}");
}

#[test]
fn side_by_side_fits_the_width() {
    for width in [60, 80, 120] {
        let mut out = Vec::new();
        render::side_by_side(
            &sample(),
            &TerminalOptions::new().width(width),
            &Palette::plain(),
            &mut out,
        )
        .expect("renders");
        let text = String::from_utf8(out).expect("utf-8");
        for line in text.lines() {
            assert!(columns(line) <= width, "{width}: {line:?}");
        }
        if width == 80 {
            insta::assert_snapshot!("layout_side_by_side", text);
        }
    }
}

#[test]
fn colour_palette_writes_escapes_and_no_markers() {
    let mut out = Vec::new();
    render::terminal(
        &sample(),
        &TerminalOptions::new(),
        &Palette::colored(),
        &mut out,
    )
    .expect("renders");
    let t = String::from_utf8(out).expect("utf-8");
    assert!(t.contains("\u{1b}["));
    assert!(!t.contains("{+"));
    // Deleted words on a dark red background and struck through (SGR 9), inserted ones on
    // dark green and underlined (SGR 4): a second channel besides the hue.
    assert!(
        t.contains("has \u{1b}[38;5;217;48;5;52;9ma\u{1b}[0m"),
        "{t:?}"
    );
    assert!(
        t.contains("\u{1b}[38;5;157;48;5;22;4mits own\u{1b}[0m budget."),
        "{t:?}"
    );
}

/// Issue 13: `--side-by-side --width 50` with CJK text and a long word pushed the column
/// separator out of line. Every row keeps it at the same column, and no line is wider.
#[test]
fn side_by_side_keeps_its_separator_in_line() {
    use UnitKind::Paragraph as P;
    let old_text = "人権に関する技術協力は国際社会の重要な課題であり、各国の能力構築を支援する。 \
                    See https://example.org/a/very/long/path/that/never/ends/and/goes/on/forever for details.";
    let new_text = "人権に関する技術協力と能力構築は国際社会の重要な課題であり、各国を支援する。 \
                    See https://example.org/a/very/long/path/that/never/ends/and/goes/on/forever/x for more details.";
    let old = doc("old.txt", &[(P, "1", old_text)]);
    let new = doc("new.txt", &[(P, "1", new_text)]);
    let alignment = Alignment {
        links: vec![link(&[0], &[0], LinkShape::OneToOne, Change::Edited, false)],
        added: Vec::new(),
        removed: Vec::new(),
    };
    let r = report(old, new, alignment, &DiffOptions::new());
    for width in [render::MIN_WIDTH, 50, 80] {
        let mut out = Vec::new();
        let options = TerminalOptions::new().width(width).context(usize::MAX);
        render::side_by_side(&r, &options, &Palette::plain(), &mut out).expect("renders");
        let text = String::from_utf8(out).expect("utf-8");
        let mut separators = std::collections::BTreeSet::new();
        for line in text.lines() {
            assert!(columns(line) <= width, "{width}: {line:?}");
            if let Some(at) = line.find('│') {
                separators.insert(columns(&line[..at]));
            }
        }
        assert_eq!(separators.len(), 1, "{width}:\n{text}");
        // The long word is all there, broken across lines, and keeps its space after it.
        let left: Vec<&str> = text
            .lines()
            .filter_map(|l| l.split_once('│').map(|(a, _)| a.trim_end()))
            .collect();
        let left = left.join("\n");
        assert!(
            left.replace('\n', "").contains("forever for") || left.contains("forever\nfor"),
            "{left}"
        );
        assert!(!left.contains("foreverfor"), "{left}");
    }
}

/// Columns a line takes on a terminal: display width, wide (CJK) characters two columns.
/// Measured with `unicode-width` directly, not with the renderer's own measure.
fn columns(line: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(line)
}

/// Japanese has no spaces and each character takes two columns: the wrapper breaks between
/// characters and counts two columns for each (it once made a 251-column line at width 60).
#[test]
fn wide_characters_take_two_columns_and_wrap() {
    let text = "第一条 この規則は、委員会の運営に関し必要な事項を定めるものとする。\
                委員会は、年に二回以上開催し、議長が招集する。\
                議長は、委員の互選により選出し、その任期は二年とする。";
    let old = doc("old.txt", &[]);
    let new = doc("new.txt", &[(UnitKind::Paragraph, "1", text)]);
    let alignment = Alignment {
        links: Vec::new(),
        added: vec![0],
        removed: Vec::new(),
    };
    let r = report(old, new, alignment, &DiffOptions::new());
    for width in [40, 60, 80] {
        let options = TerminalOptions::new().width(width);
        let t = terminal(&r, &options);
        for line in t.lines() {
            assert!(
                columns(line) <= width,
                "{width}: {} columns: {line:?}",
                columns(line)
            );
        }
        // Nothing lost and no space added: the body lines put together are the text.
        let body: String = t
            .lines()
            .filter(|l| l.starts_with("    "))
            .map(str::trim)
            .collect();
        assert_eq!(body, text, "{width}: {t}");
        // At least one body line is full to within one wide character.
        assert!(
            t.lines()
                .filter(|l| l.starts_with("    "))
                .any(|l| columns(l) + 2 > width),
            "{width}: {t}"
        );

        let mut out = Vec::new();
        render::side_by_side(&r, &options, &Palette::plain(), &mut out).expect("renders");
        let text = String::from_utf8(out).expect("utf-8");
        for line in text.lines() {
            assert!(columns(line) <= width, "{width}: {line:?}");
        }
    }
}

/// The width setter keeps its bound: a width below `MIN_WIDTH` (3 was once accepted through
/// the public field) lays out exactly as `MIN_WIDTH` does.
#[test]
fn widths_below_the_minimum_are_the_minimum() {
    let r = sample();
    let min = terminal(&r, &TerminalOptions::new().width(render::MIN_WIDTH));
    for width in [0, 3, render::MIN_WIDTH - 1] {
        assert_eq!(
            terminal(&r, &TerminalOptions::new().width(width)),
            min,
            "{width}"
        );
    }
    assert_ne!(terminal(&r, &TerminalOptions::new()), min);
}

fn side_by_side(r: &Report, options: &TerminalOptions) -> String {
    let mut out = Vec::new();
    render::side_by_side(r, options, &Palette::plain(), &mut out).expect("renders");
    String::from_utf8(out).expect("utf-8")
}

/// Five paragraphs, the third edited, the others the same.
fn one_edit_among_five() -> Report {
    use UnitKind::Paragraph as P;
    let texts = [
        "Alpha opens the report.",
        "Beta follows it.",
        "Gamma was edited here.",
        "Delta is the same.",
        "Epsilon closes it.",
    ];
    let old: Vec<(UnitKind, &str, &str)> = [("1", texts[0]), ("2", texts[1])]
        .into_iter()
        .chain([
            ("3", "Gamma was changed here."),
            ("4", texts[3]),
            ("5", texts[4]),
        ])
        .map(|(n, t)| (P, n, t))
        .collect();
    let new: Vec<(UnitKind, &str, &str)> = ["1", "2", "3", "4", "5"]
        .into_iter()
        .zip(texts)
        .map(|(n, t)| (P, n, t))
        .collect();
    let links = (0..5)
        .map(|i| {
            let change = if i == 2 {
                Change::Edited
            } else {
                Change::Unchanged
            };
            link(&[i], &[i], LinkShape::OneToOne, change, false)
        })
        .collect();
    let alignment = Alignment {
        links,
        added: Vec::new(),
        removed: Vec::new(),
    };
    report(
        doc("old.txt", &old),
        doc("new.txt", &new),
        alignment,
        &DiffOptions::new(),
    )
}

/// Issue 13: the report printed every unit; unchanged ones are now counted where they
/// stand, as git's hunk gaps, and `--all` shows them.
#[test]
fn unchanged_units_are_counted_where_they_stand() {
    let r = one_edit_among_five();
    for text in [
        terminal(&r, &TerminalOptions::new()),
        side_by_side(&r, &TerminalOptions::new()),
    ] {
        assert_eq!(text.matches("… 2 unchanged units").count(), 2, "{text}");
        assert!(
            !text.contains("Alpha") && !text.contains("Epsilon"),
            "{text}"
        );
        let before = text.find("… 2 unchanged units").expect("gap");
        let edit = text.find("Gamma").expect("the edit");
        assert!(before < edit && text.rfind("… 2 unchanged").expect("gap") > edit);
    }
    let all = terminal(&r, &TerminalOptions::new().all(true));
    assert!(!all.contains("unchanged units"), "{all}");
    for word in ["Alpha", "Beta", "Delta", "Epsilon"] {
        assert!(all.contains(word), "{word}: {all}");
    }
}

/// Issue 13: a long paragraph with one changed word was printed whole; `-U` words of
/// context are kept around the change, the rest elided with `…`.
#[test]
fn context_words_around_a_change_in_a_long_paragraph() {
    use UnitKind::Paragraph as P;
    let words: Vec<String> = (0..2000).map(|i| format!("w{i}")).collect();
    let old_text = format!(
        "{} old {}",
        words[..1000].join(" "),
        words[1000..].join(" ")
    );
    let new_text = format!(
        "{} new {}",
        words[..1000].join(" "),
        words[1000..].join(" ")
    );
    let alignment = Alignment {
        links: vec![link(&[0], &[0], LinkShape::OneToOne, Change::Edited, false)],
        added: Vec::new(),
        removed: Vec::new(),
    };
    let r = report(
        doc("old.txt", &[(P, "1", &old_text)]),
        doc("new.txt", &[(P, "1", &new_text)]),
        alignment,
        &DiffOptions::new(),
    );
    let t = terminal(&r, &TerminalOptions::new().context(3));
    assert!(
        t.contains("… w997 w998 w999 [-old-]{+new+} w1000 w1001 w1002 …"),
        "{t}"
    );
    assert!(!t.contains("w996 ") && !t.contains("w1003"), "{t}");
    let default = terminal(&r, &TerminalOptions::new());
    assert!(default.lines().count() < 15, "{default}");
    assert!(default.contains(&format!("{} [-old-]", words[992..1000].join(" "))));
    let sbs = side_by_side(&r, &TerminalOptions::new().context(3));
    assert!(
        sbs.contains("w999 [-old-]") && sbs.contains("w999 {+new+}"),
        "{sbs}"
    );
    assert!(!sbs.contains("w996 "), "{sbs}");
    let whole = terminal(&r, &TerminalOptions::new().context(usize::MAX));
    assert!(
        whole.contains("w0 w1") && whole.contains("w1999"),
        "{whole}"
    );
}

/// Issue 13: identical inputs printed the whole document; now one line. Composed and
/// decomposed accents (NFC and NFD "Café") are the same text.
#[test]
fn identical_inputs_are_one_line() {
    use draftdiff::segment::{SegmentOptions, segment};
    let old = segment(
        "old.txt",
        "1. The Caf\u{e9} opens.\n\n2. It closes.\n",
        &SegmentOptions::new(),
    );
    let new = segment(
        "new.txt",
        "1. The Cafe\u{301} opens.\n\n2. It closes.\n",
        &SegmentOptions::new(),
    );
    let alignment = draftdiff::align(&old, &new, &draftdiff::AlignOptions::new());
    assert_eq!(alignment.links.len(), 2);
    assert!(
        alignment.links.iter().all(|l| l.score == 1.0),
        "{alignment:?}"
    );
    assert!(
        alignment.links.iter().all(|l| l.evidence.words > 0.999),
        "{alignment:?}"
    );
    let r = report(old, new, alignment, &DiffOptions::new());
    assert!(!r.has_differences());
    let one = "old.txt and new.txt have the same 2 units\n";
    assert_eq!(terminal(&r, &TerminalOptions::new()), one);
    assert_eq!(side_by_side(&r, &TerminalOptions::new()), one);
    assert_eq!(terminal(&r, &TerminalOptions::new().stat(true)), one);
    assert!(terminal(&r, &TerminalOptions::new().all(true)).contains("¶2 ← ¶2 (unchanged)"));
}
