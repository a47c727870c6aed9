//! The reference pair and the Darwin chain, segmented: the counts and texts the project
//! promises (issue #2, "Must show").

use draftdiff::model::{ArtifactKind, Document, UnitKind};
use draftdiff::read::{self, ReadOptions};
use draftdiff::segment::{self, SegmentOptions};

const FINAL: &str = "examples/data/final-report.txt";
const OUTLINE: &str = "examples/data/outline-draft.txt";

fn load(path: &str) -> Document {
    draftdiff::load(path, &ReadOptions::new(), &SegmentOptions::new()).expect("reads")
}

fn from_bytes(bytes: &[u8]) -> Document {
    let text = read::decode("x", bytes, &ReadOptions::new()).expect("decodes");
    segment::segment("x", &text, &SegmentOptions::new())
}

fn numbers(doc: &Document, kind: UnitKind) -> Vec<String> {
    doc.units
        .iter()
        .filter(|u| u.kind == kind)
        .map(|u| u.number.clone().unwrap_or_else(|| format!("L{}", u.line)))
        .collect()
}

fn romans(n: usize) -> Vec<String> {
    [
        "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII",
    ][..n]
        .iter()
        .map(|s| s.to_string())
        .collect()
}

fn para<'a>(doc: &'a Document, n: &str) -> &'a str {
    &doc.units
        .iter()
        .find(|u| u.kind == UnitKind::Paragraph && u.number.as_deref() == Some(n))
        .unwrap_or_else(|| panic!("paragraph {n}"))
        .text
}

#[test]
fn final_report_paragraphs_and_headings() {
    let doc = load(FINAL);
    let paras: Vec<String> = (1..=116).map(|n| n.to_string()).collect();
    assert_eq!(numbers(&doc, UnitKind::Paragraph), paras);
    assert_eq!(numbers(&doc, UnitKind::Heading), romans(13));
    let heading = |n: &str| {
        doc.units
            .iter()
            .find(|u| u.kind == UnitKind::Heading && u.number.as_deref() == Some(n))
            .map(|u| u.text.as_str())
            .unwrap()
    };
    assert_eq!(
        heading("II"),
        "Definition and history of technical assistance and capacity-building"
    );
    assert_eq!(
        heading("VII"),
        "International and regional organizations, specialized agencies, States, national \
         human rights institutions, non-governmental organizations and technical assistance"
    );
    assert_eq!(
        heading("IX"),
        "Office of the United Nations High Commissioner for Human Rights and technical assistance"
    );
    // Every unit sits in the section of the heading before it.
    for u in &doc.units {
        if u.kind != UnitKind::Heading && u.line > 1 {
            let s = u.section.expect("in a section");
            assert_eq!(doc.units[s].kind, UnitKind::Heading);
            assert!(doc.units[s].line < u.line);
        }
    }
}

#[test]
fn final_report_footnotes_stand_apart() {
    let doc = load(FINAL);
    assert_eq!(numbers(&doc, UnitKind::Footnote), ["1", "2", "3", "4", "5"]);
    let notes: Vec<&str> = doc
        .units
        .iter()
        .filter(|u| u.kind == UnitKind::Footnote)
        .map(|u| u.text.as_str())
        .collect();
    assert!(
        notes[0].starts_with("The word “can” was inserted"),
        "{}",
        notes[0]
    );
    assert!(
        notes[0].ends_with("held by Council members."),
        "{}",
        notes[0]
    );
    assert_eq!(notes[2], "CEDAW/C/SEN/CO/3-7.");
    assert!(notes[3].ends_with("6 June 2019, p. 4."), "{}", notes[3]);
    for u in doc.units.iter().filter(|u| u.kind != UnitKind::Footnote) {
        for note in &notes {
            assert!(
                !u.text.contains(note),
                "unit {} holds a footnote body",
                u.id
            );
        }
        assert!(!u.text.contains("http"), "unit {} holds the URL", u.id);
    }
    // Markers out of the text, recorded where they were.
    assert!(para(&doc, "56").contains("cooperation “can play” an important role"));
    assert!(para(&doc, "56").contains("interrelated world. The Advisory Committee"));
    assert!(para(&doc, "84").ends_with("reports submitted by the State."));
    assert!(para(&doc, "100").ends_with("the assessment of its effectiveness."));
    assert!(para(&doc, "101").contains("Model Convention on Extradition demonstrates"));
    let markers: Vec<(usize, &str)> = doc
        .artifacts
        .iter()
        .filter(|a| a.kind == ArtifactKind::FootnoteMarker)
        .map(|a| (a.line, a.text.as_str()))
        .collect();
    assert_eq!(
        markers,
        [
            (693, "1"),
            (697, "2"),
            (1071, "3"),
            (1295, "4"),
            (1303, "5")
        ]
    );
    // Each footnote knows the paragraph that carried its marker.
    let parents: Vec<Option<String>> = doc
        .units
        .iter()
        .filter(|u| u.kind == UnitKind::Footnote)
        .map(|u| u.parent.and_then(|p| doc.units[p].number.clone()))
        .collect();
    let expect = ["56", "56", "84", "100", "101"].map(|s| Some(s.to_string()));
    assert_eq!(parents, expect);
}

#[test]
fn final_report_paragraphs_continue_over_page_breaks() {
    let doc = load(FINAL);
    let p65 = para(&doc, "65");
    assert!(
        p65.contains("the Government of National Accord, relevant"),
        "{p65}"
    );
    assert!(p65.contains("the Secretary-General to provide"), "{p65}");
    let p89 = para(&doc, "89");
    assert!(p89.contains("technical assistance and capacity-building, in line with its mandate"));
    assert!(
        p89.ends_with("the consent of the State concerned."),
        "{p89}"
    );
    let p103 = para(&doc, "103");
    assert!(p103.contains("the presence of many delegation members in the sessions"));
    let p10 = para(&doc, "10");
    assert!(p10.contains("countries, they – the United Nations and its agencies – considered"));
    // Broken words mended from the document's own vocabulary: compounds keep their hyphen.
    assert!(para(&doc, "4").ends_with("by developed States and non-governmental organizations."));
    assert!(para(&doc, "31").contains("technical assistance and capacity-building"));
    // No page-furniture whitespace or line-break leftovers in any text.
    for u in &doc.units {
        assert!(!u.text.contains("  "), "unit {}: {:?}", u.id, u.text);
        assert!(!u.text.contains('\n'));
    }
    let page_breaks = doc
        .artifacts
        .iter()
        .filter(|a| a.kind == ArtifactKind::PageBreak)
        .count();
    assert!(page_breaks >= 5, "{page_breaks}");
}

#[test]
fn final_report_list_items_belong_to_their_paragraph() {
    let doc = load(FINAL);
    let items: Vec<(String, Option<String>)> = doc
        .units
        .iter()
        .filter(|u| u.kind == UnitKind::ListItem)
        .map(|u| {
            (
                u.number.clone().unwrap(),
                u.parent.and_then(|p| doc.units[p].number.clone()),
            )
        })
        .collect();
    let mut expect = Vec::new();
    for l in ["a", "b", "c", "d"] {
        expect.push((format!("({l})"), Some("24".to_string())));
    }
    for l in ["a", "b", "c", "d", "e", "f", "g", "h"] {
        expect.push((format!("({l})"), Some("90".to_string())));
    }
    assert_eq!(items, expect);
}

fn outline_checks(doc: &Document) {
    let paras: Vec<String> = (1..=32).map(|n| n.to_string()).collect();
    assert_eq!(numbers(doc, UnitKind::Paragraph), paras);
    let mut headings = romans(8);
    headings.insert(4, "L30".to_string());
    assert_eq!(numbers(doc, UnitKind::Heading), headings);
    let l30 = doc.units.iter().find(|u| u.line == 30).unwrap();
    assert_eq!(
        l30.text,
        "The concept of mutually beneficial cooperation - MBC"
    );
    // The unnumbered heading sits under IV and governs paragraphs 22–30.
    assert_eq!(
        doc.units[l30.section.unwrap()].number.as_deref(),
        Some("IV")
    );
    let p22 = doc
        .units
        .iter()
        .find(|u| u.number.as_deref() == Some("22"))
        .unwrap();
    assert_eq!(p22.section, Some(l30.id));
    let p16 = doc
        .units
        .iter()
        .find(|u| u.number.as_deref() == Some("16"))
        .unwrap();
    let items: Vec<&str> = doc
        .units
        .iter()
        .filter(|u| u.kind == UnitKind::ListItem)
        .map(|u| {
            assert_eq!(u.parent, Some(p16.id));
            u.number.as_deref().unwrap()
        })
        .collect();
    assert_eq!(items, ["(a)", "(b)", "(c)", "(d)"]);
    assert_eq!(
        doc.units
            .iter()
            .find(|u| u.number.as_deref() == Some("II"))
            .unwrap()
            .text,
        "Definition and History of technical assistance"
    );
}

fn shape(doc: &Document) -> Vec<(UnitKind, Option<String>, usize, usize, String)> {
    doc.units
        .iter()
        .map(|u| (u.kind, u.number.clone(), u.line, u.end_line, u.text.clone()))
        .collect()
}

#[test]
fn outline_draft() {
    outline_checks(&load(OUTLINE));
}

#[test]
fn outline_draft_with_crlf_and_utf16() {
    let bytes = std::fs::read(OUTLINE).unwrap();
    let plain = from_bytes(&bytes);
    outline_checks(&plain);
    let text = String::from_utf8(bytes).unwrap();
    let crlf = text.replace('\n', "\r\n");
    assert_eq!(shape(&from_bytes(crlf.as_bytes())), shape(&plain));
    let mut le = vec![0xFF, 0xFE];
    le.extend(crlf.encode_utf16().flat_map(u16::to_le_bytes));
    assert_eq!(shape(&from_bytes(&le)), shape(&plain));
    let mut be = vec![0xFE, 0xFF];
    be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    assert_eq!(shape(&from_bytes(&be)), shape(&plain));
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend(crlf.as_bytes());
    assert_eq!(shape(&from_bytes(&bom)), shape(&plain));
}

#[test]
fn darwin_one_paragraph_a_line() {
    for (edition, count) in [
        ("1859", 43),
        ("1860", 43),
        ("1861", 43),
        ("1866", 43),
        ("1869", 47),
        ("1872", 47),
    ] {
        let path = format!("tests/fixtures/darwin/{edition}.txt");
        let doc = load(&path);
        let text = std::fs::read_to_string(&path).unwrap();
        let lines: Vec<(usize, String)> = text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
            .map(|(i, l)| (i + 1, l.split_whitespace().collect::<Vec<_>>().join(" ")))
            .collect();
        assert_eq!(doc.units.len(), count, "{edition}");
        let units: Vec<(usize, String)> = doc
            .units
            .iter()
            .map(|u| {
                assert_eq!(u.line, u.end_line);
                let full = match &u.number {
                    Some(n) => format!("{n} {}", u.text),
                    None => u.text.clone(),
                };
                (u.line, full)
            })
            .collect();
        assert_eq!(units, lines, "{edition}");
        assert!(doc.artifacts.is_empty());
    }
}
