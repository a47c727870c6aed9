//! Issue 8, items 4 and 5: the work of a word diff and of an alignment is bounded by the
//! input, never by the clock, and stays linear when one large unit faces many small ones.
//!
//! The inputs are generated here, deterministically (a small linear congruential generator
//! over a fixed vocabulary), so the tests need no fixture files.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use draftdiff::diff::{DiffOptions, diff_texts, report};
use draftdiff::model::{LinkShape, WordDiff};
use draftdiff::segment::segment;
use draftdiff::{AlignOptions, align};
use proptest::prelude::*;

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
        .map(|s| {
            if rng.next(every) == 0 {
                let mut words: Vec<&str> = s.split(' ').collect();
                words.swap(1, 2);
                words.push("amended");
                words.join(" ")
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

/// `paragraphs` paragraphs of 3 to 7 sentences: the old text with every break lost (one
/// paragraph), the new text with its breaks.
fn lost_breaks(seed: u64, paragraphs: usize) -> (String, String) {
    let mut rng = Lcg(seed);
    let mut serial = 0;
    let paras: Vec<String> = (0..paragraphs)
        .map(|_| {
            let n = 3 + rng.next(5);
            (0..n)
                .map(|_| {
                    serial += 1;
                    sentence(&mut rng, serial)
                })
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    (
        format!("{}\n", paras.join(" ")),
        format!("{}\n", paras.join("\n\n")),
    )
}

#[test]
fn huge_unit_against_many_small_is_a_split() {
    // 400 paragraphs, about 100 KB: large enough to be cut into sentences for alignment,
    // small enough for the test profile.
    let (old_text, new_text) = lost_breaks(3, 400);
    let old = segment("old.txt", &old_text, &Default::default());
    let new = segment("new.txt", &new_text, &Default::default());
    assert_eq!(old.units.len(), 1);
    assert_eq!(new.units.len(), 400);
    let a = align(&old, &new, &AlignOptions::new());
    assert_eq!(a.links.len(), 1, "one link: {:?}", a.links.len());
    let link = &a.links[0];
    assert_eq!(link.shape, LinkShape::Split);
    assert_eq!(link.old, vec![0]);
    assert!(a.removed.is_empty());
    // Nearly every paragraph is found among the pieces of the split.
    assert!(a.added.len() <= 4, "added {}", a.added.len());
    assert!(link.new.len() >= 396);

    // The other way round: many paragraphs merged into one.
    let b = align(&new, &old, &AlignOptions::new());
    assert_eq!(b.links.len(), 1);
    assert_eq!(b.links[0].shape, LinkShape::Merge);
    assert!(b.removed.len() <= 4, "removed {}", b.removed.len());
}

/// Threads that keep every core busy until dropped, as other builds on a shared machine do.
struct Load {
    stop: Arc<AtomicBool>,
    threads: Vec<std::thread::JoinHandle<()>>,
}

impl Load {
    fn new() -> Load {
        let stop = Arc::new(AtomicBool::new(false));
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        let threads = (0..cores)
            .map(|_| {
                let stop = Arc::clone(&stop);
                std::thread::spawn(move || {
                    let mut x = 1u64;
                    while !stop.load(Ordering::Relaxed) {
                        x = std::hint::black_box(x.wrapping_mul(31).wrapping_add(7));
                    }
                })
            })
            .collect();
        Load { stop, threads }
    }
}

impl Drop for Load {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        for t in self.threads.drain(..) {
            let _ = t.join();
        }
    }
}

#[test]
fn one_mb_paragraph_pair_json_is_byte_identical_under_load() {
    // Two paragraphs of about 1 MB, one sentence in five reworded.
    let (old, new) = sentence_pair(11, 11_000, 5);
    let (old, new) = (
        format!("{}\n", old.join(" ")),
        format!("{}\n", new.join(" ")),
    );
    assert!(old.len() > 1_000_000 && new.len() > 1_000_000);
    let old = segment("old.txt", &old, &Default::default());
    let new = segment("new.txt", &new, &Default::default());
    assert_eq!((old.units.len(), new.units.len()), (1, 1));
    let _load = Load::new();
    // The alignment is computed twice (it must agree too); the word diffs and the JSON,
    // the part that used to race a deadline, ten times.
    let alignment = align(&old, &new, &AlignOptions::new());
    assert_eq!(alignment, align(&old, &new, &AlignOptions::new()));
    let run = || {
        let r = report(
            old.clone(),
            new.clone(),
            alignment.clone(),
            &DiffOptions::new(),
        );
        let mut out = Vec::new();
        draftdiff::render::json(&r, &mut out).expect("JSON to memory");
        (out, r.summary.timed_out)
    };
    let (first, over_budget) = run();
    // The pair is far over the word diff's budget: the path that used to race the clock.
    assert_eq!(over_budget, 1);
    for i in 1..10 {
        let (again, _) = run();
        assert!(again == first, "run {i} differs from run 0");
    }
}

/// Prose-like text with sentence ends, numbers, quotes and odd spacing (as in
/// `diff_props.rs`), for the sentence pass of pairs over budget.
fn prose() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            "[a-zA-Z]{1,8}",
            "[A-Z][a-z]{0,6}",
            "[0-9]{1,4}",
            Just(" ".to_string()),
            Just(", ".to_string()),
            Just(". ".to_string()),
            Just("? ".to_string()),
            Just("  ".to_string()),
            Just("12. ".to_string()),
            Just("“Côte d’Ivoire” – ".to_string()),
            Just("人権。".to_string()),
            Just("\n".to_string()),
        ],
        0..60,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn over_budget_diffs_rebuild_both_texts_and_count_the_same_words(
        old in prose(),
        new in prose(),
        budget in prop_oneof![Just(0u64), Just(30u64), Just(400u64)],
        numbering in any::<bool>(),
    ) {
        let o = DiffOptions::new().budget(budget).ignore_numbering(numbering);
        let d = diff_texts(&old, &new, &o);
        prop_assert_eq!(d.new_text(), new.clone());
        // Equal runs keep their old spelling: the old text comes back exactly, an ignored
        // number and ignored spacing included.
        prop_assert_eq!(d.old_text(), old.clone());
        for pair in d.ops.windows(2) {
            prop_assert!(pair[0].kind != pair[1].kind, "neighbouring runs are merged");
        }
        prop_assert!(d.ops.iter().all(|op| !op.text.is_empty()));
        let exact = diff_texts(&old, &new, &o.clone().budget(u64::MAX));
        prop_assert_eq!(d.stats.equal + d.stats.inserted, exact.stats.equal + exact.stats.inserted);
        prop_assert_eq!(d.stats.equal + d.stats.deleted, exact.stats.equal + exact.stats.deleted);
        prop_assert_eq!(&d, &diff_texts(&old, &new, &o));
    }
}

#[test]
fn large_units_on_both_sides_keep_the_alignment_well_formed() {
    // Old: two normal paragraphs, a large one of 200 paragraphs' text, a normal one.
    // New: the large one's first half as paragraphs, its second half as one large unit,
    // the normal ones edited or kept.
    let (big, paras) = lost_breaks(5, 240);
    let paras: Vec<&str> = paras.split("\n\n").map(str::trim).collect();
    assert!(big.len() > draftdiff::align::LARGE_UNIT);
    let old_text = format!(
        "Volcanic soils feed the vineyards.\n\nGlaciers carved the valleys.\n\n{}\n\nThe railway reached the capital.\n",
        big.trim()
    );
    let tail = paras[120..].join(" ");
    assert!(tail.len() > draftdiff::align::LARGE_UNIT);
    let new_text = format!(
        "Volcanic soils feed the southern vineyards.\n\n{}\n\n{}\n\nThe railway reached the capital.\n",
        paras[..120].join("\n\n"),
        tail
    );
    let old = segment("old.txt", &old_text, &Default::default());
    let new = segment("new.txt", &new_text, &Default::default());
    let a = align(&old, &new, &AlignOptions::new());
    let mut old_seen = vec![0; old.units.len()];
    let mut new_seen = vec![0; new.units.len()];
    for l in &a.links {
        assert!(l.old.len() == 1 || l.new.len() == 1, "no many-to-many link");
        l.old.iter().for_each(|&o| old_seen[o] += 1);
        l.new.iter().for_each(|&n| new_seen[n] += 1);
    }
    a.removed.iter().for_each(|&o| old_seen[o] += 1);
    a.added.iter().for_each(|&n| new_seen[n] += 1);
    assert!(old_seen.iter().all(|&c| c == 1), "each old unit once");
    assert!(new_seen.iter().all(|&c| c == 1), "each new unit once");
    // The large old unit is split into the 120 paragraphs and the large new unit.
    let split = a
        .links
        .iter()
        .find(|l| l.old == vec![2])
        .expect("the large old unit is linked");
    assert_eq!(split.shape, LinkShape::Split);
    assert!(split.new.len() >= 118, "{}", split.new.len());
    assert!(split.new.contains(&(new.units.len() - 2)));
    assert_eq!(a, align(&old, &new, &AlignOptions::new()));
}
