use draftdiff::eval::score;
use draftdiff::segment::{SegmentOptions, segment};
use draftdiff::synth::{Numbering, StockOptions, SynthOptions, generate};
use draftdiff::{AlignOptions, align};
fn main() {
    let n: usize = std::env::args().nth(1).unwrap().parse().unwrap();
    let noise = std::env::args().nth(2).as_deref() != Some("clean");
    let pair = generate(
        &SynthOptions::new(n)
            .seed(1)
            .numbering(Numbering::Sectioned)
            .pdf_noise(noise)
            .stock(StockOptions::new()),
    );
    let o = SegmentOptions::new();
    let old = segment("old.txt", &pair.old, &o);
    let new = segment("new.txt", &pair.new, &o);
    let a = align(&old, &new, &AlignOptions::new());
    let s = score(&pair.gold, &old, &new, &a);
    println!(
        "n={n} noise={noise} old units {} new units {} P {:.3} R {:.3} F1 {:.3}",
        old.units.len(),
        new.units.len(),
        s.precision,
        s.recall,
        s.f1
    );
    std::fs::write("/tmp/stockdiag/old.txt", &pair.old).unwrap();
    std::fs::write("/tmp/stockdiag/new.txt", &pair.new).unwrap();
}
