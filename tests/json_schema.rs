//! Every command's real JSON output validated against its JSON Schema in `docs/schema/`
//! (draft 2020-12), with the `jsonschema` crate; every score rounded as documented; and the
//! schemas strict enough that a renamed field fails.

use std::path::Path;
use std::process::Command;

use serde_json::{Value, json};

const DRAFTDIFF: &str = env!("CARGO_BIN_EXE_draftdiff");
const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// Every schema shipped, one per command that writes JSON (`index` writes a binary file).
const SCHEMAS: [&str; 8] = [
    "batch", "blame", "compare", "eval", "log", "segment", "sources", "trace",
];

fn fixture(path: &str) -> String {
    format!("{ROOT}/tests/fixtures/{path}")
}

/// The schema `docs/schema/NAME.schema.json`, itself checked against the 2020-12
/// meta-schema, compiled.
fn validator(name: &str) -> jsonschema::Validator {
    let path = format!("{ROOT}/docs/schema/{name}.schema.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let schema: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
    assert_eq!(
        schema["$schema"], "https://json-schema.org/draft/2020-12/schema",
        "{path}"
    );
    if let Err(e) = jsonschema::draft202012::meta::validate(&schema) {
        panic!("{path} is not a valid 2020-12 schema: {e}");
    }
    jsonschema::draft202012::new(&schema).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The errors of `value` against the schema `name`, one line each.
fn errors(name: &str, value: &Value) -> Vec<String> {
    validator(name)
        .iter_errors(value)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

fn assert_valid(name: &str, value: &Value) {
    let errors = errors(name, value);
    assert!(errors.is_empty(), "{name}:\n{}", errors.join("\n"));
}

/// Runs draftdiff in `dir` and returns its standard output; any status but trouble.
fn run_in(dir: &Path, args: &[&str], stdin: Option<&str>) -> String {
    let (code, out) = status_and_output(dir, args, stdin);
    assert!(matches!(code, Some(0 | 1)), "{args:?}: {code:?}");
    out
}

/// Runs draftdiff in `dir`: its exit status and standard output.
fn status_and_output(dir: &Path, args: &[&str], stdin: Option<&str>) -> (Option<i32>, String) {
    use std::io::Write;
    let mut child = Command::new(DRAFTDIFF)
        .current_dir(dir)
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("draftdiff runs");
    let mut input = child.stdin.take().expect("stdin");
    input.write_all(stdin.unwrap_or("").as_bytes()).unwrap();
    drop(input);
    let out = child.wait_with_output().unwrap();
    let stdout = String::from_utf8(out.stdout).expect("UTF-8");
    (out.status.code(), stdout)
}

fn json_of(args: &[&str]) -> Value {
    let out = run_in(Path::new(ROOT), args, None);
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{args:?}: {e}"))
}

/// Every real number in `value` has at most four decimals (docs/json-schema.md).
fn assert_rounded(value: &Value, at: &str) {
    match value {
        Value::Number(n) if n.is_f64() => {
            let x = n.as_f64().unwrap();
            assert_eq!((x * 10_000.0).round() / 10_000.0, x, "{at}: {x}");
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                assert_rounded(v, &format!("{at}/{i}"));
            }
        }
        Value::Object(fields) => {
            for (k, v) in fields {
                assert_rounded(v, &format!("{at}/{k}"));
            }
        }
        _ => {}
    }
}

fn check(name: &str, value: &Value) {
    assert_valid(name, value);
    assert_rounded(value, name);
}

const CASES: [&str; 5] = ["identical", "merge", "move", "renumber", "split"];
const DARWIN: [&str; 3] = ["1859", "1860", "1861"];

fn darwin() -> Vec<String> {
    DARWIN
        .iter()
        .map(|e| fixture(&format!("darwin/{e}.txt")))
        .collect()
}

#[test]
fn every_shipped_schema_is_checked_here_and_documented() {
    let mut shipped: Vec<String> = std::fs::read_dir(format!("{ROOT}/docs/schema"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    shipped.sort();
    let expected: Vec<String> = SCHEMAS.iter().map(|s| format!("{s}.schema.json")).collect();
    assert_eq!(shipped, expected);
    let doc = std::fs::read_to_string(format!("{ROOT}/docs/json-schema.md")).unwrap();
    for name in SCHEMAS {
        validator(name);
        assert!(
            doc.contains(&format!("schema/{name}.schema.json")),
            "docs/json-schema.md does not point at {name}.schema.json"
        );
    }
}

#[test]
fn compare_output_matches_its_schema() {
    for case in CASES {
        let old = fixture(&format!("cases/{case}/old.txt"));
        let new = fixture(&format!("cases/{case}/new.txt"));
        check("compare", &json_of(&[&old, &new, "--format", "json"]));
    }
    let d = darwin();
    check("compare", &json_of(&[&d[0], &d[1], "--format", "json"]));
    // Units with a `source` (Word paragraphs).
    let docx = fixture("office/final-report.docx");
    let lists = fixture("office/lists-pandoc.docx");
    check("compare", &json_of(&[&lists, &docx, "--format", "json"]));
}

#[test]
fn segment_output_matches_its_schema() {
    for file in [
        fixture("cases/renumber/old.txt"),
        fixture("office/final-report.docx"),
        fixture("office/lists.odt"),
        fixture("darwin/1859.txt"),
    ] {
        check("segment", &json_of(&["segment", &file, "--format", "json"]));
    }
}

#[test]
fn trace_blame_and_log_outputs_match_their_schemas() {
    let d = darwin();
    let versions: Vec<&str> = d.iter().map(String::as_str).collect();
    for at in ["1:1", "1:L41", "2:#5", "3:#1"] {
        let mut args = vec!["trace", "--at", at, "--format", "json"];
        args.extend(&versions);
        check("trace", &json_of(&args));
    }
    let mut args = vec!["blame", "--format", "json"];
    args.extend(&versions);
    check("blame", &json_of(&args));
    let mut args = vec!["log", "--format", "json"];
    args.extend(&versions);
    check("log", &json_of(&args));
}

/// A repository with two commits of one file and uncommitted changes: versions with commit,
/// date, author and subject, and the working tree's with nulls.
#[test]
fn lineage_outputs_from_git_match_their_schemas() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let git = |args: &[&str]| {
        let out = Command::new("git")
            .arg("-C")
            .arg(dir)
            .args(["-c", "user.name=Test", "-c", "user.email=test@example.com"])
            .args(["-c", "commit.gpgsign=false"])
            .args(args)
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
    };
    git(&["init", "-q"]);
    for (text, message) in [
        ("The scope.\n\nA paragraph to be cut.\n", "First draft"),
        ("The whole scope.\n", "Cut"),
    ] {
        std::fs::write(dir.join("d.txt"), text).unwrap();
        git(&["add", "d.txt"]);
        git(&["commit", "-q", "-m", message]);
    }
    std::fs::write(dir.join("d.txt"), "The whole scope.\n\nNew.\n").unwrap();
    let log = serde_json::from_str(&run_in(
        dir,
        &["log", "--format", "json", "--git", "d.txt"],
        None,
    ))
    .unwrap();
    check("log", &log);
    assert_eq!(log["versions"][2]["commit"], Value::Null);
    let blame: Value = serde_json::from_str(&run_in(
        dir,
        &["blame", "--format", "json", "--git", "d.txt"],
        None,
    ))
    .unwrap();
    check("blame", &blame);
    let trace: Value = serde_json::from_str(&run_in(
        dir,
        &["trace", "--para", "2", "--format", "json", "--git", "d.txt"],
        None,
    ))
    .unwrap();
    check("trace", &trace);
    let pair: Value = serde_json::from_str(&run_in(
        dir,
        &["--git", "HEAD~1", "HEAD", "d.txt", "--format", "json"],
        None,
    ))
    .unwrap();
    check("compare", &pair);
}

/// Paragraphs of a made-up text, numbered so none repeats another.
fn paragraph(seed: usize) -> String {
    let words = [
        "committee",
        "shall",
        "report",
        "annual",
        "budget",
        "member",
        "states",
        "review",
        "draft",
        "article",
        "measure",
        "council",
        "agreed",
        "text",
        "period",
        "session",
    ];
    (0..40)
        .map(|i| words[(seed * 7 + i * (seed % 5 + 3)) % words.len()])
        .collect::<Vec<_>>()
        .join(" ")
        + &format!(" number {seed}.")
}

#[test]
fn sources_output_matches_its_schema() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    std::fs::create_dir(dir.join("corpus")).unwrap();
    let doc = |ids: &[usize]| {
        ids.iter()
            .map(|&i| paragraph(i))
            .collect::<Vec<_>>()
            .join("\n\n")
            + "\n"
    };
    std::fs::write(dir.join("corpus/one.txt"), doc(&[1, 2, 3, 4])).unwrap();
    std::fs::write(dir.join("corpus/two.txt"), doc(&[5, 6, 7, 8])).unwrap();
    let draft = format!(
        "{}\n\n{}\n\n{}\n",
        paragraph(2).replace("budget", "budgets"),
        paragraph(7),
        paragraph(11)
    );
    std::fs::write(dir.join("draft.txt"), draft).unwrap();
    let out = run_in(
        dir,
        &["sources", "draft.txt", "corpus", "--format", "json"],
        None,
    );
    let sources: Value = serde_json::from_str(&out).unwrap();
    check("sources", &sources);
    assert!(!sources["links"].as_array().unwrap().is_empty(), "{out}");
}

#[test]
fn batch_lines_match_their_schema() {
    let merge = |side: &str| fixture(&format!("cases/merge/{side}.txt"));
    let lines = [
        json!({"old": merge("old"), "new": merge("new"), "id": "pair-1"}),
        json!({"old": merge("old"), "new": merge("new")}),
        json!({"old": "missing.txt", "new": merge("new"), "id": 7}),
    ];
    let input: String = lines.iter().map(|l| format!("{l}\n")).collect();
    // One input fails (its error line is part of the output), so batch exits 2.
    let (code, out) = status_and_output(Path::new(ROOT), &["batch"], Some(&input));
    assert_eq!(code, Some(2), "{out}");
    let outputs: Vec<&str> = out.lines().collect();
    assert_eq!(outputs.len(), 3, "{out}");
    for line in outputs {
        check("batch", &serde_json::from_str(line).unwrap());
    }
}

#[test]
fn eval_output_matches_its_schema() {
    let tmp = tempfile::tempdir().unwrap();
    let gold = tmp.path().join("gold.json");
    std::fs::write(&gold, r#"{"sure": [["L1", "L1"], ["L3", "L40"]]}"#).unwrap();
    let gold = gold.to_str().unwrap();
    let old = fixture("cases/merge/old.txt");
    let new = fixture("cases/merge/new.txt");
    // Its figures are exact ratios (documented), so only the schema is checked.
    assert_valid(
        "eval",
        &json_of(&["eval", gold, &old, &new, "--format", "json"]),
    );
}

/// Renames `from` to `to` in the object at `pointer`.
fn rename(value: &mut Value, pointer: &str, from: &str, to: &str) {
    let object = value
        .pointer_mut(pointer)
        .and_then(Value::as_object_mut)
        .unwrap_or_else(|| panic!("{pointer} is an object"));
    let field = object
        .remove(from)
        .unwrap_or_else(|| panic!("{pointer}/{from}"));
    object.insert(to.to_string(), field);
}

/// The schemas are closed: the old names of version 1 (`shape`, a run's `kind`), a typo or
/// a field taken away all fail, in every command.
#[test]
fn a_renamed_field_fails_validation() {
    let d = darwin();
    let compare = json_of(&[&d[0], &d[1], "--format", "json"]);
    let trace = json_of(&["trace", "--at", "1:1", "--format", "json", &d[0], &d[1]]);
    let log = json_of(&["log", "--format", "json", &d[0], &d[1]]);
    let blame = json_of(&["blame", "--format", "json", &d[0], &d[1]]);
    let segment = json_of(&["segment", &d[0], "--format", "json"]);
    let mutations: [(&str, &Value, &str, &str, &str); 9] = [
        ("compare", &compare, "/links/0", "kind", "shape"),
        ("compare", &compare, "/links/0/diff/ops/0", "op", "kind"),
        (
            "compare",
            &compare,
            "/summary",
            "carried_over",
            "carriedOver",
        ),
        ("trace", &trace, "/steps/0/links/0", "kind", "shape"),
        ("trace", &trace, "/steps/0/links/0/diff/ops/0", "op", "kind"),
        ("log", &log, "/edges/0", "kind", "shape"),
        ("log", &log, "/versions/0", "label", "name"),
        ("blame", &blame, "/units/0", "last_changed", "changed"),
        ("segment", &segment, "/units/0", "end_line", "last_line"),
    ];
    for (name, value, pointer, from, to) in mutations {
        assert_valid(name, value);
        let mut renamed = value.clone();
        rename(&mut renamed, pointer, from, to);
        assert!(
            !errors(name, &renamed).is_empty(),
            "{name}: renaming {pointer}/{from} to {to} still passes"
        );
    }
    // A version of another number is not this format.
    let mut old = compare.clone();
    old["version"] = json!(1);
    assert!(!errors("compare", &old).is_empty());
}
