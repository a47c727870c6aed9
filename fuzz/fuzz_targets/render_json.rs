//! Report → JSON: never panics; the output is valid JSON, and the whole pipeline run again
//! on the same input gives the same bytes (unless a word diff hit its deadline).
#![no_main]

use draftdiff::render;
use draftdiff_fuzz::Input;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let input = Input::parse(data);
    let run = || {
        let report = input.report();
        let mut out = Vec::new();
        render::json(&report, &mut out).expect("writing to a Vec");
        (out, report.summary.timed_out)
    };
    let (out, timed_out) = run();
    if let Err(e) = serde_json::from_slice::<serde_json::Value>(&out) {
        panic!("invalid JSON ({e}): {}", String::from_utf8_lossy(&out));
    }
    let (again, timed_out_again) = run();
    if timed_out == 0 && timed_out_again == 0 {
        assert_eq!(out, again, "output differs between two runs");
    }
});
