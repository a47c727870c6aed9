//! Same inputs, byte-identical output, whatever the number of threads: on a generated pair
//! large enough to take every parallel path of the aligner (profiles, tokens and
//! candidates from 4,000 units, sentence matching from 20,000 new sentences, scoring from
//! 4,000 candidate pairs), aligned on one thread and on two, the same with the old version
//! as one huge paragraph (aligned as its pieces), and as a lineage of three versions built
//! on one thread and on two.

use draftdiff::diff::{DiffOptions, report};
use draftdiff::render;
use draftdiff::segment::segment;
use draftdiff::synth::{SynthOptions, generate};
use draftdiff::{AlignOptions, Document, Lineage, LineageOptions, SegmentOptions};

/// Old paragraphs of the generated pair: about 6,000 units a side and 25,000 sentences in
/// the new version, past every parallel threshold.
const PARAGRAPHS: usize = 6_000;

fn pair(seed: u64) -> (Document, Document) {
    let pair = generate(&SynthOptions::new(PARAGRAPHS).seed(seed).pdf_noise(true));
    let options = SegmentOptions::new();
    (
        segment("old.txt", &pair.old, &options),
        segment("new.txt", &pair.new, &options),
    )
}

fn pool(threads: usize) -> rayon::ThreadPool {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("a thread pool")
}

/// The JSON report of `old` → `new`, aligned and diffed on a pool of `threads` threads.
fn json_report(old: &Document, new: &Document, threads: usize) -> Vec<u8> {
    pool(threads).install(|| {
        let alignment = draftdiff::align(old, new, &AlignOptions::new());
        let report = report(old.clone(), new.clone(), alignment, &DiffOptions::new());
        let mut out = Vec::new();
        render::json(&report, &mut out).expect("renders");
        out
    })
}

#[test]
fn one_thread_and_two_give_the_same_json() {
    let (old, new) = pair(1);
    let sentences = |d: &Document| -> usize {
        d.units
            .iter()
            .map(|u| u.text.matches(['.', ';', '?', '!']).count().max(1))
            .sum()
    };
    // The pair is past the parallel thresholds (rough sentence count: end punctuation).
    assert!(old.units.len() >= 4_000 && new.units.len() >= 4_000);
    assert!(sentences(&new) >= 20_000, "{} sentences", sentences(&new));
    let one = json_report(&old, &new, 1);
    let two = json_report(&old, &new, 2);
    assert!(one.len() > 1_000_000, "{} bytes", one.len());
    assert!(
        one == two,
        "the JSON reports differ between 1 and 2 threads"
    );
}

#[test]
fn a_huge_paragraph_gives_the_same_json_on_one_thread_and_two() {
    // The old version's paragraphs joined into one unit (lost paragraph breaks): it is
    // aligned as thousands of pieces, borrowed from its text, on every parallel path.
    let (old, new) = pair(2);
    let joined: Vec<&str> = old.units.iter().map(|u| u.text.as_str()).collect();
    let old = segment(
        "old.txt",
        &format!("{}\n", joined.join(" ")),
        &SegmentOptions::new(),
    );
    assert_eq!(old.units.len(), 1);
    assert!(old.units[0].text.len() > 100 * draftdiff::align::LARGE_UNIT);
    let one = json_report(&old, &new, 1);
    let two = json_report(&old, &new, 2);
    assert!(one.len() > 1_000_000, "{} bytes", one.len());
    assert!(
        one == two,
        "the JSON reports of a huge paragraph differ between 1 and 2 threads"
    );
}

#[test]
fn a_lineage_is_the_same_on_one_thread_and_two() {
    // The third version goes back to the first: a revision reverted.
    let (v1, v2) = pair(2);
    let versions = vec![v1.clone(), v2, v1];
    let build = |threads| Lineage::build(versions.clone(), &LineageOptions::new().threads(threads));
    let (one, two) = (build(1), build(2));
    let alignments =
        |l: &Lineage| -> Vec<_> { l.steps().iter().map(|s| s.alignment.clone()).collect() };
    assert_eq!(alignments(&one), alignments(&two));
    assert!(!alignments(&one)[0].links.is_empty());
}
