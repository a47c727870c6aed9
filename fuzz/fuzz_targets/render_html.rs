//! Report → HTML page: never panics; the page is UTF-8, the same on a second run, and no
//! character a terminal or a bidi-aware viewer would obey (C0 and C1 controls but line
//! feed and tab, DEL, bidi controls) reaches it raw: document text is escaped.
#![no_main]

use draftdiff::render;
use draftdiff_fuzz::{Input, assert_no_raw_controls};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let input = Input::parse(data);
    let report = input.report();
    let run = || {
        let mut out = Vec::new();
        render::html(&report, &mut out).expect("writing to a Vec");
        out
    };
    let out = run();
    let page = std::str::from_utf8(&out).expect("the page is UTF-8");
    assert_no_raw_controls("html", page);
    assert_eq!(out, run(), "output differs between two runs");
});
