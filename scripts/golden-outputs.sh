#!/usr/bin/env bash
# Runs every command and output format of draftdiff on the reference pair
# (examples/data), Darwin's six editions (tests/fixtures/darwin) and a generated
# 10,000-paragraph pair, and saves each output (and its exit status) in OUT_DIR.
#
#   scripts/golden-outputs.sh OUT_DIR [DRAFTDIFF] [GENERATE]
#
# DRAFTDIFF defaults to target/debug/draftdiff, GENERATE to target/debug/examples/generate
# (build them with `cargo build --bins --example generate`). Run it before and after a
# refactor into two directories, then `diff -r BEFORE AFTER`: the outputs must be
# byte-identical except where a fixed bug changes them (listed in CHANGELOG.md).
set -u
cd "$(dirname "$0")/.."
out=${1:?usage: scripts/golden-outputs.sh OUT_DIR [DRAFTDIFF] [GENERATE]}
dd=${2:-target/debug/draftdiff}
gen=${3:-target/debug/examples/generate}
mkdir -p "$out"

# run NAME ARGS...: stdout to NAME, stderr to NAME.err, exit status appended to NAME.status.
run() {
    local name=$1
    shift
    "$dd" "$@" >"$out/$name" 2>"$out/$name.err"
    echo "$?" >"$out/$name.status"
}

# The generated pair: 10,000 paragraphs, fixed seed. Written to the same place on every
# run (not into OUT_DIR), since its path is part of the outputs.
# Generated beside it and moved in only when different, so two runs can share it.
synth=target/golden-synth
fresh=$(mktemp -d target/golden-synth.XXXXXX)
"$gen" --paragraphs 10000 --seed 7 --out "$fresh" >/dev/null
mkdir -p "$synth"
for f in old.txt new.txt gold.json; do
    cmp -s "$fresh/$f" "$synth/$f" || mv "$fresh/$f" "$synth/$f"
done
rm -rf "$fresh"

# Reports of one pair in every format.
report_all() {
    local tag=$1 old=$2 new=$3
    run "$tag.terminal.never" --color never --width 100 "$old" "$new"
    run "$tag.terminal.always" --color always --width 100 "$old" "$new"
    run "$tag.side.never" --color never --width 120 --side-by-side "$old" "$new"
    run "$tag.side.always" --color always --width 120 --side-by-side "$old" "$new"
    run "$tag.stat.never" --color never --stat "$old" "$new"
    run "$tag.stat.always" --color always --stat "$old" "$new"
    run "$tag.only.never" --color never --only added,moved "$old" "$new"
    run "$tag.only-changed.always" --color always --only changed,removed "$old" "$new"
    run "$tag.ignore.never" --color never --ignore-case --ignore-punctuation --ignore-quotes --ignore-numbering "$old" "$new"
    run "$tag.json" --format json "$old" "$new"
    run "$tag.markdown" --format markdown "$old" "$new"
    run "$tag.changelog" changelog "$old" "$new"
    run "$tag.changelog.ignore" changelog --ignore-quotes --compare-whitespace "$old" "$new"
}

# segment in every format.
segment_all() {
    local tag=$1 file=$2
    run "$tag.segment.text" segment "$file"
    run "$tag.segment.json" segment --format json "$file"
    run "$tag.segment.explain" segment --explain "$file"
}

# trace, blame and log over a chain of versions.
lineage_all() {
    local tag=$1 para=$2
    shift 2
    run "$tag.trace.never" --color never trace --para "$para" "$@"
    run "$tag.trace.always" --color always trace --para "$para" "$@"
    run "$tag.trace.full" --color never trace --full --para "$para" "$@"
    run "$tag.trace.json" trace --format json --para "$para" "$@"
    run "$tag.trace.at" --color never trace --at 2:L5 "$@"
    run "$tag.blame.never" --color never --width 120 blame "$@"
    run "$tag.blame.always" --color always --width 120 blame "$@"
    run "$tag.blame.json" blame --format json "$@"
    run "$tag.log.never" --color never log "$@"
    run "$tag.log.always" --color always log "$@"
    run "$tag.log.json" log --format json "$@"
    run "$tag.log.dot" log --format dot "$@"
    run "$tag.log.mermaid" log --format mermaid "$@"
}

ref_old=examples/data/outline-draft.txt
ref_new=examples/data/final-report.txt
report_all ref "$ref_old" "$ref_new"
segment_all ref-old "$ref_old"
segment_all ref-new "$ref_new"
lineage_all ref 3 "$ref_old" "$ref_new"
run ref.eval.text eval tests/fixtures/reference/gold.json "$ref_old" "$ref_new"
run ref.eval.json eval --format json tests/fixtures/reference/gold.json "$ref_old" "$ref_new"

d=tests/fixtures/darwin
report_all darwin-1859-1860 "$d/1859.txt" "$d/1860.txt"
report_all darwin-1866-1872 "$d/1866.txt" "$d/1872.txt"
segment_all darwin-1859 "$d/1859.txt"
lineage_all darwin 4 "$d/1859.txt" "$d/1860.txt" "$d/1861.txt" "$d/1866.txt" "$d/1869.txt" "$d/1872.txt"

report_all synth "$synth/old.txt" "$synth/new.txt"
segment_all synth-new "$synth/new.txt"
lineage_all synth 12 "$synth/old.txt" "$synth/new.txt"
run synth.eval.json eval --format json "$synth/gold.json" "$synth/old.txt" "$synth/new.txt"

# Errors: a missing file names it and exits 2.
run error.missing --color never no-such-dir/no-such-file.txt "$ref_new"
