//! Checks every gold file of `tests/corpus/align/`: the files of each pair, well-formed keys
//! that name the start of a unit as a reader sees it, no duplicate link, sure ∩ possible
//! empty, and a gold that scores exactly 1.0 against itself through `draftdiff::eval`.
//!
//! The units here are the *expected* segmentation, independent of draftdiff's segmenter: a
//! unit starts at a non-blank line that follows a blank line (or starts the file), or at a
//! numbered or heading line. Whether draftdiff's segmenter agrees is measured by the
//! harness (`align_corpus.rs`), not here.

mod align_corpus_pairs;

use std::collections::BTreeSet;

use align_corpus_pairs::{Pair, pairs};
use draftdiff::eval::{Gold, score};
use draftdiff::model::{Change, Evidence, Link, LinkShape};
use draftdiff::{Alignment, Document, Unit, UnitKind};

/// Panics with every problem found, one per line, if there is any.
fn report(what: &str, problems: Vec<String>) {
    assert!(
        problems.is_empty(),
        "{what}: {} problem(s)\n{}",
        problems.len(),
        problems.join("\n")
    );
}

fn gold(pair: &Pair) -> Gold {
    Gold::from_json(&pair.gold_path.to_string_lossy(), &pair.gold_json)
        .unwrap_or_else(|e| panic!("{}: {e}", pair.name))
}

fn lines(text: &str) -> Vec<&str> {
    text.split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .collect()
}

fn blank(line: &str) -> bool {
    line.trim().is_empty()
}

/// `IV`, `XII`: a roman numeral in capitals (validity of the sequence is not checked).
fn is_roman(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| "IVXLCDM".contains(c))
}

/// The paragraph number (`17.`, `3.2.`, `(17a)`) or roman heading number (`IV.`) a line
/// starts with, possibly after a word such as `Article` or `Chapter`: `("p", "17")`,
/// `("h", "IV")`. A bare number must be followed by `.` or `)` (or stand alone on its
/// line), so that "16 months" or "I am" in running text is not taken for a number.
fn marker(line: &str) -> Option<(&'static str, String)> {
    let mut rest = line.trim_start();
    let mut prefixed = false;
    for word in [
        "Article", "ARTICLE", "Art.", "Artikel", "Section", "SECTION", "Sec.", "§", "Chapter",
        "CHAPTER", "Part", "PART", "Title", "TITLE", "Book", "BOOK",
    ] {
        if let Some(r) = rest.strip_prefix(word)
            && r.starts_with(char::is_whitespace)
        {
            rest = r.trim_start();
            prefixed = true;
            break;
        }
    }
    let rest = rest.strip_prefix('(').unwrap_or(rest);
    let end = rest
        .find(|c: char| c.is_whitespace() || c == ')' || c == ':')
        .unwrap_or(rest.len());
    let raw = &rest[..end];
    let token = raw.trim_end_matches('.');
    let punctuated =
        raw.ends_with('.') || rest[end..].starts_with(')') || prefixed || end == rest.len();
    if token.is_empty() || !punctuated {
        return None;
    }
    if is_roman(token) {
        return Some(("h", token.to_string()));
    }
    let numeric = token.starts_with(|c: char| c.is_ascii_digit())
        && token.chars().all(|c| c.is_ascii_alphanumeric() || c == '.');
    numeric.then(|| ("p", token.to_string()))
}

/// Whether line `i` (0-based) starts a unit in a reader's eyes.
fn starts_unit(lines: &[&str], i: usize) -> bool {
    let line = lines[i];
    if blank(line) {
        return false;
    }
    i == 0
        || blank(lines[i - 1])
        || setext_underline(lines[i - 1])
        || closes_fence(lines, i - 1)
        || line.trim_start().starts_with('#')
        || marker(line).is_some()
}

/// Whether line `i` closes a fenced code block (```` ``` ```` or `~~~`), so that the line
/// after it starts a block of its own even without a blank line between (CommonMark: a
/// kramdown `{: #fig…}` attribute line after a figure is a paragraph).
fn closes_fence(lines: &[&str], i: usize) -> bool {
    let fence = |l: &str| {
        let t = l.trim_start();
        l.len() - t.len() < 4 && (t.starts_with("```") || t.starts_with("~~~"))
    };
    if !fence(lines[i]) {
        return false;
    }
    let open = lines[..i].iter().filter(|l| fence(l)).count();
    open % 2 == 1
}

/// Whether `line` underlines the title above it (`----` or `====`, CommonMark's setext
/// heading), so that the line after it starts the heading's first paragraph.
fn setext_underline(line: &str) -> bool {
    let t = line.trim();
    t.len() >= 3 && (t.bytes().all(|b| b == b'-') || t.bytes().all(|b| b == b'='))
}

/// The expected segmentation of a file as a draftdiff [`Document`]: one unit per unit
/// start, numbered when its first line carries a paragraph or roman heading number.
fn expected_document(path: &str, text: &str) -> Document {
    let lines = lines(text);
    let starts: Vec<usize> = (0..lines.len())
        .filter(|&i| starts_unit(&lines, i))
        .collect();
    let units = starts
        .iter()
        .enumerate()
        .map(|(id, &i)| {
            let end = starts.get(id + 1).copied().unwrap_or(lines.len());
            let body: Vec<&str> = lines[i..end]
                .iter()
                .copied()
                .filter(|l| !blank(l))
                .collect();
            let (kind, number) = match marker(lines[i]) {
                Some(("h", n)) => (UnitKind::Heading, Some(n)),
                Some((_, n)) => (UnitKind::Paragraph, Some(n)),
                None => (UnitKind::Paragraph, None),
            };
            let text = body.join(" ");
            Unit {
                id,
                kind,
                block: draftdiff::model::Block::Prose,
                number,
                section: None,
                parent: None,
                line: i + 1,
                end_line: i + body.len(),
                norm: text.to_lowercase(),
                source: None,
                text,
            }
        })
        .collect();
    Document {
        path: path.to_string(),
        units,
        artifacts: Vec::new(),
    }
}

/// Why `key` does not name a unit start of `text`, or `None` when it does.
/// `---`, `***`, `___` (three or more, spaces between allowed) alone on a line: a Markdown
/// thematic break, which no segmenter reads as a unit.
fn is_thematic_break(line: &str) -> bool {
    let marks: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    marks.len() >= 3
        && ["-", "*", "_"]
            .iter()
            .any(|m| marks.chars().all(|c| c.to_string() == *m))
}

fn key_problem(text: &str, key: &str) -> Option<String> {
    let lines = lines(text);
    let (kind, rest) = key.split_at(key.char_indices().nth(1).map_or(key.len(), |(i, _)| i));
    match kind {
        "L" => {
            let Ok(n) = rest.parse::<usize>() else {
                return Some(format!("{key}: not a line number"));
            };
            if n == 0 || n > lines.len() {
                return Some(format!("{key}: the file has {} lines", lines.len()));
            }
            if blank(lines[n - 1]) {
                return Some(format!("{key}: line {n} is blank"));
            }
            if is_thematic_break(lines[n - 1]) {
                return Some(format!(
                    "{key}: line {n} is a thematic break, neither a paragraph nor a heading"
                ));
            }
            if !starts_unit(&lines, n - 1) {
                return Some(format!(
                    "{key}: line {n} continues the unit above it: {:?}",
                    lines[n - 1]
                ));
            }
            None
        }
        "p" | "h" => {
            let well_formed = if kind == "h" {
                is_roman(rest)
            } else {
                rest.starts_with(|c: char| c.is_ascii_digit())
                    && rest.chars().all(|c| c.is_ascii_alphanumeric() || c == '.')
            };
            if !well_formed {
                return Some(format!("{key}: malformed key"));
            }
            let found = (0..lines.len()).any(|i| {
                starts_unit(&lines, i)
                    && marker(lines[i]) == Some((kind_str(kind), rest.to_string()))
            });
            (!found).then(|| format!("{key}: no unit starts with that number"))
        }
        _ => Some(format!("{key}: a key is pN, hR or LN")),
    }
}

fn kind_str(kind: &str) -> &'static str {
    if kind == "h" { "h" } else { "p" }
}

fn read(path: &std::path::Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn corpus_has_dev_and_test_pairs_with_heavy_ones_in_both() {
    let pairs = pairs();
    for split in ["dev", "test"] {
        let of_split: Vec<&Pair> = pairs.iter().filter(|p| p.meta.split == split).collect();
        eprintln!(
            "{split}: {} pairs, {} heavy",
            of_split.len(),
            of_split.iter().filter(|p| p.meta.heavy).count()
        );
        assert!(!of_split.is_empty(), "no {split} pair");
        assert!(
            of_split.iter().any(|p| p.meta.heavy),
            "no heavy {split} pair"
        );
    }
}

#[test]
fn every_pair_has_its_versions_meta_and_source() {
    let mut problems = Vec::new();
    for pair in pairs() {
        for path in [&pair.old, &pair.new] {
            if !path.is_file() {
                problems.push(format!("{}: {} is missing", pair.name, path.display()));
            }
        }
        if !["dev", "test"].contains(&pair.meta.split.as_str()) {
            problems.push(format!(
                "{}: split {:?} is not dev or test",
                pair.name, pair.meta.split
            ));
        }
        if pair.meta.kind.trim().is_empty() || pair.meta.language.trim().is_empty() {
            problems.push(format!(
                "{}: meta.json needs a kind and a language",
                pair.name
            ));
        }
        match std::fs::read_to_string(pair.dir.join("SOURCE.md")) {
            Ok(source) if source.to_lowercase().contains("licen") => {}
            Ok(_) => problems.push(format!("{}: SOURCE.md does not state a licence", pair.name)),
            Err(_) => problems.push(format!("{}: SOURCE.md is missing", pair.name)),
        }
    }
    report("pair files", problems);
}

#[test]
fn every_gold_key_names_a_unit_start_of_its_file() {
    let mut problems = Vec::new();
    let mut keys = 0;
    for pair in pairs() {
        let gold = gold(&pair);
        let (old, new) = (read(&pair.old), read(&pair.new));
        if gold.sure.is_empty() {
            problems.push(format!("{}: no sure link", pair.name));
        }
        for (o, n) in gold.sure.iter().chain(&gold.possible) {
            keys += 2;
            for (side, text, key) in [("old", &old, o), ("new", &new, n)] {
                if let Some(p) = key_problem(text, key) {
                    problems.push(format!("{} ({side}): {p}", pair.name));
                }
            }
        }
    }
    eprintln!("{keys} keys checked");
    assert!(keys > 0, "no gold key at all");
    report("gold keys", problems);
}

/// Keys name lines, never a kind: `pN` and `hR` stop naming their unit when a segmenter
/// reads it as another kind (a numbered paragraph as a list item), `LN` does not.
#[test]
fn every_gold_key_names_a_line() {
    let mut problems = Vec::new();
    for pair in pairs() {
        let gold = gold(&pair);
        for (o, n) in gold.sure.iter().chain(&gold.possible) {
            for key in [o, n] {
                if !key.starts_with('L') {
                    problems.push(format!(
                        "{}: {key} names a kind; name its line (LN)",
                        pair.name
                    ));
                }
            }
        }
    }
    report("kind-free keys", problems);
}

#[test]
fn no_duplicate_links_and_sure_and_possible_are_disjoint() {
    let mut problems = Vec::new();
    for pair in pairs() {
        let gold = gold(&pair);
        for (name, links) in [("sure", &gold.sure), ("possible", &gold.possible)] {
            let mut seen = BTreeSet::new();
            for link in links {
                if !seen.insert(link) {
                    problems.push(format!("{}: {name} lists {link:?} twice", pair.name));
                }
            }
        }
        let sure: BTreeSet<_> = gold.sure.iter().collect();
        for link in &gold.possible {
            if sure.contains(link) {
                problems.push(format!("{}: {link:?} is both sure and possible", pair.name));
            }
        }
    }
    report("duplicate links", problems);
}

#[test]
fn every_gold_scores_one_against_itself() {
    let mut problems = Vec::new();
    for pair in pairs() {
        let gold = gold(&pair);
        let old = expected_document("old", &read(&pair.old));
        let new = expected_document("new", &read(&pair.new));
        // The gold's sure links, as an alignment of one-to-one links between the units
        // the keys name in the expected segmentation.
        let links = gold
            .sure
            .iter()
            .filter_map(|(o, n)| {
                let o = draftdiff::eval::resolve_key(&old, o)?;
                let n = draftdiff::eval::resolve_key(&new, n)?;
                Some(Link {
                    old: vec![o],
                    new: vec![n],
                    score: 1.0,
                    shape: LinkShape::OneToOne,
                    change: Change::Edited,
                    moved: false,
                    evidence: Evidence::default(),
                })
            })
            .collect();
        let alignment = Alignment {
            links,
            ..Alignment::default()
        };
        let s = score(&gold, &old, &new, &alignment);
        if s.precision != 1.0 || s.recall != 1.0 || s.f1 != 1.0 {
            problems.push(format!("{}: {s}", pair.name));
        }
        if s.sure != gold.sure.len() || s.predicted != gold.sure.len() {
            problems.push(format!(
                "{}: {} sure links but {} distinct unit pairs",
                pair.name,
                gold.sure.len(),
                s.predicted
            ));
        }
    }
    report("gold against itself", problems);
}

#[test]
fn expected_segmentation_follows_blank_lines_numbers_and_headings() {
    let text =
        "Title\n\nFirst paragraph\ncontinued.\n# Heading\n12. Numbered\nIV. Roman\n\n  16 months\n";
    let doc = expected_document("t", text);
    let starts: Vec<usize> = doc.units.iter().map(|u| u.line).collect();
    assert_eq!(starts, vec![1, 3, 5, 6, 7, 9]);
    assert_eq!(doc.units[3].number.as_deref(), Some("12"));
    assert_eq!(doc.units[4].kind, UnitKind::Heading);
    assert_eq!(
        key_problem(text, "L4").map(|p| p.contains("continues")),
        Some(true)
    );
    assert_eq!(
        key_problem(text, "L2").map(|p| p.contains("blank")),
        Some(true)
    );
    assert_eq!(key_problem(text, "p12"), None);
    assert_eq!(key_problem(text, "hIV"), None);
    assert!(
        key_problem(text, "p16").is_some(),
        "running text is not paragraph 16"
    );
    assert!(key_problem(text, "x1").is_some());
}
