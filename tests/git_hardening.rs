//! `--git` on hostile repositories: file names git quotes, binary commits, renames, a
//! repository-configured command, a directory, and `-o` naming the working-tree file.
//! Each test builds its own repository in a temporary directory.

#[path = "support/git.rs"]
mod support_git;
use support_git::{commit, git};

use std::path::Path;
use std::process::Command;

use assert_cmd::Command as Cmd;
use predicates::str::contains;

fn repo() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("temp dir");
    git(tmp.path(), &["init", "-q"]);
    tmp
}

fn draftdiff() -> Cmd {
    let mut cmd = Cmd::cargo_bin("draftdiff").expect("binary built");
    cmd.env_remove("NO_COLOR").env_remove("CLICOLOR_FORCE");
    cmd
}

/// The labels (`short subject`) of the versions `blame --git PATH` read, in order.
fn blame_labels(path: &Path) -> Vec<String> {
    let out = draftdiff()
        .args(["blame", "--format", "json", "--git"])
        .arg(path)
        .output()
        .expect("runs");
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{path:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    json["versions"]
        .as_array()
        .expect("versions")
        .iter()
        .map(|v| {
            let label = v["label"].as_str().expect("label");
            // `short subject`: keep the subject.
            label.split_once(' ').map_or(label, |(_, s)| s).to_string()
        })
        .collect()
}

#[test]
fn git_quoted_file_names_work() {
    let tmp = repo();
    let dir = tmp.path();
    for name in [
        "é.txt",
        "草稿.txt",
        "tab\there.txt",
        "quote\"d.txt",
        "new\nline.txt",
        "back\\slash.txt",
    ] {
        // Each file its own text, or `--follow` may take one for a copy of another.
        let text = format!("The file {name:?}.\n");
        commit(dir, name, text.as_bytes(), "one");
        commit(dir, name, format!("{text}\nSecond.\n").as_bytes(), "two");
        assert_eq!(blame_labels(&dir.join(name)), ["one", "two"], "{name:?}");
    }
}

/// Pathspec magic in a file name is not magic: `[ab].txt` names that file, not `a.txt`.
#[test]
fn git_wildcard_file_names_are_literal() {
    let tmp = repo();
    let dir = tmp.path();
    commit(dir, "a.txt", b"Not this one.\n", "a");
    commit(dir, "[ab].txt", b"This one.\n", "brackets");
    commit(dir, "*", b"A star.\n", "star");
    commit(dir, ":(glob)x", b"Magic.\n", "magic");
    assert_eq!(blame_labels(&dir.join("[ab].txt")), ["brackets"]);
    assert_eq!(blame_labels(&dir.join("*")), ["star"]);
    assert_eq!(blame_labels(&dir.join(":(glob)x")), ["magic"]);
}

#[test]
fn git_binary_commit_is_skipped_with_a_note() {
    let tmp = repo();
    let dir = tmp.path();
    commit(dir, "draft.txt", b"The scope.\n", "text one");
    commit(dir, "draft.txt", b"\x00\x01binary\x00", "binary");
    commit(dir, "draft.txt", b"The scope.\n\nMore.\n", "text two");
    let path = dir.join("draft.txt");
    let out = draftdiff()
        .args(["blame", "--format", "json", "--git"])
        .arg(&path)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("skipped"), "{stderr}");
    assert!(stderr.contains("binary"), "{stderr}");
    assert_eq!(blame_labels(&path), ["text one", "text two"]);

    // The library says which commit it skipped and why.
    let history =
        draftdiff::lineage::git_history(&path, None, &draftdiff::ReadOptions::new()).unwrap();
    assert_eq!(history.versions.len(), 2);
    assert_eq!(history.skipped.len(), 1);
    assert_eq!(history.skipped[0].subject, "binary");
    assert!(matches!(
        history.skipped[0].reason,
        draftdiff::Error::Binary { .. }
    ));
}

#[test]
fn git_follows_renames() {
    let tmp = repo();
    let dir = tmp.path();
    commit(dir, "old name.txt", b"The scope.\n", "first");
    git(dir, &["mv", "old name.txt", "new name.txt"]);
    git(dir, &["commit", "-q", "-m", "rename"]);
    commit(dir, "new name.txt", b"The scope.\n\nMore.\n", "after");
    assert_eq!(
        blame_labels(&dir.join("new name.txt")),
        ["first", "rename", "after"]
    );
    // A range starting before the rename reads the file under its old name there.
    let out = draftdiff()
        .args(["blame", "--format", "json", "--git", "HEAD~2..HEAD"])
        .arg(dir.join("new name.txt"))
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(json["versions"].as_array().expect("versions").len(), 3);
    // Two revisions compared pairwise: the older one under the name it had then.
    for args in [["HEAD~2", "HEAD"], ["HEAD~2..HEAD", ""]] {
        let out = draftdiff()
            .args(["--format", "json", "--git"])
            .args(args.iter().filter(|a| !a.is_empty()))
            .arg(dir.join("new name.txt"))
            .output()
            .expect("runs");
        assert_eq!(out.status.code(), Some(0), "{args:?}: {out:?}");
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
        assert_eq!(json["old"]["units"][0]["text"], "The scope.");
        assert_eq!(json["new"]["units"][1]["text"], "More.");
    }
}

#[cfg(unix)]
#[test]
fn git_fsmonitor_is_not_run() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = repo();
    let dir = tmp.path();
    commit(dir, "draft.txt", b"The scope.\n", "one");
    commit(dir, "draft.txt", b"The scope.\n\nMore.\n", "two");
    let marker = dir.join("MARKER");
    let script = dir.join("hook.sh");
    std::fs::write(
        &script,
        format!("#!/bin/sh\ntouch '{}'\nexit 1\n", marker.display()),
    )
    .expect("write");
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let script = script.to_str().expect("utf-8 path");
    // Every repository-configured command a read could reach.
    git(dir, &["config", "core.fsmonitor", script]);
    git(dir, &["config", "core.pager", script]);
    git(dir, &["config", "diff.external", script]);
    git(dir, &["config", "log.showSignature", "true"]);
    git(dir, &["config", "gpg.program", script]);
    git(dir, &["config", "diff.txt.textconv", script]);
    std::fs::write(dir.join(".gitattributes"), "*.txt diff=txt\n").expect("write");
    // Git itself runs the monitor (so the test can see it).
    Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["ls-files"])
        .output()
        .expect("git runs");
    assert!(marker.exists(), "this git does not run core.fsmonitor");
    std::fs::remove_file(&marker).expect("remove");

    assert_eq!(blame_labels(&dir.join("draft.txt")), ["one", "two"]);
    assert!(!marker.exists(), "a repository-configured command ran");
}

#[test]
fn git_dir_is_an_error() {
    let tmp = repo();
    let dir = tmp.path();
    std::fs::create_dir(dir.join("chapter")).expect("mkdir");
    commit(dir, "chapter/only.txt", b"The scope.\n", "one");
    draftdiff()
        .args(["log", "--git"])
        .arg(dir.join("chapter"))
        .assert()
        .code(2)
        .stderr(contains("chapter"))
        .stderr(contains("directory"));
}

#[test]
fn git_path_is_guarded_against_o() {
    let tmp = repo();
    let dir = tmp.path();
    commit(dir, "draft.txt", b"The scope.\n", "one");
    commit(dir, "draft.txt", b"The scope.\n\nMore.\n", "two");
    let path = dir.join("draft.txt");
    // Uncommitted work in the working tree: what `-o` must not destroy.
    std::fs::write(&path, "Work in progress.\n").expect("write");
    let symlink = dir.join("link.txt");
    let hard = dir.join("hard.txt");
    std::fs::hard_link(&path, &hard).expect("hard link");
    #[cfg(unix)]
    std::os::unix::fs::symlink(&path, &symlink).expect("symlink");
    let spelled = dir.join(".").join("draft.txt");
    let mut targets = vec![path.clone(), spelled, hard];
    if cfg!(unix) {
        targets.push(symlink);
    }
    for target in targets {
        for command in ["log", "blame"] {
            draftdiff()
                .args([command, "--git"])
                .arg(&path)
                .arg("-o")
                .arg(&target)
                .assert()
                .code(2)
                .stderr(contains("input"));
            assert_eq!(
                std::fs::read_to_string(&path).expect("read"),
                "Work in progress.\n",
                "{target:?}"
            );
        }
    }
}
