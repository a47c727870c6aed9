//! One test per crash found by fuzzing (`fuzz/`) or by the Unicode property tests: the
//! smallest input that crashed, run through the public pipeline. Each test is named after
//! the defect; a crash found later becomes a test here (see `fuzz/README.md`).

use draftdiff::segment::{Layout, SegmentOptions, segment};

/// Segments `text` under every layout: each one runs the broken-word mending.
fn segment_all_layouts(text: &str) {
    for layout in [Layout::Auto, Layout::Pdf, Layout::Blocks, Layout::Lines] {
        segment("fuzz.txt", text, &SegmentOptions::new().layout(layout));
    }
}

/// `mend::count_line` cut a line ending in a broken word one byte after the last
/// whitespace, which is inside a no-break space (2 bytes in UTF-8), as Word and PDF text
/// put between a number and the next word.
#[test]
fn nbsp_before_broken_word_does_not_panic() {
    segment_all_layouts("The article\u{a0}organi-\nzation of work.\n");
}

/// The same cut inside a LINE SEPARATOR (U+2028, 3 bytes), which some converters emit.
#[test]
fn u2028_before_broken_word_does_not_panic() {
    segment_all_layouts("The article\u{2028}organi-\nzation of work.\n");
}

/// `mend::continuation_tail` cut a continuation line at byte 256 when its first word had
/// more than 64 letters; in a non-ASCII word byte 256 is inside a character.
#[test]
fn cut_inside_long_non_ascii_word_does_not_panic() {
    // One ASCII letter, then 2-byte letters: byte 256 falls inside an `é`.
    let long = format!("a{}", "é".repeat(200));
    segment_all_layouts(&format!("The organi-\n{long} and more.\n"));
    // 3-byte letters after a lower-case Greek letter (2 bytes): byte 256 is inside again.
    let long = format!("α{}", "ⴰ".repeat(120));
    segment_all_layouts(&format!("The organi-\n{long}\n"));
}

/// Found by the long fuzz run: canonically equivalent spellings compare equal (`e` +
/// U+0301 is `é`), and the old text was rebuilt with the new spelling; equal runs now
/// carry both, so both texts come back exactly.
#[test]
fn canonically_equivalent_old_spelling_is_rebuilt_exactly() {
    use draftdiff::diff::{DiffOptions, diff_texts};
    let old = "e\u{301}\u{301}\u{301} cafe\u{301}\n";
    let new = "\u{e9}\u{301}\u{301} caf\u{e9}\n";
    let d = diff_texts(old, new, &DiffOptions::new().ignore_whitespace(false));
    assert_eq!(d.new_text(), new);
    assert_eq!(d.old_text(), old);
    assert!(
        d.ops
            .iter()
            .all(|o| o.kind == draftdiff::model::OpKind::Equal),
        "canonically equivalent texts differ: {:?}",
        d.ops
    );
}

/// Found by the property test `structured_text_loses_no_word`: a list label alone on its
/// line (`(a)`), then a page break, then a line read as a footnote's continuation (a
/// lower-case line after a recurring ` 1 A footnote text.`). With no footnote open, that
/// line went to the text without taking the pending label, which the end of the text then
/// appended to it: the unit began on line 9 and ended on line 3, its words out of order.
#[test]
fn a_pending_label_marks_a_line_read_as_a_footnote_continuation() {
    let text = " 1 A footnote text.\n\n(a)\n\n\u{c}\n\n 1 A footnote text.\n\nthe";
    for layout in [Layout::Auto, Layout::Pdf, Layout::Blocks, Layout::Lines] {
        let doc = segment("fuzz.txt", text, &SegmentOptions::new().layout(layout));
        for u in &doc.units {
            assert!(u.line <= u.end_line, "{layout:?}: {u:?}");
            assert!(!u.text.ends_with(" (a)"), "{layout:?}: {u:?}");
        }
    }
}
