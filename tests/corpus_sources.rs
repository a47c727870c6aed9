//! `corpus::sources` on a generated corpus with planted reuse (`synth::corpus`): recall and
//! precision of the planted links, the index file's round trip, and its damage.
//!
//! The thresholds of `corpus` were set on seed 1 (development) at 300 to 10,000 documents;
//! this test asserts on seed 2, which was not looked at while tuning: recall 0.972,
//! precision 0.984 at 300 documents when written (0.948 and 0.972 with the `1/df` weights
//! and half the pairs indexed). Heavy rewrites (about half the content words and most
//! function words replaced, clauses turned round, sentences reordered) are the one kind of
//! reuse found less often (34 of 43 on seed 2): the floors below are what is measured, less
//! a margin, not the goal.

use std::collections::BTreeMap;

use draftdiff::corpus::{
    CorpusIndex, IndexBuilder, IndexOptions, Sources, SourcesOptions, sources, unit_pairs,
};
use draftdiff::segment::{SegmentOptions, segment};
use draftdiff::synth::corpus::{CorpusOptions, PlantedCorpus, corpus, score};
use draftdiff::{Document, Result};

/// The test seed (see the module docs).
const SEED: u64 = 2;

struct Fixture {
    planted: PlantedCorpus,
    docs: Vec<Document>,
    index: CorpusIndex,
}

fn fixture(seed: u64) -> Fixture {
    let planted = corpus(&CorpusOptions::new(300).seed(seed));
    let mut builder = IndexBuilder::new(IndexOptions::new());
    let mut docs = Vec::new();
    for d in &planted.documents {
        let doc = segment(&d.name, &d.text, &SegmentOptions::new());
        assert_eq!(doc.units.len(), d.units, "{}: one unit a line", d.name);
        builder.add(&doc, d.text.as_bytes());
        docs.push(doc);
    }
    Fixture {
        planted,
        docs,
        index: builder.finish(),
    }
}

fn run(f: &Fixture, index: &CorpusIndex, draft: usize) -> Result<Sources> {
    let d = &f.planted.drafts[draft];
    let doc = segment(&d.name, &d.text, &SegmentOptions::new());
    assert_eq!(doc.units.len(), d.units, "{}: one unit a line", d.name);
    let by_path: BTreeMap<&str, &Document> = f.docs.iter().map(|d| (d.path.as_str(), d)).collect();
    sources(doc, index, &SourcesOptions::new(), &mut |i| {
        Ok(by_path[i.path.as_str()].clone())
    })
}

#[test]
fn planted_links_are_found_with_high_recall_and_precision() {
    let f = fixture(SEED);
    let (mut hits, mut found, mut planted) = (0, 0, 0);
    // Planted links by edit: (found, planted).
    let mut by_reuse: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for k in 0..f.planted.drafts.len() {
        let s = run(&f, &f.index, k).expect("in memory");
        let pairs = unit_pairs(&s);
        let (h, n, p) = score(&f.planted, k, &pairs);
        hits += h;
        found += n;
        planted += p;
        for l in f.planted.links.iter().filter(|l| l.draft == k) {
            let name = &f.planted.documents[l.document].name;
            let hit = pairs
                .iter()
                .any(|(n, path, o)| *n == l.draft_unit && *o == l.unit && path == name);
            let e = by_reuse.entry(format!("{:?}", l.reuse)).or_default();
            e.0 += usize::from(hit);
            e.1 += 1;
        }
    }
    eprintln!("found/planted by edit: {by_reuse:?}");
    let recall = hits as f64 / planted as f64;
    let precision = hits as f64 / found.max(1) as f64;
    eprintln!(
        "planted {planted}, found {found}, correct {hits}: recall {recall:.3}, precision {precision:.3}"
    );
    assert!(planted >= 300, "a few hundred planted links: {planted}");
    assert!(precision >= 0.95, "precision {precision:.3}");
    assert!(recall >= 0.94, "recall {recall:.3}");
    for (reuse, (found, planted)) in &by_reuse {
        let recall = *found as f64 / *planted as f64;
        let floor = if reuse == "Rewritten" { 0.65 } else { 0.95 };
        assert!(
            recall >= floor,
            "{reuse}: recall {recall:.3} ({found} of {planted})"
        );
    }
}

#[test]
fn a_saved_index_gives_the_same_sources() {
    let f = fixture(SEED);
    let mut bytes = Vec::new();
    f.index.write(&mut bytes).expect("to memory");
    let again = CorpusIndex::read("corpus.ddx", &bytes).expect("its own file");
    assert_eq!(again, f.index);
    for k in [0, 7, 31] {
        assert_eq!(run(&f, &again, k).unwrap(), run(&f, &f.index, k).unwrap());
    }
}

#[test]
fn a_damaged_index_is_a_clear_error() {
    let f = fixture(SEED);
    let mut bytes = Vec::new();
    f.index.write(&mut bytes).expect("to memory");
    let mut flipped = bytes.clone();
    let mid = flipped.len() / 2;
    flipped[mid] ^= 1;
    let e = CorpusIndex::read("corpus.ddx", &flipped)
        .unwrap_err()
        .to_string();
    assert!(
        e.starts_with("corpus.ddx: ") && e.contains("corrupt"),
        "{e}"
    );
    let e = CorpusIndex::read("corpus.ddx", &bytes[..bytes.len() - 100])
        .unwrap_err()
        .to_string();
    assert!(
        e.starts_with("corpus.ddx: ") && e.contains("corrupt"),
        "{e}"
    );
    let e = CorpusIndex::read("notes.txt", b"1. Some text.\n")
        .unwrap_err()
        .to_string();
    assert!(e.starts_with("notes.txt: not a draftdiff index"), "{e}");
}
