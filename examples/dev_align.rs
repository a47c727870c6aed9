#![allow(clippy::all)]
//! DEV ONLY (not committed): crude segmentation to develop the aligner before the real
//! segmenter lands.

use draftdiff::eval::{Gold, score};
use draftdiff::model::{Document, Unit, UnitKind};
use draftdiff::segment::normalize;
use draftdiff::synth::{SynthOptions, generate};
use draftdiff::{AlignOptions, align};

fn roman(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| "IVXLCDM".contains(c))
}

fn push(units: &mut Vec<Unit>, kind: UnitKind, number: Option<String>, line: usize, text: String) {
    let id = units.len();
    units.push(Unit {
        id,
        kind,
        number,
        section: None,
        parent: None,
        line,
        end_line: line,
        norm: normalize(&text),
        text,
    });
}

/// Lines starting `N.` / `R.` start units; other lines continue the last unit (pdf=true) or
/// are unnumbered headings (pdf=false).
fn crude(path: &str, text: &str, pdf: bool) -> Document {
    let mut units: Vec<Unit> = Vec::new();
    let mut last_para = 0u32;
    let mut cur: Option<(UnitKind, Option<String>, usize, String)> = None;
    let mut intro: Option<usize> = None;
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() {
            continue;
        }
        let (head, rest) = match line.split_once(['.']) {
            Some((h, r)) if r.starts_with([' ', '\t']) => (h.trim(), r.trim()),
            _ => ("", line),
        };
        let start = if let Ok(n) = head.parse::<u32>() {
            if !pdf || n == last_para + 1 {
                last_para = n;
                Some((
                    UnitKind::Paragraph,
                    Some(head.to_string()),
                    rest.to_string(),
                ))
            } else {
                None
            }
        } else if roman(head) {
            Some((UnitKind::Heading, Some(head.to_string()), rest.to_string()))
        } else if line.starts_with('(') && line.len() > 3 && line[..4].contains(')') {
            let (n, r) = line.split_once(')').unwrap();
            Some((
                UnitKind::ListItem,
                Some(format!("{n})")),
                r.trim().to_string(),
            ))
        } else if !pdf {
            Some((UnitKind::Heading, None, line.to_string()))
        } else if line.len() > 3
            && line
                .split_whitespace()
                .next()
                .is_some_and(|w| w.parse::<u32>().is_ok_and(|n| n < 10))
            && raw.starts_with(' ')
            && !line.split_whitespace().next().unwrap().contains('.')
        {
            // footnote body
            let (n, r) = line.split_once(' ').unwrap();
            Some((
                UnitKind::Footnote,
                Some(n.to_string()),
                r.trim().to_string(),
            ))
        } else {
            None
        };
        match start {
            Some((kind, number, rest)) => {
                if let Some((k, n, l, t)) = cur.take() {
                    push(&mut units, k, n, l, t);
                    if k == UnitKind::Paragraph {
                        intro = Some(units.len() - 1);
                    }
                }
                cur = Some((kind, number, i + 1, rest));
            }
            None => {
                if let Some((_, _, _, t)) = cur.as_mut() {
                    if t.ends_with('-') && !t.ends_with(" -") {
                        // keep compound hyphen (most are real)
                    } else {
                        t.push(' ');
                    }
                    t.push_str(line);
                }
            }
        }
    }
    if let Some((k, n, l, t)) = cur.take() {
        push(&mut units, k, n, l, t);
    }
    for u in units.iter_mut() {
        if u.kind == UnitKind::ListItem {
            u.parent = intro;
        }
    }
    let mut last_p = None;
    for i in 0..units.len() {
        if units[i].kind == UnitKind::Paragraph {
            last_p = Some(i);
        } else if units[i].kind == UnitKind::ListItem {
            units[i].parent = last_p;
        }
    }
    Document {
        path: path.to_string(),
        units,
        artifacts: Vec::new(),
    }
}

fn cpu() -> f64 {
    let s = std::fs::read_to_string("/proc/self/stat").unwrap();
    let f: Vec<&str> = s.rsplit(')').next().unwrap().split_whitespace().collect();
    (f[11].parse::<f64>().unwrap() + f[12].parse::<f64>().unwrap()) / 100.0
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let what = args.get(1).map(String::as_str).unwrap_or("ref");
    let env = |k: &str| std::env::var(k).ok().and_then(|v| v.parse::<usize>().ok());
    let mut opts = AlignOptions::new();
    if let Some(v) = env("MP") {
        opts = opts.max_postings(v);
    }
    if let Some(v) = env("QW") {
        opts = opts.query_words(v);
    }
    if let Some(v) = env("K") {
        opts = opts.candidates(v);
    }
    if what == "sweep" {
        use draftdiff::segment::{SegmentOptions, segment};
        let rd = |p: &str| draftdiff::load(p, &Default::default(), &SegmentOptions::new()).unwrap();
        let (ro, rn) = (
            rd("examples/data/outline-draft.txt"),
            rd("examples/data/final-report.txt"),
        );
        let gold = Gold::from_json(
            "g",
            &std::fs::read_to_string("tests/fixtures/reference/gold.json").unwrap(),
        )
        .unwrap();
        let synth: Vec<_> = (1..=4u64)
            .map(|seed| {
                let pair = generate(&SynthOptions::new(400).seed(seed).pdf_noise(true));
                (
                    segment("o", &pair.old, &SegmentOptions::new()),
                    segment("n", &pair.new, &SegmentOptions::new()),
                    pair.gold,
                )
            })
            .collect();
        let base = AlignOptions::new();
        let run = |name: &str, o: AlignOptions| {
            let r = score(&gold, &ro, &rn, &align(&ro, &rn, &o));
            let (mut p, mut rc) = (0.0, 0.0);
            for (a, b, g) in &synth {
                let s = score(g, a, b, &align(a, b, &o));
                p += s.precision;
                rc += s.recall;
            }
            let k = synth.len() as f64;
            println!(
                "{name:28} ref P {:.3} R {:.3} | synth P {:.4} R {:.4}",
                r.precision,
                r.recall,
                p / k,
                rc / k
            );
        };
        run("default", base.clone());
        for v in [0.2, 0.25, 0.35, 0.4] {
            run(&format!("min_score {v}"), base.clone().min_score(v));
        }
        for v in [0.35, 0.55, 0.65] {
            run(
                &format!("move_min_score {v}"),
                base.clone().move_min_score(v),
            );
        }
        for v in [0.4, 0.6, 0.7] {
            run(&format!("merge_min {v}"), base.clone().merge_min(v));
        }
        for v in [0.1, 0.15, 0.25, 0.3] {
            run(&format!("gap_min_score {v}"), base.clone().gap_min_score(v));
        }
        for v in [0.01, 0.06, 0.1, 2.0] {
            run(
                &format!("replace_min_score {v}"),
                base.clone().replace_min_score(v),
            );
        }
        for v in [0.0, 0.1, 0.25] {
            run(&format!("steal_margin {v}"), base.clone().steal_margin(v));
        }
        for v in [4, 6, 12] {
            run(&format!("candidates {v}"), base.clone().candidates(v));
        }
        return;
    }
    if what == "ref" {
        let old = crude(
            "old",
            &std::fs::read_to_string("examples/data/outline-draft.txt").unwrap(),
            false,
        );
        let new = crude(
            "new",
            &std::fs::read_to_string("examples/data/final-report.txt").unwrap(),
            true,
        );
        eprintln!(
            "old {} units, new {} units",
            old.units.len(),
            new.units.len()
        );
        let gold = Gold::from_json(
            "g",
            &std::fs::read_to_string("tests/fixtures/reference/gold.json").unwrap(),
        )
        .unwrap();
        let a = align(&old, &new, &opts);
        for l in &a.links {
            let o: Vec<String> = l.old.iter().map(|&i| old.label(i)).collect();
            let n: Vec<String> = l.new.iter().map(|&i| new.label(i)).collect();
            println!(
                "{:?} -> {:?} {:.2} {:?} {:?} moved={} ev=c{:.2} w{:.2} k{:.2} s{:.2} p{:.2}",
                o,
                n,
                l.score,
                l.shape,
                l.change,
                l.moved,
                l.evidence.chars,
                l.evidence.words,
                l.evidence.containment,
                l.evidence.sentences,
                l.evidence.position
            );
        }
        println!("{}", score(&gold, &old, &new, &a));
    } else {
        let n: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(200);
        let seeds: u64 = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(3);
        for seed in 1..=seeds {
            let pair = generate(&SynthOptions::new(n).seed(seed));
            let t0 = std::time::Instant::now();
            let old = crude("old", &pair.old, false);
            let new = crude("new", &pair.new, false);
            let t1 = std::time::Instant::now();
            let c1 = cpu();
            let a = align(&old, &new, &opts);
            eprintln!("align cpu {:.2} s", cpu() - c1);
            let t2 = std::time::Instant::now();
            let s = score(&pair.gold, &old, &new, &a);
            println!(
                "seed {seed} n {n}: P {:.4} R {:.4} F1 {:.4} seg {:?} align {:?}",
                s.precision,
                s.recall,
                s.f1,
                t1 - t0,
                t2 - t1
            );
            if n <= 10000 {
                println!("  wrong {:?}\n  missed {:?}", s.wrong, s.missed);
            }
        }
    }
}
