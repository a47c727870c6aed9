//! (old, new) → WordDiff under the options of byte 2: never panics; the equal and inserted
//! runs rebuild the new text exactly; with nothing ignored but what the comparison always
//! ignores (invisible formatting characters, canonically equivalent spellings), equal and
//! deleted runs rebuild the old text up to those.
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
    // Equal runs carry the new version's spelling (issue 11: they should carry both), so
    // the old text comes back only up to what the comparison ignores: invisible formatting
    // characters and canonically equivalent spellings (`e` + U+0301 is `é`).
    assert_eq!(
        draftdiff::segment::comparable(&exact.old_text()),
        draftdiff::segment::comparable(&input.old),
        "old text not rebuilt"
    );
});
