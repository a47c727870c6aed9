//! `draftdiff index`, `sources` and `batch` through the binary, on a small generated corpus
//! with planted reuse (`synth::corpus`).

use std::path::Path;

use assert_cmd::Command;
use draftdiff::synth::corpus::{CorpusOptions, write_corpus};

fn draftdiff(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("draftdiff").unwrap();
    cmd.current_dir(dir)
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE");
    cmd
}

#[test]
fn index_then_sources_finds_the_planted_links() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let planted = write_corpus(dir, &CorpusOptions::new(40).models(30).drafts(3).seed(5)).unwrap();

    let out = draftdiff(dir)
        .args(["index", "corpus", "-o", "corpus.ddx"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(
        std::fs::read(dir.join("corpus.ddx"))
            .unwrap()
            .starts_with(b"DDXINDEX")
    );

    // From the saved index and from the documents themselves: the same answer.
    let json = |corpus: &str| {
        let out = draftdiff(dir)
            .args([
                "sources",
                "--format",
                "json",
                "drafts/draft-000.txt",
                corpus,
            ])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{out:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    let from_index = json("corpus.ddx");
    assert_eq!(from_index, json("corpus"));
    let v: serde_json::Value = serde_json::from_str(&from_index).unwrap();
    assert_eq!(v["version"], 1);
    let mut found: Vec<(u64, String, u64)> = Vec::new();
    for link in v["links"].as_array().unwrap() {
        let path = v["documents"][link["document"].as_u64().unwrap() as usize]["path"]
            .as_str()
            .unwrap();
        let name = path.rsplit('/').next().unwrap().to_string();
        for n in link["new"].as_array().unwrap() {
            for o in link["old"].as_array().unwrap() {
                found.push((n.as_u64().unwrap(), name.clone(), o.as_u64().unwrap()));
            }
        }
    }
    let truth: Vec<(u64, String, u64)> = planted
        .links
        .iter()
        .filter(|l| l.draft == 0)
        .map(|l| {
            (
                l.draft_unit as u64,
                planted.documents[l.document].name.clone(),
                l.unit as u64,
            )
        })
        .collect();
    assert!(!truth.is_empty());
    let hits = truth.iter().filter(|t| found.contains(t)).count();
    assert!(
        hits * 10 >= truth.len() * 8,
        "{hits} of {} planted links",
        truth.len()
    );

    // Text and Markdown name the same sources.
    let out = draftdiff(dir)
        .args(["sources", "drafts/draft-000.txt", "corpus.ddx"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("drafts/draft-000.txt: "), "{text}");
    assert!(text.contains(" ← corpus/doc-"), "{text}");
    assert!(!text.contains('\x1b'), "no colour in a pipe");
    let out = draftdiff(dir)
        .args([
            "sources",
            "--format",
            "markdown",
            "drafts/draft-000.txt",
            "corpus.ddx",
        ])
        .output()
        .unwrap();
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(
        md.starts_with("# Sources of drafts/draft-000.txt\n"),
        "{md}"
    );
    assert!(
        md.contains("| Draft | Source | Score | Change | Text |"),
        "{md}"
    );
}

#[test]
fn many_drafts_with_one_index_read_give_one_json_line_each() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    write_corpus(dir, &CorpusOptions::new(30).models(20).drafts(3).seed(6)).unwrap();
    let out = draftdiff(dir)
        .args(["index", "corpus", "-o", "corpus.ddx"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let drafts = [
        "drafts/draft-000.txt",
        "drafts/draft-001.txt",
        "drafts/draft-002.txt",
    ];
    std::fs::write(dir.join("list.txt"), format!("{}\n\n", drafts.join("\n"))).unwrap();
    let run = |args: &[&str]| {
        let out = draftdiff(dir).args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{out:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    // Each line is the JSON of `sources` on that draft alone, on one line.
    let lines = run(&[
        "sources",
        "--format",
        "json",
        "--drafts",
        "list.txt",
        "corpus.ddx",
    ]);
    assert_eq!(lines.lines().count(), drafts.len());
    for (line, draft) in lines.lines().zip(drafts) {
        let alone = run(&["sources", "--format", "json", draft, "corpus.ddx"]);
        let alone: serde_json::Value = serde_json::from_str(&alone).unwrap();
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(line).unwrap(),
            alone
        );
    }
    // The list from standard input, with the documents as the corpus: the same lines.
    let out = draftdiff(dir)
        .args(["sources", "--format", "json", "--drafts", "-", "corpus"])
        .write_stdin(drafts.join("\n"))
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), lines);
    // Text: one block per draft, each under its draft's name.
    let text = run(&[
        "sources",
        "--color",
        "never",
        "--drafts",
        "list.txt",
        "corpus.ddx",
    ]);
    for draft in drafts {
        assert_eq!(text.matches(&format!("{draft}: ")).count(), 1, "{text}");
    }
    // A missing draft is named before any output; an empty list is refused.
    std::fs::write(
        dir.join("bad.txt"),
        "drafts/draft-000.txt\nno-such-draft.txt\n",
    )
    .unwrap();
    let out = draftdiff(dir)
        .args(["sources", "--drafts", "bad.txt", "corpus.ddx"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no-such-draft.txt"));
    std::fs::write(dir.join("empty.txt"), "\n").unwrap();
    let out = draftdiff(dir)
        .args(["sources", "--drafts", "empty.txt", "corpus.ddx"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("empty.txt"));
}

#[test]
fn a_bad_index_or_a_changed_corpus_file_is_trouble() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    write_corpus(dir, &CorpusOptions::new(12).models(10).drafts(1)).unwrap();
    let out = draftdiff(dir)
        .args(["index", "corpus", "-o", "corpus.ddx"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");

    let mut bytes = std::fs::read(dir.join("corpus.ddx")).unwrap();
    let mid = bytes.len() / 2;
    bytes[mid] ^= 0xff;
    std::fs::write(dir.join("bad.ddx"), &bytes).unwrap();
    let out = draftdiff(dir)
        .args(["sources", "drafts/draft-000.txt", "bad.ddx"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.starts_with("draftdiff: bad.ddx: the index file is corrupt"),
        "{err}"
    );

    // A corpus file edited after indexing is refused when it is a candidate.
    let first = std::fs::read_dir(dir.join("corpus")).unwrap().count();
    assert_eq!(first, 12);
    for entry in std::fs::read_dir(dir.join("corpus")).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, format!("{text}\n99.\tAdded later.\n")).unwrap();
    }
    let out = draftdiff(dir)
        .args(["sources", "drafts/draft-000.txt", "corpus.ddx"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("changed since the index was built"), "{err}");
}

#[test]
fn batch_writes_one_line_per_pair_and_an_error_line_for_a_bad_one() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    std::fs::write(dir.join("old.txt"), "1. The cat sat.\n\n2. It slept.\n").unwrap();
    std::fs::write(
        dir.join("new.txt"),
        "1. The black cat sat.\n\n2. It slept.\n",
    )
    .unwrap();
    let input = concat!(
        r#"{"old": "old.txt", "new": "new.txt", "id": "a"}"#,
        "\n",
        r#"{"old": "missing.txt", "new": "new.txt", "id": 2}"#,
        "\n\n",
        "not json\n",
        r#"{"old_text": "1. One.\n", "new_text": "1. One.\n"}"#,
        "\n",
    );
    let out = draftdiff(dir)
        .arg("batch")
        .write_stdin(input)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "a failed line makes the run trouble"
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 4, "{stdout}");
    assert_eq!(lines[0]["line"], 1);
    assert_eq!(lines[0]["id"], "a");
    // The report is the one `draftdiff OLD NEW --format json` writes.
    let compare = draftdiff(dir)
        .args(["--format", "json", "old.txt", "new.txt"])
        .output()
        .unwrap();
    let compare: serde_json::Value = serde_json::from_slice(&compare.stdout).unwrap();
    assert_eq!(lines[0]["report"], compare);
    assert_eq!(lines[1]["id"], 2);
    assert!(
        lines[1]["error"]
            .as_str()
            .unwrap()
            .starts_with("missing.txt: "),
        "{}",
        lines[1]
    );
    assert_eq!(lines[2]["line"], 4);
    assert!(
        lines[2]["error"]
            .as_str()
            .unwrap()
            .starts_with("bad line: "),
        "{}",
        lines[2]
    );
    assert_eq!(lines[3]["line"], 5);
    assert_eq!(lines[3]["report"]["summary"]["unchanged"], 1);
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("2 of 4 lines failed"), "{err}");

    let good = r#"{"old": "old.txt", "new": "new.txt"}"#;
    let out = draftdiff(dir)
        .arg("batch")
        .write_stdin(good)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let head = format!(
        "{{\"line\":1,\"report\":{{\"version\":{},",
        draftdiff::render::json::JSON_VERSION
    );
    assert!(String::from_utf8(out.stdout).unwrap().starts_with(&head));
}
