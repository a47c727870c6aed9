//! Report → HTML page: never panics; the page is UTF-8, the same on a second run, and no
//! character a terminal or a bidi-aware viewer would obey (C0 and C1 controls but line
//! feed and tab, DEL, bidi controls) reaches it raw: document text is escaped.
#![no_main]

use draftdiff::render;
use draftdiff_fuzz::{Input, assert_no_raw_controls, rendered_twice};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let input = Input::parse(data);
    let report = input.report();
    let text = rendered_twice(|out| render::html(&report, out));
    assert_no_raw_controls("html", &text);
});
