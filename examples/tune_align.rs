//! Sweeps the aligner's thresholds on the reference pair and on generated pairs together,
//! the way the defaults of `AlignOptions` were chosen (never on one document alone).
//!
//! ```sh
//! cargo run --release --example tune_align
//! ```
//!
//! Each row changes one setting from its default and prints precision and recall on the
//! reference pair (hand-built gold) and the mean over four generated 400-paragraph pairs
//! with PDF noise (known truth).

use draftdiff::eval::{Gold, score};
use draftdiff::segment::segment;
use draftdiff::synth::{SynthOptions, generate};
use draftdiff::{AlignOptions, Document, ReadOptions, SegmentOptions, align};

/// One evaluation case: two versions and the gold lineage between them.
struct Case {
    old: Document,
    new: Document,
    gold: Gold,
}

fn reference() -> Result<Case, draftdiff::Error> {
    let load = |path| draftdiff::load(path, &ReadOptions::new(), &SegmentOptions::new());
    let path = "tests/fixtures/reference/gold.json";
    let json = std::fs::read_to_string(path).map_err(|e| draftdiff::Error::io(path, e))?;
    Ok(Case {
        old: load("examples/data/outline-draft.txt")?,
        new: load("examples/data/final-report.txt")?,
        gold: Gold::from_json(path, &json)?,
    })
}

fn generated(seed: u64) -> Case {
    let pair = generate(&SynthOptions::new(400).seed(seed).pdf_noise(true));
    Case {
        old: segment("old.txt", &pair.old, &SegmentOptions::new()),
        new: segment("new.txt", &pair.new, &SegmentOptions::new()),
        gold: pair.gold,
    }
}

fn row(name: &str, options: &AlignOptions, reference: &Case, generated: &[Case]) {
    let run = |case: &Case| {
        let alignment = align(&case.old, &case.new, options);
        score(&case.gold, &case.old, &case.new, &alignment)
    };
    let r = run(reference);
    let scores: Vec<_> = generated.iter().map(run).collect();
    let mean = |f: fn(&draftdiff::eval::Score) -> f64| {
        scores.iter().map(f).sum::<f64>() / scores.len() as f64
    };
    println!(
        "{name:26} reference P {:.3} R {:.3} | generated P {:.4} R {:.4}",
        r.precision,
        r.recall,
        mean(|s| s.precision),
        mean(|s| s.recall)
    );
}

fn main() -> Result<(), draftdiff::Error> {
    let reference = reference()?;
    let generated: Vec<Case> = (1..=4).map(generated).collect();
    let base = AlignOptions::new();
    let sweep = |name: &str, options: AlignOptions| row(name, &options, &reference, &generated);

    sweep("defaults", base.clone());
    for v in [0.2, 0.25, 0.35, 0.4] {
        sweep(&format!("min_score {v}"), base.clone().min_score(v));
    }
    for v in [0.35, 0.55, 0.65] {
        sweep(
            &format!("move_min_score {v}"),
            base.clone().move_min_score(v),
        );
    }
    for v in [0.4, 0.6, 0.7] {
        sweep(&format!("merge_min {v}"), base.clone().merge_min(v));
    }
    for v in [0.1, 0.15, 0.25, 0.3] {
        sweep(&format!("gap_min_score {v}"), base.clone().gap_min_score(v));
    }
    for v in [0.01, 0.06, 0.1, 2.0] {
        sweep(
            &format!("replace_min_score {v}"),
            base.clone().replace_min_score(v),
        );
    }
    for v in [0.0, 0.1, 0.25] {
        sweep(&format!("steal_margin {v}"), base.clone().steal_margin(v));
    }
    for v in [4, 6, 12] {
        sweep(&format!("candidates {v}"), base.clone().candidates(v));
    }
    Ok(())
}
