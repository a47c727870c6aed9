//! Page furniture where form feeds mark the pages: only what stands at a page's head or
//! foot, never a line that recurs in the middle of pages.

use draftdiff::segment::{SegmentOptions, segment_explained};

/// draft-ietf-dmarc-dmarcbis-02, pages 38 to 41: IANA registry updates whose entries
/// repeat the same fields (`Status: active`, `Defined: [RFC8601]`) about every 14 lines,
/// between the draft's running head and foot. © IETF Trust, reproduced under the IETF
/// Trust Legal Provisions (BCP 78); from github.com/ietf-wg-dmarc/draft-ietf-dmarc-dmarcbis.
const REGISTRIES: &str = include_str!("fixtures/classes/dmarcbis-02-registries.txt");

#[test]
fn fields_recurring_mid_page_are_text_not_furniture() {
    let (doc, why) = segment_explained("dmarcbis.txt", REGISTRIES, &SegmentOptions::new());
    let patterns: Vec<&str> = why.furniture.iter().map(|f| f.pattern.as_str()).collect();
    assert_eq!(
        patterns,
        [
            "internet-draft dmarcbis june #",
            "herr (ed) & levine (ed) expires # december # [page #]"
        ]
    );
    // Every field line is kept in the units' text.
    let kept = |needle: &str| {
        doc.units
            .iter()
            .map(|u| u.text.matches(needle).count())
            .sum::<usize>()
    };
    assert_eq!(
        kept("Status: active"),
        REGISTRIES.matches("Status: active").count()
    );
    assert_eq!(
        kept("Auth Method: dmarc (added)"),
        REGISTRIES.matches("Auth Method: dmarc (added)").count()
    );
    assert_eq!(kept("Version: 1"), REGISTRIES.matches("Version: 1").count());
    // The running head and foot are gone.
    assert!(
        doc.units
            .iter()
            .all(|u| !u.text.contains("Expires 18 December"))
    );
}

/// parking_lot's CHANGELOG.md, lines 1–45 (© Amanieu d'Antras and contributors, MIT or
/// Apache-2.0; from the crate as published on crates.io): headings and lists only, with
/// `- Bumped MSRV to 1.71` every eight lines.
const CHANGELOG: &str = include_str!("fixtures/classes/parking-lot-changelog.md");

#[test]
fn a_markdown_changelog_with_repeated_items_stays_markdown() {
    // Its one kind of block syntax beside lists and the repeated item made it look like
    // page-printed text saved as `.md`: read as pages, the item was dropped as a running
    // line and the links and code spans were shown as written. Its inline syntax says
    // Markdown.
    let (doc, why) = segment_explained("CHANGELOG.md", CHANGELOG, &SegmentOptions::new());
    assert!(why.furniture.is_empty(), "{:?}", why.furniture);
    let msrv = doc
        .units
        .iter()
        .filter(|u| u.text == "Bumped MSRV to 1.71")
        .count();
    assert_eq!(msrv, 3);
    assert!(doc.units.iter().any(|u| u.text.starts_with(
        "The format is based on Keep a Changelog, and this project adheres to Semantic Versioning."
    )));
}
