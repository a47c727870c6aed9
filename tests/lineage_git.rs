//! Versions from git: a small repository built by the test in a temporary directory.

#[path = "support/git.rs"]
mod support_git;
use support_git::git;

use std::path::Path;

use assert_cmd::Command as Cmd;
use draftdiff::ReadOptions;
use draftdiff::lineage::git_versions;

fn commit(dir: &Path, file: &str, text: &str, message: &str) {
    std::fs::write(dir.join(file), text).expect("write");
    git(dir, &["add", file]);
    git(dir, &["commit", "-q", "-m", message]);
}

/// A repository with three versions of `draft.txt` and one unrelated commit between them.
fn repo() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path();
    git(dir, &["init", "-q"]);
    commit(
        dir,
        "draft.txt",
        "The scope of the study.\n\nA paragraph to be cut.\n",
        "First draft",
    );
    commit(dir, "other.txt", "unrelated\n", "Unrelated file");
    commit(
        dir,
        "draft.txt",
        "The scope of the whole study.\n",
        "Cut the second paragraph",
    );
    commit(
        dir,
        "draft.txt",
        "The scope of the whole study.\n\nA new closing paragraph.\n",
        "Add a closing paragraph",
    );
    tmp
}

#[test]
fn every_commit_touching_the_file_in_history_order() {
    let tmp = repo();
    let path = tmp.path().join("draft.txt");
    let versions = git_versions(path.to_str().unwrap(), None, &ReadOptions::new()).unwrap();
    let subjects: Vec<&str> = versions.iter().map(|v| v.subject.as_str()).collect();
    assert_eq!(
        subjects,
        [
            "First draft",
            "Cut the second paragraph",
            "Add a closing paragraph"
        ]
    );
    assert!(versions[0].text.contains("A paragraph to be cut."));
    assert!(versions[0].label().ends_with(" First draft"));
    assert!(versions[0].label().starts_with(&versions[0].short));
    assert_eq!(versions[0].commit.len(), 40);
}

#[test]
fn a_range_starts_from_the_file_at_its_first_revision() {
    let tmp = repo();
    let path = tmp.path().join("draft.txt");
    let versions = git_versions(
        path.to_str().unwrap(),
        Some("HEAD~2..HEAD"),
        &ReadOptions::new(),
    )
    .unwrap();
    let subjects: Vec<&str> = versions.iter().map(|v| v.subject.as_str()).collect();
    assert_eq!(
        subjects,
        [
            "Unrelated file",
            "Cut the second paragraph",
            "Add a closing paragraph"
        ]
    );
    // The file as it stood at HEAD~2 (the unrelated commit): still the first draft.
    assert!(versions[0].text.contains("A paragraph to be cut."));
}

#[test]
fn untracked_files_bad_ranges_and_non_repositories_are_clear_errors() {
    let tmp = repo();
    let untracked = tmp.path().join("notes.txt");
    std::fs::write(&untracked, "x\n").unwrap();
    let err = git_versions(untracked.to_str().unwrap(), None, &ReadOptions::new()).unwrap_err();
    assert!(err.to_string().contains("not tracked by git"), "{err}");

    let path = tmp.path().join("draft.txt");
    let err = git_versions(
        path.to_str().unwrap(),
        Some("nope..HEAD"),
        &ReadOptions::new(),
    )
    .unwrap_err();
    assert!(err.to_string().contains("draft.txt: git log"), "{err}");

    let plain = tempfile::tempdir().unwrap();
    let file = plain.path().join("a.txt");
    std::fs::write(&file, "x\n").unwrap();
    let err = git_versions(file.to_str().unwrap(), None, &ReadOptions::new()).unwrap_err();
    assert!(err.to_string().contains("a.txt: git"), "{err}");
}

#[test]
fn blame_and_trace_read_versions_from_git() {
    let tmp = repo();
    let path = tmp.path().join("draft.txt");
    let path = path.to_str().unwrap();
    let out = Cmd::cargo_bin("draftdiff")
        .unwrap()
        .args(["blame", "--format", "json", "--git", path])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let versions = json["versions"].as_array().unwrap();
    assert_eq!(versions.len(), 3);
    assert!(
        versions[2]["path"]
            .as_str()
            .unwrap()
            .ends_with("Add a closing paragraph")
    );
    let units = json["units"].as_array().unwrap();
    assert_eq!(units.len(), 2);
    assert_eq!(units[1]["text"], "A new closing paragraph.");
    assert_eq!(units[1]["origin"], 2);
    assert_eq!(units[1]["last_changed"], 2);

    let out = Cmd::cargo_bin("draftdiff")
        .unwrap()
        .args(["trace", "--para", "2", "--format", "json", "--git", path])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["end"]["dropped_in"], 1);

    Cmd::cargo_bin("draftdiff")
        .unwrap()
        .args(["log", "--git", "HEAD~1..HEAD", path])
        .assert()
        .code(0)
        .stdout(predicates::str::contains("Add a closing paragraph"))
        .stdout(predicates::str::contains("v1 → v2: 1 linked"));
}

#[test]
fn word_versions_are_read_by_the_word_reader() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path();
    git(dir, &["init", "-q"]);
    for (fixture, message) in [
        ("outline-draft.docx", "Outline"),
        ("final-report.docx", "Final report"),
    ] {
        let bytes = std::fs::read(format!("tests/fixtures/office/{fixture}")).expect("fixture");
        std::fs::write(dir.join("report.docx"), bytes).expect("write");
        git(dir, &["add", "report.docx"]);
        git(dir, &["commit", "-q", "-m", message]);
    }
    let path = dir.join("report.docx");
    let versions = git_versions(path.to_str().unwrap(), None, &ReadOptions::new()).unwrap();
    assert_eq!(versions.len(), 2);
    for v in &versions {
        let doc = v.document.as_ref().expect("read as a Word file");
        assert_eq!(doc.path, v.label());
        assert!(doc.units.len() > 40, "{}", doc.units.len());
    }
    // As from the files themselves.
    let direct = draftdiff::load(
        "tests/fixtures/office/final-report.docx",
        &ReadOptions::new(),
        &draftdiff::SegmentOptions::new(),
    )
    .unwrap();
    let from_git = versions[1].document.as_ref().unwrap();
    let texts =
        |d: &draftdiff::Document| d.units.iter().map(|u| u.text.clone()).collect::<Vec<_>>();
    assert_eq!(texts(from_git), texts(&direct));
    Cmd::cargo_bin("draftdiff")
        .unwrap()
        .args(["log", "--git"])
        .arg(&path)
        .assert()
        .code(0)
        .stderr("");
}
