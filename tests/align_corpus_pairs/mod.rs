//! The pairs of `tests/corpus/align/`, found by listing the folder: every sub-folder with a
//! `gold.json` is a pair, so pairs added by anyone are picked up without touching the tests.

#![allow(dead_code, reason = "each test crate uses part of this module")]

use std::path::{Path, PathBuf};

use serde::Deserialize;

/// The corpus folder.
pub fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/align")
}

/// `meta.json` of a pair.
#[derive(Debug, Clone, Deserialize)]
pub struct Meta {
    /// `dev` or `test`.
    pub split: String,
    /// What kind of document (`pep`, `ietf-draft`, `legislation`, …).
    pub kind: String,
    /// Language code of the text.
    pub language: String,
    /// True for heavy restructurings.
    pub heavy: bool,
}

/// The file names a gold file gives for its two versions.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldFiles {
    /// The old version's file name, in the pair's folder.
    pub old: String,
    /// The new version's file name.
    pub new: String,
}

/// One pair of the corpus.
#[derive(Debug, Clone)]
pub struct Pair {
    /// The folder name.
    pub name: String,
    /// The folder.
    pub dir: PathBuf,
    /// `meta.json`.
    pub meta: Meta,
    /// `gold.json`'s path.
    pub gold_path: PathBuf,
    /// `gold.json`'s text.
    pub gold_json: String,
    /// The old version's path.
    pub old: PathBuf,
    /// The new version's path.
    pub new: PathBuf,
}

/// Every pair, sorted by name. Panics with the pair's name on a missing or malformed
/// `meta.json` or `gold.json`.
pub fn pairs() -> Vec<Pair> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(corpus_dir())
        .expect("tests/corpus/align is readable")
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.is_dir() && p.join("gold.json").is_file())
        .collect();
    dirs.sort();
    dirs.into_iter().map(|dir| pair(&dir)).collect()
}

fn pair(dir: &Path) -> Pair {
    let name = dir.file_name().unwrap().to_string_lossy().into_owned();
    let read = |file: &str| {
        std::fs::read_to_string(dir.join(file)).unwrap_or_else(|e| panic!("{name}/{file}: {e}"))
    };
    let meta: Meta = serde_json::from_str(&read("meta.json"))
        .unwrap_or_else(|e| panic!("{name}/meta.json: {e}"));
    let gold_json = read("gold.json");
    let files: GoldFiles =
        serde_json::from_str(&gold_json).unwrap_or_else(|e| panic!("{name}/gold.json: {e}"));
    Pair {
        old: dir.join(&files.old),
        new: dir.join(&files.new),
        gold_path: dir.join("gold.json"),
        gold_json,
        meta,
        name,
        dir: dir.to_path_buf(),
    }
}
