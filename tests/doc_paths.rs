//! Every file path the user-facing documents name exists: a README that points at a file
//! that is not there (as `examples/data/README.md` once pointed at a gold lineage that had
//! moved) sends a new user nowhere.

use std::path::Path;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// The documents a new user reads, relative to the repository root.
const DOCS: &[&str] = &[
    "README.md",
    "ARCHITECTURE.md",
    "examples/data/README.md",
    "docs/json-schema.md",
    "fuzz/README.md",
];

/// Directories that command examples in the documents create; paths under them are
/// outputs, not files of the repository.
const WRITTEN_BY_EXAMPLES: &[&str] = &["synth-pair/"];

/// Extensions of the files the documents name.
const EXTENSIONS: &[&str] = &[
    "json", "txt", "rs", "md", "toml", "sh", "docx", "odt", "pdf", "html",
];

/// Path-like words: at least one `/`, ending in one of [`EXTENSIONS`].
fn paths_named(text: &str) -> Vec<&str> {
    text.split(|c: char| !(c.is_ascii_alphanumeric() || "._/-".contains(c)))
        .map(|word| word.trim_end_matches('.'))
        .filter(|word| word.contains('/') && !word.starts_with('/') && !word.contains("//"))
        .filter(|word| {
            word.rsplit_once('.')
                .is_some_and(|(_, ext)| EXTENSIONS.contains(&ext))
        })
        .collect()
}

#[test]
fn every_path_named_in_the_documents_exists() {
    let mut missing = Vec::new();
    let mut checked = 0;
    for doc in DOCS {
        let doc_path = Path::new(ROOT).join(doc);
        let text = std::fs::read_to_string(&doc_path).unwrap_or_else(|e| panic!("{doc}: {e}"));
        let dir = doc_path.parent().expect("a document is in a directory");
        for path in paths_named(&text) {
            if WRITTEN_BY_EXAMPLES.iter().any(|out| path.starts_with(out)) {
                continue;
            }
            checked += 1;
            // Relative to the document, to the repository root, or (in ARCHITECTURE.md's
            // module map) to `src/`.
            let found = [dir.to_path_buf(), ROOT.into(), Path::new(ROOT).join("src")]
                .iter()
                .any(|base| base.join(path).exists());
            if !found {
                missing.push(format!("{doc}: {path}"));
            }
        }
    }
    assert!(checked > 10, "the documents name only {checked} paths");
    assert!(
        missing.is_empty(),
        "paths named but missing:\n{}",
        missing.join("\n")
    );
}

#[test]
fn path_words_are_found_and_prose_is_not() {
    let text = "see `tests/fixtures/reference/gold.json`, and ../eval/x.gold.json. \
                Not: and/or, https://example.org/a.json, 1.5 or /etc/passwd.txt";
    assert_eq!(
        paths_named(text),
        ["tests/fixtures/reference/gold.json", "../eval/x.gold.json"]
    );
}
