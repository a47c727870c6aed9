//! draftdiff as git's external diff: `GIT_EXTERNAL_DIFF=draftdiff git diff`, `git -c
//! diff.external=draftdiff diff`, and a `.gitattributes` diff driver, in a repository made
//! by the test in a temporary directory.

#[path = "support/git.rs"]
mod support_git;
use support_git::{commit, git};

use std::path::Path;
use std::process::{Command, Output};

const DRAFTDIFF: &str = env!("CARGO_BIN_EXE_draftdiff");

/// A repository with one committed draft, reworded and extended in the working tree.
fn repo() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path();
    git(dir, &["init", "-q"]);
    commit(
        dir,
        "draft.txt",
        "1. The scope of the study.\n\n2. A paragraph to be cut.\n",
        "First draft",
    );
    std::fs::write(
        dir.join("draft.txt"),
        "1. The scope of the whole study.\n\n2. A new closing paragraph.\n",
    )
    .unwrap();
    tmp
}

/// Runs `git ARGS…` in `dir` with `env` set, as a user would (no pager, no colour).
fn git_out(dir: &Path, env: &[(&str, &str)], args: &[&str]) -> Output {
    let mut cmd = Command::new("git");
    cmd.arg("-C")
        .arg(dir)
        .args(["-c", "core.pager=cat", "-c", "color.ui=never"])
        .args(args)
        .env_remove("GIT_EXTERNAL_DIFF")
        .env("NO_COLOR", "1");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("git runs")
}

fn stdout(out: &Output) -> String {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

/// The report of draftdiff, not git's own line diff: labels `a/…`, `b/…`, word markers.
fn assert_report(text: &str) {
    assert!(
        text.contains("draftdiff a/draft.txt → b/draft.txt"),
        "{text}"
    );
    assert!(text.contains("The scope of the {+whole+} study."), "{text}");
    assert!(text.contains("to be cut"), "{text}");
    assert!(!text.contains("@@"), "git's own diff ran: {text}");
}

#[test]
fn git_external_diff_runs_draftdiff() {
    let tmp = repo();
    let out = git_out(tmp.path(), &[("GIT_EXTERNAL_DIFF", DRAFTDIFF)], &["diff"]);
    assert_report(&stdout(&out));
}

#[test]
fn diff_external_config_runs_draftdiff() {
    let tmp = repo();
    let external = format!("diff.external={DRAFTDIFF}");
    let out = git_out(tmp.path(), &[], &["-c", &external, "diff"]);
    assert_report(&stdout(&out));
}

#[test]
fn a_gitattributes_driver_gets_the_same_call() {
    let tmp = repo();
    let dir = tmp.path();
    std::fs::write(dir.join(".gitattributes"), "*.txt diff=draftdiff\n").unwrap();
    git(dir, &["config", "diff.draftdiff.command", DRAFTDIFF]);
    let out = git_out(dir, &[], &["diff", "--", "draft.txt"]);
    assert_report(&stdout(&out));
}

#[test]
fn added_deleted_and_renamed_files() {
    let tmp = repo();
    let dir = tmp.path();
    git(dir, &["add", "draft.txt"]);
    git(dir, &["commit", "-q", "-m", "Second draft"]);
    std::fs::write(dir.join("notes.txt"), "A note.\n").unwrap();
    git(dir, &["add", "notes.txt"]);
    git(dir, &["mv", "draft.txt", "final.txt"]);
    let env = [("GIT_EXTERNAL_DIFF", DRAFTDIFF)];
    let text = stdout(&git_out(dir, &env, &["diff", "--cached", "-M"]));
    // A renamed file: old name on the old side, new name on the new side (nine arguments);
    // its text is the same, which the report says in one line.
    assert!(
        text.contains("a/draft.txt and b/final.txt have the same 2 units"),
        "{text}"
    );
    // An added file: git passes /dev/null for the old side.
    assert!(text.contains("draftdiff /dev/null → b/notes.txt"), "{text}");
    assert!(text.contains("A note."), "{text}");
    git(dir, &["commit", "-q", "-m", "Rename, add notes"]);
    git(dir, &["rm", "-q", "notes.txt"]);
    let text = stdout(&git_out(dir, &env, &["diff", "--cached"]));
    assert!(text.contains("draftdiff a/notes.txt → /dev/null"), "{text}");
}

#[test]
fn differences_do_not_stop_git_but_trouble_does() {
    let tmp = repo();
    let dir = tmp.path();
    // Two changed files: git goes on to the second, so the first exit status was 0.
    commit(dir, "other.txt", "One.\n", "Other");
    std::fs::write(dir.join("other.txt"), "Two.\n").unwrap();
    let env = [("GIT_EXTERNAL_DIFF", DRAFTDIFF)];
    let text = stdout(&git_out(dir, &env, &["diff"]));
    assert_report(&text);
    assert!(text.contains("b/other.txt"), "{text}");
    // `--exit-code` still reports the difference: git decides it, not the program.
    let out = git_out(dir, &env, &["diff", "--exit-code"]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    // A binary file is said to differ, as git says it, without stopping git.
    std::fs::write(dir.join("blob.txt"), b"\x00\x01binary\x00").unwrap();
    git(dir, &["add", "blob.txt"]);
    let text = stdout(&git_out(dir, &env, &["diff", "--cached"]));
    assert!(
        text.contains("Binary files /dev/null and b/blob.txt differ"),
        "{text}"
    );
}

#[test]
fn an_unmerged_path_is_named() {
    // Git's one-argument call, as it makes it (GIT_DIFF_PATH_COUNTER set).
    let out = Command::new(DRAFTDIFF)
        .arg("draft.txt")
        .env("GIT_DIFF_PATH_COUNTER", "1")
        .env("GIT_DIFF_PATH_TOTAL", "1")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "* Unmerged path draft.txt\n"
    );
}

#[test]
fn an_unreadable_side_is_an_error_naming_it() {
    let hex = "0123456789abcdef0123456789abcdef01234567";
    let out = Command::new(DRAFTDIFF)
        .args([
            "draft.txt",
            "/nonexistent/old.txt",
            hex,
            "100644",
            "/nonexistent/new.txt",
            hex,
            "100644",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("/nonexistent/old.txt"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}
