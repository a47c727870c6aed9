//! Report → two columns (width, --only and colour from the header; widths down to 0):
//! never panics; the output is UTF-8 and the same on a second run.
#![no_main]

use draftdiff::render;
use draftdiff_fuzz::Input;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let input = Input::parse(data);
    let report = input.report();
    let (options, palette) = (input.terminal_options(), input.palette());
    let run = || {
        let mut out = Vec::new();
        render::side_by_side(&report, &options, &palette, &mut out).expect("writing to a Vec");
        out
    };
    let out = run();
    assert!(std::str::from_utf8(&out).is_ok(), "output is not UTF-8");
    assert_eq!(out, run(), "output differs between two runs");
});
