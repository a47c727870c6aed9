//! The reference pair (outline draft → final report) against its hand-built gold lineage.
//!
//! Run with `cargo test --test align_reference -- --nocapture` to see the figures.

use draftdiff::eval::{Gold, resolve_key, score};
use draftdiff::model::{Alignment, Document, LinkShape};
use draftdiff::{AlignOptions, ReadOptions, SegmentOptions, align, load};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn pair() -> (Document, Document, Gold, Alignment) {
    let read = |name: &str| {
        load(
            &format!("{ROOT}/examples/data/{name}"),
            &ReadOptions::new(),
            &SegmentOptions::new(),
        )
        .expect("reference document")
    };
    let (old, new) = (read("outline-draft.txt"), read("final-report.txt"));
    let path = format!("{ROOT}/tests/fixtures/reference/gold.json");
    let json = std::fs::read_to_string(&path).expect("reference gold");
    let gold = Gold::from_json(&path, &json).expect("reference gold parses");
    let alignment = align(&old, &new, &AlignOptions::new());
    (old, new, gold, alignment)
}

fn id(doc: &Document, key: &str) -> usize {
    resolve_key(doc, key).unwrap_or_else(|| panic!("{key} not found in {}", doc.path))
}

#[test]
fn reference_pair_reaches_precision_and_recall_095() {
    let (old, new, gold, alignment) = pair();
    let s = score(&gold, &old, &new, &alignment);
    eprintln!(
        "reference pair: {} old units, {} new units, {} links",
        old.units.len(),
        new.units.len(),
        alignment.links.len()
    );
    eprintln!("reference pair: {s}");
    println!(
        "reference pair: precision {:.3} recall {:.3} F1 {:.3}",
        s.precision, s.recall, s.f1
    );
    assert!(s.precision >= 0.95, "precision {:.3}: {s}", s.precision);
    assert!(s.recall >= 0.95, "recall {:.3}: {s}", s.recall);
}

#[test]
fn reference_merges_are_merge_links() {
    let (old, new, _, alignment) = pair();
    for (olds, to) in [
        (&["p27", "p28", "p29"][..], "p37"),
        (&["p31", "p32"][..], "p51"),
    ] {
        let want: Vec<usize> = olds.iter().map(|k| id(&old, k)).collect();
        let n = id(&new, to);
        let link = alignment
            .links
            .iter()
            .find(|l| l.new.contains(&n))
            .unwrap_or_else(|| panic!("no link into {to}"));
        eprintln!(
            "{olds:?} -> {to}: {:?} -> {:?} {:?}",
            link.old, link.new, link.shape
        );
        assert_eq!(link.shape, LinkShape::Merge, "{to}");
        assert_eq!(link.new, vec![n], "{to}");
        assert_eq!(link.old, want, "{to}");
    }
}

#[test]
fn reference_moves_are_marked_moved() {
    let (old, new, _, alignment) = pair();
    for (from, to) in [("p23", "p46"), ("p26", "p41")] {
        let (o, n) = (id(&old, from), id(&new, to));
        let link = alignment
            .links
            .iter()
            .find(|l| l.old.contains(&o))
            .unwrap_or_else(|| panic!("no link from {from}"));
        eprintln!("{from} -> {to}: moved {}", link.moved);
        assert_eq!(link.new, vec![n], "{from}");
        assert!(link.moved, "{from} -> {to} should be marked moved");
    }
}

#[test]
fn no_link_into_paragraphs_new_in_the_final_report() {
    let (old, new, gold, alignment) = pair();
    let descended: Vec<usize> = gold
        .sure
        .iter()
        .chain(&gold.possible)
        .filter_map(|(_, n)| resolve_key(&new, n))
        .collect();
    assert!(!descended.is_empty());
    let mut wrongly_linked = Vec::new();
    for link in &alignment.links {
        for &n in &link.new {
            let unit = new.unit(n);
            // Count a list item or footnote as the paragraph it belongs to, as the scorer does.
            let counted = match unit.kind {
                draftdiff::UnitKind::ListItem | draftdiff::UnitKind::Footnote => unit.parent,
                _ => Some(n),
            };
            if let Some(c) = counted
                && !descended.contains(&c)
            {
                wrongly_linked.push((
                    link.old.iter().map(|&o| old.label(o)).collect::<Vec<_>>(),
                    new.label(n),
                ));
            }
        }
    }
    assert!(
        wrongly_linked.is_empty(),
        "links into new paragraphs: {wrongly_linked:?}"
    );
}
