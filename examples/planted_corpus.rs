//! The planted-reuse corpus (see `draftdiff::synth::corpus`): writes it, scores what
//! `draftdiff sources` found in it, and measures `sources` on it in memory.
//!
//! ```text
//! cargo run --release --features synth --example planted_corpus -- DIR DOCUMENTS [SEED]
//! draftdiff index DIR/corpus -o DIR/corpus.ddx
//! draftdiff sources --format json DIR/drafts/draft-000.txt DIR/corpus.ddx > out/draft-000.json
//! planted_corpus score DIR out/*.json
//! planted_corpus eval [--why] [--min-rarity=SHARE] DOCUMENTS SEED…
//! ```
//!
//! `DIR/planted.json` lists the planted links. `score` reads the JSON of `sources` for some
//! drafts of `DIR/drafts` (one file per draft, or the JSON Lines of `sources --drafts`) and prints recall and precision of the planted links of those
//! drafts, overall and by edit (a link of several units counts once per pair of units, as
//! `draftdiff::corpus::unit_pairs` counts). `eval` generates the corpus of each seed in
//! memory, indexes it and runs `sources` on every draft, with the same report: the quick
//! loop for tuning (no files, no process per draft); with `--why`, each missed planted link
//! with its evidence weight, its document's rank among the candidates and the aligner's
//! score of the two units alone.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::ExitCode;

use draftdiff::corpus::{IndexBuilder, IndexOptions, SourcesOptions, sources, unit_pairs};
use draftdiff::segment::{SegmentOptions, segment};
use draftdiff::synth::corpus::{CorpusOptions, corpus, write_corpus};
use serde_json::Value;

const USAGE: &str = "usage: planted_corpus DIR DOCUMENTS [SEED]\n       \
                     planted_corpus score DIR SOURCES.json…\n       \
                     planted_corpus eval [--why] [--min-rarity=SHARE] DOCUMENTS SEED…";

/// A planted link or a found one: (draft file name, draft unit, corpus file name, unit).
type Key = (String, u64, String, u64);

/// Recall by edit and overall precision of `found` against `planted` (key → edit), over
/// the drafts named in `drafts`.
fn report(planted: &BTreeMap<Key, String>, drafts: &BTreeSet<String>, found: &BTreeSet<Key>) {
    let mut by_edit: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut hits = 0;
    let mut total = 0;
    for (key, edit) in planted.iter().filter(|(k, _)| drafts.contains(&k.0)) {
        let hit = found.contains(key);
        let e = by_edit.entry(edit.as_str()).or_default();
        e.0 += usize::from(hit);
        e.1 += 1;
        hits += usize::from(hit);
        total += 1;
    }
    let correct = found.iter().filter(|k| planted.contains_key(*k)).count();
    for (edit, (f, p)) in &by_edit {
        println!(
            "  {edit:<10} {f:>4} of {p:>4}  recall {:.3}",
            *f as f64 / (*p).max(1) as f64
        );
    }
    println!(
        "  all        {hits:>4} of {total:>4}  recall {:.4}; found {}, correct {correct}: precision {:.4}",
        hits as f64 / total.max(1) as f64,
        found.len(),
        correct as f64 / found.len().max(1) as f64
    );
}

fn name_of(path: &str) -> String {
    path.rsplit('/').next().unwrap_or(path).to_string()
}

/// `score DIR SOURCES.json…`.
fn score(dir: &Path, outputs: &[String]) -> Result<(), String> {
    let read =
        |path: &Path| std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()));
    let parse = |path: &str, text: &str| {
        serde_json::from_str::<Value>(text).map_err(|e| format!("{path}: {e}"))
    };
    let planted_path = dir.join("planted.json");
    let planted_json = parse(&planted_path.display().to_string(), &read(&planted_path)?)?;
    let bad = |what: &str| format!("{}: {what}", planted_path.display());
    let mut planted = BTreeMap::new();
    for l in planted_json.as_array().ok_or_else(|| bad("not an array"))? {
        let field = |k: &str| l[k].as_str().map(str::to_string);
        let (Some(draft), Some(document), Some(edit)) =
            (field("draft"), field("document"), field("reuse"))
        else {
            return Err(bad("a link without draft, document or reuse"));
        };
        let (Some(n), Some(o)) = (l["draft_unit"].as_u64(), l["unit"].as_u64()) else {
            return Err(bad("a link without draft_unit or unit"));
        };
        planted.insert((draft, n, document, o), edit);
    }
    let mut drafts = BTreeSet::new();
    let mut found = BTreeSet::new();
    // Each file holds one JSON answer of `sources`, or JSON Lines of `sources --drafts`.
    let mut answers = Vec::new();
    for path in outputs {
        let text = read(Path::new(path))?;
        for v in serde_json::Deserializer::from_str(&text).into_iter::<Value>() {
            answers.push((path, v.map_err(|e| format!("{path}: {e}"))?));
        }
    }
    for (path, v) in answers {
        let draft = name_of(
            v["draft"]["path"]
                .as_str()
                .ok_or_else(|| format!("{path}: not the JSON of draftdiff sources"))?,
        );
        for link in v["links"].as_array().into_iter().flatten() {
            let document = link["document"].as_u64().unwrap_or(u64::MAX) as usize;
            let doc = v["documents"][document]["path"]
                .as_str()
                .ok_or_else(|| format!("{path}: a link to no document"))?;
            for n in link["new"].as_array().into_iter().flatten() {
                for o in link["old"].as_array().into_iter().flatten() {
                    let (Some(n), Some(o)) = (n.as_u64(), o.as_u64()) else {
                        return Err(format!("{path}: a unit id that is not a number"));
                    };
                    found.insert((draft.clone(), n, name_of(doc), o));
                }
            }
        }
        drafts.insert(draft);
    }
    println!("{} drafts scored", drafts.len());
    report(&planted, &drafts, &found);
    Ok(())
}

/// For a planted link that `sources` missed: the evidence of its corpus unit (summed
/// weight, with no threshold and no limit on candidates), its document's rank among the
/// draft unit's candidates, and the aligner's score of the two units on their own.
fn why(
    index: &draftdiff::corpus::CorpusIndex,
    old: &draftdiff::Document,
    draft: &draftdiff::Document,
    link: &draftdiff::synth::corpus::PlantedLink,
) -> String {
    let all = SourcesOptions::new().min_weight(0.0).candidates(usize::MAX);
    let evidence = draftdiff::corpus::evidence(draft, index, &all);
    let mine = &evidence[link.draft_unit];
    let weight = mine
        .iter()
        .find(|e| e.document as usize == link.document && e.unit == link.unit)
        .map_or(0.0, |e| e.weight);
    let mut documents: Vec<u32> = Vec::new();
    for e in mine {
        if !documents.contains(&e.document) {
            documents.push(e.document);
        }
    }
    let rank = documents
        .iter()
        .position(|&d| d as usize == link.document)
        .map_or("-".to_string(), |r| (r + 1).to_string());
    let alone = |doc: &draftdiff::Document, id: usize| draftdiff::Document {
        path: doc.path.clone(),
        units: vec![draftdiff::model::Unit {
            id: 0,
            section: None,
            parent: None,
            ..doc.units[id].clone()
        }],
        artifacts: Vec::new(),
    };
    let pair = draftdiff::align(
        &alone(old, link.unit),
        &alone(draft, link.draft_unit),
        &draftdiff::AlignOptions::new(),
    );
    let score = pair.links.first().map_or(0.0, |l| l.score);
    let best = mine.first().map_or(0.0, |e| e.weight);
    let rarity = index.rarity().similarity(
        &old.units[link.unit].norm,
        &draft.units[link.draft_unit].norm,
    );
    format!(
        "weight {weight:.2} (best {best:.2}), document rank {rank}, alone score {score:.3}, rarity {rarity:.3}, pairs {} / {}",
        draftdiff::corpus::pairs(&old.units[link.unit].norm).len(),
        draftdiff::corpus::pairs(&draft.units[link.draft_unit].norm).len()
    )
}

/// `eval DOCUMENTS SEED…` (`why`: say why each missed planted link was missed).
fn eval(documents: usize, seeds: &[u64], explain: bool, options: &SourcesOptions) {
    for &seed in seeds {
        let planted = corpus(&CorpusOptions::new(documents).seed(seed));
        let mut builder = IndexBuilder::new(IndexOptions::new());
        let docs: Vec<_> = planted
            .documents
            .iter()
            .map(|d| {
                let doc = segment(&d.name, &d.text, &SegmentOptions::new());
                builder.add(&doc, d.text.as_bytes());
                doc
            })
            .collect();
        let index = builder.finish();
        let mut found = BTreeSet::new();
        let mut drafts = BTreeSet::new();
        for (k, d) in planted.drafts.iter().enumerate() {
            let draft = segment(&d.name, &d.text, &SegmentOptions::new());
            let s = sources(draft.clone(), &index, options, &mut |i| {
                let at = docs.binary_search_by(|d| d.path.as_str().cmp(&i.path));
                Ok(docs[at.expect("an indexed document")].clone())
            })
            .expect("in memory");
            let pairs = unit_pairs(&s);
            if explain {
                for l in planted.links.iter().filter(|l| l.draft == k) {
                    let name = &planted.documents[l.document].name;
                    if !pairs
                        .iter()
                        .any(|(n, p, o)| *n == l.draft_unit && p == name && *o == l.unit)
                    {
                        println!(
                            "  missed {:?} {}#{} <- {name}#{}: {}",
                            l.reuse,
                            d.name,
                            l.draft_unit,
                            l.unit,
                            why(&index, &docs[l.document], &draft, l)
                        );
                    }
                }
            }
            for (n, doc, o) in pairs {
                found.insert((d.name.clone(), n as u64, doc, o as u64));
            }
            drafts.insert(d.name.clone());
        }
        let truth: BTreeMap<Key, String> = planted
            .links
            .iter()
            .map(|l| {
                let edit = serde_json::to_value(l.reuse).expect("a name");
                (
                    (
                        planted.drafts[l.draft].name.clone(),
                        l.draft_unit as u64,
                        planted.documents[l.document].name.clone(),
                        l.unit as u64,
                    ),
                    edit.as_str().unwrap_or_default().to_string(),
                )
            })
            .collect();
        println!(
            "seed {seed}, {documents} documents, {} drafts:",
            planted.drafts.len()
        );
        report(&truth, &drafts, &found);
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let fail = |message: &str| {
        eprintln!("planted_corpus: {message}");
        ExitCode::from(2)
    };
    match args.first().map(String::as_str) {
        Some("score") if args.len() >= 3 => match score(Path::new(&args[1]), &args[2..]) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => fail(&e),
        },
        Some("eval") if args.len() >= 3 => {
            let explain = args.iter().any(|a| a == "--why");
            let mut options = SourcesOptions::new();
            for a in &args[1..] {
                if let Some(share) = a.strip_prefix("--min-rarity=") {
                    let Ok(share) = share.parse() else {
                        return fail(USAGE);
                    };
                    options = options.min_rarity(share);
                }
            }
            let rest: Vec<&String> = args[1..].iter().filter(|a| !a.starts_with("--")).collect();
            let documents = rest.first().and_then(|n| n.parse().ok());
            let seeds: Option<Vec<u64>> = rest[1..].iter().map(|s| s.parse().ok()).collect();
            let (Some(documents), Some(seeds)) = (documents, seeds) else {
                return fail(USAGE);
            };
            eval(documents, &seeds, explain, &options);
            ExitCode::SUCCESS
        }
        _ => {
            let (Some(dir), Some(n)) = (args.first(), args.get(1).and_then(|n| n.parse().ok()))
            else {
                return fail(USAGE);
            };
            let seed = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(1);
            match write_corpus(Path::new(dir), &CorpusOptions::new(n).seed(seed)) {
                Ok(planted) => {
                    println!(
                        "{} documents, {} drafts, {} planted links",
                        planted.documents.len(),
                        planted.drafts.len(),
                        planted.links.len()
                    );
                    ExitCode::SUCCESS
                }
                Err(e) => fail(&e.to_string()),
            }
        }
    }
}
