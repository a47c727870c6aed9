//! (old, new) → WordDiff under the options of byte 2: never panics; the equal and inserted
//! runs rebuild the new text exactly, and the equal and deleted runs the old text exactly
//! (equal runs carry both spellings), under any options.
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
    // Equal runs carry both spellings, so the old text comes back exactly too, even where
    // the comparison ignores a difference (invisible characters, canonical equivalence).
    assert_eq!(exact.old_text(), input.old, "old text not rebuilt");
    assert_eq!(d.old_text(), input.old, "old text not rebuilt");
});
