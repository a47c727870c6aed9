//! One small hand-made input per segmentation and repair rule, so each rule is shown to
//! work on text that is not the reference documents.

use draftdiff::model::{ArtifactKind, Document, UnitKind};
use draftdiff::segment::{Layout, SegmentOptions, detect_layout, segment};

fn seg(text: &str) -> Document {
    segment("t.txt", text, &SegmentOptions::new())
}

/// (kind, number, text) of every unit.
fn units(doc: &Document) -> Vec<(&'static str, Option<&str>, &str)> {
    doc.units
        .iter()
        .map(|u| (u.kind.as_str(), u.number.as_deref(), u.text.as_str()))
        .collect()
}

/// Double-spaces `lines` the way PDF extraction does (a blank line after every line).
fn pdf(lines: &[&str]) -> String {
    let mut s = String::new();
    for l in lines {
        s.push_str(l);
        s.push_str(" \n\n");
    }
    s
}

/// A wrapped paragraph 1 that gives small PDF-style tests a page worth of ordinary lines,
/// so the layout statistics see what a real page looks like.
const FILLER: &[&str] = &[
    "1. The drafting group met three times during the session and considered",
    "the comments received from the members of the committee, who had been",
    "invited to send their views in writing before the end of the month, and",
    "from the observers, whose views were summarised by the secretariat in a",
    "note that was circulated to all participants before the first meeting of",
    "the group, which was chaired by the rapporteur and attended by most of",
    "the members in person and by the others through the online platform that",
    "the secretariat had set up for the purpose at the request of the chair.",
];

/// `lines` after the filler paragraph, double-spaced.
fn page(lines: &[&str]) -> String {
    let mut all = FILLER.to_vec();
    all.extend_from_slice(lines);
    pdf(&all)
}

/// The units after the filler paragraph.
fn after_filler(doc: &Document) -> Vec<(&'static str, Option<&str>, &str)> {
    assert_eq!(doc.units[0].number.as_deref(), Some("1"));
    units(doc)[1..].to_vec()
}

/// The line number of line `i` (0-based) of the `lines` given to [`page`].
fn line_of(i: usize) -> usize {
    2 * (FILLER.len() + i) + 1
}

#[test]
fn pdf_lines_are_rejoined_across_blank_lines() {
    let text = pdf(&[
        "1. The committee met in spring and the members",
        "discussed the draft for a long time before they",
        "agreed on a text that everyone could accept.",
        "2. The second paragraph is also wrapped over",
        "two lines of text.",
    ]);
    assert_eq!(detect_layout(&text), Layout::Pdf);
    let doc = seg(&text);
    assert_eq!(
        units(&doc),
        [
            (
                "paragraph",
                Some("1"),
                "The committee met in spring and the members discussed the draft for a long time \
                 before they agreed on a text that everyone could accept."
            ),
            (
                "paragraph",
                Some("2"),
                "The second paragraph is also wrapped over two lines of text."
            )
        ]
    );
    assert_eq!((doc.units[0].line, doc.units[0].end_line), (1, 5));
}

#[test]
fn broken_words_are_mended_from_the_documents_vocabulary() {
    let text = pdf(&[
        "1. Several organizations and the well-being of people were discussed by the organi-",
        "zation, and each self was governing its evident term, and the",
        "zation at length, and many people thought the well-",
        "being of everyone was at stake in the exam-",
        "ple given by the self-",
        "governing body and by the self-",
        "evident case of long-term plans for the long-",
        "term future that the Secretary-",
        "General had in mind for the non-",
        "governmental groups.",
    ]);
    let doc = seg(&text);
    let t = &doc.units[0].text;
    // `organizations` occurs unbroken: join.
    assert!(t.contains("by the organization, and each self"), "{t}");
    // `well-being` occurs hyphenated inside a line: keep.
    assert!(t.contains("the well-being of everyone"), "{t}");
    // Neither form elsewhere, `exam` not a word of the text: join.
    assert!(t.contains("in the example given"), "{t}");
    // Neither form elsewhere but both halves are words of the text: keep.
    assert!(t.contains("the self-governing body"), "{t}");
    assert!(t.contains("the long-term future"), "{t}");
    // A capital after the hyphen: always a compound.
    assert!(t.contains("the Secretary-General had"), "{t}");
    // `non` is no word of the text and `nongovernmental` never occurs: the default joins.
    assert!(t.contains("the nongovernmental groups"), "{t}");
}

#[test]
fn footnotes_at_the_page_foot_become_units_and_markers_leave_the_text() {
    let mut text = page(&[
        "2. The first paragraph states that the Council “may 1  act” on its own in",
        "the region and abroad.2 The members then went on to the next point of the",
        "agenda, which concerned the budget of the",
        "  ",
    ]);
    // The page foot: footnotes, the second continued on a further line, then the next
    // page starting without a blank line.
    text.push_str(
        " 1 See the rules of procedure. \n\n 2  A second note that goes on\n\nover two lines. \n",
    );
    text.push_str(" secretariat for the coming year. \n\n3. Next paragraph. \n");
    let doc = seg(&text);
    assert_eq!(
        after_filler(&doc),
        [
            (
                "paragraph",
                Some("2"),
                "The first paragraph states that the Council “may act” on its own in the region \
                 and abroad. The members then went on to the next point of the agenda, which \
                 concerned the budget of the secretariat for the coming year."
            ),
            ("footnote", Some("1"), "See the rules of procedure."),
            (
                "footnote",
                Some("2"),
                "A second note that goes on over two lines."
            ),
            ("paragraph", Some("3"), "Next paragraph."),
        ]
    );
    assert_eq!(doc.units[2].parent, Some(1));
    assert_eq!(doc.units[3].parent, Some(1));
    let removed: Vec<(ArtifactKind, usize, &str)> = doc
        .artifacts
        .iter()
        .map(|a| (a.kind, a.line, a.text.as_str()))
        .collect();
    assert_eq!(
        removed,
        [
            (ArtifactKind::FootnoteMarker, line_of(0), "1"),
            (ArtifactKind::FootnoteMarker, line_of(1), "2"),
            (ArtifactKind::PageBreak, line_of(3), "   "),
        ]
    );
}

#[test]
fn numbers_in_running_text_are_not_taken_for_markers() {
    let text = page(&[
        "2. A total of 15 States and 2 organizations replied, see para. 1 of the",
        "annex and resolution 2 adopted in 2019. The members also",
        "  ",
    ]) + " 1 A note. \n\n 2 Another note. \n next page text. \n";
    let doc = seg(&text);
    assert_eq!(
        doc.units
            .iter()
            .filter(|u| u.kind == UnitKind::Footnote)
            .count(),
        2
    );
    let p = &doc.units[1].text;
    assert!(
        p.starts_with("A total of 15 States and 2 organizations replied, see para. 1 of"),
        "{p}"
    );
    assert!(p.contains("resolution 2 adopted in 2019."), "{p}");
    assert!(
        doc.artifacts
            .iter()
            .all(|a| a.kind != ArtifactKind::FootnoteMarker)
    );
}

#[test]
fn page_furniture_is_removed() {
    let text = page(&[
        "2. The second paragraph runs on over the page break and",
        "it continues on the next page with its final words and",
    ]) + "https://example.org/some/document.pdf\n the closing part of it. \n\n– 2 –\n 3. A third paragraph. \n";
    let doc = seg(&text);
    assert_eq!(
        after_filler(&doc),
        [
            (
                "paragraph",
                Some("2"),
                "The second paragraph runs on over the page break and it continues on the next \
                 page with its final words and the closing part of it."
            ),
            ("paragraph", Some("3"), "A third paragraph."),
        ]
    );
    let kinds: Vec<ArtifactKind> = doc.artifacts.iter().map(|a| a.kind).collect();
    assert_eq!(kinds, [ArtifactKind::PageBreak, ArtifactKind::PageNumber]);
}

#[test]
fn wrapped_headings_are_kept_whole() {
    let text = pdf(&[
        " I. Introduction",
        "1. Text of the first paragraph that is long enough to wrap",
        "onto a second line.",
        " II. Relations between international organizations, regional",
        "bodies and national institutions",
        "2. Text.",
    ]);
    assert_eq!(
        units(&seg(&text)),
        [
            ("heading", Some("I"), "Introduction"),
            (
                "paragraph",
                Some("1"),
                "Text of the first paragraph that is long enough to wrap onto a second line."
            ),
            (
                "heading",
                Some("II"),
                "Relations between international organizations, regional bodies and national institutions"
            ),
            ("paragraph", Some("2"), "Text."),
        ]
    );
}

#[test]
fn numbered_paragraph_forms_and_sequence() {
    let text = "1.\tTab after the number.\n2. Space after it.\n2.1 A sub-paragraph.\n2.2 Another one.\n3. Back to the main level.\n";
    let doc = seg(text);
    let numbers: Vec<&str> = doc
        .units
        .iter()
        .map(|u| u.number.as_deref().unwrap())
        .collect();
    assert_eq!(numbers, ["1", "2", "2.1", "2.2", "3"]);
    assert_eq!(doc.units[0].text, "Tab after the number.");
    // In wrapped text a line that happens to start with a year or a far-off number is
    // running text, not a new paragraph.
    let text = pdf(&[
        "4. The plan was adopted in the course of the year",
        "2019. The next plan follows, as shown in the annex to report",
        "12. of the secretariat.",
        "5. Next.",
    ]);
    let doc = seg(&text);
    let numbers: Vec<&str> = doc
        .units
        .iter()
        .map(|u| u.number.as_deref().unwrap())
        .collect();
    assert_eq!(numbers, ["4", "5"]);
    assert!(doc.units[0].text.contains("year 2019. The next plan"));
}

#[test]
fn roman_headings_also_after_tabs() {
    let text = "\tI.\tIntroduction\n1.\tText.\n\t\tII.\tScope \n2.\tMore text.\n";
    let doc = seg(text);
    assert_eq!(
        units(&doc),
        [
            ("heading", Some("I"), "Introduction"),
            ("paragraph", Some("1"), "Text."),
            ("heading", Some("II"), "Scope"),
            ("paragraph", Some("2"), "More text."),
        ]
    );
    assert_eq!(doc.units[3].section, Some(2));
}

#[test]
fn unnumbered_title_line_between_paragraphs() {
    let text = "I.\tBackground\n1.\tFirst paragraph of the text.\n\t\tA title without a number\n2.\tSecond paragraph.\nII.\tNext section\n3.\tThird.\n";
    let doc = seg(text);
    assert_eq!(
        units(&doc),
        [
            ("heading", Some("I"), "Background"),
            ("paragraph", Some("1"), "First paragraph of the text."),
            ("heading", None, "A title without a number"),
            ("paragraph", Some("2"), "Second paragraph."),
            ("heading", Some("II"), "Next section"),
            ("paragraph", Some("3"), "Third."),
        ]
    );
    // The title sits under I and governs paragraph 2; II ends it.
    assert_eq!(doc.units[2].section, Some(0));
    assert_eq!(doc.units[3].section, Some(2));
    assert_eq!(doc.units[4].section, None);
    assert_eq!(doc.units[5].section, Some(4));
}

#[test]
fn list_items_belong_to_the_paragraph_introducing_them() {
    let text = "1.\tThe fund paid for:\n(a)\ttraining;\n(b)\tseminars;\nc)\tvisits;\ni.\tand travel.\n2.\tNext.\n";
    let doc = seg(text);
    let items: Vec<(&str, Option<usize>)> = doc
        .units
        .iter()
        .filter(|u| u.kind == UnitKind::ListItem)
        .map(|u| (u.number.as_deref().unwrap(), u.parent))
        .collect();
    assert_eq!(
        items,
        [
            ("(a)", Some(0)),
            ("(b)", Some(0)),
            ("c)", Some(0)),
            ("i", Some(0))
        ]
    );
    assert_eq!(doc.units[5].number.as_deref(), Some("2"));
}

#[test]
fn markdown_headings_and_lists() {
    let text = "# Title\n\nSome intro text that wraps\nover two lines.\n\n## Part one\n\n- first item\n- second item\n  continued here\n\nClosing words.\n";
    let doc = seg(text);
    assert_eq!(
        units(&doc),
        [
            ("heading", None, "Title"),
            (
                "paragraph",
                None,
                "Some intro text that wraps over two lines."
            ),
            ("heading", None, "Part one"),
            ("list_item", None, "first item"),
            ("list_item", None, "second item continued here"),
            ("paragraph", None, "Closing words."),
        ]
    );
    assert_eq!(doc.units[2].section, Some(0));
    assert_eq!(doc.units[3].section, Some(2));
    assert_eq!(doc.units[3].parent, None);
}

#[test]
fn plain_prose_in_blank_line_paragraphs() {
    let text = "Permission is hereby granted, free of charge, to any person\nobtaining a copy of this software, to deal in the Software\nwithout restriction.\n\nThe above copyright notice shall be included in all\ncopies or substantial portions of the Software.\n";
    let doc = seg(text);
    assert_eq!(doc.units.len(), 2);
    assert_eq!((doc.units[0].line, doc.units[0].end_line), (1, 3));
    assert_eq!((doc.units[1].line, doc.units[1].end_line), (5, 6));
    assert!(
        doc.units
            .iter()
            .all(|u| u.kind == UnitKind::Paragraph && u.number.is_none())
    );
}

#[test]
fn one_paragraph_a_line() {
    let text = "When we look at the plants we see that they vary; this is shown at length below.\n\nOn the Breeds . — Believing that it is best to study a group, I took pigeons.\nI have kept every breed I could get, and the skeletons were compared.\n";
    let doc = seg(text);
    let lines: Vec<usize> = doc.units.iter().map(|u| u.line).collect();
    assert_eq!(lines, [1, 3, 4]);
    assert!(
        doc.units
            .iter()
            .all(|u| u.kind == UnitKind::Paragraph && u.number.is_none())
    );
}

#[test]
fn unicode_spaces_tabs_and_empty_input() {
    let doc = seg("1.\u{a0}Text\u{2003}with\tspaces\u{202f}inside.\n");
    assert_eq!(
        units(&doc),
        [("paragraph", Some("1"), "Text with spaces inside.")]
    );
    assert!(seg("").units.is_empty());
    assert!(seg("\n\n  \n").units.is_empty());
}

#[test]
fn norm_is_the_matching_form() {
    let doc = seg("1. The “Council” – as ‘agreed’ –\u{a0}Decided.\n");
    assert_eq!(
        doc.units[0].norm,
        "the \"council\" - as 'agreed' - decided."
    );
}

#[test]
fn a_huge_line_is_one_unit() {
    // No line-length limit: every step is linear in the line, so a 1 MB line of words
    // broken by hyphens and digits is read like any other.
    let line = "word- 12 ab-cd 3  x ".repeat(50_000);
    let doc = seg(&line);
    assert_eq!(doc.units.len(), 1);
    // Only the second space of each "3  x" goes.
    assert_eq!(doc.units[0].text.len(), line.trim_end().len() - 50_000);
}

#[test]
fn indented_and_hanging_paragraphs_in_wrapped_blocks() {
    // First-line indents, no blank lines between paragraphs.
    let text = "    The first paragraph starts with an indent and goes on over\nthe margin for a second line and a third line that ends it.\n    The second paragraph is indented the same way and wraps\nonto the margin, where it ends after one more line of text\nand another one that ends the paragraph.\n";
    assert_eq!(detect_layout(text), Layout::Blocks);
    let doc = seg(text);
    let starts: Vec<&str> = doc.units.iter().map(|u| &u.text[..14]).collect();
    assert_eq!(starts, ["The first para", "The second par"]);
    // Hanging indents: the first line at the margin, the rest indented.
    let text = "Quorum: a majority of the members, counted at the opening of\n    the meeting and again before any vote is taken by the board\n    on any matter.\nMinutes: the record of a meeting kept by the secretary, which\n    the board approves at its next meeting and publishes\n    within thirty days.\n";
    let doc = seg(text);
    let starts: Vec<&str> = doc.units.iter().map(|u| &u.text[..7]).collect();
    assert_eq!(starts, ["Quorum:", "Minutes"]);
}

#[test]
fn one_line_numbered_units_without_punctuation_follow_each_other() {
    // Regression: short numbered lines with no final punctuation (a list of names) are
    // each a unit; the layout check for wrapped lines must not glue them together.
    let doc = seg("1. Alpha group\n2. Beta group\n3. Gamma group\n");
    let numbers: Vec<Option<&str>> = doc.units.iter().map(|u| u.number.as_deref()).collect();
    assert_eq!(numbers, [Some("1"), Some("2"), Some("3")]);
}

/// A plain number between two-level numbers (a footnote's `207.`, a quoted paragraph)
/// does not derail the two-level numbering: `14.3` still continues `14.2` after it, and
/// so does every later paragraph. (Generated reports of 100,000 paragraphs lost every
/// paragraph after such a footnote: the numbering only continued from the last number
/// of any shape.)
#[test]
fn a_plain_number_between_two_level_numbers_does_not_derail_them() {
    let doc = seg(&page(&[
        "II. Methods of work",
        "2.1 The committee also considered the report of the working group on the",
        "methods of work, and the comments of the observers on its conclusions.",
        "2.2 The committee also considered the report of the working group on the",
        "methods of work, and the comments of the observers on its conclusions and",
        "on the timetable that it had proposed for the next session of the group.",
        " 207. See the note by the secretariat on the methods of work of the group,",
        "circulated at the request of the chair before the first meeting.",
        "2.3 The drafting group agreed to revise the outline in the light of the",
        "comments received, and to circulate the revised text to all members for",
        "their views before the end of the session, as the chair had proposed.",
        "2.4 The chair thanked the members and the observers for their comments",
        "and closed the meeting after the secretariat had read out the decisions.",
    ]));
    let two_level: Vec<&str> = doc
        .units
        .iter()
        .filter_map(|u| u.number.as_deref())
        .filter(|n| n.contains('.'))
        .collect();
    assert_eq!(
        two_level,
        ["2.1", "2.2", "2.3", "2.4"],
        "{:#?}",
        units(&doc)
    );
}

/// `pdftotext` without `-layout`: justified lines, no blank line between paragraphs,
/// pages separated by form feeds.
const PAGED: &str = "The drafting group met three times during the session and it considered\n\
the comments received from the members of the committee, who had been\n\
asked to send their views in writing.\n\
The observers sent their views too, and the secretariat summarised them\n\
in a note that was circulated to all participants before the meeting.\n\
\n\
\u{c}The group was chaired by the rapporteur and attended by most of the\n\
members in person and by the others through the online platform.\n";

#[test]
fn paginated_blocks_end_a_paragraph_at_a_short_line_that_ends_a_sentence() {
    let doc = seg(PAGED);
    let starts: Vec<&str> = doc.units.iter().map(|u| &u.text[..12]).collect();
    assert_eq!(starts, ["The drafting", "The observer", "The group wa"]);
}

#[test]
fn without_pages_a_hand_wrapped_block_stays_one_paragraph() {
    // The same text with no form feed: ragged hand-wrapping leaves short lines inside a
    // paragraph, so only blank lines end it.
    let doc = seg(&PAGED.replace('\u{c}', ""));
    assert_eq!(doc.units.len(), 2);
}

#[test]
fn a_bullet_alone_on_its_line_marks_the_text_after_it() {
    let text = "The tiers are as follows:\n\u{2022}\n\nTier 3 gives no guarantees.\n\n\u{2022}\n\nTier 2 builds.\n";
    let doc = seg(text);
    assert_eq!(
        units(&doc),
        [
            ("paragraph", None, "The tiers are as follows:"),
            ("list_item", None, "Tier 3 gives no guarantees."),
            ("list_item", None, "Tier 2 builds."),
        ]
    );
}

#[test]
fn paginated_blocks_end_a_numbered_title_line_before_its_paragraph() {
    // pdftotext puts a numbered section title straight above its first paragraph.
    let text = format!(
        "{PAGED}\n1.1 Version\nThis is version 0.21 of the specification, which the group agreed\n\
         at its last meeting after the comments had been resolved by the editors.\n"
    );
    let doc = seg(&text);
    let tail: Vec<(&str, Option<&str>)> = doc.units[doc.units.len() - 2..]
        .iter()
        .map(|u| (u.kind.as_str(), u.number.as_deref()))
        .collect();
    assert_eq!(tail, [("heading", Some("1.1")), ("paragraph", None)]);
}

#[test]
fn a_centred_title_is_not_a_definition_list() {
    // A plain-text title set centred over its subtitle, the way licences and reports open:
    // the second line is indented more than the first, as a definition would be under its
    // term, but both lines stand well in from the margin with their middles in one column.
    let centred = "                    THE OPEN DRAFTING AGREEMENT\n\
                   \x20                      Edition 4, 2 March 2026\n\
                   \n\
                   Everyone may copy and share this agreement as it stands.\n";
    let doc = seg(centred);
    assert_eq!(
        units(&doc)[0],
        (
            "heading",
            None,
            "THE OPEN DRAFTING AGREEMENT Edition 4, 2 March 2026"
        )
    );
    // A term with its definition indented under it is still an entry: the unit test
    // `field_lists_and_definitions` in src/segment/assemble.rs.
}

/// A small IETF-style document: blank lines are paragraph breaks (no sentence runs on
/// across them), numbered titles stand above their text or above the first subsection,
/// and a three-level number titles a subsection.
#[test]
fn ietf_titles_above_text_or_subsections_and_deep_section_numbers() {
    let text = "1.  Overview\n\n   Body text here that is long enough to be a paragraph of running text.\n\n      client: The endpoint.\n\n2.  SPDY Framing Layer\n\n2.1.  Session\n\n   The framing layer runs atop a reliable transport.\n";
    assert_ne!(detect_layout(text), Layout::Pdf);
    let doc = seg(text);
    let got: Vec<_> = doc
        .units
        .iter()
        .map(|u| (u.kind.as_str(), u.number.as_deref(), u.line))
        .collect();
    assert_eq!(
        got,
        [
            ("heading", Some("1"), 1),
            ("paragraph", None, 3),
            ("paragraph", None, 5),
            ("heading", Some("2"), 7),
            ("heading", Some("2.1"), 9),
            ("paragraph", None, 11),
        ]
    );

    let text = "2.2.  Framing\n\n   Frames always have a common header which is 8 bytes in length.\n\n2.2.1. Control frames\n\n   The control bit is set in every control frame.\n\n2.2.2. Data frames\n\n   The control bit is clear in every data frame.\n";
    let doc = seg(text);
    assert_eq!(
        units(&doc),
        [
            ("heading", Some("2.2"), "Framing"),
            (
                "paragraph",
                None,
                "Frames always have a common header which is 8 bytes in length."
            ),
            ("heading", Some("2.2.1"), "Control frames"),
            (
                "paragraph",
                None,
                "The control bit is set in every control frame."
            ),
            ("heading", Some("2.2.2"), "Data frames"),
            (
                "paragraph",
                None,
                "The control bit is clear in every data frame."
            ),
        ]
    );
}

/// GPL-3's preamble: "(1) assert copyright on the software, and (2) offer you …" wrapped
/// so that a line starts with "(2)": the enumeration runs inside the sentence (its `(1)`
/// is already in the paragraph's text), so `(2)` starts no item.
#[test]
fn a_label_continuing_an_enumeration_inside_the_sentence_starts_no_item() {
    let doc = seg(&page(&[
        "2. Developers that use the GNU GPL protect your rights with two steps: (1)",
        "assert copyright on the software, and",
        "(2) offer you this License giving you legal permission to copy, distribute",
        "and/or modify it.",
    ]));
    let got = after_filler(&doc);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!((got[0].0, got[0].1), ("paragraph", Some("2")));
    assert!(got[0].2.ends_with("(2) offer you this License giving you legal permission to copy, distribute and/or modify it."));
    // A list whose `(1)` starts an item of its own still goes on at `(2)`.
    let doc = seg(&page(&[
        "2. Developers protect your rights with these steps:",
        "(1) assert copyright on the software; and",
        "(2) offer you this License.",
    ]));
    let kinds: Vec<_> = after_filler(&doc).iter().map(|u| (u.0, u.1)).collect();
    assert_eq!(
        kinds,
        [
            ("paragraph", Some("2")),
            ("list_item", Some("(1)")),
            ("list_item", Some("(2)"))
        ]
    );
}

/// A table of contents without page numbers (Faust's scenes, one title a line): a block of
/// eight or more short title lines gives one list item a line; a stanza of verse or an
/// address block stays one paragraph.
#[test]
fn a_block_of_title_lines_is_a_list_of_entries() {
    let scenes = [
        "Nacht",
        "Vor dem Tor",
        "Studierzimmer",
        "Auerbachs Keller in Leipzig",
        "Abend",
        "Der Nachbarin Haus",
        "Garten",
        "Nacht, offen Feld",
        "Kerker",
    ];
    let text = format!(
        "Contents\n\n {}\n\nIhr naht euch wieder, schwankende Gestalten,\nDie früh sich einst dem trüben Blick gezeigt.\n",
        scenes.join("\n ")
    );
    let doc = seg(&text);
    let kinds: Vec<_> = doc.units.iter().map(|u| u.kind.as_str()).collect();
    let mut want = vec!["heading"];
    want.extend(std::iter::repeat_n("list_item", scenes.len()));
    want.push("paragraph");
    assert_eq!(kinds, want);

    let address = "Authors' Addresses\n\nJon Postel\nInformation Sciences Institute\n4676 Admiralty Way\nMarina del Rey, CA 90291\n\nThe rest of the text ends here.\n";
    assert_eq!(seg(address).units.len(), 3);
}

#[test]
fn a_markdown_file_of_pdf_lines_is_read_as_pdf_text() {
    // Legislation converted from PDF to `.md` keeps each printed line, with a blank line
    // after it: every line is a Markdown paragraph, and sentences run on across them.
    let text = "# Ley 25.246\n\nARTICULO 1º — Sustitúyese la rúbrica\n\ndel Capítulo XIII del Código Penal, el que pasará a\n\ndenominarse de la siguiente manera: \"Encubrimiento y\n\nLavado de Activos\".\n\nARTICULO 2º — Sustitúyese el artículo 277 del Código\n\nPenal, por el siguiente texto, que regirá desde\n\nla publicación de esta ley en el Boletín Oficial.\n";
    let doc = segment("ley.md", text, &SegmentOptions::new());
    let starts: Vec<&str> = doc
        .units
        .iter()
        .map(|u| u.text.split_whitespace().next().unwrap_or(""))
        .collect();
    assert_eq!(starts, ["Ley", "ARTICULO", "ARTICULO"], "{:#?}", doc.units);
    // A Markdown file written as Markdown stays Markdown: one paragraph a block.
    let md = "# Title\n\nA paragraph that is written\nover two lines.\n\n- an item\n- another\n";
    assert_eq!(
        segment("notes.md", md, &SegmentOptions::new()).units.len(),
        4
    );
}

// pdftotext: text extracted from a PDF by poppler's `pdftotext` without `-layout` (every
// line at the margin, no blank line between paragraphs, a form feed between pages). The
// lines below are real lines of dev renderings of the alignment corpus
// (`scripts/readers/render.sh`): law-de-stgb-menschenhandel and
// rust-rfc-target-tier-policy.

/// Two pages of the law's rendering, with the running header and page number of each.
const STGB_PAGES: &str = "Draft for discussion: not for circulation

§ 232 Menschenhandel zum Zweck der sexuellen
Ausbeutung
(1) Wer eine andere Person unter Ausnutzung einer Zwangslage oder der
Hilflosigkeit, die mit ihrem Aufenthalt in einem fremden Land verbunden
ist, zur Aufnahme oder Fortsetzung der Prostitution oder dazu bringt, sexuelle Handlungen, durch die sie ausgebeutet wird, an oder vor dem Täter oder einem Dritten vorzunehmen oder von dem Täter oder einem
Dritten an sich vornehmen zu lassen, wird mit Freiheitsstrafe von sechs
Monaten bis zu zehn Jahren bestraft.
(2) Der Versuch ist strafbar.
(3) Auf Freiheitsstrafe von einem Jahr bis zu zehn Jahren ist zu erkennen,
wenn
1.

das Opfer der Tat ein Kind (§ 176 Abs. 1) ist,

2.

der Täter das Opfer bei der Tat körperlich schwer misshandelt oder
durch die Tat in die Gefahr des Todes bringt oder

3.

der Täter die Tat gewerbsmäßig oder als Mitglied einer Bande, die
sich zur fortgesetzten Begehung solcher Taten verbunden hat, begeht.
(5) In minder schweren Fällen des Absatzes 1 ist auf Freiheitsstrafe von
drei Monaten bis zu fünf Jahren, in minder schweren Fällen der Absätze
3 und 4 ist auf Freiheitsstrafe von sechs Monaten bis zu fünf Jahren zu
erkennen.

1

\u{c}Draft for discussion: not for circulation

§ 233 Menschenhandel zum Zweck der Ausbeutung der Arbeitskraft
(1) Wer eine andere Person unter Ausnutzung einer Zwangslage oder der
Hilflosigkeit, die mit ihrem Aufenthalt in einem fremden Land verbunden
ist, in Sklaverei, Leibeigenschaft oder Schuldknechtschaft gebracht wird.
(2) Der Versuch ist strafbar.

2

\u{c}";

#[test]
fn pdftotext_an_item_number_alone_on_its_line_numbers_the_text_after_the_blank() {
    let doc = seg(STGB_PAGES);
    let items: Vec<_> = doc
        .units
        .iter()
        .filter(|u| u.kind == UnitKind::ListItem)
        .map(|u| {
            (
                u.number.as_deref(),
                u.text.chars().take(12).collect::<String>(),
                u.parent,
            )
        })
        .collect();
    let absatz = doc
        .units
        .iter()
        .position(|u| u.text.starts_with("Auf Freiheitsstrafe"));
    assert!(absatz.is_some());
    assert_eq!(
        items,
        [
            (Some("1"), "das Opfer de".to_string(), absatz),
            (Some("2"), "der Täter da".to_string(), absatz),
            (Some("3"), "der Täter di".to_string(), absatz),
        ]
    );
    assert!(doc.units.iter().all(|u| !u.text.contains("wenn 1.")));
}

#[test]
fn pdftotext_a_title_run_into_its_text_is_a_heading() {
    let doc = seg(STGB_PAGES);
    let headings: Vec<_> = doc
        .units
        .iter()
        .filter(|u| u.kind == UnitKind::Heading)
        .map(|u| u.text.as_str())
        .collect();
    // Wrapped over two lines, or longer than a short line, with `(1)` straight under it.
    assert_eq!(
        headings,
        [
            "§ 232 Menschenhandel zum Zweck der sexuellen Ausbeutung",
            "§ 233 Menschenhandel zum Zweck der Ausbeutung der Arbeitskraft",
        ]
    );
    let absatz: Vec<_> = doc
        .units
        .iter()
        .filter(|u| u.number.as_deref() == Some("(1)"))
        .map(|u| (u.kind, u.text.starts_with("Wer eine andere Person")))
        .collect();
    assert_eq!(absatz, [(UnitKind::Paragraph, true); 2]);

    // An unnumbered title, then its text (rust-rfc-target-tier-policy).
    let text = "Draft for discussion: not for circulation\n\nTier 3 target policy\n\
                At this tier, the Rust project provides no official support for a target, so\n\
                we place minimal requirements on the introduction of targets.\n\n1\n\n\u{c}\
                Draft for discussion: not for circulation\n\nTier 2 target policy\n\
                At this tier, the Rust project guarantees that a target builds, and will\n\
                reject patches that fail to build on a target.\n\n2\n\n\u{c}";
    let doc = seg(text);
    assert_eq!(
        units(&doc),
        [
            ("heading", None, "Tier 3 target policy"),
            (
                "paragraph",
                None,
                "At this tier, the Rust project provides no official support for a target, so we place minimal requirements on the introduction of targets."
            ),
            ("heading", None, "Tier 2 target policy"),
            (
                "paragraph",
                None,
                "At this tier, the Rust project guarantees that a target builds, and will reject patches that fail to build on a target."
            ),
        ]
    );
}

#[test]
fn pdftotext_the_lines_that_open_and_close_every_page_are_furniture() {
    // Two pages: too few for furniture by repetition, but the form feeds say where each
    // page starts and ends.
    let doc = seg(STGB_PAGES);
    let removed: Vec<_> = doc
        .artifacts
        .iter()
        .filter(|a| matches!(a.kind, ArtifactKind::PageHeader | ArtifactKind::PageNumber))
        .map(|a| (a.kind, a.text.trim_start_matches('\u{c}')))
        .collect();
    assert_eq!(
        removed,
        [
            (
                ArtifactKind::PageHeader,
                "Draft for discussion: not for circulation"
            ),
            (ArtifactKind::PageNumber, "1"),
            (
                ArtifactKind::PageHeader,
                "Draft for discussion: not for circulation"
            ),
            (ArtifactKind::PageNumber, "2"),
        ]
    );
    assert!(
        doc.units
            .iter()
            .all(|u| !u.text.contains("Draft for discussion"))
    );
}

#[test]
fn pdftotext_a_line_holding_two_printed_lines_ends_its_paragraph_by_its_last() {
    // `… in private.` ends an 87-byte line among lines of about 72: pdftotext wrote two
    // printed lines as one, the second short, so the paragraph ends there
    // (book-opensource-guide-governance).
    let text = "Draft for discussion: not for circulation\n\n\
                Once you’ve established leadership roles, don’t forget to document how\n\
                people can attain them! Establish a clear process for how someone can\n\
                become a maintainer or join a subcommittee in your project, and write it\n\
                into your GOVERNANCE.md. Documenting this information avoids the\n\
                community perception that maintainers are a clique that makes its decisions in private.\n\
                Finally, if your project is on GitHub, consider moving your project from\n\
                your personal account to an Organization. GitHub Organizations make it\n\
                easier to manage permissions and help protect your project’s legacy.\n\n3\n\n\u{c}\
                Draft for discussion: not for circulation\n\n\
                Do I need a legal entity to support my project?\n\n4\n\n\u{c}";
    let doc = seg(text);
    let starts: Vec<_> = doc
        .units
        .iter()
        .map(|u| {
            u.text
                .split_whitespace()
                .take(3)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    assert_eq!(
        starts,
        ["Once you’ve established", "Finally, if your", "Do I need"]
    );
}

/// A table of contents spaced one entry a block (lines of the German Gutenberg Alice,
/// `gutenberg-alice-de`): its entries are list items, the line naming it a heading, and
/// the chapter after it is read as before.
#[test]
fn spaced_out_contents_are_a_list_under_their_title() {
    let text = "[Der Verfasser wünscht hiermit seine Anerkennung gegen die Uebersetzerin\n\
                auszusprechen.]\n\n\n\n\nInhalt.\n\n\n\
                1. Hinunter in den Kaninchenbau                   1\n\n\
                2. Der Thränenpfuhl                              14\n\n\
                3. Caucus-Rennen, und was daraus wird            27\n\n\
                4. Die Wohnung des Kaninchens                    39\n\n\n\n\n\
                Erstes Kapitel\n\n\
                Alice fing an sich zu langweilen; sie saß schon lange bei ihrer\n\
                Schwester am Ufer und hatte nichts zu thun.\n";
    let doc = seg(text);
    let kinds: Vec<_> = units(&doc).iter().map(|u| (u.0, u.1)).collect();
    assert_eq!(
        kinds,
        [
            ("paragraph", None),
            ("heading", None),
            ("list_item", Some("1")),
            ("list_item", Some("2")),
            ("list_item", Some("3")),
            ("list_item", Some("4")),
            ("heading", None),
            ("paragraph", None),
        ]
    );
    assert_eq!(doc.units[2].section, Some(1));
    assert_eq!(doc.units[5].section, Some(1));
    assert_eq!(doc.units[7].section, Some(6));
    // Two lines ending in a number are no table of contents.
    let two = seg("Results\n\nFirst run                 12\n\nSecond run               14\n");
    assert!(two.units.iter().all(|u| u.kind != UnitKind::ListItem));
}

/// A reStructuredText admonition with a title (lines of Sphinx's quickstart,
/// `sphinx-quickstart-rst`): the title with its options is a heading, each block of its
/// content a paragraph of that heading; a code directive stays one unit.
#[test]
fn titled_admonitions_are_a_heading_and_paragraphs() {
    let text = "The main function of the root document is to serve as a welcome page.\n\n\
                .. admonition:: reStructuredText directives\n   :class: note\n\n   \
                ``toctree`` is a reStructuredText :dfn:`directive`, a very versatile piece\n   \
                of markup.  Directives can have arguments, options and content.\n\n   \
                *Arguments* are given directly after the double colon following the\n   \
                directive's name.\n\n\
                The ``toctree`` directive initially is empty, and looks like so:\n\n\
                .. code-block:: rst\n\n   .. toctree::\n      :maxdepth: 2\n";
    let doc = seg(text);
    let got: Vec<_> = doc
        .units
        .iter()
        .map(|u| (u.kind.as_str(), u.line, u.end_line, u.section))
        .collect();
    assert_eq!(
        got,
        [
            ("paragraph", 1, 1, None),
            ("heading", 3, 4, None),
            ("paragraph", 6, 7, Some(1)),
            ("paragraph", 9, 10, Some(1)),
            // The box ends with its content: the text after it is in the section it was in.
            ("paragraph", 12, 12, None),
            ("paragraph", 14, 17, None),
        ]
    );
    assert!(doc.units[2].text.starts_with("``toctree`` is"));
    assert_eq!(
        doc.units[2].norm,
        draftdiff::segment::normalize(&doc.units[2].text)
    );
}

/// A wrapped paragraph of lines that end without punctuation, appended to small examples
/// so that the layout statistics read them as wrapped blocks, as in the whole documents.
const WRAPPED: &str = "\n\nThe bishop had come to Digne with his sister and an old servant who\n\
                       kept the house for both of them and who had served the family for\n\
                       many years before the revolution drove them from their home in the\n\
                       south and scattered the members of the parliament to every corner of\n\
                       the country and beyond its borders for the rest of their long lives\n\
                       while the town talked of little else for a whole season and a half\n\
                       until the new bishop arrived and the talk turned to other matters.\n";

/// reStructuredText titles underlined with `---` are headings whatever their final
/// punctuation (lines of the Requests FAQ, `requests-faq-rst`).
#[test]
fn underlined_titles_are_headings_whatever_their_punctuation() {
    let text = "Frequently Asked Questions\n==========================\n\n\
                This part of the documentation answers common questions about Requests.\n\n\
                Encoded Data?\n-------------\n\n\
                Requests automatically decompresses gzip-encoded responses, and does\n\
                its best to decode response content to unicode when possible.\n\n\n\
                What are \"hostname doesn't match\" errors?\n\
                -----------------------------------------\n\n\
                These errors occur when SSL certificate verification fails.\n";
    let doc = seg(&format!("{text}{WRAPPED}"));
    let got: Vec<_> = doc
        .units
        .iter()
        .map(|u| (u.kind.as_str(), u.line))
        .collect();
    assert_eq!(
        got,
        [
            ("heading", 1),
            ("paragraph", 4),
            ("heading", 6),
            ("paragraph", 9),
            ("heading", 13),
            ("paragraph", 16),
            ("paragraph", 19),
        ]
    );
    assert_eq!(doc.units[3].section, Some(2));
    // A rule shorter than the line above it underlines nothing.
    let short = seg(&format!(
        "Some words of a sentence that goes on?\n---{WRAPPED}"
    ));
    assert_eq!(short.units[0].kind, UnitKind::Paragraph);
}

/// Book and chapter titles set in capitals with a final period, each a block of its own,
/// are headings (lines of the Dutch Gutenberg *De Ellendigen*, `gutenberg-ellendigen-nl`);
/// an imprint with a comma is not.
#[test]
fn capital_titles_with_a_period_are_headings() {
    let text = "                          Arnhem en Nijmegen,\n\
                \x20                        Gebrs. E. & M. Cohen.\n\n\n\n\
                BOEK I.\n\nEEN RECHTVAARDIGE.\n\n\nEERSTE HOOFDSTUK.\n\nM. MYRIEL.\n\n\n\
                In het jaar 1815 was de heer Charles-François-Bienvenu Myriel bisschop\n\
                van Digne. Hij was een grijsaard van omstreeks vijf en zeventig jaren\n\
                en bekleedde de waardigheid van bisschop sedert 1806.\n\n\
                BONI AND LIVERIGHT, INC.\n";
    let doc = seg(&format!("{text}{WRAPPED}"));
    let kinds: Vec<_> = doc.units.iter().map(|u| u.kind.as_str()).collect();
    assert_eq!(
        kinds,
        [
            "paragraph",
            "heading",
            "heading",
            "heading",
            "heading",
            "paragraph",
            "paragraph",
            "paragraph"
        ]
    );
}

/// A chapter's name under its number, ending in a period, is a heading when the chapter's
/// text follows (lines of the German Alice, `gutenberg-alice-de`); an imprint line after a
/// title-page title is not.
#[test]
fn a_chapter_name_under_its_number_is_a_heading() {
    let text = "Leipzig\n\nJohann Friedrich Hartknoch.\n\nOriginally published in 1869.\n\n\n\n\
                Erstes Kapitel\n\nHinunter in den Kaninchenbau.\n\n\n\
                Alice fing an sich zu langweilen; sie saß schon lange bei ihrer\n\
                Schwester am Ufer und hatte nichts zu thun. Das Buch, das ihre Schwester\n\
                las, gefiel ihr nicht; denn es waren weder Bilder noch Gespräche darin.\n";
    let doc = seg(&format!("{text}{WRAPPED}"));
    let got: Vec<_> = doc
        .units
        .iter()
        .map(|u| (u.kind.as_str(), u.line))
        .collect();
    assert_eq!(
        got,
        [
            ("heading", 1),
            ("paragraph", 3),
            ("paragraph", 5),
            ("heading", 9),
            ("heading", 11),
            ("paragraph", 14),
            ("paragraph", 19),
        ]
    );
    assert_eq!(doc.units[5].section, Some(4));
}

/// Markdown footnote definitions are footnotes and their markers leave the running text
/// (lines of an EU regulation from the Legalize project, `legalize-eu-reg-142-2007`).
#[test]
fn markdown_footnote_definitions_are_footnotes() {
    let text = "Having regard to Council Regulation (EC) No 1785/2003 of 29 September 2003 on \
                the common organisation of the market in rice [^ntr2-L_2007043EN.01001101-E0002], \
                and in particular Article 13(4) thereof,\n\n\
                HAS ADOPTED THIS REGULATION:\n\n\
                [^ntr2-L_2007043EN.01001101-E0002]: [OJ L 270, 21.10.2003, p. 96](http://publications.europa.eu/resource/oj/JOL_2003_270_R_TOC).\n";
    let doc = segment("t.md", text, &SegmentOptions::new());
    let kinds: Vec<_> = doc.units.iter().map(|u| u.kind.as_str()).collect();
    assert_eq!(kinds, ["paragraph", "paragraph", "footnote"]);
    assert!(!doc.units[0].text.contains("ntr2"));
    assert_eq!(
        doc.units[2].number.as_deref(),
        Some("ntr2-L_2007043EN.01001101-E0002")
    );
    assert!(doc.units[2].text.starts_with("OJ L 270"));
}

/// A question at the margin over indented text is a title when the document sets its
/// titles so (lines of the 2000 plain-text PEP 1, `tests/corpus/align/pep0001-2000-2018`);
/// without such evidence a short line over an indented poem stays a paragraph (the title
/// page of `gutenberg-alice-de`).
#[test]
fn a_question_at_the_margin_over_indented_text_is_a_title() {
    let text = "What is a PEP?\n\n\
                \x20   PEP stands for Python Enhancement Proposal.  A PEP is a design\n\
                \x20   document providing information to the Python community, or\n\
                \x20   describing a new feature for Python.  The PEP should provide a\n\
                \x20   concise technical specification of the feature and a rationale for\n\
                \x20   the feature.\n\n\n\
                Kinds of PEPs\n\n\
                \x20   There are two kinds of PEPs.  A standards track PEP describes a\n\
                \x20   new feature or implementation for Python.  An informational PEP\n\
                \x20   describes a Python design issue, or provides general guidelines or\n\
                \x20   information to the Python community, but does not propose a new\n\
                \x20   feature.\n";
    let doc = seg(text);
    let kinds: Vec<_> = doc.units.iter().map(|u| u.kind.as_str()).collect();
    assert_eq!(kinds, ["heading", "paragraph", "heading", "paragraph"]);
    let poem = "Leipzig\n\nJohann Friedrich Hartknoch.\n\nOriginally published in 1869.\n\n\n\n\
                \x20   O schöner, goldner Nachmittag,\n\
                \x20   Wo Flut und Himmel lacht!\n\
                \x20   Von schwacher Kindeshand bewegt,\n\
                \x20   Die Ruder plätschern sacht --\n";
    let doc = seg(&format!("{poem}{WRAPPED}"));
    assert_eq!(doc.units[2].text, "Originally published in 1869.");
    assert_eq!(doc.units[2].kind, UnitKind::Paragraph);
}

/// A German law in plain text (the lines of § 232 StGB of
/// `tests/corpus/align/law-de-stgb-menschenhandel`, without their Markdown `####`): the
/// section-sign line is the title, its `(1)` … Absätze are paragraphs and the `1.` items
/// under a sentence that introduces them are items.
#[test]
fn a_section_sign_title_over_absaetze_in_plain_text() {
    let text = "§ 232 Menschenhandel zum Zweck der sexuellen Ausbeutung\n\n\
                (1) Wer eine andere Person unter Ausnutzung einer Zwangslage oder der\n\
                Hilflosigkeit, die mit ihrem Aufenthalt in einem fremden Land\n\
                verbunden ist, zur Aufnahme oder Fortsetzung der Prostitution oder\n\
                dazu bringt, wird mit Freiheitsstrafe von sechs Monaten bis zu zehn\n\
                Jahren bestraft.\n\n\
                (2) Der Versuch ist strafbar.\n\n\
                (3) Auf Freiheitsstrafe von einem Jahr bis zu zehn Jahren ist zu\n\
                erkennen, wenn\n\n\
                1.  das Opfer der Tat ein Kind (§ 176 Abs. 1) ist,\n\n\n\
                2.  der Täter das Opfer bei der Tat körperlich schwer misshandelt oder\n\
                \x20   durch die Tat in die Gefahr des Todes bringt oder\n\n\n\
                3.  der Täter die Tat gewerbsmäßig oder als Mitglied einer Bande, die sich\n\
                \x20   zur fortgesetzten Begehung solcher Taten verbunden hat, begeht.\n";
    let doc = seg(text);
    let got: Vec<_> = doc
        .units
        .iter()
        .map(|u| (u.kind.as_str(), u.number.as_deref(), u.section))
        .collect();
    assert_eq!(
        got,
        [
            ("heading", None, None),
            ("paragraph", Some("(1)"), Some(0)),
            ("paragraph", Some("(2)"), Some(0)),
            ("paragraph", Some("(3)"), Some(0)),
            ("list_item", Some("1"), Some(0)),
            ("list_item", Some("2"), Some(0)),
            ("list_item", Some("3"), Some(0)),
        ]
    );
    assert_eq!(doc.units[4].parent, Some(3));
}

/// A Markdown block quote that opens with a bulleted list quotes list items; a quoted
/// `> 1.` stays a numbered paragraph (lines of the amending article of
/// `legalize-eu-reg-142-2007`).
#[test]
fn quoted_bullets_are_items_and_quoted_numbers_paragraphs() {
    let text = "> 1. By derogation from Article 35(2) of Regulation (EC) No 1291/2000, Member \
                States may release the security, provided that:\n\n\
                > - (a) the holder returns the unused import licence(s) to the competent \
                authorities,\n\n\
                > - (b) the competent authorities of the Member State have sufficient proof.\n\n\
                > 2. The originals of export licences shall be returned to holders of import \
                licences.\n";
    let doc = segment("t.md", text, &SegmentOptions::new());
    let kinds: Vec<_> = doc.units.iter().map(|u| u.kind.as_str()).collect();
    assert_eq!(kinds, ["paragraph", "list_item", "list_item", "paragraph"]);
}

// ---------------------------------------------------------------------------------------
// Branch seg6 (issue 9): classes found on the new dev documents of the segmentation corpus.
// ---------------------------------------------------------------------------------------

/// AsciiDoc titles set with `=` marks are headings in any layout, a document title's
/// attribute lines are a block of their own, and one sentence a line does not make one
/// paragraph a line (lines of `asciidoctor-contributing-en`: its `#` comment inside a
/// listing block and its `----` delimiters no longer make it Markdown).
#[test]
fn asciidoc_section_marks_are_titles_in_any_layout() {
    let text = "= Contributing\n\
                // settings:\n\
                :idprefix:\n\
                :source-language: ruby\n\
                \n\
                == License Agreement\n\
                \n\
                By contributing changes to this repository, you agree to license your contributions under the MIT license.\n\
                You also assert that you are the original author of the work that you are contributing unless otherwise stated.\n\
                \n\
                === Writing and Executing Tests\n\
                \n\
                Tests live inside the test directory and are named <topic>_test.rb.\n\
                For instance, tests for the different types of blocks can be found in the file test/blocks_test.rb.\n\
                \n\
                [source]\n\
                ----\n\
                test 'description of test' do\n\
                \x20 # test logic\n\
                end\n\
                ----\n";
    let doc = seg(text);
    let got: Vec<_> = doc
        .units
        .iter()
        .map(|u| (u.kind.as_str(), u.line))
        .take(6)
        .collect();
    assert_eq!(
        got,
        [
            ("heading", 1),
            ("paragraph", 2),
            ("heading", 6),
            ("paragraph", 8),
            ("heading", 11),
            ("paragraph", 13),
        ]
    );
    assert_eq!(doc.units[3].section, Some(2));
    assert_eq!(doc.units[5].section, Some(4));
}

/// The first block of a document, two lines at the margin without a sentence end, is its
/// title (a chapter title wrapped), not a paragraph; a memo's header block set in columns
/// stays what it is (lines of `gutenberg-quijote-es`).
#[test]
fn a_title_in_two_lines_at_the_top_of_a_document_is_a_heading() {
    let text = "Capítulo primero. Que trata de la condición y ejercicio del famoso hidalgo\n\
                don Quijote de la Mancha\n\
                \n\
                En un lugar de la Mancha, de cuyo nombre no quiero acordarme, no ha mucho\n\
                tiempo que vivía un hidalgo de los de lanza en astillero, adarga antigua,\n\
                rocín flaco y galgo corredor. Una olla de algo más vaca que carnero,\n\
                salpicón las más noches, duelos y quebrantos los sábados, lantejas los\n\
                viernes, algún palomino de añadidura los domingos, consumían las tres\n\
                partes de su hacienda. El resto della concluían sayo de velarte, calzas de\n\
                velludo para las fiestas, con sus pantuflos de lo mesmo, y los días de\n\
                entresemana se honraba con su vellorí de lo más fino. Tenía en su casa una\n";
    let doc = seg(text);
    assert_eq!(doc.units[0].kind, UnitKind::Heading);
    assert_eq!((doc.units[0].line, doc.units[0].end_line), (1, 2));
    assert_eq!(doc.units[1].kind, UnitKind::Paragraph);
    let memo = "Network Working Group                                          J. Postel\n\
                Request for Comments:  792                                           ISI\n\
                \n\
                The Internet Protocol (IP) is used for host-to-host datagram service in a\n\
                system of interconnected networks called the Catenet.\n";
    assert_ne!(seg(memo).units[0].kind, UnitKind::Heading);
}

/// In AsciiDoc, `.` and `**` items are list items even without blank lines between them,
/// and a `----` listing block with its `[source]` line is one unit, blank lines and all
/// (lines of `asciidoctor-contributing-en`).
#[test]
fn asciidoc_items_and_delimited_blocks() {
    let text = "== Submitting a Pull Request\n\
                \n\
                . Run `bundle config --local path .bundle/gems` to configure Bundler.\n\
                \x20** If the `bundle` command is not available, run `gem install bundler` to install it.\n\
                . Run `bundle` to install development dependencies.\n\
                . Run `bundle exec rake` to run the tests.\n\
                If your tests pass, return to step 4.\n\
                \n\
                === Writing and Executing Tests\n\
                \n\
                Each test case follows the same structure:\n\
                \n\
                [source]\n\
                ----\n\
                test 'description of test' do\n\
                \n\
                \x20 # test logic\n\
                end\n\
                ----\n\
                \n\
                At the moment, the tests are quite primitive.\n";
    let doc = seg(text);
    let got: Vec<_> = doc
        .units
        .iter()
        .map(|u| (u.kind.as_str(), u.line))
        .collect();
    assert_eq!(
        got,
        [
            ("heading", 1),
            ("list_item", 3),
            ("list_item", 4),
            ("list_item", 5),
            ("list_item", 6),
            ("heading", 9),
            ("paragraph", 11),
            ("paragraph", 13),
            ("paragraph", 21),
        ]
    );
    assert_eq!(
        doc.units[4].text,
        "Run `bundle exec rake` to run the tests. If your tests pass, return to step 4."
    );
}

// pdftotext, continued (branch pdf6): real lines of the dev renderings of
// law-de-tzbfg-2012-2019, http2-draft-00-01 and book-opensource-guide-governance.

/// The first page of the law's old version (and the top of the second): six of its 27 lines hold two printed lines
/// (`pdftotext` wrote them so), which makes the typical line 130 bytes long.
const TZBFG_PAGE: &str = "Draft for discussion: not for circulation

§ 1 Zielsetzung
Ziel des Gesetzes ist, Teilzeitarbeit zu fördern, die Voraussetzungen für
die Zulässigkeit befristeter Arbeitsverträge festzulegen und die Diskriminierung von teilzeitbeschäftigten und befristet beschäftigten Arbeitnehmern zu verhindern.

§ 2 Begriff des teilzeitbeschäftigten Arbeitnehmers
(1) Teilzeitbeschäftigt ist ein Arbeitnehmer, dessen regelmäßige Wochenarbeitszeit kürzer ist als die eines vergleichbaren vollzeitbeschäftigten
Arbeitnehmers. Ist eine regelmäßige Wochenarbeitszeit nicht vereinbart,
so ist ein Arbeitnehmer teilzeitbeschäftigt, wenn seine regelmäßige Arbeitszeit im Durchschnitt eines bis zu einem Jahr reichenden Beschäftigungszeitraums unter der eines vergleichbaren vollzeitbeschäftigten Arbeitnehmers liegt. Vergleichbar ist ein vollzeitbeschäftigter Arbeitnehmer des Betriebes mit derselben Art des Arbeitsverhältnisses und der
gleichen oder einer ähnlichen Tätigkeit. Gibt es im Betrieb keinen vergleichbaren vollzeitbeschäftigten Arbeitnehmer, so ist der vergleichbare
vollzeitbeschäftigte Arbeitnehmer auf Grund des anwendbaren Tarifvertrages zu bestimmen; in allen anderen Fällen ist darauf abzustellen, wer
im jeweiligen Wirtschaftszweig üblicherweise als vergleichbarer vollzeitbeschäftigter Arbeitnehmer anzusehen ist.
(2) Teilzeitbeschäftigt ist auch ein Arbeitnehmer, der eine geringfügige
Beschäftigung nach § 8 Abs. 1 Nr. 1 des Vierten Buches Sozialgesetzbuch
ausübt.

§ 3 Begriff des befristet beschäftigten Arbeitnehmers
(1) Befristet beschäftigt ist ein Arbeitnehmer mit einem auf bestimmte
Zeit geschlossenen Arbeitsvertrag. Ein auf bestimmte Zeit geschlossener
Arbeitsvertrag (befristeter Arbeitsvertrag) liegt vor, wenn seine Dauer
kalendermäßig bestimmt ist (kalendermäßig befristeter Arbeitsvertrag)
oder sich aus Art, Zweck oder Beschaffenheit der Arbeitsleistung ergibt
(zweckbefristeter Arbeitsvertrag).
(2) Vergleichbar ist ein unbefristet beschäftigter Arbeitnehmer des Betriebes mit der gleichen oder einer ähnlichen Tätigkeit. Gibt es im Betrieb keinen vergleichbaren unbefristet beschäftigten Arbeitnehmer, so
ist der vergleichbare unbefristet beschäftigte Arbeitnehmer auf Grund
des anwendbaren Tarifvertrages zu bestimmen; in allen anderen Fällen
ist darauf abzustellen, wer im jeweiligen Wirtschaftszweig üblicherweise
als vergleichbarer unbefristet beschäftigter Arbeitnehmer anzusehen ist.
1

\u{c}Draft for discussion: not for circulation

§ 4 Verbot der Diskriminierung
(1) Ein teilzeitbeschäftigter Arbeitnehmer darf wegen der Teilzeitarbeit
nicht schlechter behandelt werden als ein vergleichbarer Arbeitnehmer.
2

\u{c}";

#[test]
fn pdftotext_lines_holding_two_printed_lines_do_not_lengthen_the_short_line() {
    // A full printed line is about 72 bytes: `Ziel des Gesetzes ist, …` (75) is the
    // paragraph under the title, not the title's second line.
    let doc = seg(TZBFG_PAGE);
    let got: Vec<_> = doc
        .units
        .iter()
        .take(3)
        .map(|u| (u.kind.as_str(), u.text.chars().take(20).collect::<String>()))
        .collect();
    assert_eq!(
        got,
        [
            ("heading", "§ 1 Zielsetzung".to_string()),
            ("paragraph", "Ziel des Gesetzes is".to_string()),
            ("heading", "§ 2 Begriff des teil".to_string()),
        ]
    );
}

#[test]
fn pdftotext_page_numbers_are_furniture_when_a_few_pages_lack_their_own_line() {
    // Page 3's number is written into its last line of text (`… gilt die Ver3`): the
    // other pages' numbers, four in five and rising, are still page numbers.
    let page = |lines: &str, number: &str| {
        format!("Draft for discussion: not for circulation\n\n{lines}\n{number}\n\n\u{c}")
    };
    let text = [
        page(
            "§ 4 Verbot der Diskriminierung\n\
             (1) Ein teilzeitbeschäftigter Arbeitnehmer darf wegen der Teilzeitarbeit\n\
             nicht schlechter behandelt werden als ein vergleichbarer Arbeitnehmer.",
            "1",
        ),
        page(
            "(2) Der Arbeitgeber hat einen Arbeitnehmer, der ihm den Wunsch nach\n\
             einer Veränderung von Dauer und Lage seiner vertraglich vereinbarten",
            "2",
        ),
        page(
            "Arbeitszeit angezeigt hat, über entsprechende Arbeitsplätze zu informieren.\n\
             in dem vom Arbeitnehmer gewünschten Umfang. Haben Arbeitgeber und\n\
             gewünschte Verteilung der Arbeitszeit schriftlich abgelehnt, gilt die Ver3",
            "",
        ),
        page(
            "teilung der Arbeitszeit entsprechend den Wünschen des Arbeitnehmers\n\
             der wöchentlichen Arbeitszeit nicht festgelegt ist, gilt eine Arbeitszeit",
            "4",
        ),
        page(
            "(4) Durch Tarifvertrag kann von den Absätzen 1 und 3 auch zuungunsten\n\
             Arbeitsplatzteilung vereinbaren.",
            "5",
        ),
    ]
    .concat();
    let doc = seg(&text);
    let numbers: Vec<_> = doc
        .artifacts
        .iter()
        .filter(|a| a.kind == ArtifactKind::PageNumber)
        .map(|a| a.text.trim())
        .collect();
    assert_eq!(numbers, ["1", "2", "4", "5"]);
    assert!(
        doc.units
            .iter()
            .all(|u| !u.text.contains("Arbeitszeit 4") && !u.text.ends_with(" 5"))
    );
}

/// Two pages of the old version of book-opensource-guide-governance as pdftotext wrote
/// them: a question heading as long as a body line, and a heading spread wide (`How do I
/// formalize leadership roles in my project?`) whose words came out one a block.
const GUIDE_PAGES: &str = "Draft for discussion: not for circulation

gotten into a debate with your community and realized you didn’t know
how to resolve it.
In this section, we’ll answer some commonly asked questions about leadership and governance for open source projects.

What are some of the common governance structures for community projects?
If you’re a growing community project, there are three common governance structures associated with open source projects:

1

\u{c}Draft for discussion: not for circulation

project a year after it started, even though he’s often mistaken as the cocreator or even \"inventor\" of Django. [4]

How do
project?

I

formalize

leadership

roles

in

my

Formalizing your leadership roles helps people take ownership and tells
other community members who to look to for help. For a smaller project,
designating leaders can be as simple as adding their names to your
README.

2

\u{c}";

#[test]
fn pdftotext_a_question_opening_a_block_is_a_title_however_long() {
    let doc = seg(GUIDE_PAGES);
    let question = doc
        .units
        .iter()
        .position(|u| u.text.starts_with("What are some"));
    let question = question.map(|i| (doc.units[i].kind, doc.units[i].text.len(), i));
    assert_eq!(
        question.map(|(kind, len, _)| (kind, len)),
        Some((UnitKind::Heading, 73))
    );
    let next = question.and_then(|(_, _, i)| doc.units.get(i + 1));
    assert!(next.is_some_and(|u| u.text.starts_with("If you’re a growing")));
}

#[test]
fn pdftotext_words_of_a_spread_out_line_one_a_block_go_on_with_the_unit_before() {
    let doc = seg(GUIDE_PAGES);
    let texts: Vec<_> = doc.units.iter().map(|u| u.text.as_str()).collect();
    assert!(texts.contains(&"How do project? I formalize leadership roles in my"));
    assert!(texts.iter().all(|t| *t != "formalize" && *t != "my"));
    assert!(
        texts
            .iter()
            .any(|t| t.starts_with("Formalizing your leadership"))
    );
}

#[test]
fn pdftotext_definitions_that_open_with_their_terms_each_open_a_paragraph() {
    // http2-draft-00-01: `Control bit: …` fills its (doubled) line, so the line after it
    // is not cut by a short line; the document's own terms-first lines say it is a new
    // definition.
    let text = "Draft for discussion: not for circulation

3.2.1. Control frames
Control bit: The 'C' bit is a single bit indicating if this is a control message. For control frames this value is always 1.
Version: The version number of the HTTP/2.0 protocol. This document
describes HTTP/2.0 version 3.
Type: The type of control frame. See Control Frames for the complete list
of control frames.
Flags: Flags related to this frame. Flags for control frames and data
frames are different.

1

\u{c}Draft for discussion: not for circulation

Length: An unsigned 24-bit value representing the number of bytes after
the length field.

2

\u{c}";
    let doc = seg(text);
    let starts: Vec<_> = doc
        .units
        .iter()
        .map(|u| u.text.split(':').next().unwrap_or(""))
        .collect();
    assert_eq!(
        starts,
        [
            "Control frames",
            "Control bit",
            "Version",
            "Type",
            "Flags",
            "Length"
        ]
    );
}

/// Three pages of `legalize-pe-lam-dr-4-2022` (dev), shortened: `pdftotext` text saved
/// with a `.md` name, a `#` title added by the converter, the letterhead and a page
/// counter (`1/3`) on every page.
fn decree_pages() -> String {
    let letterhead =
        "GOBIERNO REGIONAL LAMBAYEQUE\nUNIDAD EJECUTORA 001 SEDE CENTRAL\nGOBERNACIÓN REGIONAL\n";
    let body = "Que, el Artículo 191° de la Constitución Política del Perú, señala que los gobiernos regionales gozan de
autonomía política, económica y administrativa en los asuntos de su competencia; asimismo, prescribe que
le corresponde dentro de su jurisdicción, la coordinación y ejecución de los planes y programas socio
económicos regionales, así como la gestión de actividades y servicios inherentes al Estado conforme a
{end};
Que, mediante Oficio No. 000626-2022-GR.LAMB/ORPP [4139442 - 3], de fecha 16 de marzo de 2022, el
Jefe Regional de Planeamiento, Presupuesto y Acondicionamiento Territorial, remite al Gerente General
Regional, proyecto de Decreto Regional para actualización de representantes de la sociedad civil al
Consejo de Coordinación Regional (CCR);
";
    let mut text = String::from("# Decreto Regional N.° 000004-2022-GR.LAMB/GR\n\n");
    for page in 1..=3 {
        text.push_str(letterhead);
        text.push('\n');
        // The short last line of a recital differs from one recital to the next, as it
        // does in the real text (a line repeated on every page would be furniture).
        let ends = [
            "Ley",
            "la norma",
            "derecho",
            "su estatuto",
            "la Constitución",
            "el reglamento",
            "su mandato",
            "las ordenanzas",
            "sus competencias",
        ];
        for end in &ends[(page - 1) * 3..page * 3] {
            text.push_str(&body.replace("{end}", end));
        }
        text.push_str(&format!("\n{page}/3\n\n"));
    }
    text
}

#[test]
fn pdf_text_saved_as_markdown_is_read_as_pages() {
    // Without the rule the `.md` name sends it to the Markdown reader: the letterhead
    // stays in the text and each page is one paragraph.
    let doc = segment("decree.md", &decree_pages(), &SegmentOptions::new());
    let removed: Vec<&str> = doc.artifacts.iter().map(|a| a.text.as_str()).collect();
    assert_eq!(
        removed.iter().filter(|t| t.contains("LAMBAYEQUE")).count(),
        3
    );
    assert!(removed.contains(&"2/3"), "{removed:?}");
    assert!(doc.units.iter().all(|u| !u.text.contains("LAMBAYEQUE")));
    // Each recital (`Que, …` after a line ending `;`) is a unit of its own.
    let recitals = doc
        .units
        .iter()
        .filter(|u| u.text.starts_with("Que,"))
        .count();
    assert_eq!(recitals, 18, "{:?}", units(&doc));
    assert_eq!(doc.units[0].kind, UnitKind::Heading);
}

#[test]
fn a_block_of_short_lines_in_page_printed_text_is_one_unit() {
    // `legalize-pe-lam-dr-4-2022` (dev): the signature under a decree, four short lines
    // with no sentence end. Each pair of lines was read as a title run into the next
    // line, so the stamp became two headings.
    let stamp = "Firmado digitalmente\nLUIS ALBERTO DIAZ BRAVO\nGOBERNADOR REGIONAL DE LAMBAYEQUE\n\
                 Fecha y hora de proceso: 18/03/2022 - 14:11:23\n";
    let text = format!("{}{stamp}", decree_pages());
    let doc = segment("decree.md", &text, &SegmentOptions::new());
    let last = doc.units.last().expect("units");
    assert_eq!(last.kind, UnitKind::Paragraph, "{:?}", units(&doc));
    assert!(
        last.text.starts_with("Firmado digitalmente LUIS") && last.text.ends_with("14:11:23"),
        "{:?}",
        units(&doc)
    );
    // A title still runs into the full line of text under it.
    let titled = format!(
        "{}DISPOSICIONES FINALES\n{}\n",
        decree_pages(),
        "Que, el presente Decreto Regional entra en vigencia al día siguiente de su publicación en el"
    );
    let doc = segment("decree.md", &titled, &SegmentOptions::new());
    let n = doc.units.len();
    assert_eq!(
        doc.units[n - 2].text,
        "DISPOSICIONES FINALES",
        "{:?}",
        units(&doc)
    );
    assert_eq!(doc.units[n - 2].kind, UnitKind::Heading);
}

#[test]
fn scanner_noise_alone_on_a_printed_page_is_no_text() {
    // `legalize-pe-cus-ar-245-2025` (dev): OCR leaves a stamp's or a signature's marks at
    // page bottoms (`“SS`, `2Y`, `N`), each a block of its own; each became a paragraph.
    let text = decree_pages()
        .replacen("\n1/3\n", "\n“SS\n\n1/3\n", 1)
        .replacen("\n2/3\n", "\n2Y\n\n2/3\n", 1)
        .replacen("\n3/3\n", "\n(...)\n\n3/3\n", 1);
    let doc = segment("decree.md", &text, &SegmentOptions::new());
    let removed: Vec<&str> = doc.artifacts.iter().map(|a| a.text.as_str()).collect();
    assert!(
        removed.contains(&"“SS") && removed.contains(&"2Y"),
        "{removed:?}"
    );
    assert!(doc.units.iter().all(|u| u.text != "“SS" && u.text != "2Y"));
    // An omission mark in a quotation is text.
    assert!(
        doc.units.iter().any(|u| u.text == "(...)"),
        "{:?}",
        units(&doc)
    );
    assert!(!removed.contains(&"(...)"));
}

#[test]
fn front_matter_does_not_make_pdf_text_markdown() {
    // Legalize-PE keeps its acts with YAML front matter over the PDF text (the corpus
    // excerpts start under it). The front matter's `---` lines read as Markdown syntax and
    // sent the whole act to the Markdown reader, one unit a block.
    let plain = segment("decree.md", &decree_pages(), &SegmentOptions::new());
    let front = "---\ntitle: Decreto Regional N.° 000004-2022-GR.LAMB/GR\ncountry: pe\nrank: decreto_regional\n---\n";
    let text = format!("{front}{}", decree_pages());
    let doc = segment("decree.md", &text, &SegmentOptions::new());
    // The front matter is one unit, as the Markdown reader makes it.
    assert_eq!(doc.units[0].kind, UnitKind::Paragraph);
    assert_eq!((doc.units[0].line, doc.units[0].end_line), (2, 4));
    assert!(doc.units[0].text.starts_with("title: Decreto"));
    // The rest is what the body alone gives, five lines further down.
    assert_eq!(doc.units.len(), plain.units.len() + 1, "{:?}", units(&doc));
    for (with, without) in doc.units[1..].iter().zip(&plain.units) {
        assert_eq!(with.text, without.text);
        assert_eq!(with.kind, without.kind);
        assert_eq!(with.line, without.line + 5);
        assert_eq!(with.id, without.id + 1);
        assert_eq!(with.section, without.section.map(|s| s + 1));
        assert_eq!(with.parent, without.parent.map(|p| p + 1));
    }
    assert_eq!(doc.artifacts.len(), plain.artifacts.len());
    // Markdown under front matter stays Markdown.
    let md = segment(
        "post.md",
        "---\ntitle: Post\n---\n# Title\n\n- one\n- two\n\nSome `code` here.\n",
        &SegmentOptions::new(),
    );
    let kinds: Vec<_> = md.units.iter().map(|u| u.kind.as_str()).collect();
    assert_eq!(
        kinds,
        [
            "paragraph",
            "heading",
            "list_item",
            "list_item",
            "paragraph"
        ]
    );
}

#[test]
fn numbered_headings_ten_lines_apart_are_no_page_numbers() {
    // A French code of Legalize-FR (`Code du travail maritime`, outside the corpus): the
    // articles `Article 21`, `Article 40`, `Article 75` recur every ten lines like a
    // page counter (`Page 21`), but their numbers jump faster than pages turn.
    let article = "Le marin est tenu d'accomplir, en dehors des heures de service, le travail de mise en état de propreté.";
    let mut text = String::new();
    for (n, title) in [
        (21, "Titre 3 : Des obligations du marin"),
        (40, "Titre 4 : Des obligations de l'armateur"),
        (75, "Chapitre 2 : De la nourriture"),
        (133, "Titre 9 : Dispositions diverses"),
    ] {
        text.push_str(&format!(
            "{title}\n\nArticle {n}\n\n{article}\n\n{article}\n\n{article}\n\n"
        ));
    }
    let doc = seg(&text);
    assert!(doc.artifacts.is_empty(), "{:?}", doc.artifacts);
    assert_eq!(
        doc.units
            .iter()
            .filter(|u| u.text.starts_with("Article "))
            .count(),
        4,
        "{:?}",
        units(&doc)
    );
    // Page numbers that count the pages, inside sentences the pages cut, stay furniture.
    let open = "Le marin est tenu d'accomplir, en dehors des heures de service, le travail de";
    let mut paged = String::new();
    for page in 1..=4 {
        paged.push_str(&format!(
            "{}{open}\n\nPage {page}\n\nmise en état de propreté du navire.\n",
            format!("{article}\n").repeat(12)
        ));
    }
    let doc = seg(&paged);
    assert_eq!(doc.artifacts.len(), 4, "{:?}", units(&doc));
}

#[test]
fn a_table_repeating_its_cells_under_front_matter_stays_markdown() {
    // Legalize-FR's codes: YAML front matter, ATX headings only, and a schedule whose
    // cells (`15 mars`, `15 juin`, ...) recur every eight lines in one place. Those cells
    // are no pages: the file is Markdown, read by the Markdown reader.
    let mut text = String::from(
        "---\ntitle: \"Code général des impôts\"\ncountry: \"fr\"\n---\n# Code général des impôts\n\n",
    );
    for n in 1..=40 {
        text.push_str(&format!("##### Article {n}\n\nLe dépôt du relevé de solde est effectué au plus tard le 15 du quatrième mois qui suit la clôture.\n\n"));
    }
    for period in [
        "Le 20 novembre et le 19 février inclus",
        "Le 20 février et le 19 mai inclus",
        "Le 20 mai et le 19 août inclus",
        "Le 20 août et le 19 novembre inclus",
    ] {
        text.push_str(&format!(
            "{period}\n\n15 mars\n\n15 juin\n\n15 septembre\n\n15 décembre\n\n"
        ));
    }
    let doc = segment("code.md", &text, &SegmentOptions::new());
    assert!(doc.artifacts.is_empty(), "{:?}", doc.artifacts);
    assert_eq!(
        doc.units.iter().map(|u| u.kind).collect::<Vec<_>>()[..3],
        [UnitKind::Paragraph, UnitKind::Heading, UnitKind::Heading]
    );
    let headings = doc.units.iter().filter(|u| u.kind == UnitKind::Heading);
    assert_eq!(headings.count(), 41);
}

#[test]
fn markdown_with_one_kind_of_syntax_and_no_pages_stays_markdown() {
    // A Markdown law (headings only, the `##` title of every article recurring, as in
    // `gesetze-tierschg`) shows no page furniture: the `.md` name holds.
    let mut text = String::from("# Tierschutzgesetz\n\n");
    for n in 1..=12 {
        text.push_str(&format!(
            "## § {n} Anwendungsbereich\n\nDieses Gesetz gilt für Tiere, die der Mensch hält,\n\
             und für Tiere, die zu Versuchen verwendet werden.\n\n* ein Tier\n* ein anderes Tier\n\n"
        ));
    }
    let doc = segment("law.md", &text, &SegmentOptions::new());
    assert!(doc.artifacts.is_empty(), "{:?}", doc.artifacts);
    assert_eq!(
        doc.units
            .iter()
            .filter(|u| u.kind == UnitKind::ListItem)
            .count(),
        24
    );
    assert_eq!(
        doc.units
            .iter()
            .filter(|u| u.kind == UnitKind::Heading)
            .count(),
        13
    );
}

#[test]
fn rst_tilde_underline_is_not_a_code_fence() {
    // `docs-italia-cos-e-rst` (dev): titles underlined with `=`, `-` and `~`, the `~`
    // line as long as its title. Read as a Markdown fence, everything after the first
    // `~~~~` became code.
    let text = "Che cos’è Docs Italia
=====================

Caratteristiche
---------------

Docs Italia si ispira a cinque principi, funzionali a costruire un linguaggio comune.

Nuove funzionalità
~~~~~~~~~~~~~~~~~~

-  Docs Italia è organizzato per *publisher* e per progetti.

-  Docs Italia ha un motore di ricerca che permette di navigare tra i documenti.

Publisher
~~~~~~~~~

Ogni documento su Docs Italia è associato a un *publisher*.
";
    let doc = seg(text);
    let kinds: Vec<_> = doc.units.iter().map(|u| u.kind.as_str()).collect();
    assert_eq!(
        kinds,
        [
            "heading",
            "heading",
            "paragraph",
            "heading",
            "list_item",
            "list_item",
            "heading",
            "paragraph"
        ],
        "{:?}",
        units(&doc)
    );
    // A real fence after a paragraph, with an ATX heading: still Markdown.
    let md = seg("# Title\n\nSome text here\n~~~\nfn main() {}\n~~~\n");
    assert_eq!(md.units.len(), 3, "{:?}", units(&md));
    assert!(md.units[2].text.contains("fn main"));
}

#[test]
fn capitals_ending_in_a_colon_alone_on_their_line_are_titles() {
    // `legalize-pe-lam-dr-4-2022` (dev): the parts of a decree, `VISTO:` / `DECRETA:`,
    // each over its text.
    let text = "VISTO:

El Oficio No. 000626-2022-GR.LAMB/ORPP [4139442 - 3], de fecha 16 de marzo de 2022, emitido por el
Jefe de la Oficina Regional de Planeamiento, Presupuesto y Acondicionamiento Territorial; el Informe
Legal No. 000103-2022-GR.LAMB/ORAJ [4139442 - 4] de fecha 16 de marzo 2022, suscrito por el Jefe de
la Oficina Regional de Asesoría Jurídica.

DECRETA:

ARTICULO PRIMERO.- CONVOCAR al proceso de elección de cuatro (04) representantes de las
organizaciones de la sociedad civil, siendo dos (02) miembros plenos y dos (02) miembros invitados, para
el período bianual 2022 – 2024, evento a realizarse en un solo acto, bajo la supervisión de la Oficina
Nacional de Procesos Electorales.
";
    let doc = seg(text);
    let kinds: Vec<_> = doc.units.iter().map(|u| u.kind.as_str()).collect();
    assert_eq!(
        kinds,
        ["heading", "paragraph", "heading", "paragraph"],
        "{:?}",
        units(&doc)
    );
}

#[test]
fn rst_directive_options_stay_with_the_directive() {
    // `docs-italia-cos-e-rst` (dev): a figure directive, its options indented under it
    // without a blank line, its caption after one. Each option line was cut as a unit.
    let text = "Docs Italia permette di gestire la documentazione tecnica di un progetto, ma anche
documenti amministrativi come il Piano Triennale per l’informatica.

La :numref:`Figura %s <hp>` mostra l’attuale home page di Docs Italia.

.. figure:: img/home-page-docs-italia.png
   :alt: Home page di Docs Italia
   :name: hp

   L'attuale home page di Docs Italia.


Caratteristiche
---------------

Docs Italia si ispira a cinque principi, funzionali a costruire un linguaggio comune
di gestione dei progetti pubblici.
";
    let doc = seg(text);
    let figure: Vec<_> = doc
        .units
        .iter()
        .filter(|u| u.text.contains("home-page-docs-italia.png"))
        .collect();
    assert_eq!(figure.len(), 1, "{:?}", units(&doc));
    assert!(figure[0].text.contains(":name: hp"), "{:?}", units(&doc));
    assert!(
        figure[0].text.contains("L'attuale home page"),
        "{:?}",
        units(&doc)
    );
    assert_eq!(doc.units.len(), 5, "{:?}", units(&doc));
}

#[test]
fn example_lines_set_apart_by_blank_lines_are_one_block() {
    // `rfc3986-uri-generic-syntax` (dev): example URIs, one a line with blank lines
    // between, set deeper than the text: one block, not one unit a line.
    let text = "1.1.1.  Generic Syntax

   Each URI begins with a scheme name, as defined in Section 3.1, that
   refers to a specification for assigning identifiers within that
   scheme.  As such, the URI syntax is a federated and extensible naming
   system wherein each scheme's specification may further restrict the
   syntax and semantics of identifiers using that scheme.

   This specification defines those elements of the URI syntax that are
   required of all URI schemes or are common to many URI schemes.  It
   thus defines the syntax and semantics needed to implement a scheme-
   independent parsing mechanism for URI references, by which the
   scheme-dependent handling of a URI can be postponed until the
   scheme-dependent semantics are needed.

1.1.2.  Examples

   The following example URIs illustrate several URI schemes and
   variations in their common syntax components:

      ftp://ftp.is.co.za/rfc/rfc1808.txt

      http://www.ietf.org/rfc/rfc2396.txt

      mailto:John.Doe@example.com

      tel:+1-816-555-1212


1.1.3.  URI, URL, and URN

   A URI can be further classified as a locator, a name, or both.  The
   term \"Uniform Resource Locator\" (URL) refers to the subset of URIs.

   The methods a server must support are the following three, each
   described in its own section below:

      GET

      POST

      DELETE
";
    let doc = seg(text);
    let examples: Vec<_> = doc
        .units
        .iter()
        .filter(|u| u.text.contains("://") || u.text.contains("mailto:"))
        .collect();
    assert_eq!(examples.len(), 1, "{:?}", units(&doc));
    assert!(
        examples[0].text.ends_with("tel:+1-816-555-1212"),
        "{:?}",
        units(&doc)
    );
    // Words one a line are not tokens: a list of words stays one unit a line.
    let words = doc
        .units
        .iter()
        .filter(|u| ["GET", "POST", "DELETE"].contains(&u.text.as_str()));
    assert_eq!(words.count(), 3, "{:?}", units(&doc));
}

#[test]
fn markdown_whose_recurring_lines_end_sentences_stays_markdown() {
    // The Code civil in Markdown (dev pair `law-fr-code-civil-adoption` of the alignment
    // corpus; setext titles only): the short last line of a paragraph (`l'enfant.`)
    // recurs about a page apart, as a running foot would. It ends a sentence, so it is
    // no page evidence: the file stays Markdown and its `1°` items stay items.
    let path = "tests/corpus/align/law-fr-code-civil-adoption/old.md";
    let text = std::fs::read_to_string(path).expect("the dev pair is in the repository");
    let doc = segment(path, &text, &SegmentOptions::new());
    assert!(doc.artifacts.is_empty(), "{:?}", doc.artifacts);
    let item = doc.units.iter().find(|u| u.text.starts_with("1° Lorsque"));
    assert_eq!(
        item.map(|u| u.kind),
        Some(UnitKind::ListItem),
        "{:?}",
        units(&doc)
    );
}
