//! `draftdiff._draftdiff`: the extension module behind the Python package `draftdiff`.
//!
//! Each function runs the library's pipeline with the GIL released (`Python::detach`) and
//! returns the JSON that the CLI writes for the same task, as a string; the Python side
//! (`draftdiff/__init__.py`) turns it into dicts. Writing through the library's own JSON
//! renderers keeps one vocabulary: a Python user and a CLI user see the same documents
//! (docs/json-schema.md). A library error becomes `draftdiff.DraftdiffError` with the
//! library's message, which names the file; a panic, were there one, becomes PyO3's
//! `PanicException`, never an unwinding across the FFI boundary.

use std::collections::BTreeMap;

use draftdiff::corpus::{self, CorpusIndex, IndexBuilder, IndexOptions, SourcesOptions};
use draftdiff::segment::segment;
use draftdiff::{AlignOptions, DiffOptions, Document, Error, ReadOptions, SegmentOptions, render};
use pyo3::create_exception;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

create_exception!(
    _draftdiff,
    DraftdiffError,
    PyValueError,
    "A document or index that draftdiff could not read or use; the message names it."
);

/// A library error as a Python exception.
fn py_error(error: Error) -> PyErr {
    DraftdiffError::new_err(error.to_string())
}

/// Writes with a renderer into a string (the renderers write UTF-8 JSON).
fn to_json(write: impl FnOnce(&mut Vec<u8>) -> std::io::Result<()>) -> PyResult<String> {
    let mut out = Vec::new();
    write(&mut out).map_err(|e| DraftdiffError::new_err(format!("writing JSON: {e}")))?;
    String::from_utf8(out).map_err(|e| DraftdiffError::new_err(format!("writing JSON: {e}")))
}

/// The diff options of the CLI's `--ignore-*` flags.
fn diff_options(ignore_case: bool, ignore_punctuation: bool) -> DiffOptions {
    DiffOptions::new()
        .ignore_case(ignore_case)
        .ignore_punctuation(ignore_punctuation)
}

/// Checks a score given by the caller, as the CLI does for `--min-score`.
fn check_score(name: &str, score: f64) -> PyResult<f64> {
    if (0.0..=1.0).contains(&score) {
        Ok(score)
    } else {
        Err(DraftdiffError::new_err(format!(
            "{name}: {score} is not a score from 0 to 1"
        )))
    }
}

/// The segment JSON (`draftdiff segment --format json`) of `text`, named `path`.
#[pyfunction]
#[pyo3(signature = (text, path = "<text>".to_string()))]
fn segment_json(py: Python<'_>, text: String, path: String) -> PyResult<String> {
    py.detach(|| {
        let doc = segment(&path, &text, &SegmentOptions::new());
        to_json(|w| render::json::segment(&doc, w))
    })
}

/// The report JSON (`draftdiff --format json`) of two aligned documents.
fn report_json(old: Document, new: Document, diff: &DiffOptions) -> PyResult<String> {
    let alignment = draftdiff::align(&old, &new, &AlignOptions::new());
    let report = draftdiff::diff::report(old, new, alignment, diff);
    to_json(|w| render::json(&report, w))
}

/// The report JSON of two texts.
#[pyfunction]
#[pyo3(signature = (old, new, old_path = "old".to_string(), new_path = "new".to_string(),
    ignore_case = false, ignore_punctuation = false))]
fn align_json(
    py: Python<'_>,
    old: String,
    new: String,
    old_path: String,
    new_path: String,
    ignore_case: bool,
    ignore_punctuation: bool,
) -> PyResult<String> {
    py.detach(|| {
        let old = segment(&old_path, &old, &SegmentOptions::new());
        let new = segment(&new_path, &new, &SegmentOptions::new());
        report_json(old, new, &diff_options(ignore_case, ignore_punctuation))
    })
}

/// The report JSON of two files of any format the CLI reads (text, Markdown, Word,
/// OpenDocument, PDF).
#[pyfunction]
#[pyo3(signature = (old_path, new_path, ignore_case = false, ignore_punctuation = false))]
fn compare_json(
    py: Python<'_>,
    old_path: String,
    new_path: String,
    ignore_case: bool,
    ignore_punctuation: bool,
) -> PyResult<String> {
    py.detach(|| {
        let (read, seg) = (ReadOptions::new(), SegmentOptions::new());
        let old = draftdiff::load(&old_path, &read, &seg).map_err(py_error)?;
        let new = draftdiff::load(&new_path, &read, &seg).map_err(py_error)?;
        report_json(old, new, &diff_options(ignore_case, ignore_punctuation))
    })
}

/// Writes the index of the documents at `paths` to `output` (`draftdiff index`).
#[pyfunction]
fn write_index(py: Python<'_>, paths: Vec<String>, output: String) -> PyResult<usize> {
    py.detach(|| {
        let mut builder = IndexBuilder::new(IndexOptions::new());
        for path in &paths {
            let bytes = draftdiff::read::read_bytes(path).map_err(py_error)?;
            let hash = corpus::content_hash(&bytes);
            let size = bytes.len() as u64;
            let doc =
                draftdiff::read::document(path, bytes, &ReadOptions::new(), &SegmentOptions::new())
                    .map_err(py_error)?;
            builder.add_hashed(&doc, hash, size);
        }
        let index = builder.finish();
        let mut out = Vec::new();
        index
            .write(&mut out)
            .and_then(|()| std::fs::write(&output, &out))
            .map_err(|e| py_error(Error::io(&output, e)))?;
        Ok(index.documents().len())
    })
}

/// The sources JSON (`draftdiff sources --format json`) of a draft against either an index
/// file written by `draftdiff index` or an in-memory corpus of `(name, text)` pairs.
#[pyfunction]
#[pyo3(signature = (draft, corpus = None, index = None, draft_path = "draft".to_string(),
    min_score = corpus::MIN_SOURCE_SCORE))]
fn sources_json(
    py: Python<'_>,
    draft: String,
    corpus: Option<Vec<(String, String)>>,
    index: Option<String>,
    draft_path: String,
    min_score: f64,
) -> PyResult<String> {
    let options = SourcesOptions::new().min_score(check_score("min_score", min_score)?);
    py.detach(|| {
        let draft = segment(&draft_path, &draft, &SegmentOptions::new());
        let found = match (corpus, index) {
            (Some(corpus), None) => {
                let mut builder = IndexBuilder::new(IndexOptions::new());
                let mut docs: BTreeMap<String, Document> = BTreeMap::new();
                for (name, text) in corpus {
                    if docs.contains_key(&name) {
                        return Err(DraftdiffError::new_err(format!(
                            "{name}: two corpus documents have this name"
                        )));
                    }
                    let doc = segment(&name, &text, &SegmentOptions::new());
                    builder.add(&doc, text.as_bytes());
                    docs.insert(name, doc);
                }
                let index = builder.finish();
                corpus::sources(draft, &index, &options, &mut |d| {
                    Ok(docs[d.path.as_str()].clone())
                })
            }
            (None, Some(path)) => {
                let index = CorpusIndex::open(&path).map_err(py_error)?;
                let read = ReadOptions::new();
                corpus::sources(draft, &index, &options, &mut |d| {
                    corpus::load_indexed(d, &read)
                })
            }
            _ => {
                return Err(DraftdiffError::new_err(
                    "give either corpus (a list of (name, text) pairs) or index (a path), not both or neither",
                ));
            }
        }
        .map_err(py_error)?;
        to_json(|w| render::sources_json(&found, w))
    })
}

/// The word pairs of each traced unit of `text` (named `path`), as the corpus index sees
/// them: `(unit id, sorted distinct pair hashes)`. With `rate`, the sample an index built at
/// that rate keeps of a corpus unit (`draftdiff index --rate`); without, every pair (what a
/// draft unit looks up).
#[pyfunction]
#[pyo3(signature = (text, path = "<text>".to_string(), rate = None))]
fn unit_pairs(
    py: Python<'_>,
    text: String,
    path: String,
    rate: Option<u32>,
) -> PyResult<Vec<(usize, Vec<u32>)>> {
    if rate == Some(0) {
        return Err(DraftdiffError::new_err(
            "rate: 0 is not a sampling rate (1 or more)",
        ));
    }
    Ok(py.detach(|| {
        let doc = segment(&path, &text, &SegmentOptions::new());
        doc.units
            .iter()
            .filter(|u| corpus::traced(u))
            .map(|u| {
                let keys = match rate {
                    Some(rate) => corpus::sample(&u.norm, rate),
                    None => corpus::pairs(&u.norm),
                };
                (u.id, keys)
            })
            .collect()
    }))
}

/// The distinct word stems of each traced unit of `text` (named `path`), as the corpus
/// index counts them for its rarity of words: `(unit id, sorted word hashes)`.
#[pyfunction]
#[pyo3(signature = (text, path = "<text>".to_string()))]
fn unit_words(py: Python<'_>, text: String, path: String) -> Vec<(usize, Vec<u32>)> {
    py.detach(|| {
        let doc = segment(&path, &text, &SegmentOptions::new());
        doc.units
            .iter()
            .filter(|u| corpus::traced(u))
            .map(|u| (u.id, corpus::word_keys(&u.norm)))
            .collect()
    })
}

/// The sources JSON of a draft against given candidate documents with given evidence:
/// `evidence` holds `(draft unit, index in documents, document unit, weight)` with the
/// weight in units of `WEIGHT_ONE`, as `corpus::evidence` computes it over a whole corpus.
/// `documents` are `(name, text)` in corpus order (the tie-break of equal weights).
/// `rarity` is `(traced units of the corpus, [(word hash, units holding it)])` for at least
/// the words of the draft and of the corpus units named by the evidence (the second look).
#[pyfunction]
#[pyo3(signature = (draft, documents, evidence, draft_path = "draft".to_string(),
    min_score = corpus::MIN_SOURCE_SCORE, rarity = None))]
fn sources_from_evidence_json(
    py: Python<'_>,
    draft: String,
    documents: Vec<(String, String)>,
    evidence: Vec<(usize, usize, usize, u64)>,
    draft_path: String,
    min_score: f64,
    rarity: Option<(u64, Vec<(u32, u32)>)>,
) -> PyResult<String> {
    let options = SourcesOptions::new().min_score(check_score("min_score", min_score)?);
    py.detach(|| {
        let draft = segment(&draft_path, &draft, &SegmentOptions::new());
        let docs: Vec<Document> = documents
            .iter()
            .map(|(name, text)| segment(name, text, &SegmentOptions::new()))
            .collect();
        let mut by_unit = vec![Vec::new(); draft.units.len()];
        for &(n, d, o, weight) in &evidence {
            let fits = n < draft.units.len()
                && docs.get(d).is_some_and(|doc| o < doc.units.len())
                && d <= u32::MAX as usize;
            if !fits {
                return Err(DraftdiffError::new_err(format!(
                    "{draft_path}: evidence ({n}, {d}, {o}, {weight}) names a unit or document \
                     that is not there ({} draft units, {} documents)",
                    draft.units.len(),
                    docs.len()
                )));
            }
            by_unit[n].push(corpus::Evidence {
                document: d as u32,
                unit: o,
                weight: corpus::weight_of(weight),
            });
        }
        let rarity = rarity.map_or_else(corpus::Rarity::default, |(units, counts)| {
            corpus::Rarity::new(units, counts)
        });
        let found = corpus::sources_from_evidence(draft, by_unit, &rarity, &options, &mut |d| {
            Ok(docs[d as usize].clone())
        })
        .map_err(py_error)?;
        to_json(|w| render::sources_json(&found, w))
    })
}

/// The extension module.
#[pymodule]
fn _draftdiff(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("DraftdiffError", m.py().get_type::<DraftdiffError>())?;
    m.add("JSON_VERSION", render::JSON_VERSION)?;
    m.add("SOURCES_JSON_VERSION", render::SOURCES_JSON_VERSION)?;
    m.add("MIN_SOURCE_SCORE", corpus::MIN_SOURCE_SCORE)?;
    m.add("MIN_WEIGHT", corpus::MIN_WEIGHT)?;
    m.add("WEIGHT_ONE", corpus::WEIGHT_ONE)?;
    m.add("CANDIDATE_DOCUMENTS", corpus::CANDIDATE_DOCUMENTS)?;
    m.add("MAX_POSTINGS", corpus::MAX_POSTINGS)?;
    m.add("RATE", corpus::RATE)?;
    m.add("RIVAL_SHARE", corpus::RIVAL_SHARE)?;
    m.add("LOOK_WEIGHT", corpus::LOOK_WEIGHT)?;
    m.add("LOOK_UNITS", corpus::LOOK_UNITS)?;
    m.add_function(wrap_pyfunction!(segment_json, m)?)?;
    m.add_function(wrap_pyfunction!(align_json, m)?)?;
    m.add_function(wrap_pyfunction!(compare_json, m)?)?;
    m.add_function(wrap_pyfunction!(write_index, m)?)?;
    m.add_function(wrap_pyfunction!(sources_json, m)?)?;
    m.add_function(wrap_pyfunction!(unit_pairs, m)?)?;
    m.add_function(wrap_pyfunction!(unit_words, m)?)?;
    m.add_function(wrap_pyfunction!(sources_from_evidence_json, m)?)?;
    Ok(())
}
