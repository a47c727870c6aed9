//! git as a source: draftdiff called by git as its external diff, and the two versions of
//! `draftdiff --git …` for a pairwise compare.
//!
//! `GIT_EXTERNAL_DIFF=draftdiff git diff` (or `git -c diff.external=draftdiff diff`, or a
//! `diff.<driver>.command` chosen by `.gitattributes`) runs draftdiff once per changed file
//! with seven arguments, `path old-file old-hex old-mode new-file new-hex new-mode`; nine for
//! a rename (then the new path and git's rename message); one, the path, for an unmerged
//! file. A side that does not exist (an added or deleted file) is `/dev/null` with hex and
//! mode `.`. [`detect`] recognises the call by the shape of the arguments, before clap sees
//! them; [`run`] prints the report of the two files labelled `a/PATH` and `b/PATH`, as git
//! labels its own diffs, and exits 0 when they differ: git stops at the first external diff
//! that exits non-zero, so 1 for "different" would end `git diff` after one file.

use std::ffi::OsString;
use std::io::{self, Write};
use std::process::ExitCode;

use clap::Parser;
use draftdiff::lineage::GitVersion;
use draftdiff::model::Document;
use draftdiff::render::{self, Format, TerminalOptions};
use draftdiff::{Error, SegmentOptions};

use super::{Cli, Ctx, trouble};

/// How git called draftdiff as its external diff.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Call {
    /// Two versions of one file (or a renamed file).
    Pair {
        /// The path in the repository (the old name, for a rename).
        old_path: OsString,
        /// The new path: the same as `old_path` unless the file was renamed.
        new_path: OsString,
        /// A file holding the old version, or `/dev/null` if the file is new.
        old_file: OsString,
        /// A file holding the new version, or `/dev/null` if the file was deleted.
        new_file: OsString,
    },
    /// A path with merge conflicts: git passes only the path.
    Unmerged {
        /// The path in the repository.
        path: OsString,
    },
}

/// The side git passes for a file that does not exist on that side.
const NO_FILE: &str = "/dev/null";

/// `args` (without the program name) as git's external-diff call, or `None` for an ordinary
/// command line. Seven or nine arguments are recognised by their hashes and modes (hex or
/// `.`, octal or `.`); a lone path only when git says it runs an external diff
/// (`GIT_DIFF_PATH_COUNTER`, which git sets for every external diff).
pub fn detect(args: &[OsString], counter_set: bool) -> Option<Call> {
    let hex = |s: &OsString| {
        let s = s.to_string_lossy();
        s == "." || (s.len() >= 40 && s.bytes().all(|b| b.is_ascii_hexdigit()))
    };
    let mode = |s: &OsString| {
        let s = s.to_string_lossy();
        s == "." || (s.len() == 6 && s.bytes().all(|b| (b'0'..=b'7').contains(&b)))
    };
    match args {
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
            Some(Call::Pair {
                old_path: path.clone(),
                new_path: rest.first().unwrap_or(path).clone(),
                old_file: old_file.clone(),
                new_file: new_file.clone(),
            })
        }
        [path] if counter_set && !path.to_string_lossy().starts_with('-') => {
            Some(Call::Unmerged { path: path.clone() })
        }
        _ => None,
    }
}

/// Runs one external-diff call: the report of the two versions on standard output; exit
/// status 0 whether or not they differ, 2 for trouble (git then stops and says so).
pub fn run(call: &Call) -> ExitCode {
    let (old_path, new_path, old_file, new_file) = match call {
        Call::Unmerged { path } => {
            // What git itself prints for a conflicted path.
            let _ = writeln!(io::stdout(), "* Unmerged path {}", path.to_string_lossy());
            return ExitCode::SUCCESS;
        }
        Call::Pair {
            old_path,
            new_path,
            old_file,
            new_file,
        } => (old_path, new_path, old_file, new_file),
    };
    // The global options at their defaults, through clap, so they stay in step with `Cli`.
    // git's pager is not a terminal to us, but it shows colour (git runs `less -R`), so colour
    // follows git's own decision to page.
    let mut argv = vec![OsString::from("draftdiff")];
    let paged = std::env::var_os("GIT_PAGER_IN_USE").is_some_and(|v| v == "true" || v == "1");
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    if paged && !no_color {
        argv.push("--color=always".into());
    }
    argv.extend(["--".into(), old_file.clone(), new_file.clone()]);
    let cli = match Cli::try_parse_from(argv) {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(2);
        }
    };
    // git pages its own output: draftdiff never starts a pager under it.
    let ctx = match Ctx::from_env(&cli.global, false, false) {
        Ok(ctx) => ctx,
        Err(e) => return trouble(&e),
    };
    let label = |prefix: &str, file: &OsString, path: &OsString| {
        if file == NO_FILE {
            NO_FILE.to_string()
        } else {
            format!("{prefix}{}", path.to_string_lossy())
        }
    };
    let old_label = label("a/", old_file, old_path);
    let new_label = label("b/", new_file, new_path);
    let load = |file: &OsString, label: &str| -> Result<Document, Error> {
        if file == NO_FILE {
            return Ok(draftdiff::segment::segment(
                label,
                "",
                &SegmentOptions::new(),
            ));
        }
        let mut doc = ctx.load(&file.to_string_lossy())?;
        doc.path = label.to_string();
        Ok(doc)
    };
    let docs = load(old_file, &old_label).and_then(|old| Ok((old, load(new_file, &new_label)?)));
    let (old, new) = match docs {
        Ok(docs) => docs,
        Err(Error::Binary { .. }) => {
            // As git says of a binary file it cannot diff; not a reason to stop `git diff`.
            let _ = writeln!(
                io::stdout(),
                "Binary files {old_label} and {new_label} differ"
            );
            return ExitCode::SUCCESS;
        }
        Err(e) => return trouble(&e),
    };
    let alignment = draftdiff::align(&old, &new, &draftdiff::AlignOptions::new());
    let report = draftdiff::diff::report(old, new, alignment, &draftdiff::diff::DiffOptions::new());
    let options = TerminalOptions::new().width(ctx.width);
    match ctx.emit(&[], |w| {
        render::render(&report, Format::Terminal, &options, &ctx.palette, w)
    }) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => trouble(&e),
    }
}

/// The old and new documents of `draftdiff --git …` (`values` as given: `FILE`, `REV FILE`,
/// `REV1..REV2 FILE` or `REV1 REV2 FILE`), each labelled with its commit (short hash and
/// subject) or `not committed yet`, and the file, which `-o` must not write over.
pub fn git_pair(ctx: &Ctx, values: &[String]) -> Result<(Document, Document, String), Error> {
    let (old, new, file) = match values {
        // As `git diff HEAD -- FILE`: the last commit against the working tree.
        [file] => (Some("HEAD"), None, file),
        [rev, file] => match rev.split_once("..") {
            Some((_, new)) if new.starts_with('.') => {
                return Err(Error::Input {
                    path: file.clone(),
                    message: format!(
                        "`{rev}`: give the two revisions to compare (REV1 REV2 or REV1..REV2); \
                         REV1...REV2 is not supported"
                    ),
                });
            }
            // `..` alone means HEAD on the side left empty, as in git.
            Some((old, new)) => (Some(or_head(old)), Some(or_head(new)), file),
            None => (Some(rev.as_str()), None, file),
        },
        [old, new, file] => (Some(old.as_str()), Some(new.as_str()), file),
        _ => unreachable!("clap takes one to three values for --git"),
    };
    let old = document(ctx.git_version(file, old)?);
    let new = document(ctx.git_version(file, new)?);
    Ok((old, new, file.clone()))
}

fn or_head(rev: &str) -> &str {
    if rev.is_empty() { "HEAD" } else { rev }
}

/// The version as a document named by its label.
fn document(version: GitVersion) -> Document {
    let label = version.label();
    match version.document {
        // A Word, OpenDocument or PDF version, already read by its reader.
        Some(doc) => doc,
        None => draftdiff::segment::segment(&label, &version.text, &SegmentOptions::new()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    #[test]
    fn git_calls_are_told_from_command_lines() {
        let hex = "0123456789abcdef0123456789abcdef01234567";
        let seven = args(&["d.txt", "/tmp/x", hex, "100644", "d.txt", hex, "100644"]);
        assert!(matches!(detect(&seven, false), Some(Call::Pair { .. })));
        let added = args(&["d.txt", "/dev/null", ".", ".", "d.txt", hex, "100644"]);
        assert!(matches!(detect(&added, true), Some(Call::Pair { .. })));
        let renamed = args(&[
            "a.txt",
            "/tmp/x",
            hex,
            "100644",
            "/tmp/y",
            hex,
            "100644",
            "b.txt",
            "similarity",
        ]);
        let Some(Call::Pair { new_path, .. }) = detect(&renamed, true) else {
            panic!("a rename is a pair");
        };
        assert_eq!(new_path, "b.txt");
        assert_eq!(
            detect(&args(&["d.txt"]), true),
            Some(Call::Unmerged {
                path: "d.txt".into()
            })
        );
        // Ordinary command lines.
        assert_eq!(detect(&args(&["d.txt"]), false), None);
        assert_eq!(detect(&args(&["old.txt", "new.txt"]), true), None);
        assert_eq!(detect(&args(&["--version"]), true), None);
        let seven_files = args(&["a", "b", "c", "d", "e", "f", "g"]);
        assert_eq!(detect(&seven_files, true), None);
    }
}
