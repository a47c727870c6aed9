//! A corpus on disk: the documents named by paths and directories, read into an index.

use std::fs;

use super::{CorpusIndex, IndexBuilder, IndexOptions, content_hash, is_index};
use crate::error::{Error, Result};
use crate::read::{ReadOptions, document, read_bytes};
use crate::segment::SegmentOptions;

/// Every file named by `paths`: a file as given, a directory walked recursively, its
/// entries in byte order of their names, hidden ones (`.name`) skipped. The order depends
/// on nothing but the names, so an index built from it is the same on every machine.
///
/// # Errors
/// [`Error::Io`] naming the path that cannot be read; [`Error::Input`] for a file name
/// that is not UTF-8.
pub fn corpus_files(paths: &[String]) -> Result<Vec<String>> {
    let mut out = Vec::new();
    for path in paths {
        let meta = fs::metadata(path).map_err(|e| Error::io(path, e))?;
        if meta.is_dir() {
            walk(path, &mut out)?;
        } else {
            out.push(path.clone());
        }
    }
    Ok(out)
}

/// The files under `dir`, sorted, hidden ones skipped.
fn walk(dir: &str, out: &mut Vec<String>) -> Result<()> {
    let entries = fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
    let mut names = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| Error::io(dir, e))?;
        let name = entry.file_name();
        let Some(name) = name.to_str() else {
            return Err(Error::Input {
                path: entry.path().to_string_lossy().into_owned(),
                message: "the file name is not UTF-8".into(),
            });
        };
        if !name.starts_with('.') {
            names.push(name.to_string());
        }
    }
    names.sort();
    for name in names {
        let path = format!("{}/{name}", dir.trim_end_matches('/'));
        let meta = fs::metadata(&path).map_err(|e| Error::io(&path, e))?;
        if meta.is_dir() {
            walk(&path, out)?;
        } else if meta.is_file() {
            out.push(path);
        }
    }
    Ok(())
}

/// True when the file at `path` starts like an index file (checked before the document
/// readers, which refuse its binary bytes). A file that cannot be read is not one.
pub fn is_index_file(path: &str) -> bool {
    use std::io::Read;
    let mut head = [0u8; 8];
    fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok_and(|()| is_index(&head))
}

/// Reads every document named by `paths` (see [`corpus_files`]) with `read` into an
/// index. An index file found inside a directory is skipped; one named in `paths` is
/// refused.
///
/// # Errors
/// The errors of [`corpus_files`], [`read_bytes`] and [`document`], naming the file.
pub fn index_files(
    paths: &[String],
    read: &ReadOptions,
    options: IndexOptions,
) -> Result<CorpusIndex> {
    let mut builder = IndexBuilder::new(options);
    for path in corpus_files(paths)? {
        if is_index_file(&path) {
            if paths.contains(&path) {
                return Err(Error::Input {
                    path,
                    message:
                        "is an index file, not a document; give `draftdiff sources` an index alone"
                            .into(),
                });
            }
            continue;
        }
        let bytes = read_bytes(&path)?;
        let hash = content_hash(&bytes);
        let size = bytes.len() as u64;
        let doc = document(&path, bytes, read, &SegmentOptions::new())?;
        builder.add_hashed(&doc, hash, size);
    }
    Ok(builder.finish())
}
