//! A git repository made by a test: `git` run in a directory with a fixed identity, no
//! signing and `main` as the first branch, failing the test when git fails.

use std::path::Path;
use std::process::Command;

/// Runs `git -C dir ARGS…` and fails the test if git fails.
pub fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["-c", "user.name=Test", "-c", "user.email=test@example.com"])
        .args([
            "-c",
            "commit.gpgsign=false",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Writes `contents` to `dir/file`, adds it (a literal path, whatever its characters) and
/// commits it with `message`.
#[allow(dead_code)] // Not every test that includes this module commits files.
pub fn commit(dir: &Path, file: &str, contents: impl AsRef<[u8]>, message: &str) {
    std::fs::write(dir.join(file), contents).expect("write");
    git(dir, &["--literal-pathspecs", "add", "--", file]);
    git(dir, &["commit", "-q", "-m", message]);
}
