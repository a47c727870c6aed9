//! Alignment through each reader: the gold corpus's pairs as plain text, and rendered to
//! Word, to PDF (typeset by LibreOffice, and printed from HTML by a browser) and to
//! `pdftotext` text by `scripts/readers/render.sh`, aligned and scored
//! against the gold carried over to each rendering (`draftdiff::eval::project_gold`).
//!
//! ```text
//! bash scripts/readers/render.sh            # renders every pair, then runs this
//! cargo run --release --features eval --example readers_eval -- RENDERED PAIR_DIR…
//! ```
//!
//! `RENDERED/NAME/` holds `old.docx`, `old.pdf`, `old.browser.pdf`, `old.pdftotext.txt` and the same for
//! `new`, for each `PAIR_DIR` named `NAME` (with `old.*`, `new.*`, `gold.json`,
//! `meta.json`). Prints a Markdown table: F1 per pair and reader, and the means of each
//! split with the largest gap to plain text.
//!
//! With `READERS_EVAL_MISSED=READER` (`plain`, `docx`, `pdf`, `browser-pdf` or `pdftotext`) it also
//! prints, for the pairs of the dev split only (test pairs are counted, never studied),
//! the gold links that reader's alignment missed and the links it made wrongly, with the
//! start of each unit's text: where to look for what the reader loses.

use std::path::Path;

use draftdiff::eval::{Gold, Score, project_gold, resolve_key, score};
use draftdiff::{AlignOptions, Document, ReadOptions, SegmentOptions};

/// The renderings, by the file name suffix `render.sh` gives them.
const READERS: [(&str, &str); 4] = [
    ("docx", ".docx"),
    ("pdf", ".pdf"),
    ("browser-pdf", ".browser.pdf"),
    ("pdftotext", ".pdftotext.txt"),
];

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((rendered, pairs)) = args.split_first() else {
        return Err("usage: readers_eval RENDERED PAIR_DIR…".into());
    };
    println!("| pair | split | plain | docx | pdf | browser pdf | pdftotext |");
    println!("| --- | --- | ---: | ---: | ---: | ---: | ---: |");
    // Per split: (pairs, F1 sums per reader with plain first, largest |gap| per reader).
    let study = std::env::var("READERS_EVAL_MISSED").ok();
    let mut splits: std::collections::BTreeMap<String, (usize, [f64; 5], [f64; 4])> =
        Default::default();
    for pair in pairs {
        let pair = Path::new(pair);
        let name = pair
            .file_name()
            .and_then(|n| n.to_str())
            .ok_or("bad pair")?;
        let meta = std::fs::read_to_string(pair.join("meta.json"))?;
        let split = serde_json::from_str::<serde_json::Value>(&meta)?["split"]
            .as_str()
            .unwrap_or("?")
            .to_string();
        let gold_path = pair.join("gold.json");
        let gold = Gold::from_json(
            &gold_path.display().to_string(),
            &std::fs::read_to_string(&gold_path)?,
        )?;
        let plain_old = load(&version(pair, "old")?)?;
        let plain_new = load(&version(pair, "new")?)?;
        let studied = |reader: &str| split == "dev" && study.as_deref() == Some(reader);
        let plain = score_of(&gold, &plain_old, &plain_new);
        if studied("plain") {
            print_errors(name, &plain, &plain_old, &plain_new);
        }
        let mut f1 = [plain.f1; 5];
        for (i, (reader, suffix)) in READERS.iter().enumerate() {
            let dir = Path::new(rendered).join(name);
            let old = load(&dir.join(format!("old{suffix}")).display().to_string())?;
            let new = load(&dir.join(format!("new{suffix}")).display().to_string())?;
            let gold = project_gold(&gold, &plain_old, &plain_new, &old, &new);
            let s = score_of(&gold, &old, &new);
            if studied(reader) {
                print_errors(name, &s, &old, &new);
            }
            f1[i + 1] = s.f1;
        }
        println!(
            "| {name} | {split} | {:.3} | {:.3} | {:.3} | {:.3} | {:.3} |",
            f1[0], f1[1], f1[2], f1[3], f1[4]
        );
        let entry = splits.entry(split).or_default();
        entry.0 += 1;
        for (sum, f1) in entry.1.iter_mut().zip(f1) {
            *sum += f1;
        }
        for (gap, shown) in entry.2.iter_mut().zip(&f1[1..]) {
            *gap = gap.max((shown - f1[0]).abs());
        }
    }
    for (split, (n, sums, gaps)) in &splits {
        let mean = |i: usize| sums[i] / *n as f64;
        println!(
            "| **mean, {split}** ({n} pairs) | | {:.3} | {:.3} | {:.3} | {:.3} | {:.3} |",
            mean(0),
            mean(1),
            mean(2),
            mean(3),
            mean(4)
        );
        println!(
            "| largest gap to plain, {split} | | | {:.3} | {:.3} | {:.3} | {:.3} |",
            gaps[0], gaps[1], gaps[2], gaps[3]
        );
    }
    Ok(())
}

/// The one file of `pair` named `old.*` or `new.*` (other than the gold and notes).
fn version(pair: &Path, side: &str) -> Result<String, Box<dyn std::error::Error>> {
    for ext in ["txt", "md"] {
        let path = pair.join(format!("{side}.{ext}"));
        if path.exists() {
            return Ok(path.display().to_string());
        }
    }
    Err(format!("{}: no {side}.txt or {side}.md", pair.display()).into())
}

fn load(path: &str) -> Result<Document, draftdiff::Error> {
    draftdiff::load(path, &ReadOptions::new(), &SegmentOptions::new())
}

fn score_of(gold: &Gold, old: &Document, new: &Document) -> Score {
    let alignment = draftdiff::align(old, new, &AlignOptions::new());
    score(gold, old, new, &alignment)
}

/// Prints the missed and wrong links of one pair (dev pairs only), each end with the
/// start of its unit's text.
fn print_errors(name: &str, s: &Score, old: &Document, new: &Document) {
    let show = |doc: &Document, key: &str| match resolve_key(doc, key) {
        Some(id) => {
            let text: String = doc.unit(id).text.chars().take(50).collect();
            format!("{key} {:?} {text:?}", doc.unit(id).kind)
        }
        None => format!("{key} (no unit)"),
    };
    for (what, links) in [("missed", &s.missed), ("wrong", &s.wrong)] {
        for (o, n) in links {
            eprintln!("{name}: {what} {} -> {}", show(old, o), show(new, n));
        }
    }
}
