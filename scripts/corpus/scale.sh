#!/usr/bin/env bash
# The scaling figures of `draftdiff index` and `draftdiff sources` on the planted-reuse
# corpus (issue 15; python/README.md, "Scaling"): for each size, the time and peak memory
# (`/usr/bin/time -v`) of generating the corpus, of `index`, and of `sources` on each of its
# 60 drafts (from the saved index, JSON output), then recall and precision of the planted
# links (`planted_corpus score`, overall and by edit). One table row per size on stdout.
#
#   scripts/corpus/scale.sh [SIZES] [SEED]        # defaults: "1000 10000 100000" 1
#
# Environment: SCRATCH (default /work/scratch-corpus4): corpora go to $SCRATCH/seedS-N and
# stay there (the Spark timings reuse them); KEEP_ABOVE (default 10000): larger corpora and
# their index are deleted after their row. Run from anywhere; builds in release first.
set -euo pipefail
cd "$(dirname "$0")/../.."
export CARGO_INCREMENTAL=0
SIZES=${1:-"1000 10000 100000"}
SEED=${2:-1}
SCRATCH=${SCRATCH:-/work/scratch-corpus4}
KEEP_ABOVE=${KEEP_ABOVE:-10000}
cargo build -q --release --features synth --bin draftdiff --example planted_corpus
BIN=$PWD/target/release/draftdiff
GEN=$PWD/target/release/examples/planted_corpus
mkdir -p "$SCRATCH"

# `timed LOG CMD…`: runs CMD under /usr/bin/time -v, its report in LOG.
timed() { local log=$1; shift; /usr/bin/time -v -o "$log" "$@"; }
# Wall seconds and peak RSS (MB) of a /usr/bin/time -v report.
wall() { awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0;
  for (i = 1; i <= n; i++) s = s * 60 + t[i]; printf "%.1f", s }' "$1"; }
rss() { awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$1"; }
# CPU seconds (user + system) of /usr/bin/time -v reports, summed: on a shared machine the
# wall time grows with the load, the CPU time hardly.
cpu() { awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.1f", s }' "$@"; }

echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), seed $SEED, commit $(git rev-parse --short HEAD)"
echo "| documents | generate s / MB | index s (CPU s) / MB | index file MB | sources: 60 drafts s (CPU s) | per draft s (max) | sources peak MB | recall | precision | load after |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
for n in $SIZES; do
  dir=$SCRATCH/seed$SEED-$n
  rm -rf "$dir"; mkdir -p "$dir/out" "$dir/time"
  timed "$dir/time/generate" "$GEN" "$dir" "$n" "$SEED" >/dev/null
  timed "$dir/time/index" "$BIN" index "$dir/corpus" -o "$dir/corpus.ddx"
  total=0; max=0; peak=0
  for draft in "$dir"/drafts/*.txt; do
    name=$(basename "$draft" .txt)
    timed "$dir/time/$name" "$BIN" sources --format json "$draft" "$dir/corpus.ddx" >"$dir/out/$name.json"
    s=$(wall "$dir/time/$name"); m=$(rss "$dir/time/$name")
    total=$(awk -v a="$total" -v b="$s" 'BEGIN { printf "%.1f", a + b }')
    max=$(awk -v a="$max" -v b="$s" 'BEGIN { print (b > a ? b : a) }')
    peak=$(( m > peak ? m : peak ))
  done
  drafts=$(ls "$dir"/drafts/*.txt | wc -l)
  "$GEN" score "$dir" "$dir"/out/*.json >"$dir/score.txt"
  read -r recall precision < <(awk '/^  all/ { gsub(/[;,]/, ""); print $6, $NF }' "$dir/score.txt")
  printf '| %s | %s / %s | %s (%s) / %s | %s | %s (%s) | %s (%s) | %s | %s | %s | %s |\n' \
    "$n" "$(wall "$dir/time/generate")" "$(rss "$dir/time/generate")" \
    "$(wall "$dir/time/index")" "$(cpu "$dir/time/index")" "$(rss "$dir/time/index")" \
    "$(( $(stat -c %s "$dir/corpus.ddx") / 1000000 ))" "$total" "$(cpu "$dir"/time/draft-*)" \
    "$(awk -v a="$total" -v d="$drafts" 'BEGIN { printf "%.2f", a / d }')" "$max" "$peak" \
    "$recall" "$precision" "$(cut -d' ' -f1 /proc/loadavg)"
  sed 's/^/    /' "$dir/score.txt" >&2
  if [ "$n" -gt "$KEEP_ABOVE" ]; then rm -rf "$dir"; fi
done
