//! (old, new) → Alignment: never panics; every unit is in a link or else in added/removed,
//! never both (a unit may stand in two links since sentence alignment links a paragraph
//! whose sentences went two ways); links are non-empty, sorted by their first new unit,
//! scored in 0..=1.
#![no_main]

use draftdiff::AlignOptions;
use draftdiff_fuzz::{Input, check_document};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let input = Input::parse(data);
    let old = input.old_doc();
    let new = input.new_doc();
    check_document(&old);
    check_document(&new);
    let a = draftdiff::align(&old, &new, &AlignOptions::new());
    let mut old_seen = vec![0u32; old.units.len()];
    let mut new_seen = vec![0u32; new.units.len()];
    for link in &a.links {
        assert!(
            !link.old.is_empty() && !link.new.is_empty(),
            "empty link {link:?}"
        );
        assert!(
            (0.0..=1.0).contains(&link.score),
            "score out of range {link:?}"
        );
        link.old.iter().for_each(|&o| old_seen[o] += 1);
        link.new.iter().for_each(|&n| new_seen[n] += 1);
    }
    for &o in &a.removed {
        assert_eq!(old_seen[o], 0, "removed old unit {o} is linked too");
        old_seen[o] = 1;
    }
    for &n in &a.added {
        assert_eq!(new_seen[n], 0, "added new unit {n} is linked too");
        new_seen[n] = 1;
    }
    assert!(old_seen.iter().all(|&n| n >= 1), "old units: {old_seen:?}");
    assert!(new_seen.iter().all(|&n| n >= 1), "new units: {new_seen:?}");
    assert!(
        a.links.windows(2).all(|w| w[0].new[0] <= w[1].new[0]),
        "links not sorted by their first new unit"
    );
});
