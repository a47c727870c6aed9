//! Report → terminal report (width, --only, --stat and colour from the header): never
//! panics; the output is UTF-8 and the same on a second run.
#![no_main]

use draftdiff::render;
use draftdiff_fuzz::{Input, rendered_twice};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let input = Input::parse(data);
    let report = input.report();
    let (options, palette) = (input.terminal_options(), input.palette());
    rendered_twice(|out| render::terminal(&report, &options, &palette, out));
});
