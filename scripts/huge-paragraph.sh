#!/usr/bin/env bash
# Peak memory per input byte on one huge paragraph (issue 8: aim ≤ 10): a generated
# document's paragraphs joined into one line of about MB megabytes (default 43), against a
# copy of it with WORDS words changed (default 2,000, spread evenly), `draftdiff OLD NEW
# --format json` under `/usr/bin/time -v`. Prints the wall time, the peak RSS, the bytes of
# peak per input byte (old + new), and the JSON's SHA-256 (same inputs, same output).
#
#   scripts/huge-paragraph.sh [DRAFTDIFF]     (default target/release/draftdiff)
#   MB=16 WORDS=1000 scripts/huge-paragraph.sh
#   HEAPTRACK=1 scripts/huge-paragraph.sh     # also under heaptrack, its peak printed
#
# The pair is made reproducibly (examples/generate.rs, seed 1, no PDF noise) in
# target/tmp/huge-paragraph and reused while its size is unchanged; never committed.
set -euo pipefail
cd "$(dirname "$0")/.."
dd=${1:-target/release/draftdiff}
MB=${MB:-43}
WORDS=${WORDS:-2000}
dir=target/tmp/huge-paragraph
mkdir -p "$dir"
export CARGO_INCREMENTAL=0

if [ ! -s "$dir/old-$MB.txt" ] || [ ! -s "$dir/new-$MB-$WORDS.txt" ]; then
    # About 600 bytes a generated paragraph.
    n=$((MB * 1000000 / 560 + 1))
    cargo run -q --release --features synth --example generate -- \
        --paragraphs "$n" --seed 1 --out "$dir/pair" >/dev/null
    # Every non-blank line of the old version, joined with spaces into one paragraph, cut
    # back to MB megabytes at a space.
    awk -v max=$((MB * 1000000)) '
        NF { line = $0; sub(/^[ \t]+/, "", line)
             if (total + length(line) + 1 > max) exit
             printf "%s%s", (total ? " " : ""), line; total += length(line) + 1 }
        END { printf "\n" }' "$dir/pair/old.txt" >"$dir/old-$MB.txt"
    # WORDS words, evenly spaced, replaced by a numbered word found nowhere else.
    words=$(wc -w <"$dir/old-$MB.txt")
    awk -v every=$((words / WORDS)) '
        { for (i = 1; i <= NF; i++) {
              if (i % every == 0 && k < '"$WORDS"') { $i = "zqchanged" k; k++ }
          }
          print }' "$dir/old-$MB.txt" >"$dir/new-$MB-$WORDS.txt"
    rm -rf "$dir/pair"
fi
old=$dir/old-$MB.txt
new=$dir/new-$MB-$WORDS.txt
input=$(($(stat -c %s "$old") + $(stat -c %s "$new")))

echo "draftdiff: $dd"
echo "input: $(stat -c %s "$old") + $(stat -c %s "$new") bytes, one paragraph each, $WORDS words changed"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/time -v "$dd" "$old" "$new" --format json >"$dir/out.json" 2>"$dir/time.txt" || true
wall=$(grep 'Elapsed (wall clock)' "$dir/time.txt" | awk '{print $NF}')
rss_kb=$(grep 'Maximum resident set size' "$dir/time.txt" | awk '{print $NF}')
awk -v rss="$rss_kb" -v input="$input" -v wall="$wall" 'BEGIN {
    printf "wall %s, peak RSS %.1f MiB, %.2f bytes per input byte\n", wall, rss / 1024, rss * 1024 / input }'
echo "json sha256: $(sha256sum <"$dir/out.json" | cut -d' ' -f1) ($(stat -c %s "$dir/out.json") bytes)"

if [ "${HEAPTRACK:-0}" = 1 ] && command -v heaptrack >/dev/null; then
    heaptrack -o "$dir/heaptrack" "$dd" "$old" "$new" --format json >/dev/null 2>&1 || true
    heaptrack_print "$dir"/heaptrack.*.zst 2>/dev/null | grep -E '^(peak heap memory|peak RSS)' || true
    heaptrack_print -p 0 -a 0 -l 0 -T 0 -n 12 "$dir"/heaptrack.*.zst 2>/dev/null \
        | sed -n '/PEAK MEMORY CONSUMERS/,/^$/p' | head -60 || true
    rm -f "$dir"/heaptrack.*
fi
rm -f "$dir/out.json" "$dir/time.txt"
