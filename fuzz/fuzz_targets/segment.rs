//! text → Document under the layout of byte 0: never panics; ids, line ranges, sections and
//! parents are consistent; each unit's norm is `normalize` of its text.
#![no_main]

use draftdiff::segment::{SegmentOptions, detect_layout, normalize, segment, unit_json};
use draftdiff_fuzz::{bounded, check_document, layout};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&b, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let text = bounded(&text);
    let doc = segment("fuzz.txt", text, &SegmentOptions::new().layout(layout(b)));
    check_document(&doc);
    for u in &doc.units {
        assert_eq!(u.norm, normalize(&u.text));
        let _ = unit_json(u);
    }
    let _ = detect_layout(text);
});
