//! Fits the link model of the aligner (`src/align/keep.rs`): a logistic regression that
//! decides which scored candidate pairs may become one-to-one links.
//!
//! ```text
//! cargo run --release --features eval --example fit_links [-- CORPUS_DIR]
//! ```
//!
//! Reads the pairs of the DEV half of the alignment corpus (`tests/corpus/align/` by
//! default; test pairs are never read) and the reference pair (`examples/data`, gold in `tests/fixtures/reference`),
//! takes every candidate pair the aligner scores
//! (`draftdiff::align::candidate_features`) with its label (the pair is a gold link, sure
//! or possible: `draftdiff::eval::label_pairs`), and fits an L2-regularised logistic
//! regression by Newton's method on standardised features, every document pair weighing the
//! same. The strength of the regularisation is chosen by leave-one-document-pair-out
//! cross-validation: for each strength, each dev pair is aligned with the model fitted on
//! the other dev pairs and scored against its gold; the mean F1 is compared with the
//! aligner's threshold on the score (`min_score`). The model of the best strength, refitted
//! on all dev pairs, is printed as the constants of `keep.rs`.

use std::path::{Path, PathBuf};

use draftdiff::align::{KEEP_FEATURE_NAMES, KEEP_FEATURES, KeepModel, candidate_features};
use draftdiff::eval::{Gold, label_pairs, score};
use draftdiff::{AlignOptions, Document, ReadOptions, SegmentOptions, align, load};

/// One dev pair of documents, read and labelled.
struct Pair {
    name: String,
    old: Document,
    new: Document,
    gold: Gold,
    rows: Vec<([f64; KEEP_FEATURES], bool)>,
}

fn read_pairs(dir: &Path) -> Vec<Pair> {
    let mut names: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("corpus directory")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("meta.json").exists())
        .collect();
    names.sort();
    let mut pairs = Vec::new();
    for path in names {
        let meta: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(path.join("meta.json")).unwrap())
                .expect("meta.json");
        if meta["split"] != "dev" {
            continue;
        }
        let json = std::fs::read_to_string(path.join("gold.json")).unwrap();
        let raw: serde_json::Value = serde_json::from_str(&json).unwrap();
        let file = |key: &str| path.join(raw[key].as_str().expect("file name"));
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        pairs.push(read_pair(name, &path, &file("old"), &file("new")));
    }
    pairs
}

/// One pair of documents with its gold (`DIR/gold.json`), labelled.
fn read_pair(name: String, dir: &Path, old: &Path, new: &Path) -> Pair {
    let gold_path = dir.join("gold.json");
    let json = std::fs::read_to_string(&gold_path).unwrap();
    let gold = Gold::from_json(&gold_path.to_string_lossy(), &json).expect("gold");
    let read = |file: &Path| {
        load(
            &file.to_string_lossy(),
            &ReadOptions::new(),
            &SegmentOptions::new(),
        )
        .expect("document")
    };
    let (old, new) = (read(old), read(new));
    let cands = candidate_features(&old, &new, &AlignOptions::new());
    let ids: Vec<(usize, usize)> = cands.iter().map(|c| (c.0, c.1)).collect();
    let labels = label_pairs(&gold, &old, &new, &ids);
    let rows = cands
        .iter()
        .zip(labels)
        .filter_map(|(c, l)| l.map(|l| (c.2, l)))
        .collect();
    Pair {
        name,
        old,
        new,
        gold,
        rows,
    }
}

/// Solves `a x = b` (a symmetric positive definite, small) by Gaussian elimination.
// Matrix code reads best with indices.
#[allow(clippy::needless_range_loop)]
fn solve(mut a: Vec<Vec<f64>>, mut b: Vec<f64>) -> Vec<f64> {
    let n = b.len();
    for i in 0..n {
        let p = (i..n)
            .max_by(|&x, &y| a[x][i].abs().total_cmp(&a[y][i].abs()))
            .unwrap();
        a.swap(i, p);
        b.swap(i, p);
        for r in i + 1..n {
            let f = a[r][i] / a[i][i];
            for c in i..n {
                a[r][c] -= f * a[i][c];
            }
            b[r] -= f * b[i];
        }
    }
    let mut x = vec![0.0; n];
    for i in (0..n).rev() {
        let s: f64 = (i + 1..n).map(|c| a[i][c] * x[c]).sum();
        x[i] = (b[i] - s) / a[i][i];
    }
    x
}

/// Fits the model on the rows of `pairs` (each pair weighing the same) with L2 strength
/// `lambda` on the standardised weights; returns weights and intercept on the raw features.
// Matrix code reads best with indices.
#[allow(clippy::needless_range_loop)]
fn fit(pairs: &[&Pair], lambda: f64) -> KeepModel {
    let k = KEEP_FEATURES;
    let mut rows: Vec<(&[f64; KEEP_FEATURES], f64, f64)> = Vec::new();
    for p in pairs {
        let w = 1.0 / p.rows.len().max(1) as f64;
        rows.extend(
            p.rows
                .iter()
                .map(|(x, y)| (x, if *y { 1.0 } else { 0.0 }, w)),
        );
    }
    let total: f64 = rows.iter().map(|r| r.2).sum();
    let mean: Vec<f64> = (0..k)
        .map(|j| rows.iter().map(|r| r.2 * r.0[j]).sum::<f64>() / total)
        .collect();
    let sd: Vec<f64> = (0..k)
        .map(|j| {
            let v = rows
                .iter()
                .map(|r| r.2 * (r.0[j] - mean[j]).powi(2))
                .sum::<f64>()
                / total;
            if v > 1e-12 { v.sqrt() } else { 1.0 }
        })
        .collect();
    let z = |x: &[f64; KEEP_FEATURES]| -> Vec<f64> {
        let mut v: Vec<f64> = (0..k).map(|j| (x[j] - mean[j]) / sd[j]).collect();
        v.push(1.0);
        v
    };
    let zs: Vec<Vec<f64>> = rows.iter().map(|r| z(r.0)).collect();
    let mut beta = vec![0.0; k + 1];
    for _ in 0..50 {
        let mut grad = vec![0.0; k + 1];
        let mut hess = vec![vec![0.0; k + 1]; k + 1];
        for (x, r) in zs.iter().zip(&rows) {
            let s: f64 = x.iter().zip(&beta).map(|(a, b)| a * b).sum();
            let p = 1.0 / (1.0 + (-s).exp());
            let w = r.2 / total;
            for i in 0..=k {
                grad[i] += w * (p - r.1) * x[i];
                for j in 0..=k {
                    hess[i][j] += w * p * (1.0 - p) * x[i] * x[j];
                }
            }
        }
        for i in 0..k {
            grad[i] += lambda * beta[i];
            hess[i][i] += lambda;
        }
        hess[k][k] += 1e-9;
        let step = solve(hess, grad);
        let mut change = 0.0f64;
        for i in 0..=k {
            beta[i] -= step[i];
            change = change.max(step[i].abs());
        }
        if change < 1e-9 {
            break;
        }
    }
    let mut weights = [0.0; KEEP_FEATURES];
    let mut bias = beta[k];
    for j in 0..k {
        weights[j] = beta[j] / sd[j];
        bias -= beta[j] * mean[j] / sd[j];
    }
    (weights, bias)
}

/// Strengths of the L2 penalty tried (on standardised features).
const LAMBDAS: [f64; 5] = [0.001, 0.01, 0.1, 0.3, 1.0];

/// Probabilities above which a pair is kept, tried.
const THRESHOLDS: [f64; 5] = [0.3, 0.4, 0.5, 0.6, 0.7];

/// `model` with the decision `p >= threshold` folded into its intercept, so that the
/// aligner's `p >= 0.5` takes the same decisions.
fn at_threshold((weights, bias): KeepModel, threshold: f64) -> KeepModel {
    (weights, bias - (threshold / (1.0 - threshold)).ln())
}

fn f1(pair: &Pair, model: Option<KeepModel>) -> f64 {
    let options = AlignOptions::new().keep_model(model);
    score(
        &pair.gold,
        &pair.old,
        &pair.new,
        &align(&pair.old, &pair.new, &options),
    )
    .f1
}

fn main() {
    let dir = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/align"));
    let mut pairs = read_pairs(&dir);
    // The project's reference pair (outline draft -> final report), on which the aligner
    // was first tuned: a pair of the development side too, and one the aligner must keep.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    pairs.push(read_pair(
        "reference (tests/fixtures)".to_string(),
        &root.join("tests/fixtures/reference"),
        &root.join("examples/data/outline-draft.txt"),
        &root.join("examples/data/final-report.txt"),
    ));
    let rows: usize = pairs.iter().map(|p| p.rows.len()).sum();
    let positive: usize = pairs
        .iter()
        .map(|p| p.rows.iter().filter(|r| r.1).count())
        .sum();
    println!(
        "{} dev pairs, {rows} candidate pairs, {positive} gold links among them",
        pairs.len()
    );
    let baseline: Vec<f64> = pairs.iter().map(|p| f1(p, None)).collect();
    let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len().max(1) as f64;
    println!("threshold on the score: mean F1 {:.4}", mean(&baseline));
    // (mean F1, lambda, probability threshold)
    let mut best = (f64::NEG_INFINITY, 0.0, 0.5);
    for lambda in LAMBDAS {
        let folds: Vec<KeepModel> = (0..pairs.len())
            .map(|i| {
                let train: Vec<&Pair> = pairs
                    .iter()
                    .enumerate()
                    .filter(|&(j, _)| j != i)
                    .map(|(_, p)| p)
                    .collect();
                fit(&train, lambda)
            })
            .collect();
        for threshold in THRESHOLDS {
            let held: Vec<f64> = pairs
                .iter()
                .zip(&folds)
                .map(|(p, m)| f1(p, Some(at_threshold(*m, threshold))))
                .collect();
            let m = mean(&held);
            println!(
                "lambda {lambda:<6} threshold {threshold:.2}  leave-one-pair-out mean F1 {m:.4}"
            );
            if std::env::var_os("FIT_LINKS_PAIRS").is_some() {
                for (p, (h, b)) in pairs.iter().zip(held.iter().zip(&baseline)) {
                    println!("    {:<40} {b:.3} -> {h:.3}", p.name);
                }
            }
            if m > best.0 + 1e-9 {
                best = (m, lambda, threshold);
            }
        }
    }
    let all: Vec<&Pair> = pairs.iter().collect();
    let (weights, bias) = at_threshold(fit(&all, best.1), best.2);
    println!(
        "\nbest lambda {}, threshold {} (cross-validated mean F1 {:.4}); fitted on all dev \
         pairs, the threshold folded into the intercept (p >= t is z >= logit t):\n",
        best.1, best.2, best.0
    );
    println!("pub const WEIGHTS: [f64; FEATURES] = [");
    for (w, name) in weights.iter().zip(KEEP_FEATURE_NAMES) {
        println!("    {w:.6}, // {name}");
    }
    println!("];\npub const BIAS: f64 = {bias:.6};");
    let fitted: Vec<f64> = pairs.iter().map(|p| f1(p, Some((weights, bias)))).collect();
    println!(
        "\nin-sample mean F1 {:.4} (threshold {:.4})",
        mean(&fitted),
        mean(&baseline)
    );
    for (p, (f, b)) in pairs.iter().zip(fitted.iter().zip(&baseline)) {
        println!("    {:<40} {b:.3} -> {f:.3}", p.name);
    }
}
