#!/usr/bin/env bash
# Alignment through each reader (issue 11): renders every pair of the alignment gold corpus
# (tests/corpus/align) to Word, to a typeset PDF and to `pdftotext` text, then scores
# draftdiff on each rendering against the gold carried over to it
# (examples/readers_eval.rs). Not run by CI: it needs pandoc, LibreOffice, pdftotext and
# hyphenation dictionaries from the distribution:
#   apt-get install -y pandoc libreoffice-writer-nogui poppler-utils chromium hyphen-en-us hyphen-de hyphen-fr
# Usage: bash scripts/readers/render.sh [OUT]   (default target/tmp/readers)
#
# Each version becomes a Word file with one paragraph a unit of draftdiff's plain-text
# segmentation (numbers typed, lists as Word lists, footnotes as Word footnotes:
# tests/fixtures/office/to_markdown.py --word-lists), through a reference document that typesets like a published report
# (justified, hyphenated in the pair's language, a running header, page numbers:
# make_reference.py); LibreOffice prints it to PDF, a browser prints the same text as a web
# page (pandoc's HTML) to a second PDF, and pdftotext (no -layout: lines with
# no blank line between paragraphs, as most users get them) extracts the PDF's text.
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=${1:-target/tmp/readers}
mkdir -p "$OUT"
pandoc --version | head -1
soffice --version
pdftotext -v 2>&1 | head -1 || true   # exits 99 after printing its version
BROWSER=$(command -v chromium || command -v chromium-browser || command -v google-chrome)
"$BROWSER" --version

cargo build -q --release
DRAFTDIFF=target/release/draftdiff
pandoc --print-default-data-file reference.docx > "$OUT/pandoc-reference.docx"
python3 scripts/readers/make_reference.py "$OUT/pandoc-reference.docx" "$OUT/typeset.docx"

pairs=()
for pair in tests/corpus/align/*/; do
    [ -f "$pair/gold.json" ] || continue
    pair=${pair%/}
    name=$(basename "$pair")
    lang=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1])).get("language","en"))' "$pair/meta.json")
    dir="$OUT/$name"
    mkdir -p "$dir"
    for side in old new; do
        src="$pair/$side.txt"
        [ -f "$src" ] || src="$pair/$side.md"
        "$DRAFTDIFF" segment --format json "$src" \
            | python3 tests/fixtures/office/to_markdown.py --word-lists > "$dir/$side.md"
        pandoc -f markdown -M lang="$lang" --reference-doc="$OUT/typeset.docx" \
            "$dir/$side.md" -o "$dir/$side.docx"
    done
    soffice --headless --convert-to pdf --outdir "$dir" "$dir/old.docx" "$dir/new.docx" >/dev/null 2>&1
    # The same text as a web page printed to PDF by a browser: no hyphenation, ragged
    # right, no space between list items, and bullets drawn rather than written.
    for side in old new; do
        pandoc -f markdown -s -M lang="$lang" -M pagetitle="$name $side" \
            "$dir/$side.md" -o "$dir/$side.html"
        "$BROWSER" --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
            --user-data-dir="$OUT/browser-profile" \
            --print-to-pdf="$dir/$side.browser.pdf" "file://$(realpath "$dir/$side.html")" >/dev/null 2>&1
    done
    for side in old new; do
        pdftotext "$dir/$side.pdf" "$dir/$side.pdftotext.txt"
    done
    pairs+=("$pair")
done
cargo run -q --release --features eval --example readers_eval -- "$OUT" "${pairs[@]}"
