//! Versions from git: a small repository built by the test in a temporary directory.

#[path = "support/git.rs"]
mod support_git;
use support_git::{commit, git};

use assert_cmd::Command as Cmd;
use draftdiff::ReadOptions;
use draftdiff::lineage::git_versions;

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
    let short = versions[0].short.as_deref().unwrap();
    assert!(versions[0].label().starts_with(short));
    assert_eq!(versions[0].commit.as_deref().map(str::len), Some(40));
    // Commit, date (ISO 8601) and author as their own fields.
    assert_eq!(versions[0].author.as_deref(), Some("Test"));
    let date = versions[0].date.as_deref().unwrap();
    assert!(is_iso_8601(date), "{date}");
    // A clean working tree is no version of its own.
    assert_eq!(versions.len(), 3);
}

/// `2026-11-30T07:08:59+00:00` or `…Z`, as git's `%aI` writes it.
/// The versions of a file edited on a branch that was merged back are the states of the
/// mainline, as `git log --first-parent` lists them: the branch's commits, interleaved by
/// date with the mainline's, would make the chain jump between two lines of work (its
/// additions dropped at the next mainline commit and restored at the merge).
#[test]
fn a_merged_branch_is_one_step_of_the_mainline() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path();
    git(dir, &["init", "-q"]);
    commit(
        dir,
        "draft.txt",
        "Scope.\n\nMiddle.\n\nEnd.\n",
        "First draft",
    );
    git(dir, &["checkout", "-q", "-b", "side"]);
    let example = "Scope.\n\nMiddle.\n\nEnd.\n\nAn example.\n";
    commit(dir, "draft.txt", example, "Side: add an example");
    git(dir, &["checkout", "-q", "main"]);
    let scope = "Whole scope.\n\nMiddle.\n\nEnd.\n";
    commit(dir, "draft.txt", scope, "Main: widen the scope");
    git(
        dir,
        &["merge", "-q", "--no-ff", "-m", "Merge the example", "side"],
    );
    let path = dir.join("draft.txt");
    let versions = git_versions(path.to_str().unwrap(), None, &ReadOptions::new()).unwrap();
    let subjects: Vec<&str> = versions.iter().map(|v| v.subject.as_str()).collect();
    assert_eq!(
        subjects,
        ["First draft", "Main: widen the scope", "Merge the example"]
    );
    assert_eq!(
        versions[2].text,
        "Whole scope.\n\nMiddle.\n\nEnd.\n\nAn example.\n"
    );
}

fn is_iso_8601(date: &str) -> bool {
    let b = date.as_bytes();
    b.len() >= 20
        && b[4] == b'-'
        && b[7] == b'-'
        && b[10] == b'T'
        && b[13] == b':'
        && b[16] == b':'
        && (date.ends_with('Z') || b[19] == b'+' || b[19] == b'-')
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
    // The file as it stood at HEAD~2 (an unrelated commit): still the first draft, and
    // labelled with the commit that wrote it, not with the unrelated one (issue 13).
    assert_eq!(
        subjects,
        [
            "First draft",
            "Cut the second paragraph",
            "Add a closing paragraph"
        ]
    );
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
        versions[2]["label"]
            .as_str()
            .unwrap()
            .ends_with("Add a closing paragraph")
    );
    // Commit, date, author and subject as separate fields; `path` is the file.
    assert_eq!(versions[2]["path"], path);
    assert_eq!(versions[2]["subject"], "Add a closing paragraph");
    assert_eq!(versions[2]["author"], "Test");
    assert_eq!(versions[2]["commit"].as_str().map(str::len), Some(40));
    assert!(is_iso_8601(versions[2]["date"].as_str().unwrap()));
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

fn draftdiff() -> Cmd {
    Cmd::cargo_bin("draftdiff").unwrap()
}

fn report(args: &[&str]) -> serde_json::Value {
    let out = draftdiff()
        .args(args)
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.code() != Some(2), "{out:?}");
    serde_json::from_slice(&out.stdout).unwrap()
}

fn texts(doc: &serde_json::Value) -> Vec<&str> {
    doc["units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["text"].as_str().unwrap())
        .collect()
}

#[test]
fn uncommitted_changes_are_the_newest_version() {
    let tmp = repo();
    let path = tmp.path().join("draft.txt");
    std::fs::write(&path, "The scope of the whole study, revised.\n").unwrap();
    let versions = git_versions(path.to_str().unwrap(), None, &ReadOptions::new()).unwrap();
    assert_eq!(versions.len(), 4);
    let tree = &versions[3];
    assert_eq!(tree.label(), "not committed yet");
    assert_eq!((tree.commit.as_deref(), tree.date.as_deref()), (None, None));
    assert!(tree.text.contains("revised"));

    let out = draftdiff()
        .args(["log", "--format", "json", "--git"])
        .arg(&path)
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let last = &json["versions"][3];
    assert_eq!(last["label"], "not committed yet");
    assert_eq!(last["subject"], "not committed yet");
    assert!(last["commit"].is_null() && last["author"].is_null() && last["date"].is_null());

    // Line endings converted on checkout are not a change.
    std::fs::write(
        &path,
        "The scope of the whole study.\r\n\r\nA new closing paragraph.\r\n",
    )
    .unwrap();
    let versions = git_versions(path.to_str().unwrap(), None, &ReadOptions::new()).unwrap();
    assert_eq!(versions.len(), 3);

    // A range names exactly the commits wanted: no working tree.
    let ranged = git_versions(
        path.to_str().unwrap(),
        Some("HEAD~1..HEAD"),
        &ReadOptions::new(),
    )
    .unwrap();
    assert!(ranged.iter().all(|v| v.commit.is_some()));
}

#[test]
fn two_revisions_are_compared_pairwise() {
    let tmp = repo();
    let path = tmp.path().join("draft.txt");
    let path = path.to_str().unwrap();
    // HEAD~3 is the first draft, HEAD~2 an unrelated commit, HEAD the closing paragraph.
    let pair = report(&["--git", "HEAD~3", "HEAD", path]);
    assert!(
        pair["old"]["path"]
            .as_str()
            .unwrap()
            .ends_with(" First draft")
    );
    assert!(
        pair["new"]["path"]
            .as_str()
            .unwrap()
            .ends_with(" Add a closing paragraph")
    );
    assert_eq!(
        texts(&pair["old"]),
        ["The scope of the study.", "A paragraph to be cut."]
    );
    assert_eq!(
        texts(&pair["new"]),
        ["The scope of the whole study.", "A new closing paragraph."]
    );
    // REV1..REV2 means exactly those two revisions, whatever lies between.
    assert_eq!(report(&["--git", "HEAD~3..HEAD", path]), pair);
    // A revision that did not touch the file is labelled with itself: it was asked for.
    let unrelated = report(&["--git", "HEAD~2..HEAD~1", path]);
    assert!(
        unrelated["old"]["path"]
            .as_str()
            .unwrap()
            .ends_with(" Unrelated file")
    );
    assert_eq!(texts(&unrelated["old"]), texts(&pair["old"]));
}

#[test]
fn a_revision_against_the_working_tree() {
    let tmp = repo();
    let path = tmp.path().join("draft.txt");
    // Clean: the last commit and the working tree are the same.
    draftdiff().args(["--git"]).arg(&path).assert().code(0);
    std::fs::write(&path, "The scope of the whole study.\n").unwrap();
    let json = report(&["--git", path.to_str().unwrap()]);
    assert_eq!(json["new"]["path"], "not committed yet");
    assert!(
        json["old"]["path"]
            .as_str()
            .unwrap()
            .ends_with(" Add a closing paragraph")
    );
    assert_eq!(json["removed"], serde_json::json!([1]));
    let json = report(&["--git", "HEAD~3", path.to_str().unwrap()]);
    assert!(
        json["old"]["path"]
            .as_str()
            .unwrap()
            .ends_with(" First draft")
    );
    assert_eq!(json["new"]["path"], "not committed yet");
}

#[test]
fn bad_revisions_are_clear_errors() {
    let tmp = repo();
    let path = tmp.path().join("draft.txt");
    let path = path.to_str().unwrap();
    for args in [
        vec!["--git", "nope", "HEAD", path],
        vec!["--git", "HEAD~3...HEAD", path],
        vec!["--git", "--", "HEAD", path],
    ] {
        let out = draftdiff().args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}: {out:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.starts_with("draftdiff: ") || err.contains("error:"),
            "{err}"
        );
        assert!(!err.contains("panicked"), "{err}");
    }
    // The file did not exist yet in that revision.
    std::fs::write(tmp.path().join("late.txt"), "Late.\n").unwrap();
    git(tmp.path(), &["add", "late.txt"]);
    git(tmp.path(), &["commit", "-q", "-m", "Late file"]);
    let late = tmp.path().join("late.txt");
    let out = draftdiff()
        .args(["--git", "HEAD~1", "HEAD"])
        .arg(&late)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("late.txt: is not in revision HEAD~1"), "{err}");
}
