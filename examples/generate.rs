//! Writes a generated version pair with known lineage: `old.txt`, `new.txt`, `gold.json`.
//!
//! ```text
//! cargo run --release --example generate -- [--paragraphs N] [--seed S] [--pdf] [--sectioned] [--stock] [--out DIR]
//! ```
//! `--pdf` renders the new version like PDF-extracted text; `--sectioned` numbers
//! paragraphs within sections (`12.3`) instead of through the document; `--stock` writes
//! shared-stock prose revised by spreading and gathering paragraphs (`StockOptions`).
//! Then `draftdiff DIR/old.txt DIR/new.txt` shows the alignment, and the gold can be scored
//! with `draftdiff::eval`.

use std::path::PathBuf;
use std::process::ExitCode;

use draftdiff::synth::{Numbering, StockOptions, SynthOptions, write_pair};

fn main() -> ExitCode {
    let mut options = SynthOptions::new(200);
    let mut out = PathBuf::from("synth-pair");
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or_else(|| format!("{name} needs a value"));
        let parsed: Result<(), String> = match arg.as_str() {
            "--paragraphs" | "-n" => value("--paragraphs").and_then(|v| {
                v.parse()
                    .map(|n| options = options.clone().paragraphs(n))
                    .map_err(|e| format!("--paragraphs {v}: {e}"))
            }),
            "--seed" => value("--seed").and_then(|v| {
                v.parse()
                    .map(|s| options = options.clone().seed(s))
                    .map_err(|e| format!("--seed {v}: {e}"))
            }),
            "--pdf" => {
                options = options.clone().pdf_noise(true);
                Ok(())
            }
            "--stock" => {
                options = options.clone().stock(StockOptions::new());
                Ok(())
            }
            "--sectioned" => {
                options = options.clone().numbering(Numbering::Sectioned);
                Ok(())
            }
            "--out" | "-o" => value("--out").map(|v| out = PathBuf::from(v)),
            "--help" | "-h" => {
                println!(
                    "usage: generate [--paragraphs N] [--seed S] [--pdf] [--sectioned] [--stock] [--out DIR]\n\
                     writes DIR/old.txt, DIR/new.txt and DIR/gold.json (default DIR: synth-pair)"
                );
                return ExitCode::SUCCESS;
            }
            other => Err(format!("unknown argument {other} (try --help)")),
        };
        if let Err(message) = parsed {
            eprintln!("generate: {message}");
            return ExitCode::from(2);
        }
    }
    match write_pair(&out, &options) {
        Ok(pair) => {
            let counts: Vec<String> = pair
                .counts()
                .iter()
                .map(|(k, n)| format!("{k:?} {n}").to_lowercase())
                .collect();
            println!(
                "wrote {}/old.txt ({} bytes), new.txt ({} bytes), gold.json ({} sure links)",
                out.display(),
                pair.old.len(),
                pair.new.len(),
                pair.gold.sure.len()
            );
            println!("truth links: {}", counts.join(", "));
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("generate: {e}");
            ExitCode::from(2)
        }
    }
}
