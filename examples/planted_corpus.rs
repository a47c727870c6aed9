//! The planted-reuse corpus (see `draftdiff::synth::corpus`): writes it, scores what
//! `draftdiff sources` found in it, and measures `sources` on it in memory.
//!
//! ```text
//! cargo run --release --features synth --example planted_corpus -- DIR DOCUMENTS [SEED]
//! draftdiff index DIR/corpus -o DIR/corpus.ddx
//! draftdiff sources --format json DIR/drafts/draft-000.txt DIR/corpus.ddx > out/draft-000.json
//! planted_corpus score DIR out/*.json
//! planted_corpus eval DOCUMENTS SEED…
//! ```
//!
//! `DIR/planted.json` lists the planted links. `score` reads the JSON of `sources` for some
//! drafts of `DIR/drafts` and prints recall and precision of the planted links of those
//! drafts, overall and by edit (a link of several units counts once per pair of units, as
//! `draftdiff::corpus::unit_pairs` counts). `eval` generates the corpus of each seed in
//! memory, indexes it and runs `sources` on every draft, with the same report: the quick
//! loop for tuning (no files, no process per draft).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::ExitCode;

use draftdiff::corpus::{IndexBuilder, IndexOptions, SourcesOptions, sources, unit_pairs};
use draftdiff::segment::{SegmentOptions, segment};
use draftdiff::synth::corpus::{CorpusOptions, corpus, write_corpus};
use serde_json::Value;

const USAGE: &str = "usage: planted_corpus DIR DOCUMENTS [SEED]\n       \
                     planted_corpus score DIR SOURCES.json…\n       \
                     planted_corpus eval DOCUMENTS SEED…";

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
    let read = |path: &Path| {
        std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
    };
    let parse = |path: &str, text: &str| {
        serde_json::from_str::<Value>(text).map_err(|e| format!("{path}: {e}"))
    };
    let planted_path = dir.join("planted.json");
    let planted_json = parse(
        &planted_path.display().to_string(),
        &read(&planted_path)?,
    )?;
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
    for path in outputs {
        let v = parse(path, &read(Path::new(path))?)?;
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

/// `eval DOCUMENTS SEED…`.
fn eval(documents: usize, seeds: &[u64]) {
    let options = SourcesOptions::new();
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
        for d in &planted.drafts {
            let draft = segment(&d.name, &d.text, &SegmentOptions::new());
            let s = sources(draft, &index, &options, &mut |i| {
                let at = docs.binary_search_by(|d| d.path.as_str().cmp(&i.path));
                Ok(docs[at.expect("an indexed document")].clone())
            })
            .expect("in memory");
            for (n, doc, o) in unit_pairs(&s) {
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
            let documents = args[1].parse().ok();
            let seeds: Option<Vec<u64>> = args[2..].iter().map(|s| s.parse().ok()).collect();
            let (Some(documents), Some(seeds)) = (documents, seeds) else {
                return fail(USAGE);
            };
            eval(documents, &seeds);
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
