//! The generator of synthetic version pairs: deterministic, and its truth is consistent with
//! the texts it writes.

use std::collections::BTreeSet;

use draftdiff::eval::{Gold, resolve_key};
use draftdiff::segment::{SegmentOptions, segment};
use draftdiff::synth::{
    EditKind, EditRates, Numbering, SynthOptions, TruthLink, generate, write_pair,
};

/// The keys (`p12`, `p3.4`, `hIV`) of the numbered lines of a plain text: `N.`, `S.K` or
/// `R.` followed by a tab or a space at the start of a line (after optional spaces).
fn numbered_keys(text: &str) -> BTreeSet<String> {
    let mut keys = BTreeSet::new();
    for line in text.lines() {
        let Some((token, _)) = line.trim_start().split_once(['\t', ' ']) else {
            continue;
        };
        let dotted = token.ends_with('.');
        let number = token.trim_end_matches('.');
        let parts: Vec<&str> = number.split('.').collect();
        let digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
        if (dotted && parts.len() == 1 || !dotted && parts.len() == 2)
            && parts.iter().all(|p| digits(p))
        {
            keys.insert(format!("p{number}"));
        } else if dotted && !number.is_empty() && number.chars().all(|c| "IVXLCDM".contains(c)) {
            keys.insert(format!("h{number}"));
        }
    }
    keys
}

#[test]
fn same_seed_same_bytes_other_seed_other_bytes() {
    let options = SynthOptions::new(120).seed(42).pdf_noise(true);
    let a = generate(&options);
    let b = generate(&options);
    assert_eq!(a.old, b.old);
    assert_eq!(a.new, b.new);
    assert_eq!(a.gold_json("x"), b.gold_json("x"));
    let c = generate(&options.clone().seed(43));
    assert_ne!(a.old, c.old);
    assert_ne!(a.new, c.new);
}

#[test]
fn every_key_of_the_truth_names_a_numbered_line() {
    for seed in 1..=12 {
        let numbering = if seed % 2 == 0 {
            Numbering::Flat
        } else {
            Numbering::Sectioned
        };
        let pair = generate(&SynthOptions::new(250).seed(seed).numbering(numbering));
        let old = numbered_keys(&pair.old);
        let new = numbered_keys(&pair.new);
        for (o, n) in pair.gold.sure.iter().chain(&pair.gold.possible) {
            assert!(
                old.contains(o),
                "seed {seed}: old key {o} not in the old text"
            );
            assert!(
                new.contains(n),
                "seed {seed}: new key {n} not in the new text"
            );
        }
        // Every unit of both versions appears in the truth, linked or removed/added.
        let linked_old: BTreeSet<&String> = pair.links.iter().flat_map(|l| &l.old).collect();
        let linked_new: BTreeSet<&String> = pair.links.iter().flat_map(|l| &l.new).collect();
        assert_eq!(linked_old.len(), old.len(), "seed {seed}");
        assert_eq!(linked_new.len(), new.len(), "seed {seed}");
        // Each old unit has one fate; the pieces of a split are consecutive.
        assert_eq!(
            linked_old.len(),
            pair.links.iter().map(|l| l.old.len()).sum::<usize>(),
            "seed {seed}: an old unit in two links"
        );
        for link in pair.links.iter().filter(|l| l.kind == EditKind::Split) {
            let numbers: Vec<usize> = link
                .new
                .iter()
                .map(|k| k.rsplit(['.', 'p']).next().unwrap().parse().unwrap())
                .collect();
            assert!(numbers.len() >= 2, "seed {seed}: {link:?}");
            assert!(
                numbers.windows(2).all(|w| w[1] == w[0] + 1),
                "seed {seed}: {link:?}"
            );
        }
    }
}

#[test]
fn truth_kinds_match_the_texts() {
    let pair = generate(&SynthOptions::new(300).seed(8));
    let old_lines: Vec<&str> = pair.old.lines().collect();
    let text_of = |text: &str, key: &str| -> Option<String> {
        let number = &key[1..];
        text.lines().find_map(|l| {
            let l = l.trim_start();
            l.strip_prefix(number)
                .and_then(|r| r.strip_prefix('.'))
                .filter(|r| r.starts_with(['\t', ' ']))
                .map(|r| r.trim().to_string())
        })
    };
    assert!(!old_lines.is_empty());
    let mut checked = 0;
    for link in &pair.links {
        if let ([o], [n]) = (&link.old[..], &link.new[..]) {
            let (a, b) = (
                text_of(&pair.old, o).unwrap(),
                text_of(&pair.new, n).unwrap(),
            );
            match link.kind {
                EditKind::Unchanged | EditKind::Renumbered => assert_eq!(a, b, "{o} → {n}"),
                EditKind::Edited | EditKind::Rewritten => assert_ne!(a, b, "{o} → {n}"),
                _ => {}
            }
            if link.kind == EditKind::Unchanged {
                assert_eq!(o[1..], n[1..]);
            }
            checked += 1;
        }
    }
    assert!(checked > 200, "{checked} one-to-one links checked");
}

#[test]
fn gold_json_reads_back_and_files_are_written() {
    let dir = tempfile::tempdir().unwrap();
    let pair = write_pair(dir.path(), &SynthOptions::new(50).seed(2).pdf_noise(true)).unwrap();
    let json = std::fs::read_to_string(dir.path().join("gold.json")).unwrap();
    let gold = Gold::from_json("gold.json", &json).unwrap();
    assert_eq!(gold, pair.gold);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("new.txt")).unwrap(),
        pair.new
    );
    assert!(json.contains("\"links\""));
}

#[test]
fn pdf_noise_wraps_lines_and_adds_page_furniture() {
    let pair = generate(&SynthOptions::new(200).seed(5).pdf_noise(true));
    let lines: Vec<&str> = pair.new.lines().collect();
    let longest = lines.iter().map(|l| l.chars().count()).max().unwrap();
    assert!(longest <= 120, "longest line {longest}");
    assert!(lines.iter().filter(|l| l.trim().is_empty()).count() * 3 > lines.len());
    // Some words broken at line ends, some footnote bodies at page bottoms.
    assert!(lines.iter().any(|l| l.trim_end().ends_with('-')));
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with(" 1 ") || l.starts_with(" 1  "))
    );
}

#[test]
fn no_edits_with_noise_off_gives_identical_texts_after_numbering() {
    let pair = generate(&SynthOptions::new(80).rates(EditRates::none()));
    let old: Vec<String> = pair.old.lines().map(|l| l.replacen('\t', " ", 1)).collect();
    let new: Vec<&str> = pair.new.lines().filter(|l| !l.is_empty()).collect();
    assert_eq!(old, new);
}

/// The project's segmenter finds every unit the truth names, with either numbering, with
/// and without PDF noise.
#[test]
fn every_key_resolves_in_the_segmented_documents() {
    for seed in 1..=4 {
        let numbering = if seed % 2 == 0 {
            Numbering::Flat
        } else {
            Numbering::Sectioned
        };
        let pdf = seed > 2;
        let pair = generate(
            &SynthOptions::new(200)
                .seed(seed)
                .numbering(numbering)
                .pdf_noise(pdf),
        );
        let old = segment("old.txt", &pair.old, &SegmentOptions::new());
        let new = segment("new.txt", &pair.new, &SegmentOptions::new());
        for (o, n) in &pair.gold.sure {
            assert!(
                resolve_key(&old, o).is_some(),
                "seed {seed}: {o} not found in old"
            );
            assert!(
                resolve_key(&new, n).is_some(),
                "seed {seed}: {n} not found in new"
            );
        }
        if pdf {
            // Page furniture the segmenter may keep as a unit of its own is not checked here:
            // it costs precision in `synth_align`, where it shows in the figures.
            continue;
        }
        // No unit the truth does not know of: the segmenter found exactly the generated
        // paragraphs and headings.
        let counted = |d: &draftdiff::Document| {
            d.units
                .iter()
                .filter(|u| u.kind != draftdiff::UnitKind::Footnote)
                .count()
        };
        let keys = |side: fn(&TruthLink) -> &Vec<String>| {
            pair.links
                .iter()
                .flat_map(side)
                .collect::<BTreeSet<_>>()
                .len()
        };
        assert_eq!(counted(&old), keys(|l| &l.old), "seed {seed}: old units");
        assert_eq!(counted(&new), keys(|l| &l.new), "seed {seed}: new units");
    }
}
