//! (old, new) → WordDiff under the options of byte 2: never panics; the equal and inserted
//! runs rebuild the new text exactly; with nothing ignored but the invisible formatting
//! characters (always ignored, as in the aligner), equal and deleted runs rebuild the old
//! text up to those characters.
#![no_main]

use draftdiff::diff::{DiffOptions, diff_texts};
use draftdiff_fuzz::Input;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let input = Input::parse(data);
    let d = diff_texts(&input.old, &input.new, &input.diff_options());
    assert_eq!(d.new_text(), input.new, "new text not rebuilt");
    assert!(d.ops.iter().all(|o| !o.text.is_empty()), "empty run");
    let exact = diff_texts(
        &input.old,
        &input.new,
        &DiffOptions::new().ignore_whitespace(false),
    );
    assert_eq!(exact.new_text(), input.new, "new text not rebuilt");
    // Equal runs carry the new version's spelling, so an invisible character only the old
    // text has is not in them (issue 11: equal runs should carry both spellings).
    let visible = |s: &str| -> String {
        s.chars()
            .filter(|&c| !draftdiff::segment::is_invisible(c))
            .collect()
    };
    assert_eq!(
        visible(&exact.old_text()),
        visible(&input.old),
        "old text not rebuilt"
    );
});
