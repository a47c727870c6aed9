//! Lineage over several versions with the library: build it, summarise each step, blame the
//! last version and trace the first paragraph of the first.
//!
//! ```text
//! cargo run --example lineage                      # the six Darwin editions
//! cargo run --example lineage -- v1.txt v2.txt v3.txt
//! ```

use draftdiff::diff::DiffOptions;
use draftdiff::lineage::{Lineage, LineageOptions, Node, TraceEnd, blame, summarize, trace};
use draftdiff::{ReadOptions, SegmentOptions};

fn main() -> Result<(), draftdiff::Error> {
    let mut paths: Vec<String> = std::env::args().skip(1).collect();
    if paths.is_empty() {
        paths = ["1859", "1860", "1861", "1866", "1869", "1872"]
            .iter()
            .map(|e| format!("tests/fixtures/darwin/{e}.txt"))
            .collect();
    }
    let versions = paths
        .iter()
        .map(|p| draftdiff::load(p, &ReadOptions::new(), &SegmentOptions::new()))
        .collect::<Result<Vec<_>, _>>()?;
    let lineage = Lineage::build(versions, &LineageOptions::new());
    let docs = lineage.versions();

    for s in summarize(&lineage) {
        println!(
            "{} -> {}: {} linked ({} unchanged, {} edited), {} added, {} dropped",
            docs[s.old].path, docs[s.new].path, s.links, s.unchanged, s.edited, s.added, s.dropped
        );
    }

    let Some(last) = docs.last() else {
        return Ok(());
    };
    println!("\nblame of {}:", last.path);
    for b in blame(&lineage, &DiffOptions::new()).units {
        println!(
            "  {:<10} first in {}, last changed in {}, {:.0}% of its words from the first version",
            last.label(b.node.unit),
            docs[b.origin].path,
            docs[b.last_changed].path,
            100.0 * b.share(0)
        );
    }

    if docs.first().is_some_and(|d| !d.units.is_empty()) {
        let t = trace(&lineage, Node::new(0, 0), &DiffOptions::new());
        match t.end {
            TraceEnd::Reached(units) => {
                let labels: Vec<String> = units.iter().map(|&u| last.label(u)).collect();
                println!(
                    "\nthe first unit of {} ends in {}",
                    docs[0].path,
                    labels.join(", ")
                );
            }
            TraceEnd::Dropped { version, .. } => {
                println!(
                    "\nthe first unit of {} is dropped in {}",
                    docs[0].path, docs[version].path
                )
            }
        }
    }
    Ok(())
}
