//! The parser of `git log -z --name-status --format=%H%x1f%h%x1f%s` output: never panics,
//! parses at most one entry per NUL-separated field, and never lets a field separator into
//! a hash.
#![no_main]

use draftdiff::lineage::fuzz_parse_log;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let parsed = fuzz_parse_log(data);
    let fields = data.split(|&b| b == 0).count();
    assert!(parsed.len() <= fields);
    for (hash, short, _subject, new) in parsed {
        assert!(!hash.contains('\u{1f}') && !short.contains('\u{1f}'));
        assert!(!hash.contains('\0') && !short.contains('\0'));
        if let Some(name) = new {
            assert!(!name.contains(&0));
        }
    }
});
