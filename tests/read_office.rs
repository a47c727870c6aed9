//! Word, OpenDocument and PDF inputs: numbers as LibreOffice renders them, the reference
//! pair read from Word and PDF aligning as its text does, and every bad file a clear
//! error through the binary. Fixtures: `tests/fixtures/office/` (made by its `make.sh`).

use std::io::Write;

use assert_cmd::Command;
use draftdiff::eval::{Gold, score};
use draftdiff::model::{Document, SourceLocation, UnitKind};
use draftdiff::read::{ReadOptions, TrackedChanges};
use draftdiff::{AlignOptions, SegmentOptions, align, load};

const DIR: &str = "tests/fixtures/office";

fn office(name: &str) -> String {
    format!("{DIR}/{name}")
}

fn read(path: &str) -> Document {
    load(path, &ReadOptions::new(), &SegmentOptions::new())
        .unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn draftdiff() -> Command {
    Command::cargo_bin("draftdiff").expect("binary builds")
}

/// LibreOffice's label of the line that shows `text`: what precedes the text on the line,
/// trimmed, without a trailing period.
fn libreoffice_label<'a>(lines: &'a [&'a str], text: &str) -> Option<&'a str> {
    lines.iter().find_map(|l| {
        let l = l.trim_start_matches('\u{feff}').trim();
        let label = l.strip_suffix(text)?.trim();
        Some(label.strip_suffix('.').unwrap_or(label))
    })
}

/// Every number LibreOffice shows for `name` (its text export kept beside the file) is the
/// number we render for the same paragraph; returns how many were compared.
fn numbers_equal_libreoffice(name: &str) -> usize {
    let doc = read(&office(name));
    let reference = std::fs::read_to_string(office(&format!("{name}.libreoffice.txt"))).unwrap();
    let lines: Vec<&str> = reference.lines().collect();
    let mut compared = 0;
    let mut mismatches = Vec::new();
    for u in doc.units.iter().filter(|u| u.kind != UnitKind::Footnote) {
        let Some(label) = libreoffice_label(&lines, &u.text) else {
            continue;
        };
        if label == "•" || (label.is_empty() && u.number.is_none()) {
            continue;
        }
        compared += 1;
        if u.number.as_deref() != Some(label) {
            mismatches.push(format!(
                "{:?} ≠ LibreOffice {label:?}: {}",
                u.number, u.text
            ));
        }
    }
    assert!(mismatches.is_empty(), "{name}:\n{}", mismatches.join("\n"));
    compared
}

#[test]
fn numbers_equal_libreoffice_on_five_files() {
    let files = [
        ("lists-pandoc.docx", 20),
        ("lists-libreoffice.docx", 20),
        ("lists.odt", 20),
        // 26 numbers; two lines differ in text from ours (a footnote marker, tracked
        // changes shown both ways) and are not compared.
        ("numbering-word.docx", 24),
        ("numbering-word.odt", 24),
    ];
    for (name, expected) in files {
        assert_eq!(numbers_equal_libreoffice(name), expected, "{name}");
    }
}

#[test]
fn word_structure_headings_notes_tables_changes() {
    let odt = read(&office("numbering-word.odt"));
    assert!(
        odt.units
            .iter()
            .any(|u| u.text == "The chair shall sign the report on page 0."),
        "hidden text and comments left out of OpenDocument text too"
    );
    let doc = read(&office("numbering-word.docx"));
    let find = |t: &str| {
        doc.units
            .iter()
            .find(|u| u.text.starts_with(t))
            .unwrap_or_else(|| panic!("no unit {t:?}"))
    };
    // Headings from styles through basedOn chains, numbered from the style's numbering.
    let h = find("Meanings");
    assert_eq!(
        (h.kind, h.number.as_deref()),
        (UnitKind::Heading, Some("I.2.2"))
    );
    assert_eq!(doc.units[h.section.unwrap()].text, "Definitions");
    let chapter = find("Procedure");
    assert_eq!(chapter.kind, UnitKind::Heading);
    assert_eq!(chapter.number.as_deref(), Some("II"));
    // Footnotes follow the paragraph with their marker, numbered in marker order.
    let note = find("Adopted in 2019.");
    assert_eq!(note.kind, UnitKind::Footnote);
    assert_eq!(note.number.as_deref(), Some("1"));
    assert_eq!(doc.units[note.parent.unwrap()].number.as_deref(), Some("1"));
    assert_eq!(note.source, Some(SourceLocation::Note { index: 0 }));
    // Tracked changes accepted; comments, field codes and hidden text left out.
    let p = find("The chair");
    assert_eq!(p.text, "The chair shall sign the report on page 1.");
    assert_eq!(p.source, Some(SourceLocation::Paragraph { index: 12 }));
    assert!(!doc.units.iter().any(|u| u.text.contains("COMMENT")));
    // A table row is one unit, cells joined by ` | `.
    assert_eq!(find("Norway").text, "Norway | 1 May");

    let original = load(
        &office("numbering-word.docx"),
        &ReadOptions::new().tracked_changes(TrackedChanges::Original),
        &SegmentOptions::new(),
    )
    .unwrap();
    let p = original
        .units
        .iter()
        .find(|u| u.text.starts_with("The chair"))
        .unwrap();
    assert_eq!(p.text, "The chair may sign the report on page 1.");

    // OpenDocument keeps deletions apart; reading the original puts them back.
    let original = load(
        &office("numbering-word.odt"),
        &ReadOptions::new().tracked_changes(TrackedChanges::Original),
        &SegmentOptions::new(),
    )
    .unwrap();
    let p = original
        .units
        .iter()
        .find(|u| u.text.starts_with("The chair"))
        .unwrap();
    // LibreOffice kept the deleted word without its space when it converted the file.
    assert_eq!(p.text, "The chair maysign the report on page 0.");
}

/// Makes each unit of `doc` carry the kind, number and line of the unit of `text` with
/// the same text, so that the gold's keys (`p12`, `hIV`, `L30`: lines of the text file)
/// name the same units in both.
fn keyed_like(mut doc: Document, text: &Document) -> Document {
    let mut next = 0;
    for u in &mut doc.units {
        if let Some(j) = (next..text.units.len()).find(|&j| text.units[j].norm == u.norm) {
            let t = &text.units[j];
            u.kind = t.kind;
            u.number = t.number.clone();
            u.line = t.line;
            next = j + 1;
        } else {
            u.line = 0;
        }
    }
    doc
}

fn f1(old: &Document, new: &Document, keyed: Option<(&Document, &Document)>) -> f64 {
    let gold = Gold::from_json(
        "gold.json",
        &std::fs::read_to_string("tests/fixtures/reference/gold.json").unwrap(),
    )
    .unwrap();
    let alignment = align(old, new, &AlignOptions::new());
    match keyed {
        None => score(&gold, old, new, &alignment).f1,
        Some((old_text, new_text)) => {
            let old = keyed_like(old.clone(), old_text);
            let new = keyed_like(new.clone(), new_text);
            score(&gold, &old, &new, &alignment).f1
        }
    }
}

#[test]
fn reference_pair_from_word_aligns_as_its_text() {
    let old_text = read("examples/data/outline-draft.txt");
    let new_text = read("examples/data/final-report.txt");
    let text = f1(&old_text, &new_text, None);
    let old = read(&office("outline-draft.docx"));
    let new = read(&office("final-report.docx"));
    assert!(old.units.iter().all(|u| u.source.is_some()));
    let word = f1(&old, &new, Some((&old_text, &new_text)));
    assert!(text > 0.8, "text F1 {text}");
    assert!(
        (word - text).abs() <= 0.03,
        "Word F1 {word} vs text F1 {text}"
    );
}

#[test]
fn reference_pair_from_pdf_aligns_close_to_its_text() {
    let old_text = read("examples/data/outline-draft.txt");
    let new_text = read("examples/data/final-report.txt");
    let text = f1(&old_text, &new_text, None);
    let old = read(&office("outline-draft.pdf"));
    let new = read(&office("final-report.pdf"));
    assert!(matches!(
        new.units[0].source,
        Some(SourceLocation::Page { page: 1, .. })
    ));
    assert_eq!(
        new.units
            .iter()
            .filter(|u| u.kind == UnitKind::Footnote)
            .count(),
        5
    );
    let pdf = f1(&old, &new, Some((&old_text, &new_text)));
    assert!((pdf - text).abs() <= 0.03, "PDF F1 {pdf} vs text F1 {text}");
}

#[test]
fn mixed_formats_through_the_binary() {
    // A Word draft against its PDF: the same text, every unit found again (one word
    // broken at a PDF line end, `co-`/`operate`, is mended without its hyphen).
    let out = draftdiff()
        .args(["--color", "never"])
        .arg(office("outline-draft.docx"))
        .arg(office("outline-draft.pdf"))
        .output()
        .unwrap();
    // Status 0: differences (the one mended word) exit 1 only with --exit-code, as git diff.
    assert_eq!(out.status.code(), Some(0));
    let report = String::from_utf8(out.stdout).unwrap();
    assert!(report.contains("units: 45 old, 45 new"), "{report}");
    assert!(report.contains("added 0 · removed 0"), "{report}");
    // Text, Word and PDF versions in one chain.
    draftdiff()
        .arg("log")
        .arg("examples/data/outline-draft.txt")
        .arg(office("outline-draft.docx"))
        .arg(office("final-report.pdf"))
        .assert()
        .code(0)
        .stdout(predicates::str::contains(
            "v3  tests/fixtures/office/final-report.pdf",
        ));
    // The JSON units of a Word file say where they stand.
    let out = draftdiff()
        .args(["segment", "--format", "json"])
        .arg(office("lists.odt"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        json["units"][1]["source"],
        serde_json::json!({"paragraph": 1})
    );
}

/// `draftdiff segment PATH` fails with status 2, one line naming the file and `what`,
/// no panic.
fn fails(path: &std::path::Path, what: &str) {
    let out = draftdiff().arg("segment").arg(path).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{}: {err}", path.display());
    assert!(out.stdout.is_empty());
    assert!(err.contains(&*path.to_string_lossy()), "{err}");
    assert!(err.contains(what), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

fn temp_file(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// A valid one-page PDF whose page only paints a rectangle: a scan without a text layer.
fn image_only_pdf() -> Vec<u8> {
    let content = b"0 0 1 rg 100 100 200 200 re f\n";
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>".to_string(),
        format!(
            "<< /Length {} >>\nstream\n{}endstream",
            content.len(),
            String::from_utf8_lossy(content)
        ),
    ];
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        write!(pdf, "{} 0 obj\n{o}\nendobj\n", i + 1).unwrap();
    }
    let xref = pdf.len();
    write!(pdf, "xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).unwrap();
    for off in offsets {
        writeln!(pdf, "{off:010} 00000 n ").unwrap();
    }
    write!(
        pdf,
        "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
        objects.len() + 1
    )
    .unwrap();
    pdf
}

#[test]
fn encrypted_pdf() {
    fails(
        std::path::Path::new(&office("encrypted.pdf")),
        "encrypted: draftdiff cannot read it; remove the password first",
    );
}

#[test]
fn scanned_pdf_without_text() {
    let dir = tempfile::tempdir().unwrap();
    let path = temp_file(&dir, "scan.pdf", &image_only_pdf());
    fails(&path, "no text layer: run OCR first, e.g. ocrmypdf");
}

#[test]
fn malformed_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let path = temp_file(&dir, "bad.pdf", b"%PDF-1.7\n1 0 obj << /Type /Cat");
    fails(&path, "damaged PDF file");
    // A real PDF cut in half.
    let whole = std::fs::read(office("outline-draft.pdf")).unwrap();
    let path = temp_file(&dir, "half.pdf", &whole[..whole.len() / 2]);
    fails(&path, "PDF");
}

#[test]
fn truncated_docx() {
    let dir = tempfile::tempdir().unwrap();
    let whole = std::fs::read(office("numbering-word.docx")).unwrap();
    let path = temp_file(&dir, "cut.docx", &whole[..whole.len() * 2 / 3]);
    fails(&path, "was it truncated?");
}

#[test]
fn docx_that_is_not_a_word_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = Vec::new();
    {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(&mut bytes));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        zip.start_file("hello.txt", options).unwrap();
        zip.write_all(b"hello").unwrap();
        zip.finish().unwrap();
    }
    let path = temp_file(&dir, "notes.docx", &bytes);
    fails(&path, "not a Word (.docx) or OpenDocument (.odt) file");
}

#[test]
fn random_bytes_named_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let bytes: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 11) as u8)
        .collect();
    let path = temp_file(&dir, "random.pdf", &bytes);
    fails(&path, "binary");
}

/// A Word file with `body` as the inside of `w:body`, two styles (a heading, the
/// footnote style) and Word's namespace.
fn word_file(body: &str) -> Vec<u8> {
    const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    let document = format!(
        "<?xml version=\"1.0\"?><w:document xmlns:w=\"{W}\"><w:body>{body}</w:body></w:document>"
    );
    let styles = format!(
        "<?xml version=\"1.0\"?><w:styles xmlns:w=\"{W}\">\
         <w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/></w:style>\
         <w:style w:type=\"paragraph\" w:styleId=\"Notes\"><w:name w:val=\"footnote text\"/></w:style>\
         </w:styles>"
    );
    let mut bytes = Vec::new();
    {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(&mut bytes));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        for (name, part) in [("word/document.xml", document), ("word/styles.xml", styles)] {
            zip.start_file(name, options).unwrap();
            zip.write_all(part.as_bytes()).unwrap();
        }
        zip.finish().unwrap();
    }
    bytes
}

/// A paragraph: optional style, what became of its mark (`ins`, `del`, or kept), runs
/// given as (`t`|`ins`|`del`, text).
fn para(style: Option<&str>, mark: Option<&str>, runs: &[(&str, &str)]) -> String {
    let mut out = String::from("<w:p><w:pPr>");
    if let Some(s) = style {
        out.push_str(&format!("<w:pStyle w:val=\"{s}\"/>"));
    }
    if let Some(m) = mark {
        out.push_str(&format!(
            "<w:rPr><w:{m} w:id=\"1\" w:author=\"A\"/></w:rPr>"
        ));
    }
    out.push_str("</w:pPr>");
    for (kind, text) in runs {
        out.push_str(&match *kind {
            "ins" => format!("<w:ins w:id=\"2\" w:author=\"A\"><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:ins>"),
            "del" => format!("<w:del w:id=\"3\" w:author=\"A\"><w:r><w:delText xml:space=\"preserve\">{text}</w:delText></w:r></w:del>"),
            _ => format!("<w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r>"),
        });
    }
    out.push_str("</w:p>");
    out
}

/// The units of a Word file read one way: (kind, number, text, paragraph index).
fn units_of(
    bytes: Vec<u8>,
    tracked: TrackedChanges,
) -> Vec<(UnitKind, Option<String>, String, Option<SourceLocation>)> {
    draftdiff::read::document(
        "marks.docx",
        bytes,
        &ReadOptions::new().tracked_changes(tracked),
        &SegmentOptions::new(),
    )
    .unwrap()
    .units
    .into_iter()
    .map(|u| (u.kind, u.number, u.text, u.source))
    .collect()
}

#[test]
fn tracked_paragraph_marks_join_and_split_paragraphs() {
    use TrackedChanges::{Accepted, Original};
    let at = |index| Some(SourceLocation::Paragraph { index });
    let p = UnitKind::Paragraph;
    // A merge (deleted mark), a split (inserted mark), a heading deleted whole before a
    // paragraph, a paragraph inserted whole.
    let body = [
        para(None, Some("del"), &[("t", "1. The cat sat."), ("ins", " ")]),
        para(None, None, &[("t", "It purred.")]),
        para(None, Some("ins"), &[("t", "2. The dog ran."), ("del", " ")]),
        para(None, None, &[("t", "It barked.")]),
        para(Some("Heading1"), Some("del"), &[("del", "II. Old heading")]),
        para(
            None,
            None,
            &[
                ("t", "3. Kept "),
                ("del", "gone "),
                ("ins", "new "),
                ("t", "text."),
            ],
        ),
        para(None, Some("ins"), &[("ins", "4. Added paragraph.")]),
        para(None, None, &[("t", "5. Last.")]),
    ]
    .concat();
    let file = word_file(&body);
    let n = |s: &str| Some(s.to_string());
    assert_eq!(
        units_of(file.clone(), Accepted),
        vec![
            (p, n("1"), "The cat sat. It purred.".into(), at(0)),
            (p, n("2"), "The dog ran.".into(), at(2)),
            (p, None, "It barked.".into(), at(3)),
            // The deleted heading's style went with its mark: a numbered paragraph.
            (p, n("3"), "Kept new text.".into(), at(5)),
            (p, n("4"), "Added paragraph.".into(), at(6)),
            (p, n("5"), "Last.".into(), at(7)),
        ]
    );
    assert_eq!(
        units_of(file, Original),
        vec![
            (p, n("1"), "The cat sat.".into(), at(0)),
            (p, None, "It purred.".into(), at(1)),
            (p, n("2"), "The dog ran. It barked.".into(), at(2)),
            (UnitKind::Heading, n("II"), "Old heading".into(), at(4)),
            (p, n("3"), "Kept gone text.".into(), at(5)),
            (p, n("5"), "Last.".into(), at(7)),
        ]
    );
}

#[test]
fn a_removed_mark_before_a_table_or_at_the_end_still_ends_its_paragraph() {
    let body = [
        para(None, Some("del"), &[("t", "Before the table.")]),
        "<w:tbl><w:tr><w:tc>".to_string(),
        para(None, Some("del"), &[("t", "Cell one,")]),
        para(None, None, &[("t", " joined.")]),
        "</w:tc><w:tc>".to_string(),
        para(None, None, &[("t", "Two")]),
        "</w:tc></w:tr></w:tbl>".to_string(),
        para(None, Some("del"), &[("t", "The end.")]),
    ]
    .concat();
    let texts: Vec<String> = units_of(word_file(&body), TrackedChanges::Accepted)
        .into_iter()
        .map(|u| u.2)
        .collect();
    assert_eq!(
        texts,
        ["Before the table.", "Cell one, joined. | Two", "The end."]
    );
}

#[test]
fn the_footnote_style_in_the_body_makes_footnotes() {
    let body = [
        para(None, None, &[("t", "7. A paragraph with a note.")]),
        para(Some("Notes"), None, &[("t", "1. The note, typed.")]),
        para(Some("Notes"), None, &[("t", "2. Another.")]),
        para(None, None, &[("t", "8. Next.")]),
    ]
    .concat();
    let doc = draftdiff::read::document(
        "notes.docx",
        word_file(&body),
        &ReadOptions::new(),
        &SegmentOptions::new(),
    )
    .unwrap();
    let got: Vec<_> = doc
        .units
        .iter()
        .map(|u| (u.kind, u.number.as_deref(), u.text.as_str(), u.parent))
        .collect();
    assert_eq!(
        got,
        [
            (
                UnitKind::Paragraph,
                Some("7"),
                "A paragraph with a note.",
                None
            ),
            (UnitKind::Footnote, Some("1"), "The note, typed.", Some(0)),
            (UnitKind::Footnote, Some("2"), "Another.", Some(0)),
            (UnitKind::Paragraph, Some("8"), "Next.", None),
        ]
    );
}

mod fuzz {
    use super::*;
    use proptest::prelude::*;

    /// Reads `bytes` as a file named `name`: any outcome but a panic is fine.
    fn survives(name: &str, bytes: Vec<u8>) {
        let _ = draftdiff::read::document(name, bytes, &ReadOptions::new(), &SegmentOptions::new());
    }

    fn mutated(file: &str, cuts: &[(usize, u8)], keep: Option<usize>) -> Vec<u8> {
        let mut bytes = std::fs::read(office(file)).unwrap();
        for &(at, b) in cuts {
            let i = at % bytes.len();
            bytes[i] = b;
        }
        if let Some(keep) = keep {
            bytes.truncate((keep % (bytes.len() + 1)).max(8));
        }
        bytes
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

        /// Damaged Word, OpenDocument and PDF files never panic a reader.
        #[test]
        fn damaged_files_never_panic(
            file in prop::sample::select(vec![
                "numbering-word.docx", "lists.odt", "lists-pandoc.docx", "outline-draft.pdf",
            ]),
            cuts in prop::collection::vec((any::<usize>(), any::<u8>()), 0..8),
            keep in prop::option::of(any::<usize>()),
        ) {
            survives(file, mutated(file, &cuts, keep));
        }
    }
}
