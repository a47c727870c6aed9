//! Invariants of the word diff on arbitrary text (proptest): it never panics, the equal and
//! inserted runs rebuild the new text exactly, the equal runs (in their old spelling) and
//! deleted runs rebuild the old text exactly, whatever the options ignore, and identical
//! texts give no change.

use draftdiff::diff::{DiffOptions, diff_texts};
use draftdiff::model::OpKind;
use proptest::prelude::*;

fn squeeze(s: &str) -> String {
    s.split_whitespace().collect()
}

/// Prose-like text: words, numbers, punctuation, curly quotes, dashes, odd spacing and a
/// few non-Latin letters.
fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            "[a-zA-Z]{1,8}",
            "[0-9]{1,4}",
            Just(", ".to_string()),
            Just(". ".to_string()),
            Just(" ".to_string()),
            Just("  ".to_string()),
            Just("“".to_string()),
            Just("”".to_string()),
            Just(" – ".to_string()),
            Just("(a) ".to_string()),
            Just("12. ".to_string()),
            Just("Côte d’Ivoire".to_string()),
            Just("人権".to_string()),
            Just("\t".to_string()),
        ],
        0..40,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn runs_rebuild_both_texts(old in text(), new in text()) {
        let d = diff_texts(&old, &new, &DiffOptions::new());
        prop_assert_eq!(d.new_text(), new.clone());
        prop_assert_eq!(squeeze(&d.old_text()), squeeze(&old));
        prop_assert_eq!(d.old_text(), old.clone());
        let exact = diff_texts(&old, &new, &DiffOptions::new().ignore_whitespace(false));
        prop_assert_eq!(exact.new_text(), new);
        prop_assert_eq!(exact.old_text(), old);
    }

    #[test]
    fn every_option_keeps_the_new_text(old in text(), new in text()) {
        let o = DiffOptions::new()
            .ignore_case(true)
            .ignore_punctuation(true)
            .ignore_quote_styles(true)
            .ignore_numbering(true);
        let d = diff_texts(&old, &new, &o);
        prop_assert_eq!(d.new_text(), new);
        prop_assert_eq!(d.old_text(), old);
        for pair in d.ops.windows(2) {
            prop_assert!(pair[0].kind != pair[1].kind, "neighbouring runs are merged");
        }
        prop_assert!(d.ops.iter().all(|o| !o.text.is_empty()));
    }

    #[test]
    fn identical_texts_have_no_change(t in text()) {
        let d = diff_texts(&t, &t, &DiffOptions::new());
        prop_assert!(d.ops.iter().all(|o| o.kind == OpKind::Equal));
        prop_assert_eq!(d.stats.inserted + d.stats.deleted, 0);
    }
}
