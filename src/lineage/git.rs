//! Versions of a file from git history, by calling the `git` binary.
//!
//! `git log --reverse` lists the commits that touched the file (oldest first, optionally within
//! a range `REV1..REV2`), and `git show COMMIT:PATH` gives its text at each. With a range, the
//! file as it stood at `REV1` comes first, so the chain starts from the version the range
//! starts from (as `git diff REV1..REV2` does). Commits in which the file does not exist (it
//! was deleted) are skipped. Renames are not followed.

use std::path::Path;
use std::process::Command;

use crate::error::{Error, Result};
use crate::read::{ReadOptions, decode};

/// One committed version of a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GitVersion {
    /// The full commit hash.
    pub commit: String,
    /// The abbreviated commit hash.
    pub short: String,
    /// The first line of the commit message.
    pub subject: String,
    /// The file's text at that commit.
    pub text: String,
}

impl GitVersion {
    /// A label for people: short hash and subject, e.g. `3f2a9c1 Tighten the scope`.
    pub fn label(&self) -> String {
        if self.subject.is_empty() {
            self.short.clone()
        } else {
            format!("{} {}", self.short, self.subject)
        }
    }
}

/// Every committed version of the file at `path`, oldest first; with `range` (`REV1..REV2`),
/// the file as it stood at `REV1`, then the commits of the range that changed it.
///
/// Errors name the file: git not installed, not a repository, the file not tracked, a bad
/// range, or no commit touching the file.
pub fn git_versions(
    path: &str,
    range: Option<&str>,
    read: &ReadOptions,
) -> Result<Vec<GitVersion>> {
    let file = Path::new(path);
    let dir = match file.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = file
        .file_name()
        .and_then(|n| n.to_str())
        .ok_or_else(|| input(path, "is not a file name".into()))?;
    let tracked = git(path, dir, &["ls-files", "--full-name", "--", name])?;
    let full = String::from_utf8_lossy(&tracked).trim().to_string();
    if full.is_empty() || full.contains('\n') {
        return Err(input(path, "is not tracked by git".into()));
    }
    let mut args = vec!["log", "--reverse", "--format=%H%x1f%h%x1f%s"];
    if let Some(range) = range {
        if range.starts_with('-') {
            return Err(input(path, format!("`{range}` is not a revision range")));
        }
        args.push(range);
    }
    args.extend(["--", name]);
    let log = git(path, dir, &args)?;
    let log = String::from_utf8_lossy(&log);
    let mut lines: Vec<String> = Vec::new();
    if let Some((base, _)) = range.and_then(|r| r.split_once("..")) {
        if !base.is_empty() && !base.ends_with('.') {
            let head = git(
                path,
                dir,
                &["log", "-1", "--format=%H%x1f%h%x1f%s", base, "--"],
            )?;
            lines.push(String::from_utf8_lossy(&head).trim_end().to_string());
        }
    }
    lines.extend(log.lines().map(str::to_string));
    let mut versions = Vec::new();
    for (commit, short, subject) in lines.iter().filter_map(|l| parse_log_line(l)) {
        let spec = format!("{commit}:{full}");
        let Ok(bytes) = git(path, dir, &["show", &spec]) else {
            continue;
        };
        let label = format!("{path}@{short}");
        versions.push(GitVersion {
            commit: commit.to_string(),
            short: short.to_string(),
            subject: subject.to_string(),
            text: decode(&label, &bytes, read)?,
        });
    }
    if versions.is_empty() {
        let what = range.map_or(String::new(), |r| format!(" in {r}"));
        return Err(input(path, format!("no committed version{what}")));
    }
    Ok(versions)
}

/// One line of `git log --format=%H%x1f%h%x1f%s`: the full hash, the short hash and the
/// subject (empty when the line has two fields only); `None` for any other line.
pub(crate) fn parse_log_line(line: &str) -> Option<(&str, &str, &str)> {
    if line.is_empty() {
        return None;
    }
    let mut fields = line.splitn(3, '\u{1f}');
    let (Some(commit), Some(short), subject) = (fields.next(), fields.next(), fields.next()) else {
        return None;
    };
    Some((commit, short, subject.unwrap_or("")))
}

/// The fuzz target `git_log` (in `fuzz/`) drives [`parse_log_line`] through this: every line
/// of a `git log` output. Built only under `cfg(fuzzing)` (set by `cargo fuzz`), so it is
/// not part of the library's API.
#[cfg(fuzzing)]
#[doc(hidden)]
pub fn fuzz_parse_log(log: &str) -> Vec<(&str, &str, &str)> {
    log.lines().filter_map(parse_log_line).collect()
}

fn input(path: &str, message: String) -> Error {
    Error::Input {
        path: path.to_string(),
        message,
    }
}

/// Runs `git -C dir ARGS` and returns its standard output, or an error naming `path`.
fn git(path: &str, dir: &Path, args: &[&str]) -> Result<Vec<u8>> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .env("GIT_TERMINAL_PROMPT", "0")
        .output()
        .map_err(|e| {
            if e.kind() == std::io::ErrorKind::NotFound {
                input(
                    path,
                    "cannot read versions from git: the `git` program was not found on PATH".into(),
                )
            } else {
                input(path, format!("cannot run git: {e}"))
            }
        })?;
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr);
        let first = err.lines().next().unwrap_or("").trim();
        let first = first.strip_prefix("fatal: ").unwrap_or(first);
        return Err(input(path, format!("git {}: {first}", args[0])));
    }
    Ok(out.stdout)
}
