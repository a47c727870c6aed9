//! Versions of a file from git history, by calling the `git` binary.
//!
//! `git log --follow --first-parent` lists the commits of the mainline that changed the
//! file, following renames (oldest first once reversed, optionally within a range
//! `REV1..REV2`), with the file's name at each: a branch merged back is one version, its
//! merge, as the mainline received it;
//! `git cat-file blob COMMIT:NAME` gives its text there. With a range, the file as it stood at
//! `REV1` comes first, so the chain starts from the version the range starts from (as
//! `git diff REV1..REV2` does), labelled with the commit that last changed the file at or
//! before `REV1`. Without a range, the working tree comes last when the file there differs
//! from its last commit ("not committed yet", as `git blame` says). Commits in which the file
//! does not exist (it was deleted) are not versions. [`git_version`] gives the file at one
//! revision, or in the working tree, for a pairwise compare. A version is read by its content, as `draftdiff OLD NEW` reads a file: a
//! Word, OpenDocument or PDF version by its reader ([`GitVersion::document`]), anything else
//! as text. A commit whose file cannot be read (binary, invalid in the encoding read with, a
//! damaged Word file) is skipped and reported in [`GitHistory::skipped`], not fatal.
//!
//! # Names and hostile repositories
//!
//! File names travel as bytes: git's output is read with `-z` (no quoting of `é`, tabs,
//! quotes or newlines) and names are passed back as arguments, never re-parsed; pathspecs are
//! literal (`--literal-pathspecs`: `*` or `:(glob)` in a name is just a name); revisions come
//! after `--end-of-options`. Reading a repository must not run a command the repository
//! configures, since a repository can come from anyone: every call turns off
//! `core.fsmonitor`, hooks, the pager, external diff drivers, textconv filters and signature
//! checks (`log.showSignature`, which runs `gpg.program`). The system and user configuration
//! are still read: they are the user's own, and may be what lets git open the repository at
//! all (`safe.directory`).

use std::ffi::{OsStr, OsString};
use std::path::Path;
use std::process::Command;

use crate::error::{Error, Result};
use crate::lineage::{GitSource, VersionSource};
use crate::model::Document;
use crate::read::{Format, ReadOptions, decode, sniff};
use crate::segment::SegmentOptions;

/// What [`GitVersion::label`] says of the working tree's version, as `git blame` does.
pub const WORKING_TREE: &str = "not committed yet";

/// One version of a file: committed, or in the working tree.
#[derive(Debug, Clone, PartialEq)]
pub struct GitVersion {
    /// The full commit hash; `None` for the working tree.
    pub commit: Option<String>,
    /// The abbreviated commit hash; `None` for the working tree.
    pub short: Option<String>,
    /// The author date of the commit, ISO 8601 (`2026-11-30T07:08:59+00:00`); `None` for the
    /// working tree.
    pub date: Option<String>,
    /// The author's name; `None` for the working tree.
    pub author: Option<String>,
    /// The first line of the commit message; [`WORKING_TREE`] for the working tree.
    pub subject: String,
    /// The file as the caller named it.
    pub path: String,
    /// The file's text at that commit; for a Word, OpenDocument or PDF file, the text of
    /// its units, separated by blank lines.
    pub text: String,
    /// For a Word, OpenDocument or PDF file, the version as its reader cut it into units
    /// (named by [`label`](Self::label)); `None` for text, which is segmented from
    /// [`text`](Self::text).
    pub document: Option<Document>,
}

impl GitVersion {
    /// A label for people: short hash and subject, e.g. `3f2a9c1 Tighten the scope`, or
    /// [`WORKING_TREE`].
    pub fn label(&self) -> String {
        match &self.short {
            Some(short) => label(short, &self.subject),
            None => WORKING_TREE.to_string(),
        }
    }

    /// The day of the commit, ISO 8601 (`2026-11-30`, the date part of
    /// [`date`](Self::date)); `None` for the working tree.
    pub fn day(&self) -> Option<&str> {
        self.date
            .as_deref()
            .map(|d| d.split_once('T').map_or(d, |(day, _)| day))
    }

    /// The version as a document named by its [`label`](Self::label): a Word, OpenDocument
    /// or PDF version as its reader cut it, text segmented with `options`.
    pub fn into_document(self, options: &SegmentOptions) -> Document {
        let label = self.label();
        match self.document {
            Some(doc) => doc,
            None => crate::segment::segment(&label, &self.text, options),
        }
    }

    /// Where the version came from, as the lineage JSON shows it
    /// ([`Lineage::with_sources`](crate::lineage::Lineage::with_sources)).
    pub fn source(&self) -> VersionSource {
        VersionSource {
            path: self.path.clone(),
            git: Some(GitSource {
                commit: self.commit.clone(),
                date: self.date.clone(),
                author: self.author.clone(),
                subject: self.subject.clone(),
            }),
        }
    }
}

/// A commit that changed the file but whose version could not be read as text.
#[derive(Debug)]
pub struct SkippedVersion {
    /// The full commit hash.
    pub commit: String,
    /// The abbreviated commit hash.
    pub short: String,
    /// The first line of the commit message.
    pub subject: String,
    /// Why: [`Error::Binary`], [`Error::Encoding`], or what git said.
    pub reason: Error,
}

impl SkippedVersion {
    /// A label for people, as [`GitVersion::label`].
    pub fn label(&self) -> String {
        label(&self.short, &self.subject)
    }
}

/// The versions of a file read from git, and the commits skipped because their version of
/// the file is not text.
#[derive(Debug)]
pub struct GitHistory {
    /// The versions, oldest first.
    pub versions: Vec<GitVersion>,
    /// The commits skipped, oldest first.
    pub skipped: Vec<SkippedVersion>,
}

fn label(short: &str, subject: &str) -> String {
    if short.is_empty() {
        subject.to_string()
    } else if subject.is_empty() {
        short.to_string()
    } else {
        format!("{short} {subject}")
    }
}

/// Every committed version of the file at `path` that is text, oldest first; with `range`
/// (`REV1..REV2`), the file as it stood at `REV1`, then the commits of the range that changed
/// it. Commits whose version is not text are left out: [`git_history`] says which.
///
/// Errors name the file: git not installed, not a repository, a directory, the file not
/// tracked, a bad range, or no commit touching the file.
pub fn git_versions(
    path: impl AsRef<Path>,
    range: Option<&str>,
    read: &ReadOptions,
) -> Result<Vec<GitVersion>> {
    git_history(path, range, read).map(|h| h.versions)
}

/// The versions of `path` as [`git_versions`], with the commits skipped because their
/// version of the file is not text (binary, or invalid in the encoding of `read`).
pub fn git_history(
    path: impl AsRef<Path>,
    range: Option<&str>,
    read: &ReadOptions,
) -> Result<GitHistory> {
    let file = path.as_ref();
    let (shown, dir, name) = locate(file)?;
    let fail = |message: String| Error::Input {
        path: shown.clone(),
        message,
    };
    let git = Git { shown: &shown, dir };

    let mut ls = git.command();
    ls.args(["ls-files", "-z", "--full-name", "--"]).arg(name);
    let tracked = git.run(ls, "ls-files")?;
    let names: Vec<&[u8]> = tracked
        .split(|&b| b == 0)
        .filter(|n| !n.is_empty())
        .collect();
    let full = match names.as_slice() {
        [] => return Err(fail("is not tracked by git".into())),
        [full] if is_name_of(full, name) => full.to_vec(),
        _ => return Err(fail("is a directory in git, not a file".into())),
    };

    let base = match range {
        Some(r) if r.starts_with('-') => {
            return Err(fail(format!("`{r}` is not a revision range")));
        }
        Some(r) if !r.contains("...") => {
            r.split_once("..").map(|(b, _)| b).filter(|b| !b.is_empty())
        }
        _ => None,
    };
    let mut log = git.follow_log();
    log.arg("--end-of-options").args(range).arg("--").arg(name);
    let listed = parse_log(&git.run(log, "log")?);

    // Newest first: the name each commit left the file under, then the name before it.
    let mut current = full.clone();
    let mut versions: Vec<(Commit, Option<Vec<u8>>)> = Vec::new();
    for entry in listed {
        let here = match &entry.change {
            Some(change) => change.new.clone(),
            None => current.clone(),
        };
        let deleted = entry.change.as_ref().is_some_and(|c| c.status == b'D');
        if let Some(change) = &entry.change {
            current = change.old.clone().unwrap_or_else(|| change.new.clone());
        }
        versions.push((entry.commit, (!deleted).then_some(here)));
    }
    if let Some(base) = base {
        // The file as it stood at the start of the range (it may not exist yet: then it is
        // no version), labelled with the commit that made it so, not with whatever commit
        // `REV1` names (which may not have touched the file).
        let at_base = git.commit(base)?;
        if git.blob(&at_base.hash, &current).is_ok() {
            let mut last = git.command();
            last.args([
                "log",
                "-1",
                "--first-parent",
                FORMAT,
                "--end-of-options",
                &at_base.hash,
                "--",
            ])
            .arg(os_string(current.clone()));
            let last = git.run(last, "log")?;
            let commit = parse_commit(last.strip_suffix(b"\n").unwrap_or(&last)).unwrap_or(at_base);
            versions.push((commit, Some(current.clone())));
        }
    }
    versions.reverse();

    let mut history = GitHistory {
        versions: Vec::new(),
        skipped: Vec::new(),
    };
    // The newest committed version's bytes, and its text if it could be read.
    let (mut last_bytes, mut last_text) = (None, None);
    for (commit, name) in versions {
        let Some(name) = name else { continue };
        let label = format!("{shown}@{}", commit.short);
        let shown_as = self::label(&commit.short, &commit.subject);
        let bytes = git.blob(&commit.hash, &name);
        if let Ok(bytes) = &bytes {
            last_bytes = Some(bytes.clone());
        }
        last_text = None;
        match bytes.and_then(|bytes| read_version(&label, bytes, read, &shown_as)) {
            Ok((text, document)) => {
                last_text = Some(text.clone());
                history
                    .versions
                    .push(commit.version(&shown, text, document));
            }
            Err(reason) => history.skipped.push(SkippedVersion {
                commit: commit.hash,
                short: commit.short,
                subject: commit.subject,
                reason,
            }),
        }
    }
    // Uncommitted changes are a version too, the newest; not within a range, which names
    // exactly the commits wanted.
    if range.is_none() {
        if let Ok(bytes) = std::fs::read(file) {
            if last_bytes.as_deref() != Some(bytes.as_slice()) {
                match read_version(&shown, bytes, read, WORKING_TREE) {
                    // Other bytes, the same text (line endings converted on checkout).
                    Ok((text, _)) if last_text.as_ref() == Some(&text) => {}
                    Ok((text, document)) => {
                        history.versions.push(working_tree(&shown, text, document))
                    }
                    Err(reason) => history.skipped.push(SkippedVersion {
                        commit: String::new(),
                        short: String::new(),
                        subject: WORKING_TREE.to_string(),
                        reason,
                    }),
                }
            }
        }
    }
    if history.versions.is_empty() {
        let what = range.map_or(String::new(), |r| format!(" in {r}"));
        return Err(match history.skipped.first() {
            Some(first) => fail(format!(
                "no committed version{what} is text ({} skipped; {})",
                history.skipped.len(),
                first.reason
            )),
            None => fail(format!("no committed version{what}")),
        });
    }
    Ok(history)
}

/// A file's name as shown in errors, the directory git runs in (the file's own) and its
/// name there; a directory or a path with no file name is an error naming it.
fn locate(file: &Path) -> Result<(String, &Path, &std::ffi::OsStr)> {
    let shown = file.display().to_string();
    if file.is_dir() {
        return Err(Error::IsDirectory { path: shown });
    }
    let dir = match file.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let Some(name) = file.file_name() else {
        return Err(Error::Input {
            path: shown,
            message: "is not a file name".into(),
        });
    };
    Ok((shown, dir, name))
}

/// The file at `path` as it stands at revision `rev`, or in the working tree when `rev` is
/// `None`: one side of a pairwise compare (`draftdiff --git REV1 REV2 FILE`). The version is
/// labelled with the commit `rev` names (or [`WORKING_TREE`]); the file need not have changed
/// in that commit. A file renamed since `rev` is read under the name it had there (the names
/// `git log --follow` gives), as [`git_history`] reads it.
///
/// Errors name the file: git not installed, not a repository, a directory, a bad revision,
/// the file not in that revision, or a version that cannot be read.
pub fn git_version(
    path: impl AsRef<Path>,
    rev: Option<&str>,
    read: &ReadOptions,
) -> Result<GitVersion> {
    let (shown, dir, name) = locate(path.as_ref())?;
    let git = Git { shown: &shown, dir };
    let Some(rev) = rev else {
        // Still in a repository: a typo in the path should not pass for the working tree.
        let mut top = git.command();
        top.args(["rev-parse", "--show-toplevel"]);
        git.run(top, "rev-parse")?;
        let bytes = crate::read::read_bytes(&shown)?;
        let (text, document) = read_version(&shown, bytes, read, WORKING_TREE)?;
        return Ok(working_tree(&shown, text, document));
    };
    let commit = git.commit(rev)?;
    // `./NAME` is relative to the directory git runs in, which is the file's.
    let mut spec = b"./".to_vec();
    spec.extend_from_slice(&os_bytes(name));
    // A file renamed since `rev` is read under the name it had there, as `log` reads it.
    let bytes = match git.blob(&commit.hash, &spec) {
        Ok(bytes) => Some(bytes),
        Err(_) => git
            .former_names(name)
            .into_iter()
            .find_map(|former| git.blob(&commit.hash, &former).ok()),
    };
    let bytes = bytes.ok_or_else(|| Error::Input {
        path: shown.clone(),
        message: format!(
            "is not in revision {rev} ({} {}), under this name or an earlier one",
            commit.short, commit.subject
        ),
    })?;
    let label = format!("{shown}@{}", commit.short);
    let shown_as = self::label(&commit.short, &commit.subject);
    let (text, document) = read_version(&label, bytes, read, &shown_as)?;
    Ok(commit.version(&shown, text, document))
}

/// The format of every commit git lists here: `%H␟%h␟%aI␟%an␟%s` (see [`parse_commit`]).
const FORMAT: &str = "--format=%H%x1f%h%x1f%aI%x1f%an%x1f%s";

/// Reads one version's bytes as `draftdiff OLD NEW` reads a file: a Word, OpenDocument or
/// PDF version by its reader (its document named `shown_as`), anything else as text.
fn read_version(
    label: &str,
    bytes: Vec<u8>,
    read: &ReadOptions,
    shown_as: &str,
) -> Result<(String, Option<Document>)> {
    match sniff(&bytes) {
        Format::Text => decode(label, &bytes, read).map(|text| (text, None)),
        _ => {
            let mut doc = crate::read::document(label, bytes, read, &SegmentOptions::new())?;
            doc.path = shown_as.to_string();
            let texts: Vec<&str> = doc.units.iter().map(|u| u.text.as_str()).collect();
            Ok((texts.join("\n\n"), Some(doc)))
        }
    }
}

/// The working tree's version of the file `shown`.
fn working_tree(shown: &str, text: String, document: Option<Document>) -> GitVersion {
    GitVersion {
        commit: None,
        short: None,
        date: None,
        author: None,
        subject: WORKING_TREE.to_string(),
        path: shown.to_string(),
        text,
        document,
    }
}

/// True when git's repository-relative `full` name is the file `name` (and not a file inside
/// a directory called `name`).
fn is_name_of(full: &[u8], name: &OsStr) -> bool {
    let name = os_bytes(name);
    full == name.as_slice()
        || full
            .strip_suffix(name.as_slice())
            .is_some_and(|dir| dir.ends_with(b"/"))
}

#[derive(Debug)]
struct Commit {
    hash: String,
    short: String,
    /// Author date, ISO 8601.
    date: String,
    author: String,
    subject: String,
}

impl Commit {
    /// The file `shown` at this commit.
    fn version(self, shown: &str, text: String, document: Option<Document>) -> GitVersion {
        GitVersion {
            commit: Some(self.hash),
            short: Some(self.short),
            date: Some(self.date),
            author: Some(self.author),
            subject: self.subject,
            path: shown.to_string(),
            text,
            document,
        }
    }
}

/// What `--name-status` says a commit did to the file.
#[derive(Debug)]
struct Change {
    status: u8,
    /// The name before a rename or copy.
    old: Option<Vec<u8>>,
    new: Vec<u8>,
}

#[derive(Debug)]
struct LogEntry {
    commit: Commit,
    change: Option<Change>,
}

/// `%H␟%h␟%aI␟%an␟%s` ([`FORMAT`]); the subject may hold anything, even `␟`.
fn parse_commit(header: &[u8]) -> Option<Commit> {
    let header = String::from_utf8_lossy(header);
    let mut fields = header.splitn(5, '\u{1f}');
    let (Some(hash), Some(short)) = (fields.next(), fields.next()) else {
        return None;
    };
    let mut next = || fields.next().unwrap_or("").to_string();
    Some(Commit {
        hash: hash.to_string(),
        short: short.to_string(),
        date: next(),
        author: next(),
        subject: next(),
    })
}

/// A `--name-status` letter and score (`M`, `R100`), as git prints it after a header.
fn status_of(field: &[u8]) -> Option<u8> {
    let (&letter, score) = field.split_first()?;
    (letter.is_ascii_uppercase() && score.iter().all(u8::is_ascii_digit)).then_some(letter)
}

/// `git log -z --name-status` with [`FORMAT`]: fields separated by NUL; a header,
/// then (except for a merge, which shows no change) a newline and the status, then one name,
/// or two for a rename or copy.
fn parse_log(out: &[u8]) -> Vec<LogEntry> {
    let mut fields = out.split(|&b| b == 0).peekable();
    let mut entries = Vec::new();
    while let Some(header) = fields.next() {
        let header = header.strip_prefix(b"\n").unwrap_or(header);
        if header.is_empty() {
            continue;
        }
        let Some(commit) = parse_commit(header) else {
            continue;
        };
        let status = fields
            .peek()
            .and_then(|f| f.strip_prefix(b"\n"))
            .and_then(status_of);
        let change = status.and_then(|status| {
            fields.next();
            let first = fields.next()?.to_vec();
            Some(if matches!(status, b'R' | b'C') {
                let new = fields.next()?.to_vec();
                Change {
                    status,
                    old: Some(first),
                    new,
                }
            } else {
                Change {
                    status,
                    old: None,
                    new: first,
                }
            })
        });
        entries.push(LogEntry { commit, change });
    }
    entries
}

/// The fuzz target `git_log` (in `fuzz/`) drives [`parse_log`] through this: each entry's
/// hash, short hash, subject and the file's new name. Built only under `cfg(fuzzing)` (set
/// by `cargo fuzz`), so it is not part of the library's API.
#[cfg(fuzzing)]
#[doc(hidden)]
pub fn fuzz_parse_log(out: &[u8]) -> Vec<(String, String, String, Option<Vec<u8>>)> {
    parse_log(out)
        .into_iter()
        .map(|e| {
            let new = e.change.map(|c| c.new);
            (e.commit.hash, e.commit.short, e.commit.subject, new)
        })
        .collect()
}

#[cfg(unix)]
fn os_bytes(s: &OsStr) -> Vec<u8> {
    use std::os::unix::ffi::OsStrExt;
    s.as_bytes().to_vec()
}

#[cfg(not(unix))]
fn os_bytes(s: &OsStr) -> Vec<u8> {
    s.to_string_lossy().into_owned().into_bytes()
}

#[cfg(unix)]
fn os_string(bytes: Vec<u8>) -> OsString {
    use std::os::unix::ffi::OsStringExt;
    OsString::from_vec(bytes)
}

#[cfg(not(unix))]
fn os_string(bytes: Vec<u8>) -> OsString {
    OsString::from(String::from_utf8_lossy(&bytes).into_owned())
}

/// The repository a file is in, and how to run git there safely.
struct Git<'a> {
    /// The file as the user named it, for errors.
    shown: &'a str,
    dir: &'a Path,
}

impl Git<'_> {
    /// `git -C DIR` with every repository-configured command turned off (see the module docs).
    fn command(&self) -> Command {
        let mut cmd = Command::new("git");
        cmd.arg("-C").arg(self.dir).args([
            "--no-pager",
            "--literal-pathspecs",
            "-c",
            "core.fsmonitor=false",
            "-c",
            "core.hooksPath=/dev/null",
            "-c",
            "core.pager=cat",
            "-c",
            "log.showSignature=false",
            "-c",
            "diff.external=",
        ]);
        cmd.env("GIT_TERMINAL_PROMPT", "0")
            .env("GIT_OPTIONAL_LOCKS", "0")
            .env_remove("GIT_EXTERNAL_DIFF")
            .env_remove("GIT_PAGER");
        cmd
    }

    /// The commit `rev` names (a hash, branch, tag, `HEAD~2`…).
    fn commit(&self, rev: &str) -> Result<Commit> {
        if rev.starts_with('-') {
            return Err(Error::Input {
                path: self.shown.to_string(),
                message: format!("`{rev}` is not a revision"),
            });
        }
        let mut cmd = self.command();
        cmd.args([
            "log",
            "-1",
            "--no-walk",
            FORMAT,
            "--end-of-options",
            rev,
            "--",
        ]);
        let out = self.run(cmd, "log")?;
        parse_commit(out.strip_suffix(b"\n").unwrap_or(&out)).ok_or_else(|| Error::Input {
            path: self.shown.to_string(),
            message: format!("`{rev}` names no commit"),
        })
    }

    /// `git log` of one file's mainline history through its renames, each commit with
    /// what it did to the file (see [`parse_log`]); the caller adds the range and the file.
    fn follow_log(&self) -> Command {
        let mut log = self.command();
        log.args([
            "log",
            "--follow",
            // The mainline's states: a merged branch is one step (the merge), not its
            // commits interleaved by date with the mainline's, which would make the chain
            // jump between two lines of work.
            "--first-parent",
            "-z",
            "--name-status",
            "--no-ext-diff",
            "--no-textconv",
            FORMAT,
        ]);
        log
    }

    /// The names the file `name` (in the file's directory) had before it was renamed,
    /// repository-relative, the latest first: what `git log --follow` saw on the mainline.
    /// Empty when git cannot tell (the caller then reports the file missing).
    fn former_names(&self, name: &OsStr) -> Vec<Vec<u8>> {
        let mut log = self.follow_log();
        log.arg("--").arg(name);
        let Ok(out) = self.run(log, "log") else {
            return Vec::new();
        };
        parse_log(&out)
            .into_iter()
            .filter_map(|entry| entry.change?.old)
            .collect()
    }

    /// The file `name` (repository-relative bytes, or `./NAME` relative to the file's
    /// directory) at `commit`.
    fn blob(&self, commit: &str, name: &[u8]) -> Result<Vec<u8>> {
        let mut spec = format!("{commit}:").into_bytes();
        spec.extend_from_slice(name);
        let mut cmd = self.command();
        cmd.args(["cat-file", "blob"]).arg(os_string(spec));
        self.run(cmd, "cat-file")
    }

    /// Runs `cmd` and returns its standard output, or an error naming the file.
    fn run(&self, mut cmd: Command, what: &str) -> Result<Vec<u8>> {
        let fail = |message: String| Error::Input {
            path: self.shown.to_string(),
            message,
        };
        let out = cmd.output().map_err(|e| {
            if e.kind() == std::io::ErrorKind::NotFound {
                fail(
                    "cannot read versions from git: the `git` program was not found on PATH".into(),
                )
            } else {
                fail(format!("cannot run git: {e}"))
            }
        })?;
        if !out.status.success() {
            let err = String::from_utf8_lossy(&out.stderr);
            let first = err.lines().next().unwrap_or("").trim();
            let first = first.strip_prefix("fatal: ").unwrap_or(first);
            return Err(fail(format!("git {what}: {first}")));
        }
        Ok(out.stdout)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn log_with_renames_merges_and_odd_names() {
        let out = b"h3\x1fs3\x1f2026-01-03T10:00:00+01:00\x1fAnn\x1fthree\0\nM\0b\n\xc3\xa9.txt\0h2\x1fs2\x1fd\x1fa\x1fmerge\0h1\x1fs1\x1fd\x1fa\x1frename\0\nR100\0a.txt\0b\n\xc3\xa9.txt\0h0\x1fs0\x1fd\x1fa\x1f\0\nA\0a.txt\0";
        let entries = parse_log(out);
        // short hash, status, name the commit left the file under
        let shape: Vec<String> = entries
            .iter()
            .map(|e| match &e.change {
                Some(c) => format!(
                    "{} {} {}",
                    e.commit.short,
                    char::from(c.status),
                    String::from_utf8_lossy(&c.new)
                ),
                None => e.commit.short.clone(),
            })
            .collect();
        assert_eq!(
            shape,
            ["s3 M b\né.txt", "s2", "s1 R b\né.txt", "s0 A a.txt"]
        );
        assert_eq!(
            entries[2].change.as_ref().unwrap().old.as_deref(),
            Some(b"a.txt".as_slice())
        );
        assert_eq!(entries[3].commit.subject, "");
        assert_eq!(entries[0].commit.date, "2026-01-03T10:00:00+01:00");
        assert_eq!(entries[0].commit.author, "Ann");
        assert_eq!(entries[0].commit.subject, "three");
    }

    #[test]
    fn a_file_inside_a_directory_is_not_the_directory() {
        assert!(is_name_of(b"sub/draft.txt", OsStr::new("draft.txt")));
        assert!(is_name_of(b"draft.txt", OsStr::new("draft.txt")));
        assert!(!is_name_of(b"chapter/only.txt", OsStr::new("chapter")));
        assert!(!is_name_of(b"my-draft.txt", OsStr::new("draft.txt")));
    }
}
