//! Blame over a long chain: 20 generated versions of a 10,000-paragraph document
//! (`DRAFTDIFF_BENCH_QUICK=1`: 1,000 paragraphs).
//!
//! Each version edits about 5% of the paragraphs (a few words replaced or inserted), drops
//! 0.5%, adds 0.5%, moves a few, merges two and splits two, and every fifth version restores a
//! paragraph dropped earlier. The versions are generated and segmented outside the timers.
//! Measured in the same run: segmenting the 20 versions and the 19 pairwise alignments alone
//! (baselines), then building the lineage (alignments + revivals), then blame on it; time and
//! peak heap above the inputs, and the ratios to the baselines.

mod support;

use std::time::Duration;

use draftdiff::diff::DiffOptions;
use draftdiff::lineage::{Lineage, LineageOptions, blame};
use draftdiff::segment::{SegmentOptions, segment};
use draftdiff::{AlignOptions, align};

#[global_allocator]
static ALLOC: support::PeakAlloc = support::PeakAlloc;

const VERSIONS: usize = 20;

/// A small deterministic generator (xorshift64*), so runs are comparable.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Words of the invented vocabulary.
const VOCABULARY: usize = 5_000;

const SYLLABLES: &[&str] = &[
    "ta", "ri", "mo", "ken", "sa", "lu", "de", "vor", "pi", "na", "gel", "o", "tru", "mis", "ba",
    "cal", "fen", "di", "ro", "um",
];

/// An invented vocabulary: word `i` spelled from the digits of `i` in base 20 syllables.
fn vocabulary() -> Vec<String> {
    (0..VOCABULARY)
        .map(|mut i| {
            let mut word = String::new();
            loop {
                word.push_str(SYLLABLES[i % SYLLABLES.len()]);
                i /= SYLLABLES.len();
                if i == 0 {
                    break;
                }
            }
            word
        })
        .collect()
}

/// A word drawn with a Zipf-like law (log-uniform rank), so a few words are very common and
/// most are rare, as in prose.
fn word(rng: &mut Rng, vocab: &[String]) -> String {
    let u = (rng.next() >> 11) as f64 / (1u64 << 53) as f64;
    let rank = (vocab.len() as f64).powf(u) as usize;
    vocab[rank.saturating_sub(1).min(vocab.len() - 1)].clone()
}

fn paragraph(rng: &mut Rng, vocab: &[String], serial: usize) -> Vec<String> {
    let n = 40 + rng.below(80);
    let mut words: Vec<String> = (0..n).map(|_| word(rng, vocab)).collect();
    // A distinctive token per paragraph, as real paragraphs have names and figures.
    words.insert(rng.below(n), format!("item-{serial}"));
    words
}

/// Generates the chain of versions as texts.
fn generate(paragraphs: usize) -> Vec<String> {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let vocab = vocabulary();
    let mut serial = 0;
    let mut doc: Vec<Vec<String>> = (0..paragraphs)
        .map(|_| {
            serial += 1;
            paragraph(&mut rng, &vocab, serial)
        })
        .collect();
    let mut graveyard: Vec<Vec<String>> = Vec::new();
    let mut texts = vec![render(&doc)];
    for v in 1..VERSIONS {
        let len = doc.len();
        for _ in 0..len / 20 {
            let p = rng.below(doc.len());
            let w = rng.below(doc[p].len());
            match rng.below(3) {
                0 => doc[p][w] = word(&mut rng, &vocab),
                1 => doc[p].insert(w, word(&mut rng, &vocab)),
                _ if doc[p].len() > 10 => {
                    doc[p].remove(w);
                }
                _ => {}
            }
        }
        for _ in 0..len / 200 {
            let p = rng.below(doc.len());
            graveyard.push(doc.remove(p));
        }
        for _ in 0..len / 200 {
            serial += 1;
            let para = paragraph(&mut rng, &vocab, serial);
            let at = rng.below(doc.len());
            doc.insert(at, para);
        }
        for _ in 0..3 {
            let from = rng.below(doc.len());
            let para = doc.remove(from);
            let at = rng.below(doc.len());
            doc.insert(at, para);
        }
        for _ in 0..2 {
            let p = rng.below(doc.len() - 1);
            let next = doc.remove(p + 1);
            doc[p].extend(next);
        }
        for _ in 0..2 {
            let p = rng.below(doc.len());
            if doc[p].len() > 20 {
                let half = doc[p].len() / 2;
                let tail = doc[p].split_off(half);
                doc.insert(p + 1, tail);
            }
        }
        if v % 5 == 0 && !graveyard.is_empty() {
            let para = graveyard.remove(rng.below(graveyard.len()));
            let at = rng.below(doc.len());
            doc.insert(at, para);
        }
        texts.push(render(&doc));
    }
    texts
}

fn render(doc: &[Vec<String>]) -> String {
    let mut out = String::new();
    for p in doc {
        out.push_str(&p.join(" "));
        out.push_str(".\n\n");
    }
    out
}

fn secs(d: Duration) -> f64 {
    d.as_secs_f64()
}

fn main() {
    let paragraphs = if support::quick() { 1_000 } else { 10_000 };
    let texts = generate(paragraphs);
    let bytes: usize = texts.iter().map(String::len).sum();
    println!(
        "blame bench: {VERSIONS} versions of {paragraphs} paragraphs ({:.1} MiB of text)",
        support::mib(bytes)
    );

    let (docs, t_segment, m_segment) = support::measure(|| {
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| segment(&format!("v{i}"), t, &SegmentOptions::new()))
            .collect::<Vec<_>>()
    });
    drop(texts);

    let (alignments, t_align, m_align) = support::measure(|| {
        docs.windows(2)
            .map(|w| align(&w[0], &w[1], &AlignOptions::new()))
            .collect::<Vec<_>>()
    });
    drop(alignments);

    let input = docs.clone();
    let (lineage, t_build, m_build) =
        support::measure(|| Lineage::build(input, &LineageOptions::new()));
    let (b, t_blame, m_blame) = support::measure(|| blame(&lineage, &DiffOptions::new()));
    let restored = lineage
        .revival_steps()
        .iter()
        .map(|s| s.alignment.links.len())
        .sum::<usize>();
    let from_first = b.units.iter().filter(|u| u.origin == 0).count();

    let total = t_build + t_blame;
    println!("| stage | time (s) | peak heap (MiB) |");
    println!("| --- | ---: | ---: |");
    println!(
        "| segment {VERSIONS} versions (baseline) | {:.3} | {:.1} |",
        secs(t_segment),
        support::mib(m_segment)
    );
    println!(
        "| {} pairwise alignments (baseline) | {:.3} | {:.1} |",
        VERSIONS - 1,
        secs(t_align),
        support::mib(m_align)
    );
    println!(
        "| lineage build (alignments + revivals) | {:.3} | {:.1} |",
        secs(t_build),
        support::mib(m_build)
    );
    println!(
        "| blame on the lineage | {:.3} | {:.1} |",
        secs(t_blame),
        support::mib(m_blame)
    );
    println!(
        "| build + blame | {:.3} | {:.1} |",
        secs(total),
        support::mib(m_build.max(m_blame))
    );
    println!(
        "ratios: build+blame / alignments alone = {:.2}; blame alone / alignments = {:.2}; build+blame / segmenting = {:.1}",
        secs(total) / secs(t_align).max(1e-9),
        secs(t_blame) / secs(t_align).max(1e-9),
        secs(total) / secs(t_segment).max(1e-9)
    );
    println!(
        "last version: {} units, {from_first} traced back to the first version; {restored} restorations found",
        b.units.len()
    );
}
