//! The versions a command reads, as a command line names them: files (`-` is standard
//! input), or revisions of a file in git; OLD and NEW each read with its own options and
//! shown by its own label.
//!
//! [`Inputs`] also remembers every file it read, so that an output can refuse to write over
//! any of them (`render::output::Output`, with the `cli` feature).
//!
//! ```no_run
//! use draftdiff::inputs::Inputs;
//! use draftdiff::read::Encoding;
//! use draftdiff::ReadOptions;
//!
//! let inputs = Inputs::new(ReadOptions::new())
//!     .old_options(ReadOptions::new().encoding(Encoding::Windows1252))
//!     .labels(vec!["draft".into(), "final".into()]);
//! let pair = inputs.pair(Some("old.txt"), Some("new.txt"), None)?;
//! assert_eq!(pair.old.path, "draft");
//! assert_eq!(inputs.read_paths().len(), 2);
//! # Ok::<(), draftdiff::Error>(())
//! ```

use std::cell::RefCell;
use std::ffi::OsStr;
use std::io;
use std::path::PathBuf;

use crate::lineage::{ExternalDiff, GitPair, SkippedVersion, VersionSource};
use crate::model::Document;
use crate::{Error, Lineage, LineageOptions, ReadOptions, Result, SegmentOptions};

/// Which of the two versions an input is: OLD's options and the first label act on the
/// first, NEW's and the second label on the second.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// The first version.
    Old,
    /// The second version.
    New,
}

/// OLD and NEW, read ([`Inputs::pair`]).
#[derive(Debug)]
pub struct Pair {
    /// The old version, named by its label, its commit or its path.
    pub old: Document,
    /// The new version, named by its label, its commit ("not committed yet" for the working
    /// tree) or its path.
    pub new: Document,
    /// The files named: OLD and NEW, or the file of `--git`.
    pub files: Vec<String>,
    /// The day of each version's commit; `None` for a file or the working tree.
    pub days: [Option<String>; 2],
}

/// A chain of versions, read ([`Inputs::chain`]).
#[derive(Debug)]
pub struct Chain {
    /// Their lineage, oldest first.
    pub lineage: Lineage,
    /// The commits left out because their version is not text (from git only).
    pub skipped: Vec<SkippedVersion>,
}

/// How a command's inputs are read, and the files read so far.
#[derive(Debug, Default)]
pub struct Inputs {
    /// How to read every input but OLD and NEW.
    read: ReadOptions,
    /// How to read OLD and NEW.
    sides: [ReadOptions; 2],
    /// The names OLD and NEW are shown by instead of their paths.
    labels: Vec<String>,
    /// Every file read (and the working-tree file of git), in order.
    read_paths: RefCell<Vec<PathBuf>>,
}

impl Inputs {
    /// Every input read with `read`.
    pub fn new(read: ReadOptions) -> Inputs {
        Inputs {
            sides: [read.clone(), read.clone()],
            read,
            ..Inputs::default()
        }
    }

    /// OLD read with `options` instead.
    pub fn old_options(mut self, options: ReadOptions) -> Inputs {
        self.sides[0] = options;
        self
    }

    /// NEW read with `options` instead.
    pub fn new_options(mut self, options: ReadOptions) -> Inputs {
        self.sides[1] = options;
        self
    }

    /// The names OLD (the first) and NEW (the second) are shown by instead of their paths.
    pub fn labels(mut self, labels: Vec<String>) -> Inputs {
        self.labels = labels;
        self
    }

    /// How inputs other than OLD and NEW are read.
    pub fn options(&self) -> &ReadOptions {
        &self.read
    }

    /// Every file read so far, in order: the files an output must not replace.
    pub fn read_paths(&self) -> Vec<PathBuf> {
        self.read_paths.borrow().clone()
    }

    /// The bytes of one input; `-` is standard input.
    pub fn bytes(&self, path: &str) -> Result<Vec<u8>> {
        if path == "-" {
            return crate::read::read_reader_bytes("-", io::stdin().lock());
        }
        self.read_paths.borrow_mut().push(PathBuf::from(path));
        crate::read::read_bytes(path)
    }

    /// Reads and segments one input (text, Markdown, Word, OpenDocument or PDF: decided
    /// from the bytes); `-` is standard input.
    pub fn load(&self, path: &str) -> Result<Document> {
        crate::read::document(path, self.bytes(path)?, &self.read, &SegmentOptions::new())
    }

    /// Reads and segments OLD or NEW with its options, named by its label.
    pub fn load_side(&self, path: &str, side: Side) -> Result<Document> {
        let bytes = self.bytes(path)?;
        self.load_bytes(path, bytes, side)
    }

    /// [`load_side`](Self::load_side) on OLD and NEW, both read and segmented at once
    /// ([`read::document_pair`](crate::read::document_pair)); OLD's error first, as when
    /// loaded one after the other.
    pub fn load_pair(&self, old: &str, new: &str) -> Result<(Document, Document)> {
        let old_bytes = self.bytes(old)?;
        let new_bytes = match self.bytes(new) {
            Ok(bytes) => bytes,
            Err(e) => {
                self.load_bytes(old, old_bytes, Side::Old)?;
                return Err(e);
            }
        };
        let input = |path, bytes, side: Side| crate::read::Input {
            path,
            bytes,
            options: &self.sides[side as usize],
        };
        let (mut old_doc, mut new_doc) = crate::read::document_pair(
            input(old, old_bytes, Side::Old),
            input(new, new_bytes, Side::New),
            &SegmentOptions::new(),
        )?;
        self.relabel(&mut old_doc, Side::Old);
        self.relabel(&mut new_doc, Side::New);
        Ok((old_doc, new_doc))
    }

    /// OLD and NEW: the files `old` and `new`, or the two versions `git` names
    /// ([`GitPair`]: `FILE`, `REV FILE`, `REV1..REV2 FILE` or `REV1 REV2 FILE`), named by
    /// their commits; with git, the file counts as read.
    pub fn pair(
        &self,
        old: Option<&str>,
        new: Option<&str>,
        git: Option<&[String]>,
    ) -> Result<Pair> {
        if let Some(git) = git {
            let pair = GitPair::parse(git)?;
            self.read_paths.borrow_mut().push(PathBuf::from(&pair.path));
            let (old, new) = pair.load(&self.read)?;
            let days = [old.day().map(str::to_string), new.day().map(str::to_string)];
            let mut docs = [old, new].map(|v| v.into_document(&SegmentOptions::new()));
            for (doc, label) in docs.iter_mut().zip(&self.labels) {
                doc.path.clone_from(label);
            }
            let [old, new] = docs;
            return Ok(Pair {
                old,
                new,
                files: vec![pair.path],
                days,
            });
        }
        let (Some(old), Some(new)) = (old, new) else {
            return Err(Error::Input {
                path: "-".into(),
                message: "two versions are needed: draftdiff OLD NEW".into(),
            });
        };
        if old == "-" && new == "-" {
            return Err(Error::Input {
                path: "-".into(),
                message: "standard input can be only one of the two versions".into(),
            });
        }
        let (old_doc, new_doc) = self.load_pair(old, new)?;
        Ok(Pair {
            old: old_doc,
            new: new_doc,
            files: vec![old.to_string(), new.to_string()],
            days: [None, None],
        })
    }

    /// A chain of versions, oldest first: the files `files`, or from git `[RANGE] PATH`
    /// (every commit that touched PATH, then the working tree if it has uncommitted changes;
    /// or the file at the start of RANGE, then each commit of the range that changed it),
    /// each with its commit, date, author and subject. With git, the file counts as read.
    pub fn chain(
        &self,
        files: &[String],
        git: Option<&[String]>,
        options: &LineageOptions,
    ) -> Result<Chain> {
        let Some(git) = git else {
            let docs: Vec<Document> = files.iter().map(|p| self.load(p)).collect::<Result<_>>()?;
            return Ok(Chain {
                lineage: Lineage::build(docs, options),
                skipped: Vec::new(),
            });
        };
        let (range, path) = match git {
            [path] => (None, path),
            [range, path] => (Some(range.as_str()), path),
            _ => {
                return Err(Error::Input {
                    path: "--git".into(),
                    message: "give a file, or a range and a file".into(),
                });
            }
        };
        self.read_paths.borrow_mut().push(PathBuf::from(path));
        let history = crate::lineage::git_history(path, range, &self.read)?;
        let sources: Vec<VersionSource> = history.versions.iter().map(|v| v.source()).collect();
        let docs = history
            .versions
            .into_iter()
            .map(|v| v.into_document(&SegmentOptions::new()))
            .collect();
        Ok(Chain {
            lineage: Lineage::build(docs, options).with_sources(sources),
            skipped: history.skipped,
        })
    }

    /// OLD and NEW of one call from git as its external diff ([`ExternalDiff::Pair`]):
    /// each file read and named by its label (`a/PATH`, `b/PATH`); git's
    /// [`NO_FILE`](ExternalDiff::NO_FILE), for a file added or deleted, is an empty document.
    pub fn external_pair(
        &self,
        (old_file, new_file): (&OsStr, &OsStr),
        (old_label, new_label): (&str, &str),
    ) -> Result<(Document, Document)> {
        let load = |file: &OsStr, label: &str| -> Result<Document> {
            if file == ExternalDiff::NO_FILE {
                return Ok(crate::segment::segment(label, "", &SegmentOptions::new()));
            }
            let mut doc = self.load(&file.to_string_lossy())?;
            doc.path = label.to_string();
            Ok(doc)
        };
        Ok((load(old_file, old_label)?, load(new_file, new_label)?))
    }

    /// Names `doc` by the label of its side, if one was given.
    fn relabel(&self, doc: &mut Document, side: Side) {
        if let Some(label) = self.labels.get(side as usize) {
            doc.path.clone_from(label);
        }
    }

    /// The document of OLD's or NEW's bytes, named by its label.
    fn load_bytes(&self, path: &str, bytes: Vec<u8>, side: Side) -> Result<Document> {
        let options = &self.sides[side as usize];
        let mut doc = crate::read::document(path, bytes, options, &SegmentOptions::new())?;
        self.relabel(&mut doc, side);
        Ok(doc)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write as _;

    fn file(dir: &tempfile::TempDir, name: &str, text: &str) -> String {
        let path = dir.path().join(name);
        std::fs::File::create(&path)
            .and_then(|mut f| f.write_all(text.as_bytes()))
            .expect("written");
        path.to_str().expect("UTF-8 path").to_string()
    }

    #[test]
    fn old_and_new_are_read_with_their_options_named_by_their_labels() {
        let dir = tempfile::tempdir().expect("temp dir");
        let old = file(&dir, "old.txt", "Caf\u{e9} one.\n");
        let new = file(&dir, "new.txt", "Second.\n");
        // OLD in Windows-1252: the bytes of "é" in UTF-8 read as two characters.
        let latin = ReadOptions::new().encoding(crate::read::Encoding::Windows1252);
        let inputs = Inputs::new(ReadOptions::new())
            .old_options(latin)
            .labels(vec!["draft".into()]);
        let pair = inputs.pair(Some(&old), Some(&new), None).expect("reads");
        assert_eq!(pair.old.path, "draft");
        assert_eq!(pair.new.path, new, "no second label: the path");
        assert_eq!(pair.old.units[0].text, "Caf\u{c3}\u{a9} one.");
        assert_eq!(pair.new.units[0].text, "Second.");
        assert_eq!(pair.files, [old.clone(), new.clone()]);
        assert_eq!(pair.days, [None, None]);
        assert_eq!(
            inputs.read_paths(),
            [PathBuf::from(&old), PathBuf::from(&new)]
        );
        // Any other input: the common options, no label.
        assert_eq!(
            inputs.load(&old).expect("reads").units[0].text,
            "Caf\u{e9} one."
        );
    }

    #[test]
    fn a_pair_needs_two_versions_and_one_standard_input_at_most() {
        let inputs = Inputs::new(ReadOptions::new());
        let err = inputs.pair(Some("-"), Some("-"), None).unwrap_err();
        assert!(
            err.to_string().contains("standard input can be only one"),
            "{err}"
        );
        assert!(inputs.pair(Some("old.txt"), None, None).is_err());
        let missing = inputs
            .pair(Some("no-such-old.txt"), Some("-"), None)
            .unwrap_err();
        assert!(missing.to_string().contains("no-such-old.txt"), "{missing}");
    }

    #[test]
    fn gits_missing_file_is_an_empty_document_and_labels_name_both() {
        let dir = tempfile::tempdir().expect("temp dir");
        let new = file(&dir, "new.txt", "Added.\n");
        let inputs = Inputs::new(ReadOptions::new());
        let no_file = OsStr::new(ExternalDiff::NO_FILE);
        let (old, new) = inputs
            .external_pair((no_file, OsStr::new(&new)), ("a/x.txt", "b/x.txt"))
            .expect("reads");
        assert_eq!((old.path.as_str(), old.units.len()), ("a/x.txt", 0));
        assert_eq!((new.path.as_str(), new.units.len()), ("b/x.txt", 1));
    }

    #[test]
    fn a_chain_of_files_is_read_oldest_first() {
        let dir = tempfile::tempdir().expect("temp dir");
        let files = [
            file(&dir, "1.txt", "One.\n"),
            file(&dir, "2.txt", "One.\n\nTwo.\n"),
        ];
        let inputs = Inputs::new(ReadOptions::new());
        let chain = inputs
            .chain(&files, None, &LineageOptions::new())
            .expect("reads");
        assert_eq!(chain.lineage.versions().len(), 2);
        assert_eq!(chain.lineage.versions()[1].units.len(), 2);
        assert!(chain.skipped.is_empty());
        let three = ["a".to_string(), "b".to_string(), "c".to_string()];
        assert!(
            inputs
                .chain(&[], Some(&three), &LineageOptions::new())
                .is_err()
        );
    }
}
