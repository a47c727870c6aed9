//! Issue 8, items 4 and 5: the work of a word diff and of an alignment is bounded by the
//! input, never by the clock, and stays linear when one large unit faces many small ones.
//!
//! The inputs are generated here, deterministically (a small linear congruential generator
//! over a fixed vocabulary), so the tests need no fixture files.

use draftdiff::diff::{DiffOptions, diff_texts};
use draftdiff::model::{LinkShape, WordDiff};
use draftdiff::segment::segment;
use draftdiff::{AlignOptions, align};

/// A fixed pseudo-random sequence (Knuth's MMIX constants).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % below as u64) as usize
    }
}

const WORDS: &[&str] = &[
    "council",
    "report",
    "water",
    "harbour",
    "valley",
    "treaty",
    "railway",
    "archive",
    "orchard",
    "glacier",
    "market",
    "lantern",
    "library",
    "meadow",
    "granite",
    "canal",
    "ferry",
    "beacon",
    "quarry",
    "furnace",
    "parish",
    "tannery",
    "vineyard",
    "cellar",
    "monastery",
    "estuary",
    "customs",
    "ledger",
    "charter",
    "garrison",
    "bridge",
    "mill",
];

/// One sentence of 8 to 16 words; `serial` makes every sentence distinct (as in prose,
/// where whole sentences rarely repeat).
fn sentence(rng: &mut Lcg, serial: usize) -> String {
    let n = 8 + rng.next(9);
    let mut words: Vec<String> = (0..n)
        .map(|_| WORDS[rng.next(WORDS.len())].to_string())
        .collect();
    words[0] = format!("Item{serial}");
    words.insert(n / 2, format!("w{}x{}", serial % 997, rng.next(100_000)));
    format!("{}.", words.join(" "))
}

/// `n` sentences, and a copy with about one sentence in `every` reworded.
fn sentence_pair(seed: u64, n: usize, every: usize) -> (Vec<String>, Vec<String>) {
    let mut rng = Lcg(seed);
    let old: Vec<String> = (0..n).map(|i| sentence(&mut rng, i)).collect();
    let new: Vec<String> = old
        .iter()
        .enumerate()
        .map(|(i, s)| {
            if rng.next(every) == 0 {
                let mut words: Vec<&str> = s.split(' ').collect();
                words.swap(1, 2);
                words.push("amended");
                format!("{}", words.join(" "))
            } else {
                s.clone()
            }
        })
        .collect();
    (old, new)
}

fn assert_rebuilds(d: &WordDiff, old: &str, new: &str) {
    assert_eq!(d.new_text(), new);
    let squeeze = |s: &str| s.split_whitespace().collect::<String>();
    assert_eq!(squeeze(&d.old_text()), squeeze(old));
}

#[test]
fn word_diff_is_deterministic_when_budget_is_hit() {
    let (old, new) = sentence_pair(7, 250, 5);
    let (old, new) = (old.join(" "), new.join(" "));
    // A twelfth of the whole pair's cells: enough for the changed sentences only.
    let options = DiffOptions::new().budget(1_000_000);
    let first = diff_texts(&old, &new, &options);
    assert!(first.timed_out, "the budget is hit");
    assert_rebuilds(&first, &old, &new);
    // The changed sentences were still diffed word by word, not replaced whole.
    assert!(
        first.stats.equal > first.stats.deleted * 10,
        "{:?}",
        first.stats
    );
    for _ in 0..5 {
        assert_eq!(diff_texts(&old, &new, &options), first);
    }
    // Within the default budget the same pair is exact and unflagged.
    let exact = diff_texts(&old, &new, &DiffOptions::new());
    assert!(!exact.timed_out);
    assert_rebuilds(&exact, &old, &new);
}
