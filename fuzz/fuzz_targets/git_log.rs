//! The parser of `git log --format=%H%x1f%h%x1f%s` output: never panics, and every parsed
//! line is its three fields joined again.
#![no_main]

use draftdiff::lineage::fuzz_parse_log;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let log = String::from_utf8_lossy(data);
    let lines: Vec<&str> = log.lines().filter(|l| !l.is_empty()).collect();
    let parsed = fuzz_parse_log(&log);
    assert!(parsed.len() <= lines.len());
    for (commit, short, subject) in parsed {
        assert!(!commit.contains('\u{1f}') && !short.contains('\u{1f}'));
        let joined = format!("{commit}\u{1f}{short}\u{1f}{subject}");
        let two = format!("{commit}\u{1f}{short}");
        assert!(
            lines.contains(&joined.as_str())
                || (subject.is_empty() && lines.contains(&two.as_str())),
            "{commit:?} {short:?} {subject:?} is no line of the log"
        );
    }
});
