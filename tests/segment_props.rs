//! Property tests: segmentation never panics, and loses no word of the input except what
//! it reports as removed.
//!
//! "No word lost" is checked on letters and digits: every letter and digit of the input
//! is found, as often as in the input, in the units' numbers and texts and in the removed
//! artifacts. What may legitimately disappear is whitespace, the punctuation of printed
//! numbers (`12.` → `12`) and the hyphens of mended words — none of them letters or digits.

use std::collections::BTreeMap;

use draftdiff::model::Document;
use draftdiff::read::{self, ReadOptions};
use draftdiff::segment::{self, Layout, SegmentOptions};
use proptest::prelude::*;

fn alnum_counts<'a>(texts: impl Iterator<Item = &'a str>) -> BTreeMap<char, usize> {
    let mut m = BTreeMap::new();
    for t in texts {
        for c in t.chars().filter(|c| c.is_alphanumeric()) {
            *m.entry(c).or_insert(0) += 1;
        }
    }
    m
}

fn check_no_loss(text: &str, doc: &Document) -> Result<(), TestCaseError> {
    let input = alnum_counts(std::iter::once(text));
    let output = alnum_counts(
        doc.units
            .iter()
            .flat_map(|u| [u.number.as_deref().unwrap_or(""), u.text.as_str()])
            .chain(doc.artifacts.iter().map(|a| a.text.as_str())),
    );
    prop_assert_eq!(input, output);
    for (i, u) in doc.units.iter().enumerate() {
        prop_assert_eq!(u.id, i);
        prop_assert!(u.line >= 1 && u.line <= u.end_line);
        prop_assert_eq!(&u.norm, &segment::normalize(&u.text));
        if let Some(s) = u.section {
            prop_assert!(s < doc.units.len());
        }
    }
    Ok(())
}

/// Lines that exercise every rule: numbers, roman numerals, list markers, footnote-like
/// lines, page-break lines, URLs, broken words, markers glued to words, Unicode spaces.
fn line() -> impl Strategy<Value = String> {
    let word = prop::sample::select(vec![
        "the",
        "Council",
        "organi-",
        "zation",
        "capacity-",
        "building",
        "world.2",
        "can",
        "1",
        "2",
        "3",
        "(a)",
        "b)",
        "i.",
        "IV.",
        "12.",
        "3.1",
        "#",
        "-",
        "•",
        "https://x.org/a.pdf",
        "“quoted”",
        "–",
        "non-",
        "Secretary-",
        "General",
        "élan",
        "x\u{a0}y",
        "\u{ad}",
        "2019.",
    ]);
    let words = prop::collection::vec(word, 0..8).prop_map(|w| w.join(" "));
    prop_oneof![
        4 => words.clone(),
        1 => words.prop_map(|w| format!(" {w} ")),
        1 => Just(String::new()),
        1 => Just("   ".to_string()),
        1 => Just("\u{c}".to_string()),
        1 => (1u32..6).prop_map(|n| format!(" {n} A footnote text.")),
        1 => (1u32..40).prop_map(|n| format!("{n}. Paragraph text that goes on")),
        1 => (1u32..5).prop_map(|n| format!("\t{}.\tHeading", ["I", "II", "III", "IV", "V"][n as usize])),
    ]
}

fn doc_text() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::collection::vec(line(), 0..60).prop_map(|l| l.join("\n")),
        // Double-spaced, like PDF-extracted text.
        prop::collection::vec(line(), 0..60).prop_map(|l| l.join("\n\n")),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        for opts in [ReadOptions::new(), ReadOptions::new().encoding(read::Encoding::Windows1252)] {
            if let Ok(text) = read::decode("p", &bytes, &opts) {
                let doc = segment::segment("p", &text, &SegmentOptions::new());
                check_no_loss(&text, &doc)?;
            }
        }
    }

    #[test]
    fn arbitrary_text_loses_no_word(text in "(\\PC|\\s){0,400}") {
        for layout in [Layout::Auto, Layout::Pdf, Layout::Blocks, Layout::Lines] {
            let doc = segment::segment("p", &text, &SegmentOptions::new().layout(layout));
            check_no_loss(&text, &doc)?;
        }
    }

    #[test]
    fn structured_text_loses_no_word(text in doc_text()) {
        for layout in [Layout::Auto, Layout::Pdf, Layout::Blocks, Layout::Lines] {
            let doc = segment::segment("p", &text, &SegmentOptions::new().layout(layout));
            check_no_loss(&text, &doc)?;
        }
    }
}

#[test]
fn reference_files_lose_no_word() {
    for path in [
        "examples/data/final-report.txt",
        "examples/data/outline-draft.txt",
        "tests/fixtures/darwin/1859.txt",
    ] {
        let text = read::read_path(path, &ReadOptions::new()).unwrap();
        let doc = segment::segment(path, &text, &SegmentOptions::new());
        check_no_loss(&text, &doc).unwrap();
    }
}
