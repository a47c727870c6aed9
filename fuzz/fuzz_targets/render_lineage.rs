//! The two texts as a chain of two versions → trace, blame, log, DOT, Mermaid, the HTML
//! log and blame pages, and the segment table: never panics; every output is UTF-8 and the
//! same on a second run; the outputs for people (trace, blame, log, segment table, without
//! colour) and the HTML pages carry no raw control or bidi character.
#![no_main]

use draftdiff::DiffOptions;
use draftdiff::lineage::{self, Lineage, LineageOptions, Node};
use draftdiff::render::{self, Palette};
use draftdiff_fuzz::{Input, WIDTHS, assert_no_raw_controls};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let input = Input::parse(data);
    let lineage = Lineage::build(
        vec![input.old_doc(), input.new_doc()],
        &LineageOptions::new(),
    );
    let diff = input.diff_options();
    let width = WIDTHS[usize::from(input.knobs.width) % WIDTHS.len()];
    let plain = Palette::new(false);
    let outputs = |lineage: &Lineage, diff: &DiffOptions| {
        let blame = lineage::blame(lineage, diff);
        let summaries = lineage::summarize(lineage);
        let mut people: Vec<(&str, Vec<u8>)> = Vec::new();
        let mut tools: Vec<(&str, Vec<u8>)> = Vec::new();
        let mut out = Vec::new();
        if !lineage.versions()[0].units.is_empty() {
            let trace = lineage::trace(lineage, Node::new(0, 0), diff);
            render::trace(
                lineage,
                &trace,
                input.knobs.misc & 1 != 0,
                width,
                &plain,
                &mut out,
            )
            .expect("writing to a Vec");
        }
        people.push(("trace", std::mem::take(&mut out)));
        render::blame(lineage, &blame, width, &plain, &mut out).expect("writing to a Vec");
        people.push(("blame", std::mem::take(&mut out)));
        render::log(lineage, &summaries, &plain, &mut out).expect("writing to a Vec");
        people.push(("log", std::mem::take(&mut out)));
        render::segment_table(&lineage.versions()[0], &mut out).expect("writing to a Vec");
        people.push(("segment table", std::mem::take(&mut out)));
        render::html_log(lineage, &blame, &mut out).expect("writing to a Vec");
        people.push(("html log", std::mem::take(&mut out)));
        render::html_blame(lineage, &blame, &mut out).expect("writing to a Vec");
        people.push(("html blame", std::mem::take(&mut out)));
        render::graph::dot(lineage, &mut out).expect("writing to a Vec");
        tools.push(("dot", std::mem::take(&mut out)));
        render::graph::mermaid(lineage, &mut out).expect("writing to a Vec");
        tools.push(("mermaid", std::mem::take(&mut out)));
        (people, tools)
    };
    let (people, tools) = outputs(&lineage, &diff);
    for (name, out) in &people {
        let text = std::str::from_utf8(out).unwrap_or_else(|_| panic!("{name} is not UTF-8"));
        assert_no_raw_controls(name, text);
    }
    for (name, out) in &tools {
        assert!(std::str::from_utf8(out).is_ok(), "{name} is not UTF-8");
    }
    assert!(
        (people, tools) == outputs(&lineage, &diff),
        "output differs between two runs"
    );
});
