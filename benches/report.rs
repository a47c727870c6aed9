//! The full report — read, segment, align, word-diff, render the terminal report without
//! colour — on a generated pair of 10,000-paragraph versions, against
//! `git diff --no-index --word-diff` on the same two files, in the same run.
//!
//! ```text
//! cargo bench --bench report            # 10,000 paragraphs
//! DRAFTDIFF_BENCH_QUICK=1 cargo bench --bench report   # 1,000 paragraphs
//! ```
//!
//! The pair is built outside the timers and written to a temporary directory, so both
//! tools read the same files from disk. Each timing is the median of three runs.

mod support;

use std::process::{Command, Stdio};
use std::time::Duration;

use draftdiff::diff::{DiffOptions, report};
use draftdiff::render::{self, Palette, TerminalOptions};
use draftdiff::{AlignOptions, ReadOptions, SegmentOptions};

#[global_allocator]
static ALLOC: support::PeakAlloc = support::PeakAlloc;

/// A small deterministic generator (xorshift), so the bench needs no data files.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const WORDS: &[&str] = &[
    "the",
    "committee",
    "states",
    "technical",
    "assistance",
    "human",
    "rights",
    "cooperation",
    "capacity",
    "building",
    "report",
    "resolution",
    "council",
    "general",
    "assembly",
    "development",
    "programme",
    "support",
    "national",
    "international",
    "obligations",
    "mutually",
    "beneficial",
    "recommendations",
    "implementation",
    "treaty",
    "bodies",
    "and",
    "of",
    "in",
    "to",
    "for",
    "with",
    "on",
    "that",
    "its",
    "their",
    "was",
    "were",
    "noted",
    "stressed",
    "observed",
    "welcomed",
    "requested",
    "agreed",
    "regional",
    "organizations",
    "experts",
    "training",
    "seminars",
    "funding",
    "voluntary",
    "fund",
    "advisory",
    "services",
    "secretariat",
    "members",
    "delegations",
    "guidelines",
];

fn sentence(rng: &mut Rng) -> String {
    let n = 8 + rng.below(18);
    let mut s = String::new();
    for i in 0..n {
        if i > 0 {
            s.push(' ');
        }
        let w = WORDS[rng.below(WORDS.len())];
        if i == 0 {
            let mut c = w.chars();
            if let Some(f) = c.next() {
                s.extend(f.to_uppercase());
                s.push_str(c.as_str());
            }
        } else {
            s.push_str(w);
        }
        if i + 1 < n && rng.below(12) == 0 {
            s.push(',');
        }
    }
    s.push('.');
    s
}

fn paragraph(rng: &mut Rng) -> String {
    let n = 2 + rng.below(4);
    (0..n).map(|_| sentence(rng)).collect::<Vec<_>>().join(" ")
}

/// Lightly edits a paragraph: a few words replaced, inserted or dropped.
fn edit(rng: &mut Rng, text: &str) -> String {
    let mut words: Vec<String> = text.split(' ').map(str::to_string).collect();
    for _ in 0..1 + rng.below(4) {
        let i = rng.below(words.len());
        match rng.below(3) {
            0 => words[i] = WORDS[rng.below(WORDS.len())].to_string(),
            1 => words.insert(i, WORDS[rng.below(WORDS.len())].to_string()),
            _ if words.len() > 4 => {
                words.remove(i);
            }
            _ => {}
        }
    }
    words.join(" ")
}

/// Writes an old and a new version of `n` paragraphs with headings every 25 paragraphs:
/// in the new one, paragraphs are kept, edited, rewritten, removed, added, moved and
/// merged, and everything is renumbered.
fn generate(n: usize) -> (String, String) {
    let mut rng = Rng(0x5eed_1234_abcd_ef01);
    let paras: Vec<String> = (0..n).map(|_| paragraph(&mut rng)).collect();
    let mut old = String::new();
    let mut new_paras: Vec<(bool, String)> = Vec::new(); // (is heading, text)
    let mut moved: Vec<String> = Vec::new();
    for (i, p) in paras.iter().enumerate() {
        if i % 25 == 0 {
            let title = format!(
                "{}. {}",
                i / 25 + 1,
                sentence(&mut rng).trim_end_matches('.')
            );
            old.push_str(&format!("{title}\n\n"));
            new_paras.push((true, title));
        }
        old.push_str(&format!("{}.\t{p}\n\n", i + 1));
        match rng.below(100) {
            0..=49 => new_paras.push((false, p.clone())),
            50..=79 => new_paras.push((false, edit(&mut rng, p))),
            80..=84 => new_paras.push((false, paragraph(&mut rng))),
            85..=88 => {}
            89..=91 => moved.push(edit(&mut rng, p)),
            92..=94 => {
                if let Some((false, last)) = new_paras.last_mut() {
                    last.push(' ');
                    last.push_str(p);
                } else {
                    new_paras.push((false, p.clone()));
                }
            }
            _ => {
                new_paras.push((false, p.clone()));
                new_paras.push((false, paragraph(&mut rng)));
            }
        }
        if i % 100 == 99 {
            // Moved paragraphs reappear further on.
            new_paras.append(&mut moved.drain(..).map(|m| (false, m)).collect());
        }
    }
    let mut new = String::new();
    let mut number = 0;
    for (heading, text) in new_paras {
        if heading {
            new.push_str(&format!("{text}\n\n"));
        } else {
            number += 1;
            new.push_str(&format!("{number}.\t{text}\n\n"));
        }
    }
    (old, new)
}

fn full_report(old: &str, new: &str) -> usize {
    let old = draftdiff::load(old, &ReadOptions::new(), &SegmentOptions::new()).expect("old");
    let new = draftdiff::load(new, &ReadOptions::new(), &SegmentOptions::new()).expect("new");
    let alignment = draftdiff::align(&old, &new, &AlignOptions::new());
    let report = report(old, new, alignment, &DiffOptions::new());
    let mut out = Vec::new();
    render::terminal(
        &report,
        &TerminalOptions::new(),
        &Palette::plain(),
        &mut out,
    )
    .expect("renders");
    out.len()
}

fn git_word_diff(old: &str, new: &str) -> Option<usize> {
    let out = Command::new("git")
        .args(["diff", "--no-index", "--word-diff", "--no-color", old, new])
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .ok()?;
    // git diff exits 1 when the files differ.
    matches!(out.status.code(), Some(0 | 1)).then_some(out.stdout.len())
}

fn secs(d: Duration) -> f64 {
    d.as_secs_f64()
}

fn main() {
    let n = if support::quick() { 1_000 } else { 10_000 };
    let (old_text, new_text) = generate(n);
    let dir = tempfile::tempdir().expect("temp dir");
    let old = dir.path().join("old.txt");
    let new = dir.path().join("new.txt");
    std::fs::write(&old, &old_text).expect("write old");
    std::fs::write(&new, &new_text).expect("write new");
    let (old, new) = (
        old.to_str().expect("utf-8 path").to_string(),
        new.to_str().expect("utf-8 path").to_string(),
    );

    let (bytes, ours, peak) = support::measure_median(3, || full_report(&old, &new));
    println!(
        "draftdiff full report, {n} paragraphs ({} + {} bytes in): {:.3} s, peak {:.1} MiB, {bytes} bytes out",
        old_text.len(),
        new_text.len(),
        secs(ours),
        support::mib(peak)
    );
    let (git_bytes, theirs, _) = support::measure_median(3, || git_word_diff(&old, &new));
    match git_bytes {
        Some(b) => {
            println!(
                "git diff --no-index --word-diff, same files:       {:.3} s, {b} bytes out",
                secs(theirs)
            );
            println!(
                "ratio draftdiff / git word-diff: {:.2}",
                secs(ours) / secs(theirs).max(1e-9)
            );
        }
        None => println!("git diff --no-index --word-diff: git not available, no ratio"),
    }
}
