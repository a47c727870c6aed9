//! `draftdiff trace`, `blame` and `log` through the binary, on a small chain written by the
//! test: a paragraph kept, one cut in version 2 and restored in version 4, one added.

#[path = "support/versions.rs"]
mod support_versions;
use support_versions::{Versions as Chain, versions as chain};

use assert_cmd::Command;
use predicates::str::contains;

const V1: &str = "Keep this paragraph about the scope of the review.\n\nThe budget paragraph will be cut and restored later on.\n";
const V2: &str = "Keep this paragraph about the whole scope of the review.\n";
const V3: &str =
    "Keep this paragraph about the whole scope of the review.\n\nA brand new closing note.\n";
const V4: &str = "Keep this paragraph about the whole scope of the review.\n\nA brand new closing note.\n\nThe budget paragraph will be cut and restored later on.\n";

fn run(args: &[&str], chain: &Chain) -> (Option<i32>, String, String) {
    let out = Command::cargo_bin("draftdiff")
        .unwrap()
        .args(args)
        .args(&chain.paths)
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}: {text}"))
}

#[test]
fn trace_follows_a_paragraph_dropped_and_restored() {
    let c = chain(&[V1, V2, V3, V4]);
    let (code, out, err) = run(&["trace", "--at", "1:L3", "--format", "json"], &c);
    assert_eq!(code, Some(0), "{err}");
    let t = json(&out);
    assert_eq!(t["start"]["line"], 3);
    assert_eq!(t["end"]["reached"], serde_json::json!([2]));
    let restored: Vec<&serde_json::Value> = t["steps"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["restored"] == true)
        .collect();
    assert_eq!(restored.len(), 1);
    assert_eq!(
        (restored[0]["old"].clone(), restored[0]["new"].clone()),
        (0.into(), 3.into())
    );

    let (_, text, _) = run(&["trace", "--para", "2", "--color", "never"], &c);
    assert!(text.contains("dropped in v2"), "{text}");
    assert!(text.contains("restored"), "{text}");
    assert!(text.contains("ends in line 5 of v4"), "{text}");
}

#[test]
fn trace_by_number_line_and_position_name_the_same_unit() {
    let c = chain(&[V1, V2, V3]);
    let starts: Vec<serde_json::Value> = [
        vec!["--para", "1"],
        vec!["--at", "1:L1"],
        vec!["--at", "1:#1"],
    ]
    .iter()
    .map(|a| {
        let mut args = vec!["trace", "--format", "json"];
        args.extend(a);
        json(&run(&args, &c).1)["start"].clone()
    })
    .collect();
    assert_eq!(starts[0], starts[1]);
    assert_eq!(starts[1], starts[2]);
}

#[test]
fn bad_addresses_and_files_are_errors_with_status_2() {
    let c = chain(&[V1, V2]);
    for (args, want) in [
        (vec!["trace", "--at", "nonsense"], "VERSION:UNIT"),
        (vec!["trace", "--at", "9:1"], "version 9 does not exist"),
        (vec!["trace", "--at", "1:L99"], "no unit on line 99"),
        (vec!["trace", "--para", "7"], "so no paragraph 7"),
        (
            vec!["trace", "--para", "0"],
            "paragraphs of unnumbered text count from 1",
        ),
    ] {
        let (code, _, err) = run(&args, &c);
        assert_eq!(code, Some(2), "{args:?}");
        assert!(err.contains(want), "{args:?}: {err}");
    }
    Command::cargo_bin("draftdiff")
        .unwrap()
        .args(["blame", "missing-1.txt", "missing-2.txt"])
        .assert()
        .code(2)
        .stderr(contains("missing-1.txt: no such file"));
}

#[test]
fn blame_gives_origin_last_change_and_shares() {
    let c = chain(&[V1, V2, V3, V4]);
    let (code, out, _) = run(&["blame", "--format", "json"], &c);
    assert_eq!(code, Some(0));
    let b = json(&out);
    assert_eq!(b["versions"].as_array().unwrap().len(), 4);
    let units = b["units"].as_array().unwrap();
    assert_eq!(units.len(), 3);
    for key in [
        "id",
        "kind",
        "number",
        "line",
        "text",
        "origin",
        "last_changed",
    ] {
        assert!(units[0].get(key).is_some(), "missing {key}");
    }
    // The closing note is new in version 3 (index 2); the budget paragraph dates from the
    // first version and was restored in the fourth.
    assert_eq!(
        (units[1]["origin"].clone(), units[1]["last_changed"].clone()),
        (2.into(), 2.into())
    );
    assert_eq!(
        (units[2]["origin"].clone(), units[2]["last_changed"].clone()),
        (0.into(), 3.into())
    );
    let shares: f64 = units[0]["attribution"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["share"].as_f64().unwrap())
        .sum();
    assert!((shares - 1.0).abs() < 0.01, "{shares}");

    let (_, plain, _) = run(&["blame", "--color", "never"], &c);
    assert!(!plain.contains('\u{1b}'));
    assert!(plain.contains("origin"), "{plain}");
    let (_, coloured, _) = run(&["blame", "--color", "always"], &c);
    assert!(coloured.contains('\u{1b}'));
}

#[test]
fn log_in_four_formats() {
    let c = chain(&[V1, V2, V3, V4]);
    let (code, text, _) = run(&["log", "--color", "never"], &c);
    assert_eq!(code, Some(0));
    assert_eq!(text.matches("step v").count(), 3, "{text}");
    assert!(
        text.contains("restored line 3 of v1 → line 5 of v4"),
        "{text}"
    );

    let (_, out, _) = run(&["log", "--format", "json"], &c);
    let l = json(&out);
    assert_eq!(l["steps"].as_array().unwrap().len(), 3);
    assert_eq!(l["nodes"].as_array().unwrap().len(), 2 + 1 + 2 + 3);
    assert!(
        l["edges"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["restored"] == true)
    );

    let (_, dot, _) = run(&["log", "--format", "dot"], &c);
    assert!(dot.starts_with("digraph lineage {"));
    assert!(dot.contains("v0u1 -> v3u2 [style=dashed"), "{dot}");

    let (_, mermaid, _) = run(&["log", "--format", "mermaid"], &c);
    assert!(mermaid.starts_with("flowchart LR"));
    assert!(mermaid.contains("v0u1 -. restored .-> v3u2"), "{mermaid}");
}

#[test]
fn identical_versions_exit_0() {
    let c = chain(&[V1, V1, V1]);
    for cmd in ["blame", "log"] {
        assert_eq!(run(&[cmd], &c).0, Some(0), "{cmd}");
    }
    assert_eq!(run(&["trace", "--para", "1"], &c).0, Some(0));
}

#[test]
fn tracing_a_unit_new_in_a_later_version_says_so() {
    let c = chain(&[V1, V2, V3]);
    let (code, out, err) = run(&["trace", "--at", "3:L3", "--color", "never"], &c);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("new in v3 line 3"), "{out}");
    let (_, out, _) = run(&["trace", "--at", "3:L3", "--format", "json"], &c);
    assert_eq!(json(&out)["first_seen"], 2);
}

#[test]
fn trace_follows_a_merge_then_a_split() {
    let c = chain(&[
        "The committee reviewed the annual budget of the secretariat in detail and found it sound.\n\nIt also asked the secretariat to report on travel costs before the next session.\n\nA final paragraph that stays the same in every version of this text.\n",
        "The committee reviewed the annual budget of the secretariat in detail and found it sound. It also asked the secretariat to report on travel costs before the next session.\n\nA final paragraph that stays the same in every version of this text.\n",
        "The committee reviewed the annual budget of the secretariat in detail.\n\nIt found it sound, and asked the secretariat to report on travel costs before the next session.\n\nA final paragraph that stays the same in every version of this text.\n",
    ]);
    let (code, out, err) = run(&["trace", "--para", "2", "--color", "never"], &c);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("→ v2 line 1: merged"), "{out}");
    assert!(out.contains("merged with line 1 of v1"), "{out}");
    assert!(out.contains("→ v3 line 1 + line 3: split"), "{out}");
    assert!(out.contains("ends in line 1 + line 3 of v3"), "{out}");
    let (_, log, _) = run(&["log", "--color", "never"], &c);
    assert!(log.contains("1 merged"), "{log}");
    assert!(log.contains("1 split"), "{log}");
}

/// The reference pair, the outline (v1) and the final report (v2).
const REF: [&str; 2] = [
    "examples/data/outline-draft.txt",
    "examples/data/final-report.txt",
];

fn on_reference(args: &[&str]) -> String {
    let out = Command::cargo_bin("draftdiff")
        .unwrap()
        .args(["--color", "never"])
        .args(args)
        .args(REF)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{args:?}: {out:?}");
    String::from_utf8(out.stdout).unwrap()
}

/// Columns a line takes, measured with `unicode-width`, not with the renderer's measure.
fn columns(line: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(line)
}

/// Issue 13: `trace` never wrapped (lines of 1,097 characters at --width 80) and `blame`
/// ignored --width.
#[test]
fn trace_and_blame_keep_to_the_width() {
    for width in ["60", "80", "120"] {
        let limit: usize = width.parse().unwrap();
        for args in [
            vec!["--width", width, "trace", "--full", "--para", "3"],
            vec!["--width", width, "blame"],
        ] {
            let out = on_reference(&args);
            let wide: Vec<&str> = out.lines().filter(|l| columns(l) > limit).collect();
            assert!(wide.is_empty(), "{args:?}: {wide:#?}");
        }
    }
}

/// Issue 13: blame's text column was off by one under its header when the "written in"
/// values were short: every row's text starts in the header's `text` column.
#[test]
fn blame_text_stands_under_its_header() {
    let out = on_reference(&["--width", "100", "blame"]);
    let header = out
        .lines()
        .find(|l| l.starts_with("origin"))
        .expect("a header");
    let at = columns(&header[..header.find("text").expect("a text column")]);
    let rows: Vec<&str> = out
        .lines()
        .skip_while(|l| !l.starts_with("origin"))
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .collect();
    assert!(rows.len() > 100, "{} rows", rows.len());
    for row in rows {
        let chars: Vec<char> = row.chars().collect();
        let column = |c: usize| {
            let mut seen = 0;
            chars.iter().position(|&ch| {
                let hit = seen >= c;
                seen += unicode_width::UnicodeWidthChar::width(ch).unwrap_or(0);
                hit
            })
        };
        let start = column(at).expect("a row reaches the text column");
        assert!(chars[start - 1] == ' ' && chars[start] != ' ', "{row}");
    }
}

/// Issue 13: a list item was named `(a)` alone, which names an item of every list; it is
/// named with the paragraph its list follows, the same in the report, trace and blame, and
/// no two units of the final report share a name.
#[test]
fn a_list_item_is_named_with_its_paragraph() {
    let report = on_reference(&["--width", "100"]);
    assert!(
        report.contains("\n¶24 (a) ← ¶16 (a) (edited, 0.98)\n"),
        "{report}"
    );
    assert!(report.contains("\n¶90 (a) (new)\n"), "{report}");
    assert!(!report.lines().any(|l| l.starts_with("(a)")), "{report}");
    let trace = on_reference(&["trace", "--at", "2:L261"]);
    assert!(trace.contains("trace: ¶24 (a) of v2"), "{trace}");
    let blame = on_reference(&["--width", "120", "blame"]);
    assert!(blame.lines().any(|l| l.contains(" ¶90 (a) ")), "{blame}");

    let new = draftdiff::load(
        REF[1],
        &draftdiff::ReadOptions::new(),
        &draftdiff::SegmentOptions::new(),
    )
    .unwrap();
    let mut labels: Vec<String> = (0..new.units.len()).map(|id| new.label(id)).collect();
    labels.sort();
    let before = labels.len();
    labels.dedup();
    assert_eq!(labels.len(), before, "two units share a name");
}
