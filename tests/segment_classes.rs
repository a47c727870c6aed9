//! One test per failure class of issue 9 ("segmentation from document-wide evidence"),
//! each on an excerpt of a real public document (the source and licence are named at each
//! test) or, where said, a small text made in the shape of one.

use draftdiff::model::{ArtifactKind, Document, UnitKind};
use draftdiff::read::ReadOptions;
use draftdiff::segment::{SegmentOptions, segment, segment_explained};

const FINAL: &str = include_str!("../examples/data/final-report.txt");

/// RFC 6152 (SMTP Service Extension for 8-bit MIME Transport), pages 1 to 6, as the RFC
/// Editor publishes it: a footer, a form feed and a header at each page break.
/// © IETF Trust, reproduced under the IETF Trust Legal Provisions (BCP 78).
const RFC6152: &str = include_str!("fixtures/classes/rfc6152-pages.txt");

fn seg(text: &str) -> Document {
    segment("t.txt", text, &SegmentOptions::new())
}

/// The one unit whose text contains `needle`.
fn unit_with<'a>(doc: &'a Document, needle: &str) -> &'a draftdiff::model::Unit {
    let found: Vec<_> = doc
        .units
        .iter()
        .filter(|u| u.text.contains(needle))
        .collect();
    assert_eq!(found.len(), 1, "units containing {needle:?}: {found:#?}");
    found[0]
}

fn numbers(doc: &Document, kind: UnitKind) -> Vec<String> {
    doc.units
        .iter()
        .filter(|u| u.kind == kind)
        .filter_map(|u| u.number.clone())
        .collect()
}

/// Class 1: a page break (a form feed line) ends the paragraph before it unless the text
/// runs on (no final punctuation before it, a lower-case start after it).
#[test]
fn class1_form_feeds_end_paragraphs_unless_the_sentence_runs_on() {
    let doc = seg(RFC6152);
    // Page 2 ends inside a sentence ("… to the EHLO" / "command, and …"): one unit.
    let u = unit_with(
        &doc,
        "If the server SMTP responds with code 250 to the EHLO",
    );
    assert!(
        u.text.contains("EHLO command, and the response includes"),
        "{}",
        u.text
    );
    // Page 3 ends a paragraph ("… in each octet."); page 4 starts another.
    let u = unit_with(&doc, "preserve all bits in each octet.");
    assert!(
        u.text.ends_with("preserve all bits in each octet."),
        "{}",
        u.text
    );
    assert!(
        unit_with(&doc, "If a server SMTP does not support")
            .text
            .starts_with("If a server SMTP")
    );
    // Page 4 ends with the example, page 5 starts with section 5's title.
    assert_eq!(unit_with(&doc, "S: 250 Goodbye").kind, UnitKind::Paragraph);
    let h = unit_with(&doc, "Security Considerations");
    assert_eq!(
        (h.kind, h.number.as_deref()),
        (UnitKind::Heading, Some("5"))
    );
}

/// Class 2: text framed as box art is read as text, the frame removed. The boxed GNU GPL
/// notice as KDE source files carry it (the notice text is the FSF's, which may be copied
/// verbatim).
#[test]
fn class2_boxed_text_is_read_without_its_frame() {
    let text = "\
/***************************************************************************
 *                                                                         *
 *   This program is free software; you can redistribute it and/or modify  *
 *   it under the terms of the GNU General Public License as published by  *
 *   the Free Software Foundation; either version 2 of the License, or     *
 *   (at your option) any later version.                                   *
 *                                                                         *
 ***************************************************************************/

The program starts here.
";
    let doc = seg(text);
    let texts: Vec<&str> = doc.units.iter().map(|u| u.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "This program is free software; you can redistribute it and/or modify it under \
             the terms of the GNU General Public License as published by the Free Software \
             Foundation; either version 2 of the License, or (at your option) any later version.",
            "The program starts here.",
        ]
    );
    assert_eq!(
        doc.artifacts
            .iter()
            .filter(|a| a.kind == ArtifactKind::PageBreak)
            .count(),
        2
    );
}

/// Class 3: a lettered list `A.` … `J.` is one sequence: `I.` after `H.` is the ninth
/// item, not roman heading I, and an item is not cut at a line ending in "If". (A text
/// made in the shape of a state statute's lettered subsections.)
#[test]
fn class3_lettered_lists_are_sequences() {
    let items = [
        "The board shall meet at least once in each calendar year at a time\nand place fixed by the chair, and at such other times as the chair\nor a majority of the members may call.",
        "A majority of the members of the board constitutes a quorum for\nthe transaction of business.",
        "The board shall keep minutes of its meetings and make them available\nto the public within thirty days after each meeting.",
        "Members of the board serve without compensation but may be\nreimbursed for their reasonable expenses.",
        "The board may appoint committees from among its members and\nmay delegate to them any of its powers.",
        "The chair shall preside at all meetings of the board and shall\nsign its orders.",
        "The board shall elect a vice chair from among its members, who\nshall preside in the absence of the chair.",
        "The board may adopt rules for the conduct of its meetings and\nfor the keeping of its records.",
        "A member who is absent from three consecutive meetings without cause\nmay be removed by the appointing authority. If\nthe member is removed, the appointing authority shall fill the seat.",
        "This section does not limit the powers of the chair under any\nother provision of law.",
    ];
    let mut text = String::from("Section 12. Board meetings\n\n");
    for (i, item) in items.iter().enumerate() {
        text.push_str(&format!("{}. {item}\n", (b'A' + i as u8) as char));
    }
    let doc = seg(&text);
    let letters: Vec<String> = (b'A'..=b'J').map(|c| (c as char).to_string()).collect();
    assert_eq!(numbers(&doc, UnitKind::ListItem), letters);
    assert!(numbers(&doc, UnitKind::Heading).is_empty());
    let i = unit_with(&doc, "three consecutive meetings");
    assert_eq!(i.number.as_deref(), Some("I"));
    assert!(i.text.ends_with("shall fill the seat."), "{}", i.text);
}

/// The final report (a UN Human Rights Council Advisory Committee report, PDF-extracted;
/// UN documents may be reproduced) with page furniture put back as a PDF extraction without
/// page-break lines leaves it: the document symbol at each page top and a job number with
/// the page number at each foot, on alternate sides on odd and even pages.
fn final_report_with_furniture() -> (String, usize) {
    let mut out = String::new();
    let mut text_lines = 0;
    let mut page = 1;
    let mut furniture = 0;
    for line in FINAL.lines() {
        out.push_str(line);
        out.push('\n');
        if line.trim().is_empty() {
            continue;
        }
        text_lines += 1;
        if text_lines % 40 == 0 {
            let foot = if page % 2 == 1 {
                format!("GE.19-14523  {page}")
            } else {
                format!("{page}  GE.19-14523")
            };
            page += 1;
            out.push_str(&format!("\n{foot} \n\nA/HRC/AC/23/CRP.1 \n"));
            furniture += 2;
        }
    }
    (out, furniture)
}

/// Class 4: running headers and footers with no page-break line are found by their
/// repetition and removed; every paragraph and heading stays as it was.
#[test]
fn class4_running_headers_without_page_breaks_are_removed() {
    let (text, furniture) = final_report_with_furniture();
    let doc = seg(&text);
    let paras: Vec<String> = (1..=116).map(|n| n.to_string()).collect();
    assert_eq!(numbers(&doc, UnitKind::Paragraph), paras);
    assert_eq!(numbers(&doc, UnitKind::Heading).len(), 13);
    for u in &doc.units {
        assert!(!u.text.contains("GE.19-14523"), "{}", u.text);
        assert!(!u.text.contains("CRP.1"), "{}", u.text);
    }
    let removed = doc
        .artifacts
        .iter()
        .filter(|a| a.text.contains("GE.19") || a.text.contains("CRP.1"))
        .count();
    assert_eq!(removed, furniture);
    // The RFC without its form feeds: the footer and header are found by repetition alone.
    let text = RFC6152.replace('\u{c}', "");
    let (doc, why) = segment_explained("rfc.txt", &text, &SegmentOptions::new());
    assert!(
        doc.units
            .iter()
            .all(|u| !u.text.contains("Klensin, et al."))
    );
    let patterns: Vec<&str> = why.furniture.iter().map(|f| f.pattern.as_str()).collect();
    assert_eq!(
        patterns,
        [
            "klensin, et al. standards track [page #]",
            "rfc # smtp extension for #-bit mime march #"
        ]
    );
}

/// Class 5: a wrapped line that starts like a number is not a new unit, and a false `1.`
/// does not derail the numbering of the rest of the document. The final report with two
/// of its lines wrapped before a number (a year, and "1." of a date).
#[test]
fn class5_numbers_opening_wrapped_lines_do_not_start_units() {
    let text = FINAL
        .replacen(
            "conference of San Francisco of 1945. States",
            "conference of San Francisco of \n\n1945. States",
            1,
        )
        .replacen(
            "with a view to aligning laws, policies,",
            "with a view, before August \n\n1. The Committee noted, to aligning laws, policies,",
            1,
        );
    assert_ne!(text, FINAL);
    let (doc, why) = segment_explained("x.txt", &text, &SegmentOptions::new());
    let paras: Vec<String> = (1..=116).map(|n| n.to_string()).collect();
    assert_eq!(numbers(&doc, UnitKind::Paragraph), paras);
    assert!(
        unit_with(&doc, "before August 1. The Committee noted")
            .number
            .is_some()
    );
    let refused: Vec<&str> = why.rejected.iter().map(|r| r.number.as_str()).collect();
    assert!(
        refused.contains(&"1945") && refused.contains(&"1"),
        "{refused:?}"
    );
}

/// Class 5, titles: a numbered section title (`0. Definitions.`) is a heading over the
/// unnumbered paragraphs after it. GNU GPL version 3, section 0 to 2 (the licence text
/// may be copied verbatim).
#[test]
fn class5_numbered_section_titles_are_headings() {
    let text = "\
  0. Definitions.

  \"This License\" refers to version 3 of the GNU General Public License.

  \"Copyright\" also means copyright-like laws that apply to other kinds of
works, such as semiconductor masks.

  1. Source Code.

  The \"source code\" for a work means the preferred form of the work
for making modifications to it.  \"Object code\" means any non-source
form of a work.

  2. Basic Permissions.

  All rights granted under this License are granted for the term of
copyright on the Program, and are irrevocable provided the stated
conditions are met.  This License explicitly affirms your unlimited
permission to run the unmodified Program.  The output from running a
covered work is covered by this License only if the output, given its
content, constitutes a covered work.  This License acknowledges your
rights of fair use or other equivalent, as provided by copyright law.
";
    let doc = seg(text);
    let kinds: Vec<(UnitKind, Option<&str>)> = doc
        .units
        .iter()
        .map(|u| (u.kind, u.number.as_deref()))
        .collect();
    assert_eq!(
        kinds,
        [
            (UnitKind::Heading, Some("0")),
            (UnitKind::Paragraph, None),
            (UnitKind::Paragraph, None),
            (UnitKind::Heading, Some("1")),
            (UnitKind::Paragraph, None),
            (UnitKind::Heading, Some("2")),
            (UnitKind::Paragraph, None),
        ]
    );
    assert_eq!(doc.units[2].section, Some(0));
    assert_eq!(doc.units[3].section, None, "1 is a sibling of 0");
    assert_eq!(doc.units[4].section, Some(3));
}

/// Class 6: page footers (alternating sides) and page numbers alone are detected and
/// reported with the pattern that found them.
#[test]
fn class6_page_footers_are_reported_with_their_pattern() {
    let (text, _) = final_report_with_furniture();
    let (_, why) = segment_explained("x.txt", &text, &SegmentOptions::new());
    let patterns: Vec<&str> = why.furniture.iter().map(|f| f.pattern.as_str()).collect();
    for p in ["ge.#-# #", "# ge.#-#", "a/hrc/ac/#/crp.#"] {
        assert!(patterns.contains(&p), "{p} not in {patterns:?}");
    }
    let odd = why
        .furniture
        .iter()
        .find(|f| f.pattern == "ge.#-# #")
        .unwrap();
    let all = why
        .furniture
        .iter()
        .find(|f| f.pattern.starts_with("a/hrc"))
        .unwrap();
    // Odd-page footers recur every two pages, the header on every page.
    assert!(
        odd.period > all.period * 3 / 2,
        "{} vs {}",
        odd.period,
        all.period
    );
    let mut out = Vec::new();
    why.write_text(&mut out).unwrap();
    let out = String::from_utf8(out).unwrap();
    assert!(out.contains("page furniture \"ge.#-# #\""), "{out}");
}

/// Class 5, Markdown: read as CommonMark reads it: setext and ATX headings are headings, a
/// table, a block quote and a code block are one unit each. An excerpt of this project's
/// README (MIT OR Apache-2.0), with a setext title and a block quote added.
#[test]
fn class5_markdown_blocks_are_units() {
    let text = "\
How paragraphs are aligned
==========================

Measured (each figure printed by a test, `-- --nocapture`):

| case | precision | recall | F1 | test |
| --- | ---: | ---: | ---: | --- |
| reference pair, hand-built gold (40 sure links) | 1.000 | 0.975 | 0.987 | `cargo test --test align_reference` |
| Darwin, *Origin* ch. 1, every consecutive edition and 1859 → 1872 | 1.000 | 1.000 | 1.000 | `cargo test --test align_darwin` |

> For comparison, on the reference pair the best off-the-shelf method we tried (TF-IDF
> cosine with a threshold) reaches F1 0.935.

## History across many versions: `trace`, `blame`, `log`

```sh
draftdiff log   v1.txt v2.txt v3.txt
draftdiff blame v1.txt v2.txt v3.txt
```
";
    let doc = segment("README.md", text, &SegmentOptions::new());
    let got: Vec<(UnitKind, usize, usize)> = doc
        .units
        .iter()
        .map(|u| (u.kind, u.line, u.end_line))
        .collect();
    assert_eq!(
        got,
        [
            (UnitKind::Heading, 1, 2),
            (UnitKind::Paragraph, 4, 4),
            (UnitKind::Paragraph, 6, 9),
            (UnitKind::Paragraph, 11, 12),
            (UnitKind::Heading, 14, 14),
            (UnitKind::Paragraph, 16, 19),
        ]
    );
    assert!(doc.units[2].text.contains("hand-built gold"));
    assert!(doc.units[2].text.contains("consecutive edition"));
    assert_eq!(
        doc.units[4].text,
        "History across many versions: trace, blame, log"
    );
    assert_eq!(doc.units[5].section, Some(4));
    // The same text without a Markdown name is recognised by its syntax.
    assert_eq!(seg(text).units.len(), 6);
}

/// Class 6: an unnumbered heading inside PDF-extracted text (a short title line between a
/// paragraph's end and the next numbered paragraph) is a heading. The final report's
/// paragraphs 21 and 22 with the outline's unnumbered title put back between them (both
/// bundled UN documents).
#[test]
fn class6_unnumbered_headings_in_pdf_text() {
    let text = FINAL.replacen(
        "\n22. ",
        "\n The concept of mutually beneficial cooperation - MBC \n\n22. ",
        1,
    );
    assert_ne!(text, FINAL);
    let doc = seg(&text);
    let h = unit_with(&doc, "cooperation - MBC");
    assert_eq!((h.kind, h.number.as_deref()), (UnitKind::Heading, None));
    let p22 = doc
        .units
        .iter()
        .find(|u| u.number.as_deref() == Some("22"))
        .unwrap();
    assert_eq!(p22.section, Some(h.id));
    assert_eq!(numbers(&doc, UnitKind::Paragraph).len(), 116);
}

/// `draftdiff segment --explain` prints, after the table, the furniture patterns with the
/// lines they removed and the numbers refused as unit starts.
#[test]
fn explain_through_the_binary() {
    let out = assert_cmd::Command::cargo_bin("draftdiff")
        .unwrap()
        .args([
            "segment",
            "--explain",
            "tests/fixtures/classes/rfc6152-pages.txt",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("layout: Blocks"), "{text}");
    assert!(
        text.contains(
            "page furniture \"klensin, et al. standards track [page #]\": 5 lines, about every 56 lines (lines 51, 107, 163, 219, 275)"
        ),
        "{text}"
    );
    assert!(text.contains("line 7: \"D\" is not a unit start"), "{text}");
}

// The six classes again, each on a document of the dev half of the segmentation corpus
// (`tests/corpus/segment/`, licences in each `SOURCE.md`), read as `draftdiff segment FILE`
// reads it.

/// A dev document of the corpus, segmented.
fn corpus(name: &str, file: &str) -> Document {
    let path = format!("tests/corpus/segment/{name}/{file}");
    draftdiff::load(&path, &ReadOptions::new(), &SegmentOptions::new()).expect("corpus reads")
}

/// The text of a dev document of the corpus.
fn corpus_text(name: &str, file: &str) -> String {
    std::fs::read_to_string(format!("tests/corpus/segment/{name}/{file}")).expect("corpus reads")
}

/// The unit that starts on line `line`.
fn unit_at(doc: &Document, line: usize) -> &draftdiff::model::Unit {
    doc.units
        .iter()
        .find(|u| u.line == line)
        .unwrap_or_else(|| panic!("no unit starts on line {line}"))
}

/// Class 1 on RFC 3986: a paragraph that runs across a form feed (page 5 ends in the
/// middle of a sentence) is one unit; the section title after the form feed of page 6
/// starts its own heading instead of being glued to the paragraph before the break.
#[test]
fn corpus_class1_form_feeds_in_rfc3986() {
    let doc = corpus("rfc3986-uri-generic-syntax", "doc.txt");
    let u = unit_with(&doc, "is a common goal of all URI schemes.");
    assert!(
        u.text
            .contains("particular types of resources, or to a subset of URIs"),
        "{}",
        u.text
    );
    let h = unit_at(&doc, 116);
    assert_eq!(
        (h.kind, h.number.as_deref(), h.text.as_str()),
        (UnitKind::Heading, Some("1.1.2"), "Examples")
    );
    assert!(
        doc.units
            .iter()
            .all(|u| !u.text.contains("Standards Track"))
    );
}

/// Class 2 on PEP 495: a grid table framed by `+----+` rules and `|` columns (lines
/// 81–87) is one unit, not a unit per row, and the text after it is a paragraph of its own.
#[test]
fn corpus_class2_framed_table_in_pep495() {
    let doc = corpus("pep-0495-local-time-tables", "doc.txt");
    let after = unit_with(&doc, "where ``stdoff`` is the standard");
    let table = &doc.units[after.id - 1];
    assert_eq!(
        (table.kind, table.line, table.end_line),
        (UnitKind::Paragraph, 81, 87)
    );
    assert!(
        table.text.contains("utcoffset()") && table.text.contains("fold=1"),
        "{}",
        table.text
    );
}

/// Class 3 on Code civil article 2508: the lettered items `a)` to `h)` under `1°` are
/// each a list item, the quoted paragraphs between them are paragraphs, and `2°` after
/// `h)` goes on with the numbered items.
#[test]
fn corpus_class3_lettered_items_in_code_civil_2508() {
    let doc = corpus("code-civil-2508", "doc.md");
    let starts: Vec<&str> = doc
        .units
        .iter()
        .filter(|u| u.kind == UnitKind::ListItem)
        .map(|u| u.text.split_whitespace().next().unwrap_or(""))
        .collect();
    assert_eq!(
        starts,
        [
            "1°", "a)", "b)", "c)", "d)", "e)", "f)", "g)", "h)", "2°", "3°", "4°"
        ]
    );
    assert_eq!(unit_at(&doc, 19).kind, UnitKind::Paragraph);
    assert_eq!(unit_at(&doc, 3).kind, UnitKind::Paragraph);
    let lines: Vec<usize> = doc.units.iter().map(|u| u.line).collect();
    assert_eq!(
        lines,
        [
            1, 3, 7, 10, 15, 17, 19, 24, 32, 34, 36, 38, 40, 44, 53, 58, 60, 67
        ]
    );
    // Every item belongs to the paragraph that introduced the enumeration.
    for unit in doc.units.iter().filter(|u| u.kind == UnitKind::ListItem) {
        assert!(unit.parent.is_some(), "line {} has no parent", unit.line);
    }
}

/// Class 4 on RFC 2045 with its form feeds taken out: the running header and footer are
/// found by their repetition alone, with their patterns, and no text line goes with them.
#[test]
fn corpus_class4_running_heads_without_form_feeds_in_rfc2045() {
    let text = corpus_text("rfc2045-mime-bodies", "doc.txt").replace('\u{c}', "");
    let (doc, why) = segment_explained("rfc2045.txt", &text, &SegmentOptions::new());
    let patterns: Vec<&str> = why.furniture.iter().map(|f| f.pattern.as_str()).collect();
    assert_eq!(
        patterns,
        [
            "rfc # internet message bodies november #",
            "freed & borenstein standards track [page #]"
        ]
    );
    let lines: usize = why.furniture.iter().map(|f| f.lines.len()).sum();
    assert_eq!(lines, 7);
    assert!(
        doc.units
            .iter()
            .all(|u| !u.text.contains("Standards Track"))
    );
}

/// Class 5 on RFC 2045: a wrapped line that starts with a number (`13) and LF …`) goes on
/// its paragraph, and the numbered section titles (`2.1.  CRLF`) are headings.
#[test]
fn corpus_class5_numbers_in_rfc2045() {
    let doc = corpus("rfc2045-mime-bodies", "doc.txt");
    let u = unit_with(&doc, "The term CRLF, in this set of documents");
    assert!(u.text.contains("(decimal value 13) and LF"), "{}", u.text);
    let titles: Vec<(Option<&str>, &str)> = doc
        .units
        .iter()
        .filter(|u| u.kind == UnitKind::Heading)
        .map(|u| (u.number.as_deref(), u.text.as_str()))
        .collect();
    for want in [
        (Some("2.1"), "CRLF"),
        (Some("2.2"), "Character Set"),
        (Some("2.3"), "Message"),
        (Some("2.4"), "Entity"),
    ] {
        assert!(titles.contains(&want), "{want:?} not in {titles:?}");
    }
}

/// Class 6 on RFC 3986: a word broken at a line end is rejoined from the document's own
/// evidence. `end-` / `user's` keeps its hyphen because `end-user` is written so elsewhere
/// in the document; `scheme-` / `independent` keeps it because both halves are words of
/// the document and the document writes `scheme-dependent`, never `schemeindependent`.
#[test]
fn corpus_class6_broken_words_in_rfc3986() {
    let doc = corpus("rfc3986-uri-generic-syntax", "doc.txt");
    let u = unit_with(&doc, "on-line help manual");
    assert!(
        u.text.contains("file on the end-user's file system"),
        "{}",
        u.text
    );
    let u = unit_with(&doc, "parsing mechanism for URI references");
    assert!(
        u.text.contains("a scheme-independent parsing"),
        "{}",
        u.text
    );
}
