//! Versions of a document written by a test: `v1.txt`, `v2.txt`, … in a temporary
//! directory that lives as long as the returned value.

use std::path::PathBuf;

/// The files and the directory that holds them.
pub struct Versions {
    _dir: tempfile::TempDir,
    /// The files' paths, in the order of the texts.
    pub paths: Vec<String>,
}

/// Writes each text to its own file.
pub fn versions(texts: &[&str]) -> Versions {
    let dir = tempfile::tempdir().expect("temp dir");
    let paths = texts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let p: PathBuf = dir.path().join(format!("v{}.txt", i + 1));
            std::fs::write(&p, t).expect("write");
            p.to_string_lossy().into_owned()
        })
        .collect();
    Versions { _dir: dir, paths }
}
