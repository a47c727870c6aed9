#!/usr/bin/env bash
# CI step of the Python package (see python/README.md): installs what it needs, quietly and
# once (pinned; a JRE from the distribution only where `java` is missing), builds and
# installs the package, runs its pytest and the Spark local-mode test, prints a summary.
# Run from anywhere; `.ci/run` runs it after `cargo test` (whose build of the CLI binary
# and of the planted-corpus example the comparison test reuses).
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_INCREMENTAL=0
start=$(date +%s)
PY=${PYTHON:-python3}
if ! command -v java >/dev/null 2>&1; then
  echo "python-ci: installing default-jre-headless"
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null
fi
"$PY" -m pip install -q --disable-pip-version-check --root-user-action=ignore \
  maturin==1.16.0 pytest==9.2.0 pyspark==4.3.0 pandas==2.3.3 pyarrow==22.0.0 numpy
# The CLI binary and the corpus generator the Spark test compares with (no-ops after
# `cargo test --all-features`).
cargo build -q --all-features --bin draftdiff --example planted_corpus
export DRAFTDIFF_BIN="$PWD/target/debug/draftdiff"
export PLANTED_CORPUS_BIN="$PWD/target/debug/examples/planted_corpus"
# Spark's Python workers run the interpreter the package was installed into (with
# PYTHON=a venv's python, a bare `python3` would import another installed copy).
export PYSPARK_PYTHON="${PYSPARK_PYTHON:-$(command -v "$PY")}"
# Build the wheel once, in release (the Spark test aligns a few hundred pairs), and install it.
"$PY" -m pip install -q --disable-pip-version-check --root-user-action=ignore --force-reinstall --no-deps ./python
rm -rf python/target
status=0
# From the repository root, so `import draftdiff` is the installed package, not python/draftdiff.
"$PY" -m pytest -q -p no:cacheprovider python/tests -rs || status=$?
echo "python-ci: $(( $(date +%s) - start )) s, pytest exit status $status"
exit $status
