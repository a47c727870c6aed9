//! Report → Word redline: never panics; the file is the same on a second run and reads back
//! through draftdiff's own .docx reader, with the changes accepted and rejected.
#![no_main]

use draftdiff::read::{ReadOptions, TrackedChanges, document};
use draftdiff::render::docx::{RedlineOptions, redline};
use draftdiff::segment::SegmentOptions;
use draftdiff_fuzz::{Input, bytes_twice};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let input = Input::parse(data);
    let report = input.report();
    let options = RedlineOptions::new().author("fuzz");
    let out = bytes_twice(|out| redline(&report, &options, out));
    for tracked in [TrackedChanges::Accepted, TrackedChanges::Original] {
        let read = ReadOptions::new().tracked_changes(tracked);
        if let Err(e) = document("redline.docx", out.clone(), &read, &SegmentOptions::new()) {
            panic!("the redline does not read back ({tracked:?}): {e}");
        }
    }
});
