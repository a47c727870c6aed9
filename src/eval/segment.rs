//! Scoring a segmentation against a hand-checked one (the corpus of
//! `tests/corpus/segment/`).
//!
//! The expected segmentation names every unit by its first line and its kind, and lists
//! the lines that are page furniture (running headers and footers, page numbers). Lines
//! are the lines of the text as the reader hands it to the segmenter (CRLF counted as one
//! line end), numbered from 1.
//!
//! Only *word lines* count: lines holding at least one letter or digit. A line of spaces, a
//! form feed, a box border of `*` or `-`, a setext underline or a table rule is neither
//! text nor furniture, so a segmenter is neither rewarded nor punished for what it does
//! with it. A predicted unit's boundary is the first word line of its line range (a unit
//! that opens on a box border and goes on with words starts where its words start); a unit
//! with no word line at all keeps its first line, which no expected unit has, so it
//! counts as spurious.
//!
//! The figures:
//! - boundaries: precision and recall of the set of predicted unit boundaries against the
//!   expected ones, and their F1;
//! - kind accuracy: over boundaries found, the share whose unit has the expected kind;
//! - furniture: word lines the segmenter removed as page furniture (header, page number,
//!   page-break or stray line; footnote markers are inline and do not count) against the
//!   expected furniture lines;
//! - text lines dropped: expected text lines (word lines that are not furniture) that the
//!   segmenter removed as furniture or left outside every unit.
//!
//! ```
//! use draftdiff::eval::segment::{ExpectedSegmentation, score_segmentation};
//! use draftdiff::segment::{segment, SegmentOptions};
//! let text = "I. Scope\n1. First paragraph.\n2. Second.\n";
//! let expected = ExpectedSegmentation::from_json(
//!     "expected.json",
//!     r#"{"units": [{"line": 1, "kind": "heading"}, {"line": 2, "kind": "paragraph"},
//!                   {"line": 3, "kind": "paragraph"}], "furniture": []}"#,
//!     text,
//! )?;
//! let doc = segment("x.txt", text, &SegmentOptions::new());
//! let score = score_segmentation(&doc, &expected);
//! assert_eq!(score.f1(), 1.0);
//! assert_eq!(score.kind_accuracy(), 1.0);
//! # Ok::<(), draftdiff::eval::GoldError>(())
//! ```

use std::collections::{BTreeMap, BTreeSet};
use std::ops::AddAssign;

use serde::Deserialize;

use super::{GoldError, Result};
use crate::model::{ArtifactKind, Document, UnitKind};

/// One unit of an expected segmentation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExpectedUnit {
    /// First line of the unit, 1-based.
    pub line: usize,
    /// What the unit is.
    pub kind: UnitKind,
}

/// A hand-checked segmentation of one text, with the facts about the text's lines the
/// scorer needs (which lines hold words).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExpectedSegmentation {
    /// The units in reading order, by strictly increasing first line.
    pub units: Vec<ExpectedUnit>,
    /// Lines that are page furniture, sorted.
    pub furniture: BTreeSet<usize>,
    /// `dev` or `test`, when the corpus assigns one.
    pub split: Option<String>,
    /// The kind of source the document comes from (`ietf-rfc`, `law-de`, …), when given.
    pub source_kind: Option<String>,
    /// For each line of the text (index 0 is line 1): whether it holds a letter or digit.
    word_lines: Vec<bool>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectedJson {
    #[serde(default)]
    split: Option<String>,
    #[serde(default)]
    source_kind: Option<String>,
    units: Vec<UnitJson>,
    #[serde(default)]
    furniture: Vec<usize>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct UnitJson {
    line: usize,
    kind: String,
}

/// The kind a name of [`UnitKind::as_str`] stands for.
fn parse_kind(name: &str) -> Option<UnitKind> {
    [
        UnitKind::Heading,
        UnitKind::Paragraph,
        UnitKind::ListItem,
        UnitKind::Footnote,
    ]
    .into_iter()
    .find(|k| k.as_str() == name)
}

/// Whether a line holds words: at least one letter or digit.
fn is_word_line(line: &str) -> bool {
    line.chars().any(char::is_alphanumeric)
}

impl ExpectedSegmentation {
    /// Parses an expected segmentation (`{"split", "source_kind", "units": [{"line",
    /// "kind"}], "furniture": [line, …]}`) of `text`; `path` names the file in errors.
    ///
    /// # Errors
    /// [`GoldError`] when the JSON does not parse, a kind is not one of
    /// `heading|paragraph|list_item|footnote`, units are not in strictly increasing line
    /// order, a unit or furniture line is not a word line of `text`, a unit starts on a
    /// furniture line, or the first word line of the text that is not furniture belongs to
    /// no unit.
    pub fn from_json(path: &str, json: &str, text: &str) -> Result<ExpectedSegmentation> {
        let bad = |message: String| GoldError {
            path: path.to_string(),
            message,
        };
        let raw: ExpectedJson = serde_json::from_str(json).map_err(|e| bad(e.to_string()))?;
        let word_lines: Vec<bool> = text.lines().map(is_word_line).collect();
        let is_word = |line: usize| line >= 1 && word_lines.get(line - 1) == Some(&true);
        let furniture: BTreeSet<usize> = raw.furniture.iter().copied().collect();
        if let Some(&l) = furniture.iter().find(|&&l| !is_word(l)) {
            return Err(bad(format!("furniture line {l} holds no letter or digit")));
        }
        let mut units = Vec::with_capacity(raw.units.len());
        for u in &raw.units {
            let kind = parse_kind(&u.kind)
                .ok_or_else(|| bad(format!("line {}: unknown kind {:?}", u.line, u.kind)))?;
            if !is_word(u.line) {
                return Err(bad(format!(
                    "unit at line {} starts on a line with no letter or digit",
                    u.line
                )));
            }
            if furniture.contains(&u.line) {
                return Err(bad(format!("unit at line {} starts on furniture", u.line)));
            }
            if units
                .last()
                .is_some_and(|p: &ExpectedUnit| p.line >= u.line)
            {
                return Err(bad(format!("unit at line {} is out of order", u.line)));
            }
            units.push(ExpectedUnit { line: u.line, kind });
        }
        let first_text = (1..=word_lines.len()).find(|&l| is_word(l) && !furniture.contains(&l));
        if let Some(first) = first_text
            && units.first().is_none_or(|u| u.line != first)
        {
            return Err(bad(format!(
                "line {first}, the first text line, starts no unit"
            )));
        }
        Ok(ExpectedSegmentation {
            units,
            furniture,
            split: raw.split,
            source_kind: raw.source_kind,
            word_lines,
        })
    }

    /// Whether `line` (1-based) holds a letter or digit.
    pub fn is_word_line(&self, line: usize) -> bool {
        line >= 1 && self.word_lines.get(line - 1) == Some(&true)
    }

    /// Whether `line` is text a reader keeps: a word line that is not furniture.
    pub fn is_text_line(&self, line: usize) -> bool {
        self.is_word_line(line) && !self.furniture.contains(&line)
    }

    /// Number of lines of the text.
    pub fn lines(&self) -> usize {
        self.word_lines.len()
    }
}

/// How a segmentation compares with the expected one: counts, with the ratios as methods
/// so that scores of many documents add up (micro-averages).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SegScore {
    /// Documents scored (1 for one document; the number added for totals).
    pub documents: usize,
    /// Expected unit boundaries.
    pub expected_units: usize,
    /// Distinct predicted unit boundaries.
    pub predicted_units: usize,
    /// Predicted boundaries that are expected boundaries.
    pub matched_units: usize,
    /// Matched boundaries whose unit has the expected kind.
    pub kind_correct: usize,
    /// Expected furniture lines.
    pub expected_furniture: usize,
    /// Word lines the segmenter removed as page furniture.
    pub predicted_furniture: usize,
    /// Expected furniture lines the segmenter removed as furniture.
    pub furniture_found: usize,
    /// Expected text lines (word lines that are not furniture).
    pub text_lines: usize,
    /// Expected text lines the segmenter removed or left outside every unit.
    pub text_lines_dropped: usize,
    /// Expected boundaries not predicted (first lines), for one document.
    pub missed: Vec<usize>,
    /// Predicted boundaries not expected, for one document.
    pub spurious: Vec<usize>,
    /// Matched boundaries with the wrong kind: (line, expected, predicted), for one document.
    pub wrong_kind: Vec<(usize, UnitKind, UnitKind)>,
    /// Expected text lines dropped, for one document.
    pub dropped: Vec<usize>,
}

/// `num / den`, 1 when both are 0 (nothing to find and nothing found is perfect).
fn ratio(num: usize, den: usize) -> f64 {
    if den == 0 {
        1.0
    } else {
        num as f64 / den as f64
    }
}

impl SegScore {
    /// Matched boundaries / predicted boundaries.
    pub fn precision(&self) -> f64 {
        ratio(self.matched_units, self.predicted_units)
    }

    /// Matched boundaries / expected boundaries.
    pub fn recall(&self) -> f64 {
        ratio(self.matched_units, self.expected_units)
    }

    /// Harmonic mean of boundary precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        }
    }

    /// Matched boundaries with the expected kind / matched boundaries.
    pub fn kind_accuracy(&self) -> f64 {
        ratio(self.kind_correct, self.matched_units)
    }

    /// Expected furniture removed / expected furniture.
    pub fn furniture_recall(&self) -> f64 {
        ratio(self.furniture_found, self.expected_furniture)
    }

    /// Expected furniture removed / word lines removed as furniture.
    pub fn furniture_precision(&self) -> f64 {
        ratio(self.furniture_found, self.predicted_furniture)
    }
}

impl AddAssign<&SegScore> for SegScore {
    /// Adds the counts of another score (the per-document lists are not carried over).
    fn add_assign(&mut self, other: &SegScore) {
        self.documents += other.documents;
        self.expected_units += other.expected_units;
        self.predicted_units += other.predicted_units;
        self.matched_units += other.matched_units;
        self.kind_correct += other.kind_correct;
        self.expected_furniture += other.expected_furniture;
        self.predicted_furniture += other.predicted_furniture;
        self.furniture_found += other.furniture_found;
        self.text_lines += other.text_lines;
        self.text_lines_dropped += other.text_lines_dropped;
    }
}

/// Whether an artifact kind removes a whole line (a footnote marker is cut out of a line
/// that stays).
fn removes_line(kind: ArtifactKind) -> bool {
    match kind {
        ArtifactKind::PageHeader | ArtifactKind::PageNumber | ArtifactKind::PageBreak => true,
        ArtifactKind::FootnoteMarker => false,
    }
}

/// Scores the segmentation `document` against `expected` (see the module docs).
pub fn score_segmentation(document: &Document, expected: &ExpectedSegmentation) -> SegScore {
    // Predicted boundary → kind of the first unit there.
    let mut predicted: BTreeMap<usize, UnitKind> = BTreeMap::new();
    for unit in &document.units {
        let boundary = (unit.line..=unit.end_line.max(unit.line))
            .find(|&l| expected.is_word_line(l))
            .unwrap_or(unit.line);
        predicted.entry(boundary).or_insert(unit.kind);
    }
    let expected_kinds: BTreeMap<usize, UnitKind> =
        expected.units.iter().map(|u| (u.line, u.kind)).collect();

    let mut score = SegScore {
        documents: 1,
        expected_units: expected_kinds.len(),
        predicted_units: predicted.len(),
        ..SegScore::default()
    };
    for (&line, &kind) in &predicted {
        match expected_kinds.get(&line) {
            Some(&want) => {
                score.matched_units += 1;
                if want == kind {
                    score.kind_correct += 1;
                } else {
                    score.wrong_kind.push((line, want, kind));
                }
            }
            None => score.spurious.push(line),
        }
    }
    score.missed = expected_kinds
        .keys()
        .filter(|l| !predicted.contains_key(l))
        .copied()
        .collect();

    let removed: BTreeSet<usize> = document
        .artifacts
        .iter()
        .filter(|a| removes_line(a.kind) && expected.is_word_line(a.line))
        .map(|a| a.line)
        .collect();
    score.expected_furniture = expected.furniture.len();
    score.predicted_furniture = removed.len();
    score.furniture_found = removed.intersection(&expected.furniture).count();

    // Which lines some unit's range covers (index = line number; index 0 unused).
    let mut covered = vec![false; expected.lines() + 1];
    for unit in &document.units {
        let end = unit.end_line.max(unit.line).min(expected.lines());
        if let Some(lines) = covered.get_mut(unit.line..=end) {
            lines.fill(true);
        }
    }
    for (line, &is_covered) in covered.iter().enumerate().skip(1) {
        if !expected.is_text_line(line) {
            continue;
        }
        score.text_lines += 1;
        if removed.contains(&line) || !is_covered {
            score.dropped.push(line);
        }
    }
    score.text_lines_dropped = score.dropped.len();
    score
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Artifact, Unit};

    fn unit(id: usize, kind: UnitKind, line: usize, end_line: usize) -> Unit {
        Unit {
            id,
            kind,
            block: crate::model::Block::Prose,
            number: None,
            section: None,
            parent: None,
            line,
            end_line,
            text: String::new(),
            norm: String::new(),
            source: None,
        }
    }

    fn artifact(kind: ArtifactKind, line: usize) -> Artifact {
        Artifact {
            kind,
            line,
            text: String::new(),
        }
    }

    // Ten lines: a heading, a paragraph broken by a page footer and header (lines 4-6,
    // with a form feed on line 5), a second paragraph, a box border, a list item.
    const TEXT: &str = "Title\n\
                        First paragraph starts\n\
                        and goes on\n\
                        Smith            [Page 1]\n\
                        \x0c\n\
                        RFC 1            Title\n\
                        and ends here.\n\
                        Second paragraph.\n\
                        ************\n\
                        - an item\n";

    const EXPECTED: &str = r#"{"split": "dev", "source_kind": "ietf-rfc",
        "units": [{"line": 1, "kind": "heading"}, {"line": 2, "kind": "paragraph"},
                  {"line": 8, "kind": "paragraph"}, {"line": 10, "kind": "list_item"}],
        "furniture": [4, 6]}"#;

    fn expected() -> ExpectedSegmentation {
        ExpectedSegmentation::from_json("e.json", EXPECTED, TEXT).unwrap()
    }

    #[test]
    fn parses_units_furniture_and_line_facts() {
        let e = expected();
        assert_eq!(e.units.len(), 4);
        assert_eq!(
            e.units[3],
            ExpectedUnit {
                line: 10,
                kind: UnitKind::ListItem
            }
        );
        assert_eq!(e.furniture.iter().copied().collect::<Vec<_>>(), [4, 6]);
        assert_eq!(e.split.as_deref(), Some("dev"));
        assert_eq!(e.source_kind.as_deref(), Some("ietf-rfc"));
        assert_eq!(e.lines(), 10);
        assert!(!e.is_word_line(5) && !e.is_word_line(9) && e.is_word_line(4));
        assert!(!e.is_text_line(4) && e.is_text_line(7));
    }

    #[test]
    fn rejects_inconsistent_files() {
        let bad = |json: &str| ExpectedSegmentation::from_json("e.json", json, TEXT).is_err();
        assert!(bad(r#"{"units": [{"line": 1, "kind": "title"}]}"#));
        assert!(bad(
            r#"{"units": [{"line": 1, "kind": "heading"}, {"line": 1, "kind": "paragraph"}]}"#
        ));
        assert!(bad(
            r#"{"units": [{"line": 1, "kind": "heading"}, {"line": 9, "kind": "paragraph"}]}"#
        ));
        assert!(bad(
            r#"{"units": [{"line": 1, "kind": "heading"}], "furniture": [5]}"#
        ));
        assert!(bad(
            r#"{"units": [{"line": 1, "kind": "heading"}, {"line": 4, "kind": "paragraph"}], "furniture": [4]}"#
        ));
        assert!(bad(r#"{"units": [{"line": 2, "kind": "paragraph"}]}"#));
        assert!(bad(r#"{"units": [], "extra": 1}"#));
        assert!(!bad(r#"{"units": [{"line": 1, "kind": "heading"}]}"#));
    }

    #[test]
    fn a_perfect_segmentation_scores_one_everywhere() {
        let doc = Document {
            path: "x".into(),
            units: vec![
                unit(0, UnitKind::Heading, 1, 1),
                unit(1, UnitKind::Paragraph, 2, 7),
                unit(2, UnitKind::Paragraph, 8, 8),
                unit(3, UnitKind::ListItem, 10, 10),
            ],
            artifacts: vec![
                artifact(ArtifactKind::PageHeader, 4),
                artifact(ArtifactKind::PageBreak, 5),
                artifact(ArtifactKind::PageHeader, 6),
            ],
        };
        let s = score_segmentation(&doc, &expected());
        // The form feed on line 5 holds no word: it is neither furniture nor text.
        assert_eq!(
            (
                s.expected_furniture,
                s.predicted_furniture,
                s.furniture_found
            ),
            (2, 2, 2)
        );
        assert_eq!(
            (s.precision(), s.recall(), s.f1(), s.kind_accuracy()),
            (1.0, 1.0, 1.0, 1.0)
        );
        assert_eq!((s.furniture_recall(), s.furniture_precision()), (1.0, 1.0));
        // Text lines: 1, 2, 3, 7, 8, 10.
        assert_eq!((s.text_lines, s.text_lines_dropped), (6, 0));
    }

    #[test]
    fn a_segmenter_that_cuts_at_every_line_and_keeps_the_furniture() {
        // One unit a line, lines 1-10, all paragraphs; nothing removed.
        let doc = Document {
            path: "x".into(),
            units: (1..=10)
                .map(|l| unit(l - 1, UnitKind::Paragraph, l, l))
                .collect(),
            artifacts: vec![],
        };
        let s = score_segmentation(&doc, &expected());
        // Predicted boundaries: 10 distinct lines (5 and 9 hold no word and keep their own
        // line); matched 1, 2, 8, 10.
        assert_eq!(
            (s.predicted_units, s.expected_units, s.matched_units),
            (10, 4, 4)
        );
        assert_eq!(s.precision(), 0.4);
        assert_eq!(s.recall(), 1.0);
        assert!((s.f1() - 2.0 * 0.4 / 1.4).abs() < 1e-12);
        // Kinds right at 2 and 8 only.
        assert_eq!(s.kind_correct, 2);
        assert_eq!(s.kind_accuracy(), 0.5);
        assert_eq!(
            s.wrong_kind,
            [
                (1, UnitKind::Heading, UnitKind::Paragraph),
                (10, UnitKind::ListItem, UnitKind::Paragraph)
            ]
        );
        assert_eq!(s.spurious, [3, 4, 5, 6, 7, 9]);
        assert!(s.missed.is_empty());
        assert_eq!((s.furniture_recall(), s.furniture_precision()), (0.0, 1.0));
        assert_eq!(s.text_lines_dropped, 0);
    }

    #[test]
    fn glued_units_missed_kinds_and_dropped_text() {
        // The segmenter glues heading and paragraph (1-8), removes line 7 (text!) and line
        // 6 as headers, a form feed on 5, and leaves line 10 outside every unit; a unit
        // opening on the box border (9) counts from its first word line, which is none.
        let doc = Document {
            path: "x".into(),
            units: vec![
                unit(0, UnitKind::Heading, 1, 8),
                unit(1, UnitKind::Paragraph, 9, 9),
            ],
            artifacts: vec![
                artifact(ArtifactKind::PageHeader, 6),
                artifact(ArtifactKind::PageBreak, 5),
                artifact(ArtifactKind::PageHeader, 7),
                artifact(ArtifactKind::FootnoteMarker, 3),
            ],
        };
        let s = score_segmentation(&doc, &expected());
        assert_eq!((s.predicted_units, s.matched_units), (2, 1));
        assert_eq!(s.precision(), 0.5);
        assert_eq!(s.recall(), 0.25);
        assert!((s.f1() - 1.0 / 3.0).abs() < 1e-12);
        assert_eq!(s.kind_accuracy(), 1.0);
        assert_eq!(s.missed, [2, 8, 10]);
        assert_eq!(s.spurious, [9]);
        // Removed word lines: 6 (furniture) and 7 (text); the marker on 3 removes no line.
        assert_eq!((s.predicted_furniture, s.furniture_found), (2, 1));
        assert_eq!((s.furniture_recall(), s.furniture_precision()), (0.5, 0.5));
        assert_eq!(s.dropped, [7, 10]);
        assert_eq!(s.text_lines_dropped, 2);
    }

    #[test]
    fn a_unit_opening_on_a_border_starts_at_its_first_word_line() {
        let text = "*****\n* Notice *\n*****\nBody.\n";
        let e = ExpectedSegmentation::from_json(
            "e.json",
            r#"{"units": [{"line": 2, "kind": "heading"}, {"line": 4, "kind": "paragraph"}]}"#,
            text,
        )
        .unwrap();
        let doc = Document {
            path: "x".into(),
            units: vec![
                unit(0, UnitKind::Heading, 1, 3),
                unit(1, UnitKind::Paragraph, 4, 4),
            ],
            artifacts: vec![],
        };
        let s = score_segmentation(&doc, &e);
        assert_eq!(
            (s.matched_units, s.predicted_units, s.expected_units),
            (2, 2, 2)
        );
    }

    #[test]
    fn scores_add_up_as_micro_averages() {
        let mut total = SegScore::default();
        let one = SegScore {
            documents: 1,
            expected_units: 4,
            predicted_units: 2,
            matched_units: 2,
            kind_correct: 1,
            text_lines: 10,
            text_lines_dropped: 1,
            missed: vec![3],
            ..SegScore::default()
        };
        let two = SegScore {
            documents: 1,
            expected_units: 6,
            predicted_units: 8,
            matched_units: 6,
            kind_correct: 6,
            expected_furniture: 2,
            predicted_furniture: 1,
            furniture_found: 1,
            ..SegScore::default()
        };
        total += &one;
        total += &two;
        assert_eq!(total.documents, 2);
        assert_eq!(total.precision(), 0.8);
        assert_eq!(total.recall(), 0.8);
        assert_eq!(total.kind_accuracy(), 7.0 / 8.0);
        assert_eq!(
            (total.furniture_recall(), total.furniture_precision()),
            (0.5, 1.0)
        );
        assert_eq!((total.text_lines, total.text_lines_dropped), (10, 1));
        assert!(total.missed.is_empty());
        // Nothing expected and nothing predicted is perfect, not a division by zero.
        assert_eq!(SegScore::default().f1(), 1.0);
    }
}
