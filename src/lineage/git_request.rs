//! What is asked of git, parsed into types: the two revisions of a pairwise compare
//! ([`GitPair`], `draftdiff --git …`), and git calling a program as its external diff
//! ([`ExternalDiff`], `GIT_EXTERNAL_DIFF`).
//!
//! Both are plain parsing of arguments, with no process state read: a program that wraps
//! draftdiff (an editor plugin, a review bot, a `diff.<driver>.command`) gets the same
//! meanings as the draftdiff binary without re-implementing git's conventions.

use std::ffi::OsString;
use std::path::Path;

use crate::error::{Error, Result};
use crate::lineage::{GitVersion, git_version};
use crate::read::ReadOptions;

/// The two versions of one file to compare, as `git diff` names them: `FILE` (the last
/// commit against the working tree), `REV FILE` (REV against the working tree),
/// `REV1 REV2 FILE` or `REV1..REV2 FILE` (exactly those two revisions; an empty side of `..`
/// is `HEAD`, as in git).
///
/// ```
/// use draftdiff::lineage::GitPair;
///
/// let pair = GitPair::parse(&["v1..", "draft.txt"]).unwrap();
/// assert_eq!(pair.old, "v1");
/// assert_eq!(pair.new.as_deref(), Some("HEAD"));
/// assert_eq!(GitPair::parse(&["draft.txt"]).unwrap().new, None);
/// assert!(GitPair::parse(&["v1...v2", "draft.txt"]).is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GitPair {
    /// The old revision.
    pub old: String,
    /// The new revision; `None` for the working tree.
    pub new: Option<String>,
    /// The file, as the user named it.
    pub path: String,
}

impl GitPair {
    /// The pair `values` name (one to three values, the file last). Errors name the file:
    /// `REV1...REV2` (git's merge-base form, which is no pair of versions of one file), or
    /// no value or more than three.
    pub fn parse(values: &[impl AsRef<str>]) -> Result<GitPair> {
        let values: Vec<&str> = values.iter().map(AsRef::as_ref).collect();
        let pair = |old: &str, new: Option<&str>, path: &str| GitPair {
            old: old.to_string(),
            new: new.map(str::to_string),
            path: path.to_string(),
        };
        match values.as_slice() {
            [path] => Ok(pair("HEAD", None, path)),
            [rev, path] => match rev.split_once("..") {
                Some((_, new)) if new.starts_with('.') => Err(Error::Input {
                    path: path.to_string(),
                    message: format!(
                        "`{rev}`: give the two revisions to compare (REV1 REV2 or REV1..REV2); \
                         REV1...REV2 is not supported"
                    ),
                }),
                Some((old, new)) => Ok(pair(or_head(old), Some(or_head(new)), path)),
                None => Ok(pair(rev, None, path)),
            },
            [old, new, path] => Ok(pair(old, Some(new), path)),
            _ => Err(Error::Input {
                path: values.last().unwrap_or(&"--git").to_string(),
                message: "give FILE, REV FILE, REV1 REV2 FILE or REV1..REV2 FILE".into(),
            }),
        }
    }

    /// Reads both versions ([`git_version`]): each labelled with its commit (short hash and
    /// subject, [`GitVersion::label`]) or as the working tree, with the commit's date.
    pub fn load(&self, read: &ReadOptions) -> Result<(GitVersion, GitVersion)> {
        let old = git_version(&self.path, Some(&self.old), read)?;
        let new = git_version(&self.path, self.new.as_deref(), read)?;
        Ok((old, new))
    }
}

fn or_head(rev: &str) -> &str {
    if rev.is_empty() { "HEAD" } else { rev }
}

/// How git calls a program as its external diff (`GIT_EXTERNAL_DIFF`, `diff.external`, or a
/// `diff.<driver>.command` chosen by `.gitattributes`): once per changed file, with seven
/// arguments, `path old-file old-hex old-mode new-file new-hex new-mode`; nine for a rename
/// (then the new path and git's rename message); one, the path, for an unmerged file. A side
/// that does not exist (an added or deleted file) is [`ExternalDiff::NO_FILE`] with hex and
/// mode `.`.
///
/// ```
/// use draftdiff::lineage::ExternalDiff;
///
/// let hex = "0123456789abcdef0123456789abcdef01234567";
/// let args = ["d.txt", "/tmp/old", hex, "100644", "d.txt", hex, "100644"];
/// let call = ExternalDiff::parse(&args, false).unwrap();
/// assert_eq!(call.labels(), Some(("a/d.txt".into(), "b/d.txt".into())));
/// // An ordinary command line is no call from git.
/// assert_eq!(ExternalDiff::parse(&["old.txt", "new.txt"], true), None);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExternalDiff {
    /// Two versions of one file (or a renamed file).
    Pair {
        /// The path in the repository (the old name, for a rename).
        old_path: OsString,
        /// The new path: the same as `old_path` unless the file was renamed.
        new_path: OsString,
        /// A file holding the old version, or [`NO_FILE`](Self::NO_FILE) if the file is new.
        old_file: OsString,
        /// A file holding the new version, or [`NO_FILE`](Self::NO_FILE) if the file was
        /// deleted.
        new_file: OsString,
    },
    /// A path with merge conflicts: git passes only the path.
    Unmerged {
        /// The path in the repository.
        path: OsString,
    },
}

impl ExternalDiff {
    /// The side git passes for a file that does not exist on that side.
    pub const NO_FILE: &str = "/dev/null";

    /// `args` (without the program name) as git's external-diff call, or `None` for an
    /// ordinary command line. Seven or nine arguments are recognised by their hashes and
    /// modes (hex or `.`, octal or `.`); a lone path only when git says it runs an external
    /// diff (`counter_set`: `GIT_DIFF_PATH_COUNTER` is set, as git sets it for every
    /// external diff), and never one that starts with `-`.
    pub fn parse(args: &[impl AsRef<std::ffi::OsStr>], counter_set: bool) -> Option<ExternalDiff> {
        let args: Vec<&std::ffi::OsStr> = args.iter().map(AsRef::as_ref).collect();
        let hex = |s: &std::ffi::OsStr| {
            let s = s.to_string_lossy();
            s == "." || (s.len() >= 40 && s.bytes().all(|b| b.is_ascii_hexdigit()))
        };
        let mode = |s: &std::ffi::OsStr| {
            let s = s.to_string_lossy();
            s == "." || (s.len() == 6 && s.bytes().all(|b| (b'0'..=b'7').contains(&b)))
        };
        match args.as_slice() {
            [
                path,
                old_file,
                old_hex,
                old_mode,
                new_file,
                new_hex,
                new_mode,
                rest @ ..,
            ] if hex(old_hex)
                && mode(old_mode)
                && hex(new_hex)
                && mode(new_mode)
                && matches!(rest.len(), 0 | 2) =>
            {
                Some(ExternalDiff::Pair {
                    old_path: path.into(),
                    new_path: rest.first().unwrap_or(path).into(),
                    old_file: old_file.into(),
                    new_file: new_file.into(),
                })
            }
            [path] if counter_set && !path.to_string_lossy().starts_with('-') => {
                Some(ExternalDiff::Unmerged { path: path.into() })
            }
            _ => None,
        }
    }

    /// The names git gives the two sides in its own diffs: `a/PATH` and `b/PATH` (the new
    /// path for a rename), or [`NO_FILE`](Self::NO_FILE) for a side that does not exist;
    /// `None` for an unmerged path.
    pub fn labels(&self) -> Option<(String, String)> {
        let ExternalDiff::Pair {
            old_path,
            new_path,
            old_file,
            new_file,
        } = self
        else {
            return None;
        };
        let label = |prefix: &str, file: &OsString, path: &OsString| {
            if Path::new(file) == Path::new(Self::NO_FILE) {
                Self::NO_FILE.to_string()
            } else {
                format!("{prefix}{}", path.to_string_lossy())
            }
        };
        Some((
            label("a/", old_file, old_path),
            label("b/", new_file, new_path),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn git_calls_are_told_from_command_lines() {
        let hex = "0123456789abcdef0123456789abcdef01234567";
        let seven = ["d.txt", "/tmp/x", hex, "100644", "d.txt", hex, "100644"];
        assert!(matches!(
            ExternalDiff::parse(&seven, false),
            Some(ExternalDiff::Pair { .. })
        ));
        let added = ["d.txt", "/dev/null", ".", ".", "d.txt", hex, "100644"];
        let call = ExternalDiff::parse(&added, true).expect("an added file is a pair");
        assert_eq!(
            call.labels(),
            Some(("/dev/null".to_string(), "b/d.txt".to_string()))
        );
        let renamed = [
            "a.txt",
            "/tmp/x",
            hex,
            "100644",
            "/tmp/y",
            hex,
            "100644",
            "b.txt",
            "similarity",
        ];
        let call = ExternalDiff::parse(&renamed, true).expect("a rename is a pair");
        assert_eq!(
            call.labels(),
            Some(("a/a.txt".to_string(), "b/b.txt".to_string()))
        );
        assert_eq!(
            ExternalDiff::parse(&["d.txt"], true),
            Some(ExternalDiff::Unmerged {
                path: "d.txt".into()
            })
        );
        assert_eq!(ExternalDiff::Unmerged { path: "d".into() }.labels(), None);
        // Ordinary command lines.
        assert_eq!(ExternalDiff::parse(&["d.txt"], false), None);
        assert_eq!(ExternalDiff::parse(&["old.txt", "new.txt"], true), None);
        assert_eq!(ExternalDiff::parse(&["--version"], true), None);
        let seven_files = ["a", "b", "c", "d", "e", "f", "g"];
        assert_eq!(ExternalDiff::parse(&seven_files, true), None);
        // Eight arguments: a rename has two more, not one.
        let eight = [
            "d.txt", "/tmp/x", hex, "100644", "d.txt", hex, "100644", "x",
        ];
        assert_eq!(ExternalDiff::parse(&eight, true), None);
    }

    #[test]
    fn git_pairs_mean_what_they_mean_to_git_diff() {
        let parse = |values: &[&str]| GitPair::parse(values).unwrap();
        let pair = |old: &str, new: Option<&str>| GitPair {
            old: old.into(),
            new: new.map(Into::into),
            path: "f.txt".into(),
        };
        assert_eq!(parse(&["f.txt"]), pair("HEAD", None));
        assert_eq!(parse(&["v1", "f.txt"]), pair("v1", None));
        assert_eq!(parse(&["v1", "v2", "f.txt"]), pair("v1", Some("v2")));
        assert_eq!(parse(&["v1..v2", "f.txt"]), pair("v1", Some("v2")));
        assert_eq!(parse(&["..v2", "f.txt"]), pair("HEAD", Some("v2")));
        assert_eq!(parse(&["v1..", "f.txt"]), pair("v1", Some("HEAD")));
        let Err(Error::Input { path, message }) = GitPair::parse(&["v1...v2", "f.txt"]) else {
            panic!("REV1...REV2 is refused");
        };
        assert_eq!(path, "f.txt");
        assert!(
            message.contains("REV1...REV2 is not supported"),
            "{message}"
        );
        assert!(GitPair::parse(&[] as &[&str]).is_err());
        assert!(GitPair::parse(&["a", "b", "c", "d"]).is_err());
    }
}
