//! Writes a generated corpus with planted reuse (see `draftdiff::synth::corpus`), for
//! measuring `draftdiff index` and `draftdiff sources` at scale:
//!
//! ```text
//! cargo run --release --example planted_corpus -- DIR DOCUMENTS [SEED]
//! draftdiff index DIR/corpus -o DIR/corpus.ddx
//! draftdiff sources DIR/drafts/draft-000.txt DIR/corpus.ddx
//! ```
//!
//! `DIR/planted.json` lists the planted links.

use std::path::Path;

use draftdiff::synth::corpus::{CorpusOptions, write_corpus};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(dir), Some(n)) = (args.first(), args.get(1).and_then(|n| n.parse().ok())) else {
        eprintln!("usage: planted_corpus DIR DOCUMENTS [SEED]");
        std::process::exit(2);
    };
    let seed = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(1);
    match write_corpus(Path::new(dir), &CorpusOptions::new(n).seed(seed)) {
        Ok(planted) => println!(
            "{} documents, {} drafts, {} planted links",
            planted.documents.len(),
            planted.drafts.len(),
            planted.links.len()
        ),
        Err(e) => {
            eprintln!("planted_corpus: {e}");
            std::process::exit(2);
        }
    }
}
