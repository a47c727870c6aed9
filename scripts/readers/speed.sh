#!/usr/bin/env bash
# Reading speed of each reader on one long document (issue 11): MB of input per second of
# draftdiff's text, Word, OpenDocument and PDF readers (read + segment, to units) against
# pandoc (Word and OpenDocument to plain text) and poppler's pdftotext on the same files,
# medians of 3 runs, all in one run (examples/read_speed.rs). Not run by CI; needs what
# render.sh needs (pandoc, LibreOffice, pdftotext).
# Usage: bash scripts/readers/speed.sh [OUT]   (default target/tmp/read-speed)
#
# The long document is made reproducibly, never committed: the new version of a
# generated shared-stock pair (`--stock`, fixed seed; examples/generate.rs) as text, then
# as Word through the same Markdown and reference document as render.sh (numbered
# paragraphs and headings, lists as Word lists, justified, hyphenated, running header and
# page numbers), then printed by LibreOffice to OpenDocument and PDF.
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=${1:-target/tmp/read-speed}
PARAGRAPHS=${PARAGRAPHS:-3000}
SEED=${SEED:-20261130}
mkdir -p "$OUT"
pandoc --version | head -1
soffice --version
pdftotext -v 2>&1 | head -1 || true   # exits 99 after printing its version

export CARGO_INCREMENTAL=0
cargo build -q --release
cargo run -q --release --features synth --example generate -- \
    --stock --paragraphs "$PARAGRAPHS" --seed "$SEED" --out "$OUT/pair" >/dev/null
cp "$OUT/pair/new.txt" "$OUT/long.txt"
pandoc --print-default-data-file reference.docx > "$OUT/pandoc-reference.docx"
python3 scripts/readers/make_reference.py "$OUT/pandoc-reference.docx" "$OUT/typeset.docx"
target/release/draftdiff segment --format json "$OUT/long.txt" \
    | python3 tests/fixtures/office/to_markdown.py --word-lists > "$OUT/long.md"
pandoc -f markdown -M lang=en --reference-doc="$OUT/typeset.docx" "$OUT/long.md" -o "$OUT/long.docx"
profile="$(mktemp -d)"
for format in odt pdf; do
    soffice "-env:UserInstallation=file://$profile" --headless --convert-to "$format" \
        --outdir "$OUT" "$OUT/long.docx" >/dev/null 2>&1
done
rm -rf "$profile"
cargo run -q --release --example read_speed -- \
    "$OUT/long.txt" "$OUT/long.docx" "$OUT/long.odt" "$OUT/long.pdf"
