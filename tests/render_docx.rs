//! The Word redline (`--format docx`): its tracked changes are the report's word diffs,
//! accepting all of them gives the new text and rejecting all of them the old text (by a
//! walk of `word/document.xml` here, and by pandoc where it is installed), and the same
//! inputs give the same bytes.

use std::io::Read;
use std::path::Path;
use std::process::Command;

use assert_cmd::cargo::cargo_bin_cmd;
use draftdiff::diff::{DiffOptions, report};
use draftdiff::model::{OpKind, Report, Unit};
use draftdiff::read::TrackedChanges;
use draftdiff::render::docx::{RedlineOptions, redline};
use draftdiff::segment::segment;
use draftdiff::{AlignOptions, ReadOptions, SegmentOptions};
use quick_xml::events::Event;

const OLD: &str = "tests/fixtures/redline/old.txt";
const NEW: &str = "tests/fixtures/redline/new.txt";

fn build_texts(old: &str, new: &str) -> Report {
    let old = segment("old.txt", old, &SegmentOptions::new());
    let new = segment("new.txt", new, &SegmentOptions::new());
    let alignment = draftdiff::align(&old, &new, &AlignOptions::new());
    report(old, new, alignment, &DiffOptions::new())
}

fn build_files(old: &str, new: &str) -> Report {
    let old = draftdiff::load(old, &ReadOptions::new(), &SegmentOptions::new()).expect("old loads");
    let new = draftdiff::load(new, &ReadOptions::new(), &SegmentOptions::new()).expect("new loads");
    let alignment = draftdiff::align(&old, &new, &AlignOptions::new());
    report(old, new, alignment, &DiffOptions::new())
}

/// The reports the properties are checked on: the redline fixture (an edit, a move, a
/// merge, a split, an added and a removed paragraph, spacing-only edits) and the hand-made
/// cases of the other renderers, and the reference pair as Word files (footnotes, numbers
/// computed from Word's numbering, 146 units).
fn reports() -> Vec<(String, Report)> {
    let mut out = vec![
        ("redline".to_string(), build_files(OLD, NEW)),
        (
            "office".to_string(),
            build_files(
                "tests/fixtures/office/outline-draft.docx",
                "tests/fixtures/office/final-report.docx",
            ),
        ),
    ];
    for case in ["identical", "merge", "move", "renumber", "split"] {
        let dir = format!("tests/fixtures/cases/{case}");
        out.push((
            case.to_string(),
            build_files(&format!("{dir}/old.txt"), &format!("{dir}/new.txt")),
        ));
    }
    out
}

fn docx(report: &Report) -> Vec<u8> {
    let mut out = Vec::new();
    redline(report, &RedlineOptions::new(), &mut out).expect("writes");
    out
}

fn part(docx: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("a zip archive");
    let mut text = String::new();
    zip.by_name(name)
        .expect("part present")
        .read_to_string(&mut text)
        .expect("utf-8 part");
    text
}

/// A run of a paragraph as the XML says it: plain, inserted or deleted.
#[derive(Debug, Clone, PartialEq)]
struct Run {
    kind: OpKind,
    text: String,
}

/// A paragraph of `word/document.xml`: style, runs, and what became of its mark.
#[derive(Debug, Clone, Default)]
struct Para {
    style: String,
    runs: Vec<Run>,
    mark: Option<OpKind>,
}

/// Reads the paragraphs of `word/document.xml`, with their tracked changes.
fn paragraphs(xml: &str) -> Vec<Para> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut out = Vec::new();
    let mut para: Option<Para> = None;
    let mut kind = OpKind::Equal;
    let mut in_ppr = false;
    let mut in_text = false;
    let push = |para: &mut Option<Para>, kind: OpKind, text: &str| {
        let p = para.as_mut().expect("text inside a paragraph");
        match p.runs.last_mut() {
            Some(last) if last.kind == kind => last.text.push_str(text),
            _ => p.runs.push(Run {
                kind,
                text: text.to_string(),
            }),
        }
    };
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() == b"w:p" && para.is_none() => {
                para = Some(Para::default());
            }
            Event::Start(e) => match e.name().as_ref() {
                b"w:pPr" => in_ppr = true,
                b"w:ins" => kind = OpKind::Insert,
                b"w:del" => kind = OpKind::Delete,
                b"w:t" | b"w:delText" => {
                    let del = e.name().as_ref() == b"w:delText";
                    assert_eq!(
                        del,
                        kind == OpKind::Delete,
                        "w:delText exactly in deletions"
                    );
                    in_text = true;
                }
                _ => {}
            },
            Event::Empty(e) => match e.name().as_ref() {
                b"w:ins" | b"w:del" if in_ppr => {
                    let p = para.as_mut().expect("a paragraph");
                    p.mark = Some(if e.name().as_ref() == b"w:ins" {
                        OpKind::Insert
                    } else {
                        OpKind::Delete
                    });
                }
                b"w:pStyle" => {
                    let val = e
                        .try_get_attribute("w:val")
                        .expect("attribute")
                        .expect("w:val");
                    para.as_mut().expect("a paragraph").style =
                        String::from_utf8(val.value.to_vec()).expect("utf-8");
                }
                b"w:tab" => push(&mut para, kind, "\t"),
                b"w:br" => push(&mut para, kind, "\n"),
                _ => {}
            },
            Event::Text(t) if in_text => {
                let s = t.xml10_content().expect("text");
                push(&mut para, kind, &s);
            }
            Event::GeneralRef(r) if in_text => {
                let s = match r.resolve_char_ref().expect("reference") {
                    Some(c) => c.to_string(),
                    None => match r.decode().expect("utf-8").as_ref() {
                        "amp" => "&".to_string(),
                        "lt" => "<".to_string(),
                        "gt" => ">".to_string(),
                        "quot" => "\"".to_string(),
                        "apos" => "'".to_string(),
                        other => panic!("unknown entity {other}"),
                    },
                };
                push(&mut para, kind, &s);
            }
            Event::End(e) => match e.name().as_ref() {
                b"w:p" => out.push(para.take().expect("a paragraph")),
                b"w:pPr" => in_ppr = false,
                b"w:ins" | b"w:del" => kind = OpKind::Equal,
                b"w:t" | b"w:delText" => in_text = false,
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

/// The text after Word's "accept all" (`accept`) or "reject all": the runs of the kept
/// side, and a paragraph break at every mark that side keeps. Empty paragraphs dropped.
fn resolve(paras: &[Para], accept: bool) -> Vec<String> {
    let dropped = if accept {
        OpKind::Delete
    } else {
        OpKind::Insert
    };
    let mut out = Vec::new();
    let mut current = String::new();
    for p in paras {
        for run in p.runs.iter().filter(|r| r.kind != dropped) {
            current.push_str(&run.text);
        }
        if p.mark != Some(dropped) {
            out.push(std::mem::take(&mut current));
        }
    }
    out.push(current);
    out.retain(|p| !p.is_empty());
    out
}

/// A unit as the redline prints it: its number as text, then its text.
fn printed(unit: &Unit) -> String {
    match unit.number.as_deref() {
        Some(n) if n.ends_with(')') || n.ends_with('.') => format!("{n} {}", unit.text),
        Some(n) => format!("{n}. {}", unit.text),
        None => unit.text.clone(),
    }
}

fn side(units: &[Unit]) -> Vec<String> {
    units.iter().map(printed).collect()
}

#[test]
fn accepting_all_gives_the_new_text_and_rejecting_all_the_old() {
    for (name, report) in reports() {
        let paras = paragraphs(&part(&docx(&report), "word/document.xml"));
        assert_eq!(
            resolve(&paras, true),
            side(&report.new.units),
            "{name}: accept all"
        );
        assert_eq!(
            resolve(&paras, false),
            side(&report.old.units),
            "{name}: reject all"
        );
    }
}

#[test]
fn the_fixture_has_every_kind_of_change() {
    // The properties above are only as good as the fixture: make sure it keeps its kinds.
    let s = build_files(OLD, NEW).summary;
    assert!(
        s.edited > 0 && s.moved > 0 && s.merged > 0 && s.split > 0,
        "{s:?}"
    );
    assert!(s.added > 0 && s.removed > 0 && s.unchanged > 0, "{s:?}");
}

#[test]
fn comments_name_where_moved_merged_and_split_paragraphs_come_from() {
    let bytes = docx(&build_files(OLD, NEW));
    let comments = part(&bytes, "word/comments.xml");
    for note in [
        "Moved from old ¶8 (renumbered)",
        "Moved to new ¶3",
        "Old ¶5 + ¶6 merged into ¶5",
        "Old ¶7 split into ¶6 + ¶7",
    ] {
        assert!(comments.contains(note), "{note} in {comments}");
    }
    // Every comment is anchored once in the text.
    let xml = part(&bytes, "word/document.xml");
    let notes = comments.matches("<w:comment ").count();
    assert_eq!(notes, 4);
    assert_eq!(xml.matches("<w:commentReference ").count(), notes);
}

#[test]
fn tracked_runs_carry_exactly_the_diffs_words() {
    let report = build_texts(
        "1. The cat sat on the mat near the door.\n",
        "1. The black cat sat on a mat near the door.\n",
    );
    assert_eq!(report.diffs.len(), 1);
    let paras = paragraphs(&part(&docx(&report), "word/document.xml"));
    assert_eq!(paras.len(), 1);
    let changed = |kind: OpKind, runs: Vec<(OpKind, &str)>| -> Vec<String> {
        runs.into_iter()
            .filter(|(k, _)| *k == kind)
            .map(|(_, t)| t.to_string())
            .collect()
    };
    let written: Vec<(OpKind, &str)> = paras[0]
        .runs
        .iter()
        .map(|r| (r.kind, r.text.as_str()))
        .collect();
    let diffed: Vec<(OpKind, &str)> = report.diffs[0]
        .ops
        .iter()
        .map(|o| (o.kind, o.text.as_str()))
        .collect();
    for kind in [OpKind::Insert, OpKind::Delete] {
        assert_eq!(
            changed(kind, written.clone()),
            changed(kind, diffed.clone()),
            "{kind:?} runs"
        );
    }
    // Spaces ride with the word before them, as in the report.
    assert_eq!(changed(OpKind::Insert, written.clone()), ["black ", "a "]);
    assert_eq!(changed(OpKind::Delete, written), ["the "]);
    // The number is text, outside any change.
    assert_eq!(paras[0].runs[0].kind, OpKind::Equal);
    assert!(paras[0].runs[0].text.starts_with("1. The "));
}

#[test]
fn spacing_the_diff_ignores_is_still_a_tracked_change() {
    // The report's diff ignores the width of spaces: "23 of" and "23of" are one equal run
    // there (with its old spelling); the redline must track the space, or "reject all"
    // would not be the old text.
    let report = build_texts(
        "1. Resolution 37/23 of the Assembly on capacity building.\n",
        "1. Resolution 37/23of the Assembly on capacitybuilding.\n",
    );
    let paras = paragraphs(&part(&docx(&report), "word/document.xml"));
    assert_eq!(resolve(&paras, false), side(&report.old.units));
    assert_eq!(resolve(&paras, true), side(&report.new.units));
    assert!(
        paras[0].runs.iter().any(|r| r.kind == OpKind::Delete),
        "{paras:?}"
    );
}

#[test]
fn headings_lists_and_paragraphs_get_their_styles() {
    let report = build_texts(
        "I. Scope\n\n1. The rules apply to:\n\n(a) vessels;\n\n(b) ports.\n\n1.2 Terms\n\nText.\n",
        "I. Scope\n\n1. The rules apply to:\n\n(a) vessels;\n\n(b) harbours.\n\n1.2 Terms\n\nText.\n",
    );
    let paras = paragraphs(&part(&docx(&report), "word/document.xml"));
    let styles: Vec<&str> = paras.iter().map(|p| p.style.as_str()).collect();
    let kinds: Vec<_> = report.new.units.iter().map(|u| u.kind).collect();
    assert_eq!(styles.len(), kinds.len(), "{styles:?} {kinds:?}");
    for (style, unit) in styles.iter().zip(&report.new.units) {
        let want = match unit.kind {
            draftdiff::UnitKind::Heading => style.starts_with("Heading"),
            draftdiff::UnitKind::Paragraph => *style == "Normal",
            draftdiff::UnitKind::ListItem => *style == "ListParagraph",
            draftdiff::UnitKind::Footnote => *style == "FootnoteText",
        };
        assert!(want, "{style} for {:?}", unit.kind);
    }
    let xml = part(&docx(&report), "word/styles.xml");
    for id in [
        "Heading1",
        "Heading2",
        "ListParagraph",
        "FootnoteText",
        "Normal",
    ] {
        assert!(xml.contains(&format!("w:styleId=\"{id}\"")), "{id}");
    }
    assert!(xml.contains("<w:name w:val=\"heading 1\"/>"));
}

#[test]
fn text_is_escaped_and_forbidden_characters_are_shown() {
    let report = build_texts(
        "1. Rates <5% & \"fees\" apply.\n",
        "1. Rates <6% & \"fees\" apply\u{1b}[2J\u{0}.\n",
    );
    let bytes = docx(&report);
    let xml = part(&bytes, "word/document.xml");
    assert!(!xml.contains('\u{1b}') && !xml.contains('\u{0}'));
    let paras = paragraphs(&xml);
    let accepted = resolve(&paras, true).join("\n");
    assert!(accepted.contains("<6% & \"fees\""), "{accepted}");
    assert!(accepted.contains("^[[2J^@"), "{accepted}");
    assert_eq!(resolve(&paras, false), side(&report.old.units));
}

#[test]
fn the_same_report_gives_the_same_bytes() {
    let report = build_files(OLD, NEW);
    assert_eq!(docx(&report), docx(&report));
    let xml = part(&docx(&report), "word/document.xml");
    assert!(xml.contains("w:author=\"draftdiff\""));
    assert!(!xml.contains("w:date"), "no date unless one is given");
}

#[test]
fn the_command_writes_the_same_file_twice() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut files = Vec::new();
    for name in ["a.docx", "b.docx"] {
        let out = dir.path().join(name);
        cargo_bin_cmd!("draftdiff")
            .args([OLD, NEW, "--format", "docx", "-o"])
            .arg(&out)
            .assert()
            .code(0);
        files.push(std::fs::read(&out).expect("written"));
    }
    assert_eq!(files[0], files[1]);
    assert_eq!(&files[0][..2], b"PK");
    // To a pipe (not a terminal) it is written as it is.
    let piped = cargo_bin_cmd!("draftdiff")
        .args([OLD, NEW, "--format", "docx"])
        .output()
        .expect("runs");
    assert_eq!(piped.stdout, files[0]);
    // --author signs every change, escaped.
    let signed = cargo_bin_cmd!("draftdiff")
        .args([OLD, NEW, "--format", "docx", "--author", "A & B"])
        .output()
        .expect("runs");
    let xml = part(&signed.stdout, "word/document.xml");
    assert!(xml.contains("w:author=\"A &amp; B\""));
    assert!(!xml.contains("w:author=\"draftdiff\""));
}

#[test]
fn date_dates_every_change_and_comment() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (given, written) in [
        ("2026-11-30", "2026-11-30T00:00:00Z"),
        // An RFC 3339 time with an offset is written in UTC, as Word writes dates.
        ("2026-12-01T00:30:00.5+01:00", "2026-11-30T23:30:00Z"),
    ] {
        let out = dir.path().join("dated.docx");
        cargo_bin_cmd!("draftdiff")
            .args([OLD, NEW, "--format", "docx", "--date", given, "-o"])
            .arg(&out)
            .assert()
            .code(0);
        let bytes = std::fs::read(&out).expect("written");
        let xml = part(&bytes, "word/document.xml");
        let comments = part(&bytes, "word/comments.xml");
        let attribute = format!("w:date=\"{written}\"");
        // Every tracked change (runs and paragraph marks) and every comment, nothing else.
        let changes = xml.matches("<w:ins ").count() + xml.matches("<w:del ").count();
        let notes = comments.matches("<w:comment ").count();
        assert!(
            changes > 10 && notes == 4,
            "{changes} changes, {notes} comments"
        );
        assert_eq!(xml.matches(&attribute).count(), changes, "{given}");
        assert_eq!(comments.matches(&attribute).count(), notes, "{given}");
        assert_eq!(xml.matches("w:date=").count(), changes);
        // Dated or not, the same text.
        let undated = docx(&build_files(OLD, NEW));
        let paras = |b: &[u8]| resolve(&paragraphs(&part(b, "word/document.xml")), true);
        assert_eq!(paras(&bytes), paras(&undated));
    }
    // Outside the redline it does nothing, and says so.
    cargo_bin_cmd!("draftdiff")
        .args([OLD, NEW, "--format", "json", "--date", "2026-11-30"])
        .assert()
        .code(0)
        .stderr(predicates::str::contains(
            "--date has no effect on --format json; ignored",
        ));
}

#[test]
fn a_bad_date_is_refused_before_anything_is_written() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("never.docx");
    for (bad, why) in [
        // The calendar's messages are the `time` crate's; each names the field.
        ("2026-02-29", "day"),
        ("30/11/2026", "not a date or time"),
        ("2026-11-30T25:00:00Z", "hour"),
        ("2026-11-30T10:00:00", "offset"),
        ("2026-12-31T23:59:60Z", "leap second"),
        ("2026-11-30_10:00:00Z", "after a `T`"),
    ] {
        let run = cargo_bin_cmd!("draftdiff")
            .args([OLD, NEW, "--format", "docx", "--date", bad, "-o"])
            .arg(&out)
            .output()
            .expect("runs");
        let err = String::from_utf8_lossy(&run.stderr);
        assert_eq!(run.status.code(), Some(2), "{bad}: {err}");
        assert!(err.contains("--date") && err.contains(why), "{bad}: {err}");
        assert!(!err.contains("panicked"), "{err}");
        assert!(!out.exists(), "{bad}: nothing written");
    }
}

/// What a unit is, for comparing two readings of the same text.
fn shape(units: &[Unit]) -> Vec<(draftdiff::UnitKind, Option<String>, String)> {
    units
        .iter()
        .map(|u| (u.kind, u.number.clone(), u.text.clone()))
        .collect()
}

#[test]
fn draftdiffs_word_reader_reads_the_redline_back_as_new_and_as_old() {
    // Tracked paragraph marks honoured: merges, splits, removed and added paragraphs come
    // back as the units they were, kinds and numbers included.
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, report) in reports() {
        let file = dir.path().join(format!("{name}.docx"));
        std::fs::write(&file, docx(&report)).expect("written");
        let path = file.to_str().expect("utf-8 path");
        for (tracked, units, which) in [
            (TrackedChanges::Accepted, &report.new.units, "accepted: new"),
            (TrackedChanges::Original, &report.old.units, "original: old"),
        ] {
            let read = draftdiff::load(
                path,
                &ReadOptions::new().tracked_changes(tracked),
                &SegmentOptions::new(),
            )
            .expect("the redline reads");
            assert_eq!(shape(&read.units), shape(units), "{name}, {which}");
        }
    }
}

#[test]
fn the_reference_redline_compares_equal_to_new_and_to_old_with_original() {
    // Through the binary, as a user checks a redline: NEW against the redline says they
    // are the same, and so does OLD against the redline read as the original.
    let old = "examples/data/outline-draft.txt";
    let new = "examples/data/final-report.txt";
    let dir = tempfile::tempdir().expect("temp dir");
    let redline = dir.path().join("redline.docx");
    cargo_bin_cmd!("draftdiff")
        .args([old, new, "--format", "docx", "-o"])
        .arg(&redline)
        .assert()
        .code(0);
    for (args, units) in [(vec![new], 146), (vec!["--original", old], 45)] {
        let out = cargo_bin_cmd!("draftdiff")
            .args(&args)
            .arg(&redline)
            .args(["--exit-code", "--color", "never", "--width", "400"])
            .output()
            .expect("runs");
        let text = String::from_utf8_lossy(&out.stdout);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {text}");
        assert!(
            text.contains(&format!("have the same {units} units")),
            "{args:?}: {text}"
        );
    }
}

/// Runs pandoc on `file` with `--track-changes=MODE` and returns its plain text.
fn pandoc(file: &Path, mode: &str) -> String {
    let out = Command::new("pandoc")
        .arg(format!("--track-changes={mode}"))
        .args(["-t", "plain", "--wrap=none"])
        .arg(file)
        .output()
        .expect("pandoc runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

fn pandoc_present() -> bool {
    Command::new("pandoc")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn pandoc_reads_the_new_text_accepted_and_the_old_text_rejected() {
    if !pandoc_present() {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "pandoc is missing, and CI must run this test (.ci/run installs it)"
        );
        eprintln!("SKIPPED: pandoc is not installed");
        return;
    }
    // pandoc joins two paragraphs across a removed paragraph mark with a space where Word
    // joins them directly, and lays paragraphs out its own way: compare without spaces.
    let squeeze = |s: &str| -> String { s.chars().filter(|c| !c.is_whitespace()).collect() };
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, report) in reports() {
        let file = dir.path().join(format!("{name}.docx"));
        std::fs::write(&file, docx(&report)).expect("written");
        assert_eq!(
            squeeze(&pandoc(&file, "accept")),
            squeeze(&side(&report.new.units).concat()),
            "{name}: accept all"
        );
        assert_eq!(
            squeeze(&pandoc(&file, "reject")),
            squeeze(&side(&report.old.units).concat()),
            "{name}: reject all"
        );
    }
}

/// True when `program` runs (`args` asks for its version).
fn runs(program: &str, args: &[&str]) -> bool {
    Command::new(program)
        .args(args)
        .output()
        .is_ok_and(|o| o.status.success())
}

/// The text LibreOffice prints for a redline by default: every run, inserted and deleted
/// alike, in document order (changes are shown, deletions struck through), and no comment.
fn printed_by_libreoffice(paras: &[Para]) -> String {
    paras
        .iter()
        .flat_map(|p| p.runs.iter().map(|r| r.text.as_str()))
        .collect()
}

/// How many characters of `side`, ignoring whitespace, are found in `text` one after the
/// other: all of them when `text` shows that side whole, whatever it shows besides.
fn in_order(text: &str, side: &str) -> usize {
    let mut text = text.chars().filter(|c| !c.is_whitespace());
    side.chars()
        .filter(|c| !c.is_whitespace())
        .take_while(|&c| text.any(|t| t == c))
        .count()
}

/// Pixels of a binary PPM (`P6`, as `pdftoppm` writes it) that are clearly coloured: the
/// tracked changes, drawn in their author's colour; text, rules and background are grey.
fn coloured_pixels(ppm: &[u8]) -> usize {
    // Header: "P6", width, height, maxval, each followed by whitespace; then RGB bytes.
    let mut fields = 0;
    let mut at = 0;
    while fields < 4 {
        while ppm[at].is_ascii_whitespace() {
            at += 1;
        }
        while !ppm[at].is_ascii_whitespace() {
            at += 1;
        }
        fields += 1;
    }
    ppm[at + 1..]
        .chunks_exact(3)
        .filter(|rgb| {
            let (max, min) = (rgb.iter().max().unwrap(), rgb.iter().min().unwrap());
            max - min > 80
        })
        .count()
}

#[test]
fn libreoffice_prints_the_redline_with_its_changes_shown() {
    let tools = [
        ("soffice", &["--version"][..]),
        ("pdftotext", &["-v"][..]),
        ("pdftoppm", &["-v"][..]),
    ];
    if let Some((missing, _)) = tools.iter().find(|(p, a)| !runs(p, a)) {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "{missing} is missing, and CI must run this test (.ci/run installs LibreOffice \
             and poppler-utils)"
        );
        eprintln!("SKIPPED: {missing} is not installed");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let cases: Vec<(String, Report)> = reports()
        .into_iter()
        .filter(|(name, _)| ["redline", "office", "identical"].contains(&name.as_str()))
        .collect();
    let mut files = Vec::new();
    for (name, report) in &cases {
        let file = dir.path().join(format!("{name}.docx"));
        std::fs::write(&file, docx(report)).expect("written");
        files.push(file);
    }
    // Its own profile, so it neither waits for nor disturbs a LibreOffice already running.
    let profile = dir.path().join("profile");
    let out = Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir.path())
        .args(&files)
        .output()
        .expect("soffice runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let squeeze = |s: &str| -> String { s.chars().filter(|c| !c.is_whitespace()).collect() };
    let screenshots = Path::new(env!("CARGO_TARGET_TMPDIR")).join("redline");
    std::fs::create_dir_all(&screenshots).expect("target/tmp/redline");
    for ((name, report), file) in cases.iter().zip(&files) {
        let pdf = file.with_extension("pdf");
        // -layout: poppler's default mode drops a hyphen that ends a line (`twenty-` /
        // `third` becomes `twentythird`); the layout mode keeps every character.
        let text = Command::new("pdftotext")
            .arg("-layout")
            .arg(&pdf)
            .arg("-")
            .output()
            .expect("pdftotext runs");
        assert!(text.status.success(), "{name}: pdftotext");
        let text = String::from_utf8(text.stdout).expect("utf-8");
        let paras = paragraphs(&part(&docx(report), "word/document.xml"));
        // Exactly the runs of both sides, in order: nothing lost, nothing added, no comment.
        let (pdf_text, runs_text) = (squeeze(&text), squeeze(&printed_by_libreoffice(&paras)));
        if pdf_text != runs_text {
            // Where they part, with a little context: the whole texts are long.
            let at = pdf_text
                .chars()
                .zip(runs_text.chars())
                .take_while(|(a, b)| a == b)
                .count();
            let around =
                |s: &str| -> String { s.chars().skip(at.saturating_sub(40)).take(80).collect() };
            panic!(
                "{name}: LibreOffice prints every run; they part at character {at}:\n  PDF:  {}\n  runs: {}",
                around(&pdf_text),
                around(&runs_text)
            );
        }
        // The new text is all there in its order, and so is the old text (deleted words
        // printed, struck through, where they stood).
        for (which, units) in [("new", &report.new.units), ("old", &report.old.units)] {
            let whole = side(units).concat();
            let length = whole.chars().filter(|c| !c.is_whitespace()).count();
            assert_eq!(
                in_order(&text, &whole),
                length,
                "{name}: the {which} text in order"
            );
        }
        assert!(
            !text.contains("Moved from old"),
            "{name}: comments are not printed"
        );
        // Page 1 as a picture: the changes drawn in their author's colour (none where
        // nothing changed). The PNG is kept to look at.
        let page = |format: &str, stem: &Path| {
            let run = Command::new("pdftoppm")
                .args(["-r", "80", "-f", "1", "-l", "1", "-singlefile"])
                .args(if format == "png" {
                    &["-png"][..]
                } else {
                    &[][..]
                })
                .arg(&pdf)
                .arg(stem)
                .output()
                .expect("pdftoppm runs");
            assert!(run.status.success(), "{name}: pdftoppm");
        };
        page("png", &screenshots.join(name));
        let stem = dir.path().join(format!("{name}-page"));
        page("ppm", &stem);
        let ppm = std::fs::read(stem.with_extension("ppm")).expect("page 1 rendered");
        let coloured = coloured_pixels(&ppm);
        if report.has_differences() {
            assert!(coloured > 1000, "{name}: {coloured} coloured pixels");
        } else {
            assert_eq!(coloured, 0, "{name}: nothing changed, nothing coloured");
        }
        assert!(screenshots.join(format!("{name}.png")).exists());
    }
}

mod props {
    //! The accept/reject property on generated drafts: paragraphs deleted, inserted, moved,
    //! merged, split, reworded, respaced and recased, diffed with random options (so the
    //! report's runs often cannot rebuild the old text by themselves).

    use super::*;
    use proptest::prelude::*;

    const WORDS: &[&str] = &[
        "the",
        "committee",
        "States",
        "report",
        "water",
        "shall",
        "adopt",
        "Canada",
        "data",
        "funding",
        "regional",
        "of",
        "in",
        "and",
        "capacity",
        "building",
        "37/23",
        "“shared”",
        "benefit",
        "–",
        "(a)",
        "Côte",
        "d’Ivoire",
        "人権",
    ];

    fn paragraph() -> impl Strategy<Value = String> {
        let sentence = prop::collection::vec(prop::sample::select(WORDS), 3..9)
            .prop_map(|w| format!("{}.", w.join(" ")));
        prop::collection::vec(sentence, 1..4).prop_map(|s| s.join(" "))
    }

    #[derive(Debug, Clone)]
    enum Edit {
        Delete(usize),
        Insert(usize, String),
        Move(usize, usize),
        Merge(usize),
        Split(usize),
        Reword(usize, usize, &'static str),
        Space(usize, usize),
        Case(usize),
    }

    fn edit() -> impl Strategy<Value = Edit> {
        prop_oneof![
            any::<usize>().prop_map(Edit::Delete),
            (any::<usize>(), paragraph()).prop_map(|(i, p)| Edit::Insert(i, p)),
            (any::<usize>(), any::<usize>()).prop_map(|(i, j)| Edit::Move(i, j)),
            any::<usize>().prop_map(Edit::Merge),
            any::<usize>().prop_map(Edit::Split),
            (any::<usize>(), any::<usize>(), prop::sample::select(WORDS))
                .prop_map(|(i, j, w)| Edit::Reword(i, j, w)),
            (any::<usize>(), any::<usize>()).prop_map(|(i, j)| Edit::Space(i, j)),
            any::<usize>().prop_map(Edit::Case),
        ]
    }

    fn apply(paras: &mut Vec<String>, edit: &Edit) {
        let n = paras.len();
        if n == 0 {
            if let Edit::Insert(_, p) = edit {
                paras.push(p.clone());
            }
            return;
        }
        match edit {
            Edit::Delete(i) if n > 1 => {
                paras.remove(i % n);
            }
            Edit::Delete(_) => {}
            Edit::Insert(i, p) => paras.insert(i % (n + 1), p.clone()),
            Edit::Move(i, j) => {
                let p = paras.remove(i % n);
                paras.insert(j % n, p);
            }
            Edit::Merge(i) if n > 1 => {
                let i = i % (n - 1);
                let next = paras.remove(i + 1);
                paras[i] = format!("{} {next}", paras[i]);
            }
            Edit::Merge(_) => {}
            Edit::Split(i) => {
                let i = i % n;
                if let Some(at) = paras[i].find(". ") {
                    let rest = paras[i][at + 2..].to_string();
                    paras[i].truncate(at + 1);
                    paras.insert(i + 1, rest);
                }
            }
            Edit::Reword(i, j, w) => {
                let mut words: Vec<&str> = paras[i % n].split(' ').collect();
                let j = j % words.len();
                words[j] = w;
                paras[i % n] = words.join(" ");
            }
            Edit::Space(i, j) => {
                // Drop or double one space: what the report's diff ignores by default.
                let p = &mut paras[i % n];
                let spaces: Vec<usize> = p.match_indices(' ').map(|(k, _)| k).collect();
                if !spaces.is_empty() {
                    let k = spaces[j % spaces.len()];
                    if j % 2 == 0 {
                        p.remove(k);
                    } else {
                        p.insert(k, ' ');
                    }
                }
            }
            Edit::Case(i) => paras[i % n] = paras[i % n].to_uppercase(),
        }
    }

    fn draft(paras: &[String]) -> String {
        let mut out = String::from("I. General\n\n");
        for (k, p) in paras.iter().enumerate() {
            if k == paras.len() / 2 {
                out.push_str("II. Particular\n\n");
            }
            out.push_str(&format!("{}. {p}\n\n", k + 1));
        }
        out
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn accept_all_is_new_and_reject_all_is_old(
            old in prop::collection::vec(paragraph(), 1..8),
            edits in prop::collection::vec(edit(), 0..6),
            ignore_case in any::<bool>(),
            ignore_punctuation in any::<bool>(),
        ) {
            let mut new = old.clone();
            for e in &edits {
                apply(&mut new, e);
            }
            let old = segment("old.txt", &draft(&old), &SegmentOptions::new());
            let new = segment("new.txt", &draft(&new), &SegmentOptions::new());
            let alignment = draftdiff::align(&old, &new, &AlignOptions::new());
            let options = DiffOptions::new()
                .ignore_case(ignore_case)
                .ignore_punctuation(ignore_punctuation);
            let report = report(old, new, alignment, &options);
            let bytes = docx(&report);
            let paras = paragraphs(&part(&bytes, "word/document.xml"));
            prop_assert_eq!(resolve(&paras, true), side(&report.new.units));
            prop_assert_eq!(resolve(&paras, false), side(&report.old.units));
            // draftdiff's own Word reader, its tracked paragraph marks honoured.
            for (tracked, units) in [
                (TrackedChanges::Accepted, &report.new.units),
                (TrackedChanges::Original, &report.old.units),
            ] {
                let read = draftdiff::read::document(
                    "redline.docx",
                    bytes.clone(),
                    &ReadOptions::new().tracked_changes(tracked),
                    &SegmentOptions::new(),
                )
                .expect("the redline reads");
                prop_assert_eq!(shape(&read.units), shape(units));
            }
        }
    }
}
